import { raw } from 'hono/html';
import type { FaqView, Translator } from '../view-models.js';

/**
 * The FAQ as plain headings and answers, in the HTML for every reader and crawler (no script, no
 * collapsed `<details>`, which would also print closed). Answers are pre-sanitized HTML.
 */
export function StoryFaq({
  faq,
  t,
  headingLang,
}: {
  faq: FaqView[];
  t: Translator;
  headingLang: string | undefined;
}) {
  if (faq.length === 0) return null;
  return (
    <section class="faq" aria-labelledby="faq_heading">
      <h2 id="faq_heading" lang={headingLang}>
        {t('story.faqHeading')}
      </h2>
      {faq.map((item) => (
        <div class="faq-item">
          <h3 lang={item.questionLang}>{item.question}</h3>
          <div class="faq-answer">{raw(item.answerHtml)}</div>
        </div>
      ))}
    </section>
  );
}
