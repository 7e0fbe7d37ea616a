/**
 * Fits the "learned" claim model: logistic regression (class-balanced, batch gradient descent)
 * over the cues the rules use plus the lemmas of the sentence's words, on every
 * development set (the seed gold, the training set tests/training/ and the first held-out set,
 * a development set since its errors were read), and on request the extra training set of
 * debate turns and YouTube comments (tests/training-extra/). Claim (sourced or unsourced) vs
 * not. Never trained on the report sets (tests/heldout-claims-2/, tests/heldout-claims-3/) or
 * on CLEF 2020.
 * The cue weights start at the hand-set rule weights and the L2 penalty pulls them back there
 * (words start at and are pulled toward 0): the model is the rules corrected by the data, and a cue
 * the data hardly shows (a URL, quoting the article, a sentence introducing a source: a few
 * firings in 1,766 sentences) keeps about the weight the guideline gave it instead of shrinking
 * to nothing. Fox cross-validation: 0.651 against 0.629 with every weight pulled toward 0.
 * Also prints the cross-validated F1 at raised thresholds (log-odds shifts of the bias): class balance
 * makes the fit find claims at the cost of precision, and on the Fox folds a shift of 0.4–0.8 scores
 * best (0.686 against 0.653). Applied (0.7), it lowered every report and fresh set (README, sixth
 * round), so no shift is applied unless BIAS_SHIFT=<log-odds> asks for one.
 * Prints a 5-fold cross-validation with whole documents as folds (sentences of one page never
 * sit on both sides), then fits on all of it and writes src/stages/claims/learned-weights.json.
 *
 *   npm run build && node dist/bench/train-claims.js
 *
 * Settings (environment): EXTRA=1 adds tests/training-extra/ (EXTRA_WEIGHT: the weight of its
 * sentences, default 1); LAMBDA (L2, default 0.01) and MIN_COUNT (word threshold, default 3);
 * BALANCED=0 drops the class balance. The defaults are the best cross-validated on the Fox comments.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/core/package-root.js';
import { prf } from '../src/eval/prf.js';
import { CUE_IDS } from '../src/stages/claims/types.js';
import { RULE_WEIGHTS } from '../src/stages/claims/weights.js';
import { wordFeatures } from '../src/stages/claims/words.js';
import { loadClaimExamples } from './claim-examples.js';
import { CLAIM_SETS } from './claim-sets.js';

const root = packageRoot();

interface Example {
  doc: string;
  /** Whether the sentence is a Fox News reader comment (the development sets) rather than extra training text. */
  fox: boolean;
  cues: number[];
  words: string[];
  y: number;
}
// The development sets (all Fox comments), and the extra training set on request.
const TRAINING_SETS = CLAIM_SETS.filter((set) => set.role === 'development' || set.name === 'training-extra');
const examples: Example[] = [];
// The extra training set is left out unless EXTRA=1: on the Fox comments' cross-validation it did not help (README).
for (const { pages, gold, fox } of TRAINING_SETS.filter((set) => set.fox || process.env.EXTRA === '1')) {
  for (const e of await loadClaimExamples(pages, gold)) examples.push({ doc: e.doc, fox, cues: e.cues, words: wordFeatures(e.tokens), y: e.label === 'not_claim' ? 0 : 1 });
}

/** Words seen in at least MIN_COUNT training sentences become features. */
const MIN_COUNT = Number(process.env.MIN_COUNT ?? 3);
const LAMBDA = Number(process.env.LAMBDA ?? 0.01);
/** Weight of an extra training sentence relative to a Fox comment. */
const EXTRA_WEIGHT = Number(process.env.EXTRA_WEIGHT ?? 1);
/** Whether each class weighs the same in total. */
const BALANCED = process.env.BALANCED !== '0';
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
  // Where the L2 penalty pulls each weight: the rule weight for a cue, 0 for a word. Weights start there.
  const centre = [...CUE_IDS.map((id) => RULE_WEIGHTS.cues[id]), ...new Array<number>(vocab.length).fill(0)];
  const w = [...centre];
  let b = 0;
  // Class balance: claims are rarer than non-claims in comments; each class weighs the same in total.
  const pos = train.filter((e) => e.y === 1).length;
  const weightOf = (y: number) => (!BALANCED ? 1 : y === 1 ? train.length / (2 * pos) : train.length / (2 * (train.length - pos)));
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    rows.forEach((x, i) => {
      const z = b + x.reduce((s, [k, v]) => s + w[k]! * v, 0);
      const err = (1 / (1 + Math.exp(-z)) - train[i]!.y) * weightOf(train[i]!.y) * (train[i]!.fox ? 1 : EXTRA_WEIGHT);
      gb += err;
      for (const [k, v] of x) gw[k]! += err * v;
    });
    b -= (RATE * gb) / train.length;
    for (let k = 0; k < d; k++) w[k]! -= RATE * (gw[k]! / train.length + LAMBDA * (w[k]! - centre[k]!));
  }
  /** The model's log-odds that the sentence is a claim. */
  const logit = (e: Example) => {
    let z = b;
    e.cues.forEach((v, k) => (z += w[k]! * v));
    for (const word of new Set(e.words)) if (index.has(word)) z += w[index.get(word)!]!;
    return z;
  };
  return { b, w, vocab, logit };
}

// 5-fold cross-validation with whole documents as folds (documents in name order, dealt round-robin; deterministic).
const docs = [...new Set(examples.map((e) => e.doc))].sort();
const foldOf = new Map(docs.map((d, i) => [d, i % 5]));
// Every sentence's log-odds from the fold that did not train on it.
const scored: { fox: boolean; y: number; z: number }[] = [];
for (let fold = 0; fold < 5; fold++) {
  const model = fit(examples.filter((e) => foldOf.get(e.doc) !== fold));
  for (const e of examples.filter((e) => foldOf.get(e.doc) === fold)) scored.push({ fox: e.fox, y: e.y, z: model.logit(e) });
}
/** Claim-vs-not P/R/F1 of the held-out folds when a claim needs log-odds ≥ `shift` (over all sentences, or the Fox comments only). */
function cvAt(shift: number, foxOnly: boolean) {
  let tp = 0, fp = 0, fn = 0;
  for (const { fox, y, z } of scored) {
    if (foxOnly && !fox) continue;
    if (z >= shift && y) tp++;
    else if (z >= shift) fp++;
    else if (y) fn++;
  }
  return prf(tp, fp, fn);
}
// Cross-validated F1 on the Fox comments at bias shifts (log-odds) 0 to 1.5, shown for calibration.
// The shift that is best here did not carry over to fresh text, so none is applied by default.
const SHIFTS = Array.from({ length: 16 }, (_, i) => i / 10);
const f1At = SHIFTS.map((t) => cvAt(t, true).f1);
const shift = Number(process.env.BIAS_SHIFT ?? 0);
const cv = cvAt(shift, false);
const cvFox = cvAt(shift, true);
const cvUnshifted = cvAt(0, true);
const model = fit(examples);
const round = (v: number) => Math.round(v * 1000) / 1000;
const words = Object.fromEntries(model.vocab.map((word, i) => [word, round(model.w[CUE_IDS.length + i]!)]).filter(([, v]) => Math.abs(v as number) >= 0.05));
const learned = {
  $comment: `Fitted by bench/train-claims.ts on ${examples.length} hand-labelled sentences (${examples.filter((e) => e.fox).length} Fox comments of the development sets: seeds, training, first held-out; ${examples.filter((e) => !e.fox).length} extra training sentences; ${examples.filter((e) => e.y).length} claims). ${shift ? `Bias lowered by ${shift} (log-odds) from the fit (BIAS_SHIFT). ` : ''}5-fold CV by document: claim-vs-not F1 ${round(cv.f1)}, on the Fox comments ${round(cvFox.f1)}${shift ? ` (${round(cvUnshifted.f1)} without the shift)` : ''}. Do not edit by hand.`,
  bias: round(model.b - shift),
  cues: Object.fromEntries(CUE_IDS.map((id, k) => [id, round(model.w[k]!)])),
  fired: Object.fromEntries(CUE_IDS.map((id, k) => [id, examples.filter((e) => e.cues[k]! > 0).length])),
  words,
};
writeFileSync(join(root, 'src/stages/claims/learned-weights.json'), JSON.stringify(learned, null, 2) + '\n');
console.log(`trained on ${examples.length} sentences in ${docs.length} documents (${examples.filter((e) => e.fox).length} Fox comments; ${examples.filter((e) => e.y).length} claims), ${model.vocab.length} word features; 5-fold CV by document, claim-vs-not P ${cv.precision.toFixed(3)} R ${cv.recall.toFixed(3)} F1 ${cv.f1.toFixed(3)}; on the Fox comments P ${cvFox.precision.toFixed(3)} R ${cvFox.recall.toFixed(3)} F1 ${cvFox.f1.toFixed(3)}`);
console.log(`bias shift applied: ${shift} (log-odds); Fox CV F1 by shift: ${SHIFTS.map((t, i) => `${t}: ${f1At[i]!.toFixed(3)}`).join(', ')}`);
