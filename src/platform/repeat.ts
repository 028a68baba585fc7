/**
 * Runs `tick` now and then `intervalMs` after each run ends, never two at once. `tick` handles its
 * own errors. The pending timer is unref'd so that it never keeps a stopping process alive;
 * `stop()` waits for a run under way.
 */
export function repeatEvery(tick: () => Promise<void>, intervalMs: number): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const loop = () => {
    if (stopped) return;
    running = tick().finally(() => {
      running = undefined;
      if (stopped) return;
      timer = setTimeout(loop, intervalMs);
      timer.unref();
    });
  };
  loop();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
