import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';
import { tempProject } from './project.js';

describe('annotate gazetteer stats', () => {
  it('counts entries and names per file and label', async () => {
    const p = tempProject({
      'people.jsonl': '# people\n{"id":"a-b","label":"PERSON","name":"A B","aliases":["B"],"variants":["A Bee"]}\n{"id":"c-d","label":"PERSON","name":"C D","cased":["C D","CD"]}\nbroken\n',
      'places.jsonl': '# places\n{"id":"x","label":"LOCATION","name":"X Town","demonyms":["Xer","Xers"]}\n{"id":"y","label":"ORG","name":"Y Org","aliases":["Y","Yo"]}\n',
    });
    const r = await cli(['gazetteer', 'stats', '--pipeline', p.pipeline, '--json']);
    expect(r.code).toBe(0);
    const stats = JSON.parse(r.stdout);
    const file = (f: string) => stats.files.find((x: { file: string }) => x.file.endsWith(f));
    expect(file('people.jsonl')).toMatchObject({ entries: 2, aliases: 1, cased: 1, variants: 1, demonyms: 0, names: 5 });
    expect(stats.rows.filter((x: { file: string }) => x.file.endsWith('places.jsonl')).map((x: { label: string; entries: number; names: number }) => [x.label, x.entries, x.names])).toEqual([
      ['ORG', 1, 3],
      ['LOCATION', 1, 3],
    ]);
    expect(stats.labels.map((l: { label: string; entries: number }) => [l.label, l.entries])).toEqual([
      ['PERSON', 2],
      ['ORG', 1],
      ['LOCATION', 1],
    ]);
    expect(stats.total).toMatchObject({ entries: 4, names: 11 });
    expect(stats.broken).toBe(1);
    const text = await cli(['gazetteer', 'stats', '--pipeline', p.pipeline]);
    expect(text.stdout).toMatch(/^file +label +entries +aliases +cased +variants +demonyms +names\n/);
    expect(text.stdout).toMatch(/people\.jsonl +PERSON +2 +1 +1 +1 +0 +5\n/);
    expect(text.stdout).toMatch(/all files +all +4 +3 +1 +1 +2 +11\n/);
    expect(text.stdout).toMatch(/1 lines are not valid entries/);
  });

  it('annotate gazetteer without a subcommand shows its help and exits 2; --help exits 0', async () => {
    const bare = await cli(['gazetteer']);
    expect(bare.code).toBe(2);
    const help = await cli(['gazetteer', '--help']);
    expect(help.code).toBe(0);
    for (const sub of ['lint', 'add', 'suggest', 'export', 'import', 'stats']) expect(help.stdout).toMatch(new RegExp(`\\n  ${sub} `));
  });
});
