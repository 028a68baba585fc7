import { z } from 'zod';
import type { InboxFilter } from '../../desk/index.js';
import { fromZonedLocal } from '../../platform/time-zone.js';
import { type FormBody, field, validate } from '../forms.js';

// What the desk's forms post, checked with zod; messages are UI string keys, shown in the
// person's language by the route.

const HOUR_MS = 3_600_000;

const AddSourceForm = z.object({
  url: z
    .string()
    .trim()
    .min(1, 'sources.error.urlRequired')
    .max(2_000, 'sources.error.tooLong')
    .refine((value) => {
      try {
        return ['http:', 'https:'].includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, 'sources.error.url'),
  folder: z.string().trim().max(300, 'sources.error.tooLong'),
});

export function readAddSource(body: FormBody) {
  const values = { url: field(body, 'url'), folder: field(body, 'folder') };
  return { values, parsed: validate(AddSourceForm, values) };
}

/** `AI / Chips` → `['AI', 'Chips']`: the OPML folder path, typed with slashes. */
export function folderPath(text: string): string[] {
  return text
    .split('/')
    .map((part) => part.trim())
    .filter(Boolean);
}

const SNOOZE_PRESETS = { '4h': 4 * HOUR_MS, '1d': 24 * HOUR_MS, '1w': 7 * 24 * HOUR_MS } as const;

/**
 * Until when a snooze lasts: a preset from now, or the date and time typed, read on the newsroom's
 * clocks (`zone`) as every time in the admin is.
 */
export function readSnooze(
  body: FormBody,
  now: Date,
  zone: string,
): { ok: true; until: string } | { ok: false; until: string; error: string } {
  const preset = field(body, 'preset');
  const typed = field(body, 'until').trim();
  if (preset in SNOOZE_PRESETS) {
    const ms = SNOOZE_PRESETS[preset as keyof typeof SNOOZE_PRESETS];
    return { ok: true, until: new Date(now.getTime() + ms).toISOString() };
  }
  if (typed === '') return { ok: false, until: typed, error: 'desk.error.untilRequired' };
  const read = fromZonedLocal(typed, zone);
  if (!read.ok) return { ok: false, until: typed, error: 'desk.error.until' };
  const until = read.instant.toISOString();
  if (until <= now.toISOString()) return { ok: false, until: typed, error: 'desk.error.untilPast' };
  return { ok: true, until };
}

/** Only a page of the desk is a place to come back to; anything else goes to the inbox. */
export function returnPath(body: FormBody, fallback = '/admin/desk'): string {
  const value = field(body, 'return');
  return /^\/admin\/desk(\/\d{1,10})?(\?[\w%=&.+-]*)?$/.test(value) ? value : fallback;
}

export const STATES = ['open', 'snoozed', 'ignored', 'started', 'all'] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

// Unknown filter values are ignored rather than refused: a hand-edited URL still lists clusters.
export const InboxQuery = z.object({
  state: z.enum(STATES).optional().catch(undefined),
  source: z
    .string()
    .regex(/^[1-9]\d{0,9}$/)
    .optional()
    .catch(undefined),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .optional()
    .catch(undefined),
  entity: z
    .string()
    .regex(/^[a-z0-9-]{1,100}$/)
    .optional()
    .catch(undefined),
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
});

export type InboxQueryValues = z.output<typeof InboxQuery>;

/** The day after an ISO date: the form's "to" includes its day, the query's `to` excludes it. */
function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

export function inboxFilter(
  query: InboxQueryValues,
  entityId: number | undefined,
  page: { limit: number; offset: number },
): InboxFilter {
  return {
    state: query.state ?? 'open',
    ...(query.source ? { feedId: Number(query.source) } : {}),
    ...(query.language ? { language: query.language } : {}),
    ...(entityId !== undefined ? { entityId } : {}),
    ...(query.from ? { from: query.from } : {}),
    ...(query.to ? { to: dayAfter(query.to) } : {}),
    limit: page.limit,
    offset: page.offset,
  };
}

const StartStoryForm = z.object({
  locale: z.string().min(1, 'desk.error.required'),
  section: z.string().min(1, 'desk.error.required'),
  title: z.string().trim().min(1, 'desk.error.required').max(300, 'desk.error.tooLong'),
});

export function readStartStory(body: FormBody) {
  const values = {
    locale: field(body, 'locale'),
    section: field(body, 'section'),
    title: field(body, 'title'),
  };
  return { values, parsed: validate(StartStoryForm, values) };
}
