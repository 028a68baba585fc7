import type { Translator } from '../../platform/i18n.js';

/** One image the picker offers: its thumbnail and its description in the story's language. */
export interface PickerImage {
  id: number;
  thumbnail: { src: string; width: number; height: number };
  /** The image's own alt text in the story's language; the file name stands in when it has none. */
  alt: string;
  fileName: string;
}

/** One page of the picker: what the route found for the search and cursor it was asked for. */
export interface PickerView {
  /** The page, newest first; the chosen image leads when it is not on this page. */
  images: PickerImage[];
  chosenId: string;
  query: string;
  maxQueryChars: number;
  /** The last id on the page, when older images match. */
  olderFrom?: number;
  /** The first id on the page, when newer images match (the person paged back). */
  newerFrom?: number;
  /** The page asked for named no image (a changed link): the newest are shown instead. */
  badCursor?: boolean;
}

// Without JavaScript the picker is a list of radio buttons with a search box and older/newer
// buttons. They are submit buttons of the story form (`intent=media-…`): the server shows the
// editor again with everything typed so far and the page of images asked for, saving nothing,
// as the FAQ's and sources' row buttons do. The script (assets/media.js) hides them and adds a
// dialog with search, paging and upload.

const STRING_KEYS = [
  'title',
  'close',
  'choose',
  'upload',
  'uploading',
  'uploaded',
  'failed',
  'more',
  'none',
  'defaultAlt',
] as const;

/** The picker's messages, for the script, in the admin's language. */
function pickerStrings(t: Translator): string {
  // The placeholders stay as `{name}` for the script to fill in.
  const placeholders = { name: '{name}', reason: '{reason}', alt: '{alt}' };
  return JSON.stringify(
    Object.fromEntries([
      ...STRING_KEYS.map((key) => [key, t(`media.picker.${key}`, placeholders)]),
      ['search', t('media.search.label')],
    ]),
  );
}

export function MediaPicker(props: {
  t: Translator;
  name: string;
  picker: PickerView;
  /** The language whose alt text the script asks for (the variant's). */
  locale: string;
}) {
  const { t, picker } = props;
  const chosen = picker.images.find((image) => String(image.id) === picker.chosenId);
  return (
    <div class="media-picker" data-media-picker data-locale={props.locale} data-strings={pickerStrings(t)}>
      <button type="button" class="button" data-media-picker-open hidden>
        {t('media.picker.button')}
      </button>
      <div class="media-picker-search" data-media-picker-fallback>
        <label for="field_mediaQuery">{t('media.search.label')}</label>
        <input
          id="field_mediaQuery"
          type="search"
          name="mediaQuery"
          value={picker.query}
          maxlength={picker.maxQueryChars}
        />
        <button type="submit" name="intent" value="media-search" class="button">
          {t('media.search.submit')}
        </button>
      </div>
      {picker.badCursor ? (
        <p class="field-error" role="alert">
          {t('media.picker.badPage')}
        </p>
      ) : null}
      {picker.query !== '' && picker.images.every((image) => image === chosen) ? (
        <p role="status">{t('media.search.none', { query: picker.query })}</p>
      ) : null}
      <ul class="media-picker-list" tabindex={0} aria-label={t('media.picker.title')}>
        <li>
          <label class="media-choice">
            <input type="radio" name={props.name} value="" checked={!chosen} />
            <span>{t('media.picker.none')}</span>
          </label>
        </li>
        {picker.images.map((image) => (
          <li>
            <label class="media-choice">
              <input
                type="radio"
                name={props.name}
                value={String(image.id)}
                checked={image === chosen}
                data-default-alt={image.alt}
              />
              <img
                src={image.thumbnail.src}
                width={image.thumbnail.width}
                height={image.thumbnail.height}
                alt=""
                loading="lazy"
                decoding="async"
              />
              <span lang={image.alt ? props.locale : undefined}>{image.alt || image.fileName}</span>
            </label>
          </li>
        ))}
      </ul>
      {picker.newerFrom || picker.olderFrom ? (
        <p class="media-picker-pager" data-media-picker-fallback>
          {picker.newerFrom ? (
            <button type="submit" name="intent" value={`media-newer:${picker.newerFrom}`} class="button">
              {t('media.picker.newer')}
            </button>
          ) : null}
          {picker.olderFrom ? (
            <button type="submit" name="intent" value={`media-older:${picker.olderFrom}`} class="button">
              {t('media.picker.older')}
            </button>
          ) : null}
        </p>
      ) : null}
      {chosen?.alt ? (
        <p class="field-hint" data-media-default-alt>
          {t('media.picker.defaultAlt', { alt: chosen.alt })}
        </p>
      ) : null}
    </div>
  );
}
