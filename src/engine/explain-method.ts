import type { Knowledge } from '../knowledge/knowledge.ts';
import type { MethodId } from '../profile/profile-schema.ts';
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
  const lines = [`${methodId} is ranked ${entry.rank} of ${total}, verdict ${entry.verdict}, score ${entry.score}.`];

  if (entry.blockers.length > 0) {
    lines.push('It is not viable because:');
    for (const blocker of entry.blockers) lines.push(`- ${blocker.text} [${blocker.sources.join(', ')}]`);
  }
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
  if (ahead && ahead.method !== methodId) lines.push(`The top method is ${ahead.method} (score ${ahead.score}).`);

  const rulesById = new Map(knowledge?.rules.map((rule) => [rule.id, rule]));
  const undecided = recommendation.trace.filter((trace) => {
    if (trace.outcome !== 'unknown') return false;
    if (!knowledge) return true;
    const rule = rulesById.get(trace.ruleId);
    return rule !== undefined && (rule.blocks.includes(methodId) || rule.scores[methodId] !== undefined);
  });
  if (undecided.length > 0) {
    lines.push(knowledge ? `Rules about ${methodId} that could not be decided:` : 'Rules that could not be decided:');
    for (const trace of undecided) {
      const rule = rulesById.get(trace.ruleId);
      const effect = rule ? ` (${describeEffect(rule, methodId)})` : '';
      lines.push(`- ${trace.ruleId}${effect}: would be decided by ${trace.missingFacts.join(', ')}`);
    }
  }
  if (recommendation.questions.length > 0) {
    lines.push(`Answers that could change the top method: ${recommendation.questions.map((q) => q.field).join(', ')}.`);
  }
  return lines.join('\n');
}

function describeEffect(rule: Knowledge['rules'][number], methodId: MethodId): string {
  if (rule.blocks.includes(methodId)) return 'would block it';
  const delta = rule.scores[methodId];
  return delta === undefined ? 'does not touch it' : `would change its score by ${delta > 0 ? '+' : ''}${delta}`;
}
