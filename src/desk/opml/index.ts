/** Typed errors: refused (hostile markup), too large, malformed (not a readable OPML list). */
export { OpmlMalformed, OpmlRefused, OpmlTooLarge } from './errors.js';
/** Writes subscriptions as an OPML 2.0 document with folders as nested outlines. */
export { generateOpmlDocument } from './generate.js';
/** Decodes and reads an uploaded OPML subscription list into de-duplicated http(s) feeds with folders. */
export { parseOpmlDocument } from './parse.js';
