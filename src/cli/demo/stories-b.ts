import type { StoryInput } from '../../stories/types.js';

// Demo stories, part B: fictional news from November 2026, written for this project. Times are UTC.
// Sources point at reserved example domains. `edge-ai-phones` deliberately has only a Chinese variant,
// so the demo shows how readers of other languages fall back to it.

const b300Shipments: StoryInput = {
  section: 'chips',
  sourceLocale: 'zh',
  heroImage: 'hero-b300-shipments-begin.webp',
  entities: ['nvidia', 'b300', 'hbm'],
  sources: [
    {
      url: 'https://news.example.com/2026/11/blackwell-ultra-b300-volume-shipments',
      publisher: 'Example Hardware Wire',
      author: 'Marcus Lindqvist',
      publishedAt: '2026-11-15T18:00:00.000Z',
    },
    {
      url: 'https://supplychain.example.org/reports/2026-q4-accelerator-deliveries',
      publisher: 'Example Supply Chain Monitor',
      author: '林若溪',
      publishedAt: '2026-11-15T09:30:00.000Z',
    },
  ],
  createdAt: '2026-11-15T22:40:00.000Z',
  updatedAt: '2026-11-16T08:30:00.000Z',
  shareCount: 7,
  variants: [
    {
      locale: 'zh',
      slug: 'b300-shipments-begin',
      title: '英伟达Blackwell Ultra B300系统开始批量出货，首批流向云厂商',
      summary:
        '英伟达确认搭载B300的HGX服务器和GB300 NVL72整机柜已开始批量交付，首批主要流向大型云厂商；高带宽内存和先进封装产能仍是限制出货节奏的关键。',
      heroAlt:
        '抽象插图：深靛蓝渐变到紫色的背景上，细细的蓝灰色电路走线纵横交错，在转角处以45度折线转向，末端是小小的圆形焊盘；其中几条走线和端点被点亮成暖金色，画面中下部有一束起伏的波浪线从左向右流过，像信号在电路板上传递。',
      status: 'published',
      publishedAt: '2026-11-16T02:00:00.000Z',
      updatedAt: '2026-11-16T02:00:00.000Z',
      body: `英伟达本周确认，基于Blackwell Ultra架构的B300加速卡已经进入批量出货阶段。首批系统包括八卡的HGX B300服务器和整机柜形式的GB300 NVL72，主要交付给几家大型云厂商和少数自建算力的模型公司，更多客户将在2027年第一季度陆续收货。

这是英伟达今年最重要的一次产品交付。B300把单卡显存提高到288GB，并针对推理型模型和长上下文服务做了专门优化。对于正在把大模型推向生产环境的企业来说，它在很大程度上决定了明年能以多大规模、多低成本提供推理服务。

## 首批交付的规模与去向

英伟达没有公布具体出货数量，但在与分析师的交流中透露了几条线索：

1. **云厂商优先**：首批产能的大部分分配给了提前签订长期合同的大型云厂商，用于扩充面向企业客户的推理集群。
2. **整机柜占比上升**：与上一代相比，更多客户选择直接采购液冷整机柜，而不是单独购买服务器再自行集成。
3. **区域分布更广**：除北美外，欧洲和中东的几个主权AI项目也在首批名单之中。
4. **按批次交付**：大客户的订单通常拆成多个批次，每批间隔数周，以配合数据中心的建设进度。

供应链人士估计，今年第四季度B300系统的出货量将明显低于市场需求，新订单的排队时间普遍在两到三个季度。

## B300与H200规格对比

H200仍是目前装机量最大的英伟达数据中心GPU之一。下表对比两者的主要规格，数据为厂商公开资料中的典型值，实际数值会因系统配置和散热方式而有所不同：

| 规格 | B300 | H200 |
| --- | --- | --- |
| 架构 | Blackwell Ultra | Hopper |
| 制程与封装 | 台积电4NP，双芯片封装 | 台积电4N，单芯片 |
| 显存容量 | 288GB HBM3E | 141GB HBM3E |
| 显存带宽 | 约8TB/s | 约4.8TB/s |
| FP4稠密算力 | 约15 PFLOPS | 不支持 |
| FP8稠密算力 | 约4.5 PFLOPS | 约2 PFLOPS |
| NVLink带宽 | 1.8TB/s | 900GB/s |
| 单卡功耗 | 最高约1,400W | 最高约700W |
| 散热方式 | 以液冷为主 | 风冷或液冷 |

最显著的差别在显存和低精度计算上。288GB显存意味着一张卡就能容纳更大的模型或更长的上下文缓存，而对FP4格式的原生支持，让推理吞吐量在精度损失可控的前提下大幅提升。代价是功耗翻了一倍，几乎所有B300部署都离不开液冷。

## 内存与封装仍是瓶颈

决定B300出货速度的，与其说是GPU芯片本身，不如说是与它配套的高带宽内存和先进封装。每张B300需要八个十二层HBM3E堆栈，而这类内存的产能已被长期合同锁定到2027年，我们在[高带宽内存短缺分析](story:hbm-shortage-2027)中对此有详细介绍。与此同时，双芯片设计依赖台积电的CoWoS-L封装，这条产线同样处于满负荷状态。

英伟达表示，公司已与多家内存厂商签订了覆盖2027年的供应协议，封装产能也在逐季增加。不过分析人士指出，只要其中任何一环出现良率波动，交付计划就可能顺延。

## 买家需要关注什么

对于已经下单或正在评估的企业，B300带来的不只是更快的芯片，还有一整套基础设施要求。几位参与部署的工程师建议优先确认以下几点：

- **机房供电**：一台GB300 NVL72整机柜的功耗超过100千瓦，约为传统服务器机柜的十倍，许多现有机房需要改造配电。
- **液冷条件**：冷却液分配单元、管路和运维流程需要提前到位，否则设备到货后也无法上线。
- **网络规划**：大规模推理集群依赖高带宽、低延迟的网络，交换机和光模块的交期同样不短。
- **软件适配**：要充分利用FP4等新特性，推理框架和模型量化流程都需要升级并重新验证。

## 展望

按照英伟达此前公布的路线图，下一代Rubin架构预计在2027年下半年登场，这意味着B300的主力销售窗口可能只有一年左右。对云厂商而言，问题已经不是要不要采购，而是如何在有限的产能、电力和交付时间之间取得平衡。`,
      faq: [
        {
          question: 'B300和B200有什么区别？',
          answer:
            'B300是Blackwell架构的增强版，单卡显存从192GB提高到288GB，FP4算力进一步提升，功耗也更高，主要面向大规模推理和推理型模型。',
        },
        {
          question: '中小企业什么时候能用上B300？',
          answer:
            '首批产能主要供应大型云厂商，中小企业更现实的途径是通过云服务按小时租用。直接采购整机的供应预计要到2027年上半年才会相对宽松。',
        },
        {
          question: '现有的H200集群会很快被淘汰吗？',
          answer:
            '不会。H200在许多训练和推理任务上仍然够用，软件生态成熟，功耗和散热要求也更低，预计未来几年会继续承担大量工作负载。',
        },
        {
          question: '为什么B300几乎都要用液冷？',
          answer:
            '单卡功耗最高约1,400瓦，整机柜超过100千瓦，风冷很难在有限空间内带走这么多热量，液冷在散热效率和部署密度上都更有优势。',
        },
      ],
    },
    {
      locale: 'en',
      slug: 'b300-shipments-begin',
      title:
        'Nvidia starts volume shipments of Blackwell Ultra B300 systems, with cloud providers first in line',
      summary:
        'Nvidia has confirmed that HGX servers and GB300 NVL72 racks built on the B300 are now shipping in volume, mostly to large cloud providers; high-bandwidth memory and advanced packaging capacity still set the pace.',
      heroAlt:
        'Abstract illustration: on a background shading from deep indigo to violet, thin blue-grey circuit traces criss-cross the frame, turning corners at 45-degree angles and ending in small round pads; a few traces and their end points glow warm gold, and a bundle of undulating wave lines flows from left to right across the lower middle, like signals travelling over a circuit board.',
      status: 'published',
      publishedAt: '2026-11-16T08:30:00.000Z',
      updatedAt: '2026-11-16T08:30:00.000Z',
      body: `Nvidia confirmed this week that its B300 accelerator, built on the Blackwell Ultra architecture, has entered volume shipments. The first systems are eight-GPU HGX B300 servers and rack-scale GB300 NVL72 systems, going mainly to a few large cloud providers and a handful of model companies that build their own compute. More customers will take delivery during the first quarter of 2027.

This is Nvidia's most important product delivery of the year. The B300 raises memory per card to 288GB and is tuned specifically for reasoning models and long-context serving. For companies moving large models into production, it will go a long way towards deciding how much inference they can offer next year, and at what cost.

## How much is shipping, and to whom

Nvidia did not disclose shipment volumes, but in conversations with analysts it offered several clues:

1. **Cloud providers first**: most of the initial capacity has gone to large cloud providers that signed long-term contracts early, to expand inference clusters for their enterprise customers.
2. **More whole racks**: compared with the previous generation, more customers are buying liquid-cooled racks outright rather than buying servers and integrating them themselves.
3. **Wider geography**: besides North America, several sovereign AI projects in Europe and the Middle East are on the first delivery list.
4. **Delivery in batches**: large orders are usually split into several batches a few weeks apart, to match the pace of data-centre construction.

Supply-chain sources estimate that B300 system shipments this quarter will fall well short of demand, with new orders typically waiting two to three quarters.

## B300 and H200 specifications compared

The H200 is still one of Nvidia's most widely installed data-centre GPUs. The table below compares the main specifications of the two. The figures are typical values from the vendor's published material; actual numbers vary with system configuration and cooling:

| Specification | B300 | H200 |
| --- | --- | --- |
| Architecture | Blackwell Ultra | Hopper |
| Process and packaging | TSMC 4NP, two dies in one package | TSMC 4N, single die |
| Memory capacity | 288GB HBM3E | 141GB HBM3E |
| Memory bandwidth | about 8TB/s | about 4.8TB/s |
| Dense FP4 compute | about 15 PFLOPS | not supported |
| Dense FP8 compute | about 4.5 PFLOPS | about 2 PFLOPS |
| NVLink bandwidth | 1.8TB/s | 900GB/s |
| Power per card | up to about 1,400W | up to about 700W |
| Cooling | mostly liquid | air or liquid |

The biggest differences are in memory and low-precision compute. With 288GB, a single card can hold a larger model or a longer context cache, and native support for the FP4 format raises inference throughput sharply while keeping the loss of accuracy under control. The price is double the power draw: almost every B300 deployment depends on liquid cooling.

## Memory and packaging are still the bottleneck

What sets the pace of B300 shipments is not so much the GPU die itself as the high-bandwidth memory and advanced packaging that go with it. Each B300 needs eight 12-high HBM3E stacks, and capacity for that memory is locked up by long-term contracts into 2027, as we described in our [analysis of the high-bandwidth memory shortage](story:hbm-shortage-2027). The two-die design also relies on TSMC's CoWoS-L packaging, a line that is likewise running at full capacity.

Nvidia says it has signed supply agreements with several memory makers covering 2027, and that packaging capacity is growing quarter by quarter. Analysts point out, however, that a wobble in yields at any one of these steps could push delivery schedules back.

## What buyers should watch

For companies that have ordered or are evaluating the B300, it brings not just a faster chip but a whole set of infrastructure requirements. Several engineers involved in deployments suggest checking these points first:

- **Power**: a single GB300 NVL72 rack draws more than 100 kilowatts, roughly ten times a conventional server rack, and many existing server rooms need their power distribution rebuilt.
- **Liquid cooling**: coolant distribution units, piping and operating procedures must be in place beforehand, or the equipment cannot go live even after it arrives.
- **Networking**: large inference clusters depend on high-bandwidth, low-latency networks, and switches and optical modules also have long lead times.
- **Software**: making full use of new features such as FP4 means upgrading inference frameworks and model quantisation pipelines, and validating them again.

## Outlook

According to the roadmap Nvidia has already published, the next-generation Rubin architecture is due in the second half of 2027, which means the B300's main selling window may be only about a year. For cloud providers the question is no longer whether to buy, but how to balance limited capacity, power and delivery time.`,
      faq: [
        {
          question: 'How does the B300 differ from the B200?',
          answer:
            'The B300 is the upgraded version of the Blackwell architecture: memory per card rises from 192GB to 288GB, FP4 compute goes up further and so does power draw. It is aimed mainly at large-scale inference and reasoning models.',
        },
        {
          question: 'When can smaller companies get access to the B300?',
          answer:
            'The first capacity goes mainly to large cloud providers, so for smaller companies the realistic route is renting by the hour through cloud services. Supply for buying whole systems is expected to ease only in the first half of 2027.',
        },
        {
          question: 'Will existing H200 clusters soon be obsolete?',
          answer:
            'No. The H200 is still good enough for many training and inference jobs, its software ecosystem is mature and it needs less power and cooling, so it is expected to carry a large share of workloads for years to come.',
        },
        {
          question: 'Why does almost every B300 need liquid cooling?',
          answer:
            'Each card draws up to about 1,400 watts and a whole rack more than 100 kilowatts. Air cooling struggles to remove that much heat in a limited space; liquid cooling is more efficient and allows denser deployments.',
        },
      ],
    },
  ],
};

const geminiEnterpriseAgents: StoryInput = {
  section: 'ai-models',
  sourceLocale: 'en',
  heroImage: 'hero-gemini-enterprise-agents.webp',
  entities: ['google-deepmind', 'gemini'],
  sources: [
    {
      url: 'https://cloud-briefing.example.com/2026/11/gemini-agents-enterprise-availability',
      publisher: 'Example Cloud Briefing',
      author: 'Hannah Okafor',
      publishedAt: '2026-11-19T14:00:00.000Z',
    },
  ],
  createdAt: '2026-11-19T15:10:00.000Z',
  updatedAt: '2026-11-20T01:00:00.000Z',
  shareCount: 4,
  variants: [
    {
      locale: 'en',
      slug: 'gemini-enterprise-agents',
      title: 'Google DeepMind opens Gemini agents to enterprises, with approvals and audit trails built in',
      summary:
        "Google DeepMind and Google Cloud have opened Gemini's agent features to enterprise customers, letting companies build agents that work across their own systems under fine-grained permissions, human sign-off and complete logging.",
      heroAlt:
        'Abstract illustration: a square chip package sits left of centre on a background that shades from dark green to teal; its die is divided into a four-by-four grid of small cores, two of them lit pink, and thin teal traces run out from the pins on every side, bending at 45 degrees and ending in small round pads, a few of which glow pink, while soft wave lines in teal and pink drift along the bottom of the frame.',
      status: 'published',
      publishedAt: '2026-11-19T16:00:00.000Z',
      updatedAt: '2026-11-19T16:00:00.000Z',
      body: `Google DeepMind and Google Cloud this week opened the agent features of Gemini to enterprise customers. Companies can now build agents that carry out multi-step tasks across their own systems: reading support tickets, querying databases, drafting documents and, where allowed, taking actions such as issuing refunds or changing configuration. The features had been in a limited preview with a small group of customers since the summer.

The pitch is less about raw model capability than about control. Google's announcement spends more words on permissions, approvals and logs than on benchmark scores, a sign of where enterprise buyers' doubts now lie.

## What the agent features include

The enterprise release bundles several components that were previously offered separately or only in preview:

1. **Agent builder**: a workspace where teams describe a task in plain language, attach tools and data sources, and test the agent against sample cases before deploying it.
2. **Connectors**: ready-made links to common business systems such as document stores, ticketing, CRM and data warehouses, plus a standard way to expose internal APIs as tools.
3. **Permissions and approvals**: every tool call runs under the permissions of a named user or service account, and administrators can require a person's sign-off for actions above a chosen risk level.
4. **Audit trail**: every step an agent takes, including a summary of the model's reasoning, the tools it called and the data it touched, is logged and can be exported to existing security systems.
5. **Evaluation**: teams can replay recorded tasks against a new model version or prompt and compare success rates before rolling out a change.

## Why enterprises have been cautious

Agents have been the industry's favourite topic for two years, yet large companies have moved slowly. The same reasons come up again and again in conversations with IT leaders: an agent that can act can also make mistakes at scale; instructions hidden in an email or a web page can steer an agent into leaking data; and when something goes wrong, it is often hard to reconstruct why.

Google's answer is to treat agents like new employees with narrow job descriptions. An agent gets only the tools it needs, every action is tied to an identity, and high-impact steps wait for a person to approve them. The company says it also screens tool inputs and outputs for known injection patterns, while acknowledging that no filter catches everything.

## Pricing and availability

The features are available now in Google Cloud's main regions in North America, Europe and Asia, with data-residency options for customers in regulated industries. Pricing combines model usage with a charge for each completed agent task; Google says the task charge is meant to make costs predictable for long, multi-step jobs. Customers already on enterprise Gemini plans get a monthly allowance of agent tasks at no extra cost.

## How it compares

Google is not alone. OpenAI and Microsoft, as well as a number of enterprise software vendors, offer agent platforms aimed at the same buyers. The differences lie less in what the agents can do than in where they run and which systems they connect to easily. For companies whose data already lives in Google Cloud, keeping agents close to that data is a strong pull; for others, being able to use several models behind one set of controls may matter more.

Analysts expect the first wave of production use in customer service, IT operations and finance back offices, where tasks are repetitive, well documented and easy to check.`,
      faq: [
        {
          question: 'Do the agents act on their own?',
          answer:
            'Only within limits set by administrators. Low-risk actions such as searching documents can run automatically, while actions above a chosen risk level, for example payments or configuration changes, wait for a person to approve them.',
        },
        {
          question: 'Is company data used to train Gemini?',
          answer:
            'Google says data processed by enterprise agents is not used to train its models, and customers can choose the region where their data is stored and processed.',
        },
        {
          question: 'Can the agents work with systems outside Google?',
          answer:
            'Yes. Ready-made connectors cover common business software, and internal systems can be added by describing their APIs as tools.',
        },
        {
          question: 'How is it billed?',
          answer:
            'Model usage is charged as before, plus a fee for each completed agent task. Enterprise Gemini plans include a monthly allowance of tasks.',
        },
      ],
    },
    {
      locale: 'zh',
      slug: 'gemini-enterprise-agents',
      title: 'Google DeepMind向企业开放Gemini智能体功能，内置审批与审计记录',
      summary:
        'Google DeepMind与谷歌云向企业客户开放了Gemini的智能体功能，企业可以构建在自有系统中执行任务的智能体，并通过细粒度权限、人工审批和完整日志加以管控。',
      heroAlt:
        '抽象插图：深绿色渐变到青绿色的背景上，一枚方形芯片封装位于画面中央偏左，芯片内核被划分成四乘四的小方格，其中两格亮着粉色；细细的青绿色走线从四周的引脚向外延伸，以45度角转折，末端是小圆形焊盘，有几个焊盘发出粉色的光，画面底部飘过青绿与粉色交织的柔和波浪线。',
      status: 'published',
      publishedAt: '2026-11-20T01:00:00.000Z',
      updatedAt: '2026-11-20T01:00:00.000Z',
      translatedFromRevision: 1,
      body: `Google DeepMind和谷歌云本周向企业客户开放了Gemini的智能体功能。企业现在可以构建在自有系统中执行多步骤任务的智能体：读取客服工单、查询数据库、起草文档，并在获得授权的情况下执行退款、修改配置等操作。这些功能自今年夏天起一直以有限预览的形式向少数客户提供。

这次发布的重点与其说是模型能力，不如说是管控。谷歌在公告中用于介绍权限、审批和日志的篇幅，比介绍评测分数的还多，这也说明了企业买家如今的顾虑集中在哪里。

## 智能体功能包括什么

企业版把此前分开提供或仅处于预览阶段的几个组件整合在了一起：

1. **智能体构建器**：团队可以在工作区中用自然语言描述任务，挂接工具和数据源，并在部署前用样例任务测试智能体。
2. **连接器**：预置了与文档库、工单系统、客户关系管理系统和数据仓库等常用业务系统的连接，并提供把内部API封装为工具的标准方式。
3. **权限与审批**：每一次工具调用都以某个具名用户或服务账号的权限执行，管理员可以要求超过设定风险等级的操作必须经过人工确认。
4. **审计记录**：智能体的每一步操作，包括模型推理过程的摘要、调用过的工具和接触过的数据，都会被记录下来，并可导出到企业现有的安全系统。
5. **评测**：团队可以把记录下来的任务在新的模型版本或提示词上重放，对比成功率后再决定是否上线变更。

## 企业为何一直谨慎

智能体是两年来业界最热门的话题，但大公司的动作一直很慢。与企业IT负责人交流时，同样的理由反复出现：能执行操作的智能体，也可能大规模地犯错；藏在邮件或网页中的指令可能诱导智能体泄露数据；一旦出了问题，往往很难还原它为什么会那样做。

谷歌给出的答案是，把智能体当作职责范围很窄的新员工来对待：智能体只能使用完成任务所需的工具，每一个操作都对应一个身份，影响较大的步骤要等待人工批准。公司表示还会对工具的输入和输出进行筛查，拦截已知的注入模式，但也承认没有任何过滤机制能够拦下所有攻击。

## 价格与上线范围

这些功能已在谷歌云位于北美、欧洲和亚洲的主要区域上线，并为受监管行业的客户提供数据驻留选项。计费由模型用量和按完成的智能体任务收取的费用两部分组成；谷歌表示，按任务计费是为了让长时间、多步骤的任务成本更可预期。已订阅企业版Gemini套餐的客户，每月可获得一定数量的免费智能体任务额度。

## 与竞争对手相比

谷歌并非唯一的玩家。OpenAI和微软，以及多家企业软件厂商，都在向同一批客户推销智能体平台。各家的差别主要不在智能体能做什么，而在于它们运行在哪里、能方便地连接哪些系统。对于数据已经存放在谷歌云上的企业，让智能体靠近数据运行有很强的吸引力；对于其他企业，能否在同一套管控机制下使用多家模型，可能更为重要。

分析人士预计，首批投入生产的场景将集中在客户服务、IT运维和财务后台，这些任务重复性高、流程文档完善，结果也容易核查。`,
      faq: [
        {
          question: '智能体会自行执行操作吗？',
          answer:
            '只会在管理员设定的范围内执行。检索文档等低风险操作可以自动完成，而超过设定风险等级的操作，例如付款或修改配置，需要等待人工批准。',
        },
        {
          question: '企业数据会被用来训练Gemini吗？',
          answer:
            '谷歌表示，企业智能体处理的数据不会用于训练其模型，客户还可以选择数据存储和处理所在的区域。',
        },
        {
          question: '智能体能对接谷歌以外的系统吗？',
          answer: '可以。预置连接器覆盖了常见的业务软件，企业内部系统也可以通过把API描述为工具的方式接入。',
        },
        {
          question: '如何计费？',
          answer:
            '模型用量照常计费，另外按每个完成的智能体任务收取费用。企业版Gemini套餐包含每月一定数量的任务额度。',
        },
      ],
    },
  ],
};

const metaLlamaPreview: StoryInput = {
  section: 'ai-models',
  sourceLocale: 'zh',
  heroImage: 'hero-meta-llama-5-preview.webp',
  entities: ['meta', 'llama', 'open-weights'],
  sources: [
    {
      url: 'https://devwatch.example.org/2026/11/llama-next-generation-preview',
      publisher: 'Example Developer Watch',
      author: 'Tomás Ferreira',
      publishedAt: '2026-11-20T19:00:00.000Z',
    },
  ],
  createdAt: '2026-11-20T23:30:00.000Z',
  updatedAt: '2026-11-21T08:00:00.000Z',
  shareCount: 9,
  variants: [
    {
      locale: 'zh',
      slug: 'meta-llama-5-preview',
      title: 'Meta预览下一代Llama：混合专家架构、原生多模态，许可证将作调整',
      summary:
        'Meta在开发者活动上预览了下一代Llama模型，计划以混合专家架构提供从手机到数据中心的多个规模，并表示将简化社区许可证中的部分条件，首批版本定于2027年初发布。',
      heroAlt:
        '抽象插图：深蓝色背景上，一组同心圆环以画面中央偏左的一个小圆为中心层层展开，有的圆环是细实线，有的是珊瑚色虚线；几颗青色和珊瑚色的小圆点像卫星一样停在不同的轨道上，画面下半部分有蓝色与珊瑚色交织的波浪线起伏流过。',
      status: 'published',
      publishedAt: '2026-11-21T02:30:00.000Z',
      updatedAt: '2026-11-21T02:30:00.000Z',
      body: `Meta于11月20日在一场面向开发者的线上活动中，首次披露了下一代Llama模型的部分细节。公司将其称为Llama 5，计划从2027年初开始分批发布开放权重版本。此次预览没有开放下载，但给出了模型规模、架构方向和许可证调整的初步信息。

在开放权重模型竞争日趋激烈的背景下，这次预览备受关注。过去一年，来自中国的通义千问、深度求索等团队在下载量和多项评测中表现突出，Meta需要证明Llama仍然是开发者的首选之一。

## 预览透露了哪些信息

根据Meta公布的资料，Llama 5系列将包括以下几个版本：

1. **小型版本**：约30亿参数的稠密模型，面向手机和笔记本电脑等端侧设备，可以离线运行。
2. **中型版本**：总参数约1,000亿的混合专家模型，每次推理激活约120亿参数，一台八卡服务器即可部署。
3. **大型版本**：总参数超过1万亿的混合专家模型，定位为旗舰，主要面向云端和大型企业。
4. **推理增强版本**：在中型和大型模型的基础上，通过强化学习进一步提升数学、编程和多步规划能力。

所有版本都将原生支持文本、图像和音频输入，上下文长度最长可达100万个token。Meta表示，大型版本在内部评测中已接近业界领先的闭源模型，但没有公布具体分数，称会在正式发布时同步公开完整的评测结果。

## 许可证将作调整

许可证是此次预览中最受开发者关注的部分。此前的Llama社区许可证允许免费商用，但对月活跃用户超过一定规模的企业附加了额外条件，还要求在产品中注明基于Llama构建，这也是它常被认为“不算真正开源”的原因之一。

Meta表示，新一代模型将采用简化后的许可证：署名要求会更灵活，可接受使用政策也将精简。但公司没有明确是否取消用户规模门槛，只说正式条款会在发布前公布。想了解各类开放权重许可证在商用、署名和用户规模上的差异，可以参考我们的[开放权重许可证指南](story:open-weights-licensing-guide)。

## 开发者的期待与疑虑

多位开发者在活动后表示，最期待的是中型版本：它在能力和部署成本之间取得了较好的平衡，适合企业在自有服务器上微调和部署。也有人关心小型版本能否在主流手机上流畅运行，以及多模态能力在端侧能保留多少。

疑虑同样存在。一些研究者指出，混合专家模型虽然单次推理成本较低，但总参数量大，对显存的要求依然很高，超大规模版本实际上只有少数机构能够运行。还有人提醒，预览阶段的说法与最终发布之间往往存在差距，评测结果需要等待独立机构复现。

## 时间表

Meta给出的时间表是：小型和中型版本计划于2027年第一季度发布，大型版本和推理增强版本将在随后几个月推出。公司还表示，会与主要云平台和芯片厂商合作，确保模型在发布当天就能在多种硬件上运行。`,
      faq: [
        {
          question: '现在可以下载Llama 5吗？',
          answer: '不可以。本次只是预览，Meta计划从2027年第一季度开始分批发布模型权重。',
        },
        {
          question: 'Llama 5算开源模型吗？',
          answer:
            '它属于开放权重模型：参数可以下载并在本地部署，但使用时需要遵守Meta的许可证。新许可证的完整条款尚未公布，各类许可证的差别可参阅我们的[开放权重许可证指南](story:open-weights-licensing-guide)。',
        },
        {
          question: '个人开发者能运行哪个版本？',
          answer:
            '约30亿参数的小型版本可以在笔记本电脑甚至手机上运行；中型版本则需要一台配备多张大显存GPU的服务器。',
        },
        {
          question: '混合专家架构有什么好处？',
          answer:
            '模型由许多“专家”子网络组成，每次推理只激活其中一小部分，因此即使总参数量很大，单次推理的计算成本仍然可控。',
        },
      ],
    },
    {
      locale: 'en',
      slug: 'meta-llama-5-preview',
      title: 'Meta previews the next Llama: mixture of experts, natively multimodal, and a revised licence',
      summary:
        'At a developer event Meta previewed its next Llama models, planned in several sizes from phones to data centres on a mixture-of-experts design, and said it will simplify some conditions of its community licence; the first releases are due in early 2027.',
      heroAlt:
        'Abstract illustration: on a deep blue background, a set of concentric rings spreads out from a small circle just left of centre, some drawn as fine solid lines and others as coral dashed lines; a few small cyan and coral dots rest on different orbits like satellites, and wave lines in blue and coral rise and fall across the lower half of the frame.',
      status: 'published',
      publishedAt: '2026-11-21T08:00:00.000Z',
      updatedAt: '2026-11-21T08:00:00.000Z',
      translatedFromRevision: 1,
      body: `At an online developer event on 20 November, Meta disclosed the first details of its next generation of Llama models. The company calls it Llama 5 and plans to release open-weights versions in stages from early 2027. Nothing was available to download, but the preview gave initial information on model sizes, architecture and licence changes.

With competition among open-weights models growing fiercer, the preview drew close attention. Over the past year teams in China such as Qwen and DeepSeek have stood out in downloads and on many benchmarks, and Meta needs to show that Llama is still one of developers' first choices.

## What the preview revealed

According to material Meta published, the Llama 5 family will include these versions:

1. **Small**: a dense model of about 3 billion parameters for devices such as phones and laptops, able to run offline.
2. **Medium**: a mixture-of-experts model with about 100 billion parameters in total, activating about 12 billion for each inference step, deployable on a single eight-GPU server.
3. **Large**: a mixture-of-experts model with more than a trillion parameters in total, positioned as the flagship and aimed mainly at cloud providers and large enterprises.
4. **Reasoning-enhanced**: built on the medium and large models, with reinforcement learning used to improve maths, coding and multi-step planning further.

Every version will natively accept text, image and audio input, with a context of up to one million tokens. Meta says the large version comes close to the leading closed models in internal evaluations, but gave no scores, saying it will publish full evaluation results at release.

## A revised licence

The licence was the part of the preview developers cared about most. The earlier Llama community licence allowed free commercial use, but attached extra conditions for companies above a certain number of monthly active users and required products to state that they were built with Llama, one reason it is often described as "not really open source".

Meta says the new generation will come under a simplified licence, with more flexible attribution requirements and a shorter acceptable-use policy. The company did not say whether the user threshold will go, only that the final terms will be published before release. For how open-weights licences differ on commercial use, attribution and user thresholds, see our [guide to open-weights licences](story:open-weights-licensing-guide).

## What developers hope for, and what worries them

Several developers said after the event that they were most looking forward to the medium version: it strikes a good balance between capability and deployment cost and suits companies that fine-tune and deploy on their own servers. Others wanted to know whether the small version will run smoothly on mainstream phones, and how much of the multimodal capability survives on the device.

There are doubts too. Some researchers note that although a mixture-of-experts model is cheaper per inference, its large total parameter count still demands a lot of memory, so in practice only a few organisations will be able to run the largest version. Others caution that what is said at a preview often differs from what ships, and that evaluation results must wait for independent reproduction.

## Timetable

Meta's timetable: the small and medium versions are planned for the first quarter of 2027, with the large and reasoning-enhanced versions following in the months after. The company also says it will work with the main cloud platforms and chip makers so that the models run on a range of hardware on the day of release.`,
      faq: [
        {
          question: 'Can I download Llama 5 now?',
          answer:
            'No. This was only a preview; Meta plans to release the model weights in stages from the first quarter of 2027.',
        },
        {
          question: 'Is Llama 5 an open-source model?',
          answer:
            "It is an open-weights model: the parameters can be downloaded and deployed locally, but use is subject to Meta's licence. The full terms of the new licence have not been published; for how licences differ, see our [guide to open-weights licences](story:open-weights-licensing-guide).",
        },
        {
          question: 'Which version can an individual developer run?',
          answer:
            'The small version, with about 3 billion parameters, runs on a laptop or even a phone; the medium version needs a server with several large-memory GPUs.',
        },
        {
          question: 'What is the advantage of a mixture-of-experts design?',
          answer:
            'The model is made of many "expert" sub-networks and activates only a small share of them for each inference step, so even with a very large total parameter count, the compute cost of each step stays manageable.',
        },
      ],
    },
  ],
};

const aiDatacenterPower: StoryInput = {
  section: 'industry',
  sourceLocale: 'zh',
  heroImage: 'hero-ai-datacenter-power.webp',
  entities: ['nvidia', 'openai', 'tsmc'],
  sources: [
    {
      url: 'https://energy-desk.example.com/2026/11/ai-data-centre-power-demand',
      publisher: 'Example Energy Desk',
      author: 'Olivia Brandt',
      publishedAt: '2026-11-21T12:00:00.000Z',
    },
    {
      url: 'https://www.example.org/grid/2026/interconnection-queue-report',
      publisher: 'Example Grid Institute',
      author: '韩嘉宁',
      publishedAt: '2026-11-18T00:00:00.000Z',
    },
  ],
  createdAt: '2026-11-21T20:00:00.000Z',
  updatedAt: '2026-11-22T10:30:00.000Z',
  shareCount: 15,
  variants: [
    {
      locale: 'zh',
      slug: 'ai-datacenter-power',
      title: 'AI数据中心的电力账单：从单卡1,400瓦到吉瓦级园区',
      summary:
        '随着英伟达B300等高功耗加速卡大规模部署，AI数据中心的用电需求正以远超电网扩容的速度增长，电力已取代芯片，成为许多算力项目最难解决的约束。',
      heroAlt:
        '抽象插图：深蓝灰色的背景上，八座高矮不一的服务器机柜从画面中部向右排成一排，机柜正面是一格格横向插槽，点缀着橙色和青色的小指示灯；机柜上方有一束青色与橙色相间的波浪线从左向右起伏延伸，像流动的电流，机柜脚下有一条细细的地平线。',
      status: 'published',
      publishedAt: '2026-11-22T03:00:00.000Z',
      updatedAt: '2026-11-22T03:00:00.000Z',
      body: `过去两年，衡量AI算力规模的单位悄悄变了：业内谈论一个新项目时，越来越少说“多少张GPU”，而是说“多少兆瓦”甚至“多少吉瓦”。电力正在取代芯片，成为决定算力能以多快速度上线的关键因素。

这一变化在本月英伟达B300开始批量出货后更加明显。正如我们在[B300出货报道](story:b300-shipments-begin)中提到的，一张B300的功耗最高约1,400瓦，是上一代H200的两倍；一整台液冷机柜的功耗已经超过100千瓦。

## 从单卡到园区：一组功耗数字

下表汇总了AI基础设施各个层级的典型功耗，数据来自厂商公开资料和行业估算，实际数值因配置和利用率而异：

| 层级 | 典型功耗 | 说明 |
| --- | --- | --- |
| 英伟达H200单卡 | 最高约700W | 风冷或液冷均可 |
| 英伟达B300单卡 | 最高约1,400W | 基本需要液冷 |
| 八卡HGX B300服务器 | 约14kW | 含CPU、网络和散热 |
| GB300 NVL72整机柜 | 约130kW | 容纳72张GPU的液冷机柜 |
| 传统企业服务器机柜 | 约8～15kW | 以通用计算为主 |
| 大型AI训练集群 | 100～300MW | 数万至十万张加速卡 |
| 规划中的吉瓦级园区 | 1GW以上 | 约相当于数十万户家庭的用电 |

## 模型公司与电力赛跑

OpenAI等模型公司正在与合作伙伴规划多个吉瓦级数据中心园区，这类项目的选址标准已经从“网络和土地”变成了“能不能拿到足够的电”。据行业人士介绍，在美国部分地区，新的大型用电负荷申请并网需要排队数年；一些项目因此先自建燃气发电机组作为过渡，或与核电站、可再生能源项目签订长期购电协议。

用电规模的上升也引起了地方政府和居民的关注。电网扩容的成本最终由谁承担、数据中心会不会推高当地电价，已经成为多个地区听证会上的热门议题。

## 芯片端的节能努力

降低功耗同样是芯片设计和制造环节的重要目标。台积电表示，其每一代先进制程在相同性能下可以把功耗降低约两到三成；英伟达则强调，虽然单卡功耗上升，但每瓦特能完成的推理量大幅提高，完成同样工作所需的总电量在下降。

不过，效率的提升往往会被更大的需求抵消。每次推理的成本下降后，企业就会部署更多模型、处理更多请求，总用电量依然在增长。这种现象在经济学上被称为杰文斯悖论，正在AI行业反复上演。

## 业内正在尝试的办法

面对电力约束，数据中心运营商和芯片厂商正在多个方向同时发力：

- **普及液冷**：液冷不仅是高功耗芯片的刚需，还能降低制冷本身的耗电，使数据中心的电能利用效率更接近理想值。
- **灵活负载**：部分训练任务可以安排在电价较低或可再生能源充足的时段运行，必要时主动降载，以换取更快的并网审批。
- **就近供电**：把数据中心建在发电厂或变电站附近，绕开输电瓶颈。
- **低精度计算**：FP4等低精度格式在精度可控的前提下减少了计算量和数据搬运，从而降低单位任务的能耗。

## 展望

多家研究机构预计，到2030年，数据中心在一些发达经济体总用电量中的占比可能翻倍。对AI行业来说，下一阶段的竞争不仅是模型和芯片之争，也是电力资源之争：谁能更早锁定稳定、廉价且清洁的电力，谁就能在算力扩张中占得先机。`,
      faq: [
        {
          question: '一个吉瓦级数据中心一年用多少电？',
          answer:
            '如果全年满负荷运行，用电量接近90亿千瓦时，大致相当于数十万户家庭一年的用电总和。实际用电量取决于负载率。',
        },
        {
          question: '为什么AI芯片的功耗越来越高？',
          answer:
            '为了在单卡上集成更多计算单元和显存，并以更高频率运行，芯片功耗随之上升；换来的是每瓦性能的提升和更高的部署密度。',
        },
        {
          question: '液冷数据中心更省电吗？',
          answer:
            '通常是的。液冷的散热效率远高于风冷，可以减少空调和风扇的耗电，同时支持更高的机柜功率密度。B300等新一代加速卡的部署情况可参阅我们的[B300出货报道](story:b300-shipments-begin)。',
        },
        {
          question: 'AI用电增长会推高居民电价吗？',
          answer:
            '这取决于各地的电价机制和电网投资的分摊方式。一些地区已开始要求大型数据中心承担更多电网升级成本，以免转嫁给居民。',
        },
      ],
    },
    {
      locale: 'en',
      slug: 'ai-datacenter-power',
      title: "AI data centres' power bill: from 1,400 watts a card to gigawatt campuses",
      summary:
        "As power-hungry accelerators such as Nvidia's B300 are deployed at scale, AI data centres' demand for electricity is growing far faster than grids can expand, and power has replaced chips as the hardest constraint for many compute projects.",
      heroAlt:
        'Abstract illustration: on a dark blue-grey background, eight server racks of differing heights stand in a row from the middle to the right of the frame, their fronts divided into horizontal slots dotted with small orange and cyan status lights; above the racks a bundle of alternating cyan and orange wave lines rises and falls from left to right like flowing current, and a thin horizon line runs beneath their feet.',
      status: 'published',
      publishedAt: '2026-11-22T10:30:00.000Z',
      updatedAt: '2026-11-22T10:30:00.000Z',
      translatedFromRevision: 1,
      body: `Over the past two years the unit for measuring AI compute has quietly changed: when the industry talks about a new project, it speaks less and less of "how many GPUs" and more of "how many megawatts", or even "how many gigawatts". Power is replacing chips as the factor that decides how fast compute can come online.

The shift has become even clearer since Nvidia's B300 entered volume shipments this month. As we noted in our [report on B300 shipments](story:b300-shipments-begin), a single B300 draws up to about 1,400 watts, twice the previous-generation H200, and a complete liquid-cooled rack already draws more than 100 kilowatts.

## From one card to a campus: the numbers

The table below sums up typical power draw at each level of AI infrastructure. The figures come from vendors' published material and industry estimates; actual values vary with configuration and utilisation:

| Level | Typical power | Notes |
| --- | --- | --- |
| Nvidia H200, one card | up to about 700W | air or liquid cooling |
| Nvidia B300, one card | up to about 1,400W | liquid cooling in practice |
| Eight-GPU HGX B300 server | about 14kW | including CPUs, networking and cooling |
| GB300 NVL72 rack | about 130kW | liquid-cooled rack holding 72 GPUs |
| Conventional enterprise server rack | about 8–15kW | mostly general-purpose computing |
| Large AI training cluster | 100–300MW | tens of thousands to a hundred thousand accelerators |
| Planned gigawatt campus | 1GW and more | roughly the consumption of several hundred thousand homes |

## Model companies race for power

Model companies such as OpenAI are planning several gigawatt-scale data-centre campuses with partners, and the test for choosing a site has shifted from "network and land" to "can we get enough power". According to people in the industry, in parts of the United States a new large load can wait years in the queue to connect to the grid; some projects therefore build their own gas-fired generators as a stopgap, or sign long-term power purchase agreements with nuclear plants and renewable projects.

Rising consumption has also drawn the attention of local governments and residents. Who ultimately pays for grid expansion, and whether data centres will push up local electricity prices, have become hot topics at hearings in several regions.

## Saving power at the chip level

Cutting power is an important goal in chip design and manufacturing too. TSMC says each generation of its advanced process nodes reduces power by about 20 to 30 per cent at the same performance; Nvidia stresses that although power per card is rising, the amount of inference done per watt has risen much more, so the total energy needed for the same work is falling.

Efficiency gains, however, tend to be swallowed by greater demand. Once each inference costs less, companies deploy more models and handle more requests, and total consumption keeps growing. Economists call this the Jevons paradox, and it is playing out again and again in AI.

## What the industry is trying

Faced with the power constraint, data-centre operators and chip makers are pushing in several directions at once:

- **Liquid cooling everywhere**: liquid cooling is not only a necessity for power-hungry chips; it also cuts the power spent on cooling itself, bringing a data centre's power usage effectiveness closer to the ideal.
- **Flexible load**: some training jobs can run when electricity is cheap or renewable power plentiful, and scale back when needed, in exchange for faster approval to connect to the grid.
- **Power on site**: building data centres next to power plants or substations sidesteps transmission bottlenecks.
- **Low-precision compute**: low-precision formats such as FP4 reduce computation and data movement while keeping accuracy under control, lowering the energy per task.

## Outlook

Several research groups expect data centres' share of total electricity use in some advanced economies to double by 2030. For the AI industry, the next stage of competition is not only about models and chips but also about power: whoever locks in stable, cheap and clean electricity first will have the edge as compute expands.`,
      faq: [
        {
          question: 'How much electricity does a gigawatt data centre use in a year?',
          answer:
            'Running at full load all year, close to 9 billion kilowatt-hours, roughly what several hundred thousand homes use in a year combined. Actual consumption depends on utilisation.',
        },
        {
          question: 'Why do AI chips draw more and more power?',
          answer:
            'To fit more compute units and memory onto one card and run them at higher clock speeds, power goes up; what it buys is better performance per watt and denser deployments.',
        },
        {
          question: 'Do liquid-cooled data centres use less power?',
          answer:
            'Usually, yes. Liquid cooling removes heat far more efficiently than air, reducing the power spent on air conditioning and fans while allowing higher power density per rack. For how new accelerators such as the B300 are being deployed, see our [report on B300 shipments](story:b300-shipments-begin).',
        },
        {
          question: 'Will AI power demand push up household electricity prices?',
          answer:
            "It depends on each region's pricing rules and how grid investment is shared out. Some regions have begun requiring large data centres to bear more of the cost of grid upgrades, so that it is not passed on to households.",
        },
      ],
    },
  ],
};

const chinaAiChipRules: StoryInput = {
  section: 'industry',
  sourceLocale: 'zh',
  heroImage: 'hero-china-ai-chip-rules.webp',
  entities: ['nvidia', 'amd', 'h200'],
  sources: [
    {
      url: 'https://policy.example.com/2026/11/ai-chip-export-rule-update',
      publisher: 'Example Policy Monitor',
      author: 'Rebecca Stahl',
      publishedAt: '2026-11-24T16:00:00.000Z',
    },
    {
      url: 'https://tradelaw.example.org/notes/2026-11-quota-licensing-explained',
      publisher: 'Example Trade Law Notes',
      author: '许文博',
      publishedAt: '2026-11-25T01:00:00.000Z',
    },
  ],
  createdAt: '2026-11-25T01:40:00.000Z',
  updatedAt: '2026-11-25T10:00:00.000Z',
  shareCount: 21,
  variants: [
    {
      locale: 'zh',
      slug: 'china-ai-chip-rules',
      title: '美国调整AI芯片对华出口规则：H200改为配额许可，HBM单独纳入管控',
      summary:
        '美国商务部发布新的AI芯片出口管制规则，把H200等上一代加速卡对中国客户的出口由逐案审批改为年度配额许可，并首次将高带宽内存单独纳入管控，英伟达和AMD需要重新评估在华业务。',
      heroAlt:
        '抽象插图：灰蓝色渐变背景上，一枚方形芯片封装位于画面左侧约三分之一处，芯片内核被划分成四乘四的小方格，其中四格亮着珊瑚色；细细的蓝灰色走线从四周引脚向外延伸，以45度角转折后止于小圆形焊盘，几个焊盘呈珊瑚色，画面底部有一束蓝色与珊瑚色交织的波浪线缓缓流过。',
      status: 'published',
      publishedAt: '2026-11-25T03:30:00.000Z',
      updatedAt: '2026-11-25T03:30:00.000Z',
      body: `美国商务部工业与安全局于11月24日发布了一套新的人工智能芯片出口管制规则，对向中国出口数据中心加速卡的做法作出多项调整。新规将于2027年1月起生效，给企业留出约一个月的过渡期。

这是近两年来对华AI芯片出口政策的又一次重要修订。与以往主要依据算力阈值划定禁止范围的做法不同，新规更强调“总量管理”：部分上一代产品可以在配额内出口，而最先进的产品和关键配套部件则被进一步收紧。

## 新规的主要变化

根据公布的文件，新规的核心内容包括：

1. **上一代产品改为配额许可**：H200及性能相当的加速卡，对中国客户的出口由逐案审批改为年度配额制，配额按出口企业分配，买方须通过最终用户审查。
2. **最新架构继续禁止**：Blackwell系列及之后的架构，以及AMD MI350系列等同级产品，仍不在许可范围之内。
3. **HBM单独管控**：高带宽内存首次被单独列入管控清单，单独出口HBM堆栈同样需要许可，以防其被用于组装其他加速卡。
4. **云端访问纳入审查**：通过境外数据中心向受限实体提供大规模算力租用的服务商，须进行客户身份核查。
5. **合规报告**：获得配额的企业须按季度报告出货对象、数量和用途。

## 对英伟达和AMD的影响

对英伟达而言，新规带来的是有限的确定性。H200在中国市场有稳定需求，配额制意味着公司可以提前规划出货，而不必为每一笔订单等待审批。但配额总量尚未公布，分析人士普遍预计，它将明显低于中国市场的实际需求。

AMD的处境类似。其上一代Instinct产品在性能上与H200相当，也将纳入配额管理，而主力产品MI355X仍被排除在外。两家公司均表示正在评估新规的影响，并将遵守相关规定。

## 中国买家的应对

对中国的云厂商和模型公司来说，新规在短期内提供了一条获得合规算力的渠道，但数量有限、成本不低。多位业内人士表示，企业会把配额内的H200优先用于训练和对延迟要求高的在线服务，同时继续扩大国产加速卡的采购。

HBM管控的影响可能更为深远。国产AI芯片的性能在很大程度上取决于能否获得高带宽内存，国内内存厂商虽已在推进自主研发，但在产能和技术代际上仍有差距。

## 仍待明确的问题

新规发布后，以下问题仍有待进一步明确：

- 配额的具体数量和分配方式，以及是否会根据市场情况调整；
- 最终用户审查的标准和时限；
- 云端算力租用的核查范围是否会扩大到中小规模客户；
- 已签订但尚未交付的订单如何处理。

商务部表示，将在过渡期内发布常见问题解答，并接受企业的书面意见。`,
      faq: [
        {
          question: '新规什么时候生效？',
          answer: '新规于2027年1月起生效，发布后有约一个月的过渡期，其间已获批准的许可继续有效。',
        },
        {
          question: '中国企业还能买到H200吗？',
          answer: '可以，但必须在出口企业获得的年度配额范围内，并通过最终用户审查。配额总量尚未公布。',
        },
        {
          question: '为什么要单独管控高带宽内存？',
          answer: 'HBM是高端AI加速卡的关键部件。单独管控是为了防止受限方通过采购内存，自行组装高性能加速卡。',
        },
        {
          question: '新规对普通消费者有影响吗？',
          answer:
            '基本没有。新规针对的是数据中心加速卡和高带宽内存，不涉及消费级显卡以及电脑、手机中的芯片。',
        },
      ],
    },
    {
      locale: 'en',
      slug: 'china-ai-chip-rules',
      title:
        'US revises AI chip export rules for China: quota licences for the H200, separate controls on HBM',
      summary:
        'The US Commerce Department has issued new export-control rules for AI chips, moving exports of previous-generation accelerators such as the H200 to Chinese customers from case-by-case approval to annual quota licences and, for the first time, controlling high-bandwidth memory on its own; Nvidia and AMD must reassess their business in China.',
      heroAlt:
        'Abstract illustration: on a grey-blue gradient background, a square chip package sits about a third of the way in from the left; its die is divided into a four-by-four grid of small cores, four of them lit coral, and thin blue-grey traces run out from the pins on every side, bending at 45 degrees before ending in small round pads, a few of them coral, while a bundle of blue and coral wave lines drifts slowly along the bottom of the frame.',
      status: 'published',
      publishedAt: '2026-11-25T10:00:00.000Z',
      updatedAt: '2026-11-25T10:00:00.000Z',
      translatedFromRevision: 1,
      body: `The US Commerce Department's Bureau of Industry and Security on 24 November issued a new set of export-control rules for artificial-intelligence chips, making several changes to how data-centre accelerators may be exported to China. The rules take effect in January 2027, giving companies about a month to adjust.

It is another major revision of US policy on AI chip exports to China in the past two years. Unlike earlier rules, which drew the line mainly by compute thresholds, the new rules put more weight on managing total volumes: some previous-generation products may be exported within quotas, while the most advanced products and key components are tightened further.

## The main changes

According to the published documents, the core of the new rules is:

1. **Quota licences for previous-generation products**: exports of the H200 and accelerators of comparable performance to Chinese customers move from case-by-case approval to an annual quota, allocated by exporting company, and buyers must pass an end-user review.
2. **The newest architectures stay banned**: the Blackwell family and later architectures, and equivalent products such as AMD's MI350 series, remain outside any licence.
3. **Separate controls on HBM**: high-bandwidth memory is listed on its own for the first time, so exporting HBM stacks by themselves also requires a licence, to stop them being used to assemble other accelerators.
4. **Cloud access under review**: providers that rent large amounts of compute to restricted entities through data centres abroad must verify their customers' identities.
5. **Compliance reporting**: companies holding quotas must report each quarter whom they shipped to, how much and for what use.

## What it means for Nvidia and AMD

For Nvidia, the new rules bring a limited degree of certainty. The H200 has steady demand in China, and a quota system means the company can plan shipments ahead instead of waiting for approval of every order. But the total quota has not been announced, and analysts broadly expect it to be well below what the Chinese market actually wants.

AMD is in a similar position. Its previous-generation Instinct products, comparable in performance to the H200, will also come under the quota, while its flagship MI355X remains excluded. Both companies say they are assessing the impact of the rules and will comply with them.

## How Chinese buyers are responding

For Chinese cloud providers and model companies, the rules offer a short-term channel to compliant compute, but in limited quantities and at no small cost. Several people in the industry say companies will give quota H200s first to training and latency-sensitive online services, while continuing to buy more domestic accelerators.

The HBM controls may have deeper effects. The performance of domestic AI chips depends heavily on access to high-bandwidth memory, and although Chinese memory makers are pressing ahead with their own development, they still lag in capacity and technology generation.

## Questions still open

After the rules were published, these questions remain to be clarified:

- how large the quotas will be, how they will be allocated, and whether they will be adjusted to market conditions;
- the criteria and time limits for end-user reviews;
- whether checks on cloud compute rental will extend to small and mid-sized customers;
- what happens to orders signed but not yet delivered.

The Commerce Department says it will publish answers to frequently asked questions during the transition period and will accept written comments from companies.`,
      faq: [
        {
          question: 'When do the new rules take effect?',
          answer:
            'In January 2027, after a transition period of about a month from publication; licences already approved remain valid during that time.',
        },
        {
          question: 'Can Chinese companies still buy the H200?',
          answer:
            'Yes, but only within the annual quota granted to the exporting company, and after passing an end-user review. The total quota has not been announced.',
        },
        {
          question: 'Why control high-bandwidth memory separately?',
          answer:
            'HBM is a key component of high-end AI accelerators. Controlling it separately is meant to stop restricted parties from buying the memory and assembling high-performance accelerators themselves.',
        },
        {
          question: 'Do the rules affect ordinary consumers?',
          answer:
            'Hardly at all. They target data-centre accelerators and high-bandwidth memory, not consumer graphics cards or the chips in computers and phones.',
        },
      ],
    },
  ],
};

// Only a Chinese variant: readers of other locales are shown this one through the fallback rules.
const edgeAiPhones: StoryInput = {
  section: 'industry',
  sourceLocale: 'zh',
  heroImage: 'hero-edge-ai-phones.webp',
  entities: ['qwen', 'alibaba-cloud'],
  sources: [
    {
      url: 'https://mobile.example.com/2026/11/on-device-qwen-models',
      publisher: 'Example Mobile Tech',
      author: '陈思远',
      publishedAt: '2026-11-26T08:00:00.000Z',
    },
  ],
  createdAt: '2026-11-26T15:00:00.000Z',
  updatedAt: '2026-11-27T01:00:00.000Z',
  shareCount: 3,
  variants: [
    {
      locale: 'zh',
      slug: 'edge-ai-phones',
      title: '大模型装进手机：阿里云发布端侧通义千问小模型，断网也能用',
      summary:
        '阿里云推出一组专为手机优化的通义千问端侧模型，其中15亿参数版本经4位量化后仅占约1GB存储，可以在主流旗舰手机上离线完成摘要、翻译和图片理解等任务。',
      heroAlt:
        '抽象插图：深海军蓝渐变背景上，一枚方形芯片封装位于画面左侧，芯片内核被划分成四乘四的小方格，其中四格亮着柔和的珊瑚色；密集的蓝灰色走线从芯片四周引出，向上、向下和向两侧延伸并以45度角转折，末端是小圆形焊盘，画面底部有蓝色与珊瑚色相间的波浪线轻轻起伏。',
      status: 'published',
      publishedAt: '2026-11-27T01:00:00.000Z',
      updatedAt: '2026-11-27T01:00:00.000Z',
      body: `阿里云于11月26日发布了一组专为手机等端侧设备优化的通义千问小模型。这组模型以开放权重形式提供，参数规模从5亿到40亿不等，经过量化后可以直接在手机芯片上运行，不需要连接云端。阿里云表示，已有多家国内手机厂商在测试将其集成到系统级助手中。

过去两年，端侧AI一直是手机行业的宣传重点，但真正能在本地完成的任务有限，稍复杂的请求仍要交给云端处理。随着小模型能力的提升和手机芯片中神经网络处理器（NPU）的增强，这一局面正在改变。

## 三个规格

此次发布的端侧模型共有三个规格：

1. **0.5B版本**：约5亿参数，量化后约300MB，适合输入法联想、短文本分类等轻量任务，中端手机也能运行。
2. **1.5B版本**：约15亿参数，量化后约1GB，支持摘要、改写和多语言翻译，是手机厂商最关注的版本。
3. **4B版本**：约40亿参数，支持图片理解和简单的多步骤任务，建议在内存12GB以上的旗舰机上使用。

三个版本都支持32K上下文，并提供针对主流手机芯片的推理运行时。阿里云称，在一款旗舰手机上，1.5B版本的生成速度可以达到每秒30个token以上。

## 为什么要在本地运行

把模型放在手机上运行，主要有三方面的好处：

- **隐私**：聊天记录、相册和通讯录等敏感数据不必上传到云端。
- **延迟与离线**：不依赖网络，在地铁、飞机等信号不佳的场景中也能使用，响应速度也更稳定。
- **成本**：对手机厂商和应用开发者来说，每一次在本地完成的请求，都能省下一笔云端推理费用。

## 挑战依然存在

端侧模型也有明显的局限。首先是能力上限：几十亿参数的模型在复杂推理、长文写作和专业知识方面，仍明显弱于云端大模型。因此大多数厂商采用“端云协同”的方案，由手机上的小模型处理简单请求，复杂任务再转交云端。

其次是资源占用。模型常驻内存会挤占其他应用的空间，持续推理还会带来发热和耗电。手机厂商需要在系统层面精细调度，比如只在充电时进行后台处理，或根据电量动态切换模型规格。

## 对行业的意义

分析人士认为，开放权重的端侧模型降低了手机厂商自研AI助手的门槛，中小品牌也可以在此基础上做定制。对阿里云来说，端侧模型与云端的通义千问系列形成互补，有助于扩大整个模型家族的开发者生态。预计明年上半年上市的新款手机中，会有更多机型把本地大模型作为标准配置。`,
      faq: [
        {
          question: '端侧模型需要联网吗？',
          answer:
            '不需要。模型下载到手机后即可离线运行，只有当用户选择调用云端大模型处理复杂任务时才需要联网。',
        },
        {
          question: '旧款手机能用吗？',
          answer:
            '0.5B版本对硬件要求较低，近三年的多数中端手机都可以运行；1.5B和4B版本建议在配备较新NPU、内存8GB以上的机型上使用。',
        },
        {
          question: '这些模型可以商用吗？',
          answer: '可以。模型以开放权重形式发布，采用宽松的许可证，允许商业使用和修改，但需保留许可证声明。',
        },
        {
          question: '在本地运行会不会很耗电？',
          answer:
            '持续生成长文本时功耗会明显上升，但日常的短任务耗电有限。手机厂商通常会通过系统调度控制后台推理，减少对续航的影响。',
        },
      ],
    },
  ],
};

/** Part B of the demo stories, in no particular order; `edge-ai-phones` is Chinese only. */
export const demoStoriesB: StoryInput[] = [
  b300Shipments,
  geminiEnterpriseAgents,
  metaLlamaPreview,
  aiDatacenterPower,
  chinaAiChipRules,
  edgeAiPhones,
];
