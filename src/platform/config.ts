import path from 'node:path';
import { z } from 'zod';

import { edgeSettings, edgeSettingsProblem } from './config-edge.js';
import { mediaStorageProblem, mediaStorageSettings } from './config-media.js';
import { booleanFromEnv, newsletterSettings } from './config-newsletter.js';
import { type ProxyTrust, parseNetworks } from './http/proxy-trust.js';

/** A comma-separated list of `host` or `host:port` entries, lower-cased. */
const hostListFromEnv = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((host) => host.trim().toLowerCase())
      .filter((host) => host !== ''),
  );

/**
 * Every setting the platform reads, with its default and meaning. The README's table of
 * environment variables is written from these descriptions.
 */
export const ConfigSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1').describe('Address the HTTP server listens on.'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000).describe('Port the HTTP server listens on.'),
  SITE_URL: z
    .url()
    .optional()
    .describe(
      'Public absolute URL of the site, used in feeds, sitemaps and canonical links. Defaults to http://HOST:PORT.',
    ),
  DATA_DIR: z.string().min(1).default('./data').describe('Folder for the SQLite file and uploaded media.'),
  DATABASE_URL: z
    .string()
    .optional()
    .describe('postgres://… to use PostgreSQL; when unset, an embedded SQLite file at DATA_DIR/velocity.db.'),
  CHANGE_POLL_MS: z.coerce
    .number()
    .int()
    .min(50)
    .default(500)
    .describe(
      "How often a process reads the change log for other processes' writes, in milliseconds. On PostgreSQL LISTEN/NOTIFY wakes it at once; polling covers SQLite and a lost connection.",
    ),
  SEED_DEMO: booleanFromEnv
    .default(true)
    .describe('Load the demo content when `serve` starts on an empty database.'),
  SECRET_KEY: z
    .string()
    .min(16)
    .optional()
    .describe(
      'Key for hashing visitors and signing tokens. When unset, one is generated and kept in DATA_DIR/secret.key.',
    ),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('pino log level.'),
  RENDER_CACHE_ENTRIES: z.coerce
    .number()
    .int()
    .min(0)
    .default(5000)
    .describe(
      'Most rendered pages the render cache keeps (0 turns it off); RENDER_CACHE_BYTES applies as well.',
    ),
  RENDER_CACHE_BYTES: z.coerce
    .number()
    .int()
    .min(0)
    .default(64 * 1024 * 1024)
    .describe(
      'Most memory the render cache uses, in bytes (64 MiB): every stored encoding of every page (plain, brotli, gzip) plus keys, headers and tags. The least recently read pages go first; 0 turns the cache off.',
    ),
  SHARE_RATE_LIMIT_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .default(30)
    .describe('Share-count POSTs one visitor network (IPv4 /24, IPv6 /48) may make per minute.'),
  MEDIA_MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1024 * 1024)
    .describe('Largest image file the media library accepts, in bytes (10 MiB).'),
  MEDIA_MAX_PIXELS: z.coerce
    .number()
    .int()
    .min(1)
    .default(40_000_000)
    .describe(
      'Largest image the media library accepts, in pixels (width × height, 40 megapixels); checked before decoding, against decompression bombs.',
    ),
  DESK_USER_AGENT: z
    .string()
    .min(1)
    .optional()
    .describe(
      'User-Agent the source desk sends when it fetches feeds and pages. Defaults to "CodeVelocityDesk/1.0 (+SITE_URL)".',
    ),
  SERVE_BACKGROUND: booleanFromEnv
    .default(true)
    .describe(
      'Run the background jobs (scheduled publishing, webhooks, feeds, newsletters, pruning) in `velocity serve` too; false makes a web-only node and leaves them to `velocity worker`.',
    ),
  DESK_REFRESH: booleanFromEnv
    .default(true)
    .describe('Refresh followed feeds on schedule in this process (serve and worker).'),
  DESK_REFRESH_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .default(30)
    .describe('Minutes between two refreshes of a followed feed (new feeds; each feed keeps its own).'),
  DESK_FETCH_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(20_000)
    .describe('Time allowed for one request of the desk (connect, headers and body), in milliseconds.'),
  DESK_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1024 * 1024)
    .describe('Largest feed or page the desk reads, in bytes, also after gzip/deflate/brotli decoding.'),
  DESK_HOST_CONCURRENCY: z.coerce
    .number()
    .int()
    .min(1)
    .default(2)
    .describe('Requests the desk makes at the same time to one host.'),
  DESK_HOST_DELAY_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(1000)
    .describe('Pause between two requests of the desk to the same host, in milliseconds.'),
  DESK_ALLOW_HOSTS: hostListFromEnv.describe(
    'Comma-separated host or host:port entries the desk may fetch although they resolve to private or loopback addresses (an internal mirror).',
  ),
  DESK_FULL_TEXT: booleanFromEnv
    .default(true)
    .describe("Fetch each new item's page and extract the article text (for clustering and reference)."),
  DESK_CLUSTER_THRESHOLD: z.coerce
    .number()
    .min(0.05)
    .max(1)
    .default(0.3)
    .describe('Estimated similarity (0–1) from which two items are the same news.'),
  DESK_CLUSTER_WINDOW_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .default(4)
    .describe('How far back a new item looks for items reporting the same news, in days.'),
  ...newsletterSettings,
  ...mediaStorageSettings,
  WEBHOOK_ALLOW_HOSTS: hostListFromEnv.describe(
    'Comma-separated host or host:port entries webhooks may be sent to although they are, or resolve to, private or loopback addresses (an internal receiver).',
  ),
  // A cache or CDN in front (docs/deploy.md).
  ...edgeSettings,
  // Health and metrics (README, "Health and metrics").
  METRICS_PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65_535)
    .optional()
    .describe(
      'Port of a separate listener on HOST serving /metrics (Prometheus), /healthz and /readyz. Off when unset; 0 picks a free port.',
    ),
  METRICS_TOKEN: z
    .string()
    .min(16)
    .optional()
    .describe(
      'Serves /metrics on the main port to requests with `Authorization: Bearer <token>` (and requires it on METRICS_PORT too). Without this or METRICS_PORT, /metrics answers 404.',
    ),
  // The edge: proxies in front, HSTS, request limits.
  TRUST_PROXY: booleanFromEnv
    .default(false)
    .describe('Older spelling of TRUST_PROXY_HOPS=1: one proxy of yours sits in front of the server.'),
  TRUST_PROXY_HOPS: z.coerce
    .number()
    .int()
    .min(0)
    .max(10)
    .default(0)
    .describe(
      'How many proxies of yours sit in front of the server. The client address is the X-Forwarded-For entry that many hops from the right; entries further left are ignored.',
    ),
  TRUST_PROXY_NETWORKS: z
    .string()
    .default('')
    .refine((value) => {
      try {
        parseNetworks(value);
        return true;
      } catch {
        return false;
      }
    }, 'must be a comma-separated list of addresses or CIDR networks')
    .describe(
      'Comma-separated addresses or CIDR networks of your proxies (e.g. 10.0.0.0/8); a hop inside them is skipped when looking for the client address.',
    ),
  MAX_URL_BYTES: z.coerce
    .number()
    .int()
    .min(256)
    .default(8192)
    .describe('Longest request target (path and query) accepted; a longer one is answered 414.'),
  MAX_HEADER_BYTES: z.coerce
    .number()
    .int()
    .min(4096)
    .default(16_384)
    .describe('Largest request head (request line and headers) accepted; a larger one is answered 431.'),
});

export type Config = z.infer<typeof ConfigSchema> & {
  siteUrl: string;
  dataDir: string;
  /** NEWSLETTER_FROM, or newsletter@ the site's host. */
  newsletterFrom: string;
  /** The domain of newsletterFrom: the right-hand side of the newsletter's Message-IDs. */
  newsletterDomain: string;
  /** TRUST_PROXY_HOPS (at least 1 when TRUST_PROXY is on) and TRUST_PROXY_NETWORKS. */
  proxyTrust: ProxyTrust;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment once; a bad value stops start-up with a message naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const relevant = Object.fromEntries(
    Object.keys(ConfigSchema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const parsed = ConfigSchema.safeParse(relevant);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const config = parsed.data;
  const mediaProblem = mediaStorageProblem(config);
  if (mediaProblem) throw new ConfigError(`Invalid configuration:\n  ${mediaProblem}`);
  const siteUrl = (config.SITE_URL ?? `http://${config.HOST}:${config.PORT}`).replace(/\/+$/, '');
  const siteHost = new URL(siteUrl).hostname.toLowerCase();
  const newsletterFrom = config.NEWSLETTER_FROM ?? `newsletter@${siteHost}`;
  const fromDomain = newsletterFrom.split('@')[1]?.toLowerCase() ?? '';
  // Gmail's and Yahoo's 2024 bulk-sender rules want From aligned with the signing domain; mail
  // from another domain than the site's is also what phishing looks like.
  if (config.NEWSLETTER_FROM && siteHost !== fromDomain && !siteHost.endsWith(`.${fromDomain}`)) {
    throw new ConfigError(
      `Invalid configuration:\n  NEWSLETTER_FROM: the domain must be ${siteHost} or a parent of it`,
    );
  }
  if (config.DKIM_DOMAIN && !config.DKIM_PRIVATE_KEY) {
    throw new ConfigError('Invalid configuration:\n  DKIM_PRIVATE_KEY: must be set when DKIM_DOMAIN is');
  }
  if (config.DKIM_PRIVATE_KEY && !config.DKIM_DOMAIN) {
    throw new ConfigError('Invalid configuration:\n  DKIM_DOMAIN: must be set when DKIM_PRIVATE_KEY is');
  }
  const edgeProblem = edgeSettingsProblem(config);
  if (edgeProblem) throw new ConfigError(`Invalid configuration:\n  ${edgeProblem}`);
  const dkimDomain = config.DKIM_DOMAIN?.toLowerCase();
  // The same bulk-sender rules: d= must align with the From domain (relaxed DMARC alignment).
  // A bare top-level domain would "align" with everything, so at least two labels.
  if (
    dkimDomain !== undefined &&
    (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(dkimDomain) ||
      (fromDomain !== dkimDomain && !fromDomain.endsWith(`.${dkimDomain}`)))
  ) {
    throw new ConfigError(
      `Invalid configuration:\n  DKIM_DOMAIN: must be ${fromDomain} (the From address's domain) or a parent of it`,
    );
  }
  // nodemailer drops ";" and "=" from s= silently; a selector is DNS labels (RFC 6376 §3.1).
  if (
    !/^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*$/i.test(config.DKIM_SELECTOR)
  ) {
    throw new ConfigError('Invalid configuration:\n  DKIM_SELECTOR: must be DNS labels such as velocity2026');
  }
  return {
    ...config,
    siteUrl,
    dataDir: path.resolve(config.DATA_DIR),
    newsletterFrom,
    newsletterDomain: fromDomain,
    proxyTrust: {
      hops: Math.max(config.TRUST_PROXY_HOPS, config.TRUST_PROXY ? 1 : 0),
      networks: parseNetworks(config.TRUST_PROXY_NETWORKS),
    },
  };
}

/**
 * A parsed default written back the way the variable is set: lists comma-separated, maps as
 * `key=value` pairs (NEWSLETTER_TIME_ZONES), and an empty list or map as '' (no default shown).
 */
export function envValueOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(envValueOf).join(',');
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(([key, entry]) => `${key}=${envValueOf(entry)}`)
      .join(',');
  }
  return String(value);
}

/** The variables as documentation rows, for `velocity --help` and the README. */
export function describeConfig(): { name: string; defaultValue: string; description: string }[] {
  return Object.entries(ConfigSchema.shape).map(([name, schema]) => {
    const parsedDefault = schema.safeParse(undefined);
    return {
      name,
      defaultValue: parsedDefault.success ? envValueOf(parsedDefault.data) : '',
      description: schema.description ?? '',
    };
  });
}
