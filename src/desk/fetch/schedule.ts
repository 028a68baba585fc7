/**
 * Pure politeness rule: a request may start at the later of `now` and the host's reserved next
 * start; the one after it may start `delayMs` later.
 */
export function reserveStart(
  nextStartAt: number | undefined,
  now: number,
  delayMs: number,
): { startAt: number; nextStartAt: number } {
  const startAt = Math.max(now, nextStartAt ?? now);
  return { startAt, nextStartAt: startAt + delayMs };
}

export interface HostScheduler {
  /** Waits for a free slot and the politeness delay for `host`; call the returned function when done. */
  acquire(host: string): Promise<() => void>;
}

interface HostState {
  active: number;
  nextStartAt: number | undefined;
  waiters: Array<() => void>;
}

export function createHostScheduler(options: {
  perHostConcurrency: number;
  politenessDelayMs: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}): HostScheduler {
  const limit = Math.max(1, Math.floor(options.perHostConcurrency));
  const hosts = new Map<string, HostState>();

  return {
    async acquire(host) {
      let state = hosts.get(host);
      if (state === undefined) {
        state = { active: 0, nextStartAt: undefined, waiters: [] };
        hosts.set(host, state);
      }
      const s = state;
      while (s.active >= limit) {
        await new Promise<void>((wake) => s.waiters.push(wake));
      }
      s.active += 1;
      const now = options.now();
      const plan = reserveStart(s.nextStartAt, now, options.politenessDelayMs);
      s.nextStartAt = plan.nextStartAt;
      if (plan.startAt > now) await options.sleep(plan.startAt - now);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        s.active -= 1;
        const next = s.waiters.shift();
        if (next) next();
        else if (s.active === 0 && (s.nextStartAt ?? 0) <= options.now()) hosts.delete(host);
      };
    },
  };
}
