#!/usr/bin/env node
// Held-out segmentation pages, set V (layouts dw–eb).
//
// Builds tests/heldout-v/pages/*.txt and tests/heldout-v/segment.gold.jsonl from the Fox News
// comments dataset, then re-reads the files from disk and checks them (see tests/heldout-v/README.md).
//
//   node scripts/build-heldout-v-pages.mjs                 # shared dir defaults to <repo>/../shared
//   node scripts/build-heldout-v-pages.mjs /path/to/shared
//
// Plain Node >= 20, no dependencies. It imports scripts/lib/blind-set-kit.mjs (dataset loading,
// slug rule, comment window, reply tree, comment times, paragraph splits, page writer, article part,
// output, the re-parse frame and the layout-independent checks) and keeps its layouts here. Each
// page takes a window of 20 consecutive comments of one article in dataset order; the kit's
// runBlindSet names every page <slug>-<set>, so, as set U's generator does, this script has its own
// short main flow built from the kit's parts (each page gets its own doc suffix). It reads nothing
// but the dataset (through the kit, plus comment-url.txt for the article address on the ea page),
// reads no clock, and its only randomness is a fixed-seed PRNG, so two runs give byte-identical
// output. Gold offsets are taken while the page text is being written, never by searching the
// finished text.

import fs from 'node:fs';
import path from 'node:path';
import {
  DAYS, MONTHS, SHORT_MONTHS, SHORT_DAYS, classifier, commentParas, commentTimes, fnv1a, layoutRngs,
  minutesOf, pad2, reparser, runBlindSet, wallClock, wrapTo, cappedNote, N_COMMENTS,
  h12, ampm, commentWindow, threadOrder, checkWindowParents, timeSpan, MIN_PART, checkWindowSelection, headerGap,
  timeBounds, commentPusher, slice,
} from './lib/blind-set-kit.mjs';

const SET = 'v';

// A whole number in [lo, hi] from a PRNG.
const between = (rng, lo, hi) => lo + Math.floor(rng() * (hi - lo + 1));

// ---------------------------------------------------------------------------------------------
// Fixed words of the layouts

// dw: psql (the PostgreSQL terminal client), aligned output of one SELECT, copied from the terminal.
const PG_PROMPT = 'foxcomments=>';
const PG_COLS = ['pos', 'author', 'posted', 'body'];
// dx: Google Forms, "Print all responses" of a coding form, saved as PDF and turned into text.
const GF_TITLE = 'Comment coding sheet: food stamp work requirements';
const GF_LABELS = ['Coder *', 'Commenter screen name *', 'Time shown next to the comment *', 'Comment text (paste exactly) *'];
const GF_CODERS = ['AT', 'JE', 'MK'];
// dy: a local newsgroup fed by a comment gateway; the thread saved as mbox by a newsreader.
const NN_DOMAIN = 'comments.example.org';
const NN_GROUP = 'local.foxnews.comments';
// dz: a Moodle course forum, "Display replies flat, with oldest first", copied from the browser.
const MD_SUBJECT = 'German rape law: reader comments';
const MD_CRUMBS = `Dashboard \u25ba My courses \u25ba JOUR 2150 \u25ba Week 4 \u25ba ${MD_SUBJECT}`;
const MD_MODE = 'Display replies flat, with oldest first';
const MD_LINKS = 'Permalink | Show parent | Reply';
// ea: the appendix of a study quoting reader comments with APA (6th edition) references, saved
// from Word as "Plain Text" (UTF-8 with a BOM, Windows line endings).
const AP_HEAD = ['Appendix C', 'Reader comments quoted in Study 2, in the order they were posted'];
// eb: OCR of phone screenshots of a news app's comment view, pasted one screenshot after another.
const OC_APPBAR = '\u2190 Comments';
const OC_COMPOSER = 'Write a comment...';
const OC_NAV = 'III O <';
const OC_WIDTH = 38;
const OC_SCREEN = 24; // text lines a screenshot holds below the app bar
const MIDDOT = '\u00b7';

const PAGES = [
  { layout: 'dw', article: 'confederate-flag', window: 137, suffix: 'v', eol: '\n', bom: false, nested: false, paras: true, gaps: [2, 40], startHour: 9,
    dateline: (d) => `${d.y}-${pad2(d.m)}-${pad2(d.d)} 06:00:00-04`,
    before: [], bodyParas: 2,
    after: [['caption', 'A Confederate flag on the State House grounds in Columbia. Image credit: Associated Press'], ['source', 'Scraped from foxnews.com']] },
  { layout: 'dx', article: 'states-moving', window: 113, suffix: 'v', eol: '\n', bom: false, nested: false, paras: true, gaps: [3, 45], startHour: 8,
    dateline: (d) => `${SHORT_MONTHS[d.m - 1]} ${d.d}, ${d.y}, 6:00:00 AM`,
    before: [], bodyParas: 1,
    after: [['caption', 'Shoppers at a supermarket checkout in Maine. Photograph: USDA'], ['source', 'Coded from Fox News']] },
  { layout: 'dy', article: 'texas-12-states', window: 226, suffix: 'v', eol: '\n', bom: false, nested: true, cap: 4, paras: true, gaps: [2, 30], startHour: 16,
    dateline: (d) => `${d.d} ${SHORT_MONTHS[d.m - 1]} ${d.y} 10:00:00 GMT`,
    before: [], bodyParas: 1,
    after: [['caption', 'A restroom entrance at a Texas high school. Photograph by Getty Images'], ['source', 'Originally on Fox News']] },
  { layout: 'dz', article: 'german-lawmakers', window: 102, suffix: 'v', eol: '\n', bom: false, nested: false, paras: true, gaps: [3, 40], startHour: 10,
    dateline: (d) => `${DAYS[d.wd]}, ${d.d} ${MONTHS[d.m - 1]} ${d.y}, 6:00 AM`,
    before: [['caption', 'Members of the German parliament during a vote. Picture alliance/dpa']], bodyParas: 1,
    after: [['source', 'Via foxnews.com']] },
  { layout: 'ea', article: 'supreme-court', window: 74, suffix: 'v', eol: '\r\n', bom: true, nested: false, paras: true, gaps: [2, 35], startHour: 12,
    dateline: (d) => `${d.y}, ${MONTHS[d.m - 1]} ${d.d}`,
    before: [], bodyParas: 1,
    after: [['caption', 'Students on a university campus in Texas. Reuters photograph'], ['source', 'Posted at foxnews.com']] },
  { layout: 'eb', article: 'supreme-court', window: 94, suffix: 'v2', eol: '\n', bom: false, nested: false, paras: true, gaps: [4, 60], startHour: 7,
    dateline: (d) => `${d.d} ${SHORT_MONTHS[d.m - 1]} ${d.y} 6:00 am`,
    before: [], bodyParas: 2,
    after: [['caption', 'Demonstrators on the steps of the high court. Photo courtesy of AP'], ['source', 'Text: Fox News']] },
];

// Time formats (w: wallClock parts; s: seconds).
const pgStamp = (w, s) => `${w.y}-${pad2(w.m)}-${pad2(w.d)} ${pad2(w.hh)}:${pad2(w.mm)}:${pad2(s)}`;
const gfTime = (w) => `${w.m}/${w.d}/${w.y} ${h12(w.hh)}:${pad2(w.mm)} ${ampm(w.hh)}`;
const nnEnvelope = (w, s) => `${SHORT_DAYS[w.wd]} ${SHORT_MONTHS[w.m - 1]} ${String(w.d).padStart(2, ' ')} ${pad2(w.hh)}:${pad2(w.mm)}:${pad2(s)} ${w.y}`;
const nnDate = (w, s) => `${SHORT_DAYS[w.wd]}, ${w.d} ${SHORT_MONTHS[w.m - 1]} ${w.y} ${pad2(w.hh)}:${pad2(w.mm)}:${pad2(s)} -0400`;
const mdDate = (w) => `${DAYS[w.wd]}, ${w.d} ${MONTHS[w.m - 1]} ${w.y}, ${h12(w.hh)}:${pad2(w.mm)} ${ampm(w.hh)}`;
const ocClock = (w) => `${h12(w.hh)}:${pad2(w.mm)}`;
const ocAge = (min) => (min < 60 ? `${min}m` : min < 1440 ? `${Math.floor(min / 60)}h` : `${Math.floor(min / 1440)}d`);

// Per-comment choices by hash.
const gfCoder = (pos) => GF_CODERS[fnv1a(`coder:${pos}`) % GF_CODERS.length];
const nnId = (slugWord, pos) => `<c${pos + 1}.${slugWord}@${NN_DOMAIN}>`;
const nnStory = (slugWord) => `<story.${slugWord}@${NN_DOMAIN}>`;
const apaRef = (user, a, url) => `${user}. (${a.date.y}, ${MONTHS[a.date.m - 1]} ${a.date.d}). Re: ${a.title} [Web log comment]. Retrieved from ${url}`;

// Greedy word wrap at `width` (the OCR's line breaks); a word longer than the width keeps its own line.
function wrapAt(p, width) {
  const lines = wrapTo(width)(p);
  if (lines.join(' ') !== p || lines.some((l) => l === '' || l !== l.trim())) throw new Error(`wrap does not join back: ${p.slice(0, 40)}`);
  return lines;
}

// Shapes of the layouts' furniture (also used by the re-parse).
const SMONTH_RE = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const SDAY_RE = '(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat)';
const LDAY_RE = '(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)';
const LMONTH_RE = `(?:${MONTHS.join('|')})`;
const RE = {
  name: /^[A-Za-z0-9_]+$/,
  pgRow: /^ +(\d+) \| ([A-Za-z0-9_]+) +\| (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) \| /,
  pgRows: /^\((\d+) rows?\)$/,
  gfTime: /^\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d\d [AP]M$/,
  nnEnvelope: new RegExp(`^From ([A-Za-z0-9_]+)@${NN_DOMAIN.replace(/\./g, '\\.')} ${SDAY_RE} ${SMONTH_RE} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}$`),
  nnFrom: new RegExp(`^From: ([A-Za-z0-9_]+) <([A-Za-z0-9_]+)@${NN_DOMAIN.replace(/\./g, '\\.')}>$`),
  nnDate: new RegExp(`^Date: ${SDAY_RE}, \\d{1,2} ${SMONTH_RE} \\d{4} \\d\\d:\\d\\d:\\d\\d -0400$`),
  nnMsgId: /^Message-ID: (<[^<> ]+>)$/,
  nnRefs: /^References: (<[^<> ]+>(?: <[^<> ]+>)*)$/,
  nnLines: /^Lines: (\d+)$/,
  mdBy: new RegExp(`^by ([A-Za-z0-9_]+) - ${LDAY_RE}, \\d{1,2} ${LMONTH_RE} \\d{4}, \\d{1,2}:\\d\\d [AP]M$`),
  mdRating: /^Average of ratings: (?:-|(\d(?:\.\d)?) \((\d+)\))$/,
  apRef: new RegExp(`^([A-Za-z0-9_]+)\\. \\(\\d{4}, ${LMONTH_RE} \\d{1,2}\\)\\. Re: (.+) \\[Web log comment\\]\\. Retrieved from (http://www\\.foxnews\\.com/\\S+)$`),
  ocStatus: /^\d{1,2}:\d\d LTE \u25e2 (\d{1,3})%$/,
  ocHeader: new RegExp(`^([A-Za-z0-9_]+) ${MIDDOT} (\\d+)([mhd])$`),
};

// Per layout: shapes its grammar would read as furniture; no paragraph (or wrapped line) may match one.
const FURNITURE = {
  dw: [/\+$/, RE.pgRows, /^-+\+/, new RegExp(`^${PG_PROMPT}`)],
  dx: [/ \*$/, /^[A-Z]{2}$/, new RegExp(`^${GF_TITLE}$`), /^\d+ responses$/, RE.gfTime],
  dy: [/^From /, /^[A-Z][A-Za-z-]*: /],
  dz: [RE.mdRating, /^Permalink \|/, /^Re: /, /^by [A-Za-z0-9_]+ - /, /\u25ba/, /^Display replies/],
  ea: [RE.apRef, /^Appendix /, /^Reader comments quoted/],
  eb: [RE.ocStatus, RE.ocHeader, new RegExp(`^${OC_APPBAR}$`), new RegExp(`^${OC_COMPOSER.replace(/\./g, '\\.')}$`), new RegExp(`^${OC_NAV}$`)],
};

// The address of each article (comment-url.txt, in article order; the kit checks the count).
function articleUrls(dataDir) {
  return fs.readFileSync(path.join(dataDir, 'comment-url.txt'), 'utf8').split('\n').filter((l) => l.trim() !== '')
    .map((l) => l.trim().replace(/^\d+:/, '').replace(/#$/, ''));
}

// ---------------------------------------------------------------------------------------------
// Page b after its article part (the main flow writes that): thread heading, comments, tails.

function renderPage(b, page, pageNo, article, url) {
  const { doc } = b;
  const d = article.date;
  const eol = page.eol;
  const selected = commentWindow(article, page.window);
  const { order, capped, outside, indexOf } = threadOrder(article, page, selected);
  const { rng, counts } = layoutRngs(SET, page.layout);
  const times = commentTimes(selected, minutesOf(d.y, d.m, d.d, page.startHour, 5 + Math.floor(rng() * 45)), rng, () => page.gaps);
  const extras = { ...timeBounds(selected, times), rated: 0, screenshots: 0, plusLines: 0, refsMax: 0, coders: {} };
  const wrap = page.layout === 'eb' ? (p) => wrapAt(p, OC_WIDTH) : (p) => [p];
  // The paragraphs of every comment (checked against the layout's furniture), in display order.
  const parasOf = new Map(order.map((n) => [n, commentParas(doc, n.c, pageNo, page.paras, FURNITURE[page.layout], wrap)]));
  const push = commentPusher(b, indexOf);
  const secs = new Map(selected.map((c) => [c, Math.floor(counts() * 60)]));

  if (page.layout === 'dw') {
    // psql: the typed query, the column heading (centred names), the rule, one row per comment with
    // `pos | author | posted | body`; a body with line breaks continues on lines whose other cells
    // are blank, every line but the cell's last padded to the column width and marked `+`; the
    // footer `(20 rows)`.
    const first = selected[0].pos + 1;
    b.line('footer', `${PG_PROMPT} SELECT ${PG_COLS.join(', ')} FROM comments WHERE story = 'confederate-flag-debate' AND pos BETWEEN ${first} AND ${first + N_COMMENTS - 1} ORDER BY pos;`);
    const cellLines = (n) => parasOf.get(n).flatMap((p, k) => (k > 0 ? ['', p] : [p]));
    const w = [
      Math.max(PG_COLS[0].length, ...order.map((n) => String(n.c.pos + 1).length)),
      Math.max(PG_COLS[1].length, ...order.map((n) => n.c.user.length)),
      19,
      Math.max(PG_COLS[3].length, ...order.flatMap((n) => cellLines(n).map((l) => l.length))),
    ];
    const centre = (s, width) => ' '.repeat(Math.floor((width - s.length) / 2)) + s + ' '.repeat(width - s.length - Math.floor((width - s.length) / 2));
    b.line('footer', PG_COLS.map((c, j) => centre(c, w[j])).join(' | ').trim(), ' ');
    b.line('footer', w.map((x) => '-'.repeat(x + 2)).join('+'));
    order.forEach((n, i) => {
      const c = n.c;
      b.write(' '.repeat(1 + w[0] - String(c.pos + 1).length));
      const h = b.write(`${c.pos + 1} | ${c.user.padEnd(w[1])} | ${pgStamp(wallClock(times.get(c)), secs.get(c))} |`);
      b.write(' ');
      const lines = cellLines(n);
      let start = null;
      let end = null;
      lines.forEach((l, q) => {
        if (q > 0) {
          b.nl();
          b.write(` ${' '.repeat(w[0])} | ${' '.repeat(w[1])} | ${' '.repeat(w[2])} | `);
        }
        const last = q === lines.length - 1;
        const r = b.write(last ? l : `${l.padEnd(w[3])}+`);
        if (!last) extras.plusLines++;
        if (start === null) start = r.start;
        end = r.end;
      });
      b.nl();
      push(n, i, b.span(start, end), b.span(h.start, h.end));
    });
    b.line('footer', `(${order.length} rows)`);
  } else if (page.layout === 'dx') {
    // Google Forms, all responses printed: `20 responses`, an empty line; per response the form
    // title, then the questions and answers on alternate lines (coder, screen name, time), the last
    // question and the comment text under it. One empty line between responses, which is also the
    // paragraph break inside an answer.
    b.line('footer', `${order.length} responses`);
    b.nl();
    order.forEach((n, i) => {
      const c = n.c;
      if (i > 0) b.nl();
      b.line('footer', GF_TITLE);
      const coder = gfCoder(c.pos);
      extras.coders[coder] = (extras.coders[coder] ?? 0) + 1;
      const hdr = b.headerBlock([GF_LABELS[0], coder, GF_LABELS[1], c.user, GF_LABELS[2], gfTime(wallClock(times.get(c))), GF_LABELS[3]]);
      const span = b.paras(parasOf.get(n));
      b.nl();
      push(n, i, span, hdr);
    });
  } else if (page.layout === 'dy') {
    // mbox of a newsgroup thread: per article the envelope line `From user@… asctime`, the header
    // fields From, Newsgroups, Subject, Date, Message-ID, References (the story's id, then the
    // ancestors' ids: depth = number of ids − 1) and Lines; an empty line; the body (paragraphs
    // separated by an empty line); an empty line before the next envelope line. Thread order.
    const word = article.slug.split('-')[0];
    const idOf = (node) => nnId(word, node.c.pos);
    order.forEach((n, i) => {
      const c = n.c;
      if (i > 0) b.nl();
      const refs = [];
      for (let a = n.parent; a; a = a.parent) refs.unshift(idOf(a));
      refs.unshift(nnStory(word));
      extras.refsMax = Math.max(extras.refsMax, refs.length);
      const ps = parasOf.get(n);
      const w = wallClock(times.get(c));
      const s = secs.get(c);
      const hdr = b.headerBlock([
        `From ${c.user}@${NN_DOMAIN} ${nnEnvelope(w, s)}`,
        `From: ${c.user} <${c.user}@${NN_DOMAIN}>`,
        `Newsgroups: ${NN_GROUP}`,
        `Subject: Re: ${article.title}`,
        `Date: ${nnDate(w, s)}`,
        `Message-ID: ${idOf(n)}`,
        `References: ${refs.join(' ')}`,
        `Lines: ${2 * ps.length - 1}`,
      ]);
      b.nl();
      const span = b.paras(ps);
      b.nl();
      push(n, i, span, hdr);
    });
  } else if (page.layout === 'dz') {
    // Moodle forum discussion, flat: breadcrumbs and the display mode, an empty line; per post the
    // subject `Re: …`, `by user - Thursday, 7 July 2016, 2:09 PM`, the text, `Average of ratings: -`
    // (or `3.5 (2)`) and the links `Permalink | Show parent | Reply`. One empty line between posts.
    b.line('footer', MD_CRUMBS);
    b.line('footer', MD_MODE);
    b.nl();
    order.forEach((n, i) => {
      const c = n.c;
      if (i > 0) b.nl();
      const hdr = b.headerBlock([`Re: ${MD_SUBJECT}`, `by ${c.user} - ${mdDate(wallClock(times.get(c)))}`]);
      const span = b.paras(parasOf.get(n));
      b.nl();
      let rating = '-';
      if (counts() < 0.45) {
        const k = between(counts, 1, 4);
        let sum = 0;
        for (let q = 0; q < k; q++) sum += between(counts, 1, 5);
        rating = `${String(Math.round((10 * sum) / k) / 10)} (${k})`;
        extras.rated++;
      }
      b.line('footer', `Average of ratings: ${rating}`);
      b.line('footer', MD_LINKS);
      push(n, i, span, hdr);
    });
  } else if (page.layout === 'ea') {
    // Word appendix: two heading lines, an empty line; per excerpt the text, then directly under it
    // the APA reference `user. (2016, June 4). Re: <headline> [Web log comment]. Retrieved from <url>`.
    // One empty line between excerpts, which is also the paragraph break inside one.
    for (const l of AP_HEAD) b.line('footer', l);
    b.nl();
    order.forEach((n, i) => {
      if (i > 0) b.nl();
      const span = b.paras(parasOf.get(n));
      b.nl();
      const hdr = b.headerBlock([apaRef(n.c.user, article, url)]);
      push(n, i, span, hdr);
    });
  } else if (page.layout === 'eb') {
    // OCR of screenshots: per screenshot the status bar `2:41 LTE ◢ 87%`, `← Comments`, an empty
    // line, the comments (header `user · 2d`, the text wrapped at 38 columns, paragraphs and comments
    // separated by one empty line), an empty line, `Write a comment...` and the navigation bar
    // `III O <`. One empty line between screenshots. A screenshot holds OC_SCREEN lines of comments.
    let shot = extras.firstTime + 1440 + between(counts, 30, 200);
    let battery = between(counts, 70, 95);
    const height = (n) => 1 + parasOf.get(n).reduce((s, p, k) => s + wrap(p).length + (k > 0 ? 1 : 0), 0);
    const groups = [];
    for (const n of order) {
      const g = groups[groups.length - 1];
      const used = g ? g.reduce((s, x) => s + height(x) + 1, 0) : Infinity;
      if (g && used + height(n) <= OC_SCREEN) g.push(n);
      else groups.push([n]);
    }
    let i = 0;
    groups.forEach((g, gi) => {
      if (gi > 0) {
        b.nl();
        shot += between(counts, 0, 1);
        battery -= between(counts, 0, 1);
      }
      extras.screenshots++;
      b.line('footer', `${ocClock(wallClock(shot))} LTE \u25e2 ${battery}%`);
      b.line('footer', OC_APPBAR);
      b.nl();
      for (const n of g) {
        const hdr = b.headerBlock([`${n.c.user} ${MIDDOT} ${ocAge(shot - times.get(n.c))}`]);
        const span = b.paras(parasOf.get(n), { wrap });
        b.nl(2);
        push(n, i++, span, hdr);
      }
      b.line('footer', OC_COMPOSER);
      b.line('footer', OC_NAV);
    });
    extras.shotTimes = true;
  } else throw new Error(page.layout);

  if (b.s.endsWith(page.eol + page.eol)) throw new Error(`${doc}: page ends with an empty line`);
  return { doc, layout: page.layout, page, article, url, text: b.s, recs: b.sortedRecords(), order, selected, capped, outside, extras, times };
}

// ---------------------------------------------------------------------------------------------
// Independent re-parse

const ARTICLE_KIND = [
  ['dateline', new RegExp(`^(?:\\d{4}-\\d\\d-\\d\\d 06:00:00-04|${SMONTH_RE} \\d{1,2}, \\d{4}, 6:00:00 AM|\\d{1,2} ${SMONTH_RE} \\d{4} 10:00:00 GMT|${LDAY_RE}, \\d{1,2} ${LMONTH_RE} \\d{4}, 6:00 AM|\\d{4}, ${LMONTH_RE} \\d{1,2}|\\d{1,2} ${SMONTH_RE} \\d{4} 6:00 am)$`)],
  ['caption', / Image credit: Associated Press$| Photograph: USDA$| Photograph by Getty Images$| Picture alliance\/dpa$| Reuters photograph$| Photo courtesy of AP$/],
  ['source', /^(?:Scraped from foxnews\.com|Coded from Fox News|Originally on Fox News|Via foxnews\.com|Posted at foxnews\.com|Text: Fox News)$/],
];
const classify = classifier(ARTICLE_KIND);

/**
 * Independent re-parse of one page by its layout's grammar. Uses only the page text and the layout
 * name, not the generator's bookkeeping; returns the records the page implies.
 */
function reparse(doc, layout, text, eol) {
  const rp = reparser(doc, text, eol);
  const { L, err, plain, pushComment, paras, headerOf, textEnd } = rp;
  let k = rp.article(classify);
  const n = L.length;
  const title = L[0].text;

  if (layout === 'dw') {
    if (!L[k].text.startsWith(`${PG_PROMPT} SELECT `) || !L[k].text.endsWith(';')) err('dw: no query line');
    plain(L[k++], 'footer');
    const head = L[k];
    const rule = L[k + 1];
    if (!/^ pos \| +author +\| +posted +\| +body$/.test(head?.text ?? '') || !/^-+\+-+\+-+\+-+$/.test(rule?.text ?? '')) err('dw: heading or rule');
    plain(head, 'footer');
    plain(rule, 'footer');
    k += 2;
    // column boundaries from the rule: the body cell starts two columns after the last `+`
    const plusAt = [...rule.text.matchAll(/\+/g)].map((m) => m.index);
    const bodyCol = plusAt[2] + 2;
    const bodyWidth = rule.text.length - plusAt[2] - 3;
    const contPrefix = [...head.text.slice(0, plusAt[2] + 1)].map((ch, j) => (plusAt.includes(j) ? '|' : ' ')).join('') + ' ';
    let lastPos = -1;
    let rows = 0;
    while (k < n && !RE.pgRows.test(L[k].text)) {
      const m = RE.pgRow.exec(L[k].text);
      if (!m || plusAt.some((x) => L[k].text[x] !== '|') || L[k].text.slice(0, plusAt[0]).trim() !== m[1]) err(`dw: bad row line ${k}`);
      if (+m[1] <= lastPos) err(`dw: pos not growing at ${k}`);
      lastPos = +m[1];
      let e = k;
      while (L[e].text.endsWith('+')) {
        if (L[e].text.length !== bodyCol + bodyWidth + 1) err(`dw: wrap mark not at the column end at ${e}`);
        e++;
        if (!L[e].text.startsWith(contPrefix)) err(`dw: bad continuation line ${e}`);
      }
      if (L[e].text.length > bodyCol + bodyWidth || L[e].text.length <= bodyCol || L[e].text[bodyCol] === ' ') err(`dw: bad last line ${e}`);
      // the cell's lines: paragraphs separated by exactly one empty line
      const cell = L.slice(k, e + 1).map((l) => l.text.slice(bodyCol).replace(/ *\+$/, ''));
      cell.forEach((x, q) => {
        if (x === '' ? q === 0 || q === cell.length - 1 || cell[q - 1] === '' : x !== x.trim()) err(`dw: bad paragraph in row ${k}`);
      });
      pushComment(L[k].start + bodyCol, L[e].end, m[2], 0, { start: L[k].start + L[k].text.indexOf(m[1]), end: L[k].start + plusAt[2] + 1 });
      rows++;
      k = e + 1;
    }
    const m = RE.pgRows.exec(L[k]?.text ?? '');
    if (!m || +m[1] !== rows || k !== n - 1) err('dw: row count line');
    plain(L[k], 'footer');
  } else if (layout === 'dx') {
    const m = /^(\d+) responses$/.exec(L[k]?.text ?? '');
    if (!m || L[k + 1]?.text !== '') err('dx: responses line');
    plain(L[k], 'footer');
    k += 2;
    let count = 0;
    while (k < n) {
      if (L[k].text !== GF_TITLE) err(`dx: no form title at ${k}`);
      plain(L[k], 'footer');
      const h = k + 1;
      const v = (j) => L[h + j]?.text ?? '';
      if (v(0) !== GF_LABELS[0] || !GF_CODERS.includes(v(1)) || v(2) !== GF_LABELS[1] || !RE.name.test(v(3)) || v(4) !== GF_LABELS[2] || !RE.gfTime.test(v(5)) || v(6) !== GF_LABELS[3]) err(`dx: bad response block at ${h}`);
      const s = h + 7;
      const e = textEnd(s, (q) => L[q].text !== GF_TITLE);
      paras(s, e);
      pushComment(L[s].start, L[e].end, v(3), 0, headerOf(h, h + 6));
      count++;
      k = e + 1;
      if (k < n) {
        if (L[k].text !== '' || L[k + 1]?.text !== GF_TITLE) err(`dx: responses not separated by one empty line at ${k}`);
        k++;
      }
    }
    if (count !== +m[1]) err('dx: response count');
  } else if (layout === 'dy') {
    const idIndex = new Map(); // Message-ID -> [comment index, depth]
    let story = null;
    while (k < n) {
      const f = (j) => L[k + j]?.text ?? '';
      const env = RE.nnEnvelope.exec(f(0));
      const from = RE.nnFrom.exec(f(1));
      const id = RE.nnMsgId.exec(f(5));
      const refs = RE.nnRefs.exec(f(6));
      const lines = RE.nnLines.exec(f(7));
      if (!env || !from || from[1] !== env[1] || from[2] !== env[1] || f(2) !== `Newsgroups: ${NN_GROUP}` || f(3) !== `Subject: Re: ${title}` || !RE.nnDate.test(f(4)) || !id || !refs || !lines || f(8) !== '') err(`dy: bad header block at ${k}`);
      const ids = refs[1].split(' ');
      if (story === null) story = ids[0];
      if (ids[0] !== story) err(`dy: thread root differs at ${k}`);
      const depth = ids.length - 1;
      const s = k + 9;
      const e = textEnd(s, (q) => !RE.nnEnvelope.test(L[q].text));
      if (e - s + 1 !== +lines[1]) err(`dy: Lines: ${lines[1]} for ${e - s + 1} lines at ${k}`);
      paras(s, e);
      const rec = pushComment(L[s].start, L[e].end, from[1], depth, headerOf(k, k + 7));
      // the parent by the page's own grammar (the last reference) must be the guideline's parent
      if (depth > 0) {
        const par = idIndex.get(ids[ids.length - 1]);
        if (!par || par[0] !== rec.parent) err(`dy: References do not match the thread order at ${k}`);
      }
      if (idIndex.has(id[1])) err('dy: duplicate Message-ID');
      idIndex.set(id[1], [rec.index, depth]);
      k = e + 1;
      if (k < n) {
        if (L[k].text !== '' || !RE.nnEnvelope.test(L[k + 1]?.text ?? '')) err(`dy: articles not separated by one empty line at ${k}`);
        k++;
      }
    }
  } else if (layout === 'dz') {
    if (L[k]?.text !== MD_CRUMBS || L[k + 1]?.text !== MD_MODE || L[k + 2]?.text !== '') err('dz: heading');
    plain(L[k], 'footer');
    plain(L[k + 1], 'footer');
    k += 3;
    while (k < n) {
      const by = RE.mdBy.exec(L[k + 1]?.text ?? '');
      if (L[k].text !== `Re: ${MD_SUBJECT}` || !by) err(`dz: bad post header at ${k}`);
      const s = k + 2;
      const e = textEnd(s, (q) => !RE.mdRating.test(L[q].text));
      if (!RE.mdRating.test(L[e + 1]?.text ?? '') || L[e + 2]?.text !== MD_LINKS) err(`dz: bad widget lines after ${e}`);
      paras(s, e);
      pushComment(L[s].start, L[e].end, by[1], 0, headerOf(k, k + 1));
      plain(L[e + 1], 'footer');
      plain(L[e + 2], 'footer');
      k = e + 3;
      if (k < n) {
        if (L[k].text !== '' || L[k + 1]?.text === '') err(`dz: posts not separated by one empty line at ${k}`);
        k++;
      }
    }
  } else if (layout === 'ea') {
    if (L[k]?.text !== AP_HEAD[0] || L[k + 1]?.text !== AP_HEAD[1] || L[k + 2]?.text !== '') err('ea: heading');
    plain(L[k], 'footer');
    plain(L[k + 1], 'footer');
    k += 3;
    while (k < n) {
      let u = k;
      while (u < n && !RE.apRef.test(L[u].text)) u++;
      if (u === k || u >= n) err(`ea: no reference after line ${k}`);
      const m = RE.apRef.exec(L[u].text);
      if (m[2] !== title) err(`ea: reference title at ${u}`);
      paras(k, u - 1);
      pushComment(L[k].start, L[u - 1].end, m[1], 0, headerOf(u, u));
      k = u + 1;
      if (k < n) {
        if (L[k].text !== '' || L[k + 1]?.text === '') err(`ea: excerpts not separated by one empty line at ${k}`);
        k++;
      }
    }
  } else if (layout === 'eb') {
    let lastBattery = Infinity;
    while (k < n) {
      const st = RE.ocStatus.exec(L[k]?.text ?? '');
      if (!st || L[k + 1]?.text !== OC_APPBAR || L[k + 2]?.text !== '') err(`eb: bad screenshot head at ${k}`);
      if (+st[1] > lastBattery) err(`eb: battery grows at ${k}`);
      lastBattery = +st[1];
      plain(L[k], 'footer');
      plain(L[k + 1], 'footer');
      k += 3;
      let inShot = 0;
      let shotComments = 0;
      while (L[k]?.text !== OC_COMPOSER) {
        const h = RE.ocHeader.exec(L[k]?.text ?? '');
        if (!h) err(`eb: bad comment header at ${k}`);
        const s = k + 1;
        const e = textEnd(s, (q) => !RE.ocHeader.test(L[q].text) && L[q].text !== OC_COMPOSER, true);
        paras(s, e, { width: OC_WIDTH });
        pushComment(L[s].start, L[e].end, h[1], 0, headerOf(k, k));
        if (L[e + 1]?.text !== '' || L[e + 2]?.text === '') err(`eb: no single empty line after the comment at ${e}`);
        inShot += e - k + 2;
        shotComments++;
        k = e + 2;
      }
      if (shotComments > 1 && inShot > OC_SCREEN + 1) err(`eb: screenshot too tall at ${k}`);
      if (L[k + 1]?.text !== OC_NAV) err(`eb: no navigation bar at ${k}`);
      plain(L[k], 'footer');
      plain(L[k + 1], 'footer');
      k += 2;
      if (k < n) {
        if (L[k].text !== '' || !RE.ocStatus.test(L[k + 1]?.text ?? '')) err(`eb: screenshots not separated by one empty line at ${k}`);
        k++;
      }
    }
  } else err('layout');
  return rp.records();
}

// The paragraphs of comment record c as in the dataset text (dw: the cell lines without the blank
// cells, padding and wrap marks; eb: wrapped lines joined with a space).
function partsOf(p, c) {
  const eol = p.page.eol;
  if (p.layout === 'dw') {
    const lines = c.text.split(eol).map((l, q) => (q === 0 ? l : l.replace(/^[ |]*\| /, '')).replace(/ *\+$/, ''));
    const parts = [];
    let cur = [];
    for (const l of lines) {
      if (l === '') {
        parts.push(cur.join(' '));
        cur = [];
      } else cur.push(l);
    }
    parts.push(cur.join(' '));
    return parts;
  }
  const parts = c.text.split(eol + eol);
  if (p.layout === 'eb') return parts.map((x) => x.split(eol).join(' '));
  return parts;
}

const CHECK = {
  layouts: ['dw', 'dx', 'dy', 'dz', 'ea', 'eb'],
  reparse,
  tabs: false,
  forbidden: /[\u00a0\u200b-\u200d\u200f\u202f\u000b\f]/,
  allowParas: (p) => p.page.paras,
  partsOf,
  textChecks: (ctx) => {
    const { p, text: t, rs, fail } = ctx;
    const count = (re) => (t.match(re) ?? []).length;
    const only = (re, layout, want) => {
      const got = count(re);
      if (got !== (p.layout === layout ? want : 0)) fail(`${p.doc}: ${got} × ${re.source}`);
    };
    // BOM and CRLF only on ea
    if (p.page.bom !== (p.layout === 'ea') || (p.page.eol === '\r\n') !== (p.layout === 'ea') || t.includes('\r') !== (p.layout === 'ea')) fail(`${p.doc}: BOM/CRLF only on ea`);
    if (p.layout === 'ea' && /\r(?!\n)|(?<!\r)\n/.test(t)) fail(`${p.doc}: stray CR or LF`);
    // Special characters only where the layout puts them
    only(/\u25ba/g, 'dz', 4);
    only(/\u2190/g, 'eb', p.extras.screenshots);
    only(/\u25e2/g, 'eb', p.extras.screenshots);
    only(/\u00b7/g, 'eb', N_COMMENTS);
    only(/\+$/gm, 'dw', p.extras.plusLines);
    // U+2060 (WORD JOINER) only inside dataset comment texts (Texas 234, on dy)
    const wj = rs.filter((r) => r.kind === 'comment').reduce((s, r) => s + (r.text.match(/\u2060/g) ?? []).length, 0);
    if (count(/\u2060/g) !== wj || (wj > 0) !== (p.layout === 'dy')) fail(`${p.doc}: U+2060 outside the comment texts or off dy`);
    // Non-ASCII characters: only the known ones
    const allowed = /[\u2060\u201c\u201d\u2026\u25ba\u2190\u25e2\u00b7]/;
    for (const ch of new Set(t.match(/[^\x20-\x7e\r\n]/g) ?? [])) if (!allowed.test(ch)) fail(`${p.doc}: unexpected character U+${ch.charCodeAt(0).toString(16)}`);
  },
  pageChecks: (ctx) => {
    const { p, cs, srcOf, fail } = ctx;
    const eol = p.page.eol;
    checkWindowSelection(p, fail);
    let lastTime = -Infinity;
    for (const c of cs) {
      const src = srcOf.get(c);
      if (!src) continue;
      const gap = headerGap(p, c, src, fail, 'ea', 'reference');
      const wantGap = { dw: ' ', dx: eol, dy: eol + eol, dz: eol, ea: eol, eb: eol }[p.layout];
      if (gap !== wantGap) fail(`${p.doc}: #${c.index} gap between header and text ${JSON.stringify(gap)}`);
      const w = wallClock(p.times.get(src));
      if (p.layout === 'dw') {
        const m = /^(\d+) \| ([A-Za-z0-9_]+) +\| (\S+ \S+) \|$/.exec(c.header.text);
        if (!m || +m[1] !== src.pos + 1 || m[2] !== src.user || !m[3].startsWith(`${w.y}-${pad2(w.m)}-${pad2(w.d)} ${pad2(w.hh)}:${pad2(w.mm)}:`)) fail(`${p.doc}: #${c.index} psql row`);
        if (c.text.split(eol).slice(1).some((l) => !/^ +\| +\| +\| /.test(l))) fail(`${p.doc}: #${c.index} continuation line`);
      }
      if (p.layout === 'dx') {
        const lines = c.header.text.split(eol);
        if (lines.length !== 7 || lines[1] !== gfCoder(src.pos) || lines[3] !== src.user || lines[5] !== gfTime(w)) fail(`${p.doc}: #${c.index} form answers`);
        if (slice(p, c.header.start - GF_TITLE.length - eol.length, c.header.start) !== GF_TITLE + eol) fail(`${p.doc}: #${c.index} form title not above the header`);
      }
      if (p.layout === 'dy') {
        const lines = c.header.text.split(eol);
        if (lines.length !== 8 || lines[1] !== `From: ${src.user} <${src.user}@${NN_DOMAIN}>` || !lines[4].startsWith(`Date: ${SHORT_DAYS[w.wd]}, ${w.d} `) || lines[5] !== `Message-ID: ${nnId('texas', src.pos)}`) fail(`${p.doc}: #${c.index} article header`);
        const nRefs = lines[6].split(' ').length - 1;
        if (nRefs !== c.depth + 1) fail(`${p.doc}: #${c.index} References for depth ${c.depth}`);
        if (c.parent !== null && !lines[6].endsWith(` ${nnId('texas', srcOf.get(cs[c.parent]).pos)}`)) fail(`${p.doc}: #${c.index} last reference is not the parent`);
        if (lines[7] !== `Lines: ${c.text.split(eol).length}`) fail(`${p.doc}: #${c.index} Lines`);
      }
      if (p.layout === 'dz' && c.header.text !== `Re: ${MD_SUBJECT}${eol}by ${src.user} - ${mdDate(w)}`) fail(`${p.doc}: #${c.index} Moodle header`);
      if (p.layout === 'dz' && !slice(p, c.end, c.end + 200).startsWith(`${eol}Average of ratings: `)) fail(`${p.doc}: #${c.index} ratings line`);
      if (p.layout === 'ea' && c.header.text !== apaRef(src.user, p.article, p.url)) fail(`${p.doc}: #${c.index} APA reference`);
      if (p.layout === 'eb') {
        const m = RE.ocHeader.exec(c.header.text);
        if (!m || m[1] !== src.user) fail(`${p.doc}: #${c.index} OCR header`);
        if (c.text.split(eol).some((l) => l.length > OC_WIDTH && l.includes(' '))) fail(`${p.doc}: #${c.index} line longer than ${OC_WIDTH}`);
      }
      // Times shown on the page grow down the page on flat pages
      if (!p.page.nested) {
        const t = p.times.get(src);
        if (t < lastTime) fail(`${p.doc}: #${c.index} time out of order`);
        lastTime = t;
      }
    }
    checkWindowParents(ctx);
    if (p.page.nested && cs.filter((c) => c.depth >= 1).length < 5) fail(`${p.doc}: fewer than 5 replies`);
    if (p.page.nested && p.capped < 1) fail(`${p.doc}: the depth cap re-attaches nothing`);
    if (p.page.nested && p.outside < 1) fail(`${p.doc}: no reply with its parent off the page`);
    // eb: ages agree with the comment times (older comments show larger ages within a screenshot)
    if (p.layout === 'eb' && p.extras.screenshots < 3) fail(`${p.doc}: fewer than 3 screenshots`);
  },
  summaryTail: (p, cs) => {
    const x = p.extras;
    const span = timeSpan(x);
    const special = {
      dw: `${span}; wrap-marked lines ${x.plusLines}`,
      dx: `${span}; coders ${JSON.stringify(x.coders)}`,
      dy: `${span}; depth 4: ${cs.filter((c) => c.depth === 4).length}; most References ${x.refsMax}; replies with the parent off the page ${p.outside}`,
      dz: `${span}; rated posts ${x.rated}`,
      ea: `${span} (not shown)`,
      eb: `${span}; screenshots ${x.screenshots}`,
    }[p.layout];
    return `; ${special}` + cappedNote(p);
  },
};

// ---------------------------------------------------------------------------------------------
// Main flow: the kit's runBlindSet, each page with its own doc suffix, each article with its URL

runBlindSet(SET, PAGES, renderPage, CHECK, { extra: (dataDir) => {
  const urls = articleUrls(dataDir);
  return (article) => urls[article.index];
} });
