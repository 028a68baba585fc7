import type { DigestStoryView, DigestView } from './digest-view.js';
import { PREFERENCES_URL_PLACEHOLDER, UNSUBSCRIBE_URL_PLACEHOLDER } from './placeholders.js';

// The plain-text part says what the HTML says, with every link written out: some readers choose
// text-only mail, and spam filters trust a message whose two parts agree.

function storyBlock(story: DigestStoryView): string[] {
  return [
    story.fallbackNote ? `${story.title} ${story.fallbackNote}` : story.title,
    `${story.sectionName} · ${story.readingTime}`,
    story.summary,
    story.url,
    '',
  ];
}

export function renderDigestText(view: DigestView): string {
  return [
    view.siteName,
    '',
    view.heading,
    `${view.period} · ${view.storyCount}`,
    '',
    ...view.stories.flatMap(storyBlock),
    ...(view.more ? [`${view.more.label}:`, view.more.url, ''] : []),
    '--',
    view.why,
    view.topics,
    `${view.preferencesLabel}: ${PREFERENCES_URL_PLACEHOLDER}`,
    `${view.unsubscribeLabel}: ${UNSUBSCRIBE_URL_PLACEHOLDER}`,
    `${view.siteName}: ${view.frontPageUrl}`,
    '',
  ].join('\n');
}
