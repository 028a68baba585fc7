import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config.js';
import { createMediaStorage, mediaHref, S3MediaStorage } from './index.js';
import { LocalMediaStorage } from './local.js';
import { mediaContentType } from './types.js';

const S3 = { MEDIA_STORAGE: 's3', S3_BUCKET: 'media', S3_ENDPOINT: 'http://127.0.0.1:9000' };

describe('media storage settings', () => {
  it('keeps media on the local disk by default, in DATA_DIR/media', () => {
    const storage = createMediaStorage(loadConfig({ DATA_DIR: '/srv/velocity' }));
    expect(storage).toBeInstanceOf(LocalMediaStorage);
    expect(storage.location).toBe('/srv/velocity/media');
  });

  it('uses the bucket with MEDIA_STORAGE=s3, prefixing every key', () => {
    const storage = createMediaStorage(
      loadConfig({ ...S3, S3_PREFIX: 'site/', S3_FORCE_PATH_STYLE: 'true' }),
    );
    expect(storage).toBeInstanceOf(S3MediaStorage);
    expect(storage.location).toBe('s3://media/site/');
    expect((storage as S3MediaStorage).objectKey('a-480.webp')).toBe('site/a-480.webp');
    (storage as S3MediaStorage).destroy();
  });

  it.each([
    ['no bucket', { MEDIA_STORAGE: 's3' }, /S3_BUCKET: must be set/],
    ['half a key pair', { ...S3, S3_ACCESS_KEY_ID: 'AKIA' }, /set both or neither/],
    ['a prefix without its slash', { ...S3, S3_PREFIX: 'media' }, /S3_PREFIX/],
    ['a prefix reaching up', { ...S3, S3_PREFIX: '../' }, /S3_PREFIX/],
    ['an unknown storage', { MEDIA_STORAGE: 'ftp' }, /MEDIA_STORAGE/],
    ['an endpoint that is no URL', { ...S3, S3_ENDPOINT: 'minio' }, /S3_ENDPOINT/],
    ['a CDN that is no URL', { MEDIA_PUBLIC_BASE_URL: 'cdn.example.com' }, /MEDIA_PUBLIC_BASE_URL/],
  ])('refuses %s', (_, env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe('where pages link a library file', () => {
  it('is the site’s /media route without a CDN, and the CDN’s URL with one', () => {
    expect(mediaHref(loadConfig({}), 'abc-800.webp')).toBe('/media/abc-800.webp');
    const cdn = loadConfig({ MEDIA_PUBLIC_BASE_URL: 'https://cdn.example.com/media/' });
    expect(mediaHref(cdn, 'abc-800.webp')).toBe('https://cdn.example.com/media/abc-800.webp');
  });

  it('serves each file with the type its extension names', () => {
    expect(mediaContentType('a-480.avif')).toBe('image/avif');
    expect(mediaContentType('hero-x.webp')).toBe('image/webp');
    expect(mediaContentType('a.bin')).toBe('application/octet-stream');
  });
});
