/**
 * @module Data residency: "data can't leave our datacenter", "air-gapped", "must stay on-prem" → true;
 * "cloud is fine" → false.
 */
import { allMatches, findingFromMatch, isNegatedBefore, sentenceAround } from '../prepare-message.ts';
import type { Extractor, Finding } from '../types.ts';

/** "nothing", "none of it", "no data": no part of the data (a subject that waives a rule to stay). */
const NOTHING_HELD = String.raw`\b(?:nothing|none\s+of\s+(?:it|this|that|them|(?:the|our|their)\s+(?:[\w-]+\s+){0,2}[\w-]+)|no\s+(?:[\w-]+\s+)?(?:data|part\s+of\s+(?:it|the\s+data)|files?|records?|documents?))`;
/** "… except the patient records", "other than the contracts": a part of the data kept back from a waiver. */
const EXCEPT_AFTER =
  /^[^.;!?\n]{0,20}?\b(?:except|apart\s+from|aside\s+from|other\s+than|besides|but\s+(?:not\s+)?the|save\s+for)\b/;
const NOTHING_HELD_BEFORE = new RegExp(`${NOTHING_HELD}\\s*$`);

const PREMISES = String.raw`(?:(?:our|the|this)\s+)?(?:own\s+)?(?:(?:two|three|four|several|\d{1,2}|on[\s-]?prem(?:ise|ises)?|in[\s-]house|private|trust|hospital|bank|university|hpc|[a-z]{3,12}(?=\s+data\s?cent))\s+){0,2}(?:on[\s-]?prem(?:ise|ises)?\s+(?:cluster|gpus|hardware)|hpc\s+cluster|cloud\s+(?:account|tenant|vpc|subscription)|clusters?|hardware|data\s?cent(?:er|re)s?|premises|prem|network|servers?|building|infrastructure|infra|firewall|environment|vpc|walls|hospital|clinic|bank|company|site|country|machines?|offices?|labs?|campus|facility|facilities|plants?|factory|factories|warehouses?|shop\s+floor)`;
const STAYS = new RegExp(
  [
    String.raw`\b(?:can't|cannot|can\s+not|cant|must\s+not|mustn't|may\s+not|shouldn't|should\s+not|is\s+not\s+allowed\s+to|isn't\s+allowed\s+to|are\s+not\s+allowed\s+to|aren't\s+allowed\s+to|never|not\s+allowed\s+to|won't|will\s+never)\s+(?:ever\s+)?leave\s+${PREMISES}`,
    // "Data is not allowed go outside our datacenter" (the "to" left out).
    String.raw`\b(?:data|records|documents|files|it)\s+(?:is|are)\s+not\s+(?:allowed|permitted)\s+(?:to\s+)?(?:go|leave|be\s+sent|move)\s+(?:outside\s+(?:of\s+)?|out\s+of\s+|beyond\s+)?${PREMISES}`,
    String.raw`\b(?:must|has\s+to|have\s+to|needs?\s+to|gotta|got\s+to|should|will|to)\s+(?:stay|remain|be\s+kept|be\s+hosted|run|be)\s+(?:entirely\s+|strictly\s+|fully\s+)?(?:on[\s-]?prem(?:ise|ises)?|in[\s-]house|in\s+${PREMISES}|inside\s+${PREMISES}|within\s+${PREMISES}|on\s+(?:our|its|their)\s+(?:own\s+)?(?:hpc\s+)?(?:servers?|machines?|hardware|infrastructure|infra|premises|network|clusters?)|on\s+(?:hospital|trust|clinic|bank|company|university|in[\s-]house)\s+(?:servers?|hardware|infrastructure|clusters?)|behind\s+(?:our|the)\s+firewall|local(?:ly)?\b(?!\s+on\s+(?:the\s+|their\s+|each\s+|every\s+)?(?:players?'?|gamers?'?|users?'?|customers?'?|clients?'?|employees?'?|phones?|devices?|laptops?|pcs?|tablets?|consoles?|cars?|robots?|edge|head\s+units?|the\s+device)))`,
    String.raw`\bair[\s-]?gapped\b`,
    // "Nothing goes to OpenAI, data stays with us".
    String.raw`\b(?:data|it|everything)\s+(?:stays|remains)\s+with\s+us\b`,
    // "our MAS TRM obligations require that customer conversations remain in our Singapore data centres".
    String.raw`\b(?:require|requires|required|mandate|mandates|mandated|demand|demands)\s+that\s+(?:[\w-]+\s+){1,3}?(?:remain|stay|be\s+kept|be\s+processed|be\s+stored)\s+(?:in|within|inside|on)\s+${PREMISES}`,
    // "the owners really don't want them going to the cloud".
    String.raw`\b(?:don't|do\s+not|dont|doesn't|does\s+not|won't|wouldn't)\s+(?:really\s+)?want\s+(?:them|it|the\s+(?:data|notes|records|files|documents)|our\s+(?:data|notes|records|files|documents)|any\s+of\s+(?:it|them|this))\s+(?:going|sent|uploaded|leaving)\s+(?:up\s+)?(?:to|into|out\s+to)\s+(?:the\s+|a\s+|any\s+)?(?:cloud|internet|vendors?|third\s+parties|openai|an?\s+api)\b`,
    // "we'd rather not send unpublished stories to OpenAI".
    String.raw`\b(?:we'd|we\s+would|i'd|i\s+would)\s+(?:much\s+)?rather\s+not\s+send\s+(?:[\w-]+\s+){1,3}?to\s+(?:the\s+cloud|openai|anthropic|google|an?\s+(?:api|vendor|provider)|(?:any\s+)?(?:vendors?|providers?|third\s+parties))\b(?![^.;!?\n]{0,70}\b(?:not\s+a\s+(?:hard\s+|strict\s+)?(?:requirement|must|rule|blocker)|if\s+(?:we\s+can(?:\s+avoid\s+it)?|possible)|ideally)\b)`,
    // "can the whole thing stay in house, on our own servers?" (asked: read as a what-if), "could it all run on our laptops instead of the cloud?".
    String.raw`\b(?:the\s+whole\s+thing|it\s+all|everything|all\s+of\s+it)\s+(?:must|has\s+to|needs\s+to|have\s+to|should)\s+(?:stay|run|be\s+kept|be\s+hosted)\s+(?:in[\s-]house|on[\s-]?prem(?:ise|ises)?|locally|on\s+our\s+own\s+(?:servers?|hardware|machines?)|on\s+(?:one\s+of\s+)?our\s+(?:own\s+)?(?:laptops?|servers?|machines?|pcs?)(?:\s+instead\s+of\s+the\s+cloud)?)\b|\b(?:can|could)\s+(?:the\s+whole\s+thing|it\s+all|it|everything|this)\s+(?:stay|run|be\s+kept|be\s+hosted)\s+(?:in[\s-]house|on[\s-]?prem(?:ise|ises)?|locally|on\s+our\s+own\s+(?:servers?|hardware|machines?)|on\s+(?:one\s+of\s+)?our\s+(?:own\s+)?(?:laptops?|servers?|machines?|pcs?)(?:\s+instead\s+of\s+the\s+cloud)?)\b`,
    // "we must keep the customer questions in house", "can we keep the data on our own servers?".
    String.raw`\bkeep\s+(?:the\s+|our\s+|all\s+(?:the\s+|our\s+)?|every\s+)?(?:[\w-]+\s+){0,2}?(?:data|questions|records|documents|information|info|details|files|emails|conversations|chats|messages|reports)\s+(?:in[\s-]house|on[\s-]?prem(?:ise|ises)?|on\s+(?:our|the)\s+(?:own\s+)?(?:servers?|premises|hardware|network)|(?:inside|in)\s+(?:our|the)\s+(?:own\s+)?(?:building|office|data\s?cent(?:er|re)|network|walls|premises|clinic|hospital))\b`,
    // "no case data may leave our own servers", "nothing is allowed to leave our building anymore".
    String.raw`\bno\s+(?:[\w-]+\s+){0,2}?(?:data|records|documents|files|reports?|notes|tickets|emails|contracts|images|photos|scans|recordings|transcripts)\s+(?:may|can|must|should|is\s+allowed\s+to|will\s+ever)\s+(?:ever\s+)?leave\s+${PREMISES}`,
    String.raw`\bnothing\s+(?:(?:is|will\s+be)\s+(?:allowed|permitted)\s+to|may|can|must|should|will|gets\s+to)\s+(?:ever\s+)?leave\s+${PREMISES}`,
    // "Our data may under no circumstances leave our own servers", "data is not allowed out of company".
    String.raw`\b(?:data|it|records|documents)\s+(?:may|can|must)\s+(?:under\s+no\s+circumstances|in\s+no\s+case|never)\s+leave\s+${PREMISES}`,
    String.raw`\b(?:data|records|documents)\s+(?:is|are)\s+not\s+allowed\s+(?:out|outside)\s+(?:of\s+)?(?:the\s+|our\s+)?(?:company|building|premises|country|network|hospital)\b`,
    // "the data can not go out from our datacenter".
    String.raw`\b(?:data|it|nothing)\s+(?:can't|cannot|can\s+not|cant|must\s+not|mustn't|may\s+not|is\s+not\s+allowed\s+to|isn't\s+allowed\s+to)\s+(?:go|get|be\s+sent)\s+(?:out\s+(?:from|of)|outside(?:\s+(?:from|of))?)\s+${PREMISES}`,
    String.raw`\b(?:stays?|remains?|is\s+kept|are\s+kept)\s+(?:inside|within|in)\s+(?:our|the)\s+(?:own\s+)?(?:vpc|network|data\s?cent(?:er|re)s?|premises|firewall|infrastructure|servers|building|walls)\b`,
    // "patient data stays on our network".
    String.raw`\b(?:data|records|documents|files|recordings|transcripts)\s+(?:stays?|remains?|is\s+kept|are\s+kept)\s+on\s+(?:our|the)\s+(?:own\s+)?(?:network|servers?|premises|infrastructure|hardware|machines)\b`,
    // "our CTO says nothing goes to openai or any cloud", "nothing gets sent to the cloud" (one vendor named alone,
    // "nothing goes to OpenAI directly, we use Azure OpenAI", rules out that vendor, not every place off the premises).
    String.raw`\bnothing\s+(?:goes|gets\s+sent|is\s+sent|leaves|can\s+go|may\s+go)\s+(?:out\s+)?to\s+(?:(?:openai|anthropic|google|azure|aws|microsoft)\s+or\s+)?(?:the\s+cloud|any\s+(?:other\s+)?(?:cloud|vendor|provider|api|third\s+part(?:y|ies)))\b`,
    // "nothing may leave", "nothing, literally nothing, can leave the building".
    String.raw`\bnothing(?:\s*,\s*(?:literally|absolutely|really|and\s+i\s+mean)\s+nothing\s*,)?\s+(?:may|can|must|should|is\s+allowed\s+to)\s+(?:go|be\s+sent|leave)\b`,
    // "nothing customer-related may leave our data centre".
    String.raw`\bnothing\s+(?:[\w-]+\s+){1,2}?(?:may|can|must|should|is\s+allowed\s+to)\s+(?:be\s+sent|leave)\b`,
    // "nothing leaves the device", "nothing goes to the cloud", "nothing crosses the boundary".
    String.raw`\bnothing\s+(?:ever\s+)?(?:(?:leaves|crosses)\s+(?:(?:the|our|this|its|their)\s+)?(?:own\s+)?(?:devices?|phones?|building|premises|network|boundary|perimeter|site|country|data\s?cent(?:er|re)s?|servers?|machines?|laptops?|walls|enclave|hospital|vpc|tenant)|goes\s+(?:out|outside|off[\s-]site|to\s+(?:the\s+|any\s+)?(?:cloud|internet|vendors?|third\s+parties)))\b`,
    String.raw`\bno\s+(?:public\s+)?cloud\s+(?:allowed|permitted|whatsoever)\b`,
    // "no data to cloud please", "no data into the cloud", "no data off-site".
    String.raw`\bno\s+(?:customer\s+|patient\s+|client\s+|personal\s+|of\s+our\s+)?data\s+(?:(?:goes\s+|going\s+|sent\s+)?(?:to|into)\s+(?:the\s+|any\s+|a\s+)?(?:public\s+)?cloud(?!\s+(?:yet|so\s+far|today|right\s+now|at\s+the\s+moment))|(?:goes\s+|going\s+)?(?:off[\s-]?site|off[\s-]?prem\w*|outside\s+(?:the\s+)?(?:company|building|premises|network|country)))\b`,
    // "nothing we have is allowed outside our own servers".
    String.raw`\bnothing\s+(?:we\s+have\s+|of\s+ours\s+)?(?:is|may\s+be|can\s+be)\s+allowed\s+(?:outside|off|to\s+leave)\b`,
    String.raw`\b(?:can't|cannot|can\s+not|must\s+not|mustn't|may\s+not|not\s+allowed\s+to)\s+(?:go|be\s+sent|be\s+uploaded)\s+to\s+(?:any\s+|an\s+|the\s+)?(?:third[\s-]party|external|outside|cloud|vendors?|providers?|apis?)\b`,
    // "can't be sent to openai or anyone else outside our walls": a named vendor and everyone else.
    String.raw`\b(?:can't|cannot|can\s+not|must\s+not|mustn't|may\s+not|not\s+allowed\s+to)\s+(?:go|be\s+sent|be\s+uploaded|be\s+shared)\s+to\s+[\w.-]+\s+or\s+(?:anyone|anybody|any\s+other|anything|any\s+third|any\s+external)\b`,
    String.raw`\bon[\s-]?prem(?:ise|ises)?[\s-]only\b`,
    String.raw`\b(?:only|strictly)\s+on[\s-]?prem(?:ise|ises)?\b`,
    String.raw`\b(?:can't\s+use\s+(?:the\s+|any\s+)?|cannot\s+use\s+(?:the\s+|any\s+)?|not\s+allowed\s+to\s+use\s+(?:the\s+|any\s+)?)(?:public\s+)?cloud(?:\s+(?:apis?|services?|providers?|llms?))?\b(?!\s+(?:is|are)\s+(?:fine|ok|okay))`,
    String.raw`\b(?:can't|cannot|can\s+not|not\s+allowed\s+to|must\s+not|mustn't|never)\s+(?:send|upload|share|transfer|ship|expose)\s+(?:any\s+)?(?:customer\s+|patient\s+|user\s+|our\s+|the\s+)?(?:data|records|documents|information|text)\s+(?:to|with|outside)\b`,
    String.raw`\bno\s+(?:data|customer\s+data|patient\s+data)\s+(?:may|can|must|should)\s+(?:leave|go\s+(?:to|outside|out)|be\s+sent)\b`,
    // "Compliance says no customer data goes to external APIs".
    String.raw`\bno\s+(?:customer\s+|patient\s+|user\s+|personal\s+|client\s+)?data\s+(?:goes|gets\s+sent|is\s+sent|leaves)\s+(?:to|outside)\s+(?:any\s+)?(?:external|third[\s-]party|outside|public|cloud)\b`,
    String.raw`\b(?:data|records|documents|information|recordings|emails|notes|audio|calls|images|photos|logs|files|transcripts)\s+(?:never|(?:must|may|can|should)\s+(?:not|never)|can't|cannot|won't|doesn't|doesnt|does\s+not|don't|dont|do\s+not)\s+(?:ever\s+)?leaves?\s+(?:${PREMISES}|(?:the|our|their)\s+(?:device|phone|laptop|tablet)s?)`,
    String.raw`\b(?:won't|wont|will\s+not|doesn't|does\s+not|don't|do\s+not)\s+let\s+(?:any\s+(?:of\s+)?)?(?:the\s+|our\s+|customer\s+|patient\s+)?(?:data|records|documents|information)\s+(?:out|leave|outside)\b`,
    String.raw`\bno\s+(?:external|third[\s-]party)\s+(?:apis?|services|providers|vendors)\b`,
    String.raw`\bdata\s+(?:must|has\s+to|needs\s+to)\s+stay\s+(?:with\s+us|in[\s-]house|internal)\b`,
    String.raw`\bno\s+(?:customer\s+|patient\s+|client\s+|user\s+|personal\s+)?(?:data|code|source\s+code|documents|records|text)\s+(?:ever\s+)?leaves\s+${PREMISES}`,
    String.raw`\bdata\s+(?:stays|remains)\s+(?:there|in[\s-]house|on[\s-]?prem(?:ise|ises)?|internal|local|inside)\b`,
    // "everything stays on-prem", "it all stays in-house".
    String.raw`\b(?:everything|it\s+all|all\s+of\s+it)\s+(?:stays|remains|must\s+stay|has\s+to\s+stay)\s+(?:on[\s-]?prem(?:ise|ises)?|in[\s-]house)\b`,
    // "we'd rather not send it out, it's patient data": a preference the team states as its rule.
    String.raw`\b(?:we'd|we\s+would|i'd|i\s+would)\s+(?:much\s+)?rather\s+not\s+send\s+(?:it|them|the\s+data|our\s+data|anything|data)\s+(?:out\b|outside\b|to\s+(?:the\s+)?cloud\b|off[\s-]site\b|externally\b)`,
    // "by law none of this data can leave our own servers", "none of it may leave the building".
    String.raw`\b(?:none|no\s+part|not\s+(?:a\s+)?(?:single\s+)?(?:bit|byte|one))\s+of\s+(?:this|the|our|that|it|these|those|them)(?:\s+(?:customer\s+|patient\s+|client\s+|user\s+|personal\s+)?(?:data|records|documents|information|files|text|notes|emails))?\s+(?:can|may|must|should|is\s+allowed\s+to|are\s+allowed\s+to|will|ever)\s+(?:ever\s+)?(?:leave|go\s+(?:out|outside|to\s+(?:the\s+)?cloud)|be\s+sent\s+(?:out|outside|to))\b`,
    // "on our 8x A100, data never leaves", "the data doesn't leave. ever.": leaving said with nowhere named.
    String.raw`\b(?:the\s+|our\s+)?data\s+(?:never|must\s+never|can\s+never|may\s+never|can't|cannot|won't|doesn't|does\s+not|mustn't|must\s+not|may\s+not)\s+(?:ever\s+)?leaves?(?=\s*(?:[.,;!?)]|$|\b(?:and|so|period|ever|full\s+stop)\b))(?![^.;!?\n]{0,20}\bbut\b[^.;!?\n]{0,50}\b(?:go(?:es)?|sent|calls?)\s+(?:out\s+)?to\b)`,
    String.raw`\bno\s+data\s+(?:ever\s+)?leaves(?=\s*(?:[.,;!?)]|$|\b(?:and|but|so|period|ever)\b))`,
    // "CPU servers in our own data centre, … and the data can't leave it": the pronoun is the team's own site, named
    // earlier in the sentence with no vendor or cloud account in between.
    String.raw`\b(?:data\s?cent(?:re|er)s?|server\s+rooms?|building|premises|site|offices?|hospital|own\s+servers|on[\s-]prem(?:ises)?)\b(?:(?!\b(?:aws|azure|gcp|google|cloud|account|subscription|tenant|openai|anthropic|bedrock|vertex|bigquery|snowflake|vendor|provider|api|them)\b)[^.;!?\n]){0,80}?\bdata\s+(?:never|must\s+never|can't|cannot|won't|doesn't|does\s+not|mustn't|must\s+not|may\s+not)\s+(?:ever\s+)?leaves?\s+(?:it|there)\b`,
    // "nothing leaves our cluster", "no data leaves the building".
    String.raw`\b(?:nothing|no\s+data)\s+(?:ever\s+)?leaves\s+(?:our|the)\s+(?:own\s+)?(?:cluster|building|network|servers?|site|lab|office|walls)\b`,
  ].join('|'),
  'g',
);
/** The model runs on a device or offline (a phone, a Jetson, a vehicle): "locally" means there. */
const ON_A_DEVICE =
  /\b(?:jetson|phones?|mobile|devices?|laptops?|mac(?:book)?s?|tablets?|raspberry|edge|offline|no\s+internet|on\s+the\s+road|in\s+the\s+field|robots?|vehicles?|cars?|trucks?|drones?|consoles?)\b/;
/** "PHI never leaves the building", "the data cannot leave the factory network": where the data stays, said by leaving. */
const NEVER_LEAVES_PLACE =
  /\b(?:phi|pii|(?:patient|customer|client|health|personal)\s+data|the\s+data|data|records)\s+(?:never|can't|cannot|can\s+not|must\s+not|may\s+not|mustn't)\s+(?:ever\s+)?leaves?\s+(?:the|our)\s+(?:[\w-]+\s+)?(?:network|building|premises|site|plant|factory|walls|hospital|campus)\b/g;
const CLOUD_OK = new RegExp(
  [
    // "the photos can go anywhere, its just leaves".
    String.raw`\b(?:the\s+|our\s+)?(?:data|photos?|images?|pictures?|files?|documents?|docs|texts?|records?|recordings?|it|they)\s+(?:can|may)\s+go\s+anywhere\b`,
    String.raw`\b(?:the\s+)?(?:public\s+)?cloud\s+(?:apis?\s+)?(?:is|are)\s+(?:totally\s+|perfectly\s+|completely\s+)?(?:fine|ok|okay|allowed|acceptable|an\s+option|no\s+problem)\b`,
    String.raw`\b(?:fine|ok|okay|happy|comfortable)\s+(?:with\s+)?(?:using\s+)?(?:the\s+)?(?:public\s+)?cloud\b`,
    String.raw`\b(?:can|may|(?:are|is|am|'re|’re)\s+(?:allowed|permitted|free)\s+to)\s+(?:use|send\s+data\s+to)\s+(?:the\s+)?(?:public\s+)?cloud\b`,
    String.raw`\bdata\s+(?:can|may|is\s+allowed\s+to)\s+leave\b`,
    // "data is fine to go to the cloud", "the training data is fine to send to a cloud GPU".
    String.raw`\b(?:data|it)\s+is\s+(?:fine|ok|okay|allowed)\s+to\s+(?:go|be\s+sent|send|upload|be\s+uploaded)\s+to\s+(?:the\s+|a\s+)?(?:cloud|vendor|provider|api|rented)\b`,
    // "it can go to a cloud service", "the data may be sent to a vendor".
    String.raw`\b(?:it|data|the\s+data|this|that|they|our\s+data|(?:our|the)\s+(?:training\s+)?(?:scripts|examples|files|documents|texts|lines|prompts|transcripts|samples))\s+(?:can|may|is\s+allowed\s+to|are\s+allowed\s+to)\s+(?:go|be\s+sent|be\s+uploaded)\s+to\s+(?:(?:a|an|the|any)?\s*(?:cloud|vendor|provider|third[\s-]party|external|hosted)|openai|anthropic|google|azure|aws|mistral|cohere)\b`,
    String.raw`\bno\s+(?:data\s+)?(?:residency|privacy|on[\s-]?prem)\s+(?:constraints?|restrictions?|requirements?)\b`,
    // "Nothing has to stay on our premises", "none of it needs to stay in-house": no data held back.
    String.raw`${NOTHING_HELD}\s+(?:has|have|needs?|must|should)\s+(?:to\s+)?(?:stay|be\s+kept|remain|live)\s+(?:on[\s-]?prem(?:ise|ises)?\b|(?:on|in|inside|within|at)\s+(?:our|the)\s+(?:own\s+)?(?:premises|data\s?cent(?:er|re)s?|servers?|building|network|infrastructure|site|offices?)\b|in[\s-]house\b|local(?:ly)?\b)`,
    String.raw`\b(?:don't|do\s+not|doesn't|does\s+not|dont|doesnt)\s+(?:(?:strictly|really|necessarily|actually|technically|absolutely)\s+)?(?:need|have)\s+to\s+(?:be|stay|run|remain)\s+(?:on[\s-]?prem(?:ise|ises)?|(?:on|in|inside|within)\s+(?:our|the)\s+(?:own\s+)?(?:premises|data\s?cent(?:er|re)s?|servers?|building|network|infrastructure))\b`,
    // "Azure in our EU tenant is allowed", "our AWS account is fine": a cloud the team may use.
    String.raw`\b(?:azure|aws|gcp|google\s+cloud|bedrock|vertex)\b(?:(?!\b(?:quality|accuracy|speed|latency|performance|output|answers?|results?)\b)[^.;,!?\n]){0,30}?\b(?:is|are)\s+(?:fine|ok|okay|allowed|acceptable|approved)\b`,
    String.raw`\b(?:sending|send)\s+(?:(?:the\s+|our\s+)?data\s+|it\s+|them\s+|this\s+)?to\s+(?:openai|anthropic|azure|the\s+cloud|an?\s+api)\s+(?:is|was)\s+(?:already\s+|fully\s+)?(?:fine|ok|okay|allowed|approved)\b`,
    String.raw`\b(?:fine|ok|okay|happy|comfortable|allowed)\s+(?:with\s+)?(?:sending|to\s+send)\s+(?:(?:the|our)\s+)?data\s+to\b`,
    String.raw`\b(?:fine|ok|okay|allowed)\s+to\s+(?:send|upload|move|put)\s+(?:it\s+)?(?:to|in|into)\s+(?:the\s+)?(?:public\s+)?cloud\b`,
    String.raw`\bno\s+(?:data\s+)?(?:residency|sovereignty|privacy)\s+(?:issues?|concerns?|problems?|rules?)\b`,
    // "data residency isn't an issue for us", "privacy is not a concern here".
    String.raw`\b(?:data\s+)?(?:residency|sovereignty|privacy)\s+(?:isn't|is\s+not|is\s+no|isnt)\s+(?:an?\s+|really\s+an?\s+)?(?:issue|concern|problem|constraint|requirement)\s*(?:for\s+us|here|at\s+all|for\s+this)?\s*(?=[.,;!]|$)`,
    // "it has to stay in Germany, but a German cloud region is totally fine": a region, not the premises.
    String.raw`\bcloud\s+(?:regions?|data\s?cent(?:er|re)s?)\s+(?:(?:in|inside|within)\s+[\w-]+\s+)?(?:is|are|would\s+be)\s+(?:totally\s+|perfectly\s+|completely\s+|also\s+)?(?:fine|ok|okay|allowed|acceptable)\b`,
  ].join('|'),
  'g',
);

/** Words right before a permission that deny it: "none of this [data can leave]", "no [data may leave]". */
const DENIED_BEFORE =
  /\b(?:none\s+of\s+(?:\w+\s+){0,2}|no\s+(?:\w+\s+)?|not\s+(?:even\s+)?|never\s+|nothing\s+of\s+(?:\w+\s+)?|nobody\s+(?:\w+\s+){0,3}|no\s?one\s+(?:\w+\s+){0,3}|none\s+of\s+us\s+)$/;

/** Finds `dataMustStayOnPrem`: true for data that may not leave the premises, false when the cloud is fine. */
export const extractOnPrem: Extractor = (message) => {
  const { lower } = message;
  const findings: Finding[] = [];
  for (const match of allMatches(STAYS, lower)) {
    // ("it runs on a Jetson in a truck … no internet, so it has to run locally": the device is where it runs, which
    // says nothing of where the training data may go.)
    // ("Our devs use MacBooks; the model has to run locally on our own servers": servers said right after it count.)
    if (
      /\blocal(?:ly)?$/.test(match[0]) &&
      ON_A_DEVICE.test(lower) &&
      !/^\s+(?:on|in)\s+(?:our\s+)?(?:own\s+)?(?:servers?|data\s?cent(?:er|re)s?|premises|on[\s-]?prem\w*|cluster|server\s+room)\b/.test(
        lower.slice(match.index + match[0].length, match.index + match[0].length + 40),
      )
    )
      continue;
    // "we don't need to be on-prem": a negation before a positive phrase flips it (CLOUD_OK reads it as false).
    const startsNegative =
      /^(?:can't|cannot|can|cant|must\s+not|mustn't|may|shouldn't|should\s+not|is|isn't|are|aren't|never|not|won't|will\s+never|no)\b/.test(
        match[0],
      );
    if (!startsNegative && isNegatedBefore(lower, match.index, 20)) continue;
    // ("Nothing has to stay on our premises": the rule waived for all of the data.)
    // ("… except the patient records": those stay, so the rule holds.)
    if (
      NOTHING_HELD_BEFORE.test(lower.slice(Math.max(0, match.index - 40), match.index)) &&
      !EXCEPT_AFTER.test(lower.slice(match.index + match[0].length, match.index + match[0].length + 40))
    )
      continue;
    findings.push(findingFromMatch('dataMustStayOnPrem', true, match));
  }
  for (const match of allMatches(NEVER_LEAVES_PLACE, lower))
    if (!findings.some((item) => item.start <= match.index && match.index < item.end))
      findings.push(findingFromMatch('dataMustStayOnPrem', true, match));
  for (const match of allMatches(CLOUD_OK, lower)) {
    // ("Nothing has to stay on our premises except the patient records": the part kept back stays, so no waiver.)
    if (EXCEPT_AFTER.test(lower.slice(match.index + match[0].length, match.index + match[0].length + 40))) continue;
    // "none of this data can leave", "no data may leave": the permission is denied before it.
    // ("no, the photos can go anywhere": a "no" that answers the question before, not a denial.)
    if (
      DENIED_BEFORE.test(lower.slice(Math.max(0, match.index - 45), match.index)) &&
      !(
        /^\W*(?:no|nope|nah)\W+$/.test(lower.slice(0, match.index)) &&
        (/[,.!;]/.test(lower.slice(0, match.index)) || /^(?:the|our)\s/.test(match[0]))
      )
    )
      continue;
    // "Our examples can be sent to Google? Legal hasn't decided", "… only after legal signs off": asked or awaited.
    if (NAMES_A_VENDOR.test(match[0]) && awaitedOrAsked(lower, match.index)) continue;
    findings.push(findingFromMatch('dataMustStayOnPrem', false, match));
  }
  // "it doesn't have to stay on-prem, but it has to stay in our AWS account": with the premises waived, the team's
  // own cloud account is where the data may go, not premises it may not leave.
  if (findings.some((finding) => finding.value === false))
    return findings.filter(
      (finding) => finding.value === false || !CLOUD_ACCOUNT.test(lower.slice(finding.start, finding.end)),
    );
  return findings;
};

const NAMES_A_VENDOR = /\b(?:openai|anthropic|google|azure|aws|mistral|cohere)\b/;

/** The sentence around `index` asks it, or makes it wait on a condition. */
function awaitedOrAsked(lower: string, index: number): boolean {
  const sentence = sentenceAround(lower, index);
  const end = lower.indexOf(sentence) + sentence.length;
  return lower[end] === '?' || /\bonly\s+(?:after|if|once|when)\b|\buntil\b|\bif\b|\bwhether\b/.test(sentence);
}

/** The team's own cloud account, tenant or region named as where the data stays. */
const CLOUD_ACCOUNT = /\b(?:aws|azure|gcp|cloud)\s+(?:account|tenant|region|vpc|subscription)\b/;
