import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from '../helpers.js';

/** Python's text[start:end]: slicing by code point. */
const pySlice = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join('');

const PAGE = 'Emoji 😀 page\n\nPresident 🇺🇸 Joe Biden met Angela Merkel in Berlin.\n\n  1. reader 😀 says:\n\n    Russia 😀😀 delivered 12 jets to Iraq in 2015.\n';

let out: string;
beforeAll(async () => {
  const pages = tempDir('annotate-export-pages-');
  mkdirSync(pages, { recursive: true });
  writeFileSync(join(pages, 'emoji.txt'), PAGE);
  out = join(tempDir('annotate-export-'), 'run');
  const r = await cli(['run', pages, '--pipeline', join(ROOT, 'pipelines/default.json'), '--out', out, '--no-progress']);
  expect(r.code, r.stderr).toBe(0);
});

describe('annotate export', () => {
  it('spacy: one line per document whose code-point offsets slice the text like a Python string', async () => {
    const r = await cli(['export', '--from', out]);
    expect(r.code, r.stderr).toBe(0);
    const [doc] = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { text: string; ents: [number, number, string, string][]; claims: [number, number, string][]; comments: { start: number; end: number; author: string }[] });
    expect(doc!.text).toBe(PAGE);
    expect(doc!.ents.map(([s, e, label]) => [pySlice(PAGE, s, e), label])).toEqual([
      ['Joe Biden', 'PERSON'],
      ['Angela Merkel', 'PERSON'],
      ['Berlin', 'LOCATION'],
      ['Russia', 'COUNTRY'],
      ['Iraq', 'COUNTRY'],
    ]);
    expect(doc!.claims.map(([s, e, label]) => [pySlice(PAGE, s, e), label])).toEqual([['Russia 😀😀 delivered 12 jets to Iraq in 2015.', 'unsourced_claim']]);
    expect(doc!.comments.map((c) => [pySlice(PAGE, c.start, c.end), c.author])).toEqual([['Russia 😀😀 delivered 12 jets to Iraq in 2015.', 'reader 😀']]);
  });

  it('codepoints: every stage file with every record and token re-offset, nothing else changed', async () => {
    const dest = join(tempDir('annotate-export-cp-'), 'py');
    const r = await cli(['export', '--from', out, '--format', 'codepoints', '--out', dest]);
    expect(r.code, r.stderr).toBe(0);
    for (const stage of ['segment', 'tokenize', 'entities', 'claims']) {
      const original = readFileSync(join(out, `${stage}.jsonl`), 'utf8').trim().split('\n');
      const converted = readFileSync(join(dest, `${stage}.jsonl`), 'utf8').trim().split('\n');
      expect(converted).toHaveLength(original.length);
      for (const line of converted) {
        const record = JSON.parse(line) as { start: number; end: number; text: string; tokens?: { start: number; end: number; text: string }[] };
        expect(pySlice(PAGE, record.start, record.end)).toBe(record.text);
        for (const t of record.tokens ?? []) expect(pySlice(PAGE, t.start, t.end)).toBe(t.text);
      }
    }
  });

  it('names a document the run could not annotate and exports the others', async () => {
    const pages = tempDir('annotate-export-failed-');
    mkdirSync(pages, { recursive: true });
    writeFileSync(join(pages, 'good.txt'), PAGE);
    writeFileSync(join(pages, 'binary.txt'), 'bad\0file');
    const run = join(tempDir('annotate-export-failed-run-'), 'run');
    expect((await cli(['run', pages, '--pipeline', join(ROOT, 'pipelines/default.json'), '--out', run, '--no-progress'])).code).toBe(1);
    const r = await cli(['export', '--from', run]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/binary\.txt is not exported: the run could not annotate it/);
    expect(r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { doc: string }).doc)).toEqual(['good']);
  });

  it.each([
    [['export', '--format', 'conll'], /--format must be one of spacy, codepoints, got "conll"/],
    [['export', '--from', 'no/such/run'], /no\/such\/run: no such output folder/],
  ])('%j exits 2 with a message', async (argv, message) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
