import { describe, expect, it } from 'vitest';
import { type Actor, can, type Permission } from './roles.js';

const actor = (role: Actor['role'], extra: Partial<Actor> = {}): Actor => ({
  id: 7,
  email: `${role}@example.test`,
  role,
  locales: [],
  ...extra,
});

const ownDraft = { authorId: 7, everPublished: false };
const ownPublished = { authorId: 7, everPublished: true };
const othersDraft = { authorId: 8, everPublished: false };

describe('the rule book', () => {
  it.each<[string, Actor, Permission, boolean]>([
    ['owner manages people', actor('owner'), { action: 'users.manage' }, true],
    ['editor publishes', actor('editor'), { action: 'story.publish' }, true],
    ['editor overrides language QA', actor('editor'), { action: 'qa.override' }, true],
    ['editor may not manage people', actor('editor'), { action: 'users.manage' }, false],
    ['editor may not make API keys', actor('editor'), { action: 'apikeys.manage' }, false],
    ['editor reads the audit log', actor('editor'), { action: 'audit.view' }, true],
    ['author writes a new story', actor('author'), { action: 'story.create' }, true],
    [
      'author edits an own draft',
      actor('author'),
      { action: 'story.edit', story: ownDraft, locale: 'zh' },
      true,
    ],
    [
      'author may not edit an own story once published',
      actor('author'),
      { action: 'story.edit', story: ownPublished, locale: 'zh' },
      false,
    ],
    [
      "author may not edit another's draft",
      actor('author'),
      { action: 'story.edit', story: othersDraft, locale: 'zh' },
      false,
    ],
    ['author may not publish', actor('author'), { action: 'story.publish' }, false],
    ['author may not read the audit log', actor('author'), { action: 'audit.view' }, false],
    [
      'translator edits an assigned locale',
      actor('translator', { locales: ['en'] }),
      { action: 'story.edit', story: othersDraft, locale: 'en' },
      true,
    ],
    [
      'translator may not edit another locale',
      actor('translator', { locales: ['en'] }),
      { action: 'story.edit', story: othersDraft, locale: 'zh' },
      false,
    ],
    [
      'translator may not publish',
      actor('translator', { locales: ['en'] }),
      { action: 'story.publish' },
      false,
    ],
    ['translator may not create stories', actor('translator'), { action: 'story.create' }, false],
    ['translator may not upload media', actor('translator'), { action: 'media.upload' }, false],
    ['editor reads the desk', actor('editor'), { action: 'desk.view' }, true],
    ['editor triages clusters', actor('editor'), { action: 'desk.triage' }, true],
    ['editor manages followed sources', actor('editor'), { action: 'sources.manage' }, true],
    ['author reads the desk', actor('author'), { action: 'desk.view' }, true],
    ['author may not triage clusters', actor('author'), { action: 'desk.triage' }, false],
    ['author may not manage sources', actor('author'), { action: 'sources.manage' }, false],
    [
      'translator sees nothing of the desk',
      actor('translator', { locales: ['en'] }),
      { action: 'desk.view' },
      false,
    ],
    ['translator may not manage sources', actor('translator'), { action: 'sources.manage' }, false],
    ['editor manages subscribers', actor('editor'), { action: 'subscribers.manage' }, true],
    ['author may not manage subscribers', actor('author'), { action: 'subscribers.manage' }, false],
    [
      'translator may not manage subscribers',
      actor('translator', { locales: ['en'] }),
      { action: 'subscribers.manage' },
      false,
    ],
    ['owner sends a digest now', actor('owner'), { action: 'newsletter.send' }, true],
    ['editor may not send a digest to a whole list', actor('editor'), { action: 'newsletter.send' }, false],
    ['author may not send a digest', actor('author'), { action: 'newsletter.send' }, false],
  ])('%s', (_, who, permission, allowed) => expect(can(who, permission)).toBe(allowed));
});
