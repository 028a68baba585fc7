import type { Translator } from '../../platform/i18n.js';

// The pieces the desk's pages share: a cluster's sources with the earliest and the most original
// marked, a cluster's state, and one item with its text folded away.

export interface TimeView {
  iso: string;
  label: string;
}

export interface SourceLineView {
  itemId: number;
  publisher: string;
  title: string;
  /** Only http(s) addresses become links. */
  href: string | undefined;
  /** The item's language as an HTML lang tag, when known. */
  lang: string | undefined;
  languageLabel: string;
  published: TimeView | undefined;
  earliest: boolean;
  original: boolean;
}

export interface ClusterCardView {
  id: number;
  href: string;
  title: string;
  summary: string;
  lang: string | undefined;
  state: 'open' | 'snoozed' | 'ignored' | 'started';
  snoozedUntil: TimeView | undefined;
  storyHref: string | undefined;
  languages: string[];
  itemCount: number;
  feedCount: number;
  latest: TimeView | undefined;
  sources: SourceLineView[];
}

export interface ItemView {
  id: number;
  publisher: string;
  title: string;
  href: string | undefined;
  lang: string | undefined;
  languageLabel: string;
  published: TimeView | undefined;
  byline: string;
  text: string;
  /** Where the text came from: the article page, the feed's own summary, or nowhere. */
  textKind: 'page' | 'feed' | 'none';
  extractState: string;
  entities: string[];
  earliest: boolean;
  original: boolean;
}

const STATE_BADGE: Record<ClusterCardView['state'], string> = {
  open: 'badge',
  snoozed: 'badge badge-scheduled',
  ignored: 'badge badge-muted',
  started: 'badge badge-published',
};

export function Time({ time }: { time: TimeView | undefined }) {
  return time ? <time datetime={time.iso}>{time.label}</time> : <>—</>;
}

function ClusterState({ t, cluster }: { t: Translator; cluster: ClusterCardView }) {
  return (
    <span class={STATE_BADGE[cluster.state]}>
      {cluster.state === 'snoozed' && cluster.snoozedUntil
        ? t('desk.state.snoozedUntil', { time: cluster.snoozedUntil.label })
        : t(`desk.state.${cluster.state}`)}
    </span>
  );
}

/** A link to an original article: same tab, and neither the opener nor our address leaks to it. */
function OriginalLink(props: { href: string | undefined; lang: string | undefined; text: string }) {
  return props.href ? (
    <a href={props.href} rel="noopener noreferrer" lang={props.lang}>
      {props.text}
    </a>
  ) : (
    <span lang={props.lang}>{props.text}</span>
  );
}

function Marks({ t, earliest, original }: { t: Translator; earliest: boolean; original: boolean }) {
  return (
    <>
      {original ? <span class="badge badge-original">{t('desk.mark.original')}</span> : null}
      {earliest ? <span class="badge badge-earliest">{t('desk.mark.earliest')}</span> : null}
    </>
  );
}

export function SourceList({ t, sources }: { t: Translator; sources: SourceLineView[] }) {
  return (
    <ul class="desk-sources">
      {sources.map((s) => (
        <li>
          <span class="desk-publisher">{s.publisher}</span>{' '}
          <OriginalLink href={s.href} lang={s.lang} text={s.title} />{' '}
          <span class="muted desk-when">
            <Time time={s.published} />
            {s.languageLabel ? ` · ${s.languageLabel}` : ''}
          </span>{' '}
          <Marks t={t} earliest={s.earliest} original={s.original} />
        </li>
      ))}
    </ul>
  );
}

/** One item of a cluster: who, when, the link to the original, its entities and its text, folded. */
export function ItemArticle({ t, item, level }: { t: Translator; item: ItemView; level: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <article class="desk-item" aria-labelledby={`item_${item.id}_title`}>
      <Heading id={`item_${item.id}_title`} class="desk-item-title">
        <OriginalLink href={item.href} lang={item.lang} text={item.title || t('desk.item.untitled')} />
      </Heading>
      <p class="desk-meta">
        <span class="desk-publisher">{item.publisher}</span>
        {item.byline ? ` · ${t('desk.item.byline', { byline: item.byline })}` : ''} ·{' '}
        <Time time={item.published} />
        {item.languageLabel ? ` · ${item.languageLabel}` : ''}{' '}
        <Marks t={t} earliest={item.earliest} original={item.original} />
      </p>
      {item.entities.length > 0 ? (
        <p class="desk-entities">
          <span class="muted">{t('desk.item.entities')}</span>{' '}
          {item.entities.map((name) => (
            <span class="chip">{name}</span>
          ))}
        </p>
      ) : null}
      {item.textKind === 'none' ? (
        <p class="muted">
          {t(item.extractState === 'failed' ? 'desk.item.extractFailed' : 'desk.item.noText')}
        </p>
      ) : (
        <details class="desk-text">
          <summary>{t(item.textKind === 'page' ? 'desk.item.pageText' : 'desk.item.feedText')}</summary>
          <div class="desk-text-body" lang={item.lang}>
            {item.text.split(/\n{2,}/).map((paragraph) => (
              <p>{paragraph}</p>
            ))}
          </div>
        </details>
      )}
    </article>
  );
}

/** A cluster's state, counts, newest time and languages, then its summary: the same on both pages. */
export function ClusterOverview({ t, cluster }: { t: Translator; cluster: ClusterCardView }) {
  return (
    <>
      <p class="desk-meta">
        <ClusterState t={t} cluster={cluster} />{' '}
        <span class="muted">
          {t('desk.cluster.counts', { items: cluster.itemCount, feeds: cluster.feedCount })} ·{' '}
          <Time time={cluster.latest} />
          {cluster.languages.length > 0 ? ` · ${cluster.languages.join(', ')}` : ''}
        </span>
      </p>
      {cluster.summary ? (
        <p class="desk-summary" lang={cluster.lang}>
          {cluster.summary}
        </p>
      ) : null}
    </>
  );
}
