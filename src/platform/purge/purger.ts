import type { Logger } from '../logger.js';

/** Tells a cache in front to drop every page filed under any of the keys. */
export interface Purger {
  /** Resolves once the cache confirmed the purge; rejects when it did not. */
  purge(keys: string[]): Promise<void>;
}

export interface RetryOptions {
  /** Tries in all, the first included. */
  attempts: number;
  /** The wait before the second try; each later wait doubles. */
  firstDelayMs: number;
  /** Waits; tests pass one that does not. */
  wait?: (ms: number) => Promise<void>;
}

const DEFAULT_RETRIES: RetryOptions = { attempts: 5, firstDelayMs: 500 };

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * A purger that tries again with doubling waits and never rejects: the write that asked for the
 * purge is committed already, so a cache that cannot be reached is the operator's to see in the
 * log (the page then ages out after CACHE_S_MAXAGE), not the writer's.
 */
export function retrying(
  purger: Purger,
  log: Logger,
  kind: string,
  options: RetryOptions = DEFAULT_RETRIES,
): Purger {
  const wait = options.wait ?? pause;
  return {
    async purge(keys) {
      if (keys.length === 0) return;
      for (let attempt = 1; ; attempt++) {
        try {
          await purger.purge(keys);
          return;
        } catch (error) {
          if (attempt >= options.attempts) {
            log.error({ err: error, purge: kind, keys, attempts: attempt }, 'cache purge failed, giving up');
            return;
          }
          const delayMs = options.firstDelayMs * 2 ** (attempt - 1);
          log.warn(
            { err: error, purge: kind, keys, attempt, retryInMs: delayMs },
            'cache purge failed, retrying',
          );
          await wait(delayMs);
        }
      }
    },
  };
}
