/**
 * Fitting the claims stage's learned weights: logistic regression over the cues plus the lemmas of
 * a sentence's words, claim (sourced or unsourced) against not a claim. Used by `annotate
 * train-claims` (the user's own labelled comments) and by bench/train-claims.ts (the built-in
 * weights). Deterministic: batch gradient descent from fixed starting weights, no randomness.
 *
 * The cue weights start at the hand-set rule weights and the L2 penalty pulls them back there
 * (words start at and are pulled toward 0): the model is the rules corrected by the data, and a
 * cue the data hardly shows keeps about the weight the guideline gave it.
 */
import { prf, type Prf } from '../../eval/prf.js';
import { CUE_IDS, type CueId } from './types.js';
import { RULE_WEIGHTS } from './weights.js';

/** One labelled sentence as the model sees it. */
export interface TrainingExample {
  /** Its document: cross-validation keeps each document on one side. */
  doc: string;
  /** How many times each cue fired, in CUE_IDS order. */
  cues: number[];
  /** Its word features (wordFeatures()). */
  words: string[];
  /** 1 for a claim (sourced or unsourced), 0 for not a claim. */
  y: 0 | 1;
  /** Weight of the sentence in the loss (default 1). */
  weight?: number;
}

export interface FitOptions {
  /** L2 strength (per sentence, on the mean loss). */
  lambda: number;
  /** Words seen in at least this many training sentences become features. */
  minCount: number;
  /** Whether each class weighs the same in total (claims are rarer than non-claims). */
  balanced: boolean;
}

export const DEFAULT_FIT: FitOptions = { lambda: 0.01, minCount: 3, balanced: true };
const EPOCHS = 3000;
const RATE = 0.5;

export interface ClaimModel {
  bias: number;
  /** Weight per cue, in CUE_IDS order. */
  cues: number[];
  /** Weight per word feature. */
  words: Map<string, number>;
  /** The model's log-odds that a sentence is a claim. */
  logit(e: TrainingExample): number;
}

export function fitClaimModel(train: readonly TrainingExample[], options: FitOptions = DEFAULT_FIT): ClaimModel {
  const counts = new Map<string, number>();
  for (const e of train) for (const w of new Set(e.words)) counts.set(w, (counts.get(w) ?? 0) + 1);
  const vocab = [...counts].filter(([, c]) => c >= options.minCount).map(([w]) => w).sort();
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
  const pos = train.filter((e) => e.y === 1).length;
  const classWeight = (y: number) => (!options.balanced || pos === 0 || pos === train.length ? 1 : y === 1 ? train.length / (2 * pos) : train.length / (2 * (train.length - pos)));
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    rows.forEach((x, i) => {
      const z = b + x.reduce((s, [k, v]) => s + w[k]! * v, 0);
      const e = train[i]!;
      const err = (1 / (1 + Math.exp(-z)) - e.y) * classWeight(e.y) * (e.weight ?? 1);
      gb += err;
      for (const [k, v] of x) gw[k]! += err * v;
    });
    b -= (RATE * gb) / train.length;
    for (let k = 0; k < d; k++) w[k]! -= RATE * (gw[k]! / train.length + options.lambda * (w[k]! - centre[k]!));
  }
  const words = new Map(vocab.map((word, i) => [word, w[CUE_IDS.length + i]!]));
  return {
    bias: b,
    cues: w.slice(0, CUE_IDS.length),
    words,
    logit: (e) => {
      let z = b;
      e.cues.forEach((v, k) => (z += w[k]! * v));
      for (const word of new Set(e.words)) if (index.has(word)) z += w[index.get(word)!]!;
      return z;
    },
  };
}

/**
 * Every sentence's log-odds from a model that did not train on it: `folds`-fold cross-validation
 * with whole documents as folds (documents in name order, dealt round-robin; deterministic).
 */
export function crossValidatedLogits<E extends TrainingExample>(examples: readonly E[], options: FitOptions = DEFAULT_FIT, folds = 5): { example: E; z: number }[] {
  const docs = [...new Set(examples.map((e) => e.doc))].sort();
  const foldOf = new Map(docs.map((d, i) => [d, i % folds]));
  const scored: { example: E; z: number }[] = [];
  for (let fold = 0; fold < Math.min(folds, docs.length); fold++) {
    const model = fitClaimModel(examples.filter((e) => foldOf.get(e.doc) !== fold), options);
    for (const example of examples.filter((e) => foldOf.get(e.doc) === fold)) scored.push({ example, z: model.logit(example) });
  }
  return scored;
}

/** Claim-vs-not P/R/F1 of scored sentences when a claim needs log-odds ≥ `threshold`. */
export function claimPrf(scored: readonly { example: TrainingExample; z: number }[], threshold = 0): Prf {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { example, z } of scored) {
    if (z >= threshold && example.y) tp++;
    else if (z >= threshold) fp++;
    else if (example.y) fn++;
  }
  return prf(tp, fp, fn);
}

/** The weights file of a fitted model (the format src/stages/claims/learned-weights.json has; README). */
export function weightsFile(model: ClaimModel, examples: readonly TrainingExample[], comment: string) {
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return {
    $comment: comment,
    bias: round(model.bias),
    cues: Object.fromEntries(CUE_IDS.map((id, k) => [id, round(model.cues[k]!)])) as Record<CueId, number>,
    fired: Object.fromEntries(CUE_IDS.map((id, k) => [id, examples.filter((e) => e.cues[k]! > 0).length])) as Record<CueId, number>,
    // Words whose weight rounds below 0.05 in size are left out: they change no score by more than that.
    words: Object.fromEntries([...model.words].map(([word, v]) => [word, round(v)]).filter(([, v]) => Math.abs(v as number) >= 0.05)),
  };
}
