import type { Endpoint } from './endpoint.js';

/**
 * The methods some endpoint answers at `path` (under the API's mount point), for a 405's Allow
 * header: HEAD comes with GET, as Hono answers it from the GET route.
 */
export function allowedMethods(endpoints: readonly Endpoint[], mount: string, path: string): string[] {
  const methods = new Set<string>();
  for (const endpoint of endpoints) {
    const pattern = endpoint.path
      .split('/')
      .map((segment) =>
        /^\{[A-Za-z0-9_]+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('/');
    if (!new RegExp(`^${mount}${pattern}/?$`).test(path)) continue;
    const method = endpoint.method.toUpperCase();
    methods.add(method);
    if (method === 'GET') methods.add('HEAD');
  }
  const order = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];
  return order.filter((method) => methods.has(method));
}
