import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFeedDate } from './dates.js';

describe('parseFeedDate', () => {
  it.each([
    ['RFC 1123', 'Wed, 17 Mar 2021 18:14:23 GMT', '2021-03-17T18:14:23.000Z'],
    ['RFC 822 numeric zone, two-digit year', 'Sun, 10 Dec 17 13:01:36 -0800', '2017-12-10T21:01:36.000Z'],
    ['two-digit year ≥ 50 is 19xx', '01 Jan 99 00:00:00 GMT', '1999-01-01T00:00:00.000Z'],
    ['no day name, no seconds', '4 Jul 2009 18:31 +0200', '2009-07-04T16:31:00.000Z'],
    ['US zone letters (CST = UTC-6)', '1 Dec 2026 08:00 CST', '2026-12-01T14:00:00.000Z'],
    ['EDT', 'Mon, 02 Jan 2006 15:04:05 EDT', '2006-01-02T19:04:05.000Z'],
    ['GMT+8', 'Tue, 1 Dec 2026 08:00:00 GMT+8', '2026-12-01T00:00:00.000Z'],
    ['UTC+05:30', 'Tue, 1 Dec 2026 08:00:00 UTC+05:30', '2026-12-01T02:30:00.000Z'],
    ['full month name', 'Friday, 25 December 2020 10:00:00 +0000', '2020-12-25T10:00:00.000Z'],
    ['zone comment', 'Sat, 10 Dec 2017 13:01:36 +0000 (UTC)', '2017-12-10T13:01:36.000Z'],
    ['no zone means UTC', 'Wed, 17 Mar 2021 18:14:23', '2021-03-17T18:14:23.000Z'],
    ['RFC 3339 offset', '2017-11-08T18:15:58-05:00', '2017-11-08T23:15:58.000Z'],
    ['RFC 3339 fraction', '2024-03-10T16:15:00.123456Z', '2024-03-10T16:15:00.123Z'],
    ['ISO date only', '2024-01-31', '2024-01-31T00:00:00.000Z'],
    ['ISO basic', '20240101T120000Z', '2024-01-01T12:00:00.000Z'],
    ['space instead of T', '2019-05-29 10:16:00 +0530', '2019-05-29T04:46:00.000Z'],
    ['slashed (kc0011)', '2020/1/10 14:33:00', '2020-01-10T14:33:00.000Z'],
    ['surrounding whitespace', '  2003-12-13T18:30:02Z\n', '2003-12-13T18:30:02.000Z'],
    ['30 February', '2024-02-30', null],
    ['31 Feb RFC 822', 'Mon, 31 Feb 2022 00:00:00 GMT', null],
    ['unknown month', '10 Foo 2020 10:00:00 GMT', null],
    ['unknown zone', 'Wed, 17 Mar 2021 18:14:23 XYZ', null],
    ['garbage', 'not a date', null],
    ['empty', '', null],
    ['number only', '1', null],
  ])('%s: %j', (_, text, expected) => {
    expect(parseFeedDate(text)).toBe(expected);
  });

  it('accepts null and undefined', () => {
    expect(parseFeedDate(null)).toBeNull();
    expect(parseFeedDate(undefined)).toBeNull();
  });

  const dates = fc.date({
    min: new Date('1000-01-01T00:00:00Z'),
    max: new Date('9999-12-31T23:59:59Z'),
    noInvalidDate: true,
  });

  it('round-trips any date written as RFC 1123', () => {
    fc.assert(
      fc.property(dates, (date) => {
        const seconds = new Date(Math.floor(date.getTime() / 1000) * 1000);
        expect(parseFeedDate(date.toUTCString())).toBe(seconds.toISOString());
      }),
    );
  });

  it('round-trips any date written as ISO 8601', () => {
    fc.assert(
      fc.property(dates, (date) => {
        expect(parseFeedDate(date.toISOString())).toBe(date.toISOString());
      }),
    );
  });

  it('never throws, and returns null or an ISO string', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.stringMatching(/^[\d :+\-A-Za-z,/.TZ]{0,40}$/),
        ),
        (text) => {
          const result = parseFeedDate(text);
          expect(result === null || /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(result)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
