import type { Child } from 'hono/jsx';
import type { Translator } from '../../platform/i18n.js';

/** What every admin page's frame needs: plain data, no database. */
export interface AdminChrome {
  t: Translator;
  /** `<html lang>`: the admin's UI language. */
  lang: string;
  title: string;
  stylesheetHref: string;
  scriptHref: string;
  /** Absent on the sign-in and setup pages. */
  user?: { email: string; displayName: string; role: string };
  csrfToken?: string;
  /** Navigation entries the person's role may use, with the current one marked. */
  navigation: { href: string; label: string; current: boolean; count?: number; countLabel?: string }[];
  /** A message after a redirect (“Saved”), shown once. */
  notice?: { kind: 'success' | 'error'; text: string };
}

export function CsrfField({ token }: { token: string | undefined }) {
  return token ? <input type="hidden" name="_csrf" value={token} /> : null;
}

export function AdminLayout({ chrome, children }: { chrome: AdminChrome; children?: Child }) {
  const { t } = chrome;
  return (
    <html lang={chrome.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="color-scheme" content="light dark" />
        <title>{`${chrome.title} · ${t('admin.product')}`}</title>
        <link rel="stylesheet" href={chrome.stylesheetHref} />
        <script defer src={chrome.scriptHref} />
      </head>
      <body data-csrf={chrome.csrfToken}>
        <a class="skip-link" href="#admin_main">
          {t('site.skipToContent')}
        </a>
        <header class="admin-header">
          <a class="admin-brand" href="/admin">
            {t('admin.product')}
          </a>
          {chrome.navigation.length > 0 ? (
            <nav aria-label={t('admin.nav.label')}>
              <ul class="admin-nav">
                {chrome.navigation.map((item) => (
                  <li>
                    <a href={item.href} aria-current={item.current ? 'page' : undefined}>
                      {item.label}
                      {item.count ? (
                        <span class="nav-count">
                          <span aria-hidden="true">{item.count}</span>
                          <span class="visually-hidden">{item.countLabel}</span>
                        </span>
                      ) : null}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          {chrome.user ? (
            <div class="admin-user">
              <span>
                <a href="/admin/account">{chrome.user.displayName || chrome.user.email}</a>
                <span class="admin-role"> · {t(`admin.role.${chrome.user.role}`)}</span>
              </span>
              <form method="post" action="/admin/sign-out">
                <CsrfField token={chrome.csrfToken} />
                <button type="submit" class="link-button">
                  {t('admin.signOut')}
                </button>
              </form>
            </div>
          ) : null}
        </header>
        <main id="admin_main" class="admin-main" tabindex={-1}>
          {chrome.notice ? (
            <p
              class={`notice notice-${chrome.notice.kind}`}
              role={chrome.notice.kind === 'error' ? 'alert' : 'status'}
            >
              {chrome.notice.text}
            </p>
          ) : null}
          {children}
        </main>
      </body>
    </html>
  );
}

/** A labelled form control with its error message tied to it for screen readers. */
export function Field(props: {
  name: string;
  label: string;
  value?: string;
  type?: string;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
  autocomplete?: string;
  multiline?: number;
  lang?: string;
  list?: string;
}) {
  const id = `field_${props.name.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
  const describedBy = [props.hint ? `${id}_hint` : '', props.error ? `${id}_error` : '']
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    name: props.name,
    required: props.required,
    lang: props.lang,
    'aria-invalid': props.error ? 'true' : undefined,
    'aria-describedby': describedBy || undefined,
  };
  return (
    <div class={props.error ? 'field field-invalid' : 'field'}>
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <p class="field-hint" id={`${id}_hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.multiline ? (
        <textarea {...common} rows={props.multiline}>
          {props.value ?? ''}
        </textarea>
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          value={props.value ?? ''}
          autocomplete={props.autocomplete}
          list={props.list}
        />
      )}
      {props.error ? (
        <p class="field-error" id={`${id}_error`}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
