import type { Context } from 'hono';
import { z } from 'zod';
import type { ProblemStatus } from '../platform/http/app.js';

// Every failure under /api is one shape: RFC 9457 "Problem Details for HTTP APIs". `type` is
// about:blank, so `title` is the status's phrase (RFC 9457 §4.2.1); `errors` names the fields of a
// request that was readable but wrong.

export const FieldError = z
  .object({
    location: z.enum(['path', 'query', 'body']).describe('Which part of the request the field is in.'),
    field: z
      .string()
      .describe('Dotted path of the field, e.g. `variant.faq.0.answer`; empty for the whole part.'),
    message: z.string(),
  })
  .describe('One thing wrong with one field.');
export type FieldError = z.infer<typeof FieldError>;

export const Problem = z
  .object({
    type: z.string().describe('A URI naming the kind of problem; `about:blank` when the status says it all.'),
    title: z.string().describe('The HTTP status phrase.'),
    status: z.number().int().describe('The HTTP status code, repeated.'),
    detail: z.string().describe('What went wrong, for a person.'),
    errors: z.array(FieldError).optional().describe('Field errors (422).'),
  })
  .describe('RFC 9457 problem details.');
export type Problem = z.infer<typeof Problem>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const STATUS_TITLES: Record<ProblemStatus, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function findingMessage(finding: Record<string, unknown>): string {
  switch (finding.kind) {
    case 'language':
      return `Text in the wrong language at ${String(finding.location)}: ${String(finding.detected)}, expected ${String(finding.expected)}.`;
    case 'hero-alt-missing':
      return 'The hero image needs alt text.';
    case 'untranslated':
      return `Text left untranslated (⟦…⟧) in ${String(finding.field)}: ${String(finding.excerpt)}.`;
    case 'dangling-link':
      return `Links to a story that does not exist: ${String(finding.reference)}.`;
    default:
      return typeof finding.location === 'string'
        ? `Problem at ${finding.location}.`
        : `Problem: ${String(finding.kind ?? 'unknown')}.`;
  }
}

/**
 * The field errors a domain error carries, whichever feature raised it: the API's own
 * (`errors`), editorial's (`issues`), quality checks (`findings`), or a single `field`.
 */
function fieldErrorsOf(details: unknown, message: string): FieldError[] | undefined {
  if (!isRecord(details)) return undefined;
  if (Array.isArray(details.errors)) {
    return details.errors.filter(isRecord).map((e) => ({
      location: e.location === 'path' || e.location === 'query' ? e.location : 'body',
      field: String(e.field ?? e.path ?? ''),
      message: String(e.message ?? message),
    }));
  }
  if (Array.isArray(details.issues)) {
    return details.issues.filter(isRecord).map((issue) => ({
      location: 'body',
      field: String(issue.path ?? ''),
      message: String(issue.message ?? message),
    }));
  }
  if (Array.isArray(details.findings)) {
    return details.findings
      .filter(isRecord)
      .filter((finding) => finding.severity === undefined || finding.severity === 'error')
      .map((finding) => ({
        location: 'body',
        field: typeof finding.field === 'string' ? finding.field : '',
        message: findingMessage(finding),
      }));
  }
  if (typeof details.field === 'string') return [{ location: 'body', field: details.field, message }];
  return undefined;
}

/** The API's problem renderer: createApp hands it every failure under /api. */
export function renderApiProblem(
  c: Context,
  status: ProblemStatus,
  message: string,
  details?: unknown,
): Response {
  const errors = status === 422 || status === 400 ? fieldErrorsOf(details, message) : undefined;
  const problem: Problem = {
    type: 'about:blank',
    title: STATUS_TITLES[status],
    status,
    detail: message,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
  const headers: Record<string, string> = {
    'content-type': PROBLEM_CONTENT_TYPE,
    'cache-control': 'no-store',
  };
  // RFC 6750 §3: a 401 says which scheme to use.
  if (status === 401) headers['www-authenticate'] = 'Bearer realm="Code Velocity API"';
  // RFC 9110 §15.5.6: a 405 lists the methods the resource does answer.
  if (status === 405 && isRecord(details) && Array.isArray(details.allow)) {
    headers.allow = details.allow.map(String).join(', ');
  }
  return c.body(JSON.stringify(problem), status, headers);
}
