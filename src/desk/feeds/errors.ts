import { DomainError } from '../../platform/errors.js';

/** The document is refused on purpose: a DTD internal subset (entity tricks), too deep, too big. */
export class FeedRefused extends DomainError {
  constructor(message: string, details?: unknown) {
    super('forbidden', message, details);
  }
}

/** The document is larger than the caller's limit. */
export class FeedTooLarge extends DomainError {
  constructor(sizeBytes: number, maxBytes: number) {
    super('too-large', `Feed is ${sizeBytes} bytes; the limit is ${maxBytes}`, { sizeBytes, maxBytes });
  }
}

/** The document is not a feed we can read (empty, broken, HTML, unknown root, still compressed). */
export class FeedMalformed extends DomainError {
  constructor(message: string, details?: unknown) {
    super('malformed', message, details);
  }
}
