import { readFileSync } from 'node:fs';
import type { MethodId } from '../../../src/profile/profile-schema.ts';

/**
 * Grades the engine on the scenario corpus v2 (written and graded by independent helpers, see BRIEF.md). The
 * engine side is an adapter, so the same scoring runs on today's engine and, for the "before" figure, on the
 * engine as it was before v2 (bench/scenario-baseline.ts).
 */

export interface ScenarioCase {
  id: string;
  situation: string;
  profile: Record<string, unknown>;
  decidable: boolean;
  acceptableDestinations: MethodId[];
  preferredDestination?: MethodId | null;
  acceptableFirstSteps?: MethodId[];
  impossible: { method: MethodId; reason: string }[];
  mustAsk: string[];
  rationale: string;
  sources: string[];
}

/** What the scoring needs from one engine answer. */
export interface EngineAnswer {
  destination: MethodId;
  verdicts: ReadonlyMap<MethodId, string>;
  questionFields: readonly string[];
}

export function loadCases(file: string): ScenarioCase[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { cases: ScenarioCase[] }).cases;
}

/** Families for "destination family right": the design's methods table, with the objectives kept apart. */
export const FAMILY: Readonly<Record<MethodId, string>> = {
  'prompt-engineering': 'prompting',
  'in-context-learning': 'prompting',
  rag: 'retrieval',
  lora: 'parameter-efficient',
  qlora: 'parameter-efficient',
  adapters: 'parameter-efficient',
  'prefix-tuning': 'parameter-efficient',
  'prompt-tuning': 'parameter-efficient',
  'full-fine-tuning': 'full-weights',
  'instruction-tuning': 'instruction',
  'preference-tuning': 'preference',
  distillation: 'distillation',
  'managed-fine-tuning': 'provider-run',
};

export interface CaseGrade {
  id: string;
  decidable: boolean;
  destination: MethodId;
  familyRight: boolean | undefined;
  methodRight: boolean | undefined;
  /** Methods the graders marked impossible that the engine called viable or recommended. */
  violations: MethodId[];
  /** Impossible methods the engine left conditional (not a violation; reported). */
  conditionalImpossible: MethodId[];
  mustAsk: string[];
  asked: string[];
  questionCount: number;
}

export function gradeCase(scenario: ScenarioCase, answer: EngineAnswer): CaseGrade {
  const families = new Set(scenario.acceptableDestinations.map((method) => FAMILY[method]));
  const decided = scenario.decidable && scenario.acceptableDestinations.length > 0;
  const violations: MethodId[] = [];
  const conditionalImpossible: MethodId[] = [];
  for (const { method } of scenario.impossible) {
    const verdict = answer.verdicts.get(method);
    if (verdict === 'viable' || verdict === 'recommended') violations.push(method);
    else if (verdict === 'conditional') conditionalImpossible.push(method);
  }
  return {
    id: scenario.id,
    decidable: decided,
    destination: answer.destination,
    familyRight: decided ? families.has(FAMILY[answer.destination]) : undefined,
    methodRight: decided ? scenario.acceptableDestinations.includes(answer.destination) : undefined,
    violations,
    conditionalImpossible,
    mustAsk: scenario.mustAsk,
    asked: scenario.mustAsk.filter((field) => answer.questionFields.includes(field)),
    questionCount: answer.questionFields.length,
  };
}

export interface CorpusFigures {
  cases: number;
  decidable: number;
  familyRight: number;
  methodRight: number;
  /** Share of decidable cases whose destination family is acceptable. */
  familyAccuracy: number;
  methodAccuracy: number;
  violations: number;
  casesWithViolations: number;
  conditionalImpossible: number;
  mustAsk: number;
  mustAskAsked: number;
  mustAskRecall: number;
  questionsPerAnswer: number;
}

export function summarise(grades: readonly CaseGrade[]): CorpusFigures {
  const decidable = grades.filter((grade) => grade.decidable);
  const familyRight = decidable.filter((grade) => grade.familyRight).length;
  const methodRight = decidable.filter((grade) => grade.methodRight).length;
  const mustAsk = grades.reduce((sum, grade) => sum + grade.mustAsk.length, 0);
  const asked = grades.reduce((sum, grade) => sum + grade.asked.length, 0);
  return {
    cases: grades.length,
    decidable: decidable.length,
    familyRight,
    methodRight,
    familyAccuracy: ratio(familyRight, decidable.length),
    methodAccuracy: ratio(methodRight, decidable.length),
    violations: grades.reduce((sum, grade) => sum + grade.violations.length, 0),
    casesWithViolations: grades.filter((grade) => grade.violations.length > 0).length,
    conditionalImpossible: grades.reduce((sum, grade) => sum + grade.conditionalImpossible.length, 0),
    mustAsk,
    mustAskAsked: asked,
    mustAskRecall: ratio(asked, mustAsk),
    questionsPerAnswer: ratio(
      grades.reduce((sum, grade) => sum + grade.questionCount, 0),
      grades.length,
    ),
  };
}

export function formatFigures(label: string, figures: CorpusFigures): string {
  const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
  return [
    `${label}: ${figures.cases} cases (${figures.decidable} decidable)`,
    `  destination family right: ${figures.familyRight}/${figures.decidable} = ${pct(figures.familyAccuracy)}`,
    `  destination method right: ${figures.methodRight}/${figures.decidable} = ${pct(figures.methodAccuracy)}`,
    `  impossible methods judged viable: ${figures.violations} (in ${figures.casesWithViolations} cases); left conditional: ${figures.conditionalImpossible}`,
    `  must-ask recall: ${figures.mustAskAsked}/${figures.mustAsk} = ${pct(figures.mustAskRecall)}`,
    `  questions per answer: ${figures.questionsPerAnswer.toFixed(2)}`,
  ].join('\n');
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}
