/**
 * Two or more jobs in one request (newuser52 F04, newuser53 F09): each job is advised on the team's shared facts and
 * its own, so a style job and a knowledge job each get the fix for their own gap.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { adviseJobs, withJobs } from '../../src/engine/advise-jobs.ts';
import { recommend } from '../../src/engine/recommend.ts';
import { Recommendation } from '../../src/engine/recommendation-schema.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { JOB_OWN_FIELDS, type Job, Jobs, jobProfile } from '../../src/profile/job-schema.ts';
import type { Profile } from '../../src/profile/profile-schema.ts';

const knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));

const dental: { team: Profile; jobs: Job[] } = {
  team: { gpuCount: 0, monthlyBudgetUSD: 300, mlExpertise: 'none' },
  jobs: [
    {
      name: 'reminder texts',
      task: 'write appointment reminder texts in our friendly voice',
      goals: ['style'],
      taskType: 'generate',
      labeledExamples: 2000,
      needsStyleOrFormat: true,
    },
    {
      name: 'coverage questions',
      task: 'answer patients questions about what their insurance covers from our plan documents',
      goals: ['knowledge'],
      taskType: 'chat',
      unlabeledCorpus: 'small',
      knowledgeChanges: 'rarely',
    },
  ],
};

const accounting: { team: Profile; jobs: Job[] } = {
  team: { gpuName: 'RTX 4090', gpuCount: 2, dataMustStayOnPrem: true, tasksCount: 2, labeledExamples: 20000 },
  jobs: [
    {
      name: 'receipts',
      task: 'sort client receipts into 25 expense categories',
      taskType: 'classify',
      labeledExamples: 20000,
    },
    {
      name: 'tax memos',
      task: 'answer staff questions about tax rules from our internal memos',
      goals: ['knowledge'],
      taskType: 'chat',
      unlabeledCorpus: 'small',
    },
  ],
};

describe('jobProfile', () => {
  it("drops the team's own-job fields (they may be another job's) and takes the job's", () => {
    const profile = jobProfile(accounting.team, accounting.jobs[1] as Job, 2);
    expect(profile.labeledExamples).toBeUndefined();
    expect(profile.goals).toEqual(['knowledge']);
    expect(profile.gpuCount).toBe(2);
    expect(profile.dataMustStayOnPrem).toBe(true);
    for (const field of JOB_OWN_FIELDS)
      expect(profile[field]).toEqual((accounting.jobs[1] as Record<string, unknown>)[field]);
  });

  it('is one task when the count of tasks is the jobs themselves, and keeps a count of tenants above it', () => {
    expect(jobProfile(accounting.team, accounting.jobs[0] as Job, 2).tasksCount).toBe(1);
    expect(jobProfile({ ...accounting.team, tasksCount: 40 }, accounting.jobs[0] as Job, 2).tasksCount).toBe(40);
  });

  it('lets a job state its own traffic, else keeps the team figure', () => {
    const team = { ...dental.team, requestsPerDay: 500 };
    expect(jobProfile(team, dental.jobs[0] as Job, 2).requestsPerDay).toBe(500);
    expect(jobProfile(team, { ...(dental.jobs[0] as Job), requestsPerDay: 40 }, 2).requestsPerDay).toBe(40);
  });
});

describe('adviseJobs', () => {
  it('gives a style job a tuning destination and a knowledge job retrieval (dental clinics)', () => {
    const [texts, coverage] = adviseJobs(dental.team, dental.jobs, knowledge);
    expect(texts?.name).toBe('reminder texts');
    expect(['lora', 'qlora', 'managed-fine-tuning']).toContain(texts?.destination.method);
    expect(texts?.diagnosis.map((entry) => entry.need)).not.toContain('knowledge');
    expect(coverage?.destination.method).toBe('rag');
  });

  it('gives the classifier its own tuning and the memo questions retrieval, on the team GPUs (accounting firm)', () => {
    const [receipts, memos] = adviseJobs(accounting.team, accounting.jobs, knowledge);
    expect(['lora', 'qlora', 'full-fine-tuning']).toContain(receipts?.destination.method);
    expect(receipts?.destination.channel).toBe('self-run');
    expect(receipts?.estimates?.oneTimeUSD).toBe(0);
    expect(memos?.destination.method).toBe('rag');
    // Data must stay on the premises: no job is sent to a provider.
    for (const job of [receipts, memos]) expect(job?.destination.channel).not.toBe('managed');
  });

  it('is each job alone: the same as recommending on its profile', () => {
    const [, memos] = adviseJobs(accounting.team, accounting.jobs, knowledge);
    const alone = recommend(jobProfile(accounting.team, accounting.jobs[1] as Job, 2), knowledge, { explain: 'none' });
    expect(memos?.destination).toEqual(alone.destination);
    expect(memos?.plan).toEqual(alone.plan);
    expect(memos?.questions).toEqual(alone.questions);
  });
});

describe('withJobs', () => {
  it('adds the jobs and lists their sources among the others, sorted, and stays valid against the contract', () => {
    const base = recommend(dental.team, knowledge);
    const withAdvice = withJobs(base, dental.team, dental.jobs, knowledge);
    expect(withAdvice.jobs).toHaveLength(2);
    Recommendation.parse(withAdvice);
    const ids = withAdvice.sources.map((source) => source.id);
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(ids).size).toBe(ids.length);
    for (const job of withAdvice.jobs ?? []) for (const id of job.sources) expect(ids).toContain(id);
  });

  it('leaves the recommendation unchanged without two jobs', () => {
    const base = recommend(dental.team, knowledge);
    expect(withJobs(base, dental.team, undefined, knowledge)).toBe(base);
    expect(withJobs(base, dental.team, dental.jobs.slice(0, 1), knowledge)).toBe(base);
  });
});

describe('Jobs schema', () => {
  it("lets a job run on GPUs of its own: the team's count and memory are not mixed into it (newuser66 F02)", () => {
    const team: Profile = { gpuCount: 0, dataMustStayOnPrem: true, deployment: 'on-prem' };
    const summaries: Job = {
      name: 'shift summaries',
      taskType: 'generate',
      labeledExamples: 0,
      gpuName: 'NVIDIA L4',
      gpuCount: 1,
    };
    const classifier: Job = { name: 'defect codes', taskType: 'classify', labeledExamples: 9000 };
    expect(Jobs.safeParse([classifier, summaries]).success).toBe(true);
    const own = jobProfile(team, summaries, 2);
    expect(own.gpuName).toBe('NVIDIA L4');
    expect(own.gpuCount).toBe(1);
    // The other job keeps the team's: no GPU.
    expect(jobProfile(team, classifier, 2).gpuCount).toBe(0);
    // A job naming only its card takes none of the team's count or memory with it.
    const named = jobProfile({ ...team, gpuCount: 4, gpuMemoryGB: 80 }, { name: 'x', gpuName: 'NVIDIA L4' }, 2);
    expect(named.gpuCount).toBeUndefined();
    expect(named.gpuMemoryGB).toBeUndefined();
  });

  it('rejects one job, more than five, a missing name and a team field inside a job', () => {
    expect(Jobs.safeParse(dental.jobs.slice(0, 1)).success).toBe(false);
    expect(Jobs.safeParse(Array.from({ length: 6 }, (_, index) => ({ name: `job ${index}` }))).success).toBe(false);
    expect(Jobs.safeParse([{ task: 'x' }, { name: 'y' }]).success).toBe(false);
    expect(Jobs.safeParse([{ name: 'a', mlExpertise: 'basic' }, { name: 'b' }]).success).toBe(false);
    expect(Jobs.safeParse(dental.jobs).success).toBe(true);
  });
});
