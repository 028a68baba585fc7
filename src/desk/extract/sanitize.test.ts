import { describe, expect, it } from 'vitest';
import { corpusFile } from '../../../test/support/corpus.js';
import { sanitizeItemHtml } from './sanitize.js';
import { htmlToText } from './text.js';

const ITEM = 'https://blog.example/2024/05/post.html';

describe('sanitizeItemHtml removes what could run, style or submit', () => {
  it.each([
    ['<script>', '<p>a</p><script>alert(1)</script><p>b</p>', '<p>a</p><p>b</p>'],
    ['<style>', '<style>p{color:red}</style><p>a</p>', '<p>a</p>'],
    ['<iframe>', '<iframe src="https://evil.example/"><p>fallback</p></iframe><p>a</p>', '<p>a</p>'],
    [
      'on* handlers',
      '<p onclick="alert(1)" onmouseover=alert(2)>a</p><img src="x.png" onerror="alert(3)">',
      null,
    ],
    ['style and class attributes', '<p style="position:fixed" class="x" id="y">a</p>', '<p>a</p>'],
    ['javascript: links', '<a href="javascript:alert(1)">a</a>', 'a'],
    ['javascript: hidden by a newline and case', '<a href="  JaVa\nScRiPt:alert(1)">a</a>', 'a'],
    [
      'vbscript: and data: links',
      '<a href="vbscript:x">a</a><a href="data:text/html,<script>x</script>">b</a>',
      'ab',
    ],
    ['data: images', '<img src="data:image/svg+xml,<svg onload=alert(1)>" alt="x">', ''],
    [
      'forms and their controls',
      '<form action="/x"><input name="q"><button>Go</button><select><option>1</option></select>text</form>',
      'text',
    ],
    [
      'SVG and MathML',
      '<svg><script>alert(1)</script><text>t</text></svg><math><mi>x</mi></math><p>a</p>',
      '<p>a</p>',
    ],
    ['object and embed', '<object data="x.swf"><embed src="x.swf"></object><p>a</p>', '<p>a</p>'],
    [
      '<base> and <meta> refresh',
      '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=x">a',
      'a',
    ],
  ])('%s', (_, html, expected) => {
    const clean = sanitizeItemHtml(html, ITEM);
    expect(clean).not.toMatch(
      /<(script|style|iframe|form|input|button|select|svg|math|object|embed|base|meta)\b/i,
    );
    expect(clean).not.toMatch(/\son\w+=|javascript:|vbscript:|data:|style=/i);
    if (expected !== null) expect(clean).toBe(expected);
  });
});

describe('sanitizeItemHtml keeps structure and makes links absolute', () => {
  it.each([
    [
      'relative link',
      '<a href="../other.html">o</a>',
      '<a href="https://blog.example/2024/other.html">o</a>',
    ],
    [
      'root-relative image',
      '<img src="/img/a.png" alt="A">',
      '<img src="https://blog.example/img/a.png" alt="A" />',
    ],
    ['protocol-relative link', '<a href="//cdn.example/x">x</a>', '<a href="https://cdn.example/x">x</a>'],
    [
      'fragment link',
      '<a href="#notes">n</a>',
      '<a href="https://blog.example/2024/05/post.html#notes">n</a>',
    ],
    ['mailto kept', '<a href="mailto:ed@blog.example">ed</a>', '<a href="mailto:ed@blog.example">ed</a>'],
    ['link without href unwrapped', '<a name="top">top</a>', 'top'],
    ['image without src dropped', '<p><img alt="nothing"></p>', '<p></p>'],
    [
      'table spans kept',
      '<table><tr><th colspan="2">h</th></tr></table>',
      '<table><tr><th colspan="2">h</th></tr></table>',
    ],
    [
      'sectioning elements become divs',
      '<article><header><h1>T</h1></header><section><p>a</p></section></article>',
      '<div><div><h1>T</h1></div><div><p>a</p></div></div>',
    ],
    ['text stays escaped', '<p>a &lt;b&gt; &amp; "c"</p>', '<p>a &lt;b&gt; &amp; "c"</p>'],
  ])('%s', (_, html, expected) => {
    expect(sanitizeItemHtml(html, ITEM)).toBe(expected);
  });

  it('keeps the allow-listed tags', () => {
    const html =
      '<h2>H</h2><p><em>e</em> <strong>s</strong> <code>c</code></p><ul><li>l</li></ul><ol start="3"><li>o</li></ol>' +
      '<blockquote>q</blockquote><pre><code>x = 1</code></pre><figure><img src="a.png"><figcaption>f</figcaption></figure>';
    expect(sanitizeItemHtml(html, ITEM)).toBe(
      '<h2>H</h2><p><em>e</em> <strong>s</strong> <code>c</code></p><ul><li>l</li></ul><ol start="3"><li>o</li></ol>' +
        '<blockquote>q</blockquote><pre><code>x = 1</code></pre>' +
        '<figure><img src="https://blog.example/2024/05/a.png" /><figcaption>f</figcaption></figure>',
    );
  });

  it('without a base, drops relative references and keeps absolute ones', () => {
    expect(
      sanitizeItemHtml('<a href="/a">a</a> <a href="https://x.example/b">b</a> <img src="c.png">', null),
    ).toBe('a <a href="https://x.example/b">b</a> ');
  });
});

describe('sanitizeItemHtml and htmlToText on hostile nesting', () => {
  it('reduce 100,000 unclosed <div>s to their text', () => {
    const html = `${'<div>'.repeat(100_000)}<script>alert(1)</script>deep &amp; <b>bold</b>`;
    expect(sanitizeItemHtml(html, ITEM)).toBe('<p>deep &amp; bold</p>');
    expect(htmlToText(html)).toBe('deep & bold');
  });

  it("read the hostile feed's 40,000-deep escaped HTML", () => {
    const feed = corpusFile('feeds/hostile/written--deep-nesting-escaped-html.rss.xml').toString('utf8');
    const escaped = /<description>([\s\S]*?)<\/description>/.exec(feed)?.[1] ?? '';
    const html = escaped.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
    expect(html.length).toBeGreaterThan(400_000);
    expect(sanitizeItemHtml(html, ITEM)).toBe('<p>bottom</p>');
    expect(htmlToText(html)).toBe('bottom');
  });

  it('keep markup nested within the limit', () => {
    const html = `${'<div>'.repeat(200)}<p>inside</p>${'</div>'.repeat(200)}`;
    expect(sanitizeItemHtml(html, ITEM)).toBe(`${'<div>'.repeat(200)}<p>inside</p>${'</div>'.repeat(200)}`);
  });
});

describe('htmlToText', () => {
  it.each([
    ['paragraphs separated by a blank line', '<p>One\n  two</p><p>Three</p>', 'One two\n\nThree'],
    ['headings and list items are paragraphs', '<h2>T</h2><ul><li>a</li><li>b</li></ul>', 'T\n\na\n\nb'],
    ['<br> is a line break', '<p>line 1<br>line 2</p>', 'line 1\nline 2'],
    ['<pre> keeps its lines', '<pre>a = 1\n  b = 2\n</pre>', 'a = 1\nb = 2'],
    ['table cells are spaced', '<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>', 'a b\n\nc'],
    ['entities decoded', '<p>a &lt;b&gt; &amp; &quot;c&quot; &#x4E2D;&#25991;</p>', 'a <b> & "c" 中文'],
    [
      'scripts, styles and comments give no text',
      '<style>p{}</style><p>a<!-- b --></p><script>c</script>',
      'a',
    ],
    ['inline elements do not split words', '<p>un<b>break</b>able</p>', 'unbreakable'],
    ['CJK text is kept as is', '<p>宇航员在太空中　喝酒</p>', '宇航员在太空中 喝酒'],
    ['empty input', '', ''],
  ])('%s', (_, html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
});
