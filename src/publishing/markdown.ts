/**
 * Story Markdown to safe HTML, and to plain text for reading time, language QA and feeds.
 *
 * Raw HTML is off (`html: false`), so `<script>` typed by an author is escaped as text. Typographer
 * is off so that quotes and dashes in code-like product names stay as typed. Linkify is off:
 * tech copy is full of names that look like domains (Node.js, x.ai, Character.ai), and turning
 * each into a link would send readers to sites the author never chose; authors write links.
 */
import markdownIt, { type RendererRule, type StateCore, type Token } from 'markdown-it';
import { type Embed, type EmbedLabels, recognizeEmbed, renderEmbedCard } from './embeds.js';

export interface MarkdownHeading {
  level: number;
  id: string;
  text: string;
}

export interface MarkdownOptions {
  /** Turns `story:<slug-or-id>` into a same-locale URL; undefined when no such story exists. */
  resolveStoryLink(ref: string): string | undefined;
  /** The site's own host (`news.example.com`): links elsewhere get `rel="noopener"`. */
  siteHost?: string;
  /** Localised word for "table" (e.g. `表格`), used in each table's accessible name. */
  tableLabel?: string;
  /**
   * The language of each top-level block (as `markdownTopLevelTexts` lists them) written in
   * another language than the document, or undefined: written as the block's `lang` attribute,
   * so screen readers switch voice and browsers pick fonts for it.
   */
  blockLanguages?: readonly (string | undefined)[];
  /**
   * When given, a YouTube, Vimeo, X or GitHub link alone in a top-level paragraph becomes an
   * embed card with these words (see embeds.ts); without it such a link stays a paragraph.
   */
  embeds?: EmbedLabels;
}

export interface RenderedMarkdown {
  html: string;
  /** h2–h4, in document order, with the ids written into the HTML. */
  headings: MarkdownHeading[];
  /** `story:` references that resolved to nothing, each once, in order of appearance. */
  danglingLinks: string[];
}

/** One block of a document as plain text; code blocks are kept apart so callers can skip them. */
export interface MarkdownBlock {
  kind: 'heading' | 'paragraph' | 'table' | 'code';
  text: string;
}

interface RenderState {
  options: MarkdownOptions;
  headings: MarkdownHeading[];
  usedIds: Set<string>;
  dangling: Set<string>;
  tableCount: number;
}

// A symbol key keeps our per-call state apart from markdown-it's own `env.references`.
const STATE = Symbol('code-velocity-markdown');

const md = markdownIt({ html: false, linkify: false, typographer: false });

// Only these schemes may reach an href or src; anything without a scheme is relative.
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto', 'story']);
const SCHEME = /^([a-z][a-z\d+.-]*):/i;

const builtInValidateLink = md.validateLink.bind(md);
// markdown-it's own check (which refuses javascript:, vbscript:, file: and most data:) stays
// first; the allow-list narrows it. A refused destination is left as literal, escaped text.
md.validateLink = (url: string): boolean => {
  if (!builtInValidateLink(url)) return false;
  const scheme = SCHEME.exec(url.trim())?.[1]?.toLowerCase();
  return scheme === undefined || ALLOWED_SCHEMES.has(scheme);
};

function stateOf(env: unknown): RenderState | undefined {
  return (env as Record<symbol, RenderState | undefined> | undefined)?.[STATE];
}

/** The readable text of an inline token's children: text, code and image alt, no markup. */
function inlineText(children: Token[] | null, lineBreak = ' '): string {
  let text = '';
  for (const child of children ?? []) {
    if (child.type === 'text' || child.type === 'code_inline') text += child.content;
    else if (child.type === 'image') text += inlineText(child.children, lineBreak);
    else if (child.type === 'softbreak' || child.type === 'hardbreak') text += lineBreak;
  }
  return text;
}

/**
 * A fragment id from heading text: letters (CJK included), combining marks (needed by Devanagari
 * and Thai) and digits survive; every other run becomes one hyphen.
 */
function anchorId(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

function claimId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

function addHeadingIds(state: StateCore): void {
  const render = stateOf(state.env);
  if (!render) return;
  state.tokens.forEach((token, index) => {
    if (token.type !== 'heading_open') return;
    const level = Number(token.tag.slice(1));
    if (level < 2 || level > 4) return;
    const text = inlineText(state.tokens[index + 1]?.children ?? null).trim();
    const base = anchorId(text) || `section-${render.headings.length + 1}`;
    const id = claimId(base, render.usedIds);
    token.attrSet('id', id);
    render.headings.push({ level, id, text });
  });
}

function isExternal(href: string, siteHost: string | undefined): boolean {
  if (!/^(?:https?:)?\/\//i.test(href)) return false;
  try {
    const url = new URL(href, 'https://relative.invalid');
    const own = siteHost?.toLowerCase();
    return url.host !== own && url.hostname !== own;
  } catch {
    return true;
  }
}

function decodeRef(encoded: string): string {
  try {
    return decodeURIComponent(encoded).trim();
  } catch {
    return encoded.trim();
  }
}

function textToken(state: StateCore, content: string): Token {
  const token = new state.Token('text', '', 0);
  token.content = content;
  return token;
}

/**
 * Resolves `story:` links (a dangling one keeps its text and loses the link) and marks links to
 * other hosts. Links cannot nest in CommonMark, so one flag pairs an open with its close.
 */
function rewriteLinks(state: StateCore): void {
  const render = stateOf(state.env);
  if (!render) return;
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const kept: Token[] = [];
    let dropClose = false;
    for (const token of block.children) {
      if (token.type === 'link_close' && dropClose) {
        dropClose = false;
        continue;
      }
      const attr = token.type === 'link_open' ? 'href' : token.type === 'image' ? 'src' : undefined;
      const target = attr ? String(token.attrGet(attr) ?? '') : '';
      if (attr && /^story:/i.test(target)) {
        const ref = decodeRef(target.slice('story:'.length));
        const url = token.type === 'link_open' ? render.options.resolveStoryLink(ref) : undefined;
        if (url !== undefined) {
          token.attrSet('href', url);
        } else if (token.type === 'image') {
          // An image cannot point at a story; show its alt text instead.
          kept.push(textToken(state, token.content));
          continue;
        } else {
          render.dangling.add(ref);
          dropClose = true;
          continue;
        }
      } else if (token.type === 'link_open' && isExternal(target, render.options.siteHost)) {
        token.attrSet('rel', 'noopener');
      }
      kept.push(token);
    }
    block.children = kept;
  }
}

// A top-level block is whatever opens at nesting level 0: a paragraph, heading, list, quote or
// table. Code blocks and rules have no text in a language and are not counted.
const isTopLevelOpen = (token: Token) => token.level === 0 && token.nesting === 1;

function markBlockLanguages(state: StateCore): void {
  const languages = stateOf(state.env)?.options.blockLanguages;
  if (!languages) return;
  let index = 0;
  for (const token of state.tokens) {
    if (!isTopLevelOpen(token)) continue;
    const lang = languages[index++];
    if (lang) token.attrSet('lang', lang);
  }
}

/**
 * The embed a top-level paragraph stands for when its whole content is one supported address:
 * typed bare (linkify is off, so it is text), as `<autolink>`, or as a link whose text is the
 * address itself. A link with words of its own is the author's sentence and stays a link.
 */
function paragraphEmbed(inline: Token | undefined): Embed | undefined {
  const children = (inline?.children ?? []).filter(
    (child) => !(child.type === 'text' && child.content.trim() === ''),
  );
  const [first, second, third] = children;
  if (children.length === 1 && first?.type === 'text') return recognizeEmbed(first.content);
  if (children.length !== 3 || first?.type !== 'link_open' || third?.type !== 'link_close') return undefined;
  const href = String(first.attrGet('href') ?? '');
  if (second?.type !== 'text' || (second.content.trim() !== href && first.markup !== 'autolink'))
    return undefined;
  return recognizeEmbed(href);
}

// Runs after the block languages are set, so replacing a paragraph cannot shift their alignment.
function markEmbeds(state: StateCore): void {
  if (!stateOf(state.env)?.options.embeds) return;
  const tokens = state.tokens;
  for (let i = 0; i + 2 < tokens.length; i++) {
    const open = tokens[i];
    if (open?.type !== 'paragraph_open' || open.level !== 0 || tokens[i + 2]?.type !== 'paragraph_close')
      continue;
    const embed = paragraphEmbed(tokens[i + 1]);
    if (!embed) continue;
    const token = new state.Token('code_velocity_embed', '', 0);
    token.block = true;
    token.meta = { embed };
    tokens.splice(i, 3, token);
  }
}

md.core.ruler.push('code_velocity_heading_ids', addHeadingIds);
md.core.ruler.push('code_velocity_links', rewriteLinks);
md.core.ruler.push('code_velocity_block_languages', markBlockLanguages);
md.core.ruler.push('code_velocity_embeds', markEmbeds);

md.renderer.rules.code_velocity_embed = (tokens, idx, _options, env) => {
  const labels = stateOf(env)?.options.embeds;
  const embed = (tokens[idx]?.meta as { embed?: Embed } | undefined)?.embed;
  return labels && embed ? renderEmbedCard(embed, labels, md.utils.escapeHtml) : '';
};

function tableLabel(tokens: Token[], start: number, render: RenderState | undefined): string {
  const cells: string[] = [];
  for (let i = start + 1; i < tokens.length && tokens[i]?.type !== 'thead_close'; i++) {
    const token = tokens[i];
    if (token?.type === 'inline') {
      const text = inlineText(token.children).trim();
      if (text) cells.push(text);
    }
  }
  const headers = cells.join(', ');
  const word = render?.options.tableLabel;
  if (word && headers) return `${word}: ${headers}`;
  return word || headers || `Table ${render?.tableCount ?? 1}`;
}

// A wide comparison table scrolls inside its own focusable region on phones; role, tabindex and
// a name follow WAI's advice for scrollable regions so keyboard users can scroll it too.
const tableOpen: RendererRule = (tokens, idx, _options, env) => {
  const render = stateOf(env);
  if (render) render.tableCount += 1;
  const label = md.utils.escapeHtml(tableLabel(tokens, idx, render));
  const blockLang = tokens[idx]?.attrGet('lang');
  const lang = blockLang ? ` lang="${md.utils.escapeHtml(String(blockLang))}"` : '';
  return `<div class="table-scroll" role="region" tabindex="0" aria-label="${label}"${lang}>\n<table>\n`;
};
const tableClose: RendererRule = () => '</table>\n</div>\n';
md.renderer.rules.table_open = tableOpen;
md.renderer.rules.table_close = tableClose;

function newState(options: MarkdownOptions): RenderState {
  return { options, headings: [], usedIds: new Set(), dangling: new Set(), tableCount: 0 };
}

/** Story Markdown to HTML with heading ids, resolved `story:` links and scrollable tables. */
export function renderMarkdown(markdown: string, options: MarkdownOptions): RenderedMarkdown {
  const render = newState(options);
  const env = { [STATE]: render };
  const html = md.renderer.render(md.parse(markdown, env), md.options, env);
  return { html, headings: render.headings, danglingLinks: [...render.dangling] };
}

/**
 * Inline Markdown (emphasis, code, links, `story:` links) with no paragraph wrapper, for FAQ
 * answers placed inside the view's own `<p>` or `<dd>`. Block syntax (lists, tables, headings)
 * stays literal text; line breaks stay newlines.
 */
export function renderInlineMarkdown(
  markdown: string,
  options: MarkdownOptions,
): { html: string; danglingLinks: string[] } {
  const render = newState(options);
  const env = { [STATE]: render };
  const html = md.renderer.render(md.parseInline(markdown, env), md.options, env);
  return { html, danglingLinks: [...render.dangling] };
}

/** The document as plain-text blocks; link targets and Markdown markup are dropped. */
export function markdownBlocks(markdown: string): MarkdownBlock[] {
  const tokens = md.parse(markdown, {});
  const blocks: MarkdownBlock[] = [];
  let table: string[][] | undefined;
  let kind: MarkdownBlock['kind'] = 'paragraph';
  for (const token of tokens) {
    switch (token.type) {
      case 'heading_open':
        kind = 'heading';
        break;
      case 'paragraph_open':
        kind = 'paragraph';
        break;
      case 'table_open':
        table = [];
        break;
      case 'tr_open':
        table?.push([]);
        break;
      case 'table_close':
        if (table) blocks.push({ kind: 'table', text: table.map((row) => row.join('\t')).join('\n') });
        table = undefined;
        break;
      case 'fence':
      case 'code_block':
        blocks.push({ kind: 'code', text: token.content.replace(/\n$/, '') });
        break;
      case 'inline': {
        const text = inlineText(token.children, '\n');
        if (table) table.at(-1)?.push(text);
        else if (text.trim()) blocks.push({ kind, text });
        break;
      }
    }
  }
  return blocks;
}

/**
 * The plain text of each top-level block, in order: what `blockLanguages` is aligned with. A list
 * or quote is one block with the text of everything inside it.
 */
export function markdownTopLevelTexts(markdown: string): string[] {
  const texts: string[] = [];
  let current: string[] | undefined;
  for (const token of md.parse(markdown, {})) {
    if (isTopLevelOpen(token)) {
      current = [];
      texts.push('');
    } else if (token.type === 'inline' && current) {
      current.push(inlineText(token.children, '\n'));
      texts[texts.length - 1] = current.join('\n');
    } else if (token.level === 0 && token.nesting === -1) {
      current = undefined;
    }
  }
  return texts;
}

/** The token stream of the site's own Markdown setup, for tools that rebuild a document's shape. */
export function markdownTokens(markdown: string): Token[] {
  return md.parse(markdown, {});
}

/** Plain text of a Markdown document, blocks separated by a blank line. */
export function markdownToPlainText(markdown: string): string {
  return markdownBlocks(markdown)
    .map((block) => block.text)
    .join('\n\n');
}

/**
 * Plain text as HTML that shows exactly that text: for fields that carry text where consumers
 * expect HTML, such as RSS `<description>`.
 */
export function plainTextToHtml(text: string): string {
  return md.utils.escapeHtml(text);
}
