/** Bytes to well-formed text using BOM, HTTP charset, XML declaration and UTF-16/32 byte patterns. */
export { decodeFeedBytes } from './decode.js';
/** Typed errors: refused (hostile markup), malformed (not a readable feed). */
export { FeedMalformed, FeedRefused } from './errors.js';
/** Decodes and parses one followed feed document (RSS, RDF, Atom, JSON Feed) into items; HTTP-free. */
export {
  type FeedDocument,
  type FeedItem,
  parseFeedDocument,
} from './parse.js';
