/**
 * Time to first byte of chat turns through the <advisor-chat> widget in the system chromium (playwright-core, no
 * browser download), against a real server on loopback: each run opens the demo page in a fresh browser context (a
 * new visitor, a new chat) and sends two messages; the widget's own timings (fetch start to first byte) are read.
 * Unlike the browser test, no request interception is installed, so the figures are the browser's, not Playwright's
 * routing. Skipped with a message when chromium is not installed.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startServer } from '../src/index.ts';
import { report, summarize } from './stats.ts';

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const MESSAGES = ['We want a support bot that answers from our help center', 'about 3000 questions a day'];

interface Timing {
  firstByteMs: number;
}

async function timingsOf(page: Page): Promise<Timing[]> {
  return page.evaluate(() => (document.querySelector('advisor-chat') as unknown as { timings: Timing[] }).timings);
}

async function say(page: Page, text: string, done: number): Promise<void> {
  await page.locator('advisor-chat textarea').fill(text);
  await page.locator('advisor-chat textarea').press('Enter');
  await page.waitForFunction(
    (count) => (document.querySelector('advisor-chat') as unknown as { timings: unknown[] }).timings.length > count,
    done,
    { timeout: 20_000 },
  );
}

export async function benchWidget(runs = 12): Promise<Record<string, string | number>[]> {
  const executablePath = CHROMIUM_CANDIDATES.find((path) => existsSync(path));
  if (executablePath === undefined) {
    console.log('widget: skipped (no chromium at /usr/bin/chromium; `apt-get install -y chromium`)');
    return [];
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'advisor-bench-widget-'));
  const server = await startServer({
    env: {},
    config: { PORT: 0, HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
  });
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-first-run', '--disable-gpu'] });
  const first: number[] = [];
  const later: number[] = [];
  try {
    for (let run = 0; run < runs; run += 1) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${server.url}/`);
      await page.locator('advisor-chat .message[data-id="intro"]').waitFor();
      for (const [index, text] of MESSAGES.entries()) await say(page, text, index);
      const [one, two] = await timingsOf(page);
      if (one) first.push(one.firstByteMs);
      if (two) later.push(two.firstByteMs);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
  const one = summarize(first);
  const two = summarize(later);
  return [
    report('widget: first turn of a new chat, fetch to first byte in chromium (ms)', {
      samples: one.n,
      p50: one.p50,
      p90: one.p90,
      max: one.max,
      target: '< 100',
    }),
    report('widget: second turn, fetch to first byte in chromium (ms)', {
      samples: two.n,
      p50: two.p50,
      p90: two.p90,
      max: two.max,
    }),
  ];
}
