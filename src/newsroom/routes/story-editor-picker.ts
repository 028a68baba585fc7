import { findMediaById, listMediaPage, MAX_MEDIA_QUERY_CHARS } from '../../media/index.js';
import type { NewsroomDeps } from '../deps.js';
import type { PickerRequest } from '../media-picker-request.js';
import type { PickerView } from '../views/media-picker.js';
import { pickerImage } from './media-json.js';

/** Images on one page of the picker without JavaScript: enough to choose from, short enough to scroll past. */
const PICKER_PAGE_SIZE = 24;

/** The hero picker's page for the editor: the search's page of images, and the chosen image first when it is elsewhere. */
export async function buildPickerView(
  deps: NewsroomDeps,
  options: { locale: string; heroMediaId: string; request: PickerRequest },
): Promise<PickerView> {
  const { request, locale } = options;
  const page = await listMediaPage(deps.db, {
    limit: PICKER_PAGE_SIZE,
    query: request.query,
    ...(request.cursor ? { cursor: request.cursor } : {}),
  });
  const images = page.items.map((media) => pickerImage(deps, media, locale));
  const chosenId = /^[1-9][0-9]{0,9}$/.test(options.heroMediaId) ? Number(options.heroMediaId) : undefined;
  if (chosenId !== undefined && !images.some((image) => image.id === chosenId)) {
    // The chosen image stays in the form (checked) whatever page is shown, so a save keeps it.
    const chosen = await findMediaById(deps.db, chosenId);
    if (chosen) images.unshift(pickerImage(deps, chosen, locale));
  }
  return {
    images,
    chosenId: options.heroMediaId,
    query: request.query,
    maxQueryChars: MAX_MEDIA_QUERY_CHARS,
    ...(page.olderFrom !== undefined ? { olderFrom: page.olderFrom } : {}),
    ...(page.newerFrom !== undefined ? { newerFrom: page.newerFrom } : {}),
    ...(request.badCursor ? { badCursor: true } : {}),
  };
}
