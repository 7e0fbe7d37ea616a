#!/usr/bin/env node
// Build held-out segmentation test pages from the Fox News user-comments dataset.
//
//   node scripts/build-heldout-pages.mjs [SHARED_DIR]
//
// SHARED_DIR defaults to <repo>/../shared. The dataset is read from
// SHARED_DIR/datasets/fox-news-comments/ (or SHARED_DIR itself if it directly
// holds fox-news-comments.json). Output:
//   tests/heldout/pages/<slug>.txt      one synthetic page per article
//   tests/heldout/segment.gold.jsonl    gold segments (see tests/heldout/README.md)
//
// Plain Node >= 20, no dependencies, fully deterministic (no randomness, no clock).
// Every gold record is verified against the written files before the script exits 0.

import fs from 'node:fs';
import path from 'node:path';
import { buildReplyTrees, loadFoxArticles, selectFirst, selectThreadPrefixes } from './lib/fox-articles.mjs';
import { normalise, slugify, splitSentences, splitClause } from './lib/page-text.mjs';
import { MONTHS, Page, longDate, pad2, report, weekdayOf, writeOutput } from './lib/heldout-kit.mjs';
import { commentCounts, dropAuthors, emptyCommentIndex, numberSiblings, rowComments, verifyHeadedPages, writeArticleHead, writeBulletComment, writeHeadedComment } from './lib/heldout-kit.mjs';
import { agoText, heldoutPaths } from './lib/heldout-kit-2.mjs';

// tests/heldout/pages, tests/heldout/segment.gold.jsonl; SHARED_DIR from the command line
const { repo: REPO_ROOT, shared: SHARED_DIR, pagesDir: PAGES_DIR, goldFile: GOLD_FILE } = heldoutPaths('');

const MAX_COMMENTS = 40; // per page
const MAX_THREAD = 12; // max comments taken from one top-level thread (nested layouts)
const MAX_DEPTH = 4; // deeper replies are flattened onto depth MAX_DEPTH

// ---------------------------------------------------------------------------
// Input

const { DATA_DIR, articles } = loadFoxArticles(SHARED_DIR);

// ---------------------------------------------------------------------------
// Reply structure
//
// `prev`/`succ` in the dataset are NOT recorded reply links: for every reply,
// `prev` is the text of the EARLIEST earlier comment (same article, file order)
// by the FIRST user in `mentions`, and `succ` is (almost always) the text of the
// nearest later comment whose `mentions` contain the commenter. Following `prev`
// literally turns every back-and-forth exchange into a star (one comment with up
// to 42 direct replies). The signal that does come from the site is the
// addressee: the first @mention. We therefore build a plausible tree
// deterministically: parent = the most recent earlier comment (file order, which
// is chronological) by the first-mentioned user; comments whose addressee has no
// earlier comment in the data (or without mentions) are top-level. Replies
// deeper than MAX_DEPTH are flattened onto depth MAX_DEPTH (re-attached to the
// ancestor at depth MAX_DEPTH-1), as many comment widgets do.

const stats = buildReplyTrees(articles, MAX_DEPTH);

// Comment selection (fox-articles.mjs). Nested layouts (selectThreadPrefixes): walk
// top-level threads in file order, take each thread in pre-order (children in file
// order) but at most MAX_THREAD comments of it (a pre-order prefix, so every parent
// is kept), until MAX_COMMENTS. Flat layouts (selectFirst): the first MAX_COMMENTS
// comments in file order.

// ---------------------------------------------------------------------------
// Page configuration (one per article, in file order)

const DATE_FORMATS = {
  long: longDate,
  monthUpper: ({ y, m }) => `${MONTHS[m - 1].toUpperCase()} ${y}`,
  published: (date) => `Published ${longDate(date)}`,
  numeric: ({ y, m, d }) => `${pad2(m)}/${pad2(d)}/${y}`,
  weekday: (date) => `${weekdayOf(date)}, ${longDate(date)}`,
};

// layout ids: flat (a), numbered (b), bullet (c), wrote (d), dash + dot (e)
const PAGE_CONFIG = [
  { layout: 'numbered', says: 'says:', date: 'long', bodyParas: 1, caption: 'Click to see full-size image', captionPos: 'after', source: 'Source: Fox News', footer: null, empty: true },
  { layout: 'bullet', authorlessEvery: 7, date: 'monthUpper', bodyParas: 1, caption: null, source: null, footer: 'Support independent journalism — donate today', empty: false },
  { layout: 'flat', date: 'published', bodyParas: 2, caption: 'Photo: File photo, source: @FoxNews', captionPos: 'before', source: 'Source: Fox News', footer: null, empty: true },
  { layout: 'wrote', textIndent: 0, gap: 1, date: null, bodyParas: 1, caption: null, source: 'Source: Fox News', footer: 'Support independent journalism. Donate today!', empty: false },
  { layout: 'dash', date: 'numeric', bodyParas: 2, caption: 'Click to enlarge', captionPos: 'after', source: null, footer: 'Support independent journalism — donate today', empty: true },
  { layout: 'numbered', says: 'says', date: 'weekday', bodyParas: 2, caption: 'Photo: File image, source: @foxnews', captionPos: 'after', source: 'Source: Fox News', footer: null, empty: false },
  { layout: 'dot', authorlessEvery: 9, date: null, bodyParas: 1, caption: null, source: null, footer: 'Support independent journalism — donate today', empty: true },
  { layout: 'flat', date: 'monthUpper', bodyParas: 1, caption: 'Click to see full-size image', captionPos: 'after', source: 'Source: FoxNews.com', footer: null, empty: false },
  { layout: 'wrote', textIndent: 2, gap: 2, date: 'long', bodyParas: 1, caption: null, source: 'Source: Fox News', footer: 'Enjoyed this article? Support independent journalism — donate today.', empty: true },
  { layout: 'bullet', authorlessEvery: 6, date: null, bodyParas: 1, caption: 'Photo: Twitter screenshot, source: @FoxNews', captionPos: 'before', source: null, footer: null, empty: true },
];
if (PAGE_CONFIG.length !== articles.length) throw new Error(`expected ${PAGE_CONFIG.length} articles, found ${articles.length}`);

// ---------------------------------------------------------------------------
// Comment layouts (the page writer is heldout-kit.mjs's Page)

// Emit one comment in the given layout. `c.paras` is [] for the empty comment.
// After the call the page ends with the comment's last line + "\n".
function emitComment(page, cfg, c) {
  const sp = (n) => ' '.repeat(n);
  switch (cfg.layout) {
    case 'flat':
      // author line, blank line, text; no nesting
      writeHeadedComment(page, c, c.author, '', '', 1);
      return;
    case 'numbered': {
      const ind = 2 + 2 * c.depth;
      writeHeadedComment(page, c, `${c.number}. ${c.author} ${cfg.says}`, sp(ind), sp(ind + 3));
      return;
    }
    case 'bullet': {
      // an authorless comment: the bullet carries the text
      const ind = 2 + 4 * c.depth;
      if (c.author === null) writeBulletComment(page, c, '•', sp(ind), sp(ind + 2));
      else writeHeadedComment(page, c, `• ${c.author}`, sp(ind), sp(ind + 2));
      return;
    }
    case 'wrote': {
      const ind = 4 * c.depth;
      writeHeadedComment(page, c, `${c.author} wrote:`, sp(ind), sp(ind + cfg.textIndent));
      return;
    }
    case 'dash': {
      const ind = 3 * c.depth;
      writeHeadedComment(page, c, `— ${c.author} · ${c.ago}`, sp(ind), sp(ind));
      return;
    }
    case 'dot': {
      // an authorless comment has no header at all
      const ind = 2 * c.depth;
      if (c.author === null) page.comment(c, page.paras(c.paras.map((p) => [p]), sp(ind)), null);
      else writeHeadedComment(page, c, `${c.author} · ${c.ago}`, sp(ind), sp(ind));
      return;
    }
    default:
      throw new Error(`unknown layout ${cfg.layout}`);
  }
}
// blank lines between consecutive comments
const COMMENT_GAP = { flat: 2, numbered: 1, bullet: 1, wrote: null, dash: 1, dot: 2 };

// ---------------------------------------------------------------------------
// Build

const summary = [];
const pages = [];
articles.forEach((a, ai) => {
  const cfg = PAGE_CONFIG[ai];
  const doc = slugify(a.title);
  const flat = cfg.layout === 'flat';
  const sel = flat ? selectFirst(a, MAX_COMMENTS) : selectThreadPrefixes(a, MAX_THREAD, MAX_COMMENTS);

  // comment models in page order
  const cs = rowComments(sel, flat);

  // authorless comments (bullet: bullet carries the text; dot: no header at all)
  if (cfg.authorlessEvery) dropAuthors(cs, cfg.authorlessEvery, ai);
  // the empty comment: a childless, authored comment near a page-dependent position
  const emptyIndex = cfg.empty ? emptyCommentIndex(cs, (11 + 7 * ai) % cs.length) : null;
  // paragraphs: occasionally split long comments in two
  for (const c of cs) {
    if (c.index === emptyIndex) c.paras = [];
    else {
      const parts = c.text.length >= 180 && (c.k + ai) % 3 === 0 ? splitSentences(c.text) : null;
      c.paras = parts || [c.text];
    }
  }
  // numbering restarts per level (sibling position under the same parent)
  numberSiblings(cs);
  // relative timestamps: older comments (lower file index) are further in the past
  const byAge = [...cs].sort((x, y) => x.k - y.k);
  byAge.forEach((c, rank) => {
    const fromEnd = byAge.length - 1 - rank;
    c.ago = fromEnd < 3 ? `${4 + 17 * fromEnd} minutes ago` : agoText(60 * (1 + Math.floor((fromEnd * (40 + 7 * ai)) / byAge.length)));
  });

  // --- write the page: article head (title, dateline, caption, body, source, footer), then the comments
  const page = new Page(doc, '\n');
  writeArticleHead(page, a, cfg, DATE_FORMATS, cfg.bodyParas === 2 ? splitClause(normalise(a.meta)) : [normalise(a.meta)]);
  const gap = COMMENT_GAP[cfg.layout] ?? cfg.gap;
  cs.forEach((c, i) => {
    if (i > 0) page.nl(gap);
    emitComment(page, cfg, c);
  });

  pages.push({ page, cfg });
  summary.push({
    doc,
    layout: cfg.layout + (cfg.says ? ` ("${cfg.says}")` : '') + (cfg.layout === 'wrote' ? ` (text indent ${cfg.textIndent}, gap ${cfg.gap})` : ''),
    ...commentCounts(cs),
    empty: emptyIndex,
    articleComments: a.comments.length,
  });
});

// --- write output
writeOutput(pages, PAGES_DIR, GOLD_FILE);

// ---------------------------------------------------------------------------
// Verification against the files as written (the shared checks are heldout-kit.mjs's
// verifyHeadedPages)

const v = verifyHeadedPages({
  goldFile: GOLD_FILE,
  pagesDir: PAGES_DIR,
  open(doc, err) {
    const file = path.join(PAGES_DIR, `${doc}.txt`);
    if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
    err(doc, 'page file missing');
    return null;
  },
  comment({ doc, s, err, lineStart, lineEnd }, r) {
    const h = r.header;
    if (h === null) {
      if (r.author !== null || r.text === '') err(doc, `comment ${r.index}: null header needs null author and text`);
      return;
    }
    const hl = s.slice(lineStart(h.start), lineEnd(h.start));
    const full = hl.trim() === h.text;
    const inline = h.text === '•' && r.author === null && hl.trim().startsWith('• ') && lineStart(r.start) === lineStart(h.start);
    if (!full && !inline) err(doc, `header "${h.text}" is not its trimmed line`);
    if (r.author !== null) {
      const bare = h.text
        .replace(/^\d+\.\s+/, '')
        .replace(/^[•—]\s+/, '')
        .replace(/\s+·\s+.*$/, '')
        .replace(/\s+(says|wrote):?$/, '')
        .replace(/:$/, '');
      if (bare !== r.author) err(doc, `author ${r.author} vs header "${h.text}"`);
    }
  },
  page({ doc, s, err }) {
    if (/[ \t]+\n/.test(s)) err(doc, 'trailing spaces on a line');
  },
});

const pad = (x, n) => String(x).padEnd(n);
console.log(`dataset: ${DATA_DIR}`);
console.log(
  `reply links: ${stats.replies} replies from first @mention; ${stats.prevAgree} agree with dataset "prev", ${stats.prevDiffer} differ; ` +
    `${stats.mentionNoParent} with mentions but no earlier comment by the addressee (top-level); ${stats.flattened} flattened to depth ${MAX_DEPTH}`,
);
console.log(pad('doc', 62) + pad('layout', 34) + 'comments roots maxDepth authorless empty multiPara (of article)');
for (const r of summary)
  console.log(
    pad(r.doc, 62) + pad(r.layout, 34) + pad(r.comments, 9) + pad(r.roots, 6) + pad(r.maxDepth, 9) + pad(r.authorless, 11) + pad(r.empty ?? '-', 6) + pad(r.multiPara, 10) + `(${r.articleComments})`,
  );
report(v, pages.length, { repoRoot: REPO_ROOT, pagesDir: PAGES_DIR, goldFile: GOLD_FILE }, 'all spans match the page text');
