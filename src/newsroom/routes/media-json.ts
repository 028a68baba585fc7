import type { Context } from 'hono';
import { mediaHref, smallestRendition } from '../../media/index.js';
import { type Media, mediaAlt, mediaCredit } from '../../stories/index.js';
import type { NewsroomDeps } from '../deps.js';
import type { NewsroomEnv } from '../http/env.js';
import type { PickerImage } from '../views/media-picker.js';

type C = Context<NewsroomEnv>;

/** What the editor's scripts get for an image: the shape `media-picker:open`'s onPick receives. */
export interface PickedMedia {
  id: number;
  url: string;
  thumbnail: { url: string; width: number; height: number };
  alt: string;
  credit: string;
  /** The stored file's name: what the picker shows for an image nobody has described yet. */
  fileName: string;
  width: number;
  height: number;
}

/** An image as the picker and the paste upload see it, its texts in `locale`. */
export function pickedMedia(deps: NewsroomDeps, media: Media, locale: string): PickedMedia {
  const renditions = [...media.renditions].sort((a, b) => a.width - b.width);
  const body = renditions.find((r) => r.width >= 800) ?? renditions.at(-1);
  const thumb = smallestRendition(media);
  return {
    id: media.id,
    url: mediaHref(deps.config, body?.file ?? media.fileName),
    thumbnail: {
      url: mediaHref(deps.config, thumb.file),
      width: thumb.width,
      height: thumb.height,
    },
    alt: mediaAlt(media, locale),
    credit: mediaCredit(media, locale),
    fileName: media.fileName,
    width: media.width,
    height: media.height,
  };
}

/** Whether the caller (the editor's script) asked for JSON rather than a page. */
export function wantsJson(c: C): boolean {
  return (c.req.header('accept') ?? '').includes('application/json');
}

/** An image as the hero picker lists it, its description in the story's language. */
export function pickerImage(deps: NewsroomDeps, media: Media, locale: string): PickerImage {
  const thumb = smallestRendition(media);
  return {
    id: media.id,
    thumbnail: { src: mediaHref(deps.config, thumb.file), width: thumb.width, height: thumb.height },
    alt: mediaAlt(media, locale),
    fileName: media.fileName,
  };
}
