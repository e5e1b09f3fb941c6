/**
 * @module The jobs a conversation holds (two or more the team listed): kept from the message that lists them, each
 * job's own facts added as later clauses name it, and the profile one job is advised on. Pure.
 */
import { type Job, jobProfile } from '../profile/job-schema.ts';
import type { Profile } from '../profile/profile-schema.ts';
import type { DialogueState } from './dialogue-state.ts';
import type { Extraction } from './extract/types.ts';
import { mergeProfile } from './fields/merge-profile.ts';

export type JobsState = NonNullable<DialogueState['jobs']>;
export type JobState = JobsState[number];

/** The jobs after a message: the ones it lists (when none were known), then each job's facts merged into it. */
export function mergeJobs(previous: JobsState | undefined, extraction: Extraction): JobsState | undefined {
  let jobs: JobsState | undefined = previous;
  if ((jobs === undefined || jobs.length < 2) && extraction.jobs !== undefined && extraction.jobs.length >= 2)
    jobs = extraction.jobs.map(({ name, keywords, fields }) => ({ name, keywords, profile: fields }));
  if (jobs === undefined || extraction.jobFacts === undefined) return jobs;
  return jobs.map((job) => {
    const facts = extraction.jobFacts?.find((fact) => fact.name === job.name);
    return facts === undefined
      ? job
      : { ...job, profile: mergeProfile(job.profile, facts.fields, extraction.corrections) };
  });
}

/** The job request of one job of the state, as the engine takes it. */
export function jobOf(job: JobState): Job {
  return { ...(job.profile as Omit<Job, 'name'>), name: job.name };
}

/** The profile one of the conversation's jobs is advised on: the team's shared facts and the job's own. */
export function profileOfJob(profile: Partial<Profile>, jobs: JobsState, job: JobState): Profile {
  return jobProfile(profile as Profile, jobOf(job), jobs.length);
}

/** The job the message names alone among two or more (undefined otherwise). */
export function namedJob(jobs: JobsState | undefined, extraction: Extraction): JobState | undefined {
  if (jobs === undefined || jobs.length < 2 || extraction.jobNamed === undefined) return undefined;
  return jobs.find((job) => job.name === extraction.jobNamed);
}
