/**
 * @module The v2 profile fields from free text: `taskType` ("a support chatbot" → chat, "sort emails into
 * categories" → classify), `modelStage` ("the base checkpoint", "Llama 3.1 8B Instruct"), `teacherModel` ("distil
 * GPT-4o into…", "Claude Opus as the teacher"), `preferencePairs` ("6k chosen/rejected pairs"), `tried` ("few-shot
 * plateaued at 81%", "RAG didn't help"), `deviceMemoryGB` ("phones with 4 GB of RAM"), `corpusTokens` ("about 2B
 * tokens of code") and `canSwitchModel` ("we can switch models" / "we must stay on GPT-4o").
 */
import type { MethodId, TaskType } from '../../../profile/profile-schema.ts';
import { catalogScanner } from '../catalog-matcher.ts';
import { METHOD_SOURCE, methodFromPhrase } from '../method-names.ts';
import { APPROX_SOURCE, COUNT_SOURCE, parseCount } from '../numbers.ts';
import { allMatches, finding, findingFromMatch, isNegatedBefore } from '../prepare-message.ts';
import type { Extractor, Finding } from '../types.ts';

/** Task shapes, most specific first (the first match in the message wins within one pattern; earlier patterns win). */
const TASK_TYPES: readonly (readonly [TaskType, RegExp])[] = [
  [
    'image-generate',
    /\b(?:generat\w*|creat\w*|produc\w*|render\w*|mak\w*)\s+(?:(?:new|product|marketing|brand(?:ed)?|realistic|our|the)\s+)*(?:images?|pictures?|photos?|illustrations?|artwork|renders?|visuals|mockups|icons?)\b|\btext[\s-]to[\s-]image\b|\bimage\s+generation\b|\b(?:stable\s+diffusion|sdxl|diffusion\s+model)\b/g,
  ],
  [
    'image-understand',
    /\b(?:classif\w*|tag\w*|label\w*|caption\w*|describ\w*|inspect\w*|detect\w*|recogni[sz]\w*|read\w*|moderat\w*|understand\w*|analy[sz]\w*)\s+(?:(?:the|our|product|listing|catalog(?:ue)?|uploaded|medical|x-?ray|scanned)\s+)*(?:images?|photos?|pictures?|screenshots?|scans?|x-?rays?|frames?|video)\b|\b(?:image|photo|visual)\s+(?:classification|tagging|captioning|understanding|search|moderation|inspection|recognition)\b|\b(?:defect|object)\s+detection\b|\bocr\b/g,
  ],
  [
    'transcribe',
    /\b(?:transcri\w*|speech[\s-]to[\s-]text|asr|dictation|voice\s+notes?|call\s+recordings?|captions?\s+for\s+(?:calls|meetings|videos))\b/g,
  ],
  [
    'code',
    /\b(?:cod(?:e|ing)\s+(?:assistant|completion|generation|review|copilot|model)|(?:write|writes|writing|generate|generates|complete|completes|completion\s+of|translate|review)\s+(?:\w+\s+)?(?:code|sql|queries|python|java|typescript|javascript|cobol|unit\s+tests)|text[\s-]to[\s-]sql|nl[\s-]?2[\s-]?sql|autocomplet\w*\s+(?:in|for)\s+(?:the\s+)?(?:ide|editor)|pull\s+requests?|code\s+review)\b/g,
  ],
  [
    'extract',
    /\b(?:extract\w*|pull\w*\s+(?:out\s+)?(?:the\s+)?(?:fields?|values|entities|line\s+items|data)|pars(?:e|es|ing)\s+(?:\w+\s+){0,2}(?:invoices?|documents?|forms?|receipts?|resumes?|cvs?|emails?|contracts?|pdfs?)|(?:turn|convert)\w*\s+(?:\w+\s+){0,3}into\s+(?:a\s+)?(?:json|structured|fields|rows|tickets)|named[\s-]entity|ner\b|fill\w*\s+(?:in\s+)?(?:the\s+)?(?:form|fields))\b/g,
  ],
  [
    'classify',
    /\b(?:classif\w*|categori[sz]\w*|sort\w*\s+(?:\w+\s+){0,3}into|rout(?:e|es|ing)\s+(?:\w+\s+){0,3}(?:to|into)\s+(?:the\s+right\s+)?(?:queues?|teams?|departments?|categories|agents)|triag\w*|sentiment|spam\s+(?:detection|filter\w*)|intent\s+(?:detection|classification|recognition)|tag\w*\s+(?:\w+\s+){0,2}(?:tickets?|emails?|messages?|reviews?|posts?)\s+(?:with|by|into))\b/g,
  ],
  [
    'search',
    /\b(?:semantic\s+search|search\s+(?:engine|over|across|through|our)|(?:find|finding|retriev\w*)\s+(?:the\s+)?(?:relevant|right|similar|matching)\s+(?:\w+\s+)?(?:docs|documents|articles|passages|products|cases|tickets|results)|re-?rank\w*|recommend\w*\s+(?:similar\s+)?products)\b/g,
  ],
  [
    'chat',
    /\b(?:chat\s?bots?|chat\s+assistant|(?:support|help[\s-]?desk|customer[\s-]service|hr|it|internal|sales|faq|virtual)\s+(?:bot|assistant|agent|chat)|assistant\s+that\s+(?:answers|chats|talks)|\ba\s+bot\s+(?:over|on|for|that|which)|conversational\s+(?:agent|assistant|ai|bot)|answer\w*\s+(?:customer|user|employee|patient|staff)\s+(?:questions|queries)|q\s?&\s?a\s+bot)\b/g,
  ],
  [
    'generate',
    /\b(?:writ(?:e|es|ing)\s+(?:\w+\s+){0,2}(?:descriptions?|emails?|replies|drafts?|summaries|reports?|articles?|posts?|copy|notes|letters|release\s+notes|responses)|draft\w*\s+(?:\w+\s+){0,2}(?:emails?|replies|responses|letters|documents|contracts|notes)|summari[sz]\w*|generat\w*\s+(?:\w+\s+){0,2}(?:descriptions?|text|copy|reports?|summaries|emails?|content)|translat\w*|rewrit\w*|paraphras\w*|(?:soap|clinical|meeting)\s+notes)\b/g,
  ],
];

const BASE_STAGE =
  /\b(?:(?:the\s+|a\s+|our\s+)?base\s+(?:model|checkpoint|version|weights)|pre[\s-]?trained\s+only|not\s+(?:instruction|instruct)[\s-]tuned|(?:it|the\s+model)\s+just\s+(?:continues|completes)\s+(?:the\s+)?text|raw\s+pre[\s-]?trained)\b/g;
const INSTRUCT_STAGE =
  /\b(?:instruct(?:ion)?[\s-]?(?:tuned|model|version|variant|checkpoint)?|chat\s+(?:version|variant|model|checkpoint)|(?<![\d.])[\d.]+b[\s-]it\b|-it\b)\b/g;
const FINE_TUNED_STAGE =
  /\b(?:(?:our|an?|the)\s+(?:already\s+)?fine[\s-]?tuned\s+(?:model|checkpoint|version|llama|qwen|mistral|gemma|variant)|already\s+fine[\s-]?tuned|we\s+(?:already\s+)?fine[\s-]?tuned\s+(?:it|the\s+model))\b/g;

const TEACHER_WORD = /\b(?:teacher|distil|outputs?|answers|responses|labels|completions)/;
const TEACHER_BEFORE =
  /\b(?:distil(?:l)?(?:ing|ed|s)?\s+(?:from\s+)?|teacher\s*(?:model)?\s*(?:is|=|:|would\s+be|will\s+be)?\s*|(?:outputs?|answers?|responses?|labels?|completions?)\s+(?:from|of|generated\s+by|produced\s+by)\s+)$/;
const TEACHER_AFTER =
  /^(?:'s)?\s*(?:as\s+(?:the\s+|a\s+|our\s+)?teacher|(?:'s)?\s*(?:outputs?|answers?|responses?|completions?|labels?)\s+(?:to\s+train|as\s+(?:training\s+)?(?:data|labels|targets))|\s+(?:into|down\s+to|to)\s+(?:a\s+)?(?:smaller|small|tiny|student|\w+\s+\d|llama|qwen|mistral|gemma|phi))/;

const PAIRS = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:(?:human|labeled|labelled|rated|ranked|annotated|curated)\\s+)?(?:preference\\s+(?:pairs|comparisons|examples|data\\s*points)|(?:chosen|preferred|accepted)(?:\\s*\\/\\s*|\\s+(?:vs\\.?|and|or)\\s+|[\\s-])(?:rejected|dispreferred)(?:\\s+(?:pairs|examples|comparisons))?|(?:thumbs[\\s-]up(?:\\s*\\/\\s*|\\s+(?:vs\\.?|and|or)\\s+)(?:thumbs[\\s-])?down|👍\\s*\\/\\s*👎)\\s+pairs|(?:pairwise|side[\\s-]by[\\s-]side|a\\/b)\\s+(?:comparisons|ratings|judgments|judgements)|ranked\\s+(?:outputs|responses|answers|comparisons)|comparison\\s+pairs)`,
  'g',
);
const NO_PAIRS =
  /\b(?:no\s+|zero\s+|don't\s+have\s+(?:any\s+)?|do\s+not\s+have\s+(?:any\s+)?|without\s+(?:any\s+)?)(?:preference\s+(?:data|pairs)|chosen[\s/-]+rejected\s+pairs|pairwise\s+(?:data|ratings))\b/g;

const TRIED_RESULT: readonly (readonly ['good-enough' | 'plateaued' | 'failed', RegExp])[] = [
  [
    'plateaued',
    /\b(?:plateau\w*|stall\w*|stuck\s+at|tops?\s+out|topped\s+out|maxed\s+out|hit\s+a\s+(?:wall|ceiling)|no\s+longer\s+improv\w*|stopped\s+improving|diminishing\s+returns|can't\s+get\s+(?:it\s+)?(?:past|above|beyond|over))\b/,
  ],
  [
    'failed',
    /\b(?:fail\w*|didn't\s+(?:help|work|improve)|did\s+not\s+(?:help|work|improve)|doesn't\s+(?:help|work)|made\s+(?:it|things)\s+worse|no\s+(?:improvement|gain|luck)|useless|not\s+(?:good\s+enough|enough)|ignores?\s+(?:it|them|the\s+passages|the\s+context)|worse)\b/,
  ],
  [
    'good-enough',
    /\b(?:good\s+enough|works?\s+(?:well|fine|great|ok|okay)|worked\s+(?:well|fine|great)|quality\s+is\s+(?:fine|good|great|ok)|happy\s+with\s+(?:the\s+)?(?:quality|results|answers)|solved\s+it|does\s+the\s+job)\b/,
  ],
];
const TRIED_VERB = new RegExp(
  `\\b(?:tried|tested|attempted|experimented\\s+with|used|built|did|have|had|ran|set\\s+up|went\\s+with|our)\\s+(?:(?:a|an|the|some|basic|simple|plain|careful|lots\\s+of|extensive|heavy|\\w+)\\s+){0,2}(${METHOD_SOURCE})\\b|\\b(${METHOD_SOURCE})\\s+(?:alone\\s+)?(?:has\\s+|have\\s+|had\\s+|is\\s+|was\\s+|already\\s+)?(?=plateau|stall|stuck|top|max|hit|fail|didn|did\\s+not|doesn|made|works?|worked|is\\s+good|gets?\\s+us|got\\s+us|reach|only\\s+gets)`,
  'g',
);

const DEVICE = String.raw`(?:phones?|devices?|handsets?|smartphones?|android|iphones?|ipads?|tablets?|laptops?|jetson(?:\s+\w+)?|raspberry\s+pi|edge\s+(?:box|boxes|devices?)|embedded\s+(?:box|boards?|devices?)|(?:the\s+)?(?:kiosk|car|headset|camera|speaker|watch)s?|browser)`;
const DEVICE_MEMORY = new RegExp(
  [
    `(?:${DEVICE})\\s+(?:with|has|have|having|that\\s+have|only\\s+(?:have|has))\\s+(?:only\\s+|about\\s+|around\\s+|~)?((?<![\\d.])\\d+(?:\\.\\d+)?)\\s?(?:gb|gigs?|gigabytes)`,
    `((?<![\\d.])\\d+(?:\\.\\d+)?)\\s?(?:gb|gigs?|gigabytes)\\s+(?:(?:of\\s+)?(?:ram|memory|unified\\s+memory)\\s+)?(?:on|in)\\s+(?:the\\s+|our\\s+|a\\s+|their\\s+|most\\s+|target\\s+)?(?:${DEVICE})`,
    `(?:model|app)\\s+(?:can|may|must)\\s+(?:only\\s+)?use\\s+(?:at\\s+most\\s+|up\\s+to\\s+|about\\s+)?(\\d+(?:\\.\\d+)?)\\s?(?:gb|gigs?)`,
    `(?:memory|ram)\\s+(?:budget|limit|cap)\\s+(?:of|is|:)?\\s*(?:about\\s+|around\\s+)?(\\d+(?:\\.\\d+)?)\\s?(?:gb|gigs?)`,
    `(?:under|below|within|at\\s+most)\\s+(\\d+(?:\\.\\d+)?)\\s?(?:gb|gigs?)\\s+(?:of\\s+)?(?:ram|memory)\\s+(?:on|in)\\s+(?:the\\s+)?(?:${DEVICE})`,
    `((?<![\\d.])\\d+(?:\\.\\d+)?)\\s?(?:mb)\\s+(?:(?:of\\s+)?(?:ram|memory)\\s+)?(?:on|in)\\s+(?:the\\s+)?(?:${DEVICE})`,
  ].join('|'),
  'g',
);

const TOKENS = new RegExp(
  `${APPROX_SOURCE}((?<![\\d.,])\\d+(?:\\.\\d+)?|${COUNT_SOURCE})\\s?(b|bn|billion|m|mn|million|k|thousand|t|trillion)?\\s+tokens?\\b`,
  'g',
);
const TOKEN_SCALE: Readonly<Record<string, number>> = {
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  m: 1e6,
  mn: 1e6,
  million: 1e6,
  k: 1e3,
  thousand: 1e3,
  t: 1e12,
  trillion: 1e12,
};
/** Token counts that are not the corpus: context windows, prompt lengths, per-request usage, training budgets. */
const NOT_CORPUS_AFTER =
  /^\s*(?:of\s+)?(?:context|window|prompt|per\s+(?:request|call|query|message|example|day|month|answer|response)|each|a\s+(?:day|month|request)|output|input|limit|max|maximum)\b/;
const NOT_CORPUS_BEFORE =
  /\b(?:context(?:\s+window)?|prompt|window|limit|max(?:imum)?|up\s+to|per\s+\w+|each|output|input)\s+(?:of\s+)?$/;

const CAN_SWITCH =
  /\b(?:(?:we\s*)?(?:can|could|(?:are|'re)\s+(?:free|open|happy|willing)\s+to|don't\s+mind\s+(?:switching|changing))\s+(?:switch(?:ing)?|chang(?:e|ing)|mov(?:e|ing)|us(?:e|ing)\s+(?:a\s+)?(?:different|another|other))\s*(?:the\s+|our\s+|to\s+(?:a\s+|another\s+)?)?(?:models?|llms?|providers?|vendors?)?|(?:not\s+(?:married|tied|locked)\s+to|no\s+attachment\s+to)\s+(?:the\s+|this\s+|any\s+|a\s+)?(?:model|provider|vendor|\w+)|(?:any|whichever)\s+model\s+(?:works|is\s+fine|you\s+(?:suggest|recommend))|open\s+to\s+(?:other|another|a\s+different|switching|changing)\s+(?:models?|llms?|providers?))\b/g;
const CANNOT_SWITCH =
  /\b(?:(?:must|have\s+to|need\s+to|has\s+to)\s+(?:stay|stick|remain)\s+(?:on|with)\s+(?![\w-]*prem|(?:our|the|your)\s+(?:servers?|premises|infra\w*|hardware|network|site|datacenter|cloud|region)|site\b|the\s+premises|eu\b)|(?:can't|cannot|can\s+not|not\s+allowed\s+to|aren't\s+allowed\s+to|no\s+way\s+(?:we\s+)?(?:can|to))\s+(?:switch|change|move\s+off|replace)\s+(?:the\s+|our\s+|this\s+)?(?:models?|llms?|providers?|vendors?|gpt|claude|gemini|llama|qwen|mistral)|(?:locked|stuck|tied)\s+(?:in\s+)?(?:to|with|on)\s+(?:the\s+|this\s+|our\s+)?(?:model|\w+)|(?:compliance|legal|procurement|security)\s+(?:has\s+)?(?:approved|validated|signed\s+off\s+on)\s+only|only\s+(?:approved|allowed|validated)\s+model|(?:the\s+)?model\s+is\s+(?:fixed|locked|mandated|non[\s-]negotiable))\b/g;

export const extractTaskType: Extractor = (message) => {
  const { lower } = message;
  for (const [taskType, pattern] of TASK_TYPES) {
    const match = allMatches(pattern, lower).find((candidate) => !isNegatedBefore(lower, candidate.index, 12));
    if (match) return [findingFromMatch('taskType', taskType, match)];
  }
  return [];
};

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

export const extractTeacherModel: Extractor = (message, context) => {
  const { lower } = message;
  const findings: Finding[] = [];
  // Most messages name no teacher: skip the catalog scan unless a teacher word is there at all.
  if (!TEACHER_WORD.test(lower)) return findings;
  for (const mention of catalogScanner(context.catalog).findModels(lower)) {
    if (!mention.entry) continue;
    const before = lower.slice(Math.max(0, mention.start - 60), mention.start);
    const after = lower.slice(mention.end, mention.end + 60);
    if (TEACHER_BEFORE.test(before) || TEACHER_AFTER.test(after)) {
      findings.push(finding('teacherModel', mention.entry.name, mention.start, mention.end));
    }
  }
  return findings;
};

export const extractPreferencePairs: Extractor = (message) => {
  const { lower } = message;
  const findings: Finding[] = [];
  for (const match of allMatches(PAIRS, lower)) {
    const value = parseCount(match[1] ?? '');
    if (value !== undefined) findings.push(findingFromMatch('preferencePairs', value, match));
  }
  for (const match of allMatches(NO_PAIRS, lower)) findings.push(findingFromMatch('preferencePairs', 0, match));
  return findings;
};

export const extractTried: Extractor = (message) => {
  const { lower } = message;
  const findings: Finding[] = [];
  for (const match of allMatches(TRIED_VERB, lower)) {
    const method: MethodId | undefined = methodFromPhrase(match[1] ?? match[2] ?? '');
    if (!method) continue;
    // The outcome is said in the same clause, within a few dozen characters after the method.
    const end = match.index + match[0].length;
    const window = lower.slice(end, Math.min(lower.length, end + 90)).split(/[.;!?\n]|\bbut\s+(?=(?:we|i)\b)/)[0] ?? '';
    const result = TRIED_RESULT.find(([, pattern]) => pattern.test(window))?.[0];
    if (!result) continue;
    findings.push(finding('tried', [{ method, result }], match.index, end));
  }
  return findings;
};

export const extractDeviceMemory: Extractor = (message) => {
  const { lower } = message;
  const findings: Finding[] = [];
  for (const match of allMatches(DEVICE_MEMORY, lower)) {
    const raw = match.slice(1).find((group) => group !== undefined);
    if (raw === undefined) continue;
    const megabytes = /\bmb\b/.test(match[0]);
    const value = megabytes ? Number(raw) / 1000 : Number(raw);
    if (value > 0 && value <= 512) findings.push(findingFromMatch('deviceMemoryGB', value, match));
  }
  return findings;
};

export const extractCorpusTokens: Extractor = (message) => {
  const { lower } = message;
  const findings: Finding[] = [];
  for (const match of allMatches(TOKENS, lower)) {
    const end = match.index + match[0].length;
    if (
      NOT_CORPUS_AFTER.test(lower.slice(end, end + 30)) ||
      NOT_CORPUS_BEFORE.test(lower.slice(Math.max(0, match.index - 30), match.index))
    )
      continue;
    const digits = match[1] ?? '';
    const scale = match[2] === undefined ? 1 : (TOKEN_SCALE[match[2]] ?? 1);
    const base = /^\d+(?:\.\d+)?$/.test(digits) ? Number(digits) : parseCount(digits);
    if (base === undefined) continue;
    const value = base * scale;
    // A few hundred tokens is a prompt, not a corpus.
    if (value >= 10_000) findings.push(findingFromMatch('corpusTokens', value, match));
  }
  return findings;
};

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
