import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editDistance, shellQuote } from '../../src/gazetteer/suggest.js';
import { cli } from '../helpers.js';
import { pages, tempProject } from './project.js';

const PAGES = {
  a: 'Talks in Baghdad\n\nHamid Farouqi, an adviser to the ministry, met officials in Baghdad on Monday.\nFarouqi said the talks with Mustafa al-Kadhimi went well.\n',
  b: 'More talks\n\nThe Iraqi side waited. Later, Farouqi said that Iraq would wait.\n',
};

describe('annotate gazetteer suggest', () => {
  it('proposes a recurring unknown name with its documents, contexts and a guessed label, in gazetteer line format', async () => {
    const p = tempProject();
    const input = pages(p.dir, PAGES);
    const before = readFileSync(join(p.gazetteers, 'people.jsonl'), 'utf8');
    const r = await cli(['gazetteer', 'suggest', input, '--pipeline', p.pipeline]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('# 1. "Hamid Farouqi" PERSON (');
    expect(r.stdout).toMatch(/— 3× in a, b\n/);
    expect(r.stdout).toContain('#    a:3:1  Hamid Farouqi, an adviser to the ministry, met officials in Bag…');
    expect(r.stdout).toContain('#    a:4:1  Farouqi said the talks with Mustafa al-Kadhimi went well.');
    expect(r.stdout).toContain('#    b:3:31  The Iraqi side waited. Later, Farouqi said that Iraq would wait.');
    expect(r.stdout).toContain("# annotate gazetteer add --label PERSON --name 'Hamid Farouqi' --alias Farouqi\n");
    expect(r.stdout).toContain('\n{"id":"hamid-farouqi","label":"PERSON","name":"Hamid Farouqi","aliases":["Farouqi"]}\n');
    // Names the gazetteers cover are not proposed.
    for (const known of ['Baghdad', 'Iraq', 'Iraqi', 'Kadhimi', 'Monday']) expect(r.stdout).not.toContain(`"${known}"`);
    // Every line is a comment or an entry: the output is itself a valid gazetteer.
    for (const line of r.stdout.trim().split('\n')) expect(line.startsWith('#') || JSON.parse(line).id !== undefined).toBe(true);
    // suggest never edits files.
    expect(readFileSync(join(p.gazetteers, 'people.jsonl'), 'utf8')).toBe(before);

    // After add (fed the proposed command), the name is covered and no longer proposed.
    const add = await cli(['gazetteer', 'add', '--pipeline', p.pipeline, '--label', 'PERSON', '--name', 'Hamid Farouqi', '--alias', 'Farouqi']);
    expect(add.code).toBe(0);
    const again = await cli(['gazetteer', 'suggest', input, '--pipeline', p.pipeline]);
    expect(again.stdout).not.toContain('Farouqi');
    expect(again.stdout).toMatch(/^# annotate gazetteer suggest: 0 names the gazetteers do not cover, in 2 documents/);
  });

  it('proposes a new spelling of a known entry as another name of that entry (fuzzy match)', async () => {
    const p = tempProject({
      'people.jsonl': '# people\n{"id":"zorblat-quenmoorian","label":"PERSON","name":"Zorblat Quenmoorian","aliases":["Quenmoorian"]}\n{"id":"mustafa-al-kadhimi","label":"PERSON","name":"Mustafa al-Kadhimi"}\n',
    });
    const input = pages(p.dir, {
      a: 'Notes\n\nWe met Zorblat Quenmurian today. Zorblat Quenmurian was late.\nMustafa Kadhimi spoke, and Mustafa Kadhimi left.\n',
    });
    const r = await cli(['gazetteer', 'suggest', input, '--pipeline', p.pipeline, '--format', 'add']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').sort()).toEqual(['', "annotate gazetteer add --id mustafa-al-kadhimi --merge --alias 'Mustafa Kadhimi'", "annotate gazetteer add --id zorblat-quenmoorian --merge --variant 'Zorblat Quenmurian'"]);
    const text = await cli(['gazetteer', 'suggest', input, '--pipeline', p.pipeline]);
    expect(text.stdout).toMatch(/"Zorblat Quenmurian": a spelling of zorblat-quenmoorian "Zorblat Quenmoorian" \(.*people\.jsonl:2\) — 2× in a/);
    expect(text.stdout).toMatch(/"Mustafa Kadhimi": another name of mustafa-al-kadhimi "Mustafa al-Kadhimi"/);
    // The proposed command works as printed.
    const add = await cli(['gazetteer', 'add', '--pipeline', p.pipeline, '--id', 'zorblat-quenmoorian', '--merge', '--variant', 'Zorblat Quenmurian']);
    expect(add.code).toBe(0);
    expect(readFileSync(join(p.gazetteers, 'people.jsonl'), 'utf8')).toContain('"variants":["Zorblat Quenmurian"]');
  });

  it('--min-count, --label and --format json; usage errors exit 2', async () => {
    const p = tempProject();
    const input = pages(p.dir, PAGES);
    const json = JSON.parse((await cli(['gazetteer', 'suggest', input, '--pipeline', p.pipeline, '--format', 'json'])).stdout);
    expect(json.documents).toBe(2);
    expect(json.proposals[0]).toMatchObject({ kind: 'new', label: 'PERSON', name: 'Hamid Farouqi', aliases: ['Farouqi'], count: 3, docs: ['a', 'b'] });
    expect(json.proposals[0].contexts[0]).toEqual({ doc: 'a', line: 3, col: 1, form: 'Hamid Farouqi', snippet: expect.any(String) });
    const high = JSON.parse((await cli(['gazetteer', 'suggest', input, '-p', p.pipeline, '--format', 'json', '--min-count', '4'])).stdout);
    expect(high.proposals).toEqual([]);
    const orgs = JSON.parse((await cli(['gazetteer', 'suggest', input, '-p', p.pipeline, '--format', 'json', '--label', 'ORG'])).stdout);
    expect(orgs.proposals.every((x: { label: string }) => x.label === 'ORG')).toBe(true);
    for (const [args, message] of [
      [['--min-count', '0'], /--min-count must be a whole number of at least 1/],
      [['--label', 'THING'], /--label must be one of/],
      [['--format', 'xml'], /--format must be text, add or json/],
    ] as const) {
      const r = await cli(['gazetteer', 'suggest', input, '-p', p.pipeline, ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });

  it('helpers: bounded edit distance and shell quoting', () => {
    expect(editDistance('quenmurian', 'quenmoorian', 2)).toBe(2);
    expect(editDistance('farouqi', 'farouiq', 1)).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
    expect(shellQuote('Farouqi')).toBe('Farouqi');
    expect(shellQuote('Hamid Farouqi')).toBe("'Hamid Farouqi'");
    expect(shellQuote("O'Brien $x")).toBe('"O\'Brien \\$x"');
  });
});
