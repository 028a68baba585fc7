import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminClient } from '../../test/support/admin-client.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { buildStory, buildVariant } from '../../test/support/factories.js';
import { signedInAs } from '../../test/support/people.js';
import { findStory, findStoryIdBySlug, listSections } from '../stories/index.js';

// The translator's desk over HTTP: a missing translation opens on the source's scaffold, the desk
// lists the source's blocks with entity names in the target language, QA runs on unsaved text
// only for who may write the variant, a scaffold left in the text cannot go live, and a later
// change to the source is marked on the block it touched.

const SOURCE_BODY = [
  '## 背景',
  '英伟达今天发布了新的推理芯片，详见[此前的报道](story:linked)。',
  '| 型号 | 功耗 |\n| --- | --- |\n| Rubin | 700瓦 |',
  '![芯片照片](/media/chip.webp)',
].join('\n\n');

const decode = (html: string) =>
  html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

function bodyField(html: string): string {
  return decode(/<textarea[^>]*name="body"[^>]*>([\s\S]*?)<\/textarea>/.exec(html)?.[1] ?? '');
}

describe.each(DIALECTS)('the translator’s desk on %s', (dialect) => {
  let t: TestApp;
  let translator: AdminClient;
  let editor: AdminClient;
  let storyId = 0;
  let page = '';

  beforeAll(async () => {
    t = await createTestApp(dialect, {
      seed: 'stories',
      stories: [
        buildStory('rubin', {
          locales: ['zh'],
          variant: { body: SOURCE_BODY, status: 'draft', publishedAt: null },
        }),
        {
          ...buildStory('linked'),
          variants: [buildVariant('zh', 'linked'), buildVariant('en', 'linked-en')],
        },
      ],
    });
    ({ browser: translator } = await signedInAs(t, 'translator', { locales: ['en'] }));
    ({ browser: editor } = await signedInAs(t, 'editor'));
    storyId = (await findStoryIdBySlug(t.database.db, 'zh', 'rubin')) as number;
    page = `/admin/stories/${storyId}/en`;
  });
  afterAll(() => t.destroy());

  const askQa = (client: AdminClient, payload: unknown, headers: Record<string, string> = {}) =>
    client.request(`${page}/translation-qa`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': client.csrf, ...headers },
      body: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });

  it('opens a missing translation on the source’s scaffold, story links pointing at their translation', async () => {
    const response = await translator.get(page);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(bodyField(html)).toBe(
      [
        '## ⟦背景⟧',
        '⟦英伟达今天发布了新的推理芯片，详见[此前的报道](story:linked-en)。⟧',
        '| ⟦型号⟧ | ⟦功耗⟧ |\n| --- | --- |\n| ⟦Rubin⟧ | ⟦700瓦⟧ |',
        '![⟦芯片照片⟧](/media/chip.webp)',
      ].join('\n\n'),
    );
    expect(html).toContain('value="⟦英伟达宣布rubin计划⟧"');
    expect(html).toContain('⟦这项计划什么时候开始？⟧');
  });

  it('shows the desk: a row per source block, the table as cells, 英伟达 offered as Nvidia', async () => {
    const html = translator.lastHtml;
    expect(html).toContain('data-translation-desk');
    expect(html.match(/data-desk-row="/g)).toHaveLength(4);
    expect(html.match(/<textarea[^>]*data-desk-cell/g)).toHaveLength(4);
    expect(html).toContain('data-desk-insert="Nvidia"');
    expect(html).toContain(`data-qa-action="${page}/translation-qa"`);
  });

  it('checks unsaved text for the translator: placeholders and Chinese flagged per row', async () => {
    const response = await askQa(translator, {
      title: 'Nvidia unveils Rubin',
      body: '## Background\n\n英伟达今天发布了新的推理芯片，这一举措将影响整个行业。\n\n⟦型号⟧',
      rows: [
        '## Background',
        '英伟达今天发布了新的推理芯片，这一举措将影响整个行业。',
        '| ⟦型号⟧ |\n| --- |',
      ],
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const result = (await response.json()) as {
      lines: { severity: string; text: string }[];
      rows: unknown[];
    };
    expect(result.rows).toEqual([
      { untranslated: 0 },
      { untranslated: 0, language: 'Chinese' },
      { untranslated: 1 },
    ]);
    expect(result.lines.map((l) => l.text).join('\n')).toMatch(
      /Body still holds source text to translate \(1 place\)/,
    );
    expect(result.lines.some((l) => l.text.includes('reads as Chinese'))).toBe(true);
  });

  it('refuses QA without the CSRF token, to a translator of another locale, signed out, or unbounded', async () => {
    expect((await askQa(translator, { body: 'x' }, { 'x-csrf-token': 'forged' })).status).toBe(403);
    const { browser: zhTranslator } = await signedInAs(t, 'translator', { locales: ['zh'] });
    expect((await askQa(zhTranslator, { body: 'x' })).status).toBe(403);
    const stranger = await t.get(`${page}/translation-qa`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect([401, 403]).toContain(stranger.status);
    expect((await askQa(translator, 'not json')).status).toBe(400);
    expect((await askQa(translator, { body: 'x' }, { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await askQa(translator, { rows: Array.from({ length: 2_001 }, () => 'x') })).status).toBe(422);
    expect((await askQa(translator, { body: 'x'.repeat(600 * 1024) })).status).toBe(413);
  });

  it('saves the scaffold as a draft, and no one can publish it while a placeholder is left', async () => {
    const html = (await translator.get(page)).text();
    const from = /name="translatedFromRevision" value="(\d+)"/.exec(await html)?.[1] ?? '';
    const saved = await translator.post(page, {
      title: 'Nvidia unveils the Rubin chip',
      slug: 'rubin',
      summary: 'Nvidia unveiled a new inference chip.',
      body: bodyField(translator.lastHtml).replace('## ⟦背景⟧', '## Background'),
      heroAlt: 'Server racks glowing blue in a data centre',
      translatedFromRevision: from,
      baseRevision: '',
      intent: 'save',
    });
    expect(saved.status).toBe(303);
    await editor.get(page);
    const refused = await editor.post(page, {
      title: 'Nvidia unveils the Rubin chip',
      slug: 'rubin',
      summary: 'Nvidia unveiled a new inference chip.',
      body: bodyField(editor.lastHtml),
      heroAlt: 'Server racks glowing blue in a data centre',
      baseRevision: /name="baseRevision" value="(\d+)"/.exec(editor.lastHtml)?.[1] ?? '',
      section: 'ai-models',
      entity: ['nvidia'],
      qaOverrideReason: 'Ship it anyway',
      intent: 'publish',
    });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('still holds source text to translate');
    const story = await findStory(t.database.db, storyId);
    expect(story?.variants.find((v) => v.locale === 'en')?.status).toBe('draft');
  });

  it('marks the source block changed since the translation, with the words that changed', async () => {
    const story = await findStory(t.database.db, storyId);
    const zh = story?.variants.find((v) => v.locale === 'zh');
    const section = (await listSections(t.database.db)).find((s) => s.id === story?.sectionId)?.key ?? '';
    await editor.get(`/admin/stories/${storyId}/zh`);
    const changed = await editor.post(`/admin/stories/${storyId}/zh`, {
      title: zh?.title ?? '',
      slug: zh?.slug ?? '',
      summary: zh?.summary ?? '',
      body: SOURCE_BODY.replace('新的推理芯片', '新一代推理芯片'),
      heroAlt: zh?.heroAlt ?? '',
      faqQuestion: zh?.faq.map((f) => f.question) ?? [],
      faqAnswer: zh?.faq.map((f) => f.answer) ?? [],
      section,
      entity: ['nvidia'],
      baseRevision: String(zh?.revision ?? ''),
      intent: 'save',
    });
    expect(changed.status).toBe(303);
    const html = await (await translator.get(page)).text();
    expect(html.match(/desk-row desk-row-changed/g)).toHaveLength(1);
    expect(html).toContain('英伟达今天发布了新<del>的</del><ins>一代</ins>推理芯片');
  });
});
