/**
 * @module Several jobs of one team, each advised on its own: the pipeline runs once per job on the team's shared facts
 * and that job's own (src/profile/job-schema.ts), so a style job and a knowledge job each get the fix for their gap
 * instead of one plan for both. Pure and synchronous.
 */
import type { Knowledge } from '../knowledge/knowledge.ts';
import { type Job, jobProfile } from '../profile/job-schema.ts';
import type { Profile } from '../profile/profile-schema.ts';
import { shortMethodName } from './method-name.ts';
import { recommend } from './recommend.ts';
import type { JobAdvice, Recommendation } from './recommendation-schema.ts';

/** How one job's profile is advised: the engine by default; a caller may pass its own (a memo of the same engine). */
export type AdviseProfile = (profile: Profile) => Recommendation;

/** Each job's destination, first step, diagnosis, plan, open questions and figures, in the order the jobs were given. */
export function adviseJobs(
  team: Profile,
  jobs: readonly Job[],
  knowledge: Knowledge,
  advise: AdviseProfile = (profile) => recommend(profile, knowledge, { explain: 'none' }),
): JobAdvice[] {
  return jobs.map((job) => {
    const advice = advise(jobProfile(team, job, jobs.length));
    const entry = advice.recommendations.find((each) => each.method === advice.destination.method);
    // (On a model the plan moved to, the methods' verdicts are about the named one: that model's option holds the
    // destination's verdict there, conditional while a fact such as its GPU memory is unknown.)
    const option = advice.destination.model.switched
      ? advice.modelOptions.find((each) => each.model === advice.destination.model.name)
      : undefined;
    const verdict = advice.destination.model.switched
      ? (option?.verdict ?? 'viable')
      : (entry?.verdict ?? 'not-viable');
    // (On a proposed or substitute model, the destination carries that model's figures.)
    const estimates = advice.destination.estimates ?? entry?.estimates;
    return {
      name: job.name,
      ...(job.task === undefined ? {} : { task: job.task }),
      destination: advice.destination,
      verdict,
      blockers: verdict === 'not-viable' ? (entry?.blockers ?? []) : [],
      firstStep: advice.firstStep,
      diagnosis: advice.diagnosis,
      plan: advice.plan,
      modelOptions: advice.modelOptions,
      computeOptions: advice.computeOptions,
      questions: advice.questions,
      ...(estimates === undefined ? {} : { estimates }),
      sources: advice.sources.map((source) => source.id),
    };
  });
}

/**
 * The recommendation for the jobs together, with each job's own advice added (`jobs`) and the jobs' sources listed
 * beside the rest (sorted by id, as the engine lists them). Fewer than two jobs: the recommendation unchanged.
 */
export function withJobs(
  recommendation: Recommendation,
  team: Profile,
  jobs: readonly Job[] | undefined,
  knowledge: Knowledge,
  advise?: AdviseProfile,
): Recommendation {
  if (jobs === undefined || jobs.length < 2) return recommendation;
  const advice = adviseJobs(team, jobs, knowledge, advise);
  const ids = new Set(recommendation.sources.map((source) => source.id));
  const sources = [...recommendation.sources];
  for (const id of advice.flatMap((job) => job.sources)) {
    if (ids.has(id)) continue;
    ids.add(id);
    const source = knowledge.sourceById.get(id);
    if (source) sources.push({ id: source.id, title: source.title, url: source.url, year: source.year });
  }
  sources.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // The explanation says the rest is the jobs together, and where each job is headed.
  const explanation =
    recommendation.explanation === undefined
      ? undefined
      : {
          ...recommendation.explanation,
          text: `${recommendation.explanation.text}\n\nThe above is for the ${advice.length} jobs together. Job by job: ${jobsInOneLine(advice, knowledge)}.`,
        };
  return { ...recommendation, jobs: advice, sources, ...(explanation === undefined ? {} : { explanation }) };
}

/** Where each job is headed, in one line: "1. receipts: LoRA on Llama 3.1 8B; 2. tax memos: RAG on Qwen2.5 14B". */
export function jobsInOneLine(
  jobs: readonly JobAdvice[],
  knowledge: Knowledge,
  modelName: (name: string) => string = (name) => name,
): string {
  return jobs
    .map(
      (job, index) =>
        `${index + 1}. ${job.name}: ${job.verdict === 'not-viable' ? 'cannot be built as described' : `${shortMethodName(knowledge, job.destination.method)}${job.destination.model.name === null ? '' : ` on ${modelName(job.destination.model.name)}`}`}`,
    )
    .join('; ');
}
