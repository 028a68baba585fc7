import { describe, expect, it } from 'vitest';
import { RENDITION_WIDTHS, renditionFileName, renditionHeight, renditionWidths } from './renditions.js';

describe('renditionWidths', () => {
  it.each([
    ['a 6000px photo: every standard width', 6000, [480, 800, 1200, 1600]],
    ['exactly 1600px', 1600, [480, 800, 1200, 1600]],
    ['1601px: capped at 1600', 1601, [480, 800, 1200, 1600]],
    ['1000px: the standard widths below it, then itself', 1000, [480, 800, 1000]],
    ['exactly 800px', 800, [480, 800]],
    ['exactly 480px', 480, [480]],
    ['a 300px GIF: only itself, never enlarged', 300, [300]],
    ['1px', 1, [1]],
  ])('%s', (_, width, expected) => {
    expect(renditionWidths(width)).toEqual(expected);
    expect(Math.max(...renditionWidths(width))).toBeLessThanOrEqual(width);
  });

  it('tops out at the largest standard width', () => {
    expect(RENDITION_WIDTHS.at(-1)).toBe(1600);
  });
});

describe('renditionFileName', () => {
  it('names files the public /media route serves', () => {
    const name = renditionFileName('0123456789abcdef', 800, 'avif');
    expect(name).toBe('0123456789abcdef-800.avif');
    expect(name).toMatch(/^[a-z0-9][a-z0-9._-]{0,150}\.(webp|avif|jpe?g|png|gif)$/);
  });
});

describe('renditionHeight', () => {
  it.each([
    ['recorded at encoding', { width: 1700, height: 957 }, { width: 800, height: 451 }, 451],
    ['older record: scaled, 16:9', { width: 1600, height: 900 }, { width: 800 }, 450],
    ['older record: scaled and rounded', { width: 1700, height: 957 }, { width: 800 }, 450],
    ['older record: the original width itself', { width: 300, height: 200 }, { width: 300 }, 200],
    ['never below one pixel', { width: 5000, height: 1 }, { width: 480 }, 1],
  ])('%s', (_, original, rendition, height) => {
    expect(renditionHeight(original, rendition)).toBe(height);
  });
});
