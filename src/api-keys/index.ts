// API keys: content keys for the read-only Content API, staff tokens that act as a person in the
// Admin API. Keys are random and kept hashed. No HTTP here; the admin and the API build on it.

/** Issuing and checking keys, and the errors a request without a usable key gets. */
export {
  type ApiCaller,
  ApiKeyNotAllowed,
  authenticateApiKey,
  bearerToken,
  issueApiKey,
  shouldRecordUse,
} from './keys.js';
/** Listing and revoking keys (the admin's page). */
export { findApiKey, listApiKeys, revokeApiKey } from './queries.js';
