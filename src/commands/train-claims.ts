import { existsSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { annotateDocument, compilePipeline } from '../core/compiled-pipeline.js';
import { UsageError } from '../core/errors.js';
import { resolveInputs } from '../core/inputs.js';
import { loadPipeline } from '../core/pipeline.js';
import { claimPrf, crossValidatedLogits, DEFAULT_FIT, fitClaimModel, weightsFile, type FitOptions, type TrainingExample } from '../stages/claims/fit.js';
import { CLAIM_LABELS } from '../eval/claim-score.js';
import { labelledSentences } from '../stages/claims/labelled-sentences.js';
import { loadClaimLexicons } from '../stages/claims/lexicons.js';
import { CUE_IDS } from '../stages/claims/types.js';
import { RULE_WEIGHTS } from '../stages/claims/weights.js';
import { wordFeatures } from '../stages/claims/words.js';
import type { Io } from '../io.js';
import { readDocumentOrExplain } from '../regression/in-memory.js';
import { readRecords } from './read-records.js';
import type { Register } from './register.js';
import { RUN_DEFAULTS } from './run.js';

export interface TrainClaimsArgs {
  gold: string[];
  out: string;
  inputs: string[];
  pipeline: string;
  lambda: string;
  minCount: string;
  balance: boolean;
  /** Use only the gold sentences of documents among the inputs (by default every gold document must be one). */
  inputsOnly: boolean;
}

/** A number option, or a usage error naming it. */
function numberOption(value: string, name: string, min: number): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min) throw new UsageError(`${name} must be a number ≥ ${min}, got "${value}"`);
  return n;
}

/** Gold claims labels of every file, by document and sentence start; usage errors name the file and record. */
function readGoldLabels(files: readonly string[]): Map<string, Map<number, string>> {
  const labels = new Map<string, Map<number, string>>();
  for (const file of files) {
    for (const r of readRecords(file, 'gold')) {
      if (!(CLAIM_LABELS as readonly unknown[]).includes(r.label)) throw new UsageError(`${file}: ${r.doc}:${r.start}: label "${String(r.label)}" is not a claims label (${CLAIM_LABELS.join(', ')})`);
      if (!labels.has(r.doc)) labels.set(r.doc, new Map());
      labels.get(r.doc)!.set(r.start, r.label as string);
    }
  }
  if (labels.size === 0) throw new UsageError(`${files.join(', ')}: no labelled sentences`);
  return labels;
}

/**
 * `annotate train-claims`: fits claims weights (the learned model: cues plus word lemmas, pulled
 * toward the hand-set weights) on the user's own labelled comment sentences, prints a
 * cross-validation next to the rules on the same sentences, and writes a weights file for the
 * claims option "weights". Exit 0, or 2 for usage errors.
 */
export async function trainClaimsCommand(args: TrainClaimsArgs, io: Io): Promise<number> {
  const options: FitOptions = { lambda: numberOption(args.lambda, '--lambda', 0), minCount: numberOption(args.minCount, '--min-count', 1), balanced: args.balance };
  // Checked before the work, not after it.
  if (!existsSync(dirname(resolve(args.out)))) throw new UsageError(`${args.out}: its folder does not exist; create it or write the weights file elsewhere`);
  const labels = readGoldLabels(args.gold);

  const pipeline = loadPipeline(args.pipeline);
  const claims = pipeline.steps.find((s) => s.stage.produces === 'claims');
  if (!claims) throw new UsageError(`${args.pipeline}: no claims stage in this pipeline; its options (lexicons, sections) decide the cues`);
  const claimsOptions = claims.options as { lexicons: string; sections: string[] };
  const lexicons = loadClaimLexicons(claimsOptions.lexicons, pipeline.baseDir);
  // Only the stages before the claims stage: labelledSentences() computes the cues itself.
  const compiled = await compilePipeline({ ...pipeline, steps: pipeline.steps.slice(0, pipeline.steps.indexOf(claims)) });

  const examples: (TrainingExample & { rules: number })[] = [];
  const seen = new Set<string>();
  let goldSentences = 0;
  for (const input of await resolveInputs(args.inputs)) {
    const docLabels = labels.get(input.id);
    if (!docLabels) continue;
    seen.add(input.id);
    goldSentences += docLabels.size;
    const doc = await readDocumentOrExplain(input);
    for (const s of labelledSentences(doc, annotateDocument(compiled, doc), new Set(claimsOptions.sections), lexicons, docLabels)) {
      // The rules' log-odds for the same sentence, to compare against.
      const rules = RULE_WEIGHTS.bias + CUE_IDS.reduce((z, id, k) => z + RULE_WEIGHTS.cues[id] * s.cues[k]!, 0);
      examples.push({ doc: s.doc, cues: s.cues, words: wordFeatures(s.tokens), y: s.label === 'not_claim' ? 0 : 1, rules });
    }
  }
  const missing = [...labels.keys()].filter((d) => !seen.has(d));
  if (missing.length && !args.inputsOnly) throw new UsageError(`${args.gold.join(', ')}: gold documents not among the inputs: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ' …' : ''}; pass the folder they come from, or --inputs-only to train on the inputs' sentences alone`);
  if (goldSentences > examples.length) io.stderr.write(`annotate train-claims: ${goldSentences - examples.length} of ${goldSentences} gold sentences start where the tokenizer starts no ${claimsOptions.sections.join('/')} sentence; they are left out\n`);
  if (examples.length === 0) throw new UsageError(`${args.gold.join(', ')}: none of the ${goldSentences} gold sentences starts where the tokenizer starts a ${claimsOptions.sections.join('/')} sentence; offsets must be UTF-16 code units into these pages (README, "Every record")`);
  const claimsCount = examples.filter((e) => e.y === 1).length;
  if (claimsCount === 0 || claimsCount === examples.length) throw new UsageError(`${args.gold.join(', ')}: the ${examples.length} matched sentences are all ${claimsCount ? 'claims' : 'non-claims'}; fitting needs both`);

  const docs = new Set(examples.map((e) => e.doc)).size;
  const f = (p: { precision: number; recall: number; f1: number }) => `P ${p.precision.toFixed(3)} R ${p.recall.toFixed(3)} F1 ${p.f1.toFixed(3)}`;
  const rules = claimPrf(examples.map((e) => ({ example: e, z: e.rules })));
  io.stdout.write(`${examples.length} labelled sentences (${claimsCount} claims) in ${docs} documents\n`);
  let cvNote = 'no cross-validation (one document)';
  if (docs >= 2) {
    const cv = claimPrf(crossValidatedLogits(examples, options, Math.min(5, docs)));
    cvNote = `${Math.min(5, docs)}-fold CV by document: claim-vs-not F1 ${cv.f1.toFixed(3)}`;
    io.stdout.write(`learned, ${Math.min(5, docs)}-fold cross-validation by document (claim vs not): ${f(cv)}\n`);
  }
  io.stdout.write(`rules on the same sentences (nothing fitted):               ${f(rules)}\n`);

  const model = fitClaimModel(examples, options);
  const comment = `Fitted by annotate train-claims on ${examples.length} labelled sentences (${claimsCount} claims, ${docs} documents) from ${args.gold.join(', ')}; lambda ${options.lambda}, min-count ${options.minCount}${options.balanced ? '' : ', no class balance'}; ${cvNote}; the rules on the same sentences: ${rules.f1.toFixed(3)}.`;
  try {
    writeFileSync(args.out, JSON.stringify(weightsFile(model, examples, comment), null, 2) + '\n');
  } catch (error) {
    throw new UsageError(`${args.out}: cannot write the weights file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  io.stdout.write(`wrote ${args.out} (${model.words.size} word features); use it with "weights": "${args.out}" in the claims options of a pipeline file (relative to the project root)\n`);
  return 0;
}

/** Repeated --gold options, in order (no default, so that commander reports a missing --gold). */
const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

export const registerTrainClaims: Register = (program, io, setCode) => {
  program
    .command('train-claims')
    .description('Fit claims weights on your own labelled comment sentences (cues plus words, pulled toward the hand-set weights); prints a cross-validation next to the rules and writes a weights file for the claims option "weights"')
    .argument('[INPUT...]', 'pages the gold sentences come from (files or folders)', RUN_DEFAULTS.inputs)
    .requiredOption('-g, --gold <FILE>', 'gold claims JSONL (doc, start, end, text, label); repeat for several files', collect)
    .requiredOption('-o, --out <FILE>', 'weights file to write (JSON)')
    .option('-p, --pipeline <FILE>', 'pipeline whose stages (and claims lexicons and sections) compute the cues', RUN_DEFAULTS.pipeline)
    .option('--lambda <N>', 'L2 strength: how hard weights are pulled toward the hand-set ones (cues) and 0 (words)', String(DEFAULT_FIT.lambda))
    .option('--min-count <N>', 'a word becomes a feature when at least N labelled sentences contain it', String(DEFAULT_FIT.minCount))
    .option('--no-balance', 'do not weigh claims and non-claims the same in total')
    .option('--inputs-only', 'use only the gold sentences of documents among INPUT (by default every gold document must be among them)', false)
    .addHelpText('after', '\nExamples:\n  annotate train-claims --gold my-gold.jsonl my-pages/ -o my-weights.json\n  annotate train-claims --gold tests/gold/claims.jsonl --gold my-gold.jsonl seeds my-pages/ -o my-weights.json\n  # then in a pipeline file: { "id": "claims", "stage": "claims", "options": { "weights": "my-weights.json" } }')
    .action(async (inputs: string[], opts) => setCode(await trainClaimsCommand({ inputs, ...opts }, io)));
};
