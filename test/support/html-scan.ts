// A small HTML tokenizer for tests over whole served pages: start tags with their attributes, and
// the raw text of script and style elements. It follows the HTML parser where that matters for
// injection (a script ends at the first `</script`, attribute values may be unquoted), and does
// not try to build a tree.

export interface ScannedTag {
  /** Lower-case element name. */
  name: string;
  /** Attribute names lower-cased, values entity-decoded; the first of a repeated name wins. */
  attributes: Map<string, string>;
  /** The tag as written. */
  source: string;
  /** For script and style: the raw text up to the closing tag. */
  text?: string;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes character references the way an attribute value or text is read. */
function decodeEntities(value: string): string {
  return value.replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));?/gi, (match, dec, hex, name) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
    return NAMED[String(name).toLowerCase()] ?? match;
  });
}

const RAW_TEXT = new Set(['script', 'style']);

/** Every start tag in document order, skipping comments and the contents of script and style. */
export function scanTags(html: string): ScannedTag[] {
  const tags: ScannedTag[] = [];
  const lower = html.toLowerCase();
  let i = 0;
  const skipSpace = () => {
    while (i < html.length && /[\s/]/.test(html[i] ?? '')) i++;
  };
  const readUntil = (stop: RegExp) => {
    const from = i;
    while (i < html.length && !stop.test(html[i] ?? '')) i++;
    return html.slice(from, i);
  };
  for (i = html.indexOf('<'); i !== -1; i = html.indexOf('<', i)) {
    const start = i;
    if (html.startsWith('<!--', i)) {
      const close = html.indexOf('-->', i + 4);
      i = close === -1 ? html.length : close + 3;
      continue;
    }
    if (!/[a-zA-Z]/.test(html[i + 1] ?? '')) {
      i++;
      continue;
    }
    i++;
    const name = readUntil(/[\s/>]/).toLowerCase();
    const attributes = new Map<string, string>();
    for (skipSpace(); i < html.length && html[i] !== '>'; skipSpace()) {
      // An attribute name may start with `=` (HTML tokenizer), so its first character is taken as is.
      const first = html[i++] ?? '';
      const key = first + readUntil(/[\s/>=]/);
      let value = '';
      while (/\s/.test(html[i] ?? '')) i++;
      if (html[i] === '=') {
        i++;
        while (/\s/.test(html[i] ?? '')) i++;
        const quote = html[i];
        if (quote === '"' || quote === "'") {
          const close = html.indexOf(quote, i + 1);
          value = html.slice(i + 1, close === -1 ? html.length : close);
          i = close === -1 ? html.length : close + 1;
        } else value = readUntil(/[\s>]/);
      }
      const lowered = key.toLowerCase();
      if (!attributes.has(lowered)) attributes.set(lowered, decodeEntities(value));
    }
    i++;
    const tag: ScannedTag = { name, attributes, source: html.slice(start, i) };
    if (RAW_TEXT.has(name)) {
      const end = lower.indexOf(`</${name}`, i);
      const stop = end === -1 ? html.length : end;
      tag.text = html.slice(i, stop);
      i = stop;
    }
    tags.push(tag);
  }
  return tags;
}

/** The text a reader sees: tags (and script/style contents) removed, entities decoded. */
export function visibleText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<[^>]*>/g, ' '),
  );
}

/** Parsed JSON-LD blocks; a block that does not parse comes back as an Error naming it. */
export function jsonLdOf(html: string): (unknown | Error)[] {
  return scanTags(html)
    .filter((t) => t.name === 'script' && t.attributes.get('type') === 'application/ld+json')
    .map((t, index) => {
      try {
        return JSON.parse(t.text ?? '') as unknown;
      } catch (error) {
        return new Error(`JSON-LD block ${index + 1} does not parse: ${(error as Error).message}`);
      }
    });
}

/** The values of `href`, `src` and each `srcset` candidate, in document order. */
export function linkTargets(html: string): string[] {
  return scanTags(html).flatMap((tag) => {
    const out: string[] = [];
    for (const name of ['href', 'src']) {
      const value = tag.attributes.get(name);
      if (value !== undefined) out.push(value);
    }
    const srcset = tag.attributes.get('srcset');
    if (srcset) out.push(...srcset.split(',').map((c) => c.trim().split(/\s+/)[0] ?? ''));
    return out.filter((value) => value !== '');
  });
}
