import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { offsetProblem, type SpanRecord } from '../../src/core/record.js';
import { scoreSegments } from '../../src/eval/segment-score.js';
import { segmentRecord } from '../../src/stages/segment/index.js';
import { segmentPage } from '../../src/stages/segment/page.js';
import { floors, readGold, readPages } from '../gold.js';
import { ROOT } from '../helpers.js';

function predict(dir: string): { pred: SpanRecord[]; texts: Map<string, string> } {
  const pred: SpanRecord[] = [];
  const texts = new Map<string, string>();
  for (const page of readPages(dir)) {
    texts.set(page.id, page.text);
    pred.push(...segmentPage(page.text).map((s) => segmentRecord(page.id, page.text, s)));
  }
  return { pred, texts };
}

/** Every non-space character lies in exactly one segment or comment header. */
function coverageProblems(text: string, records: readonly SpanRecord[]): string[] {
  const owner = new Int32Array(text.length);
  const mark = (start: number, end: number) => {
    for (let i = start; i < end; i++) owner[i]!++;
  };
  for (const r of records) {
    mark(r.start, r.end);
    const header = r.header as { start: number; end: number } | null | undefined;
    if (header) mark(header.start, header.end);
  }
  const problems: string[] = [];
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i]!)) continue;
    if (owner[i] !== 1) problems.push(`offset ${i} ${JSON.stringify(text[i])} covered ${owner[i]} times`);
  }
  return problems;
}

const sets = [
  { name: 'seeds', dir: 'seeds', gold: 'tests/gold/segment.jsonl', floor: floors.segment.seeds },
  { name: 'heldout', dir: 'tests/heldout/pages', gold: 'tests/heldout/segment.gold.jsonl', floor: floors.segment.heldout },
  { name: 'heldout-b', dir: 'tests/heldout-b/pages', gold: 'tests/heldout-b/segment.gold.jsonl', floor: floors.segment['heldout-b'] },
  { name: 'heldout-c', dir: 'tests/heldout-c/pages', gold: 'tests/heldout-c/segment.gold.jsonl', floor: floors.segment['heldout-c'] },
  { name: 'heldout-d', dir: 'tests/heldout-d/pages', gold: 'tests/heldout-d/segment.gold.jsonl', floor: floors.segment['heldout-d'] },
  { name: 'heldout-e', dir: 'tests/heldout-e/pages', gold: 'tests/heldout-e/segment.gold.jsonl', floor: floors.segment['heldout-e'] },
  { name: 'heldout-f', dir: 'tests/heldout-f/pages', gold: 'tests/heldout-f/segment.gold.jsonl', floor: floors.segment['heldout-f'] },
  { name: 'heldout-g', dir: 'tests/heldout-g/pages', gold: 'tests/heldout-g/segment.gold.jsonl', floor: floors.segment['heldout-g'] },
  { name: 'heldout-h', dir: 'tests/heldout-h/pages', gold: 'tests/heldout-h/segment.gold.jsonl', floor: floors.segment['heldout-h'] },
  { name: 'heldout-i', dir: 'tests/heldout-i/pages', gold: 'tests/heldout-i/segment.gold.jsonl', floor: floors.segment['heldout-i'] },
  { name: 'heldout-j', dir: 'tests/heldout-j/pages', gold: 'tests/heldout-j/segment.gold.jsonl', floor: floors.segment['heldout-j'] },
  { name: 'heldout-k', dir: 'tests/heldout-k/pages', gold: 'tests/heldout-k/segment.gold.jsonl', floor: floors.segment['heldout-k'] },
  { name: 'heldout-l', dir: 'tests/heldout-l/pages', gold: 'tests/heldout-l/segment.gold.jsonl', floor: floors.segment['heldout-l'] },
  { name: 'heldout-m', dir: 'tests/heldout-m/pages', gold: 'tests/heldout-m/segment.gold.jsonl', floor: floors.segment['heldout-m'] },
  { name: 'heldout-n', dir: 'tests/heldout-n/pages', gold: 'tests/heldout-n/segment.gold.jsonl', floor: floors.segment['heldout-n'] },
  { name: 'heldout-o', dir: 'tests/heldout-o/pages', gold: 'tests/heldout-o/segment.gold.jsonl', floor: floors.segment['heldout-o'] },
  { name: 'heldout-p', dir: 'tests/heldout-p/pages', gold: 'tests/heldout-p/segment.gold.jsonl', floor: floors.segment['heldout-p'] },
  { name: 'heldout-q', dir: 'tests/heldout-q/pages', gold: 'tests/heldout-q/segment.gold.jsonl', floor: floors.segment['heldout-q'] },
  { name: 'heldout-r', dir: 'tests/heldout-r/pages', gold: 'tests/heldout-r/segment.gold.jsonl', floor: floors.segment['heldout-r'] },
  { name: 'heldout-s', dir: 'tests/heldout-s/pages', gold: 'tests/heldout-s/segment.gold.jsonl', floor: floors.segment['heldout-s'] },
  { name: 'heldout-t', dir: 'tests/heldout-t/pages', gold: 'tests/heldout-t/segment.gold.jsonl', floor: floors.segment['heldout-t'] },
  { name: 'heldout-u', dir: 'tests/heldout-u/pages', gold: 'tests/heldout-u/segment.gold.jsonl', floor: floors.segment['heldout-u'] },
  { name: 'heldout-v', dir: 'tests/heldout-v/pages', gold: 'tests/heldout-v/segment.gold.jsonl', floor: floors.segment['heldout-v'] },
  { name: 'heldout-w', dir: 'tests/heldout-w/pages', gold: 'tests/heldout-w/segment.gold.jsonl', floor: floors.segment['heldout-w'] },
  { name: 'heldout-x', dir: 'tests/heldout-x/pages', gold: 'tests/heldout-x/segment.gold.jsonl', floor: floors.segment['heldout-x'] },
  { name: 'heldout-y', dir: 'tests/heldout-y/pages', gold: 'tests/heldout-y/segment.gold.jsonl', floor: floors.segment['heldout-y'] },
  { name: 'heldout-z', dir: 'tests/heldout-z/pages', gold: 'tests/heldout-z/segment.gold.jsonl', floor: floors.segment['heldout-z'] },
  { name: 'heldout-aa', dir: 'tests/heldout-aa/pages', gold: 'tests/heldout-aa/segment.gold.jsonl', floor: floors.segment['heldout-aa'] },
].filter((s) => existsSync(join(ROOT, s.gold)));

describe.each(sets)('segment gold: $name', ({ dir, gold, floor }) => {
  const { pred, texts } = predict(dir);
  const goldRecords = readGold(gold);

  it('gold records keep the offset contract', () => {
    for (const r of goldRecords) expect(offsetProblem(r, texts.get(r.doc)!)).toBeNull();
  });

  it('predicted segments and headers cover every non-space character exactly once', () => {
    for (const [doc, text] of texts) {
      expect(coverageProblems(text, pred.filter((r) => r.doc === doc)), doc).toEqual([]);
    }
  });

  it(`reaches the quality floor (micro F1 ≥ ${floor.micro_f1}, author/depth/parent ≥ ${floor.author}/${floor.depth}/${floor.parent})`, () => {
    const score = scoreSegments(goldRecords, pred);
    const report = [...score.misses.map((r) => `miss ${r.doc}:${r.start}-${r.end} ${r.kind} ${JSON.stringify(r.text.slice(0, 50))}`), ...score.falseAlarms.map((r) => `extra ${r.doc}:${r.start}-${r.end} ${r.kind} ${JSON.stringify(r.text.slice(0, 50))}`)];
    expect(score.micro.f1, report.join('\n')).toBeGreaterThanOrEqual(floor.micro_f1);
    expect(score.comments.author).toBeGreaterThanOrEqual(floor.author);
    expect(score.comments.depth).toBeGreaterThanOrEqual(floor.depth);
    expect(score.comments.parent).toBeGreaterThanOrEqual(floor.parent);
  });
});

describe('segment gold: seeds match fully', () => {
  it('every gold record, with every field, is predicted exactly', () => {
    const { pred } = predict('seeds');
    expect(pred).toEqual(readGold('tests/gold/segment.jsonl'));
  });
});
