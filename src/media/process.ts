import type { Metadata, OutputInfo } from 'sharp';
import type { Rendition } from '../stories/index.js';
import { UploadRefused } from './errors.js';
import { renditionFileName } from './renditions.js';
import { type ImageFormat, sniffImageFormat } from './sniff.js';

/** What an upload may be at most (MEDIA_MAX_UPLOAD_BYTES, MEDIA_MAX_PIXELS). */
export interface UploadLimits {
  maxUploadBytes: number;
  maxPixels: number;
}

export interface InspectedImage {
  format: ImageFormat;
  /** As displayed, after the EXIF orientation is applied. */
  width: number;
  height: number;
}

export interface EncodedFile {
  name: string;
  bytes: Buffer;
}

// sharp brings libvips (its native library and memory) with it: it is loaded on the first upload,
// so a process or a test that never handles an image never pays for it.
let sharpModule: Promise<typeof import('sharp')> | undefined;
async function loadSharp(): Promise<typeof import('sharp').default> {
  sharpModule ??= import('sharp');
  return (await sharpModule).default;
}

// WebP at 80 and AVIF at 55 look alike for photos; AVIF effort 2 (of 0–9) keeps a 12-megapixel
// upload's four AVIF renditions under a second, where the default (4) takes several.
const WEBP = { quality: 80, effort: 4 } as const;
const AVIF = { quality: 55, effort: 2 } as const;
// For email clients that show no WebP (Outlook on Windows, older Lotus and Yahoo clients):
// progressive, with mozjpeg's tables, which keeps a 1200px photo near the WebP's size.
const JPEG = { quality: 80, progressive: true, mozjpeg: true } as const;

// sharp reports AVIF as `heif` with AV1 compression; HEIC (HEVC) is also `heif` and is refused.
function sameFormat(sniffed: ImageFormat, metadata: Metadata): boolean {
  if (sniffed === 'avif') return metadata.format === 'heif' && metadata.compression === 'av1';
  return metadata.format === sniffed;
}

/**
 * Checks an upload by its content: its size, its first bytes, and the header sharp reads (which
 * decodes no pixels, so a decompression bomb is measured before it can go off).
 */
export async function inspectImage(bytes: Uint8Array, limits: UploadLimits): Promise<InspectedImage> {
  if (bytes.length === 0) throw new UploadRefused('empty');
  if (bytes.length > limits.maxUploadBytes)
    throw UploadRefused.tooManyBytes(bytes.length, limits.maxUploadBytes);
  const format = sniffImageFormat(bytes);
  if (!format) throw new UploadRefused('not-an-image');
  const sharp = await loadSharp();
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new UploadRefused('damaged');
  }
  if (!sameFormat(format, metadata)) throw new UploadRefused('not-an-image');
  const width = metadata.autoOrient?.width ?? metadata.width;
  const height = metadata.autoOrient?.height ?? metadata.height;
  if (!width || !height) throw new UploadRefused('damaged');
  if (width * height > limits.maxPixels) throw UploadRefused.tooManyPixels(width, height, limits.maxPixels);
  return { format, width, height };
}

/**
 * Every rendition of an inspected upload, in WebP, AVIF and JPEG (for email): the pixels are decoded once (turned
 * upright, in sRGB, scaled to the largest width), then each file is encoded from that. Output
 * carries no metadata: EXIF (camera, GPS), XMP and comments are dropped. An image that cannot be
 * decoded to the end (a truncated JPEG) is refused as damaged.
 */
export async function encodeRenditions(
  bytes: Uint8Array,
  options: { hash: string; widths: number[]; maxPixels: number },
): Promise<{ files: EncodedFile[]; renditions: Rendition[] }> {
  const sharp = await loadSharp();
  const largest = Math.max(...options.widths);
  let decoded: { data: Buffer; info: OutputInfo };
  try {
    decoded = await sharp(bytes, { limitInputPixels: options.maxPixels, failOn: 'error' })
      .autoOrient()
      .resize({ width: largest, withoutEnlargement: true })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch {
    throw new UploadRefused('damaged');
  }
  const { data, info } = decoded;
  const raw = { width: info.width, height: info.height, channels: info.channels };
  const scaled = (width: number) => {
    const image = sharp(data, { raw });
    return width === info.width ? image : image.resize({ width });
  };
  // The encoder's own height is kept: libvips rounds a scaled height its own way, so one worked
  // out from the aspect ratio can be a pixel off.
  const heights = new Map<number, number>();
  const files = await Promise.all(
    options.widths.flatMap((width) => [
      scaled(width)
        .webp(WEBP)
        .toBuffer({ resolveWithObject: true })
        .then((out) => {
          heights.set(width, out.info.height);
          return { name: renditionFileName(options.hash, width, 'webp'), bytes: out.data };
        }),
      scaled(width)
        .avif(AVIF)
        .toBuffer()
        .then((out) => ({ name: renditionFileName(options.hash, width, 'avif'), bytes: out })),
      scaled(width)
        .flatten({ background: '#ffffff' })
        .jpeg(JPEG)
        .toBuffer()
        .then((out) => ({ name: renditionFileName(options.hash, width, 'jpg'), bytes: out })),
    ]),
  );
  const renditions = options.widths.map((width) => ({
    width,
    height: heights.get(width) as number,
    file: renditionFileName(options.hash, width, 'webp'),
    avif: renditionFileName(options.hash, width, 'avif'),
    jpeg: renditionFileName(options.hash, width, 'jpg'),
  }));
  return { files, renditions };
}

/**
 * A JPEG for each rendition of an image from before JPEGs were made, encoded from its largest
 * WebP (the original is not kept). Transparent areas become white, as an email's background.
 */
export async function encodeJpegRenditions(
  largestWebp: Uint8Array,
  renditions: { width: number; file: string }[],
): Promise<EncodedFile[]> {
  const sharp = await loadSharp();
  return Promise.all(
    renditions.map(async (rendition) => ({
      name: rendition.file.replace(/\.webp$/, '.jpg'),
      bytes: await sharp(largestWebp)
        .resize({ width: rendition.width, withoutEnlargement: true })
        .flatten({ background: '#ffffff' })
        .jpeg(JPEG)
        .toBuffer(),
    })),
  );
}
