import type { z } from 'zod';
import { DomainError } from '../../platform/errors.js';

/**
 * A webhook request whose signature, timestamp or password does not check out. The reason is for
 * the log only: the caller learns nothing about which part failed.
 */
export class WebhookUnauthenticated extends DomainError {
  readonly reason: string;
  constructor(reason: string) {
    super('unauthenticated', 'The request could not be authenticated.');
    this.reason = reason;
  }
}

/** A body that is not JSON, or not the shape the endpoint documents. */
export class WebhookPayloadInvalid extends DomainError {
  constructor(message: string, errors?: { field: string; message: string }[]) {
    super('malformed', message, errors ? { errors } : undefined);
  }

  /** The first few zod issues as one readable message, e.g. `events.2.email: expected string`. */
  static fromZod(what: string, error: z.ZodError): WebhookPayloadInvalid {
    const errors = error.issues.map((issue) => ({
      field: issue.path.map(String).join('.'),
      message: issue.message,
    }));
    const summary = errors
      .slice(0, 5)
      .map((e) => (e.field ? `${e.field}: ${e.message}` : e.message))
      .join('; ');
    return new WebhookPayloadInvalid(`The body is not ${what}: ${summary}.`, errors);
  }
}

export class WebhookBodyTooLarge extends DomainError {
  constructor(maxBytes: number) {
    super('too-large', `The body is larger than ${maxBytes} bytes.`);
  }
}

/** An endpoint whose secret is not configured: it does not exist, as far as callers can tell. */
export class WebhookNotConfigured extends DomainError {
  constructor() {
    super('not-found', 'Not found');
  }
}
