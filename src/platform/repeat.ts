/**
 * Runs `tick` now and then `intervalMs` after each run ends, never two at once. `tick` handles its
 * own errors. The pending timer is unref'd so that it never keeps a stopping process alive.
 * `stop()` aborts the signal `tick` was given, so a run under way can hand back what it claimed
 * rather than start more, and waits for that run to end.
 */
export function repeatEvery(
  tick: (signal: AbortSignal) => Promise<void>,
  intervalMs: number,
): { stop(): Promise<void> } {
  const stopping = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const loop = () => {
    if (stopping.signal.aborted) return;
    running = tick(stopping.signal).finally(() => {
      running = undefined;
      if (stopping.signal.aborted) return;
      timer = setTimeout(loop, intervalMs);
      timer.unref();
    });
  };
  loop();
  return {
    async stop() {
      stopping.abort();
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
