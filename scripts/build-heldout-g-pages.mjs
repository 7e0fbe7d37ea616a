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
// Plain Node (>= 20.16 for process.getBuiltinModule; the project requires >= 20.19). No import
// statements, no dependencies, no clock; the only randomness is a fixed-seed PRNG, so two runs
// give byte-identical output. It reads nothing but the dataset.

const fs = process.getBuiltinModule('node:fs');
const path = process.getBuiltinModule('node:path');
const url = process.getBuiltinModule('node:url');

const REPO = path.resolve(path.dirname(url.fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const SELF_TEST = argv.includes('--self-test');
const SHARED = path.resolve(argv.find((a) => !a.startsWith('--')) ?? path.join(REPO, '..', 'shared'));
const DATA_DIR = path.join(SHARED, 'datasets', 'fox-news-comments');
const OUT_DIR = path.join(REPO, 'tests', 'heldout-g');
const PAGES_DIR = path.join(OUT_DIR, 'pages');
const GOLD_FILE = path.join(OUT_DIR, 'segment.gold.jsonl');

const N_COMMENTS = 20;
const THREAD_MAX = 8;
const AJ_STEP = 4;
const AJ_CAP = 3;
const COPYRIGHT = '© 2016 Fox News Network. All rights reserved.';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];
const MON = MONTHS.map((m) => m.slice(0, 3));
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DY = DAYS.map((d) => d.slice(0, 3));

// ---------------------------------------------------------------------------------------------
// Small deterministic helpers

function fnv1a(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad2 = (n) => String(n).padStart(2, '0');
const withCommas = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const ZW = /[\u200b\u200c\u200d\u2060\ufeff]/;
const NON_SPACE_WS = /[^\S ]/; // any JS whitespace other than U+0020

/** A wall-clock moment (no time zone) as minutes after 1970-01-01 00:00. */
function minutesOf(y, m, d, hh = 0, mm = 0) {
  return Date.UTC(y, m - 1, d, hh, mm) / 60000;
}
function parts(min) {
  const dt = new Date(min * 60000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate(), wd: dt.getUTCDay(),
    hh: dt.getUTCHours(), mm: dt.getUTCMinutes() };
}

// ---------------------------------------------------------------------------------------------
// Dataset

function loadDataset() {
  const raw = fs.readFileSync(path.join(DATA_DIR, 'fox-news-comments.json'), 'utf8');
  const rows = raw.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
  const urls = fs.readFileSync(path.join(DATA_DIR, 'comment-url.txt'), 'utf8').split('\n')
    .map((l) => l.trim()).filter(Boolean).map((l) => l.replace(/^\d+:/, ''));
  const byTitle = new Map();
  const articles = [];
  for (const r of rows) {
    let a = byTitle.get(r.title);
    if (!a) {
      a = { title: r.title, meta: r.meta, comments: [] };
      byTitle.set(r.title, a);
      articles.push(a);
    }
    if (r.meta !== a.meta) throw new Error(`article with two metas: ${r.title}`);
    const mentions = String(r.mentions || '').split(/[\s,]+/).filter((x) => x.startsWith('@'))
      .map((x) => x.slice(1)).filter(Boolean);
    a.comments.push({ pos: a.comments.length, user: r.user, text: r.text, addressee: mentions[0] ?? null });
  }
  if (urls.length !== articles.length) throw new Error('comment-url.txt does not match the articles');
  articles.forEach((a, i) => {
    const m = /\/(\d{4})\/(\d{2})\/(\d{2})\//.exec(urls[i]);
    if (!m) throw new Error(`no date in ${urls[i]}`);
    a.date = { y: +m[1], m: +m[2], d: +m[3] };
    a.slug = slugOf(a.title);
  });
  return articles;
}

function slugOf(title) {
  const words = title.toLowerCase().replace(/['’]/g, '').split(/[^a-z0-9]+/).filter(Boolean);
  let s = '';
  for (const w of words) {
    const next = s ? `${s}-${w}` : w;
    if (next.length > 60) break;
    s = next;
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Display names (ak, an), credentials (an), forum stats (aj)

function nameWords(user) {
  return (user.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g) ?? []).filter((w) => !/^[0-9]+$/.test(w));
}

const SURNAMES = ['Adams', 'Baker', 'Carter', 'Dawson', 'Ellis', 'Foster', 'Grant', 'Hayes', 'Irving',
  'Jensen', 'Keller', 'Lawson', 'Morgan', 'Nolan', 'Owens', 'Parker', 'Quinn', 'Reed', 'Sawyer',
  'Turner', 'Vaughn', 'Walsh', 'Young', 'Zimmerman'];

/** `SouthernConservativeVet` → `Southern Conservative Vet`; one word → word + invented surname. */
function displayName(user) {
  const words = nameWords(user).map((w) => w[0].toUpperCase() + w.slice(1));
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

function splitPoint(text) {
  if (text.length < 160) return -1;
  const re = /[.!?][”"'’)\]]? (?=\S)/g;
  let best = -1;
  let bestDist = Infinity;
  for (let m; (m = re.exec(text));) {
    const sp = m.index + m[0].length - 1;
    if (sp < 40 || text.length - sp - 1 < 40) continue;
    const dist = Math.abs(sp - text.length / 2);
    if (dist < bestDist) {
      best = sp;
      bestDist = dist;
    }
  }
  return best;
}

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
  if (ZW.test(c.text) || NON_SPACE_WS.test(c.text) || c.text !== c.text.trim() || c.text === '') return false;
  const sp = splitPoint(c.text);
  const paras = sp < 0 ? [c.text] : [c.text, c.text.slice(0, sp), c.text.slice(sp + 1)];
  return !paras.some(looksLikeFurniture);
}

// ---------------------------------------------------------------------------------------------
// Reply tree and selection (same reconstruction as the earlier sets)

function buildTree(article, cap) {
  const cs = article.comments;
  const lastBy = new Map();
  for (const c of cs) {
    c.parent0 = c.addressee != null && lastBy.has(c.addressee) ? lastBy.get(c.addressee) : null;
    lastBy.set(c.user, c);
    c.depth0 = c.parent0 ? c.parent0.depth0 + 1 : 0;
    c.usable = usableSelf(c) && (c.parent0 ? c.parent0.usable : true);
  }
  for (const c of cs) {
    let p = c.parent0;
    if (c.depth0 > cap) while (p.depth0 > cap - 1) p = p.parent0;
    c.par = p;
    c.depth = p ? Math.min(c.depth0, cap) : 0;
    c.kids = [];
  }
  for (const c of cs) if (c.par) c.par.kids.push(c);
}

function selectNested(article) {
  buildTree(article, AJ_CAP);
  const threads = [];
  for (const root of article.comments.filter((c) => !c.par && c.usable)) {
    const list = [];
    const walk = (c) => {
      if (list.length >= THREAD_MAX || !c.usable) return;
      list.push(c);
      for (const k of c.kids) walk(k);
    };
    walk(root);
    threads.push(list);
  }
  const order = [...threads].sort((a, b) => b.length - a.length || a[0].pos - b[0].pos);
  const picked = [];
  let n = 0;
  for (const t of order) {
    if (n + t.length <= N_COMMENTS) {
      picked.push(t);
      n += t.length;
    }
  }
  picked.sort((a, b) => a[0].pos - b[0].pos);
  return picked.flat();
}

function selectFlat(article) {
  return article.comments.filter((c) => usableSelf(c)).slice(0, N_COMMENTS);
}

function paragraphsFor(list, pageNo, allowSplit) {
  const split = new Set();
  if (allowSplit) {
    for (const c of list) if (splitPoint(c.text) >= 0 && (c.pos + pageNo) % 3 === 0) split.add(c);
    if (split.size === 0) {
      const first = list.find((c) => splitPoint(c.text) >= 0);
      if (first) split.add(first);
    }
  }
  return list.map((c) => {
    if (!split.has(c)) return [c.text];
    const sp = splitPoint(c.text);
    return [c.text.slice(0, sp), c.text.slice(sp + 1)];
  });
}

// ---------------------------------------------------------------------------------------------
// Page description

const PAGES = [
  { layout: 'aj', article: 'Confederate flag', dateline: (d) => `${DY[wdOf(d)]}, ${MON[d.m - 1]} ${d.d}, ${d.y}`,
    bodyParas: 1, caption: 'Photo: AP', source: 'Source: Fox News', copyright: false },
  { layout: 'ak', article: 'First lady', dateline: null, bodyParas: 1, caption: 'Image: Getty Images',
    source: null, copyright: true },
  { layout: 'al', article: 'Black Lives Matter', dateline: (d) => `${MONTHS[d.m - 1]} ${d.d}, ${d.y}`,
    bodyParas: 1, caption: null, source: 'Originally published by Fox News', copyright: true },
  { layout: 'am', article: 'States moving', dateline: (d) => `${DAYS[wdOf(d)]}, ${MONTHS[d.m - 1]} ${d.d}, ${d.y}`,
    bodyParas: 2, caption: 'Photo: Reuters', source: null, copyright: false },
  { layout: 'an', article: 'ICE program', dateline: (d) => `${pad2(d.m)}/${pad2(d.d)}/${d.y}`,
    bodyParas: 2, caption: null, source: 'Source: Fox News', copyright: true },
  { layout: 'ao', article: 'Supreme Court', dateline: (d) => `${d.y}-${pad2(d.m)}-${pad2(d.d)}`,
    bodyParas: 2, caption: 'Click to enlarge', source: null, copyright: true },
];
const wdOf = (d) => new Date(Date.UTC(d.y, d.m - 1, d.d)).getUTCDay();
const EOL_OF = { aj: '\n', ak: '\n', al: '\n', am: '\n', an: '\n', ao: '\r\n' };
const GAP_OF = { aj: 1, ak: 2, al: 1, am: 2, an: 1, ao: 0 }; // blank lines between comments
// The an page is imagined as scraped at this moment: comments before it by >= 3 calendar years say
// "3 years ago", later ones "2 years ago".
const AN_SCRAPE = (d) => minutesOf(d.y + 3, d.m, d.d + 1, 12, 0);

function splitMeta(meta, n) {
  if (n === 1) return [meta];
  let best = -1;
  for (let i = meta.indexOf(', '); i >= 0; i = meta.indexOf(', ', i + 1)) {
    if (best < 0 || Math.abs(i - meta.length / 2) < Math.abs(best - meta.length / 2)) best = i;
  }
  if (best < 0) throw new Error('meta cannot be split');
  return [meta.slice(0, best + 1), meta.slice(best + 2)];
}

// ---------------------------------------------------------------------------------------------
// Rendering

class Builder {
  constructor(eol) {
    this.s = '';
    this.eol = eol;
  }
  /** Writes indent + text + EOL; returns the [start, end) of text. */
  line(indent, text) {
    this.s += ' '.repeat(indent);
    const start = this.s.length;
    this.s += text;
    const end = this.s.length;
    this.s += this.eol;
    return [start, end];
  }
  blank(n) {
    this.s += this.eol.repeat(n);
  }
}

function renderPage(page, pageNo, article) {
  const doc = `${article.slug}-g`;
  const b = new Builder(EOL_OF[page.layout]);
  const recs = [];
  const rec = (span, kind) => recs.push({ doc, start: span[0], end: span[1], text: b.s.slice(span[0], span[1]), kind });

  // Article part
  const blocks = [['title', article.title]];
  if (page.dateline) blocks.push(['dateline', page.dateline(article.date)]);
  for (const p of splitMeta(article.meta, page.bodyParas)) blocks.push(['body', p]);
  if (page.caption) blocks.push(['caption', page.caption]);
  if (page.source) blocks.push(['source', page.source]);
  blocks.forEach(([kind, text], i) => {
    if (i > 0) b.blank(1);
    rec(b.line(0, text), kind);
  });
  b.blank(2);

  // Thread
  const list = page.layout === 'aj' ? selectNested(article) : selectFlat(article);
  const paras = paragraphsFor(list, pageNo, page.layout !== 'ao');
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
    byPos.forEach((c, i) => {
      if (i > 0) {
        if (page.layout === 'ao') t += Math.floor(rng() * 7);
        else if (page.layout === 'ak') t += 20 + Math.floor(rng() * 581);
        else if (page.layout === 'an') t += 20 + Math.floor(rng() * 281);
        else t += 3 + Math.floor(rng() * 73);
      }
      const sec = Math.floor(rng() * 60);
      times.set(c, { min: t, sec });
    });
  }
  const names = new Map();
  for (const c of list) {
    const dn = displayName(c.user);
    for (const [u, n] of names) if (n === dn && u !== c.user) throw new Error(`display name clash ${dn}`);
    names.set(c.user, dn);
  }

  const index = new Map(list.map((c, i) => [c, i]));
  const gap = GAP_OF[page.layout];
  list.forEach((c, i) => {
    const ps = paras[i];
    const depth = page.layout === 'aj' ? c.depth : 0;
    const parent = page.layout === 'aj' && c.par ? index.get(c.par) : null;
    if (page.layout === 'aj' && c.par && parent === undefined) throw new Error('parent not on page');
    const ind = page.layout === 'aj' ? AJ_STEP * depth : 0;
    let hdr;
    let span;
    let author = c.user;
    let widget = null;
    const writeParas = () => {
      let first = null;
      let last = null;
      ps.forEach((p, k) => {
        if (k > 0) b.blank(1);
        const sp = b.line(ind, p);
        if (!first) first = sp;
        last = sp;
      });
      return [first[0], last[1]];
    };
    if (i > 0) b.blank(gap);
    const tm = times.get(c);
    const tp = parts(tm.min);
    switch (page.layout) {
      case 'aj': {
        const h1 = b.line(ind, c.user);
        const h2 = b.line(ind, forumLine(forumStats(c.user, d.y)));
        hdr = [h1[0], h2[1]];
        span = writeParas();
        break;
      }
      case 'ak': {
        author = names.get(c.user);
        const h1 = b.line(0, author);
        const h2 = b.line(0, `${MON[tp.m - 1]} ${tp.d}, ${tp.y}`);
        hdr = [h1[0], h2[1]];
        span = writeParas();
        break;
      }
      case 'al': {
        span = writeParas();
        hdr = b.line(0, `-- ${c.user}`);
        break;
      }
      case 'am': {
        const h1 = b.line(0, `From: ${c.user}`);
        const h2 = b.line(0, `Date: ${DY[tp.wd]}, ${tp.d} ${MON[tp.m - 1]} ${tp.y} ${pad2(tp.hh)}:${pad2(tp.mm)}:${pad2(tm.sec)} +0000`);
        hdr = [h1[0], h2[1]];
        b.blank(1);
        span = writeParas();
        break;
      }
      case 'an': {
        author = names.get(c.user);
        const scrape = AN_SCRAPE(d);
        const sp = parts(scrape);
        let years = sp.y - tp.y;
        if (scrape < minutesOf(sp.y, tp.m, tp.d, tp.hh, tp.mm)) years -= 1;
        const h1 = b.line(0, `${author}, ${credentialOf(c.user)}`);
        const h2 = b.line(0, `Answered ${years} ${years === 1 ? 'year' : 'years'} ago`);
        hdr = [h1[0], h2[1]];
        span = writeParas();
        const r = likes();
        const n = Math.floor(r * r * r * 250);
        widget = b.line(0, n === 0 ? 'Upvote' : `Upvote · ${n}`);
        break;
      }
      case 'ao': {
        const h = `[${pad2(tp.hh)}:${pad2(tp.mm)}] <${c.user}>`;
        const start = b.s.length;
        b.s += h;
        hdr = [start, b.s.length];
        b.s += ' ';
        const ts = b.s.length;
        b.s += ps[0];
        span = [ts, b.s.length];
        b.s += b.eol;
        break;
      }
      default:
        throw new Error(page.layout);
    }
    recs.push({ doc, start: span[0], end: span[1], text: b.s.slice(span[0], span[1]), kind: 'comment', index: i,
      author, depth, parent,
      header: { start: hdr[0], end: hdr[1], text: b.s.slice(hdr[0], hdr[1]) } });
    if (widget) rec(widget, 'footer');
  });

  if (page.copyright) {
    b.blank(2);
    rec(b.line(0, COPYRIGHT), 'footer');
  }
  recs.sort((x, y) => x.start - y.start || x.end - y.end);
  return { doc, text: b.s, recs, list, paras, layout: page.layout, article };
}

// ---------------------------------------------------------------------------------------------
// Checks: run on the files as re-read from disk. Everything below works from the page text, the
// gold records and the dataset only (plus the layout of each doc).

const COMMENT_KEYS = ['doc', 'start', 'end', 'text', 'kind', 'index', 'author', 'depth', 'parent', 'header'];
const PLAIN_KEYS = ['doc', 'start', 'end', 'text', 'kind'];
const KINDS = new Set(['title', 'dateline', 'body', 'caption', 'source', 'footer', 'comment']);
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
  // Key order, kinds, sort order
  for (let n = 0; n < recs.length; n++) {
    const r = recs[n];
    const keys = Object.keys(r);
    const want = r.kind === 'comment' ? COMMENT_KEYS : PLAIN_KEYS;
    if (keys.join() !== want.join()) fail(`record ${n}: keys ${keys}`);
    if (!KINDS.has(r.kind)) fail(`record ${n}: kind ${r.kind}`);
    if (r.kind === 'comment' && (r.header == null || Object.keys(r.header).join() !== 'start,end,text')) fail(`record ${n}: header keys`);
    if (n > 0) {
      const p = recs[n - 1];
      const c = p.doc < r.doc ? -1 : p.doc > r.doc ? 1 : p.start - r.start || p.end - r.end;
      if (c >= 0) fail(`record ${n}: not strictly sorted`);
    }
    if (!byDoc.has(r.doc)) byDoc.set(r.doc, []);
    byDoc.get(r.doc).push(r);
  }
  const docs = [...pages.keys()].sort();
  if (docs.join() !== [...byDoc.keys()].sort().join()) fail('gold docs differ from the page files');
  const layoutsSeen = new Set();
  for (const doc of docs) {
    const text = pages.get(doc);
    const rs = byDoc.get(doc) ?? [];
    const layout = layouts.get(doc);
    layoutsSeen.add(layout);
    const eol = EOL_OF[layout];
    // Encoding and line endings
    if (text.charCodeAt(0) === 0xfeff) fail(`${doc}: BOM`);
    if (eol === '\r\n') {
      if (/\r(?!\n)|(?<!\r)\n/.test(text)) fail(`${doc}: stray CR or LF on the CRLF page`);
    } else if (text.includes('\r')) fail(`${doc}: CR on an LF page`);
    if (!text.endsWith(eol) || text.endsWith(eol + eol)) fail(`${doc}: must end with a single line ending`);
    if (/[ \t](\r?\n)/.test(text)) fail(`${doc}: trailing whitespace`);
    if (text.includes('\t')) fail(`${doc}: tab`);
    if (ZW.test(text)) fail(`${doc}: zero-width character`);
    if (/[\uD800-\uDFFF]/.test(text)) fail(`${doc}: non-BMP character`);
    // text === slice, trimmed spans, coverage
    const cover = new Uint8Array(text.length);
    const mark = (s, e, what) => {
      if (!(Number.isInteger(s) && Number.isInteger(e) && s >= 0 && e <= text.length && s <= e)) {
        fail(`${doc}: bad offsets for ${what}`);
        return;
      }
      for (let q = s; q < e; q++) cover[q]++;
    };
    for (const r of rs) {
      const what = `${r.kind}@${r.start}`;
      if (text.slice(r.start, r.end) !== r.text) fail(`${doc}: text !== slice for ${what}`);
      if (r.text === '' || /^\s|\s$/.test(r.text)) fail(`${doc}: span not trimmed/non-empty: ${what}`);
      if (r.kind !== 'comment' && /[\r\n]/.test(r.text)) fail(`${doc}: multi-line ${what}`);
      mark(r.start, r.end, what);
      if (r.kind === 'comment') {
        const h = r.header;
        if (!h || text.slice(h.start, h.end) !== h.text) fail(`${doc}: header text !== slice for ${what}`);
        else {
          if (h.text === '' || /^\s|\s$/.test(h.text)) fail(`${doc}: header not trimmed: ${what}`);
          const nl = h.text.split(eol).length;
          if (nl !== HEADER_LINES[layout]) fail(`${doc}: header of ${nl} lines for ${what}`);
          if (h.text.includes('\n\n') || h.text.includes('\r\n\r\n')) fail(`${doc}: blank line inside header ${what}`);
          mark(h.start, h.end, `header of ${what}`);
        }
      }
    }
    for (let q = 0; q < text.length; q++) {
      if (cover[q] > 1) {
        fail(`${doc}: overlap at ${q}`);
        break;
      }
      if (cover[q] === 0 && !/\s/.test(text[q])) {
        fail(`${doc}: uncovered ${JSON.stringify(text[q])} at ${q}`);
        break;
      }
    }
    // Comment structure
    const cs = rs.filter((r) => r.kind === 'comment');
    if (cs.length !== N_COMMENTS) fail(`${doc}: ${cs.length} comments`);
    cs.forEach((c, k) => {
      if (c.index !== k) fail(`${doc}: index ${c.index} at position ${k}`);
      let want = null;
      if (c.depth > 0) {
        for (let q = k - 1; q >= 0; q--) if (cs[q].depth === c.depth - 1) {
          want = q;
          break;
        }
      }
      if (c.parent !== want) fail(`${doc}: #${k} parent ${c.parent}, nearest shallower is ${want}`);
      if (k > 0 && c.depth > cs[k - 1].depth + 1) fail(`${doc}: #${k} depth jump`);
      if (k === 0 && c.depth !== 0) fail(`${doc}: first comment not top-level`);
      if (layout !== 'aj' && (c.depth !== 0 || c.parent !== null)) fail(`${doc}: nesting on a flat page`);
      if (c.depth > AJ_CAP) fail(`${doc}: depth beyond cap`);
    });
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
        else mins.push(minutesOf(+m[3], MON.indexOf(m[1]) + 1, +m[2]));
        if (h[0].split(' ').length < 2) fail(`${doc}: #${k} display name is not a full name`);
      } else if (layout === 'am') {
        const m = /^Date: (\w{3}), (\d+) (\w{3}) (\d{4}) (\d\d):(\d\d):(\d\d) \+0000$/.exec(h[1]);
        if (!m) fail(`${doc}: #${k} date`);
        else {
          const t = minutesOf(+m[4], MON.indexOf(m[3]) + 1, +m[2], +m[5], +m[6]);
          if (DY[parts(t).wd] !== m[1]) fail(`${doc}: #${k} weekday does not match the date`);
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
  fs.mkdirSync(PAGES_DIR, { recursive: true });
  for (const f of fs.readdirSync(PAGES_DIR)) if (f.endsWith('.txt')) fs.unlinkSync(path.join(PAGES_DIR, f));
  for (const p of built) fs.writeFileSync(path.join(PAGES_DIR, `${p.doc}.txt`), p.text, 'utf8');
  const all = built.flatMap((p) => p.recs);
  all.sort((a, b) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.start - b.start || a.end - b.end));
  fs.writeFileSync(GOLD_FILE, all.map((r) => JSON.stringify(r)).join('\n') + '\n', 'utf8');

  // Re-read and check
  const pages = new Map();
  const layouts = new Map();
  for (const f of fs.readdirSync(PAGES_DIR).filter((x) => x.endsWith('.txt')).sort()) {
    const doc = f.slice(0, -4);
    pages.set(doc, fs.readFileSync(path.join(PAGES_DIR, f), 'utf8'));
    const b = built.find((x) => x.doc === doc);
    if (b) layouts.set(doc, b.layout);
  }
  const goldText = fs.readFileSync(GOLD_FILE, 'utf8');
  const errors = checkAll(pages, goldText, dataset, layouts);
  for (const p of built) {
    const cs = p.recs.filter((r) => r.kind === 'comment');
    const depths = [0, 1, 2, 3].map((d) => cs.filter((c) => c.depth === d).length).join('/');
    const two = cs.filter((c) => /\r?\n\r?\n/.test(c.text)).map((c) => c.index).join(', ') || '–';
    const kinds = {};
    for (const r of p.recs) kinds[r.kind] = (kinds[r.kind] ?? 0) + 1;
    console.log(`${p.layout} ${p.doc}: ${cs.length} comments, depth ${depths}, 2-paragraph [${two}], ` +
      `${p.recs.length} records ${JSON.stringify(kinds)}`);
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
