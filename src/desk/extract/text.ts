import { sanitizeWithLinks } from './sanitize.js';

/** Elements that start and end a paragraph of the plain text. */
const BLOCK_ELEMENTS = new Set([
  ...['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'hr'],
  ...['ul', 'ol', 'li', 'dl', 'dt', 'dd', 'figure', 'figcaption'],
  ...['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr'],
]);

/**
 * sanitize-html writes every "<" of text as &lt; and escapes only &, <, > (and " in attributes),
 * so in its output each "<" starts a tag and these four entities are all there is to decode.
 */
const SANITIZED_TOKEN = /<(\/?)([a-z][a-z0-9]*)[^>]*>|[^<]+/g;
const ESCAPES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' };

/**
 * Plain text of HTML that came out of the sanitizer: one paragraph per block, separated by a blank
 * line, runs of whitespace collapsed to one space, <br> and the line breaks inside <pre> kept as
 * single newlines. A single pass over the string, so it costs the same however the markup nests.
 */
export function textOfSanitizedHtml(html: string): string {
  const paragraphs: string[] = [];
  let lines: string[] = [''];
  let insidePre = 0;

  const appendText = (text: string) => {
    const pieces = insidePre > 0 ? text.split('\n') : [text];
    pieces.forEach((piece, index) => {
      if (index > 0) lines.push('');
      lines[lines.length - 1] += piece;
    });
  };
  const endParagraph = () => {
    const kept = lines.map((line) => line.replace(/\s+/g, ' ').trim()).filter(Boolean);
    if (kept.length > 0) paragraphs.push(kept.join('\n'));
    lines = [''];
  };

  for (const [token, closing, tag] of html.matchAll(SANITIZED_TOKEN)) {
    if (tag === undefined) {
      appendText(token.replace(/&(?:amp|lt|gt|quot);/g, (entity) => ESCAPES[entity] ?? entity));
    } else if (tag === 'br') {
      lines.push('');
    } else {
      if (BLOCK_ELEMENTS.has(tag)) endParagraph();
      if (tag === 'pre') insidePre = Math.max(0, insidePre + (closing ? -1 : 1));
      if (closing && (tag === 'td' || tag === 'th')) appendText(' ');
    }
  }
  endParagraph();
  return paragraphs.join('\n\n');
}

/** Plain text of a feed item's HTML (for clustering and language detection); scripts and styles give none. */
export function htmlToText(html: string): string {
  return textOfSanitizedHtml(sanitizeWithLinks(html, null).html);
}
