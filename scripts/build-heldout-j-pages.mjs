#!/usr/bin/env node
// Held-out segmentation pages, set J (layouts bc–bh).
//
// Builds tests/heldout-j/pages/*.txt and tests/heldout-j/segment.gold.jsonl from the Fox News
// comments dataset, then re-reads the files from disk and checks them (see tests/heldout-j/README.md).
//
//   node scripts/build-heldout-j-pages.mjs                 # shared dir defaults to <repo>/../shared
//   node scripts/build-heldout-j-pages.mjs /path/to/shared
//
// Plain Node >= 20, no dependencies. It imports scripts/lib/blind-set-kit.mjs (shared with sets H, I
// and K: dataset loading, slug rule, reply tree, paragraph splits, page writer, output, the re-parse
// frame and the layout-independent checks) and keeps its layouts here. It reads nothing but the
// dataset, reads no clock, and its only randomness is a fixed-seed PRNG, so two runs give
// byte-identical output. Gold offsets are taken while the page text is being written, never by
// searching the finished text.

import {
  DAYS, MONTHS, N_COMMENTS, SHORT_DAYS, SHORT_MONTHS, addresseeComment, ampm, cappedNote, classifier,
  commentParas, commentTimes, fnv1a, h12, layoutRngs, minutesOf, pad2, plural, reparser, runBlindSet,
  thousands, threadOrder, wallClock, writePageTail, writeThreadTail, yy,
} from './lib/blind-set-kit.mjs';

const TAB = '\t';
// AP style month abbreviations (March–July are spelled out)
const AP_MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

/**
 * Hard wrap (bh): greedy, lines of at most `width` characters, broken only at a single space between
 * two non-space characters, so that joining the lines with one space gives back the paragraph. A word
 * longer than the width stays whole on its own line.
 */
function wrapLines(p, width) {
  const breaks = [];
  for (let i = 1; i < p.length - 1; i++) if (p[i] === ' ' && p[i - 1] !== ' ' && p[i + 1] !== ' ') breaks.push(i);
  const lines = [];
  let s = 0;
  while (p.length - s > width) {
    let b = -1;
    for (const x of breaks) {
      if (x <= s) continue;
      if (x - s <= width) b = x;
      else {
        if (b < 0) b = x; // a word longer than the width
        break;
      }
    }
    if (b < 0) break;
    lines.push(p.slice(s, b));
    s = b + 1;
  }
  lines.push(p.slice(s));
  if (lines.join(' ') !== p) throw new Error('wrap does not join back');
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Pages

const LINE_GROUP = 'Fox News readers';
const GG_GROUP = 'Fox News Comments';
const GG_TO = `to ${GG_GROUP}`;
const GG_READ = 7; // messages #0–#6 were read before (no `unread,` line)
const GG_VIEWS = 1873;
const FOSSIL_TAIL = 'This page was generated in about 0.012s by Fossil 2.10 [9d94aaa11f]';
const DM_RATE = 'Click to rate';
const DM_VIEWS = 'The views expressed in the contents above are those of our users and do not necessarily reflect the views of MailOnline.';
const FIDO_RULE = '='.repeat(79);
const FIDO_WIDTH = 76;
const FIDO_SUBJ_MAX = 71;

// Yelp-like locations (real US city/state pairs; indexed by a hash of the user name, meaning nothing about the user)
const YELP_CITIES = ['San Diego, CA', 'Austin, TX', 'Columbus, OH', 'St. Louis, MO', 'Salt Lake City, UT', 'Boise, ID',
  'Tampa, FL', 'Raleigh, NC', 'Portland, OR', 'Omaha, NE', 'Fort Worth, TX', 'Albuquerque, NM', 'Baton Rouge, LA',
  'Knoxville, TN', 'Colorado Springs, CO', 'Grand Rapids, MI', 'Scottsdale, AZ', 'Charleston, SC', 'Des Moines, IA',
  'Virginia Beach, VA', 'Spokane, WA', 'Green Bay, WI', 'Bakersfield, CA', 'Winston-Salem, NC'];
// Daily Mail-like locations (city, country)
const DM_PLACES = ['London, United Kingdom', 'Houston, United States', 'Toronto, Canada', 'Sydney, Australia',
  'Dublin, Ireland', 'New York, United States', 'Manchester, United Kingdom', 'Auckland, New Zealand',
  'Cape Town, South Africa', 'Phoenix, United States', 'Vancouver, Canada', 'Perth, Australia', 'Glasgow, United Kingdom',
  'Tel Aviv, Israel', 'Atlanta, United States', 'Brisbane, Australia'];
// Fidonet: BBS names for the origin lines and mail-reader tearlines (invented assignment per user)
const FIDO_BBS = ['Liberty Line BBS', 'The Back Porch', 'Capitol Hill Exchange', 'Prairie Node', 'Night Owl BBS',
  'Lone Star Link', 'Harbor Light BBS', 'Blue Ridge Station'];
const FIDO_TEARS = ['--- GoldED+/W32-MINGW 1.1.5-b20060515', '--- FMail 1.60', '--- Blue Wave/DOS v2.30',
  '--- Hpt/w32 1.9.0-cur', '--- timEd/386 1.10.y2k+', '--- SBBSecho 3.00-Win32'];

const PAGES = [
  { layout: 'bc', article: 'Navy names ship', eol: '\r\n', bom: false, nested: false, paras: false, gaps: [20, 300],
    dateline: (d) => `Published 6:00 a.m. ET ${AP_MONTHS[d.m - 1]} ${d.d}, ${d.y}`,
    before: [], bodyParas: 1,
    after: [['caption', 'A Navy replenishment oiler under way. Credit: U.S. Navy'], ['source', 'Syndicated from FoxNews.com']],
    threadHead: [], // written by the layout (the export's own first lines)
    threadTail: [], pageTail: ['Support local journalism: subscribe today.'] },
  { layout: 'bd', article: 'Texas, 12 states', eol: '\n', bom: true, nested: false, paras: true, gaps: [2, 40],
    dateline: (d) => `${DAYS[d.wd]}, ${MONTHS[d.m - 1]} ${d.d}, ${d.y}`.toUpperCase(),
    before: [['caption', 'The Texas State Capitol in Austin. Image: Reuters/File']], bodyParas: 1,
    after: [['source', 'Article source: FoxNews.com']],
    threadHead: [['title', (a) => a.title], ['footer', () => `${thousands(GG_VIEWS)} views`], ['footer', () => 'Skip to first unread message']],
    threadTail: ['Reply all', 'Reply to author', 'Forward'],
    pageTail: [`You received this message because you are subscribed to the Google Groups "${GG_GROUP}" group.`,
      'To unsubscribe from this group and stop receiving emails from it, send an email to fox-news-comments+unsubscribe@googlegroups.com.'] },
  { layout: 'be', article: 'ICE program', eol: '\n', bom: false, nested: true, cap: 8, paras: true, gaps: [2, 40],
    dateline: (d) => `${d.d}.${d.m}.${d.y}`,
    before: [], bodyParas: 2,
    after: [['caption', 'ICE agents detain a suspect. (U.S. Immigration and Customs Enforcement)'], ['source', 'Originally posted at foxnews.com']],
    threadHead: [], threadTail: [], pageTail: [FOSSIL_TAIL] },
  { layout: 'bf', article: 'First lady', eol: '\n', bom: false, nested: false, paras: true, gaps: [20, 600],
    dateline: null,
    before: [['caption', 'Michelle Obama speaks at a commencement ceremony. (Getty Images)']], bodyParas: 1,
    after: [['source', 'Full story at FoxNews.com']],
    threadHead: [['footer', () => 'Recommended Reviews']],
    threadTail: [(a) => `Page 1 of ${Math.ceil(a.comments.length / N_COMMENTS)}`], pageTail: [] },
  { layout: 'bg', article: 'Black Lives Matter', eol: '\n', bom: false, nested: false, paras: true, gaps: [2, 40],
    dateline: (d) => `Published: 06:00 EDT, ${d.d} ${MONTHS[d.m - 1]} ${d.y} | Updated: 09:14 EDT, ${d.d} ${MONTHS[d.m - 1]} ${d.y}`,
    before: [], bodyParas: 1,
    after: [['caption', 'Pictured: Black Lives Matter protesters march in Philadelphia']],
    threadHead: [['footer', (a) => `Comments (${a.comments.length})`], ['footer', () => 'Share what you think'],
      ['footer', () => 'Newest Oldest Best rated Worst rated']],
    threadTail: [() => 'We are no longer accepting comments on this article.'], pageTail: [DM_VIEWS] },
  { layout: 'bh', article: 'Supreme Court', eol: '\n', bom: false, nested: false, paras: true, gaps: [2, 40],
    dateline: (d) => `${d.y}-${pad2(d.m)}-${pad2(d.d)}T06:00:00-04:00`,
    before: [], bodyParas: 2,
    after: [['caption', 'Image source: Reuters'], ['source', 'Reposted from Fox News Opinion']],
    threadHead: [], threadTail: [], pageTail: ['Like what you read? Chip in to keep this BBS online.'] },
];
const GAP_OF = { bc: 0, bd: 1, be: 1, bf: 1, bg: 1, bh: 1 }; // blank lines between comments (bc: see date lines)

// Shapes of the layouts' furniture (also used by the re-parse).
const DAY_RE = '(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat)';
const MON_RE = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const RE = {
  bcTitle: /^\[LINE\] Chat history in .+$/,
  bcSaved: /^Saved on: \d{4}\/\d\d\/\d\d \d\d:\d\d$/,
  bcDay: new RegExp(`^\\d{4}/\\d\\d/\\d\\d\\(${DAY_RE}\\)$`),
  bcMsg: /^(\d\d:\d\d\t([A-Za-z0-9_]+))\t(\S.*)$/,
  bcStamp: /^\d\d:\d\d\t/,
  bdPhoto: /^([A-Za-z0-9_]+)'s profile photo$/,
  bdDate: new RegExp(`^${MON_RE} \\d{1,2}, \\d{4}, \\d{1,2}:\\d\\d:\\d\\d [AP]M$`),
  beHead: /^\((\d+)\) By ([A-Za-z0-9_]+) on (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)(?: in reply to (\d+))? \[link\] \[source\]$/,
  beLike: /^\(\d+\) By /,
  bfLoc: /^[A-Z][A-Za-z.' -]+, [A-Z]{2}$/,
  bfStat: /^(\d+) (friend|review|photo)s?$/,
  bfDate: /^\d{1,2}\/\d{1,2}\/\d{4}$/,
  bfVote: /^(Useful|Funny|Cool)(?: ([1-9]\d*))?$/,
  bgByline: /^([A-Za-z0-9_]+), ([A-Z][A-Za-z. ]+), ([A-Z][A-Za-z ]+), (\d+) (minute|hour|day)s? ago$/,
  bgRating: /^Rating -?\d+$/,
  bhRule: /^=+$/,
  bhMsg: /^ Msg {2}: (\d+) of (\d+)$/,
  bhFrom: new RegExp(`^ From : ([A-Za-z0-9_]+) +(\\d+:\\d+/\\d+\\.\\d+) +(${DAY_RE} \\d\\d ${MON_RE} \\d\\d \\d\\d:\\d\\d)$`),
  bhTo: /^ To {3}: ([A-Za-z0-9_]+)$/,
  bhSubj: /^ Subj : (\S.*)$/,
  bhField: /^ ?(?:Msg|From|To|Subj) *:/,
  bhTear: /^--- \S.*$/,
  bhOrigin: /^ \* Origin: (.+) \((\d+:\d+\/\d+)\)$/,
  bhOriginLike: /^ ?\* Origin:/,
  name: /^[A-Za-z0-9_]+$/,
};

// Per layout: shapes its grammar would read as furniture; no paragraph (on bh: no wrapped line) may match one.
const FURNITURE = {
  bc: [RE.bcTitle, RE.bcSaved, RE.bcDay, RE.bcStamp],
  bd: [RE.bdPhoto, /^unread,$/, RE.bdDate, /^to /, /^(?:Reply all|Reply to author|Forward)$/, /^[\d,]+ views$/, /^Skip to first unread message$/],
  be: [RE.beLike],
  bf: [RE.bfLoc, RE.bfStat, RE.bfDate, RE.bfVote, /^(?:Recommended Reviews|Page \d+ of \d+)$/],
  bg: [RE.bgByline, /^Click to rate$/, RE.bgRating, /^We are no longer accepting comments/],
  bh: [RE.bhRule, RE.bhField, /^---/, RE.bhOriginLike],
};

// Page b after its article part (runBlindSet writes that): thread heading, comments, tails. Returns
// what the checks need.
function renderPage(b, page, pageNo, article) {
  const { doc } = b;
  const d = article.date;

  // Comments
  const { selected, order, capped, indexOf } = threadOrder(article, page);

  // Timeline in file (chronological) order.
  const { rng, counts } = layoutRngs('j', page.layout);
  const times = commentTimes(selected, minutesOf(d.y, d.m, d.d, 6, 5 + Math.floor(rng() * 45)), rng, () => page.gaps);
  const lastTime = times.get(selected[selected.length - 1]);
  const secondsOf = (c) => fnv1a(`seconds:${c.user}:${c.pos}`) % 60;

  // be: post numbers are the chronological (file) order, 1…20.
  const postNo = new Map(selected.map((c, k) => [c, k + 1]));

  // Thread heading
  if (page.layout === 'bc') {
    const saved = wallClock(lastTime + 97);
    b.line('footer', `[LINE] Chat history in ${LINE_GROUP}`);
    b.line('footer', `Saved on: ${saved.y}/${pad2(saved.m)}/${pad2(saved.d)} ${pad2(saved.hh)}:${pad2(saved.mm)}`);
    b.nl();
  }
  for (const [kind, fn] of page.threadHead) b.line(kind, fn(article));
  if (page.threadHead.length) b.nl();

  const extras = { dayLines: 0, unread: 0, photos: 0, votes: 0, ages: new Set(), ratings: [], replyLines: 0, wrapped: 0, toUser: 0 };
  let lastDay = null;
  order.forEach((n, i) => {
    const c = n.c;
    const ps = commentParas(doc, c, pageNo, page.paras, FURNITURE[page.layout], page.layout === 'bh' ? (p) => wrapLines(p, FIDO_WIDTH) : undefined);
    const depth = n.depth;
    const parent = n.parent ? indexOf.get(n.parent) : null;
    const w = wallClock(times.get(c));
    let hdr;
    let span;
    if (page.layout === 'bc') {
      // LINE: a date line opens each day (after one empty line, except the first); no other empty lines.
      const day = `${w.y}/${pad2(w.m)}/${pad2(w.d)}(${SHORT_DAYS[w.wd]})`;
      if (day !== lastDay) {
        if (lastDay !== null) b.nl();
        b.line('footer', day);
        lastDay = day;
        extras.dayLines++;
      }
    } else if (i > 0) b.nl(GAP_OF[page.layout]);
    switch (page.layout) {
      case 'bc': {
        // LINE chat history export: `HH:MM<TAB>name<TAB>text`, one message per line.
        const h = b.write(`${pad2(w.hh)}:${pad2(w.mm)}${TAB}${c.user}`);
        hdr = b.span(h.start, h.end);
        b.write(TAB);
        span = b.paras(ps, { firstOpen: true });
        b.nl();
        break;
      }
      case 'bd': {
        // Google Groups conversation, copied from the browser: avatar alt text, name, [unread,], date, recipients.
        const lines = [`${c.user}'s profile photo`, c.user];
        if (i >= GG_READ) {
          lines.push('unread,');
          extras.unread++;
        }
        lines.push(`${SHORT_MONTHS[w.m - 1]} ${w.d}, ${w.y}, ${h12(w.hh)}:${pad2(w.mm)}:${pad2(secondsOf(c))} ${ampm(w.hh)}`);
        lines.push(GG_TO);
        hdr = b.headerBlock(lines);
        span = b.paras(ps);
        b.nl();
        break;
      }
      case 'be': {
        // Fossil-like forum, hierarchical view copied without its indentation: `(N) By user on … in reply to M`.
        const reply = n.parent ? ` in reply to ${postNo.get(n.parent.c)}` : '';
        if (n.parent) extras.replyLines++;
        const stamp = `${w.y}-${pad2(w.m)}-${pad2(w.d)} ${pad2(w.hh)}:${pad2(w.mm)}:${pad2(secondsOf(c))}`;
        hdr = b.headerBlock([`(${postNo.get(c)}) By ${c.user} on ${stamp}${reply} [link] [source]`]);
        span = b.paras(ps);
        b.nl();
        break;
      }
      case 'bf': {
        // Yelp-like review: name, city, friends, reviews, [photos], date; text; three vote buttons.
        const h = fnv1a(`yelp:${c.user}`);
        const friends = fnv1a(`friends:${c.user}`) % 10 ** (1 + (h % 3));
        const reviews = 1 + (fnv1a(`reviews:${c.user}`) % 10 ** (1 + ((h >>> 4) % 3)));
        const lines = [c.user, YELP_CITIES[fnv1a(`city:${c.user}`) % YELP_CITIES.length], plural(friends, 'friend'), plural(reviews, 'review')];
        if ((h >>> 8) % 3 === 0) {
          lines.push(plural(1 + (fnv1a(`photos:${c.user}`) % 60), 'photo'));
          extras.photos++;
        }
        lines.push(`${w.m}/${w.d}/${w.y}`);
        hdr = b.headerBlock(lines);
        span = b.paras(ps);
        b.nl();
        const r1 = counts();
        const r2 = counts();
        const r3 = counts();
        const votes = [['Useful', Math.floor(r1 * r1 * r1 * 25)], ['Funny', Math.floor(r2 * r2 * r2 * r2 * 9)], ['Cool', Math.floor(r3 * r3 * r3 * 12)]];
        for (const [label, v] of votes) {
          b.line('footer', v > 0 ? `${label} ${v}` : label);
          if (v > 0) extras.votes++;
        }
        break;
      }
      case 'bg': {
        // Daily Mail-like: text, then the byline `name, City, Country, age`, then the rating widget.
        span = b.paras(ps);
        b.nl();
        const scrape = minutesOf(d.y, d.m, d.d + 1, 9, 0);
        const age = scrape - times.get(c);
        const ageText = age >= 1440 ? `${plural(Math.floor(age / 1440), 'day')} ago` : age >= 60 ? `${plural(Math.floor(age / 60), 'hour')} ago` : `${plural(age, 'minute')} ago`;
        extras.ages.add(ageText);
        const h = b.write(`${c.user}, ${DM_PLACES[fnv1a(`place:${c.user}`) % DM_PLACES.length]}, ${ageText}`);
        hdr = b.span(h.start, h.end);
        b.nl();
        b.line('footer', DM_RATE);
        const r = counts();
        const s = counts();
        const rating = Math.floor(r * r * r * 300) - Math.floor(s * s * 120);
        extras.ratings.push(rating);
        b.line('footer', `Rating ${rating}`);
        break;
      }
      case 'bh': {
        // Fidonet echomail as a GoldED-like reader writes it: ruled header box, wrapped text, tearline, origin.
        const hh = fnv1a(`fido:${c.user}`);
        const net = 5000 + (hh % 100);
        const node = 100 + ((hh >>> 8) % 900);
        const point = 1 + ((hh >>> 20) % 20);
        const addressee = addresseeComment(article, c);
        const to = addressee ? addressee.user : 'All';
        if (addressee) extras.toUser++;
        const subjBase = addressee ? `Re: ${article.title}` : article.title;
        const subj = subjBase.slice(0, FIDO_SUBJ_MAX).trimEnd();
        const date = `${SHORT_DAYS[w.wd]} ${pad2(w.d)} ${SHORT_MONTHS[w.m - 1]} ${yy(w.y)} ${pad2(w.hh)}:${pad2(w.mm)}`;
        hdr = b.headerBlock([FIDO_RULE, ` Msg  : ${i + 1} of ${N_COMMENTS}`,
          ` From : ${c.user.padEnd(Math.max(24, c.user.length + 1))} ${`2:${net}/${node}.${point}`.padEnd(15)} ${date}`,
          ` To   : ${to}`, ` Subj : ${subj}`, FIDO_RULE]);
        span = b.paras(ps, { wrap: (p) => wrapLines(p, FIDO_WIDTH) });
        if (ps.some((p) => p.length > FIDO_WIDTH)) extras.wrapped++;
        b.nl();
        b.line('footer', FIDO_TEARS[fnv1a(`tear:${c.user}`) % FIDO_TEARS.length]);
        b.line('footer', `* Origin: ${FIDO_BBS[hh % FIDO_BBS.length]} (2:${net}/${node})`, ' ');
        break;
      }
      default:
        throw new Error(page.layout);
    }
    b.comment({ index: i, author: c.user, depth, parent }, span, hdr);
  });
  writeThreadTail(b, page.threadTail, article);
  writePageTail(b, page.pageTail);
  return { doc, layout: page.layout, page, article, text: b.s, recs: b.sortedRecords(), order, selected, capped, extras, postNo };
}

// ---------------------------------------------------------------------------------------------
// Checks on the files as re-read from disk

const ARTICLE_KIND = [
  ['dateline', new RegExp('^(?:Published \\d{1,2}:\\d\\d [ap]\\.m\\. ET (?:Jan\\.|Feb\\.|March|April|May|June|July|Aug\\.|Sept\\.|Oct\\.|Nov\\.|Dec\\.) \\d{1,2}, \\d{4}' +
    '|(?:SUN|MON|TUES|WEDNES|THURS|FRI|SATUR)DAY, [A-Z]+ \\d{1,2}, \\d{4}' +
    '|\\d{1,2}\\.\\d{1,2}\\.\\d{4}' +
    '|Published: \\d\\d:\\d\\d EDT, \\d{1,2} [A-Z][a-z]+ \\d{4} \\| Updated: \\d\\d:\\d\\d EDT, \\d{1,2} [A-Z][a-z]+ \\d{4}' +
    '|\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d)$')],
  ['caption', /\. Credit: U\.S\. Navy$|\. Image: Reuters\/File$|^ICE agents detain a suspect\. \(|\. \(Getty Images\)$|^Pictured: |^Image source: /],
  ['source', /^Syndicated from |^Article source: |^Originally posted at |^Full story at |^Reposted from /],
  ['footer', /^Support local journalism|^You received this message because|^To unsubscribe from this group|^This page was generated in about|^The views expressed in the contents above|^Like what you read\? Chip in/],
];
const classify = classifier(ARTICLE_KIND);
const HEAD_RE = /^(?:\[LINE\] Chat history in .+|Saved on: .+|[\d,]+ views|Skip to first unread message|Recommended Reviews|Comments \(\d+\)|Share what you think|Newest Oldest Best rated Worst rated)$/;
const THREAD_TAIL_RE = /^(?:Reply all|Reply to author|Forward|Page \d+ of \d+|We are no longer accepting comments on this article\.)$/;

/**
 * Independent re-parse of one page by its layout's grammar. Uses only the page text and the layout
 * name, not the generator's bookkeeping; returns the records the page implies.
 */
function reparse(doc, layout, text, eol) {
  const rp = reparser(doc, text, eol);
  const { comments, err, plain, pushComment, checkParas, beforeGap, nextAfter } = rp;
  const titleText = rp.L[0].text;
  // Article part, then an optional thread heading: a block of heading lines (or the repeated headline), then one empty line.
  const i = rp.threadHead(rp.article(classify), (s) => s === titleText || HEAD_RE.test(s), (s) => (s === titleText ? 'title' : 'footer'));
  // Page tail: a block of footer lines after exactly two empty lines; thread tail: a block of tail lines after one empty line.
  const T = rp.thread(i, rp.threadTail(i, rp.pageTail(i, classify), (s) => THREAD_TAIL_RE.test(s)));

  if (layout === 'bc') {
    let lastMin = -Infinity;
    let curDay = null;
    for (let k = 0; k < T.length; k++) {
      const s = T[k].text;
      if (s === '') {
        if (!RE.bcDay.test(T[k + 1]?.text ?? '')) err('bc: empty line not before a date line');
        continue;
      }
      if (RE.bcDay.test(s)) {
        if (k > 0 && T[k - 1].text !== '') err('bc: date line without an empty line before it');
        const m = /^(\d{4})\/(\d\d)\/(\d\d)\((\w+)\)$/.exec(s);
        const day = minutesOf(+m[1], +m[2], +m[3]);
        if (SHORT_DAYS[wallClock(day).wd] !== m[4]) err('bc: weekday does not match');
        if (curDay !== null && day <= curDay) err('bc: dates do not increase');
        curDay = day;
        plain(T[k], 'footer');
        continue;
      }
      const m = RE.bcMsg.exec(s);
      if (!m || curDay === null) err(`bc: bad message line ${s.slice(0, 40)}`);
      const st = curDay + +s.slice(0, 2) * 60 + +s.slice(3, 5);
      if (st < lastMin) err('bc: time goes backwards');
      lastMin = st;
      const hs = T[k].start;
      pushComment(hs + m[1].length + 1, T[k].end, m[2], 0, { start: hs, end: hs + m[1].length });
    }
  } else if (layout === 'bd' || layout === 'be') {
    const isHead = layout === 'bd'
      ? (q) => RE.bdPhoto.exec(T[q].text) && T[q + 1]?.text === RE.bdPhoto.exec(T[q].text)[1]
      : (q) => RE.beHead.exec(T[q].text);
    const heads = [];
    for (let k = 0; k < T.length; k++) if (isHead(k) && (k === 0 || T[k - 1].text === '')) heads.push(k);
    if (heads[0] !== 0) err('thread does not start with a header');
    const depthOfPost = new Map();
    const commentOfPost = new Map();
    let sawUnread = false;
    heads.forEach((h, n) => {
      const next = n + 1 < heads.length ? heads[n + 1] : T.length;
      let first;
      let author;
      let depth = 0;
      let refPost = null;
      if (layout === 'bd') {
        author = T[h + 1].text;
        let q = h + 2;
        if (T[q].text === 'unread,') {
          sawUnread = true;
          q++;
        } else if (sawUnread) err('bd: a read message after an unread one');
        if (!RE.bdDate.test(T[q].text) || T[q + 1]?.text !== GG_TO) err(`bd: bad header at ${h}`);
        first = q + 2;
      } else {
        const m = RE.beHead.exec(T[h].text);
        author = m[2];
        const no = +m[1];
        if (depthOfPost.has(no)) err('be: post number used twice');
        if (m[4] !== undefined) {
          refPost = +m[4];
          if (!depthOfPost.has(refPost)) err(`be: post ${no} replies to ${refPost}, which is not above it`);
          if (refPost >= no) err('be: reply to a later post');
          depth = depthOfPost.get(refPost) + 1;
        }
        depthOfPost.set(no, depth);
        first = h + 1;
      }
      const last = beforeGap(next, n + 1 === heads.length);
      checkParas(first, last);
      const rec = pushComment(T[first].start, T[last].end, author, depth, { start: T[h].start, end: T[first - 1].end });
      if (layout === 'be') {
        commentOfPost.set(+RE.beHead.exec(T[h].text)[1], rec);
        // The nearest-shallower rule must find exactly the post named by `in reply to`.
        if (refPost !== null && comments[rec.parent] !== commentOfPost.get(refPost)) err('be: nearest-shallower parent differs from the reply reference');
      }
    });
    if (layout === 'be' && [...depthOfPost.keys()].sort((x, y) => x - y).join() !== Array.from({ length: heads.length }, (_, q) => q + 1).join()) err('be: post numbers are not 1…n');
  } else if (layout === 'bf') {
    let k = 0;
    while (k < T.length) {
      if (!RE.name.test(T[k].text) || !RE.bfLoc.test(T[k + 1]?.text ?? '')) err(`bf: bad header at ${k}`);
      const stats = [];
      let q = k + 2;
      while (RE.bfStat.test(T[q]?.text ?? '')) stats.push(RE.bfStat.exec(T[q++].text));
      const kinds = stats.map((m) => m[2]).join();
      if (kinds !== 'friend,review' && kinds !== 'friend,review,photo') err('bf: bad statistics lines');
      for (const m of stats) if ((m[1] === '1') !== !m[0].endsWith('s')) err('bf: singular/plural');
      if (!RE.bfDate.test(T[q]?.text ?? '')) err('bf: no date line');
      const first = q + 1;
      let w = first;
      while (w < T.length && !/^Useful(?: \d+)?$/.test(T[w].text)) w++;
      if (w >= T.length) err('bf: no vote lines');
      checkParas(first, w - 1);
      pushComment(T[first].start, T[w - 1].end, T[k].text, 0, { start: T[k].start, end: T[q].end });
      ['Useful', 'Funny', 'Cool'].forEach((label, o) => {
        const m = RE.bfVote.exec(T[w + o]?.text ?? '');
        if (!m || m[1] !== label) err('bf: bad vote lines');
        plain(T[w + o], 'footer');
      });
      k = nextAfter(w + 3, 'bf: reviews');
    }
  } else if (layout === 'bg') {
    let k = 0;
    while (k < T.length) {
      let w = k;
      while (w < T.length && !(RE.bgByline.test(T[w].text) && T[w + 1]?.text === DM_RATE)) w++;
      if (w >= T.length) err('bg: no byline');
      if (!RE.bgRating.test(T[w + 2]?.text ?? '')) err('bg: no rating line');
      checkParas(k, w - 1);
      const m = RE.bgByline.exec(T[w].text);
      if ((m[4] === '1') === /s ago$/.test(T[w].text)) err('bg: singular/plural of the age');
      pushComment(T[k].start, T[w - 1].end, m[1], 0, { start: T[w].start, end: T[w].end });
      plain(T[w + 1], 'footer');
      plain(T[w + 2], 'footer');
      k = nextAfter(w + 3, 'bg: comments');
    }
  } else if (layout === 'bh') {
    let k = 0;
    let n = 0;
    while (k < T.length) {
      if (!RE.bhRule.test(T[k].text) || !RE.bhRule.test(T[k + 5]?.text ?? '')) err(`bh: no ruled header at ${k}`);
      const mm = RE.bhMsg.exec(T[k + 1].text);
      const mf = RE.bhFrom.exec(T[k + 2].text);
      const mt = RE.bhTo.exec(T[k + 3].text);
      const ms = RE.bhSubj.exec(T[k + 4].text);
      if (!mm || !mf || !mt || !ms) err(`bh: bad header fields at ${k}`);
      if (+mm[1] !== n + 1) err('bh: message numbers do not run 1…n');
      if (ms[1].length > FIDO_SUBJ_MAX) err('bh: subject too long');
      if (/^Re: /.test(ms[1]) !== (mt[1] !== 'All')) err('bh: Re: only on messages to a user');
      const first = k + 6;
      let w = first;
      while (w < T.length && !(RE.bhTear.test(T[w].text) && RE.bhOrigin.test(T[w + 1]?.text ?? ''))) w++;
      if (w >= T.length) err('bh: no tearline');
      checkParas(first, w - 1, { width: FIDO_WIDTH });
      const mo = RE.bhOrigin.exec(T[w + 1].text);
      if (!mf[2].startsWith(`${mo[2]}.`)) err('bh: origin address does not match the From address');
      pushComment(T[first].start, T[w - 1].end, mf[1], 0, { start: T[k].start, end: T[k + 5].end });
      plain(T[w], 'footer');
      plain(T[w + 1], 'footer');
      n++;
      k = nextAfter(w + 2, 'bh: messages');
    }
  } else err('layout');
  return rp.records();
}

// ---------------------------------------------------------------------------------------------

runBlindSet('j', PAGES, renderPage, {
  layouts: ['bc', 'bd', 'be', 'bf', 'bg', 'bh'],
  reparse,
  tabs: true, // bc's separators; checked in textChecks
  forbidden: /[\u00a0\u202f\u200b]/,
  allowParas: (p) => p.page.paras,
  partsOf: (p, c) => c.text.split(p.page.eol + p.page.eol).map((x) => (p.layout === 'bh' ? x.split(p.page.eol).join(' ') : x)),
  textChecks: ({ p, text, rs, fail }) => {
    // Tabs only on bc: inside a header, or the single separator right after it
    for (const m of text.matchAll(/\t/g)) {
      const ok = p.layout === 'bc' && rs.some((r) => r.header && ((r.header.start <= m.index && m.index < r.header.end) || (m.index === r.header.end && r.start === m.index + 1)));
      if (!ok) fail(`${p.doc}: tab outside a bc message stamp at ${m.index}`);
    }
  },
  pageChecks: ({ p, cs, partsOf, fail }) => {
    // Nested pages: each parent is the addressee's comment, and the reply number names it
    if (!p.page.nested) return;
    for (const c of cs) {
      if (c.parent === null) continue;
      const src = p.selected.find((x) => x.user === c.author && x.text === partsOf(c).join(' '));
      const par = cs[c.parent];
      const parSrc = p.selected.find((x) => x.user === par.author && x.text === partsOf(par).join(' '));
      if (addresseeComment(p.article, src) !== parSrc) fail(`${p.doc}: #${c.index} parent is not the addressee's latest comment`);
      const m = RE.beHead.exec(c.header.text);
      if (!m || +m[4] !== p.postNo.get(parSrc)) fail(`${p.doc}: #${c.index} reply number does not name its parent`);
    }
  },
  summaryTail: (p, cs) => {
    const x = p.extras;
    const special = {
      bc: `date lines ${x.dayLines}`,
      bd: `unread lines ${x.unread}`,
      be: `reply lines ${x.replyLines}; display order differs from post order: ${cs.some((c, k) => !c.header.text.startsWith(`(${k + 1}) `))}`,
      bf: `photo lines ${x.photos}, vote lines with a count ${x.votes}`,
      bg: `ages ${[...x.ages].join(' / ')}; ratings ${Math.min(...x.ratings)}…${Math.max(...x.ratings)}`,
      bh: `comments with wrapped lines ${x.wrapped}; messages to a user ${x.toUser}`,
    }[p.layout];
    return `; ${special}` + cappedNote(p);
  },
});
