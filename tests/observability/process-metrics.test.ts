import { describe, expect, it } from 'vitest';
import { createMetricsRegistry } from '../../src/observability/metrics-registry.ts';
import { registerProcessMetrics } from '../../src/observability/process-metrics.ts';
import { parseExposition, sampleValue } from './exposition-parser.ts';

describe('process metrics', () => {
  it('reports an event-loop block in the lag of its window, and a lower lag once an idle window completes', async () => {
    const registry = createMetricsRegistry();
    const handle = registerProcessMetrics(registry, { resolutionMs: 5, windowMs: 300 });
    try {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const end = performance.now() + 120;
      while (performance.now() < end) {
        // block the event loop for 120 ms
      }
      await new Promise((resolve) => setTimeout(resolve, 300)); // the window with the block completes
      const blocked = parseExposition(registry.render());
      expect(sampleValue(blocked, 'nodejs_eventloop_lag_max_seconds')).toBeGreaterThan(0.08);
      await new Promise((resolve) => setTimeout(resolve, 650)); // at least one idle window completes
      const idle = parseExposition(registry.render());
      expect(sampleValue(idle, 'nodejs_eventloop_lag_max_seconds')).toBeLessThan(
        (sampleValue(blocked, 'nodejs_eventloop_lag_max_seconds') ?? 0) * 0.7,
      );
    } finally {
      handle.stop();
    }
  });

  it('reports resident memory, heap and uptime from the process', () => {
    const registry = createMetricsRegistry();
    const handle = registerProcessMetrics(registry);
    try {
      const parsed = parseExposition(registry.render());
      const rss = sampleValue(parsed, 'process_resident_memory_bytes') ?? 0;
      expect(Math.abs(rss - process.memoryUsage.rss()) / rss).toBeLessThan(0.2);
      expect(sampleValue(parsed, 'nodejs_heap_total_bytes')).toBeGreaterThanOrEqual(
        sampleValue(parsed, 'nodejs_heap_used_bytes') ?? Number.POSITIVE_INFINITY,
      );
      expect(sampleValue(parsed, 'process_uptime_seconds')).toBeCloseTo(process.uptime(), 0);
      const start = sampleValue(parsed, 'process_start_time_seconds') ?? 0;
      expect(Math.abs(start - (Date.now() / 1000 - process.uptime()))).toBeLessThan(2);
    } finally {
      handle.stop();
    }
  });
});
