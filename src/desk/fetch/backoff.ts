const MINUTE = 60_000;
const BACKOFF_BASE_MS = 5 * MINUTE;
const BACKOFF_MAX_MS = 24 * 60 * MINUTE;

/**
 * When to try a failing source again: 5 min after the first failure, doubling per further failure,
 * capped at 24 h. Zero, negative or NaN failures means "now".
 */
export function nextAttemptAfterFailure(failures: number, now: Date): Date {
  if (Number.isNaN(failures) || failures < 1) return new Date(now.getTime());
  const exponent = Math.min(Math.floor(failures) - 1, 30);
  const delay = Math.min(BACKOFF_BASE_MS * 2 ** exponent, BACKOFF_MAX_MS);
  return new Date(now.getTime() + delay);
}
