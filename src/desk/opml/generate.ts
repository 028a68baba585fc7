/**
 * Writes OPML 2.0 ourselves rather than through feedsmith's generateOpml: it pretty-prints the head
 * title as an indented CDATA section, so every reader but feedsmith sees padding around the title.
 */
import { singleLine } from './text.js';

export type OpmlFeedInput = {
  feedUrl: string;
  siteUrl?: string | null;
  title?: string | null;
  /** Folder path, outermost first; empty or absent puts the feed at the top level. */
  folder?: string[];
};

export type GenerateOpmlInput = { title: string; feeds: OpmlFeedInput[]; now: Date };

type Folder = { name: string; children: Node[] };
type Node = { feed: OpmlFeedInput } | { folder: Folder };

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // Numeric references survive attribute-value normalisation (XML 1.0 §3.3.3); literal ones do not.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

// URLs are not collapsed like titles, yet must still lose what XML 1.0 §2.2 cannot carry.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function xmlEscape(value: string): string {
  return value.replace(NOT_XML_CHAR, '').replace(/[&<>"'\t\n\r]/g, (c) => ESCAPES[c] ?? c);
}

function attributes(pairs: [string, string | null | undefined][]): string {
  return pairs
    .filter((pair): pair is [string, string] => typeof pair[1] === 'string')
    .map(([key, value]) => ` ${key}="${xmlEscape(value)}"`)
    .join('');
}

/** Folders in first-seen order, each feed where it first appeared; blank folder names are dropped. */
function tree(feeds: OpmlFeedInput[]): Node[] {
  const top: Folder = { name: '', children: [] };
  for (const feed of feeds) {
    let parent = top;
    for (const name of (feed.folder ?? []).map(singleLine)) {
      if (name === null) continue;
      let next = parent.children.find(
        (n): n is { folder: Folder } => 'folder' in n && n.folder.name === name,
      );
      if (!next) {
        next = { folder: { name, children: [] } };
        parent.children.push(next);
      }
      parent = next.folder;
    }
    parent.children.push({ feed });
  }
  return top.children;
}

function outlines(nodes: Node[], indent: string): string[] {
  return nodes.flatMap((node) => {
    if ('folder' in node) {
      const { name, children } = node.folder;
      return [
        `${indent}<outline${attributes([
          ['text', name],
          ['title', name],
        ])}>`,
        ...outlines(children, `${indent}  `),
        `${indent}</outline>`,
      ];
    }
    const { feed } = node;
    const title = singleLine(feed.title);
    // text= is required on every outline (OPML 2.0); with no title the URL is what a reader shows.
    const line = attributes([
      ['type', 'rss'],
      ['text', title ?? feed.feedUrl],
      ['title', title],
      ['xmlUrl', feed.feedUrl],
      ['htmlUrl', feed.siteUrl || null],
    ]);
    return [`${indent}<outline${line}/>`];
  });
}

/** Serialises subscriptions as an OPML 2.0 document (UTF-8), folders as nested outlines. */
export function generateOpmlDocument(input: GenerateOpmlInput): string {
  if (Number.isNaN(input.now.getTime()))
    throw new RangeError('generateOpmlDocument: `now` is not a valid date');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${xmlEscape(singleLine(input.title) ?? '')}</title>`,
    // OPML 2.0 asks for RFC 822 dates; toUTCString writes that form with a four-digit year.
    `    <dateCreated>${input.now.toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
    ...outlines(tree(input.feeds), '    '),
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}
