import { UsageError } from '../core/errors.js';
import type { ManifestView } from './manifest-file.js';
import type { LayerChoice } from './types.js';

/** Layers the inspection commands can display. */
const SHOWN = ['segment', 'entities', 'claims'];

/**
 * Which stage instances to display. By default the last instance producing each layer — the
 * one later stages of the pipeline would read. `--stage` picks instances by id instead; the
 * segment layer is always used, since it gives the page its structure (title, comments).
 */
export function chooseLayers(manifest: ManifestView, wanted?: readonly string[]): LayerChoice {
  const last = (layer: string) => manifest.stages.filter((s) => s.produces === layer).at(-1)?.id ?? null;
  const segment = last('segment');
  if (!wanted || wanted.length === 0) {
    const entities = last('entities');
    const claims = last('claims');
    return { segment, entities: entities ? [entities] : [], claims: claims ? [claims] : [] };
  }
  const choice: LayerChoice = { segment, entities: [], claims: [] };
  const shown = manifest.stages.filter((s) => SHOWN.includes(s.produces));
  for (const id of wanted) {
    const stage = manifest.stages.find((s) => s.id === id);
    if (!stage || !SHOWN.includes(stage.produces)) {
      const why = stage ? `stage "${id}" produces ${stage.produces}, which is not displayed` : `no stage "${id}" in this run`;
      throw new UsageError(`--stage: ${why}; stages of ${manifest.file} that can be shown: ${shown.map((s) => s.id).join(', ') || 'none'}`);
    }
    if (stage.produces === 'entities') choice.entities.push(id);
    if (stage.produces === 'claims') choice.claims.push(id);
  }
  return choice;
}
