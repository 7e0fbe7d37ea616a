import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';
import { records, seedRun } from './fixture.js';

interface Rec {
  doc: string;
  label: string;
  id: string;
  kind: string;
  author: string | null;
}

let out: string;
beforeAll(async () => {
  out = await seedRun();
});

/** Counts straight from the JSONL files, independently of the report code. */
function countBy<T>(rows: T[], key: (r: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of rows) counts[key(r)] = (counts[key(r)] ?? 0) + 1;
  return counts;
}

describe('annotate stats', () => {
  it('--json agrees with the counts in the JSONL files', async () => {
    const r = await cli(['stats', '--from', out, '--json']);
    expect(r.code).toBe(0);
    const stats = JSON.parse(r.stdout);
    const entities = records<Rec>(out, 'entities');
    const claims = records<Rec>(out, 'claims');
    const comments = records<Rec>(out, 'segment').filter((s) => s.kind === 'comment');
    expect(stats.documents).toHaveLength(5);

    for (const d of stats.documents) {
      const nonZero = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).filter(([, n]) => n > 0));
      expect(nonZero(d.entities), d.doc).toEqual(countBy(entities.filter((e) => e.doc === d.doc), (e) => e.label));
      expect(nonZero(d.claims), d.doc).toEqual(countBy(claims.filter((c) => c.doc === d.doc), (c) => c.label));
      const mine = comments.filter((c) => c.doc === d.doc);
      expect(d.comments).toBe(mine.length);
      expect(Object.fromEntries(d.authors.map((a: { name: string | null; comments: number }) => [String(a.name), a.comments]))).toEqual(countBy(mine, (c) => String(c.author)));
    }

    const perEntity = countBy(entities, (e) => `${e.label} ${e.id} ${e.doc}`);
    let listed = 0;
    for (const [label, list] of Object.entries(stats.entities) as [string, { id: string; total: number; perDocument: Record<string, number> }[]][]) {
      for (const e of list) {
        expect(e.total).toBe(Object.values(e.perDocument).reduce((a, b) => a + b, 0));
        for (const [doc, n] of Object.entries(e.perDocument)) expect(n, `${label} ${e.id} ${doc}`).toBe(perEntity[`${label} ${e.id} ${doc}`]);
        listed += e.total;
      }
    }
    expect(listed).toBe(entities.length);
    expect(stats.totals.comments).toBe(comments.length);
    expect(stats.totals.claims).toEqual(countBy(claims, (c) => c.label));
  });

  it('prints a documents table, one table per label with a column per document, and the authors', async () => {
    const r = await cli(['stats', '--from', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\x1b\[/);
    const entities = records<Rec>(out, 'entities');
    expect(r.stdout).toContain(`5 documents, ${entities.length} entity mentions`);
    expect(r.stdout).toMatch(/\n {6}document {14}comments {2}authors {2}unsourced claim {2}sourced claim {2}not a claim {2}entities\n/);
    const d1 = '000_09eb5265a6b7dbef';
    const segs = records<Rec>(out, 'segment').filter((s) => s.doc === d1 && s.kind === 'comment');
    const claims = countBy(records<Rec>(out, 'claims').filter((c) => c.doc === d1), (c) => c.label);
    const row = [segs.length, new Set(segs.filter((s) => s.author).map((s) => s.author)).size, claims.unsourced_claim ?? 0, claims.sourced_claim ?? 0, claims.not_claim ?? 0, entities.filter((e) => e.doc === d1).length];
    expect(r.stdout).toMatch(new RegExp(`\\n {2}D1 {2}${d1} +${row.join(' +')}\\n`));
    const persons = entities.filter((e) => e.label === 'PERSON');
    expect(r.stdout).toContain(`\nPERSON — ${new Set(persons.map((p) => p.id)).size} entities, ${persons.length} mentions\n`);
    const parly = ['000_09eb5265a6b7dbef', '001_e3d0ca9771b6c168', '002_56ad20256a752cea', '003_8b9a234331c770bc', '004_689926c6344c2fa1'].map(
      (doc) => persons.filter((p) => p.doc === doc && p.id === 'florence-parly').length || '·',
    );
    expect(r.stdout).toMatch(new RegExp(`\\n {2}Florence Parly +florence-parly +${parly.join(' +')} +${persons.filter((p) => p.id === 'florence-parly').length}\\n`));
    expect(r.stdout).toMatch(/\n {2}D1 000_09eb5265a6b7dbef: Jens Holm 4, Lux et Veritas 3, \(no name\) 5\n/);
  });

  it('without an output folder, says to run `annotate run`', async () => {
    const r = await cli(['stats', '--from', 'no-such-output']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^annotate: no-such-output: no such output folder; run `annotate run` first .*--from DIR\n$/);
  });
});
