import nlp from 'compromise';
import { annotateDocument, compilePipeline } from '../core/compiled-pipeline.js';
import { readDocument } from '../core/document.js';
import { UsageError } from '../core/errors.js';
import type { InputFile } from '../core/inputs.js';
import type { Pipeline } from '../core/pipeline.js';
import { LineIndex } from '../core/position.js';
import type { SpanRecord } from '../core/record.js';
import type { Entry, Label, SourcedEntry } from './entry.js';
import { isEnglishWord } from '../core/english-words.js';
import { matchKey, namesOf, slugId } from './source.js';
import { foldKey, unitsOf } from './units.js';

/**
 * `annotate gazetteer suggest`: names in the pages that no gazetteer entry covers, ranked by
 * how often they occur, each with where it occurs and a guessed label, ready to paste into a
 * gazetteer or to hand to `annotate gazetteer add`. Candidates come from two places:
 *
 * - the entities stage's own model proposals (compromise's people, `source: "model"`) and the
 *   short forms orthomatch linked to them ("Farouqi" after "Hamid Farouqi");
 * - capitalised word sequences no mention covers ("Oil Ministry", "Farouqi"), with titles,
 *   sentence-initial ordinary words, months and days trimmed, and a capitalised word next to
 *   a known person read together with it ("Mustafa" + "Kadhimi").
 *
 * A candidate whose words all belong to one entry's name (exactly, or within a small spelling
 * distance: "Mustafa Kadhimi", "Hamid Karzay") is proposed as another name of that entry
 * rather than as a new entry. Nothing is written.
 */

export interface SuggestOptions {
  minCount: number;
  label?: Label;
  /** Contexts shown per proposal. */
  contexts: number;
}

export interface Context {
  doc: string;
  line: number;
  col: number;
  /** The form as written there. */
  form: string;
  /** The line around it, shortened. */
  snippet: string;
}

export interface Proposal {
  kind: 'new' | 'alias';
  label: Label;
  /** The proposed canonical name (new) or the new name of the entry (alias). */
  name: string;
  /** Other forms seen (short forms), to list as aliases. */
  aliases: string[];
  /** For an alias: misspelling-like (goes to variants) rather than another name (aliases). */
  variant: boolean;
  count: number;
  docs: string[];
  contexts: Context[];
  /** Why this label. */
  because: string;
  /** The entry the name belongs to (alias proposals), or an entry it resembles (new). */
  entry?: { id: string; name: string; label: Label; file: string; line: number };
  /** The gazetteer line (new) to paste. */
  line?: string;
  /** The add command that makes the change. */
  command: string;
}

export interface SuggestResult {
  documents: number;
  proposals: Proposal[];
  /** Names in the gazetteers that the pages write in a form the matcher missed (see lint: unmatchable). */
  missed: { form: string; id: string; count: number }[];
}

interface Occurrence {
  doc: string;
  start: number;
  end: number;
  text: string;
  source: 'model' | 'caps' | 'beside';
  /** model id for model proposals and their orthomatch short forms. */
  group?: string;
  /** The known person a capitalised word stands next to (source "beside"). */
  entryId?: string;
  /** Sentence text and offset, for the label guess. */
  sentence: SpanRecord;
  /** The first word of its sentence (its capital says nothing). */
  initial: boolean;
}

const MONTHS_DAYS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
/** Lower-case words that may sit inside a name ("Bank of England", "bin Salman", "al-Assad"). */
const CONNECTORS = new Set(['of', 'the', 'for', 'de', 'del', 'der', 'di', 'da', 'du', 'la', 'le', 'van', 'von', 'bin', 'ibn', 'al', 'el', 'y', '-', '&']);
const ORG_WORDS = new Set(['inc', 'corp', 'corporation', 'company', 'co', 'ltd', 'llc', 'group', 'party', 'ministry', 'department', 'agency', 'council', 'committee', 'commission', 'university', 'college', 'institute', 'foundation', 'association', 'union', 'bank', 'army', 'forces', 'force', 'brigade', 'brigades', 'front', 'movement', 'church', 'news', 'times', 'post', 'press', 'network', 'tv', 'radio', 'court', 'office', 'service', 'services', 'bureau', 'board', 'organization', 'organisation', 'society', 'club', 'league', 'alliance', 'coalition', 'institution', 'center', 'centre', 'school', 'academy', 'police', 'guard', 'navy', 'airlines', 'airways', 'media', 'hospital']);
const PLACE_WORDS = new Set(['city', 'county', 'province', 'state', 'river', 'mountains', 'mountain', 'mount', 'sea', 'ocean', 'lake', 'bay', 'island', 'islands', 'valley', 'street', 'square', 'district', 'region', 'airport', 'base', 'camp', 'village', 'town', 'desert', 'gulf', 'strait', 'peninsula', 'border', 'coast', 'park', 'bridge', 'road', 'avenue', 'heights', 'hills', 'beach']);

/** A contraction ("I'm", "That's", "Don't") is not a name word. */
const CONTRACTION = /^\p{L}+['’](?:m|d|ll|ve|re|s|t)$/iu;
const contraction = (t: string) => CONTRACTION.test(t) && ((w) => w === 'i' || isEnglishWord(w))(t.toLowerCase().replace(/['’].*$/u, ''));
/** A word that may be part of a name: capitalised, not a contraction, not an ordinary word shouted ("LOVES"). */
const isCapitalised = (t: string) => /^\p{Lu}/u.test(t) && /\p{L}/u.test(t) && !contraction(t) && !(isShouted(t) && isEnglishWord(t.toLowerCase()));
/** Words for groups of people ("Zionist", "Shiites", "Kurds"): demonym-like, not names of one entity. */
const GROUP_WORD = /(?:ists?|ites?|ians?|ese|ish|[^s]s)$/u;
const isShouted = (t: string) => /^[^\p{Ll}]*$/u.test(t) && (t.match(/\p{Lu}/gu)?.length ?? 0) >= 2;

type Token = { start: number; end: number; text: string; pos: string };

/** Bounded Damerau–Levenshtein distance (returns max + 1 when above max). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push(new Array<number>(b.length + 1).fill(0));
    rows[i]![0] = i;
  }
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

/** How far a word may be from a name word to count as the same word spelt differently. */
const allowedEdits = (word: string) => (word.length >= 8 ? 2 : word.length >= 5 ? 1 : 0);

/** Letter words of a name as folded keys ("Mustafa al-Kadhimi" → mustafa, al, kadhimi). */
const wordsOf = (name: string) =>
  unitsOf(name)
    .map((u) => u.key)
    .filter((k) => /\p{L}/u.test(k) && k !== "'s");

/** Name words of the gazetteer, for finding the entry a new spelling belongs to. */
class NameIndex {
  readonly byKey = new Map<string, SourcedEntry[]>();
  private readonly byWord = new Map<string, Set<number>>();
  private readonly vocabulary: string[] = [];
  private readonly names: { entry: number; words: string[]; field: string }[] = [];

  constructor(readonly entries: readonly SourcedEntry[]) {
    entries.forEach((e, i) => {
      for (const n of namesOf(e)) {
        const key = matchKey(n.text);
        const list = this.byKey.get(key) ?? [];
        if (!list.includes(e)) list.push(e);
        this.byKey.set(key, list);
        if (n.field === 'demonyms') continue;
        const words = wordsOf(n.text);
        this.names.push({ entry: i, words, field: n.field });
        for (const w of words) {
          let set = this.byWord.get(w);
          if (!set) {
            this.byWord.set(w, (set = new Set()));
            this.vocabulary.push(w);
          }
          set.add(this.names.length - 1);
        }
      }
    });
  }

  /** Name words equal to or a few edits from `word` (with their distance). */
  private similar(word: string): { word: string; distance: number }[] {
    const max = allowedEdits(word);
    const found: { word: string; distance: number }[] = [];
    if (this.byWord.has(word)) found.push({ word, distance: 0 });
    if (max === 0) return found;
    for (const v of this.vocabulary) {
      if (v === word || Math.abs(v.length - word.length) > max || allowedEdits(v) === 0) continue;
      // An extra final letter is an inflection ("Obamas"), not a spelling.
      if ((v.length === word.length + 1 && v.startsWith(word)) || (word.length === v.length + 1 && word.startsWith(v))) continue;
      const d = editDistance(word, v, Math.min(max, allowedEdits(v)));
      if (d <= Math.min(max, allowedEdits(v))) found.push({ word: v, distance: d });
    }
    return found;
  }

  /**
   * The one entry whose name contains every word of `words` in order (exactly or spelt a bit
   * differently), or null. One word alone only matches a one-word name, or the last word of a
   * person's name (a surname).
   */
  entryFor(words: readonly string[]): { entry: SourcedEntry; fuzzy: boolean } | null {
    if (words.length === 0 || !words.some((w) => w.length >= 4)) return null;
    const options = words.map((w) => new Map(this.similar(w).map((s) => [s.word, s.distance])));
    if (options.some((o) => o.size === 0)) return null;
    const candidates = new Set<number>();
    for (const o of options[words.length - 1]!.keys()) for (const n of this.byWord.get(o) ?? []) candidates.add(n);
    const hits = new Map<number, boolean>();
    for (const n of candidates) {
      const name = this.names[n]!;
      const entry = this.entries[name.entry]!;
      const last = name.words[name.words.length - 1]!;
      // Only a person's name may be shortened ("Mustafa Kadhimi", "Kadhimi"), and never without its surname.
      if (words.length < name.words.length && (entry.label !== 'PERSON' || !options[words.length - 1]!.has(last))) continue;
      if (words.length === 1 && name.words.length > 1 && (name.field !== 'name' || options[0]!.get(last) !== 0)) continue;
      // Every word, in order, on a word of the name.
      let at = 0;
      let fuzzy = false;
      let ok = true;
      for (const o of options) {
        while (at < name.words.length && !o.has(name.words[at]!)) at++;
        if (at >= name.words.length) {
          ok = false;
          break;
        }
        if (o.get(name.words[at]!)! > 0) fuzzy = true;
        at++;
      }
      if (!ok) continue;
      hits.set(name.entry, (hits.get(name.entry) ?? true) && fuzzy);
    }
    if (hits.size !== 1) return null;
    const [entry, fuzzy] = [...hits][0]!;
    return { entry: this.entries[entry]!, fuzzy };
  }
}

/** Proper names of a sentence as compromise tags them, by character range in the document. */
function compromiseTags(sentence: SpanRecord): { start: number; end: number; tags: string[] }[] {
  const out: { start: number; end: number; tags: string[] }[] = [];
  const json = nlp(sentence.text).json({ offset: true, terms: { tags: true, offset: true } }) as { terms: { tags: string[]; offset: { start: number; length: number } }[] }[];
  for (const s of json) for (const t of s.terms) out.push({ start: sentence.start + t.offset.start, end: sentence.start + t.offset.start + t.offset.length, tags: t.tags });
  return out;
}

/** Guesses a label for a capitalised sequence from compromise's tags and the words it ends with. */
function guessLabel(text: string, tags: readonly string[][]): { label: Label; because: string } {
  const all = tags.flat();
  const words = wordsOf(text);
  const last = words[words.length - 1] ?? '';
  if (ORG_WORDS.has(last)) return { label: 'ORG', because: `ends with "${last}"` };
  if (PLACE_WORDS.has(last)) return { label: 'LOCATION', because: `ends with "${last}"` };
  if (all.includes('Organization')) return { label: 'ORG', because: 'compromise: organization' };
  if (all.some((t) => ['Place', 'City', 'Region', 'Country'].includes(t))) return { label: 'LOCATION', because: 'compromise: place' };
  if (all.some((t) => ['Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName', 'Honorific'].includes(t))) return { label: 'PERSON', because: 'compromise: person' };
  if (words.length === 1 && isShouted(text)) return { label: 'ORG', because: 'an acronym' };
  if (words.length >= 2 && words.length <= 4 && words.every((w) => !isEnglishWord(w))) return { label: 'PERSON', because: 'name-like words' };
  if (words.length === 1 && !isEnglishWord(words[0]!)) return { label: 'PERSON', because: 'a name-like word (maybe a surname)' };
  return { label: 'ORG', because: 'no cue (check the label)' };
}

/** Capitalised sequences of one sentence that no mention covers. */
function capitalisedRuns(docText: string, sentence: SpanRecord, covered: (s: number, e: number) => boolean, titles: ReadonlySet<string>): { start: number; end: number }[] {
  // wink-nlp splits some words at letters it does not know ("Wroc|ł|aw", "Erdo|ğ|an"): join touching letter tokens back.
  const tokens: Token[] = [];
  for (const t of (sentence.tokens as Token[]) ?? []) {
    const last = tokens[tokens.length - 1];
    if (last && last.end === t.start && /\p{L}$/u.test(last.text) && /^\p{L}/u.test(t.text)) {
      tokens[tokens.length - 1] = { start: last.start, end: t.end, text: last.text + t.text, pos: last.pos === 'PROPN' || t.pos === 'PROPN' ? 'PROPN' : last.pos };
    } else tokens.push({ ...t });
  }
  const words = tokens.filter((t) => /\p{L}/u.test(t.text));
  // Headline-style lines (most words capitalised) say nothing about names.
  if (words.length >= 4 && words.filter((t) => /^\p{Lu}/u.test(t.text)).length / words.length > 0.6) return [];
  const runs: { start: number; end: number }[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (!isCapitalised(t.text) || covered(t.start, t.end)) {
      i++;
      continue;
    }
    // Extend over capitalised tokens, and connectors followed by a capitalised token.
    let j = i + 1;
    while (j < tokens.length) {
      const u = tokens[j]!;
      if (covered(u.start, u.end)) break;
      if (isCapitalised(u.text) && docText.slice(tokens[j - 1]!.end, u.start).trim() === '') {
        j++;
        continue;
      }
      const next = tokens[j + 1];
      if (CONNECTORS.has(u.text.toLowerCase()) && next && isCapitalised(next.text) && !covered(next.start, next.end)) {
        j += 2;
        continue;
      }
      break;
    }
    let run = tokens.slice(i, j);
    i = j;
    // Trim: titles and months at either end, a sentence-initial ordinary word, possessives and connectors at the end.
    const trimStart = () => {
      for (;;) {
        const first = run[0];
        if (!first) return;
        const key = foldKey(first.text).replace(/\.$/, '');
        const two = run.length > 1 ? `${key} ${foldKey(run[1]!.text)}` : '';
        if (titles.has(two)) run = run.slice(2);
        else if (titles.has(key) || MONTHS_DAYS.has(key) || CONNECTORS.has(key) || (first.start === tokens[0]!.start && isEnglishWord(key)) || key.length === 1) run = run.slice(1);
        else return;
      }
    };
    trimStart();
    while (run.length && (MONTHS_DAYS.has(foldKey(run[run.length - 1]!.text)) || /^\p{L}\.?$/u.test(run[run.length - 1]!.text) || CONNECTORS.has(run[run.length - 1]!.text.toLowerCase()) || /^\P{L}+$/u.test(run[run.length - 1]!.text))) run = run.slice(0, -1);
    if (run.length === 0) continue;
    const text = docText.slice(run[0]!.start, run[run.length - 1]!.end);
    const letters = wordsOf(text);
    if (letters.length === 0) continue;
    // One word: not an ordinary word ("Later", "God"), not a long shouted word ("STOP"), and
    // a noun for the tagger ("Arab nations", "Shiite groups" are adjectives: demonyms).
    if (letters.length === 1) {
      const w = letters[0]!;
      if (isEnglishWord(w) || w.length < 3 || (isShouted(text) && w.length > 6)) continue;
      if (run.length === 1 && run[0]!.pos !== 'PROPN' && run[0]!.pos !== 'NOUN') continue;
      if (GROUP_WORD.test(w) && !isShouted(text)) continue;
    }
    if (/\d/.test(text)) continue;
    runs.push({ start: run[0]!.start, end: run[run.length - 1]!.end });
  }
  return runs;
}

/** Where the first word of a sentence starts. */
function firstWordAt(sentence: SpanRecord): number {
  return ((sentence.tokens as Token[]) ?? []).find((t) => /\p{L}/u.test(t.text))?.start ?? sentence.start;
}

/** Runs the pipeline over the inputs and collects proposals; never writes. */
export async function suggest(pipeline: Pipeline, entitiesStep: string, inputs: readonly InputFile[], entries: readonly SourcedEntry[], titles: ReadonlySet<string>, options: SuggestOptions): Promise<SuggestResult> {
  const compiled = await compilePipeline(pipeline);
  const tokenizeStep = pipeline.steps.find((s) => s.id === pipeline.steps.find((x) => x.id === entitiesStep)!.inputs.tokenize)!.id;
  const occurrences: Occurrence[] = [];
  const lines = new Map<string, { text: string; index: LineIndex }>();
  for (const input of inputs) {
    let doc;
    try {
      doc = await readDocument(input.path, input.id);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const layers = annotateDocument(compiled, doc);
    const mentions = layers.get(entitiesStep)!;
    const sentences = layers.get(tokenizeStep)!;
    lines.set(doc.id, { text: doc.text, index: new LineIndex(doc.text) });
    const sentenceAt = (offset: number) => sentences.find((s) => s.start <= offset && offset < s.end) ?? sentences[0]!;
    for (const m of mentions) {
      const id = m.id as string;
      if (m.source === 'model' || (m.source === 'orthomatch' && id.startsWith('model:'))) {
        const sentence = sentenceAt(m.start);
        occurrences.push({ doc: doc.id, start: m.start, end: m.end, text: m.text, source: 'model', group: id, sentence, initial: firstWordAt(sentence) === m.start });
      }
    }
    const spans = mentions.map((m) => ({ start: m.start, end: m.end, person: m.label === 'PERSON' && !(m.id as string).startsWith('model:'), id: m.id as string }));
    const covered = (s: number, e: number) => spans.some((m) => s < m.end && m.start < e);
    for (const sentence of sentences) {
      if (sentence.segment === 'title') continue;
      for (const run of capitalisedRuns(doc.text, sentence, covered, titles)) {
        // Next to a known person ("Mustafa" + "Kadhimi"): read together.
        const gap = (a: number, b: number) => a <= b && /^[ \t]*$/.test(doc.text.slice(a, b));
        const person = spans.find((m) => m.person && (gap(run.end, m.start) || gap(m.end, run.start)));
        if (person) {
          const start = Math.min(run.start, person.start);
          const end = Math.max(run.end, person.end);
          occurrences.push({ doc: doc.id, start, end, text: doc.text.slice(start, end), source: 'beside', entryId: person.id, sentence, initial: firstWordAt(sentence) === start });
        } else occurrences.push({ doc: doc.id, start: run.start, end: run.end, text: doc.text.slice(run.start, run.end), source: 'caps', sentence, initial: firstWordAt(sentence) === run.start });
      }
    }
  }

  // Groups: a model proposal with its short forms; other sequences by their words.
  interface Group {
    key: string;
    occurrences: Occurrence[];
    model: boolean;
    entryId?: string;
  }
  const groups = new Map<string, Group>();
  const modelKey = new Map<string, string>();
  for (const o of occurrences.filter((x) => x.source === 'model')) {
    // The group's key is its full (first, longest) form's.
    if (!modelKey.has(o.group!)) {
      const full = occurrences.filter((x) => x.group === o.group).sort((a, b) => b.text.length - a.text.length)[0]!;
      modelKey.set(o.group!, matchKey(full.text));
    }
    const key = modelKey.get(o.group!)!;
    const g = groups.get(key) ?? { key, occurrences: [], model: true };
    g.model = true;
    g.occurrences.push(o);
    groups.set(key, g);
  }
  for (const o of occurrences.filter((x) => x.source !== 'model')) {
    const key = matchKey(o.text);
    const g = groups.get(key) ?? { key, occurrences: [], model: false, ...(o.entryId ? { entryId: o.entryId } : {}) };
    g.occurrences.push(o);
    groups.set(key, g);
  }
  // A lone word that is part of a longer name in the same document joins that name (a short form).
  const multi = [...groups.values()].filter((g) => g.key.split(' ').filter((w) => /\p{L}/u.test(w)).length > 1);
  for (const g of [...groups.values()]) {
    if (g.key.includes(' ')) continue;
    const home = multi.filter((m) => m !== g && m.key.split(' ').includes(g.key) && m.occurrences.some((o) => g.occurrences.some((x) => x.doc === o.doc)));
    if (home.length !== 1) continue;
    home[0]!.occurrences.push(...g.occurrences);
    groups.delete(g.key);
  }

  // A lone word seen only at the start of sentences may owe its capital to that ("Thats no source").
  for (const g of [...groups.values()]) if (!g.model && !g.key.includes(' ') && g.occurrences.every((o) => o.initial)) groups.delete(g.key);

  const index = new NameIndex(entries);
  const byId = new Map(entries.map((e) => [e.id, e]));
  const usedIds = new Set(entries.map((e) => e.id));
  const proposals: Proposal[] = [];
  const missed = new Map<string, { form: string; id: string; count: number }>();
  const tagCache = new Map<SpanRecord, { start: number; end: number; tags: string[] }[]>();
  for (const g of groups.values()) {
    // Forms by frequency; the name is the most frequent of the longest forms.
    const forms = new Map<string, number>();
    for (const o of g.occurrences) forms.set(o.text, (forms.get(o.text) ?? 0) + 1);
    const longest = Math.max(...[...forms.keys()].map((f) => wordsOf(f).length));
    const name = [...forms.entries()].filter(([f]) => wordsOf(f).length === longest).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    const known = index.byKey.get(matchKey(name));
    if (known) {
      // In a gazetteer already, but not matched where it was written.
      const m = missed.get(name) ?? { form: name, id: known[0]!.id, count: 0 };
      m.count += g.occurrences.length;
      missed.set(name, m);
      continue;
    }
    const aliases = [...forms.keys()].filter((f) => f !== name && matchKey(f) !== matchKey(name) && !index.byKey.has(matchKey(f)) && !isEnglishWord(foldKey(f)));
    const occurrencesKept = g.occurrences.filter((o) => o.text === name || aliases.includes(o.text) || matchKey(o.text) === matchKey(name));
    const docs = [...new Set(occurrencesKept.map((o) => o.doc))].sort();
    const contexts = [...occurrencesKept]
      .sort((a, b) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.start - b.start))
      .map((o) => {
        const { text, index: li } = lines.get(o.doc)!;
        const { line, col } = li.at(o.start);
        const lineStart = o.start - (col - 1);
        let lineEnd = text.indexOf('\n', o.start);
        if (lineEnd < 0) lineEnd = text.length;
        const from = Math.max(lineStart, o.start - 50);
        const to = Math.min(lineEnd, o.end + 50);
        const snippet = `${from > lineStart ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ').trim()}${to < lineEnd ? '…' : ''}`;
        return { doc: o.doc, line, col, form: o.text, snippet };
      });
    // Another name of a known entry?
    const near = index.entryFor(wordsOf(name));
    const beside = g.entryId ? byId.get(g.entryId) : undefined;
    const owner = near?.entry ?? undefined;
    if (owner && (!beside || beside.id === owner.id)) {
      const variant = near!.fuzzy;
      const flag = variant ? '--variant' : '--alias';
      proposals.push({
        kind: 'alias',
        label: owner.label,
        name,
        aliases: [],
        variant,
        count: occurrencesKept.length,
        docs,
        contexts,
        because: variant ? `spelt like "${owner.name}"` : `the words of "${owner.name}"`,
        entry: { id: owner.id, name: owner.name, label: owner.label, file: owner.file, line: owner.line },
        command: `annotate gazetteer add --id ${owner.id} --merge ${flag} ${shellQuote(name)}`,
      });
      continue;
    }
    let label: Label;
    let because: string;
    if (g.model) {
      label = 'PERSON';
      because = 'compromise: person';
    } else if (beside) {
      label = 'PERSON';
      because = `next to the person "${beside.name}"`;
    } else {
      const sentence = g.occurrences[0]!.sentence;
      let tags = tagCache.get(sentence);
      if (!tags) tagCache.set(sentence, (tags = compromiseTags(sentence)));
      const o = g.occurrences[0]!;
      ({ label, because } = guessLabel(name, tags.filter((t) => t.start < o.end && o.start < t.end).map((t) => t.tags)));
    }
    let id = slugId(name) || 'entry';
    if (usedIds.has(id)) id = `${id}-${label.toLowerCase()}`;
    for (let k = 2; usedIds.has(id); k++) id = `${slugId(name)}-${k}`;
    const entry: Entry = { id, label, name, ...(aliases.length ? { aliases } : {}) };
    proposals.push({
      kind: 'new',
      label,
      name,
      aliases,
      variant: false,
      count: occurrencesKept.length,
      docs,
      contexts,
      because,
      ...(beside ? { entry: { id: beside.id, name: beside.name, label: beside.label, file: beside.file, line: beside.line } } : {}),
      line: JSON.stringify(entry),
      command: `annotate gazetteer add --label ${label} --name ${shellQuote(name)}${aliases.map((a) => ` --alias ${shellQuote(a)}`).join('')}`,
    });
  }
  const ranked = proposals
    .filter((p) => p.count >= options.minCount && (!options.label || p.label === options.label))
    .sort((a, b) => b.count - a.count || b.docs.length - a.docs.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { documents: inputs.length, proposals: ranked, missed: [...missed.values()].filter((m) => m.count >= options.minCount).sort((a, b) => b.count - a.count || (a.form < b.form ? -1 : 1)) };
}

/** A word for a POSIX shell: as is when safe, else quoted. */
export function shellQuote(s: string): string {
  if (/^[\p{L}\p{N}._,:/@%+=-]+$/u.test(s)) return s;
  if (!s.includes("'")) return `'${s}'`;
  return `"${s.replace(/(["\\$`])/g, '\\$1')}"`;
}

/** The report: gazetteer syntax throughout (# comments and entry lines), so it can be pasted. */
export function formatSuggestions(result: SuggestResult, options: SuggestOptions): string {
  const out: string[] = [];
  const n = result.proposals.length;
  out.push(`# annotate gazetteer suggest: ${n} name${n === 1 ? '' : 's'} the gazetteers do not cover, in ${result.documents} document${result.documents === 1 ? '' : 's'} (seen at least ${options.minCount}×${options.label ? `, label ${options.label}` : ''}).`);
  out.push('# New entries are gazetteer lines to paste (check the label and id) or add commands; other names of known entries are add --merge commands.');
  result.proposals.forEach((p, i) => {
    out.push('#');
    const docs = `${p.docs.slice(0, 8).join(', ')}${p.docs.length > 8 ? `, … (${p.docs.length} documents)` : ''}`;
    if (p.kind === 'alias') {
      out.push(`# ${i + 1}. "${p.name}": ${p.variant ? 'a spelling' : 'another name'} of ${p.entry!.id} "${p.entry!.name}" (${p.entry!.file}:${p.entry!.line}) — ${p.count}× in ${docs}`);
    } else {
      const like = p.entry ? `; written next to ${p.entry.id} "${p.entry.name}" (${p.entry.file}:${p.entry.line}): check it is not that person` : '';
      out.push(`# ${i + 1}. "${p.name}" ${p.label} (${p.because}${like}) — ${p.count}× in ${docs}`);
    }
    for (const c of p.contexts.slice(0, options.contexts)) out.push(`#    ${c.doc}:${c.line}:${c.col}  ${c.snippet}`);
    if (p.contexts.length > options.contexts) out.push(`#    … and ${p.contexts.length - options.contexts} more`);
    out.push(`# ${p.command}`);
    if (p.line) out.push(p.line);
  });
  if (result.missed.length) {
    out.push('#', `# Names already in the gazetteers that were written in a form the matcher missed (annotate gazetteer lint: unmatchable):`);
    for (const m of result.missed.slice(0, 20)) out.push(`#   "${m.form}" (${m.id}) ${m.count}×`);
  }
  return out.join('\n') + '\n';
}
