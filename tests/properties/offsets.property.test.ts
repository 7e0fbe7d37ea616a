import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SpanRecord } from '../../src/core/record.js';
import { annotateText } from '../helpers.js';

/** Pieces that exercise the layout rules and the offset arithmetic together. */
const FRAGMENTS = [
  'Iraq', 'Baghdad', ' ', '  ', '\t', '\n', '\n\n', '\n\n\n', '\r\n', '\r\n\r\n', '\r', '\u00a0', '😀', '👍🏽', 'العربية', 'İstanbul',
  '.', '..', '…', '?', '!', ',', ':', '“', '”', '’s', "'", '-', '—', '•', '◦', '1. ', '  2. ', 'says', 'says:', 'wrote:', ' · 3 hours ago',
  'Jens Holm', 'Source: X', 'Click to see full-size image', 'MAY 2021', 'Consider helping us!', 'U.S.-led', 'https://a.bc/d', '@handle', '12,000', '$20',
  'the', 'army', 'said', 'Mr.', 'Dr. Smith', '\ufeff', '\u200b',
];

const page = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 80 }).map((parts) => parts.join(''));

function check(text: string, layers: Map<string, SpanRecord[]>) {
  const segments = layers.get('segment')!;
  const sentences = layers.get('tokenize')!;
  for (const r of [...segments, ...sentences]) {
    expect(r.text).toBe(text.slice(r.start, r.end));
    expect(r.start).toBeLessThanOrEqual(r.end);
  }
  // Segments are sorted and never overlap.
  for (let i = 1; i < segments.length; i++) expect(segments[i]!.start).toBeGreaterThanOrEqual(segments[i - 1]!.end);
  // Every non-space character lies in exactly one segment or header.
  const owner = new Uint8Array(text.length);
  for (const s of segments) {
    for (let i = s.start; i < s.end; i++) owner[i]!++;
    const h = s.header as { start: number; end: number; text: string } | null | undefined;
    if (h) {
      expect(h.text).toBe(text.slice(h.start, h.end));
      for (let i = h.start; i < h.end; i++) owner[i]!++;
    }
  }
  for (let i = 0; i < text.length; i++) {
    if (!/[\s\u00a0\u200b\ufeff]/.test(text[i]!)) expect(owner[i], `offset ${i} of ${JSON.stringify(text)}`).toBe(1);
  }
  // Each sentence lies inside one non-empty segment; its tokens are ordered and inside it.
  for (const s of sentences) {
    const home = segments.filter((g) => g.start <= s.start && s.end <= g.end);
    expect(home).toHaveLength(1);
    expect(s.text).not.toMatch(/[\r\n]/);
    const tokens = s.tokens as { start: number; end: number; text: string }[];
    let last = s.start;
    for (const t of tokens) {
      expect(t.text).toBe(text.slice(t.start, t.end));
      expect(t.start).toBeGreaterThanOrEqual(last);
      expect(t.end).toBeLessThanOrEqual(s.end);
      last = t.end;
    }
  }
}

describe('properties: offsets, coverage and determinism on arbitrary pages', () => {
  it('text === slice for every record, token and header; full coverage; no overlaps', async () => {
    await fc.assert(
      fc.asyncProperty(page, async (text) => {
        check(text, await annotateText(text));
      }),
      { numRuns: 300 },
    );
  });

  it('arbitrary Unicode text (any code points, no lone surrogates) keeps the contract', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 200 }), async (text) => {
        check(text, await annotateText(text));
      }),
      { numRuns: 200 },
    );
  });

  it('the same text gives identical records', async () => {
    await fc.assert(
      fc.asyncProperty(page, async (text) => {
        const a = await annotateText(text);
        const b = await annotateText(text);
        expect(JSON.stringify([...b])).toBe(JSON.stringify([...a]));
      }),
      { numRuns: 50 },
    );
  });
});
