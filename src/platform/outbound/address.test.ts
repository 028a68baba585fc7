import { describe, expect, it } from 'vitest';
import {
  AddressNotAllowedError,
  classifyAddress,
  guardAddress,
  isAllowedHost,
  literalHostRange,
} from './address.js';

describe('classifyAddress', () => {
  it.each([
    ['93.184.216.34', true, 'unicast'],
    ['1.1.1.1', true, 'unicast'],
    ['2606:4700:4700::1111', true, 'unicast'],
    ['127.0.0.1', false, 'loopback'],
    ['127.0.0.2', false, 'loopback'],
    ['::1', false, 'loopback'],
    ['10.0.0.5', false, 'private'],
    ['172.16.0.1', false, 'private'],
    ['172.31.255.255', false, 'private'],
    ['192.168.1.1', false, 'private'],
    ['169.254.169.254', false, 'linkLocal'],
    ['fe80::1', false, 'linkLocal'],
    ['100.64.0.1', false, 'carrierGradeNat'],
    ['fd00::1', false, 'uniqueLocal'],
    ['fc00::1', false, 'uniqueLocal'],
    ['224.0.0.1', false, 'multicast'],
    ['ff02::1', false, 'multicast'],
    ['0.0.0.0', false, 'unspecified'],
    ['::', false, 'unspecified'],
    ['255.255.255.255', false, 'broadcast'],
    ['192.0.2.1', false, 'reserved'],
    ['198.51.100.7', false, 'reserved'],
    ['203.0.113.9', false, 'reserved'],
    ['198.18.0.1', false, 'reserved'],
    ['2001:db8::1', false, 'reserved'],
    ['::ffff:127.0.0.1', false, 'loopback'],
    ['::ffff:10.0.0.1', false, 'private'],
    ['::ffff:169.254.169.254', false, 'linkLocal'],
    ['::ffff:93.184.216.34', true, 'unicast'],
    ['64:ff9b::a00:1', false, 'rfc6052'],
    ['[::1]', false, 'loopback'],
    ['not-an-ip', false, 'invalid'],
    ['', false, 'invalid'],
  ])('%s → public=%s (%s)', (address, isPublic, range) => {
    expect(classifyAddress(address)).toEqual({ public: isPublic, range });
  });
});

describe('isAllowedHost', () => {
  it.each([
    ['http://127.0.0.1:8080/x', ['127.0.0.1'], true],
    ['http://127.0.0.1:8080/x', ['127.0.0.1:8080'], true],
    ['http://127.0.0.1:8080/x', ['127.0.0.1:9090'], false],
    ['http://127.0.0.2:8080/x', ['127.0.0.1'], false],
    ['http://News.Example.test/x', ['news.example.test'], true],
    ['http://news.example.test/x', ['news.example.test:80'], true],
    ['https://news.example.test/x', ['news.example.test:80'], false],
    ['http://[::1]:81/', ['::1'], true],
    ['http://[::1]:81/', ['[::1]:81'], true],
    ['http://evil.test/', [], false],
  ])('%s with %j → %s', (url, allow, expected) => {
    expect(isAllowedHost(new URL(url), allow)).toBe(expected);
  });
});

describe('guardAddress', () => {
  const resolver = (answers: string[]) => async () =>
    answers.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

  it.each([
    ['10.0.0.5'],
    ['192.168.1.1'],
    ['169.254.169.254'],
    ['fe80::1'],
    ['::ffff:127.0.0.1'],
    ['fd00::1'],
  ])('refuses a resolver answer of %s', async (answer) => {
    await expect(
      guardAddress(new URL('http://feeds.example.test/rss'), { allowHosts: [], resolve: resolver([answer]) }),
    ).rejects.toBeInstanceOf(AddressNotAllowedError);
  });

  it('refuses when any one of several answers is internal', async () => {
    const error = await guardAddress(new URL('http://feeds.example.test/'), {
      allowHosts: [],
      resolve: resolver(['93.184.216.34', '10.0.0.5']),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AddressNotAllowedError);
    expect((error as AddressNotAllowedError).address).toBe('10.0.0.5');
  });

  it('refuses an empty answer', async () => {
    await expect(
      guardAddress(new URL('http://feeds.example.test/'), { allowHosts: [], resolve: resolver([]) }),
    ).rejects.toBeInstanceOf(AddressNotAllowedError);
  });

  it('pins the first answer when every answer is public', async () => {
    await expect(
      guardAddress(new URL('http://feeds.example.test/'), {
        allowHosts: [],
        resolve: resolver(['93.184.216.34', '2606:4700:4700::1111']),
      }),
    ).resolves.toEqual({ address: '93.184.216.34', family: 4 });
  });

  it('checks literal IPs without asking DNS', async () => {
    let asked = 0;
    const resolve = async () => {
      asked += 1;
      return [{ address: '93.184.216.34', family: 4 }];
    };
    await expect(
      guardAddress(new URL('http://127.0.0.2:1234/'), { allowHosts: ['127.0.0.1'], resolve }),
    ).rejects.toBeInstanceOf(AddressNotAllowedError);
    await expect(
      guardAddress(new URL('http://[::ffff:7f00:1]/'), { allowHosts: [], resolve }),
    ).rejects.toThrow(/loopback/);
    await expect(guardAddress(new URL('http://0x7f.1/'), { allowHosts: [], resolve })).rejects.toThrow(
      /loopback/,
    );
    expect(asked).toBe(0);
  });

  it('lets an allowed host through whatever it resolves to', async () => {
    await expect(
      guardAddress(new URL('http://mirror.internal.test:8080/'), {
        allowHosts: ['mirror.internal.test:8080'],
        resolve: resolver(['127.0.0.1']),
      }),
    ).resolves.toEqual({ address: '127.0.0.1', family: 4 });
  });
});

describe('literalHostRange', () => {
  it.each([
    ['http://127.0.0.1:8080/', 'loopback'],
    ['http://[::1]/', 'loopback'],
    ['http://localhost:3000/', 'loopback'],
    ['http://LOCALHOST./', 'loopback'],
    ['http://api.localhost/', 'loopback'],
    ['http://169.254.169.254/latest/meta-data/', 'linkLocal'],
    ['http://[::ffff:127.0.0.1]/', 'loopback'],
    ['http://0.0.0.0/', 'unspecified'],
    // The URL parser reads these as 127.0.0.1 before anything else sees them.
    ['http://2130706433/', 'loopback'],
    ['http://0x7f000001/', 'loopback'],
    ['http://017700000001/', 'loopback'],
    ['http://10.1.2.3/', 'private'],
    ['http://[fd12::1]/', 'uniqueLocal'],
  ])('%s is refused without a lookup (%s)', (url, range) => {
    expect(literalHostRange(new URL(url), [])).toEqual({ public: false, range });
  });

  it('answers public for a public literal and nothing for a name', () => {
    expect(literalHostRange(new URL('https://93.184.216.34/'), [])).toEqual({
      public: true,
      range: 'unicast',
    });
    expect(literalHostRange(new URL('https://hooks.example.test/'), [])).toBeUndefined();
  });

  it('lets an allowed host through', () => {
    expect(literalHostRange(new URL('http://127.0.0.1:8080/'), ['127.0.0.1'])).toBeUndefined();
    expect(literalHostRange(new URL('http://localhost:8080/'), ['localhost:8080'])).toBeUndefined();
  });
});
