import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { RenderCache } from '../render-cache.js';
import { etagMatches } from './headers.js';

export interface RunningServer {
  url: string;
  server: http.Server;
  close(): Promise<void>;
}

/**
 * Serves the app, answering GET and HEAD for pages already in the render cache before Hono is
 * involved: a cache hit is then about as cheap as a plain node:http server sending bytes.
 */
export function startServer(
  app: { fetch: (request: Request) => Response | Promise<Response> },
  cache: RenderCache,
  options: {
    host: string;
    port: number;
    /** Counts the answers the cache gives here, which Hono's request metrics never see. */
    onCacheAnswer?: (method: string, status: number, seconds: number) => void;
  },
): Promise<RunningServer> {
  const honoListener = getRequestListener(app.fetch);
  const server = http.createServer((req, res) => {
    if ((req.method === 'GET' || req.method === 'HEAD') && req.url) {
      const started = performance.now();
      const page = cache.get(req.url);
      if (page) {
        let status = page.status;
        if (etagMatches(req.headers['if-none-match'], page.etag)) {
          const { 'content-type': _type, 'content-length': _length, ...rest } = page.headers;
          status = 304;
          res.writeHead(304, { ...rest, etag: page.etag });
          res.end();
        } else {
          res.writeHead(page.status, {
            ...page.headers,
            etag: page.etag,
            'content-length': page.body.length,
          });
          res.end(req.method === 'HEAD' ? undefined : page.body);
        }
        options.onCacheAnswer?.(req.method, status, (performance.now() - started) / 1000);
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
