#!/usr/bin/env node
// Held-out segmentation pages, set N (layouts ca–cf).
//
// Builds tests/heldout-n/pages/*.txt and tests/heldout-n/segment.gold.jsonl from the Fox News
// comments dataset, then re-reads the files from disk and checks them (see tests/heldout-n/README.md).
//
//   node scripts/build-heldout-n-pages.mjs                 # shared dir defaults to <repo>/../shared
//   node scripts/build-heldout-n-pages.mjs /path/to/shared
//
// Plain Node >= 20, no dependencies. It imports scripts/lib/blind-set-kit.mjs (dataset loading,
// slug rule, comment times, paragraph splits, page writer, article part, output, the re-parse frame
// and the layout-independent checks) and keeps its layouts here. Unlike sets H to M, each page takes
// the article's comments 21–40 in dataset order (not the first 20), so the comment selection and the
// reply tree are built here (a reply whose addressee's comment is not on the page is shown at the top
// level). It reads nothing but the dataset (fox-news-comments.json), reads no clock, and its only
// randomness is a fixed-seed PRNG, so two runs give byte-identical output. Gold offsets are taken while
// the page text is being written, never by searching the finished text.

import {
  DAYS, MONTHS, SHORT_MONTHS, ampm, cappedNote, checkEncodingOnly, classifier, commentParas,
  commentTimes, fnv1a, h12, layoutRngs, minutesOf, ordinal, pad2, reparser, runBlindSet, wallClock,
  writePageTail, writeThreadTail, N_COMMENTS, commentWindow, threadOrder, checkWindowParents,
  timeSpan,
} from './lib/blind-set-kit.mjs';

// ---------------------------------------------------------------------------------------------
// Comment selection: comments 21–40 of the article (positions 20..39) when it has at least 40,
// else its first 20; empty texts skipped (the dataset has none).

const WINDOW_START = 20;

const selectComments = (article) => commentWindow(article, WINDOW_START, { fallback: true });

// ---------------------------------------------------------------------------------------------
// Fixed words of the layouts

// ca: KakaoTalk (PC) chat export.
const KAKAO_TITLE = 'KakaoTalk Chats with Fox News readers';
const KAKAO_RULE = '-'.repeat(15);
// cb: Mastodon. The copy was made on mastodon.social, which shows its own accounts as `@user` and
// other servers' accounts as `@user@server`.
const MASTODON_HOME = 'mastodon.social';
const MASTODON_SERVERS = [MASTODON_HOME, 'mas.to', 'mstdn.social', 'mastodon.online', 'newsie.social', 'universeodon.com', 'mastodon.world', 'toot.community'];
// cc: Substack-like comments. Invented publication names for the `Writes …` line.
const SUBSTACK_PUBS = ['Harbor Lights', 'The Porch Report', 'Notes from Ohio', 'The Weekly Skeptic', 'Common Sense Corner', 'Dispatches from the Delta'];
const SUBSTACK_HEAD = ['Discussion about this post', 'Comments', 'Restacks'];
const SUBSTACK_TAIL = ['Ready for more?', 'Subscribe'];
// cd: DiscordChatExporter plain-text export.
const DCE_RULE = '='.repeat(62);
const DCE_HEAD = [DCE_RULE, 'Guild: Fox News Readers', 'Channel: News / opinion', "Topic: Share and discuss today's opinion pieces. Keep it civil.", DCE_RULE];
const DCE_EMOJI = ['\u2705', '\u274c', 'kekw', '\u2b50', 'facepalm', '\u2753'];
// cf: pandas DataFrame.to_csv (index kept, QUOTE_MINIMAL).
const CSV_HEADER = ',comment_id,author,published,likes,text';

const PAGES = [
  { layout: 'ca', article: 'Texas, 12 states', eol: '\n', bom: true, nested: false, paras: true, gaps: [20, 100],
    dateline: (d) => `${['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'][d.m - 1]} ${d.d}, ${d.y} 6:00 a.m. ET`,
    before: [], bodyParas: 1,
    after: [['caption', 'A gender-neutral restroom sign at a school. Getty Images/iStockphoto'], ['source', 'Shared from FoxNews.com']] },
  { layout: 'cc', article: 'Navy names ship', eol: '\n', bom: false, nested: true, cap: 4, paras: true, gaps: [2, 40],
    dateline: null,
    before: [], bodyParas: 2,
    after: [['caption', 'A fleet replenishment oiler under way. Image via Wikimedia Commons'], ['source', 'This content was originally published by Fox News.']] },
  { layout: 'cb', article: 'German lawmakers', eol: '\n', bom: false, nested: false, paras: true, gaps: [2, 40],
    dateline: null,
    before: [['caption', 'The Reichstag dome in Berlin. EPA-EFE/File']], bodyParas: 1,
    after: [['source', 'Cross-posted from Fox News']] },
  { layout: 'cd', article: 'Black Lives Matter', eol: '\r\n', bom: false, nested: false, paras: true, gaps: [3, 50],
    dateline: (d) => `${pad2(d.m)}-${pad2(d.d)}-${d.y}`,
    before: [], bodyParas: 1,
    after: [['caption', 'Demonstrators at a rally in Baltimore. Credit...Reuters']] },
  { layout: 'ce', article: 'Supreme Court', eol: '\n', bom: false, nested: false, paras: true, gaps: [5, 60],
    dateline: (d) => `${MONTHS[d.m - 1]} ${d.d}, ${d.y} @ 6:00 am`,
    before: [], bodyParas: 1,
    after: [['caption', 'The Supreme Court building in Washington. Associated Press file photo'], ['source', 'Fox News Opinion is the original publisher.']] },
  { layout: 'cf', article: 'ICE program', eol: '\n', bom: false, nested: false, paras: true, gaps: [2, 40],
    dateline: (d) => `${DAYS[d.wd]}, ${MONTHS[d.m - 1]} ${ordinal(d.d)}, ${d.y}`,
    before: [], bodyParas: 2,
    after: [['source', 'Story link: foxnews.com']] },
];

// Date and time formats (w: wallClock parts).
const kakaoTime = (w) => `${h12(w.hh)}:${pad2(w.mm)} ${ampm(w.hh)}`;
const kakaoDivider = (w) => `${KAKAO_RULE} ${DAYS[w.wd]}, ${MONTHS[w.m - 1]} ${w.d}, ${w.y} ${KAKAO_RULE}`;
const shortDate = (w) => `${SHORT_MONTHS[w.m - 1]} ${w.d}, ${w.y}`;
const dceStamp = (w) => `${pad2(w.d)}/${pad2(w.m)}/${w.y} ${pad2(w.hh)}:${pad2(w.mm)}`; // .NET "g", en-GB
const igTime = (w) => `${SHORT_MONTHS[w.m - 1]} ${w.d}, ${w.y} at ${h12(w.hh)}:${pad2(w.mm)}${ampm(w.hh).toLowerCase()} PDT`;
const isoStamp = (w, sec) => `${w.y}-${pad2(w.m)}-${pad2(w.d)} ${pad2(w.hh)}:${pad2(w.mm)}:${pad2(sec)}`;
const secondsOf = (c) => fnv1a(`seconds:${c.user}:${c.pos}`) % 60;

// Per-user choices (FNV-1a of a tagged user name): a user gets the same on every comment.
// A third of the users are on the home server.
const mastodonHandle = (user) => {
  const h = fnv1a(`server:${user}`);
  const server = h % 3 === 0 ? MASTODON_HOME : MASTODON_SERVERS[1 + ((h >>> 8) % (MASTODON_SERVERS.length - 1))];
  return server === MASTODON_HOME ? `@${user}` : `@${user}@${server}`;
};
const substackPub = (user) => (fnv1a(`writes:${user}`) % 4 === 0 ? SUBSTACK_PUBS[fnv1a(`publication:${user}`) % SUBSTACK_PUBS.length] : null);
const igKind = (user) => (fnv1a(`video:${user}`) % 5 === 0 ? 'video' : 'photo');

// pandas to_csv (QUOTE_MINIMAL): a field is quoted when it contains the separator, the quote
// character or a line break; quotes inside are doubled.
const csvNeedsQuotes = (s) => /[,"\r\n]/.test(s);

// Shapes of the layouts' furniture (also used by the re-parse).
const MON_RE = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const DAY_RE = '(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)';
const MONTH_RE = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const RE = {
  name: /^[A-Za-z0-9_]+$/,
  kakaoMsg: /^(\[([A-Za-z0-9_]+)\] \[(\d{1,2}):(\d\d) ([AP]M)\]) (\S.*)$/,
  kakaoStamp: /^\[[A-Za-z0-9_]+\] \[\d{1,2}:\d\d [AP]M\]/,
  kakaoDivider: new RegExp(`^-{15} ${DAY_RE}, ${MONTH_RE} \\d{1,2}, \\d{4} -{15}$`),
  kakaoSaved: /^Date Saved : \d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/,
  handle: /^@([A-Za-z0-9_]+)(?:@([a-z0-9.]+))?$/,
  shortDate: new RegExp(`^${MON_RE} \\d{1,2}, \\d{4}$`),
  ssLike: /^ *Like(?: \(([1-9]\d*)\))?$/,
  ssWrites: /^ *Writes \S.*$/,
  dceHead: /^(\[(\d\d)\/(\d\d)\/(\d{4}) (\d\d):(\d\d)\] ([A-Za-z0-9_]+)( \(pinned\))?)$/,
  dceStamp: /^\[\d\d\/\d\d\/\d{4} \d\d:\d\d\] /,
  dceBlock: /^\{(?:Reactions|Attachments|Embed|Stickers)\}$/,
  dceReactions: /^\S+(?: \([2-9]\d*\))?(?: \S+(?: \([2-9]\d*\))?)*$/,
  igByline: new RegExp(`^A (photo|video) posted by ([A-Za-z0-9_]+) \\(@([a-z0-9_]+)\\) on ${MON_RE} \\d{1,2}, \\d{4} at \\d{1,2}:\\d\\d[ap]m PDT$`),
  igLead: /^A (?:photo|video) posted by /,
  csvRow: /^\d+,\d+,/,
};

// Per layout: shapes its grammar would read as furniture; no paragraph may match one.
const FURNITURE = {
  ca: [RE.kakaoStamp, /^-{15} /, /^KakaoTalk Chats/, /^Date Saved : /],
  cb: [RE.handle, RE.shortDate],
  cc: [RE.ssLike, /^(?:Reply|Share|Comments|Restacks|Subscribe|Discussion about this post|Ready for more\?)$/, RE.ssWrites, RE.shortDate],
  cd: [RE.dceStamp, RE.dceBlock, /^=+$/, /^(?:Guild|Channel|Topic): /, /^Exported \d+ message/],
  ce: [RE.igLead],
  cf: [RE.csvRow, /^,comment_id,/],
};

// ---------------------------------------------------------------------------------------------
// Page b after its article part (runBlindSet writes that): thread heading, comments, tails. Returns
// what the checks need.

function renderPage(b, page, pageNo, article) {
  const { doc } = b;
  const d = article.date;
  const { selected, order, capped, outside, indexOf } = threadOrder(article, page, selectComments(article));
  const { rng, counts } = layoutRngs('n', page.layout);
  const times = commentTimes(selected, minutesOf(d.y, d.m, d.d, 6, 5 + Math.floor(rng() * 45)), rng, () => page.gaps);
  const extras = { firstTime: null, lastTime: null, dividers: 0, likes: [], pubs: 0, remote: 0, reactionBlocks: 0, pinned: null,
    videos: 0, quoted: 0, doubled: 0, ids: [], csvLikes: [] };
  const pageTail = [];

  // Thread heading
  if (page.layout === 'ca') {
    const last = wallClock(times.get(selected[selected.length - 1]) + 47);
    b.line('footer', KAKAO_TITLE);
    b.line('footer', `Date Saved : ${isoStamp(last, fnv1a(`saved:${doc}`) % 60)}`);
    // each day divider below is preceded by one empty line
  } else if (page.layout === 'cc') {
    for (const l of SUBSTACK_HEAD) b.line('footer', l);
    b.nl();
    pageTail.push(...SUBSTACK_TAIL);
  } else if (page.layout === 'cd') {
    for (const l of DCE_HEAD) b.line('footer', l);
    b.nl();
  } else if (page.layout === 'cf') {
    b.line('footer', CSV_HEADER);
  }

  // cd: reactions per message, and the pinned message (the one with the most reactions).
  const reactionsOf = new Map();
  if (page.layout === 'cd') {
    for (const n of order) {
      const r = counts();
      if (r < 0.45) {
        const k = 1 + Math.floor(counts() * 3);
        const first = Math.floor(counts() * DCE_EMOJI.length);
        const list = [];
        for (let j = 0; j < k; j++) {
          const s = counts();
          list.push({ emoji: DCE_EMOJI[(first + j) % DCE_EMOJI.length], count: 1 + Math.floor(s * s * 7) });
        }
        reactionsOf.set(n, list);
      }
    }
    let best = null;
    for (const n of order) {
      const tot = (reactionsOf.get(n) ?? []).reduce((a, x) => a + x.count, 0);
      if (best === null || tot > best.tot) best = { n, tot };
    }
    extras.pinned = best.n;
  }
  // cf: comment IDs increasing in time order (other articles' comments are imagined in between).
  let csvId = 2830000000 + (fnv1a(`csvid:${article.title}`) % 1000000);
  const csvIds = new Map(selected.map((c) => [c, (csvId += 1000 + Math.floor(counts() * 59000))]));

  let day = null;
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
    switch (page.layout) {
      case 'ca': {
        // KakaoTalk PC export: `[user] [6:18 AM] text`; further paragraphs after an empty line at
        // column 0; no empty line between messages; an empty line and a divider open each day.
        const key = `${w.y}-${w.m}-${w.d}`;
        if (key !== day) {
          b.nl();
          b.line('footer', kakaoDivider(w));
          extras.dividers++;
          day = key;
        }
        const h = b.write(`[${c.user}] [${kakaoTime(w)}]`);
        hdr = b.span(h.start, h.end);
        b.write(' ');
        span = b.paras(ps, { firstOpen: true });
        b.nl();
        break;
      }
      case 'cb': {
        // Mastodon thread copy: display name (here the user name), handle, date; the text.
        if (i > 0) b.nl();
        const handle = mastodonHandle(c.user);
        if (handle.includes('@', 1)) extras.remote++;
        hdr = b.headerBlock([c.user, handle, shortDate(w)]);
        span = b.paras(ps);
        b.nl();
        break;
      }
      case 'cc': {
        // Substack-like comments, nested 4 spaces a level: name, [Writes …], date; the text; the
        // action lines `Like (3)` / `Like`, `Reply`, `Share`.
        if (i > 0) b.nl();
        const ind = ' '.repeat(4 * depth);
        const pub = substackPub(c.user);
        if (pub) extras.pubs++;
        hdr = b.headerBlock([c.user, ...(pub ? [`Writes ${pub}`] : []), shortDate(w)], ind);
        span = b.paras(ps, { indent: ind });
        b.nl();
        const r = counts();
        const likes = Math.floor(r * r * r * 40);
        extras.likes.push(likes);
        b.line('footer', likes > 0 ? `Like (${likes})` : 'Like', ind);
        b.line('footer', 'Reply', ind);
        b.line('footer', 'Share', ind);
        break;
      }
      case 'cd': {
        // DiscordChatExporter TXT: `[16/08/2016 06:21] user` [(pinned)]; the content; an empty
        // line; [`{Reactions}` and the reaction line]; an empty line.
        const pinned = extras.pinned === n;
        hdr = b.headerBlock([`[${dceStamp(w)}] ${c.user}${pinned ? ' (pinned)' : ''}`]);
        span = b.paras(ps);
        b.nl(2);
        const rs = reactionsOf.get(n);
        if (rs) {
          b.line('footer', '{Reactions}');
          b.line('footer', rs.map((x) => (x.count > 1 ? `${x.emoji} (${x.count})` : x.emoji)).join(' '));
          extras.reactionBlocks++;
        }
        b.nl();
        break;
      }
      case 'ce': {
        // Instagram embed (2016 fallback text): the caption, then directly the byline
        // `A photo posted by Name (@handle) on Jun 24, 2016 at 6:12am PDT`.
        if (i > 0) b.nl();
        span = b.paras(ps);
        b.nl();
        const kind = igKind(c.user);
        if (kind === 'video') extras.videos++;
        hdr = b.headerBlock([`A ${kind} posted by ${c.user} (@${c.user.toLowerCase()}) on ${igTime(w)}`]);
        break;
      }
      case 'cf': {
        // pandas to_csv row: index, comment_id, author, published, likes, text (the last field,
        // quoted when it holds a comma, a quote or a line break; paragraphs are separated by an
        // empty line inside the quotes).
        const r = counts();
        const likes = Math.floor(r * r * r * 60);
        extras.csvLikes.push(likes);
        extras.ids.push(csvIds.get(c));
        const h = b.write(`${i},${csvIds.get(c)},${c.user},${isoStamp(w, secondsOf(c))},${likes},`);
        hdr = b.span(h.start, h.end);
        const whole = ps.join('\n\n');
        if (csvNeedsQuotes(whole)) {
          extras.quoted++;
          if (whole.includes('"')) extras.doubled++;
          const esc = ps.map((p) => p.replace(/"/g, '""'));
          esc[0] = `"${esc[0]}`;
          esc[esc.length - 1] = `${esc[esc.length - 1]}"`;
          span = b.paras(esc, { firstOpen: true });
        } else {
          span = b.paras(ps, { firstOpen: true });
        }
        b.nl();
        break;
      }
      default:
        throw new Error(page.layout);
    }
    b.comment({ index: i, author: c.user, depth, parent }, span, hdr);
  });
  if (page.layout === 'cd') {
    for (const l of [DCE_RULE, `Exported ${N_COMMENTS} message(s)`, DCE_RULE]) b.line('footer', l);
  }
  writeThreadTail(b, [], article);
  writePageTail(b, pageTail);
  return { doc, layout: page.layout, page, article, text: b.s, recs: b.sortedRecords(), order, selected, capped, outside, extras };
}

// ---------------------------------------------------------------------------------------------
// Checks on the files as re-read from disk

const ARTICLE_KIND = [
  ['dateline', new RegExp('^(?:(?:Jan\\.|Feb\\.|March|April|May|June|July|Aug\\.|Sept\\.|Oct\\.|Nov\\.|Dec\\.) \\d{1,2}, \\d{4} \\d{1,2}:\\d\\d [ap]\\.m\\. ET' +
    '|\\d\\d-\\d\\d-\\d{4}' +
    `|${MONTH_RE} \\d{1,2}, \\d{4} @ \\d{1,2}:\\d\\d [ap]m` +
    `|${DAY_RE}, ${MONTH_RE} \\d{1,2}(?:st|nd|rd|th), \\d{4})$`)],
  ['caption', / Getty Images\/iStockphoto$| EPA-EFE\/File$| Image via Wikimedia Commons$| Credit\.\.\.Reuters$| Associated Press file photo$/],
  ['source', /^Shared from FoxNews\.com$|^Cross-posted from Fox News$|^This content was originally published by Fox News\.$|^Fox News Opinion is the original publisher\.$|^Story link: foxnews\.com$/],
];
const classify = classifier(ARTICLE_KIND);

/**
 * Independent re-parse of one page by its layout's grammar. Uses only the page text and the layout
 * name, not the generator's bookkeeping; returns the records the page implies. The article part is
 * read with the kit's frame; the rest line by line here (set N's layouts have no common frame).
 */
function reparse(doc, layout, text, eol) {
  const rp = reparser(doc, text, eol);
  const { L, err, lead, plain, pushComment, paras, headerOf } = rp;
  let k = rp.article(classify);
  let n = L.length;
  const lines = (a, b) => L.slice(a, b).map((l) => l.text);

  if (layout === 'ca') {
    if (L[k]?.text !== KAKAO_TITLE || !RE.kakaoSaved.test(L[k + 1]?.text ?? '')) err('ca: no export heading');
    plain(L[k], 'footer');
    plain(L[k + 1], 'footer');
    k += 2;
    let lastTime = -1;
    let lastDay = null;
    while (k < n) {
      if (L[k].text === '') {
        // an empty line before a day divider
        if (!RE.kakaoDivider.test(L[k + 1]?.text ?? '')) err(`ca: empty line not before a divider at ${k}`);
        if (L[k + 1].text === lastDay) err('ca: repeated divider');
        lastDay = L[k + 1].text;
        plain(L[k + 1], 'footer');
        lastTime = -1;
        k += 2;
        continue;
      }
      const m = RE.kakaoMsg.exec(L[k].text);
      if (!m || lastDay === null) err(`ca: bad message line ${k}: ${L[k].text.slice(0, 40)}`);
      const tm = (+m[3] % 12) * 60 + +m[4] + (m[5] === 'PM' ? 720 : 0);
      if (tm < lastTime) err('ca: time goes backwards within a day');
      lastTime = tm;
      let last = k;
      while (L[last + 1]?.text === '' && L[last + 2] && L[last + 2].text !== '' && !RE.kakaoMsg.test(L[last + 2].text) && !RE.kakaoDivider.test(L[last + 2].text)) last += 2;
      if (L[last + 1] && L[last + 1].text !== '' && !RE.kakaoMsg.test(L[last + 1].text)) err(`ca: line ${last + 1} continues a paragraph`);
      paras(k, last, { firstOpen: true });
      const he = L[k].start + m[1].length;
      pushComment(he + 1, L[last].end, m[2], 0, { start: L[k].start, end: he });
      k = last + 1;
    }
  } else if (layout === 'cb') {
    // name, handle (the same name), date; paragraphs; one empty line between posts.
    const isHead = (q) => RE.name.test(L[q]?.text ?? '') && RE.handle.exec(L[q + 1]?.text ?? '')?.[1] === L[q].text && RE.shortDate.test(L[q + 2]?.text ?? '');
    while (k < n) {
      if (!isHead(k)) err(`cb: bad header at ${k}`);
      let e = k + 3;
      while (e + 1 < n && !(L[e + 1].text === '' && isHead(e + 2))) e++;
      paras(k + 3, e);
      pushComment(L[k + 3].start, L[e].end, L[k].text, 0, headerOf(k, k + 2));
      k = e + 1;
      if (k < n) {
        if (L[k].text !== '' || L[k + 1]?.text === '') err('cb: posts not separated by one empty line');
        k++;
      }
    }
  } else if (layout === 'cc') {
    for (let j = 0; j < SUBSTACK_HEAD.length; j++) {
      if (L[k + j]?.text !== SUBSTACK_HEAD[j]) err('cc: no heading');
      plain(L[k + j], 'footer');
    }
    k += SUBSTACK_HEAD.length;
    if (L[k]?.text !== '' || L[k + 1]?.text === '') err('cc: heading not followed by one empty line');
    k++;
    // the page tail: two empty lines, then its lines
    const tl = SUBSTACK_TAIL.length;
    if (lines(n - tl, n).join('\n') !== SUBSTACK_TAIL.join('\n') || L[n - tl - 1].text !== '' || L[n - tl - 2].text !== '' || L[n - tl - 3].text === '') err('cc: page tail');
    const tailStart = n - tl;
    n = n - tl - 2;
    while (k < n) {
      const col = lead(L[k].text);
      if (col % 4 !== 0 || !RE.name.test(L[k].text.slice(col))) err(`cc: bad name line at ${k}`);
      let h = k + 1;
      if (RE.ssWrites.test(L[h].text) && lead(L[h].text) === col) h++;
      if (!RE.shortDate.test(L[h].text.slice(col)) || lead(L[h].text) !== col) err(`cc: no date line at ${h}`);
      let w = h + 1;
      while (w < n && !(RE.ssLike.test(L[w].text) && lead(L[w].text) === col && L[w + 1]?.text === `${' '.repeat(col)}Reply` && L[w + 2]?.text === `${' '.repeat(col)}Share`)) w++;
      if (w >= n) err('cc: no action lines');
      paras(h + 1, w - 1, { col });
      pushComment(L[h + 1].start + col, L[w - 1].end, L[k].text.slice(col), col / 4, headerOf(k, h));
      for (let o = 0; o < 3; o++) plain(L[w + o], 'footer');
      k = w + 3;
      if (k < n) {
        if (L[k].text !== '' || L[k + 1]?.text === '') err('cc: comments not separated by one empty line');
        k++;
      }
    }
    for (let q = tailStart; q < L.length; q++) plain(L[q], 'footer');
  } else if (layout === 'cd') {
    for (let j = 0; j < DCE_HEAD.length; j++) {
      const t = L[k + j]?.text ?? '';
      if (!(j === 0 || j === 4 ? t === DCE_RULE : /^(?:Guild|Channel|Topic): \S/.test(t))) err('cd: preamble');
      plain(L[k + j], 'footer');
    }
    k += DCE_HEAD.length;
    if (L[k]?.text !== '') err('cd: no empty line after the preamble');
    k++;
    // the postamble: rule, `Exported N message(s)`, rule
    if (L[n - 1].text !== DCE_RULE || !/^Exported \d+ message\(s\)$/.test(L[n - 2].text) || L[n - 3].text !== DCE_RULE) err('cd: postamble');
    const post = n - 3;
    let pinned = 0;
    while (k < post) {
      const m = RE.dceHead.exec(L[k].text);
      if (!m) err(`cd: bad header at ${k}: ${L[k].text.slice(0, 40)}`);
      if (m[8]) pinned++;
      // content: paragraphs until an empty line followed by `{Reactions}` or by a second empty line
      let e = k + 1;
      for (;;) {
        if (L[e]?.text === '' || !L[e]) err('cd: empty content');
        if (L[e + 1]?.text !== '') err(`cd: no empty line after the content at ${e}`);
        if (L[e + 2]?.text === '' || L[e + 2]?.text === '{Reactions}') break;
        e += 2;
      }
      paras(k + 1, e);
      pushComment(L[k + 1].start, L[e].end, m[7], 0, headerOf(k, k));
      let q = e + 2;
      if (L[q].text === '{Reactions}') {
        if (!RE.dceReactions.test(L[q + 1]?.text ?? '') || L[q + 2]?.text !== '') err('cd: bad reactions block');
        plain(L[q], 'footer');
        plain(L[q + 1], 'footer');
        q += 3;
      } else q += 1;
      if (q !== post && !RE.dceHead.test(L[q]?.text ?? '')) err(`cd: message not followed by a message or the postamble at ${q}`);
      k = q;
    }
    if (pinned !== 1) err('cd: not exactly one pinned message');
    for (let q = post; q < n; q++) plain(L[q], 'footer');
  } else if (layout === 'ce') {
    // blocks separated by one empty line; a caption (paragraphs) ends at the byline below it.
    while (k < n) {
      let w = k;
      while (w < n && !RE.igByline.test(L[w].text)) w++;
      if (w >= n) err('ce: text without a byline');
      paras(k, w - 1);
      const m = RE.igByline.exec(L[w].text);
      if (m[3] !== m[2].toLowerCase()) err('ce: handle is not the lower-cased name');
      pushComment(L[k].start, L[w - 1].end, m[2], 0, headerOf(w, w));
      k = w + 1;
      if (k < n) {
        if (L[k].text !== '' || L[k + 1]?.text === '') err('ce: posts not separated by one empty line');
        k++;
      }
    }
  } else if (layout === 'cf') {
    if (L[k]?.text !== CSV_HEADER) err('cf: no CSV header row');
    plain(L[k], 'footer');
    // RFC 4180 reading of the rest: fields separated by commas, quoted fields with doubled quotes
    let p = L[k + 1].start;
    const end = text.length;
    let row = 0;
    while (p < end) {
      const fields = [];
      for (;;) {
        const s = p;
        if (text[p] === '"') {
          p++;
          for (;;) {
            if (p >= end) err('cf: unterminated quote');
            if (text[p] === '"') {
              if (text[p + 1] === '"') p += 2;
              else {
                p++;
                break;
              }
            } else p++;
          }
        } else {
          while (p < end && text[p] !== ',' && text[p] !== '\n') p++;
        }
        fields.push({ start: s, end: p, raw: text.slice(s, p) });
        if (text[p] === ',') {
          p++;
          continue;
        }
        if (text[p] !== '\n') err(`cf: bad field end at ${p}`);
        p++;
        break;
      }
      if (fields.length !== 6) err(`cf: row ${row} has ${fields.length} fields`);
      if (+fields[0].raw !== row || !/^\d+$/.test(fields[1].raw) || !RE.name.test(fields[2].raw) ||
        !/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(fields[3].raw) || !/^\d+$/.test(fields[4].raw)) err(`cf: bad row ${row}`);
      const f = fields[5];
      const quoted = f.raw.startsWith('"');
      const inner = quoted ? f.raw.slice(1, -1) : f.raw;
      if (quoted && /(?<!")"(?!")/.test(inner.replace(/""/g, ''))) err('cf: stray quote');
      if (quoted !== csvNeedsQuotes(inner.replace(/""/g, '"'))) err(`cf: row ${row} quoted ${quoted} against QUOTE_MINIMAL`);
      pushComment(f.start, f.end, fields[2].raw, 0, { start: fields[0].start, end: fields[4].end + 1 });
      row++;
    }
  } else err('layout');
  return rp.records();
}

// The paragraphs of comment record c as in the dataset text: without indentation (cc), without the
// CSV quoting (cf).
function partsOf(p, c) {
  let t = c.text;
  if (p.layout === 'cf' && t.startsWith('"')) {
    if (!t.endsWith('"') || t.length < 2) return ['(bad quoting)'];
    t = t.slice(1, -1).replace(/""/g, '"');
  }
  return t.split(p.page.eol + p.page.eol).map((x) => x.replace(/^ +/, ''));
}

// ---------------------------------------------------------------------------------------------

runBlindSet('n', PAGES, renderPage, {
  layouts: ['ca', 'cb', 'cc', 'cd', 'ce', 'cf'],
  reparse,
  forbidden: /[\u00a0\u202f\u200b\t]/,
  allowParas: (p) => p.page.paras,
  partsOf,
  textChecks: (ctx) => checkEncodingOnly(ctx, { bom: 'ca', crlf: 'cd' }),
  pageChecks: (ctx) => {
    const { p, cs, srcOf, fail } = ctx;
    // the comments are the article's comments 21–40 (positions 20..39)
    const want = p.article.comments.slice(WINDOW_START, WINDOW_START + N_COMMENTS);
    if (p.selected.some((c, j) => c !== want[j])) fail(`${p.doc}: selection is not comments 21–40`);
    for (const c of cs) {
      const src = srcOf.get(c);
      if (!src) continue;
      if (p.layout === 'cb' && c.header.text !== `${src.user}\n${mastodonHandle(src.user)}\n${c.header.text.split('\n')[2]}`) fail(`${p.doc}: #${c.index} header`);
      if (p.layout === 'cc') {
        const ind = ' '.repeat(4 * c.depth);
        const pub = substackPub(src.user);
        const lines = c.header.text.split('\n');
        if (lines.length !== (pub ? 3 : 2) || (pub && lines[1] !== `${ind}Writes ${pub}`)) fail(`${p.doc}: #${c.index} header lines`);
        if (c.text.split('\n\n').slice(1).some((x) => !x.startsWith(ind) || x[ind.length] === ' ')) fail(`${p.doc}: #${c.index} later paragraph not at the indentation`);
      }
      if (p.layout === 'ce' && !c.header.text.startsWith(`A ${igKind(src.user)} posted by ${src.user} (@${src.user.toLowerCase()}) on `)) fail(`${p.doc}: #${c.index} byline`);
      if (p.layout === 'ce' && c.header.start <= c.end) fail(`${p.doc}: #${c.index} byline not after the text`);
    }
    checkWindowParents(ctx);
  },
  summaryTail: (p, cs) => {
    const x = p.extras;
    const span = timeSpan(x);
    const special = {
      ca: `${span}; dividers ${x.dividers}`,
      cb: `${span}; remote handles ${x.remote}`,
      cc: `${span}; max depth ${Math.max(...cs.map((c) => c.depth))}; Writes lines ${x.pubs}; likes ${Math.min(...x.likes)}…${Math.max(...x.likes)} (${x.likes.filter((v) => v > 0).length} with a count); replies with the parent off the page ${p.outside}`,
      cd: `${span}; reaction blocks ${x.reactionBlocks}; pinned #${p.order.indexOf(x.pinned)}`,
      ce: `${span}; videos ${x.videos}`,
      cf: `${span}; quoted ${x.quoted} (with doubled quotes ${x.doubled}); likes ${Math.min(...x.csvLikes)}…${Math.max(...x.csvLikes)}; ids ${x.ids[0]}…${Math.max(...x.ids)}`,
    }[p.layout];
    return `; ${special}` + cappedNote(p);
  },
});
