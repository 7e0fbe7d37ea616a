#!/usr/bin/env node
// Build the SECOND held-out segmentation set ("heldout-b") from the Fox News
// user-comments dataset, with comment layouts that differ from the first set.
//
//   node scripts/build-heldout-b-pages.mjs [SHARED_DIR]
//
// SHARED_DIR defaults to <repo>/../shared. The dataset is read from
// SHARED_DIR/datasets/fox-news-comments/ (or SHARED_DIR itself if it directly
// holds fox-news-comments.json). Output:
//   tests/heldout-b/pages/<slug>-b.txt    one synthetic page per article
//   tests/heldout-b/segment.gold.jsonl    gold segments (same format as tests/heldout/)
//
// Plain Node >= 20, no dependencies, fully deterministic (no randomness, no clock).
// Self-contained: nothing is imported from the first set's generator. Every gold
// record is verified against the written files before the script exits 0.
//
// This set was written without looking at the segmenter (src/).

import fs from 'node:fs';
import path from 'node:path';
import { buildReplyTrees, loadFoxArticles, selectFirst, selectThreadPrefixes } from './lib/fox-articles.mjs';
import { normalise, slugify, splitSentences, splitClause } from './lib/page-text.mjs';
import { BOM, MONTHS, Page, checkLineEndings, clock, longDate, readJsonl, report, writeCopyright, writeOutput } from './lib/heldout-kit.mjs';
import { commentCounts, dropAuthors, emptyCommentIndex, numberSiblings, rowComments, verifyHeadedPages, writeArticleHead, writeBulletComment, writeHeadedComment } from './lib/heldout-kit.mjs';
import { heldoutPaths, isoDate } from './lib/heldout-kit-2.mjs';

// tests/heldout-b/pages, tests/heldout-b/segment.gold.jsonl; SHARED_DIR from the command line
const { repo: REPO_ROOT, shared: SHARED_DIR, pagesDir: PAGES_DIR, goldFile: GOLD_FILE } = heldoutPaths('b');

const MAX_COMMENTS = 30; // per page
const MAX_THREAD = 10; // max comments taken from one top-level thread (nested layouts)
const MAX_DEPTH = 4; // deeper replies are flattened onto depth MAX_DEPTH

// The first set's selection rule (tests/heldout/README.md), replicated only to
// EXCLUDE the comments it used, so that the two sets share no comment.
const A_MAX_COMMENTS = 40;
const A_MAX_THREAD = 12;
const A_FLAT_ARTICLES = new Set([2, 7]); // article positions that used the flat layout in set A

// ---------------------------------------------------------------------------
// Input

const { DATA_DIR, articles } = loadFoxArticles(SHARED_DIR);

// ---------------------------------------------------------------------------
// Reply structure (same reconstruction as the first set)
//
// The dataset's `prev`/`succ` are not recorded reply links (`prev` is always the
// EARLIEST earlier comment by the first-mentioned user, which turns exchanges
// into stars). The addressee (first @mention) is real site data, so: parent =
// the MOST RECENT earlier comment (file order = chronological) by the addressee;
// no mention / no earlier comment by the addressee => top-level. Replies deeper
// than MAX_DEPTH are re-attached to the depth MAX_DEPTH-1 ancestor.

const stats = buildReplyTrees(articles, MAX_DEPTH);

// Comments used by the first set (replicating its documented selection rule with
// fox-articles.mjs's selectFirst / selectThreadPrefixes).
function usedBySetA(a, ai) {
  const sel = A_FLAT_ARTICLES.has(ai) ? selectFirst(a, A_MAX_COMMENTS) : selectThreadPrefixes(a, A_MAX_THREAD, A_MAX_COMMENTS);
  return new Set(sel.map((c) => c.k));
}

// Selection for set B, from the comments set A did not use.
// Nested (selectThreadPrefixes): top-level threads in file order whose root is unused,
// each in pre-order (children in file order; any subtree rooted at a used comment is
// skipped, so every parent is kept), at most MAX_THREAD per thread, up to MAX_COMMENTS.
// Flat (selectFirst): the first MAX_COMMENTS unused comments in file order.

// ---------------------------------------------------------------------------
// Page configuration (one per article, in file order)
//
// Layouts (letters continue the first set's a–e):
//   f  "user commented:" (top level) / "user replied:" (reply), 2 spaces per level
//   g  "1) user says", numbering restarts under each parent, 2 + 3 spaces per level
//   h  "user | March 4, 2016 at 9:15 pm", 4 spaces per level
//   i  bare author line, flat, CRLF line endings + UTF-8 BOM
//   j  "◦ user" / "▪ user" bullets, one tab per level
//   k  "user on June 3, 2016 at 4:12 pm", 2 spaces per level, "N Comments" heading

const DATE_FORMATS = {
  publishedColon: (date) => `Published: ${longDate(date)}`,
  iso: isoDate,
  updated: (date) => `Last Updated: ${longDate(date)}`,
  dayMonth: ({ y, m, d }) => `${d} ${MONTHS[m - 1]} ${y}`,
};

const PAGE_CONFIG = [
  { layout: 'f', textIndent: 0, gap: 1, date: 'publishedColon', titleTwice: false, captionPos: 'after', caption: 'Photo: Reuters', bodyParas: 1, source: 'Source: Fox News', commentsHeading: false, copyright: false, empty: true },
  { layout: 'j', glyph: '◦', textPrefix: 'spaces', gap: 0, authorlessEvery: 7, date: 'iso', titleTwice: true, caption: null, bodyParas: 1, source: null, commentsHeading: false, copyright: true, empty: false },
  { layout: 'h', gap: 1, date: null, titleTwice: false, captionPos: 'before', caption: 'Photo: AP', bodyParas: 2, source: 'Originally published by Fox News', commentsHeading: false, copyright: true, empty: false },
  { layout: 'k', gap: 1, date: 'publishedColon', titleTwice: false, caption: null, bodyParas: 1, source: null, commentsHeading: true, copyright: false, empty: false },
  { layout: 'g', gap: 1, date: 'iso', titleTwice: false, captionPos: 'after', caption: 'Image: Getty Images', bodyParas: 1, source: 'Source: Fox News', commentsHeading: false, copyright: true, empty: false },
  { layout: 'i', gap: 2, eol: '\r\n', bom: true, date: 'updated', titleTwice: false, caption: null, bodyParas: 2, source: 'Originally published by Fox News', commentsHeading: false, copyright: true, empty: false },
  { layout: 'f', textIndent: 2, gap: 1, date: null, titleTwice: false, captionPos: 'after', caption: 'Photo: Reuters', bodyParas: 2, source: 'Source: Fox News', commentsHeading: false, copyright: false, empty: false },
  { layout: 'j', glyph: '▪', textPrefix: 'tab', gap: 1, authorlessEvery: 6, date: 'iso', titleTwice: false, caption: null, bodyParas: 1, source: 'Originally published by Fox News', commentsHeading: false, copyright: false, empty: false },
  { layout: 'h', gap: 1, date: 'dayMonth', titleTwice: false, captionPos: 'after', caption: 'Photo: AP', bodyParas: 1, source: 'Source: Fox News', commentsHeading: false, copyright: true, empty: false },
  { layout: 'k', gap: 1, date: 'iso', titleTwice: false, captionPos: 'before', caption: 'Photo: Reuters', bodyParas: 1, source: null, commentsHeading: true, copyright: true, empty: true },
];
if (PAGE_CONFIG.length !== articles.length) throw new Error(`expected ${PAGE_CONFIG.length} articles, found ${articles.length}`);
const FLAT_LAYOUTS = new Set(['i']);

// ---------------------------------------------------------------------------
// Timestamps

// Absolute timestamp "March 4, 2016 at 9:15 pm" (UTC arithmetic, no clock).
function stamp(ms) {
  const t = clock(ms);
  return `${MONTHS[t.mo]} ${t.d}, ${t.y} at ${t.h12}:${t.mm} ${t.pm ? 'pm' : 'am'}`;
}

// ---------------------------------------------------------------------------
// Layout definitions: header text, indentation prefixes, author parsing (for verification)

const STAMP_RE = '[A-Z][a-z]+ \\d{1,2}, \\d{4} at \\d{1,2}:\\d{2} [ap]m';
const LAYOUTS = {
  f: {
    header: (c) => `${c.author} ${c.depth === 0 ? 'commented' : 'replied'}:`,
    headerPrefix: (c) => ' '.repeat(2 * c.depth),
    textPrefix: (c, cfg) => ' '.repeat(2 * c.depth + cfg.textIndent),
    parse: (h, c) => {
      const m = h.match(/^(\S+) (commented|replied):$/);
      return m && (m[2] === 'commented') === (c.depth === 0) ? m[1] : undefined;
    },
  },
  g: {
    header: (c) => `${c.number}) ${c.author} says`,
    headerPrefix: (c) => ' '.repeat(2 + 3 * c.depth),
    textPrefix: (c) => ' '.repeat(2 + 3 * c.depth + 3),
    parse: (h, c) => {
      const m = h.match(/^(\d+)\) (\S+) says$/);
      return m && +m[1] === c.number ? m[2] : undefined;
    },
  },
  h: {
    header: (c) => `${c.author} | ${c.stamp}`,
    headerPrefix: (c) => ' '.repeat(4 * c.depth),
    textPrefix: (c) => ' '.repeat(4 * c.depth),
    parse: (h) => h.match(new RegExp(`^(\\S+) \\| ${STAMP_RE}$`))?.[1],
  },
  i: {
    header: (c) => c.author,
    headerPrefix: () => '',
    textPrefix: () => '',
    parse: (h) => (/^\S+$/.test(h) ? h : undefined),
  },
  j: {
    header: (c, cfg) => (c.author === null ? cfg.glyph : `${cfg.glyph} ${c.author}`),
    headerPrefix: (c) => '\t'.repeat(c.depth),
    textPrefix: (c, cfg) => '\t'.repeat(c.depth) + (cfg.textPrefix === 'tab' ? '\t' : '  '),
    parse: (h, c, cfg) => h.match(new RegExp(`^${cfg.glyph} (\\S+)$`))?.[1],
  },
  k: {
    header: (c) => `${c.author} on ${c.stamp}`,
    headerPrefix: (c) => ' '.repeat(2 * c.depth),
    textPrefix: (c) => ' '.repeat(2 * c.depth),
    parse: (h) => h.match(new RegExp(`^(\\S+) on ${STAMP_RE}$`))?.[1],
  },
};

// ---------------------------------------------------------------------------
// Writing one comment (the page writer is heldout-kit.mjs's Page; offsets are into the
// page text WITHOUT the BOM, with the page's own line endings)

function emitComment(page, cfg, c) {
  const L = LAYOUTS[cfg.layout];
  // authorless bullet (layout j): the glyph is the header, text continues on its line
  if (c.author === null) writeBulletComment(page, c, cfg.glyph, L.headerPrefix(c, cfg), L.textPrefix(c, cfg));
  // flat (i): author line, blank line, text
  else writeHeadedComment(page, c, L.header(c, cfg), L.headerPrefix(c, cfg), L.textPrefix(c, cfg), cfg.layout === 'i' ? 1 : 0);
}

// ---------------------------------------------------------------------------
// Build

const summary = [];
const pages = [];
const overlap = { total: 0 };
articles.forEach((a, ai) => {
  const cfg = PAGE_CONFIG[ai];
  const doc = `${slugify(a.title)}-b`;
  const flat = FLAT_LAYOUTS.has(cfg.layout);
  const used = usedBySetA(a, ai);
  const sel = flat ? selectFirst(a, MAX_COMMENTS, used) : selectThreadPrefixes(a, MAX_THREAD, MAX_COMMENTS, used);
  const cs = rowComments(sel, flat);

  // authorless bullets (layout j): never adjacent, text with at least two words
  if (cfg.authorlessEvery) dropAuthors(cs, cfg.authorlessEvery, ai);
  // the empty comment: a childless, authored comment near a page-dependent position
  const emptyIndex = cfg.empty ? emptyCommentIndex(cs, (9 + 5 * ai) % cs.length) : null;
  // two-paragraph comments: some long comments are split at a sentence boundary;
  // every page gets at least one (the first splittable comment if the rule picks none)
  const splits = new Map();
  for (const c of cs) if (c.index !== emptyIndex && c.text.length >= 160) {
    const parts = splitSentences(c.text);
    if (parts) splits.set(c.index, parts);
  }
  let chosen = [...splits.keys()].filter((i) => (cs[i].k + ai) % 4 === 0);
  if (chosen.length === 0 && splits.size) chosen = [[...splits.keys()][0]];
  if (chosen.length === 0) throw new Error(`${doc}: no comment can be split into two paragraphs`);
  for (const c of cs) c.paras = c.index === emptyIndex ? [] : splits.has(c.index) && chosen.includes(c.index) ? splits.get(c.index) : [c.text];
  for (const c of cs) if (c.paras.length && c.paras.join(' ') !== c.text) throw new Error(`${doc}: paragraph split changed comment ${c.index}`);

  // numbering restarts under each parent
  numberSiblings(cs);
  // absolute timestamps: wall-clock time (no time zone) from 06:00 on the article date, then a deterministic
  // 3–43 minute step per comment in file order (file order is chronological)
  {
    let t = Date.UTC(a.date.y, a.date.m - 1, a.date.d, 6, 0);
    const at = [];
    for (const r of a.comments) {
      t += (3 + ((r.k * 37 + ai * 11) % 41)) * 60000;
      at.push(t);
    }
    for (const c of cs) c.stamp = stamp(at[c.k]);
  }

  // --- write the page: article head (title, dateline, caption, body, source), then the comments
  const page = new Page(doc, cfg.eol || '\n');
  const body = cfg.bodyParas === 2 ? splitClause(normalise(a.meta)) : [normalise(a.meta)];
  if (body.length !== cfg.bodyParas) throw new Error(`${doc}: description cannot be split into ${cfg.bodyParas} paragraphs`);
  writeArticleHead(page, a, cfg, DATE_FORMATS, body);
  if (cfg.commentsHeading) {
    page.line('footer', `${a.comments.length} Comments`);
    page.nl();
  }
  cs.forEach((c, i) => {
    if (i > 0) page.nl(cfg.gap);
    emitComment(page, cfg, c);
  });
  writeCopyright(page, cfg);

  for (const c of cs) if (used.has(c.k)) overlap.total++;
  pages.push({ page, cfg });
  const layoutName = {
    f: `f commented:/replied: (text +${cfg.textIndent})`,
    g: 'g "N) user says"',
    h: 'h "user | date at time"',
    i: 'i flat, CRLF + BOM',
    j: `j "${cfg.glyph}" tabs (text ${cfg.textPrefix === 'tab' ? '+tab' : '+2sp'})`,
    k: 'k "user on date at time"',
  }[cfg.layout];
  summary.push({
    doc,
    layout: layoutName,
    ...commentCounts(cs),
    empty: emptyIndex,
    articleComments: a.comments.length,
    usedByA: used.size,
  });
});
if (overlap.total) throw new Error(`${overlap.total} comments overlap with the first held-out set`);

// --- write output
writeOutput(pages, PAGES_DIR, GOLD_FILE);

// ---------------------------------------------------------------------------
// Verification against the files as written (the checks shared with the first set are
// heldout-kit.mjs's verifyHeadedPages)

const cfgOf = new Map(pages.map(({ page, cfg }) => [page.doc, cfg]));
const v = verifyHeadedPages({
  goldFile: GOLD_FILE,
  pagesDir: PAGES_DIR,
  cap: MAX_DEPTH,
  open(doc, err) {
    const file = path.join(PAGES_DIR, `${doc}.txt`);
    const cfg = cfgOf.get(doc);
    if (!fs.existsSync(file) || !cfg) {
      err(doc, 'page file or config missing');
      return null;
    }
    let s = fs.readFileSync(file, 'utf8'); // Node keeps a leading BOM as U+FEFF
    if (cfg.bom) {
      if (!s.startsWith(BOM)) err(doc, 'BOM missing');
      s = s.slice(1);
    }
    if (s.startsWith(BOM)) err(doc, 'page text (after any BOM) starts with U+FEFF');
    checkLineEndings(doc, s, cfg.eol === '\r\n', err);
    return s;
  },
  comment({ doc, s, err, lineStart, lineEnd, comments }, c) {
    const cfg = cfgOf.get(doc);
    const L = LAYOUTS[cfg.layout];
    const h = c.header;
    if (h === null) {
      err(doc, `comment ${c.index} has no header (every comment in this set has one)`);
      return;
    }
    const hLine = s.slice(lineStart(h.start), lineEnd(h.start));
    const hPrefix = s.slice(lineStart(h.start), h.start);
    // indentation must encode the depth exactly
    const number = (() => {
      // sibling position, recomputed from the gold tree
      let n = 0;
      for (const o of comments) {
        if (o.parent === c.parent) n++;
        if (o.index === c.index) break;
      }
      return n;
    })();
    const model = { depth: c.depth, author: c.author, number };
    if (hPrefix !== L.headerPrefix(model, cfg)) err(doc, `comment ${c.index}: header indentation does not match depth ${c.depth}`);
    if (c.author === null) {
      if (cfg.layout !== 'j' || h.text !== cfg.glyph || !hLine.trim().startsWith(`${cfg.glyph} `) || lineStart(c.start) !== lineStart(h.start) || c.text === '')
        err(doc, `comment ${c.index}: bad authorless bullet`);
    } else {
      if (hLine.trim() !== h.text) err(doc, `header "${h.text}" is not its trimmed line`);
      const parsed = L.parse(h.text, model, cfg);
      if (parsed !== c.author) err(doc, `comment ${c.index}: author ${c.author} vs header "${h.text}"`);
      if (h.text !== L.header({ ...model, stamp: h.text.match(new RegExp(STAMP_RE))?.[0] }, cfg)) err(doc, `comment ${c.index}: header "${h.text}" not in layout form`);
    }
    if (c.text === '') return;
    // every text line of the comment sits at the layout's text prefix (or inline after a bullet)
    const tp = L.textPrefix(model, cfg);
    for (let i = c.start; i < c.end; ) {
      const ls = lineStart(i);
      const le = lineEnd(i);
      const line = s.slice(ls, le).replace(/\r$/, '');
      if (line !== '' && !(ls === lineStart(h.start) && c.author === null) && !(line.startsWith(tp) && /^\S/.test(line.slice(tp.length))))
        err(doc, `comment ${c.index}: text line at ${ls} not at the text indentation`);
      i = le + 1;
    }
  },
  page({ doc, err, comments }) {
    if (comments.length === 0 || comments.length > MAX_COMMENTS) err(doc, `${comments.length} comments`);
    if (!comments.some((c) => /\n[ \t]*\r?\n/.test(c.text))) err(doc, 'no multi-paragraph comment');
  },
});
// independent overlap check against the first set's gold, if present
const goldA = path.join(REPO_ROOT, 'tests', 'heldout', 'segment.gold.jsonl');
if (fs.existsSync(goldA)) {
  const key = (author, text) => `${author}\u0000${text.replace(/\s+/g, ' ')}`;
  const inA = new Set(
    readJsonl(goldA)
      .filter((r) => r.kind === 'comment' && r.text !== '')
      .map((r) => key(r.author, r.text)),
  );
  for (const r of v.recs) if (r.kind === 'comment' && r.text !== '' && inA.has(key(r.author, r.text))) v.err(r.doc, `comment ${r.index} also appears in tests/heldout/`);
}

const padR = (x, n) => String(x).padEnd(n);
console.log(`dataset: ${DATA_DIR}`);
console.log(`reply links: ${stats.replies} replies from first @mention; ${stats.flattened} flattened to depth ${MAX_DEPTH}; no comment shared with tests/heldout/`);
console.log(padR('doc', 64) + padR('layout', 36) + 'comments roots maxDepth authorless empty multiPara (article, used by set A)');
for (const r of summary)
  console.log(
    padR(r.doc, 64) +
      padR(r.layout, 36) +
      padR(r.comments, 9) +
      padR(r.roots, 6) +
      padR(r.maxDepth, 9) +
      padR(r.authorless, 11) +
      padR(r.empty ?? '-', 6) +
      padR(r.multiPara, 10) +
      `(${r.articleComments}, ${r.usedByA})`,
  );
report(v, pages.length, { repoRoot: REPO_ROOT, pagesDir: PAGES_DIR, goldFile: GOLD_FILE }, 'all spans match the page text');
