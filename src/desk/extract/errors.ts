import { DomainError } from '../../platform/errors.js';

/** The page is larger than the caller's limit; refused before any decoding or parsing. */
export class PageTooLarge extends DomainError {
  constructor(sizeBytes: number, maxBytes: number) {
    super('too-large', `Page is ${sizeBytes} bytes; the limit is ${maxBytes}`, { sizeBytes, maxBytes });
  }
}

/** The page is refused on purpose: it nests or repeats elements beyond what a real article needs. */
export class PageRefused extends DomainError {
  constructor(message: string, details?: unknown) {
    super('forbidden', message, details);
  }
}

/** The parser or Readability failed on this markup; the page cannot be read. */
export class PageMalformed extends DomainError {
  constructor(message: string, details?: unknown) {
    super('malformed', message, details);
  }
}

/** The page URL handed in is not an absolute http(s) URL, so nothing on the page could be resolved. */
export class InvalidPageUrl extends DomainError {
  constructor(url: string) {
    super('invalid', `Not an absolute http(s) URL: ${url}`, { url });
  }
}
