import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonLines } from '../src/core/jsonl.js';
import type { SpanRecord } from '../src/core/record.js';
import { ROOT } from './helpers.js';

export interface Page {
  id: string;
  text: string;
}

/** Reads every `*.txt` page of a folder (relative to the repo root), BOM removed. */
export function readPages(dir: string): Page[] {
  const abs = join(ROOT, dir);
  return readdirSync(abs)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ id: f.replace(/\.txt$/, ''), text: readFileSync(join(abs, f), 'utf8').replace(/^\ufeff/, '') }));
}

export function readGold(file: string): SpanRecord[] {
  return parseJsonLines<SpanRecord>(readFileSync(join(ROOT, file), 'utf8'), file);
}

export const floors = JSON.parse(readFileSync(join(ROOT, 'tests/quality-floors.json'), 'utf8'));
