import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annotateText } from '../helpers.js';

const PIPELINE = JSON.stringify({
  stages: [
    { id: 'segment', stage: 'segment' },
    { id: 'tokenize', stage: 'tokenize' },
    { id: 'entities', stage: 'entities', options: { gazetteers: ['tests/fixtures/gazetteers'], commonWords: 'tests/fixtures/common-words.txt' } },
  ],
});

const FRAGMENTS = [
  'Iraq', 'IRAQ', 'iraq', 'Iraqi', 'Iraq’s', "Iraq's", 'U.S.', 'US', 'us', 'U.S.-led', 'Iraqi-French', 'Saudi Arabia', 'Arabia', 'ISIS', 'IS', 'is',
  'Tahsin al-Khafaji', 'al-Khafaji', 'Khafaji', 'Iraqi Air Force', '(IrAF)', 'IrAF', 'Bagdad', 'Turley', 'turkey', 'Turkey', 'İstanbul', 'İRAQ',
  ' ', '  ', '\n', '\n\n', '\r\n', '\u00a0', '😀', 'العربية', '.', ',', '-', '/', '(', ')', '•', '1. ', 'says:', 'the', 'and',
];
const page = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((p) => p.join(''));

describe('properties: entities', () => {
  it('text === slice, spans never overlap, each lies in one sentence, output is deterministic', async () => {
    await fc.assert(
      fc.asyncProperty(page, async (text) => {
        const a = await annotateText(text, PIPELINE);
        const entities = a.get('entities')!;
        const sentences = a.get('tokenize')!;
        for (const e of entities) {
          expect(e.text).toBe(text.slice(e.start, e.end));
          expect(e.end).toBeGreaterThan(e.start);
          expect(sentences.filter((s) => s.start <= e.start && e.end <= s.end)).toHaveLength(1);
        }
        for (let i = 1; i < entities.length; i++) expect(entities[i]!.start).toBeGreaterThanOrEqual(entities[i - 1]!.end);
        const b = await annotateText(text, PIPELINE);
        expect(JSON.stringify(b.get('entities'))).toBe(JSON.stringify(entities));
      }),
      { numRuns: 150 },
    );
  });
});
