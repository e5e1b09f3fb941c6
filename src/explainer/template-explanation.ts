import type { Recommendation } from '../engine/recommendation-schema.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import { fieldLabel } from '../profile/field-labels.ts';
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
  const { destination } = recommendation;
  if (destination.model.switched && (!top || top.verdict === 'not-viable')) {
    // The verdicts are about the named model; the destination runs on another one.
    paragraphs.push(
      `Recommended: ${name(destination.method)} on ${destination.model.name} (the model you named rules every method out). ${destination.why}`,
    );
  } else if (!top || top.verdict === 'not-viable') {
    paragraphs.push('No method is viable with what you described; the blockers below say what rules each one out.');
  } else {
    const reasons = top.reasons.filter((reason) => reason.effect.startsWith('+')).slice(0, TOP_REASONS);
    // "Why:" and not "because": reason texts are full sentences, some of them advice ("Start with a clear prompt…").
    const why =
      reasons.length > 0
        ? ` Why: ${reasons.map((reason) => `${stripPeriod(reason.text)} [${reason.sources.join(', ')}]`).join('; ')}.`
        : ' It is the safest starting point: no rule favoured another method.';
    const lead = recommendation.plan.length > 1 ? 'Top choice' : 'Recommended';
    const where = destination.model.switched ? ` on ${destination.model.name} (the model you named rules it out)` : '';
    const depends =
      top.verdict === 'conditional' && top.decidedBy?.length
        ? ` It depends on what is not known yet: ${top.decidedBy.map(fieldLabel).join(', ')}.`
        : '';
    paragraphs.push(
      `${lead}: ${name(top.method)}${where} (score ${top.score} of 100). ${destination.why}${why}${depends}`,
    );
  }
  const { firstStep } = recommendation;
  if (firstStep.methods.length > 0 && !(firstStep.methods.length === 1 && firstStep.methods[0] === top?.method)) {
    paragraphs.push(`First step: ${firstStep.methods.map(name).join(' + ')}. ${firstStep.why}`);
  }
  if (recommendation.diagnosis.length > 0) {
    const needs = recommendation.diagnosis.map((entry) => `${entry.need} (${entry.evidence.join('; ')})`);
    paragraphs.push(`What must get better: ${needs.join(', ')}.`);
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
  if (recommendation.computeOptions.length > 0) {
    const lines = recommendation.computeOptions.map((option) => `- ${option.kind}: ${option.why}`);
    paragraphs.push(`Where to train:\n${lines.join('\n')}`);
  }
  if (recommendation.modelOptions.length > 0) {
    const lines = recommendation.modelOptions.map((option) => `- ${option.model} (${option.verdict}): ${option.why}`);
    paragraphs.push(`Other models:\n${lines.join('\n')}`);
  }
  if (recommendation.sensitivity.length > 0) {
    const lines = recommendation.sensitivity.map(
      (entry) =>
        `- ${fieldLabel(entry.field)} at ${entry.value.toLocaleString('en-US')}: ${name(entry.becomes)}${entry.on === undefined ? '' : ` on ${entry.on}`}`,
    );
    paragraphs.push(`What would change the answer:\n${lines.join('\n')}`);
  }
  if (recommendation.questions.length > 0) {
    const lines = recommendation.questions.map((question) => `- ${question.question}`);
    paragraphs.push(`Answering these could change the advice:\n${lines.join('\n')}`);
  }
  if (recommendation.conflicts.length > 0) {
    const lines = recommendation.conflicts.map(
      (conflict) =>
        `- ${conflict.field}: you said ${String(conflict.given)}, the catalog says ${String(conflict.catalog)}; ${conflict.used === 'catalog' ? "the catalog's value was used (the model's weights are not published)" : 'your value was used'}.`,
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
