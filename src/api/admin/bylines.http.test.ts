import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRequest, staffToken } from '../../../test/support/api-client.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/database.js';
import { AdminStoryEnvelope, SavedVariantEnvelope } from './schemas.js';

const zhText = {
  title: '新芯片的署名测试',
  summary: '一篇用来检验署名字段的稿件，内容足够长以通过基本检查。',
  body: '## 背景\n\n这是一篇用于检验管理接口署名字段的稿件，正文足够长，能够通过保存时的基本检查。\n',
};
const enText = {
  title: 'A byline test for the new chip',
  summary: 'A story that checks the byline fields, long enough to pass the basic checks.',
  body: '## Background\n\nThis story exists to check the byline fields of the Admin API; its body is long enough for a save.\n',
};

describe.each(DIALECTS)('bylines through the Admin API on %s', (dialect) => {
  let t: TestApp;
  let editor: { token: string; userId: number };
  let author: { token: string; userId: number };
  let translator: { token: string; userId: number };
  let storyId: number;

  const admin = (path: string, token: string, init: { method?: string; body?: unknown } = {}) =>
    apiRequest(t, `/admin/v1${path}`, { token, ...init });
  const variantOf = async (locale: string) => {
    const { data } = AdminStoryEnvelope.parse(
      await (await admin(`/stories/${storyId}`, editor.token)).json(),
    );
    return data.variants.find((v) => v.locale === locale);
  };

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: 'stories', stories: [] });
    editor = await staffToken(t, 'editor');
    author = await staffToken(t, 'author');
    translator = await staffToken(t, 'translator', { locales: ['en'] });
    // The author's own story: they may edit its text, not name someone else on it.
    const created = await admin('/stories', author.token, {
      body: { section: 'chips', sourceLocale: 'zh', entities: [], sources: [], variant: zhText },
    });
    expect(created.status).toBe(201);
    storyId = AdminStoryEnvelope.parse(await created.json()).data.id;
    const translated = await admin(`/stories/${storyId}/variants/en`, editor.token, {
      method: 'PUT',
      body: enText,
    });
    expect(translated.status).toBe(200);
  });
  afterAll(() => t.destroy());

  it('reads each variant’s author and translator', async () => {
    const zh = await variantOf('zh');
    expect(zh).toHaveProperty('authorId');
    expect(zh?.translatorId).toBeNull();
  });

  it('lets an editor set the byline with PATCH and with PUT', async () => {
    const patched = await admin(`/stories/${storyId}/variants/en`, editor.token, {
      method: 'PATCH',
      body: { authorId: author.userId, translatorId: translator.userId },
    });
    expect(patched.status).toBe(200);
    const { data } = SavedVariantEnvelope.parse(await patched.json());
    expect(data.variants.find((v) => v.locale === 'en')).toMatchObject({
      authorId: author.userId,
      translatorId: translator.userId,
    });
    const put = await admin(`/stories/${storyId}/variants/en`, editor.token, {
      method: 'PUT',
      body: { ...enText, translatorId: null },
    });
    expect(put.status).toBe(200);
    // Left out keeps what is stored; null removes the credit.
    expect(await variantOf('en')).toMatchObject({ authorId: author.userId, translatorId: null });
  });

  it('refuses an author role naming someone, keeping the text of the same request unsaved', async () => {
    const before = await variantOf('zh');
    const refused = await admin(`/stories/${storyId}/variants/zh`, author.token, {
      method: 'PATCH',
      body: { title: '不该保存的标题', authorId: editor.userId },
    });
    expect(refused.status).toBe(403);
    expect(await variantOf('zh')).toEqual(before);
    // The same person may still change the text alone.
    const textOnly = await admin(`/stories/${storyId}/variants/zh`, author.token, {
      method: 'PATCH',
      body: { title: '作者自己改的标题' },
    });
    expect(textOnly.status).toBe(200);
  });

  it('answers 422 for an unknown person and for a translator on the source variant', async () => {
    const unknown = await admin(`/stories/${storyId}/variants/en`, editor.token, {
      method: 'PATCH',
      body: { authorId: 987654 },
    });
    expect(unknown.status).toBe(422);
    const onSource = await admin(`/stories/${storyId}/variants/zh`, editor.token, {
      method: 'PATCH',
      body: { translatorId: translator.userId },
    });
    expect(onSource.status).toBe(422);
    expect(await variantOf('zh')).toMatchObject({ translatorId: null });
    expect(await variantOf('en')).toMatchObject({ authorId: author.userId });
  });
});
