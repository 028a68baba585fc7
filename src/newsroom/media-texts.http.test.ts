import fs from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AdminClient } from '../../test/support/admin-client.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { buildStory } from '../../test/support/factories.js';
import { signedInAs } from '../../test/support/people.js';
import { photo } from '../../test/support/test-images.js';
import { findStory, findStoryIdBySlug, listMedia, listSections } from '../stories/index.js';

describe.each(DIALECTS)('media texts, search and the JSON upload on %s', (dialect) => {
  let t: TestApp;
  let editor: AdminClient;
  let mediaDir: string;
  const jpeg = async () => (await photo(900, 600)).jpeg({ quality: 85 }).toBuffer();
  const token = () => /name="_csrf" value="([^"]+)"/.exec(editor.lastHtml)?.[1] ?? '';

  const jsonUpload = async (client: AdminClient, bytes: Buffer, csrf: string, type = 'image/jpeg') => {
    const body = new FormData();
    body.set('file', new File([new Uint8Array(bytes)], 'pasted.jpg', { type }));
    body.set('locale', 'zh');
    if (csrf) body.set('_csrf', csrf);
    return client.request('/admin/media/upload', {
      method: 'POST',
      body,
      headers: { accept: 'application/json', origin: t.newsroom.deps.config.siteUrl },
    });
  };

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: 'stories', stories: [buildStory('one')] });
    mediaDir = t.newsroom.deps.mediaDir;
    ({ browser: editor } = await signedInAs(t, 'editor'));
  });
  afterAll(() => t.destroy());
  beforeEach(async () => {
    await t.database.db.updateTable('stories').set({ hero_media_id: null }).execute();
    await t.database.db.deleteFrom('media').execute();
    fs.rmSync(mediaDir, { recursive: true, force: true });
    await editor.get('/admin/media');
  });

  it('answers an upload that asks for JSON with the media record, and refuses a non-image, no token, a translator', async () => {
    const created = await jsonUpload(editor, await jpeg(), token());
    expect(created.status).toBe(201);
    const { media } = (await created.json()) as { media: Record<string, unknown> };
    const [row] = await listMedia(t.database.db);
    expect(media).toMatchObject({ id: row?.id, width: 900, height: 600, alt: '', credit: '' });
    // Not yet described: the picker names it by its file.
    expect(media.fileName).toBe(row?.fileName);
    expect(media.url).toBe(`/media/${row?.renditions.find((r) => r.width === 800)?.file}`);

    const refused = await jsonUpload(editor, Buffer.from('plain text, not an image'), token(), 'image/gif');
    expect(refused.status).toBe(415);
    expect(((await refused.json()) as { error: string }).error).toMatch(/not a JPEG, PNG/);

    expect((await jsonUpload(editor, await (await photo(400, 300)).png().toBuffer(), '')).status).toBe(403);
    const { browser: translator } = await signedInAs(t, 'translator', { locales: ['en'] });
    await translator.get('/admin');
    const fromTranslator = await jsonUpload(
      translator,
      await (await photo(400, 300)).png().toBuffer(),
      /name="_csrf" value="([^"]+)"/.exec(translator.lastHtml)?.[1] ?? '',
    );
    expect(fromTranslator.status).toBe(403);
    expect(await listMedia(t.database.db)).toHaveLength(1);
  });

  it('keeps alt text and credit per language; a story without its own alt uses the image’s, and its own wins', async () => {
    await editor.upload(
      '/admin/media/upload',
      { credit: 'Photo: Neutral' },
      { name: 'a.jpg', type: 'image/jpeg', bytes: await jpeg() },
    );
    const [media] = await listMedia(t.database.db);
    const id = media?.id ?? 0;
    await editor.get(`/admin/media/${id}`);
    expect(editor.lastHtml).toContain('name="alt_zh"');
    expect(editor.lastHtml).toContain('name="alt_en"');
    const tooLong = await editor.post(`/admin/media/${id}`, {
      credit: 'Photo: Neutral',
      alt_en: 'x'.repeat(501),
    });
    expect(tooLong.status).toBe(422);
    expect(editor.lastHtml).toContain('at most 500 characters');
    const saved = await editor.post(`/admin/media/${id}`, {
      credit: 'Photo: Neutral',
      alt_en: 'A rack of GPUs in a data centre',
      credit_en: '',
      alt_zh: '数据中心里的一排 GPU',
      credit_zh: '图片：新华社',
    });
    expect(saved.status).toBe(303);
    expect((await listMedia(t.database.db))[0]?.texts).toEqual({
      en: { alt: 'A rack of GPUs in a data centre', credit: '' },
      zh: { alt: '数据中心里的一排 GPU', credit: '图片：新华社' },
    });

    await t.database.db.updateTable('stories').set({ hero_media_id: id }).execute();
    await t.database.db
      .updateTable('story_variants')
      .set({ hero_alt: '' })
      .where('locale', '=', 'en')
      .execute();
    await t.site.contentChanged({ storyIds: [], sectionIds: [], entityIds: [] }, { taxonomy: true });
    const page = await (await t.get('/en/ai-models/one')).text();
    expect(page).toContain('alt="A rack of GPUs in a data centre"');
    expect(page).toContain('content="A rack of GPUs in a data centre"');
    // No English credit: the language-neutral one.
    expect(page).toContain('Photo: Neutral');

    await t.database.db
      .updateTable('story_variants')
      .set({ hero_alt: 'The story’s own words' })
      .where('locale', '=', 'en')
      .execute();
    await t.site.contentChanged({ storyIds: [], sectionIds: [], entityIds: [] }, { taxonomy: true });
    const overridden = await (await t.get('/en/ai-models/one')).text();
    expect(overridden).toContain('alt="The story’s own words"');
    expect(overridden).not.toContain('A rack of GPUs in a data centre');
  });

  it('saves and publishes a story whose hero alt is left to the image’s own, and refuses one with neither', async () => {
    await editor.upload(
      '/admin/media/upload',
      { credit: 'Photo: Neutral' },
      { name: 'b.jpg', type: 'image/jpeg', bytes: await jpeg() },
    );
    const id = (await listMedia(t.database.db))[0]?.id ?? 0;
    const story = await findStory(t.database.db, (await findStoryIdBySlug(t.database.db, 'en', 'one')) ?? 0);
    const variant = story?.variants.find((v) => v.locale === 'en');
    const section = (await listSections(t.database.db)).find((s) => s.id === story?.sectionId)?.key ?? '';
    const submit = async () => {
      const current = (await findStory(t.database.db, story?.id ?? 0))?.variants.find(
        (v) => v.locale === 'en',
      );
      await editor.get(`/admin/stories/${story?.id}/en`);
      return editor.post(`/admin/stories/${story?.id}/en`, {
        title: variant?.title ?? '',
        slug: variant?.slug ?? '',
        summary: variant?.summary ?? '',
        body: variant?.bodyMarkdown ?? '',
        heroAlt: '',
        heroMediaId: String(id),
        section,
        baseRevision: String(current?.revision ?? ''),
        intent: 'publish',
      });
    };
    // The image has no English alt yet: the form asks for one.
    expect((await submit()).status).toBe(422);
    expect(editor.lastHtml).toContain('Describe the hero image for readers who cannot see it.');
    await editor.get(`/admin/media/${id}`);
    await editor.post(`/admin/media/${id}`, {
      credit: 'Photo: Neutral',
      alt_en: 'A wafer held up to the light',
    });
    expect((await submit()).status).toBe(303);
    const published = (await findStory(t.database.db, story?.id ?? 0))?.variants.find(
      (v) => v.locale === 'en',
    );
    expect(published).toMatchObject({ heroAlt: '', status: 'published' });
    expect(await (await t.get(`/en/ai-models/${published?.slug}`)).text()).toContain(
      'alt="A wafer held up to the light"',
    );
  });

  it('searches by file name, alt text and credit, with a bounded query', async () => {
    await editor.upload(
      '/admin/media/upload',
      {},
      { name: 'a.jpg', type: 'image/jpeg', bytes: await jpeg() },
    );
    await editor.upload(
      '/admin/media/upload',
      { credit: 'Photo: Reuters' },
      { name: 'b.png', type: 'image/png', bytes: await (await photo(500, 400)).png().toBuffer() },
    );
    const [first, second] = await listMedia(t.database.db);
    await editor.get(`/admin/media/${first?.id}`);
    await editor.post(`/admin/media/${first?.id}`, { credit: '', alt_zh: '雪山上的日出', alt_en: 'Sunrise' });
    const hrefs = () =>
      [...editor.lastHtml.matchAll(/href="\/admin\/media\/(\d+)"/g)].map((m) => Number(m[1]));
    await editor.get(`/admin/media?q=${encodeURIComponent('雪山')}`);
    expect(hrefs()).toEqual([first?.id]);
    await editor.get('/admin/media?q=REUTERS');
    expect(hrefs()).toEqual([second?.id]);
    await editor.get(`/admin/media?q=${second?.fileName.slice(0, 10)}`);
    expect(hrefs()).toEqual([second?.id]);
    const long = await editor.get(`/admin/media?q=${'s'.repeat(5000)}`);
    expect(long.status).toBe(200);
    expect(editor.lastHtml).toContain(`value="${'s'.repeat(100)}"`);
    expect(editor.lastHtml).not.toContain('s'.repeat(101));
    const picker = await editor.request('/admin/media/picker.json?locale=zh&q=%E9%9B%AA');
    const answer = (await picker.json()) as { items: { id: number; alt: string }[] };
    expect(answer.items).toEqual([expect.objectContaining({ id: first?.id, alt: '雪山上的日出' })]);
  });
});
