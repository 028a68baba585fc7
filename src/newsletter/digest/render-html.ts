import { escapeHtml } from '../escape-html.js';
import type { DigestStoryView, DigestView } from './digest-view.js';
import { PREFERENCES_URL_PLACEHOLDER, UNSUBSCRIBE_URL_PLACEHOLDER } from './placeholders.js';

// The HTML part is written in MJML, which turns it into the nested tables and inline styles mail
// clients need (Outlook's Word engine included) and inlines the <mj-style inline> rules below.
// The colours are the reader site's light palette (src/site/assets/site.css): mail clients'
// dark modes recolour on their own, and every text colour here is at least 4.5:1 on its background.

const COLOURS = {
  page: '#f1eee7',
  card: '#ffffff',
  text: '#1b1c1e',
  muted: '#595e66',
  link: '#0b55a0',
  accent: '#a33a17',
  border: '#d9d4c8',
};

// System fonts only (DESIGN.md). Latin faces first keep Latin runs in their own shapes; they hold
// no Han, which falls through to the CJK faces.
const LATIN_FONTS = "-apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial";
const CJK_FONTS =
  "'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei'";
const FONT_STACK = `${LATIN_FONTS}, ${CJK_FONTS}, sans-serif`;

const e = escapeHtml;

function langClass(tag: string): string {
  return `lang-${tag.replace(/[^A-Za-z0-9-]/g, '')}`;
}

/**
 * `<mj-html-attributes>` puts a `lang` on the outer element of each item in another language, so
 * screen readers switch voice and browsers pick fonts for its title, summary and alt text.
 */
function langAttributes(stories: DigestStoryView[]): string {
  const tags = [...new Set(stories.flatMap((s) => (s.fallbackLang ? [s.fallbackLang] : [])))].sort();
  if (tags.length === 0) return '';
  const selectors = tags.map(
    (tag) =>
      `<mj-selector path=".${langClass(tag)}"><mj-html-attribute name="lang">${e(tag)}</mj-html-attribute></mj-selector>`,
  );
  return `<mj-html-attributes>${selectors.join('')}</mj-html-attributes>`;
}

function storySection(view: DigestView, story: DigestStoryView, index: number): string {
  const divider =
    index === 0
      ? ''
      : `<mj-divider border-color="${COLOURS.border}" border-width="1px" padding="0 24px 20px" />`;
  const image = story.image
    ? `<mj-image src="${e(story.image.src)}" alt="${e(story.image.alt)}" width="${story.image.width}px" padding="0 24px 12px" align="left" />`
    : '';
  // The note is in the digest's language even inside an item in another one.
  const note = story.fallbackNote
    ? ` <span class="note" lang="${e(view.languageTag)}">${e(story.fallbackNote)}</span>`
    : '';
  const cssClass = story.fallbackLang ? ` css-class="${langClass(story.fallbackLang)}"` : '';
  return `<mj-section background-color="${COLOURS.card}" padding="0 0 20px"${cssClass}>
<mj-column>
${divider}
${image}
<mj-text>
<p class="meta"><span class="section">${e(story.sectionName)}</span> · ${e(story.readingTime)}</p>
<h2 class="story-title"><a href="${e(story.url)}">${e(story.title)}</a>${note}</h2>
<p class="summary">${e(story.summary)}</p>
</mj-text>
</mj-column>
</mj-section>`;
}

function moreSection(view: DigestView): string {
  if (!view.more) return '';
  return `<mj-section background-color="${COLOURS.card}" padding="0 0 20px">
<mj-column>
<mj-divider border-color="${COLOURS.border}" border-width="1px" padding="0 24px 20px" />
<mj-text><p class="more"><a href="${e(view.more.url)}">${e(view.more.label)}</a></p></mj-text>
</mj-column>
</mj-section>`;
}

/**
 * The inbox preview line: hidden text first in the body, as `<mj-preview>` writes it but without
 * its white text colour. White on our page colour is what SpamAssassin's HTML_FONT_LOW_CONTRAST
 * takes for text hidden from the reader (0.7 points); display:none, a zero height and opacity hide
 * it all the same, and with no colour of its own it inherits a readable one.
 */
function preheader(text: string): string {
  const style =
    'display:none;font-size:1px;line-height:1px;max-height:0px;max-width:0px;opacity:0;overflow:hidden;';
  return `<div style="${style}">${e(text)}</div>`;
}

function host(url: string): string {
  return new URL(url).host;
}

function digestMjml(view: DigestView): string {
  const lineHeight = view.isCjk ? '1.8' : '1.6';
  const preview = view.stories.map((s) => s.title).join(' · ');
  return `<mjml lang="${e(view.languageTag)}" dir="ltr">
<mj-head>
<mj-title>${e(view.subject)}</mj-title>
<mj-attributes>
<mj-all font-family="${FONT_STACK}" />
<mj-text font-size="16px" line-height="${lineHeight}" color="${COLOURS.text}" padding="0 24px" />
</mj-attributes>
<mj-style inline="inline">
a { color: ${COLOURS.link}; }
p { margin: 0; }
.site-name { font-size: 18px; font-weight: 700; }
.site-name a { color: ${COLOURS.accent}; text-decoration: none; }
.digest-heading { margin: 0 0 4px; font-size: 26px; line-height: 1.3; font-weight: 700; }
.period { font-size: 15px; color: ${COLOURS.muted}; }
.count { white-space: nowrap; }
.meta { margin: 0 0 4px; font-size: 14px; color: ${COLOURS.muted}; }
.section { color: ${COLOURS.accent}; font-weight: 700; }
.story-title { margin: 0 0 8px; font-size: 20px; line-height: 1.4; font-weight: 700; }
.story-title a { text-decoration: none; }
.note { font-size: 14px; font-weight: 400; color: ${COLOURS.muted}; }
.summary { margin: 0; }
.more { font-weight: 700; }
.footer p { margin: 0 0 8px; }
.footer a { color: ${COLOURS.muted}; }
</mj-style>
<mj-style>
h1, h2, p { overflow-wrap: break-word; }
:lang(zh) { line-break: strict; }
</mj-style>
${langAttributes(view.stories)}
</mj-head>
<mj-body background-color="${COLOURS.page}" width="600px">
<mj-raw>${preheader(preview)}</mj-raw>
<mj-section padding="20px 0 12px">
<mj-column>
<mj-text><p class="site-name"><a href="${e(view.frontPageUrl)}">${e(view.siteName)}</a></p></mj-text>
</mj-column>
</mj-section>
<mj-section background-color="${COLOURS.card}" padding="28px 0 20px" border-radius="8px 8px 0 0">
<mj-column>
<mj-text>
<h1 class="digest-heading">${e(view.heading)}</h1>
<p class="period">${e(view.period)} · <span class="count">${e(view.storyCount)}</span></p>
</mj-text>
</mj-column>
</mj-section>
${view.stories.map((story, index) => storySection(view, story, index)).join('\n')}
${moreSection(view)}
<mj-section background-color="${COLOURS.card}" padding="0 0 8px" border-radius="0 0 8px 8px">
<mj-column><mj-spacer height="8px" /></mj-column>
</mj-section>
<mj-section padding="20px 0 32px" css-class="footer">
<mj-column>
<mj-text font-size="14px" line-height="1.6" color="${COLOURS.muted}">
<div class="footer">
<p>${e(view.why)}</p>
<p>${e(view.topics)}</p>
<p><a href="${PREFERENCES_URL_PLACEHOLDER}">${e(view.preferencesLabel)}</a> · <a href="${UNSUBSCRIBE_URL_PLACEHOLDER}">${e(view.unsubscribeLabel)}</a></p>
<p>${e(view.siteName)} · <a href="${e(view.frontPageUrl)}">${e(host(view.siteUrl))}</a></p>
</div>
</mj-text>
</mj-column>
</mj-section>
</mj-body>
</mjml>`;
}

/** The HTML part; strict validation makes a malformed template fail here rather than in an inbox. */
export async function renderDigestHtml(view: DigestView): Promise<string> {
  // Loaded on first use: MJML takes a quarter of a second to load, and most processes (the site,
  // the CLI's other commands) never compose a digest.
  const { default: mjml2html } = await import('mjml');
  // `fonts: {}`: MJML would otherwise link Google's stylesheet for Roboto, named in the stack; the
  // digest uses the reader's own fonts and loads nothing from a third party.
  const result = await mjml2html(digestMjml(view), {
    validationLevel: 'strict',
    keepComments: false,
    fonts: {},
  });
  return result.html;
}
