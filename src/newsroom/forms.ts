import { z } from 'zod';

// What every admin form shares: reading fields out of a parsed body, and turning zod issues into
// messages in the person's language. A schema's messages are UI string keys ('taxonomy.error.required'),
// so the same schema serves zh and en; the limits travel as values ({max}).

/** A message for one field: a UI string key and the values it needs. */
export interface FormMessage {
  key: string;
  values?: Record<string, string | number>;
}

/** Field name (as in the form: `slug.zh`) → what is wrong with it. */
export type FormErrors = Record<string, FormMessage>;

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: FormErrors };

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

/** The first issue per field, as keys and values the view translates. */
export function formErrors(error: z.ZodError): FormErrors {
  const errors: FormErrors = {};
  for (const issue of error.issues) {
    // Array positions name no field of their own: an alias too long is the aliases field's error.
    const name =
      issue.path
        .filter((part) => typeof part === 'string')
        .map(String)
        .join('.') || 'form';
    if (errors[name]) continue;
    const values: Record<string, string | number> = {};
    if ('maximum' in issue && typeof issue.maximum === 'number') values.max = issue.maximum;
    if ('minimum' in issue && typeof issue.minimum === 'number') values.min = issue.minimum;
    const params = (issue as { params?: Record<string, string | number> }).params;
    errors[name] = { key: issue.message, values: { ...values, ...params } };
  }
  return errors;
}

/** Runs a schema over plain values and answers with the typed value or the field messages. */
export function validate<T>(schema: z.ZodType<T>, input: unknown): FormResult<T> {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: formErrors(parsed.error) };
}

/**
 * Splits a list typed into one field: commas (also the full-width `，` and `、` a Chinese
 * keyboard gives) or new lines; blanks dropped, duplicates kept once, order kept.
 */
export function splitList(text: string): string[] {
  const seen = new Set<string>();
  for (const item of text.split(/[\n\r,，、]+/)) {
    const trimmed = item.trim().replace(/\s+/g, ' ');
    if (trimmed) seen.add(trimmed);
  }
  return [...seen];
}

/**
 * For a form's cross-field checks: run them even when a field already failed, so the person sees
 * every problem at once rather than one round trip per mistake. They must read values defensively.
 */
export const ALWAYS = { when: () => true };

/** Shared zod pieces with message keys. */
export const text = (max: number) => z.string().trim().max(max, 'settings.error.tooLong');
export const requiredText = (max: number) =>
  z.string().trim().min(1, 'settings.error.required').max(max, 'settings.error.tooLong');

/** The messages of a failed form in the person's language, by field name. */
export function translateErrors(
  errors: FormErrors,
  t: (key: string, values?: Record<string, string | number>) => string,
): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([name, m]) => [name, t(m.key, m.values)]));
}
