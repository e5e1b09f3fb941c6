/**
 * The chat keeps the engine's last answers per knowledge base (run-turn.ts, recommendFor): a turn and the one after it
 * ask for the same profile's answer. The memo must be invisible: the same answer as a fresh engine call, and never
 * changed by the chat (under the tests every answer is frozen, so a change anywhere would throw).
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { recommend } from '../../src/engine/recommend.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import type { Profile } from '../../src/profile/profile-schema.ts';
import { converse } from '../helpers/converse.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});

describe('the chat’s memo of engine answers', () => {
  it('gives the answer a fresh engine call gives, turn after turn, and hands out frozen answers', async () => {
    const messages = [
      'We run Llama 3.1 8B on one RTX 4090 and have 2,000 labeled support tickets. Replies must follow our JSON format.',
      'nothing yet',
      'how much would the LoRA training cost and how long?',
      'what if we had 2 A100s?',
    ];
    const first = await converse(messages, knowledge);
    const second = await converse(messages, knowledge);
    for (const [index, turn] of first.entries()) {
      expect(second[index]?.reply).toBe(turn.reply);
      if (turn.kind !== 'what-if')
        expect(JSON.stringify(turn.recommendation)).toBe(
          JSON.stringify(recommend(turn.state.profile as Profile, knowledge)),
        );
      expect(Object.isFrozen(turn.recommendation)).toBe(true);
    }
  });
});
