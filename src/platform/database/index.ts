export { type DatabaseHandle, type Dialect, openDatabase } from './connect.js';
export { containsText } from './contains-text.js';
export { migrateToLatest, pendingMigrations } from './migrations.js';
export * from './schema.js';
export {
  countInWindow,
  pruneSharedLimits,
  releaseLease,
  reservePacedSlot,
  takeLease,
} from './shared-limits.js';
export { inTransaction } from './transaction.js';
export { isUniqueViolation } from './unique-violation.js';
