/** @module The task, in the user's words: "we want to classify support tickets", "task is summarising contracts". */
import { allMatches, finding } from '../prepare-message.ts';
import type { Extractor, Finding } from '../types.ts';

/** The clause after "we want to", "the task is", "we're building", "use case:" up to the end of the clause. */
const TASK =
  /\b(?:we\s+(?:want|need|would\s+like|'d\s+like|are\s+trying|'re\s+trying|plan|hope)\s+to|(?:the\s+|our\s+|my\s+)?(?:task|goal|use[\s-]case|job)\s+(?:is|is\s+to|:)|(?:we(?:'re|\s+are)|i(?:'m|\s+am))\s+(?:building|making|creating|developing)|(?:trying|looking)\s+to)\s+(?!(?:know|understand|find\s+out|ask|check|get\s+a\s+recommendation|figure\s+out\s+(?:which|what|how)|adapt|fine[\s-]?tune|distil\w*|compress|shrink|use\s+(?:rag|lora|fine[\s-]?tuning|prompt)|recommend|start\s+over|reset)\b|(?:run|use|deploy|host|self[\s-]?host|serve|try|rent|buy)\s+(?:it\b|(?:the\s+|a\s+|an\s+)?(?:llama|mistral|mixtral|qwen|gemma|phi|gpt|claude|gemini|whisper|bert|t5|sdxl|stable|clip|[ahlb]\d{2,3}|rtx)))([a-z][^.;!?\n]{3,120}?)(?=\s*(?:[.;!?\n]|,\s*(?:and\s+)?(?:we|our|it|the|but|with|using|on|in|budget|data|docs)\b|\s+(?:and|but)\s+(?:we|our|it)\b|\s+(?:using|with|on|in)\s+(?:a|an|our|\d|the\s+\w+\s+gpus?)\b|$))/g;

/** Where a task phrase ends: the clause's end, or a new clause about the team, its data or its setup. */
const TASK_END = String.raw`(?=\s*(?:[.;!?\n]|,\s*(?:and\s+)?(?:we|our|it|the|but|with|using|on|in|budget|data|docs)\b|\s+(?:and|but)\s+(?:we|our|it)\b|\s+(?:using|with|on|in)\s+(?:a|an|our|\d|the\s+\w+\s+gpus?)\b|$))`;

/** "we want an assistant that drafts discharge summaries", "we need a bot to answer HR questions". */
const TASK_OF_A_THING = new RegExp(
  String.raw`\b(?:we|i|and)(?:\s+|(?='))(?:want|need|would\s+like|'d\s+like|are\s+looking\s+for|'re\s+looking\s+for|am\s+looking\s+for|'m\s+looking\s+for|are\s+building|'re\s+building|am\s+building|'m\s+building)\s+(?:a|an)\s+(?:[a-z-]+\s+){0,2}?(?:assistant|bot|chatbot|model|tool|system|copilot|agent|classifier|app|pipeline)\s+(?:that|which|to)\s+(?!(?:can\s+)?(?:is|are|was|be|has|have|runs?|works?)\b)([a-z][^.;!?\n]{3,120}?)${TASK_END}`,
  'g',
);

/** Finds `task`: a short phrase in the user's own words, only after an explicit "we want to" / "task is". */
export const extractTask: Extractor = (message) => {
  const findings: Finding[] = [];
  const stated = allMatches(TASK, message.lower);
  // "we want to classify tickets" says it more directly than "a bot that answers them": the thing is the fallback.
  for (const match of stated.length > 0 ? stated : allMatches(TASK_OF_A_THING, message.lower)) {
    const phrase = match[1];
    if (!phrase) continue;
    const start = match.index + match[0].length - phrase.length;
    const text = message.original.slice(start, start + phrase.length).trim();
    if (text.split(/\s+/).length < 2) continue;
    // "we're building this on weekends": a pronoun is not a task.
    if (/^(?:this|that|it|something|stuff|things?)\b/i.test(text)) continue;
    findings.push(finding('task', text, start, start + phrase.length));
  }
  return findings;
};
