#!/usr/bin/env node
// Held-out segmentation pages, set AA (layouts fa–ff).
//
// Builds tests/heldout-aa/pages/*.txt and tests/heldout-aa/segment.gold.jsonl from the Fox News
// comments dataset, then re-reads the files from disk and checks them (see tests/heldout-aa/README.md).
//
//   node scripts/build-heldout-aa-pages.mjs                 # shared dir defaults to <repo>/../shared
//   node scripts/build-heldout-aa-pages.mjs /path/to/shared
//
// Plain Node >= 20, no dependencies. It imports scripts/lib/blind-set-kit.mjs and keeps its layouts
// here (structure copied from build-heldout-z-pages.mjs). Each page takes a window of 20 consecutive
// comments of one article in dataset order. Deterministic: no clock, fixed-seed PRNG only. Gold
// offsets are taken while the page text is written, never by searching the finished text.

import {
  MONTHS, SHORT_MONTHS, DAYS, SHORT_DAYS, classifier, commentParas, commentTimes, layoutRngs,
  minutesOf, pad2, reparser, runBlindSet, wallClock, cappedNote, N_COMMENTS,
  h12, commentWindow, threadOrder, checkWindowParents, timeSpan, checkWindowSelection, headerGap,
  timeBounds, commentPusher, perUser, slice,
} from './lib/blind-set-kit.mjs';

const SET = 'aa';

const between = (rng, lo, hi) => lo + Math.floor(rng() * (hi - lo + 1));
const ampmLower = (hh) => (hh < 12 ? 'am' : 'pm');

// ---------------------------------------------------------------------------------------------
// Fixed words of the layouts

// fa: an AIM chat room window, saved as text: the room line, then `user (8:25:15 AM): text`.
const AIM_ROOM = 'You have just entered room "foxcomments".';
// fb: Kinja (Gawker Media's comment platform) "Discussion", copied: name line, `6/24/16 10:25am`, text.
const KJ_HEAD = 'Discussion';
// fc: IntenseDebate, nested, saved with its indentation (4 columns a level): `user 12p · 442 weeks ago`.
const ID_HEAD = (n) => `Comments (${n})`;
const ID_COPY = minutesOf(2024, 11, 5, 12, 0); // when the page was saved (for "N weeks ago")
// fd: VK (VKontakte) wall comments, copied: name line, text, `25 Jun 2015 at 9:25 am | Reply | Like 3`.
// fe: a OneNote page: page title, date and time lines; per clip the text and `Pasted from <URL>`.
const ON_TITLE = 'Reader comments - alligator story';
const ON_URL = (u) => `https://disqus.com/by/${u}/`;
// ff: a Nabble forum thread (classic view), copied: name, `Aug 17, 2016; 1:25pm`, the link row, text.
const NB_LINKS = 'Reply | Threaded | Open this post in threaded view';

const PAGES = [
  { layout: 'fa', article: 'german-lawmakers', window: 20, suffix: 'aa', eol: '\n', bom: false, nested: false, paras: false, gaps: [1, 9], startHour: 8,
    dateline: (d) => `${SHORT_DAYS[d.wd]} ${pad2(d.m)}/${pad2(d.d)}/${d.y}`,
    before: [], bodyParas: 1,
    after: [['caption', 'Members of the Bundestag vote in Berlin. Credit: dpa'], ['source', 'Gleaned from foxnews.com']] },
  { layout: 'fb', article: 'supreme-court', window: 5, suffix: 'aa', eol: '\n', bom: false, nested: false, paras: true, gaps: [3, 40], startHour: 10,
    dateline: (d) => `${d.d} ${SHORT_MONTHS[d.m - 1]}. ${d.y}`,
    before: [], bodyParas: 1,
    after: [['caption', 'Students walk across a campus in Austin. Credit: Bloomberg via Getty'], ['source', 'Culled from foxnews.com']] },
  { layout: 'fc', article: 'ice-program', window: 61, suffix: 'aa', eol: '\n', bom: false, nested: true, cap: 4, paras: true, gaps: [2, 25], startHour: 12,
    dateline: (d) => `${pad2(d.d)}-${pad2(d.m)}-${d.y}`,
    before: [], bodyParas: 1,
    after: [['caption', 'A detention center gate in Texas. ICE photo'], ['source', 'Reproduced from foxnews.com']] },
  { layout: 'fd', article: 'confederate-flag', window: 40, suffix: 'aa', eol: '\n', bom: false, nested: false, paras: true, gaps: [3, 40], startHour: 9,
    dateline: (d) => `${MONTHS[d.m - 1]} ${d.d} ${d.y}`,
    before: [], bodyParas: 1,
    after: [['caption', 'A Confederate flag flies outside the statehouse. Getty'], ['source', 'Salvaged from foxnews.com']] },
  { layout: 'fe', article: 'fury-as-feminist', window: 85, suffix: 'aa', eol: '\n', bom: false, nested: false, paras: true, gaps: [4, 45], startHour: 11,
    dateline: (d) => `${d.d}/${d.m}/${d.y}`,
    before: [], bodyParas: 1,
    after: [['caption', 'Warning signs by the water. Reuters pic'], ['source', 'Assembled from foxnews.com']] },
  { layout: 'ff', article: 'navy-names', window: 80, suffix: 'aa', eol: '\n', bom: false, nested: false, paras: true, gaps: [2, 30], startHour: 13,
    dateline: (d) => `${d.y}-${SHORT_MONTHS[d.m - 1]}-${d.d}`,
    before: [['caption', 'The replenishment oiler at sea. US Navy']], bodyParas: 1,
    after: [['source', 'Compiled from foxnews.com']] },
];

// Formats (w: wallClock parts; s: seconds).
const aimTime = (w, s) => `${h12(w.hh)}:${pad2(w.mm)}:${pad2(s)} ${w.hh < 12 ? 'AM' : 'PM'}`;
const kjTime = (w) => `${w.m}/${pad2(w.d)}/${String(w.y).slice(2)} ${h12(w.hh)}:${pad2(w.mm)}${ampmLower(w.hh)}`;
const idAge = (t) => `${Math.floor((ID_COPY - t) / (7 * 24 * 60))} weeks ago`;
const vkWhen = (w) => `${w.d} ${SHORT_MONTHS[w.m - 1]} ${w.y} at ${h12(w.hh)}:${pad2(w.mm)} ${ampmLower(w.hh)}`;
const vkWidget = (w, likes) => `${vkWhen(w)} | Reply | Like ${likes}`;
const onDate = (w) => `${DAYS[w.wd]}, ${MONTHS[w.m - 1]} ${w.d}, ${w.y}`;
const onTime = (w) => `${h12(w.hh)}:${pad2(w.mm)} ${w.hh < 12 ? 'AM' : 'PM'}`;
const nbDate = (w) => `${SHORT_MONTHS[w.m - 1]} ${pad2(w.d)}, ${w.y}; ${h12(w.hh)}:${pad2(w.mm)}${ampmLower(w.hh)}`;

const RE = {
  aimLine: /^(([A-Za-z0-9_]+) \(\d{1,2}:\d\d:\d\d [AP]M\):) (.*)$/,
  kjName: /^[A-Za-z0-9_]+$/,
  kjTime: /^\d{1,2}\/\d\d\/\d\d \d{1,2}:\d\d[ap]m$/,
  idHead: /^( *)([A-Za-z0-9_]+) \d+p \u00b7 \d+ weeks ago$/,
  vkWidget: /^\d{1,2} [A-Z][a-z]{2} \d{4} at \d{1,2}:\d\d [ap]m \| Reply \| Like \d+$/,
  onDate: /^[A-Z][a-z]+day, [A-Z][a-z]+ \d{1,2}, \d{4}$/,
  onTime: /^\d{1,2}:\d\d [AP]M$/,
  onPasted: /^Pasted from <https:\/\/disqus\.com\/by\/([A-Za-z0-9_]+)\/>$/,
  nbDate: /^[A-Z][a-z]{2} \d\d, \d{4}; \d{1,2}:\d\d[ap]m$/,
};

// Per layout: shapes its grammar would read as furniture; no paragraph may match one.
const FURNITURE = {
  fa: [RE.aimLine, /^You have /],
  fb: [RE.kjName, RE.kjTime, /^Discussion$/],
  fc: [/^[A-Za-z0-9_]+ \d+p \u00b7/, /^Comments \(\d+\)$/],
  fd: [RE.kjName, RE.vkWidget],
  fe: [/^Pasted from /, RE.onDate, RE.onTime, /^Reader comments/],
  ff: [RE.kjName, RE.nbDate, /^Reply \| /],
};

// ---------------------------------------------------------------------------------------------
// Page b after its article part: thread heading, comments, tails.

function renderPage(b, page, pageNo, article) {
  const { doc } = b;
  const d = article.date;
  const selected = commentWindow(article, page.window);
  const { order, capped, outside, indexOf } = threadOrder(article, page, selected);
  const { rng, counts } = layoutRngs(SET, page.layout);
  const times = commentTimes(selected, minutesOf(d.y, d.m, d.d, page.startHour, 5 + Math.floor(rng() * 45)), rng, () => page.gaps);
  const extras = { ...timeBounds(selected, times), secs: [], points: [], likes: [] };
  const parasOf = new Map(order.map((n) => [n, commentParas(doc, n.c, pageNo, page.paras, FURNITURE[page.layout])]));
  const push = commentPusher(b, indexOf);

  if (page.layout === 'fa') {
    // AIM chat room: the room line, then one line per message; no empty line anywhere.
    b.line('footer', AIM_ROOM);
    order.forEach((n, i) => {
      const s = between(counts, 0, 59);
      extras.secs.push(s);
      const h = b.write(`${n.c.user} (${aimTime(wallClock(times.get(n.c)), s)}):`);
      b.write(' ');
      const span = b.paras(parasOf.get(n), { firstOpen: true });
      b.nl();
      push(n, i, span, b.span(h.start, h.end));
    });
  } else if (page.layout === 'fb') {
    // Kinja: `Discussion`, an empty line; per comment name, time, text; one empty line between.
    b.line('footer', KJ_HEAD);
    b.nl();
    order.forEach((n, i) => {
      if (i > 0) b.nl();
      const hdr = b.headerBlock([n.c.user, kjTime(wallClock(times.get(n.c)))]);
      const span = b.paras(parasOf.get(n));
      b.nl();
      push(n, i, span, hdr);
    });
  } else if (page.layout === 'fc') {
    // IntenseDebate, nested: `Comments (163)`, an empty line; per comment at 4 columns a level the
    // header `user 12p · 442 weeks ago` and the text; one empty line between comments.
    const pointsOf = perUser(new Map(), () => between(counts, 0, 140));
    b.line('footer', ID_HEAD(article.comments.length));
    b.nl();
    order.forEach((n, i) => {
      if (i > 0) b.nl();
      const ind = ' '.repeat(4 * n.depth);
      const pts = pointsOf(n.c.user);
      extras.points.push(pts);
      const hdr = b.headerBlock([`${n.c.user} ${pts}p \u00b7 ${idAge(times.get(n.c))}`], ind);
      const span = b.paras(parasOf.get(n), { indent: ind });
      b.nl();
      push(n, i, span, hdr);
    });
  } else if (page.layout === 'fd') {
    // VK wall comments: per comment name, text, the widget line; one empty line between.
    order.forEach((n, i) => {
      if (i > 0) b.nl();
      const likes = between(counts, 0, 45);
      extras.likes.push(likes);
      const hdr = b.headerBlock([n.c.user]);
      const span = b.paras(parasOf.get(n));
      b.nl();
      b.line('footer', vkWidget(wallClock(times.get(n.c)), likes));
      push(n, i, span, hdr);
    });
  } else if (page.layout === 'fe') {
    // OneNote page: title, date and time of the page (a few minutes before the first clip), an
    // empty line; per clip the text and directly under it `Pasted from <URL>`; one empty line between.
    const made = wallClock(extras.firstTime - between(counts, 2, 9));
    b.line('footer', ON_TITLE);
    b.line('footer', onDate(made));
    b.line('footer', onTime(made));
    b.nl();
    order.forEach((n, i) => {
      if (i > 0) b.nl();
      const span = b.paras(parasOf.get(n));
      b.nl();
      const h = b.write(`Pasted from <${ON_URL(n.c.user)}>`);
      b.nl();
      push(n, i, span, b.span(h.start, h.end));
    });
  } else if (page.layout === 'ff') {
    // Nabble: per post name, date, the link row (footer), the text; one empty line between.
    order.forEach((n, i) => {
      if (i > 0) b.nl();
      const hdr = b.headerBlock([n.c.user, nbDate(wallClock(times.get(n.c)))]);
      b.line('footer', NB_LINKS);
      const span = b.paras(parasOf.get(n));
      b.nl();
      push(n, i, span, hdr);
    });
  } else throw new Error(page.layout);

  if (b.s.endsWith(page.eol + page.eol)) throw new Error(`${doc}: page ends with an empty line`);
  return { doc, layout: page.layout, page, article, text: b.s, recs: b.sortedRecords(), order, selected, capped, outside, extras, times };
}

// ---------------------------------------------------------------------------------------------
// Independent re-parse

const ARTICLE_KIND = [
  ['dateline', /^(?:[A-Z][a-z]{2} \d\d\/\d\d\/\d{4}|\d{1,2} [A-Z][a-z]{2}\. \d{4}|\d\d-\d\d-\d{4}|[A-Z][a-z]+ \d{1,2} \d{4}|\d{1,2}\/\d{1,2}\/\d{4}|\d{4}-[A-Z][a-z]{2}-\d{1,2})$/],
  ['caption', / Credit: dpa$| Credit: Bloomberg via Getty$| ICE photo$| statehouse\. Getty$| Reuters pic$| US Navy$/],
  ['source', /^(?:Gleaned|Culled|Reproduced|Salvaged|Assembled|Compiled) from foxnews\.com$/],
];
const classify = classifier(ARTICLE_KIND);

function reparse(doc, layout, text, eol) {
  const rp = reparser(doc, text, eol);
  const { L, err, plain, pushComment, paras, headerOf, textEnd } = rp;
  let k = rp.article(classify);
  const n = L.length;

  if (layout === 'fa') {
    if (L[k]?.text !== AIM_ROOM) err('fa: room line');
    plain(L[k++], 'footer');
    for (; k < n; k++) {
      const m = RE.aimLine.exec(L[k].text);
      if (!m) err(`fa: not a message line at ${k}`);
      pushComment(L[k].start + m[1].length + 1, L[k].end, m[2], 0, { start: L[k].start, end: L[k].start + m[1].length });
    }
  } else if (layout === 'fb' || layout === 'ff') {
    const dateRe = layout === 'fb' ? RE.kjTime : RE.nbDate;
    if (layout === 'fb') {
      if (L[k]?.text !== KJ_HEAD || L[k + 1]?.text !== '') err('fb: heading');
      plain(L[k], 'footer');
      k += 2;
    }
    const isHead = (q) => L[q] && L[q + 1] && RE.kjName.test(L[q].text) && dateRe.test(L[q + 1].text);
    while (k < n) {
      if (!isHead(k)) err(`${layout}: no header at ${k}`);
      const user = L[k].text;
      let s = k + 2;
      if (layout === 'ff') {
        if (L[s]?.text !== NB_LINKS) err(`ff: no link row at ${s}`);
        plain(L[s], 'footer');
        s++;
      }
      const e = textEnd(s, (q) => !isHead(q));
      paras(s, e);
      pushComment(L[s].start, L[e].end, user, 0, headerOf(k, k + 1));
      k = e + 1;
      if (k < n) {
        if (L[k].text !== '' || !isHead(k + 1)) err(`${layout}: comments not separated by one empty line at ${k}`);
        k++;
      }
    }
  } else if (layout === 'fc') {
    if (!/^Comments \(\d+\)$/.test(L[k]?.text ?? '') || L[k + 1]?.text !== '') err('fc: heading');
    plain(L[k], 'footer');
    k += 2;
    const isHead = (q) => L[q] && RE.idHead.test(L[q].text);
    while (k < n) {
      const h = RE.idHead.exec(L[k]?.text ?? '');
      if (!h || h[1].length % 4 !== 0) err(`fc: bad header at ${k}`);
      const depth = h[1].length / 4;
      const s = k + 1;
      const e = textEnd(s, (q) => !isHead(q));
      paras(s, e, { col: 4 * depth });
      pushComment(L[s].start + 4 * depth, L[e].end, h[2], depth, headerOf(k, k));
      k = e + 1;
      if (k < n) {
        if (L[k].text !== '' || !isHead(k + 1)) err(`fc: comments not separated by one empty line at ${k}`);
        k++;
      }
    }
  } else if (layout === 'fd') {
    while (k < n) {
      if (!RE.kjName.test(L[k]?.text ?? '')) err(`fd: no name line at ${k}`);
      const s = k + 1;
      const e = textEnd(s, (q) => !RE.vkWidget.test(L[q].text));
      if (!RE.vkWidget.test(L[e + 1]?.text ?? '')) err(`fd: no widget line under ${e}`);
      paras(s, e);
      pushComment(L[s].start, L[e].end, L[k].text, 0, headerOf(k, k));
      plain(L[e + 1], 'footer');
      k = e + 2;
      if (k < n) {
        if (L[k].text !== '' || !RE.kjName.test(L[k + 1]?.text ?? '')) err(`fd: comments not separated by one empty line at ${k}`);
        k++;
      }
    }
  } else if (layout === 'fe') {
    if (L[k]?.text !== ON_TITLE || !RE.onDate.test(L[k + 1]?.text ?? '') || !RE.onTime.test(L[k + 2]?.text ?? '') || L[k + 3]?.text !== '') err('fe: page head');
    for (let q = k; q < k + 3; q++) plain(L[q], 'footer');
    k += 4;
    while (k < n) {
      const s = k;
      if (RE.onPasted.test(L[s].text)) err(`fe: URL line without a clip at ${s}`);
      const e = textEnd(s, (q) => !RE.onPasted.test(L[q].text));
      paras(s, e);
      const m = RE.onPasted.exec(L[e + 1]?.text ?? '');
      if (!m) err(`fe: no URL line under ${e}`);
      pushComment(L[s].start, L[e].end, m[1], 0, headerOf(e + 1, e + 1));
      k = e + 2;
      if (k < n) {
        if (L[k].text !== '' || L[k + 1]?.text === '') err(`fe: clips not separated by one empty line at ${k}`);
        k++;
      }
    }
  } else err('layout');
  return rp.records();
}

const partsOf = (p, c) => c.text.split(new RegExp(`${p.page.eol}${p.page.eol} *`));

const CHECK = {
  layouts: ['fa', 'fb', 'fc', 'fd', 'fe', 'ff'],
  reparse,
  tabs: false,
  forbidden: /[\u00a0\u200b-\u200d\u200f\u202f\u000b\f\r]/,
  allowParas: (p) => p.page.paras,
  partsOf,
  textChecks: (ctx) => {
    const { p, text: t, fail } = ctx;
    if (p.page.bom || p.page.eol !== '\n' || t.includes('\r')) fail(`${p.doc}: BOM or CR`);
    // Non-ASCII characters: anything from the dataset inside title, body and comment records;
    // U+00B7 in fc's headers (20); nothing else.
    const fromData = new Uint8Array(t.length);
    for (const r of ctx.rs) if (['title', 'body', 'comment'].includes(r.kind)) fromData.fill(1, r.start, r.end);
    const inHeader = new Uint8Array(t.length);
    for (const r of ctx.rs) if (r.header) inHeader.fill(1, r.header.start, r.header.end);
    let dots = 0;
    for (let x = 0; x < t.length; x++) {
      const ch = t[x];
      if (/[\x20-\x7e\n]/.test(ch) || fromData[x]) continue;
      if (ch === '\u00b7' && p.layout === 'fc' && inHeader[x]) {
        dots++;
        continue;
      }
      fail(`${p.doc}: unexpected character U+${ch.charCodeAt(0).toString(16)} at ${x}`);
      break;
    }
    if (dots !== (p.layout === 'fc' ? N_COMMENTS : 0)) fail(`${p.doc}: U+00B7 in headers ${dots}`);
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
      const gap = headerGap(p, c, src, fail, 'fe', 'URL line');
      const ind = ' '.repeat(4 * c.depth);
      const wantGap = { fa: ' ', fb: eol, fc: eol + ind, fd: eol, fe: eol, ff: `${eol}${NB_LINKS}${eol}` }[p.layout];
      if (gap !== wantGap) fail(`${p.doc}: #${c.index} gap between header and text ${JSON.stringify(gap)}`);
      const t = p.times.get(src);
      const w = wallClock(t);
      const i = c.index;
      const wantHeader = {
        fa: `${src.user} (${aimTime(w, x.secs[i])}):`,
        fb: `${src.user}${eol}${kjTime(w)}`,
        fc: `${src.user} ${x.points[i]}p \u00b7 ${idAge(t)}`,
        fd: src.user,
        fe: `Pasted from <${ON_URL(src.user)}>`,
        ff: `${src.user}${eol}${nbDate(w)}`,
      }[p.layout];
      if (c.header.text !== wantHeader) fail(`${p.doc}: #${i} header ${JSON.stringify(c.header.text)}`);
      if (p.layout === 'fd' && !slice(p, c.end, c.end + 80).startsWith(`${eol}${vkWidget(w, x.likes[i])}${eol}`)) fail(`${p.doc}: #${i} widget line`);
      if (p.layout === 'fc' && x.points[cs.findIndex((q) => q.author === c.author)] !== x.points[i]) fail(`${p.doc}: #${i} points differ for one user`);
      if (p.layout === 'fc' && slice(p, c.header.start - ind.length - 1, c.header.start) !== eol + ind) fail(`${p.doc}: #${i} header not at its indent`);
      if (p.layout !== 'fc' && slice(p, c.header.start - 1, c.header.start) !== eol) fail(`${p.doc}: #${i} header not at a line start`);
      if (!p.page.nested) {
        if (t < lastTime) fail(`${p.doc}: #${i} time out of order`);
        lastTime = t;
      }
    }
    checkWindowParents(ctx);
    if (p.page.nested && cs.filter((c) => c.depth >= 1).length < 5) fail(`${p.doc}: fewer than 5 replies`);
    if (p.page.nested && Math.max(...cs.map((c) => c.depth)) < 3) fail(`${p.doc}: nested page does not reach depth 3`);
    if (p.page.nested && p.outside < 1) fail(`${p.doc}: no reply with its parent off the page`);
  },
  summaryTail: (p, cs) => {
    const x = p.extras;
    const span = timeSpan(x);
    const special = {
      fa: span,
      fb: span,
      fc: `${span}; depth 4: ${cs.filter((c) => c.depth === 4).length}; replies with the parent off the page ${p.outside}; points ${x.points.join(',')}`,
      fd: `${span}; likes ${x.likes.join(',')}`,
      fe: span,
      ff: span,
    }[p.layout];
    return `; ${special}` + cappedNote(p);
  },
};

runBlindSet(SET, PAGES, renderPage, CHECK);
