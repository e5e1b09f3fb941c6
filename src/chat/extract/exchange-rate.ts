/**
 * @module Exchange rates a message states ("a pound is about 1.27 dollars", "1 USD = 84 INR"), or an earlier message of
 * the conversation did: money said in that currency is converted to US dollars at the team's own rate. Without one,
 * pounds and euros are read 1:1 (the reply says so) and currencies far from the dollar (rupees, yen, won, yuan) are left
 * out for the reply to ask about; the rate's own figures are no budget.
 */
import type { Finding, PreparedMessage } from './types.ts';

/** The profile's money fields, all in US dollars. */
export const MONEY_FIELDS: ReadonlySet<string> = new Set([
  'monthlyBudgetUSD',
  'oneTimeBudgetUSD',
  'currentMonthlySpendUSD',
]);

/** Currencies by the words and signs people use for them. */
const CURRENCIES: readonly (readonly [string, RegExp])[] = [
  ['£', /^(?:£|gbp|pounds?|quid)$/],
  ['€', /^(?:€|eur|euros?)$/],
  ['CHF', /^(?:chf|francs?|swiss\s+francs?)$/],
  ['₹', /^(?:₹|inr|rupees?|rs\.?)$/],
  ['¥', /^(?:¥|jpy|yen)$/],
  ['₩', /^(?:₩|krw|won)$/],
  ['CN¥', /^(?:yuan|rmb|cny|renminbi)$/],
  ['R$', /^(?:r\$|brl|reais|reals?)$/],
  ['₦', /^(?:₦|ngn|naira)$/],
  ['KSh', /^(?:ksh|kes|shillings?)$/],
  ['ZAR', /^(?:zar|rand)$/],
  ['MXN', /^(?:mxn|pesos?)$/],
  ['₱', /^(?:₱|php)$/],
  ['₺', /^(?:₺|try|lira)$/],
  ['฿', /^(?:฿|thb|baht)$/],
  ['IDR', /^(?:idr|rupiah)$/],
  ['₫', /^(?:₫|vnd|dong|đồng)$/],
  ['MYR', /^(?:myr|ringgit)$/],
  ['PLN', /^(?:pln|zlotys?|złotys?|zł)$/],
  ['AED', /^(?:aed|dirhams?)$/],
  ['SAR', /^(?:sar|riyals?)$/],
  // Dollars of other countries: "S$27k", "SGD 4,000", "A$ 5k", "CAD 3,000".
  ['S$', /^(?:s\$|sgd|singapore\s+dollars?)$/],
  ['A$', /^(?:a\$|au\$|aud|australian\s+dollars?)$/],
  ['C$', /^(?:c\$|ca\$|cad|canadian\s+dollars?)$/],
  ['HK$', /^(?:hk\$|hkd|hong\s+kong\s+dollars?)$/],
  ['NZ$', /^(?:nz\$|nzd|new\s+zealand\s+dollars?)$/],
];
const CURRENCY_WORD = String.raw`(?:đồng|£|€|₹|¥|₩|₦|₱|₺|฿|₫|r\$|zł|złotys?|\b(?:(?:canadian|australian|singapore|hong\s+kong|new\s+zealand)\s+dollars?|gbp|pounds?|quid|eur|euros?|chf|(?:swiss\s+)?francs?|inr|rupees?|rs|jpy|yen|krw|won|yuan|rmb|cny|renminbi|brl|reais|ngn|naira|ksh|kes|shillings?|zar|rand|mxn|pesos?|php|try|lira|thb|baht|idr|rupiah|vnd|dong|myr|ringgit|pln|zlotys?|aed|dirhams?|sar|riyals?|sgd|aud|cad|hkd|nzd)\b\.?|\b(?:s|au?|ca?|hk|nz)\$)`;
/**
 * Currencies whose unit is far from a dollar (a rupee, a yen, a won, a yuan): read 1:1 they would make a budget tens to
 * a thousand times too large, so an amount in one of them is taken only at a rate the team states.
 */
const FAR_FROM_THE_DOLLAR: ReadonlySet<string> = new Set([
  '₹',
  '¥',
  '₩',
  'CN¥',
  'R$',
  // Taken only at a stated rate, whatever their size: no rate is assumed for them.
  'CHF',
  '₦',
  'KSh',
  'ZAR',
  'MXN',
  '₱',
  '₺',
  '฿',
  'IDR',
  '₫',
  'MYR',
  'PLN',
  'AED',
  'SAR',
  // Other dollars are worth 0.6-0.8 US dollars: read 1:1 they would overstate a budget by up to 1.6 times.
  'S$',
  'A$',
  'C$',
  'HK$',
  'NZ$',
]);
const DOLLAR_WORD = String.raw`(?:\$|usd|us\s?dollars?|dollars?|bucks)`;
/** Other countries' dollars named in words: "Canadian dollars", "australian dollar". */
const OTHER_DOLLARS = /\b(?:canadian|australian|singapore|hong\s+kong|new\s+zealand)\s+dollars?\b/;
/** A rate as written: "84", "1.27", "1,380", or with a decimal comma ("5,40", as Brazil and most of Europe write it). */
const RATE_NUMBER = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![,\d])|\d+,\d{1,2}(?![\d,])|\d+(?:\.\d+)?)`;

/** The number of a rate: thousands commas dropped, a decimal comma ("5,40") read as a point. */
function rateValue(text: string): number {
  return /^\d+,\d{1,2}$/.test(text) ? Number(text.replace(',', '.')) : Number(text.replaceAll(',', ''));
}

/** "a pound is about 1.27 dollars", "1 GBP = 1.27 USD", "€1 ≈ $1.08". */
const UNIT_IN_DOLLARS = new RegExp(
  String.raw`\b(?:(?:1|one|a|an)\s*)?(${CURRENCY_WORD})\s*1?\s*(?:is|=|≈|~|equals|is\s+worth|is\s+roughly|is\s+about|is\s+around)\s*(?:about\s+|roughly\s+|around\s+|~\s*)?\$?\s?${RATE_NUMBER}\s*${DOLLAR_WORD}?`,
  'g',
);
/** "1 USD = 84 INR", "a dollar is about 150 yen", "$1 ≈ 0.79 GBP", "one dollar is about R$ 5,40" (sign first). */
const DOLLAR_IN_UNITS = new RegExp(
  String.raw`\b(?:(?:1|one|a|the)\s*)?${DOLLAR_WORD}\s*1?\s*(?:is\s+at|is|=|≈|~|equals|is\s+about|is\s+roughly|is\s+around|stands\s+at)\s*(?:about\s+|roughly\s+|around\s+|~\s*)?(?:${RATE_NUMBER}\s*(${CURRENCY_WORD})|(${CURRENCY_WORD})\s?${RATE_NUMBER})`,
  'g',
);

/** "₦1,550 to the dollar", "at about 17 pesos per US dollar", "1,380 won to one dollar": units for one dollar. */
const UNITS_TO_THE_DOLLAR = new RegExp(
  String.raw`(?:(${CURRENCY_WORD})\s?${RATE_NUMBER}|(?<![\d.,])${RATE_NUMBER}\s?(${CURRENCY_WORD}))(?:\s+(?:to|per|for|=)\s+|\s*\/\s*)(?:(?:the|a|one|1|each)\s+)?(?:us\s?|u\.s\.\s?)?(?:dollar|usd)\b`,
  'g',
);

/** "the real is about 5.6 to the dollar", "the rupee is at 84 per dollar": the currency named, then units per dollar. */
const CURRENCY_IS_UNITS = new RegExp(
  String.raw`\bthe\s+(real|rupee|yen|won|yuan|peso|naira|rand|lira|baht|ringgit|shilling|zloty|dirham|riyal)\s+is\s+(?:at\s+)?(?:about\s+|around\s+|roughly\s+|~\s*)?${RATE_NUMBER}\s+(?:to|per)\s+(?:(?:the|a|one|1)\s+)?(?:us\s?)?(?:dollar|usd)\b`,
  'g',
);
/** The plural (or the sign) a singular currency name goes by in the catalog of currencies. */
const PLURAL_OF: Readonly<Record<string, string>> = {
  real: 'reais',
  rupee: 'rupees',
  peso: 'pesos',
  shilling: 'shillings',
  zloty: 'zlotys',
  dirham: 'dirhams',
  riyal: 'riyals',
};

export interface StatedRate {
  /** The currency's sign (£, €, ₹, ¥). */
  readonly sign: string;
  readonly usdPerUnit: number;
  readonly start: number;
  readonly end: number;
}

function signOf(word: string): string | undefined {
  // ("84 rupees." at a sentence's end: the word, not its full stop.)
  const text = word.toLowerCase().replace(/\.$/, '');
  return CURRENCIES.find(([, pattern]) => pattern.test(text))?.[0];
}

/** The exchange rates a message states. */
export function statedRates(lower: string): StatedRate[] {
  const rates: StatedRate[] = [];
  // ("the yen is about 150 per dollar": units per dollar, read first, so "yen is about 150" is not $150 a yen.)
  for (const match of lower.matchAll(CURRENCY_IS_UNITS)) {
    const name = match[1] ?? '';
    const sign = signOf(PLURAL_OF[name] ?? name);
    const value = rateValue(match[2] ?? '');
    if (sign && value > 0)
      rates.push({ sign, usdPerUnit: 1 / value, start: match.index, end: match.index + match[0].length });
  }
  const inNamed = (at: number) => rates.some((rate) => rate.start <= at && at < rate.end);
  for (const match of lower.matchAll(UNIT_IN_DOLLARS)) {
    const sign = signOf(match[1] ?? '');
    const value = rateValue(match[2] ?? '');
    if (sign && value > 0 && !inNamed(match.index))
      rates.push({ sign, usdPerUnit: value, start: match.index, end: match.index + match[0].length });
  }
  for (const match of lower.matchAll(DOLLAR_IN_UNITS)) {
    const sign = signOf(match[2] ?? match[3] ?? '');
    const value = rateValue(match[1] ?? match[4] ?? '');
    if (sign && value > 0)
      rates.push({ sign, usdPerUnit: 1 / value, start: match.index, end: match.index + match[0].length });
  }
  for (const match of lower.matchAll(UNITS_TO_THE_DOLLAR)) {
    const sign = signOf(match[1] ?? match[4] ?? '');
    const value = rateValue(match[2] ?? match[3] ?? '');
    if (sign && value > 0)
      rates.push({ sign, usdPerUnit: 1 / value, start: match.index, end: match.index + match[0].length });
  }
  return rates;
}

/** The currency a money finding was said in (its sign or word just before, inside or just after it), if not dollars. */
function currencyOf(message: PreparedMessage, item: Finding): string | undefined {
  // "R$ 40.000": Brazilian reais, whose sign ends in a dollar sign; "S$27k", "A$5k", "HK$40k": other dollars.
  if (message.lower[item.start] === '$') {
    const prefix = /\b(r|s|au?|ca?|hk|nz)$/.exec(message.lower.slice(Math.max(0, item.start - 2), item.start))?.[1];
    if (prefix !== undefined) return signOf(`${prefix}$`);
  }
  // "50,000 Canadian dollars": another country's dollars, named.
  const named = OTHER_DOLLARS.exec(message.lower.slice(item.start, item.end))?.[0];
  if (named !== undefined) return signOf(named);
  // "$3k (about ₹2.5 lakh)": an amount said in dollars is dollars, whatever gloss follows it.
  if (new RegExp(DOLLAR_WORD).test(message.lower.slice(item.start, item.end))) return undefined;
  // (A sign or "Rs" just before: "Rs 5 lakh", "₹ 5 lakh".)
  const around = message.lower.slice(Math.max(0, item.start - 4), Math.min(message.lower.length, item.end + 10));
  const word = new RegExp(CURRENCY_WORD).exec(around)?.[0];
  return word === undefined ? undefined : signOf(word);
}

/**
 * Money findings converted at the rates the message states (the rate's own figures dropped), with the note each
 * converted one carries in its evidence ("at $1.27 per £"). Findings in dollars, or in a currency with no stated rate,
 * are left as they are.
 */
export function convertStatedCurrencies(
  message: PreparedMessage,
  findings: readonly Finding[],
  earlier: readonly StatedRate[] = [],
): { findings: Finding[]; notes: Map<Finding, string>; unconverted: Finding[] } {
  const notes = new Map<Finding, string>();
  const unconverted: Finding[] = [];
  const own = statedRates(message.lower);
  // Rates said in earlier messages count after the message's own, and have no words in this one.
  const rates = [...own, ...[...earlier].reverse().map((rate) => ({ ...rate, start: -1, end: -1 }))];
  const converted: Finding[] = [];
  for (const item of findings) {
    if (!MONEY_FIELDS.has(item.field) || typeof item.value !== 'number') {
      converted.push(item);
      continue;
    }
    // "1.27 dollars" inside "a pound is about 1.27 dollars" is the rate, not a budget.
    if (rates.some((rate) => item.start < rate.end && rate.start < item.end)) continue;
    const sign = currencyOf(message, item);
    // ("₱200k (1 USD is about 58 pesos)": "pesos" beside a ₱ amount are Philippine pesos.)
    const rate =
      sign === undefined
        ? undefined
        : (rates.find((entry) => entry.sign === sign) ??
          (sign === '₱' ? rates.find((entry) => entry.sign === 'MXN') : undefined));
    if (rate === undefined) {
      // "₹5 lakh" with no rate: left out, and the words kept so the reply can ask for it in dollars.
      if (sign !== undefined && FAR_FROM_THE_DOLLAR.has(sign)) unconverted.push(item);
      else converted.push(item);
      continue;
    }
    const next = { ...item, value: Math.round(item.value * rate.usdPerUnit) } as Finding;
    notes.set(next, `at $${Number(rate.usdPerUnit.toPrecision(3))} per ${sign}`);
    converted.push(next);
  }
  return { findings: converted, notes, unconverted };
}
