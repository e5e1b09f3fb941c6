/**
 * @module Modality: "speech", "transcription" → audio; "images" → image; "code completion" → code; "a support bot
 * that answers from our docs" → text (only when nothing else is named).
 */

import type { MODALITIES } from '../../../profile/profile-schema.ts';
import { allMatches, createSpanIndex, findingFromMatch, isNegatedBefore } from '../prepare-message.ts';
import type { Extractor, Finding } from '../types.ts';

type Modality = (typeof MODALITIES)[number];

const PATTERNS: readonly (readonly [RegExp, Modality])[] = [
  [
    /\b(?:visual\s+question\s+answering|vqa|(?:describe|describing|caption(?:ing)?|answer\s+questions\s+about|questions\s+about|reason\s+about|read(?:ing)?|understand(?:ing)?)\s+(?:the\s+|our\s+)?(?:(?:product|uploaded|customer|user|listing|catalog|medical|scanned)\s+)?(?:images?|photos?|pictures?|screenshots?|charts?|diagrams?|scanned\s+(?:documents|forms|invoices))|image\s+captioning|(?:images?|photos?|screenshots?)\s+(?:and|plus|with)\s+(?:text|questions|captions)|(?:reports?|captions?|descriptions?|findings)\s+from\s+(?:the\s+|an?\s+|each\s+)?(?:[a-z-]+\s+){0,2}?(?:images?|photos?|pictures?|x-?rays?|scans?|screenshots?)|questions\s+about\s+(?:[a-z-]+\s+){0,2}?(?:figures|charts|plots|diagrams|screenshots)|multimodal|multi-modal|vision[\s-]language|vlm)\b/g,
    'vision-language',
  ],
  [
    /\b(?:speech(?:[\s-]to[\s-]text)?|transcri(?:be|bes|bing|ption|ptions)|audio|voice\s+(?:notes?|messages?|calls?|recordings?|assistants?|commands?|input|bots?|agents?|interface|apps?)|call\s+recordings?|recorded\s+calls|asr|spoken|podcasts?)\b/g,
    'audio',
  ],
  [
    /\b(?:images?|photos?|pictures?|x-?rays?|mri\s+scans?|ct\s+scans?|satellite\s+imagery|image\s+(?:classification|generation|segmentation)|object\s+detection|computer\s+vision|product\s+shots)\b/g,
    'image',
  ],
  [
    /\b(?:code\s+(?:completion|generation|review|assistant|suggestions?|search)|(?:generate|generating|write|writing|complete|completing|autocomplete)\s+(?:python|java|typescript|javascript|sql|code)|text[\s-]to[\s-]sql|nl[\s-]to[\s-]sql|sql\s+generation|coding\s+assistant|copilot|translat\w*\s+(?:[a-z]+\s+){0,2}?(?:code|routines|functions|programs|modules)\s+(?:in)?to\s+(?:java|python|c#|go|rust|typescript|javascript|kotlin|scala|c\+\+))\b/g,
    'code',
  ],
];

/**
 * Text work stated outright: answering from documents, a support chatbot, classifying or summarising tickets,
 * emails or contracts. Read only when the message names no other modality ("summarise call recordings" is audio).
 */
const TEXT_WORK =
  /\b(?:(?:answer(?:s|ing)?|respond(?:s|ing)?|repl(?:y|ies|ying))\s+(?:[a-z']+\s+){0,4}?(?:from|using|based\s+on|grounded\s+in)\s+(?:our\s+|the\s+|its\s+)?(?:[a-z-]+\s+){0,2}?(?:docs|documentation|documents|wiki|knowledge\s?base|manuals?|faqs?|policies|handbooks?|articles|help\s+cent(?:er|re))|(?:auto[\s-]?)?draft(?:s|ing)?\s+(?:replies|responses|answers|emails)\b|(?:draft(?:s|ing)?|writ(?:e|es|ing)|produc(?:e|es|ing)|generat(?:e|es|ing))\s+(?:[a-z-]+\s+){0,2}?(?:summaries|replies|answers|emails|letters|articles|copy)\b|(?:product\s+)?descriptions\s+written\b|summar(?:y|ies)\s+of\s+(?:[a-z-]+\s+){0,2}?(?:regulations|contracts|documents|articles|clauses|emails|tickets|meetings|reports|papers|notes|policies|laws|alerts|complaints|narratives|cases|threads)|\btext\s+(?:suggestions|completions?|prediction|generation)|next[\s-](?:word|phrase)\s+(?:suggestions|prediction)|dialogue\s+generation|generat\w*\s+(?:[a-z-]+\s+)?dialogue|grammar\s+(?:feedback|correction|checking|checks)|answer(?:s|ing)?\s+questions\s+(?:over|across|about|on|from)\s+(?:our\s+|the\s+|its\s+)?(?:[~\w,-]+\s+){0,2}?(?:docs|documentation|documents|contracts|policies|manuals?|wiki|articles|precedents|handbooks?|records)|(?:classif(?:y|ies|ying)|categori[sz](?:e|es|ing)|triag(?:e|es|ing)|rout(?:e|es|ing)|summari[sz](?:e|es|ing)|translat(?:e|es|ing)|tag(?:s|ging)?|draft(?:s|ing)?\s+replies\s+to|reply(?:ing)?\s+to)\s+(?:[a-z-]+\s+){0,2}?(?:tickets|emails|messages|reviews|contracts|articles|documents|texts|chats|conversations|notes|reports|comments|posts|complaints|feedback|letters|macros|manuals|descriptions|pages|strings)|(?:support|customer[\s-]service|faq|help[\s-]?desk|docs?|documentation|hr|policy|legal)\s+(?:chat\s?bot|bot|assistant|agent|q\s?&\s?a)|chat\s?bot|sentiment\s+analysis|text\s+classification|named[\s-]entity\s+recognition)\b/g;

/** "generate product images", "image generation", "text-to-image": the output is an image. */
const IMAGE_GENERATION =
  /\b(?:generat(?:e|es|ing)|creat(?:e|es|ing)|render(?:s|ing)?|produc(?:e|es|ing))\s+(?:[a-z'-]+\s+){0,3}?(?:images?|photos?|pictures?|art(?:work)?|renders?|illustrations?)\b|\b(?:image|art)\s+generation\b|\btext[\s-]to[\s-]image\b/;

/**
 * Finds `modality`. Vision-language wins over image when images come with questions or text. "Voice" alone is
 * ignored because "brand voice" is about style.
 */
export const extractModality: Extractor = (message) => {
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
      if (isNegatedBefore(lower, start, 15)) continue;
      covered.push({ start, end });
      findings.push(findingFromMatch('modality', modality, match));
    }
  }
  if (findings.length === 0) {
    for (const match of allMatches(TEXT_WORK, lower)) {
      if (!isNegatedBefore(lower, match.index, 15)) findings.push(findingFromMatch('modality', 'text', match));
    }
    return findings;
  }
  // Generating images is image work even when the training photos come "with captions".
  if (IMAGE_GENERATION.test(lower)) return findings.filter((item) => item.value !== 'vision-language');
  // Keep the order of the text so that the last statement wins, but a vision-language mention beats plain image.
  const hasVisionLanguage = findings.some((item) => item.value === 'vision-language');
  return hasVisionLanguage ? findings.filter((item) => item.value !== 'image') : findings;
};
