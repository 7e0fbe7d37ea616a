#!/usr/bin/env node
// Held-out segmentation pages, set H (layouts aq–av; "ap" is skipped).
//
// Builds tests/heldout-h/pages/*.txt and tests/heldout-h/segment.gold.jsonl from the Fox News
// comments dataset, then re-reads the files from disk and checks them (see tests/heldout-h/README.md).
//
//   node scripts/build-heldout-h-pages.mjs                 # shared dir defaults to <repo>/../shared
//   node scripts/build-heldout-h-pages.mjs /path/to/shared
//
// Plain Node >= 20, no dependencies, no imports other than node:fs, node:path and node:url. It reads
// nothing but the dataset, reads no clock, and its only randomness is a fixed-seed PRNG, so two runs
// give byte-identical output. Gold offsets are taken while the page text is being written, never by
// searching the finished text.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = path.resolve(process.argv[2] ?? path.join(REPO, '..', 'shared'));
const DATA_DIR = path.join(SHARED, 'datasets', 'fox-news-comments');
const OUT_DIR = path.join(REPO, 'tests', 'heldout-h');
const PAGES_DIR = path.join(OUT_DIR, 'pages');
const GOLD_FILE = path.join(OUT_DIR, 'segment.gold.jsonl');

const N_COMMENTS = 20;
const BOM = '\uFEFF';
const COPYRIGHT = '© 2016 FOX News Network, LLC. All rights reserved.';
const NEWSLETTER = 'Sign up for our newsletter to get stories like this in your inbox.';

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

/** Minutes since the epoch of a wall-clock time (no time zone; UTC arithmetic). */
const minutesOf = (y, m, d, hh = 0, mm = 0) => Date.UTC(y, m - 1, d, hh, mm) / 60000;
function wallClock(min) {
  const t = new Date(min * 60000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), hh: t.getUTCHours(), mm: t.getUTCMinutes(), wd: t.getUTCDay() };
}
const ordinal = (n) => `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;

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
  for (const c of out) if (c.text !== c.text.trim()) throw new Error(`${article.slug}: untrimmed text at ${c.pos}`);
  return out;
}

/**
 * Reply tree over the selected comments: the parent is the most recent earlier comment of the article
 * by the addressee. The selection is a prefix of the article, so that parent is always selected.
 * Depths beyond `cap` are re-attached to their ancestor at depth cap − 1 (not triggered on this set's pages).
 * Returns the comments in display order (pre-order, roots and children in file order) with depth.
 */
function replyTree(article, selected, cap) {
  const chosen = new Set(selected);
  const node = new Map(selected.map((c) => [c, { c, parent: null, children: [], depth: 0, addressee: addresseeOf(c) }]));
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
 * possible (up to 3), 1 → at most 2, 2 → 1. Layouts that print one line per comment get 1.
 */
function paragraphsOf(c, pageNo, multiOk) {
  if (!multiOk) return [c.text];
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

  /** A one-line non-comment record, followed by a line break. */
  line(kind, str, indent = '') {
    this.write(indent);
    const r = this.write(str);
    this.records.push({ doc: this.doc, start: r.start, end: r.end, text: str, kind });
    this.nl();
    return r;
  }

  /**
   * Paragraphs, each one line at `indent`, separated by one empty line; the first paragraph's line may
   * already be open (firstOpen: nothing written before it on this line besides its prefix). Does not
   * end the last line. Returns the span from the first character of the first paragraph to the last
   * character of the last one.
   */
  paras(ps, indent, firstOpen = false) {
    let start = null;
    let end = null;
    ps.forEach((p, k) => {
      if (k > 0) {
        this.nl(2);
      }
      if (!(k === 0 && firstOpen)) this.write(indent);
      const r = this.write(p);
      if (start === null) start = r.start;
      end = r.end;
    });
    return { start, end };
  }

  /** Header lines at `indent`: one span from the first non-space character to the end of the last line. Ends the last line. */
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

const PAGES = [
  { layout: 'aq', article: 'Fury as feminist', eol: '\n', bom: false, nested: false,
    dateline: (d) => `${MONTHS[d.m - 1]} ${ordinal(d.d)}, ${d.y}`,
    before: [], bodyParas: 1, after: [['source', 'Via Fox News']],
    threadHead: [], threadTail: [], pageTail: [COPYRIGHT] },
  { layout: 'ar', article: 'ICE program', eol: '\n', bom: false, nested: true, cap: 4,
    dateline: (d) => `${DAYS[d.wd]} ${d.d} ${MONTHS[d.m - 1]} ${d.y} 07.00 EDT`,
    before: [], bodyParas: 2, after: [['caption', '(AP Photo/File)'], ['source', 'This article first appeared on FoxNews.com.']],
    threadHead: [], threadTail: [], pageTail: [] },
  { layout: 'as', article: 'First lady', eol: '\n', bom: false, nested: true, cap: 4,
    dateline: (d) => `${d.m}/${d.d}/${String(d.y).slice(2)}`,
    before: [['caption', 'Photo credit: Getty Images']], bodyParas: 1, after: [],
    threadHead: [], threadTail: [], pageTail: [NEWSLETTER] },
  { layout: 'at', article: 'States moving', eol: '\r\n', bom: true, nested: false,
    dateline: (d) => `${pad2(d.d)}-${SHORT_MONTHS[d.m - 1]}-${d.y}`,
    before: [], bodyParas: 2, after: [['caption', 'FILE: A sign at a grocery store says EBT cards are accepted. (AP)']],
    threadHead: [], threadTail: [], pageTail: [COPYRIGHT] },
  { layout: 'au', article: 'Navy names ship', eol: '\n', bom: false, nested: false,
    dateline: (d) => `${pad2(d.d)}/${pad2(d.m)}/${d.y}`,
    before: [], bodyParas: 1, after: [['caption', 'File photo (Reuters)'], ['source', 'Source: Fox News']],
    threadHead: [], threadTail: ['Add a comment'], pageTail: [] },
  { layout: 'av', article: 'Confederate flag', eol: '\n', bom: false, nested: true, cap: 8,
    dateline: null,
    before: [], bodyParas: 2, after: [['caption', 'The Confederate battle flag. (Reuters)'], ['source', 'Originally published on FoxNews.com']],
    threadHead: ['Sort by: Best'], threadTail: [], pageTail: [COPYRIGHT] },
];
const GAP_OF = { aq: 0, ar: 0, as: 1, at: 1, au: 0, av: 0 }; // blank lines between comments
const MULTI_OK = { aq: true, ar: true, as: true, at: true, au: false, av: true }; // paragraphs allowed
const WIKI_STEP = 4;
const AV_ACTIONS = 'Reply Share Report Save Follow';

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

/** A paragraph that the layout's grammar would read as furniture: must not occur. */
function furnitureProblem(layout, p) {
  const checks = {
    aq: [/^\d+w(?: \d+ likes?)? Reply$/],
    ar: [/ (?:--)?[A-Za-z0-9_]+ \(talk\) \d\d:\d\d, \d{1,2} [A-Z][a-z]+ \d{4} \(UTC\)$/],
    as: [/^\*+ /],
    at: [/^\[In reply to /, /^[A-Za-z0-9_]+, \[\d\d\.\d\d\.\d\d \d\d:\d\d\]$/],
    au: [/ – [A-Za-z0-9_]+ [A-Z][a-z]{2} \d{1,2} '\d\d at \d{1,2}:\d\d$/, /^Add a comment$/],
    av: [/^level \d+$/, /^-?\d+$/, /^· /, /^Reply Share/],
  }[layout];
  return checks.some((re) => re.test(p));
}

function renderPage(page, pageNo, article) {
  const doc = `${article.slug}-h`;
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
  for (const t of page.threadHead) {
    b.line('footer', t);
    b.nl();
  }

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
  const rng = mulberry32(fnv1a(`heldout-h:time:${page.layout}`));
  const counts = mulberry32(fnv1a(`heldout-h:counts:${page.layout}`));
  const times = new Map();
  let t = minutesOf(d.y, d.m, d.d, 6, Math.floor(rng() * 50));
  for (const [k, c] of selected.entries()) {
    if (k > 0) t += 2 + Math.floor(rng() * 39);
    times.set(c, t);
  }
  const scrapeAq = minutesOf(d.y + 3, d.m, d.d + 10, 12, 0);

  order.forEach((n, i) => {
    const c = n.c;
    const ps = paragraphsOf(c, pageNo, MULTI_OK[page.layout]);
    if (ps.join(' ') !== c.text) throw new Error(`${doc}: split does not join back`);
    for (const p of ps) if (furnitureProblem(page.layout, p)) throw new Error(`${doc}: paragraph looks like furniture: ${p}`);
    const depth = n.depth;
    const parent = n.parent ? indexOf.get(n.parent) : null;
    const w = wallClock(times.get(c));
    if (i > 0) b.nl(GAP_OF[page.layout]);
    let hdr;
    let span;
    switch (page.layout) {
      case 'aq': {
        // `user text…` on one line; later paragraphs at column 0; then `157w 3 likes Reply`.
        const h = b.write(c.user);
        hdr = b.span(h.start, h.end);
        b.write(' ');
        span = b.paras(ps, '', true);
        b.nl();
        const weeks = Math.floor((scrapeAq - times.get(c)) / (7 * 1440));
        const r = counts();
        const likes = Math.floor(r * r * r * 90);
        b.line('footer', `${weeks}w ${likes === 0 ? '' : `${likes} ${likes === 1 ? 'like' : 'likes'} `}Reply`);
        break;
      }
      case 'ar': {
        // Paragraphs at 4 × depth spaces; the signature closes the last paragraph's line.
        const ind = ' '.repeat(WIKI_STEP * depth);
        span = b.paras(ps, ind);
        const dash = fnv1a(`dash:${c.user}`) % 3 === 0 ? '--' : '';
        b.write(' ');
        const h = b.write(`${dash}${c.user} (talk) ${pad2(w.hh)}:${pad2(w.mm)}, ${w.d} ${MONTHS[w.m - 1]} ${w.y} (UTC)`);
        hdr = b.span(h.start, h.end);
        b.nl();
        break;
      }
      case 'as': {
        // Org-mode heading: depth + 1 stars, name, inactive timestamp; text at column 0.
        hdr = b.headerBlock([`${'*'.repeat(depth + 1)} ${c.user} [${w.y}-${pad2(w.m)}-${pad2(w.d)} ${SHORT_DAYS[w.wd]} ${pad2(w.hh)}:${pad2(w.mm)}]`]);
        span = b.paras(ps, '');
        b.nl();
        break;
      }
      case 'at': {
        // Telegram-desktop-like copy: `user, [dd.mm.yy hh:mm]`, optional `[In reply to X]`.
        const lines = [`${c.user}, [${pad2(w.d)}.${pad2(w.m)}.${String(w.y).slice(2)} ${pad2(w.hh)}:${pad2(w.mm)}]`];
        if (n.addressee && article.comments.slice(0, c.pos).some((e) => e.user === n.addressee)) lines.push(`[In reply to ${n.addressee}]`);
        hdr = b.headerBlock(lines);
        span = b.paras(ps, '');
        b.nl();
        break;
      }
      case 'au': {
        // Q&A-site comment list: `text – user Aug 17 '16 at 6:09`, one line per comment.
        span = b.paras(ps, '');
        b.write(' ');
        const h = b.write(`– ${c.user} ${SHORT_MONTHS[w.m - 1]} ${w.d} '${String(w.y).slice(2)} at ${w.hh}:${pad2(w.mm)}`);
        hdr = b.span(h.start, h.end);
        b.nl();
        break;
      }
      case 'av': {
        // Reddit-redesign copy: `level N`, user, `· 3 yr. ago`, text, score, action buttons.
        hdr = b.headerBlock([`level ${depth + 1}`, c.user, '· 3 yr. ago']);
        span = b.paras(ps, '');
        b.nl();
        const r = counts();
        const score = Math.floor(r * r * r * (depth === 0 ? 150 : 40)) + 1 - Math.floor(counts() * 3);
        b.line('footer', String(score));
        b.line('footer', AV_ACTIONS);
        break;
      }
      default:
        throw new Error(page.layout);
    }
    b.comment({ index: i, author: c.user, depth, parent }, span, hdr);
  });
  for (const tl of page.threadTail) b.line('footer', tl);
  for (const tl of page.pageTail) {
    b.nl(2);
    b.line('footer', tl);
  }
  const recs = [...b.records].sort((x, y) => x.start - y.start || x.end - y.end);
  return { doc, layout: page.layout, page, article, text: b.s, recs, order, selected, capped };
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
  ['dateline', /^(?:[A-Z][a-z]+ \d{1,2}(?:st|nd|rd|th), \d{4}|[A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ \d{4} \d\d\.\d\d [A-Z]{3}|\d{1,2}\/\d{1,2}\/\d\d|\d\d-[A-Z][a-z]{2}-\d{4}|\d\d\/\d\d\/\d{4})$/],
  ['caption', /^\(AP Photo\/File\)$|^Photo credit: |^FILE: .*\(AP\)$|^File photo \(Reuters\)$|\. \(Reuters\)$/],
  ['source', /^Via Fox News$|^This article first appeared on |^Source: |^Originally published on /],
  ['footer', /^© |^Sign up for our newsletter|^Sort by: |^Add a comment$/],
];
const classify = (s) => (ARTICLE_KIND.find(([, re]) => re.test(s)) ?? ['body'])[0];

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
  const plain = (l, kind) => out.push({ doc, start: l.start, end: l.end, text: l.text, kind });
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
  // Optional thread heading (a footer line and one empty line).
  if (classify(L[i].text) === 'footer' && L[i + 1]?.text === '' && L[i + 2]?.text !== '') {
    plain(L[i], 'footer');
    i += 2;
  }
  // Page tail: a footer line after exactly two empty lines.
  let end = L.length;
  if (L[end - 2]?.text === '' && L[end - 3]?.text === '' && classify(L[end - 1].text) === 'footer') {
    if (L[end - 4]?.text === '') err('more than two empty lines before the last footer');
    plain(L[end - 1], 'footer');
    end -= 3;
  }
  const T = L.slice(i, end);
  if (T.length === 0 || T[T.length - 1].text === '') err('thread ends with an empty line');
  const indentOf = (s) => s.length - s.trimStart().length;
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
  };
  // Paragraph block check: lines k..last are paragraphs (non-empty, one line each) separated by exactly one empty line.
  const checkParas = (k, last, ind) => {
    if (last < k) err('comment without text');
    for (let q = k; q <= last; q++) {
      const s = T[q].text;
      if (s === '') {
        if (q === k || q === last || T[q - 1].text === '') err(`bad paragraph break near line ${q}`);
      } else {
        if (indentOf(s) !== ind) err(`text line at the wrong indent: ${s.slice(0, 40)}`);
        if (q > k && T[q - 1].text !== '') err(`paragraph of two lines: ${s.slice(0, 40)}`);
      }
    }
  };

  if (layout === 'aq') {
    const head = /^([A-Za-z0-9_]+) (\S.*)$/;
    const widget = /^\d+w(?: [1-9]\d* likes?)? Reply$/;
    let k = 0;
    while (k < T.length) {
      const m = head.exec(T[k].text);
      if (!m) err(`aq: no header at ${T[k].text.slice(0, 40)}`);
      let w = k + 1;
      while (w < T.length && !widget.test(T[w].text)) w++;
      if (w >= T.length) err('aq: no widget line');
      checkParas(k, w - 1, 0);
      if (/ 1 likes| [02-9]\d* like /.test(T[w].text)) err('aq: like/likes');
      const hs = T[k].start;
      pushComment(hs + m[1].length + 1, T[w - 1].end, m[1], 0, { start: hs, end: hs + m[1].length });
      plain(T[w], 'footer');
      k = w + 1;
    }
  } else if (layout === 'ar') {
    const sig = /^(.*\S) ((?:--)?([A-Za-z0-9_]+) \(talk\) \d\d:\d\d, \d{1,2} [A-Z][a-z]+ \d{4} \(UTC\))$/;
    let k = 0;
    while (k < T.length) {
      let e = k;
      while (e < T.length && !sig.test(T[e].text.trim())) e++;
      if (e >= T.length) err('ar: text without a signature');
      const ind = indentOf(T[k].text);
      if (ind % WIKI_STEP !== 0) err('ar: indent not a multiple of the step');
      checkParas(k, e, ind);
      const line = T[e];
      const m = sig.exec(line.text.trim());
      const hs = line.end - m[2].length;
      pushComment(T[k].start + ind, hs - 1, m[3], ind / WIKI_STEP, { start: hs, end: line.end });
      k = e + 1;
      if (T[k]?.text === '') err('ar: empty line between comments');
    }
  } else if (layout === 'as' || layout === 'at') {
    const isHead = layout === 'as'
      ? (s) => /^(\*+) ([A-Za-z0-9_]+) \[\d{4}-\d\d-\d\d (?:Sun|Mon|Tue|Wed|Thu|Fri|Sat) \d\d:\d\d\]$/.exec(s)
      : (s) => /^([A-Za-z0-9_]+), \[\d\d\.\d\d\.\d\d \d\d:\d\d\]$/.exec(s);
    const heads = [];
    for (let k = 0; k < T.length; k++) if (isHead(T[k].text) && (k === 0 || T[k - 1].text === '')) heads.push(k);
    if (heads[0] !== 0) err('thread does not start with a header');
    heads.forEach((h, n) => {
      const next = n + 1 < heads.length ? heads[n + 1] : T.length;
      const m = isHead(T[h].text);
      let k = h + 1;
      let he = T[h].end;
      if (layout === 'at' && /^\[In reply to [A-Za-z0-9_]+\]$/.test(T[k].text)) {
        he = T[k].end;
        k++;
      }
      let last = next - 1;
      let gap = 0;
      while (last >= k && T[last].text === '') {
        last--;
        gap++;
      }
      if (n + 1 < heads.length && gap !== 1) err(`gap of ${gap} before header ${n + 1}`);
      checkParas(k, last, 0);
      const depth = layout === 'as' ? m[1].length - 1 : 0;
      pushComment(T[k].start, T[last].end, layout === 'as' ? m[2] : m[1], depth, { start: T[h].start, end: he });
    });
  } else if (layout === 'au') {
    const re = /^(\S.*\S|\S) (– ([A-Za-z0-9_]+) [A-Z][a-z]{2} \d{1,2} '\d\d at \d{1,2}:\d\d)$/;
    let k = 0;
    for (; k < T.length; k++) {
      if (T[k].text === 'Add a comment') break;
      const m = re.exec(T[k].text);
      if (!m) err(`au: bad line ${T[k].text.slice(0, 40)}`);
      const hs = T[k].end - m[2].length;
      pushComment(T[k].start, hs - 1, m[3], 0, { start: hs, end: T[k].end });
    }
    if (k !== T.length - 1) err('au: "Add a comment" is not the last thread line');
    plain(T[k], 'footer');
  } else if (layout === 'av') {
    let k = 0;
    while (k < T.length) {
      const lv = /^level ([1-9]\d*)$/.exec(T[k].text);
      if (!lv || !/^[A-Za-z0-9_]+$/.test(T[k + 1]?.text ?? '') || T[k + 2]?.text !== '· 3 yr. ago') err(`av: bad header at ${k}`);
      let w = k + 3;
      while (w < T.length && !/^-?\d+$/.test(T[w].text)) w++;
      if (w + 1 >= T.length || T[w + 1].text !== AV_ACTIONS) err('av: no score and action lines');
      checkParas(k + 3, w - 1, 0);
      pushComment(T[k + 3].start, T[w - 1].end, T[k + 1].text, +lv[1] - 1, { start: T[k].start, end: T[k + 2].end });
      plain(T[w], 'footer');
      plain(T[w + 1], 'footer');
      k = w + 2;
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
    const eol = p.page.eol;
    const rs = recs.filter((r) => r.doc === p.doc);
    // Line endings and whitespace
    if (eol === '\r\n') {
      if (/\r(?!\n)|(?<!\r)\n/.test(text)) fail(`${p.doc}: stray CR or LF on the CRLF page`);
    } else if (text.includes('\r')) fail(`${p.doc}: CR on an LF page`);
    if (!text.endsWith(eol) || text.endsWith(eol + eol)) fail(`${p.doc}: must end with one line ending`);
    if (/[ \t]\r?\n/.test(text)) fail(`${p.doc}: trailing whitespace`);
    if (text.includes('\t')) fail(`${p.doc}: tab`);
    if (/[\u200b-\u200d\u2060\ufeff]/.test(text)) fail(`${p.doc}: zero-width character`);
    if (/[\ud800-\udfff]/.test(text)) fail(`${p.doc}: non-BMP character`);
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
    for (const [s, e, name] of spans) for (let x = s; x < e; x++) owner[x] = 1;
    for (let x = 0; x < text.length; x++) if (owner[x] < 0 && !/\s/.test(text[x])) {
      fail(`${p.doc}: uncovered character ${JSON.stringify(text[x])} at ${x}`);
      break;
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
    });
    if (!p.page.nested && cs.some((c) => c.depth !== 0)) fail(`${p.doc}: depth on a flat page`);
    if (p.page.nested && Math.max(...cs.map((c) => c.depth)) < 2) fail(`${p.doc}: nested page does not reach depth 2`);
    // Data: texts and authors are the article's first 20 comments (flat pages in file order)
    const paraSep = (c) => eol + eol + (p.layout === 'ar' ? ' '.repeat(WIKI_STEP * c.depth) : '');
    const pool = [...p.selected];
    let lastPos = -1;
    const paraCounts = [];
    for (const c of cs) {
      const parts = c.text.split(paraSep(c));
      paraCounts.push(parts.length);
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
    if (MULTI_OK[p.layout] && !paraCounts.some((n) => n > 1)) fail(`${p.doc}: no multi-paragraph comment`);
    if (!MULTI_OK[p.layout] && paraCounts.some((n) => n > 1)) fail(`${p.doc}: paragraphs where the layout has none`);
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
    summary.push(`${p.layout} ${p.doc}${p.page.bom ? ' [BOM]' : ''}${eol === '\r\n' ? ' [CRLF]' : ''}: ${rs.length} records ` +
      `${JSON.stringify(kinds)}; depth 0/1/2/3/4 ${depthProfile}; paragraphs (index:n) ${multi}`);
  }
  // Across pages
  if (built.map((p) => p.layout).sort().join() !== 'aq,ar,as,at,au,av') fail('layouts aq–av must each appear once');
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
  for (const p of built) if (p.capped) throw new Error(`${p.doc}: ${p.capped} replies re-attached by the cap`);
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
