import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient } from '../../test/support/admin-client.js';
import { apiRequest, contentKey, staffToken } from '../../test/support/api-client.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { DIALECTS } from '../../test/support/database.js';
import { seedDeskFromFiles } from '../../test/support/desk-test-feeds.js';
import { buildStory } from '../../test/support/factories.js';
import { addActiveSubscribers, addPendingSubscriber } from '../../test/support/newsletter.js';
import { addPerson, signedInAs, TEST_PASSWORD } from '../../test/support/people.js';
import { photo } from '../../test/support/test-images.js';
import { type Actor, issueSetupToken, type User } from '../accounts/index.js';
import { issueApiKey } from '../api-keys/index.js';
import { ingestFeedDocument, listClusters } from '../desk/index.js';
import { createStory, importStories, submitForReview } from '../editorial/index.js';
import {
  findStory,
  insertProposedEntity,
  listEntities,
  listMedia,
  listSections,
  upsertEntity,
  upsertSection,
} from '../stories/index.js';
import { createWebhook, listDeliveries } from '../webhooks/index.js';

// The authorization matrix: every admin route and every API endpoint, tried by nobody and by each
// role, against a table of who the rule book (src/accounts/roles.ts) means to let through. The routes
// are read from the apps themselves, so a new route without a row here fails this test.

type Role = 'owner' | 'editor' | 'author' | 'translator';
type Who = 'none' | Role;
const ROLES: Role[] = ['owner', 'editor', 'author', 'translator'];
const EVERYONE: Who[] = ['none', ...ROLES];
const SIGNED_IN: Who[] = ROLES;
const STORY_VIEW: Who[] = ROLES;
const STORY_CREATE: Who[] = ['owner', 'editor', 'author'];
/** story.edit of a story nobody authored, in 'en' (the translator's locale). */
const EDIT_EN: Who[] = ['owner', 'editor', 'translator'];
const EDITORIAL: Who[] = ['owner', 'editor'];
const MEDIA: Who[] = ['owner', 'editor', 'author'];
const OWNER: Who[] = ['owner'];
/** desk.view; starting a story from it needs story.create too, which the same roles have. */
const DESK: Who[] = ['owner', 'editor', 'author'];

type Fields = Record<string, string | string[]>;
interface Built {
  path: string;
  body?: Fields | FormData;
}

interface AdminCase {
  /** Who may: they get a success (2xx, or a redirect that is not to the sign-in page). */
  allowed: Who[];
  /** Builds a concrete request; called afresh for every caller, so destructive ones get their own target. */
  build: (who: Who) => Promise<Built> | Built;
  /**
   * Set where a valid body is impractical or the outcome depends on state (the reason is the
   * value): allowed callers are then only required not to be refused (not 401/403).
   */
  lenient?: string;
  /** The caller's session ends with this request: use a session of its own. */
  endsSession?: boolean;
  /** A variant of the route (an intent) besides its main row. */
  label?: string;
}

interface ApiCase {
  /** Who may, of: none, content (a content key), and each role's staff token. */
  allowed: (Who | 'content')[];
  build: () => Promise<{ path: string; body?: unknown }> | { path: string; body?: unknown };
}

/** `/stories/:id{[0-9]+}/:locale{…}` → `/stories/:id/:locale`; asset names lose their hash. */
function routeKey(method: string, path: string): string {
  const plain = path
    .replace(/:(\w+)\{.*?\}(?=\/|$)/g, ':$1')
    .replace(/admin\.[0-9a-f]+\.(css|js)$/, 'admin.[hash].$1');
  return `${method} ${plain}`;
}

describe.each(DIALECTS)('authorization on %s', (dialect) => {
  let t: TestApp;
  const sessions = {} as Record<Who, { cookie: string; csrf: string; user?: User }>;
  const tokens = {} as Record<Who | 'content', string>;
  let storyId: number;
  let draftId: number;
  let authorsDraftId: number;
  let mediaId: number;
  let sectionId: number;
  let entityId: number;
  let webhookId: number;
  let deliveryId: number;
  let personId: number;
  let issueId: number;
  /** Clusters of the desk: one to triage, one to start a story from, one only looked at. */
  let clusterIds: number[] = [];
  let activeFeedId: number;
  let signInUser: User;
  let counter = 0;
  const next = () => {
    counter += 1;
    return counter;
  };
  let jpeg: Buffer;

  const cookieOf = (browser: AdminClient) =>
    [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ');

  const signIn = async (role: Role) => {
    const { browser, user } = await signedInAs(t, role, role === 'translator' ? { locales: ['en'] } : {});
    return { cookie: cookieOf(browser), csrf: browser.csrf, user };
  };
  const anonymous = async () => {
    const browser = new AdminClient(t);
    await browser.get('/admin/sign-in');
    return { cookie: cookieOf(browser), csrf: browser.csrf };
  };

  /** A published story in zh and en nobody authored (the seed's kind). */
  const freshStory = async (status: 'published' | 'draft' = 'published') => {
    const slug = `fresh-${next()}`;
    const variant = status === 'draft' ? { status: 'draft' as const, publishedAt: null } : {};
    const { storyIds } = await importStories(t.database.db, [buildStory(slug, { variant })], {
      now: new Date(),
    });
    return storyIds[0] as number;
  };

  /** The editor's form for a variant, as stored. */
  const editorForm = async (id: number, locale: string, intent: string): Promise<Fields> => {
    const story = await findStory(t.database.db, id);
    const variant = story?.variants.find((v) => v.locale === locale);
    const section = (await listSections(t.database.db)).find((s) => s.id === story?.sectionId);
    return {
      title: variant?.title ?? '',
      slug: variant?.slug ?? '',
      summary: variant?.summary ?? '',
      body: variant?.bodyMarkdown ?? '',
      heroAlt: variant?.heroAlt ?? '',
      faqQuestion: variant?.faq.map((f) => f.question) ?? [],
      faqAnswer: variant?.faq.map((f) => f.answer) ?? [],
      section: section?.key ?? '',
      entity: ['nvidia'],
      intent,
    };
  };

  const uploadBody = () => {
    const form = new FormData();
    form.append('credit', 'Photo: Wire');
    form.append('file', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'a.jpg');
    return form;
  };

  const section = (n: number, key = true): Fields => ({
    ...(key ? { key: `matrix-${n}` } : {}),
    position: '',
    'name.zh': `栏目${n}`,
    'slug.zh': `matrix-${n}`,
    'name.en': `Matrix ${n}`,
    'slug.en': `matrix-${n}`,
  });
  const entity = (n: number): Fields => ({
    slug: `matrix-entity-${n}`,
    kind: 'company',
    'name.zh': `公司${n}`,
    'name.en': `Company ${n}`,
  });
  const webhook = (): Fields => ({
    url: 'https://hooks.example.test/receive',
    events: 'story.published',
    active: 'on',
  });
  const freshWebhook = async () =>
    (
      await createWebhook(
        t.database.db,
        { url: 'https://hooks.example.test/x', events: ['story.published'] },
        new Date(),
      )
    ).id;
  const freshPerson = async () => (await addPerson(t, 'author')).id;
  const freshSection = async () => {
    const n = next();
    return upsertSection(
      t.database.db,
      {
        key: `doomed-${n}`,
        position: 90 + n,
        translations: { zh: { name: `待删${n}`, slug: `doomed-${n}`, description: '' } },
      },
      new Date(),
    );
  };
  const freshProposal = async () => {
    const n = next();
    return insertProposedEntity(
      t.database.db,
      { slug: `proposed-entity-${n}`, kind: 'topic', locale: 'zh', name: `提议${n}`, proposedBy: null },
      new Date(),
    );
  };

  const freshEntity = async () => {
    const n = next();
    return upsertEntity(
      t.database.db,
      {
        slug: `doomed-entity-${n}`,
        kind: 'topic',
        translations: { zh: { name: `待删${n}`, aliases: [], description: '' } },
      },
      new Date(),
    );
  };
  const feedBytes = new TextEncoder().encode(
    '<rss version="2.0"><channel><title>Matrix feed</title><item><title>Matrix item</title>' +
      '<link>https://feeds.example.test/item</link></item></channel></rss>',
  );
  // Taken in from a file: nothing is fetched. With an address (refused: a loopback port not
  // allowed), a refresh fails at once rather than reaching the network.
  const freshFeed = async (feedUrl?: string) =>
    (
      await ingestFeedDocument(t.newsroom.deps.desk, feedBytes, {
        name: `matrix-${next()}.xml`,
        ...(feedUrl ? { feedUrl } : {}),
      })
    ).feed.id;
  const opmlUpload = () => {
    const form = new FormData();
    const opml = `<opml version="2.0"><head><title>x</title></head><body><outline type="rss" text="Feed ${next()}" xmlUrl="https://feeds.example.test/${counter}.xml"/></body></opml>`;
    form.append('opml', new Blob([opml], { type: 'text/x-opml' }), 'list.opml');
    return form;
  };
  const subscribersUpload = () => {
    const form = new FormData();
    const csv = `email,locale,frequency,topics,consented_at\r\nmatrix-${next()}@example.test,en,weekly,,\r\n`;
    form.append('csv', new Blob([csv], { type: 'text/csv' }), 'list.csv');
    return form;
  };
  // One each time, so an allowed delete never leaves the next caller a 404.
  const freshSubscriber = async () =>
    (await addActiveSubscribers(t.database.db, 1, { prefix: `matrix-subscriber-${next()}` }))[0];
  const freshSetupToken = async () => issueSetupToken(t.database.db, await freshPerson(), new Date());

  // ─── The admin: registered route → who may, and a realistic request ────────────────────────
  const ADMIN: Record<string, AdminCase[]> = {
    'GET /assets/admin.[hash].css': [
      { allowed: EVERYONE, build: () => ({ path: t.newsroom.deps.assets.css.path.slice(6) }) },
    ],
    'GET /assets/admin.[hash].js': [
      { allowed: EVERYONE, build: () => ({ path: t.newsroom.deps.assets.js.path.slice(6) }) },
    ],
    'GET /sign-in': [{ allowed: EVERYONE, build: () => ({ path: '/sign-in' }) }],
    'POST /sign-in': [
      {
        allowed: EVERYONE,
        // Signing in replaces the browser's session.
        endsSession: true,
        build: () => ({
          path: '/sign-in',
          body: { email: signInUser.email, password: TEST_PASSWORD, next: '' },
        }),
      },
    ],
    'POST /sign-out': [
      { allowed: EVERYONE, endsSession: true, build: () => ({ path: '/sign-out', body: {} }) },
    ],
    'POST /sign-out-everywhere': [
      { allowed: SIGNED_IN, endsSession: true, build: () => ({ path: '/sign-out-everywhere', body: {} }) },
    ],
    'GET /setup/:token': [
      { allowed: EVERYONE, build: async () => ({ path: `/setup/${await freshSetupToken()}` }) },
    ],
    'POST /setup/:token': [
      {
        allowed: EVERYONE,
        endsSession: true,
        build: async () => ({
          path: `/setup/${await freshSetupToken()}`,
          body: { password: 'a new long passphrase', confirm: 'a new long passphrase' },
        }),
      },
    ],
    'GET /': [{ allowed: SIGNED_IN, build: () => ({ path: '' }) }],
    'GET /stories': [{ allowed: STORY_VIEW, build: () => ({ path: '/stories' }) }],
    'GET /stories/new': [{ allowed: STORY_CREATE, build: () => ({ path: '/stories/new' }) }],
    'POST /stories/new': [
      {
        allowed: STORY_CREATE,
        build: () => {
          const n = next();
          return {
            path: '/stories/new',
            body: {
              section: 'ai-models',
              sourceLocale: 'en',
              slug: `new-${n}`,
              title: `A new story number ${n}`,
              summary: 'A summary.',
              body: 'Some text.',
            },
          };
        },
      },
    ],
    'POST /stories/preview-markdown': [
      {
        allowed: STORY_VIEW,
        build: () => ({ path: '/stories/preview-markdown', body: { locale: 'en', body: '# Hi' } }),
      },
    ],
    'GET /stories/:id/revisions': [
      { allowed: STORY_VIEW, build: () => ({ path: `/stories/${storyId}/revisions?locale=en` }) },
    ],
    'GET /stories/:id/compare': [
      { allowed: STORY_VIEW, build: () => ({ path: `/stories/${storyId}/compare?locale=en&a=1&b=2` }) },
    ],
    'POST /stories/:id/revisions/restore': [
      {
        allowed: EDIT_EN,
        build: () => ({
          path: `/stories/${storyId}/revisions/restore`,
          body: { locale: 'en', revision: '1' },
        }),
      },
    ],
    'GET /stories/:id/delete': [
      { allowed: EDITORIAL, build: () => ({ path: `/stories/${storyId}/delete` }) },
    ],
    'POST /stories/:id/delete': [
      {
        allowed: EDITORIAL,
        build: async () => ({ path: `/stories/${await freshStory()}/delete`, body: { confirmed: 'yes' } }),
      },
    ],
    'GET /stories/:id': [{ allowed: STORY_VIEW, build: () => ({ path: `/stories/${storyId}` }) }],
    'GET /stories/:id/:locale': [
      { allowed: STORY_VIEW, build: () => ({ path: `/stories/${storyId}/en` }) },
      { label: 'zh tab', allowed: STORY_VIEW, build: () => ({ path: `/stories/${storyId}/zh` }) },
    ],
    'POST /stories/:id/:locale': [
      {
        label: 'save en',
        allowed: EDIT_EN,
        build: async () => ({
          path: `/stories/${storyId}/en`,
          body: await editorForm(storyId, 'en', 'save'),
        }),
      },
      {
        label: 'save zh',
        allowed: EDITORIAL,
        build: async () => ({
          path: `/stories/${draftId}/zh`,
          body: await editorForm(draftId, 'zh', 'save'),
        }),
      },
      {
        label: 'save an author’s own draft (and the translator’s locale)',
        allowed: ROLES,
        build: async () => ({
          path: `/stories/${authorsDraftId}/en`,
          body: await editorForm(authorsDraftId, 'en', 'save'),
        }),
      },
      {
        label: 'publish',
        allowed: EDITORIAL,
        build: async () => {
          const id = await freshStory('draft');
          return { path: `/stories/${id}/en`, body: await editorForm(id, 'en', 'publish') };
        },
      },
      {
        label: 'unpublish',
        allowed: EDITORIAL,
        build: async () => {
          const id = await freshStory();
          return { path: `/stories/${id}/en`, body: await editorForm(id, 'en', 'unpublish') };
        },
      },
    ],
    // A preview link shares an unpublished text outside: for those who may edit or publish it.
    'POST /stories/:id/:locale/preview-link': [
      {
        allowed: EDIT_EN,
        build: () => ({ path: `/stories/${storyId}/en/preview-link`, body: { hours: '1' } }),
      },
    ],
    'POST /stories/:id/:locale/translation-qa': [
      {
        allowed: EDIT_EN,
        lenient: 'the translator script sends JSON; this table sends a form, answered 415',
        build: () => ({ path: `/stories/${storyId}/en/translation-qa`, body: {} }),
      },
    ],
    'POST /stories/:id/:locale/autosave': [
      {
        allowed: EDIT_EN,
        lenient: 'the editor script sends JSON; this table sends a form, answered 422',
        build: () => ({ path: `/stories/${storyId}/en/autosave`, body: {} }),
      },
    ],
    // Drops only the caller's own autosave, so anyone who may open the editor may.
    'POST /stories/:id/:locale/autosave/discard': [
      { allowed: STORY_VIEW, build: () => ({ path: `/stories/${storyId}/en/autosave/discard`, body: {} }) },
    ],
    'GET /stories/link-search': [
      { allowed: STORY_VIEW, build: () => ({ path: '/stories/link-search?q=a&locale=en' }) },
    ],
    'POST /stories/:id/:locale/confirm-translation': [
      {
        allowed: EDIT_EN,
        lenient: 'answers 409 once the translation is current',
        build: () => ({ path: `/stories/${storyId}/en/confirm-translation`, body: {} }),
      },
    ],
    // Review: an author submits what they may edit; only editors and owners decide.
    'POST /stories/:id/:locale/review/submit': [
      {
        label: 'an author’s own draft (en: the translator’s locale too)',
        allowed: ROLES,
        build: async () => ({
          path: `/stories/${await authorsFreshDraft(false)}/en/review/submit`,
          body: {},
        }),
      },
      {
        label: 'a draft nobody authored',
        allowed: EDITORIAL,
        build: async () => ({ path: `/stories/${await freshStory('draft')}/zh/review/submit`, body: {} }),
      },
    ],
    'POST /stories/:id/:locale/review/send-back': [
      {
        allowed: EDITORIAL,
        build: async () => ({
          path: `/stories/${await authorsFreshDraft(true)}/en/review/send-back`,
          body: { note: 'Please cite the source of the second paragraph.' },
        }),
      },
    ],
    'POST /stories/:id/:locale/review/approve': [
      {
        allowed: EDITORIAL,
        build: async () => ({
          path: `/stories/${await authorsFreshDraft(true)}/en/review/approve`,
          body: {},
        }),
      },
    ],
    'GET /review': [{ allowed: EDITORIAL, build: () => ({ path: '/review' }) }],
    'POST /stories/:id/notes': [
      {
        allowed: STORY_VIEW,
        build: () => ({ path: `/stories/${storyId}/notes`, body: { body: 'Team note', back: 'en' } }),
      },
    ],
    'GET /notices': [{ allowed: STORY_VIEW, build: () => ({ path: '/notices' }) }],
    'POST /notices/read': [{ allowed: STORY_VIEW, build: () => ({ path: '/notices/read', body: {} }) }],
    'GET /media': [{ allowed: MEDIA, build: () => ({ path: '/media' }) }],
    'POST /media/upload': [{ allowed: MEDIA, build: () => ({ path: '/media/upload', body: uploadBody() }) }],
    // Only a redirect to the library (where a reload after a refused upload lands): nothing to show.
    'GET /media/upload': [{ allowed: EVERYONE, build: () => ({ path: '/media/upload' }) }],
    'GET /media/:id': [{ allowed: MEDIA, build: () => ({ path: `/media/${mediaId}` }) }],
    'GET /media/picker.json': [{ allowed: MEDIA, build: () => ({ path: '/media/picker.json?locale=en' }) }],
    'POST /media/:id': [
      { allowed: MEDIA, build: () => ({ path: `/media/${mediaId}`, body: { credit: 'Photo: Wire' } }) },
    ],
    'GET /sections': [{ allowed: EDITORIAL, build: () => ({ path: '/sections' }) }],
    'GET /sections/new': [{ allowed: EDITORIAL, build: () => ({ path: '/sections/new' }) }],
    'POST /sections': [{ allowed: EDITORIAL, build: () => ({ path: '/sections', body: section(next()) }) }],
    'GET /sections/:id': [{ allowed: EDITORIAL, build: () => ({ path: `/sections/${sectionId}` }) }],
    'POST /sections/:id': [
      { allowed: EDITORIAL, build: () => ({ path: `/sections/${sectionId}`, body: section(0, false) }) },
    ],
    'POST /sections/:id/delete': [
      {
        allowed: EDITORIAL,
        build: async () => ({ path: `/sections/${await freshSection()}/delete`, body: {} }),
      },
    ],
    'GET /entities': [{ allowed: EDITORIAL, build: () => ({ path: '/entities' }) }],
    'GET /entities/new': [{ allowed: EDITORIAL, build: () => ({ path: '/entities/new' }) }],
    'POST /entities': [{ allowed: EDITORIAL, build: () => ({ path: '/entities', body: entity(next()) }) }],
    'GET /entities/:id': [{ allowed: EDITORIAL, build: () => ({ path: `/entities/${entityId}` }) }],
    'POST /entities/:id': [
      { allowed: EDITORIAL, build: () => ({ path: `/entities/${entityId}`, body: entity(0) }) },
    ],
    'POST /entities/:id/delete': [
      {
        allowed: EDITORIAL,
        build: async () => ({ path: `/entities/${await freshEntity()}/delete`, body: {} }),
      },
    ],
    'GET /entity-proposals': [{ allowed: EDITORIAL, build: () => ({ path: '/entity-proposals' }) }],
    'POST /entity-proposals/:id/approve': [
      {
        allowed: EDITORIAL,
        build: async () => ({
          path: `/entity-proposals/${await freshProposal()}/approve`,
          body: { kind: 'company' },
        }),
      },
    ],
    'POST /entity-proposals/:id/merge': [
      {
        allowed: EDITORIAL,
        build: async () => ({
          path: `/entity-proposals/${await freshProposal()}/merge`,
          body: { into: 'nvidia' },
        }),
      },
    ],
    'POST /entity-proposals/:id/reject': [
      {
        allowed: EDITORIAL,
        build: async () => ({ path: `/entity-proposals/${await freshProposal()}/reject`, body: {} }),
      },
    ],
    'GET /settings': [{ allowed: OWNER, build: () => ({ path: '/settings' }) }],
    'POST /settings': [
      {
        allowed: OWNER,
        build: () => ({
          path: '/settings',
          body: { locales: 'zh, en', defaultLocale: 'zh', 'name.zh': '测试站', 'name.en': 'Velocity Test' },
        }),
      },
    ],
    'GET /people': [{ allowed: OWNER, build: () => ({ path: '/people' }) }],
    'POST /people': [
      {
        allowed: OWNER,
        build: () => ({ path: '/people', body: { email: `invited-${next()}@example.test`, role: 'author' } }),
      },
    ],
    'GET /people/:id': [{ allowed: OWNER, build: () => ({ path: `/people/${personId}` }) }],
    // A person's public profile: their own at /account, anyone's for editors and owners.
    'GET /people/:id/profile': [
      { allowed: EDITORIAL, build: () => ({ path: `/people/${personId}/profile` }) },
    ],
    'POST /people/:id/profile': [
      {
        allowed: EDITORIAL,
        build: () => ({
          path: `/people/${personId}/profile`,
          body: { slug: '', avatarMediaId: '' },
        }),
      },
    ],
    'GET /account': [{ allowed: SIGNED_IN, build: () => ({ path: '/account' }) }],
    'POST /account': [
      {
        allowed: SIGNED_IN,
        build: () => ({
          path: '/account',
          body: { slug: '', avatarMediaId: '', uiLocale: 'en' },
        }),
      },
    ],
    'POST /people/:id': [
      {
        allowed: OWNER,
        build: async () => ({
          path: `/people/${await freshPerson()}`,
          body: { displayName: 'Ada', role: 'author' },
        }),
      },
    ],
    'POST /people/:id/disable': [
      { allowed: OWNER, build: async () => ({ path: `/people/${await freshPerson()}/disable`, body: {} }) },
    ],
    'POST /people/:id/enable': [
      { allowed: OWNER, build: async () => ({ path: `/people/${await freshPerson()}/enable`, body: {} }) },
    ],
    'POST /people/:id/reset-link': [
      {
        allowed: OWNER,
        build: async () => ({ path: `/people/${await freshPerson()}/reset-link`, body: {} }),
      },
    ],
    'POST /people/:id/sign-out': [
      { allowed: OWNER, build: async () => ({ path: `/people/${await freshPerson()}/sign-out`, body: {} }) },
    ],
    'GET /audit': [{ allowed: EDITORIAL, build: () => ({ path: '/audit' }) }],
    'GET /api-keys': [{ allowed: OWNER, build: () => ({ path: '/api-keys' }) }],
    'POST /api-keys': [
      {
        allowed: OWNER,
        build: () => ({ path: '/api-keys', body: { name: 'Mobile app', kind: 'content', userId: '' } }),
      },
    ],
    'POST /api-keys/:id/revoke': [
      {
        allowed: OWNER,
        build: async () => {
          const issued = await issueApiKey(
            t.database.db,
            { kind: 'content', name: 'to revoke', userId: null, createdBy: null },
            new Date(),
          );
          return { path: `/api-keys/${issued.id}/revoke`, body: {} };
        },
      },
    ],
    'GET /webhooks': [{ allowed: OWNER, build: () => ({ path: '/webhooks' }) }],
    'POST /webhooks': [{ allowed: OWNER, build: () => ({ path: '/webhooks', body: webhook() }) }],
    'GET /webhooks/:id': [{ allowed: OWNER, build: () => ({ path: `/webhooks/${webhookId}` }) }],
    'POST /webhooks/:id': [
      { allowed: OWNER, build: () => ({ path: `/webhooks/${webhookId}`, body: webhook() }) },
    ],
    'POST /webhooks/:id/secret': [
      { allowed: OWNER, build: () => ({ path: `/webhooks/${webhookId}/secret`, body: {} }) },
    ],
    'POST /webhooks/:id/delete': [
      { allowed: OWNER, build: async () => ({ path: `/webhooks/${await freshWebhook()}/delete`, body: {} }) },
    ],
    'POST /webhooks/:id/deliveries/:deliveryId/retry': [
      {
        allowed: OWNER,
        build: () => ({ path: `/webhooks/${webhookId}/deliveries/${deliveryId}/retry`, body: {} }),
      },
    ],
    'GET /desk': [{ allowed: DESK, build: () => ({ path: '/desk?state=all' }) }],
    'GET /desk/:id': [{ allowed: DESK, build: () => ({ path: `/desk/${clusterIds[2]}` }) }],
    'POST /desk/:id/ignore': [
      { allowed: EDITORIAL, build: () => ({ path: `/desk/${clusterIds[0]}/ignore`, body: {} }) },
    ],
    'POST /desk/:id/snooze': [
      {
        allowed: EDITORIAL,
        build: () => ({ path: `/desk/${clusterIds[0]}/snooze`, body: { preset: '1d' } }),
      },
    ],
    'POST /desk/:id/reopen': [
      { allowed: EDITORIAL, build: () => ({ path: `/desk/${clusterIds[0]}/reopen`, body: {} }) },
    ],
    'GET /desk/:id/start': [{ allowed: DESK, build: () => ({ path: `/desk/${clusterIds[2]}/start` }) }],
    // The first allowed caller creates the story; the others are sent to it.
    'POST /desk/:id/start': [
      {
        allowed: DESK,
        build: () => ({
          path: `/desk/${clusterIds[1]}/start`,
          body: { locale: 'en', section: 'ai-models', title: `From the desk ${next()}` },
        }),
      },
    ],
    'GET /sources': [{ allowed: EDITORIAL, build: () => ({ path: '/sources' }) }],
    'POST /sources': [
      {
        allowed: EDITORIAL,
        lenient: 'following fetches the address: refused here (422) without reaching the network',
        build: () => ({ path: '/sources', body: { url: 'http://127.0.0.1:9/feed.xml', folder: '' } }),
      },
    ],
    'POST /sources/:id/refresh': [
      { allowed: EDITORIAL, build: () => ({ path: `/sources/${activeFeedId}/refresh`, body: {} }) },
    ],
    'POST /sources/:id/pause': [
      { allowed: EDITORIAL, build: () => ({ path: `/sources/${activeFeedId}/pause`, body: {} }) },
    ],
    'POST /sources/:id/resume': [
      { allowed: EDITORIAL, build: () => ({ path: `/sources/${activeFeedId}/resume`, body: {} }) },
    ],
    'GET /sources/:id/delete': [
      { allowed: EDITORIAL, build: () => ({ path: `/sources/${activeFeedId}/delete` }) },
    ],
    'POST /sources/:id/delete': [
      {
        allowed: EDITORIAL,
        build: async () => ({ path: `/sources/${await freshFeed()}/delete`, body: { confirmed: 'yes' } }),
      },
    ],
    'POST /sources/import': [
      { allowed: EDITORIAL, build: () => ({ path: '/sources/import', body: opmlUpload() }) },
    ],
    'GET /sources/export.opml': [{ allowed: EDITORIAL, build: () => ({ path: '/sources/export.opml' }) }],
    'GET /subscribers': [{ allowed: EDITORIAL, build: () => ({ path: '/subscribers?q=example' }) }],
    'GET /subscribers/export.csv': [
      { allowed: EDITORIAL, build: () => ({ path: '/subscribers/export.csv' }) },
    ],
    'POST /subscribers/import': [
      { allowed: EDITORIAL, build: () => ({ path: '/subscribers/import', body: subscribersUpload() }) },
    ],
    'GET /subscribers/:id/unsubscribe': [
      {
        allowed: EDITORIAL,
        build: async () => ({ path: `/subscribers/${await freshSubscriber()}/unsubscribe` }),
      },
    ],
    'POST /subscribers/:id/unsubscribe': [
      {
        allowed: EDITORIAL,
        build: async () => ({
          path: `/subscribers/${await freshSubscriber()}/unsubscribe`,
          body: { confirmed: 'yes' },
        }),
      },
    ],
    'POST /subscribers/:id/resend': [
      {
        allowed: EDITORIAL,
        build: async () => ({
          path: `/subscribers/${await addPendingSubscriber(t.database.db, `matrix-pending-${next()}@example.test`)}/resend`,
          body: {},
        }),
      },
    ],
    'GET /subscribers/:id/delete': [
      { allowed: EDITORIAL, build: async () => ({ path: `/subscribers/${await freshSubscriber()}/delete` }) },
    ],
    'POST /subscribers/:id/delete': [
      {
        allowed: EDITORIAL,
        build: async () => ({
          path: `/subscribers/${await freshSubscriber()}/delete`,
          body: { confirmed: 'yes' },
        }),
      },
    ],
    'GET /newsletter': [{ allowed: EDITORIAL, build: () => ({ path: '/newsletter' }) }],
    'GET /newsletter/counts.json': [
      { allowed: EDITORIAL, build: () => ({ path: `/newsletter/counts.json?ids=${issueId}` }) },
    ],
    'GET /newsletter/issues/:id': [
      { allowed: EDITORIAL, build: () => ({ path: `/newsletter/issues/${issueId}` }) },
    ],
    'GET /newsletter/issues/:id/preview.html': [
      { allowed: EDITORIAL, build: () => ({ path: `/newsletter/issues/${issueId}/preview.html` }) },
    ],
    'GET /newsletter/preview': [
      {
        allowed: EDITORIAL,
        build: () => ({ path: '/newsletter/preview?locale=en&frequency=weekly&days=14' }),
      },
    ],
    'GET /newsletter/preview.html': [
      {
        allowed: EDITORIAL,
        build: () => ({ path: '/newsletter/preview.html?locale=en&frequency=weekly&days=14' }),
      },
    ],
    // No SMTP here: the test goes to the outbox folder, which is a success all the same.
    'POST /newsletter/test-send': [
      {
        allowed: EDITORIAL,
        build: () => ({
          path: '/newsletter/test-send',
          body: { locale: 'en', frequency: 'weekly', days: '14', to: 'matrix-test@example.test' },
        }),
      },
    ],
    // A real send to a whole list: owners only.
    'POST /newsletter/send-now': [
      {
        allowed: OWNER,
        build: () => ({ path: '/newsletter/send-now', body: { locale: 'en', frequency: 'daily' } }),
      },
    ],
    'GET /newsletter/events': [
      { allowed: EDITORIAL, build: () => ({ path: '/newsletter/events?kind=hard_bounce&q=example' }) },
    ],
  };

  // ─── The APIs: documented operation → who may ────────────────────────────────────────────────
  const READERS: (Who | 'content')[] = ['content', ...ROLES];
  /** A new draft in en by the author, optionally already submitted for review. */
  const authorsFreshDraft = async (submitted: boolean) => {
    const author = sessions.author.user as User;
    const actor: Actor = { id: author.id, email: author.email, role: 'author', locales: [] };
    const { storyId: id } = await createStory(
      t.database.db,
      actor,
      { section: 'ai-models', sourceLocale: 'en', variant: en(next()) },
      { now: new Date() },
    );
    if (submitted)
      await submitForReview(t.database.db, actor, { storyId: id, locale: 'en' }, { now: new Date() });
    return id;
  };
  const en = (n: number) => ({
    title: `A translated headline number ${n}`,
    summary: 'Nvidia announced a data-centre inference chip that cuts power and cost noticeably.',
    body: '## Background\n\nNvidia released a new generation of inference chips today. Analysts expect it to lower the cost of deploying large models.\n',
  });
  const API: Record<string, ApiCase> = {
    'GET /content/v1/stories': { allowed: READERS, build: () => ({ path: '/content/v1/stories?locale=en' }) },
    'GET /content/v1/stories/{id}': {
      allowed: READERS,
      build: () => ({ path: `/content/v1/stories/${storyId}?locale=en` }),
    },
    'GET /content/v1/sections': {
      allowed: READERS,
      build: () => ({ path: '/content/v1/sections?locale=en' }),
    },
    'GET /content/v1/entities': {
      allowed: READERS,
      build: () => ({ path: '/content/v1/entities?locale=en' }),
    },
    'POST /admin/v1/stories': {
      allowed: STORY_CREATE,
      build: () => ({
        path: '/admin/v1/stories',
        body: { section: 'ai-models', sourceLocale: 'en', variant: en(next()) },
      }),
    },
    'GET /admin/v1/stories/{id}': {
      allowed: STORY_VIEW,
      build: () => ({ path: `/admin/v1/stories/${storyId}` }),
    },
    'PUT /admin/v1/stories/{id}/variants/{locale}': {
      allowed: EDIT_EN,
      build: () => ({ path: `/admin/v1/stories/${draftId}/variants/en`, body: en(next()) }),
    },
    'PATCH /admin/v1/stories/{id}/variants/{locale}': {
      allowed: EDIT_EN,
      build: () => ({
        path: `/admin/v1/stories/${draftId}/variants/en`,
        body: { summary: `Summary ${next()}.` },
      }),
    },
    'POST /admin/v1/stories/{id}/variants/{locale}/publish': {
      allowed: EDITORIAL,
      build: async () => ({
        path: `/admin/v1/stories/${await freshStory('draft')}/variants/en/publish`,
        body: {},
      }),
    },
    'POST /admin/v1/stories/{id}/variants/{locale}/schedule': {
      allowed: EDITORIAL,
      build: async () => ({
        path: `/admin/v1/stories/${await freshStory('draft')}/variants/en/schedule`,
        body: { publishAt: '2027-01-01T09:00:00Z' },
      }),
    },
    'POST /admin/v1/stories/{id}/variants/{locale}/unpublish': {
      allowed: EDITORIAL,
      build: async () => ({
        path: `/admin/v1/stories/${await freshStory()}/variants/en/unpublish`,
        body: {},
      }),
    },
    'GET /openapi.json': { allowed: ['none', 'content', ...ROLES], build: () => ({ path: '/openapi.json' }) },
  };

  beforeAll(async () => {
    t = await createTestApp(dialect, {
      seed: 'stories',
      stories: [
        buildStory('matrix-published'),
        buildStory('matrix-draft', { variant: { status: 'draft', publishedAt: null } }),
      ],
    });
    const stories = await t.database.db.selectFrom('stories').select('id').orderBy('id').execute();
    storyId = stories[0]?.id as number;
    draftId = stories[1]?.id as number;
    for (const role of ROLES) sessions[role] = await signIn(role);
    sessions.none = await anonymous();
    for (const role of ROLES) {
      tokens[role] = (await staffToken(t, role, role === 'translator' ? { locales: ['en'] } : {})).token;
    }
    tokens.content = await contentKey(t);
    tokens.none = '';
    signInUser = await addPerson(t, 'author');
    personId = (await addPerson(t, 'editor')).id;

    // A second revision of the published story's en variant, for compare and restore.
    const patched = await apiRequest(t, `/admin/v1/stories/${storyId}/variants/en`, {
      token: tokens.owner,
      method: 'PATCH',
      body: { summary: 'A second revision of the summary, for compare and restore.' },
    });
    expect(patched.status).toBe(200);
    const author = sessions.author.user as User;
    const actor: Actor = { id: author.id, email: author.email, role: 'author', locales: [] };
    authorsDraftId = (
      await createStory(
        t.database.db,
        actor,
        { section: 'ai-models', sourceLocale: 'en', variant: en(0) },
        { now: new Date() },
      )
    ).storyId;

    jpeg = await (await photo(900, 600)).jpeg().toBuffer();
    expect((await send('owner', 'POST', '/media/upload', uploadBody())).status).toBe(303);
    mediaId = (await listMedia(t.database.db))[0]?.id as number;
    expect((await send('owner', 'POST', '/sections', section(0))).status).toBe(303);
    sectionId = (await listSections(t.database.db)).find((s) => s.key === 'matrix-0')?.id as number;
    expect((await send('owner', 'POST', '/entities', entity(0))).status).toBe(303);
    entityId = (await listEntities(t.database.db)).find((e) => e.slug === 'matrix-entity-0')?.id as number;

    await seedDeskFromFiles(t.newsroom.deps.desk);
    const { clusters } = await listClusters(
      t.database.db,
      { state: 'open', limit: 3, offset: 0 },
      new Date(),
    );
    clusterIds = clusters.map((c) => c.id);
    expect(clusterIds).toHaveLength(3);
    activeFeedId = await freshFeed('http://127.0.0.1:9/matrix.xml');

    webhookId = await freshWebhook();
    const published = await apiRequest(t, `/admin/v1/stories/${draftId}/variants/zh/publish`, {
      token: tokens.owner,
      body: {},
    });
    expect(published.status).toBe(200);
    deliveryId = (await listDeliveries(t.database.db, webhookId, 10))[0]?.id as number;
    expect(deliveryId).toBeGreaterThan(0);

    // A planned digest issue of the published story, for the newsletter's issue pages.
    await addActiveSubscribers(t.database.db, 2, { locale: 'en', frequency: 'daily' });
    const planned = await t.newsletter.admin.planRun({
      frequency: 'daily',
      locale: 'en',
      slot: '2026-11-21',
      kind: 'scheduled',
      dueAt: new Date('2026-11-21T00:00:00Z'),
    });
    issueId = planned.issues[0]?.id as number;
    expect(planned.issues[0]?.state).toBe('sending');
  }, 60_000);
  afterAll(() => t.destroy());

  async function send(
    who: Who,
    method: string,
    path: string,
    body?: Fields | FormData,
    options: { csrf?: boolean; session?: { cookie: string; csrf: string } } = {},
  ): Promise<Response> {
    const session = options.session ?? sessions[who];
    const headers: Record<string, string> = {};
    if (session.cookie) headers.cookie = session.cookie;
    let payload: BodyInit | undefined;
    if (body instanceof FormData) {
      if (options.csrf !== false) body.set('_csrf', session.csrf);
      payload = body;
    } else if (body) {
      const form = new URLSearchParams();
      if (options.csrf !== false) form.set('_csrf', session.csrf);
      for (const [name, value] of Object.entries(body)) {
        for (const item of Array.isArray(value) ? value : [value]) form.append(name, item);
      }
      payload = form;
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    return t.get(`/admin${path}`, { method, headers, body: payload, redirect: 'manual' });
  }

  const registeredAdminRoutes = () =>
    (t.newsroom.surface.app as Hono).routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => routeKey(r.method, r.path));

  const documentedApiRoutes = async () => {
    const document = (await (await apiRequest(t, '/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    return Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
  };

  it('has a row for every registered admin route and every documented API operation, and no stale row', async () => {
    const admin = [...new Set(registeredAdminRoutes())].sort();
    expect(Object.keys(ADMIN).sort()).toEqual(admin);
    const api = (await documentedApiRoutes()).sort();
    expect(Object.keys(API).sort()).toEqual(api);
    // The API routes what it documents: the Hono app registers the same operations.
    expect(api.length).toBeGreaterThan(10);
  });

  const isSignInRedirect = (response: Response) =>
    response.status === 303 && (response.headers.get('location') ?? '').startsWith('/admin/sign-in');

  it('lets through exactly whom the rule book allows on every admin route', async () => {
    const mismatches: string[] = [];
    let tried = 0;
    for (const [route, cases] of Object.entries(ADMIN)) {
      const method = route.split(' ')[0] as string;
      for (const spec of cases) {
        const name = spec.label ? `${route} (${spec.label})` : route;
        // Refusals first, so an allowed caller's change cannot make a refusal look right.
        const order = [...EVERYONE].sort(
          (a, b) => Number(spec.allowed.includes(a)) - Number(spec.allowed.includes(b)),
        );
        for (const who of order) {
          const { path, body } = await spec.build(who);
          const session = spec.endsSession
            ? who === 'none'
              ? await anonymous()
              : await signIn(who)
            : undefined;
          const response = await send(who, method, path, body, session ? { session } : {});
          tried += 1;
          const status = response.status;
          const location = response.headers.get('location') ?? '';
          let ok: boolean;
          if (spec.allowed.includes(who)) {
            const refused =
              status === 401 || status === 403 || (isSignInRedirect(response) && !spec.endsSession);
            ok = spec.lenient ? !refused && status < 500 : !refused && status >= 200 && status < 400;
          } else if (who === 'none') {
            ok = method === 'GET' ? isSignInRedirect(response) : status === 401 || isSignInRedirect(response);
          } else {
            ok = status === 403;
          }
          if (!ok) mismatches.push(`${name} as ${who}: ${status} ${location}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(tried).toBeGreaterThan(300);
  }, 120_000);

  it('refuses every state-changing admin request without the CSRF token, even the owner’s', async () => {
    const accepted: string[] = [];
    for (const [route, cases] of Object.entries(ADMIN)) {
      const method = route.split(' ')[0] as string;
      if (method === 'GET') continue;
      for (const spec of cases) {
        const { path, body } = await spec.build('owner');
        const session = spec.endsSession ? await signIn('owner') : undefined;
        const response = await send('owner', method, path, body ?? {}, {
          csrf: false,
          ...(session ? { session } : {}),
        });
        if (response.status !== 403)
          accepted.push(`${route}${spec.label ? ` (${spec.label})` : ''}: ${response.status}`);
      }
    }
    expect(accepted).toEqual([]);
    // Still signed in: the refused sign-out ended nothing.
    expect((await send('owner', 'GET', '/stories')).status).toBe(200);
  }, 60_000);

  it('lets through exactly whom the rule book allows on every API operation', async () => {
    const mismatches: string[] = [];
    const callers: (Who | 'content')[] = ['none', 'content', ...ROLES];
    for (const [operation, spec] of Object.entries(API)) {
      const [method = 'GET'] = operation.split(' ');
      const order = [...callers].sort(
        (a, b) => Number(spec.allowed.includes(a)) - Number(spec.allowed.includes(b)),
      );
      for (const who of order) {
        const { path, body } = await spec.build();
        const response = await apiRequest(t, path, {
          method,
          ...(body !== undefined ? { body } : {}),
          ...(tokens[who] ? { token: tokens[who] } : {}),
        });
        const status = response.status;
        const expected = spec.allowed.includes(who)
          ? status >= 200 && status < 300
          : status === (who === 'none' ? 401 : 403);
        if (!expected)
          mismatches.push(`${operation} as ${who}: ${status} ${(await response.text()).slice(0, 200)}`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 60_000);
});
