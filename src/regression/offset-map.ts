import diff from 'fast-diff';

/**
 * Maps offsets of an old document text to a new one through a character diff, so that
 * annotations after an edit keep their identity. Offsets are UTF-16 code units.
 */
export class OffsetMap {
  /** Equal stretches: [oldStart, newStart, length]. */
  private readonly equal: [number, number, number][] = [];

  constructor(oldText: string, newText: string) {
    let o = 0;
    let n = 0;
    for (const [op, text] of diff(oldText, newText)) {
      if (op === diff.EQUAL) {
        this.equal.push([o, n, text.length]);
        o += text.length;
        n += text.length;
      } else if (op === diff.DELETE) o += text.length;
      else n += text.length;
    }
  }

  /**
   * The new span of an old span: exact when it lies in one unchanged stretch; when an edit
   * lies inside it, its two ends are mapped separately; null when an end itself was edited.
   */
  span(start: number, end: number): { start: number; end: number } | null {
    for (const [os, ns, len] of this.equal) {
      if (start >= os && end <= os + len && (start < os + len || start === end)) return { start: ns + (start - os), end: ns + (end - os) };
    }
    // The edit lies inside the span (a paragraph with a new sentence): map both ends on their own,
    // so the annotation keeps its identity and shows as changed text rather than removed + added.
    const from = this.equal.find(([os, , len]) => start >= os && start < os + len);
    const to = this.equal.find(([os, , len]) => end > os && end <= os + len);
    if (!from || !to) return null;
    const mapped = { start: from[1] + (start - from[0]), end: to[1] + (end - to[0]) };
    return mapped.start <= mapped.end ? mapped : null;
  }
}

/** The identity map, for documents whose text did not change. */
export const sameText = { span: (start: number, end: number) => ({ start, end }) };

export type SpanMapper = Pick<OffsetMap, 'span'>;

/**
 * Copies a record (or any JSON value) with every nested {start, end} pair mapped; returns
 * null when some pair cannot be mapped (the edit touched it).
 */
export function mapNested(value: unknown, map: SpanMapper): unknown {
  if (Array.isArray(value)) {
    const out = [];
    for (const v of value) {
      const m = mapNested(v, map);
      if (m === null && v !== null) return null;
      out.push(m);
    }
    return out;
  }
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    let span: { start: number; end: number } | null = null;
    if (typeof obj.start === 'number' && typeof obj.end === 'number') {
      span = map.span(obj.start, obj.end);
      if (!span) return null;
    }
    // Same keys in the same order, so mapped records compare equal to fresh ones as JSON.
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) {
      if (span && (k === 'start' || k === 'end')) {
        out[k] = span[k];
        continue;
      }
      const m = mapNested(v, map);
      if (m === null && v !== null) return null;
      out[k] = m;
    }
    return out;
  }
  return value;
}
