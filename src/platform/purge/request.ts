import type { IncomingMessage } from 'node:http';
import { guardedRequest, type Resolve } from '../outbound/index.js';

/** A purge request that got no 2xx answer, or none at all. */
export class PurgeFailedError extends Error {
  override name = 'PurgeFailedError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface PurgeTarget {
  /** `host` or `host:port` entries the address guard lets through although private or loopback. */
  allowHosts: readonly string[];
  /** Name resolution; tests answer with addresses of their choosing. */
  resolve?: Resolve;
  /** The whole request, DNS included, within this many milliseconds. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** Of an answer, at most this much is kept: enough for an API's error message. */
const ANSWER_READ_LIMIT = 16_384;

async function readAnswer(response: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let read = 0;
  try {
    for await (const chunk of response) {
      chunks.push(chunk as Buffer);
      read += (chunk as Buffer).length;
      if (read >= ANSWER_READ_LIMIT) break;
    }
  } finally {
    response.destroy();
  }
  return Buffer.concat(chunks).toString('utf8').slice(0, ANSWER_READ_LIMIT);
}

/**
 * Sends one purge request through the address guard and returns the answer's text; anything but
 * a 2xx throws PurgeFailedError. Redirects are not followed: a purge API does not move.
 */
export async function sendPurgeRequest(
  url: URL,
  init: { method: string; headers: Record<string, string>; body?: string },
  target: PurgeTarget,
): Promise<string> {
  const signal = AbortSignal.timeout(target.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const deadline = new Promise<never>((_, reject) =>
    signal.addEventListener('abort', () => reject(signal.reason), { once: true }),
  );
  const attempt = async () => {
    const headers: Record<string, string> = { 'user-agent': 'CodeVelocity-Purge/1', ...init.headers };
    if (init.body !== undefined) headers['content-length'] = String(Buffer.byteLength(init.body));
    const response = await guardedRequest(url, {
      method: init.method,
      headers,
      ...(init.body !== undefined ? { body: init.body } : {}),
      signal,
      allowHosts: target.allowHosts,
      ...(target.resolve ? { resolve: target.resolve } : {}),
    });
    const status = response.statusCode ?? 0;
    const answer = await readAnswer(response);
    if (status < 200 || status > 299) {
      throw new PurgeFailedError(
        `${init.method} ${url.origin}${url.pathname} answered ${status}: ${answer.slice(0, 200)}`,
        status,
      );
    }
    return answer;
  };
  return Promise.race([attempt(), deadline]);
}
