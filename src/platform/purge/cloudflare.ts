import { inBatches } from './keys.js';
import type { Purger } from './purger.js';
import { PurgeFailedError, type PurgeTarget, sendPurgeRequest } from './request.js';

/**
 * Tags per purge call. Cloudflare's limit was 30 for years and is higher on current plans
 * (100, or 500 on Enterprise); 30 is accepted by every plan.
 */
const CLOUDFLARE_TAGS_PER_REQUEST = 30;

/** Cloudflare's purge by cache tag: `POST /zones/{zone}/purge_cache` with `{"tags": [...]}`. */
export function cloudflarePurger(
  settings: { apiUrl: string; zoneId: string; token: string },
  target: PurgeTarget,
): Purger {
  const url = new URL(
    `${settings.apiUrl.replace(/\/+$/, '')}/zones/${encodeURIComponent(settings.zoneId)}/purge_cache`,
  );
  return {
    async purge(keys) {
      for (const batch of inBatches(keys, CLOUDFLARE_TAGS_PER_REQUEST)) {
        const answer = await sendPurgeRequest(
          url,
          {
            method: 'POST',
            headers: { authorization: `Bearer ${settings.token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ tags: batch }),
          },
          target,
        );
        // The API wraps every answer in `{ success, errors }`; a 200 without success is a refusal.
        let success = false;
        try {
          success = (JSON.parse(answer) as { success?: unknown }).success === true;
        } catch {
          success = false;
        }
        if (!success) throw new PurgeFailedError(`Cloudflare refused the purge: ${answer.slice(0, 200)}`);
      }
    },
  };
}
