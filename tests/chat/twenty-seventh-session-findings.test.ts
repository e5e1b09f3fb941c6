/**
 * Found in the twenty-seventh session: the two-job repros (newuser52 F04, newuser53 F09), newuser54's findings, the
 * fresh batches' misses (w82 / batch80, w83 / batch81, x63) and the counter-examples each fix must leave alone.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractProfile } from '../../src/chat/extract/index.ts';
import { recommend } from '../../src/engine/recommend.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import type { ProfileField } from '../../src/profile/profile-schema.ts';
import { Profile } from '../../src/profile/profile-schema.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});
const extract = (text: string, requestedField?: ProfileField) =>
  extractProfile(text, { knowledge, today: '2026-12-07', ...(requestedField ? { requestedField } : {}) });
const read = (text: string, requestedField?: ProfileField) => extract(text, requestedField).fields;
const advise = (profile: Record<string, unknown>) => recommend(Profile.parse(profile), knowledge, { explain: 'none' });

describe('the facts of one job, said in its own words (the two-job repros)', () => {
  it.each([
    ['we have about 2,000 old reminder texts people liked', 2000],
    ['we have maybe a couple hundred old reminder texts the front desk wrote that people liked', 200],
    ['For receipts we have a few thousand already categorised in our bookkeeping software.', 3000],
    ['we have a few thousand receipts already categorised', 3000],
    ['for tickets we have 4000 labeled', 4000],
  ])('%s → %d labelled examples', (text, count) => {
    expect(read(text).labeledExamples).toBe(count);
  });

  it('reads a collection counted with one word of its own before the documents, not labelled or example files', () => {
    expect(read('we have around 40 insurance plan PDFs').unlabeledCorpus).toBe('small');
    expect(read('we have 500 labeled support tickets').unlabeledCorpus).toBeUndefined();
    expect(read('5 example PDFs').unlabeledCorpus).toBeUndefined();
  });

  it('reads "texts that sound friendly, not robotic" as a style goal, and "the answer that sounds right" as none', () => {
    expect(read('sending appointment reminder texts that sound friendly not robotic')).toMatchObject({
      needsStyleOrFormat: true,
      goals: ['style'],
    });
    expect(read('the answer that sounds right is wrong').goals).toBeUndefined();
  });

  it('reads questions answered from facts on file as a knowledge goal, unless they are sorted', () => {
    expect(read('answering patients questions about what their insurance covers from our 40 plan PDFs').goals).toEqual([
      'knowledge',
    ]);
    expect(read("answer customers' allergen questions").goals).toEqual(['knowledge']);
    expect(read('we classify questions about coverage into 5 queues').goals).toBeUndefined();
  });

  it('reads "every year" as knowledge that changes rarely', () => {
    expect(read('the memos change every year when the budget changes').knowledgeChanges).toBe('rarely');
    expect(read('plans change about once a year').knowledgeChanges).toBe('rarely');
  });
});

describe('an image generator trained with a rented GPU (w83 / batch81)', () => {
  it('rents a GPU for an SDXL subject LoRA when the team has none but a budget, at an hour a run', () => {
    const answer = advise({
      modelName: 'SDXL',
      modality: 'image',
      taskType: 'image-generate',
      labeledExamples: 75,
      gpuCount: 0,
      oneTimeBudgetUSD: 150,
      tried: [{ method: 'prompt-engineering', result: 'failed' }],
    });
    expect(answer.destination.method).toBe('lora');
    const lora = answer.recommendations.find((entry) => entry.method === 'lora');
    expect(lora?.estimates?.trainingGpuHours).toBe(3);
    expect(lora?.estimates?.oneTimeUSD).toBeGreaterThan(0);
    expect(lora?.estimates?.oneTimeUSD).toBeLessThan(150);
  });

  it('keeps an image LoRA off a rented GPU when the data must stay, and full fine-tuning untimed', () => {
    const answer = advise({
      modelName: 'SDXL',
      taskType: 'image-generate',
      labeledExamples: 75,
      gpuCount: 0,
      oneTimeBudgetUSD: 150,
      dataMustStayOnPrem: true,
    });
    expect(answer.recommendations.find((entry) => entry.method === 'lora')?.verdict).toBe('not-viable');
    expect(
      answer.recommendations.find((entry) => entry.method === 'full-fine-tuning')?.estimates?.trainingGpuHours,
    ).toBeUndefined();
  });
});

describe("newuser54's findings, read as general classes", () => {
  it('reads "nothing is allowed to leave our building anymore" as data that must stay (F01), a past GPU as gone', () => {
    expect(read('legal just told us nothing is allowed to leave our building anymore').dataMustStayOnPrem).toBe(true);
    expect(read("we don't have GPUs anymore").gpuCount).toBeUndefined();
  });

  it('does not take a ruled-out or merely tested model as the team model (F05)', () => {
    const ruledOut = extract("we can't send anything to GPT-5 either!");
    expect(ruledOut.fields.modelName).toBeUndefined();
    expect(ruledOut.deniedModel).toBe('GPT-5');
    expect(extract('we are NOT using gpt-5. just recommend').deniedModel).toBe('GPT-5');
    expect(
      read("We don't have a model yet. I tried uploading some scans into ChatGPT (GPT-4o) as a test").modelName,
    ).toBeUndefined();
    expect(read('we use GPT-4o').modelName).toBe('GPT-4o');
  });

  it('reads no budget or examples from a count of things per month, and a volume from "5 times a day" (F03, F07)', () => {
    expect(read('we add maybe 10 new products a month', 'oneTimeBudgetUSD')).toEqual({});
    expect(read('we add maybe 10 new products a month', 'labeledExamples')).toEqual({});
    expect(read('maybe 5 times a day', 'requestsPerDay')).toEqual({ requestsPerDay: 5 });
    expect(read('maybe 5 times a day', 'knowledgeChanges').knowledgeChanges).toBe('daily');
    expect(read('300 requests a day', 'labeledExamples')).toEqual({ requestsPerDay: 300 });
  });

  it('reads no tasks from messages counted per character, and no corpus from a score (F03)', () => {
    expect(read('maybe 30 npc messages each per day').tasksCount).toBeUndefined();
    expect(read('there are 12 product lines, each needs its own assistant behaviour').tasksCount).toBe(12);
    expect(read('50 customers each with their own style').tasksCount).toBe(50);
    expect(read('it got 9 of 10 notes right').unlabeledCorpus).toBeUndefined();
    expect(read('we have 10 notes').unlabeledCorpus).toBe('small');
  });

  it('reads "we havent tried anything yet" and "300,000 typed examples" (F07)', () => {
    expect(read('honestly we havent tried anything yet').tried).toEqual([]);
    expect(read('We have 300,000 typed examples').labeledExamples).toBe(300_000);
    expect(read('we typed 300 examples into the prompt').labeledExamples).toBeUndefined();
  });

  it('reads a worry about making things up as no knowledge gap, and "drop the retrieval thing" as none (F04)', () => {
    expect(
      read(
        'the doctors are nervous about it making things up, like wrong medication doses. Is this safe enough for clinical use?',
      ).goals,
    ).toBeUndefined();
    expect(read("the bot keeps making things up about our products because it doesn't know our catalog").goals).toEqual(
      ['knowledge'],
    );
    expect(
      extract(
        "No, it doesn't need outside documents or knowledge, everything is in the note. please drop the retrieval thing.",
      ).removedGoals,
    ).toEqual(['knowledge']);
  });

  it('reads no style from "that sounds professional" or "robotic arms", and no corpus from inputs to extract (review29)', () => {
    expect(read('Great, that sounds professional. What about the cost?')).toEqual({});
    expect(read('We build warehouse software, not robotic arms.').needsStyleOrFormat).toBeUndefined();
    expect(read('we have 500 invoice PDFs to extract the totals from').unlabeledCorpus).toBeUndefined();
  });

  it('plans no training for a team with no GPUs and no money to train, whatever the model (F11)', () => {
    const answer = advise({
      taskType: 'generate',
      needsStyleOrFormat: true,
      goals: ['style'],
      labeledExamples: 140,
      gpuCount: 0,
      oneTimeBudgetUSD: 0,
      monthlyBudgetUSD: 50,
      tried: [{ method: 'prompt-engineering', result: 'plateaued' }],
    });
    expect(answer.destination.channel).toBe('prompt-side');
    for (const method of ['lora', 'qlora', 'full-fine-tuning'] as const)
      expect(answer.recommendations.find((entry) => entry.method === method)?.verdict).toBe('not-viable');
  });
});

describe('terse chat-style messages from batch x63', () => {
  it.each([
    ['tried few-shot w/ like 10 examples, got to maybe 85% then plateaued hard', 'labeledExamples', undefined],
    ['want the model aligned w/ what reviewers pick', 'goals', ['alignment']],
    ['must stay on gemini 2.5 flash and we only get api access, no tuning allowed', 'modelAccess', 'api-only'],
    ['model is our own ft of llama 3 8b', 'modelStage', 'fine-tuned'],
    ['ive done a couple hf tutorials, thats it for ml on the team', 'mlExpertise', 'basic'],
    ['laptops are 16gb macbooks, want the model to use <=6gb so ppl can still work', 'deviceMemoryGB', 6],
    ['~8k labeled imgs, no model picked yet', 'labeledExamples', 8000],
    ['need to fully ft a 70b on ~40k instr pairs in 3 wks', 'labeledExamples', 40_000],
  ])('%s → %s', (text, field, value) => {
    expect(read(text)[field as ProfileField]).toEqual(value);
  });

  it('reads "openai ft job … was good enough" as a managed job tried, and no task from "ft a 13b" or "use less than"', () => {
    expect(read('openai ft job on 4o mini was good enough for the pilot, now we need it ~10x cheaper').tried).toEqual([
      { method: 'managed-fine-tuning', result: 'good-enough' },
    ]);
    expect(read('we want to ft a 13b model').task).toBeUndefined();
    expect(read('we want the model to use less than 3 gb on the phone').task).toBeUndefined();
  });
});

describe('questions the fresh scenario batches wanted (w82 / batch80, w83 / batch81)', () => {
  const fields = (profile: Record<string, unknown>) => advise(profile).questions.map((question) => question.field);

  it('asks where a model for warehouse pickers or journal entries runs, and the device memory if there', () => {
    const warehouse = fields({
      modelName: 'Whisper turbo',
      taskType: 'transcribe',
      task: "recognise pickers' spoken confirmations (SKU digits, bin codes) in a noisy warehouse",
    });
    expect(warehouse.slice(0, 2)).toEqual(['deployment', 'deviceMemoryGB']);
    const journal = fields({
      modelName: 'Llama 3.1 8B',
      taskType: 'generate',
      task: "turn a user's week of private journal entries into a short reflection",
    });
    expect(journal.slice(0, 2)).toEqual(['deployment', 'deviceMemoryGB']);
    // (A task that names no place it runs is not asked.)
    expect(
      fields({ modelName: 'Llama 3.1 8B', taskType: 'generate', task: 'summarise our meeting notes' }),
    ).not.toContain('deployment');
  });

  it('asks where regulated records may go before which GPUs, when the plan moves off an API model that tunes nothing', () => {
    const asked = fields({
      modelName: 'Claude Sonnet',
      task: 'draft claim-denial and partial-settlement letters for our health insurance members in a regulator-approved tone',
      taskType: 'generate',
      labeledExamples: 3000,
      needsStyleOrFormat: true,
      goals: ['style'],
      requestsPerDay: 900,
      tried: [{ method: 'prompt-engineering', result: 'plateaued' }],
    });
    expect(asked.indexOf('dataMustStayOnPrem')).toBeGreaterThanOrEqual(0);
    if (asked.includes('gpuName')) expect(asked.indexOf('dataMustStayOnPrem')).toBeLessThan(asked.indexOf('gpuName'));
  });
});

describe('an open stand-in for a recent API model (newuser55 F04)', () => {
  it('plans GPT-4.1 off the premises on the largest open model the GPUs hold, as for GPT-4o', () => {
    const onPrem = (modelName: string) =>
      advise({
        modelName,
        dataMustStayOnPrem: true,
        gpuName: 'RTX A6000',
        gpuCount: 2,
        goals: ['knowledge', 'citations'],
        taskType: 'chat',
        unlabeledCorpus: 'large',
        needsCitations: true,
      }).destination.model.name;
    expect(onPrem('GPT-4.1')).toBe('Qwen2.5 32B');
    expect(onPrem('GPT-4o')).toBe('Qwen2.5 32B');
  });
});

describe("newuser55's plain statements", () => {
  it('reads the GPUs left after some are taken (F06)', () => {
    expect(
      read(
        "bad news, the data team is taking 2 of the L40S. we'll only have 2 left. does the full fine-tuning still fit?",
      ).gpuCount,
    ).toBe(2);
    expect(read("we have 300 examples and we'll only have 2 weeks left").gpuCount).toBeUndefined();
  });

  it('reads photos with the answer noted for each, a memory range as no count, and "can go anywhere" (F09)', () => {
    expect(
      read('our extension agronomists have taken about 1,500 photos already and wrote down the disease for each one')
        .labeledExamples,
    ).toBe(1500);
    expect(read('maybe 2 or 3 GB of ram', 'labeledExamples')).toEqual({});
    expect(read('no the photos can go anywhere, its just leaves').dataMustStayOnPrem).toBe(false);
    expect(read('no data can go anywhere').dataMustStayOnPrem).toBeUndefined();
  });
});

describe('review30: readings and picks this session had made too broad', () => {
  it('asks no device question for a data warehouse or accounting journal entries (M7)', () => {
    const fields = (task: string) =>
      advise({ modelName: 'Llama 3.1 8B', gpuName: 'A100 80GB', gpuCount: 1, task }).questions.map((q) => q.field);
    expect(fields('answer questions about our data warehouse schema')).not.toContain('deployment');
    expect(fields('classify journal entries into ledger accounts')).not.toContain('deployment');
  });

  it('keeps an open model open when the team says it has no GPUs to train on (M8), and reads documents to check against (M11)', () => {
    expect(read('we use Llama 3.1 8B, no GPUs so no training possible in house').modelAccess).toBeUndefined();
    expect(read('we have 200 policy PDFs to check the answers against').unlabeledCorpus).toBe('small');
  });

  it('ranks a mixture of experts by its active parameters when an API model is replaced (M9)', () => {
    const model = advise({
      modelName: 'GPT-4.1',
      dataMustStayOnPrem: true,
      gpuName: 'RTX 4090',
      gpuCount: 2,
      labeledExamples: 3000,
      needsStyleOrFormat: true,
    }).destination.model.name;
    expect(model).not.toMatch(/Mixtral/);
  });
});
