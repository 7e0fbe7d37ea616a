import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from '../helpers.js';
import { cliOnTerminal, records, seedRun, stripAnsi } from './fixture.js';

const DOC = '000_09eb5265a6b7dbef';

interface Claim {
  doc: string;
  text: string;
  label: string;
  score: number;
  cues: string[];
  source: { kind: string; text: string } | null;
}

/** The page text back from bracket markup (the seeds hold no brackets or braces of their own). */
const unmark = (s: string) =>
  s
    .replace(/\[([^[\]|]*)\|[A-Z]+:[^\]]+\]/g, '$1')
    .replace(/\{[USN]\d+ /g, '')
    .replace(/\}/g, '');
let out: string;
beforeAll(async () => {
  out = await seedRun();
});

describe('annotate show (no colour: piped or NO_COLOR)', () => {
  it('marks entities as [text|LABEL:id], claims as {U1 …} with their cues, threads by depth', async () => {
    const r = await cli(['show', DOC, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\x1b\[/);
    expect(r.stdout).toMatch(/^000_09eb5265a6b7dbef {2}seeds\/000_09eb5265a6b7dbef\.txt\n/);
    expect(r.stdout).toContain('[Kadhimi|PERSON:mustafa-al-kadhimi]');
    expect(r.stdout).toContain('title     [Iraq|COUNTRY:iraq] To Gain New Partners');
    expect(r.stdout).toMatch(/\nJens Holm {2}#1\n {2}\S/);
    // Every claim (not "not a claim") is marked at its sentence and has a note with its cues.
    const claims = records<Claim>(out, 'claims').filter((c) => c.doc === DOC && c.label !== 'not_claim');
    expect(claims.length).toBeGreaterThan(0);
    const count: Record<string, number> = {};
    for (const c of claims) {
      const key = `${c.label[0]!.toUpperCase()}${(count[c.label] = (count[c.label] ?? 0) + 1)}`;
      const marked = new RegExp(`\\{${key} ([^{}]*)\\}`).exec(r.stdout.slice(r.stdout.indexOf('\ntitle')));
      expect(marked, key).not.toBeNull();
      expect(unmark(marked![1]!)).toBe(c.text);
      const source = c.source ? `; source (${c.source.kind}): “${c.source.text.length > 60 ? c.source.text.slice(0, 59) + '…' : c.source.text}”` : '';
      expect(r.stdout).toContain(`\n  ${key} ${c.label.replace('_', ' ')} (score ${c.score}): ${c.cues.join('; ')}${source}\n`);
    }
  });

  it('shows every character of every segment, in page order, once the markup is removed', async () => {
    const r = await cli(['show', DOC, '--out', out, '--label', 'unsourced', 'sourced', 'not_claim']);
    const plain = unmark(r.stdout);
    const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
    let at = 0;
    for (const s of records<{ doc: string; text: string }>(out, 'segment').filter((s) => s.doc === DOC)) {
      const found = squash(plain).indexOf(squash(s.text), at);
      expect(found, s.text.slice(0, 60)).toBeGreaterThanOrEqual(0);
      at = found;
    }
  });

  it('indents replies under their parent with the author', async () => {
    const r = await cli(['show', '002_56ad20256a752cea', '--out', out]);
    const segs = records<{ doc: string; kind: string; depth: number; author: string | null; index: number }>(out, 'segment');
    const reply = segs.find((s) => s.doc === '002_56ad20256a752cea' && s.kind === 'comment' && s.depth === 1 && s.author)!;
    expect(r.stdout).toContain(`\n   ↳ ${reply.author}  #${reply.index} · reply to #`);
  });

  it('--label keeps only those labels; --stage keeps only those stages', async () => {
    const people = await cli(['show', DOC, '--out', out, '--label', 'person']);
    expect(people.stdout).toContain('|PERSON:');
    expect(people.stdout).not.toMatch(/\|(COUNTRY|ORG|LOCATION|NORP):/);
    expect(people.stdout).toContain('{U1 '); // claims are another layer, left alone
    const claimsOnly = await cli(['show', DOC, '--out', out, '--stage', 'claims']);
    expect(claimsOnly.stdout).not.toMatch(/\|[A-Z]+:/);
    expect(claimsOnly.stdout).toMatch(/\{U1 [^[|{}]+\}/);
  });

  it('accepts the page path and an unambiguous id prefix', async () => {
    const byPath = await cli(['show', 'seeds/000_09eb5265a6b7dbef.txt', '--out', out]);
    const byPrefix = await cli(['show', '000', '--out', out]);
    const byId = await cli(['show', DOC, '--out', out]);
    expect(byPath.stdout).toBe(byId.stdout);
    expect(byPrefix.stdout).toBe(byId.stdout);
  });

  it('NO_COLOR wins over a terminal', async () => {
    const r = await cliOnTerminal(['show', DOC, '--out', out], { NO_COLOR: '1' });
    expect(r.stdout).not.toMatch(/\x1b\[/);
    expect(r.stdout).toContain('[Kadhimi|PERSON:mustafa-al-kadhimi]');
  });
});

describe('annotate show (colour, on a terminal)', () => {
  it('colours entities by label and underlines claims instead of bracket markup, wrapped to the terminal', async () => {
    const r = await cliOnTerminal(['show', DOC, '--out', out], {}, 80);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('|PERSON:');
    expect(r.stdout).not.toContain('{U1 ');
    expect(r.stdout).toContain('\x1b[1m\x1b[36mKadhimi\x1b[39m\x1b[22m'); // PERSON: bold cyan
    expect(r.stdout).toContain('\x1b[1m\x1b[32mIraq\x1b[39m\x1b[22m'); // COUNTRY: bold green
    expect(r.stdout).toMatch(/\x1b\[1m\x1b\[31mU1 \x1b\[39m\x1b\[22m\x1b\[4m/); // red key, then the underlined sentence
    const lines = stripAnsi(r.stdout).split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(80);
    expect(stripAnsi(r.stdout)).toContain('title     Iraq To Gain New Partners Amid Saving Old Ties');
  });

  it('never lets a style run past the end of a line', async () => {
    const r = await cliOnTerminal(['show', DOC, '--out', out], {}, 60);
    for (const line of r.stdout.split('\n')) {
      const opened = (line.match(/\x1b\[(1|2|3|4|3[0-7]|9[0-7])m/g) ?? []).length;
      const closed = (line.match(/\x1b\[(22|24|23|39)m/g) ?? []).length;
      expect(closed, line).toBe(opened);
    }
  });
});

describe('annotate show (problems the user can fix)', () => {
  it('without an output folder, says to run `annotate run`', async () => {
    const r = await cli(['show', DOC, '--out', join(tempDir(), 'nothing-here')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nothing-here: no such output folder; run `annotate run` first/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('when the page changed since the run, says the output is stale', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'pages'));
    const page = join(dir, 'pages', 'p.txt');
    copyFileSync(join(ROOT, 'seeds', `${DOC}.txt`), page);
    const runOut = join(dir, 'out');
    expect((await cli(['run', join(dir, 'pages'), '--out', runOut])).code).toBe(0);
    expect((await cli(['show', 'p', '--out', runOut])).code).toBe(0);
    writeFileSync(page, 'Something else entirely.\n');
    const r = await cli(['show', 'p', '--out', runOut]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`annotate: ${relative(process.cwd(), page)}: changed since ${runOut}/manifest.json was written, so its annotations are stale; run \`annotate run\` again to refresh them\n`);
  });

  it('notes when the run has nothing to highlight, and still shows the page', async () => {
    const dir = tempDir();
    const pipeline = join(dir, 'plain.json');
    writeFileSync(pipeline, JSON.stringify({ stages: [{ id: 'segment', stage: 'segment' }] }));
    const runOut = join(dir, 'out');
    expect((await cli(['run', join(ROOT, 'seeds'), '--pipeline', pipeline, '--out', runOut])).code).toBe(0);
    const r = await cli(['show', DOC, '--out', runOut]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`note: ${runOut}/ has no entities or claims stage to highlight (its run had: segment); run \`annotate run\` with a pipeline that has them\n`);
    expect(r.stdout).toContain('title     Iraq To Gain New Partners');
    writeFileSync(pipeline, JSON.stringify({ stages: [{ id: 'segment', stage: 'segment', options: {} }] }));
    expect((await cli(['show', DOC, '--out', runOut])).stderr).toContain(`note: ${relative(process.cwd(), pipeline)} changed since ${runOut}/ was written; run \`annotate run\``);
  });

  it.each([
    [['show', 'nope'], /no document "nope" in .*manifest\.json; its documents are: 000_09eb5265a6b7dbef, 001_e3d0ca9771b6c168/],
    [['show', '00'], /"00" matches 5 documents/],
    [['show', DOC, '--label', 'PERSONS'], /--label: unknown label "PERSONS"; labels: PERSON, ORG, COUNTRY, LOCATION, NORP, unsourced_claim/],
    [['show', DOC, '--stage', 'tokenize'], /--stage: stage "tokenize" produces tokenize, which is not displayed; stages .* that can be shown: segment, entities, claims/],
  ])('%j exits 2 with a message', async (argv, message) => {
    const r = await cli([...argv, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('annotate show: comment widgets', () => {
  it('sums up the widget button lines of a thread in one line instead of listing each', async () => {
    const pages = tempDir('annotate-show-widgets-');
    mkdirSync(pages, { recursive: true });
    const thread = ['nora_k • 2 hours ago\nWhere is the army?\nReply • Share ›', '    Tim • 1 hour ago\n    In the north.\n    Reply • Share ›', 'Ola • 1 hour ago\nThanks.\nReply • Share ›'].join('\n\n');
    writeFileSync(join(pages, 'widgets.txt'), `Rebels Seize Northern Town\n\nThe rebels seized the town on Monday, officials said.\n\n\n${thread}\n\n\n© 2016 Example News. All rights reserved.\n`);
    const run = join(tempDir('annotate-show-widgets-run-'), 'run');
    expect((await cli(['run', pages, '--pipeline', join(ROOT, 'pipelines/default.json'), '--out', run, '--no-progress'])).code).toBe(0);
    const r = await cli(['show', 'widgets', '--out', run], { NO_COLOR: '1' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('3 widget lines in the thread (footer), e.g. “Reply • Share ›”');
    expect(r.stdout).not.toMatch(/^footer\s+Reply/m);
    expect(r.stdout).toMatch(/^footer\s+© 2016 /m);
  });
});
