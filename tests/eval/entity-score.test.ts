import { describe, expect, it } from 'vitest';
import type { SpanRecord } from '../../src/core/record.js';
import { scoreEntities } from '../../src/eval/entity-score.js';

const m = (start: number, label: string, canonical: string, len = 4): SpanRecord => ({ doc: 'd', start, end: start + len, text: 'x'.repeat(len), label, canonical, id: canonical.toLowerCase() });
const gold = Array.from({ length: 20 }, (_, i) => m(i * 10, i % 2 ? 'PERSON' : 'ORG', `E${i % 4}`));
const LABELS = ['PERSON', 'ORG'];

describe('scoreEntities (hand-checked cases)', () => {
  it('a perfect prediction scores 1.0 everywhere', () => {
    const s = scoreEntities(gold, gold, LABELS);
    expect(s.strict.micro).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(s.lenient.micro.f1).toBe(1);
    expect(s.linking.f1).toBe(1);
  });

  it('missing every 5th gold mention gives recall 0.8 and precision 1.0', () => {
    const pred = gold.filter((_, i) => i % 5 !== 4);
    const s = scoreEntities(gold, pred, LABELS);
    expect(s.strict.micro.recall).toBeCloseTo(0.8, 10);
    expect(s.strict.micro.precision).toBe(1);
    expect(s.strict.micro.f1).toBeCloseTo((2 * 0.8) / 1.8, 10);
    expect(s.misses).toHaveLength(4);
  });

  it('a shifted span counts for lenient, not strict', () => {
    const pred = [{ ...gold[0]!, start: 1, end: 5 }];
    const s = scoreEntities([gold[0]!], pred, LABELS);
    expect(s.strict.micro).toMatchObject({ tp: 0, fp: 1, fn: 1 });
    expect(s.lenient.micro).toMatchObject({ tp: 1, fp: 0, fn: 0, f1: 1 });
  });

  it('a wrong label is a miss and a false alarm', () => {
    const s = scoreEntities([gold[0]!], [{ ...gold[0]!, label: 'PERSON' }], LABELS);
    expect(s.strict.perLabel.ORG).toMatchObject({ tp: 0, fn: 1 });
    expect(s.strict.perLabel.PERSON).toMatchObject({ tp: 0, fp: 1 });
  });

  it('linking counts mention pairs: one split entity loses recall, one merge loses precision', () => {
    // Gold: a,b same entity A; c entity C. Predicted ids: a→x, b→y (split), c→x (merged with a).
    const g = [m(0, 'ORG', 'A'), m(10, 'ORG', 'A'), m(20, 'ORG', 'C')];
    const p = [{ ...g[0]!, id: 'x' }, { ...g[1]!, id: 'y' }, { ...g[2]!, id: 'x' }];
    const s = scoreEntities(g, p, LABELS);
    // Pairs: (a,b) same gold, different pred → fn; (a,c) different gold, same pred → fp; (b,c) neither.
    expect(s.linking).toMatchObject({ tp: 0, fp: 1, fn: 1 });
  });

  it('labels outside the scored set are ignored on both sides', () => {
    const s = scoreEntities([m(0, 'NORP', 'Iraq')], [m(50, 'NORP', 'Iraq')], LABELS);
    expect(s.strict.micro).toMatchObject({ tp: 0, fp: 0, fn: 0 });
  });
});
