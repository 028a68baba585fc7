import { describe, expect, it } from 'vitest';
import { buildImage } from '../../../test/support/site-views/fixture-parts.js';
import { buildFrontPageData, buildStoryPageData } from '../../../test/support/site-views/fixtures.js';
import { vnuProblems } from '../../../test/support/vnu.js';
import type { Media } from '../../stories/index.js';
import { imageView } from '../cards.js';
import { renderFrontPage } from './front-page.js';
import { ResponsiveImage } from './responsive-image.js';
import { renderStoryPage } from './story-page.js';

const webpOnly: Media = {
  id: 1,
  fileName: 'hero-x.webp',
  mimeType: 'image/webp',
  width: 1600,
  height: 900,
  renditions: [
    { width: 480, file: 'hero-x-480.webp' },
    { width: 800, file: 'hero-x-800.webp' },
    { width: 1600, file: 'hero-x.webp' },
  ],
  credit: '',
  createdAt: '2026-01-01T00:00:00.000Z',
};

const withAvif: Media = {
  ...webpOnly,
  renditions: webpOnly.renditions.map((r) => ({ ...r, avif: r.file.replace(/\.webp$/, '.avif') })),
};

const render = (media: Media, loading: 'eager' | 'lazy' = 'lazy') =>
  (<ResponsiveImage image={imageView(media, 'A rack of GPUs')} pageLang="en" loading={loading} />).toString();

describe('ResponsiveImage', () => {
  it('renders a plain <img> for media with WebP renditions only, exactly as before AVIF', () => {
    expect(render(webpOnly)).toBe(
      '<img src="/media/hero-x-800.webp" srcset="/media/hero-x-480.webp 480w, /media/hero-x-800.webp 800w, /media/hero-x.webp 1600w" sizes="(min-width: 820px) 760px, 100vw" width="1600" height="900" alt="A rack of GPUs" loading="lazy" decoding="async"/>',
    );
  });

  it('offers AVIF first through <picture>, with the same widths and sizes, and keeps the WebP <img>', () => {
    const html = render(withAvif, 'eager');
    expect(html).toBe(
      '<picture><source type="image/avif" srcset="/media/hero-x-480.avif 480w, /media/hero-x-800.avif 800w, /media/hero-x.avif 1600w" sizes="(min-width: 820px) 760px, 100vw"/><img src="/media/hero-x-800.webp" srcset="/media/hero-x-480.webp 480w, /media/hero-x-800.webp 800w, /media/hero-x.webp 1600w" sizes="(min-width: 820px) 760px, 100vw" width="1600" height="900" alt="A rack of GPUs"/></picture>',
    );
  });

  it('offers no AVIF when only some widths have it (a partly migrated record)', () => {
    const partial: Media = {
      ...webpOnly,
      renditions: webpOnly.renditions.map((r, i) => (i === 0 ? { ...r, avif: 'hero-x-480.avif' } : r)),
    };
    expect(imageView(partial, '').avifSrcset).toBeUndefined();
    expect(render(partial)).not.toContain('<picture>');
  });

  it('makes valid HTML on a story page and a front page (Nu Html Checker)', () => {
    const avifSrcset = '/media/gpu-racks-400.avif 400w, /media/gpu-racks-800.avif 800w';
    const story = buildStoryPageData('zh');
    story.story.hero = buildImage('GPU服务器', { avifSrcset, credit: 'Photo: Wire' });
    const front = buildFrontPageData('en');
    front.latest = front.latest.map((card) => ({
      ...card,
      ...(card.image ? { image: { ...card.image, avifSrcset } } : {}),
    }));
    const pages = { story: renderStoryPage(story), front: renderFrontPage(front) };
    expect(pages.story).toContain('<figure class="hero"><picture><source type="image/avif"');
    expect(pages.front).toContain('<picture><source type="image/avif"');
    expect(vnuProblems(pages)).toEqual([]);
  }, 60_000);
});
