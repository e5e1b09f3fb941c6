import type { Knowledge } from '../knowledge/knowledge.ts';
import type { MethodId } from '../profile/profile-schema.ts';

/** "LoRA (low-rank adaptation)" → "LoRA": the short name reads better inside a sentence. */
export function shortMethodName(knowledge: Knowledge, method: MethodId): string {
  return knowledge.methodById.get(method)?.name.replace(/\s*\(.*\)\s*$/, '') ?? method;
}

/** Vendors and model families that open a sentence: names, never lowered. */
export const PROPER_NAME_FIRST =
  /^(?:Anthropic|OpenAI|Google|Gemini|Mistral|Cohere|Amazon|Azure|Microsoft|Meta|Llama|Qwen|Claude|Bedrock|Vertex|NVIDIA|Apple|Together|Fireworks|DeepSeek|Gemma|Whisper|Nova)\b/;
