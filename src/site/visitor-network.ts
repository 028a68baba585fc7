import ipaddr from 'ipaddr.js';

/**
 * The network a visitor's address belongs to, as text: IPv4 addresses by their /24, IPv6 by their
 * /48 (what one household, office or provider customer usually has), IPv4-mapped IPv6 as IPv4.
 * Rotating addresses inside one such network, or the User-Agent, still gives the same visitor.
 * Anything that is not an address (a test request without a socket) is its own network.
 */
export function visitorNetwork(address: string): string {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!ipaddr.isValid(bare)) return `other:${address}`;
  const parsed = ipaddr.process(bare);
  if (parsed.kind() === 'ipv4') {
    const [a, b, c] = parsed.toByteArray();
    return `${a}.${b}.${c}.0/24`;
  }
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 3).map((part) => part.toString(16));
  return `${parts.join(':')}::/48`;
}
