#!/usr/bin/env node
// Held-out segmentation pages, set U (layouts dq–dv).
//
// Builds tests/heldout-u/pages/*.txt and tests/heldout-u/segment.gold.jsonl from the Fox News
// comments dataset, then re-reads the files from disk and checks them (see tests/heldout-u/README.md).
//
//   node scripts/build-heldout-u-pages.mjs                 # shared dir defaults to <repo>/../shared
//   node scripts/build-heldout-u-pages.mjs /path/to/shared
//
// Plain Node >= 20, no dependencies. It imports scripts/lib/blind-set-kit.mjs (dataset loading,
// slug rule, comment window, reply tree, comment times, paragraph splits, page writer, article part,
// output, the re-parse frame and the layout-independent checks) and keeps its layouts here. Each
// page takes a window of 20 comments of one article in dataset order (three windows of the Texas
// article, so its three pages get the doc suffixes -u, -u2 and -u3; the kit's runBlindSet names every
// page <slug>-<set>, so this script has its own short main flow built from the kit's parts). It reads
// nothing but the dataset (through the kit), reads no clock, and its only randomness is a fixed-seed
// PRNG, so two runs give byte-identical output. Gold offsets are taken while the page text is being
// written, never by searching the finished text.

import {
  SHORT_MONTHS, SHORT_DAYS, classifier, commentParas, commentTimes, fnv1a, layoutRngs,
  minutesOf, pad2, reparser, runBlindSet, wallClock, cappedNote, N_COMMENTS,
  h12, ampm, thousands, commentWindow, threadOrder, checkWindowParents, timeSpan, checkWindowSelection, headerGap,
  timeBounds, commentPusher,
} from './lib/blind-set-kit.mjs';

const SET = 'u';

// A whole number in [lo, hi] from a PRNG.
const between = (rng, lo, hi) => lo + Math.floor(rng() * (hi - lo + 1));

// ---------------------------------------------------------------------------------------------
// Fixed words of the layouts

// dq: telegram-cli (the command-line Telegram client) printing a group's history in a terminal.
const TG_CHAT = 'Fox News Readers';
const TG_ARROWS = '\u00bb\u00bb\u00bb';
const TG_BANNER = [
  'Telegram-cli version 1.3.3, Copyright (C) 2013-2015 Vitaly Valtman',
  'Telegram-cli comes with ABSOLUTELY NO WARRANTY; for details type `show_license\'.',
  'This is free software, and you are welcome to redistribute it',
  'under certain conditions; type `show_license\' for details.',
  'Telegram-cli uses libtgl version 2.1.0',
  'I: config dir=[/home/jordan/.telegram-cli]',
];
// dr: GitHub CLI, `gh issue view 181 --comments` with its output piped (the non-terminal form:
// `key:<TAB>value` lines and `--` rules).
const GH_ISSUE = (a) => [
  `title:\t${a.title}`, 'state:\tCLOSED', 'author:\tjordanellis', 'labels:\treader-comments', `comments:\t${N_COMMENTS}`,
  'assignees:\tjordanellis', 'projects:\tReader comment review (Done)', 'milestone:\tAugust 2016', 'number:\t181',
];
const GH_BODY = 'Reader comments on the Fox News story, copied from the comment section for review.';
const GH_RULE = '--';
// ds: a WordPress comment page fetched from the REST API and dumped with PyYAML (block style,
// keys in insertion order, literal blocks for the content, indentless sequences: 2 columns a level).
const WP_STEP = 2;
const WP_SITE = 'https://www.example.com';
const WP_POST = 48213;
const WP_PAGE = 10;
// dt: a Khoros (Lithium) community forum topic page copied from the browser.
const KH_CRUMBS = 'Fox News Community \u203a Politics \u203a Reader Forums';
const KH_RANKS = ['New Member', 'Contributor', 'Regular Contributor', 'Esteemed Contributor', 'Super Contributor'];
const LRM = '\u200e';
// du: a classic Google Hangouts group conversation copied from the browser.
const HO_NAME = 'Fox News readers';
const BULLET = '\u2022';
// dv: an NVivo (version 10) coding report of one node, exported as text.
const NV_NODE = 'Nodes\\\\Articles\\\\Alligator story';
const NV_FOLDER = 'Internals\\\\Fox News comments';
const SECT = '\u00a7';

const PAGES = [
  { layout: 'dq', article: 'Texas, 12 states', window: 220, suffix: 'u3', eol: '\n', bom: false, nested: false, paras: true, gaps: [1, 9], startHour: 14,
    dateline: (d) => `${SHORT_DAYS[d.wd]} ${SHORT_MONTHS[d.m - 1]} ${String(d.d).padStart(2, ' ')} 06:00:00 EDT ${d.y}`,
    before: [], bodyParas: 1,
    after: [['caption', 'Restroom doors at a Texas middle school. (Getty Images North America)'], ['source', 'Story: Fox News Politics']] },
  { layout: 'dr', article: 'Navy names ship', window: 173, suffix: 'u', eol: '\n', bom: false, nested: false, paras: true, gaps: [2, 40], startHour: 16,
    dateline: (d) => `${d.y}-${pad2(d.m)}-${pad2(d.d)} 10:00:00 +0000 UTC`,
    before: [], bodyParas: 2,
    after: [['caption', 'A fleet oiler moored at Naval Station Norfolk. DoD photo'], ['source', 'Copied from foxnews.com']] },
  { layout: 'ds', article: 'Texas, 12 states', window: 180, suffix: 'u', eol: '\n', bom: false, nested: true, cap: 4, paras: true, gaps: [2, 40], startHour: 11,
    dateline: (d) => `${d.y}-${pad2(d.m)}-${pad2(d.d)}T06:00:00`,
    before: [], bodyParas: 1,
    after: [['caption', 'The Texas Capitol in Austin. AFP/Getty Images'], ['source', 'Imported from Fox News']] },
  { layout: 'dt', article: 'Texas, 12 states', window: 200, suffix: 'u2', eol: '\n', bom: false, nested: false, paras: true, gaps: [3, 50], startHour: 17,
    dateline: (d) => `${d.y}/${d.m}/${d.d} 6:00`,
    before: [['caption', 'An all-gender restroom sign at a high school. Image courtesy of Getty']], bodyParas: 1,
    after: [['source', 'As published by Fox News']] },
  { layout: 'du', article: 'ICE program', window: 143, suffix: 'u', eol: '\n', bom: false, nested: false, paras: true, gaps: [3, 30], startHour: 13,
    dateline: (d) => `${SHORT_MONTHS[d.m - 1]} ${d.d}, ${d.y} at 6:00:00 AM EDT`,
    before: [], bodyParas: 2,
    after: [['caption', 'An ICE officer during a home arrest. ICE handout photo'], ['source', 'Story by Fox News']] },
  { layout: 'dv', article: 'Fury as feminist', window: 145, suffix: 'u', eol: '\n', bom: false, nested: false, paras: true, gaps: [2, 40], startHour: 15,
    dateline: (d) => `${pad2(d.d)}/${pad2(d.m)}/${d.y} 06:00:00`,
    before: [], bodyParas: 1,
    after: [['caption', 'An alligator in a central Florida lake. Orlando Sentinel file photo'], ['source', 'Source document: FoxNews.com']] },
];

// Time formats (w: wallClock parts; s: seconds).
const tgStamp = (w) => `[${w.d} ${SHORT_MONTHS[w.m - 1]} ${pad2(w.hh)}:${pad2(w.mm)}]`;
const wpDate = (w, s) => `${w.y}-${pad2(w.m)}-${pad2(w.d)}T${pad2(w.hh)}:${pad2(w.mm)}:${pad2(s)}`;
const khDate = (w) => `${LRM}${pad2(w.m)}-${pad2(w.d)}-${w.y} ${pad2(h12(w.hh))}:${pad2(w.mm)} ${ampm(w.hh)}`;
const hoTime = (w) => `${SHORT_MONTHS[w.m - 1]} ${w.d}, ${h12(w.hh)}:${pad2(w.mm)} ${ampm(w.hh)}`;
const nvMeta = (c, w) => `${c.user}, ${w.y}-${pad2(w.m)}-${pad2(w.d)} ${pad2(w.hh)}:${pad2(w.mm)}`;

// Per-user choices by hash.
const ghAssociation = (user) => (fnv1a(`gh:${user}`) % 4 === 0 ? 'contributor' : 'none');
const khRank = (user) => KH_RANKS[fnv1a(`khoros:${user}`) % KH_RANKS.length];

// NVivo coverage: the coded reference (the comment text) as a share of its source, which holds
// one line `user, date` above the text (not printed in the report): two decimals and a % sign.
const coverage = (text, meta) => `${((100 * text.length) / (text.length + meta.length + 1)).toFixed(2)}%`;

// Shapes of the layouts' furniture (also used by the re-parse).
const SMONTH_RE = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const SDAY_RE = '(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat)';
const RE = {
  name: /^[A-Za-z0-9_]+$/,
  tgMsg: new RegExp(`^(\\[(\\d{1,2}) ${SMONTH_RE} (\\d\\d):(\\d\\d)\\]  (.+) ([A-Za-z0-9_]+) ${TG_ARROWS}) (.*)$`),
  tgStart: new RegExp(`^\\[\\d{1,2} ${SMONTH_RE} \\d\\d:\\d\\d\\]`),
  ghField: /^([a-z]+):\t(.+)$/,
  wpId: /^( *)- id: (\d+)$/,
  wpDate: /^date: '\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d'$/,
  khDate: /^\u200e\d\d-\d\d-\d{4} \d\d:\d\d [AP]M$/,
  khMessage: /^Message (\d+) of (\d+)$/,
  khViews: /^[\d,]+ Views$/,
  khKudos: /^(\d+) Kudos?$/,
  hoByline: new RegExp(`^([A-Za-z0-9_]+) \u2022 ${SMONTH_RE} \\d{1,2}, \\d{1,2}:\\d\\d [AP]M$`),
  nvHead: /^<Internals\\\\Fox News comments\\\\(\d+) ([A-Za-z0-9_]+)> - \u00a7 1 reference coded {2}\[(\d+\.\d\d)% Coverage\]$/,
  nvRef: /^Reference 1 - (\d+\.\d\d)% Coverage$/,
};

// Per layout: shapes its grammar would read as furniture; no paragraph may match one.
const FURNITURE = {
  dq: [RE.tgStart, /^Telegram-cli /, /^I: /],
  dr: [/^[a-z]+:\t/, /^--$/],
  ds: [/^ *- id: /, /^ *[a-z_]+: /, /^ *replies:/],
  dt: [RE.name, RE.khDate, RE.khMessage, RE.khViews, RE.khKudos, /^Reply$/, new RegExp(`^(?:${KH_RANKS.join('|')})$`), /REPLIES/, /^\u00ab /],
  du: [RE.hoByline, /^\d+ people$/],
  dv: [/^<Internals/, /^Reference \d+ - /, /^Name: /],
};

// ---------------------------------------------------------------------------------------------
// Page b after its article part (the main flow writes that): thread heading, comments, tails.

function renderPage(b, page, pageNo, article) {
  const { doc } = b;
  const d = article.date;
  const selected = commentWindow(article, page.window);
  const { order, capped, outside, indexOf } = threadOrder(article, page, selected);
  const { rng, counts } = layoutRngs(SET, page.layout);
  const times = commentTimes(selected, minutesOf(d.y, d.m, d.d, page.startHour, 5 + Math.floor(rng() * 45)), rng, () => page.gaps);
  const extras = { ...timeBounds(selected, times), edited: 0, contributors: 0, kudos: 0, replyLines: 0 };
  // The paragraphs of every comment (checked against the layout's furniture), in display order.
  const parasOf = new Map(order.map((n) => [n, commentParas(doc, n.c, pageNo, page.paras, FURNITURE[page.layout])]));
  const push = commentPusher(b, indexOf);

  if (page.layout === 'dq') {
    // telegram-cli: its banner and config line, then one line per message
    // `[12 Aug 14:08]  Fox News Readers user »»» text`; a message's later paragraphs follow after an
    // empty line at column 0. No empty line between messages.
    for (const l of TG_BANNER) b.line('footer', l);
    order.forEach((n, i) => {
      const h = b.write(`${tgStamp(wallClock(times.get(n.c)))}  ${TG_CHAT} ${n.c.user} ${TG_ARROWS}`);
      b.write(' ');
      const span = b.paras(parasOf.get(n), { firstOpen: true });
      b.nl();
      push(n, i, span, b.span(h.start, h.end));
    });
  } else if (page.layout === 'dr') {
    // gh issue view --comments, piped: the issue's `key:<TAB>value` lines, `--`, its body, `--`;
    // per comment the four lines author/association/edited/status, `--`, the body, `--`. No empty
    // line except the paragraph breaks inside a body.
    for (const l of GH_ISSUE(article)) b.line('footer', l);
    b.line('footer', GH_RULE);
    b.line('footer', GH_BODY);
    b.line('footer', GH_RULE);
    order.forEach((n, i) => {
      const c = n.c;
      const assoc = ghAssociation(c.user);
      if (assoc !== 'none') extras.contributors++;
      const edited = counts() < 0.15;
      if (edited) extras.edited++;
      const hdr = b.headerBlock([`author:\t${c.user}`, `association:\t${assoc}`, `edited:\t${edited}`, 'status:\tnone']);
      b.line('footer', GH_RULE);
      const span = b.paras(parasOf.get(n));
      b.nl();
      b.line('footer', GH_RULE);
      push(n, i, span, hdr);
    });
  } else if (page.layout === 'ds') {
    // PyYAML dump of one REST API page of comments, nested by the script: the top-level keys, then
    // per comment `- id:`, `author_name:`, `date:` (quoted: it would read as a timestamp) and
    // `content: |-` with the text two columns deeper, then `replies: []` or `replies:` followed by
    // the replies. Depth d: the dash at column 2d. No empty line except inside a literal block.
    const head = [`post: ${WP_POST}`, `link: ${WP_SITE}/${d.y}/${pad2(d.m)}/${pad2(d.d)}/${article.slug}/`, `title: ${article.title}`,
      `comments_total: ${article.comments.length}`, `page: ${WP_PAGE}`, `per_page: ${N_COMMENTS}`, 'comments:'];
    for (const l of head) b.line('footer', l);
    // comment ids grow in time (file) order
    const ids = new Map();
    let id = 90000 + between(counts, 0, 999);
    for (const c of selected) {
      ids.set(c, id);
      id += between(counts, 1, 40);
    }
    order.forEach((n, i) => {
      const c = n.c;
      const ind = ' '.repeat(WP_STEP * n.depth);
      const s = Math.floor(counts() * 60);
      const hdr = b.headerBlock([`- id: ${ids.get(c)}`, `  author_name: ${c.user}`, `  date: '${wpDate(wallClock(times.get(c)), s)}'`, '  content: |-'], ind);
      const span = b.paras(parasOf.get(n), { indent: `${ind}    ` });
      b.nl();
      if (n.children.length) extras.replyLines++;
      b.line('footer', n.children.length ? 'replies:' : 'replies: []', `${ind}  `);
      push(n, i, span, hdr);
    });
  } else if (page.layout === 'dt') {
    // Khoros topic page: the breadcrumbs, the topic subject (the headline), `246 REPLIES 246`, an
    // empty line; per message the name, the rank, the date (with a U+200E in front), the text,
    // `Message 201 of 246`, `1,234 Views`, `4 Kudos` (`1 Kudo`) and `Reply`; one empty line between
    // messages; the pager after one empty line.
    const total = article.comments.length;
    b.line('footer', KH_CRUMBS);
    b.line('title', article.title);
    b.line('footer', `${total} REPLIES ${total}`);
    b.nl();
    order.forEach((n, i) => {
      const c = n.c;
      if (i > 0) b.nl();
      const hdr = b.headerBlock([c.user, khRank(c.user), khDate(wallClock(times.get(c)))]);
      const span = b.paras(parasOf.get(n));
      b.nl();
      const r = counts();
      const views = 40 + Math.floor(r * r * 2500);
      const r2 = counts();
      const kudos = Math.floor(r2 * r2 * r2 * 12);
      if (kudos > 0) extras.kudos++;
      b.line('footer', `Message ${c.pos + 1} of ${total}`);
      b.line('footer', `${thousands(views)} Views`);
      b.line('footer', `${kudos} ${kudos === 1 ? 'Kudo' : 'Kudos'}`);
      b.line('footer', 'Reply');
      push(n, i, span, hdr);
    });
    const pageNum = Math.floor(selected[0].pos / N_COMMENTS) + 1;
    const last = Math.ceil(total / N_COMMENTS);
    b.nl();
    b.line('footer', `\u00ab Previous 1 \u2026 ${pageNum - 1} ${pageNum} ${pageNum + 1} ${last} Next \u00bb`);
  } else if (page.layout === 'du') {
    // Classic Hangouts, copied: the conversation name and the number of people, an empty line; per
    // message the text, then directly under it the byline `user • Aug 17, 1:12 PM`. No empty line
    // between messages; an empty line inside a message is a paragraph break.
    const people = new Set(selected.map((c) => c.user)).size + 1;
    b.line('footer', HO_NAME);
    b.line('footer', `${people} people`);
    b.nl();
    order.forEach((n, i) => {
      const c = n.c;
      const span = b.paras(parasOf.get(n));
      b.nl();
      const hdr = b.headerBlock([`${c.user} ${BULLET} ${hoTime(wallClock(times.get(c)))}`]);
      push(n, i, span, hdr);
    });
  } else if (page.layout === 'dv') {
    // NVivo node report: `Name: <node>`, an empty line; per comment (one internal source each, named
    // `146 user` by its position in the article) the source line `<Internals\\…\\146 user> - § 1
    // reference coded  [87.43% Coverage]`, an empty line, `Reference 1 - 87.43% Coverage`, an empty
    // line, the text; one empty line between comments.
    b.line('footer', `Name: ${NV_NODE}`);
    b.nl();
    order.forEach((n, i) => {
      const c = n.c;
      if (i > 0) b.nl();
      const cov = coverage(c.text, nvMeta(c, wallClock(times.get(c))));
      const hdr = b.headerBlock([`<${NV_FOLDER}\\\\${c.pos + 1} ${c.user}> - ${SECT} 1 reference coded  [${cov} Coverage]`]);
      b.nl();
      b.line('footer', `Reference 1 - ${cov} Coverage`);
      b.nl();
      const span = b.paras(parasOf.get(n));
      b.nl();
      push(n, i, span, hdr);
    });
  } else throw new Error(page.layout);

  if (b.s.endsWith(page.eol + page.eol)) throw new Error(`${doc}: page ends with an empty line`);
  return { doc, layout: page.layout, page, article, text: b.s, recs: b.sortedRecords(), order, selected, capped, outside, extras, times };
}

// ---------------------------------------------------------------------------------------------
// Checks on the files as re-read from disk

const ARTICLE_KIND = [
  ['dateline', new RegExp(`^(?:${SDAY_RE} ${SMONTH_RE} [ \\d]\\d 06:00:00 EDT \\d{4}|\\d{4}-\\d\\d-\\d\\d 10:00:00 \\+0000 UTC|\\d{4}-\\d\\d-\\d\\dT06:00:00|\\d{4}/\\d{1,2}/\\d{1,2} 6:00|${SMONTH_RE} \\d{1,2}, \\d{4} at 6:00:00 AM EDT|\\d\\d/\\d\\d/\\d{4} 06:00:00)$`)],
  ['caption', / \(Getty Images North America\)$| DoD photo$| AFP\/Getty Images$| Image courtesy of Getty$| ICE handout photo$| Orlando Sentinel file photo$/],
  ['source', /^(?:Story: Fox News Politics|Copied from foxnews\.com|Imported from Fox News|As published by Fox News|Story by Fox News|Source document: FoxNews\.com)$/],
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
  const title = L[0].text;

  if (layout === 'dq') {
    // banner lines up to the first message line
    while (k < n && !RE.tgMsg.test(L[k].text)) {
      if (L[k].text === '') err(`dq: empty line in the banner at ${k}`);
      plain(L[k++], 'footer');
    }
    let last = -Infinity;
    while (k < n) {
      const m = RE.tgMsg.exec(L[k].text);
      if (!m || m[5] !== TG_CHAT) err(`dq: bad message line ${k}`);
      const t = +m[2] * 1440 + +m[3] * 60 + +m[4];
      if (t < last) err(`dq: stamps out of order at ${k}`);
      last = t;
      const e = textEnd(k, (q) => !RE.tgMsg.test(L[q].text));
      paras(k, e, { firstOpen: true });
      const hEnd = L[k].start + m[1].length;
      pushComment(hEnd + 1, L[e].end, m[6], 0, { start: L[k].start, end: hEnd });
      if (L[e + 1] && !RE.tgMsg.test(L[e + 1].text)) err(`dq: no message line after ${e}`);
      k = e + 1;
    }
  } else if (layout === 'dr') {
    const issueKeys = ['title', 'state', 'author', 'labels', 'comments', 'assignees', 'projects', 'milestone', 'number'];
    for (const key of issueKeys) {
      const m = RE.ghField.exec(L[k]?.text ?? '');
      if (!m || m[1] !== key) err(`dr: bad issue line ${k}`);
      plain(L[k++], 'footer');
    }
    if (L[k]?.text !== GH_RULE) err('dr: no rule after the issue fields');
    plain(L[k++], 'footer');
    while (k < n && L[k].text !== GH_RULE) {
      if (L[k].text === '') err('dr: empty line in the issue body');
      plain(L[k++], 'footer');
    }
    if (L[k]?.text !== GH_RULE) err('dr: no rule after the issue body');
    plain(L[k++], 'footer');
    const commentKeys = ['author', 'association', 'edited', 'status'];
    while (k < n) {
      const f = commentKeys.map((key, j) => {
        const m = RE.ghField.exec(L[k + j]?.text ?? '');
        if (!m || m[1] !== key) err(`dr: bad ${key} line at ${k + j}`);
        return m[2];
      });
      if (!RE.name.test(f[0]) || !/^(?:none|contributor)$/.test(f[1]) || !/^(?:true|false)$/.test(f[2]) || f[3] !== 'none') err(`dr: bad header values at ${k}`);
      if (L[k + 4]?.text !== GH_RULE) err(`dr: no rule under the header at ${k}`);
      plain(L[k + 4], 'footer');
      const s = k + 5;
      const e = textEnd(s, (q) => L[q].text !== GH_RULE);
      if (L[e + 1]?.text !== GH_RULE) err(`dr: no rule after the body at ${e}`);
      paras(s, e);
      pushComment(L[s].start, L[e].end, f[0], 0, headerOf(k, k + 3));
      plain(L[e + 1], 'footer');
      k = e + 2;
    }
  } else if (layout === 'ds') {
    const head = [/^post: \d+$/, /^link: https:\/\/\S+\/$/, /^title: /, /^comments_total: \d+$/, /^page: \d+$/, /^per_page: \d+$/, /^comments:$/];
    for (const re of head) {
      if (!re.test(L[k]?.text ?? '')) err(`ds: bad top-level key at ${k}`);
      plain(L[k++], 'footer');
    }
    const pending = []; // columns at which a `replies:` line promised children
    while (k < n) {
      const m = RE.wpId.exec(L[k].text);
      if (!m) err(`ds: no list item at ${k}`);
      const col = m[1].length;
      if (col % WP_STEP !== 0) err(`ds: odd column at ${k}`);
      const key = (q, re) => lead(L[q]?.text ?? '') === col + 2 && re.test(L[q].text.slice(col + 2));
      if (!key(k + 1, /^author_name: [A-Za-z0-9_]+$/) || !key(k + 2, RE.wpDate) || !key(k + 3, /^content: \|-$/)) err(`ds: bad item keys at ${k}`);
      const author = L[k + 1].text.slice(col + 2 + 'author_name: '.length);
      const isReplies = (q) => key(q, /^replies:(?: \[\])?$/);
      const s = k + 4;
      const e = textEnd(s, (q) => lead(L[q].text) === col + 4);
      if (!isReplies(e + 1)) err(`ds: no replies key after ${e}`);
      paras(s, e, { col: col + 4 });
      // an item's depth: its dash column; a reply is announced by its parent's `replies:` line
      while (pending.length && pending[pending.length - 1] > col - WP_STEP) pending.pop();
      if (col > 0 && pending[pending.length - 1] !== col - WP_STEP) err(`ds: item at ${k} without a parent's replies key`);
      pushComment(L[s].start + col + 4, L[e].end, author, col / WP_STEP, headerOf(k, k + 3));
      plain(L[e + 1], 'footer');
      if (L[e + 1].text.endsWith('replies:')) {
        pending.push(col);
        if (!RE.wpId.test(L[e + 2]?.text ?? '') || lead(L[e + 2].text) !== col + WP_STEP) err(`ds: replies key at ${e + 1} without replies`);
      }
      k = e + 2;
    }
  } else if (layout === 'dt') {
    if (L[k]?.text !== KH_CRUMBS || L[k + 1]?.text !== title || !/^(\d+) REPLIES \1$/.test(L[k + 2]?.text ?? '') || L[k + 3]?.text !== '') err('dt: heading');
    plain(L[k], 'footer');
    plain(L[k + 1], 'title');
    plain(L[k + 2], 'footer');
    k += 4;
    if (!/^\u00ab Previous .* Next \u00bb$/.test(L[n - 1].text) || L[n - 2].text !== '') err('dt: pager');
    const end = n - 2;
    while (k < end) {
      if (!RE.name.test(L[k].text) || !KH_RANKS.includes(L[k + 1]?.text) || !RE.khDate.test(L[k + 2]?.text ?? '')) err(`dt: bad header at ${k}`);
      const s = k + 3;
      const e = textEnd(s, (q) => !RE.khMessage.test(L[q].text));
      const m = RE.khMessage.exec(L[e + 1]?.text ?? '');
      if (!m || !RE.khViews.test(L[e + 2]?.text ?? '') || !RE.khKudos.test(L[e + 3]?.text ?? '') || L[e + 4]?.text !== 'Reply') err(`dt: bad widget lines after ${e}`);
      const kd = RE.khKudos.exec(L[e + 3].text);
      if ((kd[1] === '1') !== L[e + 3].text.endsWith('Kudo')) err(`dt: kudos number at ${e + 3}`);
      paras(s, e);
      pushComment(L[s].start, L[e].end, L[k].text, 0, headerOf(k, k + 2));
      for (let q = e + 1; q <= e + 4; q++) plain(L[q], 'footer');
      k = e + 5;
      if (k < end) {
        if (L[k].text !== '' || L[k + 1]?.text === '') err(`dt: messages not separated by one empty line at ${k}`);
        k++;
      }
    }
    plain(L[n - 1], 'footer');
  } else if (layout === 'du') {
    if (L[k]?.text !== HO_NAME || !/^\d+ people$/.test(L[k + 1]?.text ?? '') || L[k + 2]?.text !== '') err('du: heading');
    plain(L[k], 'footer');
    plain(L[k + 1], 'footer');
    k += 3;
    while (k < n) {
      let u = k;
      while (u < n && !RE.hoByline.test(L[u].text)) u++;
      if (u === k || u >= n) err(`du: no byline after line ${k}`);
      paras(k, u - 1);
      const m = RE.hoByline.exec(L[u].text);
      pushComment(L[k].start, L[u - 1].end, m[1], 0, headerOf(u, u));
      k = u + 1;
    }
  } else if (layout === 'dv') {
    if (!/^Name: Nodes\\\\/.test(L[k]?.text ?? '') || L[k + 1]?.text !== '') err('dv: node line');
    plain(L[k], 'footer');
    k += 2;
    while (k < n) {
      const m = RE.nvHead.exec(L[k].text);
      const r = RE.nvRef.exec(L[k + 2]?.text ?? '');
      if (!m || L[k + 1]?.text !== '' || !r || r[1] !== m[3] || L[k + 3]?.text !== '') err(`dv: bad source block at ${k}`);
      const s = k + 4;
      const e = textEnd(s, (q) => !RE.nvHead.test(L[q].text));
      paras(s, e);
      pushComment(L[s].start, L[e].end, m[2], 0, headerOf(k, k));
      plain(L[k + 2], 'footer');
      k = e + 1;
      if (k < n) {
        if (L[k].text !== '' || !RE.nvHead.test(L[k + 1]?.text ?? '')) err(`dv: sources not separated by one empty line at ${k}`);
        k++;
      }
    }
  } else err('layout');
  return rp.records();
}

// The paragraphs of comment record c as in the dataset text (ds: the indentation of later
// paragraphs removed).
function partsOf(p, c) {
  const parts = c.text.split(p.page.eol + p.page.eol);
  if (p.layout === 'ds') return parts.map((x) => x.replace(/^ +/, ''));
  return parts;
}

function text(p, a, b) {
  return p.text.slice(a, b);
}

const CHECK = {
  layouts: ['dq', 'dr', 'ds', 'dt', 'du', 'dv'],
  reparse,
  tabs: true,
  forbidden: /[\u00a0\u200b-\u200d\u200f\u202f\u000b\f]/,
  allowParas: (p) => p.page.paras,
  partsOf,
  textChecks: (ctx) => {
    const { p, text: t, rs, fail } = ctx;
    if (p.page.bom || t.includes('\r')) fail(`${p.doc}: BOM or CR`);
    const count = (re) => (t.match(re) ?? []).length;
    const only = (re, layout, want) => {
      const got = count(re);
      if (got !== (p.layout === layout ? want : 0)) fail(`${p.doc}: ${got} × ${re.source}`);
    };
    // Special characters only where the layout puts them
    only(/\u00bb\u00bb\u00bb/g, 'dq', N_COMMENTS);
    if (count(/\u00bb/g) !== (p.layout === 'dq' ? 3 * N_COMMENTS : p.layout === 'dt' ? 1 : 0)) fail(`${p.doc}: U+00BB`);
    only(/\t/g, 'dr', 9 + 4 * N_COMMENTS);
    if (/\t/.test(t) && /^(?![a-z]+:\t\S).*\t/m.test(t)) fail(`${p.doc}: tab outside a key line`);
    only(/\u200e/g, 'dt', N_COMMENTS);
    if (/[^\n]\u200e/.test(t)) fail(`${p.doc}: U+200E not at a line start`);
    only(/\u2022/g, 'du', N_COMMENTS);
    only(/\u00a7/g, 'dv', N_COMMENTS);
    only(/\u203a/g, 'dt', 2);
    // U+2060 (WORD JOINER) only inside dataset comment texts (Texas 226 and 234, on dq)
    const wj = rs.filter((r) => r.kind === 'comment').reduce((s, r) => s + (r.text.match(/\u2060/g) ?? []).length, 0);
    if (count(/\u2060/g) !== wj || (wj > 0) !== (p.layout === 'dq')) fail(`${p.doc}: U+2060 outside the comment texts or off dq`);
  },
  pageChecks: (ctx) => {
    const { p, cs, srcOf, fail } = ctx;
    const eol = p.page.eol;
    checkWindowSelection(p, fail);
    let lastTime = -Infinity;
    for (const c of cs) {
      const src = srcOf.get(c);
      if (!src) continue;
      const gap = headerGap(p, c, src, fail, 'du', 'byline');
      if (p.layout === 'dq' && gap !== ' ') fail(`${p.doc}: #${c.index} header and text not one space apart`);
      if (p.layout === 'du' && gap !== eol) fail(`${p.doc}: #${c.index} byline not directly under the text`);
      if (p.layout === 'dr' && gap !== `${eol}${GH_RULE}${eol}`) fail(`${p.doc}: #${c.index} no rule between header and body`);
      if (p.layout === 'dr' && !text(p, c.end, c.end + 4).startsWith(`${eol}${GH_RULE}`)) fail(`${p.doc}: #${c.index} no rule after the body`);
      if (p.layout === 'ds' && gap !== `${eol}${' '.repeat(WP_STEP * c.depth + 4)}`) fail(`${p.doc}: #${c.index} content not under its key`);
      if (p.layout === 'dt' && gap !== eol) fail(`${p.doc}: #${c.index} text not directly under the header`);
      if (p.layout === 'dv' && !/^\n\nReference 1 - \d+\.\d\d% Coverage\n\n$/.test(gap)) fail(`${p.doc}: #${c.index} reference line`);
      if (p.layout === 'dq') {
        const m = RE.tgMsg.exec(`${c.header.text} x`);
        if (!m || m[6] !== src.user) fail(`${p.doc}: #${c.index} message header`);
      }
      if (p.layout === 'dr' && c.header.text !== `author:\t${src.user}\nassociation:\t${ghAssociation(src.user)}\nedited:\t${/edited:\ttrue/.test(c.header.text)}\nstatus:\tnone`) fail(`${p.doc}: #${c.index} gh header`);
      if (p.layout === 'ds') {
        const ind = ' '.repeat(WP_STEP * c.depth);
        if (c.text.split(eol).slice(1).some((x) => x !== '' && (!x.startsWith(`${ind}    `) || x[ind.length + 4] === ' '))) fail(`${p.doc}: #${c.index} line not at the content column`);
        if (text(p, c.header.start - ind.length - 1, c.header.start) !== `${eol}${ind}` || !c.header.text.startsWith('- id: ')) fail(`${p.doc}: #${c.index} item not at its column`);
        if (c.header.text.split(eol)[1] !== `${ind}  author_name: ${src.user}`) fail(`${p.doc}: #${c.index} author key`);
      }
      if (p.layout === 'dt') {
        const lines = c.header.text.split(eol);
        if (lines.length !== 3 || lines[0] !== src.user || lines[1] !== khRank(src.user) || !RE.khDate.test(lines[2])) fail(`${p.doc}: #${c.index} Khoros header`);
        if (!text(p, c.end, c.end + 30).startsWith(`${eol}Message ${src.pos + 1} of ${p.article.comments.length}${eol}`)) fail(`${p.doc}: #${c.index} message number`);
      }
      if (p.layout === 'dv') {
        const m = RE.nvHead.exec(c.header.text);
        const cov = coverage(src.text, nvMeta(src, wallClock(p.times.get(src))));
        if (!m || +m[1] !== src.pos + 1 || m[2] !== src.user || `${m[3]}%` !== cov) fail(`${p.doc}: #${c.index} NVivo source line`);
      }
      // Times shown on the page grow down the page on flat pages (dq stamps, dt and du dates)
      if (!p.page.nested) {
        const t = p.times.get(src);
        if (t < lastTime) fail(`${p.doc}: #${c.index} time out of order`);
        lastTime = t;
      }
    }
    // ds: ids grow with time; replies keys match the children; the tree follows the addressees
    if (p.layout === 'ds') {
      const ids = cs.map((c) => [+/^- id: (\d+)/.exec(c.header.text)[1], p.times.get(srcOf.get(c))]);
      for (const [a, ta] of ids) for (const [b2, tb] of ids) if (ta < tb && a >= b2) fail(`${p.doc}: ids not in time order`);
      for (const c of cs) {
        const hasChildren = cs.some((x) => x.parent === c.index);
        const after = text(p, c.end, c.end + 2 * WP_STEP * c.depth + 40).split(eol)[1];
        if (after !== `${' '.repeat(WP_STEP * c.depth + 2)}${hasChildren ? 'replies:' : 'replies: []'}`) fail(`${p.doc}: #${c.index} replies key`);
      }
    }
    checkWindowParents(ctx);
    if (p.page.nested && cs.filter((c) => c.depth >= 1).length < 5) fail(`${p.doc}: fewer than 5 replies`);
    if (p.page.nested && p.capped < 1) fail(`${p.doc}: the depth cap re-attaches nothing`);
    if (p.page.nested && p.outside < 1) fail(`${p.doc}: no reply with its parent off the page`);
    // du: no two consecutive messages by one user (Hangouts would group them under one byline)
    if (p.layout === 'du' && cs.some((c, j) => j > 0 && c.author === cs[j - 1].author)) fail(`${p.doc}: consecutive messages by one user`);
  },
  summaryTail: (p, cs) => {
    const x = p.extras;
    const span = timeSpan(x);
    const special = {
      dq: span,
      dr: `no times on the page; edited ${x.edited}; contributors on ${x.contributors}`,
      ds: `${span}; depth 4: ${cs.filter((c) => c.depth === 4).length}; replies keys ${x.replyLines}; replies with the parent off the page ${p.outside}`,
      dt: `${span}; kudos > 0 on ${x.kudos}`,
      du: span,
      dv: span,
    }[p.layout];
    return `; ${special}` + cappedNote(p);
  },
};

// ---------------------------------------------------------------------------------------------
// Main flow: the kit's runBlindSet, each page with its own doc suffix

runBlindSet(SET, PAGES, renderPage, CHECK);
