/**
 * @module warm-up: one rule-only chat turn (extraction, dialogue turn, engine) at start-up, before the server listens, so the
 * first user's request does not pay for compiling the extractor's patterns, the engine's hot paths and the catalog's
 * alias index (measured: the first chat turn's time to first byte went from about 330 ms to that of later turns).
 * Pure computation on the loaded knowledge: nothing is stored or sent.
 */
import { randomUUID } from 'node:crypto';
import { ruleExtract } from './chat/chat-service.ts';
import { initialDialogueState } from './chat/dialogue-state.ts';
import { runTurn } from './chat/run-turn.ts';
import type { Knowledge } from './knowledge/knowledge.ts';

/** One first message with many facts: compiling the extractor's patterns is most of the first turn's cost. */
const SAMPLE_TURNS = [
  'We use Llama 3.1 8B on one RTX 4090 and have 2,000 labeled support tickets; answers must follow our JSON template. Just recommend.',
];

/** Runs a rule-only first turn through the extractor, the dialogue turn and the engine; returns its duration. */
export async function warmUp(knowledge: Knowledge): Promise<number> {
  const started = performance.now();
  let state = initialDialogueState();
  for (const text of SAMPLE_TURNS) {
    const extraction = await ruleExtract(text, { requestedField: state.requestedField, knowledge });
    state = runTurn(state, extraction, knowledge).state;
  }
  return performance.now() - started;
}

/** What `warmUpRoutes` needs of the app: Hono's in-process `request` (no socket, nothing on the network). */
interface InProcessApp {
  request(path: string, init?: RequestInit, env?: unknown): Response | Promise<Response>;
}

/** The environment of the warm-up's in-process requests: the metrics leave them out (they are no traffic). */
export const WARM_UP_ENV: Readonly<{ advisorWarmUp: true }> = Object.freeze({ advisorWarmUp: true });

/**
 * One chat turn through the app's own routes before the server listens: compiles routing, request validation, the
 * session store's write path and the stream encoder, which the pure warm-up does not reach (measured: the first
 * `POST /v1/chat` took about 28 ms against 4 ms for later ones). The session it creates is deleted. Returns its
 * duration; a failure (an API key required, a read-only data directory) only means a colder first request.
 */
export async function warmUpRoutes(app: InProcessApp): Promise<number> {
  const started = performance.now();
  const chatId = `warm-up-${randomUUID()}`;
  try {
    const response = await app.request(
      '/v1/chat',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'warm-up' },
        body: JSON.stringify({
          id: chatId,
          trigger: 'submit-message',
          messages: [{ id: 'warm-up', role: 'user', parts: [{ type: 'text', text: SAMPLE_TURNS[0] }] }],
        }),
      },
      WARM_UP_ENV,
    );
    await response.text();
    const token = response.headers.get('x-session-token');
    if (token !== null) {
      const deleted = await app.request(
        `/v1/chat/${chatId}`,
        { method: 'DELETE', headers: { 'x-session-token': token, 'x-request-id': 'warm-up' } },
        WARM_UP_ENV,
      );
      await deleted.text();
    }
  } catch {
    // Best effort: the server works without it.
  }
  return performance.now() - started;
}
