#!/usr/bin/env node
// Held-out segmentation pages, set T (layouts dk–dp).
//
// Builds tests/heldout-t/pages/*.txt and tests/heldout-t/segment.gold.jsonl from the Fox News
// comments dataset, then re-reads the files from disk and checks them (see tests/heldout-t/README.md).
//
//   node scripts/build-heldout-t-pages.mjs                 # shared dir defaults to <repo>/../shared
//   node scripts/build-heldout-t-pages.mjs /path/to/shared
//
// Plain Node >= 20, no dependencies. It imports scripts/lib/blind-set-kit.mjs (dataset loading,
// slug rule, comment window, reply tree, comment times, paragraph splits, page writer, article part,
// output, the re-parse frame and the layout-independent checks) and keeps its layouts here. Each
// page takes 20 comments of one article in dataset order: comments 141–160 (file positions
// 140..159) of ICE, First lady, Navy and Fury; Texas's window 141–160 is rejected by the kit (a
// U+FEFF inside the text at position 150), so Texas gives comments 161–180; the sixth page is a
// second Navy window, comments 161–180. Because two pages share the Navy article, this script has
// its own main flow (the kit's runBlindSet allows one page per article and names every doc
// "<slug>-<set>"): the docs are "<slug>-t", and "<slug>-t2" for the second Navy page. It reads
// nothing but the dataset, reads no clock, and its only randomness is a fixed-seed PRNG, so two runs
// give byte-identical output. Gold offsets are taken while the page text is being written, never by
// searching the finished text.

import fs from 'node:fs';
import path from 'node:path';
import {
  MONTHS, SHORT_MONTHS, SHORT_DAYS, addresseeComment, addresseeOf, cappedNote,
  checkWindowParents, classifier, commentParas, commentTimes, commentWindow, layoutRngs,
  minutesOf, N_COMMENTS, pad2, reparser, runBlindSet, threadOrder, timeSpan, wallClock, h12,
  ampm, thousands,
  timeBounds, commentPusher,
} from './lib/blind-set-kit.mjs';

// A whole number in [lo, hi] from a PRNG.
const between = (rng, lo, hi) => lo + Math.floor(rng() * (hi - lo + 1));

// ---------------------------------------------------------------------------------------------
// Fixed words of the layouts

// dk: the history of a Telegram group printed by telegram-cli (vysheng/tg) in a terminal, copied.
const TG_CHAT = 'Fox_News_Talk';
const TG_ADMIN = 'Jordan_Ellis';
const TG_BANNER = [
  'Telegram-cli version 1.3.3, Copyright (C) 2013-2015 Vitaly Valtman',
  "Telegram-cli comes with ABSOLUTELY NO WARRANTY; for details type `show_license'.",
  'This is free software, and you are welcome to redistribute it',
  "under certain conditions; type `show_license' for details.",
  'Telegram-cli uses libtgl version 2.1.0',
  'I: config dir=[/home/jordan/.telegram-cli]',
];
const TG_QUIT = '> safe_quit';
// The users (by order of first message on the page) whom the admin adds just before their first message.
const TG_ADDED = [2, 7, 12];
// dl: a Notion database of comments exported as Markdown, one file a comment, joined with cat.
const NT_PROPS = ['Author', 'Posted', 'Likes', 'Reply to', 'Coded'];
// dm: the comment API's answer for one page of the thread, saved as YAML with PyYAML.
const YM_CAP = 5;
const YM_STEP = 2;
// dn: replies to the publisher's post, copied from the X (Twitter) web page.
const X_PUBLISHER = 'FoxNews';
const X_HEAD = ['Post your reply', 'Reply'];
const X_TAIL = ['Show additional replies, including those that may contain offensive content', 'Show'];
const X_DOT = '\u00b7';
// do: a Storify story of reader comments, copied from its web page.
const SF_CURATOR = 'jordanellis';
const SF_TAIL = 'Made with Storify';
// dp: a corpus file in a corpus manager's input format (one <doc> structure per comment).
const CP_ARTICLE_ID = (a) => `foxnews-${a.date.y}${pad2(a.date.m)}${pad2(a.date.d)}-${a.index}`;

// The comment windows: file position of the first comment (commentWindow(article, start)).
const PAGES = [
  { layout: 'dk', article: 'Fury as feminist', start: 140, suffix: 't', eol: '\n', bom: false, nested: false, paras: true, gaps: [1, 12],
    dateline: (d) => `${d.d} ${MONTHS[d.m - 1]} ${d.y} 10:00 UTC`,
    before: [], bodyParas: 1,
    after: [['caption', 'The shore of a resort lagoon near Orlando. Image rights: Alamy'], ['source', 'Cited from FoxNews.com']] },
  { layout: 'dl', article: 'ICE program', start: 140, suffix: 't', eol: '\n', bom: false, nested: false, paras: true, gaps: [2, 40],
    dateline: (d) => `${MONTHS[d.m - 1]} ${d.d}, ${d.y} 6:00 AM`,
    before: [['caption', 'Immigration officers during an arrest. Photo by ICE via Flickr']], bodyParas: 2,
    after: [['source', 'Imported from FoxNews.com']] },
  { layout: 'dm', article: 'Navy names ship', start: 160, suffix: 't2', eol: '\n', bom: false, nested: true, cap: YM_CAP, paras: true, gaps: [2, 40],
    dateline: (d) => `${d.y}-${pad2(d.m)}-${pad2(d.d)} 06:00:00`,
    before: [], bodyParas: 2,
    after: [['caption', 'A Navy supply ship under way in the Pacific. Photo: Mass Communication Specialist (U.S. Navy)'], ['source', 'Retrieved from FoxNews.com']] },
  // Texas: no comment of this window reaches 160 characters, so the kit's rule splits none.
  { layout: 'dn', article: 'Texas, 12 states', start: 160, suffix: 't', eol: '\n', bom: false, nested: false, paras: false, gaps: [1, 30],
    dateline: (d) => `6:00 AM ${X_DOT} ${SHORT_MONTHS[d.m - 1]} ${d.d}, ${d.y}`,
    before: [], bodyParas: 1,
    after: [['caption', 'A restroom sign at a public school. Image posted by @FoxNews'], ['source', 'Tweeted by Fox News']] },
  { layout: 'do', article: 'Navy names ship', start: 140, suffix: 't', eol: '\n', bom: false, nested: false, paras: true, gaps: [3, 50],
    dateline: (d) => `${SHORT_DAYS[d.wd]} ${SHORT_MONTHS[d.m - 1]} ${String(d.d).padStart(2, ' ')} 06:00:00 EDT ${d.y}`,
    before: [], bodyParas: 1,
    after: [['caption', 'Harvey Milk at City Hall in 1978. Image: Bettmann/Getty'], ['source', 'Curated from Fox News']] },
  { layout: 'dp', article: 'First lady Obama', start: 140, suffix: 't', eol: '\n', bom: false, nested: false, paras: true, gaps: [2, 40],
    dateline: (d) => `${d.y}${pad2(d.m)}${pad2(d.d)}`,
    before: [], bodyParas: 1,
    after: [['caption', 'The first lady at a commencement ceremony. (White House photo)'], ['source', 'Corpus source: foxnews.com']] },
];

// Time formats (w: wallClock parts; s: seconds).
const tgStamp = (w) => `[${w.d} ${SHORT_MONTHS[w.m - 1]} ${pad2(w.hh)}:${pad2(w.mm)}]`;
const ntDate = (w) => `${MONTHS[w.m - 1]} ${w.d}, ${w.y} ${h12(w.hh)}:${pad2(w.mm)} ${ampm(w.hh)}`;
const ymDate = (w, s) => `${w.y}-${pad2(w.m)}-${pad2(w.d)} ${pad2(w.hh)}:${pad2(w.mm)}:${pad2(s)}`;
const xDate = (w) => `${SHORT_MONTHS[w.m - 1]} ${w.d}, ${w.y}`;
const sfDate = (w, s) => `${SHORT_DAYS[w.wd]}, ${SHORT_MONTHS[w.m - 1]} ${pad2(w.d)} ${w.y} ${pad2(w.hh)}:${pad2(w.mm)}:${pad2(s)}`;

// Shapes of the layouts' furniture (also used by the re-parse).
const MONTH_RE = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const SMONTH_RE = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const SDAY_RE = '(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat)';
const NAME = '[A-Za-z0-9_]+';
const RE = {
  name: new RegExp(`^${NAME}$`),
  tgStamp: new RegExp(`^\\[\\d{1,2} ${SMONTH_RE} \\d\\d:\\d\\d\\]`),
  tgMsg: new RegExp(`^(\\[(\\d{1,2}) (${SMONTH_RE}) (\\d\\d):(\\d\\d)\\]  ${TG_CHAT} (${NAME}) >>>) (.*)$`),
  tgAdd: new RegExp(`^\\[(\\d{1,2}) (${SMONTH_RE}) (\\d\\d):(\\d\\d)\\]  ${TG_CHAT} ${TG_ADMIN} added user (${NAME})$`),
  tgHistory: new RegExp(`^> history ${TG_CHAT} (\\d+)$`),
  ntHeading: /^# Comment (\d+)$/,
  ntProp: /^(Author|Posted|Likes|Reply to|Coded): (.+)$/,
  ntDate: new RegExp(`^${MONTH_RE} \\d{1,2}, \\d{4} \\d{1,2}:\\d\\d [AP]M$`),
  ymTop: /^(article|url|total_comments|offset|limit): \S.*$/,
  ymId: /^( *)- id: (\d+)$/,
  ymKey: /^(author|posted|likes|text|replies): ?(.*)$/,
  ymPosted: /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/,
  xDate: new RegExp(`^${SMONTH_RE} \\d{1,2}, \\d{4}$`),
  xReplying: new RegExp(`^Replying to @(${NAME})(?: and @(${NAME}))?$`),
  xCount: /^\d+$/,
  sfDate: new RegExp(`^${SDAY_RE}, ${SMONTH_RE} \\d\\d \\d{4} \\d\\d:\\d\\d:\\d\\d$`),
  sfHead: /^(?:Story by |Published |[\d,]+ views$)/,
  cpArticle: /^<article( [a-z_]+="[^"&<>]*")+>$/,
  cpDoc: /^<doc( [a-z_]+="[^"&<>]*")+>$/,
};
// The attributes of a structure tag line: [[name, value], ...].
const attrsOf = (line) => [...line.matchAll(/ ([a-z_]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]);

// Per layout: shapes its grammar would read as furniture; no paragraph may match one.
const FURNITURE = {
  dk: [RE.tgStamp, /^> /, /^Telegram-cli /, /^I: /],
  dl: [/^# /, /^(?:Author|Posted|Likes|Reply to|Coded): /],
  dm: [/^- id: /, /^(?:article|url|total_comments|offset|limit|comments|author|posted|likes|text|replies):/],
  dn: [RE.xCount, /^@/, new RegExp(`^${X_DOT}$`), RE.xDate, /^Replying to @/, /^Post your reply$/, /^Reply$/, /^Show/],
  do: [RE.sfDate, RE.sfHead, /^Made with Storify$/],
  dp: [/^</, /[&<>]/],
};

// ---------------------------------------------------------------------------------------------
// Page b after its article part (the main flow writes that): thread heading, comments, tails.

function renderPage(b, page, pageNo, article, urls) {
  const { doc } = b;
  const d = article.date;
  const selected = commentWindow(article, page.start);
  const { order, capped, outside, indexOf } = threadOrder(article, page, selected);
  const { rng, counts } = layoutRngs('t', page.layout);
  const times = commentTimes(selected, minutesOf(d.y, d.m, d.d, 6, 5 + Math.floor(rng() * 45)), rng, () => page.gaps);
  const extras = { ...timeBounds(selected, times), added: 0, replyTo: 0, coded: 0, counted: 0, countLines: 0, withReplyTo: 0 };
  // The paragraphs of every comment (checked against the layout's furniture), in display order.
  const parasOf = new Map(order.map((n) => [n, commentParas(doc, n.c, pageNo, page.paras, FURNITURE[page.layout])]));
  const push = commentPusher(b, indexOf);

  if (page.layout === 'dk') {
    // telegram-cli: its start-up banner, the command `> history Fox_News_Talk N`; one line per
    // message `[16 Jun 06:12]  Fox_News_Talk user >>> text` (two spaces after the stamp); later
    // paragraphs of a message after an empty line at column 0; service lines of the same shape
    // without `>>>` (`… Jordan_Ellis added user name`) just before three users' first message;
    // `> safe_quit` last. No empty line between messages.
    const firstOf = new Map();
    for (const n of order) if (!firstOf.has(n.c.user)) firstOf.set(n.c.user, n);
    const addedUsers = new Set(TG_ADDED.map((k) => [...firstOf.keys()][k]));
    for (const l of TG_BANNER) b.line('footer', l);
    b.line('footer', `> history ${TG_CHAT} ${N_COMMENTS + addedUsers.size}`);
    let prev = null;
    order.forEach((n, i) => {
      const t = times.get(n.c);
      if (addedUsers.has(n.c.user) && firstOf.get(n.c.user) === n) {
        const ta = prev === null ? t : prev + between(counts, 0, t - prev);
        b.line('footer', `${tgStamp(wallClock(ta))}  ${TG_CHAT} ${TG_ADMIN} added user ${n.c.user}`);
        extras.added++;
      }
      const h = b.write(`${tgStamp(wallClock(t))}  ${TG_CHAT} ${n.c.user} >>>`);
      b.write(' ');
      const span = b.paras(parasOf.get(n), { firstOpen: true });
      b.nl();
      push(n, i, span, b.span(h.start, h.end));
      prev = t;
    });
    b.line('footer', TG_QUIT);
  } else if (page.layout === 'dl') {
    // Notion export, the pages' Markdown files joined with cat: per comment the title as a heading
    // `# Comment 141`, an empty line, the non-empty properties `Author:`, `Posted:`, `Likes:`,
    // `Reply to:` (only on comments with an addressee), `Coded:` (a checkbox: Yes/No), an empty line,
    // the text; each file ends with a line break, so the next heading follows the last text line
    // directly. No heading or tail.
    order.forEach((n, i) => {
      const c = n.c;
      const r = counts();
      const likes = Math.floor(r * r * r * 30);
      const coded = counts() < 0.4;
      if (coded) extras.coded++;
      const addr = addresseeOf(c);
      const props = [['Author', c.user], ['Posted', ntDate(wallClock(times.get(c)))], ['Likes', String(likes)]];
      if (addr) {
        props.push(['Reply to', addr]);
        extras.replyTo++;
      }
      props.push(['Coded', coded ? 'Yes' : 'No']);
      const hdr = b.headerBlock([`# Comment ${c.pos + 1}`, '', ...props.map(([k, v]) => `${k}: ${v}`)]);
      b.nl();
      const span = b.paras(parasOf.get(n));
      b.nl();
      push(n, i, span, hdr);
    });
  } else if (page.layout === 'dm') {
    // PyYAML (safe_dump, sort_keys=False, default indentation, texts as literal blocks `|-`): the
    // request's top-level keys, then `comments:` and the comment tree as nested sequences. A comment
    // is `- id:` at column 2 × depth, its keys `author`, `posted`, `likes`, `text: |-` two columns
    // further, the text four columns further (an empty line between paragraphs), then `replies: []`
    // or `replies:` followed by the replies. No empty line between comments.
    const url = urls[article.index];
    for (const l of [`article: ${article.title}`, `url: ${url}`, `total_comments: ${article.comments.length}`, `offset: ${page.start}`, `limit: ${N_COMMENTS}`, 'comments:']) {
      b.line('footer', l);
    }
    // comment ids in chronological (file) order
    let id = 2741000000 + between(counts, 0, 999999);
    const idOf = new Map();
    for (const c of selected) {
      idOf.set(c, id);
      id += between(counts, 1000, 90000);
    }
    const likesOf = new Map(selected.map((c) => {
      const r = counts();
      return [c, Math.floor(r * r * r * 20)];
    }));
    const secOf = new Map(selected.map((c) => [c, Math.floor(counts() * 60)]));
    order.forEach((n, i) => {
      const c = n.c;
      if (/^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|[-+]?\d[\d_]*(?:\.\d*)?)$/.test(c.user)) {
        throw new Error(`${doc}: PyYAML would quote the name ${c.user}`);
      }
      const ind = ' '.repeat(YM_STEP * n.depth);
      const hdr = b.headerBlock([`- id: ${idOf.get(c)}`, `  author: ${c.user}`, `  posted: ${ymDate(wallClock(times.get(c)), secOf.get(c))}`, `  likes: ${likesOf.get(c)}`, '  text: |-'], ind);
      const span = b.paras(parasOf.get(n), { indent: ind + '    ' });
      b.nl();
      b.line('footer', n.children.length ? 'replies:' : 'replies: []', ind + '  ');
      push(n, i, span, hdr);
    });
  } else if (page.layout === 'dn') {
    // X web page, the replies under the publisher's post, copied: the composer (`Post your reply`,
    // `Reply`); per reply the display name (the user name), `@handle`, a lone `·`, the date
    // `Aug 12, 2016`, `Replying to @FoxNews` (or `Replying to @addressee and @FoxNews`), the text,
    // then the reply, repost and like counts as bare numbers, each only when it is not 0; the
    // spam-filter notice and its `Show` button last. No empty line anywhere in the thread.
    for (const l of X_HEAD) b.line('footer', l);
    order.forEach((n, i) => {
      const c = n.c;
      const to = addresseeComment(article, c) ? addresseeOf(c) : null;
      if (to) extras.withReplyTo++;
      const hdr = b.headerBlock([c.user, `@${c.user}`, X_DOT, xDate(wallClock(times.get(c))), to ? `Replying to @${to} and @${X_PUBLISHER}` : `Replying to @${X_PUBLISHER}`]);
      const span = b.paras(parasOf.get(n));
      b.nl();
      const replies = article.comments.filter((x) => addresseeComment(article, x) === c).length;
      const r1 = counts();
      const r2 = counts();
      const reposts = Math.floor(r1 * r1 * r1 * r1 * 4);
      const likes = Math.floor(r2 * r2 * r2 * 25);
      for (const v of [replies, reposts, likes]) {
        if (v > 0) {
          b.line('footer', String(v));
          extras.countLines++;
        }
      }
      if (replies + reposts + likes > 0) extras.counted++;
      push(n, i, span, hdr);
    });
    for (const l of X_TAIL) b.line('footer', l);
  } else if (page.layout === 'do') {
    // Storify story copied from its page: `Story by <curator>`, `Published <date>`, `N views`, an
    // empty line; per element the text, then directly under it the byline: the name and Storify's
    // time stamp `Wed, Aug 17 2016 06:12:58` on two lines; one empty line between elements (also
    // the paragraph break inside one); after one empty line `Made with Storify`.
    const pub = wallClock(minutesOf(d.y, d.m, d.d) + 24 * 60);
    for (const l of [`Story by ${SF_CURATOR}`, `Published ${SHORT_MONTHS[pub.m - 1]} ${pub.d}, ${pub.y}`, `${thousands(between(counts, 800, 4000))} views`]) b.line('footer', l);
    b.nl();
    order.forEach((n, i) => {
      const c = n.c;
      if (i > 0) b.nl();
      const span = b.paras(parasOf.get(n));
      b.nl();
      const hdr = b.headerBlock([c.user, sfDate(wallClock(times.get(c)), Math.floor(counts() * 60))]);
      push(n, i, span, hdr);
    });
    b.nl();
    b.line('footer', SF_TAIL);
  } else if (page.layout === 'dp') {
    // A corpus manager's input file: `<article id url title comments>`; per comment a
    // `<doc id author date time likes [reply_to]>` line, the text (an empty line between
    // paragraphs) and `</doc>`; `</article>` last. No empty line between structures.
    const url = urls[article.index];
    const attr = (pairs) => pairs.map(([k, v]) => {
      if (/["&<>]/.test(v)) throw new Error(`${doc}: attribute would need escaping: ${v}`);
      return ` ${k}="${v}"`;
    }).join('');
    b.line('footer', `<article${attr([['id', CP_ARTICLE_ID(article)], ['url', url], ['title', article.title], ['comments', String(article.comments.length)]])}>`);
    order.forEach((n, i) => {
      const c = n.c;
      if (/[&<>]/.test(c.text)) throw new Error(`${doc}: text would need escaping at ${c.pos}`);
      const w = wallClock(times.get(c));
      const r = counts();
      const pairs = [['id', `c${c.pos + 1}`], ['author', c.user], ['date', `${w.y}${pad2(w.m)}${pad2(w.d)}`], ['time', `${pad2(w.hh)}:${pad2(w.mm)}`], ['likes', String(Math.floor(r * r * r * 30))]];
      if (addresseeComment(article, c)) {
        pairs.push(['reply_to', addresseeOf(c)]);
        extras.replyTo++;
      }
      const hdr = b.headerBlock([`<doc${attr(pairs)}>`]);
      const span = b.paras(parasOf.get(n));
      b.nl();
      b.line('footer', '</doc>');
      push(n, i, span, hdr);
    });
    b.line('footer', '</article>');
  } else throw new Error(page.layout);

  if (b.s.endsWith(page.eol + page.eol)) throw new Error(`${doc}: page ends with an empty line`);
  return { doc, layout: page.layout, page, article, text: b.s, recs: b.sortedRecords(), order, selected, capped, outside, extras };
}

// ---------------------------------------------------------------------------------------------
// Checks on the files as re-read from disk

const ARTICLE_KIND = [
  ['dateline', new RegExp(`^(?:\\d{1,2} ${MONTH_RE} \\d{4} 10:00 UTC|${MONTH_RE} \\d{1,2}, \\d{4} 6:00 AM|\\d{4}-\\d\\d-\\d\\d 06:00:00|6:00 AM \u00b7 ${SMONTH_RE} \\d{1,2}, \\d{4}|${SDAY_RE} ${SMONTH_RE} [ \\d]\\d 06:00:00 EDT \\d{4}|\\d{8})$`)],
  ['caption', / Image rights: Alamy$| Photo by ICE via Flickr$| \(U\.S\. Navy\)$| Image posted by @FoxNews$| Image: Bettmann\/Getty$| \(White House photo\)$/],
  ['source', /^(?:Cited from FoxNews\.com|Imported from FoxNews\.com|Retrieved from FoxNews\.com|Tweeted by Fox News|Curated from Fox News|Corpus source: foxnews\.com)$/],
];
const classify = classifier(ARTICLE_KIND);

/**
 * Independent re-parse of one page by its layout's grammar. Uses only the page text and the layout
 * name, not the generator's bookkeeping; returns the records the page implies.
 */
function reparse(doc, layout, text, eol) {
  const rp = reparser(doc, text, eol);
  const { L, err, lead, plain, pushComment } = rp;
  let k = rp.article(classify);
  const n = L.length;
  // Paragraphs: lines s, s+2, … (one line each) at column `col`, an empty line between two; the
  // text goes on while an empty line is followed by a line for which isText holds. Returns the last line.
  const textFrom = (s, isText, col = 0) => {
    let e = s;
    const ok = (q) => L[q] && L[q].text !== '' && lead(L[q].text) === col && L[q].text.trim() !== '';
    if (!ok(s)) err(`bad text line ${s}`);
    while (L[e + 1]?.text === '' && L[e + 2] && L[e + 2].text !== '' && isText(e + 2)) {
      if (!ok(e + 2)) err(`bad paragraph line ${e + 2}`);
      e += 2;
    }
    return e;
  };

  if (layout === 'dk') {
    for (const l of TG_BANNER) {
      if (L[k]?.text !== l) err(`dk: banner line ${k}`);
      plain(L[k++], 'footer');
    }
    const hm = RE.tgHistory.exec(L[k]?.text ?? '');
    if (!hm) err('dk: no history command');
    plain(L[k++], 'footer');
    if (L[n - 1].text !== TG_QUIT) err('dk: no quit line');
    let last = -1;
    let shown = 0;
    while (k < n - 1) {
      const t = L[k].text;
      const m = RE.tgMsg.exec(t);
      const a = RE.tgAdd.exec(t);
      const stamp = m ? [m[2], m[3], m[4], m[5]] : a ? [a[1], a[2], a[3], a[4]] : err(`dk: bad line ${k}`);
      const minute = (SHORT_MONTHS.indexOf(stamp[1]) * 31 + +stamp[0]) * 1440 + +stamp[2] * 60 + +stamp[3];
      if (minute < last) err(`dk: stamps out of order at ${k}`);
      last = minute;
      shown++;
      if (a) {
        plain(L[k++], 'footer');
        continue;
      }
      const e = textFrom(k, (q) => !RE.tgStamp.test(L[q].text) && L[q].text !== TG_QUIT);
      // the first paragraph starts after the header on the stamp line; later ones at column 0
      if (L[k + 1] && L[k + 1].text !== '' && k + 1 < n - 1 && !RE.tgStamp.test(L[k + 1].text)) err(`dk: line ${k + 1} continues a paragraph`);
      const hEnd = L[k].start + m[1].length;
      pushComment(hEnd + 1, L[e].end, m[6], 0, { start: L[k].start, end: hEnd });
      k = e + 1;
    }
    if (shown !== +hm[1]) err('dk: history count');
    plain(L[n - 1], 'footer');
  } else if (layout === 'dl') {
    while (k < n) {
      const hm = RE.ntHeading.exec(L[k].text);
      if (!hm || L[k + 1]?.text !== '') err(`dl: bad heading at ${k}`);
      let q = k + 2;
      const props = [];
      while (L[q] && L[q].text !== '') {
        const pm = RE.ntProp.exec(L[q].text);
        if (!pm) err(`dl: bad property at ${q}`);
        props.push([pm[1], pm[2]]);
        q++;
      }
      const names = props.map((x) => x[0]);
      const want = NT_PROPS.filter((x) => names.includes(x));
      if (names.join() !== want.join() || !names.includes('Author') || !names.includes('Posted') || !names.includes('Coded')) err(`dl: properties at ${k}`);
      if (!RE.ntDate.test(props[1][1]) || !RE.name.test(props[0][1]) || !/^(?:Yes|No)$/.test(props.at(-1)[1])) err(`dl: property values at ${k}`);
      if (L[q]?.text !== '') err(`dl: no empty line under the properties at ${q}`);
      const s = q + 1;
      const e = textFrom(s, (x) => !RE.ntHeading.test(L[x].text));
      if (e + 1 < n && !RE.ntHeading.test(L[e + 1].text)) err(`dl: text not followed by a heading at ${e + 1}`);
      pushComment(L[s].start, L[e].end, props[0][1], 0, { start: L[k].start, end: L[q - 1].end });
      k = e + 1;
    }
  } else if (layout === 'dm') {
    const tops = ['article', 'url', 'total_comments', 'offset', 'limit'];
    for (const key of tops) {
      const tm = RE.ymTop.exec(L[k]?.text ?? '');
      if (!tm || tm[1] !== key) err(`dm: top-level key ${key} at ${k}`);
      plain(L[k++], 'footer');
    }
    if (L[k]?.text !== 'comments:') err('dm: no comments key');
    plain(L[k++], 'footer');
    // items of a sequence whose dashes are at column `col`
    const items = (col) => {
      let count = 0;
      while (k < n) {
        const im = RE.ymId.exec(L[k].text);
        if (!im || im[1].length !== col) break;
        count++;
        const keyAt = (q, key) => {
          const t = L[q]?.text ?? '';
          const km = RE.ymKey.exec(t.slice(col + 2));
          if (lead(t) !== col + 2 || !km || km[1] !== key) err(`dm: expected ${key} at ${q}`);
          return km[2];
        };
        const author = keyAt(k + 1, 'author');
        if (!RE.name.test(author) || !RE.ymPosted.test(keyAt(k + 2, 'posted')) || !/^\d+$/.test(keyAt(k + 3, 'likes')) || keyAt(k + 4, 'text') !== '|-') err(`dm: bad values at ${k}`);
        const s = k + 5;
        const e = textFrom(s, (q) => lead(L[q].text) === col + 4, col + 4);
        pushComment(L[s].start + col + 4, L[e].end, author, col / YM_STEP, { start: L[k].start + col, end: L[k + 4].end });
        const rv = keyAt(e + 1, 'replies');
        plain(L[e + 1], 'footer');
        k = e + 2;
        if (rv === '[]') continue;
        if (rv !== '') err(`dm: bad replies value at ${e + 1}`);
        if (items(col + YM_STEP) === 0) err(`dm: empty replies at ${e + 1}`);
      }
      return count;
    };
    items(0);
    if (k !== n) err(`dm: unread line ${k}`);
  } else if (layout === 'dn') {
    for (const l of X_HEAD) {
      if (L[k]?.text !== l) err('dn: composer');
      plain(L[k++], 'footer');
    }
    const tail = n - X_TAIL.length;
    if (L.slice(tail).map((l) => l.text).join('\n') !== X_TAIL.join('\n')) err('dn: tail');
    const isHead = (q) => RE.name.test(L[q]?.text ?? '') && L[q + 1]?.text === `@${L[q].text}` && L[q + 2]?.text === X_DOT;
    while (k < tail) {
      if (!isHead(k) || !RE.xDate.test(L[k + 3]?.text ?? '')) err(`dn: bad header at ${k}`);
      const rm = RE.xReplying.exec(L[k + 4]?.text ?? '');
      if (!rm || (rm[2] ? rm[2] !== X_PUBLISHER : rm[1] !== X_PUBLISHER)) err(`dn: bad Replying line at ${k + 4}`);
      const s = k + 5;
      const e = textFrom(s, (q) => !isHead(q) && !RE.xCount.test(L[q].text) && q < tail);
      pushComment(L[s].start, L[e].end, L[k].text, 0, { start: L[k].start, end: L[k + 4].end });
      k = e + 1;
      let c = 0;
      while (k < tail && !isHead(k)) {
        if (!RE.xCount.test(L[k].text) || ++c > 3) err(`dn: bad line after the text at ${k}`);
        plain(L[k++], 'footer');
      }
    }
    for (let q = tail; q < n; q++) plain(L[q], 'footer');
  } else if (layout === 'do') {
    if (!/^Story by [a-z0-9]+$/.test(L[k]?.text ?? '') || !new RegExp(`^Published ${SMONTH_RE} \\d{1,2}, \\d{4}$`).test(L[k + 1]?.text ?? '') || !/^[\d,]+ views$/.test(L[k + 2]?.text ?? '') || L[k + 3]?.text !== '') err('do: heading');
    for (let j = 0; j < 3; j++) plain(L[k + j], 'footer');
    k += 4;
    if (L[n - 1].text !== SF_TAIL || L[n - 2].text !== '') err('do: tail');
    const end = n - 2;
    const isByline = (q) => RE.name.test(L[q]?.text ?? '') && RE.sfDate.test(L[q + 1]?.text ?? '');
    while (k < end) {
      const s = k;
      // the text: paragraphs (one line each) down to the line directly above the byline
      let e = s;
      for (;;) {
        if (L[e].text === '' || isByline(e) || RE.sfDate.test(L[e].text)) err(`do: bad text line ${e}`);
        if (isByline(e + 1)) break;
        if (L[e + 1]?.text === '' && L[e + 2] && L[e + 2].text !== '' && e + 2 < end) e += 2;
        else err(`do: no byline under the text ending at ${e}`);
      }
      pushComment(L[s].start, L[e].end, L[e + 1].text, 0, { start: L[e + 1].start, end: L[e + 2].end });
      k = e + 3;
      if (k < end) {
        if (L[k].text !== '' || L[k + 1]?.text === '') err(`do: elements not separated by one empty line at ${k}`);
        k++;
      }
    }
    plain(L[n - 1], 'footer');
  } else if (layout === 'dp') {
    if (!RE.cpArticle.test(L[k]?.text ?? '') || L[n - 1].text !== '</article>') err('dp: article structure');
    plain(L[k++], 'footer');
    while (k < n - 1) {
      if (!RE.cpDoc.test(L[k].text)) err(`dp: bad doc line ${k}`);
      const at = attrsOf(L[k].text);
      if (at.map((x) => x[0]).join() !== ['id', 'author', 'date', 'time', 'likes', 'reply_to'].slice(0, at.length).join() || at.length < 5) err(`dp: doc attributes at ${k}`);
      const s = k + 1;
      const e = textFrom(s, (q) => !L[q].text.startsWith('<'));
      if (L[e + 1]?.text !== '</doc>') err(`dp: no closing tag after ${e}`);
      pushComment(L[s].start, L[e].end, at[1][1], 0, { start: L[k].start, end: L[k].end });
      plain(L[e + 1], 'footer');
      k = e + 2;
    }
    plain(L[n - 1], 'footer');
  } else err('layout');
  return rp.records();
}

// The paragraphs of comment record c as in the dataset text (dm: the indentation of later
// paragraphs removed).
function partsOf(p, c) {
  const parts = c.text.split(p.page.eol + p.page.eol);
  if (p.layout === 'dm') return parts.map((x) => x.replace(/^ +/, ''));
  return parts;
}

// ---------------------------------------------------------------------------------------------
// Main flow: the kit's runBlindSet, each page with its own doc suffix, every page with the articles' URLs

// comment-url.txt: one line per article, in article order, each a number and a colon before the URL
// (`35:http://www.foxnews.com/…`); the number is dropped. Every page gets the whole list.
const articleUrlList = (dataDir) => {
  const urls = fs.readFileSync(path.join(dataDir, 'comment-url.txt'), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => l.trim().replace(/^\d+:/, ''));
  return () => urls;
};

const count = (s, re) => (s.match(re) ?? []).length;
runBlindSet('t', PAGES, renderPage, {
  layouts: ['dk', 'dl', 'dm', 'dn', 'do', 'dp'],
  reparse,
  tabs: false,
  forbidden: /[\u00a0\u200b-\u200f\u202f\u2060\u000b\f]/,
  allowParas: (p) => p.page.paras,
  partsOf,
  textChecks: (ctx) => {
    const { p, text, fail } = ctx;
    // No BOM, no CRLF
    if (p.page.bom || text.includes('\r')) fail(`${p.doc}: BOM or CR`);
    // Non-ASCII only where the article or the layout puts it: U+00B7 only on dn (the dateline and
    // the 20 header dots); in comment texts none at all.
    if (count(text, /\u00b7/g) !== (p.layout === 'dn' ? N_COMMENTS + 1 : 0)) fail(`${p.doc}: ${count(text, /\u00b7/g)} U+00B7`);
    const outside = text.replace(/[\x20-\x7e\n\u00b7]/g, '');
    const fromMeta = p.article.meta.replace(/[\x20-\x7e]/g, '') + p.article.title.replace(/[\x20-\x7e]/g, '');
    if ([...outside].some((ch) => !fromMeta.includes(ch))) fail(`${p.doc}: non-ASCII character outside the article part`);
  },
  pageChecks: (ctx) => {
    const { p, cs, srcOf, fail } = ctx;
    const eol = p.page.eol;
    const between_ = (a, z) => p.text.slice(a, z);
    // the comments are the article's window of 20 from file position page.start
    const want = p.article.comments.slice(p.page.start, p.page.start + N_COMMENTS);
    if (p.selected.length !== N_COMMENTS || p.selected.some((c, j) => c !== want[j])) fail(`${p.doc}: selection is not comments ${p.page.start + 1}–${p.page.start + N_COMMENTS}`);
    for (const c of cs) {
      const src = srcOf.get(c);
      if (!src) continue;
      if (!c.header.text.includes(src.user)) fail(`${p.doc}: #${c.index} header without the author`);
      if (p.layout === 'do') {
        if (between_(c.end, c.header.start) !== eol) fail(`${p.doc}: #${c.index} byline not directly under the text`);
      } else if (c.header.end > c.start) fail(`${p.doc}: #${c.index} header not before the text`);
      if (p.layout === 'dk' && between_(c.header.end, c.start) !== ' ') fail(`${p.doc}: #${c.index} header and text not one space apart`);
      if (p.layout !== 'dk' && p.layout !== 'do' && !between_(c.header.end, c.start).includes(eol)) fail(`${p.doc}: #${c.index} header on the text's line`);
      if (p.layout === 'dk' && !c.header.text.endsWith(` ${TG_CHAT} ${src.user} >>>`)) fail(`${p.doc}: #${c.index} telegram header`);
      if (p.layout === 'dl') {
        const hl = c.header.text.split(eol);
        if (hl[0] !== `# Comment ${src.pos + 1}` || hl[1] !== '' || hl[2] !== `Author: ${src.user}`) fail(`${p.doc}: #${c.index} Notion header`);
        const next = cs[c.index + 1];
        if (next && between_(c.end, next.header.start) !== eol) fail(`${p.doc}: #${c.index} next heading not directly under the text`);
        if (hl.some((l) => l.startsWith('Reply to: ')) !== Boolean(addresseeOf(src))) fail(`${p.doc}: #${c.index} Reply to property`);
      }
      if (p.layout === 'dm') {
        const ind = ' '.repeat(YM_STEP * c.depth);
        if (between_(c.header.start - ind.length - 1, c.header.start) !== eol + ind) fail(`${p.doc}: #${c.index} dash not at column ${ind.length}`);
        if (c.text.split(eol).slice(1).some((x) => x !== '' && (!x.startsWith(ind + '    ') || x[ind.length + 4] === ' '))) fail(`${p.doc}: #${c.index} text line not at column ${ind.length + 4}`);
        if (between_(c.start - ind.length - 5, c.start) !== `${eol}${ind}    `) fail(`${p.doc}: #${c.index} first text line not at column ${ind.length + 4}`);
      }
      if (p.layout === 'dn') {
        if (src.text.length > 140) fail(`${p.doc}: #${c.index} longer than a 2016 tweet`);
        const to = addresseeComment(p.article, src) ? addresseeOf(src) : null;
        if (!c.header.text.endsWith(to ? `Replying to @${to} and @${X_PUBLISHER}` : `Replying to @${X_PUBLISHER}`)) fail(`${p.doc}: #${c.index} Replying line`);
      }
      if (p.layout === 'do' && !RE.sfDate.test(c.header.text.split(eol)[1] ?? '')) fail(`${p.doc}: #${c.index} Storify byline`);
      if (p.layout === 'dp') {
        const at = Object.fromEntries(attrsOf(c.header.text));
        if (at.author !== src.user || at.id !== `c${src.pos + 1}` || /[&<>]/.test(c.text)) fail(`${p.doc}: #${c.index} doc structure`);
        if (between_(c.end, c.end + eol.length + 6) !== `${eol}</doc>`) fail(`${p.doc}: #${c.index} no </doc> under the text`);
      }
    }
    // dk: at least two service lines naming commenters of the page
    if (p.layout === 'dk' && p.extras.added < 2) fail(`${p.doc}: service lines`);
    // dn: some comments with count lines, some without; at least one reply to a named user
    if (p.layout === 'dn' && (p.extras.counted < 3 || p.extras.counted === N_COMMENTS || p.extras.withReplyTo < 3)) fail(`${p.doc}: X counts or replies`);
    checkWindowParents(ctx);
    if (p.page.nested && cs.filter((c) => c.depth >= 1).length < 5) fail(`${p.doc}: fewer than 5 replies`);
    if (p.page.nested && p.capped < 1) fail(`${p.doc}: the depth cap re-attaches nothing`);
  },
  summaryTail: (p, cs) => {
    const x = p.extras;
    const span = timeSpan(x);
    const special = {
      dk: `${span}; service lines ${x.added}`,
      dl: `${span}; Reply to ${x.replyTo}; coded ${x.coded}`,
      dm: `${span}; depth 5: ${cs.filter((c) => c.depth === 5).length}; replies with the parent off the page ${p.outside}`,
      dn: `${span}; replies to a named user ${x.withReplyTo}; comments with counts ${x.counted}; count lines ${x.countLines}`,
      do: span,
      dp: `${span}; reply_to ${x.replyTo}`,
    }[p.layout];
    return `; ${special}` + cappedNote(p);
  },
}, { extra: articleUrlList });
