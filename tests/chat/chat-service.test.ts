import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ChatTurnFailedError,
  createChatService,
  type ExtractFunction,
  restoreDialogueState,
  ruleExtract,
} from '../../src/chat/chat-service.ts';
import { initialDialogueState } from '../../src/chat/dialogue-state.ts';
import { runTurn } from '../../src/chat/run-turn.ts';
import { NotFoundError } from '../../src/errors.ts';
import type { Session } from '../../src/store/session-schema.ts';
import { createFileSessionStore, type SessionStore } from '../../src/store/session-store.ts';
import { StoreUnavailableError } from '../../src/store/store-errors.ts';
import { fixtureKnowledge } from '../helpers/build-test-app.ts';

const knowledge = fixtureKnowledge();
let dataDir: string;
let store: SessionStore;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'advisor-chat-service-'));
  store = createFileSessionStore({ dataDir, syncToDisk: false });
  await store.init();
});

afterEach(async () => {
  await store.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('createChatService', () => {
  it("reads a deadline given as a date against the service's clock", async () => {
    const service = createChatService({ store, knowledge, now: () => new Date('2026-12-04T09:30:00Z') });
    const opened = await service.openSession();
    const { turn } = await service.runTurn({ credentials: opened, text: 'We need our support bot live by March 15' });
    expect(turn.state.profile.timelineWeeks).toBe(14);
  });

  it('creates a session, persists both messages and the dialogue state, and resumes it next turn', async () => {
    const service = createChatService({ store, knowledge });
    const opened = await service.openSession();
    expect(opened.created).toBe(true);

    const first = await service.runTurn({
      credentials: opened,
      text: 'We want a support bot',
      userMessageId: 'client-1',
    });
    expect(first.turn.kind).toBe('question');
    // Nothing says what the bot must do yet: the diagnosis question comes first.
    expect(first.turn.question?.field).toBe('task');
    expect(first.userMessage.id).toBe('client-1');

    const stored = await store.get(opened.sessionId, opened.sessionToken);
    expect(stored?.messages.map((message) => [message.role, message.text])).toEqual([
      ['user', 'We want a support bot'],
      ['assistant', first.turn.reply],
    ]);
    expect(stored?.requestedField).toBe('task');
    expect(stored?.messages[1]?.meta).toMatchObject({ kind: 'question', provisional: true });
    expect(stored?.messages[1]?.parts).toEqual([
      { type: 'data-profile', data: expect.objectContaining({ profile: first.turn.state.profile }) },
      { type: 'data-question', data: first.turn.question },
    ]);

    // A reopened session (as after a restart) carries on where it stopped: the reply answers the question asked.
    const reopened = await createChatService({ store, knowledge }).openSession(opened);
    expect(reopened.created).toBe(false);
    const task = 'Answer customer questions from our help-center docs';
    const second = await createChatService({ store, knowledge }).runTurn({ credentials: reopened, text: task });
    // What else the extractor reads from the sentence is its own tests' business; the task is persisted as said.
    expect(second.session.profile).toMatchObject({ taskType: 'chat', goals: ['knowledge'], task });
    expect(restoreDialogueState(second.session)).toMatchObject({
      evidence: { task: { text: task, by: 'rules' } },
    });
  });

  it('keeps 20 concurrent turns on one session in call order, each reply right after its message', async () => {
    // Extraction takes a different time for every message, so unserialised turns would interleave.
    const extract: ExtractFunction = async (message, options) => {
      await new Promise((resolve) => setTimeout(resolve, (message.length * 7) % 13));
      return ruleExtract(message, options);
    };
    const service = createChatService({ store, knowledge, extract });
    const opened = await service.openSession();
    const texts = Array.from({ length: 20 }, (_, index) => `message ${index + 1}: we have ${index + 1} GPUs`);
    const outcomes = await Promise.all(texts.map((text) => service.runTurn({ credentials: opened, text })));

    const stored = await store.get(opened.sessionId, opened.sessionToken);
    expect(stored?.messages).toHaveLength(40);
    expect(stored?.messages.filter((message) => message.role === 'user').map((message) => message.text)).toEqual(texts);
    for (let index = 0; index < 20; index += 1) {
      expect(stored?.messages[2 * index]?.id).toBe(outcomes[index]?.userMessage.id);
      expect(stored?.messages[2 * index + 1]?.id).toBe(outcomes[index]?.assistantMessage.id);
    }
    // Each turn saw the state left by the one before: the last statement wins.
    expect(stored?.profile.gpuCount).toBe(20);
    expect(outcomes[19]?.turn.understood).toEqual([expect.objectContaining({ field: 'gpuCount', corrected: false })]);
  });

  it('persists the user message even when the engine throws, and leaves the dialogue state as it was', async () => {
    let failNext = true;
    const service = createChatService({
      store,
      knowledge,
      runTurn: (...args) => {
        if (failNext) throw new Error('engine exploded');
        return runTurn(...args);
      },
    });
    const opened = await service.openSession();
    const error = await service.runTurn({ credentials: opened, text: 'We have two A100s' }).catch((caught) => caught);
    expect(error).toBeInstanceOf(ChatTurnFailedError);
    expect((error as ChatTurnFailedError).cause).toEqual(new Error('engine exploded'));

    const stored = await store.get(opened.sessionId, opened.sessionToken);
    expect(stored?.messages.map((message) => [message.role, message.text])).toEqual([['user', 'We have two A100s']]);
    expect(stored?.profile).toEqual({});

    failNext = false;
    const retried = await service.runTurn({ credentials: opened, text: 'We have two A100s' });
    expect(retried.session.messages.map((message) => message.role)).toEqual(['user', 'user', 'assistant']);
    expect(retried.session.profile).toMatchObject({ gpuCount: 2 });
  });

  it('also keeps the user message when extraction throws', async () => {
    const service = createChatService({
      store,
      knowledge,
      extract: () => {
        throw new Error('extractor bug');
      },
    });
    const opened = await service.openSession();
    await expect(service.runTurn({ credentials: opened, text: 'hello' })).rejects.toBeInstanceOf(ChatTurnFailedError);
    const stored = await store.get(opened.sessionId, opened.sessionToken);
    expect(stored?.messages.map((message) => message.text)).toEqual(['hello']);
  });

  it('answers NotFoundError for an unknown session and for a wrong token alike', async () => {
    const service = createChatService({ store, knowledge });
    const opened = await service.openSession();
    const wrongToken = { sessionId: opened.sessionId, sessionToken: 'x'.repeat(43) };
    const unknown = { sessionId: 'A'.repeat(22), sessionToken: opened.sessionToken };
    await expect(service.openSession(wrongToken)).rejects.toBeInstanceOf(NotFoundError);
    await expect(service.openSession(unknown)).rejects.toBeInstanceOf(NotFoundError);
    await expect(service.runTurn({ credentials: wrongToken, text: 'hi' })).rejects.toBeInstanceOf(NotFoundError);
    const stored = await store.get(opened.sessionId, opened.sessionToken);
    expect(stored?.messages).toEqual([]);
  });

  it('lets store failures through untouched (nothing is reported as saved)', async () => {
    const failing: SessionStore = {
      ...store,
      update: async () => {
        throw new StoreUnavailableError('writing session', Object.assign(new Error('disk full'), { code: 'ENOSPC' }));
      },
    };
    const service = createChatService({ store: failing, knowledge });
    const opened = await service.openSession();
    await expect(service.runTurn({ credentials: opened, text: 'hi' })).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});

describe('restoreDialogueState', () => {
  const base: Session = {
    id: 'A'.repeat(22),
    tokenHash: '0'.repeat(64),
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    profile: { gpuCount: 2 },
    requestedField: 'labeledExamples',
    questionsAsked: 2,
    messages: [],
    version: 1,
  };

  it('falls back to a fresh state seeded from the session when the stored state is missing or invalid', () => {
    const expected = {
      ...initialDialogueState(),
      profile: { gpuCount: 2 },
      requestedField: 'labeledExamples',
      questionsAsked: 2,
    };
    expect(restoreDialogueState(base)).toEqual(expected);
    expect(restoreDialogueState({ ...base, dialogue: { evidence: 'not an object', answered: 'yes' } })).toEqual(
      expected,
    );
  });

  it('uses a valid stored state, with the session profile winning', () => {
    const dialogue = { ...initialDialogueState(), answered: true, skippedFields: ['modality'], questionsAsked: 0 };
    const { profile: _profile, ...stored } = dialogue;
    const restored = restoreDialogueState({ ...base, dialogue: stored });
    expect(restored).toEqual({ ...dialogue, profile: { gpuCount: 2 } });
  });
});

describe('tenfold jumps are confirmed before use (issue 11, item 4)', () => {
  it('holds back 100 GPUs after 2, asks, and uses it after "yes"', async () => {
    const service = createChatService({ store, knowledge });
    const opened = await service.openSession();
    await service.runTurn({ credentials: opened, text: 'We have two A100s and a support bot on our docs.' });

    const jumped = await service.runTurn({ credentials: opened, text: 'We have 100 GPUs and 300 labeled examples.' });
    expect(jumped.turn.kind).toBe('question');
    expect(jumped.turn.reply).toContain('100 (you said 2 before)');
    expect(jumped.turn.question?.field).toBe('gpuCount');
    // The rest of the message is applied; the jumped number is not, and is waiting in the stored state.
    expect(jumped.session.profile).toMatchObject({ gpuCount: 2, labeledExamples: 300 });
    expect(restoreDialogueState(jumped.session).pendingConfirmation).toEqual([
      { field: 'gpuCount', value: 100, previous: 2, text: '100 GPUs' },
    ]);
    expect(jumped.session.requestedField).toBeUndefined();

    const confirmed = await service.runTurn({ credentials: opened, text: 'yes' });
    expect(confirmed.session.profile.gpuCount).toBe(100);
    expect(restoreDialogueState(confirmed.session).pendingConfirmation).toBeUndefined();
  });

  it('drops the held number on anything but a confirmation, and takes a new number instead', async () => {
    const service = createChatService({ store, knowledge });
    const opened = await service.openSession();
    await service.runTurn({ credentials: opened, text: 'Our budget is $500 a month.' });
    const jumped = await service.runTurn({ credentials: opened, text: 'Budget is $50,000 a month.' });
    expect(jumped.turn.kind).toBe('question');
    expect(jumped.session.profile.monthlyBudgetUSD).toBe(500);

    const replaced = await service.runTurn({ credentials: opened, text: 'sorry, typo: $800 a month' });
    expect(replaced.session.profile.monthlyBudgetUSD).toBe(800);
    expect(restoreDialogueState(replaced.session).pendingConfirmation).toBeUndefined();
  });

  it('keeps the held number waiting through a question, says which value it still uses, and takes "yes" after', async () => {
    const service = createChatService({ store, knowledge });
    const opened = await service.openSession();
    await service.runTurn({ credentials: opened, text: 'We have two A100s and a support bot on our docs.' });
    await service.runTurn({ credentials: opened, text: 'We have 100 GPUs.' });

    const asked = await service.runTurn({ credentials: opened, text: 'how much would it cost?' });
    expect(asked.turn.kind).toBe('info');
    expect(asked.turn.reply).toContain('I\'m still using 2 for GPU count; say "yes" if it is 100.');
    expect(asked.session.profile.gpuCount).toBe(2);
    expect(restoreDialogueState(asked.session).pendingConfirmation).toEqual([
      { field: 'gpuCount', value: 100, previous: 2, text: '100 GPUs' },
    ]);

    const confirmed = await service.runTurn({ credentials: opened, text: 'yes' });
    expect(confirmed.session.profile.gpuCount).toBe(100);
  });

  it('does not ask about an explicit correction, a first value, or a change under tenfold', async () => {
    const service = createChatService({ store, knowledge });
    const opened = await service.openSession();
    const first = await service.runTurn({ credentials: opened, text: 'We have 2 A100s.' });
    expect(first.session.profile.gpuCount).toBe(2);
    const smaller = await service.runTurn({ credentials: opened, text: 'We have 8 A100s.' });
    expect(smaller.turn.reply).not.toContain('please check');
    expect(smaller.session.profile.gpuCount).toBe(8);
    const corrected = await service.runTurn({ credentials: opened, text: 'actually we have 80 A100s' });
    expect(corrected.turn.reply).not.toContain('please check');
    expect(corrected.session.profile.gpuCount).toBe(80);
  });
});

describe('stored turn size (issue 11, item 5)', () => {
  it("stores each turn's evidence with that turn only; the accumulated evidence once, in the dialogue state", async () => {
    const service = createChatService({ store, knowledge });
    const opened = await service.openSession();
    await service.runTurn({ credentials: opened, text: 'We have two A100s.' });
    const second = await service.runTurn({ credentials: opened, text: 'We have 300 labeled examples.' });
    const profilePart = (second.assistantMessage.parts as { type: string; data: { evidence: object } }[]).find(
      (part) => part.type === 'data-profile',
    );
    expect(Object.keys(profilePart?.data.evidence ?? {})).toEqual(['labeledExamples']);
    expect(Object.keys(restoreDialogueState(second.session).evidence).sort()).toEqual(
      ['gpuCount', 'gpuName', 'labeledExamples'].sort(),
    );
  });
});
