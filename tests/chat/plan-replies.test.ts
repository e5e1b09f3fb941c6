/**
 * "How many weeks until production?" and "what could go wrong?": the two questions every buyer asked in the
 * twenty-eighth new-user trial (5 of 5 personas), answered "I can't answer that one" until now. The calendar answer
 * times the plan's compute step by step and says what it cannot time; the risks answer is built from this team's
 * facts, never a generic list.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractProfile } from '../../src/chat/extract/index.ts';
import { risksReply, timelineReply } from '../../src/chat/plan-replies.ts';
import { recommend } from '../../src/engine/recommend.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { Profile } from '../../src/profile/profile-schema.ts';
import { converse } from '../helpers/converse.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});
const intents = (text: string) => extractProfile(text, { knowledge, today: '2026-12-05' }).intents;

describe('the calendar question is told from a training run’s length and from a statement', () => {
  it.each([
    'How many weeks until this is in production?',
    "What's the timeline end to end?",
    'how long until we can go live?',
    'when can we go live?',
    'how soon could we ship this?',
    'what is a realistic timeline?',
    'We need it in 3 weeks. Realistic?',
    'how long will the whole project take?',
    'time to production?',
  ])('%s asks the calendar', (text) => {
    expect(intents(text).asksTimeline).toBe(true);
    expect(intents(text).asksCost).toBeUndefined();
  });

  it.each([
    'how long will the training take?',
    'how long to fine-tune it on the A100?',
    'our timeline is 6 weeks',
    'we have 4 weeks until launch',
  ])('%s does not', (text) => {
    expect(intents(text).asksTimeline).toBeUndefined();
  });
});

describe('the risks question', () => {
  it.each([
    'What are the biggest risks with this plan?',
    'what could go wrong?',
    'any pitfalls?',
    'what should we watch out for?',
    'What are the main downsides?',
    'where could this fail?',
  ])('%s asks the risks', (text) => {
    expect(intents(text).asksRisks).toBe(true);
  });

  it.each([
    'what are the privacy risks of sending tickets to OpenAI?',
    'risk of hallucination is our main concern',
    'we are a risk team at a bank',
  ])('%s does not', (text) => {
    expect(intents(text).asksRisks).toBeUndefined();
  });
});

const BANK = {
  modelName: 'Llama 3.1 8B',
  gpuName: 'NVIDIA A100 80GB',
  gpuCount: 2,
  labeledExamples: 12000,
  dataMustStayOnPrem: true,
  goals: ['format', 'style'],
  tried: [{ method: 'prompt-engineering', result: 'plateaued' }],
} as const;

describe('timelineReply', () => {
  it('times each training run on the team’s GPUs and says the engineering weeks are not measured', () => {
    const profile = Profile.parse(BANK);
    const reply = timelineReply(recommend(profile, knowledge), knowledge, profile);
    expect(reply.text).toMatch(/LoRA: about [\d.]+ h of training per run on your 2 GPUs/);
    expect(reply.text).toMatch(/no published source measures that/);
    expect(reply.text).toMatch(/cleaning the 12,000 examples/);
    expect(reply.text).toMatch(/Tell me your deadline/);
  });

  it('sets the runs against the deadline, and a long run against a short one', () => {
    const short = Profile.parse({
      modelName: 'Llama 3.1 70B',
      gpuName: 'NVIDIA H100 80GB',
      gpuCount: 8,
      goals: ['knowledge'],
      unlabeledCorpus: 'large',
      corpusTokens: 5_000_000_000,
      mlExpertise: 'expert',
      timelineWeeks: 4,
      canSwitchModel: false,
    });
    const result = recommend(short, knowledge);
    const reply = timelineReply(result, knowledge, short);
    expect(reply.text).toMatch(/Against your 4-week timeline/);
    const prompt = Profile.parse({ ...BANK, tried: [], labeledExamples: 0, timelineWeeks: 3 });
    const promptReply = timelineReply(recommend(prompt, knowledge), knowledge, prompt);
    expect(promptReply.text).toMatch(/no training;/);
  });

  it('names a hard date the plan depends on', () => {
    const profile = Profile.parse({
      modelName: 'GPT-4o mini',
      goals: ['knowledge', 'freshness'],
      unlabeledCorpus: 'large',
      requestsPerDay: 20000,
    });
    const result = recommend(profile, knowledge);
    const reply = timelineReply(result, knowledge, profile);
    expect(reply.text).toMatch(/A hard date: .*GPT-4o mini.*\d{4}-\d{2}-\d{2}/);
    expect(reply.text).toMatch(/Retrieval-augmented generation: no training run/);
  });
});

describe('risksReply', () => {
  it('names this plan’s risks with their sources, numbered from [1] in order', () => {
    const profile = Profile.parse({ ...BANK, labeledExamples: 400, mlExpertise: 'basic' });
    const reply = risksReply(recommend(profile, knowledge), knowledge, profile);
    expect(reply.text).toMatch(/Thin data/);
    expect(reply.text).toMatch(/likely, not guaranteed/);
    expect(reply.text).toMatch(/Skills.*basic/);
    const marks = [...reply.text.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]));
    expect(marks.length).toBeGreaterThan(0);
    expect(Math.max(...marks)).toBe(reply.sources?.length);
    expect(marks[0]).toBe(1);
  });

  it('puts an end date first and warns against teaching facts through the weights', () => {
    const profile = Profile.parse({
      modelName: 'GPT-4o mini',
      goals: ['knowledge'],
      labeledExamples: 3000,
      unlabeledCorpus: 'none',
    });
    const result = recommend(profile, knowledge);
    const reply = risksReply(result, knowledge, profile);
    expect(reply.text.split('\n')[1]).toMatch(/An end date/);
  });

  it('says when the runs take most of the timeline and when the plan must rent', () => {
    const profile = Profile.parse({
      modelName: 'Llama 3.1 70B',
      gpuName: 'NVIDIA H100 80GB',
      gpuCount: 8,
      goals: ['knowledge'],
      unlabeledCorpus: 'large',
      corpusTokens: 5_000_000_000,
      mlExpertise: 'expert',
      timelineWeeks: 4,
      canSwitchModel: false,
    });
    const result = recommend(profile, knowledge);
    const reply = risksReply(result, knowledge, profile);
    expect(result.destination.method).toBe('full-fine-tuning');
    expect(reply.text).toMatch(/The timeline\.\*\* The 3 training runs take about \d+ weeks .* of your 4 weeks/);
    expect(reply.text).toMatch(/Renting\.\*\* Your GPUs cannot hold full fine-tuning/);
    expect(reply.text).toMatch(/Forgetting/);
    expect(reply.text).not.toMatch(/\{\{/);
  });
});

describe('in a conversation', () => {
  it('answers both questions instead of "I can\'t answer that one"', async () => {
    const turns = await converse(
      [
        'We run a support bot for a Danish bank on Llama 3.1 8B, we have 2 A100 80GB on-prem, 12,000 labeled ticket answers, data must stay on-prem, answers must follow our strict JSON format. Prompting plateaued.',
        'How many weeks until this is in production?',
        'What are the biggest risks with this plan?',
        'how long will the training take?',
      ],
      knowledge,
    );
    expect(turns[1]?.reply).toMatch(/Compute is the part I can time/);
    expect(turns[2]?.reply).toMatch(/The risks I see for LoRA/);
    expect(turns[3]?.reply).toMatch(/GPU-hours/);
    for (const turn of turns.slice(1)) expect(turn.reply).not.toMatch(/can't answer/);
  });
});
