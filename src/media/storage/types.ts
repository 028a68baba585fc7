/** One file of the library as stored: its bytes and what a reader needs to serve them. */
export interface StoredMedia {
  bytes: Buffer;
  contentType: string;
  size: number;
}

/** A file to store: its key (the library's file name) and content. */
export interface MediaFile {
  name: string;
  bytes: Buffer;
}

/**
 * Where the library's files live: the local disk (one node) or an S3-compatible bucket (every
 * node). Keys are the file names the library writes (`<hash>-<width>.webp`, `hero-<slug>.webp`).
 */
export interface MediaStorage {
  /** `local` or `s3`, for logs and the CLI. */
  readonly kind: 'local' | 's3';
  /** A readable name of the place (a folder, or `s3://bucket/prefix`). */
  readonly location: string;
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** Stores every file or none: after a failure the ones already written are removed. */
  putAll(files: MediaFile[]): Promise<void>;
  get(key: string): Promise<StoredMedia | undefined>;
  /** The size of a stored file, or undefined when there is none. */
  stat(key: string): Promise<{ size: number } | undefined>;
  exists(key: string): Promise<boolean>;
  /** Removes a file; a missing one is fine. */
  delete(key: string): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  webp: 'image/webp',
  avif: 'image/avif',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
};

/** The media type of a library file, by its extension. */
export function mediaContentType(key: string): string {
  const extension = key.slice(key.lastIndexOf('.') + 1).toLowerCase();
  return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}
