import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_SITE_URL, type TestApp } from '../../test/support/app.js';
import { buildStory } from '../../test/support/factories.js';
import { createApi } from './index.js';

type Operation = {
  operationId: string;
  security: Record<string, string[]>[];
  parameters: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[];
  requestBody?: { required: boolean; content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { content: Record<string, { schema: { $ref: string } }> }>;
};
type Document = {
  openapi: string;
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Record<string, unknown>>; securitySchemes: Record<string, unknown> };
};

describe('the OpenAPI document', () => {
  let t: TestApp;
  let doc: Document;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { seed: 'stories', stories: [buildStory('one')] });
    const response = await t.get('/api/openapi.json');
    expect(response.status).toBe(200);
    doc = (await response.json()) as Document;
  });
  afterAll(() => t.destroy());

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
    );

  it('is valid OpenAPI 3.1, by an independent validator', async () => {
    const validator = new Validator();
    const result = await validator.validate(doc as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    expect(doc.servers).toEqual([{ url: `${TEST_SITE_URL}/api` }]);
  });

  it('describes every route the API app registers, and nothing it does not', () => {
    const { db, config, log, secret, now, contentChanged, emit } = t.newsroom.deps;
    const api = createApi({ db, config, log, secret, now, contentChanged, emit });
    const registered = api.surface.app.routes
      .filter((route) => route.method !== 'ALL')
      .map((route) => `${route.method} ${route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`)
      .sort();
    const documented = operations()
      .map(({ path, method }) => `${method.toUpperCase()} ${path}`)
      .sort();
    expect(registered.length).toBeGreaterThanOrEqual(11);
    expect(documented).toEqual(registered);
  });

  it('every $ref points at a schema it defines', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1] as string);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(doc.components.schemas[ref.split('/').at(-1) as string], ref).toBeDefined();
    }
  });

  it('names the bearer schemes and which endpoints need which', () => {
    expect(doc.components.securitySchemes).toMatchObject({
      contentKey: { type: 'http', scheme: 'bearer' },
      staffToken: { type: 'http', scheme: 'bearer' },
    });
    for (const { path, operation } of operations()) {
      const expected = path.startsWith('/admin/')
        ? [{ staffToken: [] }]
        : path.startsWith('/content/')
          ? [{ contentKey: [] }, { staffToken: [] }]
          : [];
      expect(operation.security, path).toEqual(expected);
    }
  });

  it('documents the problem shape for every error status, and 401 wherever a key is needed', () => {
    expect(doc.components.schemas.Problem).toMatchObject({
      type: 'object',
      required: ['type', 'title', 'status', 'detail'],
    });
    for (const { path, operation } of operations()) {
      const statuses = Object.keys(operation.responses);
      for (const status of statuses.filter((s) => Number(s) >= 400)) {
        expect(
          operation.responses[status]?.content['application/problem+json']?.schema.$ref,
          `${path} ${status}`,
        ).toBe('#/components/schemas/Problem');
      }
      if (operation.security.length > 0) expect(statuses, path).toContain('401');
      if (operation.requestBody)
        expect(statuses, path).toEqual(expect.arrayContaining(['400', '413', '415', '422']));
    }
  });

  it('takes parameters and bodies from the schemas that check the requests', () => {
    const list = doc.paths['/content/v1/stories']?.get;
    expect(list?.parameters.map((p) => [p.name, p.in, p.required])).toEqual([
      ['locale', 'query', false],
      ['section', 'query', false],
      ['entity', 'query', false],
      ['page', 'query', false],
      ['limit', 'query', false],
    ]);
    expect(list?.parameters.find((p) => p.name === 'limit')?.schema).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 100,
      default: 20,
    });
    const publish = doc.paths['/admin/v1/stories/{id}/variants/{locale}/publish']?.post;
    expect(publish?.parameters.map((p) => [p.name, p.in, p.required])).toEqual([
      ['id', 'path', true],
      ['locale', 'path', true],
    ]);
    // Publishing needs no body (an optional QA override), creating a story does.
    expect(publish?.requestBody?.required).toBe(false);
    const create = doc.paths['/admin/v1/stories']?.post;
    expect(create?.requestBody?.required).toBe(true);
    const body = create?.requestBody?.content['application/json']?.schema;
    expect(body?.title).toBe('CreateStoryRequest');
    // Fields with a default are optional to send: not required, their default documented.
    expect(body?.required).toEqual(['section', 'sourceLocale', 'variant']);
    expect(body?.properties).toMatchObject({ entities: { default: [] }, heroMediaId: { default: null } });
    expect(JSON.stringify(body)).toContain('"maxLength":300');
    expect(create?.responses['201']).toBeDefined();
  });

  it('carries the byline in the variant it reads and in the bodies that save one', () => {
    const variant = doc.components.schemas.AdminVariant as {
      properties: Record<string, unknown>;
      required: string[];
    };
    expect(variant.required).toEqual(expect.arrayContaining(['authorId', 'translatorId']));
    const variantPath = doc.paths['/admin/v1/stories/{id}/variants/{locale}'];
    for (const operation of [variantPath?.put, variantPath?.patch]) {
      const schema = operation?.requestBody?.content['application/json']?.schema as {
        properties: Record<string, unknown>;
        required?: string[];
      };
      expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['authorId', 'translatorId']));
      expect(schema.required ?? []).not.toContain('authorId');
    }
  });

  it('gives clients generated by openapi-typescript request types that accept what the server does', async () => {
    const generated = astToString(await openapiTS(doc as never));
    const create = generated.slice(
      generated.indexOf('createStory: {'),
      generated.indexOf('responses:', generated.indexOf('createStory: {')),
    );
    for (const field of [
      'summary',
      'heroAlt',
      'entities',
      'sources',
      'heroMediaId',
      'publisher',
      'author',
      'publishedAt',
    ])
      expect(create, field).toMatch(new RegExp(`\\b${field}\\?:`));
    for (const field of ['section', 'sourceLocale', 'variant', 'title', 'url'])
      expect(create, field).toMatch(new RegExp(`\\b${field}:`));

    // And the compiler agrees: the smallest body the server takes type-checks, one it refuses does not.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'velocity-openapi-ts-'));
    try {
      fs.writeFileSync(path.join(dir, 'api.d.ts'), generated);
      fs.writeFileSync(
        path.join(dir, 'client.ts'),
        [
          "import type { operations } from './api.js';",
          "type CreateStory = operations['createStory']['requestBody']['content']['application/json'];",
          "type PatchVariant = NonNullable<operations['patchVariant']['requestBody']>['content']['application/json'];",
          "export const smallest: CreateStory = { section: 'chips', sourceLocale: 'en', variant: { title: 'T' } };",
          "export const source: NonNullable<CreateStory['sources']>[number] = { url: 'https://example.com/a' };",
          "export const patch: PatchVariant = { title: 'New title' };",
          '// @ts-expect-error a story needs its section',
          "export const refused: CreateStory = { sourceLocale: 'en', variant: { title: 'T' } };",
        ].join('\n'),
      );
      const program = ts.createProgram([path.join(dir, 'client.ts')], {
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        target: ts.ScriptTarget.ES2022,
      });
      const problems = ts
        .getPreEmitDiagnostics(program)
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      expect(problems).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
