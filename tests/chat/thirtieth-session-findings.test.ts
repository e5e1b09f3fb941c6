/**
 * Found in the thirtieth session by a new-user trial (newuser59 F13, F18) and a blind extraction batch (x68), each
 * beside the counter-example its fix must leave alone.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractProfile } from '../../src/chat/extract/index.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { converse } from '../helpers/converse.ts';

const knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
const read = (text: string) => extractProfile(text, { knowledge, today: '2026-12-07', midConversation: true });
const talk = (messages: string[]) => converse(messages, knowledge);

describe('labelled examples said as outputs people wrote or kept (newuser59 F13)', () => {
  it.each([
    ["our copywriters wrote about 30,000 descriptions we're happy with.", 30000],
    ['the lawyers have written 800 summaries', 800],
    ['We have about 800 contracts where a lawyer wrote the summary by hand.', 800],
    ['logs of about 2 million queries with the filters the shopper ended up clicking', 2_000_000],
    ['the 800 are contract + lawyer-written summary pairs', 800],
    ['forty thousand emails that already have the right queue', 40000],
    ['2k summaries we trust', 2000],
  ])('reads "%s" as %i examples', (text, count) => {
    expect(read(text).fields.labeledExamples).toBe(count);
  });
  it('leaves counts of things that are not examples alone', () => {
    expect(read('our engineers wrote 20 scripts').fields.labeledExamples).toBeUndefined();
    expect(read('the 5 are rented').fields.labeledExamples).toBeUndefined();
    expect(read('we sell 120k products').fields.labeledExamples).toBeUndefined();
  });
});

describe('a volume is not the task, and products made a day are a volume (newuser59 F13)', () => {
  it('reads "the descriptions job is about 2,000 new/updated products a day" as a volume, not a task', () => {
    const said = read('the descriptions job is about 2,000 new/updated products a day');
    expect(said.fields.requestsPerDay).toBe(2000);
    expect(said.fields.task).toBeUndefined();
  });
  it('still reads a task said after "the job is", and no volume from goods sold', () => {
    expect(read('the job is to summarise contracts').fields.task).toBe('summarise contracts');
    expect(read('we sell 300 products a month').fields.requestsPerDay).toBeUndefined();
  });
  it('gives each job its own volume and its own data', async () => {
    const turns = await talk([
      "We use GPT-4o for two things: first, writing product descriptions from supplier spec sheets in our brand voice; second, turning shoppers' search queries into structured filters (category, colour, price range, material).",
      "Yes, we're open to other models. Volumes: the descriptions job is about 2,000 new/updated products a day; the search-filter job handles about 400,000 queries a day and must answer in under 300 ms.",
      "Data: our copywriters wrote about 30,000 descriptions we're happy with. For search we have logs of about 2 million queries with the filters the shopper ended up clicking.",
    ]);
    const jobs = turns[2]?.state.jobs ?? [];
    expect(jobs.map((job) => job.profile?.requestsPerDay)).toEqual([2000, 400000]);
    expect(jobs.map((job) => job.profile?.labeledExamples)).toEqual([30000, 2_000_000]);
  });
});

describe('a job called by the noun of its verb, and "the … job" picks one (newuser59 F18)', () => {
  it('gives "examples for the summary job" to the summarising job, and a bare "No," to residency', async () => {
    const turns = await talk([
      "Two things really: 1) summarise each contract into our customers' house template, and 2) answer lawyers' questions about a contract by pointing to the exact clause.",
      'No, they can go to Anthropic, we have a zero-retention agreement with them. To be clear the 800 are contract + lawyer-written summary pairs, so labelled examples for the summary job.',
    ]);
    const last = turns[1];
    expect(last?.state.profile.dataMustStayOnPrem).toBe(false);
    expect(last?.state.profile.labeledExamples).not.toBe(0);
    const jobs = last?.state.jobs ?? [];
    expect(jobs[0]?.profile?.labeledExamples).toBe(800);
    expect(jobs[1]?.profile?.labeledExamples).toBeUndefined();
  });
  it('still reads a bare "no" as no examples when nothing else is said', () => {
    expect(
      extractProfile('no', { knowledge, today: '2026-12-07', requestedField: 'labeledExamples' }).fields
        .labeledExamples,
    ).toBe(0);
  });
});

describe('what a product does, and a format the outputs do not follow (newuser59 F13)', () => {
  it('reads the task from "Our product summarises commercial contracts (…)"', () => {
    expect(
      read('Our product summarises commercial contracts (NDAs, MSAs, leases) for in-house counsel.').fields.task,
    ).toBe('summarises commercial contracts');
  });
  it.each(["Customers complain the summaries don't follow their firm's house format", 'it keeps ignoring our format'])(
    'reads "%s" as a format need',
    (text) => {
      expect(read(text).fields.needsStyleOrFormat).toBe(true);
    },
  );
  it('leaves "we ignore the format" in a denial alone', () => {
    expect(read("we don't need it in a particular format").fields.needsStyleOrFormat).not.toBe(true);
  });
});

describe('managers’ messages (x68)', () => {
  it.each([
    ["nobody on my team has ever done anything with machine learning, I'll be upfront.", 'mlExpertise', 'none'],
    ["I've been doing NLP for about ten years so feel free to get technical.", 'mlExpertise', 'expert'],
    ['we have three A100 80GB cards — sorry, two, one of them is borrowed', 'gpuCount', 2],
    ['Finance signed off on maybe around forty thousand for the whole thing, one-time', 'oneTimeBudgetUSD', 40000],
    ['timeline wise, probably two-ish weeks until the board demo', 'timelineWeeks', 2],
    ['a few weeks, like three', 'timelineWeeks', 3],
    ["we're on GPT-4o mini through the API and that's staying", 'canSwitchModel', false],
    ['it has to come back in like three hundred milliseconds or people bounce', 'latencyTargetMs', 300],
    ['Every answer has to point to the monograph it came from.', 'needsCitations', true],
    ['all on prem, nothing leaves the building', 'deployment', 'on-prem'],
    ['Now it is a couple of older workstation cards, 12 gigs each', 'gpuMemoryGB', 12],
    [
      "We've got a few hundred cases where reviewers compared two responses and picked the better one, probably three hundred or so.",
      'preferencePairs',
      300,
    ],
    [
      "We only get it through the vendor's API, can't download anything, but they do let you upload training data and run a tuning job on their side.",
      'modelAccess',
      'api-with-finetuning',
    ],
    [
      'There is a spreadsheet with forty thousand emails that already have the right queue — ok Jess says it is more like thirty thousand after she removed duplicates.',
      'labeledExamples',
      30000,
    ],
  ])('reads "%s" as %s %j', (text, field, value) => {
    expect((read(text).fields as Record<string, unknown>)[field]).toEqual(value);
  });
  it.each([
    ["I've been doing NLP for about ten years", 'timelineWeeks'],
    ['The data science group across the hall fine-tuned Llama 3.1 70B for their fraud stuff', 'modelName'],
    ['budget is 5k, sorry, one question', 'oneTimeBudgetUSD'],
    ['we have 4 GPUs, sorry, one more thing', 'gpuCount'],
  ])('does not misread "%s" (%s)', (text, field) => {
    const value = (read(text).fields as Record<string, unknown>)[field];
    if (field === 'oneTimeBudgetUSD') expect(value).toBe(5000);
    else if (field === 'gpuCount') expect(value).toBe(4);
    else expect(value).toBeUndefined();
  });
  it('reads goals from complaints and not from praise', () => {
    expect(read('we want the answers to sound less robotic and more like our actual agents').fields.goals).toEqual([
      'style',
    ]);
    expect(read("it's fine on tone but it knows nothing about the new product line").fields.goals).toEqual([
      'knowledge',
    ]);
    expect(read("the assistant sometimes says things it shouldn't").fields.goals).toEqual(['alignment']);
    expect(read('fix the tone').fields.goals).toEqual(['style']);
  });
  it('reads "what we want is a model that drafts clauses" as a task, not a question', () => {
    const said = read('what we want is a model that drafts clauses in our house style');
    expect(said.fields.task).toBe('drafts clauses');
    expect(said.fields.taskType).toBe('generate');
    expect(said.intents.asksSomething).not.toBe(true);
  });
});
