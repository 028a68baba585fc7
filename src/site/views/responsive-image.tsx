import type { ImageView } from '../view-models.js';
import { langIfDifferent } from './document.js';

export interface ResponsiveImageProps {
  image: ImageView;
  /** `lang` of the element around the image; alt text in another language gets its own. */
  pageLang: string;
  loading: 'eager' | 'lazy';
  /** Only for the one image most likely to be the largest paint (a story's hero). */
  highPriority?: boolean;
}

/**
 * An `<img>` that cannot shift the layout: width and height give the box its aspect ratio before
 * the file arrives (the stylesheet scales it with `height: auto`). With AVIF renditions it sits in
 * a `<picture>` whose AVIF `<source>` browsers that read AVIF take; the others use the WebP srcset.
 */
export function ResponsiveImage({ image, pageLang, loading, highPriority = false }: ResponsiveImageProps) {
  const img = (
    <img
      src={image.src}
      srcset={image.srcset || undefined}
      sizes={image.srcset ? image.sizes : undefined}
      width={image.width}
      height={image.height}
      alt={image.alt}
      lang={langIfDifferent(image.altLang, pageLang)}
      loading={loading === 'lazy' ? 'lazy' : undefined}
      decoding={loading === 'lazy' ? 'async' : undefined}
      fetchpriority={highPriority ? 'high' : undefined}
    />
  );
  if (!image.avifSrcset) return img;
  return (
    <picture>
      <source type="image/avif" srcset={image.avifSrcset} sizes={image.sizes} />
      {img}
    </picture>
  );
}
