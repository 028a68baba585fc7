import { DomainError } from '../../platform/errors.js';

/** The list is refused on purpose: a DTD internal subset (entity tricks), too deep, oversized tags. */
export class OpmlRefused extends DomainError {
  constructor(message: string, details?: unknown) {
    super('forbidden', message, details);
  }
}

/** The upload is larger than the caller's limit. */
export class OpmlTooLarge extends DomainError {
  constructor(sizeBytes: number, maxBytes: number) {
    super('too-large', `OPML is ${sizeBytes} bytes; the limit is ${maxBytes}`, { sizeBytes, maxBytes });
  }
}

/** Not a subscription list we can read: empty, mis-encoded, broken markup, another root, no body. */
export class OpmlMalformed extends DomainError {
  constructor(message: string, details?: unknown) {
    super('malformed', message, details);
  }
}
