/**
 * @module Models: "Llama 3 70B", "llama3 8b", "Mistral 7B", "a 13B model", and how the team can reach the
 * weights ("GPT-4o via Azure, fine-tuning isn't enabled" → api-only; "we can fine-tune it on Azure" →
 * api-with-finetuning; "open weights", "self-hosted model" → open-weights).
 */

import type { Model } from '../../../knowledge/schemas.ts';
import { catalogScanner } from '../catalog-matcher.ts';
import {
  allMatches,
  createSpanIndex,
  finding,
  findingFromMatch,
  isNegatedBefore,
  sentenceAround,
  sentenceBefore,
} from '../prepare-message.ts';
import type { Extractor, Finding } from '../types.ts';
import { WHY_NOT_START } from '../unasserted.ts';
import { namedOnlyAsTeacher } from './teacher-model.ts';

/** "… is NOT our model", "… isn't ours", "… is not the one we use": the model named just before is denied. */
export const NOT_OURS_AFTER =
  /^(?:'s)?\s*(?:is|was)\s*(?:not|n't)\s+(?:(?:really|actually|even)\s+)?(?:our|the)\s+(?:own\s+)?(?:(?:device|target|production|student|main|final|deployed|chosen)\s+)?(?:model|one\s+we\s+(?:use|run|ship))\b(?=\s*(?:[,.;:!)\n]|[-—–]|$)|\s+(?:at\s+all|here|anymore|any\s+more)\b)|^\s+(?:isn't|is\s+not|wasn't|was\s+not)\s+ours\b/;

/**
 * Model families whose names people type with a version or size ("Llama 3 70B", "qwen2.5 7b", "GPT-4o").
 * Used only when the catalog does not know the name; a family word alone ("a GPT", "Mistral's API") is not a model.
 */
const FAMILY = String.raw`(?:code[\s-]?llama|llama|mistral|mixtral|qwen|gemma|phi|falcon|deepseek|gpt|claude|gemini|command[\s-]?r|olmo|starcoder|granite|nemotron|whisper)`;
const VERSION_TOKEN = String.raw`(?:v?\d+(?:\.\d+)*(?:x\d+)?[a-z]?|mini|small|medium|large|turbo|pro|ultra|flash|haiku|sonnet|opus|nano|coder|instruct)`;
const GENERIC_MODEL = new RegExp(`\\b${FAMILY}(?:[\\s-]?${VERSION_TOKEN}(?![a-z0-9]))+`, 'g');
/** Tokens that are part of a name but not a version, so "gpt mini" alone is not enough. */
const HAS_VERSION = /\d/;
/** API model families, whose names carry no size ("GPT-4o", "Claude 3.5 Sonnet"). */
const API_FAMILY = /^(?:gpt|claude|gemini|command)/;
const SIZE_IN_NAME = /(?<![\dx.])(\d+(?:\.\d+)?)\s?b\b/;

/** "a 13B model", "13b params", "7 billion parameter model", "350M-parameter model". */
const PARAM_SIZE =
  /\b(\d+(?:\.\d+)?)\s?(b|bn|billion|m|million)\b[\s-]*(?:(?:decoder|encoder|dense|moe|transformer|language|in-house|proprietary)(?:[\s-]only)?[\s-]+){0,2}(?:param(?:eter)?s?|models?|llms?|checkpoints?)\b|\b(?:an?|the|some|our(?:\s+own)?|size(?:\s+is)?:?|(?:what|how)\s+about)\s+(?:(?:in[\s-]house|proprietary|custom|internal)\s+)?(\d+(?:\.\d+)?)b\b(?![\s-]*tokens?)|\b(\d+(?:\.\d+)?)b\s+instead\b|^\s*(\d+(?:\.\d+)?)b\s*(?=,)(?![^.;!?\n]{0,30}\bor\s+\d+(?:\.\d+)?b\b)|\b(?:model|llm|checkpoint)\s+(?:of\s+)?(?:around|about|roughly|approximately|~)\s*(\d+(?:\.\d+)?)\s?b\b(?![\s-]*tokens?)/g;

/** True when the sentence around `index` ends in a question mark (dots between digits do not end it). */
/** Where the sentence holding `index` starts (a dot between digits, "Llama 3.1", ends none). */
function lastSentenceBreak(lower: string, index: number): number {
  let start = 0;
  for (const match of lower.slice(0, index).matchAll(/[!?\n]|\.(?!\d)/g)) start = (match.index ?? 0) + 1;
  return start;
}

function inQuestion(lower: string, index: number): boolean {
  const rest = /^(?:[^.!?\n]|\.(?=\d))*([.!?\n]|$)/.exec(lower.slice(index));
  return rest?.[1] === '?';
}

/** "would a 70B fit on our cards?", "how long would the 70B take?": a size asked about (answered as a "what if"). */
export const SIZE_FIT_QUESTION =
  /\b(?:will|would|could|can|does|do)\s+(?:an?|the)\s+\d+(?:\.\d+)?\s?b\b(?:\s+(?:model|one|version|variant|student|teacher))?\s+(?:(?:still|even|also)\s+)?(?:fit|run|take|cost|need)\b/;

const FINE_TUNE = String.raw`fine[\s-]?tun(?:e|ing|ed)|finetun(?:e|ing|ed)`;
const PROVIDER_PLACE = String.raw`(?:azure(?:\s+openai)?|openai|bedrock|vertex(?:\s+ai)?|google|aws|the\s+api|their\s+api|the\s+provider|the\s+platform|the\s+vendor)`;
/** "we'd consider …", "we might also consider …": a model weighed, not the one in use. */
const CONSIDERED_BEFORE =
  /\b(?:we'?d|we\s+would|we\s+could|we\s+might|i'?d|i\s+would)\s+(?:also\s+|happily\s+|gladly\s+)?(?:consider|look\s+at|try|evaluate)\s+(?:(?:a|an|the|either|something\s+like|models?\s+like)\s+)?$|\b(?:thinking\s+(?:about|of)|considering|looking\s+(?:at|into))\s+(?:moving|switching|migrating|going|changing)\s+(?:over\s+)?to\s+(?:the\s+)?$/;
/** "someone on the team suggested …", "a colleague proposed we use …". */
const SUGGESTED_BEFORE =
  /\b(?:someone|somebody|a\s+colleague|a\s+friend|one\s+of\s+us)(?:\s+(?:on|from|in)\s+(?:the|our)\s+\w+)?\s+(?:suggested|proposed|recommended|pitched|mentioned)\s+(?:we\s+(?:use|try|switch\s+to|move\s+to)\s+|using\s+|trying\s+)?$/;
/** "considering either …", "we're evaluating … vs …": models weighed against each other. */
const WEIGHING_BEFORE =
  /\b(?:considering|evaluating|comparing|deciding\s+between|choosing\s+between|torn\s+between|weighing)\b[^.;!?\n]*$/;
/** … with nothing chosen yet: "X or Y", "X vs Y", "haven't decided", "nothing in prod yet". */
const UNDECIDED =
  /\b(?:or|vs\.?|versus)\b|\b(?:haven't|have\s+not|not\s+yet)\s+decided\b|\bundecided\b|\bnothing\s+(?:decided|in\s+prod(?:uction)?)\b/;
/** "… is just an option we're considering", "… would be an alternative". */
const CONSIDERED_AFTER =
  /^\s+(?:is|would\s+be)\s+(?:just\s+|only\s+|merely\s+)?(?:an?\s+)?(?:option|alternative|candidate|idea)\b/;
/** "the plan has …", "your answer includes …": what follows is about the advice. */
const ADVICE_HAS_BEFORE =
  /\b(?:plan|answer|recommendation|advice|proposal|roadmap)\s+(?:now\s+)?(?:has|had|includes?|included|contains?|shows?|lists?|says?)\s+$/;
const API_ONLY = new RegExp(
  [
    String.raw`\b(?:${FINE_TUNE})\s+(?:isn't|is\s+not|isnt|is\s+n't|not|wasn't|was\s+not|is\s+disabled|disabled|is\s+turned\s+off)\s*(?:enabled|available|allowed|possible|supported|offered|an\s+option|on)?\b`,
    String.raw`\b(?:can't|cannot|can\s+not|cant|unable\s+to|not\s+allowed\s+to|no\s+way\s+to|aren't\s+allowed\s+to)\s+(?:${FINE_TUNE})\b`,
    String.raw`\bno\s+(?:${FINE_TUNE})\b(?!\s+(?:experience|expertise|budget))`,
    String.raw`\bapi[\s-]only\b`,
    String.raw`\bonly\s+(?:via|through|by|over)\s+(?:an?|the|their)\s+api\b`,
    String.raw`\b(?:no|don't\s+have|do\s+not\s+have|without)\s+(?:any\s+)?access\s+to\s+(?:the\s+)?(?:model\s+)?weights\b`,
    String.raw`\bclosed[\s-](?:source|weights?)\b`,
    String.raw`\b(?:we\s+)?only\s+(?:have|get|got)\s+api\s+access\b|\bno\s+(?:tuning|fine[\s-]?tuning)\s+(?:is\s+)?(?:allowed|permitted)\b|\bno\s+(?:access\s+to\s+(?:the\s+)?)?weights\b(?!\s+(?:and|or)\s+biases)`,
    String.raw`\bno\s+way\s+to\s+(?:tune|train|customi[sz]e)\s+(?:it|them|the\s+model)\b`,
    // "We can't download or train anything" (a vendor's app or API): the weights are out of reach.
    String.raw`\b(?:can't|cant|cannot|can\s+not|unable\s+to|not\s+allowed\s+to)\s+(?:download|train|self[\s-]?host)(?:\s+(?:or|and|nor)\s+(?:download|train|fine[\s-]?tune|self[\s-]?host))?\s+(?:anything|the\s+weights|the\s+model|models)\b(?!\s+(?:bigger|larger|over|above|more|beyond|on)\b)`,
    String.raw`\bonly\s+call\s+(?:it\s+)?through\s+(?:the\s+|their\s+|a\s+)?(?:vendor's\s+|provider's\s+)?(?:endpoint|api)\b`,
    String.raw`\bweights\s+(?:aren't|are\s+not)\s+(?:available|public|downloadable)\b`,
    String.raw`\b(?:can't|cannot|can\s+not|cant|no\s+way\s+to)\s+(?:touch|change|modify|see|get\s+at|access|download)\s+(?:the\s+|its\s+|their\s+)?(?:model\s+)?weights\b`,
  ].join('|'),
  'g',
);
const API_WITH_FINE_TUNING = new RegExp(
  [
    // "we can run their fine-tuning jobs but cannot download weights": the provider's tuning, open to the team.
    String.raw`\b(?:we\s+)?can\s+(?:run|use|start|launch|submit)\s+(?:their|the\s+(?:provider's|vendor's|api's)|openai's|azure's|google's|vertex|bedrock)\s+(?:fine[\s-]?tuning|tuning|customi[sz]ation)\s+(?:jobs?|api|service|offer)\b`,
    // "I know they let you fine-tune it via the api": the provider offers tuning on the model.
    String.raw`\b(?:they|openai|google|anthropic|azure|the\s+(?:vendor|provider|platform))\s+(?:let|lets|allow|allows)\s+(?:you|us)\s+(?:${FINE_TUNE})\s+(?:it|them|the\s+model)\b`,
    String.raw`\bcan\s+(?:${FINE_TUNE})(?:\s+(?:it|them|the\s+model|[a-z0-9.-]+))?\s+(?:on|via|through|in|with|using)\s+${PROVIDER_PLACE}`,
    // "Gemini 2.5 Flash through Vertex, and we can fine-tune it there too": the place was named just before.
    String.raw`\b(?:via|through|on|in)\s+${PROVIDER_PLACE}\b[^.;!?\n]{0,30}?\bcan\s+(?:also\s+)?(?:${FINE_TUNE}|tune)\s+(?:it|them|the\s+model)\s+(?:there|too|as\s+well)\b`,
    String.raw`\b(?:${FINE_TUNE})\s+(?:is\s+|are\s+)?(?:enabled|available|allowed|supported)\b`,
    String.raw`\b(?:lets|let|allows?|allowing)\s+us\s+(?:to\s+)?(?:${FINE_TUNE})\b`,
    String.raw`\b(?:lets|let|allows?)\s+us\s+(?:to\s+)?run\s+(?:tuning|fine[\s-]?tuning)\s+jobs\b`,
    // "they do let you upload training data and run a tuning job on their side".
    String.raw`\b(?:they|the\s+(?:provider|vendor|platform))\s+(?:do\s+|does\s+)?(?:let|lets|allow|allows)\s+(?:you|us)\s+(?:to\s+)?(?:upload\s+(?:[\w-]+\s+){0,2}?data\s+and\s+)?(?:run|start|launch|submit)\s+(?:a\s+)?(?:tuning|fine[\s-]?tuning|training)\s+jobs?\b`,
    String.raw`\b(?:has|have|with|got)\s+(?:${FINE_TUNE})\s+(?:access|enabled)\b`,
    // "yes, we have a GCP project and can run jobs on Vertex", "we can use Vertex AI tuning".
    String.raw`\bcan\s+(?:run|use|launch|start)\s+(?:tuning\s+|fine[\s-]?tuning\s+)?jobs?\s+(?:on|in|through)\s+${PROVIDER_PLACE}|\bcan\s+use\s+${PROVIDER_PLACE}(?:\s+ai)?\s+(?:tuning|fine[\s-]?tuning)\b`,
    // "we can't download the weights. they do have a finetune endpoint tho".
    String.raw`\b(?:they|it|the\s+(?:provider|vendor))\s+(?:do(?:es)?\s+)?(?:has|have|offers?)\s+(?:a\s+)?(?:${FINE_TUNE})\s+(?:endpoint|api|option)\b`,
    // "no weights, but they do offer fine-tuning jobs on it": a provider offering tuning (not "they have jobs queued").
    String.raw`\b(?:they|the\s+(?:provider|vendor))\s+(?:do(?:es)?\s+)?(?:offer|offers|provide|provides|sell|sells)\s+(?:a\s+)?(?:${FINE_TUNE})\s+(?:jobs?|service)\b`,
    String.raw`\b(?:managed|hosted|provider|openai(?:'s)?|azure(?:'s)?|bedrock(?:'s)?|vertex(?:'s)?)\s+(?:${FINE_TUNE})\s+(?:api|service|jobs?|feature)\b`,
    String.raw`\b(?:openai|azure|bedrock|vertex)(?:'s)?\s+(?:hosted|managed)\s+(?:${FINE_TUNE})\b`,
  ].join('|'),
  'g',
);
/** Words before "an open-weight model" that make it an option the team weighs, not the model it runs. */
const MAY_GO_TO_BEFORE =
  /\b(?:switch\w*\s+(?:over\s+)?to|mov(?:e|ing)\s+(?:over\s+)?to|migrat\w*\s+to|go(?:ing)?\s+(?:over\s+)?to|open\s+to|willing\s+to|could\s+(?:also\s+)?(?:run|use|try|host)|(?:would|'d)\s+be\s+(?:fine|ok(?:ay)?|happy|glad)\s+(?:with|running|using|hosting|to\s+(?:run|use|host))|consider\w*|(?:we|i)\s+(?:want|need|would\s+like|'d\s+like|prefer|are\s+looking\s+for|'re\s+looking\s+for)|looking\s+for|instead\s+of\s+\w+|(?:has|have|needs?|would\s+need)\s+to\s+be|must\s+be|should\s+be|requires?|required)\b[^.;!?\n]*$/;

const OPEN_WEIGHTS = new RegExp(
  [
    String.raw`\bopen[\s-]?weights?\b`,
    String.raw`\bopen[\s-]?source\s+(?:models?|llms?|weights)\b`,
    // "switch to a small open model", "train a small open model" is where they may go, not what they have.
    String.raw`(?<!\b(?:(?:switch|move|migrate|go)\s+(?:over\s+)?to|train|distil\w*\s+(?:[\w.-]+\s+){0,2}into)\s+(?:an?\s+)?(?:\w+\s+)?)\bopen\s+models?\b`,
    String.raw`\bself[\s-]?host(?:ed|ing)?\s+(?:the\s+|a\s+|an\s+|our\s+)?(?:model|llm)s?\b`,
    String.raw`\b(?:we\s+)?(?:have|download(?:ed)?|own|control)\s+the\s+(?:model\s+)?weights\b`,
    // "we have full access to the weights", "an in-house 13B our research team pretrained".
    String.raw`\b(?:we\s+)?(?:have|get|got)\s+(?:full\s+|complete\s+)?access\s+to\s+the\s+(?:model\s+)?weights\b`,
    String.raw`\b(?:in[\s-]house|home[\s-]?grown)\s+(?:\d+(?:\.\d+)?b\s+)?(?:model\s+)?(?:(?:that\s+)?(?:our|the)\s+(?:[\w-]+\s+){0,2}?team\s+)?pre-?trained\b`,
    // "we pretrained our own 7B base model": a model the team made is one whose weights it has.
    String.raw`\b(?:we|i)\s+(?:pre-?trained|trained|built)\s+(?:our\s+own|it\s+ourselves)\s+(?:[\w.()-]+\s+){0,4}?(?:model|llm|checkpoint)\b`,
    // "we downloaded the Gemma 2 9B weights".
    String.raw`\b(?:we|i)\s+(?:already\s+)?download(?:ed)?\s+the\s+(?:[\w.-]+\s+){1,4}?weights\b`,
    String.raw`\bweights\s+(?:are\s+)?(?:available|downloadable|ours|on\s+hugging\s?face)\b`,
    String.raw`\bfrom\s+hugging\s?face\b`,
  ].join('|'),
  'g',
);

/**
 * Families none of whose models can be tuned by anyone (knowledge/providers.json: no public Claude fine-tuning since
 * Claude 3 Haiku's end of life on Bedrock, 2026-09-10). Named bare ("we use Claude") and with no other model in
 * the message, the model is unknown but its access is not. A test checks providers.json still agrees.
 */
export const UNTUNABLE_API_FAMILIES = ['claude'] as const;
const UNTUNABLE_FAMILY_WORD = new RegExp(`\\b(?:${UNTUNABLE_API_FAMILIES.join('|')})\\b`, 'g');

/** A model tried as an alternative… */
const TRIED_BEFORE =
  /\b(?:tried|tested|benchmarked|evaluated|compared\s+(?:it\s+)?(?:with|to|against))\s+(?:out\s+)?(?:(?:prompting|prompt[\s-]engineering|few[\s-]shot|zero[\s-]shot|fine[\s-]?tuning|rag\s+(?:with|on))\s+)?$/;
/** …some time ago: "we tried prompting Llama 3.1 70B last year" (an old experiment, not the model of today). */
const LONG_AGO_AFTER =
  /^(?:[^.;!?\n]|\.(?=\d)){0,80}?\b(?:last\s+(?:year|quarter|month)|(?:years?|months?)\s+ago|back\s+then|previously|in\s+(?:19|20)\d\d)\b/;
/** …and found worse: "it dropped to 85%", "was worse", "didn't hold up". */
const WORSE_AFTER =
  /^(?:[^.;!?\n]|\.(?=\d)){0,60}\b(?:dropped|drops|fell|worse|lower|didn't|did\s+not|wasn't|was\s+not|couldn't|failed|broke|struggled|not\s+(?:good\s+)?enough|too\s+(?:low|weak|dumb|inaccurate)|fell\s+short|falls\s+short)\b/;

/** After a model: "is just what we'd benchmark against", "is only our yardstick". */
const BENCHMARK_AFTER =
  /^\s+(?:is|'s)\s+(?:just\s+|only\s+|merely\s+)?(?:what|the\s+one|something)\s+(?:we(?:'d|\s+would)?|we're)\s+(?:\w+\s+)?(?:benchmark|compare|evaluate|test|measure)\w*\s+against\b|^\s+(?:is|'s)\s+(?:just\s+|only\s+)?(?:our\s+|the\s+)?(?:yardstick|baseline\s+to\s+beat|reference\s+point)\b/;

/**
 * A model named as the other side of a price or a comparison, or only mentioned: "vs the ~$115 we'd pay for GPT-4.1
 * mini", "compared with GPT-4o", "I only mentioned GPT-4.1 mini for the price comparison".
 */
const COMPARED_BEFORE =
  /\b(?:vs\.?|versus|compared\s+(?:to|with)|rather\s+than|instead\s+of|(?:didn't|didnt|did\s+not|never|haven't|havent)\s+answer\w*\s+(?:me\s+)?(?:about|on)|(?:only\s+|just\s+)?asked\s+(?:you\s+)?about|(?:my|the)\s+question\s+(?:about|on)|(?:ago|earlier|before|last\s+time)\s+(?:it\s+was|you\s+(?:said|suggested|picked|recommended|proposed|chose))|you\s+(?:suggested|recommended|proposed)|(?:we'd|we\s+would|i'd|you'd)\s+(?:pay|spend)\s+(?:\w+\s+){0,2}?(?:for|on)|would\s+cost\s+(?:us\s+)?(?:on|with|for)|(?:only|just)\s+(?:mentioned|brought\s+up|named|said|quoted))\b[^.,;!?\n]{0,30}$/;
/** "LoRA vs full FT for Qwen2.5 32B": two methods weighed for the team's model, which is not compared. */
const METHODS_COMPARED_FOR =
  /\b(?:q?lora|full\s+(?:ft|fine[\s-]?tuning)|rag|dpo|sft|prompting|fine[\s-]?tuning|distillation)\s+(?:vs\.?|versus|or)\s+(?:q?lora|full\s+(?:ft|fine[\s-]?tuning)|rag|dpo|sft|prompting|fine[\s-]?tuning|distillation)\s+(?:for|on|with)\s+(?:our\s+|the\s+|a\s+)?$/;
/**
 * A model not chosen yet: "deciding between Llama 3.2 1B and Qwen2.5 1.5B" ("probably Qwen2.5 7B" is kept: the chat
 * plans on it and says so, which the user can correct).
 */
const UNDECIDED_BEFORE =
  /\b(?:candidates?|options?|shortlist(?:ed)?|contenders?)\s*(?:are|is|:|=)\s*(?:[\w.-]+(?:\s+[\w.-]+){0,3}\s*(?:,|or|and|\/)\s*)?(?:the\s+)?$|(?:\b(?:deciding|choosing|torn|picking|undecided|hesitating)\s+between\s+(?:(?:the\s+)?[\w.-]+(?:\s+[\w.-]+){0,3}\s+(?:and|or)\s+)?(?:the\s+)?)$/;
/**
 * "Llama 3.2 3B?? where did that come from": the advisor's own choice quoted back in disbelief; "the qwen 7b was a
 * question", "turbo was just a what if": a model only asked about.
 */
const DISBELIEF_AFTER =
  /^\s*(?:\?{2,}|!\?|\?!|\??\s*(?:where\s+did\s+(?:that|this|it)\s+come\s+from|who\s+said\s+(?:that|anything\s+about)|never\s+(?:said|mentioned)))|^\s*(?:was|is)\s+(?:just\s+|only\s+|merely\s+)?(?:a\s+|an\s+)?(?:question|what[\s-]?if|hypothetical|example|idea|thought)\b/;
const COMPARISON_AFTER =
  /^\s+(?:(?:just|only)\s+)?(?:for|as)\s+(?:the\s+|a\s+)?(?:price\s+|cost\s+)?(?:comparison|reference|example)\b/;

/**
 * "Qwen 14B": a family word and a size, no version. When the catalog has exactly one model of that family and size
 * (Qwen2.5 14B), that is the model meant; with several (Llama 3 8B, Llama 3.1 8B) the name stays as typed.
 */
function onlyCatalogModelOfSize(models: readonly Model[], typed: string, size: string | undefined): Model | undefined {
  const family = /^[a-z]+/.exec(typed)?.[0];
  // Only a family word and the size ("qwen 14b", "mistral-7b"): a version in the name is meant as typed.
  if (family === undefined || size === undefined || !/^[a-z]+[\s-]?\d+(?:\.\d+)?\s?b$/.test(typed)) return undefined;
  const sizeWord = new RegExp(`(?:^|\\s)${size.replace('.', '\\.')}b$`, 'i');
  const matches = models.filter(
    (model) =>
      model.name.toLowerCase().startsWith(family) &&
      sizeWord.test(model.name.replace(/\s+(?:instruct|base|chat)$/i, '')),
  );
  return matches.length === 1 ? matches[0] : undefined;
}

/** "Why" right before a model: "why Llama 3.1 8B rather than…?", "but why use Qwen?" (not "why is Llama slow?"). */
const WHY_QUESTION_BEFORE =
  /\bwhy\s+(?:not\s+)?(?:(?:did|do|would)\s+you\s+)?(?:(?:pick|choose|suggest|recommend|propose|use|go\s+with)\s+)?(?:the\s+)?$/;

/** Words before a size that make it the student of a distillation: "distilled into a 1B", "down to a 3B". */
const DISTILLATION_TARGET =
  /\b(?:distil\w*\s+(?:\w+\s+){0,3}?(?:into|to|down\s+to)|(?:into|down\s+to)|teach(?:es)?|student(?:\s+model)?(?:\s+of)?)\s+(?:an?\s+|the\s+)?(?:small(?:er)?\s+|tiny\s+)?$/;

/** "… was only the pilot", "… was just a test": a model a pilot or a test ran on, said right after its name. */
export const ONLY_THE_PILOT_AFTER =
  /^\s+(?:was|were)\s+(?:just\s+|only\s+|merely\s+)?(?:the|a|our|for\s+the)\s+(?:pilot|poc|prototype|proof\s+of\s+concept|test|trial|experiment|demo)\b/;
/** "why did you switch from XLM-RoBERTa to …", "and why do you pick …": a question about the advisor's own choice. */
const ADVISOR_MOVE_ASKED = /^\W*(?:(?:and|so|but|also|ok(?:ay)?)\W+)?why\s+(?:did|do|would|have|has|are)\s+you\b/;
/** "moved to the 14B", "switched over to the 3B": the size of the same family the team moved to. */
const MOVED_TO_SIZE =
  /\b(?:moved|switched|changed|upgraded|downgraded|went|migrated|swapped)\s+(?:over\s+)?(?:from\s(?:[^.;!?\n]|\.(?=\d)){1,40}?\s)?to\s+the\s+(\d+(?:\.\d+)?)\s?b\b/;

/**
 * Finds `modelName` (catalog name when the catalog knows it, else the family name as typed), `modelParamsB`
 * (only when the name is not in the catalog, whose figure is more exact, or from "a 13B model") and `modelAccess`.
 */
export const extractModel: Extractor = (message, context) => {
  const { lower, original } = message;
  const findings: Finding[] = [];
  const names: { start: number; end: number }[] = [];

  const mentions = catalogScanner(context.catalog).findModels(lower);
  for (const mention of mentions) {
    names.push(mention);
    // "we tried gpt-4o-mini with the same prompt and it dropped to 85%": a model tried and found worse is not theirs.
    if (
      TRIED_BEFORE.test(lower.slice(Math.max(0, mention.start - 40), mention.start)) &&
      (WORSE_AFTER.test(lower.slice(mention.end, mention.end + 80)) ||
        LONG_AGO_AFTER.test(lower.slice(mention.end, mention.end + 90)))
    )
      continue;
    // "and why did you switch from XLM-RoBERTa to Llama 8B?": the advisor's own move, asked about.
    if (ADVISOR_MOVE_ASKED.test(lower.slice(lastSentenceBreak(lower, mention.start), mention.start))) continue;
    // "we're on gpt-4o mini, 4o was only the pilot": the model a pilot ran on, beside the one in use.
    if (
      ONLY_THE_PILOT_AFTER.test(lower.slice(mention.end, mention.end + 50)) &&
      mentions.some(
        (other) => other.entry !== undefined && other.entry !== mention.entry && other.start !== mention.start,
      )
    )
      continue;
    // "Claude Opus is just what we'd benchmark against", "we compare against GPT-4o": a yardstick, not the model.
    if (
      BENCHMARK_AFTER.test(lower.slice(mention.end, mention.end + 60)) ||
      /\b(?:benchmark(?:ed|ing)?|compar(?:e|ed|ing))\s+(?:it\s+|them\s+)?against\s+(?:the\s+)?$/.test(
        lower.slice(Math.max(0, mention.start - 30), mention.start),
      )
    )
      continue;
    if (
      (COMPARED_BEFORE.test(lower.slice(Math.max(0, mention.start - 60), mention.start)) &&
        !METHODS_COMPARED_FOR.test(lower.slice(Math.max(0, mention.start - 60), mention.start))) ||
      COMPARISON_AFTER.test(lower.slice(mention.end, mention.end + 40)) ||
      DISBELIEF_AFTER.test(lower.slice(mention.end, mention.end + 50)) ||
      UNDECIDED_BEFORE.test(lower.slice(Math.max(0, mention.start - 70), mention.start))
    )
      continue;
    // "why Llama 3.1 8B rather than the Qwen 7B I asked about?": a question about the advice's choice.
    if (
      WHY_QUESTION_BEFORE.test(lower.slice(Math.max(0, mention.start - 60), mention.start)) &&
      inQuestion(lower, mention.end)
    )
      continue;
    // "which would you pick, qwen2.5 32b or llama 3.1 70b?": two models weighed in a question, neither the team's.
    // (A cost or fit asked on "X or Y" is a what-if on them, read by the question reading: only a choice asked is left.)
    if (
      inQuestion(lower, mention.end) &&
      (/\bor\s+(?:the\s+|an?\s+)?$/.test(lower.slice(Math.max(0, mention.start - 12), mention.start)) ||
        /^\s*(?:,\s*)?or\b/.test(lower.slice(mention.end, mention.end + 8))) &&
      /\b(?:which|pick|choose|recommend|prefer|go\s+with)\b/.test(
        lower.slice(Math.max(0, mention.start - 60), mention.start),
      )
    )
      continue;
    // "something like Qwen2.5 7B or Llama 3.1 8B. which one, and what GPU do we rent?": a pair offered for a choice
    // the advisor is asked to make.
    const orPair =
      /\bor\s+(?:the\s+|an?\s+|maybe\s+)?$/.test(lower.slice(Math.max(0, mention.start - 14), mention.start)) ||
      /^\s*(?:,\s*)?or\b/.test(lower.slice(mention.end, mention.end + 8));
    if (
      orPair &&
      /\bwhich\b(?:\s+one\b|\s+(?:is|would|should|do|of)\b|[^.!?\n]{0,40}\?)/.test(
        lower.slice(mention.end, mention.end + 120),
      )
    )
      continue;
    // "phi 3 mini vs gemma 2 2b for a laptop assistant?", "which is better for us: managed tuning on gemini 2.5 flash,
    // or lora on qwen2.5 14b?": models weighed in a question, neither chosen.
    const vsPair =
      /\b(?:vs\.?|versus)\s+$/.test(lower.slice(Math.max(0, mention.start - 10), mention.start)) ||
      /^\s*(?:vs\.?|versus)\s+(?!what\b|our\b|current|today|now\b|paying|the\s+(?:current|bill|price|cost))/.test(
        lower.slice(mention.end, mention.end + 30),
      );
    const whichQuestion = /^\W*(?:(?:so|and|ok)\s+)?which\s+(?:is\s+better|one|option|would|should)\b/.test(
      lower.slice(lastSentenceBreak(lower, mention.start), mention.start),
    );
    if (inQuestion(lower, mention.end) && (vsPair || whichQuestion)) continue;
    // "we use GPT-4o mini today. someone on the team suggested Gemini 2.5 Flash instead": an option beside the model in
    // use. ("Someone suggested Gemma 2 9B", with no model of its own, is the model the team goes with.)
    if (
      SUGGESTED_BEFORE.test(lower.slice(Math.max(0, mention.start - 60), mention.start)) &&
      /^\s+instead\b/.test(lower.slice(mention.end, mention.end + 12))
    )
      continue;
    // "why not distill sonnet's 2M outputs into Qwen2.5 7B?": a student asked about, not the team's model ("we want to
    // distill into Llama 3.2 3B" states the model the team will adapt).
    if (
      /\bdistil(?!l?ed\b)\w*\b[^.;!?\n]{0,50}\b(?:into|to)\s+(?:an?\s+|the\s+)?(?:small(?:er)?\s+|tiny\s+|open\s+)?$/.test(
        lower.slice(Math.max(0, mention.start - 70), mention.start),
      ) &&
      inQuestion(lower, mention.end)
    )
      continue;
    // "why not just prompt a small LLM like Llama 3.2 1B … on our CPU servers?": models weighed in a why-not question
    // are options, even when it names the team's servers ("why not tune our Llama 3.1 8B?" keeps it).
    const sentenceStart = lastSentenceBreak(lower, mention.start);
    if (
      inQuestion(lower, mention.end) &&
      WHY_NOT_START.test(lower.slice(sentenceStart, mention.start)) &&
      !/\b(?:our|my)\s+(?:own\s+|current\s+)?$/.test(lower.slice(Math.max(0, mention.start - 14), mention.start))
    )
      continue;
    // "We'd consider GPT-4o mini or Gemini", "GPT-4o mini is just an option we're considering": options, not the team's.
    if (
      CONSIDERED_BEFORE.test(lower.slice(sentenceStart, mention.start)) ||
      CONSIDERED_AFTER.test(lower.slice(mention.end, mention.end + 40)) ||
      (WEIGHING_BEFORE.test(lower.slice(sentenceStart, mention.start)) &&
        UNDECIDED.test(sentenceAround(lower, mention.start, 160)))
    )
      continue;
    // "please forget Qwen2.5 1.5B", "drop the Llama idea": a model taken back is not the team's.
    if (
      /\b(?:forget|drop|ignore|scrap|scratch|never\s*mind|remove)\s+(?:(?:what|everything)\s+(?:i|we)\s+(?:said|told\s+you|wrote)\s+(?:about|on|re)\s+)?(?:about\s+)?(?:the\s+)?$/.test(
        lower.slice(Math.max(0, mention.start - 50), mention.start),
      )
    )
      continue;
    // "GPT-4o is NOT our model", "gpt-5 isn't ours": a model denied is not the team's.
    if (NOT_OURS_AFTER.test(lower.slice(mention.end, mention.end + 40))) continue;
    // "use Claude Opus as the teacher": the teacher is not the model being adapted.
    if (mention.entry && !namedOnlyAsTeacher(lower, mention.start, mention.end))
      findings.push(finding('modelName', mention.entry.name, mention.start, mention.end));
  }
  // "we moved from Qwen2.5 7B to the 14B", "scratch the 7B, we switched to the 14B": the family named, at the new size.
  // (Only the team's own move: "we have not moved to the 14B yet", "our competitor switched to the 14B" change nothing.)
  const moved = MOVED_TO_SIZE.exec(lower);
  const mover = moved ? lower.slice(Math.max(0, moved.index - 30), moved.index) : '';
  const ownMove =
    moved !== null &&
    /\b(?:we|i)\b(?:'ve|\s+have|\s+had)?\s*(?:just\s+|already\s+|since\s+|then\s+|recently\s+)?$/.test(mover);
  // The model moved from: the last catalog mention before the size (its generation, not just its family).
  const from =
    moved !== null && ownMove
      ? catalogScanner(context.catalog)
          .findModels(lower.slice(0, moved.index + moved[0].length))
          .filter((mention) => mention.entry !== undefined)
          .at(-1)?.entry
      : undefined;
  const generation = (name: string) => name.replace(/\s*\d+(?:\.\d+)?B\b.*$/i, '').trim();
  const resized =
    moved && from !== undefined
      ? context.catalog.models.find(
          (model) =>
            model.family === from.family &&
            generation(model.name) === generation(from.name) &&
            model.paramsB !== undefined &&
            Math.abs(model.paramsB - Number(moved[1])) <= Number(moved[1]) * 0.1,
        )
      : undefined;
  if (moved && resized) {
    for (let index = findings.length - 1; index >= 0; index--)
      if (findings[index]?.field === 'modelName' && (findings[index]?.start ?? 0) < moved.index)
        findings.splice(index, 1);
    findings.push(findingFromMatch('modelName', resized.name, moved));
    names.push({ start: moved.index, end: moved.index + moved[0].length });
  }
  // Generic matches never overlap each other: checking them against the catalog mentions is enough.
  const catalogNames = createSpanIndex(names);
  for (const match of allMatches(GENERIC_MODEL, lower)) {
    const start = match.index;
    const end = start + match[0].length;
    if (catalogNames.overlaps(start, end) || !HAS_VERSION.test(match[0].replace(/^[a-z\s-]+/, ''))) continue;
    // An open family name without a size ("Llama 3") names several checkpoints: not a model yet.
    const size = SIZE_IN_NAME.exec(match[0]);
    if (!size && !API_FAMILY.test(match[0])) continue;
    if (/^phi\b/.test(match[0]) && !/^phi[\s-]?\d/.test(match[0])) continue;
    names.push({ start, end });
    // "the qwen 7b was a question": named, but only asked about.
    if (DISBELIEF_AFTER.test(lower.slice(end, end + 50))) continue;
    if (ADVISOR_MOVE_ASKED.test(lower.slice(lastSentenceBreak(lower, start), start))) continue;
    const typed = original.slice(start, end);
    const known =
      context.catalog.findModel(typed) ?? onlyCatalogModelOfSize(context.catalog.models, match[0], size?.[1]);
    findings.push(finding('modelName', known?.name ?? typed, start, end));
    if (!known && size) findings.push(finding('modelParamsB', Number(size[1]), start, end));
  }
  const allNames = createSpanIndex(names);
  for (const match of allMatches(PARAM_SIZE, lower)) {
    const end = match.index + match[0].length;
    if (allNames.overlaps(match.index, end)) continue;
    // "distill it into an 8B": the size of the student to come, not of the model the team has.
    if (DISTILLATION_TARGET.test(lower.slice(Math.max(0, match.index - 40), match.index))) continue;
    // "will the 1.5B student fit?", "if a 3B would do": a model asked about or to come, not the team's.
    if (
      /^\s*(?:(?:is|was|would\s+be|will\s+be)\s+(?:the|a|our)\s+)?(?:students?|teachers?)\b/.test(
        lower.slice(end, end + 30),
      ) &&
      !SIZE_FIT_QUESTION.test(lower.slice(Math.max(0, match.index - 12)))
    )
      continue;
    // ("would a 70B fit on our cards?" asks about that size: the chat answers it as a "what if", nothing is saved.)
    if (
      /\b(?:will|would|could|can|does|do|should|if|whether)\s+$/.test(
        lower.slice(Math.max(0, match.index - 12), match.index),
      ) &&
      !SIZE_FIT_QUESTION.test(lower.slice(Math.max(0, match.index - 12)))
    )
      continue;
    // "the 70B you suggested won't happen": the advisor's size, quoted back.
    if (
      /^\s*(?:model\s+)?(?:that\s+)?you\s+(?:suggested|recommended|proposed|picked|mentioned)\b/.test(
        lower.slice(end, end + 30),
      )
    )
      continue;
    // "Serving a 72B will cost more than we pay now": a size talked about, with no one saying they have it.
    if (
      /(?:^|[.!?]\s*|\bbut\s+|\band\s+)(?:serving|running|training|tuning|hosting|deploying|fine[\s-]?tuning)\s+$/.test(
        lower.slice(Math.max(0, match.index - 24), match.index),
      )
    )
      continue;
    // "A 72B or 32B won't serve that", "but a 72B for field extraction?": sizes weighed or pushed back on.
    if (/^\s*or\s+(?:an?\s+)?\d+(?:\.\d+)?\s?b\b/.test(lower.slice(end, end + 20))) continue;
    if (/\b\d+(?:\.\d+)?\s?b\s+or\s+(?:an?\s+)?$/.test(lower.slice(Math.max(0, match.index - 16), match.index)))
      continue;
    if (
      /^an?\s/.test(match[0]) &&
      !SIZE_FIT_QUESTION.test(lower.slice(Math.max(0, match.index - 12))) &&
      inQuestion(lower, end)
    )
      continue;
    // "who've done LoRA on 7B models before", "we've pretrained 7b models": experience with a class of models (plural),
    // not the team's model.
    if (
      /\b(?:done|did|trained|tuned|fine[\s-]?tuned|pretrained|pre-trained|worked\s+(?:on|with)|experience\s+(?:with|on)|shipped|deployed|built)\b[^.;!?\n]{0,30}$/.test(
        lower.slice(Math.max(0, match.index - 50), match.index),
      ) &&
      /^\d+(?:\.\d+)?\s?b\s+(?:models|llms|checkpoints)\b/.test(lower.slice(match.index, end + 2))
    )
      continue;
    // "I worry a 1B model will be dumb", "a 3B would be too weak", "forget the 7B thing": a size weighed or dropped.
    if (
      /\b(?:worr(?:y|ied|ies)|afraid|concerned|fear|doubt|scared|unsure|not\s+sure|forget|ignore|drop|scrap|never\s*mind)\b[^.;!?\n]{0,20}$/.test(
        lower.slice(Math.max(0, match.index - 40), match.index),
      ) ||
      (/^an?\s/.test(match[0]) &&
        /^\s*(?:model\s+|one\s+)?(?:will|would|might|may|could|is\s+going\s+to)\s+(?:\w+\s+)?be\b/.test(
          lower.slice(end, end + 30),
        ))
    )
      continue;
    const value = Number(match[1] ?? match[3] ?? match[4] ?? match[5] ?? match[6]);
    const unit = match[2] ?? 'b';
    const billions = unit === 'm' || unit === 'million' ? value / 1000 : value;
    if (billions > 0 && billions <= 100_000) findings.push(finding('modelParamsB', billions, match.index, end));
  }

  // Only when no model is named at all: "we moved off Claude to Llama 3.1 8B" says nothing about Llama's access.
  for (const match of names.length > 0 ? [] : allMatches(UNTUNABLE_FAMILY_WORD, lower)) {
    const before = lower.slice(Math.max(0, match.index - 25), match.index);
    if (
      isNegatedBefore(lower, match.index, 20) ||
      /\b(?:off|from|away\s+from|instead\s+of|replace|replacing|than|vs\.?|versus|or)\s+$/.test(before) ||
      // "claude could be a teacher to generate extra lines": a teacher, not the model the team serves.
      /\bteach(?:er|ers|ing)?\b/.test(sentenceAround(lower, match.index, 80))
    )
      continue;
    findings.push(findingFromMatch('modelAccess', 'api-only', match));
  }
  for (const match of allMatches(API_ONLY, lower)) {
    // "wait, now the plan has no fine-tuning at all?": the advice's content questioned, not the model's access.
    if (ADVICE_HAS_BEFORE.test(lower.slice(Math.max(0, match.index - 40), match.index))) continue;
    findings.push(findingFromMatch('modelAccess', 'api-only', match));
  }
  for (const match of allMatches(API_WITH_FINE_TUNING, lower)) {
    if (isNegatedBefore(lower, match.index, 20)) continue;
    findings.push(findingFromMatch('modelAccess', 'api-with-finetuning', match));
  }
  for (const match of allMatches(OPEN_WEIGHTS, lower)) {
    if (isNegatedBefore(lower, match.index, 20)) continue;
    // "we're open to switching to an open-weight model", "we could also run an open-weight one": where the team may
    // go (canSwitchModel), not the access of the model it has.
    if (MAY_GO_TO_BEFORE.test(lower.slice(Math.max(0, match.index - 50), match.index))) continue;
    // "open models are fine if they are good enough", "an open-weight one would be ok": a permission, not the model.
    if (
      /^\s*(?:(?:are|is|would\s+be|will\s+be|'d\s+be)\s+(?:totally\s+|also\s+|perfectly\s+)?(?:fine|ok(?:ay)?|acceptable|allowed|an\s+option|on\s+the\s+table)|work\s+(?:too|for\s+us))\b/.test(
        lower.slice(match.index + match[0].length, match.index + match[0].length + 40),
      )
    )
      continue;
    findings.push(findingFromMatch('modelAccess', 'open-weights', match));
  }
  // ("we can run their fine-tuning jobs but cannot download weights": the tuning offer says more than the API alone.)
  // (Not a tuning offer hoped for: "if we can use their fine-tuning api".)
  if (
    findings.some(
      (item) =>
        item.field === 'modelAccess' &&
        item.value === 'api-with-finetuning' &&
        !/\b(?:if|whether|unless|assuming|once)\b/.test(sentenceBefore(lower, item.start, 80)),
    )
  )
    return findings.filter((item) => !(item.field === 'modelAccess' && item.value === 'api-only'));
  return findings;
};
