import { describe, expect, it } from 'vitest';
import { extractDeployment } from '../../../../src/chat/extract/extractors/deployment.ts';
import { extractLanguages } from '../../../../src/chat/extract/extractors/languages.ts';
import { extractLatency, REAL_TIME_LATENCY_MS } from '../../../../src/chat/extract/extractors/latency.ts';
import { extractTimeline } from '../../../../src/chat/extract/extractors/timeline.ts';
import { extractVolume } from '../../../../src/chat/extract/extractors/volume.ts';
import { run } from '../extract-helpers.ts';

describe('extractDeployment', () => {
  it.each([
    ['runs on phones', 'mobile'],
    ['on edge devices', 'edge'],
    ['a Jetson Orin', 'edge'],
    ['we self-host on our own servers', 'on-prem'],
    ['we self-host it on AWS', 'cloud-self-hosted'],
    ['we call an API', 'cloud-api'],
    ['on iPhone, with a hard 1.5GB budget', 'mobile'],
    ['We run Phi-3 mini on Android phones', 'mobile'],
    ["run inside our desktop app on customers' laptops", 'edge'],
    ["the model has to run locally on the lawyers' MacBooks", 'edge'],
    ['in a browser on kiosk PCs', 'edge'],
    ['on our smart speaker', 'edge'],
    ['an air-gapped network', 'on-prem'],
    ['4x MI300X on-prem', 'on-prem'],
    ['2x A100 80GB on-prem', 'on-prem'],
    ['we got 4 H100s in our own dc', 'on-prem'],
    ['we self-host it on our own AWS account', 'cloud-self-hosted'],
    ['We run it on 2 L4s in our GCP project', 'cloud-self-hosted'],
  ])('reads %j as %s', (message, deployment) => {
    expect(run(extractDeployment, message)).toEqual({ deployment });
  });

  it("does not read GPUs in the team's cloud account as where the model runs", () => {
    expect(run(extractDeployment, 'we have 3 A100 80GB in our own cloud account')).toEqual({});
  });

  it('does not read "our mobile app calls the API" as on-device', () => {
    expect(run(extractDeployment, 'our mobile app calls the API')).toEqual({ deployment: 'cloud-api' });
  });
});

describe('extractTimeline', () => {
  it.each([
    ['in 2 weeks', 2],
    ['by next month', 4],
    ['within 3 months', 13],
    ['deadline is 6 weeks', 6],
    ['in 10 days', 1.4],
  ])('reads %j as %d weeks', (message, weeks) => {
    expect(run(extractTimeline, message)).toEqual({ timelineWeeks: weeks });
  });

  it.each([
    'docs change every 2 weeks',
    '3 months of logs',
    '€800 a month',
    'founded 5 years ago',
    'we closed 40 tickets yesterday',
    // Urgent, but no number of weeks.
    'ASAP',
    'we needed it yesterday',
  ])('ignores %j', (message) => {
    expect(run(extractTimeline, message)).toEqual({});
  });

  describe('deadlines given as dates, counted from today (2026-12-04)', () => {
    const today = '2026-12-04';
    it.each([
      ['we need it live by March 15', 14],
      ['deadline is end of Q1', 17],
      ['by the end of the year', 4],
      ['we have to ship before 1 April 2027', 17],
      ['by May 2027', 21],
      ['by mid-January', 6],
      ['due in February', 8],
      ['by Q2', 17],
    ])('reads %j as %d weeks', (message, weeks) => {
      expect(run(extractTimeline, message, today)).toEqual({ timelineWeeks: weeks });
    });

    it.each([
      'by may we should know more',
      'the model was released in March 2024',
      'we started in March',
      'by March 2025 we had 3 GPUs',
    ])('ignores %j', (message) => {
      expect(run(extractTimeline, message, today)).toEqual({});
    });

    it('reads no date without today (extraction stays a function of its inputs)', () => {
      expect(run(extractTimeline, 'we need it live by March 15')).toEqual({});
    });
  });
});

describe('extractLanguages', () => {
  it.each([
    ['Spanish and German', true],
    ['multilingual', true],
    ['in 5 languages', true],
    ['English only', false],
    ['not multilingual', false],
  ])('reads %j as %s', (message, value) => {
    expect(run(extractLanguages, message)).toEqual({ multilingual: value });
  });
});

describe('extractLatency', () => {
  it.each([
    ['under 200 ms', 200],
    ['p95 latency below 1.5 seconds', 1500],
    ['sub-second answers', 1000],
    ['real-time', REAL_TIME_LATENCY_MS],
  ])('reads %j as %d ms', (message, ms) => {
    expect(run(extractLatency, message)).toEqual({ latencyTargetMs: ms });
  });

  it.each(['real-time prices', 'in 2 weeks', 'it took 5 seconds to load the page'])('ignores %j', (message) => {
    expect(run(extractLatency, message)).toEqual({});
  });
});

describe('extractVolume', () => {
  it.each([
    ['10k requests a day', 10_000],
    ['1M calls/month', 33_333],
    ['20 QPS', 1_728_000],
    ['500 tickets per day', 500],
    ['50k incoming support emails per day', 50_000],
  ])('reads %j as %d a day', (message, perDay) => {
    expect(run(extractVolume, message)).toEqual({ requestsPerDay: perDay });
  });
});
