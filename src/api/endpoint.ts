import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import { type ApiCaller, ApiKeyNotAllowed, authenticateApiKey } from '../api-keys/index.js';
import { DomainError } from '../platform/errors.js';
import type { ProblemStatus } from '../platform/http/app.js';
import type { ApiDeps, ApiEnv } from './deps.js';
import type { FieldError } from './problem.js';

// One list of endpoints drives both the routes and the OpenAPI document: each endpoint names the
// zod schemas that check its path, query and body, and the document is generated from them.

/** Who may call: anyone, a content key or a staff token, or a staff token only. */
export type Access = 'public' | 'content' | 'staff';

export interface EndpointSpec<
  P extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
  R extends z.ZodType,
> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Path under /api in OpenAPI's spelling: `/content/v1/stories/{id}`. */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  access: Access;
  params?: P;
  query?: Q;
  /** A JSON body; an empty body is read as `{}`. */
  body?: B;
  ok: { status: 200 | 201; description: string; schema: R };
  /** The problem statuses this endpoint answers with besides the ones every endpoint can. */
  problems: ProblemStatus[];
  /** Extra response headers the handler may set (documented), e.g. Location. */
  headers?: Record<string, string>;
  handle(
    c: Context<ApiEnv>,
    input: { params: z.output<P>; query: z.output<Q>; body: z.output<B>; caller: ApiCaller | undefined },
  ): Promise<z.output<R>>;
}

/** An endpoint with its types erased, as the list holds it. */
export interface Endpoint {
  method: EndpointSpec<z.ZodType, z.ZodType, z.ZodType, z.ZodType>['method'];
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  access: Access;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  ok: { status: 200 | 201; description: string; schema: z.ZodType };
  problems: ProblemStatus[];
  headers?: Record<string, string>;
  handle(
    c: Context<ApiEnv>,
    input: { params: unknown; query: unknown; body: unknown; caller: ApiCaller | undefined },
  ): Promise<unknown>;
}

/** Declares an endpoint; the handler's input and output are typed by its schemas. */
export function defineEndpoint<
  P extends z.ZodType = z.ZodUnknown,
  Q extends z.ZodType = z.ZodUnknown,
  B extends z.ZodType = z.ZodUnknown,
  R extends z.ZodType = z.ZodUnknown,
>(spec: EndpointSpec<P, Q, B, R>): Endpoint {
  return spec as unknown as Endpoint;
}

/** `/stories/{id}` → `/stories/:id`. */
function honoPath(path: string): string {
  return path.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');
}

function parsePart(schema: z.ZodType, value: unknown, location: FieldError['location']): unknown {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors: FieldError[] = result.error.issues.map((issue) => ({
    location,
    field: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  throw new DomainError('invalid', `The request's ${location} is not valid.`, { errors });
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

async function readJsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  if (!JSON_TYPE.test(c.req.header('content-type') ?? '')) {
    throw new DomainError('unsupported-media', 'Send the body as JSON (Content-Type: application/json).');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'not JSON';
    throw new DomainError('malformed', `The body is not valid JSON: ${reason}`);
  }
}

async function authorize(c: Context<ApiEnv>, deps: ApiDeps, access: Access): Promise<ApiCaller | undefined> {
  if (access === 'public') return undefined;
  const caller = await authenticateApiKey(deps.db, c.req.header('authorization'), deps.now());
  if (access === 'staff' && caller.kind !== 'staff') {
    throw new ApiKeyNotAllowed(
      'The Admin API needs a staff token; a content key only reads the Content API.',
    );
  }
  c.set('caller', caller);
  return caller;
}

/** Registers each endpoint: key first, then path, query and body, each through its schema. */
export function mountEndpoints(app: Hono<ApiEnv>, deps: ApiDeps, endpoints: Endpoint[]): void {
  for (const endpoint of endpoints) {
    app.on(endpoint.method.toUpperCase(), honoPath(endpoint.path), async (c) => {
      const caller = await authorize(c, deps, endpoint.access);
      const params = endpoint.params ? parsePart(endpoint.params, c.req.param(), 'path') : undefined;
      const query = endpoint.query ? parsePart(endpoint.query, c.req.query(), 'query') : undefined;
      const body = endpoint.body ? parsePart(endpoint.body, await readJsonBody(c), 'body') : undefined;
      const data = await endpoint.handle(c, { params, query, body, caller });
      c.header('cache-control', endpoint.access === 'content' ? 'private, max-age=60' : 'no-store');
      return c.json(data as object, endpoint.ok.status);
    });
  }
}
