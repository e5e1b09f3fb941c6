/**
 * Found by batch w61 (twentieth session): a team that wants to "train the model on the feedback" has data of an
 * unknown kind. Side-by-side choices are preference pairs, corrected answers are examples, single thumbs are neither:
 * the advisor asks how many real pairs there are.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { recommend } from '../../src/engine/recommend.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { Profile } from '../../src/profile/profile-schema.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});
const asked = (task: string) =>
  recommend(
    Profile.parse({
      modelName: 'Llama 3.1 8B',
      modelStage: 'instruct',
      taskType: 'chat',
      gpuName: 'L40S',
      gpuCount: 2,
      task,
    }),
    knowledge,
    { explain: 'none' },
  ).questions.map((question) => question.field);

describe('feedback to learn from', () => {
  it.each([
    'Citizen-service chatbot; improve answers using ~20,000 pieces of resident feedback',
    'train the model on the feedback our agents leave',
    'collect user feedback to tune the assistant',
  ])('asks for the preference pairs in %j', (task) => {
    expect(asked(task)).toContain('preferencePairs');
  });

  it.each(['answer questions about feedback forms', 'summarise customer feedback into weekly reports'])(
    'does not ask for pairs when feedback is only the subject: %j',
    (task) => {
      expect(asked(task)).not.toContain('preferencePairs');
    },
  );
});

describe('feedback that is only what the model works on (review20)', () => {
  it.each([
    'Train a classifier that detects urgent feedback',
    'Using an LLM, tag employee survey feedback with themes',
    'We use a chatbot to collect patient feedback',
  ])('does not ask for pairs in %j', (task) => {
    expect(asked(task)).not.toContain('preferencePairs');
  });
});
