import type { Kysely } from 'kysely';
import { type Actor, can, hashToken, newToken, recordAudit } from '../accounts/index.js';
import type { Database } from '../platform/database/index.js';
import { findStory, type Story, type Variant } from '../stories/index.js';
import { loadStory, requireVariant } from './access.js';
import { NotAllowed } from './errors.js';
import { findPreviewToken, insertPreviewToken } from './queries.js';
import { PreviewLinkSchema, parseInput } from './schema.js';

type Db = Kysely<Database>;

const HOUR_MS = 3_600_000;

/** Where the public site serves previews: `/preview/<token>`. */
function previewPath(token: string): string {
  return `/preview/${token}`;
}

export interface PreviewLink {
  /** Shown once; only its hash is kept. */
  token: string;
  path: string;
  expiresAt: string;
}

/**
 * A private link to a variant's current text, published or not, that stops working after
 * `hours` (48 by default, two weeks at most). Whoever may edit that locale, or publish, may make one.
 */
export async function createPreviewLink(
  db: Db,
  actor: Actor,
  storyId: number,
  locale: string,
  options: { now: Date; hours?: number },
): Promise<PreviewLink> {
  const ref = parseInput(PreviewLinkSchema, { storyId, locale, hours: options.hours });
  const { story, scope } = await loadStory(db, ref.storyId);
  const allowed =
    can(actor, { action: 'story.edit', story: scope, locale: ref.locale }) ||
    can(actor, { action: 'story.publish' });
  if (!allowed) throw new NotAllowed('story.preview-link');
  requireVariant(story, ref.locale);
  const token = newToken();
  const expiresAt = new Date(options.now.getTime() + ref.hours * HOUR_MS);
  await insertPreviewToken(db, {
    hash: hashToken(token),
    storyId: story.id,
    locale: ref.locale,
    createdBy: actor.id,
    createdAt: options.now,
    expiresAt,
  });
  await recordAudit(
    db,
    {
      actor,
      action: 'story.preview-link',
      subject: { kind: 'story', id: story.id },
      locale: ref.locale,
      details: { expiresAt: expiresAt.toISOString(), hours: ref.hours },
    },
    options.now,
  );
  return { token, path: previewPath(token), expiresAt: expiresAt.toISOString() };
}

export type PreviewLookup =
  | { status: 'valid'; story: Story; variant: Variant; expiresAt: string }
  | { status: 'expired' }
  | { status: 'unknown' };

/** What a preview token opens: the story and variant as they are now, or why it opens nothing. */
export async function findPreview(db: Db, token: string, now: Date): Promise<PreviewLookup> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { status: 'unknown' };
  const row = await findPreviewToken(db, hashToken(token));
  if (!row) return { status: 'unknown' };
  if (row.expiresAt <= now.toISOString()) return { status: 'expired' };
  const story = await findStory(db, row.storyId);
  const variant = story?.variants.find((v) => v.locale === row.locale);
  if (!story || !variant) return { status: 'unknown' };
  return { status: 'valid', story, variant, expiresAt: row.expiresAt };
}
