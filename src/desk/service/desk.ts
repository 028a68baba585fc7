import type { Kysely } from 'kysely';
import type { Config } from '../../platform/config.js';
import type { Database } from '../../platform/database/index.js';
import type { Logger } from '../../platform/logger.js';
import { loadLanguageDetector } from '../../publishing/index.js';
import { createExtractionPool, type ExtractInBackground } from '../extract/index.js';
import { createFetcher, type FetchDocument, type Resolve } from '../fetch/index.js';
import type { DeskDeps } from './deps.js';
import { deskSettings } from './settings.js';

// Generous for an article (the slowest corpus page takes well under a second), short enough that
// a hostile page does not hold a refresh for long.
const EXTRACTION_DEADLINE_MS = 15_000;

// One extraction thread per process, started on first use, whatever the number of desks.
let sharedPool: ReturnType<typeof createExtractionPool> | undefined;
const extractInPool: ExtractInBackground = (bytes, options) => {
  sharedPool ??= createExtractionPool({ timeoutMs: EXTRACTION_DEADLINE_MS });
  return sharedPool.extract(bytes, options);
};

/**
 * The desk's collaborators from the configuration: a fetcher with the address guard, the
 * politeness limits and the User-Agent the operator set. Tests pass their own resolver or fetcher.
 */
export function createDeskDeps(options: {
  db: Kysely<Database>;
  config: Config;
  log: Logger;
  now?: () => Date;
  resolve?: Resolve;
  fetchDocument?: FetchDocument;
}): DeskDeps {
  const settings = deskSettings(options.config);
  const fetchDocument =
    options.fetchDocument ??
    createFetcher({
      userAgent: settings.userAgent,
      timeoutMs: settings.timeoutMs,
      maxBodyBytes: settings.maxBodyBytes,
      perHostConcurrency: settings.hostConcurrency,
      politenessDelayMs: settings.hostDelayMs,
      allowHosts: settings.allowHosts,
      ...(options.resolve ? { resolve: options.resolve } : {}),
    }).fetchDocument;
  return {
    db: options.db,
    settings,
    log: options.log,
    now: options.now ?? (() => new Date()),
    fetchDocument,
    extractArticle: extractInPool,
    loadLanguageDetector,
  };
}
