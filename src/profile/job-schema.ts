/**
 * @module One job of several in one request: "write the reminder texts in our voice, and answer coverage questions from
 * our plan documents" is two jobs on one team. A job holds what differs between jobs (the task, its gaps, its data)
 * and may override the team's model, where it runs, whether its data may leave, its traffic and the GPUs it runs on; the
 * rest of the team's facts (budgets, deadline, expertise) stay in the profile.
 */
import { z } from 'zod';
import { Profile, type ProfileField } from './profile-schema.ts';

/**
 * What only the job says: never taken from the team's profile, because the profile's values may belong to another
 * job (20,000 labelled receipts are no data for the tax-memo questions).
 */
export const JOB_OWN_FIELDS = [
  'task',
  'goals',
  'taskType',
  'labeledExamples',
  'preferencePairs',
  'unlabeledCorpus',
  'corpusTokens',
  'knowledgeChanges',
  'needsCitations',
  'needsStyleOrFormat',
  'safetyCritical',
  'tried',
  'exampleTokens',
] as const satisfies readonly ProfileField[];

/**
 * What the job may say for itself, else the team's value holds: its own model ("for the cake photos we would use
 * SDXL"), modality, traffic and languages.
 */
export const JOB_OVERRIDE_FIELDS = [
  'modelName',
  'modelParamsB',
  'modelAccess',
  'modelStage',
  'modality',
  // ("the contract sorter should stay on our own server": where one job runs and whether its data may leave.)
  'deployment',
  // ("smart replies on the phone in 1.5 GB, and a classifier on our servers": only the phone job has a device.)
  'deviceMemoryGB',
  'dataMustStayOnPrem',
  'requestsPerDay',
  'latencyTargetMs',
  'inputTokensPerRequest',
  'outputTokensPerRequest',
  'multilingual',
  // ("the classifier runs on the station PCs, CPU only; the summaries on the L4 server": the GPUs one job runs on.)
  'gpuName',
  'gpuCount',
  'gpuMemoryGB',
  'gpusRented',
] as const satisfies readonly ProfileField[];

/** The facts of the GPUs a job may run on: a job that names its own takes none of the team's. */
export const GPU_FACTS = [
  'gpuName',
  'gpuCount',
  'gpuMemoryGB',
  'gpusRented',
] as const satisfies readonly ProfileField[];

export const JOB_FIELDS: readonly ProfileField[] = [...JOB_OWN_FIELDS, ...JOB_OVERRIDE_FIELDS];

const pickJobFields = Object.fromEntries(JOB_FIELDS.map((field) => [field, true])) as {
  [K in (typeof JOB_OWN_FIELDS)[number] | (typeof JOB_OVERRIDE_FIELDS)[number]]: true;
};

export const Job = Profile.pick(pickJobFields)
  .extend({
    name: z
      .string()
      .trim()
      .min(1)
      .max(80)
      .describe('A short name for the job, as the team calls it ("reminder texts", "coverage questions")'),
  })
  .strict()
  .meta({ id: 'Job' });
export type Job = z.infer<typeof Job>;

/** At most this many jobs in one request: more are tenants of one base (`tasksCount`), not separate plans. */
export const MAX_JOBS = 5;

export const Jobs = z
  .array(Job)
  .min(2, 'Two or more jobs: one job is the profile itself')
  .max(MAX_JOBS)
  .superRefine((jobs, context) => {
    const seen = new Set<string>();
    jobs.forEach((job, index) => {
      const key = job.name.trim().toLowerCase();
      if (seen.has(key))
        context.addIssue({
          code: 'custom',
          path: [index, 'name'],
          message: `Job names must differ: "${job.name}" is used twice`,
        });
      seen.add(key);
    });
  })
  .describe(
    'Two or more distinct jobs of the team, each advised on its own (its own destination, first step and plan); the profile holds what the jobs share',
  );

/**
 * The profile one job is advised on: the team's shared facts, the job's own fields, and the job's overrides.
 * `jobCount` is how many jobs the request lists.
 */
export function jobProfile(team: Profile, job: Job, jobCount: number): Profile {
  const profile: Record<string, unknown> = { ...team };
  for (const field of JOB_OWN_FIELDS) delete profile[field];
  // (A job on its own model has that model's size, access and stage, not the team's model's.)
  if (job.modelName !== undefined && job.modelName !== team.modelName)
    for (const field of ['modelParamsB', 'modelAccess', 'modelStage']) delete profile[field];
  // (A job on GPUs of its own, "the summaries on our one L4", runs on those alone, not with the team's count or memory;
  // a count alone, "4 of them", is of the team's card.)
  if ((job.gpuName !== undefined && job.gpuName !== team.gpuName) || job.gpuCount === 0)
    for (const field of GPU_FACTS) delete profile[field];
  for (const field of JOB_FIELDS) {
    const value = (job as Record<string, unknown>)[field];
    if (value !== undefined) profile[field] = value;
  }
  // A count of tasks that is the jobs themselves ("two things") is not this job's (it is one task); 50 tenants may be.
  if (team.tasksCount === undefined || team.tasksCount <= jobCount) profile.tasksCount = 1;
  return profile as Profile;
}

/**
 * The profile of the jobs together (the top level of an answer about several): the team's profile, and where it
 * leaves them out, the jobs' tasks, their goals together and their number as the count of tasks on one base.
 */
export function jobsTogether(team: Profile, jobs: readonly Job[] | undefined): Profile {
  if (jobs === undefined || jobs.length < 2) return team;
  const together: Profile = { ...team };
  const tasks = jobs.flatMap((job) => (job.task === undefined ? [] : [job.task]));
  if (together.task === undefined && tasks.length > 0) together.task = tasks.join('; ').slice(0, 2000);
  const goals = [...new Set(jobs.flatMap((job) => job.goals ?? []))];
  if (together.goals === undefined && goals.length > 0) together.goals = goals;
  together.tasksCount ??= jobs.length;
  return together;
}
