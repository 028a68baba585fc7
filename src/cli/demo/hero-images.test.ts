import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoHeroSlugs, generateHeroImages, heroSvg } from './hero-images.js';

const SLUGS = ['b300-shipments-begin', 'ai-datacenter-power'];

let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'velocity-hero-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function digest(file: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
}

describe('generateHeroImages', () => {
  it('writes the master and the renditions at the right sizes and returns media records', async () => {
    const dir = path.join(root, 'a', 'media');
    const media = await generateHeroImages(dir, SLUGS);

    expect(media).toHaveLength(2);
    expect(media[0]).toEqual({
      fileName: 'hero-b300-shipments-begin.webp',
      mimeType: 'image/webp',
      width: 1600,
      height: 900,
      renditions: [
        { width: 480, file: 'hero-b300-shipments-begin-480.webp' },
        { width: 800, file: 'hero-b300-shipments-begin-800.webp' },
        { width: 1200, file: 'hero-b300-shipments-begin-1200.webp' },
        { width: 1600, file: 'hero-b300-shipments-begin.webp' },
      ],
      credit: 'Code Velocity',
    });

    expect((await readdir(dir)).sort()).toHaveLength(8);
    for (const item of media) {
      for (const rendition of item.renditions) {
        const meta = await sharp(path.join(dir, rendition.file)).metadata();
        expect(meta.format).toBe('webp');
        expect(meta.width).toBe(rendition.width);
        expect(meta.height).toBe(Math.round((rendition.width * 900) / 1600));
      }
    }
  });

  it('draws the same picture for the same slug, and different pictures for different slugs', async () => {
    expect(heroSvg('b300-shipments-begin')).toBe(heroSvg('b300-shipments-begin'));
    expect(heroSvg('b300-shipments-begin')).not.toBe(heroSvg('ai-datacenter-power'));
    expect(heroSvg('edge-ai-phones')).not.toMatch(/<text/);

    const other = path.join(root, 'b');
    await generateHeroImages(other, SLUGS);
    for (const slug of SLUGS) {
      const file = `hero-${slug}.webp`;
      expect(await digest(path.join(other, file))).toBe(await digest(path.join(root, 'a', 'media', file)));
    }
  });

  it('leaves existing files alone and only fills in missing ones', async () => {
    const dir = path.join(root, 'c');
    await generateHeroImages(dir, SLUGS);
    const master = path.join(dir, 'hero-b300-shipments-begin.webp');
    const rendition = path.join(dir, 'hero-ai-datacenter-power-800.webp');
    const before = (await stat(master)).mtimeMs;
    await unlink(rendition);

    const media = await generateHeroImages(dir, SLUGS);
    expect(media.map((m) => m.fileName)).toEqual([
      'hero-b300-shipments-begin.webp',
      'hero-ai-datacenter-power.webp',
    ]);
    expect((await stat(master)).mtimeMs).toBe(before);
    const meta = await sharp(rendition).metadata();
    expect(meta.width).toBe(800);
    expect(meta.height).toBe(450);
  });
});

describe('demoHeroSlugs', () => {
  it('extracts slugs from hero image names, once each', () => {
    expect(
      demoHeroSlugs([
        { heroImage: 'hero-b300-shipments-begin.webp', variants: [{ slug: 'b300-shipments-begin' }] },
        { heroImage: null, variants: [{ slug: 'no-hero' }] },
        { variants: [] },
        { heroImage: 'photo.jpg', variants: [] },
        { heroImage: 'hero-b300-shipments-begin.webp', variants: [] },
        { heroImage: 'hero-edge-ai-phones.webp', variants: [{ slug: 'edge-ai-phones' }] },
      ]),
    ).toEqual(['b300-shipments-begin', 'edge-ai-phones']);
  });
});
