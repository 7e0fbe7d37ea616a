/**
 * Labelled claim examples for offline training and measurement: a folder of pages and a gold
 * file of labelled comment sentences become one example per gold sentence, with the cues the
 * claims stage computes for it (the same `sentenceCues` the stage uses) and its tokens.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { annotateDocument, compilePipeline } from '../src/core/compiled-pipeline.js';
import { documentFromText } from '../src/core/document.js';
import { parseJsonLines } from '../src/core/jsonl.js';
import { packageRoot } from '../src/core/package-root.js';
import { parsePipeline } from '../src/core/pipeline.js';
import type { SpanRecord } from '../src/core/record.js';
import { sentenceCues } from '../src/stages/claims/index.js';
import { loadClaimLexicons } from '../src/stages/claims/lexicons.js';
import { CUE_IDS, type Mention, type Token } from '../src/stages/claims/types.js';

export interface ClaimExample {
  doc: string;
  start: number;
  text: string;
  label: string;
  /** Whether the stage found a source the sentence would cite (its own or the previous sentence's). */
  sourced: boolean;
  /** Count of each cue, in CUE_IDS order. */
  cues: number[];
  tokens: Token[];
  mentions: Mention[];
}

const root = packageRoot();

/** Examples for every gold sentence of `goldFile` found on the pages of `pagesDir` (paths relative to the project root). */
export async function loadClaimExamples(pagesDir: string, goldFile: string): Promise<ClaimExample[]> {
  const goldPath = join(root, goldFile);
  const labels = new Map(parseJsonLines<SpanRecord>(readFileSync(goldPath, 'utf8'), goldPath).map((r) => [`${r.doc}:${r.start}`, r.label as string]));
  const pipeline = parsePipeline(JSON.stringify({ stages: [{ id: 'segment', stage: 'segment' }, { id: 'tokenize', stage: 'tokenize' }, { id: 'entities', stage: 'entities' }] }), 'claim-examples');
  const compiled = await compilePipeline({ ...pipeline, baseDir: root });
  const lexicons = loadClaimLexicons('src/stages/claims/lexicons', root);
  const examples: ClaimExample[] = [];
  const files = readdirSync(join(root, pagesDir)).filter((f) => f.endsWith('.txt')).sort();
  for (const file of files) {
    const id = file.replace(/\.txt$/, '');
    const doc = documentFromText(id, readFileSync(join(root, pagesDir, file), 'utf8').replace(/^\ufeff/, ''));
    const layers = annotateDocument(compiled, doc);
    const entities = (layers.get('entities') ?? []) as unknown as Mention[];
    for (const { sentence, cues, source } of sentenceCues(doc, layers, new Set(['comment']), lexicons)) {
      const label = labels.get(`${id}:${sentence.start}`);
      if (!label) continue;
      examples.push({
        doc: id,
        start: sentence.start,
        text: sentence.text,
        label,
        sourced: source !== null,
        cues: CUE_IDS.map((cue) => cues.filter((c) => c.id === cue).reduce((s, c) => s + c.count, 0)),
        tokens: sentence.tokens as Token[],
        mentions: entities.filter((e) => e.start >= sentence.start && e.end <= sentence.end),
      });
    }
  }
  return examples;
}
