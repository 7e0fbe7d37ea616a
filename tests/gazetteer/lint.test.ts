import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintSources, RULES, type LintProblem } from '../../src/gazetteer/lint.js';
import { parseSource } from '../../src/gazetteer/source.js';
import { cli, ROOT, tempDir } from '../helpers.js';

const FIXTURE = 'tests/fixtures/lint';
const LINE = /^(?<file>[^:\s]+):(?<line>\d+):(?<col>\d+) (?<severity>error|warning) (?<message>.+); (?<fix>.+) \((?<rule>[a-z-]+)\)$/;

function parse(stdout: string) {
  return stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const m = LINE.exec(l);
      expect(m, `not file:line:col severity message; fix (rule): ${l}`).not.toBeNull();
      return { ...m!.groups!, line: Number(m!.groups!.line), col: Number(m!.groups!.col) } as unknown as LintProblem;
    });
}

describe('annotate gazetteer lint', () => {
  it('reports every kind of problem in the fixture, each at its line with its fix, and exits 1', async () => {
    const r = await cli(['gazetteer', 'lint', FIXTURE]);
    expect(r.code).toBe(1);
    const problems = parse(r.stdout);
    const at = (line: number, file = 'problems.jsonl') => problems.filter((p) => p.file === `${FIXTURE}/${file}` && p.line === line).map((p) => `${p.severity} ${p.rule}`);
    expect(at(2)).toEqual(['error duplicate-alias']); // "Quorbex Corporation" is an alias in other.jsonl too
    expect(at(3)).toEqual(['error duplicate-id']);
    expect(at(4)).toEqual(['error duplicate-alias']); // "QUORBEX" (case-folded) belongs to quorbex
    expect(at(5)).toEqual(['error malformed']); // unknown key "alias"
    expect(at(6)).toEqual(['error malformed']); // label
    expect(at(7)).toEqual(['error malformed']); // id
    expect(at(8)).toEqual(['error malformed']); // broken JSON
    expect(at(9)).toEqual(['warning shadowed-alias']); // a variant equal to the name
    expect(at(10)).toEqual(['error duplicate-alias']); // name and demonym: two labels
    expect(at(11)).toEqual(['warning shadowed-alias']); // cased copy of a case-insensitive alias
    expect(at(12)).toEqual(['warning common-word']); // "Target"
    expect(at(13)).toEqual(['error missing-name']);
    expect(at(14)).toEqual(['error whitespace']); // " Tadders"
    expect(at(15)).toEqual(['error whitespace']); // double space
    expect(at(16)).toEqual(['error duplicate-id', 'error whitespace']); // id used in other.jsonl; trailing spaces
    expect(at(17)).toEqual(['warning unsorted']);
    expect(at(18)).toEqual(['warning unmatchable']); // "Zetadot Assn. Online": a sentence ends inside it
    expect(at(19)).toEqual([]); // "Erdoğlu": wink-nlp splits it at "ğ", but touching tokens are read together
    const rules = new Set(problems.map((p) => p.rule));
    expect([...rules].sort()).toEqual(Object.keys(RULES).sort());
    expect(r.stderr).toMatch(/^2 gazetteer files: 13 errors, 5 warnings \(/);
  });

  it('positions problems at the offending key or name and says how to fix them', async () => {
    const r = await cli(['gazetteer', 'lint', FIXTURE]);
    const lines = r.stdout.split('\n');
    const find = (prefix: string) => lines.find((l) => l.startsWith(`${FIXTURE}/problems.jsonl:${prefix}`));
    expect(find('5:')).toBe(`${FIXTURE}/problems.jsonl:5:48 error unknown key "alias"; write "aliases" (malformed)`);
    expect(find('6:')).toMatch(/:6:27 error label "ORGANISATION" is not one of PERSON, COUNTRY, ORG, LOCATION, NORP; write "label":"ORG" \(malformed\)$/);
    expect(find('7:')).toMatch(/:7:7 error id "Rad Id" is not lowercase .*; write "id":"rad-id" \(malformed\)$/);
    expect(find('13:')).toMatch(/:13:1 error the entry has no "name"; add "name": the canonical name \(e\.g\. "Nameless Person"\) \(missing-name\)$/);
    expect(find('14:')).toMatch(/:14:65 error the alias " Tadders" starts or ends with a space; write "Tadders" \(whitespace\)$/);
    expect(find('4:')).toMatch(/the alias "QUORBEX" of "quorbex-rival" is also the alias "Quorbex" of "quorbex" \(tests\/fixtures\/lint\/problems\.jsonl:2\)/);
    expect(find('10:')).toMatch(/"Sulbury" is both the name \(LOCATION\) and the demonym \(NORP\) of "sulbury"/);
    expect(find('12:')).toMatch(/"Target" is an ordinary English word .*move it from "aliases" to "cased", or add "target" to tests\/fixtures\/lint\/common-words\.txt/);
  });

  it('a name in the common-words list or under cased is fine; a clean gazetteer exits 0', async () => {
    const r = await cli(['gazetteer', 'lint', `${FIXTURE}/clean`]);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('1 gazetteer file: 0 errors, 0 warnings\n');
    expect(r.code).toBe(0);
  });

  it('exits 0 with warnings only, 1 with --strict; --quiet prints errors only; --json', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'w.jsonl'), '# warnings only\n{"id":"b","label":"ORG","name":"Bee Corp"}\n{"id":"a","label":"ORG","name":"Ay Corp","aliases":["Target"]}\n');
    const plain = await cli(['gazetteer', 'lint', dir]);
    expect(plain.code).toBe(0);
    expect(parse(plain.stdout).map((p) => p.rule)).toEqual(['unsorted', 'common-word']);
    expect((await cli(['gazetteer', 'lint', dir, '--strict'])).code).toBe(1);
    const quiet = await cli(['gazetteer', 'lint', FIXTURE, '--quiet']);
    expect(parse(quiet.stdout).every((p) => p.severity === 'error')).toBe(true);
    const json = JSON.parse((await cli(['gazetteer', 'lint', FIXTURE, '--json', '--no-probe'])).stdout);
    expect(json.errors).toBe(13);
    expect(json.problems[0]).toMatchObject({ file: `${FIXTURE}/problems.jsonl`, line: expect.any(Number), col: expect.any(Number), severity: 'error', rule: expect.any(String), fix: expect.any(String) });
  });

  it('reports CR line ends, a missing final newline and odd spaces as whitespace errors', () => {
    const text = '# x\r\n{"id":"a","label":"ORG","name":"Ay\u00a0Corp"}\r\n{"id":"b","label":"ORG","name":"Bee Corp"}';
    const problems = lintSources([parseSource(text, '/x/g.jsonl', 'g.jsonl')], { probe: false });
    expect(problems.map((p) => `${p.line}:${p.col} ${p.rule} ${p.message}`)).toEqual([
      '1:4 whitespace the line ends with a CR (Windows line break)',
      '2:32 whitespace the name "Ay\u00a0Corp" contains a non-breaking or other special space',
      '2:42 whitespace the line ends with a CR (Windows line break)',
      '3:43 whitespace the file does not end with a line break',
    ]);
    expect(problems[1]!.fix).toBe('write "Ay Corp"');
  });

  it('two case-sensitive names written differently ("MIT", "MİT") are not one name; case-insensitive ones are', () => {
    const ok = '{"id":"a","label":"ORG","name":"Aa Institute","cased":["MIT"]}\n{"id":"b","label":"ORG","name":"Bb Agency","cased":["MİT"]}\n';
    expect(lintSources([parseSource(ok, '/x/g.jsonl', 'g.jsonl')], { probe: false })).toEqual([]);
    const clash = '{"id":"a","label":"ORG","name":"Aa Institute","cased":["MIT"]}\n{"id":"b","label":"ORG","name":"Bb Agency","aliases":["Mit"]}\n';
    expect(lintSources([parseSource(clash, '/x/g.jsonl', 'g.jsonl')], { probe: false }).map((p) => p.rule)).toEqual(['duplicate-alias']);
  });

  it("the repository's gazetteers lint without errors", async () => {
    const r = await cli(['gazetteer', 'lint', '--quiet', '--pipeline', join(ROOT, 'pipelines/default.json')]);
    expect(parse(r.stdout).map((p) => `${p.file}:${p.line}:${p.col} ${p.message} (${p.rule})`)).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('--help lists the rules and exit codes', async () => {
    const r = await cli(['gazetteer', 'lint', '--help']);
    expect(r.code).toBe(0);
    for (const rule of Object.keys(RULES)) expect(r.stdout).toContain(rule);
    expect(r.stdout).toMatch(/Exit codes: 0 no errors, 1 errors/);
  });
});
