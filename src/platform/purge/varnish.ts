import { inBatches } from './keys.js';
import type { Purger } from './purger.js';
import { type PurgeTarget, sendPurgeRequest } from './request.js';

/** Keys per request: keeps the xkey-purge header well under Varnish's 8 KB http_req_hdr_len. */
const KEYS_PER_REQUEST = 200;

/**
 * Varnish with the xkey module (deploy/varnish/default.vcl): a PURGE request carrying the keys in
 * `xkey-purge`, to every Varnish listed. The URLs are the operator's own caches, so the address
 * guard lets their hosts through.
 */
export function varnishPurger(urls: readonly string[], target: PurgeTarget): Purger {
  const targets = urls.map((url) => new URL(url));
  const allowHosts = [...target.allowHosts, ...targets.map((url) => url.host.toLowerCase())];
  return {
    async purge(keys) {
      const requests = targets.flatMap((url) =>
        inBatches(keys, KEYS_PER_REQUEST).map((batch) =>
          sendPurgeRequest(
            url,
            { method: 'PURGE', headers: { 'xkey-purge': batch.join(' ') } },
            { ...target, allowHosts },
          ),
        ),
      );
      const results = await Promise.allSettled(requests);
      const failed = results.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
    },
  };
}
