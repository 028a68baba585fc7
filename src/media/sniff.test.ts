import { describe, expect, it } from 'vitest';
import { sniffImageFormat } from './sniff.js';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

const ftyp = (major: string, ...compatible: string[]) => {
  const body = bytes(major, [0, 0, 0, 0], ...compatible);
  const size = Buffer.alloc(4);
  size.writeUInt32BE(8 + body.length);
  return bytes([...size], 'ftyp', [...body], [0, 0, 0, 0]);
};

describe('sniffImageFormat', () => {
  it.each([
    ['JPEG (JFIF)', bytes([0xff, 0xd8, 0xff, 0xe0]), 'jpeg'],
    ['JPEG (Exif)', bytes([0xff, 0xd8, 0xff, 0xe1]), 'jpeg'],
    ['PNG', bytes([0x89], 'PNG\r\n\x1a\n', [0, 0, 0, 13]), 'png'],
    ['GIF87a', bytes('GIF87a'), 'gif'],
    ['GIF89a', bytes('GIF89a'), 'gif'],
    ['WebP', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '), 'webp'],
    ['AVIF, major brand avif', ftyp('avif', 'mif1', 'miaf'), 'avif'],
    ['AVIF sequence, major brand avis', ftyp('avis', 'msf1'), 'avif'],
    ['AVIF named only among compatible brands', ftyp('mif1', 'miaf', 'avif'), 'avif'],
    ['HEIC (another ftyp brand)', ftyp('heic', 'mif1', 'heic'), undefined],
    ['MP4 video', ftyp('isom', 'iso2', 'mp41'), undefined],
    ['PHP script renamed .png', bytes('<?php system($_GET["c"]); ?>'), undefined],
    ['SVG (can carry scripts)', bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'), undefined],
    ['empty', bytes(), undefined],
    ['two bytes of JPEG', bytes([0xff, 0xd8]), undefined],
    ['RIFF that is a WAV', bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt '), undefined],
    ['PDF', bytes('%PDF-1.7'), undefined],
    [
      'ftyp box claiming more bytes than the file has',
      bytes([0, 0, 0x10, 0], 'ftypavif', [0, 0, 0, 0]),
      undefined,
    ],
  ])('%s', (_, input, expected) => {
    expect(sniffImageFormat(input)).toBe(expected);
  });
});
