import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ruleExtract } from '../../src/chat/chat-service.ts';
import { initialDialogueState } from '../../src/chat/dialogue-state.ts';
import { runTurn } from '../../src/chat/run-turn.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { fieldLabel } from '../../src/profile/field-labels.ts';
import { fixtureKnowledge } from '../helpers/build-test-app.ts';
import { converse as converseWith } from '../helpers/converse.ts';

const knowledge = fixtureKnowledge();

const converse = (messages: string[]) => converseWith(messages, knowledge);

describe('runTurn replies', () => {
  it('says when a new fact changes the top method, and when it does not', async () => {
    const [first, changed, same] = await converse(['just recommend', 'our docs change weekly', 'we have 2 A100s']);
    expect(first?.kind).toBe('recommendation');
    expect(first?.reply).toMatch(/^My provisional answer:\n\n\*\*Aim for Method prompt-engineering/);
    expect(changed?.recommendation.recommendations[0]?.method).toBe('rag');
    expect(changed?.reply).toContain(
      'Updated recommendation: aim for Method rag now (before: Method prompt-engineering).',
    );
    // Nothing changed: one line, not the whole answer again.
    expect(same?.reply).toContain("That doesn't change my answer: still Method rag, with the same plan.");
    expect(same?.reply).not.toContain('**Aim for');
    expect((same?.reply ?? '').length).toBeLessThan(400);
  });

  it('names the methods whose feasibility flips, for facts and for "what if"', async () => {
    const turns = await converse(['just recommend', 'We use GPT-4o', 'what if we used Llama 3.1 8B?']);
    const [, apiOnly, whatIf] = turns;
    expect(apiOnly?.recommendation.recommendations.find((item) => item.method === 'lora')?.verdict).toBe('not-viable');
    expect(apiOnly?.reply).toContain('No longer viable: Method lora, Method qlora and Method full-fine-tuning.');
    expect(whatIf?.kind).toBe('what-if');
    expect(whatIf?.reply).toContain('Would become viable: Method lora, Method qlora and Method full-fine-tuning.');
    // Nothing is saved; only the model asked about is remembered, so "does the 8B fit?" next names it again.
    const { lastAskedModel, ...rest } = whatIf?.state ?? {};
    expect(rest).toEqual(apiOnly?.state);
    expect(lastAskedModel).toBe('Llama 3.1 8B');
  });

  it('lists unknown facts by their labels, never as raw JSON', async () => {
    const [answer] = await converse(['just recommend']);
    expect(answer?.provisional).toBe(true);
    // Fields already asked about are not repeated there, so the list may be empty; when present it uses labels.
    const stillUnknown = /\*\*Still unknown:\*\* ([^.]*)\./.exec(answer?.reply ?? '')?.[1];
    if (stillUnknown !== undefined) expect(stillUnknown).toMatch(/^[a-z]/);
    expect(answer?.reply).not.toMatch(/\b(?:mlExpertise|timelineWeeks|labeledExamples|knowledgeChanges)\b/);
    expect(answer?.reply).not.toContain('null');
    expect(answer?.reply).not.toMatch(/\w+\.\w+-\w+ =/);
  });

  it('names the defaults the costs rest on first, each with its value', async () => {
    const [answer] = await converse(['We run Llama 3.1 8B on an RTX 4090 and want a support bot. Just recommend.']);
    const assumed = /\*\*Assumed:\*\* (.*) Tell me if that is wrong\./.exec(answer?.reply ?? '')?.[1] ?? '';
    // What the costs rest on comes before the estimator's fixed settings (context length, LoRA rank...).
    // (Fixture knowledge: the plan serves the model on the team's GPU and trains nothing, so serving comes first.)
    expect(assumed).toMatch(/^Served on 1 of your own NVIDIA GeForce RTX 4090, with 16-bit weights: no monthly bill/);
    const costs = assumed.indexOf('Served on');
    const fixed = assumed.indexOf('2048 tokens');
    if (fixed !== -1) expect(costs).toBeLessThan(fixed);
    expect(assumed).not.toContain('this many');
  });

  it('says nothing is viable instead of recommending a ruled-out method', async () => {
    const real = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
    // The team may not switch: nothing on GPT-4o can run when data may not leave.
    const message = "We use GPT-4o, we must stay on GPT-4o, and our data can't leave our servers. Just recommend.";
    const answer = runTurn(initialDialogueState(), await ruleExtract(message, { knowledge: real }), real);
    expect(answer.recommendation.recommendations[0]?.verdict).toBe('not-viable');
    expect(answer.reply).toContain('Nothing is viable with what you described');
    expect(answer.reply).not.toMatch(/Here is my (provisional )?recommendation|My (provisional )?answer/);
    // Allowed to switch, the plan moves to an open model the team can run.
    const open = "We use GPT-4o and our data can't leave our servers. Just recommend.";
    const switched = runTurn(initialDialogueState(), await ruleExtract(open, { knowledge: real }), real);
    expect(switched.reply).toMatch(/instead of the model you named/);
  });

  it('keeps goals said in earlier turns when a later message adds one', async () => {
    const turns = await converse([
      'We want a support bot that answers from our help center articles and cites them.',
      'Replies must also follow our ticket template.',
    ]);
    const goals = turns.at(-1)?.state.profile.goals ?? [];
    expect(goals).toEqual(expect.arrayContaining(['format']));
    expect(goals.some((goal) => goal === 'knowledge' || goal === 'citations')).toBe(true);
  });

  it('does not list a fact under "Still unknown" when it is already asked about', async () => {
    const [answer] = await converse(['just recommend']);
    const asked = answer?.recommendation.questions.map((question) => question.field) ?? [];
    const stillUnknown = /\*\*Still unknown:\*\* ([^.]*)\./.exec(answer?.reply ?? '')?.[1] ?? '';
    expect(asked.length).toBeGreaterThan(0);
    for (const field of asked) expect(stillUnknown).not.toContain(fieldLabel(field));
  });

  it('answers "why not" and "what if" with the memory figures behind them', async () => {
    const real = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
    let state = initialDialogueState();
    const say = async (message: string) => {
      const turn = runTurn(
        state,
        await ruleExtract(message, { requestedField: state.requestedField, knowledge: real }),
        real,
      );
      state = turn.state;
      return turn;
    };
    await say('We run Llama 3.1 8B on one RTX 4090 with 2,000 labeled examples. Just recommend.');
    const whyNot = await say('why not full fine-tuning?');
    expect(whyNot.reply).toMatch(
      /It needs about \d+ GB of GPU memory; you have 24 GB, so it would run on rented GPUs\./,
    );
    // Plain sentences: no rank, score or source ids.
    expect(whyNot.reply).not.toMatch(/score|ranked|\[[a-z-]+(, [a-z-]+)*\]/);
    const whatIf = await say('what if we had 2 H100s?');
    expect(whatIf.reply).toMatch(/^If you had 2 × NVIDIA H100 SXM:/);
    expect(whatIf.reply).toMatch(/about \d+ GB of the 160 GB of GPU memory you would have/);
  });

  it('acknowledges in plain words and asks in Markdown: no "field: value" form, the question in bold', async () => {
    const real = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
    let state = initialDialogueState();
    const replies: string[] = [];
    for (const message of [
      'hello',
      'We want a support bot that answers from our docs',
      'We use GPT-4o through the API',
    ]) {
      const turn = runTurn(
        state,
        await ruleExtract(message, { requestedField: state.requestedField, knowledge: real }),
        real,
      );
      state = turn.state;
      expect(turn.kind === 'question' || turn.kind === 'greeting').toBe(true);
      replies.push(turn.reply);
    }
    for (const reply of replies) {
      expect(reply).toMatch(/\n\n\*\*[^*\n]+\?\*\*\n[A-Z]/); // the question in bold on its own line, then why
      expect(reply).not.toMatch(/\b(?:modality|deployment|task|domain documents): /);
      expect(reply).not.toMatch(/Got it:|GPU NVIDIA|cloud-api/);
    }
    expect(replies[1]).toMatch(/^Noted: a chat assistant, the task “answers from our docs”/);
    expect(replies[2]).toMatch(/^Noted: GPT-4o as the model and used through a cloud API\./);
    // A format need the goals already name is said once.
    const format = runTurn(
      initialDialogueState(),
      await ruleExtract('We need answers in our strict JSON schema; we have 5000 examples.', { knowledge: real }),
      real,
    );
    expect(format.reply).not.toMatch(/strict style or format.*strict format|strict format.*strict style or format/);
  });

  it('keeps the tails of an answer short and about the plan: no GPU rental for a team on an API model', async () => {
    const real = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
    const say = async (message: string) =>
      runTurn(initialDialogueState(), await ruleExtract(message, { knowledge: real }), real);
    const api = await say('We use GPT-4o through the API for a support bot over our docs. Just recommend.');
    expect(api.kind).toBe('recommendation');
    const assumed = /\*\*Assumed:\*\* (.*) Tell me if that is wrong\./.exec(api.reply)?.[1] ?? '';
    expect(assumed).toContain('sent to the GPT-4o API');
    expect(api.reply).not.toMatch(/MI300X|renting|per GPU-hour|TFLOP/);
    const unknown = /\*\*Still unknown:\*\* ([^\n]*)\./.exec(api.reply)?.[1] ?? '';
    expect(unknown.split(/, | and /).length).toBeLessThanOrEqual(3);
    expect(unknown).not.toMatch(/\b[a-z]+[A-Z][a-z]/); // plain words, no camelCase field names
    // A team training on its own GPU hears what the training time rests on.
    const own = await say('We run Llama 3.1 8B on one RTX 4090 with 2,000 labeled examples. Just recommend.');
    expect(own.reply).toMatch(/\*\*Assumed:\*\* Training time is for your NVIDIA GeForce RTX 4090/);
    // A plan that serves a model on the team's GPU but trains nothing hears about serving, not training.
    const serving = await say(
      'We run Llama 3.1 8B on one RTX 4090 and want a support bot that answers from our docs. Just recommend.',
    );
    const servingAssumed = /\*\*Assumed:\*\* (.*) Tell me if that is wrong\./.exec(serving.reply)?.[1] ?? '';
    expect(servingAssumed).toMatch(
      /^Served on 1 of your own NVIDIA GeForce RTX 4090, with 16-bit weights: no monthly bill/,
    );
    expect(servingAssumed).not.toMatch(/[Tt]raining|LoRA/);
  });
});
