import { DomainError } from '../platform/errors.js';

/** An address that is malformed or tries to smuggle mail headers (CR/LF, several recipients). */
export class InvalidEmailAddress extends DomainError {
  constructor(reason: string) {
    super('invalid', `Not a valid email address: ${reason}.`, { field: 'email' });
  }
}

/** A signup form value outside what the form offers (an unknown language, topic or frequency). */
export class InvalidSignup extends DomainError {
  constructor(field: string) {
    super('invalid', `Invalid value for ${field}.`, { field });
  }
}

/** Too many signups from one IP address, or confirmation requests for one address, this hour. */
export class SignupRateLimited extends DomainError {
  constructor() {
    super('rate-limited', 'Too many signup attempts; please try again later.');
  }
}

export type LinkRefusal = 'forged' | 'expired' | 'wrong-purpose' | 'used' | 'unknown-subscriber';

/**
 * A signed newsletter link that cannot be honoured. The reason is for logs and tests; readers see
 * one page for all of them, so a forger learns nothing.
 */
export class NewsletterLinkRefused extends DomainError {
  readonly reason: LinkRefusal;
  constructor(reason: LinkRefusal) {
    super(
      reason === 'expired' || reason === 'used' ? 'gone' : 'not-found',
      `Newsletter link refused: ${reason}.`,
      {
        reason,
      },
    );
    this.reason = reason;
  }
}
