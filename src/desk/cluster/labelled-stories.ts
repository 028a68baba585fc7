// A labelled set written for this project: fictional companies and outlets (the .example domain is
// reserved by RFC 2606), each story republished by several outlets the way wire copy is: a new
// title, the lead kept, trimmed, reordered or cut to a summary. Stories about the same company
// share names, numbers and boilerplate on purpose and must stay apart. English and Chinese copies
// of one story are labelled apart too: shingles cannot see through translation.
import { LABELLED_STORIES_EN } from './labelled-stories-en.js';
import { LABELLED_STORIES_ZH } from './labelled-stories-zh.js';

/**
 * How a copy was made from the story's original: a copy keeps the lead with light edits, a snippet
 * is the lead cut off (as many feeds' summaries are), a summary is one new sentence, a rewrite
 * reorders and rephrases the lead.
 */
export type CopyKind = 'original' | 'copy' | 'snippet' | 'summary' | 'rewrite';

export type LabelledStory = {
  id: string;
  kind: CopyKind;
  /** Ground truth: items with the same label are copies of one story in one language. */
  label: string;
  sourceId: string;
  publishedAt: string | null;
  url: string;
  links: string[];
  title: string;
  text: string;
};

export const LABELLED_STORIES: LabelledStory[] = [...LABELLED_STORIES_EN, ...LABELLED_STORIES_ZH];
