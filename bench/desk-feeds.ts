// Generated feeds for the desk benchmark, served from 127.0.0.1 with ETags: feeds of 20 items,
// every fifth item a story that several other feeds carry too (its own link, the same text),
// so the refresh has clustering to do.
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const ITEMS_PER_FEED = 20;
const SHARED_EVERY = 5;
const SHARED_STORIES = 200;
const WORDS_PER_ITEM = 60;

/** A small seeded generator, so every run serves the same feeds. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// Made-up words from syllables: thousands of them, so two unrelated items share few shingles.
const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ne',
  'ru',
  'sa',
  'ti',
  'vo',
  'ze',
  'pa',
  'qui',
  'dor',
  'fen',
  'gul',
  'hax',
];
const WORDS = SYLLABLES.flatMap((a) => SYLLABLES.flatMap((b) => SYLLABLES.map((c) => `${a}${b}${c}`)));

function text(seed: number, words: number): string {
  const random = mulberry32(seed);
  return Array.from({ length: words }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
}

const escapeXml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function feedDocument(feed: number, now: Date): string {
  const items = Array.from({ length: ITEMS_PER_FEED }, (_, j) => {
    const shared = j % SHARED_EVERY === 0;
    const story = shared ? (feed * 7 + j) % SHARED_STORIES : 1_000_000 + feed * ITEMS_PER_FEED + j;
    const link = `https://feed${feed}.example/${shared ? 'shared' : 'story'}/${story}`;
    const published = new Date(now.getTime() - (feed * ITEMS_PER_FEED + j) * 60_000).toUTCString();
    return (
      `<item><title>${escapeXml(text(story, 8))}</title><link>${link}</link><guid>${link}</guid>` +
      `<pubDate>${published}</pubDate><description>${escapeXml(text(story + 17, WORDS_PER_ITEM))}</description></item>`
    );
  });
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bench feed ${feed}</title><link>https://feed${feed}.example/</link>${items.join('')}</channel></rss>`;
}

export interface BenchFeedServer {
  host: string;
  feedUrls: string[];
  /** Requests answered 200 and 304 so far. */
  counts: { full: number; notModified: number };
  close(): Promise<void>;
}

/** Serves `feeds` generated feeds at /feed/N.xml; a matching If-None-Match gets a 304. */
export async function startBenchFeedServer(feeds: number, now: Date): Promise<BenchFeedServer> {
  const documents = new Map<string, { body: Buffer; etag: string }>();
  for (let f = 0; f < feeds; f++)
    documents.set(`/feed/${f}.xml`, { body: Buffer.from(feedDocument(f, now)), etag: `"bench-${f}"` });
  const counts = { full: 0, notModified: 0 };
  const server = http.createServer((req, res) => {
    const document = documents.get(req.url ?? '');
    if (!document) {
      res.writeHead(404).end();
      return;
    }
    if (req.headers['if-none-match'] === document.etag) {
      counts.notModified++;
      res.writeHead(304, { etag: document.etag }).end();
      return;
    }
    counts.full++;
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: document.etag });
    res.end(document.body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    host,
    feedUrls: [...documents.keys()].map((p) => `http://${host}${p}`),
    counts,
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
