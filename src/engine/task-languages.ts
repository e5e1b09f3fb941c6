/**
 * @module The languages a task names that its model was not made for: off a multilingual model's pre-training list,
 * or off the languages its vendor's card says it supports. Pure.
 */
import type { Model } from '../knowledge/schemas.ts';
import { languagesInFrame } from '../profile/languages.ts';

/** Only so much of the task is read for language names. */
const TASK_READ_CHARS = 2000;

export interface LanguagesOffModel {
  /** Canonical lowercase names the task gives that the model's list lacks. */
  readonly names: readonly string[];
  /** The list is the whole of what the model covers (a multilingual pre-training list, or a complete card). */
  readonly complete: boolean;
}

/** The languages a task names as languages (read once, then set against each model). */
export function taskLanguages(task: string | undefined): readonly string[] {
  return languagesInFrame((task ?? '').slice(0, TASK_READ_CHARS));
}

/** The named languages `model` does not list; undefined when the catalog says nothing about its languages. */
export function languagesOffList(model: Model | undefined, named: readonly string[]): LanguagesOffModel | undefined {
  if (model === undefined) return undefined;
  if (model.multilingual === true) {
    const known = new Set(model.languages ?? []);
    if (known.size === 0) return undefined;
    return { names: named.filter((name) => !known.has(name)), complete: true };
  }
  const support = model.supportedLanguages;
  if (support === undefined) return undefined;
  return { names: named.filter((name) => !support.named.includes(name)), complete: support.complete };
}

/** Undefined when the catalog says nothing about the model's languages. */
export function languagesOffModel(model: Model | undefined, task: string | undefined): LanguagesOffModel | undefined {
  return model === undefined ? undefined : languagesOffList(model, taskLanguages(task));
}
