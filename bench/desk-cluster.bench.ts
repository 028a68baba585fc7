// Near-duplicate clustering of the source desk at 100,000 items: synthetic English and Chinese
// stories from a seeded generator, 30% of them edited copies of an earlier story (a light edit, a
// feed's cut-off snippet, or a reordered rewrite). Beside it, the cheapest dedupe there is, an
// exact-duplicate map over the same normalised text: the ratio is the price of finding near ones.
// The rebuild line is what a restarting desk pays: decode the stored signatures and add them again.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import {
  createClusterer,
  DEFAULT_LSH,
  DEFAULT_THRESHOLD,
  decodeSignature,
  encodeSignature,
  minhashSignature,
  pairScores,
  signatureText,
} from '../src/desk/cluster/index.js';

const ITEMS = Number(process.env.BENCH_CLUSTER_ITEMS ?? 100_000);
const DUPLICATE_SHARE = 0.3;
const CHINESE_SHARE = 0.4;
// Copies are of recent news: the source is picked among the last stories, as on a real desk.
const RECENT_STORIES = 2_000;

type Item = { title: string; text: string; story: number };

export type DeskClusterBenchFigures = {
  items: number;
  stories: number;
  exactSeconds: number;
  signatureSeconds: number;
  clusterSeconds: number;
  rebuildSeconds: number;
  clusters: number;
  precision: number;
  recall: number;
  peakRssBytes: number;
  peakHeapBytes: number;
  peakArrayBufferBytes: number;
  clustererBytes: number;
};

/** mulberry32: a small seeded generator, so every run clusters the same items. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function generateItems(count: number, seed: number): { items: Item[]; stories: number } {
  const random = seeded(seed);
  const pick = <T>(list: readonly T[], skew = 1): T => list[Math.floor(list.length * random() ** skew)] as T;
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const syllables =
    'ka lo mi ne ru sa to vi zen cor dat lin mar pol qua ser tri vox bel dun fir gar hol jes'.split(' ');
  // Cubing the uniform draw makes a few words very common, as function words are in real text.
  const words = Array.from({ length: 6000 }, () =>
    Array.from({ length: between(1, 3) }, () => pick(syllables)).join(''),
  );
  const hanzi = Array.from({ length: 3000 }, () =>
    String.fromCodePoint(0x4e00 + Math.floor(random() * 20_000)),
  );
  const latinInChinese = ['AI', 'H200', 'GPT-5', 'K9', '5G', 'Halcyon-3'];

  const english = (length: number) => Array.from({ length }, () => pick(words, 3));
  const chinese = (length: number) =>
    Array.from({ length }, () => (random() < 0.04 ? pick(latinInChinese) : pick(hanzi, 2)));
  const render = (tokens: string[], zh: boolean) =>
    zh
      ? tokens.map((t, i) => (i % 23 === 22 ? `${t}。` : i % 9 === 8 ? `${t}，` : t)).join('')
      : tokens.map((t, i) => (i % 16 === 15 ? `${t}.` : i % 7 === 6 ? `${t},` : t)).join(' ');

  type Story = { zh: boolean; title: string[]; body: string[] };
  const originals: Story[] = [];
  const items: Item[] = [];
  const edited = (tokens: string[], zh: boolean, rate: number) =>
    tokens.flatMap((t) => {
      const r = random();
      if (r < rate / 2) return [];
      if (r < rate) return zh ? chinese(1) : english(1);
      return [t];
    });

  for (let i = 0; i < count; i++) {
    if (originals.length > 0 && random() < DUPLICATE_SHARE) {
      const from = Math.max(0, originals.length - RECENT_STORIES);
      const story = between(from, originals.length - 1);
      const source = originals[story] as Story;
      const zh = source.zh;
      const kind = random();
      // Most outlets write their own title: keep a third of the words, or only change one.
      const title =
        random() < 0.5
          ? edited(source.title, zh, 0.1)
          : [...source.title.filter(() => random() < 0.35), ...(zh ? chinese(6) : english(3))];
      let body: string[];
      if (kind < 0.6) body = edited(source.body, zh, 0.08);
      else if (kind < 0.85) body = source.body.slice(0, zh ? between(70, 100) : between(35, 50));
      else {
        const cut = between(10, source.body.length - 10);
        body = edited([...source.body.slice(cut), ...source.body.slice(0, cut)], zh, 0.1);
      }
      items.push({ title: render(title, zh), text: render(body, zh), story });
    } else {
      const zh = random() < CHINESE_SHARE;
      const story: Story = zh
        ? { zh, title: chinese(between(12, 22)), body: chinese(between(120, 220)) }
        : { zh, title: english(between(7, 12)), body: english(between(60, 110)) };
      originals.push(story);
      items.push({
        title: render(story.title, zh),
        text: render(story.body, zh),
        story: originals.length - 1,
      });
    }
  }
  return { items, stories: originals.length };
}

/** Peak memory, sampled every thousand items while a phase runs. */
function memoryTracker() {
  const peak = { rss: 0, heap: 0, arrayBuffers: 0 };
  const sample = () => {
    const usage = process.memoryUsage();
    peak.rss = Math.max(peak.rss, usage.rss);
    peak.heap = Math.max(peak.heap, usage.heapUsed);
    peak.arrayBuffers = Math.max(peak.arrayBuffers, usage.arrayBuffers);
  };
  return { peak, sample, every: (i: number) => i % 1000 === 0 && sample() };
}

/** Wall and CPU seconds: the CPU figure stays honest when other work shares the machine. */
function timed<T>(run: () => T): { result: T; seconds: number; cpuSeconds: number } {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = run();
  const used = process.cpuUsage(cpu);
  return {
    result,
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
  };
}

// A full collection on demand, without asking for --expose-gc on the command line.
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

/**
 * Heap and typed-array bytes still reachable. V8 frees array buffers on a background sweeper, so
 * the collection is repeated after a pause before the figure is read.
 */
async function retainedBytes(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    collect();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/** Runs the benchmark and prints its figures; returns them for a caller that wants them. */
export async function runDeskClusterBench(
  options: { items?: number; seed?: number } = {},
): Promise<DeskClusterBenchFigures> {
  const count = options.items ?? ITEMS;
  console.log(`Desk clustering: generating ${count} synthetic items (seeded)…`);
  const { items, stories } = generateItems(count, options.seed ?? 20260310);
  const memory = memoryTracker();
  memory.sample();
  const rssBefore = memory.peak.rss;

  const exact = timed(() => {
    const firstWithText = new Map<string, number>();
    items.forEach((item, i) => {
      const key = signatureText(item);
      if (!firstWithText.has(key)) firstWithText.set(key, i);
      memory.every(i);
    });
    return firstWithText.size;
  });
  const signatures = timed(() =>
    items.map((item, i) => {
      memory.every(i);
      return minhashSignature(signatureText(item));
    }),
  );
  const clustered = timed(() => {
    const clusterer = createClusterer();
    const ids = signatures.result.map((signature, i) => {
      memory.every(i);
      return clusterer.add({ id: i, signature, publishedAt: null, sourceId: 0, url: null }).clusterId;
    });
    return { ids, clusters: clusterer.clusterCount };
  });
  const stored = signatures.result.map(encodeSignature);
  signatures.result.length = 0;
  const retainedBefore = await retainedBytes();
  let kept: unknown;
  const rebuilt = timed(() => {
    const clusterer = createClusterer();
    kept = clusterer;
    return stored.map((bytes, i) => {
      memory.every(i);
      return clusterer.add({
        id: i,
        signature: decodeSignature(bytes),
        publishedAt: null,
        sourceId: 0,
        url: null,
      }).clusterId;
    });
  });
  memory.sample();
  const clustererBytes = (await retainedBytes()) - retainedBefore;
  if (kept === undefined || rebuilt.result.some((id, i) => id !== clustered.result.ids[i]))
    throw new Error('a rebuild from stored signatures gave other clusters');
  const scores = pairScores(
    clustered.result.ids,
    items.map((item) => item.story),
  );

  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
  const perSecond = (seconds: number) => (count / seconds).toFixed(0);
  const chinese = items.filter((item) => /[\u4e00-\u9fff]/.test(item.title)).length;
  console.log('');
  console.log(
    `near-duplicate clustering, ${count} items (${chinese} Chinese), ${stories} stories, threshold ${DEFAULT_THRESHOLD}, LSH ${DEFAULT_LSH.bands} × ${DEFAULT_LSH.rows}:`,
  );
  const line = (name: string, phase: { seconds: number; cpuSeconds: number }, extra = '') =>
    console.log(
      `  ${name.padEnd(40)}${phase.seconds.toFixed(2)} s (cpu ${phase.cpuSeconds.toFixed(2)} s)   ${perSecond(phase.seconds)} items/s${extra}`,
    );
  line('exact-duplicate map (normalised text)', exact, `   (${exact.result} distinct texts)`);
  line('signatures (title + lead, 128 slots)', signatures);
  line('clustering (LSH lookup, verify, join)', clustered, `   (${clustered.result.clusters} clusters)`);
  line('rebuild from stored signature bytes', rebuilt, '   (same clusters)');
  console.log(
    `  ratio (signatures + clustering) / exact ${((signatures.seconds + clustered.seconds) / exact.seconds).toFixed(1)} (cpu ${((signatures.cpuSeconds + clustered.cpuSeconds) / exact.cpuSeconds).toFixed(1)})`,
  );
  console.log(
    `  pairwise precision ${scores.precision.toFixed(4)}, recall ${scores.recall.toFixed(4)} against the generator's stories`,
  );
  console.log(
    `  memory: peak rss ${mb(memory.peak.rss)} MB (${mb(rssBefore)} MB with the generated texts alone), peak heap used ${mb(memory.peak.heap)} MB, peak array buffers ${mb(memory.peak.arrayBuffers)} MB`,
  );
  console.log(
    `  a clusterer of ${count} items retains ${mb(clustererBytes)} MB (heap + typed arrays, after a full collection)`,
  );
  return {
    items: count,
    stories,
    exactSeconds: exact.seconds,
    signatureSeconds: signatures.seconds,
    clusterSeconds: clustered.seconds,
    rebuildSeconds: rebuilt.seconds,
    clusters: clustered.result.clusters,
    precision: scores.precision,
    recall: scores.recall,
    peakRssBytes: memory.peak.rss,
    peakHeapBytes: memory.peak.heap,
    peakArrayBufferBytes: memory.peak.arrayBuffers,
    clustererBytes,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  await runDeskClusterBench();
