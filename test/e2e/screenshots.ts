// Screenshots of the reader site for a visual review (not a test):
//   node --import tsx test/e2e/screenshots.ts [output folder] [page kinds, comma separated]
// writes full-page PNGs of the front page, the reference story and a section page at 390 px and
// 1280 px wide, in Chinese and English, in light and dark colour schemes (test-results/ by default,
// which git ignores), and cuts each into screen-high slices under slices/, which an image viewer
// can show without shrinking a 10,000 px page to a blur. Other kinds: the keys of PAGES.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { LOCALES, launchBrowser, PAGES, type PageKind, startDemoSite } from './support.js';

const outDir = path.resolve(process.argv[2] ?? 'test-results/screenshots');
const kinds = (process.argv[3]?.split(',') ?? ['front', 'story', 'section']) as PageKind[];
for (const kind of kinds) {
  if (!(kind in PAGES))
    throw new Error(`unknown page kind "${kind}"; known: ${Object.keys(PAGES).join(', ')}`);
}
const WIDTHS = [390, 1280] as const;
const SCHEMES = ['light', 'dark'] as const;

/** Cuts a tall screenshot into slices of `height` pixels. */
async function slice(file: string, height: number): Promise<void> {
  const { width = 0, height: total = 0 } = await sharp(file).metadata();
  const dir = path.join(path.dirname(file), 'slices');
  fs.mkdirSync(dir, { recursive: true });
  for (let top = 0, index = 0; top < total; top += height, index++) {
    await sharp(file)
      .extract({ left: 0, top, width, height: Math.min(height, total - top) })
      .toFile(path.join(dir, `${path.basename(file, '.png')}-${index}.png`));
  }
}

fs.mkdirSync(outDir, { recursive: true });
const browser = await launchBrowser();
const site = await startDemoSite();
try {
  for (const width of WIDTHS) {
    const height = width < 600 ? 844 : 900;
    const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    for (const kind of kinds) {
      for (const locale of LOCALES) {
        await page.goto(site.url + PAGES[kind](locale), { waitUntil: 'load' });
        // A full-page screenshot does not scroll, so lazy images below the fold would stay empty.
        await page.evaluate(async () => {
          const images = [...document.images];
          for (const image of images) image.loading = 'eager';
          await Promise.all(images.map((image) => image.decode().catch(() => undefined)));
        });
        for (const colorScheme of SCHEMES) {
          await page.emulateMedia({ colorScheme });
          const file = path.join(outDir, `${kind}-${locale}-${width}-${colorScheme}.png`);
          await page.screenshot({ path: file, fullPage: true });
          await slice(file, height);
          console.log(file);
        }
      }
    }
    await context.close();
  }
} finally {
  await browser.close();
  await site.close();
}
