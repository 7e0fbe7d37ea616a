#!/usr/bin/env node
// Generates gazetteers/countries.jsonl (COUNTRY entries with their demonyms) and
// gazetteers/capitals.jsonl (LOCATION entries for national capitals) from the world-countries
// package (data under ODbL 1.0, see gazetteers/LICENSE-world-countries.md), merged with the
// hand-kept gazetteers/sources/country-overrides.jsonl and capital-variants.jsonl.
//
//   node scripts/build-country-gazetteer.mjs      (needs the dev dependency world-countries)
//
// Deterministic: entries sorted by id, aliases in a fixed order. Run it after editing the
// source files or upgrading world-countries, then review `git diff gazetteers/`.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const countries = require('world-countries');
const pkg = require('world-countries/package.json');

/** UN members and observers, plus widely recognised states outside the UN. */
const EXTRA_STATES = new Set(['PS', 'VA', 'XK', 'TW', 'EH']);

function readJsonl(file) {
  const rows = [];
  fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    try {
      rows.push(JSON.parse(line));
    } catch (e) {
      throw new Error(`${file}:${i + 1}: ${e.message}`);
    }
  });
  return rows;
}

const slug = (s) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/['’]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const key = (s) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
const uniq = (list) => {
  const seen = new Set();
  return list.filter((x) => {
    const k = key(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
};

/** Package alt spellings worth matching: no ISO codes, no "Korea, Republic of" catalogue forms, no leading "The". */
function cleanAlias(s) {
  if (/^[A-Z]{2}$/.test(s) || s.includes(',')) return null;
  return s.replace(/^The\s+/, '');
}

/** English plural of a demonym noun: Iraqi → Iraqis, American → Americans; none for -ese, -ish, -ch, -ss. */
function pluralDemonym(d) {
  if (/(ese|ish|ch|sh|ss|x|s)$/i.test(d)) return null;
  return d + 's';
}

const overrides = readJsonl(path.join(ROOT, 'gazetteers/sources/country-overrides.jsonl'));
const byCode = new Map(overrides.filter((o) => o.cca2).map((o) => [o.cca2, o]));
const capitalVariantsFile = path.join(ROOT, 'gazetteers/sources/capital-variants.jsonl');
const capitalVariants = fs.existsSync(capitalVariantsFile) ? new Map(readJsonl(capitalVariantsFile).map((o) => [o.capital_of, o])) : new Map();

const states = countries.filter((c) => c.unMember || c.independent === true || EXTRA_STATES.has(c.cca2));
const entries = [];
const capitals = [];
for (const c of states) {
  const o = byCode.get(c.cca2) ?? {};
  const name = o.name ?? c.name.common;
  // Native names in Latin script ("Deutschland", "España") are written by commenters too.
  const native = Object.values(c.name.native ?? {}).map((n) => n.common).filter((n) => /^[\p{Script=Latin}\s'’-]{4,}$/u.test(n));
  const aliases = uniq([c.name.common, c.name.official, ...c.altSpellings.map(cleanAlias).filter(Boolean), ...native, ...(o.aliases ?? [])]).filter((a) => key(a) !== key(name) && !(o.cased ?? []).includes(a));
  const demonymBase = uniq([c.demonyms?.eng?.m, c.demonyms?.eng?.f].filter(Boolean));
  // One word, one label: an alternative spelling that is really a demonym ("Thai", "Togolese")
  // stays a demonym; a demonym spelt like the country's name ("Djibouti") stays the name.
  const allDemonyms = uniq([...demonymBase, ...demonymBase.map(pluralDemonym).filter(Boolean), ...(o.demonyms ?? [])]);
  const demonymKeys = new Set(allDemonyms.map(key));
  const keptAliases = aliases.filter((a) => !demonymKeys.has(key(a)) || (o.aliases ?? []).includes(a));
  aliases.splice(0, aliases.length, ...keptAliases);
  const names = new Set([name, ...aliases, ...(o.cased ?? [])].map(key));
  const demonyms = allDemonyms.filter((d) => !names.has(key(d)));
  entries.push({
    id: slug(name),
    label: 'COUNTRY',
    name,
    ...(aliases.length ? { aliases } : {}),
    ...(o.cased ? { cased: o.cased } : {}),
    ...(o.variants ? { variants: o.variants } : {}),
    ...(demonyms.length ? { demonyms } : {}),
    note: `${c.cca2}; ${c.unMember ? 'UN member' : 'not a UN member'}`,
  });
  for (const capital of c.capital ?? []) {
    const v = capitalVariants.get(c.cca2) ?? {};
    capitals.push({
      id: slug(capital),
      label: 'LOCATION',
      name: capital,
      ...(v.aliases?.length ? { aliases: v.aliases } : {}),
      ...(v.cased?.length ? { cased: v.cased } : {}),
      ...(v.variants?.length ? { variants: v.variants } : {}),
      note: `capital of ${name}`,
    });
  }
}
for (const o of overrides.filter((x) => x.id)) {
  const { historical, ...entry } = o;
  entries.push(entry);
}

// A name or demonym on two entries cannot resolve to one id: drop it from both and say so.
function dropShared(list, fields) {
  const owners = new Map();
  for (const e of list) for (const f of fields) for (const a of [e.name, ...(e[f] ?? [])].filter((x, i) => f === fields[0] || i > 0)) {
    const k = `${key(a)}`;
    owners.set(k, new Set([...(owners.get(k) ?? []), e.id]));
  }
  const dropped = [];
  for (const e of list) for (const f of fields) {
    if (!e[f]) continue;
    const keep = e[f].filter((a) => owners.get(key(a)).size === 1);
    for (const a of e[f]) if (!keep.includes(a)) dropped.push(`${a} (${[...owners.get(key(a))].sort().join(', ')})`);
    if (keep.length) e[f] = keep;
    else delete e[f];
  }
  return [...new Set(dropped)].sort();
}
const droppedCountries = dropShared(entries, ['aliases', 'demonyms', 'variants', 'cased']);
// City-states and capitals named like their country (Djibouti, Singapore): the country wins.
const countryNames = new Set(entries.flatMap((e) => [e.name, ...(e.aliases ?? []), ...(e.cased ?? [])].map(key)));
const sameAsCountry = capitals.filter((c) => countryNames.has(key(c.name))).map((c) => c.name);
capitals.splice(0, capitals.length, ...capitals.filter((c) => !countryNames.has(key(c.name))));
for (const c of capitals) for (const f of ['aliases', 'variants', 'cased']) {
  if (!c[f]) continue;
  c[f] = c[f].filter((a) => !countryNames.has(key(a)));
  if (!c[f].length) delete c[f];
}
const droppedCapitals = dropShared(capitals, ['aliases', 'variants', 'cased']);

const byId = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
entries.sort(byId);
capitals.sort(byId);
const ids = new Set();
for (const e of [...entries, ...capitals]) {
  if (ids.has(e.id)) throw new Error(`duplicate id ${e.id}`);
  ids.add(e.id);
}

const header = (what) => [
  `# ${what}`,
  `# GENERATED by scripts/build-country-gazetteer.mjs from world-countries ${pkg.version} (data: ODbL 1.0,`,
  '# see gazetteers/LICENSE-world-countries.md) and gazetteers/sources/*.jsonl. Do not edit by hand:',
  '# change the sources and run the script again. Format: see README, "Gazetteers".',
];
fs.writeFileSync(
  path.join(ROOT, 'gazetteers/countries.jsonl'),
  [
    ...header('Sovereign states (UN members and observers, Kosovo, Taiwan, Western Sahara) and historical states, with their demonyms (NORP).'),
    ...(droppedCountries.length ? [`# Names dropped because two states share them: ${droppedCountries.join('; ')}`] : []),
    ...entries.map((e) => JSON.stringify(e)),
  ].join('\n') + '\n',
);
fs.writeFileSync(
  path.join(ROOT, 'gazetteers/capitals.jsonl'),
  [
    ...header('National capital cities (LOCATION).'),
    ...(droppedCapitals.length ? [`# Names dropped because two capitals share them: ${droppedCapitals.join('; ')}`] : []),
    `# Capitals left out because they share their country's name (the country entry wins): ${sameAsCountry.sort().join(', ')}`,
    ...capitals.map((e) => JSON.stringify(e)),
  ].join('\n') + '\n',
);
console.log(`countries.jsonl: ${entries.length} entries; capitals.jsonl: ${capitals.length} entries; dropped shared names: ${droppedCountries.length + droppedCapitals.length}`);
