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
    expect(last).toMatch(/examples of the outputs you want/);
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

describe('newuser50: doubts, corrections and counts said in passing', () => {
  const freight = [
    "We're a freight brokerage (truckload, ~900 loads a day). Carriers email us rate confirmations and BOLs as PDFs and our ops people key the data into our TMS by hand. we want a model to extract pickup/delivery, rate, accessorials, MC number etc into JSON.",
    "no, cloud's fine. right now we prototype with Claude Sonnet over the API and it's decent but the bill is ugly, ~$4,200/month",
    'sure, anything that works. we also have ~12k docs where ops already keyed the fields, so we know the right answers for those.',
    'basic. 2 data engineers, they know python and sql, never trained a model',
  ];

  it('reads "the bill is ugly" as the cost goal and keeps "basic" said first (F06)', async () => {
    const turns = await converse(freight, knowledge);
    const profile = turns[3]?.state.profile;
    expect(profile?.goals).toContain('cost');
    expect(profile?.mlExpertise).toBe('basic');
    expect(turns[3]?.recommendation?.destination.model.name).not.toBe('Gemini 2.5 Pro');
  });

  it('does not take "gemini 2.5 pro doesn\'t sound cheap?" as the team\'s model (F01)', async () => {
    const turns = await converse(
      [
        ...freight,
        "the whole point is cutting cost - sonnet already does the extraction ok with our prompt. gemini 2.5 pro doesn't sound cheap?",
      ],
      knowledge,
    );
    const profile = turns[4]?.state.profile;
    expect(profile?.modelName).toMatch(/Claude Sonnet/);
    expect(profile?.tried).toEqual([{ method: 'prompt-engineering', result: 'good-enough' }]);
  });

  it('takes "we only have ONE free" as one GPU, and sizes "the 32B … on just the one card" (F02)', async () => {
    const setup = [
      "hi. we're a regional water utility, about 400k customers. we'd like an assistant our field techs can ask questions while they're out at pump stations and treatment plants - answers should come from our maintenance manuals and SOPs.",
      "yes, mostly. we're critical infrastructure so SCADA-related docs can't go to a cloud API. we have a small server room.",
      'two nvidia A6000s in one box. the manuals are roughly 2,500 pages of PDFs, they get revised maybe 3-4 times a year.',
      'correction - i checked with IT, the A6000s are the older 48GB ones but we only have ONE free, the other is used by the GIS team.',
      'wait, so the 32B still fits on just the one card? that seems off to me',
    ];
    const turns = await converse(setup, knowledge);
    expect(turns[0]?.state.profile.taskType).toBe('chat');
    expect(turns[3]?.state.profile.gpuCount).toBe(1);
    expect(turns[4]?.reply).toMatch(/32B/);
    expect(turns[4]?.reply).toMatch(/4-bit|4 bits/);
    expect(turns[4]?.reply).not.toMatch(/I can't answer/);
  });

  it('answers "why not GPT-4.1 mini?" with its shutdown, not "possible" (F03)', async () => {
    const turns = await converse(
      [
        "Hello. I run IT for a chain of 38 veterinary clinics. Our vets write SOAP notes after each visit and we'd like an AI to turn those into discharge instructions for pet owners - plain language, our house style, meds and follow-up dates clear.",
        'No, cloud is fine, we already use GPT-4o mini through the OpenAI API for some other stuff. We have about 8,000 old discharge letters the vets wrote by hand that are good examples.',
        'yes, you can propose a different model. volume is around 1,800 discharge letters a day across all clinics.',
        "hmm why gemini? why not just gpt-4.1 mini, we'd prefer to stay openai",
        'ok then use GPT-4.1 mini as our model',
      ],
      knowledge,
    );
    expect(turns[3]?.reply).toMatch(/GPT-4\.1 mini: OpenAI shuts it down on 2027-01-14/);
    expect(turns[4]?.state.profile.mlExpertise).toBeUndefined();
  });

  it('reads a per-class count as no total, and "no - 3,500 … total" as a correction (F04)', async () => {
    const turns = await converse(
      [
        'We are a university admissions office and want to route incoming emails from applicants to the right team.',
        'our CRM has about 3,500 emails that counselors already re-routed by hand, so those have the right category. a few categories (like NCAA athletes, veterans) only have like 20-30 each',
      ],
      knowledge,
    );
    expect(turns[1]?.state.profile.labeledExamples).toBe(3500);
  });

  it('keeps OCR-first document work a text task (F05)', async () => {
    const turns = await converse(
      [
        'We extract fields from shipping documents into JSON with GPT-4.1 mini. we will OCR the scans first so the model only sees text.',
        'btw maybe 30% of the PDFs are scans or phone photos of paper BOLs, not text PDFs. does that change the plan?',
      ],
      knowledge,
    );
    expect(turns[0]?.state.profile.taskType).toBe('extract');
    expect(turns[1]?.state.profile.modality).not.toBe('image');
    expect(turns[1]?.state.profile.taskType).toBe('extract');
  });

  it('answers "can\'t we just fine tune the 8b on those?" as a why-not about tuning (F07)', async () => {
    const turns = await converse([...freight, "can't we just fine tune the 8b on those?"], knowledge);
    expect(turns[4]?.reply).not.toMatch(/I can't answer/);
  });
});

describe('newuser50: follow-ups that got "I can\'t answer"', () => {
  const utility = [
    "hi. we're a regional water utility, about 400k customers. we'd like an assistant our field techs can ask questions while they're out at pump stations and treatment plants - answers should come from our maintenance manuals and SOPs.",
    "yes, mostly. we're critical infrastructure so SCADA-related docs can't go to a cloud API. we have a small server room.",
    'two nvidia A6000s in one box. the manuals are roughly 2,500 pages of PDFs, they get revised maybe 3-4 times a year.',
  ];

  it('reads "revised maybe 3-4 times a year" as rarely changing (F21)', async () => {
    const turns = await converse(utility, knowledge);
    expect(turns[2]?.state.profile.knowledgeChanges).toBe('rarely');
  });

  it('answers "why don\'t we just fine tune the model on all the manuals" with why facts are retrieved (F09)', async () => {
    const turns = await converse(
      [
        ...utility,
        "our ops director asks why we dont just fine tune the model on all the manuals so it 'knows' them. whats the argument against?",
      ],
      knowledge,
    );
    const reply = turns[3]?.reply ?? '';
    expect(reply).toMatch(/retrieval beat fine-tuning at injecting knowledge/);
    expect(reply).toMatch(/Does Fine-Tuning LLMs on New Knowledge Encourage Hallucinations/);
  });

  it('answers how many techs can use it at once with what decides it, not "I can\'t answer" (F24)', async () => {
    const turns = await converse(
      [
        ...utility,
        'ok. will a 32B model actually fit on the two A6000s for serving? and how many techs could use it at once, we have around 60 in the field',
      ],
      knowledge,
    );
    const reply = turns[3]?.reply ?? '';
    expect(reply).toMatch(/For 60 people, what matters is how many ask at the same moment/);
    expect(reply).not.toMatch(/I can't answer/);
  });

  it.each([
    [
      'a lot of our pump and valve part numbers are like PV-2210-B. will the search actually find those?',
      /exact|keyword|BM25/i,
    ],
    ['what is LoRA, in plain words? my dean will ask', /LoRA/],
    [
      'we want it live before summer, so ~10 weeks. realistic? we have one python dev and no ML people',
      /week|calendar/i,
    ],
  ])('answers %j', async (message, expected) => {
    const turns = await converse([...utility, message], knowledge);
    const reply = turns[3]?.reply ?? '';
    expect(reply).not.toMatch(/I can't answer/);
    expect(reply).toMatch(expected);
  });

  it('answers "8k examples - enough or overkill? some species … only have maybe 40" with the rare classes (F13)', async () => {
    const turns = await converse(
      [
        'We are a veterinary clinic chain. We want to draft discharge letters from SOAP notes in our house style, with GPT-4o mini via the OpenAI API.',
        '8k examples - enough or overkill? some species like exotics/reptiles only have maybe 40 letters',
      ],
      knowledge,
    );
    expect(turns[1]?.reply).toMatch(/rare classes have about 40 examples each/);
  });

  it('reads "not religious about it" as free to switch (F17) and "is llama 3.1 8b ok with that?" as a language question (F12)', async () => {
    const turns = await converse(
      [
        "we'd rather stay with openai if possible but not religious about it. we use gpt-4o mini to sort emails.",
        'about 15% of the emails are in Spanish or Mandarin. is llama 3.1 8b ok with that?',
      ],
      knowledge,
    );
    expect(turns[0]?.state.profile.canSwitchModel).toBe(true);
    expect(turns[1]?.reply).toMatch(/Chinese is not among/);
  });
});

describe("review25: the session's new readings stay off what they do not describe", () => {
  it.each([
    ['We have 4 A100s. We have 300 labeled examples but only 60 are usable.', { gpuCount: 4 }],
    ['We have 4 A100s, but only 2 of the annotators are available this month.', { gpuCount: 4 }],
    [
      'We have 2,000 labeled examples. We tested GPT-4o mini on 50 of them and only 31 are correct.',
      { labeledExamples: 2000 },
    ],
    [
      'Our devs all use MacBooks; the model has to run locally on our own servers, nothing in the cloud.',
      { dataMustStayOnPrem: true },
    ],
    ['We want to extract fields from photos of handwritten forms filled in by farmers.', { modality: 'image' }],
    [
      'We draft letters with Qwen2.5 14B. Dev machine is a laptop 32gb ram; serving is on an L40S.',
      { modelName: 'Qwen2.5 14B' },
    ],
  ])('reads %j as %j', (text, expected) => {
    expect(read(text)).toMatchObject(expected);
  });

  it.each([
    [
      'We want to classify incoming emails into 3 queues: customers asking about refund policies, shipping delays, or other.',
      'goals',
    ],
    [
      'We use Claude 3.5 Sonnet to draft support replies. We have 40k replies written by our agents; the Claude answers are too long.',
      'teacherModel',
    ],
    ['I said 6 weeks earlier, and now we have 2 H100s as well.', 'timelineWeeks'],
    ['We draft letters with Qwen2.5 14B. Dev machine is a laptop 32gb ram; serving is on an L40S.', 'deviceMemoryGB'],
    ['we have thousands of tickets labeled with the team that handled them', 'unlabeledCorpus'],
    ['the upfront cost is steep, we only have $300 for training', 'goals'],
  ])('leaves %j without %s', (text, field) => {
    expect(read(text)).not.toHaveProperty(field);
  });

  it('keeps a model the team states in a later message with a question tag', async () => {
    const turns = await converse(
      [
        'We want to classify support emails into categories.',
        'forgot to say: GPT-4o mini is what we use today, does that change anything?',
      ],
      knowledge,
    );
    expect(turns[1]?.state.profile.modelName).toBe('GPT-4o mini');
  });

  it('multiplies "3 categories, about 400 each" and never stores the class count as examples', () => {
    const extraction = extractProfile('3 categories, about 400 each.', {
      knowledge,
      today: '2026-12-06',
      requestedField: 'labeledExamples',
    });
    expect(extraction.fields.labeledExamples).toBe(1200);
  });

  it('sends a latency-only team with its own examples to a small student, not a frontier model', () => {
    const rec = advise({
      modelName: 'GPT-4.1',
      taskType: 'classify',
      labeledExamples: 20000,
      goals: ['latency'],
      latencyTargetMs: 300,
      canSwitchModel: true,
    });
    expect(rec.destination.model.name).not.toBe('Gemini 2.5 Pro');
  });

  it('does not answer a requirement ("has to fit on a single 24GB card") as a fit question', () => {
    const extraction = extractProfile(
      'We have one RTX 4090, data must stay on-prem. The model has to fit on a single 24GB card. Which model should we use?',
      { knowledge, today: '2026-12-06' },
    );
    expect(extraction.intents.asksFit).toBeUndefined();
  });

  it('keeps languages corrected ("in French, not Dutch") and added ("also some are in German") in one list', async () => {
    const turns = await converse(
      [
        'We want a model that drafts replies to customer complaints. the complaints are all in Dutch.',
        'sorry, my mistake - they are in French, not Dutch.',
        'also some are in German.',
        'our support engineers mostly speak Spanish, the company is in Madrid.',
      ],
      knowledge,
    );
    expect(turns[1]?.state.profile.task).toMatch(/\(in French\)$/);
    expect(turns[3]?.state.profile.task).toMatch(/\(in French and German\)$/);
  });
});

describe('newuser51: statements and paraphrases the chat missed', () => {
  it.each([
    ['legal just told us the data may not leave our premises anymore', { dataMustStayOnPrem: true }],
    ["it's an RTX 3080 not a 3090, 10GB", { gpuMemoryGB: 10, gpuCount: 1 }],
    ['our one-time budget is 50,000 CAD, 1 CAD is about 0.72 USD', { oneTimeBudgetUSD: 36000 }],
    ['our one-time budget is 50,000 Canadian dollars, 1 CAD is about 0.72 USD', { oneTimeBudgetUSD: 36000 }],
    ['about half the questions come in French, the rest English', { multilingual: true }],
    ['EPA label amendments come in every month or so', { knowledgeChanges: 'monthly' }],
    ['answers have to quote the label section, legally the label is the law for pesticides', { needsCitations: true }],
    [
      'Call centre agents need suggested answers based on our tax guidance, about 4,000 pages, amended monthly.',
      { goals: ['knowledge'], knowledgeChanges: 'monthly' },
    ],
    ['We would like AI to sort them into categories and draft a first reply for the agent.', { taskType: 'generate' }],
    [
      'Our dentists spend ages writing insurance pre-authorization letters for implants and crowns.',
      { task: 'writing insurance pre-authorization letters for implants and crowns', taskType: 'generate' },
    ],
  ])('reads %j', (text, expected) => {
    expect(read(text)).toMatchObject(expected);
  });

  it('keeps ICD-10 coding a classification (no reply is written)', () => {
    expect(read('We assign ICD-10 codes to discharge summaries')).toMatchObject({ taskType: 'classify' });
  });

  it('replaces the GPU named before by an unlisted one, and names the model a fit is sized on (F02, F06)', async () => {
    const turns = await converse(
      [
        'We want to draft insurance letters in a strict format. 1,500 example letters, data stays on premises, one RTX 3090. just recommend',
        'sorry my mistake, I checked with IT, its an RTX 3080 not a 3090. 10GB.',
        'will it fit?',
      ],
      knowledge,
    );
    expect(turns[1]?.state.profile.gpuName).toBeUndefined();
    expect(turns[1]?.state.profile.gpuMemoryGB).toBe(10);
    expect(turns[2]?.reply).toMatch(/LoRA on \S+/);
    expect(turns[2]?.reply).not.toMatch(/you have 24 GB/);
  });

  it('reads "2,500 pdfs x ~30 pages, so like 75k pages total" as a large corpus for retrieval (F03)', async () => {
    const turns = await converse(
      [
        'We answer questions from our product label PDFs: 2,500 pdfs x ~30 pages, so like 75k pages total. answers must cite the label. just recommend',
      ],
      knowledge,
    );
    expect(turns[0]?.recommendation?.destination.method).toBe('rag');
  });

  it('does not read "zero" said of the GPUs as the budget (F05)', () => {
    const extraction = extractProfile('we dont have any GPUs. zero. IT wont buy any either', {
      knowledge,
      today: '2026-12-06',
      requestedField: 'oneTimeBudgetUSD',
    });
    expect(extraction.fields).toMatchObject({ gpuCount: 0 });
    expect(extraction.fields).not.toHaveProperty('oneTimeBudgetUSD');
  });

  it('answers "some categories only have ~30 emails each. problem?" with the rare classes, not a level (F07)', async () => {
    const turns = await converse(
      [
        'We sort incoming emails from applicants into 25 categories with GPT-4o mini. We have 3,500 labeled emails.',
        'some categories only have ~30 emails each. problem?',
      ],
      knowledge,
    );
    expect(turns[1]?.state.profile.mlExpertise).toBeUndefined();
    expect(turns[1]?.reply).toMatch(/about 30 examples each/);
  });

  it.each([
    ['what is RAG exactly, in plain words, my boss will ask', 'asksDefinition'],
    ['how do we check the letters are actually good before dentists start relying on them?', 'asksEvaluation'],
    ['why not just keep prompting it with a few examples, isnt that simpler?', 'whyNot'],
  ])('understands %j', (text, intent) => {
    expect(extractProfile(text, { knowledge, today: '2026-12-06', midConversation: true }).intents).toHaveProperty(
      intent,
    );
  });
});

describe('batch x60: first messages as people write them', () => {
  it.each([
    [
      'satellite bandwidth is awful so it has to run on the ship itself, on a rugged mini pc where the model can use about 16 gigs of memory',
      { deployment: 'edge', goals: ['on-device'], deviceMemoryGB: 16 },
    ],
    ['Fields have no signal so it has to run on the phone itself.', { deployment: 'mobile', goals: ['on-device'] }],
    [
      'need a quiz generator for our 7th grade science units by the end of the fortnight. we have zero dollars, not one-off not monthly',
      { taskType: 'generate', timelineWeeks: 2, oneTimeBudgetUSD: 0, monthlyBudgetUSD: 0 },
    ],
    ['the bill is around $9k/month and finance hates it', { goals: ['cost'] }],
    ['current pipeline on gemini 2.5 flash takes ~4 seconds a line, we need under 500ms', { goals: ['latency'] }],
    ['each has to be routed to one of 23 departments', { taskType: 'classify' }],
    ['we have 40k historical requests with the dept that actually handled them', { labeledExamples: 40000 }],
    [
      "zero-shot with gpt-4.1 mini didn't cut it at all",
      { tried: [{ method: 'prompt-engineering', result: 'failed' }] },
    ],
    [
      'crews want to ask about engine manuals and safety procedures while at sea',
      { taskType: 'chat', goals: ['knowledge'] },
    ],
  ])('reads %j', (text, expected) => {
    expect(read(text)).toMatchObject(expected);
  });

  it('leaves "questions went to two guys on the phone" without a phone deployment', () => {
    expect(
      read('for years agronomy questions went to two guys on the phone who are both retiring this year.'),
    ).not.toHaveProperty('deployment');
  });
});

describe('review26: the later readings stay off what they do not describe', () => {
  it.each([
    ['$5k, not canadian dollars', { oneTimeBudgetUSD: 5000 }],
    [
      'we want to classify incoming support emails into 8 categories so the right team can write a reply faster',
      { taskType: 'classify' },
    ],
    [
      'classify customer emails by topic; our agents will still write the responses themselves',
      { taskType: 'classify' },
    ],
  ])('reads %j as %j', (text, expected) => {
    expect(read(text)).toMatchObject(expected);
  });

  it.each([
    ['my workstation has an RTX 3060, 64GB DDR5 and a 2TB ssd', 'gpuMemoryGB'],
    ['we have an RTX 2080 Ti. 40GB of documents to train on', 'gpuMemoryGB'],
    ['5,000 CAD drawings', 'oneTimeBudgetUSD'],
    ['we want to generate SEO titles that name the product page for each item in our catalog', 'needsCitations'],
    ['the model drafts marketing copy; revisions come in daily from the brand team', 'knowledgeChanges'],
    [
      'our devs spent weeks coding the integration; now the support bot answers questions about our product catalog',
      'task',
    ],
    ['classify survey answers based on our internal quality standards', 'goals'],
    ['score call center answers based on our procedures, pass or fail', 'goals'],
  ])('leaves %j without %s', (text, field) => {
    expect(read(text)).not.toHaveProperty(field);
  });

  it.each([
    'should we also buy an RTX 4070 for local testing?',
    "I tried it on my gaming PC's RTX 3070 at home first, it was too slow",
    'we sold the old GTX 1080 last year',
  ])("keeps the team's GPU when %j mentions another card", async (message) => {
    const turns = await converse(
      ['We draft insurance letters in a strict format, with 2 A100 80GB on premises. just recommend', message],
      knowledge,
    );
    expect(turns[1]?.state.profile.gpuName).toBe('NVIDIA A100 80GB');
  });

  it.each([
    ['why not keep RAG and add LoRA for the tone?', 'lora'],
    ['why not keep prompting and add RAG on top?', 'rag'],
  ])('reads %j as a why-not about %s', (text, method) => {
    expect(extractProfile(text, { knowledge, today: '2026-12-06', midConversation: true }).intents.whyNot).toBe(method);
  });

  it.each([
    ['labeledExamples', 'we use GPT-4o mini, 3000', 3000],
    ['oneTimeBudgetUSD', 'on-prem only, 5000', 5000],
  ])('keeps the number answering %s in %j', (field, text, value) => {
    const extraction = extractProfile(text, { knowledge, today: '2026-12-06', requestedField: field as never });
    expect((extraction.fields as Record<string, unknown>)[field]).toBe(value);
  });

  it('reads "a little bit" and "some prompt engineering" as basic experience', () => {
    for (const text of ['a little bit', 'some prompt engineering, no training'])
      expect(
        extractProfile(text, { knowledge, today: '2026-12-06', requestedField: 'mlExpertise' }).fields.mlExpertise,
      ).toBe('basic');
  });
});
