/** @module Request volume: "10k requests a day", "1M calls/month" (÷ 30), "50 QPS" (× 86,400). */
import { APPROX_SOURCE, COUNT_SOURCE, parseCount, ROUGH_OF_SCALE } from '../numbers.ts';
import { allMatches, finding, findingFromMatch, sentenceAround } from '../prepare-message.ts';
import type { Extractor, Finding } from '../types.ts';

const REQUEST_NOUN = String.raw`(?:requests?|reqs?|reminders|notifications|headlines|bookings|appointments|enquiries|inquiries|verifications|checks|screenings|essays|exams|submissions|assignments|queries|query|calls?|api\s+calls|messages|conversations|chats|sessions|questions|tickets|emails|documents|docs|inferences|predictions|completions|generations|prompts|lookups|searches|transactions|txns?|interactions|classifications|claims|orders|invoices|images|photos|records|reviews|applications|complaints|cases|reports|leads|clauses|contracts|agreements|letters|files|alerts|summaries|transcripts|descriptions|listings|articles|posts|comments|notes|forms|texts|sms|translations|drafts|replies|responses|answers|outputs|sentences|segments|pages|frames|captions|scans|receipts|statements|chats|calls|items|tasks|jobs|prs|pull\s+requests|merge\s+requests|commits|utterances|recordings|clips|videos|episodes|hearings|interviews|lectures|meetings|leases|discharges|encounters|admissions|bookings|shipments|deliveries|(?:log\s+)?lines|log\s+entries|events|skus|sheets|datasheets|spec\s+sheets|products|product\s+pages)`;
const PERIOD = String.raw`(?:\/\s?|per\s+|a\s+|an\s+|each\s+|every\s+)(day|d|month|mo|hour|hr|h|week|wk|minute|min|second|sec|s|year|yr)\b|\b(daily|monthly|hourly|weekly|yearly|annually)\b`;
/** A volume's count, a rough one too: "a few hundred emails a week". */
const VOLUME_COUNT = `(?:${COUNT_SOURCE}|\\b${ROUGH_OF_SCALE}\\b)`;
/** "10k requests a day", "1M calls/month", "about 500 tickets per day", "50k incoming support emails per day". */
const VOLUME = new RegExp(
  `${APPROX_SOURCE}(${VOLUME_COUNT})\\s+(?:(?:user|customer|support|api|inbound|incoming|new|chat|search|model|llm|inference|email|phone|section|client|product|log)\\s+){0,2}(?:(?!(?:labell?ed|annotated|training|gold|verified|approved|historical|old|past|existing)\\s)[a-z]{3,15}(?:\\/[a-z]{3,15})?\\s+)?${REQUEST_NOUN}(?:\\s*(?:\\/|&|\\+|\\band\\b|\\bor\\b)\\s*${REQUEST_NOUN})?\\s*(?:${PERIOD})`,
  'g',
);
/**
 * "3-5k clauses a day", "three to five thousand a day", "between 2k and 4k calls a day": a range, read at its midpoint
 * (the volume to expect on an ordinary day). A multiplier said once ("3-5k") applies to both ends.
 */
const RANGE_DIGITS = String.raw`(?<![\w.,$€£-])\d+(?:[.,]\d+)?\s?(?:k|thousand|m|million)?`;
const RANGE_VOLUME = new RegExp(
  `(between\\s+)?(${RANGE_DIGITS}|${COUNT_SOURCE})\\s*(-|–|to|and)\\s*${APPROX_SOURCE}(\\d+(?:[.,]\\d+)?\\s?(?:k|thousand|m|million)?|${COUNT_SOURCE})\\s+(?:(?:new|incoming)\\s+)?(?:(?:[a-z]{3,15}\\s+)?${REQUEST_NOUN}\\s+)?(?:${PERIOD})`,
  'g',
);
/** A count of work and its period: "clauses a day". */
const NOUN_THEN_PERIOD = new RegExp(`\\b${REQUEST_NOUN}\\s+(?:${PERIOD})`);
/** Money said in a sentence: a bare range there is an amount, not a volume. */
const MONEY_WORDS =
  /[$€£₹¥]|\b(?:bill|budget|spend|spending|cost|costs|pay|paying|usd|eur|dollars?|euros?|pounds|rupees?|inr|lakh)\b/;
/** The scale a multiplier word or letter gives ("5k" → 1,000), for the end of a range said without one ("3-5k"). */
function scaleOf(said: string): number {
  return /(?:m|million)$/.test(said.trim()) ? 1e6 : /(?:k|thousand)$/.test(said.trim()) ? 1e3 : 1;
}
/** "… is the quiet season", "… in the off-season", "… on slow days": a volume below the one to size for. */
const OFF_SEASON_AFTER =
  /^[^.;!?\n]{0,20}\b(?:quiet|low|off|slow|dead)[\s-](?:season|months?|periods?|days|weeks|time)\b/;
/** "3k invoices and 1k receipts per day": two counts of work sharing one period. */
const TWO_COUNTS_ONE_PERIOD = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:[a-z-]+\\s+)?${REQUEST_NOUN}\\s*(?:,\\s*)?(?:and|&|plus|\\+)\\s+${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:[a-z-]+\\s+)?${REQUEST_NOUN}\\s*(?:${PERIOD})`,
  'g',
);
/** "requests per day is 1500, not 8000", "calls a day: about 3k": the volume named, then its figure. */
const NAMED_VOLUME = new RegExp(
  `\\b(?:requests?|calls?|queries|messages|volume)\\s+(?:per|a)\\s+day\\s*(?:is|are|=|:|of)\\s*(?:about\\s+|around\\s+|roughly\\s+|~\\s*)?(${COUNT_SOURCE})`,
  'g',
);
/** "we classify about 3,000 new judgments a day": the work done on a count of things a day. */
const WORK_ON_VOLUME = new RegExp(
  `\\b(?:classify|process|handle|receive|get|translate|summari[sz]e|extract|route|tag|review|score|grade|moderate|transcribe|answer|generate|write)\\s+${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:new\\s+|incoming\\s+)?[a-z]+s\\s+(?:a|per|each|every)\\s+(day|week|month)\\b`,
  'g',
);
/** "every day we get ~5000 delivery documents", "each month we receive about 40k claims". */
const PERIOD_THEN_VOLUME = new RegExp(
  `\\b(?:every|each|per|a)\\s+(day|week|month|hour)(?:\\s*,)?\\s+(?:we|they|customers|users|people)\\s+(?:get|receive|handle|process|see|send|answer)\\s+${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:[a-z-]+\\s+){0,2}?${REQUEST_NOUN}\\b`,
  'g',
);
/**
 * "volume is about 500 per day", "volume: 3k a month", "requests? maybe 300 a day" (the question said back, then its
 * answer): the volume named, its figure and period.
 */
const VOLUME_IS = new RegExp(
  `\\b(?:volume\\s*(?:(?:is|=|:|of|'s)\\s*)?|(?:requests?|queries|calls|traffic|volume)\\s*\\?\\s*)(?:about\\s+|around\\s+|roughly\\s+|~\\s*|maybe\\s+|like\\s+)?(${COUNT_SOURCE})\\s*(?:${PERIOD})`,
  'g',
);
/** "around 5k per day", "~300 a day", "…with GPT-4o mini, 200k a day": a daily count with no noun. */
const BARE_DAILY = new RegExp(
  `(?:around|about|roughly|~|on\\s+average(?:\\s+maybe)?|(?<=[,;]\\s?))\\s*(${COUNT_SOURCE})\\s*(?:(?:per|a|each)\\s+day\\b|\\/\\s?day\\b)`,
  'g',
);
/** "Daily around 2 lakh requests come": "daily" first, then the count of requests. */
const DAILY_FIRST = new RegExp(
  `\\bdaily\\s+(?:about\\s+|around\\s+|roughly\\s+|~\\s*|some\\s+)?(${COUNT_SOURCE})\\s+(?:requests?|calls?|queries|messages|tickets|emails|documents|transactions)\\b`,
  'g',
);
/** "we run 3,000 a day", "we handle maybe 800 a day": the team's own daily count of its work, with no noun. */
const WE_DO_DAILY = new RegExp(
  `\\bwe\\s+(?:run|do|handle|process|get|serve|see|send|receive|generate|answer|review|write|code|classify|tag|triage|route|translate|summari[sz]e|transcribe|label)\\s+(?:about\\s+|around\\s+|roughly\\s+|~\\s*|maybe\\s+|like\\s+|some\\s+)?(${COUNT_SOURCE})\\s+(?:per|a|each)\\s+day\\b`,
  'g',
);
/** Verbs of the work a daily count may count: "we generate …", "we process …". */
const WORK_VERB =
  /\b(?:generat\w*|draft\w*|publish\w*|process\w*|handl\w*|receiv\w*|writ\w*|translat\w*|classif\w*|extract\w*|rout\w*|scor\w*|review\w*|answer\w*|summari[sz]\w*|transcrib\w*|tag\w*)\b/;
/** "50 QPS", "20 req/s", "100 requests per second" (the noun form is covered by VOLUME). */
const RATE = new RegExp(`(${COUNT_SOURCE})\\s*(?:qps|rps|req\\/s|requests\\/s|queries\\s+per\\s+second)\\b`, 'g');

const PER_DAY: Readonly<Record<string, number>> = {
  day: 1,
  d: 1,
  daily: 1,
  month: 1 / 30,
  mo: 1 / 30,
  monthly: 1 / 30,
  hour: 24,
  hr: 24,
  h: 24,
  hourly: 24,
  week: 1 / 7,
  wk: 1 / 7,
  weekly: 1 / 7,
  minute: 1440,
  min: 1440,
  second: 86_400,
  sec: 86_400,
  s: 86_400,
  year: 1 / 365,
  yr: 1 / 365,
  yearly: 1 / 365,
  annually: 1 / 365,
};

/** "we do about 3 million of those a month", "we handle ~500 of them a day": the work said before, counted. */
const COUNT_OF_THOSE = new RegExp(
  `\\b(?:we|they|users|customers|clients|agents|adjusters|people)\\s(?:do|get|process|handle|see|receive|run|make|send|file|upload|submit)\\s${APPROX_SOURCE}(${COUNT_SOURCE})\\sof\\s(?:those|them|these)\\s(?:${PERIOD})`,
  'g',
);

/** "I said 2M a day earlier, it's more like 200k": a volume said before, corrected in the same unit. */
const SAID_VOLUME_NOW = new RegExp(
  `\\b(?:i|we)\\s+(?:said|told\\s+you|wrote)\\s+(?:${COUNT_SOURCE})\\s+(?:requests?\\s+|calls?\\s+|queries\\s+)?(?:a|per)\\s+(day|week|month)\\b[^.;!?\\n]{0,30}?\\b(?:it's|its|it\\s+is|that's)\\s+(?:more\\s+like|closer\\s+to|actually|really|only)\\s+(${COUNT_SOURCE})`,
  'g',
);
/** "800 is per week, not per day", "the 3k was a month, not a day": a count's period corrected (groups: count, period). */
const PERIOD_CORRECTED = new RegExp(
  `(?<![\\w.,$€£-])(${COUNT_SOURCE})\\s+(?:(?:is|was|are|were)\\s+)?(?:per|a|each|every)\\s+(week|month)\\s*,?\\s*(?:and\\s+)?not\\s+(?:per|a|each|every)\\s+day\\b`,
  'g',
);
/** "we sell …", "we ship about …": the products counted after it are goods, not the model's work. */
const SOLD_BEFORE =
  /\b(?:sell|sells|sold|selling|ship|ships|shipped|stock|carry|manufacture|make|buy|order)\s+(?:about\s+|around\s+|roughly\s+|over\s+|~\s*)?$/;
/** Finds `requestsPerDay`; other periods are converted (a month is 30 days, a year 365). */
/** "but only 5k of those are the messy ones that would go to the AI": the share of a volume the model gets. */
const ONLY_SHARE_TO_MODEL = new RegExp(
  `\\bonly\\s+(?:about\\s+|around\\s+|roughly\\s+|~\\s*)?(${COUNT_SOURCE})\\s+of\\s+(?:those|them|these)\\b[^.;!?\\n]{0,60}?\\b(?:go|goes|would\\s+go|get\\s+sent|gets\\s+sent|are\\s+sent|would\\s+be\\s+sent|hit|reach)\\s+(?:to|through)\\s+(?:the\\s+|an?\\s+)?(?:ai|model|llm|bot|assistant|gpt)\\b`,
  'g',
);
/** ", plus maybe 50 insurance questions" (no period of its own): more work said right after a volume. */
const PLUS_MORE_AFTER = new RegExp(
  `^[^.;!?\\n]{0,40}?\\s(?:plus|and\\s+also|and)\\s+(?:maybe\\s+|about\\s+|around\\s+|roughly\\s+|another\\s+|~\\s*)?(${COUNT_SOURCE})\\s+(?:[a-z-]+\\s+){0,2}?${REQUEST_NOUN}\\b(?!\\s*(?:${PERIOD}))`,
);
/** A reply that opens by repeating what was asked: "requests? …", "volume: …". */
const VOLUME_ECHOED = /^\W*(?:requests?|volume|traffic|calls|queries|load)\b\s*[?:]/;
/** A volume said of another time: "… after the launch", "… in December", "… at peak", "… next year". */
const AT_ANOTHER_TIME =
  /^\s*(?:after|before|during|once|until|till|later|soon|eventually|(?:next|this|last)\s+(?:year|month|quarter|season|summer|winter|spring|autumn|fall|week)|at\s+(?:peak|the\s+peak|launch)|in\s+(?:january|february|march|april|may|june|july|august|september|october|november|december|summer|winter|spring|autumn|the\s+fall|q[1-4]|(?:19|20)\d\d|(?:the\s+)?(?:busy|peak|high|holiday)\s+season|peak)|by\s+(?:the\s+end|(?:19|20)\d\d|next))\b/;
/** Nothing but a conjunction between two volumes: "… a day and 30 tax questions a day". */
const JOINED_WORKLOADS = /^\s*(?:,\s*)?(?:and|plus|\+|&)\s*$/;

export const extractVolume: Extractor = (message) => {
  const { lower } = message;
  const findings: Finding[] = [];
  for (const match of allMatches(SAID_VOLUME_NOW, lower)) {
    const count = parseCount(match[2] ?? '');
    const factor = PER_DAY[match[1] ?? ''];
    if (count !== undefined && factor !== undefined)
      findings.push(findingFromMatch('requestsPerDay', roundVolume(count * factor), match));
  }
  // "wait sorry, 800 is per week, not per day": a volume said before, its period corrected.
  for (const match of allMatches(PERIOD_CORRECTED, lower)) {
    const count = parseCount(match[1] ?? '');
    const factor = PER_DAY[match[2] ?? ''];
    if (count !== undefined && count >= 1 && factor !== undefined)
      findings.push(findingFromMatch('requestsPerDay', roundVolume(count * factor), match));
  }
  const ranges: { start: number; end: number }[] = [];
  for (const match of allMatches(RANGE_VOLUME, lower)) {
    // ("three hundred and fifty thousand" is one number: "and" joins a range only after "between".)
    if (match[3] === 'and' && match[1] === undefined) continue;
    const upper = parseCount(match[4] ?? '');
    const said = parseCount(match[2] ?? '');
    const factor = PER_DAY[match[5] ?? match[6] ?? ''];
    if (upper === undefined || said === undefined || factor === undefined) continue;
    // A range with no work named ("40-50k a month") is money as often as traffic: only a daily one, with no money said
    // in its sentence, is read as the volume ("three to five THOUSAND a day").
    const bare = !NOUN_THEN_PERIOD.test(match[0]);
    if (bare && (factor !== 1 || MONEY_WORDS.test(sentenceAround(lower, match.index, 160)))) continue;
    // "3-5k": the lower end takes the upper end's multiplier when it has none of its own.
    const lowerEnd =
      scaleOf(match[2] ?? '') === 1 && said * scaleOf(match[4] ?? '') <= upper ? said * scaleOf(match[4] ?? '') : said;
    // ("20 to 30 minutes a day" is time, not a volume: the noun or a plain count must come before the period.)
    if (
      /\b(?:minutes?|hours?|mins?|hrs?|seconds?|secs?|days?|weeks?|months?|gb|tokens?|usd|dollars?|euros?)\s+(?:\/\s?|per\s+|a\s+|an\s+|each\s+|every\s+)/.test(
        match[0],
      )
    )
      continue;
    ranges.push({ start: match.index, end: match.index + match[0].length });
    // ("We went from 1k to 5k requests a day": growth says where the volume is now, its upper end.)
    const growth = /\bfrom\s+$/.test(lower.slice(Math.max(0, match.index - 6), match.index));
    findings.push(
      findingFromMatch('requestsPerDay', roundVolume((growth ? upper : (lowerEnd + upper) / 2) * factor), match),
    );
  }
  const singles: { item: Finding; factor: number }[] = [];
  for (const match of allMatches(VOLUME, lower)) {
    if (ranges.some((range) => range.start <= match.index && match.index < range.end)) continue;
    const count = parseCount(match[1] ?? '');
    const factor = PER_DAY[match[2] ?? match[3] ?? ''];
    if (count === undefined || factor === undefined) continue;
    // "peaks of 200 requests per minute during business hours": a peak rate, not the daily volume (times a day).
    if (
      factor > 1 &&
      /\bpeaks?\s+(?:is\s+|are\s+|of\s+|at\s+)?(?:about\s+|around\s+|roughly\s+|~\s*)?$/.test(
        lower.slice(Math.max(0, match.index - 20), match.index),
      )
    )
      continue;
    // "we sell 300 products a month": goods sold, not work for the model.
    if (/\bproducts?\b/.test(match[0]) && SOLD_BEFORE.test(lower.slice(Math.max(0, match.index - 30), match.index)))
      continue;
    // "8k conversations a day, avg 4 turns": every turn is a call to the model.
    const end = match.index + match[0].length;
    const after = lower.slice(end, end + 80);
    const turns = CONVERSATION_NOUN.test(match[0]) ? (TURNS_AFTER.exec(after) ?? TURNS_EACH.exec(after)) : null;
    const perConversation = turns ? Number(turns[1]) : 1;
    const multiplier = perConversation >= 1 && perConversation <= 100 ? perConversation : 1;
    // "60 a day is the quiet season … closer to 600 at the peak": the quiet figure is not the one to size for.
    if (OFF_SEASON_AFTER.test(after)) continue;
    findings.push(findingFromMatch('requestsPerDay', roundVolume(count * factor * multiplier), match));
    singles.push({ item: findings[findings.length - 1] as Finding, factor });
  }
  // "about 400 reminders a day across all the clinics, plus maybe 50 insurance questions": more of another kind of work
  // in the same period, added (the longer span wins).
  for (const { item, factor } of singles) {
    const more = PLUS_MORE_AFTER.exec(lower.slice(item.end, item.end + 90));
    const count = more ? parseCount(more[1] ?? '') : undefined;
    if (more && count !== undefined)
      findings.push(
        finding(
          'requestsPerDay',
          roundVolume((item.value as number) + count * factor),
          item.start,
          item.end + more[0].length,
        ),
      );
  }
  // "half a million tracking lookups a day but only 5k of those … would go to the AI": the share the model serves, in
  // the same period (spanning the whole, so it wins).
  for (const match of allMatches(ONLY_SHARE_TO_MODEL, lower)) {
    const share = parseCount(match[1] ?? '');
    const whole = singles.filter(({ item }) => item.end <= match.index).at(-1);
    if (share === undefined || whole === undefined || /[.!?\n]/.test(lower.slice(whole.item.end, match.index)))
      continue;
    if (share >= (whole.item.value as number) / whole.factor) continue;
    findings.push(
      finding('requestsPerDay', roundVolume(share * whole.factor), whole.item.start, match.index + match[0].length),
    );
  }
  // "150 receipts a day and 30 tax questions a day": two workloads, each with its period, served by the same model:
  // summed (the longer span wins). (Not "2k a day and 60k a month": one volume said twice, per another period.)
  for (const [index, { item: first, factor }] of singles.entries()) {
    const next = singles[index + 1];
    // (Not "200 a day and 2,000 a day after the launch", "… and 600 a day in December": one workload at two times.)
    if (
      next &&
      next.factor === factor &&
      JOINED_WORKLOADS.test(lower.slice(first.end, next.item.start)) &&
      !AT_ANOTHER_TIME.test(lower.slice(next.item.end, next.item.end + 40))
    )
      findings.push(
        finding(
          'requestsPerDay',
          roundVolume((first.value as number) + (next.item.value as number)),
          first.start,
          next.item.end,
        ),
      );
  }
  // "3k invoices and 1k receipts per day": two kinds of work in one period, summed (the longer span wins).
  for (const match of allMatches(TWO_COUNTS_ONE_PERIOD, lower)) {
    const first = parseCount(match[1] ?? '');
    const second = parseCount(match[2] ?? '');
    const factor = PER_DAY[match[3] ?? match[4] ?? ''];
    if (first !== undefined && second !== undefined && factor !== undefined)
      findings.push(findingFromMatch('requestsPerDay', roundVolume((first + second) * factor), match));
  }
  // Fallbacks, in order, while nothing is found: each match read as (count, period).
  const fallbacks: readonly (readonly [RegExp, (match: RegExpExecArray) => readonly [string?, string?]])[] = [
    [WORK_ON_VOLUME, (match) => [match[1], match[2]]],
    // "every day we get ~5000 delivery documents": the period said first, then what arrives in it.
    [PERIOD_THEN_VOLUME, (match) => [match[2], match[1]]],
    [VOLUME_IS, (match) => [match[1], match[2] ?? match[3]]],
    // "adjusters upload photos … we do about 3 million of those a month": the work just described, counted.
    // (Only a volume's size: "we do about 4 of those a month" counts fine-tunes, not traffic.)
    [COUNT_OF_THOSE, (match) => ((parseCount(match[1] ?? '') ?? 0) >= 100 ? [match[1], match[2] ?? match[3]] : [])],
  ];
  for (const [pattern, read] of fallbacks) {
    if (findings.length > 0) break;
    for (const match of allMatches(pattern, lower)) {
      const [amount, period] = read(match);
      const count = parseCount(amount ?? '');
      const factor = PER_DAY[period ?? ''];
      if (count !== undefined && factor !== undefined)
        findings.push(findingFromMatch('requestsPerDay', roundVolume(count * factor), match));
    }
  }
  // "we generate product descriptions …, around 5k per day": a bare daily count beside the work it counts.
  if (findings.length === 0)
    for (const match of allMatches(BARE_DAILY, lower)) {
      const sentence = lower.slice(Math.max(0, match.index - 120), match.index);
      // ("on average maybe 30k a day" says it is the volume by itself.)
      // ("volume correction: it's about 2k a day" names the volume before it.)
      const before = sentence.split(/[.!?\n]/).pop() ?? '';
      // ("requests? no clue honestly, a couple hundred a day maybe?": the volume asked, echoed first.)
      if (
        !match[0].startsWith('on average') &&
        !WORK_VERB.test(before) &&
        !/\bvolume\b/.test(before) &&
        !VOLUME_ECHOED.test(lower)
      )
        continue;
      const count = parseCount(match[1] ?? '');
      if (count !== undefined && count >= 10)
        findings.push(findingFromMatch('requestsPerDay', roundVolume(count), match));
    }
  if (findings.length === 0)
    for (const match of allMatches(DAILY_FIRST, lower)) {
      const count = parseCount(match[1] ?? '');
      if (count !== undefined && count >= 10)
        findings.push(findingFromMatch('requestsPerDay', roundVolume(count), match));
    }
  if (findings.length === 0)
    for (const match of allMatches(WE_DO_DAILY, lower)) {
      const count = parseCount(match[1] ?? '');
      if (count !== undefined && count >= 10)
        findings.push(findingFromMatch('requestsPerDay', roundVolume(count), match));
    }
  // "peak is 10k an hour, over a whole day it's maybe 120k total": the day's total.
  for (const match of allMatches(DAY_TOTAL, lower)) {
    const count = parseCount(match[1] ?? '');
    if (count !== undefined && count >= 10)
      findings.push(findingFromMatch('requestsPerDay', roundVolume(count), match));
  }
  for (const match of allMatches(NAMED_VOLUME, lower)) {
    const count = parseCount(match[1] ?? '');
    if (count !== undefined && count > 0) findings.push(findingFromMatch('requestsPerDay', roundVolume(count), match));
  }
  // "half a million requests a day. no, thats peak, a normal day is more like 200k": the ordinary day's volume, not the
  // peak said beside it.
  // (Or on its own, against a peak said before: "no, that's peak. a normal day is more like 200k".)
  if (findings.length > 0 || /\bpeak\b/.test(lower))
    for (const match of allMatches(NORMAL_DAY, lower)) {
      const count = parseCount(match[1] ?? '');
      if (count === undefined || count < 10) continue;
      for (const item of findings.filter((other) => other.field === 'requestsPerDay'))
        findings.splice(findings.indexOf(item), 1);
      findings.push(findingFromMatch('requestsPerDay', roundVolume(count), match));
    }
  for (const match of allMatches(RATE, lower)) {
    const count = parseCount(match[1] ?? '');
    if (count !== undefined) findings.push(findingFromMatch('requestsPerDay', count * 86_400, match));
  }
  // "the wiki grows by 200 pages a week", "we add about 50 docs a day": documents added, not requests served.
  return findings.filter(
    (item) =>
      !/\b(?:grows?|growing|grew)\s+(?:by\s+)?(?:about\s+|around\s+|roughly\s+|~\s*)?$|\b(?:we|they|i)\s+(?:add|added)\s+(?:about\s+|around\s+|roughly\s+|another\s+|~\s*)?$/.test(
        lower.slice(Math.max(0, item.start - 24), item.start),
      ),
  );
};

const NORMAL_DAY = new RegExp(
  `\\b(?:a|on\\s+a|an)\\s+(?:normal|typical|average|regular|usual|ordinary)\\s+day\\s+(?:is|has|sees|gets|it's|its|we\\s+(?:get|see|do))\\s+(?:more\\s+like\\s+|about\\s+|around\\s+|roughly\\s+|like\\s+|maybe\\s+|~\\s*)?(${COUNT_SOURCE})(?=\\s*(?:requests?|calls?|queries|messages|tickets|chats|a\\s+day|per\\s+day)?\\s*(?:[.,;!?)]|$))`,
  'g',
);
const DAY_TOTAL = new RegExp(
  `\\b(?:over|in|across)\\s+a\\s+(?:whole\\s+|full\\s+|normal\\s+)?day\\b[^.;!?\\n]{0,20}?\\b(${COUNT_SOURCE})\\s*(?:requests?\\s+|calls?\\s+|queries\\s+)?(?:total|in\\s+total|overall|altogether)\\b`,
  'g',
);

/** Units of a conversation, each made of several calls to the model. */
const CONVERSATION_NOUN = /\b(?:conversations|chats|sessions|dialogues|dialogs|threads)\b/;
/** "…, avg 4 turns", "with about 6 messages each", "(3 turns on average)": calls per conversation. */
const TURNS_AFTER =
  /^[\s,;(-]*(?:with\s+|and\s+)?(?:an?\s+)?(?:avg\.?|average(?:\s+of)?|about|around|roughly|~|typically|usually|maybe)?\s*(\d+(?:\.\d+)?)\s+(?:turns?|messages?|exchanges?|questions?|calls?|back[\s-]and[\s-]forths?)\b(?!\s+(?:a|per)\s+(?:day|month|week))/;

/**
 * "…, avg maybe 5 turns each", "and each one is like 8 back-and-forths", "each about 6 messages", "x 6 turns": calls
 * per conversation said further on in the sentence, after a word that makes it a per-conversation figure.
 */
const TURNS_EACH =
  /^[^.;!?\n]{0,40}?(?:\beach(?:\s+one|\s+of\s+them|\s+conversation|\s+session|\s+chat)?(?:\s+(?:is|has|with|averages?|runs?|takes?|being))?|\bavg\.?|\baverage(?:\s+of)?|\bon\s+average|\bper\s+(?:conversation|session|chat)\s+(?:is\s+)?|(?:^|\s)(?:x|×)|\btimes)\s+(?:(?:like|about|around|roughly|~|maybe|typically|usually|approx\.?)\s*)*(\d+(?:\.\d+)?)\s+(?:turns?|messages?|exchanges?|questions?|calls?|back[\s-]and[\s-]forths?|model\s+calls)\b(?!\s+(?:a|per)\s+(?:day|month|week))(?!\s+(?:are|is|were|was|about|on|for|of|concern|relate)\b)/;

/** Keeps volumes readable: whole requests above 10 a day, two decimals below. */
function roundVolume(value: number): number {
  return value >= 10 ? Math.round(value) : Math.round(value * 100) / 100;
}
