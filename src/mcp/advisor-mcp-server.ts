/**
 * @module mcp/advisor-mcp-server: the advisor as an MCP server (official TypeScript SDK v2). Five read-only tools —
 * `recommend_adaptation`, `estimate_memory_and_cost`, `compare_options`, `list_methods`, `provider_facts` — each
 * with zod input and output schemas, answering with `structuredContent` plus one short text line; and the knowledge
 * as resources: every source (`advisor://sources/{id}`), the methods table (`advisor://methods`) and each method
 * (`advisor://methods/{id}`).
 *
 * `createAdvisorMcpServer` builds one fresh `McpServer`; the HTTP route (stateless: one instance per request) and the
 * stdio entry (one per connection) both call it, so both transports serve the same surface. The tools call the same
 * engine, estimator and catalog filters as the REST routes. Bad input is answered as a tool error naming the field
 * (the SDK validates against the input schema; catalog names are checked like POST /v1/estimates), never a crash.
 */

import {
  McpServer,
  ResourceNotFoundError,
  ResourceTemplate,
  type StandardSchemaWithJSON,
} from '@modelcontextprotocol/server';
import type { z } from 'zod';
import { withJobs } from '../engine/advise-jobs.ts';
import { recommend as engineRecommend } from '../engine/recommend.ts';
import { AppError } from '../errors.ts';
import { estimate as estimatorEstimate } from '../estimator/index.ts';
import { estimateAnswer } from '../http/routes/estimates.ts';
import type { EstimateFunction, RecommendFunction } from '../http/types.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { Method, Source } from '../knowledge/schemas.ts';
import type { Logger } from '../logger.ts';
import { jobsTogether } from '../profile/job-schema.ts';
import { compareOptions } from './compare-options.ts';
import { providerFacts } from './provider-facts.ts';
import {
  CompareInput,
  CompareOutput,
  EstimateInput,
  EstimateOutput,
  ListMethodsInput,
  ListMethodsOutput,
  type MethodSummary,
  ProviderFactsInput,
  ProviderFactsOutput,
  RecommendInput,
  RecommendOutput,
} from './tool-schemas.ts';

/** What the MCP server needs: the knowledge, and optionally the engine and estimator (tests replace them). */
export interface AdvisorMcpDeps {
  knowledge: Knowledge;
  /** Server version announced to clients (the API version). */
  version: string;
  recommend?: RecommendFunction;
  estimate?: EstimateFunction;
  /** Where unexpected tool failures are logged (stdio: never stdout). */
  logger?: Pick<Logger, 'error'>;
}

export const MCP_SERVER_NAME = 'adaptation-advisor';

const INSTRUCTIONS =
  'Advises how to adapt a foundation model (prompting, RAG, LoRA/QLoRA, full fine-tuning, instruction or preference ' +
  'tuning, distillation, managed fine-tuning): feasibility on the team hardware, data and budget, cost, order and ' +
  'sourced reasons. Start with recommend_adaptation on what you know of the team (every profile field is optional; ' +
  'the answer lists the questions that would change it). Use compare_options for "what if we had…", ' +
  'estimate_memory_and_cost for a single memory/cost figure, provider_facts for dated provider offers and prices.';

const READ_ONLY = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;

/**
 * A JSON Schema whose root is only a reference to one of its own definitions (what zod emits for a schema registered
 * with an id, such as the REST contract's EstimateRequest or Recommendation), with that definition inlined at the
 * root: some MCP clients read a tool's arguments from the root `properties` only. Left as it is when anything else
 * refers to the definition.
 */
export function inlineRootReference(schema: Record<string, unknown>): Record<string, unknown> {
  const { $ref, $defs, ...rest } = schema as { $ref?: unknown; $defs?: Record<string, Record<string, unknown>> };
  const name = typeof $ref === 'string' ? /^#\/\$defs\/([^/]+)$/.exec($ref)?.[1] : undefined;
  const root = name === undefined ? undefined : $defs?.[name];
  if (name === undefined || root === undefined || $defs === undefined) return schema;
  const { [name]: _root, ...others } = $defs;
  if (JSON.stringify([root, others]).includes(`"#/$defs/${name}"`)) return schema;
  return { ...rest, ...root, ...(Object.keys(others).length > 0 ? { $defs: others } : {}) };
}

/**
 * The same zod schema, with its JSON Schema computed once per process instead of once per server instance (the HTTP
 * route builds a server per request, and converting the recommendation schema, ~100 definitions, on every call would
 * cost milliseconds) and its root reference inlined. Validation is still zod's.
 */
export function withCachedJsonSchema<T extends z.ZodType>(schema: T): T & StandardSchemaWithJSON {
  const standard = schema['~standard'] as StandardSchemaWithJSON['~standard'];
  const cache = new Map<string, Record<string, unknown>>();
  const memo =
    (io: 'input' | 'output') =>
    (options: Parameters<StandardSchemaWithJSON['~standard']['jsonSchema']['input']>[0]) => {
      const key = `${io}:${options.target}`;
      let converted = cache.get(key);
      if (converted === undefined) {
        converted = inlineRootReference(standard.jsonSchema[io](options));
        cache.set(key, converted);
      }
      return converted;
    };
  return {
    '~standard': { ...standard, jsonSchema: { input: memo('input'), output: memo('output') } },
  } as unknown as T & StandardSchemaWithJSON;
}

const schemas = {
  recommendInput: withCachedJsonSchema(RecommendInput),
  recommendOutput: withCachedJsonSchema(RecommendOutput),
  estimateInput: withCachedJsonSchema(EstimateInput),
  estimateOutput: withCachedJsonSchema(EstimateOutput),
  compareInput: withCachedJsonSchema(CompareInput),
  compareOutput: withCachedJsonSchema(CompareOutput),
  listMethodsInput: withCachedJsonSchema(ListMethodsInput),
  listMethodsOutput: withCachedJsonSchema(ListMethodsOutput),
  providerFactsInput: withCachedJsonSchema(ProviderFactsInput),
  providerFactsOutput: withCachedJsonSchema(ProviderFactsOutput),
};

type ToolAnswer = {
  content: { type: 'text'; text: string }[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
};

/** A successful tool answer: the structured result and one short line of text for the model. */
function answer(structured: object, text: string): ToolAnswer {
  return { content: [{ type: 'text', text }], structuredContent: structured as Record<string, unknown> };
}

/**
 * Runs a tool body; a domain error (an unknown model or GPU name, a conflict with the catalog) becomes a tool error
 * that names the field, anything else a generic tool error (logged; no internals leak to the client).
 */
function guarded(tool: string, logger: AdvisorMcpDeps['logger'], body: () => ToolAnswer): ToolAnswer {
  try {
    return body();
  } catch (error) {
    if (error instanceof AppError) {
      const details = error.details.map((detail) => `${detail.path}: ${detail.message}`);
      const text = details.length > 0 ? `Invalid arguments for tool ${tool}: ${details.join('; ')}` : error.message;
      return { content: [{ type: 'text', text }], isError: true };
    }
    logger?.error('mcp tool failed', { tool, error });
    return {
      content: [{ type: 'text', text: `The tool ${tool} failed unexpectedly; nothing was changed.` }],
      isError: true,
    };
  }
}

/**
 * A few lines of text for a recommendation: destination, first step, open questions, and any name the catalogs did
 * not know (the engine then assumes nothing about it and says so; an agent should correct the name).
 */
export function recommendationLine(result: z.infer<typeof RecommendOutput>): string {
  const { destination, firstStep, questions } = result;
  const model =
    destination.model.name === null
      ? ''
      : ` on ${destination.model.name}${destination.model.switched ? ' (a switched model)' : ''}`;
  const asks =
    questions.length === 0 ? '' : ` Still unknown and decisive: ${questions.map((q) => q.field).join(', ')}.`;
  const unknownNames = result.assumptions
    .filter((assumption) => assumption.why.startsWith('Not found in the'))
    .map((assumption) => ` ${assumption.field} ${JSON.stringify(assumption.value)}: ${assumption.why}`)
    .join('');
  return (
    `Destination: ${destination.method} (${destination.objective}, ${destination.channel})${model}. ` +
    `First step: ${firstStep.methods.join(' + ') || 'none'}.${asks}${unknownNames} ` +
    'Full ranking, plan, costs and sources in structuredContent.'
  );
}

function methodSummary(method: Method): MethodSummary {
  return {
    id: method.id,
    name: method.name,
    family: method.family,
    whatChanges: method.whatChanges,
    changesWeights: method.changesWeights,
    needsWeightAccess: method.needsWeightAccess,
    dataNeeded: method.dataNeeded.summary,
    minExamples: method.dataNeeded.minExamples,
    computeClass: method.computeClass,
    expertise: method.expertise,
    whenToUse: [...method.whenToUse],
    whenNotToUse: [...method.whenNotToUse],
    combinesWith: [...method.combinesWith],
    sources: [...method.sources],
    resource: `advisor://methods/${method.id}`,
  };
}

function sourceDescription(source: Source): string {
  return `${source.authors ?? source.publisher ?? ''}, ${source.year} (${source.kind})`;
}

function jsonContents(uri: URL, value: unknown) {
  return { contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(value, null, 2) }] };
}

function registerTools(server: McpServer, deps: AdvisorMcpDeps): void {
  const { knowledge, logger } = deps;
  const recommend = deps.recommend ?? engineRecommend;
  const estimate = deps.estimate ?? estimatorEstimate;

  server.registerTool(
    'recommend_adaptation',
    {
      title: 'Recommend how to adapt a model',
      description:
        'Ranks every adaptation method for a team profile (model, GPUs, data, budget, rules, goals): the destination ' +
        '(method, objective, channel, model), the first step, feasibility of each method with cited reasons, memory ' +
        'and cost estimates, a staged plan, the questions that would change the answer and its sources. With `jobs` ' +
        '(two to five), each job is also advised on its own. The same engine, profile and jobs as ' +
        'POST /v1/recommendations; deterministic.',
      inputSchema: schemas.recommendInput,
      outputSchema: schemas.recommendOutput,
      annotations: READ_ONLY,
    },
    ({ profile: team, jobs, explain }) =>
      guarded('recommend_adaptation', logger, () => {
        const profile = jobsTogether(team, jobs);
        const result = withJobs(recommend(profile, knowledge, { explain }), profile, jobs, knowledge);
        return answer(result, recommendationLine(result));
      }),
  );

  server.registerTool(
    'estimate_memory_and_cost',
    {
      title: 'Estimate memory, compute and cost',
      description:
        'GPU memory (with its breakdown), training compute and cost of one model × workload (inference, lora, qlora, ' +
        'full-fine-tuning) × hardware, from published formulas; whether it fits the GPUs. The same calculator as ' +
        'POST /v1/estimates. Give modelName (catalog) or modelParamsB.',
      inputSchema: schemas.estimateInput,
      outputSchema: schemas.estimateOutput,
      annotations: READ_ONLY,
    },
    (request) =>
      guarded('estimate_memory_and_cost', logger, () => {
        const result = estimateAnswer(request, knowledge, estimate);
        const fits = result.fits === null ? 'GPU memory unknown' : result.fits ? 'fits' : 'does not fit';
        const cost = result.costUSD === undefined ? '' : `, about $${result.costUSD}`;
        const hours = result.compute === undefined ? '' : `, ${result.compute.gpuHours} GPU-hours`;
        return answer(
          result,
          `${result.model.name ?? `${result.model.paramsB}B model`} ${request.workload}: ${result.memoryGB.total} GB in total ` +
            `(${result.memoryGB.perGpu} GB per GPU), ${fits}${hours}${cost}.`,
        );
      }),
  );

  server.registerTool(
    'compare_options',
    {
      title: 'Compare situations side by side',
      description:
        'Compares a base profile with variants that override some of its fields (other GPUs, more data, a budget, ' +
        'another model): per option the destination, first step, feasibility and costs of the key methods and the ' +
        'compute options, then only what differs. Up to 8 options.',
      inputSchema: schemas.compareInput,
      outputSchema: schemas.compareOutput,
      annotations: READ_ONLY,
    },
    (input) =>
      guarded('compare_options', logger, () => {
        const result = compareOptions(input, knowledge, recommend);
        return answer(result, result.summary);
      }),
  );

  server.registerTool(
    'list_methods',
    {
      title: 'List the adaptation methods',
      description:
        'The methods table: id, name, family, what each changes, the data it needs, compute class, expertise, when ' +
        'to use it and when not, sources. Ids are the ones every other tool uses.',
      inputSchema: schemas.listMethodsInput,
      outputSchema: schemas.listMethodsOutput,
      annotations: READ_ONLY,
    },
    ({ family }) =>
      guarded('list_methods', logger, () => {
        const methods = knowledge.methods.filter((method) => family === undefined || method.family === family);
        return answer(
          { methods: methods.map(methodSummary), knowledgeVersion: knowledge.version },
          `${methods.length} methods: ${methods.map((method) => method.id).join(', ')}.`,
        );
      }),
  );

  server.registerTool(
    'provider_facts',
    {
      title: 'Dated provider facts',
      description:
        "Dated facts from the knowledge catalog: providers' managed tuning offers (status, last day, restrictions), " +
        'announced model end-of-life dates, API list prices and GPU rental prices, each with the date its source ' +
        'showed it and its source ids. Filter by a provider, model or GPU name.',
      inputSchema: schemas.providerFactsInput,
      outputSchema: schemas.providerFactsOutput,
      annotations: READ_ONLY,
    },
    (input) =>
      guarded('provider_facts', logger, () => {
        const result = providerFacts(input, knowledge);
        const head = result.facts
          .slice(0, 3)
          .map((fact) => fact.statement)
          .join(' ');
        return answer(
          result,
          `${result.facts.length} dated facts (judged at ${result.referenceDate}).${head === '' ? '' : ` ${head}`}`,
        );
      }),
  );
}

function registerResources(server: McpServer, knowledge: Knowledge): void {
  server.registerResource(
    'source',
    new ResourceTemplate('advisor://sources/{id}', {
      list: () => ({
        resources: knowledge.sources.map((source) => ({
          uri: `advisor://sources/${source.id}`,
          name: source.id,
          title: source.title,
          description: sourceDescription(source),
          mimeType: 'application/json',
        })),
      }),
    }),
    {
      title: 'Knowledge source',
      description: 'A published source the rules and catalogs cite: title, authors or publisher, year, URL, notes',
      mimeType: 'application/json',
    },
    (uri, variables) => {
      const id = String(variables.id);
      const source = knowledge.sourceById.get(id);
      if (source === undefined) throw new ResourceNotFoundError(uri.href, `No source with id "${id}"`);
      return jsonContents(uri, source);
    },
  );

  server.registerResource(
    'methods',
    'advisor://methods',
    {
      title: 'The methods table',
      description: 'Every adaptation method with its full entry (data needed, cost drivers, strengths, limitations)',
      mimeType: 'application/json',
    },
    (uri) => jsonContents(uri, { methods: knowledge.methods, knowledgeVersion: knowledge.version }),
  );

  server.registerResource(
    'method',
    new ResourceTemplate('advisor://methods/{id}', {
      list: () => ({
        resources: knowledge.methods.map((method) => ({
          uri: `advisor://methods/${method.id}`,
          name: method.id,
          title: method.name,
          description: method.whatChanges,
          mimeType: 'application/json',
        })),
      }),
    }),
    { title: 'Adaptation method', description: 'One entry of the methods table', mimeType: 'application/json' },
    (uri, variables) => {
      const id = String(variables.id);
      const method = knowledge.methods.find((candidate) => candidate.id === id);
      if (method === undefined) throw new ResourceNotFoundError(uri.href, `No method with id "${id}"`);
      return jsonContents(uri, method);
    },
  );
}

/** A fresh MCP server with the advisor's tools and resources. */
export function createAdvisorMcpServer(deps: AdvisorMcpDeps): McpServer {
  const server = new McpServer(
    { name: MCP_SERVER_NAME, title: 'Adaptation Advisor', version: deps.version },
    { instructions: INSTRUCTIONS },
  );
  registerTools(server, deps);
  registerResources(server, deps.knowledge);
  return server;
}
