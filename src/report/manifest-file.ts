import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../core/errors.js';
import type { DocumentEntry } from '../core/manifest.js';

/** The parts of manifest.json that inspection reads. */
export interface ManifestView {
  file: string;
  pipeline: string;
  /** The pipeline file the run used and its sha256, to notice a pipeline edited since. */
  pipelineFile: string | null;
  pipelineSha256: string | null;
  stages: { id: string; produces: string; file: string }[];
  documents: DocumentEntry[];
}

/** The fix named in every "no usable output" message. */
export const RUN_HINT = 'run `annotate run` first (it annotates seeds/ into output/)';

/**
 * Reads DIR/manifest.json. A missing folder or manifest means the user has not run the
 * pipeline yet (or pointed at the wrong folder), so the message says how to produce one.
 */
export function readManifest(dir: string, flag: string): ManifestView {
  const file = join(dir, 'manifest.json');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UsageError(`${dir}: no such output folder; ${RUN_HINT}, or pass the folder it wrote with ${flag} DIR`);
  }
  if (!existsSync(file)) {
    throw new UsageError(`${file}: not found, so ${dir} holds no finished annotate run; ${RUN_HINT}, or pass the folder it wrote with ${flag} DIR`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`${file}: not valid JSON (${(error as Error).message}); run \`annotate run\` again to rewrite it`);
  }
  const m = raw as { pipeline?: { name?: unknown; file?: unknown; sha256?: unknown; stages?: unknown }; documents?: unknown };
  const stages = m.pipeline?.stages;
  if (!Array.isArray(stages) || !Array.isArray(m.documents)) {
    throw new UsageError(`${file}: not a manifest written by \`annotate run\` (no pipeline stages or documents); run \`annotate run\` again`);
  }
  return {
    file,
    pipeline: typeof m.pipeline?.name === 'string' ? m.pipeline.name : '?',
    pipelineFile: typeof m.pipeline?.file === 'string' ? m.pipeline.file : null,
    pipelineSha256: typeof m.pipeline?.sha256 === 'string' ? m.pipeline.sha256 : null,
    stages: (stages as { id: string; produces: string; file?: string }[]).map((s) => ({ id: s.id, produces: s.produces, file: s.file ?? `${s.id}.jsonl` })),
    documents: m.documents as DocumentEntry[],
  };
}
