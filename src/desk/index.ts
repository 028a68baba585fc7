/** The source desk: followed feeds. Each sub-feature adds its re-exports here. */
export * from './feeds/index.js';
export * from './fetch/index.js';
