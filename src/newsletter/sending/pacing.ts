/**
 * Per-recipient-domain pacing: at most `perMinute` messages to one domain (gmail.com, qq.com…)
 * in any minute, spread evenly, since large receivers throttle or junk bursts from one sender.
 * Each message takes the domain's next free slot. A slot within `maxWaitMs` is waited for; a
 * later one is not taken, and the caller hands the message back to the queue until then, so one
 * busy domain never holds up mail to the others.
 */
export class DomainPacer {
  readonly #intervalMs: number;
  readonly #nextFree = new Map<string, number>();

  readonly #maxWaitMs: number;

  constructor(perMinute: number, maxWaitMs = 1000) {
    this.#intervalMs = perMinute > 0 ? 60_000 / perMinute : 0;
    this.#maxWaitMs = maxWaitMs;
  }

  /**
   * A slot for one message to `domain`: `{ waitMs }` to wait that long (0: now) and send, the slot
   * being taken; or `{ deferMs }` when the next slot is too far off, nothing being taken.
   */
  reserve(domain: string, nowMs: number): { waitMs: number } | { deferMs: number } {
    if (this.#intervalMs === 0) return { waitMs: 0 };
    const key = domain.toLowerCase();
    const slot = Math.max(this.#nextFree.get(key) ?? nowMs, nowMs);
    const waitMs = slot - nowMs;
    if (waitMs > this.#maxWaitMs) return { deferMs: waitMs };
    this.#nextFree.set(key, slot + this.#intervalMs);
    return { waitMs };
  }

  /** Forgets domains idle for a while, so the map does not grow with the list. */
  prune(nowMs: number): void {
    for (const [domain, free] of this.#nextFree) if (free < nowMs) this.#nextFree.delete(domain);
  }
}

export function recipientDomain(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}
