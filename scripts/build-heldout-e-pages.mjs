#!/usr/bin/env node
// Builds held-out segmentation set E: tests/heldout-e/pages/*.txt, tests/heldout-e/segment.gold.jsonl.
//
//   cd /work/main && node scripts/build-heldout-e-pages.mjs [/path/to/shared]
//   node scripts/build-heldout-e-pages.mjs --self-test   (also checks that broken output is caught)
//
// Plain Node >= 20.16, no dependencies, no import statements (Node built-ins are taken with
// process.getBuiltinModule), nothing from the project. Deterministic: the only randomness is a
// fixed-seed PRNG and no clock is read, so two runs give byte-identical files.
// Layouts x, y, z, aa, ab, ac are documented in tests/heldout-e/README.md.

const fs = process.getBuiltinModule('node:fs');
const path = process.getBuiltinModule('node:path');
const url = process.getBuiltinModule('node:url');

const REPO = path.resolve(path.dirname(url.fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const SELF_TEST = args.includes('--self-test');
const positional = args.filter((a) => !a.startsWith('--'));
const SHARED = positional[0] ? path.resolve(positional[0]) : path.resolve(REPO, '..', 'shared');
const DATA_DIR = path.join(SHARED, 'datasets', 'fox-news-comments');
const OUT_DIR = path.join(REPO, 'tests', 'heldout-e');
const PAGES_DIR = path.join(OUT_DIR, 'pages');
const GOLD_FILE = path.join(OUT_DIR, 'segment.gold.jsonl');

const COMMENTS_PER_PAGE = 20;
const MAX_PER_THREAD = 8;
const COPYRIGHT = '© 2016 Fox News Network. All rights reserved.';

// ---------------------------------------------------------------------------------------------
// Small helpers

function fail(msg) {
  console.error('build-heldout-e-pages: ' + msg);
  process.exit(1);
}

function mulberry32(seed) {
  let a = seed >>> 0;
  return function () {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fnv1a(str) {
  let h = 0x811c9dc5;
  for (let i = 0; i < str.length; i++) {
    h ^= str.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const ZERO_WIDTH = /[\u200B\u200C\u200D\u2060\uFEFF]/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const pad2 = (n) => String(n).padStart(2, '0');

// Wall-clock minutes since 1970-01-01 00:00 (no time zone; UTC arithmetic only).
function dateParts(minutes) {
  const d = new Date(minutes * 60000);
  return { y: d.getUTCFullYear(), mo: d.getUTCMonth(), d: d.getUTCDate(), wd: d.getUTCDay(), h: d.getUTCHours(), mi: d.getUTCMinutes() };
}

function clock12(h, mi) {
  const ampm = h < 12 ? 'AM' : 'PM';
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${h12}:${pad2(mi)} ${ampm}`;
}

function ago(minutes) {
  if (minutes < 1) fail('age below one minute');
  const unit = (n, w) => `${n} ${w}${n === 1 ? '' : 's'} ago`;
  if (minutes < 60) return unit(minutes, 'minute');
  if (minutes < 24 * 60) return unit(Math.floor(minutes / 60), 'hour');
  return unit(Math.floor(minutes / (24 * 60)), 'day');
}

function slugify(title) {
  const words = title.toLowerCase().replace(/['’]/g, '').split(/[^a-z0-9]+/).filter(Boolean);
  let slug = '';
  for (const w of words) {
    const next = slug ? slug + '-' + w : w;
    if (next.length > 60) break;
    slug = next;
  }
  return slug;
}

// Split a one-sentence description at the ", " nearest its middle.
function splitAtComma(s) {
  let best = -1;
  for (let i = s.indexOf(', '); i !== -1; i = s.indexOf(', ', i + 1)) {
    if (best === -1 || Math.abs(i - s.length / 2) < Math.abs(best - s.length / 2)) best = i;
  }
  if (best === -1) fail('no comma to split body at');
  return [s.slice(0, best + 1), s.slice(best + 2)];
}

// Two paragraphs at the sentence boundary nearest the middle; both parts >= 40 chars.
function paragraphSplit(text) {
  if (text.length < 160) return null;
  let best = -1;
  const re = /[.!?]["')\]]* (?=\S)/g;
  let m;
  while ((m = re.exec(text))) {
    const sp = m.index + m[0].length - 1; // the space
    if (sp < 40 || text.length - sp - 1 < 40) continue;
    if (best === -1 || Math.abs(sp - text.length / 2) < Math.abs(best - text.length / 2)) best = sp;
  }
  return best === -1 ? null : [text.slice(0, best), text.slice(best + 1)];
}

// ---------------------------------------------------------------------------------------------
// Dataset

function loadDataset() {
  const jsonPath = path.join(DATA_DIR, 'fox-news-comments.json');
  const urlPath = path.join(DATA_DIR, 'comment-url.txt');
  if (!fs.existsSync(jsonPath) || !fs.existsSync(urlPath)) fail(`dataset not found under ${DATA_DIR}`);
  const rows = fs.readFileSync(jsonPath, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  const urls = fs.readFileSync(urlPath, 'utf8').split('\n').filter((l) => l.trim()).map((l) => l.slice(l.indexOf('http')).trim());
  const articles = [];
  const byTitle = new Map();
  for (const r of rows) {
    let a = byTitle.get(r.title);
    if (!a) {
      a = { title: r.title, meta: r.meta, comments: [] };
      byTitle.set(r.title, a);
      articles.push(a);
    }
    if (r.meta !== a.meta) fail(`article ${r.title} has two descriptions`);
    a.comments.push({ pos: a.comments.length, user: r.user, text: r.text, mentions: r.mentions || '' });
  }
  if (articles.length !== urls.length) fail(`expected ${urls.length} articles, found ${articles.length}`);
  articles.forEach((a, i) => {
    const m = /\/(\d{4})\/(\d{2})\/(\d{2})\//.exec(urls[i]);
    if (!m) fail('no date in URL ' + urls[i]);
    a.url = urls[i];
    a.date = { y: +m[1], mo: +m[2] - 1, d: +m[3] };
    a.slug = slugify(a.title);
    a.index = i;
  });
  return articles;
}

// Reply tree: parent = most recent earlier comment (same article) by the first @mention.
function rawParents(article) {
  const lastBy = new Map();
  const parents = [];
  for (const c of article.comments) {
    const first = c.mentions.split(/[\s,]+/).find((t) => t.startsWith('@'));
    const addressee = first ? first.slice(1) : null;
    parents.push(addressee !== null && lastBy.has(addressee) ? lastBy.get(addressee) : null);
    lastBy.set(c.user, c.pos);
  }
  return parents;
}

// Per-article timeline: first comment 06:00 on the article date, then +3..75 minutes each (file order).
function timeline(article) {
  const rnd = mulberry32(0x5eede000 + article.index);
  let t = Date.UTC(article.date.y, article.date.mo, article.date.d, 6, 0) / 60000;
  return article.comments.map((c, i) => {
    if (i > 0) t += 3 + Math.floor(rnd() * 73);
    return t;
  });
}

// ---------------------------------------------------------------------------------------------
// Layouts

const CITIES = [
  'Springfield, IL', 'St. Louis, MO', 'Winston-Salem, NC', "Coeur d'Alene, ID", 'Boise, ID', 'Mobile, AL',
  'Tulsa, OK', 'El Paso, TX', 'Fort Wayne, IN', 'Baton Rouge, LA', 'Bangor, ME', 'Reno, NV', 'Savannah, GA',
  'Duluth, MN', 'Scranton, PA', 'Fresno, CA', 'Wichita, KS', 'Billings, MT', 'Mesa, AZ', 'Toledo, OH',
  'Grand Rapids, MI', 'Chattanooga, TN', 'Salt Lake City, UT', 'Cheyenne, WY', 'Lubbock, TX', 'Naples, FL',
  'Burlington, VT', 'Sioux Falls, SD', 'Provo, UT', 'Truth or Consequences, NM', 'Eau Claire, WI',
  'Port St. Lucie, FL', 'Rapid City, SD', 'Lake Charles, LA', 'Yakima, WA', 'Normal, IL',
];

const DAY3 = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const LAYOUTS = {
  x: {
    name: 'Slack/Discord thread', nested: true, cap: 2, blank: 0,
    headerIndent: (d) => 4 * d, textIndent: (d) => 4 * d,
    headerRe: /^(↳ )?(\S+) — Today at (1[0-2]|[1-9]):([0-5]\d) (AM|PM)$/,
    author: (m) => m[2],
    headerOk: (m, c) => (c.depth === 0) === (m[1] === undefined),
    widgetRe: null,
  },
  y: {
    name: '"Posted … ago by user" + Reply | Report', nested: true, cap: 3, blank: 1,
    headerIndent: (d) => 2 * d, textIndent: (d) => 2 * d,
    headerRe: /^Posted (\d+) (minute|hour|day)(s?) ago by (\S+)$/,
    author: (m) => m[4],
    headerOk: (m) => (m[1] === '1') === (m[3] === '') && +m[1] >= 1,
    widgetRe: /^Reply \| Report$/,
  },
  z: {
    name: 'imageboard', nested: false, cap: 0, blank: 1,
    headerIndent: () => 0, textIndent: () => 0,
    headerRe: /^(\S+) (\d\d)\/(\d\d)\/(\d\d)\((Sun|Mon|Tue|Wed|Thu|Fri|Sat)\)(\d\d):(\d\d):(\d\d) No\.(\d{7})$/,
    author: (m) => m[1],
    headerOk: (m) => {
      const dt = new Date(Date.UTC(2000 + +m[4], +m[2] - 1, +m[3]));
      return DAY3[dt.getUTCDay()] === m[5] && +m[6] < 24 && +m[7] < 60 && +m[8] < 60;
    },
    widgetRe: null,
  },
  aa: {
    name: 'guestbook', nested: false, cap: 0, blank: 2,
    headerIndent: () => 0, textIndent: () => 0,
    headerRe: /^(\S+) \(([^()]+), ([A-Z]{2})\)$/,
    author: (m) => m[1],
    headerOk: (m) => CITIES.includes(`${m[2]}, ${m[3]}`),
    widgetRe: /^(January|February|March|April|May|June|July|August|September|October|November|December) ([1-9]|[12]\d|3[01]), (\d{4})$/,
  },
  ab: {
    name: 'table-like `user | N likes | age`', nested: true, cap: 3, blank: 1,
    headerIndent: (d) => 4 * d, textIndent: (d) => 4 * d,
    headerRe: /^(\S+) \| (\d+) like(s?) \| (\d+) (minute|hour|day)(s?) ago$/,
    author: (m) => m[1],
    headerOk: (m) => (m[2] === '1') === (m[3] === '') && (m[4] === '1') === (m[6] === '') && +m[4] >= 1,
    widgetRe: null,
  },
  ac: {
    name: 'numbered with reply arrow', nested: true, cap: 3, blank: 1,
    headerIndent: (d) => 3 * d, textIndent: (d) => 3 * d + 2,
    headerRe: /^(?:(\d+)\. |(↪) )(\S+)$/,
    author: (m) => m[3],
    headerOk: (m, c) => (c.depth === 0) === (m[1] !== undefined),
    widgetRe: null,
  },
};

// Text shapes that would look like layout furniture: such comments are not used.
const ANY_HEADER_OR_WIDGET = [
  ...Object.values(LAYOUTS).map((l) => l.headerRe),
  ...Object.values(LAYOUTS).map((l) => l.widgetRe).filter(Boolean),
  /^\S+:$/, /^[>@↳↪]/, /^\d+[.)] /, / — Today at /, /^Posted .* ago by /, /\bNo\.\d{5,}/, /[│├└]/,
];

function paragraphUsable(p) {
  return !ANY_HEADER_OR_WIDGET.some((re) => re.test(p));
}

// ---------------------------------------------------------------------------------------------
// Pages: article, layout and the invented article furniture

const PAGES = [
  { key: 'texas', layout: 'x', dateline: (a) => `${MONTHS[a.date.mo].slice(0, 3)} ${a.date.d}, ${a.date.y}`, bodyParas: 1, caption: 'Photo: Reuters', source: null, copyright: false },
  { key: 'first-lady', layout: 'y', dateline: (a) => `${DAYS[new Date(Date.UTC(a.date.y, a.date.mo, a.date.d)).getUTCDay()]}, ${MONTHS[a.date.mo]} ${a.date.d}, ${a.date.y}`, bodyParas: 1, caption: null, source: 'Source: Fox News', copyright: true },
  { key: 'supreme-court', layout: 'z', dateline: null, bodyParas: 2, caption: 'Click to enlarge. Source: AP', source: null, copyright: false },
  { key: 'black-lives', layout: 'aa', dateline: null, bodyParas: 1, caption: null, source: 'Originally published by Fox News', copyright: true },
  { key: 'navy', layout: 'ab', dateline: (a) => `${a.date.y}-${pad2(a.date.mo + 1)}-${pad2(a.date.d)}`, bodyParas: 1, caption: 'Image: Getty Images', source: 'Source: FoxNews.com', copyright: false },
  { key: 'states', layout: 'ac', dateline: (a) => `${MONTHS[a.date.mo]} ${a.date.d}, ${a.date.y}`, bodyParas: 2, caption: null, source: 'Source: Fox News', copyright: true },
];

const DATELINE_RE = [
  /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}$/,
  /^(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday), [A-Z][a-z]+ \d{1,2}, \d{4}$/,
  /^\d{4}-\d{2}-\d{2}$/,
  /^[A-Z][a-z]+ \d{1,2}, \d{4}$/,
];
const CAPTION_RE = /^(Photo: .+|Image: .+|Click to enlarge\. Source: .+)$/;
const SOURCE_RE = /^(Source: .+|Originally published by .+)$/;

// Select the comments of one page. Returns [{c, depth, parentIdx (page index), rawParentPos}].
function selectComments(article, layout) {
  const raw = rawParents(article);
  const usable = (c) => !ZERO_WIDTH.test(c.text) && !ZERO_WIDTH.test(c.user) && !/\s/.test(c.user) &&
    c.text === c.text.trim() && !/\n/.test(c.text) && paragraphUsable(c.text) &&
    (paragraphSplit(c.text) || []).every(paragraphUsable);
  if (!layout.nested) {
    const out = [];
    for (const c of article.comments) {
      if (out.length === COMMENTS_PER_PAGE) break;
      if (usable(c)) out.push({ c, depth: 0, rawParentPos: raw[c.pos] });
    }
    return out;
  }
  // Capped depths: a reply deeper than the cap is re-attached to its ancestor at depth cap - 1.
  const parent = [];
  const depth = [];
  for (const c of article.comments) {
    let p = raw[c.pos];
    if (p !== null) {
      while (depth[p] + 1 > layout.cap) p = parent[p];
    }
    parent.push(p);
    depth.push(p === null ? 0 : depth[p] + 1);
  }
  const children = article.comments.map(() => []);
  parent.forEach((p, i) => { if (p !== null) children[p].push(i); });
  const threads = [];
  for (const c of article.comments) {
    if (parent[c.pos] !== null || !usable(c)) continue;
    const order = [];
    const walk = (i) => {
      if (order.length >= MAX_PER_THREAD || !usable(article.comments[i])) return; // skip unusable subtrees
      order.push(i);
      for (const ch of children[i]) walk(ch);
    };
    walk(c.pos);
    threads.push(order);
  }
  const bySize = threads.map((t, k) => ({ t, k })).sort((a, b) => b.t.length - a.t.length || a.k - b.k);
  const picked = [];
  let total = 0;
  for (const { t, k } of bySize) {
    if (total + t.length <= COMMENTS_PER_PAGE) { picked.push(k); total += t.length; }
  }
  if (total !== COMMENTS_PER_PAGE) fail(`${article.slug}: only ${total} comments selected`);
  picked.sort((a, b) => a - b);
  const out = [];
  const pageIndexOfPos = new Map();
  for (const k of picked) {
    for (const pos of threads[k]) {
      pageIndexOfPos.set(pos, out.length);
      out.push({ c: article.comments[pos], depth: depth[pos], parentIdx: parent[pos] === null ? null : pageIndexOfPos.get(parent[pos]), rawParentPos: raw[pos] });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Page builder: appends lines and records spans.

function makeBuilder(doc) {
  let s = '';
  const recs = [];
  return {
    get text() { return s; },
    recs,
    blank(n) { s += '\n'.repeat(n); },
    // lines: array of strings ('' = empty line); non-empty lines get `indent` spaces.
    // Returns the trimmed span {start, end, text} covering the lines.
    lines(lines, indent) {
      let start = -1;
      let end = -1;
      for (const l of lines) {
        if (l === '') { s += '\n'; continue; }
        s += ' '.repeat(indent);
        if (start === -1) start = s.length;
        s += l;
        end = s.length;
        s += '\n';
      }
      return { start, end, text: s.slice(start, end) };
    },
    block(kind, text, indent = 0) {
      const sp = this.lines([text], indent);
      recs.push({ doc, start: sp.start, end: sp.end, text: sp.text, kind });
      return sp;
    },
  };
}

function buildPage(pageNo, spec, article) {
  const layout = LAYOUTS[spec.layout];
  const doc = `${article.slug}-e`;
  const rnd = mulberry32(0x5eede500 + pageNo);
  const times = timeline(article);
  const sel = selectComments(article, layout);

  // Two-paragraph comments.
  const splittable = sel.filter((e) => paragraphSplit(e.c.text));
  let chosen = splittable.filter((e) => (e.c.pos + pageNo) % 3 === 0);
  if (chosen.length === 0) chosen = splittable.slice(0, 1);
  if (chosen.length === 0) fail(`${doc}: no splittable comment`);
  for (const e of sel) e.paras = chosen.includes(e) ? paragraphSplit(e.c.text) : [e.c.text];

  // Layout-specific header data (computed in page order with the page PRNG).
  const lastTime = Math.max(...sel.map((e) => times[e.c.pos]));
  if (spec.layout === 'x') {
    // Page-local clock: comments on the page in chronological (file) order, 2..20 minutes apart.
    const chrono = [...sel].sort((a, b) => a.c.pos - b.c.pos);
    let t = 10 * 60 + Math.floor(rnd() * 55);
    chrono.forEach((e, i) => {
      if (i > 0) t += 2 + Math.floor(rnd() * 19);
      if (t >= 24 * 60) fail('x clock passed midnight');
      e.header = `${e.depth ? '↳ ' : ''}${e.c.user} — Today at ${clock12(Math.floor(t / 60), t % 60)}`;
    });
  } else if (spec.layout === 'y') {
    const scrape = lastTime + 45;
    for (const e of sel) e.header = `Posted ${ago(scrape - times[e.c.pos])} by ${e.c.user}`;
  } else if (spec.layout === 'z') {
    let no = 4512300 + Math.floor(rnd() * 90);
    const noOfPos = new Map();
    for (const e of sel) {
      no += 1 + Math.floor(rnd() * 40);
      noOfPos.set(e.c.pos, no);
      const p = dateParts(times[e.c.pos]);
      const sec = Math.floor(rnd() * 60);
      e.named = fnv1a(e.c.user) % 5 === 0;
      e.author = e.named ? e.c.user : 'Anonymous';
      e.header = `${e.author} ${pad2(p.mo + 1)}/${pad2(p.d)}/${pad2(p.y % 100)}(${DAY3[p.wd]})${pad2(p.h)}:${pad2(p.mi)}:${pad2(sec)} No.${no}`;
      e.ref = e.rawParentPos !== null && noOfPos.has(e.rawParentPos) ? `>>${noOfPos.get(e.rawParentPos)}` : null;
    }
  } else if (spec.layout === 'aa') {
    // Entry dates: the first (oldest) entry on the article date, each later one 0-2 days after the
    // previous, in file (chronological) order. A guestbook shows the newest entry first.
    let day = Date.UTC(article.date.y, article.date.mo, article.date.d) / 60000;
    sel.forEach((e, i) => {
      if (i > 0) day += 24 * 60 * Math.floor(rnd() * 3);
      const p = dateParts(day);
      e.header = `${e.c.user} (${CITIES[fnv1a(e.c.user) % CITIES.length]})`;
      e.widget = `${MONTHS[p.mo]} ${p.d}, ${p.y}`;
    });
    sel.reverse();
  } else if (spec.layout === 'ab') {
    const scrape = lastTime + 100;
    for (const e of sel) {
      const r = rnd();
      const likes = Math.floor(r * r * r * (e.depth === 0 ? 90 : 25));
      e.header = `${e.c.user} | ${likes} like${likes === 1 ? '' : 's'} | ${ago(scrape - times[e.c.pos])}`;
    }
  } else if (spec.layout === 'ac') {
    let n = 0;
    for (const e of sel) e.header = e.depth === 0 ? `${++n}. ${e.c.user}` : `↪ ${e.c.user}`;
  }
  if (spec.layout === 'y') for (const e of sel) e.widget = 'Reply | Report';
  for (const e of sel) if (e.author === undefined) e.author = e.c.user;

  // Render.
  const b = makeBuilder(doc);
  b.block('title', article.title);
  if (spec.dateline) { b.blank(1); b.block('dateline', spec.dateline(article)); }
  const body = spec.bodyParas === 2 ? splitAtComma(article.meta) : [article.meta];
  for (const para of body) { b.blank(1); b.block('body', para); }
  if (spec.caption) { b.blank(1); b.block('caption', spec.caption); }
  if (spec.source) { b.blank(1); b.block('source', spec.source); }
  b.blank(2);
  sel.forEach((e, index) => {
    if (index > 0) b.blank(layout.blank);
    const h = b.lines([e.header], layout.headerIndent(e.depth));
    const textLines = [];
    if (e.ref) textLines.push(e.ref);
    e.paras.forEach((p, i) => { if (i > 0) textLines.push(''); textLines.push(p); });
    const t = b.lines(textLines, layout.textIndent(e.depth));
    b.recs.push({
      doc, start: t.start, end: t.end, text: t.text, kind: 'comment', index, author: e.author,
      depth: e.depth, parent: layout.nested ? e.parentIdx : null,
      header: { start: h.start, end: h.end, text: h.text },
    });
    if (e.widget) b.block('footer', e.widget, layout.textIndent(e.depth));
  });
  if (spec.copyright) { b.blank(2); b.block('footer', COPYRIGHT); }
  return { doc, layoutKey: spec.layout, spec, article, sel, text: b.text, recs: b.recs };
}

// ---------------------------------------------------------------------------------------------
// Gold serialisation

const KEYS_PLAIN = ['doc', 'start', 'end', 'text', 'kind'];
const KEYS_COMMENT = ['doc', 'start', 'end', 'text', 'kind', 'index', 'author', 'depth', 'parent', 'header'];
const KEYS_HEADER = ['start', 'end', 'text'];

function serialiseRecord(r) {
  const keys = r.kind === 'comment' ? KEYS_COMMENT : KEYS_PLAIN;
  const o = {};
  for (const k of keys) o[k] = k === 'header' ? { start: r.header.start, end: r.header.end, text: r.header.text } : r[k];
  return JSON.stringify(o);
}

function sortRecords(recs) {
  return [...recs].sort((a, b) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.start - b.start || a.end - b.end));
}

// ---------------------------------------------------------------------------------------------
// Verification (on the re-read files). Returns a list of problems.

const rawCache = new Map();
function rawOf(article) {
  if (!rawCache.has(article)) rawCache.set(article, rawParents(article));
  return rawCache.get(article);
}

function verify(pageTexts, goldText, pages) {
  const errs = [];
  const err = (m) => { if (errs.length < 50) errs.push(m); };
  const lines = goldText.split('\n');
  if (lines.pop() !== '') err('gold does not end with a newline');
  const recs = [];
  lines.forEach((l, i) => {
    let r;
    try { r = JSON.parse(l); } catch { err(`gold line ${i + 1} is not JSON`); return; }
    const keys = r.kind === 'comment' ? KEYS_COMMENT : KEYS_PLAIN;
    if (JSON.stringify(Object.keys(r)) !== JSON.stringify(keys)) err(`gold line ${i + 1}: key order`);
    if (r.kind === 'comment' && JSON.stringify(Object.keys(r.header || {})) !== JSON.stringify(KEYS_HEADER)) err(`gold line ${i + 1}: header keys`);
    recs.push(r);
  });
  for (let i = 1; i < recs.length; i++) {
    const a = recs[i - 1];
    const b = recs[i];
    if (!(a.doc < b.doc || (a.doc === b.doc && (a.start < b.start || (a.start === b.start && a.end < b.end))))) err(`gold line ${i + 1}: not strictly sorted`);
  }
  const docs = [...new Set(recs.map((r) => r.doc))];
  if (JSON.stringify(docs) !== JSON.stringify(Object.keys(pageTexts).sort())) err('gold docs differ from page files');

  for (const page of pages) {
    const doc = page.doc;
    const text = pageTexts[doc];
    if (text === undefined) { err(`${doc}: page missing`); continue; }
    const layout = LAYOUTS[page.layoutKey];
    const R = recs.filter((r) => r.doc === doc);
    const P = `${doc}:`;
    // File-level shape.
    if (text.charCodeAt(0) === 0xfeff) err(`${P} BOM`);
    if (/\r/.test(text)) err(`${P} CR found`);
    if (/\t/.test(text)) err(`${P} tab found`);
    if (!text.endsWith('\n') || text.endsWith('\n\n')) err(`${P} must end with exactly one newline`);
    if (/[ \u00a0]\n/.test(text)) err(`${P} trailing whitespace`);
    if (ZERO_WIDTH.test(text)) err(`${P} zero-width character`);

    // Spans: text === slice, trimmed, line-aligned; collect for coverage.
    const spans = [];
    const lineStartOf = (i) => text.lastIndexOf('\n', i - 1) + 1;
    const checkSpan = (s, what, allowEmpty) => {
      if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start > s.end || s.end > text.length) { err(`${P} ${what}: bad offsets`); return false; }
      if (text.slice(s.start, s.end) !== s.text) { err(`${P} ${what}: text !== slice`); return false; }
      if (!allowEmpty && s.text === '') err(`${P} ${what}: empty`);
      if (/^\s|\s$/.test(s.text)) err(`${P} ${what}: not trimmed`);
      if (!/^ *$/.test(text.slice(lineStartOf(s.start), s.start))) err(`${P} ${what}: does not start a line`);
      if (text[s.end] !== '\n') err(`${P} ${what}: does not end a line`);
      spans.push(s);
      return true;
    };
    for (const r of R) {
      checkSpan(r, `${r.kind} @${r.start}`, false);
      if (r.kind !== 'comment' && /\n\s*\n/.test(r.text)) err(`${P} ${r.kind} @${r.start} contains a blank line`);
      if (r.kind === 'comment') {
        if (!r.header) { err(`${P} comment ${r.index} has no header`); continue; }
        checkSpan(r.header, `header of comment ${r.index}`, false);
        if (/\n/.test(r.header.text)) err(`${P} header of comment ${r.index} spans lines`);
      }
    }
    // Coverage: every non-whitespace character exactly once.
    const cover = new Uint8Array(text.length);
    for (const s of spans) for (let i = s.start; i < s.end; i++) cover[i]++;
    for (let i = 0; i < text.length; i++) {
      const ws = /\s/.test(text[i]);
      if (cover[i] > 1) { err(`${P} offset ${i} covered ${cover[i]} times`); break; }
      if (!ws && cover[i] !== 1) { err(`${P} offset ${i} (${JSON.stringify(text[i])}) not covered`); break; }
    }

    // Kinds of non-comment records.
    const body = page.spec.bodyParas === 2 ? splitAtComma(page.article.meta) : [page.article.meta];
    const widget = layout.widgetRe;
    const C = R.filter((r) => r.kind === 'comment');
    const firstHeader = C.length ? C[0].header.start : text.length;
    const lastCommentEnd = C.length ? Math.max(...R.filter((r) => r.start >= firstHeader && r.text !== COPYRIGHT).map((r) => r.end)) : 0;
    let bodySeen = 0;
    for (const r of R) {
      if (r.kind === 'comment') continue;
      const inThread = r.start > firstHeader && r.start <= lastCommentEnd;
      const ok = {
        title: () => r.text === page.article.title && r.start === 0,
        dateline: () => DATELINE_RE.some((re) => re.test(r.text)) && !inThread,
        body: () => r.text === body[bodySeen++] && !inThread,
        caption: () => CAPTION_RE.test(r.text) && !inThread,
        source: () => SOURCE_RE.test(r.text) && !CAPTION_RE.test(r.text) && !inThread,
        footer: () => (r.text === COPYRIGHT && r.end === text.length - 1 && !inThread) || (!!widget && widget.test(r.text) && inThread),
      }[r.kind];
      if (!ok || !ok()) err(`${P} record @${r.start} kind ${r.kind} does not fit ${JSON.stringify(r.text)}`);
    }
    if (bodySeen !== body.length) err(`${P} ${bodySeen} body records, expected ${body.length}`);
    if (page.spec.copyright !== (R[R.length - 1].text === COPYRIGHT)) err(`${P} © line placement`);
    // The thread starts after exactly two blank lines; the © line after exactly two blank lines.
    if (C.length && !/[^\n]\n\n\n$/.test(text.slice(0, lineStartOf(firstHeader)))) err(`${P} thread not preceded by exactly two blank lines`);
    if (page.spec.copyright && !text.endsWith(`\n\n\n${COPYRIGHT}\n`)) err(`${P} © not preceded by two blank lines`);
    // Article part: blocks separated by exactly one blank line.
    const art = R.filter((r) => r.end < firstHeader);
    for (let i = 1; i < art.length; i++) if (text.slice(art[i - 1].end, art[i].start) !== '\n\n') err(`${P} article blocks not separated by one blank line`);

    // Comments.
    if (C.length !== COMMENTS_PER_PAGE) err(`${P} ${C.length} comments`);
    let multi = 0;
    let maxDepth = 0;
    C.forEach((r, k) => {
      const Q = `${P} comment ${k}`;
      if (r.index !== k) err(`${Q}: index ${r.index}`);
      const sel = page.sel[k];
      // Structure.
      if (!layout.nested && (r.depth !== 0 || r.parent !== null)) err(`${Q}: flat page must have depth 0 / parent null`);
      if (r.depth > (layout.nested ? layout.cap : 0)) err(`${Q}: depth above cap`);
      if (k === 0 && r.depth !== 0) err(`${Q}: first comment not top-level`);
      if (k > 0 && r.depth > C[k - 1].depth + 1) err(`${Q}: depth jump`);
      let expectParent = null;
      if (r.depth > 0) for (let j = k - 1; j >= 0; j--) if (C[j].depth === r.depth - 1) { expectParent = j; break; }
      if (r.parent !== expectParent) err(`${Q}: parent ${r.parent}, expected ${expectParent}`);
      if (layout.nested && sel && r.depth > 0) {
        // The page tree is the capped reply tree: the parent is the addressee's comment or its ancestor.
        let p = sel.rawParentPos;
        const parentPos = page.sel[r.parent].c.pos;
        while (p !== null && p !== parentPos) p = rawOf(page.article)[p];
        if (p !== parentPos) err(`${Q}: parent is not an ancestor of the addressee's comment`);
      }
      maxDepth = Math.max(maxDepth, r.depth);
      // Header.
      const m = layout.headerRe.exec(r.header.text);
      if (!m) err(`${Q}: header ${JSON.stringify(r.header.text)} does not match the layout`);
      else {
        if (layout.author(m) !== r.author) err(`${Q}: author ${r.author} != header name ${layout.author(m)}`);
        if (!layout.headerOk(m, r)) err(`${Q}: header details wrong`);
      }
      const hcol = r.header.start - lineStartOf(r.header.start);
      if (hcol !== layout.headerIndent(r.depth)) err(`${Q}: header indent ${hcol}`);
      if (text.slice(r.header.end, r.start) !== '\n' + ' '.repeat(layout.textIndent(r.depth))) err(`${Q}: text does not start on the line after the header at the text indent`);
      // Text lines: all at the text indent; paragraph breaks are exactly one empty line.
      const tl = r.text.split('\n');
      tl.forEach((l, i) => {
        if (i === 0) return;
        if (l === '') { if (tl[i - 1] === '' || i === tl.length - 1) err(`${Q}: bad empty line`); return; }
        if (l.slice(0, layout.textIndent(r.depth)) !== ' '.repeat(layout.textIndent(r.depth)) || /^\s/.test(l.slice(layout.textIndent(r.depth)))) err(`${Q}: text line not at the text indent`);
      });
      const paras = r.text.split('\n\n').map((p) => p.split('\n').map((l) => l.trim()));
      for (const p of paras) for (const l of p) if (!l.startsWith('>>') && !paragraphUsable(l)) err(`${Q}: text line looks like furniture: ${l}`);
      if (paras.length > 1) multi++;
      if (paras.length > 2) err(`${Q}: more than two paragraphs`);
      // Text is the dataset text (ref line on z aside).
      let own = paras.map((p) => p.join(' ')).join(' ');
      if (page.layoutKey === 'z') {
        const refM = /^>>(\d+)\n/.exec(r.text);
        if (refM) {
          own = own.slice(refM[0].length);
          const target = C.findIndex((o) => o.header.text.endsWith(`No.${refM[1]}`));
          if (target === -1 || target >= k) err(`${Q}: reference to a post not earlier on the page`);
          else if (sel && page.sel[target].c.pos !== sel.rawParentPos) err(`${Q}: reference is not the addressee's comment`);
        } else if (sel && sel.rawParentPos !== null && page.sel.some((o) => o.c.pos === sel.rawParentPos)) err(`${Q}: missing reference`);
        if (paras.some((p, i) => p.length !== (i === 0 && refM ? 2 : 1))) err(`${Q}: line break inside a paragraph`);
      } else if (paras.some((p) => p.length > 1)) err(`${Q}: line break inside a paragraph`);
      if (sel && own !== sel.c.text) err(`${Q}: text differs from the dataset`);
      if (sel && page.layoutKey !== 'z' && r.author !== sel.c.user) err(`${Q}: author differs from the dataset user`);
      if (sel && page.layoutKey === 'z' && r.author !== sel.c.user && r.author !== 'Anonymous') err(`${Q}: z author`);
      // What follows the comment: its widget line (y, aa), then the gap to the next comment.
      let after = r.end;
      const nextRec = R.find((o) => o.start >= r.end);
      if (widget) {
        const ind = layout.textIndent(r.depth);
        if (!nextRec || nextRec.kind !== 'footer' || !widget.test(nextRec.text) || text.slice(r.end, nextRec.start) !== '\n' + ' '.repeat(ind)) err(`${Q}: widget line does not follow directly`);
        else after = nextRec.end;
      }
      if (k + 1 < C.length) {
        const nh = C[k + 1].header;
        const gap = text.slice(after, nh.start);
        if (gap !== '\n'.repeat(1 + layout.blank) + ' '.repeat(layout.headerIndent(C[k + 1].depth))) err(`${Q}: gap to next comment is not ${layout.blank} blank line(s)`);
      }
    });
    if (multi < 1) err(`${P} no two-paragraph comment`);
    if (layout.nested && maxDepth < 2) err(`${P} nested page does not reach depth 2`);
    // Layout-specific extras.
    if (page.layoutKey === 'x') {
      if (!C.some((r) => / AM$/.test(r.header.text)) || !C.some((r) => / PM$/.test(r.header.text))) err(`${P} x times should include AM and PM`);
      const mins = (h) => { const m2 = LAYOUTS.x.headerRe.exec(h); return ((+m2[3]) % 12 + (m2[5] === 'PM' ? 12 : 0)) * 60 + +m2[4]; };
      C.forEach((r) => { if (r.parent !== null && mins(r.header.text) <= mins(C[r.parent].header.text)) err(`${P} reply ${r.index} not later than its parent`); });
      // No blank lines between comments: every empty line inside the thread lies inside a comment span.
      const thread = text.slice(firstHeader, lastCommentEnd);
      for (let idx = thread.indexOf('\n\n'); idx !== -1; idx = thread.indexOf('\n\n', idx + 1)) {
        const abs = firstHeader + idx;
        if (!C.some((r) => r.start < abs && abs < r.end)) err(`${P} blank line between comments at ${abs}`);
      }
    }
    if (page.layoutKey === 'z') {
      const named = C.filter((r) => r.author !== 'Anonymous').length;
      if (named < 2 || named > 8) err(`${P} ${named} named posters`);
      if (C.filter((r) => r.text.startsWith('>>')).length < 3) err(`${P} fewer than 3 >> references`);
      const nos = C.map((r) => +/No\.(\d+)$/.exec(r.header.text)[1]);
      for (let i = 1; i < nos.length; i++) if (nos[i] <= nos[i - 1]) err(`${P} post numbers not increasing`);
    }
    if (page.layoutKey === 'ac') {
      let n = 0;
      for (const r of C) if (r.depth === 0 && !r.header.text.startsWith(`${++n}. `)) err(`${P} top-level numbering broken at ${r.index}`);
    }
    if (page.layoutKey === 'aa') {
      const dates = R.filter((r) => r.kind === 'footer' && widget.test(r.text)).map((r) => new Date(r.text + ' UTC').getTime());
      for (let i = 1; i < dates.length; i++) if (dates[i] > dates[i - 1]) err(`${P} guestbook not newest first`);
    }
  }
  return errs;
}

// ---------------------------------------------------------------------------------------------
// Main

const articles = loadDataset();
const findArticle = (key) => {
  const a = articles.find((x) => x.slug.startsWith(key));
  if (!a) fail('no article ' + key);
  return a;
};
const pages = PAGES.map((spec, i) => buildPage(i, spec, findArticle(spec.key)));
if (new Set(pages.map((p) => p.article)).size !== pages.length) fail('an article is used twice');

const gold = sortRecords(pages.flatMap((p) => p.recs)).map(serialiseRecord).join('\n') + '\n';

fs.mkdirSync(PAGES_DIR, { recursive: true });
const wanted = new Set(pages.map((p) => `${p.doc}.txt`));
for (const f of fs.readdirSync(PAGES_DIR)) if (f.endsWith('.txt') && !wanted.has(f)) fs.unlinkSync(path.join(PAGES_DIR, f));
for (const p of pages) fs.writeFileSync(path.join(PAGES_DIR, `${p.doc}.txt`), p.text, 'utf8');
fs.writeFileSync(GOLD_FILE, gold, 'utf8');

// Re-read and verify what was written.
const reread = {};
for (const f of fs.readdirSync(PAGES_DIR).filter((x) => x.endsWith('.txt')).sort()) {
  let t = fs.readFileSync(path.join(PAGES_DIR, f), 'utf8');
  if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
  reread[f.slice(0, -4)] = t;
}
const goldReread = fs.readFileSync(GOLD_FILE, 'utf8');
const errors = verify(reread, goldReread, pages);
if (errors.length) {
  for (const e of errors) console.error('  ' + e);
  fail(`${errors.length} check(s) failed`);
}

if (SELF_TEST) {
  // Deliberately broken variants of the output; each must be caught by verify().
  const goldLines = goldReread.trimEnd().split('\n');
  const mutateLine = (pred, fn) => {
    const i = goldLines.findIndex((l) => pred(JSON.parse(l)));
    const copy = [...goldLines];
    copy[i] = serialiseRecord(fn(JSON.parse(copy[i])));
    return copy.join('\n') + '\n';
  };
  const firstDoc = (k) => pages.find((p) => p.layoutKey === k).doc;
  const cases = {
    'dropped record': goldLines.filter((_, i) => i !== 7).join('\n') + '\n',
    'wrong depth': mutateLine((r) => r.kind === 'comment' && r.depth === 2, (r) => ({ ...r, depth: 1 })),
    'wrong parent': mutateLine((r) => r.kind === 'comment' && r.depth === 1, (r) => ({ ...r, parent: r.parent + 1 })),
    'wrong author': mutateLine((r) => r.kind === 'comment' && r.doc === firstDoc('y'), (r) => ({ ...r, author: r.author + 'x' })),
    'z author not Anonymous': mutateLine((r) => r.kind === 'comment' && r.author === 'Anonymous', (r) => ({ ...r, author: 'anonymous' })),
    'truncated comment span': mutateLine((r) => r.kind === 'comment', (r) => ({ ...r, end: r.end - 1, text: r.text.slice(0, -1) })),
    'widget relabelled caption': mutateLine((r) => r.kind === 'footer' && r.text === 'Reply | Report', (r) => ({ ...r, kind: 'caption' })),
    'guestbook date relabelled dateline': mutateLine((r) => r.kind === 'footer' && r.doc === firstDoc('aa') && r.text !== COPYRIGHT, (r) => ({ ...r, kind: 'dateline' })),
    'arrow left out of header': mutateLine((r) => r.kind === 'comment' && r.header.text.startsWith('↳'), (r) => ({ ...r, header: { start: r.header.start + 2, end: r.header.end, text: r.header.text.slice(2) } })),
    'ref line left out of span': mutateLine((r) => r.kind === 'comment' && r.text.startsWith('>>'), (r) => { const n = r.text.indexOf('\n') + 1; return { ...r, start: r.start + n, text: r.text.slice(n) }; }),
    'wrong kind': mutateLine((r) => r.kind === 'source', (r) => ({ ...r, kind: 'body' })),
  };
  const pageCases = {
    'stray CR': (t) => t.replace('\n', '\r\n'),
    'trailing space': (t) => t.replace('\n', ' \n'),
    'extra blank line between comments': (t) => t.replace(/\n\n(Posted )/, '\n\n\n$1'),
  };
  let bad = 0;
  for (const [name, g] of Object.entries(cases)) {
    const e = verify(reread, g, pages);
    console.log(`self-test ${e.length ? 'caught ' : 'MISSED '} ${name}${e.length ? ': ' + e[0] : ''}`);
    if (!e.length) bad++;
  }
  for (const [name, fn] of Object.entries(pageCases)) {
    const doc = name === 'extra blank line between comments' ? firstDoc('y') : pages[0].doc;
    const e = verify({ ...reread, [doc]: fn(reread[doc]) }, goldReread, pages);
    console.log(`self-test ${e.length ? 'caught ' : 'MISSED '} ${name}${e.length ? ': ' + e[0] : ''}`);
    if (!e.length) bad++;
  }
  if (bad) fail(`self-test: ${bad} broken variant(s) not caught`);
}

const goldCount = goldReread.trimEnd().split('\n').length;
for (const p of pages) {
  const C = p.recs.filter((r) => r.kind === 'comment');
  const depths = [0, 1, 2, 3].map((d) => C.filter((r) => r.depth === d).length).join('/');
  const multi = C.filter((r) => /\n\s*\n/.test(r.text)).map((r) => r.index).join(',');
  console.log(`${p.doc}  ${p.layoutKey}  comments=${C.length} depth0/1/2/3=${depths} 2-para=[${multi}] records=${p.recs.length}`);
}
console.log(`wrote ${pages.length} pages and ${goldCount} gold records to ${path.relative(REPO, OUT_DIR)}`);
