import type { Kysely } from 'kysely';
import type { Database } from '../platform/database/index.js';
import type { Actor } from './roles.js';

type Db = Kysely<Database>;

/** What the log records: a verb on a subject, optionally in one locale (the audit page filters by these). */
export const AUDIT_ACTIONS = [
  'story.create',
  'story.edit',
  'story.publish',
  'story.schedule',
  'story.unpublish',
  'story.delete',
  'story.restore',
  'story.translation-confirm',
  'story.qa-override',
  'story.preview-link',
  'story.review-submit',
  'story.review-send-back',
  'story.review-approve',
  'story.note',
  'media.upload',
  'media.update',
  'section.save',
  'section.delete',
  'entity.save',
  'entity.delete',
  'entity.propose',
  'entity.approve',
  'entity.merge',
  'entity.reject',
  'settings.save',
  'user.add',
  'user.update',
  'user.disable',
  'user.enable',
  'user.reset-link',
  'user.password-set',
  'user.sessions-revoke',
  'apikey.create',
  'apikey.revoke',
  'webhook.save',
  'webhook.delete',
  'source.follow',
  'source.update',
  'source.refresh',
  'source.unfollow',
  'source.import',
  'subscriber.import',
  'subscriber.unsubscribe',
  'subscriber.delete',
  'subscriber.resend-confirmation',
  'cluster.triage',
  'cluster.start',
  'account.sign-in',
  'account.setup',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  actor: string;
  action: string;
  subjectKind: string;
  subjectId: number | null;
  locale: string | null;
  summary: string;
  details: Record<string, unknown>;
}

/** Who did it: a person, or the platform itself (the scheduler). */
export type AuditActor = Pick<Actor, 'id' | 'email'> | { id: null; email: 'system' };

export async function recordAudit(
  db: Db,
  entry: {
    actor: AuditActor;
    action: AuditAction;
    subject: { kind: string; id?: number | null };
    locale?: string | null;
    summary?: string;
    details?: Record<string, unknown>;
  },
  now: Date,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: now.toISOString(),
      user_id: entry.actor.id,
      actor: entry.actor.email,
      action: entry.action,
      subject_kind: entry.subject.kind,
      subject_id: entry.subject.id ?? null,
      locale: entry.locale ?? null,
      summary: entry.summary ?? '',
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

export interface AuditFilter {
  action?: string | undefined;
  subjectKind?: string | undefined;
  subjectId?: number | undefined;
  userId?: number | undefined;
}

export async function listAudit(
  db: Db,
  filter: AuditFilter,
  page: { limit: number; offset: number },
): Promise<{ entries: AuditEntry[]; total: number }> {
  let query = db.selectFrom('audit_log');
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.subjectKind) query = query.where('subject_kind', '=', filter.subjectKind);
  if (filter.subjectId !== undefined) query = query.where('subject_id', '=', filter.subjectId);
  if (filter.userId !== undefined) query = query.where('user_id', '=', filter.userId);
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    entries: rows.map((row) => ({
      id: row.id,
      at: row.at,
      userId: row.user_id,
      actor: row.actor,
      action: row.action,
      subjectKind: row.subject_kind,
      subjectId: row.subject_id,
      locale: row.locale,
      summary: row.summary,
      details: JSON.parse(row.details) as Record<string, unknown>,
    })),
  };
}
