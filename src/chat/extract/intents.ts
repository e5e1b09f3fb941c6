/** @module What the user asks of the advisor: just recommend, why not X, why X, what if, start over, hello. */

import type { MethodId } from '../../profile/profile-schema.ts';
import { dataMixQuestion, longContextQuestion } from './corpus-questions.ts';
import { SIZE_FIT_QUESTION } from './extractors/model.ts';
import { KEEP_IN_ASKED } from './keeping-in.ts';
import { METHOD_SOURCE, methodFromPhrase } from './method-names.ts';
import { COUNT_SOURCE, parseCount } from './numbers.ts';
import { allMatches, sentenceAround } from './prepare-message.ts';
import type { ExtractionIntents, PreparedMessage } from './types.ts';

const JUST_RECOMMEND = new RegExp(
  [
    String.raw`\bjust\s+(?:recommend|tell\s+me|give\s+me|show\s+me|answer|decide|pick|choose)\b`,
    String.raw`^\W*skip\b`,
    String.raw`\bskip\s+(?:the\s+|these\s+|this\s+|that\s+|all\s+the\s+|your\s+)?(?:questions?|question|this|it|that|ahead)\b`,
    String.raw`\blet'?s\s+skip\b`,
    String.raw`\bgo\s+ahead\b`,
    String.raw`\b(?:give|show|tell)\s+(?:me|us)\s+(?:the|your|a)\s+(?:(?:updated|new|revised|full|whole|final|current|latest|complete)\s+)?(?:answer|recommendation|plan|result|verdict)\b`,
    String.raw`^\W*whatever\b`,
    String.raw`\b(?:what\s+do\s+you|what\s+would\s+you)\s+recommend\b`,
    // "So what's your recommendation now?", "what's your advice then?".
    String.raw`^\W*(?:(?:so|ok(?:ay)?|and|then|well)[\s,]+)?what(?:'s|\s+is)\s+(?:your|the)\s+(?:recommendation|advice|verdict|call|pick|answer)(?:\s+(?:now|then|so\s+far|overall))?\W*$`,
    String.raw`\brecommend\s+(?:something|anyway|now|already)\b`,
    String.raw`\b(?:no\s+more|enough|stop\s+asking|too\s+many)\s+questions\b`,
    String.raw`\bmake\s+(?:an?\s+)?(?:assumptions?|guess|educated\s+guess)\b`,
    String.raw`\b(?:i\s+)?(?:don't|dont|do\s+not)\s+know[,.!\s]+(?:just\s+)?(?:assume|recommend|guess|pick)\b`,
    String.raw`^\W*(?:idk|dunno|no\s+idea|not\s+sure|don't\s+know|pass)\W*(?:(?:just\s+)?(?:recommend|go\s+on|continue|move\s+on)\W*)?$`,
  ].join('|'),
);
const WHY_NOT = new RegExp(
  `\\bwhy\\s+(?:not|no|isn't|isnt|is\\s+not|wasn't|wasnt|aren't|arent|is\\s+there\\s+no|isn't\\s+there(?:\\s+any)?|not\\s+use|don't\\s+(?:you|we)\\s+(?:recommend|suggest|use|do)|didn't\\s+you\\s+(?:recommend|suggest|pick))\\s+(?:just\\s+)?(?:use\\s+|do\\s+|go\\s+with\\s+|try\\s+|keep\\s+(?=[a-z]+ing\\b(?![^?.!\\n]{0,40}\\band\\s+(?:add|use|put|do|run|build|try)\\b))|(?:take|use|keep|run)\\s+(?:[\\w.-]+\\s+){1,5}?(?:and|with|plus|\\+)\\s+(?:(?:put|add|use|do|run|build)\\s+)?)?(?:a\\s+|an\\s+|the\\s+|some\\s+)?(${METHOD_SOURCE})\\b|\\bwhat(?:'s|\\s+is)\\s+wrong\\s+with\\s+(${METHOD_SOURCE})\\b|\\bwhy\\s+(?:is|was)\\s+(${METHOD_SOURCE})\\s+(?:not\\s+(?:recommended|viable|an\\s+option|ranked)|ruled\\s+out|excluded|rejected|blocked|ranked\\s+(?:so\\s+)?low)\\b|\\bwhy\\s+(?:we|you|they|i)\\s+(?:don't|dont|do\\s+not|can't|cant|cannot|shouldn't|wouldn't)\\s+(?:just\\s+|simply\\s+)?(?:use\\s+|do\\s+|try\\s+)?(?:a\\s+|an\\s+|the\\s+)?(${METHOD_SOURCE})\\b`,
);
const WHY_NOT_EXAMPLES_IN_PROMPT =
  /\bwhy\s+(?:not|wouldn't\s+(?:we|i|you)|don't\s+(?:we|i|you)|can't\s+(?:we|i|you)|couldn't\s+(?:we|i|you)|shouldn't\s+(?:we|i))\s+(?:just\s+|simply\s+)?(?:stuff|put|paste|add|include|drop|throw|show|give)\b[^?.!]{0,60}?\b(?:in|into|to)\s+(?:the\s+|our\s+|a\s+)?(?:system\s+)?prompts?\b/;
/** "couldn't we just get away with a really good prompt?", "can't we just use a better prompt?": prompting, asked for. */
const JUST_A_PROMPT =
  /\b(?:couldn't|could|can|can't|cant|why\s+can't|why\s+cant|why\s+couldn't)\s+(?:we|i)\s+(?:not\s+)?(?:just\s+|simply\s+)?(?:get\s+away\s+with|make\s+do\s+with|manage\s+with|stick\s+(?:with|to)|do\s+(?:it|this|that|everything)\s+with|use|write)\s+(?:a\s+|an\s+|one\s+)?(?:(?:really|very|super|pretty)\s+)?(?:(?:good|better|great|long|detailed|clever|well[\s-]written|decent|solid|smart)\s+)?(?:system\s+)?prompt\b(?!\s+(?:and|with)\s+(?:examples|a\s+few\s+examples|rag|retrieval))(?!\s+templates?\b)(?!\s+for\s+(?:the\s+|our\s+)?(?:labell?ers|annotators|raters|reviewers|staff|team)\b)/;
/** "why can't we just use chatgpt and paste in a few of our good descriptions as examples?": few-shot, asked for. */
const JUST_EXAMPLES_IN_CHAT =
  /\bwhy\s+(?:can't|cant|couldn't|not|don't)\s+(?:we\s+|i\s+)?(?:just\s+)?(?:use\s+[\w.\s-]{1,30}?\s+and\s+)?(?:paste|put|give|show|feed)\b[^?.!]{0,60}?\bas\s+(?:examples|samples)\b/;
/** "why not skip (all) the training and just prompt …", "why not skip tuning and use a better prompt?". */
const WHY_NOT_SKIP_TRAINING =
  /\b(?:why\s+(?:not|don't\s+(?:we|i)|can't\s+(?:we|i)|shouldn't\s+(?:we|i))|(?:could|can|should|couldn't|can't)\s+(?:we|i))\s+(?:just\s+)?(?:skip|drop|forget|avoid)\s+(?:all\s+)?(?:the\s+|that\s+)?(?:training|tuning|fine[\s-]?tuning)\b[^?.!]{0,20}?\b(?:and\s+)?(?:just\s+|only\s+)?(?:prompt|use\s+(?:a\s+)?(?:good|better|long|detailed)\s+(?:system\s+)?prompt|write\s+(?:a\s+)?(?:good|better)\s+prompt)/;
const WHY_METHOD = new RegExp(
  `\\bwhy\\s+(?:(?:do|did|would)\\s+you\\s+(?:recommend|suggest|pick|choose|prefer)\\s+|(?:is|was)\\s+|use\\s+|go\\s+with\\s+|start\\s+with\\s+|(?:would|will|does|should|could|can)\\s+(?=(?:a\\s+|an\\s+|the\\s+)?(?:${METHOD_SOURCE})\\s+(?:(?:on|with|of|for)\\s+(?:my|our|the|those|these|this)\\s+(?:[\\w,.-]+\\s+){0,3}?)?(?:help|work|fix|solve|matter|be\\s+(?:better|needed|the\\s+answer))\\b))?(?:a\\s+|an\\s+|the\\s+)?(${METHOD_SOURCE})\\b(?!\\s+(?:not|isn't)\\b)`,
);
const WHAT_IF = new RegExp(
  String.raw`\b(?:what\s+if|what\s+about\s+if|what\s+would\s+change\s+if|how\s+about\s+if|suppose|supposing|hypothetically|imagine\s+(?:we|if)|would\s+it\s+change\s+if|and\s+if\s+we|(?:^|[.!?;:,]\s*|\b(?:and|but|so|ok(?:ay)?|now)\s+)(?:let'?s\s+)?say\s+we\s+(?:end\s+up\s+with|had)|if\s+we\s+end\s+up\s+with|${KEEP_IN_ASKED})\b`,
);
/**
 * "Compare the monthly bill for GPT-4.1 mini and Gemini 2.5 Flash", "what would GPT-4.1 mini vs Gemini 2.5 Flash cost per
 * month?", "how does the bill on Gemini 2.5 Flash compare?": the bills of models weighed, answered as a "what if" (the
 * team's model stays).
 */
export const BILL_COMPARISON =
  /(?:^|[.!?:;]\s*|\b(?:please|pls|can\s+you|could\s+you|would\s+you|and|also|so|now)\s+)compare\s+(?:for\s+(?:me|us)\s*:?\s*|:\s*)?(?:the\s+)?(?:monthly\s+|api\s+|running\s+|inference\s+|serving\s+)?(?:bills?|costs?|spend)\s+(?:for|of|on|between)\s+(?:using\s+|serving\s+|running\s+)?[a-z0-9]|\bhow\s+(?:does|do|would)\s+(?:the\s+)?(?:monthly\s+)?(?:bill|cost)\s+(?:on|for|of|with)\s+(?:[\w.-]+\s+){1,5}?compare\b|\bwhat\s+would\s+(?:[\w.-]+\s+){1,6}?(?:vs\.?|versus)\s+(?:[\w.-]+\s+){1,6}?cost\b/;
/**
 * "my colleague's idea was: fine tune llama 3.1 8b and self host on a rented H100. why not that?": someone else's
 * proposal described, then asked about, is a "what if" on what it names (nothing is saved). ("Our idea is to … ,
 * thoughts?" is the team's own plan: its facts are kept.)
 */
const PROPOSAL_ASKED =
  /\b(?:colleague|co-?worker|boss|manager|cto|ceo|cfo|coo|vp|director|lead|head|consultant|contractor|vendor|friend|investor|advis[eo]r|intern|partner|client|customer|someone|somebody|engineer|dev|developer|data\s+scientist|architect|team\s?mate|person|other\s+team)s?(?:'s|’s|s')\s+(?:idea|suggestion|proposal|pitch)\s*(?:(?:was|is|would\s+be)\s*(?::|to\b)|:)[^?]*[.,;:!]\s*(?:so\s+|but\s+)?(?:why\s+not(?:\s+(?:just\s+)?(?:do\s+)?(?:that|this|it))?|would\s+(?:that|this|it)\s+work|(?:any\s+)?thoughts|what\s+do\s+you\s+think|is\s+(?:that|this)\s+(?:better|worse|viable|possible|a\s+good\s+idea|dumb|crazy|smart))\s*\?/;
/** "what about 70B instead?", "how about Qwen2.5 14B instead": another choice weighed, answered as a "what if". */
const INSTEAD_QUESTION =
  /\b(?:what|how)\s+about\b[^?!]{1,60}?\binstead\b|\b(?:what|how)\s+about\s+(?:an?\s+|the\s+)?\d+(?:\.\d+)?\s?b\b|\bwhy\s+not\s+(?:just\s+)?(?:switch|move|go|migrate)\s+(?:over\s+)?to\b[^?!]{1,80}\?/;
/**
 * "If we had 8 H100s…" asks "what if" only in a question ("…, would LoRA work?"); stated ("If only we had 8 H100s.",
 * "If we had 8 H100s we'd fine-tune; we have a T4.") it is a wish, whose facts are not the team's.
 */
const CONDITIONAL_QUESTION =
  /\b(?:if|assuming)\s+(?:we\s+(?:had|got|bought|rented|used|switched|moved|could|were)|(?:each|every|a|one|the\s+average)\s+(?:question|request|query|call|prompt|message|ticket|conversation)\s+(?:pulls?|is|uses?|has|sends?|brings?|takes?|needs?|carries|averages?))\b[^?]*\?/;
/**
 * "Can we (still) use GPT-4o if Azure hosts it in Germany?", "should we switch to Llama 3.1 70B?": a choice weighed in a
 * question is answered as a "what if" on the facts it names (nothing is saved).
 */
const CHOICE_QUESTION =
  /^\W*(?:so\s+|and\s+|but\s+|ok(?:ay)?,?\s+|hmm,?\s+)?(?:(?:for|on)\s+the\s+(?:[\w&'-]+\s+){1,4}?(?:job|part|one|task|side|bit|bot),?\s+)?(?:can|could|should|shall)\s+(?:we|i)\s+(?:still\s+|just\s+|instead\s+)?(?:use|switch\s+to|go\s+with|move\s+to|pick|choose|start\s+(?:from|with))\b(?![^?]{0,160}\bor\b)[^?]{0,160}\?\s*$/;
/**
 * "start over", "reset", "forget everything": a request to the advisor, so said at the start of a sentence (after "ok",
 * "please", "can we", "let's"), never a word inside a quoted log line ("greased, reset ok") or a plan ("we want to start
 * over with a new model next year").
 */
const RESET =
  /(?:^|[.!?\n][^\S\n]{0,3})(?:(?:ok(?:ay)?|please|pls|actually|sorry|hmm+|wait|so|right|alright|(?:no|nah)(?=[,!.])|ugh|hi|hey|hello)[,!.\s]+)*(?:(?:can|could)\s+(?:we|you|i)\s+(?:please\s+)?(?:just\s+)?|let'?s\s+(?:just\s+)?|let\s+us\s+|i(?:\s+(?:want|would\s+like)|'d\s+like)\s+to\s+|we(?:'d|\s+would)\s+like\s+to\s+|i\s+think\s+we\s+should\s+|please\s+|just\s+)?(start\s+(?:over|again|afresh|from\s+scratch|fresh)|reset(?:\s+(?:everything|the\s+(?:chat|conversation|profile|session)|this))?|begin\s+again|(?:a\s+)?new\s+(?:session|conversation|chat)|forget\s+(?:everything|all\s+(?:of\s+)?(?:that|this)|what\s+i\s+said)|clear\s+(?:everything|the\s+profile|all))\b(?!\s+(?:with|on|using|from)\s+(?:a|an|the|our)\s+(?:new\s+|different\s+|other\s+)?(?:model|version|dataset|data|project|approach))(?=\s*(?:$|[.!?,;:—–-]|please|pls|now|then|and\s+(?:ask|tell|let|start)|from\s+(?:scratch|the\s+(?:start|beginning)))|\s+(?:i|we)\s+(?:want|need|have|made|gave|said))/;
/** At most this many words around a bare "reset" for it to be a request (not a word of a pasted log). */
const BARE_RESET_MAX_WORDS = 8;

/**
 * A reset asked of the advisor: "start over", "forget everything", "new chat" at a sentence's start; a bare "reset"
 * only as the message's first words or in a short message ("Conveyor 4 stopped. Reset. Restarted." is a log).
 */
function resetAsked(lower: string): boolean {
  const match = RESET.exec(lower);
  if (!match) return false;
  if (/\breset\s+(?:the\s+)?(?:passwords?|weights|optimizer|learning\s+rate)\b/.test(lower)) return false;
  if (!/^reset\b/.test(match[1] ?? '')) return true;
  return lower.trim().split(/\s+/).length <= BARE_RESET_MAX_WORDS || lower.slice(0, match.index).trim() === '';
}
const GREETING =
  /^\W*(?:hi|hello|hey|heya|hiya|howdy|greetings|yo|good\s+(?:morning|afternoon|evening)|hi\s+there|hello\s+there)\b/;

const COST =
  /\bwhat'?s\s+the\s+damage\b|\b(?:what'?s|what\s+is|what\s+would\s+be)\s+the\s+price\s+tag\b|\b(?:incl(?:uding|\.)?|with|and|plus)\s+(?:what\s+(?:it|each\s+step|they|that)\s+(?:would\s+)?costs?|the\s+costs?(?:\s+of\s+each\s+step)?|costs?\s+(?:per|for\s+each)\s+step)\b(?=[^.!]{0,60}(?:\?|$))|\b(?:will|would|does|is\s+going\s+to)\s+(?:[\w-]+\s+){0,4}?run\s+us\b|\bwhat(?:'?s|\s+is|\s+would\s+be)\s+the\s+(?:monthly\s+|cost\s+|price\s+|money\s+)?difference\b(?=[^.!]{0,60}\?|\s*\?)|\bwhat(?:'?s|\s+is|\s+would\s+be)\s+(?:the\s+)?(?:training|run|gpu)\s+time\b|(?:^|[.!?,]\s*|\b(?:please|can\s+you|could\s+you|pls)\s+)(?:redo|re-do|recalculate|recompute|recalc|rerun|re-run|update)\s+(?:the\s+|your\s+)?(?:numbers|math|maths|costs?|estimates?|figures|calculations?|training\s+(?:time|hours|cost)|hours|gpu[\s-]hours)\b|(?:^|[.!?,]\s*)(?:recalc|recalculate|recompute)\s+(?:pls|please|it|that|them)\b(?:\s+with\s+(?:that|those|this|these))?|\b(?:would|will|is|isn't|wouldn't)\s+(?:that|it|this)\s+(?:really\s+|actually\s+)?(?:be\s+|come\s+out\s+|work\s+out\s+)?cheaper\b|(?:^|[.!?]\s*|\b(?:and|so|ok|okay|also)\s)(?:the|what'?s\sthe|what\sis\sthe|what\swould\sbe\sthe)\s(?:monthly|yearly|annual|training|total|running|hosting|serving)\scost\sof\b(?![^.?!]{0,60}\s(?:is|was|are|were|runs?)\s(?:about\s|around\s|roughly\s)?[$€£\d])(?=[^.?!]{0,160}\?)|\bset\s+us\s+back\b|\bin\s+dollars\s+and\s+hours\b|\bhow\s+many\s+(?:days|hours|weeks|gpu[\s-]hours)\s+(?:would|will|does|do|is|could|might)\b|\b(?:how\s+(?:long|much)\s+and\s+how\s+(?:much|long)\b|how\s+much\s+(?:would|will|does|do|is|could|might)\b|(?:does|do|would)\s+(?:your|the|that|this)\s+[$€£]\s?[\d,.]+\s?k?\s+(?:(?:a|per)\s+month\s+|figure\s+|estimate\s+|number\s+|bill\s+)?(?:include|cover|count|assume)\b|how\s+long\s+(?:would|will|does|do|is|could|might)\b|how\s+long\s+(?:on|with)\s+(?:the|our|a|an|one|\d)\b|how\s+long\s+in\s+(?:wall[\s-]?clock|real|calendar|elapsed)\b|how\s+long\s+in\s+(?:hours|days|weeks)\b|how\s+long\s+(?:to|for)\s+(?:train|tune|fine[\s-]?tune|distil|run\s+(?:it|the\s+training))\b|what\s+(?:would|will|does|do)\s+(?:it|that|this|[a-z-]+(?:\s+[a-z0-9.-]+){0,4}|\d[\d,.]*k?(?:\s+[a-z0-9.-]+){1,4})\s+cost|(?:^|[.!?]\s+)(?:and\s+|so\s+)?(?:the\s+)?(?:monthly\s+)?cost\s+(?:per|a)\s+month(?:,?\s+please)?\s*\?|(?:what(?:'s|\s+is|\s+would\s+be)\s+the\s+)(?:cost|price)\s+(?:of|for)\b|how\s+expensive|(?:would|will|does|could)\s+(?:it|that|this|switching)\s+(?:[\w.-]+\s+){0,3}?(?:cut|lower|reduce|halve|shrink|save\s+on)\s+(?:the|our|my)\s+(?:monthly\s+)?(?:bill|costs?|spend)\b|how\s+many\s+(?:gpu[\s-])?hours|what\s+(?:would|will)\s+(?:the|our|my)\s+(?:monthly\s+)?(?:bill|invoice|spend|costs?)\s+be\b|what(?:'s|s|\s+is|\s+are|\s+would\s+be)\s+(?:the\s+|our\s+)?(?:monthly\s+)?(?:bill|costs?|spend)\s+(?:before\s+(?:and|vs\.?|versus)\s+after|after(?:wards)?|then)\b|what(?:'s|s|\s+is|\s+would\s+be)\s+the\s+(?:monthly\s+)?(?:(?:serving|hosting|running|inference|gpu)\s+)?(?:bill|cost)\b(?!-|\s+(?:of|for)\b)|what\s+would\s+the\s+(?:monthly\s+)?(?:serving|hosting|running|inference|gpu)\s+(?:bill|cost)\s+be\b|(?:bill|costs?|spend)\s+before\s+(?:and|vs\.?|versus)\s+after\b|what(?:'s|\s+is|\s+would\s+be)\s+(?:our|the|my)\s+[\w.-]+(?:\s+[\w.-]+)?\s+(?:bill|cost)\b)/;
/**
 * "what would gpt-4o mini cost per month instead?", "would running it on gpt-4o mini via API be cheaper than renting the
 * A10G?": the cost of an option named in the question (newuser57).
 */
const COST_NAMED =
  /\bwhat\s+would\s+(?:[\w.'-]+\s+){1,6}?cost\b(?=[^.!]{0,60}\?|[^.!]{0,60}$)|\bwould\s+(?:[\w.'/-]+\s+){1,10}?be\s+cheaper\s+than\b/;
/** "will it fit on our GPUs?", "enough VRAM?"; a requirement ("it has to fit in 2GB") is a fact, not a question. */
const FIT =
  /\b(?:is|are)\s+(?:the\s+)?\d+\s?(?:gb|gigs?)\s+(?:on|of|in)\s+(?:our|the|my)\s+(?:[\w-]+\s+){0,2}?(?:actually\s+|really\s+|even\s+)?enough\b|\b(?:can|could|will|would)\s+(?:the|our)\s+\d+\s+(?:[\w-]+\s+)?(?:gpus?|cards?|h100s?|a100s?|l40s|l4s?)\s+(?:in\s+(?:one|a|the)\s+(?:node|box|server)\s+)?(?:even\s+)?(?:serve|host|run)\s+(?:the\s+)?(?:[\w.-]+\s+){0,2}?(?:\d+(?:\.\d+)?b|model)\b|\b(?:how\s+many\s+(?:of\s+(?:our|the|those)\s+)?(?:gpus?|cards?|[ahl]\d{2,3}s?|h100s?|a100s?|l40s|l4s)\s+(?:would|will|does|do|should)\s+(?:serving|it|the\s+model|inference|we\s+need\s+(?:to\s+serve|for\s+serving))\b|(?:can|could|will|would)\s+(?:the|our|a|one|this|that)\s+(?:[\w.-]+\s+)?(?:gpus?|cards?|[ahlt]\d{1,3}\w*|rtx\s?\d+\w*|l40s|servers?|box|node|machine|laptop|phone|device)(?:\s+\d{2,3}\s?gb)?\s+(?:even\s+|actually\s+|really\s+)?(?:serve|host)\s+(?:it|that|this|the\s+model|the\s+(?:tuned\s+|fine[\s-]?tuned\s+|distilled\s+)?(?:[\w.-]+\s+)?(?:\d+(?:\.\d+)?b|model))\b|(?:will|would|does|do|can|could)\s+(?:it|that|this|[a-z0-9-]+(?:\.\d+)?(?:\s+(?:[a-z0-9-]+(?:\.\d+)?|\d+\.\d+)){0,4})\s+(?:fit|squeeze(?=\s+(?:(?:it|that|this|the\s+model|(?:[\w.-]+\s+){1,4}?)(?:in|into|onto|on)\b|in|into|onto|on)\b)|run(?!\s+us\b))\b|(?:will|would|does|do|can|could)\s+[a-z0-9-]+(?:\s+(?:[a-z0-9-]+|\d+\.\d+)){5,8}\s+fit\b|(?:can|could)\s+(?:we|i|you)\s+(?:even\s+|actually\s+|really\s+)?(?:do|run|train)\s+(?:q?lora|full\s+fine[\s-]?tuning|dpo)\s+on\s+(?:the\s+|a\s+|an\s+|our\s+)?[\w.-]+(?:\s+[\w.-]+)?\s+(?:with|on|using)\s+(?:the\s+|our\s+)?(?:one|two|three|four|\d+|\w+)\b|(?:can|could)\s+(?:we|i|you)\s+(?:even\s+|actually\s+|really\s+)?(?:serve|host|run|deploy)\s+(?:a\s+|an\s+|the\s+|our\s+)?[\w.-]+(?:\s+[\w.-]+){0,2}?\s+(?:on|from)\s+(?:just\s+|only\s+)?(?:one|two|three|four|\d+|a|our|my|the)\b|\b(?:serving|running|hosting)\s+(?:it|the\s+model|an?\s+\d+(?:\.\d+)?b(?:\s+model)?)\s+(?:should|would|will)\s+(?:only\s+)?(?:need|take)\s+(?:just\s+)?(?:one|a\s+single|a|\d+)\s+(?:[a-z0-9-]+\s+)?(?:gpus?|cards?|h100s?|a100s?|l40s|l4s?|a10g?s?|t4s?)\b|\bwhat\s+about\s+(?:q?lora|full\s+fine[\s-]?tuning|dpo|preference\s+tuning)\b[^?.!]{0,20}?\bon\s+(?:just\s+|only\s+)?(?:one|a|two|\d+)(?:\s*(?:-|to|or)\s*\d+)?\s+(?:of\s+(?:the|those|our)\s+)?(?:cards?|gpus?|[ahl]\d{2,3}s?|l40s|h100s?|a100s?|rtx\s?\d{4}s?|\d{4}s?)\b|(?:can't|cannot|couldn't)\s+(?:i|we)\s+(?:just\s+)?run\s+(?:it|that|this|the\s+[\w.-]+)\s+(?:on|locally)\b|enough\s+(?:gpu\s+)?(?:memory|vram)|\d+\s?(?:gb|gigs?)\b[^.?!]{0,40}?\b(?:gonna|going\s+to)\s+be\s+enough\b|\b(?:will|would|do|does)\s+(?:we|it|i|that|this)\s+(?:\w+\s+)?(?:oom|run\s+out\s+of\s+(?:gpu\s+)?(?:memory|vram))\b|\bwhat\s+(?:does|would|will)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:q?lora|dpo|fine[\s-]?tuning|training)(?:[\s-]based)?(?:\s+[\w-]+){0,2}?\s+need\s*(?:\?|$)|(?<!\b(?:must|has\s+to|have\s+to|needs?\s+to|got\s+to|should|gotta)\s+)fit\s+(?:for\s+(?:serving|training|inference)\s+)?(?:on|in|into)\s+(?:our|my|the|a|one|two|three|four|five|six|seven|eight|nine|ten|twelve|sixteen|both|all|just|only|these|those|\d)|how\s+much\s+(?:gpu\s+)?(?:memory|vram)|\b(?:asking|ask(?:ed)?|wondering|want\s+to\s+know)\s+(?:you\s+)?(?:whether|if)\b[^.;!?\n]{0,60}?\bfits?\b)|\b(?<!\b(?:must|to|should|shall)\s)(?:still\s+)?fits?\s+(?:on|in(?:to)?)\s+(?:just\s+|only\s+)?(?:the\s+|a\s+|our\s+)?(?:one|single|remaining|other|free)\s+(?:[\w-]+\s+)?(?:card|gpu)\b/;
/** A fit asked of money: "does that still fit $200?", "will it fit in our budget?", "within the monthly budget?". */
const BUDGET_FIT =
  /\bfits?\s+(?:in(?:to)?\s+|within\s+|under\s+)?(?:our\s+|the\s+|my\s+|a\s+)?(?:(?:[$€£₹¥₩₦₺₱₫฿]|\b(?:ksh|kes|inr|rs\.?|r\$|brl|jpy|yen|eur|gbp|usd|aud|cad|ngn|zar|mxn|php|idr|vnd|thb|sgd|nzd|chf|sek|nok|dkk|pln|czk|huf)\s?)\s?\d|\d[\d,.]*\s?k?\s+(?:dollars|usd|bucks|a\s+month)\b|(?:monthly\s+|one[\s-]?(?:time|off)\s+|total\s+)?budget\b)/;
/** A fit asked in so many words ("would … fit"), which a cost question ("would it cost to run") never says. */
const FIT_ASKED_BESIDE_COST =
  /\b(?:will|would|does|do|can|could)\s+(?:[^?.!,;\n]|\.(?=\d)){1,80}?\bfit\s+(?:on|in|into|onto|across)\s+(?:the\s+|our\s+|my\s+|a\s+|one\s+|two\s+|\d+\s+)?(?:[\w-]+\s+)?(?:gpus?|cards?|nodes?|h100s?|a100s?|l40s|a10g?s?|l4s?|t4s?|a6000s?|v100s?|mi300x|rtx|\d{4}s?|\d+\s?gb|memory|vram)\b/;
/** "can you tell me separately what we should do for the emails and for the info sheets?": the answer, job by job. */
const JOB_BY_JOB =
  /\b(?:tell|give|show|explain)\s+(?:me|us)\s+(?:\w+\s+){0,2}?(?:separately|seperately|one\s+by\s+one|job\s+by\s+job|for\s+each\s+(?:one|job|part|task))\b|\b(?:separate|seperate)\s+(?:plans?|answers?|advice)\s+for\s+(?:each|both|the\s+two)\b/;

const DEFINITION = new RegExp(
  `(?:^|[.!?]\\s*|\\b(?:so|and|but|ok|okay|alright|right|fine|sorry|hmm|wait)(?:\\s(?:then|now))?[,:]?\\s+)(?:what(?:'?s|\\s+(?:exactly\\s+|actually\\s+|really\\s+)?(?:is|are))|explain|define|what\\s+does)\\s+(?:exactly\\s+)?(?:a\\s+|an\\s+|the\\s+)?['"‘“]?(${METHOD_SOURCE})['"’”]?(?:,?\\s(?:mean|exactly|actually|actualy|acutally|exaclty|exactley|again|btw|briefly|in\\s(?:plain|simple|layman'?s|short|everyday)(?:\\s(?:words|english|terms|language))?|in\\sa\\snutshell|for\\s(?:a\\s)?(?:beginners?|non[\\s-]experts?|my\\sboss|a\\smanager|managers|dummies)))*(?=(\\s*))\\2(?:(?:[?.,]\\s*(?:and\\s+)?(?:should|would|could|can|do|does|is)\\s+(?:we|i|it|that)\\b[^\\n]{0,80})?\\??\\s*$|\\?\\s*(?:and\\s+)?(?=(?:how\\s+(?:much|long)|what\\s+would)\\b)|[?,]\\s(?:my|our|the)\\s(?:boss|manager|cto|ceo|team|director|lead|dean|board|principal|chief|vp|head|client|customer|mayor|council|partner|partners|owner|owners|supervisor|cfo|coo)\\b[^?\\d\\n]{0,60}$)`,
);
const COMPARISON = new RegExp(
  `(${METHOD_SOURCE})\\s+(?:or|vs\\.?|versus|compared\\s+to|against|beats|outperforms|(?:better|worse|cheaper|faster|easier|safer)\\s+than)\\s+(?:a\\s+|an\\s+|the\\s+)?(${METHOD_SOURCE})\\b|\\b(?:compare|difference\\s+between)\\s+(?:a\\s+|an\\s+|the\\s+)?(${METHOD_SOURCE})\\s+(?:and|with|to|vs\\.?)\\s+(?:a\\s+|an\\s+|the\\s+)?(${METHOD_SOURCE})\\b`,
);
/**
 * "Should we do continued pretraining on the corpus or just RAG?", "QLoRA with rank 64, would that be better than
 * LoRA?": two methods a few words apart in a question.
 */
const LOOSE_COMPARISON = new RegExp(
  `(${METHOD_SOURCE})\\b(?:[\\s,]+[a-z0-9'-]+){0,12}?[\\s,]+(?:or|vs\\.?|versus|instead\\s+of|rather\\s+than|(?:and|so)\\s+(?:then\\s+)?(?:we|you)\\s+(?:don'?t|do\\s+not|wouldn'?t|won'?t)\\s+need|(?:be\\s+)?(?:better|worse|cheaper|faster|easier|safer)(?:\\s+for\\s+(?:us|me|this|our\\s+\\w+))?\\s+than)\\s+(?:just\\s+|simply\\s+|rather\\s+|maybe\\s+|plain\\s+)?(?:(?:do|would|should|could|will)\\s+(?:we|i|you)\\s+(?:still\\s+|also\\s+|rather\\s+)?(?:need|use|want|go\\s+with|do|add)\\s+|is\\s+it\\s+|use\\s+(?:(?:them|it|those|these|that)\\s+(?:for|as|with|in)\\s+)?|put\\s+(?:them|it|those|these)\\s+(?:in|into)\\s+|do\\s+|go\\s+with\\s+)?(?:a\\s+|an\\s+|the\\s+)?(${METHOD_SOURCE})\\b[^?.!]*(?:\\?|[.!]\\s*(?:thoughts|opinions?|ideas?|makes?\\s+sense|right|ok(?:ay)?|good\\s+idea|does\\s+that\\s+work)\\b[^.!?]{0,20}\\?)`,
);
/** "should it do RAG over it? or bake it in with the fine tune?": two methods in two questions. */
const COMPARISON_ACROSS_QUESTIONS = new RegExp(
  `(${METHOD_SOURCE})\\b[^.!?\\n]{0,60}\\?\\s*(?:or|and\\s+not)\\s+(?:[a-z'-]+\\s+){0,6}?(?:a\\s+|an\\s+|the\\s+)?(${METHOD_SOURCE})\\b`,
);
/** "DPO after SFT?", "how do the pairs fit in - DPO after SFT?": the order said backwards (SFT first, then DPO). */
const ORDER_AFTER_QUESTION = new RegExp(
  `(${METHOD_SOURCE})\\s+(?:after|following|on\\s+top\\s+of)\\s+(?:a\\s+|an\\s+|the\\s+)?(${METHOD_SOURCE})\\b[^?\\n]{0,40}\\?`,
);
/** "can we do SFT on the chosen responses and then DPO?", "SFT first, then DPO?": an order of two methods, asked. */
const ORDER_QUESTION = new RegExp(
  `(${METHOD_SOURCE})\\b[^.?!\\n]{0,60}?\\b(?:and\\s+)?then\\s+(?:do\\s+|run\\s+|use\\s+)?(?:a\\s+|an\\s+|the\\s+)?(${METHOD_SOURCE})\\b[^?\\n]{0,40}\\?`,
);
/** "what does DPO change that SFT on the chosen replies wouldn't?": what one method does that the other does not. */
const DIFFERENCE_QUESTION = new RegExp(
  `\\bwhat\\s+(?:does|would|will|can)\\s+(?:a\\s+|the\\s+)?(${METHOD_SOURCE})\\s+(?:actually\\s+|really\\s+|exactly\\s+)?(?:change|do|add|give|fix|buy|bring|teach)\\b[^?\\n]{0,60}?\\b(?:that|which)\\s+(?:a\\s+|the\\s+|plain\\s+)?(${METHOD_SOURCE})\\b`,
);
/**
 * "does RAG make fine-tuning pointless?", "do we still need LoRA if we have RAG?", "can RAG replace fine-tuning?":
 * whether one method makes the other unnecessary is a comparison of the two.
 */
const REPLACES_QUESTION = new RegExp(
  `\\b(?:does|would|will|could|can|do|doesn't)\\s+(?:a\\s+|an\\s+|the\\s+|good\\s+)?(${METHOD_SOURCE})\\s+(?:make|render)\\s+(?:a\\s+|an\\s+|the\\s+)?(${METHOD_SOURCE})\\s+(?:pointless|unnecessary|redundant|obsolete|useless|moot|irrelevant|not\\s+needed)\\b|\\b(?:can|could|would|does|will)\\s+(?:a\\s+|an\\s+|the\\s+)?(${METHOD_SOURCE})\\s+(?:replace|substitute\\s+for|remove\\s+the\\s+need\\s+for|make\\s+up\\s+for)\\s+(?:a\\s+|an\\s+|the\\s+)?(${METHOD_SOURCE})\\b`,
);
const ASKS_SUMMARY =
  /\bwhat(?:'?s|\s+is)?\s+(?:the|your)\s+plan\b|\bwhat\s+plan\b|\byou\s+(?:haven't|havent|have\s+not|didn't|didnt)\s+(?:actually\s+)?(?:told|said|shown|given)\s+(?:me|us)\s+(?:anything|the\s+plan|an?\s+answer)\b|\b(?:so\s+)?what\s+(?:should|do|would\s+you\s+have)\s+(?:i|we)\s+do\b(?!\s+first)(?![^?]{0,20}\bif\b)|\b(?:final|overall|whole|full)\s+(?:plan|answer|recommendation|verdict)\b|\b(?:recap|summari[sz]e\s+(?:it|this|that|the\s+(?:plan|answer|advice)|your\s+(?:answer|advice|recommendation)|for\s+me)|sum\s+(?:it|this|that)\s+up|tl;?dr)\b|\bwhat\s+(?:should|do|can)\s+i\s+(?:tell|say\s+to|present\s+to)\b|\bso\s+what(?:'s|\s+is)\s+the\s+(?:plan|answer|verdict|recommendation)\b|\b(?:remind|tell)\s+me\s+(?:the|your)\s+(?:plan|answer|recommendation)\b|\bis\s+it\s+still\s+[a-z-]+(?:\s+[a-z-]+)?\s+or\b|\b(?:does|did|will)\s+(?:the|your)\s+(?:plan|answer|recommendation)\s+change\b|\bhas\s+(?:the|your)\s+(?:plan|answer|recommendation)\s+changed\b/;
/** "do we (even|still) need fine-tuning if we do RAG?": the method asked about first, the one they have second. */
const STILL_NEED_QUESTION = new RegExp(
  `\\b(?:do|would|will)\\s+(?:we|i)\\s+(?:even\\s+|still\\s+|then\\s+|really\\s+)+need\\s+(?:a\\s+|an\\s+|the\\s+|any\\s+)?(${METHOD_SOURCE})\\s+(?:at\\s+all\\s+)?(?:if|once|when|with|after)\\s+(?:we\\s+(?:do|have|use|add|build|set\\s+up)\\s+)?(?:a\\s+|an\\s+|the\\s+)?(${METHOD_SOURCE})\\b`,
);
/** "use it instead of plain LoRA", "it or LoRA?", "is it better than LoRA?": the method just named, weighed. */
const IT_AGAINST_METHOD = new RegExp(
  `\\b(?:use|pick|choose|go\\s+with|do|try|prefer)\\s+it\\s+(?:instead\\s+of|over|rather\\s+than)\\s+(?:plain\\s+|regular\\s+|normal\\s+|standard\\s+|the\\s+)?(${METHOD_SOURCE})\\b|\\bit\\s+(?:or|vs\\.?|versus)\\s+(?:plain\\s+|regular\\s+|normal\\s+)?(${METHOD_SOURCE})\\b|\\bis\\s+it\\s+(?:better|cheaper|faster|worse|easier)\\s+than\\s+(?:plain\\s+|regular\\s+|normal\\s+)?(${METHOD_SOURCE})\\b`,
);
/** "8-bit Adam", "paged AdamW 8bit", "adamw_8bit", "an 8-bit optimizer". */
const EIGHT_BIT_ADAM =
  /\b(?:8[\s-]?bit\s+(?:paged\s+)?(?:adamw?|optimi[sz]ers?)|(?:paged[\s_]+)?adamw?[\s_-]?8[\s_-]?bit)\b/;
/** "precompute the reference log-probs", "cache the ref logits": DPO without a reference model in memory. */
const PRECOMPUTED_REFERENCE =
  /\bprecomput\w*\s+(?:the\s+|all\s+the\s+)?(?:reference|ref)(?:\s+model)?(?:'s)?\s*(?:log[\s-]?probs?|logprobs|logits|outputs)?|\b(?:reference|ref)\s+(?:log[\s-]?probs?|logprobs|logits)\s+(?:are\s+)?(?:precomputed|cached|computed\s+(?:offline|once|ahead))|\bcach\w*\s+(?:the\s+)?(?:reference|ref)\s+(?:log[\s-]?probs?|logprobs|logits)/;
/** "some rare categories only have around 30 (examples) each", "the smallest classes have maybe 20 each". */
const RAREST_CLASS_COUNT =
  /\b(?:rare|rarest|small|smallest|tiny|thin|minority|long[\s-]tail)\s+(?:ones|classes|categories|labels|intents|codes|tags)\b[^.;!?\n]{0,50}?\b(?:have|has|with|get|at)\s+(?:only\s+|just\s+|about\s+|around\s+|roughly\s+|maybe\s+|like\s+|~\s*){0,2}(\d[\d,]*)\s+(?:[a-z]+\s+)?(?:each|apiece)\b|\b(?:rare|rarest|smallest)\s+(?:[\w-]+\s+){0,2}?(?:ones|classes|categories|labels|intents|codes|tags|levels?|types)\b(?:e\.g\.|i\.e\.|[^.;!?\n]){0,50}?\b(?:only\s+)?(?<!\bwe\s)(?:has|have)\s+(?:only\s+|just\s+|about\s+|around\s+|roughly\s+|maybe\s+|like\s+|~\s*){0,2}(\d(?:[\d,]*\d)?)(?![\d,])(?:\s+(?:examples?|samples?|essays?|items?|rows|records|cases|images|photos)\b|\s*(?:[.;!?,]|$))|\b(?:classes|categories|codes|labels|intents|levels|ones|types)\s+(?:are|is)\s+(?:very\s+|quite\s+|super\s+|pretty\s+)?rare\b(?:e\.g\.|i\.e\.|[^.;!?\n]){0,50}?\b(?:only\s+)?(?<!\bwe\s)(?:has|have)\s+(?:only\s+|just\s+|about\s+|around\s+|roughly\s+|maybe\s+|like\s+|~\s*){0,2}(\d(?:[\d,]*\d)?)(?![\d,])(?:\s+(?:examples?|samples?|essays?|items?|rows|records|cases|images|photos)\b|\s*(?:[.;!?,]|$))|\b(?:lots\s+of|many|some|most|a\s+lot\s+of|plenty\s+of)\s+(?:the\s+)?(?:codes|classes|categories|labels|intents|tags|levels)\s+(?:only\s+)?(?:have|has|get)\s+(?:only\s+|just\s+|about\s+|~\s*)?(?:\d{1,3}\s*(?:-|to)\s*)?(\d[\d,]*)\s+(?:examples?|samples?|rows|records|cases)\b|\b(?:some|a\s+few|several|the\s+rare|rare)\s+(?!(?:branches|sites|offices|teams|stores|servers|machines|nodes|clinics|plants|people|engineers|staff|customers|clients|users|tenants|accounts)\b)(?:[\w-]+\s+)?(?:like\s+[^.;!?\n]{1,40}?\s+)?(?:only\s+)?(?:have|has|get)\s+(?:only\s+|just\s+|about\s+|around\s+|roughly\s+|maybe\s+|like\s+|~\s*){0,2}(\d[\d,]*)\s+(?:(?!(?:gpus?|cards?|people|servers?|machines?|nodes?|engineers?|staff|users?|seats?|requests?|calls?|queries|messages)\b)[a-z]+\s+)?(?:each|apiece|examples?|letters|samples|emails|records|cases|items)\b|\brare\s+(?:[\w-]+\s+){0,2}?with\s+(?:only\s+|just\s+|about\s+|around\s+|~\s*)?(\d[\d,]*)\s+(?:each|apiece)\b/;
/** Words that make a comparison about the team's facts: "RAG or LoRA for the lore?", "…for our docs". */
const KNOWLEDGE_SUBJECT =
  /\b(?:lore|bible|docs|documents|documentation|facts|knowledge|manuals?|wiki|handbook|policies|catalog(?:ue)?|product\s+info(?:rmation)?|articles|faqs?|corpus|papers|patents|literature|knowledge\s+base)\b/;
/** "can I just do it with a prompt instead?", "could we get away with RAG?": is that method enough here. */
const ENOUGH = new RegExp(
  `\\b(?:can|could)\\s+(?:i|we|you)\\s+(?:get|do|fix|reach|achieve|handle|solve|nail)\\s+(?:[\\w'-]+\\s+){0,4}?(?:just\\s+|only\\s+|simply\\s+)?(?:with|using|through)\\s+(?:just\\s+|only\\s+)?(?:a\\s+|an\\s+|the\\s+|some\\s+)?(${METHOD_SOURCE})\\b[^?]*\\?|\\b(?:can|could|should|shall|would)\\s+(?:i|we|you)\\s+(?:just\\s+|simply\\s+|not\\s+just\\s+)?(?:do\\s+(?:it|this|that|everything)\\s+with|use|go\\s+with|try|stick\\s+with|start\\s+with|get\\s+away\\s+with|get\\s+by\\s+with|rely\\s+on)\\s+(?:just\\s+|only\\s+)?(?:a\\s+|an\\s+|the\\s+|some\\s+)?(${METHOD_SOURCE})\\b[^?]*\\?|\\b(?:is|would)\\s+(?:just\\s+)?(?:a\\s+|an\\s+|the\\s+)?(${METHOD_SOURCE})\\s+(?:be\\s+)?(?:enough|sufficient|good\\s+enough)\\b|\\b(?:is|are)\\s+(?:[a-z0-9.-]+\\s+){0,2}?(${METHOD_SOURCE})\\s+(?:still\\s+)?(?:available|possible|an\\s+option|supported|offered)\\b|\\b(?:is|are)\\s+(?:[a-z0-9.-]+\\s+){0,2}?(${METHOD_SOURCE})\\b(?!\\s+(?:caching|cache|compression|to\\s+[a-z]+))[^?.!\\n]{0,40}?\\b(?:even|really|actually)\\s+(?:possible|feasible|viable|realistic|doable)\\b(?!\\s+to\\s+[a-z]+)[^?\\n]*\\?`,
);
/** "Is CPT on the 5B tokens worth the ~580 GPU-hours or not?": the case for and against a method, as "why (not) X?". */
const WORTH_IT = new RegExp(
  `\\b(?:is|would|will)\\s+(?:the\\s+|a\\s+|an\\s+)?(${METHOD_SOURCE})\\b(?:(?!\\b(?:ever|generally|usually|typically)\\b)[^?.!\\n]){0,60}?\\b(?:be\\s+)?worth\\b(?=[^.!\\n]*\\?)` +
    // "would LoRA on my 300 lines fix that?", "could RAG help here?": whether the method does the job, asked.
    `|(?<!\\bhow\\s)\\b(?:would|will|could|can|does|do|might)\\s+(?:the\\s+|a\\s+|an\\s+|some\\s+)?(${METHOD_SOURCE})\\b(?:\\s+(?:on|with|of|for|using)\\s+(?:my|our|the|those|these|this|them|it)\\b(?:\\s+[\\w,.-]+){0,3}?)?\\s+(?:really\\s+|actually\\s+)?(?:help|fix|solve|cure|work(?!\\s+(?:with|on|in|for\\s+(?!us\\b|me\\b|this\\b|that\\b|them\\b))))\\b(?=[^.!\\n]*\\?)`,
);
const ASKS_MODEL =
  /\bwhat\s+would\s+you\s+(?:move|switch|migrate|put)\s+(?:us\s+)?(?:over\s+)?to\b|\bwhat\s+(?:model\s+)?size\b[^.?!]{0,40}\b(?:fits?|for|would\s+fit|are\s+we\s+(?:even\s+)?talking|do\s+we\s+need|can\s+we)\b|\bhow\s+(?:big|large)\s+(?:a|of\s+a)\s+model\b|\b(?:which|what)\s+(?:ai\s+|language\s+)?(?:model|llm|base\s+model|checkpoint|open[\s-]weights?\s+model)s?\s+(?:would|should|do|can|could|will|to)\b|\b(?:which|what)\s+(?:open|local|open[\s-]weights?|self[\s-]hosted|downloadable|small|student|device|on[\s-]device|edge|smaller|tiny)\s+(?:model|llm|one)s?\b|\brecommend\s+(?:us\s+|me\s+)?an?\s+(?:small|smaller|open|open[\s-]weights?|tiny|device|student|local)\s+(?:open\s+)?(?:model|llm)\b|\b(?:which|what)\s+(?:model|llm)s?\b(?:[^.?!]|\.(?=\d))*\?|\b(?:recommend|suggest|pick)\s+(?:us\s+|me\s+)?a\s+model\b|\b(?:no|any)\s+(?:model|llm|base\s+model)\b[^?]{0,60}?\b(?:what|which)\s+(?:one\s+)?(?:would|should|do|could)\s+you\s+(?:use|pick|choose|suggest|recommend|go\s+with|start\s+with)\b/;
/** "I want to fine-tune an open model so it talks like me. Which one?": a model named by kind, then "which one". */
const MODEL_THEN_WHICH_ONE =
  /\b(?:model|llm|checkpoint)s?\b[^?]{0,120}[.,;:!]\s*(?:so\s+|and\s+|but\s+)?(?:which|what)\s+one\b(?!\s+(?:do|did|are)\s+you\s+(?:mean|talking))[^.?!]{0,30}\?/;
/** The model asked for must run on the team's own machine: open weights, local, self-hosted. */
const OPEN_MODEL_WANTED =
  /\b(?:open[\s-]weights?|open[\s-]source|open\s+(?:model|llm|one)s?|locally|local\s+(?:model|llm|one|setup|machine)s?|something\s+local|self[\s-]?host\w*|on\s+(?:my|our)\s+(?:own\s+)?(?:mac\w*|laptop|machine|gpus?|servers?|hardware)|download\w*|(?:don't|do\s+not|dont)\s+want\s+(?:to\s+pay\s+)?(?:an?\s+)?api)\b/;
/** "can you sum up the whole thing again for my manager", "recap it for me" (newuser56). */
const ASKS_SUMMARY_MORE =
  /\bsum\s+(?:(?:it|this|that|everything|the\s+whole\s+thing|the\s+plan)\s+)?up\b|\brecap\s+(?:it|this|that|everything|the\s+plan|the\s+whole\s+thing)\b/;
/** "step by step", "walk me through the plan", "what are the steps": the plan asked for as its steps. */
const STEPS_ASKED =
  /\bstep[\s-]by[\s-]step\b|\b(?:walk|take|talk)\s+(?:me|us)\s+through\s+(?:the|your|that|this|each)\b|\bwhat\s+are\s+the\s+(?:concrete\s+|exact\s+|actual\s+)?steps\b|\b(?:list|lay\s+out|spell\s+out|outline)\s+(?:the|all\s+the|your)\s+steps\b|\b(?:each|every)\s+step\s+of\s+(?:the|your)\s+plan\b/;
/** A request for it, not a model that must reason step by step: "give me", "walk me", "what are the steps". */
const STEPS_REQUESTED =
  /\b(?:give|show|tell|walk|take|talk|explain|lay\s+out|spell\s+out|list|outline|repeat|send|write)\s+(?:me|us)\b|\bwhat\s+are\s+the\b|\bcan\s+you\b[^.;!?\n]{0,40}\bsteps?\b|\b(?:the|your)\s+(?:whole\s+|full\s+|entire\s+)?plan\b[^.;!?\n]{0,30}\bstep[\s-]by[\s-]step\b|\bstep[\s-]by[\s-]step\b[^.;!?\n]{0,30}\?/;
/** "the tutor should explain the solution step by step": what the model must do, not a request to the advisor. */
const STEPS_OF_THE_MODEL =
  /\b(?:model|assistant|bot|tutor|it|llm|agent|system|copilot)\s+(?:should|must|has\s+to|needs?\s+to|will|to|can|could)\b[^.;!?\n]{0,60}\bstep[\s-]by[\s-]step\b/;
/** "one LoRA adapter per character or one model for all?", "one model per client, or one for all 30?". */
const PER_TASK =
  /\b(?:one|a|separate|an?\s+own|individual|\d+\s+separate|\d+)\s+(?:(?:fine[\s-]?tuned|tuned|lora|separate)\s+)?(?:models?|adapters?|loras?|fine[\s-]?tunes?|copies)(?:,\s*one)?\s+(?:per|for\s+each|for\s+every|each\s+for\s+a)\s+(client|customer|tenant|character|language|team|task|brand|product|department|persona)s?\b[^?]{0,80}\?|\bhot[\s-]?swap\w*\s+(?:the\s+|them|loras?|adapters?)[^?]{0,60}\?|(?<![\d,.])\d+(?:,\d{3})*\s+(?:separate\s+|individual\s+)?(?:lora\s+)?(?:adapters?|loras?)\s+or\s+(?:one|a\s+single|a\s+shared|shared)\b[^?]{0,40}\?/;
/** "What would you assume if I don't tell you?": the defaults the answer rests on. */
const ASKS_ASSUMPTIONS =
  /\bwhat\s+(?:would|will|do|did)\s+you\s+assume\b|\bwhat\s+(?:are|were)\s+(?:your|the)\s+assumptions\b|\bwhat\s+did\s+you\s+assume\b/;
/** "Why do you need to know that?", "does it matter?", "what do you mean by …?": about the advisor's own question. */
const ASKS_ABOUT_THE_QUESTION =
  /\bwhy\s+(?:do|would|does)\s+(?:you|it|that)\s+(?:need\s+(?:to\s+know\s+)?|want\s+(?:to\s+know\s+)?|matter)|\bwhy\s+does\s+(?:that|this|it)\s+matter\b|^\W*does\s+(?:it|that)\s+(?:really\s+)?matter\b|\bwhat\s+do\s+you\s+mean\b|\bwhy\s+(?:are\s+you\s+asking|do\s+you\s+ask)\b/;
/** A question in form: a question mark, or an opening question word. */
/** "pull maybe 6k tokens of clauses into the prompt", "about 4,000 input tokens per request". */
const PROMPT_TOKENS =
  /\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(k)?[\s-]*tokens?\b[^.?!]{0,60}?\b(?:into|in|to)\s+(?:the|each|every|our)\s+prompts?\b|\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(k)?[\s-]*(?:input\s+|prompt\s+)?tokens?\s+(?:per|a|each|every)\s+(?:question|request|call|prompt|query)\b|\b(?:requests?|prompts?|calls?|queries)\s+(?:are|is|average|run|will\s+be|would\s+be|sends?|carr(?:y|ies)|uses?|has|have)\s+(?:about\s+|around\s+|roughly\s+|~\s*)?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(k)?\s*(?:input\s+)?tokens?\b/;
/** "40k in and 3k out", "1500 in / 100 out": input tokens said beside the output. */
const INPUT_IN =
  /\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(k)?\s+(?:tokens?\s+)?in\s*(?:and|,|\/)\s*(?:\d[\d,.]*\s?k?)\s+(?:tokens?\s+)?out\b/;
/** "each draft writes ~3k tokens", "3k output tokens", "summary ~100 tokens", "100 out": output per request. */
const OUTPUT_TOKENS =
  /\b(?:writes?|outputs?|generates?|produces?|returns?|(?:answers?|repl(?:y|ies)|summar(?:y|ies)|drafts?)\s+(?:are|is)?(?:\s+[\w-]+){0,4}?\s+(?:so\s+)?(?:only\s+)?)\s*(?:about\s+|around\s+|roughly\s+|~\s*)?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(k)?\s*(?:output\s+)?tokens?\b|\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(k)?\s*(?:output|completion)\s+tokens?\b|\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(k)?\s+out\b/;
/** "can I fine-tune on the Mac?", "is training on my M2 Max possible?", "could we tune it with a Mac Studio". */
const TRAIN_ON_MAC =
  /\b(?:mac(?:book)?(?:\s+(?:pro|air|studio|mini))?|m[1-4](?:\s+(?:pro|max|ultra))?)\s+(?:\w+\s+)?(?:handle|do|run|manage|cope\s+with)\s+(?:the\s+)?(?:tuning|training|fine[\s-]?tuning|lora|qlora)\b|\b(?:fine[\s-]?tun\w*|finetun\w*|train\w*|tun(?:e|ing)|lora|qlora)\b(?:[^.?!]|\.(?=\d)){0,40}?\b(?:on|with|using)\s+(?:(?:my|our|the|a|an|this|these|one)\s+)?(?:apple\s+silicon|mac(?:book)?s?(?:\s+(?:pro|air|studio|mini))?|m[1-4](?:\s+(?:pro|max|ultra))?)\b/;
/**
 * "how do we quantize it and run it on android?", "what runtime would we use on the phones?": how to get a model onto
 * a device, not whether it fits there (the fit question).
 */
const ON_DEVICE_RUNTIME =
  /\b(?:toolchain|tool\s+chain|tooling|stack)\s+(?:to|for)\s+(?:shrink|quantiz\w*|convert|run|ship|deploy|put)\b[^?.!]{0,60}\b(?:android|ios|phones?|mobile|tablets?|app|device|edge)\b|\b(?:how\s+(?:do|can|would|should|could)\s+(?:we|i|you|one)|how\s+to)\b[^?.!]{0,60}?\b(?:quantiz\w*|convert\w*|run|deploy|ship|packag\w*|put|get|load|export)\s+(?:it|them|the\s+(?:model|student|adapter|tuned\s+model)|(?:a|the|our)\s+[\w.-]+\s+\d+(?:\.\d+)?b|(?:the|our)\s+(?:tuned|fine[\s-]?tuned|trained|distilled|quantized)\s+[\w.-]+(?:\s+\d+(?:\.\d+)?b)?)\b[^?.!]{0,50}?\b(?:on(?:to)?|to|in(?:to|side)?|for)\s+(?:an?\s+|the\s+|our\s+|my\s+|their\s+|users'?\s+)?(?:android|ios|iphones?|phones?|tablets?|mobile|smartphones?|the\s+device|edge\s+devices?|(?:the\s+|our\s+|a\s+)?(?:consoles?|handhelds?|(?:vr\s+)?headsets?|kiosks?|robots?|drones?|raspberry\s+pis?|jetsons?)|(?:windows|macos|linux)\s+(?:pcs?|laptops?|desktops?|machines?|clients?)|(?:the\s+|our\s+|my\s+)?(?:game|players'?\s+(?:pcs?|machines?|gpus?|cards?|computers?)|desktop\s+app))\b[^.!]*(?:\?|$)|\bquantiz\w*\b[^?.!]{0,40}\b(?:ship|bundle|package|embed)\w*\s+(?:it\s+)?(?:in(?:side|to)?|with)\s+(?:the|our)\s+(?:game|app|client|installer)\b[^.!]*(?:\?|$)|\b(?:what|which)\s+(?:runtime|framework|library|engine|inference\s+(?:engine|library|runtime)|app)s?\b[^?.!]{0,60}\b(?:android|ios|iphones?|phones?|mobile|on[\s-]device)\b[^.!]*(?:\?|$)|\bquantiz\w*\b[^?.!]{0,60}\b(?:android|ios|iphones?|phones?|mobile|on[\s-]device)\b[^.!]*(?:\?|$)|\b(?:how\s+(?:would|do|can|should)\s+(?:we|i)\s+(?:actually\s+)?run\s+(?:it|the\s+model)\s+on\s+(?:the|our|a|each)\s+(?:[\w-]+\s+)?(?:pc|laptop|computer|box|workstation|device|appliance|console|handheld|headset|kiosk|robot)s?\b|what\s+(?:runtime|inference\s+(?:engine|software))\b[^?]{0,80}\b(?:pc|laptop|computer|box|workstation|device|appliance|offline)\b)[^.!]*(?:\?|$)/;
/** "does azure charge something monthly for hosting a fine tuned model?", "is there a fee to keep the tuned model deployed?" */
const HOSTING_FEE =
  /\b(?:host(?:ing|ed)?|deploy(?:ed|ing|ment)?|keep(?:ing)?\s+(?:it|the\s+\w+(?:\s+\w+)?)\s+(?:deployed|running|up))\b[^.?!]{0,50}\b(?:fine[\s-]?tun\w*|tuned|custom)\b[^.?!]{0,30}?(?:\?|$)|\b(?:fine[\s-]?tun\w*|tuned|custom)\s+(?:model|deployment|copy)s?\b[^.?!]{0,40}\b(?:host(?:ing)?\s+(?:fee|cost|charge)s?|per\s+hour|hourly|charged?\s+(?:monthly|per\s+month|by\s+the\s+hour))|\bhosting\s+(?:fee|cost|charge)s?\b/;
/** Providers a hosting question may name, by catalog id. */
const HOSTING_PROVIDER = /\b(?:azure(?:\s+openai)?|foundry|bedrock|vertex|openai)\b/;
const HOSTING_PROVIDER_IDS: Readonly<Record<string, string>> = {
  azure: 'azure-openai',
  'azure openai': 'azure-openai',
  foundry: 'azure-openai',
  bedrock: 'aws-bedrock',
  vertex: 'google-vertex',
  openai: 'openai',
};
const QUESTION_FORM =
  /\?\s*$|\?\s|^\W*(?:(?:also|and|so|ok(?:ay)?|but|then)[\s,]+)?(?:what(?!\s+(?:we|i|they)\s+(?:really\s+)?(?:want|need|have|mean|care\s+about)\s+is\b)|which|how|why|when|where|who|can|could|should|would|will|is|are|do|does|did)\b|\b(?:i'm|i\s+am|we're|we\s+are)\s+(?:asking|wondering)\s+(?:whether|if)\b/;
const WHAT_WOULD_CHANGE =
  /\bwhat\s+(?:would|could|might)\s+(?:change|flip|alter)\s+(?:your|the)\s+(?:answer|mind|recommendation|advice)|\bwhat\s+would\s+make\s+you\s+(?:change|recommend|pick|choose)|\bhow\s+sensitive\b|\bwhen\s+would\s+(?:the|your)\s+(?:answer|recommendation)\s+change|\bunder\s+what\s+(?:circumstances|conditions)\s+would\s+you\b|\bwhat\s+would\s+it\s+take\s+(?:for\s+you\s+)?to\s+(?:recommend|suggest|change)\b/;
/** A cost question about the running bill: "per month", "monthly", "to run it", "the bill after". */
/** (Not what the user says it is not about: "I meant training on MY 3090, not serving".) */
const MONTHLY =
  /\b(?<!\b(?:not|rather\s+than|instead\s+of)\s+(?:the\s+|for\s+)?)(?:per\s+month|a\s+month|monthly|each\s+month|every\s+month|to\s+run|running|to\s+serve|serving|bill)\b/;
const FIRST_STEP =
  /\bwhat\s+(?:exactly\s+)?(?:should|do|would|can)\s+(?:we|i|you)\s+(?:actually\s+|really\s+|even\s+|exactly\s+|literally\s+)?(?:do|build|set\s+up|start\s+with|try|recommend)\s+first\b|\bwhere\s+(?:do|should|would|can)\s+(?:we|i)\s+start\b|\b(?:the\s+)?first\s+step\b|\bon\s+monday\b|\bwhat\s+(?:do|should|shall|would)\s+(?:we|i)\s+do\s+(?:on\s+)?(?:monday|tomorrow|this\s+week|next\s+week|first\s+thing)\b|\b(?:monday|tomorrow)\s+morning\b|\bwhat(?:'s|\s+is)\s+next\b|\b(?:can|could|should|shall)\s+(?:we|i)\s+(?:start|begin)\s+(?:small|with\s+(?:a\s+)?(?:pilot|poc|proof\s+of\s+concept|prototype|mvp))\b|\bwhat\s+would\s+(?:a|the)\s+(?:pilot|poc|proof\s+of\s+concept|first\s+version)\s+look\s+like\b/;
/** "prompt caching", "cache the system prompt", "the Batch API": levers on an API bill that change no model. */
/**
 * "could we retrieve 3-4 similar past good emails per request and put them in as examples?", "dynamic few-shot":
 * examples retrieved per request into the prompt.
 */
const RETRIEVED_EXAMPLES =
  /\b(?:drop|put|add|include|insert|paste)\s+(?:a\s+few\s+|some\s+|\d+\s+|(?:two|three|four|five)\s+)?(?:similar|relevant|matching)\s+(?:past\s+|old\s+|previous\s+)?(?:[\w-]+\s+)?(?:into|in)\s+(?:each|every|the)\s+prompt\b|\bdynamic\s+few[\s-]?shot\b|\b(?:retriev\w*|pull\w*|fetch\w*|look\w*\s+up|find\w*|select\w*|pick\w*)\s+(?:the\s+)?(?:\d+(?:\s*(?:-|to)\s*\d+)?\s+|a\s+few\s+|some\s+|(?:two|three|four|five)\s+)?(?:(?:most\s+)?similar|relevant|matching|closest|nearest)\s+(?:past\s+|old\s+|previous\s+|good\s+|approved\s+|great\s+|best\s+)*(?:[\w-]+\s+)?[\w-]+\b[^.?!]{0,80}\b(?:as\s+(?:few[\s-]?shot\s+)?examples?|in(?:to)?\s+(?:the\s+)?prompt|few[\s-]?shot)/;
/** "how many techs could use it at once", "how many concurrent users can it handle". */
const CONCURRENT_USERS =
  /\bhow\s+many\s+(?:[\w-]+\s+){0,2}?(?:could|can|would|will)\s+(?:use|query|hit|ask|chat\s+with)\s+(?:it|the\s+model|the\s+bot|the\s+assistant|that)\s+(?:at\s+once|at\s+the\s+same\s+time|simultaneously|concurrently|in\s+parallel)\b|\bhow\s+many\s+(?:concurrent|simultaneous|parallel)\s+(?:users|requests|people|sessions)\b/;
/** "we have around 60 in the field", "60 techs": the people counted beside it. */
const PEOPLE_COUNT =
  /\b(?:we\s+have\s+|there\s+are\s+)?(?:around\s+|about\s+|roughly\s+|~\s*)?(\d{1,6})\s+(?:(?:field\s+)?(?:techs|technicians|users|people|staff|agents|employees|nurses|drivers|reps|students|teachers|clinicians|engineers|operators)\b|in\s+the\s+field\b)/;
/** Training on the documents themselves, or so that the model "knows" them. */
const FACTS_BY_TUNING =
  /\b(?:fine[\s-]?tun\w*|train\w*|tun(?:e|ing))\b[^.?!\n]{0,40}?\b(?:on|with)\s+(?:all\s+)?(?:of\s+)?(?:the|our|those|these)\s+(?:[\w-]+\s+)?(?:manuals?|docs|documents|documentation|pdfs|wiki|knowledge\s?base|policies|sops|handbooks?|guides?|regulations|articles)\b|\bso\s+(?:that\s+)?(?:it|the\s+model|the\s+bot)\s+['"‘]?knows?\b/;
/** A text encoder named: "a BERT-style classifier", "DeBERTa", "a small encoder model" (not an encoder-decoder, not a
 * vision or speech encoder, not the team's own "current BERT"). */
// (Not a model's own part: "whisper's encoder", "the encoder frames", "ok on the encoder" said back.)
const ENCODER = String.raw`\b(?<!\b(?:our|current|existing|old|previous|vision|image|speech|audio|on\s+the|its|their)\s+(?:[\w-]+\s+)?)(?<!'s\s)(?:distil-?bert|[\w-]*roberta|deberta(?:-?v3)?|modernbert|electra|bert(?:imbau)?|(?:text\s+|small\s+)?encoder(?![\s-]decoder)(?![\s-](?:frames?|layers?|windows?|outputs?|states?|side|part|block|stack|weights))(?:[\s-]only)?)\b`;
const ENCODER_NAMED = new RegExp(ENCODER);
/** "only reads 512 tokens", "even read a 3,000-token letter", "handle 2k tokens", "its max input length": an input length. */
const ENCODER_LENGTH_ASKED =
  /\b512[\s-]?tokens?\b|\b(?:reads?|handles?|takes?|sees?)\s+(?:only\s+|just\s+|at\s+most\s+)?512\b(?!\s+(?:labell?ed|examples?|categories|classes|labels|rows|samples|items))|\b(?:read|reads|handle|handles|take|takes|fit|fits|see|sees|process)\s+(?:a|an|the|our|whole|entire|all\s+of\s+(?:a|an|the|our))?\s*(?:[\d,.]+k?[\s-]tokens?|long\s+(?:letters?|documents?|texts?|inputs?))|\b(?:max(?:imum)?\s+(?:input\s+|sequence\s+)?length|context\s+(?:window|length)|token\s+limit)\b|\b(?:read|reads)\s+(?:that|this|so)\s+much\b/;
/** "would a bert style model not be cheaper and faster?", "isn't an encoder enough?" (newuser56). */
const ENCODER_WEIGHED_AS_CHEAPER = new RegExp(
  String.raw`\b(?:would|wouldn't|isn't|is|could|couldn't)\s+(?:a|an)\s+${ENCODER}[\s-]?(?:style|like|based|type|sized)?\s+(?:model\s+|classifier\s+)?(?:not\s+)?(?:be\s+)?(?:cheaper|faster|better|enough|simpler|smaller|good\s+enough)\b`,
);
/** …weighed as the model to use: "why not (a BERT …)", "could we just use (DeBERTa)", "(BERT …) instead of an 8B". */
const ENCODER_WEIGHED = new RegExp(
  // ("two turns ago YOU recommended full fine-tuning on BERT-Base": the advisor's own pick quoted back, not weighed.)
  String.raw`(?<!\byou\s)\b(?:suggest(?:s|ed|ing)?|propos(?:e|es|ed|ing)|recommend(?:s|ed|ing)?)\s(?:[^.?!\n]{0,60}?\s)?${ENCODER}|\b(?:why\s+not|what\s+about|how\s+about|(?:could|can|should|would|shouldn't|wouldn't)\s+(?:we|i|you)\s+(?:just\s+|simply\s+)?(?:use|train|fine[\s-]?tune|try|go\s+with)|wouldn't\s+(?:a|an)|isn't\s+(?:a|an))\s+(?:[\w()-]+\s+){0,4}?${ENCODER}|${ENCODER}[^.?!\n]{0,60}\b(?:instead\s+of|rather\s+than|vs\.?|versus)\b`,
);
/**
 * "we pay 900 now and you say 342 with a longer prompt? something's off", "that doesn't add up with our bill": the
 * estimate questioned against the bill the team pays.
 */
const BILL_MISMATCH =
  /\bwhat\s(?:explains|causes|accounts\sfor)\sthe\s(?:gap|difference|discrepancy)\b|\bwhy\s+(?:is|are)\s+(?:our|the|my)\s+(?:current\s+|real\s+|actual\s+)?(?:bill|invoice|spend|costs?)\s+(?:so\s+much\s+|that\s+much\s+|way\s+|far\s+)?(?:higher|bigger|larger)\b|\b(?:lower|higher)\sthan\s(?:our|the)\s(?:real\s|actual\s)?(?:invoice|bill)\b|\b(?:something(?:'s|\s+is)\s+off|(?:doesn't|does\s+not|don't|do\s+not)\s+add\s+up|(?:that|this|it)\s+can(?:'t|not)\s+be\s+right|makes\s+no\s+sense)\b[^.?!]{0,80}[?!.]?\s*$|\b(?:invoice|bill|you\s+said|your\s+(?:estimate|figure|number))\b[^?!]{0,200}\bwhy\s+(?:the\s+|such\s+a\s+|is\s+there\s+a\s+)?(?:big\s+|huge\s+)?(?:difference|gap|mismatch|discrepancy)\b|\bwe\s+pay\s+(?:about\s+|roughly\s+|~\s*)?[$€£]?\d[\d,.]*k?\b[^.?!]{0,30}\b(?:now|today|currently)\b[^.?!]{0,40}\b(?:you\s+say|you\s+said|your\s+(?:estimate|number|figure))\b/;
const COST_LEVERS =
  /\b(?:prompt\s+cach\w*|cach(?:e|ing)\s+(?:the\s+|our\s+|that\s+|this\s+|those\s+)?(?:[\w-]+\s+){0,2}?(?:(?:system\s+)?prompts?|prefix(?:es)?|shared\s+part|instructions)|batch\s+api|batch(?:ed|ing)?\s+(?:(?:some|all|most|part|a\s+lot)\s+of\s+)?(?:the\s+|our\s+|those\s+)?(?:requests|jobs|mode|calls|inference|work))\b/;
/** "why would we rent an MI300X, we have two 3090s", "why rent when we own an A100?": the rental questioned. */
const WHY_RENT =
  /\bwhy\s+(?:would|should|do|must|would\s+you\s+have)\s+(?:we|i|us)\s+(?:rent|pay\s+for|use)\s+(?:an?\s+|the\s+)?(?:rented\s+)?(?:[\w-]+\s+){0,2}?(?:gpus?|cards?|[ahlb]\d{2,3}[a-z]?s?|l40s|mi\d{3}x?|h\d{3}s?|cloud(?:\s+gpus?)?)\b|\bwhy\s+rent\b|\b(?:is\s+there\s+(?:any|a)\s+point|does\s+it\s+(?:even\s+)?make\s+sense|is\s+it\s+worth\s+it)\s+(?:in\s+)?(?:spending\s+[^.?!\n]{0,30}?\s+on\s+|paying\s+(?:for\s+)?)?rent(?:ing|ed)?\s+(?:an?\s+|the\s+|some\s+)?(?:[\w-]+\s+){0,2}?(?:gpus?|cards?|[ahlb]\d{2,3}[a-z]?s?|l40s|h\d{3}s?|cloud(?:\s+gpus?)?)\b/;
/** "can we do DPO with the thumbs up/down votes?", "use the star ratings for preference tuning": ratings, not pairs. */
const RATINGS_FOR_PREFERENCE =
  /\b(?:thumbs?[\s-]?(?:up|down)|up[\s-]?votes?|down[\s-]?votes?|likes?\s*\/\s*dislikes?|star\s+ratings?|ratings?|votes?)\b[^?]{0,120}\b(?:dpo|preference\s+(?:tuning|optimi[sz]ation|data|pairs)|rlhf)\b|\b(?:dpo|preference\s+(?:tuning|optimi[sz]ation)|rlhf)\b[^?]{0,80}\b(?:thumbs?[\s-]?(?:up|down)|up[\s-]?votes?|down[\s-]?votes?|star\s+ratings?|ratings|votes)\b/;
/** "will embedding search even find those codes?", "vector search misses exact part numbers": identifiers in search. */
const EXACT_MATCH_RETRIEVAL =
  /\b(?:vector|embedding|semantic)\s+(?:similarity|search|retrieval)\b[^.?!]{0,40}\b(?:match|find|catch|pull\s+up)\s+(?:those|them|these|such|codes?|ids?|part\s+numbers?)\b|\bretriev\w*\b[^.?!]{0,60}\b(?:for|with)\s+(?:such|these|those|exact)\s+(?:identifiers|ids|codes|part\s+numbers)\b|\b(?:embedding|vector|semantic|dense)\s+(?:similarity\s+)?(?:search|retrieval|lookup)\b[^.?!]{0,60}\b(?:find|match|catch|handle|get|miss(?:es)?)\b|\b(?:exact|specific|rare)\s+(?:error\s+|part\s+|product\s+|item\s+)?(?:codes?|ids?|identifiers?|part\s+numbers?|skus?|model\s+numbers?|serial\s+numbers?|terms?|keywords?)\b[^.?!]{0,60}\b(?:embedding|vector|semantic|retriev\w*|search)\b|\b(?:part|product|item|model|serial|order|error|article)\s+(?:numbers?|codes?|ids?)\b[^?!\n]{0,80}\b(?:will|would|can|could|does|do)\s+(?:the\s+|our\s+|your\s+)?(?:search|retrieval|retriever|rag|it|embeddings?)\s+(?:\w+\s+)?(?:find|match|catch|pull\s+up|handle|get)\b/;
/** "Is this safe enough for clinical use?", "can we trust its answers?", "how do we make it safe?". */
const ASKS_PRIVACY =
  /\b(?:memori[sz]e|memori[sz]ation|leak(?:s|ing)?|de[\s-]?identif\w*|anonymi[sz]\w*|pseudonymi[sz]\w*|redact\w*\s+(?:the\s+)?(?:pii|names|patient))\b[^?]{0,80}\?/;
const ASKS_SAFETY =
  /\b(?:is|would|will)\s+(?:this|it|that)\s+(?:even\s+|really\s+|actually\s+)?(?:be\s+)?(?:safe|ok(?:ay)?)\s+(?:for|to\s+use\s+(?:in|for|with))\s+(?:clinical|medical|patients?|hospital|legal|financial|production|real)\b|\b(?:anything|something)\s+safety[\s-]wise\b|\bsafety[\s-]wise\b[^.!?\n]*\?|\bwhat\s+about\s+safety\b|\b(?:is|would|will)\s+(?:this|it|that)\s+(?:be\s+)?(?:safe|reliable|trustworthy|accurate)\s+enough\b|\bsafe\s+enough\s+(?:for|to)\b|\b(?:can|could|should)\s+(?:we|i|doctors|clinicians|lawyers|users)\s+trust\s+(?:it|this|its|the\s+(?:answers|outputs?|model))\b|\bhow\s+(?:do|can|would|should)\s+(?:we|i)\s+make\s+(?:it|this)\s+safe\b|\bis\s+it\s+(?:safe|ok(?:ay)?|fair|legal)\s+to\s+(?:fine[\s-]?tune|train|tune|use|deploy)\b/;
/**
 * "All data must stay in the EU", "EU-only data", "hosted in Germany", "contracts may not leave the EU": a region data
 * may not leave.
 */
const ASKS_ENOUGH_DATA =
  /\b(?:is|are)\s(?:that|this|it|they|these|those)\s(?:really\s|actually\s)?enough\s(?:data|examples|labels)\b|\bwhether\s[\d,.]+k?\s(?:\w+\s)?(?:is|are)\senough\b|\b(?:is|are)\s+(?:~\s*|about\s+|only\s+)?\d[\d,.]*k?\s+(?:(?!(?:gb|gigs?|tb|mb|tokens?|ms|seconds?|hours?|days?|weeks?|months?|dollars?|usd|eur|gpus?|cards?|requests?|calls?)\b)[a-z-]+\s+){0,2}(?:really\s+|actually\s+|even\s+|still\s+)?enough\b|\b(?:are|is|would|will)\s+(?:a\s+)?(?:[\w,.-]+\s+){0,4}?(?:examples|samples|pairs|rows|records|labels)\s+(?:going\s+to\s+)?be\s+(?:enough|sufficient|adequate)\b|\b(?:examples|samples|pairs)\b[^.?!]{0,30}\b(?:sufficient|suffice|adequate)\b|\b(?:(?:is|are)\s+(?:that|this|these|those|it|they)\s+(?:really\s+|actually\s+|even\s+|still\s+)?enough\s+(?:to\s+(?:fine[\s-]?tune|train|tune|do\s+(?:lora|qlora|dpo|sft))|for\s+(?:fine[\s-]?tuning|training|tuning|lora|qlora|dpo|sft|a\s+(?:fine[\s-]?tune|lora)))|(?:is|are)\s+(?:[\d,.]+k?|that|this|it)\s+(?:\w+\s+)?enough\s+(?:for|to\s+cover)\s+(?:\d+|all\s+(?:the\s+|our\s+)?\d+)\s+(?:intents|classes|categories|labels|codes|languages|tags|queues|topics)|(?:is|are)\s+(?:(?:~\s*|about\s+|around\s+)?[\d,.]+k?|a\s+few\s+hundred|a\s+couple\s+(?:of\s+)?hundred|that|this|these|those|it)\s+(?:[\w-]+\s+){0,3}?(?:examples?|pairs?|samples?|labels?|rows|records|data|images|photos|pictures|clips|recordings|hours|letters|emails|tickets|documents|docs|summaries|reports|conversations|dialogues|transcripts|reviews|contracts|notes|answers|replies|descriptions|clauses|cases|items|forms|invoices|chats)\s+(?:really\s+|actually\s+|even\s+)?enough|(?:do|would|will)\s+(?:we|i)\s+have\s+enough\s+(?:labell?ed\s+)?(?:data|examples?|pairs?|samples?|labels?)|how\s+many\s+(?:labell?ed\s+|training\s+|preference\s+)?(?:examples?|pairs?|samples?|labels?)\s+(?:do|would|will)\s+(?:we|i|you)\s+need|enough\s+(?:data|examples?|pairs?)\s+(?:to|for)\s+(?:fine[\s-]?tun\w*|train\w*|tun\w*|lora|qlora|dpo))\b|\b(?<![\d,.])\d{1,3}(?:[,.]\d{3})*(?:\.\d+)?k?(?![\d,.]\d)(?:\s+(?:[a-z-]+\s+){0,2}?(?:examples|samples|pairs|labels|letters|records|rows|emails|tickets))?(?:\s*[-–—:,]\s*|\s+)(?:enough\s+or\s+(?:overkill|too\s+many|too\s+much|too\s+few|not)|too\s+(?:few|little)\s+or\s+enough)\b|\b(?:would|will|do|does|is|are)\s+(?:around\s+|about\s+|roughly\s+|~\s*|only\s+)?\d[\d,.]*k?\s+(?:[a-z-]+\s+)?(?:examples|samples|pairs|labels|rows)\s+(?:be\s+enough|do|cut\s+it|suffice)\b/;
const ASKS_HALLUCINATION =
  /\b(?:what\s(?:can|could|should|do)\s(?:we|i)\sdo|how\s(?:do|can|could|should)\s(?:we|i)\s[\w\s]{0,40}?)\sso\s(?:that\s)?(?:it|the\s(?:bot|model|assistant|llm))\s(?:doesn't|does\snot|won't|will\snot|never|stops?)\s(?:invent\w*|mak(?:e|es|ing)\s(?:stuff|things|answers|facts)\sup|fabricat\w*|hallucinat\w*)|\bkeep\s+(?:it|the\s+model|the\s+bot)\s+from\s+(?:inventing|making\s+up|fabricating|hallucinating)\b|\b(?:stop|prevent|avoid|reduce|limit|minimi[sz]e|cut|fix|deal\s+with|handle)\b[^.?!]{0,40}\b(?:mak(?:e|es|ing)\s+(?:stuff|things|facts|answers|up\s+(?:stuff|things|facts|answers))\s*(?:up)?|hallucinat\w*|invent(?:s|ing)?\s+(?:stuff|things|facts|answers)|made[\s-]up\s+(?:answers|facts|stuff))|\b(?:never|not|doesn't|won't)\s+(?:\w+\s+)?(?:invent|make\s+up|fabricate|hallucinate)\w*\s+(?:an?\s+|any\s+)?[\w-]+[^.?!]{0,60}\.?\s*(?:how|what)\s+(?:do|can|should|would)\s+(?:we|i|you)\s+(?:handle|stop|prevent|avoid|deal\s+with|ensure|guarantee|make\s+sure)|\b(?:how|what)\s+(?:do|can|should|would)\s+(?:we|i|you)\s+(?:stop|prevent|avoid)\s+(?:it|the\s+model)\s+(?:from\s+)?(?:making\s+up|inventing|fabricating|hallucinating)|\b(?:make\s+sure|ensure|guarantee|be\s+sure)\s+(?:that\s+)?(?:it|the\s+(?:bot|model|assistant))\s+never\s+(?:tells?|says?|gives?|claims?|promises?)\b/;
/** The team hosts the model itself: "we host ourselves in Frankfurt", "self-hosted in our Paris rack". */
const HOSTED_BY_US =
  /\b(?:host|run|serve)(?:s|ed|ing)?\s+(?:it\s+|them\s+|the\s+model\s+)?ourselves\b|\bself[\s-]?host(?:ed|ing)?\b/;
/** A cloud region or city in the EU named as where a model would run: "in Frankfurt", "eu-central-1". */
const EU_CLOUD_PLACE =
  /\b(?:norwegian|swedish|finnish|danish|german|french|irish|dutch)\s+(?:or\s+(?:norwegian|swedish|finnish|danish|german|french|irish|dutch)\s+)?(?:data\s?cent(?:er|re)|cloud|region)\b|\b(?:in|from|via)\s+(?:aws\s+|azure\s+|gcp\s+|bedrock\s+|vertex\s+)?(?:frankfurt|oslo|eu-(?:central|west|north|south)-\d|europe-west\d|ireland|dublin|paris|stockholm|milan|amsterdam)\b/;
/** Countries and regions a cloud region may be asked in (beyond those data is said to stay in). */
const REGION_PLACES =
  'eu|european\\s+union|europe|uk|united\\s+kingdom|us|usa|united\\s+states|germany|france|switzerland|canada|australia|india|japan|south\\s+africa|kenya|nigeria|egypt|morocco|brazil|mexico|chile|argentina|colombia|singapore|indonesia|malaysia|thailand|vietnam|philippines|korea|south\\s+korea|hong\\s+kong|taiwan|uae|the\\s+uae|qatar|saudi\\s+arabia|israel|turkey|sweden|norway|finland|denmark|netherlands|ireland|italy|spain|poland|new\\s+zealand|the\\s+middle\\s+east|africa|asia|latin\\s+america';
/** "data must stay in the EU", "processed in Brazil", "EU-only", "can't leave Canada": where data may be processed. */
const DATA_REGION = new RegExp(
  `\\b(?:data|it|everything|records|documents)\\b[^.;!?\\n]{0,40}?\\b(?:stay|stays|remain|remains|be\\s+kept|be\\s+hosted|be\\s+processed|be\\s+stored|kept|hosted|processed|stored)\\s+(?:in|within|inside)\\s+(?:the\\s+)?(eea|european\\s+economic\\s+area|${REGION_PLACES})\\b|\\b(eea|eu|uk|us)[\\s-]only\\b|\\b(?:can't|cannot|can\\s+not|may\\s+not|must\\s+not|mustn't|never|won't|not\\s+allowed\\s+to)\\s+(?:ever\\s+)?leave\\s+(?:the\\s+)?(eea|european\\s+economic\\s+area|${REGION_PLACES})\\b`,
);
/** "an Azure region in South Africa", "AWS Cape Town region", "a data centre in Kenya": a cloud region asked about. */
const CLOUD_REGION_ASKED = new RegExp(
  `\\b(?:(?:azure|aws|gcp|google\\s+cloud|bedrock|vertex|openai|cloud)\\s+)?(?:region|data\\s?cent(?:er|re))\\s+in\\s+(${REGION_PLACES})\\b|\\b(${REGION_PLACES}|são\\spaulo|sao\\spaulo|frankfurt|london|paris|tokyo|sydney|mumbai|toronto|zurich|dublin|amsterdam|stockholm|milan|madrid|warsaw|seoul|jakarta|johannesburg|dubai)(?:\\s(?:east|west|north|south|central|southeast|northeast|southwest|northwest))?\\s(?:cloud\\s)?region\\b`,
);
/** "south africa" → "South Africa". */
function titleCase(place: string): string {
  return place
    .replace(/^the\s+/, '')
    .replace(/(?<![\p{L}])\p{Ll}/gu, (letter) => letter.toUpperCase())
    .replace(/\bUae\b/, 'the UAE');
}
const REGION_NAMES: Readonly<Record<string, string>> = {
  // A cloud region named by its city is in that city's country.
  'são paulo': 'Brazil',
  'sao paulo': 'Brazil',
  frankfurt: 'Germany',
  london: 'the UK',
  paris: 'France',
  tokyo: 'Japan',
  sydney: 'Australia',
  mumbai: 'India',
  toronto: 'Canada',
  zurich: 'Switzerland',
  dublin: 'Ireland',
  amsterdam: 'the Netherlands',
  stockholm: 'Sweden',
  milan: 'Italy',
  madrid: 'Spain',
  warsaw: 'Poland',
  seoul: 'South Korea',
  jakarta: 'Indonesia',
  johannesburg: 'South Africa',
  dubai: 'the UAE',
  eu: 'the EU',
  'european union': 'the EU',
  // The EEA is the EU plus Norway, Iceland and Liechtenstein: an EU region keeps data inside it too.
  eea: 'the EEA',
  'european economic area': 'the EEA',
  europe: 'Europe',
  uk: 'the UK',
  'united kingdom': 'the UK',
  us: 'the US',
  usa: 'the US',
  'united states': 'the US',
  germany: 'Germany',
  france: 'France',
  switzerland: 'Switzerland',
  canada: 'Canada',
  australia: 'Australia',
  india: 'India',
  japan: 'Japan',
};
/** "How do we stop it from making stuff up to customers?", "can we reduce hallucinations?". */
/** "does few-shot fit in the context window?", "does that even fit Qwen's context?", "too long for the context?". */
const ASKS_CONTEXT_FIT =
  /\bfits?\s+(?:in(?:to)?\s+|within\s+)?(?:the\s+|its\s+|our\s+|the\s+model's\s+|[\w.-]+'s\s+)?context(?:\s+window|\s+length)?\b|\bcontext(?:\s+window|\s+length)?\s+(?:big|long|large)\s+enough\b|\btoo\s+(?:long|big)\s+for\s+(?:the\s+|its\s+|the\s+model's\s+)?context\b/;
/** The largest token count the message says ("75k tokens", "25,000 tokens"). */
const TOKEN_COUNT = /(\d+(?:[.,]\d+)?)\s?(k)?[\s-]?tokens?\b/g;
/** "is an instruct model better for this than our base checkpoint?", "base or instruct?", "should we use the chat version?". */
const ASKS_INSTRUCT_VS_BASE =
  /\bwhat\s+happens\s+to\s+(?:the\s+|its\s+)?instruction[\s-]following\b|\b(?:instruct(?:ion[\s-]tuned)?|chat)\s+(?:model|version|checkpoint|variant|one)\b[^.?!]{0,50}\b(?:better|instead|rather|over|vs\.?|versus|or)\b[^.?!]{0,40}\bbase\b|\bbase\b[^.?!]{0,40}\b(?:or|vs\.?|versus|instead\s+of|rather\s+than)\s+(?:the\s+|an?\s+)?(?:instruct|chat)\b|\b(?:should|could|would)\s+(?:we|i)\s+(?:use|switch\s+to|take|start\s+from|go\s+with)\s+(?:the\s+|an?\s+)?(?:instruct|chat)\s+(?:model|version|checkpoint|variant)\b/;
/** "what stops it from inventing a procedure that doesn't exist?", "how do we keep it from making stuff up?" */
const ASKS_HALLUCINATION_MORE =
  /\b(?:what|how)\s+(?:stops|prevents|keeps)\s+(?:it|the\s+(?:bot|model|assistant|llm))\s+from\s+(?:inventing|making\s+(?:up\s+|stuff\s+up|things\s+up)|fabricating|hallucinating|guessing)\b/;

/** "how do we guarantee the output is always valid JSON matching the schema?", "how to stop the JSON breaking?". */
/** "one of our 40 category codes", "only valid labels": a closed set of labels the output must come from. */
const ONE_OF_LABELS =
  /\b(?:one\s+of\s+(?:our|the)\s+(?:\d+\s+)?(?:[\w-]+\s+)?|only\s+(?:valid\s+|our\s+)?)(?:categor(?:y|ies)|labels?|codes?|classes?|tags?)\b/;
const ASKS_FORMAT_GUARANTEE =
  /\b(?:(?:will|would|is|are)\s(?:every|each|all(?:\sthe)?|the)\s(?:[\w-]+\s)?(?:outputs?|answers?|responses?|results?|completions?)\s(?:always\s)?(?:be\s)?(?:(?:valid|parse|parseable)\b(?:\s(?:json|yaml|xml))?(?=[^.?!]{0,40}\b(?:json|yaml|xml|schema|format|template|parse))|match\s(?:the|our)\s(?:schema|format|template|json))|make\s+certain\b[^.?!]{0,50}\b(?:parses?|valid|schema|json|format)\b|(?:guarantee|ensure|make\s+(?:100%\s+|100\s+percent\s+|absolutely\s+|completely\s+|really\s+|totally\s+)?sure|be\s+(?:100%\s+|absolutely\s+|completely\s+|totally\s+)?(?:sure|certain)\s+(?:that\s+)?|force|enforce|restrict|constrain|limit)\b[^.?!]{0,50}\bonly\s+(?:ever\s+)?(?:outputs?|returns?|answers?\s+with|emits?|produces?|picks?|says?)\s+(?:one\s+of\s+)?(?:our|the|a|valid)\s+(?:\d+\s+)?(?:[\w-]+\s+)?(?:categor(?:y|ies)|labels?|codes?|classes?|options?|values?|tags?)\b|(?:guarantee|ensure|make\s+(?:100%\s+|100\s+percent\s+|absolutely\s+|completely\s+|really\s+|totally\s+)?sure|be\s+(?:100%\s+|absolutely\s+|completely\s+|totally\s+)?(?:sure|certain)\s+(?:that\s+)?|force|enforce|stop|prevent|avoid|fix)\b[^.?!]{0,50}\b(?:valid\s+json|json|(?:the\s+|our\s+)?schema|(?:output\s+)?format|yaml|xml|(?:the\s+|our\s+)?template|syntactically\s+valid|valid\s+(?:code|sql|dsl|queries)|(?:always\s+)?(?:compiles|parses))\b|always\s+(?:be\s+)?(?:valid|match(?:es|ing)?\s+(?:the|our)\s+schema|parse)|(?:always\s+)?(?:sticks?|keeps?|stays?)\s+(?:to|with|on)\s+(?:the|our)\s+(?:template|format|schema|structure)|follow\s+(?:the|our)\s+(?:\w+\s+)?(?:template|format|schema|structure)\s+(?:exactly|every\s+time|always|to\s+the\s+letter)|(?:json|output)\s+(?:from\s+breaking|never\s+breaks)|(?:guarantee|ensure|make\s+(?:100%\s+|100\s+percent\s+|absolutely\s+|completely\s+|really\s+|totally\s+)?sure|be\s+(?:100%\s+|absolutely\s+|completely\s+|totally\s+)?(?:sure|certain)\s+(?:that\s+)?|force|enforce)\b[^.?!]{0,60}\b(?:required|mandatory|compulsory)\s+(?:sections?|paragraphs?|fields?|headings?|clauses?|disclaimers?|wording)|(?:always|every\s+time)\s+(?:contains?|includes?|has)\s+(?:the\s+|all\s+(?:the\s+)?)?(?:required|mandatory)\b)/;
/** "the JSON is sometimes invalid, will fine-tuning fix that?": output that breaks its format, and tuning asked as the fix. */
const BROKEN_FORMAT_FIX =
  /\b(?:json|output|outputs|yaml|xml|schema)\b[^.?!]{0,40}?\b(?:invalid|broken|malformed|not\s+valid|doesn't\s+parse|does\s+not\s+parse|fails?\s+to\s+parse|unparseable)\b[^?]{0,80}?\b(?:will|would|does|can|could)\s+(?:fine[\s-]?tuning|tuning|training|lora|a\s+fine[\s-]?tune|qlora)\s+(?:it\s+)?(?:fix|solve|help\s+with|cure)\b/;
/** "is 150 examples really enough?", "do we have enough data to fine-tune?", "how many examples do we need?". */
/** "would a couple thousand tickets actually be sufficient to tune on?" (newuser56). */
const ASKS_ENOUGH_DATA_MORE =
  /\b(?:would|will|are|is)\s+(?:[\w,.-]+\s+){0,4}?(?:examples|samples|pairs|rows|records|labels|tickets|emails|documents|docs|conversations|transcripts|reviews|contracts|replies|answers|images|photos|recordings)\s+(?:actually\s+|really\s+|even\s+|still\s+)?be\s+(?:enough|sufficient|adequate)\b/;

/** Training on the weaker examples too, asked: "…should we train on all of them?", "…or also throw in the rest?". */
const TRAIN_ON_ALL =
  /\b(?:train|tune|fine[\s-]?tune|sft)\w*\s+(?:(?:only\s+)?on\s+)?(?:all\s+(?:of\s+)?(?:them|those|these|it)|everything|the\s+(?:whole|full)\s+(?:set|lot|thing))\b|\b(?:throw|put|add|mix|include)\s+in\s+(?:the\s+)?rest\b|\b(?:also|or)\s+(?:use|include|add)\s+the\s+(?:rest|others|weaker|bad)\b|\bonly\s+(?:on\s+)?the\s+(?:[\d,.]+k?\s+)?(?:best|good|clean)\b/;
/** Words that grade the examples' quality. */
const QUALITY_WORDS =
  /\b(?:good|best|clean|high[\s-]quality|quality|bad|poor|messy|noisy|low[\s-]quality|usable|garbage|sloppy)\b/;
/** "a third of the 3,500", "half of our 15k notes": a share of a total said to be good. */
const SHARE_OF_TOTAL =
  /\b(?:a\s+third|one\s+third|a\s+quarter|half|two\s+thirds|(\d{1,2})\s?%)\s+of\s+(?:the|our|those|these)\s+(?:~\s*|about\s+)?([\d,.]+\s?k?)\b/;
/** "the 900 best notes": the good ones, counted. */
const GOOD_COUNT = /\b(?:the|our)\s+([\d,.]+\s?k?)\s+(?:best|good|clean|high[\s-]quality|curated)\b/;

function dataQualityQuestion(lower: string): { total?: number; good?: number } | undefined {
  if (!TRAIN_ON_ALL.test(lower) || !QUALITY_WORDS.test(lower) || !QUESTION_FORM.test(lower)) return undefined;
  const share = SHARE_OF_TOTAL.exec(lower);
  const total = share ? parseCount(share[2] ?? '') : undefined;
  const word = share?.[0] ?? '';
  const fraction = /third/.test(word)
    ? /two/.test(word)
      ? 2 / 3
      : 1 / 3
    : /quarter/.test(word)
      ? 1 / 4
      : /half/.test(word)
        ? 1 / 2
        : share?.[1] !== undefined
          ? Number(share[1]) / 100
          : undefined;
  const counted = GOOD_COUNT.exec(lower);
  const good = counted
    ? parseCount(counted[1] ?? '')
    : total !== undefined && fraction !== undefined
      ? Math.round(total * fraction)
      : undefined;
  return { ...(total === undefined ? {} : { total }), ...(good === undefined ? {} : { good }) };
}

/** "is that enough?", "are those enough?": enough of what the message counted. */
const BARE_ENOUGH = /\b(?:is|are)\s+(?:that|this|it|they|these|those)\s+(?:really\s+|actually\s+|even\s+)?enough\s*\?/;
/** A count of examples in the message: "~40 examples each", "2,000 labelled tickets". */
const EXAMPLES_COUNTED =
  /\d[\d,.]*\s*k?\s+(?:[\w-]+\s+)?(?:examples?|samples?|pairs|labels|rows|records|labell?ed\s+\w+)\b/g;
/**
 * "…only have ~40 examples each. is that enough?": a bare "enough?" right after a count of examples (the same or the
 * previous sentence, with no money, memory or time between them: "…2,000 examples. Our budget is $500, is that enough?"
 * asks about the budget).
 */
function bareEnoughOfExamples(lower: string): boolean {
  const bare = BARE_ENOUGH.exec(lower);
  if (!bare) return false;
  const before = lower.slice(Math.max(0, bare.index - 160), bare.index);
  const counted = [...before.matchAll(EXAMPLES_COUNTED)].pop();
  if (counted === undefined) return false;
  const between = before.slice((counted.index ?? 0) + counted[0].length);
  return (
    (between.match(/[.!?]/g) ?? []).length <= 1 &&
    !/[$€£]|\b\d[\d,.]*\s*(?:k\s+)?(?:gb|gigs?|gpus?|weeks?|months?|days?|dollars?|usd|eur|euros?|a\s+month|per\s+month)\b|\bbudget\b/.test(
      between,
    )
  );
}
/** Words in a safety question that say a wrong answer has consequences someone answers for. */
const HIGH_STAKES_WORDS =
  /\b(?:clinical|clinicians?|medical|patients?|doctors?|diagnos\w*|dosages?|doses?|meds|medications?|drugs?|hiring|recruit\w*|candidates?|r[ée]sum[ée]s?|cvs?|bias(?:ed)?|fairness|ai\s+act|regulat\w*|auditors?|audit|compliance|supervisor|legal\s+liability|liable|without\s+(?:a\s+)?(?:human|person|anyone|review)|unsupervised|fully\s+automat\w*)\b/;
const SMALL_TALK =
  /^\W*(?:(?:cảm\s+ơn|obrigad[oa]|gracias|merci|danke|grazie|vielen\s+dank|danke\s+sch[oö]n|muchas\s+gracias|asante(?:\s+sana)?|salamat|arigato|gamsahamnida|shukran|dziękuję|dziekuje|tack)\W+)?(?:thanks?(?:\s+(?:a\s+lot|so\s+much|you(?:\s+(?:so|very)\s+much)?))?|thank\s+you(?:\s+(?:so|very)\s+much)?|thx|ty|cheers|great|cool|nice|perfect|awesome|ok(?:ay)?|got\s+it|makes\s+sense|sounds\s+good|understood|will\s+do|bye|goodbye)\W*(?:[a-z']+\W*){0,3}$/;
/** Thanks anywhere in a longer message: "thanks anyway", "anyway, thanks, this helped". */
const THANKS =
  /\b(?:thanks|thank\s+you|thx|cheers|vielen\s+dank|danke|merci|gracias|obrigad[oa]|grazie|asante|salamat|arigato)\b(?!\s+(?:to|for\s+nothing)\b)|\b(?:this|that|it)\s+(?:really\s+)?helped\b/;
const SHOW_DETAILS =
  /\b(?:show\s+(?:me\s+)?(?:the\s+)?(?:details|full\s+(?:reasoning|explanation|answer)|everything|all\s+(?:the\s+)?(?:reasons|details))|(?<!\b(?:have|got|no|any)\s)more\s+details|full\s+(?:reasoning|explanation)|explain\s+(?:it\s+)?in\s+(?:full|detail))\b/;
/** "fine-tuning" without "full": for an API model with a tuning offer this means the provider's job. */
const GENERIC_FINE_TUNING = /\bfine[\s-]?tun(?:e|ing)\b|\bfinetun(?:e|ing)\b/;
const FULL = /\bfull[\s-]?(?:parameter\s+)?(?:fine|ft|tuning)/;
/** "serve 6000 letters a day", "handle 2M requests per day", "keep up with 300k calls a day". */
const SERVING_VOLUME = new RegExp(
  `\\b(?:serve|handle|keep\\s+up\\s+with|cope\\s+with|take)\\s+(?:the\\s+|our\\s+|those\\s+|all\\s+)?(?:about\\s+|around\\s+|~\\s*)?(${COUNT_SOURCE})\\s+(?:[a-z-]+\\s+){0,2}?(?:a|per|each)\\s+day\\b`,
);
/** "serve an 8B model at 200 lines per second", "handle 50 requests/sec". */
const SERVING_RATE = new RegExp(
  `\\b(?:serve|handle|keep\\s+up\\s+with|cope\\s+with)\\b[^.?!\\n]{0,40}?\\b(?:at\\s+)?(${COUNT_SOURCE})\\s+(?:[a-z-]+\\s+)?(?:per\\s+|a\\s+|\\/\\s*)(sec(?:ond)?|s)\\b`,
);
/** Every weight trained: "full-parameter DPO", "full DPO", "all the weights" (not with LoRA). */
const FULL_PARAMETER =
  /\bfull[\s-]?(?:param(?:eter)?s?|weights?|rank)\b|\bfull\s+(?:dpo|rlhf|preference\s+tuning)\b|\b(?:every|all\s+(?:the\s+)?)weights?\b/;

/** "how fast will it generate there?", "roughly how many tokens per second?", "what's the time to first token?". */
const ASKS_SPEED =
  /\b(?:will|would|can|could|does)\s+(?:[\w.-]+\s+){0,6}?(?:really\s+|actually\s+)?(?:answer|respond|reply|generate|run|finish)\s+(?:with)?in\s+(?:about\s+|around\s+|~\s*)?\d+(?:\.\d+)?\s*(?:s|sec|secs|seconds|ms|milliseconds)\b[^.!]*\?|\bhow\s+(?:fast|quick(?:ly)?)\s+(?:will|would|does|can|is)\b[^?]{0,60}\b(?:generat\w*|run|respond|answer|it|inference)\b[^.!]*\?|\bhow\s+many\s+tokens?\s+(?:per|a|each)\s+(?:second|sec|s)\b|\btokens?\s+per\s+second\b[^.!]*\?|\btime\s+to\s+first\s+token\b[^.!]*\?|\bwithin\s+(?:our|the|your|a)\s+\d+(?:\.\d+)?[\s-]*(?:s|sec|secs|second|seconds|ms|milliseconds)\s+(?:latency\s+)?(?:target|limit|budget|sla)\b[^.!]*\?|\b(?:is|are)\s+(?:the|our|a|that)\s+(?:\d+(?:\.\d+)?[\s-]*(?:s|ms|sec|second|seconds)\s+(?:latency\s+|p9\d\s+)?|latency\s+|p9\d\s+)(?:target|limit|sla)\s+(?:even\s+)?(?:realistic|achievable|doable|feasible|possible)\b|\b(?:meet|hit|make|reach)\s+(?:our|the|a|that)\s+(?:[\w.-]+\s+){0,3}?(?:latency|p9\d)(?:\s+(?:target|sla|limit))?\b[^.!]*\?/;
/** "how do we evaluate the suggestions before we roll this out?", "what metrics should we track?". */
const ASKS_EVALUATION =
  /\bhow\s+(?:do|should|would|can|could|will)\s+(?:we|i|you|one)\s+(?:\w+\s+)?(?:evaluate|test|measure|validate|benchmark|assess|know\s+(?:if|whether)\s+(?:it|the\s+\w+)\s+(?:works|is\s+good))\b|\bhow\s+(?:do|should|would|can|could|will)\s+(?:we|i|you)\s+(?:\w+\s+)?(?:check|verify|make\s+sure|be\s+sure|confirm)\s+(?:that\s+)?(?:the|its|our|their)\s+(?:[\w-]+\s+){0,2}?(?:are|is)\s+(?:actually\s+|really\s+|any\s+)?(?:good|right|correct|accurate|safe|ok(?:ay)?|reliable)\b|\bhow\s+to\s+(?:evaluate|test|measure|validate|benchmark|assess)\b|\b(?:what|which)\s+(?:metrics?|evals?|evaluation)\b[^?.!]{0,60}\?|\beval(?:uation)?\s+(?:plan|strategy|setup|harness)\b[^.!]{0,40}\?/;
/** "Our correctors disagree with each other by up to 40 points": the people who grade the task disagree. */
const RATERS_DISAGREE =
  /\b(?:correctors?|graders?|raters?|annotators?|reviewers?|markers?|examiners?|labell?ers?|assessors?|experts?|judges?|teachers?|doctors?|radiologists?)\b(?:\s+(?:often|sometimes|themselves|also|even))?\s+(?:disagree|don'?t\s+agree|do\s+not\s+agree|(?:differ|vary|are\s+(?:not\s+)?(?:very\s+)?inconsistent)\s+(?:a\s+lot\s+|widely\s+)?(?:in|on)\s+(?:their\s+|the\s+)?(?:scores?|grades?|marks?|ratings?|labels?|grading|scoring|marking))\b([^.;!?\n]{0,60})/;
/** The spread said with it: "by up to 40 points", "by 2 marks". */
const RATER_SPREAD =
  /\bby\s+(?:up\s+to\s+|about\s+|around\s+|as\s+much\s+as\s+|roughly\s+|~\s*)?(\d{1,4})\s*(points?|pts|marks?)\b/;
/**
 * "how many weeks until this is in production?", "what's the timeline end to end?", "when can we go live?": the
 * calendar of the whole plan (a training run's own length is the cost answer's "how long to train").
 */
const ASKS_TIMELINE =
  /\b(?:launch|deadline|go[\s-]live|release|ship\s+date)\b[^?!]{0,40}?\b(?:in|within|by)\s+(?:\d+|a|one|two|three|four|five|six|eight|ten|twelve)\s+(?:weeks?|months?|days)\b[^?!]{0,20}?[.!]?\s*(?:can|could)\s+we\s+(?:make|hit|meet|do)\s+(?:that|it)\b|\bhow\s+(?:many|much)\s+(?:weeks?|months?|days|time)\b[^?.!]{0,40}\b(?:until|till|before|to\s+(?:get|ship|launch|deploy|go|production|have|build|do|finish|deliver)|for\s+(?:the\s+)?(?:whole|entire|project|plan|rollout)|end[\s-]to[\s-]end)\b|\bhow\s+long\b[^?.!]{0,50}\b(?:until|till|before|to\s+(?:get|ship|launch|deploy|go|have|build|deliver)|in(?:to)?\s+production|live|end[\s-]to[\s-]end|the\s+(?:whole|entire)\s+(?:thing|project|plan)|overall|in\s+total|all\s+in)\b|\bhow\s+soon\b|\bwhen\s+(?:can|could|will|would)\s+(?:we|i|it|this)\s+(?:be\s+)?(?:ship|launch|go\s+live|deploy|(?:be\s+)?(?:in\s+production|live|ready)|have\s+it)\b|\btime\s+to\s+(?:production|market|launch|deploy\w*|go[\s-]live|value)\b|\b(?:what(?:'s|\s+is|\s+would\s+be)\s+(?:the|a|a\s+realistic|your|our)\s+)(?:realistic\s+)?(?:timeline|schedule|calendar\s+time)\b|\b(?:realistic|rough|expected|overall|end[\s-]to[\s-]end)\s+(?:timeline|schedule)\b|\bcalendar\s+time\b|\b(?:can|could|will|would)\s+(?:we|i|you)\s+(?:have|get|ship|launch|deploy|put)\s+(?:it|this|that|the\s+(?:[\w-]+\s+){0,3}?(?:model|bot|assistant|system|thing))\s+(?:(?:in(?:to)?\s+production|live|ready|done|deployed|shipped|running)\s+)?(?:by|before)\s+(?:then|that|the\s+deadline|launch|[\w-]+\s+(?:day|friday|week|month))\b/;
const ASKS_RISKS =
  /\b(?:main|biggest|likely)\s+(?:ways|things)\s+(?:this|it|the\s+plan)?\s*(?:plan\s+)?(?:might|could|will|is\s+likely\s+to)\s+(?:blow\s+up|go\s+wrong|fail|bite\s+us|go\s+south|go\s+sideways)\b|\bmain\s+things\s+likely\s+to\s+(?:bite|hurt|trip)\b|\b(?:blow\s+up|go\s+south|go\s+sideways)\s+on\s+us\b|\b(?:what|which)\s+(?:are|is|would\s+be|do\s+you\s+see\s+as)\s+(?:the\s+)?(?:main\s+|biggest\s+|key\s+|major\s+|top\s+|real\s+|likely\s+)?(?:risks?|downsides?|pitfalls?|failure\s+modes?|gotchas?)\b|\bwhat\s+(?:could|can|might|would|will)\s+go\s+wrong\b|\bwhat\s+(?:could|can|might)\s+(?:bite|hurt|trip\s+up|sink)\s+us\b|\b(?:biggest|main|key|major|top)\s+(?:risks?|pitfalls?|gotchas?|dangers?)\b|\bany\s+(?:risks?|pitfalls?|gotchas?|downsides?)\b|\bwhat\s+should\s+(?:we|i)\s+(?:watch|look)\s+out\s+for\b|\b(?:risks?|pitfalls?|downsides?)\s+(?:of|with|in)\s+(?:this|the|that|your|our)\s+(?:plan|approach|recommendation|advice)\b|\bwhere\s+(?:could|can|might|would)\s+(?:this|it|the\s+plan)\s+(?:fail|go\s+wrong|break)\b/;
/** "we need it in 3 weeks. realistic?": a deadline the message sets and asks about. */
const TIMELINE_DOABLE =
  /\b(?:(?:in|within|by)\s+\d+\s+(?:weeks?|months?)|\d+\s(?:weeks?|months?)\s(?:from\s(?:now|today)|away|out)|(?:~|about\s|around\s|so\s~?)\d+\s(?:weeks?|months?)|deadline|timeline|by\s+(?:the\s+)?end\s+of|(?:live|ready|done|shipped|launched)\s+(?:before|by)\s+\w+)\b[^?]{0,80}?\b(?:realistic|doable|feasible|achievable|possible|enough\s+time|manageable|too\s+(?:short|tight|ambitious))\b[^.!]{0,20}\?/;
/** A latency or a response time asked about ("how long does a response take end to end?"), not a calendar. */
const RESPONSE_TIME = /\b(?:ms|milliseconds?|latency|respon\w*|reply|replies|per\s+request|a\s+request)\b/;
/** A training run's length, which the cost answer gives in GPU-hours ("how long will the training take?"). */
const TRAINING_LENGTH =
  /\bhow\s+long\b(?![^?.!]{0,40}\b(?:until|till|before|production|ship|live|launch)\b)[^?.!]{0,30}\b(?:train\w*|tun(?:e|ing)|fine[\s-]?tun\w*|run|epochs?)\b/;
/** "do we need the SFT step first or can we go straight to DPO?": the order of supervised and preference tuning. */
const ASKS_SFT_BEFORE_PREFERENCE =
  /\b(?:straight|directly|right)\s+to\s+(?:dpo|preference\s+tuning|rlhf|orpo)\b|\bskip\s+(?:the\s+)?(?:sft|supervised)\b|\b(?:sft|supervised\s+(?:fine[\s-]?)?tuning)\s+(?:step\s+)?(?:first|before)\b[^?.!]{0,60}\b(?:dpo|preference)|\b(?:dpo|preference\s+tuning)\b[^?.!]{0,40}\bwithout\s+(?:an?\s+|the\s+)?(?:sft|supervised)\b/;
/** "what are the risks?", "what could go wrong?", "any pitfalls?", "what should we watch out for?". */
/** "what are the biggest risks with this setup?", "main risks from a compliance angle?" (newuser56). */
const ASKS_RISKS_MORE =
  /\b(?:biggest|main|key|major|top|real|largest)\s+(?:risks?|dangers?|pitfalls?|failure\s+modes?)\b|\b(?:risks?|pitfalls?)\s+(?:with|of|in)\s+(?:this|that|the|our|your)\s+(?:setup|plan|approach|design|architecture|recommendation)\b/;
/** A risk asked about a particular harm, which the safety and privacy answers take. */
const RISK_OF_HARM =
  /\b(?:safety|privacy|legal|compliance|security|regulatory|data[\s-]?protection|gdpr|hipaa|leak\w*|leaves?|send\w*|shar\w*|licen[cs]\w*|retir\w*|shut\w*\s+down)\b/;
/** "how many should we hold back for testing?": the evaluation split, which the enough-data answer sizes. */
const ASKS_HOLDOUT =
  /\bhow\s+(?:many|much)\b[^?]{0,40}\b(?:hold\s+(?:back|out)|set\s+aside|keep\s+(?:back|aside)|(?:use|keep)\s+for\s+(?:testing|evaluation|eval))\b|\bhow\s+(?:big|large)\s+(?:a|an|should\s+(?:the|our))\s+(?:eval(?:uation)?|test|hold[\s-]?out)\s+set\b/;
/** Abbreviations whose dots end no sentence. */
const ABBREVIATION_DOTS = /\b(?:i\.e|e\.g|etc|vs|approx)\./g;
/** A training method named in a fit question ("would QLoRA fit on the T4?"): the fit asked is the training's. */
const TRAINING_METHOD_WORDS =
  /\b(?:q?lora|full\s+fine[\s-]?tun\w*|fine[\s-]?tun\w*|adapters?|dpo|preference\s+tuning)\b/;
/** "for serving", "to serve it", "inference", "how many GPUs would serving take": the running model's fit. */
const FIT_SERVING =
  /\b(?:how\s+many\s+(?:of\s+(?:our|the|those)\s+)?(?:gpus?|cards?|[ahl]\d{2,3}s?|h100s?|a100s?|l40s|l4s)\s+(?:would|will|does|do|should)\s+(?:serving|inference)|for\s+serving|to\s+serve|serv(?:e|ing)\s+(?:it|the\s+model|(?:the|an?)\s+(?:tuned\s+|fine[\s-]?tuned\s+|distilled\s+|quantized\s+)?\d+(?:\.\d+)?b)|(?:can|could)\s+(?:we|i|you)\s+(?:even\s+|actually\s+|really\s+)?(?:serve|host|deploy)\s|(?:for|at)\s+inference|inference\s+only|to\s+host\s+it|just\s+(?:to\s+)?run\s+it|(?:can|could|will|would)\s+(?:it|it\s+all|the\s+whole\s+thing|everything)\s+run\s+on\s+(?:one\s+of\s+)?(?:our|the|a|my)\s+(?:own\s+)?(?:laptops?|pcs?|desktops?|macs?|macbooks?|office\s+(?:pc|computer|server)s?))\b/;
const FIT_TRAINING =
  /\b(?:for\s+training|to\s+train|train(?:ing)?\s+it|to\s+fine[\s-]?tune|(?:lora|qlora|adapter|model)\s+training|training\s+(?:the\s+|a\s+|of\s+the\s+)?(?:lora|qlora|adapter|model|\d+b)|does\s+training|(?:will|would|can)\s+(?:the\s+)?training)\b/;
/** "on one A10G", "on 4 of those cards", "on a single GPU": the GPUs the question puts it on. */
const FIT_GPUS = new RegExp(
  `\\b(?:on|from|need|needs|take|takes)\\s+(?:just\\s+|only\\s+)?(${COUNT_SOURCE}|one|a\\s+single|a|single)(?:\\s*(?:-|to|or)\\s*\\d+)?\\s+(?:of\\s+(?:those|these|the|our|them)\\s+)?(?:cards?|gpus?|[ahlt]\\d{1,3}g?s?|l40s|h100s?|a100s?|rtx\\s?\\d{4}s?|\\d{4}s?)\\b|\\b(?:on|from)\\s+(?:just\\s+|only\\s+)?(one|a\\s+single|single)\\s+\\d{2,3}\\s?gb\\s+(?:cards?|gpus?|[ahlt]\\d{1,3}g?|l40s|h100|a100|rtx\\s?\\d{4})\\b`,
);
/** "will it fit on 2 of the cards?": a share of the GPUs, weighed after a count said with "on" (above). */
const FIT_GPUS_SHARE = new RegExp(`\\b(${COUNT_SOURCE})\\s+of\\s+(?:those|these|the|our)\\s+(?:cards|gpus)\\b`);
/** "with 6k-token sequences", "at 8,192 tokens": the sequence length the question asks about. */
const FIT_SEQUENCE =
  /\b(\d+(?:[.,]\d+)?)\s?(k)?[\s-]?tokens?(?:\s+(?:sequences?|context|inputs?|examples?))?\b|\b(\d+(?:[.,]\d+)?)\s?(k)?[\s-]token\b/;

/** The details of a fit question: serving or training, on how many GPUs, at what sequence length. */
/** "on the 4090", "on our A100s", "on our two cards": a GPU named as where it should fit. */
const FIT_ON_A_GPU =
  /\bon\s+(?:the|our|my|a|one|two|three|four|five|six|seven|eight|nine|ten|twelve|sixteen|both|all|\d+)\s+(?:[\w-]+\s+){0,2}?(?:gpus?|cards?|rtx\s?\d{4}|\d{4}s?|[ahl]\d{2,3}s?|l40s|a10g|t4s?|a6000s?|mi300x)\b/;

function readFitDetails(lower: string, intents: ExtractionIntents, at?: number): void {
  // The fit question's own sentence first: "Would QLoRA fit on the T4? And can the T4 even serve it?" asks the first
  // for training (the second question is read on its own); the whole message when that sentence says neither.
  // ("i.e." and "e.g." end no sentence: "fit on one of the servers, i.e. 4 of the 8 cards?" is one question.)
  const own =
    at === undefined
      ? lower
      : sentenceAround(
          lower.replace(ABBREVIATION_DOTS, (dots) => dots.replaceAll('.', '·')),
          at,
        );
  const scope = FIT_SERVING.test(own) || FIT_TRAINING.test(own) ? own : lower;
  // ("Will QLoRA training fit on the 2 L40S, and can we serve it on them after?": both, training first.)
  if (FIT_SERVING.test(own) && (FIT_TRAINING.test(own) || TRAINING_METHOD_WORDS.test(own))) intents.asksFitBoth = true;
  if (scope !== own && TRAINING_METHOD_WORDS.test(own)) intents.asksFitFor = 'training';
  else if (FIT_SERVING.test(scope)) intents.asksFitFor = 'serving';
  else if (FIT_TRAINING.test(scope)) intents.asksFitFor = 'training';
  // "will it fit on the 4090?" names a GPU: the training side (a device is asked about by name or as "the device").
  else if (FIT_ON_A_GPU.test(scope)) intents.asksFitFor = 'training';
  // The GPUs of the fit question itself: "Will LoRA fit across our four L40S? And QLoRA on just one of the cards?"
  // asks the first on four (the second question is read on its own).
  const gpus = FIT_GPUS.exec(own) ?? FIT_GPUS_SHARE.exec(own);
  if (gpus) {
    const word = gpus[1] ?? gpus[2] ?? gpus[3] ?? '';
    const value = /^(?:one|a|single|a\s+single)$/.test(word) ? 1 : parseCount(word);
    if (value !== undefined && value > 0 && value <= 4096) intents.asksFitGpus = value;
  }
  const sequence = FIT_SEQUENCE.exec(lower);
  if (sequence) {
    const raw = Number((sequence[1] ?? sequence[3] ?? '').replace(',', ''));
    const tokens = (sequence[2] ?? sequence[4]) ? raw * 1000 : raw;
    if (tokens >= 128 && tokens <= 2_000_000) intents.asksFitSequenceTokens = Math.round(tokens);
  }
}

const METHOD_IN_WORDS = new RegExp(`\\b(?:${METHOD_SOURCE})\\b`);

/** "LoRA-based DPO", "QLoRA DPO", "DPO with LoRA": preference tuning, done with adapters. */
const PREFERENCE_WITH_ADAPTERS =
  /\bq?lora(?:[\s-]based)?[\s-]+(?:dpo|preference\s+tuning)\b|\b(?:dpo|preference\s+tuning)\s+(?:with|using|via|on)\s+q?lora\b/;

/** The method a match names, or `true` (the destination) when the sentence names none. */
function methodIn(lower: string): MethodId | true {
  // (Adapters named with DPO first: "LoRA-based DPO" is preference tuning; a method named before it is asked first.)
  const withAdapters = PREFERENCE_WITH_ADAPTERS.exec(lower);
  const first = METHOD_IN_WORDS.exec(lower);
  if (withAdapters && (first === null || first.index >= withAdapters.index)) return 'preference-tuning';
  // Whole words: "a fine-tuned 8B" names a model, not the method "fine-tune".
  const found = METHOD_IN_WORDS.exec(lower);
  return (found && methodFromPhrase(found[0])) || true;
}

/** Intent keys that qualify a message rather than ask something of the advisor. */
export const NOT_A_QUESTION_KEY: ReadonlySet<string> = new Set([
  'justRecommend',
  'whatIf',
  'reset',
  'greeting',
  'asksSomething',
  'genericFineTuning',
  'bareAdapters',
  'continuedPretraining',
  'fullParameter',
  'smallTalk',
  'thanks',
  'asksMonthlyCost',
  'asksElapsed',
  'comparesBills',
  'asksEncoderCost',
  'asksSmallModelWorry',
  'macMemoryGB',
  'noImages',
  'noSpeechTask',
  'billModels',
  'asksFitFor',
  'asksFitGpus',
  'asksFitBoth',
  'asksFitSequenceTokens',
  'comparisonAboutKnowledge',
  'asksSafetyHighStakes',
  'dataRegion',
  'separately',
  'raterDisagreement',
]);
/** The wait asked for, not GPU-hours: "in days", "how many days", "in real time", "wall-clock", "calendar time". */
const ELAPSED_ASKED =
  /\b(?:in\s(?:days|weeks|hours\sof\swaiting)|how\smany\s(?:days|weeks)|(?:real|wall[\s-]?clock|calendar|elapsed)\s(?:time|hours|days)|wall[\s-]?clock|elapsed)\b/;

/**
 * "I worry a 1B model … will be dumb", "is a 1.5B too small for this?", "won't a 3B model be too weak?": a doubt about
 * a small model's ability (the size captured).
 */
/** Past this size a model is no small one to worry about. */
const SMALL_MODEL_MAX_B = 8;
const SMALL_MODEL_WORRY =
  /\b(?:worr(?:y|ied|ies)|concern(?:ed|s)?|afraid|fear|doubt\w*|scared|nervous)\b[^.?!\n]{0,80}?\b(\d+(?:\.\d+)?)\s?b\b[^.?!\n]{0,100}?\b(?:dumb|stupid|weak|too\ssmall|not\s(?:smart|capable|good|strong|clever)\senough|struggle\swith\s(?:unusual|rare|complex|odd|new|hard|tricky|edge)|(?:can't|cannot|won't)\shandle)\b|\b(?:is|isn't|will|won't|would|wouldn't)\s(?:a\s|the\s)?(\d+(?:\.\d+)?)\s?b\s(?:model\s)?(?:be\s)?(?:too\s(?:small|dumb|weak|limited)|(?:smart|capable|big|good|strong)\senough)\b/;

/** A real question: it opens with a question word and is not a check that the advisor heard ("did you get that?"). */
const OPEN_QUESTION =
  /^\W*(?:(?:and|also|so|but|ok(?:ay)?|then|plus|separately|secondly|finally|lastly)[\s,]+){0,2}(?:what|how|why|which|when|where|who|can|could|should|would|will|is|are|do|does)\b/;
const CHECK_QUESTION =
  /\b(?:did\s+you\s+(?:get|see|catch|read|note|notice)|does\s+(?:that|this|it)\s+change(?:\s+(?:anything|something|much|your\s+(?:answer|advice|plan|recommendation|pick)|the\s+(?:answer|plan|picture)))?|is\s+that\s+(?:right|correct|clear|ok)|right|correct|ok|okay|makes?\s+sense|you\s+know|remember)\W*$/;
const QUESTION_CLAUSE =
  /(?:^|[,:;]\s*|\s-\s)((?:(?:and|also|so|but|ok(?:ay)?|then|plus)[\s,]+)?(?:what|how|why|which|when|where|who|can|could|should|would|will|is|are|do|does)\b[^,:;]*\?)$/i;
/**
 * A sentence typed without its question mark that still asks ("And separately, why not fine-tune GPT-4o mini so it
 * writes better Pidgin."): read as a question only beside one that has its mark.
 */
const UNMARKED_QUESTION =
  /^\W*(?:(?:and|also|so|but|plus|separately|secondly|finally|lastly)[\s,]+){0,2}(?:why\s+not|why\s+(?:would|should|do|does|did|is|are|can't|don't|doesn't)\s+(?:we|i|you|it|they|the)|what\s+about|how\s+about|how\s+(?:much|long|many)\s+(?:would|will|does|do|did|should|is|are)\s+(?:it|we|that|this|they|the)|(?:would|could|can|should)\s+(?:we|i|you|it|that|this))\b/;
/** Questions longer than this are not read on their own. */
const MAX_QUESTION_LENGTH = 300;
/** At most this many questions are checked one by one (a message is rarely a questionnaire). */
const MAX_QUESTIONS_CHECKED = 6;

/**
 * The questions of a message asking more than one, each as its own clause ("ok last two things: …, can we merge the
 * lora?" → "can we merge the lora?"). `open` marks a real question that opens with a question word ("LoRA or full?"
 * does not), never a check that the advisor heard ("did you get that?"). A message asking one question is answered
 * (or not) as a whole: none then.
 */
export function questionClauses(original: string): { text: string; open: boolean }[] {
  // One pass over the sentence breaks (a dot between digits, "Llama 3.1", breaks nothing): linear in the length.
  const sentences: string[] = [];
  let start = 0;
  let marked = 0;
  for (const end of allMatches(/[?!\n]|\.(?!\d)/g, original)) {
    const sentence = original.slice(start, end.index + 1);
    if (original[end.index] === '?') {
      sentences.push(sentence);
      marked++;
    } else if (sentence.length <= MAX_QUESTION_LENGTH && UNMARKED_QUESTION.test(sentence.toLowerCase()))
      // "Would prompt caching help? And separately, why not fine-tune it so it writes better Pidgin." asks twice.
      sentences.push(`${sentence.slice(0, -1).trimEnd()}?`);
    start = end.index + 1;
  }
  if (marked === 0) return [];
  // "will full fine-tuning fit? and would LoRA be enough for the CPT part": a last question typed without its mark.
  const rest = original.slice(start).trim();
  if (sentences.length > 0 && OPEN_QUESTION.test(rest.toLowerCase())) sentences.push(`${rest}?`);
  if (sentences.length < 2) return [];
  const clauses: { text: string; open: boolean }[] = [];
  for (const sentence of sentences.slice(0, MAX_QUESTIONS_CHECKED)) {
    // (A long run-on "sentence" is no question clause worth reading twice.)
    if (sentence.length > MAX_QUESTION_LENGTH) continue;
    const trimmed = sentence.trim();
    const clause = QUESTION_CLAUSE.exec(trimmed);
    // "what would you move us to, and what would it cost per month?": a question before the last one, asked too.
    const earlier = (clause ? trimmed.slice(0, clause.index) : '')
      .replace(/[\s,:;—–-]+$/, '')
      .replace(/^\W*(?:(?:and|also|so|but|ok(?:ay)?|then|plus)\b[\s,:]*)?/i, '');
    if (earlier.split(/\s+/).length >= 4 && OPEN_QUESTION.test(earlier.toLowerCase()))
      clauses.push({ text: `${earlier}?`, open: true });
    const text = (clause?.[1] ?? sentence)
      .trim()
      .replace(/^\W*(?:(?:and|also|so|but|ok(?:ay)?|then|plus)\b[\s,:]*)?/i, '');
    const lower = text.toLowerCase();
    if (CHECK_QUESTION.test(lower.replace(/\?+$/, ''))) continue;
    clauses.push({ text, open: text.split(/\s+/).length >= 4 && OPEN_QUESTION.test(lower) });
  }
  return clauses;
}

/** True when the intents ask the advisor something it answers (a cost, a fit, a why…), not only qualify a message. */
export function asksAQuestion(intents: ExtractionIntents): boolean {
  return Object.entries(intents).some(
    ([key, value]) => !NOT_A_QUESTION_KEY.has(key) && value !== undefined && value !== false,
  );
}

/** Reads the intents of one message. "Why not" and "why" each name the method they ask about. */
export function extractIntents(message: PreparedMessage): ExtractionIntents {
  const { lower } = message;
  const intents: ExtractionIntents = {
    justRecommend: JUST_RECOMMEND.test(lower),
    whatIf:
      WHAT_IF.test(lower) ||
      CONDITIONAL_QUESTION.test(lower) ||
      CHOICE_QUESTION.test(lower) ||
      INSTEAD_QUESTION.test(lower) ||
      // "Our CTO asks whether we should instead tune Llama 3.1 8B": an option asked about, said indirectly.
      /\b(?:asks?|asked|wonders?|wondered|wants\s+to\s+know)\s+(?:whether|if)\s+we\s+(?:should|could|can|might)\s+(?:instead\s+|rather\s+|just\s+)?(?:tune|fine[\s-]?tune|use|switch|move|run|host|try|go)\b/.test(
        lower,
      ) ||
      SIZE_FIT_QUESTION.test(lower) ||
      PROPOSAL_ASKED.test(lower),
    reset: resetAsked(lower),
    greeting: GREETING.test(lower),
  };
  const whyNot = WHY_NOT.exec(lower);
  const whyNotMethod = whyNot ? methodFromPhrase(whyNot[1] ?? whyNot[2] ?? whyNot[3] ?? whyNot[4] ?? '') : undefined;
  if (whyNotMethod) intents.whyNot = whyNotMethod;
  // "…we should just fine-tune GPT-4o on all the manuals so it knows them. Why not do that?": the method proposed before.
  else if (WHY_NOT_THAT.test(lower)) {
    const at = WHY_NOT_THAT.exec(lower)?.index ?? 0;
    const proposed = [...lower.slice(0, at).matchAll(new RegExp(METHOD_IN_WORDS.source, 'g'))].at(-1);
    const method = proposed ? methodFromPhrase(proposed[0]) : undefined;
    if (method) intents.whyNot = method;
  }
  // "why not just stuff 10 of our best listings in the prompt as examples?": few-shot prompting, described.
  else if (WHY_NOT_EXAMPLES_IN_PROMPT.test(lower)) intents.whyNot = 'in-context-learning';
  // "Why not skip all the training and just prompt Qwen2.5 14B with a good system prompt?": prompting, asked for.
  else if (WHY_NOT_SKIP_TRAINING.test(lower) || JUST_A_PROMPT.test(lower)) intents.whyNot = 'prompt-engineering';
  else if (JUST_EXAMPLES_IN_CHAT.test(lower)) intents.whyNot = 'in-context-learning';
  // "Why LoRA and not QLoRA?": two methods weighed, the plan's against the other.
  const whyAnotB = whyNot ? null : WHY_A_NOT_B.exec(lower);
  const first = whyAnotB ? methodFromPhrase(whyAnotB[1] ?? '') : undefined;
  const second = whyAnotB ? methodFromPhrase(whyAnotB[2] ?? '') : undefined;
  // (Beside a "what if" on another model, the why is asked of the plan as it stands: "why LoRA" then.)
  const weighed = first !== undefined && second !== undefined && first !== second && !intents.whatIf;
  if (weighed) intents.asksComparison = [first, second];
  // "is LoRA too much for us? would you still say do it?": why the plan's method, for a team that doubts it.
  const tooMuch = !whyNot && intents.whyNot === undefined ? METHOD_TOO_MUCH.exec(lower) : null;
  const tooMuchMethod = tooMuch ? methodFromPhrase(tooMuch[1] ?? '') : undefined;
  if (tooMuchMethod) intents.whyMethod = tooMuchMethod;
  // "Should we fine-tune on those too?": whether to tune at all, asked as "why (not) fine-tuning".
  if (!whyNot && SHOULD_WE_TUNE_ON.test(lower)) intents.whyNot = 'full-fine-tuning';
  // "can we do DPO with those?", "could we use RAG on them?": a method weighed on the data just named.
  const doWith = !whyNot && intents.whyNot === undefined ? CAN_WE_DO_WITH.exec(lower) : null;
  const doWithMethod = doWith ? methodFromPhrase(doWith[1] ?? '') : undefined;
  if (doWithMethod) intents.whyNot = doWithMethod;
  // "what if we just fine-tuned gemma on the manuals instead of doing RAG?": tuning in place of retrieval, weighed as
  // "why not fine-tuning", not pictured as a change of facts.
  if (!whyNot && intents.whyNot === undefined && TUNE_INSTEAD_OF_RETRIEVAL.test(lower)) {
    intents.whyNot = 'full-fine-tuning';
    intents.whatIf = false;
  }
  const whyMethod = whyNot || intents.whyNot || weighed ? null : WHY_METHOD.exec(lower);
  const whyMethodId = whyMethod ? methodFromPhrase(whyMethod[1] ?? '') : undefined;
  if (whyMethodId) intents.whyMethod = whyMethodId;
  if (whyNot === null && whyMethod === null) {
    // "should we use LoRA or QLoRA?" weighs two methods: a comparison, not "is LoRA enough?".
    const twoMethods = COMPARISON.test(lower) || LOOSE_COMPARISON.test(lower);
    const enough = twoMethods ? null : ENOUGH.exec(lower);
    const worthSaid = twoMethods ? null : WORTH_IT.exec(lower);
    // ("Assuming we had 8 A100s, would full fine-tuning work?": a method under a condition is a "what if".)
    const worth =
      worthSaid?.[2] !== undefined &&
      /\b(?:assuming|suppose|supposing|if\s+we\s+(?:had|got|bought|rented|used|switched|moved)|had\s+we)\b/.test(
        sentenceAround(lower, worthSaid.index),
      )
        ? null
        : worthSaid;
    const enoughMethod = enough
      ? methodFromPhrase(enough[1] ?? enough[2] ?? enough[3] ?? enough[4] ?? enough[5] ?? '')
      : worth
        ? methodFromPhrase(worth[1] ?? worth[2] ?? '')
        : undefined;
    // "Is prompting enough?" is answered as "why (not) prompting": its case for and against, here.
    if (enoughMethod) intents.whyNot = enoughMethod;
    else readQuestions(lower, intents);
  } else {
    // "Why no continued pre-training? … How long would CPT take on our 8 H100s?": a cost or fit question in a later
    // sentence is asked too.
    const why = (whyNot ?? whyMethod) as RegExpExecArray;
    const whyEnd = /[?!.\n]/.exec(lower.slice(why.index + why[0].length));
    const rest = whyEnd === null ? '' : lower.slice(why.index + why[0].length + whyEnd.index + 1);
    const cost = COST.exec(rest);
    if (cost) intents.asksCost = methodIn(sentenceAround(rest, cost.index));
    else if (FIT.test(rest) && QUESTION_FORM.test(rest)) {
      intents.asksFit = methodIn(rest);
      readFitDetails(rest, intents);
    }
  }
  // "why don't we just fine tune the model on all the manuals so it 'knows' them?": tuning asked as the way to put the
  // documents' facts into the model.
  if (intents.whyNot !== undefined && FACTS_BY_TUNING.test(lower)) intents.factsByTuning = true;
  // "why not RAG instead? like pull the 5 most similar coded notes … and put them in the prompt": the retrieval meant
  // is of worked examples (dynamic few-shot), not of documents.
  if ((intents.whyNot === 'rag' || intents.whyNot === 'in-context-learning') && RETRIEVED_EXAMPLES.test(lower)) {
    intents.asksRetrievedExamples = true;
    delete intents.whyNot;
  }
  // "can't I just run the 7B on my MacBook (M2, 16GB)?": a fit question about the team's own machine, not a what-if.
  if (
    intents.asksFit !== undefined &&
    intents.whatIf &&
    /\b(?:my|our)\s+(?:own\s+)?(?:mac\w*|laptops?|pcs?|desktops?|machines?|workstations?|phones?|gpus?|cards?|servers?|boxes?)\b/.test(
      lower,
    )
  )
    intents.whatIf = false;
  if (GENERIC_FINE_TUNING.test(lower) && !FULL.test(lower)) intents.genericFineTuning = true;
  if (FULL_PARAMETER.test(lower)) intents.fullParameter = true;
  // "what if we used 8-bit Adam and precomputed the reference log-probs?": levers that shrink a full-parameter fit.
  if (EIGHT_BIT_ADAM.test(lower)) intents.fitLevers = { ...intents.fitLevers, eightBitAdam: true };
  if (PRECOMPUTED_REFERENCE.test(lower)) intents.fitLevers = { ...intents.fitLevers, precomputedReference: true };
  if (/\badapters?\b(?!\s+layers?)/.test(lower) && !/\b(?:bottleneck|houlsby)\b/.test(lower))
    intents.bareAdapters = true;
  // (Not when full training is named too: "why would full FT not fit? I meant continued pretraining".)
  // (A question on its own counts: "CPT or RAG over the corpus? and if CPT, LoRA or full?" asks about pre-training.)
  // (Not the medical codes: "icd-10-cm and cpt", "CPT codes".)
  const pretraining =
    /\bcontinued\s+pre-?training\b|\bcontinue\s+pre-?training\b|(?<!\b(?:icd[\w-]*|hcpcs|drg|medical\s+coding)[\s,]+(?:and\s+|&\s+|\/\s*|or\s+)?)\bcpt\b(?!\s*(?:codes?|coding|modifiers?|\/|and\s+icd|&\s+icd))/;
  // ("full-parameter continued pre-training", "full CPT": pre-training of every weight, asked as such.)
  const fullPretraining = /\bfull(?:[\s-](?:parameter|param|weight))?\s+(?:continued\s+pre-?training|cpt)\b/;
  // ("LoRA or full for the CPT?": the pre-training is what both are weighed for.)
  const forPretraining = /\b(?:for|in|during)\s+(?:the\s+|our\s+)?(?:cpt|continued\s+pre-?training)\b/;
  if (
    (pretraining.test(lower) &&
      (!/\bfull\b/.test(lower) || fullPretraining.test(lower) || forPretraining.test(lower))) ||
    questionClauses(lower).some(({ text }) => pretraining.test(text) && !/\bfull\b/.test(text))
  )
    intents.continuedPretraining = true;
  // "can the 2 L40S also serve 6000 letters a day?": serving at a volume, asked.
  const servingVolume = SERVING_VOLUME.exec(lower) ?? SERVING_RATE.exec(lower);
  // "how many techs could use it at once, we have around 60 in the field": people served at the same time.
  if (CONCURRENT_USERS.test(lower) && (QUESTION_FORM.test(lower) || lower.includes('?'))) {
    const people = PEOPLE_COUNT.exec(lower);
    const count = people ? parseCount(people[1] ?? '') : undefined;
    intents.asksConcurrentUsers = count !== undefined && count > 0 ? count : true;
    intents.asksFit ??= true;
    intents.asksFitFor = 'serving';
  }
  if (servingVolume && QUESTION_FORM.test(lower)) {
    const count = parseCount(servingVolume[1] ?? '');
    // "at 200 lines per second": a rate, said per day like the volumes.
    const perDay =
      count === undefined ? undefined : servingVolume.length > 2 && servingVolume[2] ? count * 86_400 : count;
    if (perDay !== undefined && perDay > 0) {
      intents.asksServingPerDay = perDay;
      intents.asksFit ??= true;
      intents.asksFitFor = 'serving';
    }
  }
  // "why not fine-tune a BERT-style encoder classifier instead of an 8B LLM?": an encoder weighed, not a method.
  // (In one sentence: "we use a BERT encoder for search today. Why not QLoRA?" asks about QLoRA.)
  if (
    ENCODER_NAMED.test(lower) &&
    QUESTION_FORM.test(lower) &&
    lower
      .split(/[.?!\n]+/)
      .some((sentence) => ENCODER_WEIGHED.test(sentence) || ENCODER_WEIGHED_AS_CHEAPER.test(sentence))
  ) {
    intents.asksEncoderInstead = true;
    intents.whatIf = false;
    delete intents.whyNot;
    delete intents.whyMethod;
    delete intents.genericFineTuning;
  }
  // "the JSON is sometimes invalid even now, will fine-tuning fix that?": how to make the format hold, not why not
  // fine-tuning.
  if (BROKEN_FORMAT_FIX.test(lower)) {
    intents.asksFormatGuarantee = true;
    delete intents.whyNot;
    delete intents.genericFineTuning;
  }
  // "DPO or KTO? my pairs are kinda noisy", "DPO vs KTO vs plain SFT - which?": KTO weighed, asked about.
  if (/\bkto\b/.test(lower) && (QUESTION_FORM.test(lower) || lower.includes('?'))) {
    intents.asksKto = true;
    intents.whatIf = false;
    delete intents.asksSftBeforePreference;
    delete intents.asksComparison;
    delete intents.whyNot;
  }
  // "XLM-RoBERTa only reads 512 tokens, right?", "can XLM-RoBERTa Base even read a 3,000-token letter?": how much of
  // the team's input an encoder reads, asked about (in the sentence that names the encoder, or in a question after it:
  // "I asked about XLM-RoBERTa. its max length is 512 tokens right?").
  const sentences = lower.split(/(?<=[.?!\n])/);
  const named = sentences.findIndex((sentence) => ENCODER_NAMED.test(sentence));
  if (
    QUESTION_FORM.test(lower) &&
    named >= 0 &&
    sentences.some(
      (sentence, index) =>
        ENCODER_LENGTH_ASKED.test(sentence) &&
        (index === named ||
          // (A later question about "its" length, naming no other model: "its max length is 512 tokens right?")
          (index > named &&
            sentence.includes('?') &&
            /\b(?:its|it|it's|the\s+encoder)\b/.test(sentence) &&
            !/\b(?:gpt|claude|gemini|llama|qwen|mistral|mixtral|gemma|phi|deepseek|o\d)\b/.test(
              sentences.slice(named + 1, index + 1).join(''),
            ))),
    )
  ) {
    intents.asksEncoderLength = true;
    intents.whatIf = false;
    delete intents.asksEncoderInstead;
    delete intents.whyNot;
  }
  if (QUESTION_FORM.test(lower)) intents.asksSomething = true;
  // "I worry a 1B model trained on 1,200 examples will be dumb with unusual commands": a doubt about a small model.
  const worry = SMALL_MODEL_WORRY.exec(lower);
  // (A worry about fitting, memory or context is a fit question; a large model is no small one.)
  if (worry && !/\b(?:fit|fits|oom|out[\s-]of[\s-]memory|vram|context)\b/.test(sentenceAround(lower, worry.index))) {
    const size = Number(worry[1] ?? worry[2]);
    if (!(Number.isFinite(size) && size > 0 && size <= SMALL_MODEL_MAX_B)) {
      // (Not a small model: left to the other readings.)
    } else {
      intents.asksSmallModelWorry = { sizeB: size };
      intents.asksSomething = true;
    }
  }
  // "And the BERT-style route, what would that cost per month?": the cost of an encoder, not of the plan's model.
  // ("…host an encoder ourselves. Would that be cheaper and good enough?" weighs the encoder instead: answered so.)
  if (
    intents.asksCost !== undefined &&
    ENCODER_NAMED.test(lower) &&
    !(intents.asksEncoderInstead === true && /\bcheaper\b/.test(lower))
  ) {
    intents.asksEncoderCost = true;
    delete intents.asksEncoderInstead;
  }
  return intents;
}

/** "bake it into the weights (with the LoRA), or look it up at runtime?": training knowledge in against retrieving it. */
const BAKE_OR_RETRIEVE =
  /\b(?:bake|train|put|build|burn)\s(?:it|them|that|this|(?:the|our)\s[\w-]+)\s(?:in(?:to)?\s)?(?:the\s)?(?:weights|model)\b[^?]{0,60}?\b(?:or|vs\.?|versus)\s(?:just\s)?(?:look(?:\sit|\sthem)?\sup|retriev\w*|fetch\w*|search\w*|rag)\b/;

/** "MacBook Pro M3 Max with 64 GB of unified memory", "my 32GB M2": the Mac's memory. */
const MAC_MEMORY =
  /\b(?:mac(?:book(?:\s(?:pro|air))?|\s(?:studio|mini|pro))?|imac|m[1-4](?:\s(?:pro|max|ultra))?)\b(?:(?!,\s*or\b|\bor\b)[^.?!\n]){0,40}?\b(\d{1,3})\s?gb\b|\b(\d{1,3})\s?gb\s(?:of\s)?(?:unified\s)?(?:memory|ram)\b[^.?!\n]{0,20}?\b(?:mac(?:book)?|m[1-4])\b/;

/** "short answers that fit in an SMS", "replies that fit on one screen": a length, not GPU memory. */
const FITS_A_MESSAGE =
  /\bfits?\s(?:in(?:to)?|within|on)\s(?:an?\s|one\s|a\ssingle\s|the\s)?(?:sms|text\smessage|tweet|page|line|screen|message|bubble|box|field|cell|slide|notification|\d+\scharacters?)\b/;

/** The only fit the message names is a length ("fit in an SMS"), with no fit asked of GPUs or memory. */
function fitsAMessageOnly(lower: string): boolean {
  const at = FIT.exec(lower)?.index;
  if (at === undefined) return false;
  const message = FITS_A_MESSAGE.exec(lower);
  return (
    message !== null && Math.abs(message.index - at) <= 30 && !/\b(?:gpus?|gb|vram|memory|card|cards)\b/.test(lower)
  );
}

/** "why LoRA and not QLoRA?", "why RAG but not fine-tuning?": the method chosen and the one passed over. */
const WHY_A_NOT_B = new RegExp(
  `\\bwhy\\s(?:use\\s|pick\\s|choose\\s)?(?:a\\s|an\\s)?(${METHOD_SOURCE})\\s(?:and|but)\\snot\\s(?:a\\s|an\\s|the\\s)?(?:(?:proper|real|normal|regular|plain|classic|simple|standard|traditional)\\s)?(${METHOD_SOURCE})\\b`,
);
/**
 * "should we fine-tune on those too?": whether to tune on data just described (not "…on those or use them for
 * retrieval?", which weighs two).
 */
const TUNE_INSTEAD_OF_RETRIEVAL =
  /\b(?:what\s+if|how\s+about|could|couldn't|can't|can|should|shouldn't)\s+(?:we|i)\s+(?:just\s+|simply\s+|rather\s+)?(?:fine[\s-]?tuned?|fine[\s-]?tuning|trained?|tuned?)\b[^.?!\n]{0,60}?\binstead\s+of\s+(?:doing\s+|using\s+|building\s+)?(?:rag|retrieval)\b/;
const SHOULD_WE_TUNE_ON =
  /\b(?:should|shall|could|can't|cannot|couldn't|can)\s(?:we|i)\s(?:also\s|just\s|simply\s)?(?:fine[\s-]?tune|train|tune)\s(?:(?:the\s|our\s)?[\w.-]+\s){0,3}?(?:on|with|using)\s(?:those|these|them|it|that)\b(?!\s+(?:budget|card|gpu|money|hardware|box|machine|laptop|server|timeline|deadline)\b)(?![^?.!\n]{0,60}\bor\b)/;

/** "is LoRA too much for us?", "is QLoRA overkill?": a doubt about the method the plan names. */
const METHOD_TOO_MUCH = new RegExp(
  `\\b(?:is|isn't|would)\\s+(${METHOD_SOURCE})\\s+(?:be\\s+)?(?:too\\s+(?:much|hard|complex|complicated|difficult|advanced|ambitious)|overkill|(?:beyond|over)\\s+(?:us|our\\s+(?:heads?|team|skills?)))\\b`,
);
/** "can we do DPO with those?": a method asked about for the data just named. */
const CAN_WE_DO_WITH = new RegExp(
  `\\b(?:can|could|should)\\s+(?:we|i)\\s+(?:also\\s+|even\\s+|just\\s+)?(?:do|use|try|run|apply)\\s+(?:a\\s+|an\\s+)?(${METHOD_SOURCE})\\s+(?:with|on|using|from)\\s+(?:those|these|them|that|it|the\\s+[\\w,.-]+(?:\\s+[\\w,.-]+)?\\s+pairs)\\b`,
);
/** "Why not do that?", "why not?": the proposal said just before is what is asked about. */
const WHY_NOT_THAT = /\bwhy\s+not(?:\s+(?:just\s+)?(?:do|try|use|go\s+with)\s+(?:that|it|this))?\s*\?/;

/** "DPO after SFT?" names the later step first: the pair in the order it is done. */
function reversedPair(match: RegExpExecArray | null): string[] | null {
  return match ? [match[0], match[2] ?? '', match[1] ?? ''] : null;
}

/** Questions about the advice (cost, fit, definitions, comparisons, what would change it, where to start). */
function readQuestions(lower: string, intents: ExtractionIntents): void {
  // "should we bake the lore into the weights with the LoRA, or look it up at runtime?": tuning against retrieval,
  // for knowledge.
  const bakeOrRetrieve = BAKE_OR_RETRIEVE.exec(lower);
  if (bakeOrRetrieve) {
    const tuning = methodFromPhrase(METHOD_IN_WORDS.exec(bakeOrRetrieve[0])?.[0] ?? '') ?? 'lora';
    intents.asksComparison = [tuning === 'rag' ? 'lora' : tuning, 'rag'];
    intents.comparisonAboutKnowledge = true;
  }
  for (const comparison of bakeOrRetrieve
    ? []
    : [
        COMPARISON.exec(lower),
        LOOSE_COMPARISON.exec(lower),
        COMPARISON_ACROSS_QUESTIONS.exec(lower),
        ORDER_QUESTION.exec(lower),
        reversedPair(ORDER_AFTER_QUESTION.exec(lower)),
        DIFFERENCE_QUESTION.exec(lower),
        REPLACES_QUESTION.exec(lower),
        reversedPair(STILL_NEED_QUESTION.exec(lower)),
      ]) {
    if (!comparison) continue;
    const first = methodFromPhrase(comparison[1] ?? comparison[3] ?? '');
    const second = methodFromPhrase(comparison[2] ?? comparison[4] ?? '');
    // ("thumbs up/down on 20k replies: could we use those for DPO after the LoRA?" asks about the votes, not the order.)
    if (first && second && first !== second && !RATINGS_FOR_PREFERENCE.test(lower)) {
      intents.asksComparison = [first, second];
      if (KNOWLEDGE_SUBJECT.test(lower)) intents.comparisonAboutKnowledge = true;
      // "LoRA or RAG? and what would change your answer?" asks both.
      if (WHAT_WOULD_CHANGE.test(lower)) intents.asksWhatWouldChange = true;
      if (FIRST_STEP.test(lower)) intents.asksFirstStep = true;
      // "How long would CPT take on the 16 H100s? And does RAG beat CPT for facts?": the cost, in its own sentence.
      const cost = COST.exec(lower);
      if (cost) {
        const sentence = sentenceAround(lower, cost.index);
        if (!sentence.includes(comparison[0] ?? '')) intents.asksCost = methodIn(sentence);
      }
      return;
    }
  }
  const definition = DEFINITION.exec(lower);
  const defined = definition ? methodFromPhrase(definition[1] ?? '') : undefined;
  if (defined) {
    intents.asksDefinition = defined;
    // "What exactly is QLoRA? And should we use it instead of plain LoRA?": the method defined, weighed against another.
    const weighed = IT_AGAINST_METHOD.exec(lower);
    const other = weighed ? methodFromPhrase(weighed[1] ?? weighed[2] ?? weighed[3] ?? '') : undefined;
    if (other !== undefined && other !== defined) intents.asksComparison = [defined, other];
    // "what is distillation? and how much would it cost us": the cost is asked too.
    if (COST.test(lower.slice((definition?.index ?? 0) + (definition?.[0].length ?? 0)))) intents.asksCost = true;
    // "does training fit? and what is QLoRA?": the fit is asked too.
    else if (FIT.test(lower.slice(0, definition?.index ?? 0)) && QUESTION_FORM.test(lower)) {
      intents.asksFit = methodIn(lower.slice(0, definition?.index ?? 0));
      readFitDetails(lower, intents);
    }
    return;
  }
  const cost = COST.exec(lower) ?? BILL_COMPARISON.exec(lower) ?? COST_NAMED.exec(lower);
  if (cost) {
    // The method the cost question names, in its own sentence ("how much would that cost? fine-tuned tokens are
    // pricier, aren't they?" asks about the plan, not about fine-tuning).
    intents.asksCost = methodIn(sentenceAround(lower, cost.index));
    // "prompts are about 3,000 tokens … redo the numbers": the request size, not prompting as the method asked about.
    if (
      intents.asksCost === 'prompt-engineering' &&
      /\bprompts?\s+(?:are|is|of|~|about|around|roughly|\d)/.test(lower) &&
      !/\bprompt(?:ing|\s+engineering)\b/.test(lower)
    )
      intents.asksCost = true;
    // "What if we LoRA-tune Llama 3.1 8B and host it? Would that be cheaper?": the method of the "what if" asked about.
    // (The "what if" sentence's own method: "…how much per month? We tried LoRA last year" names a past try.)
    const whatIfAt = lower.search(/\bwhat\s+if\b|\binstead\b/);
    if (intents.asksCost === true && whatIfAt >= 0) intents.asksCost = methodIn(sentenceAround(lower, whatIfAt));
    if (MONTHLY.test(lower) || /\bbills?\b/.test(BILL_COMPARISON.exec(lower)?.[0] ?? ''))
      intents.asksMonthlyCost = true;
    if (ELAPSED_ASKED.test(lower)) intents.asksElapsed = true;
    // "Would full CPT of the 70B fit across the 16 H100s, and how long would one pass take?": the fit is asked too.
    const fit = FIT_ASKED_BESIDE_COST.exec(lower);
    if (fit && QUESTION_FORM.test(lower)) {
      intents.asksFit = methodIn(fit[0]);
      readFitDetails(lower, intents);
    }
  } else if (
    (FIT.test(lower) || /\bdoes\b[^.?!]{0,40}\bfit\b/.test(lower)) &&
    QUESTION_FORM.test(lower) &&
    BUDGET_FIT.test(lower)
  ) {
    // "Does that still fit $200?", "will it fit our budget?": the money, not GPU memory.
    intents.asksCost = true;
    intents.asksBudgetFit = true;
    if (MONTHLY.test(lower) || /\$\s?\d/.test(lower)) intents.asksMonthlyCost = true;
  } else if (FIT.test(lower) && QUESTION_FORM.test(lower) && !fitsAMessageOnly(lower)) {
    // "we could also run an open-weight model on our two L40S" states an option; only a question asks the fit.
    // The method of the fit question's own sentence ("I meant the cheap kind of fine-tuning, QLoRA. Would QLoRA fit
    // on the T4?" asks about QLoRA), else the message's.
    const at = FIT.exec(lower)?.index;
    const named = at === undefined ? true : methodIn(sentenceAround(lower, at));
    intents.asksFit = named === true ? methodIn(lower) : named;
    readFitDetails(lower, intents, at);
  }
  if (WHAT_WOULD_CHANGE.test(lower)) intents.asksWhatWouldChange = true;
  // "what would change your answer? and what should we do first?" asks both.
  if (FIRST_STEP.test(lower)) intents.asksFirstStep = true;
  // ("…on an A100 or an L40S. Which one is cheaper?", "a model per client, 40 clients. Which one first?": the one
  // asked about is no model.)
  const whichOne = MODEL_THEN_WHICH_ONE.exec(lower);
  const otherOne =
    whichOne !== null &&
    /\b(?:gpus?|cards?|a100|h100|l40s|l4|t4|rtx|clients?|customers?|tenants?|providers?|vendors?)\b/.test(whichOne[0]);
  if (ASKS_MODEL.test(lower) || (whichOne !== null && !otherOne)) {
    intents.asksModel = true;
    // "i want something local. which open model fits a 16gb m2?": the pick must be a model the team can download.
    if (OPEN_MODEL_WANTED.test(lower)) intents.asksOpenModel = true;
  }
  // ("can you sum it up", "recap the plan please": the added phrasings count only when asked or said to the advisor.)
  const summaryAsked =
    ASKS_SUMMARY_MORE.test(lower) &&
    (lower.includes('?') || /\b(?:can|could|would)\s+you\b|\bplease\b|\bpls\b|^\W*(?:sum|recap)\b/.test(lower));
  if (ASKS_SUMMARY.test(lower) || summaryAsked || JOB_BY_JOB.test(lower)) {
    intents.asksSummary = true;
    // "what's the final plan? i need to present it on monday": the whole answer, not only its first step.
    // ("what do I do monday morning?" asks for the next steps, not the plan again.)
    const nextSteps =
      /\b(?:monday|tomorrow)\b/.test(lower) && /\bwhat\s+(?:do|should|shall)\s+(?:we|i)\s+do\b/.test(lower);
    if (nextSteps) delete intents.asksSummary;
    else if (!/\bfirst\b|\bstart\b/.test(lower)) delete intents.asksFirstStep;
  }
  // "Give me the whole plan again, step by step": each step with its reason, not the answer's one-line summary.
  if (
    STEPS_ASKED.test(lower) &&
    (intents.asksSummary === true || STEPS_REQUESTED.test(lower)) &&
    !STEPS_OF_THE_MODEL.test(lower)
  ) {
    intents.asksSteps = true;
    delete intents.asksSummary;
    delete intents.asksFirstStep;
  }
  const quality = dataQualityQuestion(lower);
  if (quality !== undefined && intents.asksDataMix === undefined) intents.asksDataQuality = quality;
  if (ASKS_ASSUMPTIONS.test(lower)) intents.asksAssumptions = true;
  if (ASKS_SAFETY.test(lower)) intents.asksSafety = true;
  if (intents.asksSafety === true || ASKS_SAFETY.test(lower))
    if (HIGH_STAKES_WORDS.test(lower)) intents.asksSafetyHighStakes = true;
  if (ASKS_PRIVACY.test(lower)) {
    intents.asksSafety = true;
    intents.asksPrivacy = true;
  }
  // (Asked in the lever's own sentence: "We already batch everything overnight. Which model is cheapest?" asks a model.)
  if (
    COST_LEVERS.test(lower) &&
    lower
      .split(/(?<=[.?!\n])\s*/)
      .some((sentence) => COST_LEVERS.test(sentence) && (sentence.includes('?') || QUESTION_FORM.test(sentence)))
  )
    intents.asksCostLevers = true;
  if (RETRIEVED_EXAMPLES.test(lower) && QUESTION_FORM.test(lower)) intents.asksRetrievedExamples = true;
  if (BILL_MISMATCH.test(lower)) intents.asksBillMismatch = true;
  if (EXACT_MATCH_RETRIEVAL.test(lower) && (QUESTION_FORM.test(lower) || lower.includes('?')))
    intents.asksExactMatchRetrieval = true;
  if (RATINGS_FOR_PREFERENCE.test(lower) && (QUESTION_FORM.test(lower) || lower.includes('?')))
    intents.asksRatingsForPreference = true;
  if (WHY_RENT.test(lower)) intents.asksWhyRent = true;
  if ((ASKS_HALLUCINATION.test(lower) || ASKS_HALLUCINATION_MORE.test(lower)) && QUESTION_FORM.test(lower))
    intents.asksHallucination = true;
  if (ASKS_INSTRUCT_VS_BASE.test(lower) && QUESTION_FORM.test(lower)) intents.asksInstructVsBase = true;
  const longContext = longContextQuestion(lower);
  if (longContext) {
    intents.asksLongContext = longContext.asked;
    // ("Why not put the entire handbook into the prompt?": the long-context question, not few-shot examples.)
    if (intents.whyNot === 'in-context-learning' || intents.whyNot === 'prompt-engineering') delete intents.whyNot;
  }
  const dataMix = dataMixQuestion(lower);
  if (dataMix) intents.asksDataMix = dataMix.asked;
  if (ASKS_CONTEXT_FIT.test(lower) && QUESTION_FORM.test(lower)) {
    let tokens = 0;
    for (const match of allMatches(TOKEN_COUNT, lower)) {
      const value = Number((match[1] ?? '').replace(',', '')) * (match[2] ? 1000 : 1);
      if (Number.isFinite(value) && value > tokens) tokens = value;
    }
    intents.asksContextFit = tokens;
    // The question is about the window, not about fitting GPU memory.
    delete intents.asksFit;
    delete intents.asksFitFor;
  }
  if (
    (ASKS_ENOUGH_DATA.test(lower) ||
      ASKS_ENOUGH_DATA_MORE.test(lower) ||
      ASKS_HOLDOUT.test(lower) ||
      // ("some rare ones only have ~40 examples each. is that enough?": a bare "enough?" after a count of examples.)
      bareEnoughOfExamples(lower) ||
      // ("some categories only have ~30 emails each. problem?": the rare classes' count, questioned.)
      (RAREST_CLASS_COUNT.test(lower) &&
        /\b(?:problem|issue|concern|ok(?:ay)?|fine|a\s+worry|bad)\s*\?/.test(lower))) &&
    QUESTION_FORM.test(lower)
  ) {
    // "is 40 examples enough?": the count asked about, when the profile does not hold one yet.
    const counted =
      /(?<![\d,.])(\d+(?:,\d{3})*(?:\.\d+)?\s?k?)\s+(?:[a-z-]+\s+){0,2}?(?:examples?|pairs?|samples?|labels?|rows|records|letters|emails|tickets|documents|docs|summaries|reports|conversations|dialogues|transcripts|reviews|contracts|notes|answers|replies|descriptions|images|photos|clips|recordings)\b/.exec(
        lower,
      );
    // ("Is 8,000 enough for 40 categories? Some rare categories only have around 30 examples each": the count asked
    // is the one before "enough"; a count "each" is the smallest classes'.)
    const bareFirst = /\b(?:is|are)\s+([\d,.]+k?)\s+(?:[a-z-]+\s+){0,2}enough\b/.exec(lower);
    const perClass =
      counted !== null &&
      /^\s*(?:each|apiece|per\s+(?:class|category|label|intent|code))\b/.test(
        lower.slice(counted.index + counted[0].length),
      );
    const value = bareFirst
      ? parseCount(bareFirst[1] ?? '')
      : counted && !perClass
        ? parseCount(counted[1] ?? '')
        : undefined;
    intents.asksEnoughData = value !== undefined && value > 0 ? value : true;
    // "…some rare ones only have around 30 (examples) each" in a sentence about rare or small classes (not "four
    // annotators labeled 500 each").
    const rare = RAREST_CLASS_COUNT.exec(lower);
    const rarest = rare
      ? parseCount(rare[1] ?? rare[2] ?? rare[3] ?? rare[4] ?? rare[5] ?? rare[6] ?? '')
      : perClass && counted
        ? parseCount(counted[1] ?? '')
        : undefined;
    if (rarest !== undefined && rarest > 0) intents.asksEnoughDataRarest = rarest;
    // "is 1,500 enough for 40 intents?": the classes the count is spread over.
    const classes =
      /\benough\s+(?:for|to\s+cover)\s+(?:all\s+(?:the\s+|our\s+)?)?(?:~\s*|about\s+|around\s+|roughly\s+)?(\d[\d,]*)\s+(?:distinct\s+|different\s+|unique\s+|possible\s+)?(?:intents|classes|categories|labels|codes|languages|tags|queues|topics)\b/.exec(
        lower,
      );
    // ("is 40k enough when we have about 6,000 distinct codes?": the classes said beside the question.)
    const classesBeside =
      classes ??
      /\b(?:we\s+have|there\s+are|with|across|over|into|among)\s+(?:about\s+|around\s+|roughly\s+|~\s*|some\s+)?(\d[\d,]*)\s+(?:(?:distinct|different|unique|possible)\s+(?:intents|classes|categories|labels|codes|tags|queues|topics)|intents|classes|categories|codes|queues|topics)\b/.exec(
        lower,
      );
    if (classesBeside) {
      const classCount = parseCount(classesBeside[1] ?? '');
      if (classCount !== undefined && classCount > 1) intents.asksEnoughDataClasses = classCount;
    }
    // ("is 1,500 enough for 40 intents?": the count said bare, before "enough".)
    if (intents.asksEnoughData === true) {
      const bare = /\b(?:is|are)\s+([\d,.]+k?)\s+(?:[a-z-]+\s+){0,2}enough\b/.exec(lower);
      const count = bare ? parseCount(bare[1] ?? '') : undefined;
      if (count !== undefined && count > 0) intents.asksEnoughData = count;
    }
  }
  if (ASKS_FORMAT_GUARANTEE.test(lower) && QUESTION_FORM.test(lower)) {
    intents.asksFormatGuarantee = true;
    // "…only ever outputs one of our 40 category codes": a closed set of labels.
    if (ONE_OF_LABELS.test(lower)) intents.asksLabelChoice = true;
  }
  if (TRAIN_ON_MAC.test(lower) && QUESTION_FORM.test(lower)) {
    intents.asksTrainOnMac = true;
    const memory = MAC_MEMORY.exec(lower);
    const gb = memory ? Number(memory[1] ?? memory[2]) : undefined;
    if (gb !== undefined && gb >= 8 && gb <= 512) intents.macMemoryGB = gb;
  }
  if (
    ON_DEVICE_RUNTIME.test(lower) &&
    !/\b(?:(?:already\s+)?know\s+how\s+to|(?:have|'ve)\s+(?:already\s+)?figured\s+out\s+how\s+to)\b/.test(lower)
  ) {
    intents.asksOnDeviceRuntime = true;
    // ("how do we quantize it and actually run it on the tablets": how to run it there, not whether it fits.)
    if (!/\bfits?\b|\benough\s+(?:memory|ram|vram)\b/.test(lower)) {
      delete intents.asksFit;
      delete intents.asksFitFor;
    }
  }
  if (ASKS_SPEED.test(lower)) intents.asksSpeed = true;
  // ("how many should we hold back for testing?" is the enough-data question, read above.)
  if (ASKS_EVALUATION.test(lower) && QUESTION_FORM.test(lower) && intents.asksEnoughData === undefined) {
    intents.asksEvaluation = true;
    const raters = RATERS_DISAGREE.exec(lower);
    if (raters) {
      const spread = RATER_SPREAD.exec(raters[1] ?? '');
      intents.raterDisagreement = spread
        ? { points: Number(spread[1]), ...(/^mark/.test(spread[2] ?? '') ? { unit: 'marks' as const } : {}) }
        : {};
    }
  }
  if (
    // ("A pilot in 10 weeks. Realistic? And how long does the QLoRA training take?": the deadline is asked as such.)
    TIMELINE_DOABLE.test(lower) ||
    (ASKS_TIMELINE.test(lower) &&
      (QUESTION_FORM.test(lower) || lower.includes('?')) &&
      !TRAINING_LENGTH.test(lower) &&
      !(RESPONSE_TIME.test(lower) && !/\b(?:weeks?|production|live|ship|launch|deadline|calendar)\b/.test(lower)))
  ) {
    intents.asksTimeline = true;
    // ("how long until production?" asks the calendar, not the training's GPU-hours.)
    if (intents.asksCost === true && !/\b(?:cost|price|bill|spend|\$|usd|budget|expensive)\b/.test(lower))
      delete intents.asksCost;
  }
  // "Do the training runs fit in our 12 weeks?", "…fit within the deadline?": time asked, not memory.
  if (
    intents.asksFit !== undefined &&
    /\bfits?\s+(?:in(?:to)?|within|inside)\s+(?:our\s+|the\s+|those\s+|these\s+)?(?:\d+|two|three|four|six|eight|ten|twelve)?\s*(?:weeks?|months?|days?|deadline|timeline|schedule)\b/.test(
      lower,
    )
  ) {
    delete intents.asksFit;
    intents.asksTimeline = true;
  }
  // (In the question itself: "we'll go straight to DPO. how much will it cost?" asks the cost.)
  if (
    lower.split(/(?<=[.!?])\s+/).some((sentence) => sentence.includes('?') && ASKS_SFT_BEFORE_PREFERENCE.test(sentence))
  )
    intents.asksSftBeforePreference = true;
  if (
    (QUESTION_FORM.test(lower) || lower.includes('?')) &&
    ((ASKS_RISKS.test(lower) && !RISK_OF_HARM.test(lower)) || ASKS_RISKS_MORE.test(lower))
  )
    intents.asksRisks = true;
  if (HOSTING_FEE.test(lower) && (QUESTION_FORM.test(lower) || lower.includes('?'))) {
    const named = HOSTING_PROVIDER.exec(lower)?.[0];
    intents.asksHostingFee = named === undefined ? true : (HOSTING_PROVIDER_IDS[named.replace(/\s+/g, ' ')] ?? true);
  }
  const promptTokens = PROMPT_TOKENS.exec(lower);
  if (promptTokens && (QUESTION_FORM.test(lower) || /\?/.test(lower))) {
    const [, digits, thousands, digits2, thousands2, digits3, thousands3] = promptTokens;
    const value =
      Number((digits ?? digits2 ?? digits3 ?? '').replaceAll(',', '')) *
      ((thousands ?? thousands2 ?? thousands3) ? 1000 : 1);
    if (Number.isFinite(value) && value >= 50 && value <= 2_000_000) intents.asksPromptTokens = Math.round(value);
  }
  // "with 40k in and 3k out": input said beside the output.
  const inputIn = INPUT_IN.exec(lower);
  if (intents.asksPromptTokens === undefined && inputIn && (QUESTION_FORM.test(lower) || /\?/.test(lower))) {
    const value = Number((inputIn[1] ?? '').replaceAll(',', '')) * (inputIn[2] ? 1000 : 1);
    if (Number.isFinite(value) && value >= 50 && value <= 2_000_000) intents.asksPromptTokens = Math.round(value);
  }
  const outputTokens = OUTPUT_TOKENS.exec(lower);
  if (
    outputTokens &&
    (QUESTION_FORM.test(lower) || /\?/.test(lower)) &&
    (COST.test(lower) || intents.asksPromptTokens !== undefined)
  ) {
    const [, digits, thousands, digits2, thousands2, digits3, thousands3] = outputTokens;
    const value =
      Number((digits ?? digits2 ?? digits3 ?? '').replaceAll(',', '')) *
      ((thousands ?? thousands2 ?? thousands3) ? 1000 : 1);
    if (Number.isFinite(value) && value >= 1 && value <= 200_000) intents.asksOutputTokens = Math.round(value);
  }
  const region = DATA_REGION.exec(lower);
  if (region)
    intents.dataRegion = ((said: string) => REGION_NAMES[said] ?? titleCase(said))(
      (region[1] ?? region[2] ?? region[3] ?? 'eu').replace(/\s+/g, ' '),
    );
  // "could we just use Claude on Bedrock in Frankfurt instead?": an EU cloud region, asked about.
  // (Not "open weights we host ourselves in Frankfurt": the team's own hosting there is no provider's region.)
  else if (EU_CLOUD_PLACE.test(lower) && QUESTION_FORM.test(lower) && !HOSTED_BY_US.test(lower)) {
    intents.dataRegion = 'the EU';
    intents.asksRegion = true;
  } else {
    // "is an Azure region in South Africa ok??": a cloud region asked about.
    const asked = CLOUD_REGION_ASKED.exec(lower);
    if (asked && (QUESTION_FORM.test(lower) || lower.includes('?'))) {
      const place = (asked[1] ?? asked[2] ?? '').replace(/\s+/g, ' ');
      intents.dataRegion = REGION_NAMES[place] ?? titleCase(place || 'that region');
      intents.asksRegion = true;
    }
  }
  const perTask = PER_TASK.exec(lower);
  // ("300 separate adapters or one shared one?" names no unit: the tenants of a multi-tenant product, most often.)
  if (perTask) intents.asksPerTask = perTask[1] ?? (/\badapters?\s+or\b/.test(perTask[0]) ? 'tenant' : 'task');
  if (ASKS_ABOUT_THE_QUESTION.test(lower)) intents.asksAboutTheQuestion = true;
  if (SHOW_DETAILS.test(lower)) intents.showDetails = true;
  // ("OK, recap please." asks for the summary: "ok" only opens it.)
  else if (SMALL_TALK.test(lower) && !intents.justRecommend && !intents.asksSummary) intents.smallTalk = true;
  if (!intents.smallTalk && THANKS.test(lower)) intents.thanks = true;
}
