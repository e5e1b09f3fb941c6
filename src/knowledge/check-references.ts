import type { KnowledgeProblem } from '../errors.ts';
import {
  CHANGE_FREQUENCIES,
  CORPUS_SIZES,
  DEPLOYMENTS,
  EXPERTISE_LEVELS,
  METHOD_IDS,
  MODALITIES,
  MODEL_ACCESS,
} from '../profile/profile-schema.ts';
import { normalizeName } from './normalize-name.ts';
import {
  ARCHITECTURE_KINDS,
  type ComparisonOp,
  type Condition,
  FACT_TYPES,
  type FactName,
  type Gpu,
  type Method,
  type Model,
  type Provider,
  type Rule,
  type Source,
} from './schemas.ts';
import { formatJsonPath } from './zod-problems.ts';

/** The files that passed their schema (a file that failed is absent, and checks that need it are skipped). */
export interface ParsedFiles {
  sources?: { sources: Source[] };
  models?: { models: Model[] };
  gpus?: { gpus: Gpu[] };
  providers?: { providers: Provider[] };
  methods?: { methods: Method[] };
  rules?: { rules: Rule[] };
}

/** Operators allowed per fact type. `known` tests presence and works for every type. */
const OPS_BY_TYPE: Record<string, readonly ComparisonOp[]> = {
  string: ['eq', 'neq', 'in', 'notIn', 'known'],
  enum: ['eq', 'neq', 'in', 'notIn', 'known'],
  number: ['eq', 'neq', 'in', 'notIn', 'lt', 'lte', 'gt', 'gte', 'known'],
  boolean: ['eq', 'neq', 'known'],
};

/**
 * Cross-file integrity checks: duplicate ids, duplicate names across entries, dangling references (sources,
 * providers, models, methods) and rule conditions whose operator or value does not fit the fact.
 * `rawFiles` are the JSON values of every file that parsed as JSON (also those that failed their schema),
 * so dangling source ids are reported even in a file that has other problems.
 */
export function checkReferences(parsed: ParsedFiles, rawFiles: ReadonlyMap<string, unknown>): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const add = (file: string, path: readonly PropertyKey[], problem: string, fix: string) =>
    problems.push({ file, path: formatJsonPath(path), problem, fix });

  // duplicate ids
  const idLists: [string, string, readonly { id: string }[] | undefined][] = [
    ['sources.json', 'sources', parsed.sources?.sources],
    ['models.json', 'models', parsed.models?.models],
    ['gpus.json', 'gpus', parsed.gpus?.gpus],
    ['providers.json', 'providers', parsed.providers?.providers],
    ['methods.json', 'methods', parsed.methods?.methods],
    ['rules.json', 'rules', parsed.rules?.rules],
  ];
  for (const [file, key, list] of idLists) {
    const firstIndex = new Map<string, number>();
    list?.forEach((entry, index) => {
      const first = firstIndex.get(entry.id);
      if (first === undefined) firstIndex.set(entry.id, index);
      else
        add(
          file,
          [key, index, 'id'],
          `duplicate id "${entry.id}" (first used at ${key}[${first}])`,
          'give every entry a unique id',
        );
    });
  }

  // duplicate names/aliases across entries of one catalog (after normalisation)
  const catalogs: [string, string, readonly { id: string; name: string; aliases: readonly string[] }[] | undefined][] =
    [
      ['models.json', 'models', parsed.models?.models],
      ['gpus.json', 'gpus', parsed.gpus?.gpus],
      ['providers.json', 'providers', parsed.providers?.providers],
    ];
  for (const [file, key, list] of catalogs) {
    const owner = new Map<string, string>();
    list?.forEach((entry, index) => {
      const names: [string, PropertyKey[]][] = [
        [entry.id, [key, index, 'id']],
        [entry.name, [key, index, 'name']],
        ...entry.aliases.map((alias, aliasIndex): [string, PropertyKey[]] => [
          alias,
          [key, index, 'aliases', aliasIndex],
        ]),
      ];
      for (const [name, path] of names) {
        const normalised = normalizeName(name);
        const existing = owner.get(normalised);
        if (existing === undefined) owner.set(normalised, entry.id);
        else if (existing !== entry.id)
          add(
            file,
            path,
            `name "${name}" normalises to "${normalised}", which already names "${existing}"`,
            'remove or change this name so each name resolves to exactly one entry',
          );
      }
    });
  }

  // every `sources` array anywhere cites existing source ids
  const sourceIds = parsed.sources ? new Set(parsed.sources.sources.map((source) => source.id)) : undefined;
  if (sourceIds) {
    for (const [file, raw] of rawFiles) {
      if (file === 'sources.json') continue;
      walkSourceArrays(raw, [], (id, path) => {
        if (!sourceIds.has(id))
          add(
            file,
            path,
            `unknown source id "${id}"`,
            'add it to knowledge/sources.json or cite an existing source id',
          );
      });
    }
  }

  const providerIds = parsed.providers ? new Set(parsed.providers.providers.map((provider) => provider.id)) : undefined;
  const modelIds = parsed.models ? new Set(parsed.models.models.map((model) => model.id)) : undefined;
  const methodIds = parsed.methods ? new Set<string>(parsed.methods.methods.map((method) => method.id)) : undefined;

  // models → providers
  if (parsed.models && providerIds) {
    parsed.models.models.forEach((model, index) => {
      if (model.provider !== undefined && !providerIds.has(model.provider))
        add(
          'models.json',
          ['models', index, 'provider'],
          `unknown provider id "${model.provider}"`,
          'use an id from knowledge/providers.json or add that provider',
        );
    });
  }

  // models → the model that supersedes them
  if (parsed.models && modelIds) {
    parsed.models.models.forEach((model, index) => {
      if (model.supersededBy !== undefined && (!modelIds.has(model.supersededBy) || model.supersededBy === model.id))
        add(
          'models.json',
          ['models', index, 'supersededBy'],
          `unknown or self model id "${model.supersededBy}"`,
          'use the id of another entry in knowledge/models.json',
        );
    });
  }

  // provider offerings → models
  if (parsed.providers && modelIds) {
    parsed.providers.providers.forEach((provider, providerIndex) => {
      provider.offerings.forEach((offering, offeringIndex) => {
        offering.models.forEach((modelId, modelIndex) => {
          if (!modelIds.has(modelId))
            add(
              'providers.json',
              ['providers', providerIndex, 'offerings', offeringIndex, 'models', modelIndex],
              `unknown model id "${modelId}"`,
              'use an id from knowledge/models.json or add that model',
            );
        });
      });
    });
  }

  // methods: all 13 present, combinesWith points at other methods
  if (parsed.methods && methodIds) {
    for (const id of METHOD_IDS) {
      if (!methodIds.has(id))
        add(
          'methods.json',
          ['methods'],
          `method "${id}" is missing`,
          `add an entry with id "${id}" (every public method id needs one)`,
        );
    }
    parsed.methods.methods.forEach((method, index) => {
      method.combinesWith.forEach((other, otherIndex) => {
        if (other === method.id)
          add(
            'methods.json',
            ['methods', index, 'combinesWith', otherIndex],
            `method "${method.id}" lists itself`,
            'remove it',
          );
        else if (!methodIds.has(other))
          add(
            'methods.json',
            ['methods', index, 'combinesWith', otherIndex],
            `unknown method id "${other}"`,
            'use an id from knowledge/methods.json',
          );
      });
    });
  }

  // rules: blocks/scores name existing methods; conditions fit their facts
  if (parsed.rules) {
    const families = parsed.models ? new Set(parsed.models.models.map((model) => model.family)) : undefined;
    const enumValues: Partial<Record<FactName, ReadonlySet<string>>> = {
      modelAccess: new Set(MODEL_ACCESS),
      modality: new Set(MODALITIES),
      unlabeledCorpus: new Set(CORPUS_SIZES),
      knowledgeChanges: new Set(CHANGE_FREQUENCIES),
      mlExpertise: new Set(EXPERTISE_LEVELS),
      deployment: new Set(DEPLOYMENTS),
      modelArchitecture: new Set(ARCHITECTURE_KINDS),
      ...(providerIds ? { modelProvider: providerIds } : {}),
      ...(families ? { modelFamily: families } : {}),
    };
    parsed.rules.rules.forEach((rule, index) => {
      if (methodIds) {
        rule.blocks.forEach((method, blockIndex) => {
          if (!methodIds.has(method))
            add(
              'rules.json',
              ['rules', index, 'blocks', blockIndex],
              `unknown method id "${method}"`,
              'use an id from knowledge/methods.json',
            );
        });
        for (const method of Object.keys(rule.scores)) {
          if (!methodIds.has(method))
            add(
              'rules.json',
              ['rules', index, 'scores', method],
              `unknown method id "${method}"`,
              'use an id from knowledge/methods.json',
            );
        }
      }
      checkCondition(rule.when, ['rules', index, 'when'], enumValues, (path, problem, fix) =>
        add('rules.json', path, problem, fix),
      );
    });
  }

  return problems;
}

function walkSourceArrays(value: unknown, path: PropertyKey[], visit: (id: string, path: PropertyKey[]) => void): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      walkSourceArrays(item, [...path, index], visit);
    });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, item] of Object.entries(value)) {
    if (key === 'sources' && Array.isArray(item)) {
      item.forEach((id, index) => {
        if (typeof id === 'string') visit(id, [...path, key, index]);
      });
    } else {
      walkSourceArrays(item, [...path, key], visit);
    }
  }
}

type Report = (path: PropertyKey[], problem: string, fix: string) => void;

/** Checks one condition tree: operator allowed for the fact's type, value of the right shape and, for enums, a known member. */
export function checkCondition(
  condition: Condition,
  path: PropertyKey[],
  enumValues: Partial<Record<FactName, ReadonlySet<string>>>,
  report: Report,
): void {
  if ('all' in condition) {
    for (const [index, child] of condition.all.entries())
      checkCondition(child, [...path, 'all', index], enumValues, report);
    return;
  }
  if ('any' in condition) {
    for (const [index, child] of condition.any.entries())
      checkCondition(child, [...path, 'any', index], enumValues, report);
    return;
  }
  if ('not' in condition) {
    checkCondition(condition.not, [...path, 'not'], enumValues, report);
    return;
  }
  const type = FACT_TYPES[condition.fact];
  const allowed = OPS_BY_TYPE[type] ?? [];
  if (!allowed.includes(condition.op)) {
    report(
      [...path, 'op'],
      `operator "${condition.op}" does not fit ${type} fact "${condition.fact}"`,
      `use one of: ${allowed.join(', ')}`,
    );
    return;
  }
  const value = condition.value;
  const scalarType = type === 'enum' ? 'string' : type;
  if (condition.op === 'known') {
    if (value !== undefined && typeof value !== 'boolean')
      report([...path, 'value'], '"known" takes no value (or true/false)', 'remove the value, or use true/false');
    return;
  }
  if (value === undefined) {
    report([...path, 'value'], `operator "${condition.op}" needs a value`, `give a ${scalarType} value`);
    return;
  }
  const values = condition.op === 'in' || condition.op === 'notIn' ? value : [value];
  if (!Array.isArray(values)) {
    report([...path, 'value'], `operator "${condition.op}" needs a list`, `give a list of ${scalarType} values`);
    return;
  }
  if (condition.op !== 'in' && condition.op !== 'notIn' && Array.isArray(value)) {
    report(
      [...path, 'value'],
      `operator "${condition.op}" needs a single value, not a list`,
      `give one ${scalarType} value or use "in"`,
    );
    return;
  }
  const known = enumValues[condition.fact];
  values.forEach((item, index) => {
    const itemPath = Array.isArray(value) ? [...path, 'value', index] : [...path, 'value'];
    if (typeof item !== scalarType) {
      report(
        itemPath,
        `value ${JSON.stringify(item)} is not a ${scalarType} (fact "${condition.fact}" is ${type})`,
        `give a ${scalarType} value`,
      );
    } else if (known && typeof item === 'string' && !known.has(item)) {
      report(
        itemPath,
        `"${item}" is not a known value of fact "${condition.fact}"`,
        `use one of: ${[...known].join(', ')}`,
      );
    }
  });
}
