import { parseArgs } from 'node:util';
import {
  backfillJpegRenditions,
  copyLocalMedia,
  createMediaStorage,
  type JpegBackfillReport,
  localMediaStorage,
  s3MediaStorage,
} from '../media/index.js';
import type { Config } from '../platform/config.js';
import type { DatabaseHandle } from '../platform/database/index.js';
import { createProgress } from './progress.js';
import { groupHelp, type SubcommandSpec, subcommandHelp } from './subcommands.js';

// `velocity media migrate --to s3`: moves a library from one node's disk to the shared bucket
// before (or while) the nodes switch to MEDIA_STORAGE=s3. It needs no database: the folder holds
// every file the library wrote, renditions and demo illustrations alike.
// `velocity media jpeg`: gives images uploaded before JPEG renditions existed a JPEG at each width,
// for the email clients that show no WebP. It reads the media rows, so it opens the database.

export interface MediaCommandIo {
  config: () => Config;
  /** Only `jpeg` opens it; `migrate` works on the folder alone. */
  openDatabase: (config: Config) => Promise<DatabaseHandle>;
  out: (text: string) => void;
  err: (text: string) => void;
  progressStream: NodeJS.WritableStream & { isTTY?: boolean };
  /** Once aborted (Ctrl-C), no further file or image starts; a run started again continues from there. */
  signal?: AbortSignal;
}

const SPECS: Record<string, SubcommandSpec> = {
  migrate: {
    usage: 'velocity media migrate --to s3 [--dry-run]',
    summary: 'Copy every image and rendition in DATA_DIR/media to the bucket the S3_* settings name.',
    details: [
      'Files already in the bucket with the same size and content are skipped, so a run that was',
      'interrupted continues where it stopped when started again. --dry-run only says what would be',
      'copied. The local files stay; set MEDIA_STORAGE=s3 once the copy is complete.',
    ].join('\n'),
  },
  jpeg: {
    usage: 'velocity media jpeg',
    summary: 'Add JPEG renditions, for email clients without WebP, to images uploaded before they were made.',
    details: [
      'Each image without JPEGs gets one at every width, encoded from its largest WebP, in the storage',
      'MEDIA_STORAGE names. Images that have JPEGs are skipped, so it is safe to run again and beside a',
      'running site. Images whose WebP file is gone are listed and left as they are. Ctrl-C stops',
      'after the image under way.',
    ].join('\n'),
  },
};

const OPTIONS = {
  migrate: {
    to: { type: 'string' },
    'dry-run': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
  jpeg: { help: { type: 'boolean', short: 'h' } },
} as const;

export function mediaHelp(): string {
  return groupHelp('media', SPECS);
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

export async function runMediaCommand(args: string[], io: MediaCommandIo): Promise<number> {
  const [subcommand, ...rest] = args;
  const spec = subcommand ? SPECS[subcommand] : undefined;
  if (!subcommand || !spec) {
    const asked = subcommand === '--help' || subcommand === '-h';
    (asked ? io.out : io.err)(mediaHelp());
    return asked ? 0 : 2;
  }
  let values: { to?: string; 'dry-run'?: boolean; help?: boolean };
  try {
    // Strict parsing against this subcommand's options: only those can be in values.
    values = parseArgs({
      args: rest,
      options: OPTIONS[subcommand as keyof typeof OPTIONS],
      strict: true,
    }).values as typeof values;
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${subcommandHelp(spec)}`);
    return 2;
  }
  if (values.help) {
    io.out(subcommandHelp(spec));
    return 0;
  }
  if (subcommand === 'jpeg') return addJpegRenditions(io);
  return migrateToS3(io, spec, values);
}

async function migrateToS3(
  io: MediaCommandIo,
  spec: SubcommandSpec,
  values: { to?: string; 'dry-run'?: boolean },
): Promise<number> {
  if (values.to !== 's3') {
    io.err(`--to s3 is required (the only target there is).\n\n${subcommandHelp(spec)}`);
    return 2;
  }
  const config = io.config();
  if (!config.S3_BUCKET) {
    io.err('S3_BUCKET is not set: set the S3_* settings of the bucket to copy to.');
    return 1;
  }
  const source = localMediaStorage(config);
  const target = s3MediaStorage(config);
  const dryRun = values['dry-run'] === true;
  const progress = createProgress(io.progressStream, dryRun ? 'Checking' : 'Copying');
  let started = false;
  try {
    const report = await copyLocalMedia(source, target, {
      dryRun,
      ...(io.signal ? { signal: io.signal } : {}),
      onFile: (done, total) => {
        if (!started) progress.start(total);
        started = true;
        progress.update(done);
      },
    });
    progress.stop();
    const verb = dryRun ? 'would copy' : 'copied';
    io.out(
      `${source.location} → ${target.location}: ${report.total} files; ${verb} ${report.copied.length} (${megabytes(report.bytes)}), ${report.present.length} already there, ${report.failed.length} failed.`,
    );
    for (const failure of report.failed) io.err(`  ${failure.file}: ${failure.message}`);
    const finished = report.copied.length + report.present.length + report.failed.length;
    if (finished < report.total) {
      io.err(`Stopped after ${finished} of ${report.total} files; run the command again to continue.`);
      return 1;
    }
    return report.failed.length > 0 ? 1 : 0;
  } finally {
    progress.stop();
    target.destroy();
  }
}

function images(count: number): string {
  return count === 1 ? '1 image' : `${count} images`;
}

async function addJpegRenditions(io: MediaCommandIo): Promise<number> {
  const config = io.config();
  const storage = createMediaStorage(config);
  const database = await io.openDatabase(config);
  let report: JpegBackfillReport;
  try {
    report = await backfillJpegRenditions(database.db, storage, io.signal ? { signal: io.signal } : {});
  } finally {
    await database.close();
  }
  io.out(`${storage.location}: added JPEG renditions to ${images(report.made.length)}.`);
  if (report.missing.length > 0) {
    io.out(
      `${images(report.missing.length)} left without JPEGs, their WebP file missing from the storage (media ids): ${report.missing.join(', ')}`,
    );
  }
  if (io.signal?.aborted) {
    io.err('Stopped before every image was looked at; run the command again to continue.');
    return 1;
  }
  return 0;
}
