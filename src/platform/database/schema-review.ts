import type { Generated } from 'kysely';

// Tables of migration 0015 (review and coordination). Timestamps are ISO 8601 UTC strings.

export type ReviewState = 'submitted' | 'changes_requested' | 'approved';

export interface StoryReviewsTable {
  id: Generated<number>;
  story_id: number;
  locale: string;
  state: ReviewState;
  requested_by: number | null;
  requested_at: string;
  decided_by: number | null;
  decided_at: string | null;
  /** The editor's note when sending back; empty otherwise. Plain text. */
  note: Generated<string>;
}

export interface StoryNotesTable {
  id: Generated<number>;
  story_id: number;
  user_id: number | null;
  /** Plain text, never rendered as Markdown. */
  body: string;
  created_at: string;
}

export type AdminNoticeKind = 'review.submitted' | 'review.changes_requested' | 'review.approved';

export interface AdminNoticesTable {
  id: Generated<number>;
  user_id: number;
  kind: AdminNoticeKind;
  story_id: number | null;
  locale: Generated<string>;
  /** Who caused it, as shown then (their name survives them). */
  actor_name: Generated<string>;
  note: Generated<string>;
  created_at: string;
  read_at: string | null;
}

export interface ReviewTables {
  story_reviews: StoryReviewsTable;
  story_notes: StoryNotesTable;
  admin_notices: AdminNoticesTable;
}
