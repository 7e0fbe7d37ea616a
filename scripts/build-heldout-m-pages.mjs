#!/usr/bin/env node
// Held-out segmentation pages, set M (layouts bu–bz).
//
// Builds tests/heldout-m/pages/*.txt and tests/heldout-m/segment.gold.jsonl from the Fox News
// comments dataset, then re-reads the files from disk and checks them (see tests/heldout-m/README.md).
//
//   node scripts/build-heldout-m-pages.mjs                 # shared dir defaults to <repo>/../shared
//   node scripts/build-heldout-m-pages.mjs /path/to/shared
//
// Plain Node >= 20, no dependencies. It imports scripts/lib/blind-set-kit.mjs (shared with sets H to
// L: dataset loading, slug rule, reply tree, paragraph splits, page writer, output, the re-parse frame
// and the layout-independent checks) and keeps its layouts here. It reads nothing but the dataset
// (fox-news-comments.json and comment-url.txt), reads no clock, and its only randomness is a
// fixed-seed PRNG, so two runs give byte-identical output. Gold offsets are taken while the page text
// is being written, never by searching the finished text.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DAYS, MONTHS, addresseeComment, ampm, cappedNote, checkAddresseeParents, checkEncodingOnly,
  classifier, commentParas, commentTimes, fnv1a, h12, layoutRngs, minutesOf, pad2, reparser,
  runBlindSet, threadOrder, wallClock, writePageTail, writeThreadTail, timeSpan,
} from './lib/blind-set-kit.mjs';

// ---------------------------------------------------------------------------------------------
// The article URLs (comment-url.txt; the n-th URL belongs to the n-th article in order of first
// appearance). Only the bw page uses them, in its Markdown links. Same path rule as the kit.

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = path.resolve(process.argv[2] ?? path.join(REPO, '..', 'shared'));
const URLS = fs.readFileSync(path.join(SHARED, 'datasets', 'fox-news-comments', 'comment-url.txt'), 'utf8')
  .split('\n').map((l) => l.trim()).filter(Boolean);
// The URL without the line number that each line of the file starts with ("33:http://…") and
// without a trailing "#" (one URL ends with one).
const articleUrl = (article) => URLS[article.index].replace(/^\d+:/, '').replace(/#$/, '');

// ---------------------------------------------------------------------------------------------
// Fixed words of the layouts

// NYT-like comments (bv): the readers' self-chosen locations, a free-text field on that site.
const LOCATIONS = [
  'Brooklyn, NY', 'Upstate New York', 'Earth', 'NYC', 'Chicago', 'The Heartland', 'Austin, TX', 'Seattle',
  'New Jersey', 'Pacific Northwest', 'Boston, MA', 'Florida', 'San Francisco', 'Midwest', 'Ohio', 'Planet Earth',
  'Los Angeles', 'Denver, CO', 'Vermont', 'Philadelphia', 'Atlanta, GA', 'Somewhere in Texas', 'Maine', 'Washington, DC',
];
// AP-style month abbreviations, as the NYT prints dates (`Aug. 16, 2016`, `June 4, 2016`).
const AP_MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const SHORT_MONTHS = MONTHS.map((m) => m.slice(0, 3));
const WP_REPLY_ARROW = '↓'; // Twenty Twelve prints "Reply ↓"
const FB_LIKE = 'Like';
const FB_REPLY = 'Reply';
const FB_TOP_FAN = 'Top fan';
const FR_TZ = 'PDT'; // Free Republic prints Pacific time
// XenForo 2's default user titles (by message count) and the action bar under a post.
const XF_TITLES = ['New member', 'Member', 'Active member', 'Well-known member'];
const XF_ACTIONS = 'Report Like + Quote Reply';
// The moment the Facebook-like page was saved (its ages count up to it).
const SCRAPE = { y: 2023, m: 7, d: 1, hh: 12, mm: 0 };

// Free Republic navigation and disclaimer. The pagination counts the article's posts: the article
// itself is post 1, so 141 comments make 142 posts.
const FR_NAV = 'Navigation: use the links below to view more comments.';
const FR_PAGES = 'first 1-20, 21-40, 41-60, 61-80, 81-100, 101-120, 121-140, 141-142 next last';
const FR_DISCLAIMER = 'Disclaimer: Opinions posted on Free Republic are those of the individual posters and do not necessarily represent the ' +
  'opinion of Free Republic or its management. All materials posted herein are protected by copyright law and the exemption for fair use of copyrighted works.';

const PAGES = [
  { layout: 'bu', article: 'Texas, 12 states', eol: '\r\n', bom: false, nested: false, paras: true, gaps: [1, 14],
    dateline: (d) => `${MONTHS[d.m - 1]} ${d.d}, ${d.y}, 6:00 AM EDT`,
    before: [], bodyParas: 1,
    after: [['caption', 'A restroom sign at a school in Austin. Photo illustration: Getty'], ['source', 'H/T Fox News']],
    threadHead: [], threadTail: [], pageTail: [] },
  { layout: 'bv', article: 'Black Lives Matter', eol: '\n', bom: false, nested: false, paras: true, gaps: [2, 40],
    dateline: null,
    before: [['caption', 'Protesters at a Black Lives Matter march. — Associated Press']], bodyParas: 1,
    after: [['source', 'Reporting by Fox News']],
    threadHead: [(a) => `All ${a.comments.length}`, () => 'Reader Picks', () => 'NYT Picks'], threadTail: [], pageTail: [] },
  { layout: 'bw', article: 'First lady', eol: '\n', bom: false, nested: true, cap: 4, paras: true, gaps: [2, 40],
    dateline: (d) => `${DAYS[d.wd]}, ${d.d} ${MONTHS[d.m - 1]} ${d.y}`,
    before: [], bodyParas: 1,
    after: [['caption', 'Michelle Obama at a commencement ceremony. Official White House Photo'], ['source', 'More at FoxNews.com']],
    threadHead: [(a) => wpHeading(a), (a) => '-'.repeat(wpHeading(a).length)], threadTail: [() => '### Leave a Reply'], pageTail: [] },
  { layout: 'bx', article: 'Fury as feminist', eol: '\n', bom: true, nested: false, paras: true, gaps: [2, 40],
    dateline: (d) => `${DAYS[d.wd]}, ${MONTHS[d.m - 1]} ${d.d}, ${d.y} at 6:00 AM`,
    before: [], bodyParas: 1,
    after: [['caption', 'An alligator warning sign by a lake. Picture: Alamy'], ['source', 'Excerpted from FoxNews.com']],
    threadHead: [() => 'Most relevant'], threadTail: [() => 'Write a comment…'], pageTail: [] },
  { layout: 'by', article: 'States moving', eol: '\n', bom: false, nested: false, paras: true, gaps: [3, 50],
    dateline: null,
    before: [['source', 'Fox News ^ | 3/30/2016 | Staff']], bodyParas: 2,
    after: [],
    threadHead: [() => FR_NAV, () => FR_PAGES], threadTail: [() => FR_PAGES], pageTail: [FR_DISCLAIMER] },
  { layout: 'bz', article: 'German lawmakers', eol: '\n', bom: false, nested: false, paras: true, gaps: [2, 40],
    dateline: null,
    before: [['caption', 'The Bundestag in session in Berlin. Foto: dpa']], bodyParas: 1,
    after: [['source', 'From Fox News']],
    threadHead: [(a) => `Thread starter ${a.comments[0].user} Start date ${xfDate(a.date)}`], threadTail: [() => 'You must log in or register to reply here.'],
    pageTail: [] },
];

// WordPress (Twenty Twelve) comments heading: the article's comment count in the dataset.
function wpHeading(a) {
  return `${a.comments.length} thoughts on “${a.title}”`;
}
// Date and time formats (w: wallClock parts).
const skypeStamp = (w, sec) => `[${w.m}/${w.d}/${w.y} ${h12(w.hh)}:${pad2(w.mm)}:${pad2(sec)} ${ampm(w.hh)}]`;
const apDate = (w) => `${AP_MONTHS[w.m - 1]} ${w.d}, ${w.y}`;
const wpDate = (w) => `${MONTHS[w.m - 1]} ${w.d}, ${w.y} at ${h12(w.hh)}:${pad2(w.mm)} ${ampm(w.hh).toLowerCase()}`;
const frStamp = (w, sec) => `${pad2(w.m)}/${pad2(w.d)}/${w.y} ${h12(w.hh)}:${pad2(w.mm)}:${pad2(sec)} ${ampm(w.hh)} ${FR_TZ}`;
const xfDate = (w) => `${SHORT_MONTHS[w.m - 1]} ${w.d}, ${w.y}`;
const secondsOf = (c) => fnv1a(`seconds:${c.user}:${c.pos}`) % 60;

// Whole years from wall-clock minute t to the SCRAPE moment; Facebook prints them as `7y`.
function yearsUntilScrape(t) {
  const w = wallClock(t);
  const S = SCRAPE;
  const before = S.m < w.m || (S.m === w.m && (S.d < w.d || (S.d === w.d && S.hh * 60 + S.mm < w.hh * 60 + w.mm)));
  return S.y - w.y - (before ? 1 : 0);
}

// Per-user choices (FNV-1a of a tagged user name): a user gets the same on every comment.
const locationOf = (user) => LOCATIONS[fnv1a(`location:${user}`) % LOCATIONS.length];
const isTopFan = (user) => fnv1a(`topfan:${user}`) % 3 === 0;
const xfTitleOf = (user) => XF_TITLES[fnv1a(`xftitle:${user}`) % XF_TITLES.length];

// Shapes of the layouts' furniture (also used by the re-parse).
const MON_RE = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const RE = {
  name: /^[A-Za-z0-9_]+$/,
  buMsg: /^(\[(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d\d):(\d\d) ([AP]M)\] ([A-Za-z0-9_]+):) (\S.*)$/,
  buStamp: /^\[\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d\d:\d\d [AP]M\] /,
  apDate: /^(?:Jan\.|Feb\.|March|April|May|June|July|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.) \d{1,2}, \d{4}$/,
  bvRecommend: /^(?:([1-9]\d*) )?Recommend$/,
  bwHead: /^( *)(\d+)\. {2}\*\*([A-Za-z0-9_]+)\*\* \[((?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4} at \d{1,2}:\d\d [ap]m)\]\((\S+)#comment-(\d+)\)$/,
  bwReply: /^\[Reply\]\((\S+)\?replytocom=(\d+)#respond\) ↓$/,
  bwListish: /^ *\d+\. /,
  mdEscapable: /[\\*_`[\]]|^[-+=#>]|^~~~/,
  fbAge: /^[1-9]\d*y$/,
  count: /^[1-9]\d*$/,
  fbReplies: /^View (?:1 reply|all ([2-9]|[1-9]\d+) replies)$/,
  frTo: /^To: ([A-Za-z0-9_]+)$/,
  frByline: /^(\d+) posted on (\d\d\/\d\d\/\d{4} \d{1,2}:\d\d:\d\d [AP]M) PDT by ([A-Za-z0-9_]+)$/,
  frLinks: /^\[ Post Reply \| Private Reply(?: \| To (\d+))? \| View Replies\]$/,
  xfSaid: /^([A-Za-z0-9_]+) said:$/,
  xfDate: new RegExp(`^${MON_RE} \\d{1,2}, \\d{4}$`),
  xfPostNo: /^#(\d+)$/,
};

// Per layout: shapes its grammar would read as furniture; no paragraph may match one.
const FURNITURE = {
  bu: [RE.buStamp],
  bv: [RE.apDate, RE.bvRecommend, /^(?:All \d+|Reader Picks|NYT Picks)$/, new RegExp(`^(?:${LOCATIONS.map((l) => l.replace(/[.]/g, '\\.')).join('|')})$`)],
  bw: [RE.bwListish, RE.bwReply, RE.mdEscapable, /^-+$/, /^### Leave a Reply$/],
  bx: [RE.fbAge, RE.count, RE.fbReplies, /^(?:Like|Reply|Top fan|Most relevant|Write a comment…)$/],
  by: [RE.frTo, RE.frByline, RE.frLinks, /^Navigation: /, /^first 1-20/],
  bz: [RE.xfSaid, RE.xfDate, RE.xfPostNo, /^(?:New member|Member|Active member|Well-known member)$/, /^Report Like \+ Quote Reply$/],
};

// Page b after its article part (runBlindSet writes that): thread heading, comments, tails. Returns
// what the checks need.
function renderPage(b, page, pageNo, article) {
  const { doc } = b;
  const d = article.date;
  const { selected, order, capped, indexOf } = threadOrder(article, page);

  // Timeline in file (chronological) order, in minutes.
  const { rng, counts } = layoutRngs('m', page.layout);
  const times = commentTimes(selected, minutesOf(d.y, d.m, d.d, 6, 5 + Math.floor(rng() * 45)), rng, () => page.gaps);

  // Thread heading
  for (const fn of page.threadHead) b.line('footer', fn(article));
  if (page.threadHead.length) b.nl();

  const extras = { recommend: [], topFans: 0, reactions: [], replyLines: 0, ages: new Set(), toLines: 0, quotes: 0, titles: new Set(),
    lastTime: null, firstTime: null, quoteOf: new Map(), ownText: new Map(), commentIds: [] };
  // bw: WordPress comment IDs, increasing in time order (other posts' comments fall in between).
  let wpId = 3800 + (fnv1a(`wpid:${article.title}`) % 200);
  const wpIds = new Map(selected.map((c) => [c, (wpId += 1 + Math.floor(counts() * 9))]));
  // bw: the number of each item in its list (Twenty Twelve uses an <ol>; numbers restart under each parent).
  const siblingNo = new Map();
  const seen = new Map();
  for (const n of order) {
    const k = n.parent ?? 'root';
    seen.set(k, (seen.get(k) ?? 0) + 1);
    siblingNo.set(n, seen.get(k));
  }

  order.forEach((n, i) => {
    const c = n.c;
    const ps = commentParas(doc, c, pageNo, page.paras, FURNITURE[page.layout]);
    const depth = n.depth;
    const parent = n.parent ? indexOf.get(n.parent) : null;
    const t = times.get(c);
    const w = wallClock(t);
    if (extras.firstTime === null) extras.firstTime = t;
    extras.lastTime = t;
    let hdr;
    let span;
    if (i > 0 && page.layout !== 'bu') b.nl();
    switch (page.layout) {
      case 'bu': {
        // Skype (classic) conversation copy: `[8/12/2016 6:18:04 AM] user: text`; further paragraphs
        // follow after an empty line at column 0, without a prefix. No empty line between messages.
        const h = b.write(`${skypeStamp(w, secondsOf(c))} ${c.user}:`);
        hdr = b.span(h.start, h.end);
        b.write(' ');
        span = b.paras(ps, { firstOpen: true });
        b.nl();
        break;
      }
      case 'bv': {
        // NYT-like comments: name, self-chosen location, date; text; the recommend line.
        hdr = b.headerBlock([c.user, locationOf(c.user), apDate(w)]);
        span = b.paras(ps);
        b.nl();
        const r = counts();
        const rec = Math.floor(r * r * r * 250);
        extras.recommend.push(rec);
        b.line('footer', rec > 0 ? `${rec} Recommend` : 'Recommend');
        break;
      }
      case 'bw': {
        // WordPress (Twenty Twelve) threaded comments, converted to Markdown (Turndown rules, images
        // dropped): `N.  **user** [date](url#comment-ID)`, an empty line, the paragraphs and the reply
        // link, all blocks separated by one empty line; replies are nested lists indented 4 spaces.
        const ind = ' '.repeat(4 * depth);
        const id = wpIds.get(c);
        extras.commentIds.push(id);
        if (RE.mdEscapable.test(c.user) || RE.mdEscapable.test(article.title)) throw new Error(`${doc}: Turndown would escape a character of ${c.user}`);
        b.write(ind);
        const h = b.write(`${siblingNo.get(n)}.  **${c.user}** [${wpDate(w)}](${articleUrl(article)}#comment-${id})`);
        hdr = b.span(h.start, h.end);
        b.nl(2);
        span = b.paras(ps, { indent: ind + '    ' });
        b.nl(2);
        b.line('footer', `[Reply](${articleUrl(article)}?replytocom=${id}#respond) ${WP_REPLY_ARROW}`, ind + '    ');
        break;
      }
      case 'bx': {
        // Facebook (current web) comment copy: name [Top fan]; text; age, Like, Reply; reactions; replies.
        const lines = [c.user];
        if (isTopFan(c.user)) {
          lines.push(FB_TOP_FAN);
          extras.topFans++;
        }
        hdr = b.headerBlock(lines);
        span = b.paras(ps);
        b.nl();
        const age = `${yearsUntilScrape(t)}y`;
        extras.ages.add(age);
        b.line('footer', age);
        b.line('footer', FB_LIKE);
        b.line('footer', FB_REPLY);
        const r = counts();
        const reactions = Math.floor(r * r * r * 300);
        extras.reactions.push(reactions);
        if (reactions > 0) b.line('footer', String(reactions));
        const replies = article.comments.filter((x) => addresseeComment(article, x) === c).length;
        if (replies > 0) {
          b.line('footer', replies === 1 ? 'View 1 reply' : `View all ${replies} replies`);
          extras.replyLines++;
        }
        break;
      }
      case 'by': {
        // Free Republic thread: [`To: user`, empty line], the text, an empty line, the byline
        // `N posted on 03/30/2016 6:18:04 AM PDT by user`, the link line. Post 1 is the article.
        const to = addresseeComment(article, c);
        if (to) {
          b.line('footer', `To: ${to.user}`);
          b.nl();
          extras.toLines++;
        }
        span = b.paras(ps);
        b.nl(2);
        hdr = b.headerBlock([`${i + 2} posted on ${frStamp(w, secondsOf(c))} by ${c.user}`]);
        const toNo = to ? indexOf.get(order.find((m) => m.c === to)) + 2 : null;
        b.line('footer', `[ Post Reply | Private Reply${toNo ? ` | To ${toNo}` : ''} | View Replies]`);
        break;
      }
      case 'bz': {
        // XenForo 2 thread: name, user title, date, `#N`; the post (a reply to an earlier post opens
        // with that post quoted: `user said:` and the quoted paragraphs); the action bar.
        const title = xfTitleOf(c.user);
        extras.titles.add(title);
        hdr = b.headerBlock([c.user, title, xfDate(w), `#${i + 1}`]);
        const to = addresseeComment(article, c);
        let start = null;
        if (to) {
          const quoted = extras.ownText.get(to);
          start = b.write(`${to.user} said:`).start;
          b.nl();
          quoted.forEach((p, k) => {
            if (k > 0) b.nl(2);
            b.write(p);
          });
          b.nl();
          extras.quoteOf.set(i, { user: to.user, paras: quoted });
          extras.quotes++;
        }
        const own = b.paras(ps);
        span = { start: start ?? own.start, end: own.end };
        extras.ownText.set(c, ps);
        b.nl();
        b.line('footer', XF_ACTIONS);
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
  ['dateline', new RegExp('^(?:(?:January|February|March|April|May|June|July|August|September|October|November|December) \\d{1,2}, \\d{4}, \\d{1,2}:\\d\\d [AP]M EDT' +
    '|(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday), \\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \\d{4}' +
    '|(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday), (?:January|February|March|April|May|June|July|August|September|October|November|December) \\d{1,2}, \\d{4} at \\d{1,2}:\\d\\d [AP]M)$')],
  ['caption', / Photo illustration: Getty$| — Associated Press$| Official White House Photo$| Picture: Alamy$| Foto: dpa$/],
  ['source', /^H\/T Fox News$|^Reporting by Fox News$|^More at FoxNews\.com$|^Excerpted from FoxNews\.com$|^Fox News \^ \| |^From Fox News$/],
  ['footer', /^Disclaimer: Opinions posted on Free Republic /],
];
const classify = classifier(ARTICLE_KIND);
const HEAD_RE = /^(?:All \d+|Reader Picks|NYT Picks|\d+ thoughts on “.*”|-+|Most relevant|Navigation: use the links below to view more comments\.|first 1-20, .* next last|Thread starter [A-Za-z0-9_]+ Start date .*)$/;
const THREAD_TAIL_RE = /^(?:### Leave a Reply|Write a comment…|first 1-20, .* next last|You must log in or register to reply here\.)$/;

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

  if (layout === 'bu') {
    // A message line starts a message; an empty line followed by a line that is not a message line
    // continues the message with a paragraph. There is no empty line between messages.
    let k = 0;
    let lastTime = -Infinity;
    while (k < T.length) {
      const m = RE.buMsg.exec(T[k].text);
      if (!m) err(`bu: bad message line ${k}: ${T[k].text.slice(0, 40)}`);
      const hh = (+m[5] % 12) + (m[8] === 'PM' ? 12 : 0);
      const when = Date.UTC(+m[4], +m[2] - 1, +m[3], hh, +m[6], +m[7]);
      if (when < lastTime) err('bu: time goes backwards');
      lastTime = when;
      let last = k;
      while (T[last + 1]?.text === '' && T[last + 2] && !RE.buMsg.test(T[last + 2].text)) last += 2;
      if (T[last + 1] && T[last + 1].text !== '' && !RE.buMsg.test(T[last + 1].text)) err(`bu: line ${last + 1} continues a paragraph`);
      checkParas(k, last, { firstOpen: true });
      const he = T[k].start + m[1].length;
      push(he + 1, T[last].end, m[9], 0, { start: T[k].start, end: he });
      k = last + 1;
    }
  } else if (layout === 'bv') {
    let k = 0;
    while (k < T.length) {
      if (!RE.name.test(T[k].text) || !LOCATIONS.includes(T[k + 1]?.text) || !RE.apDate.test(T[k + 2]?.text ?? '')) err(`bv: bad header at ${k}`);
      let w = k + 3;
      while (w < T.length && !RE.bvRecommend.test(T[w].text)) w++;
      if (w >= T.length) err('bv: no recommend line');
      checkParas(k + 3, w - 1);
      push(T[k + 3].start, T[w - 1].end, T[k].text, 0, { start: T[k].start, end: T[k + 2].end });
      plain(T[w], 'footer');
      k = nextAfter(w + 1, 'bv: comments');
    }
  } else if (layout === 'bw') {
    // Every block is separated by one empty line. A list item header at 4 × depth spaces opens a
    // comment; its paragraphs and its reply link sit 4 spaces deeper; the numbers count the items of
    // each list (1, 2, … under each parent).
    const numbers = []; // numbers[d] = the last item number at depth d in the current list
    let k = 0;
    while (k < T.length) {
      const m = RE.bwHead.exec(T[k].text);
      if (!m || m[1].length % 4 !== 0) err(`bw: bad item header at ${k}: ${T[k].text.slice(0, 40)}`);
      const depth = m[1].length / 4;
      if (depth > numbers.length) err('bw: depth jump');
      numbers.length = depth + 1;
      const want = (numbers[depth] ?? 0) + 1;
      if (+m[2] !== want) err(`bw: item number ${m[2]}, expected ${want}`);
      numbers[depth] = want;
      const col = 4 * (depth + 1);
      if (T[k + 1]?.text !== '') err('bw: no empty line after the item header');
      let w = k + 2;
      while (w < T.length && !(lead(T[w].text) === col && RE.bwReply.test(T[w].text.slice(col)))) w++;
      if (w >= T.length || T[w - 1].text !== '') err('bw: no reply link');
      const mr = RE.bwReply.exec(T[w].text.slice(col));
      if (mr[2] !== m[6] || mr[1] !== m[5]) err('bw: reply link does not match the comment link');
      checkParas(k + 2, w - 2, { col });
      push(T[k + 2].start + col, T[w - 2].end, m[3], depth, { start: T[k].start + m[1].length, end: T[k].end });
      plain(T[w], 'footer');
      k = nextAfter(w + 1, 'bw: blocks');
    }
    const ids = comments.map((c) => +/#comment-(\d+)\)$/.exec(c.header.text)[1]);
    if (new Set(ids).size !== ids.length) err('bw: comment IDs repeat');
  } else if (layout === 'bx') {
    let k = 0;
    while (k < T.length) {
      if (!RE.name.test(T[k].text)) err(`bx: bad header at ${k}`);
      const h = T[k + 1]?.text === FB_TOP_FAN ? k + 1 : k;
      let w = h + 1;
      while (w < T.length && !(RE.fbAge.test(T[w].text) && T[w + 1]?.text === FB_LIKE && T[w + 2]?.text === FB_REPLY)) w++;
      if (w >= T.length) err('bx: no widget lines');
      checkParas(h + 1, w - 1);
      push(T[h + 1].start, T[w - 1].end, T[k].text, 0, { start: T[k].start, end: T[h].end });
      for (let o = 0; o < 3; o++) plain(T[w + o], 'footer');
      let e = w + 3;
      if (RE.count.test(T[e]?.text ?? '')) plain(T[e++], 'footer');
      if (RE.fbReplies.test(T[e]?.text ?? '')) plain(T[e++], 'footer');
      k = nextAfter(e, 'bx: comments');
    }
  } else if (layout === 'by') {
    // [To line, empty line], paragraphs, empty line, byline (the header), link line.
    let k = 0;
    let lastTime = '';
    while (k < T.length) {
      const mt = RE.frTo.exec(T[k].text);
      let s = k;
      if (mt) {
        if (T[k + 1]?.text !== '') err('by: no empty line after the To line');
        plain(T[k], 'footer');
        s = k + 2;
      }
      let w = s;
      while (w < T.length && !(RE.frByline.test(T[w].text) && T[w - 1].text === '' && RE.frLinks.test(T[w + 1]?.text ?? ''))) w++;
      if (w >= T.length) err('by: no byline');
      const m = RE.frByline.exec(T[w].text);
      if (+m[1] !== comments.length + 2) err('by: post numbers not 2..n+1');
      const stamp = m[2].replace(/^(\d\d)\/(\d\d)\/(\d{4}) (\d{1,2}):(\d\d):(\d\d) ([AP]M)$/, (x, mo, dd, yy, hh, mi, ss, ap) => `${yy}${mo}${dd}${pad2((+hh % 12) + (ap === 'PM' ? 12 : 0))}${mi}${ss}`);
      if (stamp < lastTime) err('by: time goes backwards');
      lastTime = stamp;
      checkParas(s, w - 2);
      const r = push(T[s].start, T[w - 2].end, m[3], 0, { start: T[w].start, end: T[w].end });
      const ml = RE.frLinks.exec(T[w + 1].text);
      // `To: user` exactly when the link line points to that user's latest earlier post
      if (!!mt !== !!ml[1]) err('by: To line and "To N" disagree');
      if (mt) {
        const prev = [...comments].slice(0, -1).reverse().find((x) => x.author === mt[1]);
        if (!prev || prev.index + 2 !== +ml[1]) err(`by: "To ${ml[1]}" is not ${mt[1]}'s latest post`);
      }
      plain(T[w + 1], 'footer');
      void r;
      k = nextAfter(w + 2, 'by: posts');
    }
  } else if (layout === 'bz') {
    // Header of four lines; the post, which may open with `user said:` and that user's latest
    // earlier post on the page (its own paragraphs, without its quote); the action bar.
    const own = []; // own[index] = the post's own paragraphs, as lines of the page
    let k = 0;
    while (k < T.length) {
      if (!RE.name.test(T[k].text) || !XF_TITLES.includes(T[k + 1]?.text) || !RE.xfDate.test(T[k + 2]?.text ?? '')) err(`bz: bad header at ${k}`);
      const mn = RE.xfPostNo.exec(T[k + 3]?.text ?? '');
      if (!mn || +mn[1] !== comments.length + 1) err('bz: post numbers not 1..n');
      let w = k + 4;
      while (w < T.length && T[w].text !== XF_ACTIONS) w++;
      if (w >= T.length) err('bz: no action bar');
      let s = k + 4;
      const mq = RE.xfSaid.exec(T[s].text);
      if (mq) {
        let q = comments.length - 1;
        while (q >= 0 && comments[q].author !== mq[1]) q--;
        if (q < 0) err(`bz: quote of ${mq[1]} without an earlier post`);
        const quoted = own[q];
        for (let o = 0; o < quoted.length; o++) if (T[s + 1 + o]?.text !== quoted[o]) err(`bz: quote differs from ${mq[1]}'s post`);
        s = s + 1 + quoted.length;
        if (T[s]?.text === '') err('bz: empty line after the quote');
      }
      checkParas(s, w - 1);
      push(T[k + 4].start, T[w - 1].end, T[k].text, 0, { start: T[k].start, end: T[k + 3].end });
      own.push(T.slice(s, w).map((l) => l.text));
      plain(T[w], 'footer');
      k = nextAfter(w + 1, 'bz: posts');
    }
  } else err('layout');
  return rp.records();
}

// The paragraphs of comment record c as in the dataset text: without indentation (bw) and without
// the quote that opens a bz reply (checked against the page by the re-parse).
function partsOf(p, c) {
  let t = c.text;
  if (p.layout === 'bz' && p.extras.quoteOf.has(c.index)) {
    const q = p.extras.quoteOf.get(c.index);
    const prefix = `${q.user} said:\n${q.paras.join('\n\n')}\n`;
    if (!t.startsWith(prefix)) return ['(quote missing)'];
    t = t.slice(prefix.length);
  }
  return t.split(p.page.eol + p.page.eol).map((x) => x.replace(/^ +/, ''));
}

// ---------------------------------------------------------------------------------------------

runBlindSet('m', PAGES, renderPage, {
  layouts: ['bu', 'bv', 'bw', 'bx', 'by', 'bz'],
  reparse,
  forbidden: /[\u00a0\u202f\u200b]/,
  allowParas: (p) => p.page.paras,
  partsOf,
  textChecks: (ctx) => checkEncodingOnly(ctx, { bom: 'bx', crlf: 'bu' }),
  pageChecks: (ctx) => {
    const { p, cs, srcOf, fail } = ctx;
    for (const c of cs) {
      const src = srcOf.get(c);
      if (!src) continue;
      const to = addresseeComment(p.article, src);
      // bw: later paragraphs sit at the comment's text indentation, 4 × (depth + 1)
      if (p.layout === 'bw' && c.text.split('\n\n').slice(1).some((x) => !x.startsWith(' '.repeat(4 * (c.depth + 1))) || x[4 * (c.depth + 1)] === ' ')) {
        fail(`${p.doc}: #${c.index} later paragraph not at the text indentation`);
      }
      // bv: the location is the user's; bx: the Top fan line exactly for the chosen users
      if (p.layout === 'bv' && c.header.text.split('\n')[1] !== locationOf(src.user)) fail(`${p.doc}: #${c.index} location`);
      if (p.layout === 'bx' && c.header.text !== (isTopFan(src.user) ? `${src.user}\n${FB_TOP_FAN}` : src.user)) fail(`${p.doc}: #${c.index} header`);
      // by: a To line exactly when the addressee has an earlier post; bz: a quote exactly then
      if (p.layout === 'by') {
        const before = p.text.slice(0, c.start).replace(/\n+$/, '');
        const hasTo = /(?:^|\n)To: [A-Za-z0-9_]+$/.test(before);
        if (hasTo !== !!to || (to && !before.endsWith(`To: ${to.user}`))) fail(`${p.doc}: #${c.index} To line does not follow the addressee`);
      }
      if (p.layout === 'bz' && RE.xfSaid.test(c.text.split('\n')[0]) !== !!to) fail(`${p.doc}: #${c.index} quote does not follow the addressee`);
      if (p.layout === 'bz' && c.header.text !== `${src.user}\n${xfTitleOf(src.user)}\n${xfDate(wallClock(minutesOf(p.article.date.y, p.article.date.m, p.article.date.d)))}\n#${c.index + 1}`) {
        fail(`${p.doc}: #${c.index} header`);
      }
    }
    checkAddresseeParents(ctx);
  },
  summaryTail: (p, cs) => {
    const x = p.extras;
    const span = timeSpan(x);
    const special = {
      bu: span,
      bv: `${span}; recommend ${Math.min(...x.recommend)}…${Math.max(...x.recommend)} (${x.recommend.filter((v) => v > 0).length} with a count)`,
      bw: `${span}; max depth ${Math.max(...cs.map((c) => c.depth))}; comment IDs ${x.commentIds[0]}…${Math.max(...x.commentIds)}`,
      bx: `ages ${[...x.ages].join(', ')}; top fans ${x.topFans}; reactions ${Math.min(...x.reactions)}…${Math.max(...x.reactions)} (${x.reactions.filter((v) => v > 0).length} with a count); reply lines ${x.replyLines}`,
      by: `${span}; To lines ${x.toLines}`,
      bz: `quotes ${x.quotes}; titles ${[...x.titles].join(', ')}`,
    }[p.layout];
    return `; ${special}` + cappedNote(p);
  },
});
