import { MAX_MEDIA_QUERY_CHARS, type MediaCursor } from '../media/index.js';

/** What the editor's hero picker was asked to show: a search, and where its page starts. */
export interface PickerRequest {
  query: string;
  cursor?: MediaCursor;
  /** A cursor was sent but names no possible image id (a changed link): the newest are shown. */
  badCursor?: boolean;
}

// Media ids are PostgreSQL `integer`s: anything else was not made by the picker.
const ID = /^[1-9][0-9]{0,9}$/;
const MAX_ID = 2_147_483_647;

function readId(value: string): number | undefined {
  const id = ID.test(value) ? Number(value) : Number.NaN;
  return id <= MAX_ID ? id : undefined;
}

/**
 * Reads the picker's search and cursor from a query string or the editor's form. The search is
 * cut to the library's own bound, as on the library page; a cursor that is not an id is reported
 * rather than ignored, so a broken link says so instead of silently showing another page.
 */
export function readPickerRequest(input: { query?: string; before?: string; after?: string }): PickerRequest {
  const query = (input.query ?? '').trim().slice(0, MAX_MEDIA_QUERY_CHARS);
  if (input.before !== undefined && input.after !== undefined) return { query, badCursor: true };
  const raw = input.before ?? input.after;
  if (raw === undefined) return { query };
  const id = readId(raw);
  if (id === undefined) return { query, badCursor: true };
  return { query, cursor: input.before !== undefined ? { before: id } : { after: id } };
}
