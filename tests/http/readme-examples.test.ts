/**
 * The README's recommendation examples work as printed: each `curl … /v1/recommendations` example is sent to the app
 * (real knowledge/), and the abbreviated answer printed under it must match the response on what it claims: the
 * destination method, the model it is planned on (and whether that is a switch or a student), and the questions.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Recommendation } from '../../src/engine/recommendation-schema.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { buildTestApp, jsonRequest } from '../helpers/build-test-app.ts';

interface ReadmeExample {
  title: string;
  body: { profile: Record<string, unknown>; jobs?: Record<string, unknown>[]; options?: Record<string, unknown> };
  /** The printed answer block under the curl command, when the example prints one. */
  printed: string | undefined;
}

function readmeExamples(): ReadmeExample[] {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const sections = readme.split(/^### /m).slice(1);
  const examples: ReadmeExample[] = [];
  for (const section of sections) {
    const title = section.slice(0, section.indexOf('\n'));
    const curl = /curl -s http:\/\/localhost:3000\/v1\/recommendations \\\n(?:.*\\\n)*\s*-d '(\{.*\})'\n```/.exec(
      section,
    );
    if (!curl?.[1]) continue;
    const after = section.slice((curl.index ?? 0) + curl[0].length);
    const printed = /^\s*(?:[^`]*?\n)?```\n([\s\S]*?)```/.exec(after)?.[1];
    examples.push({
      title,
      body: JSON.parse(curl[1]),
      printed: printed?.includes('destination:') ? printed : undefined,
    });
  }
  return examples;
}

/** The printed line starting with `label:` and its indented continuation lines, as one string. */
function printedField(printed: string, label: string): string | undefined {
  const lines = printed.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`${label}:`));
  if (start < 0) return undefined;
  let text = lines[start]!.slice(label.length + 1);
  for (const line of lines.slice(start + 1)) {
    if (!/^\s{4,}/.test(line)) break;
    text += ` ${line.trim()}`;
  }
  return text.trim();
}

describe('README recommendation examples', () => {
  let app: ReturnType<typeof buildTestApp>['app'];
  beforeAll(async () => {
    const knowledge: Knowledge = await loadKnowledge('knowledge');
    app = buildTestApp({ knowledge }).app;
  });
  const examples = readmeExamples();

  it('finds the examples (a README edit that breaks the parsing fails here)', () => {
    expect(examples.length).toBeGreaterThanOrEqual(6);
    expect(examples.filter((example) => example.printed !== undefined).length).toBeGreaterThanOrEqual(5);
  });

  it.each(examples.map((example) => [example.title, example] as const))('%s', async (_title, example) => {
    const response = await app.request('/v1/recommendations', jsonRequest('POST', example.body));
    expect(response.status).toBe(200);
    const answer = Recommendation.parse(await response.json());
    expect(answer.recommendations[0]?.method).toBe(answer.destination.method);
    if (example.printed === undefined) return;

    const destination = printedField(example.printed, 'destination') ?? '';
    expect(destination.split(/\s+/)[0]).toBe(answer.destination.method);
    const student = /^distillation into (.+?) \(/.exec(destination)?.[1];
    if (student !== undefined) expect(answer.destination.student).toBe(student);
    const switched = /^\S+ on (.+?) \(model\.switched: true/.exec(destination)?.[1];
    if (switched !== undefined) {
      expect(answer.destination.model?.name).toBe(switched);
      expect(answer.destination.model?.switched).toBe(true);
    }
    const onModel = /^\S+ on (.+?) —/.exec(destination)?.[1];
    if (onModel !== undefined) expect(answer.destination.model?.name).toBe(onModel);

    const questions = printedField(example.printed, 'questions');
    if (questions !== undefined) {
      // "task (nothing says …), canSwitchModel (…), requestsPerDay": the field names outside the parentheses.
      const fields = questions
        .replace(/\([^)]*\)/g, '')
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
      expect(answer.questions.map((question) => question.field)).toEqual(fields);
    }
    // "receipts → lora on Llama 3.1 8B (…); tax memos → rag on Qwen2.5 14B (…)": each job's destination and model.
    const jobs = printedField(example.printed, 'jobs');
    if (jobs !== undefined) {
      const printedJobs = jobs
        .replace(/\([^)]*\)/g, '')
        .split(';')
        .map((item) => /^\s*(.+?) → ([\w-]+) on (.+?)\s*$/.exec(item)?.slice(1));
      expect(answer.jobs?.map((job) => [job.name, job.destination.method, job.destination.model.name])).toEqual(
        printedJobs,
      );
    }
    const sensitivity = printedField(example.printed, 'sensitivity');
    if (sensitivity !== undefined) {
      const [, field, value, becomes] = /^(\w+) at ([\d.]+) → ([\w-]+)/.exec(sensitivity) ?? [];
      expect(answer.sensitivity).toContainEqual(expect.objectContaining({ field, value: Number(value), becomes }));
    }
  });
});

describe('README prose claims next to the examples', () => {
  let app: ReturnType<typeof buildTestApp>['app'];
  beforeAll(async () => {
    app = buildTestApp({ knowledge: await loadKnowledge('knowledge') }).app;
  });
  const ask = async (profile: Record<string, unknown>) =>
    Recommendation.parse(await (await app.request('/v1/recommendations', jsonRequest('POST', { profile }))).json());

  it('"Add oneTimeBudgetUSD: 0 and the answer becomes LoRA on Llama 3.1 8B" (the 70B on one 24 GB card)', async () => {
    const answer = await ask({
      modelName: 'Llama 3.1 70B',
      gpuName: 'RTX 4090',
      gpuCount: 1,
      labeledExamples: 3000,
      needsStyleOrFormat: true,
      oneTimeBudgetUSD: 0,
    });
    expect(answer.destination.method).toBe('lora');
    expect(answer.destination.model?.name).toBe('Llama 3.1 8B');
  });

  it('"With canSwitchModel: false the destination stays on GPT-4o (not-viable) and the options are still listed"', async () => {
    const answer = await ask({
      modelName: 'GPT-4o',
      dataMustStayOnPrem: true,
      gpuName: 'A100 80GB',
      gpuCount: 8,
      labeledExamples: 2000,
      needsStyleOrFormat: true,
      canSwitchModel: false,
    });
    expect(answer.destination.model?.name).toBe('GPT-4o');
    expect(answer.recommendations[0]?.verdict).toBe('not-viable');
    expect(answer.modelOptions?.length ?? 0).toBeGreaterThan(0);
  });
});
