#!/usr/bin/env node
// Held-out segmentation pages, set P (layouts cm–cr).
//
// Builds tests/heldout-p/pages/*.txt and tests/heldout-p/segment.gold.jsonl from the Fox News
// comments dataset, then re-reads the files from disk and checks them (see tests/heldout-p/README.md).
//
//   node scripts/build-heldout-p-pages.mjs                 # shared dir defaults to <repo>/../shared
//   node scripts/build-heldout-p-pages.mjs /path/to/shared
//
// Plain Node >= 20, no dependencies. It imports scripts/lib/blind-set-kit.mjs (dataset loading,
// slug rule, comment times, paragraph splits, page writer, article part, output, the re-parse frame
// and the layout-independent checks) and keeps its layouts here. Each page takes the article's
// comments 61–80 in dataset order (the six articles used have at least 80), so the comment selection
// and the reply tree are built here (a reply whose addressee's comment is not on the page is shown at
// the top level). It reads nothing but the dataset (fox-news-comments.json and comment-url.txt
// through the kit), reads no clock, and its only randomness is a fixed-seed PRNG, so two runs give
// byte-identical output. Gold offsets are taken while the page text is being written, never by
// searching the finished text.

import {
  DAYS, MONTHS, addresseeComment, checkEncodingOnly, classifier, commentParas, commentTimes, fnv1a,
  layoutRngs, minutesOf, ordinal, pad2, reparser, runBlindSet, wallClock, writeThreadTail,
  cappedNote, N_COMMENTS, commentWindow, threadOrder, checkWindowParents, timeSpan,
} from './lib/blind-set-kit.mjs';

// ---------------------------------------------------------------------------------------------
// Comment selection: comments 61–80 of the article (positions 60..79); every article used here has
// at least 80. Empty texts would be skipped (the dataset has none).

const WINDOW_START = 60;

const selectComments = (article) => commentWindow(article, WINDOW_START);

// ---------------------------------------------------------------------------------------------
// Fixed words of the layouts

// The pages are imagined as copied in September 2024: ages in whole years since the article date.
const COPY_YEAR = 2024;
const COPY_MONTH = 9;
const yearsSince = (d) => COPY_YEAR - d.y - (COPY_MONTH < d.m ? 1 : 0);

// cm: an Excel copy (tab-separated, header row, CRLF), rows 61–80 of a comment export.
const XL_HEAD = ['Row', 'Name', 'Date', 'Likes', 'Comment'];
// cn: Reddit (2023+ "shreddit" UI) copy.
const RD_HEAD = ['Sort by:', 'Best', 'Search Comments'];
const RD_TAIL = ['View more comments'];
const RD_ACTIONS = ['Reply', 'Award', 'Share'];
// co: Disqus (2020s embed) on a news site, nested by indentation (2 spaces a level).
const DQ_SORT = 'Best Newest Oldest';
const DQ_TAIL = ['Load more comments'];
const DQ_INDENT = 2;
// cp: a news app on a phone (copied with the action buttons' accessibility labels).
const APP_HEAD = (total) => ['Conversation', `${total} comments`, 'Sort: Oldest'];
const APP_TAIL = ['Show more comments'];
// cq: a Google Docs clipping file downloaded as plain text (BOM).
const DOC_HEAD = (a, sel) => [`Reader comments on foxnews.com, nos. ${sel[0].pos + 1}\u2013${sel[sel.length - 1].pos + 1} of ${a.comments.length}`, 'Clipped 11 September 2024 (likes as shown that day)'];
// cr: WordPress comment moderation e-mails (the core "Please moderate" text), one after another.
const WP_SITE = 'https://readers.example.org';
const WP_ID_BASE = 48210;
const WP_IPS = ['192.0.2', '198.51.100', '203.0.113'];

const PAGES = [
  { layout: 'cm', article: 'German lawmakers', eol: '\r\n', bom: false, nested: false, paras: false, gaps: [2, 40],
    dateline: (d) => `${d.y}-${pad2(d.m)}-${pad2(d.d)}T06:00:00-04:00`,
    before: [], bodyParas: 1,
    after: [['caption', 'The plenary chamber of the Bundestag in Berlin. (Image: Wikimedia Commons/CC BY-SA 4.0)'], ['source', 'Content courtesy of Fox News']] },
  { layout: 'cn', article: 'Texas, 12 states', eol: '\n', bom: false, nested: false, paras: true, gaps: [2, 40],
    dateline: (d) => `Posted on ${MONTHS[d.m - 1]} ${d.d}, ${d.y}`,
    before: [], bodyParas: 1,
    after: [['caption', 'A gender-neutral restroom sign. (Courtesy: iStock)'], ['source', 'Republished from Fox News']] },
  { layout: 'co', article: 'Confederate flag', eol: '\n', bom: false, nested: true, cap: 4, paras: true, gaps: [2, 40],
    dateline: (d) => `${ordinal(d.d)} of ${MONTHS[d.m - 1]}, ${d.y}`,
    before: [['caption', 'The Confederate battle flag at the South Carolina Statehouse in Columbia. Picture: AP/File']], bodyParas: 1,
    after: [['source', 'Courtesy of FoxNews.com']] },
  { layout: 'cp', article: 'Fury as feminist', eol: '\n', bom: false, nested: false, paras: true, gaps: [3, 50],
    dateline: (d) => `${DAYS[d.wd]}, ${pad2(d.d)}.${pad2(d.m)}.${d.y}`,
    before: [], bodyParas: 1,
    after: [['caption', 'An alligator warning sign near a lagoon. (Photo: Alamy Stock Photo)'], ['source', 'Read more at Fox News']] },
  { layout: 'cq', article: 'Supreme Court has spoken', eol: '\n', bom: true, nested: false, paras: true, gaps: [3, 50],
    dateline: (d) => `${d.d} ${MONTHS[d.m - 1]} ${d.y} | 06:00 EDT`,
    before: [], bodyParas: 2,
    after: [['caption', 'Students on a university campus. Photograph: Shutterstock'], ['source', 'From FoxNews.com Opinion']] },
  { layout: 'cr', article: 'States moving', eol: '\n', bom: false, nested: false, paras: true, gaps: [3, 50],
    dateline: (d) => `${DAYS[d.wd].slice(0, 3)}., ${MONTHS[d.m - 1]} ${d.d}, ${d.y}`,
    before: [], bodyParas: 1,
    after: [['caption', 'A shopper pays with an EBT card at a grocery store. Photo credit: Reuters/File'], ['source', 'This story was first reported by Fox News.']] },
];

// Date formats (w: wallClock parts).
// Excel's default display of a date-time cell in the US locale: m/d/yyyy h:mm.
const excelStamp = (w) => `${w.m}/${w.d}/${w.y} ${w.hh}:${pad2(w.mm)}`;
// The clipping file's bylines: dd/mm/yyyy hh:mm.
const docStamp = (w) => `${pad2(w.d)}/${pad2(w.m)}/${w.y} ${pad2(w.hh)}:${pad2(w.mm)}`;

// Shapes of the layouts' furniture (also used by the re-parse).
const RE = {
  name: /^[A-Za-z0-9_]+$/,
  xlRow: /^(\d+)\t([A-Za-z0-9_]+)\t(\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d\d)\t(\d+)\t(\S.*)$/,
  rdAge: /^\d+y ago$/,
  rdScore: /^(?:-?\d+|Vote)$/,
  rdMore: /^(?:1 more reply|[2-9]\d* more replies|1\d+ more replies)$/,
  dqAge: /^\d+ years? ago(?: edited)?$/,
  dqVotes: /^\u25b2(?: [1-9]\d*)? \u25bc \u2022 Reply \u2022 Share \u203a$/,
  appAge: /^\d+y$/,
  appUp: /^Thumbs up, \d+$/,
  appDown: /^Thumbs down, \d+$/,
  appReplies: /^Show (?:1 reply|[2-9]\d* replies|1\d+ replies)$/,
  docByline: /^\(([A-Za-z0-9_]+), \d\d\/\d\d\/\d{4} \d\d:\d\d, (?:1 like|\d+ likes)\)$/,
  wpNew: /^A new comment on the post ".*" is waiting for your approval$/,
  wpAuthor: /^Author: ([A-Za-z0-9_]+) \(IP address: ([\d.]+), ([\d.]+)\)$/,
  wpAction: /^(?:Approve it|Trash it|Spam it): https:\/\/\S+$/,
  wpCurrently: /^Currently \d+ comments? (?:is|are) waiting for approval\. Please visit the moderation panel:$/,
};

// Per layout: shapes its grammar would read as furniture; no paragraph may match one.
const FURNITURE = {
  cm: [/\t/],
  cn: [RE.name, /^\u2022$/, RE.rdAge, RE.rdScore, RE.rdMore, /^(?:Reply|Award|Share)$/, /^View more comments$/],
  co: [RE.name, RE.dqAge, RE.dqVotes, /^Load more comments$/, /^\s/],
  cp: [RE.name, RE.appAge, RE.appUp, RE.appDown, RE.appReplies, /^Reply$/, /^Show more comments$/],
  cq: [RE.docByline, /^\(/],
  cr: [RE.wpNew, /^https?:\/\//, RE.wpAuthor, /^(?:Email|URL|In reply to|Comment):/, RE.wpAction, RE.wpCurrently],
};

const wpMail = (user) => `${user.toLowerCase()}@example.${['org', 'com', 'net'][fnv1a(`mail:${user}`) % 3]}`;
const wpIp = (c) => {
  const h = fnv1a(`ip:${c.user}`);
  return `${WP_IPS[h % 3]}.${1 + ((h >>> 4) % 254)}`;
};

// ---------------------------------------------------------------------------------------------
// Page b after its article part (runBlindSet writes that): thread heading, comments, tails.

function renderPage(b, page, pageNo, article) {
  const { doc } = b;
  const d = article.date;
  const { selected, order, capped, outside, indexOf } = threadOrder(article, page, selectComments(article));
  const { rng, counts } = layoutRngs('p', page.layout);
  const times = commentTimes(selected, minutesOf(d.y, d.m, d.d, 6, 5 + Math.floor(rng() * 45)), rng, () => page.gaps);
  const extras = { firstTime: null, lastTime: null, likes: 0, votes: 0, vote: 0, negative: 0, more: 0, edited: 0, inReply: 0 };
  // the whole article's reply counts (for the `N more replies` / `Show N replies` lines)
  const repliesTo = new Map();
  for (const c of article.comments) {
    const a = addresseeComment(article, c);
    if (a) repliesTo.set(a, (repliesTo.get(a) ?? 0) + 1);
  }
  const years = yearsSince(d);

  // Thread heading
  if (page.layout === 'cm') {
    b.line('footer', XL_HEAD.join('\t'));
  } else if (page.layout === 'cn') {
    for (const l of RD_HEAD) b.line('footer', l);
    b.nl();
  } else if (page.layout === 'co') {
    b.line('footer', `${article.comments.length} Comments`);
    b.line('footer', DQ_SORT);
    b.nl();
  } else if (page.layout === 'cp') {
    for (const l of APP_HEAD(article.comments.length)) b.line('footer', l);
    b.nl();
  } else if (page.layout === 'cq') {
    for (const l of DOC_HEAD(article, selected)) b.line('footer', l);
    b.nl();
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
    const last = i === order.length - 1;
    const nr = repliesTo.get(c) ?? 0;
    let hdr;
    let span;
    switch (page.layout) {
      case 'cm': {
        // Excel row: row number, name, date, likes, comment; one line, tab-separated.
        const r = counts();
        const likes = Math.floor(r * r * r * 60);
        const h = b.write(`${c.pos + 1}\t${c.user}\t${excelStamp(w)}\t${likes}`);
        hdr = b.span(h.start, h.end);
        b.write('\t');
        span = b.paras(ps, { firstOpen: true });
        b.nl();
        break;
      }
      case 'cn': {
        // Reddit (2023+): name, a lone `•`, `8y ago`; the text; score (or `Vote`), Reply, Award,
        // Share; [`N more replies`].
        if (i > 0) b.nl();
        hdr = b.headerBlock([c.user, '\u2022', `${years}y ago`]);
        span = b.paras(ps);
        b.nl();
        const r = counts();
        let score = Math.floor(r * r * r * 90);
        if (counts() < 0.15) score = -1 - Math.floor(counts() * 6);
        if (score < 0) extras.negative++;
        if (score === 0) extras.vote++;
        b.line('footer', score === 0 ? 'Vote' : String(score));
        for (const l of RD_ACTIONS) b.line('footer', l);
        if (nr > 0) {
          b.line('footer', nr === 1 ? '1 more reply' : `${nr} more replies`);
          extras.more++;
        }
        break;
      }
      case 'co': {
        // Disqus (2020s): name, age [edited] at the comment's indentation; the text; the vote line
        // `▲ 12 ▼ • Reply • Share ›` (no number at 0).
        if (i > 0) b.nl();
        const ind = ' '.repeat(DQ_INDENT * depth);
        const edited = counts() < 0.15;
        if (edited) extras.edited++;
        hdr = b.headerBlock([c.user, `${years} year${years === 1 ? '' : 's'} ago${edited ? ' edited' : ''}`], ind);
        span = b.paras(ps, { indent: ind });
        b.nl();
        const r = counts();
        const votes = Math.floor(r * r * r * 40);
        if (votes > 0) extras.votes++;
        b.line('footer', `\u25b2${votes > 0 ? ` ${votes}` : ''} \u25bc \u2022 Reply \u2022 Share \u203a`, ind);
        break;
      }
      case 'cp': {
        // Phone app: name, `8y`; the text; `Thumbs up, N`, `Thumbs down, N`, `Reply`, [`Show N replies`].
        if (i > 0) b.nl();
        hdr = b.headerBlock([c.user, `${years}y`]);
        span = b.paras(ps);
        b.nl();
        const r = counts();
        const up = Math.floor(r * r * r * 150);
        const r2 = counts();
        const down = Math.floor(r2 * r2 * r2 * 30);
        if (up > 0) extras.likes++;
        b.line('footer', `Thumbs up, ${up}`);
        b.line('footer', `Thumbs down, ${down}`);
        b.line('footer', 'Reply');
        if (nr > 0) {
          b.line('footer', nr === 1 ? 'Show 1 reply' : `Show ${nr} replies`);
          extras.more++;
        }
        break;
      }
      case 'cq': {
        // Clipping file: the text, then the byline `(user, dd/mm/yyyy hh:mm, N likes)` on the next line.
        if (i > 0) b.nl();
        span = b.paras(ps);
        b.nl();
        const r = counts();
        const likes = Math.floor(r * r * r * 50);
        hdr = b.headerBlock([`(${c.user}, ${docStamp(w)}, ${likes === 1 ? '1 like' : `${likes} likes`})`]);
        break;
      }
      case 'cr': {
        // WordPress moderation e-mail: the notice and the permalink; Author, Email, URL, [In reply to],
        // Comment:; the text; the three action links, the waiting count and the panel link.
        if (i > 0) b.nl(2);
        b.line('footer', `A new comment on the post "${article.title}" is waiting for your approval`);
        b.line('footer', `${WP_SITE}/${d.y}/${pad2(d.m)}/${pad2(d.d)}/${article.slug}/`);
        b.nl();
        const ip = wpIp(c);
        const par = addresseeComment(article, c);
        if (par) extras.inReply++;
        hdr = b.headerBlock([
          `Author: ${c.user} (IP address: ${ip}, ${ip})`,
          `Email: ${wpMail(c.user)}`,
          'URL:',
          ...(par ? [`In reply to: ${WP_SITE}/wp-admin/comment.php?action=editcomment&c=${WP_ID_BASE + par.pos}#wpbody-content`] : []),
          'Comment:',
        ]);
        span = b.paras(ps);
        b.nl(2);
        const id = WP_ID_BASE + c.pos;
        for (const a of ['approve', 'trash', 'spam']) {
          const label = { approve: 'Approve it', trash: 'Trash it', spam: 'Spam it' }[a];
          b.line('footer', `${label}: ${WP_SITE}/wp-admin/comment.php?action=${a}&c=${id}#wpbody-content`);
        }
        const waiting = i + 1;
        b.line('footer', `Currently ${waiting} ${waiting === 1 ? 'comment is' : 'comments are'} waiting for approval. Please visit the moderation panel:`);
        b.line('footer', `${WP_SITE}/wp-admin/edit-comments.php?comment_status=moderated#wpbody-content`);
        break;
      }
      default:
        throw new Error(page.layout);
    }
    b.comment({ index: i, author: c.user, depth, parent }, span, hdr);
  });

  // Tails
  if (page.layout === 'cn') writeThreadTail(b, RD_TAIL, article);
  else if (page.layout === 'co') writeThreadTail(b, DQ_TAIL, article);
  else if (page.layout === 'cp') writeThreadTail(b, APP_TAIL, article);
  if (b.s.endsWith(page.eol + page.eol)) throw new Error(`${doc}: page ends with an empty line`);
  return { doc, layout: page.layout, page, article, text: b.s, recs: b.sortedRecords(), order, selected, capped, outside, extras };
}

// ---------------------------------------------------------------------------------------------
// Checks on the files as re-read from disk

const MONTH_RE = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const DAY_RE = '(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)';
const ARTICLE_KIND = [
  ['dateline', new RegExp(`^(?:\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d-04:00|Posted on ${MONTH_RE} \\d{1,2}, \\d{4}|\\d{1,2}(?:st|nd|rd|th) of ${MONTH_RE}, \\d{4}|${DAY_RE}, \\d\\d\\.\\d\\d\\.\\d{4}|\\d{1,2} ${MONTH_RE} \\d{4} \\| 06:00 EDT|(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat)\\., ${MONTH_RE} \\d{1,2}, \\d{4})$`)],
  ['caption', /\(Image: Wikimedia Commons\/CC BY-SA 4\.0\)$|\(Courtesy: iStock\)$| Picture: AP\/File$|\(Photo: Alamy Stock Photo\)$| Photograph: Shutterstock$| Photo credit: Reuters\/File$/],
  ['source', /^(?:Content courtesy of Fox News|Republished from Fox News|Courtesy of FoxNews\.com|Read more at Fox News|From FoxNews\.com Opinion|This story was first reported by Fox News\.)$/],
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
  // The end of a thread whose tail `tail` (lines) follows after one empty line.
  const tailStart = (tail) => {
    const tl = tail.length;
    if (L.slice(n - tl).map((l) => l.text).join('\n') !== tail.join('\n') || L[n - tl - 1].text !== '' || L[n - tl - 2].text === '') err('thread tail');
    return n - tl - 1;
  };
  const heading = (lines) => {
    lines.forEach((want, j) => {
      if (!want.test(L[k + j]?.text ?? '')) err(`heading line ${j}`);
      plain(L[k + j], 'footer');
    });
    k += lines.length;
  };

  if (layout === 'cm') {
    if (L[k]?.text !== XL_HEAD.join('\t')) err('cm: no header row');
    plain(L[k], 'footer');
    k++;
    let lastRow = 0;
    for (; k < n; k++) {
      const m = RE.xlRow.exec(L[k].text);
      if (!m) err(`cm: bad row ${k}: ${L[k].text.slice(0, 40)}`);
      if (+m[1] <= lastRow) err('cm: row numbers not increasing');
      lastRow = +m[1];
      const he = L[k].start + L[k].text.length - m[5].length - 1;
      pushComment(he + 1, L[k].end, m[2], 0, { start: L[k].start, end: he });
    }
  } else if (layout === 'cn') {
    heading([/^Sort by:$/, /^Best$/, /^Search Comments$/]);
    if (L[k]?.text !== '') err('cn: heading gap');
    k++;
    const end = tailStart(RD_TAIL);
    // the widget: score, Reply, Award, Share
    const isWidget = (q) => RE.rdScore.test(L[q]?.text ?? '') && RD_ACTIONS.every((a, j) => L[q + 1 + j]?.text === a);
    while (k < end) {
      if (!RE.name.test(L[k].text) || L[k + 1]?.text !== '\u2022' || !RE.rdAge.test(L[k + 2]?.text ?? '')) err(`cn: bad header at ${k}`);
      const s = k + 3;
      const e = textEnd(s, (q) => !isWidget(q));
      if (!isWidget(e + 1)) err(`cn: no widget after the text at ${e}`);
      paras(s, e);
      pushComment(L[s].start, L[e].end, L[k].text, 0, headerOf(k, k + 2));
      let q = e + 1;
      for (let j = 0; j < 4; j++) plain(L[q + j], 'footer');
      q += 4;
      if (RE.rdMore.test(L[q]?.text ?? '')) {
        plain(L[q], 'footer');
        q++;
      }
      k = q;
      if (k < end) {
        if (L[k].text !== '' || L[k + 1]?.text === '') err('cn: comments not separated by one empty line');
        k++;
      }
    }
    for (let q = end + 1; q < n; q++) plain(L[q], 'footer');
  } else if (layout === 'co') {
    heading([/^\d+ Comments$/, new RegExp(`^${DQ_SORT}$`)]);
    if (L[k]?.text !== '') err('co: heading gap');
    k++;
    const end = tailStart(DQ_TAIL);
    while (k < end) {
      const col = lead(L[k].text);
      if (col % DQ_INDENT !== 0 || !RE.name.test(L[k].text.slice(col))) err(`co: bad name line at ${k}`);
      if (!RE.dqAge.test(L[k + 1].text.slice(col)) || lead(L[k + 1].text) !== col) err(`co: no age line at ${k + 1}`);
      const isVotes = (q) => lead(L[q].text) === col && RE.dqVotes.test(L[q].text.slice(col));
      const s = k + 2;
      const e = textEnd(s, (q) => !isVotes(q));
      if (!isVotes(e + 1)) err(`co: no vote line after ${e}`);
      paras(s, e, { col });
      pushComment(L[s].start + col, L[e].end, L[k].text.slice(col), col / DQ_INDENT, headerOf(k, k + 1));
      plain(L[e + 1], 'footer');
      k = e + 2;
      if (k < end) {
        if (L[k].text !== '' || L[k + 1]?.text === '') err('co: comments not separated by one empty line');
        k++;
      }
    }
    plain(L[n - 1], 'footer');
  } else if (layout === 'cp') {
    heading([/^Conversation$/, /^\d+ comments$/, /^Sort: Oldest$/]);
    if (L[k]?.text !== '') err('cp: heading gap');
    k++;
    const end = tailStart(APP_TAIL);
    const isWidget = (q) => RE.appUp.test(L[q]?.text ?? '') && RE.appDown.test(L[q + 1]?.text ?? '') && L[q + 2]?.text === 'Reply';
    while (k < end) {
      if (!RE.name.test(L[k].text) || !RE.appAge.test(L[k + 1]?.text ?? '')) err(`cp: bad header at ${k}`);
      const s = k + 2;
      const e = textEnd(s, (q) => !isWidget(q));
      if (!isWidget(e + 1)) err(`cp: no widget after ${e}`);
      paras(s, e);
      pushComment(L[s].start, L[e].end, L[k].text, 0, headerOf(k, k + 1));
      let q = e + 1;
      for (let j = 0; j < 3; j++) plain(L[q + j], 'footer');
      q += 3;
      if (RE.appReplies.test(L[q]?.text ?? '')) {
        plain(L[q], 'footer');
        q++;
      }
      k = q;
      if (k < end) {
        if (L[k].text !== '' || L[k + 1]?.text === '') err('cp: comments not separated by one empty line');
        k++;
      }
    }
    plain(L[n - 1], 'footer');
  } else if (layout === 'cq') {
    heading([/^Reader comments on foxnews\.com, nos\. \d+\u2013\d+ of \d+$/, /^Clipped \d+ \w+ \d{4} \(likes as shown that day\)$/]);
    if (L[k]?.text !== '') err('cq: heading gap');
    k++;
    while (k < n) {
      const s = k;
      let u = s;
      while (u < n && !RE.docByline.test(L[u].text)) u++;
      if (u >= n) err('cq: no byline');
      paras(s, u - 1);
      pushComment(L[s].start, L[u - 1].end, RE.docByline.exec(L[u].text)[1], 0, headerOf(u, u));
      k = u + 1;
      if (k < n) {
        if (L[k].text !== '' || L[k + 1]?.text === '') err('cq: clippings not separated by one empty line');
        k++;
      }
    }
  } else if (layout === 'cr') {
    while (k < n) {
      if (!RE.wpNew.test(L[k].text) || !/^https:\/\/\S+\/$/.test(L[k + 1]?.text ?? '') || L[k + 2]?.text !== '') err(`cr: bad notice at ${k}`);
      plain(L[k], 'footer');
      plain(L[k + 1], 'footer');
      const h = k + 3;
      const m = RE.wpAuthor.exec(L[h]?.text ?? '');
      if (!m || m[2] !== m[3]) err(`cr: bad Author line at ${h}`);
      if (!/^Email: \S+@\S+$/.test(L[h + 1]?.text ?? '') || L[h + 2]?.text !== 'URL:') err(`cr: bad Email/URL at ${h + 1}`);
      let c = h + 3;
      if (/^In reply to: https:\/\/\S+$/.test(L[c]?.text ?? '')) c++;
      if (L[c]?.text !== 'Comment:') err(`cr: no Comment: line at ${c}`);
      const s = c + 1;
      const e = textEnd(s, (q) => !RE.wpAction.test(L[q].text));
      paras(s, e);
      pushComment(L[s].start, L[e].end, m[1], 0, headerOf(h, c));
      if (L[e + 1]?.text !== '') err('cr: no empty line after the text');
      let q = e + 2;
      for (const lab of ['Approve it', 'Trash it', 'Spam it']) {
        if (!RE.wpAction.test(L[q]?.text ?? '') || !L[q].text.startsWith(`${lab}: `)) err(`cr: no ${lab} line at ${q}`);
        plain(L[q], 'footer');
        q++;
      }
      if (!RE.wpCurrently.test(L[q]?.text ?? '') || !/^https:\/\/\S+$/.test(L[q + 1]?.text ?? '')) err(`cr: no waiting count at ${q}`);
      plain(L[q], 'footer');
      plain(L[q + 1], 'footer');
      k = q + 2;
      if (k < n) {
        if (L[k].text !== '' || L[k + 1]?.text !== '' || L[k + 2]?.text === '') err('cr: mails not separated by two empty lines');
        k += 2;
      }
    }
  } else err('layout');
  return rp.records();
}

// The paragraphs of comment record c as in the dataset text (on co without the indentation).
function partsOf(p, c) {
  return c.text.split(p.page.eol + p.page.eol).map((x) => x.replace(/^ +/, ''));
}

// ---------------------------------------------------------------------------------------------

runBlindSet('p', PAGES, renderPage, {
  layouts: ['cm', 'cn', 'co', 'cp', 'cq', 'cr'],
  reparse,
  tabs: true,
  forbidden: /[\u00a0\u202f\u200b]/,
  allowParas: (p) => p.page.paras,
  partsOf,
  textChecks: (ctx) => {
    checkEncodingOnly(ctx, { bom: 'cq', crlf: 'cm' });
    const { p, text, fail } = ctx;
    // tabs only on cm, and only between fields (never at a line start or end)
    if (p.layout !== 'cm' && text.includes('\t')) fail(`${p.doc}: tab`);
    if (p.layout === 'cm' && /^\t|\t\r?$/m.test(text)) fail(`${p.doc}: tab at a line start or end`);
  },
  pageChecks: (ctx) => {
    const { p, cs, srcOf, fail } = ctx;
    // the comments are the article's comments 61–80 (positions 60..79)
    const want = p.article.comments.slice(WINDOW_START, WINDOW_START + N_COMMENTS);
    if (p.selected.length !== N_COMMENTS || p.selected.some((c, j) => c !== want[j])) fail(`${p.doc}: selection is not comments 61–80`);
    for (const c of cs) {
      const src = srcOf.get(c);
      if (!src) continue;
      if (!c.header.text.includes(src.user)) fail(`${p.doc}: #${c.index} header without the author`);
      if (p.layout === 'cq' && c.header.start <= c.end) fail(`${p.doc}: #${c.index} byline not after the text`);
      if (p.layout !== 'cq' && c.header.end > c.start) fail(`${p.doc}: #${c.index} header not before the text`);
      if (p.layout === 'cm' && !c.header.text.startsWith(`${src.pos + 1}\t${src.user}\t`)) fail(`${p.doc}: #${c.index} row number`);
      // cr: `In reply to:` exactly when the addressee has an earlier comment in the article
      if (p.layout === 'cr') {
        const par = addresseeComment(p.article, src);
        const line = c.header.text.split('\n').find((l) => l.startsWith('In reply to: '));
        if ((par !== null) !== (line !== undefined) || (par && !line.includes(`&c=${WP_ID_BASE + par.pos}#`))) fail(`${p.doc}: #${c.index} In reply to`);
      }
    }
    // co: later paragraphs at the comment's indentation (2 spaces a level)
    if (p.layout === 'co') {
      for (const c of cs) {
        const ind = ' '.repeat(DQ_INDENT * c.depth);
        if (c.text.split('\n\n').slice(1).some((x) => !x.startsWith(ind) || x[ind.length] === ' ')) fail(`${p.doc}: #${c.index} later paragraph not at the comment's indent`);
      }
    }
    checkWindowParents(ctx);
    if (p.page.nested && cs.filter((c) => c.depth >= 1).length < 5) fail(`${p.doc}: fewer than 5 replies`);
  },
  summaryTail: (p, cs) => {
    const x = p.extras;
    const span = timeSpan(x);
    const special = {
      cm: span,
      cn: `${span}; Vote lines ${x.vote}; negative scores ${x.negative}; more-replies lines ${x.more}`,
      co: `${span}; max depth ${Math.max(...cs.map((c) => c.depth))}; vote lines with a number ${x.votes}; edited ${x.edited}; replies with the parent off the page ${p.outside}`,
      cp: `${span}; Show-replies lines ${x.more}`,
      cq: span,
      cr: `${span}; In reply to lines ${x.inReply}`,
    }[p.layout];
    return `; ${special}` + cappedNote(p);
  },
});
