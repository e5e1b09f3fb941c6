import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { replayHistory } from '../src/chat/replay-history.ts';
import type { Knowledge } from '../src/knowledge/knowledge.ts';
import { PROFILE_FIELDS } from '../src/profile/profile-schema.ts';
import { type FakeRequestRecord, startFakeOpenAiServer } from '../tests/helpers/fake-openai-server.ts';
import { spawnServer, stop } from './process-helpers.ts';
import { fmt, summarize } from './stats.ts';

/** One chat turn that the advisor answers with a recommendation (so the LLM explains it). */
const MESSAGE =
  'We want to adapt Llama 3.1 8B to answer support tickets. We have one RTX 4090, 2000 labeled examples, ' +
  'and the product docs change rarely. Just recommend.';

/** Token estimate used where no tokenizer runs: ceil(characters / 4) (the OpenAI rule of thumb for English). */
const estimateTokens = (characters: number) => Math.ceil(characters / 4);

/** Characters of every message content of a recorded Chat Completions request. */
function promptCharacters(record: FakeRequestRecord): number {
  const messages = (record.body?.messages ?? []) as { content?: unknown }[];
  return messages.reduce(
    (total, message) => total + (typeof message.content === 'string' ? message.content.length : 0),
    0,
  );
}

/** Reads an SSE body until it contains `marker`, then cancels it; resolves with the elapsed ms. */
async function timeToMarker(response: Response, started: number, marker: string): Promise<number> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let found: number | undefined;
  while (true) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    if (buffer.includes(JSON.stringify(marker).slice(1, -1))) {
      found = performance.now() - started;
      await reader.cancel(); // the first token is all we time; leaving early also exercises the upstream abort
      break;
    }
  }
  if (found === undefined) throw new Error(`the advisor stream never contained the LLM's first piece "${marker}"`);
  return found;
}

/**
 * (d) What the advisor adds to time-to-first-token. A loopback fake OpenAI-compatible server streams a fixed
 * explanation at `intervalMs` per chunk. Interleaved, N times each: (a) the openai client calls the fake server
 * directly with the advisor's own explanation prompt; (b) POST /v1/chat/completions (stream) to an advisor process
 * configured against the fake server, timed until the LLM's first piece appears in the advisor's stream. Also
 * reports the tokens one chat turn sends and receives (estimated from the recorded requests: characters / 4).
 */
export async function benchLlm(knowledge: Knowledge, options: { n?: number; intervalMs?: number } = {}) {
  const n = options.n ?? 50;
  const intervalMs = options.intervalMs ?? 20;
  const { lastTurn } = await replayHistory([MESSAGE], knowledge);
  const top = lastTurn.recommendation.recommendations[0];
  if (lastTurn.kind !== 'recommendation' || !top) throw new Error(`the bench message gave a ${lastTurn.kind} turn`);
  const topName = knowledge.methodById.get(top.method)?.name ?? top.method;
  const prose =
    `To sum up, ${topName} comes first for your setup. It fits the hardware you described and uses the labelled examples ` +
    'you already have, while the documents rarely change, so there is little to re-index. Start with a prompt ' +
    'baseline and an evaluation set, then train and compare against that baseline.';
  const pieces = prose.match(/\S+\s*/g) ?? [prose];
  const noFacts = JSON.stringify(Object.fromEntries(PROFILE_FIELDS.map((field) => [field, null])));
  const fake = await startFakeOpenAiServer({ chunks: pieces, intervalMs, completionContent: noFacts });
  const dataDir = await mkdtemp(join(tmpdir(), 'advisor-bench-llm-'));
  const advisor = await spawnServer(['src/index.ts'], {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    OPENAI_API_KEY: 'bench',
    OPENAI_BASE_URL: fake.url,
    OPENAI_MODEL: 'bench-model',
    LLM_BREAKER_THRESHOLD: '1000',
    RATE_LIMIT_PER_MINUTE: '0',
    RATE_LIMIT_LLM_PER_MINUTE: '0',
  });
  let advisorOutput = '';
  advisor.child.stderr?.on('data', (chunk: Buffer) => {
    advisorOutput += chunk.toString();
  });
  advisor.child.once('exit', (code) => {
    if (code !== 0) console.error(`the advisor exited with ${code}: ${advisorOutput}`);
  });
  const body = JSON.stringify({
    model: 'adaptation-advisor',
    stream: true,
    messages: [{ role: 'user', content: MESSAGE }],
  });
  const viaAdvisor = async () => {
    const started = performance.now();
    const response = await fetch(`${advisor.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    if (response.status !== 200) throw new Error(`advisor answered ${response.status}: ${await response.text()}`);
    return timeToMarker(response, started, pieces[0]!.trim());
  };

  try {
    // Warm-up turn: also records what one chat turn sends upstream.
    const before = fake.requests.length;
    await viaAdvisor();
    const turnRequests = fake.requests.slice(before);
    const explainRequest = turnRequests.find((record) => record.body?.stream === true);
    const extractRequest = turnRequests.find((record) => record.body?.stream !== true);
    if (!explainRequest) throw new Error('the advisor did not call the LLM for an explanation');

    const client = new OpenAI({ apiKey: 'bench', baseURL: fake.url, maxRetries: 0 });
    const direct = async () => {
      const started = performance.now();
      const stream = await client.chat.completions.create({
        model: 'bench-model',
        messages: explainRequest.body.messages,
        stream: true,
        stream_options: { include_usage: true },
      });
      let first: number | undefined;
      for await (const chunk of stream) {
        if (chunk.choices[0]?.delta?.content) {
          first = performance.now() - started;
          break; // leaving the loop aborts the request, as the advisor path does
        }
      }
      if (first === undefined) throw new Error('the fake server sent no content');
      return first;
    };
    await direct();

    const directSamples: number[] = [];
    const advisorSamples: number[] = [];
    for (let index = 0; index < n; index += 1) {
      directSamples.push(await direct());
      advisorSamples.push(await viaAdvisor());
    }
    const a = summarize(directSamples);
    const b = summarize(advisorSamples);
    console.log(`\n## LLM: time to first token (fake server, ${intervalMs} ms per chunk, N=${n} each, interleaved)`);
    console.log('| path | p50 ms | p90 ms | p99 ms | max ms |');
    console.log('|---|---|---|---|---|');
    console.log(
      `| (a) openai client → fake server | ${fmt(a.p50, 1)} | ${fmt(a.p90, 1)} | ${fmt(a.p99, 1)} | ${fmt(a.max, 1)} |`,
    );
    console.log(
      `| (b) POST /v1/chat/completions (stream) → advisor → fake server | ${fmt(b.p50, 1)} | ${fmt(b.p90, 1)} | ${fmt(b.p99, 1)} | ${fmt(b.max, 1)} |`,
    );
    console.log(
      `Added by the advisor at p50: ${fmt(b.p50 - a.p50, 1)} ms (target < 10 ms); at p99: ${fmt(b.p99 - a.p99, 1)} ms. ` +
        '(b) includes the LLM extraction call that precedes the explanation, the rule extractor and the engine.',
    );

    const explainPrompt = promptCharacters(explainRequest);
    const extractPrompt = extractRequest ? promptCharacters(extractRequest) : 0;
    const explainCompletion = prose.length;
    const extractCompletion = extractRequest ? noFacts.length : 0;
    const total = explainPrompt + extractPrompt + explainCompletion + extractCompletion;
    console.log('\n## LLM: tokens per chat turn (one recommendation turn; estimated as characters / 4)');
    console.log('| call | prompt tokens | completion tokens |');
    console.log('|---|---|---|');
    if (extractRequest)
      console.log(
        `| extraction (structured output) | ${estimateTokens(extractPrompt)} | ${estimateTokens(extractCompletion)} (all-null JSON) |`,
      );
    console.log(
      `| explanation (stream) | ${estimateTokens(explainPrompt)} | ${estimateTokens(explainCompletion)} (${pieces.length} chunks) |`,
    );
    console.log(
      `| total | ${estimateTokens(explainPrompt + extractPrompt)} | ${estimateTokens(explainCompletion + extractCompletion)} | ≈ ${estimateTokens(total)} tokens per turn |`,
    );
    console.log(
      `LLM requests per recommendation turn: ${turnRequests.length} (question turns send only the extraction request).`,
    );
    return { direct: a, advisor: b, addedP50Ms: b.p50 - a.p50, tokensPerTurn: estimateTokens(total) };
  } finally {
    await stop(advisor.child);
    await fake.close();
  }
}
