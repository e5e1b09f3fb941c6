/**
 * @module What the named model already is (`modelStage`): "the base checkpoint" → base, "Llama 3.1 8B Instruct" →
 * instruct, "our already fine-tuned model" → fine-tuned.
 */
import { catalogScanner } from '../catalog-matcher.ts';
import { allMatches, finding, findingFromMatch, isNegatedBefore } from '../prepare-message.ts';
import type { Extractor, Finding } from '../types.ts';

const BASE_STAGE =
  /\b(?:(?:the\s+|a\s+|our\s+)?(?:raw\s+|plain\s+)?base\s+(?:model|checkpoint|ckpt|version|weights)|the\s+(?:plain\s+|raw\s+|original\s+|vanilla\s+)?(?:base|pre[\s-]?trained)\s+(?:one|version|variant)\b(?!\s+(?:of|for|is\s+(?:fine|ok|enough)))|\b(?:pre[\s-]?trained|base)\s+(?:one|version|checkpoint)\b[,;\s]+no\s+it\b|\bnot\s+the\s+(?:it|instruct)\s+(?:one|version|variant)\b|pre[\s-]?trained\s+only|not\s+(?:instruction|instruct)[\s-]tuned|non[\s-]?instruct(?:ion)?(?:[\s-]tuned)?\b(?:\s+(?:one|version|variant|model|checkpoint))?|(?:it|the\s+model)\s+just\s+(?:continues|completes)\s+(?:the\s+)?text|raw\s+pre[\s-]?trained|pre[\s-]?trained\s+checkpoint|(?:without|no|never\s+had|hasn't\s+had)\s+(?:any\s+)?(?:instruction|instruct|chat|sft)[\s-]?tun\w*)\b/g;

const INSTRUCT_STAGE =
  /\b(?:instruct(?:ion)?[\s-]?(?:tuned|model|version|variant|checkpoint)?|instruction[\s-]tuned\s+(?:one|variant|version)|chat\s+(?:version|variant|model|checkpoint)|(?<![\d.])[\d.]+b[\s-]it\b|-it\b)\b/g;

const FINE_TUNED_STAGE =
  /\b(?:(?:a|an|our|the)\s+(?:own\s+)?(?:managed\s+|custom\s+)?(?:fine[\s-]?tune|ft)\s+of\b|(?:a|an|our|the)\s+fine[\s-]?tuned\s+version\s+of\b|(?:which|that)\s+we\s+(?:already\s+|have\s+already\s+|have\s+)?(?:lora|qlora|fine)[\s-]?tuned\b|(?:our|an?|the)\s+(?:already\s+)?fine[\s-]?tuned\s+(?:model|checkpoint|version|llama|qwen|mistral|gemma|variant)|already\s+fine[\s-]?tuned|we\s+(?:already\s+)?fine[\s-]?tuned\s+(?:it|the\s+model|ourselves)|(?:that|which)?\s*we\s+fine[\s-]?tuned\s+ourselves|our\s+own\s+(?:sft'?d|fine[\s-]?tuned|tuned)|(?:fully|already)\s+fine[\s-]?tuned\s+on|(?:\d+(?:\.\d+)?b|model|checkpoint)\s+(?:that\s+|which\s+)?(?:we|i)\s+(?:already\s+|have\s+)?(?:fine[\s-]?tuned|sft'?d|sft-?ed|instruction[\s-]tuned|lora[\s-]tuned)\b|(?:that|which)\s+(?:a|an|our|the)\s+(?:contractor|vendor|consultant|agency|partner|team)\s+(?:already\s+)?fine[\s-]?tuned\s+for\s+us|(?:that|this|the|our)\s+fine[\s-]?tuned\s+(?:model|version|checkpoint)\s+(?:is\s+what(?:'s|\s+is|\s+we\s+(?:run|serve|use))|is|runs|sits)\s+(?:now\s+)?(?:in\s+prod(?:uction)?|live|deployed|serving))\b/g;

/** "one base model" shared by many tenants is the foundation they share, not what the model is. */
const SHARED_BASE = /\b(?:same|one|single|shared|common)\s+(?:shared\s+)?base\s+model/;
/** The stage said right next to a model's name: "Mistral 7B base", "the base Llama 3.1 8B", "a fine-tuned Phi-3". */
const STAGE_BEFORE_NAME = /\b(base|pre[\s-]?trained|raw|fine[\s-]?tuned)\s+$/;
const STAGE_AFTER_NAME = /^\s+(base)\b(?!\s+(?:of|for|url|price|rate|load))/;

/** Finds `modelStage`: base, instruct or fine-tuned, said of the model or right next to its name. */
export const extractModelStage: Extractor = (message, context) => {
  const { lower } = message;
  const findings: Finding[] = [];
  for (const match of allMatches(FINE_TUNED_STAGE, lower)) {
    // "whether azure charges hosting for a fine tuned model": any tuned model, not what the team's model is.
    // ("it's a fine-tuned version of Qwen2.5 7B": the team's model, said as what it is.)
    const before = lower.slice(Math.max(0, match.index - 40), match.index);
    if (/^an?\s/.test(match[0]) && !/\b(?:we|our|i|my)\b|\b(?:it's|it\s+is|ours\s+is)\s*$/.test(before)) continue;
    findings.push(findingFromMatch('modelStage', 'fine-tuned', match));
  }
  for (const match of allMatches(BASE_STAGE, lower)) {
    if (isNegatedBefore(lower, match.index, 10)) continue;
    if (SHARED_BASE.test(lower.slice(Math.max(0, match.index - 20), match.index + match[0].length))) continue;
    // "Base model candidates: Llama 3.1 70B or 8B", "which base model should we pick?": the model to build on, not a stage.
    if (
      /^\s*(?:candidates?|options?|choices?|shortlist|choice|selection|to\s+(?:use|pick|start\s+from))\b/.test(
        lower.slice(match.index + match[0].length, match.index + match[0].length + 20),
      ) ||
      /\b(?:which|what)\s+$/.test(lower.slice(Math.max(0, match.index - 8), match.index))
    )
      continue;
    // "by 'base model' i meant the untuned one": the words quoted back, not the stage; "the generic tone of the base
    // model": the model as it comes, whatever its stage.
    if (/['"‘’]\s*$/.test(lower.slice(Math.max(0, match.index - 2), match.index))) continue;
    if (
      /\b(?:tone|style|voice|output|outputs|answers|quality|behaviou?r)\s+of\s+$/.test(
        lower.slice(Math.max(0, match.index - 24), match.index),
      )
    )
      continue;
    // "in our quick tests the base model rambles for paragraphs": the untuned model judged by what it does, not a
    // pre-trained checkpoint (the stage is said as what the model is: "it's a base model", "the base checkpoint").
    if (
      /^\s(?:rambles?|rambled|is\s(?:too\s)?(?:generic|verbose|chatty|wordy|bland)|answers?|answered|gives?|gave|writes?|wrote|replies|replied|hallucinat\w*|invents?|makes?\s(?:things|stuff)\sup|sounds?|gets?|got|fails?|failed|struggles?|misses|often|sometimes|keeps?|does|did|works?|worked)\b/.test(
        lower.slice(match.index + match[0].length, match.index + match[0].length + 30),
      ) &&
      (/^the\s/.test(match[0]) || /\bthe\s(?:[\w-]+\s)?$/.test(lower.slice(Math.max(0, match.index - 20), match.index)))
    )
      continue;
    // "I worry the base model won't even understand the questions": a fear about some untuned model, not a stage.
    if (/\b(?:worr(?:y|ied|ies)|afraid|concerned|scared|fear)\b[^.;!?\n]{0,20}$/.test(lower.slice(0, match.index)))
      continue;
    findings.push(findingFromMatch('modelStage', 'base', match));
  }
  // Most messages say nothing of stages: scan for model names only when a stage word is there.
  if (/\b(?:base|pre[\s-]?trained|raw|fine[\s-]?tuned)\b/.test(lower)) {
    for (const mention of catalogScanner(context.catalog).findModels(lower)) {
      const before = STAGE_BEFORE_NAME.exec(lower.slice(Math.max(0, mention.start - 16), mention.start));
      const after = STAGE_AFTER_NAME.exec(lower.slice(mention.end, mention.end + 16));
      const stage = before?.[1] ?? after?.[1];
      if (stage === undefined || isNegatedBefore(lower, mention.start, 20)) continue;
      const value = /^fine/.test(stage) ? 'fine-tuned' : 'base';
      findings.push(finding('modelStage', value, mention.start, after ? mention.end + after[0].length : mention.end));
    }
  }
  for (const match of allMatches(INSTRUCT_STAGE, lower)) {
    // "instruction tuning" is a method, not what the model is.
    if (
      /^instruct(?:ion)?[\s-]?tun(?:ing|e)\b/.test(lower.slice(match.index, match.index + 20)) &&
      !/tuned/.test(match[0])
    )
      continue;
    // "instructions" is not a stage; "the instruction tuned one" is, "we instruction tuned it" is a method done.
    const said = lower.slice(match.index, match.index + 40);
    if (
      /^instructions?\b/.test(said) &&
      !/^instruction[\s-]tuned\s+(?:one|variant|version|model|checkpoint)\b/.test(said)
    )
      continue;
    // "the base Llama 3.1 8B, not the instruct", "not Qwen's instruct model", "the non-instruct one": the instruct
    // variant is ruled out.
    // ("follow instructions like a chat model": a comparison; "we never used the instruct checkpoint": not ours.)
    if (
      /\bnon[\s-]?$/.test(lower.slice(Math.max(0, match.index - 4), match.index)) ||
      /\b(?:like|as)\s+(?:a|an)\s+$/.test(lower.slice(Math.max(0, match.index - 8), match.index)) ||
      /\b(?:never|not|didn't|don't|haven't)\s+(?:ever\s+)?(?:used?|using|pick(?:ed)?|chose|take|took|want(?:ed)?)\s+(?:the\s+|an?\s+|any\s+)?$/.test(
        lower.slice(Math.max(0, match.index - 32), match.index),
      ) ||
      isNegatedBefore(lower, match.index, 10) ||
      // "we want it to become a customer-support chat model": what the model should turn into, not what it is.
      /\b(?:become|becomes|into|make\s+it|turn\s+it\s+into)\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}$/.test(
        lower.slice(Math.max(0, match.index - 50), match.index),
      ) ||
      /\bnot\s+(?:the\s+)?[\w.-]+(?:'s)?\s+$/.test(lower.slice(Math.max(0, match.index - 30), match.index))
    )
      continue;
    findings.push(findingFromMatch('modelStage', 'instruct', match));
  }
  return findings;
};
