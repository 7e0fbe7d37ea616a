import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitByDocument } from '../../src/eval/by-document.js';
import { cli, tempDir } from '../helpers.js';

describe('annotate eval --by-doc', () => {
  const dir = tempDir();
  // Two documents: "good" predicted exactly, "bad" with one of its two segments wrong.
  const gold = [
    { doc: 'good', start: 0, end: 5, text: 'Title', kind: 'title' },
    { doc: 'good', start: 7, end: 12, text: 'Body.', kind: 'body' },
    { doc: 'bad', start: 0, end: 5, text: 'Title', kind: 'title' },
    { doc: 'bad', start: 7, end: 12, text: 'Body.', kind: 'body' },
  ];
  const pred = [gold[0]!, gold[1]!, gold[2]!, { ...gold[3]!, kind: 'caption' }];
  const goldFile = join(dir, 'gold.jsonl');
  const predFile = join(dir, 'pred.jsonl');
  writeFileSync(goldFile, gold.map((g) => JSON.stringify(g)).join('\n') + '\n');
  writeFileSync(predFile, pred.map((p) => JSON.stringify(p)).join('\n') + '\n');

  it('splits gold and predictions by document, in name order', () => {
    expect(splitByDocument(gold, pred).map((d) => [d.doc, d.gold.length, d.pred.length])).toEqual([['bad', 2, 2], ['good', 2, 2]]);
  });

  it('prints one row per document, the worst first, and byDocument in --json', async () => {
    const text = await cli(['eval', '--gold', goldFile, '--pred', predFile, '--stage', 'segment', '--by-doc']);
    expect(text.code).toBe(0);
    const table = text.stdout.slice(text.stdout.indexOf('by document'));
    expect(table).toMatch(/^bad +50\.0 +50\.0 +50\.0 +1 +1 +1$/m);
    expect(table).toMatch(/^good +100\.0 +100\.0 +100\.0 +2 +0 +0$/m);
    expect(table.indexOf('bad')).toBeLessThan(table.indexOf('good'));
    const json = JSON.parse((await cli(['eval', '--gold', goldFile, '--pred', predFile, '--stage', 'segment', '--by-doc', '--json'])).stdout);
    expect(json.byDocument).toEqual({ bad: { precision: 0.5, recall: 0.5, f1: 0.5, tp: 1, fp: 1, fn: 1 }, good: { precision: 1, recall: 1, f1: 1, tp: 2, fp: 0, fn: 0 } });
  });

  it('leaves the output as it was without the option', async () => {
    const text = await cli(['eval', '--gold', goldFile, '--pred', predFile, '--stage', 'segment']);
    expect(text.stdout).not.toContain('by document');
    expect(JSON.parse((await cli(['eval', '--gold', goldFile, '--pred', predFile, '--stage', 'segment', '--json'])).stdout).byDocument).toBeUndefined();
  });
});
