import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SeedTask {
  dataDir: string;
  databaseUrl: string | undefined;
  sqliteFile: string;
  /** ISO time the stories are dated by. */
  now: string;
}

export type SeedOutcome = { ok: true; stories: number; peakRssMb: number } | { ok: false; message: string };

/**
 * Loads the demo (`seedDemo`) in a child process and waits for it. Drawing the hero images with
 * libvips and importing the demo document leave a server that did it in-process near 340 MB
 * resident: glibc keeps the arenas libvips' threads allocated in, and V8 keeps the heap it grew to.
 * A process that exits hands all of it back, so the server that goes on serving starts at what a
 * restart costs.
 */
export function seedDemoInChildProcess(task: SeedTask): Promise<{ stories: number; peakRssMb: number }> {
  const here = fileURLToPath(import.meta.url);
  // seed-child.js beside the compiled build; seed-child.ts when running from the sources.
  const entry = path.join(path.dirname(here), `seed-child${path.extname(here)}`);
  const execArgv = entry.endsWith('.ts')
    ? ['--import', 'tsx']
    : process.execArgv.filter((arg) => !arg.startsWith('--inspect'));
  const child = fork(entry, [], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    let outcome: SeedOutcome | undefined;
    child.once('message', (message: SeedOutcome) => {
      outcome = message;
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (outcome?.ok) resolve({ stories: outcome.stories, peakRssMb: outcome.peakRssMb });
      else if (outcome) reject(new Error(`Loading the demo failed: ${outcome.message}`));
      else reject(new Error(`Loading the demo stopped (exit ${code ?? signal}) before it finished.`));
    });
    child.send(task);
  });
}
