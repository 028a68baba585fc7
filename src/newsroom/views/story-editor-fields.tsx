import type { Translator } from '../../platform/i18n.js';
import type { FaqRow, FormErrors, SourceRow } from '../story-forms.js';
import { MediaPicker, type PickerView } from './media-picker.js';
import type { Option } from './story-list.js';

// The repeated parts of the editor form. Rows are rearranged by submit buttons (`intent`), which
// the server handles, so the form works without JavaScript; admin.js does the same in place.

interface Labels {
  t: Translator;
  errors: FormErrors;
}

function RowInput(props: {
  id: string;
  name: string;
  label: string;
  value: string;
  error?: string | undefined;
  type?: string;
  multiline?: number;
  lang?: string | undefined;
}) {
  const common = {
    id: props.id,
    name: props.name,
    lang: props.lang,
    'aria-invalid': props.error ? 'true' : undefined,
    'aria-describedby': props.error ? `${props.id}_error` : undefined,
  };
  return (
    <div class={props.error ? 'field field-invalid' : 'field'}>
      <label for={props.id}>{props.label}</label>
      {props.multiline ? (
        <textarea {...common} rows={props.multiline}>
          {props.value}
        </textarea>
      ) : (
        <input {...common} type={props.type ?? 'text'} value={props.value} />
      )}
      {props.error ? (
        <p class="field-error" id={`${props.id}_error`}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

function FaqItem(props: Labels & { item: FaqRow; index: number; count: number; lang: string }) {
  const { t, index } = props;
  const n = String(index);
  const err = (field: string) => {
    const key = props.errors[`faq.${index}.${field}`];
    return key ? t(key) : undefined;
  };
  return (
    <li class="faq-item" data-faq-item>
      <RowInput
        id={`faq_${n}_question`}
        name="faqQuestion"
        label={t('stories.faq.question', { n: index + 1 })}
        value={props.item.question}
        error={err('question')}
        lang={props.lang}
      />
      <RowInput
        id={`faq_${n}_answer`}
        name="faqAnswer"
        label={t('stories.faq.answer', { n: index + 1 })}
        value={props.item.answer}
        error={err('answer')}
        multiline={3}
        lang={props.lang}
      />
      <div class="faq-item-actions">
        <button type="submit" name="intent" value={`faq-up:${n}`} data-faq-action="up" disabled={index === 0}>
          {t('stories.faq.up')}
        </button>
        <button
          type="submit"
          name="intent"
          value={`faq-down:${n}`}
          data-faq-action="down"
          disabled={index === props.count - 1}
        >
          {t('stories.faq.down')}
        </button>
        <button
          type="submit"
          name="intent"
          value={`faq-remove:${n}`}
          data-faq-action="remove"
          class="button-danger"
        >
          {t('stories.faq.remove')}
        </button>
      </div>
    </li>
  );
}

export function FaqFields(props: Labels & { faq: FaqRow[]; lang: string }) {
  const { t } = props;
  return (
    <fieldset data-faq>
      <legend>{t('stories.faq.legend')}</legend>
      <p class="field-hint">{t('stories.faq.hint')}</p>
      <ol class="faq-list" data-faq-list>
        {props.faq.map((item, index) => (
          <FaqItem {...props} item={item} index={index} count={props.faq.length} />
        ))}
      </ol>
      <template data-faq-template>
        <FaqItem
          {...props}
          item={{ question: '', answer: '' }}
          index={props.faq.length}
          count={props.faq.length + 1}
        />
      </template>
      <button type="submit" name="intent" value="faq-add" data-faq-action="add">
        {t('stories.faq.add')}
      </button>
    </fieldset>
  );
}

function SourceItem(props: Labels & { source: SourceRow; index: number }) {
  const { t, index: i, source } = props;
  const err = (field: string) => {
    const key = props.errors[`sources.${i}.${field}`];
    return key ? t(key) : undefined;
  };
  return (
    <li class="faq-item">
      <RowInput
        id={`source_${i}_url`}
        name="sourceUrl"
        type="url"
        label={t('stories.sources.url')}
        value={source.url}
        error={err('url')}
      />
      <RowInput
        id={`source_${i}_publisher`}
        name="sourcePublisher"
        label={t('stories.sources.publisher')}
        value={source.publisher}
        error={err('publisher')}
      />
      <RowInput
        id={`source_${i}_author`}
        name="sourceAuthor"
        label={t('stories.sources.author')}
        value={source.author}
        error={err('author')}
      />
      <RowInput
        id={`source_${i}_date`}
        name="sourceDate"
        type="date"
        label={t('stories.sources.date')}
        value={source.date}
        error={err('date')}
      />
      <button
        type="submit"
        name="intent"
        value={`source-remove:${i}`}
        class="button-danger"
        data-source-action="remove"
      >
        {t('stories.sources.remove')}
      </button>
    </li>
  );
}

/** Sources: editor.js adds and removes rows in place; without it the buttons go through the server. */
export function SourceFields(props: Labels & { sources: SourceRow[] }) {
  const { t } = props;
  // The fieldset around it (and its legend) is the caller's, so it can be disabled as one.
  return (
    <div class="source-fields" data-sources>
      <ol class="source-list" data-source-list>
        {props.sources.map((source, i) => (
          <SourceItem {...props} source={source} index={i} />
        ))}
      </ol>
      <template data-source-template>
        <SourceItem
          t={t}
          errors={{}}
          source={{ url: '', publisher: '', author: '', date: '' }}
          index={props.sources.length}
        />
      </template>
      <button type="submit" name="intent" value="source-add" data-source-action="add">
        {t('stories.sources.add')}
      </button>
    </div>
  );
}

export interface EntityChoice {
  slug: string;
  label: string;
  checked: boolean;
  /** Proposed by an author, waiting for an editor: hidden from readers until approved. */
  pending?: boolean;
}

export function EntityFields(
  props: Labels & {
    entities: EntityChoice[];
    suggestions: { slug: string; label: string; matched: string }[];
    entityAdd: string;
    datalist: Option[];
  },
) {
  const { t } = props;
  const addError = props.errors.entityAdd ? t(props.errors.entityAdd) : undefined;
  return (
    <fieldset data-entities>
      <legend>{t('stories.entities.legend')}</legend>
      <ul class="checkbox-list" data-entity-list>
        {props.entities.map((e) => (
          <li>
            <label>
              <input type="checkbox" name="entity" value={e.slug} checked={e.checked} /> {e.label}
              {e.pending ? <span class="badge badge-pending"> {t('stories.entities.pending')}</span> : null}
            </label>
          </li>
        ))}
      </ul>
      {props.suggestions.length > 0 ? (
        <div class="suggestions">
          <p class="field-label">{t('stories.entities.suggested')}</p>
          <ul class="checkbox-list">
            {props.suggestions.map((s) => (
              <li>
                <label class="chip">
                  <input type="checkbox" name="entity" value={s.slug} data-entity-suggestion /> {s.label}
                  <span class="muted"> · {t('stories.entities.found', { text: s.matched })}</span>
                </label>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div class={addError ? 'field field-invalid' : 'field'}>
        <label for="field_entityAdd">{t('stories.entities.add')}</label>
        <p class="field-hint" id="field_entityAdd_hint">
          {t('stories.entities.addHint')}
        </p>
        <input
          id="field_entityAdd"
          name="entityAdd"
          value={props.entityAdd}
          list="entity_names"
          autocomplete="off"
          aria-invalid={addError ? 'true' : undefined}
          aria-describedby={addError ? 'field_entityAdd_hint field_entityAdd_error' : 'field_entityAdd_hint'}
          data-entity-add
        />
        <datalist id="entity_names">
          {props.datalist.map((o) => (
            <option value={o.value} label={o.label} />
          ))}
        </datalist>
        {addError ? (
          <p class="field-error" id="field_entityAdd_error">
            {addError}
          </p>
        ) : null}
      </div>
      <p>
        <a href="/admin/entities">{t('stories.entities.manage')}</a>
      </p>
    </fieldset>
  );
}

export function HeroFields(props: Labels & { picker: PickerView; disabled: boolean; locale: string }) {
  const { t } = props;
  return (
    <fieldset disabled={props.disabled}>
      <legend>{t('stories.hero.legend')}</legend>
      <MediaPicker t={t} name="heroMediaId" picker={props.picker} locale={props.locale} />
      <p>
        <a href="/admin/media">{t('stories.hero.library')}</a>
      </p>
    </fieldset>
  );
}
