import { entrySchema, LABELS, type Entry, type Label } from './entry.js';
import { cleanName } from './lint.js';
import { namesOf, slugId, type NameField } from './source.js';

/**
 * Gazetteers as spaCy EntityRuler patterns and back.
 *
 * Each name becomes one line `{"label", "pattern", "id"}` with a token pattern: `LOWER` for
 * names matched ignoring case, `ORTH` for names matched only as written (`cased`, and names in
 * the common-words list, which the matcher also matches only as written). Demonyms get the
 * label NORP and their entry's id, as in annotate's output. Tokens follow spaCy's English
 * tokenizer for names: words split at spaces, hyphens and slashes between letters, possessive
 * 's and surrounding punctuation split off, abbreviations ("U.S.", "Jr.", "E.") kept whole.
 *
 * A token pattern cannot say how a name is capitalised or spaced, or whether it is an alias or
 * a misspelling, so each line also carries an `annotate` object that spaCy ignores:
 * `{"text": the name as written, "field": where it is listed, "name": true for the canonical
 * name listed under cased, "note": the entry's note (on its first line)}`. With it, import
 * gives back exactly the exported entries; without it (`--plain`, or patterns written
 * elsewhere) names are rebuilt from the tokens.
 */

export interface SpacyToken {
  LOWER?: string;
  ORTH?: string;
  TEXT?: string;
}

export interface SpacyPattern {
  label: string;
  pattern: SpacyToken[] | string;
  id?: string;
  annotate?: { text: string; field: Exclude<NameField, 'name'> | 'name'; name?: true; note?: string };
}

const ABBREVIATIONS = new Set(['jr', 'sr', 'st', 'dr', 'mr', 'mrs', 'ms', 'mt', 'ft', 'inc', 'co', 'corp', 'ltd', 'bros', 'gen', 'lt', 'col', 'sgt', 'capt', 'rev', 'prof', 'sen', 'rep', 'gov', 'dept', 'no', 'vs', 'univ', 'assn', 'ave', 'messrs']);
const PREFIX = /^[("\[“‘«]/u;
const SUFFIX = /[)"\]”’',;:!?»]$/u;
const POSSESSIVE = /(?<=\p{L})['’][sS]$/u;

/** A name cut into spaCy-like tokens. */
export function spacyTokens(name: string): string[] {
  const tokens: string[] = [];
  for (let chunk of name.split(/\s+/).filter(Boolean)) {
    const before: string[] = [];
    const after: string[] = [];
    while (chunk.length > 1 && PREFIX.test(chunk)) {
      before.push(chunk[0]!);
      chunk = chunk.slice(1);
    }
    for (;;) {
      const possessive = POSSESSIVE.exec(chunk);
      if (possessive && chunk.length > 2) {
        after.unshift(possessive[0]);
        chunk = chunk.slice(0, possessive.index);
        continue;
      }
      if (chunk.length > 1 && SUFFIX.test(chunk)) {
        after.unshift(chunk.slice(-1));
        chunk = chunk.slice(0, -1);
        continue;
      }
      // A final period stays on abbreviations and initials, else it is its own token.
      if (chunk.length > 1 && chunk.endsWith('.') && !/^(?:\p{L}\.)+$/u.test(chunk) && !ABBREVIATIONS.has(chunk.slice(0, -1).toLowerCase())) {
        after.unshift('.');
        chunk = chunk.slice(0, -1);
        continue;
      }
      break;
    }
    // Infixes: hyphens and slashes between a letter or digit and a letter.
    const inner = chunk.split(/(?<=[\p{L}\p{N}])([-\u2010-\u2015/])(?=\p{L})/u).filter((x) => x !== '');
    tokens.push(...before, ...inner, ...after);
  }
  return tokens;
}

/** Patterns for entries, in entry order, each entry's names in file order. */
export function toSpacyPatterns(entries: readonly Entry[], commonWords: ReadonlySet<string> = new Set(), plain = false): SpacyPattern[] {
  const out: SpacyPattern[] = [];
  for (const entry of entries) {
    const nameIsCased = (entry.cased ?? []).includes(entry.name);
    let first = true;
    for (const n of namesOf(entry, commonWords)) {
      // The canonical name listed under cased is written once, at its place in cased.
      if (n.field === 'name' && nameIsCased) continue;
      const pattern = spacyTokens(n.text).map((t) => (n.caseSensitive ? { ORTH: t } : { LOWER: t.toLowerCase() }));
      const line: SpacyPattern = { label: n.label, pattern, id: entry.id };
      if (!plain) {
        line.annotate = { text: n.text, field: n.field, ...(n.field === 'cased' && nameIsCased && n.text === entry.name ? { name: true as const } : {}), ...(first && entry.note !== undefined ? { note: entry.note } : {}) };
      }
      first = false;
      out.push(line);
    }
  }
  return out;
}

export function toSpacyJsonl(patterns: readonly SpacyPattern[]): string {
  return patterns.map((p) => JSON.stringify(p)).join('\n') + (patterns.length ? '\n' : '');
}

/** spaCy's usual labels, read as annotate's. */
const LABEL_MAP: Record<string, Label> = { PER: 'PERSON', PERSON: 'PERSON', ORG: 'ORG', GPE: 'LOCATION', LOC: 'LOCATION', FAC: 'LOCATION', LOCATION: 'LOCATION', COUNTRY: 'COUNTRY', NORP: 'NORP' };

/** Lowercase words that stay lowercase when a name is rebuilt from LOWER tokens. */
const PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'de', 'del', 'della', 'der', 'di', 'da', 'du', 'la', 'le', 'van', 'von', 'of', 'the', 'and', 'for', 'on', 'in', 'at', 'y', 'e', 'und']);

/** A name rebuilt from tokens: spaces between words, none around hyphens and slashes or before closing punctuation. */
export function joinTokens(tokens: readonly string[]): string {
  let text = '';
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    const glue = i === 0 || /^[-\u2010-\u2015/]$/u.test(t) || (prev !== undefined && /^[-\u2010-\u2015/]$/u.test(prev)) || /^(?:['’][sS]|['’),.;:!?\]”])$/u.test(t) || (prev !== undefined && /^[(“‘\[]$/u.test(prev));
    text += (glue ? '' : ' ') + t;
  });
  return text;
}

function capitalise(token: string, first: boolean): string {
  if (!first && PARTICLES.has(token)) return token;
  return token.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

export interface ImportProblem {
  line: number;
  message: string;
}

/**
 * Reads EntityRuler patterns (JSONL) into entries, grouping lines by `id`, in order of first
 * appearance. Lines without an id become entries of their own (id from the name).
 */
export function fromSpacyJsonl(text: string): { entries: Entry[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const groups = new Map<string, { lines: { line: number; p: SpacyPattern }[] }>();
  text.split('\n').forEach((raw, i) => {
    const lineText = raw.replace(/\r$/, '').trim();
    if (lineText === '') return;
    const line = i + 1;
    let p: SpacyPattern;
    try {
      p = JSON.parse(lineText) as SpacyPattern;
    } catch (error) {
      problems.push({ line, message: `not JSON (${(error as Error).message})` });
      return;
    }
    if (typeof p !== 'object' || p === null || typeof p.label !== 'string' || (typeof p.pattern !== 'string' && !Array.isArray(p.pattern))) {
      problems.push({ line, message: 'a pattern line needs "label" (a string) and "pattern" (a token list or a phrase)' });
      return;
    }
    const id = typeof p.id === 'string' && p.id !== '' ? p.id : null;
    const key = id ?? `\u0000${line}`;
    if (!groups.has(key)) groups.set(key, { lines: [] });
    groups.get(key)!.lines.push({ line, p });
  });

  const entries: Entry[] = [];
  for (const [key, group] of groups) {
    const names: { line: number; label: Label; text: string; field: NameField; isName: boolean; caseSensitive: boolean; note?: string }[] = [];
    for (const { line, p } of group.lines) {
      const label = LABEL_MAP[p.label];
      if (!label) {
        problems.push({ line, message: `label "${p.label}" is not one of ${LABELS.join(', ')} (or spaCy's PER, GPE, LOC, FAC)` });
        continue;
      }
      let tokens: string[];
      let caseSensitive: boolean;
      if (typeof p.pattern === 'string') {
        // A phrase pattern: the EntityRuler matches it as written.
        tokens = p.pattern.split(/\s+/).filter(Boolean);
        caseSensitive = true;
      } else {
        const read = p.pattern.map((t) => {
          const keys = t && typeof t === 'object' ? Object.keys(t) : [];
          const attr = keys.length === 1 && ['LOWER', 'ORTH', 'TEXT'].includes(keys[0]!) ? keys[0]! : null;
          const value = attr ? (t as Record<string, unknown>)[attr] : undefined;
          return attr && typeof value === 'string' ? { attr, value } : null;
        });
        if (read.some((t) => t === null) || read.length === 0) {
          problems.push({ line, message: 'only token patterns of {"LOWER": "…"}, {"ORTH": "…"} or {"TEXT": "…"} with plain strings can become gazetteer names' });
          continue;
        }
        tokens = read.map((t) => t!.value);
        caseSensitive = read.every((t) => t!.attr !== 'LOWER');
      }
      const meta = p.annotate && typeof p.annotate === 'object' && typeof p.annotate.text === 'string' ? p.annotate : null;
      const text = meta ? meta.text : caseSensitive ? joinTokens(tokens) : joinTokens(tokens.map((t, k) => capitalise(t, k === 0)));
      const field: NameField = meta ? meta.field : label === 'NORP' ? 'demonyms' : caseSensitive ? 'cased' : 'aliases';
      names.push({ line, label, text: cleanName(text), field, isName: meta ? meta.field === 'name' || meta.name === true : false, caseSensitive, ...(typeof meta?.note === 'string' ? { note: meta.note } : {}) });
    }
    if (names.length === 0) continue;
    const entityLabels = [...new Set(names.filter((n) => n.field !== 'demonyms').map((n) => n.label))];
    const labelLine = names.find((n) => n.field !== 'demonyms') ?? names[0]!;
    if (entityLabels.length > 1) {
      problems.push({ line: labelLine.line, message: `id "${key}" has patterns labelled ${entityLabels.join(' and ')}; one entry has one label (demonyms aside): give them different ids` });
      continue;
    }
    const label = entityLabels[0] ?? labelLine.label;
    // The canonical name: the one marked so, else the first that is not a demonym or variant.
    let nameAt = names.findIndex((n) => n.isName);
    if (nameAt < 0) nameAt = names.findIndex((n) => n.field !== 'demonyms' && n.field !== 'variants');
    if (nameAt < 0) nameAt = 0;
    const canonical = names[nameAt]!;
    const id = key.startsWith('\u0000') ? slugId(canonical.text) : key;
    const entry: Entry = { id, label, name: canonical.text };
    names.forEach((n, k) => {
      if (n.note !== undefined) entry.note = n.note;
      if (k === nameAt) {
        // Listed under cased too when it is matched only as written (marked so, or an ORTH pattern).
        if (n.field !== 'name' && (n.isName || n.caseSensitive)) (entry.cased ??= []).push(n.text);
        return;
      }
      (entry[n.field === 'name' ? 'aliases' : n.field] ??= []).push(n.text);
    });
    const checked = entrySchema.safeParse(entry);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      problems.push({ line: canonical.line, message: `the entry "${id}" would not be valid: ${issue.path.length ? `"${issue.path.join('.')}": ` : ''}${issue.message}` });
      continue;
    }
    const existing = entries.find((e) => e.id === id);
    if (existing) {
      problems.push({ line: canonical.line, message: `two groups of patterns give the id "${id}"; give them ids in the file` });
      continue;
    }
    entries.push(checked.data);
  }
  return { entries, problems };
}
