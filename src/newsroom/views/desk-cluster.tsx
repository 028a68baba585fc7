import type { Translator } from '../../platform/i18n.js';
import { CsrfField, Field } from './admin-layout.js';
import { type ClusterCardView, ClusterOverview, ItemArticle, type ItemView } from './desk-cluster-card.js';
import { ClusterActions } from './desk-inbox.js';

export interface ClusterPageView {
  t: Translator;
  csrfToken: string | undefined;
  cluster: ClusterCardView;
  items: ItemView[];
  entities: string[];
  canTriage: boolean;
  canStart: boolean;
  /** The snooze form as typed, with its message, after a refused snooze; `hint` names the zone. */
  snooze: { until: string; error?: string | undefined; hint: string };
}

const PRESETS = ['4h', '1d', '1w'] as const;

function SnoozeForm({ view }: { view: ClusterPageView }) {
  const { t, cluster } = view;
  return (
    <form
      method="post"
      action={`/admin/desk/${cluster.id}/snooze`}
      class="panel"
      aria-labelledby="snooze_heading"
    >
      <h2 id="snooze_heading">{t('desk.snooze.heading')}</h2>
      <CsrfField token={view.csrfToken} />
      <input type="hidden" name="return" value={cluster.href} />
      <Field
        name="until"
        type="datetime-local"
        label={t('desk.snooze.until')}
        hint={view.snooze.hint}
        value={view.snooze.until}
        error={view.snooze.error}
      />
      {/* First: Enter in the date field snoozes until that date. */}
      <div class="actions">
        <button type="submit" name="preset" value="until">
          {t('desk.snooze.submitUntil')}
        </button>
        {PRESETS.map((preset) => (
          <button type="submit" name="preset" value={preset}>
            {t(`desk.snooze.preset.${preset}`)}
          </button>
        ))}
      </div>
    </form>
  );
}

export function ClusterPage({ view }: { view: ClusterPageView }) {
  const { t, cluster } = view;
  return (
    <>
      <p>
        <a href="/admin/desk">{t('desk.cluster.back')}</a>
      </p>
      <h1 lang={cluster.lang}>{cluster.title}</h1>
      <ClusterOverview t={t} cluster={cluster} />
      {view.entities.length > 0 ? (
        <p class="desk-entities">
          <span class="muted">{t('desk.cluster.entities')}</span>{' '}
          {view.entities.map((name) => (
            <span class="chip">{name}</span>
          ))}
        </p>
      ) : null}
      <ClusterActions
        t={t}
        view={view}
        cluster={cluster}
        returnTo={cluster.href}
        openStoryClass="button button-primary"
      />
      <div class="desk-cluster-grid">
        <section aria-labelledby="items_heading">
          <h2 id="items_heading">{t('desk.cluster.items', { count: view.items.length })}</h2>
          {view.items.map((item) => (
            <ItemArticle t={t} item={item} level={3} />
          ))}
        </section>
        {view.canTriage && cluster.state !== 'started' ? (
          <div>
            <SnoozeForm view={view} />
          </div>
        ) : null}
      </div>
    </>
  );
}
