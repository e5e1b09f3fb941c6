/**
 * @module observability/process-metrics: resident memory, heap, event-loop lag and uptime as gauges, read at each
 * scrape. Event-loop lag comes from `perf_hooks.monitorEventLoopDelay`, summarised over fixed windows.
 */
import { type ELDHistogram, monitorEventLoopDelay } from 'node:perf_hooks';
import type { MetricsRegistry } from './metrics-registry.ts';

export interface ProcessMetricsOptions {
  /** Sampling interval of the event-loop delay monitor, in ms. Default 10. */
  resolutionMs?: number;
  /** Length of the window the lag percentiles summarise, in ms. Default 10,000. */
  windowMs?: number;
}

/** Stops the event-loop monitor and its window timer. */
export interface ProcessMetricsHandle {
  stop(): void;
}

const NANOSECONDS_PER_SECOND = 1e9;

/**
 * Registers on `registry`:
 * - `process_resident_memory_bytes`, `nodejs_heap_used_bytes`, `nodejs_heap_total_bytes`,
 *   `nodejs_external_memory_bytes`;
 * - `nodejs_eventloop_lag_p99_seconds` and `nodejs_eventloop_lag_max_seconds`: how late the monitor's timer fired
 *   beyond its own interval (so an idle loop shows about 0), p99 and max over the last completed window (the
 *   running window until one has completed);
 * - `process_uptime_seconds`, `process_start_time_seconds`.
 * The monitor runs from this call until `stop()`; its timer does not keep the process alive.
 */
export function registerProcessMetrics(
  registry: MetricsRegistry,
  options: ProcessMetricsOptions = {},
): ProcessMetricsHandle {
  const resolutionMs = options.resolutionMs ?? 10;
  const windowMs = options.windowMs ?? 10_000;
  const monitor: ELDHistogram = monitorEventLoopDelay({ resolution: resolutionMs });
  monitor.enable();
  let lastWindow: { p99: number; max: number } | undefined;
  const lagSeconds = (nanoseconds: number) => Math.max(0, nanoseconds / NANOSECONDS_PER_SECOND - resolutionMs / 1000);
  const summarise = () => ({ p99: lagSeconds(monitor.percentile(99)), max: lagSeconds(monitor.max) });
  const windowTimer = setInterval(() => {
    if (monitor.count > 0) lastWindow = summarise();
    monitor.reset();
  }, windowMs);
  windowTimer.unref();
  const current = () => lastWindow ?? (monitor.count > 0 ? summarise() : { p99: 0, max: 0 });

  registry.gauge({
    name: 'process_resident_memory_bytes',
    help: 'Resident set size of the process, in bytes.',
    collect: (gauge) => gauge.set({}, process.memoryUsage.rss()),
  });
  registry.gauge({
    name: 'nodejs_heap_used_bytes',
    help: 'V8 heap in use, in bytes.',
    collect: (gauge) => gauge.set({}, process.memoryUsage().heapUsed),
  });
  registry.gauge({
    name: 'nodejs_heap_total_bytes',
    help: 'V8 heap reserved, in bytes.',
    collect: (gauge) => gauge.set({}, process.memoryUsage().heapTotal),
  });
  registry.gauge({
    name: 'nodejs_external_memory_bytes',
    help: 'Memory of C++ objects bound to JavaScript (Buffers included), in bytes.',
    collect: (gauge) => gauge.set({}, process.memoryUsage().external),
  });
  registry.gauge({
    name: 'nodejs_eventloop_lag_p99_seconds',
    help: `99th percentile of event-loop lag over the last ${windowMs / 1000} s window, in seconds.`,
    collect: (gauge) => gauge.set({}, current().p99),
  });
  registry.gauge({
    name: 'nodejs_eventloop_lag_max_seconds',
    help: `Largest event-loop lag over the last ${windowMs / 1000} s window, in seconds.`,
    collect: (gauge) => gauge.set({}, current().max),
  });
  registry.gauge({
    name: 'process_uptime_seconds',
    help: 'Seconds since the process started.',
    collect: (gauge) => gauge.set({}, Math.round(process.uptime() * 1000) / 1000),
  });
  const startTimeSeconds = Math.round(Date.now() / 1000 - process.uptime());
  registry.gauge({
    name: 'process_start_time_seconds',
    help: 'Start time of the process since the Unix epoch, in seconds.',
    collect: (gauge) => gauge.set({}, startTimeSeconds),
  });

  return {
    stop() {
      clearInterval(windowTimer);
      monitor.disable();
    },
  };
}
