import { describe, expect, it } from 'vitest';
import {
  escapeHelp,
  escapeLabelValue,
  formatLabels,
  formatSampleValue,
  isValidLabelName,
  isValidMetricName,
} from '../../src/observability/prometheus-text.ts';

describe('Prometheus text helpers', () => {
  it('escapes backslash, double quote and line feed in label values, in that order', () => {
    expect(escapeLabelValue('plain')).toBe('plain');
    expect(escapeLabelValue('a"b')).toBe('a\\"b');
    expect(escapeLabelValue('a\\b')).toBe('a\\\\b');
    expect(escapeLabelValue('line1\nline2')).toBe('line1\\nline2');
    // A backslash already followed by n must not be confused with an escaped line feed.
    expect(escapeLabelValue('\\n')).toBe('\\\\n');
  });

  it('escapes HELP text but keeps its double quotes', () => {
    expect(escapeHelp('say "hi"\\now\nnext')).toBe('say "hi"\\\\now\\nnext');
  });

  it('formats special sample values as Prometheus expects', () => {
    expect(formatSampleValue(0)).toBe('0');
    expect(formatSampleValue(0.25)).toBe('0.25');
    expect(formatSampleValue(Number.POSITIVE_INFINITY)).toBe('+Inf');
    expect(formatSampleValue(Number.NEGATIVE_INFINITY)).toBe('-Inf');
    expect(formatSampleValue(Number.NaN)).toBe('NaN');
  });

  it('renders label sets in order, and nothing for no labels', () => {
    expect(formatLabels([])).toBe('');
    expect(
      formatLabels([
        ['route', '/v1/chat/:id'],
        ['status', '200'],
      ]),
    ).toBe('{route="/v1/chat/:id",status="200"}');
  });

  it('validates metric and label names', () => {
    expect(isValidMetricName('http_requests_total')).toBe(true);
    expect(isValidMetricName('ns:metric')).toBe(true);
    expect(isValidMetricName('1bad')).toBe(false);
    expect(isValidMetricName('bad-name')).toBe(false);
    expect(isValidLabelName('route')).toBe(true);
    expect(isValidLabelName('__reserved')).toBe(false);
    expect(isValidLabelName('has:colon')).toBe(false);
  });
});
