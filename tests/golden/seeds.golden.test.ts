import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from '../helpers.js';

/**
 * Whole-pipeline golden test: the default pipeline's output on seeds/ must equal the approved
 * files in tests/approved/default/. After an intended change, regenerate them with
 * `UPDATE_APPROVED=1 npm test`, read the git diff, and commit it.
 */
const APPROVED = join(ROOT, 'tests/approved/default');
const FILES = ['segment.jsonl', 'tokenize.jsonl', 'entities.jsonl', 'claims.jsonl'];

function firstDifferences(expected: string, actual: string, limit = 10): string {
  const e = expected.split('\n');
  const a = actual.split('\n');
  const out: string[] = [];
  for (let i = 0; i < Math.max(e.length, a.length) && out.length < limit * 2; i++) {
    if (e[i] !== a[i]) out.push(`line ${i + 1}:\n  - approved: ${(e[i] ?? '<none>').slice(0, 200)}\n  + now:      ${(a[i] ?? '<none>').slice(0, 200)}`);
  }
  return out.join('\n');
}

describe('golden output on seeds/', () => {
  const out = tempDir();
  it('runs the default pipeline', async () => {
    const r = await cli(['run', join(ROOT, 'seeds'), '--pipeline', join(ROOT, 'pipelines/default.json'), '--out', out]);
    expect(r.code).toBe(0);
  });

  it.each(FILES)('%s equals the approved file', (file) => {
    const actual = readFileSync(join(out, file), 'utf8');
    const approvedFile = join(APPROVED, file);
    if (process.env.UPDATE_APPROVED === '1') {
      mkdirSync(APPROVED, { recursive: true });
      writeFileSync(approvedFile, actual);
    }
    expect(existsSync(approvedFile), `${approvedFile} is missing; run UPDATE_APPROVED=1 npm test`).toBe(true);
    const approved = readFileSync(approvedFile, 'utf8');
    if (actual !== approved) {
      expect.fail(`${file} differs from the approved output (UPDATE_APPROVED=1 npm test accepts the change):\n${firstDifferences(approved, actual)}`);
    }
  });
});
