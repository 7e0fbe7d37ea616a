import type { SpanRecord } from '../core/record.js';
import { findDocument } from './find-document.js';
import { chooseLayers } from './layers.js';
import { readManifest } from './manifest-file.js';
import { runNotes } from './run-notes.js';
import { readPageText, staleError } from './page-text.js';
import { readStageRecords } from './stage-records.js';
import type { ClaimRecord, DocView, EntityRecord, RunView, SegmentRecord } from './types.js';

export interface LoadOptions {
  dir: string;
  /** The option that names the folder (`--out`, `--from`), for messages. */
  flag: string;
  /** Stage instance ids to display (`--stage`); default: the last of each layer. */
  stages?: readonly string[];
  /** Only this document (a DOC argument); default: every annotated document. */
  doc?: string;
  /** Read the pages (needed to display them; `stats` only counts and does without). */
  texts: boolean;
}

/** Reads an output folder into per-document views, checking that it still matches the pages. */
export function loadRun(options: LoadOptions): RunView {
  const dir = options.dir.replace(/(.)\/+$/, '$1'); // "output/" and "output" read the same
  const manifest = readManifest(dir, options.flag);
  const layers = chooseLayers(manifest, options.stages);
  const read = (id: string) => readStageRecords(dir, manifest, id);
  const segments = layers.segment ? read(layers.segment) : new Map<string, SpanRecord[]>();
  const entities = layers.entities.map(read);
  const claims = layers.claims.map(read);

  const entries = options.doc ? [findDocument(manifest, options.doc)] : manifest.documents;
  const docs: DocView[] = [];
  const failed: RunView['failed'] = [];
  for (const entry of entries) {
    if (entry.status !== 'ok') {
      failed.push({ doc: entry.doc, path: entry.path, error: entry.error });
      continue;
    }
    const text = options.texts ? readPageText(entry, manifest.file) : '';
    const view: DocView = {
      doc: entry.doc,
      path: entry.path,
      text,
      segments: (segments.get(entry.doc) ?? []) as SegmentRecord[],
      // Debug output also holds the candidates that lost to an overlapping mention; they are not mentions.
      entities: entities.flatMap((m) => m.get(entry.doc) ?? []).filter((r) => r.lost !== true) as EntityRecord[],
      claims: claims.flatMap((m) => m.get(entry.doc) ?? []) as ClaimRecord[],
    };
    if (options.texts) checkOffsets(view, manifest.file);
    docs.push(view);
  }
  return { dir, pipeline: manifest.pipeline, stages: manifest.stages, layers, docs, failed, notes: runNotes(dir, manifest, layers) };
}

/** A record whose text is not the page slice means the page or the records changed after the run. */
function checkOffsets(view: DocView, manifestFile: string): void {
  for (const r of [...view.segments, ...view.entities, ...view.claims]) {
    if (r.end > view.text.length || view.text.slice(r.start, r.end) !== r.text) {
      throw staleError(view.path, `the record at ${r.start}-${r.end} of ${manifestFile.replace(/manifest\.json$/, '')} no longer matches the page text`);
    }
  }
}
