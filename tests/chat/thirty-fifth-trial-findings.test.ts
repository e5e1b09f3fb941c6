/**
 * Found by the thirty-fifth new-user trial (ca7f640) and extraction batch x41: a model that only labelled the data,
 * was only tested or is denied became the team's model; "no. … yes you can propose any model" read as a no; few-shot
 * counts became the training set; "not on the players' PCs" became an on-device goal and "latency doesn't matter" was
 * asked again; the quantize answer and the fit answer disagreed on the device; a French message was asked about again;
 * the team's own GPUs were answered as a "what if"; and "still X" was said of an answer the user never saw.
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
const read = (text: string) => extractProfile(text, { knowledge, today: '2026-12-06' }).fields;
const talk = (messages: string[]) => converse(messages, knowledge);

describe('models in other roles than the team’s', () => {
  it.each([
    ['GPT-4o is NOT our model, it was only the teacher that labeled our data', 'GPT-4o'],
    ['we have 1,500 hand-labeled commands, plus ~20k more that GPT-4o labeled for us', 'GPT-4o'],
    ['we also have the 20,000 GPT-4o-labeled examples', 'GPT-4o'],
    ['Claude Sonnet labeled our 30k emails by intent overnight', 'Claude Sonnet (3.5, 3.7, 4 and later)'],
  ])('reads %j as the teacher, not the model', (text, teacher) => {
    const fields = read(text);
    expect(fields.teacherModel).toBe(teacher);
    expect(fields.modelName).toBeUndefined();
  });

  it('keeps the team’s model beside a teacher that wrote its data or is distilled from', () => {
    expect(
      read('we run llama 3.1 8b instruct on 2 A100s. gpt-4o wrote the ~12k training answers for us.'),
    ).toMatchObject({ modelName: 'Llama 3.1 8B', teacherModel: 'GPT-4o', labeledExamples: 12000 });
    expect(read('our model is Gemma 2 9B. plan is to distill from Llama 3.1 70B outputs')).toMatchObject({
      modelName: 'Gemma 2 9B',
      teacherModel: 'Llama 3.1 70B',
    });
  });

  it('drops a model denied after an earlier message made it the team’s', async () => {
    const turns = await talk([
      'We want an offline intent classifier on a panel with 1.5GB free. We use GPT-4o.',
      'GPT-4o is not the device model, it was only the teacher. we have no model yet',
    ]);
    expect(turns[1]?.state.profile.modelName).toBeUndefined();
    expect(turns[1]?.state.profile.teacherModel).toBe('GPT-4o');
  });

  it('keeps the planned model when a result was measured on another one, and notes where', async () => {
    const turns = await talk([
      'We extract diagnoses and dosages from medical reports into JSON. 8,000 annotated reports, Llama 3.1 70B, 4x A100 40GB, data must stay on premises.',
      'we tried prompting Llama 3.1 8B with a schema and 3 examples: JSON is often invalid and it misses dosages about 30% of the time',
      'the 8B was just what we tested, we are going with the 70B',
    ]);
    const profile = turns[2]?.state.profile;
    expect(profile?.modelName).toBe('Llama 3.1 70B');
    expect(profile?.labeledExamples).toBe(8000);
    // (Since the twenty-ninth session "a schema and 3 examples" is read as few-shot prompting, which it is.)
    expect(profile?.tried).toHaveLength(1);
    expect(profile?.tried?.[0]).toMatchObject({ result: 'plateaued', note: 'measured on Llama 3.1 8B' });
    expect(['prompt-engineering', 'in-context-learning']).toContain(profile?.tried?.[0]?.method);
  });
});

describe('answers with a no and a yes in them', () => {
  it('reads "yes you can propose any model" after a leading "no." about something else', () => {
    const fields = extractProfile(
      'no. GPT-4o is only the teacher. yes you can propose any model, it has to be small and open.',
      {
        knowledge,
        requestedField: 'canSwitchModel',
      },
    ).fields;
    expect(fields.canSwitchModel).toBe(true);
    expect(fields.teacherModel).toBe('GPT-4o');
  });

  it('takes no budget from the digits of a model’s name', () => {
    const fields = extractProfile('why not Qwen2.5 0.5B or Llama 3.2 1B as the student?', {
      knowledge,
      requestedField: 'oneTimeBudgetUSD',
    }).fields;
    expect(fields.oneTimeBudgetUSD).toBeUndefined();
  });
});

describe('what was tried, with the examples of a prompt', () => {
  it.each([
    'we tried prompting with 10 example lines',
    'prompting with 10 examples pasted in',
    'we tried prompting Llama 3.1 8B with a schema and 3 examples: JSON is often invalid',
  ])('reads no training set from %j', (text) => {
    expect(read(text).labeledExamples).toBeUndefined();
  });

  it.each([
    ['we tried just prompting qwen2.5 14b with 10 example lines, the portuguese is ok but it sounds like a textbook'],
    [
      'we tried a long system prompt with some example replies pasted in. tone got better but it still invents delivery dates',
    ],
  ])('reads %j as a prompt that plateaued', (text) => {
    expect(read(text).tried).toEqual([{ method: 'prompt-engineering', result: 'plateaued' }]);
  });
});

describe('no device, and no latency target', () => {
  it('reads an offline batch on the team’s workstation as on premises, with no device goal, and asks no latency', async () => {
    const turns = await talk([
      'indie studio: an LLM writes NPC dialogue in Brazilian Portuguese slang. 2x RTX 3090, Qwen2.5 14B, 3k example dialogue lines',
      'not on the players PCs, we pre-generate the dialogue offline on our workstation and ship it as text files. so latency doesnt matter at all',
      'just recommend',
    ]);
    const profile = turns[1]?.state.profile;
    expect(profile?.deployment).toBe('on-prem');
    expect(profile?.goals ?? []).not.toContain('on-device');
    expect(turns[1]?.state.skippedFields).toContain('latencyTargetMs');
    for (const turn of turns) expect(turn.reply).not.toMatch(/How fast must a response be/);
  });
});

describe('one device check for every answer', () => {
  it('says the same of Llama 3.2 1B on 1.5 GB when asked how to quantize it and whether it fits', async () => {
    const [quantize, fit] = await talk([
      'We run Llama 3.2 1B on an Android kitchen panel; our app can use 1.5 GB of memory. 1,500 labeled examples, one RTX 4090 for training. Task: classify text commands into 40 intents. How do we quantize it and run it on Android?',
      'will Llama 3.2 1B fit on the panel?',
    ]);
    expect(quantize?.reply).toMatch(/about [\d.]+ of the 1\.5 GB you gave: Llama 3\.2 1B fits/);
    expect(quantize?.reply).not.toMatch(/Instead: Qwen2\.5 1\.5B/);
    expect(fit?.reply).toMatch(/^On the device: yes, Llama 3\.2 1B/);
  });

  it('answers "which student model?" with a model the device holds, and no fit line about nothing', async () => {
    const turns = await talk([
      'Offline intent classifier for a kitchen panel, our app can use 1.5GB. GPT-4o labeled 20000 commands for us. We can switch models.',
      'Device model = none chosen yet, must be open weights and fit in 1.5GB. Which student model?',
    ]);
    expect(turns[1]?.reply).toMatch(/Llama 3\.2 1B at 4 bits/);
    expect(turns[1]?.reply).not.toMatch(/does not depend on your GPU memory/);
  });
});

describe('the conversation answers what it is asked', () => {
  it('says a French message is read in English only, instead of asking again', async () => {
    const [turn] = await talk([
      "Bonjour, nous sommes l'équipe data d'un CHU en France. Les données patients ne peuvent pas quitter l'hôpital. Nous avons 4 GPU A100 40GB sur site.",
    ]);
    expect(turn?.reply).toMatch(/I read English only, so from this French message/);
    expect(turn?.state.profile).toMatchObject({ gpuCount: 4, gpuName: 'NVIDIA A100 40GB' });
  });

  it('answers serving on the GPUs the team has as a fact, not a "what if"', async () => {
    const turns = await talk([
      'We extract diagnoses and dosages from medical reports into JSON. 8,000 annotated reports, Llama 3.1 70B, 4x A100 40GB, data must stay on premises. just recommend',
      'can we even serve the 70B on the 4 A100 40GB afterwards?',
    ]);
    expect(turns[1]?.reply).not.toMatch(/If you had|Nothing is saved/);
    expect(turns[1]?.reply).toMatch(/serving Llama 3\.1 70B in 16-bit/);
  });

  it('names the plan a smaller model would get when asked "why not the 8B with plain LoRA?"', async () => {
    const turns = await talk([
      'We extract diagnoses and dosages from medical reports into JSON. 8,000 annotated reports, Llama 3.1 70B, 4x A100 40GB, data must stay on premises. just recommend',
      'why not Llama 3.1 8B with plain LoRA instead of the 70B?',
    ]);
    expect(turns[1]?.reply).toMatch(/on it I would plan LoRA instead/);
  });

  it('says "still X" only of an answer the user was shown, and what changed since it (review18 L5)', async () => {
    const turns = await talk([
      'We run Llama 3.2 1B on an Android kitchen panel; our app can use 1.5 GB. 1,500 labeled examples, one RTX 4090. just recommend',
      'How long would training take? GPT-4o labeled 20000 more commands for us by the way.',
      'our timeline is 6 weeks',
    ]);
    // The side answer moved the advice unseen; the next answer names the change against the one shown.
    const shown = turns[0]?.recommendation.destination.method;
    const now = turns[2]?.recommendation.destination.method;
    expect(now).not.toBe(shown);
    expect(turns[2]?.reply).not.toMatch(/still /);
    expect(turns[2]?.reply).toMatch(/Updated recommendation: aim for .+ now \(before: /);
    expect(turns[2]?.state.shownDestination?.method).toBe(now);
  });
});

describe('the API team’s conversation (persona 1)', () => {
  it('reads a corpus answered in documents and pages, and request sizes said "tokens of prompt"', () => {
    const corpus = extractProfile('I told you, ~2000 help center articles. most are short, maybe 1 page each', {
      knowledge,
      requestedField: 'corpusTokens',
    }).fields;
    expect(corpus.corpusTokens).toBe(800_000);
    expect(read('our help center has ~2000 articles').unlabeledCorpus).toBe('large');
    expect(
      read(
        'each request will be about 8k tokens of prompt (6k system prompt + 2k retrieved articles) and ~400 tokens of answer',
      ),
    ).toMatchObject({ inputTokensPerRequest: 8000, outputTokensPerRequest: 400 });
  });

  it('reads no failed retrieval from a question about what happens when it misses', () => {
    expect(
      read(
        'ok. and with RAG how do we make sure it stops inventing delivery times when the retrieval misses the right article?',
      ).tried,
    ).toBeUndefined();
  });

  it('answers a bill that does not match the estimate, and retrieved examples for the voice', async () => {
    const turns = await talk([
      'we use claude sonnet through the API to draft replies to customer emails from our help center articles, 400 emails a day, currently paying anthropic roughly 900 dollars a month. just recommend',
      'each request will be about 8k tokens of prompt and ~400 tokens of answer. whats the monthly bill then?',
      'wait, we pay 900 now and you say that with a longer prompt? something is off',
      'since we cant tune claude, could we retrieve 3-4 similar past good emails per request and put them in as examples instead?',
    ]);
    expect(turns[2]?.reply).toMatch(/The gap is real: your \$900 a month is about \$0\.075 a request/);
    expect(turns[3]?.reply).toMatch(/^(?:Noted: [^\n]*\. )?Yes: that is dynamic few-shot/);
  });

  it('says Anthropic’s own tuning facts for "why not fine-tune Claude?"', async () => {
    const turns = await talk([
      'we use claude sonnet through the API to draft replies to customer emails. tone is all over the place. we have 3k great emails. just recommend',
      'why not fine-tune claude on our 3k best emails for the tone?',
    ]);
    expect(turns[1]?.reply).toMatch(/Anthropic's only Claude tuning was Claude 3 Haiku on Amazon Bedrock/);
    expect(turns[1]?.reply).not.toMatch(/the Gemini API has none/);
  });
});
