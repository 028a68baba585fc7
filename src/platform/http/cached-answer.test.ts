import { describe, expect, it } from 'vitest';
import { type CachedPage, uncompressedPage } from '../render-cache.js';
import { answerPage, type ContentCoding, chooseCoding, redirectAnswer } from './cached-answer.js';

const plain = uncompressedPage(200, Buffer.from('<p>hello</p>'), {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'public, max-age=60',
});
const page: CachedPage = {
  ...plain,
  br: { body: Buffer.from('brotli bytes'), etag: '"abc-br"' },
  gzip: { body: Buffer.from('gzip bytes!'), etag: '"abc-gz"' },
};
const onlyGzip: CachedPage = { ...plain, gzip: { body: Buffer.from('gz'), etag: '"abc-gz"' } };

describe('chooseCoding', () => {
  it.each<[string | undefined, CachedPage, ContentCoding]>([
    [undefined, page, 'identity'],
    ['', page, 'identity'],
    ['gzip, deflate, br, zstd', page, 'br'],
    ['br;q=0.1, gzip;q=1.0', page, 'br'],
    ['gzip, br;q=0', page, 'gzip'],
    ['BR;Q=0, GZIP', page, 'gzip'],
    ['x-gzip', page, 'gzip'],
    ['*', page, 'br'],
    ['*;q=0, gzip', page, 'gzip'],
    ['br;q=0, gzip;q=0', page, 'identity'],
    ['deflate', page, 'identity'],
    ['identity', page, 'identity'],
    ['br', onlyGzip, 'identity'],
    ['br, gzip', onlyGzip, 'gzip'],
    ['gzip, br', plain, 'identity'],
    ['br;q=nonsense, gzip', page, 'gzip'],
    [`${'x,'.repeat(10_000)}br`, page, 'identity'],
  ])('Accept-Encoding %j', (header, cached, expected) => {
    expect(chooseCoding(header, cached)).toBe(expected);
  });
});

describe('answerPage', () => {
  it('sends the chosen coding with its length, tag and Vary', () => {
    const answer = answerPage(page, { method: 'GET', acceptEncoding: 'gzip, br' });
    expect(answer.status).toBe(200);
    expect(answer.body?.toString()).toBe('brotli bytes');
    expect(answer.headers).toMatchObject({
      'content-encoding': 'br',
      'content-length': '12',
      etag: '"abc-br"',
      vary: 'Accept-Encoding',
      'content-type': 'text/html; charset=utf-8',
    });
    const identity = answerPage(page, { method: 'GET' });
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.headers['content-length']).toBe(String(plain.identity.body.length));
    expect(identity.headers.etag).toBe(plain.identity.etag);
  });

  it('answers HEAD with the headers of GET and no body', () => {
    const get = answerPage(page, { method: 'GET', acceptEncoding: 'gzip' });
    const head = answerPage(page, { method: 'HEAD', acceptEncoding: 'gzip' });
    expect(head.headers).toEqual(get.headers);
    expect(head.body).toBeNull();
  });

  it('answers 304 only for the tag of the coding it would send', () => {
    const notModified = answerPage(page, { method: 'GET', acceptEncoding: 'br', ifNoneMatch: 'W/"abc-br"' });
    expect(notModified.status).toBe(304);
    expect(notModified.body).toBeNull();
    expect(notModified.headers).toMatchObject({ etag: '"abc-br"', vary: 'Accept-Encoding' });
    expect(notModified.headers['content-type']).toBeUndefined();
    expect(notModified.headers['content-length']).toBeUndefined();
    expect(notModified.headers['content-encoding']).toBeUndefined();
    // The client holds the brotli bytes but now takes only gzip: it gets the gzip bytes.
    expect(answerPage(page, { method: 'GET', acceptEncoding: 'gzip', ifNoneMatch: '"abc-br"' }).status).toBe(
      200,
    );
  });

  it('redirects within the site', () => {
    const answer = redirectAnswer('/en/ai-models/?page=2');
    expect(answer.status).toBe(301);
    expect(answer.headers.location).toBe('/en/ai-models/?page=2');
    expect(answer.body).toBeNull();
  });
});
