import { OpmlMalformed } from './errors.js';

/** What the structural pass learned: the root element and the names of its direct children. */
export type XmlOutline = { root: string; rootChildren: Set<string> };

/**
 * feedsmith's XML parser accepts unclosed and mismatched tags, so a truncated export would import
 * as a silently shorter list. This linear pass checks that elements nest and close, that a single
 * root holds everything, and reports where it breaks. It is structural only: a bare "&" in a URL,
 * common in hand-written lists, is left for the parser to tolerate.
 */
export function assertWellFormed(text: string): XmlOutline {
  const open: string[] = [];
  let root: string | null = null;
  let closed = false;
  const rootChildren = new Set<string>();
  let at = 0;
  while (at < text.length) {
    const lt = text.indexOf('<', at);
    assertNoStrayText(text, at, lt === -1 ? text.length : lt, open.length === 0);
    if (lt === -1) break;
    const end = markupEnd(text, lt);
    if (end === -1) throw broken(text, lt, 'a tag, comment or CDATA section is never closed');
    const tag = text.slice(lt, end + 1);
    at = end + 1;
    if (/^<[!?]/.test(tag)) {
      if (tag.startsWith('<![CDATA[') && open.length === 0) throw broken(text, lt, 'CDATA outside the root');
      continue; // comment, PI, DOCTYPE (already vetted by the safety check)
    }
    const name = tag.match(/^<\/?([^\s/>]+)/)?.[1];
    if (!name) throw broken(text, lt, 'a "<" that starts no element');
    if (tag.startsWith('</')) {
      const expected = open.pop();
      if (expected !== name)
        throw broken(text, lt, expected ? `</${name}> closes <${expected}>` : `</${name}> closes nothing`);
      if (open.length === 0) closed = true;
      continue;
    }
    if (closed || (open.length === 0 && root !== null))
      throw broken(text, lt, `<${name}> after the root element`);
    if (open.length === 0) root = name;
    if (open.length === 1) rootChildren.add(name);
    if (!tag.endsWith('/>')) open.push(name);
    else if (open.length === 0) closed = true;
  }
  if (open.length > 0) throw broken(text, text.length, `<${open.at(-1)}> is never closed (truncated?)`);
  if (root === null) throw new OpmlMalformed('Not XML: there is no root element');
  return { root, rootChildren };
}

/** Where a tag, comment, CDATA section or PI opened at `from` ends; quotes protect a ">" in a value. */
function markupEnd(text: string, from: number): number {
  for (const [open, close] of [
    ['<!--', '-->'],
    ['<![CDATA[', ']]>'],
    ['<?', '?>'],
  ] as const) {
    if (text.startsWith(open, from)) {
      const at = text.indexOf(close, from + open.length);
      return at === -1 ? -1 : at + close.length - 1;
    }
  }
  // A DOCTYPE internal subset would need "[...]" tracking; the safety check has refused those already.
  let quote: string | null = null;
  for (let i = from + 1; i < text.length; i += 1) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
    else if (c === '<') return -1; // another tag starts: this one was never closed
  }
  return -1;
}

/** Only whitespace may sit outside the root element (XML 1.0 §2.1, production document). */
function assertNoStrayText(text: string, from: number, to: number, outsideRoot: boolean): void {
  if (!outsideRoot || from >= to) return;
  const offset = text.slice(from, to).search(/\S/);
  if (offset !== -1) throw broken(text, from + offset, 'text outside the root element');
}

function broken(text: string, index: number, problem: string): OpmlMalformed {
  const line = text.slice(0, index).split('\n').length;
  return new OpmlMalformed(`OPML is not well-formed XML: ${problem} (line ${line})`, { line });
}
