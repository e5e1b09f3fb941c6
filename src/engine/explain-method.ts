import { memoryFigures, stripPeriod } from '../explainer/template-explanation.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { FactName } from '../knowledge/schemas.ts';
import { fieldLabel } from '../profile/field-labels.ts';
import type { MethodId } from '../profile/profile-schema.ts';
import { fieldsBehind } from './derive-facts.ts';
import type { Recommendation } from './recommendation-schema.ts';

/**
 * Answers "why (not) X?" from a recommendation's trace alone: X's rank, verdict and score, its blockers, the
 * reasons for and against it with their sources, the rules that could not be decided and the facts that would
 * decide them, and the open questions. With `knowledge`, the undecided rules are narrowed to those that would
 * score or block X; without it, every undecided rule is listed.
 */
export function explainMethod(recommendation: Recommendation, methodId: MethodId, knowledge?: Knowledge): string {
  const entry = recommendation.recommendations.find((candidate) => candidate.method === methodId);
  if (!entry) return `${methodId} is not part of this recommendation.`;
  const total = recommendation.recommendations.length;
  const name = (id: MethodId) => knowledge?.methodById.get(id)?.name ?? id;
  const lines = [
    `${name(methodId)} is ranked ${entry.rank} of ${total}, verdict ${entry.verdict}, score ${entry.score}.`,
  ];

  if (entry.blockers.length > 0) {
    lines.push('It is not viable because:');
    for (const blocker of entry.blockers) lines.push(`- ${blocker.text} [${blocker.sources.join(', ')}]`);
  }
  const memory = entry.estimates?.memoryGB;
  const figures = memory ? memoryFigures(memory) : undefined;
  if (memory && figures)
    lines.push(`Estimated GPU memory: ${figures}${memory.fits === false ? ' (does not fit)' : ''}.`);
  const forIt = entry.reasons.filter((reason) => reason.effect.startsWith('+'));
  const against = entry.reasons.filter((reason) => reason.effect.startsWith('-'));
  if (forIt.length > 0) {
    lines.push('For it:');
    for (const reason of forIt) lines.push(`- (${reason.effect}) ${reason.text} [${reason.sources.join(', ')}]`);
  }
  if (against.length > 0) {
    lines.push('Against it:');
    for (const reason of against) lines.push(`- (${reason.effect}) ${reason.text} [${reason.sources.join(', ')}]`);
  }
  if (entry.blockers.length === 0 && forIt.length === 0 && against.length === 0) {
    lines.push('No rule that fired scored or blocked it, so it kept the starting score.');
  }
  const ahead = recommendation.recommendations.find((candidate) => candidate.rank === 1);
  if (ahead && ahead.method !== methodId) lines.push(`The top method is ${name(ahead.method)} (score ${ahead.score}).`);

  const rulesById = new Map(knowledge?.rules.map((rule) => [rule.id, rule]));
  // A method already ruled out stays ruled out whatever the undecided rules turn out to be: don't list them.
  const undecided =
    entry.blockers.length > 0
      ? []
      : recommendation.trace
          .filter((trace) => {
            if (trace.outcome !== 'unknown') return false;
            if (!knowledge) return true;
            const rule = rulesById.get(trace.ruleId);
            return rule !== undefined && (rule.blocks.includes(methodId) || rule.scores[methodId] !== undefined);
          })
          .sort((a, b) => weight(rulesById.get(b.ruleId), methodId) - weight(rulesById.get(a.ruleId), methodId));
  const shown = undecided.slice(0, MAX_UNDECIDED_SHOWN);
  if (shown.length > 0) {
    lines.push(
      knowledge
        ? `Rules about ${name(methodId)} that could not be decided yet:`
        : 'Rules that could not be decided yet:',
    );
    if (undecided.length > shown.length) lines.push(`(the ${shown.length} that matter most, of ${undecided.length})`);
    for (const trace of shown) {
      const rule = rulesById.get(trace.ruleId);
      const what = rule ? `${stripPeriod(rule.text)} (${describeEffect(rule, methodId)})` : trace.ruleId;
      lines.push(`- ${what}; depends on: ${factLabels(trace.missingFacts).join(', ')}`);
    }
  }
  if (recommendation.questions.length > 0) {
    const labels = recommendation.questions.map((question) => fieldLabel(question.field));
    lines.push(`Answers that could change the top method: ${labels.join(', ')}.`);
  }
  return lines.join('\n');
}

/** The profile fields behind facts, as labels: a derived fact ("fits.lora") names the fields it is computed from. */
function factLabels(facts: readonly string[]): string[] {
  return [...new Set(facts.flatMap((fact) => fieldsBehind(fact as FactName)).map(fieldLabel))];
}

/** How many undecided rules a "why (not) X?" answer lists, largest effect first. */
const MAX_UNDECIDED_SHOWN = 5;

/** A rule's weight for one method: blocking outranks any score change. */
function weight(rule: Knowledge['rules'][number] | undefined, methodId: MethodId): number {
  if (!rule) return 0;
  if (rule.blocks.includes(methodId)) return 1000;
  return Math.abs(rule.scores[methodId] ?? 0);
}

function describeEffect(rule: Knowledge['rules'][number], methodId: MethodId): string {
  if (rule.blocks.includes(methodId)) return 'would block it';
  const delta = rule.scores[methodId];
  return delta === undefined ? 'does not touch it' : `would change its score by ${delta > 0 ? '+' : ''}${delta}`;
}
