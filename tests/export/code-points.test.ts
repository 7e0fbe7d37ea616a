import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointIndex, toCodePoints } from '../../src/export/code-points.js';

/** Python's text[start:end]: slicing by code point. */
const pySlice = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join('');

describe('code-point offsets', () => {
  it.each([
    ['ASCII is unchanged', 'Iraq and Iran', 9, 13, 9, 13],
    ['after an emoji every offset is one less', 'a😀b', 3, 4, 2, 3],
    ['a flag is two code points, four UTF-16 units', '🇺🇸 Biden', 5, 10, 3, 8],
    ['Arabic and accents are in the BMP', 'بغداد Erdoğan', 6, 13, 6, 13],
  ])('%s', (_name, text, start, end, cpStart, cpEnd) => {
    const index = codePointIndex(text);
    expect([index[start], index[end]]).toEqual([cpStart, cpEnd]);
    expect(pySlice(text, cpStart, cpEnd)).toBe(text.slice(start, end));
  });

  it('converts every start/end pair, nested ones too, and nothing else', () => {
    const text = '😀 Russia sold 12 jets.';
    const record = { doc: 'd', start: 3, end: 23, text: text.slice(3), score: 0.9, tokens: [{ start: 3, end: 9, text: 'Russia' }], source: { kind: 'url', start: 10, end: 14 }, comment: 2 };
    expect(toCodePoints(record, codePointIndex(text))).toEqual({ ...record, start: 2, end: 22, tokens: [{ start: 2, end: 8, text: 'Russia' }], source: { kind: 'url', start: 9, end: 13 } });
  });

  it('Python slicing with converted offsets gives the same text as JavaScript slicing (any text)', () => {
    const piece = fc.constantFrom('a', ' ', 'é', '😀', '👍🏽', '🇺🇸', 'ب', '\n', '\u200b', '𝔸');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.nat(), fc.nat(), (pieces, a, b) => {
        const text = pieces.join('');
        // Offsets that a record can carry: boundaries between code points.
        const bounds = [0];
        for (const ch of Array.from(text)) bounds.push(bounds[bounds.length - 1]! + ch.length);
        const [start, end] = [bounds[a % bounds.length]!, bounds[b % bounds.length]!].sort((x, y) => x - y) as [number, number];
        const index = codePointIndex(text);
        expect(pySlice(text, index[start]!, index[end]!)).toBe(text.slice(start, end));
        expect(index[text.length]).toBe(Array.from(text).length);
      }),
    );
  });
});
