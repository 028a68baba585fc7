import type { Kysely } from 'kysely';
import { type Database, reservePacedSlot } from '../../platform/database/index.js';

/**
 * Per-recipient-domain pacing: at most `perMinute` messages to one domain (gmail.com, qq.com…)
 * in any minute, spread evenly, since large receivers throttle or junk bursts from one sender.
 * Each message takes the domain's next free slot, kept in the database so that every sender
 * process paces against the same clock. A slot within `maxWaitMs` is waited for; a later one is
 * not taken, and the caller hands the message back to the queue until then, so one busy domain
 * never holds up mail to the others.
 */
export class DomainPacer {
  readonly #db: Kysely<Database>;
  readonly #intervalMs: number;
  readonly #maxWaitMs: number;

  constructor(db: Kysely<Database>, perMinute: number, maxWaitMs = 1000) {
    this.#db = db;
    // Whole milliseconds, rounded up so the pace never exceeds the setting.
    this.#intervalMs = perMinute > 0 ? Math.ceil(60_000 / perMinute) : 0;
    this.#maxWaitMs = maxWaitMs;
  }

  /**
   * A slot for one message to `domain`: `{ waitMs }` to wait that long (0: now) and send, the slot
   * being taken; or `{ deferMs }` when the next slot is too far off, nothing being taken.
   */
  async reserve(domain: string, nowMs: number): Promise<{ waitMs: number } | { deferMs: number }> {
    if (this.#intervalMs === 0) return { waitMs: 0 };
    const key = `newsletter-domain:${domain.toLowerCase()}`;
    return reservePacedSlot(this.#db, key, this.#intervalMs, this.#maxWaitMs, nowMs);
  }
}

export function recipientDomain(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}
