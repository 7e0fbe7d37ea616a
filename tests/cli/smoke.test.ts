import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers.js';

describe('built CLI (smoke)', () => {
  it('bin/annotate.js runs the compiled CLI as a child process', () => {
    expect(existsSync(join(ROOT, 'dist/src/bin.js')), 'run `npm run build` first (npm test does)').toBe(true);
    const out = tempDir();
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/annotate.js'), 'run', 'seeds', '--out', out], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/annotated 5 of 5 documents/);
    expect(readFileSync(join(out, 'segment.jsonl'), 'utf8').split('\n').length).toBeGreaterThan(100);
  });

  it('exits 2 with a one-line message on a usage error', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/annotate.js'), 'run', 'does-not-exist'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('stops quietly when the reader closes the pipe early (`annotate … | head`)', async () => {
    // stdout is closed as soon as the first bytes arrive, like `head -1` does.
    const child = spawn(process.execPath, [join(ROOT, 'bin/annotate.js'), 'eval', '--help'], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });
});
