import type { Kysely } from 'kysely';
import type { Database, DigestFrequency, SubscriberState } from '../platform/database/index.js';
import { CsvMalformed, parseCsv } from './csv.js';
import { normaliseEmailAddress } from './email-address.js';
import { InvalidEmailAddress } from './errors.js';
import { findSubscriberByEmail, replaceSubscriberTopics, type Topic } from './queries.js';

type Db = Kysely<Database>;

/** Why a row was skipped; the page words each one. */
export type ImportProblem =
  | 'email'
  | 'locale'
  | 'frequency'
  | 'topics'
  | 'consented_at'
  | 'state'
  | 'duplicate'
  | 'columns';

export interface ImportReport {
  created: number;
  updated: number;
  /** Rows stored (or left) active: the CSV recorded consent. */
  active: number;
  /** Rows stored as pending: no consent in the file, and no mail sent to ask for it. */
  pending: number;
  /** Rows for addresses that are unsubscribed or suppressed, which stay so. */
  unchanged: number;
  invalid: { line: number; problem: ImportProblem }[];
}

export class SubscriberCsvRefused extends Error {
  constructor(
    readonly reason: 'malformed' | 'no-email-column',
    readonly line = 0,
  ) {
    super(`subscriber CSV refused: ${reason}`);
    this.name = 'SubscriberCsvRefused';
  }
}

interface ImportRow {
  line: number;
  email: string;
  /** Undefined when the file leaves it empty: a known address keeps its own, a new one the default. */
  locale: string | undefined;
  frequency: DigestFrequency | undefined;
  topics: Topic[] | undefined;
  consentedAt: string | undefined;
  /** `unsubscribed` or `suppressed` from an earlier export: kept so, never made active. */
  optedOut: 'unsubscribed' | 'suppressed' | undefined;
}

const TOPIC = /^(section|entity):([a-z0-9][a-z0-9-]{0,99})$/;

function parseTopics(value: string): Topic[] | undefined | null {
  if (value.trim() === '') return undefined;
  const topics: Topic[] = [];
  for (const part of value.split(/[;\s]+/).filter(Boolean)) {
    const match = TOPIC.exec(part.toLowerCase());
    if (!match) return null;
    const topic = { kind: match[1] as Topic['kind'], key: match[2] as string };
    if (!topics.some((t) => t.kind === topic.kind && t.key === topic.key)) topics.push(topic);
  }
  return topics;
}

/** An ISO 8601 date or date-time, as a canonical ISO string; null when it is not one. */
function parseTimestamp(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) return null;
  const time = Date.parse(value.replace(' ', 'T'));
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function readRows(
  text: string,
  locales: readonly string[],
): { rows: ImportRow[]; invalid: ImportReport['invalid'] } {
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvMalformed) throw new SubscriberCsvRefused('malformed', error.line);
    throw error;
  }
  const [header, ...body] = records;
  const names = (header?.fields ?? []).map((name) => name.trim().toLowerCase());
  const column = (name: string) => names.indexOf(name);
  const at = { email: column('email') };
  if (at.email < 0) throw new SubscriberCsvRefused('no-email-column', header?.line ?? 1);
  const get = (fields: string[], name: string) => {
    const index = column(name);
    return index < 0 ? '' : (fields[index] ?? '').trim();
  };
  const rows: ImportRow[] = [];
  const invalid: ImportReport['invalid'] = [];
  const seen = new Set<string>();
  for (const { line, fields } of body) {
    const skip = (problem: ImportProblem) => invalid.push({ line, problem });
    if (fields.length > names.length) {
      skip('columns');
      continue;
    }
    let email: string;
    try {
      email = normaliseEmailAddress(fields[at.email] ?? '');
    } catch (error) {
      if (!(error instanceof InvalidEmailAddress)) throw error;
      skip('email');
      continue;
    }
    const locale = get(fields, 'locale').toLowerCase() || undefined;
    if (locale !== undefined && !locales.includes(locale)) {
      skip('locale');
      continue;
    }
    const frequency = get(fields, 'frequency').toLowerCase() || undefined;
    if (frequency !== undefined && frequency !== 'daily' && frequency !== 'weekly') {
      skip('frequency');
      continue;
    }
    const topics = parseTopics(get(fields, 'topics'));
    if (topics === null) {
      skip('topics');
      continue;
    }
    const consentValue = get(fields, 'consented_at');
    const consentedAt = consentValue === '' ? undefined : parseTimestamp(consentValue);
    if (consentedAt === null) {
      skip('consented_at');
      continue;
    }
    const state = get(fields, 'state').toLowerCase();
    if (!['', 'active', 'pending', 'unsubscribed', 'suppressed'].includes(state)) {
      skip('state');
      continue;
    }
    if (seen.has(email)) {
      skip('duplicate');
      continue;
    }
    seen.add(email);
    rows.push({
      line,
      email,
      locale,
      frequency,
      topics,
      consentedAt,
      optedOut: state === 'unsubscribed' || state === 'suppressed' ? state : undefined,
    });
  }
  return { rows, invalid };
}

/**
 * Takes in a subscriber list. A row becomes (or stays) active only when the file records consent
 * (a `consented_at` date); otherwise it is stored as pending, and nothing is mailed: asking an
 * imported list for consent is a decision for a person, not a side effect of an upload. An
 * address already known is updated in place (language, frequency and topics, each only when the
 * file gives it); an unsubscribed or suppressed address is never made active again by an import. Invalid
 * rows are skipped and reported by line.
 */
export async function importSubscribersCsv(
  db: Db,
  text: string,
  options: {
    locales: readonly string[];
    defaultLocale: string;
    now: Date;
    /** Runs in the import's transaction with its report (the admin's audit entry), or undoes it. */
    onImported?: (trx: Db, report: ImportReport) => Promise<void>;
  },
): Promise<ImportReport> {
  const { rows, invalid } = readRows(text, options.locales);
  const report: ImportReport = { created: 0, updated: 0, active: 0, pending: 0, unchanged: 0, invalid };
  const now = options.now.toISOString();
  await db.transaction().execute(async (trx) => {
    for (const row of rows) {
      const existing = await findSubscriberByEmail(trx, row.email);
      let id: number;
      let state: SubscriberState;
      if (existing) {
        state = existing.state;
        const optOut = row.optedOut && (existing.state === 'active' || existing.state === 'pending');
        if (optOut) state = row.optedOut as SubscriberState;
        else if (existing.state === 'pending' && row.consentedAt) state = 'active';
        await trx
          .updateTable('subscribers')
          .set({
            ...(row.locale ? { locale: row.locale } : {}),
            ...(row.frequency ? { frequency: row.frequency } : {}),
            state,
            ...(state === 'active' && existing.state === 'pending'
              ? { confirmed_at: row.consentedAt ?? now, confirm_nonce: null }
              : {}),
            ...(optOut ? { confirm_nonce: null, unsubscribed_at: now } : {}),
            updated_at: now,
          })
          .where('id', '=', existing.id)
          .execute();
        id = existing.id;
        report.updated += 1;
      } else {
        state = row.optedOut ?? (row.consentedAt ? 'active' : 'pending');
        const inserted = await trx
          .insertInto('subscribers')
          .values({
            email: row.email,
            locale: row.locale ?? options.defaultLocale,
            frequency: row.frequency ?? 'weekly',
            state,
            confirm_nonce: null,
            consent_requested_at: row.consentedAt ?? now,
            confirmed_at: row.consentedAt ?? null,
            unsubscribed_at: row.optedOut ? now : null,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        id = inserted.id;
        report.created += 1;
      }
      if (row.topics) await replaceSubscriberTopics(trx, id, row.topics);
      if (state === 'active') report.active += 1;
      else if (state === 'pending') report.pending += 1;
      else report.unchanged += 1;
    }
    await options.onImported?.(trx, report);
  });
  return report;
}
