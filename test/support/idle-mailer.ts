import type { Mailer } from '../../src/newsletter/index.js';

export interface IdleMailer extends Mailer {
  /**
   * Resolves once every message handed to the mailer so far has been accepted or refused. A route
   * starts its mail (a signup's confirmation) before it answers without awaiting it, so after the
   * answer `idle()` then the SMTP sink's count proves that no other mail went out.
   */
  idle(): Promise<void>;
}

/** The mailer, counting the messages in flight. */
export function idleAware(mailer: Mailer): IdleMailer {
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(sending: Promise<T>): Promise<T> => {
    const settled = sending.then(
      () => undefined,
      () => undefined,
    );
    inFlight.add(settled);
    void settled.then(() => inFlight.delete(settled));
    return sending;
  };
  return {
    get destination() {
      return mailer.destination;
    },
    get dkim() {
      return mailer.dkim;
    },
    send: (mail) => track(mailer.send(mail)),
    sendRaw: (mail) => track(mailer.sendRaw(mail)),
    close: () => mailer.close(),
    async idle() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
}
