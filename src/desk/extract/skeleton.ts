/**
 * linkedom builds the tree as the tags are written, without the HTML tree builder's repairs, and its
 * document.body is simply "the element right after the first child of the root" (a new empty one
 * otherwise). So a page that omits <html> or <body> (both optional in HTML), or has a stray
 * <script> between </head> and <body>, would hand Readability an empty body.
 */

/** Elements the HTML tree builder keeps in <head> when they come before any content. */
const HEAD_ELEMENTS = new Set(['base', 'link', 'meta', 'noscript', 'script', 'style', 'template', 'title']);

function isElementNamed(node: Node, name: string): node is Element {
  return node.nodeType === node.ELEMENT_NODE && (node as Element).localName === name;
}

/** Whitespace and comments can stay where they are; they are not elements and show no text. */
function isInert(node: Node): boolean {
  if (node.nodeType === node.COMMENT_NODE) return true;
  return node.nodeType === node.TEXT_NODE && !node.nodeValue?.trim();
}

function isHeadElement(node: Node): boolean {
  return node.nodeType === node.ELEMENT_NODE && HEAD_ELEMENTS.has((node as Element).localName);
}

function ensureHtmlRoot(document: Document): Element {
  const root = document.documentElement;
  if (root?.localName === 'html') return root;
  const html = document.createElement('html');
  for (const node of Array.from(document.childNodes)) {
    if (node.nodeType !== node.DOCUMENT_TYPE_NODE) html.append(node);
  }
  document.append(html);
  return html;
}

/**
 * Rearranges the document into <html><head>…</head><body>…</body></html> the way the HTML tree
 * builder would: head elements met before any content go into <head>, everything else into <body>
 * in document order (content after </body> included).
 */
export function repairHtmlSkeleton(document: Document): void {
  const html = ensureHtmlRoot(document);
  const children = Array.from(html.childNodes);
  const elements = children.filter((node) => node.nodeType === node.ELEMENT_NODE);
  const isInOrder =
    elements.length === 2 &&
    isElementNamed(elements[0] as Node, 'head') &&
    isElementNamed(elements[1] as Node, 'body');
  if (isInOrder && children.every((node) => elements.includes(node) || isInert(node))) return;

  const head = elements.find((node) => isElementNamed(node, 'head')) ?? document.createElement('head');
  const body = elements.find((node) => isElementNamed(node, 'body')) ?? document.createElement('body');
  const beforeBody: Node[] = [];
  let bodySeen = false;
  for (const node of children) {
    if (node === head || isInert(node)) continue;
    if (node === body) {
      bodySeen = true;
    } else if (bodySeen) {
      body.append(node);
    } else if (beforeBody.length === 0 && isHeadElement(node)) {
      head.append(node);
    } else {
      beforeBody.push(node);
    }
  }
  body.prepend(...beforeBody);
  html.prepend(head);
  head.after(body);
}
