/**
 * Classes of phrasing the chat missed (issue 12, item 4): each case stands for a rule that reads a meaning, not
 * one sentence. Together with the tuning corpus (extraction-corpus.json) these pin what each rule reads and what
 * it must leave alone.
 */
import { describe, expect, it } from 'vitest';
import { extractProfile } from '../../../src/chat/extract/index.ts';
import type { ProfileField } from '../../../src/profile/profile-schema.ts';
import { fixtureCatalog } from './fixture-catalog.ts';

const fields = (message: string, requestedField?: ProfileField) =>
  extractProfile(message, { knowledge: fixtureCatalog, ...(requestedField ? { requestedField } : {}) }).fields;

describe('phrasing classes from issue 12', () => {
  it('reads a bot over the team’s own documents as the knowledge goal and a corpus (small unless a size is said)', () => {
    for (const message of [
      'we want a bot over our wiki',
      'a bot over our knowledge base for the support team',
      'chatbot on top of our help center',
      'an assistant that answers employee questions using our confluence',
    ]) {
      expect(fields(message), message).toMatchObject({ goals: ['knowledge'], unlabeledCorpus: 'small' });
    }
    expect(fields('internal Q&A over our sharepoint, which is massive')).toMatchObject({
      taskType: 'chat',
      unlabeledCorpus: 'large',
    });
    expect(fields('docs change weekly').unlabeledCorpus).toBeUndefined();
    expect(fields("we don't have docs, just a bot over our tickets").unlabeledCorpus).toBe('none');
  });

  it('reads a team of developers as no ML expertise, unless it says it knows ML', () => {
    expect(fields('our team is mostly web developers').mlExpertise).toBe('none');
    expect(fields("we're a team of three backend engineers").mlExpertise).toBe('none');
    expect(fields('we are web developers with some ML experience').mlExpertise).toBe('basic');
  });

  it('reads hedged zeros: "budget is basically zero", "we don\'t really have labeled examples"', () => {
    expect(fields('budget is basically zero').oneTimeBudgetUSD).toBe(0);
    expect(fields('basically zero', 'oneTimeBudgetUSD').oneTimeBudgetUSD).toBe(0);
    expect(fields("we don't really have labeled examples").labeledExamples).toBe(0);
    expect(fields('honestly we have basically no labeled data').labeledExamples).toBe(0);
    // "no data people" is about who is on the team.
    expect(fields('three backend engineers, no data people').labeledExamples).toBeUndefined();
  });

  it('reads what was tried with its outcome in the same sentence, up to the next method named', () => {
    expect(fields("few-shot prompting got us to about 80% but we can't push it further").tried).toEqual([
      { method: 'in-context-learning', result: 'plateaued' },
    ]);
    expect(fields('we set up RAG last quarter and the answers are fine now').tried).toEqual([
      { method: 'rag', result: 'good-enough' },
    ]);
    expect(fields('we already tried a LoRA on Mistral 7B, it overfit badly').tried).toEqual([
      { method: 'lora', result: 'failed' },
    ]);
    expect(fields("prompting alone wasn't enough, the format keeps breaking")).toMatchObject({
      tried: [{ method: 'prompt-engineering', result: 'failed' }],
      goals: ['format'],
    });
    expect(fields('retrieval is working well, prompts are good enough').tried).toEqual([
      { method: 'rag', result: 'good-enough' },
      { method: 'prompt-engineering', result: 'good-enough' },
    ]);
    // The outcome of one method is not given to another named before it.
    expect(fields('we tried prompting, then RAG worked well').tried).toEqual([
      { method: 'rag', result: 'good-enough' },
    ]);
  });

  it('reads whether the model may change', () => {
    expect(fields("we're free to pick any model").canSwitchModel).toBe(true);
    expect(fields("switching models is fine if it's cheaper").canSwitchModel).toBe(true);
    expect(fields('we have to keep using GPT-4o').canSwitchModel).toBe(false);
    expect(fields('we have to keep using our own servers').canSwitchModel).toBeUndefined();
    // "rather not" is a preference, not a correction.
    expect(
      extractProfile("we'd rather not be locked in, any open model works", { knowledge: fixtureCatalog }).corrections,
    ).toEqual([]);
  });

  it('reads the teacher when it generates the training data or teaches a smaller model', () => {
    expect(fields('we want to use Llama 3.1 70B to teach a smaller model').teacherModel).toBe('Llama 3.1 70B');
    expect(fields("we'd generate the training data with GPT-4o").teacherModel).toBe('GPT-4o');
    expect(fields('we use GPT-4o to generate product descriptions').teacherModel).toBeUndefined();
  });

  it('reads preference pairs, base checkpoints, device memory and task shapes said in other words', () => {
    expect(fields('we logged 5k pairs where agents picked the better of two drafts')).toEqual({
      preferencePairs: 5000,
    });
    expect(fields('we use the pretrained checkpoint without any instruction tuning').modelStage).toBe('base');
    expect(fields("it's for a raspberry pi 5 with 8gb").deviceMemoryGB).toBe(8);
    expect(fields('it runs on android phones with 6GB RAM').goals).toEqual(['on-device']);
    expect(fields('pull names, dates and amounts out of contracts').taskType).toBe('extract');
    expect(fields('answer questions about product photos customers upload')).toMatchObject({
      taskType: 'image-understand',
      modality: 'vision-language',
    });
    expect(fields('caption product images for the catalog').taskType).toBe('image-understand');
    // Having transcripts is not transcribing.
    expect(fields('we have roughly 500M tokens of support transcripts').taskType).toBeUndefined();
    // A requirement to fit is a fact, not a question about fit.
    expect(
      extractProfile('the model has to fit in 2GB on the headset', { knowledge: fixtureCatalog }).intents.asksFit,
    ).toBe(undefined);
  });
});
