import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotateDocument, compilePipeline } from '../../src/core/compiled-pipeline.js';
import { documentFromText } from '../../src/core/document.js';
import { loadPipeline } from '../../src/core/pipeline.js';
import { offsetProblem, type SpanRecord } from '../../src/core/record.js';
import { scoreClaims } from '../../src/eval/claim-score.js';
import { floors, readGold, readPages } from '../gold.js';
import { ROOT } from '../helpers.js';

const sets = [
  { name: 'seeds', dir: 'seeds', gold: 'tests/gold/claims.jsonl' },
  { name: 'heldout', dir: 'tests/heldout/pages', gold: 'tests/heldout/claims.gold.jsonl' },
  // A development set like the seeds: its floor keeps rule changes from trading it away unseen.
  { name: 'training', dir: 'tests/training/pages', gold: 'tests/training/claims.train.jsonl' },
];

describe.each(sets)('claims gold: $name', ({ name, dir, gold }) => {
  const floor = floors.claims[name];
  it(`reaches the quality floor (unsourced_claim F1 ≥ ${floor.unsourced_f1}, claim-vs-not F1 ≥ ${floor.claim_f1})`, async () => {
    const compiled = await compilePipeline(loadPipeline(join(ROOT, 'pipelines/default.json')));
    const pages = readPages(dir);
    const pred: SpanRecord[] = [];
    for (const page of pages) pred.push(...annotateDocument(compiled, documentFromText(page.id, page.text)).get('claims')!);
    const goldRecords = readGold(gold);
    const texts = new Map(pages.map((p) => [p.id, p.text]));
    for (const r of goldRecords) expect(offsetProblem(r, texts.get(r.doc)!)).toBeNull();
    const score = scoreClaims(goldRecords, pred);
    expect(score.unmatched).toBe(0);
    expect(score.perLabel.unsourced_claim!.f1).toBeGreaterThanOrEqual(floor.unsourced_f1);
    expect(score.claim.f1).toBeGreaterThanOrEqual(floor.claim_f1);
  });
});
