#!/usr/bin/env node
// Held-out segmentation pages, set H (layouts aq–av; "ap" is skipped).
//
// Builds tests/heldout-h/pages/*.txt and tests/heldout-h/segment.gold.jsonl from the Fox News
// comments dataset, then re-reads the files from disk and checks them (see tests/heldout-h/README.md).
//
//   node scripts/build-heldout-h-pages.mjs                 # shared dir defaults to <repo>/../shared
//   node scripts/build-heldout-h-pages.mjs /path/to/shared
//
// Plain Node >= 20, no dependencies. It imports scripts/lib/blind-set-kit.mjs (shared with sets I–K:
// dataset loading, slug rule, reply tree, paragraph splits, page writer, output, the re-parse frame
// and the layout-independent checks) and keeps its layouts here. It reads nothing but the dataset,
// reads no clock, and its only randomness is a fixed-seed PRNG, so two runs give byte-identical
// output. Gold offsets are taken while the page text is being written, never by searching the
// finished text.

import {
  DAYS, MONTHS, SHORT_DAYS, SHORT_MONTHS, classifier, commentParas, commentTimes, fnv1a, layoutRngs,
  minutesOf, ordinal, pad2, reparser, runBlindSet, threadOrder, wallClock, writePageTail,
} from './lib/blind-set-kit.mjs';

const COPYRIGHT = '© 2016 FOX News Network, LLC. All rights reserved.';
const NEWSLETTER = 'Sign up for our newsletter to get stories like this in your inbox.';

// ---------------------------------------------------------------------------------------------
// Pages

const PAGES = [
  { layout: 'aq', article: 'Fury as feminist', eol: '\n', bom: false, nested: false,
    dateline: (d) => `${MONTHS[d.m - 1]} ${ordinal(d.d)}, ${d.y}`,
    before: [], bodyParas: 1, after: [['source', 'Via Fox News']],
    threadHead: [], threadTail: [], pageTail: [COPYRIGHT] },
  { layout: 'ar', article: 'ICE program', eol: '\n', bom: false, nested: true, cap: 4,
    dateline: (d) => `${DAYS[d.wd]} ${d.d} ${MONTHS[d.m - 1]} ${d.y} 07.00 EDT`,
    before: [], bodyParas: 2, after: [['caption', '(AP Photo/File)'], ['source', 'This article first appeared on FoxNews.com.']],
    threadHead: [], threadTail: [], pageTail: [] },
  { layout: 'as', article: 'First lady', eol: '\n', bom: false, nested: true, cap: 4,
    dateline: (d) => `${d.m}/${d.d}/${String(d.y).slice(2)}`,
    before: [['caption', 'Photo credit: Getty Images']], bodyParas: 1, after: [],
    threadHead: [], threadTail: [], pageTail: [NEWSLETTER] },
  { layout: 'at', article: 'States moving', eol: '\r\n', bom: true, nested: false,
    dateline: (d) => `${pad2(d.d)}-${SHORT_MONTHS[d.m - 1]}-${d.y}`,
    before: [], bodyParas: 2, after: [['caption', 'FILE: A sign at a grocery store says EBT cards are accepted. (AP)']],
    threadHead: [], threadTail: [], pageTail: [COPYRIGHT] },
  { layout: 'au', article: 'Navy names ship', eol: '\n', bom: false, nested: false,
    dateline: (d) => `${pad2(d.d)}/${pad2(d.m)}/${d.y}`,
    before: [], bodyParas: 1, after: [['caption', 'File photo (Reuters)'], ['source', 'Source: Fox News']],
    threadHead: [], threadTail: ['Add a comment'], pageTail: [] },
  { layout: 'av', article: 'Confederate flag', eol: '\n', bom: false, nested: true, cap: 8,
    dateline: null,
    before: [], bodyParas: 2, after: [['caption', 'The Confederate battle flag. (Reuters)'], ['source', 'Originally published on FoxNews.com']],
    threadHead: ['Sort by: Best'], threadTail: [], pageTail: [COPYRIGHT] },
];
const GAP_OF = { aq: 0, ar: 0, as: 1, at: 1, au: 0, av: 0 }; // blank lines between comments
const MULTI_OK = { aq: true, ar: true, as: true, at: true, au: false, av: true }; // paragraphs allowed
const WIKI_STEP = 4;
const AV_ACTIONS = 'Reply Share Report Save Follow';

// Per layout: shapes its grammar would read as furniture; no paragraph may match one.
const FURNITURE = {
  aq: [/^\d+w(?: \d+ likes?)? Reply$/],
  ar: [/ (?:--)?[A-Za-z0-9_]+ \(talk\) \d\d:\d\d, \d{1,2} [A-Z][a-z]+ \d{4} \(UTC\)$/],
  as: [/^\*+ /],
  at: [/^\[In reply to /, /^[A-Za-z0-9_]+, \[\d\d\.\d\d\.\d\d \d\d:\d\d\]$/],
  au: [/ – [A-Za-z0-9_]+ [A-Z][a-z]{2} \d{1,2} '\d\d at \d{1,2}:\d\d$/, /^Add a comment$/],
  av: [/^level \d+$/, /^-?\d+$/, /^· /, /^Reply Share/],
};

// Page b after its article part (runBlindSet writes that): thread heading, comments, tails. Returns
// what the checks need.
function renderPage(b, page, pageNo, article) {
  const { doc } = b;
  const d = article.date;
  for (const t of page.threadHead) {
    b.line('footer', t);
    b.nl();
  }

  // Comments; the depth cap is not triggered on this set's pages (and must not be).
  const { selected, order, capped, indexOf } = threadOrder(article, page);
  if (capped) throw new Error(`${doc}: ${capped} replies re-attached by the cap`);

  // Timeline in file (chronological) order.
  const { rng, counts } = layoutRngs('h', page.layout);
  const times = commentTimes(selected, minutesOf(d.y, d.m, d.d, 6, Math.floor(rng() * 50)), rng, () => [2, 40]);
  const scrapeAq = minutesOf(d.y + 3, d.m, d.d + 10, 12, 0);

  order.forEach((n, i) => {
    const c = n.c;
    const ps = commentParas(doc, c, pageNo, MULTI_OK[page.layout], FURNITURE[page.layout]);
    const depth = n.depth;
    const parent = n.parent ? indexOf.get(n.parent) : null;
    const w = wallClock(times.get(c));
    if (i > 0) b.nl(GAP_OF[page.layout]);
    let hdr;
    let span;
    switch (page.layout) {
      case 'aq': {
        // `user text…` on one line; later paragraphs at column 0; then `157w 3 likes Reply`.
        const h = b.write(c.user);
        hdr = b.span(h.start, h.end);
        b.write(' ');
        span = b.paras(ps, { firstOpen: true });
        b.nl();
        const weeks = Math.floor((scrapeAq - times.get(c)) / (7 * 1440));
        const r = counts();
        const likes = Math.floor(r * r * r * 90);
        b.line('footer', `${weeks}w ${likes === 0 ? '' : `${likes} ${likes === 1 ? 'like' : 'likes'} `}Reply`);
        break;
      }
      case 'ar': {
        // Paragraphs at 4 × depth spaces; the signature closes the last paragraph's line.
        const ind = ' '.repeat(WIKI_STEP * depth);
        span = b.paras(ps, { indent: ind });
        const dash = fnv1a(`dash:${c.user}`) % 3 === 0 ? '--' : '';
        b.write(' ');
        const h = b.write(`${dash}${c.user} (talk) ${pad2(w.hh)}:${pad2(w.mm)}, ${w.d} ${MONTHS[w.m - 1]} ${w.y} (UTC)`);
        hdr = b.span(h.start, h.end);
        b.nl();
        break;
      }
      case 'as': {
        // Org-mode heading: depth + 1 stars, name, inactive timestamp; text at column 0.
        hdr = b.headerBlock([`${'*'.repeat(depth + 1)} ${c.user} [${w.y}-${pad2(w.m)}-${pad2(w.d)} ${SHORT_DAYS[w.wd]} ${pad2(w.hh)}:${pad2(w.mm)}]`]);
        span = b.paras(ps);
        b.nl();
        break;
      }
      case 'at': {
        // Telegram-desktop-like copy: `user, [dd.mm.yy hh:mm]`, optional `[In reply to X]`.
        const lines = [`${c.user}, [${pad2(w.d)}.${pad2(w.m)}.${String(w.y).slice(2)} ${pad2(w.hh)}:${pad2(w.mm)}]`];
        if (n.addressee && article.comments.slice(0, c.pos).some((e) => e.user === n.addressee)) lines.push(`[In reply to ${n.addressee}]`);
        hdr = b.headerBlock(lines);
        span = b.paras(ps);
        b.nl();
        break;
      }
      case 'au': {
        // Q&A-site comment list: `text – user Aug 17 '16 at 6:09`, one line per comment.
        span = b.paras(ps);
        b.write(' ');
        const h = b.write(`– ${c.user} ${SHORT_MONTHS[w.m - 1]} ${w.d} '${String(w.y).slice(2)} at ${w.hh}:${pad2(w.mm)}`);
        hdr = b.span(h.start, h.end);
        b.nl();
        break;
      }
      case 'av': {
        // Reddit-redesign copy: `level N`, user, `· 3 yr. ago`, text, score, action buttons.
        hdr = b.headerBlock([`level ${depth + 1}`, c.user, '· 3 yr. ago']);
        span = b.paras(ps);
        b.nl();
        const r = counts();
        const score = Math.floor(r * r * r * (depth === 0 ? 150 : 40)) + 1 - Math.floor(counts() * 3);
        b.line('footer', String(score));
        b.line('footer', AV_ACTIONS);
        break;
      }
      default:
        throw new Error(page.layout);
    }
    b.comment({ index: i, author: c.user, depth, parent }, span, hdr);
  });
  for (const tl of page.threadTail) b.line('footer', tl); // no empty line before it
  writePageTail(b, page.pageTail);
  return { doc, layout: page.layout, page, article, text: b.s, recs: b.sortedRecords(), order, selected, capped };
}

// ---------------------------------------------------------------------------------------------
// Checks on the files as re-read from disk

const ARTICLE_KIND = [
  ['dateline', /^(?:[A-Z][a-z]+ \d{1,2}(?:st|nd|rd|th), \d{4}|[A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ \d{4} \d\d\.\d\d [A-Z]{3}|\d{1,2}\/\d{1,2}\/\d\d|\d\d-[A-Z][a-z]{2}-\d{4}|\d\d\/\d\d\/\d{4})$/],
  ['caption', /^\(AP Photo\/File\)$|^Photo credit: |^FILE: .*\(AP\)$|^File photo \(Reuters\)$|\. \(Reuters\)$/],
  ['source', /^Via Fox News$|^This article first appeared on |^Source: |^Originally published on /],
  ['footer', /^© |^Sign up for our newsletter|^Sort by: |^Add a comment$/],
];
const classify = classifier(ARTICLE_KIND);

/**
 * Independent re-parse of one page by its layout's grammar. Uses only the page text and the layout
 * name, not the generator's bookkeeping; returns the records the page implies.
 */
function reparse(doc, layout, text, eol) {
  const rp = reparser(doc, text, eol);
  const { err, lead: indentOf, plain, pushComment, checkParas } = rp;
  // Article part, then an optional thread heading (a footer line and one empty line).
  const i = rp.threadHead(rp.article(classify), (s) => classify(s) === 'footer');
  // Page tail: a footer line after exactly two empty lines.
  const T = rp.thread(i, rp.pageTail(i, classify));

  if (layout === 'aq') {
    const head = /^([A-Za-z0-9_]+) (\S.*)$/;
    const widget = /^\d+w(?: [1-9]\d* likes?)? Reply$/;
    let k = 0;
    while (k < T.length) {
      const m = head.exec(T[k].text);
      if (!m) err(`aq: no header at ${T[k].text.slice(0, 40)}`);
      let w = k + 1;
      while (w < T.length && !widget.test(T[w].text)) w++;
      if (w >= T.length) err('aq: no widget line');
      checkParas(k, w - 1);
      if (/ 1 likes| [02-9]\d* like /.test(T[w].text)) err('aq: like/likes');
      const hs = T[k].start;
      pushComment(hs + m[1].length + 1, T[w - 1].end, m[1], 0, { start: hs, end: hs + m[1].length });
      plain(T[w], 'footer');
      k = w + 1;
    }
  } else if (layout === 'ar') {
    const sig = /^(.*\S) ((?:--)?([A-Za-z0-9_]+) \(talk\) \d\d:\d\d, \d{1,2} [A-Z][a-z]+ \d{4} \(UTC\))$/;
    let k = 0;
    while (k < T.length) {
      let e = k;
      while (e < T.length && !sig.test(T[e].text.trim())) e++;
      if (e >= T.length) err('ar: text without a signature');
      const ind = indentOf(T[k].text);
      if (ind % WIKI_STEP !== 0) err('ar: indent not a multiple of the step');
      checkParas(k, e, { col: ind });
      const line = T[e];
      const m = sig.exec(line.text.trim());
      const hs = line.end - m[2].length;
      pushComment(T[k].start + ind, hs - 1, m[3], ind / WIKI_STEP, { start: hs, end: line.end });
      k = e + 1;
      if (T[k]?.text === '') err('ar: empty line between comments');
    }
  } else if (layout === 'as' || layout === 'at') {
    const isHead = layout === 'as'
      ? (s) => /^(\*+) ([A-Za-z0-9_]+) \[\d{4}-\d\d-\d\d (?:Sun|Mon|Tue|Wed|Thu|Fri|Sat) \d\d:\d\d\]$/.exec(s)
      : (s) => /^([A-Za-z0-9_]+), \[\d\d\.\d\d\.\d\d \d\d:\d\d\]$/.exec(s);
    const heads = [];
    for (let k = 0; k < T.length; k++) if (isHead(T[k].text) && (k === 0 || T[k - 1].text === '')) heads.push(k);
    if (heads[0] !== 0) err('thread does not start with a header');
    heads.forEach((h, n) => {
      const next = n + 1 < heads.length ? heads[n + 1] : T.length;
      const m = isHead(T[h].text);
      let k = h + 1;
      let he = T[h].end;
      if (layout === 'at' && /^\[In reply to [A-Za-z0-9_]+\]$/.test(T[k].text)) {
        he = T[k].end;
        k++;
      }
      let last = next - 1;
      let gap = 0;
      while (last >= k && T[last].text === '') {
        last--;
        gap++;
      }
      if (n + 1 < heads.length && gap !== 1) err(`gap of ${gap} before header ${n + 1}`);
      checkParas(k, last);
      const depth = layout === 'as' ? m[1].length - 1 : 0;
      pushComment(T[k].start, T[last].end, layout === 'as' ? m[2] : m[1], depth, { start: T[h].start, end: he });
    });
  } else if (layout === 'au') {
    const re = /^(\S.*\S|\S) (– ([A-Za-z0-9_]+) [A-Z][a-z]{2} \d{1,2} '\d\d at \d{1,2}:\d\d)$/;
    let k = 0;
    for (; k < T.length; k++) {
      if (T[k].text === 'Add a comment') break;
      const m = re.exec(T[k].text);
      if (!m) err(`au: bad line ${T[k].text.slice(0, 40)}`);
      const hs = T[k].end - m[2].length;
      pushComment(T[k].start, hs - 1, m[3], 0, { start: hs, end: T[k].end });
    }
    if (k !== T.length - 1) err('au: "Add a comment" is not the last thread line');
    plain(T[k], 'footer');
  } else if (layout === 'av') {
    let k = 0;
    while (k < T.length) {
      const lv = /^level ([1-9]\d*)$/.exec(T[k].text);
      if (!lv || !/^[A-Za-z0-9_]+$/.test(T[k + 1]?.text ?? '') || T[k + 2]?.text !== '· 3 yr. ago') err(`av: bad header at ${k}`);
      let w = k + 3;
      while (w < T.length && !/^-?\d+$/.test(T[w].text)) w++;
      if (w + 1 >= T.length || T[w + 1].text !== AV_ACTIONS) err('av: no score and action lines');
      checkParas(k + 3, w - 1);
      pushComment(T[k + 3].start, T[w - 1].end, T[k + 1].text, +lv[1] - 1, { start: T[k].start, end: T[k + 2].end });
      plain(T[w], 'footer');
      plain(T[w + 1], 'footer');
      k = w + 2;
    }
  } else err('layout');
  return rp.records();
}

// ---------------------------------------------------------------------------------------------

runBlindSet('h', PAGES, renderPage, {
  layouts: ['aq', 'ar', 'as', 'at', 'au', 'av'],
  reparse,
  forbidden: /[\u200b-\u200d\u2060\ufeff]/, // zero-width characters
  allowParas: (p) => MULTI_OK[p.layout],
  partsOf: (p, c) => c.text.split(p.page.eol + p.page.eol + (p.layout === 'ar' ? ' '.repeat(WIKI_STEP * c.depth) : '')),
});
