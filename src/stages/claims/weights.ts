import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { UsageError } from '../../core/errors.js';
import { packageRoot } from '../../core/package-root.js';
import { CUE_IDS, type CueId } from './types.js';

/** Log-odds toward "claim" per cue (negative: toward "not a claim"), plus a bias. */
export interface ClaimWeights {
  bias: number;
  cues: Record<CueId, number>;
  /** Learned model only: weights of word lemmas present in the sentence. */
  words?: Record<string, number>;
}

/**
 * Weights set by hand from the definitions in README (and checked on the seed gold, the
 * development set). Sentence form decides first: questions, requests, wishes, predictions
 * and statements about the writer push hard toward "not a claim"; checkable content (numbers,
 * dates, past events, what a named entity does or was) pushes toward "claim". A plain
 * declarative with nothing checkable stays below the threshold (bias).
 */
export const RULE_WEIGHTS: ClaimWeights = {
  bias: -0.6,
  cues: {
    question: -3,
    'rhetorical-question': 1.5,
    exclamative: -2,
    fragment: -2.5,
    imperative: -2.5,
    wish: -2.5,
    prediction: -1.5,
    'modal-should': -1.5,
    'modal-could': -1.2,
    'modal-would': -1.0,
    'modal-can': -0.6,
    'about-writer': -2.5,
    'first-person': -0.7,
    evaluation: -0.7,
    hedge: 0,
    'no-verb': -1.5,
    'addresses-reader': -1.5,
    exclamation: -0.5,
    'number-or-date': 1.5,
    'past-event': 1.2,
    'names-entity': 0.4,
    'names-group': 0.3,
    existence: 0.8,
    quantified: 0.6,
    'entity-acts': 0.8,
    'entity-was': 0.6,
    'entity-is': 0.3,
    'subject-acts': 0.6,
    'third-person': 0.3,
    'does-or-has': 0.6,
    'evaluative-predicate': -1,
    impression: -1,
    'is-a': 0.5,
    comparison: 0.4,
    cause: 0.5,
    negation: 0,
    url: 1,
    'quotes-article-statement': 2.5,
    'quotes-article-name': 0.3,
    'vague-attribution': 0.3,
    attributed: 1,
    'previous-source': 2,
    'next-source': 2,
    'introduces-source': -2,
  },
};

/** The built-in learned weights, fitted by bench/train-claims.ts. */
export const LEARNED_WEIGHTS_FILE = 'src/stages/claims/learned-weights.json';

/** A weights file: what bench/train-claims.ts and `annotate train-claims` write (README, "Claims"). */
const weightsFileSchema = z.object({
  bias: z.number(),
  cues: z.partialRecord(z.enum(CUE_IDS), z.number()),
  /** Sentences each cue fired in while fitting; a cue that never fired keeps its rule weight. */
  fired: z.partialRecord(z.enum(CUE_IDS), z.number().int().min(0)).optional(),
  words: z.record(z.string(), z.number()).optional(),
});

/**
 * Reads a weights file. Cues it leaves out, and cues that never fired while it was fitted, keep
 * the rule weight. Problems are usage errors naming the file.
 */
export function readWeightsFile(path: string): ClaimWeights {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${path}: cannot read the claims weights file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); the claims option "weights" must be "learned", "rules" or a weights file written by annotate train-claims`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path}: not JSON (${(error as Error).message}); a claims weights file is written by annotate train-claims`);
  }
  const parsed = weightsFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`${path}: ${issue.path.length ? `"${issue.path.join('.')}": ` : ''}${issue.message}; a claims weights file has "bias" (a number), "cues" (cue id → number; ids: ${CUE_IDS.join(', ')}), and optionally "fired" and "words"`);
  }
  const data = parsed.data;
  const cues = { ...RULE_WEIGHTS.cues };
  for (const id of CUE_IDS) {
    const fitted = data.cues[id];
    if (fitted !== undefined && (data.fired === undefined || (data.fired[id] ?? 0) > 0)) cues[id] = fitted;
  }
  return { bias: data.bias, cues, words: data.words ?? {} };
}

/**
 * The weights the claims option "weights" names: "rules" (set by hand), "learned" (the built-in
 * fit, the default since the sixth round: tests/heldout-claims-4/README.md) or a weights file,
 * relative to `baseDir`; with the file they came from (as the option names it; null for the rules).
 */
export function loadClaimWeights(option: string, baseDir: string): { weights: ClaimWeights; file: string | null } {
  if (option === 'rules') return { weights: RULE_WEIGHTS, file: null };
  if (option === 'learned') return { weights: readWeightsFile(join(packageRoot(), LEARNED_WEIGHTS_FILE)), file: LEARNED_WEIGHTS_FILE };
  return { weights: readWeightsFile(resolve(baseDir, option)), file: option };
}

export function weightsFor(kind: 'rules' | 'learned'): ClaimWeights {
  return loadClaimWeights(kind, packageRoot()).weights;
}
