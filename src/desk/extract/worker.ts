import { parentPort } from 'node:worker_threads';
import { isDomainError } from '../../platform/errors.js';
import { extractArticle } from './article.js';
import type { ExtractionReply, ExtractionRequest } from './pool.js';

// The thread side of the extraction pool: one page at a time, answers by request id.
parentPort?.on('message', (request: ExtractionRequest) => {
  let reply: ExtractionReply;
  try {
    reply = { id: request.id, ok: true, article: extractArticle(request.bytes, request.options) };
  } catch (error) {
    reply = {
      id: request.id,
      ok: false,
      error: isDomainError(error)
        ? { name: error.name, message: error.message }
        : { name: 'Error', message: error instanceof Error ? error.message : String(error) },
    };
  }
  parentPort?.postMessage(reply);
});
