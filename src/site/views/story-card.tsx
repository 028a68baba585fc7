import type { StoryCardView, Translator } from '../view-models.js';
import { langIfDifferent } from './document.js';
import { ResponsiveImage } from './responsive-image.js';

export interface StoryCardProps {
  story: StoryCardView;
  t: Translator;
  /** `<html lang>` of the page, to mark a title and summary in another language. */
  pageLang: string;
  /** Level of the title's heading, so the page's outline has no gaps. */
  headingLevel: 2 | 3;
  /** The first card of a page is above the fold: its image loads at once, not lazily. */
  eager?: boolean;
  /** Leave out the section label where the whole list is one section. */
  hideSection?: boolean;
}

function StoryCard({ story, t, pageLang, headingLevel, eager = false, hideSection = false }: StoryCardProps) {
  const lang = langIfDifferent(story.lang, pageLang);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article class={story.image ? 'card has-image' : 'card'}>
      {story.image ? (
        <ResponsiveImage image={story.image} pageLang={pageLang} loading={eager ? 'eager' : 'lazy'} />
      ) : null}
      <div class="card-text">
        {hideSection ? null : (
          <p class="kicker">
            <a href={story.section.href}>{story.section.label}</a>
          </p>
        )}
        <Heading class="card-title" lang={lang}>
          <a href={story.href}>{story.title}</a>
        </Heading>
        {story.summary ? (
          <p class="card-summary" lang={lang}>
            {story.summary}
          </p>
        ) : null}
        <p class="card-meta">
          {story.author ? (
            <span class="card-byline">
              {t('story.byline.by')}{' '}
              {story.author.href ? (
                <a href={story.author.href} rel="author">
                  {story.author.name}
                </a>
              ) : (
                story.author.name
              )}
            </span>
          ) : null}
          <time datetime={story.publishedAt}>{story.publishedLabel}</time>
          <span>{t('story.readingTime', { minutes: story.readingMinutes })}</span>
        </p>
      </div>
    </article>
  );
}

export interface StoryListProps extends Omit<StoryCardProps, 'story'> {
  stories: StoryCardView[];
  /** A modifier class for the list's layout (`grid`, `compact`). */
  variant?: string;
}

/** Cards as a list, or a short note when there are none. */
export function StoryList({ stories, variant, ...card }: StoryListProps) {
  if (stories.length === 0) return <p class="empty">{card.t('list.empty')}</p>;
  return (
    <ul class={variant ? `story-list ${variant}` : 'story-list'}>
      {stories.map((story, index) => (
        <li>
          <StoryCard story={story} {...card} eager={card.eager === true && index === 0} />
        </li>
      ))}
    </ul>
  );
}
