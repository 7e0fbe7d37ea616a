import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StageFiles } from '../../src/core/stage-files.js';
import { tempDir } from '../helpers.js';

describe('StageFiles (atomic output)', () => {
  it('abort leaves the previous output untouched and removes the temporary folder', async () => {
    const out = tempDir();
    writeFileSync(join(out, 'segment.jsonl'), 'previous\n');
    const files = await StageFiles.open(out, ['segment']);
    await files.write('segment', 'half-written');
    await files.abort();
    expect(readFileSync(join(out, 'segment.jsonl'), 'utf8')).toBe('previous\n');
    expect(readdirSync(out)).toEqual(['segment.jsonl']);
  });

  it('commit replaces the stage files and writes extra files in one step at the end', async () => {
    const out = tempDir();
    writeFileSync(join(out, 'segment.jsonl'), 'previous\n');
    const files = await StageFiles.open(out, ['segment', 'tokenize']);
    await files.write('segment', 'a\n');
    await files.write('tokenize', 'b\n');
    expect(readFileSync(join(out, 'segment.jsonl'), 'utf8')).toBe('previous\n');
    await files.commit({ 'manifest.json': '{}\n' });
    expect(readFileSync(join(out, 'segment.jsonl'), 'utf8')).toBe('a\n');
    expect(readdirSync(out).sort()).toEqual(['manifest.json', 'segment.jsonl', 'tokenize.jsonl']);
  });
});
