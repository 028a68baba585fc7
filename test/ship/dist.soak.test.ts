import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// What ships is what `npm start` runs: dist/, package.json and the UI strings in locales/. This
// builds the package, copies it without src/ (or test/) into a folder of its own and serves the
// demo from there, so a module that reads from the source tree, or an asset the build forgot to
// copy, fails here rather than on an operator's machine.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// Building, seeding the demo (its hero images included) and starting take a while on a loaded machine.
const START_MS = 240_000;

let shipped: string;
let server: ChildProcess | undefined;
let siteUrl: string;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

/** Resolves once the server prints that it is serving; rejects with its output if it exits first. */
function serving(child: ChildProcess): Promise<void> {
  let output = '';
  return new Promise((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Code Velocity is serving on')) resolve();
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code, signal) =>
      reject(new Error(`velocity serve stopped (${code ?? signal}) before serving:\n${output}`)),
    );
  });
}

async function get(pathname: string): Promise<{ status: number; type: string; body: string }> {
  const response = await fetch(`${siteUrl}${pathname}`, { headers: { 'accept-language': 'en' } });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    body: await response.text(),
  };
}

beforeAll(async () => {
  const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.js')], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(build.status, build.stderr + build.stdout).toBe(0);

  shipped = fs.mkdtempSync(path.join(os.tmpdir(), 'velocity-shipped-'));
  fs.cpSync(path.join(ROOT, 'dist'), path.join(shipped, 'dist'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'locales'), path.join(shipped, 'locales'), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(shipped, 'package.json'));
  fs.symlinkSync(fs.realpathSync(path.join(ROOT, 'node_modules')), path.join(shipped, 'node_modules'));

  const port = await freePort();
  siteUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: path.join(shipped, 'data'),
    HOST: '127.0.0.1',
    PORT: String(port),
    SITE_URL: siteUrl,
    SEED_DEMO: 'true',
    DESK_REFRESH: 'false',
    LOG_LEVEL: 'warn',
  };
  // A temporary SQLite file under DATA_DIR, whatever database the other tests were pointed at.
  delete env.DATABASE_URL;
  server = spawn(process.execPath, ['dist/cli/main.js', 'serve'], {
    cwd: shipped,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await serving(server);
}, START_MS);

afterAll(async () => {
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  if (shipped) fs.rmSync(shipped, { recursive: true, force: true });
});

describe('the built package, run without src/', () => {
  it('holds no sources, tests or test fixtures', () => {
    const files = filesUnder(path.join(shipped, 'dist'));
    expect(fs.existsSync(path.join(shipped, 'src'))).toBe(false);
    expect(files.filter((f) => /\.test\.|\.tsx?$|fixture/.test(f))).toEqual([]);
  });

  it('serves the front page, a story, the stylesheet and the admin sign-in page', async () => {
    const front = await get('/en/');
    expect(front.status).toBe(200);
    expect(front.type).toMatch(/^text\/html/);

    const storyPath = front.body.match(/href="(\/en\/[a-z-]+\/[a-z0-9-]+)"/)?.[1];
    expect(storyPath, 'a story link on the front page').toBeDefined();
    const story = await get(storyPath as string);
    expect(story.status).toBe(200);
    expect(story.body).toContain('<article');

    const stylesheet = front.body.match(/href="(\/assets\/site\.[0-9a-f]+\.css)"/)?.[1];
    expect(stylesheet, 'the stylesheet link').toBeDefined();
    const css = await get(stylesheet as string);
    expect(css.status).toBe(200);
    expect(css.type).toMatch(/^text\/css/);
    expect(css.body.length).toBeGreaterThan(1000);

    const signIn = await get('/admin/sign-in');
    expect(signIn.status).toBe(200);
    expect(signIn.body).toMatch(/<form[^>]*method="post"/);
    const adminCss = signIn.body.match(/href="(\/admin\/assets\/admin\.[0-9a-f]+\.css)"/)?.[1];
    expect(adminCss, 'the admin stylesheet link').toBeDefined();
    expect((await get(adminCss as string)).status).toBe(200);
  });

  it('serves the demo’s hero images, drawn when the demo was loaded', async () => {
    const front = await get('/en/');
    const image = front.body.match(/(\/media\/hero-[a-z0-9-]+-800\.webp)/)?.[1];
    expect(image, 'a hero image on the front page').toBeDefined();
    const response = await fetch(`${siteUrl}${image}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  });
});
