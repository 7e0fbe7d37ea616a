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
import { fileURLToPath } from 'node:url';
import { buildReplyTrees, loadFoxArticles } from './lib/fox-articles.mjs';
import { slugify, splitSentences, splitClause } from './lib/page-text.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHARED_DIR = process.argv[2] ? path.resolve(process.argv[2]) : path.resolve(REPO_ROOT, '../shared');
const OUT_DIR = path.join(REPO_ROOT, 'tests', 'heldout');
const PAGES_DIR = path.join(OUT_DIR, 'pages');
const GOLD_FILE = path.join(OUT_DIR, 'segment.gold.jsonl');

const MAX_COMMENTS = 40; // per page
const MAX_THREAD = 12; // max comments taken from one top-level thread (nested layouts)
const MAX_DEPTH = 4; // deeper replies are flattened onto depth MAX_DEPTH

// ---------------------------------------------------------------------------
// Input

const { DATA_DIR, rows, articles } = loadFoxArticles(SHARED_DIR);

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

// Comment selection. Nested layouts: walk top-level threads in file order, take
// each thread in pre-order (children in file order) but at most MAX_THREAD
// comments of it (a pre-order prefix, so every parent is kept), until
// MAX_COMMENTS. Flat layouts: the first MAX_COMMENTS comments in file order.
function selectNested(a) {
  const out = [];
  for (const root of a.comments.filter((c) => c.parentK === null)) {
    const thread = [];
    const walk = (c) => {
      thread.push(c);
      c.children.forEach(walk);
    };
    walk(root);
    out.push(...thread.slice(0, Math.min(MAX_THREAD, MAX_COMMENTS - out.length)));
    if (out.length >= MAX_COMMENTS) break;
  }
  return out;
}
function selectFlat(a) {
  return a.comments.slice(0, MAX_COMMENTS);
}

// ---------------------------------------------------------------------------
// Page configuration (one per article, in file order)

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DATE_FORMATS = {
  long: ({ y, m, d }) => `${MONTHS[m - 1]} ${d}, ${y}`,
  monthUpper: ({ y, m }) => `${MONTHS[m - 1].toUpperCase()} ${y}`,
  published: ({ y, m, d }) => `Published ${MONTHS[m - 1]} ${d}, ${y}`,
  numeric: ({ y, m, d }) => `${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}/${y}`,
  weekday: ({ y, m, d }) => `${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}, ${MONTHS[m - 1]} ${d}, ${y}`,
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
// Text helpers


const normalise = (t) => t.replace(/\s*[\r\n]+\s*/g, ' ').trim();

function ago(hours) {
  if (hours < 24) return hours === 1 ? '1 hour ago' : `${hours} hours ago`;
  const d = Math.floor(hours / 24);
  return d === 1 ? '1 day ago' : `${d} days ago`;
}

// ---------------------------------------------------------------------------
// Page writer: appends text and records exact offsets as it goes.

class Page {
  constructor(doc) {
    this.doc = doc;
    this.s = '';
    this.records = [];
  }
  write(str) {
    const start = this.s.length;
    this.s += str;
    return { start, end: this.s.length };
  }
  nl(n = 1) {
    this.s += '\n'.repeat(n);
  }
  line(kind, text, indent = 0) {
    this.write(' '.repeat(indent));
    const { start, end } = this.write(text);
    this.records.push({ doc: this.doc, start, end, text, kind });
    this.nl();
  }
  // Paragraphs of one comment. If `inline`, the first paragraph continues the
  // current line; otherwise it starts at `indent`. Further paragraphs follow a
  // blank line at `indent`. Returns the span from first to last character.
  paras(paras, indent, inline = false) {
    let start = null;
    let end = null;
    paras.forEach((p, i) => {
      if (i > 0) this.nl(2);
      if (i > 0 || !inline) this.write(' '.repeat(indent));
      const r = this.write(p);
      if (start === null) start = r.start;
      end = r.end;
    });
    this.nl();
    return { start, end };
  }
  header(text, indent) {
    this.write(' '.repeat(indent));
    const r = this.write(text);
    return { start: r.start, end: r.end, text };
  }
  comment(c, span, header) {
    const text = this.s.slice(span.start, span.end);
    this.records.push({
      doc: this.doc,
      start: span.start,
      end: span.end,
      text,
      kind: 'comment',
      index: c.index,
      author: c.author,
      depth: c.depth,
      parent: c.parent,
      header,
    });
  }
}

// Emit one comment in the given layout. `c.paras` is [] for the empty comment.
// After the call the page ends with the comment's last line + "\n".
function emitComment(page, cfg, c) {
  const emptyAfterHeader = (h) => {
    page.nl();
    return { start: h.end, end: h.end };
  };
  switch (cfg.layout) {
    case 'flat': {
      // author line, blank line, text; no nesting
      const h = page.header(c.author, 0);
      const span = c.paras.length ? (page.nl(2), page.paras(c.paras, 0)) : emptyAfterHeader(h);
      page.comment(c, span, h);
      return;
    }
    case 'numbered': {
      const ind = 2 + 2 * c.depth;
      const h = page.header(`${c.number}. ${c.author} ${cfg.says}`, ind);
      const span = c.paras.length ? (page.nl(), page.paras(c.paras, ind + 3)) : emptyAfterHeader(h);
      page.comment(c, span, h);
      return;
    }
    case 'bullet': {
      const ind = 2 + 4 * c.depth;
      if (c.author === null) {
        const h = page.header('•', ind);
        page.write(' ');
        page.comment(c, page.paras(c.paras, ind + 2, true), h);
        return;
      }
      const h = page.header(`• ${c.author}`, ind);
      const span = c.paras.length ? (page.nl(), page.paras(c.paras, ind + 2)) : emptyAfterHeader(h);
      page.comment(c, span, h);
      return;
    }
    case 'wrote': {
      const ind = 4 * c.depth;
      const h = page.header(`${c.author} wrote:`, ind);
      const span = c.paras.length ? (page.nl(), page.paras(c.paras, ind + cfg.textIndent)) : emptyAfterHeader(h);
      page.comment(c, span, h);
      return;
    }
    case 'dash': {
      const ind = 3 * c.depth;
      const h = page.header(`— ${c.author} · ${c.ago}`, ind);
      const span = c.paras.length ? (page.nl(), page.paras(c.paras, ind)) : emptyAfterHeader(h);
      page.comment(c, span, h);
      return;
    }
    case 'dot': {
      const ind = 2 * c.depth;
      if (c.author === null) {
        page.comment(c, page.paras(c.paras, ind), null);
        return;
      }
      const h = page.header(`${c.author} · ${c.ago}`, ind);
      const span = c.paras.length ? (page.nl(), page.paras(c.paras, ind)) : emptyAfterHeader(h);
      page.comment(c, span, h);
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
  const sel = flat ? selectFlat(a) : selectNested(a);
  const posOf = new Map(sel.map((c, i) => [c.k, i]));

  // comment models in page order
  const cs = sel.map((r, i) => ({
    index: i,
    k: r.k,
    author: r.user,
    depth: flat ? 0 : r.depth,
    parent: flat || r.parentK === null ? null : posOf.get(r.parentK),
    text: normalise(r.text),
    paras: null,
    number: null,
    ago: null,
  }));
  for (const c of cs) if (c.parent !== null && (c.parent === undefined || c.parent >= c.index)) throw new Error('selection lost a parent');

  // authorless comments (bullet: bullet carries the text; dot: no header at all)
  if (cfg.authorlessEvery) {
    let last = -10;
    for (const c of cs) {
      if ((c.index + ai) % cfg.authorlessEvery === cfg.authorlessEvery - 1 && c.index - last > 1 && /\S\s+\S/.test(c.text) && c.text.length >= 20) {
        c.author = null;
        last = c.index;
      }
    }
  }
  // the empty comment: a childless, authored comment near a page-dependent position
  let emptyIndex = null;
  if (cfg.empty) {
    const hasChild = new Set(cs.map((c) => c.parent).filter((p) => p !== null));
    const cands = cs.filter((c) => c.author !== null && !hasChild.has(c.index));
    const target = (11 + 7 * ai) % cs.length;
    cands.sort((x, y) => Math.abs(x.index - target) - Math.abs(y.index - target) || x.index - y.index);
    emptyIndex = cands[0].index;
  }
  // paragraphs: occasionally split long comments in two
  let multi = 0;
  for (const c of cs) {
    if (c.index === emptyIndex) c.paras = [];
    else {
      const parts = c.text.length >= 180 && (c.k + ai) % 3 === 0 ? splitSentences(c.text) : null;
      c.paras = parts || [c.text];
      if (parts) multi++;
    }
  }
  // numbering restarts per level (sibling position under the same parent)
  const seen = new Map();
  for (const c of cs) {
    const key = c.parent === null ? -1 : c.parent;
    seen.set(key, (seen.get(key) || 0) + 1);
    c.number = seen.get(key);
  }
  // relative timestamps: older comments (lower file index) are further in the past
  const byAge = [...cs].sort((x, y) => x.k - y.k);
  byAge.forEach((c, rank) => {
    const fromEnd = byAge.length - 1 - rank;
    c.ago = fromEnd < 3 ? `${4 + 17 * fromEnd} minutes ago` : ago(1 + Math.floor((fromEnd * (40 + 7 * ai)) / byAge.length));
  });

  // --- write the page
  const page = new Page(doc);
  page.line('title', a.title);
  if (cfg.date) page.line('dateline', DATE_FORMATS[cfg.date](a.date));
  page.nl();
  if (cfg.caption && cfg.captionPos === 'before') {
    page.line('caption', cfg.caption);
    page.nl();
  }
  const body = cfg.bodyParas === 2 ? splitClause(normalise(a.meta)) : [normalise(a.meta)];
  body.forEach((p) => {
    page.line('body', p);
    page.nl();
  });
  if (cfg.caption && cfg.captionPos === 'after') {
    page.line('caption', cfg.caption);
    page.nl();
  }
  if (cfg.source) {
    page.line('source', cfg.source);
    page.nl();
  }
  if (cfg.footer) {
    page.line('footer', cfg.footer);
    page.nl();
  }
  page.nl(); // extra blank line before the comments
  const gap = COMMENT_GAP[cfg.layout] ?? cfg.gap;
  cs.forEach((c, i) => {
    if (i > 0) page.nl(gap);
    emitComment(page, cfg, c);
  });

  pages.push(page);
  summary.push({
    doc,
    layout: cfg.layout + (cfg.says ? ` ("${cfg.says}")` : '') + (cfg.layout === 'wrote' ? ` (text indent ${cfg.textIndent}, gap ${cfg.gap})` : ''),
    comments: cs.length,
    roots: cs.filter((c) => c.parent === null).length,
    maxDepth: Math.max(...cs.map((c) => c.depth)),
    authorless: cs.filter((c) => c.author === null).length,
    empty: emptyIndex,
    multiPara: multi,
    articleComments: a.comments.length,
  });
});

// --- write output
fs.mkdirSync(PAGES_DIR, { recursive: true });
const wanted = new Set(pages.map((p) => `${p.doc}.txt`));
if (wanted.size !== pages.length) throw new Error('duplicate slugs');
for (const f of fs.readdirSync(PAGES_DIR)) if (f.endsWith('.txt') && !wanted.has(f)) fs.unlinkSync(path.join(PAGES_DIR, f));
for (const p of pages) fs.writeFileSync(path.join(PAGES_DIR, `${p.doc}.txt`), p.s);

const cmp = (x, y) => (x.doc < y.doc ? -1 : x.doc > y.doc ? 1 : x.start - y.start || x.end - y.end);
const gold = pages.flatMap((p) => p.records).sort(cmp);
fs.writeFileSync(GOLD_FILE, gold.map((r) => JSON.stringify(r)).join('\n') + '\n');

// ---------------------------------------------------------------------------
// Verification against the files as written

function verify() {
  const errors = [];
  const err = (doc, msg) => errors.length < 50 && errors.push(`${doc}: ${msg}`);
  const lines = fs.readFileSync(GOLD_FILE, 'utf8').split('\n').filter(Boolean);
  const recs = lines.map((l) => JSON.parse(l));
  const KEYS = ['doc', 'start', 'end', 'text', 'kind'];
  const CKEYS = [...KEYS, 'index', 'author', 'depth', 'parent', 'header'];
  const KINDS = new Set(['title', 'dateline', 'body', 'caption', 'source', 'footer', 'comment']);
  for (let i = 1; i < recs.length; i++) if (cmp(recs[i - 1], recs[i]) >= 0) err(recs[i].doc, `gold not strictly sorted at line ${i + 1}`);

  const byDoc = new Map();
  for (const r of recs) (byDoc.get(r.doc) || byDoc.set(r.doc, []).get(r.doc)).push(r);
  const files = fs.readdirSync(PAGES_DIR).filter((f) => f.endsWith('.txt'));
  if (files.length !== byDoc.size) err('*', `${files.length} page files but ${byDoc.size} docs in gold`);

  for (const [doc, rs] of byDoc) {
    const file = path.join(PAGES_DIR, `${doc}.txt`);
    if (!fs.existsSync(file)) {
      err(doc, 'page file missing');
      continue;
    }
    const s = fs.readFileSync(file, 'utf8');
    const cover = new Uint8Array(s.length);
    const lineStart = (i) => s.lastIndexOf('\n', i - 1) + 1;
    const lineEnd = (i) => (s.indexOf('\n', i) < 0 ? s.length : s.indexOf('\n', i));
    const mark = (a, b, what) => {
      for (let i = a; i < b; i++) cover[i]++;
      if (!(0 <= a && a <= b && b <= s.length)) err(doc, `${what}: bad offsets ${a}-${b}`);
    };
    const trimmed = (t) => t === '' || (/^\S/.test(t) && /\S$/.test(t));
    const comments = rs.filter((r) => r.kind === 'comment').sort((x, y) => x.index - y.index);

    for (const r of rs) {
      const keys = Object.keys(r).join(',');
      if (keys !== (r.kind === 'comment' ? CKEYS : KEYS).join(',')) err(doc, `key order ${keys}`);
      if (!KINDS.has(r.kind)) err(doc, `bad kind ${r.kind}`);
      if (s.slice(r.start, r.end) !== r.text) err(doc, `text mismatch at ${r.start}-${r.end}`);
      if (!trimmed(r.text)) err(doc, `untrimmed span at ${r.start}`);
      if (r.kind !== 'comment' && r.text === '') err(doc, `empty ${r.kind}`);
      mark(r.start, r.end, r.kind);
      // leading context on the span's first line: indentation, or an inline header (bullet)
      const prefix = s.slice(lineStart(r.start), r.start);
      if (r.kind !== 'comment' || r.text !== '') {
        const inlineHeader = r.header && lineStart(r.header.start) === lineStart(r.start);
        if (inlineHeader ? prefix.trim() !== r.header.text : prefix.trim() !== '') err(doc, `span at ${r.start} does not start its line`);
        if (s.slice(r.end, lineEnd(r.end)).trim() !== '') err(doc, `span at ${r.start} does not end its line`);
      }
      if (r.kind !== 'comment') continue;
      const h = r.header;
      if (h !== null) {
        if (Object.keys(h).join(',') !== 'start,end,text') err(doc, `header key order`);
        if (s.slice(h.start, h.end) !== h.text) err(doc, `header text mismatch at ${h.start}`);
        mark(h.start, h.end, 'header');
        const hl = s.slice(lineStart(h.start), lineEnd(h.start));
        const full = hl.trim() === h.text;
        const inline = h.text === '•' && r.author === null && hl.trim().startsWith('• ') && lineStart(r.start) === lineStart(h.start);
        if (!full && !inline) err(doc, `header "${h.text}" is not its trimmed line`);
        if (s.slice(lineStart(h.start), h.start).trim() !== '') err(doc, `header at ${h.start} not at line start`);
        if (r.text === '' && !(r.start === h.end && r.end === h.end)) err(doc, `empty comment ${r.index} not at header end`);
        if (r.text !== '' && r.start < h.end) err(doc, `comment ${r.index} starts before its header ends`);
        if (r.author !== null) {
          const bare = h.text
            .replace(/^\d+\.\s+/, '')
            .replace(/^[•—]\s+/, '')
            .replace(/\s+·\s+.*$/, '')
            .replace(/\s+(says|wrote):?$/, '')
            .replace(/:$/, '');
          if (bare !== r.author) err(doc, `author ${r.author} vs header "${h.text}"`);
        }
      } else if (r.author !== null || r.text === '') err(doc, `comment ${r.index}: null header needs null author and text`);
    }
    // indices, depth, parent = nearest preceding comment one level up
    comments.forEach((c, i) => {
      if (c.index !== i) err(doc, `comment indices not 0..n-1 in page order`);
      if (i > 0 && comments[i - 1].start > c.start) err(doc, `comment ${i} out of page order`);
      if (c.depth === 0 ? c.parent !== null : c.parent === null) err(doc, `comment ${i}: depth/parent mismatch`);
      if (c.parent !== null) {
        let p = null;
        for (let j = i - 1; j >= 0; j--)
          if (comments[j].depth === c.depth - 1) {
            p = j;
            break;
          }
        if (p !== c.parent) err(doc, `comment ${i}: parent ${c.parent} but nearest shallower is ${p}`);
      }
    });
    for (let i = 0; i < s.length; i++) {
      if (cover[i] > 1) err(doc, `offset ${i} covered ${cover[i]} times`);
      else if (cover[i] === 0 && /\S/.test(s[i])) err(doc, `non-space ${JSON.stringify(s[i])} at ${i} not covered`);
    }
    if (/[ \t]+\n/.test(s)) err(doc, 'trailing spaces on a line');
  }
  return { errors, records: recs.length };
}

const v = verify();
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
console.log(`wrote ${pages.length} pages to ${path.relative(REPO_ROOT, PAGES_DIR)}/ and ${v.records} gold records to ${path.relative(REPO_ROOT, GOLD_FILE)}`);
if (v.errors.length) {
  console.error(`VERIFICATION FAILED (${v.errors.length}${v.errors.length >= 50 ? '+' : ''} errors):\n  ` + v.errors.join('\n  '));
  process.exit(1);
}
console.log('verification: OK (all spans match the page text, every non-space character covered exactly once)');
