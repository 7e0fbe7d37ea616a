/**
 * Claim detection on text it was not written for: the CLEF CheckThat! 2020 task 1 tweet test
 * split (`claim` column), read from ../shared/datasets. Each tweet is annotated as a one-page
 * document with the claims stage labelling every segment kind; a tweet counts as a claim when
 * any of its sentences is a (sourced or unsourced) claim. Prints claim-vs-not precision,
 * recall and F1 next to the label-everything-positive baseline. Nothing is trained or tuned
 * on the test split; the training split's misses were read for misfires in the fifth round
 * (a development split since).
 *
 *   node dist/bench/clef-claims.js [path/to/test-gold.tsv] [learned|rules]
 *
 * The second argument picks the claims stage's weights (default: learned, the stage's default).
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { annotateDocument, compilePipeline } from '../src/core/compiled-pipeline.js';
import { documentFromText } from '../src/core/document.js';
import { packageRoot } from '../src/core/package-root.js';
import { parsePipeline } from '../src/core/pipeline.js';
import { prf } from '../src/eval/prf.js';

const root = packageRoot();
const file = process.argv[2] || join(root, '../shared/datasets/clef2020-checkthat-task1-tweets/test-gold.tsv');
const weights = process.argv[3] ?? 'learned';
if (weights !== 'rules' && weights !== 'learned') {
  console.error(`clef-claims: the weights must be "rules" or "learned", got "${weights}"`);
  process.exit(2);
}
const rows = readFileSync(file, 'utf8')
  .split('\n')
  .slice(1)
  .filter((l) => l.trim() !== '')
  .map((l) => l.split('\t'))
  .map((c) => ({ id: c[1]!, text: c[3]!, claim: c[4] === '1' }));

const pipeline = parsePipeline(
  JSON.stringify({
    stages: [
      { id: 'segment', stage: 'segment' },
      { id: 'tokenize', stage: 'tokenize', options: { sentenceBreaks: 'paragraph' } },
      { id: 'entities', stage: 'entities' },
      { id: 'claims', stage: 'claims', options: { weights, sections: ['title', 'dateline', 'body', 'caption', 'source', 'footer', 'comment'] } },
    ],
  }),
  'clef-claims',
);
const compiled = await compilePipeline({ ...pipeline, baseDir: root });
let tp = 0;
let fp = 0;
let fn = 0;
for (const row of rows) {
  const records = annotateDocument(compiled, documentFromText(row.id, row.text)).get('claims')!;
  const predicted = records.some((r) => r.label !== 'not_claim');
  if (predicted && row.claim) tp++;
  else if (predicted) fp++;
  else if (row.claim) fn++;
}
const positives = rows.filter((r) => r.claim).length;
const ours = prf(tp, fp, fn);
const baseline = prf(positives, rows.length - positives, 0);
const f = (p: ReturnType<typeof prf>) => `P ${p.precision.toFixed(3)}  R ${p.recall.toFixed(3)}  F1 ${p.f1.toFixed(3)}`;
// The split is named by its file (test-gold.tsv by default; training_v2.tsv and dev_v2.tsv when given).
console.log(`CLEF 2020 CheckThat! task 1 tweets, ${basename(file)}: ${rows.length} tweets, ${positives} claims`);
console.log(`claims stage, ${weights.padEnd(7)} (claim vs not): ${f(ours)}`);
console.log(`label-everything-claim baseline:      ${f(baseline)}`);
