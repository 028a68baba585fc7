import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/platform/http/server.js';
import { startServer } from '../../src/platform/http/server.js';
import { varnishPurger } from '../../src/platform/purge/index.js';
import { findStoryIdBySlug } from '../../src/stories/index.js';
import { apiRequest, staffToken } from '../support/api-client.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { eventually } from '../support/eventually.js';
import { buildStory } from '../support/factories.js';

const VCL = new URL('../../deploy/varnish/default.vcl', import.meta.url);
const STORY_PATH = '/en/ai-models/varnish-story';

function varnishdPath(): string {
  const found = spawnSync('sh', ['-c', 'command -v varnishd || ls /usr/sbin/varnishd'], { encoding: 'utf8' });
  const binary = found.stdout.trim().split('\n')[0] ?? '';
  if (found.status !== 0 || binary === '') {
    throw new Error(
      'varnishd is not installed: this test needs Varnish 7 with the xkey module (apt-get install -y varnish varnish-modules; .ci/run installs them)',
    );
  }
  return binary;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('Varnish with the xkey module in front of the site', () => {
  let t: TestApp;
  let backend: RunningServer;
  let varnish: ChildProcess;
  let varnishLog = '';
  let workDir: string;
  let varnishUrl: string;

  beforeAll(async () => {
    const varnishd = varnishdPath();
    const varnishPort = await freePort();
    varnishUrl = `http://127.0.0.1:${varnishPort}`;
    t = await createTestApp(
      'sqlite',
      { seed: 'stories', stories: [buildStory('varnish-story'), buildStory('varnish-moved')] },
      () => new Date(),
      {
        env: {
          // Without a purge, Varnish would keep the page for an hour.
          CACHE_S_MAXAGE: '3600',
          PURGE: 'varnish',
          PURGE_VARNISH_URLS: `${varnishUrl}/`,
        },
      },
    );
    backend = await startServer(t.app, t.cache, { host: '127.0.0.1', port: 0 });
    const backendPort = new URL(backend.url).port;

    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'velocity-varnish-'));
    const vcl = fs.readFileSync(VCL, 'utf8').replace('.port = "3000";', `.port = "${backendPort}";`);
    expect(vcl).toContain(`.port = "${backendPort}";`);
    const vclPath = path.join(workDir, 'default.vcl');
    fs.writeFileSync(vclPath, vcl);
    varnish = spawn(
      varnishd,
      [
        '-F',
        '-j',
        'none',
        '-n',
        path.join(workDir, 'state'),
        '-a',
        `127.0.0.1:${varnishPort}`,
        '-f',
        vclPath,
        '-s',
        'malloc,32m',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const collect = (chunk: Buffer) => {
      varnishLog += chunk.toString();
    };
    varnish.stdout?.on('data', collect);
    varnish.stderr?.on('data', collect);
    varnish.on('exit', (code) => {
      varnishLog += `\n(varnishd exited with ${code})`;
    });
    // Varnish answers once it runs and its probe has found the site healthy.
    await eventually(async () => {
      if (varnish.exitCode !== null) throw new Error(`varnishd stopped:\n${varnishLog}`);
      return (await fetch(`${varnishUrl}/healthz`)).status === 200;
    }, 'Varnish to serve the site');
  });

  afterAll(async () => {
    if (varnish && varnish.exitCode === null) {
      const exited = new Promise((resolve) => varnish.once('exit', resolve));
      varnish.kill('SIGTERM');
      await exited;
    }
    await backend?.close();
    await t?.destroy();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('serves a story from its cache, and fetches it again after a change purges its keys', async () => {
    const first = await fetch(`${varnishUrl}${STORY_PATH}`);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-cache')).toBe('MISS');
    const before = await first.text();
    expect(before).toContain('Nvidia announces the varnish-story plan');
    // The xkey header is Varnish's own; the CDN headers pass through.
    expect(first.headers.get('xkey')).toBeNull();
    expect(first.headers.get('surrogate-key')).toContain('locale-en');

    const second = await fetch(`${varnishUrl}${STORY_PATH}`);
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(second.headers.get('age')).toMatch(/^\d+$/);
    expect(await second.text()).toBe(before);

    // An editor changes the title through the Admin API; the platform purges the story's keys.
    const storyId = (await findStoryIdBySlug(t.database.db, 'en', 'varnish-story')) as number;
    const editor = await staffToken(t, 'editor');
    const patched = await apiRequest(t, `/admin/v1/stories/${storyId}/variants/en`, {
      token: editor.token,
      method: 'PATCH',
      body: { title: 'Nvidia revises the varnish-story plan' },
    });
    expect(patched.status).toBe(200);

    const fresh = await eventually(async () => {
      const response = await fetch(`${varnishUrl}${STORY_PATH}`);
      const text = await response.text();
      return text.includes('Nvidia revises the varnish-story plan') ? { response, text } : undefined;
    }, 'the changed story through Varnish');
    expect(fresh.response.headers.get('x-cache')).toBe('MISS');
    expect(fresh.text).not.toContain('Nvidia announces the varnish-story plan');
    expect((await fetch(`${varnishUrl}${STORY_PATH}`)).headers.get('x-cache')).toBe('HIT');
  });

  it('keeps a moved story’s redirect, and drops it when the story moves again', async () => {
    const storyId = (await findStoryIdBySlug(t.database.db, 'en', 'varnish-moved')) as number;
    const editor = await staffToken(t, 'editor');
    const rename = async (slug: string) => {
      const patched = await apiRequest(t, `/admin/v1/stories/${storyId}/variants/en`, {
        token: editor.token,
        method: 'PATCH',
        body: { slug },
      });
      expect(patched.status).toBe(200);
    };
    const oldAddress = `${varnishUrl}/en/ai-models/varnish-moved`;
    const locationOfOld = async () => {
      const response = await fetch(oldAddress, { redirect: 'manual' });
      return {
        status: response.status,
        location: response.headers.get('location'),
        cache: response.headers.get('x-cache'),
      };
    };

    await rename('varnish-moved-once');
    // Never asked for before the rename, so nothing of the old address is stored yet.
    expect(await locationOfOld()).toEqual({
      status: 301,
      location: '/en/ai-models/varnish-moved-once',
      cache: 'MISS',
    });
    // The rename's own purge may still be on its way and drop the first copy: wait for a stored one.
    await eventually(
      async () => (await locationOfOld()).cache === 'HIT',
      'Varnish to answer the old address from its cache',
    );
    expect((await locationOfOld()).location).toBe('/en/ai-models/varnish-moved-once');

    // The stored redirect would lead to the slug before for an hour (s-maxage): only the purge
    // of the story's key makes Varnish fetch it again.
    await rename('varnish-moved-twice');
    await eventually(
      async () => (await locationOfOld()).location === '/en/ai-models/varnish-moved-twice',
      'the old address to lead to the new slug through Varnish',
    );
  });

  it('purges by key through the Varnish purger, and leaves pages under other keys', async () => {
    const front = `${varnishUrl}/en/`;
    const robots = `${varnishUrl}/robots.txt`;
    await fetch(front);
    await fetch(robots);
    expect((await fetch(front)).headers.get('x-cache')).toBe('HIT');
    await varnishPurger([`${varnishUrl}/`], { allowHosts: [] }).purge(['front']);
    expect((await fetch(front)).headers.get('x-cache')).toBe('MISS');
    expect((await fetch(front)).headers.get('x-cache')).toBe('HIT');
    // robots.txt carries no keys of the front page: still the stored copy.
    expect((await fetch(robots)).headers.get('x-cache')).toBe('HIT');
  });

  it('refuses a purge without keys', async () => {
    const response = await fetch(`${varnishUrl}/`, { method: 'PURGE' });
    expect(response.status).toBe(400);
  });
});
