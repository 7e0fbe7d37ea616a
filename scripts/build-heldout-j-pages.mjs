#!/usr/bin/env node
// Held-out segmentation pages, set J (layouts bc–bh).
//
// Builds tests/heldout-j/pages/*.txt and tests/heldout-j/segment.gold.jsonl from the Fox News
// comments dataset, then re-reads the files from disk and checks them (see tests/heldout-j/README.md).
//
//   node scripts/build-heldout-j-pages.mjs                 # shared dir defaults to <repo>/../shared
//   node scripts/build-heldout-j-pages.mjs /path/to/shared
//
// Plain Node >= 20, no dependencies, no imports other than node:fs, node:path and node:url. It reads
// nothing but the dataset, reads no clock, and its only randomness is a fixed-seed PRNG, so two runs
// give byte-identical output. Gold offsets are taken while the page text is being written, never by
// searching the finished text. Helpers (PRNG, hash, slug rule, reply tree, paragraph splits, page
// writer, structure of the checks) follow scripts/build-heldout-i-pages.mjs.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = path.resolve(process.argv[2] ?? path.join(REPO, '..', 'shared'));
const DATA_DIR = path.join(SHARED, 'datasets', 'fox-news-comments');
const OUT_DIR = path.join(REPO, 'tests', 'heldout-j');
const PAGES_DIR = path.join(OUT_DIR, 'pages');
const GOLD_FILE = path.join(OUT_DIR, 'segment.gold.jsonl');

const N_COMMENTS = 20;
const BOM = '\uFEFF';
const TAB = '\t';

// ---------------------------------------------------------------------------------------------
// Small helpers

function fnv1a(str) {
  let h = 0x811c9dc5;
  for (let i = 0; i < str.length; i++) {
    h ^= str.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];
const SHORT_MONTHS = MONTHS.map((m) => m.slice(0, 3));
// AP style month abbreviations (March–July are spelled out)
const AP_MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const SHORT_DAYS = DAYS.map((d) => d.slice(0, 3));
const pad2 = (n) => String(n).padStart(2, '0');
const yy = (y) => String(y).slice(2);
const h12 = (hh) => (hh % 12 === 0 ? 12 : hh % 12);
const ampm = (hh) => (hh < 12 ? 'AM' : 'PM');
const thousands = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Minutes since the epoch of a wall-clock time (no time zone; UTC arithmetic). */
const minutesOf = (y, m, d, hh = 0, mm = 0) => Date.UTC(y, m - 1, d, hh, mm) / 60000;
function wallClock(min) {
  const t = new Date(min * 60000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), hh: t.getUTCHours(), mm: t.getUTCMinutes(), wd: t.getUTCDay() };
}

/** Same slug rule as the earlier sets: lower case, non-alphanumeric runs → "-", at most 60 characters, cut at a "-". */
function slugify(title) {
  let s = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (s.length > 60) {
    s = s.slice(0, 61);
    s = s.slice(0, s.lastIndexOf('-'));
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Dataset

function loadDataset() {
  const lines = fs.readFileSync(path.join(DATA_DIR, 'fox-news-comments.json'), 'utf8').split('\n').filter((l) => l.trim() !== '');
  const articles = [];
  for (const line of lines) {
    const c = JSON.parse(line);
    let a = articles.find((x) => x.title === c.title);
    if (!a) {
      a = { title: c.title, meta: c.meta, comments: [] };
      articles.push(a);
    }
    if (c.meta !== a.meta) throw new Error(`two descriptions for ${a.title}`);
    c.pos = a.comments.length;
    a.comments.push(c);
  }
  const urls = fs.readFileSync(path.join(DATA_DIR, 'comment-url.txt'), 'utf8').split('\n').filter((l) => l.trim() !== '');
  if (urls.length !== articles.length) throw new Error(`${urls.length} URLs for ${articles.length} articles`);
  articles.forEach((a, i) => {
    const m = /\/(\d{4})\/(\d{2})\/(\d{2})\//.exec(urls[i]);
    if (!m) throw new Error(`no date in ${urls[i]}`);
    a.date = { y: +m[1], m: +m[2], d: +m[3] };
    a.date.wd = wallClock(minutesOf(a.date.y, a.date.m, a.date.d)).wd;
    a.slug = slugify(a.title);
    a.index = i;
  });
  return articles;
}

/** The addressee of a comment: its first @mention (mentions split at whitespace and commas), without "@". */
const addresseeOf = (c) =>
  String(c.mentions || '').split(/[\s,]+/).filter((x) => x.startsWith('@')).map((x) => x.slice(1)).filter(Boolean)[0] ?? null;

/** The first 20 comments of the article in dataset order, skipping empty texts. */
function firstComments(article) {
  const out = article.comments.filter((c) => c.text.trim() !== '').slice(0, N_COMMENTS);
  if (out.length !== N_COMMENTS) throw new Error(`${article.slug}: only ${out.length} comments`);
  for (const c of out) {
    if (c.text !== c.text.trim()) throw new Error(`${article.slug}: untrimmed text at ${c.pos}`);
    if (/[\r\n\t\u00a0\u202f\ufeff]/.test(c.text)) throw new Error(`${article.slug}: unexpected whitespace in text at ${c.pos}`);
    if (!/^[A-Za-z0-9_]+$/.test(c.user)) throw new Error(`${article.slug}: unusual user name at ${c.pos}`);
  }
  return out;
}

/**
 * Reply tree over the selected comments: the parent is the most recent earlier comment of the article
 * by the addressee. The selection is a prefix of the article, so that parent is always selected.
 * Depths beyond `cap` are re-attached to their ancestor at depth cap − 1.
 * Returns the comments in display order (pre-order, roots and children in file order) with depth.
 */
function replyTree(article, selected, cap) {
  const chosen = new Set(selected);
  const node = new Map(selected.map((c) => [c, { c, parent: null, children: [], depth: 0, addressee: addresseeOf(c), natural: null }]));
  for (const c of selected) {
    const n = node.get(c);
    if (!n.addressee) continue;
    for (let p = c.pos - 1; p >= 0; p--) {
      const e = article.comments[p];
      if (e.user === n.addressee) {
        if (!chosen.has(e)) throw new Error('parent outside the selection');
        n.parent = node.get(e);
        break;
      }
    }
  }
  let capped = 0;
  for (const c of selected) {
    const n = node.get(c);
    n.natural = n.parent;
    n.depth = n.parent ? n.parent.depth + 1 : 0;
    if (n.depth > cap) {
      let a = n.parent;
      while (a.depth > cap - 1) a = a.parent;
      n.parent = a;
      n.depth = cap;
      capped++;
    }
    if (n.parent) n.parent.children.push(n);
  }
  const order = [];
  const walk = (n) => {
    order.push(n);
    for (const ch of n.children) walk(ch);
  };
  for (const c of selected) if (!node.get(c).parent) walk(node.get(c));
  return { order, capped };
}

/** The addressee's most recent earlier comment in the article (any position), or null. */
function addresseeComment(article, c) {
  const a = addresseeOf(c);
  if (!a) return null;
  for (let p = c.pos - 1; p >= 0; p--) if (article.comments[p].user === a) return article.comments[p];
  return null;
}

// ---------------------------------------------------------------------------------------------
// Paragraph splits (artificial: the dataset has no paragraphs)

const BOUNDARY = /[.!?][”"'’)\]]? (?=\S)/g;
const MIN_PART = 40;

function splitCandidates(text) {
  const out = [];
  for (const m of text.matchAll(BOUNDARY)) out.push(m.index + m[0].length - 1); // index of the space
  return out;
}

/** Split points for `parts` paragraphs (2 or 3), or null. */
function splitPoints(text, parts) {
  const L = text.length;
  const cand = splitCandidates(text);
  if (parts === 2) {
    if (L < 160) return null;
    let best = null;
    for (const i of cand) {
      if (i < MIN_PART || L - i - 1 < MIN_PART) continue;
      if (best === null || Math.abs(i - L / 2) < Math.abs(best - L / 2)) best = i;
    }
    return best === null ? null : [best];
  }
  if (parts === 3) {
    if (L < 360) return null;
    let best = null;
    let score = Infinity;
    for (const i of cand) {
      for (const j of cand) {
        if (j <= i || i < MIN_PART || j - i - 1 < MIN_PART || L - j - 1 < MIN_PART) continue;
        const s = Math.abs(i - L / 3) + Math.abs(j - (2 * L) / 3);
        if (s < score) {
          score = s;
          best = [i, j];
        }
      }
    }
    return best;
  }
  return null;
}

function cutAt(text, points) {
  const out = [];
  let from = 0;
  for (const p of points) {
    out.push(text.slice(from, p));
    from = p + 1;
  }
  out.push(text.slice(from));
  return out;
}

/**
 * Paragraphs of one comment. mode = (file position + page number) % 3: 0 → as many paragraphs as
 * possible (up to 3), 1 → at most 2, 2 → 1. Layouts that print a message as one line get 1.
 */
function paragraphsOf(c, pageNo, allowParas) {
  if (!allowParas) return [c.text];
  const mode = (c.pos + pageNo) % 3;
  const tries = mode === 0 ? [3, 2] : mode === 1 ? [2] : [];
  for (const k of tries) {
    const pts = splitPoints(c.text, k);
    if (pts) return cutAt(c.text, pts);
  }
  return [c.text];
}

/**
 * Hard wrap (bh): greedy, lines of at most `width` characters, broken only at a single space between
 * two non-space characters, so that joining the lines with one space gives back the paragraph. A word
 * longer than the width stays whole on its own line.
 */
function wrapLines(p, width) {
  const breaks = [];
  for (let i = 1; i < p.length - 1; i++) if (p[i] === ' ' && p[i - 1] !== ' ' && p[i + 1] !== ' ') breaks.push(i);
  const lines = [];
  let s = 0;
  while (p.length - s > width) {
    let b = -1;
    for (const x of breaks) {
      if (x <= s) continue;
      if (x - s <= width) b = x;
      else {
        if (b < 0) b = x; // a word longer than the width
        break;
      }
    }
    if (b < 0) break;
    lines.push(p.slice(s, b));
    s = b + 1;
  }
  lines.push(p.slice(s));
  if (lines.join(' ') !== p) throw new Error('wrap does not join back');
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Page writer: offsets are taken while the text is written.

class Page {
  constructor(doc, eol) {
    this.doc = doc;
    this.eol = eol;
    this.s = '';
    this.records = [];
  }

  /** Append text that contains no line break; returns its offsets. */
  write(str) {
    if (/[\r\n]/.test(str)) throw new Error(`line break in write(): ${JSON.stringify(str.slice(0, 40))}`);
    const start = this.s.length;
    this.s += str;
    return { start, end: this.s.length };
  }

  nl(n = 1) {
    this.s += this.eol.repeat(n);
  }

  span(start, end) {
    return { start, end, text: this.s.slice(start, end) };
  }

  /** A one-line non-comment record; `lead` is written before it and is not part of the span. Ends the line. */
  line(kind, str, lead = '') {
    this.write(lead);
    const r = this.write(str);
    this.records.push({ doc: this.doc, start: r.start, end: r.end, text: str, kind });
    this.nl();
    return r;
  }

  /**
   * Paragraphs separated by one empty line. Each paragraph is one line, or, with `width`, several
   * hard-wrapped lines. The first paragraph's line may already be open (firstOpen). Does not end the
   * last line. Returns the span from the first character of the first paragraph to the last one.
   */
  paras(ps, { firstOpen = false, width = 0 } = {}) {
    let start = null;
    let end = null;
    ps.forEach((p, k) => {
      if (k > 0) this.nl(2);
      const lines = width ? wrapLines(p, width) : [p];
      lines.forEach((l, q) => {
        if (q > 0) this.nl();
        const r = this.write(l);
        if (start === null) start = r.start;
        end = r.end;
      });
    });
    if (firstOpen && start === null) throw new Error('empty comment');
    return { start, end };
  }

  /**
   * Header lines: one span from the first non-space character of the first line to the end of the
   * last line (lines may carry their own leading spaces). Ends the last line.
   */
  headerBlock(lines) {
    let start = null;
    let end = null;
    lines.forEach((l, k) => {
      if (k > 0) this.nl();
      const r = this.write(l);
      if (start === null) start = r.start + (l.length - l.trimStart().length);
      end = r.end;
    });
    this.nl();
    return this.span(start, end);
  }

  comment(fields, span, header) {
    const text = this.s.slice(span.start, span.end);
    this.records.push({ doc: this.doc, start: span.start, end: span.end, text, kind: 'comment', index: fields.index,
      author: fields.author, depth: fields.depth, parent: fields.parent,
      header: header ? { start: header.start, end: header.end, text: header.text } : null });
  }
}

// ---------------------------------------------------------------------------------------------
// Pages

const LINE_GROUP = 'Fox News readers';
const GG_GROUP = 'Fox News Comments';
const GG_TO = `to ${GG_GROUP}`;
const GG_READ = 7; // messages #0–#6 were read before (no `unread,` line)
const GG_VIEWS = 1873;
const FOSSIL_TAIL = 'This page was generated in about 0.012s by Fossil 2.10 [9d94aaa11f]';
const DM_RATE = 'Click to rate';
const DM_VIEWS = 'The views expressed in the contents above are those of our users and do not necessarily reflect the views of MailOnline.';
const FIDO_RULE = '='.repeat(79);
const FIDO_WIDTH = 76;
const FIDO_SUBJ_MAX = 71;

// Yelp-like locations (real US city/state pairs; indexed by a hash of the user name, meaning nothing about the user)
const YELP_CITIES = ['San Diego, CA', 'Austin, TX', 'Columbus, OH', 'St. Louis, MO', 'Salt Lake City, UT', 'Boise, ID',
  'Tampa, FL', 'Raleigh, NC', 'Portland, OR', 'Omaha, NE', 'Fort Worth, TX', 'Albuquerque, NM', 'Baton Rouge, LA',
  'Knoxville, TN', 'Colorado Springs, CO', 'Grand Rapids, MI', 'Scottsdale, AZ', 'Charleston, SC', 'Des Moines, IA',
  'Virginia Beach, VA', 'Spokane, WA', 'Green Bay, WI', 'Bakersfield, CA', 'Winston-Salem, NC'];
// Daily Mail-like locations (city, country)
const DM_PLACES = ['London, United Kingdom', 'Houston, United States', 'Toronto, Canada', 'Sydney, Australia',
  'Dublin, Ireland', 'New York, United States', 'Manchester, United Kingdom', 'Auckland, New Zealand',
  'Cape Town, South Africa', 'Phoenix, United States', 'Vancouver, Canada', 'Perth, Australia', 'Glasgow, United Kingdom',
  'Tel Aviv, Israel', 'Atlanta, United States', 'Brisbane, Australia'];
// Fidonet: BBS names for the origin lines and mail-reader tearlines (invented assignment per user)
const FIDO_BBS = ['Liberty Line BBS', 'The Back Porch', 'Capitol Hill Exchange', 'Prairie Node', 'Night Owl BBS',
  'Lone Star Link', 'Harbor Light BBS', 'Blue Ridge Station'];
const FIDO_TEARS = ['--- GoldED+/W32-MINGW 1.1.5-b20060515', '--- FMail 1.60', '--- Blue Wave/DOS v2.30',
  '--- Hpt/w32 1.9.0-cur', '--- timEd/386 1.10.y2k+', '--- SBBSecho 3.00-Win32'];

const PAGES = [
  { layout: 'bc', article: 'Navy names ship', eol: '\r\n', bom: false, nested: false, paras: false, gaps: [20, 300],
    dateline: (d) => `Published 6:00 a.m. ET ${AP_MONTHS[d.m - 1]} ${d.d}, ${d.y}`,
    before: [], bodyParas: 1,
    after: [['caption', 'A Navy replenishment oiler under way. Credit: U.S. Navy'], ['source', 'Syndicated from FoxNews.com']],
    threadHead: [], // written by the layout (the export's own first lines)
    threadTail: [], pageTail: ['Support local journalism: subscribe today.'] },
  { layout: 'bd', article: 'Texas, 12 states', eol: '\n', bom: true, nested: false, paras: true, gaps: [2, 40],
    dateline: (d) => `${DAYS[d.wd]}, ${MONTHS[d.m - 1]} ${d.d}, ${d.y}`.toUpperCase(),
    before: [['caption', 'The Texas State Capitol in Austin. Image: Reuters/File']], bodyParas: 1,
    after: [['source', 'Article source: FoxNews.com']],
    threadHead: [['title', (a) => a.title], ['footer', () => `${thousands(GG_VIEWS)} views`], ['footer', () => 'Skip to first unread message']],
    threadTail: ['Reply all', 'Reply to author', 'Forward'],
    pageTail: [`You received this message because you are subscribed to the Google Groups "${GG_GROUP}" group.`,
      'To unsubscribe from this group and stop receiving emails from it, send an email to fox-news-comments+unsubscribe@googlegroups.com.'] },
  { layout: 'be', article: 'ICE program', eol: '\n', bom: false, nested: true, cap: 8, paras: true, gaps: [2, 40],
    dateline: (d) => `${d.d}.${d.m}.${d.y}`,
    before: [], bodyParas: 2,
    after: [['caption', 'ICE agents detain a suspect. (U.S. Immigration and Customs Enforcement)'], ['source', 'Originally posted at foxnews.com']],
    threadHead: [], threadTail: [], pageTail: [FOSSIL_TAIL] },
  { layout: 'bf', article: 'First lady', eol: '\n', bom: false, nested: false, paras: true, gaps: [20, 600],
    dateline: null,
    before: [['caption', 'Michelle Obama speaks at a commencement ceremony. (Getty Images)']], bodyParas: 1,
    after: [['source', 'Full story at FoxNews.com']],
    threadHead: [['footer', () => 'Recommended Reviews']],
    threadTail: [(a) => `Page 1 of ${Math.ceil(a.comments.length / N_COMMENTS)}`], pageTail: [] },
  { layout: 'bg', article: 'Black Lives Matter', eol: '\n', bom: false, nested: false, paras: true, gaps: [2, 40],
    dateline: (d) => `Published: 06:00 EDT, ${d.d} ${MONTHS[d.m - 1]} ${d.y} | Updated: 09:14 EDT, ${d.d} ${MONTHS[d.m - 1]} ${d.y}`,
    before: [], bodyParas: 1,
    after: [['caption', 'Pictured: Black Lives Matter protesters march in Philadelphia']],
    threadHead: [['footer', (a) => `Comments (${a.comments.length})`], ['footer', () => 'Share what you think'],
      ['footer', () => 'Newest Oldest Best rated Worst rated']],
    threadTail: [() => 'We are no longer accepting comments on this article.'], pageTail: [DM_VIEWS] },
  { layout: 'bh', article: 'Supreme Court', eol: '\n', bom: false, nested: false, paras: true, gaps: [2, 40],
    dateline: (d) => `${d.y}-${pad2(d.m)}-${pad2(d.d)}T06:00:00-04:00`,
    before: [], bodyParas: 2,
    after: [['caption', 'Image source: Reuters'], ['source', 'Reposted from Fox News Opinion']],
    threadHead: [], threadTail: [], pageTail: ['Like what you read? Chip in to keep this BBS online.'] },
];
const GAP_OF = { bc: 0, bd: 1, be: 1, bf: 1, bg: 1, bh: 1 }; // blank lines between comments (bc: see date lines)

/** Body paragraphs: the one-sentence description, split at the ", " nearest its middle for 2. */
function bodyParas(meta, n) {
  if (n === 1) return [meta];
  let best = -1;
  for (let i = meta.indexOf(', '); i >= 0; i = meta.indexOf(', ', i + 1)) {
    if (best < 0 || Math.abs(i - meta.length / 2) < Math.abs(best - meta.length / 2)) best = i;
  }
  if (best < 0) throw new Error('no ", " in the description');
  return [meta.slice(0, best + 1), meta.slice(best + 2)];
}

// Shapes of the layouts' furniture (also used by the re-parse).
const DAY_RE = '(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat)';
const MON_RE = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const RE = {
  bcTitle: /^\[LINE\] Chat history in .+$/,
  bcSaved: /^Saved on: \d{4}\/\d\d\/\d\d \d\d:\d\d$/,
  bcDay: new RegExp(`^\\d{4}/\\d\\d/\\d\\d\\(${DAY_RE}\\)$`),
  bcMsg: /^(\d\d:\d\d\t([A-Za-z0-9_]+))\t(\S.*)$/,
  bcStamp: /^\d\d:\d\d\t/,
  bdPhoto: /^([A-Za-z0-9_]+)'s profile photo$/,
  bdDate: new RegExp(`^${MON_RE} \\d{1,2}, \\d{4}, \\d{1,2}:\\d\\d:\\d\\d [AP]M$`),
  beHead: /^\((\d+)\) By ([A-Za-z0-9_]+) on (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)(?: in reply to (\d+))? \[link\] \[source\]$/,
  beLike: /^\(\d+\) By /,
  bfLoc: /^[A-Z][A-Za-z.' -]+, [A-Z]{2}$/,
  bfStat: /^(\d+) (friend|review|photo)s?$/,
  bfDate: /^\d{1,2}\/\d{1,2}\/\d{4}$/,
  bfVote: /^(Useful|Funny|Cool)(?: ([1-9]\d*))?$/,
  bgByline: /^([A-Za-z0-9_]+), ([A-Z][A-Za-z. ]+), ([A-Z][A-Za-z ]+), (\d+) (minute|hour|day)s? ago$/,
  bgRating: /^Rating -?\d+$/,
  bhRule: /^=+$/,
  bhMsg: /^ Msg {2}: (\d+) of (\d+)$/,
  bhFrom: new RegExp(`^ From : ([A-Za-z0-9_]+) +(\\d+:\\d+/\\d+\\.\\d+) +(${DAY_RE} \\d\\d ${MON_RE} \\d\\d \\d\\d:\\d\\d)$`),
  bhTo: /^ To {3}: ([A-Za-z0-9_]+)$/,
  bhSubj: /^ Subj : (\S.*)$/,
  bhField: /^ ?(?:Msg|From|To|Subj) *:/,
  bhTear: /^--- \S.*$/,
  bhOrigin: /^ \* Origin: (.+) \((\d+:\d+\/\d+)\)$/,
  bhOriginLike: /^ ?\* Origin:/,
  name: /^[A-Za-z0-9_]+$/,
};

/** A paragraph (or wrapped line) that the layout's grammar would read as furniture: must not occur. */
function furnitureProblem(layout, p) {
  const checks = {
    bc: [RE.bcTitle, RE.bcSaved, RE.bcDay, RE.bcStamp],
    bd: [RE.bdPhoto, /^unread,$/, RE.bdDate, /^to /, /^(?:Reply all|Reply to author|Forward)$/, /^[\d,]+ views$/, /^Skip to first unread message$/],
    be: [RE.beLike],
    bf: [RE.bfLoc, RE.bfStat, RE.bfDate, RE.bfVote, /^(?:Recommended Reviews|Page \d+ of \d+)$/],
    bg: [RE.bgByline, /^Click to rate$/, RE.bgRating, /^We are no longer accepting comments/],
    bh: [RE.bhRule, RE.bhField, /^---/, RE.bhOriginLike],
  }[layout];
  return checks.some((re) => re.test(p));
}

function renderPage(page, pageNo, article) {
  const doc = `${article.slug}-j`;
  const b = new Page(doc, page.eol);
  const d = article.date;

  // Article part: one-line blocks separated by one empty line, then two empty lines.
  const blocks = [['title', article.title]];
  if (page.dateline) blocks.push(['dateline', page.dateline(d)]);
  blocks.push(...page.before);
  for (const p of bodyParas(article.meta, page.bodyParas)) blocks.push(['body', p]);
  blocks.push(...page.after);
  blocks.forEach(([kind, text], k) => {
    if (k > 0) b.nl();
    b.line(kind, text);
  });
  b.nl(2);

  // Comments
  const selected = firstComments(article);
  let order;
  let capped = 0;
  if (page.nested) {
    const t = replyTree(article, selected, page.cap);
    order = t.order;
    capped = t.capped;
  } else order = selected.map((c) => ({ c, depth: 0, parent: null, addressee: addresseeOf(c) }));
  const indexOf = new Map(order.map((n, i) => [n, i]));

  // Timeline in file (chronological) order.
  const rng = mulberry32(fnv1a(`heldout-j:time:${page.layout}`));
  const counts = mulberry32(fnv1a(`heldout-j:counts:${page.layout}`));
  const times = new Map();
  let t = minutesOf(d.y, d.m, d.d, 6, 5 + Math.floor(rng() * 45));
  const [gmin, gmax] = page.gaps;
  for (const [k, c] of selected.entries()) {
    if (k > 0) t += gmin + Math.floor(rng() * (gmax - gmin + 1));
    times.set(c, t);
  }
  const lastTime = t;
  const secondsOf = (c) => fnv1a(`seconds:${c.user}:${c.pos}`) % 60;

  // be: post numbers are the chronological (file) order, 1…20.
  const postNo = new Map(selected.map((c, k) => [c, k + 1]));

  // Thread heading
  if (page.layout === 'bc') {
    const saved = wallClock(lastTime + 97);
    b.line('footer', `[LINE] Chat history in ${LINE_GROUP}`);
    b.line('footer', `Saved on: ${saved.y}/${pad2(saved.m)}/${pad2(saved.d)} ${pad2(saved.hh)}:${pad2(saved.mm)}`);
    b.nl();
  }
  for (const [kind, fn] of page.threadHead) b.line(kind, fn(article));
  if (page.threadHead.length) b.nl();

  const extras = { dayLines: 0, unread: 0, photos: 0, votes: 0, ages: new Set(), ratings: [], replyLines: 0, wrapped: 0, toUser: 0 };
  let lastDay = null;
  order.forEach((n, i) => {
    const c = n.c;
    const ps = paragraphsOf(c, pageNo, page.paras);
    if (ps.join(' ') !== c.text) throw new Error(`${doc}: split does not join back`);
    for (const p of ps) {
      const lines = page.layout === 'bh' ? wrapLines(p, FIDO_WIDTH) : [p];
      for (const l of lines) if (furnitureProblem(page.layout, l)) throw new Error(`${doc}: paragraph looks like furniture: ${l}`);
    }
    const depth = n.depth;
    const parent = n.parent ? indexOf.get(n.parent) : null;
    const w = wallClock(times.get(c));
    let hdr;
    let span;
    if (page.layout === 'bc') {
      // LINE: a date line opens each day (after one empty line, except the first); no other empty lines.
      const day = `${w.y}/${pad2(w.m)}/${pad2(w.d)}(${SHORT_DAYS[w.wd]})`;
      if (day !== lastDay) {
        if (lastDay !== null) b.nl();
        b.line('footer', day);
        lastDay = day;
        extras.dayLines++;
      }
    } else if (i > 0) b.nl(GAP_OF[page.layout]);
    switch (page.layout) {
      case 'bc': {
        // LINE chat history export: `HH:MM<TAB>name<TAB>text`, one message per line.
        const h = b.write(`${pad2(w.hh)}:${pad2(w.mm)}${TAB}${c.user}`);
        hdr = b.span(h.start, h.end);
        b.write(TAB);
        span = b.paras(ps, { firstOpen: true });
        b.nl();
        break;
      }
      case 'bd': {
        // Google Groups conversation, copied from the browser: avatar alt text, name, [unread,], date, recipients.
        const lines = [`${c.user}'s profile photo`, c.user];
        if (i >= GG_READ) {
          lines.push('unread,');
          extras.unread++;
        }
        lines.push(`${SHORT_MONTHS[w.m - 1]} ${w.d}, ${w.y}, ${h12(w.hh)}:${pad2(w.mm)}:${pad2(secondsOf(c))} ${ampm(w.hh)}`);
        lines.push(GG_TO);
        hdr = b.headerBlock(lines);
        span = b.paras(ps);
        b.nl();
        break;
      }
      case 'be': {
        // Fossil-like forum, hierarchical view copied without its indentation: `(N) By user on … in reply to M`.
        const reply = n.parent ? ` in reply to ${postNo.get(n.parent.c)}` : '';
        if (n.parent) extras.replyLines++;
        const stamp = `${w.y}-${pad2(w.m)}-${pad2(w.d)} ${pad2(w.hh)}:${pad2(w.mm)}:${pad2(secondsOf(c))}`;
        hdr = b.headerBlock([`(${postNo.get(c)}) By ${c.user} on ${stamp}${reply} [link] [source]`]);
        span = b.paras(ps);
        b.nl();
        break;
      }
      case 'bf': {
        // Yelp-like review: name, city, friends, reviews, [photos], date; text; three vote buttons.
        const h = fnv1a(`yelp:${c.user}`);
        const friends = fnv1a(`friends:${c.user}`) % 10 ** (1 + (h % 3));
        const reviews = 1 + (fnv1a(`reviews:${c.user}`) % 10 ** (1 + ((h >>> 4) % 3)));
        const lines = [c.user, YELP_CITIES[fnv1a(`city:${c.user}`) % YELP_CITIES.length], plural(friends, 'friend'), plural(reviews, 'review')];
        if ((h >>> 8) % 3 === 0) {
          lines.push(plural(1 + (fnv1a(`photos:${c.user}`) % 60), 'photo'));
          extras.photos++;
        }
        lines.push(`${w.m}/${w.d}/${w.y}`);
        hdr = b.headerBlock(lines);
        span = b.paras(ps);
        b.nl();
        const r1 = counts();
        const r2 = counts();
        const r3 = counts();
        const votes = [['Useful', Math.floor(r1 * r1 * r1 * 25)], ['Funny', Math.floor(r2 * r2 * r2 * r2 * 9)], ['Cool', Math.floor(r3 * r3 * r3 * 12)]];
        for (const [label, v] of votes) {
          b.line('footer', v > 0 ? `${label} ${v}` : label);
          if (v > 0) extras.votes++;
        }
        break;
      }
      case 'bg': {
        // Daily Mail-like: text, then the byline `name, City, Country, age`, then the rating widget.
        span = b.paras(ps);
        b.nl();
        const scrape = minutesOf(d.y, d.m, d.d + 1, 9, 0);
        const age = scrape - times.get(c);
        const ageText = age >= 1440 ? `${plural(Math.floor(age / 1440), 'day')} ago` : age >= 60 ? `${plural(Math.floor(age / 60), 'hour')} ago` : `${plural(age, 'minute')} ago`;
        extras.ages.add(ageText);
        const h = b.write(`${c.user}, ${DM_PLACES[fnv1a(`place:${c.user}`) % DM_PLACES.length]}, ${ageText}`);
        hdr = b.span(h.start, h.end);
        b.nl();
        b.line('footer', DM_RATE);
        const r = counts();
        const s = counts();
        const rating = Math.floor(r * r * r * 300) - Math.floor(s * s * 120);
        extras.ratings.push(rating);
        b.line('footer', `Rating ${rating}`);
        break;
      }
      case 'bh': {
        // Fidonet echomail as a GoldED-like reader writes it: ruled header box, wrapped text, tearline, origin.
        const hh = fnv1a(`fido:${c.user}`);
        const net = 5000 + (hh % 100);
        const node = 100 + ((hh >>> 8) % 900);
        const point = 1 + ((hh >>> 20) % 20);
        const addressee = addresseeComment(article, c);
        const to = addressee ? addressee.user : 'All';
        if (addressee) extras.toUser++;
        const subjBase = addressee ? `Re: ${article.title}` : article.title;
        const subj = subjBase.slice(0, FIDO_SUBJ_MAX).trimEnd();
        const date = `${SHORT_DAYS[w.wd]} ${pad2(w.d)} ${SHORT_MONTHS[w.m - 1]} ${yy(w.y)} ${pad2(w.hh)}:${pad2(w.mm)}`;
        hdr = b.headerBlock([FIDO_RULE, ` Msg  : ${i + 1} of ${N_COMMENTS}`,
          ` From : ${c.user.padEnd(Math.max(24, c.user.length + 1))} ${`2:${net}/${node}.${point}`.padEnd(15)} ${date}`,
          ` To   : ${to}`, ` Subj : ${subj}`, FIDO_RULE]);
        span = b.paras(ps, { width: FIDO_WIDTH });
        if (ps.some((p) => p.length > FIDO_WIDTH)) extras.wrapped++;
        b.nl();
        b.line('footer', FIDO_TEARS[fnv1a(`tear:${c.user}`) % FIDO_TEARS.length]);
        b.line('footer', `* Origin: ${FIDO_BBS[hh % FIDO_BBS.length]} (2:${net}/${node})`, ' ');
        break;
      }
      default:
        throw new Error(page.layout);
    }
    b.comment({ index: i, author: c.user, depth, parent }, span, hdr);
  });
  if (page.threadTail.length) {
    b.nl();
    for (const tl of page.threadTail) b.line('footer', typeof tl === 'function' ? tl(article) : tl);
  }
  if (page.pageTail.length) {
    b.nl(2);
    for (const tl of page.pageTail) b.line('footer', tl);
  }
  const recs = [...b.records].sort((x, y) => x.start - y.start || x.end - y.end);
  return { doc, layout: page.layout, page, article, text: b.s, recs, order, selected, capped, extras, postNo };
}

// ---------------------------------------------------------------------------------------------
// Output

const KEYS = ['doc', 'start', 'end', 'text', 'kind'];
const COMMENT_KEYS = [...KEYS, 'index', 'author', 'depth', 'parent', 'header'];
function recordJson(r) {
  const o = {};
  for (const k of r.kind === 'comment' ? COMMENT_KEYS : KEYS) o[k] = r[k];
  if (o.header) o.header = { start: r.header.start, end: r.header.end, text: r.header.text };
  return JSON.stringify(o);
}

function writeOutput(built) {
  fs.mkdirSync(PAGES_DIR, { recursive: true });
  const want = new Set(built.map((p) => `${p.doc}.txt`));
  for (const f of fs.readdirSync(PAGES_DIR)) if (f.endsWith('.txt') && !want.has(f)) fs.unlinkSync(path.join(PAGES_DIR, f));
  for (const p of built) fs.writeFileSync(path.join(PAGES_DIR, `${p.doc}.txt`), (p.page.bom ? BOM : '') + p.text, 'utf8');
  const all = [...built].sort((x, y) => (x.doc < y.doc ? -1 : x.doc > y.doc ? 1 : 0)).flatMap((p) => p.recs);
  fs.writeFileSync(GOLD_FILE, all.map(recordJson).join('\n') + '\n', 'utf8');
}

// ---------------------------------------------------------------------------------------------
// Checks on the files as re-read from disk

function lineTable(text, eol) {
  const lines = [];
  let pos = 0;
  while (pos < text.length) {
    const j = text.indexOf(eol, pos);
    if (j < 0) throw new Error('last line has no line ending');
    lines.push({ start: pos, end: j, text: text.slice(pos, j) });
    pos = j + eol.length;
  }
  return lines;
}

const ARTICLE_KIND = [
  ['dateline', new RegExp('^(?:Published \\d{1,2}:\\d\\d [ap]\\.m\\. ET (?:Jan\\.|Feb\\.|March|April|May|June|July|Aug\\.|Sept\\.|Oct\\.|Nov\\.|Dec\\.) \\d{1,2}, \\d{4}' +
    '|(?:SUN|MON|TUES|WEDNES|THURS|FRI|SATUR)DAY, [A-Z]+ \\d{1,2}, \\d{4}' +
    '|\\d{1,2}\\.\\d{1,2}\\.\\d{4}' +
    '|Published: \\d\\d:\\d\\d EDT, \\d{1,2} [A-Z][a-z]+ \\d{4} \\| Updated: \\d\\d:\\d\\d EDT, \\d{1,2} [A-Z][a-z]+ \\d{4}' +
    '|\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d)$')],
  ['caption', /\. Credit: U\.S\. Navy$|\. Image: Reuters\/File$|^ICE agents detain a suspect\. \(|\. \(Getty Images\)$|^Pictured: |^Image source: /],
  ['source', /^Syndicated from |^Article source: |^Originally posted at |^Full story at |^Reposted from /],
  ['footer', /^Support local journalism|^You received this message because|^To unsubscribe from this group|^This page was generated in about|^The views expressed in the contents above|^Like what you read\? Chip in/],
];
const classify = (s) => (ARTICLE_KIND.find(([, re]) => re.test(s)) ?? ['body'])[0];
const HEAD_RE = /^(?:\[LINE\] Chat history in .+|Saved on: .+|[\d,]+ views|Skip to first unread message|Recommended Reviews|Comments \(\d+\)|Share what you think|Newest Oldest Best rated Worst rated)$/;
const THREAD_TAIL_RE = /^(?:Reply all|Reply to author|Forward|Page \d+ of \d+|We are no longer accepting comments on this article\.)$/;

/**
 * Independent re-parse of one page by its layout's grammar. Uses only the page text and the layout
 * name, not the generator's bookkeeping; returns the records the page implies.
 */
function reparse(doc, layout, text, eol) {
  const L = lineTable(text, eol);
  const out = [];
  const err = (m) => {
    throw new Error(`${doc}: reparse: ${m}`);
  };
  const plain = (l, kind) => {
    const from = l.start + (l.text.length - l.text.trimStart().length);
    out.push({ doc, start: from, end: l.end, text: text.slice(from, l.end), kind });
  };
  // Article: one-line blocks separated by exactly one empty line, then exactly two empty lines.
  let i = 0;
  const titleText = L[0].text;
  for (let blockNo = 0; ; blockNo++) {
    const l = L[i];
    if (!l || l.text === '' || l.text !== l.text.trim()) err(`bad article line ${i}`);
    plain(l, blockNo === 0 ? 'title' : classify(l.text));
    if (L[i + 1]?.text !== '') err('article block not followed by an empty line');
    if (L[i + 2]?.text === '') {
      if (!L[i + 3] || L[i + 3].text === '') err('more than two empty lines after the article');
      i += 3;
      break;
    }
    i += 2;
  }
  // Optional thread heading: a block of heading lines (or the repeated headline), then one empty line.
  {
    let k = i;
    while (L[k] && L[k].text !== '') k++;
    const block = L.slice(i, k);
    if (L[k]?.text === '' && L[k + 1] && L[k + 1].text !== '' && block.every((l) => l.text === titleText || HEAD_RE.test(l.text))) {
      for (const l of block) plain(l, l.text === titleText ? 'title' : 'footer');
      i = k + 1;
    }
  }
  // Page tail: a block of footer lines after exactly two empty lines.
  let end = L.length;
  {
    let k = end;
    while (k > i && L[k - 1].text !== '') k--;
    if (k < end && L[k - 1]?.text === '' && L[k - 2]?.text === '' && L.slice(k, end).every((l) => classify(l.text) === 'footer')) {
      if (L[k - 3]?.text === '') err('more than two empty lines before the page tail');
      for (const l of L.slice(k, end)) plain(l, 'footer');
      end = k - 2;
    }
  }
  // Thread tail: a block of tail lines after one empty line.
  {
    let k = end;
    while (k > i && L[k - 1].text !== '') k--;
    if (k < end && L[k - 1]?.text === '' && L.slice(k, end).every((l) => THREAD_TAIL_RE.test(l.text))) {
      for (const l of L.slice(k, end)) plain(l, 'footer');
      end = k - 1;
    }
  }
  const T = L.slice(i, end);
  if (T.length === 0 || T[T.length - 1].text === '' || T[0].text === '') err('thread starts or ends with an empty line');
  for (let q = 1; q < T.length; q++) if (T[q].text === '' && T[q - 1].text === '') err('two empty lines inside the thread');
  const comments = [];
  const pushComment = (s0, e0, author, depth, hdr) => {
    let parent = null;
    if (depth > 0) {
      for (let q = comments.length - 1; q >= 0; q--) {
        if (comments[q].depth === depth - 1) {
          parent = q;
          break;
        }
        if (comments[q].depth < depth - 1) err('depth jump');
      }
      if (parent === null) err('reply without a parent');
    }
    const rec = { doc, start: s0, end: e0, text: text.slice(s0, e0), kind: 'comment', index: comments.length, author, depth, parent,
      header: { start: hdr.start, end: hdr.end, text: text.slice(hdr.start, hdr.end) } };
    out.push(rec);
    comments.push(rec);
    return rec;
  };
  // Paragraph block check: lines k..last are paragraphs at column 0 separated by exactly one empty line;
  // a paragraph is one line, or (wrapped) several lines of at most `width` characters.
  const checkParas = (k, last, width = 0) => {
    if (last < k) err('comment without text');
    for (let q = k; q <= last; q++) {
      const s = T[q].text;
      if (s === '') {
        if (q === k || q === last || T[q - 1].text === '') err(`bad paragraph break near line ${q}`);
      } else {
        if (/^\s/.test(s)) err(`indented text line: ${s.slice(0, 40)}`);
        if (!width && q > k && T[q - 1].text !== '') err(`paragraph of two lines: ${s.slice(0, 40)}`);
        if (width && s.length > width && s.includes(' ')) err(`text line longer than ${width}: ${s.slice(0, 40)}`);
      }
    }
  };
  // Heads preceded by an empty line (or at the start); returns the last text line before the gap.
  const beforeGap = (next, isLast) => {
    if (isLast) return next - 1;
    if (T[next - 1]?.text !== '') err(`no empty line before line ${next}`);
    if (T[next - 2]?.text === '') err(`gap of more than one empty line before line ${next}`);
    return next - 2;
  };

  if (layout === 'bc') {
    let lastMin = -Infinity;
    let curDay = null;
    for (let k = 0; k < T.length; k++) {
      const s = T[k].text;
      if (s === '') {
        if (!RE.bcDay.test(T[k + 1]?.text ?? '')) err('bc: empty line not before a date line');
        continue;
      }
      if (RE.bcDay.test(s)) {
        if (k > 0 && T[k - 1].text !== '') err('bc: date line without an empty line before it');
        const m = /^(\d{4})\/(\d\d)\/(\d\d)\((\w+)\)$/.exec(s);
        const day = minutesOf(+m[1], +m[2], +m[3]);
        if (SHORT_DAYS[wallClock(day).wd] !== m[4]) err('bc: weekday does not match');
        if (curDay !== null && day <= curDay) err('bc: dates do not increase');
        curDay = day;
        plain(T[k], 'footer');
        continue;
      }
      const m = RE.bcMsg.exec(s);
      if (!m || curDay === null) err(`bc: bad message line ${s.slice(0, 40)}`);
      const st = curDay + +s.slice(0, 2) * 60 + +s.slice(3, 5);
      if (st < lastMin) err('bc: time goes backwards');
      lastMin = st;
      const hs = T[k].start;
      pushComment(hs + m[1].length + 1, T[k].end, m[2], 0, { start: hs, end: hs + m[1].length });
    }
  } else if (layout === 'bd' || layout === 'be') {
    const isHead = layout === 'bd'
      ? (q) => RE.bdPhoto.exec(T[q].text) && T[q + 1]?.text === RE.bdPhoto.exec(T[q].text)[1]
      : (q) => RE.beHead.exec(T[q].text);
    const heads = [];
    for (let k = 0; k < T.length; k++) if (isHead(k) && (k === 0 || T[k - 1].text === '')) heads.push(k);
    if (heads[0] !== 0) err('thread does not start with a header');
    const depthOfPost = new Map();
    const commentOfPost = new Map();
    let sawUnread = false;
    heads.forEach((h, n) => {
      const next = n + 1 < heads.length ? heads[n + 1] : T.length;
      let first;
      let author;
      let depth = 0;
      let refPost = null;
      if (layout === 'bd') {
        author = T[h + 1].text;
        let q = h + 2;
        if (T[q].text === 'unread,') {
          sawUnread = true;
          q++;
        } else if (sawUnread) err('bd: a read message after an unread one');
        if (!RE.bdDate.test(T[q].text) || T[q + 1]?.text !== GG_TO) err(`bd: bad header at ${h}`);
        first = q + 2;
      } else {
        const m = RE.beHead.exec(T[h].text);
        author = m[2];
        const no = +m[1];
        if (depthOfPost.has(no)) err('be: post number used twice');
        if (m[4] !== undefined) {
          refPost = +m[4];
          if (!depthOfPost.has(refPost)) err(`be: post ${no} replies to ${refPost}, which is not above it`);
          if (refPost >= no) err('be: reply to a later post');
          depth = depthOfPost.get(refPost) + 1;
        }
        depthOfPost.set(no, depth);
        first = h + 1;
      }
      const last = beforeGap(next, n + 1 === heads.length);
      checkParas(first, last);
      const rec = pushComment(T[first].start, T[last].end, author, depth, { start: T[h].start, end: T[first - 1].end });
      if (layout === 'be') {
        commentOfPost.set(+RE.beHead.exec(T[h].text)[1], rec);
        // The nearest-shallower rule must find exactly the post named by `in reply to`.
        if (refPost !== null && comments[rec.parent] !== commentOfPost.get(refPost)) err('be: nearest-shallower parent differs from the reply reference');
      }
    });
    if (layout === 'be' && [...depthOfPost.keys()].sort((x, y) => x - y).join() !== Array.from({ length: heads.length }, (_, q) => q + 1).join()) err('be: post numbers are not 1…n');
  } else if (layout === 'bf') {
    let k = 0;
    while (k < T.length) {
      if (!RE.name.test(T[k].text) || !RE.bfLoc.test(T[k + 1]?.text ?? '')) err(`bf: bad header at ${k}`);
      const stats = [];
      let q = k + 2;
      while (RE.bfStat.test(T[q]?.text ?? '')) stats.push(RE.bfStat.exec(T[q++].text));
      const kinds = stats.map((m) => m[2]).join();
      if (kinds !== 'friend,review' && kinds !== 'friend,review,photo') err('bf: bad statistics lines');
      for (const m of stats) if ((m[1] === '1') !== !m[0].endsWith('s')) err('bf: singular/plural');
      if (!RE.bfDate.test(T[q]?.text ?? '')) err('bf: no date line');
      const first = q + 1;
      let w = first;
      while (w < T.length && !/^Useful(?: \d+)?$/.test(T[w].text)) w++;
      if (w >= T.length) err('bf: no vote lines');
      checkParas(first, w - 1);
      pushComment(T[first].start, T[w - 1].end, T[k].text, 0, { start: T[k].start, end: T[q].end });
      ['Useful', 'Funny', 'Cool'].forEach((label, o) => {
        const m = RE.bfVote.exec(T[w + o]?.text ?? '');
        if (!m || m[1] !== label) err('bf: bad vote lines');
        plain(T[w + o], 'footer');
      });
      q = w + 3;
      if (q < T.length) {
        if (T[q].text !== '' || T[q + 1]?.text === '') err('bf: reviews not separated by one empty line');
        q++;
      }
      k = q;
    }
  } else if (layout === 'bg') {
    let k = 0;
    while (k < T.length) {
      let w = k;
      while (w < T.length && !(RE.bgByline.test(T[w].text) && T[w + 1]?.text === DM_RATE)) w++;
      if (w >= T.length) err('bg: no byline');
      if (!RE.bgRating.test(T[w + 2]?.text ?? '')) err('bg: no rating line');
      checkParas(k, w - 1);
      const m = RE.bgByline.exec(T[w].text);
      if ((m[4] === '1') === /s ago$/.test(T[w].text)) err('bg: singular/plural of the age');
      pushComment(T[k].start, T[w - 1].end, m[1], 0, { start: T[w].start, end: T[w].end });
      plain(T[w + 1], 'footer');
      plain(T[w + 2], 'footer');
      let q = w + 3;
      if (q < T.length) {
        if (T[q].text !== '' || T[q + 1]?.text === '') err('bg: comments not separated by one empty line');
        q++;
      }
      k = q;
    }
  } else if (layout === 'bh') {
    let k = 0;
    let n = 0;
    while (k < T.length) {
      if (!RE.bhRule.test(T[k].text) || !RE.bhRule.test(T[k + 5]?.text ?? '')) err(`bh: no ruled header at ${k}`);
      const mm = RE.bhMsg.exec(T[k + 1].text);
      const mf = RE.bhFrom.exec(T[k + 2].text);
      const mt = RE.bhTo.exec(T[k + 3].text);
      const ms = RE.bhSubj.exec(T[k + 4].text);
      if (!mm || !mf || !mt || !ms) err(`bh: bad header fields at ${k}`);
      if (+mm[1] !== n + 1) err('bh: message numbers do not run 1…n');
      if (ms[1].length > FIDO_SUBJ_MAX) err('bh: subject too long');
      if (/^Re: /.test(ms[1]) !== (mt[1] !== 'All')) err('bh: Re: only on messages to a user');
      const first = k + 6;
      let w = first;
      while (w < T.length && !(RE.bhTear.test(T[w].text) && RE.bhOrigin.test(T[w + 1]?.text ?? ''))) w++;
      if (w >= T.length) err('bh: no tearline');
      checkParas(first, w - 1, FIDO_WIDTH);
      const mo = RE.bhOrigin.exec(T[w + 1].text);
      if (!mf[2].startsWith(`${mo[2]}.`)) err('bh: origin address does not match the From address');
      pushComment(T[first].start, T[w - 1].end, mf[1], 0, { start: T[k].start, end: T[k + 5].end });
      plain(T[w], 'footer');
      plain(T[w + 1], 'footer');
      n++;
      let q = w + 2;
      if (q < T.length) {
        if (T[q].text !== '' || T[q + 1]?.text === '') err('bh: messages not separated by one empty line');
        q++;
      }
      k = q;
    }
  } else err('layout');
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  return out;
}

function checkAll(built) {
  const errors = [];
  const fail = (m) => errors.push(m);
  const goldText = fs.readFileSync(GOLD_FILE, 'utf8');
  if (!goldText.endsWith('\n') || goldText.endsWith('\n\n')) fail('gold must end with exactly one newline');
  const recs = goldText.slice(0, -1).split('\n').map((l) => JSON.parse(l));
  // Key order and strict sort order (doc, start, end)
  for (const [q, r] of recs.entries()) {
    const keys = Object.keys(r).join();
    const want = (r.kind === 'comment' ? COMMENT_KEYS : KEYS).join();
    if (keys !== want) fail(`record ${q}: keys ${keys}`);
    if (r.header && Object.keys(r.header).join() !== 'start,end,text') fail(`record ${q}: header keys`);
    if (!['title', 'dateline', 'body', 'caption', 'source', 'footer', 'comment'].includes(r.kind)) fail(`record ${q}: kind ${r.kind}`);
    if (q > 0) {
      const p = recs[q - 1];
      if (p.doc > r.doc || (p.doc === r.doc && (p.start > r.start || (p.start === r.start && p.end >= r.end)))) fail(`record ${q}: sort order`);
    }
  }
  const files = fs.readdirSync(PAGES_DIR).filter((f) => f.endsWith('.txt')).sort();
  const docs = [...new Set(recs.map((r) => r.doc))].sort();
  if (files.map((f) => f.slice(0, -4)).join() !== docs.join()) fail('gold docs differ from the page files');
  const summary = [];
  for (const p of built) {
    const raw = fs.readFileSync(path.join(PAGES_DIR, `${p.doc}.txt`), 'utf8');
    const hasBom = raw.startsWith(BOM);
    if (hasBom !== p.page.bom) fail(`${p.doc}: BOM ${hasBom}`);
    const text = hasBom ? raw.slice(1) : raw;
    if (text !== p.text) fail(`${p.doc}: file differs from the generated text`);
    const eol = p.page.eol;
    const rs = recs.filter((r) => r.doc === p.doc);
    // Line endings and whitespace
    if (eol === '\r\n') {
      if (/\r(?!\n)|(?<!\r)\n/.test(text)) fail(`${p.doc}: stray CR or LF on the CRLF page`);
    } else if (text.includes('\r')) fail(`${p.doc}: CR on an LF page`);
    if (!text.endsWith(eol) || text.endsWith(eol + eol)) fail(`${p.doc}: must end with one line ending`);
    if (/[ \t\u00a0\u202f]\r?$/m.test(text)) fail(`${p.doc}: trailing whitespace`);
    if (text.includes(BOM)) fail(`${p.doc}: U+FEFF inside the text`);
    if (/[\ud800-\udfff]/.test(text)) fail(`${p.doc}: non-BMP character`);
    if (/[\u00a0\u202f\u200b]/.test(text)) fail(`${p.doc}: unexpected space character`);
    // text === slice, trimmed, non-empty; no overlaps; coverage of every non-space character
    const owner = new Int32Array(text.length).fill(-1);
    const spans = [];
    for (const [q, r] of rs.entries()) {
      spans.push([r.start, r.end, `${r.kind}#${q}`]);
      if (r.header) spans.push([r.header.start, r.header.end, `header#${q}`]);
    }
    for (const r of rs) {
      for (const s of r.header ? [r, r.header] : [r]) {
        if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= text.length && s.start < s.end)) {
          fail(`${p.doc}: bad span ${s.start}-${s.end}`);
          continue;
        }
        if (text.slice(s.start, s.end) !== s.text) fail(`${p.doc}: text !== slice at ${s.start}`);
        if (/^\s|\s$/.test(s.text)) fail(`${p.doc}: untrimmed span at ${s.start}`);
      }
      if (r.kind !== 'comment' && /[\r\n]/.test(r.text)) fail(`${p.doc}: multi-line ${r.kind} at ${r.start}`);
    }
    spans.sort((a, b) => a[0] - b[0]);
    for (let q = 1; q < spans.length; q++) if (spans[q][0] < spans[q - 1][1]) fail(`${p.doc}: ${spans[q][2]} overlaps ${spans[q - 1][2]}`);
    for (const [s, e] of spans) for (let x = s; x < e; x++) owner[x] = (owner[x] < 0 ? 0 : owner[x]) + 1;
    for (let x = 0; x < text.length; x++) {
      if (!/\s/.test(text[x]) && owner[x] !== 1) {
        fail(`${p.doc}: character ${JSON.stringify(text[x])} at ${x} covered ${Math.max(owner[x], 0)} times`);
        break;
      }
    }
    // Tabs only on bc: inside a header, or the single separator right after it
    for (const m of text.matchAll(/\t/g)) {
      const ok = p.layout === 'bc' && rs.some((r) => r.header && ((r.header.start <= m.index && m.index < r.header.end) || (m.index === r.header.end && r.start === m.index + 1)));
      if (!ok) fail(`${p.doc}: tab outside a bc message stamp at ${m.index}`);
    }
    // Comment structure: 20 comments, index 0..19 in document order, valid parents
    const cs = rs.filter((r) => r.kind === 'comment');
    if (cs.length !== N_COMMENTS) fail(`${p.doc}: ${cs.length} comments`);
    cs.forEach((c, k) => {
      if (c.index !== k) fail(`${p.doc}: index ${c.index} at position ${k}`);
      if (!c.header || typeof c.author !== 'string' || c.text === '') fail(`${p.doc}: #${k} lacks header, author or text`);
      if (!Number.isInteger(c.depth) || c.depth < 0) fail(`${p.doc}: #${k} depth`);
      if (c.depth === 0) {
        if (c.parent !== null) fail(`${p.doc}: #${k} top-level with a parent`);
      } else {
        let want = null;
        for (let q = k - 1; q >= 0; q--) if (cs[q].depth === c.depth - 1) {
          want = q;
          break;
        } else if (cs[q].depth < c.depth - 1) break;
        if (want === null || c.parent !== want) fail(`${p.doc}: #${k} parent ${c.parent}, expected ${want}`);
      }
      if (k === 0 && c.depth !== 0) fail(`${p.doc}: first comment is a reply`);
    });
    if (!p.page.nested && cs.some((c) => c.depth !== 0)) fail(`${p.doc}: depth on a flat page`);
    if (p.page.nested && Math.max(...cs.map((c) => c.depth)) < 2) fail(`${p.doc}: nested page does not reach depth 2`);
    if (p.page.nested && Math.max(...cs.map((c) => c.depth)) > p.page.cap) fail(`${p.doc}: depth beyond the cap`);
    // Data: texts and authors are the article's first 20 comments (flat pages in file order)
    const paraSep = eol + eol;
    const partsOf = (c) => c.text.split(paraSep).map((x) => (p.layout === 'bh' ? x.split(eol).join(' ') : x));
    const pool = [...p.selected];
    let lastPos = -1;
    const paraCounts = [];
    for (const c of cs) {
      const parts = partsOf(c);
      paraCounts.push(parts.length);
      if (p.layout !== 'bh' && parts.some((x) => x.includes('\n'))) fail(`${p.doc}: #${c.index} paragraph of several lines`);
      const q = pool.findIndex((x) => x && x.text === parts.join(' ') && x.user === c.author);
      if (q < 0) {
        fail(`${p.doc}: #${c.index} text/author not among the first 20 comments`);
        continue;
      }
      if (!p.page.nested && pool[q].pos < lastPos) fail(`${p.doc}: flat page not in file order`);
      lastPos = pool[q].pos;
      if (parts.length > 1 && parts.some((x) => x.length < MIN_PART)) fail(`${p.doc}: #${c.index} paragraph too short`);
      pool[q] = null;
    }
    if (p.page.paras && !paraCounts.some((n) => n > 1)) fail(`${p.doc}: no multi-paragraph comment`);
    if (!p.page.paras && paraCounts.some((n) => n > 1)) fail(`${p.doc}: paragraphs on a one-line layout`);
    // Nested pages: each parent is the addressee's comment, and the reply number names it
    if (p.page.nested) {
      for (const c of cs) {
        if (c.parent === null) continue;
        const src = p.selected.find((x) => x.user === c.author && x.text === partsOf(c).join(' '));
        const par = cs[c.parent];
        const parSrc = p.selected.find((x) => x.user === par.author && x.text === partsOf(par).join(' '));
        if (addresseeComment(p.article, src) !== parSrc) fail(`${p.doc}: #${c.index} parent is not the addressee's latest comment`);
        const m = RE.beHead.exec(c.header.text);
        if (!m || +m[4] !== p.postNo.get(parSrc)) fail(`${p.doc}: #${c.index} reply number does not name its parent`);
      }
    }
    // Independent re-parse must give exactly the gold
    try {
      const a = reparse(p.doc, p.layout, text, eol).map((r) => recordJson(r));
      const g = rs.map((r) => JSON.stringify(r));
      if (a.length !== g.length) fail(`${p.doc}: reparse gives ${a.length} records, gold ${g.length}`);
      for (let q = 0; q < Math.min(a.length, g.length); q++) {
        if (a[q] !== g[q]) {
          fail(`${p.doc}: reparse differs at record ${q}:\n  reparse ${a[q].slice(0, 300)}\n  gold    ${g[q].slice(0, 300)}`);
          break;
        }
      }
    } catch (e) {
      fail(e.message);
    }
    const kinds = {};
    for (const r of rs) kinds[r.kind] = (kinds[r.kind] ?? 0) + 1;
    const depthProfile = [0, 1, 2, 3, 4].map((dd) => cs.filter((c) => c.depth === dd).length).join('/');
    const multi = paraCounts.map((n, k) => (n > 1 ? `${k}:${n}` : null)).filter(Boolean).join(' ') || '–';
    const x = p.extras;
    const special = {
      bc: `date lines ${x.dayLines}`,
      bd: `unread lines ${x.unread}`,
      be: `reply lines ${x.replyLines}; display order differs from post order: ${cs.some((c, k) => !c.header.text.startsWith(`(${k + 1}) `))}`,
      bf: `photo lines ${x.photos}, vote lines with a count ${x.votes}`,
      bg: `ages ${[...x.ages].join(' / ')}; ratings ${Math.min(...x.ratings)}…${Math.max(...x.ratings)}`,
      bh: `comments with wrapped lines ${x.wrapped}; messages to a user ${x.toUser}`,
    }[p.layout];
    summary.push(`${p.layout} ${p.doc}${p.page.bom ? ' [BOM]' : ''}${eol === '\r\n' ? ' [CRLF]' : ''}: ${rs.length} records ` +
      `${JSON.stringify(kinds)}; depth 0/1/2/3/4 ${depthProfile}; paragraphs (index:n) ${multi}; ${special}` +
      (p.capped ? `; ${p.capped} replies re-attached by the depth cap` : ''));
  }
  // Across pages
  if (built.map((p) => p.layout).sort().join() !== 'bc,bd,be,bf,bg,bh') fail('layouts bc–bh must each appear once');
  const total = {};
  for (const r of recs) total[r.kind] = (total[r.kind] ?? 0) + 1;
  return { errors, summary, total, count: recs.length };
}

// ---------------------------------------------------------------------------------------------

function main() {
  const articles = loadDataset();
  const built = PAGES.map((page, pageNo) => {
    const art = articles.filter((a) => a.title.startsWith(page.article));
    if (art.length !== 1) throw new Error(`article ${page.article}`);
    return renderPage(page, pageNo, art[0]);
  });
  if (new Set(built.map((p) => p.doc)).size !== built.length) throw new Error('two pages for one article');
  writeOutput(built);
  const { errors, summary, total, count } = checkAll(built);
  for (const s of summary) console.log(s);
  console.log(`${count} records in ${built.length} pages: ${JSON.stringify(total)}`);
  if (errors.length) {
    for (const e of errors) console.error(`CHECK FAILED: ${e}`);
    process.exit(1);
  }
  console.log('all checks passed (text === slice, trimmed spans, no overlaps, every non-space character covered once, ' +
    'index 0..19 with valid parents, dataset texts and authors, independent re-parse equals the gold)');
}

main();
