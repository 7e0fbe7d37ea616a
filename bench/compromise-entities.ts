/**
 * The plain alternative, for comparison: compromise's .people() / .places() / .organizations()
 * on each segment of each page (the same text our entities stage reads; comment headers are
 * left out for both). Writes entity records (PERSON, COUNTRY or LOCATION by compromise's
 * Country tag, ORG) as JSONL on stdout, ready for `annotate eval --pred`.
 *
 *   node dist/bench/compromise-entities.js seeds > /tmp/compromise.jsonl
 */
import nlp from 'compromise';
import { readDocument } from '../src/core/document.js';
import { resolveInputs } from '../src/core/inputs.js';
import { segmentRecord } from '../src/stages/segment/index.js';
import { segmentPage } from '../src/stages/segment/page.js';

interface Found {
  text: string;
  offset: { start: number; length: number };
  terms: { tags: string[] }[];
}

const inputs = await resolveInputs(process.argv.slice(2).length ? process.argv.slice(2) : ['seeds']);
for (const input of inputs) {
  const doc = await readDocument(input.path, input.id);
  const rows: { doc: string; start: number; end: number; text: string; label: string; id: string }[] = [];
  for (const s of segmentPage(doc.text).map((x) => segmentRecord(doc.id, doc.text, x))) {
    if (s.start === s.end) continue;
    const view = nlp(s.text);
    const add = (found: Found[], label: (f: Found) => string) => {
      for (const f of found) {
        const start = s.start + f.offset.start;
        const end = start + f.offset.length;
        const text = doc.text.slice(start, end);
        // compromise includes trailing punctuation/possessives in some spans; trim like our span rules.
        const trimmed = text.replace(/(?:['’]s)?[\s.,;:!?"“”’')]*$/u, '');
        if (trimmed.length === 0) continue;
        rows.push({ doc: doc.id, start, end: start + trimmed.length, text: trimmed, label: label(f), id: `compromise:${trimmed.toLowerCase()}` });
      }
    };
    add(view.people().json({ offset: true, terms: { tags: true } } as object) as Found[], () => 'PERSON');
    add(view.organizations().json({ offset: true, terms: { tags: true } } as object) as Found[], () => 'ORG');
    add(view.places().json({ offset: true, terms: { tags: true } } as object) as Found[], (f) => (f.terms.some((t) => t.tags.includes('Country')) ? 'COUNTRY' : 'LOCATION'));
  }
  rows.sort((a, b) => a.start - b.start || a.end - b.end);
  for (const r of rows) process.stdout.write(JSON.stringify(r) + '\n');
}
