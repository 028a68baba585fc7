import { inBatches } from './keys.js';
import type { Purger } from './purger.js';
import { type PurgeTarget, sendPurgeRequest } from './request.js';

/** Fastly purges at most 256 surrogate keys per request. */
const FASTLY_KEYS_PER_REQUEST = 256;

/** Fastly's purge by surrogate key: `POST /service/{id}/purge` with the keys in Surrogate-Key. */
export function fastlyPurger(
  settings: { apiUrl: string; serviceId: string; token: string },
  target: PurgeTarget,
): Purger {
  const url = new URL(
    `${settings.apiUrl.replace(/\/+$/, '')}/service/${encodeURIComponent(settings.serviceId)}/purge`,
  );
  return {
    async purge(keys) {
      for (const batch of inBatches(keys, FASTLY_KEYS_PER_REQUEST)) {
        await sendPurgeRequest(
          url,
          {
            method: 'POST',
            headers: {
              'fastly-key': settings.token,
              'surrogate-key': batch.join(' '),
              accept: 'application/json',
            },
          },
          target,
        );
      }
    },
  };
}
