#!/usr/bin/env node
// Held-out segmentation pages, set X (layouts ei–en).
//
// Builds tests/heldout-x/pages/*.txt and tests/heldout-x/segment.gold.jsonl from the Fox News
// comments dataset, then re-reads the files from disk and checks them (see tests/heldout-x/README.md).
//
//   node scripts/build-heldout-x-pages.mjs                 # shared dir defaults to <repo>/../shared
//   node scripts/build-heldout-x-pages.mjs /path/to/shared
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
  MONTHS, SHORT_MONTHS, classifier, commentParas, commentTimes, layoutRngs,
  minutesOf, pad2, reparser, runBlindSet, wallClock, cappedNote, N_COMMENTS,
  h12, ampm, commentWindow, threadOrder, checkWindowParents, timeSpan, checkWindowSelection, headerGap,
  timeBounds, commentPusher, slice,
} from './lib/blind-set-kit.mjs';

const SET = 'x';

// A whole number in [lo, hi] from a PRNG.
const between = (rng, lo, hi) => lo + Math.floor(rng() * (hi - lo + 1));
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// ---------------------------------------------------------------------------------------------
// Fixed words of the layouts

// ei: the responses under a plurk (Plurk, web page), selected and copied. Each response is the
// user name, the response's qualifier (a verb from Plurk's fixed list, or the bare colon of the
// "freestyle" qualifier) and the text, all on one line; no empty line between responses.
const PL_QUALS = ['says', 'thinks', 'feels', 'asks', 'wonders', 'shares', 'likes', 'loves', 'hates', 'hopes', 'wants', 'wishes', 'needs', 'gives'];
const PL_HEAD = (n) => `${n} responses`;
// ej: the timeline of a Phabricator task (Maniphest), copied from the browser: `user added a
// comment.` and the date line, the text under it; `user awarded a token.` / `user subscribed.`
// events with their date line in between; one empty line between timeline items.
const PH_EVENTS = ['awarded a token.', 'subscribed.'];
// ek: a Word document (the researcher's reply-tree memo) saved as Plain Text: a multilevel list in
// Word's `1) a) i) (1) (a)` style, the marker and a tab before the header `user (9:12 AM)`; the
// indentation of the levels is lost in the text file, so only the marker's style gives the depth.
const WO_HEAD = ['Reply tree of the comment thread', 'Coded by: KB, second pass'];
// el: the comments under an Atlassian Confluence page, copied from the browser: a heading
// `20 Comments`, per comment the name, the text and the action line with the date; the editor's
// placeholder after the last comment.
const CF_HEAD = `${N_COMMENTS} Comments`;
const CF_TAIL = 'Write a comment...';
const CF_BUTTONS = 'Reply \u2022 Edit \u2022 Delete \u2022 Like \u2022 ';
// em: a PowerPoint deck (one reader comment a slide) copied from the Outline view into Notepad:
// slide titles at the margin, body paragraphs after one tab; the attribution `– user, 16 June 2016`
// is the slide's last body paragraph.
const PP_DECK = 'What readers said';
const PP_SLIDE = (n) => `Reader comment ${n}`;
// en: Adobe Acrobat's "Summarize Comments" (comments only) of a PDF in which every reader comment
// is a sticky note, the summary PDF turned into text: a heading, `Page: N` lines, and per note the
// line `Number: 1  Author: user  Subject: Sticky Note  Date: 8/16/2016 9:12:05 AM` and its text.
const AC_FILE = 'blm-comments.pdf';
const AC_HEAD = `Summary of Comments on ${AC_FILE}`;
const AC_SUBJECTS = ['Sticky Note', 'Comment on Text'];

const PAGES = [
  { layout: 'ei', article: 'german-lawmakers', window: 70, suffix: 'x', eol: '\n', bom: false, nested: false, paras: true, gaps: [2, 30], startHour: 9,
    dateline: (d) => `${d.d}.${['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'][d.m - 1]}.${d.y}`,
    before: [], bodyParas: 1,
    after: [['caption', 'Members of the Bundestag during a vote in Berlin. Photographer: AP'], ['source', 'Mirrored from foxnews.com']] },
  { layout: 'ej', article: 'supreme-court', window: 54, suffix: 'x', eol: '\n', bom: false, nested: false, paras: true, gaps: [3, 40], startHour: 10,
    dateline: (d) => `${d.y} ${SHORT_MONTHS[d.m - 1]} ${d.d}`,
    before: [], bodyParas: 1,
    after: [['caption', 'The Supreme Court building in Washington. | Getty Images'], ['source', 'Cached from foxnews.com']] },
  { layout: 'ek', article: 'confederate-flag', window: 117, suffix: 'x', eol: '\n', bom: false, nested: true, cap: 4, paras: true, gaps: [2, 25], startHour: 8,
    dateline: (d) => `${d.d}th ${MONTHS[d.m - 1]} ${d.y}`,
    before: [], bodyParas: 1,
    after: [['caption', 'A Confederate battle flag at a state capitol. / AFP'], ['source', 'Harvested from foxnews.com']] },
  { layout: 'el', article: 'states-moving', window: 80, suffix: 'x', eol: '\n', bom: false, nested: false, paras: true, gaps: [3, 45], startHour: 11,
    dateline: (d) => `${SHORT_MONTHS[d.m - 1]}/${pad2(d.d)}/${d.y}`,
    before: [], bodyParas: 1,
    after: [['caption', 'A shopper pays with a benefits card at a grocery store. (Corbis)'], ['source', 'Extracted from foxnews.com']] },
  { layout: 'em', article: 'fury-as-feminist', window: 125, suffix: 'x', eol: '\n', bom: false, nested: false, paras: true, gaps: [4, 50], startHour: 12,
    dateline: (d) => `${d.m}.${d.d}.${d.y}`,
    before: [], bodyParas: 1,
    after: [['caption', 'A warning sign at the edge of a resort lake. Photo/Reuters'], ['source', 'Grabbed from foxnews.com']] },
  { layout: 'en', article: 'black-lives', window: 25, suffix: 'x', eol: '\n', bom: false, nested: false, paras: true, gaps: [2, 30], startHour: 9,
    dateline: (d) => `${d.y}-${SHORT_MONTHS[d.m - 1]}-${pad2(d.d)}`,
    before: [['caption', 'Demonstrators hold signs at a rally. (Bloomberg)']], bodyParas: 1,
    after: [['source', 'Crawled from foxnews.com']] },
];

// Time formats (w: wallClock parts; s: seconds).
const phDate = (w) => `${SHORT_MONTHS[w.m - 1]} ${w.d} ${w.y}, ${h12(w.hh)}:${pad2(w.mm)} ${ampm(w.hh)}`;
const woTime = (w) => `${h12(w.hh)}:${pad2(w.mm)} ${ampm(w.hh)}`;
const cfDate = (w) => `${SHORT_MONTHS[w.m - 1]} ${w.d}, ${w.y}`;
const ppDate = (w) => `${w.d} ${MONTHS[w.m - 1]} ${w.y}`;
const acDate = (w, s) => `${w.m}/${w.d}/${w.y} ${h12(w.hh)}:${pad2(w.mm)}:${pad2(s)} ${ampm(w.hh)}`;

// ek: list markers of Word's `1) a) i) (1) (a)` multilevel style; n is 1-based.
const letters = (n) => {
  if (n < 1 || n > 26) throw new Error(`letter marker ${n}`);
  return 'abcdefghijklmnopqrstuvwxyz'[n - 1];
};
const roman = (n) => {
  const t = [[10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let s = '';
  for (const [v, r] of t) while (n >= v) {
    s += r;
    n -= v;
  }
  return s;
};
const woMarker = (depth, n) => [`${n})`, `${letters(n)})`, `${roman(n)})`, `(${n})`, `(${letters(n)})`][depth];

// Shapes of the layouts' furniture (also used by the re-parse).
const SMONTH_RE = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const MONTH_RE = `(?:${MONTHS.join('|')})`;
const RE = {
  name: /^[A-Za-z0-9_]+$/,
  plHead: /^\d+ responses$/,
  plResp: new RegExp(`^([A-Za-z0-9_]+)(:| (?:${PL_QUALS.join('|')}))(?= )`),
  phComment: /^([A-Za-z0-9_]+) added a comment\.$/,
  phEvent: new RegExp(`^([A-Za-z0-9_]+) (?:${PH_EVENTS.map(esc).join('|')})$`),
  phDate: new RegExp(`^${SMONTH_RE} \\d{1,2} \\d{4}, \\d{1,2}:\\d\\d [AP]M$`),
  woItem: /^(\d+\)|[a-z]+\)|\(\d+\)|\([a-z]+\))\t([A-Za-z0-9_]+) \((\d{1,2}:\d\d [AP]M)\)$/,
  cfButtons: new RegExp(`^${esc(CF_BUTTONS)}${SMONTH_RE} \\d{1,2}, \\d{4}$`),
  ppSlide: /^Reader comment (\d+)$/,
  ppBy: new RegExp(`^\\t\u2013 ([A-Za-z0-9_]+), \\d{1,2} ${MONTH_RE} \\d{4}$`),
  acPage: /^Page: (\d+)$/,
  acNote: new RegExp(`^Number: (\\d+)  Author: ([A-Za-z0-9_]+)  Subject: (?:${AC_SUBJECTS.join('|')})  Date: \\d{1,2}/\\d{1,2}/\\d{4} \\d{1,2}:\\d\\d:\\d\\d [AP]M$`),
};

// Per layout: shapes its grammar would read as furniture; no paragraph may match one.
const FURNITURE = {
  ei: [RE.plHead, RE.plResp, /^[A-Za-z0-9_]+:$/],
  ej: [RE.phComment, RE.phEvent, RE.phDate],
  ek: [/^\S*\)\t/, ...WO_HEAD.map((l) => new RegExp(`^${esc(l)}$`))],
  el: [/^Reply \u2022/, /^\d+ Comments$/, new RegExp(`^${esc(CF_TAIL)}`)],
  em: [/^\t/, /^\u2013 /, RE.ppSlide, new RegExp(`^${esc(PP_DECK)}$`)],
  en: [/^Number: \d+ /, RE.acPage, /^Summary of Comments on /],
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
  const extras = { ...timeBounds(selected, times), quals: [], events: [], markers: [], subjects: [], pdfPages: [], tabs: 0 };
  // The paragraphs of every comment (checked against the layout's furniture), in display order.
  const parasOf = new Map(order.map((n) => [n, commentParas(doc, n.c, pageNo, page.paras, FURNITURE[page.layout])]));
  const push = commentPusher(b, indexOf);
  const secs = new Map(selected.map((c) => [c, Math.floor(counts() * 60)]));

  if (page.layout === 'ei') {
    // Plurk responses: `20 responses`, an empty line; per response `user says text` (or `user: text`
    // for the freestyle qualifier) on one line, later paragraphs after an empty line; no empty line
    // between responses.
    b.line('footer', PL_HEAD(order.length));
    b.nl();
    order.forEach((n, i) => {
      const r = counts();
      const qual = r < 0.3 ? ':' : ` ${PL_QUALS[Math.floor(((r - 0.3) / 0.7) * PL_QUALS.length)]}`;
      extras.quals.push(qual.trim());
      const h = b.write(`${n.c.user}${qual}`);
      b.write(' ');
      const span = b.paras(parasOf.get(n), { firstOpen: true });
      b.nl();
      push(n, i, span, b.span(h.start, h.end));
    });
  } else if (page.layout === 'ej') {
    // Phabricator task timeline: per comment `user added a comment.`, the date line and the text;
    // sometimes an event (`user awarded a token.` / `user subscribed.` and its date line) after a
    // comment; one empty line between timeline items.
    order.forEach((n, i) => {
      const c = n.c;
      if (i > 0) b.nl();
      const hdr = b.headerBlock([`${c.user} added a comment.`, phDate(wallClock(times.get(c)))]);
      const span = b.paras(parasOf.get(n));
      b.nl();
      push(n, i, span, hdr);
      const next = order[i + 1];
      if (next && counts() < 0.25) {
        const gap = times.get(next.c) - times.get(c);
        const who = order[between(counts, 0, order.length - 1)].c.user;
        const what = PH_EVENTS[between(counts, 0, PH_EVENTS.length - 1)];
        const t = times.get(c) + between(counts, 1, gap - 1);
        b.nl();
        b.line('footer', `${who} ${what}`);
        b.line('footer', phDate(wallClock(t)));
        extras.events.push({ after: i, who, what, t });
      }
    });
  } else if (page.layout === 'ek') {
    // Word memo saved as Plain Text: two heading lines, an empty line; per comment in thread order
    // the list item `<marker><tab>user (9:12 AM)` (marker style by depth, counters restarting under
    // every item of a higher level), the text under it at the margin; one empty line between
    // paragraphs and between items.
    for (const l of WO_HEAD) b.line('footer', l);
    const counters = [];
    order.forEach((n, i) => {
      const c = n.c;
      b.nl();
      counters[n.depth] = (counters[n.depth] ?? 0) + 1;
      counters.length = n.depth + 1;
      const marker = woMarker(n.depth, counters[n.depth]);
      extras.markers.push(marker);
      extras.tabs++;
      const hdr = b.headerBlock([`${marker}\t${c.user} (${woTime(wallClock(times.get(c)))})`]);
      const span = b.paras(parasOf.get(n));
      b.nl();
      push(n, i, span, hdr);
    });
  } else if (page.layout === 'el') {
    // Confluence page comments: `20 Comments`, an empty line; per comment the name, the text
    // (paragraphs separated by an empty line) and the action line ending in the date; one empty
    // line between comments; after the last an empty line and the editor's placeholder.
    b.line('footer', CF_HEAD);
    b.nl();
    order.forEach((n, i) => {
      const c = n.c;
      if (i > 0) b.nl();
      const hdr = b.headerBlock([c.user]);
      const span = b.paras(parasOf.get(n));
      b.nl();
      b.line('footer', `${CF_BUTTONS}${cfDate(wallClock(times.get(c)))}`);
      push(n, i, span, hdr);
    });
    b.nl();
    b.line('footer', CF_TAIL);
  } else if (page.layout === 'em') {
    // PowerPoint Outline view copied: the deck's title slide, then per comment the slide title
    // `Reader comment N`, the paragraphs each after one tab, and the attribution `<tab>– user, date`;
    // no empty line anywhere.
    b.line('footer', PP_DECK);
    order.forEach((n, i) => {
      const c = n.c;
      b.line('footer', PP_SLIDE(i + 1));
      let start = null;
      let end = null;
      for (const p of parasOf.get(n)) {
        b.write('\t');
        extras.tabs++;
        const r = b.write(p);
        b.nl();
        if (start === null) start = r.start;
        end = r.end;
      }
      b.write('\t');
      extras.tabs++;
      const h = b.write(`\u2013 ${c.user}, ${ppDate(wallClock(times.get(c)))}`);
      b.nl();
      push(n, i, b.span(start, end), b.span(h.start, h.end));
    });
  } else if (page.layout === 'en') {
    // Acrobat comment summary: the heading, an empty line; per PDF page `Page: N` and an empty line,
    // then its notes (`Number: k  Author: user  Subject: …  Date: …` and the text, paragraphs
    // separated by an empty line), one empty line after each note. Numbers restart on every page.
    b.line('footer', AC_HEAD);
    let pdfPage = 0;
    let num = 0;
    order.forEach((n, i) => {
      const c = n.c;
      // a new PDF page before the first note and, now and then, before a later one
      if (i === 0 || (num >= 2 && counts() < 0.3)) {
        pdfPage += between(counts, 1, 2);
        num = 0;
        b.nl();
        b.line('footer', `Page: ${pdfPage}`);
      }
      num++;
      extras.pdfPages.push(pdfPage);
      const subject = AC_SUBJECTS[counts() < 0.75 ? 0 : 1];
      extras.subjects.push(subject);
      b.nl();
      const hdr = b.headerBlock([`Number: ${num}  Author: ${c.user}  Subject: ${subject}  Date: ${acDate(wallClock(times.get(c)), secs.get(c))}`]);
      const span = b.paras(parasOf.get(n));
      b.nl();
      push(n, i, span, hdr);
    });
  } else throw new Error(page.layout);

  if (b.s.endsWith(page.eol + page.eol)) throw new Error(`${doc}: page ends with an empty line`);
  return { doc, layout: page.layout, page, article, text: b.s, recs: b.sortedRecords(), order, selected, capped, outside, extras, times, secs };
}

// ---------------------------------------------------------------------------------------------
// Independent re-parse

const ARTICLE_KIND = [
  ['dateline', new RegExp(`^(?:\\d{1,2}\\.[IVX]+\\.\\d{4}|\\d{4} ${SMONTH_RE} \\d{1,2}|\\d{1,2}th ${MONTH_RE} \\d{4}|${SMONTH_RE}/\\d\\d/\\d{4}|\\d{1,2}\\.\\d{1,2}\\.\\d{4}|\\d{4}-${SMONTH_RE}-\\d\\d)$`)],
  ['caption', / Photographer: AP$| \| Getty Images$| \/ AFP$| \(Corbis\)$| Photo\/Reuters$| \(Bloomberg\)$/],
  ['source', /^(?:Mirrored|Cached|Harvested|Extracted|Grabbed|Crawled) from foxnews\.com$/],
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

  if (layout === 'ei') {
    const hm = RE.plHead.exec(L[k]?.text ?? '');
    if (!hm || L[k + 1]?.text !== '') err('ei: heading');
    plain(L[k], 'footer');
    k += 2;
    let count = 0;
    while (k < n) {
      const m = RE.plResp.exec(L[k].text);
      if (!m) err(`ei: bad response line ${k}`);
      const e = textEnd(k, (q) => !RE.plResp.test(L[q].text));
      paras(k, e, { firstOpen: true });
      const hEnd = L[k].start + m[0].length;
      if (text[hEnd] !== ' ' || text[hEnd + 1] === ' ') err(`ei: no single space after the qualifier at ${k}`);
      pushComment(hEnd + 1, L[e].end, m[1], 0, { start: L[k].start, end: hEnd });
      count++;
      k = e + 1;
      if (k < n && !RE.plResp.test(L[k].text)) err(`ei: response not followed by a response at ${k}`);
    }
    if (`${count} responses` !== L.find((l) => RE.plHead.test(l.text)).text) err('ei: response count');
  } else if (layout === 'ej') {
    const isItem = (q) => RE.phComment.test(L[q].text) || RE.phEvent.test(L[q].text);
    while (k < n) {
      if (!RE.phDate.test(L[k + 1]?.text ?? '')) err(`ej: no date line under ${k}`);
      const c = RE.phComment.exec(L[k].text);
      if (c) {
        const s = k + 2;
        const e = textEnd(s, (q) => !isItem(q));
        paras(s, e);
        pushComment(L[s].start, L[e].end, c[1], 0, headerOf(k, k + 1));
        k = e + 1;
      } else if (RE.phEvent.test(L[k].text)) {
        if (rp.comments.length === 0) err('ej: event before the first comment');
        plain(L[k], 'footer');
        plain(L[k + 1], 'footer');
        k += 2;
      } else err(`ej: bad timeline line ${k}`);
      if (k < n) {
        if (L[k].text !== '' || !isItem(k + 1)) err(`ej: items not separated by one empty line at ${k}`);
        k++;
      }
    }
  } else if (layout === 'ek') {
    WO_HEAD.forEach((h, j) => {
      if (L[k + j]?.text !== h) err('ek: memo heading');
      plain(L[k + j], 'footer');
    });
    k += WO_HEAD.length;
    // The list counters of the current path; the next item is the next sibling at some level of it
    // or the first child one level below. Exactly one of these markers must match.
    const cnt = [];
    while (k < n) {
      if (L[k].text !== '') err(`ek: no empty line before the item at ${k}`);
      k++;
      const m = RE.woItem.exec(L[k]?.text ?? '');
      if (!m) err(`ek: bad list item at ${k}`);
      const cands = [];
      for (let dd = 0; dd <= Math.min(cnt.length, 4); dd++) {
        const next = dd < cnt.length ? cnt[dd] + 1 : 1;
        if (woMarker(dd, next) === m[1]) cands.push([dd, next]);
      }
      if (cands.length !== 1) err(`ek: marker ${m[1]} at ${k} matches ${cands.length} levels`);
      const [depth, num] = cands[0];
      cnt.length = depth;
      cnt[depth] = num;
      const s = k + 1;
      const e = textEnd(s, (q) => !RE.woItem.test(L[q].text));
      paras(s, e);
      pushComment(L[s].start, L[e].end, m[2], depth, headerOf(k, k));
      k = e + 1;
    }
  } else if (layout === 'el') {
    if (L[k]?.text !== CF_HEAD || L[k + 1]?.text !== '') err('el: heading');
    plain(L[k], 'footer');
    k += 2;
    if (L[n - 1].text !== CF_TAIL || L[n - 2].text !== '') err('el: editor placeholder');
    plain(L[n - 1], 'footer');
    const end = n - 2;
    while (k < end) {
      if (!RE.name.test(L[k]?.text ?? '')) err(`el: bad name line ${k}`);
      const s = k + 1;
      const e = textEnd(s, (q) => !RE.cfButtons.test(L[q].text));
      if (!RE.cfButtons.test(L[e + 1]?.text ?? '')) err(`el: no action line after ${e}`);
      paras(s, e);
      pushComment(L[s].start, L[e].end, L[k].text, 0, headerOf(k, k));
      plain(L[e + 1], 'footer');
      k = e + 2;
      if (k < end) {
        if (L[k].text !== '' || L[k + 1]?.text === '') err(`el: comments not separated by one empty line at ${k}`);
        k++;
      }
    }
  } else if (layout === 'em') {
    if (L[k]?.text !== PP_DECK) err('em: deck title');
    plain(L[k], 'footer');
    k++;
    let slide = 0;
    while (k < n) {
      const t = RE.ppSlide.exec(L[k].text);
      if (!t || +t[1] !== ++slide) err(`em: bad slide title at ${k}`);
      plain(L[k], 'footer');
      let u = k + 1;
      while (u < n && L[u].text.startsWith('\t') && !RE.ppBy.test(L[u].text)) u++;
      const by = RE.ppBy.exec(L[u]?.text ?? '');
      if (!by || u === k + 1) err(`em: slide without text or attribution at ${k}`);
      for (let q = k + 1; q < u; q++) if (!/^\t\S/.test(L[q].text)) err(`em: bad body line ${q}`);
      pushComment(L[k + 1].start + 1, L[u - 1].end, by[1], 0, { start: L[u].start + 1, end: L[u].end });
      k = u + 1;
    }
  } else if (layout === 'en') {
    if (L[k]?.text !== AC_HEAD) err('en: heading');
    plain(L[k], 'footer');
    k++;
    let lastPage = 0;
    let num = 0;
    const isStart = (q) => RE.acNote.test(L[q].text) || RE.acPage.test(L[q].text);
    while (k < n) {
      if (L[k].text !== '' || L[k + 1]?.text === '') err(`en: blocks not separated by one empty line at ${k}`);
      k++;
      const pg = RE.acPage.exec(L[k].text);
      if (pg) {
        if (+pg[1] <= lastPage) err(`en: page numbers not growing at ${k}`);
        lastPage = +pg[1];
        num = 0;
        plain(L[k], 'footer');
        k++;
        continue;
      }
      const m = RE.acNote.exec(L[k].text);
      if (!m || lastPage === 0) err(`en: bad note header at ${k}`);
      if (+m[1] !== ++num) err(`en: note number at ${k}`);
      const s = k + 1;
      const e = textEnd(s, (q) => !isStart(q));
      paras(s, e);
      pushComment(L[s].start, L[e].end, m[2], 0, headerOf(k, k));
      k = e + 1;
    }
  } else err('layout');
  return rp.records();
}

// The paragraphs of comment record c as in the dataset text (em: paragraphs are lines after a tab).
function partsOf(p, c) {
  const eol = p.page.eol;
  if (p.layout === 'em') return c.text.split(`${eol}\t`);
  return c.text.split(eol + eol);
}

const CHECK = {
  layouts: ['ei', 'ej', 'ek', 'el', 'em', 'en'],
  reparse,
  tabs: true,
  forbidden: /[\u00a0\u200b-\u200d\u200f\u202f\u000b\f\r]/,
  allowParas: (p) => p.page.paras,
  partsOf,
  textChecks: (ctx) => {
    const { p, text: t, fail } = ctx;
    const count = (re) => (t.match(re) ?? []).length;
    if (p.page.bom || p.page.eol !== '\n' || t.includes('\r')) fail(`${p.doc}: BOM or CR`);
    // Tabs: on ek one after each list marker (inside the header), on em one at the start of each
    // body line; nowhere else.
    const tabs = count(/\t/g);
    const want = p.layout === 'ek' || p.layout === 'em' ? p.extras.tabs : 0;
    if (tabs !== want) fail(`${p.doc}: ${tabs} tabs, expected ${want}`);
    if (p.layout === 'ek' && count(/^\S+\)\t/gm) !== N_COMMENTS) fail(`${p.doc}: tabs not after the markers`);
    if (p.layout === 'em' && /[^\n]\t/.test(t)) fail(`${p.doc}: tab after the start of a line`);
    // U+2022 only in el's action lines (four a line); U+2013 only in em's attributions (one each)
    if (count(/\u2022/g) !== (p.layout === 'el' ? 4 * N_COMMENTS : 0)) fail(`${p.doc}: U+2022 count`);
    if (count(/^\t\u2013 /gm) !== (p.layout === 'em' ? N_COMMENTS : 0)) fail(`${p.doc}: attribution count`);
    // Non-ASCII characters: the bullets and dashes above; the dataset's typographic characters only
    // inside records copied from the dataset (title, body, comment text); nothing else.
    const fromData = new Uint8Array(t.length);
    for (const r of ctx.rs) if (['title', 'body', 'comment'].includes(r.kind)) fromData.fill(1, r.start, r.end);
    const inHeader = new Uint8Array(t.length);
    for (const r of ctx.rs) if (r.header) inHeader.fill(1, r.header.start, r.header.end);
    const inFooter = new Uint8Array(t.length);
    for (const r of ctx.rs) if (r.kind === 'footer') inFooter.fill(1, r.start, r.end);
    for (let x = 0; x < t.length; x++) {
      const ch = t[x];
      if (/[\x20-\x7e\n\t]/.test(ch)) continue;
      if (ch === '\u2022' && p.layout === 'el' && inFooter[x]) continue;
      if (ch === '\u2013' && p.layout === 'em' && inHeader[x]) continue;
      if (/[\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u00e9]/.test(ch) && fromData[x]) continue;
      fail(`${p.doc}: unexpected character U+${ch.charCodeAt(0).toString(16)} at ${x}`);
      break;
    }
  },
  pageChecks: (ctx) => {
    const { p, cs, srcOf, fail } = ctx;
    const eol = p.page.eol;
    checkWindowSelection(p, fail);
    let lastTime = -Infinity;
    for (const c of cs) {
      const src = srcOf.get(c);
      if (!src) continue;
      const gap = headerGap(p, c, src, fail, 'em', 'attribution');
      const wantGap = { ei: ' ', ej: eol, ek: eol, el: eol, em: `${eol}\t`, en: eol }[p.layout];
      if (gap !== wantGap) fail(`${p.doc}: #${c.index} gap between header and text ${JSON.stringify(gap)}`);
      const w = wallClock(p.times.get(src));
      const s = p.secs.get(src);
      const x = p.extras;
      const num = p.layout === 'en' ? cs.slice(0, c.index + 1).filter((q) => x.pdfPages[q.index] === x.pdfPages[c.index]).length : 0;
      const wantHeader = {
        ei: `${src.user}${x.quals[c.index] === ':' ? ':' : ` ${x.quals[c.index]}`}`,
        ej: `${src.user} added a comment.${eol}${phDate(w)}`,
        ek: `${x.markers[c.index]}\t${src.user} (${woTime(w)})`,
        el: src.user,
        em: `\u2013 ${src.user}, ${ppDate(w)}`,
        en: `Number: ${num}  Author: ${src.user}  Subject: ${x.subjects[c.index]}  Date: ${acDate(w, s)}`,
      }[p.layout];
      if (c.header.text !== wantHeader) fail(`${p.doc}: #${c.index} header ${JSON.stringify(c.header.text)}`);
      if (p.layout === 'ek' && c.index > 0 && slice(p, c.header.start - 2, c.header.start) !== `${eol}${eol}`) fail(`${p.doc}: #${c.index} item not after an empty line`);
      if (p.layout === 'el' && !new RegExp(`^${eol}${esc(CF_BUTTONS)}${esc(cfDate(w))}${eol}`).test(slice(p, c.end, c.end + 200))) fail(`${p.doc}: #${c.index} action line`);
      if (p.layout === 'em' && c.text.split(eol).some((l, q) => q > 0 && !/^\t\S/.test(l))) fail(`${p.doc}: #${c.index} body line not after one tab`);
      if (p.layout === 'ei' && slice(p, c.header.start - 1, c.header.start) !== eol) fail(`${p.doc}: #${c.index} response not at a line start`);
      // Times shown on the page grow down the page on flat pages
      if (!p.page.nested) {
        const t = p.times.get(src);
        if (t < lastTime) fail(`${p.doc}: #${c.index} time out of order`);
        lastTime = t;
      }
    }
    // ek: the marker of every item is the one Word's list gives its depth and its rank among its siblings
    if (p.layout === 'ek') {
      const counters = [];
      cs.forEach((c) => {
        counters[c.depth] = (counters[c.depth] ?? 0) + 1;
        counters.length = c.depth + 1;
        if (p.extras.markers[c.index] !== woMarker(c.depth, counters[c.depth])) fail(`${p.doc}: #${c.index} marker`);
      });
    }
    // ej: events sit between the comments whose times they fall between
    if (p.layout === 'ej') for (const ev of p.extras.events) {
      const a = p.times.get(p.order[ev.after].c);
      const bb = p.times.get(p.order[ev.after + 1].c);
      if (!(ev.t > a && ev.t < bb)) fail(`${p.doc}: event time`);
    }
    checkWindowParents(ctx);
    if (p.page.nested && cs.filter((c) => c.depth >= 1).length < 5) fail(`${p.doc}: fewer than 5 replies`);
    if (p.page.nested && Math.max(...cs.map((c) => c.depth)) < 4) fail(`${p.doc}: nested page does not reach depth 4`);
    if (p.page.nested && p.outside < 1) fail(`${p.doc}: no reply with its parent off the page`);
    if (p.layout === 'ej' && p.extras.events.length < 2) fail(`${p.doc}: fewer than 2 events`);
    if (p.layout === 'en' && new Set(p.extras.pdfPages).size < 2) fail(`${p.doc}: fewer than 2 PDF pages`);
    if (p.layout === 'ei' && new Set(p.extras.quals).size < 4) fail(`${p.doc}: fewer than 4 qualifiers`);
  },
  summaryTail: (p, cs) => {
    const x = p.extras;
    const span = timeSpan(x);
    const special = {
      ei: `${span}; qualifiers ${x.quals.join(',')}`,
      ej: `${span}; events ${x.events.map((e) => `${e.after}:${e.who} ${e.what}`).join(' | ')}`,
      ek: `${span}; depth 4: ${cs.filter((c) => c.depth === 4).length}; replies with the parent off the page ${p.outside}; markers ${x.markers.join(' ')}`,
      el: span,
      em: span,
      en: `${span}; PDF pages ${x.pdfPages.join(',')}; subjects ${x.subjects.filter((s) => s !== AC_SUBJECTS[0]).length} x ${AC_SUBJECTS[1]}`,
    }[p.layout];
    return `; ${special}` + cappedNote(p);
  },
};

// ---------------------------------------------------------------------------------------------
// Main flow: the kit's runBlindSet, each page with its own doc suffix

runBlindSet(SET, PAGES, renderPage, CHECK);
