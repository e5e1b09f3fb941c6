import { z } from 'zod';
import { MethodId } from '../profile/profile-schema.ts';

/** The recommendation contract (shared/design.md, "The recommendation"). Used for OpenAPI and client validation. */

export const Reason = z
  .object({
    ruleId: z.string(),
    effect: z.string().describe('e.g. "+20", "-15", "blocks"'),
    text: z.string(),
    sources: z.array(z.string()),
  })
  .meta({ id: 'Reason' });
export type Reason = z.infer<typeof Reason>;

export const Blocker = z
  .object({ ruleId: z.string(), text: z.string(), sources: z.array(z.string()) })
  .meta({ id: 'Blocker' });
export type Blocker = z.infer<typeof Blocker>;

export const MethodEstimates = z
  .object({
    memoryGB: z
      .object({
        needed: z.number(),
        available: z.number().nullable(),
        fits: z.boolean().nullable(),
      })
      .optional(),
    trainingGpuHours: z.number().optional(),
    oneTimeUSD: z.number().optional(),
    monthlyUSD: z.number().optional(),
    assumptions: z.array(z.string()),
  })
  .meta({ id: 'MethodEstimates' });
export type MethodEstimates = z.infer<typeof MethodEstimates>;

export const MethodRecommendation = z
  .object({
    method: MethodId,
    rank: z.number().int().positive(),
    verdict: z.enum(['recommended', 'viable', 'not-viable']),
    score: z.number().min(0).max(100),
    reasons: z.array(Reason),
    blockers: z.array(Blocker),
    estimates: MethodEstimates.optional(),
  })
  .meta({ id: 'MethodRecommendation' });
export type MethodRecommendation = z.infer<typeof MethodRecommendation>;

export const PlanStep = z
  .object({ step: z.number().int().positive(), methods: z.array(MethodId), why: z.string() })
  .meta({ id: 'PlanStep' });
export type PlanStep = z.infer<typeof PlanStep>;

export const Question = z.object({ field: z.string(), question: z.string(), why: z.string() }).meta({ id: 'Question' });
export type Question = z.infer<typeof Question>;

export const Assumption = z
  .object({ field: z.string(), value: z.unknown(), why: z.string() })
  .meta({ id: 'Assumption' });
export type Assumption = z.infer<typeof Assumption>;

export const Conflict = z
  .object({ field: z.string(), given: z.unknown(), catalog: z.unknown() })
  .meta({ id: 'Conflict' });
export type Conflict = z.infer<typeof Conflict>;

export const Explanation = z
  .object({
    text: z.string(),
    source: z.enum(['template', 'llm']),
    fallbackReason: z.string().optional(),
  })
  .meta({ id: 'Explanation' });
export type Explanation = z.infer<typeof Explanation>;

export const SourceRef = z
  .object({ id: z.string(), title: z.string(), url: z.string(), year: z.number() })
  .meta({ id: 'SourceRef' });

export const RuleTraceEntry = z
  .object({
    ruleId: z.string(),
    kind: z.enum(['constraint', 'score']),
    outcome: z.enum(['fired', 'not-fired', 'unknown']),
    missingFacts: z.array(z.string()),
  })
  .meta({ id: 'RuleTraceEntry' });
export type RuleTraceEntry = z.infer<typeof RuleTraceEntry>;

export const Recommendation = z
  .object({
    recommendations: z.array(MethodRecommendation),
    plan: z.array(PlanStep),
    questions: z.array(Question),
    assumptions: z.array(Assumption),
    conflicts: z.array(Conflict),
    explanation: Explanation.optional(),
    /** Every rule's outcome; the basis of "why not X?" answers. */
    trace: z.array(RuleTraceEntry),
    knowledgeVersion: z.string(),
    sources: z.array(SourceRef),
  })
  .meta({ id: 'Recommendation' });
export type Recommendation = z.infer<typeof Recommendation>;
