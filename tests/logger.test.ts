import { describe, expect, it } from 'vitest';
import { createLogger, isSecretKey, redact, secretValues } from '../src/logger.ts';

function capture(level: 'debug' | 'info' | 'warn' | 'error' | 'silent') {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ level, write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { logger, lines };
}

describe('logger', () => {
  it('writes one JSON object per line with time, level, msg and fields', () => {
    const raw: string[] = [];
    createLogger({ write: (line) => raw.push(line) }).info('hello', { port: 3000 });
    expect(raw).toHaveLength(1);
    expect(raw[0]?.endsWith('\n')).toBe(true);
    const record = JSON.parse(raw[0] ?? '');
    expect(record).toMatchObject({ level: 'info', msg: 'hello', port: 3000 });
    expect(new Date(record.time).toString()).not.toBe('Invalid Date');
  });

  it('filters by level', () => {
    const { logger, lines } = capture('warn');
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(lines.map((line) => line.msg)).toEqual(['w', 'e']);
    const silent = capture('silent');
    silent.logger.error('nothing');
    expect(silent.lines).toEqual([]);
  });

  it('child loggers carry their bindings', () => {
    const { logger, lines } = capture('info');
    logger.child({ requestId: 'r1' }).child({ route: '/x' }).info('request', { status: 200 });
    expect(lines[0]).toMatchObject({ requestId: 'r1', route: '/x', status: 200 });
  });

  it('never logs secrets, at any depth', () => {
    const { logger, lines } = capture('info');
    logger.info('config', {
      headers: { Authorization: 'Bearer abc', cookie: 'sid=1', 'x-api-key': 'k' },
      OPENAI_API_KEY: 'sk-secret',
      nested: [{ password: 'p', token: 't', accessToken: 'a', key: 'raw' }],
      apiKey: 'sk-2',
    });
    const text = JSON.stringify(lines[0]);
    for (const secret of ['Bearer abc', 'sid=1', '"k"', 'sk-secret', '"p"', '"t"', '"a"', 'raw', 'sk-2']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('[redacted]');
  });

  it('keeps ordinary keys', () => {
    expect(isSecretKey('requestId')).toBe(false);
    expect(isSecretKey('status')).toBe(false);
    expect(isSecretKey('monkeyBusiness')).toBe(false);
    expect(isSecretKey('apiKey')).toBe(true);
    expect(isSecretKey('SESSION_SECRET')).toBe(true);
  });

  it('serialises errors and cuts cycles', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    const value = redact({ error: new Error('boom'), cyclic }) as {
      error: { message: string; stack?: string };
      cyclic: { self: string };
    };
    expect(value.error.message).toBe('boom');
    expect(value.cyclic.self).toBe('[circular]');
  });
});

describe('secret values (issue 11, item 6)', () => {
  const KEY = 'test-credential-0123456789abcdef';
  const TOKEN = 'metrics-token-"quoted"\\and/slashes';

  it('secretValues takes every credential-named variable, API_KEYS split at commas, nothing short', () => {
    const values = secretValues({
      OPENAI_API_KEY: KEY,
      API_KEYS: 'first-key-aaaaaaaa, second-key-bbbbbbbb',
      METRICS_TOKEN: TOKEN,
      DB_PASSWORD: 'hunter2hunter2',
      SHORT_TOKEN: 'abc',
      PORT: '3000',
      DATA_DIR: '/var/lib/advisor-data-dir',
    });
    expect(values).toEqual(
      expect.arrayContaining([KEY, 'first-key-aaaaaaaa', 'second-key-bbbbbbbb', TOKEN, 'hunter2hunter2']),
    );
    expect(values).not.toContain('abc');
    expect(values).not.toContain('3000');
    expect(values).not.toContain('/var/lib/advisor-data-dir');
  });

  it('secretValues takes the password of a connection URL such as DATABASE_URL (decoded), not the rest of it', () => {
    const values = secretValues({
      DATABASE_URL: 'postgres://advisor:p%40ss-w0rd-long@db.internal:5432/advisor',
      OTHER_URL: 'https://example.com/no-credentials',
      SHORT_URL: 'postgres://u:pw@host/db',
    });
    expect(values).toEqual(['p@ss-w0rd-long']);
  });

  it('scrubs every secret value from the message, fields, errors, stacks and child loggers', () => {
    const lines: string[] = [];
    const logger = createLogger({ write: (line) => lines.push(line), secrets: [KEY, TOKEN] });
    const error = new Error(`Incorrect API key provided: ${KEY}`);
    logger.error(`upstream said ${KEY}`, {
      error,
      upstream: { body: `{"echo":"${KEY}"}`, nested: [{ text: `token ${TOKEN}` }] },
      url: `https://example.com/?key=${encodeURIComponent(TOKEN)}`,
    });
    logger.child({ requestId: 'r1' }).warn('child', { text: KEY });
    const output = lines.join('');
    expect(output).not.toContain(KEY);
    expect(output).not.toContain('quoted');
    expect(output).not.toContain(encodeURIComponent(TOKEN));
    expect(output).toContain('Incorrect API key provided: [redacted]');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });
});
