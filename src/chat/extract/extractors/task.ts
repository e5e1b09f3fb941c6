/** @module The task, in the user's words: "we want to classify support tickets", "task is summarising contracts". */
import { LANGUAGE_SOURCE, languageList, languagesInFrame } from '../../../profile/languages.ts';
import { allMatches, finding } from '../prepare-message.ts';
import type { Extractor, Finding } from '../types.ts';

/** The clause after "we want to", "the task is", "we're building", "use case:" up to the end of the clause. */
const TASK =
  /\b(?:(?:we|i|and|but)(?:\s+|(?='))(?:want|need|would\s+like|'d\s+like|would\s+love|'d\s+love|are\s+trying|'re\s+trying|plan|hope)\s+(?:(?:(?:the|our|an?|some|all)\s+)?(?:ai|model|llm|bot|chatbot|assistant|system|npcs?|characters?)\s+)?to|(?:the\s+|our\s+|my\s+)?(?:(?:task|use[\s-]case|job)\s+is(?:\s+to)?\s*:?|(?:task|use[\s-]case)\s*:|(?<!\bfor\s+(?:the|our|that|this)\s+(?:[\w-]+\s+){0,2})job\s*:|goal\s+is\s+to)|(?:we(?:'re|\s+are)|i(?:'m|\s+am))\s+(?:building|making|creating|developing)|(?:trying|looking)\s+to)\s+(?!(?:(?:about|around|roughly|approximately|maybe|some|over|under|nearly|almost|just|like)\s+~?\d+|know|understand|find\s+out|ask|lean|steer|nudge|check|correct|clarify|be\s+(?:clear|honest|sure|precise|explicit|upfront|transparent)|make\s+(?:it|this|that|sure)\b|stress|emphasi[sz]e|repeat|reiterate|note|add|mention|say|point\s+out|update\s+(?:you|that|this)|fix\s+(?:that|this|something)|get\s+a\s+recommendation|figure\s+out\s+(?:which|what|how)|adapt|fine[\s-]?tune|ft|distil\w*|compress|shrink|use\s+(?:[a-z']+\s+){0,3}?(?:rag|lora|qlora|fine[\s-]?tuning|prompt\w*|distillation)|recommend|start\s+over|reset|(?:use|take)\s+(?:less|more|no\s+more|at\s+most|under|over|up\s+to|<)|(?:cut|reduce|lower|halve|trim)\s+(?:the\s+|our\s+|that\s+|this\s+)?(?:costs?|bill|spend\w*)|(?:get|bring|keep|push)\s+(?:the\s+|our\s+|that\s+|this\s+)?(?:costs?|bill|spend\w*|it)\s+(?:down|under|below)|(?:be|stay|get|come\s+in)\s+(?:under|below|within|at\s+most)|spend|pay|save|(?:host|self[\s-]?host|run|serve|deploy)\s+(?:it\s+|(?:the\s+|a\s+)?models?\s+|things\s+)?(?:ourselves|in[\s-]house|locally|on[\s-]?prem\w*|long[\s-]term)|self[\s-]?host|(?:present|send|show|forward|share|explain|pitch|justify|sell|email|report|bring|take|run)\s+(?:it|this|that|these|them|the\s+(?:plan|recap|answer|numbers|summary|results|recommendation))|convince|tell\s+(?:my|our|the)|decide|make\s+(?:a|the)\s+(?:decision|case)|get\s+(?:approval|sign[\s-]?off|(?:a\s+)?budget))\b|(?:run|use|deploy|host|self[\s-]?host|serve|try|rent|buy|stay\s+on|switch\s+to|move\s+to)\s+(?:it\b|(?:the\s+|a\s+|an\s+)?(?:llama|mistral|mixtral|qwen|gemma|phi|gpt|claude|gemini|whisper|bert|t5|sdxl|stable|clip|[ahlb]\d{2,3}|rtx|azure|openai|aws|bedrock|vertex|anthropic|google|an?\s+(?:open|smaller|cheaper|different|local)|our\s+own)))([a-z](?:[^.;!?\n]|\.(?=\d)){3,120}?)(?=\s{0,3}(?:[;!?\n]|\.(?!\d)|,\s*(?:and\s+)?(?:we|our|it|the|but|with|using|on|in|budget|data|docs)\b|\s+(?:and|but)\s+(?:we|our|it)\b|\s+(?:using|with|on|in)\s+(?:a|an|our|\d|the\s+\w+\s+gpus?)\b|$))/g;

/** "two things really: sending reminder texts …, and answering …": the jobs listed after a count of them. */
const LISTED_JOBS =
  /\b(?:two|2|three|3|a\s+couple\s+of)\s+(?:things|jobs|tasks|use[\s-]cases)(?:\s+really)?\s*:\s*([a-z](?:[^.;!?\n]|\.(?=\d)){3,200}?)(?=\s{0,3}(?:[;!?\n]|\.(?!\d)|$))/g;

/** Where a task phrase ends: the clause's end, or a new clause about the team, its data or its setup. */
const TASK_END = String.raw`(?=\s{0,3}(?:[;!?\n(]|\.(?!\d)|\s[-–—]\s|,\s*(?:and\s+)?(?:we|our|it|the|but|with|using|on|in|budget|data|docs)\b|\s+(?:and|but)\s+(?:we|our|it|they|the)\b|\s+(?:using|with|on|in)\s+(?:a|an|our|\d|the\s+\w+\s+gpus?)\b|$))`;

/** "we want an assistant that drafts discharge summaries", "we need a bot to answer HR questions". */
const TASK_OF_A_THING = new RegExp(
  String.raw`(?:\b(?:we|i|and|(?:our\s+|the\s+)?(?:teachers|doctors|nurses|clinicians|lawyers|agents|analysts|engineers|developers|users|customers|clients|staff|editors|writers|students|reviewers|recruiters|managers|sales(?:\s+reps)?|support))(?:\s+|(?='))|(?<=(?:^|[.!?;\n])\s{0,3}))(?:(?<=\bwhat\s+(?:we|i)\s+)(?:want|need)\s+is|want|need|would\s+like|'d\s+like|are\s+looking\s+for|'re\s+looking\s+for|am\s+looking\s+for|'m\s+looking\s+for|are\s+building|'re\s+building|am\s+building|'m\s+building)\s+(?:(?:a|an)\s+(?:[a-z-]+\s+){0,2}?(?:assistant|bot|chatbot|model|llm|ai|tool|system|copilot|agent|classifier|app|pipeline)|something)\s+(?:for\s+(?:our\s+|the\s+)?(?:[a-z-]+\s+){1,3}?)?(?:(?:that|which|to)\s+|(?=(?:our|the|their)\s+(?:[a-z-]+\s+)?(?:techs|technicians|staff|employees|agents|nurses|customers|users|engineers|operators|drivers|crews?|people|students|teachers|reps|members|residents)\s+can\s))(?!(?:can\s+)?(?:is|are|was|be|has|have|runs?|works?)\b)([a-z][^.;!?\n]{3,120}?)${TASK_END}`,
  'g',
);

/**
 * "Our dentists spend ages writing insurance pre-authorization letters": the work people spend their time on, which
 * the model is wanted for.
 */
const PEOPLE_SPEND_TIME = new RegExp(
  String.raw`\b(?:spend|spends|spending|waste|wastes|lose|loses)\s+(?:ages|hours|days|weeks|forever|so\s+much\s+time|a\s+lot\s+of\s+time|too\s+much\s+time|half\s+(?:their|the|our)\s+(?:day|time|week))\s+((?:writing|drafting|answering|sorting|reading|summari[sz]ing|filling\s+(?:in|out)|coding|classifying|tagging|typing|keying|translating)\s+(?!(?:the|its|our)\s+(?:chatbot|bot|model|ai|llm)\b)[a-z][^.;!?\n]{3,100}?)${TASK_END}`,
  'g',
);

/**
 * What the current model already does, as the team describes its use: "GPT-4o mini writes our product descriptions",
 * "it tags incoming tickets". The verb must follow the model (or "it", "the bot") and take "our", "the", "incoming"…
 */
const CURRENT_USE = new RegExp(
  String.raw`\b(?:it|which|model|bot|assistant|gpt[\w.-]*|mini|nano|pro|flash|sonnet|haiku|opus|llama[\w.-]*|qwen[\w.-]*|mistral|gemma[\w.-]*|\d+(?:\.\d+)?b)\s+(?:currently\s+|now\s+|already\s+)?((?:writes|drafts|generates|summari[sz]es|classifies|tags|extracts|answers|translates|routes|transcribes|labels|sorts|turns|converts)\s+(?:our|the|all|incoming|customer|every|each)\b(?!\s+(?:gold|labels?|training|reference|ground)\b)[^.;!?\n,]{3,100}?)${TASK_END}`,
  'g',
);

/** "We want inline code completion for it", "we need summarisation of our reports": the task named as a noun. */
const TASK_NOUN = new RegExp(
  String.raw`\b(?:we|i)(?:\s+|(?='))(?:want|need|would\s+like|'d\s+like)\s+((?:(?:inline|in[\s-]editor|real[\s-]time|automatic|automated|better|faster)\s+)?(?:code\s+)?(?:[\w-]+[\s-]sentence\s+|short\s+|one[\s-]line\s+)?(?:completions?|auto[\s-]?complete|autocompletion|summari[sz]ation|summaries|translations?|classification|extraction|transcription|tagging|triage)\b[^.;!?\n]{0,100}?)${TASK_END}`,
  'g',
);

/** What the team itself does today: "we summarise 60-120 page leases with Claude", "we triage incoming claims". */
const TEAM_DOES =
  /\b(?:we|i)\s+(?:currently\s+|now\s+|already\s+|basically\s+|mostly\s+)?((?:summari[sz]e|classify|extract|translate|tag|triage|route|transcribe|review|draft|redact|label|sort|caption|grade|score)\s+(?!(?:it|them|this|that|these|those)\b)[a-z0-9][^.;!?\n,]{3,100}?)(?=\s*[.;!?\n,(]|\s+(?:with|using|through|via|on|for|by|at)\s|$)/g;

/** What the team is, then what it does: "we are an ed-tech company in São Paulo grading short student essays". */
const TEAM_IS_DOING =
  /\b(?:we(?:'re|\s+are)|i(?:'m|\s+am))\s+(?:an?\s+)?(?:[\w-]+\s+){0,4}?(?:company|team|startup|lab|agency|firm|school|shop|group|organi[sz]ation|unit|department|developer|freelancer|consultancy)\s+(?:(?:in|from|based\s+in)\s[^,.;!?\n]{1,30}?\s)?((?:grading|scoring|classifying|summari[sz]ing|extracting|translating|tagging|triaging|routing|transcribing|reviewing|drafting|redacting|labell?ing|sorting|captioning|moderating)\s+[a-z0-9][^.;!?\n,]{3,100}?)(?=\s*[.;!?\n,(]|\s+(?:with|using|through|via|on|for|by|at)\s|$)/g;

/** "Our product summarises commercial contracts (NDAs, …)": what the team's product or tool does. */
const OUR_PRODUCT_DOES =
  /\b(?:our|the)\s+(?:[\w-]+\s+){0,2}?(?:product|app|tool|service|platform|software|saas|feature|pipeline)\s+(?:currently\s+|already\s+|basically\s+|mostly\s+)?((?:summari[sz]es|writes|drafts|generates|classifies|tags|extracts|answers|translates|routes|transcribes|labels|sorts|turns|converts|reviews|grades|scores|captions|triages|redacts|moderates)\s+(?!(?:it|them|this|that|these|those)\b)(?!(?:[\w-]+\s+)?(?:are|is|were|was|we|you|they|i|out|up)\b)[a-z0-9][^.;!?\n,]{3,100}?)(?=\s*[.;!?\n,(]|\s+(?:with|using|through|via|on|by|at)\s|$)/g;

/** "We run Mistral 7B on one A10G to tag clauses in legal contracts": what the team runs its model for. */
const RUN_MODEL_TO = new RegExp(
  String.raw`\b(?:we|i)\s(?:currently\s|now\s|already\s)?(?:run|use|deploy|host|serve|call)\s(?:[^.;!?\n]{0,30}?\b)?(?:\d+(?:\.\d+)?b|llama[\w.-]*|mistral|mixtral|qwen[\w.-]*|gemma[\w.-]*|phi[\w.-]*|gpt[\w.-]*|claude|gemini|whisper|bert|roberta|t5|an?\s+llm|the\s+llm|(?:the|a|an|our)\s+(?:ai\s+)?model)\b[^.;!?\n]{0,40}?\bto\s((?:tag|classify|extract|summari[sz]e|translate|route|triage|answer|draft|write|generate|label|sort|detect|transcribe|review|grade|score|caption|convert|turn|flag|moderate|redact)\s[a-z0-9][^.;!?\n,]{3,100}?)(?:${TASK_END}|(?=,))`,
  'g',
);
/** "want operators to talk to the robot in plain language": the wish, said without "we", for the people who use it. */
const WANT_PEOPLE_TO = new RegExp(
  String.raw`(?:^|[.!?;\n]\s{0,3}|\b(?:so|and|we|i)\s)(?:want|need|would\s+like)\s(?:our\s|the\s)?(?:[a-z-]+\s)?(?:operators|users|customers|clients|staff|agents|people|employees|workers|drivers|technicians|doctors|nurses|clinicians|teachers|students|lawyers|analysts|engineers|players|guests|visitors|farmers|patients|citizens|residents|members|tenants|buyers|sellers|shoppers|travell?ers|parents|readers|fans)\sto\s((?:talk|ask|chat|speak|type|text|message|query|describe|say|send|get\s+(?:answers|help|advice|replies))\b[^.;!?\n]{3,120}?)${TASK_END}`,
  'g',
);
/** "Our customer-support assistant runs on Llama 3.1 8B": the thing the model is, named with what it is for. */
const OUR_THING_RUNS =
  /\b(?:our|the)\s((?:[\w-]+\s){1,3}?(?:assistant|chatbot|bot|copilot|classifier|tagger|agent|summari[sz]er|translator))(?=\s(?:runs\son|is\srunning\son|is\sbuilt\son|is\son|is\spowered\sby)\s(?:\w+\s)?(?:\d+(?:\.\d+)?b|llama|mistral|mixtral|qwen|gemma|phi|gpt|claude|gemini|an?\sllm|(?:an?|our)\s(?:open|fine-tuned|local)))/g;

/** Finds `task`: a short phrase in the user's own words, only after an explicit "we want to" / "task is". */
export const extractTask: Extractor = (message) => {
  const findings: Finding[] = [];
  const stated = [...allMatches(TASK, message.lower), ...allMatches(LISTED_JOBS, message.lower)];
  // "we want to classify tickets" says it more directly than "a bot that answers them", which says it more directly
  // than what the current model does: each is the fallback of the one before.
  const thing = stated.length > 0 ? [] : allMatches(TASK_OF_A_THING, message.lower);
  const noun = stated.length > 0 || thing.length > 0 ? [] : allMatches(TASK_NOUN, message.lower);
  const matches =
    stated.length > 0
      ? stated
      : thing.length > 0
        ? thing
        : noun.length > 0
          ? noun
          : (() => {
              const current = allMatches(CURRENT_USE, message.lower);
              if (current.length > 0) return current;
              const toil = allMatches(PEOPLE_SPEND_TIME, message.lower);
              if (toil.length > 0) return toil;
              const does = allMatches(TEAM_DOES, message.lower);
              if (does.length > 0) return does;
              const product = allMatches(OUR_PRODUCT_DOES, message.lower);
              if (product.length > 0) return product;
              const doing = allMatches(TEAM_IS_DOING, message.lower);
              if (doing.length > 0) return doing;
              const runTo = allMatches(RUN_MODEL_TO, message.lower);
              if (runTo.length > 0) return runTo;
              const wish = allMatches(WANT_PEOPLE_TO, message.lower);
              return wish.length > 0 ? wish : allMatches(OUR_THING_RUNS, message.lower);
            })();
  for (const match of matches) {
    const phrase = match[1];
    if (!phrase) continue;
    const start = match.index + match[0].length - phrase.length;
    // "the task is still discharge letters": the task, not the insistence.
    const said = message.original.slice(start, start + phrase.length).trim();
    // ("we'd like to tune Llama 3.1 70B to answer questions about our contracts": the task is what it is tuned to do.)
    const tunedTo =
      /^(?:fine[\s-]?tune|finetune|tune|train|distil+|adapt|customi[sz]e|teach)\s+(?!(?:our|the|their)\s+(?:[\w-]+\s+)?(?:agents|staff|employees|people|team|engineers|users|students|nurses|workers|technicians)\b)(?:[\w.-]+\s+){1,4}?to\s+(?!(?:production|the|a|an|our|its|their|higher|better)\b|\d)(\S.{5,})$/i.exec(
        said.replace(/^(?:still|just|really|actually)\s+/i, ''),
      );
    const text = tunedTo?.[1] ?? said.replace(/^(?:still|just|really|actually)\s+/i, '');
    if (text.split(/\s+/).length < 2) continue;
    // "we're building this on weekends": a pronoun is not a task; nor is "REMOVE them" (a verb and a pronoun).
    if (/^(?:this|that|it|something|stuff|things?)\b/i.test(text)) continue;
    // "we'd like to tune Llama 3.1 70B but…": what the team means to do with a model, not what the model is for.
    if (
      tunedTo === null &&
      /^(?:fine[\s-]?tune|finetune|tune|train|distil+|adapt|customi[sz]e|use|run|deploy|host|serve|try|stay\s+(?:with|on)|stick\s+(?:with|to)|keep(?:\s+using)?|switch\s+to|move\s+to|go\s+with)\s+(?:(?:the|our|a|an)\s+)?[\w.-]+(?:\s+[\w.-]+){0,3}?(?:\s+if\s+(?:possible|we\s+can|it\s+works))?$/i.test(
        text,
      ) &&
      /\d|\b(?:model|llm|gpt|llama|qwen|mistral|gemma|claude|gemini|phi)\b/i.test(text)
    )
      continue;
    // ("we want to free up 3 of the cards for CV again, so could we serve the 32b from one card?": a question, no task.)
    if (/\b(?:could|can|would|should)\s+(?:we|i|you)\b/i.test(text)) continue;
    // "the task is NOT transcription": what the task is not.
    if (/^(?:not|no|never)\b/i.test(text)) continue;
    if (text.split(/\s+/).length <= 3 && /\b(?:them|it|those|these|that|this)\s*$/i.test(text)) continue;
    // "we classify about 3,000 new judgments a day": a volume, cut at the thousands separator, is no task.
    if (
      /\b(?:about|around|roughly|some|~)\s*\d+$|\d$/i.test(text) &&
      /^,\d/.test(message.original.slice(start + phrase.length))
    )
      continue;
    findings.push(finding('task', withLanguages(text, message.lower), start, start + phrase.length));
  }
  return findings;
};

/**
 * "Our QA engineers write defect reports in Japanese … we classify each report into one of 40 categories": the
 * languages the message names, said outside the task's own words, go with the task (the engine reads them there to
 * judge the model's languages and the student).
 */
function withLanguages(task: string, lower: string): string {
  const inTask = task.toLowerCase();
  // (Not a language denied, "we don't need Japanese or Korean support", nor one of something tried or tested.)
  const said = lower
    .split(/[.;!?\n]+/)
    .filter((sentence) => !LANGUAGES_NOT_THE_TASKS.test(sentence))
    .flatMap((sentence) => languagesInFrame(sentence));
  const missing = [...new Set(said)].filter((name) => !inTask.includes(name));
  // English alone says nothing the engine does not assume.
  if (missing.length === 0 || missing.every((name) => name === 'english')) return task;
  return `${task} (in ${languageList(missing)})`;
}

/**
 * "oh, important: the notes are all in Dutch. does that change which model?": the languages a message states (not
 * asks about, denies or tried) other than English, for a task an earlier message gave.
 */
export function statedTaskLanguages(lower: string): string[] {
  const said = lower
    .split(/(?<=[.;!?\n])/)
    // ("they are in French, not Dutch": the language denied is dropped, the one said stays.)
    .map((sentence) => sentence.replace(DENIED_LANGUAGE, ''))
    .filter(
      (sentence) =>
        !sentence.includes('?') && !LANGUAGES_NOT_THE_TASKS.test(sentence) && LANGUAGE_OF_THE_DATA.test(sentence),
    )
    .flatMap((sentence) => languagesInFrame(sentence));
  return [...new Set(said)].filter((name) => name !== 'english');
}

/** ", not Dutch", "not in Dutch": a language said not to be the one. */
const DENIED_LANGUAGE = new RegExp(`\\bnot\\s+(?:in\\s+)?${LANGUAGE_SOURCE}\\b`, 'g');
/** The language is said of the work's text (notes, tickets, answers), not of the people ("our engineers speak German"). */
const LANGUAGE_OF_THE_DATA =
  /\b(?:notes?|tickets?|emails?|e-mails|mails|documents?|docs|letters?|texts?|messages?|reports?|calls?|complaints?|data|content|answers?|replies|outputs?|forms?|contracts?|records?|transcripts?|articles?|questions?|inputs?|reviews?|chats?|they|it|everything|some|most|many|half|all|the\s+rest)\b/;

/** The task with the languages a later message stated, when it does not name them yet; a correction replaces them. */
export function taskWithLanguages(task: string, names: readonly string[], correction = false): string {
  const added = / \(in ([^()]+)\)$/.exec(task);
  const base = added && correction ? task.slice(0, added.index) : task;
  const inTask = base.toLowerCase();
  const missing = names.filter((name) => !inTask.includes(name));
  if (missing.length === 0) return base;
  // (Added to the languages a later message gave before: one list, not "(in Dutch) (in French)".)
  const earlier = added && !correction ? base.slice(0, added.index) : undefined;
  return earlier !== undefined
    ? `${earlier} (in ${added?.[1]} and ${languageList(missing)})`
    : `${base} (in ${languageList(missing)})`;
}

/** A sentence whose languages are not the task's: denied, or about something tried or tested. */
const LANGUAGES_NOT_THE_TASKS =
  /\b(?:don'?t|do\s+not|doesn'?t|does\s+not|no|not|without|except|never|tried|tested|tests?|only\s+english|english\s+only)\b/;
