import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ManifestView } from './manifest-file.js';
import type { LayerChoice } from './types.js';

/**
 * Notes, not errors: the records still match the pages, but the user probably wants a fresh
 * run — the pipeline file was edited since, or the run has nothing to highlight.
 */
export function runNotes(dir: string, manifest: ManifestView, layers: LayerChoice): string[] {
  const notes: string[] = [];
  if (manifest.pipelineFile && manifest.pipelineSha256) {
    let current: string | null = null;
    try {
      current = createHash('sha256').update(readFileSync(manifest.pipelineFile, 'utf8')).digest('hex');
    } catch {
      // The pipeline file is gone or elsewhere: nothing to compare with.
    }
    if (current && current !== manifest.pipelineSha256) {
      notes.push(`${manifest.pipelineFile} changed since ${dir}/ was written; run \`annotate run\` to see what the current pipeline finds`);
    }
  }
  if (layers.entities.length === 0 && layers.claims.length === 0) {
    const ran = manifest.stages.map((s) => s.id).join(', ') || 'no stages';
    notes.push(`${dir}/ has no entities or claims stage to highlight (its run had: ${ran}); run \`annotate run\` with a pipeline that has them`);
  }
  return notes;
}
