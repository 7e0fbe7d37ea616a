#!/usr/bin/env node
// Held-out segmentation pages, set W (layouts ec–eh).
//
// Builds tests/heldout-w/pages/*.txt and tests/heldout-w/segment.gold.jsonl from the Fox News
// comments dataset, then re-reads the files from disk and checks them (see tests/heldout-w/README.md).
//
//   node scripts/build-heldout-w-pages.mjs                 # shared dir defaults to <repo>/../shared
//   node scripts/build-heldout-w-pages.mjs /path/to/shared
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
  DAYS, MONTHS, SHORT_MONTHS, SHORT_DAYS, classifier, commentParas, commentTimes, layoutRngs,
  minutesOf, pad2, reparser, runBlindSet, wallClock, wrapTo, cappedNote, N_COMMENTS,
  h12, commentWindow, threadOrder, checkWindowParents, timeSpan, ordinal, checkWindowSelection, headerGap,
  timeBounds, commentPusher, slice,
} from './lib/blind-set-kit.mjs';

const SET = 'w';

// A whole number in [lo, hi] from a PRNG.
const between = (rng, lo, hi) => lo + Math.floor(rng() * (hi - lo + 1));
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// ---------------------------------------------------------------------------------------------
// Fixed words of the layouts

// ec: the Reviewing Pane of Word 2010 (vertical), selected and copied into Notepad. Every reader
// comment is a Word comment whose author and initials are the screen name (the moderation export
// that made the document wrote the name into both fields), so the pane shows `Comment [<name><n>]:`.
const WD_HEAD = ['Summary: 20 revisions', 'Insertions 0  Deletions 0  Moves 0  Formatting 0  Comments 20', 'Main document changes and comments'];
const WD_TAIL = ['Header and footer changes', 'Text Box changes', 'Header and footer text box changes', 'Footnote changes', 'Endnote changes'];
// ed: a comment archive kept as a git repository, one commit per comment, printed with
// `git log --reverse` and saved by an editor that strips trailing spaces.
const GT_DOMAIN = 'comments.example.org';
// ee: a Logseq page (Markdown file of the graph): page properties, then one block per comment,
// nested by tabs; the header is the bullet line, the text sits under it at the bullet's column + 2.
const LS_PROPS = ['type:: reader-comments', 'source-site:: foxnews.com'];
// ef: a Yammer group conversation copied from the browser.
const YM_HEAD = ['Fox News Readers', 'Conversations'];
const YM_BUTTONS = 'Like \u00b7 Reply \u00b7 Share \u00b7 More';
// eg: a `fortune` cookie file (strfile input): entries wrapped at 72 columns, each with its
// attribution line `\t\t-- user, 16 Aug 2016` under it and a `%` line after it.
const FT_WIDTH = 72;
// eh: a Jupyter notebook printed from the browser (Chrome, headers and footers on) and turned into
// text: per printed page the date and title lines, the output lines, the address with the page count.
const JP_TITLE = 'ice-comments';
const JP_URL = `localhost:8888/notebooks/${JP_TITLE}.ipynb`;
const JP_CELL = ['In [7]: for r in df.itertuples():', "            print('#{} {} ({})'.format(r.pos, r.user, r.posted))", "            print(r.text + '\\n')"];
const JP_WIDTH = 100; // output lines wrap at 100 columns
const JP_PAGE = 48; // lines of a printed page between its header and its footer

const PAGES = [
  { layout: 'ec', article: 'fury-as-feminist', window: 145, suffix: 'w', eol: '\n', bom: false, nested: false, paras: true, gaps: [2, 35], startHour: 9,
    dateline: (d) => `${DAYS[d.wd]} ${d.d} ${MONTHS[d.m - 1]} ${d.y}`,
    before: [], bodyParas: 1,
    after: [['caption', 'Alligator warning signs at a Florida resort lake. (Photo: AP)'], ['source', 'Pasted from foxnews.com']] },
  { layout: 'ed', article: 'first-lady', window: 142, suffix: 'w', eol: '\n', bom: false, nested: false, paras: true, gaps: [3, 40], startHour: 11,
    dateline: (d) => `${d.y}.${pad2(d.m)}.${pad2(d.d)}`,
    before: [], bodyParas: 1,
    after: [['caption', 'The first lady speaking at a commencement ceremony. [Photo: Reuters]'], ['source', 'Archived from foxnews.com']] },
  { layout: 'ee', article: 'texas-12-states', window: 200, suffix: 'w', eol: '\n', bom: false, nested: true, cap: 4, paras: true, gaps: [2, 25], startHour: 13,
    dateline: (d) => `${pad2(d.d)}.${pad2(d.m)}.${d.y}`,
    before: [], bodyParas: 1,
    after: [['caption', 'A gender-neutral restroom sign at a school. Credit: iStock'], ['source', 'Copied out of foxnews.com']] },
  { layout: 'ef', article: 'navy-names', window: 150, suffix: 'w', eol: '\n', bom: false, nested: false, paras: true, gaps: [3, 45], startHour: 8,
    dateline: (d) => `${d.d} ${SHORT_MONTHS[d.m - 1]}. ${d.y}`,
    before: [], bodyParas: 1,
    after: [['caption', 'A replenishment oiler under way in the Pacific. Image: U.S. Navy'], ['source', 'Collected from foxnews.com']] },
  { layout: 'eg', article: 'black-lives', window: 45, suffix: 'w', eol: '\n', bom: false, nested: false, paras: true, gaps: [4, 50], startHour: 10,
    dateline: (d) => `${pad2(d.d)}-${SHORT_MONTHS[d.m - 1]}-${d.y}`,
    before: [['caption', 'Protesters march in a city street. (AP Photo)']], bodyParas: 1,
    after: [['source', 'Loaded from foxnews.com']] },
  { layout: 'eh', article: 'ice-program', window: 143, suffix: 'w', eol: '\n', bom: false, nested: false, paras: true, gaps: [2, 30], startHour: 7,
    dateline: (d) => `${SHORT_DAYS[d.wd]} ${d.d} ${SHORT_MONTHS[d.m - 1]} ${d.y}`,
    before: [], bodyParas: 1,
    after: [['caption', 'An immigration agent during an arrest. Picture: ICE handout'], ['source', 'Fetched from foxnews.com']] },
];

// Time formats (w: wallClock parts; s: seconds).
const gtDate = (w, s) => `${SHORT_DAYS[w.wd]} ${SHORT_MONTHS[w.m - 1]} ${w.d} ${pad2(w.hh)}:${pad2(w.mm)}:${pad2(s)} ${w.y} -0400`;
const lsJournal = (w) => `${SHORT_MONTHS[w.m - 1]} ${ordinal(w.d)}, ${w.y}`;
const ymDate = (w) => `${SHORT_MONTHS[w.m - 1]} ${w.d}, ${w.y} ${h12(w.hh)}:${pad2(w.mm)}${w.hh < 12 ? 'am' : 'pm'}`;
const ftDate = (w) => `${w.d} ${SHORT_MONTHS[w.m - 1]} ${w.y}`;
const jpStamp = (w, s) => `${w.y}-${pad2(w.m)}-${pad2(w.d)} ${pad2(w.hh)}:${pad2(w.mm)}:${pad2(s)}`;
const jpPrintDate = (w) => `${w.m}/${w.d}/${w.y}`;

// Shapes of the layouts' furniture (also used by the re-parse).
const SMONTH_RE = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const SDAY_RE = '(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat)';
const RE = {
  name: /^[A-Za-z0-9_]+$/,
  wdComment: /^Comment \[([A-Za-z0-9_]+?)\]: /,
  gtCommit: /^commit ([0-9a-f]{40})$/,
  gtAuthor: new RegExp(`^Author: ([A-Za-z0-9_]+) <([A-Za-z0-9_]+)@${esc(GT_DOMAIN)}>$`),
  gtDate: new RegExp(`^Date:   ${SDAY_RE} ${SMONTH_RE} \\d{1,2} \\d\\d:\\d\\d:\\d\\d \\d{4} -0400$`),
  lsHead: new RegExp(`^(\\t*)- \\[\\[([A-Za-z0-9_]+)\\]\\] on \\[\\[${SMONTH_RE} \\d{1,2}(?:st|nd|rd|th), \\d{4}\\]\\] at \\d\\d:\\d\\d$`),
  lsProp: /^[a-z-]+:: \S.*$/,
  ymDate: new RegExp(`^${SMONTH_RE} \\d{1,2}, \\d{4} \\d{1,2}:\\d\\d[ap]m$`),
  ymSeen: /^Seen by (\d+)$/,
  ftSig: new RegExp(`^\\t\\t-- ([A-Za-z0-9_]+), \\d{1,2} ${SMONTH_RE} \\d{4}$`),
  jpHead: /^#(\d+) ([A-Za-z0-9_]+) \((\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)\)$/,
  jpDate: /^\d{1,2}\/\d{1,2}\/\d{4}$/,
  jpFoot: new RegExp(`^${esc(JP_URL)} (\\d+)/(\\d+)$`),
};

// Per layout: shapes its grammar would read as furniture; no paragraph (or wrapped line) may match one.
const FURNITURE = {
  ec: [/^Comment \[/, ...WD_HEAD.map((l) => new RegExp(`^${esc(l)}$`)), ...WD_TAIL.map((l) => new RegExp(`^${esc(l)}$`))],
  ed: [/^commit /, /^Author: /, /^Date: /],
  ee: [/^\t/, /^- /, RE.lsProp, /\[\[/],
  ef: [RE.ymDate, RE.ymSeen, /^Like \u00b7/, ...YM_HEAD.map((l) => new RegExp(`^${esc(l)}$`))],
  eg: [/^%$/, /^\s*-- /],
  eh: [/^#\d+ /, RE.jpDate, new RegExp(`^${esc(JP_TITLE)}$`), /^localhost:/, /^In \[/],
};

// Hex digits of a commit hash from a PRNG.
const hexHash = (rng) => Array.from({ length: 40 }, () => '0123456789abcdef'[Math.floor(rng() * 16)]).join('');

// ---------------------------------------------------------------------------------------------
// Page b after its article part (the main flow writes that): thread heading, comments, tails.

function renderPage(b, page, pageNo, article) {
  const { doc } = b;
  const d = article.date;
  const selected = commentWindow(article, page.window);
  const { order, capped, outside, indexOf } = threadOrder(article, page, selected);
  const { rng, counts } = layoutRngs(SET, page.layout);
  const times = commentTimes(selected, minutesOf(d.y, d.m, d.d, page.startHour, 5 + Math.floor(rng() * 45)), rng, () => page.gaps);
  const extras = { ...timeBounds(selected, times), seen: [], printed: 0, tabs: 0, hashes: [] };
  const wrap = page.layout === 'eg' ? wrapTo(FT_WIDTH) : page.layout === 'eh' ? wrapTo(JP_WIDTH) : (p) => [p];
  // The paragraphs of every comment (checked against the layout's furniture), in display order.
  const parasOf = new Map(order.map((n) => [n, commentParas(doc, n.c, pageNo, page.paras, FURNITURE[page.layout], wrap)]));
  for (const n of order) for (const p of parasOf.get(n)) if (wrap(p).join(' ') !== p) throw new Error(`${doc}: wrap does not join back`);
  const push = commentPusher(b, indexOf);
  const secs = new Map(selected.map((c) => [c, Math.floor(counts() * 60)]));

  if (page.layout === 'ec') {
    // Word 2010 Reviewing Pane: three summary lines, an empty line; per comment `Comment [<name><n>]: `
    // and the first paragraph on one line, later paragraphs after an empty line; one empty line
    // between comments; after the last comment an empty line and the pane's five empty sections.
    for (const l of WD_HEAD) b.line('footer', l);
    b.nl();
    order.forEach((n, i) => {
      if (i > 0) b.nl();
      const h = b.write(`Comment [${n.c.user}${i + 1}]:`);
      b.write(' ');
      const span = b.paras(parasOf.get(n), { firstOpen: true });
      b.nl();
      push(n, i, span, b.span(h.start, h.end));
    });
    b.nl();
    for (const l of WD_TAIL) b.line('footer', l);
  } else if (page.layout === 'ed') {
    // git log --reverse: `commit <hash>`, `Author: user <user@…>`, `Date:   Sat Jun 4 11:20:13 2016 -0400`,
    // an empty line, the message indented by 4 spaces (empty lines between paragraphs), an empty line.
    order.forEach((n, i) => {
      const c = n.c;
      if (i > 0) b.nl();
      const hash = hexHash(counts);
      extras.hashes.push(hash);
      const hdr = b.headerBlock([`commit ${hash}`, `Author: ${c.user} <${c.user}@${GT_DOMAIN}>`, `Date:   ${gtDate(wallClock(times.get(c)), secs.get(c))}`]);
      b.nl();
      const span = b.paras(parasOf.get(n), { indent: '    ' });
      b.nl();
      push(n, i, span, hdr);
    });
  } else if (page.layout === 'ee') {
    // Logseq page: two page-property lines, then the blocks in thread order with no empty line
    // between them; a block is `<tabs>- [[user]] on [[Aug 12th, 2016]] at 13:20` and the text at
    // <tabs> + two spaces, paragraphs separated by an empty line.
    for (const l of LS_PROPS) b.line('footer', l);
    order.forEach((n, i) => {
      const c = n.c;
      const w = wallClock(times.get(c));
      const tabs = '\t'.repeat(n.depth);
      extras.tabs += n.depth;
      const hdr = b.headerBlock([`${tabs}- [[${c.user}]] on [[${lsJournal(w)}]] at ${pad2(w.hh)}:${pad2(w.mm)}`]);
      const ps = parasOf.get(n);
      extras.tabs += n.depth * ps.length;
      const span = b.paras(ps, { indent: `${tabs}  ` });
      b.nl();
      push(n, i, span, hdr);
    });
  } else if (page.layout === 'ef') {
    // Yammer: the group name and `Conversations`, an empty line; per post the name, the date line,
    // the text, the button line and `Seen by N`; one empty line between posts.
    for (const l of YM_HEAD) b.line('footer', l);
    b.nl();
    let seen = between(counts, 40, 90);
    order.forEach((n, i) => {
      const c = n.c;
      if (i > 0) b.nl();
      const hdr = b.headerBlock([c.user, ymDate(wallClock(times.get(c)))]);
      const span = b.paras(parasOf.get(n));
      b.nl();
      b.line('footer', YM_BUTTONS);
      // later posts have been open for less time: the count does not grow down the page
      seen = Math.max(1, seen - between(counts, 0, 4));
      extras.seen.push(seen);
      b.line('footer', `Seen by ${seen}`);
      push(n, i, span, hdr);
    });
  } else if (page.layout === 'eg') {
    // fortune file: per entry the text wrapped at 72 (paragraphs separated by an empty line), the
    // attribution `\t\t-- user, 16 Aug 2016` directly under it and a `%` line; no empty line between entries.
    order.forEach((n, i) => {
      const c = n.c;
      const span = b.paras(parasOf.get(n), { wrap });
      b.nl();
      b.write('\t\t');
      const h = b.write(`-- ${c.user}, ${ftDate(wallClock(times.get(c)))}`);
      b.nl();
      b.line('footer', '%');
      push(n, i, span, b.span(h.start, h.end));
    });
  } else if (page.layout === 'eh') {
    // Jupyter printout: printed pages of at most JP_PAGE lines between the header (print date,
    // notebook title, empty line) and the footer (address and `k/N`); one empty line before each
    // footer and between pages. Page 1 starts with the cell (prompt and code) and an empty line.
    // A comment is `#<pos> user (stamp)` and the text wrapped at 100, paragraphs separated by an
    // empty line; one empty line after each comment. Page breaks fall between comments.
    const printed = wallClock(extras.lastTime + 1440 + between(counts, 60, 600));
    const height = (n) => 1 + parasOf.get(n).reduce((s, p, k) => s + wrap(p).length + (k > 0 ? 1 : 0), 0) + 1;
    const groups = [];
    let used = JP_CELL.length + 1;
    for (const n of order) {
      if (!groups.length || used + height(n) > JP_PAGE) {
        groups.push([]);
        used = groups.length === 1 ? JP_CELL.length + 1 : 0;
      }
      groups[groups.length - 1].push(n);
      used += height(n);
    }
    let i = 0;
    groups.forEach((g, gi) => {
      if (gi > 0) b.nl();
      b.line('footer', jpPrintDate(printed));
      b.line('footer', JP_TITLE);
      b.nl();
      if (gi === 0) {
        for (const l of JP_CELL) b.line('footer', l.trimStart(), ' '.repeat(l.length - l.trimStart().length));
        b.nl();
      }
      for (const n of g) {
        const c = n.c;
        const hdr = b.headerBlock([`#${c.pos + 1} ${c.user} (${jpStamp(wallClock(times.get(c)), secs.get(c))})`]);
        const span = b.paras(parasOf.get(n), { wrap });
        b.nl(2);
        push(n, i++, span, hdr);
      }
      b.line('footer', `${JP_URL} ${gi + 1}/${groups.length}`);
    });
    extras.printed = groups.length;
  } else throw new Error(page.layout);

  if (b.s.endsWith(page.eol + page.eol)) throw new Error(`${doc}: page ends with an empty line`);
  return { doc, layout: page.layout, page, article, text: b.s, recs: b.sortedRecords(), order, selected, capped, outside, extras, times, secs };
}

// ---------------------------------------------------------------------------------------------
// Independent re-parse

const ARTICLE_KIND = [
  ['dateline', new RegExp(`^(?:(?:${DAYS.join('|')}) \\d{1,2} (?:${MONTHS.join('|')}) \\d{4}|\\d{4}\\.\\d\\d\\.\\d\\d|\\d\\d\\.\\d\\d\\.\\d{4}|\\d{1,2} ${SMONTH_RE}\\. \\d{4}|\\d\\d-${SMONTH_RE}-\\d{4}|${SDAY_RE} \\d{1,2} ${SMONTH_RE} \\d{4})$`)],
  ['caption', / \(Photo: AP\)$| \[Photo: Reuters\]$| Credit: iStock$| Image: U\.S\. Navy$| \(AP Photo\)$| Picture: ICE handout$/],
  ['source', /^(?:Pasted from|Archived from|Copied out of|Collected from|Loaded from|Fetched from) foxnews\.com$/],
];
const classify = classifier(ARTICLE_KIND);

/**
 * Independent re-parse of one page by its layout's grammar. Uses only the page text and the layout
 * name, not the generator's bookkeeping; returns the records the page implies.
 */
function reparse(doc, layout, text, eol) {
  const rp = reparser(doc, text, eol);
  const { L, err, plain, pushComment, paras, headerOf, textEnd, lead } = rp;
  let k = rp.article(classify);
  const n = L.length;

  if (layout === 'ec') {
    WD_HEAD.forEach((h, j) => {
      if (L[k + j]?.text !== h) err('ec: pane summary');
      plain(L[k + j], 'footer');
    });
    if (L[k + 3]?.text !== '') err('ec: no empty line under the summary');
    k += 4;
    const tailAt = n - WD_TAIL.length;
    WD_TAIL.forEach((h, j) => {
      if (L[tailAt + j]?.text !== h) err('ec: pane sections');
      plain(L[tailAt + j], 'footer');
    });
    if (L[tailAt - 1]?.text !== '') err('ec: no empty line before the pane sections');
    let num = 0;
    while (k < tailAt - 1) {
      const m = RE.wdComment.exec(L[k].text);
      num++;
      // the bracket holds the initials (the screen name) and the running number of the comment
      if (!m || !m[1].endsWith(String(num)) || m[1].length === String(num).length) err(`ec: bad comment line ${k}`);
      const author = m[1].slice(0, -String(num).length);
      const e = textEnd(k, (q) => !RE.wdComment.test(L[q].text) && q < tailAt - 1);
      paras(k, e, { firstOpen: true });
      const hEnd = L[k].start + m[0].length - 1;
      pushComment(hEnd + 1, L[e].end, author, 0, { start: L[k].start, end: hEnd });
      k = e + 1;
      if (k < tailAt - 1) {
        if (L[k].text !== '' || !RE.wdComment.test(L[k + 1]?.text ?? '')) err(`ec: comments not separated by one empty line at ${k}`);
        k++;
      }
    }
    if (num !== 20 || !WD_HEAD[0].endsWith(` ${num} revisions`)) err('ec: revision count');
  } else if (layout === 'ed') {
    const hashes = new Set();
    while (k < n) {
      const c = RE.gtCommit.exec(L[k]?.text ?? '');
      const a = RE.gtAuthor.exec(L[k + 1]?.text ?? '');
      if (!c || !a || a[1] !== a[2] || !RE.gtDate.test(L[k + 2]?.text ?? '') || L[k + 3]?.text !== '') err(`ed: bad commit header at ${k}`);
      if (hashes.has(c[1])) err('ed: duplicate hash');
      hashes.add(c[1]);
      const s = k + 4;
      const e = textEnd(s, (q) => !RE.gtCommit.test(L[q].text));
      paras(s, e, { col: 4 });
      pushComment(L[s].start + 4, L[e].end, a[1], 0, headerOf(k, k + 2));
      k = e + 1;
      if (k < n) {
        if (L[k].text !== '' || !RE.gtCommit.test(L[k + 1]?.text ?? '')) err(`ed: commits not separated by one empty line at ${k}`);
        k++;
      }
    }
  } else if (layout === 'ee') {
    LS_PROPS.forEach((h, j) => {
      if (!RE.lsProp.test(L[k + j]?.text ?? '')) err('ee: page properties');
      plain(L[k + j], 'footer');
    });
    k += LS_PROPS.length;
    while (k < n) {
      const h = RE.lsHead.exec(L[k]?.text ?? '');
      if (!h) err(`ee: bad block line ${k}`);
      const depth = h[1].length;
      const ind = `${h[1]}  `;
      const s = k + 1;
      if (!L[s] || !L[s].text.startsWith(ind) || L[s].text[ind.length] === ' ' || L[s].text[ind.length] === '\t') err(`ee: text not under the bullet at ${s}`);
      let e = s;
      // the block goes on through lines at its text indent, an empty line only between two of them
      const inBlock = (l) => l !== undefined && l.text.startsWith(ind) && !RE.lsHead.test(l.text);
      for (;;) {
        if (inBlock(L[e + 1])) e += 1;
        else if (L[e + 1]?.text === '' && inBlock(L[e + 2])) e += 2;
        else break;
      }
      for (let q = s; q <= e; q++) {
        const t = L[q].text;
        if (t === '' ? q === s || q === e || L[q - 1].text === '' : !t.startsWith(ind) || /^[\t ]/.test(t.slice(ind.length)) || (q > s && L[q - 1].text !== '')) err(`ee: bad paragraph line ${q}`);
      }
      pushComment(L[s].start + ind.length, L[e].end, h[2], depth, { start: L[k].start + depth, end: L[k].end });
      k = e + 1;
    }
  } else if (layout === 'ef') {
    YM_HEAD.forEach((h, j) => {
      if (L[k + j]?.text !== h) err('ef: heading');
      plain(L[k + j], 'footer');
    });
    if (L[k + 2]?.text !== '') err('ef: no empty line under the heading');
    k += 3;
    let lastSeen = Infinity;
    while (k < n) {
      if (!RE.name.test(L[k]?.text ?? '') || !RE.ymDate.test(L[k + 1]?.text ?? '')) err(`ef: bad post header at ${k}`);
      const s = k + 2;
      const e = textEnd(s, (q) => L[q].text !== YM_BUTTONS);
      const seen = RE.ymSeen.exec(L[e + 2]?.text ?? '');
      if (L[e + 1]?.text !== YM_BUTTONS || !seen) err(`ef: bad widget lines after ${e}`);
      if (+seen[1] > lastSeen) err(`ef: seen count grows at ${e + 2}`);
      lastSeen = +seen[1];
      paras(s, e);
      pushComment(L[s].start, L[e].end, L[k].text, 0, headerOf(k, k + 1));
      plain(L[e + 1], 'footer');
      plain(L[e + 2], 'footer');
      k = e + 3;
      if (k < n) {
        if (L[k].text !== '' || L[k + 1]?.text === '') err(`ef: posts not separated by one empty line at ${k}`);
        k++;
      }
    }
  } else if (layout === 'eg') {
    while (k < n) {
      let u = k;
      while (u < n && !RE.ftSig.test(L[u].text)) u++;
      if (u === k || u >= n) err(`eg: no attribution after line ${k}`);
      if (L[u + 1]?.text !== '%') err(`eg: no % line after the attribution at ${u}`);
      paras(k, u - 1, { width: FT_WIDTH });
      const m = RE.ftSig.exec(L[u].text);
      pushComment(L[k].start, L[u - 1].end, m[1], 0, { start: L[u].start + 2, end: L[u].end });
      plain(L[u + 1], 'footer');
      k = u + 2;
    }
  } else if (layout === 'eh') {
    let pageNo = 0;
    let total = null;
    let lastPos = -1;
    while (k < n) {
      pageNo++;
      if (!RE.jpDate.test(L[k]?.text ?? '') || L[k + 1]?.text !== JP_TITLE || L[k + 2]?.text !== '') err(`eh: bad print header at ${k}`);
      plain(L[k], 'footer');
      plain(L[k + 1], 'footer');
      const top = k;
      k += 3;
      if (pageNo === 1) {
        JP_CELL.forEach((l, j) => {
          if (L[k + j]?.text !== l) err('eh: cell');
          plain(L[k + j], 'footer');
        });
        if (L[k + JP_CELL.length]?.text !== '') err('eh: no empty line under the cell');
        k += JP_CELL.length + 1;
      }
      while (!RE.jpFoot.test(L[k]?.text ?? '')) {
        const h = RE.jpHead.exec(L[k]?.text ?? '');
        if (!h) err(`eh: bad output line ${k}`);
        if (+h[1] <= lastPos) err(`eh: positions not growing at ${k}`);
        lastPos = +h[1];
        const s = k + 1;
        const e = textEnd(s, (q) => !RE.jpHead.test(L[q].text) && !RE.jpFoot.test(L[q].text), true);
        paras(s, e, { width: JP_WIDTH });
        pushComment(L[s].start, L[e].end, h[2], 0, headerOf(k, k));
        if (L[e + 1]?.text !== '' || L[e + 2]?.text === '') err(`eh: no single empty line after the comment at ${e}`);
        k = e + 2;
      }
      if (k - top - 3 > JP_PAGE + 1) err(`eh: printed page too long at ${k}`);
      const f = RE.jpFoot.exec(L[k].text);
      if (+f[1] !== pageNo || (total !== null && +f[2] !== total)) err(`eh: page number at ${k}`);
      total = +f[2];
      plain(L[k], 'footer');
      k++;
      if (k < n) {
        if (L[k].text !== '' || L[k + 1]?.text === '') err(`eh: pages not separated by one empty line at ${k}`);
        k++;
      }
    }
    if (pageNo !== total) err('eh: page count');
  } else err('layout');
  void lead;
  return rp.records();
}

// The paragraphs of comment record c as in the dataset text (ee and ed: the indentation removed;
// eg and eh: wrapped lines joined with a space).
function partsOf(p, c) {
  const eol = p.page.eol;
  const parts = c.text.split(eol + eol);
  if (p.layout === 'ed') return parts.map((x) => x.replace(/^ {4}/, ''));
  if (p.layout === 'ee') return parts.map((x) => x.replace(/^\t*  /, ''));
  if (p.layout === 'eg' || p.layout === 'eh') return parts.map((x) => x.split(eol).join(' '));
  return parts;
}

const CHECK = {
  layouts: ['ec', 'ed', 'ee', 'ef', 'eg', 'eh'],
  reparse,
  tabs: true,
  forbidden: /[\u00a0\u200b-\u200d\u200f\u202f\u000b\f\r]/,
  allowParas: (p) => p.page.paras,
  partsOf,
  textChecks: (ctx) => {
    const { p, text: t, fail } = ctx;
    const count = (re) => (t.match(re) ?? []).length;
    if (p.page.bom || p.page.eol !== '\n' || t.includes('\r')) fail(`${p.doc}: BOM or CR`);
    // Tabs only at line starts: ee block indentation (depth tabs on a header line and on each text
    // line) and the two tabs of every eg attribution line.
    if (/[^\n\t]\t/.test(t)) fail(`${p.doc}: tab after the start of a line`);
    const tabs = count(/\t/g);
    const want = p.layout === 'ee' ? p.extras.tabs : p.layout === 'eg' ? 2 * N_COMMENTS : 0;
    if (tabs !== want) fail(`${p.doc}: ${tabs} tabs, expected ${want}`);
    // U+00B7 only in ef's button lines (three a line)
    if (count(/\u00b7/g) !== (p.layout === 'ef' ? 3 * N_COMMENTS : 0)) fail(`${p.doc}: U+00B7 count`);
    // `%` lines only on eg, one an entry
    if (count(/^%$/gm) !== (p.layout === 'eg' ? N_COMMENTS : 0)) fail(`${p.doc}: % lines`);
    // Non-ASCII characters: U+00B7 in ef's button lines; the dataset's typographic characters
    // (U+2014, U+2019, U+201C, U+201D, U+2026) only inside records copied from the dataset
    // (title, body, comment text); nothing else.
    const fromData = new Uint8Array(t.length);
    for (const r of ctx.rs) if (['title', 'body', 'comment'].includes(r.kind)) fromData.fill(1, r.start, r.end);
    for (let x = 0; x < t.length; x++) {
      const ch = t[x];
      if (/[\x20-\x7e\n\t]/.test(ch)) continue;
      if (ch === '\u00b7' && p.layout === 'ef') continue;
      if (/[\u2014\u2019\u201c\u201d\u2026]/.test(ch) && fromData[x]) continue;
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
      const gap = headerGap(p, c, src, fail, 'eg', 'attribution');
      const wantGap = { ec: ' ', ed: `${eol}${eol}    `, ee: `${eol}${'\t'.repeat(c.depth)}  `, ef: eol, eg: `${eol}\t\t`, eh: eol }[p.layout];
      if (gap !== wantGap) fail(`${p.doc}: #${c.index} gap between header and text ${JSON.stringify(gap)}`);
      const w = wallClock(p.times.get(src));
      const s = p.secs.get(src);
      const wantHeader = {
        ec: `Comment [${src.user}${c.index + 1}]:`,
        ed: `commit ${p.extras.hashes[c.index]}${eol}Author: ${src.user} <${src.user}@${GT_DOMAIN}>${eol}Date:   ${gtDate(w, s)}`,
        ee: `- [[${src.user}]] on [[${lsJournal(w)}]] at ${pad2(w.hh)}:${pad2(w.mm)}`,
        ef: `${src.user}${eol}${ymDate(w)}`,
        eg: `-- ${src.user}, ${ftDate(w)}`,
        eh: `#${src.pos + 1} ${src.user} (${jpStamp(w, s)})`,
      }[p.layout];
      if (c.header.text !== wantHeader) fail(`${p.doc}: #${c.index} header ${JSON.stringify(c.header.text)}`);
      if (p.layout === 'ee' && slice(p, c.header.start - c.depth, c.header.start) !== '\t'.repeat(c.depth)) fail(`${p.doc}: #${c.index} block not at its depth`);
      if (p.layout === 'ee' && c.text.split(eol).some((l, q) => q > 0 && l !== '' && !l.startsWith(`${'\t'.repeat(c.depth)}  `))) fail(`${p.doc}: #${c.index} text line not at the block's indent`);
      if (p.layout === 'ed' && c.text.split(eol).some((l, q) => q > 0 && l !== '' && !/^ {4}\S/.test(l))) fail(`${p.doc}: #${c.index} message line not indented by 4`);
      if (p.layout === 'ef' && !slice(p, c.end, c.end + 200).startsWith(`${eol}${YM_BUTTONS}${eol}Seen by `)) fail(`${p.doc}: #${c.index} widget lines`);
      if (p.layout === 'eg' && !slice(p, c.header.end, c.header.end + 3).startsWith(`${eol}%`)) fail(`${p.doc}: #${c.index} % line`);
      if ((p.layout === 'eg' || p.layout === 'eh') && c.text.split(eol).some((l) => l.length > (p.layout === 'eg' ? FT_WIDTH : JP_WIDTH) && l.includes(' '))) fail(`${p.doc}: #${c.index} line too long`);
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
    if (p.layout === 'eh' && p.extras.printed < 2) fail(`${p.doc}: fewer than 2 printed pages`);
    if (p.layout === 'ed' && new Set(p.extras.hashes).size !== N_COMMENTS) fail(`${p.doc}: hashes not distinct`);
  },
  summaryTail: (p, cs) => {
    const x = p.extras;
    const span = timeSpan(x);
    const special = {
      ec: span,
      ed: span,
      ee: `${span}; depth 4: ${cs.filter((c) => c.depth === 4).length}; replies with the parent off the page ${p.outside}; tabs ${x.tabs}`,
      ef: `${span}; seen ${x.seen[0]}…${x.seen[x.seen.length - 1]}`,
      eg: span,
      eh: `${span}; printed pages ${x.printed}`,
    }[p.layout];
    return `; ${special}` + cappedNote(p);
  },
};

// ---------------------------------------------------------------------------------------------
// Main flow: the kit's runBlindSet, each page with its own doc suffix

runBlindSet(SET, PAGES, renderPage, CHECK);
