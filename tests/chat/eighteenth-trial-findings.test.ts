/**
 * Found by the eighteenth new-user trial (newuser18: six personas, 84 turns over both chat APIs): doubts and choice
 * questions saved as facts ("a rented gpu 24/7 is way more than 80 bucks??", "which would you pick, qwen2.5 32b or
 * llama 3.1 70b?"), "~9k labeled crops" and "150 summaries our cofounder rewrote" missed, a plan that ran preference
 * tuning before the supervised stage, and "stay on GPT-4.1 nano" for a model its vendor had shut down.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractProfile } from '../../src/chat/extract/index.ts';
import { recommend } from '../../src/engine/recommend.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { Profile } from '../../src/profile/profile-schema.ts';
import { converse as converseWith } from '../helpers/converse.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});
const converse = (messages: string[]) => converseWith(messages, knowledge);
const fields = (message: string) => extractProfile(message, { knowledge, today: '2026-12-05' }).fields;

describe('doubts, choices and asides state no facts', () => {
  it.each<[string, string[]]>([
    [
      'a rented gpu 24/7 is way more than 80 bucks??',
      ['gpuCount', 'deployment', 'oneTimeBudgetUSD', 'monthlyBudgetUSD'],
    ],
    ['$12 a month cant be right', ['monthlyBudgetUSD']],
    ['which would you pick for us, qwen2.5 32b or llama 3.1 70b?', ['modelName']],
    ['can you check whether azure charges hosting for a fine tuned model', ['modelStage']],
    ['ok forget the vlm', ['modality']],
    ['write it up so i can paste it in our notion', ['unlabeledCorpus']],
  ])('%j', (message, absent) => {
    const found = fields(message);
    for (const field of absent) expect(found[field as keyof typeof found], field).toBeUndefined();
  });

  it('keeps the facts said beside a doubled question mark', () => {
    expect(fields('we have 2 A100s. 80 bucks??')).toMatchObject({ gpuCount: 2 });
  });
});

describe('labelled records said in other words', () => {
  it.each<[string, number]>([
    ['we have ~9k labeled crops', 9000],
    ['anyway we have like 150 summaries our cofounder rewrote by hand that are good', 150],
  ])('%j', (message, count) => {
    expect(fields(message).labeledExamples).toBe(count);
  });
});

describe('preference tuning with examples to train first', () => {
  const bank = {
    taskType: 'generate',
    modelName: 'Qwen2.5 32B',
    modelStage: 'instruct',
    gpuCount: 4,
    gpuName: 'NVIDIA A100 80GB',
    preferencePairs: 11_000,
    tried: [{ method: 'in-context-learning', result: 'plateaued' }],
    labeledExamples: 2500,
    goals: ['style', 'alignment'],
    needsStyleOrFormat: true,
  };

  it('trains the supervised stage first, then runs preference tuning from it', () => {
    const result = recommend(Profile.parse(bank), knowledge, { explain: 'none' });
    expect(result.destination.method).toBe('preference-tuning');
    expect(result.firstStep.methods).toEqual(['lora']);
    expect(result.plan.map((step) => step.methods.join('+'))).toEqual(['lora', 'preference-tuning']);
  });

  it('does not repeat the supervised stage on a checkpoint already fine-tuned', () => {
    const result = recommend(Profile.parse({ ...bank, modelStage: 'fine-tuned' }), knowledge, { explain: 'none' });
    expect(result.firstStep.methods).not.toContain('lora');
  });
});

describe('a model its vendor already shut down', () => {
  it('"which model would you pick if nano is dead?" says it was shut down and where to move', async () => {
    const reply =
      (
        await converse([
          'we summarize customer reviews for small shopify stores. we use gpt-4.1-nano thru the openai api, bill is like 80 bucks a month. we have like 150 summaries our cofounder rewrote by hand. just recommend',
          'which model would you pick for us if nano is dead? something cheap',
        ])
      ).at(-1)?.reply ?? '';
    expect(reply).toMatch(/^GPT-4\.1 nano was shut down by its vendor on 2026-10-23/);
    expect(reply).not.toMatch(/^Stay on GPT-4\.1 nano/);
  });
});

describe('facts said in passing', () => {
  it.each<[string, Record<string, unknown>]>([
    ['yes open to switching if we have to. but you didnt answer', { canSwitchModel: true }],
    ['roughly 1200 leases a day in busy months.', { requestsPerDay: 1200 }],
    ['about 1,800 discharges a day across the network', { requestsPerDay: 1800 }],
    ['we have 60k historical encounters with coder-assigned codes', { labeledExamples: 60_000 }],
  ])('%j', (message, expected) => {
    expect(fields(message)).toMatchObject(expected);
  });
});

describe('the bank conversation', () => {
  it('reads replies "compliance signed off as gold standard" as labelled examples, and plans LoRA then DPO', async () => {
    const turns = await converse([
      'We draft replies to customer complaints with Qwen2.5 32B Instruct, self hosted on 4x A100 80GB in our own DC (nothing may leave the premises). we have ~11k preference pairs.',
      'around 3k complaints a day. we also have ~2,500 final replies that compliance signed off as gold standard. we iterated the system prompt a lot + 5 few shot examples, it plateaued',
      'style (too long) and alignment with what compliance prefers. just recommend',
    ]);
    expect(turns[1]?.state.profile.labeledExamples).toBe(2500);
    expect(turns.at(-1)?.reply).toMatch(/Plan: 1\. LoRA → 2\. Preference tuning\./);
    expect(turns.at(-1)?.reply).not.toMatch(/for 1,000 examples, until you say/);
  });
});

describe('an image encoder on a device', () => {
  it('is sized in 16 bits with no context cache, not as a 4-bit LLM', async () => {
    const reply =
      (
        await converse([
          'robotics startup. our arm runs a CLIP ViT-L/14 on a jetson orin nano to label parts in the bin, zero-shot prompts plateaued at 71%. we have 9,000 labeled crops. the model gets 3 GB on the jetson. one rtx 3090 for training. just recommend',
          'will the fine tuned clip fit in the 3gb on the jetson?',
        ])
      ).at(-1)?.reply ?? '';
    expect(reply).toMatch(/CLIP ViT-L\/14 fits the 3 GB it may use in 16 bits/);
    expect(reply).not.toMatch(/context cache and the runtime come on top/);
  });
});

describe('the cost of a two-stage plan', () => {
  it('"how long will the SFT + DPO take?" gives the supervised stage and the preference tuning after it', async () => {
    const reply =
      (
        await converse([
          'We draft replies to customer complaints with Qwen2.5 32B Instruct, self hosted on 4x A100 80GB in our own DC (nothing may leave the premises). we have ~11k preference pairs.',
          'around 3k complaints a day. we also have ~2,500 final replies that compliance signed off as gold standard. we iterated the system prompt a lot + 5 few shot examples, it plateaued',
          'style (too long) and alignment with what compliance prefers. just recommend',
          'how long will the SFT + DPO take on the 4 cards, in wall clock hours?',
        ])
      ).at(-1)?.reply ?? '';
    expect(reply).toMatch(/^LoRA on your GPUs: about [\d.]+ GPU-hours/);
    expect(reply).toMatch(/Then preference tuning from that checkpoint: about [\d.]+ GPU-hours/);
  });
});
