import { z } from 'zod';

/**
 * When a source was published, as the newsroom records it: an ISO 8601 calendar date
 * (`2026-12-06`, what the editor's date field sends) or a date-time with its offset (what feeds
 * and the Admin API give). The text is kept as written, so an export carries exactly what was
 * entered and an import gives it back; editor, Admin API, export and import all check with this.
 */
export const SourceDateSchema = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()])
  .describe('ISO 8601 date (`2026-12-06`) or date-time with offset (`2026-12-06T08:00:00Z`).');
