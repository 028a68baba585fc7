import { FeedRefused } from './errors.js';

export type SafetyLimits = { maxDepth: number; maxTagChars: number; maxAttributes: number };

/** Far above any real feed in the corpus, far below what overflows a recursive parser's stack. */
const DEFAULT_SAFETY_LIMITS: SafetyLimits = {
  maxDepth: 256,
  maxTagChars: 64 * 1024,
  maxAttributes: 256,
};

/**
 * Refuses XML whose DOCTYPE carries an internal subset or any entity declaration (billion laughs,
 * XXE, parameter entities), before any parser sees it. A bare DOCTYPE (Netscape RSS 0.91) passes:
 * nothing here, nor in feedsmith, ever fetches a DTD.
 */
export function assertSafeXml(text: string, limits: SafetyLimits = DEFAULT_SAFETY_LIMITS): void {
  scanMarkup(text, limits);
}

/**
 * One linear pass over markup in document order, skipping comments, CDATA and PIs as an XML parser
 * would (so "<!ENTITY" quoted in a CDATA post passes, and a fake comment cannot hide a DOCTYPE).
 * Checks declarations, nesting depth, tag length and attribute count.
 */
function scanMarkup(text: string, limits: SafetyLimits): void {
  let depth = 0;
  let i = text.indexOf('<');
  while (i !== -1) {
    let end: number;
    if (text.startsWith('<!--', i)) end = closeAt(text, '-->', i);
    else if (text.startsWith('<![CDATA[', i)) end = closeAt(text, ']]>', i);
    else if (text.startsWith('<?', i)) end = closeAt(text, '?>', i);
    else {
      end = text.indexOf('>', i);
      if (end === -1) return; // truncated; the parser reports it
      const tag = text.slice(i, end + 1);
      if (text[i + 1] === '!') assertSafeDeclaration(tag);
      if (tag.length > limits.maxTagChars)
        throw new FeedRefused(`A tag of ${tag.length} characters exceeds the limit`);
      if (text[i + 1] === '/') depth = Math.max(0, depth - 1);
      else if (text[i + 1] !== '!' && !tag.endsWith('/>')) depth += 1;
      if (depth > limits.maxDepth) throw new FeedRefused(`Elements nest deeper than ${limits.maxDepth}`);
      if (countAttributes(tag) > limits.maxAttributes)
        throw new FeedRefused('An element has too many attributes');
    }
    i = end === -1 ? -1 : text.indexOf('<', end + 1);
  }
}

/** "<!DOCTYPE rss SYSTEM ...>" passes; an internal subset "[...]" or any "<!ENTITY" is refused. */
function assertSafeDeclaration(tag: string): void {
  if (/^<!ENTITY\b/i.test(tag) || (/^<!DOCTYPE\b/i.test(tag) && tag.includes('['))) {
    throw new FeedRefused(
      'Feed declares a DTD internal subset or entities; refused (entity expansion / XXE risk)',
    );
  }
}

function closeAt(text: string, marker: string, from: number): number {
  const at = text.indexOf(marker, from);
  return at === -1 ? -1 : at + marker.length - 1;
}

function countAttributes(tag: string): number {
  let count = 0;
  for (let i = tag.indexOf('='); i !== -1; i = tag.indexOf('=', i + 1)) count += 1;
  return count;
}
