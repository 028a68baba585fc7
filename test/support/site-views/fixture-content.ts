// Sample stories for view tests and screenshots: a comparison story in the shape of the reference
// page (H2s, an ordered list with bold lead-ins, a comparison table, links to other stories, a FAQ),
// written for these tests in both languages.

export type FixtureLocale = 'zh' | 'en';

interface SampleStory {
  title: string;
  summary: string;
  alt: string;
  bodyHtml: string;
  faq: { question: string; answerHtml: string }[];
}

const tableZh = `<div class="table-scroll" role="region" aria-label="H200与MI300X规格对比" tabindex="0"><table>
<thead><tr><th scope="col">规格</th><th scope="col">英伟达H200</th><th scope="col">AMD MI300X</th></tr></thead>
<tbody>
<tr><th scope="row">显存容量</th><td>141 GB HBM3e</td><td>192 GB HBM3</td></tr>
<tr><th scope="row">显存带宽</th><td>4.8 TB/s</td><td>5.3 TB/s</td></tr>
<tr><th scope="row">软件生态</th><td>CUDA，工具链成熟</td><td>ROCm，进步很快但仍需适配</td></tr>
<tr><th scope="row">典型功耗</th><td>最高700瓦</td><td>最高750瓦</td></tr>
</tbody></table></div>`;

const tableEn = `<div class="table-scroll" role="region" aria-label="H200 and MI300X compared" tabindex="0"><table>
<thead><tr><th scope="col">Specification</th><th scope="col">Nvidia H200</th><th scope="col">AMD MI300X</th></tr></thead>
<tbody>
<tr><th scope="row">Memory</th><td>141 GB HBM3e</td><td>192 GB HBM3</td></tr>
<tr><th scope="row">Memory bandwidth</th><td>4.8 TB/s</td><td>5.3 TB/s</td></tr>
<tr><th scope="row">Software</th><td>CUDA, a mature toolchain</td><td>ROCm, improving fast but still needs porting work</td></tr>
<tr><th scope="row">Typical power</th><td>up to 700 W</td><td>up to 750 W</td></tr>
</tbody></table></div>`;

export const SAMPLE_STORIES: Record<FixtureLocale, SampleStory> = {
  zh: {
    title: '英伟达H200对阵AMD MI300X：大模型推理该选哪块GPU？',
    summary: '显存更大的MI300X在长上下文推理上占优，H200则靠CUDA生态和更低的迁移成本留住客户。',
    alt: '数据中心机柜中排列整齐的GPU服务器，指示灯发出蓝光',
    bodyHtml: `<p>过去一年，大模型推理的成本结构变了：训练只做一次，推理却要每天跑上亿次。于是各家云厂商开始认真比较<a href="/zh/topics/h200">H200</a>和MI300X，而不再默认只买英伟达。</p>
<h2>显存决定能跑多大的模型</h2>
<p>推理时，模型权重和键值缓存都要放进显存。MI300X的192 GB意味着一个700亿参数的模型可以放进单卡，而H200通常需要两张卡并行。</p>
<ol>
<li><strong>单卡容量：</strong>MI300X多出约三分之一，长上下文任务受益最明显。</li>
<li><strong>带宽：</strong>两者都超过4 TB/s，差距小于容量差距。</li>
<li><strong>互联：</strong>NVLink在多卡扩展上仍然领先。</li>
</ol>
<h2>规格对比</h2>
${tableZh}
<h2>软件生态仍是英伟达的护城河</h2>
<p>多数推理框架先支持CUDA，再适配ROCm。我们在<a href="/zh/ai-models/open-weights-inference">开源模型推理成本调查</a>中发现，迁移一个成熟服务平均需要两到六周。</p>
<p>AMD正在缩小差距：主流框架已经能在MI300X上直接运行，性能调优的文档也越来越完整。更多背景见<a href="/zh/chips/hbm-supply">HBM产能报道</a>。</p>`,
    faq: [
      {
        question: 'H200和H100有什么区别？',
        answerHtml:
          '<p>H200沿用H100的计算核心，但换成了141 GB的HBM3e显存，带宽也更高，因此在推理上明显更快。</p>',
      },
      {
        question: 'MI300X能直接运行PyTorch吗？',
        answerHtml:
          '<p>可以。PyTorch官方提供ROCm版本，大多数模型无需修改代码即可运行，但部分自定义算子需要重新编译。</p>',
      },
      {
        question: '哪里可以看到更多GPU对比？',
        answerHtml: '<p>我们的<a href="/zh/gpus">GPU专题页</a>汇总了所有相关报道和规格。</p>',
      },
    ],
  },
  en: {
    title: 'Nvidia H200 vs AMD MI300X: which GPU should run your model inference?',
    summary:
      'The MI300X’s larger memory wins on long-context inference, while the H200 keeps customers with CUDA and a cheaper migration path.',
    alt: 'Rows of GPU servers in a data-centre rack, their status lights glowing blue',
    bodyHtml: `<p>Over the past year the economics of large models have shifted: a model is trained once but answers queries hundreds of millions of times a day. Cloud providers now compare the <a href="/en/topics/h200">H200</a> and the MI300X in earnest instead of buying Nvidia by default.</p>
<h2>Memory decides how large a model fits</h2>
<p>At inference time the weights and the key-value cache both live in GPU memory. With 192 GB, a 70-billion-parameter model fits on a single MI300X, while the H200 usually needs two cards working together.</p>
<ol>
<li><strong>Capacity per card:</strong> the MI300X has about a third more, which matters most for long contexts.</li>
<li><strong>Bandwidth:</strong> both exceed 4 TB/s; the gap is smaller than the capacity gap.</li>
<li><strong>Interconnect:</strong> NVLink still leads when scaling across many cards.</li>
</ol>
<h2>The specifications side by side</h2>
${tableEn}
<h2>Software remains Nvidia’s moat</h2>
<p>Most inference frameworks support CUDA first and ROCm second. In our <a href="/en/ai-models/open-weights-inference">survey of open-weights inference costs</a>, moving a mature service took two to six weeks on average.</p>
<p>AMD is closing the gap: the main frameworks now run on the MI300X out of the box, and its tuning guides keep improving. For background, see our <a href="/en/chips/hbm-supply">report on HBM supply</a>.</p>`,
    faq: [
      {
        question: 'How does the H200 differ from the H100?',
        answerHtml:
          '<p>The H200 keeps the H100’s compute die but moves to 141 GB of HBM3e with more bandwidth, so it is markedly faster at inference.</p>',
      },
      {
        question: 'Can the MI300X run PyTorch directly?',
        answerHtml:
          '<p>Yes. PyTorch ships official ROCm builds and most models run unchanged, though some custom kernels must be rebuilt.</p>',
      },
      {
        question: 'Where can I compare more GPUs?',
        answerHtml:
          '<p>Our <a href="/en/gpus">GPU hub</a> gathers every related story and its specifications.</p>',
      },
    ],
  },
};

/** Short cards for lists: [slug, section key, zh title, en title, zh summary, en summary]. */
export const SAMPLE_CARDS: [string, string, string, string, string, string][] = [
  [
    'open-weights-inference',
    'ai-models',
    '开源模型推理成本调查：自建集群何时比API更便宜',
    'Open-weights inference costs: when your own cluster beats the API',
    '我们访谈了十二家公司，比较了自建推理与调用API的真实账单。',
    'We compared real bills from twelve companies running their own inference or paying per token.',
  ],
  [
    'hbm-supply',
    'chips',
    'HBM产能紧张，明年GPU交付仍受限',
    'HBM shortage will keep limiting GPU deliveries next year',
    '三大存储厂商扩产速度赶不上需求，高带宽内存成为AI芯片的新瓶颈。',
    'The three memory makers cannot expand fast enough, making high-bandwidth memory the new bottleneck.',
  ],
  [
    'small-models-phones',
    'ai-models',
    '小模型走进手机：端侧推理的三种路线',
    'Small models move onto phones: three routes to on-device inference',
    '从量化到专用NPU，手机厂商正在用不同方式把大模型装进口袋。',
    'From quantisation to dedicated NPUs, phone makers are taking different paths to pocket-sized models.',
  ],
  [
    'datacenter-power',
    'industry',
    '数据中心用电激增，电网成为AI扩张的新约束',
    'Data-centre power demand surges as the grid becomes AI’s new limit',
    '新建园区排队等待并网，部分项目推迟到2027年以后。',
    'New campuses queue for grid connections, and some projects slip past 2027.',
  ],
];

export const SAMPLE_SECTIONS: Record<string, Record<FixtureLocale, string>> = {
  'ai-models': { zh: 'AI模型', en: 'AI models' },
  chips: { zh: '芯片', en: 'Chips' },
  industry: { zh: '产业', en: 'Industry' },
  research: { zh: '研究', en: 'Research' },
};
