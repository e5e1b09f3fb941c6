/** @module estimator/units: byte units used by every estimator output. */

/** 1 GB = 1e9 bytes (decimal). Every `...GB` number the estimator returns uses this unit. */
export const BYTES_PER_GB = 1e9;

/** 1 GiB = 2^30 bytes. Several published measurements (torch `max_memory_allocated` / 1024^3) use it. */
export const BYTES_PER_GIB = 2 ** 30;

/** Converts bytes to GB (1e9 bytes), rounded to the nearest MB so outputs stay readable and deterministic. */
export function bytesToGB(bytes: number): number {
  return Math.round(bytes / 1e6) / 1000;
}
