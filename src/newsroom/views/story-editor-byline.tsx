import type { Translator } from '../../platform/i18n.js';
import { SelectField } from './form-controls.js';

/** The byline choices of the variant being edited (only editors and owners see them). */
export interface BylineChoiceView {
  authorId: string;
  translatorId: string;
  people: { value: string; label: string }[];
  /** A translation names its translator; the source variant has none. */
  showTranslator: boolean;
}

/** Who the variant credits: its writer and, for a translation, its translator. */
export function BylineFields({ t, view }: { t: Translator; view: BylineChoiceView }) {
  const options = [{ value: '', label: t('byline.organisation') }, ...view.people];
  return (
    <fieldset class="byline-fields">
      <legend>{t('byline.legend')}</legend>
      <SelectField name="bylineAuthor" label={t('byline.author')} value={view.authorId} options={options} />
      {view.showTranslator ? (
        <SelectField
          name="bylineTranslator"
          label={t('byline.translator')}
          value={view.translatorId}
          options={options}
        />
      ) : null}
    </fieldset>
  );
}
