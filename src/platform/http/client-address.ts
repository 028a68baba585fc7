import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { type ProxyTrust, resolveClientAddress } from './proxy-trust.js';

export type { ProxyTrust } from './proxy-trust.js';

/**
 * The client's address for per-address limits: the socket's peer, or, behind proxies the
 * operator declared (TRUST_PROXY_HOPS, TRUST_PROXY_NETWORKS), the right-most untrusted hop.
 */
export function clientAddress(c: Context, config: { proxyTrust: ProxyTrust }): string {
  let peer: string;
  try {
    peer = getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket.
    peer = 'local';
  }
  return resolveClientAddress(peer, c.req.header('x-forwarded-for'), config.proxyTrust);
}
