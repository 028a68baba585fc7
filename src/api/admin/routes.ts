import type { z } from 'zod';
import type { Actor } from '../../accounts/index.js';
import {
  createStory,
  deliverOutcome,
  getStory,
  type Outcome,
  patchVariant,
  publish,
  type SavedVariant,
  saveVariant,
  schedule,
  unpublish,
} from '../../editorial/index.js';
import { DomainError } from '../../platform/errors.js';
import {
  type Entity,
  listEntities,
  listSections,
  type Section,
  type Story,
  sectionSlug,
  storyPath,
} from '../../stories/index.js';
import type { ApiDeps } from '../deps.js';
import { defineEndpoint, type Endpoint } from '../endpoint.js';
import {
  type AdminStory,
  AdminStoryEnvelope,
  CreateStoryBody,
  PatchVariantBody,
  PublishBody,
  PutVariantBody,
  SavedVariantEnvelope,
  ScheduleBody,
  ScheduledEnvelope,
  StoryIdPath,
  VariantPath,
} from './schemas.js';

const TAG = 'Admin API';
const BASE = '/admin/v1';

/** A story as the Admin API shows it: every variant, whatever its status. */
function presentAdminStory(
  story: Story,
  authorId: number | null,
  taxonomy: { sections: Section[]; entities: Entity[]; siteUrl: string },
): z.infer<typeof AdminStory> {
  const section = taxonomy.sections.find((s) => s.id === story.sectionId);
  return {
    id: story.id,
    section: section?.key ?? '',
    sourceLocale: story.sourceLocale,
    authorId,
    heroMediaId: story.heroMediaId,
    entities: story.entityIds.flatMap((id) => taxonomy.entities.find((e) => e.id === id)?.slug ?? []),
    sources: story.sources.map((s) => ({
      url: s.url,
      publisher: s.publisher,
      author: s.author,
      publishedAt: s.publishedAt,
    })),
    createdAt: story.createdAt,
    updatedAt: story.updatedAt,
    variants: story.variants.map((v) => ({
      locale: v.locale,
      title: v.title,
      slug: v.slug,
      summary: v.summary,
      body: v.bodyMarkdown,
      faq: v.faq,
      heroAlt: v.heroAlt,
      status: v.status,
      revision: v.revision,
      publishAt: v.publishAt,
      publishedAt: v.publishedAt,
      updatedAt: v.updatedAt,
      translatedFromRevision: v.translatedFromRevision,
      authorId: v.authorId,
      translatorId: v.translatorId,
      url: `${taxonomy.siteUrl}${storyPath(v.locale, section ? sectionSlug(section, v.locale) : 'stories', v.slug)}`,
    })),
  };
}

function actorOf(caller: { actor?: Actor } | undefined): Actor {
  // mountEndpoints lets only staff tokens reach these handlers, and a staff token has its person.
  if (!caller?.actor) throw new DomainError('unauthenticated', 'A staff token is required.');
  return caller.actor;
}

/**
 * The Admin API: writes through the editorial workflow (src/editorial), so a staff token can do
 * exactly what its person could do in the admin, with the same checks, audit entries and events.
 */
export function adminEndpoints(deps: ApiDeps): Endpoint[] {
  const options = () => ({ now: deps.now() });
  const sinks = {
    contentChanged: (change: Parameters<ApiDeps['contentChanged']>[0]) => deps.contentChanged(change),
    emit: deps.emit,
  };
  const deliver = (outcome: Outcome) => deliverOutcome(outcome, sinks);
  const read = async (actor: Actor, storyId: number) => {
    const [{ story, authorId }, sections, entities] = await Promise.all([
      getStory(deps.db, actor, storyId),
      listSections(deps.db),
      listEntities(deps.db, { proposed: 'include' }),
    ]);
    return presentAdminStory(story, authorId, { sections, entities, siteUrl: deps.config.siteUrl });
  };
  // PUT and PATCH answer alike: the story after the save, and what the save did.
  const savedAnswer = async (actor: Actor, storyId: number, saved: SavedVariant) => {
    await deliver(saved);
    return {
      data: await read(actor, storyId),
      saved: saved.saved,
      created: saved.created,
      revision: saved.revision,
    };
  };

  return [
    defineEndpoint({
      method: 'post',
      path: `${BASE}/stories`,
      operationId: 'createStory',
      tag: TAG,
      summary: 'Create a story (a draft in its source locale)',
      description:
        'Needs a role that may create stories (owner, editor, author). The token’s person becomes the author.',
      access: 'staff',
      body: CreateStoryBody,
      ok: { status: 201, description: 'The new story.', schema: AdminStoryEnvelope },
      headers: { location: 'The story’s Admin API URL.' },
      problems: [409],
      async handle(c, { body, caller }) {
        const actor = actorOf(caller);
        const saved = await createStory(deps.db, actor, body, options());
        await deliver(saved);
        c.header('location', `${deps.config.siteUrl}/api${BASE}/stories/${saved.storyId}`);
        return { data: await read(actor, saved.storyId) };
      },
    }),
    defineEndpoint({
      method: 'get',
      path: `${BASE}/stories/{id}`,
      operationId: 'getAdminStory',
      tag: TAG,
      summary: 'Read a story with all its variants, whatever their status',
      access: 'staff',
      params: StoryIdPath,
      ok: { status: 200, description: 'The story.', schema: AdminStoryEnvelope },
      problems: [404],
      async handle(_c, { params, caller }) {
        return { data: await read(actorOf(caller), params.id) };
      },
    }),
    defineEndpoint({
      method: 'put',
      path: `${BASE}/stories/{id}/variants/{locale}`,
      operationId: 'putVariant',
      tag: TAG,
      summary: 'Save a variant’s whole text, or add a translation',
      description:
        'Replaces the variant’s text (fields left out take their defaults), or adds the locale’s variant as a draft. A save that changes something is a new revision. Saving a published variant runs the quality checks.',
      access: 'staff',
      params: VariantPath,
      body: PutVariantBody,
      ok: { status: 200, description: 'The story after the save.', schema: SavedVariantEnvelope },
      problems: [404, 409],
      async handle(_c, { params, body, caller }) {
        const actor = actorOf(caller);
        const saved = await saveVariant(
          deps.db,
          actor,
          { ...body, storyId: params.id, locale: params.locale },
          options(),
        );
        return savedAnswer(actor, params.id, saved);
      },
    }),
    defineEndpoint({
      method: 'patch',
      path: `${BASE}/stories/{id}/variants/{locale}`,
      operationId: 'patchVariant',
      tag: TAG,
      summary: 'Change some of a variant’s text',
      description:
        'Fields left out keep their stored value. Based on the current revision unless `baseRevision` says otherwise; someone else’s newer save answers 409.',
      access: 'staff',
      params: VariantPath,
      body: PatchVariantBody,
      ok: { status: 200, description: 'The story after the save.', schema: SavedVariantEnvelope },
      problems: [404, 409],
      async handle(_c, { params, body, caller }) {
        const actor = actorOf(caller);
        const saved = await patchVariant(
          deps.db,
          actor,
          { ...body, storyId: params.id, locale: params.locale },
          options(),
        );
        return savedAnswer(actor, params.id, saved);
      },
    }),
    defineEndpoint({
      method: 'post',
      path: `${BASE}/stories/{id}/variants/{locale}/publish`,
      operationId: 'publishVariant',
      tag: TAG,
      summary: 'Publish a variant now',
      description:
        'Needs a role that may publish (owner, editor). Refused with 422 and the findings when quality checks fail, unless `qaOverride` gives a reason (logged). Publishing a live variant changes nothing.',
      access: 'staff',
      params: VariantPath,
      body: PublishBody,
      ok: { status: 200, description: 'The story after publishing.', schema: AdminStoryEnvelope },
      problems: [404, 409],
      async handle(_c, { params, body, caller }) {
        const actor = actorOf(caller);
        const outcome = await publish(
          deps.db,
          actor,
          { ...body, storyId: params.id, locale: params.locale },
          options(),
        );
        await deliver(outcome);
        return { data: await read(actor, params.id) };
      },
    }),
    defineEndpoint({
      method: 'post',
      path: `${BASE}/stories/{id}/variants/{locale}/schedule`,
      operationId: 'scheduleVariant',
      tag: TAG,
      summary: 'Schedule a variant to go live at a time',
      description:
        'Same permission and quality checks as publishing, applied now. `publishAt` must be in the future.',
      access: 'staff',
      params: VariantPath,
      body: ScheduleBody,
      ok: { status: 200, description: 'The story after scheduling.', schema: ScheduledEnvelope },
      problems: [404, 409],
      async handle(_c, { params, body, caller }) {
        const actor = actorOf(caller);
        const outcome = await schedule(
          deps.db,
          actor,
          { ...body, storyId: params.id, locale: params.locale },
          options(),
        );
        await deliver(outcome);
        return { data: await read(actor, params.id), publishAt: outcome.publishAt };
      },
    }),
    defineEndpoint({
      method: 'post',
      path: `${BASE}/stories/{id}/variants/{locale}/unpublish`,
      operationId: 'unpublishVariant',
      tag: TAG,
      summary: 'Take a variant off the site',
      description:
        'A published variant becomes `unpublished` (readers get 410 Gone); a scheduled one that never went live returns to draft.',
      access: 'staff',
      params: VariantPath,
      ok: { status: 200, description: 'The story after unpublishing.', schema: AdminStoryEnvelope },
      problems: [404, 409],
      async handle(_c, { params, caller }) {
        const actor = actorOf(caller);
        const outcome = await unpublish(
          deps.db,
          actor,
          { storyId: params.id, locale: params.locale },
          options(),
        );
        await deliver(outcome);
        return { data: await read(actor, params.id) };
      },
    }),
  ];
}
