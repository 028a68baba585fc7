import type { Translator } from '../../platform/i18n.js';
import { CsrfField, Field } from './admin-layout.js';

export interface SignInView {
  t: Translator;
  csrfToken: string;
  email: string;
  error?: string;
  /** Where to go after signing in (a path inside /admin). */
  next: string;
}

export function SignInForm({ view }: { view: SignInView }) {
  const { t } = view;
  return (
    <section class="account-box">
      <h1>{t('admin.signIn.heading')}</h1>
      {view.error ? (
        <p class="notice notice-error" role="alert">
          {view.error}
        </p>
      ) : null}
      <form method="post" action="/admin/sign-in">
        <CsrfField token={view.csrfToken} />
        <input type="hidden" name="next" value={view.next} />
        <Field
          name="email"
          type="email"
          label={t('admin.field.email')}
          value={view.email}
          required
          autocomplete="username"
        />
        <Field
          name="password"
          type="password"
          label={t('admin.field.password')}
          required
          autocomplete="current-password"
        />
        <button type="submit" class="button button-primary">
          {t('admin.signIn.submit')}
        </button>
      </form>
    </section>
  );
}

export interface SetPasswordView {
  t: Translator;
  csrfToken: string;
  /** True for the first-run link that creates the owner (asks for email and name too). */
  createsOwner: boolean;
  action: string;
  email: string;
  displayName: string;
  errors: Partial<Record<'email' | 'password' | 'confirm' | 'form', string>>;
}

export function SetPasswordForm({ view }: { view: SetPasswordView }) {
  const { t } = view;
  return (
    <section class="account-box">
      <h1>{view.createsOwner ? t('admin.setup.heading') : t('admin.password.heading')}</h1>
      <p>{view.createsOwner ? t('admin.setup.intro') : t('admin.password.intro')}</p>
      {view.errors.form ? (
        <p class="notice notice-error" role="alert">
          {view.errors.form}
        </p>
      ) : null}
      <form method="post" action={view.action}>
        <CsrfField token={view.csrfToken} />
        {view.createsOwner ? (
          <>
            <Field
              name="email"
              type="email"
              label={t('admin.field.email')}
              value={view.email}
              error={view.errors.email}
              required
              autocomplete="username"
            />
            <Field
              name="displayName"
              label={t('admin.field.displayName')}
              value={view.displayName}
              autocomplete="name"
            />
          </>
        ) : null}
        <Field
          name="password"
          type="password"
          label={t('admin.field.newPassword')}
          hint={t('admin.password.rule', { min: 10 })}
          error={view.errors.password}
          required
          autocomplete="new-password"
        />
        <Field
          name="confirm"
          type="password"
          label={t('admin.field.confirmPassword')}
          error={view.errors.confirm}
          required
          autocomplete="new-password"
        />
        <button type="submit" class="button button-primary">
          {view.createsOwner ? t('admin.setup.submit') : t('admin.password.submit')}
        </button>
      </form>
    </section>
  );
}

export function MessageBox({
  heading,
  text,
  link,
}: {
  heading: string;
  text: string;
  link?: { href: string; label: string };
}) {
  return (
    <section class="account-box">
      <h1>{heading}</h1>
      <p>{text}</p>
      {link ? <a href={link.href}>{link.label}</a> : null}
    </section>
  );
}
