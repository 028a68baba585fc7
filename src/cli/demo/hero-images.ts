import { access, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { MediaInput } from '../../stories/index.js';

// Hero illustrations for the demo stories: abstract, calm compositions drawn as SVG in code and
// rendered with sharp. Everything is derived from the story slug, so the same slug always gives the
// same picture, and no outside artwork is involved.

const HERO_WIDTH = 1600;
const HERO_HEIGHT = 900;
const HERO_RENDITION_WIDTHS = [480, 800, 1200] as const;
const WEBP_QUALITY = 78;
const CREDIT = 'Code Velocity';

const W = HERO_WIDTH;
const H = HERO_HEIGHT;

// ---------------------------------------------------------------------------------------------
// Seeded randomness

/** FNV-1a, 32 bit. */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: small, fast and good enough for pictures. */
function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    range: (min, max) => min + (max - min) * next(),
    int: (min, max) => Math.floor(min + (max - min + 1) * next()),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}

interface Random {
  next(): number;
  range(min: number, max: number): number;
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

// ---------------------------------------------------------------------------------------------
// Colour

interface Palette {
  bgFrom: string;
  bgTo: string;
  panel: string;
  line: string;
  accent: string;
  accent2: string;
  glow: string;
}

function hsl(h: number, s: number, l: number): string {
  const hue = ((h % 360) + 360) % 360;
  const sat = s / 100;
  const lig = l / 100;
  const k = (n: number) => (n + hue / 30) % 12;
  const a = sat * Math.min(lig, 1 - lig);
  const f = (n: number) => lig - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  const hex = (x: number) =>
    Math.round(x * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${hex(f(0))}${hex(f(8))}${hex(f(4))}`;
}

function makePalette(rand: Random): Palette {
  // Cool, deep backgrounds (blue, teal, indigo, violet, slate green) read as calm "tech".
  const base = rand.pick([158, 172, 186, 198, 210, 222, 234, 248, 262]) + rand.range(-6, 6);
  const accentShift = rand.pick([150, 165, 180, 195, -40, 40]);
  const accentHue = base + accentShift;
  return {
    bgFrom: hsl(base, rand.range(42, 55), rand.range(8, 11)),
    bgTo: hsl(base + rand.range(18, 36), rand.range(40, 55), rand.range(17, 22)),
    panel: hsl(base + 8, 35, 16),
    line: hsl(base + 10, 35, 58),
    accent: hsl(accentHue, rand.range(62, 78), rand.range(58, 66)),
    accent2: hsl(base + rand.range(-20, 20), rand.range(60, 75), rand.range(62, 70)),
    glow: hsl(base + rand.range(-10, 30), 70, 55),
  };
}

// ---------------------------------------------------------------------------------------------
// Motifs

const f1 = (n: number) => n.toFixed(1);

function chipMotif(rand: Random, p: Palette): string {
  const cx = rand.range(0.58, 0.72) * W;
  const cy = rand.range(0.42, 0.58) * H;
  const size = rand.range(280, 340);
  const half = size / 2;
  const x0 = cx - half;
  const y0 = cy - half;
  const parts: string[] = [];

  // Traces leave the package from its pins, run outwards, bend at 45° and end in a pad.
  const pins = rand.int(9, 12);
  const pitch = size / (pins + 1);
  const traces: string[] = [];
  const pads: string[] = [];
  const pinMarks: string[] = [];
  const sides: [number, number][] = [
    [0, -1],
    [1, 0],
    [0, 1],
    [-1, 0],
  ];
  for (const [dx, dy] of sides) {
    for (let i = 1; i <= pins; i++) {
      const offset = -half + i * pitch;
      const px = dx === 0 ? cx + offset : cx + dx * half;
      const py = dy === 0 ? cy + offset : cy + dy * half;
      const ex = px + dx * 14;
      const ey = py + dy * 14;
      pinMarks.push(`M${f1(px)} ${f1(py)}L${f1(ex)} ${f1(ey)}`);
      if (!rand.chance(0.62)) continue;
      const run1 = rand.range(30, 140);
      const bendSign = offset === 0 ? 1 : Math.sign(offset);
      const diag = rand.range(20, 80);
      const run2 = rand.range(40, 260);
      const ax = ex + dx * run1;
      const ay = ey + dy * run1;
      // The diagonal spreads traces away from the chip's centre line.
      const bx = ax + dx * diag + (dx === 0 ? bendSign * diag : 0);
      const by = ay + dy * diag + (dy === 0 ? bendSign * diag : 0);
      const qx = bx + dx * run2;
      const qy = by + dy * run2;
      const opacity = rand.range(0.35, 0.85);
      traces.push(
        `<path d="M${f1(ex)} ${f1(ey)}L${f1(ax)} ${f1(ay)}L${f1(bx)} ${f1(by)}L${f1(qx)} ${f1(qy)}" stroke-opacity="${opacity.toFixed(2)}"/>`,
      );
      const hot = rand.chance(0.22);
      pads.push(
        `<circle cx="${f1(qx)}" cy="${f1(qy)}" r="${hot ? 5.5 : 4}" fill="${hot ? p.accent : p.bgFrom}" stroke="${hot ? p.accent : p.line}" stroke-width="2" ${hot ? 'filter="url(#soft)"' : ''}/>`,
      );
    }
  }
  parts.push(
    `<g fill="none" stroke="${p.line}" stroke-width="2" stroke-linejoin="round" stroke-linecap="round">${traces.join('')}</g>`,
  );
  parts.push(pads.join(''));
  parts.push(
    `<path d="${pinMarks.join('')}" stroke="${p.line}" stroke-width="3" stroke-opacity="0.9" stroke-linecap="round"/>`,
  );

  // The package and the die with its grid of cores.
  parts.push(
    `<rect x="${f1(x0)}" y="${f1(y0)}" width="${f1(size)}" height="${f1(size)}" rx="18" fill="${p.panel}" stroke="${p.line}" stroke-width="2.5"/>`,
  );
  const inset = size * 0.16;
  const die = size - inset * 2;
  parts.push(
    `<rect x="${f1(x0 + inset)}" y="${f1(y0 + inset)}" width="${f1(die)}" height="${f1(die)}" rx="8" fill="url(#die)" stroke="${p.accent}" stroke-opacity="0.55" stroke-width="1.5"/>`,
  );
  const cells = rand.int(4, 6);
  const gap = 6;
  const cell = (die - gap * (cells + 1)) / cells;
  const cores: string[] = [];
  for (let r = 0; r < cells; r++) {
    for (let c = 0; c < cells; c++) {
      const lit = rand.chance(0.3);
      const x = x0 + inset + gap + c * (cell + gap);
      const y = y0 + inset + gap + r * (cell + gap);
      cores.push(
        `<rect x="${f1(x)}" y="${f1(y)}" width="${f1(cell)}" height="${f1(cell)}" rx="3" fill="${lit ? p.accent : p.line}" fill-opacity="${lit ? rand.range(0.45, 0.8).toFixed(2) : rand.range(0.08, 0.2).toFixed(2)}"/>`,
      );
    }
  }
  parts.push(cores.join(''));
  return parts.join('');
}

function waveMotif(rand: Random, p: Palette, band: { top: number; bottom: number }): string {
  const lines = rand.int(12, 18);
  const wavelength = rand.range(520, 900);
  const amplitude = rand.range(30, 70);
  const drift = rand.range(0.15, 0.45);
  const secondary = rand.range(0.2, 0.45);
  const paths: string[] = [];
  for (let i = 0; i < lines; i++) {
    const t = i / (lines - 1);
    const baseY = band.top + (band.bottom - band.top) * t;
    const phase = i * drift;
    const amp = amplitude * (0.6 + 0.4 * Math.sin(t * Math.PI));
    let d = '';
    for (let x = -20; x <= W + 20; x += 16) {
      const y =
        baseY +
        amp * Math.sin((2 * Math.PI * x) / wavelength + phase) +
        amp * secondary * Math.sin((2 * Math.PI * x) / (wavelength * 0.37) - phase * 1.7);
      d += `${d ? 'L' : 'M'}${x} ${f1(y)}`;
    }
    const color = i % 4 === 0 ? p.accent : p.accent2;
    const opacity = 0.12 + 0.5 * Math.sin(t * Math.PI) ** 2;
    paths.push(
      `<path d="${d}" stroke="${color}" stroke-opacity="${opacity.toFixed(2)}" stroke-width="${i % 4 === 0 ? 2.4 : 1.4}"/>`,
    );
  }
  return `<g fill="none" stroke-linecap="round">${paths.join('')}</g>`;
}

function circuitMotif(rand: Random, p: Palette): string {
  const step = 40;
  const cols = Math.floor(W / step);
  const rows = Math.floor(H / step);
  const count = rand.int(30, 40);
  const directions: [number, number][] = [
    [1, 0],
    [0, 1],
    [-1, 0],
    [0, -1],
  ];
  const traces: string[] = [];
  const ends: string[] = [];
  for (let n = 0; n < count; n++) {
    let gx = rand.int(1, cols - 1);
    let gy = rand.int(1, rows - 1);
    let dir = rand.pick(directions);
    let d = `M${gx * step} ${gy * step}`;
    ends.push(`<circle cx="${gx * step}" cy="${gy * step}" r="4"/>`);
    const segments = rand.int(3, 7);
    for (let s = 0; s < segments; s++) {
      const len = rand.int(1, 5);
      if (rand.chance(0.45)) {
        // A 45° jog keeps the traces looking like a board rather than a maze.
        const side = rand.chance(0.5) ? 1 : -1;
        const diag: [number, number] = dir[0] === 0 ? [side, dir[1]] : [dir[0], side];
        gx += diag[0];
        gy += diag[1];
        d += `L${gx * step} ${gy * step}`;
      }
      gx += dir[0] * len;
      gy += dir[1] * len;
      d += `L${gx * step} ${gy * step}`;
      if (rand.chance(0.5)) dir = rand.pick(directions.filter((v) => v[0] !== -dir[0] || v[1] !== -dir[1]));
    }
    const hot = rand.chance(0.18);
    traces.push(
      `<path d="${d}" stroke="${hot ? p.accent : p.line}" stroke-opacity="${hot ? 0.75 : rand.range(0.22, 0.45).toFixed(2)}" stroke-width="${hot ? 2.5 : 1.8}"/>`,
    );
    ends.push(
      `<circle cx="${gx * step}" cy="${gy * step}" r="${hot ? 6 : 4}"${hot ? ` fill="${p.accent}" stroke="${p.accent}"` : ''}/>`,
    );
  }
  return `<g fill="none" stroke-linejoin="round" stroke-linecap="round">${traces.join('')}</g><g fill="${p.bgFrom}" stroke="${p.line}" stroke-opacity="0.6" stroke-width="2">${ends.join('')}</g>`;
}

function networkMotif(rand: Random, p: Palette): string {
  const layers = rand.int(4, 6);
  const left = rand.range(0.4, 0.5) * W;
  const right = W - rand.range(90, 160);
  const nodes: { x: number; y: number; r: number; hot: boolean }[][] = [];
  for (let l = 0; l < layers; l++) {
    const x = left + ((right - left) * l) / (layers - 1);
    const count = l === 0 || l === layers - 1 ? rand.int(3, 4) : rand.int(5, 7);
    const spread = count * rand.range(80, 100);
    const column: { x: number; y: number; r: number; hot: boolean }[] = [];
    for (let i = 0; i < count; i++) {
      const y = H * 0.56 - spread / 2 + (spread * (i + 0.5)) / count + rand.range(-10, 10);
      column.push({ x, y, r: rand.range(9, 14), hot: rand.chance(0.3) });
    }
    nodes.push(column);
  }
  const edges: string[] = [];
  for (let l = 0; l < layers - 1; l++) {
    for (const a of nodes[l] ?? []) {
      for (const b of nodes[l + 1] ?? []) {
        const strong = a.hot && b.hot;
        const mid = (a.x + b.x) / 2;
        edges.push(
          `<path d="M${f1(a.x)} ${f1(a.y)}C${f1(mid)} ${f1(a.y)} ${f1(mid)} ${f1(b.y)} ${f1(b.x)} ${f1(b.y)}" stroke="${strong ? p.accent : p.line}" stroke-opacity="${strong ? 0.7 : rand.range(0.12, 0.28).toFixed(2)}" stroke-width="${strong ? 2.2 : 1.2}"/>`,
        );
      }
    }
  }
  const circles = nodes
    .flat()
    .map(
      (n) =>
        `<circle cx="${f1(n.x)}" cy="${f1(n.y)}" r="${f1(n.r)}" fill="${n.hot ? p.accent : p.panel}" stroke="${n.hot ? p.accent : p.line}" stroke-width="2"${n.hot ? ' filter="url(#soft)"' : ''}/>`,
    );
  return `<g fill="none">${edges.join('')}</g>${circles.join('')}`;
}

function rackMotif(rand: Random, p: Palette): string {
  const count = rand.int(6, 8);
  const rackW = rand.range(96, 120);
  const gap = rand.range(22, 34);
  const total = count * rackW + (count - 1) * gap;
  const startX = W - total - rand.range(80, 160);
  const floor = H - rand.range(110, 150);
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const x = startX + i * (rackW + gap);
    const height = rand.range(360, 520);
    const top = floor - height;
    parts.push(
      `<rect x="${f1(x)}" y="${f1(top)}" width="${f1(rackW)}" height="${f1(height)}" rx="8" fill="${p.panel}" stroke="${p.line}" stroke-opacity="0.55" stroke-width="2"/>`,
    );
    const slots = Math.floor((height - 24) / 26);
    for (let s = 0; s < slots; s++) {
      const y = top + 14 + s * 26;
      parts.push(
        `<rect x="${f1(x + 10)}" y="${f1(y)}" width="${f1(rackW - 20)}" height="18" rx="3" fill="${p.line}" fill-opacity="0.1"/>`,
      );
      const leds = rand.int(0, 3);
      for (let k = 0; k < leds; k++) {
        const color = rand.chance(0.7) ? p.accent : p.accent2;
        parts.push(
          `<circle cx="${f1(x + rackW - 20 - k * 11)}" cy="${f1(y + 9)}" r="2.6" fill="${color}" fill-opacity="${rand.range(0.5, 0.95).toFixed(2)}"/>`,
        );
      }
    }
  }
  // A faint reflection line for the floor.
  parts.push(
    `<path d="M${f1(startX - 60)} ${f1(floor + 18)}H${f1(startX + total + 60)}" stroke="${p.line}" stroke-opacity="0.3" stroke-width="2"/>`,
  );
  return parts.join('');
}

function orbitMotif(rand: Random, p: Palette): string {
  const cx = rand.range(0.6, 0.74) * W;
  const cy = rand.range(0.42, 0.58) * H;
  const rings = rand.int(5, 8);
  const parts: string[] = [];
  for (let i = 0; i < rings; i++) {
    const r = 70 + i * rand.range(42, 58);
    const dash = rand.chance(0.5)
      ? ` stroke-dasharray="${f1(rand.range(4, 30))} ${f1(rand.range(8, 24))}"`
      : '';
    const accent = i % 3 === 1;
    parts.push(
      `<circle cx="${f1(cx)}" cy="${f1(cy)}" r="${f1(r)}" fill="none" stroke="${accent ? p.accent : p.line}" stroke-opacity="${accent ? 0.6 : rand.range(0.18, 0.4).toFixed(2)}" stroke-width="${accent ? 2.4 : 1.4}"${dash}/>`,
    );
    const angle = rand.range(0, Math.PI * 2);
    const satellite = rand.chance(0.7);
    if (satellite) {
      parts.push(
        `<circle cx="${f1(cx + r * Math.cos(angle))}" cy="${f1(cy + r * Math.sin(angle))}" r="${f1(rand.range(5, 9))}" fill="${accent ? p.accent : p.accent2}" filter="url(#soft)"/>`,
      );
    }
  }
  parts.push(
    `<circle cx="${f1(cx)}" cy="${f1(cy)}" r="34" fill="url(#die)" stroke="${p.accent}" stroke-width="2"/>`,
  );
  return parts.join('');
}

function dotField(): string {
  return `<rect width="${W}" height="${H}" fill="url(#dots)" mask="url(#fade)"/>`;
}

type Motif = 'chip' | 'circuit' | 'network' | 'racks' | 'orbit';
const MOTIFS: readonly Motif[] = ['chip', 'circuit', 'network', 'racks', 'orbit'];

/** The illustration for a slug, as an SVG document. Pure and deterministic. */
export function heroSvg(slug: string): string {
  const seed = hashString(slug);
  const rand = createRandom(seed);
  const p = makePalette(rand);
  const motif = MOTIFS[seed % MOTIFS.length] as Motif;
  const angle = rand.range(15, 55);
  // Half of the compositions are mirrored, so the focal point sits left or right.
  const mirrored = ((seed >>> 8) & 1) === 1;
  const glowX = mirrored ? 1 - rand.range(0.55, 0.8) : rand.range(0.55, 0.8);
  const glowY = rand.range(0.3, 0.65);

  const defs = `<defs>
<linearGradient id="bg" gradientTransform="rotate(${f1(angle)} 0.5 0.5)"><stop offset="0" stop-color="${p.bgFrom}"/><stop offset="1" stop-color="${p.bgTo}"/></linearGradient>
<radialGradient id="glow" cx="${glowX.toFixed(3)}" cy="${glowY.toFixed(3)}" r="0.55"><stop offset="0" stop-color="${p.glow}" stop-opacity="0.38"/><stop offset="0.55" stop-color="${p.glow}" stop-opacity="0.08"/><stop offset="1" stop-color="${p.glow}" stop-opacity="0"/></radialGradient>
<radialGradient id="vignette" cx="0.5" cy="0.5" r="0.75"><stop offset="0.6" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.45"/></radialGradient>
<linearGradient id="die" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${p.accent}" stop-opacity="0.28"/><stop offset="1" stop-color="${p.accent2}" stop-opacity="0.08"/></linearGradient>
<pattern id="dots" width="32" height="32" patternUnits="userSpaceOnUse"><circle cx="16" cy="16" r="1.4" fill="${p.line}" fill-opacity="0.35"/></pattern>
<linearGradient id="fadeGrad" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#fff" stop-opacity="0.9"/><stop offset="0.6" stop-color="#fff" stop-opacity="0.15"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></linearGradient>
<mask id="fade"><rect width="${W}" height="${H}" fill="url(#fadeGrad)"/></mask>
<filter id="soft" x="-100%" y="-100%" width="300%" height="300%"><feGaussianBlur stdDeviation="3" result="b"/><feMerge><feMergeNode in="b"/><feMergeNode in="SourceGraphic"/></feMerge></filter>
</defs>`;

  const background = [
    `<rect width="${W}" height="${H}" fill="url(#bg)"/>`,
    `<rect width="${W}" height="${H}" fill="url(#glow)"/>`,
  ];
  const layers: string[] = [dotField()];
  switch (motif) {
    case 'chip':
      layers.push(waveMotif(rand, p, { top: H * 0.72, bottom: H * 0.95 }));
      layers.push(chipMotif(rand, p));
      break;
    case 'circuit':
      layers.push(circuitMotif(rand, p));
      layers.push(waveMotif(rand, p, { top: H * 0.55, bottom: H * 0.85 }));
      break;
    case 'network':
      layers.push(waveMotif(rand, p, { top: H * 0.08, bottom: H * 0.3 }));
      layers.push(networkMotif(rand, p));
      break;
    case 'racks':
      layers.push(waveMotif(rand, p, { top: H * 0.12, bottom: H * 0.38 }));
      layers.push(rackMotif(rand, p));
      break;
    case 'orbit':
      layers.push(waveMotif(rand, p, { top: H * 0.6, bottom: H * 0.92 }));
      layers.push(orbitMotif(rand, p));
      break;
  }
  const foreground = mirrored
    ? `<g transform="translate(${W} 0) scale(-1 1)">${layers.join('')}</g>`
    : layers.join('');
  const vignette = `<rect width="${W}" height="${H}" fill="url(#vignette)"/>`;

  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${defs}${background.join('')}${foreground}${vignette}</svg>`;
}

// ---------------------------------------------------------------------------------------------
// Files

function heroFileName(slug: string, width?: number): string {
  return width === undefined || width === HERO_WIDTH ? `hero-${slug}.webp` : `hero-${slug}-${width}.webp`;
}

function heroMedia(slug: string): MediaInput {
  return {
    fileName: heroFileName(slug),
    mimeType: 'image/webp',
    width: HERO_WIDTH,
    height: HERO_HEIGHT,
    renditions: [...HERO_RENDITION_WIDTHS, HERO_WIDTH].map((width) => ({
      width,
      file: heroFileName(slug, width),
    })),
    credit: CREDIT,
  };
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

async function renderHero(dir: string, slug: string): Promise<void> {
  const widths = [HERO_WIDTH, ...HERO_RENDITION_WIDTHS];
  const missing: number[] = [];
  for (const width of widths) {
    if (!(await exists(path.join(dir, heroFileName(slug, width))))) missing.push(width);
  }
  if (missing.length === 0) return;

  // Loaded here, on the first missing image, so starting the CLI does not load libvips.
  const { default: sharp } = await import('sharp');
  // Rasterise the SVG once, then encode every missing size from the same pixels.
  const { data, info } = await sharp(Buffer.from(heroSvg(slug)), { density: 72 })
    .resize(HERO_WIDTH, HERO_HEIGHT)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const raw = { width: info.width, height: info.height, channels: info.channels };
  await Promise.all(
    missing.map((width) => {
      let image = sharp(data, { raw });
      if (width !== HERO_WIDTH) image = image.resize(width, Math.round((width * HERO_HEIGHT) / HERO_WIDTH));
      return image
        .webp({ quality: WEBP_QUALITY, effort: 4 })
        .toFile(path.join(dir, heroFileName(slug, width)));
    }),
  );
}

/**
 * Draws (or reuses) the hero illustration of each slug in `dir`: `hero-<slug>.webp` at 1600×900
 * plus 480, 800 and 1200 pixel wide renditions. Files that already exist are left alone.
 */
export async function generateHeroImages(dir: string, slugs: string[]): Promise<MediaInput[]> {
  await mkdir(dir, { recursive: true });
  const unique = [...new Set(slugs)];
  const queue = [...unique];
  const workers = Array.from({ length: Math.min(4, queue.length) }, async () => {
    for (let slug = queue.shift(); slug !== undefined; slug = queue.shift()) {
      await renderHero(dir, slug);
    }
  });
  await Promise.all(workers);
  return unique.map(heroMedia);
}

const HERO_NAME = /^hero-(.+)\.webp$/;

/** The slugs behind the stories' hero image names (`hero-<slug>.webp`), without duplicates. */
export function demoHeroSlugs(
  stories: { variants: { slug?: string }[]; heroImage?: string | null }[],
): string[] {
  const slugs: string[] = [];
  for (const story of stories) {
    const match = story.heroImage ? HERO_NAME.exec(story.heroImage) : null;
    const slug = match?.[1];
    if (slug && !slugs.includes(slug)) slugs.push(slug);
  }
  return slugs;
}
