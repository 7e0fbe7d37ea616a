import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GazetteerError, loadGazetteers, parseGazetteer } from '../../src/gazetteer/load.js';
import { ROOT, tempDir } from '../helpers.js';

describe('gazetteer files', () => {
  it('reads entries, skipping # comments and blank lines, with file and line', () => {
    const { entries, problems } = parseGazetteer('# people\n\n{"id":"a-b","label":"PERSON","name":"A B"}\n', 'g.jsonl');
    expect(problems).toEqual([]);
    expect(entries).toEqual([{ id: 'a-b', label: 'PERSON', name: 'A B', file: 'g.jsonl', line: 3 }]);
  });

  it.each([
    ['broken JSON', '{"id":"x","label":"ORG","name":"X"', /^g\.jsonl:1:\d+: not a JSON object .*each entry is one line like/],
    ['an unknown label', '{"id":"x","label":"ORGANISATION","name":"X"}', /^g\.jsonl:1:1: "label": Invalid option: expected one of "PERSON"\|"COUNTRY"\|"ORG"\|"LOCATION"\|"NORP"/],
    ['a misspelt key', '{"id":"x","label":"ORG","name":"X","alias":["Y"]}', /^g\.jsonl:1:1: unknown key "alias"; allowed: id, label, name, aliases, cased, variants, demonyms, note/],
    ['a bad id', '{"id":"Not OK","label":"ORG","name":"X"}', /^g\.jsonl:1:1: "id": ids are lowercase letters and digits/],
    ['an alias with outer spaces', '{"id":"x","label":"ORG","name":"X","aliases":[" Y"]}', /^g\.jsonl:1:1: "aliases\.0": an alias must not start or end with spaces/],
    ['a missing name', '{"id":"x","label":"ORG"}', /^g\.jsonl:1:1: "name": /],
  ])('reports %s with file:line and the fix', (_name, line, message) => {
    const { problems } = parseGazetteer(line, 'g.jsonl');
    expect(problems.map((p) => `${p.file}:${p.line}:${p.col}: ${p.message}`).join('\n')).toMatch(message);
  });

  it('rejects an id used in two files, naming both places', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.jsonl'), '{"id":"x","label":"ORG","name":"X"}\n');
    writeFileSync(join(dir, 'b.jsonl'), '# b\n{"id":"x","label":"ORG","name":"Y"}\n');
    expect(() => loadGazetteers([dir], dir)).toThrow(GazetteerError);
    expect(() => loadGazetteers([dir], dir)).toThrow(/b\.jsonl:2:1: id "x" is already used at a\.jsonl:1/);
  });

  it("the repository's own gazetteers load", () => {
    const loaded = loadGazetteers(['gazetteers'], ROOT);
    expect(loaded.entries.length).toBeGreaterThan(300);
    expect(new Set(loaded.entries.map((e) => e.id)).size).toBe(loaded.entries.length);
  });
});
