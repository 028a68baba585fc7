import { createHash } from 'node:crypto';
import type { LocalMediaStorage } from './local.js';
import { mediaContentType } from './types.js';

/** The bucket side of a copy: what is there already, and a write. */
export interface CopyTarget {
  head(key: string): Promise<{ size: number; etag: string | undefined } | undefined>;
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
}

export interface CopyReport {
  /** Files in the local library. */
  total: number;
  copied: string[];
  /** Already in the bucket with the same size and content (a run before this one got them). */
  present: string[];
  failed: { file: string; message: string }[];
  /** Bytes copied (or, on a dry run, that would be). */
  bytes: number;
}

// A single-part upload's ETag is the MD5 of its content in quotes. Services that encrypt with
// their own keys (SSE-KMS) or objects uploaded in parts give another form, which says nothing
// about the content: then the size alone decides.
function sameContent(etag: string | undefined, bytes: Buffer): boolean {
  const plain = etag?.replace(/"/g, '').toLowerCase();
  if (!plain || !/^[0-9a-f]{32}$/.test(plain)) return true;
  return plain === createHash('md5').update(bytes).digest('hex');
}

/**
 * Copies every file of the local library to the bucket, one at a time, skipping those already
 * there with the same size and content, so a run that was interrupted continues where it stopped
 * when started again. A file that fails is reported and the others still go. With `dryRun`,
 * nothing is written: the report says what would be copied.
 */
export async function copyLocalMedia(
  source: LocalMediaStorage,
  target: CopyTarget,
  options: { dryRun?: boolean; signal?: AbortSignal; onFile?: (done: number, total: number) => void } = {},
): Promise<CopyReport> {
  const files = await source.list();
  const report: CopyReport = { total: files.length, copied: [], present: [], failed: [], bytes: 0 };
  let done = 0;
  for (const file of files) {
    if (options.signal?.aborted) break;
    try {
      const stored = await source.get(file);
      if (stored) {
        const there = await target.head(file);
        if (there && there.size === stored.size && sameContent(there.etag, stored.bytes)) {
          report.present.push(file);
        } else {
          if (!options.dryRun) await target.put(file, stored.bytes, mediaContentType(file));
          report.copied.push(file);
          report.bytes += stored.size;
        }
      }
    } catch (error) {
      report.failed.push({ file, message: error instanceof Error ? error.message : String(error) });
    }
    done += 1;
    options.onFile?.(done, files.length);
  }
  return report;
}
