/**
 * What happened to published content, as integrators hear of it (webhooks). Written by the
 * editorial workflow and the scheduler; delivered by the webhooks feature.
 */
export type ContentEventType = 'story.published' | 'story.updated' | 'story.unpublished';

export interface ContentEvent {
  type: ContentEventType;
  storyId: number;
  locale: string;
  /** ISO 8601. */
  at: string;
}

/** What a write touched, so the caller can drop exactly those cached pages. */
export interface ContentChange {
  storyIds: number[];
  sectionIds: number[];
  entityIds: number[];
}
