import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenAiMock } from '../helpers/msw-openai.ts';

/** Guards the msw 3 trap: an unhandled request must fail, never reach the network; loopback must pass through. */

const mock = createOpenAiMock();
beforeAll(() => mock.listen());
afterAll(() => mock.close());

describe('tests/helpers/msw-openai.ts', () => {
  it('fails an unhandled request to a non-loopback host', async () => {
    await expect(fetch('https://api.openai.com/v1/models')).rejects.toThrow();
  });

  it('lets requests to 127.0.0.1 through to a real loopback server', async () => {
    const server = createServer((_request, response) => response.end('loopback ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/`);
      expect(await response.text()).toBe('loopback ok');
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
