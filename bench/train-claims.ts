/**
 * Fits the "learned" claim model: logistic regression (L2, class-balanced, batch gradient
 * descent) over the cues the rules use plus the lemmas of the sentence's words, on every
 * development set: the seed gold, the training set (tests/training/) and the first held-out
 * set (a development set since its errors were read). Claim (sourced or unsourced) vs not.
 * Never trained on the second held-out set (tests/heldout-claims-2/, the report set) or CLEF.
 * Prints a 5-fold cross-validation with whole documents as folds (sentences of one page never
 * sit on both sides), then fits on all of it and writes src/stages/claims/learned-weights.json.
 *
 *   npm run build && node dist/bench/train-claims.js
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/core/package-root.js';
import { prf } from '../src/eval/prf.js';
import { CUE_IDS } from '../src/stages/claims/types.js';
import { wordFeatures } from '../src/stages/claims/words.js';
import { loadClaimExamples } from './claim-examples.js';

const root = packageRoot();

interface Example {
  doc: string;
  cues: number[];
  words: string[];
  y: number;
}
const DEVELOPMENT_SETS = [
  ['seeds', 'tests/gold/claims.jsonl'],
  ['tests/training/pages', 'tests/training/claims.train.jsonl'],
  ['tests/heldout/pages', 'tests/heldout/claims.gold.jsonl'],
] as const;
const examples: Example[] = [];
for (const [pages, gold] of DEVELOPMENT_SETS) {
  for (const e of await loadClaimExamples(pages, gold)) examples.push({ doc: e.doc, cues: e.cues, words: wordFeatures(e.tokens), y: e.label === 'not_claim' ? 0 : 1 });
}

/** Words seen in at least MIN_COUNT training sentences become features. */
const MIN_COUNT = Number(process.env.MIN_COUNT ?? 3);
const LAMBDA = 0.02;
const EPOCHS = 3000;
const RATE = 0.5;

function fit(train: Example[]) {
  const counts = new Map<string, number>();
  for (const e of train) for (const w of new Set(e.words)) counts.set(w, (counts.get(w) ?? 0) + 1);
  const vocab = [...counts].filter(([, c]) => c >= MIN_COUNT).map(([w]) => w).sort();
  const index = new Map(vocab.map((w, i) => [w, CUE_IDS.length + i]));
  const rows = train.map((e) => {
    const x: [number, number][] = e.cues.map((v, k) => [k, v] as [number, number]).filter(([, v]) => v !== 0);
    for (const w of new Set(e.words)) if (index.has(w)) x.push([index.get(w)!, 1]);
    return x;
  });
  const d = CUE_IDS.length + vocab.length;
  const w = new Array<number>(d).fill(0);
  let b = 0;
  // Class balance: claims are rarer than non-claims in comments; each class weighs the same in total.
  const pos = train.filter((e) => e.y === 1).length;
  const weightOf = (y: number) => (y === 1 ? train.length / (2 * pos) : train.length / (2 * (train.length - pos)));
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    rows.forEach((x, i) => {
      const z = b + x.reduce((s, [k, v]) => s + w[k]! * v, 0);
      const err = (1 / (1 + Math.exp(-z)) - train[i]!.y) * weightOf(train[i]!.y);
      gb += err;
      for (const [k, v] of x) gw[k]! += err * v;
    });
    b -= (RATE * gb) / train.length;
    for (let k = 0; k < d; k++) w[k]! -= RATE * (gw[k]! / train.length + LAMBDA * w[k]!);
  }
  const predict = (e: Example) => {
    let z = b;
    e.cues.forEach((v, k) => (z += w[k]! * v));
    for (const word of new Set(e.words)) if (index.has(word)) z += w[index.get(word)!]!;
    return z >= 0 ? 1 : 0;
  };
  return { b, w, vocab, predict };
}

// 5-fold cross-validation with whole documents as folds (documents in name order, dealt round-robin; deterministic).
const docs = [...new Set(examples.map((e) => e.doc))].sort();
const foldOf = new Map(docs.map((d, i) => [d, i % 5]));
let tp = 0;
let fp = 0;
let fn = 0;
for (let fold = 0; fold < 5; fold++) {
  const test = examples.filter((e) => foldOf.get(e.doc) === fold);
  const model = fit(examples.filter((e) => foldOf.get(e.doc) !== fold));
  for (const e of test) {
    const p = model.predict(e);
    if (p && e.y) tp++;
    else if (p) fp++;
    else if (e.y) fn++;
  }
}
const cv = prf(tp, fp, fn);
const model = fit(examples);
const round = (v: number) => Math.round(v * 1000) / 1000;
const words = Object.fromEntries(model.vocab.map((word, i) => [word, round(model.w[CUE_IDS.length + i]!)]).filter(([, v]) => Math.abs(v as number) >= 0.05));
const learned = {
  $comment: `Fitted by bench/train-claims.ts on the ${examples.length} hand-labelled sentences of the development sets (seeds, training, first held-out; ${examples.filter((e) => e.y).length} claims). 5-fold CV by document: claim-vs-not F1 ${round(cv.f1)}. Do not edit by hand.`,
  bias: round(model.b),
  cues: Object.fromEntries(CUE_IDS.map((id, k) => [id, round(model.w[k]!)])),
  fired: Object.fromEntries(CUE_IDS.map((id, k) => [id, examples.filter((e) => e.cues[k]! > 0).length])),
  words,
};
writeFileSync(join(root, 'src/stages/claims/learned-weights.json'), JSON.stringify(learned, null, 2) + '\n');
console.log(`trained on ${examples.length} development sentences in ${docs.length} documents (${examples.filter((e) => e.y).length} claims), ${model.vocab.length} word features; 5-fold CV by document, claim-vs-not P ${cv.precision.toFixed(3)} R ${cv.recall.toFixed(3)} F1 ${cv.f1.toFixed(3)}`);
