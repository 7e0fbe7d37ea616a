import type { DocView, SegmentRecord } from './types.js';

/** A page split for display: the article's segments in order, then the comment thread. */
export interface PageBlocks {
  article: SegmentRecord[];
  comments: SegmentRecord[];
}

export function pageBlocks(view: DocView): PageBlocks {
  const segments = [...view.segments].sort((a, b) => a.start - b.start || a.end - b.end);
  if (segments.length === 0 && view.text.trim() !== '') {
    // A run without a segment stage: the page is one block, so its marks still show.
    return { article: [{ doc: view.doc, start: 0, end: view.text.length, text: view.text, kind: 'body' }], comments: [] };
  }
  return { article: segments.filter((s) => s.kind !== 'comment'), comments: segments.filter((s) => s.kind === 'comment') };
}
