// Fails fast when npm scripts would run on a Node older than the stack needs.
// The node@24 devDependency puts node_modules/.bin/node first on PATH inside npm scripts;
// if its install script was skipped (npm ci --ignore-scripts), scripts silently fall back to the system Node.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.error(
    `Node >= 22 required (ai@7, openai@7, msw@3, vitest@5); got ${process.version} at ${process.execPath}.\n` +
      'Fix: run `npm ci` without --ignore-scripts so the node@24 devDependency installs its binary, then use npm scripts (npm start, npm test).',
  );
  process.exit(1);
}
