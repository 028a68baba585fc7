import type { EntityInput } from '../../stories/types.js';

/** Companies, GPUs, models and topics the demo stories are tagged with; each gets a hub page. */
export const demoEntities: EntityInput[] = [
  {
    slug: 'nvidia',
    kind: 'company',
    translations: {
      zh: {
        name: '英伟达',
        aliases: ['NVIDIA', 'Nvidia', '辉达'],
        description:
          '总部位于美国加州圣克拉拉的芯片设计公司，其GPU和CUDA软件平台是当今AI训练与推理的主流选择。',
      },
      en: {
        name: 'Nvidia',
        aliases: ['NVIDIA', '英伟达', '辉达'],
        description:
          'Chip designer based in Santa Clara, California, whose GPUs and CUDA software platform are the default choice for training and serving AI models.',
      },
    },
  },
  {
    slug: 'amd',
    kind: 'company',
    translations: {
      zh: {
        name: '超威半导体',
        aliases: ['AMD', 'Advanced Micro Devices', '超微'],
        description:
          '美国处理器与加速卡厂商，产品涵盖EPYC服务器处理器和Instinct系列数据中心加速卡，并以开源的ROCm软件栈争取AI开发者。',
      },
      en: {
        name: 'AMD',
        aliases: ['Advanced Micro Devices', '超威半导体', '超微'],
        description:
          'US maker of processors and accelerators, from EPYC server CPUs to the Instinct data-centre GPUs, courting AI developers with its open-source ROCm software stack.',
      },
    },
  },
  {
    slug: 'openai',
    kind: 'company',
    translations: {
      zh: {
        name: 'OpenAI',
        aliases: ['Open AI', '开放人工智能'],
        description: '总部位于旧金山的人工智能公司，开发了GPT系列模型和ChatGPT。',
      },
      en: {
        name: 'OpenAI',
        aliases: ['Open AI'],
        description: 'San Francisco AI company behind the GPT family of models and ChatGPT.',
      },
    },
  },
  {
    slug: 'google-deepmind',
    kind: 'company',
    translations: {
      zh: {
        name: 'Google DeepMind',
        aliases: ['谷歌DeepMind', 'DeepMind', '谷歌深度思维'],
        description: '谷歌旗下的人工智能研究部门，负责Gemini系列模型的研发。',
      },
      en: {
        name: 'Google DeepMind',
        aliases: ['DeepMind', '谷歌DeepMind'],
        description:
          "Google's artificial intelligence research division and the team that builds the Gemini models.",
      },
    },
  },
  {
    slug: 'alibaba-cloud',
    kind: 'company',
    translations: {
      zh: {
        name: '阿里云',
        aliases: ['Alibaba Cloud', 'Aliyun', '阿里巴巴云'],
        description: '阿里巴巴集团的云计算业务，总部位于杭州，负责通义千问大模型系列的研发与开放。',
      },
      en: {
        name: 'Alibaba Cloud',
        aliases: ['Aliyun', '阿里云'],
        description:
          "Alibaba Group's cloud computing arm, based in Hangzhou, which develops and releases the Qwen family of models.",
      },
    },
  },
  {
    slug: 'deepseek',
    kind: 'company',
    translations: {
      zh: {
        name: '深度求索',
        aliases: ['DeepSeek', '杭州深度求索'],
        description:
          '总部位于杭州的人工智能公司，以高效训练的开放权重模型著称，代表作包括DeepSeek-V系列和R系列推理模型。',
      },
      en: {
        name: 'DeepSeek',
        aliases: ['深度求索'],
        description:
          'Hangzhou-based AI company known for efficiently trained open-weights models, including its V-series and its R-series of reasoning models.',
      },
    },
  },
  {
    slug: 'meta',
    kind: 'company',
    translations: {
      zh: {
        name: 'Meta',
        aliases: ['Meta Platforms', '脸书', 'Facebook'],
        description: 'Facebook、Instagram和WhatsApp的母公司，也是Llama系列开放权重模型的发布者。',
      },
      en: {
        name: 'Meta',
        aliases: ['Meta Platforms', 'Facebook', '脸书'],
        description:
          'Parent company of Facebook, Instagram and WhatsApp, and the publisher of the Llama open-weights models.',
      },
    },
  },
  {
    slug: 'tsmc',
    kind: 'company',
    translations: {
      zh: {
        name: '台积电',
        aliases: ['TSMC', '台湾积体电路制造', '台积'],
        description: '全球最大的晶圆代工厂，几乎所有高端AI加速芯片都由其先进制程和CoWoS封装生产。',
      },
      en: {
        name: 'TSMC',
        aliases: ['Taiwan Semiconductor Manufacturing Company', '台积电'],
        description:
          "The world's largest contract chipmaker; almost every high-end AI accelerator is built on its leading-edge nodes and CoWoS packaging.",
      },
    },
  },
  {
    slug: 'h200',
    kind: 'gpu',
    translations: {
      zh: {
        name: '英伟达H200',
        aliases: ['H200', 'Nvidia H200', 'H200 Tensor Core GPU'],
        description: '基于Hopper架构的数据中心GPU，配备141GB HBM3E显存，是H100的大显存升级版。',
      },
      en: {
        name: 'Nvidia H200',
        aliases: ['H200', 'H200 Tensor Core GPU', '英伟达H200'],
        description:
          'Hopper-generation data-centre GPU with 141GB of HBM3E memory, a higher-memory successor to the H100.',
      },
    },
  },
  {
    slug: 'b300',
    kind: 'gpu',
    translations: {
      zh: {
        name: '英伟达Blackwell Ultra B300',
        aliases: ['B300', 'Blackwell Ultra', 'GB300'],
        description:
          'Blackwell架构的增强版数据中心GPU，单卡配备288GB HBM3E显存，主打大模型推理与推理型模型。',
      },
      en: {
        name: 'Nvidia Blackwell Ultra B300',
        aliases: ['B300', 'Blackwell Ultra', 'GB300'],
        description:
          'The upgraded Blackwell data-centre GPU, with 288GB of HBM3E per card, aimed at serving large and reasoning models.',
      },
    },
  },
  {
    slug: 'mi355x',
    kind: 'gpu',
    translations: {
      zh: {
        name: 'AMD Instinct MI355X',
        aliases: ['MI355X', 'Instinct MI355X'],
        description: 'AMD基于CDNA 4架构的液冷数据中心加速卡，配备288GB HBM3E显存。',
      },
      en: {
        name: 'AMD Instinct MI355X',
        aliases: ['MI355X', 'Instinct MI355X'],
        description:
          "AMD's liquid-cooled data-centre accelerator on the CDNA 4 architecture, with 288GB of HBM3E memory.",
      },
    },
  },
  {
    slug: 'qwen',
    kind: 'model',
    translations: {
      zh: {
        name: '通义千问',
        aliases: ['Qwen', '千问', 'Tongyi Qianwen'],
        description: '阿里云研发的大模型系列，覆盖语言、视觉、语音和代码，多数版本以开放权重形式发布。',
      },
      en: {
        name: 'Qwen',
        aliases: ['Tongyi Qianwen', '通义千问', '千问'],
        description:
          "Alibaba Cloud's family of language, vision, speech and coding models, most of them released with open weights.",
      },
    },
  },
  {
    slug: 'llama',
    kind: 'model',
    translations: {
      zh: {
        name: 'Llama',
        aliases: ['Meta Llama', '羊驼'],
        description: 'Meta发布的开放权重大模型系列，采用附带使用条件的社区许可证。',
      },
      en: {
        name: 'Llama',
        aliases: ['Meta Llama', 'LLaMA'],
        description:
          "Meta's family of open-weights models, released under a community licence with conditions attached.",
      },
    },
  },
  {
    slug: 'deepseek-r2',
    kind: 'model',
    translations: {
      zh: {
        name: 'DeepSeek-R2',
        aliases: ['R2', 'DeepSeek R2', '深度求索R2'],
        description: '深度求索的第二代推理模型，通过大规模强化学习训练，以MIT许可证开放权重。',
      },
      en: {
        name: 'DeepSeek-R2',
        aliases: ['R2', 'DeepSeek R2', '深度求索R2'],
        description:
          "DeepSeek's second-generation reasoning model, trained with large-scale reinforcement learning and released with open weights under the MIT licence.",
      },
    },
  },
  {
    slug: 'gemini',
    kind: 'model',
    translations: {
      zh: {
        name: 'Gemini',
        aliases: ['Google Gemini', '谷歌Gemini', '双子座'],
        description: 'Google DeepMind研发的原生多模态模型系列，支撑谷歌的消费级产品和企业服务。',
      },
      en: {
        name: 'Gemini',
        aliases: ['Google Gemini', '谷歌Gemini'],
        description:
          "Google DeepMind's natively multimodal model family, behind Google's consumer products and enterprise services.",
      },
    },
  },
  {
    slug: 'hbm',
    kind: 'topic',
    translations: {
      zh: {
        name: '高带宽内存',
        aliases: ['HBM', 'HBM3E', 'HBM4', 'High-bandwidth memory'],
        description:
          '把多层DRAM芯片垂直堆叠、紧贴处理器封装的内存，为AI加速卡提供极高的带宽，也是当前算力供应的主要瓶颈之一。',
      },
      en: {
        name: 'High-bandwidth memory',
        aliases: ['HBM', 'HBM3E', 'HBM4', '高带宽内存'],
        description:
          'Stacked DRAM packaged right beside the processor, giving AI accelerators their enormous memory bandwidth, and one of the main bottlenecks in compute supply.',
      },
    },
  },
  {
    slug: 'open-weights',
    kind: 'topic',
    translations: {
      zh: {
        name: '开放权重模型',
        aliases: ['开放权重', 'open weights', 'open-weight models', '开源模型'],
        description: '公开发布模型参数、允许下载和本地部署的AI模型；能否商用、如何署名取决于各自的许可证。',
      },
      en: {
        name: 'Open-weights models',
        aliases: ['open weights', 'open-weight models', '开放权重'],
        description:
          'AI models whose parameters are published for anyone to download and run; what you may do with them depends on each licence.',
      },
    },
  },
];
