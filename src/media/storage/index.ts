import path from 'node:path';
import type { Config } from '../../platform/config.js';
import { LocalMediaStorage } from './local.js';
import { S3MediaStorage } from './s3.js';
import type { MediaStorage } from './types.js';

export { LocalMediaStorage } from './local.js';
export { MediaStorageError, S3MediaStorage } from './s3.js';
export type { MediaStorage } from './types.js';
export { mediaContentType } from './types.js';

type StorageConfig = Pick<
  Config,
  | 'dataDir'
  | 'MEDIA_STORAGE'
  | 'S3_BUCKET'
  | 'S3_REGION'
  | 'S3_ENDPOINT'
  | 'S3_FORCE_PATH_STYLE'
  | 'S3_ACCESS_KEY_ID'
  | 'S3_SECRET_ACCESS_KEY'
  | 'S3_PREFIX'
>;

/** The library on this node's disk: DATA_DIR/media. */
export function localMediaStorage(config: Pick<Config, 'dataDir'>): LocalMediaStorage {
  return new LocalMediaStorage(path.join(config.dataDir, 'media'));
}

/** The bucket the S3_* settings name (whatever MEDIA_STORAGE says: the migration's target). */
export function s3MediaStorage(config: StorageConfig): S3MediaStorage {
  if (!config.S3_BUCKET) throw new Error('S3_BUCKET is not set.');
  return new S3MediaStorage({
    bucket: config.S3_BUCKET,
    region: config.S3_REGION,
    endpoint: config.S3_ENDPOINT,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
    credentials:
      config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY }
        : undefined,
    prefix: config.S3_PREFIX,
  });
}

/** The storage MEDIA_STORAGE chooses. */
export function createMediaStorage(config: StorageConfig): MediaStorage {
  return config.MEDIA_STORAGE === 's3' ? s3MediaStorage(config) : localMediaStorage(config);
}

/**
 * Where a page links a library file: the CDN (MEDIA_PUBLIC_BASE_URL) when there is one, else the
 * site's own /media route, which reads from the storage.
 */
export function mediaHref(config: Pick<Config, 'MEDIA_PUBLIC_BASE_URL'>, file: string): string {
  const base = config.MEDIA_PUBLIC_BASE_URL;
  return base ? `${base.replace(/\/+$/, '')}/${encodeURIComponent(file)}` : `/media/${file}`;
}

/**
 * mediaHref made absolute against the site, for what is read away from it: emails, feeds, og:image
 * and the Content API.
 */
export function absoluteMediaHref(
  config: Pick<Config, 'MEDIA_PUBLIC_BASE_URL' | 'siteUrl'>,
  file: string,
): string {
  const href = mediaHref(config, file);
  return href.startsWith('/') ? `${config.siteUrl}${href}` : href;
}
