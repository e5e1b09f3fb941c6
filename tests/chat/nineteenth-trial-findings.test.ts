/**
 * Found by the nineteenth new-user trial (six personas, 79 turns over both chat APIs): the request size the user gave
 * was ignored by the bill; "8k conversations a day, avg 4 turns" was billed as 8,000 calls; "$30/month ongoing, the
 * 150 was one-time" became a monthly $150; "some have <50 examples" replaced 14k labels; an OCR system of another
 * team, and even "no images involved", made an email classifier an image task; "it has to be a small open model" gave
 * GPT-4.1 open weights; an offline phone app stayed "cloud-api" because its prototype calls an API; a licence
 * question switched the model and went unanswered.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractProfile } from '../../src/chat/extract/index.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { converse as converseWith } from '../helpers/converse.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});
const converse = (messages: string[]) => converseWith(messages, knowledge);
const fields = (text: string) => extractProfile(text, { knowledge, today: '2026-12-05' }).fields;

describe('what the trial typed, read as an expert would', () => {
  it.each<[string, Record<string, unknown>]>([
    ['around 8k conversations a day, avg 4 turns', { requestsPerDay: 32_000 }],
    ['500 chats per day with about 6 messages each', { requestsPerDay: 3000 }],
    ['our budget is max $30/month ongoing, the 150 was one-time', { monthlyBudgetUSD: 30, oneTimeBudgetUSD: 150 }],
    ['about 14k labelled emails … some have <50 examples', { labeledExamples: 14_000 }],
    ['about 14k labelled emails, some classes have <50 examples', { labeledExamples: 14_000 }],
    ['each request has about 4000 input tokens', { inputTokensPerRequest: 4000 }],
  ])('%j', (text, want) => {
    expect(fields(text)).toMatchObject(want);
  });

  it('does not take another system’s OCR, or a denial of images, as an image task', () => {
    expect(
      fields(
        'correction, only 2 of the L40S are free for this, the other 2 serve our OCR. also ~30% of labels are noisy, does that change anything?',
      ).taskType,
    ).toBeUndefined();
    expect(
      fields('what?? no images involved. the OCR is a different system. the task is still classifying email TEXT')
        .taskType,
    ).toBe('classify');
    // The team's own OCR is still an image task.
    expect(fields('we do OCR on scanned invoices').taskType).toBe('image-understand');
  });

  it('reads "it has to be a small open model" as a requirement, not as the named model’s access', () => {
    const read = fields('yes obviously, gpt-4.1 cant run on a phone lol. it has to be a small open model');
    expect(read.modelAccess).toBeUndefined();
  });

  it('takes the phone as the deployment when the API is only the prototype', () => {
    expect(
      fields(
        "we make a notes app (android+ios). want an offline 'summarize my note' feature running fully on the phone. prototype uses gpt-4.1 thru the api and users love the summaries.",
      ).deployment,
    ).toBe('mobile');
    // A device wished for later leaves today's API as the deployment.
    expect(fields("we'd love to run it on-device someday but for now it's all cloud api").deployment).toBe('cloud-api');
  });
});

describe('the conversations, replayed', () => {
  it('bills the conversation turns at the stated prompt size', async () => {
    const turns = await converse([
      'We run a customer support bot on Claude Sonnet, German and English, over our help center docs',
      'around 8k conversations a day, avg 4 turns',
      "each request has about 4000 input tokens. what's the monthly bill then?",
    ]);
    const last = turns.at(-1);
    expect(last?.state.profile).toMatchObject({ requestsPerDay: 32_000, inputTokensPerRequest: 4000 });
    // 32,000 a day × 30 × (4,000 × $3 + 300 × $15) / 1M = $15,840.
    expect(last?.reply).toContain('$15,840 a month');
    expect(last?.reply).toContain('at your 4,000 input tokens a request and an assumed 300 output tokens');
  });

  it('answers a licence question from the catalog and keeps the model', async () => {
    const turns = await converse([
      'We run Qwen2.5 14B Instruct on 2 A100s for contract clause review, 15k preference pairs',
      'llama 3.1 8b license - ok for commercial internal use? legal will ask',
      'what about gpt-4o, can we use it commercially?',
    ]);
    expect(turns[1]?.state.profile.modelName).toBe('Qwen2.5 14B');
    expect(turns[1]?.reply).toMatch(/^Llama 3\.1 8B is released under the Llama 3\.1 Community License \[1\]/);
    expect(turns[1]?.reply).toContain('legal team');
    expect(turns[2]?.reply).toMatch(/^GPT-4o has no weights to license/);
    expect(turns[2]?.state.profile.modelName).toBe('Qwen2.5 14B');
  });

  it('says a provider bills a tuned deployment by the hour, and reads few-shot prompting described in words', async () => {
    const turns = await converse([
      '2 person startup here, we generate etsy product listings w/ gpt-4o-mini. output is fine but doesnt sound like our brand voice. we have ~300 listings we wrote ourselves. can we fine tune 4o mini on openai? budget is tiny, maybe $150 total',
      'i said, ~300',
      "sure if its cheaper. we've never fine tuned anything btw, we're not ML people",
      'like 200 listings a day max. just recommend',
      'how much would that cost? training + running it',
      'hmm. why not just stuff like 10 of our best listings in the prompt as examples? cheaper no?',
      'does azure charge something monthly for hosting a fine tuned model? someone on reddit said its like $1k+/month just to keep it deployed',
    ]);
    const [, , , plan, cost, whyNot, hosting] = turns;
    // GPT-4o mini shuts down on 2027-01-14 and the team may switch ("sure if its cheaper"): a provider's job on a
    // live model of the same price tier.
    expect(plan?.recommendation?.destination).toMatchObject({
      method: 'managed-fine-tuning',
      channel: 'managed',
      model: { name: 'Gemini 2.5 Flash-Lite', switched: true },
    });
    expect(cost?.reply).toMatch(
      /^Running it on Gemini 2\.5 Flash-Lite: about \$\d+ a month of API calls at your volume/,
    );
    expect(cost?.reply).toContain('The tuning job itself is billed by Google Vertex AI');
    expect(cost?.reply).not.toMatch(/GPU time/);
    expect(whyNot?.reply).toContain('In-context (few-shot) learning is possible');
    expect(hosting?.reply).toMatch(
      /^Yes: Azure OpenAI \/ Microsoft Foundry bills a deployed fine-tuned model by the hour/,
    );
    expect(hosting?.reply).toContain('[1]');
  });

  it('reads the total beside per-tenant counts, and answers fit questions on part of the GPUs with the lighter sibling', async () => {
    const turns = await converse([
      "We're a B2B SaaS (customer-comms platform). Self-host Llama 3.1 70B Instruct on 16x H100 (vLLM). ~400 tenants, each wants replies in their own tone/terminology. Prompt w/ tenant style guide works OK-ish but inconsistent. Most tenants have 150-400 approved replies we could train on.",
      'as i said 150-400 per tenant, so ~100k total across all of them',
      'will the 70b lora training fit on just 2 of the h100s? the rest are serving prod traffic',
      "we're not renting amd stuff lol. what about qlora then, on 1-2 h100?",
    ]);
    const [, total, fit, qlora] = turns;
    expect(total?.state.profile.labeledExamples).toBe(100_000);
    expect(fit?.reply).toMatch(
      /^No: LoRA needs about \d+ GB and you have 160 GB\. QLoRA fits them instead: it needs about/,
    );
    expect(fit?.reply).not.toContain('Renting');
    expect(qlora?.reply).toMatch(/^Yes: QLoRA needs about \d+ GB and you have 80 GB/);
  });
});
