/**
 * Fits the "learned" claim weights: logistic regression (L2-regularised, batch gradient
 * descent) over exactly the cues the rules use, on the hand-labelled TRAINING sentences in
 * tests/training/ (Fox News comments disjoint from every test page). Claim (sourced or
 * unsourced) vs not. Never trained on the seed gold, the held-out gold or CLEF.
 * Writes src/stages/claims/learned-weights.json.
 *
 *   npm run build && node dist/bench/train-claims.js
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { annotateDocument, compilePipeline } from '../src/core/compiled-pipeline.js';
import { documentFromText } from '../src/core/document.js';
import { packageRoot } from '../src/core/package-root.js';
import { parsePipeline } from '../src/core/pipeline.js';
import { loadClaimLexicons } from '../src/stages/claims/lexicons.js';
import { sentenceCues } from '../src/stages/claims/index.js';
import { CUE_IDS } from '../src/stages/claims/types.js';
import { readdirSync, readFileSync } from 'node:fs';
import { parseJsonLines } from '../src/core/jsonl.js';
import type { SpanRecord } from '../src/core/record.js';

const root = packageRoot();
const trainFile = join(root, 'tests/training/claims.train.jsonl');
const labels = new Map(parseJsonLines<SpanRecord>(readFileSync(trainFile, 'utf8'), trainFile).map((r) => [`${r.doc}:${r.start}`, r.label as string]));
const pagesDir = join(root, 'tests/training/pages');
const pages = readdirSync(pagesDir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ id: f.replace(/\.txt$/, ''), text: readFileSync(join(pagesDir, f), 'utf8').replace(/^\ufeff/, '') }));
const pipeline = parsePipeline(JSON.stringify({ stages: [{ id: 'segment', stage: 'segment' }, { id: 'tokenize', stage: 'tokenize' }, { id: 'entities', stage: 'entities' }] }), 'train-claims');
const compiled = await compilePipeline({ ...pipeline, baseDir: root });
const lexicons = loadClaimLexicons('src/stages/claims/lexicons', root);

const X: number[][] = [];
const y: number[] = [];
for (const page of pages) {
  const doc = documentFromText(page.id, page.text);
  for (const { sentence, cues } of sentenceCues(doc, annotateDocument(compiled, doc), new Set(['comment']), lexicons)) {
    const label = labels.get(`${page.id}:${sentence.start}`);
    if (!label) continue;
    X.push(CUE_IDS.map((id) => cues.filter((c) => c.id === id).reduce((s, c) => s + c.count, 0)));
    y.push(label === 'not_claim' ? 0 : 1);
  }
}

const n = X.length;
const d = CUE_IDS.length;
const w = new Array<number>(d).fill(0);
let b = 0;
const lambda = 0.01;
const rate = 0.5;
for (let epoch = 0; epoch < 8000; epoch++) {
  const gw = new Array<number>(d).fill(0);
  let gb = 0;
  for (let i = 0; i < n; i++) {
    const z = b + X[i]!.reduce((s, v, k) => s + v * w[k]!, 0);
    const err = 1 / (1 + Math.exp(-z)) - y[i]!;
    gb += err;
    X[i]!.forEach((v, k) => (gw[k]! += err * v));
  }
  b -= (rate * gb) / n;
  for (let k = 0; k < d; k++) w[k]! -= rate * (gw[k]! / n + lambda * w[k]!);
}
const round = (v: number) => Math.round(v * 100) / 100;
const learned = {
  $comment: `Fitted by bench/train-claims.ts on ${n} hand-labelled training sentences (tests/training/claims.train.jsonl; ${y.filter((v) => v === 1).length} claims). Do not edit by hand.`,
  bias: round(b),
  cues: Object.fromEntries(CUE_IDS.map((id, k) => [id, round(w[k]!)])),
  fired: Object.fromEntries(CUE_IDS.map((id, k) => [id, X.filter((x) => x[k]! > 0).length])),
};
writeFileSync(join(root, 'src/stages/claims/learned-weights.json'), JSON.stringify(learned, null, 2) + '\n');
console.log(`trained on ${n} sentences (${y.filter((v) => v === 1).length} claims); bias ${learned.bias}`);
for (const id of CUE_IDS) console.log(`${id.padEnd(26)} ${String(learned.cues[id]).padStart(6)}  (fired in ${learned.fired[id]})`);
