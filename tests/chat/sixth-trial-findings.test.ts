/**
 * Found by the sixth new-user trial: a firm-up question that re-asked what the user had just declined and never read
 * the answer; "one example is 1,900 tokens" read as one example; "open to switching to an open-weight model" read as
 * GPT-4o having open weights; a replaced GPU keeping the old card's memory; a stated option read as a "what if".
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractProfile } from '../../src/chat/extract/index.ts';
import { mergeProfile } from '../../src/chat/fields/merge-profile.ts';
import { recommend } from '../../src/engine/recommend.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import type { Profile } from '../../src/profile/profile-schema.ts';
import { converse as converseWith } from '../helpers/converse.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});
const converse = (messages: string[]) => converseWith(messages, knowledge);
const fields = (text: string) => extractProfile(text, { knowledge, today: '2026-12-04' }).fields;

describe('the question that firms up a provisional answer', () => {
  it('is never the one the user just declined, and the next message is read as its answer', async () => {
    const turns = await converse(['we want a bot that answers from our help center', 'not sure', 'weekly']);
    const [first, declined, answered] = turns;
    expect(first?.question?.field).toBe('modelAccess');
    expect(declined?.kind).toBe('recommendation');
    expect(declined?.reply).toContain('To firm this up');
    expect(declined?.reply).not.toContain(first?.question?.question ?? '?');
    const asked = declined?.state.requestedField;
    expect(asked).toBeDefined();
    expect(asked).not.toBe('modelAccess');
    expect(asked).toBe('knowledgeChanges');
    expect(answered?.state.profile.knowledgeChanges).toBe('weekly');
  });

  it('a thank-you after the answer is small talk, not an answer to the firm-up question', async () => {
    const turns = await converse(['we want a bot that answers from our help center', 'not sure', 'thanks!']);
    expect(turns[2]?.kind).toBe('info');
    expect(turns[2]?.state.profile.task).toBe('answers from our help center');
  });
});

describe('facts read from the trial’s messages', () => {
  it('"one example is about 1,900 tokens" describes an example; the 3,000 pairs stay the count', () => {
    expect(fields('We have 3,000 labeled pairs; one example is about 1,900 tokens')).toMatchObject({
      labeledExamples: 3000,
      exampleTokens: 1900,
    });
    expect(fields('we have one example so far').labeledExamples).toBe(1);
  });

  it('an open-weight model the team is open to is canSwitchModel, not the access of the model it has', () => {
    const read = fields('We have GPT-4o on Azure OpenAI. We are open to switching to an open-weight model');
    expect(read.modelAccess).toBeUndefined();
    expect(read.canSwitchModel).toBe(true);
    expect(fields('we use an open-weight model').modelAccess).toBe('open-weights');
  });

  it('"we could also run an open-weight model: we have two L40S cards" states the cards, it is no "what if"', () => {
    const extraction = extractProfile(
      'We have GPT-4o through Azure OpenAI, but we could also run an open-weight model: we have two L40S cards.',
      { knowledge },
    );
    expect(extraction.intents.whatIf).toBe(false);
    expect(extraction.fields).toMatchObject({ gpuCount: 2, gpuName: 'NVIDIA L40S' });
  });

  it('questions that weigh an option state no facts; a negated stage is not that stage', () => {
    expect(
      fields("Why a 72B model at all? wouldn't a 7B or 14B model be enough for field extraction?"),
    ).not.toHaveProperty('modelParamsB');
    expect(fields('how much would LoRA on Llama 3.1 8B cost us?')).not.toHaveProperty('modelName');
    expect(fields("we must start from the base checkpoint, not Qwen's instruct model").modelStage).toBe('base');
  });

  it('"pairs" in a sentence about preference tuning are preference pairs, supervised pairs stay examples', () => {
    expect(fields('1.74 GPU-hours for DPO on 30,000 pairs seems very low')).toEqual({ preferencePairs: 30_000 });
    expect(fields('we have 5,000 SFT pairs and 30,000 preference pairs')).toMatchObject({
      labeledExamples: 5000,
      preferencePairs: 30_000,
    });
  });

  it('memory per GPU said as "80 GB per GPU" or "each card has 48 GB"', () => {
    expect(fields('Correction: 80 GB per GPU, not 48.').gpuMemoryGB).toBe(80);
    expect(fields('each card has 48 GB').gpuMemoryGB).toBe(48);
  });
});

describe('a replaced GPU or model takes its own memory, size and stage', () => {
  it('mergeProfile drops what described the old GPU or model unless the turn restates it', () => {
    const before: Partial<Profile> = {
      gpuName: 'NVIDIA L40S',
      gpuMemoryGB: 48,
      modelName: 'GPT-4o',
      modelAccess: 'api-only',
    };
    expect(mergeProfile(before, { gpuName: 'NVIDIA H100 SXM' })).not.toHaveProperty('gpuMemoryGB');
    expect(mergeProfile(before, { gpuName: 'NVIDIA H100 SXM', gpuMemoryGB: 80 }).gpuMemoryGB).toBe(80);
    expect(mergeProfile(before, { modelName: 'Llama 3.1 8B' })).not.toHaveProperty('modelAccess');
    expect(mergeProfile(before, { gpuCount: 2 }).gpuMemoryGB).toBe(48);
  });

  it('an unlisted card’s 48 GB goes when the team replaces it with H100s (full fine-tuning of 8B then fits 160 GB)', async () => {
    const turns = await converse([
      'we use Llama 3.1 8B on one Tesla P40 with 24GB, 5000 labeled examples, task is contract clause classification',
      'Update: we just replaced it with 2 H100 80GB GPUs',
      'will full fine-tuning fit on our GPUs now?',
    ]);
    expect(turns[0]?.state.profile.gpuMemoryGB).toBe(24);
    expect(turns[1]?.state.profile.gpuMemoryGB).toBeUndefined();
    expect(turns[2]?.reply).toMatch(/80 GB on each of your 2 GPUs/);
  });
});

describe('open weights stated for a model whose weights were never published', () => {
  it('the catalog’s access is used, the conflict says so, and no self-run tuning is viable on GPT-4o', () => {
    const recommendation = recommend(
      { modelName: 'GPT-4o', modelAccess: 'open-weights', labeledExamples: 3000, gpuName: 'NVIDIA L40S', gpuCount: 2 },
      knowledge,
    );
    expect(recommendation.conflicts).toContainEqual({
      field: 'modelAccess',
      given: 'open-weights',
      catalog: 'api-only',
      used: 'catalog',
    });
    // Self-run tuning is possible only on another model: never on GPT-4o itself.
    const { destination } = recommendation;
    if (['lora', 'qlora', 'full-fine-tuning'].includes(destination.method))
      expect(destination.model.switched).toBe(true);
    expect(destination.model.name === 'GPT-4o' && !destination.model.switched && destination.method === 'lora').toBe(
      false,
    );
  });
});

describe('preference tuning is timed on the preference pairs', () => {
  it('hours grow with the pairs (both answers and a reference pass), not with the supervised examples', () => {
    const hours = (preferencePairs: number) =>
      recommend(
        {
          modelName: 'Qwen2.5 7B Instruct',
          preferencePairs,
          labeledExamples: 5000,
          gpuName: 'NVIDIA A100 80GB',
          gpuCount: 4,
          goals: ['alignment'],
        },
        knowledge,
      ).recommendations.find((item) => item.method === 'preference-tuning')?.estimates?.trainingGpuHours ?? 0;
    const small = hours(1000);
    const large = hours(30_000);
    expect(large / small).toBeGreaterThan(25);
    // 30k pairs × 2 answers × 500 tokens × 3 epochs × 1.5 on a 7.6B model at 35% of 312 TFLOP/s, three runs: ~31 h.
    expect(large).toBeGreaterThan(20);
    expect(large).toBeLessThan(45);
  });
});

describe('a distillation student named by the advice', () => {
  it('is the one the estimates are for (Llama 3.2 1B, not a 4B stand-in)', () => {
    const result = recommend(
      {
        modelName: 'Llama 3.1 8B',
        deployment: 'mobile',
        deviceMemoryGB: 4,
        labeledExamples: 5000,
        gpuName: 'RTX 4090',
        gpuCount: 1,
      },
      knowledge,
    );
    expect(result.destination.student).toBe('Llama 3.2 1B');
    expect(result.assumptions.find((entry) => entry.field === 'estimates.distillationStudentParamsB')?.value).toBe(
      knowledge.findModel('Llama 3.2 1B')?.paramsB,
    );
    const memory = result.recommendations.find((entry) => entry.method === 'distillation')?.estimates?.memoryGB?.needed;
    expect(memory).toBeLessThan(10);
  });
});

describe('the robotics team (vision-language on a Jetson)', () => {
  it('a measured latency is not the target, and image examples keep a vision-language model', () => {
    expect(fields('right now it runs at about 400 ms per frame on the jetson').latencyTargetMs).toBeUndefined();
    expect(fields('p95 latency today is 900ms and the target is 400ms').latencyTargetMs).toBe(400);
    expect(mergeProfile({ modality: 'vision-language' }, { modality: 'image' }).modality).toBe('vision-language');
    expect(mergeProfile({ modality: 'vision-language' }, { modality: 'image' }, ['modality']).modality).toBe('image');
  });

  it('"a Jetson Orin NX with 16 GB" is the device and its memory', () => {
    expect(fields('we run on a Jetson Orin NX with 16 GB')).toMatchObject({ deployment: 'edge', deviceMemoryGB: 16 });
  });
});

describe('"how do we stop it from making stuff up?"', () => {
  it('is answered (grounding, declining, no facts trained in, measuring), with its sources, and states no fact', async () => {
    const turns = await converse([
      'we want a bot that answers customer questions from our help center, we use GPT-4o mini',
      'how do we stop it from making stuff up to customers?',
    ]);
    const reply = turns[1]?.reply ?? '';
    expect(turns[1]?.kind).toBe('info');
    expect(reply).toMatch(/^Ground it/);
    expect(reply).toMatch(/cite/);
    expect(reply).toMatch(/Does Fine-Tuning LLMs on New Knowledge Encourage Hallucinations/);
    expect(turns[1]?.state.profile).toEqual(turns[0]?.state.profile);
  });
});

describe('an amount in another currency', () => {
  it('is said back as read 1:1 as US dollars', async () => {
    const turns = await converse(['we have a budget of 20,000 euros for training and use Llama 3.1 8B']);
    expect(turns[0]?.reply).toMatch(/\$20,000 \(euros read 1:1 as US dollars\)/);
  });
});

describe('the CTO’s answers', () => {
  it('"About 20,000 clauses a day" is the volume; "78% with prompting, we need 90" is prompting tried and short', () => {
    expect(fields('About 20,000 clauses a day.').requestsPerDay).toBe(20_000);
    expect(fields('Accuracy with prompting is 78%, we need at least 90').tried).toEqual([
      { method: 'prompt-engineering', result: 'plateaued' },
    ]);
    expect(fields('Accuracy with prompting is 78%').tried).toBeUndefined();
  });
});

describe('"which model would you pick?" with no model yet', () => {
  it('names small current API tiers with prices and the monthly bill, a step up, and what retires soon', async () => {
    const turns = await converse([
      'we want a bot that answers from our help center',
      'API',
      'about 3000 questions a day',
      'which model would you pick?',
    ]);
    const reply = turns[3]?.reply ?? '';
    expect(reply).toMatch(/^Start with a small current API model/);
    expect(reply).toMatch(
      /\$\d+\.\d{2}\/\$\d+\.\d{2} per million input\/output tokens, about \$[\d,]+ a month at your volume/,
    );
    expect(reply).toMatch(/Step up to/);
    expect(reply).not.toMatch(/Any capable instruct model/);
  });
});

describe('found by the seventh new-user trial', () => {
  it('"cut that bill" is the cost goal; a hallucination question adds no knowledge goal; "ran it in the cloud" is a place', () => {
    expect(fields('I need to cut that bill').goals).toContain('cost');
    expect(fields('how do we stop it from hallucinating meds that arent in the note?').goals).toBeUndefined();
    expect(fields('it keeps hallucinating our prices').goals).toContain('knowledge');
    const cloud = extractProfile('what if we ran it in the cloud instead?', { knowledge });
    expect(cloud.fields.deployment).toBeUndefined();
    expect(cloud.hypothetical?.deployment).toBe('cloud-self-hosted');
  });

  it('"how long to train" asks for the training time', () => {
    expect(extractProfile('how long to train', { knowledge }).intents.asksCost).toBe(true);
  });

  it('an item size is no answer to the volume question, and "doesnt change" answers the churn question', () => {
    const read = (text: string, requestedField: 'requestsPerDay' | 'knowledgeChanges') =>
      extractProfile(text, { knowledge, requestedField }).fields;
    expect(read('each doc is around 4000 tokens', 'requestsPerDay').requestsPerDay).toBeUndefined();
    expect(read('about 4000', 'requestsPerDay').requestsPerDay).toBe(4000);
    expect(read('doesnt change', 'knowledgeChanges').knowledgeChanges).toBe('never');
  });

  it('a summary that invents facts is kept to its source, not sent to retrieval', async () => {
    const turns = await converse([
      'we summarise clinical notes with Llama 3.1 8B Instruct on our own 2 L40S, 3000 approved summaries, data stays on prem',
      'how do we stop it from hallucinating meds that arent in the note?',
    ]);
    expect(turns[1]?.reply).toMatch(/^Keep it to its source/);
    expect(turns[1]?.recommendation.destination.method).toBe(turns[0]?.recommendation.destination.method);
  });
});

describe('a late answer to the question before', () => {
  it('"12k" after "we have some labelled data" was not understood and the next question came is the examples', async () => {
    const turns = await converse([
      'we want to fine tune on our loan docs, strict json out',
      'we use gpt-4o on azure',
      'we have some labelled data',
      '12k',
    ]);
    expect(turns[2]?.state.lastMissedField).toBe('labeledExamples');
    expect(turns[3]?.state.profile.labeledExamples).toBe(12_000);
    expect(turns[3]?.state.skippedFields).not.toContain('labeledExamples');
  });
});

describe('where data goes, said only where it can go', () => {
  it('a game on the players’ PCs assumes no vendor API; a named API model does', async () => {
    const onDevice = await converse([
      'npc dialogue for our game, it runs on players pcs with 8gb vram',
      'just recommend',
    ]);
    expect(onDevice[1]?.reply ?? '').not.toMatch(/may be sent to/);
    const api = await converse(['we use GPT-4o mini to answer questions from our help center', 'just recommend']);
    expect(api[1]?.reply ?? '').toMatch(/may be sent to the GPT-4o mini API/);
  });
});

describe('a residency region', () => {
  it('"all data must stay in the EU" is answered with what the advice cannot check, through the chat service', async () => {
    const { mkdtemp } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { createChatService } = await import('../../src/chat/chat-service.ts');
    const { createFileSessionStore } = await import('../../src/store/session-store.ts');
    const store = createFileSessionStore({ dataDir: await mkdtemp(join(tmpdir(), 'region-')), syncToDisk: false });
    await store.init();
    const service = createChatService({ store, knowledge });
    const credentials = await service.openSession();
    const outcome = await service.runTurn({
      credentials,
      text: 'we extract fields from insurance claim letters into strict JSON, all data must stay in the EU',
    });
    expect(outcome.turn.reply).toMatch(/Data kept in the EU: I can't check regions/);
    expect(outcome.turn.replyData.notes.some((note) => note.startsWith('Data kept in the EU'))).toBe(true);
    const plain = await service.runTurn({ credentials, text: 'about 200 letters a day' });
    expect(plain.turn.reply).not.toMatch(/Data kept in/);
    await store.stop();
  });
});

describe('left over from the seventh new-user trial', () => {
  it('"just recommend" right after the task question declines it; it is not the task', async () => {
    const [, answered] = await converse([
      'We summarise clinical notes with Llama 3.1 8B on 2 L40S GPUs, we have 3000 labeled examples',
      'just recommend',
    ]);
    expect(answered?.kind).toBe('recommendation');
    // (The task is the first message's "summarise clinical notes", never "just recommend".)
    expect(answered?.state.profile.task).toBe('summarise clinical notes');
  });

  it('"what about 70B instead? would QLoRA fit on our 2 cards" is answered on Llama 3.1 70B, and saves nothing', async () => {
    const [first, fit, other] = await converse([
      'We summarise clinical notes with Llama 3.1 8B on 2 L40S GPUs, we have 3000 labeled examples. Just recommend.',
      'what about 70B instead? would qlora fit on our 2 cards',
      'how about Qwen2.5 14B instead',
    ]);
    expect(fit?.kind).toBe('what-if');
    expect(fit?.reply).toMatch(/^If you had Llama 3\.1 70B as the model: Yes: QLoRA needs about \d+ GB/);
    expect(fit?.state.profile).toEqual(first?.state.profile);
    expect(other?.kind).toBe('what-if');
    expect(other?.state.profile.modelName).toBe('Llama 3.1 8B');
  });

  it('a what-if keeps the facts stated beside it', async () => {
    const [, turn] = await converse([
      'We want to classify support tickets with Llama 3.1 8B, 5,000 labeled tickets. Just recommend.',
      "if we had like 8 H100s what would you do differently? (we don't, we have two L4s)",
    ]);
    expect(turn?.kind).toBe('what-if');
    expect(turn?.state.profile).toMatchObject({ gpuCount: 2, gpuName: 'NVIDIA L4' });
    expect(turn?.reply).toContain('8 × NVIDIA H100');
  });

  it('"can I fine-tune on the Mac?" is answered for Apple silicon, with the memory and a cited, labelled speed', async () => {
    const [, mac] = await converse([
      "I'm a solo dev on a macbook pro m3 with 36gb, want a local coding assistant with Qwen2.5 7B, I have 2000 examples",
      'can i fine tune on the mac?',
    ]);
    expect(mac?.kind).toBe('info');
    expect(mac?.reply).toMatch(/^Yes, on Apple silicon: mlx-lm/);
    expect(mac?.reply).toMatch(/QLoRA on Qwen2\.5 7B needs about \d+ GB/);
    expect(mac?.reply).toContain('Your 36 GB holds that');
    expect(mac?.replyData.footnotes).toContain('https://github.com/ml-explore/mlx-lm/blob/main/mlx_lm/LORA.md');
    const [, api] = await converse(['We use GPT-4o for support answers', 'can we fine-tune it on a macbook?']);
    expect(api?.reply).toMatch(/^Not GPT-4o: its weights are not published/);
  });

  it('"about 800 tokens per side" sizes the preference pairs, and the cost answer states what it assumed', async () => {
    expect(fields('pref pairs about 800 tokens per side').exampleTokens).toBe(800);
    const [, cost] = await converse([
      'We tune Qwen2.5 7B on 8 H100s, we have 40,000 preference pairs, about 800 tokens per side, to align it with what our reviewers prefer. Just recommend.',
      'how long would the preference tuning take?',
    ]);
    expect(cost?.reply).toContain('about 800 tokens per answer in each pair');
  });
});
