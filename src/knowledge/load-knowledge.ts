import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { KnowledgeError, type KnowledgeProblem } from '../errors.ts';
import type { MethodId } from '../profile/profile-schema.ts';
import { checkReferences, type ParsedFiles } from './check-references.ts';
import type { Knowledge } from './knowledge.ts';
import { createNameIndex } from './name-index.ts';
import { GpusFile, Manifest, MethodsFile, ModelsFile, ProvidersFile, RulesFile, SourcesFile } from './schemas.ts';
import { problemsFromZodIssues } from './zod-problems.ts';

/** The knowledge files, in the fixed order used for the version hash. */
export const KNOWLEDGE_FILES = ['manifest', 'sources', 'models', 'gpus', 'providers', 'methods', 'rules'] as const;
export type KnowledgeFileName = (typeof KNOWLEDGE_FILES)[number];

const SCHEMAS = {
  manifest: Manifest,
  sources: SourcesFile,
  models: ModelsFile,
  gpus: GpusFile,
  providers: ProvidersFile,
  methods: MethodsFile,
  rules: RulesFile,
} as const;

/** The JSON content of each knowledge file, before validation (what `JSON.parse` returned). */
export type KnowledgeFiles = Record<KnowledgeFileName, unknown>;

/**
 * Reads knowledge/{manifest,sources,models,gpus,providers,methods,rules}.json from `dir`, validates each with its
 * schema and cross-checks references. Returns the frozen Knowledge. On any problem it throws ONE KnowledgeError
 * listing every problem found as `knowledge/<file>: <json path>: <problem> — fix: <how>` (invalid JSON gives
 * line and column). The version is "kb-" + the first 12 hex digits of sha256 over the files' bytes in fixed order.
 */
export async function loadKnowledge(dir: string): Promise<Knowledge> {
  const problems: KnowledgeProblem[] = [];
  const files: Partial<KnowledgeFiles> = {};
  const hash = createHash('sha256');
  for (const name of KNOWLEDGE_FILES) {
    const file = `${name}.json`;
    let text: string;
    try {
      text = await readFile(join(dir, file), 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push({
        file,
        path: '',
        problem: code === 'ENOENT' ? `file not found in ${dir}` : `cannot read the file (${code ?? String(error)})`,
        fix:
          code === 'ENOENT'
            ? `create ${file} or point KNOWLEDGE_DIR at the knowledge directory`
            : 'check the file permissions',
      });
      continue;
    }
    hash.update(`${file}\0`).update(text).update('\0');
    try {
      files[name] = JSON.parse(text) as unknown;
    } catch (error) {
      problems.push({
        file,
        path: '',
        problem: describeJsonError(text, error),
        fix: 'correct the JSON syntax at that position',
      });
    }
  }
  const version = `kb-${hash.digest('hex').slice(0, 12)}`;
  return buildFromFiles(files, version, problems);
}

/**
 * Builds Knowledge from already-parsed JSON (tests, tools). Runs the same validation as `loadKnowledge` and
 * throws a KnowledgeError listing every problem. Without `version`, the version hashes the JSON texts.
 */
export function buildKnowledge(files: KnowledgeFiles, version?: string): Knowledge {
  const effectiveVersion = version ?? hashParsedFiles(files);
  return buildFromFiles(files, effectiveVersion, []);
}

function hashParsedFiles(files: KnowledgeFiles): string {
  const hash = createHash('sha256');
  for (const name of KNOWLEDGE_FILES)
    hash
      .update(`${name}.json\0`)
      .update(JSON.stringify(files[name]) ?? '')
      .update('\0');
  return `kb-${hash.digest('hex').slice(0, 12)}`;
}

type Parsed = { [K in KnowledgeFileName]: z.infer<(typeof SCHEMAS)[K]> };

function buildFromFiles(
  files: Partial<KnowledgeFiles>,
  version: string,
  earlierProblems: KnowledgeProblem[],
): Knowledge {
  const problems = [...earlierProblems];
  const parsed: Partial<Parsed> = {};
  const rawFiles = new Map<string, unknown>();
  for (const name of KNOWLEDGE_FILES) {
    if (!(name in files)) continue;
    const raw = files[name];
    rawFiles.set(`${name}.json`, raw);
    const result = SCHEMAS[name].safeParse(raw, { reportInput: true });
    if (result.success) (parsed as Record<string, unknown>)[name] = result.data;
    else problems.push(...problemsFromZodIssues(`${name}.json`, result.error.issues));
  }
  problems.push(...checkReferences(parsed as ParsedFiles, rawFiles));
  if (problems.length > 0) throw new KnowledgeError(problems);
  return assemble(parsed as Parsed, version);
}

function assemble(parsed: Parsed, version: string): Knowledge {
  const data = deepFreeze(parsed);
  const models = data.models.models;
  const gpus = data.gpus.gpus;
  const modelIndex = createNameIndex(models);
  const gpuIndex = createNameIndex(gpus);
  const knowledge: Knowledge = {
    version,
    manifest: data.manifest,
    sources: data.sources.sources,
    models,
    gpus,
    providers: data.providers.providers,
    methods: data.methods.methods,
    rules: data.rules.rules,
    sourceById: new ReadonlyMapView(new Map(data.sources.sources.map((source) => [source.id, source]))),
    methodById: new ReadonlyMapView(new Map(data.methods.methods.map((method) => [method.id as MethodId, method]))),
    providerById: new ReadonlyMapView(new Map(data.providers.providers.map((provider) => [provider.id, provider]))),
    findModel: (name) => modelIndex.find(name),
    findGpu: (name) => gpuIndex.find(name),
  };
  return Object.freeze(knowledge);
}

/** A read-only view of a Map: a frozen Map can still be mutated with set(), this cannot. */
class ReadonlyMapView<K, V> implements ReadonlyMap<K, V> {
  readonly #map: Map<K, V>;
  constructor(map: Map<K, V>) {
    this.#map = map;
    Object.freeze(this);
  }
  get size(): number {
    return this.#map.size;
  }
  get(key: K): V | undefined {
    return this.#map.get(key);
  }
  has(key: K): boolean {
    return this.#map.has(key);
  }
  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.#map) callback.call(thisArg, value, key, this);
  }
  entries(): MapIterator<[K, V]> {
    return this.#map.entries();
  }
  keys(): MapIterator<K> {
    return this.#map.keys();
  }
  values(): MapIterator<V> {
    return this.#map.values();
  }
  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.#map[Symbol.iterator]();
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

/** "Unexpected token ... at line 3 column 5" from a JSON.parse error, computing line/column from the position. */
export function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const base = message.replace(/\s*(?:in JSON )?at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)$/, '');
  const match = /at position (\d+)/.exec(message);
  const position = match?.[1] !== undefined ? Number(match[1]) : text.length;
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `invalid JSON: ${base} at line ${line} column ${column}`;
}
