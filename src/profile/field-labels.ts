/** @module Short human labels for the profile fields, shared by the engine's explanations and the chat. */
import type { ProfileField } from './profile-schema.ts';

const LABELS: Record<ProfileField, string> = {
  modelName: 'model',
  modelAccess: 'model access',
  modelParamsB: 'model size',
  modality: 'modality',
  task: 'task',
  labeledExamples: 'labeled examples',
  unlabeledCorpus: 'domain documents',
  knowledgeChanges: 'knowledge changes',
  needsCitations: 'citations needed',
  needsStyleOrFormat: 'strict style or format',
  gpuName: 'GPU',
  gpuCount: 'GPU count',
  gpuMemoryGB: 'GPU memory',
  oneTimeBudgetUSD: 'one-time budget',
  monthlyBudgetUSD: 'monthly budget',
  mlExpertise: 'ML expertise',
  latencyTargetMs: 'latency target',
  requestsPerDay: 'requests per day',
  deployment: 'deployment',
  dataMustStayOnPrem: 'data must stay on-prem',
  timelineWeeks: 'timeline',
  multilingual: 'multilingual',
  safetyCritical: 'safety-critical',
  tasksCount: 'distinct tasks',
  goals: 'goals',
  taskType: 'task type',
  preferencePairs: 'preference pairs',
  modelStage: 'model stage',
  tried: 'already tried',
  teacherModel: 'teacher model',
  deviceMemoryGB: 'device memory',
  corpusTokens: 'corpus size',
  currentMonthlySpendUSD: 'current monthly bill',
  exampleTokens: 'tokens per example',
  canSwitchModel: 'may switch model',
  gpusRented: 'GPUs rented, not owned',
  allowedProviders: 'vendors and clouds allowed',
  inputTokensPerRequest: 'input tokens per request',
  outputTokensPerRequest: 'output tokens per request',
};

/** A short human label for a profile field ("GPU count", "monthly budget"). */
export function fieldLabel(field: string): string {
  return LABELS[field as ProfileField] ?? field;
}
