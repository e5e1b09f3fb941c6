import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnowledgeError } from '../../src/errors.ts';
import {
  buildKnowledge,
  KNOWLEDGE_FILES,
  type KnowledgeFiles,
  loadKnowledge,
} from '../../src/knowledge/load-knowledge.ts';
import { fixtureKnowledgeFiles } from '../helpers/build-test-app.ts';

/** Writes knowledge files to a fresh temp dir; `texts` replaces a file's text verbatim (for broken JSON). */
function writeKnowledgeDir(files: KnowledgeFiles, texts: Partial<Record<string, string>> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'advisor-knowledge-'));
  for (const name of KNOWLEDGE_FILES) {
    writeFileSync(join(dir, `${name}.json`), texts[name] ?? `${JSON.stringify(files[name], null, 2)}\n`);
  }
  return dir;
}

async function problemsOf(promise: Promise<unknown>): Promise<KnowledgeError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(KnowledgeError);
  return error as KnowledgeError;
}

function buildProblems(files: KnowledgeFiles): KnowledgeError {
  try {
    buildKnowledge(files);
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeError);
    return error as KnowledgeError;
  }
  throw new Error('expected a KnowledgeError');
}

// biome-ignore lint/suspicious/noExplicitAny: tests corrupt untyped JSON on purpose
type Json = any;

describe('loadKnowledge', () => {
  it('loads a valid directory into frozen knowledge with a content version', async () => {
    const dir = writeKnowledgeDir(fixtureKnowledgeFiles());
    const knowledge = await loadKnowledge(dir);
    expect(knowledge.version).toMatch(/^kb-[0-9a-f]{12}$/);
    expect(knowledge.methods).toHaveLength(13);
    expect(knowledge.methodById.get('lora')?.id).toBe('lora');
    expect(knowledge.sourceById.get('vendor-doc')?.kind).toBe('vendor-doc');
    expect(knowledge.providerById.get('openai')?.name).toBe('OpenAI API');
    expect(Object.isFrozen(knowledge)).toBe(true);
    expect(Object.isFrozen(knowledge.models[0])).toBe(true);
    expect(Object.isFrozen(knowledge.models[0]?.aliases)).toBe(true);
    expect(() => (knowledge.models as Json[]).push({})).toThrow(TypeError);
    expect('set' in knowledge.methodById).toBe(false);
  });

  it('gives the same version for the same bytes and a different one when any file changes', async () => {
    const files = fixtureKnowledgeFiles();
    const first = await loadKnowledge(writeKnowledgeDir(files));
    const again = await loadKnowledge(writeKnowledgeDir(files));
    expect(again.version).toBe(first.version);
    (files.sources as Json).sources[0].title = 'A different title';
    const changed = await loadKnowledge(writeKnowledgeDir(files));
    expect(changed.version).not.toBe(first.version);
  });

  it('reports invalid JSON with file, line and column', async () => {
    const dir = writeKnowledgeDir(fixtureKnowledgeFiles(), { gpus: '{\n  "gpus": [\n    { "id": "x", }\n  ]\n}\n' });
    const error = await problemsOf(loadKnowledge(dir));
    const [problem] = error.problems;
    expect(problem).toMatchObject({ file: 'gpus.json', path: '' });
    expect(problem?.problem).toMatch(/invalid JSON: .* at line 3 column \d+/);
    expect(error.message).toContain('knowledge/gpus.json: (file): invalid JSON');
    expect(error.message).toContain('— fix: ');
  });

  it('reports a missing file by name', async () => {
    const dir = writeKnowledgeDir(fixtureKnowledgeFiles());
    rmSync(join(dir, 'rules.json'));
    const error = await problemsOf(loadKnowledge(dir));
    expect(error.problems).toEqual([expect.objectContaining({ file: 'rules.json', path: '' })]);
    expect(error.problems[0]?.problem).toContain('file not found');
    const empty = await problemsOf(loadKnowledge(join(dir, 'nope')));
    expect(empty.problems.map((problem) => problem.file)).toEqual(KNOWLEDGE_FILES.map((name) => `${name}.json`));
  });

  it('reports ALL problems at once: bad JSON, wrong type, dangling source, duplicate alias', async () => {
    const files = fixtureKnowledgeFiles();
    (files.models as Json).models[0].paramsB = 'eight';
    (files.rules as Json).rules[1].sources = ['vendor-doc', 'no-such-source'];
    (files.gpus as Json).gpus[1].aliases.push('RTX-4090');
    const dir = writeKnowledgeDir(files, { providers: '{ "providers": [ ' });
    const error = await problemsOf(loadKnowledge(dir));
    const lines = error.message.split('\n');
    expect(error.problems.length).toBeGreaterThanOrEqual(4);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/knowledge\/providers\.json: \(file\): invalid JSON: .* at line 1 column \d+ — fix: /),
        expect.stringMatching(
          /knowledge\/models\.json: models\[0\]\.paramsB: .*expected number.* — fix: give a value of type number/,
        ),
        expect.stringMatching(
          /knowledge\/rules\.json: rules\[1\]\.sources\[1\]: unknown source id "no-such-source" — fix: add it to knowledge\/sources\.json/,
        ),
        expect.stringMatching(
          /knowledge\/gpus\.json: gpus\[1\]\.aliases\[2\]: name "RTX-4090" normalises to "rtx4090", which already names "rtx-4090" — fix: /,
        ),
      ]),
    );
  });
});

describe('buildKnowledge cross-checks', () => {
  it('accepts the fixture', () => {
    expect(buildKnowledge(fixtureKnowledgeFiles(), 'kb-test').version).toBe('kb-test');
  });

  it('reports duplicate ids', () => {
    const files = fixtureKnowledgeFiles();
    (files.sources as Json).sources.push({ ...(files.sources as Json).sources[0] });
    const error = buildProblems(files);
    expect(error.problems).toContainEqual(
      expect.objectContaining({
        file: 'sources.json',
        path: 'sources[2].id',
        problem: expect.stringContaining('duplicate id "lora-paper"'),
      }),
    );
  });

  it('reports a model whose provider does not exist and an offering naming an unknown model', () => {
    const files = fixtureKnowledgeFiles();
    (files.models as Json).models[2].provider = 'open-ai';
    (files.providers as Json).providers[0].offerings[0].models.push('gpt-9');
    const error = buildProblems(files);
    expect(error.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: 'models.json',
          path: 'models[2].provider',
          problem: 'unknown provider id "open-ai"',
        }),
        expect.objectContaining({
          file: 'providers.json',
          path: 'providers[0].offerings[0].models[1]',
          problem: 'unknown model id "gpt-9"',
        }),
      ]),
    );
  });

  it('reports a model superseded by a model that does not exist', () => {
    const files = fixtureKnowledgeFiles();
    (files.models as Json).models[0].supersededBy = 'llama-9';
    const error = buildProblems(files);
    expect(error.problems).toContainEqual(
      expect.objectContaining({
        file: 'models.json',
        path: 'models[0].supersededBy',
        problem: 'unknown or self model id "llama-9"',
      }),
    );
  });

  it('reports combinesWith pointing at itself', () => {
    const files = fixtureKnowledgeFiles();
    (files.methods as Json).methods[2].combinesWith.push('rag');
    const error = buildProblems(files);
    expect(error.problems).toContainEqual(
      expect.objectContaining({ file: 'methods.json', path: 'methods[2].combinesWith[1]' }),
    );
  });

  it('reports an unknown fact name in a rule condition by its path', () => {
    const files = fixtureKnowledgeFiles();
    (files.rules as Json).rules[0].when = { all: [{ fact: 'gpuCout', op: 'gt', value: 0 }] };
    const error = buildProblems(files);
    const problem = error.problems.find((entry) => entry.file === 'rules.json');
    expect(problem?.path).toBe('rules[0].when.all[0].fact');
    expect(problem?.fix).toContain('"gpuCount"');
  });

  it('reports operators and values that do not fit the fact type', () => {
    const files = fixtureKnowledgeFiles();
    (files.rules as Json).rules[0].when = {
      any: [
        { fact: 'needsCitations', op: 'gt', value: 1 },
        { fact: 'gpuCount', op: 'eq', value: 'two' },
        { fact: 'knowledgeChanges', op: 'in', value: ['weekly', 'hourly'] },
        { fact: 'labeledExamples', op: 'gte' },
        { fact: 'modelProvider', op: 'eq', value: 'open-ai' },
      ],
    };
    const error = buildProblems(files);
    const byPath = new Map(error.problems.map((problem) => [problem.path, problem]));
    expect(byPath.get('rules[0].when.any[0].op')?.problem).toContain('does not fit boolean fact "needsCitations"');
    expect(byPath.get('rules[0].when.any[1].value')?.problem).toContain('is not a number');
    expect(byPath.get('rules[0].when.any[2].value[1]')?.problem).toContain('"hourly" is not a known value');
    expect(byPath.get('rules[0].when.any[3].value')?.problem).toContain('needs a value');
    expect(byPath.get('rules[0].when.any[4].value')?.fix).toContain('openai');
  });

  it('reports a rule without sources and an unrecognized key', () => {
    const files = fixtureKnowledgeFiles();
    (files.rules as Json).rules[1].sources = [];
    (files.rules as Json).rules[1].weight = 3;
    const error = buildProblems(files);
    expect(error.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'rules[1].sources', fix: expect.stringContaining('at least 1') }),
        expect.objectContaining({ path: 'rules[1].weight', problem: 'unrecognized key "weight"' }),
      ]),
    );
  });
});

describe('name lookup', () => {
  const knowledge = buildKnowledge(fixtureKnowledgeFiles());

  it.each([
    ['Llama 3.1 8B', 'llama-3.1-8b'],
    ['llama-3.1-8b', 'llama-3.1-8b'],
    ['LLAMA_3.1_8B', 'llama-3.1-8b'],
    ['Llama-3.1-8B-Instruct', 'llama-3.1-8b'],
    ['meta-llama/Llama-3.1-8B-Instruct', 'llama-3.1-8b'],
    ['llama 3.1 8b chat', 'llama-3.1-8b'],
    ['Meta Llama 3.1 8B', 'llama-3.1-8b'],
    ['gpt 4o', 'gpt-4o'],
    ['  GPT-4o  ', 'gpt-4o'],
  ])('findModel(%j) → %s', (query, id) => {
    expect(knowledge.findModel(query)?.id).toBe(id);
  });

  it.each([
    ['rtx 4090', 'rtx-4090'],
    ['RTX-4090', 'rtx-4090'],
    ['4090', 'rtx-4090'],
    ['nvidia a100 80gb', 'a100-80gb'],
    ['a100', 'a100-80gb'],
    ['A100_80GB', 'a100-80gb'],
  ])('findGpu(%j) → %s', (query, id) => {
    expect(knowledge.findGpu(query)?.id).toBe(id);
  });

  it.each(['llama 3.1 70b', 'llama', 'h100', '', '   '])('does not guess: %j is unknown', (query) => {
    expect(knowledge.findModel(query) ?? knowledge.findGpu(query)).toBeUndefined();
  });
});
