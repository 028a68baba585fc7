import { Hono } from 'hono';
import { z } from 'zod';
import { DomainError } from '../platform/errors.js';
import type { Surface } from '../platform/http/app.js';
import { adminEndpoints } from './admin/routes.js';
import { ADMIN_COMPONENTS } from './admin/schemas.js';
import { allowedMethods } from './allowed-methods.js';
import { contentEndpoints } from './content/routes.js';
import { CONTENT_COMPONENTS } from './content/schemas.js';
import type { ApiDeps, ApiEnv } from './deps.js';
import { defineEndpoint, type Endpoint, mountEndpoints } from './endpoint.js';
import { buildOpenApiDocument } from './openapi.js';
import { renderApiProblem } from './problem.js';

export type { ApiDeps } from './deps.js';

/**
 * Request bodies the API reads at most; a story with a long body and FAQ stays well under it.
 * Enforced with every other body limit (src/cli/request-limits.ts).
 */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

const OPENAPI_TAGS = [
  { name: 'Content API', description: 'Published content, per locale. A content key or a staff token.' },
  {
    name: 'Admin API',
    description: 'The newsroom’s workflow. A staff token, acting as its person with that person’s role.',
  },
  { name: 'Meta', description: 'About the API itself.' },
];

function openApiEndpoint(document: () => Record<string, unknown>): Endpoint {
  return defineEndpoint({
    method: 'get',
    path: '/openapi.json',
    operationId: 'getOpenApiDocument',
    tag: 'Meta',
    summary: 'This document (OpenAPI 3.1)',
    access: 'public',
    ok: {
      status: 200,
      description: 'The OpenAPI document.',
      schema: z.record(z.string(), z.unknown()),
    },
    problems: [],
    async handle() {
      return document();
    },
  });
}

export interface Api {
  surface: Surface;
  /** Every endpoint, as routed and as documented. */
  endpoints: Endpoint[];
  openApiDocument(): Record<string, unknown>;
}

/**
 * The Content API (/api/content/v1) and Admin API (/api/admin/v1), with the OpenAPI document at
 * /api/openapi.json. Every failure under /api, from any feature, is an RFC 9457 problem document.
 */
export function createApi(deps: ApiDeps): Api {
  let document: Record<string, unknown> | undefined;
  const endpoints: Endpoint[] = [
    ...contentEndpoints(deps),
    ...adminEndpoints(deps),
    openApiEndpoint(() => openApiDocument()),
  ];
  const openApiDocument = () => {
    document ??= buildOpenApiDocument(endpoints, {
      siteUrl: deps.config.siteUrl,
      components: { ...CONTENT_COMPONENTS, ...ADMIN_COMPONENTS },
      tags: OPENAPI_TAGS,
    });
    return document;
  };

  const app = new Hono<ApiEnv>();
  mountEndpoints(app, deps, endpoints);
  // Nothing under /api falls through to the public site's routes.
  app.all('*', (c) => {
    const allow = allowedMethods(endpoints, '/api', c.req.path);
    if (allow.length > 0) {
      throw new DomainError('method-not-allowed', `${c.req.path} answers ${allow.join(', ')}.`, { allow });
    }
    throw new DomainError('not-found', `No API endpoint at ${c.req.method} ${c.req.path}.`);
  });
  return {
    endpoints,
    openApiDocument,
    surface: { path: '/api', app: app as unknown as Hono, renderProblem: renderApiProblem },
  };
}
