/**
 * Found by the tenth new-user trial (six personas, about 80 turns over both chat APIs): questions about another model
 * ("what about QLoRA on the 8B instead?", "like swap to 4o-mini", "would QLoRA of the 70B fit?") were saved as facts;
 * examples the team said were 9,000 tokens long were "fitted" by cutting them to 512; today's bill was read as a
 * budget; "how do we guarantee valid JSON?", "is 150 examples enough?" and a regulator's question went unanswered.
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
const fields = (text: string) => extractProfile(text, { knowledge, today: '2026-12-04' }).fields;

const HOSPITAL =
  'We want Llama 3.3 70B to draft discharge summaries from the notes of a stay; another model is fine. Patient data must stay on our premises. We have one RTX 3090 and 1,200 notes with the summary the doctor wrote, about 9000 tokens each; style like our doctors write. Just recommend.';

describe('long examples on a small GPU', () => {
  it('keeps the whole example: the 8B trains on the 3090 at 9,000 tokens, no cut to 512 and no rental', async () => {
    const [answer, cost] = await converse([HOSPITAL, 'how long would training take on the 3090?']);
    expect(answer?.recommendation?.destination.model.name).toBe('Llama 3.1 8B');
    expect(['lora', 'qlora']).toContain(answer?.recommendation?.destination.method);
    expect(cost?.reply).not.toMatch(/512 tokens|rented/);
  });

  it('"what about QLoRA on the 8B instead, would that fit?" answers on the plan and saves no size', async () => {
    const [, asked] = await converse([
      HOSPITAL,
      'truncating makes no sense. what about QLoRA on the 8B instead, would that fit at 9000 tokens?',
    ]);
    expect(asked?.reply).toMatch(
      /^(?:Yes|Only if you use a fused, chunked cross-entropy loss)[^.]*QLoRA needs about \d+ GB/,
    );
    expect(asked?.state.profile.modelParamsB).toBeUndefined();
    expect(asked?.state.profile.modelName).toBe('Llama 3.3 70B Instruct');
  });
});

describe('another model asked about is not the team’s model', () => {
  it('"ok but would QLoRA training of the 70B fit on the 2 L40S?" is a what-if', () => {
    const read = extractProfile('ok but would QLoRA training of the 70B fit on the 2 L40S?', {
      knowledge,
      today: '2026-12-04',
    });
    expect(read.fields).toEqual({});
    expect(read.hypothetical).toMatchObject({ modelParamsB: 70 });
  });

  it('"can I just do it with a prompt? like swap to 4o-mini…" and "4o-mini was just an idea" keep GPT-4o', () => {
    expect(
      fields(
        'can I just do it with a prompt? like swap to 4o-mini with the same prompt and skip the distillation thing',
      ).modelName,
    ).toBeUndefined();
    expect(fields('no no, we are still on GPT-4o today. 4o-mini was just an idea.').modelName).toBe('GPT-4o');
  });
});

describe('what the team pays today is no budget', () => {
  it.each([
    ['~400k requests per day. paying about 38k USD/month to openai.', { currentMonthlySpendUSD: 38_000 }],
    [
      'we actually pay 38k/month today. the 38k wasnt a budget, its our current bill. we want to get under 10k',
      { currentMonthlySpendUSD: 38_000, monthlyBudgetUSD: 10_000 },
    ],
  ])('%s', (text, expected) => {
    const read = fields(text);
    expect(read).toMatchObject(expected);
    if (!('monthlyBudgetUSD' in expected)) expect(read.monthlyBudgetUSD).toBeUndefined();
  });

  it('"so what would the bill be after?" is a cost question', async () => {
    const [, after] = await converse([
      'GPT-4o classifies 400k emails a day into 20 intents, we pay about 38k a month, any model is fine if quality holds, 5k rated examples, no GPUs. Just recommend.',
      'so what would the bill be after?',
    ]);
    expect(after?.reply).toMatch(/a month/);
    expect(after?.reply).not.toMatch(/can't answer/);
  });
});

const BANK =
  'Bank, on-prem only, 2x L40S. We extract fields from complaint emails into strict JSON matching our schema with Llama 3.1 8B Instruct; 150 labelled emails; 3k emails a day. Just recommend.';

describe('questions the bank asked', () => {
  it('"how do we guarantee valid JSON matching the schema?" is answered with constrained decoding, sourced', async () => {
    const [, answer] = await converse([
      BANK,
      'how do we guarantee the output is always valid JSON matching the schema? will LoRA alone fix that?',
    ]);
    expect(answer?.reply).toMatch(/Constrain the decoding/);
    expect(answer?.reply).toMatch(/LoRA alone does not guarantee it/);
    expect(answer?.reply).toMatch(/Efficient Guided Generation/);
  });

  it('"is 150 examples really enough to fine tune?" weighs the count and says what to hold out', async () => {
    const [, answer] = await converse([BANK, 'is 150 examples really enough to fine tune? thats like 10 per category']);
    expect(answer?.reply).toMatch(/^150 examples is enough to start a supervised tune/);
    expect(answer?.reply).toMatch(/Hold out about 30/);
  });

  it('a regulator in the safety question says the stakes; thanks with a compliment is small talk', async () => {
    const [, safety, thanks] = await converse([
      BANK,
      'our regulator will ask how we control errors. is this safe enough to run without a human checking each email?',
      'ok thanks, very helpful',
    ]);
    expect(safety?.reply).toMatch(/^No method makes a model safe for this by itself/);
    expect(thanks?.reply).toMatch(/^Glad to help/);
  });

  it('"nothing really, a quick test with … and a prompt" is not "nothing tried"', () => {
    expect(
      extractProfile('nothing really, a quick test with Llama 3.1 8B instruct and a prompt, JSON broke 1 in 10 times', {
        knowledge,
        today: '2026-12-04',
        requestedField: 'tried',
      }).fields.tried,
    ).toBeUndefined();
  });
});

describe('data that may not leave the EU', () => {
  const LEGAL =
    'We review contracts and suggest redlines in our house style; we call Claude 3.5 Sonnet through the API with a long prompt. Some clients say their contracts may not leave the EU. What should we do?';

  it('is noted on the first turn, and the residency assumption holds only for processing in the EU', async () => {
    const { mkdtemp } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { createChatService } = await import('../../src/chat/chat-service.ts');
    const { createFileSessionStore } = await import('../../src/store/session-store.ts');
    const store = createFileSessionStore({ dataDir: await mkdtemp(join(tmpdir(), 'region-')), syncToDisk: false });
    await store.init();
    const service = createChatService({ store, knowledge });
    const credentials = await service.openSession();
    const first = await service.runTurn({ credentials, text: `${LEGAL} Just recommend.` });
    expect(first.turn.reply).toMatch(/Data kept in the EU: I can't check regions/);
    expect(first.turn.reply).toMatch(/Your data may be sent to the Claude Sonnet API, processed in the EU/);
    await store.stop();
  });

  it('"can we just use Claude in Frankfurt so the data stays in the EU?" is answered, not "I can\'t answer"', async () => {
    const [, asked] = await converse([
      LEGAL,
      'a colleague says we could just use Claude on AWS Bedrock in eu-central-1 (Frankfurt) and the data stays in the EU. is that true?',
    ]);
    expect(asked?.reply).toMatch(/^Keeping data in the EU is about where it is processed, not about the method\./);
    expect(asked?.reply).toMatch(/you can keep Claude Sonnet and your prompt/);
    expect(asked?.reply).not.toMatch(/can't answer that one/);
  });
});

describe('serving a model bigger than the GPUs the team has', () => {
  it('says how many GPUs like theirs serving takes, not that it is served on GPUs they do not have', async () => {
    const [answer] = await converse([
      'We want Llama 3.3 70B to draft discharge summaries; we have one RTX 3090. Just recommend.',
    ]);
    const serving = answer?.recommendation?.assumptions.find((item) => item.field === 'estimates.servingGpus');
    expect(serving?.why).toMatch(
      /^Serving it with 16-bit weights takes \d+ GPUs like your NVIDIA GeForce RTX 3090 \(about \d+ GB\); you have 1\./,
    );
  });
});

describe('the research lab and the game studio', () => {
  it('tokens the model was pretrained on are no corpus, and a model the team pretrained is open weights', () => {
    expect(
      fields(
        "We pretrained our own 7B base model (Llama-style architecture, not instruction tuned, it's a pure base checkpoint) on 1.2T tokens of scientific text.",
      ),
    ).toEqual({ modelAccess: 'open-weights', mlExpertise: 'expert', modelParamsB: 7, modelStage: 'base' });
    expect(fields('note the 1.2T tokens is what we already pretrained on, thats done')).toEqual({});
    expect(
      fields('we have no document collection for retrieval. forget the 1.2T tokens, that was pretraining data'),
    ).toEqual({ unlabeledCorpus: 'none' });
  });

  it('a base model bound for instruction tuning starts with the supervised stage, held out from its own examples', async () => {
    const [answer] = await converse([
      'We pretrained our own 7B base model. 8x H100 80GB. 200k preference pairs from experts; the chosen answers can serve as SFT targets, so 200k examples. Goal: a helpful scientific chat assistant. The model may not change. Just recommend.',
    ]);
    expect(answer?.recommendation?.firstStep.methods).toEqual(['instruction-tuning']);
    expect(answer?.recommendation?.firstStep.why).toMatch(/held out from your own examples/);
  });

  it('2 million words of lore are a large corpus the answers must keep to, never a $2,000,000 budget', () => {
    const read = extractProfile(
      'ok and what about the lore, its about 2 million words (world history, factions, characters). NPCs need to know it and not contradict it.',
      { knowledge, today: '2026-12-04', requestedField: 'oneTimeBudgetUSD' },
    ).fields;
    expect(read).toMatchObject({ unlabeledCorpus: 'large', goals: ['knowledge'] });
    expect(read.oneTimeBudgetUSD).toBeUndefined();
    expect(fields('our training budget is $0')).toEqual({ oneTimeBudgetUSD: 0 });
    expect(fields('a small LLM running locally on the players device, the mobile port too').deployment).toBe('edge');
  });
});
