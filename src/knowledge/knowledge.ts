import type { z } from 'zod';
import type { MethodId } from '../profile/profile-schema.ts';
import type { Gpu, Manifest, Method, Model, Provider, Rule, Source } from './schemas.ts';

/**
 * The loaded, validated, frozen knowledge base. Built once at start-up by `loadKnowledge` (or
 * `buildKnowledge` from in-memory data in tests); everything downstream treats it as read-only.
 */
export interface Knowledge {
  /** Content hash of the knowledge files, e.g. "kb-3f2a9c1b7d4e": changes whenever any knowledge file changes. */
  readonly version: string;
  readonly manifest: z.infer<typeof Manifest>;
  readonly sources: readonly Source[];
  readonly models: readonly Model[];
  readonly gpus: readonly Gpu[];
  readonly providers: readonly Provider[];
  readonly methods: readonly Method[];
  readonly rules: readonly Rule[];
  readonly sourceById: ReadonlyMap<string, Source>;
  readonly methodById: ReadonlyMap<MethodId, Method>;
  readonly providerById: ReadonlyMap<string, Provider>;
  /** Resolve a model by id, name or alias (case-, space-, dash- and dot-insensitive). */
  findModel(name: string): Model | undefined;
  /** Resolve a GPU by id, name or alias (case-, space-, dash-insensitive). */
  findGpu(name: string): Gpu | undefined;
}
