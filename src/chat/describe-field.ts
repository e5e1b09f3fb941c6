import { fieldLabel } from '../profile/field-labels.ts';
import type { Profile, ProfileField } from '../profile/profile-schema.ts';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

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
