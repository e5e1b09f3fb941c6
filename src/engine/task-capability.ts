/**
 * @module engine/task-capability: which task shapes a model of a given architecture and modality can do at all — a
 * text encoder (BERT) labels, extracts and embeds but writes nothing; CLIP matches images with text; Whisper turns
 * speech into text; a diffusion model draws images; a text-only decoder reads no images and hears no audio. Used for
 * the `taskFitsModel` fact (rule `model-cannot-do-task`) and to choose the kind of model a substitute must be. Pure.
 */
import type { ARCHITECTURE_KINDS } from '../knowledge/schemas.ts';
import type { Profile } from '../profile/profile-schema.ts';

type TaskType = NonNullable<Profile['taskType']>;
type Kind = (typeof ARCHITECTURE_KINDS)[number];

const TEXT_TASKS: readonly TaskType[] = ['chat', 'generate', 'extract', 'classify', 'search', 'code'];

/** The task shapes a model can do, by architecture kind and modality; undefined when not known. */
export function tasksOf(
  kind: Kind | undefined,
  modality: Profile['modality'] | undefined,
): readonly TaskType[] | undefined {
  if (kind === undefined || modality === undefined) return undefined;
  if (kind === 'diffusion') return ['image-generate'];
  // Speech models transcribe, and tell the language of a recording (Whisper detects it natively).
  if (modality === 'audio') return ['transcribe', 'classify'];
  if (kind === 'encoder')
    return modality === 'vision-language'
      ? ['classify', 'search', 'image-understand']
      : ['classify', 'extract', 'search'];
  if (modality === 'vision-language') return [...TEXT_TASKS, 'image-understand'];
  if (modality === 'image') return ['image-understand', 'classify', 'search'];
  return TEXT_TASKS;
}

/**
 * Work on images whose output is written words (a description, a caption, an answer, a report): only a model that
 * generates text from images does it; CLIP scores images against texts it is given and writes nothing.
 */
const WRITTEN_OUTPUT =
  /\b(?:describe|describes|describing|descriptions?|caption\w*|alt[\s-]text|explain\w*|summar\w*|narrat\w*|answer\w*\s+(?:\w+\s+)?(?:questions?|queries)|writes?\s+(?:a|an|the|one|short|few)?\s*(?:[\w-]+\s+)?(?:descriptions?|captions?|summar\w*|paragraphs?|sentences?|reports?|text))\b/i;
/** Picking a label is not writing, whatever the output is used for ("tag photos … for the weekly report"). */
const LABELLING =
  /\b(?:tag\w*|label\w*|classif\w*|categori[sz]\w*|sort\w*|flag\w*|detect\w*|match\w*|yes\s+or\s+no)\b/i;

/** True when an image-understanding task must write words, not pick labels (judged from the task's own words). */
export function writesAboutImages(taskType: Profile['taskType'], task: string | undefined): boolean {
  if (taskType !== 'image-understand' || task === undefined || !WRITTEN_OUTPUT.test(task)) return false;
  // A labelling task that mentions a report is still labelling, unless it also asks for descriptions or captions.
  return (
    !LABELLING.test(task) || /\b(?:describe|describes|describing|descriptions?|caption\w*|alt[\s-]text)\b/i.test(task)
  );
}

/** False when the named model's kind cannot do the stated task shape; undefined when either is not known. */
export function taskFitsModel(
  kind: Kind | undefined,
  modality: Profile['modality'] | undefined,
  taskType: Profile['taskType'],
  task?: string,
): boolean | undefined {
  if (taskType === undefined) return undefined;
  const tasks = tasksOf(kind, modality);
  if (tasks === undefined) return undefined;
  // An image encoder labels and matches images; it cannot write about them.
  if (kind === 'encoder' && writesAboutImages(taskType, task)) return false;
  return tasks.includes(taskType);
}

/** The kind and modality a model must have to do `taskType`, for a substitute when the named model cannot. */
export function kindForTask(
  taskType: TaskType,
  task?: string,
): { kind: Kind; modality: NonNullable<Profile['modality']> } {
  if (taskType === 'image-generate') return { kind: 'diffusion', modality: 'image' };
  if (taskType === 'transcribe') return { kind: 'encoder-decoder', modality: 'audio' };
  // Writing about images needs a vision-language decoder; picking labels for them, an image-text encoder.
  if (taskType === 'image-understand')
    return writesAboutImages(taskType, task)
      ? { kind: 'decoder', modality: 'vision-language' }
      : { kind: 'encoder', modality: 'vision-language' };
  return { kind: 'decoder', modality: 'text' };
}

/**
 * When the named model cannot do the stated task (fact `taskFitsModel` false), the kind and modality a model that
 * takes its place must have; undefined otherwise.
 */
export function kindReplacingNamed(
  facts: { readonly taskFitsModel?: unknown },
  taskType: Profile['taskType'],
  task?: string,
): { kind: Kind; modality: NonNullable<Profile['modality']> } | undefined {
  return facts.taskFitsModel === false && taskType !== undefined ? kindForTask(taskType, task) : undefined;
}
