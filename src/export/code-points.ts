/**
 * Offsets for tools that index strings by Unicode code point (Python's str, spaCy's
 * char_span). annotate's offsets are UTF-16 code units (JavaScript string indices); the two
 * differ after every character outside the Basic Multilingual Plane (emoji, some CJK), which
 * takes two UTF-16 units but one code point.
 */

/** For each UTF-16 offset 0..text.length, the number of code points before it. */
export function codePointIndex(text: string): Uint32Array {
  const index = new Uint32Array(text.length + 1);
  let points = 0;
  for (let i = 0; i < text.length; i++) {
    index[i] = points;
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point: the low one does not count again.
    const pairs = unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (pairs) {
      index[i + 1] = points;
      i++;
    }
    points++;
  }
  index[text.length] = points;
  return index;
}

/**
 * A copy of `value` in which every object holding numeric `start` and `end` (a record, a token,
 * a comment header, a claim's source) has them converted from UTF-16 to code points.
 */
export function toCodePoints<T>(value: T, index: Uint32Array): T {
  if (Array.isArray(value)) return value.map((v) => toCodePoints(v, index)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = toCodePoints(v, index);
  if (typeof out.start === 'number' && typeof out.end === 'number') {
    out.start = convert(out.start, index);
    out.end = convert(out.end, index);
  }
  return out as T;
}

function convert(offset: number, index: Uint32Array): number {
  const converted = index[offset];
  if (converted === undefined) throw new RangeError(`offset ${offset} is beyond the end of the text (${index.length - 1} UTF-16 units)`);
  return converted;
}
