/**
 * @module Keeping the data in, asked about: "can we keep the customer questions in house?", "can the whole thing stay
 * on our own servers?", "what could we do to keep data in house?". One definition for the "what if" reading of the
 * intents and for the span the unasserted reading sets aside (what is asked is no fact).
 */

/** What is kept, then where: "(all the patient info) in house", "(it) inside our building". */
const KEPT_IN = String.raw`(?:the\s+|our\s+|all\s+(?:the\s+|our\s+)?|every\s+)?(?:[\w-]+\s+){0,3}?(?:in[\s-]house|on[\s-]?prem(?:ise|ises)?|on\s+our\s+own\s+(?:servers?|hardware|premises|machines?)|inside\s+(?:our|the)\s+(?:own\s+)?(?:building|office|network|premises|walls|data\s?cent(?:er|re)|company|clinic|hospital))`;
/** Where the whole thing would run: "in house", "locally", "on one of our laptops". */
const RUN_IN = String.raw`(?:in[\s-]house|on[\s-]?prem\w*|locally|on\s+our\s+own|on\s+(?:one\s+of\s+)?our\s+(?:own\s+)?(?:laptops?|servers?|machines?|pcs?))`;

/** Regex source (no flags, no word boundary around it): keeping the data in, asked. */
export const KEEP_IN_ASKED = String.raw`(?:can|could|may|should)\s+(?:we|i)\s+(?:still\s+|just\s+)?keep\s+${KEPT_IN}|(?:can|could)\s+(?:the\s+whole\s+thing|it\s+all|it|everything|this)\s+(?:stay|run|be\s+kept|be\s+hosted)\s+${RUN_IN}|what\s+(?:could|can|would|should)\s+(?:we|i)\s+do\s+to\s+keep\s+${KEPT_IN}`;
