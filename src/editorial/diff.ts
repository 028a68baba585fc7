import { diffLines } from 'diff';
import type { FaqItem } from '../stories/index.js';

// Line diffs of a variant's text between two revisions, as plain data a view shows with <ins> and
// <del>. The diff itself is jsdiff's (Myers' algorithm); this only decides what is compared.

export type DiffField = 'title' | 'summary' | 'body' | 'faq';

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export interface FieldDiff {
  field: DiffField;
  changed: boolean;
  parts: DiffPart[];
}

export interface ComparableContent {
  title: string;
  summary: string;
  body: string;
  faq: FaqItem[];
}

/** The FAQ as text, one `Q:`/`A:` pair per paragraph, so moved or edited items show as lines. */
export function faqAsText(faq: FaqItem[]): string {
  return faq.map((item) => `Q: ${item.question}\nA: ${item.answer}`).join('\n\n');
}

// Every text ends with a newline before diffing, so that appending a line does not show the
// previous last line as changed too.
function asLines(text: string): string {
  const unix = text.replace(/\r\n?/g, '\n');
  return unix === '' || unix.endsWith('\n') ? unix : `${unix}\n`;
}

export function diffText(before: string, after: string): DiffPart[] {
  return diffLines(asLines(before), asLines(after)).map((change) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
    text: change.value,
  }));
}

/** Title, summary, body and FAQ compared line by line, in that order. */
export function diffContent(before: ComparableContent, after: ComparableContent): FieldDiff[] {
  const fields: [DiffField, string, string][] = [
    ['title', before.title, after.title],
    ['summary', before.summary, after.summary],
    ['body', before.body, after.body],
    ['faq', faqAsText(before.faq), faqAsText(after.faq)],
  ];
  return fields.map(([field, a, b]) => {
    const parts = diffText(a, b);
    return { field, changed: parts.some((p) => p.kind !== 'same'), parts };
  });
}
