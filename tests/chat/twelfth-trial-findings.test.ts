/**
 * Found by the twelfth new-user trial (six personas, 82 turns over both chat APIs): questions, worries and what-ifs
 * were saved as the team's facts ("would Claude via AWS Frankfurt be better?" made an open model API-only, "what would
 * serving the 7B cost?" made GPT-4o a 7B model, "14GB per GPU sounds way too low?" set the GPU memory), a bill worked
 * out on a misread model was labelled as the team's own, and plainly stated facts were missed.
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
const read = (text: string) => extractProfile(text, { knowledge, today: '2026-12-04' });
const fields = (text: string) => read(text).fields;

describe('questions and worries state no facts', () => {
  it.each([
    [
      'our IT partner says we could use Claude via AWS Frankfurt instead, data stays in the EU. would that be better than fiddling with our own GPU?',
    ],
    ['Honestly I worry a 1B model will be dumb.'],
    ['hmm 14GB per GPU for full DPO sounds way too low?'],
    ['why llama 3.1 8b rather than the qwen 7b I asked about?'],
    ['wouldnt a multilingual encoder like XLM-R be cheaper'],
    ['forget the 7B thing'],
  ])('%s', (text) => {
    expect(fields(text)).toEqual({});
  });

  it('"$321?? … where does 321 come from? I didn\'t say gpt-4o is 7B, the 7B is the student" keeps only the bill', () => {
    expect(
      fields(
        "$321?? we pay 45 THOUSAND a month. where does 321 come from? and I didn't say gpt-4o is 7B, the 7B is the student",
      ),
    ).toEqual({ currentMonthlySpendUSD: 45000 });
  });

  it('a cost asked on other models, or on "the 7B", is a what-if on them', () => {
    const onOthers = read('what would the same traffic cost on Claude Haiku or gpt-4o-mini instead of self hosting?');
    expect(onOthers.intents.whatIf).toBe(true);
    expect(onOthers.fields).toEqual({});
    expect(onOthers.hypothetical?.modelName).toBe('GPT-4o mini');
    const onTheSize = read('ok. what would serving the 7B cost us per month vs the 45k we pay now?');
    expect(onTheSize.fields.modelParamsB).toBeUndefined();
    expect(onTheSize.hypothetical?.modelParamsB).toBe(7);
  });

  it('a vendor’s shutdown date is not the team’s deadline', () => {
    expect(fields('gpt-4o shuts down in 6 weeks anyway').timelineWeeks).toBeUndefined();
    expect(fields('we need it live in 6 weeks').timelineWeeks).toBe(6);
  });
});

describe('facts said plainly are read', () => {
  it('what was tried, the labelled records and the task of a law firm', () => {
    expect(
      fields('we tried llama 3.1 8b with a long prompt containing the playbook and it misses half the deviations')
        .tried,
    ).toEqual([{ method: 'prompt-engineering', result: 'plateaued' }]);
    expect(fields('we have about 900 contracts where associates marked up the deviating clauses').labeledExamples).toBe(
      900,
    );
    expect(fields('900 marked-up contracts, roughly 7000 flagged clauses in total').labeledExamples).toBe(7000);
    expect(
      fields(
        'We want an LLM that reviews German commercial contracts and flags clauses that deviate from our playbook.',
      ).task,
    ).toMatch(/^reviews German commercial contracts/);
  });

  it('GPU memory said of "our GPUs", and distilling into a small open model allows another model', () => {
    expect(fields('no!! our GPUs have 40GB each. the 14 was YOUR number')).toEqual({ gpuMemoryGB: 40 });
    expect(fields('Thinking of distilling into a small open model we host ourselves. Sane?').canSwitchModel).toBe(true);
  });
});

describe('the bill before and after a distillation', () => {
  it('is the team’s own figure before, and one rented copy of the student after, with the throughput caveat', async () => {
    const [, asked] = await converse([
      'We run GPT-4o, 400k requests a day, we pay 45k a month. We want to distil into a small open model we host on rented GPUs; 2M logged pairs. Just recommend.',
      "ok so now what's the monthly bill before vs after?",
    ]);
    expect(asked?.kind).toBe('info');
    expect(asked?.reply).toMatch(/^Today: GPT-4o calls cost \$45,000 a month \(your figure\); after, one copy of /);
    expect(asked?.reply).toMatch(
      /about \$[\d,]+ a month of rented GPU time \(sized for memory; 400,000 requests a day/,
    );
  });
});

describe('memory answers agree with the engine', () => {
  const FIRM =
    'We are a law firm; contracts must not leave our premises. One workstation with an RTX 4090. We use Llama 3.1 8B; prompting plateaued at 50% recall; 7000 labeled clause examples. Just recommend.';

  it('"what about 70B? would QLoRA fit on the 4090?" answers for the 70B, then for the model the plan moves to', async () => {
    const [first, asked] = await converse([FIRM, 'what about 70B instead? would QLoRA fit on the 4090?']);
    expect(first?.state.profile.labeledExamples).toBe(7000);
    expect(asked?.reply).toMatch(/On Llama 3\.1 70B: No: QLoRA needs about \d{2} GB and you have 24 GB\./);
    expect(asked?.reply).toMatch(/On Llama 3\.1 8B, where the plan moves: Yes: QLoRA needs about \d+ GB/);
  });

  it('full-parameter DPO is sized as full fine-tuning plus a frozen reference copy, not as LoRA-DPO', async () => {
    const [, full, lora] = await converse([
      'University lab: our own continued-pretrained Llama 3.1 8B base checkpoint, 12k preference pairs from clinicians, 2 A100 40GB. Just recommend.',
      'will full-parameter DPO on the 8b fit on our 2 A100 40GB, or do we have to do it with LoRA?',
      'will DPO fit?',
    ]);
    expect(full?.reply).toMatch(
      /^No: preference tuning of every weight \(full-parameter DPO\) needs what full fine-tuning/,
    );
    expect(full?.reply).toMatch(/With LoRA it needs about \d+ GB on each GPU/);
    expect(lora?.reply).toMatch(/^Yes: Preference tuning needs about \d+ GB on each GPU/);
  });

  it('a precision in a pushback is not the count the advisor asked for', () => {
    const answer = extractProfile("really? 70B in 10GB?? that can't be right, 70B at 4 bit alone is ~35GB", {
      knowledge,
      today: '2026-12-04',
      requestedField: 'labeledExamples',
    });
    expect(answer.fields.labeledExamples).toBeUndefined();
  });
});

describe('a model its vendor shuts down', () => {
  it('says when the vendor’s live models cost several times as much, names cheaper ones, and what tuning carries over', async () => {
    // (Whether the team may switch is not said: with switching allowed, the plan itself moves off the retiring model.)
    const [, asked] = await converse([
      'We extract product attributes to strict JSON with GPT-4o mini, 3M requests a day. 12,000 labelled examples. Just recommend.',
      'which model would you pick?',
    ]);
    expect(asked?.reply).toMatch(/they cost about \d+× as much per request as GPT-4o mini/);
    expect(asked?.reply).toMatch(/Live models of other vendors priced like it: Gemini 2\.5 Flash-Lite/);
    expect(asked?.reply).not.toMatch(/Managed fine-tuning carries over/);
  });
});

describe('corrections and plain facts of the agency and the studio', () => {
  it.each([
    ['around 25.000 labelled letters from the old manual process', { labeledExamples: 25000 }],
    ['we receive ~6000 letters/emails a day from applicants', { requestsPerDay: 6000 }],
    ['correction: only 2 of the 4 L40S are ours, the other two serve the asylum register app', { gpuCount: 2 }],
    ['our writers have ~8000 dialogue lines w/ character sheets', { labeledExamples: 8000 }],
    ['first words should show within ~500ms, then stream.', { latencyTargetMs: 500 }],
    ['to be clear the 8000 lines are example exchanges (player line -> npc reply)', { labeledExamples: 8000 }],
    ['on switch 2 we only get 1GB for the model, not 1.5. does qwen 1.5b still fit?', { deviceMemoryGB: 1 }],
    ['device memory is 1 GB', { deviceMemoryGB: 1 }],
  ])('%s', (text, expected) => {
    expect(fields(text)).toMatchObject(expected);
  });
});

describe('the lab and the shop', () => {
  it('GPU memory in brackets after the name picks the variant; spare GPUs in the data centre are no deployment', () => {
    expect(fields('we have 2 A100s on the department cluster (40gb ones i think)')).toMatchObject({
      gpuCount: 2,
      gpuName: 'NVIDIA A100 40GB',
    });
    expect(fields('we actually have 4 A100 80GB sitting mostly idle in our own DC').deployment).toBeUndefined();
    expect(fields('everything runs in our own DC').deployment).toBe('on-prem');
  });

  it('"I\'m asking whether full-parameter DPO (not LoRA) fits" asks the fit of every weight', () => {
    const intents = read(
      "no!! our GPUs have 40GB each. the 14 was YOUR number. I'm asking whether full-parameter DPO (not LoRA) fits",
    ).intents;
    expect(intents.asksFit).toBe('preference-tuning');
    expect(intents.fullParameter).toBe(true);
  });
});

describe('a region asked about', () => {
  it('data that must stay on the premises rules out a provider’s EU region, and the reply says so', async () => {
    const [, asked] = await converse([
      'We are a law firm; contracts must not leave our premises. One workstation with an RTX 4090. We use Llama 3.1 8B; prompting plateaued at 50% recall; 7000 labeled clause examples. Just recommend.',
      'can we just use Claude in Frankfurt so the data stays in the EU?',
    ]);
    expect(asked?.reply).toMatch(/^You said your data must stay on your premises: a provider's region in the EU/);
    expect(asked?.reply).toMatch(/Claude there is out while that rule holds/);
    expect(asked?.reply).toMatch(/The plan stays LoRA on Llama 3\.1 8B on your own hardware\./);
  });

  it('"Claude on Bedrock in Frankfurt instead?" is an EU region question about Claude, not Llama made API-only', async () => {
    const [, asked] = await converse([
      'We review NDAs with Llama 3.1 8B on rented GPUs; clients want data in the EU. 2000 labeled examples. Just recommend.',
      'could we just use Claude on Bedrock in Frankfurt instead?',
    ]);
    expect(asked?.reply).toMatch(/^Keeping data in the EU is about where it is processed/);
    expect(asked?.reply).toMatch(/you can use Claude and your prompt/);
    expect(asked?.reply).toMatch(/Claude cannot take LoRA/);
    expect(asked?.state.profile.modelAccess).toBeUndefined();
  });
});

describe('RAG or tuning for the team’s facts', () => {
  it('"RAG over the lore? or bake it in with the fine tune?" answers both, each for its part', async () => {
    const [, split, plain] = await converse([
      'Indie game studio. NPCs must chat in character, on device: phones and Switch 2, the model gets about 1.5GB. 8000 dialogue lines written by our writers. 2 RTX 4090s. Just recommend.',
      'we also have a lore bible, like 300 pages. should the NPC model do RAG over it on device? or bake it in with the fine tune?',
      'LoRA or RAG?',
    ]);
    expect(split?.reply).toMatch(/Both, for different things: the facts \(your documents\) go in by retrieval/);
    expect(split?.reply).toMatch(/LoRA trains the behaviour/);
    expect(split?.reply).toMatch(/Gekhman et al\., 2024/);
    expect(plain?.reply).toMatch(/^LoRA, not Retrieval-augmented generation\./);
  });
});

describe('what changed, said without contradicting the plan', () => {
  it('a plan that moves off the named model says where it aims and what stopped being viable on the named one', async () => {
    const [, changed] = await converse([
      'We are a law firm; contracts must not leave our premises. One workstation with an RTX 4090. We use Llama 3.1 8B; prompting plateaued at 50% recall; 7000 labeled clause examples. Just recommend.',
      'correction: the model is Llama 3.3 70B, not the 8B',
    ]);
    expect(changed?.reply).toMatch(/Still aiming for LoRA on Llama 3\.1 8B\./);
    expect(changed?.reply).toMatch(/No longer viable on the model you named: LoRA/);
    expect(changed?.reply).not.toMatch(/LoRA still comes first/);
  });
});

describe('serving a daily volume', () => {
  it('"can the 2 L40S also serve 6000 letters a day?" sizes the plan’s model and turns the volume into a rate', async () => {
    const [, asked] = await converse([
      'Federal agency, air-gapped servers, 9 languages, classify letters into 40 categories, 25,000 labelled letters, 2 L40S, 6000 letters a day. Just recommend.',
      'can the 2 L40S also serve 6000 letters a day after training? letters are long, sometimes 3-4 pages',
    ]);
    expect(asked?.kind).toBe('info');
    // (Fits with GPUs to spare: one copy's share of them, not the memory of all of them.)
    expect(asked?.reply).toMatch(/^Yes: one copy of .+ in 16-bit, with its KV cache, runs on one of your 2 GPUs/);
    expect(asked?.reply).toMatch(/6,000 a day is about 4 a minute \(0\.07 a second\) on average/);
    expect(asked?.reply).toMatch(/I don't estimate throughput: load-test one copy/);
  });
});

describe('an order of two methods, asked', () => {
  it('"can we do SFT on the chosen responses and then DPO?" answers the order', async () => {
    const [, asked] = await converse([
      'University lab: our own continued-pretrained Llama 3.1 8B base checkpoint, 12k preference pairs from clinicians, no SFT demos, 2 A100 40GB. Just recommend.',
      'can we do SFT on the chosen responses and then DPO?',
    ]);
    expect(asked?.reply).toMatch(
      /^Both, in this order: Instruction tuning on your examples first, then preference tuning \(DPO\)/,
    );
  });
});

describe('"why not LoRA on an open model we host?" about an API model', () => {
  it('says LoRA on an open model is the plan when the team may switch off an API model that retires', async () => {
    const [, asked] = await converse([
      'We extract product attributes to strict JSON with GPT-4o mini, 3M requests a day. We can switch models. 12,000 labelled examples. Just recommend.',
      'why not LoRA on an open model we host?',
    ]);
    expect(asked?.reply).toMatch(/^\*\*LoRA is my pick on Llama 3\.1 8B\.\*\*/);
    expect(asked?.reply).toMatch(/The named model retires within months and a tuned copy retires with it/);
  });

  it('says LoRA is ruled out on the API model when switching is not open', async () => {
    const [, asked] = await converse([
      'We extract product attributes to strict JSON with GPT-4o mini, 3M requests a day. 12,000 labelled examples. Just recommend.',
      'why not LoRA on an open model we host?',
    ]);
    expect(asked?.reply).toMatch(/\*\*LoRA is ruled out here\.\*\*/);
  });
});
