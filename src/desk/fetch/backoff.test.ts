import { describe, expect, it } from 'vitest';
import { nextAttemptAfterFailure } from './backoff.js';

const now = new Date('2026-01-01T00:00:00Z');
const MIN = 60_000;

describe('nextAttemptAfterFailure', () => {
  it.each([
    [0, 0],
    [-3, 0],
    [Number.NaN, 0],
    [1, 5 * MIN],
    [2, 10 * MIN],
    [3, 20 * MIN],
    [4, 40 * MIN],
    [5, 80 * MIN],
    [8, 640 * MIN],
    [9, 1280 * MIN],
    [10, 24 * 60 * MIN],
    [50, 24 * 60 * MIN],
    [Number.POSITIVE_INFINITY, 24 * 60 * MIN],
  ])('%s failures → +%s ms', (failures, delayMs) => {
    expect(nextAttemptAfterFailure(failures, now).getTime() - now.getTime()).toBe(delayMs);
  });

  it('does not mutate now', () => {
    const before = now.getTime();
    nextAttemptAfterFailure(3, now);
    expect(now.getTime()).toBe(before);
  });
});
