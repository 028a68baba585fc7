import { describe, expect, it } from 'vitest';
import { repeatEvery } from './repeat.js';

describe('repeatEvery', () => {
  it('aborts the run under way on stop, waits for it, and runs no more', async () => {
    const signals: AbortSignal[] = [];
    let release: () => void = () => {};
    const repeating = repeatEvery(async (signal) => {
      signals.push(signal);
      // The run holds until it is told to stop, as a run waiting on a slow peer would.
      await new Promise<void>((resolve) => {
        release = resolve;
        signal.addEventListener('abort', () => resolve(), { once: true });
      });
    }, 1);
    expect(signals).toHaveLength(1);
    expect(signals[0]?.aborted).toBe(false);
    await repeating.stop();
    expect(signals[0]?.aborted).toBe(true);
    release();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(signals).toHaveLength(1);
  });

  it('runs again after each run ends until stopped', async () => {
    let runs = 0;
    let stop: () => Promise<void> = async () => {};
    await new Promise<void>((done) => {
      const repeating = repeatEvery(async () => {
        runs += 1;
        if (runs === 3) done();
      }, 1);
      stop = repeating.stop;
    });
    await stop();
    const after = runs;
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(runs).toBe(after);
  });
});
