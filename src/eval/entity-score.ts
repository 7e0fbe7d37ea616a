import { groupByDoc, type SpanRecord } from '../core/record.js';
import { prf, type Prf } from './prf.js';

export interface EntityScore {
  /** Exact span + label. */
  strict: { micro: Prf; perLabel: Record<string, Prf> };
  /** Overlapping span + label (each gold and predicted mention used at most once). */
  lenient: { micro: Prf; perLabel: Record<string, Prf> };
  /**
   * Linking over strictly matched mentions, as pairwise precision/recall: pairs of mentions in
   * one document that share a gold canonical should share a predicted id, and vice versa.
   */
  linking: Prf;
  misses: SpanRecord[];
  falseAlarms: SpanRecord[];
}

const key = (r: SpanRecord) => `${r.doc}\u0000${r.start}\u0000${r.end}\u0000${r.label}`;

function byLabel(gold: readonly SpanRecord[], pred: readonly SpanRecord[], matched: (g: SpanRecord) => boolean, predMatched: (p: SpanRecord) => boolean, labels: readonly string[]) {
  const perLabel: Record<string, Prf> = {};
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const label of labels) {
    const g = gold.filter((r) => r.label === label);
    const p = pred.filter((r) => r.label === label);
    const t = g.filter(matched).length;
    const pt = p.filter(predMatched).length;
    perLabel[label] = prf(t, p.length - pt, g.length - t);
    tp += t;
    fp += p.length - pt;
    fn += g.length - t;
  }
  return { micro: prf(tp, fp, fn), perLabel };
}

/**
 * Scores entity mentions against gold of the same shape (`label`, and `canonical` in gold,
 * `id` in predictions). Only the given labels count; records of other labels are ignored.
 */
export function scoreEntities(goldAll: readonly SpanRecord[], predAll: readonly SpanRecord[], labels: readonly string[]): EntityScore {
  const gold = goldAll.filter((r) => labels.includes(r.label as string));
  const pred = predAll.filter((r) => labels.includes(r.label as string) && !r.lost);
  const predKeys = new Set(pred.map(key));
  const goldKeys = new Set(gold.map(key));
  const strict = byLabel(gold, pred, (g) => predKeys.has(key(g)), (p) => goldKeys.has(key(p)), labels);

  // Lenient: greedy one-to-one pairing of overlapping mentions with the same label, in order.
  const usedPred = new Set<SpanRecord>();
  const lenientGold = new Set<SpanRecord>();
  const predByDoc = groupByDoc(pred);
  for (const g of gold) {
    const p = (predByDoc.get(g.doc) ?? []).find((c) => !usedPred.has(c) && c.label === g.label && c.start < g.end && g.start < c.end);
    if (p) {
      usedPred.add(p);
      lenientGold.add(g);
    }
  }
  const lenient = byLabel(gold, pred, (g) => lenientGold.has(g), (p) => usedPred.has(p), labels);

  // Linking: pairs among strictly matched mentions, per document.
  const predByKey = new Map(pred.map((p) => [key(p), p]));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const docs = new Set(gold.map((g) => g.doc));
  for (const doc of docs) {
    const pairs = gold.filter((g) => g.doc === doc && predByKey.has(key(g))).map((g) => ({ gold: g.canonical, pred: predByKey.get(key(g))!.id }));
    for (let i = 0; i < pairs.length; i++) {
      for (let j = i + 1; j < pairs.length; j++) {
        const sameGold = pairs[i]!.gold === pairs[j]!.gold;
        const samePred = pairs[i]!.pred === pairs[j]!.pred;
        if (sameGold && samePred) tp++;
        else if (samePred) fp++;
        else if (sameGold) fn++;
      }
    }
  }
  return {
    strict,
    lenient,
    linking: prf(tp, fp, fn),
    misses: gold.filter((g) => !predKeys.has(key(g))),
    falseAlarms: pred.filter((p) => !goldKeys.has(key(p))),
  };
}
