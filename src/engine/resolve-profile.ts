import type { Knowledge } from '../knowledge/knowledge.ts';
import { normalizeName } from '../knowledge/normalize-name.ts';
import type { Gpu, Model } from '../knowledge/schemas.ts';
import { suggestGpuNames, suggestModelNames } from '../knowledge/suggest-names.ts';
import type { Profile, TaskType } from '../profile/profile-schema.ts';
import { MAX_TASK_CHARS } from './data-sensitivity.ts';
import { offersService } from './derive-facts.ts';
import { KNOWLEDGE_NEEDS } from './diagnose.ts';
import type { Assumption, Conflict } from './recommendation-schema.ts';

/**
 * A size given by the caller within this fraction of the catalog size is the same model ("8B" for 8.03B), not
 * a conflict.
 */
export const PARAMS_TOLERANCE = 0.1;

/** The profile after catalog resolution, with the catalog entries it matched. */
export interface ResolvedProfile {
  /** The caller's profile as given (explicit values, before catalog filling). */
  readonly input: Profile;
  /** The caller's values, with catalog values filled in where the caller gave none. */
  readonly profile: Profile;
  readonly model: Model | undefined;
  /** When the name is a family ("Claude", "Whisper", "Stable Diffusion") rather than one model: its members. */
  readonly family: { readonly name: string; readonly members: readonly Model[] } | undefined;
  readonly gpu: Gpu | undefined;
  /** The teacher named for distillation, when the catalog knows it. */
  readonly teacher: Model | undefined;
  /** Caller values that disagree with the catalog (the caller's value is used). */
  readonly conflicts: Conflict[];
  /** Defaults the resolution used (e.g. one GPU), and names it could not resolve. */
  readonly assumptions: Assumption[];
}

/** Documents up to about this many tokens fit in a cached prompt (Anthropic's guidance, ant-cr); more is a corpus. */
export const PROMPT_SIZED_CORPUS_TOKENS = 200_000;

/**
 * Resolves `modelName` and `gpuName` against the catalogs. Fills modelParamsB, modelAccess and modality from the
 * model, and gpuMemoryGB from the GPU, when the caller did not give them; a caller value that disagrees is kept
 * and reported in `conflicts`. A name the catalog does not know becomes an assumption entry. A GPU described
 * (by name or memory) without a count is assumed to be one GPU, and that assumption is listed.
 */
export function resolveProfile(input: Profile, knowledge: Knowledge): ResolvedProfile {
  const profile: Profile = { ...input };
  const conflicts: Conflict[] = [];
  const assumptions: Assumption[] = [];

  const model = input.modelName === undefined ? undefined : knowledge.findModel(input.modelName);
  const family = model || input.modelName === undefined ? undefined : findFamily(knowledge, input.modelName);
  if (family) {
    // What every member shares is known even when the exact model (and so its size) is not.
    const shared = <T>(pick: (member: Model) => T): T | undefined => {
      const values = new Set(family.members.map(pick));
      return values.size === 1 ? (family.members[0] ? pick(family.members[0]) : undefined) : undefined;
    };
    const access = shared((member) => member.access);
    const modality = shared((member) => member.modality);
    if (input.modelAccess === undefined && access !== undefined) profile.modelAccess = access;
    if (input.modality === undefined && modality !== undefined) profile.modality = modality;
    assumptions.push({
      field: 'modelName',
      value: input.modelName,
      why: `Read as the ${family.name} family (${family.members.map((member) => member.name).join(', ')})${access ? `: ${access}` : ''}; name the exact model for its size and provider offers.`,
    });
  }
  if (input.modelName !== undefined && !model && !family) {
    assumptions.push({
      field: 'modelName',
      value: input.modelName,
      why: `Not found in the model catalog: its size and access were not filled in, so give modelParamsB and modelAccess.${didYouMean(suggestModelNames(knowledge, input.modelName))}`,
    });
  }
  if (model) {
    if (model.paramsB !== undefined) {
      if (input.modelParamsB === undefined) profile.modelParamsB = model.paramsB;
      else if (Math.abs(input.modelParamsB - model.paramsB) > PARAMS_TOLERANCE * model.paramsB)
        conflicts.push({ field: 'modelParamsB', given: input.modelParamsB, catalog: model.paramsB });
    }
    if (input.modelAccess === undefined) profile.modelAccess = model.access;
    else if (input.modelAccess === 'open-weights' && model.access !== 'open-weights') {
      // Weights that were never published cannot be downloaded, whatever was said ("we could also run an open-weight
      // model" is about another model): the catalog's access is used, and the conflict says so.
      profile.modelAccess = model.access;
      conflicts.push({ field: 'modelAccess', given: input.modelAccess, catalog: model.access, used: 'catalog' });
    } else if (
      input.modelAccess !== model.access &&
      // "api-with-finetuning" for an API model that a provider tunes today (Gemini on Vertex AI) agrees with the
      // catalog's provider offers, whatever access the model's own API has.
      !(
        input.modelAccess === 'api-with-finetuning' &&
        offersService(knowledge, model, ['supervised-fine-tuning'], knowledge.manifest.referenceDate)
      )
    )
      conflicts.push({ field: 'modelAccess', given: input.modelAccess, catalog: model.access });
    if (input.modality === undefined) profile.modality = model.modality;
    else if (input.modality !== model.modality)
      conflicts.push({ field: 'modality', given: input.modality, catalog: model.modality });
  }

  const gpu = input.gpuName === undefined ? undefined : knowledge.findGpu(input.gpuName);
  if (input.gpuName !== undefined && !gpu) {
    assumptions.push({
      field: 'gpuName',
      value: input.gpuName,
      why: `Not found in the GPU catalog: its memory was not filled in, so give gpuMemoryGB.${didYouMean(suggestGpuNames(knowledge, input.gpuName))}`,
    });
  }
  if (gpu && input.gpuName !== undefined) {
    const variant = unstatedVariant(input.gpuName, gpu.name);
    if (variant) {
      assumptions.push({
        field: 'gpuName',
        value: gpu.name,
        why: `"${input.gpuName}" was read as the ${gpu.name} (${gpu.memoryGB} GB); name the variant if yours is another one.`,
      });
    }
  }
  if (gpu) {
    if (input.gpuMemoryGB === undefined) profile.gpuMemoryGB = gpu.memoryGB;
    else if (input.gpuMemoryGB !== gpu.memoryGB)
      conflicts.push({ field: 'gpuMemoryGB', given: input.gpuMemoryGB, catalog: gpu.memoryGB });
  }
  if (input.gpuCount === undefined && (input.gpuName !== undefined || input.gpuMemoryGB !== undefined)) {
    profile.gpuCount = 1;
    assumptions.push({
      field: 'gpuCount',
      value: 1,
      why: 'A GPU was described without a count, so one GPU is assumed.',
    });
  }
  // The task's shape says what goes in and out when neither the caller nor the model did.
  if (profile.modality === undefined && input.taskType !== undefined) {
    const modality = MODALITY_OF_TASK[input.taskType];
    if (modality !== undefined) profile.modality = modality;
  }
  // No model and no task shape, but a task in words that names no image, audio or video (or, with no task, goals
  // about documents or written output): text work, said as assumed.
  const textGoals = (input.goals ?? []).some((goal) => TEXT_GOALS.includes(goal));
  if (
    profile.modality === undefined &&
    input.modelName === undefined &&
    (input.task !== undefined ? !NON_TEXT_WORDS.test(input.task.slice(0, MAX_TASK_CHARS)) : textGoals)
  ) {
    profile.modality = 'text';
    assumptions.push({
      field: 'modality',
      value: 'text',
      why:
        input.task !== undefined
          ? 'The task names no images, audio or video, so it is taken as text work.'
          : 'The goals are about documents or written answers, so the work is taken as text.',
    });
  }
  // A corpus given only by its size in tokens: more than fits a prompt is a large one (something to train on), less is
  // small, none is none.
  if (input.unlabeledCorpus === undefined && input.corpusTokens !== undefined) {
    profile.unlabeledCorpus =
      input.corpusTokens === 0 ? 'none' : input.corpusTokens > PROMPT_SIZED_CORPUS_TOKENS ? 'large' : 'small';
  }
  const teacher = input.teacherModel === undefined ? undefined : knowledge.findModel(input.teacherModel);
  if (input.teacherModel !== undefined && !teacher) {
    assumptions.push({
      field: 'teacherModel',
      value: input.teacherModel,
      why: `Not found in the model catalog: it is taken as a capable teacher of unknown size.${didYouMean(suggestModelNames(knowledge, input.teacherModel))}`,
    });
  }
  return { input, profile, model, family, gpu, teacher, conflicts, assumptions };
}

/** Goals that only text work has: facts from documents, fresh or cited, a written format or voice. */
const TEXT_GOALS: readonly string[] = [...KNOWLEDGE_NEEDS, 'format', 'style'];

/** Words in a task that point away from text: images, audio, video (linear; read on the first characters only). */
const NON_TEXT_WORDS =
  /\b(images?|photos?|pictures?|visuals?|video|camera|scans?|x-?rays?|drawings?|diagrams?|audio|speech|spoken|voice[\s-](?:notes?|messages?|recordings?|calls?|commands?)|recordings?|dictat\w*|transcri\w*|podcasts?|sounds?|music)\b/i;

/** The modality a task shape implies (image understanding can be image-only or vision-language: not implied). */
export const MODALITY_OF_TASK: Readonly<Partial<Record<TaskType, NonNullable<Profile['modality']>>>> = {
  chat: 'text',
  generate: 'text',
  extract: 'text',
  classify: 'text',
  search: 'text',
  code: 'code',
  transcribe: 'audio',
  'image-generate': 'image',
};

/** Words that tell variants of one GPU apart: form factor and memory size. */
const GPU_VARIANT_TOKENS = ['sxm', 'pcie', 'nvl', '16gb', '24gb', '32gb', '40gb', '48gb', '80gb', '94gb'];

/** The variant word the catalog name carries and the caller's name does not ("H100" read as "H100 SXM"). */
function unstatedVariant(given: string, catalogName: string): string | undefined {
  const givenKey = normalizeName(given);
  const catalogKey = normalizeName(catalogName);
  return GPU_VARIANT_TOKENS.find((token) => catalogKey.includes(token) && !givenKey.includes(token));
}

/** " Did you mean "A" or "B"?" when the catalog has close names; empty otherwise. */
function didYouMean(names: readonly string[]): string {
  if (names.length === 0) return '';
  return ` Did you mean ${names.map((name) => `"${name}"`).join(' or ')}?`;
}

/**
 * The catalog family a name stands for: the longest family name the normalized name equals or starts with
 * ("claude sonnet 4.5" → claude). Families are the catalog's `family` values ("stable-diffusion", "whisper").
 */
function findFamily(knowledge: Knowledge, name: string): { name: string; members: Model[] } | undefined {
  const query = normalizeName(name);
  let best: string | undefined;
  for (const model of knowledge.models) {
    const key = normalizeName(model.family);
    if (key.length >= 3 && query.startsWith(key) && (best === undefined || key.length > normalizeName(best).length)) {
      best = model.family;
    }
  }
  if (best === undefined) return undefined;
  const members = knowledge.models.filter((model) => model.family === best);
  return { name: best, members };
}

/**
 * A teacher is named and the named model is the smaller, open one: the team distils into the model it named.
 * Undefined when no teacher is named or a size is unknown on an open teacher.
 */
export function namedIsStudent(resolved: ResolvedProfile): boolean | undefined {
  const { input, model, teacher, profile } = resolved;
  if (input.teacherModel === undefined) return undefined;
  if (teacher && model && teacher.id === model.id) return false;
  if (profile.modelAccess !== 'open-weights' || profile.modelParamsB === undefined) return false;
  // An API teacher (or one the catalog does not know) is taken as the stronger model.
  if (teacher?.access !== 'open-weights') return true;
  return teacher.paramsB === undefined ? undefined : teacher.paramsB > profile.modelParamsB;
}
