import { describe, expect, it } from 'vitest';
import { qaFindings, untranslatedFindings, withoutPlaceholders } from './qa.js';

const content = {
  locale: 'en',
  title: 'Nvidia pledges $26 billion',
  summary: '⟦英伟达宣布未来五年投入260亿美元⟧',
  body: '## How it is spent\n\n⟦英伟达在公告中把资金拆成五个部分。⟧\n\n| Nvidia | ⟦AMD⟧ |\n| --- | --- |',
  heroAlt: '',
  faq: [
    { question: 'Is it paid at once?', answer: 'No.' },
    { question: '⟦个人开发者可以申请吗？⟧', answer: 'Not yet.' },
  ],
};

describe('untranslatedFindings', () => {
  it('reports each field still holding a scaffold placeholder, with how many and the first one', () => {
    expect(untranslatedFindings(content)).toEqual([
      { field: 'summary', count: 1, excerpt: '英伟达宣布未来五年投入260亿美元' },
      { field: 'body', count: 2, excerpt: '英伟达在公告中把资金拆成五个部分。' },
      { field: 'faq-question', index: 2, count: 1, excerpt: '个人开发者可以申请吗？' },
    ]);
  });

  it('finds nothing in a finished translation', () => {
    expect(untranslatedFindings(withoutPlaceholders(content))).toEqual([]);
  });

  it('makes each one a blocking error, first in the report', () => {
    const findings = qaFindings({
      untranslated: untranslatedFindings(content),
      language: [],
      hasHeroImage: false,
      heroAlt: '',
      danglingLinks: [],
      enabledLocales: ['en'],
      variantLocales: ['en'],
    });
    expect(findings.map((f) => [f.kind, f.severity])).toEqual([
      ['untranslated', 'error'],
      ['untranslated', 'error'],
      ['untranslated', 'error'],
    ]);
  });
});

describe('withoutPlaceholders', () => {
  it('takes out placeholders, an unclosed one to the end of its text, and keeps what was translated', () => {
    const stripped = withoutPlaceholders({ ...content, title: 'Done ⟦未完' });
    expect(stripped.title).toBe('Done ');
    expect(stripped.body).toBe('## How it is spent\n\n\n\n| Nvidia |  |\n| --- | --- |');
    expect(stripped.faq[1]).toEqual({ question: '', answer: 'Not yet.' });
  });
});
