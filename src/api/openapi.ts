import { z } from 'zod';
import type { ProblemStatus } from '../platform/http/app.js';
import type { Endpoint } from './endpoint.js';
import { FieldError, PROBLEM_CONTENT_TYPE, Problem, STATUS_TITLES } from './problem.js';

// The OpenAPI 3.1 document, generated from the endpoint list and the very zod schemas that check
// each request (zod's own z.toJSONSchema; OpenAPI 3.1 schemas are JSON Schema 2020-12).

type JsonObject = Record<string, unknown>;

const REF = (id: string) => `#/components/schemas/${id}`;

const SECURITY_SCHEMES = {
  contentKey: {
    type: 'http',
    scheme: 'bearer',
    description:
      'A content key (`cvc_…`), created by an owner at /admin/api-keys: reads published content only.',
  },
  staffToken: {
    type: 'http',
    scheme: 'bearer',
    description:
      'A staff token (`cvs_…`), created by an owner at /admin/api-keys: acts as one person, with that person’s role. Also reads the Content API.',
  },
};

function securityOf(endpoint: Endpoint): JsonObject[] {
  if (endpoint.access === 'public') return [];
  if (endpoint.access === 'content') return [{ contentKey: [] }, { staffToken: [] }];
  return [{ staffToken: [] }];
}

/** Statuses an endpoint can answer with besides its success, in order. */
function problemStatuses(endpoint: Endpoint): ProblemStatus[] {
  const statuses = new Set<ProblemStatus>();
  if (endpoint.body) for (const s of [400, 413, 415] as const) statuses.add(s);
  if (endpoint.access !== 'public') statuses.add(401);
  if (endpoint.access === 'staff') statuses.add(403);
  for (const s of endpoint.problems) statuses.add(s);
  if (endpoint.params || endpoint.query || endpoint.body) statuses.add(422);
  statuses.add(500);
  return [...statuses].sort((a, b) => a - b);
}

/** Tidies zod's output for embedding: no per-schema `$schema`/`$id`; date-times by format alone. */
function tidy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(tidy);
  if (typeof value !== 'object' || value === null) return value;
  const out: JsonObject = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === '$schema' || key === '$id') continue;
    out[key] = tidy(inner);
  }
  if (out.format === 'date-time' || out.format === 'date') delete out.pattern;
  return out;
}

class SchemaNames {
  readonly registry = z.registry<{ id: string }>();
  private readonly ids = new Map<z.ZodType, string>();
  private readonly taken: Set<string>;

  constructor(taken: Set<string>) {
    this.taken = taken;
  }

  name(schema: z.ZodType, id: string): string {
    const known = this.ids.get(schema);
    if (known) return known;
    if (this.taken.has(id)) throw new Error(`OpenAPI: two schemas are named ${id}`);
    this.taken.add(id);
    this.ids.set(schema, id);
    this.registry.add(schema, { id });
    return id;
  }

  generate(io: 'input' | 'output'): Record<string, JsonObject> {
    const { schemas } = z.toJSONSchema(this.registry, { io, uri: REF });
    return tidy(schemas) as Record<string, JsonObject>;
  }
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Turns an object schema's properties into OpenAPI parameters. */
function parametersOf(objectSchema: JsonObject | undefined, where: 'path' | 'query'): JsonObject[] {
  if (!objectSchema) return [];
  const properties = (objectSchema.properties ?? {}) as Record<string, JsonObject>;
  const required = new Set((objectSchema.required ?? []) as string[]);
  return Object.entries(properties).map(([name, schema]) => {
    const { description, ...rest } = schema;
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

export interface OpenApiOptions {
  siteUrl: string;
  /** Response schemas worth a name of their own, by name. */
  components: Record<string, z.ZodType>;
  tags: { name: string; description: string }[];
}

/** Builds the document describing every endpoint of the list. */
export function buildOpenApiDocument(endpoints: Endpoint[], options: OpenApiOptions): JsonObject {
  const taken = new Set<string>();
  const requests = new SchemaNames(taken);
  const responses = new SchemaNames(taken);
  responses.name(Problem, 'Problem');
  responses.name(FieldError, 'FieldError');
  for (const [id, schema] of Object.entries(options.components)) responses.name(schema, id);

  const named = endpoints.map((endpoint) => {
    const base = capitalized(endpoint.operationId);
    return {
      endpoint,
      params: endpoint.params && requests.name(endpoint.params, `${base}Path`),
      query: endpoint.query && requests.name(endpoint.query, `${base}Query`),
      body: endpoint.body && requests.name(endpoint.body, `${base}Request`),
      ok: responses.name(endpoint.ok.schema, `${base}Response`),
    };
  });
  const requestSchemas = requests.generate('input');
  const responseSchemas = responses.generate('output');

  const paths: Record<string, Record<string, JsonObject>> = {};
  // Request schemas are written into their operation rather than named in components: a field
  // with a `default` is optional to send, and client generators read it so only inside a request
  // body (openapi-typescript, by default, makes a component's defaulted fields required, as a
  // response always carries them).
  const inlined = new Set<string>();
  for (const { endpoint, params, query, body, ok } of named) {
    if (params) inlined.add(params);
    if (query) inlined.add(query);
    if (body) inlined.add(body);
    const operation: JsonObject = {
      operationId: endpoint.operationId,
      summary: endpoint.summary,
      ...(endpoint.description ? { description: endpoint.description } : {}),
      tags: [endpoint.tag],
      security: securityOf(endpoint),
      parameters: [
        ...parametersOf(params ? requestSchemas[params] : undefined, 'path'),
        ...parametersOf(query ? requestSchemas[query] : undefined, 'query'),
      ],
      ...(body
        ? {
            requestBody: {
              required: !endpoint.body?.safeParse({}).success,
              content: { 'application/json': { schema: { title: body, ...requestSchemas[body] } } },
            },
          }
        : {}),
      responses: {
        [String(endpoint.ok.status)]: {
          description: endpoint.ok.description,
          ...(endpoint.headers
            ? {
                headers: Object.fromEntries(
                  Object.entries(endpoint.headers).map(([name, description]) => [
                    name,
                    { description, schema: { type: 'string' } },
                  ]),
                ),
              }
            : {}),
          content: { 'application/json': { schema: { $ref: REF(ok) } } },
        },
        ...Object.fromEntries(
          problemStatuses(endpoint).map((status) => [
            String(status),
            {
              description: STATUS_TITLES[status],
              content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: REF('Problem') } } },
            },
          ]),
        ),
      },
    };
    paths[endpoint.path] ??= {};
    (paths[endpoint.path] as Record<string, JsonObject>)[endpoint.method] = operation;
  }

  const schemas = Object.fromEntries(
    Object.entries({ ...requestSchemas, ...responseSchemas }).filter(([id]) => !inlined.has(id)),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'Code Velocity API',
      version: '1.0.0',
      description:
        'The Content API reads published stories, sections and entities per locale; the Admin API writes stories through the newsroom’s workflow, with the same permissions as the admin. Every error is an RFC 9457 problem document.',
    },
    servers: [{ url: `${options.siteUrl}/api` }],
    tags: options.tags,
    paths,
    components: { schemas, securitySchemes: SECURITY_SCHEMES },
  };
}
