import { claimName, entityName } from '../labels.js';
import type { RunStats } from '../stats.js';
import type { DocView } from '../types.js';
import { attrs, esc } from './escape.js';

/** How many entities the "most mentioned" list shows. */
const TOP = 12;

/** The side panel: label filters with counts, most mentioned entities, documents. */
export function panelHtml(docs: readonly DocView[], stats: RunStats, anchors: readonly string[]): string {
  const labelButtons = stats.entityLabels
    .map(
      (l) => `<li><button type="button" class="filter"${attrs({ 'data-layer': 'entity', 'data-value': l, 'aria-pressed': 'false' })}>
<span class="swatch"${attrs({ 'data-label': l })}></span><span class="name">${esc(entityName(l))} <code>${esc(l)}</code></span><span class="count">${stats.totals.entities[l] ?? 0}</span></button></li>`,
    )
    .join('\n');
  const claimButtons = stats.claimLabels
    .map(
      (l) => `<li><button type="button" class="filter"${attrs({ 'data-layer': 'claim', 'data-value': l, 'aria-pressed': 'false' })}>
<span class="swatch"${attrs({ 'data-claim': l })}></span><span class="name">${esc(claimName(l))}</span><span class="count">${stats.totals.claims[l] ?? 0}</span></button></li>`,
    )
    .join('\n');
  const top = stats.entities
    .slice(0, TOP)
    .map(
      (e) => `<li><button type="button" class="pin"${attrs({ 'data-label': e.label, 'data-id': e.id, 'aria-pressed': 'false', title: `${e.label} ${e.id}` })}>
<span class="swatch"${attrs({ 'data-label': e.label })}></span><span class="name">${esc(e.name)}</span><span class="count">${e.total}</span></button></li>`,
    )
    .join('\n');
  const docList = docs
    .map((d, i) => {
      const s = stats.docs[i]!;
      const mentions = Object.values(s.entities).reduce((a, b) => a + b, 0);
      return `<li><a href="#${anchors[i]}">${esc(d.doc)}</a><span class="sub">${mentions} entities · ${s.comments} comments</span></li>`;
    })
    .join('\n');
  return `<aside class="panel" aria-label="Filters and summary">
<section aria-labelledby="p-ent">
<h2 id="p-ent">Entity labels</h2>
<p class="hint" id="ent-status" aria-live="polite">All labels shown. Click one to show only it.</p>
<ul class="filters" role="list">
${labelButtons}
</ul>
<button type="button" class="reset" data-reset="entity" hidden>Show all labels</button>
</section>
<section aria-labelledby="p-claim">
<h2 id="p-claim">Comment sentences</h2>
<p class="hint" id="claim-status" aria-live="polite">All shown. Click one to show only it.</p>
<ul class="filters" role="list">
${claimButtons}
</ul>
<button type="button" class="reset" data-reset="claim" hidden>Show all sentences</button>
</section>
<section aria-labelledby="p-top">
<h2 id="p-top">Most mentioned</h2>
<p class="hint">Click one to highlight all its mentions.</p>
<ol class="top" role="list">
${top || '<li class="empty">No entities.</li>'}
</ol>
<div class="pin-bar" id="pin-bar" hidden><p id="pin-status" aria-live="polite"></p><button type="button" id="pin-next">Next mention</button> <button type="button" id="pin-clear">Clear</button></div>
</section>
<section aria-labelledby="p-docs">
<h2 id="p-docs">Documents</h2>
<ol class="docs" role="list">
${docList}
</ol>
</section>
</aside>`;
}
