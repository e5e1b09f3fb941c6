/**
 * @module How often the needed knowledge changes: "docs change weekly", "updated daily", "static knowledge",
 * "rarely changes", and a bare "weekly" ("correction: weekly").
 */
import type { CHANGE_FREQUENCIES } from '../../../profile/profile-schema.ts';
import { allMatches, findingFromMatch, isNegatedBefore } from '../prepare-message.ts';
import type { Extractor, Finding } from '../types.ts';

export type ChangeFrequency = (typeof CHANGE_FREQUENCIES)[number];

/** Frequency phrases, each with the enum value it means. Checked in order; the first match wins. */
const FREQUENCIES: readonly (readonly [RegExp, ChangeFrequency])[] = [
  [
    /\b(?:(?:\d+\s*(?:-|–|to|or)\s*)?(?:\d+|two|three|four|five)\s+times\s+(?:a|per)\s+week|every\s+other\s+week|bi-?weekly|fortnightly|every\s+(?:two|2|couple(?:\s+of)?)\s+weeks|a\s+few\s+times\s+a\s+week|(?:once|twice)\s+a\s+week|every\s+week|each\s+week|most\s+weeks|weekly|every\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b/,
    'weekly',
  ],
  [
    /\b(?:every\s+few\s+weeks|(?:once|twice)\s+a\s+month|every\s+month(?:\s+or\s+so)?|each\s+month|monthly)\b/,
    'monthly',
  ],
  [
    /\b(?:(?:\d+\s*(?:-|–|to|or)\s*)?(?:\d+|two|three|four|five)\s+times\s+(?:a|per)\s+day|daily|(?:every|evry)\s+(?:single\s+)?day|each\s+day|every\s+morning|every\s+night|nightly|hourly|every\s+hour|every\s+few\s+hours|(?:several|many|multiple)\s+times\s+a\s+day|constantly|continuously|all\s+the\s+time|in\s+real[\s-]?time|by\s+the\s+minute|every\s+minute|every\s+(?:few|couple(?:\s+of)?|\d+|ten|five|fifteen|thirty)\s+minutes)\b/,
    'daily',
  ],
  [
    /\b(?:quarterly|every\s+quarter|yearly|annually|every\s+(?:single\s+)?year|each\s+year|every\s+(?:few|couple\s+of|two|2)\s+years|(?:once|twice|once\s+or\s+twice)\s+a\s+year|a\s+(?:few|couple(?:\s+of)?)\s+times\s+a\s+year|(?:maybe\s+|about\s+|around\s+|like\s+)?(?:[1-6]|one|two|three|four|five|six)(?:\s*(?:-|–|to|or)\s*(?:[2-6]|two|three|four|five|six))?\s+times\s+(?:a|per|each)\s+year|every\s+few\s+months|every\s+(?:six|6|three|3)\s+months|rarely|seldom|hardly\s+ever|almost\s+never|infrequently|not\s+(?:that\s+|very\s+)?often|not\s+much|stable)\b/,
    'rarely',
  ],
  [
    /\b(?:never|static|fixed|frozen|unchanging|(?:doesn'?t|does\s+not|don'?t|do\s+not|won'?t)\s+(?:ever\s+)?change)\b/,
    'never',
  ],
];
const FREQUENCY_SOURCE = FREQUENCIES.map(([pattern]) => pattern.source.slice(2, -2)).join('|');

/** The frequency a phrase names, if any ("every week" → weekly). */
export function frequencyOf(phrase: string): ChangeFrequency | undefined {
  for (const [pattern, frequency] of FREQUENCIES) if (pattern.test(phrase)) return frequency;
  return undefined;
}

const KNOWLEDGE_NOUN = String.raw`(?:docs|documents|literature|papers|documentation|knowledge(?:\s?base)?|kb|wiki|content|policies|policy|catalog(?:ue)?|prices|pricing|price\s+list|product\s+(?:info|information|data|specs)|products|inventory|faqs?|articles|information|info|data|regulations|rules|guidelines|procedures|manuals|specs|menu|schedules?|rates|laws|it|they|that|stuff|facts|source\s+material|corpus|lore|canon|recipes|(?:allergen\s+|spread)?sheets|ingredients|opening\s+hours|timetables?|offers|promotions|memos|plan\s+documents|plans)`;
const CHANGE_VERB = String.raw`(?:chang(?:e|es|ed|ing)|amend(?:s|ed|ing)?|chnag(?:e|es|ed|ing)|cahng(?:e|es|ed|ing)|updat(?:e|es|ed|ing)|refresh(?:es|ed|ing)?|evolv(?:e|es|ing)|mov(?:e|es|ing)|get\s+(?:updated|refreshed|revised|edited)|gets\s+(?:updated|refreshed|revised|edited)|(?:is|are)\s+edited|revis(?:e|ed|es|ing)|republish(?:ed)?|(?:get|gets|have|has)\s+(?:a\s+)?new\s+(?:release|version|edition)s?|turn(?:s)?\s+over|rotat(?:e|es|ed)|edit(?:s|ed)?\s+(?:it|them))`;

/** Nouns that can be "static" or "fixed" as knowledge (not "fixed prices"). */
const STABLE_NOUN = String.raw`(?:knowledge(?:\s?base)?|content|docs|documents|documentation|corpus|kb|information|info|data|policies|manuals|faqs?|reference\s+material|source\s+material|archive|collection|catalog(?:ue)?)`;

/** "docs change weekly", "our policies are updated every month", "prices change constantly". */
const NOUN_VERB_FREQUENCY = new RegExp(
  `\\b${KNOWLEDGE_NOUN}\\b[^.;!?\\n]{0,30}?\\b${CHANGE_VERB}\\b(?:\\s+(?:with|after|on)\\s+(?:every|each)\\s+[\\w-]+(?:\\s+[\\w-]+)?,?)?(?:\\s+(?:when|whenever|as|if)\\s+[^.;!?\\n,]{1,40}(?:,(?=\\s+(?:maybe|probably|about|roughly|around|like|usually|typically|so)\\b))?)?(?:\\s+(?:about|roughly|around|like|maybe|probably|only|just|at\\s+least|pretty\\s+much|basically|almost|mostly|much|often|very|quite))*\\s+(${FREQUENCY_SOURCE})\\b`,
  'g',
);
/** "we update pricing and stock info daily", "the team revises the policies every month": the team changes it. */
const TEAM_UPDATES_FREQUENCY = new RegExp(
  `\\b(?:we|they|i|editors|the\\s+team|our\\s+team)\\s+(?:update|revise|refresh|change|edit|rewrite|republish)\\s+(?:our\\s+|the\\s+|all\\s+|its\\s+)?(?!(?:[\\w-]+\\s+){0,2}?(?:training|fine[\\s-]?tuning|eval|evaluation|test|labell?ed|prompts?)\\b)(?:[\\w-]+\\s+){0,2}?${KNOWLEDGE_NOUN}(?:\\s+(?:and|&)\\s+(?:[\\w-]+\\s+){0,2}?${KNOWLEDGE_NOUN})?\\s+(${FREQUENCY_SOURCE})\\b`,
  'g',
);
/** "the literature grows every week", "the corpus grows daily": a body of knowledge that grows (a team does not count). */
const GROWS_FREQUENCY = new RegExp(
  `\\b(?:literature|papers|corpus|docs|documents|documentation|articles|knowledge(?:\\s?base)?|kb|wiki|catalog(?:ue)?|archive|dataset)\\s+(?:just\\s+|keeps\\s+|also\\s+)?grow(?:s|ing)?\\s+(${FREQUENCY_SOURCE})\\b`,
  'g',
);
/** "pest alerts … come out every week", "bulletins are issued daily": notices the model must know as they appear. */
const NOTICES_ISSUED_FREQUENCY = new RegExp(
  `\\b(?:alerts?|bulletins?|notices?|advisories|circulars|announcements|release\\s+notes|price\\s+lists?|newsletters?|warnings?)\\b[^.;!?\\n]{0,60}?\\b(?:come\\s+out|comes\\s+out|are\\s+(?:issued|published|released|sent)|is\\s+(?:issued|published|released|sent)|go\\s+out|goes\\s+out|get\\s+(?:issued|published))\\s+(${FREQUENCY_SOURCE})\\b`,
  'g',
);
/** "label amendments come in every month or so", "revisions to the code arrive quarterly": changes to the knowledge. */
const AMENDMENTS_FREQUENCY = new RegExp(
  `\\b(?:amendments?|rule\\s+changes|updates\\s+to\\s+(?:the|our)\\s+[\\w-]+)\\s+(?:to\\s+(?:the\\s+|our\\s+)?[\\w-]+\\s+)?(?:come\\s+(?:in|out)|arrive|land|happen|appear|are\\s+(?:made|issued|published|released))\\s+(?:about\\s+|roughly\\s+|around\\s+|like\\s+)?(${FREQUENCY_SOURCE})\\b`,
  'g',
);
/** "new products launch monthly and it keeps missing them": new things the model must learn of, arriving on a cadence. */
const NEW_THINGS_FREQUENCY = new RegExp(
  `\\bnew\\s+(?:products?|features?|services?|items|skus|plans|offers|drugs|medications|policies|listings|routes|courses)\\s+(?:launch(?:es)?|ship|come\\s+out|arrive|appear|drop|are\\s+(?:added|launched|released|introduced)|get\\s+(?:added|launched|released|introduced))\\s+(?:about\\s+|roughly\\s+|around\\s+|like\\s+|pretty\\s+much\\s+)?(${FREQUENCY_SOURCE})\\b`,
  'g',
);
/**
 * The notices are what the model must know ("answer questions about the alerts", alerts beside the manuals it answers
 * from), not its input or output ("classify the alerts", "draft our newsletter").
 */
function noticesToKnow(lower: string): boolean {
  return (
    /\b(?:know|knows|answer\w*|look\s+up|based\s+on|up[\s-]to[\s-]date|questions?\s+about|ask\w*|manuals?|docs|documents|documentation|handbooks?|guides?|knowledge|policies|wiki)\b/.test(
      lower,
    ) &&
    !/\b(?:classify|classif\w+|triage|draft|write|summari[sz]e|route|tag|label)\s+(?:\w+\s+){0,3}?(?:them|alerts?|bulletins?|notices?|newsletters?|advisories|warnings?)\b/.test(
      lower,
    )
  );
}

/** A negation inside a noun-verb-frequency match: "docs don't change weekly", "prices aren't updated daily". */
const NEGATED_CHANGE = /\b(?:don't|dont|doesn't|doesnt|do\s+not|does\s+not|didn't|won't|isn't|aren't|not|never)\b/;
/** "updated daily", "changes weekly", "weekly updates", "daily changes". */
const VERB_FREQUENCY = new RegExp(
  `\\bnew\\s+(?:ones|[\\w-]+(?:\\s+(?:and\\s+)?[\\w-]+){0,3}?)\\s+(?:land|arrive|come\\s+in|get\\s+added|are\\s+added|appear|drop|get\\s+published|are\\s+published)\\s+(${FREQUENCY_SOURCE})\\b|\\b(?:get|receive|add|publish)\\s+new\\s+(?:[\\w-]+\\s+){0,2}?(${FREQUENCY_SOURCE})\\b|\\b${CHANGE_VERB}\\s+(?:(?:them|those|these|the\\s+(?:docs|documents|pages|articles|policies|kb|wiki|manuals|faqs?))\\s+)?(?:(?:maybe|about|roughly|around|probably|only|just|like|at\\s+most)\\s+)?(${FREQUENCY_SOURCE})\\b|\\b(${FREQUENCY_SOURCE})\\s+(?:updates?|changes?|refresh(?:es)?|revisions?|releases?\\s+of\\s+(?:the\\s+)?docs)\\b|\\b(${FREQUENCY_SOURCE})\\s+when\\s+(?:the\\s+|our\\s+)?[\\w-]+\\s+(?:${CHANGE_VERB})\\b`,
  'g',
);
/** "static knowledge", "knowledge is static", "docs never change", "rarely changes", "doesn't change much". */
const STABLE = new RegExp(
  [
    String.raw`\b(?:static|fixed|frozen|unchanging|stable)\s+(?:${STABLE_NOUN})\b`,
    String.raw`\b${STABLE_NOUN}\s+(?:is|are|stays?|remains?)\s+(?:pretty\s+|mostly\s+|fairly\s+|basically\s+|quite\s+|very\s+)?(?:static|fixed|frozen|stable|unchanging)\b`,
    String.raw`\b${KNOWLEDGE_NOUN}\b[^.;!?\n]{0,25}?\b(?:never|rarely|seldom|hardly\s+ever|almost\s+never|don't|doesn't|does\s+not|do\s+not|won't|isn't|aren't)\s+(?:really\s+|ever\s+)?(?:${CHANGE_VERB})\b(?:\s+(?:much|often|a\s+lot|that\s+often|very\s+often|frequently))?`,
    String.raw`\b${CHANGE_VERB}\s+(?:very\s+)?(?:rarely|seldom|never|infrequently)\b`,
    String.raw`\b(?:barely|hardly|almost\s+never)\s+(?:ever\s+)?chang(?:e|es|ed)\b`,
    // "nothing new ever gets added", "no new documents ever come in".
    String.raw`\b(?:archive|corpus|collection|docs|documents|rulings|records|catalog(?:ue)?|knowledge\s?base|kb|wiki)\b[^.;!?\n]{0,40}\bnothing\s+(?:new\s+)?(?:ever\s+)?(?:gets|is|will\s+be)\s+(?:ever\s+)?(?:added|updated|changed)\b|\bno\s+new\s+(?:docs|documents|rulings|articles|entries|records|content)\s+(?:ever\s+)?(?:get\s+added|come\s+in|are\s+added)\b`,
  ].join('|'),
  'g',
);
/**
 * A reply that is only a frequency: "weekly", "correction: weekly", "more like monthly", "rarely. just recommend".
 * Each run of separators is matched by one quantifier only: two adjacent ones (`[\s.!]*` then `\s*`) split a run
 * of spaces every possible way, which is quadratic in its length.
 */
const BARE = new RegExp(
  `^[\\s\\W]*(?:(?:actually|sorry|correction|oh|oops|wait|no|nope|i\\s+meant|i\\s+mean|make\\s+that|more\\s+like|it's|its|it\\s+is|they're|they\\s+are|probably|maybe|roughly|about|around|like|hmm|um|rather)[\\s\\W]+)*(${FREQUENCY_SOURCE})(?:[\\s.!,;-]+(?:(?:just|please|now)\\s+)*(?:recommend|skip|go\\s+ahead|that's\\s+all|that\\s+is\\s+all))?[\\s.!]*$`,
);

/** Finds `knowledgeChanges` when a frequency is tied to changing knowledge, or when the reply is only a frequency. */
/**
 * "There's no 'knowledge' changing - it only summarizes the file it's given": the task reads its input; nothing it
 * must know goes stale.
 */
const NOTHING_TO_GO_STALE =
  /\b(?:there's|there\s+is)\s+no\s+['"]?knowledge['"]?\s+(?:that\s+)?chang(?:ing|es)\b|\b(?:it|the\s+model)\s+only\s+(?:summari[sz]es|reads|extracts\s+from|works\s+(?:on|from)|processes|classifies)\s+(?:the|each)\s+(?:file|document|doc|input|text|note|case\s+file|email|ticket|record)s?\s+(?:it's|it\s+is|it\s+gets|we)\s*(?:given|get|send|pass|feed)/g;

/** A frequency corrected right after the one said: "…-ish, no, like every week", ", sorry, more like daily". */
const CORRECTED_FREQUENCY = new RegExp(
  `^(?:-?ish)?\\s*[,;—–-]\\s*(?:no\\s*[,—–-]|sorry|actually|i\\s+mean|wait|or\\s+rather|well)[,\\s]+(?:(?:like|more\\s+like|honestly|really|it's|its|probably)\\s+){0,2}(${FREQUENCY_SOURCE})\\b(?!\\s+(?:changes?|updates?|edits?|would|is|isn't|was))`,
);

/** "the world bible changes with every patch, maybe monthly": a release cadence, then how often that is. */
const PER_RELEASE_THEN_FREQUENCY =
  /\b(?:changes?|changed|updated|updates?|revised)\s+with\s+(?:every|each)\s+(?:patch|release|update|version|deploy(?:ment)?|sprint|season)\s*,?\s*(?:so\s+|which\s+is\s+|i\.e\.\s*)?(?:maybe\s+|roughly\s+|about\s+|like\s+|around\s+|probably\s+)?(daily|weekly|monthly|yearly|quarterly)\b/g;
/** "… but the game engine knows it", "…, the app passes it in": changing state the software already holds and supplies. */
const STATE_THE_APP_KNOWS =
  /^[^.;!?\n]{0,40}?\b(?:but|and|since|because)\s+(?:the|our)\s+(?:game(?:\s+engine)?|engine|app|backend|system|server|database|db|crm|erp)\s+(?:already\s+)?(?:knows|tracks|holds|stores|provides|passes|sends|hands\s+over)\s+(?:it|that|them|this|those|the\s+(?:state|current\s+state|values?))\b/;

export const extractKnowledgeChanges: Extractor = (message, context) => {
  const { lower } = message;
  const findings: Finding[] = [];
  for (const match of allMatches(NOTHING_TO_GO_STALE, lower))
    findings.push(findingFromMatch('knowledgeChanges', 'never', match));
  for (const pattern of [
    NOUN_VERB_FREQUENCY,
    VERB_FREQUENCY,
    GROWS_FREQUENCY,
    TEAM_UPDATES_FREQUENCY,
    NOTICES_ISSUED_FREQUENCY,
    AMENDMENTS_FREQUENCY,
    PER_RELEASE_THEN_FREQUENCY,
    NEW_THINGS_FREQUENCY,
  ]) {
    for (const match of allMatches(pattern, lower)) {
      // (Notices are knowledge only when the model must know them, not when it writes or sorts them.)
      if (pattern === NOTICES_ISSUED_FREQUENCY && !noticesToKnow(lower)) continue;
      const said = frequencyOf(match[1] ?? match[2] ?? match[3] ?? match[4] ?? match[5] ?? match[6] ?? '');
      // ("updated every few weeks-ish, no, like every week honestly": the frequency corrected right after wins.)
      const corrected = CORRECTED_FREQUENCY.exec(
        lower.slice(match.index + match[0].length, match.index + match[0].length + 60),
      );
      const frequency = (corrected?.[1] === undefined ? undefined : frequencyOf(corrected[1])) ?? said;
      // "docs don't change weekly" denies the frequency ("doesn't change much" is read by STABLE).
      const denied = frequency !== 'rarely' && frequency !== 'never' && NEGATED_CHANGE.test(match[0]);
      // ("quest state changes constantly during play but the game engine knows it": live state the app hands over.)
      const handedOver = STATE_THE_APP_KNOWS.test(
        lower.slice(match.index + match[0].length, match.index + match[0].length + 80),
      );
      if (frequency && !denied && !handedOver && !isNegatedBefore(lower, match.index, 10))
        findings.push(findingFromMatch('knowledgeChanges', frequency, match));
    }
  }
  for (const match of allMatches(STABLE, lower)) {
    const text = match[0];
    const frequency: ChangeFrequency =
      /\b(?:rarely|seldom|hardly|barely|stable|much|often|a\s+lot|infrequently)\b/.test(text) ? 'rarely' : 'never';
    findings.push(findingFromMatch('knowledgeChanges', frequency, match));
  }
  // (A bare frequency answers the question asked: "maybe 5 times a day" to "how many requests a day?" is a volume.)
  const bare = context?.requestedField === 'requestsPerDay' ? null : BARE.exec(lower);
  if (bare?.[1]) {
    const frequency = frequencyOf(bare[1]);
    const start = lower.indexOf(bare[1]);
    if (frequency) findings.push({ field: 'knowledgeChanges', value: frequency, start, end: start + bare[1].length });
  }
  return freshestOnly(dedupe(findings), lower);
};

/** From the most often changing to the least. */
const FREQUENCY_ORDER: readonly string[] = ['realtime', 'daily', 'weekly', 'monthly', 'rarely', 'never'];

/**
 * "New results land every week; the older notes never change": the part that changes most often decides (it is
 * what retrieval must keep fresh), so only the most frequent change is kept.
 */
function freshestOnly(findings: Finding[], lower: string): Finding[] {
  if (findings.length < 2) return findings;
  const rank = (item: Finding) => {
    const at = FREQUENCY_ORDER.indexOf(String(item.value));
    return at < 0 ? FREQUENCY_ORDER.length : at;
  };
  // (Only within one sentence: "what if the docs updated daily? right now they change monthly" keeps both, for the
  // question reading to tell apart.)
  const sameSentence = (a: Finding, b: Finding) =>
    !/[.?!\n]/.test(lower.slice(Math.min(a.end, b.end), Math.max(a.start, b.start)));
  return findings.filter(
    (item) => !findings.some((other) => other !== item && rank(other) < rank(item) && sameSentence(item, other)),
  );
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((item) => {
    const key = `${item.start}:${item.end}:${String(item.value)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
