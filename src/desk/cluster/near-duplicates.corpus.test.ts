import { describe, expect, it } from 'vitest';
import { corpusFile } from '../../../test/support/corpus.js';
import { createClusterer } from './clusterer.js';
import { minhashSignature } from './minhash.js';
import { pairScores } from './pair-scores.js';
import { shingles, signatureText } from './shingles.js';

/** RFC 4180 fields: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char !== '"') field += char;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

type Labelled = { id: string; label: string; title: string | null; text: string | null };

function cluster(items: Labelled[]) {
  const clusterer = createClusterer();
  const predicted = items.map(
    (item) =>
      clusterer.add({
        ...item,
        signature: minhashSignature(signatureText(item)),
        publishedAt: null,
        sourceId: 0,
        url: null,
      }).clusterId,
  );
  return pairScores(
    predicted,
    items.map((item) => item.label),
  );
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared || 1);
}

describe('near-duplicates/uci-news-aggregator--first-499.csv', () => {
  const [header, ...rows] = parseCsv(
    new TextDecoder('utf-8', { fatal: true }).decode(
      corpusFile('near-duplicates/uci-news-aggregator--first-499.csv'),
    ),
  );
  const column = (name: string) => header?.indexOf(name) ?? -1;
  const [id, title, story, timestamp] = ['ID', 'TITLE', 'STORY', 'TIMESTAMP'].map(column) as [
    number,
    number,
    number,
    number,
  ];
  const headlines: Labelled[] = rows
    .filter((row) => row.length === header?.length)
    .sort((a, b) => Number(a[timestamp]) - Number(b[timestamp]))
    .map((row) => ({ id: row[id] ?? '', label: row[story] ?? '', title: row[title] ?? '', text: null }));

  it('parses all 499 headlines in 12 stories', () => {
    expect(headlines).toHaveLength(499);
    expect(new Set(headlines.map((h) => h.label)).size).toBe(12);
    expect(headlines.some((h) => h.title?.includes(','))).toBe(true);
  });

  // Headlines of one STORY are mostly different sentences about one event, not copies: only the
  // pairs whose shingle sets already overlap by the threshold can be found by any MinHash setting.
  // Measured: 2.2% of same-story pairs reach 0.3; clustering finds 3.2% (joining through a third
  // headline adds some), with precision 0.992 (495 of 499): two of the headlines it pairs wrongly
  // appear word for word under two different stories in the data set.
  it('is precise (≥ 0.95) and finds what near-duplicate detection can find', () => {
    const sets = headlines.map((h) => new Set(shingles(signatureText(h))));
    let samePairs = 0;
    let reachable = 0;
    for (let i = 0; i < headlines.length; i++)
      for (let j = i + 1; j < headlines.length; j++)
        if (headlines[i]?.label === headlines[j]?.label) {
          samePairs++;
          if (jaccard(sets[i] as Set<string>, sets[j] as Set<string>) >= 0.3) reachable++;
        }
    const scores = cluster(headlines);
    console.info(
      `UCI headlines: precision ${scores.precision.toFixed(3)} (${scores.truePairs}/${scores.predictedPairs}), recall ${scores.recall.toFixed(3)}; same-story pairs with Jaccard ≥ 0.3: ${((100 * reachable) / samePairs).toFixed(1)}%`,
    );
    expect(scores.precision).toBeGreaterThanOrEqual(0.95);
    expect(scores.truePairs).toBeGreaterThanOrEqual(0.9 * reachable);
  });
});

describe('near-duplicates/minhash--articles_100.{train,truth}', () => {
  const documents = new TextDecoder()
    .decode(corpusFile('near-duplicates/minhash--articles_100.train'))
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => ({ id: line.slice(0, line.indexOf(' ')), text: line.slice(line.indexOf(' ') + 1) }));
  const pairs = new TextDecoder()
    .decode(corpusFile('near-duplicates/minhash--articles_100.truth'))
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.trim().split(/\s+/) as [string, string]);
  const labelOf = new Map(documents.map((d) => [d.id, d.id]));
  for (const [a, b] of pairs) labelOf.set(b, a);

  it('finds exactly the five listed pairs', () => {
    expect(documents).toHaveLength(100);
    expect(pairs).toHaveLength(5);
    const scores = cluster(documents.map((d) => ({ ...d, label: labelOf.get(d.id) ?? d.id, title: null })));
    console.info(
      `minhash articles_100: ${scores.truePairs}/${scores.labelledPairs} pairs found, ${scores.predictedPairs} proposed`,
    );
    expect(scores).toMatchObject({ truePairs: 5, predictedPairs: 5, labelledPairs: 5 });
  });
});
