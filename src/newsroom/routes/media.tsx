import type { Context, Hono } from 'hono';
import {
  checkCredit,
  deliverNamesOutcome,
  InvalidFields,
  MAX_ALT_CHARS,
  MAX_CREDIT_CHARS,
  updateMediaTexts,
  uploadMedia,
} from '../../editorial/index.js';
import {
  findMediaById,
  listMediaLibrary,
  listStoryIdsUsingMedia,
  MAX_MEDIA_QUERY_CHARS,
  type MediaLibraryItem,
  MediaStorageError,
  mediaHref,
  smallestRendition,
  UploadRefused,
} from '../../media/index.js';
import { DomainError } from '../../platform/errors.js';
import { STATUS_BY_KIND } from '../../platform/http/errors.js';
import { languageName } from '../../platform/i18n.js';
import { findSiteSettings, type Media, mediaAlt } from '../../stories/index.js';
import { adminDateLabel, loadNewsroomZone, newsroomZone } from '../admin-time.js';
import type { NewsroomDeps } from '../deps.js';
import type { NewsroomEnv } from '../http/env.js';
import { requirePermission } from '../http/guard.js';
import { idParam, pageParam, pagerLinks } from '../http/params.js';
import { adminChrome, renderAdmin } from '../http/render.js';
import {
  MediaDetailPage,
  type MediaDetailView,
  type MediaItemView,
  MediaLibraryPage,
  type UploadFormView,
} from '../views/media-pages.js';
import { pickedMedia, wantsJson } from './media-json.js';

type C = Context<NewsroomEnv>;

const PAGE_SIZE = 48;

const creditError = (t: C['var']['t']) => t('media.error.creditTooLong', { max: MAX_CREDIT_CHARS });

function limitsOf(deps: NewsroomDeps) {
  return {
    maxMegabytes: Math.round((deps.config.MEDIA_MAX_UPLOAD_BYTES / 1_048_576) * 10) / 10,
    maxMegapixels: Math.round(deps.config.MEDIA_MAX_PIXELS / 100_000) / 10,
  };
}

/** `?q=`: what the library is searched for, cut to a bounded length. */
function queryParam(c: C): string {
  return (c.req.query('q') ?? '').trim().slice(0, MAX_MEDIA_QUERY_CHARS);
}

function itemView(deps: NewsroomDeps, item: MediaLibraryItem, locale: string, zone: string): MediaItemView {
  const thumb = smallestRendition(item);
  return {
    id: item.id,
    href: `/admin/media/${item.id}`,
    thumbnail: { src: mediaHref(deps.config, thumb.file), width: thumb.width, height: thumb.height },
    width: item.width,
    height: item.height,
    alt: mediaAlt(item, locale),
    credit: item.credit,
    usage: item.usage,
    uploadedLabel: adminDateLabel(item.createdAt, zone),
  };
}

async function renderLibrary(
  c: C,
  deps: NewsroomDeps,
  form: { credit: string; error?: string },
  status: 200 | 413 | 415 | 422 | 500 = 200,
): Promise<Response> {
  requirePermission(c, { action: 'media.upload' });
  const t = c.get('t');
  const { page, limit, offset } = pageParam(c, PAGE_SIZE);
  const query = queryParam(c);
  const [{ items, total }, zone] = await Promise.all([
    listMediaLibrary(deps.db, { limit, offset, query }),
    loadNewsroomZone(deps.db),
  ]);
  const totalPages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const chrome = adminChrome(c, deps, t('media.heading'));
  const upload: UploadFormView = {
    ...limitsOf(deps),
    credit: form.credit,
    ...(form.error ? { error: form.error } : {}),
  };
  const view = {
    t,
    csrfToken: chrome.csrfToken,
    items: items.map((item) => itemView(deps, item, t.locale, zone)),
    total,
    query,
    maxQueryChars: MAX_MEDIA_QUERY_CHARS,
    pager: { page, totalPages, ...pagerLinks('/admin/media', { q: query }, page, totalPages) },
    upload,
  };
  return renderAdmin(c, chrome, <MediaLibraryPage view={view} />, status);
}

async function renderDetail(
  c: C,
  deps: NewsroomDeps,
  media: Media,
  form: DetailForm,
  status: 200 | 422 = 200,
): Promise<Response> {
  const t = c.get('t');
  const [storyIds, settings] = await Promise.all([
    listStoryIdsUsingMedia(deps.db, media.id),
    findSiteSettings(deps.db),
  ]);
  const locales = settings?.locales ?? ['en'];
  const renditions = [...media.renditions].sort((a, b) => a.width - b.width);
  const preview = renditions.find((r) => r.width >= 800) ?? renditions.at(-1);
  const previewWidth = preview?.width ?? media.width;
  const chrome = adminChrome(c, deps, t('media.detail.heading', { id: media.id }));
  const view: MediaDetailView = {
    t,
    csrfToken: chrome.csrfToken,
    id: media.id,
    preview: {
      src: `/media/${preview?.file ?? media.fileName}`,
      srcset: renditions.map((r) => `/media/${r.file} ${r.width}w`).join(', '),
      width: previewWidth,
      height: Math.max(1, Math.round((previewWidth * media.height) / media.width)),
    },
    width: media.width,
    height: media.height,
    uploadedLabel: adminDateLabel(media.createdAt, newsroomZone(settings)),
    renditions: renditions.map((r) => ({
      width: r.width,
      webpHref: `/media/${r.file}`,
      ...(r.avif ? { avifHref: `/media/${r.avif}` } : {}),
    })),
    usedBy: storyIds.map((id) => ({ href: `/admin/stories/${id}`, label: t('media.detail.story', { id }) })),
    credit: form.credit,
    ...(form.error ? { error: form.error } : {}),
    texts: locales.map((locale) => ({
      locale,
      language: languageName(locale),
      alt: form.texts[locale]?.alt ?? '',
      credit: form.texts[locale]?.credit ?? '',
      ...(form.textErrors?.[locale] ? { error: form.textErrors[locale] } : {}),
    })),
  };
  return renderAdmin(c, chrome, <MediaDetailPage view={view} />, status);
}

interface DetailForm {
  credit: string;
  error?: string;
  texts: Partial<Record<string, { alt: string; credit: string }>>;
  textErrors?: Record<string, string>;
}

async function siteLocales(deps: NewsroomDeps): Promise<string[]> {
  return (await findSiteSettings(deps.db))?.locales ?? ['en'];
}

async function mediaOrThrow(deps: NewsroomDeps, id: number): Promise<Media> {
  const media = await findMediaById(deps.db, id);
  if (!media) throw new DomainError('not-found', `No image #${id} in the library.`);
  return media;
}

type UploadStatus = 413 | 415 | 422 | 500;

/**
 * Answers a refused upload: the library page with the message, or for the editor's script
 * (`Accept: application/json`) the message alone, in the person's language.
 */
function refuse(c: C, deps: NewsroomDeps, form: { credit: string; error: string }, status: UploadStatus) {
  if (wantsJson(c)) return c.json({ error: form.error }, status);
  return renderLibrary(c, deps, form, status);
}

/** The media library: the grid with search and upload, one image's page with its texts, the picker's data. */
export function mediaRoutes(app: Hono<NewsroomEnv>, deps: NewsroomDeps): void {
  app.get('/media', (c) => renderLibrary(c, deps, { credit: '' }));

  // The picker dialog's page of images, with texts in the story's language.
  app.get('/media/picker.json', async (c) => {
    requirePermission(c, { action: 'media.upload' });
    const locales = await siteLocales(deps);
    const asked = c.req.query('locale') ?? '';
    const locale = locales.includes(asked) ? asked : c.get('t').locale;
    const { page, limit, offset } = pageParam(c, PAGE_SIZE);
    const { items, total } = await listMediaLibrary(deps.db, { limit, offset, query: queryParam(c) });
    return c.json({
      items: items.map((item) => pickedMedia(deps, item, locale)),
      page,
      totalPages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    });
  });

  app.post('/media/upload', async (c) => {
    const actor = requirePermission(c, { action: 'media.upload' });
    const t = c.get('t');
    const body = await c.req.parseBody();
    const typedCredit = typeof body.credit === 'string' ? body.credit : '';
    let credit: string;
    try {
      credit = checkCredit(typedCredit);
    } catch (error) {
      if (!(error instanceof InvalidFields)) throw error;
      return refuse(c, deps, { credit: '', error: creditError(t) }, 422);
    }
    const file = body.file;
    // A form sent without choosing a file still has the part: an empty file without a name.
    if (!(file instanceof File) || (file.size === 0 && file.name === '')) {
      return refuse(c, deps, { credit, error: t('media.error.noFile') }, 422);
    }
    let uploaded: Awaited<ReturnType<typeof uploadMedia>>;
    try {
      uploaded = await uploadMedia(
        deps.db,
        actor,
        {
          storage: deps.mediaStorage,
          limits: {
            maxUploadBytes: deps.config.MEDIA_MAX_UPLOAD_BYTES,
            maxPixels: deps.config.MEDIA_MAX_PIXELS,
          },
        },
        { bytes: new Uint8Array(await file.arrayBuffer()), credit, originalName: file.name },
        deps.now(),
      );
    } catch (error) {
      // Nothing was kept (no row, no file): the editor is told, the operator finds the reason in the log.
      if (error instanceof MediaStorageError) {
        deps.log.error({ err: error, size: file.size }, 'media storage refused an upload');
        return refuse(c, deps, { credit, error: t('media.error.storage') }, 500);
      }
      if (!(error instanceof UploadRefused)) throw error;
      deps.log.info({ problem: error.problem, size: file.size }, 'upload refused');
      const status = STATUS_BY_KIND[error.kind] as 413 | 415 | 422;
      return refuse(c, deps, { credit, error: t(`media.error.${error.problem}`, error.values) }, status);
    }
    const { media, created, outcome } = uploaded;
    if (outcome) await deliverNamesOutcome(outcome, deps);
    if (wantsJson(c)) {
      const locale = typeof body.locale === 'string' ? body.locale : t.locale;
      return c.json({ media: pickedMedia(deps, media, locale), created }, created ? 201 : 200);
    }
    return c.redirect(`/admin/media/${media.id}?notice=${created ? 'uploaded' : 'saved'}`, 303);
  });

  // Where a browser lands when someone reloads the page after an upload was refused.
  app.get('/media/upload', (c) => c.redirect('/admin/media', 303));

  app.get('/media/:id', async (c) => {
    requirePermission(c, { action: 'media.upload' });
    const media = await mediaOrThrow(deps, idParam(c));
    return renderDetail(c, deps, media, { credit: media.credit, texts: media.texts ?? {} });
  });

  app.post('/media/:id', async (c) => {
    const actor = requirePermission(c, { action: 'media.upload' });
    const t = c.get('t');
    const id = idParam(c);
    const body = await c.req.parseBody();
    const field = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
    const credit = field('credit');
    const texts: Record<string, { alt: string; credit: string }> = {};
    for (const locale of await siteLocales(deps)) {
      texts[locale] = { alt: field(`alt_${locale}`), credit: field(`credit_${locale}`) };
    }
    try {
      const outcome = await updateMediaTexts(deps.db, actor, { id, credit, texts }, deps.now());
      if (outcome) await deliverNamesOutcome(outcome, deps);
    } catch (error) {
      if (!(error instanceof InvalidFields)) throw error;
      const textErrors: Record<string, string> = {};
      for (const [path, message] of Object.entries(error.fields)) {
        const locale = /^texts\.([^.]+)\./.exec(path)?.[1];
        if (locale)
          textErrors[locale] = t(message.key, {
            max: message.key.includes('alt') ? MAX_ALT_CHARS : MAX_CREDIT_CHARS,
          });
      }
      const media = await mediaOrThrow(deps, id);
      return renderDetail(
        c,
        deps,
        media,
        { credit, texts, textErrors, ...(error.fields.credit ? { error: creditError(t) } : {}) },
        422,
      );
    }
    return c.redirect(`/admin/media/${id}?notice=saved`, 303);
  });
}
