/** @module Distinct tasks or tenants on one base model: "50 customers each with their own style" → 50. */
import { COUNT_SOURCE, parseCount } from '../numbers.ts';
import { allMatches, createSpanIndex, findingFromMatch } from '../prepare-message.ts';
import type { Extractor, Finding } from '../types.ts';

const TENANT_NOUN = String.raw`(?:customers?|clients?|characters?|npcs?|tenants?|brands?|products?|departments?|teams?|business\s+units?|domains?|languages?|markets?|regions?|stores?|personas?|verticals?|games?|titles?|apps?|products?|sites?|websites?|channels?|agents?|bots?)`;
/** Organisations the team serves: a tenant only when each wants its own behaviour of the model, not its own account. */
const CLIENT_ORG_NOUN = `(?:importers?|exporters?|shippers?|carriers?|airlines?|banks?|labs?|retailers?|distributors?|suppliers?|municipalit(?:y|ies)|brokers?|agenc(?:y|ies)|firms?|partners?|schools?|hospitals?|clinics?|franchis(?:e|es)|branches|publishers?|merchants?|sellers?|restaurants?|hotels?|newsrooms?|insurers?|dealers(?:hips)?|resellers?)`;
/** What a client's own version of the model differs in: "their own underwriting guidelines", "its own tone". */
const OWN_BEHAVIOUR = String.raw`(?:[\w-]+\s+)?(?:guidelines|style|tone|voice|templates?|formats?|rules|quirks|conventions|preferences|mappings|taxonom(?:y|ies)|requirements|polic(?:y|ies)|prompts?|persona|labels|categories|instructions|adapters?|models?|wording|terminology)`;
/**
 * A tenant noun that names the tenants, not a word before what is counted: "30 npc messages each per day" counts
 * messages, "12 product photos each" photos.
 */
const TENANT_HEAD = String.raw`${TENANT_NOUN}\b(?!\s+(?:messages?|replies|requests?|calls?|texts?|conversations?|dialogues?|queries|questions?|images?|photos?|pictures?|examples?|documents?|docs|records?|rows?|tickets?|emails?|responses?|answers?|interactions?|sessions?|items?|descriptions?|reviews?|pages?|orders?)\b)`;
const TASK_NOUN = String.raw`(?:tasks?|use[\s-]cases?|skills?|workflows?|applications?|apps?)`;
/**
 * "50 customers each with their own style", "12 clients, each needing a separate adapter", "each of our 12 games
 * needs its own voice".
 */
const PER_TENANT = new RegExp(
  `\\beach\\s+of\\s+(?:our|the|their)\\s+(${COUNT_SOURCE})\\s+(?:[a-z-]+\\s+)?${TENANT_HEAD}[^.;!?\\n]{0,50}?\\b(?:own|separate|distinct|individual|different|specific)\\b|(${COUNT_SOURCE})\\s+(?:(?:different|distinct|separate|enterprise|b2b|corporate|big|large|small)\\s+)?${TENANT_HEAD}[^.;!?\\n]{0,25}?\\b(?:each|every\\s+one|per|own|separate|distinct|individual|different|specific)\\b`,
  'g',
);
/** "60 business customers (tenants), each wants the assistant to write in its own tone": each one, its own. */
const EACH_THEIR_OWN = new RegExp(
  `(${COUNT_SOURCE})\\s+(?:[a-z-]+\\s+)?${TENANT_HEAD}[^.;!?\\n]{0,40}?\\beach\\b[^.;!?\\n]{0,50}?\\b(?:its|their)\\s+own\\b`,
  'g',
);
/** "we serve 35 insurance brokers and each one wants the assistant to follow their own underwriting guidelines". */
const CLIENTS_EACH_THEIR_OWN = new RegExp(
  `(${COUNT_SOURCE})\\s+(?:[a-z-]+\\s+)?${CLIENT_ORG_NOUN}\\b[^.;!?\\n]{0,40}?\\beach\\b[^.;!?\\n]{0,50}?\\b(?:its|their)\\s+own\\s+${OWN_BEHAVIOUR}\\b`,
  'g',
);
/** Items of a collection counted, not tenants (a catalogue's products, a site's articles). */
const COLLECTION_ITEM =
  /\b(?:products?|items?|articles?|listings?|entries|pages?|documents?|docs|faqs?|recipes?|posts?|descriptions?|skus?)\b/;
/** "3 different tasks", "five separate use cases", "for 12 tenants". */
const TASKS = new RegExp(
  `(${COUNT_SOURCE})\\s+(?:(?:different|distinct|separate|unrelated|independent|specialised|specialized|related|main|core|nlp|downstream|classification|extraction|summari[sz]ation|generation|tagging|labell?ing|routing|qa)\\s+){0,2}${TASK_NOUN}\\b|(${COUNT_SOURCE})\\s+tenants\\b|(${COUNT_SOURCE})\\s+(?:different|distinct|separate)\\s+(?:things|jobs|assistants|bots|chatbots|agents|models|copilots)\\b`,
  'g',
);
/** "it's 22 characters now, not 14": a count of units corrected. */
const UNITS_CORRECTED = new RegExp(
  `(${COUNT_SOURCE})\\s+(?:characters|tenants|clients|customers|brands|personas|npcs|tasks|use[\\s-]cases)(?:\\s+now)?(?:\\s*,\\s*|\\s+)not\\s+\\d+`,
  'g',
);
/** "a single task", "just one use case". */
const SINGLE = /\b(?:a\s+single|just\s+one|only\s+one|one\s+single)\s+(?:task|use[\s-]case)\b/g;
const MAX_TASKS = 1_000_000;

/** Finds `tasksCount`. Tenant counts need a word saying each one differs ("each", "own", "separate"). */
export const extractTasksCount: Extractor = (message) => {
  const { lower } = message;
  const findings: Finding[] = [];
  // ("Reply length: it's 280 characters now, not 140" counts characters of text, not game characters.)
  const lengthTalk = /\b(?:length|long|limit|max|reply|replies|summary|summaries|tweets?|words?|message)\b/.test(lower);
  for (const pattern of [
    ...(lengthTalk ? [] : [UNITS_CORRECTED]),
    PER_TENANT,
    EACH_THEIR_OWN,
    CLIENTS_EACH_THEIR_OWN,
    TASKS,
  ]) {
    // Matches of one pattern never overlap each other: the index of earlier patterns' findings is enough.
    const earlier = createSpanIndex(findings);
    for (const match of allMatches(pattern, lower)) {
      if (earlier.covers(match.index)) continue;
      const count = parseCount(match[1] ?? match[2] ?? match[3] ?? '');
      if (count === undefined || !Number.isInteger(count) || count < 1 || count > MAX_TASKS) continue;
      // "the catalogue is 8,000 products, each maybe 300-400 words": items of a collection with their length, not tenants.
      // ("40 tenants, each with about 200 pages of docs": tenants, whatever they hold.)
      if (
        (COLLECTION_ITEM.test(match[0]) &&
          /^[^.;!?\n]{0,25}?\beach\s+(?:(?:is|are|has|with|of|maybe|about|around|roughly|like)\s+|~\s*)*\d[\d,.]*(?:\s*(?:-|–|to)\s*\d[\d,.]*)?\s*(?:k\s+)?(?:words|tokens|pages|lines|characters|chars|kb|mb|images|photos|sentences|paragraphs)\b/.test(
            lower.slice(match.index),
          )) ||
        /\bcatalog(?:ue)?s?\s+(?:is|has|of|with|contains|lists)\s+(?:about\s+|around\s+|roughly\s+|~\s*)?$/.test(
          lower.slice(Math.max(0, match.index - 30), match.index),
        )
      )
        continue;
      // "the top 20 tenants", "our biggest 5 clients": a subset of them, not how many there are.
      if (
        /\b(?:top|biggest|largest|main|first|best|few|big)\s+$/.test(
          lower.slice(Math.max(0, match.index - 12), match.index),
        )
      )
        continue;
      // "3 regions x 4 brands = 12 separate assistants": a factor of a product, not the count (the product is).
      if (/[=×]|\s[x*]\s/.test(match[0])) continue;
      // "2 apps" of hardware or "3 teams" of people are not tasks unless the sentence says they differ.
      if (
        pattern === TASKS &&
        /\b(?:apps?|applications?|skills?)\b/.test(match[0]) &&
        !/\b(?:different|distinct|separate)\b/.test(match[0])
      )
        continue;
      findings.push(findingFromMatch('tasksCount', count, match));
    }
  }
  for (const match of allMatches(SINGLE, lower)) findings.push(findingFromMatch('tasksCount', 1, match));
  return findings;
};
