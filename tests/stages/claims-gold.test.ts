import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotateDocument, compilePipeline } from '../../src/core/compiled-pipeline.js';
import { documentFromText } from '../../src/core/document.js';
import { loadPipeline } from '../../src/core/pipeline.js';
import { offsetProblem, type SpanRecord } from '../../src/core/record.js';
import { scoreClaims } from '../../src/eval/claim-score.js';
import { RULE_WEIGHTS, weightsFor } from '../../src/stages/claims/weights.js';
import { floors, readGold, readPages } from '../gold.js';
import { ROOT } from '../helpers.js';
import { CLAIM_SETS } from '../../bench/claim-sets.js';

const sets = CLAIM_SETS.map(({ name, pages, gold }) => ({ name, dir: pages, gold }));

/** The default pipeline's claims for every page of a folder, annotated once per folder. */
const annotated = new Map<string, Promise<{ pages: ReturnType<typeof readPages>; pred: SpanRecord[] }>>();
function claimsOf(dir: string) {
  if (!annotated.has(dir)) {
    annotated.set(dir, (async () => {
      const compiled = await compilePipeline(loadPipeline(join(ROOT, 'pipelines/default.json')));
      const pages = readPages(dir);
      const pred: SpanRecord[] = [];
      for (const page of pages) pred.push(...annotateDocument(compiled, documentFromText(page.id, page.text)).get('claims')!);
      return { pages, pred };
    })());
  }
  return annotated.get(dir)!;
}

/** The contribution a cue shows at its end ("past event ('delivered') +1.2", "evaluation ('ugly') −0.7"); 0 when it shows none. */
const contribution = (cue: string) => {
  const m = /\s([+−])(\d+(?:\.\d+)?)$/.exec(cue);
  return m ? (m[1] === '−' ? -1 : 1) * Number(m[2]) : 0;
};

describe.each(sets)('claims gold: $name', ({ name, dir, gold }) => {
  const floor = floors.claims[name];
  it('explanations are faithful: every score is the logistic of the bias and the contributions its cues show', async () => {
    const { pred } = await claimsOf(dir);
    expect(pred.length).toBeGreaterThan(100);
    for (const r of pred) {
      const logit = RULE_WEIGHTS.bias + (r.cues as string[]).reduce((sum, cue) => sum + contribution(cue), 0);
      // Each shown contribution is rounded to 0.01 and the score to 0.001.
      expect(Math.abs(1 / (1 + Math.exp(-logit)) - (r.score as number)), `${r.doc}:${r.start} ${(r.cues as string[]).join('; ')}`).toBeLessThan(0.02);
    }
  });

  it(`reaches the quality floor (unsourced_claim F1 ≥ ${floor.unsourced_f1}, claim-vs-not F1 ≥ ${floor.claim_f1})`, async () => {
    const { pages, pred } = await claimsOf(dir);
    const goldRecords = readGold(gold);
    const texts = new Map(pages.map((p) => [p.id, p.text]));
    for (const r of goldRecords) expect(offsetProblem(r, texts.get(r.doc)!)).toBeNull();
    const score = scoreClaims(goldRecords, pred);
    expect(score.unmatched).toBe(0);
    expect(score.perLabel.unsourced_claim!.f1).toBeGreaterThanOrEqual(floor.unsourced_f1);
    expect(score.claim.f1).toBeGreaterThanOrEqual(floor.claim_f1);
  });
});

describe('claims with the learned weights (pipelines/claims-learned.json)', () => {
  it('explanations are faithful too: the learned bias plus the cues and words shown give the score', async () => {
    const compiled = await compilePipeline(loadPipeline(join(ROOT, 'pipelines/claims-learned.json')));
    const learned = weightsFor('learned');
    let wordsShown = 0;
    for (const page of readPages('seeds')) {
      for (const r of annotateDocument(compiled, documentFromText(page.id, page.text)).get('claims')!) {
        const cues = r.cues as string[];
        if (cues.some((c) => c.startsWith('word '))) wordsShown++;
        const logit = learned.bias + cues.reduce((sum, cue) => sum + contribution(cue), 0);
        expect(Math.abs(1 / (1 + Math.exp(-logit)) - (r.score as number)), `${r.doc}:${r.start} ${cues.join('; ')}`).toBeLessThan(0.02);
      }
    }
    expect(wordsShown).toBeGreaterThan(100);
  });
});
