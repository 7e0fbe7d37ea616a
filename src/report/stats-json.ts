import type { RunStats } from './stats.js';
import type { RunView } from './types.js';

/** `annotate stats --json`: the same counts, keyed for scripts. */
export function statsJson(run: RunView, stats: RunStats) {
  return {
    from: run.dir,
    pipeline: run.pipeline,
    layers: run.layers,
    documents: stats.docs.map((d) => ({ doc: d.doc, path: d.path, comments: d.comments, authors: d.authors, claims: d.claims, entities: d.entities })),
    entities: Object.fromEntries(
      stats.entityLabels.map((label) => [
        label,
        stats.entities.filter((e) => e.label === label).map((e) => ({ id: e.id, canonical: e.canonical, total: e.total, perDocument: e.perDoc })),
      ]),
    ),
    totals: stats.totals,
    failed: run.failed,
  };
}
