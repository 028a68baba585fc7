import type { SectionInput } from '../../stories/types.js';

/** The demo newsroom's three sections, in navigation order. */
export const demoSections: SectionInput[] = [
  {
    key: 'ai-models',
    position: 1,
    translations: {
      zh: {
        name: 'AI模型',
        slug: 'ai-models',
        description: '大模型发布、开放权重、推理能力与评测，以及它们对开发者和企业意味着什么。',
      },
      en: {
        name: 'AI models',
        slug: 'ai-models',
        description:
          'Model releases, open weights, reasoning and benchmarks, and what they mean for developers and companies.',
      },
    },
  },
  {
    key: 'chips',
    position: 2,
    translations: {
      zh: {
        name: '芯片与算力',
        slug: 'chips',
        description: 'GPU与加速卡、高带宽内存、先进制程与封装：追踪AI算力的供给、性能与成本。',
      },
      en: {
        name: 'Chips & Compute',
        slug: 'chips',
        description:
          'GPUs and accelerators, high-bandwidth memory, advanced process nodes and packaging: tracking the supply, performance and cost of AI compute.',
      },
    },
  },
  {
    key: 'industry',
    position: 3,
    translations: {
      zh: {
        name: '产业动态',
        slug: 'industry',
        description: '公司战略、投资、供应链与政策，观察AI产业格局的每一次变化。',
      },
      en: {
        name: 'Industry',
        slug: 'industry',
        description:
          'Company strategy, investment, supply chains and policy: every shift in the shape of the AI industry.',
      },
    },
  },
];
