import { describe, expect, it } from 'vitest';
import { createHostScheduler, reserveStart } from './schedule.js';

describe('reserveStart', () => {
  it.each([
    [undefined, 1000, 500, 1000, 1500],
    [1500, 1000, 500, 1500, 2000],
    [900, 1000, 500, 1000, 1500],
    [1000, 1000, 0, 1000, 1000],
  ])('next=%s now=%s delay=%s → start %s, next %s', (next, now, delay, startAt, nextStartAt) => {
    expect(reserveStart(next, now, delay)).toEqual({ startAt, nextStartAt });
  });
});

function fakeClock() {
  let t = 0;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
    advance: (ms: number) => {
      t += ms;
    },
    sleeps,
  };
}

describe('createHostScheduler', () => {
  it('waits the politeness delay between requests to one host, not across hosts', async () => {
    const clock = fakeClock();
    const scheduler = createHostScheduler({ perHostConcurrency: 2, politenessDelayMs: 1000, ...clock });
    (await scheduler.acquire('a.test'))();
    (await scheduler.acquire('b.test'))();
    expect(clock.sleeps).toEqual([]);
    clock.advance(300);
    (await scheduler.acquire('a.test'))();
    expect(clock.sleeps).toEqual([700]);
    clock.advance(5000);
    (await scheduler.acquire('a.test'))();
    expect(clock.sleeps).toEqual([700]);
  });

  it('spaces simultaneous requests out one delay apart', async () => {
    const clock = fakeClock();
    const scheduler = createHostScheduler({
      perHostConcurrency: 3,
      politenessDelayMs: 1000,
      now: clock.now,
      sleep: async (ms) => {
        clock.sleeps.push(ms);
      },
    });
    await Promise.all([
      scheduler.acquire('a.test'),
      scheduler.acquire('a.test'),
      scheduler.acquire('a.test'),
    ]);
    expect(clock.sleeps).toEqual([1000, 2000]);
  });

  it('holds the request beyond the concurrency limit until a slot is released', async () => {
    const clock = fakeClock();
    const scheduler = createHostScheduler({ perHostConcurrency: 1, politenessDelayMs: 0, ...clock });
    const releaseFirst = await scheduler.acquire('a.test');
    let secondStarted = false;
    const second = scheduler.acquire('a.test').then((release) => {
      secondStarted = true;
      return release;
    });
    const other = await scheduler.acquire('b.test');
    other();
    await new Promise((r) => setImmediate(r));
    expect(secondStarted).toBe(false);
    releaseFirst();
    releaseFirst();
    (await second)();
    expect(secondStarted).toBe(true);
  });
});
