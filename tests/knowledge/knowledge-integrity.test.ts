import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KnowledgeError } from '../../src/errors.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { METHOD_IDS } from '../../src/profile/profile-schema.ts';

/** CI guard: the REAL knowledge/ directory loads with zero problems and supports the lookups users rely on. */
const KNOWLEDGE_DIR = fileURLToPath(new URL('../../knowledge/', import.meta.url));

async function loadReal(): Promise<Knowledge> {
  try {
    return await loadKnowledge(KNOWLEDGE_DIR);
  } catch (error) {
    // print the whole problem list so a failing CI run says exactly what to fix
    if (error instanceof KnowledgeError) throw new Error(error.message);
    throw error;
  }
}

describe('the real knowledge base', async () => {
  const knowledge = await loadReal();

  it('loads with zero problems and a content version', () => {
    expect(knowledge.version).toMatch(/^kb-[0-9a-f]{12}$/);
  });

  it('has every rule citing at least one existing source', () => {
    expect(knowledge.rules.length).toBeGreaterThan(0);
    for (const rule of knowledge.rules) {
      expect(rule.sources.length, rule.id).toBeGreaterThanOrEqual(1);
      for (const id of rule.sources) expect(knowledge.sourceById.has(id), `${rule.id} cites ${id}`).toBe(true);
    }
  });

  it('has at least 30 models, 15 GPUs and exactly the 13 methods', () => {
    expect(knowledge.models.length).toBeGreaterThanOrEqual(30);
    expect(knowledge.gpus.length).toBeGreaterThanOrEqual(15);
    expect(knowledge.methods.map((method) => method.id).sort()).toEqual([...METHOD_IDS].sort());
  });

  it.each([
    ['llama3 8b', 'model'],
    ['Llama-3.1-8B-Instruct', 'model'],
    ['meta-llama/Llama-3.1-8B-Instruct', 'model'],
    ['gpt-4o', 'model'],
    ['a100 80gb', 'gpu'],
    ['H100', 'gpu'],
    ['rtx 4090', 'gpu'],
  ] as const)('resolves %j as a %s', (name, kind) => {
    const found = kind === 'model' ? knowledge.findModel(name) : knowledge.findGpu(name);
    expect(found, name).toBeDefined();
  });

  it('resolves the names to the expected entries', () => {
    expect(knowledge.findModel('Llama-3.1-8B-Instruct')?.paramsB).toBeCloseTo(8, 0);
    expect(knowledge.findModel('llama3 8b')?.name).toMatch(/Llama 3(\.\d)? 8B/);
    expect(knowledge.findGpu('a100 80gb')?.memoryGB).toBe(80);
    expect(knowledge.findGpu('rtx 4090')?.memoryGB).toBe(24);
    expect(knowledge.findGpu('H100')?.memoryGB).toBe(80);
    expect(knowledge.findModel('gpt-4o')?.access).not.toBe('open-weights');
  });
});
