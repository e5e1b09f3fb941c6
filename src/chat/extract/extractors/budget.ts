/**
 * @module Money: "$500/month" → monthlyBudgetUSD; "budget is 10k", "$2,000 one-off" → oneTimeBudgetUSD;
 * "1.5k per month", "€800 a month", "$12k a year" (÷ 12).
 */
import { COUNT_SOURCE, INDIAN_SCALES, parseCount } from '../numbers.ts';
import {
  allMatches,
  clauseBefore,
  createSpanIndex,
  finding,
  sentenceAround,
  sentenceBefore,
} from '../prepare-message.ts';
import type { Extractor, ExtractorContext, Finding, PreparedMessage } from '../types.ts';

/** Digits with thousands separators, Western ("1,500,000") or Indian ("15,00,000"), or plain. */
const AMOUNT = String.raw`((?:\d{1,2}(?:,\d{2})+,\d{3}|\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?:\s?(triệu|trieu|tys\.?|k|thousand|grand|m|mm|mn|million|bn|billion|lakhs?|lacs?|crores?|cr|mil(?=\s+(?:reais|reals?|pesos?|euros?|soles|bolivianos|colones|r\$))|mill?(?!\s+(?:reais|reals?|pesos?|euros?|soles|bolivianos|colones|r\$)))(?![a-z]))?`;
const CURRENCY_WORD = String.raw`(?:đồng|usd|(?:canadian|australian|singapore|hong\s+kong|new\s+zealand)\s+dollars?|sgd|aud|cad(?!\s+(?:drawings?|files?|models?|designs?|software|data|parts?|work|tools?))|hkd|nzd|us\s?dollars?|dollars?|bucks|eur|euros?|chf|(?:swiss\s+)?francs|gbp|pounds|rupees?|inr|rs|yen|jpy|krw|won|yuan|rmb|cny|naira|ngn|kes|ksh|shillings?|rand|zar|pesos?|mxn|php|lira|try|baht|thb|rupiah|idr|dong|vnd|ringgit|myr|zlotys?|pln|dirhams?|aed|sar|riyals?|€|\$|£|₹|¥|₩|₦|₺|₱|₫|฿|zł|złotys?)`;
/** An amount followed by one of these is a count of something else, not money. */
const NOT_A_UNIT = String.raw`(?!\s*(?:weeks?|days?|months?|years?|hours?|hrs?|gpus?|cards?|people|engineers?|examples?|requests?|users?|tokens?|docs?|documents?|%|percent|ms|seconds?|gb|tb|mb)\b)`;
/** "$500", "€1.5k", "500 dollars", "2k usd", "USD 3,000". */
const MONEY = new RegExp(
  `(?:([$€£₹¥₩₦₺₱₫฿])\\s?${AMOUNT}|(?<![\\w.,])${AMOUNT}\\s?(?:(?:chilean|mexican|colombian|argentine|argentinian|philippine|uruguayan|dominican)\\s+)?(${CURRENCY_WORD})(?![a-z])|\\b(?:usd|eur|chf|gbp|ksh|kes|ngn|zar|mxn|php|idr|inr|brl|aed|thb|myr|pln|vnd|sgd|aud|cad|hkd|nzd)\\.?\\s?${AMOUNT})`,
  'g',
);
/**
 * Money in words or slang: "ten grand", "20 grand", "fifty bucks", "a hundred dollars", and a scale in words with a
 * one-time period after it ("a couple thousand one time"), which only money has.
 */
const WORD_MONEY = new RegExp(
  `(?<![\\w.,$€£-])(?:(${COUNT_SOURCE})\\s+(?:bucks|dollars|euros?|pounds|quid)\\b|(${COUNT_SOURCE})(?<=grand)|(${COUNT_SOURCE}|a\\s+couple(?:\\s+of)?|(?<=\\b(?:under|below|up\\s+to|about|around|roughly|maybe|max|only|less\\s+than|over|spend|budget\\s+(?:is|of))\\s)a|a(?=\\s+grand\\s*(?:a|per|\\/)\\s*(?:month|mo|year|week)\\b))\\s+grand\\b|(${COUNT_SOURCE})(?<=\\b(?:hundred|thousand))(?=(?:\\s+for\\s+(?:the\\s+)?(?:whole\\s+thing|project|pilot|training|build|setup))?,?\\s+(?:one[\\s-]?(?:off|time)|upfront|up[\\s-]front)\\b(?!\\s+(?:examples?|labell?ed|pairs?|samples?|items?|images?|documents?)\\b)))`,
  'g',
);
/** A bare amount after a budget word: "budget is 10k", "budget: 5,000", "budget of about 2k", "budget 5k". */
const BUDGET_AMOUNT = new RegExp(
  `\\bbudget(?:ed)?\\b(?:(?!\\s-\\s)[^.,;!?\\n$€£\\d]){0,30}?(?:'s\\b|\\b(?:is|of|around|about|roughly|approximately|maybe|at|up\\s+to|max|under|below|was|be)\\b|:|=|~|(?<=\\bbudget(?:ed)?)(?=\\s+(?!(?:19|20)\\d\\d(?![\\d,.]|\\s?k\\b))\\d))\\s*(?:(?:now|currently|still|only|just|actually)\\s+)?(?:about\\s+|around\\s+|roughly\\s+|~\\s*)?(?<![\\w.,$€£])${AMOUNT}(?![\\w%]|[.,]\\d)${NOT_A_UNIT}`,
  'dg',
);
/** A bare amount before a budget word: "10k budget", "5k total budget". */
const AMOUNT_BUDGET = new RegExp(
  `(?<![\\w.,$€£-])${AMOUNT}(?![.,]\\d)${NOT_A_UNIT}\\s+(?:(?:total|monthly|one[\\s-]?(?:off|time)|training|compute)\\s+)?budget\\b`,
  'dg',
);
/** A bare amount per month in a clause that talks about money: "we can spend 1.5k per month". */
const CUED_AMOUNT_PER_MONTH = new RegExp(
  `(?<![\\w.,$€£-])${AMOUNT}\\s*(?:\\/\\s?mo(?:nth)?|per\\s+month|a\\s+month|monthly)\\b`,
  'dg',
);
/**
 * A bare amount said as what may be spent, with its period before it: "a one-off 30k for the whole thing",
 * "monthly we can do like 2.5k", "upfront maybe 10k".
 */
const PERIOD_THEN_AMOUNT = new RegExp(
  `\\b(?:(?:a|an)\\s+)?(?:one[\\s-]?(?:off|time)|upfront|up[\\s-]front|monthly)\\s+(?:(?:(?:after\\s+that|afterwards|thereafter|then),?\\s+)?(?:no\\s+more\\s+than|at\\s+most|up\\s+to|max(?:imum)?|under)\\s+)?(?:(?:we|i)\\s+(?:can|could)\\s+(?:do|spend|afford|put\\s+in)\\s+|budget\\s+(?:of\\s+|is\\s+)?)?(?:like\\s+|about\\s+|around\\s+|roughly\\s+|maybe\\s+|~\\s*)?(?<![\\w.,$€£])${AMOUNT}(?![.,]?\\d)${NOT_A_UNIT}`,
  'dg',
);
/** "20k once on training": once as a period, not "2k once we launch". */
const ONCE = String.raw`once(?=\s+(?:on|for)\b|\s*[,.;]|\s*$)`;
/**
 * A bare amount with its budget period right after it: "5k one time, maybe 500/mo after that", "the 15k is per month,
 * not one-time", "10k upfront". Read only where the sentence names a one-time period (which only money has) or a budget.
 */
const AMOUNT_THEN_PERIOD = new RegExp(
  `(?<![\\w.,$€£-])${AMOUNT}(?![.,]?\\d)(?:\\s+for\\s+(?:the\\s+)?(?:whole\\s+|entire\\s+)?(?:project|thing|build|pilot|migration)\\b(?=,?\\s+(?:one[\\s-]?(?:off|time)|upfront|up[\\s-]front)))?(?:,\\s+(?=one[\\s-]?(?:off|time)|upfront|up[\\s-]front)|\\s+)(?:(?:is|was)\\s+(?:a\\s+|for\\s+a\\s+)?)?(?:one[\\s-]?(?:off|time)|${ONCE}|upfront|up[\\s-]front|per\\s+month|a\\s+month|monthly|total(?=,?\\s+one[\\s-]?(?:off|time)\\b))\\b`,
  'dg',
);
const ONE_TIME_OR_BUDGET_WORD = new RegExp(
  String.raw`\b(?:one[\s-]?(?:off|time)|upfront|up[\s-]front|budget)\b|\b(?:spend|pay|put\s+in|invest)\b[^.;!?\n]{0,30}\b${ONCE}`,
);

/** "the monthly number I gave you was wrong, it's 2k/month not 20k": the budget said again, corrected. */
const BUDGET_FIGURE_CORRECTED = new RegExp(
  `\\b(?:the\\s+)?(?:monthly|one[\\s-]?(?:off|time)|upfront|budget)\\s+(?:budget\\s+)?(?:number|figure|amount|cap|budget)\\s+(?:i|we)\\s+(?:gave|said|told|mentioned|wrote)\\b[^.;!?\\n]{0,60}?\\b(?:it's|its|it\\s+is|is|should\\s+be|was\\s+meant\\s+to\\s+be)\\s+(?:about\\s+|around\\s+|~\\s*)?[$€£]?(?<![\\w.,])${AMOUNT}(?![.,]?\\d)${NOT_A_UNIT}`,
  'dg',
);
/** "the monthly cloud bill can't exceed 1.5k": a ceiling on what is spent each month. */
const MONTHLY_CAP = new RegExp(
  `\\bmonthly\\s+(?:[\\w-]+\\s+){0,2}?(?:bill|spend|costs?)\\s+(?:can't|cannot|can\\s+not|must\\s+not|mustn't|shouldn't|may\\s+not|can't\\s+go)\\s+(?:exceed|go\\s+(?:over|above)|be\\s+more\\s+than|top|over|above)\\s+(?:about\\s+|around\\s+|~\\s*)?(?<![\\w.,$€£])${AMOUNT}(?![.,]?\\d)${NOT_A_UNIT}`,
  'dg',
);
/** A bill said in another currency, then again in dollars: "6 million yen, roughly forty thousand dollars". */
const SAME_AMOUNT_IN_DOLLARS =
  /\b(?:yen|jpy|won|rupees?|yuan|rmb|euros?|pounds?|eur|gbp)\s*,?\s*(?:roughly|about|around|approximately|approx\.?|~|i\.?e\.?,?|so|or|that's|which\s+is)\s*$/;
/** "… on OpenAI right now": the amount is what the team pays today. */
const CURRENT_AFTER = /^[^.;!?\n]{0,30}\b(?:right\s+now|currently|at\s+the\s+moment|today|these\s+days|so\s+far)\b/;
/**
 * "we currently spend $3k a month on OpenAI", "we spend about $9k/month", "we're paying like 40k a month", "our bill is
 * $1,800 a month", "it's eating ~$4k a month": what the team pays today, not a budget (read as `currentMonthlySpendUSD`).
 */
const CURRENT_SPEND_BEFORE =
  /^\s*(?:currently\s+|still\s+|now\s+)?pay(?:ing)?\s+(?:about\s+|around\s+|roughly\s+|~\s*)?$|\b(?:it's|it\s+is|its|that's|which\s+is|they're)\s+(?:eating|burning|costing\s+us|eating\s+up)\s+(?:about\s+|around\s+|roughly\s+|like\s+|~\s*)?$|\b(?:(?:currently|right\s+now|today|already|now)\s+(?:spend|pay)\w*|(?:we|i|they)(?:'re|\s+are)?\s+(?:actually\s+|currently\s+|really\s+|still\s+|already\s+)?(?:spend(?:ing)?|pay(?:ing)?|burn(?:ing)?)|(?:we|i)(?:'re|\s+are)\s+(?:now\s+|currently\s+|already\s+)?at|(?<=(?:^|[.;!?\n,])\s*)paying|\b(?:and|but|so)\s+(?:currently\s+|still\s+)?pay(?:ing)?|(?:bill|spend|invoice)\s+(?:is|was|runs?|comes\s+to|of)(?!\s+(?:fine|ok(?:ay)?|capped|limited|allowed)\b)|\b(?:current|monthly|our|the|api)\s+bill\s+(?:for|on|from|with)\s+[\w.-]+(?:\s+[\w.-]+)?\s+(?:is|was|runs?|comes\s+to)(?!\s+(?:capped|limited|max(?:imum)?|at\s+most|up\s+to|under|below|not\s+to\s+exceed))|(?:costs?|costing)\s+(?:us|me)|(?:api|openai|gpt[\w.-]*|claude|gemini|llm|model)\s+(?:part|portion|share|bill|costs?|spend)\s+(?:alone\s+|itself\s+|only\s+)?(?:is|was|comes?\s+to|runs?)(?!\s+(?:fine|ok(?:ay)?|capped|limited|allowed)\b))\b[^.;!?\n]{0,20}$/;

const PER_MONTH =
  /^\s*(?:(?:us|usd|us\s+dollars)\s+)?(?:(?:is|was|will\s+be)\s+(?:our\s+|the\s+|a\s+)?)?(?:\/\s?(?:mo|month|mon)\b|(?:per|a|an|each|every|\/)\s*month\b|monthly\b|per\s+mo\b|\/mo\b|pm\b|p\/m\b|pcm\b|a\s+mo\b|por\s+m[eê]s\b|al\s+mes\b|pro\s+monat\b|par\s+mois\b|au\s+mois\b)/;
const PER_YEAR =
  /^\s*(?:\/\s?(?:yr|year)\b|(?:per|a|an|each|every)\s+year\b|yearly\b|annually\b|per\s+annum\b|\/yr\b|pa\b)/;
const PER_DAY = /^\s*(?:\/\s?day\b|(?:per|a|an|each|every)\s+day\b|daily\b)/;
const ONE_TIME =
  /^\s*(?:(?:is|was|will\s+be|being)\s+(?:a\s+|the\s+|for\s+the\s+|just\s+|only\s+)?(?=one[\s-]?(?:off|time)|upfront|up[\s-]front|total|once))?(?:one[\s-]?(?:off|time)\b|upfront\b|up[\s-]front\b|total\b|in\s+total\b|overall\b|once\b|for\s+(?:the\s+)?(?:training|project|whole\s+thing|pilot|fine[\s-]?tuning|setup|build))/;
const MONTHLY_BEFORE =
  /(?<!\b(?:training|one[\s-]?(?:time|off)|setup)\s)\b(?:bill|invoice)\b[^.;!?\n]{0,25}$|\b(?:monthly|per[\s-]month|a\s+month|pcm|recurring|running|ongoing|inference|hosting|serving|opex)\b[^.;!?\n]{0,25}$|\b(?:monthly|running|ongoing|recurring)\s+(?:running\s+)?(?:costs?|bill|spend)\s+(?:needs?\s+to|must|has\s+to|should|got\s+to)\s+(?:stay|be|remain|come\s+in)\s+(?:below|under|within|at\s+most)\s*$|(?<!\b(?:no|not\s+a|any)\s+)\b(?:monthly|per[\s-]month)\s+budget\s+(?:for\s+(?:the\s+|our\s+)?(?:[\w-]+\s+){0,3}?)?(?:is|of|=|:|at)\s*(?:about\s+|around\s+|roughly\s+|~\s*)?$/;
const ONE_TIME_BEFORE =
  /\b(?:one[\s-]?(?:off|time)|upfront|up[\s-]front|total|training|capex|project|setup|initial)\b[^.;!?\n]{0,25}$/;
/** Words that make an amount a price or a current cost, not a budget. */
/** (An amount in rupees, yen or yuan is money: it is converted at a rate the team states, or left out and asked.) */
const NOT_A_BUDGET_AFTER =
  /^\s*(?:is|was|'s)\s+(?:our|the)\s+(?:whole\s+|total\s+|entire\s+|current\s+|monthly\s+|combined\s+)+(?:bill|spend|spending|invoice)\b|^\s*(?:for|on)\s+each\s+job\s*\?|^\s*(?:indie\s+|mobile\s+|pc\s+)?(?:game|app|product|item|subscription|licen[cs]e|ticket|purchase|device|phone|gadget|plugin|add-on|dlc)\b|^\s*(?:contradicts|conflicts\s+with|disagrees\s+with|doesn't\s+match|does\s+not\s+match)\b|^\s*(?:is|=|≈|~|equals|is\s+worth)\s*(?:about\s+|roughly\s+|around\s+|approximately\s+|~\s*)?\d[\d,.]*\s*[a-z]{3}\b|^\s*(?:rubles?|roubles?|rub)\b|^\s*(?:words?|tokens?|pages?|documents?|docs|lines|rows|examples?|requests?|queries|users?|characters?|images?|records?|files?|emails?|tickets?|pairs?|samples?|parameters?|params|downloads|players|visitors)\b|^\s*(?:wasn't|wasnt|was\s+not|isn't|isnt|is\s+not|aren't|are\s+not)\s+(?:a|the|our|my)\s+budget\b|^\s*(?:per|a|\/|each|an)\s*(?:request|call|query|token|tokens|1k|1m|million|thousand|hour|hr|h|gpu[\s-]?hour|user|seat|image|page|minute|card|gpu|node|instance|machine|server|box)\b|^\s*(?:\/\s?(?:hr|h|hour|req|token))\b|^[^.;!?\n]{0,60}?\b(?:sounds?|seems?|looks?|is|feels?)\s+(?:way\s+|far\s+|much\s+|a\s+bit\s+|really\s+)?too\s+(?:low|high|cheap|expensive|good|much)\b|^\s*(?:\/\s?mo(?:nth)?\s+|a\s+month\s+|per\s+month\s+)?(?:is|was|would\s+be|'s)\s+(?:way\s+|far\s+|well\s+|a\s+bit\s+|just\s+|still\s+|already\s+)?(?:over|above|more\s+than)\s+(?:our|the|my|your|that)\b|^(?:\s*(?:\/\s?(?:mo|month)|a\s+month|per\s+month))?\s+(?:figure|estimate|number|quote)\b|^(?:\s*(?:\/\s?(?:mo|month)|a\s+month|per\s+month))?\s+(?:is|was|would\s+be|'s)\s+(?:way\s+|much\s+|far\s+|a\s+bit\s+|uncomfortably\s+)?(?:too\s+close|uncomfortably\s+close)\s+to\b/;
const NOT_A_BUDGET_BEFORE =
  /\b(?:not|instead\s+of|rather\s+than)\s*$|\b(?:refunds?|orders?|claims?|transactions?|invoices?|purchases?|transfers?|loans?|deals?)\s+(?:of\s+)?(?:over|above|under|below|exceeding|greater\s+than|more\s+than|less\s+than|worth)\s*$|\b(?:(?:don't|do\s+not|dont)\s+have\s+(?:a|any)|have\s+no)\s+(?:(?:monthly|one[\s-]?(?:time|off)|training|upfront)\s+)?budget\s+of\s*$|\b(?:yen|jpy|won|rupees?|yuan|rmb|euros?|pounds?|eur|gbp)\s*,?\s*(?:roughly|about|around|approximately|approx\.?|~|i\.?e\.?,?|so|or|that's|which\s+is)\s*$|\b(?:that's|that\s+is|thats|which\s+is|it's)\s+(?:the|what\s+we\s+pay)\s*$|\byour\s+(?:own\s+)?$|\b(?:vs\.?|versus|compared?\s+(?:with|to)|comparison\s+(?:with|to))\s+(?:our\s+|the\s+|your\s+|that\s+|what\s+we\s+pay\s+)?(?:current\s+|today'?s\s+|existing\s+)?(?:~\s*|about\s+|around\s+|roughly\s+|approx\.?\s*)?$|\b(?:costs?|costing|priced?|pricing|charges?|charged|bill(?:ed)?|quoted?|raised|revenue|salary|salaries|paid|pays|earn|saves?|saving|lost|(?<!\b(?:is|are|be|was|it's|that's|we're)\s)fine(?!\s+(?:up\s+to|with)\b))\b[^.;!?\n]{0,20}$|\b(?:our|the|their|my|monthly)\s+(?:gpu\s+|cluster\s+)?rent(?:al)?\b(?![^.;!?\n]{0,30}\b(?:budget|cap|limit|afford|spend|tops|max(?:imum)?)\b)[^.;!?\n]{0,30}$|\brented\s+(?:\d+\s*(?:x\s*)?)?(?:[\w-]+\s+){0,2}?(?:gpus?|cards?|[ahlbt]\d{1,3}[a-z]?s?|l40s|rtx\s?\d{4}s?)\s+(?:at|for)\s+$/;
const BUDGET_CUE =
  /\b(?:budget|afford|spend|spending|pay|cap|capped|max(?:imum)?|up\s+to|allocate[d]?|limit|have|got|can\s+(?:put|invest|use|do)|willing|one[\s-]off|(?:be|stay|get|come\s+in|keep\s+(?:it|costs?|the\s+bill))\s+(?:under|below|within)|(?:wants?|needs?)\s+(?:it|that|this|the\s+bill|costs?|(?:the\s+)?spend(?:ing)?)\s+(?:under|below|within))\b/;
/** "does it fit our $50", "is that within the $2k": the team's budget named back in a question. */
const KNOWN_BUDGET_ASKED_BEFORE = /\b(?:fits?|within|inside|under|over|exceed|blow|break)\s+(?:our|the|my|that)\s+$/;
/** A currency the extractor has no rate for ("300k pesos", "5,000 CHF"): not read as dollars. */
const OTHER_CURRENCY_AFTER =
  /^\s*(?:ars|clp|cop|liras|forint|huf|kron[ae]r?|sek|nok|dkk|czk|francs?|chf|sgd|aud|cad|nzd|hkd)\b/;

/** An amount set beside another: "against our", "compared to the", "close to our". */
const REFERENCED_BEFORE =
  /\b(?:against|compared\s+(?:to|with)|versus|vs\.?|too\s+close\s+to)\s+(?:our|the|my|that)\s+$/;
/** "our monthly budget for the model bill is KSh 40,000": a budget for a bill, not the bill. */
const BUDGET_FOR_A_BILL_BEFORE =
  /(?<!\b(?:no|not\s+a|any)\s+(?:[\w-]+\s+)?)\bbudget\s+(?:for|on)\s+(?:the\s+|our\s+|that\s+)?(?:[\w-]+\s+){0,2}?(?:bill|costs?|spend|spending|usage)\s+(?:is|=|:|at|would\s+be|will\s+be)\s*(?:about\s+|around\s+|roughly\s+|~\s*)?$/;
/** A cost that may not go past an amount is a budget: "running cost can't go over $1,200 a month". */
const COST_CAP_BEFORE =
  /\b(?:costs?|spend(?:ing)?|bill)\b[^.;!?\n]{0,20}\b(?:can't|cannot|can\s+not|must\s+not|mustn't|shouldn't|should\s+not|won't|may\s+not)\s+(?:go|be|get|run)\s+(?:over|above|past|beyond|more\s+than)\s*$|\b(?:costs?|spend(?:ing)?|bill)\b[^.;!?\n]{0,20}\b(?:must|has\s+to|have\s+to|needs?\s+to|should|got\s+to)\s+(?:stay|be|remain|come\s+in|keep|get)\s+(?:under|below|within|less\s+than|at\s+most)\s*$|\b(?:costs?|spend(?:ing)?|bill)\s+(?:capped|limited)\s+(?:at|to)\s*$/;

/** Nothing to spend: "no budget (for cloud)", "zero budget", "$0 budget", "basically zero budget", "budget is basically zero", "no money for training" (a bare "basically zero" is read only as the answer to a budget question). */
const ZERO_BUDGET =
  /\b(?:(?:no|zero|nil)\s+(?:(?:real|extra|spare|training|cloud|compute|monthly|hosting|ongoing|recurring)\s+)?(?:budget|money|funds?|spend)(?!\s+(?:constraints?|limits?|caps?|concerns?|issues?|problems?|of)\b)(?![^.;!?\n]{0,25}\byet\b)(?:\s+(?:for|on)\s+(?:the\s+)?(?:cloud|gpus?|renting|rental|training|compute|hosting|serving|inference|this)(?:\s+gpus?)?)?|\$0\s+budget|budget(?:\s+for\s+(?:this|it|that|the\s+(?:project|pilot|training|tuning))\s+is|'s|\s+is|\s*:)?\s+(?![^.;!?\n]{0,20}\b(?:fixed|decided|set|approved|agreed)\b)(?:(?:basically|practically|essentially|effectively|pretty\s+much|close\s+to|next\s+to)\s+)?(?:zero|nil|nothing|\$0)|basically\s+(?:zero|nothing)\s+(?:budget|to\s+spend|for\s+(?:training|compute|hosting))|(?:zero|nothing|nil|\$0)\s+(?:for|on)\s+(?:the\s+)?(?:training|compute|hosting|serving|inference)|(?:nothing|zero|\$0)\s+(?:upfront|up[\s-]front|one[\s-]?(?:off|time))|(?<=\bbudget\b[^.;!?\n]{0,80}?\b(?:and|,)\s+)(?:zero|nothing|\$0)\s+(?:(?:per|a|each)\s+month|monthly|ongoing|recurring)|(?<=\bbudget\b[^.;!?\n]{0,80}?\b(?:and|,)\s+)monthly\s+(?:nothing|zero|\$0))\b/g;

const MULTIPLIERS: Readonly<Record<string, number>> = {
  k: 1e3,
  thousand: 1e3,
  // Vietnamese: "50 triệu đồng" is 50 million dong.
  triệu: 1e6,
  trieu: 1e6,
  // Polish: "10 tys. zł" is 10,000 złoty.
  tys: 1e3,
  'tys.': 1e3,
  grand: 1e3,
  m: 1e6,
  mm: 1e6,
  mn: 1e6,
  million: 1e6,
  bn: 1e9,
  billion: 1e9,
  ...INDIAN_SCALES,
  cr: 1e7,
  // "$2 mil", "3 mill": English slang for a million (amountValue reads "15 mil reais" as a thousand).
  mil: 1e6,
  mill: 1e6,
};

/** "15 mil reais", "20 mil pesos": Portuguese and Spanish "mil" is a thousand, said before a currency that uses it. */
const LATIN_MIL = /\d\s?mil\s+(?:reais|reals?|pesos?|euros?|soles|bolivianos|colones|r\$)|r\$\s?\d[\d.,]*\s?mil\b/;

/**
 * The amount `digits` × `multiplier` says. `lower` is the message: "mil" is a thousand in a message that uses it
 * before reais, pesos or euros ("15 mil reais"), a million otherwise ("$2 mil").
 */
function amountValue(digits: string | undefined, multiplier: string | undefined, lower: string): number | undefined {
  if (digits === undefined) return undefined;
  if (multiplier === 'mil' && LATIN_MIL.test(lower)) multiplier = 'thousand';
  // "€12.000", "15.500 €": money never has three decimals, so these dots separate thousands (European style).
  const plain = /^\d{1,3}(?:\.\d{3})+$/.test(digits) ? digits.replaceAll('.', '') : digits.replaceAll(',', '');
  const value = Number(plain) * (multiplier ? (MULTIPLIERS[multiplier] ?? 1) : 1);
  return Number.isFinite(value) ? Number(value.toPrecision(12)) : undefined;
}

type Period = 'month' | 'one-time' | 'year' | 'day' | undefined;

/** The upper end of a range after an amount: "-2k" in "$1-2k", " to 800" in "$500 to 800", "–$8k". */
const RANGE_TAIL = new RegExp(`^\\s?(?:-|–|—|to)\\s?(?:[$€£₹]\\s?)?${AMOUNT}(?![\\w%]|[.,]\\d)${NOT_A_UNIT}`);

/**
 * A budget said as a range ("$1-2k", "$500 to 800 a month") is read at its upper end, the ceiling the team named;
 * the lower number takes the upper's scale when it has none ("1-2k" is 1,000 to 2,000). Undefined when no range
 * follows `end`, or the second number is no higher than the first (a change, "from $2,000 to 800").
 */
function rangeCeiling(
  lower: string,
  end: number,
  digits: string | undefined,
  multiplier: string | undefined,
): { value: number; end: number } | undefined {
  const tail = RANGE_TAIL.exec(lower.slice(end, end + 40));
  if (!tail) return undefined;
  const upper = amountValue(tail[1], tail[2], lower);
  if (upper === undefined) return undefined;
  // ("$500-2k": the lower number takes the upper's scale only when that keeps it below the upper.)
  const scaled = amountValue(digits, multiplier ?? tail[2], lower);
  const from = scaled !== undefined && scaled < upper ? scaled : amountValue(digits, multiplier, lower);
  if (from === undefined || upper <= from) return undefined;
  return { value: upper, end: end + tail[0].length };
}

const BUDGET_NAMED_AFTER =
  /^\s*(?:is|was|will\s+be)\s+(?:our|the|my)\s+(?:total\s+|whole\s+|entire\s+|ai\s+|training\s+)?(monthly|one[\s-]?(?:time|off)|upfront)\s+(?:ai\s+|compute\s+|training\s+)?budget\b/;

/** Where the next clause starts: "…KSh 40,000, and we have KSh 500,000 one-time" says the second amount's period. */
const NEXT_CLAUSE = /[.;!?\n]|,?\s+(?:and|but|plus|while)\s+(?:we|i|our|there)\b/;

function periodAround(message: PreparedMessage, start: number, end: number): Period {
  const window = message.lower.slice(end, end + 40);
  const cut = NEXT_CLAUSE.exec(window);
  const after = cut === null ? window : window.slice(0, cut.index);
  // "$3k is our monthly budget", "₹2.5 lakh is the one-time budget": the period named with the budget after it.
  const named = BUDGET_NAMED_AFTER.exec(after);
  if (named) return /month/.test(named[1] ?? '') ? 'month' : 'one-time';
  if (PER_MONTH.test(after)) return 'month';
  if (PER_YEAR.test(after)) return 'year';
  if (PER_DAY.test(after)) return 'day';
  if (ONE_TIME.test(after)) return 'one-time';
  // ("…budget for all of this is R$ 15.000": the letters of a dollar sign's currency, "R$", "US$", "A$", are no word.)
  const before = clauseBefore(message.lower, start).replace(/\s(?:r|us|a|c|s|nz|hk|au|ca)$/, ' ');
  // Both said before: monthly, unless a one-time word stands right before the amount ("…for inference, one-time
  // SGD 20k"); "monthly project budget" is monthly.
  const monthly = MONTHLY_BEFORE.exec(before);
  const oneTime = ONE_TIME_BEFORE.exec(before);
  if (monthly && oneTime)
    return /\b(?:one[\s-]?(?:off|time)|upfront|up[\s-]front|initial)\s+(?:[a-z]{3}\s+)?$/.test(before)
      ? 'one-time'
      : 'month';
  if (monthly) return 'month';
  if (oneTime) return 'one-time';
  return undefined;
}

/**
 * A dollar figure given as the gloss of an amount in another currency: "€900, so roughly $1,000", "SGD 4,000 (≈ US$3,000)",
 * "AUD 3,000 (~US$2,000) a month". The words before the dollar sign, up to the other currency's amount.
 */
const FOREIGN_THEN_GLOSS =
  /(?:[€£₹¥₩₦₱₺₫฿]\s?\d[\d,.]*\s?(?:k|m|lakhs?|crores?)?|\b(?:sgd|aud|cad|chf|nzd|hkd|eur|gbp|inr|jpy|cny|rmb|aed|sar|zar|brl|mxn|sek|nok|dkk|pln|czk|try|krw)\s?\d[\d,.]*\s?(?:k|m)?|\b\d[\d,.]*\s?(?:k|m|lakhs?|crores?)?\s?(?:euros?|pounds?|rupees?|yen|reais|pesos|francs|dirhams?|sgd|aud|cad|chf|nzd|hkd|eur|gbp|inr|jpy|cny|rmb|aed|zar|brl|mxn|sek|nok|dkk|pln))(?:\s*(?:\/\s?mo(?:nth)?|a\s+month|per\s+month|a\s+year|one[\s-]?(?:time|off)))?\s*(?:[,;]\s*)?(?:\(\s*(?:roughly\s+|about\s+|around\s+|approx\.?\s+|~\s*|≈\s*)?|(?:so\s+|i\.?e\.?,?\s*|that's\s+|which\s+is\s+)?(?:roughly|about|around|approximately|approx\.?|~|≈|circa|like|call\s+it)\s*)(?:us\s?)?$/;

/** The span of the other-currency amount a dollar figure glosses, if it is one. */
function glossedAmount(lower: string, dollarStart: number): { start: number; end: number } | undefined {
  const from = Math.max(0, dollarStart - 50);
  const match = FOREIGN_THEN_GLOSS.exec(lower.slice(from, dollarStart));
  if (!match) return undefined;
  const amount = /^[^\d]*\d[\d,.]*\s?(?:k|m|lakhs?|crores?)?(?:\s?[a-z]+)?/.exec(match[0]);
  return { start: from + match.index, end: from + match.index + (amount?.[0].length ?? match[0].length) };
}

/** `amountEnd` is where the amount's words end; the period is read after it, and added to the evidence. */
function budgetFinding(
  message: PreparedMessage,
  value: number,
  start: number,
  end: number,
  amountEnd: number,
  requestedField: ExtractorContext['requestedField'],
  glossOf?: { start: number; end: number },
): Finding {
  // A bare "$800" answering "what is your monthly budget?" is per month. A dollar gloss ("€900, so roughly $1,000")
  // takes the period said with the amount it glosses, or after its closing bracket ("(~US$2,000) a month").
  const pastBracket = /^\s*\)/.exec(message.lower.slice(amountEnd))?.[0].length ?? 0;
  const period =
    (glossOf ? periodAround(message, glossOf.start, glossOf.end) : undefined) ??
    periodAround(message, start, amountEnd + pastBracket) ??
    (requestedField === 'monthlyBudgetUSD' ? 'month' : undefined);
  const periodMatch =
    /^\s*(?:(?:\/|per|a|an|each|every)\s*(?:mo|month|mon|year|yr|day)\b|monthly\b|yearly\b|annually\b|daily\b|one[\s-]?(?:off|time)\b|upfront\b|up[\s-]front\b|in\s+total\b|total\b|overall\b)/.exec(
      message.lower.slice(amountEnd),
    );
  const evidenceEnd = Math.max(end, amountEnd + (periodMatch?.[0].length ?? 0));
  if (period === 'month') return finding('monthlyBudgetUSD', value, start, evidenceEnd);
  if (period === 'year') return finding('monthlyBudgetUSD', Number((value / 12).toPrecision(12)), start, evidenceEnd);
  if (period === 'day') return finding('monthlyBudgetUSD', value * 30, start, evidenceEnd);
  return finding('oneTimeBudgetUSD', value, start, evidenceEnd);
}

/**
 * Finds budgets. An amount with a currency sign or word counts unless it reads as a price or a cost ("$2 per
 * hour", "it costs $300"); a bare amount counts only next to "budget" ("budget is 10k", "5k budget"). The period
 * decides the field: per month (per year ÷ 12, per day × 30) → monthlyBudgetUSD, otherwise oneTimeBudgetUSD.
 * Other currencies are converted afterwards at a stated rate, or read 1:1 (pounds, euros) or left out (rupees, yen,
 * won, yuan) without one (exchange-rate.ts); the evidence keeps the sign.
 */
export const extractBudget: Extractor = (message, context) => {
  const { lower } = message;
  const findings: Finding[] = [];
  // "$12k" answering "what do you pay per month today?" is the bill, not a budget.
  if (context.requestedField === 'currentMonthlySpendUSD' && !/\bbudget\b/.test(lower)) return findings;
  const taken: { start: number; end: number }[] = [];
  const glossed: { start: number; end: number }[] = [];
  let rangeEnd = -1;
  // "$1k a month is too much, we'd like it under $300": a bill aimed for, beside a monthly figure in its sentence, is
  // monthly. ("We launch in a month … under $10k in total", "for the one-off training run … under $500": not.)
  const billTargetMatches = allMatches(BILL_TARGET, lower);
  const billTargets = billTargetMatches
    .filter((match) => {
      const sentence = sentenceAround(lower, match.index, 200);
      return MONTHLY_IN_SENTENCE.test(sentence) && !ONE_TIME_IN_SENTENCE.test(sentence);
    })
    .map((match) => ({ start: match.index, end: match.index + match[0].length }));
  for (const match of allMatches(MONEY, lower)) {
    // ("$5k-$8k": the second amount is the range's upper end, read with the first.)
    if (match.index < rangeEnd) continue;
    const said = match[2] !== undefined ? 2 : match[4] !== undefined ? 4 : 7;
    const start = match.index;
    const ceiling = said === 4 ? undefined : rangeCeiling(lower, start + match[0].length, match[said], match[said + 1]);
    const value = ceiling?.value ?? amountValue(match[said], match[said + 1], lower);
    if (value === undefined) continue;
    const end = ceiling?.end ?? start + match[0].length;
    if (ceiling) rangeEnd = ceiling.end;
    const after = lower.slice(end, end + 80);
    const before = clauseBefore(lower, start);
    // ("(1 USD is about 58 pesos)": a rate, not a gloss of the amount before it.)
    const partOfRate = /^\s*(?:is|=|≈|~|equals|to|per)\b|^\s*[=≈~]/.test(lower.slice(end, end + 12));
    const glossOf =
      !partOfRate &&
      (/^(?:us)?\$/.test(match[0]) || match[1] === '$' || /\b(?:usd|us\s?dollars?|dollars?)$/.test(match[0]))
        ? glossedAmount(lower, start)
        : undefined;
    // "total budget is 20 lakh rupees, roughly $24,000": the dollar figure of a budget said in rupees is the budget
    // (the same words after a bill restate the bill, below).
    const glossesABudget =
      glossOf !== undefined &&
      SAME_AMOUNT_IN_DOLLARS.test(before) &&
      !CURRENT_SPEND_BEFORE.test(clauseBefore(lower, glossOf.start)) &&
      /\bbudget\b/.test(clauseBefore(lower, glossOf.start));
    if (
      NOT_A_BUDGET_AFTER.test(after) ||
      (NOT_A_BUDGET_BEFORE.test(before) &&
        !COST_CAP_BEFORE.test(before) &&
        !BUDGET_FOR_A_BILL_BEFORE.test(before) &&
        !glossesABudget)
    )
      continue;
    if (CURRENT_SPEND_BEFORE.test(before) && !CAP_AFTER.test(after) && !BUDGET_FOR_A_BILL_BEFORE.test(before)) continue;
    if (/\b(?:spend|spending|pay|paying)\b/.test(before) && CURRENT_AFTER.test(lower.slice(end, end + 40))) continue;
    // "does it fit our $50?": a budget already said, named in a question about it, not a new one.
    if (
      KNOWN_BUDGET_ASKED_BEFORE.test(before) &&
      /^\s*(?:(?:a|per)\s+month|\/\s?mo\w*|monthly|budget)?\s*\?/.test(lower.slice(end))
    )
      continue;
    // ("does the $437 include those example tokens?": an amount said before, asked about.)
    if (/\b(?:does|did|do|would|will|can|could|is|was|are)\s+(?:the|that|this|your)\s+$/.test(before)) continue;
    // ("the $14k is for BOTH jobs together", "the $14k covers both jobs": an amount said before, shared out, not a new
    // budget. "the $20k is all we can spend" is one.)
    if (
      /\b(?:the|that|this)\s+$/.test(before) &&
      /^\s*(?:(?:a|per)\s+month\s+|\/\s?mo(?:nth)?\s+)?(?:(?:is|was|are|were)\s+(?:(?:for|across|between|split\s+(?:across|between)|shared\s+(?:by|across|between))\s+(?:both|all|the\s+(?:two|whole|entire)|each|every)|split|shared)|covers?\s+(?:both|all|the\s+(?:two|whole|entire)|each|every))\b/.test(
        after,
      )
    )
      continue;
    // "That $321 is over our $300 though": a budget already said, named back bare (no period, no "budget").
    // ("fit within the $2,000 we have", "keep it under the $5k finance approved": a budget stated.)
    if (
      /\b(?:over|exceeds?|exceeding|blows?|breaks?|above)\s+(?:our|my)\s+$/.test(before) &&
      !/^\s*(?:(?:a|per)\s+month|\/\s?mo\w*|monthly|one[\s-]?(?:time|off)|upfront|budget|cap|limit|ceiling|max)\b/.test(
        after,
      )
    )
      continue;
    // "what would serving cost, against our $18,000?", "too close to our $200 ceiling": an amount already said,
    // set beside another one, not a new budget.
    if (
      REFERENCED_BEFORE.test(before) &&
      (/^\s*(?:(?:a|per)\s+month|\/\s?mo\w*|monthly)?\s*\?/.test(lower.slice(end)) ||
        (/\btoo\s+close\s+to\s+\w+\s+$/.test(before) && /^\s*(?:ceiling|cap|limit|budget)\b/.test(lower.slice(end))))
    )
      continue;
    if (billTargets.some((span) => span.start <= start && end <= span.end)) {
      findings.push(finding('monthlyBudgetUSD', value, start, end));
      taken.push({ start, end });
      continue;
    }
    if (glossOf) glossed.push(glossOf);
    // "we pay ₦4.5m which is like $2,900": the dollar figure glosses what is paid today, a bill and no budget.
    if (glossOf && CURRENT_SPEND_BEFORE.test(clauseBefore(lower, glossOf.start))) continue;
    findings.push(budgetFinding(message, value, start, end, end, context.requestedField, glossOf));
    taken.push({ start, end });
  }
  // The other-currency amounts a dollar figure glosses are that figure, not budgets of their own.
  if (glossed.length > 0) {
    const spans = createSpanIndex(glossed);
    for (let index = findings.length - 1; index >= 0; index--) {
      const finding = findings[index];
      if (finding && spans.overlaps(finding.start, finding.end) && !/\$/.test(lower.slice(finding.start, finding.end)))
        findings.splice(index, 1);
    }
  }
  const moneyTaken = createSpanIndex(taken);
  for (const match of allMatches(WORD_MONEY, lower)) {
    const start = match.index;
    const end = start + match[0].length;
    const value = wordMoneyValue(match);
    if (value === undefined || moneyTaken.overlaps(start, end)) continue;
    // ("we'll hand-label a couple thousand upfront": work counted, not money; a scale in words is money only where
    // the clause speaks of money.)
    if (
      match[4] !== undefined &&
      !MONEY_IN_CLAUSE.test(sentenceAround(lower, start, 120)) &&
      !GRANTED_BEFORE.test(lower.slice(Math.max(0, start - 60), start))
    )
      continue;
    const before = clauseBefore(lower, start);
    if (NOT_A_BUDGET_AFTER.test(lower.slice(end, end + 30)) || NOT_A_BUDGET_BEFORE.test(before)) continue;
    if (CURRENT_SPEND_BEFORE.test(before)) continue;
    findings.push(budgetFinding(message, value, start, end, end, context.requestedField));
    taken.push({ start, end });
  }
  for (const pattern of [
    BUDGET_AMOUNT,
    AMOUNT_BUDGET,
    PERIOD_THEN_AMOUNT,
    MONTHLY_CAP,
    BUDGET_FIGURE_CORRECTED,
    AMOUNT_THEN_PERIOD,
    CUED_AMOUNT_PER_MONTH,
  ]) {
    // Matches of one pattern never overlap each other, so the index of earlier patterns' amounts is enough.
    const takenIndex = createSpanIndex(taken);
    for (const match of allMatches(pattern, lower)) {
      const amount = match.indices?.[1];
      if (!amount) continue;
      const saidEnd = match.indices?.[2]?.[1] ?? amount[1];
      // "budget 3 to 5k": a range, read at its upper end.
      const ceiling = pattern === BUDGET_AMOUNT ? rangeCeiling(lower, saidEnd, match[1], match[2]) : undefined;
      const value = ceiling?.value ?? amountValue(match[1], match[2], lower);
      if (value === undefined) continue;
      const amountEnd = ceiling?.end ?? saidEnd;
      if (takenIndex.overlaps(amount[0], amountEnd)) continue;
      // "we actually pay 38k/month", "the 38k wasn't a budget": what the team pays today is no budget.
      if (pattern === CUED_AMOUNT_PER_MONTH && CURRENT_SPEND_BEFORE.test(clauseBefore(lower, amount[0]))) continue;
      if (NOT_A_BUDGET_AFTER.test(lower.slice(amountEnd, amountEnd + 80)) && pattern !== BUDGET_AMOUNT) continue;
      if (OTHER_CURRENCY_AFTER.test(lower.slice(amountEnd, amountEnd + 12))) continue;
      // "20 grand one time, and like 1k/month after": next to other money, a monthly amount is money too.
      const cued = findings.length > 0 || BUDGET_CUE.test(clauseBefore(lower, match.index, 200));
      if (pattern === CUED_AMOUNT_PER_MONTH && !cued) continue;
      if (pattern === AMOUNT_THEN_PERIOD && !ONE_TIME_OR_BUDGET_WORD.test(sentenceAround(lower, match.index, 120)))
        continue;
      // The period said before the amount ("monthly we can do 2.5k") is read from the words before the amount.
      const start =
        pattern === PERIOD_THEN_AMOUNT || pattern === MONTHLY_CAP ? amount[0] : Math.min(match.index, amount[0]);
      const end = pattern === AMOUNT_BUDGET ? match.index + match[0].length : amountEnd;
      const found = budgetFinding(message, value, start, end, amountEnd, context.requestedField);
      // ("The monthly number I gave you was wrong, it's 2k": the period named before the correction decides.)
      const period =
        pattern === BUDGET_FIGURE_CORRECTED
          ? /\b(monthly|one[\s-]?(?:off|time)|upfront)\b/.exec(match[0].slice(0, 24))?.[1]
          : undefined;
      findings.push(
        period === undefined
          ? found
          : { ...found, field: period === 'monthly' ? 'monthlyBudgetUSD' : 'oneTimeBudgetUSD' },
      );
      taken.push({ start: amount[0], end: amountEnd });
    }
  }
  // "it's our current bill. we want to get under 10k": the bill the team aims for is its monthly budget.
  if (/\b(?:bill|per\s+month|a\s+month|\/\s?mo(?:nth)?|monthly)\b/.test(lower)) {
    const takenIndex = createSpanIndex(taken);
    for (const match of billTargetMatches) {
      // Two alternatives, each with its own (digits, multiplier) groups.
      const first = match[1] !== undefined;
      const value = first ? amountValue(match[1], match[2], lower) : amountValue(match[3], match[4], lower);
      const amount = match.indices?.[first ? 1 : 3];
      if (value === undefined || !amount || takenIndex.overlaps(amount[0], amount[1])) continue;
      findings.push(finding('monthlyBudgetUSD', value, match.index, match.index + match[0].length));
    }
  }
  // "no budget for cloud GPUs", "zero budget", "basically zero": nothing to spend (monthly when said of hosting).
  for (const match of allMatches(ZERO_BUDGET, message.lower)) {
    const end = match.index + match[0].length;
    // "our training budget is $0": the words just before the match say which budget too.
    // ("$5000 one-time, nothing monthly": a period in the match itself is the one it says.)
    const said = /\b(?:month|monthly|ongoing|recurring|upfront|one[\s-]?(?:off|time))\b/.test(match[0])
      ? match[0]
      : `${/\S+\s+$/.exec(lower.slice(Math.max(0, match.index - 20), match.index))?.[0] ?? ''}${match[0]}`;
    const monthly = /\b(?:month|monthly|hosting|serving|running|inference|ongoing|recurring)\b/.test(said);
    // ("no GPUs and no budget for any": money for GPUs to buy or rent, not for running what the team has.)
    const forHardware =
      /^\s*(?:for\s+)?(?:any|them|one|those|either)\s*(?:[.;,]|$)/.test(lower.slice(end, end + 20)) &&
      /\b(?:gpus?|hardware|cards?)\b/.test(clauseBefore(lower, match.index, 80));
    const oneTime =
      forHardware ||
      /\b(?:training|compute|upfront|up[\s-]front|one[\s-]?(?:off|time)|cloud|renting|rental|gpus?)\b/.test(said);
    // A budget of zero said of nothing in particular is nothing to spend at all, now or every month.
    if (monthly || !oneTime) findings.push(finding('monthlyBudgetUSD', 0, match.index, end));
    if (oneTime || !monthly) findings.push(finding('oneTimeBudgetUSD', 0, match.index, end));
  }
  // ("we have zero dollars, not one-off not monthly": nothing of either kind.)
  const zero = findings.find((item) => item.value === 0 && item.field === 'oneTimeBudgetUSD');
  if (zero && !findings.some((item) => item.field === 'monthlyBudgetUSD') && NEITHER_KIND.test(lower))
    findings.push(finding('monthlyBudgetUSD', 0, zero.start, zero.end));
  // ("wait, you said $3,750 for GPT-4o a minute ago and now $4,125": the advisor's own figures, quoted back.)
  return findings.filter((item) => !ADVISOR_QUOTED_BEFORE.test(sentenceBefore(lower, item.start)));
};

/**
 * "you said $3,750 … and now $4,125", "you quoted $900": figures the advisor gave, said back to it (the object of the
 * quoting verb, or the figure it "now" gives; not a new clause after it, "you mentioned the budget: we can spend 10k").
 */
const ADVISOR_QUOTED_BEFORE =
  /\byou\s+(?:said|quoted|estimated|told\s+(?:me|us)|gave\s+(?:me|us))\s+(?:it\s+(?:was|would\s+be|is)\s+|(?:about|around|roughly|~)\s*)?$|\byou\s+(?:said|quoted|estimated)\s+\S+(?:[^.;!?\n:—–]){0,60}?\b(?:and\s+)?now\s+(?:it's\s+|its\s+|you\s+say\s+)?$/;

/** The amount a WORD_MONEY match says: its count, in thousands for "N grand". */
function wordMoneyValue(match: RegExpMatchArray): number | undefined {
  const said = match[1] ?? match[2] ?? match[3] ?? match[4] ?? '';
  // ("a couple of grand": two thousand.)
  const words = /^a\s+couple\s+of$/.test(said) ? 2 : said === 'a' ? 1 : parseCount(said);
  return words !== undefined && match[3] !== undefined ? words * 1000 : words;
}

/** Words of money in a clause: a scale said in words before a one-time period is money only beside them. */
const MONEY_IN_CLAUSE =
  /\b(?:budget|spend|pay|cost|costs|invest|afford|money|dollars?|usd|eur|euros?|pounds?|bucks|set\s+aside)\b|\$/;
/** "Finance signed off on maybe around forty thousand": money granted, said right before its amount in words. */
const GRANTED_BEFORE =
  /\b(?:signed\s+off\s+on|approved|allocated|budgeted|granted|gave\s+us|set\s+aside)\s+(?:[a-z]+\s+){0,3}$/;

/**
 * "not one-off not monthly", "neither one-time nor monthly", "no one-off spend and nothing monthly either": a zero
 * said of both kinds of money.
 */
const NEITHER_KIND =
  /\b(?:not|neither)\s+(?:one[\s-]?off|one[\s-]?time|upfront)\s*,?\s*(?:not|nor|or)\s+(?:monthly|recurring|per\s+month)\b|\b(?:nothing|zero|no(?:thing)?\s+spend)\s+(?:monthly|per\s+month|a\s+month|recurring)\b|\bno\s+(?:monthly|recurring)\s+(?:spend|budget|money)\b/;

/** "we want to get under 10k", "bring the bill below $5k", "target is ~5.5k/month": the bill aimed for. */
const BILL_TARGET = new RegExp(
  String.raw`\btarget(?:\s+bill)?\s*(?:is|of|:|=)\s*(?:about\s+|around\s+|~\s*)?[$€£]?${AMOUNT}(?=\s*(?:\/\s?mo(?:nth)?|per\s+month|a\s+month|monthly)\b)|\b(?:get|bring|keep|push|cut|(?:we'd|we\s+would|i'd|i\s+would)\s+(?:like|want|love)|(?:want|need|like)(?=\s+(?:it|that|this|the\s+bill|(?:the\s+)?costs?|(?:the\s+)?spend)\b))\s+(?:it\s+|that\s+|this\s+|the\s+bill\s+|(?:the\s+)?costs?\s+|(?:the\s+)?spend\s+)?(?:to\s+be\s+)?(?:down\s+to\s+|(?:down\s+)?(?:to\s+)?(?:under|below|less\s+than)\s+)(?:maybe\s+|about\s+|around\s+|~\s*)?[$€£₹]?(?:\d+\s*[-–]\s*[$€£₹]?)?${AMOUNT}(?![.,]?\d)(?!\s*(?:tokens?|requests?|calls?|users?|ms|seconds?|examples?|gb)\b)`,
  'dg',
);

/** A monthly figure in the sentence of a bill target (not "in a month", a deadline). */
const MONTHLY_IN_SENTENCE = /\b(?:bill|per\s+month|(?<!\bin\s)a\s+month|\/\s?mo(?:nth)?|monthly)\b/;
/** Words that make a target in its sentence a one-time amount. */
const ONE_TIME_IN_SENTENCE = /\b(?:one[\s-]?(?:off|time)|upfront|up[\s-]front|in\s+total|total|training\s+run|once)\b/;

/** "…$500 a month max", "…tops", "…at most": a ceiling, not what is paid today. */
const CAP_AFTER = /^[^.;!?\n]{0,25}\b(?:max|maximum|tops|at\s+most|ceiling|limit|budget)\b/;

/** "the 14k is what we pay", "$11k is what we spend now", "that 9k is our current bill". */
const IS_WHAT_WE_PAY = new RegExp(
  String.raw`(?<![\w.,-])[$€£]?${AMOUNT}\s+(?:a\s+month\s+|per\s+month\s+|\/\s?mo(?:nth)?\s+)?(?:is|was)\s+(?:what\s+(?:we|i)\s+(?:pay|spend|are\s+paying|are\s+spending)|(?:our|the)\s+(?:current\s+)?(?:monthly\s+)?(?:bill|spend|invoice))\b`,
  'g',
);

/** A bare amount with a multiplier after a spend word: "we're paying like 40k a month". */
const BARE_SPEND_AMOUNT =
  /(?<![\w.,$€£-])((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s?(k|thousand|grand|m|mm|mn|million)(?![a-z])/g;

/** The words right before a bare spend amount: "paying like 40k", "spend about 12k", "the bill is 3k". */
const BARE_SPEND_CUE =
  /\b(?:spend(?:ing)?|pay(?:ing)?|bill\s+(?:is|of)|costs?\s+us)\s+(?:like\s+|about\s+|around\s+|roughly\s+|~\s*|over\s+|almost\s+|close\s+to\s+)?$/;

/**
 * Finds `currentMonthlySpendUSD`: what the team pays per month today ("our bill is $1,800 a month", "we spend about
 * $9k/month on the API", "we're paying like 40k a month on gpt-4o", "$3k a month on OpenAI right now"). An amount
 * with no period counts only as the answer to the question about it; a year is ÷ 12 and a day × 30.
 */
export const extractCurrentSpend: Extractor = (message, context) => {
  const { lower } = message;
  const findings: Finding[] = [];
  const seen: number[] = [];
  const consider = (value: number | undefined, start: number, end: number) => {
    if (value === undefined || seen.includes(start)) return;
    // "$0.02 per request" is a price, not a bill.
    if (NOT_A_BUDGET_AFTER.test(lower.slice(end, end + 30))) return;
    const before = clauseBefore(lower, start);
    // ("our monthly budget for the model bill is KSh 40,000": a budget, for the bill.)
    if (BUDGET_FOR_A_BILL_BEFORE.test(before)) return;
    const current =
      // "about 6 million yen, roughly forty thousand dollars": the bill said again in dollars.
      SAME_AMOUNT_IN_DOLLARS.test(before) ||
      (CURRENT_SPEND_BEFORE.test(before) && !CAP_AFTER.test(lower.slice(end, end + 40))) ||
      (/\b(?:spend|spending|pay|paying)\b/.test(before) && CURRENT_AFTER.test(lower.slice(end, end + 40)));
    if (!current && context.requestedField !== 'currentMonthlySpendUSD') return;
    const after = lower.slice(end, end + 40);
    const period = PER_MONTH.test(after)
      ? 'month'
      : PER_YEAR.test(after)
        ? 'year'
        : PER_DAY.test(after)
          ? 'day'
          : MONTHLY_BEFORE.test(before)
            ? 'month'
            : undefined;
    // (The dollar figure restating a bill takes the bill's period.)
    const restated =
      SAME_AMOUNT_IN_DOLLARS.test(before) &&
      /\b(?:monthly|per\s+month|a\s+month|\/\s?mo(?:nth)?)\b/.test(sentenceBefore(lower, start));
    if (period === undefined && !restated && context.requestedField !== 'currentMonthlySpendUSD') return;
    const monthly = period === 'year' ? value / 12 : period === 'day' ? value * 30 : value;
    seen.push(start);
    findings.push(finding('currentMonthlySpendUSD', Math.round(monthly), start, end));
  };
  for (const match of allMatches(MONEY, lower)) {
    const value =
      amountValue(match[2], match[3], lower) ??
      amountValue(match[4], match[5], lower) ??
      amountValue(match[7], match[8], lower);
    consider(value, match.index, match.index + match[0].length);
  }
  // "6 million yen, roughly forty thousand dollars": a bill restated in dollars, in words.
  for (const match of allMatches(WORD_MONEY, lower)) {
    if (!SAME_AMOUNT_IN_DOLLARS.test(clauseBefore(lower, match.index))) continue;
    consider(wordMoneyValue(match), match.index, match.index + match[0].length);
  }
  // "the 14k is what we pay for the fine-tuned GPT-4o today", "the 11k is what we pay now, not a budget": the bill
  // said back as what is paid (per month, as bills are said here).
  for (const match of allMatches(IS_WHAT_WE_PAY, lower)) {
    const value = amountValue(match[1], match[2], lower);
    if (value === undefined || seen.includes(match.index)) continue;
    seen.push(match.index);
    findings.push(finding('currentMonthlySpendUSD', Math.round(value), match.index, match.index + match[0].length));
  }
  for (const match of allMatches(BARE_SPEND_AMOUNT, lower)) {
    const end = match.index + match[0].length;
    // Right after the spend word, and not a count of something ("40k requests a day").
    if (!BARE_SPEND_CUE.test(lower.slice(Math.max(0, match.index - 40), match.index))) continue;
    if (!new RegExp(`^${NOT_A_UNIT}`).test(lower.slice(end))) continue;
    consider(amountValue(match[1], match[2], lower), match.index, end);
  }
  return findings;
};
