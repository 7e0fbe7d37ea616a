/**
 * Labelled claim examples for offline training and measurement: a folder of pages and a gold
 * file of labelled comment sentences become one example per gold sentence, with the cues the
 * claims stage computes for it (src/stages/claims/labelled-sentences.ts) and its tokens.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { annotateDocument, compilePipeline } from '../src/core/compiled-pipeline.js';
import { documentFromText } from '../src/core/document.js';
import { parseJsonLines } from '../src/core/jsonl.js';
import { packageRoot } from '../src/core/package-root.js';
import { parsePipeline } from '../src/core/pipeline.js';
import type { SpanRecord } from '../src/core/record.js';
import { labelledSentences, type LabelledSentence } from '../src/stages/claims/labelled-sentences.js';
import { loadClaimLexicons } from '../src/stages/claims/lexicons.js';

export type ClaimExample = LabelledSentence;

const root = packageRoot();

/** Examples for every gold sentence of `goldFile` found on the pages of `pagesDir` (paths relative to the project root). */
export async function loadClaimExamples(pagesDir: string, goldFile: string): Promise<ClaimExample[]> {
  const goldPath = join(root, goldFile);
  const labels = new Map<string, Map<number, string>>();
  for (const r of parseJsonLines<SpanRecord>(readFileSync(goldPath, 'utf8'), goldPath)) {
    if (!labels.has(r.doc)) labels.set(r.doc, new Map());
    labels.get(r.doc)!.set(r.start, r.label as string);
  }
  const pipeline = parsePipeline(JSON.stringify({ stages: [{ id: 'segment', stage: 'segment' }, { id: 'tokenize', stage: 'tokenize' }, { id: 'entities', stage: 'entities' }] }), 'claim-examples');
  const compiled = await compilePipeline({ ...pipeline, baseDir: root });
  const lexicons = loadClaimLexicons('src/stages/claims/lexicons', root);
  const examples: ClaimExample[] = [];
  for (const file of readdirSync(join(root, pagesDir)).filter((f) => f.endsWith('.txt')).sort()) {
    const id = file.replace(/\.txt$/, '');
    const doc = documentFromText(id, readFileSync(join(root, pagesDir, file), 'utf8').replace(/^\ufeff/, ''));
    examples.push(...labelledSentences(doc, annotateDocument(compiled, doc), new Set(['comment']), lexicons, labels.get(id) ?? new Map()));
  }
  return examples;
}
