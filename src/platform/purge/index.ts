// Telling the cache or CDN in front which pages to drop, by surrogate key (docs/deploy.md).

export { CLOUDFLARE_TAGS_PER_REQUEST, cloudflarePurger } from './cloudflare.js';
export { createPurger } from './create.js';
export { FASTLY_KEYS_PER_REQUEST, fastlyPurger } from './fastly.js';
export {
  ALL_PAGES_KEY,
  inBatches,
  localeKey,
  pageSurrogateKeys,
  purgeKeysForTags,
  surrogateKeyForTag,
  surrogateKeyHeaders,
} from './keys.js';
export { DEFAULT_RETRIES, type Purger, retrying } from './purger.js';
export { PurgeFailedError } from './request.js';
export { varnishPurger } from './varnish.js';
