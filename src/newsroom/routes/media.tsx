import type { Context, Hono } from 'hono';
import {
  checkCredit,
  deliverNamesOutcome,
  InvalidFields,
  MAX_CREDIT_CHARS,
  updateCredit,
  uploadMedia,
} from '../../editorial/index.js';
import {
  findMediaById,
  listMediaLibrary,
  listStoryIdsUsingMedia,
  type MediaLibraryItem,
  MediaStorageError,
  UploadRefused,
} from '../../media/index.js';
import { DomainError } from '../../platform/errors.js';
import { STATUS_BY_KIND } from '../../platform/http/errors.js';
import type { Media } from '../../stories/index.js';
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

type C = Context<NewsroomEnv>;

const PAGE_SIZE = 48;

const creditError = (t: C['var']['t']) => t('media.error.creditTooLong', { max: MAX_CREDIT_CHARS });

function limitsOf(deps: NewsroomDeps) {
  return {
    maxMegabytes: Math.round((deps.config.MEDIA_MAX_UPLOAD_BYTES / 1_048_576) * 10) / 10,
    maxMegapixels: Math.round(deps.config.MEDIA_MAX_PIXELS / 100_000) / 10,
  };
}

function uploadedLabel(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso));
}

function smallest(media: Media) {
  return [...media.renditions].sort((a, b) => a.width - b.width)[0];
}

function itemView(item: MediaLibraryItem, locale: string): MediaItemView {
  const thumb = smallest(item);
  const thumbWidth = thumb?.width ?? item.width;
  return {
    href: `/admin/media/${item.id}`,
    thumbnail: {
      src: `/media/${thumb?.file ?? item.fileName}`,
      width: thumbWidth,
      height: Math.max(1, Math.round((thumbWidth * item.height) / item.width)),
    },
    width: item.width,
    height: item.height,
    credit: item.credit,
    usage: item.usage,
    uploadedLabel: uploadedLabel(item.createdAt, locale),
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
  const { items, total } = await listMediaLibrary(deps.db, { limit, offset });
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
    items: items.map((item) => itemView(item, t.locale)),
    total,
    pager: { page, totalPages, ...pagerLinks('/admin/media', {}, page, totalPages) },
    upload,
  };
  return renderAdmin(c, chrome, <MediaLibraryPage view={view} />, status);
}

async function renderDetail(
  c: C,
  deps: NewsroomDeps,
  media: Media,
  form: { credit: string; error?: string },
  status: 200 | 422 = 200,
): Promise<Response> {
  const t = c.get('t');
  const storyIds = await listStoryIdsUsingMedia(deps.db, media.id);
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
    uploadedLabel: uploadedLabel(media.createdAt, t.locale),
    renditions: renditions.map((r) => ({
      width: r.width,
      webpHref: `/media/${r.file}`,
      ...(r.avif ? { avifHref: `/media/${r.avif}` } : {}),
    })),
    usedBy: storyIds.map((id) => ({ href: `/admin/stories/${id}`, label: t('media.detail.story', { id }) })),
    credit: form.credit,
    ...(form.error ? { error: form.error } : {}),
  };
  return renderAdmin(c, chrome, <MediaDetailPage view={view} />, status);
}

async function mediaOrThrow(deps: NewsroomDeps, id: number): Promise<Media> {
  const media = await findMediaById(deps.db, id);
  if (!media) throw new DomainError('not-found', `No image #${id} in the library.`);
  return media;
}

/** The media library: the grid with the upload form, and one image's page with its credit. */
export function mediaRoutes(app: Hono<NewsroomEnv>, deps: NewsroomDeps): void {
  app.get('/media', (c) => renderLibrary(c, deps, { credit: '' }));

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
      return renderLibrary(c, deps, { credit: '', error: creditError(t) }, 422);
    }
    const file = body.file;
    // A form sent without choosing a file still has the part: an empty file without a name.
    if (!(file instanceof File) || (file.size === 0 && file.name === '')) {
      return renderLibrary(c, deps, { credit, error: t('media.error.noFile') }, 422);
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
        return renderLibrary(c, deps, { credit, error: t('media.error.storage') }, 500);
      }
      if (!(error instanceof UploadRefused)) throw error;
      deps.log.info({ problem: error.problem, size: file.size }, 'upload refused');
      return renderLibrary(
        c,
        deps,
        { credit, error: t(`media.error.${error.problem}`, error.values) },
        STATUS_BY_KIND[error.kind] as 413 | 415 | 422,
      );
    }
    const { media, created, outcome } = uploaded;
    if (outcome) await deliverNamesOutcome(outcome, deps);
    return c.redirect(`/admin/media/${media.id}?notice=${created ? 'uploaded' : 'saved'}`, 303);
  });

  // Where a browser lands when someone reloads the page after an upload was refused.
  app.get('/media/upload', (c) => c.redirect('/admin/media', 303));

  app.get('/media/:id', async (c) => {
    requirePermission(c, { action: 'media.upload' });
    const media = await mediaOrThrow(deps, idParam(c));
    return renderDetail(c, deps, media, { credit: media.credit });
  });

  app.post('/media/:id', async (c) => {
    const actor = requirePermission(c, { action: 'media.upload' });
    const t = c.get('t');
    const id = idParam(c);
    const body = await c.req.parseBody();
    const credit = typeof body.credit === 'string' ? body.credit : '';
    try {
      const outcome = await updateCredit(deps.db, actor, { id, credit }, deps.now());
      if (outcome) await deliverNamesOutcome(outcome, deps);
    } catch (error) {
      if (!(error instanceof InvalidFields)) throw error;
      return renderDetail(c, deps, await mediaOrThrow(deps, id), { credit, error: creditError(t) }, 422);
    }
    return c.redirect(`/admin/media/${id}?notice=saved`, 303);
  });
}
