/**
 * @module http/close-unread-body: `Connection: close`, and a lingering close, on every reply that leaves part of the
 * request body unread.
 *
 * A reply sent before the body has arrived (413 from Content-Length, 401/403/404/405/415/429 to a large POST, a body
 * limit hit half-way through a chunked upload) leaves the rest of the body on the socket. @hono/node-server drained it
 * for at most 500 ms and then destroyed the socket, while the reply had promised keep-alive: a client that sent its next
 * request on that connection (undici's pool, browsers, curl) got a socket error. Now such replies say
 * `Connection: close`, so the client opens a fresh connection for its next request.
 *
 * Closing a socket whose receive buffer still holds unread bytes makes the kernel send a TCP reset, which can destroy
 * the reply before a client that writes its whole body first has read it. So the socket is closed the way nginx's
 * `lingering_close` does: the reply is flushed and our side half-closed (FIN), the rest of the body is read and
 * discarded for up to {@link LINGER_MS}, and only then is the socket destroyed. No further request on that connection
 * is served: one that arrives while lingering ends the connection at once.
 */
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { MiddlewareHandler } from 'hono';

/** Longest a socket is kept reading (and discarding) after a `Connection: close` reply to an unread body. */
export const LINGER_MS = 2000;

/** Most body bytes read and discarded while lingering. */
export const LINGER_MAX_BYTES = 8 * 1024 * 1024;

/** Sockets that got a close reply and are lingering: requests parsed from them afterwards are not served. */
const closingSockets = new WeakSet<Socket>();

/** The node request behind a Hono context, when the app runs under @hono/node-server (absent for `app.request()`). */
function incomingOf(env: unknown): IncomingMessage | undefined {
  const incoming = (env as { incoming?: unknown } | undefined)?.incoming;
  return typeof incoming === 'object' && incoming !== null && 'complete' in incoming && 'socket' in incoming
    ? (incoming as IncomingMessage)
    : undefined;
}

/**
 * True when `incoming` declares a body (Content-Length > 0 or Transfer-Encoding) that has not fully arrived yet. A
 * body that arrived in full is discarded by Node before the next request is parsed, so it needs no close.
 */
export function hasUnreadBody(incoming: IncomingMessage): boolean {
  if (incoming.complete || incoming.readableEnded) return false;
  const length = incoming.headers['content-length'];
  return incoming.headers['transfer-encoding'] !== undefined || (length !== undefined && Number(length) !== 0);
}

/**
 * Makes Node's close-after-reply (`socket.destroySoon()`, called once a `Connection: close` reply is written) a
 * lingering close: half-close now, keep reading and discarding what the client still sends, and destroy the socket
 * once the client closes, after `lingerMs`, or after `maxBytes` more bytes.
 */
export function lingerOnClose(incoming: IncomingMessage, lingerMs = LINGER_MS, maxBytes = LINGER_MAX_BYTES): void {
  const socket = incoming.socket;
  if (closingSockets.has(socket)) return;
  closingSockets.add(socket);
  let lingering = false;
  socket.destroySoon = function lingeringClose(this: Socket) {
    if (lingering) return;
    lingering = true;
    const timer = setTimeout(() => socket.destroy(), lingerMs);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
    if (socket.writable) socket.end();
    // Node's HTTP parser feeds the rest of the body to the request. The route's body stream (a web stream over the
    // request, which pauses it when nobody reads) is cut off, as Node's own `_dump()` does, and the bytes counted.
    let discarded = 0;
    incoming.removeAllListeners('data');
    incoming.on('data', (chunk: Buffer) => {
      discarded += chunk.length;
      if (discarded > maxBytes) socket.destroy();
    });
    incoming.on('error', () => socket.destroy());
    incoming.resume();
  };
}

/** Middleware (mount first): `Connection: close` and a lingering close when the request body was left unread. */
export function closeUnreadBody(): MiddlewareHandler {
  return async function closeUnreadBodyMiddleware(c, next) {
    const incoming = incomingOf(c.env);
    if (incoming !== undefined && closingSockets.has(incoming.socket)) {
      // The client pipelined a request after we said Connection: close; it is not served (RFC 9112 §9.6).
      incoming.socket.destroy();
      return new Response(null, { status: 400, headers: { connection: 'close' } });
    }
    await next();
    if (incoming === undefined || !hasUnreadBody(incoming)) return;
    // The route may have answered (in microtasks) before Node parsed a body that came in the same packet as the
    // headers; one turn of the event loop lets the parser finish what it already holds, so a small body that did arrive
    // keeps its connection alive.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (!hasUnreadBody(incoming)) return;
    try {
      c.res.headers.set('connection', 'close');
    } catch {
      // Immutable headers (a fetched Response): copy it first.
      const copy = new Response(c.res.body, c.res);
      copy.headers.set('connection', 'close');
      c.res = copy;
    }
    lingerOnClose(incoming);
  };
}
