import { describe, expect, it } from 'vitest';
import { resolveProfile } from '../../src/engine/resolve-profile.ts';
import { buildFixtureKnowledge } from '../helpers/fixture-knowledge.ts';

const knowledge = buildFixtureKnowledge();

describe('resolveProfile', () => {
  it('fills size, access and modality from the model catalog', () => {
    const resolved = resolveProfile({ modelName: 'llama 3.1 8b' }, knowledge);
    expect(resolved.model?.id).toBe('llama-3.1-8b');
    expect(resolved.profile).toMatchObject({ modelParamsB: 8.03, modelAccess: 'open-weights', modality: 'text' });
    expect(resolved.conflicts).toEqual([]);
  });

  it('keeps explicit values and reports each disagreement as a conflict', () => {
    const resolved = resolveProfile({ modelName: 'Big Open 70B', modelParamsB: 7, modelAccess: 'api-only' }, knowledge);
    expect(resolved.profile.modelParamsB).toBe(7);
    expect(resolved.profile.modelAccess).toBe('api-only');
    expect(resolved.conflicts).toEqual([
      { field: 'modelParamsB', given: 7, catalog: 70 },
      { field: 'modelAccess', given: 'api-only', catalog: 'open-weights' },
    ]);
  });

  it('treats a rounded size ("8" for 8.03B) as agreement, not a conflict', () => {
    expect(resolveProfile({ modelName: 'Llama 3.1 8B', modelParamsB: 8 }, knowledge).conflicts).toEqual([]);
  });

  it('lists an unknown model name as an assumption and fills nothing', () => {
    const resolved = resolveProfile({ modelName: 'Mystery 3B' }, knowledge);
    expect(resolved.model).toBeUndefined();
    expect(resolved.profile.modelParamsB).toBeUndefined();
    expect(resolved.assumptions).toEqual([expect.objectContaining({ field: 'modelName', value: 'Mystery 3B' })]);
  });

  it('fills GPU memory from the catalog and assumes one GPU when no count is given', () => {
    const resolved = resolveProfile({ gpuName: 'H100' }, knowledge);
    expect(resolved.profile).toMatchObject({ gpuMemoryGB: 80, gpuCount: 1 });
    expect(resolved.gpu?.id).toBe('h100-sxm');
    // A bare "H100" is read as the SXM card, and the answer says so.
    expect(resolved.assumptions).toEqual([
      expect.objectContaining({ field: 'gpuName', value: 'H100 SXM' }),
      expect.objectContaining({ field: 'gpuCount', value: 1 }),
    ]);
    expect(resolved.assumptions[0]?.why).toBe(
      '"H100" was read as the H100 SXM (80 GB); name the variant if yours is another one.',
    );
    // Named with its variant, nothing is assumed about it.
    expect(resolveProfile({ gpuName: 'H100 SXM', gpuCount: 1 }, knowledge).assumptions).toEqual([]);
  });

  it('reports a conflicting GPU memory and keeps an explicit count without assuming', () => {
    const resolved = resolveProfile({ gpuName: 'RTX 4090', gpuMemoryGB: 48, gpuCount: 2 }, knowledge);
    expect(resolved.profile.gpuMemoryGB).toBe(48);
    expect(resolved.conflicts).toEqual([{ field: 'gpuMemoryGB', given: 48, catalog: 24 }]);
    expect(resolved.assumptions).toEqual([]);
  });

  it('assumes one GPU when only the memory is given, and none when nothing about GPUs is given', () => {
    expect(resolveProfile({ gpuMemoryGB: 24 }, knowledge).profile.gpuCount).toBe(1);
    expect(resolveProfile({}, knowledge).profile.gpuCount).toBeUndefined();
  });

  it.each([
    ['use AI for our customer support', 'text'],
    ['write release notes in our brand voice', 'text'],
    ['tag our product photos', undefined],
    ['transcribe call-centre recordings', undefined],
    ['turn voice notes into tickets', undefined],
  ])(
    'with no model or task shape, takes the task %j as text work only when it names no images or audio',
    (task, modality) => {
      const resolved = resolveProfile({ task }, knowledge);
      expect(resolved.profile.modality).toBe(modality);
      expect(resolved.assumptions.some((item) => item.field === 'modality')).toBe(modality !== undefined);
    },
  );

  it('does not modify its input', () => {
    const input = { modelName: 'Llama 3.1 8B' };
    resolveProfile(input, knowledge);
    expect(input).toEqual({ modelName: 'Llama 3.1 8B' });
  });
});
