/**
 * @module observability/metrics-registry: counters, gauges and histograms with fixed buckets, kept in memory and
 * rendered in the Prometheus text format 0.0.4. No dependency.
 *
 * Recording never throws (a metric must not break a request): a missing label records as "", an unknown label is
 * ignored, NaN is ignored. Each metric holds at most `maxSeries` label sets; later new label sets are folded into
 * one series whose every label is "overflow", so a caller that passes unbounded values cannot exhaust memory.
 * @see https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format
 */
import { escapeHelp, formatLabels, formatSampleValue, isValidLabelName, isValidMetricName } from './prometheus-text.ts';

/** Label values by label name. */
export type LabelValues<Name extends string> = Readonly<Record<Name, string>>;

/** Default cap on label sets per metric. */
export const DEFAULT_MAX_SERIES = 1000;

/** The label value used for every label of the series that collects label sets beyond the cap. */
export const OVERFLOW_LABEL_VALUE = 'overflow';

/** Histogram buckets (seconds) for HTTP request latency: 1 ms to 10 s. */
export const HTTP_DURATION_BUCKETS: readonly number[] = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];

/** Histogram buckets (seconds) for store writes (write + fsync): 0.5 ms to 5 s. */
export const STORE_WRITE_BUCKETS: readonly number[] = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5,
];

interface MetricOptions<Name extends string> {
  name: string;
  help: string;
  labelNames?: readonly Name[];
  /** Cap on label sets; default {@link DEFAULT_MAX_SERIES}. */
  maxSeries?: number;
}

/** A monotonically increasing count. */
export interface Counter<Name extends string = never> {
  /** Adds `amount` (default 1; negative or NaN amounts are ignored) to the series of `labels`. */
  inc(labels: LabelValues<Name>, amount?: number): void;
  /** Current value of the series of `labels` (0 when never recorded). */
  get(labels: LabelValues<Name>): number;
}

/** A value that goes up and down. */
export interface Gauge<Name extends string = never> {
  set(labels: LabelValues<Name>, value: number): void;
  inc(labels: LabelValues<Name>, amount?: number): void;
  get(labels: LabelValues<Name>): number | undefined;
}

/** A distribution over fixed buckets, with sum and count. */
export interface Histogram<Name extends string = never> {
  observe(labels: LabelValues<Name>, value: number): void;
  /** Count, sum and cumulative bucket counts (by upper bound, +Inf last) of the series of `labels`. */
  snapshot(labels: LabelValues<Name>): { count: number; sum: number; buckets: { le: number; count: number }[] };
}

export interface MetricsRegistry {
  /** Registers a counter. Throws on an invalid or duplicate name or label name. */
  counter<const Name extends string = never>(options: MetricOptions<Name>): Counter<Name>;
  /**
   * Registers a gauge. `collect`, when given, runs before each render (e.g. to read a current value); an error in it
   * leaves the previous values in place.
   */
  gauge<const Name extends string = never>(
    options: MetricOptions<Name> & { collect?: (gauge: Gauge<Name>) => void },
  ): Gauge<Name>;
  /** Registers a histogram with fixed, strictly increasing, finite bucket upper bounds (+Inf is implied). */
  histogram<const Name extends string = never>(
    options: MetricOptions<Name> & { buckets: readonly number[] },
  ): Histogram<Name>;
  /** Every metric in registration order, in the text exposition format 0.0.4 (ends with a line feed). */
  render(): string;
}

interface Series<Value> {
  labelValues: readonly string[];
  value: Value;
}

interface RegisteredMetric {
  render(lines: string[]): void;
}

/**
 * Label sets of one metric, keyed by their values in label-name order, with the overflow cap.
 */
function createSeriesMap<Value>(labelNames: readonly string[], maxSeries: number, initial: () => Value) {
  const series = new Map<string, Series<Value>>();
  const valuesOf = (labels: Readonly<Record<string, string>>): string[] =>
    labelNames.map((name) => {
      const value = labels[name];
      return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
    });
  return {
    /** The series of `labels`, created when new (or the overflow series once the cap is reached). */
    obtain(labels: Readonly<Record<string, string>>): Series<Value> {
      let labelValues = valuesOf(labels);
      let key = labelValues.join('\u0000');
      const existing = series.get(key);
      if (existing !== undefined) return existing;
      if (series.size >= maxSeries) {
        labelValues = labelNames.map(() => OVERFLOW_LABEL_VALUE);
        key = labelValues.join('\u0000');
        const overflow = series.get(key);
        if (overflow !== undefined) return overflow;
      }
      const created = { labelValues, value: initial() };
      series.set(key, created);
      return created;
    },
    find(labels: Readonly<Record<string, string>>): Series<Value> | undefined {
      return series.get(valuesOf(labels).join('\u0000'));
    },
    entries(): IterableIterator<Series<Value>> {
      return series.values();
    },
    get size(): number {
      return series.size;
    },
  };
}

function pairs(labelNames: readonly string[], values: readonly string[]): [string, string][] {
  return labelNames.map((name, index) => [name, values[index] ?? '']);
}

/**
 * Creates an empty registry.
 * @example
 * const registry = createMetricsRegistry();
 * const requests = registry.counter({ name: 'http_requests_total', help: 'Requests', labelNames: ['status'] });
 * requests.inc({ status: '200' });
 * registry.render(); // '# HELP http_requests_total Requests\n# TYPE http_requests_total counter\nhttp_requests_total{status="200"} 1\n'
 */
export function createMetricsRegistry(): MetricsRegistry {
  const metrics: RegisteredMetric[] = [];
  const names = new Set<string>();

  function register<Name extends string>(options: MetricOptions<Name>, reserved: readonly string[] = []): string[] {
    if (!isValidMetricName(options.name)) throw new Error(`Invalid metric name: ${JSON.stringify(options.name)}`);
    if (names.has(options.name)) throw new Error(`Metric ${options.name} is already registered`);
    const labelNames = [...(options.labelNames ?? [])];
    for (const label of labelNames) {
      if (!isValidLabelName(label) || reserved.includes(label)) {
        throw new Error(`Invalid label name ${JSON.stringify(label)} on metric ${options.name}`);
      }
    }
    if (new Set(labelNames).size !== labelNames.length) throw new Error(`Duplicate label name on ${options.name}`);
    names.add(options.name);
    return labelNames;
  }

  function header(lines: string[], name: string, help: string, type: string): void {
    lines.push(`# HELP ${name} ${escapeHelp(help)}`, `# TYPE ${name} ${type}`);
  }

  return {
    counter<const Name extends string = never>(options: MetricOptions<Name>): Counter<Name> {
      const labelNames = register(options);
      const series = createSeriesMap(labelNames, options.maxSeries ?? DEFAULT_MAX_SERIES, () => 0);
      // A counter without labels exists from the start, at 0, so rate() works from the first scrape.
      if (labelNames.length === 0) series.obtain({});
      metrics.push({
        render(lines) {
          header(lines, options.name, options.help, 'counter');
          for (const entry of series.entries()) {
            lines.push(
              `${options.name}${formatLabels(pairs(labelNames, entry.labelValues))} ${formatSampleValue(entry.value)}`,
            );
          }
        },
      });
      return {
        inc(labels, amount = 1) {
          if (!(amount >= 0)) return;
          series.obtain(labels).value += amount;
        },
        get: (labels) => series.find(labels)?.value ?? 0,
      };
    },

    gauge<const Name extends string = never>(
      options: MetricOptions<Name> & { collect?: (gauge: Gauge<Name>) => void },
    ): Gauge<Name> {
      const labelNames = register(options);
      const series = createSeriesMap<number>(labelNames, options.maxSeries ?? DEFAULT_MAX_SERIES, () => 0);
      const gauge: Gauge<Name> = {
        set(labels, value) {
          if (Number.isNaN(value)) return;
          series.obtain(labels).value = value;
        },
        inc(labels, amount = 1) {
          if (Number.isNaN(amount)) return;
          series.obtain(labels).value += amount;
        },
        get: (labels) => series.find(labels)?.value,
      };
      metrics.push({
        render(lines) {
          try {
            options.collect?.(gauge);
          } catch {
            // keep the previous values: a failing probe must not break the whole scrape
          }
          header(lines, options.name, options.help, 'gauge');
          for (const entry of series.entries()) {
            lines.push(
              `${options.name}${formatLabels(pairs(labelNames, entry.labelValues))} ${formatSampleValue(entry.value)}`,
            );
          }
        },
      });
      return gauge;
    },

    histogram<const Name extends string = never>(
      options: MetricOptions<Name> & { buckets: readonly number[] },
    ): Histogram<Name> {
      const labelNames = register(options, ['le']);
      const bounds = [...options.buckets];
      if (bounds.length === 0) throw new Error(`Histogram ${options.name} needs at least one bucket`);
      bounds.forEach((bound, index) => {
        const previous = bounds[index - 1];
        if (!Number.isFinite(bound) || (previous !== undefined && bound <= previous)) {
          throw new Error(`Histogram ${options.name}: buckets must be finite and strictly increasing`);
        }
      });
      interface HistogramValue {
        /** Per-bucket (not cumulative) counts; the last slot is the +Inf bucket. */
        counts: number[];
        sum: number;
        count: number;
      }
      const series = createSeriesMap<HistogramValue>(labelNames, options.maxSeries ?? DEFAULT_MAX_SERIES, () => ({
        counts: new Array<number>(bounds.length + 1).fill(0),
        sum: 0,
        count: 0,
      }));
      if (labelNames.length === 0) series.obtain({});

      const cumulative = (value: HistogramValue) => {
        let running = 0;
        return value.counts.map((count, index) => {
          running += count;
          return { le: bounds[index] ?? Number.POSITIVE_INFINITY, count: running };
        });
      };

      metrics.push({
        render(lines) {
          header(lines, options.name, options.help, 'histogram');
          for (const entry of series.entries()) {
            const base = pairs(labelNames, entry.labelValues);
            for (const bucket of cumulative(entry.value)) {
              const labels = formatLabels([...base, ['le', formatSampleValue(bucket.le)]]);
              lines.push(`${options.name}_bucket${labels} ${bucket.count}`);
            }
            const labels = formatLabels(base);
            lines.push(`${options.name}_sum${labels} ${formatSampleValue(entry.value.sum)}`);
            lines.push(`${options.name}_count${labels} ${entry.value.count}`);
          }
        },
      });

      return {
        observe(labels, value) {
          if (Number.isNaN(value)) return;
          const entry = series.obtain(labels).value;
          let index = bounds.findIndex((bound) => value <= bound);
          if (index === -1) index = bounds.length;
          entry.counts[index] = (entry.counts[index] ?? 0) + 1;
          entry.sum += value;
          entry.count += 1;
        },
        snapshot(labels) {
          const found = series.find(labels);
          if (found === undefined) {
            return {
              count: 0,
              sum: 0,
              buckets: [...bounds, Number.POSITIVE_INFINITY].map((le) => ({ le, count: 0 })),
            };
          }
          return { count: found.value.count, sum: found.value.sum, buckets: cumulative(found.value) };
        },
      };
    },

    render() {
      const lines: string[] = [];
      for (const metric of metrics) metric.render(lines);
      return `${lines.join('\n')}\n`;
    },
  };
}
