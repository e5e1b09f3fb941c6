/**
 * Found by the thirteenth new-user trial (six personas, 79 turns over both chat APIs): code completion for an
 * in-house language went to distilling a 7B model into another 7B instead of training on the team's 25M tokens of
 * code; "5 example files pasted in the context" became labelled examples and an answer of five requests a day;
 * the advisor's own plan quoted back replaced the team's model; "we're not answering questions from documents" and
 * "forget the latency" changed nothing.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractProfile } from '../../src/chat/extract/index.ts';
import { recommend } from '../../src/engine/recommend.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { converse as converseWith } from '../helpers/converse.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});
const converse = (messages: string[]) => converseWith(messages, knowledge);
const read = (text: string, requestedField?: string) =>
  extractProfile(text, {
    knowledge,
    today: '2026-12-04',
    ...(requestedField ? { requestedField: requestedField as never } : {}),
  });

const KESTREL = [
  "We build an IDE plugin for our in-house config language 'Kestrel' (think HCL-ish with our own functions). We want inline code completion for it. Off the shelf coding models just hallucinate Terraform syntax. We have ~25M tokens of Kestrel code in our monorepo, no Q&A pairs",
  'preferably yes, the code is proprietary. we have 8x H100 on our own cluster though',
  "tried qwen2.5 coder 7b with the kestrel grammar + 5 example files pasted in the context. better but completions are slow with that huge prefix and it still invents functions that don't exist. latency budget for inline completion is ~200ms",
  "300 engineers, completions fire on keystroke pauses, so maybe 150k requests a day. the 5 files weren't labeled examples btw, we have zero pairs",
];

describe('code completion for a language no model has seen', () => {
  it('trains on the team’s own code, not a same-size student, and reads the facts around it', async () => {
    const turns = await converse(KESTREL);
    const last = turns.at(-1);
    expect(turns[0]?.state.profile.task).toBe('inline code completion for it');
    expect(last?.state.profile.labeledExamples).toBe(0);
    expect(last?.state.profile.requestsPerDay).toBe(150000);
    expect(last?.state.profile.unlabeledCorpus).toBe('large');
    expect(last?.state.profile.latencyTargetMs).toBe(200);
    expect(last?.recommendation.destination.objective).toBe('continued-pretraining');
  });

  it('a student is never the teacher’s size, even for a model the catalog does not list', () => {
    const result = recommend(
      {
        modelName: 'qwen2.5 coder 7b',
        modelParamsB: 7,
        modelAccess: 'open-weights',
        goals: ['latency', 'cost'],
        requestsPerDay: 150000,
        labeledExamples: 20000,
        gpuName: 'H100',
        gpuCount: 8,
      },
      knowledge,
      { explain: 'none' },
    );
    expect(result.destination.method).toBe('distillation');
    const student = result.destination.student ?? '';
    expect(knowledge.findModel(student)?.paramsB ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(3.5);
  });
});

describe('what the user did not state', () => {
  it('a prompt’s example files are no dataset and no answer to "how many requests a day?"', () => {
    const text = 'tried qwen2.5 coder 7b with the kestrel grammar + 5 example files pasted in the context.';
    expect(read(text).fields.labeledExamples).toBeUndefined();
    expect(read(text, 'requestsPerDay').fields.requestsPerDay).toBeUndefined();
    expect(read('about 5000', 'requestsPerDay').fields.requestsPerDay).toBe(5000);
  });

  it('the advisor’s plan quoted back is not the team’s model', () => {
    expect(
      read('hold on, your plan distils qwen2.5 coder 7b into qwen2.5 7b? same size').fields.modelName,
    ).toBeUndefined();
    expect(read('you suggested Llama 3.1 8B but we use Qwen2.5 7B').fields.modelName).toBe('Qwen2.5 7B');
  });

  it('"we\'re not answering questions from documents" and "forget the latency" take goals back', async () => {
    const [, notDocs, forget] = await converse([
      'Inline code completion for our internal language; answers must come from our docs; latency under 200 ms. Just recommend.',
      "we're not answering questions from documents. the goal is task skill",
      'forget the latency',
    ]);
    expect(notDocs?.state.profile.goals).not.toContain('knowledge');
    expect(notDocs?.state.profile.goals).toContain('task-skill');
    expect(forget?.state.profile.goals ?? []).not.toContain('latency');
    expect(forget?.state.profile.latencyTargetMs).toBeUndefined();
  });

  it('"how long on the H100s?" asks the time', () => {
    expect(
      read('what if we took Qwen2.5 1.5B and trained it on our code? how long on the H100s?').intents.asksCost,
    ).toBe(true);
  });
});

describe('summarising the news', () => {
  it('news articles given as input are no knowledge to retrieve: the editors’ summaries train the style', async () => {
    const turns = await converse([
      'hey! regional news cooperative here. we want 3-sentence summaries of every article in english, german, french, spanish and polish. ~1200 articles a day. budget is tight, like 200 dollars a month max. we use gpt-4o mini now but the polish summaries read like bad translations',
      'style mostly - polish and a bit the german sound translated, not like a native editor wrote them. and cost, we cant go over the 200',
      'our polish desk has written maybe 400 summaries by hand over the last year. other languages more, like 2k each for en/de',
    ]);
    expect(turns[0]?.state.profile.task).toMatch(/^3-sentence summaries of every article/);
    expect(turns.at(-1)?.recommendation.destination.method).not.toBe('rag');
    expect(read('note 1200 articles x 5 languages, articles are ~1500 tokens').fields.unlabeledCorpus).toBeUndefined();
  });
});

describe('the call centre and the security team', () => {
  it.each([
    ['we have about 60 hours of calls that were hand-corrected by QA, with transcripts', {}],
    [
      '1.28 gpu hours for 60 hours of audio x3 epochs x3 runs on an L4? that seems way too low, are you counting the audio encoder at all?',
      {},
    ],
    ['35k of the 40k are benign, some attack classes have like 50 examples. is that enough?', {}],
    ['logs cannot leave our network, period. ~5 million lines a day', { requestsPerDay: 5_000_000 }],
  ])('%s', (text, expected) => {
    const { fields } = read(text);
    const { modality: _modality, dataMustStayOnPrem: _onPrem, ...rest } = fields;
    expect(rest).toEqual(expected);
  });

  it('"stuffing drug names into whisper\'s initial_prompt … plateaued" is prompting tried', () => {
    expect(
      read("we tried stuffing drug names into whisper's initial_prompt. helped a bit, then plateaued").fields.tried,
    ).toEqual([{ method: 'prompt-engineering', result: 'plateaued' }]);
  });

  it('"latency doesn\'t matter for us, forget it" takes the latency goal back', () => {
    expect(read("latency doesn't matter for us, forget it").removedGoals).toEqual(['latency']);
  });

  it('"can 2 A10s serve an 8B model at 200 lines per second?" is a serving question at that rate', async () => {
    const [, asked] = await converse([
      'SOC team at a bank: classify log lines into 12 categories, logs stay on our network, 5 million lines a day, 40k labeled lines, 2x A10 24GB, Llama 3.1 8B. Just recommend.',
      'can 2 A10s actually serve an 8B model at 200 lines per second under 50ms each? i doubt it',
    ]);
    expect(asked?.reply).toMatch(/That is about 200 requests a second \(17,280,000 a day\)/);
    expect(asked?.reply).toMatch(/I don't estimate throughput/);
  });
});

describe('the solo developer on a Mac', () => {
  it('"no GPUs, it\'s a mac" is no "no GPUs" (Apple silicon trains with MLX), and emails with replies are examples', () => {
    expect(read("there are no GPUs, it's a mac. can I fine-tune on the mac?").fields.gpuCount).toBeUndefined();
    expect(read('no GPUs at all').fields.gpuCount).toBe(0);
    expect(read('600 emails, each is a client email + my reply. though maybe 200 are one-liners').fields).toEqual({
      labeledExamples: 600,
    });
  });
});

describe('the regulatory writers', () => {
  it('examples pasted into the prompt are no dataset, and "good … drifts in long sections" is a plateau', () => {
    expect(
      read(
        'tried: pasting the template + 2 example overviews into the prompt. good on structure mostly, drifts in long sections.',
      ).fields,
    ).toMatchObject({ tried: [{ method: 'prompt-engineering', result: 'plateaued' }] });
    expect(
      read('tried: pasting the template + 2 example overviews into the prompt.').fields.labeledExamples,
    ).toBeUndefined();
  });

  it('"how do we get it to follow our template exactly?" is answered', () => {
    expect(read('how do we get it to follow our template exactly then?').intents.asksFormatGuarantee).toBe(true);
  });
});

describe('the bill at the request size the team gives', () => {
  it('uses the output tokens too ("writes ~3k tokens", "40k in and 3k out")', async () => {
    const [, written, inOut] = await converse([
      'Regulatory writing on Claude 3.5 Sonnet via Bedrock; 30 section drafts a day; drafts must follow our templates and cite the CSR; 150 approved overviews. Just recommend.',
      'what will this cost us on claude per month? note each draft pulls ~40k tokens of CSR passages into the prompt and writes ~3k tokens',
      'you ignored the 3k output tokens. what would it cost with 40k in and 3k out?',
    ]);
    for (const reply of [written?.reply, inOut?.reply])
      expect(reply).toMatch(
        /about \$149 a month of API calls at your volume \(at your 40,000 input and 3,000 output tokens/,
      );
  });
});

describe('the fourteenth trial and batch x21', () => {
  it.each([
    ["7.3GB per GPU for a 70B model? that can't be right", {}],
    ['requests per day is 1500, not 8000', { requestsPerDay: 1500 }],
    ["that's wrong, we have 48GB cards", { gpuMemoryGB: 48 }],
    ["correction: it's 3 A100s not 2, and they're the 40GB ones", { gpuCount: 3, gpuName: 'NVIDIA A100 40GB' }],
    ['our cards are some older 12GB ones', { gpuMemoryGB: 12 }],
    ['we need it to decline that stuff', { goals: ['alignment'] }],
    ['the base model ignores half our instructions', { modelStage: 'base', goals: ['instruction-following'] }],
    ["it's just me and I'm a beginner", { mlExpertise: 'basic' }],
    ['right now we have zero pairs, just 600 good examples', { preferencePairs: 0, labeledExamples: 600 }],
  ])('%s', (text, expected) => {
    expect(read(text).fields).toEqual(expected);
  });

  it('"roughly 12, one per franchise" answers the count asked', () => {
    expect(read('roughly 12, one per franchise', 'tasksCount').fields.tasksCount).toBe(12);
  });
});

describe('the bank in the fourteenth trial', () => {
  it('retrieval said to work already is tried and good enough; "real time isn\'t possible" is no latency target', () => {
    expect(read('the knowledge part works fine already with our RAG over the help pages').fields.tried).toEqual([
      { method: 'rag', result: 'good-enough' },
    ]);
    expect(
      read('a human reviewing every chatbot reply in real time isnt possible, we get 40k chats a day').fields
        .latencyTargetMs,
    ).toBeUndefined();
    expect(read('it has to answer in real time').fields.latencyTargetMs).toBe(1000);
  });

  it('"rather not, …" answers "may the model change?" with no', () => {
    expect(
      read('rather not, Claude on Bedrock was approved by our model risk committee after 9 months.', 'canSwitchModel')
        .fields.canSwitchModel,
    ).toBe(false);
  });
});

describe('the HR-tech team in the fourteenth trial', () => {
  it('"8k recruiter scores" is no daily volume; "is it safe to fine-tune on them?" gets the high-stakes answer', async () => {
    expect(read('we have 8k recruiter scores from last year', 'requestsPerDay').fields.requestsPerDay).toBeUndefined();
    const [, asked] = await converse([
      'HR-tech: we score CVs against job descriptions with GPT-4o mini; 8k historical recruiter scores that may be biased. Just recommend.',
      'Is it safe to fine-tune on historical recruiter scores? they might be biased',
    ]);
    expect(asked?.reply).toMatch(/^No method makes a model safe for this by itself/);
    expect(asked?.reply).toMatch(/Errors here are costly/);
  });
});

describe('the biotech in the fourteenth trial', () => {
  it('reads "nothing leaves our cluster", a doubted rental figure and "don\'t switch"', () => {
    expect(read('internal reports are confidential, nothing leaves our cluster. so renting is out').fields).toEqual({
      dataMustStayOnPrem: true,
    });
    expect(
      read('your rental number makes no sense - one MI300X has 192GB, how does a 1.3TB job fit on it?').fields,
    ).toEqual({});
    expect(read("to your question: stay on the 70B please, don't switch").fields.canSwitchModel).toBe(false);
  });

  it('continued pre-training is timed on the corpus, spread over the team’s GPUs', async () => {
    const [, asked] = await converse([
      'Computational biology at a biotech: Llama 3.1 70B base, 2B tokens of papers, 500 Q&A pairs for later, 8x H100 80GB, data must stay on premises, we cannot switch models, no renting. Just recommend.',
      'how many hours would continued pretraining on the 2B tokens take on our 8 H100s?',
    ]);
    expect(asked?.reply).toMatch(
      /^LoRA on your GPUs: about [\d,.]+ GPU-hours for a three-run project \(about [\d,.]+ h on your 8 GPUs(?:, about \d+ (?:days|weeks); one run about \d+ (?:days|weeks))?\)/,
    );
    expect(asked?.reply).toMatch(/one pass over your corpus of 2,000,000,000 tokens \(continued pre-training\)/);
    const hours = Number(/about ([\d,.]+) GPU-hours/.exec(asked?.reply ?? '')?.[1]?.replaceAll(',', ''));
    expect(hours).toBeGreaterThan(500);
  });
});

describe('"whats the monthly bill …?"', () => {
  it('is a cost question', () => {
    expect(
      read('whats the monthly bill serving the tuned 8B at 2M descriptions/month? will it stay under 3k?').intents
        .asksMonthlyCost,
    ).toBe(true);
  });
});

describe('the advisor’s figure said back as a question', () => {
  it('is not the team’s GPU memory, while "2 A100s?" as an answer still counts', () => {
    expect(
      read('7.3GB per GPU for a 70B model? the bf16 weights alone are 140GB. are you answering for the 8B?').fields,
    ).toEqual({});
    expect(read('2 A100s?', 'gpuName').fields).toMatchObject({ gpuCount: 2 });
  });

  it('"why would full FT not fit? I meant continued pretraining" still asks about full fine-tuning', () => {
    expect(
      read(
        'prefer 70B. why would full FT not fit on 640GB of H100 with FSDP + activation checkpointing? and fwiw I meant continued pretraining, not fine tuning',
      ).intents.continuedPretraining,
    ).toBeUndefined();
  });
});

describe('more of batch x21', () => {
  it.each([
    [
      'Plan is to continue pretraining on our internal assay reports + public PubMed abstracts, roughly 3B tokens total',
      { corpusTokens: 3_000_000_000, unlabeledCorpus: 'large' },
    ],
    [
      'tried lots of prompt engineering with gpt-4.1 and the voice is still off',
      { tried: [{ method: 'prompt-engineering', result: 'plateaued' }] },
    ],
    ["since kids' data can't leave the device", { dataMustStayOnPrem: true }],
    ["running locally on players' gaming PCs next to the game", { deployment: 'edge' }],
  ])('%s', (text, expected) => {
    expect(read(text).fields).toMatchObject(expected);
  });
});

describe('a bare daily count beside the work it counts', () => {
  it('"we generate product descriptions …, around 5k per day" is the volume', () => {
    expect(
      read('we generate product descriptions in our brand voice for new listings, around 5k per day').fields
        .requestsPerDay,
    ).toBe(5000);
    expect(read('we have about 3 per day meetings').fields.requestsPerDay).toBeUndefined();
  });
});
