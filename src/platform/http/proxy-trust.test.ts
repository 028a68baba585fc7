import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import {
  NO_PROXY,
  normalizeAddress,
  type ProxyTrust,
  parseNetworks,
  resolveClientAddress,
} from './proxy-trust.js';

const hops = (n: number): ProxyTrust => ({ hops: n, networks: [] });
const networks = (list: string, n = 0): ProxyTrust => ({ hops: n, networks: parseNetworks(list) });

describe('resolveClientAddress', () => {
  it.each<[string, string, string | undefined, ProxyTrust, string]>([
    [
      'no proxy trusted: the peer, whatever the header says',
      '203.0.113.9',
      '1.1.1.1',
      NO_PROXY,
      '203.0.113.9',
    ],
    ['one hop: the entry the proxy appended', '10.0.0.2', '198.51.100.7', hops(1), '198.51.100.7'],
    [
      'one hop: a forged left-most entry is ignored',
      '10.0.0.2',
      '6.6.6.6, 198.51.100.7',
      hops(1),
      '198.51.100.7',
    ],
    [
      'one hop: many forged entries are ignored',
      '10.0.0.2',
      '1.1.1.1, 2.2.2.2, 198.51.100.7',
      hops(1),
      '198.51.100.7',
    ],
    ['two hops: CDN then nginx', '10.0.0.2', '6.6.6.6, 198.51.100.7, 172.16.0.5', hops(2), '198.51.100.7'],
    ['fewer entries than hops: the left-most', '10.0.0.2', '198.51.100.7', hops(3), '198.51.100.7'],
    ['one hop, no header: the peer', '10.0.0.2', undefined, hops(1), '10.0.0.2'],
    ['one hop, empty header: the peer', '10.0.0.2', '', hops(1), '10.0.0.2'],
    ['garbage where the client should be: the last good hop', '10.0.0.2', 'not-an-ip', hops(1), '10.0.0.2'],
    [
      'garbage left of the client is never read',
      '10.0.0.2',
      '<script>, 198.51.100.7',
      hops(1),
      '198.51.100.7',
    ],
    ['an entry with a port', '10.0.0.2', '198.51.100.7:51234', hops(1), '198.51.100.7'],
    ['a bracketed IPv6 entry with a port', '10.0.0.2', '[2001:db8::1]:443', hops(1), '2001:db8::1'],
    ['an IPv4-mapped peer is unwrapped', '::ffff:203.0.113.9', undefined, NO_PROXY, '203.0.113.9'],
    [
      'networks: proxies inside them are skipped',
      '10.0.0.2',
      '6.6.6.6, 198.51.100.7, 10.1.2.3',
      networks('10.0.0.0/8'),
      '198.51.100.7',
    ],
    [
      'networks: a peer outside them is the client',
      '203.0.113.9',
      '6.6.6.6',
      networks('10.0.0.0/8'),
      '203.0.113.9',
    ],
    ['networks: IPv6 ranges', '2001:db8::5', '198.51.100.7', networks('2001:db8::/32'), '198.51.100.7'],
    [
      'networks: a mapped peer matches an IPv4 range',
      '::ffff:10.0.0.2',
      '198.51.100.7',
      networks('10.0.0.0/8'),
      '198.51.100.7',
    ],
    ['networks: all trusted, the left-most', '10.0.0.2', '10.0.0.3', networks('10.0.0.0/8'), '10.0.0.3'],
    ['a socketless peer (app.request) is still a hop', 'local', '198.51.100.7', hops(1), '198.51.100.7'],
  ])('%s', (_, peer, header, trust, expected) => {
    expect(resolveClientAddress(peer, header, trust)).toBe(expected);
  });

  it('rotating the forged part of the header never changes the address with one hop', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      seen.add(resolveClientAddress('10.0.0.2', `192.0.2.${i}, 198.51.100.7`, hops(1)));
    }
    expect([...seen]).toEqual(['198.51.100.7']);
  });
});

describe('normalizeAddress', () => {
  it.each([
    ['203.0.113.9', '203.0.113.9'],
    [' 2001:DB8::1 ', '2001:db8::1'],
    ['fe80::1%eth0', undefined],
    ['1.2.3', undefined],
    ['', undefined],
    ['unknown', undefined],
  ])('%s', (raw, expected) => {
    expect(normalizeAddress(raw)).toBe(expected);
  });
});

describe('proxy settings', () => {
  it('TRUST_PROXY=true still means one hop', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).proxyTrust.hops).toBe(1);
    expect(loadConfig({}).proxyTrust).toEqual({ hops: 0, networks: [] });
    expect(loadConfig({ TRUST_PROXY_HOPS: '2' }).proxyTrust.hops).toBe(2);
  });

  it('TRUST_PROXY_NETWORKS takes CIDR lists and refuses garbage', () => {
    expect(
      loadConfig({ TRUST_PROXY_NETWORKS: '10.0.0.0/8, 2001:db8::/32,127.0.0.1' }).proxyTrust.networks,
    ).toHaveLength(3);
    expect(() => loadConfig({ TRUST_PROXY_NETWORKS: '10.0.0.0/33' })).toThrow(/TRUST_PROXY_NETWORKS/);
    expect(() => loadConfig({ TRUST_PROXY_NETWORKS: 'proxy.local' })).toThrow(/TRUST_PROXY_NETWORKS/);
  });
});
