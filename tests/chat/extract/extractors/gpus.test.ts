import { describe, expect, it } from 'vitest';
import { extractGpus } from '../../../../src/chat/extract/extractors/gpus.ts';
import { run } from '../extract-helpers.ts';

describe('extractGpus', () => {
  it.each([
    ['two A100s', { gpuName: 'NVIDIA A100 80GB', gpuCount: 2 }],
    ['4x H100 80GB', { gpuName: 'NVIDIA H100 SXM', gpuCount: 4 }],
    ['a single 4090', { gpuName: 'NVIDIA GeForce RTX 4090', gpuCount: 1 }],
    ['no GPUs', { gpuCount: 0 }],
    ['8 GPUs', { gpuCount: 8 }],
    ['one 24GB card', { gpuCount: 1, gpuMemoryGB: 24 }],
    ['2 x A10G', { gpuName: 'NVIDIA A10G', gpuCount: 2 }],
    ['we have 3 L4s', { gpuName: 'NVIDIA L4', gpuCount: 3 }],
    ['a pair of A100 40GB cards', { gpuName: 'NVIDIA A100 40GB', gpuCount: 2 }],
    ['dual 4090s', { gpuName: 'NVIDIA GeForce RTX 4090', gpuCount: 2 }],
    ['quad H100 server', { gpuName: 'NVIDIA H100 SXM', gpuCount: 4 }],
    ['8xA100', { gpuName: 'NVIDIA A100 80GB', gpuCount: 8 }],
    ['CPU only', { gpuCount: 0 }],
    ['the 40GB A100', { gpuName: 'NVIDIA A100 40GB' }],
    ['actually the A100s are the 40GB version', { gpuName: 'NVIDIA A100 40GB' }],
  ])('reads %j', (message, expected) => {
    expect(run(extractGpus, message)).toEqual(expected);
  });

  it('keeps the A10 and A10G apart (word boundaries)', () => {
    expect(run(extractGpus, 'one A10G')).toEqual({ gpuName: 'NVIDIA A10G', gpuCount: 1 });
    expect(run(extractGpus, 'one A10')).toEqual({ gpuName: 'NVIDIA A10', gpuCount: 1 });
  });

  it('does not resolve a name two catalog entries share, but keeps the count', () => {
    expect(run(extractGpus, 'two X9s')).toEqual({ gpuCount: 2 });
  });

  it('ignores an "a" before a node word: an H100 node holds several GPUs', () => {
    expect(run(extractGpus, 'we rent an H100 node')).toEqual({ gpuName: 'NVIDIA H100 SXM' });
  });

  it.each([
    '4090 examples were labeled',
    'GPU hours cost $2',
    'A100 vs H100',
    'we need 4 GPU hours',
    'in 2024 we grew',
  ])('finds no GPU facts in %j', (message) => {
    expect(run(extractGpus, message)).toEqual({});
  });
});
