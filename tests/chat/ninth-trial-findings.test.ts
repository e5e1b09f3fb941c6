/**
 * Found by the ninth new-user trial (seven personas, 80 turns): goals the user took back stayed in the profile and
 * turned a cost case into retrieval; numbers quoted back from the advisor, compared against or asked about were
 * saved as the team's facts; "headlines with their article text" asked for citations; a second question in a message
 * kept its GPUs as the team's.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractProfile } from '../../src/chat/extract/index.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { converse as converseWith } from '../helpers/converse.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});
const converse = (messages: string[]) => converseWith(messages, knowledge);
const fields = (text: string) => extractProfile(text, { knowledge, today: '2026-12-04' }).fields;

describe('goals said and taken back', () => {
  it('reads goals stated outright, and pairs data is no request for citations', () => {
    const read = fields(
      "yes, we don't care about the model brand, cost is the main goal. we have an archive of ~400k published headlines with their article text.",
    );
    expect(read).toMatchObject({ goals: ['cost'], canSwitchModel: true });
    expect(read.needsCitations).toBeUndefined();
    expect(fields('the CFO wants that cut in half').goals).toEqual(['cost']);
    expect(fields('answers with the clause it came from').needsCitations).toBe(true);
    expect(fields('our goal is to classify tickets').task).toBe('classify tickets');
  });

  it('"drop citations from my goals" removes it, and the advice follows', async () => {
    const [before, after] = await converse([
      'We generate news headlines with GPT-4o, 1M requests a day, quality is good enough, we can switch models. We need answers with sources. Just recommend.',
      "Please drop 'citations' from my goals entirely. Goals: cost, style.",
    ]);
    expect(before?.state.profile.goals).toContain('citations');
    expect(after?.state.profile.goals).toEqual(expect.arrayContaining(['cost', 'style']));
    expect(after?.state.profile.goals).not.toContain('citations');
    expect(after?.state.profile.needsCitations).toBe(false);
    expect(after?.recommendation?.destination.method).not.toBe('rag');
  });
});

describe('numbers that are not the team’s facts', () => {
  it.each([
    ['$321 for 2M requests a day on one GPU sounds way too low, is that sized for our volume?', 'oneTimeBudgetUSD'],
    ['ok. so what would serving it cost per month vs our current $38k?', 'monthlyBudgetUSD'],
  ] as const)('%s keeps no %s', (text, field) => {
    expect(fields(text)[field]).toBeUndefined();
  });

  it('GPUs asked about in a second question are asked about, not owned', () => {
    const read = extractProfile(
      'how much would it cost per month to serve the 8B for 2M categorizations/day, compared with the $38k we pay now? would it fit on a couple of L4s?',
      { knowledge },
    );
    expect(read.fields.gpuName).toBeUndefined();
    expect(read.hypothetical?.gpuName).toBe('NVIDIA L4');
  });
});

describe('costs from the figures already known', () => {
  it('re-costs a longer prompt on the named API model, and says one serving GPU is not sized for the volume', async () => {
    const [, sized] = await converse([
      'We generate news headlines with GPT-4o, 1M requests a day, cost is the main goal, we can switch models, 400k headline examples. Just recommend.',
      'each request pulls 3k tokens into the prompt: does your API cost number include that?',
    ]);
    // 1,000,000 × 30 × (3,000 × $2.50 + 300 × $10) / 1M = $315,000.
    expect(sized?.reply).toContain('about $315,000 a month');
    const [, monthly] = await converse([
      'We classify 2M transactions a day with Claude, we pay $38k a month, we can switch models, we want Llama 3.1 8B on AWS, 1M labeled examples, no GPUs. Just recommend.',
      'how much would it cost per month?',
    ]);
    expect(monthly?.reply).toContain('not for 2,000,000 requests a day');
  });

  it('examples said to be 12k tokens long are not cut to 512 to fit: the GPUs are too small, so it is rented', async () => {
    const [, cost] = await converse([
      'We want our coding agent to pick tools reliably with Qwen2.5 32B; we have 4x A10G nodes (1 GPU each) and 8000 successful trajectories of about 12k tokens each; prompting plateaued. Just recommend.',
      'how much would it cost and how long?',
    ]);
    expect(cost?.state.profile.labeledExamples).toBe(8000);
    // Never cut to 512: the levers that keep every token (a fused, chunked loss), or renting.
    expect(cost?.reply).toMatch(/^(?:Your GPUs cannot hold it|Only if you use a fused, chunked cross-entropy loss)/);
    expect(cost?.reply).not.toMatch(/512 tokens/);
  });
});

describe('the task and the input kind, as the team corrects them', () => {
  it.each([
    ["We're on Azure and would like to use Azure OpenAI (GPT-4o mini).", undefined],
    ['I only mentioned photos because we want to REMOVE them.', undefined],
    ['the task is: score how well a CV matches a job description', 'score how well a CV matches a job description'],
  ])('%s → task %j', (text, task) => {
    expect(fields(text).task).toBe(task);
  });

  it('photos to strip are not the input, and "modality is text" is read', () => {
    expect(
      fields('should we strip names, photos, ages and addresses from the CVs before training?').modality,
    ).toBeUndefined();
    expect(fields('The model takes TEXT input (the transcript), not audio. modality is text.').modality).toBe('text');
  });
});

describe('"SFT or DPO - which first?"', () => {
  it('is answered as an order: the supervised tuning first, DPO from its checkpoint', async () => {
    const [, order] = await converse([
      'We want our coding agent to pick tools reliably with Qwen2.5 32B on 4 H100s; 8000 successful trajectories and 10,000 preference pairs. Just recommend.',
      'SFT or DPO - which first?',
    ]);
    expect(order?.reply).toMatch(
      /^Both, in this order: (?:LoRA|QLoRA|Full fine-tuning) on your examples first, then preference tuning \(DPO\) from that checkpoint/,
    );
    // "SFT" in a history names the kind of training, not the method tried.
    expect(fields("we SFT'd qwen2.5 7b on o4-mini traces, got close but plateaued").tried).toBeUndefined();
  });
});

describe('the media conversation, replayed', () => {
  it('a team that will self-host distils into an open student it runs, and the advisor’s own figure is no budget', async () => {
    const [, , plan, asked] = await converse([
      'We generate headline suggestions in our house style with GPT-4o, about 1 million a day; cost is the main goal and we can switch models.',
      'we have 400,000 article -> human headline pairs, no GPUs; we tried prompting with few-shot examples and it is good enough, the price is the issue.',
      "We'd self-host in the cloud (rented GPUs), not use the API, once we move off GPT-4o. Just recommend.",
      'Your $165k/month figure for GPT-4o: our requests are about 3,000 input tokens. does your number include that?',
    ]);
    expect(plan?.recommendation?.destination).toMatchObject({ method: 'distillation', channel: 'self-run' });
    expect(asked?.state.profile.monthlyBudgetUSD).toBeUndefined();
    // The stated size is kept (it is the team's fact) and the question about the earlier figure is still answered.
    expect(asked?.state.profile.inputTokensPerRequest).toBe(3000);
    expect(asked?.reply).toMatch(/^Noted: about 3,000 input tokens a request\. No: the bill assumed about 1,000 input/);
    expect(asked?.reply).toContain('about $315,000 a month');
  });
});
