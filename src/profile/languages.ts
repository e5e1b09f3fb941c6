/**
 * Names of human languages as people write them in a task ("complaints in Yoruba and Pidgin"), shared by the chat's
 * extractor and the engine (which checks a multilingual model's pre-training languages against them).
 */

/** Regex source of a language name (lowercase text). */
export const LANGUAGE_SOURCE =
  '(?:bahasa\\s+indonesia|bahasa\\s+melayu|english|eng|spanish|german|french|italian|portuguese|portugese|portugues|dutch|polish|swedish|norwegian|danish|finnish|czech|greek|turkish|russian|ukrainian|arabic|hebrew|hindi|bengali|urdu|japanese|chinese|mandarin|cantonese|korean|vietnamese|thai|indonesian|malay|tagalog|swahili|romanian|hungarian|catalan|persian|farsi|tamil|telugu|bangla|marathi|gujarati|punjabi|kannada|malayalam|nepali|sinhala|burmese|khmer|serbian|croatian|bulgarian|slovak|slovenian|lithuanian|latvian|estonian|icelandic|basque|galician|welsh|afrikaans|yoruba|hausa|igbo|amharic|zulu|xhosa|somali|filipino|quechua|maori|kazakh|uzbek|georgian|armenian|albanian|macedonian|pidgin|javanese|sundanese|pashto|kurdish|mongolian|oromo|tigrinya|kinyarwanda|shona|wolof|malagasy|haitian\\s+creole)';

/** Other spellings, by the name a model's language list uses. */
const CANONICAL: Readonly<Record<string, string>> = {
  portugese: 'portuguese',
  portugues: 'portuguese',
  farsi: 'persian',
  bangla: 'bengali',
  mandarin: 'chinese',
  cantonese: 'chinese',
  filipino: 'tagalog',
  eng: 'english',
  'bahasa indonesia': 'indonesian',
  'bahasa melayu': 'malay',
};

/** Code-mixed languages, by the two languages they mix ("Taglish" is Tagalog and English). */
const CODE_MIXED: Readonly<Record<string, readonly string[]>> = {
  taglish: ['tagalog', 'english'],
  hinglish: ['hindi', 'english'],
  spanglish: ['spanish', 'english'],
  tanglish: ['tamil', 'english'],
  benglish: ['bengali', 'english'],
  konglish: ['korean', 'english'],
  franglais: ['french', 'english'],
  denglisch: ['german', 'english'],
};
/** Regex source of a code-mixed language's name ("taglish", "hinglish"…), shared with the chat's readers. */
export const CODE_MIXED_SOURCE = `(?:${Object.keys(CODE_MIXED).join('|')})`;
const CODE_MIXED_WORD = new RegExp(`\\b${CODE_MIXED_SOURCE}\\b`, 'g');

/** "swahili" → "Swahili": a canonical language name as written in prose. */
export function languageName(name: string): string {
  return name.replace(/\b[a-z]/g, (letter) => letter.toUpperCase());
}

/** "Swahili", "Polish and Czech", "Polish, Czech and Romanian": canonical names as a list in prose. */
export function languageList(names: readonly string[]): string {
  const written = names.map(languageName);
  return written.length <= 1 ? (written[0] ?? '') : `${written.slice(0, -1).join(', ')} and ${written.at(-1)}`;
}

/** The languages a text names, in canonical lowercase English names, each once ("Polish" the verb is not told apart). */
export function languagesNamed(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.toLowerCase().matchAll(CODE_MIXED_WORD))
    for (const name of CODE_MIXED[match[0]] ?? []) found.add(name);
  for (const match of text.toLowerCase().matchAll(new RegExp(`\\b${LANGUAGE_SOURCE}\\b`, 'g'))) {
    const name = match[0].replace(/\s+/g, ' ');
    // "polish the replies" is the verb.
    const after = text
      .toLowerCase()
      .slice((match.index ?? 0) + match[0].length, (match.index ?? 0) + match[0].length + 8);
    if (name === 'polish' && /^\s+(?:the|our|a|an|their|up|off|it|them|and)\b/.test(after)) continue;
    found.add(CANONICAL[name] ?? name);
  }
  return [...found];
}

/** The text names a language other than English (or says it is multilingual). */
export function namesNonEnglish(text: string): boolean {
  return /\bmulti[\s-]?lingual\b/i.test(text) || languagesNamed(text).some((name) => name !== 'english');
}

/** Words around a language name that make it the language of the text, not a nationality ("Turkish Airlines"). */
const LANGUAGE_FRAME_BEFORE =
  /\b(?:in|into|from|to|speak|speaks|speaking|mixed|mixes|both|and|or|plus)\s+(?:mostly\s+|mainly\s+|only\s+|plain\s+)?$/;
const LANGUAGE_FRAME_AFTER =
  /^(?:[\s-]+(?:speaking|speakers?|text|texts|language|translations?|tweets|messages|replies|answers|documents|docs|content|audio|calls?|and\s+\w+|or\s+\w+|\/\s*\w+|only)\b|\s*[,/+&]\s*\w+)/;

/**
 * The languages a text names as languages ("replies in Swahili", "Polish and Czech documents", "Taglish"), not as
 * nationalities or cuisines ("Turkish Airlines", "Japanese ramen"): canonical lowercase names, each once.
 */
export function languagesInFrame(text: string): string[] {
  const lower = text.toLowerCase();
  const found = new Set<string>();
  for (const match of lower.matchAll(CODE_MIXED_WORD)) for (const name of CODE_MIXED[match[0]] ?? []) found.add(name);
  for (const match of lower.matchAll(new RegExp(`\\b${LANGUAGE_SOURCE}\\b`, 'g'))) {
    const at = match.index ?? 0;
    const before = lower.slice(Math.max(0, at - 24), at);
    const after = lower.slice(at + match[0].length, at + match[0].length + 24);
    // ("(Dutch, English, German)": the last of a list of languages is one too.)
    const listed = found.size > 0 && /(?:[,/&+]|\band|\bor)\s*$/.test(before);
    if (!LANGUAGE_FRAME_BEFORE.test(before) && !LANGUAGE_FRAME_AFTER.test(after) && !listed) continue;
    // ("no Tagalog slang": a language kept out.)
    if (/\b(?:no|not|without)\s+$/.test(before)) continue;
    const name = match[0].replace(/\s+/g, ' ');
    found.add(CANONICAL[name] ?? name);
  }
  return [...found];
}
