import type { MethodId } from '../profile/profile-schema.ts';
import type { RankedMethod } from './rank-methods.ts';
import type { PlanStep } from './recommendation-schema.ts';

/** OpenAI's accuracy guide: a prompt plus 20 or more graded cases is the baseline every later step is measured on. */
export const MINIMUM_EVALUATION_CASES = 20;

/** Methods that fix behaviour by changing weights, or by a provider's hosted tuning job. */
export const BEHAVIOUR_METHODS: readonly MethodId[] = [
  'lora',
  'qlora',
  'adapters',
  'prefix-tuning',
  'prompt-tuning',
  'full-fine-tuning',
  'instruction-tuning',
  'managed-fine-tuning',
];

/**
 * Builds the staged plan from the verdicts (shared/engine semantics):
 * 1) a prompt baseline (prompt-engineering, plus in-context-learning when viable) with an evaluation set;
 * 2) rag when recommended (fixes knowledge); 3) the best-ranked recommended behaviour method (carrying the
 * evaluation-set advice when there is no prompt baseline, e.g. for a text encoder); 4) preference-tuning when
 * recommended; 5) distillation when recommended (cuts cost). Empty stages are skipped and steps renumbered.
 * Each `why` quotes the method's strongest positive reason when there is one.
 */
export function buildPlan(ranked: readonly RankedMethod[]): PlanStep[] {
  const byId = new Map(ranked.map((method) => [method.method, method]));
  const isViable = (id: MethodId) => byId.get(id)?.verdict !== 'not-viable' && byId.has(id);
  const isRecommended = (id: MethodId) => byId.get(id)?.verdict === 'recommended';
  const stages: { methods: MethodId[]; why: string }[] = [];

  const baseline = (['prompt-engineering', 'in-context-learning'] as const).filter(isViable);
  if (baseline.length > 0) {
    const withExamples = baseline.includes('in-context-learning') ? ' with a few worked examples in the prompt' : '';
    stages.push({
      methods: baseline,
      why: `Start with a prompt baseline${withExamples} and an evaluation set of at least ${MINIMUM_EVALUATION_CASES} real cases with known good answers, so every later step is measured against it.`,
    });
  }
  if (isRecommended('rag')) {
    stages.push({
      methods: ['rag'],
      why: withReason('Add retrieval to supply the knowledge the model lacks.', byId.get('rag')),
    });
  }
  const behaviour = ranked.find(
    (method) => BEHAVIOUR_METHODS.includes(method.method) && method.verdict === 'recommended',
  );
  if (behaviour) {
    const lead =
      baseline.length > 0
        ? 'If the baseline still misses on behaviour (format, style, consistency), tune it in.'
        : `Train on your labelled examples, holding out at least ${MINIMUM_EVALUATION_CASES} real cases as the evaluation set every change is measured on.`;
    stages.push({ methods: [behaviour.method], why: withReason(lead, behaviour) });
  }
  if (isRecommended('preference-tuning')) {
    stages.push({
      methods: ['preference-tuning'],
      why: withReason(
        'Then align outputs with preferences between good and bad answers.',
        byId.get('preference-tuning'),
      ),
    });
  }
  if (isRecommended('distillation')) {
    stages.push({
      methods: ['distillation'],
      why: withReason(
        'Once quality is right, distil into a smaller model to cut serving cost.',
        byId.get('distillation'),
      ),
    });
  }
  return stages.map((stage, index) => ({ step: index + 1, ...stage }));
}

function withReason(lead: string, method: RankedMethod | undefined): string {
  const reason = method?.reasons.find((candidate) => candidate.effect.startsWith('+'));
  return reason ? `${lead} ${reason.text}` : lead;
}
