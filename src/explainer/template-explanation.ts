import type { Recommendation } from '../engine/recommendation-schema.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { MethodId } from '../profile/profile-schema.ts';

/** How many reasons the explanation quotes for the top method. */
const TOP_REASONS = 3;

/**
 * A short plain-language explanation built only from the recommendation (no LLM): the top method and its
 * strongest reasons with [source ids], the plan one line per step, the advisory notes (fired rules that score 0:
 * serving, budget, human review), the methods that are not viable with their first blocker, and the open
 * questions. Deterministic.
 */
export function templateExplanation(recommendation: Recommendation, knowledge: Knowledge): string {
  const name = (id: MethodId) => knowledge.methodById.get(id)?.name ?? id;
  const paragraphs: string[] = [];
  const top = recommendation.recommendations[0];
  if (!top || top.verdict === 'not-viable') {
    paragraphs.push('No method is viable with what you described; the blockers below say what rules each one out.');
  } else {
    const reasons = top.reasons.filter((reason) => reason.effect.startsWith('+')).slice(0, TOP_REASONS);
    // "Why:" and not "because": reason texts are full sentences, some of them advice ("Start with a clear prompt…").
    const why =
      reasons.length > 0
        ? ` Why: ${reasons.map((reason) => `${stripPeriod(reason.text)} [${reason.sources.join(', ')}]`).join('; ')}.`
        : ' It is the safest starting point: no rule favoured another method.';
    const lead = recommendation.plan.length > 1 ? 'Top choice' : 'Recommended';
    paragraphs.push(`${lead}: ${name(top.method)} (score ${top.score} of 100).${why}`);
  }
  if (recommendation.plan.length > 0) {
    const steps = recommendation.plan.map((step) => `${step.step}. ${step.methods.map(name).join(' + ')}: ${step.why}`);
    paragraphs.push(`Plan:\n${steps.join('\n')}`);
  }
  const notes = advisoryNotes(recommendation);
  if (notes.length > 0) paragraphs.push(`Keep in mind:\n${notes.join('\n')}`);
  const blocked = recommendation.recommendations.filter((method) => method.verdict === 'not-viable');
  if (blocked.length > 0) {
    // Methods ruled out by the same rule share one line, so a common blocker is said once.
    const groups = new Map<string, { methods: MethodId[]; text: string; sources: string[]; memory?: string }>();
    for (const method of blocked) {
      const blocker = method.blockers[0];
      const key = blocker?.ruleId ?? `none:${method.method}`;
      const group = groups.get(key) ?? { methods: [], text: blocker?.text ?? '', sources: blocker?.sources ?? [] };
      group.methods.push(method.method);
      // A memory blocker says how far off it is: "(about 149 GB needed, 24 GB available)".
      const memory = method.estimates?.memoryGB;
      if (group.memory === undefined && memory?.fits === false) group.memory = memoryFigures(memory);
      groups.set(key, group);
    }
    const lines = [...groups.values()].map((group) => {
      const names = group.methods.map(name).join(', ');
      const text = group.memory ? `${stripPeriod(group.text)} (${group.memory}).` : group.text;
      return group.text ? `- ${names}: ${text} [${group.sources.join(', ')}]` : `- ${names}`;
    });
    paragraphs.push(`Not viable:\n${lines.join('\n')}`);
  }
  if (recommendation.questions.length > 0) {
    const lines = recommendation.questions.map((question) => `- ${question.question}`);
    paragraphs.push(`Answering these could change the advice:\n${lines.join('\n')}`);
  }
  if (recommendation.conflicts.length > 0) {
    const lines = recommendation.conflicts.map(
      (conflict) =>
        `- ${conflict.field}: you said ${String(conflict.given)}, the catalog says ${String(conflict.catalog)}; your value was used.`,
    );
    paragraphs.push(`Conflicts:\n${lines.join('\n')}`);
  }
  return paragraphs.join('\n\n');
}

/** Fired rules that move no score (effect "0") are advice that holds whatever method is chosen: one line each. */
function advisoryNotes(recommendation: Recommendation): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const method of recommendation.recommendations) {
    for (const reason of method.reasons) {
      if (reason.effect !== '0' || seen.has(reason.ruleId)) continue;
      seen.add(reason.ruleId);
      lines.push(`- ${reason.text} [${reason.sources.join(', ')}]`);
    }
  }
  return lines;
}

/** "about 149 GB needed, 24 GB available", or undefined when there is no GPU memory to compare with. */
export function memoryFigures(memory: { needed: number; available: number | null }): string | undefined {
  if (memory.available === null || memory.available <= 0) return undefined;
  return `about ${Math.round(memory.needed)} GB needed, ${memory.available} GB available`;
}

/** The text without its closing period (to append a clause or a bracket). */
export function stripPeriod(text: string): string {
  return text.replace(/[.\s]+$/, '');
}
