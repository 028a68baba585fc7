// How long a failed delivery waits before the next attempt. The steps follow the usual webhook
// practice (GitHub, Stripe): quick retries for a blip, then hours for an outage, about a day in all.
const RETRY_DELAYS_SECONDS = [30, 120, 600, 3_600, 3 * 3_600, 6 * 3_600, 12 * 3_600];

/** Attempts in all, the first included; after the last one fails the delivery is marked failed. */
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;

/**
 * Up to this share of the delay is added at random, so endpoints that failed together (an outage)
 * are not all retried in the same second.
 */
const JITTER_SHARE = 0.2;

/**
 * After `attempts` attempts have failed: the delay before the next one in milliseconds, or
 * undefined when the delivery has had its last attempt. `random` is in [0, 1) (Math.random).
 */
export function retryDelayMs(attempts: number, random: number): number | undefined {
  if (attempts < 1 || attempts >= MAX_ATTEMPTS) return undefined;
  const base = (RETRY_DELAYS_SECONDS[attempts - 1] as number) * 1000;
  const share = Math.min(Math.max(random, 0), 1) * JITTER_SHARE;
  return Math.round(base * (1 + share));
}
