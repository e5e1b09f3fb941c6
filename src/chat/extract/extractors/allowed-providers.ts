/**
 * @module The only vendors and clouds the team may use (`allowedProviders`): "we can only use Azure", "Azure is our
 * only approved cloud", "AWS-only shop", "everything has to stay in GCP", "only OpenAI and Azure, no other vendors".
 * A provider the team merely uses ("we run GPT-4o on Azure OpenAI") is no limit. The value is the catalog's provider
 * ids ("azure-openai").
 */
import { allMatches, findingFromMatch } from '../prepare-message.ts';
import type { Extractor, Finding } from '../types.ts';

/** Provider words and the catalog provider id each names. */
const PROVIDER_WORDS: readonly (readonly [RegExp, string])[] = [
  [/^(?:microsoft\s+)?azure(?:\s+(?:openai|ai\s+foundry|foundry|cloud))?$|^microsoft(?:\s+foundry)?$/, 'azure-openai'],
  [/^(?:aws|amazon(?:\s+web\s+services)?|(?:aws\s+|amazon\s+)?bedrock)$/, 'aws-bedrock'],
  [/^(?:gcp|google\s+cloud(?:\s+platform)?|(?:google\s+(?:cloud\s+)?)?vertex(?:\s+ai)?)$/, 'google-vertex'],
  [/^openai(?:\s+api)?$/, 'openai'],
  [/^anthropic(?:\s+api)?$/, 'anthropic'],
  [/^(?:gemini\s+api|(?:google\s+)?ai\s+studio)$/, 'google-gemini-api'],
  [/^mistral(?:\s+api)?$/, 'mistral'],
  [/^cohere$/, 'cohere'],
  [/^together(?:\s+ai)?$/, 'together'],
  [/^fireworks(?:\s+ai)?$/, 'fireworks'],
];

/** The providers in the words people use for them, for acknowledgements ("only Azure"). */
export const PROVIDER_SHORT_NAMES: Readonly<Record<string, string>> = {
  'azure-openai': 'Azure',
  'aws-bedrock': 'AWS',
  'google-vertex': 'Google Cloud',
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  'google-gemini-api': 'the Gemini API',
  mistral: 'Mistral',
  cohere: 'Cohere',
  together: 'Together AI',
  fireworks: 'Fireworks AI',
};

/** One provider word (longest spellings first). */
const PROVIDER = String.raw`(?:(?:microsoft\s+)?azure(?:\s+(?:openai|ai\s+foundry|foundry|cloud))?|microsoft\s+foundry|aws|amazon(?:\s+web\s+services)?|(?:aws\s+|amazon\s+)?bedrock|gcp|google\s+cloud(?:\s+platform)?|(?:google\s+(?:cloud\s+)?)?vertex(?:\s+ai)?|openai(?:\s+api)?|anthropic(?:\s+api)?|gemini\s+api|(?:google\s+)?ai\s+studio|mistral(?:\s+api)?|cohere|together\s+ai|fireworks(?:\s+ai)?)`;
/**
 * What may follow a provider named as a limit: the end of the clause, a cloud word, a region, or a scope that is the
 * model or its data ("only Azure for the model"), not a product or a predicate ("only use AWS S3", "Microsoft Teams",
 * "only OpenAI has worked", "only AWS for storage").
 */
const LIMIT_ENDS = String.raw`(?=\s*(?:[.,;:!?)(—–-]|$)|\s+(?:cloud|account|tenant|regions?|subscription|environment|only|and|or|but|so|because|since|as|is|are|were|was|in\s+(?:the\s+)?(?:eu|us|uk|europe|[a-z]+\s+(?:region|south|north|east|west|central))|(?:eu|us|uk)\b|for\s+(?:all|every(?:thing)?|this|that|ai|ml|llms?|(?:the|our)\s+(?:model|llm|ai|ml|data|inference|training|project|use\s+case))\b|(?:regions?|data\s?cent(?:er|re)s?)\b))`;
/** One or more providers: "Azure", "AWS or GCP", "OpenAI and Azure". */
const PROVIDERS = String.raw`${PROVIDER}(?:\s*(?:,|\/|\band\b|\bor\b|&|\+)\s*${PROVIDER}){0,3}`;
/** Two or more providers: "OpenAI and Anthropic", "AWS, Azure or GCP". */
const SEVERAL_PROVIDERS = String.raw`${PROVIDER}(?:\s*(?:,|\/|\band\b|\bor\b|&|\+)\s*${PROVIDER}){1,3}`;
const LIMIT_NOUN = String.raw`(?:(?:cloud|ai|llm|model)\s+)?(?:cloud|vendor|provider|platform|hyperscaler|supplier)s?`;
const APPROVED = '(?:approved|allowed|permitted|sanctioned|authori[sz]ed|whitelisted|contracted)';

const LIMITED_TO = new RegExp(
  [
    // "we can only use Azure", "we're only allowed to use AWS", "only Azure", "only on GCP".
    String.raw`(?<!\bnot\s)\b(?:only|solely|exclusively)\s+(?:(?:use|run\s+(?:on|in)|deploy\s+(?:on|in|to)|be\s+on|work\s+with|go\s+through|be\s+allowed\s+to\s+use|allowed\s+to\s+use|allowed|approved\s+(?:for|to\s+use))\s+)?(?:on\s+|in\s+|through\s+|via\s+)?(?:the\s+)?(${PROVIDERS})\b${LIMIT_ENDS}`,
    // "we're allowed to use only Azure".
    String.raw`\b(?:use|run\s+on|deploy\s+on|allowed)\s+only\s+(?:the\s+)?(${PROVIDERS})\b${LIMIT_ENDS}`,
    // "our company only works with Microsoft Azure", "we only run it on Azure".
    String.raw`\b(?:only\s+(?:works?|work)\s+with|only\s+run\s+(?:it|them|this|everything)\s+(?:on|in))\s+(?:the\s+)?(${PROVIDERS})\b${LIMIT_ENDS}`,
    // "the only cloud we're allowed is Azure", "the only vendor we may use is AWS".
    String.raw`\b(?:our|the)\s+only\s+(?:${APPROVED}\s+)?${LIMIT_NOUN}\s+(?:we(?:'re|\s+are)\s+allowed(?:\s+to\s+use)?|we\s+(?:may|can)\s+use)\s+(?:is|are)\s+(?:the\s+)?(${PROVIDERS})\b`,
    // "Azure-only", "an AWS only shop".
    String.raw`\b(${PROVIDERS})[\s-]only\b`,
    // "our only approved cloud is Azure", "the only vendor we may use is AWS".
    String.raw`\b(?:our|the)\s+only\s+(?:${APPROVED}\s+)?${LIMIT_NOUN}\s+(?:(?:we\s+(?:may|can)\s+use|allowed)\s+)?(?:is|are)\s+(?:the\s+)?(${PROVIDERS})\b`,
    // "Azure is our only approved cloud", "AWS is the only provider we can use".
    String.raw`\b(${PROVIDERS})\s+(?:is|are)\s+(?:our|the)\s+only\s+(?:${APPROVED}\s+)?${LIMIT_NOUN}\b`,
    // "Policy: we can only use Azure (it's our only approved cloud…)" is covered above; "we're an AWS shop".
    String.raw`\bwe(?:'re|\s+are)\s+(?:an?\s+)?(?:all[\s-]in\s+on\s+|(?:100%|fully|entirely|strictly)\s+)?(${PROVIDERS}|microsoft)(?:[\s-]only)?\s+(?:shop|house)\b`,
    // "we're locked into AWS", "contractually tied to Azure" (of a cloud or vendor; a model lock is another field).
    String.raw`\b(?:locked|tied|bound|committed|restricted|limited)\s+(?:in)?to\s+(?:the\s+)?(${PROVIDERS})\b(?!\s+(?:models?|gpt))`,
    // "everything has to stay in GCP", "all data must stay within Azure".
    String.raw`\b(?:everything|all\s+(?:of\s+)?(?:our\s+|the\s+)?(?:data|workloads?|traffic))\s+(?:has\s+to|must|needs\s+to|should)\s+(?:stay|remain|run|live)\s+(?:in|on|within|inside)\s+(?:our\s+)?(${PROVIDERS})\b`,
    // "the summaries may only go to Azure", "data can only be processed in AWS".
    String.raw`\b(?:may|can|must|should)\s+only\s+(?:go|be\s+(?:sent|processed|stored|hosted|uploaded)|live|run|stay)\s+(?:to|in|on|through|within|inside)\s+(?:the\s+)?(${PROVIDERS})\b`,
    // "they may go to Azure in the Brazil South region, nowhere else".
    String.raw`\b(?:may|can|could)\s+(?:go|be\s+(?:sent|processed|stored|hosted|uploaded))\s+(?:only\s+)?(?:to|in|on|through)\s+(?:the\s+)?(${PROVIDERS})\b[^.;!?\n]{0,50}?,?\s*(?:nowhere|no\s?where|no\s+one|nothing)\s+else\b`,
    // "data can't leave our AWS account", "nothing may leave our Azure tenant": the team's own cloud account is the
    // limit (not the premises: renting there is fine).
    String.raw`\b(?:can't|cannot|can\s+not|may\s+not|must\s+not|mustn't|never|not\s+allowed\s+to)\s+(?:ever\s+)?leave\s+(?:our\s+|the\s+)?(?:own\s+)?(${PROVIDERS})\s+(?:account|tenant|subscription|vpc|environment|region|cloud)s?\b`,
    // "actually we can use AWS too", "we may also use OpenAI's API": one more provider (the chat adds it to the list).
    String.raw`\b(?:we\s+)?(?:can|may|could|are\s+allowed\s+to)\s+(?:also\s+)?use\s+(?:the\s+)?(${PROVIDERS})(?:'s\s+api)?\s+(?:too|as\s+well)\b|\b(?:we\s+)?(?:can|may|are\s+allowed\s+to)\s+also\s+use\s+(?:the\s+)?(${PROVIDERS})\b`,
    // "BOTH OpenAI and Anthropic are allowed, not just Anthropic", "both Azure and AWS are approved": the list, said again.
    String.raw`\bboth\s+(${SEVERAL_PROVIDERS})\s+(?:are|were)\s+(?:${APPROVED}|(?:fine|ok(?:ay)?)\s+to\s+use)\b|\b(${SEVERAL_PROVIDERS})\s+(?:are|were)\s+(?:both\s+)?${APPROVED}\b(?=[^.;!?\n]{0,30}\bnot\s+(?:just|only)\b)`,
    // "We can use OpenAI and Anthropic.": the providers the team may use, listed (two or more, nothing after them).
    String.raw`(?<!\b(?:doubt|not\s+sure|unsure|don't\s+think|do\s+not\s+think|wonder(?:ing)?\s+(?:if|whether)|whether|if|ask(?:ing)?\s+(?:if|whether))\s+)\bwe\s+(?:can|may|are\s+allowed\s+to)\s+use\s+(?:the\s+)?(${SEVERAL_PROVIDERS})(?:'s?\s+apis?)?(?=\s*(?:[.;!]|$))`,
    // "Azure, no other vendors", "we use Bedrock and no other cloud".
    String.raw`\b(${PROVIDERS})\b[^.;!?\n]{0,40}?(?:,|\band\b|\(|-)\s*(?:and\s+)?no\s+other\s+${LIMIT_NOUN}\b`,
  ].join('|'),
  'g',
);

/**
 * "no longer limited to Azure", "any cloud provider is fine now": the team may use any provider (a limit lifted; a
 * model lock lifted, "no longer tied to Llama", is not one).
 */
export const PROVIDERS_LIFTED = new RegExp(
  [
    String.raw`\bno\s+longer\s+(?:limited|restricted|locked|tied)\s+to\s+(?:one\s+(?:cloud|vendor|provider)|a\s+single\s+(?:cloud|vendor|provider)|(?:the\s+)?(?:${PROVIDER}|google|amazon|microsoft)\b)`,
    String.raw`\bany\s+(?:(?:cloud|ai|llm)\s+)?(?:cloud|vendor|provider)s?(?:\s+or\s+(?:cloud|vendor|provider)s?)?\s+(?:is|are|would\s+be)\s+(?:fine|ok|okay|allowed|acceptable)\b`,
    String.raw`\b(?:we\s+(?:can|may)\s+use|free\s+to\s+use)\s+any\s+(?:cloud|vendor|provider)\b`,
    // "OpenAI isn't a hard rule, it's just what we happen to use", "we're NOT limited to OpenAI".
    String.raw`\b(?:${PROVIDER}|google|amazon|microsoft)\s+(?:isn't|is\s+not|was\s+not|wasn't)\s+(?:a\s+|really\s+a\s+)?(?:hard\s+|strict\s+|firm\s+)?(?:rule|requirement|constraint|must|policy|limit)\b|\b(?:not|aren't|are\s+not|we're\s+not)\s+(?:really\s+)?(?:limited|restricted|locked|tied)\s+to\s+(?:the\s+)?(?:${PROVIDER}|google|amazon|microsoft)\b|\bjust\s+what\s+we\s+(?:happen\s+to\s+)?use\b`,
  ].join('|'),
);

/** The catalog names a span of provider words names ("AWS or GCP" → two). */
function providersIn(span: string): string[] {
  const names: string[] = [];
  for (const word of span.split(/\s*(?:,|\/|\band\b|\bor\b|&|\+)\s*/)) {
    const spelled = word.trim().replace(/\s+/g, ' ');
    const name = PROVIDER_WORDS.find(([pattern]) => pattern.test(spelled))?.[1];
    if (name !== undefined && !names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * A limit only weighed or denied in its own clause: "if we could only use Azure", "we're not limited to AWS" (not "we
 * don't have GPUs, we can only use Azure").
 */
const WEIGHED_OR_DENIED_BEFORE =
  /\b(?:if|whether|what\s+if|suppose|not|no\s+longer|isn't|aren't|wasn't|weren't|don't|doesn't|never)\b[^.;:,!?\n]{0,25}$/;
/**
 * "…but happy to use any vendor", "…but not limited to it": no exclusive limit. ("…but we can use OpenAI's API too"
 * adds OpenAI to the limit: the addition is read on its own and joined to it.)
 */
const BUT_NOT_EXCLUSIVE =
  /^[^.;!?\n]{0,60}?\b(?:but|though|although|yet)\b[^.;!?\n]{0,50}?\b(?:any\s+(?:other\s+)?(?:vendor|cloud|provider|model|api)|not\s+(?:limited|restricted|locked|tied|exclusive)|other\s+(?:vendors|clouds|providers))/;

export const extractAllowedProviders: Extractor = (message) => {
  const { lower } = message;
  const findings: Finding[] = [];
  for (const match of allMatches(LIMITED_TO, lower)) {
    const span = match.slice(1).find((group) => group !== undefined);
    if (span === undefined) continue;
    if (WEIGHED_OR_DENIED_BEFORE.test(lower.slice(Math.max(0, match.index - 30), match.index))) continue;
    if (BUT_NOT_EXCLUSIVE.test(lower.slice(match.index + match[0].length, match.index + match[0].length + 120)))
      continue;
    const names = providersIn(span);
    if (names.length > 0) findings.push(findingFromMatch('allowedProviders', names, match));
  }
  // "We can only use Azure. We may also use OpenAI directly.": a limit and an addition in one message are one list.
  const isAddition = (item: Finding) => PROVIDER_ADDED.test(lower.slice(item.start, item.end));
  const limits = findings.filter((item) => !isAddition(item));
  if (limits.length === 0 || limits.length === findings.length) return findings;
  const last = limits[limits.length - 1] as Finding;
  const union = [...new Set(findings.flatMap((item) => item.value as string[]))];
  return [...limits.slice(0, -1), { ...last, value: union }];
};

/** The words of an addition to the providers a team may use ("we can use AWS too", "we may also use OpenAI"). */
export const PROVIDER_ADDED = /\b(?:too|also|as\s+well)\b/;
