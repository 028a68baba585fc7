// People and what they may do: accounts, sessions, the rule book and the audit log. No HTTP here;
// the admin and the Admin API both build on this surface.

export {
  AUDIT_ACTIONS,
  type AuditAction,
  type AuditActor,
  type AuditEntry,
  type AuditFilter,
  listAudit,
  recordAudit,
} from './audit.js';
export { changeUser, LastOwner, removesLastOwner, type UserChange } from './changes.js';
export { checkPasswordPolicy, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.js';
export {
  addUser,
  EmailTaken,
  issueOwnerSetupToken,
  issueSetupToken,
  type NewUser,
  NewUserSchema,
  redeemSetupToken,
  SETUP_LINK_HOURS,
  setPassword,
} from './people.js';
export { pruneAccounts } from './prune.js';
export {
  countOwners,
  countUserSessions,
  deleteExpiredSessions,
  deleteSetupTokensBefore,
  deleteUserSessions,
  findUsableSetupToken,
  findUserByEmail,
  findUserById,
  listUsers,
  normalizeEmail,
  type User,
  updateUser,
} from './queries.js';
export { type Actor, can, type Permission, ROLES, type StoryScope } from './roles.js';
export { type ActiveSession, endSession, resolveSession, SESSION_DAYS, startSession } from './sessions.js';
export { authenticate, TooManySignIns, WrongCredentials } from './sign-in.js';
export { ADDRESS_RULE, delayAfter, deleteStaleThrottles, PAIR_RULE, type ThrottleRule } from './throttle.js';
export { hashToken, newToken, sameSecret } from './tokens.js';
