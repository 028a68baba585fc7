import { describe, expect, it } from 'vitest';
import {
  checkVariantLanguage,
  type LanguageFinding,
  loadLanguageDetector,
  otherLanguages,
  type VariantLanguageInput,
} from './language-qa.js';

const detector = await loadLanguageDetector();

const zhBody = [
  '## 新一代芯片',
  '英伟达在本周的开发者大会上发布了新一代数据中心芯片，显存带宽大幅提升，训练大模型的成本随之下降。',
  '分析师认为，这将进一步巩固英伟达在人工智能加速器市场的领先地位，竞争对手需要更长时间追赶。',
  '## 与 AMD 的对比',
  '| 型号 | 显存 |\n| --- | --- |\n| H100 | 80 GB |\n| MI300X | 192 GB |',
  '```bash\nnvidia-smi --query-gpu=name,memory.total --format=csv\n```',
].join('\n\n');

const zhFaq = [
  { question: '新芯片什么时候上市？', answer: '英伟达表示，新芯片将在今年第四季度向云服务商供货。' },
  { question: '它比上一代快多少？', answer: '官方数据显示，训练速度最多提升四倍，推理速度提升更多。' },
];

const enFaq = [
  {
    question: 'When does the new chip ship?',
    answer: 'Nvidia says cloud providers will receive it in the fourth quarter.',
  },
  {
    question: 'How much faster is it than the last generation?',
    answer: 'Training is up to four times faster, according to the company.',
  },
  {
    question: 'Does it need a new server design?',
    answer: 'Yes, the higher power draw requires liquid cooling in most racks.',
  },
];

const zhStory: VariantLanguageInput = {
  locale: 'zh',
  title: '英伟达发布新一代数据中心芯片',
  summary: '新芯片显存带宽大幅提升，训练成本随之下降。',
  body: zhBody,
  faq: zhFaq,
  heroAlt: '英伟达首席执行官在发布会上展示新芯片的主板',
};

const enStory: VariantLanguageInput = {
  locale: 'en',
  title: 'Nvidia unveils its next data-center chip',
  summary: 'The new chip raises memory bandwidth and lowers the cost of training large models.',
  body: '## A new chip\n\nNvidia unveiled the chip at its developer conference this week, promising far more memory bandwidth.\n\nAnalysts expect the launch to extend its lead in the market for AI accelerators.',
  faq: enFaq,
  heroAlt: 'The chief executive holds up the new board on stage',
};

const where = (findings: LanguageFinding[]) => findings.map((f) => `${f.location}: ${f.detected}`);

describe('checkVariantLanguage', () => {
  it.each([
    ['a Chinese story', zhStory],
    ['an English story', enStory],
    ['a zh-Hant story compares primary subtags', { ...zhStory, locale: 'zh-Hant' }],
    ['an en-GB story compares primary subtags', { ...enStory, locale: 'en-GB' }],
  ])('passes %s', (_, variant) => {
    expect(checkVariantLanguage(variant, detector)).toEqual([]);
  });

  it('flags a Chinese story with an English FAQ at each FAQ item', () => {
    const findings = checkVariantLanguage({ ...zhStory, faq: enFaq }, detector);
    expect(where(findings)).toEqual([
      'faq 1, question: en',
      'faq 1, answer: en',
      'faq 2, question: en',
      'faq 2, answer: en',
      'faq 3, question: en',
      'faq 3, answer: en',
    ]);
    expect(findings[0]).toEqual({
      location: 'faq 1, question',
      field: 'faq-question',
      index: 1,
      expected: 'zh',
      detected: 'en',
      excerpt: 'When does the new chip ship?',
    });
  });

  it.each([
    [
      'product names amid Chinese',
      '英伟达的 Nvidia H100、Blackwell B200、CUDA 和 NVLink 在 AI 训练中占主导地位，AMD MI300X 则依靠 ROCm 追赶。',
    ],
    [
      'a sentence led by brands',
      'Nvidia H100、Blackwell、CUDA、NVLink、NVSwitch 与 InfiniBand 共同构成了训练集群。',
    ],
    [
      'English quote inside Chinese',
      '黄仁勋说：“The more you buy, the more you save.” 这句话在业内广为流传。',
    ],
  ])('does not flag %s in a zh body', (_, paragraph) => {
    expect(checkVariantLanguage({ ...zhStory, body: `## 背景\n\n${paragraph}` }, detector)).toEqual([]);
  });

  it('flags an English story with a Chinese summary', () => {
    const findings = checkVariantLanguage(
      {
        ...enStory,
        summary: '新芯片显存带宽大幅提升，训练成本随之下降。',
      },
      detector,
    );
    expect(findings).toEqual([
      {
        location: 'summary',
        field: 'summary',
        expected: 'en',
        detected: 'zh',
        excerpt: '新芯片显存带宽大幅提升，训练成本随之下降。',
      },
    ]);
  });

  it.each([
    [
      'zh hero alt in English',
      { ...zhStory, heroAlt: 'The chief executive holds up the new board on stage' },
      'hero alt: en',
    ],
    [
      'en hero alt in Chinese',
      { ...enStory, heroAlt: '英伟达首席执行官在发布会上展示新芯片' },
      'hero alt: zh',
    ],
    ['zh title in English', { ...zhStory, title: 'Nvidia unveils its next data-center chip' }, 'title: en'],
    ['zh title in Japanese', { ...zhStory, title: 'エヌビディアが新しいチップを発表しました' }, 'title: ja'],
    [
      'en body group in Chinese',
      { ...enStory, body: `${enStory.body}\n\n## 中文段落\n\n${zhFaq[0]?.answer}` },
      'body, paragraph group 2: zh',
    ],
    [
      'zh table in English',
      {
        ...zhStory,
        body: '| Model | Memory bandwidth |\n|---|---|\n| Hopper generation | three terabytes |',
      },
      'body, paragraph group 1 (table): en',
    ],
    [
      'en story with a German paragraph',
      { ...enStory, body: 'Der neue Chip ist deutlich schneller als der alte und verbraucht weniger Strom.' },
      'body, paragraph group 1: de',
    ],
  ])('flags %s', (_, variant, expected) => {
    expect(where(checkVariantLanguage(variant, detector))).toEqual([expected]);
  });

  it.each([
    [
      'a short English FAQ question',
      { ...zhStory, faq: [{ question: 'What is CUDA?', answer: '英伟达的并行计算平台。' }] },
    ],
    ['a three-character Chinese alt in an en story', { ...enStory, heroAlt: '英伟达' }],
    ['a bare product heading', { ...zhStory, body: `## Nvidia H100\n\n${zhFaq[0]?.answer}` }],
    ['an empty summary and alt', { ...enStory, summary: '', heroAlt: ' ' }],
    ['numbers and units', { ...zhStory, summary: 'H100 80 GB · 3.35 TB/s · 700 W' }],
    [
      'a list of model names',
      { ...enStory, summary: 'Llama 3.1 405B, Mixtral 8x22B, Qwen2 72B, DeepSeek-V2' },
    ],
    ['a list of chips', { ...enStory, summary: 'Nvidia H100, AMD MI300X, Intel Gaudi 3 and Google TPU v5p' }],
  ])('ignores %s', (_, variant) => {
    expect(checkVariantLanguage(variant, detector)).toEqual([]);
  });

  it('skips code blocks', () => {
    const code = '```\nThis comment explains the benchmark script in plain English words.\n```';
    expect(checkVariantLanguage({ ...zhStory, body: `${zhBody}\n\n${code}` }, detector)).toEqual([]);
  });

  it('groups paragraphs by heading and by three', () => {
    const en = 'Nvidia unveiled the chip at its developer conference this week.';
    const body = `## One\n\n${en}\n\n${en}\n\n${en}\n\n${en}\n\n## Two\n\n${en}`;
    const findings = checkVariantLanguage({ ...zhStory, body }, detector);
    expect(findings.map((f) => f.location)).toEqual([
      'body, paragraph group 1',
      'body, paragraph group 2',
      'body, paragraph group 3',
    ]);
    expect(findings.map((f) => f.index)).toEqual([1, 2, 3]);
  });

  it.each([
    ['kanji-only heading in a ja story', { locale: 'ja', text: '技術仕様' }],
    ['kanji-only phrase in a ja story', { locale: 'ja', text: '半導体市場動向' }],
    ['kanji with one kana in a ja story', { locale: 'ja', text: '技術仕様と性能' }],
    ['Japanese prose in a ja story', { locale: 'ja', text: 'エヌビディアは新しいチップを発表しました。' }],
    ['Korean prose in a ko story', { locale: 'ko', text: '엔비디아가 새로운 데이터센터 칩을 발표했습니다.' }],
  ])('accepts %s', (_, { locale, text }) => {
    expect(
      checkVariantLanguage({ locale, title: text, summary: '', body: '', faq: [], heroAlt: '' }, detector),
    ).toEqual([]);
  });

  it('flags Simplified Chinese prose in a ja story when eld is clear about it', () => {
    const variant = {
      locale: 'ja',
      title: '数据中心的能耗问题越来越严重',
      summary: '',
      body: '',
      faq: [],
      heroAlt: '',
    };
    expect(where(checkVariantLanguage(variant, detector))).toEqual(['title: zh']);
  });

  it('shortens long excerpts', () => {
    const long = 'Nvidia unveiled the chip at its developer conference this week. '.repeat(5);
    const [finding] = checkVariantLanguage({ ...zhStory, summary: long }, detector);
    expect(Array.from(finding?.excerpt ?? '')).toHaveLength(80);
    expect(finding?.excerpt.endsWith('…')).toBe(true);
  });
});

describe('otherLanguages', () => {
  it('names the language of each block not in the locale, and leaves the rest and short ones alone', () => {
    expect(
      otherLanguages(detector, 'zh-Hans', [
        '英伟达在本周的开发者大会上发布了新一代数据中心芯片。',
        'Nvidia says cloud providers will receive it in the fourth quarter.',
        'H100 与 B200',
        'GPU',
      ]),
    ).toEqual([undefined, 'en', undefined, undefined]);
    expect(
      otherLanguages(detector, 'en', [
        'Training is up to four times faster, according to the company.',
        '官方数据显示，训练速度最多提升四倍，推理速度提升更多。',
      ]),
    ).toEqual([undefined, 'zh']);
  });
});
