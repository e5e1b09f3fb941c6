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
import { Profile, type ProfileField } from '../../src/profile/profile-schema.ts';
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
    expect(imageAdapterRunHours(5000)).toBe(25);
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

describe("newuser56's findings, each beside a counter-example", () => {
  const read = (text: string, requestedField?: ProfileField) =>
    extractProfile(text, { knowledge, today: '2026-12-07', ...(requestedField ? { requestedField } : {}) });
  const TWO_JOBS =
    'two things we want: 1) auto-triage incoming support tickets into one of our 14 categories, we have 8k labeled tickets, and 2) a drafting assistant that writes first-draft replies in our brand voice, we have 3,000 past replies. just recommend';

  it('splits jobs listed as "(a) … (b) …" and jobs named by nouns, with names that end before their facts (F02)', () => {
    expect(
      read(
        'Two separate projects: (a) extracting key clauses from client contracts - we have 600 contracts labelled by paralegals. (b) drafting marketing blog posts - we have 150 old posts.',
      ).jobs?.map((job) => job.name),
    ).toEqual(['extracting key clauses', 'drafting marketing blog posts']);
    expect(
      read(
        'Two things: 1) contract clause extraction, on our own servers only, and 2) marketing drafts via a cloud API. Just recommend.',
      ).jobs?.map((job) => [job.name, job.fields.taskType]),
    ).toEqual([
      ['contract clause extraction', 'extract'],
      ['marketing drafts', 'generate'],
    ]);
    expect(read(TWO_JOBS).jobs?.map((job) => job.name)).toEqual([
      'auto-triage incoming support tickets',
      'drafting assistant',
    ]);
    // (One assistant's numbered needs are still one job.)
    expect(
      read('Our chatbot should 1) answer from the knowledge base and 2) cite the article it used.').jobs,
    ).toBeUndefined();
  });

  it('keeps residency job by job and says so, with no team assumption that contradicts a job (F01)', async () => {
    const turns = await talk([
      'Two jobs: 1) extracting clauses from client contracts, which must stay on our own servers, and 2) drafting marketing blog posts, where any cloud API is fine.',
      '600 hand-labelled contracts for the clause job, 150 old posts for marketing. just recommend',
    ]);
    const [first, second] = turns as [TurnResult, TurnResult];
    expect(first.reply).toMatch(/for extracting clauses: [^;]*data must stay on your premises/);
    expect(first.reply).toMatch(/for drafting marketing blog posts: [^;]*data may leave your premises/);
    expect(first.state.profile.dataMustStayOnPrem).toBeUndefined();
    expect(advised(second, 0)?.dataMustStayOnPrem).toBe(true);
    expect(second.reply).not.toMatch(/may go to a rented cloud GPU/);
  });

  it.each([
    'team-wise we have 2 backend engs who know python',
    'isnt an 8B llm overkill for a 14-class classifier?',
    'each contract is 20-40 pages, so way more than 500 tokens',
  ])('reads no requests a day from "%s" (F03)', (text) => {
    expect(read(text, 'requestsPerDay').fields.requestsPerDay).toBeUndefined();
  });
  it('still reads the volume beside a count of people', () => {
    expect(read('300 a day, 2 devs will maintain it', 'requestsPerDay').fields.requestsPerDay).toBe(300);
    expect(read('5k replies users thumbs-upped', 'labeledExamples').fields.labeledExamples).toBe(5000);
  });

  it.each([
    ['we have 1 L40S in our aws account (g6e)', true],
    ['the L40S isnt free, its a g6e instance we pay for by the hour', true],
    ['we have one A10G on AWS', true],
    ['we have 2 A100s on prem', undefined],
  ])('"%s" → gpusRented %s (F04)', (text, rented) => {
    expect(read(text).fields.gpusRented).toBe(rented);
  });

  it('drops a job said in ordinary words, and says so (F05)', async () => {
    const held = (
      await talk([TWO_JOBS, 'legal wants to hold off on the drafting assistant, so drop that one for now'])
    )[1] as TurnResult;
    expect(held.state.jobs).toBeUndefined();
    expect(held.reply).toMatch(/^Dropped drafting assistant: one plan now\./);
    const kept = (
      await talk([TWO_JOBS, 'please remove it, we only have one job now: the ticket triage'])
    )[1] as TurnResult;
    expect(kept.state.jobs).toBeUndefined();
    expect(kept.state.profile.taskType).toBe('classify');
  });

  it('reads triage as care only beside a health word (F06)', () => {
    expect(read('we havent tried anything on triage yet').fields.safetyCritical).toBeUndefined();
    expect(read('for the triage, what do we do first?').fields.safetyCritical).toBeUndefined();
    expect(read('an ER triage assistant for our nurses').fields.safetyCritical).toBe(true);
  });

  it('takes "we will NOT self host, forget the L40S" as an API and no GPU, and "host ourselves" as no task (F08)', async () => {
    const said = read('ok let me be clear: we will NOT self host, forget the L40S. api only is fine.');
    expect(said.fields.deployment).toBe('cloud-api');
    expect(said.goneGpu).toBe('NVIDIA L40S');
    expect(read('We use GPT-4o mini now but want to host ourselves long term').fields.task).toBeUndefined();
    expect(read('we want to classify support tickets').fields.task).toBe('classify support tickets');
    const turn = (
      await talk([
        'We use GPT-4o mini now; we have 1 L40S in our AWS account. We classify support tickets into 14 categories, 15,000 labelled tickets, 1500 a day, we may switch models. just recommend',
        'ok let me be clear: we will NOT self host, forget the L40S. api only is fine. what would it cost a month?',
      ])
    )[1] as TurnResult;
    expect(turn.state.profile.gpuName).toBeUndefined();
    expect(turn.state.profile.deployment).toBe('cloud-api');
  });

  it('reads a length in pages as one example’s tokens (F09)', () => {
    expect(read('each contract is 20-40 pages').fields.exampleTokens).toBe(12000);
    expect(read('our contracts are 10 pages each').fields.exampleTokens).toBe(4000);
    expect(read('our docs are 400 pages in total').fields.exampleTokens).toBeUndefined();
  });

  it('answers thanks after a job-by-job answer in one line, and "the triage" names the triage job (F12)', async () => {
    const turns = await talk([
      TWO_JOBS,
      'for the triage, what do we do first?',
      'thanks i guess, ill take it to the team',
    ]);
    const [, first, thanks] = turns as [TurnResult, TurnResult, TurnResult];
    expect(first.reply).toMatch(/^\*\*For auto-triage incoming support tickets:\*\*/);
    expect(first.reply).not.toMatch(/For drafting assistant/);
    expect(thanks.reply).toMatch(/^You're welcome\. The advice stands, job by job: 1\. auto-triage/);
    expect(thanks.reply).not.toMatch(/2 jobs, each with its own plan/);
  });

  it('saves no model from a suggestion turned down; keeps a suggestion taken up (F14)', () => {
    expect(
      read(
        "someone suggested distilling from gpt-4.1, but that would mean sending client contracts to openai, which we can't do",
      ).fields,
    ).toEqual({});
    expect(read('Someone suggested Gemma 2 9B. We only have a T4.').fields.modelName).toBe('Gemma 2 9B');
    expect(read('We run Phi-3-mini today and it feels small for our codebase.').fields.modelName).toBeDefined();
  });
});

describe('questions asked in ordinary words (newuser56 F10) and x65 extraction classes', () => {
  const intents = (text: string) =>
    extractProfile(text, { knowledge, today: '2026-12-07', midConversation: true }).intents;
  const read = (text: string) => extractProfile(text, { knowledge, today: '2026-12-07' }).fields;
  it.each([
    ['would a couple thousand tickets actually be sufficient to tune on?', 'asksEnoughData'],
    ['can you sum up the whole thing again for my manager', 'asksSummary'],
    ['would a bert style model not be cheaper and faster?', 'asksEncoderInstead'],
    ['from a risk/compliance angle, what are the biggest risks with this setup?', 'asksRisks'],
    ['what stops it from inventing a procedure that doesnt exist?', 'asksHallucination'],
  ])('"%s" → %s', (text, intent) => {
    expect(intents(text)).toHaveProperty(intent);
  });
  it('leaves a statement about a BERT model that is the team’s, and a privacy question, to their own readings', () => {
    expect(intents('is there a privacy risk in sending data?').asksRisks).toBeUndefined();
  });

  it.each([
    [
      'prompts are more like 4k tokens, answers ~250. does your number include that?',
      { inputTokensPerRequest: 4000, outputTokensPerRequest: 250 },
    ],
    [
      'literally zero dollars, no one-off spend and nothing monthly either',
      { oneTimeBudgetUSD: 0, monthlyBudgetUSD: 0 },
    ],
    ['requests? maybe 300 a day. it’s internal, like 25 analysts', { requestsPerDay: 300 }],
    ["i'd say 6 weeks. the PM says 3 but that's wishful thinking", { timelineWeeks: 6 }],
    ['not 50 labeled examples, 500. i misread the spreadsheet', { labeledExamples: 500 }],
    [
      "we're sticking with llama 3.1 8b, security approved only that one, switching isn't an option",
      { canSwitchModel: false },
    ],
    [
      "legal said no to claude as a teacher. gpt-4o outputs are fine though, we'd distill from those",
      { teacherModel: 'GPT-4o' },
    ],
  ])('%s', (text, expected) => {
    expect(read(text)).toMatchObject(expected);
  });
  it('keeps "we have 50 labeled examples" and a model whose outputs are only praised', () => {
    expect(read('we have 50 labeled examples').labeledExamples).toBe(50);
    expect(read('we use gpt-4o and its outputs are fine').teacherModel).toBeUndefined();
  });
});

describe('engine questions found by the fresh batches w84–w86', () => {
  const asked = (profile: Record<string, unknown>) =>
    recommend(Profile.parse(profile), knowledge, { explain: 'none' }).questions.map((question) => question.field);
  it('asks how many customers when the task is done once per customer, and not once told', () => {
    const team = {
      modelName: 'Gemma 2 9B',
      task: 'customise a B2B assistant per customer using each customer’s own data',
      taskType: 'chat',
    };
    expect(asked(team)).toContain('tasksCount');
    expect(asked({ ...team, tasksCount: 40 })).not.toContain('tasksCount');
    expect(asked({ ...team, task: 'a B2B assistant for our support team' })).not.toContain('tasksCount');
  });
  it('asks an example’s length when the task reads whole long documents, not for an API-only model', () => {
    const team = {
      modelName: 'Qwen2.5 7B',
      task: 'extract about 40 clause types from whole commercial leases of up to 30,000 tokens',
      taskType: 'extract',
      labeledExamples: 1200,
      gpuName: 'RTX 4090',
      gpuCount: 1,
    };
    expect(asked(team)).toContain('exampleTokens');
    expect(asked({ ...team, exampleTokens: 30000 })).not.toContain('exampleTokens');
    expect(asked({ ...team, task: 'extract parties and dates from short emails' })).not.toContain('exampleTokens');
  });
  it('asks the goal when the task names only a method and its data', () => {
    const team = {
      modelName: 'Llama 3.1 8B',
      modelStage: 'base',
      task: 'fine-tune a model on our radiology report archive',
      dataMustStayOnPrem: true,
    };
    expect(asked(team)).toContain('goals');
    expect(asked({ ...team, task: 'fine-tune a model to summarise our radiology reports' })).not.toContain('goals');
  });
  it('plans a speech model’s weekly-changing terms in its prompt, and tunes it for stable vocabulary', () => {
    const speech = {
      modelName: 'Whisper turbo',
      modality: 'audio',
      taskType: 'transcribe',
      labeledExamples: 300,
      gpuName: 'L4',
      gpuCount: 1,
    };
    const weekly = recommend(
      Profile.parse({ ...speech, knowledgeChanges: 'weekly', goals: ['knowledge', 'freshness'] }),
      knowledge,
      { explain: 'none' },
    );
    expect(weekly.destination.method).toBe('prompt-engineering');
    const stable = recommend(Profile.parse(speech), knowledge, { explain: 'none' });
    expect(['lora', 'full-fine-tuning', 'qlora']).toContain(stable.destination.method);
  });
});

describe('review31: the session’s own changes, each with the case it must still handle', () => {
  const read = (text: string, requestedField?: ProfileField) =>
    extractProfile(text, { knowledge, today: '2026-12-07', ...(requestedField ? { requestedField } : {}) });
  const TRIAGE_AND_DRAFTS = [
    'Two things: 1) ticket triage, sorting support tickets into 14 queues, and 2) a drafting assistant that writes replies in our brand voice. We use GPT-4o mini, no GPUs, data may go to OpenAI.',
    'just recommend',
  ];
  it.each([
    "We don't want to pause the drafting assistant.",
    'We only need the triage to be accurate, the drafting can be rough.',
    'We are not only doing the triage, the drafting assistant matters just as much.',
    'We just want the drafting assistant to sound like us, nothing fancy.',
    'Can we drop the drafting assistant if it says something wrong?',
  ])('keeps both jobs after "%s" (H1)', async (text) => {
    const turn = (await talk([...TRIAGE_AND_DRAFTS, text]))[2] as TurnResult;
    expect(turn.state.jobs).toHaveLength(2);
  });
  it('says a drop made in a turn that asks something else, without the dropped job’s words as facts (L1, L7)', async () => {
    const asked = (
      await talk([...TRIAGE_AND_DRAFTS, 'hold off on the drafting assistant. how long would the triage take to train?'])
    )[2] as TurnResult;
    expect(asked.reply).toMatch(/^Dropped drafting assistant: one plan now\./);
    const kept = (
      await talk([...TRIAGE_AND_DRAFTS, 'drop the ticket triage, we only need the drafting assistant'])
    )[2] as TurnResult;
    expect(kept.reply).not.toMatch(/Noted: classifying/);
  });

  it('reads triage in a health service as safety-critical, and not the filler "er" (H2, L4)', () => {
    expect(
      read('We run a mental health crisis text line and want the model to triage incoming texts by risk level.').fields
        .safetyCritical,
    ).toBe(true);
    expect(
      read("We're a telehealth startup; the model will triage incoming messages by urgency.").fields.safetyCritical,
    ).toBe(true);
    expect(read('uh, er, ticket triage for our helpdesk').fields.safetyCritical).toBeUndefined();
  });

  it('keeps GPUs the team reminds of, and takes away only those it drops (H3)', () => {
    expect(read("Oh and don't forget the 2 A100s we have in the lab.").fields.gpuCount).toBe(2);
    expect(read("Don't forget the A100s can also serve it, by the way.").goneGpu).toBeUndefined();
    expect(read('forget the L40S, we will use an API').goneGpu).toBe('NVIDIA L40S');
  });

  it('reads a corrected figure whole, and leaves a part of a count alone (H4, M11)', () => {
    expect(read('we have 30,000 labelled reviews, sorry, 32,000').fields.labeledExamples).toBe(32000);
    expect(read('We get 10,000 requests a day, sorry, 12,000.').fields.requestsPerDay).toBe(12000);
    expect(
      read('We have 5,000 labelled tickets, actually a few hundred of them are duplicates.').fields.labeledExamples,
    ).toBe(5000);
  });

  it('keeps the team’s own model said with a judgement; leaves out the advice’s proposal named back (H5)', async () => {
    const turn = (
      await talk([
        'We want to classify support tickets into 12 queues. We have 5,000 labelled tickets and 2 A100 80GB.',
        'The model is Llama 3.1 8B, which seems small for 12 queues.',
      ])
    )[1] as TurnResult;
    expect(turn.state.profile.modelName).toBe('Llama 3.1 8B');
    const first = (
      await talk([
        'We want IDE code completions for our TypeScript framework, 7 million tokens of code, no labelled pairs, code stays in our network, 2x L40S. Just recommend.',
      ])
    )[0] as TurnResult;
    const proposed = first.recommendation.destination.model.name as string;
    const weighed = (
      await talk([
        'We want IDE code completions for our TypeScript framework, 7 million tokens of code, no labelled pairs, code stays in our network, 2x L40S. Just recommend.',
        `hmm ${proposed} feels big for completions. why not LoRA on Llama 3.1 8B instead?`,
      ])
    )[1] as TurnResult;
    expect(weighed.state.profile.modelName).toBeUndefined();
    const taken = (
      await talk([
        'We want IDE code completions for our TypeScript framework, 7 million tokens of code, no labelled pairs, code stays in our network, 2x L40S. Just recommend.',
        `ok, we'll go with ${proposed}`,
      ])
    )[1] as TurnResult;
    expect(taken.state.profile.modelName).toBe(proposed);
  });

  it('prices a chatbot over long documents by its retrieved passages, and an explicit token count wins over pages (H6, M1)', () => {
    expect(
      read(
        'We want a chatbot that answers employee questions from our policy documents. Each document is about 300 pages.',
      ).fields.exampleTokens,
    ).toBeUndefined();
    expect(read('each contract is 30 pages, roughly 20k tokens per contract').fields.exampleTokens).toBe(20000);
    const chat = recommend(
      Profile.parse({ modelName: 'GPT-4o mini', taskType: 'chat', exampleTokens: 120000, requestsPerDay: 2000 }),
      knowledge,
      { explain: 'none' },
    );
    expect(chat.assumptions.map((assumption) => assumption.why).join(' ')).not.toMatch(
      /input from your examples' length/,
    );
  });

  it('splits a numbered list whose item has a lettered list, and shapes a job by its head noun (M2, M9)', () => {
    expect(
      read('Two jobs: 1) sorting tickets into (a) billing or (b) technical queues, and 2) drafting replies.').jobs?.map(
        (job) => job.name,
      ),
    ).toEqual(['sorting tickets', 'drafting replies']);
    expect(
      read('Two jobs: (a) transcript search for our sales team, and (b) ticket routing into 8 queues.').jobs?.map(
        (job) => job.fields.taskType,
      ),
    ).toEqual(['search', 'classify']);
  });

  it.each([
    ["We'd rent A100s through a third-party provider and serve Llama ourselves.", 'deployment', 'cloud-self-hosted'],
    ['Labelling is done by contractors we pay by the hour.', 'gpusRented', undefined],
    ['The docs are updated monthly - no daily changes, nothing urgent.', 'knowledgeChanges', 'monthly'],
    ["we'll hand-label a couple thousand upfront and then add more later", 'oneTimeBudgetUSD', undefined],
    ['we label 500, monthly, and the budget is small', 'oneTimeBudgetUSD', undefined],
    [
      'We want to classify tickets into 12 queues. Our 5,000 labelled tickets are in a CSV.',
      'needsStyleOrFormat',
      undefined,
    ],
    ["We can't self host, we have no GPUs.", 'deployment', 'cloud-api'],
  ])('"%s" → %s %s (M5, M6, M7, M10, L5, L6)', (text, field, value) => {
    expect(read(text).fields[field as ProfileField]).toBe(value);
  });
  it.each(['14 classes', 'there are 12 queues', '2 MLEs and a PM'])('"%s" answers no volume (M8)', (text) => {
    expect(read(text, 'requestsPerDay').fields.requestsPerDay).toBeUndefined();
  });

  it('says a residency assumption of the job that does not hold it (M4)', async () => {
    const turn = (
      await talk([
        'Two separate projects: (a) extracting key clauses from client contracts; client contracts can NEVER leave our own servers. (b) drafting marketing blog posts. We use GPT-4.1 mini today.',
        'just recommend',
      ])
    )[1] as TurnResult;
    expect(turn.reply).toMatch(
      /\*\*Assumed \(drafting marketing blog posts\):\*\* Your data may be sent to the GPT-4\.1 mini API/,
    );
  });

  it('compares a job’s new figure with the figure it was advised on, and keeps the team figure of the other job (M12)', async () => {
    const { turns } = await replayHistory(
      [
        'We have 300 labelled examples.',
        'Two things: sort client receipts into our 25 expense categories, and write our monthly client newsletter in our voice.',
        'just recommend',
        'for the receipts we have 30,000 labelled examples',
        'yes',
      ],
      knowledge,
    );
    const held = turns[3] as TurnResult;
    expect(held.state.pendingConfirmation?.[0]).toMatchObject({
      field: 'labeledExamples',
      value: 30000,
      previous: 300,
    });
    const confirmed = turns[4] as TurnResult;
    expect([0, 1].map((index) => advised(confirmed, index)?.labeledExamples)).toEqual([30000, 300]);
  });

  it('gives a figure said "for both" and confirmed to both jobs (M3)', async () => {
    const { turns } = await replayHistory(
      [
        'Two things: sort client receipts into our 25 expense categories, and write our monthly client newsletter in our voice. For the receipts we have 300 labelled examples. For the newsletter we have 200 labelled examples.',
        'just recommend',
        'for both we have 30,000 labelled examples',
        'yes',
      ],
      knowledge,
    );
    expect([0, 1].map((index) => advised(turns[3] as TurnResult, index)?.labeledExamples)).toEqual([30000, 30000]);
  });

  it('plans speech terms in the prompt only when they change weekly, and times large image sets in proportion (L2, L3)', () => {
    const monthly = recommend(
      Profile.parse({
        modelName: 'Whisper large-v3',
        taskType: 'transcribe',
        knowledgeChanges: 'monthly',
        labeledExamples: 4800,
        gpuName: 'NVIDIA A100 80GB',
        gpuCount: 1,
      }),
      knowledge,
      { explain: 'none' },
    );
    expect(monthly.destination.method).not.toBe('prompt-engineering');
    expect(imageAdapterRunHours(20000)).toBeGreaterThan(imageAdapterRunHours(1000));
  });
});

describe('review32: the second round of the session’s own changes', () => {
  const read = (text: string) => extractProfile(text, { knowledge, today: '2026-12-07' });
  const TRIAGE_AND_DRAFTS = [
    'Two things: 1) ticket triage, sorting support tickets into 14 queues, and 2) a drafting assistant that writes replies in our brand voice. We use GPT-4o mini, no GPUs, data may go to OpenAI.',
    'just recommend',
  ];
  it('lets a later team-wide residency rule reach every job (H1)', async () => {
    const turn = (
      await talk([
        ...TRIAGE_AND_DRAFTS,
        'For the triage, the tickets must stay on our own servers.',
        'Update: legal says no customer data may leave our premises at all, for anything.',
      ])
    )[3] as TurnResult;
    expect([0, 1].map((index) => advised(turn, index)?.dataMustStayOnPrem)).toEqual([true, true]);
  });
  it.each([
    'We triage tickets from our service health dashboard.',
    'We want to triage alerts from our cluster health checks.',
  ])('reads "%s" as no care (H2)', (text) => {
    expect(read(text).fields.safetyCritical).toBeUndefined();
  });
  it('still reads a crisis line’s triage as care (H2 guard)', () => {
    expect(read('We triage calls for our mental health crisis line.').fields.safetyCritical).toBe(true);
  });
  it.each([
    'Drop the drafting assistant, what would the triage cost per month?',
    'ok let us drop the one that does the drafting.',
    'Drop the drafting assistant — it is not needed.',
    'park the drafting assistant for now',
  ])('drops a job said as "%s" (H3, L3)', async (text) => {
    const turn = (await talk([...TRIAGE_AND_DRAFTS, text]))[2] as TurnResult;
    expect(turn.state.jobs).toBeUndefined();
  });
  it('takes GPUs no longer used away, and keeps those free for the work (H4)', () => {
    expect(read('We are not using the A100s anymore, they went back to the lab.').goneGpu).toBe('NVIDIA A100 80GB');
    expect(read('We are not using the A100s for anything else, so they are all yours.').goneGpu).toBeUndefined();
  });
  it('keeps the advice’s model once the team says it runs it (M1)', () => {
    expect(read('We already run Llama 3.1 8B on those L4s, it is fine-tuned.').intents.adoptsModel).toBe(true);
    expect(read('ok we are going to use Llama 3.1 8B.').intents.adoptsModel).toBe(true);
    expect(read('phi-3-mini feels small. The budget sounds good though.').intents.adoptsModel).toBeUndefined();
  });
  it('asks no customer count of a per-item task, nor an example length of a document Q&A (M2, M3)', () => {
    const asked = (profile: Record<string, unknown>) =>
      recommend(Profile.parse(profile), knowledge, { explain: 'none' }).questions.map((question) => question.field);
    expect(
      asked({
        task: 'classify each customer email into 12 queues',
        taskType: 'classify',
        modelName: 'GPT-4o mini',
        labeledExamples: 3000,
        requestsPerDay: 500,
      }),
    ).not.toContain('tasksCount');
    expect(
      asked({
        task: 'answers employee questions from our 200 pages of HR policies',
        taskType: 'chat',
        goals: ['knowledge'],
        gpuName: 'NVIDIA L4',
        gpuCount: 2,
        corpusTokens: 80000,
      }),
    ).not.toContain('exampleTokens');
  });
  it.each([
    ['Each contract is 30 pages; we want an assistant that flags risky clauses.', 'exampleTokens', 12000],
    ['We call Llama 3.1 70B through a third-party provider.', 'deployment', 'cloud-api'],
    ['We have two A10G instances on Lambda. We pay for them by the hour.', 'gpusRented', true],
    ['not 500 emails, 12 categories', 'labeledExamples', undefined],
    ['not 50 labeled examples, 500', 'labeledExamples', 500],
  ])('"%s" → %s %s (M4–M7)', (text, field, value) => {
    expect(read(text).fields[field as ProfileField]).toBe(value);
  });
});

describe("newuser57's findings", () => {
  const read = (text: string) => extractProfile(text, { knowledge, today: '2026-12-07' });
  const HELPDESK = [
    'we have a qwen2.5 7b on a rented A10G on AWS, paying by the hour. its an internal IT helpdesk bot, people complain it makes stuff up about our procedures',
    'procedures change monthly, ~300 pages of confluence docs, 300 questions a day. just recommend',
  ];
  it('keeps the advice’s own monthly figure quoted back out of the budget, and a budget said as such in (F01)', async () => {
    const turns = await talk([
      ...HELPDESK,
      'sorry, typo, I meant $734/mo. so: would running it on gpt-4o mini via API be cheaper than renting the A10G?',
    ]);
    const quoted = turns[2] as TurnResult;
    expect(quoted.state.profile.monthlyBudgetUSD).toBeUndefined();
    expect(quoted.reply).toMatch(
      /If you had GPT-4o mini as the model and used through a cloud API: Running it: about \$\d+ a month of API calls/,
    );
    const budget = (await talk([...HELPDESK, 'our monthly budget is $734']))[2] as TurnResult;
    expect(budget.state.profile.monthlyBudgetUSD).toBe(734);
  });
  it('takes a monthly budget back when the team says it has none (F01)', () => {
    expect(read('We use Qwen2.5 7B. We do not have a monthly budget.').removedFields).toContain('monthlyBudgetUSD');
    expect(read('we have NO monthly budget limit').removedFields).toContain('monthlyBudgetUSD');
    expect(read('we have no monthly budget problems, it is $500').removedFields).toBeUndefined();
  });
  it('answers the cost of an option named in the question (F05)', () => {
    const asked = read('what would gpt-4o mini cost per month instead?');
    expect(asked.intents.asksCost).toBeDefined();
    expect(asked.fields.modelName).toBeUndefined();
    expect(read('it would be cheaper than that').intents.asksCost).toBeUndefined();
  });
});
