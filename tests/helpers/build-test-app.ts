import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type App, type AppDeps, createApp } from '../../src/app.ts';
import { type Config, parseEnv } from '../../src/config/env.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { buildKnowledge, type KnowledgeFiles } from '../../src/knowledge/load-knowledge.ts';
import { createLogger, type Logger } from '../../src/logger.ts';
import { METHOD_IDS } from '../../src/profile/profile-schema.ts';

/**
 * A tiny, self-consistent knowledge set for HTTP and loader tests (never the real knowledge/, so these tests
 * do not change when the catalogs grow). Returns fresh objects on every call so tests may corrupt them.
 */
export function fixtureKnowledgeFiles(): KnowledgeFiles {
  const families: Record<string, string> = {
    'prompt-engineering': 'prompting',
    'in-context-learning': 'prompting',
    rag: 'retrieval',
    lora: 'parameter-efficient',
    qlora: 'parameter-efficient',
    adapters: 'parameter-efficient',
    'prefix-tuning': 'parameter-efficient',
    'prompt-tuning': 'parameter-efficient',
    'full-fine-tuning': 'full-weights',
    'instruction-tuning': 'full-weights',
    'preference-tuning': 'full-weights',
    distillation: 'new-model',
    'managed-fine-tuning': 'provider-run',
  };
  return {
    manifest: { name: 'fixture knowledge', referenceDate: '2026-11-20' },
    sources: {
      sources: [
        {
          id: 'lora-paper',
          title: 'LoRA: Low-Rank Adaptation of Large Language Models',
          authors: 'Hu et al.',
          year: 2021,
          url: 'https://arxiv.org/abs/2106.09685',
          kind: 'paper',
        },
        {
          id: 'vendor-doc',
          title: 'Fine-tuning guide',
          publisher: 'Example Vendor',
          year: 2025,
          url: 'https://example.com/fine-tuning',
          kind: 'vendor-doc',
        },
      ],
    },
    models: {
      models: [
        {
          id: 'llama-3.1-8b',
          name: 'Llama 3.1 8B',
          aliases: ['Llama-3.1-8B-Instruct', 'meta-llama/Llama-3.1-8B'],
          vendor: 'Meta',
          family: 'llama',
          access: 'open-weights',
          modality: 'text',
          paramsB: 8.03,
          architecture: {
            kind: 'decoder',
            layers: 32,
            hiddenSize: 4096,
            attentionHeads: 32,
            kvHeads: 8,
            headDim: 128,
            vocabSize: 128256,
          },
          sources: ['lora-paper'],
        },
        {
          id: 'tiny-coder-1b',
          name: 'Tiny Coder 1B',
          aliases: [],
          vendor: 'Example',
          family: 'tiny',
          access: 'open-weights',
          modality: 'code',
          paramsB: 1.1,
          sources: ['lora-paper'],
        },
        {
          id: 'gpt-4o',
          name: 'GPT-4o',
          aliases: ['gpt4o'],
          vendor: 'OpenAI',
          family: 'gpt-4o',
          access: 'api-with-finetuning',
          provider: 'openai',
          modality: 'vision-language',
          sources: ['vendor-doc'],
        },
      ],
    },
    gpus: {
      gpus: [
        {
          id: 'rtx-4090',
          name: 'NVIDIA GeForce RTX 4090',
          aliases: ['RTX 4090', '4090'],
          vendor: 'NVIDIA',
          class: 'consumer',
          memoryGB: 24,
          denseBf16Tflops: 165,
          supportsBf16: true,
          price: { usdPerHour: 0.5, where: 'Example cloud', asOf: '2026-09-09', sources: ['vendor-doc'] },
          sources: ['vendor-doc'],
        },
        {
          id: 'a100-80gb',
          name: 'NVIDIA A100 80GB',
          aliases: ['A100', 'A100 80GB'],
          vendor: 'NVIDIA',
          class: 'datacenter',
          memoryGB: 80,
          denseBf16Tflops: 312,
          supportsBf16: true,
          price: null,
          sources: ['vendor-doc'],
        },
      ],
    },
    providers: {
      providers: [
        {
          id: 'openai',
          name: 'OpenAI API',
          aliases: ['openai api'],
          kind: 'model-api',
          offerings: [
            {
              service: 'supervised-fine-tuning',
              models: ['gpt-4o'],
              status: 'available',
              asOf: '2026-11-01',
              sources: ['vendor-doc'],
            },
          ],
          sources: ['vendor-doc'],
        },
      ],
    },
    methods: {
      methods: METHOD_IDS.map((id) => ({
        id,
        name: `Method ${id}`,
        family: families[id],
        whatChanges: `What ${id} changes`,
        changesWeights: !['prompt-engineering', 'in-context-learning', 'rag'].includes(id),
        needsWeightAccess: !['prompt-engineering', 'in-context-learning', 'rag', 'managed-fine-tuning'].includes(id),
        dataNeeded: { summary: 'Some data', minExamples: 0, typicalExamples: 'a few hundred' },
        computeClass: 'single-gpu',
        costDrivers: { oneTime: ['GPU hours'], recurring: ['inference'] },
        inference: { latency: 'unchanged', cost: 'per token' },
        expertise: 'basic',
        strengths: ['a strength'],
        limitations: ['a limitation'],
        whenToUse: ['when useful'],
        whenNotToUse: ['when not useful'],
        combinesWith: id === 'rag' ? ['lora'] : [],
        sources: ['lora-paper'],
      })),
    },
    rules: {
      rules: [
        {
          id: 'no-weights-blocks-self-training',
          kind: 'constraint',
          when: { fact: 'weightsAvailable', op: 'eq', value: false },
          blocks: ['lora', 'qlora', 'full-fine-tuning'],
          text: 'Training adapters or weights needs the weights, which an API-only model does not give.',
          sources: ['lora-paper'],
        },
        {
          id: 'volatile-knowledge-favours-rag',
          kind: 'score',
          when: { fact: 'knowledgeChanges', op: 'in', value: ['weekly', 'daily'] },
          scores: { rag: 20 },
          text: 'Knowledge that changes weekly or daily is cheaper to keep current in an index than in weights.',
          sources: ['vendor-doc'],
        },
      ],
    },
  };
}

/** The fixture knowledge, built and frozen. */
export function fixtureKnowledge(): Knowledge {
  return buildKnowledge(fixtureKnowledgeFiles());
}

export interface TestApp {
  app: App;
  config: Config;
  knowledge: Knowledge;
  /** Every log line written, parsed. */
  logLines: Record<string, unknown>[];
  logger: Logger;
}

/**
 * createApp with the fixture knowledge (unless given), a fresh temp DATA_DIR, and a logger that records lines
 * in memory instead of printing them. `overrides` may replace any dependency or config value.
 */
export function buildTestApp(overrides: Partial<Omit<AppDeps, 'config'>> & { config?: Partial<Config> } = {}): TestApp {
  const dataDir = mkdtempSync(join(tmpdir(), 'advisor-test-'));
  const config: Config = { ...parseEnv({ DATA_DIR: dataDir, LOG_LEVEL: 'info' }), ...overrides.config };
  const logLines: Record<string, unknown>[] = [];
  const logger =
    overrides.logger ??
    createLogger({ level: 'debug', write: (line) => logLines.push(JSON.parse(line) as Record<string, unknown>) });
  const knowledge = overrides.knowledge ?? fixtureKnowledge();
  const app = createApp({ ...overrides, knowledge, config, logger });
  return { app, config, knowledge, logLines, logger };
}

/** JSON request helper for app.request(). */
export function jsonRequest(method: string, body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}
