/**
 * POST /v1/chat/completions and GET /v1/models driven by the `openai` npm client against a real server on a
 * loopback port: the advisor must look like any OpenAI-compatible model (stateless; the history is resent).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Recommendation } from '../../src/engine/recommendation-schema.ts';
import type { AdvisorExtra } from '../../src/http/routes/openai-compatible.ts';
import { type RunningServer, startServer } from '../../src/index.ts';

let running: RunningServer;
let dataDir: string;
let client: OpenAI;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'advisor-openai-'));
  running = await startServer({
    env: {},
    config: { PORT: 0, HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
  });
  client = new OpenAI({ baseURL: `${running.url}/v1`, apiKey: 'unused', maxRetries: 0 });
});

afterAll(async () => {
  await running?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const MODEL = 'adaptation-advisor';

const ANSWERS: Record<string, string> = {
  labeledExamples: 'about 300',
  tasksCount: 'just one',
  knowledgeChanges: 'weekly',
  needsCitations: 'yes, answers must cite the docs',
  modality: 'text',
  unlabeledCorpus: 'we have a large set of docs',
  mlExpertise: 'basic',
  modelAccess: 'open weights',
};

/** The `advisor` extra field the server adds to OpenAI's response shape. */
function advisorOf(completion: unknown): AdvisorExtra {
  return (completion as { advisor: AdvisorExtra }).advisor;
}

function verdictOf(recommendation: Recommendation | undefined, method: string): string | undefined {
  return recommendation?.recommendations.find((item) => item.method === method)?.verdict;
}

describe('OpenAI-compatible API with the openai client', () => {
  it('lists the advisor model in OpenAI list format', async () => {
    const models = [];
    for await (const model of client.models.list()) models.push(model);
    expect(models).toEqual([
      { id: MODEL, object: 'model', created: expect.any(Number), owned_by: 'adaptation-advisor' },
    ]);
    const one = await client.models.retrieve(MODEL);
    expect(one.id).toBe(MODEL);
    await expect(client.models.retrieve('gpt-4o')).rejects.toMatchObject({ status: 404 });
  });

  it('goes from a vague message to a sourced plan by resending the history (non-streaming)', async () => {
    const messages: ChatCompletionMessageParam[] = [
      { role: 'system', content: 'You are a helpful assistant.' },
      { role: 'user', content: 'We want to build a support bot on our docs' },
    ];
    let completion = await client.chat.completions.create({ model: MODEL, messages, temperature: 0.2 });
    expect(completion.object).toBe('chat.completion');
    expect(completion.model).toBe(MODEL);
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    let advisor = advisorOf(completion);
    expect(advisor.kind).toBe('question');
    expect(advisor.question?.field).toBeTruthy();
    expect(completion.choices[0]?.message.content).toContain(advisor.question!.question);
    expect(advisor.recommendation).toBeUndefined();
    const content = completion.choices[0]!.message.content!;
    expect(completion.usage?.completion_tokens).toBe(Math.ceil(content.length / 4));

    let turns = 1;
    while (advisor.recommendation === undefined) {
      messages.push({ role: 'assistant', content: completion.choices[0]!.message.content });
      messages.push({ role: 'user', content: ANSWERS[advisor.question?.field ?? ''] ?? 'not sure' });
      completion = await client.chat.completions.create({ model: MODEL, messages });
      advisor = advisorOf(completion);
      turns += 1;
      expect(turns).toBeLessThanOrEqual(4);
    }
    expect(advisor.kind).toBe('recommendation');
    expect(advisor.recommendation?.recommendations[0]?.reasons.length).toBeGreaterThan(0);
    expect(advisor.recommendation?.plan.length).toBeGreaterThan(0);
    expect(advisor.recommendation?.sources.length).toBeGreaterThan(0);

    // A later fact and a correction, both re-derived from the resent history.
    messages.push({ role: 'assistant', content: completion.choices[0]!.message.content });
    messages.push({ role: 'user', content: 'We use Llama 3.1 8B and have no GPUs' });
    const noGpus = advisorOf(await client.chat.completions.create({ model: MODEL, messages }));
    expect(noGpus.profile).toMatchObject({ modelName: 'Llama 3.1 8B', gpuCount: 0 });
    expect(verdictOf(noGpus.recommendation, 'lora')).toBe('conditional');

    messages.push({ role: 'assistant', content: 'ok' });
    messages.push({ role: 'user', content: [{ type: 'text', text: 'actually we have 2 A100s' }] });
    const changed = advisorOf(await client.chat.completions.create({ model: MODEL, messages }));
    expect(changed.profile).toMatchObject({ gpuCount: 2, gpuName: 'NVIDIA A100 80GB' });
    expect(verdictOf(changed.recommendation, 'lora')).toBe('conditional'); // fits the GPUs; still decided by the unknown number of examples;

    // Stateless and deterministic: the same history gives the same advice.
    const again = advisorOf(await client.chat.completions.create({ model: MODEL, messages }));
    expect(again).toEqual(changed);
  });

  it('streams chat.completion.chunk events like OpenAI, with usage when asked', async () => {
    const stream = await client.chat.completions.create({
      model: MODEL,
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: 'user', content: 'Support bot on our docs, which change weekly. Just recommend.' }],
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.every((chunk) => chunk.object === 'chat.completion.chunk' && chunk.model === MODEL)).toBe(true);
    expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(1);
    expect(chunks[0]?.choices[0]?.delta.role).toBe('assistant');
    const text = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
    expect(text).toMatch(/provisional answer/i);
    const contentChunks = chunks.filter((chunk) => (chunk.choices[0]?.delta.content ?? '') !== '');
    expect(contentChunks.length).toBeGreaterThan(5);

    const last = chunks[chunks.length - 1]!;
    expect(last.choices).toEqual([]);
    expect(last.usage?.completion_tokens).toBe(Math.ceil(text.length / 4));
    const finished = chunks[chunks.length - 2]!;
    expect(finished.choices[0]?.finish_reason).toBe('stop');
    const advisor = advisorOf(finished);
    expect(advisor.kind).toBe('recommendation');
    expect(advisor.profile.knowledgeChanges).toBe('weekly');
    expect(advisor.recommendation?.recommendations[0]?.method).toBe('rag');
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true);

    // The client's stream helper (which insists on the role in the first delta) assembles the same message.
    const runner = client.chat.completions.stream({
      model: MODEL,
      messages: [{ role: 'user', content: 'Support bot on our docs, which change weekly. Just recommend.' }],
    });
    const final = await runner.finalChatCompletion();
    expect(final.choices[0]?.message.content).toBe(text);
  });

  it('ends the raw stream with data: [DONE] and no usage chunk unless asked', async () => {
    const response = await fetch(`${running.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: MODEL, stream: true, messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events = (await response.text()).split('\n\n').filter((event) => event !== '');
    expect(events[events.length - 1]).toBe('data: [DONE]');
    const parsed = events
      .slice(0, -1)
      .map((event) => JSON.parse(event.replace(/^data: /, '')) as Record<string, unknown>);
    expect(parsed.every((chunk) => !('usage' in chunk))).toBe(true);
    expect((parsed[parsed.length - 1] as { choices: { finish_reason: string }[] }).choices[0]?.finish_reason).toBe(
      'stop',
    );
  });

  it('rejects bad requests with OpenAI-style 4xx errors', async () => {
    const bad: { body: Record<string, unknown>; status: number; param: string | null }[] = [
      { body: { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }, status: 404, param: 'model' },
      { body: { model: MODEL, messages: [] }, status: 400, param: 'messages' },
      { body: { model: MODEL, messages: [{ role: 'wizard', content: 'hi' }] }, status: 400, param: 'messages[0].role' },
      { body: { model: MODEL, messages: [{ role: 'user', content: 42 }] }, status: 400, param: 'messages[0].content' },
      {
        body: { model: MODEL, messages: [{ role: 'user', content: 'hi' }], temperature: 'hot' },
        status: 400,
        param: 'temperature',
      },
      {
        body: { model: MODEL, messages: [{ role: 'user', content: 'hi' }], stream: 'yes' },
        status: 400,
        param: 'stream',
      },
      {
        body: { model: MODEL, messages: [{ role: 'user', content: 'x'.repeat(4001) }] },
        status: 400,
        param: 'messages[0].content',
      },
      {
        body: { model: MODEL, messages: [{ role: 'system', content: 'only a system prompt' }] },
        status: 400,
        param: 'messages',
      },
      {
        body: {
          model: MODEL,
          messages: [
            { role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://example.com/a.png' } }] },
          ],
        },
        status: 400,
        param: 'messages[0].content[0].type',
      },
      { body: { messages: [{ role: 'user', content: 'hi' }] }, status: 400, param: 'model' },
    ];
    for (const testCase of bad) {
      const error = await client.chat.completions.create(testCase.body as never).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error, JSON.stringify(testCase.body)).toBeInstanceOf(OpenAI.APIError);
      const apiError = error as InstanceType<typeof OpenAI.APIError>;
      expect(apiError.status).toBe(testCase.status);
      expect(apiError.param).toBe(testCase.param);
      expect(apiError.type).toBe('invalid_request_error');
      expect(apiError.message).toBeTruthy();
    }

    const malformed = await fetch(`${running.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"model": ',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { type: 'invalid_request_error', param: null } });

    const body = JSON.stringify({ model: MODEL, messages: [{ role: 'user', content: 'hi' }] });
    const asText = await fetch(`${running.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body,
    });
    expect(asText.status).toBe(415);
    expect(await asText.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });
    const withCharset = await fetch(`${running.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body,
    });
    expect(withCharset.status).toBe(200);
  });
});
