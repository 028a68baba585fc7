/** Tolerant RFC 822 / ISO 8601 feed date parsing to an ISO string, or null. */
export { parseFeedDate } from './dates.js';
/** Bytes to well-formed text using BOM, HTTP charset, XML declaration and UTF-16/32 byte patterns. */
export { type DecodedText, decodeFeedBytes } from './decode.js';
/** Typed errors: refused (hostile markup), too large, malformed (not a readable feed). */
export { FeedMalformed, FeedRefused, FeedTooLarge } from './errors.js';
/** Decodes and parses one followed feed document (RSS, RDF, Atom, JSON Feed) into items; HTTP-free. */
export {
  DEFAULT_MAX_FEED_BYTES,
  type FeedDocument,
  type FeedFormat,
  type FeedItem,
  type ParseFeedOptions,
  parseFeedDocument,
} from './parse.js';
