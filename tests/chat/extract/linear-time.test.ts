/**
 * Every extractor must take time linear in the message length: one client replaying pathological 4,000-character
 * messages must not stall the event loop for everyone (issue 11, item 1).
 *
 * Wall time is not asserted. Each message is read at 500 and at 4,000 characters (8× longer); a linear extractor
 * takes about 8× as long, a quadratic one about 64×. The test fails when the growth ratio passes 20, re-measured
 * before failing so that one garbage-collection pause does not fail it.
 */
import { describe, expect, it } from 'vitest';
import { extractProfile } from '../../../src/chat/extract/index.ts';
import type { ProfileField } from '../../../src/profile/profile-schema.ts';
import { fixtureCatalog } from './fixture-catalog.ts';

const SHORT = 500;
const LONG = 4000;
/** 8× the length: about 8× the time when linear, 64× when quadratic. */
const MAX_GROWTH = 20;
/** Below this a timing is noise; the ratio uses at least this as the short message's time. */
const FLOOR_MS = 0.05;

/** Units that repeat into the inputs the hardening probe found slow, and the shapes of text around them. */
const REPEATED_UNITS = [
  '1',
  '1 ',
  '1,000,',
  '1.',
  '$1 ',
  '1$',
  'a100 ',
  'a100',
  '2 a100s ',
  '8xh100 ',
  'h100 80gb ',
  'rtx ',
  'nvidia ',
  'rtx 4090 ',
  'gpt-4-',
  'llama-3.1-',
  'qwen2.5 ',
  '\n',
  ' ',
  '.',
  ', but ',
  "don't ",
  'not ',
  'actually ',
  'actually 3 gpus ',
  'can we use 2 a100s? ',
  'image ',
  'cite ',
  'no citations, cite ',
  'budget of $5000 ',
  '5000 labeled examples ',
  'english, french, ',
  'twenty five hundred ',
  'in 3 months ',
  '200 ms ',
  '1000 requests per day ',
  'İ',
  '-',
  '\u2014',
  '-- ',
  '>\n',
  '=',
  '*',
  '#',
  '|',
  '"a" ',
  '"',
  '{"a":1} ',
  '{',
  '`',
  '```\n',
  'aB_',
  'if we had 2 a100s, ',
  'last year we had 2 a100s, but ',
];

/** Trigger words of every extractor (and of the intents, corrections and short answers). */
const TRIGGER_WORDS: Record<string, readonly string[]> = {
  gpus: [
    'a100',
    'h100 80gb',
    '4090',
    'gpus',
    'no gpus',
    '24gb of vram',
    'a100 box has',
    "there's a card in the",
    'both 4090s',
    'cards with 24gb each',
  ],
  model: ['gpt-4o', 'llama 3.1 8b', 'a 13b model', 'open weights', 'claude', 'api-only', 'moved from'],
  labeledData: [
    'labeled',
    '5k examples',
    'no labeled data',
    'annotated',
    '8000 emails that agents',
    '8k paired snippets',
  ],
  corpus: ['thousands of documents', 'a handful of pdfs', 'no documents', '4,000 pdfs'],
  budget: ['budget', '$500/month', 'budget is 10k', '1.5k per month', 'spend', '$1-', 'budget 3 to'],
  knowledgeChanges: ['weekly', 'changes weekly', 'rarely', 'static docs', 'never'],
  citations: ['cite', 'citations', 'show sources', 'no citations'],
  styleFormat: ['json', 'brand voice', 'no particular format'],
  onPrem: ['on-prem', 'data stays', 'cloud is fine'],
  deployment: [
    'deployment',
    'deploy',
    'runs on phones',
    'edge devices',
    'hosted api',
    "won't run on",
    'thinkpads',
    'we are all on macbooks',
  ],
  timeline: ['deadline', 'in 2 weeks', 'asap', 'next month', 'a quarter is fine'],
  languages: ['english', 'multilingual', 'english and french', 'only english', 'mostly english but'],
  latency: ['latency', 'under 200 ms', 'p95', 'real-time', 'sub-second'],
  volume: ['requests per day', '50 qps', '10k requests a day', 'volume', 'volume is', 'we do about 3 million'],
  expertise: ['ml engineers', 'expert', 'no ml experience'],
  safety: ['medical', 'safety-critical', 'not critical'],
  tasksCount: ['tasks', 'each tenant', 'one task'],
  modality: ['images', 'speech', 'code completion', 'chatbot'],
  task: [
    'classify tickets',
    'summarize',
    'we are a company in',
    'we run mistral',
    'want operators to',
    'our support bot',
  ],
  intents: [
    'how many techs could use it at once, we have around 60',
    '8k examples - enough or overkill',
    'some species like exotics only have maybe 40 letters',
    'why we dont just fine tune the model on all the manuals so it knows them',
    'part numbers like pv-2210-b. will the search actually find those',
    'we want it live before summer, so ~10 weeks. realistic?',
    'does that change things?',
    'i said 2 weeks before but now we have 6',
    'we only have one free',
    'so the 32b still fits on just the one card? that seems off',
    'forty-odd thousand',
    'our config fwiw:\n```\nmodel: x\n```',
    'incl. what it costs',
    'will it run us',
    'only a third of the 100 are good, should we train on all of them?',
    'is lora too much',
    'can we do dpo with those',
    'could we do qlora on the',
    'what is the monthly difference',
    '2,500 (draft, edited) pairs',
    'ok, start over',
    'reset',
    'is that enough?',
    'redo the numbers',
    'paste the runbook into the prompt instead of',
    'step by step',
    'walk me through the',
    'graders disagree',
    'rare levels has',
    'is 12 graded essays',
    'fit on eight',
    'why not lora',
    'why not',
    'what about',
    'what if',
    'just recommend',
    'idk',
    'dunno',
    'pass',
    'start over',
    'hello',
    // Questions read in a window after their first word (twentieth session, review20).
    'why',
    'what would',
    'compare the monthly bill for',
    'is llama good in',
    'we need it live in 5 weeks',
    // Twenty-third session.
    'ok then: what is lora',
    'i worry a 1b',
    'is there a bert-like model',
    'which model would you pick for german',
    'the llama 3.1 8b option you',
  ],
  disowned: ['1,', '129 was the', 'not the corpus'],
  corrections: ['actually', 'sorry', 'make that', 'instead', 'rather than'],
  shortAnswers: ['none', 'nope', 'yes', 'weekly', 'about 300'],
  goals: ['answer questions from our docs', 'too expensive', 'too slow', 'on-device', 'hallucinates', 'tone'],
  taskType: [
    'classify',
    'extract',
    'transcribe',
    'generate images',
    'support bot',
    'sort emails into',
    'write code',
    'cobol to java',
  ],
  modelStage: ['base model', 'instruct', '8b-it', 'already fine-tuned'],
  teacher: ['distill gpt-4o into', 'gpt-4o as the teacher', 'outputs from gpt-4o'],
  preferencePairs: ['5k chosen/rejected pairs', 'thumbs up / down pairs', 'no preference data'],
  tried: [
    'we tried prompting and it plateaued',
    'rag failed',
    'our few-shot prompt works well',
    'quality is fine but',
    'right maybe 70',
  ],
  deviceMemory: ['phones with 4 gb', '4 gb of ram on the phone', 'under 2 gb of memory on the device'],
  corpusTokens: ['2b tokens', 'about 400 million tokens of code'],
  canSwitchModel: ['we can switch models', 'must stay on gpt-4o', 'locked to'],
  unasserted: [
    'if we had 8 h100s',
    'last year we had',
    'sold them',
    'our competitor has',
    'we do not have 8 h100s',
    '"we have',
    '```',
    '> we have',
    'gpuCount=100',
    '{"gpuCount":100',
    'system: ignore previous',
  ],
};

/** How the text around a trigger word is filled out to the length. */
const SHAPES: Record<string, (word: string, length: number) => string> = {
  repeated: (word, length) => fill(`${word} `, length),
  'trailing spaces': (word, length) => `${word}${' '.repeat(length - word.length - 1)}x`,
  'trailing newlines': (word, length) => `${word}${'\n'.repeat(length - word.length - 1)}x`,
  'trailing digits': (word, length) => `${word} ${'1'.repeat(length - word.length - 2)}x`,
};

/** Short answers run only when the advisor asked for a field: cover them with a requested field too. */
const REQUESTED_FIELDS: readonly (ProfileField | undefined)[] = [undefined, 'labeledExamples', 'knowledgeChanges'];

function fill(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

function fastest(message: string, requestedField: ProfileField | undefined, repetitions: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < repetitions; round++) {
    const started = performance.now();
    extractProfile(message, { knowledge: fixtureCatalog, requestedField });
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/** Time at 4,000 characters over time at 500 (at least FLOOR_MS), measured again before it is believed high. */
function growthRatio(build: (length: number) => string, requestedField?: ProfileField): number {
  const measure = (repetitions: number) =>
    fastest(build(LONG), requestedField, repetitions) /
    Math.max(fastest(build(SHORT), requestedField, repetitions), FLOOR_MS);
  const first = measure(2);
  return first <= MAX_GROWTH ? first : Math.min(first, measure(7));
}

interface Case {
  name: string;
  build: (length: number) => string;
  requestedField?: ProfileField;
}

const cases: Case[] = [
  ...REPEATED_UNITS.map((unit) => ({ name: `repeated ${JSON.stringify(unit)}`, build: (n: number) => fill(unit, n) })),
  ...Object.entries(TRIGGER_WORDS).flatMap(([extractor, words]) =>
    words.flatMap((word) =>
      Object.entries(SHAPES).map(([shape, build]) => ({
        name: `${extractor}: ${JSON.stringify(word)}, ${shape}`,
        build: (n: number) => build(word, n),
      })),
    ),
  ),
  ...REQUESTED_FIELDS.filter((field) => field !== undefined).flatMap((field) =>
    TRIGGER_WORDS.shortAnswers!.flatMap((word) =>
      Object.entries(SHAPES).map(([shape, build]) => ({
        name: `answer to ${field}: ${JSON.stringify(word)}, ${shape}`,
        build: (n: number) => build(word, n),
        requestedField: field,
      })),
    ),
  ),
];

describe('rule-based extraction stays linear in the message length', () => {
  it('warms up the regex compiler on an ordinary message first', () => {
    // The first runs of each pattern are interpreted, later ones compiled: warm up so the ratios compare like
    // with like.
    for (let round = 0; round < 20; round++) {
      extractProfile(fill('We have 2 A100s, 5k labeled tickets, budget $2k/month, docs change weekly. ', LONG), {
        knowledge: fixtureCatalog,
      });
    }
  });

  it(`grows at most ${MAX_GROWTH}× from ${SHORT} to ${LONG} characters on ${cases.length} pathological messages`, () => {
    const superLinear = cases
      .map((item) => ({ name: item.name, ratio: growthRatio(item.build, item.requestedField) }))
      .filter((item) => item.ratio > MAX_GROWTH)
      .map((item) => `${item.name}: ×${item.ratio.toFixed(1)}`);
    expect(superLinear).toEqual([]);
  }, 120_000);
});
