import type { DocView, SegmentRecord } from './types.js';

/** A page split for display: the article's segments in order, then the comment thread. */
export interface PageBlocks {
  article: SegmentRecord[];
  comments: SegmentRecord[];
  /** Footers between the first and the last comment: a comment widget's buttons ("Reply • Share ›"). */
  widgets: SegmentRecord[];
}

export function pageBlocks(view: DocView): PageBlocks {
  const segments = [...view.segments].sort((a, b) => a.start - b.start || a.end - b.end);
  if (segments.length === 0 && view.text.trim() !== '') {
    // A run without a segment stage: the page is one block, so its marks still show.
    return { article: [{ doc: view.doc, start: 0, end: view.text.length, text: view.text, kind: 'body' }], comments: [], widgets: [] };
  }
  const comments = segments.filter((s) => s.kind === 'comment');
  const threadStart = comments[0]?.start ?? Infinity;
  const threadEnd = comments[comments.length - 1]?.end ?? -Infinity;
  // Inside the thread, or repeated there (the last comment's buttons): not the page's own footer.
  const shape = (s: SegmentRecord) => s.text.replace(/\d+/g, '0');
  const inThread = segments.filter((s) => s.kind === 'footer' && s.start > threadStart);
  const repeated = new Set(inThread.map(shape).filter((t, i, all) => all.indexOf(t) !== i));
  const isWidget = (s: SegmentRecord) => s.kind === 'footer' && s.start > threadStart && (s.start < threadEnd || repeated.has(shape(s)));
  return { article: segments.filter((s) => s.kind !== 'comment' && !isWidget(s)), comments, widgets: segments.filter(isWidget) };
}
