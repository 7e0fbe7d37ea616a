import { UsageError } from '../core/errors.js';
import type { LabelFilter } from './doc-marks.js';
import { CLAIM_LABELS, ENTITY_LABELS, orderLabels } from './labels.js';
import type { RunView } from './types.js';

/**
 * `--label` values as a filter per layer. Labels filter within a layer (`--stage` picks the
 * layers): `--label PERSON` keeps only people among the entities and leaves claims alone.
 * Without claim labels, claims default to `claimDefault` (show hides "not a claim").
 */
export function labelFilter(values: readonly string[] | undefined, run: RunView, claimDefault: readonly string[] | null): LabelFilter {
  const present = run.docs.flatMap((d) => [...d.entities.map((e) => e.label), ...d.claims.map((c) => c.label)]);
  const known = orderLabels([...ENTITY_LABELS, ...CLAIM_LABELS, ...present], [...ENTITY_LABELS, ...CLAIM_LABELS]);
  const entities = new Set<string>();
  const claims = new Set<string>();
  for (const value of (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean)) {
    // Case-insensitive, and "unsourced" for "unsourced_claim": labels are typed by hand.
    const label = known.find((k) => k.toLowerCase() === value.toLowerCase() || k.toLowerCase() === `${value.toLowerCase()}_claim`);
    if (!label) throw new UsageError(`--label: unknown label "${value}"; labels: ${known.join(', ')}`);
    const isClaim = (CLAIM_LABELS as readonly string[]).includes(label) || run.docs.some((d) => d.claims.some((c) => c.label === label));
    (isClaim ? claims : entities).add(label);
  }
  return {
    entities: entities.size ? entities : null,
    claims: claims.size ? claims : claimDefault ? new Set(claimDefault) : null,
  };
}
