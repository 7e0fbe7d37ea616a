import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { packageRoot } from './package-root.js';
import type { CompiledPipeline } from './compiled-pipeline.js';

export type DocumentEntry =
  | { doc: string; path: string; status: 'ok'; sha256: string; bytes: number; chars: number }
  | { doc: string; path: string; status: 'failed'; error: string };

/** The tool's own version, from package.json (read once). */
export function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/**
 * Run facts, kept out of the stage files: tool version, pipeline (hash, stages, options),
 * input hashes and sizes, record counts, failures. No timestamps, so that two runs on the same
 * inputs give the same manifest too.
 */
export function buildManifest(compiled: CompiledPipeline, documents: DocumentEntry[], records: Record<string, number>) {
  const pipeline = compiled.pipeline;
  return {
    $comment: 'Run facts for the stage files in this folder; paths are relative to the folder annotate ran in.',
    tool: { name: 'annotate', version: toolVersion() },
    pipeline: {
      file: portablePath(pipeline.file),
      name: pipeline.name,
      sha256: pipeline.sha256,
      stages: compiled.steps.map(({ step: s, resources }) => ({
        id: s.id,
        stage: `${s.stage.name}@${s.stage.version}`,
        produces: s.stage.produces,
        inputs: s.inputs,
        options: s.options,
        file: `${s.id}.jsonl`,
        ...(Object.keys(resources).length ? { resources } : {}),
      })),
    },
    counts: { documents: documents.length, failed: documents.filter((d) => d.status === 'failed').length, records },
    documents: documents.map((d) => ({ ...d, path: portablePath(d.path) })),
  };
}

/** A path relative to the working folder with `/` separators, so manifests compare across machines. */
function portablePath(path: string): string {
  return relative(process.cwd(), path).split(sep).join('/');
}
