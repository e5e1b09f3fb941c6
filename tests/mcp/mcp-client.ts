/**
 * MCP clients for the tests, built from the official SDK client: over Streamable HTTP against an in-process app
 * (`app.request`, no socket) or a real URL, in either protocol era ('legacy': the 2025 initialize handshake; 'auto':
 * the 2026-07-28 per-request protocol after a server/discover probe).
 */
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import type { App } from '../../src/app.ts';

export type Era = 'legacy' | 'auto';
export const ERAS: readonly Era[] = ['legacy', 'auto'];

export function newClient(era: Era): Client {
  return new Client({ name: 'advisor-tests', version: '1.0.0' }, { versionNegotiation: { mode: era } });
}

/**
 * A connected client whose HTTP requests go to `app.request` (no server process, no socket). It lists the tools once:
 * the client validates a tool's structuredContent against its output schema only for tools it has listed.
 */
export async function connectInProcess(app: App, era: Era, headers: Record<string, string> = {}): Promise<Client> {
  const client = newClient(era);
  const transport = new StreamableHTTPClientTransport(new URL('http://advisor.test/mcp'), {
    requestInit: { headers },
    fetch: (url, init) => Promise.resolve(app.request(String(url), init as RequestInit)),
  });
  await client.connect(transport);
  await client.listTools();
  return client;
}

/** A connected client over real HTTP (tools listed, see above); `fetch` may be replaced (e.g. a round-robin). */
export async function connectHttp(
  url: string,
  era: Era,
  options: { headers?: Record<string, string>; fetch?: typeof fetch } = {},
): Promise<Client> {
  const client = newClient(era);
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    requestInit: { headers: options.headers ?? {} },
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });
  await client.connect(transport);
  await client.listTools();
  return client;
}

/** The text of a tool result's first content block. */
export function firstText(result: { content?: unknown }): string {
  const content = result.content as { type: string; text?: string }[] | undefined;
  return content?.[0]?.text ?? '';
}
