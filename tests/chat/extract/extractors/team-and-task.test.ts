import { describe, expect, it } from 'vitest';
import { extractExpertise } from '../../../../src/chat/extract/extractors/expertise.ts';
import { extractModality } from '../../../../src/chat/extract/extractors/modality.ts';
import { extractTask } from '../../../../src/chat/extract/extractors/task.ts';
import { extractTasksCount } from '../../../../src/chat/extract/extractors/tasks-count.ts';
import { run } from '../extract-helpers.ts';

describe('extractExpertise', () => {
  it.each([
    ['no ML engineers', 'none'],
    ['one data scientist', 'basic'],
    ['a couple of ML engineers', 'intermediate'],
    ['PhD researchers', 'expert'],
  ])('reads %j as %s', (message, level) => {
    expect(run(extractExpertise, message)).toEqual({ mlExpertise: level });
  });
});

describe('extractTasksCount', () => {
  it.each([
    ['50 customers each with their own style', 50],
    ['3 different tasks', 3],
    ['12 tenants', 12],
    ['a single task', 1],
  ])('reads %j as %d', (message, count) => {
    expect(run(extractTasksCount, message)).toEqual({ tasksCount: count });
  });

  it('does not count customers that are not said to differ', () => {
    expect(run(extractTasksCount, 'we have 200 customers')).toEqual({});
  });
});

describe('extractModality', () => {
  it.each([
    ['speech', 'audio'],
    ['product images', 'image'],
    ['questions about screenshots', 'vision-language'],
    ['we have 2,000 call recordings', 'audio'],
    ['summarise call recordings and support tickets', 'audio'],
    ["code completion inside our IDE plugin, so it's a code model", 'code'],
    ['the model is an audio one, speech in, text out', 'audio'],
    ["it's a vision-language setup, screenshots in, structured description out", 'vision-language'],
    ['text only, no images', 'text'],
  ])('reads %j as %s', (message, modality) => {
    expect(run(extractModality, message)).toEqual({ modality });
  });

  it.each([
    'a bot that answers from our product docs',
    'classify support tickets',
    'a support chatbot',
    'transcribe call recordings',
    'code completion in our IDE',
    'generate product images',
    'plain text is fine, no special format needed',
  ])('leaves the kind %j implies (or a format) to the task shape', (message) => {
    // The engine derives text, audio, code and image from taskType; the acknowledgement does not repeat it.
    expect(run(extractModality, message)).toEqual({});
  });

  it('does not read "brand voice" as audio', () => {
    expect(run(extractModality, 'in our brand voice')).toEqual({});
  });
});

describe('extractTask', () => {
  it('takes the phrase after "we want to" up to the end of the clause', () => {
    expect(run(extractTask, 'We want to classify support tickets. Budget is small.')).toEqual({
      task: 'classify support tickets',
    });
  });

  it('does not take "we want to fine-tune" as the task', () => {
    expect(run(extractTask, 'we want to fine-tune Llama')).toEqual({});
  });

  it.each([
    [
      'we are a small clinic network and want an assistant that drafts discharge summaries from doctors notes',
      'drafts discharge summaries from doctors notes',
    ],
    ['we need a bot to answer HR questions from our handbook', 'answer HR questions from our handbook'],
    ["we're looking for a model that tags product photos by style", 'tags product photos by style'],
  ])('takes what the wanted assistant, bot or model does: %j', (message, task) => {
    expect(run(extractTask, message)).toEqual({ task });
  });

  it.each(['we want a model that runs on phones', 'we need a model that is small'])(
    'does not take what the model is or where it runs as the task: %j',
    (message) => {
      expect(run(extractTask, message)).toEqual({});
    },
  );

  it('prefers "we want to …" over "a bot that …" in one message', () => {
    expect(run(extractTask, 'we want to classify tickets and we want a bot that answers them')).toEqual({
      task: 'classify tickets',
    });
  });
});
