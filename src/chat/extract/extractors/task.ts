/** @module The task, in the user's words: "we want to classify support tickets", "task is summarising contracts". */
import { allMatches, finding } from '../prepare-message.ts';
import type { Extractor, Finding } from '../types.ts';

/** The clause after "we want to", "the task is", "we're building", "use case:" up to the end of the clause. */
const TASK =
  /\b(?:we\s+(?:want|need|would\s+like|'d\s+like|are\s+trying|'re\s+trying|plan|hope)\s+to|(?:the\s+|our\s+|my\s+)?(?:task|goal|use[\s-]case|job)\s+(?:is|is\s+to|:)|(?:we(?:'re|\s+are)|i(?:'m|\s+am))\s+(?:building|making|creating|developing)|(?:trying|looking)\s+to)\s+(?!(?:know|understand|find\s+out|ask|check|get\s+a\s+recommendation|figure\s+out\s+(?:which|what|how)|adapt|fine[\s-]?tune|distil\w*|compress|shrink|use\s+(?:rag|lora|fine[\s-]?tuning|prompt)|recommend|start\s+over|reset)\b|(?:run|use|deploy|host|self[\s-]?host|serve|try|rent|buy)\s+(?:it\b|(?:the\s+|a\s+|an\s+)?(?:llama|mistral|mixtral|qwen|gemma|phi|gpt|claude|gemini|whisper|bert|t5|sdxl|stable|clip|[ahlb]\d{2,3}|rtx)))([a-z][^.;!?\n]{3,120}?)(?=\s*(?:[.;!?\n]|,\s*(?:and\s+)?(?:we|our|it|the|but|with|using|on|in|budget|data|docs)\b|\s+(?:and|but)\s+(?:we|our|it)\b|\s+(?:using|with|on|in)\s+(?:a|an|our|\d|the\s+\w+\s+gpus?)\b|$))/g;

/** Finds `task`: a short phrase in the user's own words, only after an explicit "we want to" / "task is". */
export const extractTask: Extractor = (message) => {
  const findings: Finding[] = [];
  for (const match of allMatches(TASK, message.lower)) {
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
