#!/usr/bin/env node
// Held-out segmentation pages, set G (layouts aj–ao).
//
// Builds tests/heldout-g/pages/*.txt and tests/heldout-g/segment.gold.jsonl from the Fox News
// comments dataset, then re-reads the files and checks them (see tests/heldout-g/README.md).
//
//   node scripts/build-heldout-g-pages.mjs                 # shared dir defaults to <repo>/../shared
//   node scripts/build-heldout-g-pages.mjs /path/to/shared
//   node scripts/build-heldout-g-pages.mjs --self-test     # also checks that broken output is caught
//
// Plain Node >= 20, no dependencies, nothing imported from the project (shared helpers come from
// scripts/lib/heldout-kit.mjs and heldout-kit-2.mjs), no clock; the only randomness is a fixed-seed
// PRNG, so two runs give byte-identical output. It reads nothing but the dataset.

import fs from 'node:fs';
import { COPYRIGHT, HIDDEN, Page, buildTree, kindCounts, linkReplies, loadArticles, longDate, mulberry32, pad2, selectFlat, selectThreads, slugify, weekdayOf, writeArticleParts, writeCopyright, writeOutput } from './lib/heldout-kit.mjs';
import { SHORT_DAYS, SHORT_MONTHS, bodyParas, depthProfile, fnv1a, goldProblems, heldoutPaths, isoDate, minutesOf, nameWords, nodeParagraphs, pageTextProblems, parentIndices, readPages, sentenceSplitPoint, spanProblems, splitAtSpace, treeProblems, wallClock } from './lib/heldout-kit-2.mjs';

const { selfTest: SELF_TEST, shared: SHARED, pagesDir: PAGES_DIR, goldFile: GOLD_FILE } = heldoutPaths('g');

const N_COMMENTS = 20;
const THREAD_MAX = 8;
const AJ_STEP = 4;
const AJ_CAP = 3;

const withCommas = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const NON_SPACE_WS = /[^\S ]/; // any JS whitespace other than U+0020

// ---------------------------------------------------------------------------------------------
// Dataset

// The addressee of a comment: its first @mention (mentions split at spaces and commas) without the "@".
const addresseeOf = (c) =>
  String(c.mentions || '').split(/[\s,]+/).filter((x) => x.startsWith('@')).map((x) => x.slice(1)).filter(Boolean)[0] ?? null;

function loadDataset() {
  const { articles } = loadArticles(SHARED);
  linkReplies(articles, addresseeOf);
  for (const a of articles) a.slug = slugify(a.title);
  return articles;
}

// ---------------------------------------------------------------------------------------------
// Display names (ak, an), credentials (an), forum stats (aj)

const SURNAMES = ['Adams', 'Baker', 'Carter', 'Dawson', 'Ellis', 'Foster', 'Grant', 'Hayes', 'Irving',
  'Jensen', 'Keller', 'Lawson', 'Morgan', 'Nolan', 'Owens', 'Parker', 'Quinn', 'Reed', 'Sawyer',
  'Turner', 'Vaughn', 'Walsh', 'Young', 'Zimmerman'];

/** `SouthernConservativeVet` → `Southern Conservative Vet`; one word → word + invented surname. */
function displayName(user) {
  const words = nameWords(user);
  if (words.length === 0) return user;
  if (words.length === 1) words.push(SURNAMES[fnv1a(`surname:${user}`) % SURNAMES.length]);
  return words.join(' ');
}

const CREDENTIALS = ['Retired teacher', 'Former Marine', 'Lives in Columbus, OH', 'Small business owner',
  'Registered nurse', 'Studied History at Ohio State University', 'Works at Acme Logistics',
  'Veteran, U.S. Army', 'Attorney at law', 'Father of three', 'Truck driver for 20 years',
  'Software engineer', 'Retired police officer', 'Lives in Phoenix, AZ', 'Grandmother and gardener',
  'Former Navy corpsman', 'Accountant (2001–present)', 'Farmer and rancher', 'History buff',
  'B.A. in Political Science', 'Pastor at a small church', 'Electrician', 'Lives in Tampa, FL',
  'Retired engineer'];
const credentialOf = (user) => CREDENTIALS[fnv1a(`credential:${user}`) % CREDENTIALS.length];

function forumStats(user, articleYear) {
  const h = fnv1a(`forum:${user}`);
  const since = 2006 + (h % (articleYear - 2006 + 1));
  const digits = 1 + ((h >>> 8) % 4);
  const posts = 1 + (fnv1a(`posts:${user}`) % 10 ** digits);
  return { since, posts };
}
const forumLine = (st) => `Member since ${st.since} · ${withCommas(st.posts)} ${st.posts === 1 ? 'post' : 'posts'}`;

// ---------------------------------------------------------------------------------------------
// Usability and paragraph splits

const splitPoint = (text) => sentenceSplitPoint(text, /[.!?][”"'’)\]]? (?=\S)/);

/** A paragraph that could be read as furniture of any layout of this set or of the article. */
function looksLikeFurniture(p) {
  return (
    /^\S+$/.test(p) || // a single token: aj name line, bare `Upvote`
    /^[-—–]/.test(p) || // al signature
    /^(From|Date|To|Subject|Re):/i.test(p) || // am
    /^Member since\b/i.test(p) || /\b[\d,]+ posts?$/i.test(p) || // aj
    /^(Answered|Updated|Upvote)\b/i.test(p) || // an
    /^[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}$/.test(p) || // ak date line, dateline
    /^\[/.test(p) || /^</.test(p) || // ao
    /^[A-Z][A-Za-z'.]*( [A-Z][A-Za-z'.]*){1,3}(, .*)?$/.test(p) || // ak/an display name shapes
    /^\S+:$/.test(p) ||
    /^(©|Source:|Photo:|Image:|Click to|Originally published)/.test(p)
  );
}

function usableSelf(c) {
  if (!/^[A-Za-z0-9_]+$/.test(c.user)) return false;
  if (HIDDEN.test(c.text) || NON_SPACE_WS.test(c.text) || c.text !== c.text.trim() || c.text === '') return false;
  return ![c.text, ...splitAtSpace(c.text, splitPoint(c.text))].some(looksLikeFurniture);
}

// ---------------------------------------------------------------------------------------------
// Reply tree and selection (same reconstruction as the earlier sets)

// Threads of the reply tree capped at AJ_CAP (heldout-kit nodes). A comment is usable only if every
// comment up its uncapped reply chain is.
function selectNested(article) {
  for (const c of article.comments) c.usable = usableSelf(c) && (c.quotedPos === null || article.comments[c.quotedPos].usable);
  const opts = { perPage: N_COMMENTS, maxThread: THREAD_MAX, title: article.slug };
  return selectThreads(buildTree(article, AJ_CAP).roots, (c) => c.usable, opts);
}

// ---------------------------------------------------------------------------------------------
// Page description

const PAGES = [
  { layout: 'aj', article: 'Confederate flag', dateline: (d) => `${weekdayOf(d).slice(0, 3)}, ${SHORT_MONTHS[d.m - 1]} ${d.d}, ${d.y}`,
    bodyParas: 1, caption: 'Photo: AP', source: 'Source: Fox News', copyright: false },
  { layout: 'ak', article: 'First lady', dateline: null, bodyParas: 1, caption: 'Image: Getty Images',
    source: null, copyright: true },
  { layout: 'al', article: 'Black Lives Matter', dateline: longDate,
    bodyParas: 1, caption: null, source: 'Originally published by Fox News', copyright: true },
  { layout: 'am', article: 'States moving', dateline: (d) => `${weekdayOf(d)}, ${longDate(d)}`,
    bodyParas: 2, caption: 'Photo: Reuters', source: null, copyright: false },
  { layout: 'an', article: 'ICE program', dateline: (d) => `${pad2(d.m)}/${pad2(d.d)}/${d.y}`,
    bodyParas: 2, caption: null, source: 'Source: Fox News', copyright: true },
  { layout: 'ao', article: 'Supreme Court', dateline: isoDate,
    bodyParas: 2, caption: 'Click to enlarge', source: null, copyright: true },
];
const EOL_OF = { aj: '\n', ak: '\n', al: '\n', am: '\n', an: '\n', ao: '\r\n' };
const GAP_OF = { aj: 1, ak: 2, al: 1, am: 2, an: 1, ao: 0 }; // blank lines between comments
// The an page is imagined as scraped at this moment: comments before it by >= 3 calendar years say
// "3 years ago", later ones "2 years ago".
const AN_SCRAPE = (d) => minutesOf(d.y + 3, d.m, d.d + 1, 12, 0);

function renderPage(page, pageNo, article) {
  const doc = `${article.slug}-g`;
  const b = new Page(doc, EOL_OF[page.layout], article.title);

  // Article part
  const dateline = page.dateline && page.dateline(article.date);
  writeArticleParts(b, { title: article.title, dateline, body: bodyParas(article.meta, page.bodyParas), caption: page.caption, source: page.source });

  // Thread
  const list = page.layout === 'aj' ? selectNested(article) : selectFlat(article, usableSelf, N_COMMENTS);
  const paras = page.layout === 'ao' ? list.map((node) => [node.c.text]) : nodeParagraphs(list, pageNo, splitPoint);
  const parents = parentIndices(list, doc);
  const rng = mulberry32(fnv1a(`heldout-g:time:${page.layout}`));
  const likes = mulberry32(fnv1a(`heldout-g:likes:${page.layout}`));
  const d = article.date;
  // Timeline in file (chronological) order; all flat pages show file order.
  const times = new Map();
  {
    let t;
    if (page.layout === 'ao') t = minutesOf(d.y, d.m, d.d, 20, Math.floor(rng() * 50));
    else t = minutesOf(d.y, d.m, d.d, 6, 0);
    const byPos = [...list].sort((x, y) => x.pos - y.pos);
    byPos.forEach((node, i) => {
      if (i > 0) {
        if (page.layout === 'ao') t += Math.floor(rng() * 7);
        else if (page.layout === 'ak') t += 20 + Math.floor(rng() * 581);
        else if (page.layout === 'an') t += 20 + Math.floor(rng() * 281);
        else t += 3 + Math.floor(rng() * 73);
      }
      const sec = Math.floor(rng() * 60);
      times.set(node, { min: t, sec });
    });
  }
  const names = new Map();
  for (const { c } of list) {
    const dn = displayName(c.user);
    for (const [u, n] of names) if (n === dn && u !== c.user) throw new Error(`display name clash ${dn}`);
    names.set(c.user, dn);
  }

  const gap = GAP_OF[page.layout];
  list.forEach((node, i) => {
    const c = node.c;
    const ps = paras[i];
    const depth = page.layout === 'aj' ? node.depth : 0;
    const parent = page.layout === 'aj' ? parents[i] : null;
    const ind = ' '.repeat(page.layout === 'aj' ? AJ_STEP * depth : 0);
    let hdr; // { start, end, text }
    let span;
    let author = c.user;
    const writeParas = () => b.paras(ps.map((p) => [p]), ind);
    if (i > 0) b.nl(gap);
    const tm = times.get(node);
    const tp = wallClock(tm.min);
    switch (page.layout) {
      case 'aj': {
        hdr = b.block([c.user, forumLine(forumStats(c.user, d.y))], ind);
        span = writeParas();
        break;
      }
      case 'ak': {
        author = names.get(c.user);
        hdr = b.block([author, `${SHORT_MONTHS[tp.m - 1]} ${tp.d}, ${tp.y}`]);
        span = writeParas();
        break;
      }
      case 'al': {
        span = writeParas();
        hdr = b.header(`-- ${c.user}`);
        break;
      }
      case 'am': {
        hdr = b.block([`From: ${c.user}`, `Date: ${SHORT_DAYS[tp.wd]}, ${tp.d} ${SHORT_MONTHS[tp.m - 1]} ${tp.y} ${pad2(tp.hh)}:${pad2(tp.mm)}:${pad2(tm.sec)} +0000`]);
        b.nl();
        span = writeParas();
        break;
      }
      case 'an': {
        author = names.get(c.user);
        const scrape = AN_SCRAPE(d);
        const sp = wallClock(scrape);
        let years = sp.y - tp.y;
        if (scrape < minutesOf(sp.y, tp.m, tp.d, tp.hh, tp.mm)) years -= 1;
        hdr = b.block([`${author}, ${credentialOf(c.user)}`, `Answered ${years} ${years === 1 ? 'year' : 'years'} ago`]);
        span = writeParas();
        const r = likes();
        const n = Math.floor(r * r * r * 250);
        b.line('footer', n === 0 ? 'Upvote' : `Upvote · ${n}`);
        break;
      }
      case 'ao': {
        // header and text on one line: `[hh:mm] <user> text`
        const h = b.write(`[${pad2(tp.hh)}:${pad2(tp.mm)}] <${c.user}>`);
        hdr = { start: h.start, end: h.end, text: b.s.slice(h.start, h.end) };
        b.write(' ');
        span = b.write(ps[0]);
        b.nl();
        break;
      }
      default:
        throw new Error(page.layout);
    }
    b.comment({ index: i, author, depth, parent }, span, hdr);
  });

  writeCopyright(b, page);
  const recs = [...b.records].sort((x, y) => x.start - y.start || x.end - y.end);
  return { doc, writer: b, text: b.s, recs, list, paras, layout: page.layout, article };
}

// ---------------------------------------------------------------------------------------------
// Checks: run on the files as re-read from disk. Everything below works from the page text, the
// gold records and the dataset only (plus the layout of each doc).

const HEADER_LINES = { aj: 2, ak: 2, al: 1, am: 2, an: 2, ao: 1 };

function lineTable(text, eol) {
  const lines = [];
  let pos = 0;
  while (pos < text.length) {
    const j = text.indexOf(eol, pos);
    if (j < 0) throw new Error('last line has no line ending');
    lines.push({ start: pos, end: j, text: text.slice(pos, j) });
    pos = j + eol.length;
  }
  return lines;
}

/** Independent re-parse of one page by its layout's grammar; returns the gold records it implies. */
function reparse(doc, layout, text) {
  const eol = EOL_OF[layout];
  const L = lineTable(text, eol);
  const out = [];
  const err = (m) => {
    throw new Error(`${doc}: reparse: ${m}`);
  };
  const plain = (l, kind) => out.push({ doc, start: l.start, end: l.end, text: l.text, kind });
  // Article: one-line blocks separated by exactly one empty line, then exactly two empty lines.
  let i = 0;
  let blockNo = 0;
  for (;;) {
    const l = L[i];
    if (!l || l.text === '' || l.text !== l.text.trim()) err(`bad article line ${i}`);
    let kind = 'body';
    if (blockNo === 0) kind = 'title';
    else if (/^(?:[A-Z][a-z]+, )?[A-Z][a-z]+ \d{1,2}, \d{4}$|^\d{2}\/\d{2}\/\d{4}$|^\d{4}-\d{2}-\d{2}$/.test(l.text)) kind = 'dateline';
    else if (/^(Photo|Image): |^Click to enlarge$/.test(l.text)) kind = 'caption';
    else if (/^Source: |^Originally published by /.test(l.text)) kind = 'source';
    plain(l, kind);
    blockNo++;
    if (L[i + 1]?.text !== '') err('article block not followed by an empty line');
    if (L[i + 2]?.text === '') {
      if (L[i + 3]?.text !== '' && L[i + 3]) {
        i += 3;
        break;
      }
      err('more than two empty lines after the article');
    }
    i += 2;
  }
  // Thread end: optional © line after exactly two empty lines.
  let end = L.length;
  if (L[end - 1].text === COPYRIGHT) {
    if (L[end - 2].text !== '' || L[end - 3].text !== '' || L[end - 4].text === '') err('© not after two empty lines');
    plain(L[end - 1], 'footer');
    end -= 3;
  }
  const T = L.slice(i, end);
  if (T.length === 0 || T[T.length - 1].text === '') err('thread ends with an empty line');
  const indentOf = (s) => s.length - s.trimStart().length;
  const dateLine = /^[A-Z][a-z]{2} \d{1,2}, \d{4}$/;
  const answered = /^Answered \d+ years? ago$/;
  const upvote = /^Upvote(?: · [1-9]\d*)?$/;
  const memberLine = /^Member since (\d{4}) · ([1-9]\d{0,2}(?:,\d{3})*) posts?$/;
  const emailDate = /^Date: (Sun|Mon|Tue|Wed|Thu|Fri|Sat), ([1-9]\d?) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) \+0000$/;

  // Find comments as {hStart, hEnd (line indices, inclusive), author, indent, textLines:[a, b]}.
  const comments = [];
  const widgets = [];
  if (layout === 'ao') {
    for (const l of T) {
      const m = /^(\[(\d{2}):(\d{2})\] <([A-Za-z0-9_]+)>) (\S.*\S|\S)$/.exec(l.text);
      if (!m) err(`bad IRC line: ${l.text.slice(0, 40)}`);
      out.push({ doc, start: l.start + m[1].length + 1, end: l.end, text: m[5], kind: 'comment', index: comments.length,
        author: m[4], depth: 0, parent: null, header: { start: l.start, end: l.start + m[1].length, text: m[1] } });
      comments.push(m);
    }
  } else if (layout === 'al') {
    // Blocks separated by exactly one empty line; a comment is a run of paragraph blocks ending with
    // a block whose last line is the signature `-- user`, directly under the text.
    let k = 0;
    let textStart = null;
    let paraCount = 0;
    while (k < T.length) {
      const l = T[k];
      if (l.text === '') {
        if (T[k + 1]?.text === '') err('two empty lines in the al thread');
        k++;
        continue;
      }
      if (l.text !== l.text.trim()) err('indented or padded line on al');
      const sig = /^-- ([A-Za-z0-9_]+)$/.exec(l.text);
      if (sig) {
        if (textStart == null || T[k - 1].text === '') err('signature not directly under text');
        const last = T[k - 1];
        out.push({ doc, start: textStart, end: last.end, text: text.slice(textStart, last.end), kind: 'comment',
          index: comments.length, author: sig[1], depth: 0, parent: null,
          header: { start: l.start, end: l.end, text: l.text } });
        comments.push({ paras: paraCount });
        textStart = null;
        paraCount = 0;
        if (T[k + 1] && T[k + 1].text !== '') err('no empty line after a signature');
        k++;
        continue;
      }
      if (T[k - 1] && T[k - 1].text !== '' && textStart != null) err('paragraph with two lines');
      if (textStart == null) textStart = l.start;
      paraCount++;
      k++;
    }
    if (textStart != null) err('text after the last signature');
  } else {
    // Header-first layouts: a header is a group of lines recognised by its layout.
    const isHeaderAt = (k) => {
      const a = T[k];
      const b2 = T[k + 1];
      if (!a || !b2 || a.text === '') return false;
      const ia = indentOf(a.text);
      if (indentOf(b2.text) !== ia) return false;
      const at = a.text.trim();
      const bt = b2.text.trim();
      switch (layout) {
        case 'aj': return /^[A-Za-z0-9_]+$/.test(at) && memberLine.test(bt);
        case 'ak': return /^\S.*\S$/.test(at) && dateLine.test(bt);
        case 'am': return /^From: [A-Za-z0-9_]+$/.test(at) && emailDate.test(bt);
        case 'an': return /^[^,]+, \S.*$/.test(at) && answered.test(bt);
        default: return err('layout');
      }
    };
    const heads = [];
    for (let k = 0; k < T.length; k++) if (isHeaderAt(k)) heads.push(k);
    if (heads[0] !== 0) err('thread does not start with a header');
    heads.forEach((h, n) => {
      const next = n + 1 < heads.length ? heads[n + 1] : T.length;
      const ind = indentOf(T[h].text);
      // Body of the comment: lines h+2 .. next-1, minus the gap before the next header.
      let k = h + 2;
      if (layout === 'am') {
        if (T[k]?.text !== '') err('am: no empty line after the header');
        k++;
      }
      let last = next - 1;
      let gapLines = 0;
      while (last >= k && T[last].text === '') {
        last--;
        gapLines++;
      }
      if (n + 1 < heads.length && gapLines !== GAP_OF[layout]) err(`gap of ${gapLines} before header ${n + 1}`);
      if (layout === 'an') {
        if (!upvote.test(T[last].text)) err('an: no Upvote line under the text');
        widgets.push(T[last]);
        last--;
        if (T[last].text === '') err('an: empty line before Upvote');
      }
      if (last < k) err(`empty comment ${n}`);
      for (let q = k; q <= last; q++) {
        const t = T[q].text;
        if (t === '') {
          if (T[q - 1].text === '' || q === k) err('bad paragraph break');
        } else if (indentOf(t) !== ind) err(`text line at wrong indent in comment ${n}`);
        else if (T[q - 1] && q > k && T[q - 1].text !== '') err('paragraph with two lines');
      }
      const hs = T[h].start + ind;
      const he = T[h + 1].end;
      let author = T[h].text.trim();
      if (layout === 'am') author = author.slice('From: '.length);
      if (layout === 'an') author = author.slice(0, author.indexOf(', '));
      const depth = layout === 'aj' ? ind / AJ_STEP : 0;
      if (layout !== 'aj' && ind !== 0) err('indentation on a flat page');
      if (!Number.isInteger(depth)) err('indent not a multiple of the step');
      let parent = null;
      if (depth > 0) {
        for (let q = comments.length - 1; q >= 0; q--) {
          if (comments[q].depth === depth - 1) {
            parent = q;
            break;
          }
          if (comments[q].depth < depth - 1) err('depth jump');
        }
        if (parent == null) err('reply without a parent');
      }
      const s0 = T[k].start + ind;
      const e0 = T[last].end;
      out.push({ doc, start: s0, end: e0, text: text.slice(s0, e0), kind: 'comment', index: comments.length,
        author, depth, parent, header: { start: hs, end: he, text: text.slice(hs, he) } });
      comments.push({ depth });
    });
    for (const w of widgets) out.push({ doc, start: w.start, end: w.end, text: w.text, kind: 'footer' });
  }
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  return out;
}

function checkAll(pages, goldText, dataset, layouts) {
  const errors = [];
  const fail = (m) => errors.push(m);
  const byDoc = new Map();
  let recs;
  try {
    recs = goldText.split('\n').filter((l, i, a) => !(l === '' && i === a.length - 1)).map((l) => JSON.parse(l));
  } catch (e) {
    return [`gold does not parse: ${e.message}`];
  }
  if (!goldText.endsWith('\n') || goldText.endsWith('\n\n')) fail('gold must end with one newline');
  // Key order, kinds, sort order, docs
  goldProblems(recs, [...pages.keys()]).forEach(fail);
  for (const r of recs) {
    if (!byDoc.has(r.doc)) byDoc.set(r.doc, []);
    byDoc.get(r.doc).push(r);
  }
  const docs = [...pages.keys()].sort();
  const layoutsSeen = new Set();
  for (const doc of docs) {
    const text = pages.get(doc);
    const rs = byDoc.get(doc) ?? [];
    const layout = layouts.get(doc);
    layoutsSeen.add(layout);
    const eol = EOL_OF[layout];
    // Encoding, line endings, whitespace; text === slice, trimmed spans, coverage
    pageTextProblems(doc, text, eol).forEach(fail);
    if (/[\uD800-\uDFFF]/.test(text)) fail(`${doc}: non-BMP character`);
    spanProblems(doc, text, rs).forEach(fail);
    for (const r of rs) {
      if (r.kind !== 'comment' || typeof r.header?.text !== 'string') continue;
      const what = `${r.kind}@${r.start}`;
      const nl = r.header.text.split(eol).length;
      if (nl !== HEADER_LINES[layout]) fail(`${doc}: header of ${nl} lines for ${what}`);
      if (r.header.text.includes('\n\n') || r.header.text.includes('\r\n\r\n')) fail(`${doc}: blank line inside header ${what}`);
    }
    // Comment structure
    const cs = rs.filter((r) => r.kind === 'comment');
    if (cs.length !== N_COMMENTS) fail(`${doc}: ${cs.length} comments`);
    treeProblems(doc, cs, layout === 'aj' ? AJ_CAP : 0).forEach(fail);
    const multi = cs.filter((c) => c.text.includes(eol + eol)).length;
    if (layout !== 'ao' && multi === 0) fail(`${doc}: no two-paragraph comment`);
    if (layout === 'ao' && multi > 0) fail(`${doc}: paragraphs on the IRC page`);
    if (layout === 'aj' && Math.max(...cs.map((c) => c.depth)) < 2) fail(`${doc}: aj does not reach depth 2`);
    // Independent re-parse must give exactly the gold
    try {
      const rp = reparse(doc, layout, text);
      const a = rp.map((r) => JSON.stringify(r));
      const g = rs.map((r) => JSON.stringify(r));
      if (a.length !== g.length) fail(`${doc}: reparse gives ${a.length} records, gold ${g.length}`);
      for (let q = 0; q < Math.max(a.length, g.length); q++) {
        if (a[q] !== g[q]) {
          fail(`${doc}: reparse differs at record ${q}:\n  reparse ${String(a[q]).slice(0, 240)}\n  gold    ${String(g[q]).slice(0, 240)}`);
          break;
        }
      }
    } catch (e) {
      fail(e.message);
    }
    // Data: comment text and author come from the dataset
    const art = dataset.find((x) => `${x.slug}-g` === doc);
    if (!art) {
      fail(`${doc}: no article`);
      continue;
    }
    const pool = [...art.comments];
    const authorOf = (u) => (layout === 'ak' || layout === 'an' ? displayName(u) : u);
    let lastPos = -1;
    for (const c of cs) {
      const joined = c.text.split(eol + eol + ' '.repeat(AJ_STEP * c.depth)).join(' ');
      const q = pool.findIndex((x) => x && x.text === joined && authorOf(x.user) === c.author);
      if (q < 0) fail(`${doc}: #${c.index} text/author not in the dataset`);
      else {
        if (layout !== 'aj' && pool[q].pos < lastPos) fail(`${doc}: flat page not in file order`);
        lastPos = pool[q].pos;
        if (c.text.includes(eol + eol)) {
          const ps = c.text.split(eol + eol).map((p) => p.trim());
          if (ps.length !== 2 || ps.some((p) => p.length < 40)) fail(`${doc}: #${c.index} bad split`);
        }
        pool[q] = null;
      }
    }
    // Header contents by layout
    const headers = cs.map((c) => c.header.text.split(eol).map((s) => s.trim()));
    const mins = [];
    for (const [k, h] of headers.entries()) {
      if (layout === 'aj') {
        const m = /^Member since (\d{4}) · ([\d,]+) posts?$/.exec(h[1]);
        if (!m || +m[1] > art.date.y || +m[1] < 2006) fail(`${doc}: #${k} member-since year`);
        else if (forumLine(forumStats(h[0], art.date.y)) !== h[1]) fail(`${doc}: #${k} forum stats not per user`);
        if ((m?.[2] === '1') !== /post$/.test(h[1])) fail(`${doc}: #${k} post/posts`);
      } else if (layout === 'ak') {
        const m = /^([A-Z][a-z]{2}) (\d{1,2}), (\d{4})$/.exec(h[1]);
        if (!m) fail(`${doc}: #${k} date`);
        else mins.push(minutesOf(+m[3], SHORT_MONTHS.indexOf(m[1]) + 1, +m[2]));
        if (h[0].split(' ').length < 2) fail(`${doc}: #${k} display name is not a full name`);
      } else if (layout === 'am') {
        const m = /^Date: (\w{3}), (\d+) (\w{3}) (\d{4}) (\d\d):(\d\d):(\d\d) \+0000$/.exec(h[1]);
        if (!m) fail(`${doc}: #${k} date`);
        else {
          const t = minutesOf(+m[4], SHORT_MONTHS.indexOf(m[3]) + 1, +m[2], +m[5], +m[6]);
          if (SHORT_DAYS[wallClock(t).wd] !== m[1]) fail(`${doc}: #${k} weekday does not match the date`);
          mins.push(t + +m[7] / 60);
        }
      } else if (layout === 'an') {
        const user = art.comments.find((x) => displayName(x.user) === cs[k].author)?.user;
        if (!user || h[0] !== `${cs[k].author}, ${credentialOf(user)}`) fail(`${doc}: #${k} credential not per user`);
      } else if (layout === 'ao') {
        const m = /^\[(\d\d):(\d\d)\]/.exec(h[0]);
        mins.push(+m[1] * 60 + +m[2]);
      }
    }
    for (let q = 1; q < mins.length; q++) if (mins[q] < mins[q - 1]) fail(`${doc}: times decrease down the page`);
    if (layout === 'an') {
      const ages = new Set(headers.map((h) => h[1]));
      if (ages.size < 2) fail(`${doc}: all answers have the same age`);
    }
    if (layout === 'ak' || layout === 'an') {
      for (const c of cs) {
        const u = art.comments.filter((x) => displayName(x.user) === c.author).map((x) => x.user);
        if (new Set(u).size !== 1) fail(`${doc}: display name ${c.author} is ambiguous`);
      }
    }
  }
  if ([...layoutsSeen].sort().join() !== 'aj,ak,al,am,an,ao') fail('layouts aj–ao must each appear once');
  const copyrights = docs.filter((d) => pages.get(d).includes(COPYRIGHT)).length;
  if (copyrights < 2) fail('© footer on fewer than two pages');
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Self-test: broken variants must be caught

function selfTest(pages, goldText, dataset, layouts) {
  const recsOf = (g) => g.trim().split('\n').map((l) => JSON.parse(l));
  const toText = (rs) => rs.map((r) => JSON.stringify(r)).join('\n') + '\n';
  const docOf = (l) => [...layouts.entries()].find(([, v]) => v === l)[0];
  /** Insert s into a page at pos and shift the gold offsets behind it. */
  const insert = (doc, pos, s) => {
    const p2 = new Map(pages);
    const t = pages.get(doc);
    p2.set(doc, t.slice(0, pos) + s + t.slice(pos));
    const sh = (o) => (o >= pos ? o + s.length : o); // a start at pos moves
    const she = (o) => (o > pos ? o + s.length : o); // an end at pos stays
    const rs = recsOf(goldText).map((r) => {
      if (r.doc !== doc) return r;
      const out = { ...r, start: sh(r.start), end: she(r.end) };
      if (r.header) out.header = { start: sh(r.header.start), end: she(r.header.end), text: r.header.text };
      return out;
    });
    // texts are unchanged as long as pos is not inside a span
    return [p2, toText(rs)];
  };
  const withRecs = (fn) => {
    const rs = recsOf(goldText);
    fn(rs);
    return [pages, toText(rs)];
  };
  const comment = (rs, layout, k) => rs.filter((r) => r.doc === docOf(layout) && r.kind === 'comment')[k];
  const eolAfter = (doc, rec) => pages.get(doc).indexOf(EOL_OF[layouts.get(doc)], rec.end);
  const cases = {
    'dropped record': () => withRecs((rs) => rs.splice(7, 1)),
    'wrong depth (aj)': () => withRecs((rs) => {
      const c = rs.find((r) => r.doc === docOf('aj') && r.kind === 'comment' && r.depth === 2);
      c.depth = 1;
    }),
    'wrong parent (aj)': () => withRecs((rs) => {
      const c = rs.find((r) => r.doc === docOf('aj') && r.kind === 'comment' && r.depth === 2);
      c.parent = 0;
    }),
    'wrong author (al)': () => withRecs((rs) => {
      comment(rs, 'al', 3).author = 'someone';
    }),
    'ak author as user name': () => withRecs((rs) => {
      const c = comment(rs, 'ak', 0);
      const art = dataset.find((a) => `${a.slug}-g` === c.doc);
      c.author = art.comments.find((x) => displayName(x.user) === c.author).user;
    }),
    'an author with credential': () => withRecs((rs) => {
      const c = comment(rs, 'an', 1);
      c.author = c.header.text.split('\n')[0];
    }),
    'ao author with brackets': () => withRecs((rs) => {
      const c = comment(rs, 'ao', 2);
      c.author = `<${c.author}>`;
    }),
    'truncated comment span': () => withRecs((rs) => {
      const c = comment(rs, 'am', 4);
      c.end -= 3;
      c.text = c.text.slice(0, -3);
    }),
    'Upvote line relabelled caption': () => withRecs((rs) => {
      rs.find((r) => r.doc === docOf('an') && r.kind === 'footer' && r.text.startsWith('Upvote')).kind = 'caption';
    }),
    'aj header reduced to the name line': () => withRecs((rs) => {
      const c = comment(rs, 'aj', 1);
      c.header.text = c.header.text.split('\n')[0];
      c.header.end = c.header.start + c.header.text.length;
    }),
    'am header without the Date line': () => withRecs((rs) => {
      const c = comment(rs, 'am', 0);
      c.header.text = c.header.text.split('\n')[0];
      c.header.end = c.header.start + c.header.text.length;
    }),
    'ao comment span including the header': () => withRecs((rs) => {
      const c = comment(rs, 'ao', 0);
      c.start = c.header.start;
      c.text = pages.get(c.doc).slice(c.start, c.end);
    }),
    'source relabelled body': () => withRecs((rs) => {
      rs.find((r) => r.kind === 'source').kind = 'body';
    }),
    'stray CR on an LF page': () => {
      const c = comment(recsOf(goldText), 'ak', 5);
      return insert(c.doc, eolAfter(c.doc, c), '\r');
    },
    'stray LF on the CRLF page': () => {
      const c = comment(recsOf(goldText), 'ao', 5);
      return insert(c.doc, eolAfter(c.doc, c) + 2, '\n');
    },
    'trailing space': () => {
      const c = comment(recsOf(goldText), 'aj', 2);
      return insert(c.doc, c.end, ' ');
    },
    'extra blank line between comments (al)': () => {
      const c = comment(recsOf(goldText), 'al', 6);
      return insert(c.doc, c.header.end, '\n');
    },
    'blank line between text and signature (al)': () => {
      const c = comment(recsOf(goldText), 'al', 6);
      return insert(c.doc, c.end, '\n');
    },
    'missing blank line after the am header': () => {
      const c = comment(recsOf(goldText), 'am', 3);
      const p2 = new Map(pages);
      const t = pages.get(c.doc);
      p2.set(c.doc, t.slice(0, c.header.end + 1) + t.slice(c.header.end + 2));
      const rs = recsOf(goldText).map((r) => {
        if (r.doc !== c.doc) return r;
        const sh = (o) => (o > c.header.end ? o - 1 : o);
        const out = { ...r, start: sh(r.start), end: sh(r.end) };
        if (r.header) out.header = { ...r.header, start: sh(r.header.start), end: sh(r.header.end) };
        return out;
      });
      return [p2, toText(rs)];
    },
    'extra blank line between comments (ak)': () => {
      const c = comment(recsOf(goldText), 'ak', 8);
      return insert(c.doc, c.header.start, '\n');
    },
    'reply indent shifted (aj)': () => {
      const c = recsOf(goldText).find((r) => r.doc === docOf('aj') && r.kind === 'comment' && r.depth === 1);
      return insert(c.doc, c.start, ' ');
    },
  };
  let bad = 0;
  for (const [name, make] of Object.entries(cases)) {
    const [p2, g2] = make();
    const errs = checkAll(p2, g2, dataset, layouts);
    if (errs.length === 0) {
      console.error(`self-test: NOT caught: ${name}`);
      bad++;
    } else console.log(`self-test: caught: ${name} (${errs[0].split('\n')[0].slice(0, 90)})`);
  }
  return bad;
}

// ---------------------------------------------------------------------------------------------
// Main

function main() {
  const dataset = loadDataset();
  const built = PAGES.map((page, pageNo) => {
    const art = dataset.find((a) => a.title.startsWith(page.article));
    if (!art) throw new Error(`no article ${page.article}`);
    return renderPage(page, pageNo, art);
  });
  writeOutput(built.map((p) => ({ page: p.writer, cfg: {} })), PAGES_DIR, GOLD_FILE);
  const all = built.flatMap((p) => p.recs);

  // Re-read and check
  const pages = readPages(PAGES_DIR);
  const layouts = new Map();
  for (const doc of pages.keys()) {
    const b = built.find((x) => x.doc === doc);
    if (b) layouts.set(doc, b.layout);
  }
  const goldText = fs.readFileSync(GOLD_FILE, 'utf8');
  const errors = checkAll(pages, goldText, dataset, layouts);
  for (const p of built) {
    const cs = p.recs.filter((r) => r.kind === 'comment');
    const depths = depthProfile(cs);
    const two = cs.filter((c) => /\r?\n\r?\n/.test(c.text)).map((c) => c.index).join(', ') || '–';
    console.log(`${p.layout} ${p.doc}: ${cs.length} comments, depth ${depths}, 2-paragraph [${two}], ` +
      `${p.recs.length} records ${JSON.stringify(kindCounts(p.recs))}`);
  }
  console.log(`${all.length} records in ${built.length} pages`);
  if (errors.length) {
    for (const e of errors) console.error(`CHECK FAILED: ${e}`);
    process.exit(1);
  }
  console.log('all checks passed');
  if (SELF_TEST) {
    const bad = selfTest(pages, goldText, dataset, layouts);
    if (bad) {
      console.error(`self-test: ${bad} broken variant(s) not caught`);
      process.exit(1);
    }
    console.log('self-test passed');
  }
}

main();
