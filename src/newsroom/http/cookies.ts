import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { trustsProxies } from '../../platform/http/proxy-trust.js';
import type { NewsroomDeps } from '../deps.js';

/** HTTPS, told by the public URL or (behind a proxy we were told to trust) by the proxy. */
function isSecureRequest(c: Context, deps: NewsroomDeps): boolean {
  if (deps.config.siteUrl.startsWith('https:')) return true;
  if (trustsProxies(deps.config.proxyTrust) && c.req.header('x-forwarded-proto') === 'https') return true;
  return new URL(c.req.url).protocol === 'https:';
}

// `__Host-` cookies are only accepted over HTTPS, for this host and path `/`: another subdomain
// cannot plant or overwrite them.
function cookieName(c: Context, deps: NewsroomDeps, base: string): string {
  return isSecureRequest(c, deps) ? `__Host-${base}` : base;
}

export const SESSION_COOKIE = 'velocity_session';
export const SIGN_IN_CSRF_COOKIE = 'velocity_signin';

export function readCookie(c: Context, deps: NewsroomDeps, base: string): string | undefined {
  return getCookie(c, cookieName(c, deps, base));
}

export function writeCookie(
  c: Context,
  deps: NewsroomDeps,
  base: string,
  value: string,
  options: { maxAgeSeconds: number; sameSite: 'Lax' | 'Strict' },
): void {
  setCookie(c, cookieName(c, deps, base), value, {
    httpOnly: true,
    secure: isSecureRequest(c, deps),
    sameSite: options.sameSite,
    path: '/',
    maxAge: options.maxAgeSeconds,
  });
}

export function clearCookie(c: Context, deps: NewsroomDeps, base: string): void {
  deleteCookie(c, cookieName(c, deps, base), { path: '/', secure: isSecureRequest(c, deps) });
}
