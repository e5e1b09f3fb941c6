/**
 * @module Whether the advice may propose another model (`canSwitchModel`): "we can switch models" → true, "we must
 * stay on GPT-4o" → false.
 */
import { allMatches, findingFromMatch, isNegatedBefore } from '../prepare-message.ts';
import type { Extractor, Finding } from '../types.ts';

/** The model may change: "we can switch models", "free to pick any model", "switching providers is fine". */
const CAN_SWITCH = new RegExp(
  [
    // "whatever is cheapest, we're not attached to anything", "not married to GPT-4o".
    String.raw`(?:not|aren't|isn't|we're\s+not)\s+(?:really\s+)?(?:attached|married|tied|wedded)\s+to\s+(?:any(?:thing|\s+(?:model|vendor|provider))?|a\s+(?:particular|specific)\s+(?:model|vendor|provider)|(?:gpt|claude|gemini|llama|qwen|mistral)[\w.-]*)`,
    // "we're on gpt-4o mini but nobody's attached to it".
    String.raw`(?<=\b(?:gpt|claude|gemini|llama|qwen|mistral|model|llm)[\w.-]*\b[^.;!?\n]{0,60}?)(?:nobody|no\s?one)(?:'s|\s+is)\s+(?:really\s+)?(?:attached|married|tied|wedded)\s+to\s+(?:it|that|this|the\s+model|(?:gpt|claude|gemini|llama|qwen|mistral)[\w.-]*)`,
    // "running mistral 7b on them i think, but we can swap it".
    String.raw`(?<![\w.-])(?:gpt-?\d[\w.-]{0,10}|claude(?:\s+\w+)?|gemini(?:\s+[\d.]+)?|llama\s?[\d.]+(?:\s+\d+b)?|mistral(?:\s+\d+b)?|mixtral|qwen[\d.]*(?:\s+\d+b)?|phi-?\d[\w.-]{0,8}|gemma(?:\s?\d)?(?:\s+\d+b)?)\b[^.;!?\n]{0,40}?\b(?:but|and|though)\s+(?:we|i)\s+(?:can|could)\s+(?:swap|replace|change|switch)(?:\s+(?:it|that))?(?:\s+out)?(?=\s*(?:[.,;!?]|$)|\s+(?:if|when)\b)`,
    String.raw`(?:we\s*)?(?:can|could|(?:are|'re)\s+(?:free|open|happy|willing)\s+to|don't\s+mind\s+(?:switching|changing))\s+(?:(?:switch(?:ing)?|chang(?:e|ing)|mov(?:e|ing))(?:\s*(?:the\s+|our\s+|to\s+(?:a\s+|another\s+)?)?(?:models?|llms?|providers?|vendors?)\b|(?=\s*(?:[,.;!?)]|$|\s+(?:if|when|it|them|again|over|off\s+(?:of\s+)?(?:gpt|claude|gemini|llama|qwen|mistral|mixtral|phi|gemma|nova|command|it|that|this)|to\s+(?:a|an|another|something|whatever|any|open|self[\s-]hosted|[\w.-]*\d))\b)))|us(?:e|ing)\s+(?:a\s+)?(?:different|another|other)\b)`,
    String.raw`(?:not\s+(?:married|tied|locked)\s+to|no\s+attachment\s+to)\s+(?:the\s+|this\s+|any\s+|a\s+)?(?:model|provider|vendor|\w+)`,
    // "we'd rather stay with openai if possible but not religious about it", "not dogmatic about the vendor".
    String.raw`\bnot\s+(?:(?:really|too|that|super)\s+)?(?:religious|dogmatic|precious|fussed|hung\s+up|wedded)\s+(?:about|on|to)\s+(?:it|that|this|the\s+(?:model|vendor|provider)|(?:openai|anthropic|google|gpt|claude|gemini|llama|qwen|mistral)[\w.-]*)\b`,
    String.raw`(?:free|open|happy|willing|fine)\s+to\s+(?:pick|choose|use|try|go\s+with)\s+(?:any|another|a\s+different|whatever|whichever|other)\s+(?:\w+\s+)?(?:models?|llms?)`,
    String.raw`(?:switching|changing|moving)\s+(?:the\s+|our\s+)?(?:models?|llms?|providers?|vendors?)\s+(?:is|would\s+be)\s+(?:(?:totally|completely|perfectly)\s+)?(?:fine|ok|okay|an\s+option|possible|on\s+the\s+table|no\s+problem)`,
    String.raw`(?:any|whichever|whatever)\s+(?:(?:open|open[\s-]weights?|other|decent|good)\s+)?model\s+(?:works|is\s+fine|is\s+ok|will\s+do|you\s+(?:suggest|recommend))`,
    String.raw`(?:don't|do\s+not)\s+care\s+(?:about\s+(?:the\s+)?model(?:\s+(?:brand|vendor|provider))?|(?:which|what)\s+model)|no\s+(?:strong\s+)?preference\s+(?:on|for)\s+(?:the\s+)?model|model[\s-]agnostic`,
    String.raw`open\s+to\s+(?:other|another|a\s+different|switching|changing)\s+(?:models?|llms?|providers?)`,
    // "considering Llama 3.2 1B or Qwen2.5 1.5B, open to either or something else".
    String.raw`\bopen\s+to\s+(?:either|any|both)(?:\s+(?:one|of\s+them))?(?:\s*,?\s+or\s+(?:something|anything)\s+(?:else|better))?`,
    // "Model is Mistral 7B but honestly we can swap it if something's better".
    String.raw`\b(?:model|llm)\b[^.;!?\n]{0,60}?\b(?:we|i)\s+(?:can|could|are\s+free\s+to|'re\s+free\s+to)\s+(?:swap|replace|change|switch)\s+(?:it|that|them)(?:\s+out)?\s+(?:if|when)\b|\b(?:we|i)\s+(?:can|could)\s+(?:swap|replace|change|switch)\s+the\s+model(?:\s+out)?\s+(?:if|for|when)\b`,
    // "yes open to switching if we have to", "open to changing": switching as such, said in reply.
    String.raw`(?:^|[\s,.;:-])(?:(?:yes|yeah|yep|sure|ok(?:ay)?)[,\s]+)?(?:we(?:'re|\s+are)\s+)?open\s+to\s+(?:switching|changing|moving)(?=\s*(?:$|[,.;!]|\s+(?:if|when|but|though|as\s+long)\b))`,
    String.raw`(?:happily|gladly|happy\s+to|willing\s+to|glad\s+to)\s+(?:switch|move|migrate)\s+(?:to|over\s+to)\s+(?:a|an|another|some)\b`,
    String.raw`(?:can|could)\s+(?:swap|replace)\s+(?:the\s+|our\s+)?model(?:\s+(?:entirely|out|completely))?`,
    // "we're not locked into mistral after all, happy to move to whatever fits".
    String.raw`\b(?:not|no\s+longer)\s+(?:locked|tied|stuck)\s+(?:in)?to\s+(?:[\w.-]+\s+){1,3}?(?:after\s+all|anymore|any\s+more)\b|\bhappy\s+to\s+(?:move|switch|change)\s+to\s+(?:whatever|anything|another|a\s+different)\b`,
    String.raw`(?:fine|ok|okay|happy)\s+with\s+(?:switching|changing|moving)\s+(?:to\s+)?(?:something|another|a\s+different|any)`,
    String.raw`(?:we(?:'re|\s+are)\s+)?open\s+to\s+(?:anything|any\s+model|whatever\s+works)`,
    // "open to moving to a model we can fine-tune", "open to a modern LLM", "fine with any other model".
    String.raw`open\s+to\s+(?:moving|switching|changing|migrating)\s+to\s+(?:a|an|another|any|some)\b|open\s+to\s+(?:a|an)\s+(?:modern|newer|different|better|bigger|smaller|open(?:[\s-]weights?)?)\s+(?:llm|model)|(?:fine|ok|okay|happy)\s+with\s+any\s+(?:other\s+)?(?:model|llm)`,
    // "deciding whether to keep o4-mini or move to something self hosted, open to either".
    String.raw`\b(?:keep|stay\s+(?:on|with))\s+[\w.-]+(?:\s+[\w.-]+){0,2}?\s+or\s+(?:move|switch|go|migrate)\s+to\b[^.;!?\n]{0,60}?\b(?:open\s+to\s+(?:either|both)|either\s+(?:is\s+fine|works|way))`,
    // "another model is fine", "a different model is ok if it can run in the EU".
    String.raw`(?:another|a\s+different|a\s+smaller|an\s+open(?:[\s-]weights?)?|other)\s+(?:model|llm)s?\s+(?:is|are|would\s+be)\s+(?:(?:totally|completely|perfectly|also)\s+)?(?:fine|ok|okay|allowed|acceptable|an\s+option)`,
    // "not attached to the model at all", "the model doesn't matter to us, pick whatever".
    String.raw`not\s+(?:really\s+|at\s+all\s+)?(?:attached|wedded|committed)\s+to\s+(?:the\s+|this\s+|our\s+|any\s+)?(?:model|llm|provider|vendor)`,
    String.raw`(?:the\s+)?(?:model|llm)\s+(?:doesn't|does\s+not|don't)\s+(?:really\s+)?matter`,
    // ("we're allowed to use any model, doesnt have to be openai".)
    String.raw`(?<!\b(?:embeddings?|embedder|retriever|reranker|index|search|ocr|vectors?)\s)(?:doesn't|does\s+not|doesnt|don't|dont|needn't)\s+(?:have|need)\s+to\s+be\s+(?:an?\s+|from\s+)?(?:openai|anthropic|google|gpt|claude|gemini|llama|qwen|mistral)[\w.-]*`,
    String.raw`(?:we|you)(?:'re|\s+are)?\s+(?:can|could|allowed\s+to|free\s+to|permitted\s+to)\s+(?:pick|choose|use)\s+(?:whatever|any|whichever)\s+(?:open(?:[\s-]weights?)?\s+|small(?:er)?\s+)?(?:model|llm)`,
    String.raw`(?:fine|ok|okay|happy|open)\s+(?:with\s+)?(?:moving|switching|changing|going)\s+to\s+(?:something|another|a\s+different|a\s+smaller|any)`,
    // "no model picked yet", "haven't chosen a model": the advice may pick one.
    String.raw`\bno\s+(?:model|llm)\s+(?:picked|chosen|selected|decided(?:\s+on)?|settled(?:\s+on)?)\s+yet\b|\b(?:haven't|have\s+not|havent|didn't|did\s+not)\s+(?:yet\s+)?(?:picked|chosen|selected|decided\s+on|settled\s+on)\s+(?:a|the|any)\s+(?:model|llm)\b`,
    // "and yes you may switch models", "you can change the model".
    String.raw`(?:you|we)\s+(?:may|can|are\s+allowed\s+to|are\s+free\s+to)\s+(?:switch|change|swap)\s+(?:the\s+)?(?:models?|llms?)`,
    // "yes you can propose any model", "you may suggest a different model".
    String.raw`(?:you|we)\s+(?:may|can|could|are\s+(?:free|allowed|welcome)\s+to)\s+(?:propose|suggest|recommend|pick|choose)\s+(?:any|another|a\s+different|whatever|whichever|other|a\s+new)\s+(?:\w+\s+)?(?:models?|llms?|one)`,
    // "we'd happily switch again if there's something better", "we'd switch if something fits better".
    String.raw`(?:we'd|we\s+would|i'd|i\s+would)\s+(?:happily\s+|gladly\s+|definitely\s+)?(?:switch|change|move)(?:\s+(?:again|models?))?\s+if\s+(?:there(?:'s|\s+is)|something|another|a\s+(?:better|cheaper|smaller|faster)|it(?:'s|\s+is)\s+(?:better|cheaper))\b(?![^.;!?\n]{0,80}\bbut\b[^.;!?\n]{0,60}\b(?:locked|stuck|must\s+stay|contract|not\s+allowed))`,
    // "which model do we move the fine-tune to?", "what should we migrate it to": the team means to move.
    // (Not beside a model the team must keep: "…, given we must stay on GPT-4o mini?".)
    String.raw`(?:which|what)\s+(?:other\s+)?(?:model|llm)\s+(?:should|do|can|could|would|shall)\s+(?:we|i)\s+(?:move|migrate|switch|port|re-?train|re-?tune)\s+(?:(?:it|this|that|them|the\s+[\w-]+(?:\s+[\w-]+)?|our\s+[\w-]+(?:\s+[\w-]+)?)\s+)?(?:over\s+)?(?:to|onto)\b(?![^.;!?\n]{0,60}\b(?:must|have\s+to|has\s+to|need\s+to)\s+(?:stay|keep|remain)\b)`,
    // "actually we're allowed to switch models".
    String.raw`(?:we're|we\s+are|we've\s+been|i'm|i\s+am)\s+(?:actually\s+|now\s+)?(?:allowed|permitted|free|cleared)\s+to\s+(?:switch|change|move)\s+(?:models?|llms?|providers?|vendors?)`,
    // "thinking of distilling into a small open model we host ourselves": the model is meant to change.
    String.raw`distil(?:l)?(?:ing|s)?\s+(?:it\s+|this\s+|that\s+|them\s+)?(?:down\s+)?(?:in)?to\s+(?:a|an|our\s+own|some)\s+(?:(?:small|smaller|tiny|cheap|cheaper|open|open[\s-]weights?|open[\s-]source|self[\s-]hosted|local|\d+(?:\.\d+)?\s?b)\s+){1,3}(?:model|student|llm|one)`,
    // "Can we switch models? yes.", "we want an open-weight model we control" (said of the model they use now).
    String.raw`(?:can|could|may)\s+(?:we|you)\s+(?:switch|change)\s+(?:the\s+)?models?\s*\?\s*(?:yes|yeah|yep|sure|absolutely)`,
    String.raw`(?:we|i)\s+(?:want|need|would\s+like|'d\s+like|prefer)\s+(?:to\s+(?:move\s+to|use)\s+)?an?\s+open[\s-]?(?:weights?|source)\s+(?:model|llm)`,
    // "we could consider an open model we host ourselves", "we would be open to an open-weight model".
    String.raw`(?:could|would|might|'d)\s+(?:also\s+)?(?:consider|be\s+open\s+to)\s+(?:an?\s+|some\s+)?(?:open[\s-]?(?:weights?|source)?|other|another|different|self[\s-]hosted)\s+(?:[\w-]+\s+)?(?:model|llm)s?`,
  ]
    .map((source) => String.raw`\b(?:${source})\b`)
    .join('|'),
  'g',
);

/** Where a team stays without it being a model: "we must stay on our servers", "stay on-prem". */
const NOT_A_MODEL = String.raw`(?![\w-]*prem|(?:our|the|your)\s+(?:own\s+)?(?:servers?|premises|infra\w*|hardware|network|site|datacenter|cloud|region)|(?:hospital|trust|clinic|bank|company|university|hpc)\s+(?:servers?|hardware|infra\w*|clusters?)|site\b|the\s+premises|eu\b)`;

/** Words that name a model or its maker: "keep using GPT-4o", "keep using the same model". */
const MODEL_WORD =
  '(?:models?|llms?|providers?|vendors?|gpt|claude|gemini|llama|mistral|mixtral|qwen|phi|gemma|deepseek|command|openai|anthropic|azure|bedrock|vertex)';

/** The model may not change: "we must stay on GPT-4o", "have to keep using Claude", "locked into Azure OpenAI". */
const CANNOT_SWITCH = new RegExp(
  [
    // "we're sticking with llama 3.1 8b, … switching isn't an option" (x65).
    String.raw`\b(?:switching|changing)\s+(?:(?:the\s+)?(?:models?|llms?)\s+)?(?:isn't|is\s+not|wouldn't\s+be|is\s+never)\s+(?:an\s+|really\s+an\s+)?option\b|\b(?:we're|we\s+are)\s+sticking\s+with\s+${NOT_A_MODEL}[^.;!?\n]{0,60}?\b(?:only\s+one|approved|no\s+choice|mandated|required)\b`,
    String.raw`(?:must|have\s+to|need\s+to|has\s+to|got\s+to)\s+(?:stay|stick|remain)\s+(?:on|with)\s+${NOT_A_MODEL}`,
    // "I don't think we can switch, legal already approved claude sonnet".
    String.raw`(?:don't|do\s+not|dont)\s+think\s+(?:we|i)\s+(?:can|could|are\s+allowed\s+to)\s+(?:switch|change|move)(?:\s+(?:away\s+from|off|from)\s+(?:it|that|this)|\s+(?:the\s+|our\s+)?${MODEL_WORD}|(?=\s*(?:[,.;!?]|$)))`,
    // "we are not allowed to switch away from gpt-4o", "we can't move off Claude".
    String.raw`(?:not\s+allowed\s+to|can't|cannot|can\s+not|may\s+not|mustn't|must\s+not)\s+(?:switch|move|migrate|change)\s+(?:away\s+from|off(?:\s+of)?|from)\s+(?:the\s+|our\s+)?${MODEL_WORD}`,
    String.raw`(?:must|have\s+to|need\s+to|has\s+to|got\s+to)\s+(?:keep|continue)\s+(?:using|with|on)\s+(?:the\s+|our\s+|this\s+)?(?:same\s+|current\s+)?${MODEL_WORD}`,
    String.raw`(?:can't|cannot|can\s+not|not\s+allowed\s+to|aren't\s+allowed\s+to|no\s+way\s+(?:we\s+)?(?:can|to))\s+(?:switch|change|move\s+off|replace)\s+(?:the\s+|our\s+|this\s+)?(?:models?|llms?|providers?|vendors?|gpt|claude|gemini|llama|qwen|mistral)`,
    String.raw`(?:locked|stuck|tied)\s+(?:into|(?:in\s+)?(?:to|with|on))\s+(?:the\s+|this\s+|our\s+)?(?:model|\w+)`,
    String.raw`(?:compliance|legal|procurement|security)\s+(?:has\s+)?(?:approved|validated|signed\s+off\s+on)\s+only|only\s+(?:approved|allowed|validated)\s+model`,
    String.raw`(?:the\s+)?model\s+is\s+(?:fixed|locked|mandated|non[\s-]negotiable)`,
    // "can't change models", "no switching", "procurement says we stay on it".
    String.raw`(?:can't|cannot|can\s+not)\s+(?:switch|change)\s+(?:models?|llms?|providers?)`,
    // "we can't move off Anthropic", "we're on Mistral 7B and staying there".
    String.raw`(?:can't|cannot|can\s+not|won't)\s+move\s+(?:off|away\s+from)\s+${MODEL_WORD}`,
    // "we're not switching off llama 3.3 70b, the whole infra is built around it".
    String.raw`(?:we're|we\s+are|i'm|i\s+am)\s+not\s+(?:switching|moving|migrating)\s+(?:off(?:\s+of)?|away\s+from|from)\s+(?:the\s+|our\s+)?${MODEL_WORD}`,
    String.raw`(?:and|but)\s+(?:we're\s+|we\s+are\s+)?staying\s+(?:there|on\s+it|with\s+it)`,
    // "we'd rather stay with openai tbh", "we'd prefer to stick with Claude".
    // (Not a condition, "if fine-tuning works", nor hosting with the model left open: "… for hosting, but the model can be
    // anything".)
    String.raw`(?:we'd|we\s+would|i'd|i\s+would)\s+(?:much\s+)?(?:rather|prefer\s+to)\s+(?:stay|stick|remain)\s+(?:with|on)\s+(?:${MODEL_WORD}|openai|anthropic|google|them|it)\b(?![^.;!?\n]{0,30}\b(?:if|unless|for\s+(?:hosting|serving|infra\w*|compute|storage))\b)(?![^.;!?\n]{0,60}\bmodel\s+(?:itself\s+)?can\s+be\b)`,
    // "we're on GPT-4o mini through the API and that's staying" (said of a model: "a $500 budget and that's not
    // changing" keeps the budget).
    String.raw`\b(?:gpt[\w.-]{0,16}|claude|gemini|llama|qwen|mistral|mixtral|gemma|phi[\w.-]{0,8}|nova|deepseek|(?:the|that|this|our)\s+model)\b[^.;!?\n]{0,60}?\s(?:and|but)\s+(?:that's|that\s+is|it's|it\s+is)\s+(?:staying|not\s+changing|not\s+going\s+(?:anywhere|to\s+change))(?=\s*(?:[,.;!—–-]|$))`,
    String.raw`no\s+(?:model\s+)?(?:switching|changing\s+(?:the\s+)?models?)`,
    // "the model stays, the compliance review took 6 months".
    String.raw`(?:the|our)\s+model\s+stays(?:\s+(?:as\s+it\s+is|put|the\s+same))?(?=\s*(?:[,.;!]|$))`,
    // "procurement won't let us move to another model", "the CTO says we stay on Llama 3.1 8B".
    String.raw`(?:won't|will\s+not|doesn't|does\s+not|don't|do\s+not)\s+let\s+us\s+(?:move|switch|change|go)\s+(?:to\s+|off\s+)?(?:another|a\s+different|any\s+other|other)\s+(?:models?|llms?|providers?|vendors?)`,
    String.raw`says?\s+we\s+(?:stay|remain|stick)\s+(?:on|with)\s+${MODEL_WORD}`,
    // "we're on Nova Micro through Bedrock and have to keep it there".
    String.raw`(?:have|has|need|needs)\s+to\s+(?:keep|stay\s+on)\s+(?:it|that\s+model|this\s+model)(?:\s+(?:there|where\s+it\s+is))?(?=\s*(?:[,.;!]|$))`,
    // "nope, can't switch, we're contractually on Gemini 2.5 Flash" (the reply to whether the model may change).
    String.raw`(?:can't|cannot|can\s+not)\s+(?:switch|change)(?=\s*(?:[,.;!]|$))`,
    String.raw`contractually\s+(?:on|bound\s+to|tied\s+to|locked\s+(?:in)?to|committed\s+to|stuck\s+(?:on|with))`,
    // "stay on the 70B please, don't switch".
    String.raw`(?:please\s+)?(?:don't|do\s+not|dont)\s+switch(?:\s+(?:models?|the\s+model))?(?=\s*(?:[,.;!]|$))`,
    String.raw`stay\s+on\s+the\s+\d+(?:\.\d+)?\s?b\b`,
    // "stay on gpt-4.1 mini", "we're staying on Claude": a model named after "stay on".
    String.raw`(?<!\b(?:don't|do\s+not|dont|not|rather\s+not|won't|rather|prefer\s+to|ideally|preferably|hopefully)\s+(?:want\s+to\s+|need\s+to\s+|have\s+to\s+)?)(?:we(?:'ll|\s+will)?\s+|let's\s+|please\s+|(?:we're|we\s+are)\s+)?stay(?:ing)?\s+(?:on|with)\s+(?:gpt|claude|gemini|llama|qwen|mistral|mixtral|gemma|phi-?\d|command[\s-]r|nova|o\d)\b[\w.-]*`,
    String.raw`(?:it's|it\s+is)\s+the\s+(?:one|model)\s+(?:that's|that\s+is|we're|we\s+are)\s+(?:certified|approved|validated|allowed)`,
    // "we must start from the base checkpoint" (not the vendor's instruct one): these weights, no other.
    String.raw`(?:must|have\s+to|need\s+to|has\s+to|got\s+to)\s+(?:start|begin|train|work)\s+(?:from|with|on)\s+(?:the\s+|our\s+)?base\s+(?:checkpoint|model|weights)`,
    String.raw`(?:must|have\s+to|has\s+to)\s+use\s+(?:[\w.-]+\s+){1,4}?(?:because|since|as)\s+(?:it(?:'s|\s+is)\s+)?(?:what(?:'s|\s+is)\s+)?(?:approved|mandated|the\s+only\s+(?:approved|allowed))`,
  ]
    .map((source) => String.raw`\b(?:${source})\b`)
    .join('|'),
  'g',
);

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
