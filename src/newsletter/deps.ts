import type { Kysely } from 'kysely';
import type { Config } from '../platform/config.js';
import type { Database } from '../platform/database/index.js';
import type { Logger } from '../platform/logger.js';
import type { Mailer } from './mailer.js';

/** What the newsletter services are handed; the site builds it once. */
export interface NewsletterDeps {
  db: Kysely<Database>;
  config: Config;
  mailer: Mailer;
  log: Logger;
  /** The platform secret: signs links and keys the address and IP hashes. */
  secret: string;
  now: () => Date;
  /** The site's name in a locale, for the mail's subject and body. */
  siteName: (locale: string) => string;
  /** BCP 47 tag of a locale for Content-Language (`zh` → `zh-Hans`). */
  languageTag: (locale: string) => string;
}
