#!/usr/bin/env node
// Held-out segmentation pages, set S (layouts de–dj).
//
// Builds tests/heldout-s/pages/*.txt and tests/heldout-s/segment.gold.jsonl from the Fox News
// comments dataset, then re-reads the files from disk and checks them (see tests/heldout-s/README.md).
//
//   node scripts/build-heldout-s-pages.mjs                 # shared dir defaults to <repo>/../shared
//   node scripts/build-heldout-s-pages.mjs /path/to/shared
//
// Plain Node >= 20, no dependencies. It imports scripts/lib/blind-set-kit.mjs (dataset loading,
// slug rule, comment window, reply tree, comment times, paragraph splits, page writer, article part,
// output, the re-parse frame and the layout-independent checks) and keeps its layouts here. Each
// page takes the article's comments 121–140 in dataset order (file positions 120..139; the six
// articles used have at least 140 comments and a window the kit accepts). It reads nothing but the
// dataset (through the kit), reads no clock, and its only randomness is a fixed-seed PRNG, so two
// runs give byte-identical output. Gold offsets are taken while the page text is being written,
// never by searching the finished text.

import {
  MONTHS, SHORT_MONTHS, DAYS, SHORT_DAYS, classifier, commentParas, commentTimes, fnv1a,
  layoutRngs, minutesOf, pad2, reparser, runBlindSet, wallClock, cappedNote, N_COMMENTS, yy,
  h12, commentWindow, threadOrder, checkWindowParents, timeSpan, wrapTo,
  timeBounds, commentPusher,
} from './lib/blind-set-kit.mjs';

// ---------------------------------------------------------------------------------------------
// Comment selection: comments 121–140 of the article (positions 120..139). Empty texts would be
// skipped (the dataset has none); commentWindow rejects a window with unusual names or whitespace.

const WINDOW_START = 120;

const selectComments = (article) => commentWindow(article, WINDOW_START);

// A whole number in [lo, hi] from a PRNG.
const between = (rng, lo, hi) => lo + Math.floor(rng() * (hi - lo + 1));

// ---------------------------------------------------------------------------------------------
// Fixed words of the layouts

// de: a YouTube live-chat replay saved with a chat downloader (one line per message).
const YT_HEAD = (a) => ['[INFO] Site: youtube.com', `[INFO] Retrieving chat for "LIVE: ${a.title}"`];
const YT_TAIL = '[INFO] Finished retrieving chat messages.';
const YT_AMOUNTS = ['$2.00', '$5.00', '$10.00', '$20.00'];
// df: items of a WordPress comment feed, each saved from newsboat's article view.
const NB_SITE = 'https://www.example.com';
const NB_FIELDS = ['Feed', 'Title', 'Author', 'Link', 'Date'];
// dg: a Lemmy thread saved as text (2 columns a level).
const LM_STEP = 2;
const LM_HOME = 'lemmy.world';
const LM_REMOTE = ['lemmy.ml', 'sh.itjust.works', 'beehaw.org', 'lemm.ee'];
const LM_HEAD = (a) => [`!news@${LM_HOME}`, `${a.comments.length} comments`, 'Sort: Old'];
// The imagined time of the copy (for the age "8 years ago"): 5 September 2024.
const VIEWED = { y: 2024, m: 9, d: 5 };
// dh: a Livefyre comment stream copied from the article page.
const LF_HEAD = (a) => [`${a.comments.length} Comments`, 'Newest | Oldest | Top Comments'];
const LF_TAIL = ['Load more', 'Livefyre'];
const LF_BUTTONS = 'Reply \u00b7 Like \u00b7 Share';
// di: a print edition's "From the web" column, PDF turned into text with pdftotext -layout.
const LT_WIDTH = 64;
const LT_INDENT = 3;
const EM_DASH = '\u2014';
const LT_TAIL = 'Join the conversation at FoxNews.com.';
const LT_INTRO = (a) => `Comments posted at FoxNews.com on \u201c${a.title}\u201d appear as written, in the order they were posted.`;
// dj: a comment export opened in LibreOffice Calc, printed to PDF, turned into text with
// pdftotext -layout -eol dos (CRLF; a form feed starts each printed page after the first).
const SS_SHEET = 'first-lady-obama-comments';
const SS_PAGE_LINES = 40;
const SS_PAGE_WIDTH = 107;
const SS_COLS = { id: 0, author: 6, posted: 24, likes: 40, text: 47 };
const SS_AUTHOR_WIDTH = 16;
const SS_HEADER_END = 45; // the row's cells end here (right edge of the Likes column)
const SS_TEXT_WIDTH = 60;
const FF = '\f';

const PAGES = [
  { layout: 'de', article: 'ICE program', eol: '\n', bom: false, nested: false, paras: false, gaps: [1, 9],
    dateline: (d) => `Streamed live on ${SHORT_MONTHS[d.m - 1]} ${d.d}, ${d.y}`,
    before: [], bodyParas: 1,
    after: [['caption', 'ICE officers during an arrest, from the live broadcast. Screengrab: Fox News Channel'], ['source', 'Story and video: Fox News']] },
  { layout: 'df', article: 'States moving', eol: '\n', bom: false, nested: false, paras: true, gaps: [2, 40],
    dateline: (d) => `${DAYS[d.wd]}, ${pad2(d.d)}-${SHORT_MONTHS[d.m - 1]}-${yy(d.y)} 06:00:00 EDT`,
    before: [], bodyParas: 2,
    after: [['caption', 'A shopper pays for groceries with SNAP benefits. USDA photo'], ['source', 'Pulled from the FoxNews.com feed']] },
  { layout: 'dg', article: 'Navy names ship', eol: '\n', bom: false, nested: true, cap: 5, paras: true, gaps: [2, 40],
    dateline: (d) => `${d.y}-${pad2(d.m)}-${pad2(d.d)}T10:00:00.000Z`,
    before: [], bodyParas: 1,
    after: [['caption', 'A replenishment oiler in dry dock. Photograph courtesy of the U.S. Navy'], ['source', 'Submitted from foxnews.com']] },
  { layout: 'dh', article: 'Confederate flag', eol: '\n', bom: false, nested: false, paras: true, gaps: [3, 50],
    dateline: (d) => `${SHORT_DAYS[d.wd]} ${SHORT_MONTHS[d.m - 1]} ${String(d.d).padStart(2, ' ')} 06:00:00 ${d.y}`,
    before: [['caption', 'The Confederate battle flag on the Statehouse grounds. Getty Images file']], bodyParas: 2,
    after: [['source', 'Opinion column from FoxNews.com']] },
  { layout: 'di', article: 'Fury as feminist', eol: '\n', bom: false, nested: false, paras: true, gaps: [3, 50],
    dateline: (d) => {
      const n = wallClock(minutesOf(d.y, d.m, d.d) + 24 * 60);
      return `${SHORT_MONTHS[d.m - 1]} ${d.d}, ${d.y} Updated ${SHORT_MONTHS[n.m - 1]} ${n.d}, ${n.y}`;
    },
    before: [], bodyParas: 1,
    after: [['caption', 'An alligator on the shore of a Florida lake. STAFF FILE PHOTO'], ['source', 'Online at FoxNews.com']] },
  { layout: 'dj', article: 'First lady Obama', eol: '\r\n', bom: false, nested: false, paras: true, gaps: [2, 40],
    dateline: (d) => `${pad2(d.m)}/${pad2(d.d)}/${yy(d.y)} 06:00`,
    before: [], bodyParas: 1,
    after: [['caption', 'The first lady at a commencement ceremony. Pool photo'], ['source', 'Article: FoxNews.com']] },
];

// Time formats (w: wallClock parts; s: seconds).
const ytOffset = (sec) => {
  const a = Math.abs(sec);
  const h = Math.floor(a / 3600);
  const m = Math.floor((a % 3600) / 60);
  const s = a % 60;
  return `${sec < 0 ? '-' : ''}${h > 0 ? `${h}:${pad2(m)}` : m}:${pad2(s)}`;
};
const nbDate = (w, s) => `${SHORT_DAYS[w.wd]}, ${pad2(w.d)} ${SHORT_MONTHS[w.m - 1]} ${w.y} ${pad2(w.hh)}:${pad2(w.mm)}:${pad2(s)} -0400`;
const lfDate = (w) => `${SHORT_MONTHS[w.m - 1]} ${w.d}, ${w.y} ${h12(w.hh)}:${pad2(w.mm)}${w.hh < 12 ? 'am' : 'pm'}`;
const ssDate = (w) => `${pad2(w.m)}/${pad2(w.d)}/${yy(w.y)} ${pad2(w.hh)}:${pad2(w.mm)}`;
// Whole years between a date and the imagined time of the copy.
const yearsAgo = (d) => VIEWED.y - d.y - (VIEWED.m < d.m || (VIEWED.m === d.m && VIEWED.d < d.d) ? 1 : 0);

// Per-user choices by hash.
const lmInstance = (user) => {
  const h = fnv1a(`lemmy:${user}`) % 5;
  return h < 2 ? null : LM_REMOTE[h - 1];
};
const lmName = (user) => (lmInstance(user) ? `${user}@${lmInstance(user)}` : user);

// Shapes of the layouts' furniture (also used by the re-parse).
const MONTH_RE = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const SMONTH_RE = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const DAY_RE = '(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)';
const SDAY_RE = '(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat)';
const RE = {
  name: /^[A-Za-z0-9_]+$/,
  ytInfo: /^\[INFO\] /,
  ytStart: /^-?\d{1,2}(?::\d\d){1,2} \| /,
  ytMsg: /^(-?\d{1,2}(?::\d\d){1,2}) \| (?:(\$\d+\.\d\d) \| )?([A-Za-z0-9_]+): (.*)$/,
  nbField: /^(Feed|Title|Author|Link|Date): (.*)$/,
  nbDate: new RegExp(`^${SDAY_RE}, \\d\\d ${SMONTH_RE} \\d{4} \\d\\d:\\d\\d:\\d\\d -0400$`),
  nbLink: /^https:\/\/www\.example\.com\/\d{4}\/\d\d\/\d\d\/[a-z0-9-]+\/#comment-(\d+)$/,
  lmName: /^([A-Za-z0-9_]+)(?:@([a-z.]+))?$/,
  lmAge: /^\d+ years? ago$/,
  lmVotes: /^\u2191 \d+ \u2193 \d+ \u00b7 reply$/,
  lfDate: new RegExp(`^${SMONTH_RE} \\d{1,2}, \\d{4} \\d{1,2}:\\d\\d[ap]m$`),
  lfLiked: /^Liked by [A-Za-z0-9_]+(?:(?:, [A-Za-z0-9_]+)? and (?:[A-Za-z0-9_]+|\d+ others?))?$/,
  ltSig: /^\u2014([A-Za-z0-9_]+)$/,
  ssHeadRow: /^# {5}Author {12}Posted {10}Likes {2}Comment$/,
  ssRow: /^ {0,3}\d{1,4} {2}[A-Za-z0-9_]/,
  ssPage: /^\s*Page (\d+)$/,
};

// Per layout: shapes its grammar would read as furniture; no paragraph (or wrapped line) may match one.
const FURNITURE = {
  de: [RE.ytInfo, RE.ytStart],
  df: [/^(?:Feed|Title|Author|Link|Date): /],
  dg: [RE.lmName, RE.lmAge, /^\u2191 /, /^!news@/, /^\d+ comments$/, /^Sort: /],
  dh: [RE.name, RE.lfDate, /^Reply \u00b7 /, /^Liked by /, /^\d+ Comments$/, /^Newest \| /, /^Load more$/, /^Livefyre$/],
  di: [/^\u2014/, /^FROM THE WEB$/, /^Join the conversation/],
  dj: [/^Page \d+$/, new RegExp(`^${SS_SHEET}$`), /^Comment$/],
};

const ltWrap = wrapTo(LT_WIDTH, LT_WIDTH - LT_INDENT);
const ssWrap = wrapTo(SS_TEXT_WIDTH);
const WRAP = { di: ltWrap, dj: ssWrap };

// A string centred in `width` columns (pdftotext -layout keeps centred header and footer lines).
const centre = (s, width) => ' '.repeat(Math.floor((width - s.length) / 2)) + s;

// ---------------------------------------------------------------------------------------------
// Page b after its article part (runBlindSet writes that): thread heading, comments, tails.

function renderPage(b, page, pageNo, article) {
  const { doc } = b;
  const d = article.date;
  const { selected, order, capped, outside, indexOf } = threadOrder(article, page, selectComments(article));
  const { rng, counts } = layoutRngs('s', page.layout);
  const times = commentTimes(selected, minutesOf(d.y, d.m, d.d, 6, 5 + Math.floor(rng() * 45)), rng, () => page.gaps);
  const extras = { ...timeBounds(selected, times), superChats: 0, negative: 0, overHour: 0, remote: 0, liked: 0, pages: 0, likes: 0 };
  // The paragraphs of every comment (checked against the layout's furniture), in display order.
  const parasOf = new Map(order.map((n) => [n, commentParas(doc, n.c, pageNo, page.paras, FURNITURE[page.layout], WRAP[page.layout])]));
  const push = commentPusher(b, indexOf);

  if (page.layout === 'de') {
    // Chat downloader: two [INFO] lines, then one line per message `12:05 | user: text` (offset
    // from the start of the stream: m:ss, h:mm:ss after an hour, negative before the start; a Super
    // Chat carries its amount: `23:41 | $5.00 | user: text`), then the closing [INFO] line. No
    // empty line anywhere.
    for (const l of YT_HEAD(article)) b.line('footer', l);
    const sec = new Map(selected.map((c) => [c, times.get(c) * 60 + Math.floor(counts() * 60)]));
    const streamStart = sec.get(selected[0]) + between(counts, 60, 200);
    order.forEach((n, i) => {
      const off = sec.get(n.c) - streamStart;
      if (off < 0) extras.negative++;
      if (off >= 3600) extras.overHour++;
      const amount = counts() < 0.15 ? YT_AMOUNTS[between(counts, 0, YT_AMOUNTS.length - 1)] : null;
      if (amount) extras.superChats++;
      const h = b.write(`${ytOffset(off)} | ${amount ? `${amount} | ` : ''}${n.c.user}:`);
      b.write(' ');
      const span = b.paras(parasOf.get(n), { firstOpen: true });
      b.nl();
      push(n, i, span, b.span(h.start, h.end));
    });
    b.line('footer', YT_TAIL);
  } else if (page.layout === 'df') {
    // newsboat's saved article view, one item after another: the five header lines Feed, Title
    // (`By: user`, as WordPress titles comment-feed items), Author, Link, Date; an empty line; the
    // text; one empty line between items, which is also the paragraph break inside a comment.
    let cid = 30000 + between(counts, 0, 999);
    order.forEach((n, i) => {
      const c = n.c;
      if (i > 0) b.nl();
      const w = wallClock(times.get(c));
      const s = Math.floor(counts() * 60);
      const link = `${NB_SITE}/${d.y}/${pad2(d.m)}/${pad2(d.d)}/${article.slug}/#comment-${cid}`;
      cid += between(counts, 3, 60);
      const hdr = b.headerBlock([`Feed: Comments on: ${article.title}`, `Title: By: ${c.user}`, `Author: ${c.user}`, `Link: ${link}`, `Date: ${nbDate(w, s)}`]);
      b.nl();
      const span = b.paras(parasOf.get(n));
      b.nl();
      push(n, i, span, hdr);
    });
  } else if (page.layout === 'dg') {
    // Lemmy thread saved as text: the community, the comment count and the sort, an empty line;
    // per comment, at 2 columns a level, the name (with `@instance` for users of other instances),
    // the age, the text, and the vote line `↑ 12 ↓ 1 · reply`; one empty line between comments.
    for (const l of LM_HEAD(article)) b.line('footer', l);
    b.nl();
    const age = `${yearsAgo(d)} years ago`;
    order.forEach((n, i) => {
      const c = n.c;
      if (i > 0) b.nl();
      const ind = ' '.repeat(LM_STEP * n.depth);
      if (lmInstance(c.user)) extras.remote++;
      const hdr = b.headerBlock([lmName(c.user), age], ind);
      const span = b.paras(parasOf.get(n), { indent: ind });
      b.nl();
      const r = counts();
      const r2 = counts();
      const up = 1 + Math.floor(r * r * r * 30);
      const down = Math.floor(r2 * r2 * r2 * 6);
      b.line('footer', `\u2191 ${up} \u2193 ${down} \u00b7 reply`, ind);
      push(n, i, span, hdr);
    });
  } else if (page.layout === 'dh') {
    // Livefyre stream copied from the page: the count and the sort tabs, an empty line; per
    // comment the name, the date `Jun 25, 2015 6:41am`, the text, the buttons `Reply · Like ·
    // Share` and, when liked, `Liked by A, B and 3 others` (names of other commenters of the
    // article); one empty line between comments; `Load more` and `Livefyre` after one empty line.
    for (const l of LF_HEAD(article)) b.line('footer', l);
    b.nl();
    const users = [...new Set(article.comments.map((c) => c.user))].filter((u) => RE.name.test(u));
    order.forEach((n, i) => {
      const c = n.c;
      if (i > 0) b.nl();
      const hdr = b.headerBlock([c.user, lfDate(wallClock(times.get(c)))]);
      const span = b.paras(parasOf.get(n));
      b.nl();
      b.line('footer', LF_BUTTONS);
      const r = counts();
      const likes = Math.floor(r * r * r * 20);
      if (likes > 0) {
        extras.liked++;
        const pool = users.filter((u) => u !== c.user);
        const names = [];
        while (names.length < Math.min(likes, 2)) {
          const u = pool[between(counts, 0, pool.length - 1)];
          if (!names.includes(u)) names.push(u);
        }
        let line;
        if (likes === 1) line = `Liked by ${names[0]}`;
        else if (likes === 2) line = `Liked by ${names[0]} and ${names[1]}`;
        else line = `Liked by ${names[0]}, ${names[1]} and ${likes - 2} ${likes - 2 === 1 ? 'other' : 'others'}`;
        b.line('footer', line);
      }
      push(n, i, span, hdr);
    });
    b.nl();
    for (const l of LF_TAIL) b.line('footer', l);
  } else if (page.layout === 'di') {
    // pdftotext -layout of a print page: the running head, an empty line, the column heading and
    // its intro (wrapped at 64 columns), an empty line; per comment the text wrapped at 64 columns
    // with every paragraph's first line indented 3 columns and no empty line between paragraphs,
    // then the signature `—user` right-aligned to column 64; one empty line between comments;
    // after one empty line the column's closing line.
    const next = wallClock(minutesOf(d.y, d.m, d.d) + 24 * 60);
    const folio = `A14${' '.repeat(22)}THE EXAMPLE GAZETTE${' '.repeat(22)}${DAYS[next.wd].toUpperCase()}, ${MONTHS[next.m - 1].toUpperCase()} ${next.d}, ${next.y}`;
    b.line('footer', folio);
    b.nl();
    b.line('footer', 'FROM THE WEB');
    for (const l of wrapTo(LT_WIDTH)(LT_INTRO(article))) b.line('footer', l);
    b.nl();
    order.forEach((n, i) => {
      const c = n.c;
      if (i > 0) b.nl();
      let start = null;
      let end = null;
      parasOf.get(n).forEach((p, k) => {
        ltWrap(p).forEach((l, q) => {
          if (k > 0 || q > 0) b.nl();
          if (q === 0) b.write(' '.repeat(LT_INDENT));
          const r = b.write(l);
          if (start === null) start = r.start;
          end = r.end;
        });
      });
      b.nl();
      const sig = `${EM_DASH}${c.user}`;
      const hdr = b.headerBlock([' '.repeat(LT_WIDTH - sig.length) + sig]);
      push(n, i, { start, end }, hdr);
    });
    b.nl();
    b.line('footer', LT_TAIL);
  } else if (page.layout === 'dj') {
    // LibreOffice Calc printout through pdftotext -layout: per printed page the centred sheet
    // name, an empty line, the column headings (repeated on every page), the rows, empty lines down
    // to the page foot, an empty line and the centred `Page N`. A row is the cells #, Author,
    // Posted (right-aligned date), Likes (right-aligned) and the comment, whose wrapped lines
    // continue at column 47 and whose paragraphs are separated by an empty line; rows follow each
    // other with no empty line. A row is never split across pages. A form feed starts each page
    // after the first.
    const headRow = ' '.repeat(SS_PAGE_WIDTH).split('');
    for (const [col, label] of [[SS_COLS.id, '#'], [SS_COLS.author, 'Author'], [SS_COLS.posted, 'Posted'], [SS_COLS.likes, 'Likes'], [SS_COLS.text, 'Comment']]) {
      headRow.splice(col, label.length, ...label);
    }
    const headRowText = headRow.join('').trimEnd();
    const rows = order.map((n) => {
      const c = n.c;
      if (c.user.length > SS_AUTHOR_WIDTH) throw new Error(`${doc}: author too long for the column: ${c.user}`);
      const r = counts();
      const likes = Math.floor(r * r * r * 30);
      if (likes > 0) extras.likes++;
      const cells = `${String(c.pos + 1).padStart(4)}  ${c.user.padEnd(SS_AUTHOR_WIDTH)}  ${ssDate(wallClock(times.get(c)))}  ${String(likes).padStart(5)}`;
      if (cells.length !== SS_HEADER_END) throw new Error(`${doc}: row cells of ${cells.length} columns`);
      const ps = parasOf.get(n);
      const lines = ps.reduce((k, p) => k + ssWrap(p).length, 0) + ps.length - 1;
      return { n, cells, lines };
    });
    const area = SS_PAGE_LINES - 5;
    const pagesOf = [[]];
    let used = 0;
    for (const row of rows) {
      if (row.lines > area) throw new Error(`${doc}: row taller than a page`);
      if (used + row.lines > area) {
        pagesOf.push([]);
        used = 0;
      }
      pagesOf[pagesOf.length - 1].push(row);
      used += row.lines;
    }
    extras.pages = pagesOf.length;
    let i = 0;
    pagesOf.forEach((pageRows, pg) => {
      b.line('footer', SS_SHEET, (pg > 0 ? FF : '') + ' '.repeat(Math.floor((SS_PAGE_WIDTH - SS_SHEET.length) / 2)));
      b.nl();
      b.line('footer', headRowText);
      let h = 0;
      for (const row of pageRows) {
        const lead = row.cells.length - row.cells.trimStart().length;
        b.write(' '.repeat(lead));
        const hw = b.write(row.cells.trimStart());
        b.write(' '.repeat(SS_COLS.text - SS_HEADER_END));
        const span = b.paras(parasOf.get(row.n), { indent: ' '.repeat(SS_COLS.text), firstOpen: true, wrap: ssWrap });
        b.nl();
        push(row.n, i++, span, b.span(hw.start, hw.end));
        h += row.lines;
      }
      b.nl(area - h + 1);
      const foot = `Page ${pg + 1}`;
      b.line('footer', foot, ' '.repeat(Math.floor((SS_PAGE_WIDTH - foot.length) / 2)));
    });
  } else throw new Error(page.layout);

  if (b.s.endsWith(page.eol + page.eol)) throw new Error(`${doc}: page ends with an empty line`);
  return { doc, layout: page.layout, page, article, text: b.s, recs: b.sortedRecords(), order, selected, capped, outside, extras };
}

// ---------------------------------------------------------------------------------------------
// Checks on the files as re-read from disk

const ARTICLE_KIND = [
  ['dateline', new RegExp(`^(?:Streamed live on ${SMONTH_RE} \\d{1,2}, \\d{4}|${DAY_RE}, \\d\\d-${SMONTH_RE}-\\d\\d 06:00:00 EDT|\\d{4}-\\d\\d-\\d\\dT10:00:00\\.000Z|${SDAY_RE} ${SMONTH_RE} [ \\d]\\d 06:00:00 \\d{4}|${SMONTH_RE} \\d{1,2}, \\d{4} Updated ${SMONTH_RE} \\d{1,2}, \\d{4}|\\d\\d/\\d\\d/\\d\\d 06:00)$`)],
  ['caption', / Screengrab: Fox News Channel$| USDA photo$| Photograph courtesy of the U\.S\. Navy$| Getty Images file$| STAFF FILE PHOTO$| Pool photo$/],
  ['source', /^(?:Story and video: Fox News|Pulled from the FoxNews\.com feed|Submitted from foxnews\.com|Opinion column from FoxNews\.com|Online at FoxNews\.com|Article: FoxNews\.com)$/],
];
const classify = classifier(ARTICLE_KIND);

/**
 * Independent re-parse of one page by its layout's grammar. Uses only the page text and the layout
 * name, not the generator's bookkeeping; returns the records the page implies.
 */
function reparse(doc, layout, text, eol) {
  const rp = reparser(doc, text, eol);
  const { L, err, lead, plain, pushComment, paras, headerOf, textEnd } = rp;
  let k = rp.article(classify);
  const n = L.length;
  const gapOne = (end, what) => {
    if (k < end) {
      if (L[k].text !== '' || L[k + 1]?.text === '') err(`${what}: not separated by one empty line`);
      k++;
    }
  };

  if (layout === 'de') {
    for (let j = 0; j < 2; j++) {
      if (!RE.ytInfo.test(L[k]?.text ?? '')) err('de: no [INFO] heading');
      plain(L[k++], 'footer');
    }
    if (L[n - 1].text !== YT_TAIL) err('de: no closing line');
    let lastOff = -Infinity;
    for (; k < n - 1; k++) {
      const t = L[k].text;
      const m = RE.ytMsg.exec(t);
      if (!m) err(`de: bad line ${k}`);
      const sign = m[1].startsWith('-') ? -1 : 1;
      const off = sign * m[1].replace('-', '').split(':').reduce((a, x) => a * 60 + +x, 0);
      if (off < lastOff) err(`de: offsets out of order at ${k}`);
      lastOff = off;
      const hEnd = L[k].start + t.length - m[4].length - 1;
      pushComment(hEnd + 1, L[k].end, m[3], 0, { start: L[k].start, end: hEnd });
    }
    plain(L[n - 1], 'footer');
  } else if (layout === 'df') {
    while (k < n) {
      const f = NB_FIELDS.map((name, j) => {
        const m = RE.nbField.exec(L[k + j]?.text ?? '');
        if (!m || m[1] !== name) err(`df: bad ${name} line at ${k + j}`);
        return m[2];
      });
      const by = /^By: ([A-Za-z0-9_]+)$/.exec(f[1]);
      if (!f[0].startsWith('Comments on: ') || !by || by[1] !== f[2] || !RE.nbLink.test(f[3]) || !RE.nbDate.test(f[4])) err(`df: bad header values at ${k}`);
      if (L[k + 5]?.text !== '') err(`df: no empty line under the header at ${k}`);
      const s = k + 6;
      const e = textEnd(s, (q) => !RE.nbField.test(L[q].text));
      paras(s, e);
      pushComment(L[s].start, L[e].end, f[2], 0, headerOf(k, k + 4));
      k = e + 1;
      gapOne(n, 'df');
    }
  } else if (layout === 'dg') {
    for (let j = 0; j < 3; j++) plain(L[k + j], 'footer');
    if (!/^!news@/.test(L[k].text) || !/^\d+ comments$/.test(L[k + 1].text) || !/^Sort: /.test(L[k + 2].text) || L[k + 3]?.text !== '') err('dg: heading');
    k += 4;
    while (k < n) {
      const col = lead(L[k].text);
      if (col % LM_STEP !== 0) err(`dg: odd indentation at ${k}`);
      const m = RE.lmName.exec(L[k].text.slice(col));
      if (!m || lead(L[k + 1]?.text ?? '') !== col || !RE.lmAge.test(L[k + 1].text.slice(col))) err(`dg: bad header at ${k}`);
      const isVotes = (q) => lead(L[q]?.text ?? '') === col && RE.lmVotes.test(L[q].text.slice(col));
      const s = k + 2;
      const e = textEnd(s, (q) => !isVotes(q));
      if (!isVotes(e + 1)) err(`dg: no vote line after ${e}`);
      paras(s, e, { col });
      pushComment(L[s].start + col, L[e].end, m[1], col / LM_STEP, headerOf(k, k + 1));
      plain(L[e + 1], 'footer');
      k = e + 2;
      gapOne(n, 'dg');
    }
  } else if (layout === 'dh') {
    if (!/^\d+ Comments$/.test(L[k]?.text ?? '') || !/^Newest \| /.test(L[k + 1]?.text ?? '') || L[k + 2]?.text !== '') err('dh: heading');
    plain(L[k], 'footer');
    plain(L[k + 1], 'footer');
    k += 3;
    const tl = LF_TAIL.length;
    if (L.slice(n - tl).map((l) => l.text).join('\n') !== LF_TAIL.join('\n') || L[n - tl - 1].text !== '') err('dh: tail');
    const end = n - tl - 1;
    while (k < end) {
      if (!RE.name.test(L[k].text) || !RE.lfDate.test(L[k + 1]?.text ?? '')) err(`dh: bad header at ${k}`);
      const s = k + 2;
      const e = textEnd(s, (q) => L[q].text !== LF_BUTTONS);
      if (L[e + 1]?.text !== LF_BUTTONS) err(`dh: no buttons after ${e}`);
      paras(s, e);
      pushComment(L[s].start, L[e].end, L[k].text, 0, headerOf(k, k + 1));
      plain(L[e + 1], 'footer');
      k = e + 2;
      if (RE.lfLiked.test(L[k]?.text ?? '')) plain(L[k++], 'footer');
      gapOne(end, 'dh');
    }
    for (let q = end + 1; q < n; q++) plain(L[q], 'footer');
  } else if (layout === 'di') {
    if (!/^A\d+ {2,}\S.* {2,}[A-Z]+, [A-Z]+ \d{1,2}, \d{4}$/.test(L[k]?.text ?? '') || L[k + 1]?.text !== '' || L[k + 2]?.text !== 'FROM THE WEB') err('di: heading');
    plain(L[k], 'footer');
    plain(L[k + 2], 'footer');
    k += 3;
    while (L[k] && L[k].text !== '') plain(L[k++], 'footer');
    k++;
    if (L[n - 1].text !== LT_TAIL || L[n - 2].text !== '') err('di: tail');
    const end = n - 2;
    while (k < end) {
      const s = k;
      let u = s;
      while (u < end && L[u].text !== '' && lead(L[u].text) < 10) u++;
      if (u === s || u >= end || L[u].text === '') err(`di: no signature after line ${s}`);
      const m = RE.ltSig.exec(L[u].text.trim());
      if (!m || L[u].text.length !== LT_WIDTH) err(`di: bad signature at ${u}`);
      for (let q = s; q < u; q++) {
        const t = L[q].text;
        const ld = lead(t);
        if ((q === s && ld !== LT_INDENT) || (ld !== 0 && ld !== LT_INDENT) || t.length > LT_WIDTH) err(`di: bad text line ${q}`);
      }
      pushComment(L[s].start + LT_INDENT, L[u - 1].end, m[1], 0, headerOf(u, u));
      k = u + 1;
      gapOne(end, 'di');
    }
    plain(L[n - 1], 'footer');
  } else if (layout === 'dj') {
    let pg = 0;
    while (k < n) {
      pg++;
      const head = L[k].text;
      if ((pg > 1) !== head.startsWith(FF) || head.trim() !== SS_SHEET) err(`dj: bad page head at ${k}`);
      plain(L[k], 'footer');
      if (L[k + 1]?.text !== '' || !RE.ssHeadRow.test(L[k + 2]?.text ?? '')) err(`dj: bad column headings at ${k + 2}`);
      plain(L[k + 2], 'footer');
      k += 3;
      const top = k;
      while (k < n && RE.ssRow.test(L[k].text)) {
        const t = L[k].text;
        if (t.slice(SS_HEADER_END, SS_COLS.text) !== '  ' || t[SS_COLS.text] === ' ' || t[SS_HEADER_END - 1] === ' ') err(`dj: bad row at ${k}`);
        const author = t.slice(SS_COLS.author, SS_COLS.author + SS_AUTHOR_WIDTH).trim();
        if (!RE.name.test(author) || !/^\d\d\/\d\d\/\d\d \d\d:\d\d$/.test(t.slice(SS_COLS.author + SS_AUTHOR_WIDTH + 2, SS_COLS.likes - 1).trim())) err(`dj: bad cells at ${k}`);
        const isText = (q) => lead(L[q].text) === SS_COLS.text && !RE.ssPage.test(L[q].text);
        const e = textEnd(k, isText, true);
        paras(k, e, { col: SS_COLS.text, firstOpen: true, width: SS_COLS.text + SS_TEXT_WIDTH });
        pushComment(L[k].start + SS_COLS.text, L[e].end, author, 0, { start: L[k].start + lead(t), end: L[k].start + SS_HEADER_END });
        k = e + 1;
      }
      if (k === top) err(`dj: page ${pg} without rows`);
      while (k < n && L[k].text === '') k++;
      const pm = RE.ssPage.exec(L[k]?.text ?? '');
      if (!pm || +pm[1] !== pg || k - top !== SS_PAGE_LINES - 4) err(`dj: bad page foot at ${k}`);
      plain(L[k], 'footer');
      k++;
    }
  } else err('layout');
  return rp.records();
}

// The paragraphs of comment record c as in the dataset text (dg: the indentation of later
// paragraphs removed; di: paragraphs start at the indented lines, wrapped lines joined; dj:
// wrapped lines joined without their column indentation).
function partsOf(p, c) {
  const eol = p.page.eol;
  if (p.layout === 'di') {
    const out = [];
    c.text.split(eol).forEach((l, q) => {
      if (q === 0 || l.startsWith(' '.repeat(LT_INDENT))) out.push(l.trim());
      else out[out.length - 1] += ` ${l}`;
    });
    return out;
  }
  const parts = c.text.split(eol + eol);
  if (p.layout === 'dg') return parts.map((x) => x.replace(/^ +/, ''));
  if (p.layout === 'dj') return parts.map((x) => x.split(eol).map((l) => l.trim()).join(' '));
  return parts;
}

// ---------------------------------------------------------------------------------------------

runBlindSet('s', PAGES, renderPage, {
  layouts: ['de', 'df', 'dg', 'dh', 'di', 'dj'],
  reparse,
  tabs: false,
  forbidden: /[\u00a0\u200b-\u200f\u202f\u2060\u000b]/,
  allowParas: (p) => p.page.paras,
  partsOf,
  textChecks: (ctx) => {
    const { p, text, fail } = ctx;
    // No page has a BOM; CRLF only on dj
    if (p.page.bom) fail(`${p.doc}: BOM`);
    if ((p.page.eol === '\r\n') !== (p.layout === 'dj') || /\r\n/.test(text) !== (p.layout === 'dj')) fail(`${p.doc}: CRLF only on the dj page`);
    // Special characters only where the layout puts them
    const count = (re) => (text.match(re) ?? []).length;
    if (count(/\u2014/g) !== (p.layout === 'di' ? N_COMMENTS : 0)) fail(`${p.doc}: ${count(/\u2014/g)} U+2014`);
    if (count(/\u2191/g) !== (p.layout === 'dg' ? N_COMMENTS : 0) || count(/\u2193/g) !== (p.layout === 'dg' ? N_COMMENTS : 0)) fail(`${p.doc}: arrows`);
    if (count(/\u00b7/g) !== (p.layout === 'dg' || p.layout === 'dh' ? N_COMMENTS * (p.layout === 'dh' ? 2 : 1) : 0)) fail(`${p.doc}: ${count(/\u00b7/g)} U+00B7`);
    if (count(/\f/g) !== (p.layout === 'dj' ? p.extras.pages - 1 : 0)) fail(`${p.doc}: form feeds`);
    if (/[^\n]\f|\f(?! )/.test(text)) fail(`${p.doc}: form feed not at the start of a page's first line`);
  },
  pageChecks: (ctx) => {
    const { p, cs, srcOf, fail } = ctx;
    const eol = p.page.eol;
    // the comments are the article's comments 121–140 (positions 120..139)
    const want = p.article.comments.slice(WINDOW_START, WINDOW_START + N_COMMENTS);
    if (p.selected.length !== N_COMMENTS || p.selected.some((c, j) => c !== want[j])) fail(`${p.doc}: selection is not comments 121–140`);
    for (const c of cs) {
      const src = srcOf.get(c);
      if (!src) continue;
      if (!c.header.text.includes(src.user)) fail(`${p.doc}: #${c.index} header without the author`);
      if (p.layout === 'di' && c.header.start <= c.end) fail(`${p.doc}: #${c.index} signature not after the text`);
      if (p.layout !== 'di' && c.header.end > c.start) fail(`${p.doc}: #${c.index} header not before the text`);
      const between_ = p.layout === 'di' ? text(p, c.end, c.header.start) : text(p, c.header.end, c.start);
      if (p.layout === 'de' && between_ !== ' ') fail(`${p.doc}: #${c.index} header and text not one space apart`);
      if (p.layout === 'dj' && between_ !== '  ') fail(`${p.doc}: #${c.index} cells and text not two spaces apart`);
      if (p.layout !== 'de' && p.layout !== 'dj' && !between_.includes(eol)) fail(`${p.doc}: #${c.index} header on the text's line`);
      if (p.layout === 'dg') {
        const ind = ' '.repeat(LM_STEP * c.depth);
        if (c.text.split(eol).slice(1).some((x) => x !== '' && (!x.startsWith(ind) || x[ind.length] === ' '))) fail(`${p.doc}: #${c.index} line not at the comment's column`);
        if (text(p, c.header.start - ind.length, c.header.start) !== ind || text(p, c.header.start - ind.length - 1, c.header.start - ind.length) !== eol.slice(-1)) fail(`${p.doc}: #${c.index} header not at the comment's column`);
      }
      if (p.layout === 'di') {
        const lineStart = p.text.lastIndexOf(eol, c.header.start) + eol.length;
        if (c.header.end - lineStart !== LT_WIDTH) fail(`${p.doc}: #${c.index} signature not right-aligned to column ${LT_WIDTH}`);
        if (c.text.split(eol).some((x, q) => (q === 0 ? LT_INDENT : 0) + x.length > LT_WIDTH)) fail(`${p.doc}: #${c.index} line longer than ${LT_WIDTH}`);
      }
      if (p.layout === 'dj') {
        if (c.text.split(eol).some((x, q) => (q === 0 ? x.length > SS_TEXT_WIDTH : x !== '' && (x.length > SS_COLS.text + SS_TEXT_WIDTH || !x.startsWith(' '.repeat(SS_COLS.text)) || x[SS_COLS.text] === ' ')))) fail(`${p.doc}: #${c.index} cell line outside the Comment column`);
        if (!c.header.text.startsWith(String(src.pos + 1))) fail(`${p.doc}: #${c.index} row number`);
      }
      if (p.layout === 'df') {
        const m = /By: ([A-Za-z0-9_]+)\nAuthor: ([A-Za-z0-9_]+)\n/.exec(c.header.text);
        if (!m || m[1] !== src.user || m[2] !== src.user || !c.header.text.startsWith(`Feed: Comments on: ${p.article.title}\n`)) fail(`${p.doc}: #${c.index} feed header`);
      }
    }
    // de: offsets in time order, some before the stream start and some after an hour; Super Chats
    if (p.layout === 'de' && (p.extras.negative < 1 || p.extras.overHour < 1 || p.extras.superChats < 2)) fail(`${p.doc}: de offsets or Super Chats`);
    // df: comment ids grow down the page
    if (p.layout === 'df') {
      const ids = cs.map((c) => +/#comment-(\d+)/.exec(c.header.text)[1]);
      if (ids.some((x, j) => j > 0 && x <= ids[j - 1])) fail(`${p.doc}: comment ids not increasing`);
    }
    // dh: the likers named are commenters of the article, never the comment's own author
    if (p.layout === 'dh') {
      const users = new Set(p.article.comments.map((x) => x.user));
      for (const c of cs) {
        const rest = text(p, c.end, cs[c.index + 1]?.header.start ?? p.text.length);
        const m = /Liked by ([A-Za-z0-9_]+)(?:, ([A-Za-z0-9_]+) and (\d+) others?| and ([A-Za-z0-9_]+))?/.exec(rest);
        if (!m) continue;
        for (const u of [m[1], m[2], m[4]].filter(Boolean)) if (!users.has(u) || u === c.author) fail(`${p.doc}: #${c.index} liker ${u}`);
      }
    }
    checkWindowParents(ctx);
    if (p.page.nested && cs.filter((c) => c.depth >= 1).length < 5) fail(`${p.doc}: fewer than 5 replies`);
    if (p.page.nested && p.capped < 1) fail(`${p.doc}: the depth cap re-attaches nothing`);
  },
  summaryTail: (p, cs) => {
    const x = p.extras;
    const span = timeSpan(x);
    const special = {
      de: `${span}; before the stream start ${x.negative}; after an hour ${x.overHour}; Super Chats ${x.superChats}`,
      df: span,
      dg: `${span}; depth 5: ${cs.filter((c) => c.depth === 5).length}; users of other instances on ${x.remote} comments; replies with the parent off the page ${p.outside}`,
      dh: `${span}; liked ${x.liked}`,
      di: span,
      dj: `${span}; printed pages ${x.pages}; likes > 0 on ${x.likes}`,
    }[p.layout];
    return `; ${special}` + cappedNote(p);
  },
});

function text(p, a, b) {
  return p.text.slice(a, b);
}
