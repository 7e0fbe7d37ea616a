#!/usr/bin/env node
// Held-out segmentation pages, set R (layouts cy–dd).
//
// Builds tests/heldout-r/pages/*.txt and tests/heldout-r/segment.gold.jsonl from the Fox News
// comments dataset, then re-reads the files from disk and checks them (see tests/heldout-r/README.md).
//
//   node scripts/build-heldout-r-pages.mjs                 # shared dir defaults to <repo>/../shared
//   node scripts/build-heldout-r-pages.mjs /path/to/shared
//
// Plain Node >= 20, no dependencies. It imports scripts/lib/blind-set-kit.mjs (dataset loading,
// slug rule, comment times, paragraph splits, page writer, article part, output, the re-parse frame
// and the layout-independent checks) and keeps its layouts here. Each page takes the article's
// comments 101–120 in dataset order (the six articles used have at least 120), so the comment
// selection and the reply tree are built here (a reply whose addressee's comment is not on the page
// is shown at the top level). It reads nothing but the dataset (through the kit), reads no clock,
// and its only randomness is a fixed-seed PRNG, so two runs give byte-identical output. Gold offsets
// are taken while the page text is being written, never by searching the finished text.

import {
  MONTHS, SHORT_MONTHS, DAYS, SHORT_DAYS, checkEncodingOnly, classifier, commentParas, commentTimes, fnv1a,
  layoutRngs, minutesOf, pad2, reparser, runBlindSet, wallClock, cappedNote, N_COMMENTS,
  h12, ampm, commentWindow, threadOrder, checkWindowParents, timeSpan, addresseeComment, wrapTo,
  timeBounds, commentPusher,
} from './lib/blind-set-kit.mjs';

// ---------------------------------------------------------------------------------------------
// Comment selection: comments 101–120 of the article (positions 100..119); every article used here
// has at least 120. Empty texts would be skipped (the dataset has none).

const WINDOW_START = 100;

const selectComments = (article) => commentWindow(article, WINDOW_START);

// A whole number in [lo, hi] from a PRNG.
const between = (rng, lo, hi) => lo + Math.floor(rng() * (hi - lo + 1));

// ---------------------------------------------------------------------------------------------
// Fixed words of the layouts

// cy: Pidgin (libpurple) plain-text log of a Jabber/XMPP group chat (multi-user chat room).
const PG_ROOM = 'foxnews-readers';
const PG_OPEN = (d) => `Conversation with ${PG_ROOM}@conference.example.org at ${SHORT_DAYS[d.wd]} ${pad2(d.d)} ${SHORT_MONTHS[d.m - 1]} ${d.y} 06:00:00 AM EDT on jordan.ellis@example.org/Desktop (jabber)`;
// cz: Gmail "Print all" of one conversation, saved as PDF and turned into text (pdftotext).
const GM_PRINTED = '9/5/24, 10:14 AM';
const GM_SUBJECT = (a) => `Reader comments: ${a.title}`;
const GM_ACCOUNT = 'Jordan Ellis <jordan.ellis@example.org>';
const GM_TO = 'To: Comments desk <comments@example.org>';
const GM_URL = 'https://mail.google.com/mail/u/0/?ik=7c1f0e2b9a&view=pt&search=all&permthid=thread-f:1536194620135842711&simpl=msg-f:1536194620135842711';
const GM_HIDDEN = '[Quoted text hidden]';
const GM_WIDTH = 90;
const GM_PAGE_LINES = 52;
const GM_DOMAINS = ['example.com', 'example.net', 'example.org'];
// da: Slashdot-style discussion, nested, saved as text (4 columns a level).
const SD_STEP = 4;
const SD_HEAD = (a) => ['This discussion has been archived. No new comments can be posted.', `${a.comments.length} comments`];
const SD_TAIL = ['Load All Comments', 'Full Abbreviated Hidden'];
const SD_UP = ['Insightful', 'Informative', 'Interesting', 'Funny'];
const SD_DOWN = ['Troll', 'Flamebait', 'Offtopic', 'Overrated'];
// db: TikTok comments copied from the web page.
const TT_HEAD = (a) => `${a.comments.length} comments`;
const TT_TAIL = ['Add comment...', 'Post'];
const TT_LIKED = 'Liked by creator';
// dc: embedded tweets as a scraper leaves them (the blockquote fallback of Twitter's embed code).
const EM_DASH = '\u2014';
// dd: a sqlite3 shell session in line mode (.mode line), pasted into Notepad (BOM, CRLF).
const SQ_LABEL_WIDTH = 11;
const SQ_SELECT = (a) => `sqlite> SELECT comment_id, author, created_utc, likes, body FROM comments WHERE story = '${a.slug}' ORDER BY created_utc LIMIT 20 OFFSET 100;`;

const PAGES = [
  { layout: 'cy', article: 'Texas, 12 states', eol: '\n', bom: false, nested: false, paras: true, gaps: [1, 20],
    dateline: (d) => `Posted: ${SHORT_DAYS[d.wd]} ${SHORT_MONTHS[d.m - 1]} ${d.d}, ${d.y} 6:00 am`,
    before: [], bodyParas: 1,
    after: [['caption', 'A restroom sign at a Texas public school. Image copyright Getty Images'], ['source', 'Source article: Fox News']] },
  { layout: 'cz', article: 'First lady Obama', eol: '\n', bom: false, nested: false, paras: true, gaps: [2, 40],
    dateline: (d) => `${SHORT_DAYS[d.wd]}, ${SHORT_MONTHS[d.m - 1]} ${d.d}, ${d.y} at 6:00 AM`,
    before: [], bodyParas: 1,
    after: [['caption', 'The first lady at a graduation ceremony. PHOTO: GETTY IMAGES'], ['source', 'Clipped from FoxNews.com']] },
  { layout: 'da', article: 'Navy names ship', eol: '\n', bom: false, nested: true, cap: 5, paras: true, gaps: [2, 40],
    dateline: (d) => `${DAYS[d.wd]} ${MONTHS[d.m - 1]} ${d.d}, ${d.y} @06:00AM`,
    before: [], bodyParas: 2,
    after: [['caption', 'Sailors on the deck of a Navy supply ship. U.S. Navy file photo'], ['source', 'Found via Fox News']] },
  { layout: 'db', article: 'ICE program', eol: '\n', bom: false, nested: false, paras: true, gaps: [3, 50],
    dateline: (d) => `${d.y}-${d.m}-${d.d}`,
    before: [], bodyParas: 1,
    after: [['caption', 'Immigration officers make an arrest. Handout photo from U.S. Immigration and Customs Enforcement'], ['source', 'Seen on Fox News']] },
  { layout: 'dc', article: 'Confederate flag', eol: '\n', bom: false, nested: false, paras: true, gaps: [3, 50],
    dateline: (d) => `6:00 AM - ${d.d} ${SHORT_MONTHS[d.m - 1]} ${d.y}`,
    before: [['caption', 'A Confederate battle flag on a flagpole. Picture credit: Getty']], bodyParas: 1,
    after: [['source', 'Reported by FoxNews.com']] },
  { layout: 'dd', article: 'Fury as feminist', eol: '\r\n', bom: true, nested: false, paras: true, gaps: [3, 50],
    dateline: (d) => `${SHORT_DAYS[d.wd]} ${SHORT_MONTHS[d.m - 1]} ${pad2(d.d)} ${d.y} 06:00:00 GMT-0400 (Eastern Daylight Time)`,
    before: [], bodyParas: 1,
    after: [['caption', 'An alligator in a Florida wetland. Photo: Pixabay (public domain)'], ['source', 'Link to the original: foxnews.com']] },
];

// Time formats (w: wallClock parts; s: seconds).
const pgStamp = (w, s) => `(${pad2(h12(w.hh))}:${pad2(w.mm)}:${pad2(s)} ${ampm(w.hh)})`;
const gmDate = (w) => `${SHORT_DAYS[w.wd]}, ${SHORT_MONTHS[w.m - 1]} ${w.d}, ${w.y} at ${h12(w.hh)}:${pad2(w.mm)} ${ampm(w.hh)}`;
const sdDate = (w) => `${DAYS[w.wd]} ${MONTHS[w.m - 1]} ${w.d}, ${w.y} @${pad2(h12(w.hh))}:${pad2(w.mm)}${ampm(w.hh)}`;
const ttDate = (w) => `${w.y}-${w.m}-${w.d}`;
const twDate = (w) => `${MONTHS[w.m - 1]} ${w.d}, ${w.y}`;
const sqDate = (w, s) => `${w.y}-${pad2(w.m)}-${pad2(w.d)} ${pad2(w.hh)}:${pad2(w.mm)}:${pad2(s)}`;

// Per-user choices by hash.
const gmAddress = (user) => `${user.toLowerCase()}@${GM_DOMAINS[fnv1a(`mail:${user}`) % GM_DOMAINS.length]}`;
const sdUserId = (user) => 100000 + (fnv1a(`slashdot:${user}`) % 4900000);
const sdBase = (user) => (fnv1a(`karma:${user}`) % 3 === 0 ? 2 : 1);

// Shapes of the layouts' furniture (also used by the re-parse).
const MONTH_RE = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const SMONTH_RE = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const DAY_RE = '(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)';
const SDAY_RE = '(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat)';
const RE = {
  name: /^[A-Za-z0-9_]+$/,
  pgStart: /^\(\d\d:\d\d:\d\d [AP]M\) /,
  pgMsg: /^\((\d\d:\d\d:\d\d [AP]M)\) ([A-Za-z0-9_]+): (.*)$/,
  pgPresence: /^\(\d\d:\d\d:\d\d [AP]M\) [A-Za-z0-9_]+ (?:entered|left) the room\.$/,
  pgOpen: /^Conversation with \S+ at .+ on \S+ \(jabber\)$/,
  pgTopic: /^\(\d\d:\d\d:\d\d [AP]M\) The topic for \S+ is: .+$/,
  gmFrom: /^([A-Za-z0-9_]+) <[^<>\s]+@[^<>\s]+>$/,
  gmDate: new RegExp(`^${SDAY_RE}, ${SMONTH_RE} \\d{1,2}, \\d{4} at \\d{1,2}:\\d\\d [AP]M$`),
  gmTo: /^To: /,
  gmPrinted: /^\d{1,2}\/\d{1,2}\/\d\d, \d{1,2}:\d\d [AP]M$/,
  gmPageNo: /^(\d+)\/(\d+)$/,
  gmUrl: /^https:\/\/mail\.google\.com\//,
  sdSubject: /^Re:.* \(Score:-?\d(?:, [A-Z][a-z]+)?\)$/,
  sdByline: new RegExp(`^by ([A-Za-z0-9_]+) \\(\\d+\\) on ${DAY_RE} ${MONTH_RE} \\d{1,2}, \\d{4} @\\d\\d:\\d\\d[AP]M \\(#\\d+\\)$`),
  sdLinks: /^\[ Reply to This(?: \| Parent)? \]$/,
  ttDate: /^\d{4}-\d{1,2}-\d{1,2}Reply$/,
  ttLikes: /^\d+$/,
  ttReplies: /^View (?:1 reply|\d+ replies)$/,
  twByline: new RegExp(`^\u2014 ([A-Za-z0-9_]+) \\(@([A-Za-z0-9_]+)\\) ${MONTH_RE} \\d{1,2}, \\d{4}$`),
  sqLine: /^ *([a-z_]+) = (.*)$/,
};

// Per layout: shapes its grammar would read as furniture; no paragraph (or wrapped line) may match one.
const FURNITURE = {
  cy: [RE.pgStart, /^Conversation with /],
  cz: [RE.gmFrom, RE.gmDate, RE.gmTo, /^\[Quoted text hidden\]$/, RE.gmUrl, RE.gmPageNo, RE.gmPrinted, /^Gmail(?: - |$)/, /^\d+ messages$/],
  da: [/^\s*Re:/, /^\s*by [A-Za-z0-9_]+ \(\d+\) on /, /^\s*\[ Reply to This/, /^(?:Load All Comments|Full Abbreviated Hidden)$/, /^This discussion has been archived/],
  db: [RE.name, /^Liked by creator$/, RE.ttDate, RE.ttLikes, RE.ttReplies, /^Add comment/, /^\d+ comments$/],
  dc: [/^\u2014 /],
  dd: [/^\s*[a-z_]+ = /, /^sqlite> /],
};

const gmWrap = wrapTo(GM_WIDTH);

// ---------------------------------------------------------------------------------------------
// Page b after its article part (runBlindSet writes that): thread heading, comments, tails.

function renderPage(b, page, pageNo, article) {
  const { doc } = b;
  const d = article.date;
  const { selected, order, capped, outside, indexOf } = threadOrder(article, page, selectComments(article));
  const { rng, counts } = layoutRngs('r', page.layout);
  const times = commentTimes(selected, minutesOf(d.y, d.m, d.d, 6, 5 + Math.floor(rng() * 45)), rng, () => page.gaps);
  const extras = { ...timeBounds(selected, times), joins: 0, leaves: 0, quoted: 0, pages: 0, parentLinks: 0, moderated: 0, likes: 0, liked: 0, replyLines: 0 };
  const repliesTo = (c) => article.comments.filter((x) => addresseeComment(article, x) === c).length;
  // The paragraphs of every comment (checked against the layout's furniture), in display order.
  const parasOf = new Map(order.map((n) => [n, commentParas(doc, n.c, pageNo, page.paras, FURNITURE[page.layout], page.layout === 'cz' ? gmWrap : undefined)]));
  const push = commentPusher(b, indexOf);

  if (page.layout === 'cy') {
    // Pidgin log: the "Conversation with" line, the room topic, then one line per event: messages
    // `(06:05:40 AM) user: text` and presence lines `(06:03:12 AM) user entered the room.` /
    // `… left the room.`, in time order. Later paragraphs after an empty line at column 0.
    b.line('footer', PG_OPEN(d));
    const open = minutesOf(d.y, d.m, d.d, 6, 0) * 60;
    b.line('footer', `${pgStamp(wallClock(open / 60), 0)} The topic for ${PG_ROOM} is: ${article.title}`);
    const events = [];
    const sec = new Map();
    order.forEach((n, i) => {
      const s = times.get(n.c) * 60 + Math.floor(counts() * 60);
      sec.set(n.c, s);
      events.push({ t: s, seq: events.length, kind: 'msg', n, i });
    });
    const users = [...new Set(order.map((n) => n.c.user))];
    for (const u of users) {
      const mine = order.filter((n) => n.c.user === u).map((n) => sec.get(n.c));
      if (counts() < 0.8) {
        const t = Math.max(open + 5, mine[0] - between(counts, 30, 240));
        events.push({ t, seq: events.length, kind: 'presence', text: `${u} entered the room.` });
        extras.joins++;
      }
      if (counts() < 0.8) {
        events.push({ t: mine[mine.length - 1] + between(counts, 60, 1500), seq: events.length, kind: 'presence', text: `${u} left the room.` });
        extras.leaves++;
      }
    }
    events.sort((x, y) => x.t - y.t || x.seq - y.seq);
    for (const ev of events) {
      const w = wallClock(Math.floor(ev.t / 60));
      const stamp = pgStamp(w, ev.t % 60);
      if (ev.kind === 'presence') {
        b.line('footer', `${stamp} ${ev.text}`);
        continue;
      }
      const h = b.write(`${stamp} ${ev.n.c.user}:`);
      b.write(' ');
      const span = b.paras(parasOf.get(ev.n), { firstOpen: true });
      b.nl();
      push(ev.n, ev.i, span, b.span(h.start, h.end));
    }
  } else if (page.layout === 'cz') {
    // Gmail print: page header (print time, document title), masthead (Gmail, account, subject,
    // message count); per message the sender `Name <address>`, the date, `To:`, an empty line, the
    // text hard-wrapped at 90 columns, `[Quoted text hidden]` on replies; page footer (URL, n/N)
    // at each page break, which falls only between messages.
    const pageHead = () => {
      b.line('footer', GM_PRINTED);
      b.line('footer', `Gmail - ${GM_SUBJECT(article)}`);
      b.nl();
    };
    const msgs = order.map((n) => {
      const ps = parasOf.get(n);
      const textLines = ps.reduce((k, p) => k + gmWrap(p).length, 0) + (ps.length - 1);
      const quoted = addresseeComment(article, n.c) !== null;
      return { n, quoted, lines: 3 + 1 + textLines + (quoted ? 1 : 0) };
    });
    // Page breaks: a message goes to the next page when it would not fit above the footer.
    const breakBefore = new Set();
    let used = 3 + 6;
    msgs.forEach((m, i) => {
      if (i > 0 && used + 1 + m.lines + 3 > GM_PAGE_LINES) {
        breakBefore.add(i);
        used = 3 + m.lines;
      } else used += (i > 0 ? 1 : 0) + m.lines;
    });
    const nPages = breakBefore.size + 1;
    extras.pages = nPages;
    let pageNoGm = 1;
    const pageFoot = () => {
      b.line('footer', GM_URL);
      b.line('footer', `${pageNoGm}/${nPages}`);
    };
    pageHead();
    b.line('footer', 'Gmail');
    b.line('footer', GM_ACCOUNT);
    b.nl();
    b.line('footer', GM_SUBJECT(article));
    b.line('footer', `${N_COMMENTS} messages`);
    msgs.forEach((m, i) => {
      b.nl();
      if (breakBefore.has(i)) {
        pageFoot();
        pageNoGm++;
        b.nl();
        pageHead();
      }
      const c = m.n.c;
      const hdr = b.headerBlock([`${c.user} <${gmAddress(c.user)}>`, gmDate(wallClock(times.get(c))), GM_TO]);
      b.nl();
      const span = b.paras(parasOf.get(m.n), { wrap: gmWrap });
      b.nl();
      if (m.quoted) {
        extras.quoted++;
        b.line('footer', GM_HIDDEN);
      }
      push(m.n, i, span, hdr);
    });
    b.nl();
    pageFoot();
  } else if (page.layout === 'da') {
    // Slashdot-style: the archive notice and the comment count; per comment, at 4 columns a level,
    // the subject `Re:<title cut to 50 characters> (Score:3, Insightful)`, the byline
    // `by user (123456) on Wednesday August 17, 2016 @06:55AM (#52720183)`, the text, and the link
    // line `[ Reply to This ]` or, on a reply, `[ Reply to This | Parent ]`; one empty line between.
    for (const l of SD_HEAD(article)) b.line('footer', l);
    b.nl();
    const subject = `Re:${article.title}`.slice(0, 50).trimEnd();
    // Comment numbers grow with time (other stories' comments in between).
    const cid = new Map();
    let next = 52719000 + between(counts, 0, 999);
    for (const c of selected) {
      cid.set(c, next);
      next += between(counts, 150, 1400);
    }
    order.forEach((n, i) => {
      const c = n.c;
      if (i > 0) b.nl();
      const ind = ' '.repeat(SD_STEP * n.depth);
      const base = sdBase(c.user);
      const r = counts();
      let mod = 0;
      if (r >= 0.55 && r < 0.8) mod = between(counts, 1, 3);
      else if (r >= 0.8) mod = -between(counts, 1, 2);
      const score = Math.max(-1, Math.min(5, base + mod));
      let reason = '';
      if (score > base) reason = `, ${SD_UP[between(counts, 0, SD_UP.length - 1)]}`;
      else if (score < base) reason = `, ${SD_DOWN[between(counts, 0, SD_DOWN.length - 1)]}`;
      if (score !== base) extras.moderated++;
      const hdr = b.headerBlock([`${subject} (Score:${score}${reason})`,
        `by ${c.user} (${sdUserId(c.user)}) on ${sdDate(wallClock(times.get(c)))} (#${cid.get(c)})`], ind);
      const span = b.paras(parasOf.get(n), { indent: ind });
      b.nl();
      const parentLink = addresseeComment(article, c) !== null;
      if (parentLink) extras.parentLinks++;
      b.line('footer', parentLink ? '[ Reply to This | Parent ]' : '[ Reply to This ]', ind);
      push(n, i, span, hdr);
    });
    b.nl();
    for (const l of SD_TAIL) b.line('footer', l);
  } else if (page.layout === 'db') {
    // TikTok copy: `163 comments`; per comment the name, the text, an optional `Liked by creator`,
    // the date fused with the Reply button (`2016-8-17Reply`), the like count as a bare number (when
    // not 0) and `View 2 replies` / `View 1 reply` (when answered); no empty line between comments.
    b.line('footer', TT_HEAD(article));
    order.forEach((n, i) => {
      const c = n.c;
      const hdr = b.headerBlock([c.user]);
      const span = b.paras(parasOf.get(n));
      b.nl();
      if (counts() < 0.15) {
        extras.liked++;
        b.line('footer', TT_LIKED);
      }
      b.line('footer', `${ttDate(wallClock(times.get(c)))}Reply`);
      const r = counts();
      const likes = Math.floor(r * r * r * 80);
      if (likes > 0) {
        extras.likes++;
        b.line('footer', String(likes));
      }
      const rep = repliesTo(c);
      if (rep > 0) {
        extras.replyLines++;
        b.line('footer', rep === 1 ? 'View 1 reply' : `View ${rep} replies`);
      }
      push(n, i, span, hdr);
    });
    for (const l of TT_TAIL) b.line('footer', l);
  } else if (page.layout === 'dc') {
    // Embedded tweets: the text, then directly under it `— user (@user) June 25, 2015`; one empty
    // line between tweets, which is also the paragraph break inside a tweet. No heading, no tail.
    order.forEach((n, i) => {
      const c = n.c;
      if (i > 0) b.nl();
      const span = b.paras(parasOf.get(n));
      b.nl();
      const hdr = b.headerBlock([`${EM_DASH} ${c.user} (@${c.user}) ${twDate(wallClock(times.get(c)))}`]);
      push(n, i, span, hdr);
    });
  } else if (page.layout === 'dd') {
    // sqlite3 line mode: the two commands, then per row the right-aligned labels `comment_id`,
    // `author`, `created_utc` (UTC = EDT + 4 h), `likes` and `body`, each ` = value`; the body's
    // later paragraphs at column 0; one empty line between rows; `.quit` at the end.
    b.line('footer', 'sqlite> .mode line');
    b.line('footer', SQ_SELECT(article));
    let id = 2739946000 + between(counts, 0, 999);
    order.forEach((n, i) => {
      const c = n.c;
      if (i > 0) b.nl();
      const s = Math.floor(counts() * 60);
      const r = counts();
      const likes = Math.floor(r * r * r * 40);
      if (likes > 0) extras.likes++;
      const rows = [['comment_id', String(id)], ['author', c.user], ['created_utc', sqDate(wallClock(times.get(c) + 240), s)], ['likes', String(likes)]];
      id += between(counts, 3, 90);
      let hs = null;
      for (const [k, v] of rows) {
        const w = b.write(`${k.padStart(SQ_LABEL_WIDTH)} = ${v}`);
        if (hs === null) hs = w.start + SQ_LABEL_WIDTH - k.length;
        b.nl();
      }
      const bl = b.write(`${'body'.padStart(SQ_LABEL_WIDTH)} =`);
      const hdr = b.span(hs, bl.end);
      b.write(' ');
      const span = b.paras(parasOf.get(n), { firstOpen: true });
      b.nl();
      push(n, i, span, hdr);
    });
    b.line('footer', 'sqlite> .quit');
  } else throw new Error(page.layout);

  if (b.s.endsWith(page.eol + page.eol)) throw new Error(`${doc}: page ends with an empty line`);
  return { doc, layout: page.layout, page, article, text: b.s, recs: b.sortedRecords(), order, selected, capped, outside, extras };
}

// ---------------------------------------------------------------------------------------------
// Checks on the files as re-read from disk

const ARTICLE_KIND = [
  ['dateline', new RegExp(`^(?:Posted: ${SDAY_RE} ${SMONTH_RE} \\d{1,2}, \\d{4} 6:00 am|${SDAY_RE}, ${SMONTH_RE} \\d{1,2}, \\d{4} at 6:00 AM|${DAY_RE} ${MONTH_RE} \\d{1,2}, \\d{4} @06:00AM|\\d{4}-\\d{1,2}-\\d{1,2}|6:00 AM - \\d{1,2} ${SMONTH_RE} \\d{4}|${SDAY_RE} ${SMONTH_RE} \\d\\d \\d{4} 06:00:00 GMT-0400 \\(Eastern Daylight Time\\))$`)],
  ['caption', / Image copyright Getty Images$| PHOTO: GETTY IMAGES$| U\.S\. Navy file photo$| Handout photo from U\.S\. Immigration and Customs Enforcement$| Picture credit: Getty$| Photo: Pixabay \(public domain\)$/],
  ['source', /^(?:Source article: Fox News|Clipped from FoxNews\.com|Found via Fox News|Seen on Fox News|Reported by FoxNews\.com|Link to the original: foxnews\.com)$/],
];
const classify = classifier(ARTICLE_KIND);

/**
 * Independent re-parse of one page by its layout's grammar. Uses only the page text and the layout
 * name, not the generator's bookkeeping; returns the records the page implies.
 */
function reparse(doc, layout, text, eol) {
  const rp = reparser(doc, text, eol);
  const { L, err, lead, plain, pushComment, paras, headerOf, textEnd } = rp;
  let k = rp.article(classify);
  const n = L.length;
  const gapOne = (end, what) => {
    if (k < end) {
      if (L[k].text !== '' || L[k + 1]?.text === '') err(`${what}: not separated by one empty line`);
      k++;
    }
  };

  if (layout === 'cy') {
    if (!RE.pgOpen.test(L[k]?.text ?? '')) err('cy: no "Conversation with" line');
    plain(L[k], 'footer');
    k++;
    if (!RE.pgTopic.test(L[k]?.text ?? '')) err('cy: no topic line');
    plain(L[k], 'footer');
    k++;
    while (k < n) {
      const t = L[k].text;
      if (RE.pgPresence.test(t)) {
        plain(L[k], 'footer');
        k++;
        continue;
      }
      const m = RE.pgMsg.exec(t);
      if (!m) err(`cy: bad line ${k}`);
      const hEnd = L[k].start + t.length - m[3].length - 1;
      const e = textEnd(k, (q) => !RE.pgStart.test(L[q].text));
      paras(k, e, { firstOpen: true });
      pushComment(hEnd + 1, L[e].end, m[2], 0, { start: L[k].start, end: hEnd });
      k = e + 1;
    }
  } else if (layout === 'cz') {
    const isFrom = (q) => RE.gmFrom.test(L[q]?.text ?? '') && RE.gmDate.test(L[q + 1]?.text ?? '') && RE.gmTo.test(L[q + 2]?.text ?? '');
    const pageHead = () => {
      if (!RE.gmPrinted.test(L[k]?.text ?? '') || !(L[k + 1]?.text ?? '').startsWith('Gmail - ') || L[k + 2]?.text !== '') err(`cz: bad page header at ${k}`);
      plain(L[k], 'footer');
      plain(L[k + 1], 'footer');
      k += 3;
    };
    pageHead();
    const mast = [/^Gmail$/, /^.+ <[^<>\s]+@[^<>\s]+>$/, /^$/, /^.+$/, /^\d+ messages$/];
    mast.forEach((re, j) => {
      if (!re.test(L[k + j]?.text ?? '')) err(`cz: masthead line ${j}`);
      if (L[k + j].text !== '') plain(L[k + j], 'footer');
    });
    k += mast.length;
    let pages = 0;
    let total = null;
    while (k < n) {
      if (L[k].text !== '') err(`cz: no empty line before line ${k}`);
      k++;
      if (RE.gmUrl.test(L[k]?.text ?? '')) {
        const pm = RE.gmPageNo.exec(L[k + 1]?.text ?? '');
        if (!pm || +pm[1] !== pages + 1 || (total !== null && +pm[2] !== total)) err(`cz: bad page number at ${k + 1}`);
        total = +pm[2];
        pages++;
        plain(L[k], 'footer');
        plain(L[k + 1], 'footer');
        k += 2;
        if (k === n) break;
        if (L[k].text !== '') err(`cz: no empty line after the page footer at ${k}`);
        k++;
        pageHead();
      }
      if (!isFrom(k)) err(`cz: bad header at ${k}`);
      if (L[k + 3]?.text !== '') err(`cz: no empty line under the header at ${k}`);
      const s = k + 4;
      const isText = (q) => !(isFrom(q) || RE.gmUrl.test(L[q].text) || L[q].text === GM_HIDDEN);
      const e = textEnd(s, isText, true);
      paras(s, e, { width: GM_WIDTH });
      pushComment(L[s].start, L[e].end, RE.gmFrom.exec(L[k].text)[1], 0, headerOf(k, k + 2));
      k = e + 1;
      if (L[k]?.text === GM_HIDDEN) {
        plain(L[k], 'footer');
        k++;
      }
    }
    if (pages !== total) err('cz: page count');
  } else if (layout === 'da') {
    const head = SD_HEAD({ comments: { length: 0 } });
    if (L[k]?.text !== head[0] || !/^\d+ comments$/.test(L[k + 1]?.text ?? '') || L[k + 2]?.text !== '') err('da: heading');
    plain(L[k], 'footer');
    plain(L[k + 1], 'footer');
    k += 3;
    const tl = SD_TAIL.length;
    if (L.slice(n - tl).map((l) => l.text).join('\n') !== SD_TAIL.join('\n') || L[n - tl - 1].text !== '') err('da: tail');
    const end = n - tl - 1;
    while (k < end) {
      const col = lead(L[k].text);
      if (col % SD_STEP !== 0 || !RE.sdSubject.test(L[k].text.slice(col))) err(`da: bad subject line ${k}`);
      const m = RE.sdByline.exec(L[k + 1]?.text.slice(col) ?? '');
      if (!m || lead(L[k + 1].text) !== col) err(`da: bad byline at ${k + 1}`);
      const s = k + 2;
      const isLinks = (q) => lead(L[q].text) === col && RE.sdLinks.test(L[q].text.slice(col));
      const e = textEnd(s, (q) => !isLinks(q));
      if (!isLinks(e + 1)) err(`da: no link line after ${e}`);
      paras(s, e, { col });
      pushComment(L[s].start + col, L[e].end, m[1], col / SD_STEP, headerOf(k, k + 1));
      plain(L[e + 1], 'footer');
      k = e + 2;
      gapOne(end, 'da');
    }
    for (let q = end + 1; q < n; q++) plain(L[q], 'footer');
  } else if (layout === 'db') {
    if (!/^\d+ comments$/.test(L[k]?.text ?? '')) err('db: heading');
    plain(L[k], 'footer');
    k++;
    const tl = TT_TAIL.length;
    if (L.slice(n - tl).map((l) => l.text).join('\n') !== TT_TAIL.join('\n')) err('db: tail');
    const end = n - tl;
    while (k < end) {
      if (!RE.name.test(L[k].text)) err(`db: bad name line ${k}`);
      const s = k + 1;
      const isText = (q) => !(L[q].text === TT_LIKED || RE.ttDate.test(L[q].text));
      const e = textEnd(s, isText);
      paras(s, e);
      pushComment(L[s].start, L[e].end, L[k].text, 0, headerOf(k, k));
      k = e + 1;
      if (L[k]?.text === TT_LIKED) plain(L[k++], 'footer');
      if (!RE.ttDate.test(L[k]?.text ?? '')) err(`db: no date line at ${k}`);
      plain(L[k++], 'footer');
      if (k < end && RE.ttLikes.test(L[k].text)) plain(L[k++], 'footer');
      if (k < end && RE.ttReplies.test(L[k].text)) plain(L[k++], 'footer');
    }
    for (let q = end; q < n; q++) plain(L[q], 'footer');
  } else if (layout === 'dc') {
    while (k < n) {
      const s = k;
      let u = s;
      while (u < n && !RE.twByline.test(L[u].text)) u++;
      if (u >= n || u === s || L[u - 1].text === '') err(`dc: no byline after line ${s}`);
      const m = RE.twByline.exec(L[u].text);
      if (m[1] !== m[2]) err(`dc: name and handle differ at ${u}`);
      paras(s, u - 1);
      pushComment(L[s].start, L[u - 1].end, m[1], 0, headerOf(u, u));
      k = u + 1;
      gapOne(n, 'dc');
    }
  } else if (layout === 'dd') {
    if (L[k]?.text !== 'sqlite> .mode line' || !/^sqlite> SELECT .*;$/.test(L[k + 1]?.text ?? '')) err('dd: commands');
    plain(L[k], 'footer');
    plain(L[k + 1], 'footer');
    k += 2;
    if (L[n - 1].text !== 'sqlite> .quit') err('dd: no .quit');
    const end = n - 1;
    const labels = ['comment_id', 'author', 'created_utc', 'likes', 'body'];
    const isRow = (q) => RE.sqLine.exec(L[q]?.text ?? '')?.[1] === 'comment_id';
    while (k < end) {
      const vals = {};
      labels.forEach((lab, j) => {
        const t = L[k + j]?.text ?? '';
        const m = RE.sqLine.exec(t);
        if (!m || m[1] !== lab || t.indexOf(' = ') !== SQ_LABEL_WIDTH) err(`dd: bad ${lab} line at ${k + j}`);
        vals[lab] = m[2];
      });
      if (!/^\d+$/.test(vals.comment_id) || !/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(vals.created_utc) || !/^\d+$/.test(vals.likes)) err(`dd: bad values at ${k}`);
      const bodyLine = k + 4;
      const eq = L[bodyLine].start + SQ_LABEL_WIDTH + 2;
      const e = textEnd(bodyLine, (q) => q < end && !isRow(q));
      paras(bodyLine, e, { firstOpen: true });
      pushComment(eq + 1, L[e].end, vals.author, 0, { start: L[k].start + lead(L[k].text), end: eq });
      k = e + 1;
      gapOne(end, 'dd');
    }
    plain(L[end], 'footer');
  } else err('layout');
  return rp.records();
}

// The paragraphs of comment record c as in the dataset text (cz: wrapped lines joined; da: the
// indentation of later paragraphs removed).
function partsOf(p, c) {
  const eol = p.page.eol;
  const parts = c.text.split(eol + eol);
  if (p.layout === 'cz') return parts.map((x) => x.split(eol).join(' '));
  if (p.layout === 'da') return parts.map((x) => x.replace(/^ +/, ''));
  return parts;
}

// ---------------------------------------------------------------------------------------------

runBlindSet('r', PAGES, renderPage, {
  layouts: ['cy', 'cz', 'da', 'db', 'dc', 'dd'],
  reparse,
  tabs: false,
  forbidden: /[\u00a0\u200b-\u200f\u202f\u2060]/,
  allowParas: (p) => p.page.paras,
  partsOf,
  textChecks: (ctx) => {
    checkEncodingOnly(ctx, { bom: 'dd', crlf: 'dd' });
    const { p, text, fail } = ctx;
    // U+2014 only in dc's bylines (one a tweet)
    const dash = (text.match(/\u2014/g) ?? []).length;
    if (dash !== (p.layout === 'dc' ? N_COMMENTS : 0)) fail(`${p.doc}: ${dash} U+2014`);
  },
  pageChecks: (ctx) => {
    const { p, cs, srcOf, fail } = ctx;
    const eol = p.page.eol;
    // the comments are the article's comments 101–120 (positions 100..119)
    const want = p.article.comments.slice(WINDOW_START, WINDOW_START + N_COMMENTS);
    if (p.selected.length !== N_COMMENTS || p.selected.some((c, j) => c !== want[j])) fail(`${p.doc}: selection is not comments 101–120`);
    for (const c of cs) {
      const src = srcOf.get(c);
      if (!src) continue;
      if (!c.header.text.includes(src.user)) fail(`${p.doc}: #${c.index} header without the author`);
      if (p.layout === 'dc' && c.header.start <= c.end) fail(`${p.doc}: #${c.index} byline not after the text`);
      if (p.layout !== 'dc' && c.header.end > c.start) fail(`${p.doc}: #${c.index} header not before the text`);
      if ((p.layout === 'cy' || p.layout === 'dd') && text(p, c.header.end, c.start) !== ' ') fail(`${p.doc}: #${c.index} header and text not on one line`);
      if (p.layout !== 'cy' && p.layout !== 'dd' && !text(p, c.header.end, c.start).includes(eol) && !text(p, c.end, c.header.start).includes(eol)) fail(`${p.doc}: #${c.index} header on the text's line`);
      if (p.layout === 'cz' && c.text.split(eol).some((x) => x.length > GM_WIDTH)) fail(`${p.doc}: #${c.index} line longer than ${GM_WIDTH}`);
      if (p.layout === 'da') {
        const ind = ' '.repeat(SD_STEP * c.depth);
        if (c.text.split(eol).slice(1).some((x) => x !== '' && (!x.startsWith(ind) || x[ind.length] === ' '))) fail(`${p.doc}: #${c.index} line not at the comment's column`);
        if (!text(p, c.header.start - ind.length, c.header.start).match(/^ *$/)) fail(`${p.doc}: #${c.index} header not at the comment's column`);
        // `Parent` link exactly on comments that answer an earlier comment of the article
        const links = text(p, c.end, p.text.indexOf(eol, c.end + eol.length + 1));
        if (links.includes('| Parent') !== (addresseeComment(p.article, src) !== null)) fail(`${p.doc}: #${c.index} Parent link`);
      }
      if (p.layout === 'db') {
        // `View N replies` is the number of the article's comments that answer this one
        const rest = text(p, c.end, cs[c.index + 1]?.header.start ?? p.text.length);
        const m = /View (\d+) repl/.exec(rest);
        const nrep = p.article.comments.filter((x) => addresseeComment(p.article, x) === src).length;
        if ((m ? +m[1] : 0) !== nrep) fail(`${p.doc}: #${c.index} reply count`);
      }
    }
    // cy: every stamp at or after the previous one
    if (p.layout === 'cy') {
      const secs = [...p.text.matchAll(/^\((\d\d):(\d\d):(\d\d) ([AP])M\)/gm)].map((m) => ((+m[1] % 12) + (m[4] === 'P' ? 12 : 0)) * 3600 + +m[2] * 60 + +m[3]);
      if (secs.some((s, j) => j > 0 && s < secs[j - 1])) fail(`${p.doc}: stamps out of order`);
    }
    // da: comment numbers grow with the comment times
    if (p.layout === 'da') {
      const ids = cs.map((c) => [srcOf.get(c)?.pos, +/\(#(\d+)\)$/.exec(c.header.text)[1]]).sort((x, y) => x[0] - y[0]);
      if (ids.some((x, j) => j > 0 && x[1] <= ids[j - 1][1])) fail(`${p.doc}: comment numbers not in time order`);
    }
    checkWindowParents(ctx);
    if (p.page.nested && cs.filter((c) => c.depth >= 1).length < 5) fail(`${p.doc}: fewer than 5 replies`);
  },
  summaryTail: (p, cs) => {
    const x = p.extras;
    const span = timeSpan(x);
    const special = {
      cy: `${span}; presence lines ${x.joins} entered, ${x.leaves} left`,
      cz: `${span}; pages ${x.pages}; quoted-text lines ${x.quoted}`,
      da: `${span}; depth 5: ${cs.filter((c) => c.depth === 5).length}; Parent links ${x.parentLinks}; moderated ${x.moderated}; replies with the parent off the page ${p.outside}`,
      db: `${span}; liked by creator ${x.liked}; like counts ${x.likes}; reply lines ${x.replyLines}`,
      dc: span,
      dd: `${span}; likes > 0 on ${x.likes}`,
    }[p.layout];
    return `; ${special}` + cappedNote(p);
  },
});

function text(p, a, b) {
  return p.text.slice(a, b);
}
