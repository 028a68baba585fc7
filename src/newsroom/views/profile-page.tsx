import type { Translator } from '../../platform/i18n.js';
import { CsrfField, Field } from './admin-layout.js';
import { SelectField } from './form-controls.js';

export interface ProfileFormView {
  t: Translator;
  csrfToken: string | undefined;
  action: string;
  name: string;
  slug: string;
  isPublic: boolean;
  avatarMediaId: number | null;
  avatars: { id: number; thumbnail: string }[];
  bios: { locale: string; label: string; lang: string; value: string }[];
  /** Present on one's own profile: the admin language choice. */
  uiLocale?: { value: string; options: { value: string; label: string }[] };
  errors: Record<string, string>;
}

/** A person's public profile (and, on their own, the admin's language). */
export function ProfileForm({ view }: { view: ProfileFormView }) {
  const { t } = view;
  return (
    <section class="profile-page">
      <h1>{t('profile.heading', { name: view.name })}</h1>
      <form method="post" action={view.action} class="profile-form">
        <CsrfField token={view.csrfToken} />
        {view.uiLocale ? (
          <SelectField
            name="uiLocale"
            label={t('profile.uiLocale')}
            value={view.uiLocale.value}
            options={view.uiLocale.options}
          />
        ) : null}
        <Field
          name="slug"
          label={t('profile.slug')}
          hint={t('profile.slugHint')}
          value={view.slug}
          error={view.errors.slug}
        />
        <div class="field">
          <label>
            <input type="checkbox" name="isPublic" value="1" checked={view.isPublic} /> {t('profile.public')}
          </label>
        </div>
        <fieldset class="avatar-choice">
          <legend>{t('profile.avatar')}</legend>
          <label class="avatar-option">
            <input type="radio" name="avatarMediaId" value="" checked={view.avatarMediaId === null} />{' '}
            {t('profile.noAvatar')}
          </label>
          {view.avatars.map((avatar) => (
            <label class="avatar-option">
              <input
                type="radio"
                name="avatarMediaId"
                value={String(avatar.id)}
                checked={view.avatarMediaId === avatar.id}
              />
              <img
                src={avatar.thumbnail}
                alt={t('profile.avatarNumber', { id: avatar.id })}
                width={64}
                height={64}
              />
            </label>
          ))}
          {view.errors.avatarMediaId ? <p class="field-error">{view.errors.avatarMediaId}</p> : null}
        </fieldset>
        {view.bios.map((bio) => (
          <Field
            name={`bio.${bio.locale}`}
            label={t('profile.bio', { language: bio.label })}
            value={bio.value}
            multiline={4}
            lang={bio.lang}
            error={view.errors[`bios.${bio.locale}`]}
          />
        ))}
        <button type="submit" class="button-primary">
          {t('profile.save')}
        </button>
      </form>
    </section>
  );
}
