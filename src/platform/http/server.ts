import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { RenderCache } from '../render-cache.js';
import { answerPage, redirectAnswer } from './cached-answer.js';
import { DEFAULT_EDGE, type EdgeSettings, HSTS_HEADER, refuseTarget } from './edge.js';
import { SECURITY_HEADERS } from './headers.js';

export interface RunningServer {
  url: string;
  server: http.Server;
  /**
   * Stops accepting connections and lets the requests under way finish, each answered with
   * `Connection: close`; whatever is still open after `graceMs` is cut.
   */
  close(graceMs?: number): Promise<void>;
}

/** How long a stopping server waits for requests under way before it cuts them. */
const DEFAULT_DRAIN_MS = 8_000;

/**
 * Serves the app, answering GET and HEAD for pages already in the render cache before Hono is
 * involved: a cache hit is then about as cheap as a plain node:http server sending bytes. The
 * key and the answer are the ones the site's `cachedPage` uses (`RenderCache.lookup`, `answerPage`).
 * Before either, a request target that is too long or not a clean path is refused.
 */
export function startServer(
  app: { fetch: (request: Request) => Response | Promise<Response> },
  cache: RenderCache,
  options: {
    host: string;
    port: number;
    /** Counts the answers the cache gives here, which Hono's request metrics never see. */
    onCacheAnswer?: (method: string, status: number, seconds: number) => void;
    edge?: EdgeSettings;
  },
): Promise<RunningServer> {
  const honoListener = getRequestListener(app.fetch);
  const edge = options.edge ?? DEFAULT_EDGE;
  let draining = false;
  const underWay = new Set<http.ServerResponse>();
  const server = http.createServer({ maxHeaderSize: edge.maxHeaderBytes }, (req, res) => {
    // A kept-alive connection would outlive the drain: once stopping, every answer closes it.
    if (draining) res.setHeader('connection', 'close');
    underWay.add(res);
    res.once('close', () => underWay.delete(res));
    if (edge.hsts) res.setHeader('strict-transport-security', HSTS_HEADER);
    const refused = refuseTarget(req.url ?? '', edge.maxUrlBytes);
    if (refused) {
      res.writeHead(refused, {
        ...SECURITY_HEADERS,
        'content-type': 'text/plain; charset=utf-8',
        connection: 'close',
      });
      res.end(refused === 414 ? 'URI Too Long' : 'Bad Request');
      return;
    }
    if ((req.method === 'GET' || req.method === 'HEAD') && req.url) {
      const started = performance.now();
      const found = cache.lookup(req.url);
      if (found) {
        const answer =
          'redirect' in found
            ? redirectAnswer(found.redirect)
            : answerPage(found.page, {
                method: req.method,
                ifNoneMatch: req.headers['if-none-match'],
                acceptEncoding: req.headers['accept-encoding'],
              });
        res.writeHead(answer.status, answer.headers);
        res.end(answer.body ?? undefined);
        options.onCacheAnswer?.(req.method, answer.status, (performance.now() - started) / 1000);
        return;
      }
    }
    void honoListener(req, res);
  });
  server.keepAliveTimeout = 65_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const address = server.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        url: `http://${host}:${address.port}`,
        server,
        close: (graceMs = DEFAULT_DRAIN_MS) =>
          new Promise<void>((done, fail) => {
            draining = true;
            for (const res of underWay) if (!res.headersSent) res.setHeader('connection', 'close');
            const cut = setTimeout(() => server.closeAllConnections(), graceMs);
            server.close((error) => {
              clearTimeout(cut);
              if (error) fail(error);
              else done();
            });
            server.closeIdleConnections();
          }),
      });
    });
  });
}
