/**
 * Fits the "learned" claim weights: logistic regression (L2-regularised, gradient descent)
 * over the same cues the rules use, on the CLEF CheckThat! 2020 task 1 tweet TRAINING split
 * (`claim` column) — never its dev or test split, never the seed or held-out gold. Each tweet
 * is one example (its cues over the whole text). Writes src/stages/claims/learned-weights.json.
 *
 *   npm run build && node dist/bench/train-claims.js [path/to/training_v2.tsv]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { annotateDocument, compilePipeline } from '../src/core/compiled-pipeline.js';
import { documentFromText } from '../src/core/document.js';
import { packageRoot } from '../src/core/package-root.js';
import { parsePipeline } from '../src/core/pipeline.js';
import { findAttribution, squash } from '../src/stages/claims/attribution.js';
import { claimCues } from '../src/stages/claims/cues.js';
import { loadClaimLexicons } from '../src/stages/claims/lexicons.js';
import { CUE_IDS, type Mention, type Token } from '../src/stages/claims/types.js';

const root = packageRoot();
const file = process.argv[2] ?? join(root, '../shared/datasets/clef2020-checkthat-task1-tweets/training_v2.tsv');
const rows = readFileSync(file, 'utf8')
  .split('\n')
  .slice(1)
  .filter((l) => l.trim() !== '')
  .map((l) => l.split('\t'))
  .map((c) => ({ id: c[1]!, text: c[3]!, claim: c[4] === '1' ? 1 : 0 }));

const pipeline = parsePipeline(JSON.stringify({ stages: [{ id: 'segment', stage: 'segment' }, { id: 'tokenize', stage: 'tokenize', options: { sentenceBreaks: 'paragraph' } }, { id: 'entities', stage: 'entities' }] }), 'train-claims');
const compiled = await compilePipeline({ ...pipeline, baseDir: root });
const lexicons = loadClaimLexicons('src/stages/claims/lexicons', root);

const X: number[][] = [];
const y: number[] = [];
for (const row of rows) {
  const layers = annotateDocument(compiled, documentFromText(row.id, row.text));
  const tokens = layers.get('tokenize')!.flatMap((s) => s.tokens as Token[]);
  const mentions = layers.get('entities')! as unknown as Mention[];
  const cues = [...claimCues(row.text, tokens, mentions, lexicons), ...findAttribution(row.text, 0, tokens, mentions, lexicons, squash('')).cues];
  const x = CUE_IDS.map((id) => cues.filter((c) => c.id === id).reduce((s, c) => s + c.count, 0));
  X.push(x);
  y.push(row.claim);
}

// Logistic regression by batch gradient descent; L2 keeps cues that rarely fire near zero.
const n = X.length;
const d = CUE_IDS.length;
const w = new Array<number>(d).fill(0);
let b = 0;
const lambda = 0.002;
const rate = 0.5;
for (let epoch = 0; epoch < 6000; epoch++) {
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
  $comment: `Fitted by bench/train-claims.ts on ${rows.length} tweets of the CLEF CheckThat! 2020 task 1 training split (claim label). Do not edit by hand.`,
  bias: round(b),
  cues: Object.fromEntries(CUE_IDS.map((id, k) => [id, round(w[k]!)])),
  fired: Object.fromEntries(CUE_IDS.map((id, k) => [id, X.filter((x) => x[k]! > 0).length])),
};
writeFileSync(join(root, 'src/stages/claims/learned-weights.json'), JSON.stringify(learned, null, 2) + '\n');
console.log(`trained on ${n} tweets (${y.filter((v) => v === 1).length} claims); bias ${learned.bias}`);
for (const id of CUE_IDS) console.log(`${id.padEnd(26)} ${String(learned.cues[id]).padStart(6)}  (fired in ${learned.fired[id]})`);
