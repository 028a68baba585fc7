import type { Kysely } from 'kysely';
import type { Config } from '../../platform/config.js';
import type { Database } from '../../platform/database/index.js';
import type { Logger } from '../../platform/logger.js';
import { loadLanguageDetector } from '../../publishing/index.js';
import { createFetcher, type FetchDocument, type Resolve } from '../fetch/index.js';
import type { DeskDeps } from './deps.js';
import { deskSettings } from './settings.js';

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
    loadLanguageDetector,
  };
}
