export type { Resolve } from './address.js';
export { nextAttemptAfterFailure } from './backoff.js';
export {
  FetchAbortedError,
  FetchError,
  HttpStatusError,
} from './errors.js';
export {
  createFetcher,
  type FetchDocument,
} from './fetcher.js';
