import nlp from 'compromise';
import type { SpanRecord } from '../../core/record.js';
import type { Label } from '../../gazetteer/entry.js';
import { foldKey } from '../../gazetteer/units.js';
import type { Candidate } from './candidate.js';

interface Found {
  offset: { start: number; length: number };
  terms: { tags: string[] }[];
}

/** Trailing possessives and punctuation that compromise keeps inside a match. */
const TRAILING = /(?:['’]s)?[\s.,;:!?"“”’')\]]*$/u;
const LEADING = /^(?:the\s+|[\s"“‘'(\[]+)/iu;

const slug = (s: string) => foldKey(s).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * Cheap filter before compromise (which costs ~1 ms a sentence): a proposal needs two
 * adjacent capitalised words outside kept mentions, so sentences without them are skipped.
 */
function hasNameShape(sentence: SpanRecord, kept: readonly Candidate[]): boolean {
  const tokens = sentence.tokens as { start: number; end: number; text: string }[];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1]!;
    if (!/^\p{Lu}/u.test(a.text) || !/^\p{Lu}/u.test(b.text)) continue;
    if (!kept.some((k) => k.start <= a.start && b.end <= k.end)) return true;
  }
  return false;
}

/** Strips leading titles ("General", "First Lady", "Dr.") from a name; returns the characters removed. */
function leadingTitleLength(text: string, titles: ReadonlySet<string>): number {
  let removed = 0;
  for (;;) {
    const rest = text.slice(removed);
    const words = rest.split(/\s+/);
    let matched = 0;
    for (let n = Math.min(3, words.length); n >= 1 && matched === 0; n--) {
      const phrase = words.slice(0, n).join(' ').replace(/\.$/, '');
      if (titles.has(foldKey(phrase))) matched = n;
    }
    if (matched === 0) return removed;
    const m = new RegExp(`^(?:\\S+(?:\\s+|$)){${matched}}`).exec(rest);
    if (!m) return removed;
    removed += m[0].length;
  }
}

/**
 * People the gazetteers lack, proposed by compromise's `.people()` sentence by sentence.
 * Measured on held-out pages (README), its organisations and places cost more precision than
 * they add recall, so only people are proposed, and only names of two or more capitalised
 * words after leading titles are removed ("General E. Lee" → "E. Lee"); single words are too
 * often first names, places or insults. Proposals never overlap a kept mention and get ids
 * `model:person:<name>` so they never mix with gazetteer ids. In-document short forms of a
 * proposed name ("Vaughan" after "Jessica Vaughan") are then linked by orthomatch.
 */
export function modelCandidates(docText: string, sentences: readonly SpanRecord[], kept: readonly Candidate[], commonWords: ReadonlySet<string>, titles: ReadonlySet<string>): Candidate[] {
  const found: Candidate[] = [];
  const overlapsKept = (start: number, end: number) => kept.some((k) => start < k.end && k.start < end);
  for (const s of sentences) {
    if (!hasNameShape(s, kept)) continue;
    const view = nlp(s.text);
    const take = (list: Found[], label: Label) => {
      for (const f of list) {
        let start = s.start + f.offset.start;
        let end = start + f.offset.length;
        const raw = docText.slice(start, end);
        const lead = LEADING.exec(raw)?.[0].length ?? 0;
        start += lead;
        end = start + raw.slice(lead).replace(TRAILING, '').length;
        start += leadingTitleLength(docText.slice(start, end), titles);
        const text = docText.slice(start, end);
        const words = text.split(/\s+/).filter(Boolean);
        if (end <= start || words.length < 2 || words.some((w) => !/^\p{Lu}/u.test(w) || commonWords.has(foldKey(w))) || /[\d"“”]/u.test(text) || overlapsKept(start, end)) continue;
        found.push({
          start,
          end,
          units: text.split(/\s+/).length,
          label,
          id: `model:${label.toLowerCase()}:${slug(text)}`,
          canonical: text,
          source: 'model',
          alias: text,
          cased: false,
          rank: Number.MAX_SAFE_INTEGER,
          provenance: { model: 'compromise' },
        });
      }
    };
    const json = (v: { json(o: object): unknown }) => v.json({ offset: true, terms: { tags: true } }) as Found[];
    take(json(view.people()), 'PERSON');
  }
  return found;
}
