/**
 * @module "Could we just paste all the docs into the 200k window instead of building RAG?": whether the corpus fits
 * the window, what sending it on every request costs at the team's volume, what the evidence says of long context
 * against retrieval, and the routing middle way.
 */

import type { Knowledge } from '../knowledge/knowledge.ts';
import type { Profile } from '../profile/profile-schema.ts';
import { plainModelName } from './compact-answer.ts';
import { TOKENS_PER_PAGE } from './extract/numbers.ts';
import type { LongContextAsked } from './extract/types.ts';
import { citedAnswer, gigabytes, type InfoAnswer, kvCacheGB } from './info-replies.ts';

const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const DAYS_PER_MONTH = 30;
/** The sources the answer may cite. */
const SOURCES = ['self-route', 'oai-acc', 'ant-cr', 'ant-cache'] as const;

/** Rounds a token count or a bill to two significant figures ("about 560,000 tokens", "about $1,200,000"). */
function round2(value: number): number {
  return Number(value.toPrecision(2));
}

export function longContextReply(knowledge: Knowledge, profile: Partial<Profile>, asked: LongContextAsked): InfoAnswer {
  // Sources numbered in the order the answer first cites them; one the knowledge base lacks is not marked.
  const cited: string[] = [];
  const mark = (id: (typeof SOURCES)[number]) => {
    if (!knowledge.sourceById.has(id)) return '';
    if (!cited.includes(id)) cited.push(id);
    return ` [${cited.indexOf(id) + 1}]`;
  };
  const model = profile.modelName === undefined ? undefined : knowledge.findModel(profile.modelName);
  const window = asked.windowTokens ?? model?.architecture?.contextLength;
  const corpus = asked.corpusTokens ?? profile.corpusTokens;
  const windowWords = window === undefined ? 'the window' : `a ${count.format(window)}-token window`;
  const corpusWords =
    corpus === undefined
      ? undefined
      : `about ${count.format(round2(corpus))} tokens of documents${asked.corpusTokens !== undefined && asked.fromPages ? ` (at about ${TOKENS_PER_PAGE} tokens a page${mark('ant-cr')})` : ''}`;
  const fits = corpus !== undefined && window !== undefined ? corpus <= window : undefined;
  const lines: string[] = [];
  if (fits === false)
    lines.push(
      `Not all of it: ${corpusWords} do not fit ${windowWords}, so each request would need a chosen part of them, which is retrieval by another name.`,
    );
  else if (fits === true)
    lines.push(
      `It fits: ${corpusWords} in ${windowWords}. Whether it is wise is a question of cost, speed and accuracy.`,
    );
  else if (corpus === undefined)
    lines.push(
      `Only if the whole corpus fits ${windowWords}: a page is about ${TOKENS_PER_PAGE} tokens${mark('ant-cr')}, so tell me the corpus in tokens or pages and I'll check.`,
    );
  else
    lines.push(
      `Only if ${corpusWords} fit the window${model === undefined ? '' : ` of ${plainModelName(model.name)}`}: I have no published window for it, so check its model card, and leave room for the question and the answer.`,
    );
  // Every request re-sends the whole prompt: the input bill at the team's volume.
  const perRequest = corpus !== undefined && window !== undefined ? Math.min(corpus, window) : (corpus ?? window);
  const price = model?.apiPrice;
  const volume = profile.requestsPerDay;
  if (perRequest !== undefined && price !== undefined && volume !== undefined && volume > 0) {
    const monthly = (volume * DAYS_PER_MONTH * perRequest * price.usdPerMillionInput) / 1e6;
    const anthropic = model?.vendor === 'Anthropic';
    const sent =
      corpus === undefined
        ? `Filling the ${count.format(perRequest)}-token window`
        : `About ${count.format(round2(perRequest))} input tokens`;
    lines.push(
      `Cost: ${sent.charAt(0).toLowerCase()}${sent.slice(1)} on each of your ${count.format(volume)} requests a day is about $${count.format(round2(monthly))} a month in input alone at ${plainModelName(model?.name ?? '')}'s $${price.usdPerMillionInput} per million (list price, ${price.asOf}), against a few thousand tokens a request with retrieval. Prompt caching bills a repeated prefix at a fraction of the price (Anthropic cites up to 90% off the cached part${anthropic ? '' : ', for Claude'}${mark('ant-cache')}), which helps only if every request sends the same documents in the same order.`,
    );
  } else if (perRequest !== undefined) {
    const kvGB = model?.architecture === undefined ? undefined : kvCacheGB(model.architecture, perRequest);
    const memory =
      kvGB === undefined || model?.access !== 'open-weights'
        ? ''
        : `; on your own GPUs each such request holds about ${gigabytes(kvGB)} GB of KV cache beside the weights, so far fewer requests run at once`;
    lines.push(
      `Cost: every request re-sends ${corpus === undefined ? `up to ${count.format(perRequest)}` : `about ${count.format(round2(perRequest))}`} tokens, against a few thousand with retrieval${memory}${volume === undefined && memory === '' ? '; tell me your requests a day and I will put a monthly figure on it' : ''}.`,
    );
  }
  lines.push(
    `Accuracy: given the budget, long-context models score higher than RAG on average in a comparison across benchmarks, but cost much more${mark('self-route')}; and facts in the middle of a very long prompt are easily missed, so test at several context lengths before relying on it${mark('oai-acc')}.`,
  );
  const smallVolume = volume !== undefined && volume <= 100;
  lines.push(
    fits === false
      ? `So build retrieval, and keep the long window for questions that need whole documents: route each query to retrieval first and send the long context only when the model judges the retrieved passages insufficient (Self-Route keeps most of long context's quality at a fraction of its cost${mark('self-route')}).`
      : fits === true && smallVolume
        ? `At your volume, whole-corpus prompts are a fair baseline to measure retrieval against on your evaluation questions; if it wins, the cost may be worth it.`
        : `A middle way is routing: answer from retrieval first and send the long context only when the model judges the retrieved passages insufficient (Self-Route keeps most of long context's quality at a fraction of its cost${mark('self-route')}). Compare the three on your own evaluation questions.`,
  );
  return citedAnswer(lines.join(' '), cited, knowledge);
}
