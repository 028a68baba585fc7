import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { RenderCache } from '../render-cache.js';
import { DEFAULT_EDGE, type EdgeSettings, HSTS_HEADER, refuseTarget } from './edge.js';
import { etagMatches, SECURITY_HEADERS } from './headers.js';

export interface RunningServer {
  url: string;
  server: http.Server;
  close(): Promise<void>;
}

/**
 * Serves the app, answering GET and HEAD for pages already in the render cache before Hono is
 * involved: a cache hit is then about as cheap as a plain node:http server sending bytes. Before
 * either, a request target that is too long or not a clean path is refused.
 */
export function startServer(
  app: { fetch: (request: Request) => Response | Promise<Response> },
  cache: RenderCache,
  options: { host: string; port: number; edge?: EdgeSettings },
): Promise<RunningServer> {
  const edge = options.edge ?? DEFAULT_EDGE;
  const honoListener = getRequestListener(app.fetch);
  const server = http.createServer({ maxHeaderSize: edge.maxHeaderBytes }, (req, res) => {
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
      const page = cache.get(req.url);
      if (page) {
        if (etagMatches(req.headers['if-none-match'], page.etag)) {
          const { 'content-type': _type, 'content-length': _length, ...rest } = page.headers;
          res.writeHead(304, { ...rest, etag: page.etag });
          res.end();
          return;
        }
        res.writeHead(page.status, { ...page.headers, etag: page.etag, 'content-length': page.body.length });
        res.end(req.method === 'HEAD' ? undefined : page.body);
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
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}
