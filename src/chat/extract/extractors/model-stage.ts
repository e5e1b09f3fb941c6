/**
 * @module What the named model already is (`modelStage`): "the base checkpoint" → base, "Llama 3.1 8B Instruct" →
 * instruct, "our already fine-tuned model" → fine-tuned.
 */
import { allMatches, findingFromMatch, isNegatedBefore } from '../prepare-message.ts';
import type { Extractor, Finding } from '../types.ts';

const BASE_STAGE =
  /\b(?:(?:the\s+|a\s+|our\s+)?base\s+(?:model|checkpoint|version|weights)|pre[\s-]?trained\s+only|not\s+(?:instruction|instruct)[\s-]tuned|(?:it|the\s+model)\s+just\s+(?:continues|completes)\s+(?:the\s+)?text|raw\s+pre[\s-]?trained|pre[\s-]?trained\s+checkpoint|(?:without|no|never\s+had|hasn't\s+had)\s+(?:any\s+)?(?:instruction|instruct|chat|sft)[\s-]?tun\w*)\b/g;

const INSTRUCT_STAGE =
  /\b(?:instruct(?:ion)?[\s-]?(?:tuned|model|version|variant|checkpoint)?|chat\s+(?:version|variant|model|checkpoint)|(?<![\d.])[\d.]+b[\s-]it\b|-it\b)\b/g;

const FINE_TUNED_STAGE =
  /\b(?:(?:our|an?|the)\s+(?:already\s+)?fine[\s-]?tuned\s+(?:model|checkpoint|version|llama|qwen|mistral|gemma|variant)|already\s+fine[\s-]?tuned|we\s+(?:already\s+)?fine[\s-]?tuned\s+(?:it|the\s+model))\b/g;

export const extractModelStage: Extractor = (message) => {
  const { lower } = message;
  const findings: Finding[] = [];
  for (const match of allMatches(FINE_TUNED_STAGE, lower))
    findings.push(findingFromMatch('modelStage', 'fine-tuned', match));
  for (const match of allMatches(BASE_STAGE, lower)) {
    if (isNegatedBefore(lower, match.index, 10)) continue;
    findings.push(findingFromMatch('modelStage', 'base', match));
  }
  for (const match of allMatches(INSTRUCT_STAGE, lower)) {
    // "instruction tuning" is a method, not what the model is.
    if (
      /^instruct(?:ion)?[\s-]?tun(?:ing|e)\b/.test(lower.slice(match.index, match.index + 20)) &&
      !/tuned/.test(match[0])
    )
      continue;
    if (/^instructions?\b/.test(lower.slice(match.index, match.index + 13))) continue;
    findings.push(findingFromMatch('modelStage', 'instruct', match));
  }
  return findings;
};
