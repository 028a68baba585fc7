import type { Kysely } from 'kysely';
import { type Actor, recordAudit } from '../accounts/index.js';
import type { Database } from '../platform/database/index.js';
import { assertCan } from './access.js';
import { PublishBlocked } from './errors.js';
import type { QaReport } from './qa.js';

type Db = Kysely<Database>;

/** A decision taken on a QA report: passed cleanly, or overridden with a reason. */
export type QaDecision = { overridden: false } | { overridden: true; reason: string; report: QaReport };

/**
 * Lets text go live only when QA found no errors, or when someone the rule book allows to
 * override (editors, owners) gives a reason. Text left untranslated is never overridden.
 */
export function decideQa(
  actor: Actor,
  report: QaReport,
  override: { reason: string } | undefined,
): QaDecision {
  if (!report.blocking) return { overridden: false };
  // A scaffold's placeholder on a public page is never what anyone meant: no reason waves it through.
  if (report.findings.some((f) => f.kind === 'untranslated')) throw new PublishBlocked(report);
  if (!override || override.reason.trim() === '') throw new PublishBlocked(report);
  assertCan(actor, { action: 'qa.override' });
  return { overridden: true, reason: override.reason.trim(), report };
}

/** The override and what it waved through go to the audit log. */
export async function recordQaDecision(db: Db, actor: Actor, decision: QaDecision, now: Date): Promise<void> {
  if (!decision.overridden) return;
  await recordAudit(
    db,
    {
      actor,
      action: 'story.qa-override',
      subject: { kind: 'story', id: decision.report.storyId },
      locale: decision.report.locale,
      summary: decision.reason,
      details: {
        reason: decision.reason,
        findings: decision.report.findings.filter((f) => f.severity === 'error'),
      },
    },
    now,
  );
}
