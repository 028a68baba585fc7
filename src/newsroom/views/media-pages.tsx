import type { Translator } from '../../platform/i18n.js';
import { CsrfField, Field } from './admin-layout.js';
import { Pager, type PagerView } from './pager.js';

/** One image in the library grid: resolved URLs and labels only. */
export interface MediaItemView {
  id: number;
  href: string;
  thumbnail: { src: string; width: number; height: number };
  width: number;
  height: number;
  /** The image's alt text in the admin's language ('' when it has none). */
  alt: string;
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
  query: string;
  maxQueryChars: number;
  pager: PagerView;
  upload: UploadFormView;
}

/** A GET form, so a search is a link that can be shared and works without JavaScript. */
function MediaSearchForm(props: { t: Translator; action: string; query: string; maxChars: number }) {
  const { t } = props;
  return (
    <form class="media-search" method="get" action={props.action}>
      <label for="media_q">{t('media.search.label')}</label>
      <input id="media_q" type="search" name="q" value={props.query} maxlength={props.maxChars} />
      <button type="submit" class="button">
        {t('media.search.submit')}
      </button>
    </form>
  );
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
      <MediaSearchForm t={t} action="/admin/media" query={view.query} maxChars={view.maxQueryChars} />
      {view.items.length === 0 ? (
        <p class="muted">
          {view.query ? t('media.search.none', { query: view.query }) : t('media.library.empty')}
        </p>
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
                <span class="media-alt">{item.alt || t('media.noAlt')}</span>
              </a>
              <span class="media-size">
                {t('media.dimensions', { width: item.width, height: item.height })}
              </span>
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
  /** Alt text and credit per site language, as stored or as just typed. */
  texts: { locale: string; language: string; alt: string; credit: string; error?: string }[];
}

function TextsFields({ view }: { view: MediaDetailView }) {
  const { t } = view;
  return (
    <>
      {view.texts.map((text) => (
        <fieldset class="media-texts" lang={text.locale}>
          <legend lang={t.locale}>{text.language}</legend>
          <Field
            name={`alt_${text.locale}`}
            label={t('media.field.alt', { language: text.language })}
            hint={t('media.field.altHint')}
            value={text.alt}
            multiline={2}
            lang={text.locale}
            error={text.error}
          />
          <Field
            name={`credit_${text.locale}`}
            label={t('media.field.localCredit', { language: text.language })}
            value={text.credit}
            lang={text.locale}
          />
        </fieldset>
      ))}
    </>
  );
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
            <TextsFields view={view} />
            <button type="submit" class="button button-primary">
              {t('media.detail.save')}
            </button>
          </form>
        </div>
      </div>
    </>
  );
}
