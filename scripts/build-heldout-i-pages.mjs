#!/usr/bin/env node
// Held-out segmentation pages, set I (layouts aw–bb).
//
// Builds tests/heldout-i/pages/*.txt and tests/heldout-i/segment.gold.jsonl from the Fox News
// comments dataset, then re-reads the files from disk and checks them (see tests/heldout-i/README.md).
//
//   node scripts/build-heldout-i-pages.mjs                 # shared dir defaults to <repo>/../shared
//   node scripts/build-heldout-i-pages.mjs /path/to/shared
//
// Plain Node >= 20, no dependencies. It imports scripts/lib/blind-set-kit.mjs (shared with sets H, J
// and K: dataset loading, slug rule, reply tree, paragraph splits, page writer, output, the re-parse
// frame and the layout-independent checks) and keeps its layouts here. It reads nothing but the
// dataset, reads no clock, and its only randomness is a fixed-seed PRNG, so two runs give
// byte-identical output. Gold offsets are taken while the page text is being written, never by
// searching the finished text.

import {
  MONTHS, N_COMMENTS, SHORT_DAYS, SHORT_MONTHS, addresseeOf, ampm, cappedNote, classifier, commentParas,
  commentTimes, fnv1a, h12, layoutRngs, minutesOf, pad2, reparser, runBlindSet, thousands, threadOrder,
  wallClock, writePageTail, writeThreadTail, yy,
} from './lib/blind-set-kit.mjs';

const NBSP = '\u00A0'; // bb indentation
const NNBSP = '\u202F'; // aw: the narrow no-break space WhatsApp puts before AM/PM

// ---------------------------------------------------------------------------------------------
// Pages

const WA_SYSTEM = 'Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.';
const VB_RANKS = ['Junior Member', 'Member', 'Senior Member', 'Registered User', 'Gold Member'];
const STEAM_BUTTONS = 'Was this comment helpful? Yes No Funny';
const SE_ACTIONS = 'Share Improve this answer Follow';
const LJ_TOP = '(Reply) (Thread) (Link)';
const LJ_REPLY = '(Reply) (Parent) (Thread) (Link)';
const LJ_STEP = 4; // NBSPs per level on bb

const PAGES = [
  { layout: 'aw', article: 'German lawmakers', eol: '\n', bom: false, nested: false,
    dateline: (d) => `Updated 6:00 AM ET, ${SHORT_DAYS[d.wd]} ${MONTHS[d.m - 1]} ${d.d}, ${d.y}`,
    before: [], bodyParas: 1,
    after: [['caption', 'The Bundestag in Berlin. Photograph: Reuters'], ['source', 'Reprinted from FoxNews.com']],
    threadHead: [], threadTail: [],
    pageTail: ['Copyright 2016 FOX News Network, LLC. All rights reserved. This material may not be published, broadcast, rewritten, or redistributed.'] },
  { layout: 'ax', article: 'Black Lives Matter', eol: '\r\n', bom: false, nested: false,
    dateline: (d) => `${SHORT_DAYS[d.wd]}, ${pad2(d.m)}/${pad2(d.d)}/${d.y} - 06:00`,
    before: [['caption', 'Photo courtesy of the Associated Press']], bodyParas: 1,
    after: [['source', 'Read the original article at FoxNews.com']],
    threadHead: [(a) => `Results 1 to ${N_COMMENTS} of ${a.comments.length}`], threadTail: [],
    pageTail: ['All times are GMT -4. The time now is 09:14 PM.', 'Powered by vBulletin® Version 4.2.3',
      'Copyright © 2016 vBulletin Solutions, Inc. All rights reserved.'] },
  { layout: 'ay', article: 'Texas, 12 states', eol: '\n', bom: false, nested: true, cap: 4,
    dateline: (d) => `${SHORT_MONTHS[d.m - 1]} ${d.d}, ${d.y} | 6:00am ET`,
    before: [], bodyParas: 1, after: [['source', 'Story via Fox News']],
    threadHead: [(a) => `${N_COMMENTS} thoughts on “${a.title}”`], threadTail: [() => 'Comments are closed.'],
    pageTail: [] },
  { layout: 'az', article: 'Fury as feminist', eol: '\n', bom: false, nested: false,
    dateline: null,
    before: [], bodyParas: 1, after: [['caption', 'Screenshot via Twitter']],
    threadHead: [], threadTail: [(a) => `See all ${a.comments.length} comments`],
    pageTail: [] },
  { layout: 'ba', article: 'Supreme Court', eol: '\n', bom: true, nested: false,
    dateline: (d) => `${SHORT_MONTHS[d.m - 1]} ${d.d} '${yy(d.y)}`,
    before: [], bodyParas: 2,
    after: [['caption', 'The U.S. Supreme Court building in Washington. Photo by AP'], ['source', 'Courtesy of FoxNews.com']],
    threadHead: [() => `${N_COMMENTS} Answers`], threadTail: [],
    pageTail: ["Not the answer you're looking for? Browse other questions tagged affirmative-action college-admissions or ask your own question."] },
  { layout: 'bb', article: 'Confederate flag', eol: '\n', bom: false, nested: true, cap: 4,
    dateline: (d) => `${pad2(d.d)}-${pad2(d.m)}-${d.y}`,
    before: [['caption', 'Image credit: Reuters']], bodyParas: 2,
    after: [['source', 'Republished with permission from FoxNews.com']],
    threadHead: [(a) => `${a.comments.length} comments | Leave a comment`], threadTail: [],
    pageTail: ['Sign up for the Fox News Opinion newsletter.'] },
];
const GAP_OF = { aw: 0, ax: 1, ay: 1, az: 1, ba: 1, bb: 1 }; // blank lines between comments

// Shapes of the layouts' furniture (also used by the re-parse).
const RE = {
  awHead: /^(\d{1,2}\/\d{1,2}\/\d\d, \d{1,2}:\d\d\u202F[AP]M - ([A-Za-z0-9_]+):) (\S.*)$/,
  awSystem: /^\d{1,2}\/\d{1,2}\/\d\d, \d{1,2}:\d\d\u202F[AP]M - Messages and calls are end-to-end encrypted\. /,
  awStamp: /^\d{1,2}\/\d{1,2}\/\d\d, \d{1,2}:\d\d/,
  axBar: /^\d\d-\d\d-\d{4}, \d\d:\d\d [AP]M #([1-9]\d*)$/,
  ayHead: /^([1-9]\d*(?:\.[1-9]\d*)*) ([A-Za-z0-9_]+) says:$/,
  ayDate: /^[A-Z][a-z]+ \d{1,2}, \d{4} at \d{1,2}:\d\d [ap]m$/,
  azPosted: /^Posted: [A-Z][a-z]+ \d{1,2}$/,
  azCount: /^(\d+) (person|people) found this comment (helpful|funny)$/,
  baScore: /^-?\d+$/,
  baEdited: /^edited [A-Z][a-z]{2} \d{1,2}, \d{4} at \d{1,2}:\d\d$/,
  baAnswered: /^answered [A-Z][a-z]{2} \d{1,2}, \d{4} at \d{1,2}:\d\d$/,
  baRep: /^[1-9]\d{0,2}(?:,\d{3})*$/,
  bbDate: /^\d{4}-\d\d-\d\d \d\d:\d\d [ap]m \(UTC\)$/,
  bbWidget: /^\(Reply\)(?: \(Parent\))? \(Thread\) \(Link\)$/,
  name: /^[A-Za-z0-9_]+$/,
};

// Per layout: shapes its grammar would read as furniture; no paragraph may match one.
const FURNITURE = {
  aw: [RE.awStamp],
  ax: [RE.axBar, /^(?:Junior Member|Member|Senior Member|Registered User|Gold Member)$/],
  ay: [RE.ayHead, RE.ayDate],
  az: [RE.azPosted, RE.azCount, /^Was this comment helpful\?/],
  ba: [RE.baScore, RE.baEdited, RE.baAnswered, RE.baRep, /^Share Improve this answer/],
  bb: [RE.bbDate, RE.bbWidget],
};

// Page b after its article part (runBlindSet writes that): thread heading, comments, tails. Returns
// what the checks need.
function renderPage(b, page, pageNo, article) {
  const { doc } = b;
  const d = article.date;
  for (const t of page.threadHead) {
    b.line('footer', t(article));
    b.nl();
  }

  // Comments
  const { selected, order, capped, indexOf } = threadOrder(article, page);

  // Timeline in file (chronological) order.
  const { rng, counts } = layoutRngs('i', page.layout);
  const times = commentTimes(selected, minutesOf(d.y, d.m, d.d, 6, 5 + Math.floor(rng() * 45)), rng, () => [2, 40]);

  // ay: outline numbers (1, 2, 2.1, 2.1.1, …) from the displayed tree.
  const outline = new Map();
  if (page.layout === 'ay') {
    let roots = 0;
    const kids = new Map();
    for (const n of order) {
      if (!n.parent) outline.set(n, String(++roots));
      else {
        kids.set(n.parent, (kids.get(n.parent) ?? 0) + 1);
        outline.set(n, `${outline.get(n.parent)}.${kids.get(n.parent)}`);
      }
    }
  }

  if (page.layout === 'aw') {
    // The export's first line: WhatsApp's encryption notice, stamped 6:00 AM on the article date.
    b.line('footer', `${d.m}/${d.d}/${yy(d.y)}, 6:00${NNBSP}AM - ${WA_SYSTEM}`);
  }

  const extras = { helpful: 0, funny: 0, edited: 0, scores: [] };
  order.forEach((n, i) => {
    const c = n.c;
    const ps = commentParas(doc, c, pageNo, true, FURNITURE[page.layout]);
    const depth = n.depth;
    const parent = n.parent ? indexOf.get(n.parent) : null;
    const w = wallClock(times.get(c));
    if (i > 0) b.nl(GAP_OF[page.layout]);
    let hdr;
    let span;
    switch (page.layout) {
      case 'aw': {
        // WhatsApp export: `7/7/16, 6:12 AM - user: text`; later paragraphs continue at column 0.
        const h = b.write(`${w.m}/${w.d}/${yy(w.y)}, ${h12(w.hh)}:${pad2(w.mm)}${NNBSP}${ampm(w.hh)} - ${c.user}:`);
        hdr = b.span(h.start, h.end);
        b.write(' ');
        span = b.paras(ps, { firstOpen: true });
        b.nl();
        break;
      }
      case 'ax': {
        // vBulletin postbit: date bar with the post number, user name, user title; then the post.
        const rank = VB_RANKS[fnv1a(`rank:${c.user}`) % VB_RANKS.length];
        hdr = b.headerBlock([`${pad2(w.m)}-${pad2(w.d)}-${w.y}, ${pad2(h12(w.hh))}:${pad2(w.mm)} ${ampm(w.hh)} #${i + 1}`, c.user, rank]);
        span = b.paras(ps);
        b.nl();
        break;
      }
      case 'ay': {
        // WordPress with threaded comment numbers, copied without its CSS indentation.
        hdr = b.headerBlock([`${outline.get(n)} ${c.user} says:`,
          `${MONTHS[w.m - 1]} ${w.d}, ${w.y} at ${h12(w.hh)}:${pad2(w.mm)} ${ampm(w.hh).toLowerCase()}`]);
        span = b.paras(ps);
        b.nl();
        break;
      }
      case 'az': {
        // Steam-like review widget: name, `Posted: June 16`, text, helpfulness buttons and counts.
        hdr = b.headerBlock([c.user, `Posted: ${MONTHS[w.m - 1]} ${w.d}`]);
        span = b.paras(ps);
        b.nl();
        b.line('footer', STEAM_BUTTONS);
        const r = counts();
        const helpful = Math.floor(r * r * r * 60);
        const f = counts();
        const funny = Math.floor(f * f * f * f * 9);
        if (helpful > 0) {
          b.line('footer', `${helpful} ${helpful === 1 ? 'person' : 'people'} found this comment helpful`);
          extras.helpful++;
        }
        if (funny > 0) {
          b.line('footer', `${funny} ${funny === 1 ? 'person' : 'people'} found this comment funny`);
          extras.funny++;
        }
        break;
      }
      case 'ba': {
        // Stack Exchange answer: score, text, action links, then the user card (edited, answered, name, reputation).
        const r = counts();
        const score = Math.floor(r * r * r * 45) - Math.floor(counts() * 4);
        extras.scores.push(score);
        b.line('footer', String(score));
        span = b.paras(ps);
        b.nl();
        b.line('footer', SE_ACTIONS);
        const card = [];
        if (fnv1a(`edited:${c.user}:${c.pos}`) % 4 === 0) {
          const e = wallClock(times.get(c) + 5 + (fnv1a(`edit-after:${c.pos}`) % 180));
          card.push(`edited ${SHORT_MONTHS[e.m - 1]} ${e.d}, ${e.y} at ${e.hh}:${pad2(e.mm)}`);
          extras.edited++;
        }
        card.push(`answered ${SHORT_MONTHS[w.m - 1]} ${w.d}, ${w.y} at ${w.hh}:${pad2(w.mm)}`);
        card.push(c.user);
        const hk = fnv1a(`rep:${c.user}`);
        card.push(thousands(1 + (fnv1a(`rep2:${c.user}`) % 10 ** (1 + (hk % 5)))));
        hdr = b.headerBlock(card);
        break;
      }
      case 'bb': {
        // LiveJournal-like thread; the reply margin was saved as no-break spaces (4 per level).
        const ind = NBSP.repeat(LJ_STEP * depth);
        hdr = b.headerBlock([c.user, `${w.y}-${pad2(w.m)}-${pad2(w.d)} ${pad2(h12(w.hh))}:${pad2(w.mm)} ${ampm(w.hh).toLowerCase()} (UTC)`], ind);
        span = b.paras(ps, { indent: ind });
        b.nl();
        b.line('footer', depth === 0 ? LJ_TOP : LJ_REPLY, ind);
        break;
      }
      default:
        throw new Error(page.layout);
    }
    b.comment({ index: i, author: c.user, depth, parent }, span, hdr);
  });
  writeThreadTail(b, page.threadTail, article);
  writePageTail(b, page.pageTail);
  return { doc, layout: page.layout, page, article, text: b.s, recs: b.sortedRecords(), order, selected, capped, extras };
}

// ---------------------------------------------------------------------------------------------
// Checks on the files as re-read from disk

const ARTICLE_KIND = [
  ['dateline', /^(?:Updated \d{1,2}:\d\d [AP]M ET, (?:Sun|Mon|Tue|Wed|Thu|Fri|Sat) [A-Z][a-z]+ \d{1,2}, \d{4}|(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat), \d\d\/\d\d\/\d{4} - \d\d:\d\d|[A-Z][a-z]{2} \d{1,2}, \d{4} \| \d{1,2}:\d\d[ap]m ET|[A-Z][a-z]{2} \d{1,2} '\d\d|\d\d-\d\d-\d{4})$/],
  ['caption', /\. Photograph: Reuters$|^Photo courtesy of |^Screenshot via |\. Photo by AP$|^Image credit: /],
  ['source', /^Reprinted from |^Read the original article at |^Story via |^Courtesy of |^Republished with permission from /],
  ['footer', /^Copyright 2016 FOX News|^Results \d+ to \d+ of \d+$|^All times are GMT|^Powered by vBulletin|^Copyright © 2016 vBulletin|^\d+ thoughts on “|^Comments are closed\.$|^See all \d+ comments$|^\d+ Answers$|^Not the answer you're looking for\?|^\d+ comments \| Leave a comment$|^Sign up for the Fox News Opinion newsletter/],
];
const classify = classifier(ARTICLE_KIND);

/**
 * Independent re-parse of one page by its layout's grammar. Uses only the page text and the layout
 * name, not the generator's bookkeeping; returns the records the page implies.
 */
function reparse(doc, layout, text, eol) {
  const rp = reparser(doc, text, eol);
  const { comments, err, lead: indentOf, plain, pushComment, checkParas, beforeGap, nextAfter } = rp;
  // Article part, then an optional thread heading (a footer line and one empty line).
  const i = rp.threadHead(rp.article(classify), (s) => classify(s) === 'footer');
  // Page tail: a block of footer lines after exactly two empty lines; thread tail: one footer line after one empty line.
  const T = rp.thread(i, rp.threadTail(i, rp.pageTail(i, classify), (s) => /^(?:Comments are closed\.|See all \d+ comments)$/.test(s)));

  if (layout === 'aw') {
    if (!RE.awSystem.test(T[0].text)) err('aw: no encryption notice');
    plain(T[0], 'footer');
    let k = 1;
    let lastStamp = -Infinity;
    while (k < T.length) {
      const m = RE.awHead.exec(T[k].text);
      if (!m) err(`aw: no message header at ${T[k].text.slice(0, 40)}`);
      let e = k + 1;
      while (e < T.length && !RE.awStamp.test(T[e].text)) e++;
      checkParas(k, e - 1, { firstOpen: true });
      const st = /^(\d+)\/(\d+)\/(\d+), (\d+):(\d+)\u202F([AP])M/.exec(m[1]);
      const stamp = minutesOf(2000 + +st[3], +st[1], +st[2], (+st[4] % 12) + (st[6] === 'P' ? 12 : 0), +st[5]);
      if (stamp < lastStamp) err('aw: time goes backwards');
      lastStamp = stamp;
      const hs = T[k].start;
      pushComment(hs + m[1].length + 1, T[e - 1].end, m[2], 0, { start: hs, end: hs + m[1].length });
      k = e;
    }
  } else if (layout === 'ax' || layout === 'ay') {
    const isHead = layout === 'ax' ? (q) => RE.axBar.exec(T[q].text) : (q) => RE.ayHead.exec(T[q].text);
    const heads = [];
    for (let k = 0; k < T.length; k++) if (isHead(k) && (k === 0 || T[k - 1].text === '')) heads.push(k);
    if (heads[0] !== 0) err('thread does not start with a header');
    const counters = []; // ay: children numbered so far at each level under the current path
    heads.forEach((h, n) => {
      const next = n + 1 < heads.length ? heads[n + 1] : T.length;
      const m = isHead(h);
      let first;
      let author;
      let depth = 0;
      if (layout === 'ax') {
        if (+m[1] !== n + 1) err('ax: post numbers do not run 1…n');
        if (!RE.name.test(T[h + 1].text) || !VB_RANKS.includes(T[h + 2].text)) err('ax: bad postbit');
        author = T[h + 1].text;
        first = h + 3;
      } else {
        if (!RE.ayDate.test(T[h + 1].text)) err('ay: bad date line');
        const path = m[1].split('.').map(Number);
        depth = path.length - 1;
        if (depth > counters.length) err('ay: depth jump');
        counters.length = depth + 1;
        counters[depth] = (counters[depth] ?? 0) + 1;
        if (path[depth] !== counters[depth]) err(`ay: outline number ${m[1]} out of sequence`);
        if (depth > 0) {
          // the parent (nearest comment one level shallower) must carry the number's prefix
          const par = [...comments].reverse().find((c) => c.depth === depth - 1);
          if (!par || !par.header.text.startsWith(`${path.slice(0, -1).join('.')} `)) err(`ay: ${m[1]} does not continue its parent`);
        }
        author = m[2];
        first = h + 2;
      }
      const last = beforeGap(next, n + 1 === heads.length);
      checkParas(first, last);
      pushComment(T[first].start, T[last].end, author, depth, { start: T[h].start, end: T[first - 1].end });
    });
  } else if (layout === 'az') {
    let k = 0;
    while (k < T.length) {
      if (!RE.name.test(T[k].text) || !RE.azPosted.test(T[k + 1]?.text ?? '')) err(`az: bad header at ${k}`);
      let w = k + 2;
      while (w < T.length && T[w].text !== STEAM_BUTTONS) w++;
      if (w >= T.length) err('az: no button line');
      checkParas(k + 2, w - 1);
      pushComment(T[k + 2].start, T[w - 1].end, T[k].text, 0, { start: T[k].start, end: T[k + 1].end });
      plain(T[w], 'footer');
      let q = w + 1;
      for (const kind of ['helpful', 'funny']) {
        const m = RE.azCount.exec(T[q]?.text ?? '');
        if (m && m[3] === kind) {
          if (m[1] === '0' || (m[1] === '1') !== (m[2] === 'person')) err('az: count wording');
          plain(T[q], 'footer');
          q++;
        }
      }
      k = nextAfter(q, 'az: comments');
    }
  } else if (layout === 'ba') {
    let k = 0;
    while (k < T.length) {
      if (!RE.baScore.test(T[k].text)) err(`ba: no score line at ${k}`);
      plain(T[k], 'footer');
      let w = k + 1;
      while (w < T.length && T[w].text !== SE_ACTIONS) w++;
      if (w >= T.length) err('ba: no action line');
      checkParas(k + 1, w - 1);
      plain(T[w], 'footer');
      let q = w + 1;
      const cardStart = q;
      if (RE.baEdited.test(T[q]?.text ?? '')) q++;
      if (!RE.baAnswered.test(T[q]?.text ?? '') || !RE.name.test(T[q + 1]?.text ?? '') || !RE.baRep.test(T[q + 2]?.text ?? '')) err(`ba: bad user card at ${q}`);
      pushComment(T[k + 1].start, T[w - 1].end, T[q + 1].text, 0, { start: T[cardStart].start, end: T[q + 2].end });
      k = nextAfter(q + 3, 'ba: answers');
    }
  } else if (layout === 'bb') {
    let k = 0;
    while (k < T.length) {
      const s = T[k].text;
      const ind = /^\u00A0*/.exec(s)[0].length;
      if (ind % LJ_STEP !== 0 || !RE.name.test(s.slice(ind))) err(`bb: bad name line at ${k}`);
      const depth = ind / LJ_STEP;
      const pre = NBSP.repeat(ind);
      if (!(T[k + 1]?.text ?? '').startsWith(pre) || !RE.bbDate.test(T[k + 1].text.slice(ind))) err(`bb: bad date line at ${k + 1}`);
      let w = k + 2;
      while (w < T.length && !(T[w].text.startsWith(pre) && RE.bbWidget.test(T[w].text.slice(ind)))) w++;
      if (w >= T.length) err('bb: no link line');
      if ((T[w].text.slice(ind) === LJ_REPLY) !== depth > 0) err('bb: (Parent) link on a top-level comment or missing on a reply');
      for (let q = k + 2; q < w; q++) if (T[q].text !== '' && !T[q].text.startsWith(pre)) err('bb: text line not indented with no-break spaces');
      checkParas(k + 2, w - 1, { col: ind });
      pushComment(T[k + 2].start + ind, T[w - 1].end, s.slice(ind), depth, { start: T[k].start + ind, end: T[k + 1].end });
      plain(T[w], 'footer', T[w].start + ind);
      k = nextAfter(w + 1, 'bb: comments');
    }
  } else err('layout');
  return rp.records();
}

// ---------------------------------------------------------------------------------------------

runBlindSet('i', PAGES, renderPage, {
  layouts: ['aw', 'ax', 'ay', 'az', 'ba', 'bb'],
  reparse,
  partsOf: (p, c) => c.text.split(p.page.eol + p.page.eol + (p.layout === 'bb' ? NBSP.repeat(LJ_STEP * c.depth) : '')),
  textChecks: ({ p, text, rs, fail }) => {
    // NBSP only as bb indentation at line starts; U+202F only inside aw time stamps
    for (const m of text.matchAll(/\u00A0+/g)) {
      const atLineStart = m.index === 0 || text[m.index - 1] === '\n';
      if (p.layout !== 'bb' || !atLineStart || m[0].length % LJ_STEP !== 0) fail(`${p.doc}: NBSP outside the bb indentation at ${m.index}`);
    }
    for (const m of text.matchAll(/\u202F/g)) {
      const inHeader = rs.some((r) => r.header && r.header.start <= m.index && m.index < r.header.end);
      const inSystem = rs.some((r) => r.kind === 'footer' && r.start <= m.index && m.index < r.end && RE.awSystem.test(r.text));
      if (p.layout !== 'aw' || !(inHeader || inSystem)) fail(`${p.doc}: U+202F outside an aw time stamp at ${m.index}`);
    }
  },
  pageChecks: ({ p, cs, partsOf, fail }) => {
    // Nested pages: each parent is the addressee's comment or, where the cap re-attached it, one of its ancestors
    if (!p.page.nested) return;
    for (const c of cs) {
      if (c.parent === null) continue;
      const src = p.selected.find((x) => x.user === c.author && x.text === partsOf(c).join(' '));
      if (addresseeOf(src) === null) fail(`${p.doc}: #${c.index} is a reply without a mention`);
    }
  },
  summaryTail: (p) =>
    cappedNote(p) +
    (p.layout === 'az' ? `; helpful lines ${p.extras.helpful}, funny lines ${p.extras.funny}` : '') +
    (p.layout === 'ba' ? `; edited cards ${p.extras.edited}, scores ${Math.min(...p.extras.scores)}…${Math.max(...p.extras.scores)}` : ''),
});
