import { fieldLabel } from '../profile/field-labels.ts';
import type { Profile, ProfileField } from '../profile/profile-schema.ts';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** Goals in plain words, for acknowledgements. */
const GOAL_WORDS: Readonly<Record<string, string>> = {
  knowledge: 'answers from your documents',
  freshness: 'up-to-date answers',
  citations: 'citations',
  format: 'a strict format',
  style: 'your style',
  'task-skill': 'better task accuracy',
  'instruction-following': 'following instructions',
  alignment: 'answers people prefer',
  cost: 'lower cost',
  latency: 'lower latency',
  'on-device': 'running on the device',
};

/** Task shapes in plain words. */
const TASK_TYPE_WORDS: Readonly<Record<string, string>> = {
  chat: 'a chat assistant',
  generate: 'writing text',
  extract: 'extracting fields',
  classify: 'classifying',
  search: 'search',
  code: 'code',
  transcribe: 'transcription',
  'image-generate': 'generating images',
  'image-understand': 'understanding images',
};

/** A profile value in plain words: `describeField('monthlyBudgetUSD', 500)` → "monthly budget $500". */
export function describeField(field: string, value: unknown): string {
  const label = fieldLabel(field);
  switch (field as ProfileField) {
    case 'modelName':
    case 'gpuName':
      return `${label} ${String(value)}`;
    case 'modelParamsB':
      return `${decimal.format(Number(value))}B parameters`;
    case 'gpuCount':
      return Number(value) === 0 ? 'no GPUs' : `${integer.format(Number(value))} GPU${Number(value) === 1 ? '' : 's'}`;
    case 'gpuMemoryGB':
      return `${decimal.format(Number(value))} GB per GPU`;
    case 'labeledExamples':
      return Number(value) === 0 ? 'no labeled examples' : `${integer.format(Number(value))} labeled examples`;
    case 'oneTimeBudgetUSD':
    case 'monthlyBudgetUSD':
      return `${label} $${integer.format(Number(value))}`;
    case 'latencyTargetMs':
      return `latency target ${integer.format(Number(value))} ms`;
    case 'requestsPerDay':
      return `${integer.format(Number(value))} requests per day`;
    case 'timelineWeeks':
      return `timeline ${decimal.format(Number(value))} week${Number(value) === 1 ? '' : 's'}`;
    case 'tasksCount':
      return `${integer.format(Number(value))} distinct task${Number(value) === 1 ? '' : 's'}`;
    case 'knowledgeChanges':
      return `knowledge changes ${String(value)}`;
    case 'goals':
      return `goal${Array.isArray(value) && value.length > 1 ? 's' : ''}: ${joinWords((value as string[]).map((goal) => GOAL_WORDS[goal] ?? goal))}`;
    case 'taskType':
      return TASK_TYPE_WORDS[String(value)] ?? `task type ${String(value)}`;
    case 'tried':
      return `already tried ${joinWords((value as { method: string; result: string }[]).map((entry) => `${entry.method} (${entry.result})`))}`;
    case 'preferencePairs':
      return Number(value) === 0 ? 'no preference pairs' : `${integer.format(Number(value))} preference pairs`;
    case 'deviceMemoryGB':
      return `${decimal.format(Number(value))} GB on the device`;
    case 'corpusTokens':
      return `a corpus of ${integer.format(Number(value))} tokens`;
    case 'modelStage':
      return `a ${String(value)} model`;
    case 'dataMustStayOnPrem':
      return value ? 'data must stay on your premises' : 'data may leave your premises';
    case 'needsCitations':
      return value ? 'answers must cite sources' : 'no citations needed';
    case 'needsStyleOrFormat':
      return value ? 'a strict style or format' : 'no strict style or format';
    case 'canSwitchModel':
      return value ? 'another model is allowed' : 'the model may not change';
    case 'multilingual':
      return value ? 'several languages' : 'one language';
    case 'safetyCritical':
      return value ? 'safety-critical' : 'not safety-critical';
    default:
      if (typeof value === 'boolean') return value ? label : `not ${label}`;
      return `${label}: ${String(value)}`;
  }
}

/** "a, b and c" */
export function joinWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Describe every field of a partial profile, in contract field order. */
export function describeProfile(profile: Partial<Profile>): string[] {
  return Object.entries(profile)
    .filter(([, value]) => value !== undefined)
    .map(([field, value]) => describeField(field, value));
}
