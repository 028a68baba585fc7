// Sent with every response, also from the cache fast path. The public site loads nothing from
// other origins, so the policy can be strict; JSON-LD blocks are data and are not executed.
// The one exception is a video player a reader asks for by clicking an embed card: frames may
// come only from the two no-cookie player origins (EMBED_FRAME_ORIGINS), and from the site
// itself for the newsletter preview.
export const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; script-src 'self'; style-src 'self'; frame-src 'self' https://www.youtube-nocookie.com https://player.vimeo.com; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
};

/** Readers get fresh pages within a minute; caches may serve a stale copy while revalidating. */
export const PAGE_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** RFC 9110 §13.1.2: If-None-Match holds a list of entity tags or `*`; weak comparison applies. */
export function etagMatches(ifNoneMatch: string | undefined | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === bare);
}
