// The entry of the short-lived process `velocity serve` loads the demo in (see seed-process.ts).
// It is told where the data lives over the IPC channel rather than in its arguments, so that a
// DATABASE_URL with a password never shows in the process list.
import { createMediaStorage } from '../media/index.js';
import { loadConfig } from '../platform/config.js';
import { type DatabaseHandle, openDatabase } from '../platform/database/index.js';
import { seedDemo } from './seed.js';
import type { SeedOutcome, SeedTask } from './seed-process.js';

function reply(outcome: SeedOutcome): Promise<void> {
  return new Promise((resolve) => {
    process.send?.(outcome, undefined, {}, () => resolve());
  });
}

process.once('message', async (task: SeedTask) => {
  let handle: DatabaseHandle | undefined;
  try {
    handle = openDatabase({ databaseUrl: task.databaseUrl, sqliteFile: task.sqliteFile });
    // The child has the parent's environment, so the same MEDIA_STORAGE settings.
    const storage = createMediaStorage({ ...loadConfig(), dataDir: task.dataDir });
    const { stories } = await seedDemo(handle.db, task.dataDir, new Date(task.now), undefined, storage);
    // maxRSS is in kilobytes.
    await reply({ ok: true, stories, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) });
  } catch (error) {
    await reply({
      ok: false,
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  } finally {
    await handle?.close();
    process.disconnect();
  }
});
