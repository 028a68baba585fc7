import type { Child } from 'hono/jsx';
import type { Translator } from '../../platform/i18n.js';
import { HomeCalendar, type HomeCalendarDay } from './home-calendar.js';

export interface VariantLink {
  href: string;
  title: string;
  /** The variant's language, named in the admin's language. */
  language: string;
  lang: string;
}

interface TimeLabel {
  iso: string;
  label: string;
}

export interface HomeView {
  t: Translator;
  timeZone: string;
  drafts: (VariantLink & { at: TimeLabel })[];
  stale: (VariantLink & { at: TimeLabel; sourceLanguage: string })[];
  calendar: HomeCalendarDay[][];
  weekdays: string[];
  /** Absent when the person may not see the desk. */
  rising?: { href: string; title: string; recent: number; items: number; feeds: number }[];
  /** Absent when the person may not manage the newsletter. */
  sends?: { frequency: string; language: string; at: TimeLabel; subscribers: number }[];
  shared: (VariantLink & { shares: number })[];
  /** Absent when the person may not review entities. */
  proposals?: { total: number; names: string[] };
}

function Panel(props: {
  id: string;
  heading: string;
  more: { href: string; label: string };
  wide?: boolean;
  children?: Child;
}) {
  return (
    <section
      class={props.wide ? 'home-panel home-panel-wide' : 'home-panel'}
      aria-labelledby={`home_${props.id}`}
      data-home-panel={props.id}
    >
      <h2 id={`home_${props.id}`}>{props.heading}</h2>
      {props.children}
      <p class="home-more">
        <a href={props.more.href}>{props.more.label}</a>
      </p>
    </section>
  );
}

function Empty({ text }: { text: string }) {
  return <p class="home-empty">{text}</p>;
}

function StoryLink({ link }: { link: VariantLink }) {
  return (
    <a href={link.href} lang={link.lang}>
      {link.title}
    </a>
  );
}

/** The newsroom's home page: panels of what needs attention, each with a way onward. */
export function HomePage({ view }: { view: HomeView }) {
  const { t } = view;
  return (
    <div class="home">
      <h1>{t('home.heading')}</h1>
      <div class="home-grid">
        <Panel
          id="drafts"
          heading={t('home.drafts.heading')}
          more={{ href: '/admin/stories?status=draft', label: t('home.drafts.all') }}
        >
          {view.drafts.length === 0 ? (
            <Empty text={t('home.drafts.none')} />
          ) : (
            <ul class="home-list">
              {view.drafts.map((d) => (
                <li>
                  <StoryLink link={d} />
                  <span class="home-meta">
                    {d.language} · <time datetime={d.at.iso}>{d.at.label}</time>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Panel>

        <Panel
          id="stale"
          heading={t('home.stale.heading')}
          more={{ href: '/admin/stories?translation=stale', label: t('home.stale.all') }}
        >
          {view.stale.length === 0 ? (
            <Empty text={t('home.stale.none')} />
          ) : (
            <ul class="home-list">
              {view.stale.map((s) => (
                <li>
                  <StoryLink link={s} />
                  <span class="home-meta">
                    {t('home.stale.line', { language: s.language, source: s.sourceLanguage })} ·{' '}
                    <time datetime={s.at.iso}>{s.at.label}</time>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Panel>

        {view.proposals ? (
          <Panel
            id="proposals"
            heading={t('home.proposals.panel')}
            more={{ href: '/admin/entity-proposals', label: t('home.proposals.all') }}
          >
            {view.proposals.total === 0 ? (
              <Empty text={t('home.proposals.none')} />
            ) : (
              <>
                <p>{t('home.proposals.count', { count: view.proposals.total })}</p>
                <ul class="home-chips">
                  {view.proposals.names.map((name) => (
                    <li>{name}</li>
                  ))}
                </ul>
              </>
            )}
          </Panel>
        ) : null}

        <Panel
          id="calendar"
          wide
          heading={t('home.calendar.heading')}
          more={{ href: '/admin/stories?status=scheduled', label: t('home.calendar.all') }}
        >
          <HomeCalendar t={t} weeks={view.calendar} weekdays={view.weekdays} timeZone={view.timeZone} />
        </Panel>

        {view.rising ? (
          <Panel
            id="rising"
            heading={t('home.rising.heading')}
            more={{ href: '/admin/desk', label: t('home.rising.all') }}
          >
            {view.rising.length === 0 ? (
              <Empty text={t('home.rising.none')} />
            ) : (
              <ol class="home-list">
                {view.rising.map((r) => (
                  <li>
                    <a href={r.href}>{r.title}</a>
                    <span class="home-meta">
                      <span class="home-count">{t('home.rising.recent', { count: r.recent })}</span> ·{' '}
                      {t('home.rising.sources', { items: r.items, feeds: r.feeds })}
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </Panel>
        ) : null}

        {view.sends ? (
          <Panel
            id="newsletter"
            heading={t('home.newsletter.heading')}
            more={{ href: '/admin/newsletter', label: t('home.newsletter.all') }}
          >
            {view.sends.length === 0 ? (
              <Empty text={t('home.newsletter.none')} />
            ) : (
              <table class="home-table">
                <thead>
                  <tr>
                    <th scope="col">{t('home.newsletter.list')}</th>
                    <th scope="col">{t('home.newsletter.when')}</th>
                    <th scope="col" class="home-number">
                      {t('home.newsletter.subscribers')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {view.sends.map((s) => (
                    <tr>
                      <th scope="row">
                        {s.language} · {s.frequency}
                      </th>
                      <td>
                        <time datetime={s.at.iso}>{s.at.label}</time>
                      </td>
                      <td class="home-number">{s.subscribers}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Panel>
        ) : null}

        <Panel
          id="shared"
          heading={t('home.shared.heading')}
          more={{ href: '/admin/stories', label: t('home.shared.all') }}
        >
          {view.shared.length === 0 ? (
            <Empty text={t('home.shared.none')} />
          ) : (
            <ol class="home-list">
              {view.shared.map((s) => (
                <li>
                  <StoryLink link={s} />
                  <span class="home-meta home-count">{t('home.shared.count', { count: s.shares })}</span>
                </li>
              ))}
            </ol>
          )}
        </Panel>
      </div>
    </div>
  );
}
