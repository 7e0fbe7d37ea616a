import type { WinkMethods } from 'wink-nlp';
import type { SpanRecord } from '../core/record.js';
import { resolveOverlaps, type Candidate } from '../stages/entities/candidate.js';
import { gazetteerCandidates } from '../stages/entities/gazetteer-pass.js';
import { unitSentences } from '../stages/entities/sentences.js';
import { freshWink, tokenizeUnit, type Sentence } from '../stages/tokenize/wink.js';
import { compileGazetteer } from './compile.js';
import type { SourcedEntry } from './entry.js';
import { matchKey, namesOf, type EntryName } from './source.js';
import { comparableUnits, unitsOf } from './units.js';

/**
 * Can each name of a gazetteer match at all? Every name is written into a plain sentence
 * ("They met NAME today."), tokenized by wink-nlp exactly as the tokenize stage does and
 * matched by the entities stage's own gazetteer pass and overlap rule. A name that does not
 * come out as a mention of its own entry there never will: the tokenizer ends a sentence
 * inside it ("Gab.com"), cuts it where the gazetteer does not ("Erdo|ğ|an"), or another
 * name always wins over it.
 */

export type ProbeProblem = 'sentence' | 'tokens' | 'shadowed';

export interface ProbeFailure {
  /** Index into the entries probed. */
  entry: number;
  name: EntryName;
  problem: ProbeProblem;
  /** How the tokenizer cut the name (problem "tokens") or the sentence pieces ("sentence"). */
  pieces: string[];
  /** The candidate that won over the name (problem "shadowed"). */
  winner?: Candidate;
}

const BEFORE = 'They met ';
const AFTER = ' today.';

interface Probe {
  entry: number;
  name: EntryName;
  start: number;
  end: number;
}

function sentenceRecords(text: string, sentences: readonly Sentence[]): SpanRecord[] {
  return sentences.map((s) => ({ doc: 'probe', start: s.start, end: s.end, text: text.slice(s.start, s.end), segment: 'body', comment: null, tokens: s.tokens }));
}

/** What happened to one probe line; null when the name matched as itself. */
function check(probe: Probe, text: string, lineStart: number, lineEnd: number, nlp: WinkMethods, entries: readonly SourcedEntry[], compiled: ReturnType<typeof compileGazetteer>): ProbeFailure | null {
  const sentences = tokenizeUnit(nlp, text, lineStart, lineEnd);
  const records = sentenceRecords(text, sentences);
  const { kept } = resolveOverlaps(gazetteerCandidates(compiled, unitSentences(text, records)));
  const id = entries[probe.entry]!.id;
  if (kept.some((k) => k.start === probe.start && k.end === probe.end && k.id === id)) return null;
  const base = { entry: probe.entry, name: probe.name };
  const inside = sentences.find((s) => s.start <= probe.start && probe.end <= s.end);
  if (!inside) {
    const pieces = sentences.filter((s) => s.end > probe.start && s.start < probe.end).map((s) => text.slice(Math.max(s.start, probe.start), Math.min(s.end, probe.end)));
    return { ...base, problem: 'sentence', pieces };
  }
  const tokens = inside.tokens.filter((t) => t.end > probe.start && t.start < probe.end);
  const units = comparableUnits(tokens.flatMap((t) => unitsOf(text, Math.max(t.start, probe.start), Math.min(t.end, probe.end))));
  const aligned = tokens.length > 0 && tokens[0]!.start === probe.start && tokens[tokens.length - 1]!.end === probe.end;
  if (!aligned || units.map((u) => u.key).join(' ') !== matchKey(probe.name.text)) return { ...base, problem: 'tokens', pieces: tokens.map((t) => t.text) };
  // A longer name that takes words around this one ("Russia" in "Russia Today") needs those
  // words, so it only wins in some texts; a name is shadowed only by one inside its own span.
  const winner = kept.find((k) => k.start < probe.end && probe.start < k.end);
  if (!winner || winner.start < probe.start || winner.end > probe.end) return null;
  return { ...base, problem: 'shadowed', pieces: [], winner };
}

/** Probes every name of the entries (ids must be unique); returns the names that cannot match. */
export function probeNames(entries: readonly SourcedEntry[], commonWords: ReadonlySet<string>): ProbeFailure[] {
  const compiled = compileGazetteer([...entries], commonWords);
  const probes: Probe[] = [];
  let text = '';
  entries.forEach((entry, i) => {
    const nameIsCased = (entry.cased ?? []).includes(entry.name);
    for (const name of namesOf(entry, commonWords)) {
      if (name.field === 'name' && nameIsCased) continue;
      if (matchKey(name.text) === '' || /[\r\n]/.test(name.text)) continue;
      const start = text.length + BEFORE.length;
      text += `${BEFORE}${name.text}${AFTER}\n`;
      probes.push({ entry: i, name, start, end: start + name.text.length });
    }
  });
  // One instance for all lines (a fresh one per line would take a minute); a failure is
  // confirmed with a fresh instance, so what wink learnt from earlier lines cannot cause it.
  const shared = freshWink();
  const failures: ProbeFailure[] = [];
  for (const probe of probes) {
    const lineStart = probe.start - BEFORE.length;
    const lineEnd = probe.end + AFTER.length;
    if (check(probe, text, lineStart, lineEnd, shared, entries, compiled) === null) continue;
    const confirmed = check(probe, text, lineStart, lineEnd, freshWink(), entries, compiled);
    if (confirmed) failures.push(confirmed);
  }
  return failures;
}

/** A spelling of a name with letters the tokenizer splits at replaced by plain ones ("Erdoğan" → "Erdogan"). */
export function plainSpelling(name: string): string {
  const special: Record<string, string> = { ı: 'i', İ: 'I', ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ħ: 'h', Ħ: 'H', ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ə: 'e', Ə: 'E', ʻ: "'", ʾ: "'", ʿ: "'", '‘': "'", '’': "'" };
  return name
    .replace(/[ıİłŁøØđĐħĦßæÆœŒəƏʻʾʿ‘’]/gu, (c) => special[c] ?? c)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC');
}
