/**
 * Every claims figure of the README's table in one run: for each labelled set, the learned weights
 * (pipelines/default.json) and the rules (pipelines/claims-rules.json), unsourced_claim
 * F1 with its 95 % bootstrap interval and claim-vs-not F1, next to the label-everything baseline.
 * The same numbers as `annotate eval --gold <set> <pages> [-p pipelines/claims-rules.json]`.
 * The sets' roles (development, report, fresh) are in README, "Quality and tests".
 *
 *   npm run build && node dist/bench/claims-report.js
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { annotateDocument, compilePipeline } from '../src/core/compiled-pipeline.js';
import { documentFromText } from '../src/core/document.js';
import { parseJsonLines } from '../src/core/jsonl.js';
import { packageRoot } from '../src/core/package-root.js';
import { loadPipeline } from '../src/core/pipeline.js';
import type { SpanRecord } from '../src/core/record.js';
import { scoreClaims } from '../src/eval/claim-score.js';
import { CLAIM_SETS } from './claim-sets.js';

const root = packageRoot();
const PIPELINES = [
  { name: 'learned', file: 'pipelines/default.json' },
  { name: 'rules', file: 'pipelines/claims-rules.json' },
];

const compiled = await Promise.all(PIPELINES.map(async (p) => compilePipeline(loadPipeline(join(root, p.file)))));
const pct = (x: number) => x.toFixed(3);
console.log('| set | role | weights | unsourced F1 (95 % interval) | claim vs not F1 | everything unsourced |');
console.log('|---|---|---|---|---|---|');
for (const set of CLAIM_SETS) {
  const gold = parseJsonLines<SpanRecord>(readFileSync(join(root, set.gold), 'utf8'), set.gold);
  const pages = readdirSync(join(root, set.pages)).filter((f) => f.endsWith('.txt')).sort();
  compiled.forEach((pipeline, k) => {
    const pred: SpanRecord[] = [];
    for (const file of pages) {
      const text = readFileSync(join(root, set.pages, file), 'utf8').replace(/^\ufeff/, '');
      pred.push(...annotateDocument(pipeline, documentFromText(file.replace(/\.txt$/, ''), text)).get('claims')!);
    }
    const score = scoreClaims(gold, pred);
    const u = score.perLabel.unsourced_claim!;
    const i = score.intervals.unsourced;
    console.log(`| ${set.name} | ${set.role} | ${PIPELINES[k]!.name} | ${pct(u.f1)} (${pct(i.low)}–${pct(i.high)}) | ${pct(score.claim.f1)} | ${pct(score.baseline.unsourcedF1)} |`);
  });
}
console.log('\nCLEF 2020 tweets: node dist/bench/clef-claims.js [tsv] [learned|rules]');
