import type { SpanRecord } from '../core/record.js';

/** The gold and predicted records of one document. */
export interface DocumentPart {
  doc: string;
  gold: SpanRecord[];
  pred: SpanRecord[];
}

/**
 * Gold and predictions split by document, in document-name order: `annotate eval --by-doc`
 * scores each part on its own, so one bad page stands out from a good average.
 */
export function splitByDocument(gold: readonly SpanRecord[], pred: readonly SpanRecord[]): DocumentPart[] {
  const parts = new Map<string, DocumentPart>();
  const part = (doc: string) => {
    let p = parts.get(doc);
    if (!p) parts.set(doc, (p = { doc, gold: [], pred: [] }));
    return p;
  };
  for (const g of gold) part(g.doc).gold.push(g);
  for (const p of pred) part(p.doc).pred.push(p);
  return [...parts.values()].sort((a, b) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : 0));
}
