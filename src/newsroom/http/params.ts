import type { Context } from 'hono';
import { DomainError } from '../../platform/errors.js';

/** A numeric `:id` path parameter; anything else is a 404, as no such page exists. */
export function idParam(c: Context, name = 'id'): number {
  const value = c.req.param(name) ?? '';
  const id = /^[1-9]\d{0,9}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(id)) throw new DomainError('not-found', `No such page: ${c.req.path}`);
  return id;
}

/** `?page=N` (1 when absent or not a positive number) and the rows it skips. */
export function pageParam(c: Context, pageSize: number): { page: number; limit: number; offset: number } {
  const value = Number(c.req.query('page') ?? '1');
  const page = Number.isSafeInteger(value) && value >= 1 && value <= 100_000 ? value : 1;
  return { page, limit: pageSize, offset: (page - 1) * pageSize };
}

/** Links to the previous and next page, keeping the other query parameters. */
export function pagerLinks(
  path: string,
  query: Record<string, string | undefined>,
  page: number,
  totalPages: number,
): { previousHref?: string; nextHref?: string } {
  const href = (n: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
    if (n > 1) params.set('page', String(n));
    const search = params.toString();
    return search ? `${path}?${search}` : path;
  };
  return {
    ...(page > 1 ? { previousHref: href(Math.min(page - 1, totalPages)) } : {}),
    ...(page < totalPages ? { nextHref: href(page + 1) } : {}),
  };
}
