/**
 * The languages a model's card supports (Llama 3.1-3.3: eight; Llama 2 and 3: English; Qwen2.5: 29+, 13 named) against
 * the languages the task names: a language off the list is an assumption said by name (twentieth session, newuser39).
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { recommend } from '../../src/engine/recommend.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { languagesNamed } from '../../src/profile/languages.ts';
import { Profile } from '../../src/profile/profile-schema.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});
const languageNotes = (profile: Record<string, unknown>) =>
  recommend(Profile.parse(profile), knowledge, { explain: 'none' }).assumptions.filter(
    (assumption) => assumption.field === 'model.supportedLanguages',
  );

describe('supported languages', () => {
  it('names a language the card does not support', () => {
    const [note] = languageNotes({ modelName: 'Llama 3.1 8B', task: 'SMS farm advice in Swahili and English' });
    expect(note?.value).toBe('swahili');
    expect(note?.why).toMatch(/Swahili is not among the languages Meta's card officially supports for Llama 3\.1 8B/);
  });

  it('says nothing when every language named is on the card', () => {
    expect(languageNotes({ modelName: 'Llama 3.1 8B', task: 'support replies in German and French' })).toEqual([]);
    expect(languageNotes({ modelName: 'Llama 3.1 8B', task: 'support replies' })).toEqual([]);
  });

  it('gives the list to check when the task is multilingual but names no language', () => {
    const [note] = languageNotes({ modelName: 'Qwen2.5 7B', task: 'support bot', multilingual: true });
    expect(note?.why).toMatch(/claims 29\+ languages/);
  });

  it('reads code-mixed languages as the two they mix', () => {
    expect(languagesNamed('discharge summaries in Taglish')).toEqual(['tagalog', 'english']);
    const [note] = languageNotes({ modelName: 'Qwen2.5 7B', task: 'discharge summaries in Taglish' });
    expect(note?.value).toBe('tagalog');
  });

  it('keeps the card lists in the catalog consistent', () => {
    for (const model of knowledge.models) {
      const support = model.supportedLanguages;
      if (support === undefined) continue;
      expect(support.named.length).toBeGreaterThan(0);
      if (!support.complete) expect(support.total ?? 0).toBeGreaterThan(support.named.length);
    }
    expect(knowledge.findModel('Llama 2 7B')?.supportedLanguages?.named).toEqual(['english']);
  });
});

describe('a language off the card decides the questions', () => {
  const questions = (profile: Record<string, unknown>) =>
    recommend(Profile.parse(profile), knowledge, { explain: 'none' }).questions.map((question) => question.field);

  it('asks whether the model may change, and what the team has in that language', () => {
    const asked = questions({
      modelName: 'Llama 3.1 8B',
      task: "answer customers' WhatsApp questions about loan repayments in Yoruba and Nigerian Pidgin",
      taskType: 'chat',
      multilingual: true,
      gpuName: 'L4',
      gpuCount: 1,
    });
    expect(asked).toEqual(expect.arrayContaining(['canSwitchModel', 'labeledExamples', 'unlabeledCorpus']));
  });

  it('asks none of that when every language is on the card, or the card is not the whole list', () => {
    const languageWhys = (profile: Record<string, unknown>) =>
      recommend(Profile.parse(profile), knowledge, { explain: 'none' }).questions.filter((question) =>
        /not among the named model's languages/.test(question.why),
      );
    const onCard = { modelName: 'Llama 3.1 8B', task: 'support replies in German and French', gpuCount: 1 };
    expect(languageWhys(onCard)).toEqual([]);
    expect(questions(onCard)).not.toContain('canSwitchModel');
    // Qwen2.5's card claims 29+ languages and names 13: one it does not name may still be among them.
    expect(languageWhys({ modelName: 'Qwen2.5 7B', task: 'support replies in Yoruba', gpuCount: 1 })).toEqual([]);
  });

  it('does not ask whether the model may change once the team said', () => {
    const asked = questions({
      modelName: 'Llama 3.1 8B',
      task: 'loan repayment questions in Yoruba',
      canSwitchModel: false,
      labeledExamples: 2000,
    });
    expect(asked).not.toContain('canSwitchModel');
    expect(asked).not.toContain('labeledExamples');
  });
});
