import { runStats } from '../stats.js';
import type { RunView } from '../types.js';
import { reportAssets } from './assets.js';
import { documentHtml } from './document.js';
import { esc } from './escape.js';
import { panelHtml } from './panel.js';

/** The whole report: one self-contained page (inline CSS and script), deterministic for a run. */
export function reportHtml(run: RunView): string {
  const stats = runStats(run.docs);
  const { css, js } = reportAssets();
  // Ids by position: document ids may hold "/" and other characters awkward in fragments.
  const anchors = run.docs.map((_, i) => `doc-${i + 1}`);
  const mentions = Object.values(stats.totals.entities).reduce((a, b) => a + b, 0);
  const claims = (stats.totals.claims.unsourced_claim ?? 0) + (stats.totals.claims.sourced_claim ?? 0);
  const failed = run.failed.length
    ? `<p class="failed">Not annotated by the run: ${run.failed.map((f) => `${esc(f.path)} (${esc(f.error)})`).join('; ')}</p>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>annotate report — ${run.docs.length} documents</title>
<style>
${css}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the documents</a>
<header class="top">
<h1>annotate report</h1>
<p class="summary">${run.docs.length} pages · ${mentions} entity mentions · ${claims} claims · ${stats.totals.comments} comments — from <code>${esc(run.dir)}/</code>, pipeline <code>${esc(run.pipeline)}</code></p>
<p class="legend"><strong>How to read it:</strong> names are highlighted in the colour of their label
(<mark class="ent" data-label="PERSON">person</mark> <mark class="ent" data-label="ORG">organisation</mark> <mark class="ent" data-label="COUNTRY">country</mark> <mark class="ent" data-label="LOCATION">place</mark> <mark class="ent" data-label="NORP">nationality</mark>);
hover or tab to one for its id, canonical name and source. In comments, <span class="claim" data-claim="unsourced_claim">claims without a source</span> and <span class="claim" data-claim="sourced_claim">claims with one</span> are underlined after a tag; hover for the cues that decided. Replies are indented under the comment they answer.</p>
${failed}
</header>
<div class="layout">
${panelHtml(run.docs, stats, anchors)}
<main id="main" tabindex="-1">
${run.docs.map((d, i) => documentHtml(d, stats.docs[i]!, anchors[i]!)).join('\n')}
</main>
</div>
<div id="tip" role="tooltip" hidden></div>
<script>
${js}</script>
</body>
</html>
`;
}
