/**
 * @module The language of a message, when it is plainly not English: the extractor reads English, so a message in
 * French, German, Spanish, Portuguese, Italian or Dutch yields only the names and numbers it shares with English, and
 * the reply says so instead of asking again what the user has just said.
 */

/** Short words that mark each language and are not English words. */
const MARKERS: Readonly<Record<string, ReadonlySet<string>>> = {
  French: new Set(
    'les des est une nous vous avec pour dans sur sont pas ne ce cette qui que du au aux ou mais ils elles leur nos notre votre je peux avons voulons sommes très'.split(
      ' ',
    ),
  ),
  German: new Set(
    'der das und ist nicht mit wir sie ein eine einen für auf dem des ich haben wird sind auch oder aber unsere unser unseren uns zu zum zur wollen alles kurz bei wie noch nur können müssen dürfen sollen keine kein werden vom im ob'.split(
      ' ',
    ),
  ),
  Spanish: new Set(
    'los las el es una unos nosotros con para por en que del pero sus nuestro nuestra tenemos somos queremos muy también y semanas'.split(
      ' ',
    ),
  ),
  Portuguese: new Set(
    'os uma nós com para por em que da dos das mas seu sua nosso nossa temos somos queremos muito também não'.split(
      ' ',
    ),
  ),
  Italian: new Set(
    'il lo gli una noi con che del della dei delle suo sua nostro nostra abbiamo siamo vogliamo molto anche sono'.split(
      ' ',
    ),
  ),
  Dutch: new Set('het een niet met wij zij voor dat ook maar onze ons hebben zijn willen'.split(' ')),
};
/** English words that the other lists share ("de", "en", "die", "is"): counted for English too. */
const ENGLISH = new Set(
  'the and is are we our with for to of in on it this that a an have has be not but or you they their which what how'.split(
    ' ',
  ),
);

/** Fewer words than this are too few to tell a language by ("ok", "merci"). */
const MIN_WORDS = 6;

/** The language the message is written in, when it is plainly one of the others; undefined for English or unsure. */
export function otherLanguageOf(text: string): string | undefined {
  // (A quoted sample of a customer's French is data, not the team writing in French.)
  const own = text.replace(/"[^"\n]*"|“[^”\n]*”|«[^»\n]*»|`[^`]*`/g, ' ');
  const words = own.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < MIN_WORDS) return undefined;
  const english = words.filter((word) => ENGLISH.has(word)).length;
  let best: { language: string; hits: number } | undefined;
  for (const [language, markers] of Object.entries(MARKERS)) {
    const hits = words.filter((word) => markers.has(word) && !ENGLISH.has(word)).length;
    if (best === undefined || hits > best.hits) best = { language, hits };
  }
  // Plainly another language: several of its marker words, more than the English ones, and a fair share of the words.
  return best !== undefined && best.hits >= 3 && best.hits > english && best.hits >= words.length * 0.15
    ? best.language
    : undefined;
}
