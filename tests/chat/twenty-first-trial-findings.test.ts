/**
 * Found by the twenty-first new-user trial (six personas, 84 turns over both chat APIs): questions and doubts that
 * name a model or a GPU overwrote the team's facts ("isn't gpt-4o mini being shut down too?" made GPT-4o mini the
 * model); a Mac's memory replaced a tablet's; one example's token count became the number of examples; advice
 * distilled into a model retiring with its teacher, planned retrieval with no documents, and distilled from the model
 * that had failed although 12,000 human-written examples were there.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractProfile } from '../../src/chat/extract/index.ts';
import { recommend } from '../../src/engine/recommend.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { Profile, type ProfileField } from '../../src/profile/profile-schema.ts';
import { converse as converseWith } from '../helpers/converse.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});
const fields = (text: string, requestedField?: ProfileField) =>
  extractProfile(text, { knowledge, today: '2026-12-05', ...(requestedField ? { requestedField } : {}) }).fields;
const advise = (profile: Record<string, unknown>) => recommend(Profile.parse(profile), knowledge);
const intents = (text: string) => extractProfile(text, { knowledge }).intents;
const converse = (messages: string[]) => converseWith(messages, knowledge);

describe('questions and doubts state no facts', () => {
  it.each([
    "we tried prompting already, it's good enough. but hang on, isn't gpt-4o mini being shut down too?",
    'ok. you skipped my main question: which model would you pick for us, given gpt-4o and 4o-mini both retire in january?',
    'This still distills into GPT-4o mini, which you yourself said shuts down on 2027-01-14.',
    "Hmm. For field extraction wouldn't a LoRA on Llama 3.1 8B do just as well and be much cheaper to serve?",
  ])('names no model: %s', (text) => {
    expect(fields(text).modelName).toBeUndefined();
  });

  it('keeps a model the team says it uses, even beside its end of life', () => {
    expect(fields('we use gpt-4o which retires in january').modelName).toBe('GPT-4o');
    expect(fields('GPT-4o retires in January, we need to move').modelName).toBe('GPT-4o');
  });

  it('reads no GPU from the price of renting one', () => {
    const read = fields(
      "We don't own an H100, we would RENT one. So what's the rental bill on a rented H100, roughly?",
    );
    expect(read.gpuName).toBeUndefined();
    expect(read.gpuCount).toBeUndefined();
  });

  it('takes "no model picked yet, we were thinking X?" as a free choice, not as X', () => {
    const read = fields(
      'No model picked yet, we were thinking Llama 3.1 70B because bigger = better? Which model would you pick?',
    );
    expect(read.modelName).toBeUndefined();
    expect(read.canSwitchModel).toBe(true);
  });

  it('reads no stage from a worry about "the base model"', () => {
    expect(fields("I worry the base model won't even understand the questions.").modelStage).toBeUndefined();
    expect(fields('we use the base model').modelStage).toBe('base');
  });
});

describe('facts said in passing', () => {
  it('reads "nothing customer-related may leave our data centre" as data on-premises', () => {
    expect(fields('Nothing customer-related may leave our data centre, ever.').dataMustStayOnPrem).toBe(true);
  });

  it('takes the tablet’s memory, not the Mac the team develops on', () => {
    expect(fields('the mac has 32GB, the 3GB is the tablet.').deviceMemoryGB).toBe(3);
    expect(fields('we develop on macbooks with 32gb')).toEqual({});
    // A Mac the model runs on is still the device.
    expect(fields("I'm a solo dev on a macbook pro m3 with 36gb, want a local coding assistant").deviceMemoryGB).toBe(
      36,
    );
  });

  it('adds up one example’s parts, and reads no number of examples from it', () => {
    const read = fields('no, one example = ~150 tokens of notes + ~400 tokens of report, so ~550 total.');
    expect(read.exampleTokens).toBe(550);
    expect(read.labeledExamples).toBeUndefined();
    expect(fields('each example: 2k tokens of context plus 300 tokens of answer').exampleTokens).toBe(2300);
  });

  it('does not answer a pending volume question with "one application"', () => {
    expect(
      fields(
        'The OCR text of one application is long, roughly 3k tokens plus ~200 tokens of JSON output. Does that change the training time?',
        'requestsPerDay',
      ).requestsPerDay,
    ).toBeUndefined();
    expect(fields('just one a day', 'requestsPerDay').requestsPerDay).toBe(1);
  });

  it('reads no deadline from a duration a letter must contain', () => {
    expect(
      fields('every letter MUST contain the appeal-rights paragraph and the 30-day deadline, no exceptions')
        .timelineWeeks,
    ).toBeUndefined();
    expect(fields('we have a 6-week deadline').timelineWeeks).toBe(6);
  });

  it('reads a failed few-shot attempt and the format it missed', () => {
    const read = fields(
      'we tried phi-3-mini with a long few-shot prompt on a laptop: it ignored our section headings half the time',
    );
    expect(read.tried).toEqual([{ method: 'in-context-learning', result: 'failed' }]);
    expect(read.needsStyleOrFormat).toBe(true);
  });
});

describe('advice', () => {
  const tablet = {
    taskType: 'generate',
    deployment: 'mobile',
    deviceMemoryGB: 3,
    labeledExamples: 12000,
    gpuCount: 1,
    gpuName: 'NVIDIA GeForce RTX 3090',
  };

  it('plans no retrieval when the team has no documents', () => {
    const advice = advise({
      ...tablet,
      goals: ['on-device', 'knowledge', 'format'],
      modelName: 'Llama 3.2 3B',
      needsStyleOrFormat: true,
      unlabeledCorpus: 'none',
      tried: [{ method: 'prompt-engineering', result: 'plateaued' }],
    });
    expect(advice.plan.flatMap((step) => step.methods)).not.toContain('rag');
    expect(advice.destination.method).toBe('lora');
  });

  it('trains a device-sized model on the team’s examples instead of distilling the model that failed', () => {
    const advice = advise({
      ...tablet,
      modelName: 'Phi-3-mini (4K)',
      tried: [{ method: 'in-context-learning', result: 'failed' }],
    });
    expect(advice.destination.method).not.toBe('distillation');
    expect(['lora', 'qlora', 'full-fine-tuning']).toContain(advice.destination.method);
    expect(advice.destination.model.name).not.toBe('Phi-3-mini (4K)');
  });

  it('moves tuning off a model its vendor retires within months when the team may switch', () => {
    const advice = advise({
      modelName: 'GPT-4o',
      deployment: 'cloud-api',
      taskType: 'generate',
      canSwitchModel: true,
      goals: ['cost'],
      requestsPerDay: 50000,
      labeledExamples: 40000,
      gpuCount: 0,
      tried: [{ method: 'prompt-engineering', result: 'good-enough' }],
    });
    // What is trained is another model: a substitute, or a student the retiring model teaches while it still answers
    // (since the twenty-third session: a prompt already good enough makes no tuned copy of the tier a cost fix).
    const trained = advice.destination.student ?? advice.destination.model.name;
    expect(trained).not.toBe('GPT-4o');
    // Nor into the cheaper tier its vendor shuts down the same day.
    expect(trained).not.toBe('GPT-4o mini');
    expect(advice.destination.model.name).not.toBe('GPT-4o mini');
  });
});

describe('questions the README lists, in the trial’s words', () => {
  it('reads "can we get the tone just with a prompt and few-shot examples?" as "is prompting enough?"', () => {
    expect(
      intents('Can we get the per-language tone just with a prompt and few-shot examples from our best-rated replies?')
        .whyNot,
    ).toBe('prompt-engineering');
  });

  it('reads a guarantee of mandatory sections as the format-guarantee question', () => {
    expect(intents('how do we guarantee the output always contains the required sections?').asksFormatGuarantee).toBe(
      true,
    );
    expect(intents('can LoRA guarantee the mandatory paragraphs appear in every letter?').asksFormatGuarantee).toBe(
      true,
    );
  });

  it('reads harm said in words as safety-critical, and "does that change anything?" as no question of its own', () => {
    const read = extractProfile(
      'Important: a wrong torque value can injure someone, so mistakes are costly. Does that change anything?',
      { knowledge },
    );
    expect(read.fields.safetyCritical).toBe(true);
    expect(read.intents.unanswered).toBeUndefined();
  });

  it('answers whether embedding search finds exact codes, with the cited retrieval figures', async () => {
    const [, asked] = await converse([
      'Machinery maker: 4 billion tokens of manuals and service reports, answers must cite the report, reports arrive daily. Llama 3.1 8B on 8 H100s. Just recommend.',
      'our queries are full of exact codes (E-217, GX-400) - will embedding search even find those?',
    ]);
    expect(asked?.reply).toMatch(/^Not reliably with embeddings alone/);
    expect(asked?.reply).toMatch(/BM25/);
    expect(asked?.replyData?.sources?.map((source) => source.id)).toEqual(['ant-cr']);
  });

  it('answers "can we even serve a 70B on two 40GB cards?" with the 4-bit figure', async () => {
    const [, asked] = await converse([
      "We're a bank: extract fields from OCR'd loan documents into our JSON schema. Nothing customer-related may leave our data centre. We have two A100 40GB in the rack. 6,000 labelled documents. We'd use Llama 3.1 70B. Just recommend.",
      'Can we even serve a 70B on two 40GB cards?',
    ]);
    expect(asked?.reply).toMatch(
      /^Not in 16-bit: .+\. At 4 bits, yes: about \d+ GB \(its 4-bit weights take about 36 GB\)/,
    );
  });

  it('takes "does your $187 include that?" as the cost question, not an unanswerable one', () => {
    expect(intents('does your $187 include that?').asksCost).toBe(true);
  });

  it('reads "what happens to instruction following?" beside base-or-instruct as part of that question', () => {
    const read = intents(
      'should we run it on the instruct checkpoint or the base one? What happens to instruction following?',
    );
    expect(read.asksInstructVsBase).toBe(true);
    expect(read.unanswered).toBeUndefined();
  });
});

describe('corrections inside one message', () => {
  it.each([
    ["sorry typo earlier: 80 GPUs was wrong, it's 8", 'gpuCount', 8],
    ["we have 5k labeled examples, wait no, 5k was last quarter, it's about 9k now", 'labeledExamples', 9000],
    ['training budget was $20k but finance cut it to 8k last week :(', 'oneTimeBudgetUSD', 8000],
    ["we're on llama 3 8b... no wait, we upgraded to 3.1 last month", 'modelName', 'Llama 3.1 8B'],
    ['llama 3.1 8b, wait no, 70b', 'modelName', 'Llama 3.1 70B'],
    ['qwen 2 7b, sorry i mean 2.5', 'modelName', 'Qwen2.5 7B'],
  ] as const)('%s → %s %s', (text, field, value) => {
    expect(fields(text)[field]).toBe(value);
  });

  it('keeps a past figure in the past and a version that is not a correction', () => {
    expect(fields('last year we had 4 A100s').gpuCount).toBeUndefined();
    expect(fields('we use llama 3.1 8b and 2 gpus')).toMatchObject({ modelName: 'Llama 3.1 8B', gpuCount: 2 });
  });
});
