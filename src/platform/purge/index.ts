// Telling the cache or CDN in front which pages to drop, by surrogate key (docs/deploy.md).
export {
  ALL_PAGES_KEY,
  inBatches,
  localeKey,
  pageSurrogateKeys,
  purgeKeysForTags,
  surrogateKeyForTag,
  surrogateKeyHeaders,
} from './keys.js';
