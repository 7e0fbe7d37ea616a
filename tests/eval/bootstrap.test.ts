import { describe, expect, it } from 'vitest';
import type { SpanRecord } from '../../src/core/record.js';
import { f1Interval, type Counts } from '../../src/eval/bootstrap.js';
import { scoreClaims } from '../../src/eval/claim-score.js';
import { prf } from '../../src/eval/prf.js';

/** `n` units: a mix of hits, misses and false alarms (F1 2/3 overall). */
const mixed = (n: number): Counts[] => Array.from({ length: n }, (_, i) => [{ tp: 1, fp: 0, fn: 0 }, { tp: 0, fp: 1, fn: 0 }, { tp: 1, fp: 0, fn: 1 }][i % 3]!);

describe('bootstrap intervals of F1', () => {
  it('are deterministic: the same counts give the same interval', () => {
    expect(f1Interval(mixed(60))).toEqual(f1Interval(mixed(60)));
  });

  it('contain the F1 of all units and narrow as units are added', () => {
    const point = prf(2, 1, 1).f1;
    const small = f1Interval(mixed(30));
    const large = f1Interval(mixed(3000), 500);
    for (const i of [small, large]) {
      expect(i.low).toBeLessThan(point);
      expect(i.high).toBeGreaterThan(point);
    }
    expect(large.high - large.low).toBeLessThan((small.high - small.low) / 4);
  });

  it('collapse to the point when every unit is perfect', () => {
    expect(f1Interval(Array.from({ length: 10 }, () => ({ tp: 1, fp: 0, fn: 0 })))).toEqual({ low: 1, high: 1 });
  });
});

describe('claim scoring intervals', () => {
  const sentence = (start: number, comment: number | undefined, label: string): SpanRecord => ({ doc: 'd', start, end: start + 5, text: 'xxxxx', label, ...(comment === undefined ? {} : { comment }) });
  // 20 comments of 5 sentences; in every other comment the tagger misses all five claims.
  const gold = Array.from({ length: 100 }, (_, i) => sentence(i * 10, Math.floor(i / 5), 'unsourced_claim'));
  const pred = gold.map((g) => ({ ...g, label: (g.comment as number) % 2 === 0 ? 'unsourced_claim' : 'not_claim' }));

  it('resample whole comments, which widens the interval when errors cluster in comments', () => {
    const byComment = scoreClaims(gold, pred).intervals;
    const bySentence = scoreClaims(gold.map(({ comment: _, ...g }) => g), pred).intervals;
    expect([byComment.by, byComment.units]).toEqual(['comment', 20]);
    expect([bySentence.by, bySentence.units]).toEqual(['sentence', 100]);
    expect(byComment.unsourced.high - byComment.unsourced.low).toBeGreaterThan(1.5 * (bySentence.unsourced.high - bySentence.unsourced.low));
  });
});
