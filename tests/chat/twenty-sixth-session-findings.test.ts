/**
 * Found in the twenty-sixth session: newuser52's repros, the fresh batches' misses (w80 / batch77, x60, x61) and the
 * counter-examples each fix must leave alone.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractProfile } from '../../src/chat/extract/index.ts';
import { recommend } from '../../src/engine/recommend.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import type { ProfileField } from '../../src/profile/profile-schema.ts';
import { Profile } from '../../src/profile/profile-schema.ts';
import { converse } from '../helpers/converse.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});
const extract = (text: string, requestedField?: ProfileField) =>
  extractProfile(text, { knowledge, today: '2026-12-07', ...(requestedField ? { requestedField } : {}) });
const read = (text: string, requestedField?: ProfileField) => extract(text, requestedField).fields;
const advise = (profile: Record<string, unknown>) => recommend(Profile.parse(profile), knowledge, { explain: 'none' });

describe('labelled examples said in everyday words (newuser52 F01, x60)', () => {
  it.each([
    ['we have 2k reports that were summarised by hand', 2000],
    ['maybe 2k that the safety manager already summarised properly by hand in the format we want', 2000],
    ['brokers have hand-coded 250k lines we can use', 250_000],
    ['ops already hand-keyed 1,200 of those emails into the system so those are basically labeled', 1200],
    ["we've got ~2,000 function blocks paired with the spec they were written from", 2000],
  ])('%s → %d', (text, count) => {
    expect(read(text).labeledExamples).toBe(count);
  });

  it('reads no labels from records said to come without their outputs', () => {
    expect(read('we also have like 8,000 older reports without summaries.').labeledExamples).toBeUndefined();
    // (The counter-example keeps its reading: records with their outputs are examples.)
    expect(read('800 tickets with their resolutions').labeledExamples).toBe(800);
    expect(read('1,200 clips w/transcripts').labeledExamples).toBe(1200);
  });

  it('keeps "no examples" when the same message counts records that merely come with text', () => {
    const fields = read(
      "We don't have examples as such. We have the collection database, roughly 12,000 object records with descriptions, plus audio guide scripts.",
    );
    expect(fields.labeledExamples).toBe(0);
    expect(fields.modality).toBeUndefined();
  });

  it('reads a rough count in words as the answer to the examples question', () => {
    expect(read('a few thousand', 'labeledExamples').labeledExamples).toBe(3000);
    expect(read('a few thousand already categorised', 'labeledExamples').labeledExamples).toBe(3000);
    expect(read('a couple hundred maybe', 'labeledExamples').labeledExamples).toBe(200);
  });
});

describe('preference pairs said as judged pairs (x60)', () => {
  it.each([
    ['Our nurses have rated ~1,200 pairs of responses as better/worse.', 1200],
    ['we actually logged which of two drafts the copywriters picked, roughly 3,500 of those pairs.', 3500],
  ])('%s → %d pairs, no labelled examples', (text, pairs) => {
    const fields = read(text);
    expect(fields.preferencePairs).toBe(pairs);
    expect(fields.labeledExamples).toBeUndefined();
  });
});

describe('what the data is made of (newuser52 F02)', () => {
  it('does not make photos of printed receipts an image model', () => {
    expect(read('the receipts are mostly phone photos or scanned PDFs').modality).toBeUndefined();
    // (Photos that are the input themselves stay images.)
    expect(read('we classify 500 labeled photos of damaged crops').modality).toBe('image');
  });

  it('reads "the model would just see the text" and "just text too" as text', () => {
    expect(
      read('our bookkeeping software already OCRs the receipts into text, so the model would just see the text')
        .modality,
    ).toBe('text');
    expect(read('The audio guide scripts are just text too.').modality).toBe('text');
  });

  it('does not make audio-guide scripts audio, while transcribing recordings stays audio work', () => {
    expect(read('we have 300 audio-guide scripts of 2 pages each').modality).toBeUndefined();
    expect(read('we need to transcribe audio recordings').taskType).toBe('transcribe');
  });
});

describe('facts newuser52 said plainly and was asked again (F07)', () => {
  it('reads "no servers or GPUs" and "we don\'t have one" as no GPUs', () => {
    expect(read("we don't have any servers or GPUs, just laptops").gpuCount).toBe(0);
    expect(read("if we had a GPU we'd try something local but we don't have one.").gpuCount).toBe(0);
    // (A GPU said as theirs stays.)
    expect(read("we have a GPU but we don't have one for training").gpuCount).toBe(1);
  });

  it('reads how often knowledge changes past a clause ("when we swap suppliers, maybe every month or so")', () => {
    expect(
      read('our recipes and allergen sheets change when we swap suppliers, maybe every month or so').knowledgeChanges,
    ).toBe('monthly');
  });

  it('reads allergen questions as safety-critical', () => {
    expect(
      read('we want AI to write product descriptions and also answer customers’ allergen questions.').safetyCritical,
    ).toBe(true);
  });

  it('reads an estimated volume said with "might", but not a GPU that might be bought', () => {
    expect(read('In summer we might get 2,000 questions a day').requestsPerDay).toBe(2000);
    expect(read('we might get 2 more A100s').gpuCount).toBeUndefined();
  });

  it('adds two workloads said per day, but not one volume said per day and per month', () => {
    expect(read('Maybe 150 receipts a day and 30 tax questions a day').requestsPerDay).toBe(180);
    expect(read('2k tickets a day and 60k tickets a month').requestsPerDay).toBe(2000);
  });

  it('reads a hedged yes or no to a yes/no question', () => {
    expect(
      read('Hmm, preferably yes, client financial data is sensitive', 'dataMustStayOnPrem').dataMustStayOnPrem,
    ).toBe(true);
    expect(read('probably not', 'dataMustStayOnPrem').dataMustStayOnPrem).toBe(false);
    expect(read('likely a mix', 'dataMustStayOnPrem').dataMustStayOnPrem).toBeUndefined();
  });

  it('reads a chat app prompted by hand, with a format all over the place, as prompting that plateaued', () => {
    expect(read('we tried chatgpt by hand a bit and it was ok but all over the place format wise').tried).toEqual([
      { method: 'prompt-engineering', result: 'plateaued' },
    ]);
    // (A model used as a judge is no prompt tried for the task.)
    expect(
      read(
        "We tried Gemini 2.5 Pro as a judge and it's fine, but the model we serve is Llama 3.1 70B. we also tried DPO on 1k preference pairs and it did nothing",
      ).tried,
    ).toEqual([{ method: 'preference-tuning', result: 'failed' }]);
  });

  it('reads "the assistant should answer from those" as knowledge from the documents', () => {
    expect(read('We have the collection database. The assistant should answer from those records.').goals).toEqual([
      'knowledge',
    ]);
  });

  it('reads "no one here knows what fine-tuning even is" as no ML experience', () => {
    expect(read('honestly no one here knows what fine-tuning even is lol').mlExpertise).toBe('none');
  });

  it('sizes "6,000 pages, plus 300 scripts of 2 pages each" by adding, not multiplying', () => {
    expect(
      read(
        'Each record is maybe half a page, so 6,000 pages, plus about 300 audio guide scripts of 2 pages each.',
        'corpusTokens',
      ).corpusTokens,
    ).toBe(2_640_000);
    expect(read('~2000 help center articles. most are short, maybe 1 page each', 'corpusTokens').corpusTokens).toBe(
      800_000,
    );
  });

  it('reads the tokens each request pulls in', () => {
    expect(read('each question will pull in maybe 4k tokens of catalogue text.').inputTokensPerRequest).toBe(4000);
  });
});

describe('questions newuser52 asked in everyday words (F05)', () => {
  const intents = (text: string) => extract(text).intents;

  it.each([
    'how can we be sure every output is valid JSON that matches our schema?',
    'how do we make 100% sure every summary comes out in exactly our format?',
  ])('%s → the format guarantee', (text) => {
    expect(intents(text).asksFormatGuarantee).toBe(true);
  });

  it('reads "does that actually squeeze into the 4090\'s memory?" as a fit question', () => {
    expect(intents("does that actually squeeze into the 4090's memory?").asksFit).toBe(true);
  });

  it('reads "get away with a good prompt" as why not prompting, and pasting examples into a chat as few-shot', () => {
    expect(intents("couldn't we just get away with a really good prompt instead?").whyNot).toBe('prompt-engineering');
    expect(
      intents(
        'why can’t we just use chatgpt and paste in a few of our good descriptions as examples?'.replace('’', "'"),
      ).whyNot,
    ).toBe('in-context-learning');
  });

  it('weighs LoRA against "a proper full fine-tune"', () => {
    expect(intents('why LoRA and not a proper full fine-tune?').asksComparison).toEqual(['lora', 'full-fine-tuning']);
  });

  it('reads "a second 3090" as two GPUs in a what-if', () => {
    const extraction = extract('what if we bought a second 3090, would full fine-tuning work then?');
    expect(extraction.hypothetical?.gpuCount).toBe(2);
    expect(extraction.fields.gpuCount).toBeUndefined();
  });

  it('reads "can we keep it in house?" as a what-if, and "we must keep it in house" as the fact', () => {
    const asked = extract('can we keep the customer questions in house? what would that mean for us');
    expect(asked.hypothetical?.dataMustStayOnPrem).toBe(true);
    expect(asked.fields.dataMustStayOnPrem).toBeUndefined();
    expect(extract('what could we do to keep data in house?').hypothetical?.dataMustStayOnPrem).toBe(true);
    expect(read('we must keep the customer questions in house').dataMustStayOnPrem).toBe(true);
  });
});

describe('advice newuser52 found wrong (F03, F06, F08, F10, F11)', () => {
  const bakery = {
    task: 'write product descriptions',
    taskType: 'generate',
    goals: ['style'],
    needsStyleOrFormat: true,
    labeledExamples: 300,
    gpuCount: 0,
    requestsPerDay: 200,
  };

  it('sends a team with no GPUs and light traffic to a provider-tuned API model, not a self-served 72B', () => {
    const rec = advise(bakery);
    expect(rec.destination.method).toBe('managed-fine-tuning');
    expect(rec.destination.model.proposed).toBe(true);
    expect(knowledge.findModel(rec.destination.model.name ?? '')?.access).not.toBe('open-weights');
  });

  it('keeps self-run LoRA for the same team at volume, for a classifier, or with open weights wanted', () => {
    expect(advise({ ...bakery, requestsPerDay: 100_000 }).destination.method).toBe('lora');
    expect(advise({ ...bakery, modelAccess: 'open-weights' }).destination.method).toBe('lora');
    expect(advise({ ...bakery, taskType: 'classify', goals: ['task-skill'] }).destination.method).not.toBe(
      'managed-fine-tuning',
    );
  });

  it('never proposes a model above one 24 GB card’s class to a team with no GPUs and no budget', () => {
    const rec = advise({ ...bakery, requestsPerDay: 100_000 });
    const size = knowledge.findModel(rec.destination.model.name ?? '')?.paramsB ?? 0;
    expect(size).toBeLessThanOrEqual(15);
  });

  it('proposes a model the plan’s own method fits on the team’s card, without a budget condition', () => {
    const rec = advise({
      task: 'summarise incident reports into a short standard summary',
      taskType: 'generate',
      goals: ['format'],
      needsStyleOrFormat: true,
      tried: [{ method: 'prompt-engineering', result: 'plateaued' }],
      deployment: 'on-prem',
      gpuCount: 1,
      gpuName: 'RTX 3090',
    });
    expect(rec.destination.model.name).toBe('Llama 3.1 8B');
    expect(rec.destination.estimates?.memoryGB?.fits).toBe(true);
    expect(rec.destination.model.dependsOn).not.toContain('oneTimeBudgetUSD');
  });

  it('sizes the plan’s later LoRA step on the proposed model, where no model was named', () => {
    const rec = advise({
      taskType: 'classify',
      goals: ['knowledge'],
      dataMustStayOnPrem: true,
      gpuCount: 2,
      gpuName: 'NVIDIA GeForce RTX 4090',
      labeledExamples: 3000,
      corpusTokens: 320000,
      requestsPerDay: 180,
    });
    expect(rec.plan.map((step) => step.methods)).toEqual([['rag'], ['lora']]);
    expect(rec.recommendations.find((entry) => entry.method === 'lora')?.estimates?.trainingGpuHours).toBeGreaterThan(
      0,
    );
  });

  it('answers the monthly bill with no model yet from the small API tiers at the team’s volume', async () => {
    const turns = await converse(
      [
        'We want a visitor Q&A assistant that answers from our museum collection records, no labeled examples, no GPUs, about 2,000 questions a day. just recommend',
        'what would it cost per month?',
        'which model would you pick?',
      ],
      knowledge,
    );
    expect(turns[1]?.reply).toMatch(/about \$\d[\d,]* a month at your volume/);
    expect(turns[1]?.reply).not.toMatch(/tell me the model/);
    expect(turns[2]?.reply).not.toMatch(/Any capable instruct model/);
  });

  it('names the family that lists part of the languages asked, and the language no card lists', async () => {
    const turns = await converse(
      [
        'We want a visitor Q&A assistant that answers from our museum collection records, no labeled examples, no GPUs, about 2,000 questions a day. just recommend',
        'Our IT contractor suggested Llama 3.1 8B. Is it any good in Japanese, Korean and Welsh?',
      ],
      knowledge,
    );
    const reply = turns.at(-1)?.reply ?? '';
    expect(reply).toMatch(/Qwen2\.5 lists Japanese and Korean/);
    expect(reply).toMatch(/no card in the catalog lists Welsh/);
    expect(reply).toMatch(/collect a few hundred/);
  });
});

describe('questions the fresh scenario batch w80 wanted asked', () => {
  it('asks whether the model may change when the bill must fall and the fix is a smaller model', () => {
    const rec = advise({
      modelName: 'Qwen2.5 72B Instruct',
      modelStage: 'instruct',
      task: 'route insurance emails and extract 6 fields',
      taskType: 'extract',
      goals: ['cost'],
      labeledExamples: 1000,
      requestsPerDay: 400000,
      gpuName: 'H100',
      gpuCount: 8,
      deployment: 'cloud-self-hosted',
      monthlyBudgetUSD: 6000,
      tried: [{ method: 'prompt-engineering', result: 'good-enough' }],
    });
    expect(rec.questions.map((question) => question.field)).toContain('canSwitchModel');
  });

  it('does not ask it when the team names a teacher (the model beside it is the student already)', () => {
    const rec = advise({
      teacherModel: 'Llama 3.3 70B Instruct',
      modelName: 'Llama 3.1 8B Instruct',
      taskType: 'extract',
      goals: ['cost', 'latency'],
      requestsPerDay: 300000,
      gpuName: 'A100 80GB',
      gpuCount: 2,
    });
    expect(rec.questions.map((question) => question.field)).not.toContain('canSwitchModel');
  });

  it('trains a small encoder on the CPU for clause tagging (short clauses are no long contracts)', () => {
    const rec = advise({
      modelName: 'Phi-3-mini-4k-instruct',
      task: 'tag contract clauses into 22 types',
      taskType: 'classify',
      labeledExamples: 3000,
      deployment: 'on-prem',
      dataMustStayOnPrem: true,
      oneTimeBudgetUSD: 0,
      gpuCount: 0,
      canSwitchModel: true,
    });
    expect(rec.destination.method).toBe('full-fine-tuning');
    expect(knowledge.findModel(rec.destination.model.name ?? '')?.architecture?.kind).toBe('encoder');
  });
});
