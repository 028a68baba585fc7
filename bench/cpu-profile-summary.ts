// Reads a V8 CPU profile (node --cpu-prof) and says where the time of a window went: each sample
// is charged to the innermost frame of its stack that belongs to a known part (our modules,
// nodemailer's MIME building, its SMTP client, Kysely, the SQLite driver…), or to what V8 calls
// it (garbage collection, idle: waiting on the network, program).
import fs from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The first rule whose pattern a frame's URL matches names the part; order matters. */
const PARTS: [RegExp, string][] = [
  [/\/src\/newsletter\/sending\/plan\.ts/, 'planRun (ours)'],
  [/\/src\/newsletter\/sending\/deliveries\.ts/, 'deliveries.ts queries (claim, markSent…)'],
  [/\/src\/newsletter\/sending\/issues\.ts/, 'issues.ts queries'],
  [/\/src\/newsletter\/sending\/message\.ts/, 'buildDeliveryMail (rest)'],
  [/\/src\/newsletter\/sending\/sender\.ts/, 'sendPending loop'],
  [/\/src\/newsletter\/digest\//, 'fillDigestLinks (replace, escape)'],
  [/\/src\/newsletter\/(subscribe|tokens|links)\.ts/, 'manageLinks (token signing)'],
  [/\/src\/newsletter\/mailer\.ts/, 'createMailer send, toNodemailer'],
  [/\/src\/platform\/database\//, 'statement cache (ours)'],
  [/\/src\//, 'other modules of ours'],
  [/nodemailer\/dist\/\w+\/dkim\//, 'nodemailer DKIM signing'],
  [/nodemailer\/dist\/\w+\/(smtp-connection|smtp-pool|smtp-transport)\//, 'nodemailer SMTP client'],
  [/nodemailer\/dist\//, 'nodemailer MIME building'],
  [/kysely\/dist\/\w+\/dialect\/sqlite\//, 'SQLite statements (better-sqlite3)'],
  [/kysely\/dist\/\w+\/dialect\/postgres\//, 'PostgreSQL driver'],
  [/kysely\/dist\//, 'Kysely (query building, compiling)'],
  [/node_modules\/(pg|pg-protocol|pg-pool)\//, 'PostgreSQL driver'],
  [/node_modules\/better-sqlite3\//, 'SQLite statements (better-sqlite3)'],
  [/node_modules\/luxon\//, 'luxon'],
  [
    /node:internal\/(net|stream_base_commons|streams|child_process)|node:net|node:stream/,
    'Node streams and sockets',
  ],
];
const V8_PARTS = new Map([
  ['(garbage collector)', 'garbage collection'],
  ['(idle)', 'idle (waiting for the network)'],
  ['(program)', 'V8 and Node (program)'],
]);

function mainThreadProfile(dir: string): string {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => path.join(dir, f))
    // The main thread's profile is the largest; other threads (the module loader's) write small ones.
    .sort((a, b) => fs.statSync(b).size - fs.statSync(a).size);
  const [latest] = files;
  if (!latest) throw new Error(`no .cpuprofile in ${dir}`);
  return latest;
}

/**
 * A table of the window's time per part and the functions with the most self time. The window
 * is in microseconds of the profile's clock (process.hrtime); the whole profile without one.
 */
export function summariseCpuProfile(dirOrFile: string, window?: [number, number]): string {
  const file = dirOrFile.endsWith('.cpuprofile') ? dirOrFile : mainThreadProfile(dirOrFile);
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const partOf = new Map<number, string>();
  const part = (id: number): string => {
    const known = partOf.get(id);
    if (known) return known;
    const node = byId.get(id);
    let found = 'Node internals, other';
    if (node) {
      const v8 = V8_PARTS.get(node.callFrame.functionName);
      const rule = PARTS.find(([pattern]) => pattern.test(node.callFrame.url));
      const up = parent.get(id);
      if (v8) found = v8;
      else if (rule) found = rule[1];
      else if (up !== undefined) found = part(up);
    }
    partOf.set(id, found);
    return found;
  };
  const perPart = new Map<string, number>();
  const perFunction = new Map<string, number>();
  let total = 0;
  let time = profile.startTime;
  for (const [i, sample] of profile.samples.entries()) {
    const delta = profile.timeDeltas[i] ?? 0;
    time += delta;
    if (window && (time < window[0] || time > window[1])) continue;
    total += delta;
    const name = part(sample);
    perPart.set(name, (perPart.get(name) ?? 0) + delta);
    const frame = byId.get(sample)?.callFrame;
    if (frame) {
      const where = frame.url
        ? ` ${frame.url.replace(/^.*\/(node_modules|src)\//, '$1/')}:${frame.lineNumber + 1}`
        : '';
      const key = `${frame.functionName || '(anonymous)'}${where}`;
      perFunction.set(key, (perFunction.get(key) ?? 0) + delta);
    }
  }
  const figures = (micros: number) =>
    `${(micros / 1e6).toFixed(2).padStart(7)} s ${((100 * micros) / total).toFixed(1).padStart(5)} %`;
  const line = (name: string, micros: number) => `  ${name.padEnd(44)}${figures(micros)}`;
  const lines = [`  (${path.basename(file)}, ${(total / 1e6).toFixed(1)} s sampled)`];
  for (const [name, micros] of [...perPart].sort((a, b) => b[1] - a[1])) lines.push(line(name, micros));
  lines.push('  functions with the most self time:');
  for (const [name, micros] of [...perFunction].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    lines.push(`  ${figures(micros)}  ${name.length > 100 ? `${name.slice(0, 99)}…` : name}`);
  }
  return lines.join('\n');
}
