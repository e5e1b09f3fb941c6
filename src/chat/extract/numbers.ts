/**
 * @module Number phrases people type: "5k", "1.5k", "2,000", "1M", "$2 grand", "twenty", "a dozen",
 * "twelve hundred", "fifty thousand", "~300".
 */

/** Tokens in a page of text: Anthropic's "200,000 tokens, about 500 pages" (knowledge: ant-cr). */
export const TOKENS_PER_PAGE = 400;
/** Tokens in a word of English text: OpenAI's "100 tokens ≈ 75 words" (knowledge: oai-tokens). */
export const TOKENS_PER_WORD = 4 / 3;

/** Number words with their values (one..twenty, the tens, "a dozen"). */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  'a dozen': 12,
  'a couple': 2,
  'a hundred': 100,
  'one hundred': 100,
  'a thousand': 1000,
  'one thousand': 1000,
};

const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const UNITS = 'one|two|three|four|five|six|seven|eight|nine';
const WORDS = Object.keys(NUMBER_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** Digits: "2,000", "1.5", "300" — not part of a word, a version ("3.1") or an identifier ("gpt-4"). */
const DIGITS = String.raw`(?<![\w.,$€£-])(?:\d{1,3},\d{1,2}(?=\s?(?:k|mio|million|m|mn|thousand)(?![a-z\d]))|(?:\d{1,2}(?:,\d{2})+,\d{3}|\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d.,]\d)(?!\d))`;
/**
 * A multiplier glued to or following the digits: "5k", "1.5 k", "2 million", "1M", "3 thousand", "2 mil", and a power of
 * ten written as engineers do ("3e5 tokens", "~3e4 pairs").
 */
const MULTIPLIER = String.raw`(?:e[3-9](?![a-z\d])|\s?(?:k|thousand|grand|m|mn|million|mill?|mio\.?|lakhs?|lacs?|crores?)(?![a-z\d]))?`;
/** Scale words after number words: "twelve hundred", "fifty thousand", "two million", "three hundred thousand". */
const WORD_SCALE = String.raw`(?:[\s-]hundred(?:[\s-](?:and[\s-])?(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)(?=[\s-](?:thousand|million)))?)?(?:[\s-](?:thousand|million))?`;

/**
 * "forty-odd thousand", "40-odd", "twenty odd thousand" (and "three hundred-ish" after the scale): a round number said
 * loosely (read as the round number).
 */
const ODD = String.raw`(?:-odd\b|\s+odd(?=[\s-](?:hundred|thousand|million)\b))?`;

/** A fraction of a scale word: "half a million", "a quarter million", "half a mil", "half a billion". */
const FRACTION_OF_SCALE = String.raw`(?:(?<!\band\s)half(?:\s+a)?|a\s+quarter(?:\s+of\s+a)?|a\s+half)\s+(?:billion|million|mil|thousand)`;
const FRACTIONS: Readonly<Record<string, number>> = { half: 0.5, quarter: 0.25 };
/**
 * A rough count of a scale: "a few hundred", "several thousand" (three of it, as people mean a handful). Not part of
 * COUNT_SOURCE: most fields invent no number from it; a volume ("a few hundred emails a week") reads it.
 */
export const ROUGH_OF_SCALE = String.raw`(?:a\s+few|several)\s+(?:hundred(?:\s+thousand)?|thousand|million)`;

/**
 * Regex source for one count: digits with an optional multiplier, or number words ("twenty five", "a dozen").
 * Never matches inside identifiers such as "gpt-4o", "llama3" or "3.1".
 */
export const COUNT_SOURCE = `(?:\\b(?:${UNITS}|(?<![\\d.,])\\d+)\\s+and\\s+a\\s+half${WORD_SCALE}\\b|${DIGITS}${ODD}${MULTIPLIER}(?:-?ish\\b)?|\\b(?:(?:${TENS})[\\s-](?:${UNITS})|${WORDS})${ODD}${WORD_SCALE}(?:-ish)?\\b|\\b${FRACTION_OF_SCALE}\\b)`;

/** Regex source for hedges before a number: "about", "~", "around", "roughly", "maybe", "at least"… */
export const APPROX_SOURCE = String.raw`(?:(?:about|around|roughly|approximately|approx\.?|~|≈|maybe|like|nearly|almost|over|more than|at least|just over|just under|close to|some)\s*)?`;

/** Indian numbering: "3 lakh examples" (a hundred thousand), "2 crore tokens" or "₹1.5 cr" (ten million). */
export const INDIAN_SCALES: Readonly<Record<string, number>> = {
  lakh: 1e5,
  lakhs: 1e5,
  lac: 1e5,
  lacs: 1e5,
  crore: 1e7,
  crores: 1e7,
};

const MULTIPLIER_VALUES: Readonly<Record<string, number>> = {
  k: 1e3,
  thousand: 1e3,
  grand: 1e3,
  m: 1e6,
  mn: 1e6,
  million: 1e6,
  // "1.5 mil requests": English slang for a million (the Portuguese and Spanish thousand is money's, budget.ts).
  mil: 1e6,
  mill: 1e6,
  ...INDIAN_SCALES,
};

const WORD_SCALE_VALUES: Readonly<Record<string, number>> = { hundred: 100, thousand: 1e3, million: 1e6 };

/**
 * Parses a number phrase matched by `COUNT_SOURCE` (with or without a hedge): "5k" → 5000, "1.5 million" →
 * 1500000, "2,000" → 2000, "$2 grand" → 2000, "twenty-five" → 25, "a dozen" → 12,
 * "twelve hundred" → 1200, "fifty thousand" → 50000, "half a million" → 500000. Returns undefined for anything else.
 */
export function parseCount(phrase: string): number | undefined {
  const text = phrase
    .trim()
    .toLowerCase()
    .replace(
      /^(?:about|around|roughly|approximately|approx\.?|~|≈|maybe|like|nearly|almost|over|more than|at least|just over|just under|close to|some)\s*/,
      '',
    )
    // ("forty-odd thousand": the round number.)
    .replace(/(?<=[a-z\d])(?:-odd\b|\s+odd(?=[\s-](?:hundred|thousand|million)\b))/, '')
    // ("three hundred-ish": the round number.)
    .replace(/(?<=[a-z\d])-?ish$/, '');
  // "25.000", "1.200.000": dots between groups of three are thousands separators (German, Dutch…); a count has no
  // three-decimal fraction.
  if (/^[1-9]\d{0,2}(?:\.\d{3})+$/.test(text)) return Number(text.replaceAll('.', ''));
  // "1,5 Mio.", "2,5k": a decimal comma before a multiplier (German and other European writing).
  const decimalComma = /^(\d{1,3}),(\d{1,2})\s?(k|thousand|m|mn|million|mio\.?)$/.exec(text);
  if (decimalComma) {
    const base = Number(`${decimalComma[1]}.${decimalComma[2]}`);
    const unit = (decimalComma[3] ?? '').replace(/\.$/, '');
    return roundSignificant(base * (MULTIPLIER_VALUES[unit === 'mio' ? 'million' : unit] ?? 1));
  }
  const digits =
    /^((?:\d{1,2}(?:,\d{2})+,\d{3}|\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(e[3-9]|\s?(?:k|thousand|grand|m|mn|million|mill?|mio\.?|lakhs?|lacs?|crores?))?$/.exec(
      text,
    );
  if (digits) {
    const base = Number(digits[1]!.replaceAll(',', ''));
    const unit = (digits[2] ?? '').trim().replace(/\.$/, '');
    if (/^e\d$/.test(unit)) return roundSignificant(base * 10 ** Number(unit.slice(1)));
    const multiplier = unit ? (MULTIPLIER_VALUES[unit === 'mio' ? 'million' : unit] ?? 1) : 1;
    return Number.isFinite(base) ? roundSignificant(base * multiplier) : undefined;
  }
  const fraction = /^(?:(half)(?:\s+a)?|a\s+(quarter)(?:\s+of\s+a)?|a\s+(half))\s+(billion|million|mil|thousand)$/.exec(
    text,
  );
  if (fraction) {
    const part = FRACTIONS[fraction[1] ?? fraction[2] ?? fraction[3] ?? ''] ?? 1;
    return part * (fraction[4] === 'thousand' ? 1e3 : fraction[4] === 'billion' ? 1e9 : 1e6);
  }
  const rough = /^(?:a\s+few|several)\s+(hundred(?:\s+thousand)?|thousand|million)$/.exec(text);
  if (rough)
    return 3 * (rough[1] === 'hundred' ? 100 : rough[1] === 'thousand' ? 1e3 : rough[1] === 'million' ? 1e6 : 1e5);
  const word = NUMBER_WORDS[text];
  if (word !== undefined) return word;
  // "two and a half", "1 and a half": the whole number and one half.
  const andAHalf = /^(\w+)\s+and\s+a\s+half$/.exec(text);
  if (andAHalf) {
    const whole = /^\d+$/.test(andAHalf[1]!) ? Number(andAHalf[1]) : NUMBER_WORDS[andAHalf[1]!];
    return whole === undefined ? undefined : whole + 0.5;
  }
  // "two hundred fifty" (before a thousand): the hundreds and what follows them.
  const hundreds = /^(.+?)[\s-]hundred[\s-](?:and[\s-])?(.+)$/.exec(text);
  if (hundreds && !/\b(?:thousand|million|hundred)\b/.test(hundreds[2] ?? '')) {
    const high = parseCount(hundreds[1]!);
    const low = parseCount(hundreds[2]!);
    if (high !== undefined && low !== undefined && low < 100) return high * 100 + low;
  }
  const scaled = /^(.+?)[\s-](hundred|thousand|million)$/.exec(text);
  if (scaled) {
    const base = parseCount(scaled[1]!);
    return base === undefined ? undefined : base * WORD_SCALE_VALUES[scaled[2]!]!;
  }
  const compound = new RegExp(`^(${TENS})[\\s-](${UNITS})$`).exec(text);
  if (compound) return (NUMBER_WORDS[compound[1]!] ?? 0) + (NUMBER_WORDS[compound[2]!] ?? 0);
  return undefined;
}

/** Removes floating-point noise such as 1.5 * 1000 = 1500.0000000000002. */
function roundSignificant(value: number): number {
  return Number(value.toPrecision(12));
}
