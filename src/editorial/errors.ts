import { DomainError } from '../platform/errors.js';
import type { QaReport } from './qa.js';

/** The rule book (accounts' `can`) refused the actor this operation. */
export class NotAllowed extends DomainError {
  constructor(action: string) {
    super('forbidden', 'Your role does not allow this.', { action });
  }
}

/** An input failed its schema; `issues` name the fields, as zod reported them. */
export class InvalidInput extends DomainError {
  readonly issues: { path: string; message: string }[];
  constructor(issues: { path: string; message: string }[]) {
    super(
      'invalid',
      `Invalid input: ${issues.map((i) => `${i.path || '(input)'}: ${i.message}`).join('; ')}`,
      {
        issues,
      },
    );
    this.issues = issues;
  }
}

/** Publishing (or saving published text) was refused: QA found blocking problems and no override. */
export class PublishBlocked extends DomainError {
  readonly report: QaReport;
  constructor(report: QaReport) {
    const count = report.findings.filter((f) => f.severity === 'error').length;
    super('invalid', `Quality checks found ${count} problem(s) to fix or override before publishing.`, {
      findings: report.findings,
    });
    this.report = report;
  }
}

/** Someone saved the variant after the editor loaded it; saving would overwrite their work. */
export class EditConflict extends DomainError {
  readonly currentRevision: number;
  constructor(locale: string, expected: number, current: number) {
    super(
      'conflict',
      `The ${locale} variant was saved by someone else (revision ${current}, you edited ${expected}).`,
      { expected, current },
    );
    this.currentRevision = current;
  }
}

export class RevisionNotFound extends DomainError {
  constructor(storyId: number, locale: string, revision: number) {
    super('not-found', `Story ${storyId} has no revision ${revision} in ${locale}.`);
  }
}

/** A publish, schedule or unpublish that does not fit the variant's status. */
export class WrongStatus extends DomainError {
  constructor(message: string) {
    super('conflict', message);
  }
}
