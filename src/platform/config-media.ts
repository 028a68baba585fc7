import { z } from 'zod';
import { booleanFromEnv } from './config-newsletter.js';

/** Where the media library keeps its files (see src/media/storage). */
export const mediaStorageSettings = {
  MEDIA_STORAGE: z
    .enum(['local', 's3'])
    .default('local')
    .describe(
      'Where uploaded images and their renditions are kept: local (DATA_DIR/media on this node) or s3 (an S3-compatible bucket every node shares).',
    ),
  S3_BUCKET: z.string().min(1).optional().describe('The bucket for media when MEDIA_STORAGE=s3.'),
  S3_REGION: z.string().min(1).default('us-east-1').describe('The bucket’s region.'),
  S3_ENDPOINT: z
    .url()
    .optional()
    .describe('URL of an S3-compatible service (MinIO, Ceph, R2…); unset for Amazon S3 itself.'),
  S3_FORCE_PATH_STYLE: booleanFromEnv
    .default(false)
    .describe(
      'Address the bucket in the path (http://host/bucket/key), as most S3-compatible services need.',
    ),
  S3_ACCESS_KEY_ID: z
    .string()
    .min(1)
    .optional()
    .describe(
      'Access key for the bucket; unset to use the AWS SDK’s own chain (environment, instance role).',
    ),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional().describe('Secret key going with S3_ACCESS_KEY_ID.'),
  S3_PREFIX: z
    .string()
    .regex(
      /^((?!\.{1,2}\/)[A-Za-z0-9._-]+\/)*$/,
      'must be empty or folder names each ending in /, such as media/',
    )
    .default('')
    .describe('Put before every object key, such as media/, to share a bucket.'),
  MEDIA_PUBLIC_BASE_URL: z
    .url()
    .optional()
    .describe(
      'Public URL of a CDN in front of the media (such as https://cdn.example.com/media); pages then link images at this URL + the file name. Unset: the site serves /media/… itself.',
    ),
};

/** The cross-checks zod's per-variable schemas cannot make; a problem message, or undefined. */
export function mediaStorageProblem(config: {
  MEDIA_STORAGE: 'local' | 's3';
  S3_BUCKET?: string | undefined;
  S3_ACCESS_KEY_ID?: string | undefined;
  S3_SECRET_ACCESS_KEY?: string | undefined;
}): string | undefined {
  if (config.MEDIA_STORAGE === 's3' && !config.S3_BUCKET)
    return 'S3_BUCKET: must be set when MEDIA_STORAGE=s3';
  if (Boolean(config.S3_ACCESS_KEY_ID) !== Boolean(config.S3_SECRET_ACCESS_KEY)) {
    return 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY: set both or neither';
  }
  return undefined;
}
