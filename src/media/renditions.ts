/** Widths the library renders every image at (CSS pixels × density for a 760px column and cards). */
export const RENDITION_WIDTHS = [480, 800, 1200, 1600] as const;

/**
 * The widths to render an image `originalWidth` pixels wide at: each standard width below the
 * original, plus the original itself when it is narrower than the largest. Never wider than the
 * original: enlarging only makes files bigger, never sharper.
 */
export function renditionWidths(originalWidth: number): number[] {
  const largest = RENDITION_WIDTHS[RENDITION_WIDTHS.length - 1] ?? originalWidth;
  const widths: number[] = RENDITION_WIDTHS.filter((width) => width < originalWidth);
  const top = Math.min(originalWidth, largest);
  if (!widths.includes(top)) widths.push(top);
  return widths;
}

/** `<hash>-<width>.webp`: names only the library writes, matching what /media/:file serves. */
export function renditionFileName(hash: string, width: number, format: 'webp' | 'avif' | 'jpg'): string {
  return `${hash}-${width}.${format}`;
}

/**
 * The pixel height of a rendition: as recorded when it was encoded, else (records from before
 * heights were kept) scaled from the original's aspect ratio, which can be a pixel off.
 */
export function renditionHeight(
  original: { width: number; height: number },
  rendition: { width: number; height?: number | undefined },
): number {
  return rendition.height ?? Math.max(1, Math.round((rendition.width * original.height) / original.width));
}

/** The smallest WebP of an image, with its size: the library's and the picker's thumbnail. */
export function smallestRendition(media: {
  fileName: string;
  width: number;
  height: number;
  renditions: { width: number; file: string; height?: number }[];
}): { file: string; width: number; height: number } {
  const smallest = [...media.renditions].sort((a, b) => a.width - b.width)[0];
  if (!smallest) return { file: media.fileName, width: media.width, height: media.height };
  return { file: smallest.file, width: smallest.width, height: renditionHeight(media, smallest) };
}
