import type { Kysely } from 'kysely';
import { z } from 'zod';
import { type Actor, recordAudit } from '../accounts/index.js';
import {
  findMediaById,
  listStoryIdsUsingMedia,
  type MediaStorage,
  saveMediaTexts,
  storeUpload,
  type UploadLimits,
  updateMediaCredit,
} from '../media/index.js';
import type { Database } from '../platform/database/index.js';
import { DomainError } from '../platform/errors.js';
import type { Media } from '../stories/index.js';
import { assertCan } from './access.js';
import { checkFields, valueOrThrow } from './fields.js';
import { type NamesOutcome, namesChanged } from './names.js';
import { recordedWrite, recordOutcome } from './use-case.js';

// The media library's writes: an upload, and its credit and per-language alt text and credit.
// The image's alt text is a default; a story's variant may say its own (saved with the story).
// Each write and its audit entry share one transaction.

type Db = Kysely<Database>;

export const MAX_CREDIT_CHARS = 300;

/** A credit line as typed: trimmed, runs of white space made one space. */
const CreditSchema = z.object({
  credit: z
    .string()
    .trim()
    .max(MAX_CREDIT_CHARS, 'media.error.creditTooLong')
    .default('')
    .transform((s) => s.replace(/\s+/g, ' ')),
});

const UPLOAD = { action: 'media.upload' } as const;

/** Checks a credit line; refused, it throws InvalidFields on `credit`. */
export function checkCredit(credit: string): string {
  return valueOrThrow(checkFields(CreditSchema, { credit })).credit;
}

/**
 * Adds an image to the library (see media's `storeUpload`) with its audit entry. The same image
 * uploaded again gives back the existing record, `created: false`, and writes nothing.
 * UploadRefused says why an image was refused (too large, not an image…).
 */
export async function uploadMedia(
  db: Db,
  actor: Actor,
  options: { storage: MediaStorage; limits: UploadLimits },
  upload: { bytes: Uint8Array; credit: string; originalName: string },
  now: Date,
): Promise<{ media: Media; created: boolean; outcome: NamesOutcome | null }> {
  assertCan(actor, UPLOAD);
  const credit = checkCredit(upload.credit);
  const { media, created } = await storeUpload(
    db,
    {
      ...options,
      // The new image joins the names every process keeps (see the outcome below).
      onCreated: async (trx, inserted) => {
        await recordOutcome(trx, namesChanged({}));
        await recordAudit(
          trx,
          {
            actor,
            action: 'media.upload',
            subject: { kind: 'media', id: inserted.id },
            summary: inserted.fileName,
            details: {
              originalName: upload.originalName.slice(0, 200),
              bytes: upload.bytes.byteLength,
              width: inserted.width,
              height: inserted.height,
              renditions: inserted.renditions.map((r) => r.width),
            },
          },
          now,
        );
      },
    },
    { bytes: upload.bytes, credit },
    now,
  );
  // The site keeps media in memory with the other names; a story can only show what it has.
  return { media, created, outcome: created ? namesChanged({}) : null };
}

/** Changes an image's credit line; the stories showing it are dropped from the cache. */
export async function updateCredit(
  db: Db,
  actor: Actor,
  request: { id: number; credit: string },
  now: Date,
): Promise<NamesOutcome | null> {
  assertCan(actor, UPLOAD);
  const credit = checkCredit(request.credit);
  return recordedWrite(db, async (trx) => {
    const media = await findMediaById(trx, request.id);
    if (!media) throw new DomainError('not-found', `No image #${request.id} in the library.`);
    if (credit === media.credit) return null;
    await updateMediaCredit(trx, media.id, credit);
    await recordAudit(
      trx,
      {
        actor,
        action: 'media.update',
        subject: { kind: 'media', id: media.id },
        summary: media.fileName,
        details: { credit: { from: media.credit, to: credit } },
      },
      now,
    );
    return namesChanged({ storyIds: await listStoryIdsUsingMedia(trx, media.id) });
  });
}

export const MAX_ALT_CHARS = 500;

const TextsSchema = z.object({
  credit: CreditSchema.shape.credit,
  texts: z.record(
    z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/),
    z.object({
      alt: z.string().trim().max(MAX_ALT_CHARS, 'media.error.altTooLong').default(''),
      credit: CreditSchema.shape.credit,
    }),
  ),
});

/**
 * Saves an image's language-neutral credit and its alt text and credit per language in one
 * transaction, with one audit entry; the stories showing it are dropped from the cache. Only the
 * given locales are touched (the site's languages, as the form lists them).
 */
export async function updateMediaTexts(
  db: Db,
  actor: Actor,
  request: { id: number; credit: string; texts: Record<string, { alt: string; credit: string }> },
  now: Date,
): Promise<NamesOutcome | null> {
  assertCan(actor, UPLOAD);
  const checked = valueOrThrow(checkFields(TextsSchema, { credit: request.credit, texts: request.texts }));
  return recordedWrite(db, async (trx) => {
    const media = await findMediaById(trx, request.id);
    if (!media) throw new DomainError('not-found', `No image #${request.id} in the library.`);
    const changed = Object.entries(checked.texts).filter(([locale, text]) => {
      const before = media.texts?.[locale] ?? { alt: '', credit: '' };
      return before.alt !== text.alt || before.credit !== text.credit;
    });
    if (checked.credit === media.credit && changed.length === 0) return null;
    if (checked.credit !== media.credit) await updateMediaCredit(trx, media.id, checked.credit);
    await saveMediaTexts(trx, media.id, Object.fromEntries(changed), now);
    await recordAudit(
      trx,
      {
        actor,
        action: 'media.update',
        subject: { kind: 'media', id: media.id },
        summary: media.fileName,
        details: {
          ...(checked.credit !== media.credit ? { credit: { from: media.credit, to: checked.credit } } : {}),
          texts: Object.fromEntries(changed),
        },
      },
      now,
    );
    return namesChanged({ storyIds: await listStoryIdsUsingMedia(trx, media.id) });
  });
}
