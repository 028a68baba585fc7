import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../src/accounts/index.js';
import { issueApiKey } from '../../src/api-keys/index.js';
import { findStoryIdBySlug } from '../../src/stories/index.js';
import { AdminClient } from '../support/admin-client.js';
import { type Cluster, pagesServed, startCluster, startReaders } from '../support/cluster.js';
import { eventually } from '../support/eventually.js';
import { photo } from '../support/test-images.js';

// The deployment of docs/deploy.md on one machine: three web nodes and two workers on one
// PostgreSQL schema, media on s3rver, nginx balancing the web nodes, Varnish in front of nginx.
// Every process is the real program; the test talks to them over HTTP only, as readers, editors
// and the operator would.

const STORY_PATH = '/en/ai-models/nvidia-26b-open-models';
const PASSWORD = 'cluster-editor-password-42';
const READERS = 4;

async function text(url: string): Promise<string> {
  const response = await fetch(url);
  return response.status === 200 ? response.text() : '';
}

// Several processes share one database only on PostgreSQL here (CI sets DATABASE_URL).
describe.skipIf(!process.env.DATABASE_URL)('many web nodes and workers behind nginx and Varnish', () => {
  let cluster: Cluster;
  let token: string;
  const editorEmail = 'cluster-editor@example.test';

  const everywhere = (path: string) => [
    `${cluster.varnishUrl}${path}`,
    `${cluster.nginxUrl}${path}`,
    ...cluster.nodes.map((node) => `${node.url}${path}`),
  ];
  const admin = (base: string, path: string, init: { method?: string; body?: unknown } = {}) =>
    fetch(`${base}/api/admin/v1${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        accept: 'application/json',
        authorization: `Bearer ${token}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });

  beforeAll(async () => {
    cluster = await startCluster();
    const { db } = cluster.database;
    const editor = await addUser(db, { email: editorEmail, role: 'editor' }, PASSWORD, new Date());
    token = (
      await issueApiKey(
        db,
        { kind: 'staff', name: 'cluster', userId: editor.id, createdBy: null },
        new Date(),
      )
    ).token;
  }, 300_000);
  afterAll(() => cluster?.stop(), 60_000);

  it('serves an edit made through the Admin API on one node through Varnish and on every node', async () => {
    // Every cache in the way holds the page first: Varnish, and each node's render cache.
    for (const url of everywhere(STORY_PATH)) expect(await text(url)).toContain('Nvidia commits $26B');
    const storyId = await findStoryIdBySlug(cluster.database.db, 'en', 'nvidia-26b-open-models');
    expect(storyId).toBeDefined();

    const title = 'Nvidia raises its open-model pledge across the cluster';
    const patched = await admin(cluster.nodes[1]?.url ?? '', `/stories/${storyId}/variants/en`, {
      method: 'PATCH',
      body: { title },
    });
    expect(patched.status).toBe(200);
    for (const url of everywhere(STORY_PATH)) {
      await eventually(async () => (await text(url)).includes(title), `the new title at ${url}`);
    }
  }, 60_000);

  it('publishes a scheduled story from a worker, and every node and Varnish serve it', async () => {
    const base = cluster.nodes[2]?.url ?? '';
    const title = 'Workers publish a scheduled cluster story on time';
    const created = await admin(base, '/stories', {
      body: {
        section: 'ai-models',
        sourceLocale: 'en',
        variant: {
          title,
          summary: 'A story scheduled on one web node is published by whichever worker claims it.',
          body: '## Background\n\nThis story was scheduled a few seconds ahead on one web node. One of the two workers published it, and every node then served it.\n',
          faq: [],
          heroAlt: '',
        },
      },
    });
    expect(created.status).toBe(201);
    const { data } = (await created.json()) as { data: { id: number; variants: { slug: string }[] } };
    const path = `/en/ai-models/${data.variants[0]?.slug}`;

    const scheduled = await admin(base, `/stories/${data.id}/variants/en/schedule`, {
      body: { publishAt: new Date(Date.now() + 20_000).toISOString() },
    });
    expect(scheduled.status).toBe(200);
    // A reader who comes early gets a 404 through Varnish, which must not keep it (the VCL never
    // stores 404 or 410); so Varnish is asked first, as a reader would, and then every node.
    expect((await fetch(`${cluster.varnishUrl}${path}`)).status).toBe(404);
    for (const url of everywhere(path)) {
      await eventually(async () => (await text(url)).includes(title), `the scheduled story at ${url}`, {
        timeoutMs: 90_000,
      });
    }
    for (const url of everywhere('/en/')) {
      await eventually(async () => (await text(url)).includes(title), `the front page with it at ${url}`);
    }
  }, 120_000);

  it('serves an image uploaded on one node from the others and through Varnish', async () => {
    const [uploader] = cluster.nodes;
    const base = uploader?.url ?? '';
    const client = new AdminClient({ get: (path, init) => fetch(`${base}${path}`, init) });
    await client.signIn(editorEmail, PASSWORD);
    await client.get('/admin/media');
    const bytes = new Uint8Array(await (await photo(1200, 800)).jpeg().toBuffer());
    const uploaded = await client.upload(
      '/admin/media/upload',
      { credit: 'Cluster Photo Desk' },
      { name: 'cluster.jpg', type: 'image/jpeg', bytes },
    );
    expect(uploaded.status).toBe(303);
    await client.get(uploaded.headers.get('location') ?? '');
    const file = /href="(\/media\/[^"]+)"/.exec(client.lastHtml)?.[1];
    expect(file).toBeDefined();
    const original = await fetch(`${base}${file}`);
    expect(original.status).toBe(200);
    const expected = Buffer.from(await original.arrayBuffer());
    expect(expected.length).toBeGreaterThan(0);
    for (const url of everywhere(file ?? '')) {
      const response = await fetch(url);
      expect(response.status, url).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).equals(expected), url).toBe(true);
    }
  });

  it('costs readers at most the requests in flight when a web node is killed with SIGKILL', async () => {
    const readers = startReaders(`${cluster.nginxUrl}${STORY_PATH}`, READERS);
    await eventually(() => readers.answered() > 50, 'readers under way');
    const victim = cluster.nodes[1];
    if (!victim) throw new Error('no second node');
    victim.process.child.kill('SIGKILL');
    await victim.process.exited;
    const killedAt = readers.answered();
    await eventually(() => readers.answered() > killedAt + 200, 'readers to go on without the node', {
      timeoutMs: 60_000,
    });
    await readers.stop();
    expect(readers.failures().length, readers.failures().join('\n')).toBeLessThanOrEqual(READERS);
    // Back to three nodes for what follows, once nginx sends readers to the new one again.
    const revived = await cluster.startWebNode(victim.port);
    cluster.nodes[1] = revived;
    const more = startReaders(`${cluster.nginxUrl}${STORY_PATH}`, 1);
    await eventually(async () => (await pagesServed(revived)) > 0, 'nginx to take the node back', {
      timeoutMs: 60_000,
    });
    await more.stop();
  }, 180_000);

  it('costs readers nothing during a rolling restart of every web node', async () => {
    const readers = startReaders(`${cluster.nginxUrl}${STORY_PATH}`, READERS);
    await eventually(() => readers.answered() > 50, 'readers under way');
    for (let index = 0; index < cluster.nodes.length; index++) {
      await cluster.restartWebNode(index);
      // The next node stops only once nginx sends readers to this one again.
      const node = cluster.nodes[index];
      if (!node) throw new Error(`no web node ${index}`);
      await eventually(async () => (await pagesServed(node)) > 0, 'nginx to take the restarted node back', {
        timeoutMs: 60_000,
      });
    }
    await readers.stop();
    expect(readers.failures(), readers.failures().join('\n')).toEqual([]);
    expect(readers.answered()).toBeGreaterThan(50);
  }, 300_000);
});
