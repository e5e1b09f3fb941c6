import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { NotFoundError } from '../../errors.ts';
import type { App } from '../types.ts';

/** Files of swagger-ui-dist served under /docs/assets/ (a fixed list: no path from the request reaches the disk). */
const ASSET_TYPES: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'index.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
  'favicon-16x16.png': 'image/png',
  'favicon-32x32.png': 'image/png',
};

/** The directory of the installed swagger-ui-dist package. */
export function swaggerUiDirectory(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('swagger-ui-dist/package.json'));
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Adaptation Advisor API</title>
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
  <link rel="stylesheet" href="/docs/assets/index.css">
  <link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png" sizes="32x32">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/docs/assets/swagger-ui-standalone-preset.js"></script>
  <script src="/docs/init.js"></script>
</body>
</html>
`;

// A separate file rather than an inline script, so the docs CSP can keep script-src 'self'.
const INIT_SCRIPT = `window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'StandaloneLayout',
    persistAuthorization: true,
  });
};
`;

/**
 * GET /docs: Swagger UI for /openapi.json that works offline: its assets come from the swagger-ui-dist package
 * in node_modules (no CDN), read once and cached in memory.
 */
export function registerDocsRoutes(app: App, assetDirectory: string = swaggerUiDirectory()): void {
  const cache = new Map<string, Uint8Array<ArrayBuffer>>();
  // The root is the chat page (src/http/routes/widget.ts), which links here.
  app.get('/docs', (c) => c.html(PAGE));
  app.get('/docs/', (c) => c.redirect('/docs', 301));
  app.get('/docs/init.js', (c) => c.body(INIT_SCRIPT, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  app.get('/docs/assets/:file', async (c) => {
    const file = c.req.param('file');
    const type = ASSET_TYPES[file];
    if (!type) throw new NotFoundError(`No docs asset named "${file}"`);
    let bytes = cache.get(file);
    if (!bytes) {
      bytes = new Uint8Array(await readFile(join(assetDirectory, file)));
      cache.set(file, bytes);
    }
    return c.body(bytes, 200, { 'content-type': type, 'cache-control': 'public, max-age=86400' });
  });
}
