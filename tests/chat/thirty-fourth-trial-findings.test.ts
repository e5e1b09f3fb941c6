/**
 * Found by the thirty-fourth new-user trial (019fd06): a few-shot result measured on GPT-4o was kept as the answer on
 * the open model the plan moved to, "the plan has no fine-tuning at all?" made an open model API-only, a model only
 * considered replaced the one in use, and a prompt that "kinda works but drifts" was not read as tried.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractProfile } from '../../src/chat/extract/index.ts';
import { recommend } from '../../src/engine/recommend.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import type { Profile } from '../../src/profile/profile-schema.ts';
import { converse } from '../helpers/converse.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});
const read = (text: string) => extractProfile(text, { knowledge, today: '2026-12-05' }).fields;

describe('a prompt measured on an API model the team has to leave', () => {
  it('is no result to keep on the open model the plan moves to, nor a baseline there', () => {
    const result = recommend(
      {
        task: 'extract fields from loan documents into JSON',
        taskType: 'extract',
        modelName: 'GPT-4o',
        tried: [{ method: 'in-context-learning', result: 'good-enough' }],
        dataMustStayOnPrem: true,
        gpuName: 'NVIDIA A100 40GB',
        gpuCount: 4,
        labeledExamples: 12000,
        canSwitchModel: true,
      },
      knowledge,
    );
    expect(result.destination.model.switched).toBe(true);
    expect(['lora', 'qlora', 'full-fine-tuning']).toContain(result.destination.method);
    expect(result.firstStep.methods).toEqual(['prompt-engineering', 'in-context-learning']);
  });

  it('while a prompt good enough on a model the team keeps stays the answer', () => {
    const result = recommend(
      {
        task: 'extract fields from invoices into JSON',
        taskType: 'extract',
        modelName: 'GPT-4.1 mini',
        tried: [{ method: 'in-context-learning', result: 'good-enough' }],
        labeledExamples: 2000,
      },
      knowledge,
    );
    expect(result.destination.method).toBe('in-context-learning');
  });
});

describe('what the trial said, read right', () => {
  it('"the plan has no fine-tuning at all?" questions the advice; it says nothing of the model’s access', async () => {
    const turns = await converse(
      [
        'We run Mistral 7B locally on one RTX 4090 and have 800 hand-written dialogue examples; we want the characters to keep their voice. Just recommend.',
        'wait, now the plan has no fine-tuning at all?',
      ],
      knowledge,
    );
    expect(turns[1]?.state.profile.modelAccess).not.toBe('api-only');
    expect(read('we have no fine-tuning access').modelAccess).toBe('api-only');
  });

  it('a model only considered does not replace the one in use', () => {
    expect(read("We'd consider GPT-4o mini or Gemini if quality holds.").modelName).toBeUndefined();
    expect(
      read("To be clear, we're still on GPT-4o today, GPT-4o mini is just an option we're considering.").modelName,
    ).toBe('GPT-4o');
    expect(read('We run a customer-support copilot on GPT-4o').modality).toBeUndefined();
  });

  it('a prompt that "kinda works" but drifts, or "improved a bit but", has plateaued', () => {
    expect(
      read(
        'I tried a long system prompt with a character sheet. It kinda works but the characters drift out of voice after a few exchanges.',
      ).tried,
    ).toEqual([{ method: 'prompt-engineering', result: 'plateaued' }]);
    expect(
      read('We tried a few-shot prompt with two example opinions; style improved a bit but it still invents citations.')
        .tried,
    ).toEqual([{ method: 'in-context-learning', result: 'plateaued' }]);
  });
});

describe('a tried result whose note says it was measured on another model', () => {
  const claims = {
    modelName: 'Llama 3.1 8B Instruct',
    modelStage: 'instruct',
    task: 'Extract 14 structured fields from German claim emails into a fixed JSON schema',
    taskType: 'extract',
    labeledExamples: 2500,
    needsStyleOrFormat: true,
    gpuName: 'RTX 4090',
    gpuCount: 1,
    dataMustStayOnPrem: true,
    deployment: 'on-prem',
    goals: ['format', 'task-skill'],
  } satisfies Profile;

  it('is the bar to match, not a result kept on this model, and no baseline on it', () => {
    const result = recommend(
      {
        ...claims,
        tried: [
          {
            method: 'in-context-learning',
            result: 'good-enough',
            note: 'F1 0.93 measured on GPT-4o; never measured on Llama 3.1 8B',
          },
        ],
      },
      knowledge,
    );
    expect(['lora', 'qlora']).toContain(result.destination.method);
    expect(result.firstStep.methods).toEqual(['prompt-engineering', 'in-context-learning']);
  });

  it('while a note that names no other model leaves the result where it is', () => {
    const result = recommend(
      {
        ...claims,
        tried: [
          { method: 'in-context-learning', result: 'good-enough', note: 'measured on our eval set of 300 emails' },
        ],
      },
      knowledge,
    );
    expect(result.destination.method).toBe('in-context-learning');
  });
});

describe('"LoRA or full for the CPT?" beside style and citation goals', () => {
  it('is answered for the continued pre-training, not for the supervised step', async () => {
    const turns = await converse(
      [
        'We want Llama 3.1 70B to draft legal opinions in Portuguese with real citations of the law. We have 8 H100 80GB GPUs, 5 billion tokens of court decisions and 3,000 example opinions. We need domain knowledge, legal writing style and correct citations. Just recommend.',
        'LoRA or full for the CPT?',
      ],
      knowledge,
    );
    expect(turns[1]?.reply).toMatch(/^For continued pre-training/);
    expect(turns[1]?.reply).toMatch(/LoRA Learns Less and Forgets Less/);
  });
});

describe('money offered for renting, said as a condition (left from the thirty-fourth trial)', () => {
  it('reads "if I need cloud I can spend …" as the team\'s budget, and asks for the rate of a far currency', async () => {
    expect(read('If I need cloud I can spend 400 dollars.')).toMatchObject({ oneTimeBudgetUSD: 400 });
    expect(read('if we need GPUs we can spend $500 on renting')).toMatchObject({ oneTimeBudgetUSD: 500 });
    const [turn] = await converse(
      [
        'We classify Polish support tickets with Llama 3.1 8B, 3,000 labeled examples, one RTX 3060 12GB. If I need cloud I can spend 400 zł.',
      ],
      knowledge,
    );
    expect(turn?.reply).toMatch(/I left “400 zł” out/);
  });

  it('keeps a condition that only plans a purchase, or a hypothetical fleet, out of the profile', () => {
    expect(read("if we need cloud we'd rent an A100 for 300 dollars")).toEqual({});
    expect(read('if we had 2 A100s we could spend $500')).toEqual({});
  });
});
