/**
 * How fast a generative model answers from a CPU server (no GPU), from llama.cpp's measured CPU runs
 * (knowledge: llamacpp-cpu-xeon, llamacpp-cpu-amx-small, llamacpp-cpu-laptop):
 * - a 7B at 4 bits (Q4_0, 3.56 GiB) on a Xeon w9-3475X workstation (36 cores, capped at 2.2 GHz) read about 84 prompt
 *   tokens a second with 16 threads and wrote about 12 a second with 8 (a pull request's benchmark; the PR was not merged);
 * - the fastest prompt reading found: Qwen3 0.6B at 4 bits, about 2,000 prompt tokens a second on an AMX Xeon, and a
 *   4.8B at 4 bits about 280 a second on a 10-core laptop (with ik_llama.cpp, a fork): about 1,200 to 1,400 billion
 *   parameter-tokens a second. (The 0.6B figure is the one measured before its pull request's change; a faster run after
 *   it would narrow the floor's margin.)
 * Reading the prompt costs about 2 × parameters FLOPs a token, so its time grows with the model's size; writing a
 * token reads every weight once, so its time grows with the weights' bytes.
 */

/** The measured 7B: 6.74B parameters in 3.82 GB of 4-bit (Q4_0) weights. */
const MEASURED_PARAMS_B = 6.74;
const MEASURED_Q4_WEIGHTS_GB = 3.82;
/** GB of 4-bit (Q4_0) weights per billion parameters, as in the measured 7B. */
export const Q4_GB_PER_BILLION_PARAMS = MEASURED_Q4_WEIGHTS_GB / MEASURED_PARAMS_B;
/** Prompt reading measured on a workstation CPU with 16 threads: 84 tokens a second × 6.74B parameters. */
export const CPU_MEASURED_PROMPT_PARAM_TOKENS_PER_S = 84 * MEASURED_PARAMS_B;
/** Token writing measured there: 12.3 tokens a second × 3.82 GB of 4-bit weights (GB read a second). */
export const CPU_MEASURED_WEIGHT_GB_PER_S = 12.3 * MEASURED_Q4_WEIGHTS_GB;

/**
 * The floor: about 4 times the fastest prompt reading measured on a CPU (1,400 billion parameter-tokens a second)
 * and about 4 times the workstation's weight reading (a many-channel server), so a model judged too slow here is too
 * slow on any CPU server.
 */
export const CPU_FLOOR_PROMPT_PARAM_TOKENS_PER_S = 5_000;
export const CPU_FLOOR_WEIGHT_GB_PER_S = 200;
/** The prompt length the serving note times (an instruction, a few examples or passages, the input). */
export const CPU_EXAMPLE_PROMPT_TOKENS = 500;
/** The shortest prompt a generative model is asked with: an instruction and a short input. */
export const MIN_PROMPT_TOKENS = 32;

/**
 * The least time, ms, a CPU server takes to read the prompt (the team's length, or the shortest prompt) and write one
 * token with this model, at the floor rates: a latency target below it cannot be met by any CPU.
 */
export function cpuLatencyFloorMs(paramsB: number, weightsGB: number, promptTokens?: number): number {
  const tokens = Math.max(MIN_PROMPT_TOKENS, promptTokens ?? 0);
  const promptMs = ((tokens * paramsB) / CPU_FLOOR_PROMPT_PARAM_TOKENS_PER_S) * 1000;
  const tokenMs = (weightsGB / CPU_FLOOR_WEIGHT_GB_PER_S) * 1000;
  return promptMs + tokenMs;
}

/** The model's speed on a workstation-class CPU, scaled from the measured 7B: tokens a second read and written. */
export function cpuMeasuredSpeed(
  paramsB: number,
  weightsGB: number,
): { promptTokensPerSecond: number; tokensPerSecond: number } {
  return {
    promptTokensPerSecond: CPU_MEASURED_PROMPT_PARAM_TOKENS_PER_S / paramsB,
    tokensPerSecond: CPU_MEASURED_WEIGHT_GB_PER_S / weightsGB,
  };
}

/**
 * The time, ms, the model takes at the measured workstation speed to read the prompt (the team's length, or the
 * example prompt) and write its first token: what a team should expect before it measures its own servers.
 */
export function cpuMeasuredFirstWordMs(paramsB: number, weightsGB: number, promptTokens?: number): number {
  const { promptTokensPerSecond, tokensPerSecond } = cpuMeasuredSpeed(paramsB, weightsGB);
  return ((promptTokens ?? CPU_EXAMPLE_PROMPT_TOKENS) / promptTokensPerSecond + 1 / tokensPerSecond) * 1000;
}
