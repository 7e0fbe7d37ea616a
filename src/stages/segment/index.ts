import { z } from 'zod';
import type { SpanRecord } from '../../core/record.js';
import { defineStage } from '../../core/stage.js';
import { segmentPage } from './page.js';
import { isComment, type Segment } from './types.js';

export const segmentOptions = z.strictObject({});

/** Builds the output record with the fixed key order of segment.jsonl. */
export function segmentRecord(doc: string, text: string, s: Segment): SpanRecord {
  const base = { doc, start: s.start, end: s.end, text: text.slice(s.start, s.end), kind: s.kind };
  if (!isComment(s)) return base;
  return { ...base, index: s.index, author: s.author, depth: s.depth, parent: s.parent, header: s.header };
}

export const segmentStage = defineStage({
  name: 'segment',
  version: 1,
  description: 'Title, date line, article paragraphs, captions, source lines, footers and reader comments (author, depth, parent)',
  requires: [],
  produces: 'segment',
  options: segmentOptions,
  create: () => (doc) => segmentPage(doc.text).map((s) => segmentRecord(doc.id, doc.text, s)),
});
