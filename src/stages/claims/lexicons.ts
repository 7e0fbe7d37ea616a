import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '../../core/errors.js';

/** The cue word lists of the claims stage, each a data file with a comment on what belongs. */
export interface ClaimLexicons {
  reportingVerbs: ReadonlySet<string>;
  attributionPhrases: readonly string[];
  vagueAttribution: readonly string[];
  hedges: readonly string[];
  opinionWords: readonly string[];
  wishWords: readonly string[];
  selfVerbs: ReadonlySet<string>;
  reactions: ReadonlySet<string>;
  /** The files read, for the manifest. */
  files: string[];
}

const FILES = {
  reportingVerbs: 'reporting-verbs.txt',
  attributionPhrases: 'attribution-phrases.txt',
  vagueAttribution: 'vague-attribution.txt',
  hedges: 'hedges.txt',
  opinionWords: 'opinion-words.txt',
  wishWords: 'wish-words.txt',
  selfVerbs: 'self-verbs.txt',
  reactions: 'reactions.txt',
} as const;

function readList(dir: string, file: string): string[] {
  const path = join(dir, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`${path}: cannot read the claims lexicon; the "lexicons" option must name a folder with ${Object.values(FILES).join(', ')}`);
  }
  return text
    .split('\n')
    .map((l) => l.trim().toLowerCase())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** Loads the lexicon folder (relative paths resolved against `baseDir`). */
export function loadClaimLexicons(folder: string, baseDir: string): ClaimLexicons {
  const dir = resolve(baseDir, folder);
  const list = (k: keyof typeof FILES) => readList(dir, FILES[k]);
  return {
    reportingVerbs: new Set(list('reportingVerbs')),
    attributionPhrases: list('attributionPhrases'),
    vagueAttribution: list('vagueAttribution'),
    hedges: list('hedges'),
    opinionWords: list('opinionWords'),
    wishWords: list('wishWords'),
    selfVerbs: new Set(list('selfVerbs')),
    reactions: new Set(list('reactions')),
    files: Object.values(FILES).map((f) => join(folder, f).split('\\').join('/')),
  };
}
