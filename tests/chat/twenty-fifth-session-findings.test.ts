/**
 * Found in the twenty-fifth session: newuser48's and newuser49's open repros, and the fresh batches' misses.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractProfile } from '../../src/chat/extract/index.ts';
import { recommend } from '../../src/engine/recommend.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { Profile } from '../../src/profile/profile-schema.ts';
import { converse } from '../helpers/converse.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});
const read = (text: string) => extractProfile(text, { knowledge, today: '2026-12-06' }).fields;
const advise = (profile: Record<string, unknown>) => recommend(Profile.parse(profile), knowledge, { explain: 'none' });

describe("a team's own verified outputs outweigh a teacher's (newuser48 F08, vet lab)", () => {
  const vetLab = {
    modelName: 'GPT-4.1 mini',
    deployment: 'cloud-api',
    task: 'turn pathologists text notes into finished reports',
    taskType: 'generate',
    needsStyleOrFormat: true,
    goals: ['style', 'cost'],
    requestsPerDay: 6000,
    labeledExamples: 900000,
    canSwitchModel: true,
    gpuCount: 0,
    tried: [{ method: 'prompt-engineering', result: 'good-enough' }],
    inputTokensPerRequest: 1200,
    outputTokensPerRequest: 600,
  };

  it('tunes a smaller model on 900k signed-out reports instead of distilling from the API model', () => {
    const rec = advise(vetLab);
    expect(rec.destination.method).not.toBe('distillation');
    expect(rec.destination.method).toBe('managed-fine-tuning');
    expect(rec.destination.model.switched).toBe(true);
    expect(rec.destination.model.name).not.toBe('GPT-4.1 mini');
  });

  it('still distils with a few thousand labels (the teacher labels the traffic)', () => {
    expect(advise({ ...vetLab, labeledExamples: 3000 }).destination.method).toBe('distillation');
  });

  it('still distils when the team names the teacher (its labels may be the teacher’s own outputs)', () => {
    expect(advise({ ...vetLab, teacherModel: 'GPT-4.1 mini' }).destination.method).toBe('distillation');
  });

  it('answers "why distill … we have 900k real reports" with the tuned small model in a conversation', async () => {
    const turns = await converse(
      [
        'We are a veterinary lab. We use GPT-4.1 mini via the OpenAI API to turn pathologists text notes into finished reports in our house style. 6,000 reports/day, we pay around $2,100 a month. We want to cut the bill by half.',
        'we have 900k pairs of notes and signed-out reports. other models are fine. no GPUs in house. basic ML experience. just recommend',
        "we already use the prompt in production on 4.1 mini and it's good enough, thats what we tried. prompts ~1,200 tokens in, ~600 out",
      ],
      knowledge,
    );
    const last = turns[2]?.reply ?? '';
    expect(last).not.toMatch(/Aim for Distillation/);
    expect(last).toMatch(/verified outputs/);
  });
});

describe('"why not RAG? like pull the 5 most similar notes into the prompt" is retrieved examples (newuser49 F16)', () => {
  it('answers dynamic few-shot, not the generic RAG-vs-LoRA comparison', async () => {
    const turns = await converse(
      [
        'we want to turn lab technician notes into structured JSON for our LIMS. 3,500 hand-coded notes, llama 3.1 8b, one RTX 3090, data must stay on premises. nothing tried yet',
        'why not RAG instead? like pull the 5 most similar coded notes for each new note and put them in the prompt',
      ],
      knowledge,
    );
    const reply = turns[1]?.reply ?? '';
    expect(reply).toMatch(/dynamic few-shot/);
    expect(reply).not.toMatch(/Retrieval-augmented generation is possible, but/);
  });

  it('keeps a plain "why not RAG?" a why-not about retrieval', async () => {
    const turns = await converse(
      [
        'we want to turn lab technician notes into structured JSON for our LIMS. 3,500 hand-coded notes, llama 3.1 8b, one RTX 3090, data must stay on premises. nothing tried yet',
        'why not RAG instead?',
      ],
      knowledge,
    );
    expect(turns[1]?.reply ?? '').not.toMatch(/dynamic few-shot/);
  });
});

describe('a language said after the task reaches the model choice (newuser49 F12, Dutch pharmacy notes)', () => {
  const first =
    'Hospital pharmacy. We want a model that drafts the discharge medication reconciliation note from the inpatient med list, in our pharmacists format. A pharmacist always reviews it. Patient data cannot leave the hospital. We have 2x L40S. We have ~15,000 past notes paired with med lists. Any model is fine, just recommend';

  it('adds the language to the task and answers "which model?" with what the cards say of it', async () => {
    const turns = await converse(
      [
        first,
        'oh, important: the notes are all in Dutch (drug names are mostly international). does that change which model?',
      ],
      knowledge,
    );
    expect(turns[1]?.state.profile.task).toMatch(/\(in Dutch\)$/);
    const reply = turns[1]?.reply ?? '';
    expect(reply).toMatch(/Dutch is not among/);
    expect(reply).toMatch(/\(in Dutch\)/);
  });

  it('does not add a language only asked about, denied or tried', async () => {
    for (const said of [
      'is qwen2.5 any good in Dutch?',
      "we don't need Dutch support.",
      'we tested it in German last year.',
    ]) {
      const turns = await converse([first, said], knowledge);
      expect(turns[1]?.state.profile.task, said).not.toMatch(/\(in /);
    }
  });
});

describe('batch x59: facts said loosely, in configs and in corrections', () => {
  it.each([
    ['forty-odd thousand labelled emails (spam / not spam / phishing).', { labeledExamples: 40000 }],
    ['40-odd thousand labelled emails', { labeledExamples: 40000 }],
    [
      "actually it's 3 GPUs, not 2. the third 4090 finally arrived yesterday",
      { gpuCount: 3, gpuName: 'NVIDIA GeForce RTX 4090' },
    ],
    ['Patient data can not go outside the building, never.', { dataMustStayOnPrem: true }],
    ['L40S x4. model is some 70B llama. qlora? timeline 3 wks.', { modelParamsB: 70, timelineWeeks: 3 }],
    ['timeline: I said 2 weeks before but the PM just moved it, we now have 6', { timelineWeeks: 6 }],
    ['we do ~30k classification calls a day and the bill hurts', { goals: ['cost'] }],
    ['p50 is 400ms but p95 has to get under 800ms', { goals: ['latency'], latencyTargetMs: 800 }],
    ['we has 1.2 lakh labeled sentence for sentiment, hindi english mixed.', { multilingual: true }],
    ['model phi-3 mini. laptop 16gb ram, model can use half. offline need.', { deviceMemoryGB: 8, deployment: 'edge' }],
    ['it all has to run locally on our macbooks now (M2, 32GB unified, give the model ~20)', { deviceMemoryGB: 20 }],
    ['whisper large v3 on call-center audio, need it better on our product names', { taskType: 'transcribe' }],
    [
      'twelve hundred hand-labeled invoices. want to pull those fields out as strict JSON',
      { taskType: 'extract', labeledExamples: 1200 },
    ],
    ['just a huge pile of old support tickets with no tags on them', { unlabeledCorpus: 'large' }],
    [
      'my manager says "we have a million labeled examples" but really only ~8k are any good',
      { labeledExamples: 8000 },
    ],
    [
      'our config fwiw:\n```\nmodel: mistralai/Mistral-7B-v0.1\nbatch_size: 32\nport: 8080\n```\nthats the base checkpoint',
      { modelName: 'Mistral 7B v0.1' },
    ],
  ])('reads %j', (text, expected) => {
    expect(read(text)).toMatchObject(expected);
  });

  it.each([
    ['twenty odd jobs are in the queue', 'labeledExamples'],
    ['the vendor config:\n```\nmodel: mistralai/Mistral-7B-v0.1\n```', 'modelName'],
    ['we sold the 4090 last month, so it all has to run locally on our macbooks now', 'dataMustStayOnPrem'],
    ['I said 4 weeks before, now we have 3 GPUs', 'timelineWeeks'],
    ['we need 80% of the budget for hardware', 'goals'],
  ])('leaves %j without %s', (text, field) => {
    expect(read(text)).not.toHaveProperty(field);
  });
});

describe('fresh batches: the residency of loan files and a task that names only what it works on', () => {
  it('asks whether loan applications may go to the vendor before tuning on another model', () => {
    const rec = advise({
      modelName: 'claude sonnet 4',
      task: 'extract applicant, income, collateral and loan-term fields from Kazakh/Russian loan applications into a strict JSON schema',
      taskType: 'extract',
      needsStyleOrFormat: true,
      multilingual: true,
      goals: ['format', 'task-skill'],
      requestsPerDay: 3000,
      tried: [{ method: 'prompt-engineering', result: 'plateaued' }],
    });
    expect(rec.questions.map((question) => question.field)).toContain('dataMustStayOnPrem');
  });

  it('asks the task shape of "do something useful with shipping-label photos"', () => {
    const rec = advise({
      task: 'do something useful with shipping-label photos on handheld scanners',
      deployment: 'edge',
      deviceMemoryGB: 2,
      goals: ['on-device'],
    });
    expect(rec.questions.map((question) => question.field)).toContain('taskType');
  });
});
