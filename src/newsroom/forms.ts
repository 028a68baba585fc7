import type { FieldErrors, FieldsResult } from '../editorial/index.js';

// What every admin form shares: reading fields out of a parsed body, and turning zod issues into
// messages in the person's language. A schema's messages are UI string keys ('taxonomy.error.required'),
// so the same schema serves zh and en; the limits travel as values ({max}).

/** Field name (as in the form: `slug.zh`) → what is wrong with it. */
export type FormErrors = FieldErrors;

export type FormResult<T> = FieldsResult<T>;

/** A form body as Hono's parseBody gives it. */
export type FormBody = Record<string, string | File | (string | File)[]>;

/** A field's text: the first value when a name repeats, '' when absent or a file. */
export function field(body: FormBody, name: string): string {
  const value = body[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

/** Every text value of a repeated field (checkboxes). */
export function fieldValues(body: FormBody, name: string): string[] {
  const value = body[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((v): v is string => typeof v === 'string');
}

/** The zod pieces and checks the admin's forms share with editorial, whose rules they apply. */
export { ALWAYS, checkFields as validate, splitList, text } from '../editorial/index.js';

/** The messages of a failed form in the person's language, by field name. */
export function translateErrors(
  errors: FormErrors,
  t: (key: string, values?: Record<string, string | number>) => string,
): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([name, m]) => [name, t(m.key, m.values)]));
}
