/**
 * @module The catalog's text encoders (BERT, XLM-RoBERTa) a chat answer may name: the multilingual ones, whose
 * pre-training covers every language asked, or the English ones; the smallest first. Pure.
 */
import type { Model } from '../../knowledge/schemas.ts';

export function textEncoders(
  models: readonly Model[],
  need: { multilingual: boolean; languages?: readonly string[] },
): Model[] {
  return models
    .filter(
      (model) =>
        model.architecture?.kind === 'encoder' &&
        model.modality === 'text' &&
        (model.multilingual === true) === need.multilingual &&
        (need.languages ?? []).every((name) => (model.languages ?? []).includes(name)),
    )
    .sort((a, b) => (a.paramsB ?? 0) - (b.paramsB ?? 0));
}
