import type { DomainErrorKind } from '../errors.js';

/** The one table from domain error kinds to HTTP statuses. Anything else is a 500. */
export const STATUS_BY_KIND: Record<
  DomainErrorKind,
  400 | 401 | 403 | 404 | 405 | 409 | 410 | 413 | 415 | 422 | 429
> = {
  // A request that cannot be read at all (a body that is not JSON); `invalid` is readable but wrong.
  malformed: 400,
  'not-found': 404,
  gone: 410,
  invalid: 422,
  conflict: 409,
  forbidden: 403,
  unauthenticated: 401,
  'rate-limited': 429,
  'method-not-allowed': 405,
  'too-large': 413,
  'unsupported-media': 415,
};
