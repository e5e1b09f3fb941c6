/**
 * @module GPUs: "two A100s", "4x H100 80GB", "a single 4090", "no GPUs", "8 GPUs", "one 24GB card", "2 x A10G".
 */
import type { Gpu } from '../../../knowledge/schemas.ts';
import { type CatalogMention, catalogScanner } from '../catalog-matcher.ts';
import { COUNT_SOURCE, parseCount } from '../numbers.ts';
import {
  allMatches,
  clauseBefore,
  createSpanIndex,
  finding,
  findingFromMatch,
  sentenceAround,
} from '../prepare-message.ts';
import type { ExtractionCatalog, Extractor, Finding, PreparedMessage } from '../types.ts';

/** Count words that only make sense before hardware: "a pair of", "dual", "quad", "single". */
const HARDWARE_COUNT_WORDS: Readonly<Record<string, number>> = {
  'a pair of': 2,
  'a couple of': 2,
  'a couple': 2,
  'couple of': 2,
  'a single': 1,
  my: 1,
  single: 1,
  dual: 2,
  quad: 4,
  // "what if we bought a second 3090": one more beside the one the team has.
  'a second': 2,
  'a third': 3,
  a: 1,
  an: 1,
};
const HARDWARE_WORDS = 'a pair of|a couple of|a couple|couple of|a single|single|dual|quad';
/** "… is on order", "… arrives in March": a card not there yet. */
const ON_ORDER_AFTER =
  /^[^.;!?\n]{0,30}?\b(?:on\s+order|on\s+(?:the|its)\s+way|(?:is|are)\s+(?:coming|arriving|ordered|planned|due|being\s+delivered)|arriv(?:es|ing)|ships?|shipping|next\s+(?:week|month|quarter|year))\b/;
/** "a second 3090", "a third A100": one more of the card named (not "a third of the A100s", a share). */
const ONE_MORE_WORDS = 'a second|a third';
const GPU_NOUN = '(?:gpus?|graphics cards?|cards?|accelerators?)';
/** "GPU hours", "GPU budget" are not GPUs. */
const NOT_HARDWARE_AFTER = String.raw`(?![\s-]?(?:hours?|hrs?|h|days?|months?|budget|memory|credits?|time|costs?|prices?|experience|access|boxes|box|servers?|nodes?|machines?|rigs?|clusters?|instances?|workstations?|shortage|crunch|quota|waitlist|waiting\s+list)\b)`;
const MEMORY = String.raw`(?<![\d.])(\d{1,3}(?:\.\d+)?)\s?(?:gb|gib|gigs?)\b`;

/** Count (and memory) right before a catalog GPU name, e.g. "4x ", "two ", "a pair of 80GB ". */
const COUNT_BEFORE_NAME = new RegExp(
  `(?:(${COUNT_SOURCE})|\\b(${HARDWARE_WORDS}|${ONE_MORE_WORDS}(?!\\s+of\\b)|an?|my))\\s*(?:x|×|\\*|(?:pieces?|pcs\\.?|units|pieces\\s+of|units\\s+of|nos?\\.?(?:\\s+of)?)(?=\\s))?\\s*(?:${MEMORY}\\s*)?(?:of\\s+(?:the|our)\\s+)?(?:(?:rented|used|spare|old|new|cloud|dedicated|shared|borrowed|refurbished)\\s+)?$`,
);
/** Words before a GPU that make it the end users' hardware: "min spec is a GTX 1660", "players have an RTX 3060". */
const USERS_HARDWARE_BEFORE =
  /\b(?:min(?:imum)?\s+spec(?:s|ification)?|target\s+spec(?:s|ification)?|recommended\s+spec(?:s)?|(?:players?|gamers?|users?|customers?|clients?)(?:'s|s')?\s+(?:(?:pcs?|machines?|laptops?|cards?|gpus?)\s+)?(?:have|has|use|run|with|are\s+on|is)|on\s+(?:the\s+)?(?:players?|gamers?|users?|customers?)(?:'s|s')?\s+(?:pcs?|machines?|laptops?))\b[^.;!?\n]{0,25}$/;
/** "… a GTX 1660 on the players' side": the same, said after the name. */
const USERS_HARDWARE_AFTER =
  /^[^.;!?\n]{0,20}\b(?:on\s+the\s+)?(?:players?|gamers?|users?|customers?)(?:'s|s')?\s+(?:side|end|machines?|pcs?)\b/;
/** Machines whose GPUs are counted per machine: "two machines each with", "3 nodes of", "2 servers with". */
const MACHINES_BEFORE = new RegExp(
  `(${COUNT_SOURCE})\\s+(?:machines|nodes|servers|boxes|hosts|instances|workstations)\\s*,?\\s*(?:each\\s+)?(?:with|having|has|have|of|carrying|holding)\\s+(?:each\\s+)?$`,
);
/** "only 2 of the 4 L40S", "2 of the cluster's 8 A100s": a share of the GPUs named (its count before "of the"). */
const SHARE_OF_BEFORE = new RegExp(
  `\\b(?:only\\s+|just\\s+)?(${COUNT_SOURCE})\\s+of\\s+(?:the|our|those|these)\\s+(?:(?:[a-z-]+(?:'s|’s)|shared|whole|company|lab|team|cluster|pool)\\s+){0,2}$`,
);
/** A GPU said to be "the 6 GB version" (or variant, model, one). */
const MEMORY_VARIANT = new RegExp(
  String.raw`\b(?:gpus?|cards?|a\d{4}|rtx\s?[a-z]?\d{3,4}|[ahlt]\d{1,3}[a-z]?|v100|l40s?)\b[^.;!?\n]{0,40}?\b(?:is|it's|are|they're)\s+the\s+${MEMORY}\s+(?:version|variant|model|one|edition)s?\b`,
  'g',
);
/** "the rent for the 8 H100s", "the cost of the 4 A100s": GPUs named as already known. */
const REFERRED_TO_BEFORE = /\b(?:rent|rental|cost|costs|price|bill|invoice)\s+(?:for|of)\s+the\s+$/;
/** "… the 8 H100s we have": the count stated as the team's. */
const OWNED_AFTER = /^\s*(?:that\s+|which\s+)?(?:we|i)\s+(?:have|own|rent|got|'ve|are\s+renting)\b/;
/** Memory alone right before a catalog GPU name: "the 40GB A100". */
const MEMORY_BEFORE_NAME = new RegExp(`${MEMORY}\\s*$`);
/** Memory or "x 8" right after a catalog GPU name: "H100 80GB", "A100 (40 GB)", "A100 x 8". */
const AFTER_NAME = new RegExp(
  `^\\s*(?:\\(\\s*${MEMORY}[^)]{0,12}\\)|${MEMORY}(?!\\s*(?:of\\s+)?(?:ram|system|cpu|disk|storage)))?(?:\\s*(?:x|×)\\s*(\\d{1,5})\\b)?`,
);
/**
 * Memory said a little later: "8 A100 cards, 40 GB each", "a single 3090 with 24GB", "A100s with 40 GB of memory",
 * "the A100s are the 40GB version".
 */
const MEMORY_SOON_AFTER = new RegExp(
  `^s?\\s*(?:(?:cards?|gpus?)\\s*)?(?:,\\s*|\\s+with\\s+|\\s*-\\s*|\\s+(?:are|is)\\s+(?:the\\s+|an?\\s+)?|\\s+(?:has|have)\\s+)${MEMORY}(?:\\s+(?:each|apiece|of\\s+(?:vram|memory)|vram|versions?|variants?|models?|ones))?(?!\\s*(?:of\\s+)?(?:ram|system|cpu|disk|storage))`,
);
/** The memory in brackets a little after the name: "(40gb ones i think)", "(the 24GB version)", ". the 40 gig version". */
const MEMORY_IN_BRACKETS_AFTER = new RegExp(
  `^[^.;!?\\n()]{0,40}(?:\\(\\s*(?:the\\s+)?|\\b(?:they're|they\\s+are|it's|those\\s+are|these\\s+are)\\s+the\\s+|[.;,]\\s+(?:and\\s+)?the\\s+(?=\\d{1,3}(?:\\.\\d+)?\\s?(?:gb|gib|gigs?)\\s+(?:ones|versions?|variants?|cards?)\\s*(?:[.,;!?)]|$)))${MEMORY}\\s+(?:ones|versions?|variants?|models?|cards?|each)\\b`,
);
/** "instead of (tying up) our 3090", "rather than the A10G": the GPU a message replaces. */
const REPLACED_BEFORE =
  /\b(?:instead\s+of|rather\s+than|in\s+place\s+of)\s+(?:[\w-]+\s+){0,3}?(?:our|the|my)\s+(?:[\w-]+\s+)?$/;
/** A GPU name followed by a node word says nothing about how many GPUs ("an H100 node" holds several). */
/** A GPU series name right before digits: "rtx 4070", "radeon rx 7900", "quadro 6000". */
const GPU_SERIES_BEFORE = /\b(?:rtx|gtx|rx|quadro|radeon|arc|tesla|titan|geforce|instinct\s+mi|mi)[\s-]?[a-z]?$/;
const NODE_AFTER = /^\s*(?:nodes?|clusters?|servers?|box(?:es)?|machines?|instances?|pods?|vms?)\b/;

/** "24GB", "24-gig": a card's memory said before it. */
const MEMORY_HYPHENATED = String.raw`(?<![\d.])(\d{1,3}(?:\.\d+)?)[\s-]?(?:gb|gib|gigs?)\b`;
/** "8 GPUs", "one 24GB card", "two consumer GPUs", "a pair of 48 GB cards". */
const GENERIC_COUNT = new RegExp(
  `(?:(${COUNT_SOURCE})|\\b(${HARDWARE_WORDS}))\\s*(?:x\\s*)?(?:(?:older|old|newer|new|used|spare)\\s+)?(?:${MEMORY_HYPHENATED}[\\s-]+)?(?:(?!per\\b|each\\b|of\\b|gb\\b|gib\\b|gigs?\\b)[a-z]+\\s+)?${GPU_NOUN}\\b${NOT_HARDWARE_AFTER}(?:,?\\s+with\\s+${MEMORY}(?:\\s+(?:each|apiece|of\\s+(?:vram|memory)))?|,\\s*${MEMORY}\\s+(?:each|apiece)\\b)?`,
  'g',
);
/** "4 nodes x 1 GPU", "2 machines with 4 GPUs": machines times the GPUs each holds. */
const MACHINES_TIMES_GPUS = new RegExp(
  `(${COUNT_SOURCE})\\s+(?:nodes?|machines?|servers?|instances?|boxes|hosts?)\\s*(?:x|×|\\*|with|of)\\s*(${COUNT_SOURCE})\\s+(?:[a-z0-9-]+\\s+)?gpus?\\b(?:\\s+each)?`,
  'g',
);
/** "4x A10G nodes (1 GPU each)", "3 L4 machines (2 GPUs each)". */
const NODES_THEN_EACH = new RegExp(
  `(${COUNT_SOURCE})\\s+(?:nodes|machines|servers|boxes|hosts)\\s*[,:]?\\s*(?:with\\s+|of\\s+|are\\s+|have\\s+|hold\\s+|carry\\s+)?(${COUNT_SOURCE})\\s*(?:x|×)?\\s*(?:[a-z0-9-]+\\s+){0,2}?(?:each|per\\s+(?:node|machine|server|box))\\b`,
  'g',
);
const NODES_WITH_GPUS_EACH = new RegExp(
  `(${COUNT_SOURCE})(?:\\s*x\\s+|\\s+)(?:[\\w-]+\\s+){0,2}?(?:nodes|machines|servers|instances|boxes|hosts)\\s*\\(\\s*(${COUNT_SOURCE})\\s+gpus?\\s+(?:each|per\\s+(?:node|machine|server|instance))\\s*\\)`,
  'g',
);
/** A trial or a test run said before "on a GPU": the place of an experiment. */
const EXPERIMENT_BEFORE = /\b(?:tried|tested|ran|prototyped|experimented|benchmarked|evaluated|piloted)\b/;
/** "we have a GPU", "on a 24GB card", "a GPU with 24 gigs", "there's a card in the server with 48 gigs". */
const SINGLE_GPU = new RegExp(
  `(?:^\\W*|\\b(?:have|has|got|own|with|on|using|use|rent|only|just|there's|there\\s+is)\\s+)an?\\s+(?:${MEMORY}\\s+)?(?:[a-z]+\\s+)?${GPU_NOUN}\\b${NOT_HARDWARE_AFTER}(?:(?:\\s+in\\s+(?:the|our)\\s+(?:server|box|machine|workstation|rack|office))?\\s+with\\s+${MEMORY})?`,
  'g',
);
/** "no GPUs", "we don't have any GPUs", "without a GPU", "CPU only". */
/** Two options set side by side: "X vs Y", "the difference between X and Y", "compared to". */
const COMPARED_OPTIONS = /\b(?:vs\.?|versus|difference\s+between|compared\s+(?:to|with))\b/;
/**
 * "could rent an L4", "we'd rent a couple of H100s": a rental weighed before the GPU's name; "for bigger jobs we rent
 * A100s": an occasional rental beside the GPUs the team has.
 */
const WEIGHED_RENTAL_BEFORE =
  /\b(?:could|would|might|may|can|'d|plan\s+to|want\s+to|if\s+we|for\s+(?:bigger|larger|heavier|big|large|heavy)\s+(?:jobs|runs|workloads|experiments|models)\s*,?\s*we|when(?:ever)?\s+we\s+need\s+more\s*,?\s*we|(?:occasionally|sometimes)\s*,?\s*we)\s+(?:\w+\s+)?rent\s+(?:an?\s+|one\s+|some\s+|a\s+couple\s+of\s+|(?:\d+|two|three|four|eight)\s+)?(?:\w+\s+)?$/;
/** "sold our A100s", "returned the L4": the GPU named next is gone. */
const GONE_BEFORE =
  /\b(?:returned|sold|lost|gave\s+back|handed\s+back|had\s+to\s+(?:return|give\s+back)|(?<!\b(?:don't|do\s+not|dont|never|not)\s+)(?:forget(?:\s+about)?|drop|scrap|ditch|get\s+rid\s+of))\s+(?:the|our|my|both|all)\s+(?:\w+\s+)?$/;
/** "the lab took the 3090 back", "IT took our A100s away" (someone else took it: not "we took the 4090 home"). */
const TAKEN_BEFORE = /(?<!\b(?:we|i)\s)\b(?:took|has\s+taken|have\s+taken)\s+(?:the|our|my|both|all)\s+(?:\w+\s+)?$/;
const TAKEN_AFTER = /^s?\s+(?:back|away)\b/;
/** "the 3090 is gone", "the A100s were taken away", "(not using the A100s) anymore". */
const GONE_AFTER =
  /^s?\s*(?:(?:is|are|was|were|has\s+been|have\s+been)\s+(?:gone|taken(?:\s+away|\s+back)?|returned|sold|reclaimed)\b)/;
/** "we're not using the A100s anymore", "no longer using the 3090": a GPU out of use (not "for anything else"). */
const NOT_USING_BEFORE = /\b(?:not|no\s+longer)\s+using\s+(?:the|our|my|both|all)\s+(?:\w+\s+)?$/;
const NOT_USING_AFTER = /^s?\s+(?:any\s?more|now|after\s+all)\b/;
/** The pseudo-field a GPU said to be gone travels under until extractProfile sets it aside (see Extraction.goneGpu). */
export const GONE_GPU_FIELD = 'goneGpu';
const NO_GPUS = new RegExp(
  `\\b(?:no|zero|0|without(?:\\s+any|\\s+a)?|(?:do not|don't|dont|doesn't|does not|haven't|have not)\\s+(?:actually\\s+|really\\s+|even\\s+)?(?:have|own|got|has)(?:\\s+any|\\s+a\\s+single|\\s+a)?|no access to(?:\\s+any|\\s+a)?|not a single|haven't got(?:\\s+any|\\s+a)?|lack(?:\\s+any)?)\\s+(?:(?:servers?|hardware|machines?|computers?)\\s+(?:or|and|nor|\\/)\\s+)?(?:(?:dedicated|local|own|spare|usable|nvidia|real)\\s+)?(?:gpus?|graphics cards?)\\b${NOT_HARDWARE_AFTER}|\\bcpus?[\\s-]only\\b|\\bgpu[\\s-]?less\\b|(?<=\\bif\\s+(?:we|i)\\s+had\\s+(?:a|an|any|one)\\s+(?:[\\w-]+\\s+)?gpus?\\b[^.;!?\\n]{0,60}?)\\bbut\\s+(?:we|i)\\s+(?:don't|do\\s+not|dont|haven't|have\\s+not)\\s+(?:have|own|got)\\s+(?:one|any)(?=\\s*(?:[.,;!?]|$))|\\bno\\s+nvidia(?:\\s+(?:anything|cards?|hardware))?\\b`,
  'g',
);
/** GPUs talked about in the message (for corrections that say "the cards" or "of them"). */
const GPU_WORD = /\b(?:cards?|gpus?|[ahlt]\d{1,3}s?|h100s?|a100s?|l40s|rtx)\b/;
/** "the cards are 80GB", "our GPUs are actually 48 gigs": the memory of the GPUs named. */
const CARDS_ARE_MEMORY =
  /\b(?:the|our|those|these)\s+(?:(?:training|own)\s+)?(?:cards?|gpus?)\s+(?:are|were|is|has|have)\s+(?:actually\s+|really\s+|the\s+|only\s+)?(\d{1,3})\s?(?:gb|gigs?)\b/g;
/** "we have 16 of them, not 8": a count of the GPUs just named, corrected. */
const COUNT_OF_THEM_CORRECTED = new RegExp(
  `\\b(?:we\\s+have|we've\\s+got|there\\s+are|it's|it\\s+is)\\s+(${COUNT_SOURCE})\\s+of\\s+them\\s*,?\\s*not\\s+(?:${COUNT_SOURCE})\\b`,
  'g',
);
/** "our A100s are the 40 gig ones, not 80. still 4 of them": the count of the GPUs just corrected, kept. */
/** Things other than GPUs that "of them" may count. */
const OTHER_THINGS_COUNTED =
  /\b(?:tickets?|prompts?|documents?|docs|examples?|labels?|emails?|files?|records?|rows?|items?|cases?|tests?|samples?|requests?|queries|questions?|users?|people|jobs?|categor(?:y|ies)|class(?:es)?|intents?|languages?|tenants?|customers?|clients?|models?|adapters?|products?)\b/;
const STILL_COUNT_OF_THEM = new RegExp(`\\bstill\\s+(${COUNT_SOURCE})\\s+of\\s+(?:them|those)\\b`, 'g');
/** "an 8x H100 node shared with two other teams, so realistically we get 2 of them": the team's share of the GPUs. */
const WE_GET_OF_THEM = new RegExp(
  `\\b(?:we|i)\\s+(?:realistically\\s+|only\\s+|actually\\s+|usually\\s+|typically\\s+)?(?:get|can\\s+use|can\\s+get|are\\s+allotted|are\\s+given|are\\s+allowed)\\s+(?:only\\s+|just\\s+|about\\s+|around\\s+)?(${COUNT_SOURCE})\\s+of\\s+(?:them|those|these|em|'em)\\b`,
  'g',
);
/** "24GB of VRAM", "16 GB VRAM", "48gb of gpu memory", "eighty gigs of vram". */
const VRAM = new RegExp(
  `\\b(?:each|every|per)\\s+(?:gpu|card)\\s+(?:has|with|is|=|:)\\s+(?:about\\s+)?${MEMORY}|\\b(?:our|the|my|all|both)\\s+(?:gpus|cards)\\s+(?:have|has|are|come\\s+with)\\s+(?:some\\s+)?(?:older\\s+|old\\s+|newer\\s+)?${MEMORY}(?=\\s+(?:each|apiece|ones|per\\s+(?:gpu|card)|of\\s+(?:vram|memory)|vram))|(?:\\b${MEMORY}|\\b(${COUNT_SOURCE})\\s+(?:gb|gigs?|gigabytes))\\s+(?:of\\s+)?(?:vram|gpu\\s+memory|gpu\\s+ram|(?:of\\s+memory\\s+)?(?:per|on\\s+each|for\\s+each|each)\\s+(?:gpu|card))\\b|\\b(?:we\\s+have|we've\\s+got|our|my|(?:my|our)\\s+[\\w-]+'s?|an?|one)\\s+${MEMORY}\\s+(?:cards?|gpus?)\\b|\\b(?:cards|gpus)\\s+with\\s+${MEMORY}\\s+(?:each|apiece)\\b`,
  'g',
);
/**
 * A GPU the catalog does not list, by its family and number: "a RTX 3060 12GB", "my 3060 with 12 gigs", "two
 * Radeon RX 7900 XTX". Its count (and its memory, when typed) are still the team's facts; the name is not resolved.
 */
const UNLISTED_GPU = new RegExp(
  `(?:(${COUNT_SOURCE})\\s*(?:x\\s*)?|\\b(a|an|my|our|one|single|dual|quad)\\s+)?(?:(?:nvidia|amd|intel)\\s+)?(?:(?:geforce\\s+)?(?:rtx|gtx)|quadro(?:\\s+rtx)?|radeon(?:\\s+(?:rx|pro))?|arc|tesla)\\s*[a-z]?\\d{2,4}(?:\\s*(?:ti|super|xtx|xt))?\\b(?:\\s+(?:laptop|mobile|notebook|max-q)(?:\\s+gpu)?)?(?:\\s*\\(?\\s*${MEMORY}\\s*\\)?|\\s+(?:with|w\\/)\\s*${MEMORY})?|\\b(my|our|a|the)\\s+((?:10|16|20|30|40|50)[5-9]0)(?:\\s*(?:ti|super))?\\b(?:\\s*\\(?\\s*${MEMORY}\\s*\\)?|\\s+(?:with|w\\/)\\s*${MEMORY})?`,
  'g',
);
/** ", 10GB", " not a 3090, 10GB" right after an unlisted card: its memory (not the machine's RAM). */
const MEMORY_AFTER_UNLISTED = new RegExp(
  `^(?:\\s+not\\s+(?:an?\\s+|the\\s+)?[\\w-]+(?:\\s+[\\w-]+)?)?\\s*[,.]\\s*(?:with\\s+|only\\s+|it\\s+has\\s+)?${MEMORY}(?!\\s*(?:of\\s+)?(?:system\\s+|ddr\\d?\\s*)?(?:ram|ddr\\d?|storage|ssd|disk|documents?|docs|data|files?|pdfs?|text)\\b)`,
);
/** The message names a GPU the catalog does not list ("it's an RTX 3080 not a 3090"). */
export function namesUnlistedGpu(message: PreparedMessage, catalog: ExtractionCatalog): boolean {
  const listed = createSpanIndex(catalogScanner(catalog).findGpus(message.lower));
  // (Said as the team's card, "it's an RTX 3080", "we have a 3060", not one to buy, sold, tried or somebody's.)
  return allMatches(UNLISTED_GPU, message.lower).some((match) => {
    if (match[0].length <= 3 || listed.overlaps(match.index, match.index + match[0].length)) return false;
    const sentence = sentenceAround(message.lower, match.index);
    return OURS_NOW.test(sentence) && !NOT_OURS_NOW.test(sentence);
  });
}
/** The card is the team's now: "it's an …", "we have a …", "our GPU is a …", a correction. */
const OURS_NOW =
  /\b(?:it's|its|it\s+is|we\s+have|we've\s+got|we\s+got|we\s+own|our\s+(?:gpu|card|machine|server)\s+(?:is|has)|actually|correction|sorry|my\s+mistake)\b/;
/** …not one to buy, sold, tried, old, or on a gaming PC. */
const NOT_OURS_NOW =
  /\b(?:buy|buying|bought|sold|sell|selling|tried|gaming|old|older|used\s+to|should|could|would|considering|thinking|want|wants|plan|planning|need|needs|friend's|his|her|their)\b/;
/** A Mac named as the machine: "no NVIDIA GPUs" beside it says which GPU it is not, not that there is none. */
/** A Mac named right after a "no GPUs": "no GPUs, it's a mac", "there are no GPUs, it's a MacBook". */
const MAC_SAID_NEAR = /\b(?:mac|macbook|imac|mac\s+(?:studio|mini)|apple\s+silicon|m[1-4](?:\s+(?:pro|max|ultra))?)\b/;
const APPLE_MACHINE = /\b(?:macbook|mac\s+(?:studio|mini|pro)|imac|apple\s+silicon|m[1-4]\s+(?:pro|max|ultra))\b/;

/** A count said right after the name: "H100s. eight of them.", "our A100 box has 8 of them". */
const COUNT_OF_THEM = new RegExp(
  `^s?(?:\\s+(?:boxes|cards|gpus|instances|nodes|machines|servers))?(?:\\s+(?:are|is)\\s+(?:the\\s+)?(?:sxm|pcie|nvl)\\d?)?(?:\\s+(?:here|there|now|total))?[.,:;]?\\s*(?:(?:and\\s+)?there\\s+are\\s+|(?:we\\s+have\\s+)|(?:(?:box|server|node|machine|rig|workstation)\\s)?(?:has|holds|contains)\\s)?(${COUNT_SOURCE})\\s+of\\s+(?:them|em|'em)\\b`,
);

/** "both" right before a GPU's plural name: "2 of them, both 4090s". */
const BOTH_BEFORE_NAME = /\bboth\s+(?:(?:the|our|are|were)\s+)?$/;

/** Words that make a memory figure the total of several GPUs: "256GB total", "96 GB combined". */
const TOTAL_WORD = String.raw`(?:total|in\s+total|combined|altogether|all\s+together|overall|in\s+all)\b`;

/** Characters after a GPU name read for its memory and count ("H100 (80 GB) x 8", "A100s with 40 GB each"). */
const AFTER_WINDOW = 60;

/** Counts larger than this are not read from the text (a typo or an unrelated number). */
const MAX_GPU_COUNT = 4096;

/**
 * Finds GPU facts: `gpuName` (resolved with the catalog's scanner, longest alias first), `gpuCount` (digits,
 * number words, "a pair of", "dual", "quad", "4x", "x 8"; 0 for "no GPUs"/"CPU only") and `gpuMemoryGB`
 * (only when typed, e.g. "80GB", or when an ambiguous name such as "H100" only exists with one memory size).
 */
/** "80 GiB of vram total, split over 2 cards", "80GB total across 2 GPUs". */
const TOTAL_OVER_CARDS = new RegExp(
  `\\b(\\d{1,4})\\s?(?:gb|gib|gigs?)\\s+(?:of\\s+(?:vram|gpu\\s+memory|memory)\\s+)?(?:in\\s+)?total\\s*,?\\s+(?:split\\s+)?(?:over|across|between|on)\\s+(${COUNT_SOURCE})\\s+(?:cards?|gpus?)\\b`,
  'g',
);

/** "some 24 gig cards, four of them", "48GB GPUs - two of them". */
const CARDS_THEN_COUNT = new RegExp(
  `\\b(\\d{1,3})\\s?(?:gb|gigs?)\\s+(?:gpus?|cards?)\\s*(?:,|-|–|—)?\\s*(${COUNT_SOURCE})\\s+of\\s+them\\b`,
  'g',
);

export const extractGpus: Extractor = (message, context) => {
  const { lower } = message;
  const findings: Finding[] = [];
  const covered: { start: number; end: number }[] = [];

  const mentions = catalogScanner(context.catalog).findGpus(lower);
  for (const [index, mention] of mentions.entries()) {
    // "A100 vs H100" compares two GPUs; it says nothing about the team's hardware.
    if (isComparison(lower, mentions[index - 1], mention) || isComparison(lower, mention, mentions[index + 1]))
      continue;
    let start = mention.start;
    let end = mention.end;
    // A bounded window of the clause: the `…$` patterns below try every offset of the text they get.
    const window = clauseBefore(lower, start);
    // "Min spec is a GTX 1660", "the players' cards": the users' hardware (a device), not the team's GPUs.
    if (USERS_HARDWARE_BEFORE.test(window) || USERS_HARDWARE_AFTER.test(lower.slice(end, end + 40))) continue;
    // "we don't own GPUs but could rent an L4": a rental only weighed, no GPU the team has.
    if (WEIGHED_RENTAL_BEFORE.test(window)) continue;
    // "rent one H100 instead of tying up our 3090": the GPU replaced is not the one the message is about.
    if (REPLACED_BEFORE.test(window)) continue;
    // "That is the MI300X again, not an H100": the advisor's GPU said back, not the team's.
    if (/^\s+again\b/.test(lower.slice(end, end + 8))) continue;
    // "the lab took the 3090 back", "we sold the A100s", "the 3090 is gone": a GPU the team no longer has.
    const following30 = lower.slice(end, end + 30);
    if (
      GONE_BEFORE.test(window) ||
      GONE_AFTER.test(following30) ||
      (NOT_USING_BEFORE.test(window) &&
        (/\bno\s+longer\s+using\b/.test(window) || NOT_USING_AFTER.test(following30))) ||
      (TAKEN_BEFORE.test(window) && TAKEN_AFTER.test(following30))
    ) {
      if (mention.entry)
        findings.push({ field: GONE_GPU_FIELD, value: mention.entry.name, start, end } as unknown as Finding);
      continue;
    }

    const clause = start - window.length;
    const before = COUNT_BEFORE_NAME.exec(window);
    // A bounded window after the name too: `^\s*(…)?\s*` patterns split a long run of spaces every possible way.
    const following = lower.slice(end, end + AFTER_WINDOW);
    const after = AFTER_NAME.exec(following);
    const isNode = NODE_AFTER.test(following);
    let count: number | undefined;
    const memoryInName = /(\d{1,3})\s?(?:gb|gib)\b/.exec(lower.slice(mention.start, mention.end));
    let memory = memoryInName ? Number(memoryInName[1]) : undefined;
    if (before) {
      start = clause + before.index;
      count = before[1] !== undefined ? parseCount(before[1]) : HARDWARE_COUNT_WORDS[before[2] ?? ''];
      // "a second 3090 is on order for March": one more to come, not one more today.
      if ((before[2] === 'a second' || before[2] === 'a third') && ON_ORDER_AFTER.test(following)) count = undefined;
      // "only 2 of the 4 L40S are ours": the share before "of the" is the team's.
      const share = SHARE_OF_BEFORE.exec(window.slice(0, before.index));
      if (share) {
        const part = parseCount(share[1] ?? '');
        if (part !== undefined && count !== undefined && part > 0 && part < count) {
          count = part;
          start = clause + share.index;
        }
      }
      // "our rent for the 8 H100s", "the cost of the 8 H100s": GPUs already known, referred to, not counted anew (a
      // count corrected before stays corrected).
      // ("only 2 of the 4 L40S are ours" is a share of them, read above.)
      if (
        before[1] !== undefined &&
        !share &&
        REFERRED_TO_BEFORE.test(window.slice(0, before.index)) &&
        !OWNED_AFTER.test(following)
      )
        count = undefined;
      // "an H100 node" holds several GPUs; "quad A100 server" still says four.
      if (isNode && (before[2] === 'a' || before[2] === 'an')) count = undefined;
      if (before[3] !== undefined) memory = Number(before[3]);
    }
    const memoryBefore = before ? undefined : MEMORY_BEFORE_NAME.exec(window);
    if (memoryBefore) {
      memory = Number(memoryBefore[1]);
      start = clause + memoryBefore.index;
    }
    const soonAfter = (after?.[1] ?? after?.[2]) !== undefined ? undefined : MEMORY_SOON_AFTER.exec(following);
    if (soonAfter && memory === undefined) memory = Number(soonAfter[1]);
    // "2 A100s on the department cluster (40gb ones i think)": the variant said in brackets after.
    const bracketed = soonAfter || memory !== undefined ? null : MEMORY_IN_BRACKETS_AFTER.exec(following);
    if (bracketed) memory = Number(bracketed[1]);
    // The name's evidence covers the memory typed with it ("A100s with 40GB"), so a later turn can tell a GPU named
    // with its memory from a bare name the catalog resolved to its default variant.
    const typedMemoryBefore = memoryBefore ? clause + memoryBefore.index : undefined;
    const typedMemoryEnd =
      soonAfter && memory === Number(soonAfter[1]) ? end + soonAfter.index + soonAfter[0].length : undefined;
    if (after && after[0].length > 0) {
      const afterMemory = after[1] ?? after[2];
      if (afterMemory !== undefined) memory = Number(afterMemory);
      if (after[3] !== undefined) count = Number(after[3]);
      end += after[0].trimEnd().length;
    }
    if (isNode && !before && after?.[3] === undefined) count = undefined;
    // "my 4090" is one card, "my 4090s" several.
    // (The name may hold its plural "s": "4090s"; "L40S" is singular.)
    const plural =
      lower[mention.end] === 's' || (lower[mention.end - 1] === 's' && !/s$/i.test(mention.entry?.name ?? 's'));
    if (before?.[2] === 'my' && plural) count = undefined;
    // "we have 2 of them, both 4090s": "both" before a plural name counts two ("both A100 and H100" names two kinds).
    if (
      count === undefined &&
      !before &&
      plural &&
      BOTH_BEFORE_NAME.test(window) &&
      !/^s?\s*(?:and|&|or|\+|\/)\s/.test(following)
    )
      count = 2;
    const ofThem = count === undefined ? COUNT_OF_THEM.exec(following) : null;
    if (ofThem) {
      count = parseCount(ofThem[1] ?? '');
      end += ofThem[0].length;
    }
    // "the V100s have 256GB total": the memory of all of them together, not of one GPU.
    if (memory !== undefined && new RegExp(`\\b${memory}\\s?(?:gb|gigs?)\\s+${TOTAL_WORD}`).test(following))
      memory = undefined;
    const entry = variantWithMemory(context.catalog, mention, memory) ?? mention.entry;
    if (entry) {
      const nameEnd = Math.max(mention.end, typedMemoryEnd ?? 0, (after?.[1] ?? after?.[2]) ? end : 0);
      findings.push(finding('gpuName', entry.name, typedMemoryBefore ?? mention.start, nameEnd));
    } else {
      const sizes = new Set(mention.candidates.map((candidate) => candidate.memoryGB));
      const [onlySize] = sizes;
      if (sizes.size === 1 && memory === undefined && onlySize !== undefined) memory = onlySize;
    }
    // "two machines each with 8x H100": the count is per machine.
    const machines = count !== undefined && before ? MACHINES_BEFORE.exec(window.slice(0, before.index)) : null;
    if (machines && count !== undefined) {
      const perMachine = count;
      const machineCount = parseCount(machines[1] ?? '');
      if (machineCount !== undefined && machineCount > 1) {
        count = machineCount * perMachine;
        start = clause + machines.index;
      }
    }
    if (count !== undefined && count <= MAX_GPU_COUNT) findings.push(finding('gpuCount', count, start, end));
    // The catalog GPU carries its memory: "A100 80GB" states the name, not a second fact.
    if (memory !== undefined && memory > 0 && entry?.memoryGB !== memory)
      findings.push(finding('gpuMemoryGB', memory, start, end));
    covered.push({ start, end });
  }

  findings.push(...genericFindings(message, covered));
  // "the A6000s are the older 48GB ones but we only have ONE free, the other is used by the GIS team": of the GPUs
  // named, the count the team can use.
  // (Only of GPUs: named in its sentence, or the GPUs the sentence speaks of; never more than the count said.)
  const stated = findings.filter((other) => other.field === 'gpuCount').map((other) => Number(other.value));
  for (const match of allMatches(ONLY_SOME_FREE, lower)) {
    const sentence = sentenceAround(lower, match.index);
    const start = lower.indexOf(sentence);
    // ("the data team is taking 2 of the L40S. we'll only have 2 left": the GPUs left, said of the sentence before.)
    const left = /\b(?:left|remaining)\b/.test(match[0]);
    const aboutGpus =
      /\b(?:gpus?|cards?)\b/.test(sentence) ||
      mentions.some((mention) => (left || mention.start >= start) && mention.end <= start + sentence.length);
    const count = parseCount(match[1] ?? match[2] ?? match[3] ?? '');
    if (!aboutGpus || count === undefined || count < 1 || stated.some((total) => count > total)) continue;
    for (const item of findings.filter((other) => other.field === 'gpuCount'))
      findings.splice(findings.indexOf(item), 1);
    findings.push(findingFromMatch('gpuCount', count, match));
  }
  // "what's the rough cost difference between qlora on a 4090 vs full fine-tuning on A100s": options compared in a
  // question, not the team's hardware.
  // (The team's own GPUs said in the question, "…on our 2 A100s?", and "no GPUs at all" stay.)
  // ("training can use all 4 A100s, it's only the serving afterwards that gets 1 card": the GPUs serving would keep,
  // not how many the team has.)
  return findings.filter(
    (item) =>
      !(
        item.field === 'gpuCount' && SERVING_SHARE_BEFORE.test(lower.slice(Math.max(0, item.start - 60), item.start))
      ) &&
      ((item.field === 'gpuCount' && item.value === 0) ||
        OURS_BEFORE.test(lower.slice(Math.max(0, item.start - 30), item.start)) ||
        !(comparedInQuestion(sentenceAround(lower, item.start)) || optionsAsked(lower, item.start))),
  );
};

/**
 * "for ~15k, an L40S 48GB or an RTX 6000 Ada or a used A100 80GB?": cards offered as options in a question (to buy,
 * rent or pick), not the team's.
 */
function optionsAsked(lower: string, at: number): boolean {
  const end = lower.slice(at).search(/[.!?\n]/);
  if (end < 0 || lower[at + end] !== '?') return false;
  const sentence = `${sentenceAround(lower, at)}?`;
  return GPU_OR_GPU.test(sentence);
}
/** Two cards joined by "or": "an L40S or an RTX 6000 Ada", "A100 or H100". */
const GPU_OR_GPU =
  /\b(?:rtx|geforce|a\d{2,3}|h\d{2,3}|l4|l40s?|t4|v100|mi\d{3}|a10g?|a6000|\d{4})\b[^.;!?\n]{0,30}?\bor\s+(?:an?\s+|the\s+|(?:a\s+)?used\s+|one\s+|two\s+)?(?:nvidia\s+|amd\s+)?(?:rtx|geforce|a\d{2,3}|h\d{2,3}|l4|l40s?|t4|v100|mi\d{3}|a10g?|a6000)\b/;

/** "…the serving afterwards gets", "serving would only use": a count of GPUs kept for serving follows. */
const SERVING_SHARE_BEFORE =
  /\bserv(?:ing|e|ed)\b[^.;!?\n]{0,40}?\b(?:gets?|uses?|keeps?|needs?|has|would\s+(?:get|use|keep|have))\s+(?:only\s+|just\s+)?$/;

/** "we only have ONE free", "only one of them is available", "just 2 are free for us": the GPUs the team can use. */
const ONLY_SOME_FREE = new RegExp(
  `\\b(?:we\\s+|we'll\\s+|we\\s+will\\s+)?(?:only|just)\\s+(?:have|get|got|keep)\\s+(${COUNT_SOURCE})\\s+(?:of\\s+(?:them|those|these)\\s+)?(?:free|available|spare|usable|left|remaining|for\\s+(?:us|this|ourselves))\\b|\\b(?:we|our\\s+team|my\\s+team|the\\s+team)\\s+(?:(?:only|just)\\s+(?:gets?|uses?|can\\s+use)|gets?|can\\s+use)\\s+(${COUNT_SOURCE})\\s+of\\s+(?:them|those|these|the\\s+(?:gpus|cards))\\b|\\b(?:only|just)\\s+(${COUNT_SOURCE})\\s+(?:of\\s+(?:them|those|these|the\\s+(?:gpus|cards|[ahlt]\\d{1,3}\\w*|rtx\\s?\\d+\\w*|l40s|h100s|a100s))\\s+)?(?:is|are)\\s+(?:free|available|ours|usable)\\b`,
  'g',
);

const OURS_BEFORE = /\b(?:our|my|we\s+(?:have|own|got|run)|we've\s+got)\b[^.;!?\n]*$/;

function comparedInQuestion(sentence: string): boolean {
  return COMPARED_OPTIONS.test(sentence) && /^\W*(?:what|how|which|is|would|should)\b/.test(sentence);
}

/**
 * When the typed memory differs from the matched entry's ("the 40GB A100" matched "A100" = A100 80GB), the
 * catalog entry named with that memory ("A100 40GB"), if there is one.
 */
function variantWithMemory(
  catalog: ExtractionCatalog,
  mention: CatalogMention<Gpu>,
  memory: number | undefined,
): Gpu | undefined {
  if (memory === undefined) return undefined;
  const current = mention.entry ?? mention.candidates.find((candidate) => candidate.memoryGB === memory);
  if (current?.memoryGB === memory) return current;
  const base = (current ?? mention.candidates[0])?.aliases.find((alias) => !/\d+\s?gb/i.test(alias)) ?? current?.name;
  const variant = base ? catalog.findGpu(`${base.replace(/\s*\d+\s?gb\b/i, '')} ${memory}GB`) : undefined;
  return variant?.memoryGB === memory ? variant : undefined;
}

function isComparison(lower: string, left: { end: number } | undefined, right: { start: number } | undefined): boolean {
  if (!left || !right) return false;
  return /^\s*(?:vs\.?|versus|compared\s+(?:to|with)|or)\s*$/.test(lower.slice(left.end, right.start));
}

function genericFindings(message: PreparedMessage, covered: readonly { start: number; end: number }[]): Finding[] {
  const { lower } = message;
  const findings: Finding[] = [];
  const catalogMentions = createSpanIndex(covered);
  // The end users' hardware ("min spec is a GTX 1660 with 6GB VRAM") is a device, not the team's GPUs.
  const usersHardware = (start: number, end: number) =>
    USERS_HARDWARE_BEFORE.test(clauseBefore(lower, start)) || USERS_HARDWARE_AFTER.test(lower.slice(end, end + 40));
  // "4 nodes x 1 GPU": GPUs per machine times machines.
  const perMachine: { start: number; end: number }[] = [];
  // "4x A10G nodes (1 GPU each)": the count in the parentheses is per node.
  for (const match of allMatches(NODES_WITH_GPUS_EACH, lower)) {
    const nodes = parseCount(match[1] ?? '');
    const each = parseCount(match[2] ?? '');
    const end = match.index + match[0].length;
    const open = match.index + match[0].lastIndexOf('(');
    perMachine.push({ start: open, end });
    if (nodes !== undefined && each !== undefined && nodes * each <= MAX_GPU_COUNT)
      findings.push(finding('gpuCount', nodes * each, match.index, end));
  }
  // "2 nodes, 8x MI300X each" and machines times GPUs: the GPUs of every machine together.
  for (const match of [...allMatches(NODES_THEN_EACH, lower), ...allMatches(MACHINES_TIMES_GPUS, lower)]) {
    const machines = parseCount(match[1] ?? '');
    const each = parseCount(match[2] ?? '');
    const end = match.index + match[0].length;
    perMachine.push({ start: match.index, end });
    if (machines !== undefined && each !== undefined && machines * each <= MAX_GPU_COUNT)
      findings.push(finding('gpuCount', machines * each, match.index, end));
  }
  const inPerMachine = createSpanIndex(perMachine);
  const inCatalogMention = (index: number) => catalogMentions.covers(index) || inPerMachine.covers(index);
  for (const match of allMatches(GENERIC_COUNT, lower)) {
    if (inCatalogMention(match.index) || usersHardware(match.index, match.index + match[0].length)) continue;
    // "RTX 4070 laptop GPUs": the digits after a GPU series name are its model number, not a count.
    if (match[1] !== undefined && GPU_SERIES_BEFORE.test(lower.slice(Math.max(0, match.index - 16), match.index)))
      continue;
    let count = match[1] !== undefined ? parseCount(match[1]) : HARDWARE_COUNT_WORDS[match[2] ?? ''];
    const end = match.index + match[0].length;
    // "only 2 of the 4 GPUs are ours": the share is the team's.
    let start = match.index;
    const share = SHARE_OF_BEFORE.exec(lower.slice(Math.max(0, match.index - 40), match.index));
    if (share) {
      const part = parseCount(share[1] ?? '');
      if (part !== undefined && count !== undefined && part > 0 && part < count) {
        count = part;
        start = Math.max(0, match.index - 40) + share.index;
      }
    }
    if (count !== undefined && count <= MAX_GPU_COUNT) findings.push(finding('gpuCount', count, start, end));
    // ("8 GPUs with 40 GB each", "two cards, 12 gigs each": the memory said after the count, either way.)
    const memory = match[3] ?? match[4] ?? match[5];
    if (memory !== undefined) findings.push(finding('gpuMemoryGB', Number(memory), match.index, end));
  }
  for (const match of allMatches(SINGLE_GPU, lower)) {
    if (inCatalogMention(match.index) || usersHardware(match.index, match.index + match[0].length)) continue;
    const start = match.index + (/^\S+\s+/.exec(match[0])?.[0].length ?? 0);
    const end = match.index + match[0].length;
    if (/\b(?:need|want|buy|get)\b/.test(lower.slice(Math.max(0, match.index - 12), match.index))) continue;
    // ("we could rent a gpu for a couple hours": a rental weighed, no GPU the team has.)
    if (
      /^rent\b/.test(match[0]) &&
      /\b(?:could|would|might|may|'d)\s+(?:just\s+|also\s+)?$/.test(
        lower.slice(Math.max(0, match.index - 20), match.index),
      )
    )
      continue;
    // "we tried it zero-shot on a desktop GPU": where an experiment ran, not the team's hardware.
    if (/^\s*on\b/.test(match[0]) && EXPERIMENT_BEFORE.test(clauseBefore(lower, match.index))) continue;
    findings.push(finding('gpuCount', 1, start, end));
    const memory = match[1] ?? match[2];
    if (memory !== undefined) findings.push(finding('gpuMemoryGB', Number(memory), start, end));
  }
  const apple = APPLE_MACHINE.test(lower);
  for (const match of allMatches(NO_GPUS, lower)) {
    if (apple && /\bnvidia\b/.test(match[0])) continue;
    // "there are no GPUs, it's a mac": Apple silicon trains on its built-in GPU (MLX) with the unified memory.
    if (MAC_SAID_NEAR.test(lower.slice(match.index, match.index + match[0].length + 40))) continue;
    findings.push(finding('gpuCount', 0, match.index, match.index + match[0].length));
  }
  for (const match of allMatches(UNLISTED_GPU, lower)) {
    if (inCatalogMention(match.index) || inCatalogMention(match.index + match[0].length - 1)) continue;
    const end = match.index + match[0].length;
    if (usersHardware(match.index, end)) continue;
    const word = match[2] ?? match[5];
    const count =
      match[1] !== undefined
        ? parseCount(match[1])
        : word === 'the'
          ? undefined
          : (HARDWARE_COUNT_WORDS[word ?? ''] ?? (word === 'one' || word === 'our' ? 1 : undefined));
    if (count !== undefined && count > 0 && count <= MAX_GPU_COUNT)
      findings.push(finding('gpuCount', count, match.index, end));
    // ("it's an RTX 3080 not a 3090, 10GB": the memory said after the card, past what it is not.)
    const memoryAfter = MEMORY_AFTER_UNLISTED.exec(lower.slice(end, end + 40));
    const memory = match[3] ?? match[4] ?? match[7] ?? match[8] ?? memoryAfter?.[1];
    if (memory !== undefined && Number(memory) > 0)
      findings.push(finding('gpuMemoryGB', Number(memory), match.index, end + (memoryAfter?.[0].length ?? 0)));
  }
  // "our gpus are some 24 gig cards, four of them": the cards by their memory, then how many.
  for (const match of allMatches(CARDS_THEN_COUNT, lower)) {
    if (usersHardware(match.index, match.index + match[0].length)) continue;
    const count = parseCount(match[2] ?? '');
    const end = match.index + match[0].length;
    if (count !== undefined && count > 0 && count <= MAX_GPU_COUNT)
      findings.push(finding('gpuCount', count, match.index, end));
    findings.push(finding('gpuMemoryGB', Number(match[1]), match.index, end));
  }
  // "the A2000 in that shop PC is the 6 GB version, not the 12 GB one": the card's variant, by its memory.
  // (A catalog GPU named in the message takes the variant into its name: "A100s … the 40GB ones".)
  for (const match of covered.length > 0 ? [] : allMatches(MEMORY_VARIANT, lower)) {
    const memory = Number(match[1]);
    if (memory > 0) findings.push(finding('gpuMemoryGB', memory, match.index, match.index + match[0].length));
  }
  // "the cards are 80GB not 40GB … we have 16 of them, not 8": a correction of the GPUs already named.
  if (GPU_WORD.test(lower)) {
    for (const match of allMatches(CARDS_ARE_MEMORY, lower))
      findings.push(findingFromMatch('gpuMemoryGB', Number(match[1]), match));
    // ("still 4 of them" only right after the GPUs, with no other things counted in between.)
    // ("we get 2 of them" too: a count "of them" right after the GPUs, with no other things counted in between.)
    const ofTheGpus = (pattern: RegExp, window: number) =>
      allMatches(pattern, lower).filter((match) => {
        const before = lower.slice(Math.max(0, match.index - window), match.index);
        return GPU_WORD.test(before) && !OTHER_THINGS_COUNTED.test(before.slice(before.search(GPU_WORD)));
      });
    for (const match of [
      ...allMatches(COUNT_OF_THEM_CORRECTED, lower),
      ...ofTheGpus(STILL_COUNT_OF_THEM, 80),
      ...ofTheGpus(WE_GET_OF_THEM, 120),
    ]) {
      const count = parseCount(match[1] ?? '');
      if (count !== undefined && count > 0 && count <= 4096) findings.push(findingFromMatch('gpuCount', count, match));
    }
  }
  // "about 80 GiB of vram total, split over 2 cards": the total memory over a count of cards is that much on each.
  const totals = allMatches(TOTAL_OVER_CARDS, lower);
  for (const match of totals) {
    const count = parseCount(match[2] ?? '');
    if (count === undefined || count <= 0 || count > MAX_GPU_COUNT) continue;
    findings.push(findingFromMatch('gpuCount', count, match));
    findings.push(findingFromMatch('gpuMemoryGB', Number(match[1]) / count, match));
  }
  for (const match of allMatches(VRAM, lower)) {
    if (inCatalogMention(match.index) || usersHardware(match.index, match.index + match[0].length)) continue;
    if (totals.some((total) => total.index <= match.index && match.index < total.index + total[0].length)) continue;
    const digits = match[1] ?? match[2] ?? match[3] ?? match[5] ?? match[6];
    const memory = digits !== undefined ? Number(digits) : parseCount(match[4] ?? '');
    if (memory !== undefined && memory > 0)
      findings.push(finding('gpuMemoryGB', memory, match.index, match.index + match[0].length));
  }
  return findings;
}
