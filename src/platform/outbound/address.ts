import ipaddr from 'ipaddr.js';
import { DomainError } from '../errors.js';

// The address guard of every request the server makes on someone else's say-so (the desk's
// feeds, webhook deliveries): only public addresses, unless the host is explicitly allowed.

/** The guard refused a URL: its host is, or resolves to, an address that is not public. */
export class AddressNotAllowedError extends DomainError {
  readonly url: string;
  readonly address: string;
  readonly range: string;
  constructor(url: string, address: string, range: string) {
    super('forbidden', `Refusing ${url}: ${address} is ${range}`, { address, range });
    this.url = url;
    this.address = address;
    this.range = range;
  }
}

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
  if (first === undefined) throw new AddressNotAllowedError(url.href, hostname, 'unresolved');
  if (!allowed) {
    for (const answer of answers) {
      const verdict = classifyAddress(answer.address);
      if (!verdict.public) throw new AddressNotAllowedError(url.href, answer.address, verdict.range);
    }
  }
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}

/**
 * What can be told from the URL alone, before any DNS query: the range of a host that is an IP
 * literal or a `localhost` name (RFC 6761 keeps those on the loopback), or undefined when the host
 * is a name whose addresses only a lookup can tell (and may change, so it is checked again on use).
 */
export function literalHostRange(url: URL, allowHosts: readonly string[]): AddressClass | undefined {
  if (isAllowedHost(url, allowHosts)) return undefined;
  const hostname = bareHostname(url).replace(/\.$/, '');
  if (hostname === 'localhost' || hostname.endsWith('.localhost'))
    return { public: false, range: 'loopback' };
  return ipaddr.isValid(hostname) ? classifyAddress(hostname) : undefined;
}
