/**
 * @module Memory the model may use on the target device (`deviceMemoryGB`): "phones with 4 GB of RAM", "the app may
 * use at most 2 GB".
 */
import { parseCount } from '../numbers.ts';
import { allMatches, findingFromMatch } from '../prepare-message.ts';
import type { Extractor, Finding } from '../types.ts';

const DEVICE = String.raw`(?:phones?|ps[45](?:\s+(?:build|version|port|pro))?|xbox(?:\s+series\s+[sx])?|series\s+[sx]|devices?|robots?|handsets?|handhelds?|smartphones?|androids?|(?:iphones?|pixels?|galaxy)(?:\s+\d+)?(?:\s+(?:pros?|max|plus|ultra|minis?))*|ipads?|tablets?|laptops?|thinkpads?|elitebooks?|toughbooks?|mac(?:book)?s?(?:\s+(?:airs?|pros?))?(?:\s+m[1-4](?:\s+(?:pro|max|ultra))?)?|\bm[1-4](?:\s+(?:pro|max|ultra))?|(?:intel\s+)?nucs?|industrial\s+(?:pcs?|computers?)|(?:edge\s+)?gateways?|infotainment\s+units?|head\s+units?|jetson(?:\s+\w+){0,2}?|(?:jetson\s+)?orin(?:\s+(?:nx|nano|agx))?|raspberry\s+pi(?:\s+\d)?|edge\s+(?:box|boxes|devices?)|embedded\s+(?:box|boards?|devices?)|(?:the\s+)?(?:kiosk|car|headset|camera|speaker|watch)s?|browser|(?:players?|users?|customers?|gamers?)'?s?'?\s+(?:pcs?|machines|computers|consoles?)|consoles?|(?:nintendo\s+)?switch\s+2|nintendo\s+switch|steam\s+deck|game)`;

const DEVICE_MEMORY = new RegExp(
  [
    // "would Llama 3.1 8B fit in 9 GB on the player's card?": the memory the end users' hardware leaves the model.
    `\\b(?:fits?|runs?)\\s+(?:in|into|within)\\s+(?:only\\s+|about\\s+|~\\s*)?((?<![\\d.])\\d+(?:\\.\\d+)?)\\s?(?:gb|gigs?)\\s+(?:of\\s+(?:vram|memory|ram)\\s+)?on\\s+(?:the\\s+|a\\s+|their\\s+)?(?:players?|users?|customers?|gamers?|clients?)(?:'s|s'|’s)?\\s+(?:cards?|gpus?|pcs?|machines?|devices?|phones?|laptops?|hardware)\\b`,
    `(?:${DEVICE})(?:,?\\s+which|,?\\s+that)?\\s+(?:with|w\\/|has|have|having|that\\s+have|only\\s+(?:have|has))\\s+(?:only\\s+|about\\s+|around\\s+|maybe\\s+|roughly\\s+|like\\s+|~)?((?<![\\d.])\\d+(?:\\.\\d+)?)\\s?(?:gb|gigs?|gigabytes)`,
    // "a jetson-type box on the factory floor, 8GB memory for the model": the device's memory, given to the model.
    `(?:${DEVICE})\\b(?:(?!,\\s*(?:but|and|while)\\b|\\b(?:servers?|backend|cloud|gpus?|workstations?)\\b)[^.;!?\\n]){0,60}?((?<![\\d.])\\d+(?:\\.\\d+)?)\\s?(?:gb|gigs?)\\s+(?:of\\s+)?(?:memory|ram)\\s+(?:for|available\\s+(?:for|to))\\s+(?:the\\s+)?(?:model|llm|inference)\\b`,
    // "phones that only give the app ~4GB": what the device leaves the app.
    `(?:${DEVICE})\\s+(?:that|which)\\s+(?:only\\s+)?(?:give|gives|leave|leaves|allow|allows|allot|allots)\\s+(?:the\\s+|our\\s+|an?\\s+)?(?:app|model|llm)\\s+(?:only\\s+|about\\s+|around\\s+|roughly\\s+|~\\s*)?((?<![\\d.])\\d+(?:\\.\\d+)?)\\s?(?:gb|gigs?|gigabytes)`,
    // "phones, about 6 gigs" (a short answer naming the device and its memory).
    `^\\W*(?:${DEVICE}),?\\s+(?:about\\s+|around\\s+|~\\s*|maybe\\s+)?((?<![\\d.])\\d+(?:\\.\\d+)?)\\s?(?:gb|gigs?|gigabytes)`,
    `((?<![\\d.])\\d+(?:\\.\\d+)?)\\s?(?:gb|gigs?|gigabytes)\\s+(?:(?:of\\s+)?(?:ram|memory|unified\\s+memory)\\s+)?(?:on|in)\\s+(?:the\\s+|our\\s+|a\\s+|their\\s+|most\\s+|target\\s+)?(?:${DEVICE})`,
    `(?:model|app)\\s+(?:can|may|must)\\s+(?:only\\s+)?use\\s+(?:at\\s+most\\s+|up\\s+to\\s+|about\\s+)?(\\d+(?:\\.\\d+)?)\\s?(?:gb|gigs?)`,
    `(?:memory|ram)\\s+(?:budget|limit|cap)\\s+(?:of|is|:)?\\s*(?:about\\s+|around\\s+)?(\\d+(?:\\.\\d+)?)\\s?(?:gb|gigs?)`,
    // "device memory is 1 GB".
    `\\bdevice\\s+(?:memory|ram)\\s+(?:is|=|:)\\s*(?:about\\s+|around\\s+|only\\s+)?(\\d+(?:\\.\\d+)?)\\s?(?:gb|gigs?)`,
    `(?:under|below|within|at\\s+most)\\s+(\\d+(?:\\.\\d+)?)\\s?(?:gb|gigs?)\\s+(?:of\\s+)?(?:ram|memory)\\s+(?:on|in)\\s+(?:the\\s+)?(?:${DEVICE})`,
    `((?<![\\d.])\\d+(?:\\.\\d+)?)\\s?(?:gb|gigs?)\\s+(?:of\\s+)?(?:ram|memory)\\s+(?:${DEVICE})`,
    `(?:${DEVICE})(?:\\s+[\\w-]+){0,2}\\s*\\(\\s*(?:[\\w-]+(?:\\s+[\\w-]+)?,?\\s+)?((?<![\\d.])\\d+(?:\\.\\d+)?)\\s?(?:gb|gigs?)(?:\\s+(?:ram|memory|unified\\s+memory))?(?:\\s+each)?(?:\\s*,\\s*[\\w-]+(?:\\s+[\\w-]+)?)?\\s*\\)`,
    // "laptop 16gb ram", "tablet 6 GB memory": the device, then its memory.
    `(?:${DEVICE})\\s+((?<![\\d.])\\d+(?:\\.\\d+)?)\\s?(?:gb|gigs?)\\s+(?:of\\s+)?(?:ram|memory|unified(?:\\s+memory)?)\\b`,
    // "6 GB devices", "8gb phones", "16GB macbooks" (where the model runs; a development machine is dropped below).
    `((?<![\\d.])\\d+(?:\\.\\d+)?)\\s?(?:gb|gigs?)\\s+(?:devices|phones|handsets|tablets)\\b`,
    // "16GB macbooks" only where the model runs on them ("it has to run on the reps' laptops, 16GB macbooks").
    `\\b(?:run|runs|running|ship|ships|offline|locally|on[\\s-]device|desktop\\s+app)\\b[^.;!?\\n]{0,60}?((?<![\\d.])\\d+(?:\\.\\d+)?)\\s?(?:gb|gigs?)\\s+(?:laptops|macbooks?(?:\\s+(?:airs?|pros?))?|macs)\\b`,
    `((?<![\\d.])\\d+(?:\\.\\d+)?)\\s?(?:mb)\\s+(?:(?:of\\s+)?(?:ram|memory)\\s+)?(?:on|in)\\s+(?:the\\s+)?(?:${DEVICE})`,
    // "a Jetson Orin NX 16GB": the board named with its memory.
    `\\b(?:jetson(?:\\s+[a-z]+){0,2}?|(?:jetson\\s+)?orin(?:\\s+(?:nx|nano|agx))?|raspberry\\s+pi(?:\\s+\\d)?)\\s+((?<![\\d.])\\d+(?:\\.\\d+)?)\\s?(?:gb|gigs?)\\b`,
    // "the mac has 32GB, the 3GB is the tablet": the memory said to be the device's.
    `\\bthe\\s+((?<![\\d.])\\d+(?:\\.\\d+)?)\\s?(?:gb|gigs?)\\s+(?:one\\s+)?is\\s+(?:for\\s+|on\\s+)?(?:the\\s+)?(?:${DEVICE})`,
    // "it's for our field techs' phones, they've got like 6GB to spare": the devices just named, by a pronoun.
    `(?:${DEVICE})\\b(?:(?!\\b(?:servers?|backend|cloud|gpus?|workstations?|a\\d{2,3}s?|h\\d{3}s?|l\\d{1,2}s?)\\b)[^.;!?\\n]){0,30}?,\\s*(?:they|those|these)(?:'ve|\\s+have)(?:\\s+got)?\\s+(?:only\\s+|about\\s+|around\\s+|maybe\\s+|like\\s+|~\\s*)?((?<![\\d.])\\d+(?:\\.\\d+)?)\\s?(?:gb|gigs?)\\s+(?:to\\s+spare|free|available|left|of\\s+(?:ram|memory))`,
    // "a raspberry pi 5, the 8 gig version".
    `(?:${DEVICE}),?\\s+(?:the|a|an)\\s+((?<![\\d.])\\d+(?:\\.\\d+)?)\\s?(?:gb|gigs?)\\s+(?:version|model|variant|edition|one)\\b`,
  ].join('|'),
  'g',
);

const SIZE = String.raw`(?:~\s*|about\s+|around\s+|maybe\s+|like\s+|up\s+to\s+|at\s+most\s+)?((?<![\d.])\d+(?:\.\d+)?|\b(?:one|two|three|four|five|six|seven|eight|ten|twelve|sixteen)\b)`;

/** A size said in digits or in words ("six gigs"). */
function sizeOf(raw: string | undefined): number {
  if (raw === undefined) return Number.NaN;
  return /^\d/.test(raw) ? Number(raw) : (parseCount(raw) ?? Number.NaN);
}
/**
 * The model's share of a device's memory: "we can give the model maybe 3 gigs", "the model can take like 4",
 * "assume 8 for the model", "must fit in ~2GB", "~1.5GB for the model". Read only when a device is in view.
 */
const MODEL_SHARE = new RegExp(
  [
    // "the LLM really has ~5 GB", "the robot gives the LLM 5 GB", "device memory for the LLM is 5 GB".
    `\\b(?:the\\s+)?llm\\s+(?:really\\s+|only\\s+|just\\s+)?(?:has|gets|got|can\\s+use|may\\s+use)\\s+(?:only\\s+)?${SIZE}\\s?(?:gb|gigs?|gigabytes)`,
    `(?:gives?|leaves?)\\s+the\\s+llm\\s+${SIZE}\\s?(?:gb|gigs?|gigabytes)`,
    `\\bdevice\\s+memory\\s+for\\s+the\\s+(?:llm|model)\\s+is\\s+${SIZE}\\s?(?:gb|gigs?|gigabytes)`,
    `(?:gives?|gave|given|leaves?|left|allots?|allocates?|allocated|spare|budget)\\s+(?:the\\s+model\\s+|it\\s+|us\\s+)?${SIZE}\\s?(?:gb|gigs?|gigabytes)`,
    `reserves?\\s+${SIZE}\\s?(?:gb|gigs?|gigabytes)\\s+for\\s+(?:the\\s+)?model`,
    // "want the model to use <=6gb so people can still work", "the model should take at most 3 GB".
    `\\b(?:the\\s+)?(?:model|llm|ai)\\s+(?:to\\s+|should\\s+|must\\s+|can\\s+|may\\s+)?(?:use|take|get|occupy)\\s+(?:<=?\\s*|≤\\s*|under\\s+|below\\s+|less\\s+than\\s+|no\\s+more\\s+than\\s+|max(?:imum)?\\s+|at\\s+most\\s+)${SIZE}\\s?(?:gb|gigs?|gigabytes)`,
    // "16 gigs of RAM total and maybe 8 of it can go to the model".
    `${SIZE}\\s+of\\s+(?:it|that|those|them)\\s+(?:can|may|could|will)\\s+go\\s+to\\s+(?:the\\s+)?(?:model|llm)`,
    // "about 4GB can go to the model".
    `${SIZE}\\s?(?:gb|gigs?|gigabytes)\\s+(?:can|may|could)\\s+go\\s+to\\s+(?:the\\s+)?model`,
    `${SIZE}\\s?(?:gb|gigs?|gigabytes)\\s+(?:is\\s+|are\\s+)?(?:available|usable|free)\\s+(?:to|for)\\s+(?:us|the\\s+model|it)\\b`,
    `\\b(?:model|memory|ram)\\s+budget\\s+(?:is|of|:)?\\s*${SIZE}\\s?(?:gb|gigs?|gigabytes)`,
    `${SIZE}\\s?(?:gb|gigs?|gigabytes)\\s+(?:of\\s+)?(?:ram\\s+|memory\\s+)?(?:budget|max(?:imum)?|tops|cap)\\b`,
    `\\bgets?\\s+${SIZE}\\s?(?:gb|gigs?|gigabytes)\\s+(?:of\\s+(?:ram|memory)\\s+)?(?:max|tops|at\\s+most)\\b`,
    `\\bkeep\\s+(?:the\\s+model|it)\\s+(?:under|below|within)\\s+${SIZE}\\s?(?:gb|gigs?|gigabytes)`,
    `\\b(?:box|device|board|unit|jetson[\\w-]*)\\s+(?:[\\w-]+\\s+){0,5}?with\\s+${SIZE}\\s?(?:gb|gigs?|gigabytes)\\s+(?:of\\s+)?(?:shared\\s+|unified\\s+)?(?:memory|ram)\\b`,
    `\\b(?:model|app)\\s+(?:itself\\s+)?(?:(?:can|may|could|should|must|will|would|gets?\\s+to)\\s+(?:only\\s+|at\\s+most\\s+|probably\\s+|maybe\\s+|realistically\\s+)?(?:take|use|have|get)|(?:only\\s+)?gets)\\s+(?:~\\s*|about\\s+|around\\s+|roughly\\s+|maybe\\s+|max(?:imum)?\\s+|up\\s+to\\s+)?${SIZE}(?:\\s?(?:gb|gigs?|gigabytes))?(?![\\d.]|\\s*(?:%|percent|mb|tb))`,
    // "we want the model to use under 4GB", "4 gigs of RAM we can give the model", "the OS will kill us above ~1GB".
    `\\bmodel\\s+to\\s+(?:use|take|stay)\\s+(?:under|below|less\\s+than|at\\s+most|no\\s+more\\s+than|within)\\s+${SIZE}\\s?(?:gb|gigs?|gigabytes)`,
    `${SIZE}\\s?(?:gb|gigs?|gigabytes)\\s+(?:of\\s+(?:ram|memory)\\s+)?(?:that\\s+)?(?:we|i)\\s+can\\s+(?:give|spare|allot|hand)\\s+(?:to\\s+)?(?:the\\s+)?(?:model|llm)\\b`,
    `\\bkills?\\s+(?:us|the\\s+app|apps?|it|the\\s+model)\\s+(?:above|over|past|beyond|using\\s+more\\s+than)\\s+${SIZE}\\s?(?:gb|gigs?|gigabytes)`,
    // "allow the model 2GB", "our budget for the model is 3GB", "we may use 3GB".
    `\\ballows?\\s+the\\s+model\\s+${SIZE}\\s?(?:gb|gigs?|gigabytes)`,
    `\\bbudget\\s+for\\s+the\\s+model\\s+is\\s+${SIZE}\\s?(?:gb|gigs?|gigabytes)`,
    `\\b(?:we|i)\\s+(?:may|can|could)\\s+(?:only\\s+)?use\\s+(?:up\\s+to\\s+|about\\s+|around\\s+)?${SIZE}\\s?(?:gb|gigs?|gigabytes)`,
    `(?:assume|say|reserve|leave)\\s+${SIZE}\\s?(?:gb|gigs?)?\\s+for\\s+the\\s+model`,
    // "(M2, 32GB unified, give the model ~20)": the share said without its unit, closing the aside.
    `\\b(?:give|leave|allot)\\s+the\\s+model\\s+${SIZE}(?=\\s*(?:\\)|$))`,
    // "we only get 1.5 GB for it" (a device in view).
    `\\b(?:we|it|the\\s+model)\\s+(?:only\\s+)?(?:get|gets|have|has|got)\\s+(?:only\\s+|about\\s+|maybe\\s+)?${SIZE}\\s?(?:gb|gigs?|gigabytes)\\s+(?:for\\s+(?:it|the\\s+model)|to\\s+work\\s+with)\\b`,
    // "the model can't take more than 6 gigs of that".
    `\\b(?:model|app)\\s+(?:can't|cant|cannot|can\\s+not|shouldn't|mustn't|may\\s+not)\\s+(?:take|use|have|get|hog|eat|occupy)\\s+(?:up\\s+)?more\\s+than\\s+${SIZE}(?:\\s?(?:gb|gigs?|gigabytes)|(?=\\s+of\\s+(?:it|that|those|them)\\b)|(?=\\s*(?:[.,;!?]|$)))`,
    // "we can give the model maybe 6 of that", "2gb is the max we can take", "our limit is actually 1GB".
    `(?:give|spare|allot|leave)\\s+the\\s+model\\s+${SIZE}(?=\\s+of\\s+(?:it|that|those|them)\\b)`,
    `${SIZE}\\s?(?:gb|gigs?|gigabytes)\\s+(?:is|are)\\s+(?:the\\s+)?(?:max(?:imum)?|most|limit|ceiling)\\b(?!\\s+(?:vram|gpu|card))`,
    `\\b(?:our|the)\\s+(?:memory\\s+|ram\\s+)?limit\\s+is\\s+(?:actually\\s+|really\\s+|only\\s+|just\\s+)?${SIZE}\\s?(?:gb|gigs?|gigabytes)`,
    // (In megabytes: "~512MB for the model", "model budget ~300 MB"; the value is read in GB below.)
    `${SIZE}\\s?(mb|megabytes)\\s+(?:(?:of\\s+)?(?:ram|memory)\\s+)?(?:available\\s+|free\\s+|left\\s+|usable\\s+)?for\\s+(?:the\\s+)?model\\b`,
    // "a Jetson inside the robot … it can use 8 GB" (a device in view).
    `\\bit\\s+can\\s+(?:only\\s+)?use\\s+(?:up\\s+to\\s+|at\\s+most\\s+|max(?:imum)?\\s+|about\\s+|around\\s+)?${SIZE}\\s?(?:gb|gigs?|gigabytes)\\b`,
    `\\bmodel\\s+budget\\s+(?:is\\s+|of\\s+|:\\s*)?${SIZE}\\s?(mb|megabytes)\\b`,
    `(?:must|has\\s+to|have\\s+to|needs?\\s+to|should)\\s+fit\\s+(?:in(?:to)?|within|under)\\s+${SIZE}\\s?(?:gb|gigs?|gigabytes)`,
    // "has to run on-device in under 3 gigs".
    `\\b(?:run|fit|work)\\s+(?:on[\\s-]device\\s+|locally\\s+)?(?:in|within)\\s+(?:under|less\\s+than)\\s+${SIZE}\\s?(?:gb|gigs?|gigabytes)`,
    `${SIZE}\\s?(?:gb|gigs?|gigabytes)\\s+(?:available\\s+|free\\s+|left\\s+|usable\\s+)?for\\s+(?:the\\s+|a\\s+|an\\s+|our\\s+)?(?:[\\w-]+\\s+){0,2}?models?\\b`,
    `(?:model|weights)(?:\\s+file)?\\s+(?:must|has\\s+to|needs\\s+to|should)\\s+(?:stay|be|remain)\\s+(?:below|under|within|less\\s+than)\\s+${SIZE}\\s?(?:gb|gigs?|gigabytes)`,
  ].join('|'),
  'g',
);
/** "8GB VRAM, the game needs 5GB": what the device has left for the model once the app takes its share. */
const LEFT_AFTER_THE_APP =
  /\b(\d{1,3})\s?(?:gb|gigs?)(?:\s+(?:of\s+)?(?:vram|ram|memory|shared|unified)\b|(?=\s*[,)]))[^.;!?\n]{0,60}?\b(?:the\s+)?(?:game|app|os|system|rest|(?:[\w+-]+\s+){0,2}?(?:stack|pipeline|firmware|software))\s+(?:itself\s+)?(?:already\s+)?(?:needs|uses|takes|eats|reserves|occupies)\s+(?:about\s+|~\s*|around\s+|roughly\s+)?(\d{1,3})(?:\s?(?:gb|gigs?)\b|\s+of\s+(?:it|that|them)\b)/g;
/** "the robot's own nav stack already eats about 3GB of the 8": what other software takes, of the device's memory. */
const USED_OF_THE_WHOLE =
  /\b(?:game|app|os|system|(?:[\w'+-]+\s+){0,2}?(?:stack|pipeline|firmware|software|processes))\s+(?:itself\s+)?(?:already\s+)?(?:needs|uses|takes|eats|reserves|occupies)\s+(?:about\s+|~\s*|around\s+|roughly\s+)?(\d{1,2}(?:\.\d)?)\s?(?:gb|gigs?)\s+of\s+(?:the|its|our|that)\s+(\d{1,3})(?:\s?(?:gb|gigs?))?\b/g;
/** "… we can give the model half (of it)": the model's share is half the device's memory. */
const HALF_FOR_THE_MODEL =
  /^[^.;!?\n]{0,60}\b(?:give|leave|spare|allot)\s+(?:the\s+model\s+|it\s+)?half\b|^[^.;!?\n]{0,60}\b(?:(?:the\s+)?model|it)\s+(?:can|may|could|gets\s+to|is\s+allowed\s+to)\s+(?:take|use|have|get)\s+(?:maybe\s+|about\s+|roughly\s+|around\s+|at\s+most\s+|only\s+)?half\b(?!\s+(?:a|an)\s+\w|[\s-]precision)|^[^.;!?\n]{0,40}\bhalf\s+(?:of\s+(?:it|that)\s+)?(?:for|to)\s+the\s+model\b|^[^.;!?\n]{0,30}\bhalf\s+(?:of\s+(?:it|that)\s+)?(?:is\s+)?(?:usable|available|free)\b|^[^.;!?\n]{0,60}\b(?:we're|we\s+are|we\s+get|it's|it\s+is|the\s+model\s+(?:is|gets))\s+(?:allowed|given|allotted)?\s*half\b/;

/** "the box has 12GB shared with the nav system": a box's memory, read only when a device is in view. */
const BOX_MEMORY =
  /\b(?:box|board|unit)\s+(?:has|have|with|comes\s+with)\s+(?:only\s+|about\s+|around\s+|~\s*)?((?<![\d.])\d+(?:\.\d+)?)\s?(?:gb|gigs?)\b/g;

/** A device or offline use in the message, so that a memory figure is the device's and not a GPU's. */
const DEVICE_IN_VIEW = new RegExp(
  `\\b(?:${DEVICE}|offline|locally|on[\\s-]device|inside\\s+(?:the|our)\\s+app|the\\s+app\\s+(?:can|may|could)\\s+(?:give|spare|leave))\\b`,
);

/** "a quarter of the phone's 8GB", "half of the laptop's 16 gigs", "25% of the tablet's 6 GB". */
const SHARE_OF_DEVICE = new RegExp(
  `\\b(half|a\\s+quarter|one\\s+quarter|a\\s+third|one\\s+third|\\d{1,2}\\s?%)\\s+of\\s+(?:the|its|our|a|their|each)\\s+(?:users'?\\s+|customers'?\\s+)?(?:${DEVICE})(?:'s|s')\\s+(?:ram\\s+|memory\\s+)?(?:of\\s+)?(\\d+(?:\\.\\d+)?)\\s?(?:gb|gigs?|gigabytes)\\b`,
  'g',
);

/** "half" → 0.5, "a quarter" → 0.25, "25%" → 0.25. */
function shareOf(words: string): number | undefined {
  if (words === 'half') return 0.5;
  if (/quarter/.test(words)) return 0.25;
  if (/third/.test(words)) return 1 / 3;
  const percent = /^(\d{1,2})\s?%$/.exec(words);
  return percent ? Number(percent[1]) / 100 : undefined;
}

/** Finds `deviceMemoryGB`: the device's memory, or the model's share of it when that is said. */
export const extractDeviceMemory: Extractor = (message, context) => {
  const { lower } = message;
  const findings: Finding[] = [];
  // Asked for the device's memory, the answer is about the device even when it names none.
  const deviceInView = context.requestedField === 'deviceMemoryGB' || DEVICE_IN_VIEW.test(lower);
  if (deviceInView) {
    for (const match of allMatches(MODEL_SHARE, lower)) {
      const groups = match.slice(1).filter((group) => group !== undefined);
      const megabytes = groups.some((group) => /^(?:mb|megabytes)$/.test(group));
      const size = sizeOf(groups.find((group) => !/^(?:mb|megabytes)$/.test(group)));
      const value = megabytes ? Math.round(size / 100) / 10 : size;
      if (value > 0 && value <= 64) findings.push(findingFromMatch('deviceMemoryGB', value, match));
    }
  }
  // "the app may use a quarter of the phone's 8GB", "half of the laptop's 16 gigs": a share of the device's memory.
  for (const match of allMatches(SHARE_OF_DEVICE, lower)) {
    const share = shareOf(match[1] ?? '');
    const total = Number(match[2]);
    if (share !== undefined && total > 0 && total <= 64)
      findings.push(findingFromMatch('deviceMemoryGB', total * share, match));
  }
  if (deviceInView && findings.length === 0) {
    for (const match of allMatches(LEFT_AFTER_THE_APP, lower)) {
      const left = Number(match[1]) - Number(match[2]);
      if (left > 0) findings.push(findingFromMatch('deviceMemoryGB', left, match));
    }
    // ("the nav stack already eats about 3GB of the 8": the share taken said first, then the whole.)
    for (const match of allMatches(USED_OF_THE_WHOLE, lower)) {
      const left = Number(match[2]) - Number(match[1]);
      if (left > 0) findings.push(findingFromMatch('deviceMemoryGB', left, match));
    }
  }
  // The model's share said beside the device's total ("16GB total but the model can only use 6"): the share wins.
  const share = findings.length > 0;
  const totals = [...allMatches(DEVICE_MEMORY, lower), ...(deviceInView ? allMatches(BOX_MEMORY, lower) : [])];
  // "we develop on macbooks with 32gb", "the mac has 32GB, the 3GB is the tablet": a computer the team works on, not
  // where the model runs, when the model's device is another or the computer is for development.
  const workstation = DEVELOPMENT_USE.test(lower) || TARGET_DEVICE.test(lower);
  for (const match of totals) {
    const raw = match.slice(1).find((group) => group !== undefined);
    if (raw === undefined) continue;
    if (workstation && COMPUTER.test(match[0]) && !TARGET_DEVICE.test(match[0])) continue;
    const megabytes = /\bmb\b/.test(match[0]);
    const total = megabytes ? Number(raw) / 1000 : Number(raw);
    if (share || !(total > 0 && total <= 512)) continue;
    // "6GB total, we can probably give the model half": half of it.
    const half = HALF_FOR_THE_MODEL.test(
      lower.slice(match.index + match[0].length, match.index + match[0].length + 80),
    );
    findings.push(findingFromMatch('deviceMemoryGB', half ? total / 2 : total, match));
  }
  // "min spec is a GTX 1660 with 6GB VRAM": the weakest machine of the players the model must run on.
  if (findings.length === 0)
    for (const match of allMatches(MIN_SPEC_MEMORY, lower)) {
      // ("Minimum spec is an iPhone 12, 64GB": without "VRAM", only a graphics card's memory is the spec's.)
      if (!/\bvram\b/.test(match[0]) && !GRAPHICS_CARD.test(match[0])) continue;
      const value = Number(match[1]);
      if (value > 0 && value <= 64) findings.push(findingFromMatch('deviceMemoryGB', value, match));
    }
  // "the phone has 8 gigs, the model can use ~3": the model's memory on a phone (or laptop, board) says where it runs.
  const first = findings[0];
  if (first !== undefined && MODEL_RUNS_THERE.test(lower)) {
    const deployment = PHONE_WORD.test(lower) ? 'mobile' : EDGE_WORD.test(lower) ? 'edge' : undefined;
    if (deployment !== undefined)
      findings.push({ field: 'deployment', value: deployment, start: first.start, end: first.end });
  }
  return findings;
};

/** A graphics card named in a spec ("a GTX 1660", "an RX 6600", "integrated graphics"). */
const GRAPHICS_CARD = /\b(?:gtx|rtx|geforce|radeon|rx\s?\d|arc\s+a\d|gpu|graphics)\b/;
/** "min spec is a GTX 1660 with 6GB VRAM": the graphics memory of the smallest machine the model must run on. */
const MIN_SPEC_MEMORY =
  /\bmin(?:imum)?[\s-]spec\w*\s*(?:is|:|=)?\s*(?:an?\s+)?[^.;!?\n]{0,50}?(?<![\d.])(\d{1,2}(?:\.\d+)?)\s?(?:gb|gigs?)(?:\s+(?:of\s+)?vram\b|(?=\s*(?:[.,;!?)]|$|\s+(?:and|but)\b)))/g;
/** A computer people work at (a Mac, a laptop), which is the device only when the model ships on it. */
const COMPUTER = /\b(?:mac(?:book)?s?|laptops?|m[1-4](?:\s+(?:pro|max|ultra))?|workstations?|desktops?)\b/;
/** The computer is where the team develops or trains. */
const DEVELOPMENT_USE =
  /\bfor\s+(?:training|fine[\s-]?tuning|development|dev)\b[^.;!?\n]{0,40}\b(?:mac|macbook|laptop|m[1-4]|workstation|desktop)|\b(?:we|i|they)\s+(?:\w+\s+)?(?:develop|prototype|train|fine[\s-]?tune|experiment)\s+(?:\w+\s+){0,2}?(?:on|with)\s+(?:a\s+|an\s+|the\s+|our\s+|my\s+)?(?:\d+\s?(?:gb|gigs?)\s+)?(?:mac|macbook|laptop|m[1-4]|workstation|desktop)|\bdev(?:elopment)?\s+(?:machine|box|laptop|computer|pc|rig)\b|\bserving\s+(?:is|will\s+be|runs?|happens)\s+on\b/;
/** A device the model ships on other than a computer. */
const TARGET_DEVICE =
  /\b(?:phones?|smartphones?|handsets?|iphones?|androids?|ipads?|tablets?|jetsons?|orin|raspberry\s+pi|edge\s+(?:box|boxes|devices?)|kiosks?|head\s+units?|consoles?)\b/;

/** The model is what uses the device's memory, or runs there. */
const MODEL_RUNS_THERE =
  /\b(?:(?:the\s+)?model|it)\s+(?:can|may|could|gets?|only\s+gets|has|must|needs?|should|can't|cannot)\b|\bruns?\s+(?:fully\s+|entirely\s+)?(?:offline|locally|on[\s-]device)\b|\boffline\b|\bon[\s-]device\b/;
const PHONE_WORD = /\b(?:phones?|smartphones?|handsets?|iphones?|androids?|pixels?|galaxy|ipads?|tablets?)\b/;
const EDGE_WORD =
  /\b(?:laptops?|macbooks?|jetsons?|orin|raspberry\s+pi|nucs?|industrial\s+(?:pcs?|computers?)|gateways?|kiosks?|cars?|edge\s+(?:box|boxes|devices?)|embedded|consoles?|steam\s+deck)\b/;
