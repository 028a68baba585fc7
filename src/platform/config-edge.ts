import { z } from 'zod';

/** The response headers that can carry a page's surrogate keys, by the cache that reads each. */
export const SURROGATE_KEY_HEADER_NAMES = ['surrogate-key', 'xkey', 'cache-tag'] as const;
export type SurrogateKeyHeader = (typeof SURROGATE_KEY_HEADER_NAMES)[number];

const seconds = (fallback: number, description: string) =>
  z.coerce.number().int().min(0).max(31_536_000).default(fallback).describe(description);

/** A comma-separated list, trimmed, empty entries dropped. */
const listFromEnv = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ''),
  );

const surrogateHeadersFromEnv = z
  .string()
  .default(SURROGATE_KEY_HEADER_NAMES.join(','))
  .transform((value, ctx) => {
    const names = value
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter((name) => name !== '' && name !== 'none');
    for (const name of names) {
      if (!(SURROGATE_KEY_HEADER_NAMES as readonly string[]).includes(name)) {
        ctx.addIssue({
          code: 'custom',
          message: `"${name}" is not one of ${SURROGATE_KEY_HEADER_NAMES.join(', ')}`,
        });
        return z.NEVER;
      }
    }
    return [...new Set(names)] as SurrogateKeyHeader[];
  });

const urlList = listFromEnv.refine(
  (urls) => urls.every((url) => URL.canParse(url) && /^https?:$/.test(new URL(url).protocol)),
  'must be comma-separated http(s) URLs',
);

/**
 * A shared cache or CDN in front of the site: how long it may keep public pages, the keys it
 * files them under, and how it is told to drop them when content changes (docs/deploy.md).
 */
export const edgeSettings = {
  CACHE_S_MAXAGE: seconds(
    60,
    'Seconds a shared cache (Varnish, CDN) may serve a public page as fresh (s-maxage). Raise it (e.g. 86400) once PURGE is set: purges then keep pages current.',
  ),
  CACHE_STALE_WHILE_REVALIDATE: seconds(
    300,
    'Seconds a cache may serve a stale public page while it fetches a fresh one (stale-while-revalidate).',
  ),
  CACHE_STALE_IF_ERROR: seconds(
    86_400,
    'Seconds a cache may serve a stale public page when the site answers with an error or not at all (stale-if-error).',
  ),
  SURROGATE_KEY_HEADERS: surrogateHeadersFromEnv.describe(
    'Response headers that name what a public page shows (story-12 section-3 entity-7 locale-zh all): any of surrogate-key (Fastly), xkey (Varnish), cache-tag (Cloudflare), or none.',
  ),
  PURGE: z
    .enum(['none', 'varnish', 'fastly', 'cloudflare'])
    .default('none')
    .describe('Which cache in front is told to drop the pages a change touches, by surrogate key.'),
  PURGE_VARNISH_URLS: urlList.describe(
    'With PURGE=varnish: comma-separated URLs of each Varnish (e.g. http://10.0.0.5:6081/); each gets a PURGE request with an xkey-purge header.',
  ),
  PURGE_FASTLY_SERVICE_ID: z.string().optional().describe('With PURGE=fastly: the Fastly service id.'),
  PURGE_FASTLY_TOKEN: z.string().optional().describe('With PURGE=fastly: an API token allowed to purge.'),
  PURGE_FASTLY_API_URL: z
    .url()
    .default('https://api.fastly.com')
    .describe("Fastly's API (changed only in tests)."),
  PURGE_CLOUDFLARE_ZONE_ID: z.string().optional().describe('With PURGE=cloudflare: the zone id.'),
  PURGE_CLOUDFLARE_TOKEN: z
    .string()
    .optional()
    .describe('With PURGE=cloudflare: an API token with the Cache Purge permission.'),
  PURGE_CLOUDFLARE_API_URL: z
    .url()
    .default('https://api.cloudflare.com/client/v4')
    .describe("Cloudflare's API (changed only in tests)."),
  PURGE_ALLOW_HOSTS: listFromEnv
    .transform((hosts) => hosts.map((host) => host.toLowerCase()))
    .describe(
      'Comma-separated host or host:port entries the Fastly or Cloudflare purger may reach although they resolve to private or loopback addresses (a local stand-in). Varnish URLs are always allowed.',
    ),
};

type EdgeSettings = z.infer<z.ZodObject<typeof edgeSettings>>;

/** What PURGE needs besides itself; undefined when the settings hang together. */
export function edgeSettingsProblem(config: EdgeSettings): string | undefined {
  if (config.PURGE === 'varnish' && config.PURGE_VARNISH_URLS.length === 0)
    return 'PURGE_VARNISH_URLS: must list at least one URL when PURGE=varnish';
  if (config.PURGE === 'fastly' && (!config.PURGE_FASTLY_SERVICE_ID || !config.PURGE_FASTLY_TOKEN))
    return 'PURGE_FASTLY_SERVICE_ID: must be set, with PURGE_FASTLY_TOKEN, when PURGE=fastly';
  if (config.PURGE === 'cloudflare' && (!config.PURGE_CLOUDFLARE_ZONE_ID || !config.PURGE_CLOUDFLARE_TOKEN))
    return 'PURGE_CLOUDFLARE_ZONE_ID: must be set, with PURGE_CLOUDFLARE_TOKEN, when PURGE=cloudflare';
  return undefined;
}

/**
 * Cache-Control of a public page: browsers keep it a minute as before; shared caches follow the
 * settings, and may bridge a slow or failing origin with a stale copy.
 */
export function publicPageCacheControl(
  config: Pick<EdgeSettings, 'CACHE_S_MAXAGE' | 'CACHE_STALE_WHILE_REVALIDATE' | 'CACHE_STALE_IF_ERROR'>,
): string {
  return [
    'public',
    'max-age=60',
    `s-maxage=${config.CACHE_S_MAXAGE}`,
    `stale-while-revalidate=${config.CACHE_STALE_WHILE_REVALIDATE}`,
    `stale-if-error=${config.CACHE_STALE_IF_ERROR}`,
  ].join(', ');
}
