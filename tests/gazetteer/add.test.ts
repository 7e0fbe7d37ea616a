import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from '../helpers.js';
import { pages, tempProject } from './project.js';

const read = (path: string) => readFileSync(path, 'utf8');

/** Lines of b that are not in a (b is a with lines added or replaced). */
function changedLines(a: string, b: string): string[] {
  const before = new Set(a.split('\n'));
  return b.split('\n').filter((l) => !before.has(l));
}

describe('annotate gazetteer add', () => {
  it('adds a person the next run uses: two PERSON mentions with one id', async () => {
    const p = tempProject();
    const people = join(p.gazetteers, 'people.jsonl');
    const before = read(people);
    const r = await cli(['gazetteer', 'add', '--pipeline', p.pipeline, '--label', 'PERSON', '--name', 'Zorblat Quenmoor', '--alias', 'Quenmoor']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^added zorblat-quenmoor \(PERSON "Zorblat Quenmoor"\) in .*people\.jsonl:\d+\n/);
    const after = read(people);
    // One line more, in id order, in the file's own format; nothing else changed.
    expect(changedLines(before, after)).toEqual(['{"id":"zorblat-quenmoor","label":"PERSON","name":"Zorblat Quenmoor","aliases":["Quenmoor"]}']);
    expect(after.split('\n').length).toBe(before.split('\n').length + 1);
    const ids = after.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l).id as string);
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

    const input = pages(p.dir, { visit: 'Visit report\n\nWe met Zorblat Quenmoor yesterday. Later Quenmoor left.\n' });
    const out = join(p.dir, 'out');
    const run = await cli(['run', input, '--pipeline', p.pipeline, '--out', out]);
    expect(run.code).toBe(0);
    const mentions = read(join(out, 'entities.jsonl')).trim().split('\n').map((l) => JSON.parse(l)).filter((m) => m.label === 'PERSON');
    expect(mentions.map((m) => [m.text, m.id, m.source])).toEqual([
      ['Zorblat Quenmoor', 'zorblat-quenmoor', 'gazetteer'],
      ['Quenmoor', 'zorblat-quenmoor', 'gazetteer'],
    ]);
    // The new entry lints clean with the rest.
    const lint = await cli(['gazetteer', 'lint', '--quiet', '--no-probe', join(p.gazetteers, 'people.jsonl')]);
    expect(lint.stdout).toBe('');
  });

  it('refuses an id or a name that belongs to another entry (exit 2, naming file and fix), unless told how to resolve it', async () => {
    const p = tempProject();
    const people = join(p.gazetteers, 'people.jsonl');
    const before = read(people);
    const add = (...args: string[]) => cli(['gazetteer', 'add', '--pipeline', p.pipeline, ...args]);

    const sameId = await add('--label', 'PERSON', '--name', 'Mustafa al-Kadhimi');
    expect(sameId.code).toBe(2);
    expect(sameId.stderr).toMatch(/^annotate: .*people\.jsonl:\d+: id "mustafa-al-kadhimi" already belongs to "Mustafa al-Kadhimi" \(PERSON\); pass --merge to add the names to that entry, or choose another --id\n$/);

    const taken = await add('--label', 'PERSON', '--name', 'Zed Kadhimi', '--alias', 'Kadhimi');
    expect(taken.code).toBe(2);
    expect(taken.stderr).toMatch(/^annotate: .*people\.jsonl:\d+: "Kadhimi" already belongs to "mustafa-al-kadhimi" \(Mustafa al-Kadhimi\); leave it out, or pass --conflict skip .* or --conflict move .*\n$/);
    expect(taken.stderr.split('\n').length).toBe(2); // one line
    const nameTaken = await add('--label', 'PERSON', '--name', 'Kadhimi', '--conflict', 'skip');
    expect(nameTaken.code).toBe(2);
    expect(nameTaken.stderr).toMatch(/: the name "Kadhimi" already belongs to "mustafa-al-kadhimi" \(Mustafa al-Kadhimi\); choose another --name .*--id mustafa-al-kadhimi --merge\n$/);
    expect(read(people)).toBe(before);

    const skipped = await add('--label', 'PERSON', '--name', 'Zed Kadhimi', '--alias', 'Kadhimi', '--alias', 'Zed K', '--conflict', 'skip');
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toMatch(/note: left out "Kadhimi": belongs to "mustafa-al-kadhimi"/);
    expect(changedLines(before, read(people))).toEqual(['{"id":"zed-kadhimi","label":"PERSON","name":"Zed Kadhimi","aliases":["Zed K"]}']);
  });

  it('--conflict move takes the name from the other entry; --merge adds names to an existing entry', async () => {
    const p = tempProject({
      'people.jsonl': '# people\n{"id":"ann-bee","label":"PERSON","name":"Ann Bee","aliases":["Bee","A. Bee"]}\n{"id":"cy-dee","label":"PERSON","name":"Cy Dee"}\n',
    });
    const people = join(p.gazetteers, 'people.jsonl');
    const moved = await cli(['gazetteer', 'add', '-p', p.pipeline, '-l', 'PERSON', '-n', 'Bob Bee', '-a', 'Bee', '--conflict', 'move']);
    expect(moved.code).toBe(0);
    expect(moved.stdout).toMatch(/^moved "Bee" from ann-bee/);
    expect(read(people)).toBe(
      '# people\n{"id":"ann-bee","label":"PERSON","name":"Ann Bee","aliases":["A. Bee"]}\n{"id":"bob-bee","label":"PERSON","name":"Bob Bee","aliases":["Bee"]}\n{"id":"cy-dee","label":"PERSON","name":"Cy Dee"}\n',
    );
    const merged = await cli(['gazetteer', 'add', '-p', p.pipeline, '--id', 'cy-dee', '--merge', '--alias', 'Dee', '--variant', 'Cy Dea', '--case-sensitive', 'CD', '--note', 'a test person']);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toMatch(/^updated cy-dee /);
    expect(read(people).split('\n')[3]).toBe('{"id":"cy-dee","label":"PERSON","name":"Cy Dee","aliases":["Dee"],"cased":["CD"],"variants":["Cy Dea"],"note":"a test person"}');
    // The canonical name of another entry cannot be moved.
    const name = await cli(['gazetteer', 'add', '-p', p.pipeline, '-l', 'PERSON', '-n', 'Ann Bee Junior', '-a', 'Ann Bee', '--conflict', 'move']);
    expect(name.code).toBe(2);
    expect(name.stderr).toMatch(/"Ann Bee" is the canonical name of "ann-bee"/);
  });

  it('picks the file by label, refuses COUNTRY/NORP and generated files, and writes nothing on --dry-run', async () => {
    const p = tempProject();
    const add = (...args: string[]) => cli(['gazetteer', 'add', '--pipeline', p.pipeline, ...args]);
    const org = await add('--label', 'ORG', '--name', 'Quorbex Holdings', '--dry-run');
    expect(org.code).toBe(0);
    expect(org.stdout).toMatch(/^\{"id":"quorbex-holdings","label":"ORG","name":"Quorbex Holdings"\}\n\(dry run: would add this line to .*organisations\.jsonl:\d+; nothing written\)\n$/);
    expect(read(join(p.gazetteers, 'organisations.jsonl'))).toBe(read(join(ROOT, 'gazetteers/organisations.jsonl')));
    const place = await add('--label', 'LOCATION', '--name', 'Quorbex Valley');
    expect(place.stdout).toMatch(/places\.jsonl:\d+/);

    const country = await add('--label', 'COUNTRY', '--name', 'Zembla');
    expect(country.code).toBe(2);
    expect(country.stderr).toMatch(/COUNTRY entries live in the generated countries\.jsonl: add .* to .*gazetteers\/sources\/country-overrides\.jsonl and run node scripts\/build-country-gazetteer\.mjs/);
    const norp = await add('--label', 'NORP', '--name', 'Zemblan');
    expect(norp.code).toBe(2);
    const generated = await add('--label', 'LOCATION', '--name', 'Zembla City', '--file', join(p.gazetteers, 'capitals.jsonl'));
    expect(generated.code).toBe(2);
    expect(generated.stderr).toMatch(/capitals\.jsonl is generated by scripts\/build-country-gazetteer\.mjs and must not be edited by hand/);
  });

  it('checks its options: label, id, empty name; warns about ordinary words and files the pipeline does not read', async () => {
    const p = tempProject({ 'people.jsonl': '# people\n' });
    const add = (...args: string[]) => cli(['gazetteer', 'add', '--pipeline', p.pipeline, ...args]);
    expect((await add('--label', 'PEOPLE', '--name', 'X Y')).stderr).toMatch(/--label must be one of PERSON, COUNTRY, ORG, LOCATION, NORP, got "PEOPLE"/);
    expect((await add('--label', 'PERSON', '--name', 'X Y', '--id', 'X Y')).stderr).toMatch(/--id "X Y" is not lowercase letters and digits/);
    expect((await add('--label', 'PERSON', '--name', '  ')).stderr).toMatch(/--name is empty/);
    expect((await add('--name', 'X Y')).stderr).toMatch(/a new entry needs --label and --name/);
    const common = await add('--label', 'ORG', '--name', 'Quorbex Holdings', '--alias', 'Ladder', '--file', join(p.gazetteers, 'orgs.jsonl'));
    expect(common.code).toBe(0);
    expect(common.stderr).not.toMatch(/not among the gazetteers/); // a new file in the gazetteer folder is read
    expect(common.stderr).toMatch(/warning: "Ladder" is an ordinary English word .* pass it with --case-sensitive/);
    expect(read(join(p.gazetteers, 'orgs.jsonl'))).toBe('# orgs.jsonl: ORG entries (format: README, "Gazetteers"), sorted by id.\n{"id":"quorbex-holdings","label":"ORG","name":"Quorbex Holdings","aliases":["Ladder"]}\n');
    const outside = await add('--label', 'ORG', '--name', 'Outside Org', '--file', join(p.dir, 'elsewhere.jsonl'));
    expect(outside.code).toBe(0);
    expect(outside.stderr).toMatch(/warning: .*elsewhere\.jsonl is not among the gazetteers the pipeline reads/);
    expect(existsSync(join(p.dir, 'elsewhere.jsonl'))).toBe(true);
    // Normalised spaces; a name listed as case-sensitive is matched only as written.
    await add('--label', 'PERSON', '--name', ' Ann   Bee ', '--case-sensitive', 'Ann Bee', '--alias', 'ANN BEE');
    expect(read(join(p.gazetteers, 'people.jsonl'))).toBe('# people\n{"id":"ann-bee","label":"PERSON","name":"Ann Bee","cased":["Ann Bee"]}\n');
  });

  it("keeps a file's own style: spaced JSON and CRLF line ends", async () => {
    const p = tempProject({ 'people.jsonl': '# people\r\n{"id": "ann-bee", "label": "PERSON", "name": "Ann Bee"}\r\n{"id": "cy-dee", "label": "PERSON", "name": "Cy Dee"}\r\n' });
    const r = await cli(['gazetteer', 'add', '-p', p.pipeline, '-l', 'PERSON', '-n', 'Bo Cee', '-a', 'Cee', '-a', 'B. Cee']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(p.gazetteers, 'people.jsonl'), 'utf8')).toBe(
      '# people\r\n{"id": "ann-bee", "label": "PERSON", "name": "Ann Bee"}\r\n{"id": "bo-cee", "label": "PERSON", "name": "Bo Cee", "aliases": ["Cee", "B. Cee"]}\r\n{"id": "cy-dee", "label": "PERSON", "name": "Cy Dee"}\r\n',
    );
  });
});
