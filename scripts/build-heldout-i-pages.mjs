#!/usr/bin/env node
// Held-out segmentation pages, set I (layouts aw–bb).
//
// Builds tests/heldout-i/pages/*.txt and tests/heldout-i/segment.gold.jsonl from the Fox News
// comments dataset, then re-reads the files from disk and checks them (see tests/heldout-i/README.md).
//
//   node scripts/build-heldout-i-pages.mjs                 # shared dir defaults to <repo>/../shared
//   node scripts/build-heldout-i-pages.mjs /path/to/shared
//
// Plain Node >= 20, no dependencies, no imports other than node:fs, node:path and node:url. It reads
// nothing but the dataset, reads no clock, and its only randomness is a fixed-seed PRNG, so two runs
// give byte-identical output. Gold offsets are taken while the page text is being written, never by
// searching the finished text. Helpers (PRNG, hash, slug rule, reply tree, paragraph splits, page
// writer, checks) follow scripts/build-heldout-h-pages.mjs.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = path.resolve(process.argv[2] ?? path.join(REPO, '..', 'shared'));
const DATA_DIR = path.join(SHARED, 'datasets', 'fox-news-comments');
const OUT_DIR = path.join(REPO, 'tests', 'heldout-i');
const PAGES_DIR = path.join(OUT_DIR, 'pages');
const GOLD_FILE = path.join(OUT_DIR, 'segment.gold.jsonl');

const N_COMMENTS = 20;
const BOM = '\uFEFF';
const NBSP = '\u00A0'; // bb indentation
const NNBSP = '\u202F'; // aw: the narrow no-break space WhatsApp puts before AM/PM

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
const thousands = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

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
 * possible (up to 3), 1 → at most 2, 2 → 1.
 */
function paragraphsOf(c, pageNo) {
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

  /** A one-line non-comment record at `indent`, followed by a line break. */
  line(kind, str, indent = '') {
    this.write(indent);
    const r = this.write(str);
    this.records.push({ doc: this.doc, start: r.start, end: r.end, text: str, kind });
    this.nl();
    return r;
  }

  /**
   * Paragraphs, each one line at `indent`, separated by one empty line (no indentation on it); the
   * first paragraph's line may already be open (firstOpen). Does not end the last line. Returns the
   * span from the first character of the first paragraph to the last character of the last one.
   */
  paras(ps, indent, firstOpen = false) {
    let start = null;
    let end = null;
    ps.forEach((p, k) => {
      if (k > 0) this.nl(2);
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

const WA_SYSTEM = 'Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.';
const VB_RANKS = ['Junior Member', 'Member', 'Senior Member', 'Registered User', 'Gold Member'];
const STEAM_BUTTONS = 'Was this comment helpful? Yes No Funny';
const SE_ACTIONS = 'Share Improve this answer Follow';
const LJ_TOP = '(Reply) (Thread) (Link)';
const LJ_REPLY = '(Reply) (Parent) (Thread) (Link)';
const LJ_STEP = 4; // NBSPs per level on bb

const PAGES = [
  { layout: 'aw', article: 'German lawmakers', eol: '\n', bom: false, nested: false,
    dateline: (d) => `Updated 6:00 AM ET, ${SHORT_DAYS[d.wd]} ${MONTHS[d.m - 1]} ${d.d}, ${d.y}`,
    before: [], bodyParas: 1,
    after: [['caption', 'The Bundestag in Berlin. Photograph: Reuters'], ['source', 'Reprinted from FoxNews.com']],
    threadHead: [], threadTail: null,
    pageTail: ['Copyright 2016 FOX News Network, LLC. All rights reserved. This material may not be published, broadcast, rewritten, or redistributed.'] },
  { layout: 'ax', article: 'Black Lives Matter', eol: '\r\n', bom: false, nested: false,
    dateline: (d) => `${SHORT_DAYS[d.wd]}, ${pad2(d.m)}/${pad2(d.d)}/${d.y} - 06:00`,
    before: [['caption', 'Photo courtesy of the Associated Press']], bodyParas: 1,
    after: [['source', 'Read the original article at FoxNews.com']],
    threadHead: [(a) => `Results 1 to ${N_COMMENTS} of ${a.comments.length}`], threadTail: null,
    pageTail: ['All times are GMT -4. The time now is 09:14 PM.', 'Powered by vBulletin® Version 4.2.3',
      'Copyright © 2016 vBulletin Solutions, Inc. All rights reserved.'] },
  { layout: 'ay', article: 'Texas, 12 states', eol: '\n', bom: false, nested: true, cap: 4,
    dateline: (d) => `${SHORT_MONTHS[d.m - 1]} ${d.d}, ${d.y} | 6:00am ET`,
    before: [], bodyParas: 1, after: [['source', 'Story via Fox News']],
    threadHead: [(a) => `${N_COMMENTS} thoughts on “${a.title}”`], threadTail: () => 'Comments are closed.',
    pageTail: [] },
  { layout: 'az', article: 'Fury as feminist', eol: '\n', bom: false, nested: false,
    dateline: null,
    before: [], bodyParas: 1, after: [['caption', 'Screenshot via Twitter']],
    threadHead: [], threadTail: (a) => `See all ${a.comments.length} comments`,
    pageTail: [] },
  { layout: 'ba', article: 'Supreme Court', eol: '\n', bom: true, nested: false,
    dateline: (d) => `${SHORT_MONTHS[d.m - 1]} ${d.d} '${yy(d.y)}`,
    before: [], bodyParas: 2,
    after: [['caption', 'The U.S. Supreme Court building in Washington. Photo by AP'], ['source', 'Courtesy of FoxNews.com']],
    threadHead: [() => `${N_COMMENTS} Answers`], threadTail: null,
    pageTail: ["Not the answer you're looking for? Browse other questions tagged affirmative-action college-admissions or ask your own question."] },
  { layout: 'bb', article: 'Confederate flag', eol: '\n', bom: false, nested: true, cap: 4,
    dateline: (d) => `${pad2(d.d)}-${pad2(d.m)}-${d.y}`,
    before: [['caption', 'Image credit: Reuters']], bodyParas: 2,
    after: [['source', 'Republished with permission from FoxNews.com']],
    threadHead: [(a) => `${a.comments.length} comments | Leave a comment`], threadTail: null,
    pageTail: ['Sign up for the Fox News Opinion newsletter.'] },
];
const GAP_OF = { aw: 0, ax: 1, ay: 1, az: 1, ba: 1, bb: 1 }; // blank lines between comments

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
const RE = {
  awHead: /^(\d{1,2}\/\d{1,2}\/\d\d, \d{1,2}:\d\d\u202F[AP]M - ([A-Za-z0-9_]+):) (\S.*)$/,
  awSystem: /^\d{1,2}\/\d{1,2}\/\d\d, \d{1,2}:\d\d\u202F[AP]M - Messages and calls are end-to-end encrypted\. /,
  awStamp: /^\d{1,2}\/\d{1,2}\/\d\d, \d{1,2}:\d\d/,
  axBar: /^\d\d-\d\d-\d{4}, \d\d:\d\d [AP]M #([1-9]\d*)$/,
  ayHead: /^([1-9]\d*(?:\.[1-9]\d*)*) ([A-Za-z0-9_]+) says:$/,
  ayDate: /^[A-Z][a-z]+ \d{1,2}, \d{4} at \d{1,2}:\d\d [ap]m$/,
  azPosted: /^Posted: [A-Z][a-z]+ \d{1,2}$/,
  azCount: /^(\d+) (person|people) found this comment (helpful|funny)$/,
  baScore: /^-?\d+$/,
  baEdited: /^edited [A-Z][a-z]{2} \d{1,2}, \d{4} at \d{1,2}:\d\d$/,
  baAnswered: /^answered [A-Z][a-z]{2} \d{1,2}, \d{4} at \d{1,2}:\d\d$/,
  baRep: /^[1-9]\d{0,2}(?:,\d{3})*$/,
  bbDate: /^\d{4}-\d\d-\d\d \d\d:\d\d [ap]m \(UTC\)$/,
  bbWidget: /^\(Reply\)(?: \(Parent\))? \(Thread\) \(Link\)$/,
  name: /^[A-Za-z0-9_]+$/,
};

/** A paragraph that the layout's grammar would read as furniture: must not occur. */
function furnitureProblem(layout, p) {
  const checks = {
    aw: [RE.awStamp],
    ax: [RE.axBar, /^(?:Junior Member|Member|Senior Member|Registered User|Gold Member)$/],
    ay: [RE.ayHead, RE.ayDate],
    az: [RE.azPosted, RE.azCount, /^Was this comment helpful\?/],
    ba: [RE.baScore, RE.baEdited, RE.baAnswered, RE.baRep, /^Share Improve this answer/],
    bb: [RE.bbDate, RE.bbWidget],
  }[layout];
  return checks.some((re) => re.test(p));
}

function renderPage(page, pageNo, article) {
  const doc = `${article.slug}-i`;
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
    b.line('footer', t(article));
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
  const rng = mulberry32(fnv1a(`heldout-i:time:${page.layout}`));
  const counts = mulberry32(fnv1a(`heldout-i:counts:${page.layout}`));
  const times = new Map();
  let t = minutesOf(d.y, d.m, d.d, 6, 5 + Math.floor(rng() * 45));
  for (const [k, c] of selected.entries()) {
    if (k > 0) t += 2 + Math.floor(rng() * 39);
    times.set(c, t);
  }

  // ay: outline numbers (1, 2, 2.1, 2.1.1, …) from the displayed tree.
  const outline = new Map();
  if (page.layout === 'ay') {
    let roots = 0;
    const kids = new Map();
    for (const n of order) {
      if (!n.parent) outline.set(n, String(++roots));
      else {
        kids.set(n.parent, (kids.get(n.parent) ?? 0) + 1);
        outline.set(n, `${outline.get(n.parent)}.${kids.get(n.parent)}`);
      }
    }
  }

  if (page.layout === 'aw') {
    // The export's first line: WhatsApp's encryption notice, stamped 6:00 AM on the article date.
    b.line('footer', `${d.m}/${d.d}/${yy(d.y)}, 6:00${NNBSP}AM - ${WA_SYSTEM}`);
  }

  const extras = { helpful: 0, funny: 0, edited: 0, scores: [] };
  order.forEach((n, i) => {
    const c = n.c;
    const ps = paragraphsOf(c, pageNo);
    if (ps.join(' ') !== c.text) throw new Error(`${doc}: split does not join back`);
    for (const p of ps) if (furnitureProblem(page.layout, p)) throw new Error(`${doc}: paragraph looks like furniture: ${p}`);
    const depth = n.depth;
    const parent = n.parent ? indexOf.get(n.parent) : null;
    const w = wallClock(times.get(c));
    if (i > 0) b.nl(GAP_OF[page.layout]);
    let hdr;
    let span;
    switch (page.layout) {
      case 'aw': {
        // WhatsApp export: `7/7/16, 6:12 AM - user: text`; later paragraphs continue at column 0.
        const h = b.write(`${w.m}/${w.d}/${yy(w.y)}, ${h12(w.hh)}:${pad2(w.mm)}${NNBSP}${ampm(w.hh)} - ${c.user}:`);
        hdr = b.span(h.start, h.end);
        b.write(' ');
        span = b.paras(ps, '', true);
        b.nl();
        break;
      }
      case 'ax': {
        // vBulletin postbit: date bar with the post number, user name, user title; then the post.
        const rank = VB_RANKS[fnv1a(`rank:${c.user}`) % VB_RANKS.length];
        hdr = b.headerBlock([`${pad2(w.m)}-${pad2(w.d)}-${w.y}, ${pad2(h12(w.hh))}:${pad2(w.mm)} ${ampm(w.hh)} #${i + 1}`, c.user, rank]);
        span = b.paras(ps, '');
        b.nl();
        break;
      }
      case 'ay': {
        // WordPress with threaded comment numbers, copied without its CSS indentation.
        hdr = b.headerBlock([`${outline.get(n)} ${c.user} says:`,
          `${MONTHS[w.m - 1]} ${w.d}, ${w.y} at ${h12(w.hh)}:${pad2(w.mm)} ${ampm(w.hh).toLowerCase()}`]);
        span = b.paras(ps, '');
        b.nl();
        break;
      }
      case 'az': {
        // Steam-like review widget: name, `Posted: June 16`, text, helpfulness buttons and counts.
        hdr = b.headerBlock([c.user, `Posted: ${MONTHS[w.m - 1]} ${w.d}`]);
        span = b.paras(ps, '');
        b.nl();
        b.line('footer', STEAM_BUTTONS);
        const r = counts();
        const helpful = Math.floor(r * r * r * 60);
        const f = counts();
        const funny = Math.floor(f * f * f * f * 9);
        if (helpful > 0) {
          b.line('footer', `${helpful} ${helpful === 1 ? 'person' : 'people'} found this comment helpful`);
          extras.helpful++;
        }
        if (funny > 0) {
          b.line('footer', `${funny} ${funny === 1 ? 'person' : 'people'} found this comment funny`);
          extras.funny++;
        }
        break;
      }
      case 'ba': {
        // Stack Exchange answer: score, text, action links, then the user card (edited, answered, name, reputation).
        const r = counts();
        const score = Math.floor(r * r * r * 45) - Math.floor(counts() * 4);
        extras.scores.push(score);
        b.line('footer', String(score));
        span = b.paras(ps, '');
        b.nl();
        b.line('footer', SE_ACTIONS);
        const card = [];
        if (fnv1a(`edited:${c.user}:${c.pos}`) % 4 === 0) {
          const e = wallClock(times.get(c) + 5 + (fnv1a(`edit-after:${c.pos}`) % 180));
          card.push(`edited ${SHORT_MONTHS[e.m - 1]} ${e.d}, ${e.y} at ${e.hh}:${pad2(e.mm)}`);
          extras.edited++;
        }
        card.push(`answered ${SHORT_MONTHS[w.m - 1]} ${w.d}, ${w.y} at ${w.hh}:${pad2(w.mm)}`);
        card.push(c.user);
        const hk = fnv1a(`rep:${c.user}`);
        card.push(thousands(1 + (fnv1a(`rep2:${c.user}`) % 10 ** (1 + (hk % 5)))));
        hdr = b.headerBlock(card);
        break;
      }
      case 'bb': {
        // LiveJournal-like thread; the reply margin was saved as no-break spaces (4 per level).
        const ind = NBSP.repeat(LJ_STEP * depth);
        hdr = b.headerBlock([c.user, `${w.y}-${pad2(w.m)}-${pad2(w.d)} ${pad2(h12(w.hh))}:${pad2(w.mm)} ${ampm(w.hh).toLowerCase()} (UTC)`], ind);
        span = b.paras(ps, ind);
        b.nl();
        b.line('footer', depth === 0 ? LJ_TOP : LJ_REPLY, ind);
        break;
      }
      default:
        throw new Error(page.layout);
    }
    b.comment({ index: i, author: c.user, depth, parent }, span, hdr);
  });
  if (page.threadTail) {
    b.nl();
    b.line('footer', page.threadTail(article));
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
  ['dateline', /^(?:Updated \d{1,2}:\d\d [AP]M ET, (?:Sun|Mon|Tue|Wed|Thu|Fri|Sat) [A-Z][a-z]+ \d{1,2}, \d{4}|(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat), \d\d\/\d\d\/\d{4} - \d\d:\d\d|[A-Z][a-z]{2} \d{1,2}, \d{4} \| \d{1,2}:\d\d[ap]m ET|[A-Z][a-z]{2} \d{1,2} '\d\d|\d\d-\d\d-\d{4})$/],
  ['caption', /\. Photograph: Reuters$|^Photo courtesy of |^Screenshot via |\. Photo by AP$|^Image credit: /],
  ['source', /^Reprinted from |^Read the original article at |^Story via |^Courtesy of |^Republished with permission from /],
  ['footer', /^Copyright 2016 FOX News|^Results \d+ to \d+ of \d+$|^All times are GMT|^Powered by vBulletin|^Copyright © 2016 vBulletin|^\d+ thoughts on “|^Comments are closed\.$|^See all \d+ comments$|^\d+ Answers$|^Not the answer you're looking for\?|^\d+ comments \| Leave a comment$|^Sign up for the Fox News Opinion newsletter/],
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
  const plain = (l, kind, from = l.start) => out.push({ doc, start: from, end: l.end, text: text.slice(from, l.end), kind });
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
  // Thread tail: one footer line after one empty line.
  if (L[end - 2]?.text === '' && /^(?:Comments are closed\.|See all \d+ comments)$/.test(L[end - 1].text)) {
    plain(L[end - 1], 'footer');
    end -= 2;
  }
  const T = L.slice(i, end);
  if (T.length === 0 || T[T.length - 1].text === '') err('thread ends with an empty line');
  for (let q = 1; q < T.length; q++) if (T[q].text === '' && T[q - 1].text === '') err('two empty lines inside the thread');
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
    return rec;
  };
  // Paragraph block check: lines k..last are paragraphs (one line each, at indent `ind`) separated by exactly one empty line.
  const checkParas = (k, last, ind, firstChecked = false) => {
    if (last < k) err('comment without text');
    for (let q = k; q <= last; q++) {
      const s = T[q].text;
      if (s === '') {
        if (q === k || q === last || T[q - 1].text === '') err(`bad paragraph break near line ${q}`);
      } else {
        if (!(firstChecked && q === k) && (indentOf(s) !== ind || /^\s/.test(s.slice(ind)))) err(`text line at the wrong indent: ${s.slice(0, 40)}`);
        if (q > k && T[q - 1].text !== '') err(`paragraph of two lines: ${s.slice(0, 40)}`);
      }
    }
  };
  // Comments separated by exactly `gap` empty lines: returns the last text line before the gap.
  const beforeGap = (next, gap, isLast) => {
    if (isLast) return next - 1;
    for (let g = 1; g <= gap; g++) if (T[next - g]?.text !== '') err(`gap of fewer than ${gap} empty lines before line ${next}`);
    if (T[next - gap - 1]?.text === '') err(`gap of more than ${gap} empty lines before line ${next}`);
    return next - gap - 1;
  };

  if (layout === 'aw') {
    if (!RE.awSystem.test(T[0].text)) err('aw: no encryption notice');
    plain(T[0], 'footer');
    let k = 1;
    let lastStamp = -Infinity;
    while (k < T.length) {
      const m = RE.awHead.exec(T[k].text);
      if (!m) err(`aw: no message header at ${T[k].text.slice(0, 40)}`);
      let e = k + 1;
      while (e < T.length && !RE.awStamp.test(T[e].text)) e++;
      checkParas(k, e - 1, 0, true);
      const st = /^(\d+)\/(\d+)\/(\d+), (\d+):(\d+)\u202F([AP])M/.exec(m[1]);
      const stamp = minutesOf(2000 + +st[3], +st[1], +st[2], (+st[4] % 12) + (st[6] === 'P' ? 12 : 0), +st[5]);
      if (stamp < lastStamp) err('aw: time goes backwards');
      lastStamp = stamp;
      const hs = T[k].start;
      pushComment(hs + m[1].length + 1, T[e - 1].end, m[2], 0, { start: hs, end: hs + m[1].length });
      k = e;
    }
  } else if (layout === 'ax' || layout === 'ay') {
    const isHead = layout === 'ax' ? (q) => RE.axBar.exec(T[q].text) : (q) => RE.ayHead.exec(T[q].text);
    const heads = [];
    for (let k = 0; k < T.length; k++) if (isHead(k) && (k === 0 || T[k - 1].text === '')) heads.push(k);
    if (heads[0] !== 0) err('thread does not start with a header');
    const counters = []; // ay: children numbered so far at each level under the current path
    heads.forEach((h, n) => {
      const next = n + 1 < heads.length ? heads[n + 1] : T.length;
      const m = isHead(h);
      let first;
      let author;
      let depth = 0;
      if (layout === 'ax') {
        if (+m[1] !== n + 1) err('ax: post numbers do not run 1…n');
        if (!RE.name.test(T[h + 1].text) || !VB_RANKS.includes(T[h + 2].text)) err('ax: bad postbit');
        author = T[h + 1].text;
        first = h + 3;
      } else {
        if (!RE.ayDate.test(T[h + 1].text)) err('ay: bad date line');
        const path = m[1].split('.').map(Number);
        depth = path.length - 1;
        if (depth > counters.length) err('ay: depth jump');
        counters.length = depth + 1;
        counters[depth] = (counters[depth] ?? 0) + 1;
        if (path[depth] !== counters[depth]) err(`ay: outline number ${m[1]} out of sequence`);
        if (depth > 0) {
          // the parent (nearest comment one level shallower) must carry the number's prefix
          const par = [...comments].reverse().find((c) => c.depth === depth - 1);
          if (!par || !par.header.text.startsWith(`${path.slice(0, -1).join('.')} `)) err(`ay: ${m[1]} does not continue its parent`);
        }
        author = m[2];
        first = h + 2;
      }
      const last = beforeGap(next, 1, n + 1 === heads.length);
      checkParas(first, last, 0);
      pushComment(T[first].start, T[last].end, author, depth, { start: T[h].start, end: T[first - 1].end });
    });
  } else if (layout === 'az') {
    let k = 0;
    while (k < T.length) {
      if (!RE.name.test(T[k].text) || !RE.azPosted.test(T[k + 1]?.text ?? '')) err(`az: bad header at ${k}`);
      let w = k + 2;
      while (w < T.length && T[w].text !== STEAM_BUTTONS) w++;
      if (w >= T.length) err('az: no button line');
      checkParas(k + 2, w - 1, 0);
      pushComment(T[k + 2].start, T[w - 1].end, T[k].text, 0, { start: T[k].start, end: T[k + 1].end });
      plain(T[w], 'footer');
      let q = w + 1;
      for (const kind of ['helpful', 'funny']) {
        const m = RE.azCount.exec(T[q]?.text ?? '');
        if (m && m[3] === kind) {
          if (m[1] === '0' || (m[1] === '1') !== (m[2] === 'person')) err('az: count wording');
          plain(T[q], 'footer');
          q++;
        }
      }
      if (q < T.length) {
        if (T[q].text !== '' || T[q + 1]?.text === '') err('az: comments not separated by one empty line');
        q++;
      }
      k = q;
    }
  } else if (layout === 'ba') {
    let k = 0;
    while (k < T.length) {
      if (!RE.baScore.test(T[k].text)) err(`ba: no score line at ${k}`);
      plain(T[k], 'footer');
      let w = k + 1;
      while (w < T.length && T[w].text !== SE_ACTIONS) w++;
      if (w >= T.length) err('ba: no action line');
      checkParas(k + 1, w - 1, 0);
      plain(T[w], 'footer');
      let q = w + 1;
      const cardStart = q;
      if (RE.baEdited.test(T[q]?.text ?? '')) q++;
      if (!RE.baAnswered.test(T[q]?.text ?? '') || !RE.name.test(T[q + 1]?.text ?? '') || !RE.baRep.test(T[q + 2]?.text ?? '')) err(`ba: bad user card at ${q}`);
      pushComment(T[k + 1].start, T[w - 1].end, T[q + 1].text, 0, { start: T[cardStart].start, end: T[q + 2].end });
      q += 3;
      if (q < T.length) {
        if (T[q].text !== '' || T[q + 1]?.text === '') err('ba: answers not separated by one empty line');
        q++;
      }
      k = q;
    }
  } else if (layout === 'bb') {
    let k = 0;
    while (k < T.length) {
      const s = T[k].text;
      const ind = /^\u00A0*/.exec(s)[0].length;
      if (ind % LJ_STEP !== 0 || !RE.name.test(s.slice(ind))) err(`bb: bad name line at ${k}`);
      const depth = ind / LJ_STEP;
      const pre = NBSP.repeat(ind);
      if (!(T[k + 1]?.text ?? '').startsWith(pre) || !RE.bbDate.test(T[k + 1].text.slice(ind))) err(`bb: bad date line at ${k + 1}`);
      let w = k + 2;
      while (w < T.length && !(T[w].text.startsWith(pre) && RE.bbWidget.test(T[w].text.slice(ind)))) w++;
      if (w >= T.length) err('bb: no link line');
      if ((T[w].text.slice(ind) === LJ_REPLY) !== depth > 0) err('bb: (Parent) link on a top-level comment or missing on a reply');
      for (let q = k + 2; q < w; q++) if (T[q].text !== '' && !T[q].text.startsWith(pre)) err('bb: text line not indented with no-break spaces');
      checkParas(k + 2, w - 1, ind);
      pushComment(T[k + 2].start + ind, T[w - 1].end, s.slice(ind), depth, { start: T[k].start + ind, end: T[k + 1].end });
      plain(T[w], 'footer', T[w].start + ind);
      let q = w + 1;
      if (q < T.length) {
        if (T[q].text !== '' || T[q + 1]?.text === '') err('bb: comments not separated by one empty line');
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
    if (text.includes('\t')) fail(`${p.doc}: tab`);
    if (text.includes(BOM)) fail(`${p.doc}: U+FEFF inside the text`);
    if (/[\ud800-\udfff]/.test(text)) fail(`${p.doc}: non-BMP character`);
    // NBSP only as bb indentation at line starts; U+202F only inside aw headers (checked below)
    for (const m of text.matchAll(/\u00A0+/g)) {
      const atLineStart = m.index === 0 || text[m.index - 1] === '\n';
      if (p.layout !== 'bb' || !atLineStart || m[0].length % LJ_STEP !== 0) fail(`${p.doc}: NBSP outside the bb indentation at ${m.index}`);
    }
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
    for (const m of text.matchAll(/\u202F/g)) {
      const inHeader = rs.some((r) => r.header && r.header.start <= m.index && m.index < r.header.end);
      const inSystem = rs.some((r) => r.kind === 'footer' && r.start <= m.index && m.index < r.end && RE.awSystem.test(r.text));
      if (p.layout !== 'aw' || !(inHeader || inSystem)) fail(`${p.doc}: U+202F outside an aw time stamp at ${m.index}`);
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
    const paraSep = (c) => eol + eol + (p.layout === 'bb' ? NBSP.repeat(LJ_STEP * c.depth) : '');
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
    if (!paraCounts.some((n) => n > 1)) fail(`${p.doc}: no multi-paragraph comment`);
    // Nested pages: each parent is the addressee's comment or, where the cap re-attached it, one of its ancestors
    if (p.page.nested) {
      for (const c of cs) {
        if (c.parent === null) continue;
        const src = p.selected.find((x) => x.user === c.author && x.text === c.text.split(paraSep(c)).join(' '));
        if (addresseeOf(src) === null) fail(`${p.doc}: #${c.index} is a reply without a mention`);
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
    summary.push(`${p.layout} ${p.doc}${p.page.bom ? ' [BOM]' : ''}${eol === '\r\n' ? ' [CRLF]' : ''}: ${rs.length} records ` +
      `${JSON.stringify(kinds)}; depth 0/1/2/3/4 ${depthProfile}; paragraphs (index:n) ${multi}` +
      (p.capped ? `; ${p.capped} replies re-attached by the depth cap` : '') +
      (p.layout === 'az' ? `; helpful lines ${p.extras.helpful}, funny lines ${p.extras.funny}` : '') +
      (p.layout === 'ba' ? `; edited cards ${p.extras.edited}, scores ${Math.min(...p.extras.scores)}…${Math.max(...p.extras.scores)}` : ''));
  }
  // Across pages
  if (built.map((p) => p.layout).sort().join() !== 'aw,ax,ay,az,ba,bb') fail('layouts aw–bb must each appear once');
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
