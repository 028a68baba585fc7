import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** RCPT TO addresses of the envelope. */
  recipients: string[];
  parsed: ParsedMail;
  raw: string;
}

export interface SmtpSink {
  /** smtp://127.0.0.1:<port> for SMTP_URL. */
  url: string;
  received: ReceivedMail[];
  /** Resolves once `count` messages have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 and a free port; every message is kept, parsed by mailparser. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw)
          .then((parsed) => {
            received.push({ recipients: session.envelope.rcptTo.map((r) => r.address), parsed, raw });
            for (const wake of waiters.splice(0)) wake();
            callback();
          })
          .catch(callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    waitFor(count, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`expected ${count} messages, got ${received.length}`)),
          timeoutMs,
        );
        const check = () => {
          if (received.length >= count) {
            clearTimeout(timer);
            resolve(received.slice());
          } else waiters.push(check);
        };
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface CountingSink {
  url: string;
  /** Every accepted message in arrival order: its envelope recipient and Message-ID header. */
  accepted: { recipient: string; messageId: string }[];
  /** How many RCPT TO commands wait unanswered because `stall` said so. */
  stalled(): number;
  /** Answers every stalled RCPT TO with 250, so those sessions go on. */
  releaseStalled(): void;
  close(): Promise<void>;
}

/**
 * A real SMTP server that only notes who got which Message-ID, for runs of thousands of
 * messages. A message counts as accepted once the whole of it has arrived, just before the 250
 * reply: a client that dies before reading the reply has still delivered it, as with any MTA.
 * `refuse` may answer an RCPT TO with a code (450 to try later, 550 to refuse for good).
 */
export async function startCountingSink(
  options: {
    refuse?: (recipient: string) => { code: number; message: string } | null;
    /** Holds each 250 reply back this long, as a loaded server would. */
    acceptDelayMs?: number;
    /** While it returns true, each RCPT TO gets no answer until `releaseStalled()`: a stuck server. */
    stall?: () => boolean;
  } = {},
): Promise<CountingSink> {
  const accepted: CountingSink['accepted'] = [];
  const stalled: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 10 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      if (options.stall?.()) {
        stalled.push(() => callback());
        return;
      }
      const refusal = options.refuse?.(address.address);
      if (!refusal) return callback();
      const error = new Error(refusal.message) as Error & { responseCode: number };
      error.responseCode = refusal.code;
      callback(error);
    },
    onData(stream, session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 16_384) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        const messageId = /^message-id:\s*(<[^>\r\n]+>)/im.exec(head)?.[1] ?? '';
        for (const rcpt of session.envelope.rcptTo) accepted.push({ recipient: rcpt.address, messageId });
        if (options.acceptDelayMs) setTimeout(callback, options.acceptDelayMs);
        else callback();
      });
    },
  });
  // A sender killed mid-message resets its connection; that is the point of some tests, not an error.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    accepted,
    stalled: () => stalled.length,
    releaseStalled: () => {
      for (const answer of stalled.splice(0)) answer();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
