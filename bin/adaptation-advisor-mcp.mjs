#!/usr/bin/env node
// The advisor as an MCP server over stdio (`npm run mcp:stdio`, or this file as the command of an MCP client).
// Runs the TypeScript sources directly, which needs Node >= 22.18 (type stripping): use the project's own Node 24,
// node_modules/.bin/node, as the client's command. Only MCP messages go to stdout; errors go to stderr.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(
    `adaptation-advisor-mcp: Node >= 22.18 required (got ${process.version} at ${process.execPath}); ` +
      "run it with the project's node_modules/.bin/node or `npm run --silent mcp:stdio`\n",
  );
  process.exit(1);
}
try {
  const { startStdioServer } = await import('../src/mcp/stdio-server.ts');
  await startStdioServer();
} catch (error) {
  process.stderr.write(
    `adaptation-advisor-mcp: cannot start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
}
