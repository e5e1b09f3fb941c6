/**
 * @module observability/prometheus-text: the pieces of the Prometheus text exposition format 0.0.4 — names, label
 * escaping and sample values — as small pure functions.
 * @see https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format
 */

/** Content type of the text exposition format 0.0.4 (what Prometheus expects from a `/metrics` endpoint). */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** True for a valid metric name (`[a-zA-Z_:][a-zA-Z0-9_:]*`). */
export function isValidMetricName(name: string): boolean {
  return METRIC_NAME.test(name);
}

/** True for a valid label name (`[a-zA-Z_][a-zA-Z0-9_]*`, not starting with the reserved `__`). */
export function isValidLabelName(name: string): boolean {
  return LABEL_NAME.test(name) && !name.startsWith('__');
}

/**
 * Escapes a label value for use between double quotes: backslash → `\\`, double quote → `\"`, line feed → `\n`.
 * @example escapeLabelValue('say "hi"\n') // 'say \\"hi\\"\\n'
 */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** Escapes HELP text: backslash → `\\`, line feed → `\n` (quotes stay as they are in HELP lines). */
export function escapeHelp(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

/** Formats a sample value: integers and decimals as JavaScript prints them, and `+Inf`, `-Inf`, `NaN`. */
export function formatSampleValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  return String(value);
}

/**
 * Renders a label set as `{name="value",...}` in the given order, or the empty string for no labels.
 * @example formatLabels([['route', '/v1/chat'], ['status', '200']]) // '{route="/v1/chat",status="200"}'
 */
export function formatLabels(pairs: readonly (readonly [string, string])[]): string {
  if (pairs.length === 0) return '';
  return `{${pairs.map(([name, value]) => `${name}="${escapeLabelValue(value)}"`).join(',')}}`;
}
