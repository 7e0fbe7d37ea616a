import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../core/errors.js';
import { parseJsonLines } from '../core/jsonl.js';
import { groupByDoc, type SpanRecord } from '../core/record.js';
import { RUN_HINT, type ManifestView } from './manifest-file.js';

/** The records of one stage instance, grouped by document id (file order kept). */
export function readStageRecords(dir: string, manifest: ManifestView, id: string): Map<string, SpanRecord[]> {
  const stage = manifest.stages.find((s) => s.id === id)!;
  const file = join(dir, stage.file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(`${file}: cannot read the "${id}" stage file that ${manifest.file} lists (${code}); ${RUN_HINT}`);
  }
  let records: SpanRecord[];
  try {
    records = parseJsonLines<SpanRecord>(text, file);
  } catch (error) {
    throw new UsageError(`${(error as Error).message}; run \`annotate run\` again to rewrite it`);
  }
  return groupByDoc(records);
}
