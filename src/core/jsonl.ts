import type { SpanRecord } from './record.js';

/**
 * Total order for records of one document: start, then end, then the serialised record
 * (the last key only breaks ties so that output never depends on production order).
 */
export function compareRecords(a: SpanRecord, b: SpanRecord): number {
  if (a.start !== b.start) return a.start - b.start;
  if (a.end !== b.end) return a.end - b.end;
  const sa = JSON.stringify(a);
  const sb = JSON.stringify(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** One record per line; key order is the order the stage built the object in (fixed per stage). */
export function toJsonLines(records: readonly SpanRecord[]): string {
  let out = '';
  for (const record of records) out += JSON.stringify(record) + '\n';
  return out;
}

/** Parses JSONL text; blank lines are skipped; errors name the line (1-based). */
export function parseJsonLines<T = unknown>(text: string, file: string): T[] {
  const rows: T[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line.trim() === '') continue;
    try {
      rows.push(JSON.parse(line) as T);
    } catch (error) {
      throw new Error(`${file}:${i + 1}: not valid JSON (${(error as Error).message})`);
    }
  }
  return rows;
}
