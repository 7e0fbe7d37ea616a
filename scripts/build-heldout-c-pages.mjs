#!/usr/bin/env node
// Build the THIRD held-out segmentation set ("heldout-c") from the Fox News
// user-comments dataset, with six comment layouts (l–q) that neither the first
// set (a–e) nor the second set (f–k) uses.
//
//   node scripts/build-heldout-c-pages.mjs [SHARED_DIR]
//
// SHARED_DIR defaults to <repo>/../shared. The dataset is read from
// SHARED_DIR/datasets/fox-news-comments/ (or SHARED_DIR itself if it directly
// holds fox-news-comments.json). Output:
//   tests/heldout-c/pages/<slug>-c.txt    one synthetic page per article (6 pages)
//   tests/heldout-c/segment.gold.jsonl    gold segments (same record format as tests/heldout-b/)
//
// Plain Node >= 20, no dependencies, fully deterministic: the only randomness is a
// fixed-seed PRNG (mulberry32), and no clock is read. Nothing is imported from the
// project (src/, dist/); the helpers shared with build-heldout-d-pages.mjs are in
// scripts/lib/heldout-kit.mjs. Every gold record is verified against the written
// files before the script exits 0.
//
// This set was written WITHOUT looking at the segmenter (src/, dist/) or at any
// of its outputs.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Shared helpers (scripts/lib/heldout-kit.mjs), by topic: input, trees and selection;
// PRNG, times and dates; text; page writing and output; verification.
import { loadArticles, linkReplies, buildTree, selectThreads, selectFlat, pageComments } from './lib/heldout-kit.mjs';
import { mulberry32, randInt, assignTimes, clock, unitsAgo, weekdayOf, longDate, MONTHS, DAYS, pad2 } from './lib/heldout-kit.mjs';
import { HIDDEN, norm, slugify, toParas, splitLongComments } from './lib/heldout-kit.mjs';
import { Page, writeArticle, writeCopyright, writeOutput, kindCounts, printSummary } from './lib/heldout-kit.mjs';
import { chromeKind, readJsonl, verifyPages, report } from './lib/heldout-kit.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHARED_DIR = process.argv[2] ? path.resolve(process.argv[2]) : path.resolve(REPO_ROOT, '../shared');
const OUT_DIR = path.join(REPO_ROOT, 'tests', 'heldout-c');
const PAGES_DIR = path.join(OUT_DIR, 'pages');
const GOLD_FILE = path.join(OUT_DIR, 'segment.gold.jsonl');

const COMMENTS_PER_PAGE = 20;
const MAX_THREAD = 8; // at most this many comments (pre-order prefix) from one thread
const MAX_DEPTH = 3; // deeper replies are re-attached to their depth-2 ancestor
// Eligibility (keeps this set disjoint from tests/heldout/ and tests/heldout-b/):
// a comment is eligible only if its thread root is at least the ELIGIBLE_ROOT_RANK-th
// root of the article (0-based) AND the root sits at file position >= ELIGIBLE_ROOT_POS.
const ELIGIBLE_ROOT_RANK = 50;
const ELIGIBLE_ROOT_POS = 75;
const SEED = 0x5eedc0de;

// ---------------------------------------------------------------------------
// Input and reply trees (see heldout-kit.mjs: parent = the addressee's most recent
// earlier comment, depth capped at MAX_DEPTH)

const { dataDir: DATA_DIR, articles } = loadArticles(SHARED_DIR);
linkReplies(articles);
for (const a of articles) for (const c of a.comments) c.eligible = c.rootRank >= ELIGIBLE_ROOT_RANK && c.rootPos >= ELIGIBLE_ROOT_POS;

// ---------------------------------------------------------------------------
// Relative times and dates

// Relative times, each computed from (scrape moment − comment moment) in seconds.
function disqusAgo(sec) {
  // moment.js-style rounding, as Disqus shows it
  const min = Math.round(sec / 60);
  const hr = Math.round(sec / 3600);
  const day = Math.round(sec / 86400);
  if (sec < 45) return 'a few seconds ago';
  if (sec < 90) return 'a minute ago';
  if (min < 45) return `${min} minutes ago`;
  if (min < 90) return 'an hour ago';
  if (hr < 22) return `${hr} hours ago`;
  if (hr < 36) return 'a day ago';
  return `${day} days ago`;
}
function redditAgo(sec) {
  // floor, singular/plural, as old Reddit shows it
  if (sec < 60) return 'just now';
  if (sec < 3600) return unitsAgo(Math.floor(sec / 60), 'minute');
  if (sec < 86400) return unitsAgo(Math.floor(sec / 3600), 'hour');
  return unitsAgo(Math.floor(sec / 86400), 'day');
}
// "Sat Jun 04, 2016 9:43 pm" (phpBB)
function phpbbDate(ms) {
  const c = clock(ms);
  return `${DAYS[c.wd].slice(0, 3)} ${MONTHS[c.mo].slice(0, 3)} ${pad2(c.d)}, ${c.y} ${c.h12}:${c.mm} ${c.pm ? 'pm' : 'am'}`;
}

const DATE_FORMATS = {
  dayLong: (date) => `${weekdayOf(date)} ${date.d} ${MONTHS[date.m - 1]} ${date.y}`, // Thursday 7 July 2016
  monShort: ({ y, m, d }) => `${MONTHS[m - 1].slice(0, 3)} ${d}, ${y}`, // Jun 4, 2016
  slashes: ({ y, m, d }) => `${y}/${pad2(m)}/${pad2(d)}`, // 2016/08/17
  dots: ({ y, m, d }) => `${pad2(d)}.${pad2(m)}.${y}`, // 25.06.2015
  long: longDate, // June 16, 2016
};

// ---------------------------------------------------------------------------
// Layouts l–q. `header(c)` gives the header text as it appears (for o it spans
// two lines: `prefix` is inserted before the second line); `parse` recovers the
// author from a header text (verification only); `re` matches a header line.

const ESC = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LAYOUTS = {
  l: {
    name: 'l Disqus `user • 3 hours ago` + `Reply • Share ›`',
    step: 4,
    gap: 1,
    ui: 'Reply • Share ›',
    header: (c) => `${c.author} • ${c.ago}`,
    parse: (h) => h.match(/^(\S+) • (?:a few seconds|a minute|an hour|a day|\d+ (?:minutes|hours|days)) ago$/)?.[1],
  },
  m: {
    name: 'm old Reddit `[–] user N points 3 hours ago`',
    step: 4,
    gap: 1,
    header: (c) => `[–] ${c.author} ${c.points} point${c.points === 1 ? '' : 's'} ${c.ago}`,
    parse: (h) => h.match(/^\[–\] (\S+) -?\d+ points? (?:just now|\d+ (?:minute|hour|day)s? ago)$/)?.[1],
  },
  n: {
    name: 'n Facebook plugin, bare name + `Like · Reply · 2y`',
    step: 2,
    gap: 0,
    ui: 'Like · Reply · 2y',
    header: (c) => c.author,
    parse: (h) => (/^\S+$/.test(h) ? h : undefined),
  },
  o: {
    name: 'o forum `Re: title` / `by user » date`',
    step: 2,
    gap: 1,
    header: (c, page, prefix) => `Re: ${page.title}${page.eol}${prefix}by ${c.author} » ${c.date}`,
    parse: (h, page) =>
      h.match(new RegExp(`^Re: ${ESC(page.title)}\\r?\\n *by (\\S+) » [A-Z][a-z]{2} [A-Z][a-z]{2} \\d{2}, \\d{4} \\d{1,2}:\\d{2} [ap]m$`))?.[1],
  },
  p: {
    name: 'p hash-numbered `#N user (3 hours ago)`',
    step: 3,
    gap: 1,
    header: (c) => `#${c.number} ${c.author} (${c.ago})`,
    parse: (h, page, c) => {
      const m = h.match(/^#(\d+) (\S+) \((?:just now|\d+ (?:minute|hour|day)s? ago)\)$/);
      return m && (c.index < 0 || +m[1] === c.index + 1) ? m[2] : undefined; // index < 0: shape check only
    },
  },
  q: {
    name: 'q flat chat `user:` + @-replies, CRLF',
    step: 0,
    gap: 1,
    header: (c) => `${c.author}:`,
    parse: (h) => h.match(/^(\S+):$/)?.[1],
  },
};

// ---------------------------------------------------------------------------
// Page configuration: 6 of the 10 articles (index = position of first appearance)

const PAGE_CONFIG = [
  { article: 0, layout: 'p', date: 'dayLong', bodyParas: 1, caption: 'Photo: AP', source: 'Source: Fox News', copyright: false, scrapeAfterMin: 300 },
  { article: 2, layout: 'o', date: null, bodyParas: 2, caption: null, source: 'Source: Fox News', copyright: true },
  { article: 3, layout: 'n', date: 'monShort', bodyParas: 1, caption: 'Photo: AP', source: null, copyright: false },
  { article: 4, layout: 'l', date: 'slashes', bodyParas: 2, caption: 'Photo: AP', source: 'Source: Fox News', copyright: true, scrapeAfterMin: 20 },
  { article: 5, layout: 'm', date: 'dots', bodyParas: 1, caption: null, source: 'Source: Fox News', copyright: false, scrapeAfterMin: 130 },
  { article: 9, layout: 'q', date: 'long', bodyParas: 1, caption: 'Photo: AP', source: null, copyright: true },
];

// ---------------------------------------------------------------------------
// Selection

const usable = (c) => c.eligible && !HIDDEN.test(c.user) && !HIDDEN.test(c.text) && toParas(c.text).length > 0;

// Nested layouts: the largest eligible threads that fit (see selectThreads).
const selectNested = (a) => selectThreads(buildTree(a, MAX_DEPTH).roots, usable, { perPage: COMMENTS_PER_PAGE, maxThread: MAX_THREAD, title: a.title });
// Flat layout: the first COMMENTS_PER_PAGE usable comments in file order whose
// paragraphs cannot be mistaken for a `user:` header line.
const selectFlatC = (a) => selectFlat(a, (c) => usable(c) && !toParas(c.text).some((p) => /^\S+:$/.test(p)), COMMENTS_PER_PAGE);

// ---------------------------------------------------------------------------
// Page writing

function emitComment(page, L, c) {
  const prefix = ' '.repeat(L.step * c.depth);
  const header = page.header(L.header(c, page, prefix), prefix);
  const span = page.paras(c.paras, prefix);
  page.comment(c, span, header);
  if (L.ui) page.line('footer', L.ui, prefix);
}

// ---------------------------------------------------------------------------
// Build

const summary = [];
const pages = [];
PAGE_CONFIG.forEach((cfg, pi) => {
  const a = articles[cfg.article];
  const L = LAYOUTS[cfg.layout];
  const flat = cfg.layout === 'q';
  const doc = `${slugify(a.title)}-c`;
  const eol = flat ? '\r\n' : '\n';
  const rng = mulberry32(SEED + 7919 * (pi + 1));
  const sel = flat ? selectFlatC(a) : selectNested(a);
  if (sel.length !== COMMENTS_PER_PAGE) throw new Error(`${doc}: ${sel.length} comments`);
  // author differs from the dataset user only for the [deleted] comment
  const cs = pageComments(sel, doc, (n) => ({ addressee: n.c.addressee, removed: false }));

  // q: a reply shows its addressee (first @mention from the dataset) as "@name " before its text
  if (flat) for (const c of cs) if (c.addressee) c.paras[0] = [`@${c.addressee} ${c.paras[0][0]}`];

  // two-paragraph comments: at least one per page, three on the flat page
  splitLongComments(cs, pi, flat ? 3 : 1, doc);

  // m: one comment with replies is shown deleted: "[deleted]" author, "[removed]" text
  if (cfg.layout === 'm') {
    const hasChild = new Set(cs.map((c) => c.parent).filter((p) => p !== null));
    const victim = cs.find((c) => c.index >= 3 && hasChild.has(c.index));
    victim.author = '[deleted]';
    victim.paras = [['[removed]']];
    victim.removed = true;
  }

  // timestamps (see assignTimes); the page is scraped cfg.scrapeAfterMin minutes after the last comment
  const scrape = assignTimes(cs, a.date, rng) + (cfg.scrapeAfterMin ?? 0) * 60000;
  for (const c of cs) {
    const sec = Math.round((scrape - c.time) / 1000);
    c.ago = cfg.layout === 'l' ? disqusAgo(sec) : redditAgo(sec);
    c.date = phpbbDate(c.time);
    c.number = c.index + 1;
  }
  // m: points, mostly small, replies lower, a few zero/negative; the deleted comment has 1
  for (const c of cs) {
    const r = rng();
    c.points = c.removed ? 1 : Math.floor(r ** 3 * (c.depth === 0 ? 240 : 60)) - randInt(rng, 0, 4);
  }

  // --- write the page
  const page = new Page(doc, eol, a.title);
  writeArticle(page, a, cfg, DATE_FORMATS);
  if (cfg.layout === 'n') {
    page.line('footer', `${cs.length} Comments`);
    page.nl();
  }
  cs.forEach((c, i) => {
    if (i > 0) page.nl(L.gap);
    emitComment(page, L, c);
  });
  if (cfg.layout === 'n') {
    page.nl();
    page.line('footer', 'Load more comments');
  }
  writeCopyright(page, cfg);

  pages.push({ page, cfg, cs });
  summary.push({
    doc,
    layout: L.name,
    comments: cs.length,
    roots: cs.filter((c) => c.depth === 0).length,
    maxDepth: Math.max(...cs.map((c) => c.depth)),
    multiPara: cs.filter((c) => c.paras.length > 1).length,
    atReplies: flat ? cs.filter((c) => c.addressee).length : '-',
    deleted: cs.find((c) => c.removed)?.index ?? '-',
    records: page.records.length,
    kinds: kindCounts(page.records),
  });
});

writeOutput(pages, PAGES_DIR, GOLD_FILE);

// ---------------------------------------------------------------------------
// Verification against the files as written (re-read from disk): the shared
// checks of verifyPages plus the layout-specific ones below

const isFooterOf = (L) => (text) => text === L.ui || text === 'Load more comments' || /^\d+ Comments$/.test(text);
const check = {
  kind: (text, { cfg }) => chromeKind(text, articles[cfg.article], cfg, DATE_FORMATS, isFooterOf(LAYOUTS[cfg.layout])),
  indent: ({ cfg }, c) => ' '.repeat(LAYOUTS[cfg.layout].step * c.depth),
  cap: () => MAX_DEPTH,
  textLine({ cfg, page }, tl) {
    const L = LAYOUTS[cfg.layout];
    // (n's header is a bare name, so a one-word text such as "LOL" has a header's shape;
    // there the layout is told apart by position: name, text, then the UI line)
    if (cfg.layout !== 'n' && L.parse(tl, page, { index: -1 }) !== undefined) return 'text line looks like a header';
    if (L.ui && tl === L.ui) return 'text line equals the UI line';
    return null;
  },
  comment({ doc, rs, info, s, err, lineStart, lineEnd, nextLine }, c) {
    const { cfg, page } = info;
    const L = LAYOUTS[cfg.layout];
    const h = c.header;
    const prefix = ' '.repeat(L.step * c.depth);
    if (s.slice(lineStart(h.start), h.start) !== prefix) err(doc, `comment ${c.index}: header indentation does not match depth ${c.depth}`);
    if (L.parse(h.text, page, c) !== c.author) err(doc, `comment ${c.index}: author ${c.author} vs header ${JSON.stringify(h.text)}`);
    if (cfg.layout === 'o') {
      const [l1, l2] = h.text.split(/\r?\n/);
      if (l1 !== `Re: ${page.title}` || !l2.startsWith(prefix + 'by ')) err(doc, `comment ${c.index}: forum header shape`);
    } else if (/\n/.test(h.text)) err(doc, `comment ${c.index}: header spans lines`);
    // layouts with a UI line: it follows the comment text directly, at the same indent
    if (L.ui) {
      const next = nextLine(c.end);
      const ui = rs.find((x) => x.kind === 'footer' && x.start === next + prefix.length);
      if (!ui || ui.text !== L.ui || s.slice(next, ui.start) !== prefix) err(doc, `comment ${c.index}: UI line missing after the text`);
    }
  },
  page({ doc, rs, info, s, err, comments }) {
    const { cfg, page } = info;
    const L = LAYOUTS[cfg.layout];
    // consecutive comments are separated by exactly L.gap blank lines (after the UI line, if any)
    for (let i = 1; i < comments.length; i++) {
      const prevEnd = L.ui ? rs.find((x) => x.kind === 'footer' && x.start > comments[i - 1].end).end : comments[i - 1].end;
      const between = s.slice(prevEnd, comments[i].header.start);
      if (between.replace(/[ \t]/g, '') !== page.eol.repeat(L.gap + 1)) err(doc, `comment ${i}: not separated by exactly ${L.gap} blank line(s)`);
    }
    if (cfg.layout === 'q') {
      if (comments.some((c) => c.depth !== 0 || c.parent !== null)) err(doc, 'q page must be flat');
      if (!comments.some((c) => c.text.startsWith('@'))) err(doc, 'q page has no @-reply');
    }
    if (cfg.layout === 'm' && !comments.some((c) => c.author === '[deleted]' && c.text === '[removed]' && c.header.text.startsWith('[–] [deleted] 1 point ')))
      err(doc, 'm page has no [deleted] comment');
  },
};

function verify() {
  const v = verifyPages({ goldFile: GOLD_FILE, pagesDir: PAGES_DIR, pages, perPage: COMMENTS_PER_PAGE, check });
  const { err } = v;
  // disjointness from the earlier held-out sets: an independent check against
  // tests/heldout-b/ gold (when present), and against the comments the first set's
  // documented selection rule can reach (first 40 roots / first 40 file positions)
  const key = (author, text) => `${author}\u0000${norm(text)}`;
  const goldB = path.join(REPO_ROOT, 'tests', 'heldout-b', 'segment.gold.jsonl');
  if (fs.existsSync(goldB)) {
    const inB = new Set(
      readJsonl(goldB)
        .filter((r) => r.kind === 'comment' && r.text !== '')
        .map((r) => key(r.author, r.text)),
    );
    for (const { page, cs } of pages)
      for (const c of cs) if (inB.has(key(c.user, c.source))) err(page.doc, `comment ${c.index} also appears in tests/heldout-b/`);
  }
  for (const { page, cfg, cs } of pages) {
    const a = articles[cfg.article];
    for (const c of cs) {
      const src = a.comments[c.pos];
      if (src.pos < 40 || src.rootRank < 40) err(page.doc, `comment ${c.index} is reachable by the first set's selection`);
    }
  }
  return v;
}

const v = verify();
printSummary(DATA_DIR, summary, { doc: 62, layout: 56, cmts: 5, roots: 6, maxD: 5, '2-para': 7, '@rep': 5, deleted: 8 }); // columns: the summary rows' first values
report(v, pages.length, { repoRoot: REPO_ROOT, pagesDir: PAGES_DIR, goldFile: GOLD_FILE });
