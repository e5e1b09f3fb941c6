/**
 * @module Whether a wrong answer could cause real harm: "safety-critical", "legal advice", "dosages", "a missed crack
 * can mean a structural failure" → true; "low stakes" → false. Where the data comes from (a hospital, patients) or
 * who uses it is not a harm by itself.
 */
import { allMatches, createSpanIndex, findingFromMatch, isNegatedBefore } from '../prepare-message.ts';
import type { Extractor, Finding } from '../types.ts';

/** Words of health care ("patient message triage", "nurse triage"): triage near them is care, not a queue. */
const HEALTH_WORDS =
  /\b(?:patients?|clinic\w*|er\s+(?:triage|visits?|nurses?|doctors?|cases?|patients?|staff|department)|(?<=\b(?:the|our|an|in)\s)er(?=\s*(?:[.,;!?)]|$))|emergency|symptoms?|nurses?|medical|hospital\w*|doctors?|physicians?|triage\s+nurses?|ambulance|a&e|mental\s+health|health\s*care|telehealth|e-?health|health\s+(?:service|system|insurer|plan|records?|clinic|centre|center)(?!\s+(?:checks?|dashboard|endpoint|monitor\w*|status|score))|(?:crisis|suicide|helpline)\s+(?:lines?|hotlines?|calls?|chats?|texts?|centre|center|service)|suicid\w*|self[\s-]harm|pharmacists?|veterinar\w*|vet\s+clinics?|counsell?or\w*|therapists?|therapy\s+(?:sessions?|patients?|clients?)|care\s+home|urgent\s+care)\b/;

/** Hardware handed to another department: "the other cards are busy with (radiology)", "GPUs reserved for (pharma)". */
const OTHER_DEPARTMENT_BEFORE =
  /\b(?:gpus?|cards?|nodes?|servers?|cluster|machines?|others?|rest)\b[^.;!?\n]{0,30}\b(?:busy\s+with|reserved\s+for|belong(?:s|ing)?\s+to|owned\s+by|taken\s+by)\s+(?:the\s+|our\s+)?$/;
const CRITICAL = new RegExp(
  [
    String.raw`\bsafety[\s-]critical\b`,
    String.raw`\b(?:life|mission)[\s-]critical\b`,
    // Health work that decides about people, not data that merely comes from a hospital ("patient data stays here").
    String.raw`\b(?:medical|clinical)\s+(?:advice|decisions?|questions|answers|notes?|reports?|device|assistant|summar\w*|dictation|triage|documentation|letters?)\b`,
    String.raw`\b(?:diagnos(?:is|tic|tics|e|ing)|triage|drugs?|dosages?|doses|medications?|treatments?|radiology|radiologists?|x-?rays?|pharma(?:ceutical)?)\b`,
    // A wrong allergen answer can put a customer in hospital.
    String.raw`\ballerg(?:en|ens|y|ies)\s+(?:questions?|answers?|info(?:rmation)?|advice|sheets?|data|declarations?|labell?ing|queries)\b`,
    String.raw`\b(?:legal|financial|investment|tax)\s+(?:advice|decisions?|opinions?)\b`,
    String.raw`\blegal\s+(?:assistant|questions|counsel)\b`,
    String.raw`\b(?:aviation|avionics|airworthiness|nuclear|autonomous\s+driving|self[\s-]driving|industrial\s+control|power\s+plant)\b`,
    // "wrong answer = airworthiness issue", "a wrong output means a compliance incident".
    String.raw`\bwrong\s+(?:answers?|outputs?|advice|results?|codes?|labels?)\s*(?:=|->|means|is|could\s+be|would\s+be|can\s+be)\s+(?:an?\s+)?(?:safety|patient[\s-]safety|life[\s-]safety|compliance|regulatory|legal)\s+(?:issue|problem|risk|incident|finding|violation|breach)\b`,
    String.raw`\b(?:high|very\s+high)[\s-]stakes\b`,
    String.raw`\b(?:people\s+could\s+(?:get\s+hurt|die)|harm\s+(?:people|patients|users|someone|a\s+patient))\b`,
    // "the answer about medicine not always correct and this is dangerous", "wrong answers could be dangerous".
    String.raw`\b(?:wrong|incorrect|bad|false)\s+(?:answers?|outputs?|advice|replies|labels?)\s+(?:is|are|can\s+be|could\s+be|would\s+be|might\s+be)\s+(?:really\s+|very\s+|actually\s+)?(?:dangerous|harmful|unsafe)\b(?!\s+(?:to|for)\s+(?:our|the|a)\s+(?:brand|reputation|business|seo|image|sales|revenue|company))|\b(?:not\s+always|sometimes|often)\s+(?:correct|right|accurate)\b[^.;!?\n]{0,30}\b(?:this|that|it|which)\s+(?:is|can\s+be|could\s+be)\s+(?:really\s+|very\s+)?(?:dangerous|harmful|unsafe)\b`,
    // "a wrong answer could get someone killed".
    String.raw`\b(?:could|can|might|may|would)\s+get\s+(?:someone|somebody|people|a\s+person|a\s+worker|workers|patients?)\s+(?:killed|hurt|injured)\b`,
    String.raw`\b(?:someone|somebody|a\s+person|patients?|a\s+patient|workers?|drivers?|passengers?|kids|children)\s+(?:could|can|might|may|would|will)\s+(?:(?:really|actually|seriously)\s+)?(?:get\s+(?:hurt|injured|killed)|be\s+(?:harmed|hurt|injured|killed))\b`,
    String.raw`\b(?:can|could|might|may|would)\s+(?:(?:genuinely|really|actually|seriously|easily|literally)\s+)?(?:injure|hurt|harm|endanger|kill(?!\s+(?:them|us|me|it)\b))\s+(?:someone|somebody|people|a\s+person|workers?|patients?|technicians?|users?|drivers?|passengers?|callers?|customers?|clients?|them|him|her|kids|children)\b(?!'?s?\s+(?:trust|experience|confidence|patience|feelings|business|brand|reputation|loyalty|satisfaction)\b|\s+(?:financially|commercially|business-wise|(?:the|our)\s+(?:business|brand|sales|reputation|bottom\s+line)))`,
    String.raw`\b(?:mistakes?|errors?|a\s+wrong\s+\w+(?:\s+\w+)?|a\s+missed\s+\w+|getting\s+it\s+wrong)\s+(?:could|can|might|would|may|will)\s+(?:\w+\s+){0,3}?(?:harm|hurt|kill|injure|endanger|cost\s+lives|mean\s+(?:a\s+)?(?:\w+\s+)?(?:failure|accident|injury|death))\b`,
    String.raw`\bmistakes\s+(?:really\s+)?matter\b`,
    // "it's medical so mistakes actually hurt people".
    String.raw`\b(?:mistakes?|errors?)\s+(?:actually\s+|really\s+|literally\s+|directly\s+)?(?:hurt|harm|injure|endanger|kill)\s+(?:real\s+)?(?:people|patients|someone|somebody|users|workers)\b`,
    // "Is very safety important for us", "this is safety-relevant".
    String.raw`\b(?:very\s+|highly\s+)?safety[\s-](?:important|critical|relevant|sensitive)\b|\bvery\s+safety\b`,
    // "it's clinical so mistakes are a real problem".
    String.raw`\b(?:clinical|medical|patients?|legal|safety)\b[^.;!?\n]{0,30}\b(?:mistakes?|errors?)\s+(?:are|is|would\s+be)\s+(?:a\s+)?(?:real|big|serious|huge)\s+(?:problem|issue|risk|deal)\b`,
    // "mistakes not acceptable because of patient safety", "a matter of patient safety".
    String.raw`\bpatient\s+safety\b|\b(?:mistakes?|errors?)\s+(?:are\s+)?not\s+acceptable\b`,
  ].join('|'),
  'g',
);
const NOT_CRITICAL = new RegExp(
  [
    String.raw`\b(?:not|isn't|is\s+not|nothing)\s+(?:really\s+|very\s+)?(?:safety[\s-]critical|critical|high[\s-]stakes|life[\s-]or[\s-]death)\b`,
    String.raw`\blow[\s-](?:stakes|risk)\b`,
    String.raw`\bno\s+(?:safety|regulatory)\s+(?:concerns?|requirements?|issues?)\b`,
    String.raw`\bmistakes\s+(?:are|aren't)\s+(?:fine|ok|okay|cheap|not\s+a\s+big\s+deal)\b`,
  ].join('|'),
  'g',
);

/** Finds `safetyCritical` from the domain (medical, legal or financial advice, aviation…) or explicit words. */
export const extractSafety: Extractor = (message) => {
  const { lower } = message;
  const findings: Finding[] = [];
  const negative = allMatches(NOT_CRITICAL, lower);
  for (const match of negative) {
    // "latency isn't critical" is about speed, not about harm.
    if (
      /\b(?:latency|speed|time|timing|cost|performance|timeline|uptime|throughput)\s*$/.test(
        lower.slice(Math.max(0, match.index - 20), match.index),
      )
    )
      continue;
    findings.push(findingFromMatch('safetyCritical', false, match));
  }
  const negativeSpans = createSpanIndex(
    negative.map((other) => ({ start: other.index, end: other.index + other[0].length })),
  );
  for (const match of allMatches(CRITICAL, lower)) {
    if (negativeSpans.covers(match.index)) continue;
    if (isNegatedBefore(lower, match.index, 15)) continue;
    // "ticket triage", "IT helpdesk triage", "for the triage, what first?": sorting work items; triage is care only with
    // a health word near ("ER case triage", "nurse triage").
    if (match[0] === 'triage') {
      const near = lower.slice(Math.max(0, match.index - 80), match.index + 80);
      if (!HEALTH_WORDS.test(near)) continue;
    }
    // "the other cards are busy with radiology": another department's work, not this task's.
    if (OTHER_DEPARTMENT_BEFORE.test(lower.slice(Math.max(0, match.index - 60), match.index))) continue;
    findings.push(findingFromMatch('safetyCritical', true, match));
  }
  return findings;
};
