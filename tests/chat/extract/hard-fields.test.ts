/**
 * Classes of phrasing for the fields hardest to read from free text (deployment, device memory, residency, the
 * teacher, timelines), found by the independent batch x9 on arrival. Each row stands for a rule that reads a
 * meaning, with the neighbours it must leave alone.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractProfile } from '../../../src/chat/extract/index.ts';
import type { Knowledge } from '../../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../../src/knowledge/load-knowledge.ts';
import type { Profile, ProfileField } from '../../../src/profile/profile-schema.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../../knowledge/', import.meta.url)));
});

const fields = (message: string, requestedField?: ProfileField): Partial<Profile> =>
  extractProfile(message, {
    knowledge,
    today: '2026-12-04',
    ...(requestedField ? { requestedField } : {}),
  }).fields;

describe('the teacher of a distillation', () => {
  it.each([
    ['plan is to use gpt-4o outputs as teacher data and train a small open model', 'GPT-4o'],
    ["we want llama 3.2 3b to copy claude opus's answers on our domain", 'Claude Opus (3, 4 and later)'],
    ['plan is to have gpt-4o label like 20k of our old support tickets, then fine tune qwen2.5 1.5b on that', 'GPT-4o'],
    [
      'claude sonnet writes great answers but costs too much. can we use it to generate training data for a smaller model?',
      'Claude Sonnet (3.5, 3.7, 4 and later)',
    ],
    ["we'd generate synthetic Q&A pairs with gemini 2.5 pro and fine tune a small student on them", 'Gemini 2.5 Pro'],
    ["we used o4-mini to generate a bunch of reasoning traces and SFT'd qwen2.5 7b on them", 'o4-mini'],
  ])('reads %j as teacher %s', (message, teacher) => {
    expect(fields(message).teacherModel).toBe(teacher);
  });

  it('keeps the student as the model, and the one distilled from as the model when nothing else is named', () => {
    const intoIt = fields('gpt-4o mini does the chat today and we want to distill from gpt-4o into it');
    expect(intoIt).toMatchObject({ modelName: 'GPT-4o mini', teacherModel: 'GPT-4o' });
    expect(fields("we'll distil from GPT-4o")).toMatchObject({ modelName: 'GPT-4o', teacherModel: 'GPT-4o' });
    const copy = fields("we want llama 3.2 3b to copy claude opus's answers");
    expect(copy.modelName).toBe('Llama 3.2 3B');
  });

  it('does not read a model doing the task, or a small open model still to train, as a teacher or an access', () => {
    expect(fields('we use gpt-4o and have it write replies to customers').teacherModel).toBeUndefined();
    expect(fields("GPT-4o's answers are fine").teacherModel).toBeUndefined();
    expect(fields('use gpt-4o outputs as teacher data and train a small open model').modelAccess).toBeUndefined();
    expect(fields('we run an open model on our servers').modelAccess).toBe('open-weights');
  });
});

describe('data that may not leave the premises', () => {
  it.each([
    'it all runs on our own servers in the basement, data doesnt leave the building',
    "our compliance person says patient notes can't be sent to openai or anyone else outside our walls",
    'BaFin rules, so data stays in our own data centers in frankfurt',
    "legal won't let any of our data leave our network",
    'our whole pitch is privacy, nothing leaves the device',
    'the models run inside our gov cloud enclave and nothing crosses the boundary',
    'runs on the hospital servers, nothing goes to the cloud per HIPAA',
  ])('reads %j as true', (message) => {
    expect(fields(message).dataMustStayOnPrem).toBe(true);
  });

  it('leaves alone what is not about data, and a region rule that is not the premises', () => {
    expect(fields('nothing leaves my mind').dataMustStayOnPrem).toBeUndefined();
    expect(fields('all customer data has to stay in the EU, full stop').dataMustStayOnPrem).toBeUndefined();
  });
});

describe('the memory a device gives the model', () => {
  it.each([
    ['8GB of RAM on the phone, maybe half usable', 4],
    ['target is macbook airs w/ 16gb unified memory, offline on a plane', 16],
    ['jetson orin nanos, 8GB shared between cpu and gpu, and the vision stack already uses about 5 of it', 3],
    ["the kiosks have a little intel NUC with 16GB RAM, that's where it has to run", 16],
    ['llama 3.2 3b must run on-device. iphone 15 pros have 8GB', 8],
    ['our edge gateways have 32GB but the model can have 12 of it', 12],
    [
      'the drone has a jetson orin nx 16GB but the flight stack reserves 10GB so we have ~6GB for a vision-language model',
      6,
    ],
    ["it's for an in-car infotainment unit, ~4GB is available to us", 4],
    ["it runs in the browser via webgpu, so assume the user's laptop gives us maybe 4GB", 4],
    ['the smart cameras have an NPU and 2 gigs for models, everything runs on the camera', 2],
  ])('reads %j as %d GB', (message, gigabytes) => {
    expect(fields(message).deviceMemoryGB).toBe(gigabytes);
  });

  it('does not read a GPU server as a device', () => {
    expect(fields('we have 80GB for the model on our A100').deviceMemoryGB).toBeUndefined();
  });
});

describe('where the model runs', () => {
  it.each([
    ['8GB of RAM on the phone, maybe half usable', 'mobile'],
    ['we want a small model on the field techs android tablets', 'mobile'],
    ['a note-taking app, ios and android. our pitch is privacy, nothing leaves the device', 'mobile'],
    ["the kiosks have a little intel NUC with 16GB RAM, that's where it has to run", 'edge'],
    ["we're on-prem but it's a colo, not our own building. still our hardware though", 'on-prem'],
    ['two machines each with 8x H100, on prem', 'on-prem'],
    ['runpod serverless with our own container, we pick the gpu', 'cloud-self-hosted'],
  ])('reads %j as %s', (message, deployment) => {
    expect(fields(message).deployment).toBe(deployment);
  });

  it('reads an app on phones whose model runs in the cloud as no device, and a denied provider as nothing', () => {
    expect(fields('our app is on ios and android, the model runs in the cloud').deployment).toBeUndefined();
    expect(fields("we don't use runpod").deployment).toBeUndefined();
  });

  it('counts GPUs per machine times the machines', () => {
    expect(fields('two machines each with 8x H100, on prem').gpuCount).toBe(16);
    expect(fields('3 servers with 4 L40S').gpuCount).toBe(12);
    expect(fields('we have 4 A100s').gpuCount).toBe(4);
  });
});

describe('timelines', () => {
  it.each([
    ['somewhere between 4 and 6 weeks', 5],
    ['4-6 weeks', 5],
    ['we have three two-week sprints left before code freeze', 6],
    ['ideally before the holidays, which is like 8 weeks out', 8],
    ['we demo to the board on march 1st so it has to be ready by then', 12],
    ['today is jan 6 and this has to ship by end of Q1', 12],
    ["deadline: march 15. today's feb 1.", 6],
    ['we kick off april 1 and the ship date is june 30', 13],
    ['we have 2 a100s 80gb and a timline of 3 weeks', 3],
  ])('reads %j as %d weeks (today 2026-12-04)', (message, weeks) => {
    expect(fields(message).timelineWeeks).toBe(weeks);
  });

  it('reads a bare date as the deadline only when it answers the timeline question', () => {
    expect(fields('end of january', 'timelineWeeks').timelineWeeks).toBe(8);
    expect(fields('end of january').timelineWeeks).toBeUndefined();
  });

  it('leaves ranges that are not deadlines alone', () => {
    expect(fields('2-3 weeks of logs').timelineWeeks).toBeUndefined();
    expect(fields('we have 3-4 people').timelineWeeks).toBeUndefined();
  });
});

describe('what was tried, the goal and the team, said in passing (new-user trial 4)', () => {
  it('reads an outcome said in the next sentence, when that sentence names no other method', () => {
    expect(fields("We've only tried prompt engineering so far. Quality is fine, it's the cost.")).toMatchObject({
      tried: [{ method: 'prompt-engineering', result: 'good-enough' }],
      goals: ['cost'],
    });
    expect(fields('we want RAG. quality is fine today').tried).toBeUndefined();
    expect(fields("it's the cost of training that worries me").goals).toBeUndefined();
  });

  it('reads nobody on the team having trained a model as no ML expertise', () => {
    expect(fields('nobody on the team has trained a model').mlExpertise).toBe('none');
  });
});

describe('questions and other people’s hardware are not the team’s facts (new-user trial 5)', () => {
  it('reads an option weighed in a why-not question, or a claim checked with a tag question, as no facts', () => {
    expect(fields('why not just distill GPT-4o into a small open model and host it ourselves on AWS?')).toEqual({});
    expect(fields("fine-tuned gpt-4o tokens are pricier than base 4o aren't they?")).toEqual({});
    expect(fields('why not LoRA on our 2 A100s?').gpuCount).toBe(2);
  });

  it('reads a student or a size asked about as no model size, and a model tried and found worse as not theirs', () => {
    expect(fields('will the 1.5B student actually fit in the 3GB we have left?').modelParamsB).toBeUndefined();
    expect(fields('would a 3B model be enough?').modelParamsB).toBeUndefined();
    expect(fields('we use a 13B model').modelParamsB).toBe(13);
    expect(fields('we tried gpt-4o-mini with the same prompt and it dropped to 85%').modelName).toBeUndefined();
    expect(fields('we tried Llama 3.1 8B and it works well').modelName).toBe('Llama 3.1 8B');
  });

  it('reads demonstrations in a prompt as no labelled dataset', () => {
    expect(fields('we use ~10 few-shot examples in the prompt').labeledExamples).toBeUndefined();
    expect(fields('we have 500 few-shot examples collected').labeledExamples).toBe(500);
  });

  it("reads the players' GPU as the device, not the team's GPU, and the player's PC as the edge", () => {
    const game = fields(
      "NPC dialogue generated locally on the player's PC. Min spec is a GTX 1660 with 6GB VRAM, and the game itself already uses about 3GB of that.",
    );
    expect(game).toMatchObject({ deployment: 'edge', deviceMemoryGB: 3 });
    expect(game.gpuCount).toBeUndefined();
    expect(game.gpuMemoryGB).toBeUndefined();
    expect(fields('we have a GTX 1660 with 6GB').gpuMemoryGB).toBe(6);
  });

  it('reads a task after "Task:" or "something that …", pairs with a relative clause, and GPUs per server', () => {
    expect(fields('Task: draft discharge summaries.').task).toBe('draft discharge summaries');
    expect(fields('We want something that drafts discharge summaries from the clinician notes.').task).toBe(
      'drafts discharge summaries from the clinician notes',
    );
    expect(fields('about 800 past summaries that doctors signed off on, paired with the notes').labeledExamples).toBe(
      800,
    );
    expect(fields('two servers, each has 4x A100 40GB').gpuCount).toBe(8);
  });
});

describe('a bill, a target and a goal said in passing (new-user trial 5)', () => {
  it('reads a runway being eaten and "get that down" as the cost goal, and good-enough accuracy as no goal', () => {
    expect(fields("we're paying ~$18k/month and it's killing our runway. how do we get that down?")).toMatchObject({
      currentMonthlySpendUSD: 18_000,
      goals: ['cost'],
    });
    expect(fields("accuracy is around 94% and that's good enough quality-wise").goals).toBeUndefined();
    expect(fields('accuracy is only 70%').goals).toEqual(['task-skill']);
  });

  it('reads a spending target as a budget, not the task, and a count the team checked by hand as labels', () => {
    const said = fields("maybe 50k we've spot-checked by hand. we want to be under 3k a month.");
    expect(said).toMatchObject({ labeledExamples: 50_000, monthlyBudgetUSD: 3000 });
    expect(said.task).toBeUndefined();
  });
});

describe('the length of one training example (new-user trial 5)', () => {
  it.each([
    ['our examples are ~5,000 tokens each (input) plus ~600 tokens of JSON output', 5600],
    ['so maybe 5,000 tokens per document', 5000],
    ['each example is about 2k tokens', 2000],
  ])('reads %j as %d tokens per example', (message, tokens) => {
    expect(fields(message).exampleTokens).toBe(tokens);
  });

  it('leaves a corpus size and a context window alone', () => {
    expect(fields('we have about 350M tokens of docs').exampleTokens).toBeUndefined();
    expect(fields('the context window is 128k tokens')).toEqual({});
  });

  it('reads a bare number as the answer to the question about it', () => {
    expect(fields('about 3k', 'exampleTokens').exampleTokens).toBe(3000);
  });
});

describe('labelled pairs and a tuned model said in passing (batch x10)', () => {
  it.each([
    ['Have about 1,500 past descriptions written by our copywriters.', 1500],
    ["We have 4,000 question->SQL pairs from our analysts' query logs.", 4000],
    ['~300k aligned sentence pairs from past jobs', 300_000],
    ['Our data: 900 support conversations rated good by agents.', 900],
  ])('reads %j as %d labelled examples', (message, count) => {
    expect(fields(message).labeledExamples).toBe(count);
  });

  it.each([
    'Our model is a T5 Large we fine-tuned ourselves for query rewriting.',
    "Model is our own SFT'd Llama 3 8B.",
    'We have a BERT-base classifier in prod, fully fine-tuned on 50k labeled support emails',
  ])('reads %j as a fine-tuned model', (message) => {
    expect(fields(message).modelStage).toBe('fine-tuned');
  });

  it('reads "no customer data leaves our data center" as residency', () => {
    expect(fields('Compliance says: no customer data leaves our data center, period.').dataMustStayOnPrem).toBe(true);
  });
});

describe('a prototype that failed, said over two sentences (new-user trial 5)', () => {
  it('reads "prototyped … with a character sheet in the prompt. the characters kept breaking voice" as prompting that failed', () => {
    expect(
      fields(
        'we prototyped with Phi-3 mini through llama.cpp with a character sheet in the prompt. the characters kept breaking voice and it was kinda slow.',
      ).tried,
    ).toEqual([{ method: 'prompt-engineering', result: 'failed' }]);
  });
});
