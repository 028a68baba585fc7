import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderEntityHub } from './entity-hub.js';
import { renderErrorPage } from './error-page.js';
import {
  buildEntityHubData,
  buildErrorPageData,
  buildFallbackStoryPageData,
  buildFrontPageData,
  buildKindHubData,
  buildSectionPageData,
  buildStoryPageData,
} from './fixtures.js';
import { renderFrontPage } from './front-page.js';
import { renderKindHub } from './kind-hub.js';
import { renderSectionPage } from './section-page.js';
import { renderStoryPage } from './story-page.js';
import { fillTextWith } from './test-html.js';

// Every page kind, in both languages, through the Nu Html Checker (vnu-jar, needs Java): zero errors
// and zero warnings allowed. One JVM run over a folder keeps this to a few seconds.

const VNU_JAR = path.join(
  path.dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')),
  'build/dist/vnu.jar',
);

function pages(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of ['zh', 'en'] as const) {
    out[`story-${l}`] = renderStoryPage(buildStoryPageData(l));
    out[`fallback-${l}`] = renderStoryPage(buildFallbackStoryPageData(l));
    out[`front-${l}`] = renderFrontPage(buildFrontPageData(l));
    out[`section-${l}`] = renderSectionPage(buildSectionPageData(l));
    out[`entity-${l}`] = renderEntityHub(buildEntityHubData(l));
    out[`kind-${l}`] = renderKindHub(buildKindHubData(l));
    for (const status of [404, 410, 500] as const)
      out[`error-${status}-${l}`] = renderErrorPage(buildErrorPageData(l, status));
  }
  // Escaped hostile text must still make a valid document (meta names are machine values, kept).
  const hostile = fillTextWith(buildStoryPageData('en'));
  hostile.chrome.meta = buildStoryPageData('en').chrome.meta;
  out['story-hostile'] = renderStoryPage(hostile);
  return out;
}

describe('Nu Html Checker', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'velocity-vnu-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds no error or warning on any page', () => {
    for (const [name, html] of Object.entries(pages()))
      fs.writeFileSync(path.join(dir, `${name}.html`), html);
    let output: string;
    try {
      output = execFileSync('java', ['-jar', VNU_JAR, '--format', 'json', '--stdout', dir], {
        encoding: 'utf8',
      });
    } catch (error) {
      // vnu exits 1 when it reports anything; the report is still on stdout.
      output = String((error as { stdout?: string }).stdout ?? '');
      if (!output) throw error;
    }
    const { messages } = JSON.parse(output) as {
      messages: { type: string; subType?: string; url: string; message: string }[];
    };
    const problems = messages
      .filter((m) => m.type === 'error' || m.subType === 'warning')
      .map((m) => `${path.basename(m.url)}: ${m.message}`);
    expect(problems).toEqual([]);
  }, 60_000);
});
