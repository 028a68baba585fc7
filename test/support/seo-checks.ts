import { execFileSync } from 'node:child_process';
import type { CrawledPage } from './crawl.js';
import { scanTags } from './html-scan.js';

// Checks over served pages that search engines rely on: JSON-LD by @type, hreflang sets, robots.txt.
// Each returns a list of problems (empty when all is well) so a test can show every one at once.

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
const asList = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];

/** An absolute http(s) URL, written the way the URL parser would write it back. */
export function isAbsoluteUrl(value: unknown): value is string {
  if (typeof value !== 'string' || !/^https?:\/\//.test(value)) return false;
  try {
    return new URL(value).href === value;
  } catch {
    return false;
  }
}

const isDate = (value: unknown): value is string => nonEmpty(value) && !Number.isNaN(Date.parse(value));

/** The URL of an image value: a string, or an ImageObject with `url`. */
function imageUrl(value: unknown): unknown {
  return isObject(value) ? value.url : value;
}

function newsArticleProblems(data: Json): string[] {
  const problems: string[] = [];
  if (!nonEmpty(data.headline)) problems.push('headline missing');
  for (const key of ['datePublished', 'dateModified'])
    if (!isDate(data[key])) problems.push(`${key} missing or not a date`);
  if (
    isDate(data.datePublished) &&
    isDate(data.dateModified) &&
    Date.parse(data.dateModified) < Date.parse(data.datePublished)
  )
    problems.push('dateModified is before datePublished');
  const authors = asList(data.author);
  if (authors.length === 0 || !authors.every((a) => isObject(a) && nonEmpty(a.name)))
    problems.push('author missing or without name');
  for (const [key, people] of [
    ['author', authors],
    ['translator', asList(data.translator)],
  ] as const) {
    for (const entry of people) {
      if (!isObject(entry)) continue;
      // A Person is a reader-facing credit: Google wants its name alone and its page as `url`.
      if (entry['@type'] === 'Person' && entry.url !== undefined && !isAbsoluteUrl(entry.url))
        problems.push(`${key} Person url not absolute`);
      if (entry['@type'] === 'Person' && nonEmpty(entry.name) && /^(by|作者)\s/i.test(entry.name.trim()))
        problems.push(`${key} Person name carries a prefix`);
      if (key === 'translator' && (entry['@type'] !== 'Person' || !nonEmpty(entry.name)))
        problems.push('translator not a named Person');
    }
  }
  const publisher = data.publisher;
  if (!isObject(publisher) || !nonEmpty(publisher.name)) problems.push('publisher missing or without name');
  else if (!isAbsoluteUrl(imageUrl(publisher.logo))) problems.push('publisher.logo missing or not absolute');
  const images = asList(data.image);
  if (images.length === 0 || !images.every((i) => isAbsoluteUrl(imageUrl(i))))
    problems.push('image missing or not absolute');
  if (!nonEmpty(data.inLanguage)) problems.push('inLanguage missing');
  const about = asList(data.about);
  if (about.length === 0 || !about.every((a) => isObject(a) && nonEmpty(a.name) && nonEmpty(a['@type'])))
    problems.push('about missing or an entry without @type and name');
  return problems;
}

function faqPageProblems(data: Json): string[] {
  const questions = asList(data.mainEntity);
  if (questions.length === 0) return ['mainEntity missing or empty'];
  return questions.flatMap((q, i) => {
    if (!isObject(q) || q['@type'] !== 'Question' || !nonEmpty(q.name))
      return [`mainEntity[${i}] is not a Question with a name`];
    const answer = q.acceptedAnswer;
    if (!isObject(answer) || answer['@type'] !== 'Answer' || !nonEmpty(answer.text))
      return [`mainEntity[${i}].acceptedAnswer is not an Answer with text`];
    return [];
  });
}

function breadcrumbProblems(data: Json): string[] {
  const items = asList(data.itemListElement);
  if (items.length === 0) return ['itemListElement missing or empty'];
  return items.flatMap((item, i) => {
    if (!isObject(item)) return [`itemListElement[${i}] is not an object`];
    const problems: string[] = [];
    if (item.position !== i + 1) problems.push(`itemListElement[${i}].position is ${item.position}`);
    if (!nonEmpty(item.name)) problems.push(`itemListElement[${i}].name missing`);
    if (!isAbsoluteUrl(item.item)) problems.push(`itemListElement[${i}].item is not an absolute URL`);
    return problems;
  });
}

const CHECKS: Record<string, (data: Json) => string[]> = {
  NewsArticle: newsArticleProblems,
  FAQPage: faqPageProblems,
  BreadcrumbList: breadcrumbProblems,
};

/** Problems with one parsed JSON-LD block: its context and the required properties of its @type. */
export function jsonLdProblems(block: unknown): string[] {
  if (block instanceof Error) return [block.message];
  if (!isObject(block)) return ['block is not a JSON object'];
  const type = block['@type'];
  const problems = block['@context'] === 'https://schema.org' ? [] : ['@context is not https://schema.org'];
  const check = typeof type === 'string' ? CHECKS[type] : undefined;
  if (!check) return [...problems, `unexpected @type ${JSON.stringify(type)}`];
  return [...problems, ...check(block).map((p) => `${type}: ${p}`)];
}

export interface HeadLinks {
  lang: string | undefined;
  canonical: string | undefined;
  alternates: { hreflang: string; href: string }[];
}

/** `<html lang>`, the canonical link and the hreflang alternates of a page. */
export function headLinks(html: string): HeadLinks {
  const tags = scanTags(html);
  const links = tags.filter((t) => t.name === 'link');
  return {
    lang: tags.find((t) => t.name === 'html')?.attributes.get('lang'),
    canonical: links.find((t) => t.attributes.get('rel') === 'canonical')?.attributes.get('href'),
    alternates: links.flatMap((t) => {
      const hreflang = t.attributes.get('hreflang');
      if (t.attributes.get('rel') !== 'alternate' || hreflang === undefined) return [];
      return [{ hreflang, href: t.attributes.get('href') ?? '' }];
    }),
  };
}

/**
 * hreflang across a crawl: every HTML page has an absolute canonical; a canonical page lists itself
 * and x-default, only absolute hrefs, each tag once; every alternate is a crawled page in that
 * language that lists the first page back.
 */
export function hreflangProblems(pages: Map<string, CrawledPage>, origin: string): string[] {
  const html = [...pages.values()].filter((p) => p.kind === 'html' && p.status === 200);
  const heads = new Map(html.map((p) => [`${origin}${p.path}`, headLinks(p.body)]));
  const problems: string[] = [];
  for (const [url, head] of heads) {
    const say = (problem: string) => problems.push(`${url}: ${problem}`);
    if (!isAbsoluteUrl(head.canonical)) {
      say(`canonical ${JSON.stringify(head.canonical)} is not an absolute URL`);
      continue;
    }
    if (head.canonical !== url) {
      const target = heads.get(head.canonical);
      if (!target) say(`canonical ${head.canonical} was not crawled`);
      else if (target.canonical !== head.canonical)
        say(`canonical ${head.canonical} is not canonical itself`);
      continue;
    }
    if (head.alternates.length === 0) {
      say('no hreflang alternates');
      continue;
    }
    const tags = head.alternates.map((a) => a.hreflang);
    if (new Set(tags).size !== tags.length) say(`an hreflang tag is repeated: ${tags.join(', ')}`);
    if (!tags.includes('x-default')) say('no x-default alternate');
    if (!head.alternates.some((a) => a.href === url && a.hreflang !== 'x-default'))
      say('does not list itself among its alternates');
    for (const { hreflang, href } of head.alternates) {
      if (!isAbsoluteUrl(href)) {
        say(`alternate ${hreflang} ${JSON.stringify(href)} is not absolute`);
        continue;
      }
      const other = heads.get(href);
      if (!other) say(`alternate ${hreflang} ${href} was not crawled with 200`);
      else if (!other.alternates.some((a) => a.href === url))
        say(`alternate ${hreflang} ${href} does not list it back`);
      else if (hreflang !== 'x-default' && other.lang !== hreflang)
        say(`alternate ${hreflang} ${href} has <html lang="${other.lang}">`);
    }
  }
  return problems;
}

/** What Python's first-match robotparser answers for each path, for any user agent. */
export function robotParserVerdicts(robotsTxt: string, urls: string[]): boolean[] {
  const script = [
    'import json, sys, urllib.robotparser',
    'parser = urllib.robotparser.RobotFileParser()',
    'parser.parse(sys.stdin.read().splitlines())',
    'print(json.dumps([parser.can_fetch("SomeBot", url) for url in json.loads(sys.argv[1])]))',
  ].join('\n');
  const out = execFileSync('python3', ['-c', script, JSON.stringify(urls)], { input: robotsTxt });
  return JSON.parse(out.toString()) as boolean[];
}
