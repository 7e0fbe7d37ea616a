#!/usr/bin/env node
// Builds the sixth held-out segmentation set (set F, layouts ad–ai) from the Fox News comments dataset.
//
//   node scripts/build-heldout-f-pages.mjs [sharedDir] [--self-test]
//
// Plain Node >= 20, no dependencies, nothing imported from the project (shared helpers come from
// scripts/lib/heldout-kit.mjs and heldout-kit-2.mjs). Deterministic: no clock, and the only randomness
// is a fixed-seed PRNG (mulberry32). Writes tests/heldout-f/pages/*.txt and
// tests/heldout-f/segment.gold.jsonl, then re-reads them and verifies them (exit status 1 on failure).
// See tests/heldout-f/README.md.

import fs from 'node:fs';
import { COPYRIGHT, HIDDEN, MONTHS, Page, buildTree, kindCounts, linkReplies, loadArticles, longDate, mulberry32, pad2, selectFlat, selectThreads, weekdayOf, writeArticleParts, writeCopyright, writeOutput } from './lib/heldout-kit.mjs';
import { SHORT_MONTHS, agoText, commentTimes, depthProfile, fnv1a, goldProblems, heldoutPaths, isoDate, minutesOf, nameWords, nodeParagraphs, pageTextProblems, parentIndices, readPages, sentenceSplitPoint, spanProblems, treeProblems, wallClock } from './lib/heldout-kit-2.mjs';

const { selfTest: SELF_TEST, shared: SHARED, pagesDir: PAGES_DIR, goldFile: GOLD_FILE } = heldoutPaths('f');

// ───────────────────────────── helpers ─────────────────────────────

function fail(msg) {
  throw new Error(msg);
}
function assert(cond, msg) {
  if (!cond) fail(msg);
}
// No problems in a list of messages (else fails with the first).
const none = (problems) => assert(problems.length === 0, problems[0]);

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

// The addressee of a comment: its first mention (mentions split at spaces and commas) without the "@".
function firstMention(c) {
  const m = (c.mentions ?? '').split(/[\s,]+/).filter(Boolean);
  return m.length ? m[0].replace(/^@/, '') : null;
}

function loadDataset() {
  const { articles } = loadArticles(SHARED);
  const rows = articles.reduce((n, a) => n + a.comments.length, 0);
  assert(rows === 1528, `expected 1528 comments, got ${rows}`);
  assert(articles.length === 10, 'expected 10 articles');
  linkReplies(articles, firstMention);
  articles.forEach((a, i) => (a.slug = SLUGS[i]));
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
// PRNG seeds are the FNV-1a hashes of `heldout-f:time:<page>` and `heldout-f:likes:<page>`.
const SEED_LABEL = 'heldout-f';
const INDENT_UNIT = { ad: ' ', ae: ' ', ag: ' ', ai: '\t', af: '', ah: '' };

function formatDateline(fmt, date) {
  const { y, m, d } = date;
  switch (fmt) {
    case 'monthDayYear': return longDate(date);
    case 'dayMonthYear': return `${d} ${MONTHS[m - 1]} ${y}`;
    case 'weekdayMonthDayYear': return `${weekdayOf(date)}, ${longDate(date)}`;
    case 'shortWeekdayDayMonYear': return `${weekdayOf(date).slice(0, 3)} ${d} ${SHORT_MONTHS[m - 1]} ${y}`;
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
  const w = nameWords(user);
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

// Comment times in minutes (file order): 06:00 on the article date, then page.gap minutes apart.
function timeline(article, page, pageNo) {
  const { y, m, d } = article.date;
  return commentTimes(article.comments.length, minutesOf(y, m, d, 6, 0), mulberry32(fnv1a(`${SEED_LABEL}:time:${pageNo}`)), page.gap[0], page.gap[1]);
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
  const x = wallClock(t);
  return `${isoDate(x)} ${pad2(x.hh)}:${pad2(x.mm)}`;
}
function dateAh(t) {
  const x = wallClock(t);
  return `${SHORT_MONTHS[x.m - 1]} ${x.d} ${x.y}`;
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
function usableComment(c) {
  if (!/^[A-Za-z0-9_]+$/.test(c.user)) return false; // zero-width or '/' in the user name
  if (HIDDEN.test(c.text) || /[\r\n\t]/.test(c.text) || c.text !== c.text.trim() || c.text === '') return false;
  return !furnitureLike(c.text);
}
// Two-paragraph split: sentence boundary nearest the middle, both parts >= 40 characters.
const splitPoint = (text) => sentenceSplitPoint(text, /[.!?]["'”’)\]]* (?=\S)/, (a, b) => !furnitureLike(a) && !furnitureLike(b));

// ───────────────────────────── selection ─────────────────────────────

// Threads of the reply tree capped at `cap`, as heldout-kit nodes; capped: re-attached by the cap.
function selectNested(article, cap) {
  const opts = { perPage: PAGE_COMMENTS, maxThread: THREAD_MAX, title: article.slug };
  const sel = selectThreads(buildTree(article, cap).roots, usableComment, opts);
  for (const n of sel) n.capped = n.parentPos !== n.c.quotedPos;
  return sel;
}

// ───────────────────────────── page builder ─────────────────────────────

function buildPage(articles, page, pageNo) {
  const art = articles[page.art];
  const doc = `${art.slug}-f`;
  const b = new Page(doc, page.eol, art.title);

  // Article part.
  const dateline = page.dateline && formatDateline(page.dateline, art.date);
  writeArticleParts(b, { title: art.title, dateline, body: bodyParagraphs(art.meta, page.bodyParas), caption: page.caption, source: page.source });

  // Thread.
  const nested = page.cap > 0;
  const sel = nested ? selectNested(art, page.cap) : selectFlat(art, usableComment, PAGE_COMMENTS);
  assert(sel.length === PAGE_COMMENTS, `${doc}: ${sel.length} comments selected`);
  const times = timeline(art, page, pageNo);
  const scrape = Math.max(...sel.map((s) => times[s.pos])) + page.scrapeAfter;
  const rnd = mulberry32(fnv1a(`${SEED_LABEL}:likes:${pageNo}`));
  const allParas = nodeParagraphs(sel, pageNo, splitPoint);
  const parents = parentIndices(sel, doc);
  const meta = [];

  sel.forEach((s, index) => {
    const c = s.c;
    const parentIndex = parents[index];
    const paras = allParas[index];
    const indent = INDENT_UNIT[page.layout].repeat(page.step * s.depth);
    const mins = scrape - times[s.pos];
    if (index > 0) b.nl(page.sep);

    let header; // { start, end, text }
    let author = c.user;
    const writeText = () => b.paras(paras.map((p) => [p]), indent);
    let span;
    switch (page.layout) {
      case 'ad': {
        header = b.header(`${c.user} ${s.depth === 0 ? 'commented' : 'replied'} ${agoText(mins)}`, indent);
        span = writeText();
        const likes = Math.floor(rnd() ** 3 * (s.depth === 0 ? 60 : 20));
        b.line('footer', `♥ ${likes}`, indent);
        break;
      }
      case 'ae': {
        header = b.block([initialsOf(c.user), c.user, ageAe(mins)], indent);
        span = writeText();
        break;
      }
      case 'af': {
        author = displayNameOf(c.user);
        header = b.block([`${author} • ${degreeOf(c.user)}`, jobOf(c.user)]);
        span = writeText();
        break;
      }
      case 'ag': {
        // The arrow names the addressee (the comment's first @mention), which is the page parent's user
        // unless the reply was re-attached by the depth cap.
        const to = s.parentPos === null ? '' : ` → ${c.addressee}`;
        header = b.header(`[${c.user}${to}] ${stampAg(times[s.pos])}`, indent);
        span = writeText();
        break;
      }
      case 'ah': {
        span = writeText();
        header = b.header(`— ${c.user}, ${dateAh(times[s.pos])}`);
        break;
      }
      case 'ai': {
        header = b.header(`${c.user} said...`, indent);
        span = writeText();
        break;
      }
      default:
        fail(`unknown layout ${page.layout}`);
    }
    b.comment({ index, author, depth: s.depth, parent: parentIndex }, span, header);
    meta.push({ index, pos: s.pos, user: c.user, text: c.text, paras: paras.length, time: times[s.pos], author, depth: s.depth, parentIndex, capped: !!s.capped });
  });

  writeCopyright(b, page);
  const recs = [...b.records].sort((x, y) => x.start - y.start || x.end - y.end);
  return { doc, writer: b, text: b.s, recs, meta, page, pageNo, art };
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
  // The line after the gap that starts at line j (the end of the thread stays put); the gap must be sepWanted blank lines.
  const afterGap = (j) => {
    if (j >= T.length) return j;
    const sep = blanksFrom(j);
    assert(sep === sepWanted, `${doc}: ${sep} blank lines between comments`);
    return j + sep;
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
        j = afterGap(w + 1);
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
        j = afterGap(h + 1);
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

// pages: Map doc -> text (as read from disk); goldLines: array of JSON strings; built: generator info.
function verify(pages, goldLines, built) {
  const recs = goldLines.map((l) => JSON.parse(l));
  none(goldProblems(recs, [...pages.keys()]));
  for (const b of built) {
    const text = pages.get(b.doc);
    assert(text !== undefined, `missing page ${b.doc}`);
    const mine = recs.filter((r) => r.doc === b.doc);
    const eol = b.page.eol;
    // Line endings, whitespace hygiene (tabs only on the ai page), text === slice, trimmed spans, coverage.
    none(pageTextProblems(b.doc, text, eol, { tabs: b.page.layout === 'ai' }));
    none(spanProblems(b.doc, text, mine));
    for (const r of mine) {
      if (r.kind !== 'comment') continue;
      const lines = r.header.text.split(eol).length;
      const want = b.page.layout === 'ae' ? 3 : b.page.layout === 'af' ? 2 : 1;
      assert(lines === want, `${b.doc} #${r.index}: header has ${lines} lines, expected ${want}`);
    }
    // Comment structure.
    const cs = mine.filter((r) => r.kind === 'comment').sort((x, y) => x.index - y.index);
    assert(cs.length === PAGE_COMMENTS, `${b.doc}: ${cs.length} comments`);
    none(treeProblems(b.doc, cs, Math.max(b.page.cap, 0)));
    // Independent re-parse must give exactly the gold.
    const { records: parsed, parsed: pc } = parsePage(b.doc, b.page.layout, text, eol);
    const got = mine.map((r) => JSON.stringify(r));
    const exp = parsed.map((r) => JSON.stringify(r));
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
          assert(c.depth === 0 ? g[3] === undefined : g[3] === art.comments[m.pos].addressee, `${b.doc} #${n}: ag arrow must name the addressee`);
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

  writeOutput(built.map((b) => ({ page: b.writer, cfg: b.page })), PAGES_DIR, GOLD_FILE);

  // Re-read what was written and verify it.
  const pages = readPages(PAGES_DIR);
  const goldLines = fs.readFileSync(GOLD_FILE, 'utf8').split('\n');
  assert(goldLines.pop() === '', 'gold must end with a newline');
  const n = verify(pages, goldLines, built);

  for (const b of built) {
    const cs = b.recs.filter((r) => r.kind === 'comment');
    const d = depthProfile(cs);
    const two = cs.filter((c) => c.text.includes(b.page.eol + b.page.eol)).map((c) => c.index).join(', ');
    console.log(`${b.page.layout}  ${b.doc}  records=${b.recs.length}  depth0/1/2/3=${d}  2-para=[${two}]  ${JSON.stringify(kindCounts(b.recs))}`);
  }
  console.log(`ok: ${built.length} pages, ${n} gold records`);

  if (SELF_TEST) selfTest(pages, goldLines, built);
}

function selfTest(pages, goldLines, built) {
  const mutGold = (fn) => {
    const recs = goldLines.map((l) => JSON.parse(l));
    fn(recs);
    return recs.map((r) => JSON.stringify(r));
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
