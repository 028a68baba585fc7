import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, retryDelayMs } from './backoff.js';

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;

describe('retryDelayMs', () => {
  it.each([
    ['first failure, no jitter', 1, 0, 30 * S],
    ['first failure, most jitter', 1, 0.999_999, 36 * S],
    ['second failure', 2, 0, 2 * MIN],
    ['second failure, half the jitter', 2, 0.5, 132 * S],
    ['third failure', 3, 0, 10 * MIN],
    ['fourth failure', 4, 0, H],
    ['fifth failure', 5, 0, 3 * H],
    ['sixth failure', 6, 0, 6 * H],
    ['seventh failure', 7, 0, 12 * H],
    ['eighth failure: the last attempt', 8, 0, undefined],
    ['beyond the last', 12, 0.5, undefined],
    ['nothing attempted yet', 0, 0, undefined],
    ['jitter out of range is clamped', 1, 5, 36 * S],
  ])('%s', (_, attempts, random, expected) => {
    expect(retryDelayMs(attempts, random)).toBe(expected);
  });

  it('gives up after eight attempts, about a day after the first', () => {
    expect(MAX_ATTEMPTS).toBe(8);
    let total = 0;
    for (let attempts = 1; attempts < MAX_ATTEMPTS; attempts++) total += retryDelayMs(attempts, 0) ?? 0;
    expect(total).toBeGreaterThan(20 * H);
    expect(total).toBeLessThan(26 * H);
  });

  it('never shrinks from one attempt to the next', () => {
    for (let attempts = 2; attempts < MAX_ATTEMPTS; attempts++) {
      expect(retryDelayMs(attempts, 0) ?? 0).toBeGreaterThan(retryDelayMs(attempts - 1, 0.999) ?? 0);
    }
  });
});
