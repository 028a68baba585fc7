import { Worker } from 'node:worker_threads';
import type { ExtractArticleOptions, ExtractedArticle } from './article.js';
import { PageMalformed, PageRefused } from './errors.js';

export interface ExtractionRequest {
  id: number;
  bytes: Uint8Array;
  options: ExtractArticleOptions;
}

export type ExtractionReply =
  | { id: number; ok: true; article: ExtractedArticle | null }
  | { id: number; ok: false; error: { name: string; message: string } };

export type ExtractInBackground = (
  bytes: Uint8Array,
  options: ExtractArticleOptions,
) => Promise<ExtractedArticle | null>;

/** Turns an error that crossed the thread boundary back into the typed error it was. */
function revive(error: { name: string; message: string }): Error {
  switch (error.name) {
    case 'PageTooLarge':
    case 'PageRefused':
      return new PageRefused(error.message);
    case 'InvalidPageUrl':
    case 'PageMalformed':
      return new PageMalformed(error.message);
    // An unexpected failure inside Readability or the parser.
    default:
      return new PageMalformed(`Extraction failed: ${error.message}`);
  }
}

// Built, the worker is JavaScript beside this module. From the sources (development, tests) it is
// TypeScript, which a new thread can only load once tsx's loader is registered in that thread.
const fromSources = import.meta.url.endsWith('.ts');
const workerUrl = new URL(fromSources ? './worker.ts' : './worker.js', import.meta.url);

function spawnWorker(): Worker {
  if (!fromSources) return new Worker(workerUrl);
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(workerUrl.href)}); });`;
  return new Worker(bootstrap, { eval: true });
}

/**
 * Extraction in a thread of its own, with a deadline. Readability over a hostile page can take
 * seconds of CPU; here that time is not taken from the readers the same process serves, and a
 * page over the deadline stops the thread (a new one starts for the next page) and is refused.
 */
export function createExtractionPool(options: { timeoutMs: number }): {
  extract: ExtractInBackground;
  close(): Promise<void>;
} {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<
    number,
    { resolve: (a: ExtractedArticle | null) => void; reject: (e: Error) => void }
  >();
  // One page at a time in the thread: a queue keeps a slow page's deadline its own.
  let queue: Promise<unknown> = Promise.resolve();

  const failAll = (error: Error) => {
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };

  const start = (): Worker => {
    const thread = spawnWorker();
    thread.unref();
    thread.on('message', (reply: ExtractionReply) => {
      const waiter = pending.get(reply.id);
      if (!waiter) return;
      pending.delete(reply.id);
      if (reply.ok) waiter.resolve(reply.article);
      else waiter.reject(revive(reply.error));
    });
    thread.on('error', (error) => {
      failAll(new PageMalformed(`Extraction thread failed: ${error.message}`));
      worker = undefined;
    });
    thread.on('exit', () => {
      if (worker === thread) worker = undefined;
      failAll(new PageMalformed('Extraction thread stopped'));
    });
    return thread;
  };

  const run = (bytes: Uint8Array, extractOptions: ExtractArticleOptions) =>
    new Promise<ExtractedArticle | null>((resolve, reject) => {
      worker ??= start();
      const thread = worker;
      const id = nextId++;
      const timer = setTimeout(() => {
        if (!pending.has(id)) return;
        pending.delete(id);
        worker = undefined;
        void thread.terminate();
        reject(new PageRefused(`Extraction took longer than ${options.timeoutMs} ms; the page was refused`));
      }, options.timeoutMs);
      pending.set(id, {
        resolve: (article) => {
          clearTimeout(timer);
          resolve(article);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      thread.postMessage({ id, bytes, options: extractOptions } satisfies ExtractionRequest);
    });

  return {
    extract(bytes, extractOptions) {
      const result = queue.then(() => run(bytes, extractOptions));
      queue = result.catch(() => undefined);
      return result;
    },
    async close() {
      const thread = worker;
      worker = undefined;
      if (thread) await thread.terminate();
    },
  };
}
