import type { Kysely } from 'kysely';
import { type Actor, recordAudit } from '../accounts/index.js';
import type { Database } from '../platform/database/index.js';
import { listSections, type SiteSettings, saveSiteSettings } from '../stories/index.js';
import { assertCan } from './access.js';
import { valueOrThrow } from './fields.js';
import { type NamesOutcome, namesChanged } from './names.js';
import { checkSettings, type SettingsFields } from './settings-rules.js';
import { siteSettingsOrThrow } from './taxonomy.js';
import { recordedWrite } from './use-case.js';

type Db = Kysely<Database>;

/** JSON with object keys sorted: `{ en, zh }` and `{ zh, en }` are the same settings. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Only the keys that changed, so the audit log says what a save did. */
function changedSettings(before: SiteSettings, after: SiteSettings): (keyof SiteSettings)[] {
  return (Object.keys(after) as (keyof SiteSettings)[]).filter(
    (key) => canonical(before[key]) !== canonical(after[key]),
  );
}

/**
 * Saves the site's name and tagline per locale, its locales, navigation and fallbacks (owners),
 * with the audit entry of what changed, in one transaction. A save that changes nothing writes
 * nothing and has no outcome to deliver (`outcome: null`). Refused fields throw InvalidFields.
 */
export async function saveSettings(
  db: Db,
  actor: Actor,
  fields: SettingsFields,
  now: Date,
): Promise<{ changed: (keyof SiteSettings)[]; outcome: NamesOutcome | null }> {
  assertCan(actor, { action: 'settings.manage' });
  return recordedWrite(db, async (trx) => {
    const [before, sections] = await Promise.all([siteSettingsOrThrow(trx), listSections(trx)]);
    const checked = valueOrThrow(checkSettings(fields, { sections }));
    // A caller that does not send a zone keeps the saved one.
    const timeZone = checked.timeZone ?? before.timeZone;
    const after: SiteSettings = timeZone !== undefined ? { ...checked, timeZone } : checked;
    const changed = changedSettings(before, after);
    if (changed.length === 0) return { changed, outcome: null };
    await saveSiteSettings(trx, after);
    await recordAudit(
      trx,
      {
        actor,
        action: 'settings.save',
        subject: { kind: 'settings' },
        summary: changed.join(', '),
        details: Object.fromEntries(changed.map((key) => [key, { from: before[key], to: after[key] }])),
      },
      now,
    );
    return { changed, outcome: namesChanged({}) };
  });
}
