import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotateDocument, compilePipeline } from '../../src/core/compiled-pipeline.js';
import { documentFromText } from '../../src/core/document.js';
import { loadPipeline } from '../../src/core/pipeline.js';
import { offsetProblem, type SpanRecord } from '../../src/core/record.js';
import { scoreClaims } from '../../src/eval/claim-score.js';
import { weightsFor } from '../../src/stages/claims/weights.js';
import { floors, readGold, readPages } from '../gold.js';
import { ROOT } from '../helpers.js';
import { CLAIM_SETS } from '../../bench/claim-sets.js';

/** The two weightings of the claims stage, each with its pipeline; the floors are per weighting. */
const WEIGHTINGS = [
  { weights: 'learned' as const, pipeline: 'pipelines/default.json' },
  { weights: 'rules' as const, pipeline: 'pipelines/claims-rules.json' },
];
const cases = WEIGHTINGS.flatMap((w) => CLAIM_SETS.map(({ name, pages, gold }) => ({ ...w, name, dir: pages, gold })));

/** A pipeline's claims for every page of a folder, annotated once per pipeline and folder. */
const annotated = new Map<string, Promise<{ pages: ReturnType<typeof readPages>; pred: SpanRecord[] }>>();
function claimsOf(pipeline: string, dir: string) {
  const key = `${pipeline} ${dir}`;
  if (!annotated.has(key)) {
    annotated.set(key, (async () => {
      const compiled = await compilePipeline(loadPipeline(join(ROOT, pipeline)));
      const pages = readPages(dir);
      const pred: SpanRecord[] = [];
      for (const page of pages) pred.push(...annotateDocument(compiled, documentFromText(page.id, page.text)).get('claims')!);
      return { pages, pred };
    })());
  }
  return annotated.get(key)!;
}

/** The contribution a cue shows at its end ("past event ('delivered') +1.2", "evaluation ('ugly') −0.7"); 0 when it shows none. */
const contribution = (cue: string) => {
  const m = /\s([+−])(\d+(?:\.\d+)?)$/.exec(cue);
  return m ? (m[1] === '−' ? -1 : 1) * Number(m[2]) : 0;
};

describe.each(cases)('claims gold, $weights weights: $name', ({ weights, pipeline, name, dir, gold }) => {
  const floor = floors.claims[weights][name];
  it('explanations are faithful: every score is the logistic of the contributions shown, starting with the bias', async () => {
    const { pred } = await claimsOf(pipeline, dir);
    const { bias } = weightsFor(weights);
    expect(pred.length).toBeGreaterThan(100);
    for (const r of pred) {
      const cues = r.cues as string[];
      expect(cues[0]!.startsWith('starting point (bias) ') && Math.abs(contribution(cues[0]!) - bias) < 0.006, cues[0]).toBe(true);
      const logit = cues.reduce((sum, cue) => sum + contribution(cue), 0);
      // Each shown contribution is rounded to 0.01 and the score to 0.001.
      expect(Math.abs(1 / (1 + Math.exp(-logit)) - (r.score as number)), `${r.doc}:${r.start} ${(r.cues as string[]).join('; ')}`).toBeLessThan(0.02);
    }
    // Only the learned weights have word weights, and they show them.
    expect(pred.some((r) => (r.cues as string[]).some((c) => c.startsWith('word ')))).toBe(weights === 'learned');
  });

  it(`reaches the quality floor (unsourced_claim F1 ≥ ${floor.unsourced_f1}, claim-vs-not F1 ≥ ${floor.claim_f1})`, async () => {
    const { pages, pred } = await claimsOf(pipeline, dir);
    const goldRecords = readGold(gold);
    const texts = new Map(pages.map((p) => [p.id, p.text]));
    for (const r of goldRecords) expect(offsetProblem(r, texts.get(r.doc)!)).toBeNull();
    const score = scoreClaims(goldRecords, pred);
    expect(score.unmatched).toBe(0);
    expect(score.perLabel.unsourced_claim!.f1).toBeGreaterThanOrEqual(floor.unsourced_f1);
    expect(score.claim.f1).toBeGreaterThanOrEqual(floor.claim_f1);
  });
});
