import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from '../helpers.js';

const PIPELINE = join(ROOT, 'pipelines/default.json');
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

describe('annotate (usage)', () => {
  it('prints help and exits 2 without a command', async () => {
    const r = await cli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/Usage: annotate/);
  });

  it('run --help documents the command and exits 0', async () => {
    const r = await cli(['run', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--pipeline <FILE>/);
    expect(r.stdout).toMatch(/--concurrency <N>/);
    expect(r.stdout).toMatch(/--threads <N>/);
    expect(r.stdout).toMatch(/Exit codes: 0 ok, 1 some documents failed, 2 usage or pipeline error/);
  });

  it.each([
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['run', '--bogus'], /unknown option '--bogus'/],
    [['run', '--concurrency', '0'], /--concurrency must be a whole number from 1 to 256, got "0"/],
    [['run', '--threads', '0'], /--threads must be "auto" or a whole number from 1 to 64, got "0"/],
    [['run', '--threads', 'many'], /--threads must be "auto" or a whole number from 1 to 64, got "many"/],
    [['run', '--max-size', 'big'], /--max-size must be a positive number/],
    [['run', 'no/such/folder'], /no\/such\/folder: no such file or folder/],
    [['run', '--pipeline', 'missing.json'], /missing\.json: cannot read the pipeline file \(ENOENT\)/],
  ])('%j exits 2 with a message and no stack trace', async (argv, message) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('annotate run', () => {
  it('annotates the seeds and writes one JSONL file per stage plus a manifest', async () => {
    const out = tempDir();
    const r = await cli(['run', join(ROOT, 'seeds'), '--pipeline', PIPELINE, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^annotated 5 of 5 documents in [\d.]+ s \([\d.]+ documents\/s\); records: segment \d+, tokenize \d+, entities \d+, claims \d+; written to /);
    expect(readdirSync(out).sort()).toEqual(['claims.jsonl', 'entities.jsonl', 'manifest.json', 'segment.jsonl', 'tokenize.jsonl']);
    const manifest = JSON.parse(read(out, 'manifest.json'));
    expect(manifest.counts.documents).toBe(5);
    expect(manifest.documents.map((d: { doc: string }) => d.doc)).toEqual(readdirSync(join(ROOT, 'seeds')).map((f) => f.replace(/\.txt$/, '')).sort());
    expect(manifest.counts.records.segment).toBe(read(out, 'segment.jsonl').split('\n').length - 1);
    expect(read(out, 'manifest.json')).not.toMatch(/"\/(?:work|tmp|home)\//); // no absolute paths from the repo
  });

  it('gives byte-identical stage files at --concurrency 1 and 8', async () => {
    const a = tempDir();
    const b = tempDir();
    await cli(['run', join(ROOT, 'seeds'), join(ROOT, 'tests/heldout/pages'), '--pipeline', PIPELINE, '--out', a, '--concurrency', '1']);
    await cli(['run', join(ROOT, 'seeds'), join(ROOT, 'tests/heldout/pages'), '--pipeline', PIPELINE, '--out', b, '--concurrency', '8']);
    for (const file of ['segment.jsonl', 'tokenize.jsonl', 'entities.jsonl', 'claims.jsonl', 'manifest.json']) expect(read(b, file)).toBe(read(a, file));
  });

  // The threads run the built worker in dist/ (npm test builds first).
  it('gives byte-identical stage files and manifest on 1 and 2 worker threads', async () => {
    const a = tempDir();
    const b = tempDir();
    const inputs = [join(ROOT, 'seeds'), join(ROOT, 'tests/heldout/pages')];
    await cli(['run', ...inputs, '--pipeline', PIPELINE, '--out', a, '--threads', '1']);
    const r = await cli(['run', ...inputs, '--pipeline', PIPELINE, '--out', b, '--threads', '2', '--concurrency', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^annotated 15 of 15 documents/);
    for (const file of ['segment.jsonl', 'tokenize.jsonl', 'entities.jsonl', 'claims.jsonl', 'manifest.json']) expect(read(b, file)).toBe(read(a, file));
  });

  it('keeps records sorted by doc, start, end with doc, start, end, text first', async () => {
    const out = tempDir();
    await cli(['run', join(ROOT, 'seeds'), '--pipeline', PIPELINE, '--out', out]);
    for (const file of ['segment.jsonl', 'tokenize.jsonl', 'entities.jsonl', 'claims.jsonl']) {
      const rows = read(out, file).trimEnd().split('\n').map((l) => JSON.parse(l));
      for (const row of rows) expect(Object.keys(row).slice(0, 4)).toEqual(['doc', 'start', 'end', 'text']);
      for (let i = 1; i < rows.length; i++) {
        const [p, c] = [rows[i - 1], rows[i]];
        expect(p.doc < c.doc || (p.doc === c.doc && (p.start < c.start || (p.start === c.start && p.end <= c.end)))).toBe(true);
      }
    }
  });

  it('names documents by their path relative to the INPUT folder', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in/sub'), { recursive: true });
    writeFileSync(join(dir, 'in/sub/page.txt'), 'Title\n\nBody.\n');
    writeFileSync(join(dir, 'in/notes.md'), 'not a page');
    const r = await cli(['run', join(dir, 'in'), '--pipeline', PIPELINE, '--out', join(dir, 'out')]);
    expect(r.code).toBe(0);
    expect(JSON.parse(read(join(dir, 'out'), 'segment.jsonl').split('\n')[0]!).doc).toBe('sub/page');
  });
});

describe('annotate run: bad input', () => {
  function batch() {
    const dir = tempDir();
    const input = join(dir, 'in');
    mkdirSync(input);
    writeFileSync(join(input, 'a-good.txt'), 'Good Page\n\nThe army said it was ready.\n');
    writeFileSync(join(input, 'b-empty.txt'), '');
    writeFileSync(join(input, 'c-binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    writeFileSync(join(input, 'd-latin1.txt'), Buffer.from('Caf\xe9 page\n', 'latin1'));
    writeFileSync(join(input, 'e-huge.txt'), 'word '.repeat(2_100_000)); // 10.5 MB on one line
    writeFileSync(join(input, 'f-no-comments.txt'), 'Only An Article\n\nOne paragraph.\n\nAnother one.\n');
    return { dir, input };
  }

  it.each(['1', '2'])('reports each bad document by name, annotates the others, and exits 1 (--threads %s)', async (threads) => {
    const { dir, input } = batch();
    const out = join(dir, 'out');
    const r = await cli(['run', input, '--pipeline', PIPELINE, '--out', out, '--threads', threads]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/warning: .*b-empty\.txt: the document is empty/);
    expect(r.stderr).toMatch(/error: .*c-binary\.txt: contains a NUL byte at byte 4/);
    expect(r.stderr).toMatch(/error: .*d-latin1\.txt: byte 3 is not valid UTF-8; convert the file to UTF-8/);
    expect(r.stderr).toMatch(/error: .*e-huge\.txt: is 10\.5 MB, larger than the limit of 4\.0 MB per document; split the file or raise --max-size/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toMatch(/annotated 3 of 6 documents \(3 failed\)/);
    const docs = new Set(read(out, 'segment.jsonl').trimEnd().split('\n').map((l) => JSON.parse(l).doc));
    expect(docs).toEqual(new Set(['a-good', 'f-no-comments']));
    const manifest = JSON.parse(read(out, 'manifest.json'));
    expect(manifest.documents.filter((d: { status: string }) => d.status === 'failed').map((d: { doc: string }) => d.doc)).toEqual(['c-binary', 'd-latin1', 'e-huge']);
  });

  it('a folder without .txt files is a usage error', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'empty'));
    const r = await cli(['run', join(dir, 'empty'), '--pipeline', PIPELINE, '--out', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/empty: the folder has no \.txt files/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('an unwritable --out is a usage error that names the folder', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), 'x');
    const r = await cli(['run', join(ROOT, 'seeds'), '--pipeline', PIPELINE, '--out', join(dir, 'file/out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/file\/out: cannot write the output folder \(ENOTDIR\); choose a writable folder with --out/);
  });

  it('a bad pipeline file is rejected before any document runs, and the previous output stays', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    await cli(['run', join(ROOT, 'seeds'), '--pipeline', PIPELINE, '--out', out]);
    const before = read(out, 'segment.jsonl');
    writeFileSync(join(dir, 'bad.json'), '{\n  "stages": [\n    { "id": "tokenize", "stage": "tokenize" }\n  ]\n}\n');
    const r = await cli(['run', join(ROOT, 'seeds'), '--pipeline', join(dir, 'bad.json'), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.json:3:34: stage "tokenize" \(tokenize\) needs the "segment" layer/);
    expect(read(out, 'segment.jsonl')).toBe(before);
    expect(readdirSync(out).filter((f) => f.startsWith('.annotate-tmp'))).toEqual([]);
  });
});
