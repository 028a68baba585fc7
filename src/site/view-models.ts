import type { Locale } from '../platform/locale.js';

// Views are pure functions of these plain objects: the routes gather every value, resolve every
// URL and format nothing the view could get wrong. No view imports the database.

/** Looks up a UI string from locales/<locale>.json (ICU MessageFormat). */
export interface Translator {
  (key: string, values?: Record<string, string | number | Date>): string;
  readonly locale: Locale;
}

export interface LinkView {
  href: string;
  label: string;
}

/** One `<link rel="alternate" hreflang>`; `hreflang` is a BCP 47 tag or `x-default`. */
export interface AlternateLink {
  hreflang: string;
  href: string;
}

/** An entry of the language switcher. */
export interface LanguageLink {
  locale: Locale;
  /** The language's own name: 中文, English. */
  label: string;
  href: string;
  current: boolean;
}

/** A `<meta>` tag: Open Graph uses `property`, Twitter cards use `name`. */
export interface MetaTag {
  property?: string;
  name?: string;
  content: string;
}

export interface FeedLinks {
  title: string;
  rss: string;
  atom: string;
  json: string;
}

/** What every public page shares: the document head, header, footer. */
export interface PageChrome {
  /** The UI locale: the language of the navigation and labels. */
  locale: Locale;
  /** `<html lang>`: a BCP 47 tag such as `zh-Hans` or `en`. */
  htmlLang: string;
  siteName: string;
  tagline: string;
  /** Document `<title>`. */
  title: string;
  description: string;
  /** Absolute; absent on error pages. */
  canonicalUrl?: string;
  alternates: AlternateLink[];
  homeHref: string;
  navigation: (LinkView & { current: boolean })[];
  languageLinks: LanguageLink[];
  feeds: FeedLinks;
  meta: MetaTag[];
  /** Objects serialised into `<script type="application/ld+json">`, escaped by the view. */
  jsonLd: object[];
  stylesheetHref: string;
  /** Small enhancement script, loaded with `defer`; pages work without it. */
  scriptHref: string;
  /** Set on pages that must not be indexed (errors, previews). */
  noindex?: boolean;
  t: Translator;
}

export interface ImageView {
  src: string;
  srcset: string;
  /** The same widths in AVIF, offered first through `<picture>`; absent for WebP-only media. */
  avifSrcset?: string;
  sizes: string;
  width: number;
  height: number;
  alt: string;
  /** Language of the alt text when it differs from the page. */
  altLang?: string;
  credit?: string;
}

/** A story in a list: front page, section, hub, related. */
export interface StoryCardView {
  href: string;
  title: string;
  summary: string;
  /** Language of the title and summary (differs from the page under a fallback). */
  lang: string;
  section: LinkView;
  publishedAt: string;
  publishedLabel: string;
  readingMinutes: number;
  image?: ImageView;
  /** The writer, when a person is credited; linked when they have an author page. */
  author?: PersonLinkView;
}

/** Links to the neighbouring pages of a list; lists page by cursor, so there is no page count. */
export interface Pagination {
  previousHref?: string;
  nextHref?: string;
  /** On a page after the first: the date its newest story was first published before, formatted. */
  startsBefore?: string;
}

export interface EntityTagView extends LinkView {
  kind: string;
}

export interface SourceView {
  url: string;
  publisher: string;
  author: string;
  publishedLabel?: string;
}

export interface ShareLinkView {
  network: 'x' | 'linkedin' | 'facebook' | 'weibo' | 'telegram' | 'email';
  label: string;
  href: string;
}

export interface FaqView {
  question: string;
  /** Set when the question is in another language than the page. */
  questionLang?: string | undefined;
  /** Rendered from Markdown with raw HTML off: safe to insert. */
  answerHtml: string;
}

/** A person named on a page; `href` is their author page, absent when they have none. */
export interface PersonLinkView {
  name: string;
  href?: string;
}

/** Who a variant credits; neither set means the organisation signs it (imported text). */
export interface BylineView {
  author?: PersonLinkView;
  translator?: PersonLinkView;
}

export interface StoryPageData {
  chrome: PageChrome;
  story: {
    id: number;
    /** Language of the content shown (may differ from chrome.locale under a fallback). */
    lang: string;
    title: string;
    summary: string;
    section: LinkView;
    publishedAt: string;
    publishedLabel: string;
    updatedAt: string;
    updatedLabel?: string;
    readingMinutes: number;
    entities: EntityTagView[];
    sources: SourceView[];
    hero?: ImageView;
    /** Rendered from Markdown with raw HTML off: safe to insert. */
    bodyHtml: string;
    faq: FaqView[];
    canonicalUrl: string;
    byline: BylineView;
  };
  share: {
    count: number;
    /** POST here to count a share. */
    endpoint: string;
    links: ShareLinkView[];
    /** The URL the copy-link button copies. */
    url: string;
  };
  /** Set when the reader asked for a locale this story has no variant in. */
  fallbackNotice?: string;
  breadcrumbs: LinkView[];
  related: StoryCardView[];
}

export interface FrontPageData {
  chrome: PageChrome;
  latest: StoryCardView[];
  sections: { section: LinkView; stories: StoryCardView[] }[];
}

export interface SectionPageData {
  chrome: PageChrome;
  section: { name: string; description: string };
  breadcrumbs: LinkView[];
  stories: StoryCardView[];
  pagination: Pagination;
}

export interface EntityHubData {
  chrome: PageChrome;
  entity: { name: string; kindLabel: string; description: string; aliases: string[]; lang: string };
  breadcrumbs: LinkView[];
  stories: StoryCardView[];
  pagination: Pagination;
}

/** A kind hub such as /en/gpus: every entity of one kind, and their latest stories. */
export interface KindHubData {
  chrome: PageChrome;
  heading: string;
  breadcrumbs: LinkView[];
  entities: (LinkView & { description: string; storyCount: number })[];
  stories: StoryCardView[];
}

export interface ErrorPageData {
  chrome: PageChrome;
  /** The status sent, shown above the heading. */
  status: number;
  heading: string;
  message: string;
  links: LinkView[];
}

/** An author page: who they are, and what they wrote or translated in this language. */
export interface AuthorPageData {
  chrome: PageChrome;
  person: { name: string; bio: string; bioLang: string | undefined; avatar?: ImageView };
  breadcrumbs: LinkView[];
  stories: StoryCardView[];
  pagination: Pagination;
}
