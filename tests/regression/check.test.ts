import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from '../helpers.js';

const PIPELINE = join(ROOT, 'pipelines/default.json');
const DOC = '000_09eb5265a6b7dbef';

function workspace() {
  const dir = tempDir();
  const pages = join(dir, 'pages');
  cpSync(join(ROOT, 'seeds'), pages, { recursive: true });
  const approved = join(dir, 'approved');
  return { pages, approved, file: join(pages, `${DOC}.txt`) };
}

describe('annotate approve / check', () => {
  it('approve then check on an unchanged tree exits 0', async () => {
    const w = workspace();
    expect((await cli(['approve', w.pages, '--pipeline', PIPELINE, '--approved', w.approved])).code).toBe(0);
    const r = await cli(['check', w.pages, '--pipeline', PIPELINE, '--approved', w.approved]);
    expect(r.stdout).toBe('no changes: the annotations equal the approved snapshot\n');
    expect(r.code).toBe(0);
  });

  it('an appended sentence with two new names shows only its own annotations; reverting is clean', async () => {
    const w = workspace();
    await cli(['approve', w.pages, '--pipeline', PIPELINE, '--approved', w.approved]);
    const original = readFileSync(w.file, 'utf8');
    writeFileSync(w.file, `${original}\nLater, Angela Merkel met Vladimir Putin.\n`);
    const r = await cli(['check', w.pages, '--pipeline', PIPELINE, '--approved', w.approved]);
    expect(r.code).toBe(1);
    const changeLines = r.stdout.split('\n').filter((l) => /^\s+[+~-] /.test(l));
    expect(changeLines.length).toBeLessThanOrEqual(6);
    expect(changeLines.filter((l) => l.includes('PERSON'))).toEqual([
      expect.stringMatching(/^\s+\+ 000_09eb5265a6b7dbef:\d+:8  PERSON  "Angela Merkel"  angela-merkel$/),
      expect.stringMatching(/^\s+\+ 000_09eb5265a6b7dbef:\d+:26  PERSON  "Vladimir Putin"  vladimir-putin$/),
    ]);
    expect(changeLines.every((l) => /^\s+\+ /.test(l))).toBe(true);
    expect(r.stdout).toMatch(/entities: \+2 -0 ~0  \(PERSON \+2\)/);
    writeFileSync(w.file, original);
    expect((await cli(['check', w.pages, '--pipeline', PIPELINE, '--approved', w.approved])).code).toBe(0);
  });

  it('maps annotations through an edit in the middle of a page: later ones are not reported', async () => {
    const w = workspace();
    await cli(['approve', w.pages, '--pipeline', PIPELINE, '--approved', w.approved]);
    const original = readFileSync(w.file, 'utf8');
    const at = original.indexOf('Baghdad is actively working');
    writeFileSync(w.file, `${original.slice(0, at)}Observers in Paris agreed. ${original.slice(at)}`);
    const r = await cli(['check', w.pages, '--pipeline', PIPELINE, '--approved', w.approved, '--json']);
    expect(r.code).toBe(1);
    const diff = JSON.parse(r.stdout);
    const entities = diff.changes.filter((c: { stage: string }) => c.stage === 'entities');
    expect(entities.map((c: { op: string; text: string }) => `${c.op} ${c.text}`)).toEqual(['added Paris']);
    // The edited paragraph keeps its identity and shows as changed text.
    const segments = diff.changes.filter((c: { stage: string }) => c.stage === 'segment');
    expect(segments.map((c: { op: string; fields: { field: string }[] }) => `${c.op} ${c.fields.map((f) => f.field).join(',')}`)).toEqual(['changed text']);
    expect(diff.summary.entities).toMatchObject({ added: 1, removed: 0, changed: 0 });
  });

  it('--stage and --doc narrow the comparison; --json is machine-readable', async () => {
    const w = workspace();
    await cli(['approve', w.pages, '--pipeline', PIPELINE, '--approved', w.approved]);
    writeFileSync(w.file, `${readFileSync(w.file, 'utf8')}\nAngela Merkel agreed.\n`);
    const onlyClaims = await cli(['check', w.pages, '--pipeline', PIPELINE, '--approved', w.approved, '--stage', 'claims', '--json']);
    expect(new Set(JSON.parse(onlyClaims.stdout).changes.map((c: { stage: string }) => c.stage))).toEqual(new Set(['claims']));
    const otherDoc = await cli(['check', w.pages, '--pipeline', PIPELINE, '--approved', w.approved, '--doc', '004_689926c6344c2fa1']);
    expect(otherDoc.code).toBe(0);
  });

  it('without a snapshot, check is a usage error that says what to run', async () => {
    const w = workspace();
    const r = await cli(['check', w.pages, '--pipeline', PIPELINE, '--approved', w.approved]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no approved snapshot here .*run `annotate approve` first/);
  });
});

describe('annotate check / eval: unreadable pages', () => {
  it('a binary page is a usage error naming the file, not a stack trace', async () => {
    const w = workspace();
    await cli(['approve', w.pages, '--pipeline', PIPELINE, '--approved', w.approved]);
    writeFileSync(join(w.pages, 'binary.txt'), Buffer.from([0x41, 0x00, 0x42]));
    for (const argv of [['check', w.pages, '--pipeline', PIPELINE, '--approved', w.approved], ['eval', '--gold', join(ROOT, 'tests/gold/segment.jsonl'), w.pages]]) {
      const r = await cli(argv);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/binary\.txt: contains a NUL byte at byte 1/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
