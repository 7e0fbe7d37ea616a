import { claimKeys, docMarks, type LabelFilter, type MarkValue } from '../doc-marks.js';
import { claimName } from '../labels.js';
import { nestMarks, type Mark } from '../nest.js';
import { pageBlocks } from '../page-blocks.js';
import type { DocStats } from '../stats.js';
import type { ClaimRecord, DocView, SegmentRecord } from '../types.js';
import { claimFormats, entityFormats, type Format, type Paint } from './colour.js';
import { layout, type Run } from './wrap.js';

export interface ShowOptions {
  /** Colour, or bracket markup when false. */
  colour: boolean;
  paint: Paint;
  /** Line width (Infinity: no wrapping, one paragraph per line). */
  width: number;
  filter: LabelFilter;
  /** Which layers the run (or --stage) provides; the header and key only mention those. */
  layers: { entities: boolean; claims: boolean };
}

const GUTTER = 10;
const INDENT = 3;

/** One page for the terminal: header with counts, the article, the thread, claim cues. */
export function showDocument(view: DocView, stats: DocStats, o: ShowOptions): string {
  const marks = docMarks(view, o.filter);
  const shownClaims = new Set(marks.flatMap((m) => (m.value.kind === 'claim' ? [m.value.claim] : [])));
  const keys = claimKeys(view.claims);
  const out: string[] = [...header(view, stats, o), ''];
  const blocks = pageBlocks(view);
  for (const s of blocks.article) {
    out.push(...layout(textRuns(view.text, s, marks, o), { width: o.width, indent: GUTTER, lead: { text: s.kind, formats: ['dim'] } }, o.paint));
    out.push(...notes(claimsIn(s, shownClaims), keys, GUTTER, o));
  }
  if (blocks.widgets.length) {
    // Widget buttons repeat under every comment: one line says they are there.
    const example = blocks.widgets[0]!.text;
    out.push(' '.repeat(GUTTER) + o.paint(['dim'], `${blocks.widgets.length} widget line${blocks.widgets.length === 1 ? '' : 's'} in the thread (footer), e.g. “${example}”`));
  }
  if (blocks.comments.length) out.push('', o.paint(['bold'], `Comments (${blocks.comments.length})`), '');
  for (const c of blocks.comments) {
    const indent = INDENT * (c.depth ?? 0);
    const reply = c.parent !== null && c.parent !== undefined ? ` · reply to #${c.parent}` : '';
    const author = c.author ? o.paint(['bold'], c.author) : o.paint(['italic'], '(no name)');
    out.push(' '.repeat(indent) + (indent ? o.paint(['dim'], '↳ ') : '') + author + o.paint(['dim'], `  #${c.index ?? '?'}${reply}`));
    const body = indent + (indent ? 2 : 0) + 2;
    if (c.end > c.start) out.push(...layout(textRuns(view.text, c, marks, o), { width: o.width, indent: body }, o.paint));
    out.push(...notes(claimsIn(c, shownClaims), keys, body, o), '');
  }
  return out.join('\n').replace(/\n+$/, '') + '\n';
}

function header(view: DocView, stats: DocStats, o: ShowOptions): string[] {
  const lines: Run[][] = [[{ text: view.doc, formats: ['bold'] }, { text: `  ${view.path}`, formats: ['dim'] }]];
  const key: string[] = [];
  if (o.layers.entities) {
    const ents = Object.entries(stats.entities);
    const total = ents.reduce((n, [, k]) => n + k, 0);
    lines.push([{ text: `entities ${total}${ents.length ? ':' : ''}`, formats: [] }, ...ents.flatMap(([l, n], i): Run[] => [{ text: i ? ' · ' : ' ', formats: [] }, { text: l, formats: entityFormats(l) }, { text: ` ${n}`, formats: [] }])]);
    key.push(o.colour ? 'entities coloured by label' : '[text|LABEL:id] entity');
  }
  if (o.layers.claims) {
    const claims = Object.entries(stats.claims).map(([l, n]) => `${claimName(l)} ${n}`).join(' · ');
    lines.push([{ text: `claims: ${claims || 'none'}`, formats: [] }]);
    key.push(o.colour ? 'U1 unsourced claim, S1 sourced claim (underlined); cues below each comment' : '{U1 …} unsourced claim, {S1 …} sourced claim; cues below each comment');
  }
  const named = stats.authors.filter((a) => a.name !== null).length;
  const anonymous = stats.authors.find((a) => a.name === null)?.comments ?? 0;
  lines.push([{ text: `${stats.comments} comments by ${named} named authors${anonymous ? ` (${anonymous} comments without a name)` : ''}`, formats: [] }]);
  if (key.length) lines.push([{ text: `key: ${key.join('; ')}`, formats: ['dim'] }]);
  return lines.flatMap((runs) => layout(runs, { width: o.width, indent: 0 }, o.paint));
}

/** The segment's text with its marks: formats in colour, bracket markup without. */
function textRuns(text: string, seg: SegmentRecord, marks: readonly Mark<MarkValue>[], o: ShowOptions): Run[] {
  const runs: Run[] = [];
  const active: Format[][] = [];
  for (const e of nestMarks(seg.start, seg.end, marks)) {
    if (e.kind === 'text') {
      runs.push({ text: text.slice(e.start, e.end), formats: active.flat() });
      continue;
    }
    const v = e.mark.value;
    if (v.kind === 'source') continue; // named in the claim's note instead
    if (e.kind === 'open') {
      const fmt = v.kind === 'entity' ? entityFormats(v.entity.label) : v.claim.label === 'not_claim' ? [] : (['underline'] as Format[]);
      if (v.kind === 'claim' && !e.continued) runs.push(o.colour ? { text: `${v.key} `, formats: claimFormats(v.claim.label) } : { text: `{${v.key} `, formats: [] });
      if (v.kind === 'entity' && !o.colour) runs.push({ text: '[', formats: [] });
      active.push(fmt);
    } else {
      active.pop();
      if (v.kind === 'entity' && !o.colour) runs.push({ text: `|${v.entity.label}:${v.entity.id}]`, formats: [] });
      if (v.kind === 'claim' && !e.continues && !o.colour) runs.push({ text: '}', formats: [] });
    }
  }
  return runs;
}

function claimsIn(seg: SegmentRecord, shown: Set<ClaimRecord>): ClaimRecord[] {
  return [...shown].filter((c) => c.start >= seg.start && c.start < Math.max(seg.end, seg.start + 1));
}

/** One line per claim under its comment: key, label, score, cues and the source it found. */
function notes(claims: readonly ClaimRecord[], keys: Map<ClaimRecord, string>, indent: number, o: ShowOptions): string[] {
  return claims.flatMap((c) => {
    const source = c.source ? `; source (${c.source.kind}): “${clip(c.source.text, 60)}”` : '';
    const lead = { text: keys.get(c)!, formats: claimFormats(c.label) };
    const body = `${claimName(c.label)} (score ${c.score}): ${c.cues.join('; ') || 'no cues'}${source}`;
    return layout([{ text: body, formats: ['dim'] }], { width: o.width, indent: indent + lead.text.length + 1, lead, leadColumn: indent }, o.paint);
  });
}

const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);
