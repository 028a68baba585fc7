/**
 * A new translation's first draft: the source Markdown's shape (headings at their level, lists
 * with their items, tables with every cell, images with their URLs) with each piece of text to
 * translate wrapped in a placeholder, `⟦source text⟧`. The brackets (U+27E6, U+27E7) are never
 * typed by accident in tech copy, so the language QA refuses to publish a text still holding one.
 *
 * Built from markdown-it's token stream of the site's own setup, never from patterns over the
 * Markdown, so that what counts as a heading or a table cell is what the site renders as one.
 */
import type { Token } from 'markdown-it';
import { markdownTokens } from './markdown.js';

const PLACEHOLDER_OPEN = '⟦';
const PLACEHOLDER_CLOSE = '⟧';

/** Turns a `story:` reference of the source into the one to write in the translation. */
export type StoryLinkRewrite = (reference: string) => string | undefined;

export interface ScaffoldOptions {
  /** The reference to the same story in the target language, or undefined to keep the source's. */
  rewriteStoryLink?: StoryLinkRewrite;
}

/** `text` marked as still to translate; blank text stays blank (nothing to translate). */
export function placeholder(text: string): string {
  return text.trim() === '' ? text : `${PLACEHOLDER_OPEN}${text}${PLACEHOLDER_CLOSE}`;
}

/** The placeholders left in a text, each as the source text it still holds. */
export function leftoverPlaceholders(text: string): string[] {
  const found: string[] = [];
  let from = 0;
  for (;;) {
    const open = text.indexOf(PLACEHOLDER_OPEN, from);
    if (open < 0) return found;
    const close = text.indexOf(PLACEHOLDER_CLOSE, open + 1);
    // An opening bracket left alone still marks unfinished work.
    found.push(text.slice(open + 1, close < 0 ? undefined : close));
    if (close < 0) return found;
    from = close + 1;
  }
}

// Characters that would start Markdown syntax when the text is written back as source.
const INLINE_SPECIAL = /[\\`*_[\]<]/g;

function escapeInline(text: string, inTable: boolean): string {
  const escaped = text.replace(INLINE_SPECIAL, (c) => `\\${c}`);
  return inTable ? escaped.replace(/\|/g, '\\|') : escaped;
}

function destination(href: string, title: string | number | null): string {
  const target = /[\s()]/.test(href) ? `<${href}>` : href;
  return title ? `${target} "${String(title).replace(/"/g, '\\"')}"` : target;
}

function rewrittenHref(href: string, options: ScaffoldOptions): string {
  const match = /^story:(.+)$/i.exec(href);
  if (!match?.[1]) return href;
  const rewritten = options.rewriteStoryLink?.(decodeURIComponentSafe(match[1]).trim());
  return rewritten === undefined ? href : `story:${rewritten}`;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

interface InlineContext {
  options: ScaffoldOptions;
  inTable: boolean;
  /** Images inside text to translate keep their alt text unmarked: the whole run is marked. */
  markImageAlt: boolean;
}

/** An inline token run written back as Markdown, links rewritten, image alt text marked or not. */
function inlineMarkdown(children: Token[], context: InlineContext): string {
  let out = '';
  const links: Token[] = [];
  for (const token of children) {
    switch (token.type) {
      case 'text':
        out += escapeInline(token.content, context.inTable);
        break;
      case 'code_inline':
        out += `${token.markup}${token.content}${token.markup}`;
        break;
      case 'softbreak':
        out += '\n';
        break;
      case 'hardbreak':
        out += '\\\n';
        break;
      case 'strong_open':
      case 'strong_close':
      case 'em_open':
      case 'em_close':
      case 's_open':
      case 's_close':
        out += token.markup;
        break;
      case 'link_open':
        links.push(token);
        out += token.markup === 'autolink' ? '<' : '[';
        break;
      case 'link_close': {
        const open = links.pop();
        const href = String(open?.attrGet('href') ?? '');
        if (open?.markup === 'autolink') {
          // The autolink's text is its address: replace what the loop wrote with the target.
          out = `${out.slice(0, out.lastIndexOf('<') + 1)}${href}>`;
        } else {
          out += `](${destination(rewrittenHref(href, context.options), open?.attrGet('title') ?? null)})`;
        }
        break;
      }
      case 'image': {
        const alt = escapeInline(token.content, context.inTable);
        const shownAlt = context.markImageAlt ? placeholder(alt) : alt;
        out += `![${shownAlt}](${destination(String(token.attrGet('src') ?? ''), token.attrGet('title'))})`;
        break;
      }
      default:
        out += escapeInline(token.content, context.inTable);
    }
  }
  return out;
}

/** True when the run has words to translate, not only images, code or links' addresses. */
function hasWords(children: Token[]): boolean {
  return children.some((t) => t.type === 'text' && t.content.trim() !== '');
}

/** A paragraph, heading or cell as its scaffold: text marked, or only its images' alt marked. */
function inlineScaffold(token: Token | undefined, options: ScaffoldOptions, inTable = false): string {
  const children = token?.children ?? [];
  if (hasWords(children)) {
    return placeholder(inlineMarkdown(children, { options, inTable, markImageAlt: false }));
  }
  return inlineMarkdown(children, { options, inTable, markImageAlt: true });
}

/** Where a walk over the token stream stopped: the blocks written and the next token's index. */
interface Walk {
  blocks: string[];
  next: number;
}

function indentRest(text: string, prefix: string, rest: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? prefix + line : line === '' ? line : rest + line))
    .join('\n');
}

function tableScaffold(tokens: Token[], start: number, options: ScaffoldOptions): Walk {
  const rows: string[][] = [];
  const aligns: string[] = [];
  let i = start + 1;
  for (; i < tokens.length && tokens[i]?.type !== 'table_close'; i++) {
    const token = tokens[i] as Token;
    if (token.type === 'tr_open') rows.push([]);
    else if (token.type === 'th_open') {
      const style = String(token.attrGet('style') ?? '');
      aligns.push(
        /center/.test(style) ? ':---:' : /right/.test(style) ? '---:' : /left/.test(style) ? ':---' : '---',
      );
    } else if (token.type === 'inline') rows.at(-1)?.push(inlineScaffold(token, options, true));
  }
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const [header = [], ...body] = rows;
  const table = [line(header), line(aligns), ...body.map(line)].join('\n');
  return { blocks: [table], next: i + 1 };
}

function listScaffold(tokens: Token[], start: number, options: ScaffoldOptions): Walk {
  const open = tokens[start] as Token;
  const ordered = open.type === 'ordered_list_open';
  const closeType = ordered ? 'ordered_list_close' : 'bullet_list_close';
  let number = Number(open.attrGet('start') ?? 1);
  const items: string[] = [];
  let tight = true;
  let i = start + 1;
  while (i < tokens.length && tokens[i]?.type !== closeType) {
    if (tokens[i]?.type !== 'list_item_open') {
      i++;
      continue;
    }
    const inner = blocksUntil(tokens, i + 1, 'list_item_close', options);
    if (tokens.slice(i + 1, inner.next).some((t) => t.type === 'paragraph_open' && !t.hidden)) tight = false;
    const marker = ordered ? `${number++}${open.markup || '.'} ` : `${open.markup || '-'} `;
    const content = inner.blocks.join(tight ? '\n' : '\n\n');
    items.push(indentRest(content, marker, ' '.repeat(marker.length)));
    i = inner.next + 1;
  }
  return { blocks: [items.join(tight ? '\n' : '\n\n')], next: i + 1 };
}

/** Every block from `start` up to the token of type `stop` (exclusive), as scaffolds. */
function blocksUntil(
  tokens: Token[],
  start: number,
  stop: string | undefined,
  options: ScaffoldOptions,
): Walk {
  const blocks: string[] = [];
  let i = start;
  while (i < tokens.length && tokens[i]?.type !== stop) {
    const token = tokens[i] as Token;
    switch (token.type) {
      case 'heading_open':
        blocks.push(`${'#'.repeat(Number(token.tag.slice(1)))} ${inlineScaffold(tokens[i + 1], options)}`);
        i += 3;
        break;
      case 'paragraph_open':
        blocks.push(inlineScaffold(tokens[i + 1], options));
        i += 3;
        break;
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const walk = listScaffold(tokens, i, options);
        blocks.push(...walk.blocks);
        i = walk.next;
        break;
      }
      case 'blockquote_open': {
        const inner = blocksUntil(tokens, i + 1, 'blockquote_close', options);
        const quoted = inner.blocks.join('\n\n');
        blocks.push(
          quoted
            .split('\n')
            .map((line) => (line === '' ? '>' : `> ${line}`))
            .join('\n'),
        );
        i = inner.next + 1;
        break;
      }
      case 'table_open': {
        const walk = tableScaffold(tokens, i, options);
        blocks.push(...walk.blocks);
        i = walk.next;
        break;
      }
      case 'fence':
        // Code is not prose: kept exactly, fence and language included.
        blocks.push(`${token.markup}${token.info}\n${token.content}${token.markup}`);
        i++;
        break;
      case 'code_block':
        blocks.push(indentRest(token.content.replace(/\n$/, ''), '    ', '    '));
        i++;
        break;
      case 'hr':
        blocks.push('---');
        i++;
        break;
      default:
        i++;
    }
  }
  return { blocks, next: i };
}

/** The source Markdown as a translation's scaffold: same blocks, text to translate marked. */
export function scaffoldMarkdown(source: string, options: ScaffoldOptions = {}): string {
  return blocksUntil(markdownTokens(source), 0, undefined, options).blocks.join('\n\n');
}

/** The `story:` references of a Markdown text, read from its links, each once. */
export function storyLinkReferences(markdown: string): string[] {
  const found = new Set<string>();
  for (const token of markdownTokens(markdown)) {
    for (const child of token.children ?? []) {
      const href = child.type === 'link_open' ? String(child.attrGet('href') ?? '') : '';
      const match = /^story:(.+)$/i.exec(href);
      if (match?.[1]) found.add(decodeURIComponentSafe(match[1]).trim());
    }
  }
  return [...found];
}
