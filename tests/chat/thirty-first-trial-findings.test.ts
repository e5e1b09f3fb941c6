/**
 * Found by the thirty-first new-user trial (a Lagos bank: complaints in English, Yoruba and Pidgin, CPU servers only,
 * data in its own data centre, 100 ms): the advice fell back to few-shot prompting because the catalog had no
 * multilingual encoder, "the data can't leave it" was not read, "is few-shot prompting even possible…?" got "I can't
 * answer", and a substitute for an unnamed model was called "instead of the model you named".
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractProfile } from '../../src/chat/extract/index.ts';
import { recommend } from '../../src/engine/recommend.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { Profile } from '../../src/profile/profile-schema.ts';
import { converse } from '../helpers/converse.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});
const read = (text: string) => extractProfile(text, { knowledge, today: '2026-12-05' });

const LAGOS =
  "We're a bank in Lagos. We classify customer complaints in English, Yoruba and Pidgin into 15 classes, and have 9,000 labelled complaints. We only have CPU servers in our own data centre, no GPUs, and the data can't leave it. Answers must come in under 100 ms.";

describe('the Lagos bank', () => {
  it('reads "the data can\'t leave it" as data that must stay on the premises', () => {
    expect(
      read('We only have CPU servers in our own data centre, no GPUs, and the data cannot leave it.').fields,
    ).toMatchObject({ dataMustStayOnPrem: true, gpuCount: 0 });
  });

  it('trains the multilingual encoder on its CPU servers and names the languages it was not pre-trained on', () => {
    const result = recommend(
      Profile.parse({
        task: 'classify customer complaints in English, Yoruba and Pidgin into 15 classes',
        taskType: 'classify',
        labeledExamples: 9000,
        gpuCount: 0,
        dataMustStayOnPrem: true,
        multilingual: true,
        latencyTargetMs: 100,
      }),
      knowledge,
    );
    expect(result.destination.method).toBe('full-fine-tuning');
    expect(result.destination.model).toMatchObject({ name: 'XLM-RoBERTa Base', proposed: true });
    // Yoruba and Pidgin are named, and XLM-R's pre-training languages hold neither: said by name.
    expect(result.assumptions.find((entry) => entry.field === 'model.languages')?.why).toMatch(
      /^Yoruba and Pidgin are not among XLM-RoBERTa Base's pre-training languages/,
    );
  });

  it('never says "the model you named" when no model was named', async () => {
    const turns = await converse([LAGOS, 'just recommend'], knowledge);
    const reply = turns[1]?.reply ?? '';
    expect(reply).toContain('XLM-RoBERTa Base (a model that fits what you described)');
    expect(reply).not.toMatch(/model you named|the named model/);
  });

  it('answers "is few-shot prompting even possible …?" as a question about that method', async () => {
    const turns = await converse(
      [LAGOS, 'just recommend', 'Is few-shot prompting of an LLM even possible on our CPUs at 100 ms?'],
      knowledge,
    );
    const reply = turns[2]?.reply ?? '';
    expect(reply).not.toMatch(/I can't answer/);
    // Judged on a generative model (the plan's encoder cannot take a prompt at all), with the verdict the plan holds.
    expect(reply).toMatch(/In-context \(few-shot\) learning is possible only if/);
    expect(reply).not.toMatch(/Encoder-only/);
  });
});

describe('the Paris hospital', () => {
  it('"Do the training runs fit in our 12 weeks?" asks the calendar, not memory', () => {
    const { intents } = read('Do the training runs fit in our 12 weeks?');
    expect(intents.asksTimeline).toBe(true);
    expect(intents.asksFit).toBeUndefined();
    expect(read('Will LoRA fit in our 24 GB?').intents.asksFit).toBe('lora');
  });
});
