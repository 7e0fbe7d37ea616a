import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { runCli } from '../src/cli.js';
import { compilePipeline, annotateDocument } from '../src/core/compiled-pipeline.js';
import { documentFromText } from '../src/core/document.js';
import { parsePipeline } from '../src/core/pipeline.js';
import type { SpanRecord } from '../src/core/record.js';

export const ROOT = new URL('..', import.meta.url).pathname.replace(/\/$/, '');

/** Runs the CLI in-process and captures what it prints. */
export async function cli(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    env,
  });
  return { code, stdout, stderr };
}

/** A temporary folder removed after the test file. */
export function tempDir(prefix = 'annotate-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const defaultPipeline = JSON.stringify({
  stages: [
    { id: 'segment', stage: 'segment' },
    { id: 'tokenize', stage: 'tokenize' },
  ],
});

/** Compiled pipelines by their JSON: stages load gazetteers once per test file, not once per call. */
const compiledPipelines = new Map<string, ReturnType<typeof compilePipeline>>();

/** Annotates one text in memory with the given pipeline JSON (segment + tokenize by default). */
export async function annotateText(text: string, pipelineJson = defaultPipeline, id = 'doc'): Promise<Map<string, SpanRecord[]>> {
  let compiled = compiledPipelines.get(pipelineJson);
  if (!compiled) {
    compiled = compilePipeline({ ...parsePipeline(pipelineJson, 'test.json'), baseDir: ROOT });
    compiledPipelines.set(pipelineJson, compiled);
  }
  return annotateDocument(await compiled, documentFromText(id, text));
}
