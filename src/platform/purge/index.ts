// Telling the cache or CDN in front which pages to drop, by surrogate key (docs/deploy.md).

export { createPurger } from './create.js';
export { pageSurrogateKeys, purgeKeysForTags, surrogateKeyHeaders } from './keys.js';
export type { Purger } from './purger.js';
export { varnishPurger } from './varnish.js';
