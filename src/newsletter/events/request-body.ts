import type { Context } from 'hono';
import { WebhookBodyTooLarge, WebhookPayloadInvalid } from './errors.js';

/**
 * The raw bytes of the body, at most `maxBytes`. Content-Length is checked first, then the bytes
 * actually read, since a chunked body declares no length and a declared one can be a lie.
 */
export async function readRawBody(c: Context, maxBytes: number): Promise<Buffer> {
  const declared = c.req.header('content-length');
  if (declared !== undefined && Number(declared) > maxBytes) throw new WebhookBodyTooLarge(maxBytes);
  const stream = c.req.raw.body;
  if (!stream) return Buffer.alloc(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > maxBytes) {
      await reader.cancel();
      throw new WebhookBodyTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The body as JSON, or WebhookPayloadInvalid saying why it is not. */
export function parseJsonBody(raw: Uint8Array): unknown {
  let text: string;
  try {
    text = utf8.decode(raw);
  } catch {
    throw new WebhookPayloadInvalid('The body is not valid UTF-8.');
  }
  if (text.trim() === '') throw new WebhookPayloadInvalid('The body is empty; send the event as JSON.');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'not JSON';
    throw new WebhookPayloadInvalid(`The body is not valid JSON: ${reason}`);
  }
}
