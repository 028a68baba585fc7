import { z } from 'zod';
import { InvalidInput } from './errors.js';

// Checks written for people filling in a form: each message is a UI string key
// ('taxonomy.error.slugTaken') with the values it needs ({max}), so one schema serves every
// language and the admin can show each message beside its field.

/** A message for one field: a UI string key and the values it needs. */
export interface FieldMessage {
  key: string;
  values?: Record<string, string | number>;
}

/** Field name (`slug.zh`) → what is wrong with it. */
export type FieldErrors = Record<string, FieldMessage>;

export type FieldsResult<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** Fields a use case refused; the admin shows `fields` beside the inputs, with status 422. */
export class InvalidFields extends InvalidInput {
  readonly fields: FieldErrors;
  constructor(fields: FieldErrors) {
    super(Object.entries(fields).map(([path, message]) => ({ path, message: message.key })));
    this.fields = fields;
  }
}

/** The first issue per field, as keys and values a view translates. */
function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
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
export function checkFields<T>(schema: z.ZodType<T>, input: unknown): FieldsResult<T> {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: fieldErrors(parsed.error) };
}

/** The checked value, or InvalidFields thrown with every field's message. */
export function valueOrThrow<T>(result: FieldsResult<T>): T {
  if (!result.ok) throw new InvalidFields(result.errors);
  return result.value;
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
 * For cross-field checks: run them even when a field already failed, so the person sees every
 * problem at once rather than one round trip per mistake. They must read values defensively.
 */
export const ALWAYS = { when: () => true };

/** Shared zod pieces with message keys. */
export const text = (max: number) => z.string().trim().max(max, 'settings.error.tooLong');
export const requiredText = (max: number) =>
  z.string().trim().min(1, 'settings.error.required').max(max, 'settings.error.tooLong');
