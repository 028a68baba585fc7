import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { importContent } from '../editorial/index.js';
import { createMediaStorage } from '../media/index.js';
import { ConfigError, describeConfig, loadConfig } from '../platform/config.js';
import { isDomainError } from '../platform/errors.js';
import { countStories, exportContent, parseExportDocument } from '../stories/index.js';
import type { DeskCommandIo } from './desk-io.js';
import { INGEST_USAGE, ingestHelp, runIngestCommand } from './ingest.js';
import { pruneExpired } from './maintenance.js';
import { mediaHelp, runMediaCommand } from './media.js';
import { newsletterHelp, runNewsletterCommand } from './newsletter.js';
import { openMigratedDatabase } from './runtime.js';
import { seedDemo } from './seed.js';
import { serve } from './serve.js';
import { runSourcesCommand, sourcesHelp } from './sources.js';
import { runUserCommand, userHelp } from './user.js';
import { startWorker, WorkerCannotStart } from './worker.js';

/** A stop signal ends the process within this, whatever is still running (a supervisor waits ten). */
const STOP_DEADLINE_MS = 9_500;

function exitAnywayAfter(ms: number): void {
  setTimeout(() => {
    console.error(`Still stopping after ${ms} ms: exiting with work unfinished.`);
    process.exit(1);
  }, ms).unref();
}

const COMMANDS: Record<string, { usage: string; summary: string; details: string }> = {
  serve: {
    usage: 'velocity serve',
    summary: 'Migrate, load the demo content into an empty database (SEED_DEMO), and serve the site.',
    details: 'Listens on HOST:PORT and prints the URL. Stops cleanly on Ctrl-C (SIGINT) or SIGTERM.',
  },
  worker: {
    usage: 'velocity worker',
    summary:
      'Run the background work (scheduled publishing, webhooks, feed refreshes, newsletters) without the web server.',
    details:
      'For PostgreSQL deployments with several worker processes; each job is claimed, so workers share the work. Stops cleanly on SIGINT or SIGTERM.',
  },
  migrate: {
    usage: 'velocity migrate',
    summary: 'Bring the database schema up to date, then exit.',
    details: 'Uses DATABASE_URL when set, else the SQLite file in DATA_DIR. Safe to run repeatedly.',
  },
  seed: {
    usage: 'velocity seed',
    summary: 'Load the demo newsroom (sections, entities, images, stories) into an empty database.',
    details: 'Does nothing when the database already holds stories.',
  },
  export: {
    usage: 'velocity export [--output FILE]',
    summary: 'Write all content (settings, sections, entities, media records, stories) as JSON.',
    details:
      'Writes to FILE, or to standard output. Rendered HTML is left out and rebuilt on import; media files stay in DATA_DIR/media.',
  },
  user: {
    usage: 'velocity user <add|password|reset|list> [options]',
    summary: 'Manage newsroom accounts: add a person, set or reset a password, list everyone.',
    details: userHelp(),
  },
  import: {
    usage: 'velocity import --input FILE',
    summary: 'Load a JSON document written by `velocity export` into an empty database.',
    details: 'The document is validated first; any problem is reported with its path and nothing is written.',
  },
  sources: {
    usage: 'velocity sources <add|list|remove|import-opml|export-opml|refresh> [options]',
    summary: 'Manage the feeds the source desk follows: add, list, remove, OPML in and out, refresh now.',
    details: sourcesHelp(),
  },
  newsletter: {
    usage: 'velocity newsletter <send|status|preview> [options]',
    summary: 'Send due digests with a progress bar, see how issues are going, preview a digest.',
    details: newsletterHelp(),
  },
  media: {
    usage: 'velocity media migrate --to s3 [--dry-run] | jpeg',
    summary: 'Copy the media library to S3-compatible object storage, resumably; add JPEGs to older images.',
    details: mediaHelp(),
  },
  maintenance: {
    usage: 'velocity maintenance prune',
    summary: 'Remove expired sessions, links, sign-in throttles, share visits and signup attempts now.',
    details:
      '`serve` and `worker` already do this every hour; safe to run beside them. Prints how many rows of each kind went.',
  },
  ingest: {
    usage: INGEST_USAGE,
    summary: 'Take in the items of a saved feed document, analysed and clustered like a refresh.',
    details: ingestHelp(),
  },
};

function deskIo(options: { interruptible: boolean }): DeskCommandIo {
  const io: DeskCommandIo = {
    config: () => loadConfig(),
    openDatabase: openMigratedDatabase,
    out: (text) => console.log(text),
    write: (text) => process.stdout.write(text),
    err: (text) => console.error(text),
    progressStream: process.stderr,
    now: () => new Date(),
  };
  if (!options.interruptible) return io;
  // A first Ctrl-C lets the work under way finish (feeds and messages: claims released, outcomes
  // recorded) and prints the summary; a second one stops at once.
  const interrupted = new AbortController();
  process.once('SIGINT', () => {
    console.error('Stopping once the work under way is done (Ctrl-C again to stop now)…');
    interrupted.abort();
  });
  return { ...io, signal: interrupted.signal };
}

function generalHelp(): string {
  const nameWidth = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const width = Math.max(...describeConfig().map((v) => v.name.length));
  return [
    'velocity: the Code Velocity newsroom platform',
    '',
    'Usage: velocity <command> [options]   (velocity <command> --help for one command)',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(nameWidth)} ${c.summary}`),
    '',
    'Environment:',
    ...describeConfig().map(
      (v) =>
        `  ${v.name.padEnd(width)}  ${v.description}${v.defaultValue ? ` (default: ${v.defaultValue})` : ''}`,
    ),
  ].join('\n');
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(generalHelp());
    return command ? 0 : 1;
  }
  const spec = COMMANDS[command];
  if (!spec) {
    console.error(`Unknown command "${command}".\n\n${generalHelp()}`);
    return 2;
  }
  if (command === 'user') {
    return runUserCommand(rest, {
      config: () => loadConfig(),
      openDatabase: openMigratedDatabase,
      stdin: process.stdin,
      out: (text) => console.log(text),
      err: (text) => console.error(text),
      prompt: (text) => process.stderr.write(text),
      now: () => new Date(),
    });
  }
  if (command === 'sources') return runSourcesCommand(rest, deskIo({ interruptible: true }));
  if (command === 'newsletter') return runNewsletterCommand(rest, deskIo({ interruptible: true }));
  if (command === 'media') return runMediaCommand(rest, deskIo({ interruptible: true }));
  if (command === 'ingest') return runIngestCommand(rest, deskIo({ interruptible: false }));
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: command === 'maintenance',
    options: {
      help: { type: 'boolean', short: 'h' },
      output: { type: 'string', short: 'o' },
      input: { type: 'string', short: 'i' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(`Usage: ${spec.usage}\n\n${spec.summary}\n${spec.details}`);
    return 0;
  }
  const config = loadConfig();
  if (command === 'serve') {
    const server = await serve(config);
    console.log(`Code Velocity is serving on ${server.url}`);
    const stop = () => {
      exitAnywayAfter(STOP_DEADLINE_MS);
      void server.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return -1;
  }
  if (command === 'worker') {
    const worker = await startWorker(config);
    console.log('Code Velocity worker running (no web server); Ctrl-C stops it.');
    const stop = () => {
      exitAnywayAfter(STOP_DEADLINE_MS);
      void worker.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return -1;
  }
  const database = await openMigratedDatabase(config);
  try {
    switch (command) {
      case 'maintenance': {
        if (positionals[0] !== 'prune') {
          console.error(`Usage: ${spec.usage}`);
          return 2;
        }
        const report = await pruneExpired(database.db, new Date());
        for (const [kind, count] of Object.entries(report)) console.log(`${kind}: ${count} removed`);
        return 0;
      }
      case 'migrate':
        console.log(
          database.applied.length > 0 ? `Applied: ${database.applied.join(', ')}` : 'Already up to date.',
        );
        return 0;
      case 'seed': {
        const { stories } = await seedDemo(
          database.db,
          config.dataDir,
          new Date(),
          undefined,
          createMediaStorage(config),
        );
        console.log(
          stories > 0
            ? `Loaded ${stories} demo stories.`
            : 'The database already holds stories; nothing loaded.',
        );
        return 0;
      }
      case 'export': {
        const json = `${JSON.stringify(await exportContent(database.db, new Date()), null, 2)}\n`;
        if (values.output) {
          fs.writeFileSync(values.output, json);
          console.error(`Exported ${await countStories(database.db)} stories to ${values.output}.`);
        } else process.stdout.write(json);
        return 0;
      }
      case 'import': {
        if (!values.input) {
          console.error(`Missing --input FILE.\nUsage: ${spec.usage}`);
          return 2;
        }
        let parsed: unknown;
        try {
          parsed = JSON.parse(fs.readFileSync(values.input, 'utf8'));
        } catch (error) {
          console.error(`Cannot read ${values.input} as JSON: ${(error as Error).message}`);
          return 2;
        }
        const { storyIds } = await importContent(database.db, parseExportDocument(parsed), {
          now: new Date(),
        });
        console.log(`Imported ${storyIds.length} stories.`);
        return 0;
      }
    }
    return 2;
  } finally {
    await database.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError || isDomainError(error)) console.error(error.message);
    else if (error instanceof WorkerCannotStart) console.error(error.message);
    else if (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      console.error(`${error.message}\nRun \`velocity --help\`.`);
    } else console.error(error);
    process.exitCode = 1;
  },
);
