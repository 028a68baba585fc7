import type { Translator } from '../../platform/i18n.js';
import type { VariantLink } from './home-page.js';

export interface HomeCalendarDay {
  date: string;
  /** `Dec 9`, in the admin's language. */
  label: string;
  /** `Wednesday`, for the list form of the calendar. */
  weekday: string;
  isToday: boolean;
  isPast: boolean;
  entries: (VariantLink & { time: { iso: string; label: string } })[];
}

function Entries({ day }: { day: HomeCalendarDay }) {
  return (
    <ul class="home-calendar-entries">
      {day.entries.map((e) => (
        <li>
          <time datetime={e.time.iso}>{e.time.label}</time>{' '}
          <a href={e.href} lang={e.lang}>
            {e.title}
          </a>{' '}
          <span class="home-meta">{e.language}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * Scheduled stories over the coming weeks: a month grid (a table: weekdays as column headers) on
 * wide screens, and on narrow ones a list of the days that have something scheduled. CSS shows
 * one of the two; the hidden one is `display: none`, so assistive technology meets it once.
 */
export function HomeCalendar(props: {
  t: Translator;
  weeks: HomeCalendarDay[][];
  weekdays: string[];
  timeZone: string;
}) {
  const { t } = props;
  const busyDays = props.weeks.flat().filter((d) => d.entries.length > 0 && !d.isPast);
  return (
    <>
      <table class="home-calendar">
        <caption>{t('home.calendar.caption', { zone: props.timeZone })}</caption>
        <thead>
          <tr>
            {props.weekdays.map((day) => (
              <th scope="col">{day}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.weeks.map((week) => (
            <tr>
              {week.map((day) => (
                <td
                  class={['home-day', day.isToday ? 'home-today' : '', day.isPast ? 'home-past' : '']
                    .filter(Boolean)
                    .join(' ')}
                  aria-current={day.isToday ? 'date' : undefined}
                >
                  <time class="home-date" datetime={day.date}>
                    {day.label}
                  </time>
                  {day.entries.length > 0 ? <Entries day={day} /> : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div class="home-calendar-list">
        <p class="muted">{t('home.calendar.caption', { zone: props.timeZone })}</p>
        {busyDays.length === 0 ? (
          <p class="home-empty">{t('home.calendar.none')}</p>
        ) : (
          <ul>
            {busyDays.map((day) => (
              <li>
                <h3>
                  <time datetime={day.date}>
                    {day.weekday}, {day.label}
                  </time>
                </h3>
                <Entries day={day} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
