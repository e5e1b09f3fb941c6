/**
 * Two jobs in one conversation (newuser52 F04, newuser53 F09): the jobs a message lists are read with their own
 * words, later clauses that name one job add to it, the answer gives one plan per job, and a question that names a
 * job is answered on that job's advice.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractProfile } from '../../src/chat/extract/index.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { converse } from '../helpers/converse.ts';

const knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
const read = (text: string, jobs?: { name: string; keywords: string[] }[]) =>
  extractProfile(text, { knowledge, ...(jobs ? { jobs } : {}) });

const DENTAL =
  'hi, we run a small group of dental clinics (6 locations). two things really: sending appointment reminder texts that sound friendly not robotic, and answering patients questions about what their insurance covers from our 40 plan PDFs. no GPUs or servers, budget about $300 a month. we have about 2,000 old reminder texts people liked.';
const ACCOUNTING =
  'Hello. We are a small accounting firm (9 staff). Two things we would like AI for: sorting client receipts into expense categories, and answering staff questions about tax rules using our internal memos.';
/** The accounting firm with its receipt count in brackets, its GPUs and its residency. */
const ACC = `${ACCOUNTING.replace('into expense categories', 'into expense categories (we have 20,000 already categorised)')} We have 2 A100 80GB GPUs, data must stay on our premises.`;
const BAKERY =
  "hi, we're a regional bakery chain (about 14 shops). we want some AI to help write product descriptions for our website and also answer customers' allergen questions. no idea where to start honestly";

describe('jobs listed in one message', () => {
  it.each([
    [DENTAL, ['sending appointment reminder texts', 'answering patients questions']],
    [ACCOUNTING, ['sorting client receipts into expense categories', 'answering staff questions about tax rules']],
    [BAKERY, ['help write product descriptions', "answer customers' allergen questions"]],
  ])('%s', (message, names) => {
    expect(read(message).jobs?.map((job) => job.name)).toEqual(names);
  });

  it("reads each job's shape and gaps from its own words, in the user's spelling", () => {
    const [texts, coverage] = read(DENTAL).jobs ?? [];
    expect(texts?.fields).toMatchObject({ taskType: 'generate', goals: ['style'], needsStyleOrFormat: true });
    expect(coverage?.fields).toMatchObject({ taskType: 'chat', goals: ['knowledge'], unlabeledCorpus: 'small' });
    expect(coverage?.fields.task).toContain('40 plan PDFs');
    // Keywords name one job each.
    expect(texts?.keywords).toContain('reminder');
    expect(coverage?.keywords).toContain('insurance');
    expect(texts?.keywords.filter((word) => coverage?.keywords.includes(word))).toEqual([]);
  });

  it.each([
    'we want to classify tickets and route them to the right team',
    'we need to extract fields from invoices and fill in the ERP form',
    'we want to summarise our calls and draft follow-up emails',
    'we want a bot that reads our contracts and answers questions about them',
    'the task is to translate product pages and also translate the help center',
    // (review29 M1: the second verb works on the first one's input or output: one assistant with two gaps.)
    'we need a model that classifies support tickets by urgency and drafts replies in our brand voice',
    'we need an assistant that answers questions from our policy manual and writes the reply in our brand voice',
    'we want a model that reads incoming support emails and replies to them in our brand voice',
    'we want a bot that answers customer questions from our help docs and translates the answers into Spanish',
  ])('one job, not two: %s', (message) => {
    expect(read(message).jobs).toBeUndefined();
  });

  it('adds what a later clause says of one job to that job only, and names the job a question is about', () => {
    const jobs = read(ACCOUNTING).jobs ?? [];
    const later = read(
      'For receipts we have a few thousand already categorised in our bookkeeping software, and the memos change every year when the budget changes. How long would training the receipt sorter take?',
      jobs,
    );
    const receipts = later.jobFacts?.find((fact) => fact.name === jobs[0]?.name);
    const memos = later.jobFacts?.find((fact) => fact.name === jobs[1]?.name);
    expect(receipts?.fields.labeledExamples).toBe(3000);
    expect(memos?.fields.labeledExamples).toBeUndefined();
    expect(memos?.fields.knowledgeChanges).toBe('rarely');
    // The whole message names the receipts job only in its question... and the memos in a fact: no single job.
    expect(read('how long would training the receipt sorter take?', jobs).jobNamed).toBe(jobs[0]?.name);
    expect(read('and the tax memo part, what would that cost?', jobs).jobNamed).toBe(jobs[1]?.name);
    expect(read('what would all of it cost?', jobs).jobNamed).toBeUndefined();
  });
});

describe('a conversation about two jobs', () => {
  it('answers with one plan per job: tuning for the voice, retrieval for the coverage questions', async () => {
    const turns = await converse([DENTAL, 'just recommend'], knowledge);
    const answer = turns[1];
    expect(answer?.kind).toBe('recommendation');
    expect(answer?.reply).toContain('2 jobs, each with its own plan');
    const [first = '', second = ''] = (answer?.replyData.body ?? '').split('**2. ');
    expect(first).toMatch(/\*\*1\. Sending appointment reminder texts:\*\* aim for (?:LoRA|QLoRA|Managed fine-tuning)/);
    expect(second).toMatch(/^Answering patients questions:\*\* aim for Retrieval-augmented generation/);
    expect(answer?.state.jobs?.[0]?.profile.labeledExamples).toBe(2000);
    // The answer's sources are numbered once for both jobs.
    expect(answer?.replyData.sources?.map((source) => source.n)).toEqual(
      answer?.replyData.sources?.map((_, index) => index + 1),
    );
  });

  it('answers "why not fine-tune it on our texts?" on the reminder texts, not with retrieval', async () => {
    const turns = await converse(
      [DENTAL, 'just recommend', 'why not fine-tune it on our texts so it learns our voice?'],
      knowledge,
    );
    const why = turns[2]?.reply ?? '';
    expect(why).toMatch(/^\*\*For sending appointment reminder texts:\*\*/);
    expect(why).not.toMatch(/Instead: Retrieval/);
  });

  it("answers the receipt sorter's training time on the receipts job, with the examples said of it", async () => {
    const turns = await converse(
      [
        ACCOUNTING,
        'yes, client financial data must stay in our office.',
        'We have 2 RTX 4090s in an old server. For receipts we have a few thousand already categorised in our bookkeeping software.',
        'just recommend',
        'how long would training the receipt sorter take?',
      ],
      knowledge,
    );
    const answer = turns[3]?.replyData.body ?? '';
    expect(answer).toMatch(/\*\*1\. Sorting client receipts into expense categories:\*\* aim for (?:LoRA|QLoRA)/);
    expect(answer).toMatch(
      /\*\*2\. Answering staff questions about tax rules:\*\* aim for Retrieval-augmented generation/,
    );
    const time = turns[4]?.reply ?? '';
    expect(time).toMatch(/^\*\*For sorting client receipts into expense categories:\*\*/);
    expect(time).toMatch(/GPU-hours/);
    // The team's own count of tasks is the two jobs.
    expect(turns[4]?.state.profile.tasksCount).toBe(2);
  });

  it('keeps one job when the message lists one', async () => {
    const turns = await converse(['we want to classify support tickets into 12 queues', 'just recommend'], knowledge);
    expect(turns[1]?.state.jobs).toBeUndefined();
    expect(turns[1]?.reply).not.toContain('each with its own plan');
  });
});

describe('a turn that knows the jobs (review29)', () => {
  it('asks a job its own question, and files the answer under that job (H1)', async () => {
    const turns = await converse(
      [
        DENTAL.replace(' we have about 2,000 old reminder texts people liked.', ''),
        'data may go to a vendor',
        'we have no model yet',
      ],
      knowledge,
    );
    const asked = turns.find((turn) => turn.state.requestedJob !== undefined);
    expect(asked?.reply).toMatch(/\*\*For [^:]+: /);
    const job = asked?.state.requestedJob;
    const field = asked?.state.requestedField;
    expect(field).toBeDefined();
    const answer = field === 'labeledExamples' ? 'about 2000' : field === 'tried' ? 'nothing yet' : 'rarely';
    const messages = [
      DENTAL.replace(' we have about 2,000 old reminder texts people liked.', ''),
      'data may go to a vendor',
      'we have no model yet',
    ].slice(0, turns.indexOf(asked as (typeof turns)[number]) + 1);
    const after = await converse([...messages, answer], knowledge);
    const filed = after.at(-1)?.state.jobs?.find((each) => each.name === job);
    expect(filed?.profile).toHaveProperty(field as string);
  });

  it("keeps a traffic figure said of one job off the other job's advice (H2)", async () => {
    const turns = await converse([`${DENTAL} We send about 5,000 reminder texts a day.`, 'just recommend'], knowledge);
    const [texts, coverage] = turns[1]?.state.jobs ?? [];
    expect(texts?.profile.requestsPerDay).toBe(5000);
    expect(coverage?.profile.requestsPerDay).toBeUndefined();
    expect(turns[1]?.state.profile.requestsPerDay).toBeUndefined();
  });

  it('answers a question about the whole plan for each job, not for the one a common word names (H3)', async () => {
    const turns = await converse([DENTAL, 'just recommend', 'what would the whole plan cost per month?'], knowledge);
    const reply = turns[2]?.reply ?? '';
    expect(reply).toContain('**For sending appointment reminder texts:**');
    expect(reply).toContain('**For answering patients questions:**');
  });

  it('answers "why not RAG?" on the job whose plan holds it, and a what-if job by job (H4)', async () => {
    const turns = await converse(
      [DENTAL, 'just recommend', 'why not RAG?', 'what if the data had to stay on our premises?'],
      knowledge,
    );
    expect(turns[2]?.reply).toMatch(/^\*\*For answering patients questions:\*\*/);
    expect(turns[3]?.reply).toContain('**For sending appointment reminder texts:**');
    expect(turns[3]?.reply).toContain('**For answering patients questions:**');
  });

  it('gives two jobs of the same words distinct names, and the API refuses a name used twice (M2)', () => {
    const jobs = read(
      'two things: answering customer questions from our policy docs, and answering customer questions in our brand voice',
    ).jobs;
    expect(jobs).toHaveLength(2);
    expect(new Set(jobs?.map((job) => job.name)).size).toBe(2);
  });

  it('takes a list said again as the new list, keeping what was said of a job listed again (M3)', async () => {
    const turns = await converse(
      [
        ACCOUNTING,
        'For receipts we have a few thousand already categorised.',
        'Actually three things: sorting client receipts into expense categories, answering staff questions about tax rules using our internal memos, and writing client newsletters in our brand voice.',
      ],
      knowledge,
    );
    const jobs = turns[2]?.state.jobs ?? [];
    expect(jobs).toHaveLength(3);
    expect(jobs[0]?.profile.labeledExamples).toBe(3000);
    expect(jobs[2]?.profile.goals).toContain('style');
  });

  it('lets a job name its own model, which the other job does not inherit (M11)', async () => {
    const turns = await converse(
      [
        'We are a regional bakery chain. Two things we would like AI for: writing product descriptions for our website in our brand voice, and generating photos of our cakes for instagram. For the cake photos we would use Stable Diffusion XL.',
        'just recommend',
      ],
      knowledge,
    );
    const [descriptions, photos] = turns[1]?.state.jobs ?? [];
    expect(photos?.profile.modelName).toBe('Stable Diffusion XL 1.0');
    expect(descriptions?.profile.modelName).toBeUndefined();
    expect(turns[1]?.state.profile.modelName).toBeUndefined();
    expect(turns[1]?.replyData.body).not.toMatch(/cannot do this kind of task/);
  });

  it('sends each job in the typed recommendation part, and says which jobs cannot be built (M7, H5)', async () => {
    const turns = await converse(
      [
        'We have one RTX 4090 and must use Llama 3.1 8B, we cannot switch models; all data must stay on our premises. Two things we want: sorting support tickets into 12 queues (we have 5,000 labelled tickets), and generating product photos for our shop.',
        'just recommend',
      ],
      knowledge,
    );
    const answer = turns[1];
    expect(answer?.recommendation.jobs).toHaveLength(2);
    expect(answer?.reply).not.toMatch(/^Nothing is viable/);
    expect(answer?.replyData.body).toMatch(/2 jobs: 1 with a plan, 1 that cannot be built as described/);
    expect(answer?.recommendation.jobs?.[1]?.verdict).toBe('not-viable');
  });
});

describe("newuser55's two-job conversations", () => {
  it.each([
    [
      'Two jobs actually. First, sort incoming contracts by type (NDA, lease, employment, about 15 types). Second, answer our lawyers questions from our past precedents and memos, with references. Just recommend.',
      ['sort incoming contracts by type', 'answer our lawyers questions'],
    ],
    [
      'two things really: 1) draft replys to guest emails that sound like us, and 2) answer guests questions about our rooms, breakfast times, parking from our info sheets',
      ['draft replys to guest emails', 'answer guests questions'],
    ],
  ])('reads an enumerated list of jobs (F02): %s', (message, names) => {
    expect(read(message).jobs?.map((job) => job.name)).toEqual(names);
  });

  it('reads "(we have 20,000 already categorised)" as the job\'s examples (F05)', () => {
    const [receipts, memos] =
      read(
        'Two things: sort client receipts into our 25 expense categories (we have 20,000 already categorised), and answer staff questions about tax rules from our internal memos.',
      ).jobs ?? [];
    expect(receipts?.fields.labeledExamples).toBe(20_000);
    expect(memos?.fields.labeledExamples).toBeUndefined();
  });

  it('gives a fact said before the jobs were told apart to the one job it fits (F05)', async () => {
    const turns = await converse(
      [
        'we want an AI to draft replys to guest emails that sound like us, and answer guests questions about our rooms from our info sheets',
        'we have maybe 3000 old replies our staff wrote in the sent folder. we use GPT-4o mini, no GPUs',
        'two things: write email replies to guests in our house style, and also answer guest questions about rooms and amenities from our info sheets. just recommend',
      ],
      knowledge,
    );
    const answer = turns[2]?.recommendation;
    expect(answer?.jobs?.[0]?.destination.method).not.toBe('prompt-engineering');
    expect(answer?.jobs?.[1]?.destination.method).toBe('rag');
    expect(turns[2]?.reply).not.toMatch(/For write email replies to guests: how many example/);
  });

  it("weighs a model asked for one job on that job only, and keeps a job's own model and residency off the other (F03)", async () => {
    const messages = [
      "We want two things: sort incoming contracts into 15 contract types, and also answer lawyers' questions from our precedents and memos with references. We have 8,000 labelled contracts for the sorting. We have 2 RTX A6000 cards. Data may go to a cloud region in the EU. Just recommend.",
      'For the Q&A job, could we use GPT-4.1 on Azure instead of running our own model?',
      'Wait, I only meant GPT-4.1 for the Q&A job. The contract sorter should stay on our own server with the LoRA you suggested.',
    ];
    const turns = await converse(messages, knowledge);
    expect(turns[1]?.kind).toBe('what-if');
    expect(turns[1]?.reply).toMatch(/^\*\*For answer lawyers' questions:\*\*/);
    expect(turns[1]?.reply).not.toContain('Sort incoming contracts');
    const [sorter, qa] = turns[2]?.state.jobs ?? [];
    expect(sorter?.profile.dataMustStayOnPrem).toBe(true);
    expect(qa?.profile.modelName).toBe('GPT-4.1');
    expect(turns[2]?.state.profile.modelName).toBeUndefined();
    expect(turns[2]?.state.profile.dataMustStayOnPrem).toBe(false);
    expect(turns[2]?.recommendation.jobs?.[0]?.destination.method).toBe('lora');
  });

  it('answers "the advice stands" job by job, a definition with a typo, and "tell me separately" (F01, F02)', async () => {
    const hotel =
      'two things: write email replies to guests in our house style, and also answer guest questions about rooms and amenities from our info sheets. we have 3000 old replies our staff wrote. just recommend';
    const turns = await converse(
      [
        hotel,
        'what is RAG actualy?',
        'can you tell me seperately what we should do for the emails and what for the info sheet questions?',
        'is the moon made of cheese?',
      ],
      knowledge,
    );
    expect(turns[1]?.reply).toMatch(/^Retrieval-augmented generation \(RAG\):/);
    expect(turns[2]?.reply).toContain('each with its own plan');
    expect(turns[3]?.reply).toMatch(/The advice stands, job by job: 1\. write email replies to guests: /);
  });
});

describe('review30: the job a fact or a question belongs to', () => {
  it('files a corrected figure under the one job that holds it (H1)', async () => {
    const turns = await converse(
      [ACC, 'just recommend', 'sorry, I meant 30,000 labelled examples, not 20,000'],
      knowledge,
    );
    expect(turns[2]?.state.jobs?.[0]?.profile.labeledExamples).toBe(30_000);
  });

  it("keeps a team statement beside a question about one job the team's (H4, H5)", async () => {
    const turns = await converse(
      [
        ACC,
        'just recommend',
        'We picked Llama 3.1 8B as our model now. How long would training the receipt sorter take?',
      ],
      knowledge,
    );
    expect(turns[2]?.state.profile.modelName).toBe('Llama 3.1 8B');
    expect(turns[2]?.state.jobs?.[0]?.profile.modelName).toBeUndefined();
    const jobs = turns[1]?.state.jobs ?? [];
    const asked = read(
      'How long would the sorter take to train? And what would answering the tax questions cost?',
      jobs,
    );
    expect(asked.jobFacts ?? []).toEqual([]);
  });

  it('reads the problems of one bot, or its numbered needs, as one job (H6)', () => {
    expect(
      read('Two problems with our current bot: it answers questions wrongly about refunds, and writes in a stiff tone.')
        .jobs,
    ).toBeUndefined();
    expect(
      read(
        'our support bot must 1. answer from the knowledge base 2. cite the article it used 3. respond in under 2 seconds',
      ).jobs,
    ).toBeUndefined();
  });

  it('routes by a job\'s own words, three-letter ones too, and not by "change", "each month" or "in total" (M3, L8, L9)', () => {
    const jobs = read(ACC).jobs ?? [];
    expect(read('What would change if we had 2 A100s?', jobs).jobNamed).toBeUndefined();
    expect(read('what would the receipts cost each month?', jobs).jobNamed).toBe(jobs[0]?.name);
    expect(read('how much would training the receipt sorter cost in total?', jobs).jobNamed).toBe(jobs[0]?.name);
    expect(read('and the tax part?', jobs).jobNamed).toBe(jobs[1]?.name);
  });

  it('keeps a word ending in "and" whole in an enumerated item (L1)', () => {
    const items = read(
      'two things: 1) write product descriptions on demand and 2) answer questions about our policies from the handbook',
    ).jobs;
    expect(items?.[0]?.fields.task).toBe('write product descriptions on demand');
  });
});

describe('review30: dropping a job, two counts in one clause, image hours on owned GPUs', () => {
  it('takes a job back, and the one left is the task again (M6)', async () => {
    const turns = await converse(
      [ACC, 'just recommend', 'forget the receipts, we only need the tax questions'],
      knowledge,
    );
    const state = turns[2]?.state;
    expect(state?.jobs).toBeUndefined();
    expect(state?.profile.task).toMatch(/tax rules/);
    expect(state?.profile.labeledExamples).toBeUndefined();
    expect(turns[2]?.recommendation.destination.method).toBe('rag');
  });

  it('gives each job its own count from one clause (M5)', () => {
    const jobs =
      read(
        'three things: tagging support tickets by product, answering customer questions from our help center, and writing product descriptions in our voice',
      ).jobs ?? [];
    const facts = read('we have 4,000 tagged tickets and 600 descriptions our copywriter wrote', jobs).jobFacts ?? [];
    expect(facts.find((fact) => fact.name === jobs[0]?.name)?.fields.labeledExamples).toBe(4000);
    expect(facts.find((fact) => fact.name === jobs[2]?.name)?.fields.labeledExamples).toBe(600);
  });

  it('times an image adapter on owned GPUs with no image count said (M10)', async () => {
    const turns = await converse(
      [
        'We want to generate product photos in our brand style with Stable Diffusion XL. We have 2 RTX 4090s. Data must stay on premises.',
        'just recommend',
        'how long would training take?',
      ],
      knowledge,
    );
    expect(turns[2]?.reply).toMatch(/about 3 GPU-hours/);
    expect(turns[2]?.reply).not.toMatch(/I don't estimate its training time/);
  });
});
