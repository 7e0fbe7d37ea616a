import { groupByDoc, type SpanRecord } from '../core/record.js';
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
  return {
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
