import type { Translator } from '../../platform/i18n.js';

/** One image the picker offers: its thumbnail and its description in the story's language. */
export interface PickerImage {
  id: number;
  thumbnail: { src: string; width: number; height: number };
  /** The image's own alt text in the story's language; the file name stands in when it has none. */
  alt: string;
  fileName: string;
}

// Without JavaScript the picker is a list of radio buttons; the newest images and the chosen one
// keep the form short, and the library page is linked for the rest. The script (assets/media.js)
// adds a dialog with search, paging and upload.
const NEWEST_SHOWN = 24;

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
  images: PickerImage[];
  chosenId: string;
  /** The language whose alt text the script asks for (the variant's). */
  locale: string;
}) {
  const { t } = props;
  const chosen = props.images.find((image) => String(image.id) === props.chosenId);
  const shown = [...props.images].sort((a, b) => b.id - a.id).slice(0, NEWEST_SHOWN);
  if (chosen && !shown.includes(chosen)) shown.unshift(chosen);
  return (
    <div class="media-picker" data-media-picker data-locale={props.locale} data-strings={pickerStrings(t)}>
      <button type="button" class="button" data-media-picker-open hidden>
        {t('media.picker.button')}
      </button>
      {/* It scrolls, so it takes focus itself: keyboard users can scroll it even when its radios
          are disabled (a translator's view of the hero). */}
      <ul class="media-picker-list" tabindex={0} aria-label={t('media.picker.title')}>
        <li>
          <label class="media-choice">
            <input type="radio" name={props.name} value="" checked={!chosen} />
            <span>{t('media.picker.none')}</span>
          </label>
        </li>
        {shown.map((image) => (
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
      {chosen?.alt ? (
        <p class="field-hint" data-media-default-alt>
          {t('media.picker.defaultAlt', { alt: chosen.alt })}
        </p>
      ) : null}
    </div>
  );
}
