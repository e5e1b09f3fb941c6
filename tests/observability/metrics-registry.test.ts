import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMetricsRegistry, OVERFLOW_LABEL_VALUE } from '../../src/observability/metrics-registry.ts';
import { parseExposition, sampleValue } from './exposition-parser.ts';

describe('metrics registry: counters', () => {
  it('renders HELP, TYPE and one sample per label set', () => {
    const registry = createMetricsRegistry();
    const counter = registry.counter({ name: 'jobs_total', help: 'Jobs done.', labelNames: ['kind'] });
    counter.inc({ kind: 'a' });
    counter.inc({ kind: 'a' }, 2);
    counter.inc({ kind: 'b' });
    expect(registry.render()).toBe(
      '# HELP jobs_total Jobs done.\n# TYPE jobs_total counter\njobs_total{kind="a"} 3\njobs_total{kind="b"} 1\n',
    );
  });

  it('shows a counter without labels at 0 before anything is recorded', () => {
    const registry = createMetricsRegistry();
    registry.counter({ name: 'restarts_total', help: 'Restarts.' });
    expect(registry.render()).toContain('\nrestarts_total 0\n');
  });

  it('ignores negative and NaN increments (a counter never goes down)', () => {
    const registry = createMetricsRegistry();
    const counter = registry.counter({ name: 'c_total', help: 'c', labelNames: ['x'] });
    counter.inc({ x: '1' }, 5);
    counter.inc({ x: '1' }, -3);
    counter.inc({ x: '1' }, Number.NaN);
    expect(counter.get({ x: '1' })).toBe(5);
  });

  it('escapes hostile label values so the output still parses and round-trips', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 20, unit: 'binary' }), { minLength: 1, maxLength: 5 }), (values) => {
        const registry = createMetricsRegistry();
        const counter = registry.counter({ name: 'odd_total', help: 'Odd "labels"\nand \\ lines', labelNames: ['v'] });
        for (const value of values) counter.inc({ v: value });
        const parsed = parseExposition(registry.render());
        for (const value of new Set(values)) {
          expect(sampleValue(parsed, 'odd_total', { v: value })).toBe(values.filter((item) => item === value).length);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('folds label sets beyond maxSeries into one "overflow" series', () => {
    const registry = createMetricsRegistry();
    const counter = registry.counter({ name: 'paths_total', help: 'p', labelNames: ['path'], maxSeries: 3 });
    for (let index = 0; index < 10; index++) counter.inc({ path: `/p${index}` });
    const parsed = parseExposition(registry.render());
    expect(parsed.samples).toHaveLength(4);
    expect(sampleValue(parsed, 'paths_total', { path: OVERFLOW_LABEL_VALUE })).toBe(7);
    // existing series keep counting after the cap is reached
    counter.inc({ path: '/p0' });
    expect(counter.get({ path: '/p0' })).toBe(2);
  });

  it('rejects invalid and duplicate names at registration', () => {
    const registry = createMetricsRegistry();
    registry.counter({ name: 'ok_total', help: 'x' });
    expect(() => registry.counter({ name: 'ok_total', help: 'again' })).toThrow(/already registered/);
    expect(() => registry.counter({ name: 'bad-name', help: 'x' })).toThrow(/Invalid metric name/);
    expect(() => registry.counter({ name: 'x_total', help: 'x', labelNames: ['__name'] })).toThrow(/Invalid label/);
    expect(() => registry.histogram({ name: 'h', help: 'x', labelNames: ['le'], buckets: [1] })).toThrow(
      /Invalid label/,
    );
  });
});

describe('metrics registry: histograms', () => {
  it('counts each observation in the first bucket whose bound is >= the value, cumulatively, with sum and count', () => {
    const registry = createMetricsRegistry();
    const histogram = registry.histogram({
      name: 'latency_seconds',
      help: 'Latency.',
      labelNames: ['route'],
      buckets: [0.1, 0.5, 1],
    });
    for (const value of [0.05, 0.1, 0.3, 0.7, 2]) histogram.observe({ route: '/x' }, value);
    const parsed = parseExposition(registry.render());
    expect(parsed.types.get('latency_seconds')).toBe('histogram');
    const bucket = (le: string) => sampleValue(parsed, 'latency_seconds_bucket', { route: '/x', le });
    expect(bucket('0.1')).toBe(2); // 0.05 and 0.1 (the bound is inclusive)
    expect(bucket('0.5')).toBe(3);
    expect(bucket('1')).toBe(4);
    expect(bucket('+Inf')).toBe(5);
    expect(sampleValue(parsed, 'latency_seconds_count', { route: '/x' })).toBe(5);
    expect(sampleValue(parsed, 'latency_seconds_sum', { route: '/x' })).toBeCloseTo(3.15, 10);
  });

  it('keeps bucket counts cumulative and equal to the count in +Inf for any observations', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { maxLength: 200 }), (values) => {
        const registry = createMetricsRegistry();
        const histogram = registry.histogram({ name: 'h', help: 'h', buckets: [0.01, 1, 10] });
        for (const value of values) histogram.observe({}, value);
        const { buckets, count } = histogram.snapshot({});
        expect(count).toBe(values.length);
        expect(buckets.at(-1)?.count).toBe(values.length);
        for (let index = 1; index < buckets.length; index++) {
          expect(buckets[index]?.count).toBeGreaterThanOrEqual(buckets[index - 1]?.count ?? 0);
        }
        for (const bucket of buckets) {
          expect(bucket.count).toBe(values.filter((value) => value <= bucket.le).length);
        }
      }),
    );
  });

  it('renders a histogram without labels with zero counts before any observation', () => {
    const registry = createMetricsRegistry();
    registry.histogram({ name: 'write_seconds', help: 'w', buckets: [1, 2] });
    const parsed = parseExposition(registry.render());
    expect(sampleValue(parsed, 'write_seconds_bucket', { le: '+Inf' })).toBe(0);
    expect(sampleValue(parsed, 'write_seconds_count')).toBe(0);
  });

  it('rejects unsorted, duplicate or infinite buckets', () => {
    const registry = createMetricsRegistry();
    expect(() => registry.histogram({ name: 'a', help: 'a', buckets: [1, 0.5] })).toThrow(/strictly increasing/);
    expect(() => registry.histogram({ name: 'b', help: 'b', buckets: [1, 1] })).toThrow(/strictly increasing/);
    expect(() => registry.histogram({ name: 'c', help: 'c', buckets: [1, Number.POSITIVE_INFINITY] })).toThrow();
    expect(() => registry.histogram({ name: 'd', help: 'd', buckets: [] })).toThrow(/at least one/);
  });
});

describe('metrics registry: gauges', () => {
  it('reads collected values at each render and keeps the last value when the probe throws', () => {
    const registry = createMetricsRegistry();
    let current = 3;
    let failing = false;
    registry.gauge({
      name: 'queue_depth',
      help: 'Depth.',
      collect: (gauge) => {
        if (failing) throw new Error('probe failed');
        gauge.set({}, current);
      },
    });
    expect(sampleValue(parseExposition(registry.render()), 'queue_depth')).toBe(3);
    current = 7;
    expect(sampleValue(parseExposition(registry.render()), 'queue_depth')).toBe(7);
    failing = true;
    expect(sampleValue(parseExposition(registry.render()), 'queue_depth')).toBe(7);
  });

  it('goes up and down', () => {
    const registry = createMetricsRegistry();
    const gauge = registry.gauge({ name: 'in_flight', help: 'i', labelNames: ['kind'] });
    gauge.inc({ kind: 'chat' });
    gauge.inc({ kind: 'chat' });
    gauge.inc({ kind: 'chat' }, -1);
    expect(gauge.get({ kind: 'chat' })).toBe(1);
    gauge.set({ kind: 'chat' }, 0);
    expect(registry.render()).toContain('in_flight{kind="chat"} 0\n');
  });
});
