/**
 * Helpers of the fault tests: spawn the real server process on 127.0.0.1 port 0 with a temp DATA_DIR, wait for its
 * "listening" line, and speak the chat route's AI SDK UI message stream like a widget would.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const KNOWLEDGE_DIR = join(ROOT, 'knowledge');

/**
 * Rate and size limits switched off (0 = off) or raised: these tests drive many turns from one address on purpose,
 * and the limits have their own tests.
 */
export const UNLIMITED: Readonly<Record<string, string>> = {
  RATE_LIMIT_PER_MINUTE: '0',
  RATE_LIMIT_LLM_PER_MINUTE: '0',
  MAX_SESSIONS_PER_CLIENT: '0',
  MAX_MESSAGES_PER_SESSION: '100000',
};

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `node <script>` (default src/index.ts) and resolves once it logs "listening". */
export async function startServerProcess(
  env: Record<string, string>,
  script = 'src/index.ts',
  timeoutMs = 20_000,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [script], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      ENV_FILE: 'none', // a developer's .env must not change the server under test
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      KNOWLEDGE_DIR,
      ...UNLIMITED,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const line = out.split('\n').find((candidate) => candidate.includes('"msg":"listening"'));
    if (line !== undefined) {
      const { url } = JSON.parse(line) as { url: string };
      return { child, url, stdout: () => out, stderr: () => err, exit };
    }
    if (child.exitCode !== null) break;
    await sleep(25);
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start; stdout: ${out}\nstderr: ${err}`);
}

/** Kills the process if it still runs (cleanup in `finally`). */
export async function killIfRunning(server: ServerProcess | undefined): Promise<void> {
  if (server === undefined || server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGKILL');
  await server.exit;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One UI message chunk of the stream (only the fields the tests read). */
export interface StreamChunk {
  type: string;
  messageId?: string;
  errorText?: string;
  delta?: string;
}

/** Parses an SSE body of `data: <json>` events ending with `data: [DONE]`. */
export function parseUiMessageStream(body: string): { chunks: StreamChunk[]; done: boolean } {
  const chunks: StreamChunk[] = [];
  let done = false;
  for (const event of body.split('\n\n')) {
    const data = event
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => line.slice('data: '.length))
      .join('\n');
    if (data === '') continue;
    if (data === '[DONE]') {
      done = true;
      continue;
    }
    chunks.push(JSON.parse(data) as StreamChunk);
  }
  return { chunks, done };
}

/** A chat client's session credentials. */
export interface ChatSession {
  id: string;
  token: string;
}

/** The outcome of one turn, as a client sees it. */
export interface TurnResult {
  status: number;
  /** The server acknowledged the turn: HTTP 200 and a complete stream with its `finish` chunk. */
  acknowledged: boolean;
  session?: ChatSession;
  userMessageId: string;
  assistantMessageId?: string;
  text: string;
  body: string;
}

/** The response headers arrived but the body was cut (the worst outcome: a half answer). */
export class ResponseCutError extends Error {
  override name = 'ResponseCutError';
  readonly status: number;
  constructor(status: number, cause: unknown) {
    super(`HTTP ${status} response cut before its end`, { cause });
    this.status = status;
  }
}

/**
 * Sends one chat turn the way `DefaultChatTransport` does (the new user message last) with the session headers
 * when there is a session. Network failures reject (with {@link ResponseCutError} when the body was cut after the
 * headers); HTTP errors resolve with their status.
 */
export async function sendChatTurn(
  url: string,
  input: { session?: ChatSession; userMessageId: string; text: string; chatId?: string; signal?: AbortSignal },
): Promise<TurnResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (input.session !== undefined) {
    headers['x-session-id'] = input.session.id;
    headers['x-session-token'] = input.session.token;
  }
  const response = await fetch(`${url}/v1/chat`, {
    method: 'POST',
    headers,
    signal: input.signal,
    body: JSON.stringify({
      id: input.chatId ?? `chat-${Math.random().toString(36).slice(2)}`,
      trigger: 'submit-message',
      messages: [{ id: input.userMessageId, role: 'user', parts: [{ type: 'text', text: input.text }] }],
    }),
  });
  let body: string;
  try {
    body = await response.text();
  } catch (error) {
    throw new ResponseCutError(response.status, error);
  }
  const result: TurnResult = {
    status: response.status,
    acknowledged: false,
    userMessageId: input.userMessageId,
    text: input.text,
    body,
  };
  const sessionId = response.headers.get('x-session-id');
  const token = response.headers.get('x-session-token') ?? input.session?.token;
  if (sessionId !== null && token !== undefined) result.session = { id: sessionId, token };
  if (response.status !== 200) return result;
  const { chunks, done } = parseUiMessageStream(body);
  const start = chunks.find((chunk) => chunk.type === 'start');
  result.assistantMessageId = start?.messageId;
  result.acknowledged =
    done && chunks.some((chunk) => chunk.type === 'finish') && !chunks.some((c) => c.type === 'error');
  return result;
}

/** A stored message as GET /v1/chat/{id} returns it (a UIMessage), with its text parts joined as `text`. */
export interface StoredMessageView {
  id: string;
  role: string;
  text: string;
}

interface HistoryMessage {
  id: string;
  role: string;
  parts: { type: string; text?: string }[];
}

/** GET /v1/chat/{id} with the token. */
export async function readHistory(
  url: string,
  session: ChatSession,
): Promise<{ status: number; messages: StoredMessageView[]; body: string }> {
  const response = await fetch(`${url}/v1/chat/${session.id}`, { headers: { 'x-session-token': session.token } });
  const body = await response.text();
  const messages =
    response.status === 200
      ? (JSON.parse(body) as { messages: HistoryMessage[] }).messages.map((message) => ({
          id: message.id,
          role: message.role,
          text: message.parts.flatMap((part) => (part.type === 'text' ? [part.text ?? ''] : [])).join(''),
        }))
      : [];
  return { status: response.status, messages, body };
}

/** A realistic conversation: what a team tells the advisor, one answer per turn. */
export const CONVERSATION: readonly string[] = [
  'We want a support assistant that answers questions from our product documentation.',
  'We plan to use Llama 3.1 8B.',
  'We have one RTX 4090.',
  'About 2000 labeled question and answer pairs.',
  'The documentation changes every week.',
  'Answers must follow our support style and cite the page they come from.',
  'Our budget is about 500 dollars a month.',
  'What if we had two A100 80GB instead?',
  'Why not full fine-tuning?',
  'Latency should stay under two seconds.',
];
