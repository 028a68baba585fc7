import path from 'node:path';
import { parseArgs } from 'node:util';
import { ingestFeedDocument } from '../desk/index.js';
import { isDomainError } from '../platform/errors.js';
import {
  CliError,
  type DeskCommandIo,
  readInputFile,
  requireHttpUrl,
  runCliSafely,
  withDesk,
} from './desk-io.js';
import { createProgress } from './progress.js';

// `velocity ingest --file PATH`: a feed document saved to disk (a mirror, an archive, a feed behind
// a login) taken in like a refresh would, with its items analysed and clustered.

export const INGEST_USAGE = 'velocity ingest --file PATH [--feed-url URL]';

export function ingestHelp(): string {
  return [
    `Usage: ${INGEST_USAGE}`,
    '',
    'Take in the items of a saved feed document (RSS, RDF, Atom or JSON Feed).',
    'With --feed-url the items go to the feed followed at that address (followed from now on if it was not);',
    'without it, to a feed kept for that file, which is never refreshed.',
  ].join('\n');
}

/** `velocity ingest …`; returns the exit code (0 done, 1 refused, 2 wrong usage). */
export async function runIngestCommand(args: string[], io: DeskCommandIo): Promise<number> {
  return runCliSafely(io, ingestHelp(), async () => {
    const { values } = parseArgs({
      args,
      options: {
        help: { type: 'boolean', short: 'h' },
        file: { type: 'string', short: 'f' },
        'feed-url': { type: 'string' },
      },
      strict: true,
    });
    if (values.help) {
      io.out(ingestHelp());
      return 0;
    }
    if (!values.file) throw new CliError(`Missing --file PATH.\n\n${ingestHelp()}`, 2);
    const file = values.file;
    const feedUrl =
      values['feed-url'] === undefined ? undefined : requireHttpUrl(values['feed-url'], '--feed-url');
    const bytes = readInputFile(file);
    return withDesk(io, async (deps) => {
      const progress = createProgress(io.progressStream, 'Ingesting items');
      try {
        let started = false;
        const result = await ingestFeedDocument(deps, bytes, {
          name: path.resolve(file),
          onItem: (done, total) => {
            if (!started) progress.start(total);
            started = true;
            progress.update(done);
          },
          ...(feedUrl ? { feedUrl } : {}),
        });
        progress.stop();
        io.out(
          `Ingested ${file}: ${result.items} items, ${result.newItems} new, ${result.clustersJoined} joined a cluster of the same news` +
            ` (feed "${result.feed.title}", id ${result.feed.id}).`,
        );
        return 0;
      } catch (error) {
        if (isDomainError(error)) throw new CliError(`Cannot ingest ${file}: ${error.message}`);
        throw error;
      } finally {
        progress.stop();
      }
    });
  });
}
