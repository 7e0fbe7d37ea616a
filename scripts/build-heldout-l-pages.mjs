#!/usr/bin/env node
// Held-out segmentation pages, set L (layouts bo–bt).
//
// Builds tests/heldout-l/pages/*.txt and tests/heldout-l/segment.gold.jsonl from the Fox News
// comments dataset, then re-reads the files from disk and checks them (see tests/heldout-l/README.md).
//
//   node scripts/build-heldout-l-pages.mjs                 # shared dir defaults to <repo>/../shared
//   node scripts/build-heldout-l-pages.mjs /path/to/shared
//
// Plain Node >= 20, no dependencies. It imports scripts/lib/blind-set-kit.mjs (shared with sets H to
// K: dataset loading, slug rule, reply tree, paragraph splits, page writer, output, the re-parse frame
// and the layout-independent checks) and keeps its layouts here. It reads nothing but the dataset,
// reads no clock, and its only randomness is a fixed-seed PRNG, so two runs give byte-identical
// output. Gold offsets are taken while the page text is being written, never by searching the
// finished text.

import {
  SHORT_DAYS, SHORT_MONTHS, addresseeComment, cappedNote, checkAddresseeParents, checkEncodingOnly,
  checkParasAtIndent, classifier, commentParas, commentTimes, fnv1a, layoutRngs, minutesOf, ordinal, pad2,
  plural, reparser, runBlindSet, threadOrder, wallClock, writePageTail, writeThreadTail,
} from './lib/blind-set-kit.mjs';

// ---------------------------------------------------------------------------------------------
// Fixed words of the layouts

const TW_WELCOME = 'Welcome to the chat room!';
const DR_PERMALINK = 'Permalink';
const DR_FORBIDDEN = 'Log in or register to post comments';
const DR_SUBJECT_MAX = 29; // Drupal 7 cuts an empty comment subject from the body at 29 characters
const CO_BUTTONS = ['Reply', 'Respect', 'Share', 'Report']; // Coral-like action line; the Respect count follows "Respect"
const YA_REPLY = 'Reply';
const DC_RULE = '-'.repeat(25); // Discourse's /raw/ export puts this line after every post
// The imagined moment the Coral-like and Yahoo-like pages were saved (their ages count up to it).
const SCRAPE = { y: 2023, m: 6, d: 1, hh: 12, mm: 0 };
// Readers' places on the comment round-up page (bs), in a US newspaper's letters style.
const PLACES = [
  'Austin, Tex.', 'Brooklyn', 'Chapel Hill, N.C.', 'Ann Arbor, Mich.', 'Berkeley, Calif.', 'Cambridge, Mass.',
  'Evanston, Ill.', 'Madison, Wis.', 'Princeton, N.J.', 'Boulder, Colo.', 'Tucson, Ariz.', 'Baltimore',
  'Seattle', 'Denver', 'Savannah, Ga.', 'Burlington, Vt.', 'Portland, Ore.', 'Santa Fe, N.M.',
  'Lexington, Ky.', 'Columbus, Ohio', 'Scarsdale, N.Y.', 'Bethesda, Md.', 'Nashville', 'Omaha',
];

const PAGES = [
  { layout: 'bo', article: 'Navy names', eol: '\n', bom: false, nested: false, paras: false,
    dateline: (d) => `${pad2(d.m)}.${pad2(d.d)}.${d.y}`,
    before: [], bodyParas: 1,
    after: [['caption', 'A Navy fleet replenishment oiler at sea. U.S. Navy photo/Released'],
      ['source', 'This report first appeared on FoxNews.com.']],
    threadHead: [() => 'Stream chat'], threadTail: [() => 'Send a message', () => 'Chat'],
    pageTail: ['Like this story? Share it with a friend.'] },
  { layout: 'bp', article: 'Black Lives Matter', eol: '\n', bom: true, nested: false, paras: true, gaps: [2, 40],
    dateline: null,
    before: [['caption', 'Marchers at a Black Lives Matter rally. File photo: AP Images']], bodyParas: 1,
    after: [['source', 'As seen on FoxNews.com Opinion']],
    threadHead: [() => 'Comments'], threadTail: [], pageTail: ['Powered by Drupal'] },
  { layout: 'bq', article: 'Confederate flag', eol: '\r\n', bom: false, nested: true, cap: 4, paras: true, gaps: [2, 40],
    dateline: (d) => `${SHORT_DAYS[d.wd]} ${d.d} ${SHORT_MONTHS[d.m - 1]} ${d.y} 06.00 EDT`,
    before: [], bodyParas: 2,
    after: [['caption', 'The Confederate flag on the South Carolina Statehouse grounds in Columbia. (Credit: Reuters)'],
      ['source', 'Used with permission of Fox News.']],
    threadHead: [(a) => `All Comments (${a.comments.length})`, () => 'Sort By: Oldest'], threadTail: [() => 'Load More'],
    pageTail: ['Opinion pieces reflect the views of their authors.'] },
  { layout: 'br', article: 'Fury as feminist', eol: '\n', bom: false, nested: false, paras: true, gaps: [2, 40],
    dateline: (d) => `${SHORT_MONTHS[d.m - 1]} ${ordinal(d.d)} ${d.y} 6:00AM`,
    before: [], bodyParas: 1,
    after: [['caption', 'An alligator in a Florida lake (stock image: Getty)'], ['source', 'Sourced from Fox News']],
    threadHead: [() => 'Join the Conversation', () => 'Sort by: Oldest'], threadTail: [() => 'Show More Comments'],
    pageTail: [] },
  { layout: 'bs', article: 'Supreme Court', eol: '\n', bom: false, nested: false, paras: true,
    dateline: (d) => `${d.y}-${pad2(d.m)}-${pad2(d.d)} 06:00 EDT`,
    before: [], bodyParas: 2,
    after: [['caption', 'Students on a college campus. (File photo/AP)'], ['source', 'Adapted from an op-ed published by Fox News.']],
    threadHead: [() => "Readers' comments", () => 'A selection of reader comments on this article, as submitted.'], threadTail: [],
    pageTail: ['To send us a comment for publication, use the form on our Contact page.'] },
  { layout: 'bt', article: 'States moving', eol: '\n', bom: false, nested: false, paras: true, gaps: [10, 120],
    dateline: (d) => `${SHORT_DAYS[d.wd]}, ${pad2(d.d)} ${SHORT_MONTHS[d.m - 1]} ${d.y} 06:00:00 GMT`,
    before: [['caption', 'An EBT card reader at a grocery checkout. Credit: AP/File']], bodyParas: 1,
    after: [['source', 'Story first seen on FoxNews.com']],
    threadHead: [], threadTail: [], pageTail: [] },
];

// Drupal 7's subject for a comment submitted without one: truncate_utf8(body, 29, wordsafe = TRUE),
// i.e. the longest prefix of at most 29 characters that is followed by a word-boundary character
// (anything but a letter or digit), or the first 29 characters if there is none. Shown trimmed.
function drupalSubject(text) {
  const chars = [...text];
  if (chars.length <= DR_SUBJECT_MAX) return text;
  for (let L = DR_SUBJECT_MAX; L >= 1; L--) {
    if (!/[\p{L}\p{N}\p{M}]/u.test(chars[L])) return chars.slice(0, L).join('').trimEnd();
  }
  return chars.slice(0, DR_SUBJECT_MAX).join('');
}

// Whole years from wall-clock minute t to the SCRAPE moment.
function yearsUntilScrape(t) {
  const w = wallClock(t);
  const S = SCRAPE;
  const before = S.m < w.m || (S.m === w.m && (S.d < w.d || (S.d === w.d && S.hh * 60 + S.mm < w.hh * 60 + w.mm)));
  return S.y - w.y - (before ? 1 : 0);
}
const ageText = (t) => `${plural(yearsUntilScrape(t), 'year')} ago`;

// Shapes of the layouts' furniture (also used by the re-parse).
const MON_RE = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const DAY_RE = '(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat)';
const RE = {
  name: /^[A-Za-z0-9_]+$/,
  boMsg: /^([A-Za-z0-9_]+): (\S.*)$/,
  boReply: /^Replying to @([A-Za-z0-9_]+): (\S.*)$/,
  bpDate: new RegExp(`^${DAY_RE}, \\d\\d/\\d\\d/\\d{4} - \\d\\d:\\d\\d$`),
  age: /^(?:1 year|[02-9] years|\d\d+ years) ago$/,
  bqReplyTo: /^In reply to ([A-Za-z0-9_]+)$/,
  bqActions: /^Reply Respect(?: ([1-9]\d*))? Share Report$/,
  count: /^\d+$/,
  brReplies: /^(\d+) repl(?:y|ies)$/,
  btHead: /^([A-Za-z0-9_]+) \| (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) UTC \| #(\d+)$/,
  btRule: /^-+$/,
};

// Per layout: shapes its grammar would read as furniture; no paragraph may match one.
const FURNITURE = {
  bo: [RE.boReply, /^Welcome to the chat room!$/, /^(?:Stream chat|Send a message|Chat)$/],
  bp: [RE.bpDate, /^Permalink$/, /^Log in or register to post comments$/, /^Comments$/],
  bq: [RE.age, RE.bqReplyTo, RE.bqActions, /^(?:All Comments \(\d+\)|Sort By: Oldest|Load More)$/],
  br: [RE.age, /^Reply$/, RE.count, RE.brReplies, /^(?:Join the Conversation|Sort by: Oldest|Show More Comments)$/],
  bs: [/^Readers' comments$/, /^A selection of reader comments/],
  bt: [RE.btHead, RE.btRule],
};

// Page b after its article part (runBlindSet writes that): thread heading, comments, tails. Returns
// what the checks need.
function renderPage(b, page, pageNo, article) {
  const { doc } = b;
  const d = article.date;
  const { selected, order, capped, indexOf } = threadOrder(article, page);

  // Timeline in file (chronological) order, in minutes (bo and bs show no time).
  const { rng, counts } = layoutRngs('l', page.layout);
  const times = commentTimes(selected, minutesOf(d.y, d.m, d.d, 6, 5 + Math.floor(rng() * 45)), rng, () => page.gaps ?? [2, 40]);

  // Thread heading
  for (const fn of page.threadHead) b.line('footer', fn(article));
  if (page.threadHead.length) b.nl();

  const extras = { replyLines: 0, subjectsCut: 0, subjectsWhole: 0, respect: [], up: [], down: [], replyCounts: 0, ages: new Set() };
  if (page.layout === 'bo') b.line('footer', TW_WELCOME);
  order.forEach((n, i) => {
    const c = n.c;
    const ps = commentParas(doc, c, pageNo, page.paras, FURNITURE[page.layout]);
    const depth = n.depth;
    const parent = n.parent ? indexOf.get(n.parent) : null;
    const ind = ' '.repeat(4 * depth);
    const w = wallClock(times.get(c));
    let hdr;
    let span;
    if (i > 0 && page.layout !== 'bo') b.nl();
    switch (page.layout) {
      case 'bo': {
        // Twitch-like chat: `<user>: <message>` on one line; a reply has the line
        // `Replying to @<user>: <their message>` above it.
        if (c.text.length > 500) throw new Error(`${doc}: a Twitch chat message has at most 500 characters`);
        const to = addresseeComment(article, c);
        let start;
        if (to) {
          start = b.write(`Replying to @${to.user}: ${to.text}`).start;
          b.nl();
          extras.replyLines++;
        }
        const h = b.write(`${c.user}:`);
        hdr = b.span(start ?? h.start, h.end);
        b.write(' ');
        span = b.paras(ps, { firstOpen: true });
        b.nl();
        break;
      }
      case 'bp': {
        // Drupal 7 (Bartik) comment: name, `Thu, 07/07/2016 - 06:18`, `Permalink`, the subject (cut
        // from the body), the body, then the link line for anonymous visitors.
        const subject = drupalSubject(c.text);
        if (/[<>&]/.test(c.text)) throw new Error(`${doc}: markup characters would change the Drupal subject`);
        if (subject === c.text) extras.subjectsWhole++;
        else extras.subjectsCut++;
        hdr = b.headerBlock([c.user, `${SHORT_DAYS[w.wd]}, ${pad2(w.m)}/${pad2(w.d)}/${w.y} - ${pad2(w.hh)}:${pad2(w.mm)}`, DR_PERMALINK, subject]);
        span = b.paras(ps);
        b.nl();
        b.line('footer', DR_FORBIDDEN);
        break;
      }
      case 'bq': {
        // Coral-like nested stream: name, age, `In reply to <parent>` on replies, text, action line; all at 4 × depth.
        const lines = [c.user, ageText(times.get(c))];
        extras.ages.add(lines[1]);
        if (n.parent) lines.push(`In reply to ${n.parent.c.user}`);
        hdr = b.headerBlock(lines, ind);
        span = b.paras(ps, { indent: ind });
        b.nl();
        const r = counts();
        const respect = Math.floor(r * r * r * 40);
        extras.respect.push(respect);
        b.line('footer', `Reply Respect${respect > 0 ? ` ${respect}` : ''} Share Report`, ind);
        break;
      }
      case 'br': {
        // Yahoo-like list: name, age, text, `Reply`, thumbs-up and thumbs-down counts, `N replies`.
        const age = ageText(times.get(c));
        extras.ages.add(age);
        hdr = b.headerBlock([c.user, age]);
        span = b.paras(ps);
        b.nl();
        b.line('footer', YA_REPLY);
        const r = counts();
        const s = counts();
        const up = Math.floor(r * r * r * 300);
        const down = Math.floor(s * s * s * s * 80);
        extras.up.push(up);
        extras.down.push(down);
        b.line('footer', String(up));
        b.line('footer', String(down));
        const replies = article.comments.filter((x) => addresseeComment(article, x) === c).length;
        if (replies > 0) {
          b.line('footer', `${replies} ${replies === 1 ? 'reply' : 'replies'}`);
          extras.replyCounts++;
        }
        break;
      }
      case 'bs': {
        // Readers' comments round-up: paragraphs, an empty line, then the signature (name, place).
        span = b.paras(ps);
        b.nl(2);
        hdr = b.headerBlock([c.user, PLACES[fnv1a(`place:${c.user}`) % PLACES.length]]);
        break;
      }
      case 'bt': {
        // Discourse /raw/ export: `<user> | <updated_at> UTC | #N`, an empty line, the raw text, an empty line, a rule.
        const sec = fnv1a(`seconds:${c.user}:${c.pos}`) % 60;
        hdr = b.headerBlock([`${c.user} | ${w.y}-${pad2(w.m)}-${pad2(w.d)} ${pad2(w.hh)}:${pad2(w.mm)}:${pad2(sec)} UTC | #${i + 1}`]);
        b.nl();
        span = b.paras(ps);
        b.nl(2);
        b.line('footer', DC_RULE);
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
  ['dateline', new RegExp('^(?:\\d\\d\\.\\d\\d\\.\\d{4}' +
    `|${DAY_RE} \\d{1,2} ${MON_RE} \\d{4} \\d\\d\\.\\d\\d EDT` +
    `|${MON_RE} \\d{1,2}(?:st|nd|rd|th) \\d{4} \\d{1,2}:\\d\\d[AP]M` +
    '|\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d EDT' +
    `|${DAY_RE}, \\d\\d ${MON_RE} \\d{4} \\d\\d:\\d\\d:\\d\\d GMT)$`)],
  ['caption', / U\.S\. Navy photo\/Released$| File photo: AP Images$| \(Credit: Reuters\)$| \(stock image: Getty\)$| \(File photo\/AP\)$| Credit: AP\/File$/],
  ['source', /^This report first appeared on |^As seen on |^Used with permission of |^Sourced from |^Adapted from an op-ed |^Story first seen on /],
  ['footer', /^Like this story\?|^Powered by Drupal$|^Opinion pieces reflect |^To send us a comment/],
];
const classify = classifier(ARTICLE_KIND);
const HEAD_RE = /^(?:Stream chat|Comments|All Comments \(\d+\)|Sort By: Oldest|Join the Conversation|Sort by: Oldest|Readers' comments|A selection of reader comments on this article, as submitted\.)$/;
const THREAD_TAIL_RE = /^(?:Send a message|Chat|Load More|Show More Comments)$/;

/**
 * Independent re-parse of one page by its layout's grammar. Uses only the page text and the layout
 * name, not the generator's bookkeeping; returns the records the page implies.
 */
function reparse(doc, layout, text, eol) {
  const rp = reparser(doc, text, eol);
  const { err, lead, plain, pushComment, checkParas, nextAfter } = rp;
  const i = rp.threadHead(rp.article(classify), (s) => HEAD_RE.test(s));
  const T = rp.thread(i, rp.threadTail(i, rp.pageTail(i, classify), (s) => THREAD_TAIL_RE.test(s)));
  const comments = [];
  const push = (...a) => {
    const r = pushComment(...a);
    comments.push(r);
    return r;
  };

  if (layout === 'bo') {
    if (T[0]?.text !== TW_WELCOME) err('bo: no welcome line');
    plain(T[0], 'footer');
    for (let k = 1; k < T.length; k++) {
      let l = T[k];
      let hs = l.start;
      const mr = RE.boReply.exec(l.text);
      if (mr) {
        // the quoted message is the latest earlier message of that user on the page
        const prev = [...comments].reverse().find((x) => x.author === mr[1]);
        if (!prev || prev.text !== mr[2]) err(`bo: reply line does not quote ${mr[1]}'s latest message`);
        l = T[++k];
        if (!l) err('bo: reply line without a message');
      }
      const m = RE.boMsg.exec(l.text);
      if (!m || l.text === '') err(`bo: bad message line ${l.text.slice(0, 40)}`);
      const he = l.start + m[1].length + 1;
      push(he + 1, l.end, m[1], 0, { start: hs, end: he });
    }
  } else if (layout === 'bp') {
    let k = 0;
    while (k < T.length) {
      if (!RE.name.test(T[k].text) || !RE.bpDate.test(T[k + 1]?.text ?? '') || T[k + 2]?.text !== DR_PERMALINK || !T[k + 3] || T[k + 3].text === '') {
        err(`bp: bad header at ${k}`);
      }
      let w = k + 4;
      while (w < T.length && T[w].text !== DR_FORBIDDEN) w++;
      if (w >= T.length) err('bp: no link line');
      checkParas(k + 4, w - 1);
      const r = push(T[k + 4].start, T[w - 1].end, T[k].text, 0, { start: T[k].start, end: T[k + 3].end });
      const joined = r.text.split(eol + eol).join(' ');
      if (drupalSubject(joined) !== T[k + 3].text) err(`bp: subject is not the cut body at ${k}`);
      plain(T[w], 'footer');
      k = nextAfter(w + 1, 'bp: comments');
    }
  } else if (layout === 'bq') {
    let k = 0;
    while (k < T.length) {
      const col = lead(T[k].text);
      const at = (q) => (T[q] && T[q].text !== '' && lead(T[q].text) === col ? T[q].text.slice(col) : null);
      if (col % 4 !== 0 || !RE.name.test(at(k) ?? '') || !RE.age.test(at(k + 1) ?? '')) err(`bq: bad header at ${k}`);
      let q = k + 2;
      const mr = RE.bqReplyTo.exec(at(q) ?? '');
      if (mr) q++;
      if (!!mr !== col > 0) err(`bq: "In reply to" line ${mr ? 'on a top-level comment' : 'missing on a reply'}`);
      let w = q;
      while (w < T.length && !(RE.bqActions.test(at(w) ?? ''))) w++;
      if (w >= T.length) err('bq: no action line');
      checkParas(q, w - 1, { col });
      const r = push(T[q].start + col, T[w - 1].end, at(k), col / 4, { start: T[k].start + col, end: T[q - 1].end });
      if (mr && comments[r.parent].author !== mr[1]) err(`bq: "In reply to ${mr[1]}" does not name the parent's author`);
      plain(T[w], 'footer');
      k = nextAfter(w + 1, 'bq: comments');
    }
  } else if (layout === 'br') {
    let k = 0;
    while (k < T.length) {
      if (!RE.name.test(T[k].text) || !RE.age.test(T[k + 1]?.text ?? '')) err(`br: bad header at ${k}`);
      let w = k + 2;
      while (w < T.length && !(T[w].text === YA_REPLY && RE.count.test(T[w + 1]?.text ?? '') && RE.count.test(T[w + 2]?.text ?? ''))) w++;
      if (w >= T.length) err('br: no widget lines');
      checkParas(k + 2, w - 1);
      push(T[k + 2].start, T[w - 1].end, T[k].text, 0, { start: T[k].start, end: T[k + 1].end });
      for (let o = 0; o < 3; o++) plain(T[w + o], 'footer');
      let e = w + 3;
      const mr = RE.brReplies.exec(T[e]?.text ?? '');
      if (mr) {
        if ((mr[1] === '1') !== / reply$/.test(T[e].text) || mr[1] === '0') err('br: singular/plural or zero replies');
        plain(T[e++], 'footer');
      }
      k = nextAfter(e, 'br: comments');
    }
  } else if (layout === 'bs') {
    // Blocks are separated by one empty line: one-line blocks are paragraphs, a two-line block (name,
    // place) is the signature of the paragraphs above it.
    let k = 0;
    while (k < T.length) {
      let q = k;
      let lastPara = null;
      while (q < T.length && T[q].text !== '' && (T[q + 1]?.text ?? '') === '') {
        lastPara = q;
        q += 2;
      }
      if (lastPara === null || q >= T.length || !T[q + 1] || T[q + 1].text === '' || (T[q + 2] && T[q + 2].text !== '')) err(`bs: no signature after the paragraphs at ${k}`);
      if (!RE.name.test(T[q].text) || !PLACES.includes(T[q + 1].text)) err(`bs: bad signature at ${q}`);
      checkParas(k, lastPara);
      push(T[k].start, T[lastPara].end, T[q].text, 0, { start: T[q].start, end: T[q + 1].end });
      k = nextAfter(q + 2, 'bs: comments');
    }
  } else if (layout === 'bt') {
    let k = 0;
    let lastTime = '';
    while (k < T.length) {
      const m = RE.btHead.exec(T[k].text);
      if (!m || T[k + 1]?.text !== '') err(`bt: bad header at ${k}`);
      if (+m[3] !== comments.length + 1) err('bt: post numbers not 1..n');
      if (m[2] < lastTime) err('bt: time goes backwards');
      lastTime = m[2];
      let w = k + 2;
      while (w < T.length && !(T[w].text === DC_RULE && T[w - 1].text === '')) w++;
      if (w >= T.length) err('bt: no rule');
      checkParas(k + 2, w - 2);
      push(T[k + 2].start, T[w - 2].end, m[1], 0, { start: T[k].start, end: T[k].end });
      plain(T[w], 'footer');
      k = nextAfter(w + 1, 'bt: posts');
    }
  } else err('layout');
  return rp.records();
}

// ---------------------------------------------------------------------------------------------

runBlindSet('l', PAGES, renderPage, {
  layouts: ['bo', 'bp', 'bq', 'br', 'bs', 'bt'],
  reparse,
  forbidden: /[\u00a0\u202f\u200b]/,
  allowParas: (p) => p.page.paras,
  partsOf: (p, c) => c.text.split(p.page.eol + p.page.eol).map((x) => x.replace(/^ +/, '')),
  textChecks: (ctx) => checkEncodingOnly(ctx, { bom: 'bp', crlf: 'bq' }),
  pageChecks: (ctx) => {
    const { p, cs, srcOf, fail } = ctx;
    checkParasAtIndent(ctx, 'bq');
    for (const c of cs) {
      const src = srcOf.get(c);
      if (!src) continue;
      // bo: a reply line exactly when the comment's addressee has an earlier comment
      const to = addresseeComment(p.article, src);
      if (p.layout === 'bo' && c.header.text.startsWith('Replying to @') !== !!to) fail(`${p.doc}: #${c.index} reply line does not follow the addressee`);
      if (p.layout === 'bo' && to && c.header.text !== `Replying to @${to.user}: ${to.text}\n${src.user}:`) fail(`${p.doc}: #${c.index} reply line`);
      // bp: the subject line is Drupal's cut of the dataset text
      if (p.layout === 'bp' && c.header.text.split('\n')[3] !== drupalSubject(src.text)) fail(`${p.doc}: #${c.index} subject`);
      // bs: the place is the user's
      if (p.layout === 'bs' && c.header.text !== `${src.user}\n${PLACES[fnv1a(`place:${src.user}`) % PLACES.length]}`) fail(`${p.doc}: #${c.index} signature`);
    }
    checkAddresseeParents(ctx);
  },
  summaryTail: (p, cs) => {
    const x = p.extras;
    const special = {
      bo: `reply lines ${x.replyLines}`,
      bp: `subjects cut ${x.subjectsCut}, whole ${x.subjectsWhole}`,
      bq: `max depth ${Math.max(...cs.map((c) => c.depth))}; ages ${[...x.ages].join(', ')}; respect ${Math.min(...x.respect)}…${Math.max(...x.respect)} (${x.respect.filter((v) => v > 0).length} with a count)`,
      br: `ages ${[...x.ages].join(', ')}; up ${Math.min(...x.up)}…${Math.max(...x.up)}; down ${Math.min(...x.down)}…${Math.max(...x.down)}; reply-count lines ${x.replyCounts}`,
      bs: 'signature after the text',
      bt: 'rule after every post',
    }[p.layout];
    return `; ${special}` + cappedNote(p);
  },
});
