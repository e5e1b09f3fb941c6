/**
 * Found in the twenty-third session: newuser44's open repros (a cost goal on an API model whose prompt is already
 * good enough) and the session's new batches.
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
const extract = (text: string) => extractProfile(text, { knowledge, today: '2026-12-06' });
const read = (text: string) => extract(text).fields;
const run = (profile: Record<string, unknown>) => recommend(Profile.parse(profile), knowledge, { explain: 'none' });

describe('a cost goal on an API model whose prompt already meets the bar (newuser44 R08)', () => {
  const extraction = {
    taskType: 'extract',
    goals: ['format', 'cost'],
    modelName: 'GPT-4.1 mini',
    deployment: 'cloud-api',
    needsStyleOrFormat: true,
    requestsPerDay: 20000,
    inputTokensPerRequest: 6000,
    outputTokensPerRequest: 500,
    currentMonthlySpendUSD: 1900,
    labeledExamples: 1500,
    gpuCount: 0,
  };

  it.each([
    'currently GPT-4.1 mini via the API, quality is fine but the bill is too high.',
    "we prompt GPT-4o; the outputs are good enough, it's just too expensive",
    'on our current model the accuracy is great but it costs too much',
  ])('reads "%s" as the prompt being good enough', (text) => {
    expect(read(text).tried).toEqual([{ method: 'prompt-engineering', result: 'good-enough' }]);
  });

  it('does not read a quality that is fine but short elsewhere as a cost complaint', () => {
    expect(read('quality is fine but we need it in German too').tried).toBeUndefined();
  });

  it('moves to a smaller model, not a tuned copy of the same tier (billed above its base)', () => {
    const result = run({ ...extraction, tried: [{ method: 'prompt-engineering', result: 'good-enough' }] });
    expect(result.destination.method).toBe('distillation');
    expect(result.destination.why).not.toMatch(/cheaper tier/);
    expect(result.firstStep.why).toMatch(/cut its bill first/);
  });

  it('keeps the tier tuned by its provider when the prompt has not met the bar yet (a long prompt baked in)', () => {
    expect(
      run({ ...extraction, tried: [{ method: 'in-context-learning', result: 'plateaued' }] }).destination.method,
    ).toBe('managed-fine-tuning');
  });

  it('leads the chat answer with cutting the bill of the prompt that works, not with building a baseline', async () => {
    const turns = await converse(
      [
        '2 person startup. We extract ~25 fields from rental agreements and return JSON. currently GPT-4.1 mini via the API, quality is fine but the bill is too high.',
        'about 20,000 requests a day, each ~6k tokens in and ~500 out. we pay around $1,900 a month now',
        'we have 1,500 labeled examples checked by a lawyer. No GPUs, happy to rent.',
        'just recommend',
      ],
      knowledge,
    );
    const reply = turns.at(-1)?.reply ?? '';
    expect(reply).not.toMatch(/Aim for Managed fine-tuning/);
    expect(reply).toMatch(/Aim for Distillation/);
    expect(reply).toMatch(/first cut your current prompt's bill/);
  });
});

describe('phrasings of batch x53 and newuser45', () => {
  it.each([
    ['budget wise, one-time maybe $1-2k, monthly whatever the openai bill already is lol', { oneTimeBudgetUSD: 2000 }],
    ['we can spend $10-20k once', { oneTimeBudgetUSD: 20_000 }],
    ['budget 3 to 5k', { oneTimeBudgetUSD: 5000 }],
    ['monthly budget $500-800', { monthlyBudgetUSD: 800 }],
    ['the checkpoint we serve is already our own fine-tune of gemma 2 9b', { modelStage: 'fine-tuned' }],
    ['sorting emails into billing / tech / sales, and it has to be fast, under half a second', { goals: ['latency'] }],
    ["we're allowed to use the cloud, the data just has to stay in EU regions", { dataMustStayOnPrem: false }],
    [
      "we ran openai's hosted fine-tuning on 4o-mini with ~500 examples and it didn't beat our prompt at all, total waste",
      { tried: [{ method: 'managed-fine-tuning', result: 'failed' }] },
    ],
    [
      'we tried few-shot prompting Llama 3.2 3B with 10 examples in the prompt. JSON was right maybe 70% of the time, and the long prompt makes it too slow',
      { tried: [{ method: 'in-context-learning', result: 'plateaued' }] },
    ],
    [
      'We have about 8,000 emails that agents already routed by hand, so the queue they ended up in is the label. There are 25 queues.',
      { labeledExamples: 8000 },
    ],
  ])('reads "%s"', (text, expected) => {
    expect(read(text)).toMatchObject(expected);
  });

  it('reads no range out of a change and no budget out of a rate', () => {
    expect(read('we want the bill from $2,000 to $800 a month').monthlyBudgetUSD).toBeUndefined();
    expect(read('we are not allowed to use the cloud').dataMustStayOnPrem).toBe(true);
  });

  it('takes no model named back to the advice ("the Llama 3.1 8B option you suggested") as the team’s', () => {
    const fields = read(
      'For the Llama 3.1 8B option you suggested, what would it cost per month to serve? We have no GPUs, so it would be rented.',
    );
    expect(fields.modelName).toBeUndefined();
    expect(fields.gpuCount).toBe(0);
  });

  it.each([
    'What is LoRA exactly, in simple words? My boss will ask me.',
    'OK then: what is LoRA?',
    'so what is LoRA in plain english?',
  ])('answers the definition asked as "%s"', (text) => {
    expect(extract(text).intents.asksDefinition).toBe('lora');
  });

  it('reads the worry about a small model, with its size', () => {
    expect(
      extract('I worry a 1B model trained on only 1,200 examples will be dumb with unusual commands. should we worry?')
        .intents.asksSmallModelWorry,
    ).toEqual({ sizeB: 1 });
    expect(extract('is a 1.5B too small for this?').intents.asksSmallModelWorry).toEqual({ sizeB: 1.5 });
    expect(extract('we have 2 GPUs, not worried about cost').intents.asksSmallModelWorry).toBeUndefined();
  });

  it('keeps goals across a how-to question whose "actually" only stresses', async () => {
    const turns = await converse(
      [
        'We convert operator commands to JSON with Llama 3.2 3B; output must be strict JSON and fast, under 500 ms. It runs on a Jetson with 8 GB.',
        'how do we quantize the tuned 1B and actually run it on the Jetson?',
      ],
      knowledge,
    );
    expect(turns.at(-1)?.state.profile.goals).toEqual(expect.arrayContaining(['format', 'on-device']));
  });
});

describe('advice found by batch w69 and newuser45', () => {
  it('asks where sensitive data may go, beside the GPUs, for an open model with none known', () => {
    const fields = run({
      modelName: 'Llama 3.1 70B Instruct',
      modelStage: 'instruct',
      task: "assistant answering clinicians' questions; answers are wrong too often",
      taskType: 'chat',
      safetyCritical: true,
    }).questions.map((question) => question.field);
    expect(fields.slice(0, 2)).toEqual(['gpuName', 'dataMustStayOnPrem']);
  });

  it('asks for the GPUs when health records may have to stay and the API model may have to give way', () => {
    const fields = run({
      modelName: 'GPT-4o',
      task: 'summarise hospital discharge notes into our structured summary template',
      taskType: 'generate',
      goals: ['format'],
      needsStyleOrFormat: true,
      labeledExamples: 2000,
      tried: [{ method: 'prompt-engineering', result: 'plateaued' }],
    }).questions.map((question) => question.field);
    expect(fields).toEqual(expect.arrayContaining(['dataMustStayOnPrem', 'canSwitchModel', 'gpuCount']));
  });

  it('reads the news in "summaries of our news programmes" as the input, not knowledge to retrieve', () => {
    const result = run({
      task: 'use AI to help write summaries of our news programmes',
      taskType: 'generate',
      needsStyleOrFormat: true,
      goals: ['style'],
      dataMustStayOnPrem: true,
      gpuCount: 2,
      gpuName: 'NVIDIA L40S',
    });
    expect(result.destination.method).not.toBe('rag');
    expect(result.diagnosis.map((entry) => entry.need)).not.toContain('freshness');
  });

  it('still proposes a model when the team says only that it will download an open one', () => {
    const result = run({
      task: 'sort them into the right queue',
      taskType: 'classify',
      labeledExamples: 8000,
      requestsPerDay: 3000,
      dataMustStayOnPrem: false,
      gpuCount: 0,
      modelAccess: 'open-weights',
      multilingual: true,
    });
    expect(result.destination.model.proposed).toBe(true);
    expect(result.destination.model.name).not.toBeNull();
  });

  it('keeps LoRA, not QLoRA, on a proposed model when an ample budget is added (no silent flip)', () => {
    const profile = {
      task: 'sort them into the right queue',
      taskType: 'classify',
      labeledExamples: 8000,
      requestsPerDay: 3000,
      dataMustStayOnPrem: false,
      gpuCount: 0,
      multilingual: true,
    };
    expect(run(profile).destination.method).toBe('lora');
    expect(run({ ...profile, oneTimeBudgetUSD: 12_000 }).destination.method).toBe('lora');
  });
});

describe('answers newuser45 asked for', () => {
  const hamburg = [
    "Hi. We're a logistics company in Hamburg. Our customer service gets thousands of emails about delayed or damaged shipments and we want a model to sort them into the right queue. What's the best approach?",
    'We have about 8,000 emails that agents already routed by hand, so the queue they ended up in is the label. There are 25 queues. Volume is around 3,000 emails a day.',
    'The emails contain customer names and addresses, so they can’t leave the EU, but a cloud region in Frankfurt would be fine. We don’t own any GPUs.',
    "We'd download an open model, we don't want to depend on OpenAI. Most emails are in German, some in English and Polish.",
  ];

  it('names a multilingual encoder for classifying German and Polish emails', async () => {
    const turns = await converse([...hamburg, 'Which model would you pick for German and Polish emails?'], knowledge);
    const reply = turns.at(-1)?.reply ?? '';
    expect(reply).toMatch(/XLM-RoBERTa Base \(its card lists \d+ pre-training languages, German and Polish among them/);
    expect(reply).not.toMatch(/No model in the catalog lists/);
  });

  it('answers "is there a BERT-like model for that?" and its cost on the encoder, served without GPU rent', async () => {
    const turns = await converse(
      [
        ...hamburg,
        'Right, but the emails are German and Polish. Is there a BERT-like model for that? And what would it cost per month to run it?',
      ],
      knowledge,
    );
    const reply = turns.at(-1)?.reply ?? '';
    expect(reply).toMatch(
      /XLM-RoBERTa Base was pre-trained on many languages; its card lists \d+, German and Polish among them/,
    );
    expect(reply).toMatch(/an encoder this size runs on a CPU server, so no GPU rent/);
    expect(reply).not.toMatch(/I can't answer/);
    expect(turns.at(-1)?.state.profile.modelName).toBeUndefined();
  });

  it('gives the wait in hours and days when the training time is asked "in days"', async () => {
    const turns = await converse(
      [
        'We write house-style summaries of our programmes with an open model on our own server, two L40S 48 GB. The gap is style. We have 60,000 summaries our editors wrote.',
        'How long will the training take on our two L40S, in days?',
      ],
      knowledge,
    );
    expect(turns.at(-1)?.reply).toMatch(
      /h on your 2 GPUs, (?:under (?:a day|two days) round the clock|about \d+ days)/,
    );
  });

  it('answers the worry about a small model with the next size up on the device', async () => {
    const turns = await converse(
      [
        'We convert operator commands to a JSON schema on a Jetson with 8 GB, Llama 3.2 1B, one RTX 3090 to train. We have 1,200 hand-written examples.',
        'I worry a 1B model trained on only 1,200 examples will be dumb with unusual commands. should we worry?',
      ],
      knowledge,
    );
    const reply = turns.at(-1)?.reply ?? '';
    expect(reply).toMatch(/A fair worry/);
    expect(reply).toMatch(/train Llama 3\.2 3B on the same examples/);
    expect(reply).toMatch(/LIMA/);
  });

  it('says what was tried in plain words', async () => {
    const turns = await converse(
      ['We tried few-shot prompting Llama 3.2 3B; JSON was right maybe 70% of the time.'],
      knowledge,
    );
    expect(turns.at(-1)?.reply).toMatch(/few-shot prompting \(plateaued\)/);
    expect(turns.at(-1)?.reply).not.toMatch(/in-context-learning/);
  });
});

describe('newuser46: misreads that stuck in the profile', () => {
  it('reads GPUs bought for another job (document OCR) as no image task', () => {
    const fields = read('We have one on-prem server with 2 A100 40GB cards that our IT bought for document OCR.');
    expect(fields.taskType).toBeUndefined();
    expect(fields.gpuCount).toBe(2);
    expect(read('the GPUs are busy with OCR jobs at night').taskType).toBeUndefined();
    expect(read('we need OCR of scanned invoices').taskType).toBe('image-understand');
  });

  it('takes an image task back when the team says there are no images', async () => {
    const turns = await converse(
      [
        'we need OCR of scanned invoices into fields',
        'There are no images in this project, the contracts are already text.',
      ],
      knowledge,
    );
    expect(turns.at(-1)?.state.profile.taskType).toBeUndefined();
  });

  it('keeps the players’ GPU memory on the device, not on the studio’s GPUs', () => {
    const players = read(
      "It should run locally on the player's gaming PC, inside the game. Our minimum spec is a GPU with 8 GB of VRAM, like an RTX 3060 Ti.",
    );
    expect(players.deviceMemoryGB).toBe(8);
    expect(players.gpuCount).toBeUndefined();
    const share = read('the game itself already uses about 5 GB of the 8 GB VRAM, so the model only gets around 3 GB.');
    expect(share).toEqual({ deviceMemoryGB: 3 });
    expect(read('We have one RTX 4090 for training and the phones have 6 GB of RAM.')).toMatchObject({
      gpuCount: 1,
      deviceMemoryGB: 6,
    });
  });

  it('reads drafts against rewrites as preference pairs, beside the examples', () => {
    expect(
      read('we have about 4,000 pairs of model draft versus writer rewrite. Is that useful, for example for DPO?'),
    ).toMatchObject({ preferencePairs: 4000 });
    expect(
      read('No, we still have the 12,000 written lines. The 4,000 are extra: preference pairs, each a rejected draft.'),
    ).toMatchObject({ labeledExamples: 12_000, preferencePairs: 4000 });
  });

  it('reads "the base model rambles" as the untuned model, not a base checkpoint', () => {
    expect(read('In our quick tests the base model rambles for paragraphs.').modelStage).toBeUndefined();
    expect(read("it's a base model, not the instruct one").modelStage).toBe('base');
  });

  it.each([
    [
      'Hi, we are a small agritech startup. We want smallholder farmers to ask questions about crop diseases by SMS and get useful answers.',
      'ask questions about crop diseases by SMS and get useful answers',
    ],
    [
      "We'd like some NPCs to chat freely with the player instead of using fixed dialogue trees.",
      'chat freely with the player instead of using fixed dialogue trees',
    ],
    ['We run Mistral 7B on one A10G to tag clauses in legal contracts.', 'tag clauses in legal contracts'],
    ['Our customer-support assistant runs on Llama 3.1 8B on one H100.', 'customer-support assistant'],
    [
      'hey, we build warehouse robots. want operators to talk to the robot in plain language and have it turn that into robot commands.',
      'talk to the robot in plain language and have it turn that into robot commands',
    ],
  ])('takes the task said in a first message: "%s"', (text, task) => {
    expect(read(text).task).toBe(task);
  });

  it.each([
    [
      'The manuals change once or twice a year, but pest alerts come out every week during the rainy season.',
      { knowledgeChanges: 'weekly' },
    ],
    [
      'Each prompt is about 2,000 tokens because we paste the category definitions and some examples, and the answer is short, maybe 80 tokens of JSON.',
      { inputTokensPerRequest: 2000, outputTokensPerRequest: 80 },
    ],
    ['every request sends about 2,000 input tokens and gets roughly 80 tokens back.', { outputTokensPerRequest: 80 }],
    [
      'we pay about R$ 60.000 per month for GPT-4o today, and one dollar is about R$ 5,40.',
      { currentMonthlySpendUSD: 11_111 },
    ],
    [
      'Lore matters too: we have a 600-page lore bible, and the model invents things that contradict it.',
      { unlabeledCorpus: 'small' },
    ],
    ['Off-the-shelf models sound generic and break character.', { goals: ['style'] }],
    ['Our field technicians need answers from about 3,000 pages of maintenance manuals.', { goals: ['knowledge'] }],
    ['our A100 box has 8 of them, the 80gb ones', { gpuCount: 8 }],
    ["there's a card in the server with 48 gigs, not sure which model", { gpuCount: 1, gpuMemoryGB: 48 }],
    ['the model lives on the laptop. 6GB for the model tops', { deployment: 'edge' }],
    ['we do about 3 million of those a month', { requestsPerDay: 100_000 }],
    ['they are mostly english but like 20% spanish', { multilingual: true }],
    ['the plan is to use Claude 3.5 Sonnet as the teacher', { teacherModel: 'Claude Sonnet (3.5, 3.7, 4 and later)' }],
  ])('reads "%s"', (text, expected) => {
    expect(read(text)).toMatchObject(expected);
  });

  it('keeps a rental that a cost question weighs out of the team’s facts', () => {
    const extraction = extract(
      'And the monthly cost of hosting that classifier on one rented GPU, compared to the 11,000 dollars we pay now?',
    );
    expect(extraction.fields.gpusRented).toBeUndefined();
    expect(extraction.fields.deployment).toBeUndefined();
    expect(extraction.hypothetical).toMatchObject({ gpusRented: true, gpuCount: 1 });
    expect(extraction.intents.asksCost).toBeDefined();
  });
});

describe('newuser46: questions in other words', () => {
  it.each([
    ['We want a pilot in roughly 6 weeks from now. Is that realistic with this plan?', 'asksTimeline'],
    ['after the QLoRA, will every output be valid JSON that matches our schema?', 'asksFormatGuarantee'],
    ["What can we do so the bot doesn't invent answers that aren't in the policies?", 'asksHallucination'],
    ['A few rare categories only have around 40 examples each. Is that enough data?', 'asksEnoughData'],
    ['Your 9,900 is lower than our real invoice, what explains the gap?', 'asksBillMismatch'],
    ['every request sends about 2,000 input tokens. Did your estimate take that into account?', 'asksPromptTokens'],
    ['Will Llama 3.1 8B cope with Swahili or should we pick a different model?', 'asksLanguage'],
    ['For that lore, should we bake it into the weights with the LoRA, or look it up at runtime?', 'asksComparison'],
    ['Could I run the LoRA training on my MacBook Pro M3 Max with 64 GB of unified memory?', 'macMemoryGB'],
  ])('reads "%s" as %s', (text, intent) => {
    expect((extract(text).intents as unknown as Record<string, unknown>)[intent]).toBeDefined();
  });

  it('names the country of a cloud region given by its city', () => {
    expect(
      extract("would running the tuning in Google's São Paulo region keep us compliant with the Brazil-only rule?")
        .intents.dataRegion,
    ).toBe('Brazil');
  });

  it('answers the Mac question with the memory said in it', async () => {
    const turns = await converse(
      [
        'We want Llama 3.2 3B to write lab reports in our format; we have 1,500 good examples.',
        "I don't have an NVIDIA card. Could I run the LoRA training on my MacBook Pro M3 Max with 64 GB of unified memory?",
      ],
      knowledge,
    );
    expect(turns.at(-1)?.reply).toMatch(/Your 64 GB holds that/);
  });
});

describe('newuser46: the question asked is the one answered', () => {
  it('reads "answers that fit in an SMS. Should we fine-tune on those too?" as whether to tune, not a fit', () => {
    const intents = extract(
      'We also have around 3,000 question-and-answer pairs, short answers that fit in an SMS. Should we fine-tune on those too?',
    ).intents;
    expect(intents.asksFit).toBeUndefined();
    expect(intents.whyNot).toBe('full-fine-tuning');
    expect(intents.genericFineTuning).toBe(true);
  });

  it('reads "why LoRA and not QLoRA?" as the two weighed', () => {
    expect(extract('Why LoRA and not QLoRA? 21 of 24 GB sounds tight to me.').intents.asksComparison).toEqual([
      'lora',
      'qlora',
    ]);
  });

  it('answers "put the entire handbook into the prompt" as the long-context question', () => {
    const intents = extract(
      'GPT-4.1 mini has a huge context window. Why not put the entire handbook into the prompt every time and skip building retrieval?',
    ).intents;
    expect(intents.asksLongContext).toBeDefined();
    expect(intents.whyNot).toBeUndefined();
  });

  it('weighs what the team’s data scientists suggest without storing it', () => {
    const extraction = extract(
      'Our data scientists suggest skipping LLM APIs altogether: fine-tune a small open encoder like XLM-RoBERTa as a plain 25-class classifier and host it ourselves on a rented GPU in São Paulo. Would that be cheaper and good enough?',
    );
    expect(extraction.fields).toEqual({});
    expect(extraction.intents.asksEncoderInstead).toBe(true);
  });

  it('reads "instead of reading 60 pages" as neither a correction nor a corpus', () => {
    const extraction = extract(
      'for each contract it should pull out the key clauses into our JSON schema, so associates check a table instead of reading 60 pages.',
    );
    expect(extraction.corrections).toEqual([]);
    expect(extraction.fields.unlabeledCorpus).toBeUndefined();
  });

  it('means LoRA by "fine-tune" on open weights where every weight does not fit', async () => {
    const turns = await converse(
      [
        'We run Llama 3.1 8B on one RTX 3090 to answer farmers from 1,200 pages of manuals that change every week.',
        'We also have around 3,000 question-and-answer pairs from our agronomists. Should we fine-tune on those too?',
      ],
      knowledge,
    );
    expect(turns.at(-1)?.reply).toMatch(/\*\*LoRA /);
    expect(turns.at(-1)?.reply).not.toMatch(/Full fine-tuning needs about/);
  });
});

describe('review23: the new readings stay off sentences they do not describe', () => {
  it.each([
    ["I'm worried the 70B will fail to fit on our two A100s. Will it fit?", 'asksSmallModelWorry'],
    ['We are concerned that training the 13B will fail with out-of-memory errors.', 'asksSmallModelWorry'],
    ['The monthly cost of our current setup is about $3k. Can you suggest a cheaper way?', 'asksCost'],
    ['Will the answers match what our senior agents would pick?', 'asksFormatGuarantee'],
    [
      'We already use RAG for the FAQ bot so it does not make things up, and it works. What does QLoRA need?',
      'asksHallucination',
    ],
  ])('"%s" is no %s', (text, intent) => {
    expect((extract(text).intents as unknown as Record<string, unknown>)[intent]).toBeUndefined();
  });

  it.each([
    [
      'We tried few-shot prompting with GPT-4.1 mini; it is right 95% of the time, which is good enough for us.',
      'tried',
      [{ method: 'in-context-learning', result: 'good-enough' }],
    ],
    [
      'We tried prompting first so LoRA would not be a waste, and prompting works fine for now.',
      'tried',
      [{ method: 'prompt-engineering', result: 'good-enough' }],
    ],
    ['Our fine-tuned Llama 3.1 8B is in production; quality is fine but the GPU bill is too high.', 'tried', undefined],
    ['We currently use a translation agency; their quality is fine but it costs too much.', 'tried', undefined],
    ['No one here is allowed to use the public cloud for patient data.', 'dataMustStayOnPrem', undefined],
    ['We need our users to log in with SSO before they see anything.', 'task', undefined],
    ['We use Jira to route tickets between teams.', 'task', undefined],
    ['Our old chatbot runs on Rasa and nobody maintains it.', 'task', undefined],
    ['The setup has to be quick, we only have two weeks.', 'goals', undefined],
    ["There's a GPU shortage, so we can't buy any.", 'gpuCount', undefined],
    ['We have 3,000 pairs of OCR output and corrected text.', 'preferencePairs', undefined],
    ['we do about 4 of those a month', 'requestsPerDay', undefined],
    ['5,000 tickets routed manually every day', 'labeledExamples', undefined],
    ['emails are in English, about 30% English-speaking customers', 'multilingual', undefined],
    [
      'Fraud alerts are sent daily to analysts and we want to classify them by severity.',
      'knowledgeChanges',
      undefined,
    ],
    ['We want the model to draft our newsletter; newsletters go out every week.', 'knowledgeChanges', undefined],
  ])('"%s" gives %s %j', (text, field, value) => {
    expect((read(text) as Record<string, unknown>)[field]).toEqual(value);
  });

  it('keeps the team’s GPUs said beside the phones’ memory, and a rental it already has', () => {
    expect(read('we have 4 GPUs with 80 GB and the phones have 8 GB of RAM')).toMatchObject({
      gpuCount: 4,
      gpuMemoryGB: 80,
      deviceMemoryGB: 8,
    });
    expect(read('Our model is served on two rented GPUs; how much would LoRA cost?')).toMatchObject({
      gpuCount: 2,
      gpusRented: true,
    });
  });

  it('reads a budget range whose lower end has no scale of its own', () => {
    expect(read('Our budget is $500-2k a month.')).toEqual({ monthlyBudgetUSD: 2000 });
  });

  it('takes no image task back on "no photos labelled yet" or inputs of text and a photo', () => {
    expect(
      extract('There are no photos labelled yet; we would have to collect them.').intents.noImages,
    ).toBeUndefined();
    expect(extract('The inputs are text plus a product photo.').intents.noImages).toBeUndefined();
  });

  it('answers a language question about the model named, not an encoder, when a name merely ends in "bert"', () => {
    expect(extract('Robert from legal asks: is Llama 3.1 8B good in German and Polish?').intents.asksLanguage).toEqual({
      languages: ['german', 'polish'],
      model: 'Llama 3.1 8B',
    });
  });

  it('keeps a fit question beside "put it into the model or retrieve it"', () => {
    const intents = extract(
      'Should we put the policies into the model or retrieve them, and will it fit on our single L4?',
    ).intents;
    expect(intents.asksComparison).toEqual(['lora', 'rag']);
    expect(intents.asksFit).toBeDefined();
  });
});

describe('newuser43 C13: a plan that is already the cost fix', () => {
  it('plans no distillation after tuning the cheaper model that is the cost fix', () => {
    const result = run({
      modelName: 'GPT-4o',
      deployment: 'cloud-api',
      taskType: 'classify',
      canSwitchModel: true,
      goals: ['cost'],
      requestsPerDay: 50_000,
      labeledExamples: 4000,
      gpuCount: 0,
    });
    expect(result.destination.objective).toBe('distillation');
    expect(result.plan.flatMap((step) => step.methods)).not.toContain('distillation');
  });
});

describe('batch x55 phrasings', () => {
  it.each([
    [
      'the data cannot leave the factory network so it has to run on the servers in our plant',
      { dataMustStayOnPrem: true },
    ],
    ['PHI never leaves the building', { dataMustStayOnPrem: true }],
    ["we're 6 ML engineers and have trained LoRAs on Qwen before. 2 weeks to a demo", { timelineWeeks: 2 }],
    ['hospital network in Ontario. summarizing triage notes for ER nurses', { taskType: 'generate' }],
    [
      'residents ask about bins and parking permits — answers should come from a smallish set of ~200 FAQ pages.',
      { goals: ['knowledge'] },
    ],
    [
      'the bot still breaks our JSON schema about 1 in 10 times and prompt tweaks didnt fix that at all',
      { tried: [{ method: 'prompt-engineering', result: 'failed' }] },
    ],
    [
      'already ran one fine-tune job on OpenAI with ~1,000 examples — tone got better, then more epochs did nothing',
      { tried: [{ method: 'managed-fine-tuning', result: 'plateaued' }] },
    ],
  ])('reads "%s"', (text, expected) => {
    expect(read(text)).toMatchObject(expected);
  });

  it.each([
    ['it runs on a Jetson Orin in a truck. no internet on the road so it has to run locally', 'dataMustStayOnPrem'],
    [
      'phones have 6-8GB RAM and the model cannot use more than ~2 GB. was thinking Qwen2.5 1.5B or smaller but idk',
      'modelName',
    ],
    ['base is Llama 3.1 8B Instruct on one A10G per region', 'gpuCount'],
  ])('reads nothing of the team’s from "%s" for %s', (text, field) => {
    expect((read(text) as Record<string, unknown>)[field]).toBeUndefined();
  });
});

describe('newuser47 findings', () => {
  it('converts Swiss francs at the rate said, and reads the rate as no budget', () => {
    expect(read('Budget is CHF 60,000 for the whole project; a franc is about 1.13 dollars.')).toEqual({
      oneTimeBudgetUSD: 67_800,
    });
  });

  it('proposes no image encoder (CLIP) for reading fields off photos into JSON', () => {
    const result = run({
      goals: ['cost', 'format'],
      taskType: 'image-understand',
      modality: 'image',
      needsStyleOrFormat: true,
      modelName: 'GPT-4o mini',
      canSwitchModel: true,
      currentMonthlySpendUSD: 2400,
      requestsPerDay: 25_000,
      labeledExamples: 9000,
    });
    expect(result.destination.student ?? result.destination.model.name).not.toBe('CLIP ViT-L/14');
  });

  it('answers "could we serve Qwen2.5 72B on our own 4 A100 40GB cards?" on that model, saving nothing', async () => {
    const turns = await converse(
      [
        'We answer technicians from 60M tokens of service manuals with GPT-4o on Azure; bulletins change weekly and answers must cite. We own 4 A100 40GB.',
        'Another idea from our infra people: instead of paying Azure, could we serve Qwen2.5 72B on our own 4 A100 40GB cards? Would it even fit?',
      ],
      knowledge,
    );
    const turn = turns.at(-1);
    expect(turn?.reply).toMatch(/serving Qwen2\.5 72B in 16-bit/);
    expect(turn?.state.profile.modelName).toBe('GPT-4o');
  });

  it('reads "why not do that?" as the method proposed just before', () => {
    expect(
      extract(
        "My manager keeps saying we should just fine-tune GPT-4o on all the manuals so it 'knows' them. Why not do that?",
      ).intents.whyNot,
    ).toBe('full-fine-tuning');
  });
});

describe('newuser47: more questions in other words', () => {
  it('answers the deadline beside a training-time question', () => {
    const intents = extract(
      'Management wants a pilot in 10 weeks. Realistic? And if we later do the QLoRA step on the 1,400 pairs, how long does that training take on our L40S?',
    ).intents;
    expect(intents.asksTimeline).toBe(true);
    expect(intents.asksCost).toBe('qlora');
  });

  it('reads "Azure OpenAI in the Japan East region" as a region in Japan', () => {
    expect(
      extract('legal wants the data to stay in Japan. Is using Azure OpenAI in the Japan East region enough for that?')
        .intents.dataRegion,
    ).toBe('Japan');
  });

  it('reads "is Qwen good in those?" after the languages named', () => {
    expect(
      extract('part of our dossiers are in German and French, is Qwen good in those?').intents.asksLanguage?.languages,
    ).toEqual(['german', 'french']);
  });

  it('reads "will Qwen2.5 32B fit for serving on the two L40S?" as a fit question on that model', () => {
    const extraction = extract('Will Qwen2.5 32B fit for serving on the two L40S in 16-bit?');
    expect(extraction.intents.asksFit).toBe(true);
    expect(extraction.intents.asksFitFor).toBe('serving');
  });

  it('leaves Swiss francs out without a rate', () => {
    expect(read('budget 5,000 CHF').oneTimeBudgetUSD).toBeUndefined();
  });
});

describe('newuser47: a KYC team', () => {
  it('reads verifications as the volume and the labels, and "make it better" as no correction', () => {
    expect(
      read(
        'Volume is about 25,000 verifications a day. We have 9,000 verifications that our compliance officers corrected by hand, so we have good labels.',
      ),
    ).toMatchObject({ requestsPerDay: 25_000, labeledExamples: 9000 });
    expect(
      extract('we use an LLM for KYC checks and want to make it better and cheaper. any advice?').corrections,
    ).toEqual([]);
    expect(extract('make it 4 GPUs').corrections).toEqual(['gpuCount']);
  });
});

describe('newuser47: an essay-feedback team', () => {
  it.each([
    [
      "Right now we're testing Gemini 2.5 Flash with a long prompt that includes the rubric. Scores are often 40-80 points off from our human correctors.",
      { tried: [{ method: 'prompt-engineering', result: 'plateaued' }] },
    ],
    ['the dollar is at about R$ 5,50. Budget: R$ 30.000 for the project', { oneTimeBudgetUSD: 5455 }],
    ['with 3,000 essays a day, each prompt around 4,000 tokens', { requestsPerDay: 3000 }],
    ['We have about 12,000 graded essays; the rarest class has around 150 examples.', { labeledExamples: 12_000 }],
  ])('reads "%s"', (text, expected) => {
    expect(read(text)).toMatchObject(expected);
  });

  it('takes no count of one rare level as the whole set, and no option the CTO asks about as a fact', () => {
    expect(read('Some score levels are rare, e.g. a 200 in competency 5 only has around 150 examples.')).toEqual({});
    const asked = extract(
      "Our CTO asks whether we should instead tune an open model like Llama 3.1 8B on rented GPUs, so we're not locked in.",
    );
    expect(asked.fields).toEqual({});
    expect(asked.hypothetical?.modelName).toBe('Llama 3.1 8B');
  });
});

describe('newuser47: a bill comparison names a shutdown within months', () => {
  it('says GPT-4.1 mini is shut down soon beside its bill', async () => {
    const turns = await converse(
      [
        'We answer technicians from service manuals with GPT-4o on Azure, 10,000 requests a day, 6,000 tokens in and 500 out; budget $10,000 a month.',
        'Since GPT-4o is being retired anyway: what would the bill be on GPT-4.1 mini instead, or on Gemini 2.5 Flash, at our volume?',
      ],
      knowledge,
    );
    expect(turns.at(-1)?.reply).toMatch(
      /GPT-4\.1 mini calls would cost about \$[\d,]+ a month at the same volume and list price \(but OpenAI shuts it down on 2027-01-14\)/,
    );
  });
});
