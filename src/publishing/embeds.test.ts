import { describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../platform/http/headers.js';
import { EMBED_FRAME_ORIGINS, type EmbedLabels, embedsAsLinks, recognizeEmbed } from './embeds.js';
import { renderMarkdown } from './markdown.js';

const labels: EmbedLabels = {
  loadVideo: '加载视频',
  videoNote: '播放时才会从 {provider} 加载播放器。',
  frameTitle: '{provider} 视频 {label}',
  kinds: {
    video: '视频',
    post: '帖子',
    repository: '代码仓库',
    gist: 'Gist',
    issue: '议题',
    pull: '拉取请求',
  },
};
const render = (markdown: string, embeds: EmbedLabels | null = labels) =>
  renderMarkdown(markdown, { resolveStoryLink: () => undefined, ...(embeds ? { embeds } : {}) }).html;

describe('recognizeEmbed: accepted shapes', () => {
  it.each([
    [
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      'youtube',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1',
    ],
    [
      'https://youtu.be/dQw4w9WgXcQ',
      'youtube',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1',
    ],
    [
      'https://m.youtube.com/shorts/dQw4w9WgXcQ/',
      'youtube',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1',
    ],
    [
      'http://YouTube.com/watch?v=dQw4w9WgXcQ&t=30',
      'youtube',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1',
    ],
    ['https://vimeo.com/76979871', 'vimeo', 'https://player.vimeo.com/video/76979871?dnt=1&autoplay=1'],
    [
      'https://vimeo.com/76979871/abc123def0',
      'vimeo',
      'https://player.vimeo.com/video/76979871?h=abc123def0&dnt=1&autoplay=1',
    ],
  ])('%s is a %s video played from a no-cookie origin', (link, provider, frameSrc) => {
    const embed = recognizeEmbed(link);
    expect(embed?.provider).toBe(provider);
    expect(embed?.frameSrc).toBe(frameSrc);
    expect(EMBED_FRAME_ORIGINS).toContain(new URL(frameSrc).origin);
  });

  it.each([
    [
      'https://twitter.com/nvidia/status/1234567890123456789',
      'x',
      'post',
      'https://x.com/nvidia/status/1234567890123456789',
    ],
    ['https://x.com/openai/status/42/', 'x', 'post', 'https://x.com/openai/status/42'],
    ['https://github.com/nodejs/node', 'github', 'repository', 'https://github.com/nodejs/node'],
    [
      'https://github.com/nodejs/node/issues/123',
      'github',
      'issue',
      'https://github.com/nodejs/node/issues/123',
    ],
    ['https://github.com/nodejs/node/pull/9', 'github', 'pull', 'https://github.com/nodejs/node/pull/9'],
    [
      'https://gist.github.com/octo-cat/aa5a315d61ae9438b18d',
      'github',
      'gist',
      'https://gist.github.com/octo-cat/aa5a315d61ae9438b18d',
    ],
  ])('%s is a %s %s link card with no player', (link, provider, kind, url) => {
    const embed = recognizeEmbed(link);
    expect(embed).toMatchObject({ provider, kind, url });
    expect(embed?.frameSrc).toBeUndefined();
  });
});

describe('recognizeEmbed: refused', () => {
  it.each([
    'https://www.youtube.com.evil.test/watch?v=dQw4w9WgXcQ',
    'https://evil.test/?https://youtu.be/dQw4w9WgXcQ',
    'https://notyoutube.com/watch?v=dQw4w9WgXcQ',
    'https://www.youtube.com/watch?v=dQw4w9WgXc', // 10 characters
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ"onload=alert(1)',
    'https://www.youtube.com/watch?v=<script>x</script>',
    'https://user:pw@www.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ',
    'javascript://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'ftp://vimeo.com/76979871',
    'https://vimeo.com/76979871/not-a-hash',
    'https://vimeo.com/channels/staffpicks',
    'https://player.vimeo.com.evil.test/video/76979871',
    'https://x.com/nvidia/likes/123',
    'https://x.com/this_name_is_far_too_long/status/1',
    'https://x.com/nvidia/status/12abc',
    'https://github.com/settings/profile',
    'https://github.com/nodejs/node/blob/main/README.md',
    'https://github.com/nodejs/..',
    'https://github.com/-bad/repo',
    'https://gist.github.com/octocat/not-hex-at-all',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ and more words',
    'youtube.com/watch?v=dQw4w9WgXcQ',
  ])('%s', (link) => {
    expect(recognizeEmbed(link)).toBeUndefined();
  });
});

describe('renderMarkdown: embed cards', () => {
  it('turns a bare video link on its own line into a card with a hidden load button and a plain link', () => {
    const html = render('Intro.\n\nhttps://youtu.be/dQw4w9WgXcQ\n\nOutro.');
    expect(html).toContain('<p>Intro.</p>');
    expect(html).toContain(
      'data-embed-src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1" data-embed-title="YouTube 视频 dQw4w9WgXcQ"',
    );
    expect(html).toContain(
      '<button type="button" class="embed-load" data-embed-load hidden>加载视频</button>',
    );
    expect(html).toContain(
      '<a class="embed-link" href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" rel="noopener">www.youtube.com/watch?v=dQw4w9WgXcQ</a>',
    );
    expect(html).not.toMatch(/<iframe|<img|<script/);
  });

  it('accepts an autolink and a link whose text is its address, not a link with words of its own', () => {
    expect(render('<https://vimeo.com/76979871>')).toContain('class="embed embed-vimeo embed-video"');
    expect(render('[https://x.com/a/status/1](https://x.com/a/status/1)')).toContain('class="embed embed-x"');
    const sentence = render('[watch the keynote](https://youtu.be/dQw4w9WgXcQ)');
    expect(sentence).not.toContain('class="embed');
    expect(sentence).toContain('<a href="https://youtu.be/dQw4w9WgXcQ" rel="noopener">watch the keynote</a>');
  });

  it('leaves links inside sentences, lists, quotes and code alone', () => {
    for (const markdown of [
      'See https://youtu.be/dQw4w9WgXcQ now',
      '- https://youtu.be/dQw4w9WgXcQ',
      '> https://youtu.be/dQw4w9WgXcQ',
      '    https://youtu.be/dQw4w9WgXcQ',
      'https://youtu.be/dQw4w9WgXcQ\nhttps://vimeo.com/76979871',
    ]) {
      expect(render(markdown)).not.toContain('class="embed');
    }
  });

  it('renders X and GitHub as link cards with no button, in the labels given', () => {
    const html = render('https://github.com/nodejs/node/pull/9');
    expect(html).toContain(
      '<span class="embed-provider">GitHub</span> <span class="embed-kind">拉取请求</span>',
    );
    expect(html).toContain('<span class="embed-label">nodejs/node#9</span>');
    expect(html).not.toContain('<button');
    expect(html).not.toContain('data-embed-src');
  });

  it('without labels (an FAQ answer) a link stays a paragraph', () => {
    expect(render('https://youtu.be/dQw4w9WgXcQ', null)).toBe('<p>https://youtu.be/dQw4w9WgXcQ</p>\n');
  });

  it('escapes what it writes: hostile text around an embed stays text', () => {
    const html = render(
      '<img src=x onerror=alert(1)>\n\nhttps://youtu.be/dQw4w9WgXcQ\n\n"><script>alert(1)</script>',
    );
    expect(html).not.toMatch(/<img|<script/);
    expect(html).toContain('&lt;script&gt;');
    const hostileLabels = { ...labels, loadVideo: '<b>"x"</b>', frameTitle: '"><script>' };
    const card = render('https://youtu.be/dQw4w9WgXcQ', hostileLabels);
    expect(card).toContain('&lt;b&gt;&quot;x&quot;&lt;/b&gt;');
    expect(card).toContain('data-embed-title="&quot;&gt;&lt;script&gt;"');
  });
});

describe('embedsAsLinks (feeds and email)', () => {
  it('replaces each card with its plain link and keeps the rest', () => {
    const html = render('Intro.\n\nhttps://youtu.be/dQw4w9WgXcQ\n\nhttps://github.com/nodejs/node\n\nOutro.');
    const plain = embedsAsLinks(html);
    expect(plain).toBe(
      '<p>Intro.</p>\n<p><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">https://www.youtube.com/watch?v=dQw4w9WgXcQ</a></p>\n' +
        '<p><a href="https://github.com/nodejs/node">https://github.com/nodejs/node</a></p>\n<p>Outro.</p>\n',
    );
  });

  it('cannot be fooled by an author typing the card markup: raw HTML is escaped first', () => {
    const html = render('<figure class="embed x" data-embed-url="javascript:alert(1)">a</figure>');
    expect(embedsAsLinks(html)).toBe(html);
  });
});

describe('Content-Security-Policy', () => {
  it('allows frames only from the site and the two player origins', () => {
    const frameSrc = SECURITY_HEADERS['content-security-policy']
      ?.split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .find(([name]) => name === 'frame-src');
    expect(frameSrc?.slice(1).sort()).toEqual(["'self'", ...EMBED_FRAME_ORIGINS].sort());
  });
});
