import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Resolve } from '../outbound/index.js';
import { cloudflarePurger } from './cloudflare.js';
import { fastlyPurger } from './fastly.js';
import { type Purger, type RetryOptions, retrying } from './purger.js';
import { varnishPurger } from './varnish.js';

type PurgeSettings = Pick<
  Config,
  | 'PURGE'
  | 'PURGE_VARNISH_URLS'
  | 'PURGE_FASTLY_SERVICE_ID'
  | 'PURGE_FASTLY_TOKEN'
  | 'PURGE_FASTLY_API_URL'
  | 'PURGE_CLOUDFLARE_ZONE_ID'
  | 'PURGE_CLOUDFLARE_TOKEN'
  | 'PURGE_CLOUDFLARE_API_URL'
  | 'PURGE_ALLOW_HOSTS'
>;

/**
 * The purger PURGE names, retrying and never rejecting (see `retrying`); undefined for none.
 * loadConfig has already checked that the chosen kind has its settings.
 */
export function createPurger(
  config: PurgeSettings,
  log: Logger,
  options: { resolve?: Resolve; retries?: RetryOptions } = {},
): Purger | undefined {
  const target = {
    allowHosts: config.PURGE_ALLOW_HOSTS,
    ...(options.resolve ? { resolve: options.resolve } : {}),
  };
  const purger = (() => {
    switch (config.PURGE) {
      case 'none':
        return undefined;
      case 'varnish':
        return varnishPurger(config.PURGE_VARNISH_URLS, target);
      case 'fastly':
        return fastlyPurger(
          {
            apiUrl: config.PURGE_FASTLY_API_URL,
            serviceId: config.PURGE_FASTLY_SERVICE_ID ?? '',
            token: config.PURGE_FASTLY_TOKEN ?? '',
          },
          target,
        );
      case 'cloudflare':
        return cloudflarePurger(
          {
            apiUrl: config.PURGE_CLOUDFLARE_API_URL,
            zoneId: config.PURGE_CLOUDFLARE_ZONE_ID ?? '',
            token: config.PURGE_CLOUDFLARE_TOKEN ?? '',
          },
          target,
        );
    }
  })();
  return purger && retrying(purger, log, config.PURGE, options.retries);
}
