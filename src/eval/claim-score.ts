import { groupByDoc, type SpanRecord } from '../core/record.js';
import { f1Interval, type Counts, type F1Interval } from './bootstrap.js';
import { prf, type Prf } from './prf.js';

export const CLAIM_LABELS = ['unsourced_claim', 'sourced_claim', 'not_claim'] as const;

export interface ClaimScore {
  perLabel: Record<string, Prf>;
  /** Claim (sourced or unsourced) vs not a claim. */
  claim: Prf;
  /** Gold sentences with a prediction overlapping them. */
  matched: number;
  /** Gold sentences no prediction overlaps (counted as misses of their label). */
  unmatched: number;
  /**
   * Gold sentences whose best-overlapping prediction has other boundaries: they take the label of
   * a longer or shorter predicted sentence (a gold file split differently from the tokenizer).
   */
  inexact: number;
  confusion: Record<string, Record<string, number>>;
  errors: { gold: SpanRecord; pred: SpanRecord | null }[];
  /**
   * Claim vs not at other settings of the stage's `threshold` option, from the predictions'
   * scores (empty when the predictions carry no score, e.g. a second annotator's labels).
   */
  thresholds: (Prf & { threshold: number })[];
  /**
   * 95 % bootstrap intervals of the unsourced_claim F1 and the claim-vs-not F1, resampling
   * whole comments (`units` of them; sentences when the gold records carry no `comment`).
   */
  intervals: { unsourced: F1Interval; claim: F1Interval; units: number; by: 'comment' | 'sentence' };
  /** What labelling every sentence an unsourced claim (unsourced F1), or a claim (claim-vs-not F1), scores: the floor a tagger must beat. */
  baseline: { unsourcedF1: number; claimVsNotF1: number };
}

/** The thresholds the table shows: the stage's default (0.5) and steps of 0.1 around it. */
export const THRESHOLDS = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8];

/**
 * Scores sentence labels against gold. Sentences are matched by overlap (the predicted
 * sentence that overlaps a gold one most), so a slightly different sentence split still counts.
 */
export function scoreClaims(gold: readonly SpanRecord[], pred: readonly SpanRecord[]): ScoreClaimsResult {
  const byDoc = groupByDoc(pred);
  const pairs: { gold: SpanRecord; pred: SpanRecord | null }[] = gold.map((g) => {
    let best: SpanRecord | null = null;
    let bestOverlap = 0;
    for (const p of byDoc.get(g.doc) ?? []) {
      const overlap = Math.min(g.end, p.end) - Math.max(g.start, p.start);
      if (overlap > bestOverlap) [best, bestOverlap] = [p, overlap];
    }
    return { gold: g, pred: best };
  });
  const confusion: Record<string, Record<string, number>> = {};
  for (const l of CLAIM_LABELS) confusion[l] = Object.fromEntries([...CLAIM_LABELS, 'none'].map((k) => [k, 0]));
  for (const { gold: g, pred: p } of pairs) confusion[g.label as string]![(p?.label as string) ?? 'none']!++;
  const perLabel: Record<string, Prf> = {};
  for (const l of CLAIM_LABELS) {
    const tp = pairs.filter((x) => x.gold.label === l && x.pred?.label === l).length;
    const fp = pairs.filter((x) => x.gold.label !== l && x.pred?.label === l).length;
    const fn = pairs.filter((x) => x.gold.label === l && x.pred?.label !== l).length;
    perLabel[l] = prf(tp, fp, fn);
  }
  const isClaim = (label: unknown) => label === 'unsourced_claim' || label === 'sourced_claim';
  // Claim vs not, with "predicted a claim" decided by `says`.
  const claimVsNot = (says: (x: (typeof pairs)[number]) => boolean) =>
    prf(
      pairs.filter((x) => isClaim(x.gold.label) && says(x)).length,
      pairs.filter((x) => !isClaim(x.gold.label) && says(x)).length,
      pairs.filter((x) => isClaim(x.gold.label) && !says(x)).length,
    );
  const scored = pairs.every((x) => x.pred === null || typeof x.pred.score === 'number');
  const thresholds = scored ? THRESHOLDS.map((threshold) => ({ threshold, ...claimVsNot((x) => x.pred !== null && (x.pred.score as number) >= threshold) })) : [];
  // One resampling unit per comment (doc + comment index); each sentence alone when the gold has no comment index.
  const byComment = gold.every((g) => typeof g.comment === 'number');
  const units = new Map<string, { unsourced: Counts; claim: Counts }>();
  pairs.forEach((x, i) => {
    const key = byComment ? `${x.gold.doc}\u0000${x.gold.comment as number}` : String(i);
    let unit = units.get(key);
    if (!unit) units.set(key, (unit = { unsourced: { tp: 0, fp: 0, fn: 0 }, claim: { tp: 0, fp: 0, fn: 0 } }));
    count(unit.unsourced, x.gold.label === 'unsourced_claim', x.pred?.label === 'unsourced_claim');
    count(unit.claim, isClaim(x.gold.label), isClaim(x.pred?.label));
  });
  const sorted = [...units.keys()].sort().map((k) => units.get(k)!);
  const unsourcedGold = gold.filter((g) => g.label === 'unsourced_claim').length;
  const claimGold = gold.filter((g) => isClaim(g.label)).length;
  return {
    baseline: { unsourcedF1: prf(unsourcedGold, gold.length - unsourcedGold, 0).f1, claimVsNotF1: prf(claimGold, gold.length - claimGold, 0).f1 },
    intervals: {
      unsourced: f1Interval(sorted.map((u) => u.unsourced)),
      claim: f1Interval(sorted.map((u) => u.claim)),
      units: sorted.length,
      by: byComment ? 'comment' : 'sentence',
    },
    thresholds,
    perLabel,
    claim: claimVsNot((x) => isClaim(x.pred?.label)),
    matched: pairs.filter((x) => x.pred).length,
    unmatched: pairs.filter((x) => !x.pred).length,
    inexact: pairs.filter((x) => x.pred && (x.pred.start !== x.gold.start || x.pred.end !== x.gold.end)).length,
    confusion,
    errors: pairs.filter((x) => x.pred?.label !== x.gold.label),
  };
}

type ScoreClaimsResult = ClaimScore;

/** Adds one sentence's outcome for a class to a unit's counts. */
function count(c: Counts, gold: boolean, predicted: boolean): void {
  if (gold && predicted) c.tp++;
  else if (predicted) c.fp++;
  else if (gold) c.fn++;
}
