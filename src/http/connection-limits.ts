/**
 * @module http/connection-limits: timeouts and connection caps of the HTTP server, against clients that open
 * connections and then send nothing, send headers or bodies byte by byte, or simply open thousands of them.
 *
 * Node's defaults drop a connection with partial headers only after about 90 s (60 s plus a 30 s check interval), a
 * slow body after about 330 s, and cap nothing: one client holding 20,000 idle connections filled the descriptor limit
 * and legitimate clients were reset. Here:
 *
 * - `HEADERS_TIMEOUT_MS` bounds the time to receive a request's headers (a new connection that sends nothing counts),
 *   and
 *   `REQUEST_TIMEOUT_MS` the time to receive the whole request; both answer 408 and close. Node checks them on an
 *   interval, which is set to a fifth of the shorter timeout (at most 1 s), so they hold to within that.
 * - `KEEP_ALIVE_TIMEOUT_MS` closes a keep-alive connection idle between requests.
 * - `MAX_CONNECTIONS` caps open connections in total, `MAX_CONNECTIONS_PER_ADDRESS` per client address (IPv6 by /64,
 *   as the rate limits do). A connection over a cap is closed as soon as it is accepted, before anything is read.
 *
 * Replies are not timed: a chat answer streamed for minutes is not cut. Behind a reverse proxy every connection comes
 * from the proxy's address, so the per-address cap is off by default when `TRUST_PROXY` is true; the proxy then
 * enforces per-client limits (see README "Running in production").
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Config } from '../config/env.ts';
import { addressBucket } from './security/client-address.ts';

/** Per-address cap when MAX_CONNECTIONS_PER_ADDRESS is not set and no proxy stands in front. */
export const DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 50;

/** The server's timeouts and caps, resolved from the configuration. */
export interface ConnectionLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  /** 0 = no cap. */
  maxConnections: number;
  /** 0 = no cap. */
  maxConnectionsPerAddress: number;
}

/** Why a connection was refused. */
export type ConnectionRefusal = 'max-connections' | 'max-connections-per-address';

/** Resolves the limits from the configuration (the per-address default depends on TRUST_PROXY). */
export function connectionLimitsFromConfig(config: Config): ConnectionLimits {
  return {
    headersTimeoutMs: config.HEADERS_TIMEOUT_MS,
    requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
    keepAliveTimeoutMs: config.KEEP_ALIVE_TIMEOUT_MS,
    maxConnections: config.MAX_CONNECTIONS,
    maxConnectionsPerAddress:
      config.MAX_CONNECTIONS_PER_ADDRESS ?? (config.TRUST_PROXY ? 0 : DEFAULT_MAX_CONNECTIONS_PER_ADDRESS),
  };
}

/**
 * Options for `http.createServer` (through @hono/node-server's `serverOptions`): the timeouts, and a check interval
 * short enough for them to hold (Node's default interval is 30 s).
 */
export function serverTimeoutOptions(limits: ConnectionLimits) {
  const shortest = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs);
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(shortest / 5))),
  };
}

/** What {@link limitConnections} reports, for logs and tests. */
export interface ConnectionTracker {
  /** Open connections per address bucket now. */
  openByAddress(): ReadonlyMap<string, number>;
  /** Connections refused so far, by reason. */
  refused(): Readonly<Record<ConnectionRefusal, number>>;
}

export interface LimitConnectionsOptions {
  /** Called for every refused connection (metrics, logs). `address` is the client's address bucket when known. */
  onRefused?: (reason: ConnectionRefusal, address: string | undefined) => void;
}

/**
 * Applies the caps of `limits` to `server`: `server.maxConnections` for the total (Node closes the connection on
 * accept and emits 'drop') and a per-address count kept on 'connection' / 'close'. Timeouts are set at creation with
 * {@link serverTimeoutOptions}.
 */
export function limitConnections(
  server: Server,
  limits: ConnectionLimits,
  options: LimitConnectionsOptions = {},
): ConnectionTracker {
  const refused: Record<ConnectionRefusal, number> = { 'max-connections': 0, 'max-connections-per-address': 0 };
  const open = new Map<string, number>();
  if (limits.maxConnections > 0) {
    server.maxConnections = limits.maxConnections;
    server.on('drop', (data?: { remoteAddress?: string }) => {
      refused['max-connections'] += 1;
      const address = data?.remoteAddress;
      options.onRefused?.('max-connections', address === undefined ? undefined : bucketOf(address));
    });
  }
  if (limits.maxConnectionsPerAddress > 0) {
    server.on('connection', (socket: Socket) => {
      const address = bucketOf(socket.remoteAddress ?? 'unknown');
      const count = (open.get(address) ?? 0) + 1;
      if (count > limits.maxConnectionsPerAddress) {
        refused['max-connections-per-address'] += 1;
        socket.destroy();
        options.onRefused?.('max-connections-per-address', address);
        return;
      }
      open.set(address, count);
      socket.once('close', () => {
        const left = (open.get(address) ?? 1) - 1;
        if (left <= 0) open.delete(address);
        else open.set(address, left);
      });
    });
  }
  return { openByAddress: () => open, refused: () => ({ ...refused }) };
}

function bucketOf(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return addressBucket(mapped?.[1] ?? address);
}

/**
 * Logs refused connections without flooding: the first refusal at once, then one summary line per `intervalMs` while
 * refusals continue ("connections refused" with counts by reason and the address seen most).
 */
export function throttledRefusalLog(
  warn: (message: string, fields: Record<string, unknown>) => void,
  intervalMs = 10_000,
): (reason: ConnectionRefusal, address: string | undefined) => void {
  let pending: Record<string, number> = {};
  let byAddress = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    if (Object.keys(pending).length === 0) return;
    let top: [string, number] | undefined;
    for (const entry of byAddress) if (top === undefined || entry[1] > top[1]) top = entry;
    warn('connections refused', { refused: pending, topAddress: top?.[0], topAddressRefused: top?.[1] });
    pending = {};
    byAddress = new Map();
  };
  return (reason, address) => {
    if (timer === undefined) {
      warn('connection refused', { reason, address });
      timer = setTimeout(flush, intervalMs);
      timer.unref();
      return;
    }
    pending[reason] = (pending[reason] ?? 0) + 1;
    if (address !== undefined && (byAddress.has(address) || byAddress.size < 1000))
      byAddress.set(address, (byAddress.get(address) ?? 0) + 1);
  };
}
