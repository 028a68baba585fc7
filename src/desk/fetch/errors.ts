import { DomainError, type DomainErrorKind } from '../../platform/errors.js';

export type FetchErrorCode =
  | 'blocked-address'
  | 'too-many-redirects'
  | 'timeout'
  | 'too-large'
  | 'http-error'
  | 'unsupported-scheme'
  | 'unsupported-encoding'
  | 'network'
  | 'aborted';

/** Base of every error the fetcher raises on purpose; `code` says which one without instanceof. */
export class FetchError extends DomainError {
  readonly code: FetchErrorCode;
  readonly url: string;

  constructor(code: FetchErrorCode, kind: DomainErrorKind, message: string, url: string, details?: unknown) {
    super(kind, message, details);
    this.code = code;
    this.url = url;
  }
}

export class BlockedAddressError extends FetchError {
  readonly address: string;
  readonly range: string;
  constructor(url: string, address: string, range: string) {
    super('blocked-address', 'forbidden', `Refusing ${url}: ${address} is ${range}`, url, { address, range });
    this.address = address;
    this.range = range;
  }
}

export class TooManyRedirectsError extends FetchError {
  constructor(url: string, maxRedirects: number) {
    super('too-many-redirects', 'invalid', `More than ${maxRedirects} redirects from ${url}`, url, {
      maxRedirects,
    });
  }
}

export class FetchTimeoutError extends FetchError {
  constructor(url: string, timeoutMs: number) {
    super('timeout', 'invalid', `No complete answer from ${url} within ${timeoutMs} ms`, url, { timeoutMs });
  }
}

export class BodyTooLargeError extends FetchError {
  constructor(url: string, maxBodyBytes: number, stage: 'declared' | 'raw' | 'decoded') {
    super('too-large', 'too-large', `Body of ${url} exceeds ${maxBodyBytes} bytes (${stage})`, url, {
      maxBodyBytes,
      stage,
    });
  }
}

export class HttpStatusError extends FetchError {
  readonly status: number;
  constructor(url: string, status: number) {
    super('http-error', 'invalid', `${url} answered HTTP ${status}`, url, { status });
    this.status = status;
  }
}

export class UnsupportedSchemeError extends FetchError {
  constructor(url: string, scheme: string) {
    super('unsupported-scheme', 'malformed', `Only http and https are fetched, not ${scheme}`, url, {
      scheme,
    });
  }
}

export class UnsupportedEncodingError extends FetchError {
  constructor(url: string, encoding: string) {
    super('unsupported-encoding', 'unsupported-media', `${url} sent Content-Encoding ${encoding}`, url, {
      encoding,
    });
  }
}

export class FetchNetworkError extends FetchError {
  constructor(url: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super('network', 'invalid', `Could not fetch ${url}: ${reason}`, url, { reason });
  }
}

/** The caller gave up (the process is stopping); nothing is wrong with the address. */
export class FetchAbortedError extends FetchError {
  constructor(url: string) {
    super('aborted', 'invalid', `Fetch of ${url} abandoned: the caller stopped`, url);
  }
}
