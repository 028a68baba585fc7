import type { BylineView, PersonLinkView, Translator } from '../view-models.js';

function PersonName({ person }: { person: PersonLinkView }) {
  return person.href ? (
    <a class="byline-person" href={person.href} rel="author">
      {person.name}
    </a>
  ) : (
    <span class="byline-person">{person.name}</span>
  );
}

/** "By X · Translated by Y", each name linked to their author page when they have one. */
export function StoryByline({
  byline,
  t,
  lang,
}: {
  byline: BylineView;
  t: Translator;
  lang: string | undefined;
}) {
  if (!byline.author && !byline.translator) return null;
  return (
    <p class="byline" lang={lang}>
      {byline.author ? (
        <span class="byline-part">
          {t('story.byline.by')} <PersonName person={byline.author} />
        </span>
      ) : null}
      {byline.author && byline.translator ? <span aria-hidden="true"> · </span> : null}
      {byline.translator ? (
        <span class="byline-part">
          {t('story.byline.translatedBy')} <PersonName person={byline.translator} />
        </span>
      ) : null}
    </p>
  );
}
