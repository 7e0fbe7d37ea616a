import type { SpanRecord } from '../core/record.js';
import { prf, type Prf } from './prf.js';

export interface SegmentScore {
  /** Exact span + kind over every segment record. */
  micro: Prf;
  perKind: Record<string, Prf>;
  /** Comments matched by exact span, and accuracy of their attributes among the matched. */
  comments: { found: Prf; author: number; depth: number; parent: number; matched: number };
  misses: SpanRecord[];
  falseAlarms: SpanRecord[];
}

const spanKey = (r: SpanRecord) => `${r.doc}\u0000${r.start}\u0000${r.end}`;

/**
 * Scores segment records against gold of the same shape. A comment's parent is compared by
 * the span of the parent comment, so a missed comment earlier in a thread does not make every
 * later parent index wrong.
 */
export function scoreSegments(gold: readonly SpanRecord[], pred: readonly SpanRecord[]): SegmentScore {
  const predByKey = new Map(pred.map((r) => [`${spanKey(r)}\u0000${r.kind}`, r]));
  const goldByKey = new Map(gold.map((r) => [`${spanKey(r)}\u0000${r.kind}`, r]));
  const kinds = [...new Set([...gold, ...pred].map((r) => r.kind as string))].sort();
  const perKind: Record<string, Prf> = {};
  for (const kind of kinds) {
    const g = gold.filter((r) => r.kind === kind);
    const p = pred.filter((r) => r.kind === kind);
    const tp = g.filter((r) => predByKey.has(`${spanKey(r)}\u0000${kind}`)).length;
    perKind[kind] = prf(tp, p.length - tp, g.length - tp);
  }
  const misses = gold.filter((r) => !predByKey.has(`${spanKey(r)}\u0000${r.kind}`));
  const falseAlarms = pred.filter((r) => !goldByKey.has(`${spanKey(r)}\u0000${r.kind}`));
  const tp = gold.length - misses.length;

  const commentSpan = (records: readonly SpanRecord[]) => {
    const byIndex = new Map<string, SpanRecord>();
    for (const r of records) if (r.kind === 'comment') byIndex.set(`${r.doc}\u0000${r.index}`, r);
    return (r: SpanRecord) => {
      if (r.parent === null || r.parent === undefined) return null;
      const parent = byIndex.get(`${r.doc}\u0000${r.parent}`);
      return parent ? spanKey(parent) : 'missing';
    };
  };
  const goldParent = commentSpan(gold);
  const predParent = commentSpan(pred);
  let matched = 0;
  let author = 0;
  let depth = 0;
  let parent = 0;
  for (const g of gold) {
    if (g.kind !== 'comment') continue;
    const p = predByKey.get(`${spanKey(g)}\u0000comment`);
    if (!p) continue;
    matched++;
    if (p.author === g.author) author++;
    if (p.depth === g.depth) depth++;
    if (predParent(p) === goldParent(g)) parent++;
  }
  const ratio = (n: number) => (matched === 0 ? 1 : n / matched);
  return {
    micro: prf(tp, pred.length - tp, misses.length),
    perKind,
    comments: { found: perKind.comment ?? prf(0, 0, 0), author: ratio(author), depth: ratio(depth), parent: ratio(parent), matched },
    misses,
    falseAlarms,
  };
}
