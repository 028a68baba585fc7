import type { Translator } from '../../platform/i18n.js';
import type { BlockChange, SourceBlock, TableCells } from '../../publishing/index.js';
import type { DeskRow, TranslationDeskView } from '../translation-desk-data.js';

// The translator's desk, side by side: each source block beside its translation. It is shown by
// translator.js only (hidden without JavaScript, where the body field alone does the job): its
// fields have no names, and the script writes their joined Markdown into the body field.

function kindLabel(t: Translator, block: Pick<SourceBlock, 'kind'> & { level?: number }): string {
  return block.kind === 'heading'
    ? t('translator.kind.heading', { level: block.level ?? 2 })
    : t(`translator.kind.${block.kind}`);
}

function Change({ t, change }: { t: Translator; change: BlockChange }) {
  if (change.kind === 'unchanged') return null;
  if (change.kind === 'added') return <p class="desk-change">{t('translator.desk.added')}</p>;
  return (
    <>
      <p class="desk-change">{t('translator.desk.changed')}</p>
      <div class="desk-diff">
        {change.pieces.map((piece) =>
          piece.kind === 'added' ? (
            <ins>{piece.text}</ins>
          ) : piece.kind === 'removed' ? (
            <del>{piece.text}</del>
          ) : (
            piece.text
          ),
        )}
      </div>
    </>
  );
}

function TableEditor(props: { t: Translator; table: TableCells; label: string; lang: string }) {
  const { t, table } = props;
  const [header = [], ...body] = table.rows;
  const cell = (value: string, row: number, column: number) => (
    // A textarea, not an input: a cell of a comparison table often holds a sentence that should wrap.
    <textarea
      rows={2}
      lang={props.lang}
      data-desk-cell
      aria-label={t('translator.desk.cellLabel', { row: row + 1, column: column + 1 })}
    >
      {value}
    </textarea>
  );
  return (
    <table class="desk-table" data-desk-table data-delimiter={table.delimiter}>
      <caption class="visually-hidden">{props.label}</caption>
      <thead>
        <tr data-desk-table-row>
          {header.map((value, column) => (
            <th scope="col">{cell(value, 0, column)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {body.map((row, r) => (
          <tr data-desk-table-row>
            {row.map((value, column) => (
              <td>{cell(value, r + 1, column)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Row({ t, view, row, n }: { t: Translator; view: TranslationDeskView; row: DeskRow; n: number }) {
  const changed = row.source && row.source.change.kind !== 'unchanged';
  const label = t('translator.desk.blockLabel', {
    n,
    kind: kindLabel(t, row.source?.block ?? row.translation),
    language: view.targetLabel,
  });
  const lines = Math.min(12, Math.max(2, Math.ceil(row.translation.markdown.length / 60) + 1));
  return (
    <li class={changed ? 'desk-row desk-row-changed' : 'desk-row'} data-desk-row>
      <div class="desk-source">
        <p class="desk-kind">
          {n}. {row.source ? kindLabel(t, row.source.block) : t('translator.desk.noSource')}
        </p>
        {row.source ? (
          <>
            <Change t={t} change={row.source.change} />
            <div class="desk-source-text" lang={view.sourceLang}>
              {row.source.block.markdown}
            </div>
            {row.source.entities.length > 0 ? (
              <div class="desk-entities">
                <p class="desk-entities-label">
                  {t('translator.entities.label', { language: view.targetLabel })}
                </p>
                <ul>
                  {row.source.entities.map((hint) => (
                    <li>
                      <span lang={view.sourceLang}>{hint.source}</span> →{' '}
                      <button
                        type="button"
                        class="button-small"
                        lang={view.targetLang}
                        data-desk-insert={hint.target}
                      >
                        {hint.target}
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </>
        ) : null}
      </div>
      <div class="desk-target">
        {row.translation.table ? (
          <TableEditor t={t} table={row.translation.table} label={label} lang={view.targetLang} />
        ) : (
          <textarea data-desk-block rows={lines} lang={view.targetLang} aria-label={label}>
            {row.translation.markdown}
          </textarea>
        )}
        <p class="desk-row-qa" data-desk-row-qa aria-live="polite" />
      </div>
    </li>
  );
}

export function TranslationDesk({ t, view }: { t: Translator; view: TranslationDeskView }) {
  return (
    <section
      class="translation-desk"
      aria-labelledby="translation_desk_heading"
      data-translation-desk
      data-qa-action={view.qaAction}
      data-out-of-sync={t('translator.desk.outOfSync')}
      data-untranslated={t('translator.qa.rowUntranslated')}
      data-language={t('translator.qa.rowLanguage', { language: '{language}', expected: view.targetLabel })}
      data-clean={t('stories.qa.clean')}
      data-more={t('translator.qa.more', { count: '{count}' })}
      hidden
    >
      <h2 id="translation_desk_heading">
        {t('translator.desk.heading', { source: view.sourceLabel, target: view.targetLabel })}
      </h2>
      <p class="field-hint">{t('translator.desk.hint', { source: view.sourceLabel })}</p>
      {view.hasChanges ? (
        <p class="notice notice-warning">
          {t('translator.desk.changedNotice', { source: view.sourceLabel })}
        </p>
      ) : null}
      <div class="desk-qa" data-desk-qa role="status" aria-live="polite" />
      <ol class="desk-rows">
        {view.rows.map((row, i) => (
          <Row t={t} view={view} row={row} n={i + 1} />
        ))}
      </ol>
    </section>
  );
}
