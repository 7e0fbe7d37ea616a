import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers.js';

describe('annotate eval on claims', () => {
  const dir = tempDir();
  const gold = [
    { doc: 'd', start: 0, end: 5, text: 'one.', label: 'unsourced_claim', comment: 0 },
    { doc: 'd', start: 6, end: 11, text: 'two.', label: 'sourced_claim', comment: 0 },
    { doc: 'd', start: 12, end: 17, text: 'three', label: 'not_claim', comment: 1 },
    { doc: 'd', start: 18, end: 23, text: 'four.', label: 'not_claim', comment: 1 },
  ];
  const goldFile = join(dir, 'gold.jsonl');
  writeFileSync(goldFile, gold.map((g) => JSON.stringify(g)).join('\n') + '\n');
  // The prediction calls every sentence an unsourced claim: exactly the baseline.
  const predFile = join(dir, 'pred.jsonl');
  writeFileSync(predFile, gold.map((g) => JSON.stringify({ ...g, label: 'unsourced_claim' })).join('\n') + '\n');

  it('prints the label-everything baseline next to the scores, and the prediction that labels everything scores exactly it', async () => {
    const text = await cli(['eval', '--gold', goldFile, '--pred', predFile]);
    expect(text.code).toBe(0);
    // Everything unsourced: unsourced P 1/4, R 1 → F1 0.4; every sentence a claim: P 2/4, R 1 → F1 0.667.
    expect(text.stdout).toMatch(/^unsourced_claim +25\.0 +100\.0 +40\.0/m);
    expect(text.stdout).toMatch(/baseline: labelling every sentence an unsourced claim scores unsourced_claim F1 40\.0%; every sentence a claim, claim vs not F1 66\.7%/);
    const json = JSON.parse((await cli(['eval', '--gold', goldFile, '--pred', predFile, '--json'])).stdout);
    expect(json.baseline).toEqual({ unsourcedF1: 0.4, claimVsNotF1: 0.6667 });
    expect(json.perLabel.unsourced_claim.f1).toBe(json.baseline.unsourcedF1);
  });
});
