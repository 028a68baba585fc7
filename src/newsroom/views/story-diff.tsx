import type { FieldDiff } from '../../editorial/index.js';
import type { Translator } from '../../platform/i18n.js';

/** Line diffs as <del>/<ins> inside <pre>; unchanged fields are listed as such. */
export function DiffFields(props: {
  t: Translator;
  fields: FieldDiff[];
  lang?: string | undefined;
  level: 2 | 3;
}) {
  const { t, fields, lang } = props;
  const changed = fields.filter((f) => f.changed);
  const Heading = props.level === 2 ? 'h2' : 'h3';
  return (
    <div class="diff">
      {changed.length === 0 ? <p class="muted">{t('stories.diff.none')}</p> : null}
      {changed.map((field) => (
        <section>
          <Heading>{t(`stories.diff.field.${field.field}`)}</Heading>
          <pre lang={lang}>
            {field.parts.map((part) =>
              part.kind === 'added' ? (
                <ins>{part.text}</ins>
              ) : part.kind === 'removed' ? (
                <del>{part.text}</del>
              ) : (
                part.text
              ),
            )}
          </pre>
        </section>
      ))}
      {fields.some((f) => !f.changed) && changed.length > 0 ? (
        <p class="muted">
          {t('stories.diff.unchanged', {
            fields: fields
              .filter((f) => !f.changed)
              .map((f) => t(`stories.diff.field.${f.field}`))
              .join(t('stories.diff.separator')),
          })}
        </p>
      ) : null}
    </div>
  );
}
