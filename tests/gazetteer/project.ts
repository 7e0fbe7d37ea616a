import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from '../helpers.js';

/**
 * A throwaway project: a copy of the repository's gazetteers (or of other gazetteer files) and
 * a pipeline (segment, tokenize, entities) whose relative paths resolve inside it, so tests
 * can add entries and run the pipeline without touching the real gazetteers/ folder.
 */
export function tempProject(gazetteers: Record<string, string> | 'repository' = 'repository'): { dir: string; pipeline: string; gazetteers: string } {
  const dir = tempDir('annotate-gazetteer-');
  const folder = join(dir, 'gazetteers');
  if (gazetteers === 'repository') cpSync(join(ROOT, 'gazetteers'), folder, { recursive: true });
  else {
    mkdirSync(folder, { recursive: true });
    for (const file of ['common-words.txt', 'titles.txt']) cpSync(join(ROOT, 'gazetteers', file), join(folder, file));
    for (const [name, text] of Object.entries(gazetteers)) writeFileSync(join(folder, name), text);
  }
  mkdirSync(join(dir, 'pipelines'));
  const pipeline = join(dir, 'pipelines', 'test.json');
  const stages = JSON.parse(readFileSync(join(ROOT, 'pipelines/default.json'), 'utf8')).stages.filter((s: { id: string }) => ['segment', 'tokenize', 'entities'].includes(s.id));
  writeFileSync(pipeline, JSON.stringify({ name: 'test', stages }, null, 2));
  return { dir, pipeline, gazetteers: folder };
}

/** Writes pages into a folder of the project; returns the folder. */
export function pages(dir: string, texts: Record<string, string>): string {
  const folder = join(dir, 'pages');
  mkdirSync(folder, { recursive: true });
  for (const [name, text] of Object.entries(texts)) writeFileSync(join(folder, `${name}.txt`), text);
  return folder;
}
