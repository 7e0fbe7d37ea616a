import type { Span } from '../../core/record.js';

export type SegmentKind = 'title' | 'dateline' | 'body' | 'caption' | 'source' | 'footer' | 'comment';

export const SEGMENT_KINDS: readonly SegmentKind[] = ['title', 'dateline', 'body', 'caption', 'source', 'footer', 'comment'];

/** A segment before it is stamped with the document id. Offsets are UTF-16 code units. */
export interface Segment {
  start: number;
  end: number;
  kind: SegmentKind;
}

export interface CommentSegment extends Segment {
  kind: 'comment';
  /** 0-based order of the comment in the document. */
  index: number;
  /** Display name as shown (no numbering, bullet, "says", ":"), or null. */
  author: string | null;
  /** 0 top level, 1 reply, … */
  depth: number;
  /** Index of the comment replied to, or null. */
  parent: number | null;
  /** The author header line (or the bare bullet of an authorless bullet comment), or null. */
  header: Span | null;
}

export function isComment(segment: Segment): segment is CommentSegment {
  return segment.kind === 'comment';
}
