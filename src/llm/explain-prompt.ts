import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { MethodRecommendation, Recommendation } from '../engine/recommendation-schema.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { MethodId } from '../profile/profile-schema.ts';
import type { Prompts } from './prompt-templates.ts';

/**
 * Turns the engine's Recommendation into the explainer's chat messages (pure). The LLM sees only what the engine
 * decided: ranking, verdicts, scores, plan, questions, assumptions, the fired rules' texts and the cited sources.
 */

/** One earlier chat turn given to the LLM as context. */
export interface ChatTurn {
  readonly role: 'user' | 'assistant';
  readonly content: string;
}

/** Only the most recent turns are sent, each cut to a bounded length, to keep token use per call bounded. */
export const HISTORY_MAX_TURNS = 6;
export const HISTORY_MAX_CHARS_PER_TURN = 2_000;
/** Reasons are listed for the best-ranked methods only; blockers of every not-viable method are always listed. */
export const EXPLAINED_TOP_METHODS = 5;

type MethodNames = Pick<Knowledge, 'methodById'>;

/** "lora (LoRA)" when the knowledge has a name for the id, else the id. */
export function methodLabel(id: MethodId, knowledge: MethodNames): string {
  const name = knowledge.methodById.get(id)?.name;
  return name && name.toLowerCase() !== id ? `${id} (${name})` : id;
}

/** The engine's top method: the best-ranked method that is not not-viable; undefined when every method is blocked. */
export function topMethodOf(recommendation: Recommendation): MethodRecommendation | undefined {
  return [...recommendation.recommendations]
    .sort((left, right) => left.rank - right.rank)
    .find((entry) => entry.verdict !== 'not-viable');
}

const cite = (sources: readonly string[]) => sources.map((source) => `[${source}]`).join(' ');
const bullets = (lines: string[], empty: string) => (lines.length === 0 ? empty : lines.join('\n'));
const short = (value: unknown) => {
  const text = JSON.stringify(value) ?? 'null';
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
};

interface FiredRule {
  text: string;
  sources: string[];
  effects: string[];
}

/** The placeholder values of prompts/explain-recommendation.md for a recommendation. */
export function explainRecommendationValues(recommendation: Recommendation, knowledge: MethodNames) {
  const ranked = [...recommendation.recommendations].sort((left, right) => left.rank - right.rank);
  const top = topMethodOf(recommendation);

  const firedRules = new Map<string, FiredRule>();
  const addRule = (ruleId: string, text: string, sources: string[], effect: string) => {
    const rule = firedRules.get(ruleId) ?? { text, sources: [...sources], effects: [] };
    rule.effects.push(effect);
    for (const source of sources) if (!rule.sources.includes(source)) rule.sources.push(source);
    firedRules.set(ruleId, rule);
  };
  ranked.forEach((entry, index) => {
    if (index < EXPLAINED_TOP_METHODS && entry.verdict !== 'not-viable')
      for (const reason of entry.reasons)
        addRule(reason.ruleId, reason.text, reason.sources, `${entry.method} ${reason.effect}`);
    for (const blocker of entry.blockers)
      addRule(blocker.ruleId, blocker.text, blocker.sources, `blocks ${entry.method}`);
  });

  const citedSourceIds = new Set([...firedRules.values()].flatMap((rule) => rule.sources));
  const sources = recommendation.sources.filter((source) => citedSourceIds.has(source.id));

  return {
    topMethod: top
      ? `${methodLabel(top.method, knowledge)}: ${top.verdict}, score ${top.score}/100; the destination (objective ${recommendation.destination.objective}, channel ${recommendation.destination.channel}${recommendation.destination.model.switched ? `, on ${recommendation.destination.model.name} instead of the named model` : ''}): ${recommendation.destination.why} First step: ${recommendation.firstStep.methods.map((id) => methodLabel(id, knowledge)).join(' + ') || 'none'}. ${recommendation.firstStep.why}`
      : 'none: the engine found every method not-viable for this situation; explain the blockers',
    ranking: bullets(
      ranked.map((entry) => {
        const blocked =
          entry.verdict === 'not-viable'
            ? ` (ruled out: ${entry.blockers.map((blocker) => `${blocker.text} ${cite(blocker.sources)}`).join('; ')})`
            : '';
        return `${entry.rank}. ${methodLabel(entry.method, knowledge)}: ${entry.verdict}, ${entry.score}/100${blocked}`;
      }),
      '(no methods ranked)',
    ),
    plan: bullets(
      recommendation.plan.map(
        (step) => `Step ${step.step}: ${step.methods.map((id) => methodLabel(id, knowledge)).join(' + ')}: ${step.why}`,
      ),
      '(no plan)',
    ),
    firedRules: bullets(
      [...firedRules.entries()].map(
        ([ruleId, rule]) => `- ${ruleId} (${rule.effects.join(', ')}): ${rule.text} Sources: ${cite(rule.sources)}`,
      ),
      '(no rule fired)',
    ),
    questions: bullets(
      recommendation.questions.map((question) => `- ${question.field}: ${question.question} (${question.why})`),
      '(none)',
    ),
    assumptions: assumptionsText(recommendation),
    conflicts: bullets(
      recommendation.conflicts.map(
        (conflict) =>
          `- ${conflict.field}: the user gave ${short(conflict.given)}, the catalog says ${short(conflict.catalog)}${conflict.used === 'catalog' ? " (the catalog's value was used: the weights are not published)" : ''}`,
      ),
      '(none)',
    ),
    sources: bullets(
      sources.map((source) => `- ${source.id}: ${source.title} (${source.year})`),
      '(none)',
    ),
  };
}

/**
 * Assumed values one per line; facts the engine could not know (value null) collapsed into one line, because they
 * are many and say only "left undecided" (keeps the prompt short).
 */
function assumptionsText(recommendation: Recommendation): string {
  const assumed = recommendation.assumptions.filter((assumption) => assumption.value !== null);
  const unknown = recommendation.assumptions.filter((assumption) => assumption.value === null);
  const lines = assumed.map((assumption) => `- ${assumption.field} = ${short(assumption.value)}: ${assumption.why}`);
  if (unknown.length > 0)
    lines.push(
      `- Not known, so the rules testing them were left undecided: ${unknown.map((item) => item.field).join(', ')}`,
    );
  return bullets(lines, '(none)');
}

/** The method list of prompts/explainer-system.md. */
export function methodCatalogText(knowledge: Pick<Knowledge, 'methods'>): string {
  return knowledge.methods.map((method) => `- ${method.id}: ${method.name}`).join('\n');
}

/** The most recent turns, each cut to `HISTORY_MAX_CHARS_PER_TURN` characters. */
export function boundedHistory(history: readonly ChatTurn[] | undefined): ChatCompletionMessageParam[] {
  return (history ?? []).slice(-HISTORY_MAX_TURNS).map((turn) => ({
    role: turn.role,
    content:
      turn.content.length > HISTORY_MAX_CHARS_PER_TURN
        ? `${turn.content.slice(0, HISTORY_MAX_CHARS_PER_TURN)}…`
        : turn.content,
  }));
}

/**
 * The explainer's messages: the system prompt, the bounded chat history (user text stays in user/assistant
 * messages, never in the system prompt), then the engine result as the final user message.
 */
export function buildExplainMessages(
  prompts: Prompts,
  recommendation: Recommendation,
  knowledge: Pick<Knowledge, 'methodById' | 'methods'>,
  history?: readonly ChatTurn[],
): ChatCompletionMessageParam[] {
  return [
    { role: 'system', content: prompts.render('explainer-system', { methodCatalog: methodCatalogText(knowledge) }) },
    ...boundedHistory(history),
    {
      role: 'user',
      content: prompts.render('explain-recommendation', explainRecommendationValues(recommendation, knowledge)),
    },
  ];
}
