/**
 * Found in the thirty-first session by two new-user trials (newuser61 F02, F03; newuser62 F01, F05) and the blind
 * batches of the session, each beside the counter-example its fix must leave alone.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractProfile } from '../../src/chat/extract/index.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { converse } from '../helpers/converse.ts';

const knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
const read = (text: string) => extractProfile(text, { knowledge, today: '2026-12-07', midConversation: true });
const first = (text: string) => extractProfile(text, { knowledge, today: '2026-12-07' });
const talk = (messages: string[]) => converse(messages, knowledge);

describe('the only vendors and clouds a team may use (newuser61 F03, newuser62 F01)', () => {
  it.each([
    ["Policy: we can only use Azure (it's our only approved cloud, EU regions), no other vendors.", ['azure-openai']],
    ["we're an AWS shop", ['aws-bedrock']],
    ['everything has to stay in GCP', ['google-vertex']],
    ['Azure-only bank, two use cases', ['azure-openai']],
    ['only OpenAI and Azure are approved', ['openai', 'azure-openai']],
    ['only bedrock is approved for us.', ['aws-bedrock']],
    ['they may go to Azure in the Brazil South region, nowhere else.', ['azure-openai']],
    ['the discharge summaries may only go to Azure (Brazil South)', ['azure-openai']],
    ['Azure is our only approved cloud', ['azure-openai']],
  ])('reads "%s" as %j', (text, ids) => {
    expect(first(text).fields.allowedProviders).toEqual(ids);
  });
  it.each([
    'we run GPT-4o on Azure OpenAI',
    'we are not limited to AWS',
    'if we could only use Azure, what would change?',
    'we only use GPT-4o for the summaries',
  ])('reads no limit from "%s"', (text) => {
    expect(first(text).fields.allowedProviders).toBeUndefined();
  });
});

describe('an attempt scored below another score, and a question that moves the model (newuser61 F02)', () => {
  it('reads "prompting alone got ~81%" beside the fine-tune\'s 94% as a plateau', () => {
    expect(
      read('the fine-tuned model gets ~94% accuracy, prompting alone got ~81% back when we tried it.').fields.tried,
    ).toEqual([{ method: 'prompt-engineering', result: 'plateaued' }]);
    expect(read('prompting got 81% and we need 90%').fields.tried).toEqual([
      { method: 'prompt-engineering', result: 'plateaued' },
    ]);
  });
  it('reads no attempt from a score with nothing above it', () => {
    expect(read('prompting alone got 96%, we are happy').fields.tried).not.toEqual([
      { method: 'prompt-engineering', result: 'plateaued' },
    ]);
  });
  it('reads "which model do we move the fine-tune to?" as leave to switch, and "can we switch models?" as a question', () => {
    expect(read('which model do we move the fine-tune to on Azure?').fields.canSwitchModel).toBe(true);
    expect(read('can we switch models?').fields.canSwitchModel).toBeUndefined();
  });

  it('moves the retiring classifier of an Azure-only bank to a model that stays, on what Azure offers', async () => {
    const turns = await talk([
      "Hi. I lead the ML platform team at a mid-size retail bank. Policy: we can only use Azure (it's our only approved cloud, EU regions), no other vendors, no on-prem GPUs either. We have two use cases running on Azure OpenAI: (a) classifying customer complaints into 18 regulatory categories, that's a fine-tuned gpt-4o-mini, and (b) summarizing call-centre transcripts into a fixed CRM note template, that one is just prompting GPT-4o. Microsoft told us gpt-4o-mini is being retired in January. What do we do?",
      "for the complaints we have the 8,000 labelled complaints we used for the current fine-tune, plus a 1,000 held-out test set. the fine-tuned model gets ~94% accuracy, prompting alone got ~81% back when we tried it. so prompt engineering isn't really the answer there no? which model do we move the fine-tune to on Azure?",
      "recap please: what's the final plan for each of the two jobs?",
    ]);
    expect(turns[0]?.state.profile.allowedProviders).toEqual(['azure-openai']);
    const answer = turns[1]?.reply ?? '';
    expect(answer).toMatch(/shuts GPT-4o mini down on 2027-01-14 and a tuned copy goes with it/);
    expect(answer).not.toMatch(/Gemini|Vertex/);
    const recap = turns[2]?.reply ?? '';
    expect(recap).not.toMatch(/Gemini|Vertex|Managed fine-tuning on GPT-4o mini/);
    expect(recap).toMatch(/Classifying customer complaints:\*\* aim for (?:LoRA|QLoRA|Full fine-tuning) on /);
  });
});

describe('a monthly budget said before a long "for" and a real sign (newuser62 F05)', () => {
  it.each([
    ['Our monthly budget for all of this is R$ 15.000 (about 5.4 reais to the dollar).', 2778],
    ['Our monthly budget for all of this is $2,000', 2000],
  ])('reads "%s" as a monthly budget', (text, usd) => {
    const fields = read(text).fields;
    expect(fields.monthlyBudgetUSD).toBe(usd);
    expect(fields.oneTimeBudgetUSD).toBeUndefined();
  });
  it('still reads a one-time budget said as one', () => {
    expect(read('our one-time budget for all of this is $2,000').fields.oneTimeBudgetUSD).toBe(2000);
  });
});

describe('discharge summaries are documents, not a writing task (newuser62 F01)', () => {
  it('reads no task shape from "the discharge summaries are patient data"', () => {
    expect(read('But the discharge summaries are patient data under LGPD').fields.taskType).toBeUndefined();
  });
  it('still reads writing from summaries the team wants written', () => {
    expect(read('900 labelled summaries').fields.taskType).toBe('generate');
    expect(read('we want to write discharge summaries from the ward notes').fields.taskType).toBe('generate');
  });
});

describe('sloppy mid-conversation answers (x70)', () => {
  it.each([
    ['a couple of grand, one-off, for the training part', { oneTimeBudgetUSD: 2000 }],
    ['1.2s is ok for latency, its not realtime', { latencyTargetMs: 1200 }],
    [
      'no we dont have any preference data, the 10k thing i mentioned was raw chat logs not pairs',
      { preferencePairs: 0 },
    ],
    ['self host on aws, the A10G boxes, 4 of them', { gpuCount: 4, gpuName: 'NVIDIA A10G' }],
    ['For deploy we want it on laptop of field workers, there is no internet there', { deployment: 'edge' }],
    ['We are have 3 developer, they know little bit pytorch but never train a model before', { mlExpertise: 'basic' }],
    ['the answer about medicine not always correct and this is dangerous', { safetyCritical: true }],
    [
      'our CTO says nothing goes to openai or any cloud, everything runs on our own hardware',
      { dataMustStayOnPrem: true },
    ],
    ['about 80 GiB of vram total, split over 2 cards', { gpuCount: 2, gpuMemoryGB: 40 }],
    ['whisper large v3, we need it better on dutch dialect phone calls', { taskType: 'transcribe' }],
  ])('reads "%s"', (text, fields) => {
    expect(read(text).fields).toMatchObject(fields);
  });
  it.each([
    ['a couple of examples look off', 'oneTimeBudgetUSD'],
    ['the model takes 1.2s today', 'latencyTargetMs'],
    ['my laptop has 16GB', 'deployment'],
    ['llama 3.1 8b, we need it better on dutch support tickets', 'taskType'],
  ] as const)('from "%s" reads no %s', (text, field) => {
    expect(read(text).fields[field]).toBeUndefined();
  });
});

describe('numbers a GPU name and a duration hold (newuser62 F06, F08)', () => {
  it('reads "our 4090" as the GPU only, not 4,090 examples', () => {
    const fields = read(
      'And afterwards the writers can run the tuned 70B on our 4090 to generate lines, right?',
    ).fields;
    expect(fields.labeledExamples).toBeUndefined();
    expect(fields.gpuName).toBe('NVIDIA GeForce RTX 4090');
  });
  it('still reads 4,090 examples said as examples beside the card', () => {
    expect(read('we have 4090 examples and an RTX 4090').fields.labeledExamples).toBe(4090);
  });
  it.each([
    ['Under a second and a half for a typical 40-character message would be acceptable.', 1500],
    ['within one and a half seconds', 1500],
    ['under a second is fine', 1000],
  ])('reads "%s" as %i ms', (text, ms) => {
    expect(read(text).fields.latencyTargetMs).toBe(ms);
  });
});

describe('answers from guides are answers from documents (newuser62 F10)', () => {
  it('reads the knowledge goal from "answers questions … from our internal guides"', () => {
    expect(
      first(
        'a patient-facing chatbot that answers questions about exam preparation, visiting hours and admission, from our internal guides',
      ).fields.goals,
    ).toContain('knowledge');
  });
  it('reads no knowledge goal from answers in line with style guides', () => {
    expect(first('it answers from the style guides').fields.goals ?? []).not.toContain('knowledge');
  });
});

describe('review36: provider limits read only where they are limits', () => {
  it.each([
    'We only use Microsoft Teams internally, the bot will live there.',
    'We only use AWS S3 for the data lake.',
    'The tickets come only through Microsoft Outlook.',
    'Only OpenAI has worked well for us so far.',
    'We are an Azure customer but happy to use any vendor.',
    "We're an Azure shop but not limited to it.",
    'We only use AWS for storage, the model runs on our own GPUs.',
  ])('reads no limit from "%s"', (text) => {
    expect(first(text).fields.allowedProviders).toBeUndefined();
  });
  it.each([
    ["We don't have GPUs, we can only use Azure.", ['azure-openai']],
    ['If it helps, we can only use Azure.', ['azure-openai']],
    ['Our only approved cloud provider is Google Cloud.', ['google-vertex']],
    ["The only cloud we're allowed is Azure.", ['azure-openai']],
    ['Only Azure for the model.', ['azure-openai']],
    ["must be HIPAA compliant, data can't leave our AWS account", ['aws-bedrock']],
  ])('reads "%s" as %j', (text, ids) => {
    expect(first(text).fields.allowedProviders).toEqual(ids);
  });
  it('reads a vendor ruled out by name as no residency rule, and "any cloud" as one', () => {
    expect(
      first('Nothing goes to OpenAI directly, we call GPT-4o through Azure OpenAI.').fields.dataMustStayOnPrem,
    ).toBeUndefined();
    expect(first('our CTO says nothing goes to openai or any cloud').fields.dataMustStayOnPrem).toBe(true);
  });
  it('lifts a limit, widens it with "too", and replaces it with a new "only"', async () => {
    const turns = await talk([
      'we can only use Azure. we classify tickets with GPT-4o mini.',
      'Actually we can use AWS too.',
      'our only approved cloud is Google Cloud now',
      'Update: we are no longer limited to Google Cloud, any cloud or vendor is fine now.',
    ]);
    expect(turns.map((turn) => turn.state.profile.allowedProviders)).toEqual([
      ['azure-openai'],
      ['azure-openai', 'aws-bedrock'],
      ['google-vertex'],
      undefined,
    ]);
  });
  it('answers where a model is tuned, the allowed providers first and the others marked outside', async () => {
    const turns = await talk([
      'we can only use Azure. we classify tickets with GPT-4o mini, 3000 labelled examples.',
      'Where can we tune Gemini 2.5 Flash?',
      'Can we fine-tune GPT-4.1 mini on OpenAI?',
    ]);
    expect(turns[1]?.reply).toMatch(
      /^None of the providers you may use has a live tuning job for Gemini 2\.5 Flash\. Outside them: Google Vertex AI/,
    );
    expect(turns[2]?.reply).toMatch(/^OpenAI API is not among the providers you said you may use/);
    expect(turns[2]?.reply).toMatch(/Among the providers you may use: Azure OpenAI/);
  });
});

describe('review36: regressions of the session’s own readers', () => {
  it.each([
    ['Few-shot got 80% accuracy on a test set where 90% of tickets are billing.', 'tried'],
    ['Prompting got 70% accuracy; 95% of our docs are English.', 'tried'],
    ['Which one can we move it to, given we must stay on GPT-4o mini?', 'canSwitchModel'],
    ['What should we move to next, evaluation or deployment?', 'canSwitchModel'],
    ['Bad replies can be harmful to our brand reputation.', 'safetyCritical'],
    ['We develop on our laptops and the server has no internet.', 'deployment'],
    ['two 3090s are fine for training', 'latencyTargetMs'],
    ['No one here knows a little bit of ML.', 'mlExpertise'],
  ] as const)('from "%s" reads no %s', (text, field) => {
    const value = read(text).fields[field];
    if (field === 'tried')
      expect(value).not.toEqual(expect.arrayContaining([expect.objectContaining({ result: 'plateaued' })]));
    else expect(value).toBeUndefined();
  });
  it.each([
    'The model should produce discharge summaries from the ward notes.',
    'We need discharge summaries drafted from the nursing notes.',
  ])('still reads writing from "%s"', (text) => {
    expect(read(text).fields.taskType).toBe('generate');
  });
});

describe('a trained model the team cannot serve, totals of cards, and a budget taken back (newuser62 F03, newuser63 F09/F10)', () => {
  it('says next to a 70B plan on one 4090 that the card cannot serve it, and not once the plan moved to a smaller model', async () => {
    const [kept] = await talk([
      "We want NPC dialogue in our game's voice; writers have 8,000 hand-written lines. We'd love Llama 3.1 70B, the 8B felt bland. We have one RTX 4090, budget for training about 2 grand, nothing ships: it runs on our office GPU or what we rent. Just recommend.",
    ]);
    expect(kept?.reply).toMatch(/\*\*Heads-up:\*\* Even with 4-bit weights the model does not fit your GPUs/);
    const [moved] = await talk([
      'We have Llama 3.1 70B and a single RTX 4090, 3000 examples of our house style. no budget for cloud. just recommend',
    ]);
    expect(moved?.reply).not.toMatch(/Even with 4-bit weights the model does not fit/);
  });
  it('reads "together the two 3090s have 48 GB" as their total, not 48 GB each', () => {
    const fields = read(
      "Why LoRA and not full fine-tuning? Together the two 3090s have 48 GB, isn't that enough for an 8B?",
    ).fields;
    expect(fields.gpuMemoryGB).toBeUndefined();
    expect(fields.gpuCount).toBe(2);
    expect(read('we have 2 A100 80GB').fields.gpuName).toBe('NVIDIA A100 80GB');
  });
  it('takes back a one-time budget "not set"', () => {
    expect(
      read("$11.4k is our current monthly bill, not a budget. We don't have a one-time budget set, drop that.")
        .removedFields,
    ).toContain('oneTimeBudgetUSD');
  });
});

describe('a rate said with the currency named, and a small model served on CPUs (newuser63 F16, F20)', () => {
  it('converts "R$ 8 mil" at "the real is about 5.6 to the dollar"', () => {
    expect(
      read('Budget is around R$ 8 mil for this, the real is about 5.6 to the dollar.').fields.oneTimeBudgetUSD,
    ).toBe(1429);
  });
  it('answers whether an encoder serves from a CPU server when the team has no GPUs', async () => {
    const turns = await talk([
      'We sort incoming SMS into 12 intents with XLM-RoBERTa Base, 8,500 labelled messages.',
      'We have no GPUs at all, just a 16-core CPU server on a cloud VM. Can XLM-R serve 5,000 SMS a day from that?',
    ]);
    expect(turns[1]?.reply).toMatch(/With no GPUs, XLM-RoBERTa Base is served from your CPU server/);
    expect(turns[1]?.reply).not.toMatch(/tell me the GPUs/);
  });
});

describe('two jobs’ volumes in one sentence (newuser63 F13)', () => {
  it('gives "about 5,000 SMS a day and maybe 1,200 farmer questions a day" to each job, not their sum to both', async () => {
    const turns = await talk([
      'Two things we need: first, answer farmers crop and livestock questions from about 600 pages of extension manuals, and second, sort incoming SMS into 12 intents. We use GPT-4o mini.',
      'We get about 5,000 SMS a day and maybe 1,200 farmer questions a day.',
    ]);
    expect(turns[1]?.reply).toMatch(
      /for sort incoming SMS into 12 intents: 5,000 requests per day; for answer farmers crop and livestock questions: 1,200 requests per day/,
    );
  });
});

describe('pairs said before the DPO question are preference pairs (newuser63 F12)', () => {
  it('reads "about 4,500 real pairs from lines players saw both ways. Would DPO …?" as preference pairs', () => {
    const fields = read(
      'OK, say we get about 4,500 real pairs from lines players saw both ways. Would DPO with LoRA fit on one 3090?',
    ).fields;
    expect(fields.preferencePairs).toBe(4500);
    expect(fields.labeledExamples).toBeUndefined();
  });
  it('still reads input/output pairs as labelled examples', () => {
    expect(read('we have 4,500 input/output pairs for SFT').fields.labeledExamples).toBe(4500);
  });
});

describe('the teacher-or-human data question in other nouns (newuser63 F19)', () => {
  it('reads "the 100k GPT-4.1 extractions, the 18k human-corrected ones, or both?" as the data-mix question', () => {
    expect(
      read('should we SFT on the 100k GPT-4.1 extractions, the 18k human-corrected ones, or both?').intents.asksDataMix,
    ).toEqual({
      teacherCount: 100000,
      humanCount: 18000,
    });
  });
});

describe('review37: provider limits, lifecycle remarks, rates and CPU serving', () => {
  it.each([
    ['We can only use Azure, but we also need the data to stay in the EU', ['azure-openai']],
    ['We can only use Azure. We may also use OpenAI directly.', ['azure-openai', 'openai']],
    ["only Azure, but we can use OpenAI's API too", ['azure-openai', 'openai']],
    ["We're a Microsoft shop", ['azure-openai']],
  ])('reads "%s" as %j', (text, ids) => {
    expect(first(text).fields.allowedProviders).toEqual(ids);
  });
  it.each(['We run retrieval and the classifier only together.', 'Legal and engineering sign off only together.'])(
    'reads no limit from "%s"',
    (text) => {
      expect(first(text).fields.allowedProviders).toBeUndefined();
    },
  );
  it('keeps the team’s own model remarked on for its end of life, and the model it trains beside a teacher’s outputs', () => {
    expect(read('So our GPT-4o mini is being retired too; we use it for triage.').fields.modelName).toBe('GPT-4o mini');
    expect(read('We fine-tune Llama 3.1 8B on the GPT-4.1 outputs we logged').fields.modelName).toBe('Llama 3.1 8B');
    expect(read('The GPT-4o mini responses ignore our JSON format, how do we fix it?').fields.modelName).toBe(
      'GPT-4o mini',
    );
  });
  it('reads "the yen is about 150 per dollar" as units per dollar, and "120s per document is fine" as a target', () => {
    expect(read('Budget is 3 million yen, the yen is about 150 per dollar.').fields.oneTimeBudgetUSD).toBe(20000);
    expect(read('120s per document is fine').fields.latencyTargetMs).toBe(120000);
  });
  it('reads residency from a cloud account named without a provider, and from "data stays with us"', () => {
    expect(first("Customer data can't leave our cloud account.").fields.dataMustStayOnPrem).toBe(true);
    expect(first('Nothing goes to OpenAI, data stays with us.').fields.dataMustStayOnPrem).toBe(true);
  });
  it('does not lift a provider limit on a model lock lifted, and does on "any cloud provider is fine"', async () => {
    const turns = await talk([
      'we can only use Azure. we classify tickets with Llama 3.1 8B.',
      'we are no longer tied to Llama, any model is fine',
      'any cloud provider is fine now',
    ]);
    expect(turns.map((turn) => turn.state.profile.allowedProviders)).toEqual([
      ['azure-openai'],
      ['azure-openai'],
      undefined,
    ]);
  });
  it('says yes once for an allowed provider that tunes the model', async () => {
    const turns = await talk([
      'we can only use Azure. we classify tickets with GPT-4o mini, 3000 labelled examples.',
      'Can we fine-tune GPT-4.1 mini on Azure?',
    ]);
    expect(turns[1]?.reply).toMatch(/^Yes: Azure OpenAI/);
    expect(turns[1]?.reply).not.toMatch(/None of the providers you may use/);
  });
});
