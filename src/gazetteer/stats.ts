import { LABELS, type Label } from './entry.js';
import type { GazetteerSource } from './source.js';

/** Counts for one file and label. */
export interface StatsRow {
  file: string;
  label: Label;
  entries: number;
  /** Names under "aliases" (matched ignoring case). */
  aliases: number;
  cased: number;
  variants: number;
  demonyms: number;
  /** Every name the matcher compiles: name, aliases, cased, variants, demonyms. */
  names: number;
}

export interface GazetteerStats {
  rows: StatsRow[];
  /** Per file, all labels. */
  files: Omit<StatsRow, 'label'>[];
  /** Per label, all files. */
  labels: Omit<StatsRow, 'file'>[];
  total: Omit<StatsRow, 'file' | 'label'>;
  /** Lines that are not valid entries (see lint). */
  broken: number;
}

const zero = () => ({ entries: 0, aliases: 0, cased: 0, variants: 0, demonyms: 0, names: 0 });
type Counts = ReturnType<typeof zero>;

function addTo(c: Counts, d: Counts): void {
  for (const k of Object.keys(c) as (keyof Counts)[]) c[k] += d[k];
}

/** Entries and names per file and label, in file order and the label order of the schema. */
export function gazetteerStats(sources: readonly GazetteerSource[]): GazetteerStats {
  const rows: StatsRow[] = [];
  const files: GazetteerStats['files'] = [];
  const byLabel = new Map<Label, Counts>(LABELS.map((l) => [l, zero()]));
  const total = zero();
  let broken = 0;
  for (const source of sources) {
    const perLabel = new Map<Label, Counts>();
    for (const line of source.lines) {
      if (line.kind === 'broken') broken++;
      const e = line.entry;
      if (!e) continue;
      const c = perLabel.get(e.label) ?? zero();
      perLabel.set(e.label, c);
      const aliases = e.aliases?.length ?? 0;
      const cased = (e.cased ?? []).filter((n) => n !== e.name).length;
      const variants = e.variants?.length ?? 0;
      const demonyms = e.demonyms?.length ?? 0;
      addTo(c, { entries: 1, aliases, cased, variants, demonyms, names: 1 + aliases + cased + variants + demonyms });
    }
    const fileCounts = zero();
    for (const label of LABELS) {
      const c = perLabel.get(label);
      if (!c) continue;
      rows.push({ file: source.display, label, ...c });
      addTo(fileCounts, c);
      addTo(byLabel.get(label)!, c);
    }
    addTo(total, fileCounts);
    files.push({ file: source.display, ...fileCounts });
  }
  const labels = LABELS.filter((l) => byLabel.get(l)!.entries > 0).map((label) => ({ label, ...byLabel.get(label)! }));
  return { rows, files, labels, total, broken };
}

/** A plain-text table of the stats. */
export function formatStats(stats: GazetteerStats): string {
  const head = ['file', 'label', 'entries', 'aliases', 'cased', 'variants', 'demonyms', 'names'];
  const body: string[][] = [];
  const cells = (c: Counts) => [c.entries, c.aliases, c.cased, c.variants, c.demonyms, c.names].map(String);
  for (const f of stats.files) {
    const rows = stats.rows.filter((r) => r.file === f.file);
    for (const r of rows) body.push([r.file, r.label, ...cells(r)]);
    if (rows.length > 1) body.push([f.file, 'all', ...cells(f)]);
  }
  body.push(['', '', '', '', '', '', '', '']);
  for (const l of stats.labels) body.push(['all files', l.label, ...cells(l)]);
  body.push(['all files', 'all', ...cells(stats.total)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const fmt = (r: string[]) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  const out = [fmt(head), ...body.map((r) => (r.every((c) => c === '') ? '' : fmt(r)))];
  out.push('', 'cased: names matched only as written (a canonical name listed there is not counted twice); names: every name the matcher compiles, canonical names included');
  if (stats.broken) out.push(`${stats.broken} lines are not valid entries and are not counted (annotate gazetteer lint lists them)`);
  return out.join('\n') + '\n';
}
