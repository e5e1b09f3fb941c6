/**
 * @module mcp/stdio-server: the MCP server over stdio, for local clients (Claude Desktop, Cursor, an IDE agent) that
 * start the advisor as a child process. Loads the knowledge (KNOWLEDGE_DIR, default the repository's `knowledge/`)
 * and serves the same tools and resources as `/mcp`. stdout carries only the protocol; diagnostics go to stderr.
 */
import { fileURLToPath } from 'node:url';
import { type StdioServerHandle, serveStdio } from '@modelcontextprotocol/server/stdio';
import { API_VERSION } from '../app.ts';
import { recommend as engineRecommend } from '../engine/recommend.ts';
import { loadKnowledge } from '../knowledge/load-knowledge.ts';
import { createLogger } from '../logger.ts';
import { createAdvisorMcpServer } from './advisor-mcp-server.ts';
import { cachedRecommend } from './cached-recommend.ts';

/** The repository's knowledge directory, whatever the working directory (clients start servers from anywhere). */
export const DEFAULT_KNOWLEDGE_DIR = fileURLToPath(new URL('../../knowledge', import.meta.url));

/** Starts serving on this process's stdin/stdout; resolves once the knowledge is loaded and the server listens. */
export async function startStdioServer(
  env: Record<string, string | undefined> = process.env,
): Promise<StdioServerHandle> {
  const logger = createLogger({
    level: env.LOG_LEVEL === 'debug' ? 'debug' : 'warn',
    write: (line) => process.stderr.write(line),
  });
  const knowledge = await loadKnowledge(env.KNOWLEDGE_DIR ?? DEFAULT_KNOWLEDGE_DIR);
  const cacheSize = Number(env.RECOMMENDATION_CACHE_SIZE ?? 1000);
  const recommend = cachedRecommend(engineRecommend, Number.isSafeInteger(cacheSize) ? cacheSize : 1000);
  return serveStdio(() => createAdvisorMcpServer({ knowledge, version: API_VERSION, logger, recommend }), {
    onerror: (error) => logger.warn('mcp stdio error', { error: error.message }),
  });
}
