import type { NewsletterDeps } from '../deps.js';
import { markSent } from './deliveries.js';

/**
 * Marks accepted messages sent in groups: the messages accepted within RECORD_EVERY_MS share one
 * UPDATE (and one commit), which costs about as much as the UPDATE of a single row did, and a
 * lane goes on to its next message without waiting for the database. A message is recorded once
 * its group is written; a crash before then leaves it in doubt, as a crash between the server's
 * reply and a single UPDATE would, only for a few milliseconds longer. At most MAX_UNRECORDED
 * accepted messages wait to be written: from there, lanes wait for the database.
 */
const RECORD_EVERY_MS = 2;
const MAX_UNRECORDED = 20;
const WRITE_ATTEMPTS = 4;
const RETRY_WAIT_MS = 100;

export class SentRecorder {
  #ids: number[] = [];
  #writing: Promise<void> | null = null;
  #failure: unknown = null;

  constructor(
    private readonly db: NewsletterDeps['db'],
    private readonly at: () => string,
  ) {}

  /** Notes an accepted message; resolves at once unless too many wait to be written. */
  async record(deliveryId: number): Promise<void> {
    if (this.#failure) throw this.#failure;
    this.#ids.push(deliveryId);
    if (!this.#writing) this.#writing = this.#writeSoon();
    if (this.#ids.length >= MAX_UNRECORDED) await this.flush();
  }

  async #writeSoon(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, RECORD_EVERY_MS));
    while (this.#ids.length > 0) {
      const ids = this.#ids.splice(0);
      try {
        await this.#markSentRetrying(ids);
      } catch (error) {
        this.#failure = error;
        break;
      }
    }
    this.#writing = null;
  }

  /**
   * The server has taken these messages: a write lost to a passing database error (a deadlock
   * victim, a dropped connection) is tried again, since giving up would send them twice later.
   */
  async #markSentRetrying(ids: number[]): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await markSent(this.db, ids, this.at());
        return;
      } catch (error) {
        if (attempt >= WRITE_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, RETRY_WAIT_MS * attempt));
      }
    }
  }

  /** Waits until every noted message is written; throws if a write failed. */
  async flush(): Promise<void> {
    while (this.#writing) await this.#writing;
    if (this.#ids.length > 0) {
      this.#writing = this.#writeSoon();
      await this.#writing;
    }
    if (this.#failure) throw this.#failure;
  }
}
