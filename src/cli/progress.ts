import cliProgress from 'cli-progress';

/** A bar for a long run of the CLI; the calls do nothing where no bar is shown. */
export interface Progress {
  /** Whether a bar is drawn at all (work done only for the bar can be skipped when not). */
  readonly shown: boolean;
  start(total: number): void;
  /** Sets how many of the total are done. */
  update(done: number): void;
  /** Adds one to the done count. */
  increment(): void;
  stop(): void;
}

const SILENT: Progress = { shown: false, start() {}, update() {}, increment() {}, stop() {} };

/**
 * A progress bar on `stream` (standard error, so standard output stays clean for pipes), shown
 * only on a terminal: in a log file or a pipe the redrawn lines would be noise.
 */
export function createProgress(stream: NodeJS.WritableStream & { isTTY?: boolean }, label: string): Progress {
  if (!stream.isTTY) return SILENT;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${label} [{bar}] {value}/{total} {percentage}% | {duration_formatted}`,
      barsize: 30,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    shown: true,
    start(total) {
      bar.start(total, 0);
      started = true;
    },
    update(done) {
      if (started) bar.update(done);
    },
    increment() {
      if (started) bar.increment();
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}
