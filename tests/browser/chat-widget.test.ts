/**
 * The drop-in chat widget in a real browser (issue 12, item 6): Debian's chromium driven by playwright-core (which
 * downloads no browser) against a real server on a loopback port. The test installs chromium with apt-get when it is
 * missing (as root, as in CI). Every request the page makes outside loopback is aborted and fails the test.
 *
 * Artifacts (git-ignored) in test-artifacts/: widget-desktop.png, widget-phone.png, widget-restored.png and
 * widget-timings.json (time to first byte of each chat turn through the widget).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/index.ts';

const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts');
const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The system chromium, installed with apt-get when missing (needs root: CI runs tests as root). */
function systemChromium(): string {
  const found = CHROMIUM_CANDIDATES.find((path) => existsSync(path));
  if (found !== undefined) return found;
  if (process.getuid?.() !== 0) {
    throw new Error(
      'chromium is not installed and this user cannot install it: run `sudo apt-get install -y chromium`',
    );
  }
  const apt = { stdio: 'inherit' as const, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  execFileSync('apt-get', ['update'], apt);
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], apt);
  const installed = CHROMIUM_CANDIDATES.find((path) => existsSync(path));
  if (installed === undefined) throw new Error('apt-get installed chromium but no chromium binary was found');
  return installed;
}

let running: RunningServer;
let dataDir: string;
let browser: Browser;
const offLoopback: string[] = [];
const pageProblems: string[] = [];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const executablePath = systemChromium();
  dataDir = mkdtempSync(join(tmpdir(), 'advisor-widget-'));
  running = await startServer({
    env: {},
    config: { PORT: 0, HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
  });
  browser = await chromium.launch({ executablePath, headless: true, args: ['--no-first-run', '--disable-gpu'] });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await running?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** A browser context that can reach the loopback server only, and records page errors and CSP violations. */
async function newContext(options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:') return route.continue();
    offLoopback.push(url.href);
    return route.abort('blockedbyclient');
  });
  context.on('page', watch);
  return context;
}

function watch(page: Page): void {
  page.on('pageerror', (error) => pageProblems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) {
      pageProblems.push(`console: ${message.text()}`);
    }
  });
}

/** Texts of the conversation's bubbles, as [role, text] pairs (the intro and notes excluded). */
async function bubbles(page: Page): Promise<[string, string][]> {
  return page
    .locator('advisor-chat .message[data-role]')
    .evaluateAll((nodes) =>
      nodes
        .filter((node) => (node as HTMLElement).dataset.id !== 'intro')
        .map((node) => [(node as HTMLElement).dataset.role ?? '', (node.textContent ?? '').trim()] as [string, string]),
    );
}

async function turnsDone(page: Page): Promise<number> {
  return page.evaluate(
    () => (document.querySelector('advisor-chat') as unknown as { timings: unknown[] }).timings.length,
  );
}

/** Sends `text` (typed, or by clicking the chip with that label) and waits until the reply has been read. */
async function say(page: Page, text: string, how: 'type' | 'chip' = 'type'): Promise<void> {
  const before = await turnsDone(page);
  if (how === 'chip') {
    await page.locator('advisor-chat .chips button', { hasText: text }).first().click();
  } else {
    await page.locator('advisor-chat textarea').fill(text);
    await page.locator('advisor-chat textarea').press('Enter');
  }
  await page.waitForFunction(
    (count) => (document.querySelector('advisor-chat') as unknown as { timings: unknown[] }).timings.length > count,
    before,
    { timeout: 20_000 },
  );
  await expect.poll(() => page.locator('advisor-chat form button').isDisabled()).toBe(false);
}

async function chips(page: Page): Promise<string[]> {
  return page.locator('advisor-chat .chips button').allTextContents();
}

// Generous: the machine running the whole suite may be busy.
describe('the <advisor-chat> widget in chromium', { timeout: 90_000 }, () => {
  it('holds a 4-turn conversation at /, restores it after a reload, and fits a phone screen', async () => {
    const context = await newContext({ viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    const response = await page.goto(`${running.url}/`);
    expect(response?.status()).toBe(200);
    await expect.poll(() => page.locator('advisor-chat .message[data-id="intro"]').count()).toBe(1);
    expect(await page.locator('a[href="/docs"]').count()).toBe(1);
    expect(await chips(page)).toContain('What is RAG?');

    // Turn 1 by typing: the advisor asks about the project, with quick answers as chips.
    await say(page, 'We want to build a support bot that answers from our product docs');
    const stored = await page.evaluate(() => Object.entries(localStorage));
    expect(stored).toHaveLength(1);
    const session = JSON.parse(stored[0]![1]) as { chatId: string; token: string };
    expect(session.chatId).toMatch(/^[0-9a-f-]{36}$/);
    expect(session.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const afterFirst = await chips(page);
    expect(afterFirst).toContain('Just recommend');

    // Turn 2 by typing, turn 3 by the "Just recommend" chip, turn 4 by a follow-up chip.
    await say(page, 'We use Llama 3.1 8B on one RTX 4090 and have about 2000 labeled examples');
    await say(page, 'Just recommend', 'chip');
    const followUps = await chips(page);
    expect(followUps).toContain('What would it cost?');
    await say(page, 'What would it cost?', 'chip');

    const conversation = await bubbles(page);
    expect(conversation.map(([role]) => role)).toEqual(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? 'assistant' : 'user')),
    );
    for (const [, text] of conversation) expect(text.length).toBeGreaterThan(0);
    // The answer rendered the plan, the costs and the sources (a details block with links).
    const details = page.locator('advisor-chat .message.assistant details');
    expect(await details.count()).toBeGreaterThan(0);
    expect(await details.last().locator('a[href^="http"]').count()).toBeGreaterThan(0);
    await details.last().locator('summary').click();
    await details.last().evaluate((node) => node.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(ARTIFACTS, 'widget-plan-costs-sources.png') });
    await details.last().locator('summary').click();
    // The session never changed: the same chat id and token all along.
    expect(JSON.parse((await page.evaluate(() => Object.values(localStorage)))[0]!)).toEqual(session);
    await page.screenshot({ path: join(ARTIFACTS, 'widget-desktop.png') });

    const timings = await page.evaluate(
      () => (document.querySelector('advisor-chat') as unknown as { timings: Record<string, number>[] }).timings,
    );
    writeFileSync(join(ARTIFACTS, 'widget-timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
    expect(timings).toHaveLength(4);
    for (const timing of timings) expect(timing.firstByteMs).toBeLessThan(2_000); // target 100 ms; generous on CI

    // Reload: the history comes back from GET /v1/chat/{chatId}, the same bubbles in the same order.
    await page.reload();
    await expect.poll(() => bubbles(page)).toEqual(conversation);
    // The welcome comes back above the restored history, as it was before the reload.
    expect(await page.locator('advisor-chat .message[data-id="intro"]').count()).toBe(1);
    // Follow-ups already asked are not offered again.
    const restoredChips = await chips(page);
    expect(restoredChips).toContain('What should we do first?');
    expect(restoredChips).not.toContain('What would it cost?');
    await page.screenshot({ path: join(ARTIFACTS, 'widget-restored.png') });

    // Phone width: nothing overflows sideways, and the conversation continues.
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const box = await page.locator('advisor-chat').boundingBox();
    expect(box!.width).toBeLessThanOrEqual(390);
    // The quick replies keep to one row that scrolls sideways, so the answer keeps the screen.
    const chipRows = await page.evaluate(() => {
      const root = document.querySelector('advisor-chat')?.shadowRoot;
      const tops = [...(root?.querySelectorAll('.chips button') ?? [])].map((chip) => chip.getBoundingClientRect().top);
      return new Set(tops.map((top) => Math.round(top))).size;
    });
    expect(chipRows).toBeLessThanOrEqual(1);
    await say(page, 'What should we do first?', 'chip');
    expect((await bubbles(page)).length).toBe(10);
    await page.screenshot({ path: join(ARTIFACTS, 'widget-phone.png') });

    expect(pageProblems).toEqual([]);
    expect(offLoopback).toEqual([]);
    await context.close();
  });

  it('recovers from an expired or unknown session by starting a new chat', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${running.url}/`);
    await expect.poll(() => page.locator('advisor-chat .message[data-id="intro"]').count()).toBe(1);
    // A session the server does not know (expired and pruned, or deleted).
    await page.evaluate((key) => {
      localStorage.setItem(key, JSON.stringify({ chatId: 'gone-chat', token: 'A'.repeat(43) }));
    }, `advisor-chat:${running.url}`);
    await page.reload();
    await expect
      .poll(() => page.locator('advisor-chat .message.note').allTextContents())
      .toEqual([expect.stringContaining('expired')]);
    await say(page, 'hello');
    const values = await page.evaluate(() => Object.values(localStorage));
    expect(values).toHaveLength(1);
    const session = JSON.parse(values[0]!) as { chatId: string; token: string };
    expect(session.chatId).not.toBe('gone-chat');
    expect(session.token).not.toBe('A'.repeat(43));

    // The token is lost mid-conversation (another tab started over): the next turn gets the 403 and starts anew.
    await page.evaluate(
      ([key, chatId]) => localStorage.setItem(key!, JSON.stringify({ chatId, token: 'B'.repeat(43) })),
      [`advisor-chat:${running.url}`, session.chatId],
    );
    await page.reload();
    await expect.poll(() => page.locator('advisor-chat .message.note').count()).toBe(1);
    await say(page, 'We want a support bot over our docs');
    expect((await bubbles(page)).at(-1)?.[0]).toBe('assistant');
    expect(pageProblems).toEqual([]);
    await context.close();
  });

  it('embeds on another site with one script tag (the advisor lists that origin in CORS_ORIGINS)', async () => {
    const site = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(
        `<!doctype html><meta name="viewport" content="width=device-width"><h1>Acme support</h1>` +
          `<script src="${advisor.url}/widget.js" defer></script><advisor-chat heading="Ask Acme"></advisor-chat>`,
      );
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const siteOrigin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    const advisorDir = mkdtempSync(join(tmpdir(), 'advisor-widget-embed-'));
    const advisor = await startServer({
      env: {},
      config: { PORT: 0, HOST: '127.0.0.1', DATA_DIR: advisorDir, LOG_LEVEL: 'silent', CORS_ORIGINS: [siteOrigin] },
    });
    try {
      const context = await newContext();
      const page = await context.newPage();
      await page.goto(`${siteOrigin}/`);
      await expect.poll(() => page.locator('advisor-chat .message[data-id="intro"]').count()).toBe(1);
      expect(await page.locator('advisor-chat h2').textContent()).toBe('Ask Acme');
      await say(page, 'We want a support bot that answers from our product docs');
      await say(page, 'We use GPT-4o through the API');
      const conversation = await bubbles(page);
      expect(conversation.map(([role]) => role)).toEqual(['user', 'assistant', 'user', 'assistant']);
      // The session belongs to the advisor the script came from.
      expect(Object.keys(await page.evaluate(() => ({ ...localStorage })))).toEqual([`advisor-chat:${advisor.url}`]);
      await page.reload();
      await expect.poll(() => bubbles(page)).toEqual(conversation);
      expect(pageProblems).toEqual([]);
      await context.close();
    } finally {
      await advisor.close();
      await new Promise((resolve) => site.close(resolve));
      rmSync(advisorDir, { recursive: true, force: true });
    }
  });

  it('waits out a 429 for its Retry-After, then sends again', async () => {
    const context = await newContext();
    const page = await context.newPage();
    let refused = 0;
    await page.route('**/v1/chat', async (route) => {
      if (route.request().method() === 'POST' && refused === 0) {
        refused += 1;
        return route.fulfill({
          status: 429,
          headers: { 'retry-after': '2', 'content-type': 'application/json' },
          body: JSON.stringify({ error: { code: 'rate_limited', message: 'Too many requests; retry in 2 s' } }),
        });
      }
      return route.continue();
    });
    await page.goto(`${running.url}/`);
    await expect.poll(() => page.locator('advisor-chat .message[data-id="intro"]').count()).toBe(1);
    const started = Date.now();
    await page.locator('advisor-chat textarea').fill('hello');
    await page.locator('advisor-chat textarea').press('Enter');
    await expect.poll(() => page.locator('advisor-chat .status').textContent()).toContain('Sending again in');
    await page.waitForFunction(
      () => (document.querySelector('advisor-chat') as unknown as { timings: unknown[] }).timings.length === 1,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
    expect(refused).toBe(1);
    expect((await bubbles(page)).map(([role]) => role)).toEqual(['user', 'assistant']);
    await context.close();
  });

  it('renders a streamed reply as safe Markdown: no HTML from the text, no javascript: links', async () => {
    const context = await newContext();
    const page = await context.newPage();
    const text =
      '**Use RAG** first.\n\n## Plan\n1. Index the docs[^1]\n2. Evaluate\n\n- <img src=x onerror="window.pwned=1">\n' +
      '- [bad](javascript:window.pwned=2) and [good](https://example.com/a)\n\n<script>window.pwned=3</script>\n\n' +
      '| cost | value |\n|---|---|\n| one-time | $0 |\n\n[^1]: [RAG paper](https://arxiv.org/abs/2005.11401)';
    const chunks = [
      { type: 'start', messageId: 'm-1', messageMetadata: { kind: 'recommendation', provisional: false } },
      {
        type: 'data-session',
        data: { sessionId: 'x'.repeat(22), chatId: 'c', sessionToken: 'T'.repeat(43) },
        transient: true,
      },
      { type: 'text-start', id: 't' },
      ...text.match(/[\s\S]{1,7}/g)!.map((delta) => ({ type: 'text-delta', id: 't', delta })),
      { type: 'text-end', id: 't' },
      { type: 'data-question', data: { field: 'labeledExamples', question: 'How many?', why: 'It decides LoRA' } },
      { type: 'finish', finishReason: 'stop' },
    ];
    await page.route('**/v1/chat', (route) =>
      route.fulfill({
        status: 200,
        headers: { 'content-type': 'text/event-stream', 'x-vercel-ai-ui-message-stream': 'v1' },
        body: `${chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).join('')}data: [DONE]\n\n`,
      }),
    );
    await page.goto(`${running.url}/`);
    await expect.poll(() => page.locator('advisor-chat .message[data-id="intro"]').count()).toBe(1);
    await say(page, 'hello <b>there</b>');
    const reply = page.locator('advisor-chat .message.assistant').last();
    expect(await reply.locator('strong').first().textContent()).toBe('Use RAG');
    expect(await reply.locator('h4').first().textContent()).toBe('Plan');
    expect(await reply.locator('ol li').first().textContent()).toBe('Index the docs[1]');
    expect(await reply.locator('table td').allTextContents()).toEqual(['one-time', '$0']);
    expect(await reply.locator('img, script').count()).toBe(0);
    expect(await reply.textContent()).toContain('<img src=x');
    const hrefs = await reply.locator('a').evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs).toEqual(['https://example.com/a', 'https://arxiv.org/abs/2005.11401']);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.locator('advisor-chat .message.user b').count()).toBe(0);
    // The data-question part became quick answers for that field.
    expect(await chips(page)).toEqual(['None yet', 'About 500', 'Over 10,000', 'Not sure', 'Just recommend']);
    await context.close();
  });
});
