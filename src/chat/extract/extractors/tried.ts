/**
 * @module What the team already tried and how it went (`tried`): "few-shot plateaued at 81%", "RAG didn't help",
 * "prompting works fine".
 */
import type { MethodId } from '../../../profile/profile-schema.ts';
import { METHOD_SOURCE, methodFromPhrase } from '../method-names.ts';
import { allMatches, clauseBefore, finding, findingFromMatch, sentenceBefore } from '../prepare-message.ts';
import type { AnswerReader } from '../short-answer.ts';
import type { Extractor, Finding } from '../types.ts';

/** How it went, most telling first: "not good enough" is a failure although it contains "good enough". */
const TRIED_RESULT: readonly (readonly ['good-enough' | 'plateaued' | 'failed', RegExp])[] = [
  [
    'plateaued',
    /\b(?:plateau\w*|stuck\s+(?:at\s+|around\s+)?~\s*\d|won'?t\s+budge|(?:doesn't|does\s+not|won't|wont|can't)\s+(?:go|get)\s+(?:any\s+)?(?:higher|past|beyond)\b|(?:only\s+|about\s+|maybe\s+|like\s+|around\s+|~\s*)\d{1,2}\s?%\s+(?:right|correct|accurate)\b|no\s+more\s+improvement|not\s+improving\s+(?:whatever|no\s+matter)|(?:scores?|results?|answers?|outputs?)\s+(?:are|is)\s+(?:often\s+|usually\s+|still\s+|sometimes\s+)?(?:\d+(?:\s*-\s*\d+)?\s+(?:points?|%|percent)\s+)?off\b|gets?\s+(?:the\s+)?gist|(?:got|gets|was)\s+better\b[^.;!?\n]{0,30}\bthen\b[^.;!?\n]{0,40}\b(?:did|does|changed|made)\s+(?:nothing|no\s+difference)|(?:right|correct|valid|accurate|works?|worked)\s(?:(?:maybe|about|around|only|roughly|like|just)\s)?(?:~\s?)?\d{1,2}(?:\.\d+)?\s?%\s(?:of\s(?:the\s)?(?:time|cases|outputs|answers|requests|commands|calls))(?![^.;!?\n]{0,60}\b(?:good\s+enough|fine|happy|great|enough|ok|okay|acceptable|satisf\w*)\b)|(?:about\s+|roughly\s+)?(?:\d+|one)\s+in\s+(?:\d+|three|four|five|six|ten|twenty)\s+(?:of\s+(?:the\s+)?)?(?:outputs?|answers?|responses?|replies|cases|calls|runs)\s+(?:still\s+)?(?:breaks?|fails?|miss(?:es)?|(?:is|are)\s+(?:wrong|invalid|broken))|breaks?\s+the\s+(?:schema|format|json)\s+(?:sometimes|occasionally|now\s+and\s+then|too\s+often)|(?:won'?t|will\s+not|doesn'?t|does\s+not)\s+go\s+(?:any\s+)?higher|barely\s+better\s+than|stall\w*|stuck\s+(?:at|around|there)|(?:won'?t|wont|doesn'?t|doesnt|didn'?t|didnt)\s+budge|stuck\s*(?=[.,;!?]|$)|and\s+no\s+further|(?:kinda|kind\s+of|sort\s+of|somewhat|partly|partially|half)\s+(?:works?|worked|helps?|helped)|(?:roughly|mostly|partly|largely|sort\s+of|kind\s+of)\s+(?:right|correct|there)\s*,?\s+but\b|keeps?\s+(?:dropping|missing|skipping|forgetting|leaving\s+out)\b|improved\s+(?:a\s+(?:bit|little)|somewhat|slightly)\s+but|(?:got|gets|is|was)\s+(?:a\s+(?:bit|little|lot)\s+|much\s+|somewhat\s+)?better\s*,?\s*but\b|(?:is|are)\s+(?:often|sometimes|frequently|occasionally|still)\s+(?:invalid|malformed|broken|wrong|off)\b|miss(?:es|ed)\s+(?:[\w-]+\s+){1,2}?(?:about\s+|roughly\s+|around\s+|~\s*)?\d+\s?%|(?:got|gets|is|was|has\s+been|have\s+been|been)\s+stuck(?:\s+there)?|tops?\s+out|topped\s+out|maxed\s+out|hit\s+a\s+(?:wall|ceiling)|no\s+longer\s+improv\w*|stopped\s+improving|stopped\s+getting\s+(?:any\s+)?better|(?:came\s+out|were|was|looked|read)\s+(?:ok|okay|fine|decent)(?:-?ish)?\s+but\s+(?:[\w-]+\s+){0,2}?(?:generic|bland|robotic|off|stiff|clickbaity|inconsistent)\b|not\s+(?:really\s+)?(?:our|the\s+right)\s+(?:voice|tone|style)\b|(?:stayed|stays|remained|remains|still\s+(?:sounds?|sounded|came\s+out|comes?\s+out|reads?|is|was))\s+(?:too\s+|very\s+|pretty\s+|way\s+too\s+|kind\s+of\s+|kinda\s+)?(?:generic|bland|robotic|stiff|samey|corporate|wooden)\b|(?:isn't|wasn't|not)\s+getting\s+(?:any\s+)?better\s+(?:anymore|any\s+more|no\s+matter)|stopped\s+(?:going\s+down|dropping|decreasing|falling)|(?:isn't|not)\s+improving\s+(?:any\s+)?(?:more|further)|diminishing\s+returns|level(?:s|ed|ling)?\s+off|flatlined|flat\s+(?:at|around)|(?:can't|cannot|won't|doesn't|didn't)\s+(?:(?:get\s+(?:it\s+)?|go\s+|push\s+(?:it\s+)?(?:any\s+)?)(?:past|above|beyond|over|higher|further)|improve\s+(?:any\s+)?(?:more|further))|no\s+further\s+(?:gains|improvement)|then\s+nothing\s+(?:more|else|further)|no\s+matter\s+how\s+(?:much|many)\s+(?:more\s+)?(?:data|examples|epochs|steps)|most\s+of\s+the\s+way|(?:is|are)\s+still\s+(?:off|wrong|not\s+right|inconsistent|generic)\b|(?:drifts?|drifting|degrades?|falls?\s+apart)\s+(?:in|on|over|after|with)\s+(?:long|longer|bigger|complex|harder)\b|(?:gave|got)\s+(?:us\s+)?(?:a\s+)?(?:small|little|slight|tiny|modest)\s+(?:bump|boost|gain|improvement|lift)|nothing\s+(?:we|i)\s+(?:added|tried|changed)\s+(?:moved|helped|changed)|\bmore\s+(?:[\w-]+\s+){0,2}?(?:tweak\w*|tuning|work|engineering|iterations?|prompting|rewording|examples)\s+(?:hasn't|has\s+not|haven't|have\s+not|didn't|did\s+not|doesn't|does\s+not|won't|isn't|is\s+not|wasn't)\s+(?:really\s+)?(?:moved|budged|help\w*|chang\w*|improv\w*|mov\w*|fix\w*)|(?:hasn't|has\s+not|haven't)\s+(?:moved|budged)\s+(?:it|the\s+(?:needle|number|score|accuracy))|miss(?:es|ed)\s+(?:about\s+|roughly\s+|around\s+)?(?:half|a\s+third|a\s+quarter|\d+\s?%|(?:a\s+lot|many|too\s+many|most)\s+of)|(?:\d+\s?%|part|some)\s+of\s+the\s+way|helped\s+at\s+first|helped\s+(?:a\s+(?:bit|little)|somewhat|slightly|marginally)|only\s+(?:so|that)\s+far|as\s+far\s+as\s+(?:it|they|that|we\s+can)\s+(?:goes|go|could\s+go|can\s+go|can)|\d+(?:\.\d+)?\s?%[^.;!?]{0,40}\b(?:need|needs|want|target|require\w*|must\s+(?:reach|hit|get\s+to))\s+(?:at\s+least\s+|≥\s*|>=?\s*|to\s+(?:reach|hit|get\s+to)\s+)?\d+)\b/,
  ],
  [
    'failed',
    /\b(?:(?:kept|keeps|kept\s+on|would\s+just)\s+(?:making\s+(?:up\s+[\w-]+|[\w-]+\s+up)|inventing|hallucinating)|fail\w*|(?:a|total|complete|utter|absolute)\s+(?:flop|bust|disaster|dud)|flopped|bombed|oom'?d|oomed|ran\s+out\s+of\s+(?:gpu\s+)?memory|out\s+of\s+memory|never\s+got\s+(?:one|a|any)\s+(?:single\s+)?run\s+to\s+finish|(?:the\s+)?(?:eval|evals|evaluation|score|scores|accuracy|metrics?)\s+(?:didn't|did\s+not|doesn't|hasn't|has\s+not|never)\s+(?:really\s+)?(?:move|moved|budge|budged|improve|improved|change|changed)|(?:didn't|didnt|did\s+not|doesn't|doesnt|does\s+not|don't|dont)\s+(?:really\s+)?(?:help|work|improve|move\s+the\s+needle|do\s+(?:much|anything)|fix\s+(?:it|that|this|the\s+\w+)|cut\s+it)|(?:wasn't|isn't|weren't|aren't|was\s+not|is\s+not)\s+(?:really\s+)?(?:good\s+enough|enough|working|reliable|accurate)|made\s+(?:it|things)\s+worse|no\s+(?:real\s+|significant\s+|measurable\s+|noticeable\s+)?(?:improvement|gain|luck|dice|difference)|waste\s+of\s+(?:time|money)|(?:was|been|is|were)\s+(?:a\s+)?(?:total\s+|complete\s+)?waste\b|\b(?:total|complete)\s+waste\b|(?:didn't|didnt|did\s+not|couldn't|could\s+not|never)\s+(?:even\s+)?(?:beat|outperform|match)\s+(?:our|the|a|plain|simple)\b|pointless|went\s+nowhere|got\s+(?:us|me)\s+nowhere|hallucinat\w*\s+anyway|still\s+hallucinat\w*|useless|not\s+(?:good\s+enough|enough|great|reliable)|ignores?\s+(?:it|them|the\s+passages|the\s+context)|worse|overfit\w*|(?:terrible|awful|poor|bad|disappointing|underwhelming)\s+(?:results|quality|answers|accuracy|outputs?)|badly|poorly|garbage|(?:keeps|kept)\s+(?:breaking|failing|getting\s+\w+\s+wrong)|(?:wrong|irrelevant|useless)\s+(?:chunks|passages|documents|docs|results|answers)|unreliable|keeps\s+(?:hallucinat\w*|making\s+(?:things|stuff|facts)\s+up|inventing\s+\w+)|barely\s+(?:helped|moved|improved|changed)|did\s+nothing|(?:dropped|abandoned|scrapped|ditched|shelved|binned)\s+(?:it|them|that)|gave\s+up|lost\s+(?:way\s+)?(?:too\s+much|a\s+lot\s+of|\d+\s?%\s+(?:of\s+)?)\s*(?:accuracy|quality)|(?:went|got)\s+up\s+too\s+much|forgot|forgets|catastrophic(?:ally)?\s+forg\w*|meh|mediocre|underwhelming|disappointing|(?:totally\s+|completely\s+)?(?:collapsed|diverged|blew\s+up)|loss\s+(?:went\s+(?:to\s+)?)?(?:nan|exploded|diverged)|never\s+got\s+it\s+(?:to\s+)?work\w*|couldn't\s+get\s+it\s+(?:to\s+)?work\w*|ignored\s+(?:our|the|my|its)\s+(?:[\w-]+\s+){0,2}?(?:headings?|format|formatting|instructions?|template|schema|sections?|rules?|style(?:\s+guide)?)|(?:sometimes\s+|often\s+)?invent(?:ed|s|ing)\s+(?:[\w-]+\s+){0,2}?(?:numbers|ids|facts|names|details|parts|prices|codes|dates|times|figures|policies|quotes|citations|sources|urls|links|references))\b/,
  ],
  [
    'good-enough',
    /\b(?:good\s+enough|(?:works?|worked|working)\s+(?:(?:really|pretty|quite|surprisingly|reasonably)\s+)?(?:well|fine|great|ok|okay|nicely)|(?:quality|answers|results|output|outputs|accuracy)\s+(?:is|are|was|were)\s+(?:(?:mostly|pretty|really|actually|already)\s+)?(?:fine|good|great|ok|okay|decent|solid|acceptable)|(?:got|gets|getting|gave|gives)\s+(?:us\s+)?(?:decent|good|solid|great|acceptable)\s+results|gets?\s+(?:the\s+)?(?:facts|answers|it)\s+right|fine\s+for\s+now|(?:answers|results|quality|it|accuracy)\s+got\s+(?:a\s+lot\s+|much\s+|way\s+)?better|(?:it's|its|it\s+is|it\s+has|that's|thats|they're|results\s+are)\s+(?:been\s+)?(?:mostly\s+|pretty\s+|totally\s+|quite\s+)?(?:fine|good|decent|ok|okay|great|solid)\b|(?:doing|did|does|performing|performs|performed)\s+(?:really\s+|pretty\s+|quite\s+|surprisingly\s+)?(?:well|fine|great|ok|okay)|helped\s+(?:a\s+lot|a\s+bunch|massively|hugely|a\s+great\s+deal|significantly|quite\s+a\s+bit)|(?:follows|handles|answers)\s+\w+\s+(?:fine|well)|happy\s+with\s+(?:the\s+)?(?:quality|results|answers|it)|solved\s+it|fixed\s+(?:it|that|the\s+problem)|fixed\s+the\s+(?:[\w-]+\s+){0,2}?(?:format|formatting|tone|style|schema|json|voice|problem|issue)\s+(?:completely|entirely|fully)|does\s+the\s+job|gets?\s+the\s+job\s+done|(?:is|are|was|were)\s+(?:mostly\s+|pretty\s+)?(?:ok|okay|fine|decent|alright)(?=\s*,?\s*but\b))\b/,
  ],
];

/** "…work OK but the tone drifts", "…is fine, but it misses edge cases": a good result with a shortfall after it. */
const BUT_SHORT_OF_IT =
  /\b(?:ok|okay|fine|decent|good)\s+for\s+(?:a\s+few|a\s+couple\s+of|the\s+first(?:\s+few)?|one\s+or\s+two)\s+\w+\s*,?\s+(?:then|and\s+then|before\s+it|until\s+it)\s+(?:\w+\s+)?(?:drifts?|breaks?|falls?\s+apart|loses?|degrades?|forgets?|goes\s+off)\b|\b(?:ok|okay|fine|decent|well|good)(?:-?ish)?\b[^.;!?\n]{0,12}?\bbut\b[^.;!?\n]{0,60}?\b(?:drifts?|drifting|miss(?:es)?|fails?|breaks?|wrong|inconsistent|struggles?|loses?|off|not|isn't|isnt|doesn't|doesnt|still|sometimes|often|degrades?|falls?\s+apart|hallucinat\w*|sounds?\s+(?:like|too)|sound(?:s|ing)?\s+(?:the\s+same|alike|identical|samey|(?:too\s+|very\s+|really\s+|so\s+)?similar)|samey|lacks?|robotic|generic|bland|stiff|all\s+over\s+the\s+place|messy|a\s+mess|hit[\s-]and[\s-]miss|hit\s+or\s+miss|unreliable)\b|\b(?:ok|okay|fine|decent|good)(?:-?ish)?\s*,?\s*but\b[^.;!?\n]{0,60}?\b(?:don't|dont|aren't|arent|won't|wont|can't|cant)\b/;

const SUPERVISED_WORD = /^(?:sft|supervised)\b/;

/** Methods said as what the team did: "we distilled into a 1B", "instruction tuned it", "we fine-tuned it". */
const DONE_VERB: readonly (readonly [MethodId, RegExp])[] = [
  ['full-fine-tuning', /\b(?:(?:we|i|they|we've|already|have|had)\s+(?:fully\s+)?|fully\s+)fine[\s-]?tuned\b/g],
  ['distillation', /\bdistill?ed\b/g],
  ['instruction-tuning', /\binstruction[\s-]tuned\s+(?:it|the\s+model|our)\b/g],
  ['prompt-tuning', /\bprompt[\s-]tuned\b/g],
  // "we tried chatgpt by hand", "we pasted a few into ChatGPT with instructions": a chat app prompted by hand.
  [
    'prompt-engineering',
    /\b(?:tried|used|tested|been\s+(?:playing|experimenting)\s+with|played\s+(?:around\s+)?with|pasted\s+(?:[\w-]+\s+){0,4}?into)\s+(?:just\s+|simply\s+)?(?:asking\s+|prompting\s+|using\s+)?(?:the\s+)?(?:chatgpt|chat\s?gpt|claude(?:\.ai)?|gemini|copilot)\b(?![\w\s.-]{0,20}\b(?:as\s+(?:a|an|the|our)\s+(?:judge|grader|evaluator|teacher|labeller|labeler)|(?:to|for)\s+(?:grade|grading|judge|judging|score|scoring|evaluate|evaluating|rate|rating|check|checking)\s+(?:the\s+|its\s+|our\s+)?(?:\d[\d,]*\s+)?(?:model'?s?\s+|bot'?s?\s+)?(?:outputs?|answers?|responses?|replies|generations|completions)\b))/g,
  ],
];
const ANY_METHOD = new RegExp(`\\b(${METHOD_SOURCE})\\b`, 'g');
/** How far after the method its outcome may be said. */
const OUTCOME_WINDOW = 120;
/**
 * The method is wished for, weighed or asked about, not tried: "we want RAG that works well", "would LoRA help?",
 * "thinking about distillation", "instead of prompting".
 */
const NOT_DONE_BEFORE =
  /\b(?:want|wants|need|needs|would|could|should|might|may|plan(?:ning)?\s+to|considering|consider|thinking|maybe|whether|if|hoping|hope|looking\s+(?:at|into)|instead\s+of|rather\s+than|recommend\w*|suggest\w*|heard|read|says?|vs\.?|or)\b[^.;!?]*$/;
/** "… can't teach the model X", "… won't fix Y": what a method can do in general, said after it. */
const GENERAL_CLAIM_AFTER =
  /^\s+(?:can't|cant|cannot|can\s+not|won't|wont|will\s+not|couldn't\s+possibly)\s+(?:teach|learn|fix|solve|know|give|make)\b/;
/** "no amount of prompt tweaking fixes the tone": tried until it stopped helping. */
const NO_AMOUNT_OF = /\bno\s+amount\s+of\s+(?:\w+\s+)?$/;

/** The method was said as tried: "we've only tried prompt engineering", "we used few-shot". */
const TRIED_WORD =
  /\b(?:tried|tested|testing|trying|used|prototyped|piloted|been\s+using|experimented\s+with|had\s+a\s+(?:go|stab|crack)\s+at|gave\s+(?:\w+\s+){1,3}?a\s+(?:go|shot|try|whirl)|took\s+a\s+(?:stab|shot)\s+at|attempted|did|done|(?:we|i)\s+(?:have|use|run|ran|wrote|built)|(?:we've|i've)\s+(?:got|written|built))\b(?:[^.;!?\n]|\.(?=\w)){0,80}$/;

/** Retrieval that finds the wrong passages: "pulling the wrong article", "retrieves irrelevant chunks", "misses the doc". */
const WRONG_PASSAGES =
  /\b(?:wrong|irrelevant|outdated|stale)\s+(?:\w+\s+)?(?:articles?|chunks?|passages?|documents?|docs?|pages?|sections?)\b|\b(?:doesn't|does\s+not|didn't|can't|fails?\s+to)\s+find\b|\bmiss(?:es|ing)?\s+the\s+(?:right|relevant)\b|\b(?:low|poor|bad)\s+recall\b/;

/** The sentence after the one that ends past `end`, up to the first method it names (at most OUTCOME_WINDOW characters). */
function nextSentenceWithoutMethod(lower: string, end: number): string {
  const rest = lower.slice(end, Math.min(lower.length, end + 2 * OUTCOME_WINDOW));
  const boundary = /[;!?\n]|\.(?!\d)/.exec(rest);
  if (!boundary) return '';
  const next = (rest.slice(boundary.index + 1).split(/[;!?\n]|\.(?!\d)/)[0] ?? '').slice(0, OUTCOME_WINDOW);
  ANY_METHOD.lastIndex = 0;
  // ("JSON was right maybe 70% of the time, and the long prompt makes it slow": the words before the prompt is named
  // again still say how the first went; another method named, "it was fine, but we still want LoRA", says nothing.)
  const other = ANY_METHOD.exec(next);
  if (!other) return next;
  return methodFromPhrase(other[1] ?? '') === 'prompt-engineering' ? next.slice(0, other.index) : '';
}

/** A question about how something will go: "how do we make sure…", "will it…", "what if…", "can we…". */
const HOW_TO_QUESTION =
  /\b(?:how\s+(?:do|can|should|would|could|will)\s+(?:we|i|you)|what\s+(?:if|happens\s+(?:if|when))|(?:will|would|can|could|should)\s+(?:it|we|they|this|that|embeddings|retrieval|rag|the\s+\w+)\b)/;

/**
 * Only a conjunction between two methods: "prompting and few-shot, both plateaued" share their outcome, and so does "a
 * prompt with few-shot examples, it plateaued" (one attempt).
 */
const COORDINATED = /^\s*(?:,|and|&|\+|\/|or|,\s*and|plus)?\s*$/;
/** "a prompt with few-shot examples": the prompt and its examples are one attempt. */
const PROMPT_WITH = /^\s*(?:with|with\s+(?:some|a\s+few|a\s+couple\s+of)|using)\s*$/;

/**
 * The words that say how one method went: the rest of its sentence, up to the next method named that is not
 * coordinated with it.
 */
function outcomeWindow(lower: string, end: number, prompt = false): string {
  // A dot between digits ("Qwen2.5", "3.1") does not end the sentence.
  const sentence = lower.slice(end, Math.min(lower.length, end + OUTCOME_WINDOW)).split(/[;!?\n]|\.(?!\d)/)[0] ?? '';
  ANY_METHOD.lastIndex = 0;
  let from = 0;
  for (let next = ANY_METHOD.exec(sentence); next; next = ANY_METHOD.exec(sentence)) {
    const between = sentence.slice(from, next.index);
    if (!COORDINATED.test(between) && !(prompt && PROMPT_WITH.test(between))) return sentence.slice(0, next.index);
    from = next.index + next[0].length;
  }
  return sentence;
}

/**
 * Finds `tried`: a method the team used with how it went, said after it in the same sentence (up to the next
 * method named): "few-shot plateaued at 81%", "we tried RAG but it didn't help", "QLoRA on my 4090 worked well".
 * A method that is wished for or weighed ("we want RAG that works well") is not tried.
 */
export const extractTried: Extractor = (message) => {
  const { lower } = message;
  const mentions: { method: MethodId; start: number; end: number }[] = [];
  for (const match of allMatches(ANY_METHOD, lower)) {
    // "SFT" names the kind of training, not the method used ("SFT with LoRA", "SFT'd a student on o4-mini's traces").
    if (SUPERVISED_WORD.test(match[1] ?? '')) continue;
    // "we tried Claude Haiku with the same prompt": the prompt came along with another trial; it is no method tried.
    if (/\b(?:the\s+)?same\s+$/.test(lower.slice(Math.max(0, match.index - 10), match.index))) continue;
    // "it didn't beat our prompt": the method compared against, whose own outcome is not said.
    if (
      /\b(?:beat|beats|outperform\w*|match|matched)\s+(?:our|the|a|plain|simple)\s+$/.test(
        lower.slice(Math.max(0, match.index - 30), match.index),
      )
    )
      continue;
    // "retrieval can't teach the model the DSL's syntax": what a method can do in general, not a try.
    const end = match.index + match[0].length;
    if (GENERAL_CLAIM_AFTER.test(lower.slice(end, end + 40))) continue;
    // "we have NOT tried RAG": not tried at all.
    if (
      /\b(?:not|never|haven't|havent|didn't|didnt)\s+(?:yet\s+|actually\s+|even\s+)?(?:tried|used|tested|done)\s+(?:any\s+|a\s+|an\s+|the\s+)?$/.test(
        lower.slice(Math.max(0, match.index - 30), match.index),
      )
    )
      continue;
    const method = methodFromPhrase(match[1] ?? '');
    if (method) mentions.push({ method, start: match.index, end: match.index + match[0].length });
  }
  for (const [method, pattern] of DONE_VERB)
    for (const match of allMatches(pattern, lower))
      mentions.push({ method, start: match.index, end: match.index + match[0].length });
  const findings: Finding[] = [];
  for (const mention of mentions) {
    const before = clauseBefore(lower, mention.start, 60);
    const window = outcomeWindow(lower, mention.end, mention.method === 'prompt-engineering');
    const resultIn = (text: string) => {
      const found = TRIED_RESULT.find(([, pattern]) => pattern.test(text))?.[0];
      // "the prompts work OK but the tone drifts on long threads": good up to a point, then short of the bar.
      return found === 'good-enough' && BUT_SHORT_OF_IT.test(text) ? 'plateaued' : found;
    };
    // "We've only tried prompt engineering so far. Quality is fine, it's the cost.": the outcome may come in the
    // next sentence, when that sentence names no other method.
    // ("… it plateau around 80%. few-shot also same.": the method named next went the same way.)
    const previous = (findings.at(-1)?.value as { result: 'good-enough' | 'plateaued' | 'failed' }[] | undefined)?.[0];
    const result = NO_AMOUNT_OF.test(before)
      ? 'plateaued'
      : scoredBelowAnother(lower, mention.end)
        ? 'plateaued'
        : previous !== undefined && SAME_AS_BEFORE_AFTER.test(lower.slice(mention.end, mention.end + 30))
          ? previous.result
          : (resultIn(window) ??
            (TRIED_WORD.test(sentenceBefore(lower, mention.start, 160))
              ? resultIn(nextSentenceWithoutMethod(lower, mention.end))
              : undefined));
    // "need strict json every time, prompting alone plateaued": a wish in an earlier clause, and the method's own
    // clause says how it went.
    const ownClause =
      resultIn(window.slice(0, 30)) !== undefined && !/\b(?:if|whether|when|suppose|once)\b/.test(before)
        ? (before.split(',').pop() ?? before)
        : before;
    if (!result || NOT_DONE_BEFORE.test(ownClause)) continue;
    // "with RAG how do we make sure it stops inventing when the retrieval misses?": a question about how it will go,
    // not how it went (unless the sentence says it was tried: "we tried RAG, why did it fail?").
    const rest = lower.slice(mention.end, mention.end + 200);
    const sentenceEnd = /[.!?\n]/.exec(rest.replace(/\.(?=\d)/g, ' '));
    if (
      sentenceEnd?.[0] === '?' &&
      HOW_TO_QUESTION.test(`${before} ${rest.slice(0, sentenceEnd.index)}`) &&
      !TRIED_WORD.test(sentenceBefore(lower, mention.start, 160))
    )
      continue;
    // "our retrieval has plateaued: it pulls the wrong article": retrieval that misses is improved, not replaced, so
    // the engine is told what stalled.
    const missesPassages =
      mention.method === 'rag' &&
      result !== 'good-enough' &&
      WRONG_PASSAGES.test(`${window} ${nextSentenceWithoutMethod(lower, mention.end)}`);
    const entry = missesPassages
      ? { method: mention.method, result, note: 'retrieval pulls the wrong documents' }
      : { method: mention.method, result };
    // "RAG was a disaster, retrieval kept pulling the wrong sections": one try named twice is one entry, the one
    // that says more (a note) kept.
    const same = findings.findIndex((found) => (found.value as { method: string }[])[0]?.method === mention.method);
    if (same >= 0) {
      const earlier = (findings[same]?.value as { result: string; note?: string }[] | undefined)?.[0];
      if (earlier?.result === result && (earlier.note !== undefined || !missesPassages)) continue;
      if (earlier?.result === result) {
        findings[same] = finding('tried', [entry], mention.start, mention.end);
        continue;
      }
    }
    findings.push(finding('tried', [entry], mention.start, mention.end));
  }
  if (findings.length === 0)
    for (const match of allMatches(OUTCOME_THEN_METHOD, lower)) {
      const method = methodFromPhrase(match[1] ?? '');
      if (method) findings.push(findingFromMatch('tried', [{ method, result: 'good-enough' }], match));
    }
  // "we've run the prompted 70B in production for a year … that IS our baseline": the prompt baseline exists and
  // the team wants more than it gives.
  if (findings.length === 0)
    for (const match of allMatches(BASELINE_EXISTS, lower))
      findings.push(findingFromMatch('tried', [{ method: 'prompt-engineering', result: 'plateaued' }], match));
  // "currently GPT-4.1 mini via the API, quality is fine but the bill is too high": the prompted model in use meets
  // the bar; what is wrong is its cost or speed.
  if (findings.length === 0 && PROMPTED_MODEL_IN_USE.test(lower) && !NOT_A_PROMPTED_MODEL.test(lower))
    for (const match of allMatches(QUALITY_FINE_BUT_COST, lower))
      findings.push(findingFromMatch('tried', [{ method: 'prompt-engineering', result: 'good-enough' }], match));
  if (findings.length === 0)
    for (const match of allMatches(NOTHING_TRIED_YET, lower)) findings.push(findingFromMatch('tried', [], match));
  return findings;
};

/** "prompting alone got ~81%", "few-shot reached 72 %": the score said right after the method. */
const SCORE_AFTER =
  /^\s*(?:alone|only|by\s+itself|on\s+its\s+own)?\s*(?:got|gets|reached|reaches|scored|scores|hit|hits|was\s+at|is\s+at|gave(?:\s+us)?|gives(?:\s+us)?)\s+(?:only\s+|about\s+|around\s+|roughly\s+|~\s*)?(\d{1,2}(?:\.\d+)?)\s?%/;
/**
 * Another score near ("the fine-tuned model gets ~94%", "we need 90%", "94% accuracy"), not a share of the data ("90%
 * of tickets are billing", "95% of our docs").
 */
const PERCENT = /(\d{1,3}(?:\.\d+)?)\s?%(?!\s+of\b)/g;
const SCORE_CUE_BEFORE =
  /\b(?:gets?|got|reach(?:es|ed)?|hits?|scor(?:es|ed)|achiev(?:es|ed)|need|needs|target|must\s+(?:hit|reach|get\s+to)|want|at|is|was|does|did)\s+(?:~\s*|about\s+|around\s+|roughly\s+|only\s+|at\s+least\s+)?$/;
const SCORE_CUE_AFTER = /^\s*(?:accuracy|acc\b|f1|correct|right|precision|recall|exact[\s-]match)/;

/**
 * "the fine-tune gets ~94% accuracy, prompting alone got ~81%": a method's score below another score said in the same
 * stretch of the message is short of what the team already has (or wants): plateaued.
 */
function scoredBelowAnother(lower: string, end: number): boolean {
  const score = SCORE_AFTER.exec(lower.slice(end, end + 40));
  if (!score) return false;
  const own = Number(score[1]);
  const around = lower.slice(Math.max(0, end - 160), end + 160);
  return [...around.matchAll(PERCENT)].some((match) => {
    const at = match.index ?? 0;
    const scored =
      SCORE_CUE_BEFORE.test(around.slice(Math.max(0, at - 30), at)) ||
      SCORE_CUE_AFTER.test(around.slice(at + match[0].length, at + match[0].length + 20));
    return scored && Number(match[1]) > own && Number(match[1]) <= 100;
  });
}

/** "few-shot also same", "few-shot: same thing": how the method named before went (said to end its clause). */
const SAME_AS_BEFORE_AFTER =
  /^\s*(?:[:,-]\s*)?(?:(?:was|is|did|went)\s+)?(?:also\s+|just\s+)?(?:the\s+)?same(?:\s+(?:thing|result|story|problem))?\s*(?:[.,;!]|$)/;

/** "that IS our baseline", "we already have a prompt baseline", "the prompted model has been in production a year". */
const BASELINE_EXISTS =
  /\b(?:(?:that|this|it)(?:'s|\s+is)\s+(?:already\s+)?our\s+(?:prompt\s+)?baseline|(?:we|i)\s+(?:already\s+)?(?:have|run)\s+(?:a|our|the)\s+(?:prompt(?:ing)?\s+)?baseline|prompted\s+(?:[\w.-]+\s+){0,3}?(?:in|into)\s+production|(?:we(?:'ve|\s+have)?|i(?:'ve|\s+have)?)\s+(?:already\s+)?spent\s+(?:a|an|one|two|three|several|many|\d+)\s+(?:\w+\s+)?(?:days?|weeks?|months?)\s+(?:on|tweaking|tuning|iterating\s+on|engineering)\s+(?:the\s+|our\s+)?prompts?|prompt[\s-]only\s+(?:\w+\s+)?(?:drift|drifts|fail|fails|miss|misses|break|breaks))\b/g;

/** The outcome said before the method: "the knowledge part works fine already with our RAG". */
const OUTCOME_THEN_METHOD = new RegExp(
  `\\b(?:works?|worked|working|is\\s+(?:fine|solved|good)|(?:does|do|did|handles?|handled)\\s+(?:the\\s+|it\\s+)?(?:[\\w-]+\\s+)?(?:ok|okay|fine|well|decently|alright))(?:\\s+(?:fine|well|great|ok|okay))?(?:\\s+already)?\\s+(?:with|using|thanks\\s+to|through|via)\\s+(?:our\\s+|the\\s+)?(${METHOD_SOURCE})\\b`,
  'g',
);

/**
 * The model in use is good enough and only its bill or speed is the problem: "quality is fine but the bill is too
 * high", "the outputs are good enough, it's just too expensive", "accuracy is great but it costs too much".
 */
const QUALITY_FINE_BUT_COST =
  /\b(?:quality|accuracy|outputs?|results|answers|extractions?)\s(?:is|are|has\sbeen|have\sbeen)\s(?:(?:mostly|pretty|really|actually|already|totally|more\sthan)\s)?(?:fine|good(?:\senough)?|great|ok|okay|decent|solid|acceptable|excellent)\b[^.;!?\n]{0,20}?\b(?:but|just|only|it's|its)\b[^.;!?\n]{0,40}?\b(?:bill|costs?|costing|expensive|pric\w*|spend|slow|latency|invoice)\b/g;

/** A prompted model is what the team runs today: a model or an API named, or a prompt. */
const PROMPTED_MODEL_IN_USE =
  /\b(?:gpt[\w.-]*|claude|gemini|llama|mistral|qwen|gemma|phi|nova|o\d(?:-mini)?|the\s+api|via\s+(?:the\s+)?api|prompts?|prompting|llm|model)\b/;
/** Not a prompted model: a tuned checkpoint, or people (an agency, annotators, contractors) doing the work. */
const NOT_A_PROMPTED_MODEL =
  /\b(?:fine[\s-]?tuned|our\s+own\s+(?:fine[\s-]?tune|model)|agency|agencies|annotators|contractors?|freelancers?|outsourc\w*|vendor'?s?\s+team|translators|human\s+(?:team|reviewers|writers))\b/;

/** Said in free text that nothing was tried: "haven't tried anything yet", "we've tried nothing so far". */
const NOTHING_TRIED_YET =
  /\b(?:(?:haven't|havent|have\s+not|didn't|didnt|did\s+not)\s+(?:really\s+|actually\s+)?tried\s+anything|(?:we've|we\s+have|i've)\s+tried\s+nothing|nothing\s+(?:has\s+been\s+|was\s+|is\s+)?tried\s+(?:yet|so\s+far)|(?:not|haven't|havent|nothing)\s+tried\s+(?:anything\s+)?yet)\b/g;

/** A reply that nothing was tried yet: "nothing yet", "none", "not yet". */
const NOTHING_TRIED =
  /^\W*(?:nothing|none|not\s+yet|no(?:thing)?\s+yet|we\s+haven't(?:\s+tried\s+anything)?|haven't\s+tried\s+anything|n\/a)\b(?![^.;!?\n]{0,25}\b(?:quick|small|short|brief|little|rough|first)\s+(?:test|try|experiment|poc|prototype|pilot|look)\b)/;
/**
 * Reads a reply to "What have you already tried, and how did it go?": every method it names with the outcome it
 * states ("prompting and few-shot, both plateaued"), or nothing tried yet (an empty list). A method without an
 * outcome is not read: the outcome is what the advice needs.
 */
export const triedAnswer: AnswerReader = ({ message, text, start, end }) => {
  if (NOTHING_TRIED.test(text)) return finding('tried', [], start, end);
  const result = TRIED_RESULT.find(([, pattern]) => pattern.test(text))?.[0];
  if (!result) return undefined;
  const methods = new Set<MethodId>();
  for (const match of allMatches(ANY_METHOD, message.lower)) {
    if (SUPERVISED_WORD.test(match[1] ?? '')) continue;
    const method = methodFromPhrase(match[1] ?? '');
    if (method) methods.add(method);
  }
  if (methods.size === 0) return undefined;
  return finding(
    'tried',
    [...methods].map((method) => ({ method, result })),
    start,
    end,
  );
};
