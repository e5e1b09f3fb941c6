/**
 * Found by the eleventh new-user trial (six personas, 85 turns over both chat APIs): ChatGPT used in the browser was
 * read as a model running in the browser; a bill for the team's model was quoted for another one; "which model?"
 * kept a model its vendor is shutting down and proposed text models for an image task; a prompt's few-shot examples
 * were read as the dataset.
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

describe('a team that uses ChatGPT in the browser', () => {
  it('calls a vendor API, runs nothing on a device, and "there is NO device" takes the goal back', () => {
    expect(fields('we just use chatgpt in the browser, the plus subscription')).toEqual({ deployment: 'cloud-api' });
    expect(fields('the model runs in the browser with webgpu')).toMatchObject({ deployment: 'edge' });
    expect(
      extractProfile("there is NO device. no edge. its openai's cloud", { knowledge, today: '2026-12-04' })
        .removedGoals,
    ).toEqual(['on-device']);
  });

  it('"what is distillation? and how much would it cost us" answers both', async () => {
    const [, answer] = await converse([
      'We write product copy with GPT-4o through the API, 40 examples of the brand voice, no GPUs. Just recommend.',
      'what is distillation? and how much would it cost us',
    ]);
    expect(answer?.reply).toMatch(/^Distillation \(teacher to smaller student\)/);
    expect(answer?.reply).toMatch(/API calls/);
  });
});

describe('money on another model', () => {
  it('a what-if on a cheaper tier is priced at its list price, against what the team pays today', async () => {
    const [, asked] = await converse([
      'We classify 400k documents a day with Gemini 2.5 Pro and pay about 45k USD a month; any model is fine. Just recommend.',
      'how much would the monthly bill be on gemini 2.5 flash-lite vs what we pay now?',
    ]);
    expect(asked?.reply).toMatch(/Gemini 2\.5 Flash-Lite calls would cost about \$2,640 a month/);
    expect(asked?.reply).toMatch(/You pay \$45,000 a month today on Gemini 2\.5 Pro\./);
    expect(asked?.reply).not.toMatch(/your figure/);
  });
});

describe('which model', () => {
  it('a model its vendor shuts down within months gets the vendor’s live models nearest in price', async () => {
    const [, asked] = await converse([
      'Support assistant on GPT-4.1 mini over a help center of 1,200 articles that changes weekly. Just recommend.',
      'which model should we move to then?',
    ]);
    // (Asking where to move says the model may change: noted first since the thirty-first session.)
    expect(asked?.reply).toMatch(
      /^(?:Noted: another model is allowed\. )?GPT-4\.1 mini is shut down by its vendor on 2027-01-14, so move before then: /,
    );
  });

  it('an image task gets an image model sized for the device, not a text model sized for the training GPU', async () => {
    const [, asked] = await converse([
      'We detect defects on photos from a line camera; it runs on a Jetson Orin NX with 16GB; 4000 labeled images; an RTX 4090 for training. Just recommend.',
      'which model would you pick?',
    ]);
    // (The plan itself now runs on the image model, so the answer names it as the plan's model.)
    expect(asked?.reply).toMatch(/^(?:For judging images, an image model, not a text one: )?CLIP ViT-L\/14/);
    expect(asked?.reply).not.toMatch(/Llama|Qwen|Gemma/);
  });
});

describe('counts that are not the dataset', () => {
  it.each([
    [
      'we tried a long system prompt with the template + 3 examples, it follows the template 85% of the time',
      undefined,
    ],
    ['Tenants have between 150 and 3000 approved example texts each.', undefined],
    ['we do have like 40 descriptions the client wrote themselves', 40],
  ])('%s → %s', (text, count) => {
    expect(fields(text).labeledExamples).toBe(count);
  });

  it('"60 customers, each … its own tone" counts 60 tasks', () => {
    expect(
      fields('60 business customers (tenants), each wants the assistant to write in its own tone').tasksCount,
    ).toBe(60);
  });
});
