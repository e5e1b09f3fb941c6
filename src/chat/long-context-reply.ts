/**
 * @module "Could we just paste all the docs into the 200k window instead of building RAG?": whether the corpus fits
 * the window, what sending it on every request costs (with and without prompt caching) or takes in memory, what the
 * evidence says of long context against retrieval, and, for a corpus small enough, Anthropic's advice to put it all in
 * a cached prompt (the engine's own rule, so the answer and the plan agree).
 */
import { promptCorpusLimit, WHOLE_CORPUS_IN_PROMPT_TOKENS } from '../engine/choose-destination.ts';
import { DAYS_PER_MONTH } from '../estimator/index.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { Profile } from '../profile/profile-schema.ts';
import { citer } from './cite.ts';
import { plainModelName } from './compact-answer.ts';
import { TOKENS_PER_PAGE } from './extract/numbers.ts';
import type { LongContextAsked } from './extract/types.ts';
import { citedAnswer, gigabytes, type InfoAnswer } from './info-replies.ts';
import { servingMemory } from './serving-memory.ts';

const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
/** Anthropic's figure for a cached prompt prefix: up to 90% off the cached part (knowledge: ant-cache). */
const CACHED_SHARE_OF_PRICE = 0.1;

/** Two significant figures: "about 560,000 tokens", "about $430,000". */
function twoSignificant(value: number): number {
  return Number(value.toPrecision(2));
}

/** Dollars a month as people say them: whole dollars from $10 up, cents below ("$0.45"). */
function dollars(value: number): string {
  return value >= 10 ? `$${count.format(twoSignificant(value))}` : `$${value.toFixed(2)}`;
}

export function longContextReply(knowledge: Knowledge, profile: Partial<Profile>, asked: LongContextAsked): InfoAnswer {
  const { cited, mark } = citer(knowledge);
  const model = profile.modelName === undefined ? undefined : knowledge.findModel(profile.modelName);
  const window = asked.windowTokens ?? model?.architecture?.contextLength;
  const corpus = asked.corpusTokens ?? profile.corpusTokens;
  const windowWords = window === undefined ? 'the window' : `a ${count.format(window)}-token window`;
  const corpusWords =
    corpus === undefined
      ? undefined
      : `about ${count.format(twoSignificant(corpus))} tokens of documents${asked.fromPages ? ` (at about ${TOKENS_PER_PAGE} tokens a page${mark('ant-cr')})` : ''}`;
  const fits = corpus !== undefined && window !== undefined ? corpus <= window : undefined;
  // Small enough for the prompt by the plan's own limit (Anthropic: under about 200,000 tokens, leaving room).
  const wholeInPrompt = corpus !== undefined && corpus <= promptCorpusLimit(window);
  const lines: string[] = [];
  if (fits === false)
    lines.push(
      `Not all of it: ${corpusWords} do not fit ${windowWords}, so each request would need a chosen part of them, which is retrieval by another name.`,
    );
  else if (wholeInPrompt)
    lines.push(
      `Yes, for a corpus this size: ${corpusWords}${window === undefined ? '' : ` in ${windowWords}`}. Anthropic's advice for a knowledge base under about ${count.format(WHOLE_CORPUS_IN_PROMPT_TOKENS)} tokens is to put all of it in the prompt, with prompt caching, instead of building retrieval${mark('ant-cr')}; switch to retrieval if it outgrows that.`,
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
  // Every request re-sends the whole prompt: the input bill at the team's volume, or the memory on its own GPUs.
  const perRequest = corpus !== undefined && window !== undefined ? Math.min(corpus, window) : (corpus ?? window);
  const price = model?.apiPrice;
  const volume = profile.requestsPerDay;
  const ownGpus = profile.gpuCount !== undefined && profile.gpuCount > 0 && profile.deployment !== 'cloud-api';
  if (perRequest !== undefined && price !== undefined && volume !== undefined && volume > 0) {
    const monthly = (volume * DAYS_PER_MONTH * perRequest * price.usdPerMillionInput) / 1e6;
    const anthropic = model?.vendor === 'Anthropic';
    const sent =
      corpus === undefined
        ? `filling the ${count.format(perRequest)}-token window`
        : `about ${count.format(twoSignificant(perRequest))} input tokens`;
    lines.push(
      `Cost: ${sent} on each of your ${count.format(volume)} requests a day is about ${dollars(monthly)} a month in input alone at ${plainModelName(model?.name ?? '')}'s $${price.usdPerMillionInput} per million (list price, ${price.asOf}). The same documents in the same order on every request are what prompt caching bills at a fraction of the price: Anthropic cites up to 90% off the cached part${anthropic ? '' : ' for Claude'}${mark('ant-cache')}${anthropic ? `, which would bring this to roughly ${dollars(monthly * CACHED_SHARE_OF_PRICE)} plus the cache writes` : `; ${plainModelName(model?.name ?? '')}'s cached-input price is on its vendor's price list`}.`,
    );
  } else if (perRequest !== undefined) {
    const served = model !== undefined && ownGpus ? servingMemory(model, perRequest, profile.gpuCount) : undefined;
    // One GPU's memory against the busiest GPU's share: a request larger than that does not run there at all.
    const perGpu =
      profile.gpuMemoryGB ?? (profile.gpuName === undefined ? undefined : knowledge.findGpu(profile.gpuName)?.memoryGB);
    const quantised =
      model !== undefined && ownGpus ? servingMemory(model, perRequest, profile.gpuCount, 'int4') : undefined;
    const gpus =
      profile.gpuCount !== undefined && profile.gpuCount > 1 ? ` on each of your ${profile.gpuCount} GPUs` : '';
    const memory =
      served === undefined
        ? ''
        : perGpu !== undefined && served.perGpuGB > perGpu
          ? `; on your own GPUs each such request holds about ${gigabytes(served.kvCacheGB)} GB of KV cache, and serving one takes about ${gigabytes(served.perGpuGB)} GB${gpus} at 16 bits (weights, cache and the prompt's working set), more than the ${gigabytes(perGpu)} GB a GPU has: at this length not even one request runs there${quantised === undefined ? '' : quantised.perGpuGB > perGpu ? `, and with 4-bit weights it still takes about ${gigabytes(quantised.perGpuGB)} GB` : `; with 4-bit weights it takes about ${gigabytes(quantised.perGpuGB)} GB, one request at a time at most`}`
          : `; on your own GPUs each such request holds about ${gigabytes(served.kvCacheGB)} GB of KV cache, and serving one takes about ${gigabytes(served.perGpuGB)} GB${gpus} at 16 bits, so far fewer requests run at once`;
    lines.push(
      `Cost: every request re-sends ${corpus === undefined ? `up to ${count.format(perRequest)}` : `about ${count.format(twoSignificant(perRequest))}`} tokens, against the few passages retrieval sends${memory}${volume === undefined && memory === '' ? '; tell me your requests a day and I will put a monthly figure on it' : ''}.`,
    );
  }
  if (!wholeInPrompt || fits === false)
    lines.push(
      `Accuracy: with enough compute, long-context models score higher than RAG on average in a comparison across benchmarks, but cost much more${mark('self-route')}; and facts in the middle of a very long prompt are easily missed, so test at several context lengths before relying on it${mark('oai-acc')}.`,
    );
  const smallVolume = volume !== undefined && volume <= 100;
  if (!wholeInPrompt || fits === false)
    lines.push(
      fits === false
        ? `So build retrieval, and keep the long window for questions that need whole documents: route each query to retrieval first and send the long context only when the model judges the retrieved passages insufficient (Self-Route keeps most of long context's quality at a fraction of its cost${mark('self-route')}).`
        : fits === true && smallVolume
          ? 'At your volume, whole-corpus prompts are a fair baseline to measure retrieval against on your evaluation questions; if it wins, the cost may be worth it.'
          : `A middle way is routing: answer from retrieval first and send the long context only when the model judges the retrieved passages insufficient (Self-Route keeps most of long context's quality at a fraction of its cost${mark('self-route')}). Compare the options on your own evaluation questions.`,
    );
  else
    lines.push(
      `Test it at this length on your evaluation questions all the same: facts in the middle of a long prompt can be missed${mark('oai-acc')}.`,
    );
  return citedAnswer(lines.join(' '), cited, knowledge);
}
