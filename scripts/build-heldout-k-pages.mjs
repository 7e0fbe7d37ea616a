#!/usr/bin/env node
// Held-out segmentation pages, set K (layouts bi–bn).
//
// Builds tests/heldout-k/pages/*.txt and tests/heldout-k/segment.gold.jsonl from the Fox News
// comments dataset, then re-reads the files from disk and checks them (see tests/heldout-k/README.md).
//
//   node scripts/build-heldout-k-pages.mjs                 # shared dir defaults to <repo>/../shared
//   node scripts/build-heldout-k-pages.mjs /path/to/shared
//
// Plain Node >= 20, no dependencies, no imports other than node:fs, node:path and node:url. It reads
// nothing but the dataset, reads no clock, and its only randomness is a fixed-seed PRNG, so two runs
// give byte-identical output. Gold offsets are taken while the page text is being written, never by
// searching the finished text. Helpers (PRNG, hash, slug rule, reply tree, paragraph splits, page
// writer, structure of the checks) follow scripts/build-heldout-j-pages.mjs.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = path.resolve(process.argv[2] ?? path.join(REPO, '..', 'shared'));
const DATA_DIR = path.join(SHARED, 'datasets', 'fox-news-comments');
const OUT_DIR = path.join(REPO, 'tests', 'heldout-k');
const PAGES_DIR = path.join(OUT_DIR, 'pages');
const GOLD_FILE = path.join(OUT_DIR, 'segment.gold.jsonl');

const N_COMMENTS = 20;
const BOM = '\uFEFF';

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
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const SHORT_DAYS = DAYS.map((d) => d.slice(0, 3));
const pad2 = (n) => String(n).padStart(2, '0');
const yy = (y) => String(y).slice(2);
const h12 = (hh) => (hh % 12 === 0 ? 12 : hh % 12);
const ampm = (hh) => (hh < 12 ? 'AM' : 'PM');
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
/** English ordinal suffix: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, … */
const ordinal = (n) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;

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

  /** A one-line non-comment record; `lead` (indentation) is written before it and is not part of the span. Ends the line. */
  line(kind, str, lead = '') {
    this.write(lead);
    const r = this.write(str);
    this.records.push({ doc: this.doc, start: r.start, end: r.end, text: str, kind });
    this.nl();
    return r;
  }

  /**
   * Paragraphs separated by one empty line (the empty line carries no indentation). Each paragraph is
   * one line starting with `indent`, except that the first paragraph may continue an open line
   * (firstOpen). Does not end the last line. Returns the span from the first character of the first
   * paragraph to the last one.
   */
  paras(ps, { firstOpen = false, indent = '' } = {}) {
    let start = null;
    let end = null;
    ps.forEach((p, k) => {
      if (k > 0) this.nl(2);
      if (!(firstOpen && k === 0)) this.write(indent);
      const r = this.write(p);
      if (start === null) start = r.start;
      end = r.end;
    });
    if (start === null) throw new Error('empty comment');
    return { start, end };
  }

  /**
   * Header lines: one span from the first non-space character of the first line to the end of the
   * last line (each line is written after `indent`). Ends the last line.
   */
  headerBlock(lines, indent = '') {
    let start = null;
    let end = null;
    lines.forEach((l, k) => {
      if (k > 0) this.nl();
      this.write(indent);
      const r = this.write(l);
      if (start === null) start = r.start;
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

const ZOOM_TO = 'Everyone';
const GR_PHRASES = ['did not like it', 'it was ok', 'liked it', 'really liked it', 'it was amazing']; // 1–5 stars
const GR_TAIL = 'see review';
const TP_REPLY = 'Reply';
const GU_PICK = 'Guardian Pick';
const GU_BUTTONS = ['Reply', 'Share', 'Report'];
const SLACK_CHANNEL = '#fox-news-readers';

const PAGES = [
  { layout: 'bi', article: 'German lawmakers', eol: '\r\n', bom: false, nested: false, paras: false,
    dateline: (d) => `${ordinal(d.d)} ${MONTHS[d.m - 1]} ${d.y}`,
    before: [], bodyParas: 1,
    after: [['caption', 'The Reichstag building in Berlin. REUTERS/File Photo'], ['source', 'Fox News contributed to this report.']],
    threadHead: [], threadTail: [], pageTail: ['Never miss a story: get our morning briefing by email.'] },
  { layout: 'bj', article: 'First lady', eol: '\n', bom: true, nested: false, paras: true, gaps: [20, 600],
    dateline: null,
    before: [['caption', 'First lady Michelle Obama delivers a commencement address. [Getty Images]']], bodyParas: 1,
    after: [],
    threadHead: [() => 'Community Reviews', (a) => `Showing 1-${N_COMMENTS} of ${a.comments.length}`],
    threadTail: [], pageTail: ['Enjoyed this article? Buy us a coffee.'] },
  { layout: 'bk', article: 'Confederate flag', eol: '\n', bom: false, nested: true, cap: 4, paras: true, gaps: [2, 40],
    dateline: (d) => `${SHORT_DAYS[d.wd]} ${SHORT_MONTHS[d.m - 1]} ${d.d} ${d.y}`.toUpperCase(),
    before: [], bodyParas: 2,
    after: [['caption', 'The Confederate battle flag flies at the South Carolina Statehouse. (Photo via Getty Images)'],
      ['source', 'This story originally ran on FoxNews.com.']],
    threadHead: [() => 'Comments', () => 'You can follow this conversation by subscribing to the comment feed for this post.'],
    threadTail: [() => 'The comments to this entry are closed.'], pageTail: ['Powered by Typepad'] },
  { layout: 'bl', article: 'Fury as feminist', eol: '\n', bom: false, nested: false, paras: true, gaps: [2, 40],
    dateline: null,
    before: [], bodyParas: 1,
    after: [['caption', 'An alligator warning sign. © Shutterstock'], ['source', '(Source: FoxNews.com)']],
    threadHead: [(a) => `comments (${a.comments.length})`, () => 'Sign in or create your Guardian account to join the discussion.',
      () => 'Order by oldest'],
    threadTail: [() => 'View more comments'], pageTail: ['Please keep comments civil. Read our community standards.'] },
  { layout: 'bm', article: 'ICE program', eol: '\n', bom: false, nested: false, paras: true, gaps: [2, 40],
    dateline: (d) => `${pad2(d.m)}/${pad2(d.d)}/${yy(d.y)} 06:00 AM EDT`,
    before: [], bodyParas: 2,
    after: [['caption', 'Stock photo via iStock'], ['source', 'Content provided by FoxNews.com']],
    threadHead: [], threadTail: [() => 'This thread has been archived and is closed to new comments'], pageTail: [] },
  { layout: 'bn', article: 'States moving', eol: '\n', bom: false, nested: false, paras: true, gaps: [10, 150], groupGap: [1, 4],
    dateline: (d) => `${d.y}.${pad2(d.m)}.${pad2(d.d)}`,
    before: [['caption', 'A shopper pays with an EBT card. AFP PHOTO / FILE']], bodyParas: 1,
    after: [['source', 'Distributed by Fox News']],
    threadHead: [() => SLACK_CHANNEL], threadTail: [], pageTail: [] },
];

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
const MON_RE = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const MONTH_RE = `(?:${MONTHS.join('|')})`;
const RE = {
  biMsg: /^(\d\d:\d\d:\d\d From ([A-Za-z0-9_]+) to Everyone:) (\S.*)$/,
  biLike: /^\d\d:\d\d:\d\d From /,
  bjHead: new RegExp(`^([A-Za-z0-9_]+) rated it (${GR_PHRASES.join('|')})$`),
  bjLike: / rated it /,
  bjDate: new RegExp(`^${MON_RE} \\d\\d, \\d{4}$`),
  bjWidget: /^(?:(\d+) likes? · )?Like · see review$/,
  bkByline: new RegExp(`^Posted by: ([A-Za-z0-9_]+) \\| ${MONTH_RE} \\d\\d, \\d{4} at \\d\\d:\\d\\d [AP]M$`),
  bkLike: /^\s*Posted by:/,
  blDate: new RegExp(`^\\d{1,2} ${MON_RE} \\d{4} \\d\\d:\\d\\d$`),
  blCount: /^\d+$/,
  bmByline: new RegExp(`^posted by ([A-Za-z0-9_]+) at \\d{1,2}:\\d\\d [AP]M on ${MONTH_RE} \\d{1,2}, \\d{4}(?: \\[(\\d+) favorites?\\])?$`),
  bmLike: /^posted by /i,
  bnHead: /^([A-Za-z0-9_]+) {2}(\d{1,2}:\d\d [AP]M)$/,
  bnCont: /^\d{1,2}:\d\d$/,
  bnDay: new RegExp(`^(${DAYS.join('|')}), ${MONTH_RE} \\d{1,2}(?:st|nd|rd|th)$`),
  name: /^[A-Za-z0-9_]+$/,
};

/** A paragraph that the layout's grammar would read as furniture: must not occur. */
function furnitureProblem(layout, p) {
  const checks = {
    bi: [RE.biLike],
    bj: [RE.bjLike, RE.bjDate, RE.bjWidget, /^(?:Community Reviews|Showing \d+-\d+ of \d+)$/],
    bk: [RE.bkLike, /^Reply$/, /^The comments to this entry are closed\.$/],
    bl: [RE.name, RE.blDate, RE.blCount, /^(?:Reply|Share|Report|Guardian Pick|View more comments)$/],
    bm: [RE.bmLike, /^This thread has been archived/],
    bn: [RE.bnHead, RE.bnCont, RE.bnDay, /^#/],
  }[layout];
  return checks.some((re) => re.test(p));
}

function renderPage(page, pageNo, article) {
  const doc = `${article.slug}-k`;
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

  // Timeline in file (chronological) order. bi counts seconds, the others minutes.
  const rng = mulberry32(fnv1a(`heldout-k:time:${page.layout}`));
  const counts = mulberry32(fnv1a(`heldout-k:counts:${page.layout}`));
  const times = new Map();
  if (page.layout === 'bi') {
    let s = (6 * 60 + 5 + Math.floor(rng() * 45)) * 60 + Math.floor(rng() * 60);
    for (const [k, c] of selected.entries()) {
      if (k > 0) s += 15 + Math.floor(rng() * 406);
      times.set(c, s);
    }
  } else {
    let t = minutesOf(d.y, d.m, d.d, 6, 5 + Math.floor(rng() * 45));
    const [gmin, gmax] = page.gaps;
    for (const [k, c] of selected.entries()) {
      if (k > 0) {
        const [a, z] = page.groupGap && selected[k - 1].user === c.user ? page.groupGap : [gmin, gmax];
        t += a + Math.floor(rng() * (z - a + 1));
      }
      times.set(c, t);
    }
  }

  // Thread heading
  for (const fn of page.threadHead) b.line('footer', fn(article));
  if (page.threadHead.length) b.nl();

  const extras = { ratings: [], likes: 0, picks: 0, favs: 0, groups: 0, cont: 0, dayLines: 0, counts: [] };
  let lastDay = null;
  let prevUser = null;
  order.forEach((n, i) => {
    const c = n.c;
    const ps = paragraphsOf(c, pageNo, page.paras);
    if (ps.join(' ') !== c.text) throw new Error(`${doc}: split does not join back`);
    for (const p of ps) if (furnitureProblem(page.layout, p)) throw new Error(`${doc}: paragraph looks like furniture: ${p}`);
    const depth = n.depth;
    const parent = n.parent ? indexOf.get(n.parent) : null;
    const ind = ' '.repeat(4 * depth);
    let hdr;
    let span;
    let author = c.user;
    if (page.layout === 'bn') {
      // Slack: a day divider opens each day; no empty lines between messages.
      const w = wallClock(times.get(c));
      const day = `${DAYS[w.wd]}, ${MONTHS[w.m - 1]} ${ordinal(w.d)}`;
      if (day !== lastDay) {
        b.line('footer', day);
        lastDay = day;
        prevUser = null;
        extras.dayLines++;
      }
    } else if (i > 0 && page.layout !== 'bi') b.nl();
    switch (page.layout) {
      case 'bi': {
        // Zoom saved meeting chat: `HH:MM:SS From <user> to Everyone: <text>`, one message per line.
        const s = times.get(c);
        const stamp = `${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}`;
        const h = b.write(`${stamp} From ${c.user} to ${ZOOM_TO}:`);
        hdr = b.span(h.start, h.end);
        b.write(' ');
        span = b.paras(ps, { firstOpen: true });
        b.nl();
        break;
      }
      case 'bj': {
        // Goodreads-like review: `<user> rated it <phrase>` / `Mon DD, YYYY`, text, likes line.
        const w = wallClock(times.get(c));
        const stars = 1 + Math.floor(counts() * 5);
        extras.ratings.push(stars);
        hdr = b.headerBlock([`${c.user} rated it ${GR_PHRASES[stars - 1]}`, `${SHORT_MONTHS[w.m - 1]} ${pad2(w.d)}, ${w.y}`]);
        span = b.paras(ps);
        b.nl();
        const r = counts();
        const likes = Math.floor(r * r * r * 40);
        if (likes > 0) extras.likes++;
        b.line('footer', likes > 0 ? `${plural(likes, 'like')} · Like · ${GR_TAIL}` : `Like · ${GR_TAIL}`);
        break;
      }
      case 'bk': {
        // TypePad-like threaded comments: text, then `Posted by: <user> | <date> at <time>`, then `Reply`; all at 4 × depth.
        const w = wallClock(times.get(c));
        span = b.paras(ps, { indent: ind });
        b.nl();
        hdr = b.headerBlock([`Posted by: ${c.user} | ${MONTHS[w.m - 1]} ${pad2(w.d)}, ${w.y} at ${pad2(h12(w.hh))}:${pad2(w.mm)} ${ampm(w.hh)}`], ind);
        b.line('footer', TP_REPLY, ind);
        break;
      }
      case 'bl': {
        // Guardian-like: name, date and time, [Guardian Pick], recommend count, text, Reply / Share / Report.
        const w = wallClock(times.get(c));
        const lines = [c.user, `${w.d} ${SHORT_MONTHS[w.m - 1]} ${w.y} ${pad2(w.hh)}:${pad2(w.mm)}`];
        const r = counts();
        const recs = Math.floor(r * r * r * 200);
        extras.counts.push(recs);
        if (fnv1a(`pick:${c.user}:${c.pos}`) % 5 === 0) {
          lines.push(GU_PICK);
          extras.picks++;
        }
        hdr = b.headerBlock(lines);
        b.line('footer', String(recs));
        span = b.paras(ps);
        b.nl();
        for (const label of GU_BUTTONS) b.line('footer', label);
        break;
      }
      case 'bm': {
        // MetaFilter-like: text, then `posted by <user> at h:mm AM on Month D, YYYY [N favorites]`.
        const w = wallClock(times.get(c));
        span = b.paras(ps);
        b.nl();
        const r = counts();
        const favs = Math.floor(r * r * r * 30);
        if (favs > 0) extras.favs++;
        const fav = favs > 0 ? ` [${plural(favs, 'favorite')}]` : '';
        hdr = b.headerBlock([`posted by ${c.user} at ${h12(w.hh)}:${pad2(w.mm)} ${ampm(w.hh)} on ${MONTHS[w.m - 1]} ${w.d}, ${w.y}${fav}`]);
        break;
      }
      case 'bn': {
        // Slack-like channel copy: `<user>  h:mm AM` opens a group; a later message of the same group
        // shows only its hover time `h:mm`.
        const w = wallClock(times.get(c));
        if (prevUser === c.user) {
          hdr = b.headerBlock([`${h12(w.hh)}:${pad2(w.mm)}`]);
          author = null;
          extras.cont++;
        } else {
          hdr = b.headerBlock([`${c.user}  ${h12(w.hh)}:${pad2(w.mm)} ${ampm(w.hh)}`]);
          extras.groups++;
        }
        prevUser = c.user;
        span = b.paras(ps);
        b.nl();
        break;
      }
      default:
        throw new Error(page.layout);
    }
    b.comment({ index: i, author, depth, parent }, span, hdr);
  });
  if (page.threadTail.length) {
    b.nl();
    for (const tl of page.threadTail) b.line('footer', tl(article));
  }
  if (page.pageTail.length) {
    b.nl(2);
    for (const tl of page.pageTail) b.line('footer', tl);
  }
  const recs = [...b.records].sort((x, y) => x.start - y.start || x.end - y.end);
  return { doc, layout: page.layout, page, article, text: b.s, recs, order, selected, capped, extras };
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
  ['dateline', new RegExp('^(?:\\d{1,2}(?:st|nd|rd|th) [A-Z][a-z]+ \\d{4}' +
    '|(?:SUN|MON|TUE|WED|THU|FRI|SAT) (?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC) \\d{1,2} \\d{4}' +
    '|\\d\\d/\\d\\d/\\d\\d \\d\\d:\\d\\d [AP]M EDT' +
    '|\\d{4}\\.\\d\\d\\.\\d\\d)$')],
  ['caption', / REUTERS\/File Photo$| \[Getty Images\]$| \(Photo via Getty Images\)$| © Shutterstock$|^Stock photo via |  ?AFP PHOTO \/ FILE$/],
  ['source', /^Fox News contributed to this report\.$|^This story originally ran on |^\(Source: |^Content provided by |^Distributed by /],
  ['footer', /^Never miss a story|^Enjoyed this article\?|^Powered by Typepad$|^Please keep comments civil/],
];
const classify = (s) => (ARTICLE_KIND.find(([, re]) => re.test(s)) ?? ['body'])[0];
const HEAD_RE = /^(?:Community Reviews|Showing \d+-\d+ of \d+|Comments|You can follow this conversation by subscribing to the comment feed for this post\.|comments \(\d+\)|Sign in or create your Guardian account to join the discussion\.|Order by oldest|#[a-z0-9-]+)$/;
const THREAD_TAIL_RE = /^(?:The comments to this entry are closed\.|View more comments|This thread has been archived and is closed to new comments)$/;

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
  const lead = (s) => s.length - s.trimStart().length;
  const plain = (l, kind) => {
    const from = l.start + lead(l.text);
    out.push({ doc, start: from, end: l.end, text: text.slice(from, l.end), kind });
  };
  // Article: one-line blocks separated by exactly one empty line, then exactly two empty lines.
  let i = 0;
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
  // Optional thread heading: a block of heading lines, then one empty line.
  {
    let k = i;
    while (L[k] && L[k].text !== '') k++;
    const block = L.slice(i, k);
    if (L[k]?.text === '' && L[k + 1] && L[k + 1].text !== '' && block.every((l) => HEAD_RE.test(l.text))) {
      for (const l of block) plain(l, 'footer');
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
  // Paragraph block check: lines k..last are one-line paragraphs at column `col` separated by exactly
  // one empty line (which carries no indentation).
  const checkParas = (k, last, col = 0) => {
    if (last < k) err('comment without text');
    for (let q = k; q <= last; q++) {
      const s = T[q].text;
      if (s === '') {
        if (q === k || q === last || T[q - 1].text === '') err(`bad paragraph break near line ${q}`);
      } else {
        if (lead(s) !== col || /^\s*$/.test(s)) err(`text line at the wrong column: ${s.slice(0, 40)}`);
        if (q > k && T[q - 1].text !== '') err(`paragraph of two lines: ${s.slice(0, 40)}`);
      }
    }
  };
  // After a comment's last line: the end of the thread, or exactly one empty line before the next.
  const nextAfter = (q, what) => {
    if (q >= T.length) return q;
    if (T[q].text !== '' || T[q + 1]?.text === '' || q + 1 >= T.length) err(`${what} not separated by one empty line`);
    return q + 1;
  };
  const timeOf = (hh, mm, ap) => ((+hh % 12) + (ap === 'PM' ? 12 : 0)) * 60 + +mm;

  if (layout === 'bi') {
    let last = -1;
    for (const l of T) {
      const m = RE.biMsg.exec(l.text);
      if (!m) err(`bi: bad message line ${l.text.slice(0, 40)}`);
      const [hh, mm, ss] = l.text.slice(0, 8).split(':').map(Number);
      const sec = hh * 3600 + mm * 60 + ss;
      if (sec < last) err('bi: time goes backwards');
      last = sec;
      pushComment(l.start + m[1].length + 1, l.end, m[2], 0, { start: l.start, end: l.start + m[1].length });
    }
  } else if (layout === 'bj') {
    let k = 0;
    while (k < T.length) {
      const m = RE.bjHead.exec(T[k].text);
      if (!m || !RE.bjDate.test(T[k + 1]?.text ?? '')) err(`bj: bad header at ${k}`);
      let w = k + 2;
      while (w < T.length && !RE.bjWidget.test(T[w].text)) w++;
      if (w >= T.length) err('bj: no likes line');
      checkParas(k + 2, w - 1);
      pushComment(T[k + 2].start, T[w - 1].end, m[1], 0, { start: T[k].start, end: T[k + 1].end });
      const lm = RE.bjWidget.exec(T[w].text);
      if (lm[1] !== undefined && ((lm[1] === '1') !== !/likes/.test(T[w].text) || lm[1] === '0')) err('bj: singular/plural or zero likes');
      plain(T[w], 'footer');
      k = nextAfter(w + 1, 'bj: reviews');
    }
  } else if (layout === 'bk') {
    let k = 0;
    while (k < T.length) {
      let w = k;
      while (w < T.length && !(RE.bkByline.test(T[w].text.trimStart()) && T[w + 1]?.text.trim() === TP_REPLY)) w++;
      if (w >= T.length) err('bk: no byline');
      const col = lead(T[w].text);
      if (col % 4 !== 0 || lead(T[w + 1].text) !== col) err('bk: bad indentation of byline or Reply');
      checkParas(k, w - 1, col);
      const m = RE.bkByline.exec(T[w].text.trimStart());
      pushComment(T[k].start + col, T[w - 1].end, m[1], col / 4, { start: T[w].start + col, end: T[w].end });
      plain(T[w + 1], 'footer');
      k = nextAfter(w + 2, 'bk: comments');
    }
  } else if (layout === 'bl') {
    let k = 0;
    while (k < T.length) {
      if (!RE.name.test(T[k].text) || !RE.blDate.test(T[k + 1]?.text ?? '')) err(`bl: bad header at ${k}`);
      let q = k + 2;
      if (T[q]?.text === GU_PICK) q++;
      const hdr = { start: T[k].start, end: T[q - 1].end };
      if (!RE.blCount.test(T[q]?.text ?? '')) err('bl: no recommend count');
      plain(T[q], 'footer');
      const first = q + 1;
      let w = first;
      while (w < T.length && !(T[w].text === GU_BUTTONS[0] && T[w + 1]?.text === GU_BUTTONS[1] && T[w + 2]?.text === GU_BUTTONS[2])) w++;
      if (w >= T.length) err('bl: no button lines');
      checkParas(first, w - 1);
      pushComment(T[first].start, T[w - 1].end, T[k].text, 0, hdr);
      for (let o = 0; o < 3; o++) plain(T[w + o], 'footer');
      k = nextAfter(w + 3, 'bl: comments');
    }
  } else if (layout === 'bm') {
    let k = 0;
    while (k < T.length) {
      let w = k;
      while (w < T.length && !RE.bmByline.test(T[w].text)) w++;
      if (w >= T.length) err('bm: no byline');
      checkParas(k, w - 1);
      const m = RE.bmByline.exec(T[w].text);
      if (m[2] !== undefined && ((m[2] === '1') !== /favorite\]$/.test(T[w].text) || m[2] === '0')) err('bm: singular/plural or zero favorites');
      pushComment(T[k].start, T[w - 1].end, m[1], 0, { start: T[w].start, end: T[w].end });
      k = nextAfter(w + 1, 'bm: comments');
    }
  } else if (layout === 'bn') {
    let cur = null; // { hdr, author, first, last }
    let groupUser = null;
    let lastMin = -Infinity;
    let day = null;
    const flush = () => {
      if (!cur) return;
      checkParas(cur.first, cur.last);
      pushComment(T[cur.first].start, T[cur.last].end, cur.author, 0, cur.hdr);
      cur = null;
    };
    for (let k = 0; k < T.length; k++) {
      const s = T[k].text;
      const mh = RE.bnHead.exec(s);
      if (RE.bnDay.test(s) || mh || RE.bnCont.test(s)) {
        if (cur && cur.last === null) err('bn: header without text');
        flush();
        if (RE.bnDay.test(s)) {
          plain(T[k], 'footer');
          groupUser = null;
          day = s;
          lastMin = -Infinity;
          continue;
        }
        if (day === null) err('bn: message before the first day divider');
        let min;
        if (mh) {
          groupUser = mh[1];
          const t = /^(\d+):(\d\d) ([AP]M)$/.exec(mh[2]);
          min = timeOf(t[1], t[2], t[3]);
        } else {
          if (groupUser === null) err('bn: continuation without a group');
          const [hh, mm] = s.split(':');
          // the hover time has no AM/PM: take the reading nearest after the previous message
          min = [timeOf(hh, mm, 'AM'), timeOf(hh, mm, 'PM')].filter((x) => x >= lastMin).sort((x, y) => x - y)[0];
          if (min === undefined || min - lastMin > 5) err('bn: continuation more than 5 minutes after the previous message');
        }
        if (min < lastMin) err('bn: time goes backwards');
        lastMin = min;
        cur = { hdr: { start: T[k].start, end: T[k].end }, author: mh ? mh[1] : null, first: k + 1, last: null };
        continue;
      }
      if (!cur) err(`bn: text outside a message: ${s.slice(0, 40)}`);
      if (s !== '') cur.last = k;
    }
    if (cur && cur.last === null) err('bn: header without text');
    flush();
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
    if (hasBom !== p.page.bom || hasBom !== (p.layout === 'bj')) fail(`${p.doc}: BOM ${hasBom} (only the bj page has one)`);
    const text = hasBom ? raw.slice(1) : raw;
    if ((p.page.eol === '\r\n') !== (p.layout === 'bi') || /\r\n/.test(text) !== (p.layout === 'bi')) fail(`${p.doc}: CRLF only on the bi page`);
    if (text !== p.text) fail(`${p.doc}: file differs from the generated text`);
    const eol = p.page.eol;
    const rs = recs.filter((r) => r.doc === p.doc);
    // Line endings and whitespace
    if (eol === '\r\n') {
      if (/\r(?!\n)|(?<!\r)\n/.test(text)) fail(`${p.doc}: stray CR or LF on the CRLF page`);
    } else if (text.includes('\r')) fail(`${p.doc}: CR on an LF page`);
    if (!text.endsWith(eol) || text.endsWith(eol + eol)) fail(`${p.doc}: must end with one line ending`);
    if (/[ \t\u00a0\u202f]\r?$/m.test(text)) fail(`${p.doc}: trailing whitespace`);
    if (text.includes('\t')) fail(`${p.doc}: tab`);
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
    // Comment structure: 20 comments, index 0..19 in document order, valid parents
    const cs = rs.filter((r) => r.kind === 'comment');
    if (cs.length !== N_COMMENTS) fail(`${p.doc}: ${cs.length} comments`);
    cs.forEach((c, k) => {
      if (c.index !== k) fail(`${p.doc}: index ${c.index} at position ${k}`);
      if (!c.header || c.text === '') fail(`${p.doc}: #${k} lacks header or text`);
      if (typeof c.author !== 'string' && !(p.layout === 'bn' && c.author === null && RE.bnCont.test(c.header?.text ?? ''))) fail(`${p.doc}: #${k} author`);
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
    const partsOf = (c) => c.text.split(paraSep).map((x) => x.replace(/^ +/, ''));
    const pool = [...p.selected];
    let lastPos = -1;
    let groupAuthor = null;
    const paraCounts = [];
    const srcOf = new Map();
    for (const c of cs) {
      const parts = partsOf(c);
      paraCounts.push(parts.length);
      if (parts.some((x) => /[\r\n]/.test(x))) fail(`${p.doc}: #${c.index} paragraph of several lines`);
      if (p.layout === 'bk' && c.text.split(paraSep).slice(1).some((x) => !x.startsWith(' '.repeat(4 * c.depth)) || x[4 * c.depth] === ' ')) fail(`${p.doc}: #${c.index} later paragraph not at the comment's indent`);
      if (c.author !== null) groupAuthor = c.author;
      const user = c.author ?? groupAuthor;
      const q = pool.findIndex((x) => x && x.text === parts.join(' ') && x.user === user);
      if (q < 0) {
        fail(`${p.doc}: #${c.index} text/author not among the first 20 comments`);
        continue;
      }
      if (!p.page.nested && pool[q].pos < lastPos) fail(`${p.doc}: flat page not in file order`);
      lastPos = pool[q].pos;
      if (parts.length > 1 && parts.some((x) => x.length < MIN_PART)) fail(`${p.doc}: #${c.index} paragraph too short`);
      srcOf.set(c, pool[q]);
      pool[q] = null;
    }
    if (p.page.paras && !paraCounts.some((n) => n > 1)) fail(`${p.doc}: no multi-paragraph comment`);
    if (!p.page.paras && paraCounts.some((n) => n > 1)) fail(`${p.doc}: paragraphs on a one-line layout`);
    // bn: a header without a name exactly when the previous message of the same day is by the same user
    if (p.layout === 'bn') {
      cs.forEach((c, k) => {
        const sameDayPrev = k > 0 && !text.slice(cs[k - 1].end, c.header.start).split('\n').some((l) => RE.bnDay.test(l));
        const sameUser = sameDayPrev && srcOf.get(cs[k - 1])?.user === srcOf.get(c)?.user;
        if ((c.author === null) !== sameUser) fail(`${p.doc}: #${k} grouping does not follow the users`);
      });
    }
    // Nested page: each parent is the addressee's comment
    if (p.page.nested) {
      for (const c of cs) {
        if (c.parent === null) continue;
        if (addresseeComment(p.article, srcOf.get(c)) !== srcOf.get(cs[c.parent])) fail(`${p.doc}: #${c.index} parent is not the addressee's latest comment`);
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
      bi: 'one line per message',
      bj: `stars ${x.ratings.join('')}; likes lines with a count ${x.likes}`,
      bk: `max depth ${Math.max(...cs.map((c) => c.depth))}`,
      bl: `Guardian Pick ${x.picks}; recommends ${Math.min(...x.counts)}…${Math.max(...x.counts)}`,
      bm: `bylines with favorites ${x.favs}`,
      bn: `day dividers ${x.dayLines}; group headers ${x.groups}; time-only headers ${x.cont}`,
    }[p.layout];
    summary.push(`${p.layout} ${p.doc}${p.page.bom ? ' [BOM]' : ''}${eol === '\r\n' ? ' [CRLF]' : ''}: ${rs.length} records ` +
      `${JSON.stringify(kinds)}; depth 0/1/2/3/4 ${depthProfile}; paragraphs (index:n) ${multi}; ${special}` +
      (p.capped ? `; ${p.capped} replies re-attached by the depth cap` : ''));
  }
  // Across pages
  if (built.map((p) => p.layout).sort().join() !== 'bi,bj,bk,bl,bm,bn') fail('layouts bi–bn must each appear once');
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
