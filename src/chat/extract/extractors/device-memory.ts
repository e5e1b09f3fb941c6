/**
 * @module Memory the model may use on the target device (`deviceMemoryGB`): "phones with 4 GB of RAM", "the app may
 * use at most 2 GB".
 */
import { allMatches, findingFromMatch } from '../prepare-message.ts';
import type { Extractor, Finding } from '../types.ts';

const DEVICE = String.raw`(?:phones?|devices?|handsets?|smartphones?|android|iphones?|ipads?|tablets?|laptops?|jetson(?:\s+\w+)?|raspberry\s+pi(?:\s+\d)?|edge\s+(?:box|boxes|devices?)|embedded\s+(?:box|boards?|devices?)|(?:the\s+)?(?:kiosk|car|headset|camera|speaker|watch)s?|browser)`;

const DEVICE_MEMORY = new RegExp(
  [
    `(?:${DEVICE})\\s+(?:with|has|have|having|that\\s+have|only\\s+(?:have|has))\\s+(?:only\\s+|about\\s+|around\\s+|~)?((?<![\\d.])\\d+(?:\\.\\d+)?)\\s?(?:gb|gigs?|gigabytes)`,
    `((?<![\\d.])\\d+(?:\\.\\d+)?)\\s?(?:gb|gigs?|gigabytes)\\s+(?:(?:of\\s+)?(?:ram|memory|unified\\s+memory)\\s+)?(?:on|in)\\s+(?:the\\s+|our\\s+|a\\s+|their\\s+|most\\s+|target\\s+)?(?:${DEVICE})`,
    `(?:model|app)\\s+(?:can|may|must)\\s+(?:only\\s+)?use\\s+(?:at\\s+most\\s+|up\\s+to\\s+|about\\s+)?(\\d+(?:\\.\\d+)?)\\s?(?:gb|gigs?)`,
    `(?:memory|ram)\\s+(?:budget|limit|cap)\\s+(?:of|is|:)?\\s*(?:about\\s+|around\\s+)?(\\d+(?:\\.\\d+)?)\\s?(?:gb|gigs?)`,
    `(?:under|below|within|at\\s+most)\\s+(\\d+(?:\\.\\d+)?)\\s?(?:gb|gigs?)\\s+(?:of\\s+)?(?:ram|memory)\\s+(?:on|in)\\s+(?:the\\s+)?(?:${DEVICE})`,
    `((?<![\\d.])\\d+(?:\\.\\d+)?)\\s?(?:mb)\\s+(?:(?:of\\s+)?(?:ram|memory)\\s+)?(?:on|in)\\s+(?:the\\s+)?(?:${DEVICE})`,
  ].join('|'),
  'g',
);

export const extractDeviceMemory: Extractor = (message) => {
  const { lower } = message;
  const findings: Finding[] = [];
  for (const match of allMatches(DEVICE_MEMORY, lower)) {
    const raw = match.slice(1).find((group) => group !== undefined);
    if (raw === undefined) continue;
    const megabytes = /\bmb\b/.test(match[0]);
    const value = megabytes ? Number(raw) / 1000 : Number(raw);
    if (value > 0 && value <= 512) findings.push(findingFromMatch('deviceMemoryGB', value, match));
  }
  return findings;
};
