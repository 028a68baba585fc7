// The desk's queries; the rest of the desk (and only the desk) reaches the tables through these.
export * from './clusters.js';
export * from './feeds.js';
export * from './items.js';
export type * from './model.js';
export * from './rising.js';
