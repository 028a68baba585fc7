import sanitizeHtml from 'sanitize-html';
import { withoutLoneSurrogates } from '../charsets.js';
import { createNestingGuard, MAX_NESTING_DEPTH, NestingTooDeep } from './nesting.js';
import { resolveHref } from './resolve-url.js';

/** What an article or feed item may keep: text structure, links and images; nothing that runs or styles. */
const ALLOWED_TAGS = [
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'div', 'br', 'hr', 'blockquote', 'pre', 'code'],
  ...['ul', 'ol', 'li', 'dl', 'dt', 'dd', 'figure', 'figcaption', 'img', 'a'],
  ...['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'],
  ...['em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'sub', 'sup', 'small', 'mark', 'q', 'cite', 'abbr'],
  ...['kbd', 'samp', 'var'],
];

const ALLOWED_ATTRIBUTES = {
  a: ['href'],
  img: ['src', 'alt'],
  ol: ['start'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
};

/** Sectioning wrappers become <div> so their text stays a separate block instead of running on. */
const BLOCK_WRAPPERS = ['article', 'section', 'main', 'header', 'footer', 'aside', 'nav', 'address'];

/** Elements dropped with everything inside them: code, styling, embedded documents and form controls. */
const DROPPED_WITH_CONTENT = [
  ...['script', 'style', 'noscript', 'template', 'head', 'title', 'iframe', 'object', 'svg', 'math'],
  ...['textarea', 'select', 'option', 'button'],
];

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const IMAGE_PROTOCOLS = new Set(['http:', 'https:']);

export type SanitizedHtml = { html: string; links: string[] };

function sanitizeOptions(base: URL | null, links: string[], maxDepth: number): sanitizeHtml.IOptions {
  const guard = createNestingGuard(maxDepth);
  const toBlock = (_tagName: string, attribs: sanitizeHtml.Attributes) => ({ tagName: 'div', attribs });
  return {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    // transformTags below makes protocol-relative references absolute; any left could not be resolved.
    allowProtocolRelative: false,
    nonTextTags: DROPPED_WITH_CONTENT,
    onOpenTag: guard.onOpenTag,
    onCloseTag: guard.onCloseTag,
    transformTags: {
      ...Object.fromEntries(BLOCK_WRAPPERS.map((tag) => [tag, toBlock])),
      a: (tagName, attribs) => {
        const href = attribs.href === undefined ? null : resolveHref(attribs.href, base, LINK_PROTOCOLS);
        if (href && !href.startsWith('mailto:')) links.push(href);
        const kept: sanitizeHtml.Attributes = href ? { href } : {};
        return { tagName, attribs: kept };
      },
      img: (tagName, attribs) => {
        const src = attribs.src === undefined ? null : resolveHref(attribs.src, base, IMAGE_PROTOCOLS);
        const kept: sanitizeHtml.Attributes = src ? { src } : {};
        if (attribs.alt !== undefined) kept.alt = attribs.alt;
        return { tagName, attribs: kept };
      },
    },
    // An image without a usable source shows nothing; a link without one is just its text.
    exclusiveFilter: (frame) => {
      if (frame.tag === 'img') return !frame.attribs.src;
      if (frame.tag === 'a' && !frame.attribs.href) return 'excludeTag';
      return false;
    },
  };
}

/** Removes <script> and <style> bodies by plain search; only used where parsing is refused. */
function withoutScriptsAndStyles(html: string): string {
  const opening = /<(script|style)\b/gi;
  let kept = '';
  let from = 0;
  for (let match = opening.exec(html); match; match = opening.exec(html)) {
    kept += html.slice(from, match.index);
    const closing = new RegExp(`</${match[1]}`, 'gi');
    closing.lastIndex = opening.lastIndex;
    const end = closing.exec(html);
    if (!end) return kept;
    from = end.index;
    opening.lastIndex = end.index;
  }
  return kept + html.slice(from);
}

/**
 * For markup nested too deep to parse safely: its text as one escaped paragraph. Once every "<" is
 * escaped the tokenizer sees no elements at all, so this pass stays linear however deep the input was.
 */
function flattenedToText(html: string): string {
  // [^<>] rather than [^>]: each match attempt stops at the next "<", so a flood of "<" stays linear.
  const withoutTags = withoutScriptsAndStyles(html)
    .replace(/<[^<>]*>/g, ' ')
    .replaceAll('<', '&lt;');
  const text = sanitizeHtml(withoutTags, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, ' ');
  return text.trim() ? `<p>${text.trim()}</p>` : '';
}

/**
 * Sanitizes html against the allow-list, resolving hrefs and image sources against base, and lists
 * the http(s) links in document order (repeats included). Markup nested deeper than maxDepth is
 * reduced to its plain text rather than parsed.
 */
export function sanitizeWithLinks(
  html: string,
  base: URL | null,
  maxDepth = MAX_NESTING_DEPTH,
): SanitizedHtml {
  const links: string[] = [];
  try {
    const clean = sanitizeHtml(html, sanitizeOptions(base, links, maxDepth));
    return { html: withoutLoneSurrogates(clean), links };
  } catch (error) {
    if (!(error instanceof NestingTooDeep)) throw error;
    return { html: withoutLoneSurrogates(flattenedToText(html)), links: [] };
  }
}

/**
 * Sanitizes the HTML of a feed item's content or summary. Relative links and images resolve against
 * baseUrl (the item link or feed URL); with no usable base, relative references are dropped.
 */
export function sanitizeItemHtml(html: string, baseUrl: string | null): string {
  const base = baseUrl ? URL.parse(baseUrl) : null;
  return sanitizeWithLinks(html, base).html;
}
