import { z } from 'zod';
import { ROLES } from '../accounts/index.js';
import type { UserRole } from '../platform/database/index.js';
import { isWellFormedLocale } from '../platform/locale.js';
import { ALWAYS, type FormBody, type FormResult, field, fieldValues, text, validate } from './forms.js';

// The people forms: add a person, change one. Messages are UI string keys (people.error.*).

export interface PersonFormValues {
  email: string;
  displayName: string;
  role: string;
  locales: string[];
}

export function personFormValues(body: FormBody): PersonFormValues {
  return {
    email: field(body, 'email'),
    displayName: field(body, 'displayName'),
    role: field(body, 'role'),
    locales: fieldValues(body, 'locales'),
  };
}

const Role = z.enum(ROLES as [UserRole, ...UserRole[]], 'people.error.role');
const Locales = z
  .array(z.string().refine(isWellFormedLocale, 'people.error.locale'))
  .max(30, 'people.error.locale');

const needsLocale = (input: { role: UserRole; locales: string[] }, ctx: z.RefinementCtx) => {
  if (input.role === 'translator' && input.locales.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['locales'], message: 'people.error.translatorLocales' });
  }
};

const NewPerson = z
  .object({
    email: z.string().trim().pipe(z.email('people.error.email').max(254, 'people.error.email')),
    displayName: text(120),
    role: Role,
    locales: Locales,
  })
  .superRefine(needsLocale, ALWAYS);

const PersonChange = z
  .object({ displayName: text(120), role: Role, locales: Locales })
  .superRefine(needsLocale, ALWAYS);

/** Checks the form that adds a person (who then sets a password through a one-time link). */
export function parseNewPerson(values: PersonFormValues): FormResult<z.output<typeof NewPerson>> {
  return validate(NewPerson, values);
}

/** Checks a change of name, role or locales. */
export function parsePersonChange(values: PersonFormValues): FormResult<z.output<typeof PersonChange>> {
  return validate(PersonChange, {
    displayName: values.displayName,
    role: values.role,
    locales: values.locales,
  });
}
