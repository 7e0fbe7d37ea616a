#!/usr/bin/env node
// Held-out segmentation pages, set Z (layouts eu–ez).
//
// Builds tests/heldout-z/pages/*.txt and tests/heldout-z/segment.gold.jsonl from the Fox News
// comments dataset, then re-reads the files from disk and checks them (see tests/heldout-z/README.md).
//
//   node scripts/build-heldout-z-pages.mjs                 # shared dir defaults to <repo>/../shared
//   node scripts/build-heldout-z-pages.mjs /path/to/shared
//
// Plain Node >= 20, no dependencies. It imports scripts/lib/blind-set-kit.mjs (dataset loading,
// slug rule, comment window, reply tree, comment times, paragraph splits, page writer, article part,
// output, the re-parse frame and the layout-independent checks) and keeps its layouts here. Each
// page takes a window of 20 consecutive comments of one article in dataset order and gets its own
// doc suffix through the kit's runBlindSet. It reads nothing but the dataset (through the kit),
// reads no clock, and its only randomness is a fixed-seed PRNG, so two runs give byte-identical
// output. Gold offsets are taken while the page text is being written, never by searching the
// finished text.

import {
  MONTHS, SHORT_MONTHS, DAYS, SHORT_DAYS, classifier, commentParas, commentTimes, layoutRngs,
  minutesOf, pad2, reparser, runBlindSet, wallClock, cappedNote, N_COMMENTS,
  h12, commentWindow, threadOrder, checkWindowParents, timeSpan, checkWindowSelection, headerGap, ordinal,
  timeBounds, commentPusher, perUser, slice, partsOf,
} from './lib/blind-set-kit.mjs';

const SET = 'z';

// A whole number in [lo, hi] from a PRNG.
const between = (rng, lo, hi) => lo + Math.floor(rng() * (hi - lo + 1));
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pad4 = (n) => String(n).padStart(4, '0');

// ---------------------------------------------------------------------------------------------
// Fixed words of the layouts

// eu: the journal of the researcher's collector service, printed by `journalctl -u foxcomments`
// (short output, systemd of 2016): the `-- Logs begin at … --` line, the unit's start, then one
// line per logged comment `Jul 07 08:17:03 newsbox foxcomments[2314]: user: text`, then the
// collector's closing message.
const JN_HOST = 'newsbox';
const JN_UNIT = 'foxcomments';
const JN_START_MSG = 'Started Fox News comment collector.';
const JN_END_MSG = (n) => `stored ${n} comments, sleeping 600 s`;
// ev: an ATLAS.ti 7 quotation report (Output > Quotations, with codes and memos): a report head
// between two rules, then per quotation `P 1: 0031-user.txt - 1:1 [first words..]  (1:1)   (Super)`,
// `Codes:  [code] [code]`, `No memos`, an empty line and the quotation's text.
const AT_RULE = '_'.repeat(70);
const AT_USER = 'Super';
const AT_CODES = ['merit', 'race', 'universities', 'courts', 'income', 'sarcasm', 'personal story'];
// ew: a PerlMonks-style thread (print w/replies), copied from the browser: per node the title
// `Re: <headline>` (`Re^2:`, `Re^3:` … one level deeper each) and the byline
// `by user (Novice) on Aug 17, 2016 at 12:26 UTC ( #1168213=note: print w/replies, xml ) Need Help??`,
// then the text. No indentation: the depth is in the title's `Re^N`.
const PM_LEVELS = ['Initiate', 'Novice', 'Acolyte', 'Scribe', 'Monk', 'Pilgrim', 'Friar', 'Hermit'];
// ex: a Topix forum thread copied from the browser: name, place, `#61 Mar 30, 2016`, the text and
// the link line `Reply » | Report Abuse | Judge it!`.
const TX_WIDGET = 'Reply \u00bb | Report Abuse | Judge it!';
const TX_PLACES = ['Houston, TX', 'Tulsa, OK', 'Dayton, OH', 'Mobile, AL', 'Boise, ID', 'Fresno, CA', 'Toledo, OH',
  'Macon, GA', 'Reno, NV', 'Erie, PA', 'Ocala, FL', 'Joplin, MO', 'Provo, UT', 'Biloxi, MS', 'Duluth, MN', 'Yakima, WA'];
// ey: WordPress comments in the old "Classic" theme: the heading `165 Comments »`, per comment the
// text and under it `Comment by user — June 16, 2016 @ 2:26 pm`, then the feed line and the form heading.
const WP_FEED = 'RSS feed for comments on this post. TrackBack URL';
const WP_FORM = 'Leave a comment';
// ez: the replay of a CoveritLive live blog, copied from the browser: per reader comment the time
// `8:26` on its own line, then `Comment From user: text`.
const CL_FROM = 'Comment From';

const PAGES = [
  { layout: 'eu', article: 'german-lawmakers', window: 50, suffix: 'z', eol: '\n', bom: false, nested: false, paras: false, gaps: [2, 25], startHour: 8,
    dateline: (d) => `${pad2(d.d)}-${SHORT_MONTHS[d.m - 1]}-${d.y}`,
    before: [], bodyParas: 1,
    after: [['caption', 'German parliamentarians cast their votes. Photo by Reuters'], ['source', 'Obtained from foxnews.com']] },
  { layout: 'ev', article: 'supreme-court', window: 30, suffix: 'z', eol: '\n', bom: false, nested: false, paras: true, gaps: [3, 40], startHour: 10,
    dateline: (d) => `${pad2(d.d)}.${pad2(d.m)}.${String(d.y).slice(2)}`,
    before: [], bodyParas: 1,
    after: [['caption', "The high court's marble steps in the rain. (AFP/Getty)"], ['source', 'Recorded from foxnews.com']] },
  { layout: 'ew', article: 'ice-program', window: 30, suffix: 'z', eol: '\n', bom: false, nested: true, cap: 4, paras: true, gaps: [2, 25], startHour: 12,
    dateline: (d) => `${DAYS[d.wd]}, ${d.d} ${MONTHS[d.m - 1]}, ${d.y}`,
    before: [], bodyParas: 1,
    after: [['caption', 'Immigration agents during an arrest in Los Angeles. Photograph: AP'], ['source', 'Acquired from foxnews.com']] },
  { layout: 'ex', article: 'states-moving', window: 40, suffix: 'z', eol: '\n', bom: false, nested: false, paras: true, gaps: [3, 40], startHour: 9,
    dateline: (d) => `${MONTHS[d.m - 1]} ${ordinal(d.d)} ${d.y}`,
    before: [], bodyParas: 1,
    after: [['caption', 'A food stamp sign in a shop window. Picture: Reuters'], ['source', 'Transcribed from foxnews.com']] },
  { layout: 'ey', article: 'fury-as-feminist', window: 44, suffix: 'z', eol: '\n', bom: false, nested: false, paras: true, gaps: [4, 45], startHour: 11,
    dateline: (d) => `${d.y}, ${MONTHS[d.m - 1]} ${d.d}`,
    before: [], bodyParas: 1,
    after: [['caption', 'A lagoon at a resort in Orlando. Image: AFP'], ['source', 'Preserved from foxnews.com']] },
  { layout: 'ez', article: 'black-lives-matter', window: 5, suffix: 'z', eol: '\n', bom: false, nested: false, paras: true, gaps: [1, 12], startHour: 7,
    dateline: (d) => `${SHORT_MONTHS[d.m - 1]} ${ordinal(d.d)} ${d.y}`,
    before: [['caption', 'Demonstrators march in Chicago. (Shutterstock)']], bodyParas: 1,
    after: [['source', 'Logged from foxnews.com']] },
];

// Formats (w: wallClock parts; s: seconds).
const jnStamp = (w, s) => `${SHORT_MONTHS[w.m - 1]} ${pad2(w.d)} ${pad2(w.hh)}:${pad2(w.mm)}:${pad2(s)}`;
const jnLong = (w, s) => `${SHORT_DAYS[w.wd]} ${w.y}-${pad2(w.m)}-${pad2(w.d)} ${pad2(w.hh)}:${pad2(w.mm)}:${pad2(s)} EDT`;
const pmDate = (w) => `${SHORT_MONTHS[w.m - 1]} ${pad2(w.d)}, ${w.y} at ${pad2(w.hh)}:${pad2(w.mm)} UTC`;
const txDate = (w) => `${SHORT_MONTHS[w.m - 1]} ${w.d}, ${w.y}`;
const wpWhen = (w) => `${MONTHS[w.m - 1]} ${w.d}, ${w.y} @ ${h12(w.hh)}:${pad2(w.mm)} ${w.hh < 12 ? 'am' : 'pm'}`;
const clTime = (w) => `${h12(w.hh)}:${pad2(w.mm)}`;
const atDoc = (c) => `${pad4(c.pos + 1)}-${c.user}.txt`;
const atP = (k) => (k < 10 ? `P ${k}` : `P${k}`);
// ATLAS.ti names a quotation by its first characters, cut with `..` when longer.
const atName = (text) => (text.length <= 30 ? text : `${text.slice(0, 30).trimEnd()}..`);
const pmTitle = (depth, headline) => `${depth === 0 ? 'Re' : `Re^${depth + 1}`}: ${headline}`;

// Shapes of the layouts' furniture (also used by the re-parse).
const RE = {
  jnBegin: /^-- Logs begin at .*, end at .*\. --$/,
  jnLine: new RegExp(`^([A-Z][a-z]{2} \\d\\d \\d\\d:\\d\\d:\\d\\d ${JN_HOST} )(.*)$`),
  jnComment: new RegExp(`^([A-Z][a-z]{2} \\d\\d \\d\\d:\\d\\d:\\d\\d ${JN_HOST} ${JN_UNIT}\\[\\d+\\]: ([A-Za-z0-9_]+):) (.*)$`),
  atHead: /^P ?(\d+): (\d{4})-([A-Za-z0-9_]+)\.txt - (\d+):1 \[.*\] {2}\(1:\d+\) {3}\(Super\)$/,
  atCodes: /^Codes: {2}(?:\[[a-z ]+\] ?)+$/,
  pmTitle: /^Re(?:\^(\d+))?: (.*)$/,
  pmBy: /^by ([A-Za-z0-9_]+) \(([A-Z][a-z]+)\) on [A-Z][a-z]{2} \d\d, \d{4} at \d\d:\d\d UTC \( #\d+=note: print w\/replies, xml \) Need Help\?\?$/,
  txTime: /^#(\d+) [A-Z][a-z]{2} \d{1,2}, \d{4}$/,
  txPlace: /^[A-Z][a-z]+, [A-Z]{2}$/,
  wpHead: /^\d+ Comments \u00bb$/,
  wpBy: /^Comment by ([A-Za-z0-9_]+) \u2014 [A-Z][a-z]+ \d{1,2}, \d{4} @ \d{1,2}:\d\d [ap]m$/,
  clTime: /^\d{1,2}:\d\d$/,
  clLine: new RegExp(`^(${CL_FROM} ([A-Za-z0-9_]+):) (.*)$`),
};

// Per layout: shapes its grammar would read as furniture; no paragraph may match one.
const FURNITURE = {
  eu: [/^-- /, /^[A-Z][a-z]{2} \d\d \d\d:/],
  ev: [/^P ?\d+: /, /^Codes:/, /^No memos$/, /^_{5,}/, /^(?:Report|HU|File|Edited by|Date\/Time):/],
  ew: [/^Re(?:\^\d+)?: /, /^by [A-Za-z0-9_]+ \(/],
  ex: [/^#\d+ /, RE.txPlace, /^Reply /, /^[A-Za-z0-9_]+$/],
  ey: [/^Comment by /, /Comments \u00bb$/, /^RSS feed/, /^Leave a comment$/],
  ez: [RE.clTime, new RegExp(`^${CL_FROM} `)],
};

// ---------------------------------------------------------------------------------------------
// Page b after its article part (the main flow writes that): thread heading, comments, tails.

function renderPage(b, page, pageNo, article) {
  const { doc } = b;
  const d = article.date;
  const selected = commentWindow(article, page.window);
  const { order, capped, outside, indexOf } = threadOrder(article, page, selected);
  const { rng, counts } = layoutRngs(SET, page.layout);
  const times = commentTimes(selected, minutesOf(d.y, d.m, d.d, page.startHour, 5 + Math.floor(rng() * 45)), rng, () => page.gaps);
  const extras = { ...timeBounds(selected, times), secs: [], codes: [], levels: [], nodes: [], places: [] };
  // The paragraphs of every comment (checked against the layout's furniture), in display order.
  const parasOf = new Map(order.map((n) => [n, commentParas(doc, n.c, pageNo, page.paras, FURNITURE[page.layout])]));
  const push = commentPusher(b, indexOf);

  if (page.layout === 'eu') {
    // journalctl: the `-- Logs begin … --` line, the unit start, one line per comment, the
    // collector's closing line; no empty line anywhere.
    const pid = between(counts, 1200, 4800);
    const begin = extras.firstTime - between(counts, 300, 900);
    const beginSec = between(counts, 0, 59);
    const startT = extras.firstTime - between(counts, 1, 4);
    const startSec = between(counts, 0, 59);
    const secs = order.map(() => between(counts, 0, 59));
    const endT = extras.lastTime + between(counts, 1, 3);
    const endSec = between(counts, 0, 59);
    extras.secs = secs;
    extras.pid = pid;
    b.line('footer', `-- Logs begin at ${jnLong(wallClock(begin), beginSec)}, end at ${jnLong(wallClock(endT), endSec)}. --`);
    b.line('footer', `${jnStamp(wallClock(startT), startSec)} ${JN_HOST} systemd[1]: ${JN_START_MSG}`);
    order.forEach((n, i) => {
      const h = b.write(`${jnStamp(wallClock(times.get(n.c)), secs[i])} ${JN_HOST} ${JN_UNIT}[${pid}]: ${n.c.user}:`);
      b.write(' ');
      const span = b.paras(parasOf.get(n), { firstOpen: true });
      b.nl();
      push(n, i, span, b.span(h.start, h.end));
    });
    b.line('footer', `${jnStamp(wallClock(endT), endSec)} ${JN_HOST} ${JN_UNIT}[${pid}]: ${JN_END_MSG(order.length)}`);
  } else if (page.layout === 'ev') {
    // ATLAS.ti 7 quotation report: the report head between two rules, an empty line; per quotation
    // the three header lines, an empty line and the text; one empty line between quotations.
    const made = extras.lastTime + between(counts, 60 * 24 * 3, 60 * 24 * 9);
    const mw = wallClock(made);
    const hu = 'affirmative-action-comments';
    b.line('footer', AT_RULE);
    b.nl();
    b.line('footer', `Report: ${order.length} quotation(s) for ${order.length} selected PD(s)`);
    b.line('footer', `HU:         ${hu}`);
    b.line('footer', `File:       [C:\\Users\\coder\\Documents\\Scientific Software\\ATLASti\\TextBank\\${hu}.hpr7]`);
    b.line('footer', `Edited by:  ${AT_USER}`);
    b.line('footer', `Date/Time:  ${mw.y}-${pad2(mw.m)}-${pad2(mw.d)} ${pad2(mw.hh)}:${pad2(mw.mm)}:${pad2(between(counts, 0, 59))}`);
    b.line('footer', AT_RULE);
    b.nl();
    order.forEach((n, i) => {
      const c = n.c;
      if (i > 0) b.nl();
      const ps = parasOf.get(n);
      const k = i + 1;
      const nCodes = between(counts, 1, 2);
      const codes = [];
      while (codes.length < nCodes) {
        const x = AT_CODES[between(counts, 0, AT_CODES.length - 1)];
        if (!codes.includes(x)) codes.push(x);
      }
      extras.codes.push(codes);
      const lines = [
        `${atP(k)}: ${atDoc(c)} - ${k}:1 [${atName(c.text)}]  (1:${2 * ps.length - 1})   (${AT_USER})`,
        `Codes:  ${codes.map((x) => `[${x}]`).join(' ')}`,
        'No memos',
      ];
      const hdr = b.headerBlock(lines);
      b.nl();
      const span = b.paras(ps);
      b.nl();
      push(n, i, span, hdr);
    });
  } else if (page.layout === 'ew') {
    // PerlMonks-style thread in thread order: per node the `Re^N:` title, the byline with the
    // node id, the text; one empty line between nodes; no indentation.
    const levelOf = perUser(new Map(), () => PM_LEVELS[between(counts, 0, PM_LEVELS.length - 1)]);
    let node = between(counts, 1167000, 1169999);
    order.forEach((n, i) => {
      const c = n.c;
      if (i > 0) b.nl();
      node += between(counts, 3, 60);
      const level = levelOf(c.user);
      extras.levels.push(level);
      extras.nodes.push(node);
      const hdr = b.headerBlock([
        pmTitle(n.depth, article.title),
        `by ${c.user} (${level}) on ${pmDate(wallClock(times.get(c)))} ( #${node}=note: print w/replies, xml ) Need Help??`,
      ]);
      const span = b.paras(parasOf.get(n));
      b.nl();
      push(n, i, span, hdr);
    });
  } else if (page.layout === 'ex') {
    // Topix thread: per post the name, the place, `#61 Mar 30, 2016`, the text and the link line;
    // one empty line between posts.
    const placeOf = perUser(new Map(), () => TX_PLACES[between(counts, 0, TX_PLACES.length - 1)]);
    order.forEach((n, i) => {
      const c = n.c;
      if (i > 0) b.nl();
      const place = placeOf(c.user);
      extras.places.push(place);
      const hdr = b.headerBlock([c.user, place, `#${c.pos + 1} ${txDate(wallClock(times.get(c)))}`]);
      const span = b.paras(parasOf.get(n));
      b.nl();
      b.line('footer', TX_WIDGET);
      push(n, i, span, hdr);
    });
  } else if (page.layout === 'ey') {
    // WordPress Classic theme: `165 Comments »`, an empty line; per comment the text and directly
    // under it `Comment by user — date @ time`; one empty line between comments; then the feed
    // line and the form heading, each after one empty line.
    b.line('footer', `${article.comments.length} Comments \u00bb`);
    b.nl();
    order.forEach((n, i) => {
      const c = n.c;
      if (i > 0) b.nl();
      const span = b.paras(parasOf.get(n));
      b.nl();
      const h = b.write(`Comment by ${c.user} \u2014 ${wpWhen(wallClock(times.get(c)))}`);
      b.nl();
      push(n, i, span, b.span(h.start, h.end));
    });
    b.nl();
    b.line('footer', WP_FEED);
    b.nl();
    b.line('footer', WP_FORM);
  } else if (page.layout === 'ez') {
    // CoveritLive replay: per comment the time line, then `Comment From user: ` and the text (later
    // paragraphs after an empty line); one empty line between comments.
    order.forEach((n, i) => {
      const c = n.c;
      if (i > 0) b.nl();
      const t = b.write(clTime(wallClock(times.get(c))));
      b.nl();
      const h = b.write(`${CL_FROM} ${c.user}:`);
      b.write(' ');
      const span = b.paras(parasOf.get(n), { firstOpen: true });
      b.nl();
      push(n, i, span, b.span(t.start, h.end));
    });
  } else throw new Error(page.layout);

  if (b.s.endsWith(page.eol + page.eol)) throw new Error(`${doc}: page ends with an empty line`);
  return { doc, layout: page.layout, page, article, text: b.s, recs: b.sortedRecords(), order, selected, capped, outside, extras, times };
}

// ---------------------------------------------------------------------------------------------
// Independent re-parse

const ARTICLE_KIND = [
  ['dateline', /^(?:\d\d-[A-Z][a-z]{2}-\d{4}|\d\d\.\d\d\.\d\d|[A-Z][a-z]+day, \d{1,2} [A-Z][a-z]+, \d{4}|[A-Z][a-z]+ \d{1,2}(?:st|nd|rd|th) \d{4}|\d{4}, [A-Z][a-z]+ \d{1,2})$/],
  ['caption', / Photo by Reuters$| \(AFP\/Getty\)$| Photograph: AP$| Picture: Reuters$| Image: AFP$| \(Shutterstock\)$/],
  ['source', /^(?:Obtained|Recorded|Acquired|Transcribed|Preserved|Logged) from foxnews\.com$/],
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

  if (layout === 'eu') {
    if (!RE.jnBegin.test(L[k]?.text ?? '')) err('eu: journal head');
    plain(L[k], 'footer');
    k++;
    // journal lines: a comment line names a user before a colon; any other line is furniture
    for (; k < n; k++) {
      const l = L[k];
      if (!RE.jnLine.test(l.text)) err(`eu: not a journal line at ${k}`);
      const m = RE.jnComment.exec(l.text);
      if (m) pushComment(l.start + m[1].length + 1, l.end, m[2], 0, { start: l.start, end: l.start + m[1].length });
      else plain(l, 'footer');
    }
  } else if (layout === 'ev') {
    // report head: rule, empty line, head lines, rule, empty line
    if (L[k]?.text !== AT_RULE || L[k + 1]?.text !== '') err('ev: report head');
    plain(L[k], 'footer');
    k += 2;
    while (L[k] && L[k].text !== AT_RULE) plain(L[k++], 'footer');
    if (!L[k] || L[k + 1]?.text !== '') err('ev: report head end');
    plain(L[k], 'footer');
    k += 2;
    let last = 0;
    while (k < n) {
      const h = RE.atHead.exec(L[k]?.text ?? '');
      if (!h || !RE.atCodes.test(L[k + 1]?.text ?? '') || L[k + 2]?.text !== 'No memos' || L[k + 3]?.text !== '') err(`ev: bad quotation head at ${k}`);
      if (+h[1] !== last + 1 || +h[4] !== +h[1]) err(`ev: P numbers at ${k}`);
      last = +h[1];
      const s = k + 4;
      const e = textEnd(s, (q) => !RE.atHead.test(L[q].text));
      paras(s, e);
      pushComment(L[s].start, L[e].end, h[3], 0, headerOf(k, k + 2));
      k = e + 1;
      if (k < n) {
        if (L[k].text !== '' || !RE.atHead.test(L[k + 1]?.text ?? '')) err(`ev: quotations not separated by one empty line at ${k}`);
        k++;
      }
    }
  } else if (layout === 'ew') {
    const isHead = (q) => L[q] && L[q + 1] && RE.pmTitle.test(L[q].text) && RE.pmBy.test(L[q + 1].text);
    let headline = null;
    while (k < n) {
      if (!isHead(k)) err(`ew: no node head at ${k}`);
      const t = RE.pmTitle.exec(L[k].text);
      if (headline === null) headline = t[2];
      if (t[2] !== headline) err(`ew: title differs at ${k}`);
      if (t[1] !== undefined && +t[1] < 2) err(`ew: Re^${t[1]} at ${k}`);
      const depth = t[1] === undefined ? 0 : +t[1] - 1;
      const by = RE.pmBy.exec(L[k + 1].text);
      const s = k + 2;
      const e = textEnd(s, (q) => !isHead(q));
      paras(s, e);
      pushComment(L[s].start, L[e].end, by[1], depth, headerOf(k, k + 1));
      k = e + 1;
      if (k < n) {
        if (L[k].text !== '' || !isHead(k + 1)) err(`ew: nodes not separated by one empty line at ${k}`);
        k++;
      }
    }
  } else if (layout === 'ex') {
    let last = 0;
    while (k < n) {
      const who = /^([A-Za-z0-9_]+)$/.exec(L[k]?.text ?? '');
      const no = RE.txTime.exec(L[k + 2]?.text ?? '');
      if (!who || !RE.txPlace.test(L[k + 1]?.text ?? '') || !no) err(`ex: bad post head at ${k}`);
      if (+no[1] <= last) err(`ex: post numbers not growing at ${k}`);
      last = +no[1];
      const s = k + 3;
      const e = textEnd(s, (q) => L[q].text !== TX_WIDGET && !/^[A-Za-z0-9_]+$/.test(L[q].text));
      if (L[e + 1]?.text !== TX_WIDGET) err(`ex: no link line after ${e}`);
      paras(s, e);
      pushComment(L[s].start, L[e].end, who[1], 0, headerOf(k, k + 2));
      plain(L[e + 1], 'footer');
      k = e + 2;
      if (k < n) {
        if (L[k].text !== '' || L[k + 1]?.text === '') err(`ex: posts not separated by one empty line at ${k}`);
        k++;
      }
    }
  } else if (layout === 'ey') {
    if (!RE.wpHead.test(L[k]?.text ?? '') || L[k + 1]?.text !== '') err('ey: heading');
    plain(L[k], 'footer');
    k += 2;
    if (L[n - 1]?.text !== WP_FORM || L[n - 2]?.text !== '' || L[n - 3]?.text !== WP_FEED || L[n - 4]?.text !== '') err('ey: tail');
    const end = n - 4;
    while (k < end) {
      const s = k;
      if (RE.wpBy.test(L[s].text)) err(`ey: byline without a comment at ${s}`);
      const e = textEnd(s, (q) => !RE.wpBy.test(L[q].text));
      paras(s, e);
      const by = RE.wpBy.exec(L[e + 1]?.text ?? '');
      if (!by) err(`ey: no byline under ${e}`);
      pushComment(L[s].start, L[e].end, by[1], 0, headerOf(e + 1, e + 1));
      k = e + 2;
      if (k < end) {
        if (L[k].text !== '' || L[k + 1]?.text === '') err(`ey: comments not separated by one empty line at ${k}`);
        k++;
      }
    }
    plain(L[n - 3], 'footer');
    plain(L[n - 1], 'footer');
  } else if (layout === 'ez') {
    while (k < n) {
      const m = RE.clLine.exec(L[k + 1]?.text ?? '');
      if (!RE.clTime.test(L[k]?.text ?? '') || !m) err(`ez: bad comment head at ${k}`);
      const s = k + 1;
      const e = textEnd(s, (q) => !(RE.clTime.test(L[q].text) && RE.clLine.test(L[q + 1]?.text ?? '')));
      paras(s, e, { firstOpen: true });
      pushComment(L[s].start + m[1].length + 1, L[e].end, m[2], 0, { start: L[k].start, end: L[s].start + m[1].length });
      k = e + 1;
      if (k < n) {
        if (L[k].text !== '' || !RE.clTime.test(L[k + 1]?.text ?? '')) err(`ez: comments not separated by one empty line at ${k}`);
        k++;
      }
    }
  } else err('layout');
  return rp.records();
}

const CHECK = {
  layouts: ['eu', 'ev', 'ew', 'ex', 'ey', 'ez'],
  reparse,
  tabs: false,
  forbidden: /[\u00a0\u200b-\u200d\u200f\u202f\u000b\f\r]/,
  allowParas: (p) => p.page.paras,
  partsOf,
  textChecks: (ctx) => {
    const { p, text: t, fail } = ctx;
    if (p.page.bom || p.page.eol !== '\n' || t.includes('\r')) fail(`${p.doc}: BOM or CR`);
    // Non-ASCII characters: the dataset's typographic characters only inside records copied from the
    // dataset (title, body, comment text; on ev also the quotation names in the headers); U+2014 in
    // ey's bylines; U+00BB in ey's heading and ex's link lines; nothing else.
    const fromData = new Uint8Array(t.length);
    for (const r of ctx.rs) if (['title', 'body', 'comment'].includes(r.kind)) fromData.fill(1, r.start, r.end);
    const inHeader = new Uint8Array(t.length);
    for (const r of ctx.rs) if (r.header) inHeader.fill(1, r.header.start, r.header.end);
    const inFooter = new Uint8Array(t.length);
    for (const r of ctx.rs) if (r.kind === 'footer') inFooter.fill(1, r.start, r.end);
    let dashes = 0;
    let guillemets = 0;
    for (let x = 0; x < t.length; x++) {
      const ch = t[x];
      if (/[\x20-\x7e\n]/.test(ch)) continue;
      const typo = /[\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u00e9]/.test(ch);
      if (typo && fromData[x]) continue;
      if (typo && p.layout === 'ev' && inHeader[x]) continue;
      if (ch === '\u2014' && p.layout === 'ey' && inHeader[x]) {
        dashes++;
        continue;
      }
      if (ch === '\u00bb' && ['ex', 'ey'].includes(p.layout) && inFooter[x]) {
        guillemets++;
        continue;
      }
      fail(`${p.doc}: unexpected character U+${ch.charCodeAt(0).toString(16)} at ${x}`);
      break;
    }
    if (dashes !== (p.layout === 'ey' ? N_COMMENTS : 0)) fail(`${p.doc}: U+2014 in bylines ${dashes}`);
    if (guillemets !== { ex: N_COMMENTS, ey: 1 }[p.layout] && ['ex', 'ey'].includes(p.layout)) fail(`${p.doc}: U+00BB count ${guillemets}`);
  },
  pageChecks: (ctx) => {
    const { p, cs, srcOf, fail } = ctx;
    const eol = p.page.eol;
    const x = p.extras;
    checkWindowSelection(p, fail);
    let lastTime = -Infinity;
    for (const c of cs) {
      const src = srcOf.get(c);
      if (!src) continue;
      const gap = headerGap(p, c, src, fail, 'ey', 'byline');
      const wantGap = { eu: ' ', ev: eol + eol, ew: eol, ex: eol, ey: eol, ez: ' ' }[p.layout];
      if (gap !== wantGap) fail(`${p.doc}: #${c.index} gap between header and text ${JSON.stringify(gap)}`);
      const w = wallClock(p.times.get(src));
      const i = c.index;
      const nParas = partsOf(p, c).length;
      const wantHeader = {
        eu: `${jnStamp(w, x.secs?.[i])} ${JN_HOST} ${JN_UNIT}[${x.pid}]: ${src.user}:`,
        ev: [`${atP(i + 1)}: ${atDoc(src)} - ${i + 1}:1 [${atName(src.text)}]  (1:${2 * nParas - 1})   (${AT_USER})`,
          `Codes:  ${(x.codes[i] ?? []).map((q) => `[${q}]`).join(' ')}`, 'No memos'].join(eol),
        ew: `${pmTitle(c.depth, p.article.title)}${eol}by ${src.user} (${x.levels[i]}) on ${pmDate(w)} ( #${x.nodes[i]}=note: print w/replies, xml ) Need Help??`,
        ex: [src.user, x.places[i], `#${src.pos + 1} ${txDate(w)}`].join(eol),
        ey: `Comment by ${src.user} \u2014 ${wpWhen(w)}`,
        ez: `${clTime(w)}${eol}${CL_FROM} ${src.user}:`,
      }[p.layout];
      if (c.header.text !== wantHeader) fail(`${p.doc}: #${c.index} header ${JSON.stringify(c.header.text)}`);
      if (p.layout === 'ex' && !slice(p, c.end, c.end + 60).startsWith(`${eol}${TX_WIDGET}${eol}`)) fail(`${p.doc}: #${i} link line`);
      if (p.layout === 'ex' && x.places[cs.findIndex((q) => q.author === c.author)] !== x.places[i]) fail(`${p.doc}: #${i} place differs for one user`);
      if (p.layout === 'ew' && x.levels[cs.findIndex((q) => q.author === c.author)] !== x.levels[i]) fail(`${p.doc}: #${i} level differs for one user`);
      if (p.layout === 'ew' && i > 0 && !(x.nodes[i] > x.nodes[i - 1])) fail(`${p.doc}: #${i} node id`);
      if (c.header.start > 0 && slice(p, c.header.start - 1, c.header.start) !== eol) fail(`${p.doc}: #${i} header not at a line start`);
      // Times grow down every flat page
      if (!p.page.nested) {
        const t = p.times.get(src);
        if (t < lastTime) fail(`${p.doc}: #${c.index} time out of order`);
        lastTime = t;
      }
    }
    checkWindowParents(ctx);
    if (p.page.nested && cs.filter((c) => c.depth >= 1).length < 5) fail(`${p.doc}: fewer than 5 replies`);
    if (p.page.nested && Math.max(...cs.map((c) => c.depth)) < 3) fail(`${p.doc}: nested page does not reach depth 3`);
    if (p.page.nested && p.outside < 1) fail(`${p.doc}: no reply with its parent off the page`);
    if (p.layout === 'ew' && new Set(x.levels).size < 2) fail(`${p.doc}: fewer than 2 levels`);
    if (p.layout === 'ev' && !x.codes.some((q) => q.length === 2)) fail(`${p.doc}: no quotation with two codes`);
  },
  summaryTail: (p, cs) => {
    const x = p.extras;
    const span = timeSpan(x);
    const special = {
      eu: `${span}; pid ${x.pid}`,
      ev: `${span} (not shown); codes ${x.codes.map((q) => q.length).join(',')}`,
      ew: `${span}; depth 4: ${cs.filter((c) => c.depth === 4).length}; replies with the parent off the page ${p.outside}; levels ${x.levels.join(',')}; nodes ${x.nodes[0]}…${x.nodes[x.nodes.length - 1]}`,
      ex: `${span}; places ${[...new Set(x.places)].length}`,
      ey: span,
      ez: span,
    }[p.layout];
    return `; ${special}` + cappedNote(p);
  },
};

// ---------------------------------------------------------------------------------------------
// Main flow: the kit's runBlindSet, each page with its own doc suffix

runBlindSet(SET, PAGES, renderPage, CHECK);
