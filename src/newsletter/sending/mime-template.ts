import { randomBytes } from 'node:crypto';
import { encodeWords, foldLines, isPlainText } from 'nodemailer/lib/mime-funcs';
import { encode as qpEncode, wrap as qpWrap } from 'nodemailer/lib/qp';
import { PREFERENCES_URL_PLACEHOLDER, UNSUBSCRIBE_URL_PLACEHOLDER } from '../digest/index.js';
import { escapeHtml } from '../escape-html.js';

// One issue goes to thousands of subscribers, and each copy differs only in its To address, its
// Message-ID, its Date and two links. Building every copy with nodemailer's composer re-encodes
// the whole 45 KB body each time (two thirds of the sender's CPU); instead the issue is encoded
// once, here, as quoted-printable segments split at the link placeholders, and each copy is
// joined from those segments with its own links. Every segment starts at the beginning of an
// encoded line (the joins are soft line breaks), so segments never depend on what precedes them.

const CRLF = '\r\n';
const EMPTY = Buffer.alloc(0);
const SOFT_BREAK = `=${CRLF}`;
const PLACEHOLDER = new RegExp(`(${PREFERENCES_URL_PLACEHOLDER}|${UNSUBSCRIBE_URL_PLACEHOLDER})`);

export interface IssueMessageInput {
  /** Display name of the sender (the site's name in the issue's locale). */
  fromName: string;
  fromAddress: string;
  replyTo?: string | undefined;
  subject: string;
  html: string;
  text: string;
  languageTag: string;
  listId: string;
}

export interface Copy {
  to: string;
  messageId: string;
  date: Date;
  preferencesUrl: string;
  unsubscribeUrl: string;
}

type Part = { segments: Buffer[]; slots: ('preferences' | 'unsubscribe')[]; escape: (url: string) => string };

function displayName(name: string): string {
  const clean = name.replace(/[\r\n"\\]/g, '').trim();
  if (!clean) return '';
  return isPlainText(clean) ? `"${clean}" ` : `${encodeWords(clean, 'Q', 52)} `;
}

function header(name: string, value: string): string {
  return `${foldLines(`${name}: ${value}`, 76)}${CRLF}`;
}

function encodedSegment(segment: string): string {
  return qpWrap(qpEncode(segment.replace(/\r?\n/g, CRLF)), 75);
}

function compilePart(body: string, escapeUrl: (url: string) => string): Part {
  const pieces = body.split(PLACEHOLDER);
  const segments: Buffer[] = [];
  const slots: Part['slots'] = [];
  pieces.forEach((piece, index) => {
    if (index % 2 === 0) segments.push(Buffer.from(encodedSegment(piece), 'ascii'));
    else slots.push(piece === PREFERENCES_URL_PLACEHOLDER ? 'preferences' : 'unsubscribe');
  });
  return { segments, slots, escape: escapeUrl };
}

/** A link as quoted-printable text of its own lines: `=` escaped, lines soft-broken at 76. */
function encodedLink(url: string): string {
  return qpWrap(url.replaceAll('=', '=3D'), 75);
}

function fillPart(part: Part, copy: Copy, into: Buffer[]): void {
  into.push(part.segments[0] ?? EMPTY);
  for (let i = 0; i < part.slots.length; i++) {
    const url = part.slots[i] === 'preferences' ? copy.preferencesUrl : copy.unsubscribeUrl;
    into.push(Buffer.from(SOFT_BREAK + encodedLink(part.escape(url)) + SOFT_BREAK, 'ascii'));
    into.push(part.segments[i + 1] ?? EMPTY);
  }
}

/** RFC 5322 date-time in UTC, such as `Tue, 01 Dec 2026 08:00:00 +0000`. */
function mailDate(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}

/**
 * Compiles an issue into a message template; `render` gives one subscriber's full RFC 5322
 * message (CRLF line ends) with the bulk-sender headers: one-click List-Unsubscribe (RFC 8058),
 * List-Id, Content-Language.
 */
export function compileIssueMessage(input: IssueMessageInput): { render(copy: Copy): Buffer } {
  const boundary = `----velocity-${randomBytes(12).toString('hex')}`;
  const fixedHead =
    header('From', `${displayName(input.fromName)}<${input.fromAddress}>`) +
    (input.replyTo ? header('Reply-To', `<${input.replyTo}>`) : '') +
    header('Subject', isPlainText(input.subject) ? input.subject : encodeWords(input.subject, 'Q', 52));
  const fixedTail =
    header('MIME-Version', '1.0') +
    header('Content-Language', input.languageTag) +
    header('List-Id', `<${input.listId}>`) +
    header('List-Unsubscribe-Post', 'List-Unsubscribe=One-Click') +
    header('Content-Type', `multipart/alternative; boundary="${boundary}"`) +
    CRLF;
  const partHead = (type: string) =>
    `--${boundary}${CRLF}Content-Type: ${type}; charset=utf-8${CRLF}Content-Transfer-Encoding: quoted-printable${CRLF}${CRLF}`;
  const text = compilePart(input.text, (url) => url);
  const html = compilePart(input.html, escapeHtml);
  // The encoded parts are kept as bytes: a copy is then a concatenation of buffers, with no 45 KB
  // string to build and convert for each subscriber.
  const head = Buffer.from(fixedHead, 'utf8');
  const textHead = Buffer.from(fixedTail + partHead('text/plain'), 'ascii');
  const htmlHead = Buffer.from(CRLF + partHead('text/html'), 'ascii');
  const end = Buffer.from(`${CRLF}--${boundary}--${CRLF}`, 'ascii');
  return {
    render(copy) {
      const chunks: Buffer[] = [
        head,
        Buffer.from(
          header('To', `<${copy.to}>`) +
            header('Message-ID', copy.messageId) +
            header('Date', mailDate(copy.date)) +
            // Unfolded: RFC 2369 URLs must reach the client whole; a line of 998 characters is allowed.
            `List-Unsubscribe: <${copy.unsubscribeUrl}>${CRLF}`,
          'utf8',
        ),
        textHead,
      ];
      fillPart(text, copy, chunks);
      chunks.push(htmlHead);
      fillPart(html, copy, chunks);
      chunks.push(end);
      return Buffer.concat(chunks);
    },
  };
}
