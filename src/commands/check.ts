import { compilePipeline } from '../core/compiled-pipeline.js';
import { UsageError } from '../core/errors.js';
import { resolveInputs } from '../core/inputs.js';
import { loadPipeline } from '../core/pipeline.js';
import { LineIndex } from '../core/position.js';
import { groupByDoc, type SpanRecord } from '../core/record.js';
import type { Io } from '../io.js';
import { compareDocument } from '../regression/compare.js';
import { annotateInMemory } from '../regression/in-memory.js';
import { OffsetMap, sameText } from '../regression/offset-map.js';
import { formatChanges, idOf, labelOf, summarise, type DocumentChanges } from '../regression/report.js';
import { readSnapshot } from '../regression/snapshot.js';
import { approvedDir } from './approve.js';
import type { Register } from './register.js';
import { RUN_DEFAULTS } from './run.js';

export interface CheckArgs {
  inputs: string[];
  pipeline: string;
  approved?: string;
  stage?: string[];
  doc?: string[];
  json: boolean;
}

/**
 * `annotate check`: reruns the pipeline and compares with the approved snapshot annotation by
 * annotation. Exit 0 when identical, 1 when anything changed, 2 on error.
 */
export async function checkCommand(args: CheckArgs, io: Io): Promise<number> {
  const pipeline = loadPipeline(args.pipeline);
  const snapshot = readSnapshot(approvedDir(pipeline, args.approved));
  const inputs = await resolveInputs(args.inputs.length ? args.inputs : RUN_DEFAULTS.inputs);
  const compiled = await compilePipeline(pipeline);
  const current = await annotateInMemory(compiled, inputs);
  const stageIds = args.stage?.length ? args.stage : compiled.steps.map((s) => s.step.id);
  for (const id of stageIds) {
    if (!current.stages.has(id)) throw new UsageError(`--stage ${id}: the pipeline has no stage with that id; stages: ${[...current.stages.keys()].join(', ')}`);
  }
  const docs = [...new Set([...snapshot.documents.keys(), ...current.documents.keys()])].filter((d) => !args.doc?.length || args.doc.includes(d)).sort();
  const maps = new Map(
    docs.map((d) => {
      const old = snapshot.documents.get(d);
      const now = current.documents.get(d);
      return [d, old && now ? (old.sha256 === now.sha256 ? sameText : new OffsetMap(old.text, now.text)) : sameText];
    }),
  );
  const groups: DocumentChanges[] = [];
  for (const stage of stageIds) {
    const approved = groupByDoc(snapshot.stages.get(stage) ?? []);
    const now = groupByDoc(current.stages.get(stage)!);
    for (const doc of docs) {
      const changes = compareDocument(approved.get(doc) ?? [], now.get(doc) ?? [], maps.get(doc)!);
      if (changes.length) groups.push({ stage, doc, changes });
    }
  }
  const texts = { old: (d: string) => snapshot.documents.get(d)?.text, now: (d: string) => current.documents.get(d)?.text };
  if (args.json) {
    // One line index per document text, not one per change.
    const indexes = new Map<string, LineIndex | null>();
    const position = (doc: string, r: SpanRecord, old: boolean) => {
      const key = `${old ? 'old' : 'now'}:${doc}`;
      if (!indexes.has(key)) {
        const text = old ? texts.old(doc) : texts.now(doc);
        indexes.set(key, text === undefined ? null : new LineIndex(text));
      }
      return indexes.get(key)?.at(r.start) ?? null;
    };
    io.stdout.write(
      JSON.stringify(
        {
          identical: groups.length === 0,
          changes: groups.flatMap((g) =>
            g.changes.map((c) => ({
              stage: g.stage,
              doc: g.doc,
              op: c.op === '+' ? 'added' : c.op === '-' ? 'removed' : 'changed',
              start: c.record.start,
              end: c.record.end,
              ...position(g.doc, c.record, c.op === '-'),
              label: labelOf(c.record),
              text: c.record.text,
              id: idOf(c.record) || null,
              ...(c.op === '~' ? { fields: c.fields } : {}),
            })),
          ),
          summary: summarise(groups),
        },
        null,
        2,
      ) + '\n',
    );
  } else io.stdout.write(formatChanges(groups, texts));
  return groups.length ? 1 : 0;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export const registerCheck: Register = (program, io, setCode) => {
  program
    .command('check')
    .description('Rerun the pipeline and compare with the approved snapshot, annotation by annotation (exit 0 identical, 1 changed)')
    .argument('[INPUT...]', 'files or folders (default: seeds)', [])
    .option('-p, --pipeline <FILE>', 'pipeline file', RUN_DEFAULTS.pipeline)
    .option('--approved <DIR>', 'snapshot folder (default: tests/approved/<pipeline name>/)')
    .option('-s, --stage <ID>', 'only this stage (repeatable)', collect)
    .option('-d, --doc <ID>', 'only this document (repeatable)', collect)
    .option('--json', 'machine-readable diff', false)
    .addHelpText('after', '\nWorkflow: edit a gazetteer → annotate check → read the diff → annotate approve.')
    .action(async (inputs: string[], opts) => setCode(await checkCommand({ inputs, ...opts }, io)));
};
