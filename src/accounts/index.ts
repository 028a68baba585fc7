// People and what they may do: accounts, sessions, the rule book and the audit log. No HTTP here;
// the admin and the Admin API both build on this surface.

export { AUDIT_ACTIONS, type AuditAction, type AuditEntry, listAudit, recordAudit } from './audit.js';
export { changeUser, LastOwner } from './changes.js';
export { checkPasswordPolicy, verifyPassword } from './passwords.js';
export {
  addUser,
  issueOwnerSetupToken,
  issueSetupToken,
  redeemSetupToken,
  SETUP_LINK_HOURS,
  setPassword,
} from './people.js';
export { pruneAccounts } from './prune.js';
export {
  countUserSessions,
  deleteUserSessions,
  findUsableSetupToken,
  findUserByEmail,
  findUserById,
  listUsers,
  type User,
  updateUser,
} from './queries.js';
export { type Actor, can, type Permission, ROLES, type StoryScope } from './roles.js';
export { type ActiveSession, endSession, resolveSession, SESSION_DAYS, startSession } from './sessions.js';
export { authenticate, TooManySignIns } from './sign-in.js';
export { hashToken, newToken, sameSecret } from './tokens.js';
