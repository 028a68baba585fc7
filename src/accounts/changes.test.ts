import { describe, expect, it } from 'vitest';
import { removesLastOwner, type UserChange } from './changes.js';

const owner = { role: 'owner' as const, disabledAt: null };
const disabledOwner = { role: 'owner' as const, disabledAt: '2026-01-01T00:00:00.000Z' };
const editor = { role: 'editor' as const, disabledAt: null };

describe('removesLastOwner', () => {
  it.each([
    ['the only owner becomes an editor', owner, { role: 'editor' }, 1, true],
    ['the only owner is disabled', owner, { disabled: true }, 1, true],
    ['the only owner keeps the role and changes name', owner, { displayName: 'O' }, 1, false],
    ['the only owner is "changed" to owner', owner, { role: 'owner' }, 1, false],
    ['one of two owners becomes an editor', owner, { role: 'editor' }, 2, false],
    ['one of two owners is disabled', owner, { disabled: true }, 2, false],
    ['an editor is disabled', editor, { disabled: true }, 1, false],
    ['a disabled owner (not counted) is demoted', disabledOwner, { role: 'editor' }, 1, false],
    ['the only owner is enabled again', owner, { disabled: false }, 1, false],
  ] as const)('%s → %s', (_, user, change, owners, expected) => {
    expect(removesLastOwner(user, change as UserChange, owners)).toBe(expected);
  });
});
