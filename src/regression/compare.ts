import type { SpanRecord } from '../core/record.js';
import { mapNested, type SpanMapper } from './offset-map.js';

export type Change =
  | { op: '+'; record: SpanRecord }
  | { op: '-'; record: SpanRecord }
  | { op: '~'; record: SpanRecord; before: SpanRecord; fields: { field: string; before: unknown; after: unknown }[] };

/** What identifies an annotation across runs: its span, and for segments its kind (and lost debug candidates). */
export function identity(r: SpanRecord): string {
  return `${r.start}:${r.end}:${(r.kind as string) ?? ''}:${r.lost ? 'lost' : ''}`;
}

const IGNORED = new Set(['doc', 'start', 'end']);

/**
 * Compares the approved records of one document with the current ones, annotation by
 * annotation: approved records are first mapped through the text edit (if any), then matched
 * by identity; unmatched ones are added or removed, matched ones with different fields changed.
 */
export function compareDocument(approved: readonly SpanRecord[], current: readonly SpanRecord[], map: SpanMapper): Change[] {
  const changes: Change[] = [];
  const byIdentity = new Map(current.map((r) => [identity(r), r]));
  const matched = new Set<SpanRecord>();
  for (const old of approved) {
    const mapped = mapNested(old, map) as SpanRecord | null;
    const now = mapped ? byIdentity.get(identity(mapped)) : undefined;
    if (!mapped || !now) {
      changes.push({ op: '-', record: old });
      continue;
    }
    matched.add(now);
    const fields = Object.keys({ ...mapped, ...now })
      .filter((k) => !IGNORED.has(k))
      .filter((k) => JSON.stringify(mapped[k]) !== JSON.stringify(now[k]))
      .map((field) => ({ field, before: old[field], after: now[field] }));
    if (fields.length) changes.push({ op: '~', record: now, before: old, fields });
  }
  for (const r of current) if (!matched.has(r)) changes.push({ op: '+', record: r });
  const at = (c: Change) => c.record.start;
  return changes.sort((a, b) => at(a) - at(b) || (a.op < b.op ? -1 : a.op > b.op ? 1 : 0));
}
