/**
 * The shape every stage record shares. Offsets are 0-based, end-exclusive UTF-16 code units
 * into the document text as read (UTF-8 decoded, a leading BOM removed, nothing else changed).
 */
export interface SpanRecord {
  doc: string;
  start: number;
  end: number;
  text: string;
  [field: string]: unknown;
}

/** A span without the document id, used inside records (token spans, source spans). */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** Builds a span from offsets, taking `text` from the document so it can never disagree. */
export function spanOf(docText: string, start: number, end: number): Span {
  return { start, end, text: docText.slice(start, end) };
}

/** Why a record breaks the offset contract, or null when it keeps it. */
export function offsetProblem(record: SpanRecord, docText: string): string | null {
  const { start, end, text } = record;
  if (!Number.isInteger(start) || !Number.isInteger(end)) return `start/end must be integers, got ${start}/${end}`;
  if (start < 0 || end < start || end > docText.length) {
    return `span ${start}-${end} lies outside the document (length ${docText.length})`;
  }
  if (text !== docText.slice(start, end)) {
    return `text ${JSON.stringify(text)} is not the document slice ${JSON.stringify(docText.slice(start, end))} at ${start}-${end}`;
  }
  return null;
}

/** Records grouped by document id, each group in input order. */
export function groupByDoc<R extends { doc: string }>(records: readonly R[]): Map<string, R[]> {
  const groups = new Map<string, R[]>();
  for (const r of records) {
    const list = groups.get(r.doc);
    if (list) list.push(r);
    else groups.set(r.doc, [r]);
  }
  return groups;
}
