import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminClient } from '../../test/support/admin-client.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { buildStory } from '../../test/support/factories.js';
import { signedInAs } from '../../test/support/people.js';
import { saveMediaTexts } from '../media/index.js';
import { findStory, insertMedia, listSections } from '../stories/index.js';

// The hero picker without JavaScript: its search box and older/newer buttons post the story form
// back to the editor, which answers with what was typed and the page of images asked for.

describe.each(DIALECTS)('the hero picker without JavaScript on %s', (dialect) => {
  let t: TestApp;
  let editor: AdminClient;
  let storyId: number;
  /** Media ids, oldest first. */
  const ids: number[] = [];

  beforeAll(async () => {
    t = await createTestApp(dialect, {
      seed: 'stories',
      stories: [buildStory('picker', { locales: ['en'] })],
    });
    const db = t.database.db;
    for (let n = 1; n <= 30; n += 1) {
      const name = `library-${String(n).padStart(2, '0')}`;
      const renditions = [{ width: 480, file: `${name}-480.webp` }];
      const id = await insertMedia(
        db,
        {
          fileName: `${name}.webp`,
          mimeType: 'image/webp',
          width: 1600,
          height: 900,
          renditions,
          credit: '',
        },
        new Date(Date.UTC(2026, 10, n)),
      );
      ids.push(id);
    }
    await saveMediaTexts(
      db,
      ids[2] as number,
      { en: { alt: 'Container cranes in a foggy harbour', credit: '' } },
      new Date(),
    );
    storyId = (await db.selectFrom('stories').select('id').executeTakeFirstOrThrow()).id;
    ({ browser: editor } = await signedInAs(t, 'editor'));
  });
  afterAll(() => t.destroy());

  const editorPath = () => `/admin/stories/${storyId}/en`;
  const radios = (html: string) =>
    [...html.matchAll(/name="heroMediaId" value="(\d+)"/g)].map((m) => Number(m[1]));
  const typedForm = async (changes: Record<string, string>) => {
    const story = await findStory(t.database.db, storyId);
    const variant = story?.variants[0];
    return {
      title: 'Typed but not saved',
      slug: variant?.slug ?? '',
      summary: variant?.summary ?? '',
      body: 'A body **typed** before paging.',
      heroAlt: '',
      heroMediaId: '',
      section: (await listSections(t.database.db)).find((s) => s.id === story?.sectionId)?.key ?? '',
      baseRevision: String(variant?.revision ?? ''),
      ...changes,
    };
  };
  const storedTitle = async () => (await findStory(t.database.db, storyId))?.variants[0]?.title;

  it('opens on the newest 24 images with a search box and an older-images button', async () => {
    const response = await editor.get(editorPath());
    expect(response.status).toBe(200);
    const html = editor.lastHtml;
    expect(radios(html)).toEqual(ids.slice(6).reverse());
    expect(html).toContain(
      '<input id="field_mediaQuery" type="search" name="mediaQuery" value="" maxlength="100"',
    );
    expect(html).toContain(`name="intent" value="media-older:${ids[6]}"`);
    expect(html).not.toContain('media-newer:');
  });

  it('pages to older images and back, keeping what was typed and saving nothing', async () => {
    await editor.get(editorPath());
    const title = await storedTitle();
    const older = await editor.post(editorPath(), await typedForm({ intent: `media-older:${ids[6]}` }));
    expect(older.status).toBe(200);
    expect(radios(editor.lastHtml)).toEqual(ids.slice(0, 6).reverse());
    expect(editor.lastHtml).toContain('value="Typed but not saved"');
    expect(editor.lastHtml).toContain('A body **typed** before paging.');
    expect(editor.lastHtml).toContain(`name="intent" value="media-newer:${ids[5]}"`);
    expect(editor.lastHtml).not.toContain('media-older:');
    expect(await storedTitle()).toBe(title);

    await editor.post(editorPath(), await typedForm({ intent: `media-newer:${ids[5]}` }));
    expect(radios(editor.lastHtml)).toEqual(ids.slice(6).reverse());
    expect(editor.lastHtml).not.toContain('media-newer:');
  });

  it('finds an older image by its description, and keeps the chosen one on any page', async () => {
    await editor.get(editorPath());
    const chosen = ids[29] as number;
    const found = await editor.post(
      editorPath(),
      await typedForm({
        intent: 'media-search',
        mediaQuery: '  foggy HARBOUR ',
        heroMediaId: String(chosen),
      }),
    );
    expect(found.status).toBe(200);
    expect(radios(editor.lastHtml)).toEqual([chosen, ids[2]]);
    expect(editor.lastHtml).toMatch(new RegExp(`name="heroMediaId" value="${chosen}" checked`));
    expect(editor.lastHtml).toContain('name="mediaQuery" value="foggy HARBOUR"');
    expect(editor.lastHtml).toContain('value="Typed but not saved"');

    await editor.post(
      editorPath(),
      await typedForm({ intent: 'media-search', mediaQuery: 'no such picture' }),
    );
    expect(radios(editor.lastHtml)).toEqual([]);
    expect(editor.lastHtml).toContain('No image matches “no such picture”.');
  });

  it('cuts a search to 100 characters, in a link or a form', async () => {
    const long = `library-1${'x'.repeat(5000)}`;
    const response = await editor.get(`${editorPath()}?mediaQuery=${long}`);
    expect(response.status).toBe(200);
    expect(editor.lastHtml).toContain(`name="mediaQuery" value="${long.slice(0, 100)}"`);
    await editor.post(editorPath(), await typedForm({ intent: 'media-search', mediaQuery: long }));
    expect(editor.lastHtml).toContain(`name="mediaQuery" value="${long.slice(0, 100)}"`);
  });

  it.each([
    ['a word', 'media-older:abc'],
    ['a negative id', 'media-older:-4'],
    ['an id past the integers', 'media-newer:99999999999'],
    ['nothing', 'media-older:'],
  ])('answers a page cursor of %s with a clear error, never a save', async (_, intent) => {
    await editor.get(editorPath());
    const title = await storedTitle();
    const response = await editor.post(editorPath(), await typedForm({ intent }));
    expect(response.status).toBe(422);
    expect(editor.lastHtml).toContain('That page of images does not exist');
    expect(editor.lastHtml).toContain('value="Typed but not saved"');
    expect(radios(editor.lastHtml)).toEqual(ids.slice(6).reverse());
    expect(await storedTitle()).toBe(title);
  });

  it('answers a forged cursor in a link with the same error', async () => {
    const response = await editor.get(`${editorPath()}?mediaBefore=1e3`);
    expect(response.status).toBe(422);
    expect(editor.lastHtml).toContain('That page of images does not exist');
    expect((await editor.get(`${editorPath()}?mediaBefore=${ids[6]}&mediaAfter=${ids[2]}`)).status).toBe(422);
    expect((await editor.get(`${editorPath()}?mediaBefore=${ids[6]}`)).status).toBe(200);
    expect(radios(editor.lastHtml)).toEqual(ids.slice(0, 6).reverse());
  });
});
