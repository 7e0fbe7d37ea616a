import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annotateText } from '../helpers.js';

const PIPELINE = JSON.stringify({
  stages: [
    { id: 'segment', stage: 'segment' },
    { id: 'tokenize', stage: 'tokenize' },
    { id: 'entities', stage: 'entities', options: { gazetteers: ['tests/fixtures/gazetteers'], commonWords: 'tests/fixtures/common-words.txt' } },
    { id: 'claims', stage: 'claims' },
  ],
});

const FRAGMENTS = [
  'Iraq', 'said', 'according to', 'Reuters', 'they say', 'will', 'should', 'I think', 'Did you know that', '?', '!', '.', ',', ' ', '\n', '\n\n',
  '“', '”', '"', 'https://x.org/a', '2015', 'twelve', 'was', 'killed', 'is a', 'stupid', "Let's", 'Stop', 'If Voltaire is right..', '😀', 'العربية', '\u00a0',
  // Words the rules look around (subjects, auxiliaries, clause openers): a rule reading past the start or end of a sentence shows up here.
  'And ', 'and', 'I', 'you', 'my', 'had', 'did', "didn't", 'not', 'who', 'that', 'if', 'by', '-', ';', 'more', 'The', 'people',
];
const comment = fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 30 }).map((p) => p.join(''));
const page = fc.array(comment, { minLength: 1, maxLength: 4 }).map((cs) => `Title Here\n\nBody text about Iraq.\n\n${cs.map((c, i) => `  ${i + 1}. user${i} says:\n\n    ${c.replace(/\n/g, '\n    ')}\n`).join('\n')}`);

describe('properties: claims', () => {
  it('one record per comment sentence, text === slice, valid labels and scores, sources inside the page, deterministic', async () => {
    let labelled = 0;
    await fc.assert(
      fc.asyncProperty(page, async (text) => {
        const layers = await annotateText(text, PIPELINE);
        const claims = layers.get('claims')!;
        const sentences = layers.get('tokenize')!.filter((s) => s.segment === 'comment');
        expect(claims.map((c) => [c.start, c.end])).toEqual(sentences.map((s) => [s.start, s.end]));
        for (const c of claims) {
          expect(c.text).toBe(text.slice(c.start, c.end));
          expect(['unsourced_claim', 'sourced_claim', 'not_claim']).toContain(c.label);
          expect(c.score).toBeGreaterThanOrEqual(0);
          expect(c.score).toBeLessThanOrEqual(1);
          const source = c.source as { start: number; end: number; text: string } | null;
          expect(source === null).toBe(c.label !== 'sourced_claim');
          if (source) expect(text.slice(source.start, source.end)).toBe(source.text);
        }
        const again = await annotateText(text, PIPELINE);
        expect(JSON.stringify(again.get('claims'))).toBe(JSON.stringify(claims));
        if (claims.length > 0) labelled++;
      }),
      { numRuns: 60 },
    );
    // The generator must really produce comment sentences, or the property says nothing.
    expect(labelled).toBeGreaterThan(40);
  });
});
