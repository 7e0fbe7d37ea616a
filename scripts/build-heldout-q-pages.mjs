#!/usr/bin/env node
// Held-out segmentation pages, set Q (layouts cs–cx).
//
// Builds tests/heldout-q/pages/*.txt and tests/heldout-q/segment.gold.jsonl from the Fox News
// comments dataset, then re-reads the files from disk and checks them (see tests/heldout-q/README.md).
//
//   node scripts/build-heldout-q-pages.mjs                 # shared dir defaults to <repo>/../shared
//   node scripts/build-heldout-q-pages.mjs /path/to/shared
//
// Plain Node >= 20, no dependencies. It imports scripts/lib/blind-set-kit.mjs (dataset loading,
// slug rule, comment times, paragraph splits, page writer, article part, output, the re-parse frame
// and the layout-independent checks) and keeps its layouts here. Each page takes the article's
// comments 81–100 in dataset order (the six articles used have at least 100), so the comment
// selection and the reply tree are built here (a reply whose addressee's comment is not on the page
// is shown at the top level). It reads nothing but the dataset (through the kit), reads no clock,
// and its only randomness is a fixed-seed PRNG, so two runs give byte-identical output. Gold offsets
// are taken while the page text is being written, never by searching the finished text.

import {
  MONTHS, SHORT_MONTHS, DAYS, checkEncodingOnly, classifier, commentParas, commentTimes, fnv1a,
  layoutRngs, minutesOf, ordinal, pad2, reparser, runBlindSet, wallClock, cappedNote, N_COMMENTS,
  h12, ampm, yy, commentWindow, threadOrder, checkWindowParents, timeSpan, wrapTo,
} from './lib/blind-set-kit.mjs';

// ---------------------------------------------------------------------------------------------
// Comment selection: comments 81–100 of the article (positions 80..99); every article used here has
// at least 100. Empty texts would be skipped (the dataset has none).

const WINDOW_START = 80;

const selectComments = (article) => commentWindow(article, WINDOW_START);

// ---------------------------------------------------------------------------------------------
// Fixed words of the layouts

// The pages are imagined as copied in September 2024.
const COPY_YEAR = 2024;
const COPY_MONTH = 9;
const yearsSince = (d) => COPY_YEAR - d.y - (COPY_MONTH < d.m ? 1 : 0);

// cs: WhatsApp chat export from iOS ("Export Chat", without media).
const WA_GROUP = 'Fox News readers';
const WA_NOTICE = '\u200eMessages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.';
const NNBSP = '\u202f';
// ct: Microsoft Teams chat, copied (select all) and pasted into Notepad (BOM).
const TEAMS_HEAD = ['Fox News reader comments', 'Chat', 'Shared'];
const TEAMS_TAIL = ['Type a message'];
// cu: lynx -dump -nolist of a WordPress comment page (wp_list_comments, style "ul").
const LYNX_BULLETS = ['*', '+', 'o', '#', '@'];
const LYNX_MARGIN = 3;
const LYNX_STEP = 3;
const LYNX_WIDTH = 76;
const LYNX_TAIL = ['Comment navigation', '\u2190 Older Comments', 'Newer Comments \u2192', 'Leave a Reply'];
// cv: Nextdoor-like neighbourhood thread.
const ND_PLACES = ['Harbor View', 'Old Town', 'Riverside', 'Maple Heights', 'Eastgate', 'Lakeshore', 'Cedar Park', 'North End'];
const ND_HEAD = (a) => [`${a.comments.length} replies`, 'See previous replies'];
const ND_TAIL = ['Add a reply'];
// cw: reader e-mails pasted into one document (CRLF), each signed with a name and a mail-app tagline.
const MAIL_HEAD = ['From the mailbag', 'Reader e-mails about this story, as received.'];
const MAIL_TAGS = ['Sent from my iPhone', 'Sent from my iPad', 'Sent from Yahoo Mail on Android', 'Get Outlook for Android',
  'Sent from my Verizon, Samsung Galaxy smartphone', 'Sent from Mail for Windows 10'];
// cx: NVDA Speech Viewer log of a screen-reader pass through the comments, copied.
const SR_SEP = '  ';

const PAGES = [
  { layout: 'cs', article: 'ICE program', eol: '\n', bom: false, nested: false, paras: true, gaps: [2, 40],
    dateline: (d) => `${MONTHS[d.m - 1].toUpperCase()} ${d.d}, ${d.y} / 6:00 AM / UPDATED ${yearsSince(d)} YEARS AGO`,
    before: [], bodyParas: 1,
    after: [['caption', 'ICE officers during an enforcement operation. Photo: U.S. Immigration and Customs Enforcement/Handout'], ['source', 'Originally reported by Fox News']] },
  { layout: 'ct', article: 'First lady Obama', eol: '\n', bom: true, nested: false, paras: true, gaps: [2, 40],
    dateline: (d) => `${d.d} ${MONTHS[d.m - 1]} ${d.y} \u2022 6:00am`,
    before: [], bodyParas: 1,
    after: [['caption', 'First lady Michelle Obama at a commencement address. (Photo by Getty Images)'], ['source', 'Link: foxnews.com']] },
  { layout: 'cu', article: 'Texas, 12 states', eol: '\n', bom: false, nested: true, cap: 4, paras: true, gaps: [2, 40],
    dateline: (d) => `${DAYS[d.wd].slice(0, 3)}, ${d.d} ${SHORT_MONTHS[d.m - 1]} ${d.y} 06:00:00 -0400`,
    before: [], bodyParas: 1,
    after: [['caption', 'A restroom sign in a Texas school district. Photo: Shutterstock/File'], ['source', 'Credit: Fox News']] },
  { layout: 'cv', article: 'Navy names ship', eol: '\n', bom: false, nested: false, paras: true, gaps: [3, 50],
    dateline: (d) => `${DAYS[d.wd]} the ${ordinal(d.d)} of ${MONTHS[d.m - 1]}, ${d.y}`,
    before: [['caption', 'A fleet replenishment oiler of the kind the Navy will name. Illustration: U.S. Navy']], bodyParas: 1,
    after: [['source', 'Via the Fox News website']] },
  { layout: 'cw', article: 'States moving', eol: '\r\n', bom: false, nested: false, paras: true, gaps: [3, 50],
    dateline: (d) => `${d.m}/${d.d}/${d.y} 6:00:00 AM`,
    before: [], bodyParas: 2,
    after: [['caption', 'Groceries paid for with food stamps. (iStock photo)'], ['source', 'Fox News (original article)']] },
  { layout: 'cx', article: 'German lawmakers', eol: '\n', bom: false, nested: false, paras: true, gaps: [3, 50],
    dateline: (d) => `Published ${MONTHS[d.m - 1]} ${pad2(d.d)}, ${d.y}`,
    before: [], bodyParas: 1,
    after: [['caption', 'Lawmakers vote in the Bundestag. (Image: Reuters/File photo)'], ['source', 'Article by Fox News']] },
];

// Time formats (w: wallClock parts; s: seconds).
const waStamp = (w, s) => `[${w.m}/${w.d}/${yy(w.y)}, ${h12(w.hh)}:${pad2(w.mm)}:${pad2(s)}${NNBSP}${ampm(w.hh)}]`;
const teamsStamp = (w) => `${w.m}/${w.d}/${w.y} ${h12(w.hh)}:${pad2(w.mm)} ${ampm(w.hh)}`;
const wpStamp = (w) => `${MONTHS[w.m - 1]} ${w.d}, ${w.y} at ${h12(w.hh)}:${pad2(w.mm)} ${ampm(w.hh).toLowerCase()}`;
const ndStamp = (w) => `${SHORT_MONTHS[w.m - 1]} ${w.d}, ${w.y}`;
const srStamp = (w) => `${SHORT_MONTHS[w.m - 1]} ${w.d}, ${w.y}, ${h12(w.hh)}:${pad2(w.mm)} ${ampm(w.hh)}`;

// Per-user choices by hash.
const isExternal = (user) => fnv1a(`teams:${user}`) % 4 === 0;
const ndPlace = (user) => ND_PLACES[fnv1a(`place:${user}`) % ND_PLACES.length];
const mailTag = (user) => MAIL_TAGS[fnv1a(`tag:${user}`) % MAIL_TAGS.length];

// Shapes of the layouts' furniture (also used by the re-parse).
const RE = {
  name: /^[A-Za-z0-9_]+$/,
  waLine: /^\[(\d{1,2}\/\d{1,2}\/\d\d, \d{1,2}:\d\d:\d\d\u202f[AP]M)\] ([^:]+): (.*)$/,
  waStart: /^\[\d{1,2}\/\d{1,2}\/\d\d, /,
  teamsName: /^([A-Za-z0-9_]+)(?: \(External\))?$/,
  teamsTime: /^\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d\d [AP]M$/,
  lynxHead: /^([*+o#@]) ([A-Za-z0-9_]+) says:$/,
  lynxDate: /^(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4} at \d{1,2}:\d\d [ap]m$/,
  ndMeta: /^[A-Z][A-Za-z ]+ \u00b7 (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}$/,
  ndThanks: /^(?:1 Thank|\d+ Thanks)$/,
  srHeading: /^heading {2}level 3 {2}([A-Za-z0-9_]+)$/,
  srLink: /^link {2}(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}, \d{1,2}:\d\d [AP]M$/,
  srLike: /^button {2}Like(?: {2}\d+)?$/,
};

// Per layout: shapes its grammar would read as furniture; no paragraph (or wrapped line) may match one.
const FURNITURE = {
  cs: [RE.waStart],
  ct: [RE.teamsName, RE.teamsTime, /^Edited$/, /^Type a message$/],
  cu: [RE.lynxHead, /^[*+o#@] /, RE.lynxDate, /^Reply$/, /^(?:Comment navigation|Leave a Reply)$/, /Older Comments|Newer Comments/],
  cv: [RE.name, RE.ndMeta, /^(?:Thank|Reply)$/, RE.ndThanks, /^Add a reply$/],
  cw: [RE.name, new RegExp(`^(?:${MAIL_TAGS.join('|')})$`)],
  cx: [/^(?:heading|link|button|list|out of list|toggle button|clickable)\b/],
};

const lynxCol = (depth) => LYNX_MARGIN + LYNX_STEP * depth;
const lynxWrap = (depth) => wrapTo(LYNX_WIDTH - lynxCol(depth) - 2);

// ---------------------------------------------------------------------------------------------
// Page b after its article part (runBlindSet writes that): thread heading, comments, tails.

function renderPage(b, page, pageNo, article) {
  const { doc } = b;
  const d = article.date;
  const { selected, order, capped, outside, indexOf } = threadOrder(article, page, selectComments(article));
  const { rng, counts } = layoutRngs('q', page.layout);
  const times = commentTimes(selected, minutesOf(d.y, d.m, d.d, 6, 5 + Math.floor(rng() * 45)), rng, () => page.gaps);
  const extras = { firstTime: null, lastTime: null, external: 0, edited: 0, thanks: 0, likes: 0 };

  // Thread heading
  if (page.layout === 'cs') {
    b.line('footer', `[${d.m}/${d.d}/${yy(d.y)}, 6:00:00${NNBSP}AM] ${WA_GROUP}: ${WA_NOTICE}`);
  } else if (page.layout === 'ct') {
    for (const l of TEAMS_HEAD) b.line('footer', l);
    b.nl();
  } else if (page.layout === 'cu') {
    b.line('footer', `${article.comments.length} thoughts on \u201c${article.title}\u201d`, ' '.repeat(LYNX_MARGIN));
    b.nl();
  } else if (page.layout === 'cv') {
    for (const l of ND_HEAD(article)) b.line('footer', l);
    b.nl();
  } else if (page.layout === 'cw') {
    for (const l of MAIL_HEAD) b.line('footer', l);
    b.nl();
  } else if (page.layout === 'cx') {
    b.line('footer', `heading${SR_SEP}level 2${SR_SEP}${article.comments.length} Comments`);
    b.line('footer', `list${SR_SEP}with ${N_COMMENTS} items`);
  }

  order.forEach((n, i) => {
    const c = n.c;
    const depth = n.depth;
    const parent = n.parent ? indexOf.get(n.parent) : null;
    const wrap = page.layout === 'cu' ? lynxWrap(depth) : undefined;
    const ps = commentParas(doc, c, pageNo, page.paras, FURNITURE[page.layout], wrap);
    const t = times.get(c);
    const w = wallClock(t);
    if (extras.firstTime === null) extras.firstTime = t;
    extras.lastTime = t;
    let hdr;
    let span;
    switch (page.layout) {
      case 'cs': {
        // iOS export: `[8/17/16, 6:05:12 AM] user: ` and the first paragraph on one line; later
        // paragraphs after an empty line at column 0. No empty line between messages.
        const s = Math.floor(counts() * 60);
        const h = b.write(`${waStamp(w, s)} ${c.user}:`);
        hdr = b.span(h.start, h.end);
        b.write(' ');
        span = b.paras(ps, { firstOpen: true });
        b.nl();
        break;
      }
      case 'ct': {
        // Teams: name [ (External)], `6/4/2016 6:54 AM`, [Edited]; the text; one empty line between.
        if (i > 0) b.nl();
        const ext = isExternal(c.user);
        if (ext) extras.external++;
        const edited = counts() < 0.15;
        if (edited) extras.edited++;
        hdr = b.headerBlock([`${c.user}${ext ? ' (External)' : ''}`, teamsStamp(w), ...(edited ? ['Edited'] : [])]);
        span = b.paras(ps);
        b.nl();
        break;
      }
      case 'cu': {
        // lynx: `* user says:` at column 3 + 3 × depth (bullet by level), the date under the name;
        // an empty line; the text wrapped at 76 columns at the name's column; an empty line; `Reply`.
        if (i > 0) b.nl();
        const col = lynxCol(depth);
        const ind = ' '.repeat(col + 2);
        const h1 = b.write(`${' '.repeat(col)}${LYNX_BULLETS[depth]} ${c.user} says:`);
        b.nl();
        b.write(ind);
        const h2 = b.write(wpStamp(w));
        hdr = b.span(h1.start + col, h2.end);
        b.nl(2);
        span = b.paras(ps, { indent: ind, wrap });
        b.nl(2);
        b.line('footer', 'Reply', ind);
        break;
      }
      case 'cv': {
        // Nextdoor-like: name, `Place · Aug 17, 2016`; the text; `Thank`, `Reply`, [`3 Thanks`].
        if (i > 0) b.nl();
        hdr = b.headerBlock([c.user, `${ndPlace(c.user)} \u00b7 ${ndStamp(w)}`]);
        span = b.paras(ps);
        b.nl();
        b.line('footer', 'Thank');
        b.line('footer', 'Reply');
        const r = counts();
        const th = Math.floor(r * r * r * 30);
        if (th > 0) {
          extras.thanks++;
          b.line('footer', th === 1 ? '1 Thank' : `${th} Thanks`);
        }
        break;
      }
      case 'cw': {
        // Mailbag: the text, then directly under it the name and the mail app's tagline.
        if (i > 0) b.nl();
        span = b.paras(ps);
        b.nl();
        hdr = b.headerBlock([c.user, mailTag(c.user)]);
        break;
      }
      case 'cx': {
        // NVDA Speech Viewer: `heading  level 3  user`, `link  Aug 17, 2016, 6:05 AM`; one line per
        // paragraph; `button  Like  12` (`button  Like` at 0), `button  Reply`. No empty lines.
        hdr = b.headerBlock([`heading${SR_SEP}level 3${SR_SEP}${c.user}`, `link${SR_SEP}${srStamp(w)}`]);
        let start = null;
        let end = null;
        ps.forEach((p, k) => {
          if (k > 0) b.nl();
          const r = b.write(p);
          if (start === null) start = r.start;
          end = r.end;
        });
        span = { start, end };
        b.nl();
        const r = counts();
        const likes = Math.floor(r * r * r * 60);
        if (likes > 0) extras.likes++;
        b.line('footer', `button${SR_SEP}Like${likes > 0 ? `${SR_SEP}${likes}` : ''}`);
        b.line('footer', `button${SR_SEP}Reply`);
        break;
      }
      default:
        throw new Error(page.layout);
    }
    b.comment({ index: i, author: c.user, depth, parent }, span, hdr);
  });

  // Tails
  if (page.layout === 'ct') {
    b.nl();
    for (const l of TEAMS_TAIL) b.line('footer', l);
  } else if (page.layout === 'cu') {
    b.nl();
    for (const l of LYNX_TAIL) b.line('footer', l, ' '.repeat(LYNX_MARGIN));
  } else if (page.layout === 'cv') {
    b.nl();
    for (const l of ND_TAIL) b.line('footer', l);
  } else if (page.layout === 'cx') {
    b.line('footer', 'out of list');
    b.line('footer', `button${SR_SEP}Load more comments`);
  }
  if (b.s.endsWith(page.eol + page.eol)) throw new Error(`${doc}: page ends with an empty line`);
  return { doc, layout: page.layout, page, article, text: b.s, recs: b.sortedRecords(), order, selected, capped, outside, extras };
}

// ---------------------------------------------------------------------------------------------
// Checks on the files as re-read from disk

const MONTH_RE = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const DAY_RE = '(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)';
const ARTICLE_KIND = [
  ['dateline', new RegExp(`^(?:[A-Z]+ \\d{1,2}, \\d{4} / 6:00 AM / UPDATED \\d+ YEARS AGO|\\d{1,2} ${MONTH_RE} \\d{4} \u2022 6:00am|(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat), \\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} 06:00:00 -0400|${DAY_RE} the \\d{1,2}(?:st|nd|rd|th) of ${MONTH_RE}, \\d{4}|\\d{1,2}/\\d{1,2}/\\d{4} 6:00:00 AM|Published ${MONTH_RE} \\d\\d, \\d{4})$`)],
  ['caption', /Photo: U\.S\. Immigration and Customs Enforcement\/Handout$|\(Photo by Getty Images\)$| Photo: Shutterstock\/File$| Illustration: U\.S\. Navy$|\(iStock photo\)$|\(Image: Reuters\/File photo\)$/],
  ['source', /^(?:Originally reported by Fox News|Link: foxnews\.com|Credit: Fox News|Via the Fox News website|Fox News \(original article\)|Article by Fox News)$/],
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
  const tailStart = (tail, col = 0) => {
    const tl = tail.length;
    if (L.slice(n - tl).map((l) => l.text.slice(col)).join('\n') !== tail.join('\n') || L[n - tl - 1].text !== '' || L[n - tl - 2].text === '') err('thread tail');
    return n - tl - 1;
  };
  const heading = (lines) => {
    lines.forEach((want, j) => {
      if (!want.test(L[k + j]?.text ?? '')) err(`heading line ${j}`);
      plain(L[k + j], 'footer');
    });
    k += lines.length;
  };
  const gapOne = (end, what) => {
    if (k < end) {
      if (L[k].text !== '' || L[k + 1]?.text === '') err(`${what}: not separated by one empty line`);
      k++;
    }
  };

  if (layout === 'cs') {
    const m0 = RE.waLine.exec(L[k]?.text ?? '');
    if (!m0 || m0[2] !== WA_GROUP || !m0[3].startsWith('\u200e')) err('cs: no encryption notice');
    plain(L[k], 'footer');
    k++;
    while (k < n) {
      const m = RE.waLine.exec(L[k].text);
      if (!m || !RE.name.test(m[2]) || m[3].startsWith('\u200e')) err(`cs: bad message line ${k}`);
      const hEnd = L[k].start + L[k].text.length - m[3].length - 1;
      const e = textEnd(k, (q) => !RE.waStart.test(L[q].text));
      paras(k, e, { firstOpen: true });
      pushComment(hEnd + 1, L[e].end, m[2], 0, { start: L[k].start, end: hEnd });
      k = e + 1;
    }
  } else if (layout === 'ct') {
    heading(TEAMS_HEAD.map((l) => new RegExp(`^${l}$`)));
    if (L[k]?.text !== '') err('ct: heading gap');
    k++;
    const end = tailStart(TEAMS_TAIL);
    while (k < end) {
      const m = RE.teamsName.exec(L[k].text);
      if (!m || !RE.teamsTime.test(L[k + 1]?.text ?? '')) err(`ct: bad header at ${k}`);
      let h = k + 1;
      if (L[h + 1]?.text === 'Edited') h++;
      const s = h + 1;
      // a paragraph continues the text unless it starts a new header (name line + time line)
      const e = textEnd(s, (q) => q < end && !(RE.teamsName.test(L[q].text) && RE.teamsTime.test(L[q + 1]?.text ?? '')));
      paras(s, e);
      pushComment(L[s].start, L[e].end, m[1], 0, headerOf(k, h));
      k = e + 1;
      gapOne(end, 'ct');
    }
    plain(L[n - 1], 'footer');
  } else if (layout === 'cu') {
    const hm = /^ {3}(\d+) thoughts on \u201c.*\u201d$/.exec(L[k]?.text ?? '');
    if (!hm) err('cu: no heading');
    plain(L[k], 'footer');
    k++;
    if (L[k]?.text !== '') err('cu: heading gap');
    k++;
    const end = tailStart(LYNX_TAIL, LYNX_MARGIN);
    while (k < end) {
      const col = lead(L[k].text);
      const m = RE.lynxHead.exec(L[k].text.slice(col));
      if (!m || (col - LYNX_MARGIN) % LYNX_STEP !== 0) err(`cu: bad header at ${k}`);
      const depth = (col - LYNX_MARGIN) / LYNX_STEP;
      if (LYNX_BULLETS[depth] !== m[1]) err(`cu: bullet ${m[1]} at depth ${depth}`);
      const tcol = col + 2;
      if (lead(L[k + 1].text) !== tcol || !RE.lynxDate.test(L[k + 1].text.slice(tcol))) err(`cu: no date line at ${k + 1}`);
      if (L[k + 2]?.text !== '') err(`cu: no empty line after the header at ${k}`);
      const s = k + 3;
      const isReply = (q) => L[q].text === `${' '.repeat(tcol)}Reply`;
      const e = textEnd(s, (q) => !isReply(q), true);
      if (L[e + 1]?.text !== '' || !isReply(e + 2)) err(`cu: no Reply line after ${e}`);
      paras(s, e, { col: tcol, width: LYNX_WIDTH });
      pushComment(L[s].start + tcol, L[e].end, m[2], depth, headerOf(k, k + 1));
      plain(L[e + 2], 'footer');
      k = e + 3;
      gapOne(end, 'cu');
    }
    for (let q = end + 1; q < n; q++) plain(L[q], 'footer');
  } else if (layout === 'cv') {
    heading([/^\d+ replies$/, /^See previous replies$/]);
    if (L[k]?.text !== '') err('cv: heading gap');
    k++;
    const end = tailStart(ND_TAIL);
    const isWidget = (q) => L[q]?.text === 'Thank' && L[q + 1]?.text === 'Reply';
    while (k < end) {
      if (!RE.name.test(L[k].text) || !RE.ndMeta.test(L[k + 1]?.text ?? '')) err(`cv: bad header at ${k}`);
      const s = k + 2;
      const e = textEnd(s, (q) => !isWidget(q));
      if (!isWidget(e + 1)) err(`cv: no widget after ${e}`);
      paras(s, e);
      pushComment(L[s].start, L[e].end, L[k].text, 0, headerOf(k, k + 1));
      plain(L[e + 1], 'footer');
      plain(L[e + 2], 'footer');
      k = e + 3;
      if (RE.ndThanks.test(L[k]?.text ?? '')) {
        plain(L[k], 'footer');
        k++;
      }
      gapOne(end, 'cv');
    }
    plain(L[n - 1], 'footer');
  } else if (layout === 'cw') {
    heading(MAIL_HEAD.map((l) => new RegExp(`^${l.replace(/[.]/g, '\\.')}$`)));
    if (L[k]?.text !== '') err('cw: heading gap');
    k++;
    const isTag = (q) => MAIL_TAGS.includes(L[q]?.text);
    while (k < n) {
      const s = k;
      let u = s;
      while (u < n && !(RE.name.test(L[u].text) && isTag(u + 1))) u++;
      if (u >= n || u === s || L[u - 1].text === '') err(`cw: no signature after line ${s}`);
      paras(s, u - 1);
      pushComment(L[s].start, L[u - 1].end, L[u].text, 0, headerOf(u, u + 1));
      k = u + 2;
      gapOne(n, 'cw');
    }
  } else if (layout === 'cx') {
    heading([/^heading {2}level 2 {2}\d+ Comments$/, new RegExp(`^list {2}with ${N_COMMENTS} items$`)]);
    const end = n - 2;
    if (L[end]?.text !== 'out of list' || L[end + 1]?.text !== `button${SR_SEP}Load more comments`) err('cx: tail');
    while (k < end) {
      const m = RE.srHeading.exec(L[k].text);
      if (!m || !RE.srLink.test(L[k + 1]?.text ?? '')) err(`cx: bad header at ${k}`);
      const s = k + 2;
      let e = s;
      while (e + 1 < end && !RE.srLike.test(L[e + 1].text)) e++;
      for (let q = s; q <= e; q++) if (L[q].text === '' || lead(L[q].text) !== 0) err(`cx: bad text line ${q}`);
      if (!RE.srLike.test(L[e + 1]?.text ?? '') || L[e + 2]?.text !== `button${SR_SEP}Reply`) err(`cx: no buttons after ${e}`);
      pushComment(L[s].start, L[e].end, m[1], 0, headerOf(k, k + 1));
      plain(L[e + 1], 'footer');
      plain(L[e + 2], 'footer');
      k = e + 3;
    }
    plain(L[end], 'footer');
    plain(L[end + 1], 'footer');
  } else err('layout');
  return rp.records();
}

// The paragraphs of comment record c as in the dataset text (cu: wrapped lines joined, indentation
// removed; cx: one line a paragraph).
function partsOf(p, c) {
  const eol = p.page.eol;
  if (p.layout === 'cx') return c.text.split(eol);
  if (p.layout === 'cu') return c.text.split(eol + eol).map((x) => x.split(eol).map((l) => l.replace(/^ +/, '')).join(' '));
  return c.text.split(eol + eol);
}

// ---------------------------------------------------------------------------------------------

runBlindSet('q', PAGES, renderPage, {
  layouts: ['cs', 'ct', 'cu', 'cv', 'cw', 'cx'],
  reparse,
  tabs: false,
  forbidden: /[\u00a0\u200b\u200c\u200d\u200f\u2060]/,
  allowParas: (p) => p.page.paras,
  partsOf,
  textChecks: (ctx) => {
    checkEncodingOnly(ctx, { bom: 'ct', crlf: 'cw' });
    const { p, text, fail } = ctx;
    // U+200E only in cs's encryption notice; U+202F only in cs's time stamps
    const lrm = (text.match(/\u200e/g) ?? []).length;
    if (lrm !== (p.layout === 'cs' ? 1 : 0)) fail(`${p.doc}: ${lrm} U+200E`);
    const nnb = (text.match(/\u202f/g) ?? []).length;
    if (nnb !== (p.layout === 'cs' ? N_COMMENTS + 1 : 0)) fail(`${p.doc}: ${nnb} U+202F`);
  },
  pageChecks: (ctx) => {
    const { p, cs, srcOf, fail } = ctx;
    // the comments are the article's comments 81–100 (positions 80..99)
    const want = p.article.comments.slice(WINDOW_START, WINDOW_START + N_COMMENTS);
    if (p.selected.length !== N_COMMENTS || p.selected.some((c, j) => c !== want[j])) fail(`${p.doc}: selection is not comments 81–100`);
    for (const c of cs) {
      const src = srcOf.get(c);
      if (!src) continue;
      if (!c.header.text.includes(src.user)) fail(`${p.doc}: #${c.index} header without the author`);
      if (p.layout === 'cw' && c.header.start <= c.end) fail(`${p.doc}: #${c.index} signature not after the text`);
      if (p.layout !== 'cw' && c.header.end > c.start) fail(`${p.doc}: #${c.index} header not before the text`);
      if (p.layout === 'cs' && text(p, c.header.end, c.start) !== ' ') fail(`${p.doc}: #${c.index} header and text not on one line`);
    }
    // cu: later lines at the comment's text column, lines within the width
    if (p.layout === 'cu') {
      for (const c of cs) {
        const ind = ' '.repeat(lynxCol(c.depth) + 2);
        const lines = c.text.split('\n');
        if (lines.slice(1).some((x) => x !== '' && (!x.startsWith(ind) || x[ind.length] === ' '))) fail(`${p.doc}: #${c.index} line not at the comment's column`);
        if (lines.some((x, j) => (j === 0 ? ind.length : 0) + x.length > LYNX_WIDTH && x.trim().includes(' '))) fail(`${p.doc}: #${c.index} line too long`);
      }
    }
    checkWindowParents(ctx);
    if (p.page.nested && cs.filter((c) => c.depth >= 1).length < 5) fail(`${p.doc}: fewer than 5 replies`);
  },
  summaryTail: (p, cs) => {
    const x = p.extras;
    const span = timeSpan(x);
    const special = {
      cs: span,
      ct: `${span}; external ${x.external}; edited ${x.edited}`,
      cu: `${span}; max depth ${Math.max(...cs.map((c) => c.depth))}; replies with the parent off the page ${p.outside}`,
      cv: `${span}; thanks lines ${x.thanks}`,
      cw: span,
      cx: `${span}; like counts ${x.likes}`,
    }[p.layout];
    return `; ${special}` + cappedNote(p);
  },
});

function text(p, a, b) {
  return p.text.slice(a, b);
}
