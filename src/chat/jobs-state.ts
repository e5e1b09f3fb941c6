/**
 * @module The jobs a conversation holds (two or more the team listed): kept from the message that lists them, each
 * job's own facts added as later clauses name it, and the profile one job is advised on. Pure.
 */
import {
  GPU_FACTS,
  JOB_FIELDS,
  JOB_OVERRIDE_FIELDS,
  JOB_OWN_FIELDS,
  type Job,
  jobProfile,
} from '../profile/job-schema.ts';
import type { Profile } from '../profile/profile-schema.ts';
import type { DialogueState } from './dialogue-state.ts';
import { SHAPE_ALIAS_WORDS } from './extract/jobs.ts';
import type { Extraction } from './extract/types.ts';
import { mergeProfile } from './fields/merge-profile.ts';

export type JobsState = NonNullable<DialogueState['jobs']>;
export type JobState = JobsState[number];

/** The pending question, when it was asked for one job: the answer's value of that field is the job's. */
export interface AskedOfJob {
  job: string;
  field: string;
}

/**
 * The jobs after a message: the ones it lists (a list said again replaces the one before, keeping the facts of a
 * job it lists again), then the facts clauses say of one job, then the answer to a question asked for one job.
 */
export function mergeJobs(
  previous: JobsState | undefined,
  extraction: Extraction,
  asked?: AskedOfJob,
  /** The team's facts before the message: a team figure other jobs were using stays theirs. */
  team?: Partial<Profile>,
): JobsState | undefined {
  let jobs: JobsState | undefined = previous;
  if (extraction.jobs !== undefined && extraction.jobs.length >= 2) {
    // (Each earlier job is the same job as at most one listed again: by its name, or by its own words and the same
    // shape, never by a shape alias such as "sorter" that any job of that shape has; in doubt, a new job starts empty.)
    const taken = new Set<JobState>();
    jobs = extraction.jobs.map(({ name, keywords, fields }) => {
      const own = keywords.filter((word) => !SHAPE_ALIAS_WORDS.has(word));
      const before =
        previous?.find((job) => !taken.has(job) && job.name.toLowerCase() === name.toLowerCase()) ??
        previous?.find(
          (job) =>
            !taken.has(job) &&
            job.keywords.some((word) => !SHAPE_ALIAS_WORDS.has(word) && own.includes(word)) &&
            (job.profile.taskType === undefined ||
              fields.taskType === undefined ||
              job.profile.taskType === fields.taskType),
        );
      if (before !== undefined) taken.add(before);
      return { name, keywords, profile: before === undefined ? fields : mergeProfile(before.profile, fields) };
    });
  }
  // ("forget the receipts, we only need the tax questions": that job goes.)
  if (jobs !== undefined && extraction.jobDropped !== undefined)
    jobs = jobs.filter((job) => job.name !== extraction.jobDropped);
  if (jobs === undefined || jobs.length < 2) return jobs;
  const facts = attributedFacts(jobs, extraction, asked);
  // ("for the receipts we have 30,000": the 300 said of no job, which the newsletter job was advised on, stays the
  // newsletter's own once the receipts have a figure of their own.)
  const before = jobs;
  const taken = new Set([...facts.values()].flatMap((fields) => Object.keys(fields)));
  return jobs.map((job) => {
    const fields = facts.get(job.name);
    const kept: Partial<Profile> = {};
    if (team !== undefined)
      for (const field of taken) {
        // (Only counts of a job's own data: a rule of the whole team, its residency or model, stays the team's.)
        if (!(COUNTS as readonly string[]).includes(field)) continue;
        if (fields !== undefined && field in fields) continue;
        const using = jobProfile(team as Profile, jobWithInherited(team, before, job), before.length)[
          field as keyof Profile
        ];
        if (using !== undefined && job.profile[field as keyof Profile] === undefined)
          (kept as Record<string, unknown>)[field] = using;
      }
    const profile = Object.keys(kept).length === 0 ? job.profile : { ...kept, ...job.profile };
    return fields === undefined
      ? { ...job, profile }
      : { ...job, profile: mergeProfile(profile, fields, extraction.corrections) };
  });
}

/** What the message says of each job: its clauses' facts, and the answer to a question asked for that job. */
function attributedFacts(
  jobs: JobsState,
  extraction: Extraction,
  asked: AskedOfJob | undefined,
): Map<string, Partial<Profile>> {
  const facts = new Map<string, Partial<Profile>>();
  for (const fact of extraction.jobFacts ?? []) facts.set(fact.name, { ...facts.get(fact.name), ...fact.fields });
  // ("sorry, I meant 30,000 labelled examples, not 3,000": a new figure of a fact only one job holds is that job's.)
  const said = new Set([...facts.values()].flatMap((fields) => Object.keys(fields)));
  for (const field of JOB_OWN_FIELDS) {
    const value = (extraction.fields as Record<string, unknown>)[field];
    if (value === undefined || said.has(field) || field === 'task' || field === asked?.field) continue;
    const holders = jobs.filter((job) => job.profile[field] !== undefined);
    if (holders.length === 1 && holders[0] !== undefined)
      facts.set(holders[0].name, { ...facts.get(holders[0].name), [field]: value });
  }
  if (asked !== undefined && (JOB_FIELDS as readonly string[]).includes(asked.field)) {
    const value = (extraction.fields as Record<string, unknown>)[asked.field];
    const said = [...facts.values()].some((fields) => asked.field in fields);
    if (value !== undefined && !said && jobs.some((job) => job.name === asked.job))
      facts.set(asked.job, { ...facts.get(asked.job), [asked.field]: value });
  }
  return facts;
}

/**
 * The fields of a message that belong to one job, not the team: a traffic figure, a model or a modality said of one
 * job ("we send 5,000 reminder texts a day") must not become every job's through the team's profile.
 */
export function jobOnlyFields(jobs: JobsState | undefined, extraction: Extraction, asked?: AskedOfJob): Set<string> {
  if (jobs === undefined || jobs.length < 2) return new Set();
  const overrides = new Set<string>(JOB_OVERRIDE_FIELDS);
  return new Set(
    [...attributedFacts(jobs, extraction, asked).values()].flatMap((fields) =>
      Object.keys(fields).filter((field) => overrides.has(field)),
    ),
  );
}

/**
 * One job as a "what if" pictures it: the job's own fields the question changes ("what if we had 20,000 labelled
 * receipts?", "what if the Q&A job used Llama 3.3 70B?") replace the job's, since a job's own value wins over the
 * team's. A model asked about brings its own size, access and stage.
 */
export function jobWithWhatIf(job: JobState, before: Partial<Profile>, after: Partial<Profile>): JobState {
  const changed: Record<string, unknown> = {};
  // ("what if we had 4 GPUs?": the team's GPUs change, not a job's, unless the job runs on GPUs of its own.)
  const ownGpus = GPU_FACTS.some((field) => job.profile[field] !== undefined);
  for (const field of JOB_FIELDS)
    if (
      after[field] !== undefined &&
      JSON.stringify(after[field]) !== JSON.stringify(before[field]) &&
      (ownGpus || !(GPU_FACTS as readonly string[]).includes(field))
    )
      changed[field] = after[field];
  if (Object.keys(changed).length === 0) return job;
  const profile: Partial<Profile> = { ...job.profile };
  if ('modelName' in changed) for (const field of MODEL_FACTS) if (!(field in changed)) delete profile[field];
  return { ...job, profile: { ...profile, ...changed } };
}
const MODEL_FACTS = ['modelParamsB', 'modelAccess', 'modelStage'] as const;

/** The job request of one job of the state, as the engine takes it. */
export function jobOf(job: JobState): Job {
  return { ...(job.profile as Omit<Job, 'name'>), name: job.name };
}

/**
 * The profile one of the conversation's jobs is advised on: the team's shared facts and the job's own, plus a job's
 * fact said before the jobs were told apart, or said of neither, when it fits this job alone ("3,000 old replies"
 * fit the reply-writing job, not the one answering from the info sheets).
 */
export function profileOfJob(profile: Partial<Profile>, jobs: JobsState, job: JobState): Profile {
  return jobProfile(profile as Profile, jobWithInherited(profile, jobs, job), jobs.length);
}

/** One job as the engine takes it, with the team facts it inherits (see {@link profileOfJob}). */
function jobWithInherited(profile: Partial<Profile>, jobs: JobsState, job: JobState): Job {
  return jobOf({ ...job, profile: { ...inherited(profile, jobs, job), ...job.profile } });
}

/** The conversation's jobs as the engine takes them (`withJobs`), each as {@link profileOfJob} advises it. */
export function jobsForEngine(profile: Partial<Profile>, jobs: JobsState): Job[] {
  return jobs.map((job) => jobWithInherited(profile, jobs, job));
}

/** Goals of a gap closed by retrieval: the job's documents, not its examples, are what it needs. */
const KNOWLEDGE_GOALS: ReadonlySet<string> = new Set(['knowledge', 'freshness', 'citations']);
const knowsFromDocuments = (job: JobState) =>
  (job.profile.goals ?? []).some((goal) => KNOWLEDGE_GOALS.has(goal)) ||
  job.profile.taskType === 'chat' ||
  job.profile.taskType === 'search';
/** Which jobs a team-level fact of a job's own kind fits: examples the jobs that train, documents the ones that retrieve. */
const FITS: Partial<Record<keyof Profile, (job: JobState) => boolean>> = {
  labeledExamples: (job) => !knowsFromDocuments(job),
  preferencePairs: (job) => !knowsFromDocuments(job),
  exampleTokens: (job) => !knowsFromDocuments(job),
  unlabeledCorpus: knowsFromDocuments,
  corpusTokens: knowsFromDocuments,
  knowledgeChanges: knowsFromDocuments,
  needsCitations: knowsFromDocuments,
  needsStyleOrFormat: (job) => (job.profile.goals ?? []).some((goal) => goal === 'style' || goal === 'format'),
  // ("We already tried prompting for both", "mistakes here could hurt someone": of the work as a whole.)
  tried: () => true,
  safetyCritical: () => true,
};
/** Counts of a job's own data: given to several jobs they are an assumption the answer states (see sharedCounts). */
const COUNTS: readonly (keyof Profile)[] = ['labeledExamples', 'preferencePairs', 'corpusTokens'];

/**
 * The team's facts of a job's own kind that no job holds and that fit this job (every job they fit takes them; the
 * counts taken by several are said in the answer, see sharedCounts).
 */
export function inherited(team: Partial<Profile>, jobs: JobsState, job: JobState): Partial<Profile> {
  const facts: Record<string, unknown> = {};
  for (const [field, fits] of Object.entries(FITS) as [keyof Profile, (job: JobState) => boolean][]) {
    const value = team[field];
    if (value === undefined || jobs.some((each) => each.profile[field] !== undefined)) continue;
    // (Fitting several jobs, it is taken as each one's: "5,000 labelled examples" said before the jobs were listed.)
    if (fits(job)) facts[field] = value;
  }
  return facts as Partial<Profile>;
}

/**
 * The team's counts of a job's own data (examples, pairs, corpus tokens) that no job holds and that were taken as
 * several jobs' own: the answer says so, so the team can say which job they belong to.
 */
export function sharedCounts(
  team: Partial<Profile>,
  jobs: JobsState,
): { field: keyof Profile; value: number; jobs: string[] }[] {
  return COUNTS.flatMap((field) => {
    const value = team[field];
    if (typeof value !== 'number' || jobs.some((each) => each.profile[field] !== undefined)) return [];
    const fitting = jobs.filter((job) => FITS[field]?.(job) === true).map((job) => job.name);
    return fitting.length >= 2 ? [{ field, value, jobs: fitting }] : [];
  });
}

/** The job the message names alone among two or more (undefined otherwise). */
export function namedJob(jobs: JobsState | undefined, extraction: Extraction): JobState | undefined {
  if (jobs === undefined || jobs.length < 2 || extraction.jobNamed === undefined) return undefined;
  return jobs.find((job) => job.name === extraction.jobNamed);
}
