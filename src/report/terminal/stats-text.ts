import { claimName } from '../labels.js';
import type { RunStats } from '../stats.js';
import type { RunView } from '../types.js';
import type { Paint } from './colour.js';
import { entityFormats } from './colour.js';
import { table } from './table.js';

/** Up to this many documents get one column each; beyond it the tables would not fit a screen. */
const DOC_COLUMNS = 8;

const zero = (n: number) => (n === 0 ? '·' : n);

/** `annotate stats` as text: documents, one table per entity label, authors. */
export function statsText(run: RunView, stats: RunStats, paint: Paint): string {
  const docs = stats.docs;
  const key = (i: number) => `D${i + 1}`;
  const perDocColumns = docs.length <= DOC_COLUMNS;
  const mentions = Object.values(stats.totals.entities).reduce((a, b) => a + b, 0);
  const claims = Object.values(stats.totals.claims).reduce((a, b) => a + b, 0);
  const out = [
    `${paint(['bold'], `${run.dir}/`)} (pipeline ${run.pipeline}): ${docs.length} documents, ${mentions} entity mentions of ${stats.entities.length} entities, ${claims} sentences with a claim label, ${stats.totals.comments} comments by ${stats.totals.authors} named authors`,
  ];
  if (run.failed.length) out.push(`${run.failed.length} documents failed and are not counted: ${run.failed.map((f) => f.doc).join(', ')}`);

  out.push('', paint(['bold'], 'Documents'));
  const labelColumns = stats.claimLabels.map(claimName);
  out.push(
    ...table(
      ['', 'document', 'comments', 'authors', ...labelColumns, 'entities'],
      [
        ...docs.map((d, i) => [key(i), d.doc, d.comments, d.authors.filter((a) => a.name !== null).length, ...stats.claimLabels.map((l) => d.claims[l] ?? 0), sum(d.entities)]),
        ['', 'all', stats.totals.comments, stats.totals.authors, ...stats.claimLabels.map((l) => stats.totals.claims[l] ?? 0), mentions],
      ],
    ),
  );

  for (const label of stats.entityLabels) {
    const rows = stats.entities.filter((e) => e.label === label);
    out.push('', `${paint(entityFormats(label), label)} — ${rows.length} entities, ${stats.totals.entities[label] ?? 0} mentions`);
    const header = ['entity', 'id', ...(perDocColumns ? docs.map((_, i) => key(i)) : ['documents', 'most in']), 'total'];
    out.push(
      ...table(
        header,
        rows.map((e) => [
          e.canonical,
          e.id,
          ...(perDocColumns ? docs.map((d) => zero(e.perDoc[d.doc] ?? 0)) : [Object.keys(e.perDoc).length, mostIn(e.perDoc)]),
          e.total,
        ]),
      ),
    );
  }

  out.push('', paint(['bold'], 'Comment authors (comments each)'));
  for (const [i, d] of docs.entries()) {
    const names = d.authors.map((a) => `${a.name ?? '(no name)'} ${a.comments}`).join(', ');
    out.push(`  ${key(i)} ${d.doc}: ${names || 'no comments'}`);
  }
  return out.join('\n') + '\n';
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

function mostIn(perDoc: Record<string, number>): string {
  const [doc, n] = Object.entries(perDoc).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
  return `${doc} (${n})`;
}
