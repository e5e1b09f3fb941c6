/**
 * @module Labeled examples: "~5k labeled tickets", "20 examples", "about 300 labelled pairs", "no labeled data".
 */
import { APPROX_SOURCE, COUNT_SOURCE, parseCount, ROUGH_OF_SCALE } from '../numbers.ts';
import { allMatches, findingFromMatch, isNegatedBefore } from '../prepare-message.ts';
import type { Extractor, Finding } from '../types.ts';
import { LANGUAGE } from './languages.ts';

const LABELED = String.raw`(?:label(?:l)?ed|(?:manually|historically|already|hand[\s-]?)\s+(?:classified|categori[sz]ed|anonymi[sz]ed|redacted)|(?:vet|doctor|physician|clinician|expert|human|agent|analyst|radiologist|pathologist|reviewer)-confirmed|resolved|answered|labled|lablled|annotated|tagged|hand[\s-]?(?:label(?:l)?ed|written|annotated)|human[\s-]?(?:label(?:l)?ed|written|annotated)|curated|gold|graded|rated|approved|verified|validated|vetted|accepted|corrected|hand[\s-]?checked|supervised|training|fine[\s-]?tuning|example)`;
/** Nouns that are labeled examples by themselves. */
const EXAMPLE_NOUN = String.raw`(?:worked\s+(?:solutions|examples)|rewrites|(?:gold|reference|model)\s+answers|examples?|exmaples?|examles?|samples?|pairs?|(?:json|jsonl)s\b|json\s+(?:files|records|outputs)|triples?|triplets?|tuples?|demonstrations?|(?<=\b(?:sft|supervised|labell?ed|training|good|gold|ideal|annotated|human)\s)demos|trajectories|(?:agent\s+)?traces|episodes|annotations?|q\s?&\s?a\s+pairs?|q\s?\/\s?a\b|qa\s+pairs?|question[\s-]answer\s+pairs?|input[\s/-]output\s+pairs?|prompt[\s/-](?:response|completion)\s+pairs?|instruction[\s/-]response\s+pairs?|instr(?:uction)?\s+pairs?|[a-z]+\s?(?:->|→)\s?[a-z-]+\s+(?:pairs?|examples?)|\b[a-z]+(?:-[a-z]+)*(?:\s*(?:&|\/|\+)\s*|\s+and\s+)[a-z]+(?:-[a-z]+)*\s+pairs|(?:segment|sentence|clause|contract|ticket|email|code|document|summary|translation|dialogue|message)\s+pairs?|(?:aligned|parallel)\s+(?:sentence\s+|segment\s+|line\s+|dialogue\s+)?pairs?)`;
/** Nouns that are labeled examples only when said to be labeled ("5k labeled tickets", "800 tickets with answers"). */
const RECORD_NOUN =
  '(?:essays?|assignments?|submissions?|exams?|verifications?|kyc\\s+checks?|id\\s+checks?|agreements?|tickets?|commands|macros|listings?|segments?|letters?|conversations?|chats?|transcripts?|emails?|e-?mails|mails|records?|rows?|documents?|docs|images?|imgs|photos?|pics|pictures|recordings?|reviews?|queries|questions?|answers?|responses?|summaries|translations?|contracts?|reports?|notes|calls?|dialogues?|texts?|sentences?|snippets?|items?|transactions?|invoices?|forms?|receipts?|claims?|cases?|articles?|logs?|clips?|shots?|x-?rays?|radiographs?|mammograms?|scans?|declarations?|filings?|entries|work\\s+orders|comments?|diffs?|utterances?|stories|recaps|judg(?:e)?ments|rulings|files?|prompts?|lines|narratives|complaints|alerts|descriptions|replies|messages|msgs|drafts?|outputs?|completions?|clauses|posts|headlines|impressions|explanations|listings|stays|visits|encounters|admissions|consultations|crops|patches|tiles|frames|bounding\\s+boxes|boxes|masks|spectrograms|opinions|memos|briefs|requests|function\\s+blocks|functions|programs|scripts|modules|shipments|bookings|line\\s+items)';
const WITH_LABELS = String.raw`,?\s+(?:each\s+(?:an?\s+)?(?:\w+\s+)?(?:and|with)\s+(?:the|a|its)\s+(?:correct\s+|right\s+|gold\s+)?(?:labels?|answers?|outputs?)\b|each\s+(?:one\s+)?(?:tagged|labell?ed|marked|annotated|coded|scored|rated|graded)\s+(?:with|by|as)\b|paired\s+with\s+(?:(?:the|their|its|a|an)\s+(?!(?:upload\s+|creation\s+)?(?:dates?|timestamps?|ids?|metadata|file\s?names?|urls?|sizes?|paths?)\b)|(?=[a-z-]+\s+(?:lists?|labels?|answers?|codes?|outputs?|summar(?:y|ies)|reports?|responses?|replies|translations?|notes|orders|plans|decisions?|diagnos[ie]s)\b))|(?:each\s+)?(?:(?:with|and\s+their|including|paired\s+with)\b|w\/)\s*(?:[a-z'-]+\s+){0,3}?(?:labels?|answers?|resolutions?|responses?|descriptions?|repl(?:y|ies)|categor(?:y|ies)|queues?|tags?|summar(?:y|ies)|translations?|outputs?|annotations?|ground[\s-]truth|transcripts?|transcriptions?|captions?|reports?|diffs?|corrections?|prompts?|assessments?|specs?|notes?|inputs?|source\s+texts?|originals?|codes?|verdicts?|decisions?|scores?|ratings?|headlines?|titles?|filters?|clicks?|root[\s-]causes?|questions?|tickets?|emails?|messages?|requests?|queues?|departments?|depts?|outcomes?|dispositions?)\b)`;

/** Words that may stand between a count and "examples": "300 high-quality labelled pairs". */
const EXAMPLE_ADJECTIVE = String.raw`(?:${LABELED}|(?:gpt|claude|gemini|llama|qwen|mistral|o\d)[\w.-]*|\([^()]{1,40}\)|[a-z-]+(?:\/[a-z-]+)+|[a-z]+(?:-[a-z]+)+|good|great|best|excellent|top|usable|solid|decent|plain|normal|regular|ordinary|standard|simple|human|useful|unique|distinct|successful|solved|passing|anonymi[sz]ed|logged|collected|cleaned|deduplicated|scraped|high[\s-]quality|quality|clean|real|synthetic|paired|redline|redlined|markup|marked[\s-]up|revision|existing|customer|support|ticket|sample|few[\s-]shot|domain|historical|past|old|older|previous|verified|reviewed|approved|expert|manual|manually|sql|code|prompt|chat|conversation|dialogue|dialog|character|npc|voice|opinion|legal|medical|product|review|email|q\s?&\s?a|qa|classification|ner|extraction|translation|${LANGUAGE}|summari[sz]ation|question|answer|test|eval|evaluation|validation|instruction|preference|input[\s/-]output|sft|supervised|demonstration|training|fine[\s-]?tuning|more|of|our|the|such|worked|written|handwritten|crafted|hand[\s-]?made|authored|prepared|gold|golden|ideal|typed|hand[\s-]?typed|keyed|re-?keyed|transcribed|digiti[sz]ed)`;

/** "5k labeled examples", "300 pairs", "~20 hand-written examples" (up to three describing words before the noun). */
const COUNT_EXAMPLES = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:${EXAMPLE_ADJECTIVE}\\s+){0,3}${EXAMPLE_NOUN}\\b(?![\\s-]*(?:per|a|an|each)\\s+(?:day|week|month|hour|minute|second)\\b)`,
  'g',
);
/** "600 emails, each is a client email + my reply": records that each hold an input and the output wanted. */
const COUNT_RECORDS_EACH_A_PAIR = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:[a-z-]+\\s+)?${RECORD_NOUN},?\\s+(?:each\\s+(?:is|one\\s+is|with|has)|every\\s+one\\s+is)\\s+(?:an?\\s+|the\\s+)?[a-z-]+(?:\\s+[a-z-]+)?\\s*(?:\\+|and|with|plus|->|→)\\s*(?:my|our|the|its|their|an?)\\s+(?:[a-z-]+\\s+)?(?:reply|replies|answer|answers|response|responses|summary|summaries|label|labels|output|outputs|translation|transcript|correction|fix)\\b`,
  'g',
);
/**
 * "about 3,000 histopath reports already have a pathologist-written summary": records that carry the output a person
 * wrote for them.
 */
const COUNT_RECORDS_HAVE_WRITTEN_OUTPUT = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:[a-z-]+\\s+){0,2}?${RECORD_NOUN}\\s+(?:already\\s+)?(?:have|has|come\\s+with|include)\\s+(?:an?\\s+|the\\s+|their\\s+|its\\s+)?(?:[a-z]+-(?:written|checked|approved|signed|assigned|verified)|(?:human|hand|expert)[\\s-]written|reference|gold)\\s+(?:summar(?:y|ies)|labels?|answers?|codes?|repl(?:y|ies)|responses?|reports?|translations?|corrections?|notes?)\\b`,
  'g',
);
/** "~8k paired snippets (old/new)", "3,000 paired documents": records that come in input/output pairs. */
const COUNT_PAIRED_RECORDS = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:[a-z-]+\\s+)?paired\\s+(?:[a-z-]+\\s+)?${RECORD_NOUN}\\b`,
  'g',
);
/** "~350 support macros + ideal replies", "2k questions and their gold answers": inputs counted with their outputs. */
const COUNT_RECORDS_PLUS_OUTPUTS = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:[a-z-]+\\s+)?(?:${RECORD_NOUN}|macros|templates)\\s*(?:\\+|&|plus|and|with|->|→)\\s*(?:their\\s+|the\\s+|our\\s+|its\\s+)?(?:ideal|gold|correct|approved|best|reference|expected|good|model|right|final)\\s+(?:replies|answers|responses|outputs|summaries|labels|translations|versions)\\b`,
  'g',
);
/**
 * "120,000 logged Sonnet extractions", "50k saved GPT-4o answers": a model's outputs kept with their inputs, which train
 * a student (the teacher's labels) as examples do.
 */
const COUNT_LOGGED_OUTPUTS = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:logged|saved|stored|collected|recorded|cached)\\s+(?:(?!(?:and|their|the|with|of|are|is)\\b)[\\w.-]+\\s+){0,3}?(?:extractions|outputs|completions|generations|responses|answers|summaries|translations|classifications|labels)\\b`,
  'g',
);
/** "7000 labeled clause examples": a labelled kind of example, the kind said in any word. */
const COUNT_LABELED_KIND_OF_EXAMPLES = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+${LABELED}\\s+[a-z-]+\\s+${EXAMPLE_NOUN}\\b`,
  'g',
);
/** "5k labeled tickets", "2,000 annotated support emails", "3,000 resolved tickets" (each one a question with its answer). */
const COUNT_LABELED_RECORDS = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:[a-z-]+\\s+)?${LABELED}\\s+(?:[a-z-]+\\s+){0,2}?${RECORD_NOUN}\\b`,
  'g',
);
/** "50M GPT-4.1 labels logged", "30k labels collected": labels gathered are labeled examples. */
const COUNT_LABELS_GATHERED = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:[\\w.-]+\\s+){0,2}?labels\\s+(?:(?:we\\s+)?(?:logged|collected|saved|stored|gathered)|already\\s+(?:logged|collected))\\b`,
  'g',
);
/** "3M rows of labeled transactions", "2k examples of annotated emails". */
const COUNT_ROWS_OF_LABELED = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:rows|records|examples|samples|pairs|items|entries)\\s+of\\s+${LABELED}\\s+(?:[a-z-]+\\s+){0,2}?${RECORD_NOUN}\\b`,
  'g',
);
/** "6,000 emails are already labeled", "2k tickets have been annotated". */
/** "we have 400k already categorised by hand": a count with a labelling verb and no noun. */
const COUNT_LABELED_BY_HAND = new RegExp(
  `(?:\\b(?:have|got|has)\\s+|[;:,]\\s*|^\\s*)${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:already\\s+|all\\s+)?(?:label(?:l)?ed|annotated|tagged|categori[sz]ed|classified|coded)\\s+(?:by\\s+hand|manually|by\\s+(?:our|the)\\s+\\w+)`,
  'g',
);
/** "maybe 50k we've spot-checked by hand", "2,000 we verified manually": a count the team checked itself. */
const COUNT_WE_CHECKED = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:of\\s+(?:them|those|these)\\s+)?(?:we(?:'ve|\\s+have)?|i(?:'ve|\\s+have)?|(?:that|which)\\s+(?:the\\s+|our\\s+|a\\s+)?[a-z-]+(?:\\s+[a-z-]+)?)\\s+(?:already\\s+|has\\s+|have\\s+|had\\s+)?(?:spot[\\s-]?checked|hand[\\s-]?checked|checked|verified|reviewed|validated|labell?ed|annotated|corrected|summari[sz]ed|transcribed|translated|categori[sz]ed|tagged|coded|answered)\\s+(?:properly\\s+|carefully\\s+|correctly\\s+)?(?:by\\s+hand|manually|ourselves|themselves|himself|herself|one\\s+by\\s+one)`,
  'g',
);
/**
 * "millions of logged outputs, 2,000 human-checked", "50k outputs, 2,000 of them verified": the checked part of a
 * collection just named is the labelled set.
 */
const CHECKED_PART_OF_COLLECTION = new RegExp(
  `(?<=\\b(?:outputs|answers|completions|generations|responses|replies|summaries|examples|pairs|records|logs|transcripts|tickets|drafts|translations)\\b[^.;!?\\n]{0,30}?(?:[,(:;]|\\s[-–])\\s{0,3}(?:and\\s|but\\s|with\\s|of\\s+which\\s)?)${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:of\\s+(?:them|those|these|which)\\s+)?(?:(?:are|were|have\\s+been|got)\\s+)?(?:(?:human|hand|expert|manually|people|staff|doctor|clinician|agent|lawyer)[\\s-]?(?:checked|verified|reviewed|validated|corrected|approved|labell?ed|graded)|checked\\s+by\\s+(?:a\\s+)?(?:human|humans|people|hand|experts?|our\\s+[a-z]+s?)|(?:verified|checked|reviewed|validated|corrected|approved)(?=\\s*(?:[.,;)!?]|$|\\s+(?:and|so|by\\s+(?:hand|humans?|people|us|our)|ones?)\\b)))`,
  'g',
);
const COUNT_RECORDS_ARE_LABELED = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:[a-z-]+\\s+){0,2}?${RECORD_NOUN}\\s+(?:(?:that|which)\\s+(?:[a-z-]+\\s+){0,2}?|(?:our|the|their)\\s+[a-z-]+\\s+)?(?:(?:are|were|have\\s+been|has\\s+been|got)\\s+)?(?:already\\s+|all\\s+|fully\\s+|manually\\s+|hand[\\s-])?(?:label(?:l)?ed|annotated|tagged|coded|categori[sz]ed|classified|spot[\\s-]?checked|checked|reviewed|verified|approved|validated|vetted|corrected|redlined|marked[\\s-]up|signed[\\s-]off(?:\\s+on)?|(?:summari[sz]ed|translated|transcribed|answered|keyed\\s+in|entered)\\s+(?:properly\\s+)?(?:by\\s+hand|manually)(?![^.;!?\\n]{0,20}?\\b(?:(?:every|a|per|each)\\s+(?:single\\s+)?(?:day|week|month)|daily|weekly)\\b))\\b`,
  'g',
);
/** "support tickets with the queue they ended up in, roughly 40 thousand": the records with their labels, then the count. */
const LABELED_RECORDS_COUNT_AFTER = new RegExp(
  `\\b${RECORD_NOUN}${WITH_LABELS}[^.;!?\\n]{0,40}?,\\s*${APPROX_SOURCE}(${COUNT_SOURCE})\\b(?!\\s*(?:%|percent|queues?|classes|categories|labels|teams|departments|a\\s+day|per\\s+day|\\/day|k?\\s*tokens?\\b|words\\b|characters\\b|lines\\b|pages\\b))`,
  'g',
);
/** "vendor deck said 'train on 100k examples' but we have like 1,200 only": the team's own count, after examples named. */
const WE_HAVE_COUNT_ONLY = new RegExp(
  `(?<=\\b(?:examples?|label(?:l)?ed|samples?|pairs?)\\b[^\\n]{0,120}?)\\b(?:we|i)\\s+(?:only\\s+|just\\s+)?(?:have|got)\\s+(?:only\\s+|just\\s+)?(?:about\\s+|around\\s+|like\\s+|maybe\\s+|~\\s*)?(${COUNT_SOURCE})\\s+(?:only|total|in\\s+total|tops|of\\s+(?:those|them|these))\\b(?=\\s*(?:[.,;!?)]|$))`,
  'g',
);
/** "old tickets (like 5k) with the agent's reply": the count in brackets after the records, then their labels. */
const RECORDS_COUNT_IN_BRACKETS_WITH_LABELS = new RegExp(
  `\\b${RECORD_NOUN}\\s*(?:\\(\\s*|,\\s*)${APPROX_SOURCE}(${COUNT_SOURCE})\\s*(?:\\)|,)?${WITH_LABELS}`,
  'g',
);
/** "20k past support emails and how our agents answered them": records and the answers people gave to them. */
const COUNT_RECORDS_AND_HOW_ANSWERED = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:[a-z-]+\\s+){0,3}?${RECORD_NOUN}\\s+(?:and|with|plus)\\s+(?:how|what)\\s+(?:our|the|their)\\s+(?:[a-z-]+\\s+)?(?:agents|reps|staff|team|people|nurses|doctors|lawyers|advisors|advisers|engineers|support)\\s+(?:answered|replied(?:\\s+to)?|responded(?:\\s+to)?|resolved|handled|said|wrote)\\b`,
  'g',
);
/** "we fine-tuned it with LoRA on ~5k tutoring dialogues", "tried full fine-tuning of T5 on our 5k summaries": the records a model was trained on are examples. */
const TRAINED_ON_RECORDS = new RegExp(
  `\\b(?:fine[\\s-]?tuned|finetuned|trained|tuned|sft'?d|(?:full\\s+|lora\\s+|qlora\\s+)?fine[\\s-]?tuning|training)\\b(?:[^.;!?\\n]|\\.(?=\\d)){0,50}?\\bon\\s+(?:(?:our|the|about|around|roughly|some)\\s+)?${APPROX_SOURCE}(${COUNT_SOURCE})(?!\\s*(?:years?|months?|weeks?|days?|hours?)\\s+of\\b)\\s+(?:[a-z-]+\\s+){0,2}?${RECORD_NOUN}\\b`,
  'g',
);
/** "it is more like 6,000 letters, not 4k": a count of the team's records, corrected. */
const COUNT_RECORDS_CORRECTED = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:[a-z-]+\\s+)?${RECORD_NOUN}\\s*(?:,\\s*)?not\\s+(?:the\\s+)?${APPROX_SOURCE}${COUNT_SOURCE}(?!\\s*(?:[a-z-]+\\s+)?(?:a|per|each)\\b)`,
  'g',
);
/** "800 tickets with their resolutions", "1,200 clips with hand-corrected transcripts", "8k PR comments paired with the diffs". */
const COUNT_RECORDS_WITH_LABELS = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:of\\s+(?:my|our|their)\\s+(?:own\\s+)?)?(?:[a-z-]+\\s+){0,3}?${RECORD_NOUN}(?:\\s+(?:that|which)\\s+[^,.;!?\\n]{1,40}?|\\s+(?:written|drafted|produced|reviewed|collected|curated|checked)\\s+by\\s+[^,.;!?\\n]{1,40}?|\\s+(?:[a-z]+\\s+){1,2}?(?:asked|sent|wrote|submitted|raised|filed|received))?${WITH_LABELS}`,
  'g',
);
/** "5,000 adjuster-labeled photos", "40k agent-approved replies", "25k editor-tagged articles": labelled by someone. */
const COUNT_SOMEONE_LABELED = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:[a-z]+\\s+)?[a-z]+-(?:labell?ed|written|approved|tagged|annotated|checked|reviewed|verified|corrected|rated|graded|scored|marked|filled|curated|coded)\\s+(?:[a-z-]+\\s+)?${RECORD_NOUN}\\b`,
  'g',
);
/** People who label records by hand: "our paralegals", "agents", "volunteers". */
const PEOPLE_WHO_LABEL = `(?:associates|lawyers|attorneys|paralegals|agents|experts|doctors|clinicians|reviewers|annotators|editors|engineers|analysts|adjusters|staff|people|humans|nurses|linguists|translators|raters|moderators|clerks|underwriters|radiologists|teachers|tutors|ops|operations|brokers|coders|dispatchers|pharmacists|techs|technicians|accountants|bookkeepers|auditors|inspectors|planners|specialists|officers|operators|physicians|volunteers|receptionists|secretaries|caseworkers)`;
/** "our paralegals annotated about 2,000 contracts", "agents labeled 5k tickets": people who labelled records. */
const PEOPLE_LABELED_COUNT = new RegExp(
  `\\b(?:${PEOPLE_WHO_LABEL})\\s+(?:have\\s+|had\\s+)?(?:already\\s+)?(?:hand[\\s-]?)?(?:annotated|label(?:l)?ed|tagged|coded|graded|marked|scored|rated|reviewed\\s+and\\s+(?:labell?ed|corrected)|corrected|categori[sz]ed|classified|marked\\s+up|highlighted|redlined|(?<=hand[\\s-]?)(?:keyed|entered)(?:\\s+in)?)\\s+${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:of\\s+(?:those|these|them|the|our)\\s+)?(?:[a-z-]+\\s+)?(?:${RECORD_NOUN}|ndas|msas|slas|sows|agreements|policies|leases|filings)\\b`,
  'g',
);
/** "volunteers have already sorted about 1,200": records people sorted or routed by hand, counted with no noun after. */
const PEOPLE_SORTED_COUNT = new RegExp(
  `\\b${PEOPLE_WHO_LABEL}\\s+(?:have\\s+|had\\s+)?(?:already\\s+)?(?:hand[\\s-]?)?(?:sorted|routed|triaged|filed)\\s+${APPROX_SOURCE}(${COUNT_SOURCE})(?:\\s+of\\s+(?:them|those|these))?(?=\\s*(?:[.,;!?)]|$))`,
  'g',
);
/**
 * "Maybe 2k that editors flagged as really good examples", "for maybe 500 of them a vet wrote a summary", "about 500
 * notes have a summary written by a vet": records people marked or wrote the output for, counted.
 */
const COUNT_PEOPLE_MADE_EXAMPLES = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:that|which)\\s+(?:the\\s+|our\\s+)?[a-z-]+(?:\\s+[a-z-]+)?\\s+(?:flagged|marked|picked|chose|selected|rated|approved)\\s+as\\s+(?:really\\s+|very\\s+)?(?:good|great|gold|ideal|model|reference)\\s+(?:examples?|answers?|outputs?|ones)\\b|\\b(?:for|on)\\s+${APPROX_SOURCE}(${COUNT_SOURCE})\\s+of\\s+(?:them|those|these)\\s+(?:a|an|the|our)\\s+[a-z-]+\\s+(?:wrote|has\\s+written|had\\s+written|added|gave)\\s+(?:a|an|the)\\s+(?:summary|reply|answer|label|report|note|translation|correction)\\b|${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:[a-z-]+\\s+){0,2}?${RECORD_NOUN}\\s+(?:have|has|come\\s+with)\\s+(?:a|an|the)\\s+(?:summary|reply|answer|label|report|translation|correction)\\s+(?:written|made|done|added)\\s+by\\b`,
  'g',
);
/** "90k emails that 4o has tagged and our agents spot-checked": a model's labels that people checked are the team's. */
const MODEL_LABELED_PEOPLE_CHECKED = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:[a-z-]+\\s+){0,2}?${RECORD_NOUN}\\s+(?:that|which)\\s+(?:[\\w.-]+\\s+){1,3}?(?:has\\s+|have\\s+)?(?:tagged|labell?ed|classified|categori[sz]ed|coded)\\s+and\\s+(?:our\\s+|the\\s+)?[a-z-]+\\s+(?:have\\s+|has\\s+)?(?:spot[\\s-]?checked|checked|verified|reviewed|corrected|validated)\\b`,
  'g',
);
/** "the old volunteer did tag about 1,500 of them with categories": someone tagged a count of the records just named. */
const SOMEONE_TAGGED_OF_THEM = new RegExp(
  `\\b(?:someone|somebody|(?:an?|the|our)\\s+(?:old\\s+|previous\\s+|former\\s+|new\\s+)?[a-z-]+)\\s+(?:did\\s+|has\\s+|had\\s+)?(?:already\\s+)?(?:tag|tagged|label(?:l)?ed|label|categori[sz]ed|categori[sz]e|sorted|annotated|annotate|coded)\\s+${APPROX_SOURCE}(${COUNT_SOURCE})\\s+of\\s+(?:them|those|these)\\b`,
  'g',
);
/** A number that is not a count of records: a share, an age, a length. */
const NOT_A_COUNT_OF_RECORDS = String.raw`(?!\s*(?:%|(?:percent|weeks?|months?|years?|days?|hours?|pages?|gb|tb|mb|tokens?|words?|old)\b))`;
/**
 * "the sorted ones we actually have are more like 400", "the labelled ones are about 2k": the labelled share, counted.
 * "our sister company has 50k labelled tickets … ours is more like a couple thousand": the team's own, after another's.
 * "you need 10k examples … we only have a couple hundred good ones": the examples the team trusts, counted.
 */
const LABELED_ONES_ARE_COUNT = new RegExp(
  `\\bthe\\s+(?:sorted|labell?ed|tagged|annotated|categori[sz]ed|classified|coded|checked|verified|corrected)\\s+ones\\s+(?:(?:we|i)\\s+(?:actually\\s+|really\\s+)?(?:have|got)\\s+)?(?:are|is)\\s+(?:more\\s+like\\s+|about\\s+|around\\s+|roughly\\s+|maybe\\s+|only\\s+|closer\\s+to\\s+|~\\s*)*(${COUNT_SOURCE})\\b${NOT_A_COUNT_OF_RECORDS}|(?<=\\b(?:examples?|label(?:l)?ed|samples?)\\b[^\\n]{0,120}?)\\b(?:we|i)\\s+(?:only\\s+|just\\s+)?(?:have|got)\\s+(?:only\\s+|just\\s+)?(?:about\\s+|around\\s+|like\\s+|maybe\\s+|~\\s*)?(${COUNT_SOURCE})\\s+(?:really\\s+|actually\\s+)?(?:good|usable|clean|decent|trustworthy|reliable|solid)\\s+ones\\b|(?<=\\blabell?ed\\s+(?:${RECORD_NOUN}|examples?|data)\\b[^!?\\n]{0,80}?)\\bours\\s+(?:is|are)\\s+(?:more\\s+like|about|around|closer\\s+to|maybe|only|just)\\s+(${COUNT_SOURCE})\\b${NOT_A_COUNT_OF_RECORDS}`,
  'g',
);
/** "not 50 labeled examples, 500": the count said right after the one denied (x65). */
const DENIED_THEN_COUNT = new RegExp(
  `\\bnot\\s+(?:${COUNT_SOURCE})\\s+(?:labell?ed\\s+(?:examples|samples|pairs|records|rows|tickets|emails)|annotated\\s+(?:examples|samples|records|rows|tickets|emails)|examples|samples|pairs|labels)\\s*[,;:—–-]\\s*(?:but\\s+|it's\\s+|its\\s+|more\\s+like\\s+|actually\\s+)?(${COUNT_SOURCE})(?=\\s*(?:[.,;!?)]|$|\\s+(?:labell?ed\\s+)?(?:examples|samples|pairs|labels|records|rows|tickets|emails)\\b))`,
  'g',
);
/** "900 contracts where associates marked up the deviating clauses": records people annotated. */
const COUNT_RECORDS_PEOPLE_MARKED = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:[a-z-]+\\s+){0,2}?${RECORD_NOUN}\\s+(?:where|in\\s+which|that|which)\\s+(?:our\\s+|the\\s+)?(?:[a-z-]+\\s+)?(?:associates|lawyers|attorneys|paralegals|agents|experts|doctors|clinicians|reviewers|annotators|editors|engineers|analysts|adjusters|staff|people|humans|officers|specialists|auditors|inspectors|checkers|we|ops|operations|qa|support)\\s+(?:have\\s+|had\\s+)?(?:marked(?:\\s+up)?|annotated|label(?:l)?ed|flagged|tagged|corrected|redlined|highlighted|verified|checked|validated|reviewed)\\b`,
  'g',
);
/**
 * "12k invoices where finance typed the fields into SAP by hand", "~800 contracts where associates already filled in
 * the template": the outputs a person entered for each record (its fields, the template, the codes).
 */
const COUNT_RECORDS_PEOPLE_FILLED = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:[a-z-]+\\s+){0,2}?${RECORD_NOUN}\\s+(?:where|in\\s+which|that|which|for\\s+which)\\s+(?:our\\s+|the\\s+)?(?:[a-z-]+\\s+){0,2}?(?:have\\s+|had\\s+)?(?:already\\s+)?(?:typed|keyed|entered|filled(?:\\s+in|\\s+out)?|transcribed|coded|wrote|recorded)\\s+(?:in\\s+|out\\s+)?(?:the|their|all\\s+the|every)\\s+(?:[a-z-]+\\s+){0,2}?(?:fields?|templates?|forms?|values|codes?|labels?|answers?|categor(?:y|ies)|data)\\b`,
  'g',
);
/**
 * "8,000 emails that agents already routed by hand", "20k tickets sorted manually into queues": each record carries
 * the queue a person chose, its label.
 */
const COUNT_RECORDS_ROUTED_BY_HAND = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:[a-z-]+\\s+){0,2}?${RECORD_NOUN}\\s+(?:(?:that|which)\\s+)?(?:[a-z-]+\\s+){0,2}?(?:re-?)?(?:routed|sorted|triaged|assigned|dispatched|categori[sz]ed|classified)\\s+(?:[a-z-]+\\s+){0,3}?(?:by\\s+hand|manually)\\b(?!\\s+(?:every|each|a|per)\\s+(?:day|week|month|hour)|\\s+daily)`,
  'g',
);
/** "1,500 summaries written by real patient-advocates", "3,500 past support chats … labelled by the team". */
const COUNT_RECORDS_BY_PEOPLE_AFTER = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:[a-z-]+\\s+){0,3}?${RECORD_NOUN}\\b[^.;!?\\n]{0,50}?\\b(?:written|labell?ed|annotated|tagged|answered|corrected|graded|scored|marked|(?:hand[\\s-]?)?checked|reviewed|verified|approved|keyed(?:\\s+in)?|entered|typed(?:\\s+up)?|coded|classified|categori[sz]ed)\\s+by\\s+(?:real\\s+|actual\\s+|human\\s+|our\\s+|the\\s+)*(?!(?:(?:real|actual|human|our|the|their|its)\\s+)?(?:[\\w-]*(?:scanner|recogni[sz]er|classifier|parser|tagger|router|engine|bot|script|pipeline|ocr|system|model|computer|software|algorithm)s?\\b|gpt|claude|llama|gemini|mistral|qwen|o\\d|the\\s+model|a\\s+model|an?\\s+llm|(?:user|customer|client|people|member|student|patient|buyer|visitor|reader|player|subscriber|viewer|listener|citizen|shopper|guest|fan)s?\\b(?!-)))(?:[a-z-]+\\s+)?(?:team|staff|agents?|people|humans?|experts?|[a-z]+-(?:advocates|writers|editors|reviewers)|[a-z]+(?:ist|or|er|ant|ent|ian|ate|al)s?)\\b`,
  'g',
);
/** "…training examples we'd use are short, 300-400 tokens each, about 2,200 of them": the count of examples said before. */
const EXAMPLES_COUNT_OF_THEM = new RegExp(
  `${EXAMPLE_NOUN}\\b[^.;!?\\n]{0,80}?,\\s*${APPROX_SOURCE}(${COUNT_SOURCE})\\s+of\\s+them(?=\\s*(?:[.,;!?)]|$|\\s(?:in\\s+total|total|altogether)\\b))`,
  'g',
);
/** "900 marked-up contracts", "7000 flagged clauses": records marked by hand. */
const COUNT_MARKED_RECORDS = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:hand[\\s-])?(?:marked[\\s-]up|redlined|flagged|highlighted)\\s+(?:[a-z-]+\\s+)?${RECORD_NOUN}\\b`,
  'g',
);
/** "40 descriptions the client wrote themselves", "300 replies our agents wrote": outputs people wrote for the task. */
const COUNT_RECORDS_SOMEONE_WROTE = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:[a-z-]+\\s+){0,2}?${RECORD_NOUN}\\s+(?:that\\s+)?(?:the\\s+client|our\\s+client|the\\s+customer|our\\s+[a-z-]+(?:\\s+[a-z-]+)?|the\\s+(?:client|customer|agents|editors|writers|lawyers|doctors|reviewers|experts|front\\s+desk|reception|receptionists?|nurses|vets|team|staff|marketing\\s+team|associates|paralegals|attorneys|analysts|engineers|clerks|brokers|accountants|teachers|translators)|we(?:'ve|\\s+have)?|i(?:'ve|\\s+have)?)\\s+(?:wrote|has\\s+written|have\\s+written|hand[\\s-]wrote|re-?wrote|has\\s+re-?written|edited|hand[\\s-]edited|corrected|polished|approved)(?:\\s+by\\s+hand)?\\b`,
  'g',
);
/** Outputs a person writes: what a count of them written or kept is an example set of. */
const OUTPUT_NOUN = `(?:descriptions|summaries|replies|answers|responses|translations|articles|posts|headlines|letters|emails|reports|captions|drafts|explanations|rewrites|abstracts|titles|blurbs|memos|briefs|write-?ups)`;
/** Writers of outputs, besides the people who label records. */
const WRITERS = String.raw`(?:copywriters|writers|copy\s+team|content\s+team|marketing\s+team|editorial\s+team|${PEOPLE_WHO_LABEL})`;
/** "our copywriters wrote about 30,000 descriptions", "the lawyers have written 800 summaries": outputs made by hand. */
const PEOPLE_WROTE_COUNT_OUTPUTS = new RegExp(
  `\\b(?:our|the|their)\\s+(?:[a-z-]+\\s+)?${WRITERS}\\s+(?:have\\s+|has\\s+|had\\s+)?(?:already\\s+)?(?:wrote|written|hand[\\s-]?wrote|drafted|produced|created|crafted)\\s+${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:[a-z-]+\\s+){0,2}?${OUTPUT_NOUN}\\b`,
  'g',
);
/** "800 contracts where a lawyer wrote the summary by hand": records each with an output a person wrote. */
const COUNT_RECORDS_WHERE_SOMEONE_WROTE = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:[a-z-]+\\s+){0,2}?${RECORD_NOUN}\\s+(?:where|in\\s+which|for\\s+which)\\s+(?:a|an|the|our|one\\s+of\\s+our)\\s+[a-z-]+\\s+(?:hand[\\s-]?)?(?:wrote|written|drafted|produced|made)\\s+(?:the|a|an|its|their)\\s+(?:[a-z-]+\\s+)?(?:${OUTPUT_NOUN}|summary|reply|answer|response|translation|description|label|caption|report|note)\\b`,
  'g',
);
/** "the 800 are contract + lawyer-written summary pairs", "those 2k are all labelled": a count said before, now called examples. */
const THE_COUNT_ARE_EXAMPLES = new RegExp(
  `\\b(?:the|those|these|all|our)\\s+(${COUNT_SOURCE})\\s+(?:are|were)\\s+(?!(?:not|never|going|to\\s+be|yet|still\\s+(?:un|not))\\b)(?:all\\s+)?(?!(?:not|never|un)\\b)(?:[a-z+&/-]+\\s+){0,5}?(?:${EXAMPLE_NOUN}|label(?:l)?ed|annotated)\\b`,
  'g',
);
/** "forty thousand emails that already have the right queue": records that carry their correct label. */
const COUNT_RECORDS_HAVE_RIGHT_LABEL = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:[a-z-]+\\s+){0,2}?${RECORD_NOUN}\\s+(?:that|which)\\s+(?:already\\s+)?(?:have|has|carry|carries|got)\\s+(?:the|their|its|a)\\s+(?:right|correct|proper|true|final)\\s+(?:labels?|queues?|categor(?:y|ies)|tags?|codes?|departments?|classes|class|answers?|teams?|intents?)\\b`,
  'g',
);
/** "30,000 descriptions we're happy with", "2k summaries we trust": outputs the team keeps as good examples. */
const COUNT_OUTPUTS_WE_KEEP = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:[a-z-]+\\s+){0,2}?${OUTPUT_NOUN}\\s+(?:that\\s+|which\\s+)?(?:we(?:'re|\\s+are)\\s+(?:really\\s+|very\\s+|quite\\s+)?(?:happy|satisfied|pleased|content)\\s+with|we\\s+(?:really\\s+)?(?:like|love|trust|stand\\s+behind))\\b`,
  'g',
);
/**
 * "2,000 old reminder texts people liked", "300 descriptions customers loved", "6,000 past replies agents rated as
 * great": outputs the readers approved, the
 * examples a style is learned from.
 */
const COUNT_RECORDS_PEOPLE_LIKED = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:[a-z-]+\\s+){0,2}?${RECORD_NOUN}\\s+(?:that\\s+|which\\s+)?(?:(?:our\\s+|the\\s+)?(?:people|customers|clients|patients|users|readers|guests|members|parents|shoppers|buyers|subscribers|fans|agents|reviewers|editors|experts|supervisors|raters)|everyone|folks)\\s+(?:really\\s+|actually\\s+)?(?:liked|loved|enjoyed|praised|responded\\s+well\\s+to|rated\\s+(?:well|highly|(?:as\\s+)?(?:great|good|excellent|top|5\\s+stars?)))\\b`,
  'g',
);
/**
 * "taken about 1,500 photos already and wrote down the disease for each one": records with the answer noted for each.
 */
const COUNT_RECORDS_NOTED_FOR_EACH = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:[a-z-]+\\s+){0,2}?${RECORD_NOUN}\\b[^.;!?\\n]{0,40}?\\b(?:wrote\\s+down|noted(?:\\s+down)?|recorded|labell?ed|marked|tagged|logged|entered)\\s+(?:the|a|an|its|their)\\s+(?:[a-z-]+\\s+){0,2}?(?:for|of|on|with)\\s+(?:each|every)\\b`,
  'g',
);
/** Sorted into the team's categories by people: "already categorised", "labelled", "with the right category". */
const SORTED_BY_PEOPLE = String.raw`(?:already\s+|all\s+|properly\s+|manually\s+)?(?:categori[sz]ed|labell?ed|classified|tagged|annotated|coded|with\s+(?:the\s+|their\s+)?(?:right|correct)\s+(?:category|categories|label|labels|code|codes))`;
/**
 * "a few thousand receipts already categorised", "for receipts we have a few thousand already categorised": a rough
 * count of records sorted by people, said with the records or after naming them.
 */
const ROUGH_COUNT_SORTED = new RegExp(
  `\\b(${ROUGH_OF_SCALE})\\s+(?:[a-z-]+\\s+){0,2}?${RECORD_NOUN}\\s+${SORTED_BY_PEOPLE}\\b|\\(\\s*we\\s+have\\s+${APPROX_SOURCE}(${ROUGH_OF_SCALE}|${COUNT_SOURCE})\\s+(?:of\\s+them\\s+)?${SORTED_BY_PEOPLE}\\b|\\b(?:for|of)\\s+(?:the\\s+|our\\s+)?(?:[a-z-]+\\s+)?${RECORD_NOUN},?\\s+(?:we\\s+(?:have|'ve\\s+got|got)|there\\s+are)\\s+${APPROX_SOURCE}(${ROUGH_OF_SCALE}|${COUNT_SOURCE})\\s+(?:of\\s+them\\s+)?${SORTED_BY_PEOPLE}\\b`,
  'g',
);
/** "~1200 past stays where we have both the notes and the discharge summary the doctor wrote": inputs and outputs. */
const COUNT_RECORDS_WITH_BOTH = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:[a-z-]+\\s+){0,2}?${RECORD_NOUN}\\s+(?:where|for\\s+which|in\\s+which|with)\\s+(?:we\\s+(?:have|got|kept)\\s+)?both\\s+(?:the\\s+|their\\s+)?[a-z-]+(?:\\s+[a-z-]+)?\\s+and\\s+(?:the\\s+|their\\s+)?(?:[a-z-]+\\s+){0,2}?(?:summar(?:y|ies)|answers?|repl(?:y|ies)|responses?|labels?|outputs?|reports?|letters?|translations?|transcripts?|notes?|decisions?|codes?)\\b`,
  'g',
);
/** "60k sent replies as examples", "3k tickets we could use as training examples": records offered as examples. */
const COUNT_RECORDS_AS_EXAMPLES = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:[a-z-]+\\s+){0,3}?(?:(?:we|i)\\s+(?:could|can|would|want\\s+to)\\s+use\\s+)?as\\s+(?:our\\s+)?(?:training\\s+|labell?ed\\s+|gold\\s+|good\\s+)?(?:examples|data|pairs|targets|references)\\b`,
  'g',
);
/**
 * "50,000 past email replies from agents", "30k descriptions written in our brand voice by copywriters": answers people
 * wrote are the outputs of input/output examples.
 */
const COUNT_REPLIES_BY_PEOPLE = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:[a-z-]+\\s+){0,3}?(?:replies|responses|answers|descriptions|summaries|articles|posts|captions|emails|headlines|translations|conversations|chats|tickets)\\s+(?:from|by|written\\s+(?:in\\s+(?:our|the|their)\\s+(?:[\\w-]+\\s+){0,2}?(?:voice|style|tone)\\s+)?by|sent\\s+by|rated\\s+good\\s+by|approved\\s+by)\\s+(?:our\\s+|the\\s+)?(?:[a-z-]+\\s+)?(?:agents?|staff|support|reps?|representatives|team|humans?|people|experts?|doctors|nurses|lawyers|editors|engineers|copywriters|writers|designers|analysts|translators|reviewers|physicians|clinicians|radiologists|pharmacists|paralegals|adjusters|annotators|raters|teachers|tutors)\\b`,
  'g',
);
/**
 * "4.2k tutor dialogues", "3,000 nurse summaries", "900 lawyer redlines": records a person in a role wrote or held,
 * the outputs the model should learn from.
 */
/** "300 finished reports together with the original notes": outputs counted with the inputs they were made from. */
const COUNT_OUTPUTS_WITH_INPUTS = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:finished\\s+|final\\s+|approved\\s+|completed\\s+|written\\s+)?(?:reports|summaries|letters|answers|replies|translations|descriptions|notes|drafts)\\s+(?:together\\s+)?(?:with|alongside|plus|and)\\s+(?:the|their)\\s+(?:original|source|raw|underlying)\\s+(?:notes|inputs|documents|texts|emails|transcripts|records|forms|data)\\b`,
  'g',
);
/** "~20k photos that already have human-written alt text", "5,000 images with captions": images with their outputs. */
const COUNT_IMAGES_WITH_TEXT = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:[a-z-]+\\s+)?(?:photos|images|pictures|screenshots|scans)\\s+(?:that\\s+)?(?:already\\s+)?(?:have|with|come\\s+with|carry)\\s+(?:their\\s+|a\\s+|an\\s+)?(?:[a-z-]+\\s+){0,2}?(?:alt[\\s-]text|captions?|descriptions?)\\b`,
  'g',
);
const COUNT_ROLE_RECORDS = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:[a-z-]+\\s+)?(?:tutor|teacher|agent|nurse|doctor|physician|clinician|expert|editor|lawyer|attorney|paralegal|analyst|translator|copywriter|radiologist|pharmacist|adjuster|reviewer)[-\\s](?:dialogues|conversations|chats|replies|answers|responses|summaries|reports|notes|transcripts|redlines|corrections|explanations|letters)\\b`,
  'g',
);
/**
 * Written output in the team's voice is the training data for style: "20,000 lines of existing NPC dialogue",
 * "5k lines of our script". (Lines of code or logs are a corpus, not examples.)
 */
const COUNT_LINES_OF_WRITING = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+lines\\s+of\\s+(?:[a-z'-]+\\s+){0,3}?(?:dialogue|dialog|scripts?|screenplay|copy|lyrics|captions)\\b|${APPROX_SOURCE}(${COUNT_SOURCE})\\s+lines\\s+(?:of\\s+[a-z]+\\s+)?(?:per|for\\s+each|each\\s+for\\s+a)\\s+(?:character|persona|npc|voice)\\b`,
  'g',
);
/** "~8000 dialogue lines", "5k NPC lines", "18k aligned lines": lines of the writing the model should produce. */
const COUNT_DIALOGUE_LINES = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:[a-z'-]+\\s+)?(?:dialogue|dialog|script|npc|character|aligned|parallel|translated|locali[sz]ed|written|hand-written)\\s+lines\\b`,
  'g',
);
/** "the 8000 lines are example exchanges (player line -> npc reply)": lines said to be input/output examples. */
const LINES_ARE_EXAMPLES = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+lines\\s+are\\s+(?:all\\s+)?(?:[a-z-]+\\s+)?(?:exchanges|pairs|examples|conversations|dialogues)\\b`,
  'g',
);
/** "Is 500 examples enough? That's all we have": the count asked about is the team's own, said so after. */
const ASKED_COUNT_IS_ALL = new RegExp(
  `\\b(?:is|are|would|will)\\s+${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:[a-z-]+\\s+){0,2}?(?:examples?|samples?|pairs?|labels?|labell?ed\\s+\\w+)\\s+(?:really\\s+|actually\\s+)?(?:be\\s+)?enough\\s*\\?\\s*(?:that'?s|that\\s+is|it'?s|it\\s+is)\\s+all\\s+(?:we|i)\\s+(?:have|'ve\\s+got|got)(?:\\s+(?:right\\s+now|so\\s+far|today|at\\s+the\\s+moment))?(?=\\s*(?:[.!,;]|$|\\s+for\\s+(?:the|our|this)\\s+\\w+\\s+(?:classifier|model|task|bot)))`,
  'g',
);
/** "would 5k examples be enough? we only have about 1,800 right now": the team's own count, its noun said before. */
const HAVE_NOW = new RegExp(
  `\\bwe\\s+(?:only\\s+|just\\s+)?(?:have|got)\\s+${APPROX_SOURCE}(${COUNT_SOURCE})(?:\\s+(?:right\\s+now|today|currently|so\\s+far|at\\s+the\\s+moment|for\\s+now)\\b|(?=\\s*(?:[.!]|$)))`,
  'g',
);
/**
 * "… a million labeled examples" but really only ~8k are any good": the usable share, the examples named before it
 * (the count the team can train on).
 */
const ONLY_SOME_GOOD = new RegExp(
  `\\b(?:(?:really|actually|realistically|honestly|in\\s+reality)\\s+)?only\\s+${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:of\\s+(?:them|those|these|it)\\s+)?(?:are|is)\\s+(?:any\\s+good|usable|good|clean|reliable|trustworthy|worth\\s+using)\\b`,
  'g',
);
/** What a share said after it is of: examples, or GPUs, a test, a model's outputs. */
const COUNTED_BEFORE_SHARE =
  /\b(?:examples?|labels?|labell?ed|pairs?|samples?|records?|rows?|gpus?|cards?|tested|tests?|eval\w*|outputs?|answers?|predictions?|annotators?|people)\b/g;
/**
 * "two years of labeled tickets, ~1.2M", "4 years of vet-confirmed cases, about 7k": labelled records, then their
 * count after a comma (nothing after the count but the end of the clause).
 */
const LABELED_RECORDS_THEN_COUNT = new RegExp(
  `\\b${LABELED}\\s+(?:[a-z-]+\\s+)?${RECORD_NOUN},\\s+${APPROX_SOURCE}(?!(?:199\\d|20[0-3]\\d)\\b)(${COUNT_SOURCE})(?=\\s*(?:[.,;!?)]|$|\\s(?:of\\s+them|in\\s+total|total)\\b))`,
  'g',
);
/** "a few hundred examples", "a couple of thousand labelled pairs", "several hundred samples": a rough count said in words. */
const ROUGH_COUNT_EXAMPLES = new RegExp(
  `\\b(a\\s+few|a\\s+couple(?:\\s+of)?|several)\\s+(hundred|thousand)\\s+(?:${EXAMPLE_ADJECTIVE}\\s+){0,3}${EXAMPLE_NOUN}\\b`,
  'g',
);
/** A range of counts, "5-10k", "between 5 and 10k", "500 to 1,000": its lower end is what the team can count on. */
const NUM = String.raw`((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s?(k|thousand)?`;
/** "between 5 and 10k" (only after "between" may "and" join two numbers: "4090 and 2000 examples" is no range). */
const RANGE = String.raw`(?:between\s+${NUM}\s*and\s*${NUM}|${NUM}\s*(?:-|–|to)\s*${NUM})`;
/** "5-10k labeled examples", "between 5 and 10k labelled pairs", "~10-20k labeled invoices". */
const RANGE_EXAMPLES = new RegExp(
  `${APPROX_SOURCE}\\b${RANGE}\\s+(?:(?:${EXAMPLE_ADJECTIVE}\\s+){0,3}${EXAMPLE_NOUN}|(?:[a-z-]+\\s+)?${LABELED}\\s+(?:[a-z-]+\\s+){0,2}?${RECORD_NOUN}|(?:[a-z-]+\\s+){0,2}?${RECORD_NOUN}${WITH_LABELS})\\b`,
  'g',
);

/** The lower end of a RANGE match: "5-10k" is 5,000 (the lower number takes the upper's scale when it has none). */
function lowerEnd(match: RegExpExecArray): number | undefined {
  // Groups 1-4: "between … and …"; groups 5-8: "…-…" or "… to …" (each: lower, its scale, upper, its scale).
  const offset = match[1] !== undefined ? 1 : 5;
  const lower = Number((match[offset] ?? '').replace(/,/g, ''));
  const upper = Number((match[offset + 2] ?? '').replace(/,/g, ''));
  if (!Number.isFinite(lower) || !Number.isFinite(upper)) return undefined;
  // "5-10k": 5 takes the thousands of 10k; "500-1k": 500 already is the count.
  const scale = match[offset + 1] !== undefined || (match[offset + 3] !== undefined && lower < upper) ? 1000 : 1;
  return Math.round(lower * scale);
}

/** A count followed by "labeled" and nothing it could describe: "we have 8000 labeled", "about 2k annotated, so…". */
/** "labeled 6,500 by hand so far", "annotated about 2k ourselves": the verb first, then the count. */
/** "we hand-labelled about 12,000 documents", "annotated 3k tickets": the labelling said as a verb before the count. */
const LABELED_VERB_COUNT = new RegExp(
  `\\b(?:hand[\\s-]?)?(?:label(?:l)?ed|annotated|tagged)\\s+(?:(?:all\\s+(?:of\\s+)?)?(?:our|the)\\s+)?${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:[a-z-]+\\s+){0,2}?${RECORD_NOUN}\\b`,
  'g',
);
/** A pasted spec: "Labeled: 40k rows from our ops team", "training data: ~12,000 examples". */
const LABELED_COLON_COUNT = new RegExp(
  `\\b(?:label(?:l)?ed(?:\\s+data)?|annotated(?:\\s+data)?|training\\s+(?:data|examples|set))\\s*:\\s*${APPROX_SOURCE}(${COUNT_SOURCE})(?=\\s*(?:(?:[a-z-]+\\s+)?(?:${RECORD_NOUN}|examples|samples|pairs)\\b(?!\\s+(?:per|each|a|an)\\b)|[\\n,;.]|$))`,
  'g',
);
const LABELED_THEN_COUNT = new RegExp(
  `\\b(?:label(?:l)?ed|annotated|hand[\\s-]label(?:l)?ed|tagged)\\s+${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:of\\s+them\\s+)?(?:by\\s+hand|so\\s+far|manually|already|ourselves|in\\s+house)\\b`,
  'g',
);
const COUNT_LABELED_BARE = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:label(?:l)?ed|labled|annotated|hand[\\s-]label(?:l)?ed)(?=\\s*(?:[.,;!?)]|$|\\s(?:and|but|so|plus|ones|already|now|too|in\\s+total|total|not)\\b))`,
  'g',
);
/** A total said after per-group counts: "~200 example replies per client, so about 6,000 in total". */
const TOTAL_AFTER_EXAMPLES = new RegExp(
  `${EXAMPLE_NOUN}(?:(?!tokens?\\b)[^.;!?\\n]){0,60}?(?:\\b(?:so|that's|which\\s+is)\\s+)?(?:\\b(?:about|around|roughly|some)\\s+|~\\s*)?(${COUNT_SOURCE})\\s+(?:in\\s+total|total|overall|altogether)\\b`,
  'g',
);
/** "total is ~400k emails", "in total about 12k labeled tickets": the whole set, said after per-group counts. */
const TOTAL_IS = new RegExp(
  `\\b(?:(?:the\\s+)?total\\s+(?:is|of|=|:|'s|comes\\s+to)|in\\s+total|altogether|overall)\\s*(?:about\\s+|around\\s+|roughly\\s+|~\\s*|some\\s+)?(${COUNT_SOURCE})\\s+(?:[a-z-]+\\s+)?(?:${RECORD_NOUN}|${EXAMPLE_NOUN})\\b`,
  'g',
);
/** "labeled examples: 300", "labelled data of about 300 rows". */
const LABELED_COUNT_AFTER = new RegExp(
  `\\b${LABELED}\\s+(?:data|examples|samples|pairs|set|dataset)\\s*(?::|=|-|of|is|are|totals?|around|about|~)\\s*${APPROX_SOURCE}(${COUNT_SOURCE})(?!\\s*(?:%|percent|gb|mb|tb|k\\s?b|tokens?|words?|hours?|days?|weeks?|months?|years?))`,
  'g',
);
/**
 * "no labeled data", "we don't have any labelled examples", "we don't really have labeled examples", "basically no
 * training data", "zero training data", "nothing labeled" ("no data people" is about the team).
 */
const NO_LABELS = new RegExp(
  [
    String.raw`\b(?:(?:(?:basically|practically|virtually|essentially)\s+)?(?:no|zero)|without(?:\s+any)?|(?:don't|dont|do\s+not|doesn't|does\s+not|haven't|have\s+not|didn't|never)\s+(?:(?:really|actually|even|yet)\s+)?(?:have|got|own|collect(?:ed)?|label(?:l)?ed)(?:\s+any)?|lack(?:ing)?(?:\s+any)?|not\s+any)\s+(?:${LABELED}\s+)?(?:(?:q\s?&\s?a|qa|[a-z]+\/[a-z]+)\s+)?(?:(?:separate|extra|additional|other)\s+(?=(?:sft|supervised|demonstration|instruction)\b))?(?:(?:sft|supervised|demonstration|instruction)\s+)?(?:data(?:set)?|examples?|samples?|pairs?|labels?|annotations?)\b(?!\s+(?:leaves?|leaving|can|must|may|will|should|goes|go|is\s+allowed|privacy|retention|residency|science|scientists?|engineers?|people|persons?|folks|team|teams|analysts?|(?:to|into|in|on)\s+(?:the\s+|a\s+|any\s+)?(?:cloud|vendors?|outside|third|us\s+servers|external)|outside|off[\s-]?(?:site|prem\w*)|offsite|externally|sent|sharing|transfers?))`,
    String.raw`\bnothing\s+(?:is\s+)?label(?:l)?ed\b`,
    // "a few thousand, but nobody has labelled them".
    String.raw`\b(?:nobody|no\s?one)\s+(?:has\s+|have\s+|had\s+)?(?:ever\s+)?(?:label(?:l)?ed|tagged|annotated|categori[sz]ed)\s+(?:them|those|these|it|any(?:\s+of\s+(?:them|those|these))?)\b`,
    String.raw`\b(?:0|zero|no)\s+labels\b`,
    String.raw`\bnone\s+of\s+(?:them|it|these|those)\s+(?:is\s+|are\s+)?label(?:l)?ed\b`,
    String.raw`\bnone\s+(?:is|are)\s+(?:label(?:l)?ed|annotated)\b`,
    String.raw`\b(?:labeled|labelled|training)\s+data:\s*(?:none|zero|0|no)\b`,
  ].join('|'),
  'g',
);

const MAX_EXAMPLES = 1e9;

/**
 * Finds `labeledExamples`: a count next to example words ("20 examples", "300 pairs") or next to "labeled"
 * record words ("5k labeled tickets"), or 0 for "no labeled data". Vague amounts ("thousands of examples",
 * "a few") give nothing: no number is invented.
 */
/** What follows "one example" when it describes one example rather than counts the data set. */
const ONE_EXAMPLE_DESCRIBED =
  /^\s*(?:is|has|takes|contains|runs|averages|looks|=|:|\(|consists|comes\s+to|would\s+be|will\s+be|of\s+(?:them|those|these))\b|^\s*(?:is|=)/;

/** "label 5,000 contracts instead of 800": a count of labelled examples set against the one the team has. */
const LABEL_COUNT_INSTEAD_OF = new RegExp(
  `\\b(?:label|annotate|hand[\\s-]?label|tag)\\s+(${COUNT_SOURCE})\\s+(?:more\\s+)?(?:[\\w-]+\\s+){0,2}?[\\w-]+s\\s+instead\\s+of\\s+(?:the\\s+|our\\s+)?(?:${COUNT_SOURCE})\\b`,
  'g',
);
/** "could write maybe", "can probably label", "will annotate about": examples to be made, not examples at hand. */
export const FUTURE_PRODUCTION_BEFORE =
  /\b(?:could|can|would|will|might|may|plan\s+to|going\s+to|be\s+able\s+to|'d|'ll)\s+(?:probably\s+|maybe\s+|likely\s+|easily\s+|also\s+)?(?:write|label|annotate|collect|produce|create|make|generate|gather|hand[\s-]label|put\s+together)\b[^.;!?\n]{0,30}$/;
/** The same, anywhere earlier in the sentence (a duration said after the count belongs to the making). */
export const FUTURE_PRODUCTION_IN_SENTENCE = new RegExp(FUTURE_PRODUCTION_BEFORE.source.replace('{0,30}$', '{0,80}$'));

/** "a prompt with 3 examples", "the style guide in the prompt and 3 examples": a handful beside a prompt. */
const PROMPT_THEN_FEW =
  /\bprompt(?:s|ing|ed)?\b(?:[^.;,!?\n]|\.(?=\d)){0,60}(?:\+|\bwith\b|\bplus\b|\band\b)\s*(?:~|about\s+|like\s+|just\s+|only\s+|the\s+)?$/;
/** More than a handful: only "with", "+" or a prompt's own parts ("a schema and 25 examples") attach them to it. */
const PROMPT_THEN_EXAMPLES =
  /\bprompt(?:s|ing|ed)?\b(?:[^.;,!?\n]|\.(?=\d)){0,40}(?:\+|\bwith\b|\bplus\b|\b(?:schema|instructions|template|rules)\s+and\b)\s*(?:~|about\s+|like\s+|just\s+|only\s+)?$/;
/** Up to this many examples said beside a prompt with "and" are its demonstrations ("… and 3 examples"). */
const FEW_SHOT_BESIDE_A_PROMPT = 10;
/** Up to this many "few-shot examples" are the demonstrations of a prompt, not a dataset to train on. */
const MAX_PROMPT_DEMONSTRATIONS = 32;

/** Said per tenant or per client: "… each", "… per customer", "… for each of them". */
const PER_UNIT_AFTER =
  /^\s*(?:(?:texts?|items?|samples?|pieces?|ones)\s+)?(?:each|apiece|per\s+(?:tenant|client|customer|brand|user|account|store|team|language|character|title|game)|for\s+each\s+(?:one|of\s+them|tenant|client|customer))\b/;

/** "some attack classes have like 50 examples", "some classes have <50": a count per class, not the total. */
const PER_CLASS_BEFORE =
  /\b(?:(?:some|many|most|several|a\s+few|lots\s+of|a\s+lot\s+of|the\s+rare(?:st)?|rare|the\s+small(?:est)?)\s+(?:of\s+the\s+|of\s+our\s+)?(?:[\w-]+\s+)?(?:codes|intents|tags|levels|types)|classes|categories|labels|languages|tenants|customers|clients|(?:the\s+)?(?:rare(?:st)?|small(?:est)?)\s+ones|some(?:\s+of\s+them)?|a\s+few(?:\s+of\s+them)?)\s+(?:only\s+)?(?:have|has|get|got)\s+(?:only\s+|just\s+|like\s+|about\s+|around\s+|~\s*|barely\s+|maybe\s+)?(?:<\s*|<=\s*|less\s+than\s+|fewer\s+than\s+|under\s+|as\s+few\s+as\s+)?$/;

/** "…, each with roughly", "each of them has about": the count that follows is per unit. */
const PER_UNIT_BEFORE =
  /\beach\s+(?:(?:of\s+them|one)\s+)?(?:with|has|having|gets?)\s+(?:roughly\s+|about\s+|around\s+|~\s*|maybe\s+)?$|\bper\s+(?:tenant|client|customer|brand|user|account|store|team|language|character|title|game)\s*,?\s*(?:(?:we|they)\s+(?:have|got|'ve\s+got)\s+|there\s+(?:are|is)\s+)?(?:between\s+|roughly\s+|about\s+|around\s+|~\s*|maybe\s+)?$/;
/** The pseudo-field a per-tenant share travels under until extractProfile sets it aside. */
export const PER_UNIT_FIELD = 'perUnitExamples';
/** The unit of a share is a tenant, client, customer, brand, account or store (what `tasksCount` counts). */
const PER_TENANT_NEAR = /\b(?:per|each|every)\s+(?:tenant|client|customer|brand|account|store)\b/;
/** "60 tenants", "40 clients": how many units a per-unit count is for (the total is the count times them). */
const UNITS_IN_MESSAGE =
  /(?<!\b(?:top|first|last|bottom|largest|biggest|smallest|other|remaining|some|of)\s+)\b(\d{1,3}(?:,\d{3})*|\d+)\s+(?:tenants|clients|customers|brands|accounts|stores|teams|characters|personas|npcs)\b/;

/** "the better of", "one of", "between", "picked from": a handful counted as the options of a choice. */
const CHOICE_AMONG_BEFORE =
  /\b(?:(?:better|best|worse|worst|either|one|preferred|chosen)\s+of|between|among|from|pick(?:ed|s)?|choos(?:e|es|ing)|chose|rank(?:ed|s)?|compar(?:e|ed|es|ing))\s+(?:the\s+)?$/;

/** "…no examples in it", "…no examples inside the prompt": examples missing from a prompt, not from the team. */
/** "… into every prompt", "… per request": examples put into each prompt (few-shot shots). */
const SHOTS_IN_A_PROMPT_AFTER =
  /^[^.;!?\n]{0,70}?\b(?:into|in|to|per)\s+(?:every|each|the|our|a|the\s+system)\s+(?:prompts?|requests?|calls?|quer(?:y|ies))\b/;
const NOT_IN_THE_PROMPT =
  /^\s*(?:in|inside|within)\s+(?:it|them|the\s+prompt|our\s+prompt|the\s+system\s+prompt|there)\b/;

/** "(functions that) appear in maybe 2-3 examples", "show up in only 5 examples": occurrences of something else. */
const OCCURS_IN_BEFORE =
  /\b(?:appear\w*|show\w*\s+up|occur\w*|used|covered|seen|mentioned)\s+in\s+(?:only\s+|just\s+)?(?:maybe\s+|about\s+|around\s+|like\s+|roughly\s+)?$/;

export const extractLabeledData: Extractor = (message) => {
  const { lower } = message;
  const findings: Finding[] = [];
  for (const pattern of [
    COUNT_EXAMPLES,
    COUNT_LOGGED_OUTPUTS,
    COUNT_LABELED_KIND_OF_EXAMPLES,
    COUNT_RECORDS_EACH_A_PAIR,
    COUNT_PAIRED_RECORDS,
    COUNT_RECORDS_HAVE_WRITTEN_OUTPUT,
    COUNT_RECORDS_PLUS_OUTPUTS,
    COUNT_ROWS_OF_LABELED,
    COUNT_LABELED_RECORDS,
    COUNT_RECORDS_WITH_LABELS,
    COUNT_RECORDS_CORRECTED,
    TRAINED_ON_RECORDS,
    LABELED_RECORDS_COUNT_AFTER,
    RECORDS_COUNT_IN_BRACKETS_WITH_LABELS,
    WE_HAVE_COUNT_ONLY,
    COUNT_RECORDS_AND_HOW_ANSWERED,
    COUNT_RECORDS_WITH_BOTH,
    COUNT_SOMEONE_LABELED,
    COUNT_RECORDS_SOMEONE_WROTE,
    COUNT_RECORDS_PEOPLE_LIKED,
    PEOPLE_WROTE_COUNT_OUTPUTS,
    COUNT_RECORDS_WHERE_SOMEONE_WROTE,
    COUNT_OUTPUTS_WE_KEEP,
    COUNT_RECORDS_HAVE_RIGHT_LABEL,
    THE_COUNT_ARE_EXAMPLES,
    ROUGH_COUNT_SORTED,
    COUNT_RECORDS_NOTED_FOR_EACH,
    COUNT_RECORDS_PEOPLE_MARKED,
    COUNT_RECORDS_PEOPLE_FILLED,
    COUNT_RECORDS_ROUTED_BY_HAND,
    COUNT_RECORDS_BY_PEOPLE_AFTER,
    EXAMPLES_COUNT_OF_THEM,
    PEOPLE_LABELED_COUNT,
    PEOPLE_SORTED_COUNT,
    LABELED_ONES_ARE_COUNT,
    DENIED_THEN_COUNT,
    SOMEONE_TAGGED_OF_THEM,
    MODEL_LABELED_PEOPLE_CHECKED,
    COUNT_PEOPLE_MADE_EXAMPLES,
    COUNT_MARKED_RECORDS,
    COUNT_RECORDS_ARE_LABELED,
    COUNT_LABELED_BARE,
    LABELED_COUNT_AFTER,
    TOTAL_AFTER_EXAMPLES,
    TOTAL_IS,
    COUNT_LABELS_GATHERED,
    COUNT_LABELED_BY_HAND,
    COUNT_WE_CHECKED,
    CHECKED_PART_OF_COLLECTION,
    COUNT_LINES_OF_WRITING,
    COUNT_DIALOGUE_LINES,
    LINES_ARE_EXAMPLES,
    COUNT_REPLIES_BY_PEOPLE,
    COUNT_ROLE_RECORDS,
    COUNT_IMAGES_WITH_TEXT,
    COUNT_OUTPUTS_WITH_INPUTS,
    COUNT_RECORDS_AS_EXAMPLES,
    LABELED_THEN_COUNT,
    LABELED_RECORDS_THEN_COUNT,
    LABELED_COLON_COUNT,
    LABELED_VERB_COUNT,
  ]) {
    for (const match of allMatches(pattern, lower)) {
      const count = parseCount(match[1] ?? match[2] ?? match[3] ?? '');
      if (count === undefined || !Number.isInteger(count) || count > MAX_EXAMPLES) continue;
      // "our caseworkers could write maybe 300 summaries": examples that may be made later are not there yet.
      if (FUTURE_PRODUCTION_BEFORE.test(lower.slice(Math.max(0, match.index - 50), match.index))) continue;
      if (isNegatedBefore(lower, match.index, 12) && count !== 0) continue;
      // ("We'd need 800 contracts where a lawyer wrote the summary": examples wanted, not had.)
      if (
        /\b(?:need|needs|needed|would\s+need|'d\s+need|require|requires|want|wants)\s+(?:about\s+|around\s+|at\s+least\s+|maybe\s+)?$/.test(
          lower.slice(Math.max(0, match.index - 24), match.index),
        )
      )
        continue;
      // ("it's the length of ONE example's input": one example's size, not a count of them.)
      if (count === 1 && /^'s\b/.test(lower.slice(match.index + match[0].length))) continue;
      if (/\b(?:length|size)\s+(?:of|in|for)\s+$/.test(lower.slice(Math.max(0, match.index - 16), match.index)))
        continue;
      // "~10 few-shot examples", "5 examples in the prompt": demonstrations in a prompt, not a labelled dataset.
      const end = match.index + match[0].length;
      const inPrompt =
        ((/\bfew[\s-]?shot\b/.test(match[0]) ||
          /\bfew[\s-]?shot\s+(?:with|w\/|using|of)\s+(?:like\s+|about\s+|maybe\s+|~\s*|just\s+|only\s+)?$/.test(
            lower.slice(Math.max(0, match.index - 26), match.index),
          )) &&
          count <= MAX_PROMPT_DEMONSTRATIONS) ||
        /^\s*(?:[a-z-]+\s+)?(?:(?:pasted|put|stuffed|dropped|included)\s+)?(?:in|inside|into)\s+(?:the|our|each|every|a)\s+(?:system\s+)?(?:prompts?|context(?:\s+window)?)\b/.test(
          lower.slice(end, end + 40),
        ) ||
        // "prompting with 10 examples pasted in".
        (count <= MAX_PROMPT_DEMONSTRATIONS &&
          /^\s*(?:[a-z-]+\s+)?(?:pasted|put|stuffed|dropped)\s+in\b(?!\s+from\b)/.test(lower.slice(end, end + 30))) ||
        // "we tried GPT-4o with 5 examples and it plateaued": a handful a model was tried with, in its prompt.
        (count <= MAX_PROMPT_DEMONSTRATIONS &&
          /\b(?:tried|tested|prompted|ran|evaluated)\s+(?:(?!(?:a\s+)?(?:lora|qlora|fine[\s-]?tun\w*|finetun\w*|sft|adapters?|training|train\w*)\b)[\w.-]+\s+){0,3}?with\s+(?:like\s+|about\s+|just\s+|only\s+|~\s*)?$/.test(
            lower.slice(Math.max(0, match.index - 60), match.index),
          )) ||
        // "a long system prompt with the template + 3 examples": a handful added to a prompt.
        (count <= MAX_PROMPT_DEMONSTRATIONS &&
          (count <= FEW_SHOT_BESIDE_A_PROMPT ? PROMPT_THEN_FEW : PROMPT_THEN_EXAMPLES).test(
            lower.slice(Math.max(0, match.index - 90), match.index),
          ));
      if (inPrompt) continue;
      // "60 hours of calls that were hand-corrected": a duration of audio, not a count of examples.
      const digits = match[1] ?? match[2] ?? '';
      const afterCount = match.index + match[0].indexOf(digits) + digits.length;
      if (digits !== '' && /^\s*(?:hours?|hrs?|minutes?|mins?)\s+of\b/.test(lower.slice(afterCount, afterCount + 16)))
        continue;
      // "one example is about 1,900 tokens", "a single example has three parts": the unit being described.
      if (count === 1 && ONE_EXAMPLE_DESCRIBED.test(lower.slice(end, end + 40))) continue;
      if (OCCURS_IN_BEFORE.test(lower.slice(Math.max(0, match.index - 40), match.index))) continue;
      if (PER_CLASS_BEFORE.test(lower.slice(Math.max(0, match.index - 60), match.index))) continue;
      // "annotators picked the better of two tutor replies": the choice in each pair, no count of data.
      if (count <= 4 && CHOICE_AMONG_BEFORE.test(lower.slice(Math.max(0, match.index - 40), match.index))) continue;
      findings.push(findingFromMatch('labeledExamples', count, match));
    }
  }
  for (const match of allMatches(RANGE_EXAMPLES, lower)) {
    // "a lot of them appear in maybe 2-3 examples only": how often each item occurs, not the data's size.
    if (OCCURS_IN_BEFORE.test(lower.slice(Math.max(0, match.index - 40), match.index))) continue;
    if (PER_CLASS_BEFORE.test(lower.slice(Math.max(0, match.index - 60), match.index))) continue;
    const count = lowerEnd(match);
    if (count !== undefined && count <= MAX_EXAMPLES) findings.push(findingFromMatch('labeledExamples', count, match));
  }
  // ("What if we paid the paralegals to label 5,000 contracts instead of 800?": the count of labels weighed.)
  for (const match of allMatches(LABEL_COUNT_INSTEAD_OF, lower)) {
    const count = parseCount(match[1] ?? '');
    if (count !== undefined && count <= MAX_EXAMPLES) findings.push(findingFromMatch('labeledExamples', count, match));
  }
  // "a few hundred examples": a few is taken as three, a couple as two, several as three; examples that may be made
  // later are not there yet, and an exact count said beside it ("several thousand, roughly 6,500") wins.
  for (const match of allMatches(ROUGH_COUNT_EXAMPLES, lower)) {
    if (isNegatedBefore(lower, match.index, 12)) continue;
    if (FUTURE_PRODUCTION_BEFORE.test(lower.slice(Math.max(0, match.index - 50), match.index))) continue;
    if (findings.some((item) => Math.abs(item.start - match.index) < 80)) continue;
    const end = match.index + match[0].length;
    const exact = /^,?\s*(?:roughly|about|around|approximately|~)\s*(\d[\d,.]*\s?k?)\b/.exec(
      lower.slice(end, end + 30),
    );
    const stated = exact ? parseCount(exact[1] ?? '') : undefined;
    const times = /couple/.test(match[1] ?? '') ? 2 : 3;
    const value =
      stated !== undefined && Number.isInteger(stated) ? stated : times * (match[2] === 'thousand' ? 1000 : 100);
    findings.push(findingFromMatch('labeledExamples', value, match));
  }
  // "50-200 examples each" (per tenant, per client), "9 lines, each with a thousand tickets": a share, not the total.
  // With the tenants counted in the same message ("60 tenants … 150 to 400 per tenant"), the total is the share (its
  // lower end) times them.
  const units = UNITS_IN_MESSAGE.exec(lower);
  const unitCount = units ? Number((units[1] ?? '').replaceAll(',', '')) : undefined;
  for (let index = findings.length - 1; index >= 0; index--) {
    const item = findings[index] as Finding;
    // ("pasting 2-3 example contracts into every prompt": shots of a few-shot prompt, not the labelled set.)
    if (SHOTS_IN_A_PROMPT_AFTER.test(lower.slice(item.end, item.end + 90))) {
      findings.splice(index, 1);
      continue;
    }
    const perUnit =
      PER_UNIT_AFTER.test(lower.slice(item.end, item.end + 40)) ||
      PER_UNIT_BEFORE.test(lower.slice(Math.max(0, item.start - 60), item.start));
    if (perUnit || PER_CLASS_BEFORE.test(lower.slice(Math.max(0, item.start - 40), item.start))) {
      findings.splice(index, 1);
      if (perUnit && unitCount !== undefined && unitCount > 1 && typeof item.value === 'number')
        findings.push({ ...item, value: Math.min(MAX_EXAMPLES, item.value * unitCount) } as Finding);
      // No tenants counted here: the share is kept aside for a tenant count said earlier (extract/index.ts).
      else if (perUnit && unitCount === undefined && typeof item.value === 'number' && PER_TENANT_NEAR.test(lower))
        findings.push({ ...item, field: PER_UNIT_FIELD as never } as Finding);
    }
  }
  for (const match of allMatches(NO_LABELS, lower)) {
    // "a plain prompt with no examples in it": the prompt's contents, not the team's data; "'no examples' meant…":
    // the words quoted back.
    const end = match.index + match[0].length;
    if (
      NOT_IN_THE_PROMPT.test(lower.slice(end, end + 40)) ||
      /['"‘’“”]\s*$/.test(lower.slice(Math.max(0, match.index - 2), match.index))
    )
      continue;
    if (
      /\bprompts?\b[^.;!?\n]{0,40}$/.test(lower.slice(Math.max(0, match.index - 40), match.index)) &&
      /^\s*(?:in|inside)\b/.test(lower.slice(end, end + 10))
    )
      continue;
    // "no data has to stay in house", "no data leaves the building": where data may go, not how much there is.
    if (
      /^\s*(?:has|have|needs?|must|should|can|may|is|will|ever)?\s*(?:to\s+)?(?:not\s+)?(?:(?:stay|stays|remain)\s+(?:on|in|at|inside|within|local\w*|here)|leaves?\s+(?:the|our|its|this|their|any)|go(?:es)?\s+(?:to|outside|out|off|anywhere)|be\s+(?:sent|kept|stored|uploaded))\b/.test(
        lower.slice(end, end + 30),
      )
    )
      continue;
    findings.push(findingFromMatch('labeledExamples', 0, match));
  }
  for (const match of allMatches(ASKED_COUNT_IS_ALL, lower)) {
    const count = parseCount(match[1] ?? '');
    if (count !== undefined && Number.isInteger(count) && count > 0)
      findings.push(findingFromMatch('labeledExamples', count, match));
  }
  if (/\b(?:examples?|labels?|labell?ed|pairs?|samples?)\b/.test(lower))
    for (const match of allMatches(ONLY_SOME_GOOD, lower)) {
      // (Of the examples: the last thing counted before it is examples, not GPUs, a test or a model's outputs.)
      const before = lower.slice(Math.max(0, match.index - 120), match.index);
      const counted = [...before.matchAll(COUNTED_BEFORE_SHARE)].at(-1)?.[0] ?? '';
      if (!/^(?:examples?|labels?|labell?ed|pairs?|samples?|records?|rows?)$/.test(counted)) continue;
      const count = parseCount(match[1] ?? '');
      if (count !== undefined && Number.isInteger(count) && count > 0)
        findings.push(findingFromMatch('labeledExamples', count, match));
    }
  if (/\b(?:examples?|labels?|labell?ed|pairs?|samples?)\b/.test(lower))
    for (const match of allMatches(HAVE_NOW, lower)) {
      const count = parseCount(match[1] ?? '');
      if (count === undefined || !Number.isInteger(count) || count <= 0) continue;
      // A bare "we have 800." at a sentence's end counts examples only when the words just before name them, with
      // nothing else counted in between ("GPUs? We have 4. We'll label examples later" is no count of examples).
      if (!/\b(?:right\s+now|today|currently|so\s+far|at\s+the\s+moment|for\s+now)\b/.test(match[0])) {
        const before = lower.slice(Math.max(0, match.index - 100), match.index);
        const named = [...before.matchAll(/\b(?:examples?|labels?|labell?ed|pairs?|samples?)\b/g)].at(-1);
        if (named === undefined) continue;
        const between = before.slice((named.index ?? 0) + named[0].length);
        if (
          /\b(?:gpus?|cards?|engineers?|devs?|developers?|people|servers?|budget|nodes?|machines?)\b|\$/.test(between)
        )
          continue;
      }
      findings.push(findingFromMatch('labeledExamples', count, match));
    }
  // A total said beside per-group counts ("between 50 and 3000 per tenant (~400k total)") is the whole set.
  const total = [...allMatches(TOTAL_AFTER_EXAMPLES, lower), ...allMatches(TOTAL_IS, lower)]
    .map((match) => parseCount(match[1] ?? ''))
    .find((count) => count !== undefined);
  if (total !== undefined && findings.some((item) => item.value === total))
    return findings.filter((item) => item.value === total).slice(0, 1);
  return dropContained(findings);
};

/**
 * When one finding contains another, keep the longer one ("5k labeled tickets" over "tickets"). One pass over the
 * findings sorted by start (ends descending), tracking the furthest end seen so far: O(n log n), not O(n²).
 */
function dropContained(findings: Finding[]): Finding[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const dropped = new Set<Finding>();
  let furthestEnd = Number.NEGATIVE_INFINITY;
  let furthestStart = Number.POSITIVE_INFINITY;
  for (const candidate of sorted) {
    // An earlier finding starts at or before this one; it contains it and is longer when it ends later, or ends
    // at the same place but starts earlier.
    if (furthestEnd > candidate.end || (furthestEnd === candidate.end && furthestStart < candidate.start))
      dropped.add(candidate);
    if (candidate.end > furthestEnd) {
      furthestEnd = candidate.end;
      furthestStart = candidate.start;
    }
  }
  return findings.filter((candidate) => !dropped.has(candidate));
}
