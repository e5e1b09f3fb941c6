/** @module What people call the adaptation methods, mapped to their stable ids. */
import type { MethodId } from '../../profile/profile-schema.ts';

/** Phrases, most specific first: "prompt tuning" must win over "prompt", "qlora" over "lora". */
const METHOD_PHRASES: readonly (readonly [string, MethodId])[] = [
  [String.raw`q[\s-]?lora(?:\s+fine[\s-]?tun(?:ing|e))?`, 'qlora'],
  [String.raw`lora(?:\s+fine[\s-]?tun(?:ing|e))?|low[\s-]rank\s+adapt(?:ation|ers?)`, 'lora'],
  [String.raw`prefix[\s-]tuning`, 'prefix-tuning'],
  [String.raw`prompt[\s-]tuning|soft[\s-]prompts?`, 'prompt-tuning'],
  [
    String.raw`instruction[\s-]tuning|instruct[\s-]tuning|sft|supervised\s+(?:fine[\s-]?tuning|tuning|training)`,
    'instruction-tuning',
  ],
  [String.raw`preference[\s-]tuning|rlhf|dpo|preference\s+optimi[sz]ation`, 'preference-tuning'],
  [
    String.raw`managed\s+(?:fine[\s-]?tun(?:ing|e)s?|tuning)(?:\s+jobs?)?|provider\s+(?:fine[\s-]?tuning|tuning)|(?:openai|azure|bedrock|vertex)(?:'s)?\s+(?:fine[\s-]?tun(?:ing|e)(?:\s+(?:api|jobs?))?|ft\s+jobs?)|fine[\s-]?tun(?:ing|e)\s+(?:api|jobs?)\s+(?:on|through|via|at)\s+(?:openai|azure(?:\s+openai)?|bedrock|vertex(?:\s+ai)?)|hosted\s+fine[\s-]?tuning`,
    'managed-fine-tuning',
  ],
  [
    String.raw`full[\s-]?(?:parameter\s+)?fine[\s-]?tun(?:ing|e)|full\s+ft|full\s+tuning|fine[\s-]?tuning|finetuning|fine[\s-]?tune|continued\s+pre[\s-]?training|domain[\s-]adaptive\s+pre[\s-]?training|cpt|dapt|full(?=\s+(?:or|vs\.?|versus)\s+q?lora\b|\s+fits?\b)|(?<=\bq?lora\s+(?:or|vs\.?|versus)\s+)full\b`,
    'full-fine-tuning',
  ],
  [String.raw`(?:bottleneck\s+)?adapters?(?:\s+layers)?|houlsby`, 'adapters'],
  [String.raw`distillation|distil(?:l|ling)?|knowledge\s+distillation`, 'distillation'],
  [
    String.raw`rag|retrieval(?:[\s-]augmented(?:\s+generation)?)?|a\s+vector\s+(?:db|database|store|search)|vector\s+search`,
    'rag',
  ],
  [
    String.raw`(?:few|[1-9]\d?|one|two|three|five|ten)[\s-]shot(?:\s+(?:prompting|prompts?|examples))?|in[\s-]context\s+(?:few[\s-]shot\s+)?learning|few[\s-]shot\s+learning|icl|(?:(?:a\s+few|some|several)\s+)?examples\s+in\s+the\s+prompt|adding\s+examples\s+to\s+the\s+prompt|prompt(?:ing|s)?\s+with\s+(?:a\s+few\s+|few\s+|some\s+|several\s+|worked\s+)?examples|(?:plus|with|and)\s+(?:a\s+few|some|several|two|three|four|five|[2-9])\s+examples(?:\s+in\s+the\s+prompt)?|(?:pasted|put|added|stuffed|included)\s+(?:about\s+|around\s+|like\s+|~\s*)?(?:\d{1,2}|a\s+few|some|several|ten|five|three)\s+(?:[\w-]+\s+){0,3}?(?:examples?|samples?)(?:\s+[\w-]+){0,3}?\s+(?:in|into)\s+(?:the|our)\s+prompt`,
    'in-context-learning',
  ],
  [
    String.raw`zero[\s-]shot(?:\s+prompt(?:ing|s)?)?|prompt(?:ing|\s+engineering)|prompt\s+tweak(?:s|ing)?|(?:just\s+)?(?:better\s+)?prompts?|system\s+prompts?|initial[_\s-]prompt`,
    'prompt-engineering',
  ],
];

/** Regex source matching any method phrase (for building intent patterns). */
export const METHOD_SOURCE = `(?:${METHOD_PHRASES.map(([phrase]) => phrase).join('|')})`;

const COMPILED = METHOD_PHRASES.map(([phrase, id]) => [new RegExp(`^(?:${phrase})$`), id] as const);

/** The method a phrase names ("LoRA" → lora, "full fine-tuning" → full-fine-tuning), or undefined. */
export function methodFromPhrase(phrase: string): MethodId | undefined {
  const text = phrase.trim().toLowerCase().replace(/\s+/g, ' ');
  // "LoRA or full?", "will full fit?": "full" is a method only beside another or before "fit" (the phrase above).
  if (text === 'full') return 'full-fine-tuning';
  for (const [pattern, id] of COMPILED) if (pattern.test(text)) return id;
  return undefined;
}
