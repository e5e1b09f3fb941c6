/**
 * @module Words that do not assert the user's own current facts: denied ("we do NOT have 100 H100s"), conditional
 * ("if only we had 8 A100s"), someone else's ("our competitor has 64 H100s"), past ("last year we had…, gone now"),
 * and quoted, fenced or injected text (a forwarded email, a code block, `gpuCount=100`, "SYSTEM: ignore previous…").
 * Extractors match words; this module says which matches the user did not state as true for their team today.
 * Every function is linear in the message length.
 */
import type { ProfileField } from '../../profile/profile-schema.ts';
import { KEEP_IN_ASKED } from './keeping-in.ts';
import { allMatches, clauseBefore, createSpanIndex, type SpanIndex } from './prepare-message.ts';
import type { PreparedMessage } from './types.ts';

/** Why a span of the message is not an assertion (for tests and debugging). */
export type UnassertedReason = 'quoted' | 'doubted' | 'fenced' | 'injected' | 'conditional' | 'third-party' | 'past';

/** A model used in the past still tells which model the team knows ("Mistral 7B is what we fine-tuned last year"). */
export const PAST_KEEPS_FIELDS: ReadonlySet<ProfileField> = new Set<ProfileField>([
  'modelName',
  'modelParamsB',
  'modelAccess',
  // What the model is stays true of it: "a fine-tuned Phi-3 we made last quarter".
  'modelStage',
  // What was tried is past by nature: "we set up RAG last quarter and it works fine".
  'tried',
  // The model a student was distilled from stays its teacher: "we already distilled it from gpt-4.1 outputs".
  'teacherModel',
]);

/**
 * Kept from a past clause only when the message gives no present value: examples labeled or used in the past are
 * still there ("we fine-tuned 4o mini last month with 1,000 examples"), but "…on 5k examples last month … and we have
 * 800 on-brand rewrites" counts the 800.
 */
export const PAST_KEEPS_UNLESS_PRESENT: ReadonlySet<ProfileField> = new Set<ProfileField>(['labeledExamples']);

export interface UnassertedSpan {
  start: number;
  end: number;
  reason: UnassertedReason;
}

/**
 * Fenced code blocks (``` or ~~~, to the closing fence or the end of the message) and inline `code`. The fence is
 * matched as a whole run of backticks and the closing fence after spaces only: anything looser retries every
 * split of a long run of backticks or newlines (cubic on "`````…").
 */
const FENCED = /(?<![`~])(`{3,}|~{3,})(?![`~])[^\n]*\n[\s\S]*?(?:\n[ \t]*\1|$(?![\s\S]))|`[^`\n]{1,500}`/g;
/** "our config:", "my setup fwiw:", "here's our yaml": the fenced block after it is the team's own. */
const OWN_CONFIG_BEFORE =
  /\b(?:our|my)\s+(?:current\s+|training\s+|serving\s+|vllm\s+|deployment\s+)?(?:config(?:uration)?|setup|yaml|settings|params)\b[^\n`]{0,20}\n?$/;
/** The model line of a pasted config: "model: mistralai/Mistral-7B-v0.1", "model_name = meta-llama/Llama-3.1-8B". */
const CONFIG_MODEL_LINE = /^[ \t]*(?:base_)?model(?:_name|_id|_name_or_path)?[ \t]*[:=][ \t]*[\w./-]{3,80}[ \t]*$/m;
/**
 * Double-quoted text within one paragraph ("…" and curly quotes are mapped to " by prepareMessage), and a
 * single-quoted saying after "said"/"wrote"/"told us" ("the vendor said 'you need 8 H100s'").
 */
const QUOTED =
  /"[^"\n]{1,1000}(?:\n(?!\s*\n)[^"\n]{0,1000}){0,20}"|\b(?:said|says|told\s+(?:us|me)|wrote|claimed|claims)\s*:?\s*'[^'\n]{1,300}'/g;
/** E-mail style quoted lines ("> we have 100 H100s"). */
const QUOTED_LINE = /^[ \t]*>[^\n]*/gm;
/** A pasted log line: "[2024-05-02 03:11:09] WARN retriever: citation missing … latency 2300ms" (to its line's end). */
const LOG_LINE =
  /\[\d{4}-\d{2}-\d{2}[ t]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?[^\]\n]{0,20}\][^\n]*|\b\d{4}-\d{2}-\d{2}[ t]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?z?\s+(?:warn(?:ing)?|error|info|debug|fatal|critical)\b[^\n]*/g;
/**
 * A forwarded message: from its header to the end of the message. The dash run is matched whole (`(?<!-)…(?!-)`):
 * tried from every dash of a long run, it would be quadratic.
 */
const FORWARDED =
  /(?<!-)-{2,}(?!-)\s*(?:forwarded|original)\s+message\s*-{2,}[\s\S]*|\b(?:fwd?|forwarded)\s*(?:e-?mail|message)?\b[^\n:]{0,60}:[^\n]*/g;
/** Text addressed to the machine rather than stating facts: "SYSTEM: …", "ignore previous instructions …". */
const INJECTED =
  /(?<![\w&]\s)\b(?:system|assistant|developer)\s*:[^\n]*|\b(?:ignore|disregard|forget)\s+(?:all\s+|the\s+|any\s+|your\s+)?(?:previous|prior|above|earlier|preceding)\b[^\n]*/g;
/** A JSON object typed into the message: `{"gpuCount":100}`. */
const JSON_OBJECT = /\{[^{}\n]{0,2000}\}/g;

/**
 * A conditional or wished-for clause: from the cue to the end of the clause, or to a "but" that turns to today ("if we
 * had a bigger budget we'd get H100s but for now it's one T4"). "If I need cloud I can spend 400 zł" is
 * no hypothetical: the money is the team's, offered for renting.
 */
const CONDITIONAL =
  /\b(?:(?<!\bonly\s(?:[\w']+\s){0,3})if(?!\s+(?:possible|needed|necessary|so|not|any|anything|at\s+all|that\s+(?:helps|matters)|it\s+(?:helps|matters))\b)(?!\s+(?:we|i)\s+(?:need|have\s+to|must)\s+(?:to\s+)?(?:(?:rent|use|go\s+to|buy)\s+)?(?:the\s+|some\s+|more\s+)?(?:cloud|compute|gpus?|gpu\s+time)\b(?=[^.;!?\n]{0,80}\b(?:(?:i|we)\s+(?:can|could)\s+(?:spend|afford|pay|put\s+in)|budget\s+(?:is|of))))|assuming|supposing|suppose|imagine|(?<![\w'])(?:let'?s\s+)?say\s+we\s+(?:end\s+up\s+with|had)|unless|in\s+case|provided\s+that|once\s+we\s+(?:get|have|buy|rent|receive)|hypothetically|let's\s+say|lets\s+say|say\s+we\s+had|(?:we|i)\s+(?:could|can)\s+(?:maybe\s+|possibly\s+|probably\s+)?(?:buy|order|get\s+budget\s+for)\b|(?:we|i)\s+might\s+(?:get|buy|have|rent|receive)(?![^.;!?\n]{0,40}\b(?:a|per|each|every)\s+(?:day|week|month|hour)\b)|wish(?:\s+we|\s+i)?|would\s+(?:love|like)\s+to\s+have|hop(?:e|ing)\s+to\s+(?:get|have|buy)|(?:thinking|thought)\s+(?:about|of)\s+(?:renting|buying|getting|ordering)|considering\s+(?:renting|buying|getting|ordering))\b(?:(?!\bbut\s+(?:for\s+now|now|today|currently|right\s+now|at\s+the\s+moment|for\s+the\s+moment|in\s+reality|realistically|(?:we|i)\s+(?:only\s+|just\s+|currently\s+|actually\s+)?(?:have|own|got|run)|(?:we|i)\s+(?:don't|do\s+not|dont|haven't|have\s+not)\s+(?:have|own|got)\b))[^.;:!?\n,]|\.(?=\d))*(?:,\s*(?:say|e\.g\.|for\s+example|for\s+instance|like|such\s+as|let's\s+say|maybe)\b,?(?:[^.;:!?\n,]|\.(?=\d))*)?/g;
/**
 * "Hypothetically, what about 70B instead?", "why not distill instead: train our own classifier and serve it on a
 * rented GPU?": another choice weighed, to the end of the sentence (past its commas).
 */
const WEIGHED_SENTENCE =
  /\bhypothetically\b(?:[^.;!?\n]|\.(?=\d))*|\b(?:what|how)\s+about\s+(?:[\w.-]+\s+){0,4}?instead\b|\b(?:what|how)\s+about\s+(?:just\s+|simply\s+)?(?:fine[\s-]?tuning|tuning|using|trying|switching\s+to|moving\s+to|going\s+with)\b(?:[^.;!?\n]|\.(?=\d))*|\bwhy\s+(?:not|wouldn't\s+(?:we|i)|don't\s+(?:we|i))\s+(?:just\s+|simply\s+)?(?:rag|retriev\w*|(?:do|use|try|build)\s+(?:rag|retrieval))\b[^?\n]*\?|\bwhy\s+(?:not|wouldn't\s+(?:we|i)|don't\s+(?:we|i))\s+(?:just\s+|simply\s+)?(?:distil\w*|train|tune|fine[\s-]?tune|serve|host|self[\s-]?host|rent|run|buy)\b(?:\b(?:e\.g|i\.e|etc|vs)\.|[^?.!;\n]|\.(?=\d))*\?/g;
/**
 * Someone else's facts: a competitor, another team, a friend, "unlike …", hearsay ("I read somewhere you need 10k
 * examples"). From the cue to the end of the clause.
 */
const THIRD_PARTY =
  /\b(?:our|an?|the)\s+(?:it\s+|cloud\s+|tech(?:nology)?\s+|external\s+|aws\s+|azure\s+)?(?:partners?|consultants?|vendors?|resellers?|integrators?|advisors?|advisers?|contractors?|sales\s+reps?|account\s+managers?|data\s+scientists?|ml\s+engineers?|engineers|architects?|developers|devs)\s+(?:says?|said|suggests?|suggested|thinks?|recommends?|recommended|claims?|claimed|proposes?|proposed|pitched|pitches|pushed|pushes|demo'?d|demoed|demos|showed|showcased|demonstrated)\b|\b(?:(?:our|a|the|one\s+of\s+our)\s+)?(?:competitors?|rivals?)(?:'s?)?|\btheir\s+(?:dataset|data\s+set|corpus|benchmark)\s+(?:has|have|had|contains|is)\b|\b(?:someone|somebody|a\s+(?:friend|colleague|co-?worker|blog(?:\s+post)?|tutorial)|people)\s+(?:on\s+[\w.]+\s+|online\s+|on\s+(?:the|our|my)\s+team\s+|here\s+)?(?:said|says|claimed|wrote|reported|posted|pushed|pushes|swears\s+by|thinks|reckons|meinte|prefers|preferred)\b|\b(?:my|our|the)\s+(?:boss|manager|cfo|ceo|cto|vp|director|lead|head\s+of\s+\w+)\s+(?:thinks|floated|reckons|guesses|hopes|imagines|is\s+hoping|suggests|suggested|proposes|proposed)\b|\b(?:someone|somebody|a\s+(?:guy|person|user|team|company|startup))\s+(?:on|at|from)\s+(?!(?:our|my|the\s+team)\b)[\w.]+\b|\b(?:our\s+|the\s+|typical\s+|most\s+)?(?:players|gamers|end[\s-]users)(?:'s?)?\s+(?:have|has|own|run|use|got)\b|\b(?:our\s+|a\s+|the\s+)?(?:sister|parent|partner)\s+(?:team|company|companies|org|organi[sz]ation|lab|department|group)s?\b|\b(?:the|a)\s+(?:\w+\s+){0,2}(?:group|team|department|lab)\s+(?:down\s+the\s+hall|next\s+door|upstairs|downstairs|across\s+the\s+hall)\b|\bthe\s+(?:\w+\s+)?(?:hospital|company|firm|bank|clinic|startup|shop|store|agency|school|university|team)\s+(?:across\s+(?:town|the\s+street|the\s+road)|next\s+door|down\s+the\s+(?:road|street))\b|\bthe\s+(?:speech|vision|research|data|ml|platform|infra|infrastructure|analytics|search|security|other)\s+team\s+(?:is|are|has|have|uses?|runs?|owns?|got)\b|(?<!\b(?:shared|share|split|splitting|sharing)\s+(?:it\s+|them\s+)?with\s+(?:\w+\s+)?)\b(?:another|other)\s+(?:company|companies|team|teams|startup|startups|lab|labs|org|orgs|organi[sz]ations?|firms?|department|departments|group|groups|bu|bus|business\s+units?|divisions?)\b|(?<!\b(?:correction|update|note|info|news|numbers?|figures?)\s+from\s+)\bmy\s+(?:friend|friends|buddy|buddies|pal|mate|cousin|brother|sister|roommate|flatmate|neighbou?r|colleague|colleagues|former\s+employer|previous\s+(?:company|employer|job))\b|\b(?:a|one)\s+friend\b|\bfriend'?s\b|\btheir\s+(?:team|company|startup|lab|cluster|setup|budget)\b|\b(?:on|for|in|at)\s+(?:a|an|another)\s+(?:different|other|previous|old|earlier|unrelated|former|past)\s+(?:project|product|team|company|job|client|employer)\b|\bunlike\b|\b(?:big\s+tech|openai|google|meta|anthropic|microsoft|amazon|nvidia)\s+(?:has|have|had|uses|used|trained|spends?|spent)\b[^.;!?\n,]*|\b(?:i|we)\s+(?:read|heard|saw)\s+(?:somewhere|online|on\s+\w+|that)|\b(?:apparently|supposedly|people\s+say|they\s+say|rumou?r\s+has\s+it)\b[^.;!?\n,]*/g;
/** To the end of the clause; a dot between digits ("Llama 3.1") does not end it. */
/** To the end of the clause, or to a "but we" that turns to the team's own ("…on 8 H100s but we just have a T4"). */
const THIRD_PARTY_SCOPE = /(?:(?!\b(?:but|while|whereas)\s+(?:we|i|our|my)\b)[^.;!?\n,]|\.(?=\d))*/y;
/** Past facts: "used to have", "last year", "back in 2023", "previously", "two years ago". */
const PAST =
  /\b(?:used\s+to|last\s+(?:year|month|quarter|week|time)(?!'s\s+(?:prices|pricing|rates|info|information|numbers|figures|data|docs|specs|catalog|policies|policy|menu|offers|deals|schedule|version|stock)\b)|back\s+(?:in\s+(?:(?:19|20)\d\d|the\s+day|those\s+days)|then|when)|previously|formerly|in\s+the\s+past|at\s+(?:my|our)\s+(?:previous|last|old|former)\s+\w+|(?:old|previous|former)\s+(?:setup|cluster|company|job|employer|project|team)|\bour\s+(?:old|previous|former)\s+(?:[\w.-]+\s+){0,2}?(?:bill|invoice|spend|budget|model|provider|vendor|gpus?)|(?:years?|months?)\s+ago)\b/;
/** Words that make what was said just before past: "…, they're gone now", "…, but we sold them", "… no longer". */
const PAST_AFTER =
  /\b(?:no\s+longer|any\s?more|(?:is|are|were|was|'re)\s+(?:gone|sold|decommissioned|retired|returned)|had\s+to\s+(?:give|hand)\s+(?:them\s+|it\s+)?(?:back|up)|sold\s+(?:them|it|those|these))\b/;
/** A prohibition with "anymore"/"no longer": "may not leave … anymore", "is no longer allowed to go to the cloud". */
const NEW_RULE =
  /\b(?:may\s+not|must\s+not|mustn't|can\s+not|cannot|can't|not\s+allowed\s+to|no\s+longer\s+(?:allowed|permitted)|isn't\s+allowed|aren't\s+allowed|won't\s+be\s+allowed|nothing\s+(?:is\s+)?(?:allowed|permitted|may|can|must|should|gets)\s+(?:to\s+)?leave)\b/;
const PAST_ANY = new RegExp(`${PAST.source}|${PAST_AFTER.source}`, 'g');
/**
 * "pls dont suggest 8xH100", "don't recommend GPT-5": what the team asks not to be offered is not what it has (to the
 * end of its clause: "dont suggest cloud GPUs, we have 2 A100s on-prem" keeps the A100s).
 */
const NOT_TO_SUGGEST =
  /\b(?:don'?t|dont|do\s+not|never)\s+(?:suggest|recommend|propose|offer|tell\s+(?:me|us)\s+to\s+(?:use|buy|rent|get))\b(?:(?!\b(?:we|our|i|my|but|because|since|as)\b)[^.;!?\n,])*/g;
/** (A dot between digits, as in "Llama 3.1", ends no sentence.) */
const SENTENCE_BREAK = /[!?;\n]|\.(?!\d)/g;
/** Sub-clause separators inside a sentence with a past cue ("saw a demo last week and now wants…" turns to today). */
const SUB_CLAUSE_BREAK = /,|\s-+\s|\bbut\b|\bwhile\b|\bwhereas\b|\band\s+(?=(?:now|today|currently|these\s+days)\b)/g;
/** A sub-clause that speaks about today: "but now 1 A10G", "we have 8 A100s". */
const PRESENT =
  /^\s*(?:(?:but|and|so|while|whereas)\s+)?(?:now|currently|today|these\s+days|at\s+the\s+moment|at\s+present|right\s+now|nowadays)\b|\b(?:cut|lowered|reduced|dropped|raised|increased|bumped|changed|moved|capped)\s+(?:it\s+|that\s+|the\s+\w+\s+)?(?:down\s+|up\s+)?to\b|\b(?:we|i)\s+(?:now\s+)?(?:have|'ve\s+got|use|run|own|rent|are|am)\b|\bwe're\b|\bwe've\b/;

/**
 * Spans of `message` that do not assert the user's current facts. Quoted, fenced and injected text is always left
 * out; conditional clauses only when the message is not a "what if" (whose hypothetical facts the dialogue answers).
 */
export function findUnassertedSpans(message: PreparedMessage, options: { whatIf: boolean }): UnassertedSpan[] {
  const { lower, original } = message;
  const spans: UnassertedSpan[] = [];
  const add = (pattern: RegExp, reason: UnassertedReason, text = lower) => {
    for (const match of allMatches(pattern, text))
      spans.push({ start: match.index, end: match.index + match[0].length, reason });
  };
  add(FENCED, 'fenced');
  // "our config fwiw: ``` model: mistralai/Mistral-7B-v0.1 … ```": the model line of the team's own pasted config says
  // which model they run (its batch sizes, ports and lengths stay unread).
  for (const [index, span] of spans.entries()) {
    if (!OWN_CONFIG_BEFORE.test(lower.slice(Math.max(0, span.start - 60), span.start))) continue;
    const line = CONFIG_MODEL_LINE.exec(lower.slice(span.start, span.end));
    if (line === null) continue;
    const lineStart = span.start + line.index;
    const lineEnd = lineStart + line[0].length;
    spans.splice(index, 1, { ...span, end: lineStart }, { ...span, start: lineEnd });
    break;
  }
  add(QUOTED, 'quoted');
  add(QUOTED_LINE, 'quoted');
  add(LOG_LINE, 'quoted');
  add(FORWARDED, 'quoted');
  add(INJECTED, 'injected');
  add(JSON_OBJECT, 'injected');
  // Assignments such as `gpuCount=100` or `gpu_name: H100` (identifiers, so read from the original casing).
  for (const match of allMatches(/\b[a-z]+(?:[A-Z][a-z0-9]*|_[a-z0-9]+)+\s*[=:]\s*(?:"[^"\n]*"|[^\s,;]+)/g, original))
    spans.push({ start: match.index, end: match.index + match[0].length, reason: 'injected' });
  if (!options.whatIf) {
    add(CONDITIONAL, 'conditional');
    add(WEIGHED_SENTENCE, 'conditional');
    add(NOT_TO_SUGGEST, 'conditional');
    spans.push(...optionQuestionSpans(lower));
  }
  for (const match of allMatches(THIRD_PARTY, lower)) {
    const end = match.index + match[0].length;
    THIRD_PARTY_SCOPE.lastIndex = end;
    const scope = THIRD_PARTY_SCOPE.exec(lower);
    spans.push({ start: match.index, end: end + (scope?.[0].length ?? 0), reason: 'third-party' });
  }
  // "I didn't say GPT-4o is 7B", "your plan distils X into Y?": what follows is not what the user says.
  for (const match of [...allMatches(NOT_SAID, lower), ...allMatches(ADVISORS_WORDS, lower)]) {
    const end = match.index + match[0].length;
    QUOTE_SCOPE.lastIndex = end;
    const scope = QUOTE_SCOPE.exec(lower);
    spans.push({ start: match.index, end: end + (scope?.[0].length ?? 0), reason: 'quoted' });
  }
  // "$321??", "where does 321 come from?": the advisor's figure questioned back, not the team's.
  add(FIGURE_QUESTIONED, 'quoted');
  // "$577? we run two L40S", in a "what if" message too: a figure said back as a question is the advisor's.
  spans.push(...figureQuestionSpans(lower));
  add(ADVISORS_FIGURE, 'quoted');
  add(WHY_NEED_QUESTION, 'quoted');
  spans.push(...doubtedFigureSpans(lower));
  spans.push(...pastSpans(lower));
  return spans;
}

/** "I didn't say …", "we never said …": from the cue to the end of the clause. */
const NOT_SAID =
  /\b(?:i|we)\s+(?:didn't|didnt|did\s+not|never|haven't|have\s+not)\s+(?:say|said|mention(?:ed)?|tell\s+you|told\s+you|claim(?:ed)?)\b/g;
/** To the end of the clause, or to a "but" that turns to what the user says ("you suggested X but we use Y"). */
const QUOTE_SCOPE = /(?:(?!\b(?:but|while|whereas)\b)[^.;!?\n,]|\.(?=\d))*/y;
/**
 * The advisor's own answer quoted back: "your plan distils X into Y?", "you suggested Llama" (not the team's own
 * "the plan is to use Claude 3.5 Sonnet as the teacher").
 */
const ADVISORS_WORDS =
  /\b(?:(?:why|where)\s+(?:does|did|do)\s+(?:it|you|the\s+(?:plan|answer|reply|recommendation|estimate|advice))\s+(?:say|mention|assume|suggest|talk\s+about)\b|your\s+\d[\d,.]*\s*k?\s*(?:gpu[\s-]hours?|hours?|tokens?|gb)\s+(?:assumes?|assumed|(?:is|was)\s+based\s+on|uses?)\b|(?:your|the\s+advisor's)\s+(?:number|estimate|figure|answer|math|calculation|sizing|price|bill)\s+(?:looks?|looked|seems?|seemed|sounds?|sounded)\s+like|(?:your|the)\s+(?:plan|answer|recommendation|advice|suggestion|proposal|pick)\s+(?!(?:is|was)\s+to\b)(?:\w+\s+){0,2}?(?:distils?|distills?|proposes?|says?|suggests?|picks?|uses?|recommends?|moves?|switches?|puts?)|your\s+(?:\$\s?\d[\d,.]*k?|\d[\d,.]*k?\s?(?:\$|dollars?|usd))(?:\s*(?:\/\s?mo(?:nth)?|a\s+month|per\s+month|monthly))?\s+(?:(?:figure|estimate|bill|number|quote)\s+)?(?:assumes?|assumed|(?:is|was)\s+based\s+on|counts?|uses?|used|prices?)|your\s+(?:cost|costs|estimate|figure|number|bill|price|quote|calculation|math|sizing|numbers|figures)\s+(?:\w+\s+)?(?:assumes?|assumed|(?:is|are|was|were)\s+based\s+on|counts?|counted|includes?|included|prices?|priced|uses?|used)|(?:now\s+)you\s+(?:say|suggest|propose|recommend|claim)|you\s+(?:now|just|first)\s+(?:say|suggest|propose|recommend|claim)|(?<!\b(?:can|could|would|will|do|did|should)\s)you\s+(?:suggested|proposed|picked|recommended|said|claimed|told\s+me|wrote|say|write|(?:are|'re)\s+saying)|you\s+(?:still\s+)?(?:didn't|did\s+not|never|haven't)\s+(?:say|said|answer(?:ed)?|tell\s+(?:me|us)))\b/g;
/**
 * A figure the user hands back as the advisor's: "$577 was YOUR serving estimate, not our budget", "the 3 H100s are your
 * number". The figure and the words up to the possessive.
 */
const ADVISORS_FIGURE =
  /(?<![\w.,])[$€£]?\d[\d,.]*\s?(?:k|m|gb|%|[a-z]\d{2,3}s?|h100s?|a100s?|gpus?|gpu[\s-]hours?)?\s+(?:(?:was|is|are|were)\s+)?(?:just\s+|only\s+)?your\s+(?:own\s+)?(?:[\w-]+\s+){0,2}?(?:estimate|figure|number|quote|guess|calculation|math|sizing)\b/g;
/**
 * "Why would serving an 8B model need 3 H100s?": the advisor's sizing asked back; the figures in the question up to where
 * the team's own facts start ("…when we have 16?").
 */
const WHY_NEED_QUESTION =
  /\bwhy\s+(?:would|does|do|did|should|is|are|will)\s+(?:(?!\b(?:when|since|given|because|while|whereas|but|we|we're|we've|our)\b)[^.;!?\n,])*?\b(?:need|needs|take|takes|require|requires|cost|costs)\b(?:(?!\b(?:when|since|given|because|while|whereas|but|we|we're|we've|our)\b)[^.;!?\n,])*/g;
/** A figure echoed with a question ("$321??", "14GB?!") or asked about ("where does 321 come from?"). */
const FIGURE_QUESTIONED =
  /\b(?:is|was)\s+[$€£]\s?\d[\d,.]*\s?k?(?:\s*\/\s*mo(?:nth)?|\s+(?:a|per)\s+month)?\s+really\b|(?<![\w.,])[$€£]?\d[\d,.]*\s?(?:k|m|gb|b|%|usd|eur|tokens?)?\s*\?[?!]+|\b(?:whoa|woah|wait|what|huh|hold\s+on|really|seriously)[,!.?\s]+[$€£]?\d[\d,.]*\s?(?:k|m|gb|b|%)?\s*\?|\bwhere\s+(?:does|did|do)\s+(?:the\s+|that\s+|this\s+|your\s+)?[$€£]?\d[\d,.]*\s?(?:k|m|gb|b|%)?\s+(?:\w+\s+)?come\s+from\b/g;
/** "14GB per GPU for full DPO sounds way too low": a figure of the advice doubted, not one the team states. */
const FIGURE_DOUBTED =
  /\b(?:sounds?|seems?|looks?)\s+(?:way\s+|far\s+|a\s+(?:bit|lot)\s+|really\s+|pretty\s+|kind\s+of\s+|kinda\s+|much\s+)?(?:too\s+(?:low|high|small|big|little|much|cheap|expensive|optimistic|good)|off|wrong|suspicious|fishy|optimistic|unrealistic|implausible|low|high)\b|\b(?:can't|cant|cannot|can\s+not|doesn't|doesnt|does\s+not)\s+(?:possibly\s+)?(?:be|sound|look)\s+right\b|\b(?:is|are|'s)\s+(?:way|far|much|a\s+lot)\s+(?:more|less|higher|lower|cheaper|pricier)\s+than\b|\?{2,}|\?!|!\?|\bthat(?:'s|\s+is)\s+(?:way\s+)?(?:wrong|off|impossible)\b|\bmakes?\s+no\s+sense\b/;

/** A question that opens with a figure: "And 3 H100s to serve a 14B?", "1,040 GPU-hours for a LoRA?". */
const FIGURE_ASKED_BACK = /^[\s,]*(?:(?:and|so|but|also|plus|or|then)[\s,]+)?(?:[$€£]\s?)?\d/;

/** Sentences that doubt a figure and name nothing as the team's own: the whole sentence. */
function doubtedFigureSpans(lower: string): UnassertedSpan[] {
  if (!FIGURE_DOUBTED.test(lower)) return [];
  const spans: UnassertedSpan[] = [];
  let start = 0;
  let previous: { start: number; end: number } | undefined;
  // ("Those numbers look way off. 1,040 GPU-hours to LoRA a 14B? And 3 H100s to serve a 14B?": the figures asked back
  // right after the doubt are the advice's too.)
  let doubting = false;
  for (const end of [...allMatches(QUESTION_BREAK, lower).map((match) => match.index), lower.length]) {
    const sentence = lower.slice(start, end);
    // ("80 bucks??": the doubled mark ends the sentence, so it is read after it.)
    const echoed: boolean = doubting && lower[end] === '?' && FIGURE_ASKED_BACK.test(sentence);
    const doubted: boolean =
      echoed || FIGURE_DOUBTED.test(sentence) || /^(?:\?{2,}|\?!|!\?)/.test(lower.slice(end, end + 2));
    doubting = doubted && !OWN_WORDS.test(sentence);
    if (doubted && !OWN_WORDS.test(sentence)) {
      spans.push({ start, end: Math.min(lower.length, end + 1), reason: 'doubted' });
      // "1.28 gpu hours for 60 hours of audio on an L4? that seems way too low": the figures questioned just before.
      if (previous && lower[previous.end] === '?') spans.push({ ...previous, reason: 'doubted' });
    }
    previous = { start, end };
    start = end + 1;
  }
  return spans;
}

/** A question weighing an option: "is an instruct model better…?", "would Llama 3.1 70B work?". */
const WEIGHING_START =
  /^[\s,]*(?:(?:so|and|but|or|ok(?:ay)?|hmm|also|wait|then|given\s+that|in\s+that\s+case|if\s+so)[\s,]+)?(?:for\s+(?:[\w-]+\s+){0,2}?[\w-]+[\s,]+)?(?:is|are|would|should|could|will|does|do|isn't|aren't|wouldn't|shouldn't|couldn't|won't|doesn't|don't|isnt|arent|wouldnt|shouldnt|couldnt)\b/;
const WEIGHING_WORDS =
  /\b(?:better|worse|enough|good|work|make\s+sense|recommended|idea|worth|fine|possible|allowed|bad|preferable|smarter|wiser|best|cheaper|faster|simpler|easier)\b/;
/** A sentence that opens with a figure: "7.3GB per GPU for a 70B model", "$321 a month". */
const FIGURE_FIRST =
  /^[\s,]*(?:(?:so|and|but|wait|hmm|really)[\s,]+)?(?:[$€£]\d[\d,.]*\s?[km]?\b|\d[\d,.]*\s?(?:gb|gib|tb|h|hours?|gpu[\s-]hours?|%|ms)\b)/;
/** A question opened with a negated auxiliary is one even without its question mark: "wouldnt X be cheaper". */
const NEGATED_WEIGHING_START =
  /^[\s,]*(?:(?:so|and|but|ok(?:ay)?|hmm|also|wait|then)[\s,]+)?(?:for\s+(?:[\w-]+\s+){1,3}?)?(?:wouldn't|wouldnt|shouldn't|shouldnt|couldn't|couldnt|isn't|isnt|aren't|arent)\b/;
/** "can we use GPT-4o through Azure…?", "should we switch to Llama 3.1 70B?": asking about a choice, not stating it. */
const CHOICE_START =
  /^[\s,]*(?:(?:so|and|but|or|ok(?:ay)?|hmm|also|wait|then|given\s+that|in\s+that\s+case|if\s+so)[\s,]+)*(?:can|could|should|shall|would|can't|cant|couldn't|couldnt|shouldn't|wouldn't)\s+(?:we|i)\s+(?:just\s+|maybe\s+|instead\s+|rather\s+)?(?:use|switch\s+to|go\s+with|try|pick|choose|move\s+to|start\s+(?:from|with)|fine[\s-]?tune|tune|train|distil+|host|self[\s-]?host|deploy|run)\b/;
/** "can we keep the data in house?": keeping something in, asked (the question mark is checked by the caller). */
const KEEP_ASKED = new RegExp(String.raw`\b(?:${KEEP_IN_ASKED})`);
/** "how much would LoRA on Llama 3.1 8B cost us?", "what would renting 8 H100s cost?": the price of an option. */
const PRICE_OF_AN_OPTION =
  /(?:^[\s,]*(?:(?:so|and|but|ok(?:ay)?|hmm|also|wait|then)[\s,]+)*|:\s*)(?:how\s+(?:much|long)\s+would|what(?:'s|\s+is|\s+would\s+be)\s+the\s+(?:[\w-]+\s+){0,2}?(?:bill|cost|price)\b|what\s+would\s+(?:[\w-]+\s+){0,3}?cost\b|what\s+would\s+(?:renting|buying|leasing|it\s+cost\s+(?:us\s+)?to\s+(?:rent|buy|lease))|how\s+much\s+(?:is|does|would)\s+(?:it\s+cost\s+(?:us\s+)?to\s+)?(?:rent(?:ing)?|buy(?:ing)?|leas(?:e|ing)))\b/;
/** "why not just distill GPT-4o into a small open model?": an option weighed, not the team's facts. */
export const WHY_NOT_START =
  /^[\s,]*(?:(?:so|and|but|ok(?:ay)?|hmm|also|wait|then)[\s,]+)?why\s+(?:(?:would|should|do|must)\s+(?:we|i)\s+(?:rent|buy|pay\s+for|move\s+to|switch\s+to)\b|not|don't\s+we|wouldn't\s+we|can't\s+we|shouldn't\s+we|couldn't\s+we|(?:use\s+|pick\s+|choose\s+|go\s+with\s+)?(?:a|an|the|this|that)\s+[\w.-]+\s+(?:model|one|gpu|card)s?\b)/;
/**
 * "Why Phi-3-mini?", "why did you pick the 3B?": the advisor's choice questioned (a short why-question, or one about
 * what it picked), not the team's facts. ("Why does our 8B hallucinate so much?" states what the team has.)
 */
const WHY_THAT_START =
  /^[\s,]*(?:(?:so|and|but|ok(?:ay)?|hmm|also|wait|then)[\s,]+)*why\s+(?:(?:did|do|would)\s+you\s+(?:pick|choose|suggest|recommend|propose|go\s+with|say|mention|assume|use|price|quote|put)\b|(?:(?:a|an|the)\s+)?(?:[\w.-]+\s*){1,3}$)/;
/** A sentence that says what would follow from an option: "then…", "that way…", "in that case…". */
const CONSEQUENCE_START =
  /^[\s,]*(?:(?:and|so)\s+)?(?:then\b(?!\s+again)(?![,]?\s+(?:for\s+context|also|note))[^.?!]{0,40}\b(?:would|could|fits?|runs?|needs?|can|will)\b|that\s+way\b|in\s+that\s+case\b)/;
/** "fine-tuned gpt-4o tokens are pricier than base 4o, aren't they?": a general claim checked, not the team's facts. */
const TAG_QUESTION_END =
  /[\s,]+(?:aren't|isn't|don't|doesn't|won't|wouldn't|right|correct)(?:\s+(?:they|it|you|we|there))?\s*$/;
/**
 * Sentence ends; a dot between digits ("Llama 3.1") does not end one. A colon starts a question of its own: "…worry our
 * compliance people: would Llama 3.1 70B be better?".
 */
const QUESTION_BREAK = /[!?;\n]|\.(?!\d)|:(?!\d)/g;
/** The team's own things named in the question are still theirs: "is our A100 enough?", "will it run on my 3060?". */
const OWN_WORDS = /\b(?:our|my|we\s+have|we've\s+got|i\s+have)\b/;

/** A model's end of life talked about: "isn't gpt-4o mini being shut down too?", "both retire in january". */
const RETIREMENT_TALK =
  /\b(?:retir(?:e|es|ed|ing|ement)|shut(?:s|ting)?\s+down|shutdown|deprecat\w*|sunset\w*|end[\s-]of[\s-]life|eol)\b/;
/** Words that make a sentence about the team's own setup. */
const TEAM_WORDS = /\b(?:we|we're|we've|we'd|i|i'm|i've|our|my|us)\b/;

/** Sentences that open with a figure and end in a question mark ("$577?", "7.3GB per GPU?"), naming nothing as ours. */
function figureQuestionSpans(lower: string): UnassertedSpan[] {
  const spans: UnassertedSpan[] = [];
  let start = 0;
  for (const end of [...allMatches(QUESTION_BREAK, lower).map((match) => match.index), lower.length]) {
    const sentence = lower.slice(start, end);
    if (lower[end] === '?' && FIGURE_FIRST.test(sentence) && !OWN_WORDS.test(sentence))
      spans.push({ start, end: end + 1, reason: 'quoted' });
    start = end + 1;
  }
  return spans;
}

/**
 * Questions that weigh an option rather than state a fact: the whole sentence, when it opens like a yes/no question
 * with a word of judgement in it ("is an instruct model better to start from?") or asks whether a choice is open
 * ("can we use GPT-4o through Azure?"), and names nothing as the team's own.
 */
function optionQuestionSpans(lower: string): UnassertedSpan[] {
  const spans: UnassertedSpan[] = [];
  let start = 0;
  for (const end of [...allMatches(QUESTION_BREAK, lower).map((match) => match.index), lower.length]) {
    const sentence = lower.slice(start, end);
    // "Why not QLoRA? Then the whole 70B fits on one card": what would follow from the option weighed just before.
    const previous = spans.at(-1);
    if (previous?.reason === 'conditional' && previous.end >= start - 1 && CONSEQUENCE_START.test(sentence)) {
      spans.push({ start, end: Math.min(lower.length, end + 1), reason: 'conditional' });
      start = end + 1;
      continue;
    }
    // ("7.3GB per GPU for a 70B model?": a figure said back as a question is read by figureQuestionSpans.)
    if (lower[end] === '?' && FIGURE_FIRST.test(sentence) && !OWN_WORDS.test(sentence)) {
      start = end + 1;
      continue;
    }
    // "isn't gpt-4o mini being shut down too?", "this still distils into 4o-mini, which shuts down in January": a
    // model's end of life discussed, not the team's model.
    if (
      RETIREMENT_TALK.test(sentence) &&
      !TEAM_WORDS.test(sentence.replace(/\bfor\s+us\b|\bmy\s+(?:\w+\s+)?question\b/g, ''))
    ) {
      spans.push({ start, end: end + 1, reason: 'quoted' });
      start = end + 1;
      continue;
    }
    // "our manager asks can we keep the customer questions in house?": whether data may be kept in, asked.
    const keep = lower[end] === '?' ? KEEP_ASKED.exec(sentence) : null;
    if (keep) {
      spans.push({ start: start + keep.index, end: end + 1, reason: 'conditional' });
      start = end + 1;
      continue;
    }
    if (
      (lower[end] === '?' || (NEGATED_WEIGHING_START.test(sentence) && WEIGHING_WORDS.test(sentence))) &&
      !OWN_WORDS.test(sentence) &&
      ((WEIGHING_START.test(sentence) && WEIGHING_WORDS.test(sentence)) ||
        CHOICE_START.test(sentence) ||
        WHY_NOT_START.test(sentence) ||
        WHY_THAT_START.test(sentence) ||
        PRICE_OF_AN_OPTION.test(sentence) ||
        TAG_QUESTION_END.test(sentence))
    )
      spans.push({ start, end: end + 1, reason: 'conditional' });
    start = end + 1;
  }
  return spans;
}

/**
 * Past sub-clauses of the sentences holding a past cue: the sub-clause with a cue such as "last year" or "used to",
 * and the sub-clauses before a cue that looks back ("…, they're gone now", "…, but we sold them"); never a
 * sub-clause that speaks about today ("In the old setup we had 4 H100s but now 1 A10G": only the first part).
 */
function pastSpans(lower: string): UnassertedSpan[] {
  const cues = allMatches(PAST_ANY, lower);
  if (cues.length === 0) return [];
  const breaks = allMatches(SENTENCE_BREAK, lower).map((match) => match.index);
  const spans: UnassertedSpan[] = [];
  let breakIndex = 0;
  let lastSentenceStart = -1;
  for (const cue of cues) {
    while (breakIndex < breaks.length && (breaks[breakIndex] ?? 0) < cue.index) breakIndex++;
    const sentenceStart = breakIndex === 0 ? 0 : (breaks[breakIndex - 1] ?? 0) + 1;
    if (sentenceStart === lastSentenceStart) continue;
    lastSentenceStart = sentenceStart;
    const sentence = lower.slice(sentenceStart, breaks[breakIndex] ?? lower.length);
    const parts: { from: number; to: number; text: string }[] = [];
    let from = 0;
    for (const separator of [...allMatches(SUB_CLAUSE_BREAK, sentence), undefined]) {
      const to = separator?.index ?? sentence.length;
      parts.push({ from, to, text: sentence.slice(from, to) });
      from = to;
    }
    // Walk backwards, so a look-back cue marks the sub-clauses before it.
    let lookingBack = false;
    for (let index = parts.length - 1; index >= 0; index--) {
      const part = parts[index]!;
      // ("the data may not leave our premises anymore": a rule that starts now, not something past.)
      const backCue = PAST_AFTER.test(part.text) && !NEW_RULE.test(part.text);
      const past = lookingBack || backCue || PAST.test(part.text);
      lookingBack ||= backCue;
      if (past && !PRESENT.test(part.text))
        spans.push({ start: sentenceStart + part.from, end: sentenceStart + part.to, reason: 'past' });
    }
  }
  return spans;
}

/**
 * Fields whose values a negation before them denies: "we do not have 8 H100s", "we have no H100s", "we can't use
 * Llama 3.1 70B", "we don't have a budget of $50,000". Booleans and categories are left to their extractors, which
 * read their own negative phrasings ("we don't need citations" → false).
 */
export const NEGATABLE_FIELDS: ReadonlySet<ProfileField> = new Set<ProfileField>([
  'gpuCount',
  'gpuName',
  'gpuMemoryGB',
  'modelName',
  'modelParamsB',
  'labeledExamples',
  'oneTimeBudgetUSD',
  'monthlyBudgetUSD',
  'timelineWeeks',
  'latencyTargetMs',
  'requestsPerDay',
  'tasksCount',
]);

/** A negated verb of having, using, needing or running: "we don't have", "we can't use", "it won't be deployed". */
const NEGATED_VERB = String.raw`\b(?:(?:do|does|did|have|has|had|can|could|will|would|are|is|were|was)\s*n[o']t|don't|dont|doesn't|doesnt|didn't|didnt|haven't|havent|hasn't|hasnt|can't|cant|cannot|won't|wont|aren't|arent|isn't|isnt|wasn't|weren't|never|no\s+longer)\s+(?:\w+\s+)?(?:have|own|got|use|using|run|running|get|afford|access|possess|hold|rent|spend|need|want|require|expect|deploy\w*|host\w*|ship\w*|work\w*)\b(?:(?!\band\s+(?:(?:the|we|our|it|they|i)\b|$))[^,;:])*`;
/** A negated possession or use ending right before the value, in the same clause; or "no", "without", "not" just before. */
const NEGATED_BEFORE = new RegExp(
  `(?:${NEGATED_VERB}|\\b(?:no|zero|without|lack(?:s|ing)?|nor)\\s+(?:[\\w$€£-]+\\s+){0,2}|\\bnot\\s+(?:[\\w$€£-]+\\s+){0,2})$`,
);
/** Only the negated-verb form, for fields whose extractors read "no …" and "not …" phrasings themselves. */
const NEGATED_VERB_BEFORE = new RegExp(`${NEGATED_VERB}$`);
/** A negated comparison bounds a value; it does not deny it: "no more than $500", "not longer than 2 weeks". */
const BOUND_WORDS =
  /\b(?:more|less|longer|later|fewer|over|under|above|below|exceed(?:ing)?|beyond|bigger|larger|greater|higher|lower|slower|faster)\b/;

/**
 * A negated attachment or satisfaction still says the team has the value: "we're not attached to GPT-4o", "not
 * happy with our Llama 3 8B".
 */
/** A speaker correcting themselves: "er no", "oh no wait", "sorry no", "…no, a 3090". */
const SELF_CORRECTION = /(?:\b(?:er|erm|uh|um|oh|sorry|wait|oops)[,.\s]+no\b|\.\.\.\s*no\b)/;
/** (And a negated leaving keeps it: "we're not switching off Llama 3.3 70B", "not replacing GPT-4o".) */
const KEEPS_THE_VALUE =
  /\b(?:attached|married|tied|locked|wedded|committed|happy|satisfied|thrilled|impressed|(?:switching|moving|migrating)\s+(?:off|away\s+from|from)|leaving|dropping|replacing|ditching|abandoning)\b/;

/** Values that are themselves the negative answer ("none", false): a negation before them confirms, not denies. */
const NEGATIVE_VALUES: ReadonlySet<unknown> = new Set([false, 0, 'none', 'never', 'rarely']);

/**
 * True when the words right before `start` deny the value found there: for the fields of {@link NEGATABLE_FIELDS}
 * a negated verb or "no"/"not"/"without" just before; for the others (booleans and categories) a negated verb only,
 * and never for a value that is itself the negative answer.
 */
export function isNegatedValue(lower: string, start: number, field: ProfileField, value: unknown): boolean {
  if (NEGATIVE_VALUES.has(value)) return false;
  const before = clauseBefore(lower, start, 60);
  const match = (NEGATABLE_FIELDS.has(field) ? NEGATED_BEFORE : NEGATED_VERB_BEFORE).exec(before);
  // "a 4070... er no, a 3090": the "no" takes back what came before; the value after it is the corrected one.
  if (match !== null && SELF_CORRECTION.test(before.slice(Math.max(0, match.index - 12)))) return false;
  return match !== null && !BOUND_WORDS.test(match[0]) && !KEEPS_THE_VALUE.test(match[0]);
}

/** The index of `spans`, for containment checks of findings. */
export function unassertedIndex(spans: readonly UnassertedSpan[]): SpanIndex {
  return createSpanIndex(spans);
}
