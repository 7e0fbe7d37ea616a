import type { Mark } from './nest.js';
import type { ClaimRecord, DocView, EntityRecord } from './types.js';

export type MarkValue =
  | { kind: 'entity'; entity: EntityRecord }
  | { kind: 'claim'; claim: ClaimRecord; key: string }
  | { kind: 'source'; keys: string[]; source: NonNullable<ClaimRecord['source']> };

/** Which labels to mark; `null` marks every label of that layer. */
export interface LabelFilter {
  entities: Set<string> | null;
  claims: Set<string> | null;
}

const KEY_LETTER: Record<string, string> = { unsourced_claim: 'U', sourced_claim: 'S', not_claim: 'N' };

/**
 * Short names for a document's claims in page order, numbered per label (U1, U2 … for
 * unsourced, S1 … sourced, N1 … not a claim), so a mark in the text can point at its cues.
 */
export function claimKeys(claims: readonly ClaimRecord[]): Map<ClaimRecord, string> {
  const next: Record<string, number> = {};
  const keys = new Map<ClaimRecord, string>();
  for (const c of claims) {
    const letter = KEY_LETTER[c.label] ?? 'C';
    next[letter] = (next[letter] ?? 0) + 1;
    keys.set(c, `${letter}${next[letter]}`);
  }
  return keys;
}

/** The marks of one document: entities, claim sentences and (once per span) claim sources. */
export function docMarks(view: DocView, filter: LabelFilter): Mark<MarkValue>[] {
  const marks: Mark<MarkValue>[] = [];
  for (const e of view.entities) if (!filter.entities || filter.entities.has(e.label)) marks.push({ start: e.start, end: e.end, value: { kind: 'entity', entity: e } });
  const sources = new Map<string, Mark<MarkValue> & { value: { kind: 'source' } }>();
  for (const [c, key] of claimKeys(view.claims)) {
    if (filter.claims && !filter.claims.has(c.label)) continue;
    marks.push({ start: c.start, end: c.end, value: { kind: 'claim', claim: c, key } });
    if (!c.source || c.source.end <= c.source.start) continue;
    const at = `${c.source.start}:${c.source.end}:${c.source.kind}`;
    const known = sources.get(at);
    if (known) known.value.keys.push(key);
    else sources.set(at, { start: c.source.start, end: c.source.end, value: { kind: 'source', keys: [key], source: c.source } });
  }
  return [...marks, ...sources.values()];
}
