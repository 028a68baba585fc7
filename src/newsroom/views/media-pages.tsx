import type { Translator } from '../../platform/i18n.js';
import { CsrfField, Field } from './admin-layout.js';
import { Pager, type PagerView } from './pager.js';

/** One image in the library grid: resolved URLs and labels only. */
export interface MediaItemView {
  href: string;
  thumbnail: { src: string; width: number; height: number };
  width: number;
  height: number;
  credit: string;
  usage: number;
  uploadedLabel: string;
}

export interface UploadFormView {
  credit: string;
  error?: string;
  /** Limits as the form states them: “10 MB”, “40”. */
  maxMegabytes: number;
  maxMegapixels: number;
}

export interface MediaLibraryView {
  t: Translator;
  csrfToken: string | undefined;
  items: MediaItemView[];
  total: number;
  pager: PagerView;
  upload: UploadFormView;
}

const ACCEPT = 'image/jpeg,image/png,image/webp,image/avif,image/gif';

function UploadForm({ t, csrfToken, upload }: Pick<MediaLibraryView, 't' | 'csrfToken' | 'upload'>) {
  const describedBy = upload.error ? 'field_file_hint field_file_error' : 'field_file_hint';
  return (
    <form
      class="panel"
      method="post"
      action="/admin/media/upload"
      enctype="multipart/form-data"
      aria-labelledby="upload_heading"
    >
      <h2 id="upload_heading">{t('media.upload.heading')}</h2>
      <CsrfField token={csrfToken} />
      <div class={upload.error ? 'field field-invalid' : 'field'}>
        <label for="field_file">{t('media.field.file')}</label>
        <p class="field-hint" id="field_file_hint">
          {t('media.upload.hint', { megabytes: upload.maxMegabytes, megapixels: upload.maxMegapixels })}
        </p>
        <input
          id="field_file"
          type="file"
          name="file"
          accept={ACCEPT}
          required
          aria-invalid={upload.error ? 'true' : undefined}
          aria-describedby={describedBy}
        />
        {upload.error ? (
          <p class="field-error" id="field_file_error" role="alert">
            {upload.error}
          </p>
        ) : null}
      </div>
      <Field
        name="credit"
        label={t('media.field.credit')}
        hint={t('media.field.creditHint')}
        value={upload.credit}
      />
      <button type="submit" class="button button-primary">
        {t('media.upload.submit')}
      </button>
    </form>
  );
}

export function MediaLibraryPage({ view }: { view: MediaLibraryView }) {
  const { t } = view;
  return (
    <>
      <h1>{t('media.heading')}</h1>
      <UploadForm t={t} csrfToken={view.csrfToken} upload={view.upload} />
      <h2>{t('media.library.count', { count: view.total })}</h2>
      {view.items.length === 0 ? (
        <p class="muted">{t('media.library.empty')}</p>
      ) : (
        <ul class="media-grid">
          {view.items.map((item) => (
            <li class="media-item">
              <a href={item.href}>
                <img
                  src={item.thumbnail.src}
                  width={item.thumbnail.width}
                  height={item.thumbnail.height}
                  alt=""
                  loading="lazy"
                  decoding="async"
                />
                <span class="media-size">
                  {t('media.dimensions', { width: item.width, height: item.height })}
                </span>
              </a>
              <span class="media-credit">{item.credit || t('media.noCredit')}</span>
              <span class="muted">
                {t('media.usage', { count: item.usage })} · {item.uploadedLabel}
              </span>
            </li>
          ))}
        </ul>
      )}
      <Pager pager={view.pager} t={t} />
    </>
  );
}

export interface MediaDetailView {
  t: Translator;
  csrfToken: string | undefined;
  id: number;
  preview: { src: string; srcset: string; width: number; height: number };
  width: number;
  height: number;
  uploadedLabel: string;
  renditions: { width: number; webpHref: string; avifHref?: string }[];
  /** Stories showing the image as their hero, linked to their editor. */
  usedBy: { href: string; label: string }[];
  credit: string;
  error?: string;
}

export function MediaDetailPage({ view }: { view: MediaDetailView }) {
  const { t } = view;
  return (
    <>
      <p>
        <a href="/admin/media">{t('media.backToLibrary')}</a>
      </p>
      <h1>{t('media.detail.heading', { id: view.id })}</h1>
      <div class="media-detail">
        <img
          src={view.preview.src}
          srcset={view.preview.srcset}
          sizes="(min-width: 60em) 40rem, 100vw"
          width={view.preview.width}
          height={view.preview.height}
          alt=""
        />
        <div>
          <dl class="media-facts">
            <dt>{t('media.detail.original')}</dt>
            <dd>{t('media.dimensions', { width: view.width, height: view.height })}</dd>
            <dt>{t('media.detail.uploaded')}</dt>
            <dd>{view.uploadedLabel}</dd>
            <dt>{t('media.detail.renditions')}</dt>
            <dd>
              <ul class="plain-list">
                {view.renditions.map((r) => (
                  <li>
                    {t('media.detail.width', { width: r.width })}: <a href={r.webpHref}>WebP</a>
                    {r.avifHref ? (
                      <>
                        {' · '}
                        <a href={r.avifHref}>AVIF</a>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </dd>
            <dt>{t('media.detail.usedBy')}</dt>
            <dd>
              {view.usedBy.length === 0 ? (
                t('media.usage', { count: 0 })
              ) : (
                <ul class="plain-list">
                  {view.usedBy.map((story) => (
                    <li>
                      <a href={story.href}>{story.label}</a>
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </dl>
          <form method="post" action={`/admin/media/${view.id}`}>
            <CsrfField token={view.csrfToken} />
            <Field
              name="credit"
              label={t('media.field.credit')}
              hint={t('media.field.creditHint')}
              value={view.credit}
              error={view.error}
            />
            <button type="submit" class="button button-primary">
              {t('media.detail.save')}
            </button>
          </form>
        </div>
      </div>
    </>
  );
}
