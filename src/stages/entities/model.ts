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
 * Names the gazetteers lack, proposed by compromise (`.people()`, `.organizations()`,
 * `.places()`) sentence by sentence. Only capitalised spans that overlap no kept mention and
 * are not common words are proposed; they get ids `model:<label>:<name>` so they never mix
 * with gazetteer ids. compromise knows no countries beyond its lexicon, so its places are
 * LOCATION.
 */
export function modelCandidates(docText: string, sentences: readonly SpanRecord[], kept: readonly Candidate[], commonWords: ReadonlySet<string>): Candidate[] {
  const found: Candidate[] = [];
  const overlapsKept = (start: number, end: number) => kept.some((k) => start < k.end && k.start < end);
  for (const s of sentences) {
    const view = nlp(s.text);
    const take = (list: Found[], label: Label) => {
      for (const f of list) {
        let start = s.start + f.offset.start;
        let end = start + f.offset.length;
        const raw = docText.slice(start, end);
        const lead = LEADING.exec(raw)?.[0].length ?? 0;
        start += lead;
        end = start + raw.slice(lead).replace(TRAILING, '').length;
        const text = docText.slice(start, end);
        if (end <= start || !/^\p{Lu}/u.test(text) || commonWords.has(foldKey(text)) || overlapsKept(start, end)) continue;
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
    take(json(view.organizations()), 'ORG');
    take(json(view.places()), 'LOCATION');
  }
  return found;
}
