/**
 * Third-party links that a story shows as an embed: YouTube, Vimeo, X posts and GitHub pages.
 *
 * A link is recognised only on exact hosts and exact id shapes, parsed with the URL class; the
 * embed keeps nothing from the author's text but the ids, so whatever reaches the page (the
 * canonical link and the player address) is rebuilt from characters the patterns allow.
 * Nothing is fetched from the provider until a reader asks: the page carries a link card, and
 * only video providers get a player, loaded on click from a no-cookie origin.
 */

export type EmbedProvider = 'youtube' | 'vimeo' | 'x' | 'github';

export type EmbedKind = 'video' | 'post' | 'repository' | 'gist' | 'issue' | 'pull';

export interface Embed {
  provider: EmbedProvider;
  kind: EmbedKind;
  /** The canonical https address of the page, rebuilt from the recognised ids. */
  url: string;
  /** A short readable name for the card: `owner/repo#12`, `@user`, the video id. */
  label: string;
  /** The player's address for video providers; absent for X and GitHub, which stay link cards. */
  frameSrc?: string;
}

/** The only origins a player may be loaded from; the site's Content-Security-Policy names them. */
export const EMBED_FRAME_ORIGINS = ['https://www.youtube-nocookie.com', 'https://player.vimeo.com'] as const;

const EMBED_PROVIDER_NAMES: Record<EmbedProvider, string> = {
  youtube: 'YouTube',
  vimeo: 'Vimeo',
  x: 'X',
  github: 'GitHub',
};

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const VIMEO_ID = /^\d{1,12}$/;
const VIMEO_HASH = /^[0-9a-f]{6,20}$/;
const X_USER = /^[A-Za-z0-9_]{1,15}$/;
const X_STATUS = /^\d{1,20}$/;
const GITHUB_OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const GITHUB_REPO = /^[A-Za-z0-9._-]{1,100}$/;
const GIST_ID = /^[0-9a-f]{20,40}$/;
const NUMBER = /^[1-9]\d{0,9}$/;

// First path segments on github.com that are GitHub's own pages, not an owner.
const GITHUB_RESERVED = new Set([
  'about',
  'apps',
  'collections',
  'enterprise',
  'explore',
  'features',
  'login',
  'marketplace',
  'new',
  'notifications',
  'orgs',
  'organizations',
  'pricing',
  'search',
  'security',
  'settings',
  'site',
  'sponsors',
  'topics',
  'trending',
]);

const YOUTUBE_HOSTS = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com']);
const VIMEO_HOSTS = new Set(['vimeo.com', 'www.vimeo.com']);
const X_HOSTS = new Set(['x.com', 'www.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com']);

function parse(text: string): URL | undefined {
  // A link is one token: whitespace or control characters mean it is prose, not an address.
  if (text.length > 2048 || /[\s\p{Cc}]/u.test(text)) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username !== '' || url.password !== '' || url.port !== '') return undefined;
  return url;
}

/** Path segments without empty ones, so a trailing slash does not matter. */
const segmentsOf = (url: URL) => url.pathname.split('/').filter((segment) => segment !== '');

function youtube(id: string | undefined | null): Embed | undefined {
  if (!id || !YOUTUBE_ID.test(id)) return undefined;
  return {
    provider: 'youtube',
    kind: 'video',
    url: `https://www.youtube.com/watch?v=${id}`,
    label: id,
    frameSrc: `https://www.youtube-nocookie.com/embed/${id}?autoplay=1`,
  };
}

function vimeo(id: string | undefined, hash?: string | null): Embed | undefined {
  if (!id || !VIMEO_ID.test(id)) return undefined;
  if (hash != null && !VIMEO_HASH.test(hash)) return undefined;
  const privateHash = hash ? `?h=${hash}` : '';
  return {
    provider: 'vimeo',
    kind: 'video',
    url: `https://vimeo.com/${id}${hash ? `/${hash}` : ''}`,
    label: id,
    frameSrc: `https://player.vimeo.com/video/${id}${privateHash}${privateHash ? '&' : '?'}dnt=1&autoplay=1`,
  };
}

function github(parts: string[]): Embed | undefined {
  const [owner, repo, section, number] = parts;
  if (!owner || !repo || !GITHUB_OWNER.test(owner) || GITHUB_RESERVED.has(owner.toLowerCase()))
    return undefined;
  if (!GITHUB_REPO.test(repo) || repo === '.' || repo === '..') return undefined;
  const base = `https://github.com/${owner}/${repo}`;
  if (parts.length === 2)
    return { provider: 'github', kind: 'repository', url: base, label: `${owner}/${repo}` };
  if (parts.length === 4 && number && NUMBER.test(number) && (section === 'issues' || section === 'pull')) {
    return {
      provider: 'github',
      kind: section === 'issues' ? 'issue' : 'pull',
      url: `${base}/${section}/${number}`,
      label: `${owner}/${repo}#${number}`,
    };
  }
  return undefined;
}

/**
 * The embed a link stands for, or undefined when it is not exactly one of the supported shapes:
 * `youtube.com/watch?v=ID`, `youtu.be/ID`, `youtube.com/shorts/ID`, `vimeo.com/ID`,
 * `x.com|twitter.com/USER/status/ID`, `github.com/OWNER/REPO` (and `/issues/N`, `/pull/N`),
 * `gist.github.com/USER/ID`. Anything else, however close, stays an ordinary link.
 */
export function recognizeEmbed(text: string): Embed | undefined {
  const url = parse(text.trim());
  if (!url) return undefined;
  const host = url.hostname.toLowerCase();
  const parts = segmentsOf(url);
  if (YOUTUBE_HOSTS.has(host)) {
    if (parts.length === 1 && parts[0] === 'watch') return youtube(url.searchParams.get('v'));
    if (parts.length === 2 && (parts[0] === 'shorts' || parts[0] === 'embed')) return youtube(parts[1]);
    return undefined;
  }
  if (host === 'youtu.be') return parts.length === 1 ? youtube(parts[0]) : undefined;
  if (VIMEO_HOSTS.has(host)) {
    if (parts.length === 1) return vimeo(parts[0]);
    if (parts.length === 2) return vimeo(parts[0], parts[1]);
    return undefined;
  }
  if (host === 'player.vimeo.com') {
    return parts.length === 2 && parts[0] === 'video'
      ? vimeo(parts[1], url.searchParams.get('h'))
      : undefined;
  }
  if (X_HOSTS.has(host)) {
    const [user, status, id] = parts;
    if (parts.length !== 3 || status !== 'status' || !user || !id) return undefined;
    if (!X_USER.test(user) || !X_STATUS.test(id)) return undefined;
    return { provider: 'x', kind: 'post', url: `https://x.com/${user}/status/${id}`, label: `@${user}` };
  }
  if (host === 'github.com' || host === 'www.github.com') return github(parts);
  if (host === 'gist.github.com') {
    const [user, id] = parts;
    if (parts.length !== 2 || !user || !id || !GITHUB_OWNER.test(user) || !GIST_ID.test(id)) return undefined;
    return {
      provider: 'github',
      kind: 'gist',
      url: `https://gist.github.com/${user}/${id}`,
      label: `${user}/${id.slice(0, 7)}`,
    };
  }
  return undefined;
}

/** The localised words an embed card shows; the story's language, decided when it is rendered. */
export interface EmbedLabels {
  /** Button that loads a video player: "Load video". */
  loadVideo: string;
  /** Under a video card: that playing loads it from the provider. `{provider}` is replaced. */
  videoNote: string;
  /** The kind of page, as the card names it: "Video", "Post", "Repository", … */
  kinds: Record<EmbedKind, string>;
  /** The player frame's accessible name; `{provider}` and `{label}` are replaced. */
  frameTitle: string;
}

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

/**
 * The card for an embed, as HTML: provider, kind and a plain link that works without JavaScript.
 * A video card also carries the player's address and a hidden button the site's script reveals;
 * clicking it is the first time the provider hears of the reader.
 */
export function renderEmbedCard(embed: Embed, labels: EmbedLabels, esc: (text: string) => string): string {
  const provider = EMBED_PROVIDER_NAMES[embed.provider];
  const kind = labels.kinds[embed.kind];
  const link = `<a class="embed-link" href="${esc(embed.url)}" rel="noopener">${esc(embed.url.replace(/^https:\/\//, ''))}</a>`;
  const head = `<p class="embed-head"><span class="embed-provider">${esc(provider)}</span> <span class="embed-kind">${esc(kind)}</span> <span class="embed-label">${esc(embed.label)}</span></p>`;
  if (!embed.frameSrc) {
    return `<figure class="embed embed-${embed.provider}" data-embed-url="${esc(embed.url)}">\n${head}\n<figcaption>${link}</figcaption>\n</figure>\n`;
  }
  const title = fill(labels.frameTitle, { provider, label: embed.label });
  const note = fill(labels.videoNote, { provider });
  return (
    `<figure class="embed embed-${embed.provider} embed-video" data-embed-url="${esc(embed.url)}" data-embed-src="${esc(embed.frameSrc)}" data-embed-title="${esc(title)}">\n` +
    `${head}\n<button type="button" class="embed-load" data-embed-load hidden>${esc(labels.loadVideo)}</button>\n` +
    `<figcaption>${link} <small class="embed-note">${esc(note)}</small></figcaption>\n</figure>\n`
  );
}

// Cards are written by renderEmbedCard only (raw HTML is off in story Markdown), so this exact
// shape is the only way a `<figure class="embed` can appear in stored HTML.
const CARD = /<figure class="embed [^"]*" data-embed-url="([^"]*)"[^>]*>[\s\S]*?<\/figure>\n?/g;

/** Stored story HTML with every embed card turned into a plain paragraph link: for feeds and email. */
export function embedsAsLinks(html: string): string {
  return html.replace(CARD, (_card, url: string) => `<p><a href="${url}">${url}</a></p>\n`);
}
