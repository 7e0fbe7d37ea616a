#!/usr/bin/env node
// Build the FOURTH held-out segmentation set ("heldout-d") from the Fox News
// user-comments dataset, with six comment layouts (r–w) that none of the earlier
// sets (a–e, f–k, l–q) uses.
//
//   node scripts/build-heldout-d-pages.mjs [SHARED_DIR]
//
// SHARED_DIR defaults to <repo>/../shared. The dataset is read from
// SHARED_DIR/datasets/fox-news-comments/ (or SHARED_DIR itself if it directly
// holds fox-news-comments.json). Output:
//   tests/heldout-d/pages/<slug>-d.txt    one synthetic page per article (6 pages)
//   tests/heldout-d/segment.gold.jsonl    gold segments (same record format as the earlier sets)
//
// Plain Node >= 20, no dependencies, fully deterministic: the only randomness is a
// fixed-seed PRNG (mulberry32), and no clock is read. Nothing is imported from the
// project (src/, dist/); the helpers shared with build-heldout-c-pages.mjs are in
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
import { mulberry32, randInt, assignTimes, clock, unitsAgo, weekdayOf, longDate, MONTHS } from './lib/heldout-kit.mjs';
import { HIDDEN, norm, slugify, toParas, splitLongComments } from './lib/heldout-kit.mjs';
import { Page, writeArticle, writeCopyright, writeOutput, kindCounts, printSummary } from './lib/heldout-kit.mjs';
import { chromeKind, readJsonl, verifyPages, report } from './lib/heldout-kit.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHARED_DIR = process.argv[2] ? path.resolve(process.argv[2]) : path.resolve(REPO_ROOT, '../shared');
const OUT_DIR = path.join(REPO_ROOT, 'tests', 'heldout-d');
const PAGES_DIR = path.join(OUT_DIR, 'pages');
const GOLD_FILE = path.join(OUT_DIR, 'segment.gold.jsonl');
const GOLD_B = path.join(REPO_ROOT, 'tests', 'heldout-b', 'segment.gold.jsonl');
const GOLD_C = path.join(REPO_ROOT, 'tests', 'heldout-c', 'segment.gold.jsonl');

const COMMENTS_PER_PAGE = 20;
const MAX_THREAD = 8; // at most this many comments (pre-order prefix) from one thread
// The first set's documented selection reaches only the first 40 roots / the first
// 40 file positions of an article; a set-D thread root must be past both.
const A_LIMIT = 40;
const SEED = 0x5eedd00d;

// ---------------------------------------------------------------------------
// Input and reply trees (see heldout-kit.mjs: parent = the addressee's most recent
// earlier comment; each layout caps the depth at its own `cap`)

const { dataDir: DATA_DIR, articles } = loadArticles(SHARED_DIR);
linkReplies(articles);

// ---------------------------------------------------------------------------
// Comments used by the earlier sets (A: documented rule; B and C: their gold)

const readGold = (f) => (fs.existsSync(f) ? readJsonl(f) : null);
const prior = { B: readGold(GOLD_B), C: readGold(GOLD_C) };
if (!prior.B || !prior.C) throw new Error('tests/heldout-b/ and tests/heldout-c/ gold files are needed for the disjointness rule');
// Match a set's non-empty gold comments to dataset comments of the same article by
// whitespace-normalised text (author ignored: set B has authorless comments; set C's
// flat page prefixed "@addressee " to some texts, so that variant matches too).
// Returns, per article index, the set of matched file positions, and the list of
// gold comments that matched nothing (set B's two emptied comments, set C's
// "[deleted]"/"[removed]" comment).
function matchPrior(gold, suffix) {
  const used = articles.map(() => new Set());
  const unmatched = [];
  for (const r of gold.filter((x) => x.kind === 'comment')) {
    const ai = articles.findIndex((a) => `${slugify(a.title)}${suffix}` === r.doc);
    if (ai < 0) throw new Error(`${r.doc}: no article`);
    const t = norm(r.text);
    const hits = t === '' ? [] : articles[ai].comments.filter((c) => norm(c.text) === t || (c.addressee && `@${c.addressee} ${norm(c.text)}` === t));
    hits.forEach((c) => used[ai].add(c.pos));
    if (!hits.length) unmatched.push(r);
  }
  return { used, unmatched };
}
const usedB = matchPrior(prior.B, '-b');
const usedC = matchPrior(prior.C, '-c');
// Set B took whole threads in root (file) order, so every set-B comment, including the
// two emptied ones that cannot be matched by text, lies in a thread whose root is at
// or before the last root any matched set-B comment belongs to.
const maxBRoot = articles.map((a, ai) => Math.max(-1, ...[...usedB.used[ai]].map((p) => a.comments[p].rootPos)));
// Thread-level exclusion: a set-D thread contains no comment used by an earlier set.
for (const [ai, a] of articles.entries()) {
  const tainted = new Set();
  for (const c of a.comments) if (usedB.used[ai].has(c.pos) || usedC.used[ai].has(c.pos)) tainted.add(c.rootPos);
  for (const c of a.comments) {
    const root = a.comments[c.rootPos];
    c.free = root.pos >= A_LIMIT && root.rootRank >= A_LIMIT && root.pos > maxBRoot[ai] && !tainted.has(c.rootPos);
  }
}

// ---------------------------------------------------------------------------
// Text helpers

const POST_A_COMMENT = 'Post a comment';

// Greedy word wrap (for the quoted lines of the email layout).
function wrap(text, width) {
  const lines = [];
  let cur = '';
  for (const w of norm(text).split(' ')) {
    if (cur && (cur + ' ' + w).length > width) {
      lines.push(cur);
      cur = w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) lines.push(cur);
  return lines;
}

// Relative times from (scrape moment − comment moment) in seconds.
function hnAgo(sec) {
  // floor, singular/plural, as Hacker News shows it
  if (sec < 3600) return unitsAgo(Math.max(1, Math.floor(sec / 60)), 'minute');
  if (sec < 86400) return unitsAgo(Math.floor(sec / 3600), 'hour');
  return unitsAgo(Math.floor(sec / 86400), 'day');
}
function ytAgo(sec) {
  // YouTube: the largest whole unit
  const day = Math.floor(sec / 86400);
  if (day >= 365) return unitsAgo(Math.floor(day / 365), 'year');
  if (day >= 30) return unitsAgo(Math.floor(day / 30), 'month');
  if (day >= 1) return unitsAgo(day, 'day');
  return unitsAgo(Math.max(1, Math.floor(sec / 3600)), 'hour');
}
// "On Jun 4, 2016, at 9:43 PM" (Apple Mail)
const emailDate = (ms) => {
  const c = clock(ms);
  return `${MONTHS[c.mo].slice(0, 3)} ${c.d}, ${c.y}, at ${c.h12}:${c.mm} ${c.pm ? 'PM' : 'AM'}`;
};
// "June 4, 2016 at 9:43 pm" (WordPress)
const wpDate = (ms) => {
  const c = clock(ms);
  return `${MONTHS[c.mo]} ${c.d}, ${c.y} at ${c.h12}:${c.mm} ${c.pm ? 'pm' : 'am'}`;
};
// "Jun 4" (Twitter/X, an older post in the current year)
const xDate = (ms) => {
  const c = clock(ms);
  return `${MONTHS[c.mo].slice(0, 3)} ${c.d}`;
};

const DATE_FORMATS = {
  ap: ({ y, m, d }) => `${['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'][m - 1]} ${d}, ${y}`, // Aug. 17, 2016
  dmyShort: ({ y, m, d }) => `${d} ${MONTHS[m - 1].slice(0, 3)} ${y}`, // 24 Jun 2016
  long: longDate, // March 30, 2016
  dayShort: (date) => `${weekdayOf(date).slice(0, 3)} ${date.d} ${MONTHS[date.m - 1].slice(0, 3)} ${date.y}`, // Thu 25 Jun 2015
  usSlash: ({ y, m, d }) => `${m}/${d}/${y}`, // 8/17/2016
  dayLongComma: (date) => `${weekdayOf(date)}, ${MONTHS[date.m - 1]} ${date.d}, ${date.y}`, // Saturday, June 4, 2016
};

// Twitter/X display name, invented deterministically from the user name (the
// dataset has user names only): camelCase and letter/digit boundaries become word
// breaks, digit-only words are dropped, each word gets a capital first letter.
// "DemocracyManifest" -> "Democracy Manifest", "pop555" -> "Pop".
function displayNameOf(user) {
  const words = user
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/(\d)([A-Za-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w && !/^\d+$/.test(w));
  return words.length ? words.map((w) => w[0].toUpperCase() + w.slice(1)).join(' ') : user;
}

// ---------------------------------------------------------------------------
// Layouts r–w.
//   step        indentation per depth level of header/text/widget lines (w: text only)
//   cap         maximum depth
//   headerRe    matches a whole trimmed header line; group 1 is the author
//   widgetRe    matches a whole trimmed widget (site chrome) line inside the thread
// `headerRe` and `widgetRe` are also used to keep out comments with a paragraph of
// that shape, and by the verification.

const LAYOUTS = {
  r: {
    name: 'r YouTube `@user 3 years ago` + `12 👍 Reply`, `View N replies`',
    step: 4,
    cap: 3,
    headerRe: /^@(\S+) \d+ (?:hour|day|month|year)s? ago(?: \(edited\))?$/,
    widgetRe: /^(?:(?:[1-9]\d* )?\u{1F44D} Reply|View (?:1 reply|[2-9]\d* replies|1\d+ replies))$/u,
  },
  s: {
    name: 's Hacker News `user 3 hours ago | parent | next [–]` + `reply`',
    step: 3,
    cap: 3,
    headerRe: /^(\S+) \d+ (?:minute|hour|day)s? ago (?:\| parent )?\| next \[–\]$/,
    widgetRe: /^reply$/,
  },
  t: {
    name: 't email quotes `On Jun 4, 2016, at 9:43 PM, user wrote:`, flat, CRLF',
    step: 0,
    cap: 0,
    headerRe: /^On [A-Z][a-z]{2} \d{1,2}, \d{4}, at \d{1,2}:\d{2} [AP]M, (\S+) wrote:$/,
    widgetRe: /^$/,
  },
  u: {
    name: 'u Twitter/X `Display Name @handle · Jun 4` + `N replies N reposts N likes`',
    step: 2,
    cap: 3,
    headerRe: /^(\S.*?) @\S+ · [A-Z][a-z]{2} \d{1,2}$/,
    widgetRe: /^(?:1 reply|\d+ replies) (?:1 repost|\d+ reposts) (?:1 like|\d+ likes)$/,
  },
  v: {
    name: 'v `Comment #N by user on June 4, 2016 at 9:43 pm` + `Post a comment`',
    step: 4,
    cap: 3,
    headerRe: /^Comment #\d+ by (\S+) on [A-Z][a-z]+ \d{1,2}, \d{4} at \d{1,2}:\d{2} [ap]m$/,
    widgetRe: /^$/,
  },
  w: {
    name: 'w ASCII tree `user:` / `├─ user:` / `│  └─ user:`',
    step: 3,
    cap: 2,
    headerRe: /^(?:(?:│  |   )?[├└]─ )?(\S+):$/,
    widgetRe: /^$/,
  },
};
// A line of the w layout's tree drawing, or a `word:` line (the w top-level header
// shape), inside a comment text would look like a header; such comments are not used.
const TREE_CHARS = /[│├└─]/;

// ---------------------------------------------------------------------------
// Page configuration: 6 of the 10 articles (index = position of first appearance)

const PAGE_CONFIG = [
  { article: 4, layout: 's', date: 'ap', bodyParas: 1, caption: 'Photo: Reuters', source: 'Source: Fox News', copyright: true },
  { article: 6, layout: 'w', date: 'dmyShort', bodyParas: 2, caption: null, source: 'Originally published by Fox News', copyright: false },
  { article: 7, layout: 'r', date: 'long', bodyParas: 1, caption: 'Image: Getty Images', source: null, copyright: true, bom: true },
  { article: 5, layout: 'u', date: 'dayShort', bodyParas: 1, caption: null, source: 'Source: Fox News', copyright: false },
  { article: 2, layout: 'v', date: 'usSlash', bodyParas: 2, caption: 'Photo: AP', source: null, copyright: true },
  { article: 0, layout: 't', date: 'dayLongComma', bodyParas: 1, caption: 'Photo: AP', source: 'Source: Fox News', copyright: false, crlf: true },
];

// ---------------------------------------------------------------------------
// Selection

function usableFor(L) {
  return (c) =>
    c.free &&
    !HIDDEN.test(c.user) &&
    !HIDDEN.test(c.text) &&
    /^\S+$/.test(c.user) &&
    toParas(c.text).length > 0 &&
    !toParas(c.text).some((p) => L.headerRe.test(p) || L.widgetRe.test(p) || /^\S+:$/.test(p) || TREE_CHARS.test(p) || /^>/.test(p) || /^@/.test(p));
}


// Nested layouts: the largest free threads that fit (see selectThreads), depth capped at L.cap.
const selectNested = (a, L) => selectThreads(buildTree(a, L.cap).roots, usableFor(L), { perPage: COMMENTS_PER_PAGE, maxThread: MAX_THREAD, title: a.title });

// ---------------------------------------------------------------------------
// Page writing

// The header line of comment c, as { lead, text }: `lead` is the whitespace before
// the trimmed header text on its line.
function headerOf(layout, c, cs) {
  switch (layout) {
    case 'r':
      return { lead: ' '.repeat(4 * c.depth), text: `@${c.user} ${c.ago}${c.edited ? ' (edited)' : ''}` };
    case 's':
      return { lead: ' '.repeat(3 * c.depth), text: `${c.user} ${c.ago} |${c.depth > 0 ? ' parent |' : ''} next [–]` };
    case 't':
      return { lead: '', text: `On ${emailDate(c.time)}, ${c.user} wrote:` };
    case 'u':
      return { lead: ' '.repeat(2 * c.depth), text: `${c.author} @${c.user} · ${xDate(c.time)}` };
    case 'v':
      return { lead: ' '.repeat(4 * c.depth), text: `Comment #${c.index + 1} by ${c.user} on ${wpDate(c.time)}` };
    case 'w': {
      const isLast = (x) => x.parent === null || !cs.some((y) => y.index > x.index && y.parent === x.parent);
      let prefix = '';
      if (c.depth === 2) prefix = isLast(cs[c.parent]) ? '   ' : '│  ';
      if (c.depth >= 1) prefix += isLast(c) ? '└─ ' : '├─ ';
      const lead = prefix.match(/^ */)[0];
      return { lead, text: `${prefix.slice(lead.length)}${c.user}:` };
    }
  }
  throw new Error(`layout ${layout}`);
}
// The widget line under a comment's text (r, s, u), or null.
function widgetOf(layout, c) {
  const n = (k, one, many) => `${k} ${k === 1 ? one : many}`;
  if (layout === 'r') return c.likes > 0 ? `${c.likes} \u{1F44D} Reply` : '\u{1F44D} Reply';
  if (layout === 's') return 'reply';
  if (layout === 'u') return `${n(c.replies, 'reply', 'replies')} ${n(c.reposts, 'repost', 'reposts')} ${n(c.likesU, 'like', 'likes')}`;
  return null;
}
const viewLine = (k) => `View ${k === 1 ? '1 reply' : `${k} replies`}`;

// ---------------------------------------------------------------------------
// Build

const summary = [];
const pages = [];
PAGE_CONFIG.forEach((cfg, pi) => {
  const a = articles[cfg.article];
  const L = LAYOUTS[cfg.layout];
  const flat = cfg.layout === 't';
  const doc = `${slugify(a.title)}-d`;
  const eol = cfg.crlf ? '\r\n' : '\n';
  const rng = mulberry32(SEED + 7919 * (pi + 1));
  const sel = flat ? selectFlat(a, usableFor(L), COMMENTS_PER_PAGE) : selectNested(a, L);
  if (sel.length !== COMMENTS_PER_PAGE) throw new Error(`${doc}: ${sel.length} comments`);
  const cs = pageComments(sel, doc, (n) => ({ quotedPos: n.c.quotedPos, quote: [] }));
  for (const c of cs) c.children = [];
  for (const c of cs) if (c.parent !== null) cs[c.parent].children.push(c);

  // two-paragraph comments: at least one per page
  splitLongComments(cs, pi, 1, doc);

  // timestamps (see assignTimes)
  const last = assignTimes(cs, a.date, rng);
  // scrape moments: HN 90 minutes after the last comment; YouTube 3 years and 40 days after it
  const scrape = cfg.layout === 'r' ? Date.UTC(a.date.y + 3, a.date.m - 1, a.date.d) + 40 * 86400000 : last + 90 * 60000;
  for (const c of cs) {
    const sec = Math.round((scrape - c.time) / 1000);
    c.ago = cfg.layout === 'r' ? ytAgo(sec) : hnAgo(sec);
  }
  // per-layout decorations, all from the page's PRNG in page order
  for (const c of cs) {
    const r1 = rng();
    const r2 = rng();
    const r3 = rng();
    // r: likes (mostly small, replies lower, many 0 => bare "👍 Reply"); "(edited)" on about 1 in 5
    c.likes = Math.max(0, Math.floor(r1 ** 3 * (c.depth === 0 ? 400 : 40)) - randInt(rng, 0, 3));
    c.edited = r2 < 0.2;
    // u: replies >= replies shown on the page, reposts, likes
    c.replies = c.children.length + (r3 < 0.3 ? randInt(rng, 1, 3) : 0);
    c.reposts = Math.floor(r2 ** 3 * 12);
    c.likesU = Math.floor(r1 ** 2 * (c.depth === 0 ? 90 : 30));
  }
  // u: the author is the invented display name (a clash on the page keeps the user name)
  if (cfg.layout === 'u') {
    const taken = new Map();
    for (const c of cs) {
      let dn = displayNameOf(c.user);
      if (taken.has(dn) && taken.get(dn) !== c.user) dn = c.user;
      taken.set(dn, c.user);
      c.author = dn;
    }
  }
  // t: a reply quotes one or two wrapped lines (width 66) of the comment it answers
  // (the addressee's most recent earlier comment, on the page or not); the replies
  // on the page take 1, 2, 0, 1, 1, 2, 0, 1, ... quoted lines in turn
  if (flat) {
    let k = 0;
    for (const c of cs) {
      if (c.quotedPos === null) continue;
      const lines = wrap(a.comments[c.quotedPos].text, 66);
      const want = [1, 2, 0, 1][k++ % 4];
      if (!want) continue;
      c.quote = lines.slice(0, want).map((l) => `> ${l}`);
      c.paras[0] = [...c.quote, ...c.paras[0]];
    }
  }

  // --- write the page
  const page = new Page(doc, eol, a.title);
  writeArticle(page, a, cfg, DATE_FORMATS);
  cs.forEach((c, i) => {
    if (i > 0 && !(cfg.layout === 'w' && c.depth > 0)) page.nl(); // w: no blank line inside a thread
    const h = headerOf(cfg.layout, c, cs);
    const header = page.header(h.text, h.lead);
    const indent = ' '.repeat(L.step * c.depth);
    const span = page.paras(c.paras, indent);
    page.comment(c, span, header);
    const wdg = widgetOf(cfg.layout, c);
    if (wdg) page.line('footer', wdg, indent);
    if (cfg.layout === 'r' && c.children.length) {
      page.nl();
      page.line('footer', viewLine(c.children.length), ' '.repeat(L.step * (c.depth + 1)));
    }
  });
  if (cfg.layout === 'v') {
    page.nl();
    page.line('footer', POST_A_COMMENT);
  }
  writeCopyright(page, cfg);

  pages.push({ page, cfg, cs });
  const depths = [0, 1, 2, 3].map((d) => cs.filter((c) => c.depth === d).length);
  summary.push({
    doc,
    layout: L.name,
    comments: cs.length,
    depths: depths.join('/'),
    multiPara: cs.filter((c) => c.paras.length > 1).map((c) => c.index).join(',') || '-',
    quoted: flat ? cs.filter((c) => c.quote.length).map((c) => `${c.index}:${c.quote.length}`).join(',') : '-',
    records: page.records.length,
    kinds: kindCounts(page.records),
  });
});

writeOutput(pages, PAGES_DIR, GOLD_FILE);

// ---------------------------------------------------------------------------
// Verification against the files as written (re-read from disk): the shared
// checks of verifyPages plus the layout-specific ones below

const WIDGET_LAYOUTS = ['r', 's', 'u']; // a widget line follows every comment text
// A trimmed line that has the shape of a header or widget line of layout L.
const shapeOf = (L, cfg, ln) => L.headerRe.test(ln) || L.widgetRe.test(ln) || (cfg.layout === 'v' && ln === POST_A_COMMENT);

const check = {
  kind: (text, { cfg }) =>
    chromeKind(text, articles[cfg.article], cfg, DATE_FORMATS, (t) => (cfg.layout === 'v' && t === POST_A_COMMENT) || LAYOUTS[cfg.layout].widgetRe.test(t)),
  indent: ({ cfg }, c) => ' '.repeat(LAYOUTS[cfg.layout].step * c.depth),
  cap: ({ cfg }) => LAYOUTS[cfg.layout].cap,
  textLine({ cfg }, tl) {
    if (shapeOf(LAYOUTS[cfg.layout], cfg, tl) || TREE_CHARS.test(tl) || (cfg.layout === 'w' && /^\S+:$/.test(tl)))
      return `text line looks like a header or widget: ${JSON.stringify(tl)}`;
    return null;
  },
  comment({ doc, info, s, err, lineStart, nextLine, comments, footers }, c) {
    const { cfg } = info;
    const L = LAYOUTS[cfg.layout];
    const h = c.header;
    if (/\n/.test(h.text)) err(doc, `comment ${c.index}: header spans lines`);
    const lead = s.slice(lineStart(h.start), h.start);
    if (!/^ *$/.test(lead)) err(doc, `comment ${c.index}: header line starts with non-space outside the header`);
    const m = h.text.match(L.headerRe);
    if (!m || m[1] !== c.author) err(doc, `comment ${c.index}: author ${JSON.stringify(c.author)} vs header ${JSON.stringify(h.text)}`);
    // header indentation (w: tree prefix) encodes the depth
    const textIndent = ' '.repeat(L.step * c.depth);
    if (cfg.layout === 'w') {
      const treePrefix = lead + h.text.slice(0, h.text.length - (m ? m[1].length + 1 : 0));
      if (treePrefix.length !== 3 * c.depth) err(doc, `comment ${c.index}: tree prefix ${JSON.stringify(treePrefix)} does not match depth ${c.depth}`);
    } else if (lead !== textIndent) err(doc, `comment ${c.index}: header indentation does not match depth ${c.depth}`);
    // r, s, u: the widget line follows the text directly, at the same indent
    if (WIDGET_LAYOUTS.includes(cfg.layout)) {
      const next = nextLine(c.end);
      const w = footers.find((x) => x.start === next + textIndent.length);
      if (!w || !L.widgetRe.test(w.text) || /^View /.test(w.text) || s.slice(next, w.start) !== textIndent) err(doc, `comment ${c.index}: widget line missing after the text`);
      const kids = comments.filter((x) => x.parent === c.index).length;
      const shown = w && w.text.match(/^\d+/);
      if (cfg.layout === 'u' && (!shown || +shown[0] < kids)) err(doc, `comment ${c.index}: fewer replies counted than shown`);
    }
  },
  page({ doc, rs, info, s, err, lineStart, comments, footers }) {
    const { cfg } = info;
    const a = articles[cfg.article];
    const L = LAYOUTS[cfg.layout];
    if (/\n\r?\n\r?\n\r?\n/.test(s)) err(doc, 'three blank lines in a row');
    // the thread: blocks (comment = header..widget or text end; r's "View" lines) in
    // page order, separated by the layout's number of blank lines
    {
      const blocks = [];
      for (const c of comments) {
        const w = WIDGET_LAYOUTS.includes(cfg.layout) ? footers.find((x) => x.start > c.end) : null;
        blocks.push({ start: c.header.start, end: w ? w.end : c.end, c });
      }
      for (const f of footers) if (/^View /.test(f.text)) blocks.push({ start: f.start, end: f.end, view: f });
      blocks.sort((x, y) => x.start - y.start);
      for (let i = 1; i < blocks.length; i++) {
        const b = blocks[i];
        const blank = cfg.layout === 'w' && b.c && b.c.depth > 0 ? 0 : 1;
        const between = s.slice(blocks[i - 1].end, b.start);
        if (between.replace(/[ \t]/g, '') !== info.page.eol.repeat(blank + 1)) err(doc, `thread block at ${b.start}: not preceded by exactly ${blank} blank line(s)`);
      }
      // r: a "View N replies" line comes right before each group of replies, at the
      // replies' indent, and N is the number of direct replies shown
      if (cfg.layout === 'r')
        blocks.forEach((b, i) => {
          if (!b.c) return;
          const kids = comments.filter((x) => x.parent === b.c.index);
          const nb = blocks[i + 1];
          if (kids.length) {
            if (!nb || !nb.view || nb.view.text !== viewLine(kids.length) || !blocks[i + 2] || blocks[i + 2].c !== kids[0])
              err(doc, `comment ${b.c.index}: "View N replies" line missing or wrong`);
            else if (s.slice(lineStart(nb.start), nb.start) !== ' '.repeat(L.step * (b.c.depth + 1))) err(doc, `comment ${b.c.index}: "View" line indent`);
          } else if (nb && nb.view) err(doc, `comment ${b.c.index}: "View" line without replies`);
        });
      // nothing else in the thread region: only blocks, whitespace, and after it the
      // page-end footers
      const first = blocks[0].start;
      const lastEnd = blocks[blocks.length - 1].end;
      for (const r of rs) if (r.start >= first && r.end <= lastEnd && r.kind !== 'comment' && !L.widgetRe.test(r.text)) err(doc, `${r.kind} record inside the thread`);
      const before = s.slice(0, first);
      if (!/\S\r?\n\r?\n\r?\n$/.test(before)) err(doc, 'thread not preceded by exactly two blank lines');
    }
    // w: └─ marks the last reply of its parent on the page; depth 2 keeps │ where the
    // depth-1 parent has a later sibling
    if (cfg.layout === 'w')
      for (const c of comments) {
        if (c.depth === 0) continue;
        const isLast = (x) => !comments.some((y) => y.index > x.index && y.parent === x.parent);
        const full = s.slice(lineStart(c.header.start), c.header.end);
        const want = (c.depth === 2 ? (isLast(comments[c.parent]) ? '   ' : '│  ') : '') + (isLast(c) ? '└─ ' : '├─ ');
        if (!full.startsWith(want)) err(doc, `comment ${c.index}: tree prefix should be ${JSON.stringify(want)}`);
      }
    // t: quoted lines open the first paragraph and are the start of the quoted comment
    if (cfg.layout === 't') {
      const nq = [0, 0, 0];
      for (const c of comments) {
        const src = info.cs[c.index];
        const tl = c.text.split(/\r?\n/);
        const q = [];
        while (tl.length && tl[0].startsWith('> ')) q.push(tl.shift().slice(2));
        nq[Math.min(q.length, 2)]++;
        if (tl.some((l) => l.startsWith('>'))) err(doc, `comment ${c.index}: quote line after the text`);
        if (q.length && (src.quotedPos === null || !norm(a.comments[src.quotedPos].text).startsWith(q.join(' ')))) err(doc, `comment ${c.index}: quote is not the start of the quoted comment`);
        if (q.length !== src.quote.length) err(doc, `comment ${c.index}: quote lines`);
        if (q.length && tl[0] === '') err(doc, `comment ${c.index}: blank line right after the quote`);
      }
      if (!nq[1] || !nq[2]) err(doc, 'need comments with one and with two quoted lines');
    }
    if (cfg.layout !== 't' && !comments.some((c) => c.depth >= 2)) err(doc, 'nested page without depth 2');
    if (comments.some((c) => c.header === null || c.text === '' || c.author === null)) err(doc, 'empty/headerless/authorless comment');
    if (cfg.layout === 'r') {
      if (!footers.some((f) => /^\u{1F44D} Reply$/u.test(f.text)) || !footers.some((f) => /^\d+ \u{1F44D} Reply$/u.test(f.text))) err(doc, 'need bare and counted 👍 widgets');
      if (!comments.some((c) => c.header.text.endsWith(' (edited)'))) err(doc, 'no (edited) header');
    }
    if (cfg.layout === 'u' && !comments.some((c) => / /.test(c.author))) err(doc, 'no multi-word display name');
  },
};

function verify() {
  const v = verifyPages({ goldFile: GOLD_FILE, pagesDir: PAGES_DIR, pages, perPage: COMMENTS_PER_PAGE, check });
  const { err } = v;
  // disjointness from the earlier held-out sets
  // (1) independent text comparison against the set-B and set-C gold (author ignored;
  //     set C's "@addressee " prefix stripped)
  const seen = new Set();
  for (const r of [...prior.B, ...prior.C]) if (r.kind === 'comment' && r.text !== '') seen.add(norm(r.text).replace(/^@\S+ /, ''));
  // (2) the rules: the first set's documented selection (file position < 40 or thread
  //     root rank < 40) and set B's last thread root per article
  for (const { page, cfg, cs } of pages) {
    const a = articles[cfg.article];
    for (const c of cs) {
      const src = a.comments[c.pos];
      if (seen.has(norm(src.text)) || seen.has(norm(src.text).replace(/^@\S+ /, ''))) err(page.doc, `comment ${c.index} also appears in set B or C`);
      if (src.pos < A_LIMIT || src.rootRank < A_LIMIT) err(page.doc, `comment ${c.index} is reachable by the first set's selection`);
      if (src.rootPos <= maxBRoot[cfg.article]) err(page.doc, `comment ${c.index} is in a thread at or before set B's last thread`);
    }
  }
  // the matching itself must account for every earlier comment except the known
  // unmatchable ones (set B: 2 emptied; set C: 1 "[removed]")
  if (usedB.unmatched.some((r) => r.text !== '') || usedB.unmatched.length !== 2) err('*', `set-B gold matching: ${usedB.unmatched.length} unmatched`);
  if (usedC.unmatched.length !== 1 || usedC.unmatched[0].text !== '[removed]') err('*', `set-C gold matching: ${usedC.unmatched.length} unmatched`);
  return v;
}

const v = verify();
printSummary(DATA_DIR, summary, { doc: 62, layout: 80, cmts: 5, 'd0/1/2/3': 11, '2-para': 9, quoted: 16 }); // columns: the summary rows' first values
report(v, pages.length, { repoRoot: REPO_ROOT, pagesDir: PAGES_DIR, goldFile: GOLD_FILE });
