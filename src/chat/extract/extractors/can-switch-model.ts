/**
 * @module Whether the advice may propose another model (`canSwitchModel`): "we can switch models" → true, "we must
 * stay on GPT-4o" → false.
 */
import { allMatches, findingFromMatch, isNegatedBefore } from '../prepare-message.ts';
import type { Extractor, Finding } from '../types.ts';

const CAN_SWITCH =
  /\b(?:(?:we\s*)?(?:can|could|(?:are|'re)\s+(?:free|open|happy|willing)\s+to|don't\s+mind\s+(?:switching|changing))\s+(?:switch(?:ing)?|chang(?:e|ing)|mov(?:e|ing)|us(?:e|ing)\s+(?:a\s+)?(?:different|another|other))\s*(?:the\s+|our\s+|to\s+(?:a\s+|another\s+)?)?(?:models?|llms?|providers?|vendors?)?|(?:not\s+(?:married|tied|locked)\s+to|no\s+attachment\s+to)\s+(?:the\s+|this\s+|any\s+|a\s+)?(?:model|provider|vendor|\w+)|(?:any|whichever)\s+model\s+(?:works|is\s+fine|you\s+(?:suggest|recommend))|open\s+to\s+(?:other|another|a\s+different|switching|changing)\s+(?:models?|llms?|providers?))\b/g;

const CANNOT_SWITCH =
  /\b(?:(?:must|have\s+to|need\s+to|has\s+to)\s+(?:stay|stick|remain)\s+(?:on|with)\s+(?![\w-]*prem|(?:our|the|your)\s+(?:servers?|premises|infra\w*|hardware|network|site|datacenter|cloud|region)|site\b|the\s+premises|eu\b)|(?:can't|cannot|can\s+not|not\s+allowed\s+to|aren't\s+allowed\s+to|no\s+way\s+(?:we\s+)?(?:can|to))\s+(?:switch|change|move\s+off|replace)\s+(?:the\s+|our\s+|this\s+)?(?:models?|llms?|providers?|vendors?|gpt|claude|gemini|llama|qwen|mistral)|(?:locked|stuck|tied)\s+(?:in\s+)?(?:to|with|on)\s+(?:the\s+|this\s+|our\s+)?(?:model|\w+)|(?:compliance|legal|procurement|security)\s+(?:has\s+)?(?:approved|validated|signed\s+off\s+on)\s+only|only\s+(?:approved|allowed|validated)\s+model|(?:the\s+)?model\s+is\s+(?:fixed|locked|mandated|non[\s-]negotiable))\b/g;

export const extractCanSwitchModel: Extractor = (message) => {
  const { lower } = message;
  const findings: Finding[] = [];
  for (const match of allMatches(CAN_SWITCH, lower)) {
    if (isNegatedBefore(lower, match.index, 10)) continue;
    findings.push(findingFromMatch('canSwitchModel', true, match));
  }
  for (const match of allMatches(CANNOT_SWITCH, lower)) findings.push(findingFromMatch('canSwitchModel', false, match));
  return findings;
};
