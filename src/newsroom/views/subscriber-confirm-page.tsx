import type { Translator } from '../../platform/i18n.js';
import { CsrfField } from './admin-layout.js';

export interface SubscriberActionConfirmView {
  t: Translator;
  csrfToken: string | undefined;
  verb: 'unsubscribe' | 'delete';
  email: string;
  action: string;
}

/** The question the confirm dialog asks, as a page, for browsers without JavaScript. */
export function SubscriberActionConfirmPage({ view }: { view: SubscriberActionConfirmView }) {
  const { t, verb, email } = view;
  return (
    <section class="panel">
      <h1>{t(`subscribers.${verb}.heading`)}</h1>
      <p>
        {verb === 'delete'
          ? t('subscribers.delete.text', { email })
          : t('subscribers.unsubscribe.question', { email })}
      </p>
      <form method="post" action={view.action} class="actions">
        <CsrfField token={view.csrfToken} />
        <input type="hidden" name="confirmed" value="yes" />
        <button type="submit" class={verb === 'delete' ? 'button-danger' : undefined}>
          {t(`subscribers.action.${verb}`)}
        </button>
        <a href="/admin/subscribers">{t('subscribers.cancel')}</a>
      </form>
    </section>
  );
}
