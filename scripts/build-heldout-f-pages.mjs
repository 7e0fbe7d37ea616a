#!/usr/bin/env node
// Builds the sixth held-out segmentation set (set F, layouts ad–ai) from the Fox News comments dataset.
//
//   node scripts/build-heldout-f-pages.mjs [sharedDir] [--self-test]
//
// Plain Node >= 20, no dependencies, nothing imported from the project. Deterministic: no clock, and the
// only randomness is a fixed-seed PRNG (mulberry32). Writes tests/heldout-f/pages/*.txt and
// tests/heldout-f/segment.gold.jsonl, then re-reads them and verifies them (exit status 1 on failure).
// See tests/heldout-f/README.md.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..');
const argv = process.argv.slice(2);
const SELF_TEST = argv.includes('--self-test');
const SHARED = path.resolve(argv.find((a) => !a.startsWith('--')) ?? path.join(REPO, '..', 'shared'));
const DATA_DIR = path.join(SHARED, 'datasets', 'fox-news-comments');
const OUT_DIR = path.join(REPO, 'tests', 'heldout-f');
const PAGES_DIR = path.join(OUT_DIR, 'pages');
const GOLD_FILE = path.join(OUT_DIR, 'segment.gold.jsonl');

// ───────────────────────────── helpers ─────────────────────────────

function fail(msg) {
  throw new Error(msg);
}
function assert(cond, msg) {
  if (!cond) fail(msg);
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
function fnv1a(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MON = MONTHS.map((m) => m.slice(0, 3));
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const pad2 = (n) => String(n).padStart(2, '0');
const MINUTE = 60 * 1000;

// ───────────────────────────── dataset ─────────────────────────────

// Page slugs, in order of first appearance of the article in the dataset (the same slugs as sets A–E).
const SLUGS = [
  'german-lawmakers-approve-no-means-no-rape-law-after-cologne',
  'texas-12-states-to-ask-judge-to-stall-obama-transgender',
  'ice-program-failing-to-rid-us-of-dangerous-illegal',
  'first-lady-obama-takes-swipe-at-trump',
  'navy-names-ship-after-gay-rights-advocate-harvey-milk',
  'confederate-flag-debate-protecting-hatred-preserves-freedom',
  'supreme-court-has-spoken-on-affirmative-action-now-colleges',
  'states-moving-to-restore-work-requirements-for-food-stamp',
  'black-lives-matter-must-rescind-anti-israel-declaration',
  'fury-as-feminist-blames-toddler-alligator-death-on-white',
];

function loadDataset() {
  const raw = fs.readFileSync(path.join(DATA_DIR, 'fox-news-comments.json'), 'utf8');
  const rows = raw.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
  assert(rows.length === 1528, `expected 1528 comments, got ${rows.length}`);
  const urls = fs.readFileSync(path.join(DATA_DIR, 'comment-url.txt'), 'utf8').split('\n').filter((l) => l.trim() !== '');
  assert(urls.length === 10, 'expected 10 URLs');
  const articles = [];
  const byTitle = new Map();
  for (const r of rows) {
    if (!byTitle.has(r.title)) {
      const a = { no: articles.length, title: r.title, meta: r.meta, comments: [] };
      byTitle.set(r.title, a);
      articles.push(a);
    }
    const a = byTitle.get(r.title);
    assert(a.meta === r.meta, 'one meta per article');
    a.comments.push({ pos: a.comments.length, user: r.user, text: r.text, mentions: r.mentions });
  }
  assert(articles.length === 10, 'expected 10 articles');
  articles.forEach((a, i) => {
    const m = /\/(\d{4})\/(\d{2})\/(\d{2})\//.exec(urls[i]);
    assert(m, `no date in URL ${urls[i]}`);
    a.date = { y: +m[1], m: +m[2], d: +m[3] };
    a.slug = SLUGS[i];
  });
  return articles;
}

// ───────────────────────────── page plan ─────────────────────────────

// Order = page number (used by the paragraph-split rule and the PRNG seeds).
const PLAN = [
  { layout: 'ad', art: 4, sep: 1, step: 2, cap: 3, eol: '\n', dateline: 'monthDayYear', bodyParas: 1, caption: 'Photo: AP', source: 'Source: Fox News', copyright: false, gap: [3, 75], scrapeAfter: 25 },
  { layout: 'ae', art: 2, sep: 2, step: 4, cap: 3, eol: '\n', dateline: 'dayMonthYear', bodyParas: 2, caption: null, source: 'Originally published by Fox News', copyright: true, gap: [10, 240], scrapeAfter: 40 },
  { layout: 'af', art: 5, sep: 2, step: 0, cap: 0, eol: '\r\n', dateline: 'monthDayYear', bodyParas: 2, caption: 'Photo: Reuters', source: null, copyright: true, gap: [3, 75], scrapeAfter: 0 },
  { layout: 'ag', art: 1, sep: 0, step: 2, cap: 3, eol: '\n', dateline: 'weekdayMonthDayYear', bodyParas: 1, caption: 'Image: Getty Images', source: null, copyright: false, gap: [3, 75], scrapeAfter: 0 },
  { layout: 'ah', art: 9, sep: 1, step: 0, cap: 0, eol: '\n', dateline: null, bodyParas: 1, caption: null, source: 'Source: Fox News', copyright: true, gap: [20, 300], scrapeAfter: 0 },
  { layout: 'ai', art: 6, sep: 0, step: 1, cap: 3, eol: '\n', dateline: 'shortWeekdayDayMonYear', bodyParas: 1, caption: 'Click to enlarge', source: null, copyright: true, gap: [3, 75], scrapeAfter: 0 },
];
const PAGE_COMMENTS = 20;
const THREAD_MAX = 8;
const COPYRIGHT = '© 2016 Fox News Network. All rights reserved.';
// PRNG seeds are the FNV-1a hashes of `heldout-f:time:<page>` and `heldout-f:likes:<page>`.
const SEED_LABEL = 'heldout-f';
const INDENT_UNIT = { ad: ' ', ae: ' ', ag: ' ', ai: '\t', af: '', ah: '' };

function formatDateline(fmt, { y, m, d }) {
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  switch (fmt) {
    case 'monthDayYear': return `${MONTHS[m - 1]} ${d}, ${y}`;
    case 'dayMonthYear': return `${d} ${MONTHS[m - 1]} ${y}`;
    case 'weekdayMonthDayYear': return `${WEEKDAYS[wd]}, ${MONTHS[m - 1]} ${d}, ${y}`;
    case 'shortWeekdayDayMonYear': return `${WEEKDAYS[wd].slice(0, 3)} ${d} ${MON[m - 1]} ${y}`;
    default: fail(`unknown dateline format ${fmt}`);
  }
}

// Body: the meta description, split into two paragraphs at the ", " nearest its middle when asked.
function bodyParagraphs(meta, n) {
  if (n === 1) return [meta];
  let best = -1;
  for (let i = meta.indexOf(', '); i !== -1; i = meta.indexOf(', ', i + 1)) {
    if (best === -1 || Math.abs(i + 1 - meta.length / 2) < Math.abs(best + 1 - meta.length / 2)) best = i;
  }
  assert(best !== -1, 'body split needs ", "');
  return [meta.slice(0, best + 1), meta.slice(best + 2)];
}

// ───────────────────────────── names ─────────────────────────────

function nameWords(user) {
  return (user.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g) ?? []).filter((w) => !/^\d+$/.test(w));
}
// ae: two capital initials.
function initialsOf(user) {
  const w = nameWords(user);
  let s;
  if (w.length >= 2) s = w[0][0] + w[1][0];
  else if (w.length === 1 && w[0].length >= 2) s = w[0].slice(0, 2);
  else s = user.replace(/[^A-Za-z0-9]/g, '').slice(0, 2);
  return s.toUpperCase();
}
// af: display name. Words of the user name (camelCase / letter-digit / underscore boundaries), digit-only
// words dropped, first letter capitalised; a single word gets a last initial from the FNV-1a hash.
const LAST_INITIALS = 'ABCDEFGHJKLMNPRSTW';
function displayNameOf(user) {
  const w = nameWords(user).map((x) => x[0].toUpperCase() + x.slice(1));
  if (w.length === 0) return user;
  if (w.length === 1) return `${w[0]} ${LAST_INITIALS[fnv1a(user) % LAST_INITIALS.length]}.`;
  return w.join(' ');
}
const DEGREES = ['1st', '2nd', '3rd+'];
const JOBS = [
  'Retired engineer at Acme', 'Registered nurse at Riverbend Clinic', 'Sales manager at Northwind Traders',
  'Software developer at Initech', 'High school teacher at Lakeview Schools', 'Owner, Hillside Plumbing',
  'Truck driver at Summit Logistics', 'Accountant at Pioneer Insurance', 'Project manager at Globex Corporation',
  'Electrician at Sterling & Sons', 'Pastor at Grace Community Church', 'Student at Westfield State University',
  'Realtor at Bluegrass Realty', 'Independent consultant', 'Paralegal at Carter & Hale LLP', 'Retired police officer',
  'U.S. Army veteran', 'Small business owner', 'Claims adjuster at Pioneer Insurance',
  'Warehouse supervisor at Summit Logistics', 'Retired teacher', 'Office manager at Riverbend Clinic',
  'Machinist at Acme', 'Self-employed',
];
function degreeOf(user) {
  return DEGREES[(fnv1a(user) >>> 4) % DEGREES.length];
}
function jobOf(user) {
  return JOBS[fnv1a('job:' + user) % JOBS.length];
}

// ───────────────────────────── time ─────────────────────────────

function timeline(article, page, pageNo) {
  const rnd = mulberry32(fnv1a(`${SEED_LABEL}:time:${pageNo}`));
  const { y, m, d } = article.date;
  let t = Date.UTC(y, m - 1, d, 6, 0);
  const out = [];
  for (let i = 0; i < article.comments.length; i++) {
    if (i > 0) t += (page.gap[0] + Math.floor(rnd() * (page.gap[1] - page.gap[0] + 1))) * MINUTE;
    out.push(t);
  }
  return out;
}
function ageAd(mins) {
  if (mins < 60) return mins === 1 ? '1 minute ago' : `${mins} minutes ago`;
  const h = Math.floor(mins / 60);
  if (h < 24) return h === 1 ? '1 hour ago' : `${h} hours ago`;
  const d = Math.floor(h / 24);
  return d === 1 ? '1 day ago' : `${d} days ago`;
}
function ageAe(mins) {
  if (mins < 60) return `${mins}m`;
  const h = Math.floor(mins / 60);
  if (h < 24) return `${h}h`;
  const d = Math.floor(h / 24);
  if (d < 7) return `${d}d`;
  return `${Math.floor(d / 7)}w`;
}
function stampAg(t) {
  const x = new Date(t);
  return `${x.getUTCFullYear()}-${pad2(x.getUTCMonth() + 1)}-${pad2(x.getUTCDate())} ${pad2(x.getUTCHours())}:${pad2(x.getUTCMinutes())}`;
}
function dateAh(t) {
  const x = new Date(t);
  return `${MON[x.getUTCMonth()]} ${x.getUTCDate()} ${x.getUTCFullYear()}`;
}

// ───────────────────────────── header / widget shapes ─────────────────────────────

const RE = {
  ad: /^( *)(\S+) (commented|replied) (\d+ (?:minute|hour|day)s? ago)$/,
  adWidget: /^( *)♥ (\d+)$/,
  aeInitials: /^( *)([A-Z0-9]{2})$/,
  aeName: /^( *)(\S+)$/,
  aeAge: /^( *)(\d+[mhdw])$/,
  af: /^(\S.*) • (1st|2nd|3rd\+)$/,
  ag: /^( *)\[([^\s\]]+?)(?: → ([^\s\]]+))?\] (\d{4}-\d\d-\d\d \d\d:\d\d)$/,
  ah: /^— (\S+), (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2}) (\d{4})$/,
  ai: /^(\t*)(\S+) said\.\.\.$/,
};

// A paragraph that could be read as page furniture of any of the six layouts (or the article) is not used.
function furnitureLike(p) {
  return (
    !/\s/.test(p) || // one token: could be an ae name / initials / age line
    RE.ad.test(p) || /♥/.test(p) ||
    / • (1st|2nd|3rd\+)$/.test(p) ||
    /^\[/.test(p) || /→/.test(p) ||
    /^[—–-]/.test(p) ||
    /said\.\.\.\s*$/.test(p) ||
    /^[@>©]/.test(p) ||
    /^(Photo|Image): |^Source: |^Originally published by |^Click to enlarge/.test(p)
  );
}
const ZW = /[\u200B\u200C\u200D\u2060\uFEFF]/;
function usableComment(c) {
  if (!/^[A-Za-z0-9_]+$/.test(c.user)) return false; // zero-width or '/' in the user name
  if (ZW.test(c.text) || /[\r\n\t]/.test(c.text) || c.text !== c.text.trim() || c.text === '') return false;
  return !furnitureLike(c.text);
}
// Two-paragraph split: sentence boundary nearest the middle, both parts >= 40 characters.
function splitPoint(text) {
  if (text.length < 160) return -1;
  let best = -1;
  const re = /[.!?]["'”’)\]]* (?=\S)/g;
  let m;
  while ((m = re.exec(text))) {
    const sp = m.index + m[0].length - 1; // index of the space
    if (sp < 40 || text.length - sp - 1 < 40) continue;
    const a = text.slice(0, sp);
    const b = text.slice(sp + 1);
    if (furnitureLike(a) || furnitureLike(b)) continue;
    if (best === -1 || Math.abs(sp - text.length / 2) < Math.abs(best - text.length / 2)) best = sp;
  }
  return best;
}

// ───────────────────────────── reply tree & selection ─────────────────────────────

function firstMention(c) {
  const m = (c.mentions ?? '').split(/[\s,]+/).filter(Boolean);
  return m.length ? m[0].replace(/^@/, '') : null;
}
function replyTree(article, cap) {
  const cs = article.comments;
  const lastBy = new Map();
  const raw = cs.map(() => null);
  cs.forEach((c, i) => {
    const who = firstMention(c);
    if (who !== null && lastBy.has(who)) raw[i] = lastBy.get(who);
    lastBy.set(c.user, i);
  });
  const rawDepth = [];
  cs.forEach((c, i) => (rawDepth[i] = raw[i] === null ? 0 : rawDepth[raw[i]] + 1));
  const parent = cs.map((c, i) => {
    if (raw[i] === null) return null;
    if (rawDepth[i] <= cap) return raw[i];
    let a = raw[i];
    while (rawDepth[a] > cap - 1) a = raw[a];
    return a;
  });
  const depth = [];
  cs.forEach((c, i) => (depth[i] = parent[i] === null ? 0 : depth[parent[i]] + 1));
  return { parent, depth, raw };
}
function selectNested(article, cap) {
  const { parent, depth, raw } = replyTree(article, cap);
  const cs = article.comments;
  const children = cs.map(() => []);
  cs.forEach((c, i) => parent[i] !== null && children[parent[i]].push(i));
  const threads = [];
  cs.forEach((c, i) => {
    if (parent[i] !== null || !usableComment(c)) return;
    const order = [];
    const walk = (k) => {
      if (order.length >= THREAD_MAX || !usableComment(cs[k])) return;
      order.push(k);
      for (const ch of children[k]) walk(ch);
    };
    walk(i);
    threads.push(order);
  });
  const picked = [];
  let total = 0;
  [...threads].sort((a, b) => b.length - a.length || a[0] - b[0]).forEach((t) => {
    if (total + t.length <= PAGE_COMMENTS) {
      picked.push(t);
      total += t.length;
    }
  });
  picked.sort((a, b) => a[0] - b[0]);
  return picked.flat().map((i) => ({ pos: i, depth: depth[i], parentPos: parent[i], capped: parent[i] !== raw[i] }));
}
function selectFlat(article) {
  return article.comments.filter(usableComment).slice(0, PAGE_COMMENTS).map((c) => ({ pos: c.pos, depth: 0, parentPos: null }));
}

// ───────────────────────────── page builder ─────────────────────────────

class Builder {
  constructor(eol) {
    this.eol = eol;
    this.s = '';
  }
  put(str) {
    const start = this.s.length;
    this.s += str;
    return [start, this.s.length];
  }
  line(indent, content) {
    this.put(indent);
    const r = this.put(content);
    this.put(this.eol);
    return r;
  }
  blank(n = 1) {
    for (let i = 0; i < n; i++) this.put(this.eol);
  }
}

function buildPage(articles, page, pageNo) {
  const art = articles[page.art];
  const doc = `${art.slug}-f`;
  const b = new Builder(page.eol);
  const recs = [];
  const plain = (kind, [start, end]) => recs.push({ doc, start, end, text: b.s.slice(start, end), kind });

  // Article part.
  const blocks = [['title', art.title]];
  if (page.dateline) blocks.push(['dateline', formatDateline(page.dateline, art.date)]);
  for (const p of bodyParagraphs(art.meta, page.bodyParas)) blocks.push(['body', p]);
  if (page.caption) blocks.push(['caption', page.caption]);
  if (page.source) blocks.push(['source', page.source]);
  blocks.forEach(([kind, text], i) => {
    if (i > 0) b.blank(1);
    plain(kind, b.line('', text));
  });
  b.blank(2);

  // Thread.
  const nested = page.cap > 0;
  const sel = nested ? selectNested(art, page.cap) : selectFlat(art);
  assert(sel.length === PAGE_COMMENTS, `${doc}: ${sel.length} comments selected`);
  const times = timeline(art, page, pageNo);
  const scrape = Math.max(...sel.map((s) => times[s.pos])) + page.scrapeAfter * MINUTE;
  const rnd = mulberry32(fnv1a(`${SEED_LABEL}:likes:${pageNo}`));
  const splittable = sel.filter((s) => splitPoint(art.comments[s.pos].text) !== -1);
  let toSplit = new Set(splittable.filter((s) => (s.pos + pageNo) % 3 === 0).map((s) => s.pos));
  if (toSplit.size === 0 && splittable.length) toSplit = new Set([splittable[0].pos]);
  const idxOfPos = new Map();
  const meta = [];

  sel.forEach((s, index) => {
    const c = art.comments[s.pos];
    idxOfPos.set(s.pos, index);
    const parentIndex = s.parentPos === null ? null : idxOfPos.get(s.parentPos);
    assert(s.parentPos === null || parentIndex !== undefined, `${doc}: parent of ${s.pos} not on page`);
    const sp = toSplit.has(s.pos) ? splitPoint(c.text) : -1;
    const paras = sp === -1 ? [c.text] : [c.text.slice(0, sp), c.text.slice(sp + 1)];
    const indent = INDENT_UNIT[page.layout].repeat(page.step * s.depth);
    const mins = Math.floor((scrape - times[s.pos]) / MINUTE);
    if (index > 0) b.blank(page.sep);

    let header; // [start, end]
    let author = c.user;
    const writeText = () => {
      let first = null;
      let last = null;
      paras.forEach((p, k) => {
        if (k > 0) b.blank(1);
        const r = b.line(indent, p);
        if (first === null) first = r[0];
        last = r[1];
      });
      return [first, last];
    };
    let span;
    let widget = null;
    switch (page.layout) {
      case 'ad': {
        header = b.line(indent, `${c.user} ${s.depth === 0 ? 'commented' : 'replied'} ${ageAd(mins)}`);
        span = writeText();
        const likes = Math.floor(rnd() ** 3 * (s.depth === 0 ? 60 : 20));
        widget = b.line(indent, `♥ ${likes}`);
        break;
      }
      case 'ae': {
        const h0 = b.line(indent, initialsOf(c.user));
        b.line(indent, c.user);
        const h2 = b.line(indent, ageAe(mins));
        header = [h0[0], h2[1]];
        span = writeText();
        break;
      }
      case 'af': {
        author = displayNameOf(c.user);
        const h0 = b.line('', `${author} • ${degreeOf(c.user)}`);
        const h1 = b.line('', jobOf(c.user));
        header = [h0[0], h1[1]];
        span = writeText();
        break;
      }
      case 'ag': {
        // The arrow names the addressee (the comment's first @mention), which is the page parent's user
        // unless the reply was re-attached by the depth cap.
        const to = s.parentPos === null ? '' : ` → ${firstMention(c)}`;
        header = b.line(indent, `[${c.user}${to}] ${stampAg(times[s.pos])}`);
        span = writeText();
        break;
      }
      case 'ah': {
        span = writeText();
        header = b.line('', `— ${c.user}, ${dateAh(times[s.pos])}`);
        break;
      }
      case 'ai': {
        header = b.line(indent, `${c.user} said...`);
        span = writeText();
        break;
      }
      default:
        fail(`unknown layout ${page.layout}`);
    }
    recs.push({
      doc, start: span[0], end: span[1], text: b.s.slice(span[0], span[1]), kind: 'comment',
      index, author, depth: s.depth, parent: parentIndex,
      header: { start: header[0], end: header[1], text: b.s.slice(header[0], header[1]) },
    });
    if (widget) plain('footer', widget);
    meta.push({ index, pos: s.pos, user: c.user, text: c.text, paras: paras.length, time: times[s.pos], author, depth: s.depth, parentIndex, capped: !!s.capped });
  });

  if (page.copyright) {
    b.blank(2);
    plain('footer', b.line('', COPYRIGHT));
  }
  recs.sort((x, y) => x.start - y.start || x.end - y.end);
  return { doc, text: b.s, recs, meta, page, pageNo, art };
}

// ───────────────────────────── serialisation ─────────────────────────────

function serialise(r) {
  const o = { doc: r.doc, start: r.start, end: r.end, text: r.text, kind: r.kind };
  if (r.kind === 'comment') {
    Object.assign(o, { index: r.index, author: r.author, depth: r.depth, parent: r.parent, header: { start: r.header.start, end: r.header.end, text: r.header.text } });
  }
  return JSON.stringify(o);
}

// ───────────────────────────── independent re-parse of a page ─────────────────────────────
// Reads a page with the layout's grammar (not with the generator's bookkeeping) and returns the records
// it implies. The gold must equal this exactly.

function splitLines(text, eol) {
  const parts = text.split(eol);
  assert(parts[parts.length - 1] === '', 'page must end with a line ending');
  parts.pop();
  const lines = [];
  let off = 0;
  for (const str of parts) {
    lines.push({ s: off, str });
    off += str.length + eol.length;
  }
  return lines;
}
const DATELINE_RE = [
  /^(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}$/,
  /^\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$/,
  /^(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday), (January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}$/,
  /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}$/,
];
function parsePage(doc, layout, text, eol) {
  const L = splitLines(text, eol);
  const out = [];
  const rec = (kind, s, e) => out.push({ doc, start: s, end: e, text: text.slice(s, e), kind });
  // Article: one-line blocks separated by exactly one blank line, ended by two blank lines.
  let i = 0;
  let k = 0;
  for (;;) {
    assert(i < L.length && L[i].str !== '' && !/^\s/.test(L[i].str), `${doc}: article block expected at line ${i + 1}`);
    const s = L[i].str;
    const kind = k === 0 ? 'title'
      : DATELINE_RE.some((r) => r.test(s)) ? 'dateline'
      : /^(Photo|Image): |^Click to enlarge/.test(s) ? 'caption'
      : /^Source: |^Originally published by /.test(s) ? 'source'
      : 'body';
    rec(kind, L[i].s, L[i].s + s.length);
    k++;
    i++;
    assert(L[i]?.str === '', `${doc}: blank line expected after article block`);
    if (L[i + 1]?.str === '') {
      assert(L[i + 2]?.str !== '', `${doc}: exactly two blank lines before the thread`);
      i += 2;
      break;
    }
    i++;
  }
  // Optional © line at the end, after exactly two blank lines.
  let end = L.length;
  if (L[end - 1].str === COPYRIGHT) {
    assert(L[end - 2].str === '' && L[end - 3].str === '' && L[end - 4].str !== '', `${doc}: two blank lines before ©`);
    end -= 3;
  }
  assert(!L.slice(i, end).some((l) => l.str === COPYRIGHT), `${doc}: © only at the end`);
  const T = L.slice(i, end);
  assert(T.length && T[T.length - 1].str !== '', `${doc}: thread must end with a non-blank line`);

  const unit = INDENT_UNIT[layout];
  const step = PLAN.find((p) => p.layout === layout).step;
  const sepWanted = PLAN.find((p) => p.layout === layout).sep;
  const depthOf = (indent) => {
    if (indent === '') return 0;
    assert(step > 0 && [...indent].every((ch) => ch === unit) && indent.length % step === 0, `${doc}: bad indentation ${JSON.stringify(indent)}`);
    return indent.length / step;
  };
  const comments = [];
  // Text block T[a..b] (inclusive): non-blank ends, single empty lines between paragraphs, exact indent.
  const textSpan = (a, b, indent) => {
    assert(a <= b && T[a].str !== '' && T[b].str !== '', `${doc}: empty comment text near ${T[a]?.str}`);
    for (let j = a; j <= b; j++) {
      const s = T[j].str;
      if (s === '') {
        assert(T[j - 1].str !== '' && T[j + 1].str !== '', `${doc}: paragraph break must be one empty line`);
        continue;
      }
      assert(s.startsWith(indent) && !/^\s/.test(s.slice(indent.length)), `${doc}: text line at wrong indent: ${JSON.stringify(s.slice(0, 40))}`);
    }
    return [T[a].s + indent.length, T[b].s + T[b].str.length];
  };
  const blanksFrom = (j) => {
    let n = 0;
    while (j + n < T.length && T[j + n].str === '') n++;
    return n;
  };
  const addComment = (span, hdr, author, indent) => comments.push({ span, hdr, author, depth: depthOf(indent) });
  const isAeHeader = (j) => {
    const a = RE.aeInitials.exec(T[j]?.str ?? '');
    if (!a) return false;
    const n = RE.aeName.exec(T[j + 1]?.str ?? '');
    const g = RE.aeAge.exec(T[j + 2]?.str ?? '');
    return !!(n && g && n[1] === a[1] && g[1] === a[1]);
  };
  const isAfHeader = (j) => RE.af.test(T[j]?.str ?? '') && (T[j + 1]?.str ?? '') !== '';
  // Generic "header then text until the next header" layouts.
  const headerThenText = (isHeader, headerLines, parseHeader) => {
    let j = 0;
    assert(isHeader(0), `${doc}: thread must start with a header`);
    while (j < T.length) {
      const { indent, author } = parseHeader(j);
      const hs = T[j].s + indent.length;
      const he = T[j + headerLines - 1].s + T[j + headerLines - 1].str.length;
      let n = j + headerLines;
      while (n < T.length && !isHeader(n)) n++;
      let last = n - 1;
      while (T[last].str === '') last--;
      const sep = n - 1 - last;
      if (n < T.length) assert(sep === sepWanted, `${doc}: ${sep} blank lines between comments, expected ${sepWanted}`);
      addComment(textSpan(j + headerLines, last, indent), [hs, he], author, indent);
      j = n;
    }
  };
  switch (layout) {
    case 'ad': {
      let j = 0;
      while (j < T.length) {
        const m = RE.ad.exec(T[j].str);
        assert(m, `${doc}: ad header expected: ${JSON.stringify(T[j].str.slice(0, 50))}`);
        let w = j + 1;
        while (w < T.length && !RE.adWidget.test(T[w].str)) w++;
        assert(w < T.length, `${doc}: ♥ line missing`);
        const wm = RE.adWidget.exec(T[w].str);
        assert(wm[1] === m[1], `${doc}: ♥ line at wrong indent`);
        addComment(textSpan(j + 1, w - 1, m[1]), [T[j].s + m[1].length, T[j].s + T[j].str.length], m[2], m[1]);
        comments[comments.length - 1].widget = [T[w].s + wm[1].length, T[w].s + T[w].str.length];
        comments[comments.length - 1].verb = m[3];
        j = w + 1;
        if (j < T.length) {
          const sep = blanksFrom(j);
          assert(sep === sepWanted, `${doc}: ${sep} blank lines between comments`);
          j += sep;
        }
      }
      break;
    }
    case 'ae':
      headerThenText(isAeHeader, 3, (j) => ({ indent: RE.aeInitials.exec(T[j].str)[1], author: T[j + 1].str.trim() }));
      break;
    case 'af':
      headerThenText(isAfHeader, 2, (j) => ({ indent: '', author: RE.af.exec(T[j].str)[1] }));
      break;
    case 'ag':
      headerThenText((j) => RE.ag.test(T[j]?.str ?? ''), 1, (j) => {
        const m = RE.ag.exec(T[j].str);
        return { indent: m[1], author: m[2] };
      });
      break;
    case 'ai':
      headerThenText((j) => RE.ai.test(T[j]?.str ?? ''), 1, (j) => {
        const m = RE.ai.exec(T[j].str);
        return { indent: m[1], author: m[2] };
      });
      break;
    case 'ah': {
      let j = 0;
      while (j < T.length) {
        let h = j;
        while (h < T.length && !RE.ah.test(T[h].str)) h++;
        assert(h < T.length, `${doc}: text without a signature at the end of the thread`);
        assert(h > j && T[h - 1].str !== '', `${doc}: signature must follow the text directly`);
        addComment(textSpan(j, h - 1, ''), [T[h].s, T[h].s + T[h].str.length], RE.ah.exec(T[h].str)[1], '');
        j = h + 1;
        if (j < T.length) {
          const sep = blanksFrom(j);
          assert(sep === sepWanted, `${doc}: ${sep} blank lines between comments`);
          j += sep;
        }
      }
      break;
    }
    default:
      fail(`unknown layout ${layout}`);
  }
  // Depth / parent from indentation.
  const stack = [];
  comments.forEach((c, index) => {
    assert(c.depth <= (index === 0 ? 0 : comments[index - 1].depth + 1), `${doc}: depth jump at #${index}`);
    stack.length = c.depth;
    const parent = c.depth === 0 ? null : stack[c.depth - 1];
    stack.push(index);
    out.push({
      doc, start: c.span[0], end: c.span[1], text: text.slice(c.span[0], c.span[1]), kind: 'comment',
      index, author: c.author, depth: c.depth, parent,
      header: { start: c.hdr[0], end: c.hdr[1], text: text.slice(c.hdr[0], c.hdr[1]) },
    });
    if (c.widget) rec('footer', c.widget[0], c.widget[1]);
  });
  if (L.length !== end) rec('footer', L[L.length - 1].s, L[L.length - 1].s + COPYRIGHT.length);
  out.sort((x, y) => x.start - y.start || x.end - y.end);
  return { records: out, parsed: comments };
}

// ───────────────────────────── verification ─────────────────────────────

const KEYS = ['doc', 'start', 'end', 'text', 'kind'];
const CKEYS = [...KEYS, 'index', 'author', 'depth', 'parent', 'header'];
const KINDS = new Set(['title', 'dateline', 'body', 'caption', 'source', 'footer', 'comment']);

// pages: Map doc -> text (as read from disk, BOM removed); goldLines: array of JSON strings; built: generator info.
function verify(pages, goldLines, built) {
  const recs = goldLines.map((l, n) => {
    const r = JSON.parse(l);
    assert(JSON.stringify(Object.keys(r)) === JSON.stringify(r.kind === 'comment' ? CKEYS : KEYS), `gold line ${n + 1}: key order`);
    if (r.kind === 'comment') assert(JSON.stringify(Object.keys(r.header)) === '["start","end","text"]', `gold line ${n + 1}: header key order`);
    assert(KINDS.has(r.kind), `gold line ${n + 1}: kind ${r.kind}`);
    return r;
  });
  // Sorted by doc, start, end (strictly).
  for (let n = 1; n < recs.length; n++) {
    const a = recs[n - 1];
    const b = recs[n];
    assert(a.doc < b.doc || (a.doc === b.doc && (a.start < b.start || (a.start === b.start && a.end < b.end))), `gold line ${n + 1}: sort order`);
  }
  const docs = [...new Set(recs.map((r) => r.doc))];
  assert(JSON.stringify(docs) === JSON.stringify([...pages.keys()].sort()), 'gold docs must equal the page files');
  for (const b of built) {
    const text = pages.get(b.doc);
    assert(text !== undefined, `missing page ${b.doc}`);
    const mine = recs.filter((r) => r.doc === b.doc);
    const eol = b.page.eol;
    // Line endings and whitespace hygiene.
    assert(!text.startsWith('\uFEFF'), `${b.doc}: BOM`);
    if (eol === '\r\n') assert(!/\r(?!\n)|(?<!\r)\n/.test(text), `${b.doc}: mixed line endings on the CRLF page`);
    else assert(!text.includes('\r'), `${b.doc}: CR on an LF page`);
    assert(text.endsWith(eol) && !text.endsWith(eol + eol), `${b.doc}: must end with exactly one line ending`);
    for (const line of text.split(eol)) assert(!/[ \t\u00A0]$/.test(line), `${b.doc}: trailing whitespace: ${JSON.stringify(line.slice(-30))}`);
    assert(!ZW.test(text), `${b.doc}: zero-width character`);
    if (b.page.layout !== 'ai') assert(!text.includes('\t'), `${b.doc}: tab outside the ai page`);
    // text === slice, trimmed spans, coverage.
    const cover = new Uint8Array(text.length);
    const mark = (s, e, what) => {
      assert(Number.isInteger(s) && Number.isInteger(e) && 0 <= s && s <= e && e <= text.length, `${b.doc}: bad offsets for ${what}`);
      for (let x = s; x < e; x++) cover[x]++;
    };
    for (const r of mine) {
      assert(r.text === text.slice(r.start, r.end), `${b.doc}@${r.start}: text !== slice`);
      assert(r.text !== '' && !/^\s|\s$/.test(r.text), `${b.doc}@${r.start}: span empty or not trimmed`);
      if (r.kind !== 'comment') assert(!r.text.includes('\n'), `${b.doc}@${r.start}: ${r.kind} spans lines`);
      mark(r.start, r.end, r.kind);
      if (r.kind === 'comment') {
        const h = r.header;
        assert(h && h.text === text.slice(h.start, h.end), `${b.doc} #${r.index}: header text !== slice`);
        assert(h.text !== '' && !/^\s|\s$/.test(h.text), `${b.doc} #${r.index}: header not trimmed`);
        const lines = h.text.split(eol).length;
        const want = b.page.layout === 'ae' ? 3 : b.page.layout === 'af' ? 2 : 1;
        assert(lines === want, `${b.doc} #${r.index}: header has ${lines} lines, expected ${want}`);
        mark(h.start, h.end, 'header');
      }
    }
    for (let x = 0; x < text.length; x++) {
      if (/\s/.test(text[x])) assert(cover[x] <= 1, `${b.doc}@${x}: overlap`);
      else assert(cover[x] === 1, `${b.doc}@${x}: non-space character covered ${cover[x]} times (${JSON.stringify(text.slice(x, x + 20))})`);
    }
    // Comment structure.
    const cs = mine.filter((r) => r.kind === 'comment').sort((x, y) => x.index - y.index);
    assert(cs.length === PAGE_COMMENTS, `${b.doc}: ${cs.length} comments`);
    cs.forEach((c, n) => {
      assert(c.index === n, `${b.doc}: index ${c.index} at position ${n}`);
      if (n > 0) assert(c.start > cs[n - 1].start, `${b.doc}: index not in document order`);
      assert(Number.isInteger(c.depth) && c.depth >= 0 && c.depth <= Math.max(b.page.cap, 0), `${b.doc} #${n}: depth ${c.depth}`);
      let want = null;
      if (c.depth > 0) {
        for (let p = n - 1; p >= 0; p--) if (cs[p].depth === c.depth - 1) { want = p; break; }
        assert(want !== null, `${b.doc} #${n}: no parent candidate`);
        for (let p = want + 1; p < n; p++) assert(cs[p].depth >= c.depth, `${b.doc} #${n}: shallower comment between parent and reply`);
      }
      assert(c.parent === want, `${b.doc} #${n}: parent ${c.parent}, nearest shallower is ${want}`);
    });
    // Independent re-parse must give exactly the gold.
    const { records: parsed, parsed: pc } = parsePage(b.doc, b.page.layout, text, eol);
    const got = mine.map(serialise);
    const exp = parsed.map(serialise);
    for (let n = 0; n < Math.max(got.length, exp.length); n++) {
      assert(got[n] === exp[n], `${b.doc}: gold differs from the re-parse at record ${n}:\n  gold:   ${got[n]}\n  parsed: ${exp[n]}`);
    }
    // Article records.
    const art = b.art;
    const bodies = mine.filter((r) => r.kind === 'body').map((r) => r.text);
    assert(JSON.stringify(bodies) === JSON.stringify(bodyParagraphs(art.meta, b.page.bodyParas)), `${b.doc}: body != meta`);
    assert(mine[0].kind === 'title' && mine[0].text === art.title && mine[0].start === 0, `${b.doc}: title`);
    if (b.page.bodyParas === 2) assert(bodies.join(' ') === art.meta, `${b.doc}: body split`);
    assert(mine.filter((r) => r.kind === 'dateline').length === (b.page.dateline ? 1 : 0), `${b.doc}: dateline count`);
    assert(mine.filter((r) => r.kind === 'footer' && r.text === COPYRIGHT).length === (b.page.copyright ? 1 : 0), `${b.doc}: © footer`);
    // Data: comment text, author, layout-specific header content.
    let twoPara = 0;
    let agCapped = 0;
    cs.forEach((c, n) => {
      const m = b.meta[n];
      const paras = c.text.split(eol + eol).map((p) => p.trim());
      assert(paras.join(' ') === m.text, `${b.doc} #${n}: comment text differs from the dataset`);
      assert(paras.length === m.paras && paras.length <= 2, `${b.doc} #${n}: paragraphs`);
      if (paras.length === 2) twoPara++;
      const h = c.header.text;
      switch (b.page.layout) {
        case 'ad': {
          assert(c.author === m.user, `${b.doc} #${n}: author`);
          assert(h.includes(c.depth === 0 ? ' commented ' : ' replied '), `${b.doc} #${n}: commented/replied`);
          break;
        }
        case 'ae': {
          const hl = h.split(eol).map((x) => x.trim());
          assert(c.author === m.user && hl[1] === m.user && hl[0] === initialsOf(m.user) && /^[A-Z]{2}$/.test(hl[0]), `${b.doc} #${n}: ae header`);
          break;
        }
        case 'af': {
          const hl = h.split(eol);
          assert(c.author === displayNameOf(m.user) && hl[0] === `${c.author} • ${degreeOf(m.user)}` && hl[1] === jobOf(m.user), `${b.doc} #${n}: af header`);
          break;
        }
        case 'ag': {
          const g = RE.ag.exec(h);
          assert(c.author === m.user && g, `${b.doc} #${n}: ag author`);
          assert(c.depth === 0 ? g[3] === undefined : g[3] === firstMention(art.comments[m.pos]), `${b.doc} #${n}: ag arrow must name the addressee`);
          if (c.depth > 0 && !m.capped) assert(g[3] === cs[c.parent].author, `${b.doc} #${n}: ag arrow must name the parent's author`);
          if (g[3] !== undefined && g[3] !== cs[c.parent].author) agCapped++;
          if (c.parent !== null) assert(RE.ag.exec(cs[c.parent].header.text)[4] < g[4], `${b.doc} #${n}: reply not later than parent`);
          break;
        }
        case 'ah': {
          assert(c.author === m.user && c.header.start > c.end, `${b.doc} #${n}: ah signature after the text`);
          assert(h === `— ${m.user}, ${dateAh(m.time)}`, `${b.doc} #${n}: ah date`);
          break;
        }
        case 'ai':
          assert(c.author === m.user, `${b.doc} #${n}: author`);
          break;
      }
      assert(c.depth === m.depth && c.parent === m.parentIndex, `${b.doc} #${n}: tree differs from the selection`);
    });
    assert(twoPara >= 1, `${b.doc}: no two-paragraph comment`);
    const nameOf = new Map();
    for (const m of b.meta) {
      const prev = [...nameOf].find(([u, a]) => a === m.author && u !== m.user);
      assert(!prev, `${b.doc}: display name ${m.author} shared by two users`);
      nameOf.set(m.user, m.author);
    }
    // Arrows that name someone other than the page parent occur, and only on re-attached (capped) replies.
    if (b.page.layout === 'ag') assert(agCapped >= 1 && agCapped <= b.meta.filter((m) => m.capped).length, `${b.doc}: capped arrows`);
    if (b.page.cap > 0) assert(Math.max(...cs.map((c) => c.depth)) >= 2, `${b.doc}: nested page must reach depth 2`);
    else assert(cs.every((c) => c.depth === 0 && c.parent === null), `${b.doc}: flat page`);
    // No comment text line looks like furniture (belt and braces beyond the selection filter).
    for (const c of cs) for (const p of c.text.split(eol + eol)) assert(!furnitureLike(p.trim()), `${b.doc} #${c.index}: text looks like furniture`);
    if (b.page.layout === 'ad') assert(mine.filter((r) => r.kind === 'footer' && /^♥ \d+$/.test(r.text)).length === PAGE_COMMENTS, `${b.doc}: ♥ lines`);
    void pc;
  }
  const sep = new Set(built.map((b) => b.page.sep));
  assert(sep.has(0) && sep.has(1) && sep.has(2), 'blank lines between comments must vary over 0, 1, 2');
  assert(built.filter((b) => b.page.eol === '\r\n').length === 1, 'exactly one CRLF page');
  assert(built.filter((b) => b.page.copyright).length >= 2, '© footer on at least two pages');
  return recs.length;
}

// ───────────────────────────── main ─────────────────────────────

function main() {
  const articles = loadDataset();
  const layouts = PLAN.map((p) => p.layout);
  assert(new Set(layouts).size === PLAN.length && new Set(PLAN.map((p) => p.art)).size === PLAN.length, 'one layout and one article per page');
  const built = PLAN.map((p, n) => buildPage(articles, p, n));

  fs.mkdirSync(PAGES_DIR, { recursive: true });
  for (const f of fs.readdirSync(PAGES_DIR)) if (f.endsWith('.txt')) fs.unlinkSync(path.join(PAGES_DIR, f));
  for (const b of built) fs.writeFileSync(path.join(PAGES_DIR, `${b.doc}.txt`), b.text, 'utf8');
  const gold = built
    .slice()
    .sort((x, y) => (x.doc < y.doc ? -1 : x.doc > y.doc ? 1 : 0))
    .flatMap((b) => b.recs.map(serialise));
  fs.writeFileSync(GOLD_FILE, gold.join('\n') + '\n', 'utf8');

  // Re-read what was written and verify it.
  const pages = new Map();
  for (const f of fs.readdirSync(PAGES_DIR).filter((f) => f.endsWith('.txt')).sort()) {
    pages.set(f.replace(/\.txt$/, ''), fs.readFileSync(path.join(PAGES_DIR, f), 'utf8').replace(/^\uFEFF/, ''));
  }
  const goldLines = fs.readFileSync(GOLD_FILE, 'utf8').split('\n');
  assert(goldLines.pop() === '', 'gold must end with a newline');
  const n = verify(pages, goldLines, built);

  for (const b of built) {
    const cs = b.recs.filter((r) => r.kind === 'comment');
    const d = [0, 1, 2, 3].map((k) => cs.filter((c) => c.depth === k).length).join('/');
    const two = cs.filter((c) => c.text.includes(b.page.eol + b.page.eol)).map((c) => c.index).join(', ');
    const kinds = {};
    for (const r of b.recs) kinds[r.kind] = (kinds[r.kind] ?? 0) + 1;
    console.log(`${b.page.layout}  ${b.doc}  records=${b.recs.length}  depth0/1/2/3=${d}  2-para=[${two}]  ${JSON.stringify(kinds)}`);
  }
  console.log(`ok: ${built.length} pages, ${n} gold records`);

  if (SELF_TEST) selfTest(pages, goldLines, built);
}

function selfTest(pages, goldLines, built) {
  const mutGold = (fn) => {
    const recs = goldLines.map((l) => JSON.parse(l));
    fn(recs);
    return recs.map(serialise);
  };
  const firstComment = (recs, layout, pred = () => true) => recs.find((r) => r.kind === 'comment' && r.doc.endsWith('-f') && built.find((b) => b.doc === r.doc).page.layout === layout && pred(r));
  const withPage = (layout, fn) => {
    const b = built.find((x) => x.page.layout === layout);
    const p = new Map(pages);
    p.set(b.doc, fn(p.get(b.doc), b));
    return p;
  };
  // Inserts an empty line before the line that holds comment #k's header (ah: before its text) and shifts
  // the gold offsets accordingly, so that only the blank-line rule is broken.
  const insertLine = (layout, k) => {
    const b = built.find((x) => x.page.layout === layout);
    const t = pages.get(b.doc);
    const c = b.recs.filter((x) => x.kind === 'comment')[k];
    const at = t.lastIndexOf('\n', Math.min(c.start, c.header.start) - 1) + 1;
    const eol = b.page.eol;
    const p = new Map(pages);
    p.set(b.doc, t.slice(0, at) + eol + t.slice(at));
    const sh = (o) => { if (o.start >= at) { o.start += eol.length; o.end += eol.length; } };
    const g = mutGold((r) => r.forEach((x) => { if (x.doc === b.doc) { sh(x); if (x.header) sh(x.header); } }));
    return [p, g];
  };
  const cases = [
    ['dropped record', pages, mutGold((r) => r.splice(10, 1))],
    ['wrong depth', pages, mutGold((r) => { const c = firstComment(r, 'ag', (x) => x.depth === 1); c.depth = 2; })],
    ['wrong parent', pages, mutGold((r) => { const c = firstComment(r, 'ad', (x) => x.depth === 2); c.parent = 0; })],
    ['wrong author', pages, mutGold((r) => { firstComment(r, 'ai').author += 'x'; })],
    ['af author = user handle', pages, mutGold((r) => { const c = firstComment(r, 'af'); c.author = c.header.text.split(' • ')[0].replace(/ /g, ''); })],
    ['ag author with arrow', pages, mutGold((r) => { const c = firstComment(r, 'ag', (x) => x.depth === 1); c.author = /\[(.*?)\]/.exec(c.header.text)[1]; })],
    ['truncated comment span', pages, mutGold((r) => { const c = firstComment(r, 'ae'); c.end -= 1; c.text = c.text.slice(0, -1); })],
    ['♥ footer relabelled caption', pages, mutGold((r) => { r.find((x) => x.kind === 'footer' && x.text.startsWith('♥')).kind = 'caption'; })],
    ['♥ line inside the comment span', pages, mutGold((r) => {
      const i = r.findIndex((x) => x.kind === 'footer' && x.text.startsWith('♥'));
      const c = r[i - 1];
      c.end = r[i].end;
      c.text = pages.get(c.doc).slice(c.start, c.end);
      r.splice(i, 1);
    })],
    ['ae header reduced to the name line', pages, mutGold((r) => {
      const c = firstComment(r, 'ae');
      const nl = c.header.text.indexOf('\n');
      c.header.start += nl + 1;
      c.header.text = c.header.text.slice(nl + 1);
    })],
    ['af header without the job line', pages, mutGold((r) => {
      const c = firstComment(r, 'af');
      const nl = c.header.text.indexOf('\r\n');
      c.header.end = c.header.start + nl;
      c.header.text = c.header.text.slice(0, nl);
    })],
    ['source relabelled body', pages, mutGold((r) => { r.find((x) => x.kind === 'source').kind = 'body'; })],
    ['stray CR on an LF page', withPage('ai', (t) => t.replace('said...\n', 'said...\r\n')), goldLines],
    ['stray LF on the CRLF page', withPage('af', (t) => t.replace(/\r\n(?=[^\r\n]*$)/, '\n')), goldLines],
    ['trailing space', withPage('ad', (t) => t.replace('\n', ' \n')), goldLines],
    ['extra blank line between comments (ag)', ...insertLine('ag', 5)],
    ['extra blank line between comments (ad)', ...insertLine('ad', 3)],
    ['extra blank line between comments (ah)', ...insertLine('ah', 3)],
  ];
  let bad = 0;
  for (const [name, p, g] of cases) {
    try {
      verify(p, g, built);
      console.error(`self-test: NOT caught: ${name}`);
      bad++;
    } catch (e) {
      console.log(`self-test: caught ${name}: ${e.message.split('\n')[0]}`);
    }
  }
  if (bad) fail(`self-test: ${bad} broken variants were not caught`);
  console.log(`self-test: all ${cases.length} broken variants caught`);
}

try {
  main();
} catch (e) {
  console.error(`build-heldout-f-pages: ${e.stack ?? e.message}`);
  process.exit(1);
}
