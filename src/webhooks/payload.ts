import type { ContentEvent, ContentEventType, Section, Story } from '../stories/index.js';
import { sectionSlug, storyPath } from '../stories/index.js';

/** The JSON body of a delivery: what happened, to which story, where readers find it. */
export interface WebhookPayload {
  event: ContentEventType;
  storyId: number;
  locale: string;
  /** Absolute URL of the variant's public page; null when the story is gone. */
  url: string | null;
  title: string | null;
  /** ISO 8601: when it happened. */
  at: string;
}

/** Builds the payload of an event from the story as it is now (plain data in, plain data out). */
export function webhookPayload(
  event: ContentEvent,
  story: Story | undefined,
  sections: Section[],
  siteUrl: string,
): WebhookPayload {
  const variant = story?.variants.find((v) => v.locale === event.locale);
  const section = story && sections.find((s) => s.id === story.sectionId);
  const url =
    variant && section
      ? `${siteUrl}${storyPath(variant.locale, sectionSlug(section, variant.locale), variant.slug)}`
      : null;
  return {
    event: event.type,
    storyId: event.storyId,
    locale: event.locale,
    url,
    title: variant?.title ?? null,
    at: event.at,
  };
}
