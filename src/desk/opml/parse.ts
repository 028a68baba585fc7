import { type Opml, ParseError, parseOpml } from 'feedsmith';
import { decodeFeedBytes, FeedRefused } from '../feeds/index.js';
import { assertSafeXml } from '../feeds/safety.js';
import { OpmlMalformed, OpmlRefused, OpmlTooLarge } from './errors.js';
import { assertWellFormed } from './structure.js';
import { singleLine } from './text.js';

export type OpmlFeed = {
  /** Absolute http(s) URL, as the WHATWG URL parser serialises it (so duplicates compare equal). */
  feedUrl: string;
  siteUrl: string | null;
  title: string | null;
  /** Titles of the enclosing folder outlines, outermost first; [] at the top level. */
  folder: string[];
};

/** An outline that looked like a subscription but was not imported, and why. */
export type OpmlSkipped = { reason: string; text: string | null; url: string | null };

export type OpmlSubscriptions = { title: string | null; feeds: OpmlFeed[]; skipped: OpmlSkipped[] };

export type ParseOpmlOptions = { maxBytes?: number };

/** 2 MiB: the largest real export in the corpus is 37 KB; thousands of subscriptions fit easily. */
const DEFAULT_MAX_OPML_BYTES = 2 * 1024 * 1024;

type Outline = Opml.Outline<string>;
type Collected = { feeds: Map<string, OpmlFeed>; skipped: OpmlSkipped[] };

/** Reads an uploaded OPML 1.0/1.1/2.0 subscription list from its raw bytes. */
export function parseOpmlDocument(bytes: Uint8Array, options: ParseOpmlOptions = {}): OpmlSubscriptions {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_OPML_BYTES;
  if (bytes.byteLength > maxBytes) throw new OpmlTooLarge(bytes.byteLength, maxBytes);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) throw new OpmlMalformed('OPML is gzip-compressed');
  const source = decodeStrictly(bytes).replace(/^[\s\uFEFF]+/, '');
  if (source === '') throw new OpmlMalformed('OPML is empty');
  refuseHostile(source);
  const root = rootName(source);
  if (root?.toLowerCase() !== 'opml')
    throw new OpmlMalformed(`Not an OPML document: the root element is <${root ?? 'none'}>`, { root });
  const { rootChildren } = assertWellFormed(source);
  if (![...rootChildren].some((name) => name.toLowerCase() === 'body'))
    throw new OpmlMalformed('OPML has no <body>, so it lists no subscriptions');
  const document = parseWithFeedsmith(source);
  const collected: Collected = { feeds: new Map(), skipped: [] };
  walk(document.body?.outlines ?? [], [], collected);
  const { feeds, skipped } = collected;
  return { title: singleLine(document.head?.title), feeds: [...feeds.values()], skipped };
}

/**
 * decodeFeedBytes falls back to windows-1252 when bytes are invalid in the declared (or default
 * UTF-8) encoding, which suits feeds we poll. An OPML file is a one-off upload by a person, who is
 * better told that the export is broken than shown mojibake folder names.
 */
function decodeStrictly(bytes: Uint8Array): string {
  const { text, encoding } = decodeFeedBytes(bytes);
  const declared =
    new TextDecoder('latin1')
      .decode(bytes.subarray(0, 1024))
      .match(/^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/i)?.[1] ?? null;
  if (encoding === 'windows-1252' && canonicalEncoding(declared ?? 'utf-8') !== 'windows-1252') {
    throw new OpmlMalformed(`OPML bytes are not valid ${declared ?? 'UTF-8'}, the encoding it declares`, {
      declared: declared ?? 'utf-8',
    });
  }
  return text;
}

function canonicalEncoding(label: string): string | null {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

function refuseHostile(source: string): void {
  try {
    assertSafeXml(source);
  } catch (error) {
    if (error instanceof FeedRefused) throw new OpmlRefused(`OPML refused: ${error.message}`);
    throw error;
  }
}

function rootName(source: string): string | null {
  const body = source.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/gi, '');
  return body.match(/<([A-Za-z_][\w.:-]*)/)?.[1] ?? null;
}

function parseWithFeedsmith(source: string): Opml.Document<string> {
  try {
    return parseOpml(source);
  } catch (error) {
    // feedsmith rejects a document whose head and body hold nothing; without outlines, that is an empty list.
    if (error instanceof ParseError && !/<outline[\s/>]/i.test(source)) return {};
    if (error instanceof RangeError) throw new OpmlMalformed('OPML is nested too deeply to parse');
    const reason = error instanceof Error ? error.message : String(error);
    throw new OpmlMalformed(`OPML could not be parsed: ${reason}`);
  }
}

function walk(outlines: Outline[], folder: string[], collected: Collected): void {
  for (const outline of outlines) {
    if (outline.isComment) continue; // OPML 2.0: a commented outline and its children are not content
    const name = singleLine(outline.title) ?? singleLine(outline.text);
    const rawUrl = outline.xmlUrl?.trim() || null;
    if (rawUrl !== null) addFeed(rawUrl, name, outline.htmlUrl, folder, collected);
    else if (outline.type?.toLowerCase() === 'rss')
      collected.skipped.push({ reason: 'no xmlUrl', text: name, url: null });
    // A feed outline with children is rare but exists; its children stay in the enclosing folder.
    const inner = rawUrl === null && name !== null ? [...folder, name] : folder;
    if (outline.outlines) walk(outline.outlines, inner, collected);
  }
}

function addFeed(
  rawUrl: string,
  name: string | null,
  htmlUrl: string | undefined,
  folder: string[],
  { feeds, skipped }: Collected,
): void {
  const feedUrl = httpUrl(rawUrl);
  if (typeof feedUrl !== 'string') {
    skipped.push({ reason: feedUrl.reason, text: name, url: rawUrl });
    return;
  }
  if (feeds.has(feedUrl)) {
    skipped.push({ reason: 'duplicate feed URL', text: name, url: rawUrl });
    return;
  }
  const siteUrl = htmlUrl ? httpUrl(htmlUrl.trim()) : null;
  feeds.set(feedUrl, {
    feedUrl,
    siteUrl: typeof siteUrl === 'string' ? siteUrl : null,
    // Some exporters (ours included) put the URL in the required text= when a feed has no title.
    title: name === rawUrl || name === feedUrl ? null : name,
    folder,
  });
}

function httpUrl(raw: string): string | { reason: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { reason: 'not an absolute URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { reason: `not an http(s) URL (${url.protocol})` };
  return url.href;
}
