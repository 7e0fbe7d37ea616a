import { docMarks, type LabelFilter } from '../doc-marks.js';
import { claimName } from '../labels.js';
import { pageBlocks } from '../page-blocks.js';
import type { DocStats } from '../stats.js';
import type { DocView, SegmentRecord } from '../types.js';
import { attrs, esc } from './escape.js';
import { markedText } from './marked-text.js';

/** The report marks every label; the page's own filters hide some. */
const ALL: LabelFilter = { entities: null, claims: null };

/** One document: heading and counts, the article, then the comment thread. */
export function documentHtml(view: DocView, stats: DocStats, anchor: string): string {
  const marks = docMarks(view, ALL);
  const blocks = pageBlocks(view);
  const byIndex = new Map(blocks.comments.map((c) => [c.index, c]));
  const article = blocks.article.map((s) => segmentHtml(view.text, s, marks)).join('\n');
  const thread = blocks.comments.map((c) => commentHtml(view.text, c, byIndex.get(c.parent ?? -1), marks)).join('\n');
  return `<article class="doc" id="${anchor}" aria-labelledby="${anchor}-h">
<header class="doc-head">
<h2 id="${anchor}-h">${esc(view.doc)}</h2>
<p class="path">${esc(view.path)}</p>
${statsHtml(stats)}
</header>
<section class="page" aria-label="Page text of ${esc(view.doc)}">
${article || '<p class="empty">(no article text)</p>'}
</section>
${
  blocks.comments.length
    ? `<section class="thread" aria-labelledby="${anchor}-c">
<h3 id="${anchor}-c">Comments <span class="n">${blocks.comments.length}</span></h3>
<ol class="comments">
${thread}
</ol>
</section>`
    : '<p class="empty">No comments on this page.</p>'
}
</article>`;
}

type Marks = ReturnType<typeof docMarks>;

function segmentHtml(text: string, s: SegmentRecord, marks: Marks): string {
  const tag = s.kind === 'title' ? 'h3' : 'p';
  return `<${tag}${attrs({ class: 'seg', 'data-kind': s.kind })}>${markedText(text, s.start, s.end, marks)}</${tag}>`;
}

function commentHtml(text: string, c: SegmentRecord, parent: SegmentRecord | undefined, marks: Marks): string {
  const depth = c.depth ?? 0;
  const author = c.author ? `<span class="author">${esc(c.author)}</span>` : '<span class="author anon">no name</span>';
  const reply = parent ? ` · reply to #${parent.index}${parent.author ? ` (${esc(parent.author)})` : ''}` : '';
  const depthNote = depth ? ` · depth ${depth}` : '';
  return `<li${attrs({ class: 'comment', style: `--depth:${Math.min(depth, 8)}`, 'data-depth': depth })}>
<p class="comment-head">${author}<span class="meta">#${c.index ?? '?'}${reply}${depthNote}</span></p>
<div class="comment-text">${c.end > c.start ? markedText(text, c.start, c.end, marks) : '<span class="empty">(empty comment)</span>'}</div>
</li>`;
}

/** Per-document counts: mentions per label, claims per label, comments and authors. */
function statsHtml(s: DocStats): string {
  const mentions = Object.values(s.entities).reduce((a, b) => a + b, 0);
  const labels = Object.entries(s.entities)
    .filter(([, n]) => n > 0)
    .map(([l, n]) => `<span class="chip"${attrs({ 'data-label': l })}><span class="swatch"${attrs({ 'data-label': l })}></span>${esc(l)} ${n}</span>`)
    .join(' ');
  const claims = Object.entries(s.claims)
    .map(([l, n]) => `<span class="chip"${attrs({ 'data-claim': l })}>${esc(claimName(l))} ${n}</span>`)
    .join(' ');
  const named = s.authors.filter((a) => a.name !== null);
  const anon = s.authors.find((a) => a.name === null)?.comments ?? 0;
  const who = named.length ? `: ${named.slice(0, 6).map((a) => `${esc(a.name!)} (${a.comments})`).join(', ')}${named.length > 6 ? ', …' : ''}` : '';
  return `<dl class="doc-stats">
<div><dt>Entities</dt><dd>${mentions} mentions ${labels}</dd></div>
<div><dt>Claims</dt><dd>${claims || 'none'}</dd></div>
<div><dt>Comments</dt><dd>${s.comments} by ${named.length} named authors${who}${anon ? `; ${anon} without a name` : ''}</dd></div>
</dl>`;
}
