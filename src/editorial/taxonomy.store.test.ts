import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allowAuditEntries, refuseAuditEntries } from '../../test/support/audit-faults.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/support/database.js';
import { buildStory, seedTaxonomy } from '../../test/support/factories.js';
import { addActor } from '../../test/support/staff.js';
import { type Actor, listAudit } from '../accounts/index.js';
import { findMediaById } from '../media/index.js';
import { LocalMediaStorage } from '../media/storage/local.js';
import type { Database } from '../platform/database/index.js';
import {
  findSiteSettings,
  findStory,
  findStoryIdBySlug,
  listEntities,
  listMedia,
  listSections,
} from '../stories/index.js';
import {
  deleteEntity,
  deleteSection,
  type EntityFields,
  InvalidFields,
  importStories,
  NotAllowed,
  type SectionFields,
  SectionInUse,
  saveEntity,
  saveSection,
  saveSettings,
  updateCredit,
  uploadMedia,
} from './index.js';

const now = new Date('2026-11-28T09:00:00Z');

const newSection: SectionFields = {
  key: 'policy',
  position: '',
  translations: {
    zh: { name: '政策', slug: '', description: '' },
    en: { name: 'Policy', slug: 'policy', description: 'Rules and regulators' },
  },
};

const newEntity: EntityFields = {
  slug: 'amd',
  kind: 'company',
  translations: {
    zh: { name: '超威', aliases: 'AMD', description: '' },
    en: { name: 'AMD', aliases: '', description: 'A chip maker.' },
  },
};

const auditActions = async (db: Kysely<Database>) =>
  (await listAudit(db, {}, { limit: 100, offset: 0 })).entries.map((e) => e.action);

describe.each(DIALECTS)('section, entity, settings and media writes on %s', (dialect) => {
  let database: TestDatabase;
  let editor: Actor;
  let owner: Actor;
  let author: Actor;

  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    await seedTaxonomy(database.db);
    owner = await addActor(database.db, 'owner@example.test', 'owner', now);
    editor = await addActor(database.db, 'editor@example.test', 'editor', now);
    author = await addActor(database.db, 'author@example.test', 'author', now);
  });
  afterEach(() => database.destroy());

  it('saves a section with its audit entry and names its pages in the outcome', async () => {
    const saved = await saveSection(database.db, editor, { fields: newSection }, now);
    const section = (await listSections(database.db)).find((s) => s.id === saved.id);
    expect(section).toMatchObject({ key: 'policy', position: 3 });
    expect(section?.translations.zh?.slug).toBe('政策');
    expect(saved.outcome).toEqual({
      change: { storyIds: [], sectionIds: [saved.id], entityIds: [] },
      events: [],
      reloadNames: true,
    });
    const [entry] = (await listAudit(database.db, {}, { limit: 1, offset: 0 })).entries;
    expect(entry).toMatchObject({ action: 'section.save', subjectId: saved.id, summary: 'policy' });
  });

  it('refuses a section to an author, and fields that break the rules, and fields that break the rules', async () => {
    await expect(saveSection(database.db, author, { fields: newSection }, now)).rejects.toBeInstanceOf(
      NotAllowed,
    );
    const taken = { ...newSection, key: 'chips' };
    const refused = await saveSection(database.db, editor, { fields: taken }, now).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(InvalidFields);
    expect((refused as InvalidFields).fields.key?.key).toBe('taxonomy.error.keyTaken');
    expect(await auditActions(database.db)).toEqual([]);
  });

  it('refuses to delete a section with stories, and deletes an empty one out of the navigation', async () => {
    await importStories(database.db, [buildStory('in-chips', { section: 'chips' })], { now });
    const chips = (await listSections(database.db)).find((s) => s.key === 'chips');
    await expect(deleteSection(database.db, editor, chips?.id ?? 0, now)).rejects.toBeInstanceOf(
      SectionInUse,
    );
    const aiModels = (await listSections(database.db)).find((s) => s.key === 'ai-models');
    const outcome = await deleteSection(database.db, editor, aiModels?.id ?? 0, now);
    expect(outcome.change?.sectionIds).toEqual([aiModels?.id]);
    expect((await listSections(database.db)).map((s) => s.key)).toEqual(['chips']);
    expect((await findSiteSettings(database.db))?.navigation).toEqual(['chips']);
    expect(await auditActions(database.db)).toEqual(['section.delete']);
  });

  it('saves and deletes an entity, dropping the pages of the stories it tagged', async () => {
    const saved = await saveEntity(database.db, editor, { fields: newEntity }, now);
    expect(
      (await listEntities(database.db)).find((e) => e.id === saved.id)?.translations.zh?.aliases,
    ).toEqual(['AMD']);
    await importStories(database.db, [buildStory('tagged', { entities: ['nvidia'] })], { now });
    const storyId = (await findStoryIdBySlug(database.db, 'zh', 'tagged')) as number;
    const nvidia = (await listEntities(database.db)).find((e) => e.slug === 'nvidia');
    const outcome = await deleteEntity(database.db, editor, nvidia?.id ?? 0, now);
    expect(outcome.change).toEqual({ storyIds: [storyId], sectionIds: [], entityIds: [nvidia?.id] });
    expect((await findStory(database.db, storyId))?.entityIds).toEqual([]);
    expect(await auditActions(database.db)).toEqual(['entity.delete', 'entity.save']);
  });

  it('saves the settings that changed, and writes nothing when none did', async () => {
    const before = await findSiteSettings(database.db);
    const fields = {
      locales: 'zh, en',
      defaultLocale: 'zh',
      name: { zh: '新站名', en: 'Test Site' },
      tagline: { zh: '人工智能新闻', en: 'AI news' },
      navigation: [
        { key: 'ai-models', checked: true, order: '2' },
        { key: 'chips', checked: true, order: '1' },
      ],
      fallbacks: { zh: 'en', en: 'zh' },
    };
    await expect(saveSettings(database.db, editor, fields, now)).rejects.toBeInstanceOf(NotAllowed);
    const saved = await saveSettings(database.db, owner, fields, now);
    expect(saved.changed).toEqual(['name', 'navigation']);
    expect(saved.outcome?.reloadNames).toBe(true);
    expect(await findSiteSettings(database.db)).toEqual({
      ...before,
      name: { zh: '新站名', en: 'Test Site' },
      navigation: ['chips', 'ai-models'],
    });
    expect((await saveSettings(database.db, owner, fields, now)).outcome).toBeNull();
    expect(await auditActions(database.db)).toEqual(['settings.save']);
  });

  describe('a failure after the write leaves neither the change nor its audit entry', () => {
    beforeEach(() => refuseAuditEntries(database.db, dialect));

    it('for a new section and an edited one', async () => {
      const before = await listSections(database.db);
      await expect(saveSection(database.db, editor, { fields: newSection }, now)).rejects.toThrow(
        /audit refused/,
      );
      const chips = before.find((s) => s.key === 'chips') as (typeof before)[number];
      const renamed: SectionFields = {
        key: 'chips',
        position: '9',
        translations: { zh: { name: '半导体', slug: 'chips', description: '' } },
      };
      await expect(saveSection(database.db, editor, { id: chips.id, fields: renamed }, now)).rejects.toThrow(
        /audit refused/,
      );
      await expect(deleteSection(database.db, editor, chips.id, now)).rejects.toThrow(/audit refused/);
      expect(await listSections(database.db)).toEqual(before);
    });

    it('for entities', async () => {
      const before = await listEntities(database.db);
      await expect(saveEntity(database.db, editor, { fields: newEntity }, now)).rejects.toThrow(
        /audit refused/,
      );
      await expect(deleteEntity(database.db, editor, before[0]?.id ?? 0, now)).rejects.toThrow(
        /audit refused/,
      );
      expect(await listEntities(database.db)).toEqual(before);
    });

    it('for the settings', async () => {
      const before = await findSiteSettings(database.db);
      const fields = {
        locales: 'zh, en',
        defaultLocale: 'en',
        name: { zh: '测试站', en: 'Test Site' },
        tagline: { zh: '', en: '' },
        navigation: [],
        fallbacks: {},
      };
      await expect(saveSettings(database.db, owner, fields, now)).rejects.toThrow(/audit refused/);
      expect(await findSiteSettings(database.db)).toEqual(before);
    });

    it('for an upload (its files go too) and a credit line', async () => {
      const mediaDir = path.join(database.dataDir, 'media');
      const bytes = await sharp({
        create: { width: 640, height: 480, channels: 3, background: '#1d4e89' },
      })
        .png()
        .toBuffer();
      const limits = { maxUploadBytes: 10 * 1024 * 1024, maxPixels: 40_000_000 };
      const upload = { bytes: new Uint8Array(bytes), credit: 'Photo: Test Agency', originalName: 'a.png' };
      await expect(
        uploadMedia(database.db, editor, { storage: new LocalMediaStorage(mediaDir), limits }, upload, now),
      ).rejects.toThrow(/audit refused/);
      expect(await listMedia(database.db)).toEqual([]);
      expect(fs.existsSync(mediaDir) ? fs.readdirSync(mediaDir) : []).toEqual([]);

      await allowAuditEntries(database.db, dialect);
      const { media } = await uploadMedia(
        database.db,
        editor,
        { storage: new LocalMediaStorage(mediaDir), limits },
        upload,
        now,
      );
      await refuseAuditEntries(database.db, dialect);
      await expect(
        updateCredit(database.db, editor, { id: media.id, credit: 'Photo: Someone Else' }, now),
      ).rejects.toThrow(/audit refused/);
      expect((await findMediaById(database.db, media.id))?.credit).toBe('Photo: Test Agency');
      expect(await auditActions(database.db)).toEqual(['media.upload']);
    });
  });
});
