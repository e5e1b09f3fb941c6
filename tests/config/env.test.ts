import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/config/env.ts';
import { ConfigError } from '../../src/errors.ts';

describe('parseEnv', () => {
  it('applies the documented defaults to an empty environment', () => {
    // toMatchObject: other layers (sessions, LLM, security) add their own variables with defaults.
    expect(parseEnv({})).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      DATA_DIR: './data',
      KNOWLEDGE_DIR: './knowledge',
      LOG_LEVEL: 'info',
      BODY_LIMIT_BYTES: 1_048_576,
      SHUTDOWN_GRACE_MS: 10_000,
    });
  });

  it('parses given values and treats empty strings as unset', () => {
    const config = parseEnv({
      PORT: '0',
      HOST: '0.0.0.0',
      LOG_LEVEL: 'silent',
      BODY_LIMIT_BYTES: '2048',
      DATA_DIR: '',
    });
    expect(config).toMatchObject({
      PORT: 0,
      HOST: '0.0.0.0',
      LOG_LEVEL: 'silent',
      BODY_LIMIT_BYTES: 2048,
      DATA_DIR: './data',
    });
  });

  it('ignores unrelated variables', () => {
    expect(parseEnv({ PATH: '/usr/bin', OPENAI_API_KEY: 'sk-x' }).PORT).toBe(3000);
  });

  it('throws one ConfigError naming every bad variable with a fix', () => {
    let caught: unknown;
    try {
      parseEnv({ PORT: 'eighty', LOG_LEVEL: 'verbose', SHUTDOWN_GRACE_MS: '-5', BODY_LIMIT_BYTES: '1.5' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const error = caught as ConfigError;
    expect(error.details.map((detail) => detail.path).sort()).toEqual([
      'BODY_LIMIT_BYTES',
      'LOG_LEVEL',
      'PORT',
      'SHUTDOWN_GRACE_MS',
    ]);
    expect(error.message).toContain('PORT: must be a number (got "eighty"); set PORT to a TCP port number');
    expect(error.message).toContain('LOG_LEVEL');
    expect(error.message).toContain('debug, info, warn, error, silent');
  });

  it('rejects a port above 65535', () => {
    expect(() => parseEnv({ PORT: '70000' })).toThrow(/PORT: must be 0\.\.65535/);
  });
});
