import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotateDocument, compilePipeline } from '../../src/core/compiled-pipeline.js';
import { documentFromText } from '../../src/core/document.js';
import { loadPipeline } from '../../src/core/pipeline.js';
import { offsetProblem, type SpanRecord } from '../../src/core/record.js';
import { scoreEntities } from '../../src/eval/entity-score.js';
import { floors, readGold, readPages } from '../gold.js';
import { ROOT } from '../helpers.js';

const sets = [
  { name: 'seeds', dir: 'seeds', gold: 'tests/gold/entities.jsonl' },
  { name: 'heldout', dir: 'tests/heldout/pages', gold: 'tests/heldout/entities.gold.jsonl' },
  { name: 'heldout-b', dir: 'tests/heldout-b/pages', gold: 'tests/heldout-b/entities.gold.jsonl' },
].filter((s) => existsSync(join(ROOT, s.gold)));

describe.each(sets)('entities gold: $name', ({ name, dir, gold }) => {
  const floor = floors.entities[name];
  it(`reaches the quality floor (strict micro F1 ≥ ${floor.micro_f1} over PERSON/COUNTRY/ORG, linking F1 ≥ ${floor.linking_f1})`, async () => {
    const compiled = await compilePipeline(loadPipeline(join(ROOT, 'pipelines/default.json')));
    const pages = readPages(dir);
    const pred: SpanRecord[] = [];
    for (const page of pages) pred.push(...annotateDocument(compiled, documentFromText(page.id, page.text)).get('entities')!);
    const goldRecords = readGold(gold);
    const texts = new Map(pages.map((p) => [p.id, p.text]));
    for (const r of goldRecords) expect(offsetProblem(r, texts.get(r.doc)!)).toBeNull();
    const core = scoreEntities(goldRecords, pred, ['PERSON', 'COUNTRY', 'ORG']);
    const all = scoreEntities(goldRecords, pred, ['PERSON', 'COUNTRY', 'ORG', 'LOCATION', 'NORP']);
    expect(core.strict.micro.f1).toBeGreaterThanOrEqual(floor.micro_f1);
    expect(all.linking.f1).toBeGreaterThanOrEqual(floor.linking_f1);
  });
});
