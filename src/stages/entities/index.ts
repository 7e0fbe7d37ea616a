import { z } from 'zod';
import type { SpanRecord } from '../../core/record.js';
import { defineStage } from '../../core/stage.js';
import { compileGazetteer } from '../../gazetteer/compile.js';
import { loadGazetteers, loadWordList } from '../../gazetteer/load.js';
import { acronymCandidates } from './acronyms.js';
import { resolveOverlaps, type Candidate } from './candidate.js';
import { NameSpeller } from '../../gazetteer/fuzzy.js';
import { fuzzyCandidates, gazetteerCandidates, isRetweetMarker } from './gazetteer-pass.js';
import { modelCandidates } from './model.js';
import { orthomatchCandidates } from './orthomatch.js';
import { unitSentences } from './sentences.js';

export const entitiesOptions = z.strictObject({
  /** Gazetteer files or folders (a folder: its *.jsonl files), relative to the project root. */
  gazetteers: z.array(z.string()).min(1).default(['gazetteers']),
  /** Words that only match with a name's own capitalisation ("turkey", "us", "is"). */
  commonWords: z.string().default('gazetteers/common-words.txt'),
  /** Titles and ranks that precede a name but are not part of it (used to trim model proposals). */
  titles: z.string().default('gazetteers/titles.txt'),
  /** Match misspelt names within one edit of a name word ("Hilary", "Barrack Obama"); never ordinary words. */
  fuzzy: z.boolean().default(true),
  /** Link short forms of people's names within a document (GATE's OrthoMatcher). */
  orthomatch: z.boolean().default(true),
  /** Link acronyms introduced in brackets after a long form ("Iraqi Air Force (IrAF)"). */
  acronyms: z.boolean().default(true),
  /**
   * Names no gazetteer entry covers, proposed by compromise: "off", or "records" to write them
   * with source "model" (ids "model:person:<name>"). On by default: measured in README.
   */
  model: z.enum(['off', 'records']).default('records'),
  /** Also write the candidates that lost to an overlapping one, with `"lost": true` (debugging). */
  debug: z.boolean().default(false),
});

export type EntitiesOptions = z.infer<typeof entitiesOptions>;

/** The record for one mention, in the fixed key order of entities.jsonl. */
function toRecord(doc: string, docText: string, c: Candidate, where: { segment: string; comment: number | null }, lost = false): SpanRecord {
  return {
    doc,
    start: c.start,
    end: c.end,
    text: docText.slice(c.start, c.end),
    label: c.label,
    id: c.id,
    canonical: c.canonical,
    source: c.source,
    alias: c.alias,
    provenance: c.provenance,
    segment: where.segment,
    comment: where.comment,
    ...(lost ? { lost: true } : {}),
  };
}

export const entitiesStage = defineStage({
  name: 'entities',
  version: 1,
  description: 'People, countries, organisations, places and demonyms from gazetteers, every alias resolved to one entry id',
  requires: ['segment', 'tokenize'],
  produces: 'entities',
  options: entitiesOptions,
  create: (options: EntitiesOptions, context) => {
    const loaded = loadGazetteers(options.gazetteers, context.baseDir);
    const common = loadWordList(options.commonWords, context.baseDir);
    const titles = loadWordList(options.titles, context.baseDir);
    const gazetteer = compileGazetteer(loaded.entries, common.words);
    const speller = options.fuzzy ? new NameSpeller(gazetteer) : null;
    context.resources.gazetteers = [...loaded.files, common.file, titles.file];
    context.resources.names = gazetteer.names;
    return (doc, layers) => {
      const sentences = unitSentences(doc.text, layers.get('tokenize') ?? []);
      const tokenized = layers.get('tokenize') ?? [];
      // The sentence a mention lies in (sentences are sorted and disjoint: binary search).
      const where = (offset: number) => {
        let lo = 0;
        let hi = tokenized.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (tokenized[mid]!.start <= offset) lo = mid;
          else hi = mid - 1;
        }
        const s = tokenized[lo];
        return { segment: (s?.segment as string) ?? 'body', comment: (s?.comment as number | null) ?? null };
      };
      const found = gazetteerCandidates(gazetteer, sentences).filter((c) => !isRetweetMarker(doc.text, c));
      if (speller) found.push(...fuzzyCandidates(gazetteer, speller, sentences));
      let { kept, lost } = resolveOverlaps(found);
      if (options.acronyms) kept = resolveOverlaps([...kept, ...acronymCandidates(sentences, kept, doc.text)]).kept;
      if (options.model === 'records') kept = resolveOverlaps([...kept, ...modelCandidates(doc.text, tokenized, kept, gazetteer.commonWords, titles.words)]).kept;
      if (options.orthomatch) kept = resolveOverlaps([...kept, ...orthomatchCandidates(gazetteer, sentences, kept)]).kept;
      const records = kept.map((c) => toRecord(doc.id, doc.text, c, where(c.start)));
      if (options.debug) records.push(...lost.map((c) => toRecord(doc.id, doc.text, c, where(c.start), true)));
      return records;
    };
  },
});
