/**
 * Gazetteer size vs speed: compiles synthetic gazetteers of 1k and 100k entries (each with
 * three names) and matches the same sentences against both. Matching walks a token trie, so
 * its cost should not grow with the number of entries.
 */
import type { SourcedEntry } from '../src/gazetteer/entry.js';
import { compileGazetteer, findNames } from '../src/gazetteer/compile.js';
import type { Unit } from '../src/gazetteer/units.js';

const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'zu', 'ten', 'bor', 'vik', 'sha', 'del', 'nor', 'qu', 'fa', 'ri', 'os', 'an'];

/** A pronounceable, deterministic word for a number. */
function word(n: number): string {
  let w = '';
  do {
    w += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  } while (n > 0);
  return w[0]!.toUpperCase() + w.slice(1);
}

export function syntheticEntries(count: number): SourcedEntry[] {
  const entries: SourcedEntry[] = [];
  for (let i = 0; i < count; i++) {
    const first = word(i * 7 + 3);
    const last = word(i * 13 + 11);
    entries.push({ id: `synthetic-${i}`, label: 'PERSON', name: `${first} ${last}`, aliases: [`${last}`, `${first} ${word(i)} ${last}`], file: 'synthetic', line: i + 1 });
  }
  return entries;
}

export function gazetteerScale(sentences: Unit[][]): { entries: number; names: number; compileMs: number; matchMs: number; found: number }[] {
  const rows = [];
  for (const count of [1_000, 100_000]) {
    const entries = syntheticEntries(count);
    const t0 = process.hrtime.bigint();
    const compiled = compileGazetteer(entries);
    const t1 = process.hrtime.bigint();
    let found = 0;
    for (const units of sentences) found += findNames(compiled, units).length;
    const t2 = process.hrtime.bigint();
    rows.push({ entries: count, names: compiled.names, compileMs: Number(t1 - t0) / 1e6, matchMs: Number(t2 - t1) / 1e6, found });
  }
  return rows;
}
