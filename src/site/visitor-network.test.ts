import { describe, expect, it } from 'vitest';
import { visitorNetwork } from './visitor-network.js';

describe('visitorNetwork', () => {
  it.each([
    ['203.0.113.7', '203.0.113.0/24'],
    ['203.0.113.250', '203.0.113.0/24'],
    ['::ffff:203.0.113.9', '203.0.113.0/24'],
    ['2001:db8:1234:5678::1', '2001:db8:1234::/48'],
    ['2001:0db8:1234:ffff:1:2:3:4', '2001:db8:1234::/48'],
    ['[2001:db8:1234::9]', '2001:db8:1234::/48'],
    ['fe80::1%eth0', 'fe80:0:0::/48'],
    ['local', 'other:local'],
  ])('puts %s in %s', (address, network) => {
    expect(visitorNetwork(address)).toBe(network);
  });

  it('tells neighbouring networks apart', () => {
    expect(visitorNetwork('203.0.113.7')).not.toBe(visitorNetwork('203.0.114.7'));
    expect(visitorNetwork('2001:db8:1234::1')).not.toBe(visitorNetwork('2001:db8:1235::1'));
  });
});
