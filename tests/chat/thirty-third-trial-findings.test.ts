/**
 * Found by the thirty-third new-user trial (3afc280): a pilot's size became the planned 70B's, a past pilot's model and
 * the model being switched off replaced the model the team had moved to, a rental only weighed became owned GPUs, a
 * quote of the advisor ("you say … one A6000") cost the team a GPU, a figure in GB answered a latency question, and
 * "there isn't really a corpus" beside a per-document page count read as a small corpus.
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

describe('models said as left behind or piloted', () => {
  const manuals =
    'We want a RAG assistant over our 12,000 pages of German maintenance manuals, on-prem only, on 2x RTX A6000 48GB, with Llama 3.1 70B. Just recommend.';

  it('"the 8B was only the pilot, we’re planning on Llama 3.1 70B" sizes nothing as 8B', () => {
    const { fields } = read("The 8B was only the pilot, we're planning on Llama 3.1 70B.");
    expect(fields.modelName).toBe('Llama 3.1 70B');
    expect(fields.modelParamsB).toBeUndefined();
  });

  it('a past pilot’s model does not replace the planned one, nor does a quote of the advisor change the GPUs', async () => {
    const turns = await converse(
      [
        manuals,
        'The pilot was a simple RAG prototype with Llama 3.1 8B; answers were too long.',
        'Wait, you say the 70B is served on one A6000 with 16-bit weights? Five minutes ago you said it needs 147 GB in 16-bit. Which is it?',
      ],
      knowledge,
    );
    expect(turns[1]?.state.profile.modelName).toBe('Llama 3.1 70B');
    expect(turns[2]?.state.profile).toMatchObject({ modelName: 'Llama 3.1 70B', gpuCount: 2 });
    expect(turns[2]?.state.profile.latencyTargetMs).toBeUndefined();
  });

  it('a pilot model is still the team’s model when none was named before', () => {
    expect(read('The pilot was a simple RAG prototype with Llama 3.1 8B.').fields.modelName).toBe('Llama 3.1 8B');
  });

  it('"how long until we can switch off GPT-4o mini?" keeps the model the team moved to', async () => {
    const turns = await converse(
      [
        'We classify customer messages into 120 intents with GPT-4o mini, 200k a day, accuracy is good enough, we want it cheaper. Any model is fine; we have 60k labelled messages and no GPUs. Just recommend.',
        "Let's use XLM-RoBERTa Base as our model.",
        'How long until we can switch off GPT-4o mini?',
      ],
      knowledge,
    );
    expect(turns[2]?.state.profile.modelName).toBe('XLM-RoBERTa Base');
  });
});

describe('facts read right', () => {
  it('a rental only weighed is no GPU the team has', () => {
    const { fields } = read("We don't own GPUs but could rent an L4.");
    expect(fields.gpuCount).toBe(0);
    expect(fields.gpuName).toBeUndefined();
  });

  it('a figure in GB answers no latency question', () => {
    expect(read('it needs 147 GB', 'latencyTargetMs').fields.latencyTargetMs).toBeUndefined();
    expect(read('about 300', 'latencyTargetMs').fields.latencyTargetMs).toBe(300);
  });

  it('"there isn’t really a corpus" stands beside the length of one document', () => {
    const { fields } = read(
      "There isn't really a corpus. Each lease is sent whole with the request, 20 to 40 pages, so around 15k to 30k tokens each.",
    );
    expect(fields.unlabeledCorpus).toBe('none');
  });
});

describe('per-document extraction on an API model with no document collection', () => {
  it('is no retrieval case, and a change that needs another model says which', async () => {
    const turns = await converse(
      [
        'We use Claude 3.5 Sonnet through the API to extract clauses from Brazilian leases into JSON. Each lease is sent whole in the request, about 30k tokens; there is no other document collection. The JSON fields drift and it invents clause numbers. We have 800 corrected outputs. Just recommend.',
      ],
      knowledge,
    );
    const turn = turns[0];
    expect(turn?.state.profile.unlabeledCorpus).toBe('none');
    expect(turn?.recommendation?.destination.method).not.toBe('rag');
    const moved = turn?.recommendation?.sensitivity.find((entry) => entry.on !== undefined);
    expect(moved?.on).toBeDefined();
    expect(turn?.reply).toContain(`→ Managed fine-tuning on ${moved?.on}`);
  });
});
