import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

// The Nu Html Checker (vnu-jar, needs Java), run once over a folder: one JVM start for any number
// of documents keeps a check of hundreds of pages to a few seconds.

const VNU_JAR = path.join(
  path.dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')),
  'build/dist/vnu.jar',
);

export interface VnuMessage {
  type: string;
  subType?: string;
  url: string;
  message: string;
  lastLine?: number;
  extract?: string;
}

/**
 * Checks every document (name → HTML) and returns each error and warning as
 * `name:line: message`, in a stable order; an empty list means all documents are clean.
 * Names may hold `/` and `?` (they are URL paths); they are mapped to safe file names here.
 */
export function vnuProblems(documents: Record<string, string>): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'velocity-vnu-'));
  try {
    const nameOf = new Map<string, string>();
    Object.entries(documents).forEach(([name, html], index) => {
      const file = `${String(index).padStart(4, '0')}-${name.replace(/[^\w.-]+/g, '_').slice(0, 80)}.html`;
      nameOf.set(file, name);
      fs.writeFileSync(path.join(dir, file), html);
    });
    if (nameOf.size === 0) return [];
    return runVnu(dir)
      .filter((m) => m.type === 'error' || m.subType === 'warning')
      .map((m) => {
        const file = path.basename(decodeURIComponent(new URL(m.url).pathname));
        return `${nameOf.get(file) ?? file}:${m.lastLine ?? '?'}: ${m.message}`;
      })
      .sort();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function runVnu(dir: string): VnuMessage[] {
  let output: string;
  try {
    output = execFileSync('java', ['-jar', VNU_JAR, '--format', 'json', '--stdout', dir], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    // vnu exits 1 when it reports anything; the report is still on stdout.
    output = String((error as { stdout?: string }).stdout ?? '');
    if (!output) throw error;
  }
  return (JSON.parse(output) as { messages: VnuMessage[] }).messages;
}
