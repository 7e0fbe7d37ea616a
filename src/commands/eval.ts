import { annotateDocument, compilePipeline } from '../core/compiled-pipeline.js';
import { UsageError } from '../core/errors.js';
import { resolveInputs } from '../core/inputs.js';
import { loadPipeline } from '../core/pipeline.js';
import { LineIndex } from '../core/position.js';
import type { SpanRecord } from '../core/record.js';
import { REPLICATES } from '../eval/bootstrap.js';
import { splitByDocument } from '../eval/by-document.js';
import { CLAIM_LABELS, scoreClaims } from '../eval/claim-score.js';
import { scoreEntities } from '../eval/entity-score.js';
import type { Prf } from '../eval/prf.js';
import { scoreSegments } from '../eval/segment-score.js';
import type { Io } from '../io.js';
import { RUN_DEFAULTS } from './run.js';
import { readDocumentOrExplain } from '../regression/in-memory.js';
import { readRecords } from './read-records.js';
import type { Register } from './register.js';

export interface EvalArgs {
  gold: string;
  pred?: string;
  inputs: string[];
  stage?: string;
  pipeline: string;
  labels?: string;
  json: boolean;
  list: boolean;
  /** Also score each document on its own. */
  byDoc?: boolean;
}

const STAGES = ['entities', 'segment', 'claims'] as const;
type EvalStage = (typeof STAGES)[number];

/** Which stage a gold file is for, from the fields its records carry. */
function guessStage(gold: readonly SpanRecord[]): EvalStage {
  const first = gold[0];
  if (first && 'kind' in first) return 'segment';
  if (first && (CLAIM_LABELS as readonly unknown[]).includes(first.label)) return 'claims';
  return 'entities';
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
const row = (name: string, p: Prf, width = 10) => `${name.padEnd(width)} ${pct(p.precision)} ${pct(p.recall)} ${pct(p.f1)}   ${String(p.tp).padStart(5)} ${String(p.fp).padStart(5)} ${String(p.fn).padStart(5)}`;
/** Every figure of a per-label table, rounded for JSON output. */
const roundedAll = (table: Record<string, Prf>) => Object.fromEntries(Object.entries(table).map(([l, p]) => [l, rounded(p)]));
const printJson = (io: Io, value: unknown) => io.stdout.write(JSON.stringify(value, null, 2) + '\n');
const rounded = (p: Prf) => ({ precision: +p.precision.toFixed(4), recall: +p.recall.toFixed(4), f1: +p.f1.toFixed(4), tp: p.tp, fp: p.fp, fn: p.fn });

/** `--by-doc`: one row per document, the worst first, so the page to look at is on top. */
function documentTable(measure: string, rows: readonly (readonly [string, Prf])[]): string[] {
  const width = Math.max(8, ...rows.map(([doc]) => doc.length));
  const sorted = [...rows].sort(([a, p], [b, q]) => p.f1 - q.f1 || (a < b ? -1 : 1));
  return [`by document (${measure}), worst first`, `${'document'.padEnd(width)}    P%    R%   F1%      tp    fp    fn`, ...sorted.map(([doc, p]) => row(doc, p, width)), ''];
}

/** Claims scored per document (no intervals: a page has too few comments for them). */
function claimsByDocument(gold: readonly SpanRecord[], pred: readonly SpanRecord[]) {
  return splitByDocument(gold, pred).map((d) => [d.doc, scoreClaims(d.gold, d.pred)] as const);
}

/**
 * `annotate eval`: scores a stage's records against hand-made gold. Predictions come from a
 * stage file (--pred) or from running the pipeline over INPUT in memory. Exit 0 (a report).
 */
export async function evalCommand(args: EvalArgs, io: Io): Promise<number> {
  const gold = readRecords(args.gold, 'gold');
  if (gold.length === 0) throw new UsageError(`${args.gold}: the gold file has no records`);
  const stage = (args.stage ?? guessStage(gold)) as EvalStage;
  if (!STAGES.includes(stage)) throw new UsageError(`--stage must be one of ${STAGES.join(', ')}, got "${args.stage}"`);

  const texts = new Map<string, string>();
  let pred: SpanRecord[];
  if (args.pred) {
    pred = readRecords(args.pred, 'prediction');
  } else {
    const pipeline = loadPipeline(args.pipeline);
    const step = pipeline.steps.find((s) => s.stage.produces === stage);
    if (!step) throw new UsageError(`${args.pipeline}: no stage in this pipeline produces "${stage}"`);
    const compiled = await compilePipeline(pipeline);
    pred = [];
    for (const input of await resolveInputs(args.inputs.length ? args.inputs : ['seeds'])) {
      const doc = await readDocumentOrExplain(input);
      texts.set(doc.id, doc.text);
      pred.push(...annotateDocument(compiled, doc).get(step.id)!);
    }
  }
  const goldDocs = new Set(gold.map((g) => g.doc));
  const predDocs = new Set(pred.map((p) => p.doc));
  const missingDocs = [...goldDocs].filter((d) => !predDocs.has(d) && (texts.size === 0 || !texts.has(d)));
  if (texts.size > 0 && missingDocs.length) throw new UsageError(`${args.gold}: gold documents not among the inputs: ${missingDocs.slice(0, 5).join(', ')}${missingDocs.length > 5 ? ' …' : ''}; pass the folder they come from`);
  // Only documents that have gold count (a gold file may cover part of a folder).
  pred = pred.filter((p) => goldDocs.has(p.doc));

  const where = (r: SpanRecord) => {
    const text = texts.get(r.doc);
    if (!text) return `${r.doc}:${r.start}-${r.end}`;
    const { line, col } = new LineIndex(text).at(r.start);
    return `${r.doc}:${line}:${col}`;
  };

  if (stage === 'entities') {
    const labels = args.labels ? args.labels.split(',').map((l) => l.trim()) : [...new Set(gold.map((g) => g.label as string))].sort();
    const score = scoreEntities(gold, pred, labels);
    if (args.json) {
      printJson(io, {
        stage,
        labels,
        micro: rounded(score.strict.micro),
        perLabel: roundedAll(score.strict.perLabel),
        lenient: { micro: rounded(score.lenient.micro), perLabel: roundedAll(score.lenient.perLabel) },
        linking: rounded(score.linking),
        ...(args.byDoc ? { byDocument: Object.fromEntries(splitByDocument(gold, pred).map((d) => [d.doc, rounded(scoreEntities(d.gold, d.pred, labels).strict.micro)])) } : {}),
        misses: score.misses.map((r) => ({ doc: r.doc, start: r.start, end: r.end, text: r.text, label: r.label })),
        falseAlarms: score.falseAlarms.map((r) => ({ doc: r.doc, start: r.start, end: r.end, text: r.text, label: r.label, id: r.id })),
      });
      return 0;
    }
    const out = [`entities: ${gold.filter((g) => labels.includes(g.label as string)).length} gold mentions in ${goldDocs.size} documents; labels ${labels.join(', ')}`, ''];
    for (const [name, part] of [['strict (exact span + label)', score.strict], ['lenient (overlapping span + label)', score.lenient]] as const) {
      out.push(name, `${'label'.padEnd(10)}    P%    R%   F1%      tp    fp    fn`);
      for (const l of labels) out.push(row(l, part.perLabel[l]!));
      out.push(row('micro', part.micro), '');
    }
    out.push(`linking (mention pairs sharing a gold canonical share an id): ${row('', score.linking).trim()}`, '');
    if (args.byDoc) out.push(...documentTable('strict micro', splitByDocument(gold, pred).map((d) => [d.doc, scoreEntities(d.gold, d.pred, labels).strict.micro] as const)));
    if (args.list) {
      for (const m of score.misses) out.push(`miss  ${where(m)}  ${m.label}  ${JSON.stringify(m.text)}`);
      for (const f of score.falseAlarms) out.push(`false ${where(f)}  ${f.label}  ${JSON.stringify(f.text)}  ${f.id}`);
    } else out.push(`${score.misses.length} misses and ${score.falseAlarms.length} false alarms (--list shows them)`);
    io.stdout.write(out.join('\n') + '\n');
    return 0;
  }

  if (stage === 'claims') {
    const score = scoreClaims(gold, pred);
    const { baseline } = score;
    if (args.json) {
      printJson(io, {
        stage,
        micro: rounded(score.claim),
        claimVsNot: rounded(score.claim),
        perLabel: roundedAll(score.perLabel),
        confusion: score.confusion,
        unmatched: score.unmatched,
        inexact: score.inexact,
        intervals: {
          level: 0.95,
          resampled: `${score.intervals.units} ${score.intervals.by}s`,
          unsourcedF1: [+score.intervals.unsourced.low.toFixed(4), +score.intervals.unsourced.high.toFixed(4)],
          claimVsNotF1: [+score.intervals.claim.low.toFixed(4), +score.intervals.claim.high.toFixed(4)],
        },
        baseline: { unsourcedF1: +baseline.unsourcedF1.toFixed(4), claimVsNotF1: +baseline.claimVsNotF1.toFixed(4) },
        thresholds: score.thresholds.map((t) => ({ threshold: t.threshold, ...rounded(t) })),
        ...(args.byDoc ? { byDocument: Object.fromEntries(claimsByDocument(gold, pred).map(([doc, s]) => [doc, { unsourced: rounded(s.perLabel.unsourced_claim!), claimVsNot: rounded(s.claim) }])) } : {}),
        errors: score.errors.map((e) => ({ doc: e.gold.doc, start: e.gold.start, end: e.gold.end, text: e.gold.text, gold: e.gold.label, pred: e.pred?.label ?? null })),
      });
      return 0;
    }
    const out = [`claims: ${gold.length} gold sentences in ${goldDocs.size} documents (matched by overlap; ${score.unmatched} without a prediction; ${score.inexact} whose predicted sentence has other boundaries)`, `${'label'.padEnd(16)}    P%    R%   F1%      tp    fp    fn`];
    for (const l of CLAIM_LABELS) out.push(row(l, score.perLabel[l]!, 16));
    out.push(row('claim vs not', score.claim, 16));
    out.push(`baseline: labelling every sentence an unsourced claim scores unsourced_claim F1 ${pct(baseline.unsourcedF1).trim()}%; every sentence a claim, claim vs not F1 ${pct(baseline.claimVsNotF1).trim()}%`, '');
    const interval = (i: { low: number; high: number }) => `${pct(i.low).trim()}–${pct(i.high).trim()}%`;
    out.push(
      `95% intervals (bootstrap, ${REPLICATES} resamples of the ${score.intervals.units} ${score.intervals.by}s): unsourced_claim F1 ${interval(score.intervals.unsourced)}, claim vs not F1 ${interval(score.intervals.claim)}`,
      '',
    );
    out.push('confusion (rows gold, columns predicted): ' + CLAIM_LABELS.map((g) => `${g}: ${CLAIM_LABELS.map((p) => `${p.replace('_claim', '')} ${score.confusion[g]![p]}`).join(', ')}`).join(' | '), '');
    if (args.byDoc) {
      const parts = claimsByDocument(gold, pred);
      out.push(...documentTable('unsourced_claim', parts.map(([doc, s]) => [doc, s.perLabel.unsourced_claim!] as const)));
      out.push(...documentTable('claim vs not', parts.map(([doc, s]) => [doc, s.claim] as const)));
    }
    if (score.thresholds.length) {
      out.push('claim vs not at other values of the stage\'s "threshold" option (score ≥ threshold is a claim):');
      for (const t of score.thresholds) out.push(row(`  threshold ${t.threshold.toFixed(1)}`, t, 16));
      out.push('');
    }
    if (args.list) for (const e of score.errors) out.push(`${where(e.gold)}  gold ${e.gold.label}  predicted ${e.pred?.label ?? 'nothing'}  ${JSON.stringify(e.gold.text.slice(0, 90))}`);
    else out.push(`${score.errors.length} sentences labelled differently from the gold (--list shows them)`);
    io.stdout.write(out.join('\n') + '\n');
    return 0;
  }

  const score = scoreSegments(gold, pred);
  if (args.json) {
    printJson(io, {
      stage,
      micro: rounded(score.micro),
      perLabel: roundedAll(score.perKind),
      comments: { found: rounded(score.comments.found), author: score.comments.author, depth: score.comments.depth, parent: score.comments.parent, matched: score.comments.matched },
      ...(args.byDoc ? { byDocument: Object.fromEntries(splitByDocument(gold, pred).map((d) => [d.doc, rounded(scoreSegments(d.gold, d.pred).micro)])) } : {}),
      misses: score.misses.map((r) => ({ doc: r.doc, start: r.start, end: r.end, kind: r.kind })),
      falseAlarms: score.falseAlarms.map((r) => ({ doc: r.doc, start: r.start, end: r.end, kind: r.kind })),
    });
    return 0;
  }
  const out = [`segment: ${gold.length} gold segments in ${goldDocs.size} documents (exact span + kind)`, `${'kind'.padEnd(10)}    P%    R%   F1%      tp    fp    fn`];
  for (const [k, p] of Object.entries(score.perKind)) out.push(row(k, p));
  out.push(row('micro', score.micro), '');
  out.push(`comments matched ${score.comments.matched}; author ${pct(score.comments.author)}%  depth ${pct(score.comments.depth)}%  parent ${pct(score.comments.parent)}%`, '');
  if (args.byDoc) out.push(...documentTable('micro', splitByDocument(gold, pred).map((d) => [d.doc, scoreSegments(d.gold, d.pred).micro] as const)));
  if (args.list) {
    for (const m of score.misses) out.push(`miss  ${where(m)}  ${m.kind}  ${JSON.stringify(m.text.slice(0, 60))}`);
    for (const f of score.falseAlarms) out.push(`false ${where(f)}  ${f.kind}  ${JSON.stringify(f.text.slice(0, 60))}`);
  } else out.push(`${score.misses.length} misses and ${score.falseAlarms.length} false alarms (--list shows them)`);
  io.stdout.write(out.join('\n') + '\n');
  return 0;
}

export const registerEval: Register = (program, io, setCode) => {
  program
    .command('eval')
    .description('Score a stage against hand-made gold: entities (per label, micro, lenient, linking), claims (per class, claim vs not, 95% bootstrap intervals), segment (kinds, comment threads)')
    .argument('[INPUT...]', 'pages to run the pipeline on when --pred is not given', [])
    .requiredOption('-g, --gold <FILE>', 'gold JSONL with records shaped like the stage output')
    .option('--pred <FILE>', 'predictions: an existing stage file instead of running the pipeline')
    .option('-s, --stage <NAME>', 'entities, claims or segment (default: guessed from the gold records)')
    .option('-p, --pipeline <FILE>', 'pipeline used when running INPUT', RUN_DEFAULTS.pipeline)
    .option('-l, --labels <LIST>', 'comma-separated labels to score (entities; default: every label in the gold)')
    .option('--list', 'list every miss and false alarm with doc:line:col', false)
    .option('--json', 'machine-readable output', false)
    .option('--by-doc', 'also score each document on its own, worst first (byDocument in --json)', false)
    .addHelpText('after', '\nExamples:\n  annotate eval --gold tests/gold/entities.jsonl --labels PERSON,COUNTRY,ORG seeds\n  annotate eval --gold tests/gold/segment.jsonl --pred output/segment.jsonl --json\n  annotate eval --gold tests/heldout-j/segment.gold.jsonl tests/heldout-j/pages --by-doc')
    .action(async (inputs: string[], opts) => setCode(await evalCommand({ inputs, ...opts }, io)));
};
