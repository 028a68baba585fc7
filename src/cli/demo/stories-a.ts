import type { StoryInput } from '../../stories/types.js';

// Demo stories, part A: fictional news from November 2026, written for this project. Times are UTC;
// the translated variant goes live a few hours after the source-language one, as on a real desk.

const nvidiaOpenModels: StoryInput = {
  section: 'ai-models',
  sourceLocale: 'zh',
  heroImage: 'hero-nvidia-26b-open-models.webp',
  entities: ['nvidia', 'amd', 'open-weights', 'b300'],
  sources: [
    {
      url: 'https://newsroom.example.com/2026/11/nvidia-open-model-commitment',
      publisher: 'Example Newswire',
      author: 'Dana Whitfield',
      publishedAt: '2026-11-17T21:00:00.000Z',
    },
    {
      url: 'https://www.example.org/analysis/2026/11/open-models-and-the-gpu-business',
      publisher: 'Example Compute Review',
      author: '周启明',
      publishedAt: '2026-11-18T00:40:00.000Z',
    },
  ],
  createdAt: '2026-11-17T23:10:00.000Z',
  updatedAt: '2026-11-18T07:00:00.000Z',
  shareCount: 11,
  variants: [
    {
      locale: 'zh',
      slug: 'nvidia-26b-open-models',
      title: '英伟达承诺投入260亿美元发展开放AI模型',
      summary:
        '英伟达宣布未来五年投入260亿美元，用于自研开放权重模型、向研究机构提供算力资助并公开训练数据，意在让开放模型生态继续围绕自家GPU和软件栈运转。',
      heroAlt:
        '一块英伟达数据中心GPU模组平放在深色工作台上，金属散热片反射着蓝绿色灯光；背景的大屏幕上显示开放模型的下载排行榜和几行推理代码，画面右下角叠加着“260亿美元”的字样。',
      status: 'published',
      publishedAt: '2026-11-18T01:30:00.000Z',
      updatedAt: '2026-11-18T01:30:00.000Z',
      body: `英伟达于11月17日宣布，将在未来五年内投入260亿美元支持开放AI模型的研发。这笔资金覆盖自研开放权重模型、面向高校与初创公司的算力资助、公开训练数据集以及配套的推理软件。按照公司的说法，这是其历史上针对单一软件方向作出的最大一笔承诺。

消息出炉的时间点颇为微妙。过去一年，开放权重模型在能力上快速逼近闭源前沿模型，来自中国的通义千问、深度求索等团队贡献了下载量最高的一批模型，而多家云厂商也在加速推出自研加速芯片。对一家以卖硬件为主业的公司来说，亲自下场培育开放模型，既是生态投资，也是一种防守。

## 260亿美元怎么花

英伟达在公告中把资金拆成五个部分，但没有给出每一项的精确金额，只说明前两项合计会占到总额的大半。

1. **自研开放模型**：公司将持续发布从数十亿到数千亿参数不等的语言、视觉与语音模型，权重、训练配方和评测结果一并公开，首批新模型计划于2027年第一季度上线。
2. **算力资助**：高校实验室、非营利研究机构和早期初创公司可以申请免费或低价的GPU时长，资助以托管集群的形式提供，而不是直接发放硬件。
3. **开放数据集**：英伟达承诺整理并公开用于预训练和后训练的大规模数据，附带来源说明与过滤规则，方便外部团队复现和审查。
4. **推理软件栈**：推理服务器、量化工具和编排框架将继续以开源许可证发布，重点优化长上下文和多智能体协作的场景。
5. **安全与评测**：一部分资金将用于第三方红队测试和公开基准，公司表示评测方法本身也会开源，接受外部检验。

值得注意的是，公告中反复使用的是“开放权重”而不是“开源”。业内对两者的区别已经争论了很久：前者通常只公开模型参数，后者还要求训练代码和数据可以获得。英伟达这次承诺同时公开数据与配方，离严格意义上的开源更近了一步，但最终采用哪种许可证仍要看具体模型。想了解不同许可证在商用、署名和用户数上的差别，可以参考我们此前的[开放权重许可证指南](story:open-weights-licensing-guide)。

## 卖芯片的公司为什么要做模型

表面上看，英伟达并不需要亲自训练模型：它的客户，包括云厂商、模型公司和大型企业，本来就在大量采购它的GPU。但分析人士普遍认为，这笔投资背后至少有三层考虑。

第一，开放模型是推理需求的放大器。闭源模型的推理集中在少数几家公司的数据中心里，而开放模型会被成千上万家企业下载、微调，再部署到自己的机房或私有云中。每多一次私有部署，就多一份加速卡的采购需求。

第二，英伟达需要对冲大客户自研芯片带来的风险。谷歌的TPU、亚马逊的Trainium以及多家公司的定制加速器，正在分走一部分训练和推理的份额。如果最受欢迎的开放模型首先在CUDA上完成优化，企业迁移到其他硬件时就要付出额外的工程成本。

第三，公司希望影响开放模型的技术路线。由硬件厂商亲自发布参考模型，可以把低精度数值格式、稀疏化和新的注意力结构更快地推向整个生态，让软件演进与Blackwell Ultra乃至下一代架构保持同步。

一位长期跟踪半导体行业的分析师在接受本站采访时表示：“这不是慈善，而是一笔成本很低的市场开发费用。260亿美元分摊到五年，只相当于英伟达单季营收的一小部分，换来的却可能是整个开放生态的默认平台地位。”

## 与AMD的路线对比

AMD同样在争取开放模型的开发者，但手段不同。下表逐项对照两家公司目前公开的做法：

| 英伟达 | AMD |
| --- | --- |
| **资金**：五年投入260亿美元，设立专项计划 | **资金**：未公布专项金额，主要通过合作项目投入 |
| **自研模型**：自行训练并发布多种规模的开放权重模型 | **自研模型**：以小规模参考模型为主，重点是适配外部模型 |
| **软件栈**：CUDA生态成熟，推理工具持续开源 | **软件栈**：ROCm整体开源，近两年兼容性明显改善 |
| **算力资助**：托管集群，面向高校和初创公司 | **算力资助**：通过云合作伙伴发放开发者额度 |
| **主力硬件**：Blackwell Ultra B300 | **主力硬件**：Instinct MI355X |

AMD的优势在于显存容量和开源软件的姿态。MI355X单卡配备288GB显存，运行超大参数模型时可以减少卡间切分；ROCm从驱动到编译器都已开源，这让一些重视透明度的研究团队更愿意尝试。英伟达这次把自研开放模型作为核心投入，等于在AMD最擅长讲述的开放故事上正面迎战。

对开发者来说，竞争本身是好消息。两家公司都在争取让最新的开放模型在发布当天就能在自家硬件上高效运行，这意味着更短的适配周期、更低的部署门槛，以及在采购谈判中多一个可以比较的选项。

## 内存与供应链仍是瓶颈

资金之外，真正决定这项计划推进速度的很可能是硬件供应。训练和服务大规模开放模型需要大量配备高带宽内存的加速卡，而这类内存的产能在2027年之前都相当紧张。我们在[高带宽内存短缺分析](story:hbm-shortage-2027)中提到，三大内存厂商新增的产能大多已被提前预订，英伟达自己的B300出货也同时受到封装和内存的制约。

这带来一个现实问题：算力资助项目需要的GPU，将与付费客户的订单争夺同一批产能。英伟达表示资助集群会分批上线，首批规模为数千张卡，并承诺不会挤占已签约客户的交付。但如果需求继续超出预期，资助项目很可能成为最先被推迟的部分。

## 质疑的声音

并非所有人都对这项计划表示欢迎。一些开源社区成员担心，由硬件巨头主导的开放模型会在不知不觉中绑定特定平台：模型虽然可以在任何硬件上运行，但最佳性能只出现在CUDA上。也有研究者指出，开放的含义最终取决于许可条款，如果许可证附带使用限制或用户数上限，开放的价值就会大打折扣。

数据问题同样受到关注。公开训练数据意味着要接受版权与隐私方面的审查，英伟达表示将公布数据来源并提供退出机制，但具体细则尚未发布。在监管层面，欧盟人工智能法案对通用模型提供者提出了透明度要求，这也会影响这些模型在欧洲的发布方式。

## 接下来值得关注什么

按照英伟达给出的时间表，算力资助的申请通道将于12月开放，首批获批名单预计在2027年初公布；新一代自研模型计划于2027年第一季度发布，并同步公开训练配方。公司还表示，会每半年发布一次资金使用报告，列出资助对象和已发布的模型。

对整个行业而言，这项计划的意义在于：开放模型不再只是研究机构和挑战者手中的武器，也成了硬件平台之争的主战场。接下来几个月，AMD、谷歌以及国内芯片厂商会如何回应，值得持续观察。`,
      faq: [
        {
          question: '这260亿美元会一次性投入吗？',
          answer:
            '不会。英伟达表示资金将在五年内分批投入，并计划每半年公布一次使用情况。其中自研模型和算力资助两项合计占总额的大半，其余用于数据集、软件和安全评测。',
        },
        {
          question: '英伟达的开放模型会采用什么许可证？',
          answer:
            '公司只说明权重、训练配方和部分数据会公开，具体许可证将按模型逐一公布。不同许可证在商用、署名和用户数上限上的要求差别很大，可参阅我们的[开放权重许可证指南](story:open-weights-licensing-guide)。',
        },
        {
          question: '这些模型只能在英伟达GPU上运行吗？',
          answer:
            '不是。开放权重模型可以在任何支持相应格式的硬件上运行，包括AMD的Instinct系列和各类云端加速器。不过英伟达会优先针对自家推理软件做优化，模型刚发布时在CUDA上的性能可能更好。',
        },
        {
          question: '个人开发者可以申请算力资助吗？',
          answer:
            '首批资助面向高校实验室、非营利研究机构和早期初创公司，个人开发者暂时不在范围之内。英伟达表示，之后可能会通过社区项目提供少量额度。',
        },
        {
          question: '这项计划对AMD意味着什么？',
          answer:
            '短期内，AMD需要证明新发布的开放模型在其硬件上同样可以开箱即用；长期来看，开放模型越普及，企业私有部署的需求就越大，这对两家公司的加速卡销售都有利。',
        },
        {
          question: '运行这些开放模型应该选择哪款GPU？',
          answer:
            '这取决于模型规模和预算：数百亿参数的模型用一张大显存加速卡就能运行，千亿参数级别的模型则需要多卡服务器。我们的[GPU专题页](/zh/gpus)汇总了B300、MI355X和H200等型号的显存、带宽与功耗数据，可作为选型参考。',
        },
      ],
    },
    {
      locale: 'en',
      slug: 'nvidia-26b-open-models',
      title: 'Nvidia commits $26B to open AI models',
      summary:
        'Nvidia says it will spend $26 billion over five years on its own open-weights models, compute grants for researchers and public training data, a bet that keeps the open-model ecosystem running on its GPUs and software.',
      heroAlt:
        'An Nvidia data-centre GPU module lies flat on a dark workbench, its metal heat sink reflecting blue-green light; a large screen in the background shows a leaderboard of open-model downloads and a few lines of inference code, with the figure "$26 billion" overlaid in the lower right corner.',
      status: 'published',
      publishedAt: '2026-11-18T07:00:00.000Z',
      updatedAt: '2026-11-18T07:00:00.000Z',
      body: `Nvidia announced on 17 November that it will spend $26 billion over the next five years on open AI models. The money covers its own open-weights models, compute grants for universities and start-ups, public training datasets and the inference software that goes with them. By the company's account, it is the largest commitment it has ever made to a single software effort.

The timing is telling. Over the past year open-weights models have closed much of the gap with closed frontier models, teams in China such as Qwen and DeepSeek have produced many of the most downloaded releases, and several cloud providers are hurrying out accelerators of their own. For a company whose main business is selling hardware, raising open models itself is an ecosystem investment and a defensive move at once.

## Where the $26 billion goes

Nvidia's announcement splits the money into five parts. It gives no exact figure for each, saying only that the first two together will take most of the total.

1. **In-house open models**: the company will keep releasing language, vision and speech models ranging from a few billion to several hundred billion parameters, publishing weights, training recipes and evaluation results together. The first new models are due in the first quarter of 2027.
2. **Compute grants**: university labs, non-profit research institutes and early-stage start-ups can apply for free or discounted GPU hours, delivered as time on hosted clusters rather than as hardware.
3. **Open datasets**: Nvidia promises to curate and publish large pre-training and post-training datasets, with notes on their origins and filtering rules, so that outside teams can reproduce and scrutinise the work.
4. **Inference software**: its inference servers, quantisation tools and orchestration frameworks will stay under open-source licences, with the focus on long contexts and multi-agent workloads.
5. **Safety and evaluation**: part of the money will pay for third-party red-teaming and public benchmarks, and the company says the evaluation methods themselves will be open-sourced for outside review.

Notably, the announcement consistently says "open weights" rather than "open source". The industry has long argued over the difference: the first usually means only the model parameters are published, while the second also requires training code and data to be available. By promising data and recipes as well, Nvidia moves closer to open source in the strict sense, but the licence will still be decided model by model. For how licences differ on commercial use, attribution and user caps, see our earlier [guide to open-weights licences](story:open-weights-licensing-guide).

## Why a chip company is building models

On the surface, Nvidia has no need to train models itself: its customers, from cloud providers and model labs to large enterprises, already buy its GPUs in bulk. Analysts broadly see at least three motives behind the investment.

First, open models amplify demand for inference. Serving closed models is concentrated in a handful of companies' data centres, whereas open models are downloaded and fine-tuned by thousands of businesses and then deployed in their own server rooms or private clouds. Every additional private deployment is another order for accelerators.

Second, Nvidia needs a hedge against its biggest customers' in-house chips. Google's TPUs, Amazon's Trainium and custom accelerators at several other companies are taking a share of training and inference. If the most popular open models are optimised for CUDA first, companies pay an extra engineering cost to move to other hardware.

Third, the company wants a say in the technical direction of open models. A hardware maker that publishes reference models can push low-precision number formats, sparsity and new attention designs across the ecosystem faster, keeping software in step with Blackwell Ultra and the architectures that follow it.

"This isn't charity, it's a very cheap market-development budget," an analyst who has followed the semiconductor industry for many years told us. "Spread over five years, $26 billion is a small fraction of one quarter of Nvidia's revenue, and what it may buy is the default-platform position for the whole open ecosystem."

## How it compares with AMD

AMD is also courting open-model developers, but by different means. The table below sets the two companies' published approaches side by side:

| Nvidia | AMD |
| --- | --- |
| **Funding**: $26 billion over five years in a dedicated programme | **Funding**: no dedicated figure; money flows mainly through partnerships |
| **Own models**: trains and releases open-weights models at several sizes | **Own models**: mostly small reference models; the focus is on supporting outside models |
| **Software**: mature CUDA ecosystem, inference tools kept open source | **Software**: ROCm is open source throughout, with much better compatibility in the past two years |
| **Compute grants**: hosted clusters for universities and start-ups | **Compute grants**: developer credits through cloud partners |
| **Flagship hardware**: Blackwell Ultra B300 | **Flagship hardware**: Instinct MI355X |

AMD's strengths are memory capacity and its open-source stance. Each MI355X carries 288GB of memory, which means less splitting across cards when running very large models, and ROCm is open source from the driver to the compiler, which makes some transparency-minded research teams more willing to try it. By putting its own open models at the centre of its spending, Nvidia is confronting AMD head-on in the openness story AMD tells best.

For developers, the competition itself is good news. Both companies are trying to make the newest open models run well on their hardware on the day of release, which means shorter porting cycles, lower deployment barriers and one more option to compare when negotiating a purchase.

## Memory and supply are still the bottleneck

Beyond the money, what really sets the pace of the plan may be hardware supply. Training and serving large open models takes a great many accelerators with high-bandwidth memory, and capacity for that memory stays tight until 2027. As our [analysis of the high-bandwidth memory shortage](story:hbm-shortage-2027) noted, most of the new capacity at the three big memory makers is already booked, and Nvidia's own B300 shipments are constrained by both packaging and memory.

That raises a practical problem: the GPUs the grant programme needs will compete with paying customers' orders for the same capacity. Nvidia says the grant clusters will come online in phases, starting with several thousand cards, and promises not to take deliveries away from customers under contract. But if demand keeps running ahead of forecasts, the grant programme may well be the first thing to slip.

## The sceptics

Not everyone welcomes the plan. Some members of the open-source community worry that open models led by a hardware giant will quietly tie users to one platform: the models run on any hardware, but peak performance shows up only on CUDA. Other researchers point out that what "open" means depends in the end on the licence terms; if a licence carries use restrictions or a cap on users, much of the value of openness is lost.

Data draws attention too. Publishing training data means facing copyright and privacy scrutiny. Nvidia says it will disclose its data sources and offer an opt-out, but the details have not been released. On the regulatory side, the European Union's AI Act sets transparency requirements for providers of general-purpose models, which will shape how these models are released in Europe.

## What to watch next

On Nvidia's timetable, applications for compute grants open in December, with the first recipients expected to be announced in early 2027; the next generation of its own models is planned for the first quarter of 2027, with training recipes published at the same time. The company also says it will report on spending every six months, listing grant recipients and released models.

For the industry, the significance of the plan is that open models are no longer just a weapon for research institutes and challengers; they have become a main battleground in the contest between hardware platforms. How AMD, Google and China's chipmakers respond over the coming months is worth following closely.`,
      faq: [
        {
          question: 'Will the $26 billion be spent all at once?',
          answer:
            'No. Nvidia says the money will be spent in stages over five years, with a report on its use every six months. The in-house models and the compute grants together take most of the total; the rest goes to datasets, software and safety evaluation.',
        },
        {
          question: "What licence will Nvidia's open models use?",
          answer:
            'The company has said only that weights, training recipes and some data will be published; the licence will be announced model by model. Licences differ widely on commercial use, attribution and user caps; see our [guide to open-weights licences](story:open-weights-licensing-guide).',
        },
        {
          question: 'Will these models run only on Nvidia GPUs?',
          answer:
            "No. Open-weights models run on any hardware that supports their format, including AMD's Instinct line and the various cloud accelerators. Nvidia will optimise for its own inference software first, though, so performance on CUDA may be better when a model first comes out.",
        },
        {
          question: 'Can individual developers apply for compute grants?',
          answer:
            'The first round is for university labs, non-profit research institutes and early-stage start-ups; individual developers are not included for now. Nvidia says it may later offer small allowances through community programmes.',
        },
        {
          question: 'What does the plan mean for AMD?',
          answer:
            'In the short term, AMD has to show that newly released open models work out of the box on its hardware too. In the long term, the more widespread open models become, the more companies deploy privately, which helps both firms sell accelerators.',
        },
        {
          question: 'Which GPU should I choose to run these open models?',
          answer:
            'It depends on model size and budget: a model with tens of billions of parameters runs on a single high-memory accelerator, while one with hundreds of billions needs a multi-GPU server. Our [GPU hub](/en/gpus) collects memory, bandwidth and power figures for the B300, MI355X, H200 and other models to help you choose.',
        },
      ],
    },
  ],
};

const hbmShortage: StoryInput = {
  section: 'chips',
  sourceLocale: 'zh',
  heroImage: 'hero-hbm-shortage-2027.webp',
  entities: ['hbm', 'nvidia', 'amd', 'tsmc'],
  sources: [
    {
      url: 'https://newsroom.example.com/2026/11/hbm-supply-outlook-2027',
      publisher: 'Example Semiconductor Daily',
      author: 'Priya Raman',
      publishedAt: '2026-11-11T08:00:00.000Z',
    },
  ],
  createdAt: '2026-11-12T01:20:00.000Z',
  updatedAt: '2026-11-12T09:15:00.000Z',
  variants: [
    {
      locale: 'zh',
      slug: 'hbm-shortage-2027',
      title: '高带宽内存供应紧张或延续至2027年，AI加速卡交付承压',
      summary:
        '三大内存厂商的高带宽内存产能已基本被预订到2027年，HBM4爬坡与先进封装瓶颈叠加，英伟达和AMD新一代加速卡的交付节奏都可能因此放缓。',
      heroAlt:
        '一张高带宽内存堆栈的剖面示意图：十二层DRAM芯片像薄饼一样垂直叠放，由细密的硅通孔连接到底部的逻辑芯片，旁边是一颗AI加速芯片，二者共同安装在硅中介层上，背景是晶圆厂洁净室的模糊灯光。',
      status: 'published',
      publishedAt: '2026-11-12T03:00:00.000Z',
      updatedAt: '2026-11-12T03:00:00.000Z',
      body: `高带宽内存（HBM）正在成为AI算力供应链中最紧的一环。多家供应链人士本周表示，三大内存厂商在2027年的HBM产能已基本被长期合同锁定，新的订单即使现在下达，交付也要排到2027年下半年。

这意味着，今年以来GPU产量的提升并不能完全转化为可交付的加速卡。一张高端AI加速卡需要搭配六到八个HBM堆栈，只要内存缺一块，整张卡就无法出厂。

## 产能为什么跟不上

HBM的生产难度远高于普通内存。它需要把十二层甚至更多的DRAM芯片垂直堆叠，再通过数以千计的硅通孔互连，任何一层出现缺陷都可能让整个堆栈报废。业内普遍估计，生产同样容量的数据，HBM消耗的晶圆面积大约是普通服务器内存的三倍。

更大的变化来自HBM4。新一代产品把接口位宽从1024位翻倍到2048位，底部的逻辑芯片也开始改用台积电等代工厂的先进逻辑工艺制造。这让内存厂商与代工厂的排产第一次深度绑定，任何一方的良率波动都会传导到另一方。

## 各代HBM规格对比

下表列出了近几代HBM的主要规格和典型搭载产品，数据为行业标准或厂商公开的典型值：

| 代际 | 单引脚速率 | 单堆栈带宽 | 单堆栈最大容量 | 典型搭载产品 |
| --- | --- | --- | --- | --- |
| HBM2E | 约3.6Gb/s | 约460GB/s | 16GB | 英伟达A100 |
| HBM3 | 约6.4Gb/s | 约819GB/s | 24GB | 英伟达H100 |
| HBM3E | 约9.6Gb/s | 约1.2TB/s | 36GB | 英伟达H200、B300，AMD MI355X |
| HBM4 | 8Gb/s起 | 2TB/s以上 | 48GB起 | 2027年前后的新一代加速卡 |

## 对英伟达和AMD的影响

英伟达的B300和AMD的MI355X都采用八个十二层HBM3E堆栈，单卡容量均为288GB。容量上去了，对内存的消耗也成倍增加。据供应链人士估算，仅这两款产品在2026年第四季度的需求，就占据了全球HBM3E产出的相当大一部分。

英伟达凭借采购规模和长期合同，拿到了最多的份额，但它同样受制于台积电CoWoS封装的产能。AMD则通过与多家内存厂商同时签约来分散风险。两家公司都表示，下一代产品会转向HBM4，这让2027年的产能分配显得更加关键。

## 买家如何应对

内存紧张已经反映在价格上。多家云厂商人士透露，HBM的合同价格今年以来持续上涨，部分大客户为了锁定供应，选择提前支付预付款或签订多年期协议。资金实力较弱的二线云服务商和初创公司，则只能接受更长的等待期，或者转向上一代产品。

## 展望

新增产能要到2027年下半年才会明显释放：韩国和美国的几座新厂届时陆续投产，HBM4的良率也有望逐步爬升。在此之前，HBM供应将继续决定AI加速卡的实际出货量，也会影响各家模型公司的训练计划。`,
      faq: [
        {
          question: '什么是高带宽内存？',
          answer:
            '高带宽内存是一种把多层DRAM芯片垂直堆叠、并与处理器封装在一起的内存，数据通路极宽，能为AI加速卡提供每秒数TB的带宽。',
        },
        {
          question: '为什么HBM会比GPU芯片本身更紧缺？',
          answer:
            '因为HBM的堆叠和互连工艺复杂、良率较低，单位容量消耗的晶圆面积远高于普通内存，而且新产能从建厂到量产需要一年以上。',
        },
        {
          question: 'HBM4什么时候成为主流？',
          answer:
            '主要厂商预计HBM4在2027年随新一代加速卡放量，但良率爬坡需要时间，2027年上半年仍将以HBM3E为主。',
        },
        {
          question: '内存短缺会影响普通消费者吗？',
          answer:
            '间接会。内存厂商把更多产能转向HBM，普通内存和固态硬盘的供应也会随之趋紧，消费电子产品的存储配置和价格可能受到影响。',
        },
      ],
    },
    {
      locale: 'en',
      slug: 'hbm-shortage-2027',
      title: 'High-bandwidth memory shortage may run into 2027, squeezing AI accelerator deliveries',
      summary:
        "The three big memory makers' high-bandwidth memory output is largely booked through 2027, and with the HBM4 ramp and advanced packaging bottlenecks piling up, deliveries of Nvidia's and AMD's newest accelerators could slow.",
      heroAlt:
        'A cutaway diagram of a high-bandwidth memory stack: twelve DRAM dies stacked vertically like thin pancakes, joined by dense through-silicon vias to a logic die at the base, next to an AI accelerator chip; both sit on a silicon interposer, against the blurred lights of a fab clean room.',
      status: 'published',
      publishedAt: '2026-11-12T09:15:00.000Z',
      updatedAt: '2026-11-12T09:15:00.000Z',
      body: `High-bandwidth memory (HBM) is becoming the tightest link in the AI compute supply chain. Several people in the supply chain said this week that the three big memory makers' HBM capacity for 2027 is already largely locked up by long-term contracts; an order placed today would not be delivered until the second half of 2027.

That means this year's rise in GPU output cannot fully turn into accelerators that can ship. A high-end AI accelerator needs six to eight HBM stacks, and if a single one is missing, the whole card cannot leave the factory.

## Why capacity cannot keep up

HBM is far harder to make than ordinary memory. It stacks twelve or more DRAM dies vertically and links them with thousands of through-silicon vias, and a defect in any layer can scrap the whole stack. The industry generally estimates that, for the same capacity, HBM uses roughly three times the wafer area of ordinary server memory.

The bigger change comes with HBM4. The new generation doubles the interface width from 1,024 to 2,048 bits, and the logic die at the base is starting to be made on advanced logic processes at foundries such as TSMC. For the first time, memory makers' production schedules are tightly bound to the foundries', and any wobble in either side's yields passes to the other.

## HBM generations compared

The table below lists the main specifications of recent HBM generations and typical products that use them; figures are standard or typical values published by the industry and vendors:

| Generation | Per-pin speed | Bandwidth per stack | Max capacity per stack | Typical products |
| --- | --- | --- | --- | --- |
| HBM2E | about 3.6Gb/s | about 460GB/s | 16GB | Nvidia A100 |
| HBM3 | about 6.4Gb/s | about 819GB/s | 24GB | Nvidia H100 |
| HBM3E | about 9.6Gb/s | about 1.2TB/s | 36GB | Nvidia H200 and B300, AMD MI355X |
| HBM4 | 8Gb/s and up | over 2TB/s | 48GB and up | New accelerators around 2027 |

## What it means for Nvidia and AMD

Nvidia's B300 and AMD's MI355X both use eight 12-high HBM3E stacks, for 288GB per card. More capacity multiplies memory consumption. By supply-chain estimates, demand for these two products alone in the fourth quarter of 2026 takes a sizeable share of the world's HBM3E output.

Nvidia's purchasing scale and long-term contracts have won it the largest share, but it is also limited by TSMC's CoWoS packaging capacity. AMD has spread its risk by signing with several memory makers at once. Both companies say their next generation moves to HBM4, which makes how 2027 capacity is allocated all the more important.

## How buyers are coping

The shortage already shows in prices. People at several cloud providers say HBM contract prices have risen throughout the year, and some large customers have paid in advance or signed multi-year agreements to lock in supply. Smaller cloud providers and start-ups with less money have to accept longer waits or turn to the previous generation.

## Outlook

New capacity will not arrive in meaningful volume until the second half of 2027, when several new fabs in South Korea and the United States come online and HBM4 yields should gradually improve. Until then, HBM supply will keep setting how many AI accelerators actually ship, and will shape model companies' training plans.`,
      faq: [
        {
          question: 'What is high-bandwidth memory?',
          answer:
            'High-bandwidth memory stacks several DRAM dies vertically and packages them together with the processor. Its very wide data path gives AI accelerators several terabytes per second of bandwidth.',
        },
        {
          question: 'Why is HBM scarcer than the GPU chips themselves?',
          answer:
            'Stacking and linking the dies is complex and yields are lower, each gigabyte uses far more wafer area than ordinary memory, and new capacity takes more than a year to go from construction to volume production.',
        },
        {
          question: 'When will HBM4 become mainstream?',
          answer:
            'The main makers expect HBM4 to ramp with the next generation of accelerators in 2027, but yields take time to improve, so HBM3E will still dominate in the first half of 2027.',
        },
        {
          question: 'Will the memory shortage affect ordinary consumers?',
          answer:
            'Indirectly, yes. As memory makers shift capacity to HBM, supply of ordinary memory and solid-state drives tightens too, which can affect the storage and prices of consumer devices.',
        },
      ],
    },
  ],
};

const openWeightsLicensing: StoryInput = {
  section: 'ai-models',
  sourceLocale: 'en',
  heroImage: 'hero-open-weights-licensing-guide.webp',
  entities: ['open-weights', 'llama', 'qwen', 'deepseek-r2'],
  sources: [
    {
      url: 'https://www.example.org/guides/2026/11/open-model-licence-terms',
      publisher: 'Example Open Source Review',
      author: 'Marta Kowalczyk',
      publishedAt: '2026-11-13T10:00:00.000Z',
    },
    {
      url: 'https://newsroom.example.com/2026/11/developers-read-the-fine-print',
      publisher: 'Example Developer Weekly',
      author: 'Samuel Okafor',
      publishedAt: '2026-11-12T16:30:00.000Z',
    },
  ],
  createdAt: '2026-11-14T11:00:00.000Z',
  updatedAt: '2026-11-15T02:00:00.000Z',
  variants: [
    {
      locale: 'en',
      slug: 'open-weights-licensing-guide',
      title: 'Open-weights licences compared: what Llama, Qwen and DeepSeek let you do',
      summary:
        'Downloading a model is easy; knowing what you may build with it is not. We compare the licences behind the most popular open-weights models, clause by clause.',
      heroAlt:
        'Three thick printed licence documents lie fanned out on a wooden desk, each with a coloured tab marking a different clause; a laptop beside them shows a model download page, and a yellow highlighter rests across the top sheet.',
      status: 'published',
      publishedAt: '2026-11-14T15:00:00.000Z',
      updatedAt: '2026-11-14T15:00:00.000Z',
      body: `Open-weights models now power everything from coding assistants to customer-service bots, and downloading one takes a single command. What a company may then do with it is decided by a licence that many teams never read. This guide compares the terms behind the most widely used model families and points out the clauses that most often catch developers out.

## Open weights are not the same as open source

A model is "open weights" when its parameters are published for anyone to download. That says nothing about the training data or code, and nothing about what you are allowed to do. Some open-weights models ship under standard open-source licences such as Apache 2.0 or MIT; others use custom licences that add conditions on use, attribution or company size. Before you build a product on a model, read its licence file, not the headline of its release post.

## The licences side by side

The table summarises the main terms as the licences are written today. Terms change between releases, so always check the licence shipped with the exact checkpoint you use.

| Licence | Used by | Commercial use | User threshold | Attribution | Derivatives |
| --- | --- | --- | --- | --- | --- |
| Apache 2.0 | Most recent Qwen releases | Allowed | None | Keep the licence and notices | Any name, any use |
| MIT | DeepSeek's R-series | Allowed | None | Keep the copyright notice | Any name, any use |
| Llama community licence | Llama models | Allowed, with conditions | Separate licence needed above 700 million monthly users | Show "Built with Llama" | Name must start with "Llama"; acceptable-use policy applies |
| Custom responsible-AI licences | Various research models | Usually allowed | Usually none | Varies | Use restrictions pass on to every downstream user |

Alibaba Cloud has released most recent Qwen models under Apache 2.0, although some older, larger checkpoints used a custom licence with its own user threshold. DeepSeek published R1 under MIT, and the company has said its next reasoning model, DeepSeek-R2, will keep the same terms.

## The clauses that matter in practice

**User thresholds.** The Llama licence is free for almost everyone, but a company whose products had more than 700 million monthly active users must ask Meta for a separate licence. Few businesses come near that figure, but acquirers and very large platforms should check.

**Acceptable-use policies.** Custom licences often forbid certain uses, and they require you to pass those limits on to your own users. That means your terms of service must carry them too.

**Attribution and naming.** Apache 2.0 and MIT ask only that you keep notices. The Llama licence asks for visible attribution and for fine-tuned models to carry "Llama" at the start of their names.

**Using outputs to train other models.** Some older custom licences restricted using a model's outputs to improve competing models. If you plan to distil a large model into a smaller one, check this clause first.

## A checklist before you ship

1. **Find the exact licence file**: read the one in the checkpoint you deploy, not a summary.
2. **Check who your users are**: user thresholds and regional terms depend on your business, not the model.
3. **Carry restrictions downstream**: copy any use restrictions into your own terms.
4. **Record attribution**: keep notices in your product documentation and model cards.
5. **Ask a lawyer**: this guide is a starting point, not legal advice.`,
      faq: [
        {
          question: 'Is an open-weights model free for commercial use?',
          answer:
            'Often, but not always. Apache 2.0 and MIT allow commercial use with few conditions; custom licences may add user thresholds, use restrictions or attribution rules.',
        },
        {
          question: 'Does the Llama licence affect small companies?',
          answer:
            'Rarely. The user threshold applies only above 700 million monthly active users, but the attribution, naming and acceptable-use terms apply to everyone.',
        },
        {
          question: 'Can I fine-tune a Qwen model and sell the result?',
          answer:
            'For Qwen checkpoints released under Apache 2.0, yes, as long as you keep the licence and notices. Check older checkpoints, which may carry a different licence.',
        },
        {
          question: 'Which licence will DeepSeek-R2 use?',
          answer:
            'DeepSeek has said R2 will follow R1 and use the MIT licence, one of the most permissive available. Confirm it in the licence file once the weights are published.',
        },
      ],
    },
    {
      locale: 'zh',
      slug: 'open-weights-licensing-guide',
      title: '开放权重许可证对比：Llama、通义千问和DeepSeek分别允许你做什么',
      summary: '下载一个模型很容易，弄清楚能用它做什么却不简单。我们逐条对比了主流开放权重模型背后的许可证。',
      heroAlt:
        '三份厚厚的打印版许可证文件在木桌上呈扇形摊开，每份都贴着不同颜色的标签，标出不同的条款；旁边的笔记本电脑显示着一个模型下载页面，一支黄色荧光笔横放在最上面那页纸上。',
      status: 'published',
      publishedAt: '2026-11-15T02:00:00.000Z',
      updatedAt: '2026-11-15T02:00:00.000Z',
      body: `从编程助手到客服机器人，开放权重模型如今无处不在，下载一个模型只需要一条命令。但企业拿到模型之后能做什么，取决于一份很多团队从未读过的许可证。本文对比了最常用的几个模型系列背后的条款，并指出最容易让开发者踩坑的地方。

## 开放权重不等于开源

所谓开放权重，是指模型参数公开、任何人都可以下载。这并不说明训练数据和代码是否公开，也不说明你被允许做什么。有些开放权重模型采用Apache 2.0或MIT这样的标准开源许可证，另一些则使用自定义许可证，在用途、署名或公司规模上附加条件。在用某个模型开发产品之前，请阅读它的许可证文件，而不是发布博客的标题。

## 许可证逐项对比

下表按各许可证当前的文本总结了主要条款。条款可能随版本变化，请以你实际使用的那个模型版本所附带的许可证为准。

| 许可证 | 使用者 | 商业用途 | 用户数门槛 | 署名要求 | 衍生模型 |
| --- | --- | --- | --- | --- | --- |
| Apache 2.0 | 近期多数通义千问模型 | 允许 | 无 | 保留许可证和声明 | 名称和用途不限 |
| MIT | 深度求索的R系列 | 允许 | 无 | 保留版权声明 | 名称和用途不限 |
| Llama社区许可证 | Llama系列 | 允许，但有附加条件 | 月活跃用户超过7亿需另行授权 | 标注“Built with Llama” | 名称须以“Llama”开头，并遵守可接受使用政策 |
| 自定义负责任AI许可证 | 部分研究模型 | 通常允许 | 通常没有 | 各不相同 | 使用限制须传递给所有下游用户 |

阿里云近期发布的通义千问模型大多采用Apache 2.0许可证，不过部分较早的大尺寸版本曾使用带有自身用户数门槛的自定义许可证。深度求索以MIT许可证发布了R1，并表示下一代推理模型DeepSeek-R2将沿用相同的条款。

## 实践中最关键的条款

**用户数门槛**：Llama许可证对绝大多数人免费，但如果一家公司的产品月活跃用户超过7亿，就必须向Meta申请单独授权。很少有企业接近这个数字，但收购方和超大平台应当留意。

**可接受使用政策**：自定义许可证往往禁止某些用途，并要求你把这些限制传递给自己的用户，这意味着你的服务条款里也必须写明这些限制。

**署名与命名**：Apache 2.0和MIT只要求保留声明。Llama许可证则要求显著标注来源，并要求微调后的模型名称以“Llama”开头。

**用输出训练其他模型**：一些较早的自定义许可证限制用模型的输出去改进竞争模型。如果你打算把大模型蒸馏成小模型，请先检查这一条。

## 上线前的检查清单

1. **找到确切的许可证文件**：阅读你实际部署的那个版本附带的文件，而不是二手摘要。
2. **弄清你的用户是谁**：用户数门槛和地区条款取决于你的业务，而不是模型本身。
3. **向下游传递限制**：把使用限制写进你自己的服务条款。
4. **记录署名信息**：在产品文档和模型卡中保留相关声明。
5. **咨询律师**：本文只是入门参考，不构成法律意见。`,
      faq: [
        {
          question: '开放权重模型可以免费商用吗？',
          answer:
            '通常可以，但并非总是如此。Apache 2.0和MIT允许商用且条件很少；自定义许可证则可能附加用户数门槛、使用限制或署名规则。',
        },
        {
          question: 'Llama许可证会影响小公司吗？',
          answer:
            '很少。用户数门槛只适用于月活跃用户超过7亿的情况，但署名、命名和可接受使用政策对所有人都有效。',
        },
        {
          question: '我可以微调通义千问模型并出售成果吗？',
          answer:
            '对于以Apache 2.0许可证发布的通义千问版本，可以，只要保留许可证和相关声明。较早的版本可能采用不同的许可证，请逐一核对。',
        },
        {
          question: 'DeepSeek-R2会采用什么许可证？',
          answer:
            '深度求索表示R2将与R1一样采用MIT许可证，这是最宽松的许可证之一。权重发布后，请以许可证文件为准再次确认。',
        },
      ],
    },
  ],
};

const mi355xBenchmarks: StoryInput = {
  section: 'chips',
  sourceLocale: 'zh',
  heroImage: 'hero-mi355x-benchmarks.webp',
  entities: ['amd', 'mi355x', 'h200', 'nvidia'],
  sources: [
    {
      url: 'https://www.example.org/benchmarks/2026/11/mi355x-vs-h200-inference',
      publisher: 'Example Benchmark Journal',
      author: '韩书宁',
      publishedAt: '2026-11-19T09:00:00.000Z',
    },
  ],
  createdAt: '2026-11-19T23:40:00.000Z',
  updatedAt: '2026-11-20T06:30:00.000Z',
  variants: [
    {
      locale: 'zh',
      slug: 'mi355x-benchmarks',
      title: '实测AMD MI355X对比英伟达H200：大模型推理吞吐领先，能效仍有差距',
      summary:
        '独立评测机构在八卡服务器上对比了AMD MI355X与英伟达H200的大模型推理表现：MI355X吞吐量高出五到八成，但按功耗折算的效率仍落后于H200。',
      heroAlt:
        '两台打开机箱盖的八卡AI服务器并排放在测试机架上，左侧一台连着蓝色液冷管路，右侧一台装有银色风冷散热片；前方的显示器上是两条不断上升的吞吐量曲线，一条红色、一条绿色。',
      status: 'published',
      publishedAt: '2026-11-20T02:00:00.000Z',
      updatedAt: '2026-11-20T02:00:00.000Z',
      body: `独立评测机构衡石评测实验室本周发布了一组推理测试结果，在相同的模型和软件条件下，对比了AMD Instinct MI355X与英伟达H200的表现。结论并不意外：较新的MI355X在吞吐量上明显领先，但在每瓦性能和软件成熟度上，两者的差距比账面参数显示的要小。

这组数据受到关注，是因为H200仍是许多云厂商和企业机房里的主力推理卡。对准备扩容的买家来说，MI355X能否成为替代选项，直接关系到采购预算怎么分配。

## 测试方法

实验室使用两台八卡服务器，分别配备八张MI355X和八张H200，推理框架统一采用vLLM的同一版本，量化格式统一为FP8。测试覆盖三类模型：一个700亿参数的稠密模型、一个4050亿参数的稠密模型，以及一个总参数6710亿的混合专家模型。每项测试运行三次，取中位数。

## 测试结果

| 测试项目 | MI355X八卡 | H200八卡 |
| --- | --- | --- |
| 700亿参数稠密模型输出吞吐 | 每秒21,400个token | 每秒13,900个token |
| 4050亿参数稠密模型输出吞吐 | 每秒6,100个token | 每秒3,400个token |
| 6710亿参数混合专家模型输出吞吐 | 每秒9,800个token | 每秒5,600个token |
| 首个token延迟中位数（700亿参数，2K输入） | 142毫秒 | 188毫秒 |
| 加速卡满载功耗合计 | 约10.6千瓦 | 约5.5千瓦 |
| 每千瓦输出吞吐（700亿参数） | 每秒约2,020个token | 每秒约2,530个token |

MI355X在超大模型上的优势最明显。它单卡有288GB显存，八卡合计超过2.3TB，可以放下更大的批次和更长的上下文缓存；H200单卡141GB，在4050亿参数模型上要为缓存留出空间，批次规模受到限制。

## 能效与成本

吞吐量之外，功耗是另一面。MI355X单卡功耗约1400瓦，需要液冷，八卡整机的供电和散热要求远高于风冷的H200服务器。按每千瓦吞吐计算，H200反而领先约两成。对电力紧张的数据中心来说，这一差距会直接反映在运营成本上。

不过，MI355X支持FP4和FP6等更低精度的格式，而H200并不支持。实验室额外测试了700亿参数模型的FP4版本，MI355X吞吐量进一步提升到每秒约33,000个token，但需要额外评估量化对回答质量的影响。

## 软件成熟度

测试报告也记录了一些软件层面的问题。在ROCm上，混合专家模型的部分算子需要手动调整参数才能达到最佳性能，而同样的模型在CUDA上开箱即可运行。实验室认为，AMD的软件栈在过去两年进步很快，但对于缺少专职工程师的团队，迁移成本仍需纳入考虑。

## 真正的对手

需要说明的是，H200属于上一代产品，MI355X真正的竞争对手是英伟达的Blackwell系列。随着[B300开始批量出货](story:b300-shipments-begin)，实验室表示将在明年初补充MI355X与B300的对比测试。`,
      faq: [
        {
          question: '测试结果可以直接用于采购决策吗？',
          answer:
            '只能作为参考。测试基于特定模型、框架版本和批次设置，实际业务的请求长度和并发模式不同，结果可能有较大差异，建议用自己的负载复测。',
        },
        {
          question: '为什么MI355X吞吐更高，每千瓦效率却更低？',
          answer:
            '因为MI355X单卡功耗约1400瓦，是H200的两倍左右，吞吐量的提升幅度没有功耗增加得多，折算到每千瓦后反而落后。',
        },
        {
          question: 'MI355X必须使用液冷吗？',
          answer: '是的，MI355X面向液冷服务器设计；AMD另有风冷版本MI350X，功耗和性能都略低。',
        },
        {
          question: '从CUDA迁移到ROCm难度大吗？',
          answer:
            '主流推理框架已经同时支持两者，常见模型迁移难度不大；但自定义算子和一些新模型结构可能需要额外调优。',
        },
      ],
    },
    {
      locale: 'en',
      slug: 'mi355x-benchmarks',
      title: 'AMD MI355X vs Nvidia H200 tested: ahead on inference throughput, behind on efficiency',
      summary:
        "An independent lab compared AMD's MI355X and Nvidia's H200 on large-model inference in eight-GPU servers: the MI355X delivered 50 to 80 percent more throughput, but still trails the H200 once power is taken into account.",
      heroAlt:
        'Two eight-GPU AI servers with their lids off sit side by side on a test rack, the left one connected to blue liquid-cooling pipes and the right one fitted with silver air-cooled heat sinks; a monitor in front shows two rising throughput curves, one red and one green.',
      status: 'published',
      publishedAt: '2026-11-20T06:30:00.000Z',
      updatedAt: '2026-11-20T06:30:00.000Z',
      body: `The independent Hengshi Evaluation Lab this week published a set of inference results comparing AMD's Instinct MI355X with Nvidia's H200 under the same models and software. The conclusion is no surprise: the newer MI355X leads clearly on throughput, but on performance per watt and software maturity the gap between the two is smaller than the spec sheets suggest.

The figures matter because the H200 is still the workhorse inference card in many cloud providers' and companies' data centres. For buyers planning to expand, whether the MI355X is a real alternative decides how purchasing budgets are split.

## How the tests were run

The lab used two eight-GPU servers, one with eight MI355X cards and one with eight H200s, running the same version of the vLLM inference framework and the same FP8 quantisation. The tests covered three kinds of model: a 70-billion-parameter dense model, a 405-billion-parameter dense model and a mixture-of-experts model with 671 billion parameters in total. Each test was run three times and the median taken.

## Results

| Test | MI355X, eight cards | H200, eight cards |
| --- | --- | --- |
| 70B dense model, output throughput | 21,400 tokens per second | 13,900 tokens per second |
| 405B dense model, output throughput | 6,100 tokens per second | 3,400 tokens per second |
| 671B mixture-of-experts model, output throughput | 9,800 tokens per second | 5,600 tokens per second |
| Median time to first token (70B, 2K input) | 142 milliseconds | 188 milliseconds |
| Accelerator power at full load, total | about 10.6 kilowatts | about 5.5 kilowatts |
| Output throughput per kilowatt (70B) | about 2,020 tokens per second | about 2,530 tokens per second |

The MI355X's lead is largest on the biggest models. Each card has 288GB of memory, over 2.3TB across eight, leaving room for larger batches and longer context caches; the H200 has 141GB per card, and on the 405B model it must reserve space for the cache, which limits batch size.

## Efficiency and cost

Power is the other side of throughput. Each MI355X draws about 1,400 watts and needs liquid cooling, so an eight-card system demands far more power and cooling than an air-cooled H200 server. Measured as throughput per kilowatt, the H200 actually leads by about a fifth. For data centres short of power, that gap shows up directly in operating costs.

The MI355X does, however, support lower-precision formats such as FP4 and FP6, which the H200 does not. The lab also tested an FP4 version of the 70B model, on which the MI355X reached about 33,000 tokens per second, though the effect of quantisation on answer quality needs separate evaluation.

## Software maturity

The report also records some software issues. On ROCm, some operators in the mixture-of-experts model needed manual tuning to reach their best performance, while the same model ran out of the box on CUDA. The lab's view is that AMD's software stack has improved quickly over the past two years, but teams without dedicated engineers should still budget for the cost of switching.

## The real rival

It should be said that the H200 belongs to the previous generation; the MI355X's real competitor is Nvidia's Blackwell line. With [B300 shipments now under way](story:b300-shipments-begin), the lab says it will add an MI355X versus B300 comparison early next year.`,
      faq: [
        {
          question: 'Can these results be used directly for purchasing decisions?',
          answer:
            'Only as a reference. The tests used particular models, framework versions and batch settings; real workloads differ in request length and concurrency, and results can vary widely, so re-test with your own load.',
        },
        {
          question: 'Why does the MI355X have higher throughput but lower efficiency per kilowatt?',
          answer:
            'Each MI355X draws about 1,400 watts, roughly twice an H200. Its throughput rises by less than its power does, so per kilowatt it falls behind.',
        },
        {
          question: 'Does the MI355X require liquid cooling?',
          answer:
            'Yes, the MI355X is designed for liquid-cooled servers; AMD also offers the air-cooled MI350X, with somewhat lower power and performance.',
        },
        {
          question: 'Is it hard to move from CUDA to ROCm?',
          answer:
            'The main inference frameworks support both, so common models are not hard to move; custom operators and some new model architectures may need extra tuning.',
        },
      ],
    },
  ],
};

const qwenRelease: StoryInput = {
  section: 'ai-models',
  sourceLocale: 'zh',
  heroImage: 'hero-qwen-3-5-release.webp',
  entities: ['alibaba-cloud', 'qwen', 'open-weights'],
  sources: [
    {
      url: 'https://newsroom.example.com/2026/11/qwen-3-5-family-launch',
      publisher: 'Example Cloud Briefing',
      author: '沈知遥',
      publishedAt: '2026-11-24T01:00:00.000Z',
    },
  ],
  createdAt: '2026-11-24T02:30:00.000Z',
  updatedAt: '2026-11-24T08:00:00.000Z',
  variants: [
    {
      locale: 'zh',
      slug: 'qwen-3-5-release',
      title: '阿里云发布通义千问Qwen3.5系列，旗舰混合专家模型以Apache 2.0开放权重',
      summary:
        '阿里云推出新一代通义千问Qwen3.5，包含从40亿到4800亿参数的六个型号，其中五个以Apache 2.0许可证开放权重，重点强化智能体和长上下文能力。',
      heroAlt:
        '杭州一座玻璃幕墙办公楼的夜景，楼体外立面的灯光拼出紫色的通义千问标志；前景的会议桌上摆着几台笔记本电脑，屏幕上显示模型下载页面和一段中英文混排的对话。',
      status: 'published',
      publishedAt: '2026-11-24T04:00:00.000Z',
      updatedAt: '2026-11-24T04:00:00.000Z',
      body: `阿里云11月24日发布新一代通义千问模型Qwen3.5。这一代共有六个型号，参数规模从40亿到4800亿不等，除了只通过接口提供的旗舰版Qwen3.5-Max之外，其余五个型号全部以Apache 2.0许可证开放权重，可以直接下载并用于商业用途。

这是通义千问系列今年最大的一次更新。阿里云表示，新模型的重点不是单纯刷高基准分数，而是让模型在调用工具、执行多步任务和处理超长文档时更稳定。

## 新在哪里

Qwen3.5把快速回答和深度思考合并到同一个模型里，开发者可以通过参数设定思考预算，在响应速度和推理深度之间取舍。320亿参数及以上的型号原生支持图像和视频输入，语言覆盖扩展到140多种。训练数据中加入了大量模拟智能体任务的轨迹，用于提升工具调用的准确率。

## 型号一览

| 型号 | 架构 | 总参数 | 每个token激活参数 | 原生上下文 | 获取方式 |
| --- | --- | --- | --- | --- | --- |
| Qwen3.5-4B | 稠密 | 40亿 | 40亿 | 12.8万 | 开放权重 |
| Qwen3.5-14B | 稠密 | 140亿 | 140亿 | 12.8万 | 开放权重 |
| Qwen3.5-32B | 稠密 | 320亿 | 320亿 | 25.6万 | 开放权重 |
| Qwen3.5-80B-A6B | 混合专家 | 800亿 | 60亿 | 25.6万 | 开放权重 |
| Qwen3.5-480B-A35B | 混合专家 | 4800亿 | 350亿 | 25.6万 | 开放权重 |
| Qwen3.5-Max | 未公开 | 未公开 | 未公开 | 100万 | 仅限接口 |

## 成绩与验证

阿里云公布的自测结果显示，4800亿参数的开放版本在编程和智能体类基准上接近闭源前沿模型，800亿参数的混合专家版本则在成本和速度上更有优势。不过，这些数字均由公司自行测得，独立评测机构的复现结果预计要到下周才会陆续发布。

## 开发者需要知道什么

部署门槛因型号差异很大。40亿和140亿参数的版本可以在笔记本电脑或单张消费级显卡上运行；旗舰开放版本在FP8精度下，仅权重就需要约480GB显存，通常要用一台八卡服务器承载。模型已同步上架阿里云百炼平台、魔搭社区和主流模型托管网站。

由于采用Apache 2.0许可证，企业可以自由微调并商用，只需保留许可证和版权声明。对于此前因许可条款而犹豫的团队，这降低了合规上的顾虑。`,
      faq: [
        {
          question: 'Qwen3.5可以免费商用吗？',
          answer:
            '五个开放权重型号都采用Apache 2.0许可证，可以免费商用和微调，只需保留许可证与版权声明；Qwen3.5-Max仅通过付费接口提供。',
        },
        {
          question: '个人电脑能运行哪个型号？',
          answer:
            '40亿参数版本可以在普通笔记本电脑上运行，140亿参数版本适合配备16GB以上显存的显卡；经过4比特量化后，320亿参数版本也能在24GB显存的显卡上运行。',
        },
        {
          question: '什么是思考预算？',
          answer:
            '它是一个可调参数，用来限制模型在作答前用于推理的token数量。预算越高，复杂问题的准确率通常越高，但响应也更慢、更贵。',
        },
        {
          question: '在哪里可以下载这些模型？',
          answer: '模型已发布在阿里云百炼平台和魔搭社区，也可以在主流的模型托管网站上找到。',
        },
      ],
    },
    {
      locale: 'en',
      slug: 'qwen-3-5-release',
      title:
        'Alibaba Cloud launches Qwen3.5, with its flagship mixture-of-experts model open under Apache 2.0',
      summary:
        'Alibaba Cloud has released Qwen3.5, a new generation of six models from 4 billion to 480 billion parameters, five of them with open weights under Apache 2.0, with the focus on agents and long contexts.',
      heroAlt:
        'A glass-walled office building in Hangzhou at night, with the lights on its facade forming the purple Qwen logo; in the foreground, several laptops sit on a conference table, their screens showing a model download page and a conversation mixing Chinese and English.',
      status: 'published',
      publishedAt: '2026-11-24T08:00:00.000Z',
      updatedAt: '2026-11-24T08:00:00.000Z',
      body: `Alibaba Cloud released Qwen3.5, the new generation of its Qwen models, on 24 November. The generation has six models ranging from 4 billion to 480 billion parameters. Apart from the flagship Qwen3.5-Max, which is offered only through an API, all five are released with open weights under the Apache 2.0 licence and can be downloaded and used commercially.

It is the biggest Qwen update this year. Alibaba Cloud says the aim of the new models is not just higher benchmark scores but steadier behaviour when calling tools, carrying out multi-step tasks and handling very long documents.

## What is new

Qwen3.5 combines quick answers and deep thinking in a single model; developers set a thinking budget to trade response speed against depth of reasoning. Models of 32 billion parameters and above accept image and video input natively, and language coverage grows to more than 140 languages. The training data adds a large number of simulated agent-task trajectories to improve the accuracy of tool calls.

## The line-up

| Model | Architecture | Total parameters | Active parameters per token | Native context | Availability |
| --- | --- | --- | --- | --- | --- |
| Qwen3.5-4B | Dense | 4 billion | 4 billion | 128K | Open weights |
| Qwen3.5-14B | Dense | 14 billion | 14 billion | 128K | Open weights |
| Qwen3.5-32B | Dense | 32 billion | 32 billion | 256K | Open weights |
| Qwen3.5-80B-A6B | Mixture of experts | 80 billion | 6 billion | 256K | Open weights |
| Qwen3.5-480B-A35B | Mixture of experts | 480 billion | 35 billion | 256K | Open weights |
| Qwen3.5-Max | Undisclosed | Undisclosed | Undisclosed | 1 million | API only |

## Scores and verification

Alibaba Cloud's own results show the open 480-billion-parameter model approaching closed frontier models on coding and agent benchmarks, while the 80-billion-parameter mixture-of-experts model has the edge on cost and speed. These numbers were all measured by the company itself, however; independent evaluators' reproductions are expected to start appearing next week.

## What developers need to know

How much hardware you need varies widely by model. The 4B and 14B versions run on a laptop or a single consumer graphics card; the open flagship needs about 480GB of memory for its weights alone at FP8 precision, usually meaning an eight-GPU server. The models are available on Alibaba Cloud's Model Studio, the ModelScope community and the main model-hosting sites.

Because the licence is Apache 2.0, companies may fine-tune the models and use them commercially, keeping only the licence and copyright notices. For teams that hesitated over licence terms before, that removes a compliance worry.`,
      faq: [
        {
          question: 'Can Qwen3.5 be used commercially for free?',
          answer:
            'All five open-weights models use the Apache 2.0 licence, so they can be used commercially and fine-tuned for free as long as you keep the licence and copyright notices; Qwen3.5-Max is offered only through a paid API.',
        },
        {
          question: 'Which model can run on a personal computer?',
          answer:
            'The 4B version runs on an ordinary laptop and the 14B version suits a graphics card with 16GB of memory or more; with 4-bit quantisation, the 32B version also fits on a card with 24GB.',
        },
        {
          question: 'What is a thinking budget?',
          answer:
            'It is an adjustable setting that limits how many tokens the model spends reasoning before it answers. A higher budget usually means better accuracy on hard problems, but slower and more expensive responses.',
        },
        {
          question: 'Where can I download the models?',
          answer:
            "They are published on Alibaba Cloud's Model Studio and the ModelScope community, and can also be found on the main model-hosting sites.",
        },
      ],
    },
  ],
};

const tsmcCapacity: StoryInput = {
  section: 'industry',
  sourceLocale: 'en',
  heroImage: 'hero-tsmc-2nm-ai-capacity.webp',
  entities: ['tsmc', 'nvidia', 'amd'],
  sources: [
    {
      url: 'https://newsroom.example.com/2026/11/tsmc-n2-allocation-briefing',
      publisher: 'Example Foundry Watch',
      author: 'Lena Hartmann',
      publishedAt: '2026-11-10T12:00:00.000Z',
    },
    {
      url: 'https://www.example.org/research/2026/11/leading-edge-wafer-demand',
      publisher: 'Example Capital Markets Research',
      author: '陈思远',
      publishedAt: '2026-11-11T03:00:00.000Z',
    },
  ],
  createdAt: '2026-11-11T10:00:00.000Z',
  updatedAt: '2026-11-12T00:30:00.000Z',
  variants: [
    {
      locale: 'en',
      slug: 'tsmc-2nm-ai-capacity',
      title: 'TSMC sets aside a growing share of 2nm capacity for AI accelerators',
      summary:
        'TSMC told investors that AI data-centre chips will take a rising share of its 2nm output through 2027, as chip designers race to move their next generations onto the node.',
      heroAlt:
        'A wide view of a semiconductor fab clean room bathed in amber light, where workers in white suits stand beside rows of tall lithography tools; in the foreground an overhead transport carrier holds a gleaming 300-millimetre wafer patterned with hundreds of square chips.',
      status: 'published',
      publishedAt: '2026-11-11T14:00:00.000Z',
      updatedAt: '2026-11-11T14:00:00.000Z',
      body: `TSMC told investors at a technology briefing in Hsinchu on 10 November that accelerators for AI data centres will take a rising share of its 2nm (N2) capacity. The company expects N2 output to roughly double between 2026 and 2027, and by the end of 2027 it expects high-performance computing customers, led by AI chips, to become the largest group on the node, overtaking smartphone processors.

For a decade, new nodes at TSMC were first filled by phone chips, with data-centre parts following a year or more later. The briefing suggests that order is now reversing: AI chip designers are willing to pay more, commit earlier and book larger volumes.

## Why AI chips want 2nm

N2 is TSMC's first node built on nanosheet transistors, which wrap the gate around the channel on all sides. The company says that, at the same speed, N2 uses about a quarter to a third less power than its enhanced 3nm process. For a data centre that is already short of power, that gain is worth more than a higher clock: it means more computation from the same electricity supply.

## The roadmap

| Node | Volume production | What changes | Expected AI use |
| --- | --- | --- | --- |
| N3P | Since 2024 | Refined 3nm FinFET | Current accelerators and custom chips |
| N2 | Since late 2025 | First nanosheet transistors | Next-generation accelerators and server processors, 2026 to 2027 |
| A16 | From the second half of 2026 | Power delivered from the back of the wafer | High-power data-centre chips |
| A14 | Planned for 2028 | Second-generation nanosheets | Future accelerators |

## Who is lining up

AMD has said that its next-generation EPYC server processor was among the first high-performance products taped out on N2, and analysts expect its future Instinct accelerators to follow. Nvidia's current generation is built on a 3nm-class process; analysts widely expect a later generation to move to N2 or A16. Cloud providers designing custom chips are also competing for early allocation.

## Packaging is still the pinch

Wafers alone do not make an accelerator. Each high-end AI chip must also pass through TSMC's CoWoS advanced packaging, which joins the processor to its high-bandwidth memory. TSMC said it will keep expanding packaging capacity through 2027, but people at several of its customers say packaging, not wafers, remains the factor that limits how many chips they receive.

## Cost and geography

N2 wafers cost substantially more than 3nm wafers, and chip designers pass that on in the price of accelerators. Most N2 output will come from fabs in Hsinchu and Kaohsiung for now; TSMC's plants in Arizona are set to add advanced nodes in later phases, which matters to customers who want production spread across more than one region.`,
      faq: [
        {
          question: 'What is TSMC N2?',
          answer:
            "N2 is TSMC's 2nm-class process and its first to use nanosheet transistors. It entered volume production in late 2025.",
        },
        {
          question: 'Why are AI chips moving to 2nm so quickly?',
          answer:
            'Power is the main limit in AI data centres. N2 delivers the same speed with noticeably less power, so operators get more computation from the electricity they have.',
        },
        {
          question: 'Will this make AI accelerators more expensive?',
          answer:
            'Probably. N2 wafers cost more than 3nm wafers, and advanced packaging adds further cost, though better efficiency can lower the cost of each unit of computation.',
        },
        {
          question: 'What is CoWoS?',
          answer:
            "CoWoS is TSMC's advanced packaging technology. It places the processor and its high-bandwidth memory side by side on a silicon interposer, and it is a key bottleneck in accelerator supply.",
        },
      ],
    },
    {
      locale: 'zh',
      slug: 'tsmc-2nm-ai-capacity',
      title: '台积电将更多2纳米产能分配给AI加速芯片',
      summary:
        '台积电向投资者表示，到2027年，AI数据中心芯片在其2纳米产能中的占比将持续上升，各家芯片设计公司正争相把下一代产品迁移到这一制程。',
      heroAlt:
        '一间笼罩在琥珀色灯光下的晶圆厂洁净室全景，身穿白色防尘服的工作人员站在一排排高大的光刻设备旁；前景的天车搬运盒里放着一片闪亮的300毫米晶圆，上面排布着数百颗方形芯片。',
      status: 'published',
      publishedAt: '2026-11-12T00:30:00.000Z',
      updatedAt: '2026-11-12T00:30:00.000Z',
      body: `台积电11月10日在新竹举行的技术说明会上向投资者表示，AI数据中心加速芯片在其2纳米（N2）产能中的占比将持续上升。公司预计，N2的产量将在2026年到2027年间大约翻一番；到2027年底，以AI芯片为首的高性能计算客户将超过智能手机处理器，成为这一制程的最大客户群。

过去十年，台积电的新制程总是先由手机芯片填满，数据中心芯片要晚一年甚至更久才跟进。这次说明会表明，这一顺序正在反转：AI芯片设计公司愿意付出更高的价格、更早作出承诺，并预订更大的产量。

## AI芯片为何看重2纳米

N2是台积电第一个采用纳米片晶体管的制程，栅极从四面包裹住沟道。公司表示，在相同速度下，N2的功耗比其增强版3纳米制程低约四分之一到三分之一。对于本已电力紧张的数据中心来说，这一收益比更高的频率更有价值：它意味着用同样的供电获得更多算力。

## 制程路线图

| 制程 | 量产时间 | 主要变化 | 预期AI用途 |
| --- | --- | --- | --- |
| N3P | 2024年起 | 改进版3纳米鳍式晶体管 | 当前的加速芯片和定制芯片 |
| N2 | 2025年底起 | 首次采用纳米片晶体管 | 2026至2027年的新一代加速芯片和服务器处理器 |
| A16 | 2026年下半年起 | 从晶圆背面供电 | 高功耗数据中心芯片 |
| A14 | 计划2028年 | 第二代纳米片晶体管 | 未来的加速芯片 |

## 谁在排队

AMD已表示，其下一代EPYC服务器处理器是首批在N2上完成流片的高性能产品之一，分析师预计其未来的Instinct加速卡也会跟进。英伟达当前一代产品采用3纳米级制程，业内普遍预计其后续某一代会转向N2或A16。设计定制芯片的云厂商也在争夺早期产能。

## 封装仍是瓶颈

光有晶圆还造不出加速卡。每颗高端AI芯片还要经过台积电的CoWoS先进封装，把处理器与高带宽内存连接在一起。台积电表示将在2027年前持续扩充封装产能，但多家客户的人士透露，限制他们拿货数量的仍是封装，而不是晶圆。

## 成本与地域

N2晶圆的价格明显高于3纳米晶圆，芯片设计公司会把这部分成本反映到加速卡的售价中。目前N2的产量主要来自新竹和高雄的工厂；台积电在美国亚利桑那州的工厂计划在后续阶段引入先进制程，这对希望把生产分散到多个地区的客户来说很重要。`,
      faq: [
        {
          question: '台积电N2是什么？',
          answer: 'N2是台积电的2纳米级制程，也是其第一个采用纳米片晶体管的制程，于2025年底进入量产。',
        },
        {
          question: 'AI芯片为什么这么快转向2纳米？',
          answer:
            '电力是AI数据中心最主要的限制。N2能以明显更低的功耗达到相同的速度，让运营商用现有的电力获得更多算力。',
        },
        {
          question: '这会让AI加速卡更贵吗？',
          answer:
            '很可能会。N2晶圆比3纳米晶圆更贵，先进封装也会增加成本；不过能效的提升可以降低每单位算力的成本。',
        },
        {
          question: '什么是CoWoS？',
          answer:
            'CoWoS是台积电的先进封装技术，把处理器和高带宽内存并排放在硅中介层上，是加速卡供应的关键瓶颈之一。',
        },
      ],
    },
  ],
};

const deepseekR2: StoryInput = {
  section: 'ai-models',
  sourceLocale: 'zh',
  heroImage: 'hero-deepseek-r2-reasoning.webp',
  entities: ['deepseek', 'deepseek-r2', 'open-weights'],
  sources: [
    {
      url: 'https://newsroom.example.com/2026/11/deepseek-r2-model-card',
      publisher: 'Example AI Dispatch',
      author: '许嘉禾',
      publishedAt: '2026-11-25T14:00:00.000Z',
    },
    {
      url: 'https://www.example.org/reviews/2026/11/first-look-at-r2',
      publisher: 'Example Model Review',
      author: 'Oliver Grant',
      publishedAt: '2026-11-26T01:30:00.000Z',
    },
  ],
  createdAt: '2026-11-26T01:50:00.000Z',
  updatedAt: '2026-11-26T10:00:00.000Z',
  variants: [
    {
      locale: 'zh',
      slug: 'deepseek-r2-reasoning',
      title: '深度求索发布DeepSeek-R2推理模型，以MIT许可证开放权重',
      summary:
        '深度求索发布第二代推理模型DeepSeek-R2，数学、编程和多步工具调用能力较R1明显提升，推理时的输出更精简，并继续以MIT许可证开放全部权重。',
      heroAlt:
        '一块深蓝色的屏幕上展开一棵由发光线条组成的推理树，从一个问题节点分出多条路径，其中一条被高亮标出并通向最终答案；屏幕下方是一行数学公式和一段正在运行的代码，整体色调冷静而明亮。',
      status: 'published',
      publishedAt: '2026-11-26T03:00:00.000Z',
      updatedAt: '2026-11-26T03:00:00.000Z',
      body: `深度求索11月25日晚间发布了第二代推理模型DeepSeek-R2。与去年引发广泛关注的R1相比，新模型在数学、编程和多步工具调用上都有明显提升，而且完成同样的任务所需的推理过程更短。和R1一样，R2的全部权重以MIT许可证公开，可以自由下载、修改和商用。

这次发布距离阿里云推出[Qwen3.5系列](story:qwen-3-5-release)只隔了两天，中国团队在开放权重模型上的密集更新，再次把开放与闭源模型之间的差距拉到了新的低点。

## 模型概况

R2基于深度求索新一代的混合专家基座模型，总参数约7100亿，每个token激活约370亿参数，上下文长度提升到25.6万个token。公司同时发布了两个蒸馏版本，参数分别为80亿和320亿，方便在单张显卡上部署。

新模型的一个重点是效率。深度求索表示，完成同样的数学题，R2平均输出的推理token比R1减少约三成；开发者还可以设定思考预算，限制模型在作答前的推理长度。R2也能在推理过程中调用搜索和代码执行等外部工具，而不必等推理结束后再行动。

## 公司公布的成绩

| 基准测试 | DeepSeek-R2 | DeepSeek-R1（2025年5月版） |
| --- | --- | --- |
| AIME 2025数学竞赛 | 94.1 | 87.5 |
| GPQA Diamond科学问答 | 85.6 | 81.0 |
| LiveCodeBench编程 | 81.2 | 73.3 |
| SWE-bench Verified软件工程 | 68.4 | 57.6 |

以上数据均由深度求索自行测得，独立复现仍在进行中。几家评测机构的初步结果显示，R2在数学题上的表现与公司公布的数字大致相符，在软件工程任务上的得分则略低一些。

## 许可证与部署

MIT是最宽松的许可证之一，只要求保留版权声明，没有用户数门槛，也不限制衍生模型的命名。这与一些附带使用条件的自定义许可证形成对比，详细差别可以参阅我们的[开放权重许可证指南](story:open-weights-licensing-guide)。

在部署方面，完整版R2在FP8精度下需要一台八卡服务器；深度求索同时提供了针对多种国产加速卡的推理方案。公司的接口价格与R1持平，这对已经接入R1的开发者来说，几乎不需要额外成本就能升级。

## 局限

深度求索在技术报告中承认，R2在推理过程中偶尔会混用中英文，在开放式写作任务上的提升也不如数学和编程明显。公司表示，后续版本会继续改进这些问题。`,
      faq: [
        {
          question: 'DeepSeek-R2可以商用吗？',
          answer: '可以。R2以MIT许可证发布，允许商用、修改和再分发，只需保留版权声明。',
        },
        {
          question: 'R2和R1相比主要提升在哪里？',
          answer:
            '主要是数学、编程和多步工具调用能力，同时推理过程更精简，完成同样任务所需的输出token约减少三成。',
        },
        {
          question: '个人开发者能在本地运行R2吗？',
          answer:
            '完整版需要多卡服务器，个人开发者更适合使用80亿或320亿参数的蒸馏版本，它们可以在单张显卡上运行。',
        },
        {
          question: '公司公布的基准成绩可信吗？',
          answer:
            '这些成绩由深度求索自行测得，独立机构的初步复现在数学题上大致吻合，但完整结论还要等更多第三方评测。',
        },
      ],
    },
    {
      locale: 'en',
      slug: 'deepseek-r2-reasoning',
      title: 'DeepSeek releases its R2 reasoning model with open weights under MIT',
      summary:
        'DeepSeek has released DeepSeek-R2, its second-generation reasoning model, with clear gains over R1 in maths, coding and multi-step tool use, leaner reasoning output, and all weights again open under the MIT licence.',
      heroAlt:
        'A deep blue screen displays a reasoning tree drawn in glowing lines, branching from a single question node into several paths, one of which is highlighted and leads to the final answer; below it run a line of mathematical formulae and a block of executing code, in a calm but bright palette.',
      status: 'published',
      publishedAt: '2026-11-26T10:00:00.000Z',
      updatedAt: '2026-11-26T10:00:00.000Z',
      body: `DeepSeek released its second-generation reasoning model, DeepSeek-R2, on the evening of 25 November. Compared with R1, which drew wide attention last year, the new model improves clearly in maths, coding and multi-step tool use, and it needs a shorter reasoning process to finish the same tasks. As with R1, all of R2's weights are published under the MIT licence and may be freely downloaded, modified and used commercially.

The release comes just two days after Alibaba Cloud launched its [Qwen3.5 family](story:qwen-3-5-release). The rapid run of open-weights updates from Chinese teams has pushed the gap between open and closed models to a new low.

## The model

R2 is built on DeepSeek's new-generation mixture-of-experts base model, with about 710 billion parameters in total and about 37 billion active per token, and its context length rises to 256,000 tokens. The company also released two distilled versions, with 8 billion and 32 billion parameters, for deployment on a single graphics card.

Efficiency is a focus of the new model. DeepSeek says that on the same maths problems R2 produces about 30 percent fewer reasoning tokens than R1 on average, and developers can set a thinking budget to limit how long the model reasons before answering. R2 can also call external tools such as search and code execution during its reasoning, rather than waiting until it has finished.

## The company's reported scores

| Benchmark | DeepSeek-R2 | DeepSeek-R1 (May 2025 version) |
| --- | --- | --- |
| AIME 2025 maths competition | 94.1 | 87.5 |
| GPQA Diamond science questions | 85.6 | 81.0 |
| LiveCodeBench coding | 81.2 | 73.3 |
| SWE-bench Verified software engineering | 68.4 | 57.6 |

These figures were all measured by DeepSeek itself, and independent reproduction is still under way. Early results from several evaluators show R2's maths performance broadly in line with the company's figures, with somewhat lower scores on software-engineering tasks.

## Licence and deployment

MIT is one of the most permissive licences: it asks only that the copyright notice be kept, has no user threshold and places no limits on naming derivative models. That contrasts with custom licences that attach conditions to use; for the differences in detail, see our [guide to open-weights licences](story:open-weights-licensing-guide).

To deploy the full R2 at FP8 precision you need an eight-GPU server; DeepSeek also provides inference setups for several Chinese-made accelerators. Its API price is the same as R1's, so developers already using R1 can upgrade at almost no extra cost.

## Limitations

In its technical report, DeepSeek acknowledges that R2 occasionally mixes Chinese and English while reasoning, and that its gains on open-ended writing tasks are smaller than in maths and coding. The company says later versions will keep working on these issues.`,
      faq: [
        {
          question: 'Can DeepSeek-R2 be used commercially?',
          answer:
            'Yes. R2 is released under the MIT licence, which allows commercial use, modification and redistribution as long as the copyright notice is kept.',
        },
        {
          question: 'What are the main improvements over R1?',
          answer:
            'Mainly maths, coding and multi-step tool use, along with a leaner reasoning process that needs about 30 percent fewer output tokens for the same task.',
        },
        {
          question: 'Can individual developers run R2 locally?',
          answer:
            'The full model needs a multi-GPU server. Individual developers are better served by the 8-billion or 32-billion-parameter distilled versions, which run on a single graphics card.',
        },
        {
          question: "Can the company's benchmark scores be trusted?",
          answer:
            'The scores were measured by DeepSeek itself. Early independent reproductions broadly match on maths problems, but a full verdict awaits more third-party evaluations.',
        },
      ],
    },
  ],
};

/** The first seven demo stories, each in Chinese and English. */
export const demoStoriesA: StoryInput[] = [
  nvidiaOpenModels,
  hbmShortage,
  openWeightsLicensing,
  mi355xBenchmarks,
  qwenRelease,
  tsmcCapacity,
  deepseekR2,
];
