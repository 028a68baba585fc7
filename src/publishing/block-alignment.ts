/**
 * A story body as its top-level blocks, each with the Markdown it was written as, and the
 * alignment of two such lists: the source's and the translation's for the translator's side by
 * side view, and the source's then and now for what changed since the translation was made.
 */
import { diffWordsWithSpace } from 'diff';
import type { Token } from 'markdown-it';
import { markdownTokens } from './markdown.js';

export type BlockKind = 'heading' | 'paragraph' | 'list' | 'quote' | 'table' | 'code' | 'rule';

export interface SourceBlock {
  kind: BlockKind;
  /** h1–h6 level for headings, 0 otherwise. */
  level: number;
  /** The block's Markdown exactly as written, no surrounding blank lines. */
  markdown: string;
}

const KIND_OF_OPEN: Record<string, BlockKind> = {
  heading_open: 'heading',
  paragraph_open: 'paragraph',
  bullet_list_open: 'list',
  ordered_list_open: 'list',
  blockquote_open: 'quote',
  table_open: 'table',
  fence: 'code',
  code_block: 'code',
  hr: 'rule',
};

function blockStart(token: Token): boolean {
  return (
    token.level === 0 && token.nesting !== -1 && token.map !== null && KIND_OF_OPEN[token.type] !== undefined
  );
}

/** The top-level blocks of a Markdown text, in order, each sliced from the lines it occupies. */
export function splitBlocks(markdown: string): SourceBlock[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  return markdownTokens(markdown)
    .filter(blockStart)
    .map((token) => {
      const [from, to] = token.map as [number, number];
      return {
        kind: KIND_OF_OPEN[token.type] as BlockKind,
        level: token.type === 'heading_open' ? Number(token.tag.slice(1)) : 0,
        markdown: lines.slice(from, to).join('\n').replace(/\s+$/, ''),
      };
    });
}

/** Blocks written back as one body: a blank line between each, empty blocks dropped. */
export function joinBlocks(blocks: readonly string[]): string {
  return blocks
    .map((block) => block.replace(/\s+$/, ''))
    .filter((block) => block.trim() !== '')
    .join('\n\n');
}

/** One row of an alignment: an index into each list, or undefined where that side has nothing. */
export type AlignedPair = [number | undefined, number | undefined];

/**
 * Pairs the items of two lists in order: a longest common subsequence of items that `match`,
 * with the unmatched runs between two matches paired up side by side. Quadratic in the number of
 * blocks, which a story keeps to a few hundred at most.
 */
export function alignSequences<A, B>(
  a: readonly A[],
  b: readonly B[],
  match: (x: A, y: B) => boolean,
): AlignedPair[] {
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = lcs[i] as number[];
      const below = lcs[i + 1] as number[];
      row[j] = match(a[i] as A, b[j] as B)
        ? (below[j + 1] as number) + 1
        : Math.max(below[j] as number, row[j + 1] as number);
    }
  }
  const pairs: AlignedPair[] = [];
  let pendingA: number[] = [];
  let pendingB: number[] = [];
  const flush = () => {
    for (let k = 0; k < Math.max(pendingA.length, pendingB.length); k++)
      pairs.push([pendingA[k], pendingB[k]]);
    pendingA = [];
    pendingB = [];
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (match(a[i] as A, b[j] as B) && lcs[i]?.[j] === (lcs[i + 1]?.[j + 1] ?? 0) + 1) {
      flush();
      pairs.push([i++, j++]);
    } else if ((lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0)) pendingA.push(i++);
    else pendingB.push(j++);
  }
  while (i < a.length) pendingA.push(i++);
  while (j < b.length) pendingB.push(j++);
  flush();
  return pairs;
}

/** Source and translation blocks side by side: paired by kind (and heading level), in order. */
export function alignTranslation(
  source: readonly SourceBlock[],
  translation: readonly SourceBlock[],
): AlignedPair[] {
  return alignSequences(source, translation, (s, t) => s.kind === t.kind && s.level === t.level);
}

export interface DiffPiece {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** What happened to one block of the current source since an older revision of it. */
export type BlockChange = { kind: 'unchanged' } | { kind: 'added' } | { kind: 'edited'; pieces: DiffPiece[] };

/**
 * For each block of the current source: unchanged since `before`, new, or edited (with a word
 * diff against the block it replaced). Blocks only in `before` were removed and are not listed.
 */
export function blockChanges(before: readonly SourceBlock[], now: readonly SourceBlock[]): BlockChange[] {
  const exact = alignSequences(before, now, (x, y) => x.markdown === y.markdown);
  const changes: BlockChange[] = now.map(() => ({ kind: 'unchanged' }));
  for (const [old, current] of exact) {
    if (current === undefined) continue;
    const was = old === undefined ? undefined : before[old];
    const is = now[current] as SourceBlock;
    if (was === undefined) changes[current] = { kind: 'added' };
    else if (was.markdown !== is.markdown) {
      changes[current] = {
        kind: 'edited',
        pieces: diffWordsWithSpace(was.markdown, is.markdown).map((part) => ({
          kind: part.added ? 'added' : part.removed ? 'removed' : 'same',
          text: part.value,
        })),
      };
    }
  }
  return changes;
}

/** A table block's cells as written (Markdown, `\|` kept escaped) and its delimiter row. */
export interface TableCells {
  rows: string[][];
  delimiter: string;
}

/** A row line's cells: split at each pipe not escaped by a backslash, outer pipes dropped. */
function rowCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (c === '\\' && i + 1 < line.length) {
      cell += c + line[++i];
    } else if (c === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  const trimmed = line.trim();
  if (trimmed.startsWith('|')) cells.shift();
  if (trimmed.endsWith('|') && !trimmed.endsWith('\\|')) cells.pop();
  return cells;
}

/**
 * The cells of a table block, or undefined when the split does not give the cells the site's
 * Markdown parser sees (a cell holding code with a pipe, say): such a table is edited as text.
 */
export function tableCells(markdown: string): TableCells | undefined {
  const lines = markdown.split('\n');
  const [header, delimiter, ...body] = lines;
  if (header === undefined || delimiter === undefined) return undefined;
  const rows = [header, ...body].map(rowCells);
  const parsed: number[] = [];
  for (const token of markdownTokens(markdown)) {
    if (token.type === 'tr_open') parsed.push(0);
    else if (token.type === 'th_open' || token.type === 'td_open')
      parsed[parsed.length - 1] = (parsed.at(-1) ?? 0) + 1;
  }
  const same = parsed.length === rows.length && rows.every((row, i) => row.length === parsed[i]);
  return same ? { rows, delimiter: delimiter.trim() } : undefined;
}
