import ipaddr from 'ipaddr.js';
import { BlockedAddressError } from './errors.js';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to every address it has (like `dns.promises.lookup(host, { all: true })`). */
export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;

export interface AddressClass {
  /** True only for ordinary public unicast addresses. */
  public: boolean;
  /** ipaddr.js range name (`unicast`, `loopback`, `private`, ...) or `invalid`. */
  range: string;
}

/**
 * Classifies an IP address. Only what ipaddr.js calls `unicast` (no special range) is public;
 * IPv4-mapped IPv6 (::ffff:a.b.c.d) is judged as the IPv4 address it carries.
 */
export function classifyAddress(address: string): AddressClass {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (!ipaddr.isValid(bare)) return { public: false, range: 'invalid' };
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.process(bare);
  } catch {
    return { public: false, range: 'invalid' };
  }
  const range = parsed.range();
  return { public: range === 'unicast', range };
}

/** Host without IPv6 brackets, lower-cased. */
export function bareHostname(url: URL): string {
  const host = url.hostname.toLowerCase();
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** True when the URL's host, or host:port, is listed (comparison ignores case and IPv6 brackets). */
export function isAllowedHost(url: URL, allowHosts: readonly string[]): boolean {
  const hostname = bareHostname(url);
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const candidates = new Set([hostname, url.hostname.toLowerCase(), `${url.hostname.toLowerCase()}:${port}`]);
  return allowHosts.some((entry) => candidates.has(entry.toLowerCase()));
}

function familyOf(address: string): number {
  return ipaddr.IPv4.isValid(address) && !address.includes(':') ? 4 : 6;
}

/**
 * Resolves the URL's host and returns the one address to connect to. Refuses when ANY answer is not
 * public, unless the host is in `allowHosts`. Literal IPs are checked without a DNS query.
 */
export async function guardAddress(
  url: URL,
  options: { allowHosts: readonly string[]; resolve: Resolve },
): Promise<ResolvedAddress> {
  const hostname = bareHostname(url);
  const allowed = isAllowedHost(url, options.allowHosts);
  const answers: ResolvedAddress[] = ipaddr.isValid(hostname)
    ? [{ address: hostname, family: familyOf(hostname) }]
    : await options.resolve(hostname);
  const first = answers[0];
  if (first === undefined) throw new BlockedAddressError(url.href, hostname, 'unresolved');
  if (!allowed) {
    for (const answer of answers) {
      const verdict = classifyAddress(answer.address);
      if (!verdict.public) throw new BlockedAddressError(url.href, answer.address, verdict.range);
    }
  }
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}
