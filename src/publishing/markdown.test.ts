import { describe, expect, it } from 'vitest';
import {
  type MarkdownOptions,
  markdownBlocks,
  markdownToPlainText,
  markdownTopLevelTexts,
  renderInlineMarkdown,
  renderMarkdown,
} from './markdown.js';

const stories: Record<string, string> = {
  'h100-vs-mi300x': '/zh/ai-models/h100-vs-mi300x',
  '42': '/zh/chips/blackwell-b200',
  '英伟达-财报': '/zh/companies/英伟达-财报',
};
const options = { resolveStoryLink: (ref: string) => stories[ref], siteHost: 'news.example.test' };
const render = (
  markdown: string,
  extra: Partial<typeof options> & Omit<MarkdownOptions, 'resolveStoryLink'> = {},
) => renderMarkdown(markdown, { ...options, ...extra });

describe('renderMarkdown: tables', () => {
  const table = '| 型号 | 显存 |\n| --- | --- |\n| H100 | 80 GB |\n| MI300X | 192 GB |';

  it('wraps every table in a focusable, named scroll region', () => {
    const { html } = render(table);
    expect(html).toContain('<div class="table-scroll" role="region" tabindex="0" aria-label="型号, 显存">');
    expect(html).toMatch(/<table>[\s\S]*<th>型号<\/th>[\s\S]*<td>192 GB<\/td>[\s\S]*<\/table>\n<\/div>/);
  });

  it.each([
    ['header cells only', table, undefined, 'aria-label="型号, 显存"'],
    ['localised word first', table, '表格', 'aria-label="表格: 型号, 显存"'],
    ['empty header row, no word', '|  |  |\n|---|---|\n| a | b |', undefined, 'aria-label="Table 1"'],
    ['empty header row, with word', '|  |  |\n|---|---|\n| a | b |', 'Table', 'aria-label="Table"'],
    [
      'markup in header escaped',
      '| **a"<b>** | `c` |\n|---|---|\n| 1 | 2 |',
      undefined,
      'aria-label="a&quot;&lt;b&gt;, c"',
    ],
  ])('labels a table: %s', (_, markdown, tableLabel, expected) => {
    expect(render(markdown, tableLabel ? { tableLabel } : {}).html).toContain(expected);
  });

  it('wraps two tables separately', () => {
    const html = render(`${table}\n\ntext\n\n${table}`).html;
    expect(html.match(/class="table-scroll"/g)).toHaveLength(2);
    expect(html.match(/<\/table>\n<\/div>/g)).toHaveLength(2);
  });
});

describe('renderMarkdown: heading ids', () => {
  it.each([
    ['Latin', '## Why the H100 matters', 'why-the-h100-matters'],
    ['CJK kept', '## 为什么 H100 很重要？', '为什么-h100-很重要'],
    ['Japanese kept', '### 性能の比較', '性能の比較'],
    ['accents kept', '## Café économique', 'café-économique'],
    ['Devanagari marks kept', '## हिन्दी', 'हिन्दी'],
    ['inline code and emphasis', '## The `nvidia-smi` *tool*', 'the-nvidia-smi-tool'],
    ['punctuation only', '## ？！', 'section-1'],
    ['emoji only', '## 🚀🔥', 'section-1'],
  ])('%s', (_, markdown, id) => {
    const { html, headings } = render(markdown);
    expect(headings.map((h) => h.id)).toEqual([id]);
    expect(html).toContain(`id="${id}"`);
  });

  it('deduplicates repeated headings with -2, -3', () => {
    const { headings } = render('## 常见问题\n\n## 常见问题\n\n### 常见问题\n\n## 常见问题-2');
    expect(headings.map((h) => h.id)).toEqual(['常见问题', '常见问题-2', '常见问题-3', '常见问题-2-2']);
  });

  it('numbers empty headings by their position among h2–h4', () => {
    const { headings } = render('## Intro\n\n## ---\n\n#### …');
    expect(headings.map((h) => h.id)).toEqual(['intro', 'section-2', 'section-3']);
  });

  it('gives ids to h2–h4 only and reports level and text', () => {
    const { html, headings } = render('# Title\n\n## Two\n\n### Three\n\n#### Four\n\n##### Five');
    expect(headings).toEqual([
      { level: 2, id: 'two', text: 'Two' },
      { level: 3, id: 'three', text: 'Three' },
      { level: 4, id: 'four', text: 'Four' },
    ]);
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<h5>Five</h5>');
  });
});

describe('renderMarkdown: links', () => {
  it.each([
    ['by slug', '[对比](story:h100-vs-mi300x)', '<a href="/zh/ai-models/h100-vs-mi300x">对比</a>'],
    ['by id', '[B200](story:42)', '<a href="/zh/chips/blackwell-b200">B200</a>'],
    ['by CJK slug', '[财报](story:英伟达-财报)', '<a href="/zh/companies/英伟达-财报">财报</a>'],
    ['as autolink', '<story:42>', '<a href="/zh/chips/blackwell-b200">story:42</a>'],
  ])('resolves a story link %s', (_, markdown, expected) => {
    const result = render(markdown);
    expect(result.html).toContain(expected);
    expect(result.danglingLinks).toEqual([]);
  });

  it('reports dangling story links once each and renders their text without a link', () => {
    const result = render('见 [旧文](story:gone) 与 [旧文](story:gone)，还有 [另一篇](story:missing-2)。');
    expect(result.danglingLinks).toEqual(['gone', 'missing-2']);
    expect(result.html).toBe('<p>见 旧文 与 旧文，还有 另一篇。</p>\n');
  });

  it('shows the alt text of an image that points at a story', () => {
    expect(render('![chart](story:42)').html).toBe('<p>chart</p>\n');
  });

  it.each([
    [
      'another host',
      '[x](https://www.nvidia.com/h100)',
      '<a href="https://www.nvidia.com/h100" rel="noopener">',
    ],
    ['protocol-relative', '[x](//cdn.example.org/a)', '<a href="//cdn.example.org/a" rel="noopener">'],
    ['own host', '[x](https://news.example.test/en/gpus)', '<a href="https://news.example.test/en/gpus">'],
    ['relative path', '[x](/en/gpus)', '<a href="/en/gpus">'],
    ['fragment', '[x](#faq)', '<a href="#faq">'],
    ['mailto', '[x](mailto:tips@example.test)', '<a href="mailto:tips@example.test">'],
  ])('link to %s', (_, markdown, expected) => {
    expect(render(markdown).html).toContain(expected);
  });

  it('treats every absolute link as external when no site host is given', () => {
    const html = renderMarkdown('[x](https://news.example.test/)', {
      resolveStoryLink: () => undefined,
    }).html;
    expect(html).toContain('rel="noopener"');
  });

  it.each([
    ['javascript:', '[x](javascript:alert(1))'],
    ['javascript: in capitals', '[x](JAVASCRIPT:alert(1))'],
    ['javascript: as entity', '[x](&#106;avascript:alert(1))'],
    ['javascript: autolink', '<javascript:alert(1)>'],
    ['vbscript:', '[x](vbscript:msgbox)'],
    ['data:', '[x](data:text/html;base64,PHNjcmlwdD4=)'],
    ['file:', '[x](file:///etc/passwd)'],
    ['tel:', '[x](tel:+100)'],
    ['image with javascript:', '![x](javascript:alert(1))'],
  ])('leaves no link for a %s destination', (_, markdown) => {
    const { html } = render(markdown);
    expect(html).not.toMatch(/<a |<img /);
    expect(html).not.toMatch(/href=|src=/);
  });
});

// Escaped output holds `<` only where a real tag starts, so scanning tags is enough: every tag and
// every attribute must come from what the renderer itself writes, each value fully quoted.
const TAGS = new Set([
  'p',
  'a',
  'img',
  'h2',
  'strong',
  'em',
  'code',
  'div',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]);
const ATTRIBUTES = new Set([
  'href',
  'src',
  'alt',
  'title',
  'id',
  'rel',
  'class',
  'role',
  'tabindex',
  'aria-label',
]);
function expectInert(html: string): void {
  for (const [, name = '', attributes = ''] of html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)) {
    expect(TAGS).toContain(name.toLowerCase());
    const rest = attributes.replace(/\s([a-z-]+)="[^"<>]*"/g, (_, attribute: string) => {
      expect(ATTRIBUTES).toContain(attribute);
      return '';
    });
    expect(rest.trim()).toBe('');
  }
}

describe('renderMarkdown: hostile input stays inert', () => {
  it.each([
    ['script tag in text', '<script>alert(1)</script>'],
    ['attribute breakout in text', '"><img src=x onerror=alert(1)>'],
    ['link title', '[x](https://a.test "\\"><img src=x onerror=alert(1)>")'],
    ['image alt', '![" onerror="alert(1)](https://a.test/i.png)'],
    ['image alt with tag', '![<img src=x onerror=alert(1)>](https://a.test/i.png)'],
    ['heading', '## <script>alert(1)</script>'],
    ['table header', '| <script>alert(1)</script> | "><b> |\n|---|---|\n| a | b |'],
    ['inline HTML', 'a <b onclick="alert(1)">b</b>'],
    ['HTML block', '<div onmouseover="alert(1)">x</div>'],
  ])('%s', (_, markdown) => {
    expectInert(render(markdown).html);
  });

  it('has a checker that would notice a live payload', () => {
    expect(() => expectInert('<p><img src=x onerror=alert(1)></p>')).toThrow();
    expect(() => expectInert('<p><script>alert(1)</script></p>')).toThrow();
  });

  it('escapes a script tag as visible text', () => {
    expect(render('<script>alert(1)</script>').html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n');
  });

  it('escapes a link title into one attribute', () => {
    expect(render('[x](https://news.example.test/ "a\\"><img>")').html).toBe(
      '<p><a href="https://news.example.test/" title="a&quot;&gt;&lt;img&gt;">x</a></p>\n',
    );
  });
});

describe('renderMarkdown: blocks in another language', () => {
  const doc = [
    '## 背景',
    'Nvidia **announced** a [plan](story:42).',
    '- first point\n- second point',
    '```\ncode\n```',
    '> quoted words',
    '| a | b |\n|---|---|\n| 1 | 2 |',
    '***',
    '最后一段。',
  ].join('\n\n');

  it('lists the text of each top-level block, code and rules left out', () => {
    expect(markdownTopLevelTexts(doc)).toEqual([
      '背景',
      'Nvidia announced a plan.',
      'first point\nsecond point',
      'quoted words',
      'a\nb\n1\n2',
      '最后一段。',
    ]);
  });

  it('writes each given language on its block, tables on their scroll region', () => {
    const { html } = render(doc, { blockLanguages: [undefined, 'en', 'en', 'en', 'en', undefined] });
    expect(html).toContain('<h2 id="背景">背景</h2>');
    expect(html).toContain('<p lang="en">Nvidia <strong>announced</strong>');
    expect(html).toContain('<ul lang="en">\n<li>first point</li>');
    expect(html).toContain('<blockquote lang="en">');
    expect(html).toContain('aria-label="a, b" lang="en">');
    expect(html).toContain('<p>最后一段。</p>');
    expect(html.match(/lang=/g)).toHaveLength(4);
  });

  it('writes no lang without languages', () => {
    expect(render(doc).html).not.toContain('lang=');
  });
});

describe('renderMarkdown: empty input', () => {
  it.each([
    ['empty', ''],
    ['whitespace', '  \n\n \t'],
  ])('%s body renders nothing', (_, markdown) => {
    expect(render(markdown)).toEqual({ html: '', headings: [], danglingLinks: [] });
  });
});

describe('renderInlineMarkdown', () => {
  it('renders inline Markdown without a paragraph wrapper', () => {
    const result = renderInlineMarkdown('See **the hub** at [GPUs](/en/gpus) and [B200](story:42).', options);
    expect(result.html).toBe(
      'See <strong>the hub</strong> at <a href="/en/gpus">GPUs</a> and <a href="/zh/chips/blackwell-b200">B200</a>.',
    );
    expect(result.danglingLinks).toEqual([]);
  });

  it('reports dangling story links and escapes HTML', () => {
    const result = renderInlineMarkdown('<img src=x onerror=alert(1)> [old](story:gone)', options);
    expect(result.html).toBe('&lt;img src=x onerror=alert(1)&gt; old');
    expect(result.danglingLinks).toEqual(['gone']);
  });

  it('keeps block syntax as text', () => {
    expect(renderInlineMarkdown('## not a heading', options).html).toBe('## not a heading');
  });
});

describe('markdownToPlainText and markdownBlocks', () => {
  it.each([
    ['emphasis and links', '**Bold** and [a link](https://example.test/very/long/url)', 'Bold and a link'],
    ['headings and lists', '## Title\n\n1. **First:** one\n2. Second', 'Title\n\nFirst: one\n\nSecond'],
    ['tables as tab-separated rows', '| a | b |\n|---|---|\n| 1 | 2 |', 'a\tb\n1\t2'],
    ['code kept', '```ts\nconst x = 1;\n```', 'const x = 1;'],
    ['HTML as literal text', '<b>x</b>', '<b>x</b>'],
    ['image alt', '![H100 board](/m/h100.webp)', 'H100 board'],
    ['empty', '', ''],
  ])('%s', (_, markdown, text) => {
    expect(markdownToPlainText(markdown)).toBe(text);
  });

  it('labels each block with its kind', () => {
    const markdown = '## 标题\n\n段落\n\n| a |\n|---|\n| b |\n\n```\ncode\n```';
    expect(markdownBlocks(markdown).map((b) => b.kind)).toEqual(['heading', 'paragraph', 'table', 'code']);
  });
});
