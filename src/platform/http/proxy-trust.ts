import ipaddr from 'ipaddr.js';

/**
 * Which of the hops in front of the server are the operator's own proxies: the `hops` nearest
 * ones (the socket's peer counts as the first), and any address inside `networks`.
 */
export interface ProxyTrust {
  hops: number;
  networks: [ipaddr.IPv4 | ipaddr.IPv6, number][];
}

export const NO_PROXY: ProxyTrust = { hops: 0, networks: [] };

/** Parses a comma-separated CIDR list (a bare address is a /32 or /128); throws on a bad entry. */
export function parseNetworks(list: string): ProxyTrust['networks'] {
  return list
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      if (entry.includes('/')) return ipaddr.parseCIDR(entry);
      const address = ipaddr.parse(entry);
      return [address, address.kind() === 'ipv4' ? 32 : 128] as [ipaddr.IPv4 | ipaddr.IPv6, number];
    });
}

/** An address in its plain form (IPv4-mapped IPv6 unwrapped, port dropped), or undefined. */
export function normalizeAddress(raw: string): string | undefined {
  let text = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed?.[1]) text = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(':'));
  // Only the usual notations: no zone index (fe80::1%eth0), no classful `1.2.3`.
  const valid = text.includes(':')
    ? ipaddr.IPv6.isValid(text) && !text.includes('%')
    : ipaddr.IPv4.isValidFourPartDecimal(text);
  if (!valid) return undefined;
  return ipaddr.process(text).toString();
}

function inNetworks(address: string, networks: ProxyTrust['networks']): boolean {
  if (networks.length === 0) return false;
  const parsed = ipaddr.parse(address);
  return networks.some(([network, bits]) => parsed.kind() === network.kind() && parsed.match(network, bits));
}

/**
 * The client among the peer and the `X-Forwarded-For` entries: walking from the right (the peer,
 * then the entry the nearest proxy appended, and so on), the first address that is not a trusted
 * proxy. Entries left of it are whatever the client sent and are never believed, so rotating them
 * changes nothing. An entry that is not an address stops the walk at the last good hop.
 */
export function resolveClientAddress(
  peer: string,
  forwardedFor: string | undefined,
  trust: ProxyTrust,
): string {
  // The peer is a hop whatever it looks like (app.request() in tests has no socket address).
  const peerAddress = normalizeAddress(peer);
  let last = peerAddress ?? peer;
  const peerTrusted =
    trust.hops > 0 || (peerAddress !== undefined && inNetworks(peerAddress, trust.networks));
  if (!peerTrusted) return last;
  const entries = forwardedFor ? forwardedFor.split(',') : [];
  for (let index = entries.length - 1, fromRight = 1; index >= 0; index--, fromRight++) {
    const address = normalizeAddress(entries[index] ?? '');
    if (address === undefined) return last;
    last = address;
    if (!(fromRight < trust.hops || inNetworks(address, trust.networks))) return address;
  }
  return last;
}

/** Whether any proxy is trusted at all (then its X-Forwarded-Proto is believed too). */
export function trustsProxies(trust: ProxyTrust): boolean {
  return trust.hops > 0 || trust.networks.length > 0;
}
