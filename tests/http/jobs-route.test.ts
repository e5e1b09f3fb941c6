/** POST /v1/recommendations with `jobs`: each job advised on its own, validated by name, cached with the jobs. */
import { describe, expect, it } from 'vitest';
import { Recommendation } from '../../src/engine/recommendation-schema.ts';
import { buildTestApp, jsonRequest } from '../helpers/build-test-app.ts';

type ErrorJson = { error: { code: string; details: { path: string; message: string }[] } };

const profile = { gpuName: 'RTX 4090', gpuCount: 2, dataMustStayOnPrem: true };
const jobs = [
  {
    name: 'receipts',
    task: 'sort client receipts into 25 expense categories',
    taskType: 'classify',
    labeledExamples: 20000,
  },
  { name: 'tax memos', task: 'answer staff questions about tax rules', goals: ['knowledge'], unlabeledCorpus: 'small' },
];

describe('post /v1/recommendations with jobs', () => {
  const { app } = buildTestApp({ config: { RECOMMENDATION_CACHE_SIZE: 16 } });

  it('answers one advice per job, in the order given, valid against the contract', async () => {
    const response = await app.request('/v1/recommendations', jsonRequest('POST', { profile, jobs }));
    expect(response.status).toBe(200);
    const body = Recommendation.parse(await response.json());
    expect(body.jobs?.map((job) => job.name)).toEqual(['receipts', 'tax memos']);
    expect(body.jobs?.[1]?.destination.method).toBe('rag');
    expect(body.jobs?.[0]?.destination.method).not.toBe('rag');
  });

  it('has no jobs field without jobs, and the jobs are part of the cache key', async () => {
    const plain = (await (await app.request('/v1/recommendations', jsonRequest('POST', { profile }))).json()) as {
      jobs?: unknown;
    };
    expect(plain.jobs).toBeUndefined();
    const other = [jobs[1], jobs[0]];
    const first = (await (
      await app.request('/v1/recommendations', jsonRequest('POST', { profile, jobs: other }))
    ).json()) as { jobs: { name: string }[] };
    expect(first.jobs.map((job) => job.name)).toEqual(['tax memos', 'receipts']);
  });

  it.each([
    ['one job', { profile, jobs: [jobs[0]] }, 'jobs'],
    [
      'a team field inside a job',
      { profile, jobs: [{ ...jobs[0], mlExpertise: 'basic' }, jobs[1]] },
      'jobs[0].mlExpertise',
    ],
    ['a job without a name', { profile, jobs: [{ task: 'x' }, jobs[1]] }, 'jobs[0].name'],
    ['a wrong type', { profile, jobs: [{ ...jobs[0], labeledExamples: 'lots' }, jobs[1]] }, 'jobs[0].labeledExamples'],
    ['a name used twice', { profile, jobs: [jobs[0], { ...jobs[1], name: 'Receipts ' }] }, 'jobs[1].name'],
  ])('rejects %s with a 400 naming the field', async (_label, body, path) => {
    const response = await app.request('/v1/recommendations', jsonRequest('POST', body));
    expect(response.status).toBe(400);
    const error = (await response.json()) as ErrorJson;
    expect(error.error.details.map((detail) => detail.path).some((at) => at.startsWith(path))).toBe(true);
  });
});
