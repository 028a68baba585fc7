// The server's resident memory as an operator sees it: `velocity serve` from the compiled build
// (what `npm start` runs) on a fresh data folder, measured after the first start (which loads
// the demo through the full save path, in a child process whose peak is printed too), after a
// restart without a save, and after saves through
// the Admin API in English (the statistical language detector) and Chinese (scripts alone).
// BENCH_MAIN points at another build's dist/cli/main.js to compare.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { addUser } from '../src/accounts/index.js';
import { issueApiKey } from '../src/api-keys/index.js';
import { openDatabase } from '../src/platform/database/index.js';

const TARGET_MB = 250;
const root = fileURLToPath(new URL('..', import.meta.url));
const main = process.env.BENCH_MAIN ?? path.join(root, 'dist/cli/main.js');

function rssMb(pid: number): number {
  // Linux; the figure `ps` and the orchestrators report.
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  return Math.round(kb / 1024);
}

interface Server {
  child: ChildProcess;
  url: string;
  /** From the "demo content loaded" log line: the peak rss of the process that loaded the demo. */
  seedPeakRssMb?: number;
  startMs: number;
  stop(): Promise<void>;
}

async function startServer(dataDir: string): Promise<Server> {
  const started = performance.now();
  const child = spawn(process.execPath, [main, 'serve'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info', SEED_DEMO: 'true' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /"url":"(http:[^"]+)".*"msg":"serving"/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}: ${out}`)));
  });
  const seeded = /"seedPeakRssMb":(\d+)/.exec(out);
  return {
    child,
    url,
    ...(seeded ? { seedPeakRssMb: Number(seeded[1]) } : {}),
    startMs: performance.now() - started,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function editorToken(dataDir: string): Promise<string> {
  const handle = openDatabase({ sqliteFile: path.join(dataDir, 'velocity.db') });
  try {
    const user = await addUser(
      handle.db,
      { email: 'bench@example.test', role: 'editor', locales: [] },
      null,
      new Date(),
    );
    const issued = await issueApiKey(
      handle.db,
      { kind: 'staff', name: 'bench', userId: user.id, createdBy: null },
      new Date(),
    );
    return issued.token;
  } finally {
    await handle.close();
  }
}

async function storyWith(dataDir: string, locale: string): Promise<number> {
  const handle = openDatabase({ sqliteFile: path.join(dataDir, 'velocity.db') });
  try {
    const row = await handle.db
      .selectFrom('story_variants')
      .select('story_id')
      .where('locale', '=', locale)
      .orderBy('story_id')
      .executeTakeFirstOrThrow();
    return row.story_id;
  } finally {
    await handle.close();
  }
}

async function save(server: Server, token: string, storyId: number, locale: string, summary: string) {
  const response = await fetch(`${server.url}/api/admin/v1/stories/${storyId}/variants/${locale}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ summary }),
  });
  if (response.status !== 200) throw new Error(`save answered ${response.status}: ${await response.text()}`);
}

async function page(server: Server): Promise<void> {
  const response = await fetch(`${server.url}/en/`);
  await response.arrayBuffer();
}

if (!process.env.BENCH_MAIN) {
  console.log('Building (incremental)…');
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the build failed');
}
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'velocity-memory-'));
const rows: [string, number][] = [];
let seedPeak = 0;
let firstStartMs = 0;
try {
  let server = await startServer(dataDir);
  await page(server);
  rows.push(['first start, demo loaded', rssMb(server.child.pid as number)]);
  if (server.seedPeakRssMb === undefined) throw new Error('the first start did not load the demo');
  seedPeak = server.seedPeakRssMb;
  firstStartMs = server.startMs;
  await server.stop();

  server = await startServer(dataDir);
  await page(server);
  rows.push(['restart, no save', rssMb(server.child.pid as number)]);
  const token = await editorToken(dataDir);
  await save(
    server,
    token,
    await storyWith(dataDir, 'zh'),
    'zh',
    '英伟达公布了面向数据中心推理的新芯片，功耗与成本都明显下降。',
  );
  rows.push(['after a save in Chinese', rssMb(server.child.pid as number)]);
  await save(
    server,
    token,
    await storyWith(dataDir, 'en'),
    'en',
    'Nvidia announced a data-centre inference chip that noticeably cuts both power and cost.',
  );
  await page(server);
  rows.push(['after a save in English', rssMb(server.child.pid as number)]);
  await server.stop();
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
console.log('');
console.log(`server rss (velocity serve, ${path.relative(root, main)}), target < ${TARGET_MB} MB:`);
for (const [label, mb] of rows) {
  console.log(`  ${label.padEnd(28)} ${String(mb).padStart(4)} MB${mb < TARGET_MB ? '' : '   over target'}`);
}
// The demo loads in a child process that exits before the server serves; its peak is reported
// because a container's memory limit counts it while it runs.
console.log(
  `  (demo loading process: peak ${seedPeak} MB while it ran; first start took ${(firstStartMs / 1000).toFixed(1)} s)`,
);
