export {
  type AddressClass,
  classifyAddress,
  guardAddress,
  isAllowedHost,
  type Resolve,
  type ResolvedAddress,
} from './address.js';
export { BACKOFF_BASE_MS, BACKOFF_MAX_MS, nextAttemptAfterFailure } from './backoff.js';
export {
  BlockedAddressError,
  BodyTooLargeError,
  FetchError,
  type FetchErrorCode,
  FetchNetworkError,
  FetchTimeoutError,
  HttpStatusError,
  TooManyRedirectsError,
  UnsupportedEncodingError,
  UnsupportedSchemeError,
} from './errors.js';
export {
  createFetcher,
  defaultResolve,
  type FetchDocument,
  type FetchedDocument,
  type FetcherOptions,
  type Validators,
} from './fetcher.js';
export { createHostScheduler, type HostScheduler, reserveStart } from './schedule.js';
