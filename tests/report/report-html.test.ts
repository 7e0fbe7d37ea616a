import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers.js';
import { records, seedRun } from './fixture.js';

let out: string;
beforeAll(async () => {
  out = await seedRun();
});

describe('annotate report (the file)', () => {
  it('writes DIR/report.html by default and says where', async () => {
    const r = await cli(['report', '--from', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`wrote ${out}/report.html (5 documents); open it in a browser\n`);
    expect(existsSync(join(out, 'report.html'))).toBe(true);
  });

  it('is self-contained: inline style and script, nothing fetched', async () => {
    const file = join(tempDir(), 'nested', 'r.html');
    expect((await cli(['report', '--from', out, '--out', file])).code).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('<style>');
    expect(html).toContain('<script>');
    for (const external of [/<link\b/i, /\bsrc\s*=/i, /@import/i, /url\(/i, /<iframe/i, /fetch\(/, /XMLHttpRequest/]) expect(html).not.toMatch(external);
  });

  it('has one mark per entity record and one span per claim record', async () => {
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const main = html.slice(html.indexOf('<main'));
    expect(main.match(/<mark class="ent"/g)?.length).toBe(records(out, 'entities').length);
    expect(main.match(/<span class="claim"/g)?.length).toBe(records(out, 'claims').length);
  });

  it('is the same bytes every time (diffable)', async () => {
    const a = join(tempDir(), 'a.html');
    const b = join(tempDir(), 'b.html');
    await cli(['report', '--from', out, '--out', a]);
    await cli(['report', '--from', out, '--out', b]);
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'));
  });

  it.each([
    [['report', '--from', 'no-such-output'], /^annotate: no-such-output: no such output folder; run `annotate run` first/],
    [['report', '--out', 'report.txt'], /--out must name an \.html file, got "report\.txt"/],
  ])('%j exits 2 with a message', async (argv, message) => {
    const r = await cli(argv.includes('--from') ? argv : [...argv, '--from', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
