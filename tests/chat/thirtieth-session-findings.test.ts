/**
 * Found in the thirtieth session by two new-user trials (newuser59 F09, F11, F13, F18; newuser60 F01, F02, F03, F04,
 * F05, F08) and a blind extraction batch (x68), each beside the counter-example its fix must leave alone.
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

const MESSAGING_APP =
  'we make a messaging app (android + ios). two jobs: (a) smart reply suggestions generated ON the phone, has to work offline, target phones have ~6GB RAM and we can give the model maybe 1.5GB; (b) a toxicity/abuse classifier on our backend for reported messages, we only have CPU servers there, no GPUs. for (a) we have ~200k anonymized message->reply pairs, for (b) about 9k messages labeled by our trust&safety team into 6 categories';

describe('a message that opens on one job is about that job (newuser60 F01, F02)', () => {
  it('names the job without the verb its list cut before ("…on the phone", not "…on the phone, has")', async () => {
    const turns = await talk([MESSAGING_APP]);
    expect(turns[0]?.state.jobs?.map((job) => job.name)).toEqual([
      'smart reply suggestions generated ON the phone',
      'toxicity/abuse classifier',
    ]);
  });
  it('gives "the smart reply job has 200k message->reply pairs" to the smart reply job, not the team', async () => {
    const turns = await talk([
      MESSAGING_APP,
      'oh and you missed it: the smart reply job has 200k message->reply pairs',
    ]);
    const jobs = turns[1]?.state.jobs ?? [];
    expect(jobs[0]?.profile?.labeledExamples).toBe(200000);
    expect(jobs[1]?.profile?.labeledExamples).toBe(9000);
  });
  it('keeps what "for the smart reply: why … on the 1B?" says out of the classifier, and answers it for the smart reply', async () => {
    const turns = await talk([
      MESSAGING_APP,
      'just recommend',
      'better. for the smart reply: why just prompt engineering on the 1B? we have 200k real message->reply pairs for exactly that job, why not fine-tune it on them?',
    ]);
    const last = turns[2];
    expect(last?.reply).toMatch(/^\*\*For smart reply suggestions generated ON the phone:\*\*/);
    expect(last?.state.profile.modelParamsB).toBeUndefined();
    expect(last?.state.jobs?.[1]?.profile?.labeledExamples).toBe(9000);
  });
  it('keeps a model named in a question about the classifier out of the team, and the classifier buildable on CPUs', async () => {
    const turns = await talk([
      MESSAGING_APP,
      'just recommend',
      "for the toxicity classifier: we need under 50ms per message on our CPU servers, can BERT-Base do that? and can we even train it without GPUs since reported messages can't leave our servers?",
    ]);
    const last = turns[2];
    expect(last?.state.profile.modelName).toBeUndefined();
    expect(last?.reply).not.toMatch(/Nothing can be built/);
    expect(last?.reply).toMatch(/Full fine-tuning/);
  });
});

describe('the size of a model just talked about names it (newuser59 F09)', () => {
  it('reads "let\'s go with the 3B" after "why not Llama 3.2 3B?" as Llama 3.2 3B', async () => {
    const turns = await talk([
      'we want NPCs in our RPG to write their own dialogue lines in character. we have 15k hand-written lines and two RTX 4090s.',
      'we prototyped with Llama 3.1 8B and a character sheet in the prompt. it drifts into generic fantasy-speak.',
      'why not Llama 3.2 3B? would that fit in the 6GB we have left?',
      "ok let's go with the 3B.",
    ]);
    expect(turns[3]?.state.profile.modelName).toBe('Llama 3.2 3B');
  });
  it('still reads a bare size beside a named model as its sibling', async () => {
    const turns = await talk(['we run Llama 3.1 8B for support answers', 'what about 70B instead?']);
    expect(turns[1]?.reply).toMatch(/Llama 3\.1 70B/);
  });
});

describe('a game that runs on the players’ PCs (newuser59 F11, newuser60 F04)', () => {
  it('reads the min-spec card as the device and the team’s 3090 as its own', () => {
    const said = read(
      "the model runs on the PLAYER's PC, not ours. min spec we're targeting is a GTX 1660 with 6GB VRAM. dev training happens on our 3090",
    );
    expect(said.fields.deviceMemoryGB).toBe(6);
    expect(said.fields.gpuMemoryGB).toBeUndefined();
    expect(said.fields.gpuName).toBe('NVIDIA GeForce RTX 3090');
  });
  it('reads "our training GPU has 24 GB, not 6" as the GPU memory', () => {
    expect(read('pls fix the gpu memory: our training GPU has 24 GB, not 6').fields.gpuMemoryGB).toBe(24);
  });
  it('reads a cadence per patch, and live state the engine holds is no knowledge change', () => {
    const said = read(
      'the world bible changes with every patch, maybe monthly; quest state changes constantly during play but the game engine knows it.',
    );
    expect(said.fields.knowledgeChanges).toBe('monthly');
    expect(read('prices change constantly').fields.knowledgeChanges).toBe('daily');
  });
  it('asks no requests a day to price a model that runs on the players’ machines', async () => {
    const turns = await talk([
      'indie studio: NPCs in our RPG should write dialogue lines in character, generated at runtime on the players PCs, offline. min spec is an RTX 3060 with 12GB and the game uses about 6GB of that. we have 15k hand-written lines and train on our two RTX 4090s.',
      "let's use Llama 3.2 3B",
      'how long would the LoRA training take on our two 4090s?',
    ]);
    expect(turns[2]?.reply).not.toMatch(/how many requests a day/);
  });
});

describe('long examples and a rental weighed (newuser60 F03, F05, F08)', () => {
  it('reads "a typical admission is 15-25k tokens of notes" as the example length, not a corpus', () => {
    const said = read(
      'we have about 4,000 past discharge summaries paired with their notes. notes are long though, a typical admission is 15-25k tokens of notes',
    );
    expect(said.fields.exampleTokens).toBe(20000);
    expect(said.fields.corpusTokens).toBeUndefined();
    expect(said.fields.labeledExamples).toBe(4000);
  });
  it("reads \"the 25k isn't a corpus, it's the length of ONE example's input\" as a length, and takes the corpus back", () => {
    const said = read("to be clear the 25k isn't a corpus, it's the length of ONE example's input");
    expect(said.fields.exampleTokens).toBe(25000);
    expect(said.fields.labeledExamples).toBeUndefined();
    expect(said.removedFields).toContain('corpusTokens');
  });
  it('reads "we could rent a gpu for a couple hours" as no GPU and no self-hosting', () => {
    const said = read('we could rent a gpu for a couple hours, budget maybe 200 bucks one-off');
    expect(said.fields.deployment).toBeUndefined();
    expect(said.fields.gpuCount).toBeUndefined();
    expect(said.fields.oneTimeBudgetUSD).toBe(200);
    expect(read('we rent an A100 to serve it').fields.deployment).toBe('cloud-self-hosted');
  });
  it('reads "we\'d rather stay with openai" as a model the team keeps', () => {
    expect(read("we'd rather stay with openai tbh, procurement took 4 months").fields.canSwitchModel).toBe(false);
  });
});

describe('documented questions asked in other words (newuser60 F09, F10, F11, F12, F17)', () => {
  it('answers "can\'t we just fine-tune 4.1 mini on openai\'s platform?" with the channel and its restriction', () => {
    const said = read("wait why azure? can't we just fine-tune 4.1 mini directly on openai's platform?");
    expect(said.intents.asksTuningChannel).toEqual({ model: 'GPT-4.1 mini', provider: 'openai' });
  });
  it('reads "stuff all of them into the 1M context … instead of building rag?" as the long-context question, and the corpus from its articles', () => {
    const said = read(
      "it's ~600 articles, avg maybe 800 words each. could we just stuff all of them into the 1M context of 4.1 mini instead of building rag?",
    );
    expect(said.intents.asksLongContext).toEqual({ windowTokens: 1_000_000 });
    expect(said.fields.corpusTokens).toBe(640000);
  });
  it('reads no corpus from a window said in answer to the corpus question', () => {
    const said = extractProfile('could we just stuff everything into the 1M context instead?', {
      knowledge,
      today: '2026-12-07',
      requestedField: 'corpusTokens',
    });
    expect(said.fields.corpusTokens).toBeUndefined();
  });
  it('keeps the size of a model a why-not weighs out of the team’s model', async () => {
    const turns = await talk([
      'NPC dialogue generated on the players PCs, min spec is a GTX 1660 with 4GB VRAM. we train on our RTX 3090 and have 1,500 hand-written lines.',
      'just recommend',
      'why Qwen2.5 1.5B and not Qwen2.5 3B? at Q4 the 3B is like 2GB, should fit in 4GB with room for context no?',
    ]);
    expect(turns[2]?.state.profile.modelName).toBeUndefined();
    expect(turns[2]?.state.profile.modelParamsB).toBeUndefined();
  });
  it('reads "inventing lore that contradicts the bible" as a knowledge gap and "ok for a few turns then drifts" as plateaued', () => {
    expect(read('NPCs keep breaking character and inventing lore that contradicts the bible').fields.goals).toEqual([
      'style',
      'knowledge',
    ]);
    expect(read("tried a big system prompt per character, it's ok for a few turns then drifts").fields.tried).toEqual([
      { method: 'prompt-engineering', result: 'plateaued' },
    ]);
  });
  it('answers "can we do DPO with those votes?" about votes, not why DPO', async () => {
    const turns = await talk([
      'we want NPC dialogue in character from our 1,500 hand-written lines, trained on our RTX 3090',
      'just recommend',
      'we also have playtester thumbs up/down on about 3k NPC replies from the last build. can we do DPO with those votes?',
    ]);
    expect(turns[2]?.reply).toMatch(/^Not as they are\. DPO learns from pairs/);
  });
  it('reads "YOU recommended … BERT-Base" quoted back as no encoder weighed, so "recap" is answered', () => {
    const said = read(
      'two turns ago YOU recommended full fine-tuning on BERT-Base for the classifier. now nothing can be built? and what happened to the smart reply job? recap',
    );
    expect(said.intents.asksEncoderInstead).toBeUndefined();
    expect(said.intents.asksSummary).toBe(true);
    expect(
      read('why not fine-tune a BERT-style encoder classifier instead of an 8B LLM?').intents.asksEncoderInstead,
    ).toBe(true);
  });
});

const CALLS_AND_CHAT =
  'Two things: 1) summarise our support calls for the CRM, and 2) answer customer questions in the website chatbot.';

describe('review35 of this session’s own diff', () => {
  it.each([
    ["We have a $500 monthly budget and that's not changing.", 'canSwitchModel'],
    ["We run on two A100s on-prem, and that's staying.", 'canSwitchModel'],
    ["We'd rather stay on Azure for hosting, but the model itself can be anything.", 'canSwitchModel'],
    ['the 5000 are not labeled yet', 'labeledExamples'],
    ['the 800 are going to be labelled next quarter', 'labeledExamples'],
    ["We'd need 800 contracts where a lawyer wrote the summary, we have none yet", 'labeledExamples'],
    ["I've been doing ML for 6 months, mostly online tutorials.", 'mlExpertise'],
    ['we would need someone who has been doing NLP for ten years, we have nobody like that', 'mlExpertise'],
    ['It took a couple of months, say 2, to label the data.', 'timelineWeeks'],
    ["We've got a couple of months, maybe 2, of logs.", 'timelineWeeks'],
    ['The project is funded by an EU grant and we labelled a couple thousand upfront', 'oneTimeBudgetUSD'],
    ['clients send their invoices in their own format', 'needsStyleOrFormat'],
    ['Minimum spec is an iPhone 12, 64GB.', 'deviceMemoryGB'],
    ['The product reviews we get are mostly in German.', 'task'],
    ['Everything on-prem is booked until March.', 'deployment'],
  ])('reads nothing of %j into %s', (text, field) => {
    expect((read(text).fields as Record<string, unknown>)[field]).toBeUndefined();
  });
  it.each([
    ['Our policies change weekly and the system has to keep up with them.', 'knowledgeChanges', 'weekly'],
    ['We have about 4M tokens in 8,000 labeled examples.', 'labeledExamples', 8000],
    [
      'We have 1,200 cases where reviewers compared two drafts and picked the better one, about 3 per ticket.',
      'preferencePairs',
      1200,
    ],
    ["we've been told to plan for 4 weeks until go-live", 'timelineWeeks', 4],
    ['We rent four A100s for 8 hours a day to serve the model.', 'deployment', 'cloud-self-hosted'],
  ])('still reads %j as %s %j', (text, field, value) => {
    expect((read(text).fields as Record<string, unknown>)[field]).toEqual(value);
  });
  it('keeps a stated count when "500 isn’t a lot of examples", and a praised tone or format is no goal', () => {
    expect(read("500 isn't a lot of examples").removedFields).toBeUndefined();
    expect(read('the tone is totally fine, the facts are wrong').fields.goals).toBeUndefined();
    expect(read("we're fine with the tone, it's the facts").fields.goals).toBeUndefined();
    expect(read('The model knows very little about formatting').fields.goals ?? []).not.toContain('knowledge');
  });
  it('reads a bare "No, and …" to the examples question as none', () => {
    const said = extractProfile('No, and our data has to stay on-prem anyway.', {
      knowledge,
      today: '2026-12-07',
      requestedField: 'labeledExamples',
    });
    expect(said.fields.labeledExamples).toBe(0);
  });
  it('gives a clause to the job it names, not to "that one" or to the job the message opened on', async () => {
    const a = await talk([
      CALLS_AND_CHAT,
      'For the call summaries we use GPT-4o mini, and the chatbot uses that one too but needs to answer in under 500 ms.',
    ]);
    expect(a.at(-1)?.state.jobs?.map((job) => job.profile?.latencyTargetMs)).toEqual([undefined, 500]);
    const b = await talk([
      CALLS_AND_CHAT,
      'For the call summaries: we have 3,000 labelled examples. The chatbot has no labelled data at all. None of our data may leave our servers.',
    ]);
    expect(b.at(-1)?.state.profile.dataMustStayOnPrem).toBe(true);
    const c = await talk([CALLS_AND_CHAT, "Thanks for the summary. The data can't leave our servers."]);
    expect(c.at(-1)?.state.profile.dataMustStayOnPrem).toBe(true);
  });
  it('names no model from "an 8B running for something else", and keeps the what-if’s model', async () => {
    const a = await talk([
      'We answer HR questions with GPT-4o over our handbook. We have no GPUs.',
      'What would Llama 3.1 8B cost to host? Would it be cheaper than GPT-4o?',
      'ok. we do have an 8B running internally for something else, on a laptop.',
    ]);
    expect(a.at(-1)?.state.profile.modelName).toBe('GPT-4o');
  });
});

describe('pasted specs, letters for jobs and a device of one job (x69, newuser60 F13)', () => {
  it('reads a spec pasted one fact a line', () => {
    const said = read(
      'spec dump:\nmodel = llama 3.2 3b instruct\nusers = ~1,200 req/day\nlatency = 2s is fine\ngpu = none locally\none-time = $800\nexpertise = intermediate',
    );
    expect(said.fields).toMatchObject({
      modelName: 'Llama 3.2 3B',
      requestsPerDay: 1200,
      latencyTargetMs: 2000,
      gpuCount: 0,
      oneTimeBudgetUSD: 800,
      mlExpertise: 'intermediate',
    });
    expect(read('expertise: pretty junior, basic python + some sklearn').fields.mlExpertise).toBe('basic');
    expect(read('gpus: 0 (cpu only)\nexpertise: none really').fields.mlExpertise).toBe('none');
  });
  it.each([
    ["oh wait, I said 2M a day earlier, it's more like 200k", 'requestsPerDay', 200000],
    ['5k labeled q/a', 'labeledExamples', 5000],
    ["we don't really have ml people, it's all backend devs", 'mlExpertise', 'none'],
    ['twelve weeks to prod', 'timelineWeeks', 12],
    ['security says no code leaves our infra', 'dataMustStayOnPrem', true],
    ['plan is to distill 4o into something small, mostly to cut the bill', 'teacherModel', 'GPT-4o'],
    ['qwen2.5 14b for now but we can swap if you think something else is better', 'canSwitchModel', true],
    ["scratch that, we're not locked into mistral after all, happy to move to whatever fits", 'canSwitchModel', true],
  ])('reads %j as %s %j', (text, field, value) => {
    expect((read(text).fields as Record<string, unknown>)[field]).toEqual(value);
  });
  it('gives "for (a) …, for (b) …" to the jobs listed under those letters, and the phone’s memory to the phone job', async () => {
    const turns = await talk([MESSAGING_APP]);
    const [reply, classifier] = turns[0]?.state.jobs ?? [];
    expect(reply?.profile?.labeledExamples).toBe(200000);
    expect(reply?.profile?.deviceMemoryGB).toBe(1.5);
    expect(classifier?.profile?.labeledExamples).toBe(9000);
    expect(classifier?.profile?.deviceMemoryGB).toBeUndefined();
    expect(turns[0]?.state.profile.deviceMemoryGB).toBeUndefined();
  });
});

describe('newuser61: the advisor quoted, a model’s encoder, a rule for everything', () => {
  it('reads no GPU from "why does it say renting an MI300X, we can\'t rent anything"', () => {
    const said = read("also why does it say renting an MI300X, we can't rent anything.");
    expect(said.fields.gpuName).toBeUndefined();
    expect(said.fields.gpuCount).toBeUndefined();
    expect(read('we rent an MI300X').fields.gpuName).toBe('AMD Instinct MI300X');
  });
  it('reads "whisper\'s encoder" and "ok on the encoder" as no encoder to price', () => {
    expect(
      read("whisper's encoder always eats 30s windows, what will that cost?").intents.asksEncoderCost,
    ).toBeUndefined();
    expect(
      read('ok on the encoder. now the call summaries: where do we move that one and what will it cost?').intents
        .asksEncoderCost,
    ).toBeUndefined();
    expect(read('what would an encoder cost to run?').intents.asksEncoderCost).toBe(true);
  });
  it('keeps "everything has to stay in our own datacenter" the team’s, though the sentence names a job', async () => {
    const turns = await talk([
      "hi, we're the IT dept of a german district administration (Landkreis). we have zero GPUs, just our own VMware cluster with CPU VMs (xeon, lots of RAM). everything has to stay in our own datacenter, citizen data can't go to any cloud, not even EU cloud. we have two things we want: 1) route incoming citizen emails and letters to the right office, about 40 offices, and 2) a helper for caseworkers that answers questions about social law and our internal circulars.",
    ]);
    expect(turns[0]?.state.profile.dataMustStayOnPrem).toBe(true);
    expect(turns[0]?.state.jobs?.length).toBe(2);
    expect(turns[0]?.state.jobs?.every((job) => job.profile?.dataMustStayOnPrem === undefined)).toBe(true);
  });
});
