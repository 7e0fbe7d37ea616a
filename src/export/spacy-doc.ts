import type { DocView } from '../report/types.js';
import { codePointIndex } from './code-points.js';

/**
 * One document for Python and spaCy: the page text and its layers as plain tuples with
 * code-point offsets, so `doc.char_span(start, end, label=label, kb_id=id)` or
 * `text[start:end]` work as they are.
 */
export interface SpacyDoc {
  doc: string;
  text: string;
  /** [start, end, label, entry id] per entity mention. */
  ents: [number, number, string, string][];
  /** [start, end, label] per labelled sentence. */
  claims: [number, number, string][];
  /** Reader comments in thread order. */
  comments: { start: number; end: number; index: number | null; author: string | null; depth: number | null; parent: number | null }[];
}

export function spacyDoc(view: DocView): SpacyDoc {
  const at = codePointIndex(view.text);
  const cp = (offset: number) => at[offset]!;
  return {
    doc: view.doc,
    text: view.text,
    ents: view.entities.map((e) => [cp(e.start), cp(e.end), e.label, e.id]),
    claims: view.claims.map((c) => [cp(c.start), cp(c.end), c.label]),
    comments: view.segments
      .filter((s) => s.kind === 'comment')
      .map((s) => ({ start: cp(s.start), end: cp(s.end), index: s.index ?? null, author: s.author ?? null, depth: s.depth ?? null, parent: s.parent ?? null })),
  };
}
