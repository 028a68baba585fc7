import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/index.js';
import type { Logger } from '../../platform/logger.js';
import type { LanguageDetector } from '../../publishing/index.js';
import type { FetchDocument } from '../fetch/index.js';
import type { DeskSettings } from './settings.js';

export interface DeskDeps {
  db: Kysely<Database>;
  settings: DeskSettings;
  log: Logger;
  now: () => Date;
  fetchDocument: FetchDocument;
  loadLanguageDetector: () => Promise<LanguageDetector>;
}
