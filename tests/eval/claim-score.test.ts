import { describe, expect, it } from 'vitest';
import type { SpanRecord } from '../../src/core/record.js';
import { scoreClaims } from '../../src/eval/claim-score.js';

const sentence = (start: number, label: string, score?: number): SpanRecord => ({ doc: 'd', start, end: start + 10, text: 'x'.repeat(10), label, ...(score === undefined ? {} : { score }) });

describe('claim scoring', () => {
  const gold = [sentence(0, 'unsourced_claim'), sentence(20, 'unsourced_claim'), sentence(40, 'not_claim'), sentence(60, 'sourced_claim'), sentence(80, 'not_claim')];

  it('counts per class and claim vs not; a sourced claim predicted unsourced is still a claim', () => {
    const pred = [sentence(0, 'unsourced_claim', 0.9), sentence(20, 'not_claim', 0.45), sentence(40, 'unsourced_claim', 0.55), sentence(60, 'unsourced_claim', 0.7), sentence(80, 'not_claim', 0.1)];
    const score = scoreClaims(gold, pred);
    expect(score.perLabel.unsourced_claim).toMatchObject({ tp: 1, fp: 2, fn: 1 });
    expect(score.perLabel.sourced_claim).toMatchObject({ tp: 0, fp: 0, fn: 1 });
    expect(score.claim).toMatchObject({ tp: 2, fp: 1, fn: 1 });
    expect(score.confusion.sourced_claim!.unsourced_claim).toBe(1);
  });

  it('re-scores claim vs not at each threshold from the predictions\' scores', () => {
    const pred = [sentence(0, 'unsourced_claim', 0.9), sentence(20, 'not_claim', 0.45), sentence(40, 'unsourced_claim', 0.55), sentence(60, 'unsourced_claim', 0.7), sentence(80, 'not_claim', 0.1)];
    const byThreshold = Object.fromEntries(scoreClaims(gold, pred).thresholds.map((t) => [t.threshold, [t.tp, t.fp, t.fn]]));
    expect(byThreshold[0.4]).toEqual([3, 1, 0]);
    expect(byThreshold[0.5]).toEqual([2, 1, 1]);
    expect(byThreshold[0.6]).toEqual([2, 0, 1]);
    expect(byThreshold[0.8]).toEqual([1, 0, 2]);
  });

  it('has no threshold table when the predictions carry no score (a second annotator\'s labels)', () => {
    expect(scoreClaims(gold, gold).thresholds).toEqual([]);
    expect(scoreClaims(gold, gold).claim.f1).toBe(1);
  });

  it('matches sentences by overlap, so a different sentence split still counts', () => {
    const merged: SpanRecord = { doc: 'd', start: 0, end: 30, text: 'x'.repeat(30), label: 'unsourced_claim', score: 0.8 };
    const score = scoreClaims(gold.slice(0, 2), [merged]);
    expect(score.perLabel.unsourced_claim).toMatchObject({ tp: 2, fp: 0, fn: 0 });
    expect(score.unmatched).toBe(0);
    // Both gold sentences take the label of one longer predicted sentence: counted, so users see it.
    expect(score.inexact).toBe(2);
    expect(scoreClaims(gold, gold).inexact).toBe(0);
  });
});
