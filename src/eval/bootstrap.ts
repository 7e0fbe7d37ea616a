import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { prf } from './prf.js';

/** Error counts of one resampling unit (a comment, or a sentence when the gold has no comment index). */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface F1Interval {
  /** Lower and upper bound of the F1's 95 % percentile interval. */
  low: number;
  high: number;
}

/** Resamples per interval: the usual size for 2.5 / 97.5 percentiles (each tail then holds 50 resamples). */
export const REPLICATES = 2000;
/** A fixed seed, so that the same gold and predictions always give the same interval. */
const SEED = 20261122;

/**
 * Percentile bootstrap interval (95 %) of an F1 computed from summed counts. Whole units are
 * drawn with replacement: sentences of one comment share a writer, a topic and often a
 * label, so resampling comments rather than sentences keeps that dependence and gives the
 * honest (wider) interval. Deterministic: the generator is seeded.
 */
export function f1Interval(units: readonly Counts[], replicates = REPLICATES): F1Interval {
  if (units.length === 0) return { low: 1, high: 1 };
  const rng = xoroshiro128plus(SEED);
  const f1s = new Float64Array(replicates);
  for (let r = 0; r < replicates; r++) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let k = 0; k < units.length; k++) {
      const u = units[uniformInt(rng, 0, units.length - 1)]!;
      tp += u.tp;
      fp += u.fp;
      fn += u.fn;
    }
    f1s[r] = prf(tp, fp, fn).f1;
  }
  f1s.sort();
  const at = (q: number) => f1s[Math.min(replicates - 1, Math.max(0, Math.round(q * (replicates - 1))))]!;
  return { low: at(0.025), high: at(0.975) };
}
