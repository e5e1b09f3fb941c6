/**
 * @module "Renting one L4 around the clock — what's that per month vs the Flash-Lite bill?": a GPU kept all month,
 * priced at the catalog's dated rent (730 hours), against the plan's monthly bill. The GPU is asked about, not the
 * team's: nothing is saved.
 */

import type { Recommendation } from '../engine/recommendation-schema.ts';
import { HOURS_PER_MONTH } from '../estimator/serving-cost.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import { citer } from './cite.ts';
import { plainModelName, planEstimates } from './compact-answer.ts';
import type { RentMonthlyAsked } from './extract/types.ts';
import { citedAnswer, type InfoAnswer } from './info-replies.ts';

const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function rentMonthlyReply(
  recommendation: Recommendation,
  knowledge: Knowledge,
  asked: RentMonthlyAsked,
  /** The plan's monthly bill on the model it runs on (a switched model's own), when the caller has it. */
  planBill?: number,
): InfoAnswer | undefined {
  const gpu = knowledge.findGpu(asked.gpu);
  if (gpu === undefined) return undefined;
  const n = asked.count;
  const what = `${n === 1 ? 'One' : count.format(n)} ${gpu.name}${n === 1 ? '' : 's'} around the clock`;
  if (gpu.price === null)
    return {
      text: `${what}: I have no dated rent for the ${gpu.name}, so take its hourly price from your provider and multiply by ${HOURS_PER_MONTH} hours a month.`,
    };
  const cite = citer(knowledge);
  const monthly = Math.round(n * gpu.price.usdPerHour * HOURS_PER_MONTH);
  const parts = [
    `${what}: about $${count.format(monthly)} a month (${HOURS_PER_MONTH} hours × $${gpu.price.usdPerHour} per GPU-hour at ${gpu.price.where}, as of ${gpu.price.asOf}${cite.mark(gpu.price.sources[0] ?? '')}), whatever the volume.`,
  ];
  const { destination } = recommendation;
  const bill = planBill ?? planEstimates(recommendation, destination.method)?.monthlyUSD;
  const model = destination.model.name === null ? undefined : plainModelName(destination.model.name);
  // How the plan is served decides the comparison: calls billed per token, GPUs rented, or the team's own GPUs.
  const perCall =
    destination.model.name !== null && knowledge.findModel(destination.model.name)?.access !== 'open-weights';
  const on = model === undefined ? '' : ` on ${model}`;
  if (bill === undefined || bill <= 0)
    parts.push(
      perCall
        ? `Against the plan's per-call bill${on}, compare it with your requests a day times the price per request: the rent stays the same whatever the volume.`
        : `The plan serves${on} on GPUs you have, with no monthly bill: renting would add all of it.`,
    );
  else if (perCall) {
    const ratio = monthly / bill;
    parts.push(
      `The plan's bill${on} is about $${count.format(bill)} a month at your volume: ${
        ratio >= 1.2
          ? `renting costs about ${ratio.toFixed(1)}× as much, so the per-call model stays cheaper until your volume grows roughly that many times (its bill grows with the requests, the rent does not).`
          : ratio <= 1 / 1.2
            ? `renting costs about ${(1 / ratio).toFixed(1)}× less, if one ${gpu.name} keeps up with your traffic and latency; add the engineering time of running it yourself.`
            : 'about the same, so the engineering time of running it yourself decides against renting.'
      }`,
    );
  } else
    parts.push(
      `The plan already serves${on} on rented GPUs, about $${count.format(bill)} a month: ${
        monthly > bill
          ? `this rental costs $${count.format(monthly - bill)} more`
          : monthly < bill
            ? `this rental saves $${count.format(bill - monthly)}, if it holds the model and keeps up with your traffic`
            : 'the same'
      }.`,
    );
  return citedAnswer(parts.join(' '), cite.cited, knowledge);
}
