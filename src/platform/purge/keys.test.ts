import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import {
  inBatches,
  pageSurrogateKeys,
  purgeKeysForTags,
  surrogateKeyForTag,
  surrogateKeyHeaders,
} from './keys.js';

describe('surrogate keys', () => {
  it.each([
    ['story:12', 'story-12'],
    ['section:3', 'section-3'],
    ['entity:7', 'entity-7'],
    ['kind:gpu', 'kind-gpu'],
    ['front', 'front'],
    ['Kind:Big GPU/x', 'kind-big_gpu_x'],
  ])('names the render-cache tag %s as %s', (tag, key) => {
    expect(surrogateKeyForTag(tag)).toBe(key);
  });

  it('leaves share counts to the render cache', () => {
    expect(surrogateKeyForTag('shares:12')).toBeUndefined();
  });

  it('files a page under its tags once each, its locale and all', () => {
    expect(
      pageSurrogateKeys(['story:12', 'shares:12', 'section:3', 'entity:7', 'story:12', 'site'], 'zh'),
    ).toEqual(['story-12', 'section-3', 'entity-7', 'site', 'locale-zh', 'all']);
    expect(pageSurrogateKeys(['sitemap'], undefined)).toEqual(['sitemap', 'all']);
  });

  it('purges the keys of the tags a change drops', () => {
    expect(purgeKeysForTags(['story:1', 'section:2', 'front', 'story:1', 'shares:1'])).toEqual([
      'story-1',
      'section-2',
      'front',
    ]);
  });

  it('writes each header the way its cache splits it', () => {
    expect(surrogateKeyHeaders(['story-1', 'all'], ['surrogate-key', 'xkey', 'cache-tag'])).toEqual({
      'surrogate-key': 'story-1 all',
      xkey: 'story-1 all',
      'cache-tag': 'story-1,all',
    });
    expect(surrogateKeyHeaders(['story-1'], [])).toEqual({});
  });
});

describe('batches', () => {
  it('splits into groups of at most the limit, in order', () => {
    const keys = Array.from({ length: 65 }, (_, i) => `story-${i}`);
    const batches = inBatches(keys, 30);
    expect(batches.map((batch) => batch.length)).toEqual([30, 30, 5]);
    expect(batches.flat()).toEqual(keys);
    expect(inBatches([], 30)).toEqual([]);
    expect(() => inBatches(keys, 0)).toThrow(RangeError);
  });
});

describe('edge settings', () => {
  it('defaults to every key header and no purger', () => {
    const config = loadConfig({});
    expect(config.SURROGATE_KEY_HEADERS).toEqual(['surrogate-key', 'xkey', 'cache-tag']);
    expect(config.PURGE).toBe('none');
  });

  it('reads none as no key headers, and refuses unknown ones', () => {
    expect(loadConfig({ SURROGATE_KEY_HEADERS: 'none' }).SURROGATE_KEY_HEADERS).toEqual([]);
    expect(() => loadConfig({ SURROGATE_KEY_HEADERS: 'surrogate-key,edge-tag' })).toThrow(/edge-tag/);
  });

  it.each([
    [{ PURGE: 'varnish' }, /PURGE_VARNISH_URLS/],
    [{ PURGE: 'varnish', PURGE_VARNISH_URLS: 'ftp://cache' }, /PURGE_VARNISH_URLS/],
    [{ PURGE: 'fastly', PURGE_FASTLY_SERVICE_ID: 'svc' }, /PURGE_FASTLY/],
    [{ PURGE: 'cloudflare', PURGE_CLOUDFLARE_TOKEN: 't' }, /PURGE_CLOUDFLARE/],
  ])('refuses %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
    expect(() => loadConfig(env)).toThrow(ConfigError);
  });
});
