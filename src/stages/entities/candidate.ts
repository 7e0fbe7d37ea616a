import type { Label } from '../../gazetteer/entry.js';

/** Where a mention came from, in the record's `source` field. */
export type MentionSource = 'gazetteer' | 'variant' | 'orthomatch' | 'model';

/** A possible mention before overlaps are resolved. Offsets are UTF-16 code units. */
export interface Candidate {
  start: number;
  end: number;
  /** Length in matching units (the first thing the priority rule compares). */
  units: number;
  label: Label;
  id: string;
  canonical: string;
  source: MentionSource;
  /** The gazetteer name that matched, or the antecedent's text for orthomatch. */
  alias: string;
  /** Exact capitalisation was required and met (wins ties over case-insensitive names). */
  cased: boolean;
  /** Position of the entry in the gazetteers (file order, then line): the last tie-breaker. */
  rank: number;
  /** Where the name is defined: gazetteer file and line, antecedent mention, or the model. */
  provenance: Record<string, unknown>;
}

/** Which label wins when the same span has names of several labels (an organisation's name over a person's …). */
export const LABEL_PRIORITY: Record<Label, number> = { ORG: 0, PERSON: 1, COUNTRY: 2, LOCATION: 3, NORP: 4 };
const SOURCE_PRIORITY: Record<MentionSource, number> = { gazetteer: 0, variant: 1, orthomatch: 2, model: 3 };

/**
 * The documented priority between overlapping candidates (spaCy's filter_spans, extended):
 * 1. more matching units (the longest name wins: "Saudi Arabia" over "Arabia");
 * 2. more characters;
 * 3. the earlier start;
 * 4. for the same span: gazetteer name over variant spelling over orthomatch over model;
 * 5. a case-sensitive name over a case-insensitive one;
 * 6. label: ORG, PERSON, COUNTRY, LOCATION, NORP;
 * 7. the entry defined first (gazetteer file order, then line).
 */
export function compareCandidates(a: Candidate, b: Candidate): number {
  return (
    b.units - a.units ||
    b.end - b.start - (a.end - a.start) ||
    a.start - b.start ||
    SOURCE_PRIORITY[a.source] - SOURCE_PRIORITY[b.source] ||
    Number(b.cased) - Number(a.cased) ||
    LABEL_PRIORITY[a.label] - LABEL_PRIORITY[b.label] ||
    a.rank - b.rank
  );
}

/**
 * Keeps the best candidates that do not overlap, in priority order; returns the kept ones
 * sorted by position and the ones that lost (for debugging output).
 */
export function resolveOverlaps(candidates: readonly Candidate[]): { kept: Candidate[]; lost: Candidate[] } {
  const ordered = [...candidates].sort(compareCandidates);
  // Kept spans sorted by start; they never overlap, so a binary search finds the neighbours.
  const kept: Candidate[] = [];
  const lost: Candidate[] = [];
  for (const c of ordered) {
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (kept[mid]!.start < c.start) lo = mid + 1;
      else hi = mid;
    }
    const before = kept[lo - 1];
    const after = kept[lo];
    const overlaps = (before !== undefined && before.end > c.start) || (after !== undefined && after.start < c.end);
    if (overlaps) lost.push(c);
    else kept.splice(lo, 0, c);
  }
  return { kept, lost };
}
