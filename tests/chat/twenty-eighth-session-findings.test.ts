/**
 * Found in the twenty-eighth session: review30's open items about jobs (H2, H3, M1, M2, M4, L2, L6, L7), each beside
 * the counter-example its fix must leave alone.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createChatService } from '../../src/chat/chat-service.ts';
import { extractProfile } from '../../src/chat/extract/index.ts';
import { profileOfJob } from '../../src/chat/jobs-state.ts';
import { replayHistory } from '../../src/chat/replay-history.ts';
import { storedRecommender } from '../../src/chat/reply-stored.ts';
import type { TurnResult } from '../../src/chat/run-turn.ts';
import { withJobs } from '../../src/engine/advise-jobs.ts';
import { imageAdapterRunHours } from '../../src/engine/estimate-feasibility.ts';
import { recommend } from '../../src/engine/recommend.ts';
import { historyUIMessages } from '../../src/http/encoders/ai-sdk-ui-history.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import type { Job } from '../../src/profile/job-schema.ts';
import { Profile } from '../../src/profile/profile-schema.ts';
import { createFileSessionStore } from '../../src/store/session-store.ts';
import { converse } from '../helpers/converse.ts';

const knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
const talk = (messages: string[]) => converse(messages, knowledge);
const ACCOUNTING =
  'Hello. We are a small accounting firm (9 staff). Two things we would like AI for: sorting client receipts into expense categories, and answering staff questions about tax rules using our internal memos.';
/** The accounting firm, with what it says of its receipts in brackets, its GPUs and its residency. */
const accounting = (receipts: string) =>
  `${ACCOUNTING.replace('into expense categories', `into expense categories${receipts}`)} We have 2 A100 80GB GPUs, data must stay on our premises.`;
/** The profile job `index` of the turn's state is advised on. */
const advised = (turn: TurnResult, index: number) => {
  const jobs = turn.state.jobs ?? [];
  const job = jobs[index];
  return job === undefined ? undefined : profileOfJob(turn.state.profile, jobs, job);
};

describe('a what-if about one job pictures that job (review30 H2)', () => {
  it('answers "what if we had 20,000 labelled receipts?" as stating it moves the receipts job', async () => {
    const base = [accounting(' (we have 30 already categorised)'), 'just recommend'];
    const asked = (await talk([...base, 'what if we had 20,000 labelled receipts?']))[2] as TurnResult;
    const stated = (await talk([...base, 'we have 20,000 labelled receipts']))[2] as TurnResult;
    const becomes = stated.recommendation.jobs?.[0]?.destination.method;
    expect(becomes).toBeDefined();
    expect(becomes).not.toBe('in-context-learning');
    const name = knowledge.methods.find((method) => method.id === becomes)?.name as string;
    const section = asked.reply.split('\n\n')[0] as string;
    expect(section).not.toMatch(/would still come first/);
    expect(section).toContain(name.split(' (')[0]);
    // (Nothing is saved: the receipts job keeps its 30.)
    expect(advised(asked, 0)?.labeledExamples).toBe(30);
  });
});

describe('facts of a job said of no job reach every job they fit (review30 H3)', () => {
  it('takes 5,000 examples said before two training jobs as each one’s, says so, and does not ask again', async () => {
    const turns = await talk([
      'We use GPT-4o mini through the API, no GPUs, data may go to the vendor. We have about 5,000 labelled examples.',
      'Two things: sorting support tickets into 12 queues, and writing product descriptions in our brand voice.',
      'yes',
      'just recommend',
    ]);
    const last = turns[3] as TurnResult;
    expect([0, 1].map((index) => advised(last, index)?.labeledExamples)).toEqual([5000, 5000]);
    expect(last.reply).toMatch(/\*\*Assumed:\*\* the 5,000 labelled examples are both jobs'/);
    expect(last.recommendation.jobs?.every((job) => job.destination.method !== 'prompt-engineering')).toBe(true);
    expect(last.reply).not.toMatch(/how many example inputs/i);
  });

  it('gives "we tried prompting for both and it plateaued" to both jobs', async () => {
    const turns = await talk([
      accounting(''),
      'We already tried prompting GPT-4o mini for both and it plateaued. Just recommend.',
    ]);
    const last = turns[1] as TurnResult;
    expect([0, 1].map((index) => advised(last, index)?.tried?.length)).toEqual([1, 1]);
  });

  it('still gives examples to the one job that trains when the other answers from documents (no assumption said)', async () => {
    const turns = await talk([accounting(''), 'We have about 5,000 labelled examples. Just recommend.']);
    const last = turns[1] as TurnResult;
    expect(advised(last, 0)?.labeledExamples).toBe(5000);
    expect(advised(last, 1)?.labeledExamples).toBeUndefined();
    expect(last.reply).not.toContain('**Assumed:** the 5,000');
  });

  it('does not claim labelled examples exist when prompting plateaued and their number is unknown', async () => {
    const turns = await talk([accounting(''), 'We already tried prompting for both and it plateaued. Just recommend.']);
    expect((turns[1] as TurnResult).reply).not.toMatch(
      /plateaued on a behaviour gap[^.]*and there are labelled examples/,
    );
  });
});

describe('the typed recommendation of a stored chat keeps its jobs (review30 M1)', () => {
  it('restores each job’s advice from history, as the live turn carried it', async () => {
    const store = createFileSessionStore({
      dataDir: await mkdtemp(join(tmpdir(), 'jobs-history-')),
      syncToDisk: false,
    });
    await store.init();
    try {
      const service = createChatService({ store, knowledge });
      const credentials = await service.openSession();
      let outcome: Awaited<ReturnType<typeof service.runTurn>> | undefined;
      for (const text of [accounting(' (we have 20,000 already categorised)'), 'just recommend'])
        outcome = await service.runTurn({ credentials, text });
      const live = outcome?.turn.recommendation.jobs?.map((job) => job.destination.method);
      expect(live).toHaveLength(2);
      const ui = historyUIMessages(outcome?.session.messages ?? [], storedRecommender(knowledge));
      const part = ui.flatMap((message) => message.parts).find((each) => each.type === 'data-recommendation') as
        | { data: { jobs?: { destination: { method: string } }[] } }
        | undefined;
      expect(part?.data.jobs?.map((job) => job.destination.method)).toEqual(live);
    } finally {
      await store.stop();
    }
  });

  it('answers "how much would it cost?" job by job with the jobs in its typed recommendation', async () => {
    const turns = await talk([
      accounting(' (we have 20,000 already categorised)'),
      'just recommend',
      'how much would it cost?',
    ]);
    expect((turns[2] as TurnResult).recommendation.jobs).toHaveLength(2);
  });

  it('keeps the profile of the one job a question named, so a stored reply recomputes that job’s advice', async () => {
    const turns = await talk([
      accounting(' (we have 20,000 already categorised)'),
      'just recommend',
      'why not RAG for the receipts?',
    ]);
    const turn = turns[2] as TurnResult;
    expect(turn.advisedProfile?.labeledExamples).toBe(20000);
    expect(turn.recommendation.jobs).toBeUndefined();
  });
});

describe('the tenfold check compares a job’s figure with that job’s own (review30 M2)', () => {
  it('takes 40,000 pairs said of the memo job without asking about the receipts’ 3,000', async () => {
    const { turns } = await replayHistory(
      [
        accounting(' (we have 3,000 already categorised)'),
        'just recommend',
        'for the memo questions we also have 40,000 past question-answer pairs from our helpdesk',
      ],
      knowledge,
    );
    const turn = turns[2] as TurnResult;
    expect(turn.state.pendingConfirmation ?? []).toEqual([]);
    expect(advised(turn, 0)?.labeledExamples).toBe(3000);
  });

  it('still holds a tenfold change of one job’s own figure, and gives it to that job once confirmed', async () => {
    const { turns } = await replayHistory(
      [
        accounting(' (we have 3,000 already categorised)'),
        'just recommend',
        'for the receipts we have 300,000 categorised actually',
        'yes',
      ],
      knowledge,
    );
    const held = turns[2] as TurnResult;
    expect(held.state.pendingConfirmation?.[0]).toMatchObject({
      field: 'labeledExamples',
      value: 300000,
      previous: 3000,
    });
    expect(advised(held, 0)?.labeledExamples).toBe(3000);
    expect(advised(turns[3] as TurnResult, 0)?.labeledExamples).toBe(300000);
  });
});

describe('a list said again matches earlier jobs by their own words, one to one (review30 M4)', () => {
  it('starts different jobs empty, though both lists have a sorter and a Q&A job', async () => {
    const turns = await talk([
      'Two things: sort client receipts into our 25 expense categories (we have 20,000 already categorised), and answer staff questions about tax rules from our internal memos, which change every month.',
      'Sorry, wrong project. Our actual two things: tagging support emails by product line, and answering customer questions from our FAQ pages.',
    ]);
    const [tagging, faq] = (turns[1] as TurnResult).state.jobs ?? [];
    expect(tagging?.profile.labeledExamples).toBeUndefined();
    expect(faq?.profile.knowledgeChanges).toBeUndefined();
  });

  it('keeps the facts of a job listed again in other words', async () => {
    const turns = await talk([
      'Two things: sort client receipts into our 25 expense categories (we have 20,000 already categorised), and answer staff questions about tax rules from our internal memos.',
      'To be clear, the two jobs: categorising the receipts, and the tax rules questions from the memos.',
    ]);
    const jobs = (turns[1] as TurnResult).state.jobs ?? [];
    expect(jobs.find((job) => /receipts/.test(job.name))?.profile.labeledExamples).toBe(20000);
  });
});

describe('engine: a job’s verdict on a substitute model, and image adapter hours (review30 L2, L6, L7)', () => {
  it('takes a switched job’s verdict from its model option (conditional while GPU memory is unknown)', () => {
    const team = Profile.parse({ modelName: 'GPT-4.1', dataMustStayOnPrem: true, canSwitchModel: true });
    const jobs: Job[] = [
      { name: 'tickets', task: 'sort tickets into 12 queues', labeledExamples: 3000 },
      { name: 'manuals', task: 'answer questions from our manuals', needsCitations: true },
    ];
    const answer = withJobs(recommend(team, knowledge, { explain: 'none' }), team, jobs, knowledge);
    for (const job of answer.jobs ?? []) {
      const option = job.modelOptions.find((each) => each.model === job.destination.model.name);
      expect(job.destination.model.switched).toBe(true);
      expect(job.verdict).toBe(option?.verdict);
    }
  });

  it('leaves the token formula out of an image generator’s assumptions', () => {
    const answer = recommend(
      Profile.parse({
        modelName: 'Stable Diffusion XL 1.0',
        gpuName: 'NVIDIA GeForce RTX 4090',
        gpuCount: 2,
        labeledExamples: 40,
      }),
      knowledge,
      { explain: 'none' },
    );
    const said = answer.assumptions.map((assumption) => assumption.why).join('\n');
    expect(said).toMatch(/compute formula \(text tokens\) does not apply/);
    expect(said).not.toMatch(/Training tokens = /);
    expect(said).not.toMatch(/% of the GPU peak/);
  });

  it('grows an image adapter’s hours smoothly between a subject and a captioned dataset', () => {
    expect(imageAdapterRunHours(100)).toBe(1);
    expect(imageAdapterRunHours(101)).toBeLessThan(1.1);
    expect(imageAdapterRunHours(1000)).toBe(5);
    expect(imageAdapterRunHours(5000)).toBe(5);
    expect(imageAdapterRunHours(550)).toBe(3);
    expect(imageAdapterRunHours(4040, 40)).toBeLessThan(imageAdapterRunHours(4000, 40) * 1.1);
    for (let images = 0; images < 1200; images += 50)
      expect(imageAdapterRunHours(images + 50)).toBeGreaterThanOrEqual(imageAdapterRunHours(images));
  });
});

describe('extraction classes from the fresh batch x64, each beside a counter-example', () => {
  const read = (text: string) => extractProfile(text, { knowledge, today: '2026-12-07' }).fields;
  it.each([
    [
      'budget for the training run is like 5k, one time, and after that 800 a month',
      { oneTimeBudgetUSD: 5000, monthlyBudgetUSD: 800 },
    ],
    ['budget a couple thousand one time', { oneTimeBudgetUSD: 2000 }],
    ['deadline is end of next month-ish, so call it 6 weeks, maybe 7', { timelineWeeks: 6 }],
    ['about thirty thousand labeled reviews, sorry, thirty-two thousand', { labeledExamples: 32000 }],
    [
      'you need 10k examples for fine tuning, is that true?? we only have a couple hundred good ones',
      { labeledExamples: 200 },
    ],
    ['Mistral 7B running on two A10G instances we manage ourselves on AWS', { deployment: 'cloud-self-hosted' }],
    ['now we are on Llama 3.1 70B through a hosted provider', { deployment: 'cloud-api' }],
    ['four cards with 48 gigs each in our rack downstairs', { deployment: 'on-prem' }],
    ['engineers type a problem and we return the 5 most relevant past incident reports', { taskType: 'search' }],
    ['legal wants a fixed disclaimer format at the end of every answer', { goals: ['format'] }],
    ['40 customers with their own reply templates', { goals: ['format'] }],
    ['policies updated every few weeks-ish, no, like every week honestly', { knowledgeChanges: 'weekly' }],
    ['employees need to see which policy paragraph the answer came from', { needsCitations: true }],
    ['one year of chat logs not labeled, millions of messages', { unlabeledCorpus: 'large' }],
    ['Data is not allowed go outside our datacenter by regulation', { dataMustStayOnPrem: true }],
    ['we want to add 12 more languages this year', { multilingual: true }],
    ['an open vision-language model around 7B, forgot the exact name', { modelParamsB: 7 }],
  ])('%s', (text, expected) => {
    expect(read(text)).toMatchObject(expected);
  });

  it.each([
    ['we need two thousand one-time examples', 'oneTimeBudgetUSD'],
    ['we have 3 GPUs, sorry, one more thing: they are A100s', 'labeledExamples'],
    ['we have 5k question answer pairs, exported as CSV', 'needsStyleOrFormat'],
    ['we get millions of messages a day', 'unlabeledCorpus'],
    ['a model trained on around 7B tokens', 'modelParamsB'],
    ['we collected 30k thumbs up / thumbs down pairs from the chat widget', 'taskType'],
  ])('leaves "%s" without %s', (text, field) => {
    expect(read(text)).not.toHaveProperty(field);
  });
  it('keeps the count a correction in words did not touch', () => {
    expect(read('we have 3 GPUs, sorry, one more thing: they are A100s').gpuCount).toBe(3);
  });
});
