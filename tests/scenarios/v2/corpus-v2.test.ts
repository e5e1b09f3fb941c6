import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { SIBLING_TIE_MARGIN } from '../../../src/engine/choose-destination.ts';
import { recommend } from '../../../src/engine/recommend.ts';
import type { Knowledge } from '../../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../../src/knowledge/load-knowledge.ts';
import { Profile } from '../../../src/profile/profile-schema.ts';
import {
  type CaseGrade,
  formatFigures,
  gradeCase,
  loadCases,
  type ScenarioCase,
  summarise,
} from './score-scenarios.ts';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const knowledgeDir = fileURLToPath(new URL('../../../knowledge/', import.meta.url));
/** The held-out file as frozen before any engine work on it: editing it fails this suite. */
const HELD_OUT_SHA256 = '504a5bb9abffecf0f1153231a8ebbfca42c8ba307bc1b7c821b261c005f11c39';
/** The second held-out file (batch w8), frozen on arrival. */
const HELD_OUT_2_SHA256 = '2a1ce124d614348b703a9e93a4176d31ef0a2d44cc59ed1bda40f25f1780fec7';
const baseline = JSON.parse(readFileSync(here('./baseline-v1.json'), 'utf8')) as {
  heldout: { familyAccuracy: number; violations: number; mustAskRecall: number; questionsPerAnswer: number };
};

function grade(cases: readonly ScenarioCase[], knowledge: Knowledge): CaseGrade[] {
  return cases.map((scenario) => {
    const result = recommend(Profile.parse(scenario.profile), knowledge, { explain: 'none' });
    return gradeCase(scenario, {
      destination: result.destination.method,
      verdicts: new Map(result.recommendations.map((method) => [method.method, method.verdict])),
      questionFields: result.questions.map((question) => question.field),
    });
  });
}

describe('scenario corpus v2 (independent graders)', () => {
  let knowledge: Knowledge;
  beforeAll(async () => {
    knowledge = await loadKnowledge(knowledgeDir);
  });

  it('held-out split: frozen, never tuned on; prints before/after figures', () => {
    const text = readFileSync(here('./heldout.json'));
    expect(createHash('sha256').update(text).digest('hex'), 'heldout.json changed after it was frozen').toBe(
      HELD_OUT_SHA256,
    );
    const figures = summarise(grade(loadCases(here('./heldout.json')), knowledge));
    console.log(
      `${formatFigures('held-out (engine v2)', figures)}\n  before (v1): family ${(baseline.heldout.familyAccuracy * 100).toFixed(1)}%, ${baseline.heldout.violations} impossible judged viable, must-ask recall ${(baseline.heldout.mustAskRecall * 100).toFixed(1)}%, ${baseline.heldout.questionsPerAnswer} questions per answer`,
    );
    // A regression guard against the engine before v2, not a tuned target (the targets are in the issue note).
    expect(figures.cases).toBe(44);
    expect(figures.familyAccuracy).toBeGreaterThanOrEqual(baseline.heldout.familyAccuracy);
    expect(figures.violations).toBeLessThanOrEqual(baseline.heldout.violations);
    expect(figures.mustAskRecall).toBeGreaterThanOrEqual(baseline.heldout.mustAskRecall);
    expect(figures.questionsPerAnswer).toBeLessThanOrEqual(3);
  });

  // A second held-out split, written by an eighth writer and frozen on arrival (its on-arrival figures are in the
  // file). Never tuned on: only these printed figures are read, never its cases.
  it('held-out split 2: frozen on arrival, never tuned on; prints its figures', () => {
    const text = readFileSync(here('./heldout2.json'));
    expect(createHash('sha256').update(text).digest('hex'), 'heldout2.json changed after it was frozen').toBe(
      HELD_OUT_2_SHA256,
    );
    const figures = summarise(grade(loadCases(here('./heldout2.json')), knowledge));
    console.log(formatFigures('held-out 2 (engine v2)', figures));
    expect(figures.cases).toBe(36);
    // Guards against the figures measured on arrival (family 25/28, no impossible method viable).
    expect(figures.familyRight).toBeGreaterThanOrEqual(25);
    expect(figures.violations).toBe(0);
    expect(figures.questionsPerAnswer).toBeLessThanOrEqual(3);
  });

  // Tuned on: the tuned split and batches 2-4 (each measured once on arrival, figures in the file, then tuned on).
  const tuned = [
    ...loadCases(here('./tuned.json')),
    ...loadCases(here('./batch2.json')),
    ...loadCases(here('./batch3.json')),
    ...loadCases(here('./batch4.json')),
    ...loadCases(here('./batch5.json')),
    ...loadCases(here('./batch6.json')),
    ...loadCases(here('./batch7.json')),
    ...loadCases(here('./batch8.json')),
    ...loadCases(here('./batch9.json')),
    ...loadCases(here('./batch10.json')),
    ...loadCases(here('./batch11.json')),
    ...loadCases(here('./batch12.json')),
    ...loadCases(here('./batch13.json')),
    ...loadCases(here('./batch14.json')),
    ...loadCases(here('./batch15.json')),
    ...loadCases(here('./batch16.json')),
    ...loadCases(here('./batch17.json')),
    ...loadCases(here('./batch18.json')),
    ...loadCases(here('./batch19.json')),
    ...loadCases(here('./batch20.json')),
    ...loadCases(here('./batch21.json')),
    ...loadCases(here('./batch22.json')),
    ...loadCases(here('./batch23.json')),
    ...loadCases(here('./batch24.json')),
    ...loadCases(here('./batch25.json')),
    ...loadCases(here('./batch26.json')),
    ...loadCases(here('./batch27.json')),
    ...loadCases(here('./batch28.json')),
    ...loadCases(here('./batch29.json')),
    ...loadCases(here('./batch30.json')),
    ...loadCases(here('./batch31.json')),
    ...loadCases(here('./batch32.json')),
    ...loadCases(here('./batch33.json')),
    ...loadCases(here('./batch34.json')),
    ...loadCases(here('./batch35.json')),
    ...loadCases(here('./batch36.json')),
    ...loadCases(here('./batch37.json')),
    ...loadCases(here('./batch38.json')),
    ...loadCases(here('./batch39.json')),
    ...loadCases(here('./batch40.json')),
    ...loadCases(here('./batch41.json')),
    ...loadCases(here('./batch42.json')),
    ...loadCases(here('./batch43.json')),
    ...loadCases(here('./batch44.json')),
    ...loadCases(here('./batch45.json')),
    ...loadCases(here('./batch46.json')),
    ...loadCases(here('./batch47.json')),
    ...loadCases(here('./batch48.json')),
    ...loadCases(here('./batch49.json')),
    ...loadCases(here('./batch50.json')),
    ...loadCases(here('./batch51.json')),
    ...loadCases(here('./batch52.json')),
    ...loadCases(here('./batch53.json')),
    ...loadCases(here('./batch54.json')),
    ...loadCases(here('./batch55.json')),
    ...loadCases(here('./batch56.json')),
    ...loadCases(here('./batch57.json')),
    ...loadCases(here('./batch58.json')),
    ...loadCases(here('./batch59.json')),
    ...loadCases(here('./batch60.json')),
    ...loadCases(here('./batch61.json')),
    ...loadCases(here('./batch62.json')),
    ...loadCases(here('./batch63.json')),
    ...loadCases(here('./batch64.json')),
    ...loadCases(here('./batch65.json')),
    ...loadCases(here('./batch66.json')),
    ...loadCases(here('./batch67.json')),
    ...loadCases(here('./batch68.json')),
    ...loadCases(here('./batch69.json')),
    ...loadCases(here('./batch70.json')),
    ...loadCases(here('./batch71.json')),
    ...loadCases(here('./batch72.json')),
    ...loadCases(here('./batch73.json')),
    ...loadCases(here('./batch74.json')),
    ...loadCases(here('./batch75.json')),
    ...loadCases(here('./batch76.json')),
    ...loadCases(here('./batch77.json')),
    ...loadCases(here('./batch78.json')),
    ...loadCases(here('./batch79.json')),
    ...loadCases(here('./batch80.json')),
    ...loadCases(here('./batch81.json')),
    ...loadCases(here('./batch82.json')),
    ...loadCases(here('./batch83.json')),
    ...loadCases(here('./batch84.json')),
    ...loadCases(here('./batch85.json')),
    ...loadCases(here('./batch86.json')),
    ...loadCases(here('./batch87.json')),
    ...loadCases(here('./batch88.json')),
    ...loadCases(here('./batch89.json')),
    ...loadCases(here('./batch90.json')),
    ...loadCases(here('./batch91.json')),
    ...loadCases(here('./batch92.json')),
    ...loadCases(here('./batch93.json')),
    ...loadCases(here('./batch94.json')),
    ...loadCases(here('./batch95.json')),
    ...loadCases(here('./batch96.json')),
    ...loadCases(here('./batch97.json')),
  ];
  it('tuned split: prints its figures', () => {
    console.log(formatFigures('tuned (engine v2)', summarise(grade(tuned, knowledge))));
  });

  // Regression: every tuned decidable case keeps an acceptable destination family, no impossible method is viable,
  // and a sibling choice is either won by at least SIBLING_TIE_MARGIN points (on unclamped scores) or asked about.
  it.each(tuned.map((scenario) => [scenario.id, scenario] as const))('tuned %s', (_id, scenario) => {
    const [graded] = grade([scenario], knowledge);
    const result = recommend(Profile.parse(scenario.profile), knowledge, { explain: 'none' });
    const margin = /sibling margin (-?\d+)/.exec(
      result.stages.find((stage) => stage.stage === 'destination')?.decided ?? '',
    );
    if (margin) {
      expect(Number(margin[1])).toBeGreaterThanOrEqual(0);
      if (Number(margin[1]) < SIBLING_TIE_MARGIN && result.questions.length < 3) {
        expect(result.questions.length, 'a tie between siblings is a question').toBeGreaterThan(0);
      }
    }
    const context = `${scenario.situation}\nwant ${scenario.acceptableDestinations.join(' | ')}; ${scenario.rationale}`;
    expect(graded?.violations, context).toEqual(KNOWN_VIOLATIONS.get(scenario.id)?.methods ?? []);
    if (graded?.decidable && !KNOWN_MISSES.has(scenario.id)) expect(graded.familyRight, context).toBe(true);
  });
});

/** Tuned cases where the engine still calls a graders' impossible method viable, with the reason (kept visible). */
const KNOWN_VIOLATIONS = new Map<string, { methods: string[]; why: string }>([
  [
    'w98-one-h100-48h-quota-70b',
    {
      methods: ['full-fine-tuning'],
      why: "the graders rule out fully fine-tuning the 70B because the team's cloud quota allows exactly one H100 (said only in the situation; no profile field holds a rental quota); the engine sees a one-time budget of $130 and prices three runs on a rented 8 × MI300X node (about 1,280 GB of weights, gradients and Adam state over 1,536 GB) at about $14, so it calls the method viable on rented compute, while the destination stays QLoRA on the H100",
    },
  ],
]);

/** Tuned cases the engine still gets wrong, each with the reason (kept visible rather than edited away). */
const KNOWN_MISSES = new Map<string, string>([
  [
    'w96-llama8b-json-extraction-3090-constrained-decoding',
    "the graders want schema-constrained decoding on the prompt before tuning a format-only gap (fields right, 6% of outputs break the schema); that the fields are right is only in the attempt's note, and the tuned cases split on format-only JSON extraction (w31 wants a response schema, w6 and w41 want QLoRA), so a rule for it was not added",
  ],
  [
    'w96-o4mini-travel-planner-rft-azure',
    'the graders want reinforcement fine-tuning on o4-mini with the sandbox as the grader; the profile has no labelled examples and no field for prompts with a programmatic grader (that the plans are checkable is only in the task words), so the engine stays on the prompt',
  ],
  [
    'w95-mac-gemma2-8k-interview-transcripts',
    "the graders move a laptop team off Gemma 2 9B (8,192-token window) to a 128K-context model prompted with whole 15k-25k-token transcripts; the transcript length is only in the task's words, the profile states no example or request length, so the engine cannot see the window is too short and tunes LoRA on the plateaued prompt",
  ],
  [
    'w57-yoruba-not-in-xlmr',
    "the graders read a plateaued full fine-tune of XLM-R (Hausa F1 0.86, Yoruba 0.61) as a language the model never saw, and continue its pre-training on the 30M Yoruba tokens before re-tuning every weight; the engine holds continued pre-training for corpora of a billion tokens or more, has no notion of a language missing from a model's pre-training, and moves off the plateaued full fine-tune to LoRA",
  ],
  [
    'w53-llama70b-two-3090s-zero-budget-ptbr',
    "the graders accept QLoRA of the 70B on two 24 GB cards as marginal but workable (sequences capped, optimizer paged); the engine's estimate puts QLoRA at about 49 GB against 48 GB and, with no budget to rent, keeps the answer on few-shot prompting",
  ],
  [
    'w52-media-monitoring-weekly-topics-aud',
    'the graders keep 600 client-defined topics that change weekly (2-3 examples each) on few-shot prompts with retrieved examples; the engine reads a plateaued prompt plus 1,500 labels as a tuning case and sends it to the provider tuning job (it has no count of labels per class, nor a notion of a label set that changes)',
  ],
  [
    'w52-lawfirm-onprem-contract-extraction',
    'the graders keep extraction from whole contracts on a structured prompt (no ML staff, 120 annotated contracts, prompting not yet tried); the engine plans LoRA as the destination after the prompt baseline, its penalty for no ML experience not outweighing a format gap with 100+ examples',
  ],
  [
    'w35-40-brands-on-sonnet-no-per-tenant-finetune',
    'the graders keep 40 brands on per-brand few-shot prompts because each has only 20-60 examples; the profile gives the total (1,600), and other batches give per-tenant counts in the same field (300 examples for 120 tenants), so dividing by the tenants broke four tuned cases and was not kept',
  ],
  [
    'w35-preference-pairs-encode-stale-prices',
    "the graders see that the preference pairs only encode this month's prices and send the facts to retrieval; the profile says alignment with 2,500 pairs, and nothing in it tells pairs of facts from pairs of behaviour",
  ],
  [
    'w33-distilled-1b-student-too-weak',
    'the graders distil again into a larger student (3B or 8B) after a 1B student failed; the engine treats the failed distillation as spent and tunes the named 1B on the 100,000 labels instead (it has no notion of a student that failed for its size)',
  ],
  [
    'w33-weak-teacher-edge-classifier',
    'the graders upgrade the teacher (tune the 7B on the gold labels) and distil again, or fully fine-tune the 0.5B; the engine proposes LoRA on the 0.5B that may not change (it does not reason about a teacher that is the bottleneck)',
  ],
  [
    'w31-receipts-json-schema-not-finetune',
    'the graders want a response schema (constrained decoding) before any tuning for output that only breaks its JSON schema; a rule for it (format-only goal, JSON in the task, no schema tried) fixed this case but broke two tuned cases whose graders tune JSON extraction, so it was not kept',
  ],
  [
    'w31-catalog-translation-glossary-in-context',
    'the graders inject a monthly-changing glossary into the prompt; the engine treats style plus a plateaued prompt with 15,000 approved segments as a tuning case (monthly changes do not require retrieval in its rules)',
  ],
  [
    'w21-utrecht-hrtech-gpt4o-mini-finetune-sunset',
    'the graders re-train the 9,000 labels on an open model (LoRA) or a live provider; the engine ranks distilling the retiring fine-tune two points above LoRA (a close sibling call it does not ask about)',
  ],
  [
    'w6-llama70b-locked-one-4090',
    'the team serves the 70B with CPU offload as a batch job; the engine rules out serving a model whose 4-bit weights exceed the on-prem GPUs',
  ],
  [
    'w12-claude-haiku-bedrock-tuning-ended',
    'Claude 3 Haiku is past its end of life on every channel; the graders move the team to a current Claude model with few-shot prompting (legal approved only Claude, said in the task text), while the engine keeps the supervised wish on the provider channel that still tunes (Amazon Nova on Bedrock): a retired API model is not yet continued on its live family member',
  ],
  [
    'w27-invoice-json-gateway-api-only',
    "the team states api-only access to Gemini 2.5 Flash and the graders read that as no tuning anywhere, keeping the fix prompt-side (dynamic few-shot, the API's schema mode); the engine, with canSwitchModel not stated, moves the plateaued format gap to a provider tuning job on another model",
  ],
  [
    'w6-claude3-haiku-locked-tuning-ended',
    'the graders assume Claude 3 Haiku can still be prompted; it was retired on the Claude API on 2026-04-20 (knowledge: haiku-3-api-retired) and on Bedrock on 2026-09-10, so the engine sees no channel left: the graders are out of date here',
  ],
  [
    'rt5-mixtral-t4-active-params-trap',
    'the graders keep few-shot prompting of Mixtral 8x7B on a 16 GB T4; its 4-bit weights alone (about 25 GB) exceed the card, so the engine rules out serving it there at all (a dead end) unless CPU offload is assumed',
  ],
  [
    'rt5-local-teacher-instead-of-gpt4o',
    'the graders swap the API teacher (GPT-4o cannot see on-premises data) for a local open-weight teacher on the L4; the engine does not substitute a teacher, so with no labels it stays with a prompt baseline',
  ],
  [
    'w16-ngo-crisis-sms-needs',
    'the graders keep 400 labels as few-shot examples and an evaluation set until a prompt plateaus; the engine tunes from 100 examples on (oai-sft). Waiting for a plateau below 1,000 examples was tried: it fixed this case and broke another, so it was not kept',
  ],
  [
    'w16-ngo-spanish-health-leaflets',
    "the graders move off GPT-4o because OpenAI shuts it down on 2027-01-14; the catalog still lists Azure's GPT-4o fine-tuning as available (as of 2026-03-05) with no end date, so the engine tunes it there",
  ],
]);
