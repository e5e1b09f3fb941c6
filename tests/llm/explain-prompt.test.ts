import { describe, expect, it } from 'vitest';
import {
  boundedHistory,
  explainRecommendationValues,
  HISTORY_MAX_CHARS_PER_TURN,
  HISTORY_MAX_TURNS,
  topMethodOf,
} from '../../src/llm/explain-prompt.ts';
import { fixtureKnowledge, fixtureRecommendation } from './fixtures.ts';

const knowledge = fixtureKnowledge();

describe('explainRecommendationValues', () => {
  it('lists a rule once with all its effects and cites only the sources of listed rules', () => {
    const recommendation = fixtureRecommendation();
    const lora = recommendation.recommendations[0]!;
    const qlora = recommendation.recommendations[1]!;
    qlora.reasons.push({ ...lora.reasons[0]!, effect: '+10' });
    const values = explainRecommendationValues(recommendation, knowledge);
    expect(values.firedRules.match(/^- lora-fits-gpu /gm)).toHaveLength(1);
    expect(values.firedRules).toContain('- lora-fits-gpu (lora +25, qlora +10):');
    expect(values.sources.split('\n').map((line) => line.split(':')[0])).toEqual(['- lora', '- qlora', '- zero']);
  });

  it('collapses facts the engine could not know into one line', () => {
    const recommendation = fixtureRecommendation();
    recommendation.assumptions.push(
      { field: 'deployment', value: null, why: 'Not known.' },
      { field: 'timelineWeeks', value: null, why: 'Not known.' },
    );
    const { assumptions } = explainRecommendationValues(recommendation, knowledge);
    expect(assumptions.split('\n')).toEqual([
      '- mlExpertise = "intermediate": Not stated; assumed a team that can run training.',
      '- Not known, so the rules testing them were left undecided: deployment, timelineWeeks',
    ]);
  });

  it('says so when every method is not-viable', () => {
    const recommendation = fixtureRecommendation();
    for (const entry of recommendation.recommendations) entry.verdict = 'not-viable';
    expect(topMethodOf(recommendation)).toBeUndefined();
    expect(explainRecommendationValues(recommendation, knowledge).topMethod).toMatch(/^none: /);
  });
});

describe('boundedHistory', () => {
  it('keeps the last turns, each cut to the limit', () => {
    const turns = Array.from({ length: 10 }, (_, index) => ({
      role: index % 2 === 0 ? ('user' as const) : ('assistant' as const),
      content: `${index}`.repeat(index === 9 ? 5000 : 1),
    }));
    const bounded = boundedHistory(turns);
    expect(bounded).toHaveLength(HISTORY_MAX_TURNS);
    expect(bounded[0]).toEqual({ role: 'user', content: '4' });
    expect(String(bounded.at(-1)?.content)).toHaveLength(HISTORY_MAX_CHARS_PER_TURN + 1);
  });
});
