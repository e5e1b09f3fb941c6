/**
 * Found by the thirty-second new-user trial (88d7bc3): a correction of preference pairs became supervised examples,
 * a Kenyan-shilling budget with its rate was dropped, "2 engineers" answered the corpus size, models weighed in a
 * why-not question or taken back ("please forget …") became the team's model, and a what-if bill set a list-price
 * estimate beside the team's real bill with no word of the model's shutdown.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractProfile } from '../../src/chat/extract/index.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { converse } from '../helpers/converse.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});
const read = (text: string, requestedField?: string) =>
  extractProfile(text, { knowledge, today: '2026-12-05', requestedField: requestedField as never });

describe('what the trial said, read right', () => {
  it('a correction of the pairs corrects the preference pairs, not the labelled examples', async () => {
    const turns = await converse(
      [
        'We run Llama 3.1 8B Instruct on one rented L40S and want its replies to match our brand tone. We have 15,000 chosen/rejected pairs from our support team.',
        'Sorry, correction: we have 1,500 pairs, not 15,000.',
      ],
      knowledge,
    );
    expect(turns[1]?.state.profile).toMatchObject({ preferencePairs: 1500 });
    expect(turns[1]?.state.profile.labeledExamples).toBeUndefined();
  });

  it('a shilling budget is converted at the rate given, and asked about without one', () => {
    expect(read('Our budget is KSh 2 million, at about 129 KSh to the dollar.').fields.oneTimeBudgetUSD).toBe(15_504);
    const bare = read('budget KSh 2 million');
    expect(bare.fields.oneTimeBudgetUSD).toBeUndefined();
    expect(bare.unconvertedMoney).toEqual(['KSh 2 million']);
  });

  it('"2 engineers, neither has any ML experience" is the team, not a corpus size', () => {
    const { fields } = read('We have 2 engineers, neither has any ML experience.', 'corpusTokens');
    expect(fields.corpusTokens).toBeUndefined();
    expect(fields.mlExpertise).toBe('none');
  });

  it('models weighed in a why-not question, or taken back, are not the team’s', () => {
    expect(
      read(
        'Why not just prompt a small LLM like Llama 3.2 1B or Qwen2.5 1.5B on our CPU servers instead of training anything?',
      ).fields.modelName,
    ).toBeUndefined();
    const forget = read('Please forget Qwen2.5 1.5B: we have no model yet. Does that change anything?');
    expect(forget.fields.modelName).toBeUndefined();
    expect(forget.removedFields).toContain('modelName');
    expect(read('We use Llama 3.1 8B. Why not Qwen2.5 7B?').fields.modelName).toBe('Llama 3.1 8B');
  });
});

describe('a what-if bill on another API model', () => {
  it('sets list price beside list price, and says the asked model shuts down soon', async () => {
    const turns = await converse(
      [
        'We use Claude Sonnet through the API for a legal Q&A product, answers must cite statutes that change monthly, about 3,000 questions a day, we pay about $9,000 a month. We could switch models. Just recommend.',
        'What if we switched to GPT-4.1 mini, would it cut the bill?',
      ],
      knowledge,
    );
    const reply = turns[1]?.reply ?? '';
    expect(reply).toMatch(/At the same assumed request size, Claude Sonnet's list price comes to about \$675 a month/);
    expect(reply).toMatch(/Heads-up: OpenAI shuts GPT-4\.1 mini down on 2027-01-14/);
  });
});

describe('a teacher asked about as "still available"', () => {
  it('gets its shutdown date with the answer turned the right way round', async () => {
    const turns = await converse(
      [
        'We make NPC dialogue on a console with 4 GB for the model, 1,500 hand-written lines, GPT-4.1 as a possible teacher. Just recommend.',
        'Is GPT-4.1 still going to be available as a teacher? We start next month.',
      ],
      knowledge,
    );
    expect(turns[1]?.reply).toMatch(/^Not for long: OpenAI shuts GPT-4\.1 down on 2027-01-14/);
  });

  it('"is the dashboard still available?" names no model and asks no end of life', () => {
    expect(read('is the dashboard still available?').intents.asksRetirement).toBeUndefined();
  });
});

/** Left from the thirty-second trial, taken up in the seventeenth session. */
describe('the rest of the thirty-second trial', () => {
  it('"1,500 is the number of … preference pairs. We have zero separate SFT examples." reads both counts', () => {
    const { fields } = read(
      'No, sorry: 1,500 is the number of chosen/rejected preference pairs. We have zero separate SFT examples.',
    );
    expect(fields).toMatchObject({ preferencePairs: 1500, labeledExamples: 0 });
  });

  it('training scripts that may go to OpenAI say the data may leave (player data on the console notwithstanding)', () => {
    expect(
      read('Player data never leaves the console, but for training, our scripts can go to OpenAI.').fields
        .dataMustStayOnPrem,
    ).toBe(false);
  });

  const consoleGame = [
    'We make NPC dialogue on-device on a console with no network; the console gives the model 4 GB. We have 1,500 hand-written lines in our characters’ voices. We train on one RTX 4090. Just recommend.',
  ];

  it('"why not Llama 3.2 1B?" weighs that model against the plan’s, without making it the team’s model', async () => {
    const turns = await converse([...consoleGame, 'Why not Llama 3.2 1B?'], knowledge);
    const reply = turns[1]?.reply ?? '';
    expect(reply).toMatch(/^Llama 3\.2 1B would work too: LoRA on it is possible/);
    expect(reply).toMatch(/I picked Gemma 2 2B because it is the larger/);
    expect(turns[1]?.state.profile.modelName).toBeUndefined();
  });

  it('"which model would you pick, and why not Llama 3.2 1B?" answers both', async () => {
    const turns = await converse(
      [...consoleGame, 'Which model exactly would you pick, and why not a 1B model like Llama 3.2 1B?'],
      knowledge,
    );
    const reply = turns[1]?.reply ?? '';
    expect(reply).toMatch(/^Gemma 2 2B: it fits what you described/);
    expect(reply).toMatch(/Llama 3\.2 1B would work too/);
  });

  it('a larger model weighed for a device is answered with why the plan stays small', async () => {
    const turns = await converse([...consoleGame, 'Why not Llama 3.1 8B?'], knowledge);
    expect(turns[1]?.reply).toMatch(
      /^Llama 3\.1 8B does not suit this plan: even at 4 bits this model needs more memory than the device allows/,
    );
    expect(turns[1]?.reply).toMatch(/That is why the plan runs on Gemma 2 2B\.$/);
  });

  it('"what if we had 8 GB?" says what the memory would hold and why the plan stays on a small model', async () => {
    const turns = await converse([...consoleGame, 'What if we had 8 GB on the console instead of 4 GB?'], knowledge);
    const reply = turns[1]?.reply ?? '';
    expect(reply).toMatch(/LoRA on Gemma 2 2B would still come first\. 8 GB would hold a model up to/);
    expect(reply).toMatch(/on a device I keep to a model of about 3B or less/);
  });

  it('"how do we run it on the console?" gets the runtime steps, said for a device rather than a phone', async () => {
    const turns = await converse(
      [...consoleGame, 'How do we run it on the console? What software, what format?'],
      knowledge,
    );
    const reply = turns[1]?.reply ?? '';
    expect(reply).toMatch(/To get Gemma 2 2B onto the device: \(1\) after LoRA, merge the adapter/);
    expect(reply).toMatch(/so the device runs one ordinary model/);
    expect(reply).toMatch(/GGUF/);
  });

  it('on a console, the volume of requests is not asked', async () => {
    const turns = await converse(
      [
        'We want NPCs to generate dialogue on-device, on a console, with no network. The console gives us 4 GB of memory for the model. We have 1,500 hand-written lines.',
        'Latency: a line should start appearing within about 300 ms. We train on one RTX 4090.',
      ],
      knowledge,
    );
    expect(turns[1]?.recommendation?.questions.map((question) => question.field)).not.toContain('requestsPerDay');
  });
});

describe('what DPO changes that SFT would not', () => {
  const retailer =
    'We are an online retailer. Our customer-service assistant is Llama 3.1 8B Instruct on one rented L40S. Replies are correct but the tone is off. We have 15,000 chosen/rejected pairs about tone.';

  it('is answered with the difference, as a comparison, and the difference is not named unanswered', async () => {
    const turns = await converse(
      [
        retailer,
        "Should we do DPO or SFT? What's the difference for us in practice?",
        "In practice: what does DPO change that SFT on the chosen replies wouldn't?",
      ],
      knowledge,
    );
    for (const turn of turns.slice(1)) {
      expect(turn.reply).toMatch(/supervised tuning on the chosen replies teaches the model to imitate them/);
      expect(turn.reply).toMatch(/Rafailov et al\., 2023/);
      expect(turn.reply).not.toMatch(/I can't answer/);
    }
  });
});
