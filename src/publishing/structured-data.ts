/**
 * schema.org JSON-LD as plain objects, and their serialisation for a `<script>` element.
 * Builders return data; the view only calls `serializeJsonLd`.
 */
import { htmlLangTag } from './hreflang.js';

export type JsonLd = Record<string, unknown>;

const CONTEXT = 'https://schema.org';

// Google's Article structured-data guide said "the value should not exceed 110 characters" for
// `headline` until January 2023, when it dropped the hard limit and now only asks for concise
// titles. Keeping 110 costs nothing (the full title is in <title> and og:title) and keeps older
// validators and other consumers quiet.
const HEADLINE_MAX_CHARS = 110;

export interface NewsArticleInput {
  url: string;
  headline: string;
  description: string;
  /** Our locale; written as its `<html lang>` tag. */
  inLanguage: string;
  /** ISO 8601. */
  datePublished: string;
  dateModified: string;
  /** Google recommends several aspect ratios (16:9, 4:3, 1:1), each at least 50,000 pixels. */
  image?: { url: string; width: number; height: number }[];
  authorName: string;
  /** `Organization` unless told otherwise: our stories are signed by the newsroom. */
  authorType?: 'Person' | 'Organization';
  /** The people the byline credits; when given, they are the `author` instead of `authorName`. */
  people?: { authors: PersonRef[]; translators: PersonRef[] };
  publisher: { name: string; url: string; logoUrl?: string };
  section: string;
  /** Entities the story is about; `kind` is our entity kind (company, product, model, gpu, …). */
  about: { name: string; url: string; kind: string }[];
  keywords?: string[];
}

/** A person credited on a story; `url` is their author page, absent when they have none. */
export interface PersonRef {
  name: string;
  url?: string;
}

const person = (ref: PersonRef): JsonLd => ({
  '@type': 'Person',
  name: ref.name,
  ...(ref.url ? { url: ref.url } : {}),
});

// Our entity kinds as schema.org types; anything unknown is a plain Thing.
const TYPE_OF_KIND: Record<string, string> = {
  company: 'Organization',
  person: 'Person',
  product: 'Product',
  gpu: 'Product',
  model: 'SoftwareApplication',
  topic: 'Thing',
};

/** Cuts at a word boundary when one is near, and marks the cut with an ellipsis. */
export function truncateHeadline(headline: string, maxChars = HEADLINE_MAX_CHARS): string {
  const chars = Array.from(headline.trim());
  if (chars.length <= maxChars) return chars.join('');
  const cut = chars.slice(0, maxChars - 1).join('');
  const space = cut.lastIndexOf(' ');
  // A CJK headline has no spaces; cut anywhere rather than drop most of a Latin one.
  const kept = space >= cut.length * 0.6 ? cut.slice(0, space) : cut;
  return `${kept.trimEnd()}…`;
}

/** A NewsArticle for a story page. */
export function newsArticleJsonLd(input: NewsArticleInput): JsonLd {
  const logo = input.publisher.logoUrl
    ? { logo: { '@type': 'ImageObject', url: input.publisher.logoUrl } }
    : {};
  return {
    '@context': CONTEXT,
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
    url: input.url,
    headline: truncateHeadline(input.headline),
    description: input.description,
    inLanguage: htmlLangTag(input.inLanguage),
    datePublished: input.datePublished,
    dateModified: input.dateModified,
    ...(input.image?.length
      ? {
          image: input.image.map((image) => ({
            '@type': 'ImageObject',
            url: image.url,
            width: image.width,
            height: image.height,
          })),
        }
      : {}),
    author: input.people?.authors.length
      ? input.people.authors.map(person)
      : [{ '@type': input.authorType ?? 'Organization', name: input.authorName }],
    ...(input.people?.translators.length ? { translator: input.people.translators.map(person) } : {}),
    publisher: { '@type': 'Organization', name: input.publisher.name, url: input.publisher.url, ...logo },
    articleSection: input.section,
    ...(input.about.length > 0
      ? {
          about: input.about.map((entity) => ({
            '@type': TYPE_OF_KIND[entity.kind] ?? 'Thing',
            name: entity.name,
            url: entity.url,
          })),
        }
      : {}),
    ...(input.keywords?.length ? { keywords: input.keywords.join(', ') } : {}),
  };
}

/** An FAQPage for the story's FAQ, or undefined when it has none (an empty FAQPage is invalid). */
export function faqPageJsonLd(
  url: string,
  inLanguage: string,
  items: { question: string; answerText: string }[],
): JsonLd | undefined {
  if (items.length === 0) return undefined;
  return {
    '@context': CONTEXT,
    '@type': 'FAQPage',
    url,
    inLanguage: htmlLangTag(inLanguage),
    mainEntity: items.map((item) => ({
      '@type': 'Question',
      name: item.question,
      acceptedAnswer: { '@type': 'Answer', text: item.answerText },
    })),
  };
}

/** A BreadcrumbList; positions start at 1, as schema.org's ListItem requires. */
export function breadcrumbListJsonLd(items: { name: string; url: string }[]): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: item.name,
      item: item.url,
    })),
  };
}

// Inside <script>, the HTML parser ends the element at "</script" and treats "<!--" specially;
// escaping < and > (and & for good measure) as \u sequences keeps it JSON but never markup.
// U+2028 and U+2029 are legal in JSON but ended lines in JavaScript before ES2019.
const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;

/** JSON for `<script type="application/ld+json">`: it cannot close the element or open a comment. */
export function serializeJsonLd(value: unknown): string {
  // JSON.stringify gives undefined for undefined or a function; `null` is still valid JSON.
  return (JSON.stringify(value) ?? 'null').replace(
    UNSAFE_IN_SCRIPT,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
