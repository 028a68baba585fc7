import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type DeskDeps, ingestFeedDocument } from '../../src/desk/index.js';

// Test fixtures of the desk's admin tests (not shipped code's concern, like media/test-images.ts):
// a few small feeds written here, served by a real HTTP server on 127.0.0.1. Two of them report
// the same Nvidia news with near-identical titles; a third is in Chinese and has markup in a title.
// The corpus has no pair of feeds reporting one story, so these are written inline.

const NVIDIA_SUMMARY =
  'Nvidia unveiled Rubin, a data-centre inference chip that it says serves large language models at half ' +
  'the power of the previous generation. The company expects the first systems to ship to cloud providers ' +
  'early next year, with volume production at TSMC in the second quarter.';

const OPENAI_SUMMARY =
  'OpenAI is opening a research office in Tokyo, its first in Asia, to work with Japanese companies and ' +
  'universities on language models that handle Japanese better. The office starts with about forty people.';

const QWEN_SUMMARY =
  '阿里云发布了新一代通义千问开源模型，参数规模从十亿到七百亿不等，并称其在中文推理测试中明显领先上一代。' +
  '开发者现在即可下载模型权重，商用许可与此前保持一致。';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

interface FixtureItem {
  path: string;
  title: string;
  summary: string;
  author?: string;
  publishedAt: string;
}

function rss(origin: string, feed: { title: string; site: string; language: string; items: FixtureItem[] }) {
  const items = feed.items
    .map(
      (item) => `    <item>
      <title>${item.title}</title>
      <link>${origin}${item.path}</link>
      <guid>${origin}${item.path}</guid>
      <description>${escapeXml(item.summary)}</description>
      ${item.author ? `<dc:creator>${escapeXml(item.author)}</dc:creator>` : ''}
      <pubDate>${new Date(item.publishedAt).toUTCString()}</pubDate>
    </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>${escapeXml(feed.title)}</title>
    <link>${origin}${feed.site}</link>
    <description>${escapeXml(feed.title)}</description>
    <language>${feed.language}</language>
${items}
  </channel>
</rss>
`;
}

function atom(origin: string, feed: { title: string; site: string; items: FixtureItem[] }) {
  const entries = feed.items
    .map(
      (item) => `  <entry>
    <title>${item.title}</title>
    <link rel="alternate" href="${origin}${item.path}"/>
    <id>${origin}${item.path}</id>
    <updated>${item.publishedAt}</updated>
    <published>${item.publishedAt}</published>
    ${item.author ? `<author><name>${escapeXml(item.author)}</name></author>` : ''}
    <summary>${escapeXml(item.summary)}</summary>
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>${escapeXml(feed.title)}</title>
  <link rel="alternate" href="${origin}${feed.site}"/>
  <id>${origin}${feed.site}</id>
  <updated>2026-11-28T08:00:00Z</updated>
${entries}
</feed>
`;
}

/** What the server answers; tests change it between refreshes. */
export interface FeedServerState {
  /** The wire gets a third item (a "refresh now" finds it). */
  wireExtra: boolean;
  /** Status of the Chip Weekly feed: 500 makes its refresh fail. */
  chipsStatus: number;
}

export interface FeedDocuments {
  wire: string;
  chips: string;
  markup: string;
}

/** The three feeds as they are served from `origin`. */
function feedDocuments(origin: string, state: Pick<FeedServerState, 'wireExtra'>): FeedDocuments {
  const wireItems: FixtureItem[] = [
    {
      path: '/wire/2026/11/28/nvidia-rubin-inference-chip',
      title: 'Nvidia unveils Rubin inference chip that halves power use',
      summary: NVIDIA_SUMMARY,
      author: 'Dana Reyes',
      publishedAt: '2026-11-28T06:30:00Z',
    },
    {
      path: '/wire/2026/11/27/openai-tokyo-office',
      title: 'OpenAI opens its first Asian research office in Tokyo',
      summary: OPENAI_SUMMARY,
      author: 'Kenji Sato',
      publishedAt: '2026-11-27T10:00:00Z',
    },
  ];
  if (state.wireExtra)
    wireItems.push({
      path: '/wire/2026/11/28/meta-llama-update',
      title: 'Meta releases a smaller Llama model for phones',
      summary:
        'Meta released a compact Llama model meant to run on phones without a network connection, with a ' +
        'context window of thirty-two thousand tokens and a licence that allows commercial use.',
      publishedAt: '2026-11-28T08:45:00Z',
    });
  return {
    wire: rss(origin, { title: 'Daily Wire Tech', site: '/wire/', language: 'en', items: wireItems }),
    chips: atom(origin, {
      title: 'Chip Weekly',
      site: '/chips/',
      items: [
        {
          path: '/chips/nvidia-rubin-halves-power',
          title: 'Nvidia unveils the Rubin inference chip, halving power use',
          summary: NVIDIA_SUMMARY,
          author: 'Lee Park',
          publishedAt: '2026-11-28T08:10:00Z',
        },
      ],
    }),
    markup: rss(origin, {
      title: 'Markup Daily',
      site: '/markup/',
      language: 'zh-cn',
      items: [
        {
          path: '/markup/qwen-open-models',
          title: '阿里云发布新一代通义千问开源模型',
          summary: QWEN_SUMMARY,
          publishedAt: '2026-11-26T03:00:00Z',
        },
        {
          path: '/markup/markup-in-title',
          // Twice escaped: the item's title, as text, is an <img> tag with a handler.
          title: 'Chip startup &amp;lt;img src=x onerror=alert(1)&amp;gt; raises funds',
          summary:
            'A chip startup raised new funding to build accelerators for recommendation systems, its founders said ' +
            'on Wednesday, without naming the investors or the amount.',
          publishedAt: '2026-11-25T12:00:00Z',
        },
      ],
    }),
  };
}

/** The wire's home page, which names its feed for discovery. */
function wirePage(origin: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Daily Wire Tech</title>
<link rel="alternate" type="application/rss+xml" title="Daily Wire Tech" href="${origin}/wire/feed.xml">
</head><body><h1>Daily Wire Tech</h1><p>News about chips and models.</p></body></html>
`;
}

export interface FeedServer {
  origin: string;
  /** `127.0.0.1:<port>`, for DESK_ALLOW_HOSTS. */
  host: string;
  state: FeedServerState;
  /** The addresses a person would type. */
  urls: { wirePage: string; wire: string; chips: string; markup: string; nothing: string };
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const state: FeedServerState = { wireExtra: false, chipsStatus: 200 };
  let origin = '';
  const server = http.createServer((req, res) => {
    const documents = feedDocuments(origin, state);
    const send = (status: number, type: string, body: string) =>
      res.writeHead(status, { 'content-type': type }).end(body);
    switch (req.url) {
      case '/wire/':
        return send(200, 'text/html; charset=utf-8', wirePage(origin));
      case '/wire/feed.xml':
        return send(200, 'application/rss+xml; charset=utf-8', documents.wire);
      case '/chips/atom.xml':
        return state.chipsStatus === 200
          ? send(200, 'application/atom+xml; charset=utf-8', documents.chips)
          : send(state.chipsStatus, 'text/plain', 'server error');
      case '/markup/feed.xml':
        return send(200, 'application/rss+xml; charset=utf-8', documents.markup);
      case '/plain/':
        return send(
          200,
          'text/html; charset=utf-8',
          '<!doctype html><title>No feed</title><p>Nothing here.</p>',
        );
      default:
        return send(404, 'text/plain', 'not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    host: `127.0.0.1:${port}`,
    state,
    urls: {
      wirePage: `${origin}/wire/`,
      wire: `${origin}/wire/feed.xml`,
      chips: `${origin}/chips/atom.xml`,
      markup: `${origin}/markup/feed.xml`,
      nothing: `${origin}/plain/`,
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The environment a test app needs to fetch from this server without the full-text step. */
export function deskEnv(server: FeedServer): Record<string, string> {
  return { DESK_ALLOW_HOSTS: server.host, DESK_FULL_TEXT: 'false' };
}

/**
 * Fills a desk without any network, from the same documents taken in as files: for pages that
 * need clusters to show (browser checks, screenshots). Full text is turned off first, since the
 * items' pages are nowhere to be fetched.
 */
export async function seedDeskFromFiles(desk: DeskDeps, origin = 'https://news-sources.example.com') {
  desk.settings.fullText = false;
  const documents = feedDocuments(origin, { wireExtra: true });
  for (const [name, body] of Object.entries(documents))
    await ingestFeedDocument(desk, new TextEncoder().encode(body), { name: `${name}.xml` });
}
