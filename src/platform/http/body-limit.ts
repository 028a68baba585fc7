import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { DomainError } from '../errors.js';

/** The most a family of routes reads from a request body. */
export interface BodyLimitRule {
  /** Who sends these bodies, in words (the README's table and the 413's text use it). */
  family: string;
  /** A path prefix (`/api/`) or a pattern, matched against the routed path. */
  path: string | RegExp;
  maxBytes: number;
}

function matches(rule: BodyLimitRule, path: string): boolean {
  return typeof rule.path === 'string' ? path.startsWith(rule.path) : rule.path.test(path);
}

/** The first rule for `path`; the list ends with a catch-all, so there always is one. */
export function bodyLimitFor(rules: readonly BodyLimitRule[], path: string): BodyLimitRule {
  const rule = rules.find((candidate) => matches(candidate, path));
  if (!rule) throw new Error(`No body limit covers ${path}; the list must end with a catch-all.`);
  return rule;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KiB`;
  return `${bytes} bytes`;
}

/**
 * Applies the limit of each request's route family before any handler reads the body. A declared
 * Content-Length over the limit is refused without reading a byte (node:http never delivers more
 * than it declares; a client that sends more has the rest read as a broken next request). A body
 * without a length (chunked) is read up to the limit and refused as soon as it passes it, so no
 * request holds more than its limit in memory. Refusals are `too-large` domain errors, which the
 * surface renders as its 413.
 */
export function limitBodies(rules: readonly BodyLimitRule[]): MiddlewareHandler {
  const limiters = new Map(
    rules.map((rule) => [
      rule,
      bodyLimit({
        maxSize: rule.maxBytes,
        onError: () => {
          throw new DomainError(
            'too-large',
            `The request body is larger than ${formatBytes(rule.maxBytes)}, the most this server accepts here.`,
            { maxBytes: rule.maxBytes },
          );
        },
      }),
    ]),
  );
  return (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const limiter = limiters.get(bodyLimitFor(rules, c.req.path));
    return limiter ? limiter(c, next) : next();
  };
}
