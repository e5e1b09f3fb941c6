/**
 * @module http/routes/widget: the drop-in chat widget and the chat page built on it. `GET /widget.js` serves the
 * `<advisor-chat>` web component (src/http/widget/advisor-chat.js: one classic script, no framework, no build step);
 * `GET /` is a page where a person can talk to the advisor, with links to the API docs.
 */
import { readFile } from 'node:fs/promises';
import type { App } from '../types.ts';

/** Where the widget script lives (read once, on the first request, then served from memory). */
export const WIDGET_SCRIPT_FILE = new URL('../widget/advisor-chat.js', import.meta.url);

/** The path the widget is served at; embed it with `<script src="https://<server>/widget.js" defer>`. */
export const WIDGET_PATH = '/widget.js';

/**
 * The chat page. No inline script (the page CSP keeps `script-src 'self'`); inline styles only, which the page CSP
 * allows. The widget fills the viewport below the header on any width.
 */
export const CHAT_PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Adaptation Advisor</title>
  <link rel="icon" href="data:,">
  <meta name="description" content="Ask how to adapt a foundation model to your project: prompting, RAG, LoRA, fine-tuning or distillation, with costs and sources.">
  <style>
    html, body { margin: 0; height: 100%; }
    body { display: flex; flex-direction: column; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
      color: #1d2430; background: #eef2f7; }
    .top { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 16px; padding: 10px 16px; }
    .top h1 { margin: 0; font-size: 18px; }
    .top p { margin: 0; flex: 1 1 20rem; color: #4a5566; font-size: 14px; }
    .top nav { display: flex; gap: 12px; font-size: 14px; }
    .top a { color: #1f5fa8; }
    main { flex: 1; display: flex; min-height: 0; padding: 0 16px 16px; }
    advisor-chat { flex: 1; width: 100%; max-width: 60rem; margin: 0 auto; --advisor-height: 100%; }
    @media (max-width: 480px) {
      .top { padding: 8px 10px; }
      .top p { display: none; }
      main { padding: 0; }
    }
  </style>
  <script src="/widget.js" defer></script>
</head>
<body>
  <div class="top">
    <h1>Adaptation Advisor</h1>
    <p>Describe your project; the advisor asks what it needs and recommends how to adapt your model, with costs and sources.</p>
    <nav><a href="/docs">API docs</a><a href="/openapi.json">OpenAPI</a></nav>
  </div>
  <main><advisor-chat heading="Chat with the advisor"></advisor-chat></main>
</body>
</html>
`;

/** Mounts `GET /` (the chat page) and `GET /widget.js` (the widget script). */
export function registerWidgetRoutes(app: App, scriptFile: URL = WIDGET_SCRIPT_FILE): void {
  let script: Uint8Array<ArrayBuffer> | undefined;
  app.get('/', (c) => {
    // Browsers get the page; API clients (no text/html in Accept) see where things are.
    if (!(c.req.header('accept') ?? '').includes('text/html')) {
      return c.json(
        {
          name: 'Adaptation Advisor API',
          chat: '/',
          widget: WIDGET_PATH,
          docs: '/docs',
          openapi: '/openapi.json',
          health: '/healthz',
        },
        200,
        { vary: 'Accept' },
      );
    }
    return c.html(CHAT_PAGE, 200, { 'cache-control': 'no-cache', vary: 'Accept' });
  });
  app.get(WIDGET_PATH, async (c) => {
    script ??= new Uint8Array(await readFile(scriptFile));
    return c.body(script, 200, {
      'content-type': 'text/javascript; charset=utf-8',
      // Revalidated hourly: a deploy reaches embedding pages within the hour.
      'cache-control': 'public, max-age=3600',
    });
  });
}
