import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/index.js';
import type { Logger } from '../../platform/logger.js';
import type { LanguageDetector } from '../../publishing/index.js';
import type { ExtractInBackground } from '../extract/index.js';
import type { FetchDocument } from '../fetch/index.js';
import type { DeskSettings } from './settings.js';

export interface DeskDeps {
  db: Kysely<Database>;
  settings: DeskSettings;
  log: Logger;
  now: () => Date;
  fetchDocument: FetchDocument;
  /** Readability over a fetched page, off the main thread and with a deadline. */
  extractArticle: ExtractInBackground;
  loadLanguageDetector: () => Promise<LanguageDetector>;
}
