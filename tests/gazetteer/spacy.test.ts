import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromSpacyJsonl, joinTokens, spacyTokens, toSpacyPatterns } from '../../src/gazetteer/spacy.js';
import { parseSource, plainEntry } from '../../src/gazetteer/source.js';
import { cli, tempDir } from '../helpers.js';
import { tempProject } from './project.js';

/** Entries of gazetteer text (no file or line), by id. */
function entriesOf(text: string) {
  const source = parseSource(text, '/x.jsonl', 'x.jsonl');
  return source.lines.filter((l) => l.entry).map((l) => plainEntry(l.entry!)).sort((a, b) => (a.id < b.id ? -1 : 1));
}

const SAMPLE = [
  '{"id":"iraq","label":"COUNTRY","name":"Iraq","aliases":["Republic of Iraq"],"variants":["Iraque"],"demonyms":["Iraqi","Iraqis"],"note":"IQ"}',
  '{"id":"islamic-state","label":"ORG","name":"Islamic State","aliases":["ISIS","Da’esh"],"cased":["IS"]}',
  '{"id":"mustafa-al-kadhimi","label":"PERSON","name":"Mustafa al-Kadhimi","aliases":["Kadhimi"]}',
  '{"id":"tyre","label":"LOCATION","name":"Tyre","aliases":["Sour"],"cased":["Tyre"]}',
  '{"id":"us","label":"COUNTRY","name":"United States","aliases":["U.S."],"cased":["US"]}',
].join('\n') + '\n';

describe('annotate gazetteer export/import --format spacy', () => {
  it('writes EntityRuler token patterns: LOWER for case-insensitive names, ORTH for case-sensitive ones, NORP demonyms with their id', () => {
    const entries = entriesOf(SAMPLE);
    const plain = toSpacyPatterns(entries, new Set(['sour']), true);
    for (const p of plain) expect(Object.keys(p)).toEqual(['label', 'pattern', 'id']);
    const find = (id: string, first: string) => plain.find((p) => p.id === id && JSON.stringify(p.pattern).includes(first));
    expect(find('iraq', '"iraq"')).toEqual({ label: 'COUNTRY', pattern: [{ LOWER: 'iraq' }], id: 'iraq' });
    expect(find('iraq', 'iraqis')).toEqual({ label: 'NORP', pattern: [{ LOWER: 'iraqis' }], id: 'iraq' });
    expect(find('islamic-state', 'ORTH')).toEqual({ label: 'ORG', pattern: [{ ORTH: 'IS' }], id: 'islamic-state' });
    expect(find('mustafa-al-kadhimi', 'mustafa')!.pattern).toEqual([{ LOWER: 'mustafa' }, { LOWER: 'al' }, { LOWER: '-' }, { LOWER: 'kadhimi' }]);
    expect(find('us', 'u.s.')!.pattern).toEqual([{ LOWER: 'u.s.' }]);
    // A name in the common-words list is matched as written by annotate, so ORTH too.
    expect(find('tyre', 'Sour')).toEqual({ label: 'LOCATION', pattern: [{ ORTH: 'Sour' }], id: 'tyre' });
    // The canonical name listed under cased is one ORTH pattern, not two.
    expect(plain.filter((p) => p.id === 'tyre').map((p) => p.pattern)).toEqual([[{ ORTH: 'Sour' }], [{ ORTH: 'Tyre' }]]);
  });

  it('round trip: export → import gives the same entries (the repository gazetteers, through the CLI)', async () => {
    const p = tempProject();
    const dir = tempDir();
    const patterns = join(dir, 'patterns.jsonl');
    const exported = await cli(['gazetteer', 'export', '--format', 'spacy', '--pipeline', p.pipeline, '--out', patterns]);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toMatch(/^wrote \d+ patterns for \d+ entries to /);
    const lines = readFileSync(patterns, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.every((l) => typeof l.label === 'string' && Array.isArray(l.pattern) && typeof l.id === 'string')).toBe(true);
    const back = join(dir, 'back.jsonl');
    const imported = await cli(['gazetteer', 'import', '--format', 'spacy', patterns, '--out', back]);
    expect(imported.code).toBe(0);
    const original = entriesOf(
      readdirSync(p.gazetteers)
        .filter((f) => f.endsWith('.jsonl'))
        .map((f) => readFileSync(join(p.gazetteers, f), 'utf8'))
        .join('\n'),
    );
    const roundTripped = entriesOf(readFileSync(back, 'utf8'));
    expect(roundTripped.length).toBe(original.length);
    expect(roundTripped).toEqual(original);
    // The imported file is a gazetteer that lints without errors of its own making.
    const lint = await cli(['gazetteer', 'lint', '--quiet', '--no-probe', back]);
    expect(lint.stdout.split('\n').filter((l) => l && !/Djibouti|Thai|Togolese|Vatican/.test(l))).toEqual([]);
  });

  it('round trip of the sample, and import of plain patterns written elsewhere (grouped by id, names rebuilt from tokens)', () => {
    const entries = entriesOf(SAMPLE);
    const jsonl = toSpacyPatterns(entries).map((p) => JSON.stringify(p)).join('\n');
    expect(fromSpacyJsonl(jsonl)).toEqual({ entries, problems: [] });

    const foreign = [
      '{"label":"PERSON","pattern":[{"LOWER":"mustafa"},{"LOWER":"al"},{"LOWER":"-"},{"LOWER":"kadhimi"}],"id":"kadhimi"}',
      '{"label":"GPE","pattern":[{"ORTH":"Baghdad"}],"id":"baghdad"}',
      '{"label":"PERSON","pattern":[{"LOWER":"kadhimi"}],"id":"kadhimi"}',
      '{"label":"ORG","pattern":"World Health Organization"}',
      '{"label":"NORP","pattern":[{"LOWER":"iraqi"}],"id":"iraq"}',
      '{"label":"GPE","pattern":[{"LOWER":"iraq"}],"id":"iraq"}',
    ].join('\n');
    const { entries: read, problems } = fromSpacyJsonl(foreign);
    expect(problems).toEqual([]);
    expect(read).toEqual([
      { id: 'kadhimi', label: 'PERSON', name: 'Mustafa al-Kadhimi', aliases: ['Kadhimi'] },
      { id: 'baghdad', label: 'LOCATION', name: 'Baghdad', cased: ['Baghdad'] },
      { id: 'world-health-organization', label: 'ORG', name: 'World Health Organization', cased: ['World Health Organization'] },
      { id: 'iraq', label: 'LOCATION', name: 'Iraq', demonyms: ['Iraqi'] },
    ]);
  });

  it('reports patterns that cannot become names, with their line', async () => {
    const dir = tempDir();
    const file = join(dir, 'bad.jsonl');
    writeFileSync(file, '{"label":"PERSON","pattern":[{"LEMMA":"run"}],"id":"x"}\n{"label":"EVENT","pattern":[{"LOWER":"x"}],"id":"y"}\nnot json\n{"label":"PERSON","pattern":[{"LOWER":"a"}],"id":"z"}\n{"label":"ORG","pattern":[{"LOWER":"b"}],"id":"z"}\n');
    const r = await cli(['gazetteer', 'import', '--format', 'spacy', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.jsonl:1: only token patterns of \{"LOWER": "…"\}/);
    expect(r.stderr).toMatch(/bad\.jsonl:2: label "EVENT" is not one of/);
    expect(r.stderr).toMatch(/bad\.jsonl:3: not JSON/);
    expect(r.stderr).toMatch(/bad\.jsonl:4: id "z" has patterns labelled PERSON and ORG/);
    expect((await cli(['gazetteer', 'export', '--format', 'csv'])).stderr).toMatch(/--format must be spacy/);
    const out = join(dir, 'exists.jsonl');
    writeFileSync(out, '');
    const good = join(dir, 'good.jsonl');
    writeFileSync(good, '{"label":"ORG","pattern":[{"LOWER":"acme"}],"id":"acme"}\n');
    expect((await cli(['gazetteer', 'import', '--format', 'spacy', good, '--out', out])).stderr).toMatch(/exists; pass --force/);
    expect((await cli(['gazetteer', 'import', '--format', 'spacy', good])).stdout).toMatch(/^# Imported from .*\n\{"id":"acme","label":"ORG","name":"Acme"\}\n$/);
  });

  it('tokens follow spaCy for names and join back', () => {
    expect(spacyTokens('Robert E. Lee')).toEqual(['Robert', 'E.', 'Lee']);
    expect(spacyTokens("Jehovah's Witnesses")).toEqual(['Jehovah', "'s", 'Witnesses']);
    expect(spacyTokens('al-Aqsa Martyrs’ Brigades')).toEqual(['al', '-', 'Aqsa', 'Martyrs', '’', 'Brigades']);
    expect(spacyTokens('AT&T')).toEqual(['AT&T']);
    expect(spacyTokens('Washington, D.C.')).toEqual(['Washington', ',', 'D.C.']);
    expect(spacyTokens('Warner Bros. Discovery')).toEqual(['Warner', 'Bros.', 'Discovery']);
    expect(joinTokens(['al', '-', 'Aqsa', 'Martyrs', "'", 'Brigades'])).toBe("al-Aqsa Martyrs' Brigades");
    expect(joinTokens(['Washington', ',', 'D.C.'])).toBe('Washington, D.C.');
  });
});
