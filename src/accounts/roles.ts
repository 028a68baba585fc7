import type { UserRole } from '../platform/database/index.js';
import type { Locale } from '../platform/locale.js';

export const ROLES: readonly UserRole[] = ['owner', 'editor', 'author', 'translator'];

/** The person acting, as every permission check sees them. */
export interface Actor {
  id: number;
  email: string;
  role: UserRole;
  /** Locales a translator may edit; ignored for other roles. */
  locales: Locale[];
}

/** The parts of a story a permission depends on. */
export interface StoryScope {
  authorId: number | null;
  /** True when some variant of the story is published or scheduled. */
  everPublished: boolean;
}

export type Permission =
  | { action: 'story.create' }
  | { action: 'story.edit'; story: StoryScope; locale: Locale }
  | { action: 'story.publish' }
  | { action: 'story.delete' }
  | { action: 'story.view' }
  | { action: 'qa.override' }
  | { action: 'media.upload' }
  | { action: 'taxonomy.manage' }
  | { action: 'audit.view' }
  | { action: 'settings.manage' }
  | { action: 'users.manage' }
  | { action: 'apikeys.manage' }
  | { action: 'webhooks.manage' }
  /** The source desk's inbox and clusters (reading them, and the source material beside a story). */
  | { action: 'desk.view' }
  /** Ignoring, snoozing and reopening clusters: what the whole newsroom sees in the inbox. */
  | { action: 'desk.triage' }
  /** Following, pausing, refreshing and removing feeds; OPML import and export. */
  | { action: 'sources.manage' }
  /** The newsletter's subscriber list: searching it, counts, CSV import and export. */
  | { action: 'subscribers.manage' }
  /** Starting a real send of a digest to a whole list outside the schedule: owners only. */
  | { action: 'newsletter.send' };

const EDITORIAL = new Set<Permission['action']>([
  'story.create',
  'story.edit',
  'story.publish',
  'story.delete',
  'story.view',
  'qa.override',
  'media.upload',
  'taxonomy.manage',
  'audit.view',
  'desk.view',
  'desk.triage',
  'sources.manage',
  'subscribers.manage',
]);

/**
 * The one rule book, used by every admin route and Admin API call alike.
 * - owner: everything, including people, settings, API keys and webhooks;
 * - editor: everything editorial, publishing included;
 * - author: writes new stories and edits their own until an editor has published them; reads the
 *   desk and may start a story from a cluster, but leaves triage and the feeds to editors;
 * - translator: edits variants in the locales assigned to them; never publishes; no desk.
 */
export function can(actor: Actor, permission: Permission): boolean {
  switch (actor.role) {
    case 'owner':
      return true;
    case 'editor':
      return EDITORIAL.has(permission.action);
    case 'author':
      if (permission.action === 'story.edit') {
        return permission.story.authorId === actor.id && !permission.story.everPublished;
      }
      return ['story.create', 'story.view', 'media.upload', 'desk.view'].includes(permission.action);
    case 'translator':
      if (permission.action === 'story.edit') return actor.locales.includes(permission.locale);
      return permission.action === 'story.view';
  }
}
