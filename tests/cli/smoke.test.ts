import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

  it('runs in any folder: without ./pipelines/default.json it uses the pipeline shipped with annotate', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'page.txt'), 'Iraq Talks\n\nU.S. forces have withdrawn from eight Iraqi bases.\n\n  1. reader says:\n\n    Russia delivered 12 jets to Iraq in 2015.\n');
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/annotate.js'), 'run', 'page.txt'], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const entities = readFileSync(join(dir, 'output/entities.jsonl'), 'utf8');
    expect(entities).toContain('"text":"Iraq"');
    // A project's own default pipeline still wins when it has one.
    mkdirSync(join(dir, 'pipelines'));
    writeFileSync(join(dir, 'pipelines/default.json'), '{"stages":[{"id":"segment","stage":"segment"}]}');
    const own = spawnSync(process.execPath, [join(ROOT, 'bin/annotate.js'), 'run', 'page.txt', '--out', 'own'], { cwd: dir, encoding: 'utf8' });
    expect(own.status).toBe(0);
    expect(existsSync(join(dir, 'own/segment.jsonl'))).toBe(true);
    expect(existsSync(join(dir, 'own/entities.jsonl'))).toBe(false);
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
