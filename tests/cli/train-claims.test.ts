import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWeightsFile } from '../../src/stages/claims/weights.js';
import { annotateText, cli, ROOT, tempDir } from '../helpers.js';

const GOLD = join(ROOT, 'tests/gold/claims.jsonl');
const SEEDS = join(ROOT, 'seeds');

/** A project folder with a pipeline whose claims stage reads `weights` (relative to the project root). */
function project(weights: string) {
  const root = tempDir();
  mkdirSync(join(root, 'pipelines'));
  const pipeline = {
    stages: [
      { id: 'segment', stage: 'segment' },
      { id: 'tokenize', stage: 'tokenize' },
      { id: 'entities', stage: 'entities', options: { gazetteers: [join(ROOT, 'gazetteers')], commonWords: join(ROOT, 'gazetteers/common-words.txt'), titles: join(ROOT, 'gazetteers/titles.txt') } },
      { id: 'claims', stage: 'claims', options: { weights, lexicons: join(ROOT, 'src/stages/claims/lexicons') } },
    ],
  };
  const file = join(root, 'pipelines', 'mine.json');
  writeFileSync(file, JSON.stringify(pipeline));
  return { root, pipeline: file, json: JSON.stringify(pipeline) };
}

describe('annotate train-claims', () => {
  const dir = tempDir();

  it('fits weights on labelled sentences, prints a cross-validation next to the rules, and writes the same file every time', async () => {
    const out = join(dir, 'w.json');
    const r = await cli(['train-claims', '--gold', GOLD, SEEDS, '-o', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^147 labelled sentences \(\d+ claims\) in 4 documents/);
    expect(r.stdout).toMatch(/learned, 4-fold cross-validation by document \(claim vs not\): P 0\.\d{3} R 0\.\d{3} F1 0\.\d{3}/);
    expect(r.stdout).toMatch(/rules on the same sentences \(nothing fitted\): +P 0\.\d{3}/);
    const first = readFileSync(out, 'utf8');
    const weights = readWeightsFile(out);
    expect(Object.keys(weights.words!).length).toBeGreaterThan(10);
    const again = join(dir, 'w2.json');
    expect((await cli(['train-claims', '--gold', GOLD, SEEDS, '-o', again])).code).toBe(0);
    expect(readFileSync(again, 'utf8')).toBe(first);
  });

  it('writes weights the claims option "weights" reads: scores change and the explanations still add up to them', async () => {
    const out = join(dir, 'mine.json');
    expect((await cli(['train-claims', '--gold', GOLD, SEEDS, '-o', out, '--lambda', '0.05'])).code).toBe(0);
    const p = project(out);
    const page = 'Iraq Talks\n\nU.S. forces have withdrawn.\n\n  1. reader says:\n\n    Russia delivered 12 jets to Iraq in 2015. I think that is a stupid idea.\n';
    const mine = (await annotateText(page, p.json)).get('claims')!;
    const builtIn = (await annotateText(page, p.json.replace(JSON.stringify(out), '"learned"'))).get('claims')!;
    expect(mine.map((r) => r.score)).not.toEqual(builtIn.map((r) => r.score));
    const { bias } = readWeightsFile(out);
    for (const r of mine) {
      const shown = (r.cues as string[]).map((c) => /\s([+−])(\d+(?:\.\d+)?)$/.exec(c)).map((m) => (m ? (m[1] === '−' ? -1 : 1) * Number(m[2]) : 0));
      expect(Math.abs(shown[0]! - bias)).toBeLessThan(0.006);
      expect(Math.abs(1 / (1 + Math.exp(-shown.reduce((a, b) => a + b, 0))) - (r.score as number))).toBeLessThan(0.02);
    }
    const evaluated = await cli(['eval', '--gold', GOLD, SEEDS, '-p', p.pipeline]);
    expect(evaluated.code).toBe(0);
    expect(evaluated.stdout).toMatch(/^unsourced_claim /m);
  });

  it('--inputs-only trains on the gold sentences of the given pages alone', async () => {
    const page = join(SEEDS, '000_09eb5265a6b7dbef.txt');
    const out = join(dir, 'one-page.json');
    expect((await cli(['train-claims', '--gold', GOLD, page, '-o', out])).stderr).toMatch(/gold documents not among the inputs: .*or --inputs-only/);
    const r = await cli(['train-claims', '--gold', GOLD, page, '-o', out, '--inputs-only']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^54 labelled sentences \(\d+ claims\) in 1 documents\nrules on the same sentences/);
    expect(readWeightsFile(out).bias).toEqual(expect.any(Number));
  });

  it.each([
    ['no --out', ['train-claims', '--gold', GOLD, SEEDS], /required option '-o, --out <FILE>'/],
    ['no --gold', ['train-claims', SEEDS, '-o', '/tmp/x.json'], /required option '-g, --gold <FILE>' not specified/],
    ['an unreadable gold file', ['train-claims', '--gold', join(ROOT, 'no-such-gold.jsonl'), SEEDS, '-o', '/tmp/x.json'], /no-such-gold\.jsonl: cannot read the gold file \(ENOENT\)/],
    ['gold documents missing from the inputs', ['train-claims', '--gold', GOLD, join(ROOT, 'tests/heldout/pages'), '-o', '/tmp/x.json'], /gold documents not among the inputs: .*; pass the folder they come from/],
    ['a bad --lambda', ['train-claims', '--gold', GOLD, SEEDS, '-o', '/tmp/x.json', '--lambda', 'lots'], /--lambda must be a number ≥ 0, got "lots"/],
  ])('exits 2 on %s, naming the problem', async (_name, argv, message) => {
    const r = await cli(argv as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 when the gold has a label that is no claims label, offsets that match no sentence, or only one class', async () => {
    const wrongLabel = join(dir, 'wrong-label.jsonl');
    writeFileSync(wrongLabel, readFileSync(GOLD, 'utf8').replace('"label":"not_claim"', '"label":"opinion"'));
    const r = await cli(['train-claims', '--gold', wrongLabel, SEEDS, '-o', join(dir, 'x.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/wrong-label\.jsonl: .*: label "opinion" is not a claims label/);
    const shifted = join(dir, 'shifted.jsonl');
    writeFileSync(shifted, readFileSync(GOLD, 'utf8').replace(/"start":(\d+)/g, (_, n) => `"start":${Number(n) + 1}`));
    const t = await cli(['train-claims', '--gold', shifted, SEEDS, '-o', join(dir, 'z.json')]);
    expect(t.code).toBe(2);
    expect(t.stderr).toMatch(/none of the 147 gold sentences starts where the tokenizer starts a comment sentence; offsets must be UTF-16/);
    const oneClass = join(dir, 'one-class.jsonl');
    writeFileSync(oneClass, readFileSync(GOLD, 'utf8').replace(/"label":"(?:unsourced|sourced)_claim"/g, '"label":"not_claim"'));
    const s = await cli(['train-claims', '--gold', oneClass, SEEDS, '-o', join(dir, 'y.json')]);
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/are all non-claims; fitting needs both/);
  });
});

describe('the pipelines shipped in pipelines/', () => {
  it.each(readdirSync(join(ROOT, 'pipelines')).filter((f) => f.endsWith('.json')))('%s runs on a seed page, and its claims explanations add up to the scores', async (file) => {
    const json = readFileSync(join(ROOT, 'pipelines', file), 'utf8');
    const page = readFileSync(join(SEEDS, '000_09eb5265a6b7dbef.txt'), 'utf8');
    const claims = (await annotateText(page, json)).get('claims')!;
    expect(claims.length).toBeGreaterThan(20);
    for (const r of claims) {
      const sum = (r.cues as string[]).map((c) => /\s([+−])(\d+(?:\.\d+)?)$/.exec(c)).reduce((a, m) => a + (m ? (m[1] === '−' ? -1 : 1) * Number(m[2]) : 0), 0);
      expect(Math.abs(1 / (1 + Math.exp(-sum)) - (r.score as number))).toBeLessThan(0.02);
    }
  });
});

describe('the claims option "weights" with a file', () => {
  it.each([
    ['a missing file', null, /nope\.json: cannot read the claims weights file \(ENOENT\); the claims option "weights" must be "learned", "rules" or a weights file/],
    ['a file that is not JSON', '{ bias: 1', /bad\.json: not JSON/],
    ['a file without a bias', '{"cues": {}}', /bad\.json: "bias": .*a claims weights file has "bias"/],
    ['a file with an unknown cue', '{"bias": 0, "cues": {"questoin": -3}}', /bad\.json: "cues": Unrecognized key: "questoin"/],
  ])('is a usage error naming the file for %s', async (_name, content, message) => {
    const p = project(content === null ? 'nope.json' : 'bad.json');
    if (content !== null) writeFileSync(join(p.root, 'bad.json'), content);
    const r = await cli(['run', SEEDS, '-p', p.pipeline, '-o', join(p.root, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
