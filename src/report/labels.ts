/** Display order and names of the labels the stages write; unknown labels sort after these. */
export const ENTITY_LABELS = ['PERSON', 'ORG', 'COUNTRY', 'LOCATION', 'NORP'] as const;
export const CLAIM_LABELS = ['unsourced_claim', 'sourced_claim', 'not_claim'] as const;

const CLAIM_NAMES: Record<string, string> = { unsourced_claim: 'unsourced claim', sourced_claim: 'sourced claim', not_claim: 'not a claim' };
const ENTITY_NAMES: Record<string, string> = { PERSON: 'person', ORG: 'organisation', COUNTRY: 'country', LOCATION: 'place', NORP: 'nationality or group' };

export const claimName = (label: string): string => CLAIM_NAMES[label] ?? label;
export const entityName = (label: string): string => ENTITY_NAMES[label] ?? label.toLowerCase();

/** Known labels first in their fixed order, then any others alphabetically. */
export function orderLabels(labels: Iterable<string>, known: readonly string[]): string[] {
  const rank = (l: string) => (known.includes(l) ? known.indexOf(l) : known.length);
  return [...new Set(labels)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}
