export { type ConnectOptions, type DatabaseHandle, type Dialect, openDatabase } from './connect.js';
export { containsText, likeContaining } from './contains-text.js';
export { migrateToLatest, pendingMigrations } from './migrations.js';
export * from './schema.js';
export { inTransaction } from './transaction.js';
export { isUniqueViolation } from './unique-violation.js';
