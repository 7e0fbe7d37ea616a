#!/usr/bin/env node
// Held-out segmentation pages, set O (layouts cg–cl).
//
// Builds tests/heldout-o/pages/*.txt and tests/heldout-o/segment.gold.jsonl from the Fox News
// comments dataset, then re-reads the files from disk and checks them (see tests/heldout-o/README.md).
//
//   node scripts/build-heldout-o-pages.mjs                 # shared dir defaults to <repo>/../shared
//   node scripts/build-heldout-o-pages.mjs /path/to/shared
//
// Plain Node >= 20, no dependencies. It imports scripts/lib/blind-set-kit.mjs (dataset loading,
// slug rule, comment times, paragraph splits, page writer, article part, output, the re-parse frame
// and the layout-independent checks) and keeps its layouts here. Each page takes the article's
// comments 41–60 in dataset order (every article has at least 60), so the comment selection and the
// reply tree are built here, as in set N (a reply whose addressee's comment is not on the page is
// shown at the top level). It reads nothing but the dataset (fox-news-comments.json and
// comment-url.txt), reads no clock, and its only randomness is a fixed-seed PRNG, so two runs give
// byte-identical output. Gold offsets are taken while the page text is being written, never by
// searching the finished text.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DAYS, MONTHS, SHORT_MONTHS, addresseeComment, ampm, cappedNote, checkEncodingOnly,
  checkParasAtIndent, classifier, commentParas, commentTimes, fnv1a, h12, layoutRngs, minutesOf,
  ordinal, pad2, reparser, runBlindSet, wallClock, writeThreadTail, N_COMMENTS, commentWindow,
  threadOrder, checkWindowParents, timeSpan,
} from './lib/blind-set-kit.mjs';

// ---------------------------------------------------------------------------------------------
// Comment selection: comments 41–60 of the article (positions 40..59) when it has at least 60,
// else its first 20 (every article has at least 60); empty texts skipped (the dataset has none).

const WINDOW_START = 40;

const selectComments = (article) => commentWindow(article, WINDOW_START, { fallback: true });

// The article URLs of comment-url.txt ("33:http://…" → "http://…", a final "#" dropped), in article order.
function articleUrls() {
  const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const shared = path.resolve(process.argv[2] ?? path.join(repo, '..', 'shared'));
  const lines = fs.readFileSync(path.join(shared, 'datasets', 'fox-news-comments', 'comment-url.txt'), 'utf8').split('\n').filter((l) => l.trim() !== '');
  return lines.map((l) => l.trim().replace(/^\d+:/, '').replace(/#$/, ''));
}
const URLS = articleUrls();

// ---------------------------------------------------------------------------------------------
// Fixed words of the layouts

// cg: twint console output.
const TWINT_ZONE = 'CEST';
const TWINT_TAIL = `[+] Finished: Successfully collected ${N_COMMENTS} Tweets.`;
const TWITTER_EPOCH = 1288834974657n;
// ch: imessage-exporter TXT.
const TAPBACKS = ['Loved', 'Liked', 'Laughed', 'Emphasized', 'Disliked', 'Questioned'];
// ci: WordPress.com (Twenty Twenty-Four) comments with Jetpack comment likes.
const WP_TAIL = ['\u2190 Older Comments', 'Newer Comments \u2192'];
// cj: YouTube (2024 web) comments, copied.
const YT_HEAD = (total) => [`${total} Comments`, 'Sort by', 'Add a comment...'];
const YT_PINNED = 'Pinned by @FoxNews';
const YT_AGE = '8 years ago';
// ck: Hypothesis annotation export (plain text).
const HYPO_EXPORTED = { y: 2024, m: 3, d: 11, wd: 1, hh: 21, mm: 12 };
// cl: Mailman 2.1 plain (RFC 1153) digest.
const ML = {
  name: 'Fox-readers',
  post: 'fox-readers@lists.example.org',
  info: 'https://lists.example.org/mailman/listinfo/fox-readers',
  request: 'fox-readers-request@lists.example.org',
  owner: 'fox-readers-owner@lists.example.org',
  vol: 3,
  issue: 14,
};
const ML_RULE_TOC = '-'.repeat(70);
const ML_RULE_MSG = '-'.repeat(30);
const ML_MAIL_DOMAINS = ['example.org', 'example.com', 'example.net'];

const PAGES = [
  { layout: 'cg', article: 'German lawmakers', eol: '\n', bom: true, nested: false, paras: true, gaps: [2, 40],
    dateline: (d) => `${d.d} ${MONTHS[d.m - 1]}, ${d.y}`,
    before: [], bodyParas: 1,
    after: [['caption', 'Members of the Bundestag during the vote in Berlin. (Photo: dpa/picture alliance)'], ['source', 'Original report: Fox News']] },
  { layout: 'ci', article: 'Texas, 12 states', eol: '\n', bom: false, nested: true, cap: 4, paras: true, gaps: [2, 40],
    dateline: null,
    before: [], bodyParas: 1,
    after: [['caption', 'A sign outside a school restroom. Image: Flickr/CC BY 2.0'], ['source', 'Taken from FoxNews.com']] },
  { layout: 'ch', article: 'Fury as feminist', eol: '\n', bom: false, nested: false, paras: true, gaps: [3, 50],
    dateline: null,
    before: [['caption', 'A warning sign by a resort lagoon in Florida. Photo via Creative Commons']], bodyParas: 1,
    after: [['source', 'First published at foxnews.com']] },
  { layout: 'cj', article: 'Black Lives Matter', eol: '\n', bom: false, nested: false, paras: true, gaps: [3, 50],
    dateline: (d) => `${d.d}/${d.m}/${d.y}`,
    before: [], bodyParas: 1,
    after: [['caption', 'A still from the video. Image: YouTube/Fox News'], ['source', 'Quoted from FoxNews.com']] },
  { layout: 'ck', article: 'First lady Obama', eol: '\n', bom: false, nested: false, paras: true, gaps: [5, 60],
    dateline: null,
    before: [], bodyParas: 1,
    after: [['caption', 'Michelle Obama speaks at a graduation ceremony. Source: pool footage']] },
  { layout: 'cl', article: 'States moving', eol: '\r\n', bom: false, nested: false, paras: true, gaps: [3, 50],
    dateline: (d) => `${DAYS[d.wd]} ${ordinal(d.d)} ${MONTHS[d.m - 1]} ${d.y}`,
    before: [], bodyParas: 2,
    after: [['source', 'Original source: Fox News']] },
];

// Date and time formats (w: wallClock parts).
const secondsOf = (c) => fnv1a(`seconds:${c.user}:${c.pos}`) % 60;
// twint: `%Y-%m-%d %H:%M:%S` and the zone name.
const twintStamp = (w, s) => `${w.y}-${pad2(w.m)}-${pad2(w.d)} ${pad2(w.hh)}:${pad2(w.mm)}:${pad2(s)} ${TWINT_ZONE}`;
// imessage-exporter: chrono `%b %d, %Y %l:%M:%S %p` (%l is the hour padded with a space).
const imsgStamp = (w, s) => `${SHORT_MONTHS[w.m - 1]} ${pad2(w.d)}, ${w.y} ${String(h12(w.hh)).padStart(2, ' ')}:${pad2(w.mm)}:${pad2(s)} ${ampm(w.hh)}`;
// imessage-exporter's readable_diff: days, hours, minutes, seconds, each only when not 0.
function readableDiff(sec) {
  const parts = [];
  const units = [[Math.floor(sec / 86400), 'day'], [Math.floor((sec % 86400) / 3600), 'hour'], [Math.floor((sec % 3600) / 60), 'minute'], [sec % 60, 'second']];
  for (const [n, u] of units) if (n !== 0) parts.push(`${n} ${u}${n === 1 ? '' : 's'}`);
  return parts.join(', ');
}
// WordPress default: `F j, Y \a\t g:i a`.
const wpStamp = (w) => `${MONTHS[w.m - 1]} ${w.d}, ${w.y} at ${h12(w.hh)}:${pad2(w.mm)} ${ampm(w.hh).toLowerCase()}`;
// Hypothesis formatDateTime in en-US: weekday, short month, 2-digit day, year, 2-digit 12-hour time.
const hypoStamp = (w) => `${DAYS[w.wd]}, ${SHORT_MONTHS[w.m - 1]} ${pad2(w.d)}, ${w.y}, ${pad2(h12(w.hh))}:${pad2(w.mm)} ${ampm(w.hh)}`;
// RFC 2822 date with the EDT offset (every article date is in daylight saving time).
const SHORT_DAYS_ = DAYS.map((x) => x.slice(0, 3));
const rfcDate = (w, s) => `${SHORT_DAYS_[w.wd]}, ${w.d} ${SHORT_MONTHS[w.m - 1]} ${w.y} ${pad2(w.hh)}:${pad2(w.mm)}:${pad2(s)} -0400`;

// A tweet ID (Twitter "snowflake") for a local CEST moment: milliseconds since the Twitter epoch
// shifted left by 22 bits, plus 22 low bits (worker and sequence) from the PRNG.
function tweetId(w, s, low) {
  const utcMs = BigInt(Date.UTC(w.y, w.m - 1, w.d, w.hh, w.mm, s) - 2 * 3600 * 1000);
  return (((utcMs - TWITTER_EPOCH) << 22n) | BigInt(low)).toString();
}

// Greedy word wrap of `s` into lines of at most `width` characters (a longer word stays whole).
function wrapWords(s, width) {
  const out = [];
  let cur = '';
  for (const word of s.split(' ')) {
    if (cur === '') cur = word;
    else if (cur.length + 1 + word.length <= width) cur += ` ${word}`;
    else {
      out.push(cur);
      cur = word;
    }
  }
  out.push(cur);
  return out;
}

// Hypothesis quotes: a phrase of 4–9 words of the article description, chosen per comment by hash,
// cut at word boundaries (trailing commas or quotation marks are left off).
function hypoQuote(meta, c) {
  const words = meta.split(' ');
  const h = fnv1a(`quote:${c.user}:${c.pos}`);
  const len = 4 + (h % 6);
  const start = (h >>> 8) % Math.max(1, words.length - len);
  return words.slice(start, start + len).join(' ').replace(/^[\s“"(…]+/, '').replace(/[\s,;:”"…)]+$/, '');
}

// Mail address of a user on cl (reserved example domains, chosen per user by hash).
const mailOf = (user) => `${user.toLowerCase()}@${ML_MAIL_DOMAINS[fnv1a(`mail:${user}`) % ML_MAIL_DOMAINS.length]}`;
// Mailman's plain-digest subject of the thread and the folded Subject header (RFC 2822 folding at
// 78 columns, continuation lines starting with a tab, as Mailman 2.1 writes them).
const mlSubject = (title) => `Re: [${ML.name}] ${title}`;
function foldHeader(name, value) {
  const lines = wrapWords(`${name}: ${value}`, 78);
  return [lines[0], ...lines.slice(1).map((l) => `\t${l}`)];
}
// Mailman's table of contents entry: `%2d. subject (author)` after 2 spaces, wrapped at 70
// columns, continuation lines indented 6 spaces.
function tocLines(n, subject, user) {
  const first = `  ${String(n).padStart(2, ' ')}. `;
  const lines = wrapWords(`${subject} (${user})`, 70 - first.length);
  return [first + lines[0], ...lines.slice(1).map((l) => `      ${l}`)];
}

// Shapes of the layouts' furniture (also used by the re-parse).
const MON_RE = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const DAY_RE = '(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)';
const MONTH_RE = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const RE = {
  name: /^[A-Za-z0-9_]+$/,
  twint: /^(\d{17,19} (\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d) CEST <([A-Za-z0-9_]+)>) (\S.*)$/,
  twintLead: /^\d{17,19} \d{4}-\d\d-\d\d /,
  imsgDate: new RegExp(`^${MON_RE} \\d\\d, \\d{4} [ 1]\\d:\\d\\d:\\d\\d [AP]M(?: \\(Read by you after \\d+ (?:day|hour|minute|second)s?(?:, \\d+ (?:day|hour|minute|second)s?)*\\))?$`),
  imsgLead: new RegExp(`^${MON_RE} \\d\\d, \\d{4} `),
  tapback: /^(?:Loved|Liked|Laughed|Emphasized|Disliked|Questioned) by [A-Za-z0-9_]+$/,
  wpDate: new RegExp(`^ *${MONTH_RE} \\d{1,2}, \\d{4} at \\d{1,2}:\\d\\d [ap]m$`),
  wpLiked: /^ *Liked by (?:1 person|[2-9]\d* people|1\d+ people)$/,
  ytHandle: /^@([A-Za-z0-9_]+)$/,
  ytAge: /^\d+ (?:year|month|week|day|hour|minute)s? ago(?: \(edited\))?$/,
  ytCount: /^[1-9]\d*$/,
  ytReplies: /^(?:1 reply|[2-9]\d* replies|1\d+ replies)$/,
  hypoAnno: /^Annotation (\d+):$/,
  hypoDate: new RegExp(`^${DAY_RE}, ${MON_RE} \\d\\d, \\d{4}, \\d\\d:\\d\\d [AP]M$`),
  hypoQuote: /^Quote: ".*"$/,
  mlHeader: /^(?:Message|Date|From|Subject|To|Cc|Message-ID|Keywords|Content-Type): /,
};

// Per layout: shapes its grammar would read as furniture; no paragraph may match one.
const FURNITURE = {
  cg: [RE.twintLead, /^\[\+\] /],
  ch: [RE.imsgLead, RE.tapback, /^Reactions:$/, RE.name],
  ci: [RE.wpDate, /^Like$/, /^Liked by /, /^Reply$/, /^(?:\u2190 Older|Newer) Comments/, RE.name],
  cj: [/^@/, RE.ytAge, RE.ytCount, /^Reply$/, /^\d+ repl(?:y|ies)$/, /^Pinned by /, /^\d+ Comments$/, /^Sort by$/, /^Add a comment/],
  ck: [RE.hypoAnno, RE.hypoDate, /^Quote: /, /^Comment: /, RE.name, /^(?:Group|Total users|Users|Total annotations|Total replies): /],
  cl: [RE.mlHeader, /^-{30}$/, /^-{70}$/, /^_{47}$/, /^End of .* Digest/, /^\*+$/, /^\s/],
};

// ---------------------------------------------------------------------------------------------
// Page b after its article part (runBlindSet writes that): thread heading, comments, tails.

function renderPage(b, page, pageNo, article) {
  const { doc } = b;
  const d = article.date;
  const { selected, order, capped, outside, indexOf } = threadOrder(article, page, selectComments(article));
  const { rng, counts } = layoutRngs('o', page.layout);
  const startHour = page.layout === 'cg' ? 12 : 6; // twint prints the collector's local time (CEST)
  const times = commentTimes(selected, minutesOf(d.y, d.m, d.d, startHour, 5 + Math.floor(rng() * 45)), rng, () => page.gaps);
  const extras = { firstTime: null, lastTime: null, ids: [], reads: 0, reactionBlocks: 0, reactionLines: 0, likedBy: 0, ytCounts: 0,
    ytReplies: 0, edited: 0, quotes: 0, nullQuotes: 0, tocLines: 0, folded: 0 };
  const eol = page.eol;
  // the whole article's reply counts (for the YouTube `N replies` lines)
  const repliesTo = new Map();
  for (const c of article.comments) {
    const a = addresseeComment(article, c);
    if (a) repliesTo.set(a, (repliesTo.get(a) ?? 0) + 1);
  }
  const isReply = (c) => addresseeComment(article, c) !== null;

  // Thread heading
  if (page.layout === 'ci') {
    b.line('footer', `${article.comments.length} responses to \u201c${article.title}\u201d`);
    b.nl();
  } else if (page.layout === 'cj') {
    for (const l of YT_HEAD(article.comments.length)) b.line('footer', l);
    b.nl();
  } else if (page.layout === 'ck') {
    const users = [...new Set(order.map((n) => n.c.user))];
    const urlIdx = article.index;
    b.line('footer', hypoStamp(HYPO_EXPORTED));
    b.line('title', article.title);
    b.line('footer', URLS[urlIdx]);
    b.line('footer', 'Group: Public');
    b.line('footer', `Total users: ${users.length}`);
    b.line('footer', `Users: ${users.join(', ')}`);
    b.line('footer', `Total annotations: ${order.length}`);
    b.line('footer', `Total replies: ${order.filter((n) => isReply(n.c)).length}`);
    b.nl();
  } else if (page.layout === 'cl') {
    const masthead = [
      [`Send ${ML.name} mailing list submissions to`, `\t${ML.post}`],
      ['To subscribe or unsubscribe via the World Wide Web, visit', `\t${ML.info}`, "or, via email, send a message with subject or body 'help' to", `\t${ML.request}`],
      ['You can reach the person managing the list at', `\t${ML.owner}`],
      ['When replying, please edit your Subject line so it is more specific', `than "Re: Contents of ${ML.name} digest..."`],
    ];
    masthead.forEach((block, k) => {
      if (k > 0) b.nl();
      for (const l of block) b.line('footer', l.replace(/^\t/, ''), l.startsWith('\t') ? '\t' : '');
    });
    b.nl(2);
    b.line('footer', "Today's Topics:");
    b.nl();
    order.forEach((n, i) => {
      for (const l of tocLines(i + 1, mlSubject(article.title).replace(`[${ML.name}] `, ''), n.c.user)) {
        const lead = l.length - l.trimStart().length;
        b.line('footer', l.slice(lead), ' '.repeat(lead));
        extras.tocLines++;
      }
    });
    b.nl(2);
    b.line('footer', ML_RULE_TOC);
    b.nl();
  }

  order.forEach((n, i) => {
    const c = n.c;
    const ps = commentParas(doc, c, pageNo, page.paras, FURNITURE[page.layout]);
    const depth = n.depth;
    const parent = n.parent ? indexOf.get(n.parent) : null;
    const t = times.get(c);
    const w = wallClock(t);
    const sec = secondsOf(c);
    if (extras.firstTime === null) extras.firstTime = t;
    extras.lastTime = t;
    const last = i === order.length - 1;
    let hdr;
    let span;
    switch (page.layout) {
      case 'cg': {
        // twint: `<id> <date> <time> <zone> <user> tweet`; further paragraphs of the tweet at column 0.
        const id = tweetId(w, sec, Math.floor(counts() * 2 ** 22));
        extras.ids.push(id);
        const h = b.write(`${id} ${twintStamp(w, sec)} <${c.user}>`);
        hdr = b.span(h.start, h.end);
        b.write(' ');
        span = b.paras(ps, { firstOpen: true });
        b.nl();
        break;
      }
      case 'ch': {
        // imessage-exporter: date line [(Read by you after …)], sender, text, [Reactions: and one
        // line per tapback, then an extra empty line], an empty line.
        let dateLine = imsgStamp(w, sec);
        if (counts() < 0.5) {
          const r = counts();
          const wait = 5 + Math.floor(r * r * 5400);
          dateLine += ` (Read by you after ${readableDiff(wait)})`;
          extras.reads++;
        }
        hdr = b.headerBlock([dateLine, c.user]);
        span = b.paras(ps);
        b.nl();
        let reacted = false;
        if (counts() < 0.35) {
          const others = [...new Set(order.map((x) => x.c.user))].filter((u) => u !== c.user);
          const k = 1 + Math.floor(counts() * 2);
          const first = Math.floor(counts() * others.length);
          b.line('footer', 'Reactions:');
          for (let j = 0; j < k; j++) {
            b.line('footer', `${TAPBACKS[Math.floor(counts() * TAPBACKS.length)]} by ${others[(first + j * 5) % others.length]}`);
            extras.reactionLines++;
          }
          extras.reactionBlocks++;
          reacted = true;
        }
        if (!last) b.nl(reacted ? 2 : 1);
        break;
      }
      case 'ci': {
        // WordPress.com comment, nested 4 spaces a level: name, date; the text; `Like`,
        // [`Liked by N people`], `Reply`.
        if (i > 0) b.nl();
        const ind = ' '.repeat(4 * depth);
        hdr = b.headerBlock([c.user, wpStamp(w)], ind);
        span = b.paras(ps, { indent: ind });
        b.nl();
        const r = counts();
        const likes = Math.floor(r * r * r * 9);
        b.line('footer', 'Like', ind);
        if (likes > 0) {
          b.line('footer', `Liked by ${likes} ${likes === 1 ? 'person' : 'people'}`, ind);
          extras.likedBy++;
        }
        b.line('footer', 'Reply', ind);
        break;
      }
      case 'cj': {
        // YouTube (2024) copy: [Pinned by @FoxNews], @handle, age [(edited)]; the text; [like
        // count]; Reply; [N replies].
        if (i > 0) b.nl();
        const edited = counts() < 0.15;
        if (edited) extras.edited++;
        hdr = b.headerBlock([...(i === 0 ? [YT_PINNED] : []), `@${c.user}`, `${YT_AGE}${edited ? ' (edited)' : ''}`]);
        span = b.paras(ps);
        b.nl();
        const r = counts();
        const likes = Math.floor(r * r * r * 120);
        if (likes > 0) {
          b.line('footer', String(likes));
          extras.ytCounts++;
        }
        b.line('footer', 'Reply');
        const nr = repliesTo.get(c) ?? 0;
        if (nr > 0) {
          b.line('footer', nr === 1 ? '1 reply' : `${nr} replies`);
          extras.ytReplies++;
        }
        break;
      }
      case 'ck': {
        // Hypothesis text export: `Annotation N:`, date, `Comment: text`, user name, `Quote: "…"`.
        if (i > 0) b.nl();
        b.line('footer', `Annotation ${i + 1}:`);
        b.line('footer', hypoStamp(w));
        const lab = b.write('Comment:');
        b.records.push({ doc, start: lab.start, end: lab.end, text: 'Comment:', kind: 'footer' });
        b.write(' ');
        span = b.paras(ps, { firstOpen: true });
        b.nl();
        hdr = b.headerBlock([c.user]);
        const q = isReply(c) ? null : hypoQuote(article.meta, c);
        if (q === null) extras.nullQuotes++;
        else extras.quotes++;
        b.line('footer', `Quote: "${q ?? 'null'}"`);
        break;
      }
      case 'cl': {
        // Mailman plain digest: header block, an empty line, the body, an empty line, the
        // separator, an empty line.
        const subj = foldHeader('Subject', mlSubject(article.title));
        if (subj.length > 1) extras.folded++;
        const stamp = `${w.y}${pad2(w.m)}${pad2(w.d)}${pad2(w.hh)}${pad2(w.mm)}${pad2(sec)}`;
        hdr = b.headerBlock([
          `Message: ${i + 1}`,
          `Date: ${rfcDate(w, sec)}`,
          `From: ${c.user} <${mailOf(c.user)}>`,
          ...subj,
          `To: ${ML.post}`,
          `Message-ID: <${stamp}.${(fnv1a(`msgid:${c.user}:${c.pos}`) % 90000) + 10000}@${mailOf(c.user).split('@')[1]}>`,
          'Content-Type: text/plain; charset=us-ascii',
        ]);
        b.nl();
        span = b.paras(ps);
        b.nl(2);
        b.line('footer', ML_RULE_MSG);
        if (!last) b.nl();
        break;
      }
      default:
        throw new Error(page.layout);
    }
    b.comment({ index: i, author: c.user, depth, parent }, span, hdr);
  });

  // Tails
  if (page.layout === 'cg') {
    b.line('footer', TWINT_TAIL);
  } else if (page.layout === 'ci') {
    writeThreadTail(b, WP_TAIL, article);
  } else if (page.layout === 'cl') {
    b.nl();
    for (const l of ['_'.repeat(47), `${ML.name} mailing list`, ML.post.replace(/^fox/, 'Fox'), ML.info]) b.line('footer', l);
    b.nl(2);
    const end = `End of ${ML.name} Digest, Vol ${ML.vol}, Issue ${ML.issue}`;
    b.line('footer', end);
    b.line('footer', '*'.repeat(end.length));
  }
  if (b.s.endsWith(eol + eol)) throw new Error(`${doc}: page ends with an empty line`);
  return { doc, layout: page.layout, page, article, text: b.s, recs: b.sortedRecords(), order, selected, capped, outside, extras };
}

// ---------------------------------------------------------------------------------------------
// Checks on the files as re-read from disk

const ARTICLE_KIND = [
  ['dateline', new RegExp(`^(?:\\d{1,2} ${MONTH_RE}, \\d{4}|\\d{1,2}/\\d{1,2}/\\d{4}|${DAY_RE} \\d{1,2}(?:st|nd|rd|th) ${MONTH_RE} \\d{4})$`)],
  ['caption', / \(Photo: dpa\/picture alliance\)$| Image: Flickr\/CC BY 2\.0$| Photo via Creative Commons$| Image: YouTube\/Fox News$| Source: pool footage$/],
  ['source', /^(?:Original report: Fox News|Taken from FoxNews\.com|First published at foxnews\.com|Quoted from FoxNews\.com|Original source: Fox News)$/],
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

  if (layout === 'cg') {
    let lastId = -1n;
    while (k < n - 1) {
      const m = RE.twint.exec(L[k].text);
      if (!m) err(`cg: bad tweet line ${k}: ${L[k].text.slice(0, 40)}`);
      // the ID's timestamp is the printed time (CEST = UTC+2)
      const id = BigInt(m[1].split(' ')[0]);
      const ms = Number((id >> 22n) + TWITTER_EPOCH);
      if (ms !== Date.UTC(+m[2], +m[3] - 1, +m[4], +m[5] - 2, +m[6], +m[7])) err(`cg: tweet ID does not match its time at ${k}`);
      if (id <= lastId) err('cg: IDs not increasing');
      lastId = id;
      const e = textEnd(k, (q) => !RE.twint.test(L[q].text) && q !== n - 1);
      if (L[e + 1] && L[e + 1].text === '') err(`cg: empty line after tweet at ${e}`);
      paras(k, e, { firstOpen: true });
      const he = L[k].start + m[1].length;
      pushComment(he + 1, L[e].end, m[8], 0, { start: L[k].start, end: he });
      k = e + 1;
    }
    if (L[n - 1].text !== TWINT_TAIL) err('cg: no twint tail');
    plain(L[n - 1], 'footer');
  } else if (layout === 'ch') {
    const isHead = (q) => RE.imsgDate.test(L[q]?.text ?? '') && RE.name.test(L[q + 1]?.text ?? '');
    while (k < n) {
      if (!isHead(k)) err(`ch: bad message header at ${k}`);
      const s = k + 2;
      const e = textEnd(s, (q) => !isHead(q) && L[q].text !== 'Reactions:');
      paras(s, e);
      pushComment(L[s].start, L[e].end, L[k + 1].text, 0, headerOf(k, k + 1));
      let q = e + 1;
      let gap = 1;
      if (L[q]?.text === 'Reactions:') {
        plain(L[q], 'footer');
        q++;
        if (!RE.tapback.test(L[q]?.text ?? '')) err('ch: empty reactions');
        while (RE.tapback.test(L[q]?.text ?? '')) {
          if (L[q].text.endsWith(` by ${L[k + 1].text}`)) err('ch: a user reacts to their own message');
          plain(L[q], 'footer');
          q++;
        }
        gap = 2;
      }
      if (q < n) {
        for (let g = 0; g < gap; g++) if (L[q + g]?.text !== '') err(`ch: expected ${gap} empty line(s) after the message ending at ${q}`);
        q += gap;
        if (!isHead(q)) err(`ch: no message after the gap at ${q}`);
      }
      k = q;
    }
  } else if (layout === 'ci') {
    if (!/^\d+ responses to \u201c.+\u201d$/.test(L[k]?.text ?? '') || L[k + 1]?.text !== '') err('ci: no heading');
    plain(L[k], 'footer');
    k += 2;
    // the thread tail: one empty line, then its lines
    const tl = WP_TAIL.length;
    if (L.slice(n - tl).map((l) => l.text).join('\n') !== WP_TAIL.join('\n') || L[n - tl - 1].text !== '' || L[n - tl - 2].text === '') err('ci: thread tail');
    const end = n - tl - 1;
    while (k < end) {
      const col = lead(L[k].text);
      if (col % 4 !== 0 || !RE.name.test(L[k].text.slice(col))) err(`ci: bad name line at ${k}`);
      if (!RE.wpDate.test(L[k + 1].text) || lead(L[k + 1].text) !== col) err(`ci: no date line at ${k + 1}`);
      let w = k + 2;
      while (w < end && L[w].text !== `${' '.repeat(col)}Like`) w++;
      if (w >= end) err('ci: no Like line');
      paras(k + 2, w - 1, { col });
      pushComment(L[k + 2].start + col, L[w - 1].end, L[k].text.slice(col), col / 4, headerOf(k, k + 1));
      plain(L[w], 'footer');
      let q = w + 1;
      if (RE.wpLiked.test(L[q].text) && lead(L[q].text) === col) {
        plain(L[q], 'footer');
        q++;
      }
      if (L[q].text !== `${' '.repeat(col)}Reply`) err(`ci: no Reply line at ${q}`);
      plain(L[q], 'footer');
      k = q + 1;
      if (k < end) {
        if (L[k].text !== '' || L[k + 1]?.text === '') err('ci: comments not separated by one empty line');
        k++;
      }
    }
    for (let q = n - tl; q < n; q++) plain(L[q], 'footer');
  } else if (layout === 'cj') {
    if (!/^\d+ Comments$/.test(L[k]?.text ?? '') || L[k + 1]?.text !== 'Sort by' || L[k + 2]?.text !== 'Add a comment...' || L[k + 3]?.text !== '') err('cj: heading');
    for (let j = 0; j < 3; j++) plain(L[k + j], 'footer');
    k += 4;
    let pinned = 0;
    while (k < n) {
      const h0 = k;
      if (L[k].text === YT_PINNED) {
        pinned++;
        k++;
      }
      const m = RE.ytHandle.exec(L[k]?.text ?? '');
      if (!m || !RE.ytAge.test(L[k + 1]?.text ?? '')) err(`cj: bad header at ${k}`);
      // the text ends at the widget lines: [count], `Reply`
      let w = k + 2;
      while (w < n && !(L[w].text === 'Reply' && (L[w - 1].text !== '') && (RE.ytCount.test(L[w - 1].text) ? w - 1 > k + 2 : true))) w++;
      if (w >= n) err('cj: no Reply line');
      const countLine = RE.ytCount.test(L[w - 1].text) && L[w - 2].text !== '' ? w - 1 : null;
      const e = (countLine ?? w) - 1;
      paras(k + 2, e);
      pushComment(L[k + 2].start, L[e].end, m[1], 0, headerOf(h0, k + 1));
      if (countLine !== null) plain(L[countLine], 'footer');
      plain(L[w], 'footer');
      let q = w + 1;
      if (RE.ytReplies.test(L[q]?.text ?? '')) {
        plain(L[q], 'footer');
        q++;
      }
      k = q;
      if (k < n) {
        if (L[k].text !== '' || L[k + 1]?.text === '') err('cj: comments not separated by one empty line');
        k++;
      }
    }
    if (pinned !== 1) err('cj: not exactly one pinned comment');
  } else if (layout === 'ck') {
    // the export header: date, title, URL, five summary fields, an empty line
    if (!RE.hypoDate.test(L[k]?.text ?? '')) err('ck: no export date');
    plain(L[k], 'footer');
    plain(L[k + 1], 'title');
    if (!/^https?:\/\/\S+$/.test(L[k + 2]?.text ?? '')) err('ck: no URL');
    plain(L[k + 2], 'footer');
    const fields = ['Group: ', 'Total users: ', 'Users: ', 'Total annotations: ', 'Total replies: '];
    fields.forEach((f, j) => {
      if (!L[k + 3 + j]?.text.startsWith(f)) err(`ck: no ${f}line`);
      plain(L[k + 3 + j], 'footer');
    });
    if (L[k + 8]?.text !== '') err('ck: no empty line after the summary');
    k += 9;
    let no = 1;
    while (k < n) {
      const m = RE.hypoAnno.exec(L[k]?.text ?? '');
      if (!m || +m[1] !== no) err(`ck: bad annotation line at ${k}`);
      if (!RE.hypoDate.test(L[k + 1]?.text ?? '')) err(`ck: no date at ${k + 1}`);
      if (!L[k + 2]?.text.startsWith('Comment: ') || L[k + 2].text.length < 10) err(`ck: no comment at ${k + 2}`);
      plain(L[k], 'footer');
      plain(L[k + 1], 'footer');
      const cs = L[k + 2].start;
      plain({ start: cs, end: cs + 8, text: 'Comment:' }, 'footer', cs);
      // the user name is the line directly above `Quote: "…"`
      let u = k + 3;
      while (u < n && !(RE.hypoQuote.test(L[u + 1]?.text ?? '') && RE.name.test(L[u].text))) u++;
      if (u >= n) err('ck: no user line');
      paras(k + 2, u - 1, { firstOpen: true });
      pushComment(cs + 9, L[u - 1].end, L[u].text, 0, headerOf(u, u));
      plain(L[u + 1], 'footer');
      k = u + 2;
      if (k < n) {
        if (L[k].text !== '' || L[k + 1]?.text === '') err('ck: annotations not separated by one empty line');
        k++;
      }
      no++;
    }
  } else if (layout === 'cl') {
    // masthead: 4 blocks of footer lines separated by one empty line, two empty lines
    const blocks = [2, 4, 2, 2];
    for (const [j, size] of blocks.entries()) {
      for (let q = k; q < k + size; q++) {
        if (L[q].text === '') err('cl: masthead');
        plain(L[q], 'footer');
      }
      k += size;
      if (L[k].text !== '') err('cl: masthead gap');
      k += j === blocks.length - 1 ? 2 : 1;
      if (j === blocks.length - 1 && L[k - 1].text !== '') err('cl: masthead end');
    }
    if (L[k].text !== "Today's Topics:" || L[k + 1].text !== '') err('cl: no topics');
    plain(L[k], 'footer');
    k += 2;
    const tocUsers = [];
    while (L[k].text !== '') {
      const m = /^ {2}[ \d]\d\. .*$/.exec(L[k].text);
      if (!m && !/^ {6}\S/.test(L[k].text)) err(`cl: bad TOC line ${k}`);
      const mm = /\(([A-Za-z0-9_]+)\)$/.exec(L[k].text);
      if (mm) tocUsers.push(mm[1]);
      plain(L[k], 'footer');
      k++;
    }
    if (L[k + 1].text !== '' || L[k + 2].text !== ML_RULE_TOC || L[k + 3].text !== '') err('cl: TOC rule');
    plain(L[k + 2], 'footer');
    k += 4;
    let no = 1;
    for (;;) {
      if (L[k].text !== `Message: ${no}`) err(`cl: no Message line at ${k}`);
      let h = k + 1;
      while (L[h].text !== '' && (RE.mlHeader.test(L[h].text) || L[h].text.startsWith('\t'))) h++;
      if (L[h].text !== '' || !L[h - 1].text.startsWith('Content-Type: ')) err(`cl: header block at ${k}`);
      const from = /^From: ([A-Za-z0-9_]+) <[^>]+>$/.exec(L.slice(k, h).map((l) => l.text).find((t) => t.startsWith('From: ')) ?? '');
      if (!from) err('cl: no From line');
      const s = h + 1;
      const e = textEnd(s, (q) => L[q].text !== ML_RULE_MSG);
      if (L[e + 1].text !== '' || L[e + 2].text !== ML_RULE_MSG) err(`cl: no separator after the body at ${e}`);
      paras(s, e);
      pushComment(L[s].start, L[e].end, from[1], 0, headerOf(k, h - 1));
      if (tocUsers[no - 1] !== from[1]) err(`cl: TOC author ${tocUsers[no - 1]} differs from ${from[1]}`);
      plain(L[e + 2], 'footer');
      k = e + 3;
      if (L[k].text !== '') err('cl: no empty line after the separator');
      if (L[k + 1].text.startsWith('Message: ')) {
        k++;
        no++;
        continue;
      }
      k++;
      break;
    }
    // the list footer, two empty lines, the end line and its asterisks
    for (let q = k; q < k + 4; q++) plain(L[q], 'footer');
    if (L[k].text !== '_'.repeat(47) || L[k + 4].text !== '' || L[k + 5].text !== '') err('cl: list footer');
    const endLine = L[k + 6]?.text ?? '';
    if (!/^End of .* Digest, Vol \d+, Issue \d+$/.test(endLine) || L[k + 7]?.text !== '*'.repeat(endLine.length) || k + 8 !== n) err('cl: end line');
    plain(L[k + 6], 'footer');
    plain(L[k + 7], 'footer');
  } else err('layout');
  return rp.records();
}

// The paragraphs of comment record c as in the dataset text (on ci without the indentation).
function partsOf(p, c) {
  return c.text.split(p.page.eol + p.page.eol).map((x) => x.replace(/^ +/, ''));
}

// ---------------------------------------------------------------------------------------------

runBlindSet('o', PAGES, renderPage, {
  layouts: ['cg', 'ch', 'ci', 'cj', 'ck', 'cl'],
  reparse,
  tabs: true,
  forbidden: /[\u00a0\u202f\u200b]/,
  allowParas: (p) => p.page.paras,
  partsOf,
  textChecks: (ctx) => {
    checkEncodingOnly(ctx, { bom: 'cg', crlf: 'cl' });
    const { p, text, fail } = ctx;
    // tabs only on cl, and only at the start of a masthead line or of a folded Subject line
    if (p.layout !== 'cl' && text.includes('\t')) fail(`${p.doc}: tab`);
    if (p.layout === 'cl' && /[^\n]\t|\t\s/.test(text)) fail(`${p.doc}: tab not at a line start`);
  },
  pageChecks: (ctx) => {
    const { p, cs, srcOf, fail } = ctx;
    // the comments are the article's comments 41–60 (positions 40..59)
    const want = p.article.comments.slice(WINDOW_START, WINDOW_START + N_COMMENTS);
    if (p.selected.some((c, j) => c !== want[j])) fail(`${p.doc}: selection is not comments 41–60`);
    for (const c of cs) {
      const src = srcOf.get(c);
      if (!src) continue;
      if (!c.header.text.includes(src.user)) fail(`${p.doc}: #${c.index} header without the author`);
      if (p.layout === 'ck' && c.header.start <= c.end) fail(`${p.doc}: #${c.index} user line not after the text`);
      if (p.layout !== 'ck' && c.header.end > c.start) fail(`${p.doc}: #${c.index} header not before the text`);
      if (p.layout === 'cj' && c.header.text.split('\n').at(-2) !== `@${src.user}`) fail(`${p.doc}: #${c.index} handle`);
      if (p.layout === 'cl' && !c.header.text.includes(`From: ${src.user} <${mailOf(src.user)}>`)) fail(`${p.doc}: #${c.index} From line`);
    }
    checkParasAtIndent(ctx, 'ci');
    checkWindowParents(ctx);
    // ck: `Quote: "null"` exactly on replies; other quotes are words of the description
    if (p.layout === 'ck') {
      const lines = p.text.split('\n');
      const quotes = lines.filter((l) => l.startsWith('Quote: "')).map((l) => l.slice(8, -1));
      cs.forEach((c, j) => {
        const reply = addresseeComment(p.article, srcOf.get(c)) !== null;
        if (reply !== (quotes[j] === 'null') || (!reply && !p.article.meta.includes(quotes[j]))) fail(`${p.doc}: #${j} quote`);
      });
    }
  },
  summaryTail: (p, cs) => {
    const x = p.extras;
    const span = timeSpan(x);
    const special = {
      cg: `${span}; ids ${x.ids[0]}…${x.ids[x.ids.length - 1]}`,
      ch: `${span}; read receipts ${x.reads}; reaction blocks ${x.reactionBlocks} (${x.reactionLines} lines)`,
      ci: `${span}; max depth ${Math.max(...cs.map((c) => c.depth))}; Liked-by lines ${x.likedBy}; replies with the parent off the page ${p.outside}`,
      cj: `${span}; count lines ${x.ytCounts}; reply lines ${x.ytReplies}; edited ${x.edited}`,
      ck: `${span}; quotes ${x.quotes}; null quotes ${x.nullQuotes}`,
      cl: `${span}; TOC lines ${x.tocLines}; folded subjects ${x.folded}`,
    }[p.layout];
    return `; ${special}` + cappedNote(p);
  },
});
