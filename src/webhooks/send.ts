import type { IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';
import { AddressNotAllowedError, guardedRequest, type Resolve } from '../platform/outbound/index.js';
import { signatureHeaders } from './signature.js';

/**
 * Why an attempt failed, as the delivery log shows it: a class, never the receiver's words (its
 * body or error text could be anything the server reached, see issue 11).
 */
export const DELIVERY_FAILURES = [
  'http-status',
  'timeout',
  'connection-refused',
  'connection-reset',
  'unreachable',
  'name-not-resolved',
  'tls',
  'address-not-allowed',
  'redirect-elsewhere',
  'too-many-redirects',
  'network',
] as const;
export type DeliveryFailure = (typeof DELIVERY_FAILURES)[number];

export function isDeliveryFailure(value: string): value is DeliveryFailure {
  return (DELIVERY_FAILURES as readonly string[]).includes(value);
}

export type SendOutcome =
  | { delivered: true; status: number; durationMs: number }
  | {
      delivered: false;
      status: number | null;
      failure: DeliveryFailure;
      /** Null when nothing was sent: a refused address tells the log nothing about the target. */
      durationMs: number | null;
      /** The server-side reason, for the operator's log only. */
      detail: string;
    };

export interface SendOptions {
  /** `host` or `host:port` entries exempt from the address guard (WEBHOOK_ALLOW_HOSTS). */
  allowHosts: readonly string[];
  /** Name resolution; tests answer with addresses of their choosing. */
  resolve?: Resolve;
  /** Everything, DNS and redirects included, within this many milliseconds. */
  timeoutMs: number;
  /** Unix seconds of this attempt, for `webhook-timestamp`. */
  timestamp: number;
  /** Aborted when the worker stops: the attempt is dropped mid-flight and SendCancelled thrown. */
  signal?: AbortSignal;
}

/**
 * The caller's signal ended the attempt before an answer: no outcome to record, since the
 * receiver may or may not have had the request, and the caller hands the delivery back.
 */
export class SendCancelled extends Error {
  constructor() {
    super('webhook send cancelled');
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_SAME_ORIGIN_REDIRECTS = 3;
/** Of an answer, at most this much is read (and dropped) before the connection is closed. */
const ANSWER_READ_LIMIT = 4096;

const ERROR_CODES: Record<string, DeliveryFailure> = {
  ECONNREFUSED: 'connection-refused',
  ECONNRESET: 'connection-reset',
  EPIPE: 'connection-reset',
  ENOTFOUND: 'name-not-resolved',
  EAI_AGAIN: 'name-not-resolved',
  EAI_NODATA: 'name-not-resolved',
  EAI_NONAME: 'name-not-resolved',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  EHOSTDOWN: 'unreachable',
  ETIMEDOUT: 'timeout',
};

function classify(error: unknown, timedOut: boolean): DeliveryFailure {
  if (error instanceof AddressNotAllowedError)
    return error.range === 'unresolved' ? 'name-not-resolved' : 'address-not-allowed';
  if (timedOut) return 'timeout';
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  if (ERROR_CODES[code]) return ERROR_CODES[code];
  if (/CERT|SSL|TLS/.test(code)) return 'tls';
  if (error instanceof Error && error.message === 'socket hang up') return 'connection-reset';
  return 'network';
}

/** Reads a little of the answer (so the receiver's write completes), then closes the connection. */
async function drain(response: IncomingMessage): Promise<void> {
  let read = 0;
  try {
    for await (const chunk of response) {
      read += (chunk as Buffer).length;
      if (read >= ANSWER_READ_LIMIT) break;
    }
  } catch {
    // The status is what counts; a body cut short (or timed out) changes nothing.
  } finally {
    response.destroy();
  }
}

class Refusal extends Error {
  constructor(
    readonly failure: DeliveryFailure,
    readonly status: number,
  ) {
    super(failure);
  }
}

/**
 * POSTs one delivery through the address guard: every hop is resolved, checked and connected to
 * the very address checked. Redirects are followed only within the webhook's own origin (scheme,
 * host and port), a few times at most: a redirect elsewhere could send the signed body to a host
 * the owner never registered.
 */
export async function sendDelivery(
  delivery: { id: number; event: string; payload: string; url: string; secret: string },
  options: SendOptions,
): Promise<SendOutcome> {
  const headers = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(delivery.payload)),
    'user-agent': 'CodeVelocity-Webhooks/2',
    ...signatureHeaders(delivery.secret, String(delivery.id), options.timestamp, delivery.payload),
    'x-velocity-event': delivery.event,
  };
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  // DNS lookups take no signal: the deadline (or the stop) races the whole attempt instead.
  const deadline = new Promise<never>((_, reject) =>
    signal.addEventListener('abort', () => reject(signal.reason), { once: true }),
  );
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);

  const hops = async (): Promise<number> => {
    const origin = new URL(delivery.url).origin;
    let target = new URL(delivery.url);
    for (let hop = 0; ; hop++) {
      const response = await guardedRequest(target, {
        method: 'POST',
        headers,
        body: delivery.payload,
        signal,
        allowHosts: options.allowHosts,
        ...(options.resolve ? { resolve: options.resolve } : {}),
      });
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (REDIRECTS.has(status) && location) {
        response.destroy();
        const next = URL.canParse(location, target) ? new URL(location, target) : undefined;
        if (next === undefined || next.origin !== origin) throw new Refusal('redirect-elsewhere', status);
        if (hop >= MAX_SAME_ORIGIN_REDIRECTS) throw new Refusal('too-many-redirects', status);
        target = next;
        continue;
      }
      // The status decides; the little read of the body runs on (bounded by size and the
      // deadline) without holding the outcome back.
      void drain(response);
      return status;
    }
  };

  try {
    if (options.signal?.aborted) throw new SendCancelled();
    const status = await Promise.race([hops(), deadline]);
    if (status >= 200 && status < 300) return { delivered: true, status, durationMs: elapsed() };
    return {
      delivered: false,
      status,
      failure: 'http-status',
      durationMs: elapsed(),
      detail: `HTTP ${status}`,
    };
  } catch (error) {
    if (error instanceof Refusal) {
      return {
        delivered: false,
        status: error.status,
        failure: error.failure,
        durationMs: elapsed(),
        detail: '',
      };
    }
    if (options.signal?.aborted && !timeout.aborted) throw new SendCancelled();
    const failure = classify(error, timeout.aborted);
    return {
      delivered: false,
      status: null,
      failure,
      durationMs: failure === 'address-not-allowed' ? null : elapsed(),
      detail: error instanceof Error ? error.message : String(error),
    };
  }
}
