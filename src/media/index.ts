// The media library without HTTP: what an upload may be, how it becomes renditions on disk and a
// media row, and the library's own queries. The admin (and later the Admin API) build on this.

/** Why an upload was refused (a DomainError: 413, 415 or 422 at the HTTP edge). */
export { UploadRefused } from './errors.js';
/** JPEG renditions for images uploaded before they were made (`velocity media jpeg`). */
export { backfillJpegRenditions, type JpegBackfillReport } from './jpeg-backfill.js';
/** Content checks and encoding, for callers that only need one step. */
export type { UploadLimits } from './process.js';
/** The library's reads and its one edit. */
export {
  findMediaById,
  listMediaByIds,
  listMediaLibrary,
  listMediaPage,
  listStoryIdsUsingMedia,
  MAX_MEDIA_QUERY_CHARS,
  type MediaCursor,
  type MediaLibraryItem,
  saveMediaTexts,
  updateMediaCredit,
} from './queries.js';
/** Which widths an image is rendered at, and how tall each rendition is. */
export { renditionHeight, smallestRendition } from './renditions.js';
/** Copying the library from this node's disk to a bucket (`velocity media migrate`). */
export { copyLocalMedia } from './storage/copy.js';
/** Where the files live (local disk or S3) and where pages link them. */
export {
  absoluteMediaHref,
  createMediaStorage,
  localMediaStorage,
  type MediaStorage,
  MediaStorageError,
  mediaContentType,
  mediaHref,
  s3MediaStorage,
} from './storage/index.js';
/** Checks, renders, stores and records one upload; leaves nothing behind when it fails. */
export { storeUpload } from './upload.js';
