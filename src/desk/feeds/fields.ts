/** Small readers over feedsmith's output, which is loosely shaped across formats. */

export type Rec = Record<string, unknown>;

export function rec(value: unknown): Rec {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Rec) : {};
}

export function list(value: unknown): Rec[] {
  return Array.isArray(value) ? value.map(rec) : [];
}

/** The first element of an array field (feedsmith lists repeatable elements), or the value itself. */
export function head(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/** A string field, a {value} text construct (Atom), or null; trimmed, empty → null. */
export function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && 'value' in value) return text((value as Rec).value);
  return null;
}

export function first(...values: unknown[]): string | null {
  for (const value of values) {
    const found = text(value);
    if (found !== null) return found;
  }
  return null;
}

/** Resolves a link against a base; null when there is no link or it cannot be made absolute. */
export function absolute(link: string | null, base: string | null): string | null {
  if (!link) return null;
  try {
    return new URL(link, base ?? undefined).href;
  } catch {
    return null;
  }
}

/** The href of an Atom link with rel=alternate (or no rel), else the first link. */
export function atomLink(links: unknown): string | null {
  const all = list(links);
  const alternate = all.find((l) => l.rel === undefined || l.rel === 'alternate');
  return text((alternate ?? all[0])?.href);
}
