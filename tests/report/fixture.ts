import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, ROOT, tempDir } from '../helpers.js';

/** The default pipeline run over seeds/ into a temporary output folder (one per test file). */
export async function seedRun(): Promise<string> {
  const out = tempDir('annotate-report-');
  const r = await cli(['run', join(ROOT, 'seeds'), '--pipeline', join(ROOT, 'pipelines/default.json'), '--out', out]);
  if (r.code !== 0) throw new Error(`annotate run failed (${r.code}): ${r.stderr}`);
  return out;
}

/** The records of one stage file of a run, parsed. */
export function records<T = Record<string, unknown>>(out: string, stage: string): T[] {
  return readFileSync(join(out, `${stage}.jsonl`), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);
}

/** The CLI in-process with a terminal-like stdout (colour decisions read isTTY and columns). */
export async function cliOnTerminal(argv: string[], env: Record<string, string> = {}, columns = 80) {
  const { runCli } = await import('../../src/cli.js');
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: Object.assign({ write: (s: string) => (stdout += s), isTTY: true }, { columns }),
    stderr: { write: (s: string) => (stderr += s), isTTY: true },
    env,
  });
  return { code, stdout, stderr };
}

export const stripAnsi = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');
