import { LineIndex } from '../core/position.js';
import type { SpanRecord } from '../core/record.js';
import type { Change } from './compare.js';

/** Changes of one stage in one document. */
export interface DocumentChanges {
  stage: string;
  doc: string;
  changes: Change[];
}

/** What a record is, for people: its label, kind or (for sentences) the segment it lies in. */
export const labelOf = (r: SpanRecord) => String(r.label ?? r.kind ?? r.segment ?? '');
/** Which entry or author a record resolves to, if any. */
export const idOf = (r: SpanRecord) => (r.id !== undefined ? String(r.id) : r.author !== undefined && r.author !== null ? `author ${String(r.author)}` : '');

const short = (v: unknown) => {
  const s = JSON.stringify(v) ?? 'undefined';
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
};

/** Per stage: counts of added, removed and changed records, and of each by label. */
export function summarise(groups: readonly DocumentChanges[]) {
  const summary: Record<string, { added: number; removed: number; changed: number; byLabel: Record<string, Record<string, number>> }> = {};
  for (const g of groups) {
    const s = (summary[g.stage] ??= { added: 0, removed: 0, changed: 0, byLabel: {} });
    for (const c of g.changes) {
      const key = c.op === '+' ? 'added' : c.op === '-' ? 'removed' : 'changed';
      s[key]++;
      const label = labelOf(c.record) || '-';
      const byLabel = (s.byLabel[label] ??= {});
      byLabel[key] = (byLabel[key] ?? 0) + 1;
    }
  }
  return summary;
}

/**
 * Readable diff: grouped by stage and document; `+` added, `-` removed, `~` changed with
 * the fields that changed (old → new); each line with doc:line:col, label, text and id.
 */
export function formatChanges(groups: readonly DocumentChanges[], texts: { old: (doc: string) => string | undefined; now: (doc: string) => string | undefined }): string {
  const out: string[] = [];
  const indexes = new Map<string, LineIndex>();
  const lineIndex = (key: string, text: string) => {
    let idx = indexes.get(key);
    if (!idx) indexes.set(key, (idx = new LineIndex(text)));
    return idx;
  };
  for (const g of groups) {
    if (g.changes.length === 0) continue;
    out.push(`${g.stage} · ${g.doc}`);
    for (const c of g.changes) {
      const text = c.op === '-' ? texts.old(g.doc) : texts.now(g.doc);
      const at = text !== undefined ? lineIndex(`${c.op === '-' ? 'old' : 'now'}:${g.doc}`, text).at(c.record.start) : null;
      const where = at ? `${g.doc}:${at.line}:${at.col}` : `${g.doc}:${c.record.start}`;
      const id = idOf(c.record);
      out.push(`  ${c.op} ${where}  ${labelOf(c.record)}  ${short(c.record.text)}${id ? `  ${id}` : ''}`);
      if (c.op === '~') for (const f of c.fields) out.push(`      ${f.field}: ${short(f.before)} → ${short(f.after)}`);
    }
  }
  const summary = summarise(groups);
  const stages = Object.keys(summary);
  if (stages.length === 0) return 'no changes: the annotations equal the approved snapshot\n';
  out.push('', 'summary:');
  for (const stage of stages) {
    const s = summary[stage]!;
    const labels = Object.entries(s.byLabel)
      .map(([l, c]) => `${l} ${['added', 'removed', 'changed'].filter((k) => c[k]).map((k) => `${k === 'added' ? '+' : k === 'removed' ? '-' : '~'}${c[k]}`).join(' ')}`)
      .join(', ');
    out.push(`  ${stage}: +${s.added} -${s.removed} ~${s.changed}  (${labels})`);
  }
  return out.join('\n') + '\n';
}
