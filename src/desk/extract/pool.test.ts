import { afterAll, describe, expect, it } from 'vitest';
import { corpusFile } from '../../../test/support/corpus.js';
import { PageMalformed, PageRefused } from './errors.js';
import { createExtractionPool } from './pool.js';

const pool = createExtractionPool({ timeoutMs: 20_000 });
afterAll(() => pool.close());

describe('extraction in a worker thread', () => {
  it('gives the same article as extraction in process', async () => {
    const bytes = corpusFile('pages/readability/ars-1/source.html');
    const article = await pool.extract(bytes, { url: 'https://arstechnica.com/article' });
    const metadata = JSON.parse(
      corpusFile('pages/readability/ars-1/expected-metadata.json').toString('utf8'),
    );
    expect(article?.title).toBe(metadata.title);
    expect(article?.text.length).toBeGreaterThan(1000);
  });

  it('brings typed errors back across the thread', async () => {
    const deep = Buffer.from(`<html><body>${'<div>'.repeat(100_000)}x</body></html>`);
    await expect(pool.extract(deep, { url: 'https://example.org/' })).rejects.toBeInstanceOf(PageRefused);
    await expect(pool.extract(Buffer.from('<p>x</p>'), { url: 'not a url' })).rejects.toBeInstanceOf(
      PageMalformed,
    );
  });

  it('stops a page that runs past the deadline and serves the next page from a new thread', async () => {
    const quick = createExtractionPool({ timeoutMs: 1 });
    try {
      const bytes = corpusFile('pages/readability/engadget/source.html');
      await expect(quick.extract(bytes, { url: 'https://www.engadget.com/' })).rejects.toThrow(
        /longer than 1 ms/,
      );
    } finally {
      await quick.close();
    }
    const article = await pool.extract(corpusFile('pages/readability/heise/source.html'), {
      url: 'https://www.heise.de/',
    });
    expect(article).not.toBeNull();
  });
});
