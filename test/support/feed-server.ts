import { once } from 'node:events';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FeedRoute = (req: IncomingMessage, res: ServerResponse) => void;

/** A local web server on 127.0.0.1 for the desk's tests: routes are set per test, requests recorded. */
export interface FeedServer {
  base: string;
  host: string;
  routes: Map<string, FeedRoute>;
  requests: { path: string; headers: IncomingMessage['headers'] }[];
  /** Serves `body` with an ETag; answers 304 to a matching If-None-Match. */
  serve(path: string, body: string | Buffer, contentType?: string): void;
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, FeedRoute>();
  const requests: FeedServer['requests'] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    requests.push({ path: url.pathname, headers: req.headers });
    const route = routes.get(url.pathname);
    if (route) route(req, res);
    else {
      res.statusCode = 404;
      res.end('not here');
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const host = `127.0.0.1:${port}`;
  return {
    base: `http://${host}`,
    host,
    routes,
    requests,
    serve(path, body, contentType = 'application/rss+xml; charset=utf-8') {
      const bytes = typeof body === 'string' ? Buffer.from(body) : body;
      const etag = `"${bytes.length.toString(16)}-${bytes.subarray(0, 64).toString('hex').slice(-16)}"`;
      routes.set(path, (req, res) => {
        if (req.headers['if-none-match'] === etag) {
          res.statusCode = 304;
          res.end();
          return;
        }
        res.setHeader('content-type', contentType);
        res.setHeader('etag', etag);
        res.end(bytes);
      });
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

export interface RssItem {
  title: string;
  link: string;
  description: string;
  pubDate: string;
  guid?: string;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A small RSS 2.0 document written for the tests. */
export function rss(title: string, link: string, items: RssItem[]): string {
  const entries = items
    .map(
      (item) =>
        `<item><title>${escapeXml(item.title)}</title><link>${escapeXml(item.link)}</link>` +
        `<guid>${escapeXml(item.guid ?? item.link)}</guid><pubDate>${item.pubDate}</pubDate>` +
        `<description>${escapeXml(item.description)}</description></item>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${escapeXml(title)}</title><link>${escapeXml(link)}</link>${entries}</channel></rss>`;
}
