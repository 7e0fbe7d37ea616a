import { groupByDoc, type SpanRecord } from '../core/record.js';

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
  const goldByDoc = groupByDoc(gold);
  const predByDoc = groupByDoc(pred);
  return [...new Set([...goldByDoc.keys(), ...predByDoc.keys()])].sort().map((doc) => ({ doc, gold: goldByDoc.get(doc) ?? [], pred: predByDoc.get(doc) ?? [] }));
}
