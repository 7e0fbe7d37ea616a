#!/usr/bin/env node
// Held-out segmentation pages, set Y (layouts eo–et).
//
// Builds tests/heldout-y/pages/*.txt and tests/heldout-y/segment.gold.jsonl from the Fox News
// comments dataset, then re-reads the files from disk and checks them (see tests/heldout-y/README.md).
//
//   node scripts/build-heldout-y-pages.mjs                 # shared dir defaults to <repo>/../shared
//   node scripts/build-heldout-y-pages.mjs /path/to/shared
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
  timeBounds, commentPusher, perUser, slice, partsOf,
} from './lib/blind-set-kit.mjs';

const SET = 'y';

// A whole number in [lo, hi] from a PRNG.
const between = (rng, lo, hi) => lo + Math.floor(rng() * (hi - lo + 1));
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pad4 = (n) => String(n).padStart(4, '0');
const pad7 = (n) => String(n).padStart(7, '0');

// ---------------------------------------------------------------------------------------------
// Fixed words of the layouts

// eo: a terminal session: `grep -H . <dir>/*.txt` over a folder with one text file per comment
// (`0123-user.txt`, the 1-based dataset position and the user); grep prints every matching line as
// `file:line`, so the file name (with the user in it) and a colon stand before the text on its line.
const GR_DIR = 'ice-sample';
const GR_CMD = `$ grep -H . ${GR_DIR}/*.txt`;
// ep: the notes of a MantisBT (1.2) issue, copied from the browser: per note the note id in
// brackets `(0012345)`, `user (reporter)`, the date `2016-06-04 10:26`, sometimes `edited on: …`,
// then the text.
const MB_HEAD = 'Notes';
const MB_LEVELS = ['reporter', 'updater', 'developer'];
// eq: a nested thread converted to reStructuredText by pandoc (`pandoc -f html -t rst --wrap=none`):
// every comment is a section whose title `user (10:26 AM)` is underlined with the character of its
// level (pandoc's order `= - ~ ^ '`); RST gives levels by order of first appearance.
const RS_CHARS = ['=', '-', '~', '^', "'"];
// er: comments under a Steemit post, copied from the browser: `user (56) · 9 years ago`, the text,
// and the line `$0.03  3 votes  Reply` (no vote count when nobody voted).
const ST_COPY_YEAR = 2024;
// es: a quote page on a MediaWiki wiki in Wikiquote's style (Vector skin), copied from the browser:
// the heading `Quotes[edit]`, then per quote the text and, directly under it, the source line
// `user, comment on "<article title>", Fox News, 16 June 2016`.
const WQ_HEAD = 'Quotes[edit]';
// et: a terminal session: `tail -n +1 <dir>/*.txt`, which prints `==> file <==` before each file
// (and an empty line before every header but the first).
const TL_DIR = 'texas-sample';
const TL_CMD = `$ tail -n +1 ${TL_DIR}/*.txt`;
const PROMPT = '$';

const PAGES = [
  { layout: 'eo', article: 'ice-program', window: 122, suffix: 'y', eol: '\n', bom: false, nested: false, paras: false, gaps: [2, 30], startHour: 8,
    dateline: (d) => `${d.y}.${pad2(d.m)}.${pad2(d.d)}`,
    before: [], bodyParas: 1,
    after: [['caption', 'An immigration officer at a detention center in Texas. (EPA)'], ['source', 'Captured from foxnews.com']] },
  { layout: 'ep', article: 'first-lady', window: 105, suffix: 'y', eol: '\n', bom: false, nested: false, paras: true, gaps: [3, 40], startHour: 10,
    dateline: (d) => `${d.y}/${d.m}/${d.d}`,
    before: [], bodyParas: 1,
    after: [['caption', 'Michelle Obama speaks at a university commencement. Credit: EPA'], ['source', 'Downloaded from foxnews.com']] },
  { layout: 'eq', article: 'navy-names', window: 20, suffix: 'y', eol: '\n', bom: false, nested: true, cap: 4, paras: true, gaps: [2, 25], startHour: 9,
    dateline: (d) => `${SHORT_MONTHS[d.m - 1]}. ${d.d}th, ${d.y}`,
    before: [], bodyParas: 1,
    after: [['caption', 'A Navy replenishment oiler at sea, via Reuters'], ['source', 'Exported from foxnews.com']] },
  { layout: 'er', article: 'confederate-flag', window: 97, suffix: 'y', eol: '\n', bom: false, nested: false, paras: true, gaps: [3, 45], startHour: 11,
    dateline: (d) => `${d.d} ${SHORT_MONTHS[d.m - 1]}. ${d.y}`,
    before: [], bodyParas: 1,
    after: [['caption', 'The Confederate battle flag over a statehouse lawn. [AP]'], ['source', 'Lifted from foxnews.com']] },
  { layout: 'es', article: 'fury-as-feminist', window: 105, suffix: 'y', eol: '\n', bom: false, nested: false, paras: true, gaps: [4, 50], startHour: 12,
    dateline: (d) => `${MONTHS[d.m - 1]} ${d.d} ${d.y}`,
    before: [], bodyParas: 1,
    after: [['caption', 'An alligator warning sign beside a lagoon. (Getty)'], ['source', 'Gathered from foxnews.com']] },
  { layout: 'et', article: 'texas-12-states', window: 111, suffix: 'y', eol: '\n', bom: false, nested: false, paras: true, gaps: [2, 30], startHour: 13,
    dateline: (d) => `Fri ${d.d} ${MONTHS[d.m - 1]} ${d.y}`,
    before: [['caption', 'A restroom sign at a government building. Getty Images/File']], bodyParas: 1,
    after: [['source', 'Sampled from foxnews.com']] },
];

// Formats (w: wallClock parts).
const mbDate = (w) => `${w.y}-${pad2(w.m)}-${pad2(w.d)} ${pad2(w.hh)}:${pad2(w.mm)}`;
const rsTime = (w) => `${h12(w.hh)}:${pad2(w.mm)} ${ampm(w.hh)}`;
const wqDate = (d) => `${d.d} ${MONTHS[d.m - 1]} ${d.y}`;
const fileOf = (dir, c) => `${dir}/${pad4(c.pos + 1)}-${c.user}.txt`;

// Shapes of the layouts' furniture (also used by the re-parse).
const RE = {
  grLine: new RegExp(`^(${esc(GR_DIR)}/(\\d{4})-([A-Za-z0-9_]+)\\.txt:)(.*)$`),
  mbId: /^\((\d{7})\)$/,
  mbName: new RegExp(`^([A-Za-z0-9_]+) \\((?:${MB_LEVELS.join('|')})\\)$`),
  mbDate: /^\d{4}-\d\d-\d\d \d\d:\d\d$/,
  mbEdited: /^edited on: \d{4}-\d\d-\d\d \d\d:\d\d$/,
  rsTitle: /^([A-Za-z0-9_]+) \((\d{1,2}:\d\d [AP]M)\)$/,
  rsUnder: /^([=\-~^'])\1*$/,
  stHead: /^([A-Za-z0-9_]+) \((\d+)\) \u00b7 (\d+) years ago$/,
  stWidget: /^\$\d+\.\d\d(?:  \d+ votes?)?  Reply$/,
  wqBy: /^([A-Za-z0-9_]+), comment on ".*", Fox News, \d{1,2} [A-Z][a-z]+ \d{4}$/,
  tlHead: new RegExp(`^==> ${esc(TL_DIR)}/(\\d{4})-([A-Za-z0-9_]+)\\.txt <==$`),
};

// Per layout: shapes its grammar would read as furniture; no paragraph may match one.
const FURNITURE = {
  eo: [/^\$/, /^\S+\.txt:/],
  ep: [RE.mbId, RE.mbName, RE.mbDate, /^edited on:/, new RegExp(`^${MB_HEAD}$`)],
  // eq: besides section titles and adornment lines, anything pandoc would have to escape (the
  // texts are kept verbatim, so no text may need escaping).
  eq: [RE.rsTitle, /^[=\-~^'#*+]{2,}$/, /[*`|\\_]/, /^[-+#>(]/, /^\d+[.)] /, /::$/, /^\.\. /],
  er: [RE.stHead, /^\$\d/, /^\S+ \(\d+\) \u00b7/],
  es: [/\[edit\]$/, /, comment on "/],
  et: [/^==> /, /^\$/],
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
  const extras = { ...timeBounds(selected, times), ids: [], levels: [], edited: [], chars: [], reps: [], votes: [], payouts: [] };
  // The paragraphs of every comment (checked against the layout's furniture), in display order.
  const parasOf = new Map(order.map((n) => [n, commentParas(doc, n.c, pageNo, page.paras, FURNITURE[page.layout])]));
  const push = commentPusher(b, indexOf);

  if (page.layout === 'eo') {
    // grep -H over one file per comment: the command line, then one line per comment
    // `<dir>/0123-user.txt:text`, then the shell's next prompt.
    b.line('footer', GR_CMD);
    order.forEach((n, i) => {
      const h = b.write(`${fileOf(GR_DIR, n.c)}:`);
      const span = b.paras(parasOf.get(n), { firstOpen: true });
      b.nl();
      push(n, i, span, b.span(h.start, h.end));
    });
    b.line('footer', PROMPT);
  } else if (page.layout === 'ep') {
    // MantisBT notes: `Notes`, an empty line; per note the id line, `user (level)`, the date line,
    // sometimes `edited on: <date>`, and the text; one empty line between notes.
    b.line('footer', MB_HEAD);
    b.nl();
    let id = between(counts, 11000, 14999);
    const levelOf = perUser(new Map(), () => {
      const r = counts();
      return r < 0.75 ? MB_LEVELS[0] : r < 0.9 ? MB_LEVELS[1] : MB_LEVELS[2];
    });
    order.forEach((n, i) => {
      const c = n.c;
      if (i > 0) b.nl();
      id += between(counts, 1, 9);
      const level = levelOf(c.user);
      const t = times.get(c);
      const lines = [`(${pad7(id)})`, `${c.user} (${level})`, mbDate(wallClock(t))];
      let edited = null;
      if (counts() < 0.2) {
        edited = t + between(counts, 2, 20);
        lines.push(`edited on: ${mbDate(wallClock(edited))}`);
      }
      extras.ids.push(id);
      extras.levels.push(level);
      extras.edited.push(edited);
      const hdr = b.headerBlock(lines);
      const span = b.paras(parasOf.get(n));
      b.nl();
      push(n, i, span, hdr);
    });
  } else if (page.layout === 'eq') {
    // pandoc RST: per comment in thread order the section title `user (10:26 AM)`, its underline
    // (the level's character, as long as the title), an empty line and the paragraphs; one empty
    // line between sections.
    order.forEach((n, i) => {
      const c = n.c;
      if (i > 0) b.nl();
      const title = `${c.user} (${rsTime(wallClock(times.get(c)))})`;
      const ch = RS_CHARS[n.depth];
      extras.chars.push(ch);
      const hdr = b.headerBlock([title, ch.repeat(title.length)]);
      b.nl();
      const span = b.paras(parasOf.get(n));
      b.nl();
      push(n, i, span, hdr);
    });
  } else if (page.layout === 'er') {
    // Steemit comments: `user (reputation) · 9 years ago`, the text, the payout line
    // `$0.03  3 votes  Reply`; one empty line between comments.
    const repOf = perUser(new Map(), () => between(counts, 25, 64));
    const age = ST_COPY_YEAR - d.y;
    order.forEach((n, i) => {
      const c = n.c;
      if (i > 0) b.nl();
      const rep = repOf(c.user);
      const r = counts();
      const votes = r < 0.35 ? 0 : between(counts, 1, 7);
      const payout = votes === 0 ? 0 : between(counts, 0, votes * 4);
      extras.reps.push(rep);
      extras.votes.push(votes);
      extras.payouts.push(payout);
      const hdr = b.headerBlock([`${c.user} (${rep}) \u00b7 ${age} years ago`]);
      const span = b.paras(parasOf.get(n));
      b.nl();
      b.line('footer', stWidget(votes, payout));
      push(n, i, span, hdr);
    });
  } else if (page.layout === 'es') {
    // Wikiquote-style page: `Quotes[edit]`, an empty line; per quote the paragraphs and, directly
    // under the last one, the source line; one empty line between quotes.
    b.line('footer', WQ_HEAD);
    b.nl();
    order.forEach((n, i) => {
      const c = n.c;
      if (i > 0) b.nl();
      const span = b.paras(parasOf.get(n));
      b.nl();
      const h = b.write(wqBy(c.user, article));
      b.nl();
      push(n, i, span, b.span(h.start, h.end));
    });
  } else if (page.layout === 'et') {
    // tail -n +1 over one file per comment: the command line; per file `==> <dir>/0112-user.txt <==`
    // and its text (paragraphs separated by an empty line), an empty line before every header but
    // the first; the shell's next prompt right under the last line.
    b.line('footer', TL_CMD);
    order.forEach((n, i) => {
      if (i > 0) b.nl();
      const hdr = b.headerBlock([`==> ${fileOf(TL_DIR, n.c)} <==`]);
      const span = b.paras(parasOf.get(n));
      b.nl();
      push(n, i, span, hdr);
    });
    b.line('footer', PROMPT);
  } else throw new Error(page.layout);

  if (b.s.endsWith(page.eol + page.eol)) throw new Error(`${doc}: page ends with an empty line`);
  return { doc, layout: page.layout, page, article, text: b.s, recs: b.sortedRecords(), order, selected, capped, outside, extras, times };
}

function stWidget(votes, payout) {
  const money = `$${Math.floor(payout / 100)}.${pad2(payout % 100)}`;
  return votes === 0 ? `${money}  Reply` : `${money}  ${votes} vote${votes === 1 ? '' : 's'}  Reply`;
}

const wqBy = (user, article) => `${user}, comment on "${article.title}", Fox News, ${wqDate(article.date)}`;

// ---------------------------------------------------------------------------------------------
// Independent re-parse

const ARTICLE_KIND = [
  ['dateline', new RegExp(`^(?:\\d{4}\\.\\d\\d\\.\\d\\d|\\d{4}/\\d{1,2}/\\d{1,2}|[A-Z][a-z]{2}\\. \\d{1,2}th, \\d{4}|\\d{1,2} [A-Z][a-z]{2}\\. \\d{4}|[A-Z][a-z]+ \\d{1,2} \\d{4}|Fri \\d{1,2} [A-Z][a-z]+ \\d{4})$`)],
  ['caption', / \(EPA\)$| Credit: EPA$|, via Reuters$| \[AP\]$| \(Getty\)$| Getty Images\/File$/],
  ['source', /^(?:Captured|Downloaded|Exported|Lifted|Gathered|Sampled) from foxnews\.com$/],
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

  if (layout === 'eo') {
    if (L[k]?.text !== GR_CMD) err('eo: command line');
    plain(L[k], 'footer');
    k++;
    let last = 0;
    while (k < n - 1) {
      const m = RE.grLine.exec(L[k].text);
      if (!m || m[4] === '' || /^\s/.test(m[4])) err(`eo: bad grep line ${k}`);
      if (+m[2] <= last) err(`eo: file numbers not growing at ${k}`);
      last = +m[2];
      const hEnd = L[k].start + m[1].length;
      pushComment(hEnd, L[k].end, m[3], 0, { start: L[k].start, end: hEnd });
      k++;
    }
    if (L[n - 1].text !== PROMPT) err('eo: final prompt');
    plain(L[n - 1], 'footer');
  } else if (layout === 'ep') {
    if (L[k]?.text !== MB_HEAD || L[k + 1]?.text !== '') err('ep: heading');
    plain(L[k], 'footer');
    k += 2;
    let lastId = 0;
    while (k < n) {
      const id = RE.mbId.exec(L[k]?.text ?? '');
      const nm = RE.mbName.exec(L[k + 1]?.text ?? '');
      if (!id || !nm || !RE.mbDate.test(L[k + 2]?.text ?? '')) err(`ep: bad note header at ${k}`);
      if (+id[1] <= lastId) err(`ep: note ids not growing at ${k}`);
      lastId = +id[1];
      let h = k + 2;
      if (RE.mbEdited.test(L[h + 1]?.text ?? '')) h++;
      const s = h + 1;
      const e = textEnd(s, (q) => !RE.mbId.test(L[q].text));
      paras(s, e);
      pushComment(L[s].start, L[e].end, nm[1], 0, headerOf(k, h));
      k = e + 1;
      if (k < n) {
        if (L[k].text !== '' || !RE.mbId.test(L[k + 1]?.text ?? '')) err(`ep: notes not separated by one empty line at ${k}`);
        k++;
      }
    }
  } else if (layout === 'eq') {
    // A section title is a line whose next line is an adornment of exactly its length. Levels are
    // the adornment characters in order of first appearance; a new one may only open one level deeper.
    const isTitle = (q) => L[q] && L[q + 1] && RE.rsTitle.test(L[q].text) && RE.rsUnder.test(L[q + 1].text) && L[q + 1].text.length === L[q].text.length;
    const styles = [];
    let depth = -1;
    while (k < n) {
      if (!isTitle(k)) err(`eq: no section title at ${k}`);
      const t = RE.rsTitle.exec(L[k].text);
      const ch = L[k + 1].text[0];
      let lv = styles.indexOf(ch);
      if (lv < 0) {
        if (styles.length !== depth + 1) err(`eq: new adornment ${ch} not one level deeper at ${k}`);
        styles.push(ch);
        lv = styles.length - 1;
      }
      if (lv > depth + 1) err(`eq: level jump at ${k}`);
      depth = lv;
      if (L[k + 2]?.text !== '') err(`eq: no empty line under the title at ${k}`);
      const s = k + 3;
      const e = textEnd(s, (q) => !isTitle(q));
      paras(s, e);
      pushComment(L[s].start, L[e].end, t[1], lv, headerOf(k, k + 1));
      k = e + 1;
      if (k < n) {
        if (L[k].text !== '' || !isTitle(k + 1)) err(`eq: sections not separated by one empty line at ${k}`);
        k++;
      }
    }
  } else if (layout === 'er') {
    while (k < n) {
      const h = RE.stHead.exec(L[k]?.text ?? '');
      if (!h) err(`er: bad header at ${k}`);
      const s = k + 1;
      const e = textEnd(s, (q) => !RE.stHead.test(L[q].text) && !RE.stWidget.test(L[q].text));
      if (!RE.stWidget.test(L[e + 1]?.text ?? '')) err(`er: no payout line after ${e}`);
      paras(s, e);
      pushComment(L[s].start, L[e].end, h[1], 0, headerOf(k, k));
      plain(L[e + 1], 'footer');
      k = e + 2;
      if (k < n) {
        if (L[k].text !== '' || !RE.stHead.test(L[k + 1]?.text ?? '')) err(`er: comments not separated by one empty line at ${k}`);
        k++;
      }
    }
  } else if (layout === 'es') {
    if (L[k]?.text !== WQ_HEAD || L[k + 1]?.text !== '') err('es: heading');
    plain(L[k], 'footer');
    k += 2;
    while (k < n) {
      const s = k;
      if (RE.wqBy.test(L[s].text)) err(`es: source line without a quote at ${s}`);
      const e = textEnd(s, (q) => !RE.wqBy.test(L[q].text));
      paras(s, e);
      const by = RE.wqBy.exec(L[e + 1]?.text ?? '');
      if (!by) err(`es: no source line under ${e}`);
      pushComment(L[s].start, L[e].end, by[1], 0, headerOf(e + 1, e + 1));
      k = e + 2;
      if (k < n) {
        if (L[k].text !== '' || L[k + 1]?.text === '') err(`es: quotes not separated by one empty line at ${k}`);
        k++;
      }
    }
  } else if (layout === 'et') {
    if (L[k]?.text !== TL_CMD) err('et: command line');
    plain(L[k], 'footer');
    k++;
    let last = 0;
    while (k < n - 1) {
      const h = RE.tlHead.exec(L[k]?.text ?? '');
      if (!h) err(`et: bad file header at ${k}`);
      if (+h[1] <= last) err(`et: file numbers not growing at ${k}`);
      last = +h[1];
      const s = k + 1;
      const e = textEnd(s, (q) => !RE.tlHead.test(L[q].text));
      paras(s, e);
      pushComment(L[s].start, L[e].end, h[2], 0, headerOf(k, k));
      k = e + 1;
      if (k < n - 1) {
        if (L[k].text !== '' || !RE.tlHead.test(L[k + 1]?.text ?? '')) err(`et: files not separated by one empty line at ${k}`);
        k++;
      }
    }
    if (k !== n - 1 || L[n - 1].text !== PROMPT) err('et: final prompt');
    plain(L[n - 1], 'footer');
  } else err('layout');
  return rp.records();
}

const CHECK = {
  layouts: ['eo', 'ep', 'eq', 'er', 'es', 'et'],
  reparse,
  tabs: false,
  forbidden: /[\u00a0\u200b-\u200d\u200f\u202f\u000b\f\r]/,
  allowParas: (p) => p.page.paras,
  partsOf,
  textChecks: (ctx) => {
    const { p, text: t, fail } = ctx;
    const count = (re) => (t.match(re) ?? []).length;
    if (p.page.bom || p.page.eol !== '\n' || t.includes('\r')) fail(`${p.doc}: BOM or CR`);
    // U+00B7 only in er's headers (one each)
    if (count(/\u00b7/g) !== (p.layout === 'er' ? N_COMMENTS : 0)) fail(`${p.doc}: U+00B7 count`);
    // Non-ASCII characters: the middle dot above; the dataset's typographic characters only inside
    // records copied from the dataset (title, body, comment text); nothing else.
    const fromData = new Uint8Array(t.length);
    for (const r of ctx.rs) if (['title', 'body', 'comment'].includes(r.kind)) fromData.fill(1, r.start, r.end);
    const inHeader = new Uint8Array(t.length);
    for (const r of ctx.rs) if (r.header) inHeader.fill(1, r.header.start, r.header.end);
    for (let x = 0; x < t.length; x++) {
      const ch = t[x];
      if (/[\x20-\x7e\n]/.test(ch)) continue;
      if (ch === '\u00b7' && p.layout === 'er' && inHeader[x]) continue;
      if (/[\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u00e9]/.test(ch) && fromData[x]) continue;
      fail(`${p.doc}: unexpected character U+${ch.charCodeAt(0).toString(16)} at ${x}`);
      break;
    }
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
      const gap = headerGap(p, c, src, fail, 'es', 'source line');
      const wantGap = { eo: '', ep: eol, eq: eol + eol, er: eol, es: eol, et: eol }[p.layout];
      if (gap !== wantGap) fail(`${p.doc}: #${c.index} gap between header and text ${JSON.stringify(gap)}`);
      const w = wallClock(p.times.get(src));
      const i = c.index;
      const wantHeader = {
        eo: `${fileOf(GR_DIR, src)}:`,
        ep: [`(${pad7(x.ids[i])})`, `${src.user} (${x.levels[i]})`, mbDate(w), ...(x.edited[i] === null ? [] : [`edited on: ${mbDate(wallClock(x.edited[i]))}`])].join(eol),
        eq: (() => {
          const title = `${src.user} (${rsTime(w)})`;
          return `${title}${eol}${RS_CHARS[c.depth].repeat(title.length)}`;
        })(),
        er: `${src.user} (${x.reps[i]}) \u00b7 ${ST_COPY_YEAR - p.article.date.y} years ago`,
        es: wqBy(src.user, p.article),
        et: `==> ${fileOf(TL_DIR, src)} <==`,
      }[p.layout];
      if (c.header.text !== wantHeader) fail(`${p.doc}: #${c.index} header ${JSON.stringify(c.header.text)}`);
      if (p.layout === 'eq' && x.chars[i] !== RS_CHARS[c.depth]) fail(`${p.doc}: #${i} adornment`);
      if (p.layout === 'er' && !slice(p, c.end, c.end + 80).startsWith(`${eol}${stWidget(x.votes[i], x.payouts[i])}${eol}`)) fail(`${p.doc}: #${i} payout line`);
      if (p.layout === 'er' && x.reps[cs.findIndex((q) => q.author === c.author)] !== x.reps[i]) fail(`${p.doc}: #${i} reputation differs for one user`);
      if (p.layout === 'ep' && x.levels[cs.findIndex((q) => q.author === c.author)] !== x.levels[i]) fail(`${p.doc}: #${i} access level differs for one user`);
      if (p.layout === 'ep' && i > 0 && !(x.ids[i] > x.ids[i - 1])) fail(`${p.doc}: #${i} note id`);
      if (p.layout === 'ep' && x.edited[i] !== null && !(x.edited[i] > p.times.get(src))) fail(`${p.doc}: #${i} edit before the note`);
      if (['eo', 'ep', 'er', 'et'].includes(p.layout) && c.header.start > 0 && slice(p, c.header.start - 1, c.header.start) !== eol) fail(`${p.doc}: #${i} header not at a line start`);
      // Times (where shown) grow down every flat page; file numbers grow on eo and et
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
    if (p.layout === 'ep' && !x.edited.some((e) => e !== null)) fail(`${p.doc}: no edited note`);
    if (p.layout === 'er' && (!x.votes.some((v) => v === 0) || !x.votes.some((v) => v === 1) || !x.votes.some((v) => v > 1))) fail(`${p.doc}: payout lines lack a variant`);
    if (p.layout === 'ep' && new Set(x.levels).size < 2) fail(`${p.doc}: fewer than 2 access levels`);
  },
  summaryTail: (p, cs) => {
    const x = p.extras;
    const span = timeSpan(x);
    const special = {
      eo: `${span} (not shown)`,
      ep: `${span}; note ids ${x.ids[0]}…${x.ids[x.ids.length - 1]}; edited ${x.edited.map((e, i) => (e === null ? null : i)).filter((i) => i !== null).join(',')}; levels ${x.levels.join(',')}`,
      eq: `${span}; depth 4: ${cs.filter((c) => c.depth === 4).length}; replies with the parent off the page ${p.outside}; adornments ${x.chars.join('')}`,
      er: `${span} (not shown); votes ${x.votes.join(',')}; reputations ${x.reps.join(',')}`,
      es: `${span} (not shown)`,
      et: `${span} (not shown)`,
    }[p.layout];
    return `; ${special}` + cappedNote(p);
  },
};

// ---------------------------------------------------------------------------------------------
// Main flow: the kit's runBlindSet, each page with its own doc suffix

runBlindSet(SET, PAGES, renderPage, CHECK);
