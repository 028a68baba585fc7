import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from './database.js';
import { eventually } from './eventually.js';
import { startTestS3, type TestS3 } from './s3-server.js';
import { spawnVelocity, type VelocityProcess } from './velocity-process.js';

// The deployment of docs/deploy.md on one machine: PostgreSQL (a schema of its own), s3rver for
// media, web nodes and workers as separate `velocity` processes, nginx balancing the web nodes and
// Varnish in front of nginx. Every part is the real program, started as an operator would.

const NGINX_CONF = new URL('../../deploy/nginx/velocity.conf', import.meta.url);
const VCL = new URL('../../deploy/varnish/default.vcl', import.meta.url);
const STARTUP_MS = 120_000;
const METRICS_TOKEN = 'cluster-metrics-token-0123456789';

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function binary(name: string, hint: string): string {
  const found = spawnSync('sh', ['-c', `command -v ${name} || ls /usr/sbin/${name}`], { encoding: 'utf8' });
  const file = found.stdout.trim().split('\n')[0] ?? '';
  if (found.status !== 0 || file === '') throw new Error(`${name} is not installed: ${hint}`);
  return file;
}

/** A program other than velocity, with its output kept for the error when it stops too early. */
interface Daemon {
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

function startDaemon(file: string, args: string[]): Daemon {
  const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url);
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** nginx as the current user, with every path it writes inside `dir`, balancing `upstreamPorts`. */
export async function startNginx(dir: string, port: number, upstreamPorts: number[]): Promise<Daemon> {
  const nginx = binary('nginx', 'apt-get install -y nginx-light (.ci/run installs it)');
  const shipped = fs.readFileSync(NGINX_CONF, 'utf8');
  const servers = upstreamPorts
    .map((upstream) => `    server 127.0.0.1:${upstream} max_fails=1 fail_timeout=10s;`)
    .join('\n');
  // The shipped file with its example nodes and listen line replaced: the rest is what is tested.
  const site = shipped
    .replace(/( {4}server 10\.0\.0\.\d+:3000[^\n]*\n)+/, `${servers}\n`)
    .replace('listen 80;', `listen 127.0.0.1:${port};`);
  if (!site.includes(servers) || !site.includes(`listen 127.0.0.1:${port};`)) {
    throw new Error('deploy/nginx/velocity.conf no longer has the shape this test rewrites');
  }
  const temp = (name: string) => path.join(dir, name);
  const conf = [
    'daemon off;',
    'worker_processes 1;',
    `pid ${temp('nginx.pid')};`,
    `error_log ${temp('error.log')} warn;`,
    'events { worker_connections 1024; }',
    'http {',
    '  access_log off;',
    `  client_body_temp_path ${temp('client_body')};`,
    `  proxy_temp_path ${temp('proxy')};`,
    `  fastcgi_temp_path ${temp('fastcgi')};`,
    `  uwsgi_temp_path ${temp('uwsgi')};`,
    `  scgi_temp_path ${temp('scgi')};`,
    site,
    '}',
    '',
  ].join('\n');
  const confPath = temp('nginx.conf');
  fs.writeFileSync(confPath, conf);
  const daemon = startDaemon(nginx, ['-p', dir, '-c', confPath]);
  await eventually(async () => {
    if (daemon.child.exitCode !== null) throw new Error(`nginx stopped:\n${daemon.output()}`);
    return answers(`http://127.0.0.1:${port}/nginx-health`);
  }, 'nginx to answer');
  return daemon;
}

/** Varnish with the shipped VCL, its backend pointed at `backendPort`. */
async function startVarnish(dir: string, port: number, backendPort: number): Promise<Daemon> {
  const varnishd = binary('varnishd', 'apt-get install -y varnish varnish-modules (.ci/run installs them)');
  const vcl = fs.readFileSync(VCL, 'utf8').replace('.port = "3000";', `.port = "${backendPort}";`);
  if (!vcl.includes(`.port = "${backendPort}";`))
    throw new Error('default.vcl has no backend port to rewrite');
  const vclPath = path.join(dir, 'default.vcl');
  fs.writeFileSync(vclPath, vcl);
  const daemon = startDaemon(varnishd, [
    '-F',
    '-j',
    'none',
    '-n',
    path.join(dir, 'varnish-state'),
    '-a',
    `127.0.0.1:${port}`,
    '-f',
    vclPath,
    '-s',
    'malloc,32m',
  ]);
  // Varnish answers once its probe has found the backend healthy.
  await eventually(
    async () => {
      if (daemon.child.exitCode !== null) throw new Error(`varnishd stopped:\n${daemon.output()}`);
      return answers(`http://127.0.0.1:${port}/healthz`);
    },
    'Varnish to serve the site',
    { timeoutMs: 60_000 },
  );
  return daemon;
}

export interface WebNode {
  port: number;
  url: string;
  process: VelocityProcess;
}

export interface Cluster {
  database: TestDatabase;
  s3: TestS3;
  nodes: WebNode[];
  workers: VelocityProcess[];
  nginxUrl: string;
  varnishUrl: string;
  /** Starts a web node on `port` (a free one when 0) and waits until it answers /healthz. */
  startWebNode(port?: number): Promise<WebNode>;
  /** Sends SIGTERM to the node at `index`, waits for its exit, and starts a new one on its port. */
  restartWebNode(index: number): Promise<void>;
  stop(): Promise<void>;
}

export interface ClusterOptions {
  webNodes?: number;
  workers?: number;
  /** Varnish in front of nginx (and PURGE=varnish on every process). */
  varnish?: boolean;
}

/** Everything of the deployment, started and ready; `stop` ends every process it started. */
export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const { webNodes = 3, workers: workerCount = 2, varnish: withVarnish = true } = options;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'velocity-cluster-'));
  const database = await createTestDatabase('postgres');
  const s3 = await startTestS3();
  const nginxPort = await freePort();
  const varnishPort = await freePort();
  const nginxUrl = `http://127.0.0.1:${nginxPort}`;
  const varnishUrl = `http://127.0.0.1:${varnishPort}`;
  const shared: Record<string, string> = {
    DATABASE_URL: database.url as string,
    SECRET_KEY: 'cluster-secret-key-0123456789abcdef',
    LOG_LEVEL: 'warn',
    SITE_URL: withVarnish ? varnishUrl : nginxUrl,
    SEED_DEMO: 'false',
    DESK_REFRESH: 'false',
    TRUST_PROXY_HOPS: withVarnish ? '2' : '1',
    // Without purges Varnish would keep every page for an hour.
    CACHE_S_MAXAGE: '3600',
    METRICS_TOKEN,
    ...s3.env,
    ...(withVarnish ? { PURGE: 'varnish', PURGE_VARNISH_URLS: `${varnishUrl}/` } : {}),
  };
  // Each process has a data folder of its own: nothing is shared through the local disk.
  let folders = 0;
  const dataDir = () => {
    folders += 1;
    const folder = path.join(dir, `data-${folders}`);
    fs.mkdirSync(folder);
    return folder;
  };
  const started: VelocityProcess[] = [];
  const daemons: Daemon[] = [];

  const serveOn = async (port: number, env: Record<string, string>): Promise<WebNode> => {
    const process = spawnVelocity(['serve'], {
      ...shared,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir(),
      ...env,
    });
    started.push(process);
    const url = await eventually(
      () => {
        if (process.child.exitCode !== null) throw new Error(`velocity serve stopped:\n${process.stderr()}`);
        return /serving on (http:\/\/\S+)/.exec(process.stdout())?.[1];
      },
      'velocity serve to listen',
      { timeoutMs: STARTUP_MS },
    );
    await eventually(() => answers(`${url}/healthz`), 'the node to be healthy', { timeoutMs: STARTUP_MS });
    return { port: Number(new URL(url).port), url, process };
  };

  const cluster: Cluster = {
    database,
    s3,
    nodes: [],
    workers: [],
    nginxUrl,
    varnishUrl,
    startWebNode: (port = 0) => serveOn(port, { SERVE_BACKGROUND: 'false' }),
    async restartWebNode(index) {
      const node = cluster.nodes[index];
      if (!node) throw new Error(`no web node ${index}`);
      node.process.child.kill('SIGTERM');
      const code = await node.process.exited;
      if (code !== 0) throw new Error(`the node exited with ${code}:\n${node.process.stderr()}`);
      cluster.nodes[index] = await cluster.startWebNode(node.port);
    },
    async stop() {
      for (const process of started) {
        if (process.child.exitCode === null && process.child.signalCode === null)
          process.child.kill('SIGKILL');
      }
      await Promise.all(started.map((process) => process.exited));
      await Promise.all(daemons.map((daemon) => daemon.stop()));
      await s3.close();
      await database.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    // The first process loads the demo into the empty schema, then leaves.
    const seeder = await serveOn(0, { SEED_DEMO: 'true', SERVE_BACKGROUND: 'false' });
    seeder.process.child.kill('SIGTERM');
    await seeder.process.exited;

    for (let i = 0; i < webNodes; i++) cluster.nodes.push(await cluster.startWebNode());
    for (let i = 0; i < workerCount; i++) {
      const worker = spawnVelocity(['worker'], { ...shared, DATA_DIR: dataDir() });
      started.push(worker);
      await eventually(
        () => {
          if (worker.child.exitCode !== null) throw new Error(`velocity worker stopped:\n${worker.stderr()}`);
          return worker.stdout().includes('worker running');
        },
        'velocity worker to run',
        { timeoutMs: STARTUP_MS },
      );
      cluster.workers.push(worker);
    }
    const nginxDir = path.join(dir, 'nginx');
    fs.mkdirSync(nginxDir);
    daemons.push(
      await startNginx(
        nginxDir,
        nginxPort,
        cluster.nodes.map((node) => node.port),
      ),
    );
    if (withVarnish) {
      const varnishDir = path.join(dir, 'varnish');
      fs.mkdirSync(varnishDir);
      daemons.push(await startVarnish(varnishDir, varnishPort, nginxPort));
    }
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return cluster;
}

/**
 * How many requests other than /healthz and /metrics the node has answered since it started: once
 * above zero after a restart, nginx has taken the node back (it leaves a failed node out for a while).
 */
export async function pagesServed(node: WebNode): Promise<number> {
  const response = await fetch(`${node.url}/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  if (response.status !== 200) throw new Error(`/metrics answered ${response.status}`);
  let served = 0;
  for (const line of (await response.text()).split('\n')) {
    if (!line.startsWith('velocity_http_request_duration_seconds_count{')) continue;
    if (line.includes('healthz') || line.includes('metrics')) continue;
    served += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return served;
}

/** Readers hammering one URL until stopped: how many answers were not 200. */
export interface ReaderLoad {
  /** Answers received so far (200 or not). */
  answered(): number;
  /** Answers other than 200, and requests that failed outright. */
  failures(): string[];
  stop(): Promise<void>;
}

export function startReaders(url: string, concurrency: number): ReaderLoad {
  let running = true;
  let answered = 0;
  const failures: string[] = [];
  const reader = async () => {
    while (running) {
      try {
        const response = await fetch(url);
        await response.arrayBuffer();
        if (response.status !== 200) failures.push(`status ${response.status}`);
      } catch (error) {
        failures.push(String((error as Error).cause ?? error));
      }
      answered += 1;
    }
  };
  const readers = Array.from({ length: concurrency }, reader);
  return {
    answered: () => answered,
    failures: () => [...failures],
    async stop() {
      running = false;
      await Promise.all(readers);
    },
  };
}
