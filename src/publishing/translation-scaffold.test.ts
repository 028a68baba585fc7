import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitBlocks } from './block-alignment.js';
import { markdownTokens, renderMarkdown } from './markdown.js';
import { leftoverPlaceholders, scaffoldMarkdown, storyLinkReferences } from './translation-scaffold.js';

interface DemoVariant {
  locale: string;
  slug: string;
  body: string;
}
const demo = JSON.parse(fs.readFileSync(new URL('../cli/demo/newsroom.json', import.meta.url), 'utf8')) as {
  stories: { sourceLocale: string; variants: DemoVariant[] }[];
};
const sourceOf = (slug: string) =>
  demo.stories
    .flatMap((s) => s.variants.filter((v) => v.locale === s.sourceLocale))
    .find((v) => v.slug === slug) as DemoVariant;

/** The shape a reader sees: block tags and, for tables, the number of cells per row. */
function shape(markdown: string): string[] {
  return markdownTokens(markdown)
    .filter((t) => t.nesting !== -1 && t.type !== 'inline' && t.type !== 'text')
    .map((t) => (t.type === 'fence' ? `fence:${t.content}` : t.tag || t.type));
}

describe('scaffoldMarkdown on the demo’s reference story (Chinese, headings, a table, story links)', () => {
  const source = sourceOf('nvidia-26b-open-models').body;
  const rewrites: Record<string, string> = {
    'open-weights-licensing-guide': 'open-weights-licensing-guide-en',
  };
  const scaffold = scaffoldMarkdown(source, { rewriteStoryLink: (ref) => rewrites[ref] });

  it('keeps every block, list item and table cell in place', () => {
    expect(shape(scaffold)).toEqual(shape(source));
  });

  it('keeps headings at their level, their text marked to translate', () => {
    const headings = scaffold.split('\n').filter((line) => line.startsWith('#'));
    expect(headings).toContain('## ⟦260亿美元怎么花⟧');
    expect(headings.every((h) => /^## ⟦[^⟧]+⟧$/.test(h))).toBe(true);
  });

  it('gives the table its header and every cell to fill, the delimiter row kept', () => {
    const table =
      splitBlocks(scaffold)
        .find((b) => b.kind === 'table')
        ?.markdown.split('\n') ?? [];
    expect(table[0]).toBe('| ⟦英伟达⟧ | ⟦AMD⟧ |');
    expect(table[1]).toBe('| --- | --- |');
    expect(table).toHaveLength(7);
    expect(table[2]).toBe(
      '| ⟦**资金**：五年投入260亿美元，设立专项计划⟧ | ⟦**资金**：未公布专项金额，主要通过合作项目投入⟧ |',
    );
  });

  it('points a link to another story at that story’s translation where one exists, and keeps the others', () => {
    expect(storyLinkReferences(scaffold)).toEqual(['open-weights-licensing-guide-en', 'hbm-shortage-2027']);
    expect(scaffold).toContain('[开放权重许可证指南](story:open-weights-licensing-guide-en)');
  });

  it('leaves every paragraph marked: nothing of the source reads as translated', () => {
    const leftovers = leftoverPlaceholders(scaffold);
    const paragraphs = splitBlocks(source).filter((b) => b.kind === 'paragraph').length;
    const cells = 2 * 6;
    const items = 5;
    const headings = splitBlocks(source).filter((b) => b.kind === 'heading').length;
    expect(leftovers).toHaveLength(paragraphs + cells + items + headings);
  });
});

describe('scaffoldMarkdown on constructed Markdown', () => {
  it('keeps ordered lists numbered from their start, nested lists indented, quotes quoted', () => {
    const source = '3. 第一\n4. 第二\n   - 子项\n\n> 引文\n>\n> 第二段';
    expect(scaffoldMarkdown(source)).toBe('3. ⟦第一⟧\n4. ⟦第二⟧\n   - ⟦子项⟧\n\n> ⟦引文⟧\n>\n> ⟦第二段⟧');
  });

  it('keeps an image’s URL and title and marks only its alt text', () => {
    expect(scaffoldMarkdown('![芯片照片](/media/chip.webp "标题")')).toBe(
      '![⟦芯片照片⟧](/media/chip.webp "标题")',
    );
    expect(scaffoldMarkdown('![](/media/chip.webp)')).toBe('![](/media/chip.webp)');
  });

  it('keeps code exactly and writes text that still renders as the same text', () => {
    const source = '```ts\nconst a = "英伟达";\n```\n\n价格 *约* 1\\*2 `x|y` 元';
    const scaffold = scaffoldMarkdown(source);
    expect(scaffold).toBe('```ts\nconst a = "英伟达";\n```\n\n⟦价格 *约* 1\\*2 `x|y` 元⟧');
    expect(renderMarkdown(scaffold, { resolveStoryLink: () => undefined }).html).toContain(
      '⟦价格 <em>约</em> 1*2 <code>x|y</code> 元⟧',
    );
  });

  it('escapes a pipe inside a table cell so the row keeps its cells', () => {
    const scaffold = scaffoldMarkdown('| a | b |\n| :-- | --: |\n| x \\| y | z |');
    expect(scaffold.split('\n')).toEqual(['| ⟦a⟧ | ⟦b⟧ |', '| :--- | ---: |', '| ⟦x \\| y⟧ | ⟦z⟧ |']);
  });

  it('keeps autolinks and external links pointing where they pointed', () => {
    expect(scaffoldMarkdown('见 <https://example.com/a> 与 [文档](https://example.com/b "说明")')).toBe(
      '⟦见 <https://example.com/a> 与 [文档](https://example.com/b "说明")⟧',
    );
  });
});

describe('every demo story’s source body', () => {
  const sources = demo.stories.flatMap((s) => s.variants.filter((v) => v.locale === s.sourceLocale));

  it.each(sources.map((v) => [v.slug, v.body]))(
    '%s: the scaffold keeps the source’s shape',
    (_slug, body) => {
      const scaffold = scaffoldMarkdown(body);
      expect(shape(scaffold)).toEqual(shape(body));
      expect(splitBlocks(scaffold).map((b) => b.kind)).toEqual(splitBlocks(body).map((b) => b.kind));
      expect(leftoverPlaceholders(scaffold).length).toBeGreaterThan(0);
    },
  );
});

describe('leftoverPlaceholders', () => {
  it('finds each marked run and an opening bracket left alone', () => {
    expect(leftoverPlaceholders('Done. ⟦未译⟧ and ⟦另一段⟧')).toEqual(['未译', '另一段']);
    expect(leftoverPlaceholders('half ⟦done')).toEqual(['done']);
    expect(leftoverPlaceholders('All translated.')).toEqual([]);
  });
});
