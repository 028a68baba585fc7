import type { Translator } from '../../platform/i18n.js';

// Pieces every newsletter admin page shares: the section's tabs, the delivery counts (which the
// admin script refreshes in place, so each number carries the name it is looked up by), and the
// sandboxed preview of a digest.

export interface TimeView {
  iso: string;
  label: string;
}

/** What the pages show of an issue's deliveries; `pending` includes those being sent right now. */
export interface CountsView {
  sent: number;
  pending: number;
  retrying: number;
  failed: number;
  suppressed: number;
  total: number;
}

export const COUNT_NAMES = ['sent', 'pending', 'retrying', 'failed', 'suppressed'] as const;

export type NewsletterTab = 'issues' | 'preview' | 'events';

const TABS: { tab: NewsletterTab; href: string; key: string }[] = [
  { tab: 'issues', href: '/admin/newsletter', key: 'newsletterAdmin.tab.issues' },
  { tab: 'preview', href: '/admin/newsletter/preview', key: 'newsletterAdmin.tab.preview' },
  { tab: 'events', href: '/admin/newsletter/events', key: 'newsletterAdmin.tab.events' },
];

export function NewsletterTabs({ t, current }: { t: Translator; current: NewsletterTab | undefined }) {
  return (
    <nav aria-label={t('newsletterAdmin.tab.label')}>
      <ul class="tabs">
        {TABS.map((item) => (
          <li>
            <a href={item.href} aria-current={item.tab === current ? 'page' : undefined}>
              {t(item.key)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function Time({ time }: { time: TimeView | undefined }) {
  return time ? <time datetime={time.iso}>{time.label}</time> : <>—</>;
}

/** The counts as a definition list; `live` marks it as the region a screen reader hears update. */
export function CountsList({ t, counts, live }: { t: Translator; counts: CountsView; live?: boolean }) {
  return (
    <dl
      class="delivery-counts"
      aria-live={live ? 'polite' : undefined}
      data-counts-totals={live ? '' : undefined}
    >
      {COUNT_NAMES.map((name) => (
        <div class={`delivery-count delivery-count-${name}`}>
          <dt>{t(`newsletterAdmin.count.${name}`)}</dt>
          <dd data-count={name}>{counts[name]}</dd>
        </div>
      ))}
      <div class="delivery-count">
        <dt>{t('newsletterAdmin.count.total')}</dt>
        <dd data-count="total">{counts.total}</dd>
      </div>
    </dl>
  );
}

export interface DigestPreviewView {
  /** The HTML part, served by its own sandboxed route. */
  htmlSrc: string;
  text: string;
  subject: string;
}

/**
 * The HTML part in a sandboxed frame (its own route sends a sandboxing CSP too: no script, no
 * same-origin access, nothing loaded but images) and the text part as the mail carries it.
 */
export function DigestPreview({ t, preview, id }: { t: Translator; preview: DigestPreviewView; id: string }) {
  return (
    <section class="digest-preview" aria-labelledby={`${id}_heading`}>
      <h2 id={`${id}_heading`}>{t('newsletterAdmin.preview.heading')}</h2>
      <p>
        <strong>{t('newsletterAdmin.preview.subject')}</strong> {preview.subject}
      </p>
      <div class="digest-preview-parts">
        <div>
          <h3>{t('newsletterAdmin.preview.html')}</h3>
          <iframe
            class="digest-frame"
            src={preview.htmlSrc}
            sandbox=""
            title={t('newsletterAdmin.preview.frameTitle', { subject: preview.subject })}
          />
        </div>
        <div>
          <h3>{t('newsletterAdmin.preview.text')}</h3>
          <pre class="digest-text" tabindex={0}>
            {preview.text}
          </pre>
        </div>
      </div>
    </section>
  );
}
