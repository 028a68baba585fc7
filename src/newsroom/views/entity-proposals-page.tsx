import type { Translator } from '../../platform/i18n.js';
import { CsrfField } from './admin-layout.js';

export interface ProposalView {
  id: number;
  slug: string;
  kind: string;
  names: { locale: string; name: string }[];
  proposedBy: string;
  proposedAt: { iso: string; label: string };
  stories: { href: string; title: string }[];
}

export interface EntityProposalsView {
  t: Translator;
  csrfToken: string | undefined;
  total: number;
  proposals: ProposalView[];
  kinds: { value: string; label: string }[];
  /** Approved entities a proposal may be merged into. */
  targets: { value: string; label: string }[];
}

/** The review list of proposed entities: each with its names, who proposed it, and three actions. */
export function EntityProposalsPage({ view }: { view: EntityProposalsView }) {
  const { t } = view;
  return (
    <div class="home-proposals">
      <h1>{t('home.proposals.heading')}</h1>
      <p class="muted">{t('home.proposals.intro')}</p>
      <p>{t('home.proposals.count', { count: view.total })}</p>
      <datalist id="merge_targets">
        {view.targets.map((o) => (
          <option value={o.value} label={o.label} />
        ))}
      </datalist>
      <ul class="home-proposal-list">
        {view.proposals.map((p) => {
          const title = p.names.map((n) => n.name).join(' · ') || p.slug;
          return (
            <li class="home-proposal" data-proposal={p.slug}>
              <h2 id={`proposal_${p.id}`}>{title}</h2>
              <p class="muted">
                {t('home.proposals.by', { name: p.proposedBy })} ·{' '}
                <time datetime={p.proposedAt.iso}>{p.proposedAt.label}</time>
              </p>
              {p.stories.length > 0 ? (
                <p>
                  {t('home.proposals.usedIn')}{' '}
                  {p.stories.map((s, i) => (
                    <>
                      {i > 0 ? ', ' : ''}
                      <a href={s.href}>{s.title}</a>
                    </>
                  ))}
                </p>
              ) : null}
              <div class="home-proposal-actions">
                <form method="post" action={`/admin/entity-proposals/${p.id}/approve`}>
                  <CsrfField token={view.csrfToken} />
                  <label for={`kind_${p.id}`}>{t('home.proposals.kind')}</label>
                  <select id={`kind_${p.id}`} name="kind">
                    {view.kinds.map((k) => (
                      <option value={k.value} selected={k.value === p.kind}>
                        {k.label}
                      </option>
                    ))}
                  </select>
                  <button type="submit" aria-describedby={`proposal_${p.id}`}>
                    {t('home.proposals.approve')}
                  </button>
                </form>
                <form method="post" action={`/admin/entity-proposals/${p.id}/merge`}>
                  <CsrfField token={view.csrfToken} />
                  <label for={`into_${p.id}`}>{t('home.proposals.mergeInto')}</label>
                  <input id={`into_${p.id}`} name="into" list="merge_targets" autocomplete="off" required />
                  <button type="submit" aria-describedby={`proposal_${p.id}`}>
                    {t('home.proposals.merge')}
                  </button>
                </form>
                <form method="post" action={`/admin/entity-proposals/${p.id}/reject`}>
                  <CsrfField token={view.csrfToken} />
                  <button type="submit" class="button-danger" aria-describedby={`proposal_${p.id}`}>
                    {t('home.proposals.reject')}
                  </button>
                </form>
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
