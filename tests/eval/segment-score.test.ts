import { describe, expect, it } from 'vitest';
import type { SpanRecord } from '../../src/core/record.js';
import { scoreSegments } from '../../src/eval/segment-score.js';

const c = (index: number, start: number, author: string | null, depth: number, parent: number | null): SpanRecord => ({ doc: 'd', start, end: start + 5, text: 'xxxxx', kind: 'comment', index, author, depth, parent });
const gold = [{ doc: 'd', start: 0, end: 5, text: 'Title', kind: 'title' }, c(0, 10, 'ann', 0, null), c(1, 20, 'bob', 1, 0), c(2, 30, null, 2, 1)];

describe('scoreSegments (hand-checked cases)', () => {
  it('a perfect prediction scores 1.0', () => {
    const s = scoreSegments(gold, gold);
    expect(s.micro.f1).toBe(1);
    expect(s.comments).toMatchObject({ author: 1, depth: 1, parent: 1, matched: 3 });
  });

  it('compares parents by the parent comment, not by its index', () => {
    // The prediction misses comment 0, so indexes shift, but comment 2 still replies to the same comment.
    const pred = [gold[0]!, c(0, 20, 'bob', 1, null), c(1, 30, null, 2, 0)];
    const s = scoreSegments(gold, pred);
    expect(s.comments.matched).toBe(2);
    expect(s.comments.parent).toBe(0.5); // bob's parent was missed (null ≠ comment at 10); the reply's parent matches
    expect(s.comments.found).toMatchObject({ tp: 2, fp: 0, fn: 1 });
  });

  it('counts wrong authors and depths among matched comments', () => {
    const pred = [gold[0]!, c(0, 10, 'ann', 0, null), c(1, 20, 'Bob', 1, 0), c(2, 30, null, 1, 1)];
    const s = scoreSegments(gold, pred);
    expect(s.comments.author).toBeCloseTo(2 / 3);
    expect(s.comments.depth).toBeCloseTo(2 / 3);
  });
});
