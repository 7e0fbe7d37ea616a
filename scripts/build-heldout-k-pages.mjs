#!/usr/bin/env node
// Held-out segmentation pages, set K (layouts bi–bn).
//
// Builds tests/heldout-k/pages/*.txt and tests/heldout-k/segment.gold.jsonl from the Fox News
// comments dataset, then re-reads the files from disk and checks them (see tests/heldout-k/README.md).
//
//   node scripts/build-heldout-k-pages.mjs                 # shared dir defaults to <repo>/../shared
//   node scripts/build-heldout-k-pages.mjs /path/to/shared
//
// Plain Node >= 20, no dependencies. It imports scripts/lib/blind-set-kit.mjs (shared with sets H, I
// and J: dataset loading, slug rule, reply tree, paragraph splits, page writer, output, the re-parse
// frame and the layout-independent checks) and keeps its layouts here. It reads nothing but the
// dataset, reads no clock, and its only randomness is a fixed-seed PRNG, so two runs give
// byte-identical output. Gold offsets are taken while the page text is being written, never by
// searching the finished text.

import {
  DAYS, MONTHS, N_COMMENTS, SHORT_DAYS, SHORT_MONTHS, ampm, cappedNote, checkAddresseeParents,
  checkEncodingOnly, checkParasAtIndent, classifier, commentParas, commentTimes, fnv1a, h12, layoutRngs,
  minutesOf, ordinal, pad2, plural, reparser, runBlindSet, threadOrder, wallClock, writePageTail,
  writeThreadTail, yy,
} from './lib/blind-set-kit.mjs';

// ---------------------------------------------------------------------------------------------
// Pages

const ZOOM_TO = 'Everyone';
const GR_PHRASES = ['did not like it', 'it was ok', 'liked it', 'really liked it', 'it was amazing']; // 1–5 stars
const GR_TAIL = 'see review';
const TP_REPLY = 'Reply';
const GU_PICK = 'Guardian Pick';
const GU_BUTTONS = ['Reply', 'Share', 'Report'];
const SLACK_CHANNEL = '#fox-news-readers';

const PAGES = [
  { layout: 'bi', article: 'German lawmakers', eol: '\r\n', bom: false, nested: false, paras: false,
    dateline: (d) => `${ordinal(d.d)} ${MONTHS[d.m - 1]} ${d.y}`,
    before: [], bodyParas: 1,
    after: [['caption', 'The Reichstag building in Berlin. REUTERS/File Photo'], ['source', 'Fox News contributed to this report.']],
    threadHead: [], threadTail: [], pageTail: ['Never miss a story: get our morning briefing by email.'] },
  { layout: 'bj', article: 'First lady', eol: '\n', bom: true, nested: false, paras: true, gaps: [20, 600],
    dateline: null,
    before: [['caption', 'First lady Michelle Obama delivers a commencement address. [Getty Images]']], bodyParas: 1,
    after: [],
    threadHead: [() => 'Community Reviews', (a) => `Showing 1-${N_COMMENTS} of ${a.comments.length}`],
    threadTail: [], pageTail: ['Enjoyed this article? Buy us a coffee.'] },
  { layout: 'bk', article: 'Confederate flag', eol: '\n', bom: false, nested: true, cap: 4, paras: true, gaps: [2, 40],
    dateline: (d) => `${SHORT_DAYS[d.wd]} ${SHORT_MONTHS[d.m - 1]} ${d.d} ${d.y}`.toUpperCase(),
    before: [], bodyParas: 2,
    after: [['caption', 'The Confederate battle flag flies at the South Carolina Statehouse. (Photo via Getty Images)'],
      ['source', 'This story originally ran on FoxNews.com.']],
    threadHead: [() => 'Comments', () => 'You can follow this conversation by subscribing to the comment feed for this post.'],
    threadTail: [() => 'The comments to this entry are closed.'], pageTail: ['Powered by Typepad'] },
  { layout: 'bl', article: 'Fury as feminist', eol: '\n', bom: false, nested: false, paras: true, gaps: [2, 40],
    dateline: null,
    before: [], bodyParas: 1,
    after: [['caption', 'An alligator warning sign. © Shutterstock'], ['source', '(Source: FoxNews.com)']],
    threadHead: [(a) => `comments (${a.comments.length})`, () => 'Sign in or create your Guardian account to join the discussion.',
      () => 'Order by oldest'],
    threadTail: [() => 'View more comments'], pageTail: ['Please keep comments civil. Read our community standards.'] },
  { layout: 'bm', article: 'ICE program', eol: '\n', bom: false, nested: false, paras: true, gaps: [2, 40],
    dateline: (d) => `${pad2(d.m)}/${pad2(d.d)}/${yy(d.y)} 06:00 AM EDT`,
    before: [], bodyParas: 2,
    after: [['caption', 'Stock photo via iStock'], ['source', 'Content provided by FoxNews.com']],
    threadHead: [], threadTail: [() => 'This thread has been archived and is closed to new comments'], pageTail: [] },
  { layout: 'bn', article: 'States moving', eol: '\n', bom: false, nested: false, paras: true, gaps: [10, 150], groupGap: [1, 4],
    dateline: (d) => `${d.y}.${pad2(d.m)}.${pad2(d.d)}`,
    before: [['caption', 'A shopper pays with an EBT card. AFP PHOTO / FILE']], bodyParas: 1,
    after: [['source', 'Distributed by Fox News']],
    threadHead: [() => SLACK_CHANNEL], threadTail: [], pageTail: [] },
];

// Shapes of the layouts' furniture (also used by the re-parse).
const MON_RE = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const MONTH_RE = `(?:${MONTHS.join('|')})`;
const RE = {
  biMsg: /^(\d\d:\d\d:\d\d From ([A-Za-z0-9_]+) to Everyone:) (\S.*)$/,
  biLike: /^\d\d:\d\d:\d\d From /,
  bjHead: new RegExp(`^([A-Za-z0-9_]+) rated it (${GR_PHRASES.join('|')})$`),
  bjLike: / rated it /,
  bjDate: new RegExp(`^${MON_RE} \\d\\d, \\d{4}$`),
  bjWidget: /^(?:(\d+) likes? · )?Like · see review$/,
  bkByline: new RegExp(`^Posted by: ([A-Za-z0-9_]+) \\| ${MONTH_RE} \\d\\d, \\d{4} at \\d\\d:\\d\\d [AP]M$`),
  bkLike: /^\s*Posted by:/,
  blDate: new RegExp(`^\\d{1,2} ${MON_RE} \\d{4} \\d\\d:\\d\\d$`),
  blCount: /^\d+$/,
  bmByline: new RegExp(`^posted by ([A-Za-z0-9_]+) at \\d{1,2}:\\d\\d [AP]M on ${MONTH_RE} \\d{1,2}, \\d{4}(?: \\[(\\d+) favorites?\\])?$`),
  bmLike: /^posted by /i,
  bnHead: /^([A-Za-z0-9_]+) {2}(\d{1,2}:\d\d [AP]M)$/,
  bnCont: /^\d{1,2}:\d\d$/,
  bnDay: new RegExp(`^(${DAYS.join('|')}), ${MONTH_RE} \\d{1,2}(?:st|nd|rd|th)$`),
  name: /^[A-Za-z0-9_]+$/,
};

// Per layout: shapes its grammar would read as furniture; no paragraph may match one.
const FURNITURE = {
  bi: [RE.biLike],
  bj: [RE.bjLike, RE.bjDate, RE.bjWidget, /^(?:Community Reviews|Showing \d+-\d+ of \d+)$/],
  bk: [RE.bkLike, /^Reply$/, /^The comments to this entry are closed\.$/],
  bl: [RE.name, RE.blDate, RE.blCount, /^(?:Reply|Share|Report|Guardian Pick|View more comments)$/],
  bm: [RE.bmLike, /^This thread has been archived/],
  bn: [RE.bnHead, RE.bnCont, RE.bnDay, /^#/],
};

// Page b after its article part (runBlindSet writes that): thread heading, comments, tails. Returns
// what the checks need.
function renderPage(b, page, pageNo, article) {
  const { doc } = b;
  const d = article.date;

  // Comments
  const { selected, order, capped, indexOf } = threadOrder(article, page);

  // Timeline in file (chronological) order. bi counts seconds, the others minutes.
  const { rng, counts } = layoutRngs('k', page.layout);
  const times =
    page.layout === 'bi'
      ? commentTimes(selected, (6 * 60 + 5 + Math.floor(rng() * 45)) * 60 + Math.floor(rng() * 60), rng, () => [15, 420])
      : commentTimes(selected, minutesOf(d.y, d.m, d.d, 6, 5 + Math.floor(rng() * 45)), rng, (k) =>
          page.groupGap && selected[k - 1].user === selected[k].user ? page.groupGap : page.gaps);

  // Thread heading
  for (const fn of page.threadHead) b.line('footer', fn(article));
  if (page.threadHead.length) b.nl();

  const extras = { ratings: [], likes: 0, picks: 0, favs: 0, groups: 0, cont: 0, dayLines: 0, counts: [] };
  let lastDay = null;
  let prevUser = null;
  order.forEach((n, i) => {
    const c = n.c;
    const ps = commentParas(doc, c, pageNo, page.paras, FURNITURE[page.layout]);
    const depth = n.depth;
    const parent = n.parent ? indexOf.get(n.parent) : null;
    const ind = ' '.repeat(4 * depth);
    let hdr;
    let span;
    let author = c.user;
    if (page.layout === 'bn') {
      // Slack: a day divider opens each day; no empty lines between messages.
      const w = wallClock(times.get(c));
      const day = `${DAYS[w.wd]}, ${MONTHS[w.m - 1]} ${ordinal(w.d)}`;
      if (day !== lastDay) {
        b.line('footer', day);
        lastDay = day;
        prevUser = null;
        extras.dayLines++;
      }
    } else if (i > 0 && page.layout !== 'bi') b.nl();
    switch (page.layout) {
      case 'bi': {
        // Zoom saved meeting chat: `HH:MM:SS From <user> to Everyone: <text>`, one message per line.
        const s = times.get(c);
        const stamp = `${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}`;
        const h = b.write(`${stamp} From ${c.user} to ${ZOOM_TO}:`);
        hdr = b.span(h.start, h.end);
        b.write(' ');
        span = b.paras(ps, { firstOpen: true });
        b.nl();
        break;
      }
      case 'bj': {
        // Goodreads-like review: `<user> rated it <phrase>` / `Mon DD, YYYY`, text, likes line.
        const w = wallClock(times.get(c));
        const stars = 1 + Math.floor(counts() * 5);
        extras.ratings.push(stars);
        hdr = b.headerBlock([`${c.user} rated it ${GR_PHRASES[stars - 1]}`, `${SHORT_MONTHS[w.m - 1]} ${pad2(w.d)}, ${w.y}`]);
        span = b.paras(ps);
        b.nl();
        const r = counts();
        const likes = Math.floor(r * r * r * 40);
        if (likes > 0) extras.likes++;
        b.line('footer', likes > 0 ? `${plural(likes, 'like')} · Like · ${GR_TAIL}` : `Like · ${GR_TAIL}`);
        break;
      }
      case 'bk': {
        // TypePad-like threaded comments: text, then `Posted by: <user> | <date> at <time>`, then `Reply`; all at 4 × depth.
        const w = wallClock(times.get(c));
        span = b.paras(ps, { indent: ind });
        b.nl();
        hdr = b.headerBlock([`Posted by: ${c.user} | ${MONTHS[w.m - 1]} ${pad2(w.d)}, ${w.y} at ${pad2(h12(w.hh))}:${pad2(w.mm)} ${ampm(w.hh)}`], ind);
        b.line('footer', TP_REPLY, ind);
        break;
      }
      case 'bl': {
        // Guardian-like: name, date and time, [Guardian Pick], recommend count, text, Reply / Share / Report.
        const w = wallClock(times.get(c));
        const lines = [c.user, `${w.d} ${SHORT_MONTHS[w.m - 1]} ${w.y} ${pad2(w.hh)}:${pad2(w.mm)}`];
        const r = counts();
        const recs = Math.floor(r * r * r * 200);
        extras.counts.push(recs);
        if (fnv1a(`pick:${c.user}:${c.pos}`) % 5 === 0) {
          lines.push(GU_PICK);
          extras.picks++;
        }
        hdr = b.headerBlock(lines);
        b.line('footer', String(recs));
        span = b.paras(ps);
        b.nl();
        for (const label of GU_BUTTONS) b.line('footer', label);
        break;
      }
      case 'bm': {
        // MetaFilter-like: text, then `posted by <user> at h:mm AM on Month D, YYYY [N favorites]`.
        const w = wallClock(times.get(c));
        span = b.paras(ps);
        b.nl();
        const r = counts();
        const favs = Math.floor(r * r * r * 30);
        if (favs > 0) extras.favs++;
        const fav = favs > 0 ? ` [${plural(favs, 'favorite')}]` : '';
        hdr = b.headerBlock([`posted by ${c.user} at ${h12(w.hh)}:${pad2(w.mm)} ${ampm(w.hh)} on ${MONTHS[w.m - 1]} ${w.d}, ${w.y}${fav}`]);
        break;
      }
      case 'bn': {
        // Slack-like channel copy: `<user>  h:mm AM` opens a group; a later message of the same group
        // shows only its hover time `h:mm`.
        const w = wallClock(times.get(c));
        if (prevUser === c.user) {
          hdr = b.headerBlock([`${h12(w.hh)}:${pad2(w.mm)}`]);
          author = null;
          extras.cont++;
        } else {
          hdr = b.headerBlock([`${c.user}  ${h12(w.hh)}:${pad2(w.mm)} ${ampm(w.hh)}`]);
          extras.groups++;
        }
        prevUser = c.user;
        span = b.paras(ps);
        b.nl();
        break;
      }
      default:
        throw new Error(page.layout);
    }
    b.comment({ index: i, author, depth, parent }, span, hdr);
  });
  writeThreadTail(b, page.threadTail, article);
  writePageTail(b, page.pageTail);
  return { doc, layout: page.layout, page, article, text: b.s, recs: b.sortedRecords(), order, selected, capped, extras };
}

// ---------------------------------------------------------------------------------------------
// Checks on the files as re-read from disk

const ARTICLE_KIND = [
  ['dateline', new RegExp('^(?:\\d{1,2}(?:st|nd|rd|th) [A-Z][a-z]+ \\d{4}' +
    '|(?:SUN|MON|TUE|WED|THU|FRI|SAT) (?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC) \\d{1,2} \\d{4}' +
    '|\\d\\d/\\d\\d/\\d\\d \\d\\d:\\d\\d [AP]M EDT' +
    '|\\d{4}\\.\\d\\d\\.\\d\\d)$')],
  ['caption', / REUTERS\/File Photo$| \[Getty Images\]$| \(Photo via Getty Images\)$| © Shutterstock$|^Stock photo via |  ?AFP PHOTO \/ FILE$/],
  ['source', /^Fox News contributed to this report\.$|^This story originally ran on |^\(Source: |^Content provided by |^Distributed by /],
  ['footer', /^Never miss a story|^Enjoyed this article\?|^Powered by Typepad$|^Please keep comments civil/],
];
const classify = classifier(ARTICLE_KIND);
const HEAD_RE = /^(?:Community Reviews|Showing \d+-\d+ of \d+|Comments|You can follow this conversation by subscribing to the comment feed for this post\.|comments \(\d+\)|Sign in or create your Guardian account to join the discussion\.|Order by oldest|#[a-z0-9-]+)$/;
const THREAD_TAIL_RE = /^(?:The comments to this entry are closed\.|View more comments|This thread has been archived and is closed to new comments)$/;

/**
 * Independent re-parse of one page by its layout's grammar. Uses only the page text and the layout
 * name, not the generator's bookkeeping; returns the records the page implies.
 */
function reparse(doc, layout, text, eol) {
  const rp = reparser(doc, text, eol);
  const { err, lead, plain, pushComment, checkParas, nextAfter } = rp;
  // Article part, then an optional thread heading: a block of heading lines, then one empty line.
  const i = rp.threadHead(rp.article(classify), (s) => HEAD_RE.test(s));
  // Page tail: a block of footer lines after exactly two empty lines; thread tail: a block of tail lines after one empty line.
  const T = rp.thread(i, rp.threadTail(i, rp.pageTail(i, classify), (s) => THREAD_TAIL_RE.test(s)));
  const timeOf = (hh, mm, ap) => ((+hh % 12) + (ap === 'PM' ? 12 : 0)) * 60 + +mm;

  if (layout === 'bi') {
    let last = -1;
    for (const l of T) {
      const m = RE.biMsg.exec(l.text);
      if (!m) err(`bi: bad message line ${l.text.slice(0, 40)}`);
      const [hh, mm, ss] = l.text.slice(0, 8).split(':').map(Number);
      const sec = hh * 3600 + mm * 60 + ss;
      if (sec < last) err('bi: time goes backwards');
      last = sec;
      pushComment(l.start + m[1].length + 1, l.end, m[2], 0, { start: l.start, end: l.start + m[1].length });
    }
  } else if (layout === 'bj') {
    let k = 0;
    while (k < T.length) {
      const m = RE.bjHead.exec(T[k].text);
      if (!m || !RE.bjDate.test(T[k + 1]?.text ?? '')) err(`bj: bad header at ${k}`);
      let w = k + 2;
      while (w < T.length && !RE.bjWidget.test(T[w].text)) w++;
      if (w >= T.length) err('bj: no likes line');
      checkParas(k + 2, w - 1);
      pushComment(T[k + 2].start, T[w - 1].end, m[1], 0, { start: T[k].start, end: T[k + 1].end });
      const lm = RE.bjWidget.exec(T[w].text);
      if (lm[1] !== undefined && ((lm[1] === '1') !== !/likes/.test(T[w].text) || lm[1] === '0')) err('bj: singular/plural or zero likes');
      plain(T[w], 'footer');
      k = nextAfter(w + 1, 'bj: reviews');
    }
  } else if (layout === 'bk') {
    let k = 0;
    while (k < T.length) {
      let w = k;
      while (w < T.length && !(RE.bkByline.test(T[w].text.trimStart()) && T[w + 1]?.text.trim() === TP_REPLY)) w++;
      if (w >= T.length) err('bk: no byline');
      const col = lead(T[w].text);
      if (col % 4 !== 0 || lead(T[w + 1].text) !== col) err('bk: bad indentation of byline or Reply');
      checkParas(k, w - 1, { col });
      const m = RE.bkByline.exec(T[w].text.trimStart());
      pushComment(T[k].start + col, T[w - 1].end, m[1], col / 4, { start: T[w].start + col, end: T[w].end });
      plain(T[w + 1], 'footer');
      k = nextAfter(w + 2, 'bk: comments');
    }
  } else if (layout === 'bl') {
    let k = 0;
    while (k < T.length) {
      if (!RE.name.test(T[k].text) || !RE.blDate.test(T[k + 1]?.text ?? '')) err(`bl: bad header at ${k}`);
      let q = k + 2;
      if (T[q]?.text === GU_PICK) q++;
      const hdr = { start: T[k].start, end: T[q - 1].end };
      if (!RE.blCount.test(T[q]?.text ?? '')) err('bl: no recommend count');
      plain(T[q], 'footer');
      const first = q + 1;
      let w = first;
      while (w < T.length && !(T[w].text === GU_BUTTONS[0] && T[w + 1]?.text === GU_BUTTONS[1] && T[w + 2]?.text === GU_BUTTONS[2])) w++;
      if (w >= T.length) err('bl: no button lines');
      checkParas(first, w - 1);
      pushComment(T[first].start, T[w - 1].end, T[k].text, 0, hdr);
      for (let o = 0; o < 3; o++) plain(T[w + o], 'footer');
      k = nextAfter(w + 3, 'bl: comments');
    }
  } else if (layout === 'bm') {
    let k = 0;
    while (k < T.length) {
      let w = k;
      while (w < T.length && !RE.bmByline.test(T[w].text)) w++;
      if (w >= T.length) err('bm: no byline');
      checkParas(k, w - 1);
      const m = RE.bmByline.exec(T[w].text);
      if (m[2] !== undefined && ((m[2] === '1') !== /favorite\]$/.test(T[w].text) || m[2] === '0')) err('bm: singular/plural or zero favorites');
      pushComment(T[k].start, T[w - 1].end, m[1], 0, { start: T[w].start, end: T[w].end });
      k = nextAfter(w + 1, 'bm: comments');
    }
  } else if (layout === 'bn') {
    let cur = null; // { hdr, author, first, last }
    let groupUser = null;
    let lastMin = -Infinity;
    let day = null;
    const flush = () => {
      if (!cur) return;
      checkParas(cur.first, cur.last);
      pushComment(T[cur.first].start, T[cur.last].end, cur.author, 0, cur.hdr);
      cur = null;
    };
    for (let k = 0; k < T.length; k++) {
      const s = T[k].text;
      const mh = RE.bnHead.exec(s);
      if (RE.bnDay.test(s) || mh || RE.bnCont.test(s)) {
        if (cur && cur.last === null) err('bn: header without text');
        flush();
        if (RE.bnDay.test(s)) {
          plain(T[k], 'footer');
          groupUser = null;
          day = s;
          lastMin = -Infinity;
          continue;
        }
        if (day === null) err('bn: message before the first day divider');
        let min;
        if (mh) {
          groupUser = mh[1];
          const t = /^(\d+):(\d\d) ([AP]M)$/.exec(mh[2]);
          min = timeOf(t[1], t[2], t[3]);
        } else {
          if (groupUser === null) err('bn: continuation without a group');
          const [hh, mm] = s.split(':');
          // the hover time has no AM/PM: take the reading nearest after the previous message
          min = [timeOf(hh, mm, 'AM'), timeOf(hh, mm, 'PM')].filter((x) => x >= lastMin).sort((x, y) => x - y)[0];
          if (min === undefined || min - lastMin > 5) err('bn: continuation more than 5 minutes after the previous message');
        }
        if (min < lastMin) err('bn: time goes backwards');
        lastMin = min;
        cur = { hdr: { start: T[k].start, end: T[k].end }, author: mh ? mh[1] : null, first: k + 1, last: null };
        continue;
      }
      if (!cur) err(`bn: text outside a message: ${s.slice(0, 40)}`);
      if (s !== '') cur.last = k;
    }
    if (cur && cur.last === null) err('bn: header without text');
    flush();
  } else err('layout');
  return rp.records();
}

// ---------------------------------------------------------------------------------------------

runBlindSet('k', PAGES, renderPage, {
  layouts: ['bi', 'bj', 'bk', 'bl', 'bm', 'bn'],
  reparse,
  forbidden: /[\u00a0\u202f\u200b]/,
  allowParas: (p) => p.page.paras,
  // bn: a message continuing its user's group has no author, only a time
  authorOk: (p, c) => typeof c.author === 'string' || (p.layout === 'bn' && c.author === null && RE.bnCont.test(c.header?.text ?? '')),
  partsOf: (p, c) => c.text.split(p.page.eol + p.page.eol).map((x) => x.replace(/^ +/, '')),
  textChecks: (ctx) => checkEncodingOnly(ctx, { bom: 'bj', crlf: 'bi' }),
  pageChecks: (ctx) => {
    const { p, text, cs, srcOf, fail } = ctx;
    checkParasAtIndent(ctx, 'bk');
    // bn: a header without a name exactly when the previous message of the same day is by the same user
    if (p.layout === 'bn') {
      cs.forEach((c, k) => {
        const sameDayPrev = k > 0 && !text.slice(cs[k - 1].end, c.header.start).split('\n').some((l) => RE.bnDay.test(l));
        const sameUser = sameDayPrev && srcOf.get(cs[k - 1])?.user === srcOf.get(c)?.user;
        if ((c.author === null) !== sameUser) fail(`${p.doc}: #${k} grouping does not follow the users`);
      });
    }
    checkAddresseeParents(ctx);
  },
  summaryTail: (p, cs) => {
    const x = p.extras;
    const special = {
      bi: 'one line per message',
      bj: `stars ${x.ratings.join('')}; likes lines with a count ${x.likes}`,
      bk: `max depth ${Math.max(...cs.map((c) => c.depth))}`,
      bl: `Guardian Pick ${x.picks}; recommends ${Math.min(...x.counts)}…${Math.max(...x.counts)}`,
      bm: `bylines with favorites ${x.favs}`,
      bn: `day dividers ${x.dayLines}; group headers ${x.groups}; time-only headers ${x.cont}`,
    }[p.layout];
    return `; ${special}` + cappedNote(p);
  },
});
