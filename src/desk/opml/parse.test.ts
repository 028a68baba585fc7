import { describe, expect, it } from 'vitest';
import { OpmlMalformed, OpmlRefused, OpmlTooLarge } from './errors.js';
import { parseOpmlDocument } from './parse.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const opml = (body: string, head = '<head><title>List</title></head>') =>
  utf8(`<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">${head}<body>${body}</body></opml>`);
const parse = (body: string) => parseOpmlDocument(opml(body));

describe('parseOpmlDocument: outlines', () => {
  it('nested folders become the path of enclosing titles (text= when title= is missing)', () => {
    const list = parse(`
      <outline text="Tech">
        <outline title="AI" text="ignored">
          <outline type="rss" text="Lab" xmlUrl="https://lab.example/feed"/>
        </outline>
        <outline type="rss" text="Top" xmlUrl="https://top.example/feed"/>
      </outline>
      <outline type="rss" text="Root" xmlUrl="https://root.example/feed"/>`);
    expect(list.feeds.map((f) => [f.title, f.folder])).toEqual([
      ['Lab', ['Tech', 'AI']],
      ['Top', ['Tech']],
      ['Root', []],
    ]);
  });

  it('any outline with xmlUrl is a feed, whatever its type; title= wins over text=', () => {
    const list = parse('<outline text="Text" title="Title" xmlUrl="https://a.example/atom" type="atom"/>');
    expect(list.feeds).toEqual([
      { feedUrl: 'https://a.example/atom', siteUrl: null, title: 'Title', folder: [] },
    ]);
  });

  it('attribute names in any case, entities decoded, whitespace in titles collapsed', () => {
    const list = parse(
      '<outline TEXT="  R&amp;D &#x4E2D;&#25991;\n\tnews " XMLURL="https://a.example/?a=1&amp;b=2" HTMLURL="https://a.example"/>',
    );
    expect(list.feeds[0]).toEqual({
      feedUrl: 'https://a.example/?a=1&b=2',
      siteUrl: 'https://a.example/',
      title: 'R&D 中文 news',
      folder: [],
    });
  });

  it('non-http(s), relative and missing feed URLs are reported as skipped, not imported', () => {
    const list = parse(`
      <outline type="rss" text="Gopher" xmlUrl="gopher://old.example/feed"/>
      <outline type="rss" text="Relative" xmlUrl="/feed.xml"/>
      <outline type="rss" text="Nothing"/>
      <outline type="rss" text="Script" xmlUrl="javascript:alert(1)"/>
      <outline type="rss" text="Fine" xmlUrl="HTTPS://Fine.Example/feed"/>`);
    expect(list.feeds.map((f) => f.feedUrl)).toEqual(['https://fine.example/feed']);
    expect(list.skipped).toEqual([
      { reason: 'not an http(s) URL (gopher:)', text: 'Gopher', url: 'gopher://old.example/feed' },
      { reason: 'not an absolute URL', text: 'Relative', url: '/feed.xml' },
      { reason: 'no xmlUrl', text: 'Nothing', url: null },
      { reason: 'not an http(s) URL (javascript:)', text: 'Script', url: 'javascript:alert(1)' },
    ]);
  });

  it('de-duplicates by feed URL: the first occurrence and its folder win', () => {
    const list = parse(`
      <outline text="A"><outline text="One" xmlUrl="https://dup.example"/></outline>
      <outline text="B"><outline text="Two" xmlUrl="https://dup.example/"/></outline>`);
    expect(list.feeds).toEqual([
      { feedUrl: 'https://dup.example/', siteUrl: null, title: 'One', folder: ['A'] },
    ]);
    expect(list.skipped).toEqual([
      { reason: 'duplicate feed URL', text: 'Two', url: 'https://dup.example/' },
    ]);
  });

  it('a non-http(s) htmlUrl is dropped, the feed kept', () => {
    const list = parse('<outline text="X" xmlUrl="https://x.example/feed" htmlUrl="javascript:void(0)"/>');
    expect(list.feeds[0]?.siteUrl).toBeNull();
  });

  it('a title that only repeats the feed URL (the text= fallback of exporters) is no title', () => {
    const list = parse('<outline type="rss" text="https://x.example/feed" xmlUrl="https://x.example/feed"/>');
    expect(list.feeds[0]?.title).toBeNull();
  });

  it('outlines marked isComment are left out with their children', () => {
    const list = parse(`
      <outline text="Old" isComment="true"><outline text="Gone" xmlUrl="https://gone.example/"/></outline>
      <outline text="Kept" xmlUrl="https://kept.example/"/>`);
    expect(list.feeds.map((f) => f.title)).toEqual(['Kept']);
  });

  it('an empty body is an empty list, not an error; a missing head title is null', () => {
    expect(parseOpmlDocument(opml('', '<head/>'))).toEqual({ title: null, feeds: [], skipped: [] });
    expect(parseOpmlDocument(utf8('<opml version="1.0"><body/></opml>')).feeds).toEqual([]);
  });

  it('reads UTF-16 with a BOM', () => {
    const text =
      '\uFEFF<?xml version="1.0" encoding="UTF-16"?><opml><body><outline text="日本" xmlUrl="https://jp.example/"/></body></opml>';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i += 1)
      new DataView(bytes.buffer).setUint16(i * 2, text.charCodeAt(i), true);
    expect(parseOpmlDocument(bytes).feeds[0]?.title).toBe('日本');
  });
});

describe('parseOpmlDocument: refusals', () => {
  it.each([
    ['empty', '', /empty/],
    ['whitespace only', ' \n\t', /empty/],
    ['an HTML page', '<!DOCTYPE html><html><body><p>hi</p></body></html>', /root element is <html>/],
    ['an RSS feed', '<rss version="2.0"><channel><title>x</title></channel></rss>', /root element is <rss>/],
    ['plain text', 'just some words', /root element is <none>/],
    ['JSON', '{"opml": {}}', /root element is <none>/],
    ['no body', '<opml version="2.0"><head><title>x</title></head></opml>', /no <body>/],
    ['truncated', '<opml><body><outline text="a" xmlUrl="https://a.example/"/>', /<body> is never closed/],
    ['cut inside a tag', '<opml><body><outline text="a" xmlUrl="https://a.ex', /never closed/],
    ['mismatched tags', '<opml><body><outline text="a"></body></opml>', /<\/body> closes <outline>/],
    ['a second root', '<opml><body/></opml><opml><body/></opml>', /after the root element/],
    ['text after the root', '<opml><body/></opml> trailing', /text outside the root/],
    ['an unquoted attribute', '<opml><body><outline text=a xmlUrl=b/></body></opml>', /could not be parsed/],
  ])('%s: OpmlMalformed', (_, source, message) => {
    const run = () => parseOpmlDocument(utf8(source));
    expect(run).toThrow(OpmlMalformed);
    expect(run).toThrow(message);
  });

  it('the line of a structural break is reported', () => {
    try {
      parseOpmlDocument(utf8('<opml>\n<body>\n<outline text="a">\n</body>\n</opml>'));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(OpmlMalformed);
      expect((error as OpmlMalformed).details).toEqual({ line: 4 });
    }
  });

  it('a ">" inside a quoted value does not end the tag for the structure check', () => {
    const list = parse('<outline text="a > b" title=\'say "hi"\' xmlUrl="https://a.example/"/>');
    expect(list.feeds[0]?.title).toBe('say "hi"');
  });

  it('gzip bytes are malformed (decompression belongs to the caller)', () => {
    expect(() => parseOpmlDocument(new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0]))).toThrow(OpmlMalformed);
  });

  it('over 2 MiB by default, or the caller limit: OpmlTooLarge', () => {
    const big = opml(`<outline text="${'x'.repeat(2 * 1024 * 1024)}" xmlUrl="https://a.example/"/>`);
    expect(() => parseOpmlDocument(big)).toThrow(OpmlTooLarge);
    try {
      parseOpmlDocument(opml(''), { maxBytes: 10 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(OpmlTooLarge);
      expect((error as OpmlTooLarge).kind).toBe('too-large');
    }
  });

  it('entity expansion (billion laughs) is refused before any parser expands it', () => {
    const hostile = `<?xml version="1.0"?>
<!DOCTYPE opml [
  <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
]>
<opml version="2.0"><head><title>&d;</title></head>
<body><outline text="&d;" xmlUrl="https://a.example/"/></body></opml>`;
    expect(() => parseOpmlDocument(utf8(hostile))).toThrow(OpmlRefused);
  });

  it('an external entity (XXE) is refused', () => {
    const xxe =
      '<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]><opml><body><outline text="&x;" xmlUrl="https://a.example/"/></body></opml>';
    const run = () => parseOpmlDocument(utf8(xxe));
    expect(run).toThrow(OpmlRefused);
    try {
      run();
    } catch (error) {
      expect((error as OpmlRefused).kind).toBe('forbidden');
    }
  });

  it('folders nested past the safety depth are refused, not recursed into', () => {
    const deep = `${'<outline text="f">'.repeat(400)}${'</outline>'.repeat(400)}`;
    expect(() => parse(deep)).toThrow(OpmlRefused);
  });
});
