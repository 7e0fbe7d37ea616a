#!/usr/bin/env node
// Builds held-out segmentation set E: tests/heldout-e/pages/*.txt, tests/heldout-e/segment.gold.jsonl.
//
//   cd /work/main && node scripts/build-heldout-e-pages.mjs [/path/to/shared]
//   node scripts/build-heldout-e-pages.mjs --self-test   (also checks that broken output is caught)
//
// Plain Node >= 20, no dependencies, nothing imported from the project (shared helpers come from
// scripts/lib/heldout-kit.mjs and heldout-kit-2.mjs). Deterministic: the only randomness is a
// fixed-seed PRNG and no clock is read, so two runs give byte-identical files.
// Layouts x, y, z, aa, ab, ac are documented in tests/heldout-e/README.md.

import fs from 'node:fs';
import path from 'node:path';
import { COPYRIGHT, HIDDEN, Page, buildTree, clock, linkReplies, loadArticles, longDate, mulberry32, pad2, selectFlat, selectThreads, slugify, weekdayOf, writeArticleParts, writeCopyright, writeOutput } from './lib/heldout-kit.mjs';
import { SHORT_DAYS, SHORT_MONTHS, agoText, bodyParas, commentTimes, depthProfile, fnv1a, goldProblems, heldoutPaths, isoDate, minutesOf, nodeParagraphs, pageTextProblems, parentIndices, readPages, sentenceSplitPoint, spanProblems, splitAtSpace, treeProblems, wallClock } from './lib/heldout-kit-2.mjs';

const { repo: REPO, selfTest: SELF_TEST, shared: SHARED, outDir: OUT_DIR, pagesDir: PAGES_DIR, goldFile: GOLD_FILE } = heldoutPaths('e');

const COMMENTS_PER_PAGE = 20;
const MAX_PER_THREAD = 8;

// ---------------------------------------------------------------------------------------------
// Small helpers

function fail(msg) {
  console.error('build-heldout-e-pages: ' + msg);
  process.exit(1);
}

const ago = (minutes) => (minutes < 1 ? fail('age below one minute') : agoText(minutes));

// Two paragraphs at the sentence boundary nearest the middle; both parts >= 40 chars.
const splitPoint = (text) => sentenceSplitPoint(text, /[.!?]["')\]]* (?=\S)/);

// ---------------------------------------------------------------------------------------------
// Dataset

// The addressee of a comment: its first @mention without the "@". Reply tree (linkReplies): parent =
// most recent earlier comment (same article) by the addressee.
const addresseeOf = (c) => {
  const first = c.mentions.split(/[\s,]+/).find((t) => t.startsWith('@'));
  return first ? first.slice(1) : null;
};

function loadDataset() {
  const { articles } = loadArticles(SHARED);
  linkReplies(articles, addresseeOf);
  articles.forEach((a, i) => {
    a.slug = slugify(a.title);
    a.index = i;
  });
  return articles;
}

// Per-article timeline (minutes): first comment 06:00 on the article date, then +3..75 minutes each (file order).
function timeline(article) {
  const { y, m, d } = article.date;
  return commentTimes(article.comments.length, minutesOf(y, m, d, 6, 0), mulberry32(0x5eede000 + article.index), 3, 75);
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
      return SHORT_DAYS[dt.getUTCDay()] === m[5] && +m[6] < 24 && +m[7] < 60 && +m[8] < 60;
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
  { key: 'texas', layout: 'x', dateline: (a) => `${SHORT_MONTHS[a.date.m - 1]} ${a.date.d}, ${a.date.y}`, bodyParas: 1, caption: 'Photo: Reuters', source: null, copyright: false },
  { key: 'first-lady', layout: 'y', dateline: (a) => `${weekdayOf(a.date)}, ${longDate(a.date)}`, bodyParas: 1, caption: null, source: 'Source: Fox News', copyright: true },
  { key: 'supreme-court', layout: 'z', dateline: null, bodyParas: 2, caption: 'Click to enlarge. Source: AP', source: null, copyright: false },
  { key: 'black-lives', layout: 'aa', dateline: null, bodyParas: 1, caption: null, source: 'Originally published by Fox News', copyright: true },
  { key: 'navy', layout: 'ab', dateline: (a) => isoDate(a.date), bodyParas: 1, caption: 'Image: Getty Images', source: 'Source: FoxNews.com', copyright: false },
  { key: 'states', layout: 'ac', dateline: (a) => longDate(a.date), bodyParas: 2, caption: null, source: 'Source: Fox News', copyright: true },
];

const DATELINE_RE = [
  /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}$/,
  /^(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday), [A-Z][a-z]+ \d{1,2}, \d{4}$/,
  /^\d{4}-\d{2}-\d{2}$/,
  /^[A-Z][a-z]+ \d{1,2}, \d{4}$/,
];
const CAPTION_RE = /^(Photo: .+|Image: .+|Click to enlarge\. Source: .+)$/;
const SOURCE_RE = /^(Source: .+|Originally published by .+)$/;

// Select the comments of one page: heldout-kit nodes ({c, pos, parentPos, depth}) in page order;
// on a nested page the threads of the reply tree capped at the layout's depth.
function selectComments(article, layout) {
  const usable = (c) => !HIDDEN.test(c.text) && !HIDDEN.test(c.user) && !/\s/.test(c.user) &&
    c.text === c.text.trim() && !/\n/.test(c.text) && paragraphUsable(c.text) &&
    splitAtSpace(c.text, splitPoint(c.text)).every(paragraphUsable);
  if (!layout.nested) return selectFlat(article, usable, COMMENTS_PER_PAGE);
  const opts = { perPage: COMMENTS_PER_PAGE, maxThread: MAX_PER_THREAD, title: article.slug };
  return selectThreads(buildTree(article, layout.cap).roots, usable, opts);
}

// ---------------------------------------------------------------------------------------------
// Page builder

function buildPage(pageNo, spec, article) {
  const layout = LAYOUTS[spec.layout];
  const doc = `${article.slug}-e`;
  const rnd = mulberry32(0x5eede500 + pageNo);
  const times = timeline(article);
  const sel = selectComments(article, layout);
  const parents = parentIndices(sel, doc);

  // Two-paragraph comments.
  const paras = nodeParagraphs(sel, pageNo, splitPoint);
  if (!paras.some((p) => p.length > 1)) fail(`${doc}: no splittable comment`);
  sel.forEach((e, i) => {
    e.paras = paras[i];
    e.parentIdx = parents[i];
    e.rawParentPos = e.c.quotedPos;
  });

  // Layout-specific header data (computed in page order with the page PRNG).
  const lastTime = Math.max(...sel.map((e) => times[e.c.pos]));
  if (spec.layout === 'x') {
    // Page-local clock: comments on the page in chronological (file) order, 2..20 minutes apart.
    const chrono = [...sel].sort((a, b) => a.c.pos - b.c.pos);
    let t = 10 * 60 + Math.floor(rnd() * 55);
    chrono.forEach((e, i) => {
      if (i > 0) t += 2 + Math.floor(rnd() * 19);
      if (t >= 24 * 60) fail('x clock passed midnight');
      const k = clock(t * 60000);
      e.header = `${e.depth ? '↳ ' : ''}${e.c.user} — Today at ${k.h12}:${k.mm} ${k.pm ? 'PM' : 'AM'}`;
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
      const p = wallClock(times[e.c.pos]);
      const sec = Math.floor(rnd() * 60);
      e.named = fnv1a(e.c.user) % 5 === 0;
      e.author = e.named ? e.c.user : 'Anonymous';
      e.header = `${e.author} ${pad2(p.m)}/${pad2(p.d)}/${pad2(p.y % 100)}(${SHORT_DAYS[p.wd]})${pad2(p.hh)}:${pad2(p.mm)}:${pad2(sec)} No.${no}`;
      e.ref = e.rawParentPos !== null && noOfPos.has(e.rawParentPos) ? `>>${noOfPos.get(e.rawParentPos)}` : null;
    }
  } else if (spec.layout === 'aa') {
    // Entry dates: the first (oldest) entry on the article date, each later one 0-2 days after the
    // previous, in file (chronological) order. A guestbook shows the newest entry first.
    let day = minutesOf(article.date.y, article.date.m, article.date.d);
    sel.forEach((e, i) => {
      if (i > 0) day += 24 * 60 * Math.floor(rnd() * 3);
      e.header = `${e.c.user} (${CITIES[fnv1a(e.c.user) % CITIES.length]})`;
      e.widget = longDate(wallClock(day));
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
  const page = new Page(doc, '\n', article.title);
  const dateline = spec.dateline && spec.dateline(article);
  writeArticleParts(page, { title: article.title, dateline, body: bodyParas(article.meta, spec.bodyParas), caption: spec.caption, source: spec.source });
  sel.forEach((e, index) => {
    if (index > 0) page.nl(layout.blank);
    const h = page.header(e.header, ' '.repeat(layout.headerIndent(e.depth)));
    const lines = e.paras.map((p) => [p]);
    if (e.ref) lines[0].unshift(e.ref);
    const t = page.paras(lines, ' '.repeat(layout.textIndent(e.depth)));
    page.comment({ index, author: e.author, depth: e.depth, parent: layout.nested ? e.parentIdx : null }, t, h);
    if (e.widget) page.line('footer', e.widget, ' '.repeat(layout.textIndent(e.depth)));
  });
  writeCopyright(page, spec);
  return { doc, layoutKey: spec.layout, spec, article, sel, page, text: page.s, recs: page.records };
}

// ---------------------------------------------------------------------------------------------
// Verification (on the re-read files). Returns a list of problems.

// pageTexts: Map doc -> text as written; goldText: the gold file; pages: generator info.
function verify(pageTexts, goldText, pages) {
  const errs = [];
  const err = (m) => { if (errs.length < 50) errs.push(m); };
  const lines = goldText.split('\n');
  if (lines.pop() !== '') err('gold does not end with a newline');
  const recs = [];
  lines.forEach((l, i) => {
    try { recs.push(JSON.parse(l)); } catch { err(`gold line ${i + 1} is not JSON`); }
  });
  goldProblems(recs, [...pageTexts.keys()]).forEach(err);

  for (const page of pages) {
    const doc = page.doc;
    const text = pageTexts.get(doc);
    if (text === undefined) { err(`${doc}: page missing`); continue; }
    const layout = LAYOUTS[page.layoutKey];
    const R = recs.filter((r) => r.doc === doc);
    const P = `${doc}:`;
    // File-level shape; spans: text === slice, trimmed, every non-space character covered once.
    pageTextProblems(doc, text, '\n').forEach(err);
    spanProblems(doc, text, R).forEach(err);
    // Every span starts and ends its line; headers are one line.
    const lineStartOf = (i) => text.lastIndexOf('\n', i - 1) + 1;
    for (const s of R.flatMap((r) => (r.kind === 'comment' ? [r, r.header ?? r] : [r]))) {
      if (!/^ *$/.test(text.slice(lineStartOf(s.start), s.start))) err(`${P} span @${s.start}: does not start a line`);
      if (text[s.end] !== '\n') err(`${P} span @${s.start}: does not end a line`);
    }
    for (const r of R) if (r.kind === 'comment' && (!r.header || /\n/.test(r.header.text))) err(`${P} header of comment ${r.index} missing or spans lines`);

    // Kinds of non-comment records.
    const body = bodyParas(page.article.meta, page.spec.bodyParas);
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
    treeProblems(doc, C, layout.nested ? layout.cap : 0).forEach(err);
    let multi = 0;
    let maxDepth = 0;
    C.forEach((r, k) => {
      const Q = `${P} comment ${k}`;
      if (r.index !== k) err(`${Q}: index ${r.index}`);
      const sel = page.sel[k];
      if (layout.nested && sel && r.depth > 0) {
        // The page tree is the capped reply tree: the parent is the addressee's comment or its ancestor.
        let p = sel.rawParentPos;
        const parentPos = page.sel[r.parent].c.pos;
        while (p !== null && p !== parentPos) p = page.article.comments[p].quotedPos;
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

writeOutput(pages.map((p) => ({ page: p.page, cfg: p.spec })), PAGES_DIR, GOLD_FILE);

// Re-read and verify what was written.
const reread = readPages(PAGES_DIR);
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
    copy[i] = JSON.stringify(fn(JSON.parse(copy[i])));
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
    const e = verify(new Map(reread).set(doc, fn(reread.get(doc))), goldReread, pages);
    console.log(`self-test ${e.length ? 'caught ' : 'MISSED '} ${name}${e.length ? ': ' + e[0] : ''}`);
    if (!e.length) bad++;
  }
  if (bad) fail(`self-test: ${bad} broken variant(s) not caught`);
}

const goldCount = goldReread.trimEnd().split('\n').length;
for (const p of pages) {
  const C = p.recs.filter((r) => r.kind === 'comment');
  const depths = depthProfile(C);
  const multi = C.filter((r) => /\n\s*\n/.test(r.text)).map((r) => r.index).join(',');
  console.log(`${p.doc}  ${p.layoutKey}  comments=${C.length} depth0/1/2/3=${depths} 2-para=[${multi}] records=${p.recs.length}`);
}
console.log(`wrote ${pages.length} pages and ${goldCount} gold records to ${path.relative(REPO, OUT_DIR)}`);
