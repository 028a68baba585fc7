import sanitizeHtml from 'sanitize-html';

/**
 * Deepest element nesting we let reach a DOM. The corpus articles nest at most 27 deep. Beyond a few
 * hundred levels every tool here degrades: htmlparser2 (under linkedom and sanitize-html) grows its
 * open-element stack with unshift, so parsing is quadratic in depth (200,000 unclosed <div>s took
 * linkedom 17 s), and Readability overflows the call stack by 10,000 levels and takes 0.9 s on a
 * page 512 deep holding one paragraph. Blink's parser stops nesting at 512 for similar reasons.
 */
export const MAX_NESTING_DEPTH = 256;

/** Thrown from parser callbacks to stop a parse as soon as it goes too deep. */
export class NestingTooDeep extends Error {
  constructor(readonly maxDepth: number) {
    super(`Markup nests deeper than ${maxDepth} elements`);
  }
}

export type NestingGuard = {
  onOpenTag: () => void;
  onCloseTag: () => void;
  readonly elementCount: number;
  /** The sum over all elements of their depth squared; see MarkupSize. */
  readonly squaredDepthSum: number;
};

/**
 * sanitize-html callbacks that track htmlparser2's open elements (it reports implied and void closes
 * too) and throw NestingTooDeep while the stack is still small, keeping the parse linear.
 */
export function createNestingGuard(maxDepth = MAX_NESTING_DEPTH): NestingGuard {
  let depth = 0;
  let elementCount = 0;
  let squaredDepthSum = 0;
  return {
    onOpenTag() {
      depth++;
      elementCount++;
      squaredDepthSum += depth * depth;
      if (depth > maxDepth) throw new NestingTooDeep(maxDepth);
    },
    onCloseTag() {
      depth--;
    },
    get elementCount() {
      return elementCount;
    },
    get squaredDepthSum() {
      return squaredDepthSum;
    },
  };
}

/**
 * How much tree a document makes. Readability compares the text of every candidate with the text of
 * each of its descendants, so its work grows with the sum of squared element depths, not just their
 * number: 4,000 elements in 200-deep stacks took it 3.3 s, 32,000 shallow ones 0.2 s. Text runs count
 * too: htmlparser2 reports each entity as its own run, and linkedom makes each run a node.
 */
export type MarkupSize = { elementCount: number; textRunCount: number; squaredDepthSum: number };

/**
 * Measures html with the same tokenizer linkedom uses, or throws NestingTooDeep. One streaming pass
 * that builds no tree.
 */
export function measureMarkup(html: string, maxDepth = MAX_NESTING_DEPTH): MarkupSize {
  const guard = createNestingGuard(maxDepth);
  let textRunCount = 0;
  sanitizeHtml(html, {
    allowedTags: [],
    allowedAttributes: {},
    onOpenTag: guard.onOpenTag,
    onCloseTag: guard.onCloseTag,
    textFilter: () => {
      textRunCount++;
      return '';
    },
  });
  return { elementCount: guard.elementCount, textRunCount, squaredDepthSum: guard.squaredDepthSum };
}
