/**
 * @module Two or more jobs in one conversation: "two things: sorting client receipts into expense categories, and
 * answering staff questions about tax rules from our memos". Each job gets a name (the user's words), the keywords that
 * tell it apart from the others, and the facts said of it alone; later clauses that name one job ("for receipts we have
 * a few thousand categorised") add to that job. The team's shared facts stay in the profile. Pure; every pattern is
 * linear in the message's length.
 */
import { GPU_FACTS, JOB_FIELDS, JOB_OVERRIDE_FIELDS, MAX_JOBS } from '../../profile/job-schema.ts';
import type { Profile } from '../../profile/profile-schema.ts';
import type { Extraction, PreparedMessage } from './types.ts';

/** A job the message lists: its name, the words that tell it apart, and what the job's own words say of it. */
export interface JobReading {
  name: string;
  keywords: string[];
  fields: Partial<Profile>;
}

/** Facts of one clause that names one job only ("the allergen sheets change every month"). */
export interface JobFact {
  name: string;
  fields: Partial<Profile>;
}

/** The jobs known in the conversation, as the extractor needs them. */
export interface KnownJob {
  readonly name: string;
  readonly keywords: readonly string[];
}

/** Candidate lists of jobs read in one message. */
const MAX_LISTS = 3;
/** Clauses naming a job read in one message. */
const MAX_JOB_CLAUSES = 16;

/** The verbs that start a job ("write", "answering", "sorts"): a list item that starts with one is a job. */
const TASK_VERB = String.raw`(?:writ(?:e|es|ing)|draft(?:s|ing)?|answer(?:s|ing)?|repl(?:y|ies|ying)\s+to|respond(?:s|ing)?\s+to|sort(?:s|ing)?|classif(?:y|ies|ying)|categori[sz](?:e|es|ing)|tag(?:s|ging)?|label(?:s|l?ing)?|extract(?:s|ing)?|pull(?:s|ing)?\s+(?:out\s+)?|summari[sz](?:e|es|ing)|translat(?:e|es|ing)|transcrib(?:e|es|ing)|rout(?:e|es|ing)|triag(?:e|es|ing)|generat(?:e|es|ing)|detect(?:s|ing)?|flag(?:s|ging)?|caption(?:s|ing)?|grad(?:e|es|ing)|scor(?:e|es|ing)|moderat(?:e|es|ing)|creat(?:e|es|ing)|produc(?:e|es|ing)|send(?:s|ing)?|search(?:es|ing)?|recommend(?:s|ing)?|predict(?:s|ing)?|forecast(?:s|ing)?|convert(?:s|ing)?|turn(?:s|ing)?|fill(?:s|ing)?\s+(?:in|out)|explain(?:s|ing)?|suggest(?:s|ing)?|review(?:s|ing)?|check(?:s|ing)?|spot(?:s|ting)?|read(?:s|ing)?\s+(?:out\s+)?|handl(?:e|es|ing)|chat(?:s|ting)?\s+with|talk(?:s|ing)?\s+to|help(?:s|ing)?\s+(?:with\s+)?)`;

/**
 * The shape a job's leading verb gives it when nothing else in its words does: "answer …" is a conversation,
 * "sort … into categories" a classification, "write …" a generation.
 */
const VERB_SHAPES: readonly (readonly [RegExp, NonNullable<Profile['taskType']>])[] = [
  [/^(?:answer|repl(?:y|ies|ying)|respond|chat|talk|explain|help)/, 'chat'],
  [/^(?:sort|classif|categori[sz]|tag|label|rout|triag|flag|detect|grad|scor|moderat|spot|check)/, 'classify'],
  [/^(?:extract|pull|fill)/, 'extract'],
  [/^(?:search|recommend|find)/, 'search'],
  [/^transcrib/, 'transcribe'],
  [
    /^(?:writ|draft|generat|creat|produc|send|summari[sz]|translat|suggest|caption|convert|turn|review|read)/,
    'generate',
  ],
];

/** A part that only takes in the job's input: "reads op notes", "looks at the photo", "takes the transcript". */
const INPUT_TAKEN =
  /^(?:reads?|reading|looks?\s+at|looking\s+at|takes?\s+(?:in\s+)?|taking\s+(?:in\s+)?|ingests?|receives?|gets?)\s+(?!out\b|aloud\b)(?:the\s+|our\s+|each\s+|every\s+|a\s+|an\s+|incoming\s+|new\s+)?[\w-]+/;

function verbShape(part: string): NonNullable<Profile['taskType']> | undefined {
  return VERB_SHAPES.find(([verb]) => verb.test(part))?.[1];
}

/**
 * The shape a job named by a noun gives it: "contract clause extraction", "marketing drafts", "ticket triage",
 * "an FAQ chatbot" (a list item that names its work without a verb).
 */
const NOUN_SHAPES: readonly (readonly [RegExp, NonNullable<Profile['taskType']>])[] = [
  [/\b(?:extraction|extractor|parsing|parser)\b/, 'extract'],
  [/\b(?:classification|classifier|categori[sz]ation|triage|routing|tagging|moderation|sorting|sorter)\b/, 'classify'],
  [/\b(?:transcription|dictation)\b/, 'transcribe'],
  [/\b(?:chat\s?bot|assistant|q\s?&\s?a|helpdesk\s+bot|faq\s+bot)\b/, 'chat'],
  [/\b(?:search|retrieval|recommendations?)\b/, 'search'],
  [
    /\b(?:drafts?|drafting|copy(?:writing)?|posts|descriptions|summaries|summari[sz]ation|translations?|newsletters?|emails?\s+writing|content)\b/,
    'generate',
  ],
];
function nounShape(part: string): NonNullable<Profile['taskType']> | undefined {
  // (The head noun comes last: "transcript search" is a search, "call-transcript summaries" are written.)
  let last: { at: number; shape: NonNullable<Profile['taskType']> } | undefined;
  for (const [noun, shape] of NOUN_SHAPES) {
    for (const match of part.matchAll(new RegExp(noun.source, 'g')))
      if (last === undefined || match.index > last.at) last = { at: match.index, shape };
  }
  return last?.shape;
}

/** The marks of an enumerated list: "1)", "2.", "first,", "secondly,", "(3)", "(a)", "b)". */
const ENUMERATION_MARK = /(?:^|[\s(:;,.])(?:\(?([1-5])[.)](?!\d)|(first|second|third|fourth)(?:ly)?,|\(?([a-e])\))\s/g;
const ORDINALS = ['first', 'second', 'third', 'fourth'];
/** What an enumerated list of jobs is introduced as: "two jobs", "three things", "a couple of use cases", "I want both:". */
const LIST_INTRO =
  /\b(?:two|2|three|3|four|4|a\s+couple\s+of|a\s+few|several|multiple|different|separate)\s+(?:things|jobs|tasks|use[\s-]?cases|uses|workflows|projects)\b|\b(?:want|need|have|keep|do|plan)\s+(?:them\s+)?both\s*[:,-]/;

/**
 * The items of a list the message enumerates ("1) draft replies …, and 2) answer guests' questions …", "First, sort
 * the contracts by type. Second, let our lawyers ask …"): each item from its mark to the next mark, the last to the
 * end of its sentence. Undefined unless the marks run 1, 2 (, 3 …) in order.
 */
function enumeratedItems(lower: string): string[] | undefined {
  // (Only a list said to be of jobs: "1. answer from the knowledge base 2. cite the article" lists one bot's needs.)
  if (!LIST_INTRO.test(lower)) return undefined;
  const marks = [...lower.matchAll(ENUMERATION_MARK)].map((match) => ({
    at: match.index + match[0].length,
    start: match.index,
    letter: match[3] !== undefined,
    n:
      match[1] !== undefined
        ? Number(match[1])
        : match[3] !== undefined
          ? match[3].charCodeAt(0) - 96
          : ORDINALS.indexOf(match[2] as string) + 1,
  }));
  // (Numbers and letters count apart: "1) sorting into (a) billing or (b) technical queues, and 2) drafting" is a list
  // of two, whose first item has a list of its own. The run that starts first is the list of jobs.)
  const runOf = (letters: boolean) => {
    const run: typeof marks = [];
    for (const mark of marks) if (mark.letter === letters && mark.n === run.length + 1) run.push(mark);
    return run.length >= 2 ? run : [];
  };
  const [numbers, letters] = [runOf(false), runOf(true)];
  const run =
    numbers.length === 0
      ? letters
      : letters.length === 0 || (numbers[0]?.start ?? 0) < (letters[0]?.start ?? 0)
        ? numbers
        : letters;
  if (run.length < 2) return undefined;
  return run.map((mark, index) => {
    const next = run[index + 1];
    const end = next !== undefined ? next.start : lower.slice(mark.at).search(/[!?\n]|\.(?!\d)(?=\s|$)/);
    const text =
      next !== undefined ? lower.slice(mark.at, end) : lower.slice(mark.at, end < 0 ? undefined : mark.at + end);
    return text
      .replace(/^[\s,;:]+|[\s,;:.]+$/g, '')
      .replace(/(?:,\s*|\s+)(?:and|plus)$/, '')
      .trim();
  });
}

/** Where one job of a list ends and the next begins: ", and also answer …", "; sorting …", " plus drafting …". */
const JOB_BOUNDARY = new RegExp(
  String.raw`(?:\s{0,3},\s{0,3}(?:and\s+|plus\s+)?(?:also\s+)?|\s{0,3};\s{0,3}(?:and\s+)?(?:also\s+)?|\s+(?:and|plus)\s+(?:also\s+)?|\s+as\s+well\s+as\s+)(?=${TASK_VERB}\b)`,
  'g',
);

/**
 * "two things we'd like AI for:", "three jobs really:": the list of jobs after the colon, to the sentence's end (at
 * most 600 characters; a longer list is not read).
 */
const LISTED_JOBS =
  /\b(?:two|2|three|3|four|4|a\s+couple\s+of|a\s+few|several)\s+(?:things|jobs|tasks|use[\s-]?cases|uses|workflows|projects)\b[^:.;!?\n]{0,50}:\s{0,3}([a-z](?:[^.!?\n]|\.(?=\d)){3,600})(?=[.!?\n]|$)/g;

/**
 * What a job's own words must not start with: an object that is the first job's output again ("classify tickets and
 * route them", "answers questions … and writes the reply in our voice", "replies to them"): one job with two gaps.
 */
const REFERS_BACK =
  /^(?:it|they|he|she|the\s+(?:bot|model|assistant|ai|llm|chatbot))\b|^\S+\s+(?:(?:to|on|with|into|from|up|out)\s+)?(?:them|it|this|that|these|those|him|her|each\s+one|the\s+(?:[\w-]+\s+)?(?:answers?|repl(?:y|ies)|responses?|summar(?:y|ies)|results?|outputs?|translations?|drafts?|text|reports?|findings|extractions?))\b/;

/** Words that name no job in particular: verbs of wanting, the people served, generic nouns, function words. */
const GENERIC_WORDS: ReadonlySet<string> = new Set(
  (
    'about after also answer answering bot chatbot assistant based because been being both could customer client ' +
    'company correct data does each every from have help helping into just like make making many maybe might more ' +
    'much need only other over patient people question really right should some someone staff stuff than that their ' +
    'them then there these they thing this those team tool used user using very want well were what when where which ' +
    'while will with would write writing your send sending sort sorting model automatic automatically good better ' +
    'sound sounds look able things general first second ' +
    // The advisor's own words: a question about the plan, its cost or the hardware names no job.
    'plan plans cost costs price budget cover covers covered internal external training train server servers gpu ' +
    'time rule rules document documents docs file files pdf pdfs page pages whole part thing together month day ' +
    'week year request requests example examples label labeled labelled answers reply replies read reading ' +
    'handle handling process processing check checking review reviewing also change changes already says say ' +
    'type types under over into onto most more less long much soon still even ever just only then than ' +
    // Function words of three letters (a three-letter keyword such as "tax" still names a job).
    'and the for our you are was can get use has had its not but any all who how why new old per via out off too ' +
    'one two now yet let see way lot bit day ' +
    // Words of how a job is judged, not of what it is ("… we want something much cheaper with the same quality"): a
    // question weighing a cheaper model names no job by them.
    'cheap cheaper cheapest expensive same something anything today killing smaller bigger faster slower'
  ).split(' '),
);
/** Words of the list itself: a part's verb ("sorting", "answering") names no job. */
const VERB_STEMS =
  /^(?:writ|draft|answer|repl|respond|sort|classif|categori|tag|label|extract|pull|summari|translat|transcrib|rout|triag|generat|detect|flag|caption|grad|scor|moderat|creat|produc|send|search|recommend|predict|forecast|convert|turn|fill|explain|suggest|review|check|spot|read|handl|chat|talk|help)/;
/** Keywords kept per job (the first ones in the job's words): enough to name it, and within the stored state's limit. */
const MAX_KEYWORDS = 12;
/** A message that asks about all the jobs at once names none of them. */
const ALL_THE_JOBS =
  /\b(?:both|all\s+(?:of\s+)?(?:the\s+)?(?:jobs|of\s+them|of\s+it|two|three|four|parts)|everything|whole\s+(?:thing|plan|setup|project|lot)|each\s+(?:job|of\s+them|part)|every\s+job|overall|altogether|all\s+together|combined|entire\s+(?:thing|plan|setup|project))\b/;

/** A word's plain form, so "receipts" and "receipt", "customers'" and "customer" are one keyword. */
function stem(word: string): string {
  const bare = word.replace(/'s?$/, '');
  if (bare.endsWith('ies') && bare.length > 5) return `${bare.slice(0, -3)}y`;
  if (bare.endsWith('s') && !bare.endsWith('ss') && bare.length > 4) return bare.slice(0, -1);
  return bare;
}

function stems(text: string): Set<string> {
  return new Set((text.match(/[a-z][a-z'&]{2,}/g) ?? []).map(stem));
}

/** What people call a job by its shape ("the sorter", "the Q&A part"): a name for the one job of that shape. */
const SHAPE_ALIASES: Partial<Record<NonNullable<Profile['taskType']>, readonly string[]>> = {
  classify: [
    'sorter',
    'sorting',
    'classifier',
    'classification',
    'categoriser',
    'categorizer',
    'tagger',
    'router',
    'routing',
    'triage',
  ],
  chat: ['q&a', 'chatbot', 'assistant'],
  generate: ['writer', 'writing', 'drafting', 'generator'],
  extract: ['extraction', 'extractor', 'parser', 'parsing'],
  search: ['search'],
  transcribe: ['transcription', 'transcriber'],
};
/** Every word a job may be called by its shape: the same for any job of that shape, so it tells no two lists' jobs apart. */
export const SHAPE_ALIAS_WORDS: ReadonlySet<string> = new Set(Object.values(SHAPE_ALIASES).flat());

/** The aliases of each job whose shape no other job has. */
function withShapeAliases(jobs: JobReading[]): JobReading[] {
  return jobs.map((job) => {
    const shape = job.fields.taskType;
    const aliases = shape === undefined ? [] : (SHAPE_ALIASES[shape] ?? []);
    const alone = jobs.filter((other) => other.fields.taskType === shape).length === 1;
    // (An alias another job already has as its own word, "search" of "search queries", is left to that job.)
    const own = aliases.filter((alias) => !jobs.some((other) => other !== job && other.keywords.includes(alias)));
    if (!alone || own.length === 0) return job;
    return { ...job, keywords: [...new Set([...job.keywords, ...own])].slice(0, MAX_KEYWORDS + own.length) };
  });
}

/**
 * The nouns a job's verb is called by: "summarise each contract" is "the summary job". Only as a job's name ("for the
 * summary job"): "thanks for the summary" names no job.
 */
const VERB_NOUNS: readonly [RegExp, readonly string[]][] = [
  [/^summari[sz]/, ['summary']],
  [/^translat/, ['translation']],
  [/^transcrib/, ['transcript', 'transcription']],
  [/^classif/, ['classification', 'classifier']],
  [/^extract/, ['extraction']],
  [/^moderat/, ['moderation']],
  [/^caption/, ['caption']],
  [/^forecast/, ['forecast']],
  [/^recommend/, ['recommendation']],
];

/** The words of a job's text that may name it: three letters or more, not generic, not a verb of the job list. */
function candidateKeywords(text: string): string[] {
  const words = [...stems(text)].filter(
    (word) => word.length >= 3 && word.length <= 40 && !GENERIC_WORDS.has(word) && !VERB_STEMS.test(word),
  );
  // ("turning shoppers' search queries into filters": "search" names a thing there, so it names the job.)
  return SEARCH_AS_NOUN.test(text.toLowerCase()) ? [...words, 'search'] : words;
}
/** "search queries", "the search box": search as a noun's modifier, not the verb of a job. */
const SEARCH_AS_NOUN = /\bsearch\s+(?:quer(?:y|ies)|results?|filters?|box|bar|engine|terms?|traffic|logs?|page)\b/;

/**
 * A job's name: its words, without what a long one says after its object ("… that sound friendly", "… using our
 * memos", "… about what their insurance covers"), at most about 60 characters, cut at a word.
 */
function jobName(text: string): string {
  // ("a drafting assistant that writes …": the name is the assistant's, without the article.)
  let trimmed = text
    .trim()
    .replace(/[,;:]+$/, '')
    .replace(/^(?:a|an)\s+(?=\S+\s+\S)/i, '');
  if (trimmed.length > 30) {
    // ("a short summary of that shift's reports": "that" after a preposition points, it opens no clause.)
    const tail =
      /(?<!\s(?:of|for|on|in|about|from|to|at))\s(?:that|which|who|using|with|via|so|for\s+(?:our|the|their|a|an)|from|based|in\s+(?:our|the|their)|about\s+(?:what|how|which|whether|when|where|why|who))\s/.exec(
        trimmed.slice(12),
      );
    if (tail) trimmed = trimmed.slice(0, 12 + tail.index);
  }
  // ("sorting support tickets into 12 queues (we have 5,000 labelled": a name ends before an aside, and before a
  // clause of facts: "contract clause extraction, on our own servers only", "drafting blog posts - we have 150".)
  const aside = trimmed.search(
    /\(|,\s(?=(?:we|our|on|in|via|with|which|where|that|it|they|data|all|and\s+(?:we|our|it))\b)|\s[-–—]\s|:\s?/,
  );
  // (A name cut before a sub-list ends on a noun: "sorting tickets into (a) …" is "sorting tickets".)
  if (aside > 12)
    trimmed = trimmed
      .slice(0, aside)
      .trimEnd()
      .replace(
        /(?:\s+(?:into|that|which|who|must|should|to|for|of|with|and|or|in|on|will|can|has|have|is|are|needs?))+$/i,
        '',
      );
  if (trimmed.length <= 60) return trimmed;
  const cut = trimmed.slice(0, 61);
  // (Cut before a preposition rather than mid-phrase: "auto-triage incoming support tickets", not "… into one of our 14".)
  const phrase = [...cut.matchAll(/\s(?:into|for|from|with|in|on|about|using|of|to)\s/g)].find(
    (match) => match.index >= 20,
  );
  // ("… on the phone, has to work offline": not a name ending on the verb before the cut.)
  if (phrase !== undefined)
    return cut
      .slice(0, phrase.index)
      .replace(/,?\s+(?:has|have|is|are|needs?|must|should|will|can)$/i, '')
      .replace(/[,;:]+$/, '');
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), 20)).replace(/[,;:]+$/, '');
}

/** Names made distinct: a second "answering customer questions" gets its first keyword the first one lacks. */
function distinctNames(jobs: JobReading[]): JobReading[] {
  return jobs.map((job, index) => {
    const same = jobs.filter((other, at) => at !== index && other.name.toLowerCase() === job.name.toLowerCase());
    if (same.length === 0) return job;
    const own = job.keywords.find((word) => !same.some((other) => other.keywords.includes(word)));
    return { ...job, name: `${job.name} (${own ?? index + 1})` };
  });
}

/** The fields a job holds, from a reading of its own words (its task, gaps, data, volume). */
export function jobFields(extraction: Extraction, text?: string): Partial<Profile> {
  const fields: Record<string, unknown> = {};
  // (GPUs said beside a job are the team's, "we have 2 A100s in our rack", unless the words put the job on them: "that
  // one can run on our server with one L4".)
  const ownGpus = text === undefined || RUNS_ON.test(text.toLowerCase());
  for (const field of JOB_FIELDS) {
    const value = extraction.fields[field];
    if (value !== undefined && (ownGpus || !(GPU_FACTS as readonly string[]).includes(field))) fields[field] = value;
  }
  return fields as Partial<Profile>;
}

/** Words that put a job on machines: "that one can run on our L4 server", "it will be served from …". */
const RUNS_ON =
  /\b(?:run|runs|running|serve[sd]?|serving|host(?:s|ed)?|deploy(?:s|ed)?)\s+(?:it\s+|them\s+)?(?:on|from)\b|\b(?:that|this)\s+one\b[^.;!?\n]{0,40}?\bon\b/;

/** The parts of a list of jobs, in the user's words ("sorting client receipts …", "answering staff questions …"). */
function splitJobs(list: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const boundary of list.matchAll(JOB_BOUNDARY)) {
    parts.push(list.slice(from, boundary.index));
    from = boundary.index + boundary[0].length;
  }
  parts.push(list.slice(from));
  return parts.map((part) => part.trim()).filter((part) => part.length > 0);
}

/**
 * The jobs a message lists, when it lists two or more that differ in shape or gap (a generation job and a question
 * answering job; not "classify tickets and route them"). `task` is the task the message states (the words a list
 * may hide in: "we want AI to write product descriptions and also answer allergen questions"). `read` reads a
 * piece of text the way the whole message is read.
 */
export function findJobs(
  prepared: PreparedMessage,
  task: string | undefined,
  read: (text: string) => Extraction,
): JobReading[] | undefined {
  // An explicit list ("two things: …", "1) … 2) …") says there are several jobs; a task read with "and also" only may.
  const enumerated = enumeratedItems(prepared.lower);
  const lists: { list: string; said: boolean; parts?: string[] }[] = [
    ...(enumerated === undefined ? [] : [{ list: enumerated.join('; '), said: true, parts: enumerated }]),
    ...[...prepared.lower.matchAll(LISTED_JOBS)].map((match) => ({ list: match[1] as string, said: true })),
  ];
  if (task !== undefined) lists.push({ list: task.toLowerCase(), said: false });
  // (A message lists its jobs once: a few candidate lists at most are read, so a long message costs no more.)
  for (const { list, said: listed, parts: items } of lists.slice(0, MAX_LISTS)) {
    const parts = items ?? splitJobs(list);
    if (parts.length < 2 || parts.length > MAX_JOBS) continue;
    if (parts.some((part) => part.split(/\s+/).length < 2 || REFERS_BACK.test(part))) continue;
    // ("something that reads op notes and suggests the codes": reading the input is the first half of one job.)
    if (!listed && parts.some((part) => INPUT_TAKEN.test(part))) continue;
    const readings = parts.map((part) => {
      const fields = jobFields(read(part), part);
      // ("help write …": the verb after "help" is the job's.)
      const shape =
        fields.taskType ??
        verbShape(part.replace(/^help(?:s|ing)?\s+(?:with\s+|to\s+)?/, '')) ??
        (listed ? nounShape(part) : undefined);
      return { part, fields: shape === undefined ? fields : { ...fields, taskType: shape } };
    });
    // Two jobs are two when they differ in shape or in what must get better; the same shape twice is one job
    // ("summarise our calls and draft follow-up emails"), unless the team lists them as separate things.
    const shapes = new Set(
      readings.map(({ fields }) => `${fields.taskType ?? '?'}|${[...(fields.goals ?? [])].sort()}`),
    );
    const described = readings.every(({ fields }) => fields.taskType !== undefined || fields.goals !== undefined);
    if (!described || shapes.size < (listed ? 2 : readings.length)) continue;
    const words = readings.map(({ part }) => candidateKeywords(part));
    // A keyword names one job only.
    const shared = new Set(
      words.flatMap((list, index) =>
        list.filter((word) => words.some((other, at) => at !== index && other.includes(word))),
      ),
    );
    // (The user's own spelling: the lowered text has the same offsets as the message.)
    const said = (part: string) => {
      const at = prepared.lower.indexOf(part);
      return at < 0 ? part : prepared.original.slice(at, at + part.length);
    };
    const jobs = readings.map(({ part, fields }, index) => ({
      name: jobName(said(part)),
      keywords: (words[index] ?? []).filter((word) => !shared.has(word)).slice(0, MAX_KEYWORDS),
      fields: { ...fields, task: said(part) },
    }));
    // (A job no word names can still be listed, and is advised; only a question naming it cannot reach it.)
    if (!listed && jobs.some((job) => job.keywords.length === 0)) continue;
    return withShapeAliases(distinctNames(jobs));
  }
  return undefined;
}

/** The clauses of a message: its sentences, cut again at ", and", ", but", " - " and ": " (spans in the message). */
function clauses(lower: string): { start: number; end: number; asked: boolean; sentenceStart: boolean }[] {
  const spans: { start: number; end: number; asked: boolean; sentenceStart: boolean }[] = [];
  let start = 0;
  let sentenceStart = true;
  // (" and 600 descriptions": a second count starts a clause of its own.)
  for (const mark of lower.matchAll(
    /[!?;\n]|\.(?!\d)|,\s{0,3}(?:and|but|while|whereas|plus)\s|\s[-–—]\s|:\s|\sand\s(?=(?:about\s|around\s|roughly\s|maybe\s|approximately\s|some\s|~\s?)?\d)|\s(?:and|but|while)\s(?=(?:the|our)\s+(?:[a-z&'-]+\s+){0,2}(?:job|part|side|bit)\b)|,\s(?=(?:and\s+)?(?:for|in)\s+\(?[a-e]\)\s)/g,
  )) {
    // (A clause that ends in a question mark asks; what it names is weighed, not stated.)
    if (mark.index > start) spans.push({ start, end: mark.index, asked: mark[0] === '?', sentenceStart });
    sentenceStart = /^[!?;\n.]/.test(mark[0]);
    start = mark.index + mark[0].length;
  }
  if (start < lower.length) spans.push({ start, end: lower.length, asked: false, sentenceStart });
  return spans;
}

/**
 * "forget the receipts, we only need the tax questions", "drop the sorter part", "hold off on the drafting
 * assistant": a job taken back.
 */
const DROPPED_JOB =
  /\b(?:forget(?:\s+about)?|drop|scrap|remove|cancel|never\s*mind|leave\s+out|no\s+longer\s+need|(?:don't|do\s+not|dont)\s+need|hold\s+off\s+on|shelve|park|postpone|(?:we're|we\s+are)\s+not\s+doing)\s+(?:the\s+)?([a-z][^.,;!?\n—–]{2,60}?)(?=\s{0,3}(?:[.,;!?\n—–]|\s-\s|$)|\s+(?:part|job|one|bit|thing|side|anymore|any\s+more|for\s+now|after\s+all)\b)/g;

/**
 * "we only have one job now: the ticket triage", "just the triage classifier", "we're only doing the triage now":
 * the one job kept, so of two jobs the other is taken back.
 */
const KEPT_JOB =
  /\b(?:(?:we\s+)?only\s+have\s+one\s+(?:job|project|use\s*case|thing)(?:\s+(?:now|left))?\s*:?|one\s+job\s+(?:now|left)\s*:|(?:we(?:'re|\s+are)\s+)?(?:only|just)\s+(?:doing|need(?:ing)?|want(?:ing)?|keeping|building)|(?:^|[.;!]\s*|,\s*|\bso\s+)just)\s+(?:the\s+)?([a-z][^.,;!?\n]{2,60}?)(?=\s{0,3}(?:[.,;!?\n]|$)|\s+(?:part|job|one|now|for\s+now|then)\b)/g;

/**
 * Words after a job's name that make the clause say something of the job, not take it back or keep it alone: "the
 * triage to be accurate", "the drafting assistant if it says something wrong", "the triage needs labels".
 */
const SAYS_MORE_OF_IT =
  /\b(?:if|to|needs?|matters?|is|are|was|be|when|so|because|can|could|should|must|will|would|has|have|had|does|do|works?|sounds?|stays?)\b/;
/** "we don't want to drop …", "we are not only doing …": the taking back denied. */
const DENIED_BEFORE = /\b(?:not|don't|dont|do\s+not|never|won't|wont|isn't|aren't|no\s+need\s+to)\s+(?:\w+\s+){0,2}$/;

/**
 * The clause of a match is stated, not asked, and not denied, and its object is the job alone ("the one that does the
 * drafting" names the job in a relative clause; only words after the job's own say more of it).
 */
function takesJobBack(lower: string, match: RegExpMatchArray, jobs: readonly KnownJob[]): boolean {
  const object = match[1] ?? '';
  const end = (match.index ?? 0) + match[0].length;
  // (The clause asks when it ends in a question mark: "drop the drafting assistant, what would the triage cost?"
  // drops and then asks.)
  const clauseEnd = lower.slice(end).search(/[.,;!?\n—–]|\s-\s/);
  const asked = clauseEnd >= 0 && lower[end + clauseEnd] === '?';
  const words = object.split(/\s+/);
  const lastNaming = words.findLastIndex((word) =>
    jobs.some((job) => job.keywords.some((keyword) => stems(word).has(keyword))),
  );
  const after = lastNaming < 0 ? object : words.slice(lastNaming + 1).join(' ');
  return (
    !asked &&
    !SAYS_MORE_OF_IT.test(after) &&
    !DENIED_BEFORE.test(lower.slice(Math.max(0, (match.index ?? 0) - 30), match.index ?? 0))
  );
}

/**
 * The one job a message takes back (undefined when it takes back none, or its words name several), and the words
 * that named the job dropped ("the ticket triage" in "drop the ticket triage"), which state no fact of the team.
 */
export function droppedJob(lower: string, jobs: readonly KnownJob[]): { name: string; said?: string } | undefined {
  for (const match of lower.matchAll(DROPPED_JOB)) {
    if (!takesJobBack(lower, match, jobs)) continue;
    const named = onlyJobNamed(match[1] ?? '', jobs);
    if (named !== undefined) return { name: named, said: match[1] ?? '' };
  }
  // (Of two jobs, the one not kept goes.)
  if (jobs.length !== 2) return undefined;
  for (const match of lower.matchAll(KEPT_JOB)) {
    if (!takesJobBack(lower, match, jobs)) continue;
    const kept = onlyJobNamed(match[1] ?? '', jobs);
    const gone = jobs.find((job) => job.name !== kept)?.name;
    if (kept !== undefined && gone !== undefined) return { name: gone };
  }
  return undefined;
}

/**
 * The one job a text names by its keywords (undefined when it names none, several, or all of them: "what would the
 * whole thing cost?", "both").
 */
export function jobNamedIn(text: string, jobs: readonly KnownJob[]): string | undefined {
  const lower = text.toLowerCase();
  if (ALL_THE_JOBS.test(lower)) return undefined;
  // ("… lawyer-written summary pairs, so examples for the summary job": a job called by name counts as named.)
  const called = calledJob(lower, jobs);
  const named = new Set([...jobsNamed(lower, jobs), ...(called === undefined ? [] : [called])]);
  return named.size === 1 ? [...named][0] : undefined;
}

/** A job's traffic: what a sentence about the job goes on to say of it ("… around 20k tickets a day"). */
const JOB_TRAFFIC_FIELDS: readonly string[] = [
  'requestsPerDay',
  'latencyTargetMs',
  'inputTokensPerRequest',
  'outputTokensPerRequest',
];
/**
 * Fields a clause that names no job gives the team, even when its sentence began with one job: a job's own model, place
 * and residency (its traffic, said there, stays the job's).
 */
const TEAM_WIDE_IN_A_CONTINUATION: ReadonlySet<string> = new Set(
  JOB_OVERRIDE_FIELDS.filter((field) => !JOB_TRAFFIC_FIELDS.includes(field)),
);

/** A field a job holds of its own when a clause only goes on about it: not the team's model, place or residency. */
export function ownOfAJob(field: string): boolean {
  return !TEAM_WIDE_IN_A_CONTINUATION.has(field);
}

/** The names of the jobs whose keywords a text uses. */
function jobsNamed(lower: string, jobs: readonly KnownJob[]): string[] {
  const words = stems(lower);
  return jobs.filter((job) => job.keywords.some((keyword) => words.has(keyword))).map((job) => job.name);
}

/** True when the text names any of the jobs. */
function namesAnyJob(lower: string, jobs: readonly KnownJob[]): boolean {
  return jobsNamed(lower, jobs).length > 0;
}

/** "for the summary job", "the smart reply part": a job called by a word or two and what it is. */
const CALLED_A_JOB =
  /\b(?:for|of|to|in|on)\s+(?:the|our)\s+((?:[a-z][a-z'&-]{2,}\s+)?[a-z][a-z'&-]{2,})\s+(?:job|part|task|side|bit|workflow|use[\s-]case)\b|^\W*(?:(?:oh|and|also|so|but|then)\s+)*(?:the|our)\s+((?:[a-z][a-z'&-]{2,}\s+)?[a-z][a-z'&-]{2,})\s+(?:job|part|side|bit)\b/g;
/** "everything has to stay …", "all our data": a clause about all the team's work, whatever job it names. */
const SAID_OF_EVERYTHING =
  /\b(?:everything|all\s+(?:of\s+)?(?:our|the)\s+(?:data|work|stuff|models?)|all\s+our|company[\s-]wide|across\s+the\s+board|whole\s+(?:team|org|organi[sz]ation|company))\b/;
/** "for exactly that job", "the same one": the job the sentence or the message is about, said again. */
const THAT_JOB = /\b(?:that|this|the\s+same)\s+(?:job|task|use[\s-]case)\b/;
/** "for the smart reply: …", "re the classifier - …", "as for the Q&A part, …": a message that opens on one job. */
const HEADER =
  /^\W*(?:(?:ok(?:ay)?|better|thanks|great|cool|right|got\s+it|also|and|now|next|so)[\s.!,]+)?(?:for|re|about|regarding|as\s+for|on)\s+(?:the\s+|our\s+)?([^:?.!;\n]{2,60}?)\s*(?::|\s[-–—]\s|,)/;

/** The one job a message opens by naming ("for the smart reply: why just prompt engineering?"): it is about that job. */
export function headerJob(lower: string, jobs: readonly KnownJob[]): string | undefined {
  const header = HEADER.exec(lower);
  return header === null ? undefined : onlyJobNamed(header[1] ?? '', jobs);
}

/** The one job whose keywords a text uses (undefined when none or several). */
function onlyJobNamed(lower: string, jobs: readonly KnownJob[]): string | undefined {
  const named = jobsNamed(lower, jobs);
  return named.length === 1 ? named[0] : undefined;
}

/** "for (a) we have 200k pairs", "(b): 9k labels": a job called by the letter it was listed under. */
const LISTED_LETTER = /(?:^|\b(?:for|in|of|re)\s+)\(([a-e])\)(?=[\s,:])|^\W*\(?([a-e])\)\s*:/;

function jobByLetter(lower: string, jobs: readonly KnownJob[]): string | undefined {
  const letter = LISTED_LETTER.exec(lower.trim());
  const index = letter === null ? -1 : 'abcde'.indexOf(letter[1] ?? letter[2] ?? '');
  return index >= 0 ? jobs[index]?.name : undefined;
}

/** The one job a clause calls by name ("… so labelled examples for the summary job"), whatever else its words recall. */
function calledJob(lower: string, jobs: readonly KnownJob[]): string | undefined {
  const called = new Set(
    [...lower.trim().matchAll(CALLED_A_JOB)].flatMap((match) => (match[1] ?? match[2] ?? '').split(/\s+/).map(stem)),
  );
  if (called.size === 0) return undefined;
  const verbNouns = (name: string) => {
    const words = [...stems(name.toLowerCase())];
    return VERB_NOUNS.flatMap(([verb, nouns]) => (words.some((word) => verb.test(word)) ? nouns : []));
  };
  const hits = jobs.filter((job) => [...job.keywords, ...verbNouns(job.name)].some((word) => called.has(word)));
  return hits.length === 1 ? hits[0]?.name : undefined;
}

/**
 * The job facts of a message: each clause that names one job only is read, and what it says of a job's own fields
 * (its data, its gaps, how often its knowledge changes) is that job's. The task is never taken from a clause.
 */
export function jobFactsIn(
  prepared: PreparedMessage,
  jobs: readonly KnownJob[],
  read: (text: string) => Extraction,
): JobFact[] {
  if (jobs.length < 2) return [];
  const facts: JobFact[] = [];
  let clausesRead = 0;
  // ("The triage prompt works okay, but it's expensive": a later clause of the sentence that names no job goes on
  // about the job the sentence named.)
  // ("for the smart reply: why just prompt engineering? we have 200k pairs": a message that opens on one job goes on
  // about it until a clause names another.)
  // (Once another job is named, the opening job no longer carries the sentences after it.)
  let header = headerJob(prepared.lower, jobs);
  let sentenceJob: string | undefined = header;
  for (const { start, end, asked, sentenceStart } of clauses(prepared.lower)) {
    if (sentenceStart) sentenceJob = header;
    const text = prepared.original.slice(start, end);
    const lower = text.toLowerCase();
    // ("… pairs for exactly that job": the job being talked about, whatever other job a word of the clause recalls.)
    const said =
      THAT_JOB.test(lower) && sentenceJob !== undefined
        ? sentenceJob
        : (jobByLetter(lower, jobs) ?? calledJob(lower, jobs) ?? onlyJobNamed(lower, jobs));
    if (said !== undefined && said !== header) header = undefined;
    const name = said ?? (namesAnyJob(lower, jobs) ? undefined : sentenceJob);
    if (said !== undefined) sentenceJob = said;
    else if (name === undefined) sentenceJob = header;
    if (asked || name === undefined) continue;
    // (Each clause is read in full: a message is held to MAX_JOB_CLAUSES of them, so its cost stays bounded.)
    if (++clausesRead > MAX_JOB_CLAUSES) break;
    const { task: _task, ...all } = jobFields(read(text), text);
    // (A clause that goes on about the job, or a sentence under the job the message opened on, gives it only what a job
    // has of its own and its traffic; where the model runs and whether data may leave, said there, are the team's.)
    // ("everything has to stay in our own datacenter, citizen data can't go to any cloud": a rule for all of it.)
    const fields =
      said === undefined || SAID_OF_EVERYTHING.test(lower)
        ? Object.fromEntries(Object.entries(all).filter(([field]) => ownOfAJob(field)))
        : all;
    if (Object.keys(fields).length === 0) continue;
    const known = facts.find((fact) => fact.name === name);
    if (known) known.fields = { ...known.fields, ...fields };
    else facts.push({ name, fields });
  }
  return facts;
}

/**
 * "ok another thing, separate job: we also want a little chatbot …" in a conversation about one task: a second job
 * announced later (not a list, not a correction of the task). ("One more thing: …" adds to the job in hand.)
 */
const ANOTHER_JOB_WORDS = String.raw`\b(?:(?:another|a\s+second|a\s+separate|separate|second|different)\s+(?:thing|job|use[\s-]?case|project|task|workflow|product|problem)|(?:one\s+)?more\s+(?:job|use[\s-]?case|project|workflow|product))\b`;
export const ANOTHER_JOB = new RegExp(`${ANOTHER_JOB_WORDS}(?!\\s+(?:than|from|to|like)\\b)`);

/** "also a second thing we want: better product search on the shop": the new job, said after the colon. */
export const ANOTHER_JOB_SAID = new RegExp(`${ANOTHER_JOB_WORDS}[^:.;!?\\n]{0,30}:\\s*([^.;!?\\n]{8,120})`);

/** The words that open a task said as a wish: "we also want a", "we'd also like to build an". */
const WISH_OPENING =
  /^(?:(?:ok(?:ay)?|so|and|also|plus)[,\s]+)*(?:(?:on|in|at|for)\s+(?:our|the)\s+(?:[\w-]+\s+){0,3}?(?=we\b))?(?:we(?:'d|\s+would)?\s+)?(?:also\s+)?(?:want|need|would\s+like|like|plan|are\s+planning|are\s+building)\s+(?:to\s+(?:build|make|add|have|do|get)\s+|to\s+)?(?:also\s+)?/i;

/**
 * Which of the jobs a message lists goes on with the task the conversation had ("those are two separate jobs: 1)
 * writing the product descriptions … 2) the product search", after a conversation about writing the descriptions):
 * the one job that shares a word of the task (or, failing that, its shape) with no other listed job sharing one.
 * Its index, or undefined when none or several do.
 */
export function continuedJobIndex(
  jobs: readonly JobReading[],
  task: string | undefined,
  taskType: Profile['taskType'],
): number | undefined {
  const words = new Set(task === undefined ? [] : candidateKeywords(task));
  // (A shared word counts only on a job of the same shape, or of none said: "drafting replies to support tickets"
  // shares "tickets" with sorting tickets into queues, and is another job.)
  const sameShape = (job: JobReading) =>
    taskType === undefined || job.fields.taskType === undefined || job.fields.taskType === taskType;
  const sharing = jobs.flatMap((job, index) =>
    sameShape(job) && candidateKeywords(job.fields.task ?? job.name).some((word) => words.has(word)) ? [index] : [],
  );
  if (sharing.length === 1) return sharing[0];
  if (sharing.length > 1 || taskType === undefined) return undefined;
  const shaped = jobs.flatMap((job, index) => (job.fields.taskType === taskType ? [index] : []));
  return shaped.length === 1 ? shaped[0] : undefined;
}

/**
 * The two jobs of a conversation that had one task and now names a second: the first keeps the task and its own facts,
 * the second is the new task with what its message says of it; each named by its words, as a listed pair would be.
 */
export function jobsWithOneAdded(
  first: { task: string; fields: Partial<Profile> },
  second: { task: string; fields: Partial<Profile> },
): JobReading[] {
  const secondTask = second.task.replace(WISH_OPENING, '').trim() || second.task;
  const parts = [first.task, secondTask];
  const words = parts.map((part) => candidateKeywords(part));
  const shared = new Set(words[0]?.filter((word) => words[1]?.includes(word)) ?? []);
  const jobs = [
    { task: first.task, fields: first.fields },
    { task: secondTask, fields: second.fields },
  ].map(({ task, fields }, index) => ({
    name: jobName(task),
    keywords: (words[index] ?? []).filter((word) => !shared.has(word)).slice(0, MAX_KEYWORDS),
    fields: { ...fields, task },
  }));
  return withShapeAliases(distinctNames(jobs));
}
