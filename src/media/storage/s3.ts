import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { IMMUTABLE_CACHE_CONTROL } from '../../platform/http/headers.js';
import { type MediaFile, type MediaStorage, mediaContentType, type StoredMedia } from './types.js';

export interface S3Settings {
  bucket: string;
  region: string;
  /** An S3-compatible service (MinIO, Ceph, R2…); unset for AWS itself. */
  endpoint?: string | undefined;
  forcePathStyle: boolean;
  /** Unset: the SDK's own chain (environment, instance role…). */
  credentials?: { accessKeyId: string; secretAccessKey: string } | undefined;
  /** Put before every key, such as `media/`. */
  prefix: string;
}

/** Object storage said no: the message names the bucket, the key and the service's reason. */
export class MediaStorageError extends Error {
  override name = 'MediaStorageError';
}

function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
}

function isNotFound(error: unknown): boolean {
  const name = (error as { name?: string }).name;
  return name === 'NoSuchKey' || name === 'NotFound' || (statusOf(error) === 404 && name !== 'NoSuchBucket');
}

/**
 * The library in an S3-compatible bucket, shared by every node. The endpoint comes from the
 * operator's settings, not from a user, so requests go out directly rather than through the
 * address guard webhooks use: that guard refuses private addresses, which is where a MinIO or a
 * Ceph gateway usually sits.
 */
export class S3MediaStorage implements MediaStorage {
  readonly kind = 's3';
  readonly location: string;
  private readonly client: S3Client;

  constructor(private readonly settings: S3Settings) {
    this.location = `s3://${settings.bucket}/${settings.prefix}`;
    this.client = new S3Client({
      region: settings.region,
      forcePathStyle: settings.forcePathStyle,
      ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
      ...(settings.credentials ? { credentials: settings.credentials } : {}),
      // A refused request is not retried three times: an upload should fail fast with the reason.
      maxAttempts: 2,
    });
  }

  /** The object's key in the bucket. */
  objectKey(key: string): string {
    return `${this.settings.prefix}${key}`;
  }

  private failure(action: string, key: string, error: unknown): MediaStorageError {
    const name = (error as { name?: string }).name ?? 'Error';
    const message = (error as { message?: string }).message ?? String(error);
    const status = statusOf(error);
    return new MediaStorageError(
      `Object storage could not ${action} ${this.objectKey(key)} in bucket ${this.settings.bucket}: ${name}${status ? ` (HTTP ${status})` : ''}: ${message}`,
      { cause: error },
    );
  }

  async put(key: string, bytes: Buffer, contentType = mediaContentType(key)): Promise<void> {
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.settings.bucket,
          Key: this.objectKey(key),
          Body: bytes,
          ContentType: contentType,
          ContentLength: bytes.length,
          // Names carry the content's hash: a CDN in front may keep them for good.
          CacheControl: IMMUTABLE_CACHE_CONTROL,
        }),
      );
    } catch (error) {
      throw this.failure('write', key, error);
    }
  }

  async putAll(files: MediaFile[]): Promise<void> {
    const written: string[] = [];
    try {
      for (const file of files) {
        await this.put(file.name, file.bytes, mediaContentType(file.name));
        written.push(file.name);
      }
    } catch (error) {
      await Promise.all(written.map((name) => this.delete(name).catch(() => undefined)));
      throw error;
    }
  }

  async get(key: string): Promise<StoredMedia | undefined> {
    try {
      const object = await this.client.send(
        new GetObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key) }),
      );
      if (!object.Body) return undefined;
      const bytes = Buffer.from(await object.Body.transformToByteArray());
      return { bytes, contentType: object.ContentType ?? mediaContentType(key), size: bytes.length };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw this.failure('read', key, error);
    }
  }

  /** Size and ETag of the stored object, or undefined when there is none. */
  async head(key: string): Promise<{ size: number; etag: string | undefined } | undefined> {
    try {
      const head = await this.client.send(
        new HeadObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key) }),
      );
      return { size: head.ContentLength ?? 0, etag: head.ETag };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw this.failure('look up', key, error);
    }
  }

  async stat(key: string): Promise<{ size: number } | undefined> {
    const head = await this.head(key);
    return head ? { size: head.size } : undefined;
  }

  async exists(key: string): Promise<boolean> {
    return (await this.head(key)) !== undefined;
  }

  async delete(key: string): Promise<void> {
    try {
      await this.client.send(
        new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key) }),
      );
    } catch (error) {
      if (isNotFound(error)) return;
      throw this.failure('delete', key, error);
    }
  }

  destroy(): void {
    this.client.destroy();
  }
}
