/**
 * @module Modality, when the message says what kind of data the model works with: "it's an audio model",
 * "screenshots in, text out", "500 labeled images", "questions about screenshots" → vision-language. A kind the task
 * shape already implies ("transcribe calls" is audio, "text-to-SQL" is code, "a support bot" is text) is left to the
 * engine, which derives it from `taskType` — unless it is said outright ("so it's a code model").
 */

import { MODALITY_OF_TASK } from '../../../engine/resolve-profile.ts';
import type { MODALITIES, TaskType } from '../../../profile/profile-schema.ts';
import { allMatches, createSpanIndex, findingFromMatch, isNegatedBefore } from '../prepare-message.ts';
import type { Extractor, Finding } from '../types.ts';
import { extractTaskType, OCR_GIVES_TEXT, SPEECH_ALREADY_TEXT } from './task-type.ts';

type Modality = (typeof MODALITIES)[number];

const PATTERNS: readonly (readonly [RegExp, Modality])[] = [
  [
    /\b(?:visual\s+question\s+answering|vqa|(?:describe|describing|caption(?:ing)?|answer\s+questions\s+about|questions\s+about|reason\s+about|read(?:ing)?|understand(?:ing)?)\s+(?:the\s+|our\s+)?(?:(?:product|uploaded|customer|user|listing|catalog|medical|scanned)\s+)?(?:images?|photos?|pictures?|screenshots?|charts?|diagrams?|scanned\s+(?:documents|forms|invoices))|image\s+captioning|(?:images?|photos?|screenshots?)\s+(?:and|plus|with)\s+(?:text|questions|captions)|(?:reports?|captions?|descriptions?|findings)\s+from\s+(?:the\s+|an?\s+|each\s+)?(?:[a-z-]+\s+){0,2}?(?:images?|photos?|pictures?|x-?rays?|scans?|screenshots?)|questions\s+about\s+(?:[a-z-]+\s+){0,2}?(?:figures|charts|plots|diagrams|screenshots)|multimodal|multi-modal|vision[\s-]language|vlm)\b/g,
    'vision-language',
  ],
  [
    /\b(?:(?<!\b(?:casual|formal|polite|honorific|humble|respectful|informal|everyday|plain|direct|indirect|reported|hate|free|colloquial)\s)(?<!\bparts?\s+of\s)(?<!\bfigures?\s+of\s)speech(?:[\s-]to[\s-]text)?(?!\s+(?:patterns?|styles?|registers?|levels?|acts?))|transcri(?:be|bes|bing|ption|ptions)|(?<!\b(?:text|texts|scripts?|copy|narration|content)\s+for\s+(?:the\s+|our\s+)?(?:[\w'-]+\s+)?)audio(?![\s-]+guides?(?:'s?)?[\s-]+(?:scripts?|texts?|transcripts?|content|copy)\b)|voice\s+(?:notes?|messages?|calls?|recordings?|assistants?|commands?|input|bots?|agents?|interface|apps?)|call\s+recordings?|recorded\s+calls|asr|spoken|podcasts?)\b/g,
    'audio',
  ],
  [
    /\b(?:images?|photos?|(?<!\b(?:whole|big|bigger|full|clear|overall|complete|rough)\s)pictures?|x-?rays?|mri\s+scans?|ct\s+scans?|satellite\s+imagery(?!\s+(?:startup|company|firm|business|provider|team|analysts?))|image\s+(?:classification|generation|segmentation)|object\s+detection|computer\s+vision(?!\s+(?:team|startup|company|pipeline|people|engineers?))|product\s+shots)\b/g,
    'image',
  ],
  [
    /\b(?:code\s+(?:completion|generation|review|assistant)|(?<!\b(?:failure|fault|error|icd(?:-10)?|cn|hs|tariff|billing|category|reason|product|postal|zip|status|defect|the|a|right|correct)\s)code\s+(?:suggestions?|search)|(?:generate|generating|write|writing|complete|completing|autocomplete)\s+(?:python|java|typescript|javascript|sql|code)|text[\s-]to[\s-]sql|nl[\s-]to[\s-]sql|sql\s+generation|(?<!\b(?:ehr|emr|hospital|clinic|patients?|charts?|payers?|medical|clinical)\b[^.;!?\n]{0,60})coding\s+assistant(?![^.;!?\n]{0,80}\b(?:icd|cpt|ehr|emr|diagnos\w*)\b)|(?:github|code|coding|programming|developer|dev)\s+copilot|copilot\s+for\s+(?:code|coding|developers|programmers)|(?:tokens|lines|files|gb|tb)\s+of\s+(?:\w+\s+)?(?:source\s+)?code|translat\w*\s+(?:[a-z]+\s+){0,2}?(?:code|routines|functions|programs|modules)\s+(?:in)?to\s+(?:java|python|c#|go|rust|typescript|javascript|kotlin|scala|c\+\+))\b/g,
    'code',
  ],
];

/** "(photos) of paper BOLs", "(images) of printed invoices": pictures of printed documents. */
const PRINTED_DOCUMENTS_AFTER =
  /^\s+of\s+(?:the\s+|our\s+|their\s+)?(?:paper\s+|printed\s+|typed\s+|scanned\s+)?(?!(?:hand[\s-]?written|handwriting|hand[\s-]?filled|damaged|stamped|signed)\b)(?:[\w-]+\s+)?(?:documents?|forms?|invoices?|receipts?|bols?|bills?\s+of\s+lading|letters?|pdfs?|pages?|contracts?|paperwork|faxes|statements?|rate\s+confirmations?)\b/;

/** "the receipts are mostly phone photos": printed documents said to arrive as pictures (read by OCR into text). */
const PRINTED_DOCUMENTS_BEFORE =
  /\b(?:receipts?|invoices?|documents?|forms?|bills?|letters?|statements?|contracts?|pages?|paperwork|faxes|bols?)\s+(?:are|come\s+in\s+as|arrive\s+as|come\s+as)\s+(?:mostly\s+|mainly\s+|usually\s+|often\s+|all\s+|either\s+)?(?:phone\s+|mobile\s+|smartphone\s+)?$/;

/** Handwriting, diagrams and drawings: pictures a text reader cannot turn back into the text (a vision model reads them). */
const NOT_PRINTED_TEXT =
  /\b(?:hand[\s-]?written|handwriting|hand[\s-]?filled|diagrams?|drawings?|sketch(?:es)?|schematics?|charts?|blueprints?)\b/;

/** "generate product images", "image generation", "text-to-image": the output is an image. */
const IMAGE_GENERATION =
  /\b(?:generat(?:e|es|ing)|creat(?:e|es|ing)|render(?:s|ing)?|produc(?:e|es|ing))\s+(?:[a-z'-]+\s+){0,3}?(?:images?|photos?|pictures?|art(?:work)?|renders?|illustrations?)\b|\b(?:image|art)\s+generation\b|\btext[\s-]to[\s-]image\b/;

/**
 * The kind said outright: "it's an audio model", "a code model", "vision-language setup", "speech in, text out",
 * "screenshots in", "text only", "it's audio".
 */
const STATED =
  /\b(?:(?:it's|it\s+is|this\s+is|that's|so\s+it's|we\s+need|we\s+want|we\s+use)\s+(?:an?\s+|the\s+)?(audio|speech|image|vision[\s-]language|multimodal|code|text|diffusion)\s+(?:model|one|setup|task|data|problem|thing|stuff)|(?:the\s+)?model\s+is\s+an?\s+(audio|speech|image|vision[\s-]language|multimodal|code|text)\s+(?:model|one)|(speech|audio|voice|images?|photos?|screenshots?|scans?|code|text)\s+in,?\s+(?:\w+\s+){0,2}out|(?:it's|it\s+is|its|everything\s+is|they're|they\s+are)\s+(?:all\s+|only\s+|just\s+|purely\s+)?(audio|images?|text|code)(?=\s*[,.;!]|\s*$)|\b(?:are|is)\s+(?:all\s+|only\s+|just\s+|purely\s+|plain\s+)(text)(?:\s+(?:too|as\s+well|anyway))?(?=\s*[,.;!]|\s*$)|(?:the\s+model|the\s+ai|the\s+llm|the\s+bot|the\s+assistant)\s+(?:would|will)\s+(?:only\s+|just\s+)?(?:ever\s+)?(?:see|read|get|receive)\s+(?:the\s+|plain\s+)?(text)\b|(text)[\s-]only|(?:just|only)\s+(text)(?!\s+(?:format|output|is\s+fine))|modality\s*(?:is|=|:)\s*(audio|speech|image|vision[\s-]language|code|text)|takes\s+(text|audio|images?|code)\s+input)\b/g;
const STATED_KIND: readonly (readonly [RegExp, Modality])[] = [
  [/^(?:audio|speech|voice)$/, 'audio'],
  [/^(?:vision[\s-]language|multimodal|screenshots?|scans?)$/, 'vision-language'],
  [/^(?:images?|photos?|diffusion)$/, 'image'],
  [/^code$/, 'code'],
  [/^text$/, 'text'],
];

/**
 * Finds `modality`. Vision-language wins over image when images come with questions or text. "Voice" alone is
 * ignored because "brand voice" is about style.
 */
/** Words that take a thing out of the input ("strip … photos", "redact the images"). */
const REMOVED_BEFORE =
  /\b(?:strip\w*|remov\w*|redact\w*|delet\w*|exclud\w*|without|drop\w*|blank\w*\s+out|forget|ignore|scrap|never\s*mind)\b[^.;!?\n]{0,40}$/;
const REMOVED_AFTER =
  /^[^.;!?\n]{0,30}\b(?:to|we)\s+(?:want\s+to\s+|need\s+to\s+)?(?:remove|strip|redact|delete|exclude)\b/;

export const extractModality: Extractor = (message, context) => {
  const { lower } = message;
  const findings: Finding[] = [];
  const covered: { start: number; end: number }[] = [];
  for (const [pattern, modality] of PATTERNS) {
    // Matches of one pattern never overlap each other: the index of earlier patterns' spans is enough.
    const earlier = createSpanIndex(covered);
    for (const match of allMatches(pattern, lower)) {
      const start = match.index;
      const end = start + match[0].length;
      if (earlier.overlaps(start, end)) continue;
      // "30% of the PDFs are scans or phone photos of paper BOLs": printed documents photographed, read by OCR into the
      // same text the model already works on (handwriting and pictures themselves stay images).
      if (
        modality === 'image' &&
        (PRINTED_DOCUMENTS_AFTER.test(lower.slice(end, end + 60)) ||
          (PRINTED_DOCUMENTS_BEFORE.test(lower.slice(Math.max(0, start - 70), start)) &&
            !NOT_PRINTED_TEXT.test(lower.slice(Math.max(0, start - 70), end + 40))))
      )
        continue;
      if (isNegatedBefore(lower, start, 15)) continue;
      // "strip names, photos and ages from the CVs", "we want to REMOVE them": something taken out, not the input.
      if (
        REMOVED_BEFORE.test(lower.slice(Math.max(0, start - 50), start)) ||
        REMOVED_AFTER.test(lower.slice(end, end + 50))
      )
        continue;
      covered.push({ start, end });
      findings.push(findingFromMatch('modality', modality, match));
    }
  }
  // "OCR already gives us the text of scanned claim forms": the model reads the OCR's text, not the scans.
  if (OCR_GIVES_TEXT.test(lower))
    for (const item of findings.filter((found) => found.value === 'image' || found.value === 'vision-language'))
      if (/\b(?:scan\w*|documents?|forms?|invoices?|pdfs?|pages?|receipts?)\b/.test(lower.slice(item.start, item.end)))
        findings.splice(findings.indexOf(item), 1);
  // "voice commands (already transcribed to text)": the model reads text.
  if (SPEECH_ALREADY_TEXT.test(lower)) {
    const audio = findings.filter((item) => item.value === 'audio');
    for (const item of audio) findings.splice(findings.indexOf(item), 1);
    const said = SPEECH_ALREADY_TEXT.exec(lower);
    if (said) findings.push(findingFromMatch('modality', 'text', said));
  }
  const stated = allMatches(STATED, lower)
    .filter((match) => !isNegatedBefore(lower, match.index, 15))
    .map((match) => {
      const kind = match.slice(1).find((group) => group !== undefined) ?? '';
      return findingFromMatch('modality', STATED_KIND.find(([pattern]) => pattern.test(kind))?.[1] ?? 'text', match);
    });
  if (stated.length > 0) return stated;
  if (findings.length === 0) return findings;
  // The kind the task shape implies is the engine's to derive: saying it again would only repeat the task.
  const taskType = extractTaskType(message, context)[0]?.value as TaskType | undefined;
  const implied = taskType === undefined ? undefined : MODALITY_OF_TASK[taskType];
  return withoutImplied(mainKinds(lower, findings), implied);
};

/** Generating images is image work even with captions; otherwise a vision-language mention beats plain image. */
function mainKinds(lower: string, findings: Finding[]): Finding[] {
  if (IMAGE_GENERATION.test(lower)) return findings.filter((item) => item.value !== 'vision-language');
  // Keep the order of the text so that the last statement wins.
  const hasVisionLanguage = findings.some((item) => item.value === 'vision-language');
  return hasVisionLanguage ? findings.filter((item) => item.value !== 'image') : findings;
}

function withoutImplied(findings: Finding[], implied: Modality | undefined): Finding[] {
  return implied ? findings.filter((item) => item.value !== implied) : findings;
}
