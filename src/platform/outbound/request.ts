import { lookup as dnsLookup } from 'node:dns/promises';
import http, { type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { bareHostname, guardAddress, type Resolve, type ResolvedAddress } from './address.js';

/** Every address the system resolver has for a name, in its own order. */
export const defaultResolve: Resolve = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** A lookup that ignores DNS and answers with the address the guard already checked. */
function pinnedLookup(pinned: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: pinned.address, family: pinned.family }]);
    else callback(null, pinned.address, pinned.family);
  };
}

export interface PinnedRequestInit {
  method: string;
  headers: OutgoingHttpHeaders;
  body?: string | Uint8Array;
  signal: AbortSignal;
}

/**
 * Opens one request to `pinned` while speaking to the URL's host: Host and TLS SNI (and the
 * certificate check) name the host, the socket goes to the checked address, so an answer that
 * changes between the check and the connection (DNS rebinding) is never used. No connection pool:
 * each request gets its own socket. Resolves with the response once its headers arrive; the
 * caller reads or destroys it.
 */
export function pinnedRequest(
  url: URL,
  pinned: ResolvedAddress,
  init: PinnedRequestInit,
): Promise<IncomingMessage> {
  return new Promise<IncomingMessage>((resolveResponse, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(
      {
        protocol: url.protocol,
        hostname: bareHostname(url),
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: init.method,
        headers: init.headers,
        agent: false,
        lookup: pinnedLookup(pinned),
        signal: init.signal,
      },
      resolveResponse,
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

/**
 * One guarded hop: resolves the URL's host, refuses it unless every answer is public (or the host
 * is allowed), then connects to the first answer. Redirects are the caller's to follow, each
 * through here again, so every hop is checked.
 */
export async function guardedRequest(
  url: URL,
  init: PinnedRequestInit & { allowHosts: readonly string[]; resolve?: Resolve },
): Promise<IncomingMessage> {
  const pinned = await guardAddress(url, {
    allowHosts: init.allowHosts,
    resolve: init.resolve ?? defaultResolve,
  });
  return pinnedRequest(url, pinned, init);
}
