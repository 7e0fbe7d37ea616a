// Shared by the held-out page generators: reads the Fox News comments dataset
// (fox-news-comments.json + comment-url.txt) and groups it into articles.
import fs from 'node:fs';
import path from 'node:path';

function findDatasetDir(shared) {
  const cands = [path.join(shared, 'datasets', 'fox-news-comments'), path.join(shared, 'fox-news-comments'), shared];
  for (const d of cands) if (fs.existsSync(path.join(d, 'fox-news-comments.json'))) return d;
  throw new Error(`fox-news-comments.json not found under ${shared}`);
}

/** Rows (with fileIndex) and articles ({title, meta, comments, url, date}) in file order. */
export function loadFoxArticles(sharedDir) {
  const DATA_DIR = findDatasetDir(sharedDir);
  const rows = fs
    .readFileSync(path.join(DATA_DIR, 'fox-news-comments.json'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => ({ ...JSON.parse(l), fileIndex: i }));

  // Articles in order of first appearance in the file.
  const articles = [];
  {
    const byTitle = new Map();
    for (const r of rows) {
      let a = byTitle.get(r.title);
      if (!a) {
        a = { title: r.title, meta: r.meta, comments: [] };
        byTitle.set(r.title, a);
        articles.push(a);
      }
      if (r.meta !== a.meta) throw new Error(`article "${r.title}" has more than one meta description`);
      a.comments.push(r);
    }
  }

  // Article dates come from the URLs in comment-url.txt ("NN:http://www.foxnews.com/<section>/YYYY/MM/DD/<slug>.html").
  const urls = fs
    .readFileSync(path.join(DATA_DIR, 'comment-url.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim().replace(/^\d+:/, ''))
    .filter(Boolean);
  const words = (s) => new Set(s.toLowerCase().replace(/['’]/g, '').split(/[^a-z0-9]+/).filter((w) => w.length > 2));
  for (const a of articles) {
    const tw = words(a.title);
    let best = null;
    let bestScore = 0;
    for (const u of urls) {
      const uw = words(u.split('/').pop().replace(/\.html.*$/, ''));
      const score = [...tw].filter((w) => uw.has(w)).length;
      if (score > bestScore) [best, bestScore] = [u, score];
    }
    const m = best && best.match(/\/(\d{4})\/(\d{2})\/(\d{2})\//);
    if (!m || bestScore < 2) throw new Error(`no URL matches article "${a.title}"`);
    a.url = best;
    a.date = { y: +m[1], m: +m[2], d: +m[3] };
  }
  if (new Set(articles.map((a) => a.url)).size !== articles.length) throw new Error('URL/article mapping is not one-to-one');
  return { DATA_DIR, rows, articles };
}

/**
 * Reply trees: parent = the most recent earlier comment (file order, which is chronological) by
 * the commenter's first @mention; no mention or no earlier comment by the addressee => top-level.
 * Replies deeper than maxDepth are re-attached to the ancestor at maxDepth-1. Sets c.k, c.parentK,
 * c.depth and c.children on every comment; returns counts for the generator's log.
 */
export function buildReplyTrees(articles, maxDepth) {
  const stats = { replies: 0, prevAgree: 0, prevDiffer: 0, mentionNoParent: 0, flattened: 0 };
  for (const a of articles) {
    const cs = a.comments;
    for (let k = 0; k < cs.length; k++) {
      const c = cs[k];
      c.parentK = null;
      const addressee = (c.mentions || '').trim().split(/\s+/)[0]?.replace(/^@/, '');
      if (addressee && addressee !== c.user) {
        for (let j = k - 1; j >= 0; j--)
          if (cs[j].user === addressee) {
            c.parentK = j;
            break;
          }
      }
      if (c.mentions && c.parentK === null) stats.mentionNoParent++;
      if (c.parentK !== null) {
        stats.replies++;
        if (c.prev === cs[c.parentK].text) stats.prevAgree++;
        else stats.prevDiffer++;
      }
      c.k = k;
    }
    // depth with flattening (parents always precede children in file order)
    for (const c of cs) {
      if (c.parentK === null) {
        c.depth = 0;
        continue;
      }
      let p = cs[c.parentK];
      if (p.depth >= maxDepth) {
        p = cs[p.parentK]; // p.depth === maxDepth, so its parent is at maxDepth-1
        c.parentK = p.k;
        stats.flattened++;
      }
      c.depth = p.depth + 1;
    }
    for (const c of cs) c.children = [];
    for (const c of cs) if (c.parentK !== null) cs[c.parentK].children.push(c);
  }
  return stats;
}

// Comment `root` and its replies in pre-order (children in file order), without the subtrees whose root passes `skip`.
function preorder(root, skip = () => false) {
  const out = [];
  const walk = (c) => {
    if (skip(c)) return;
    out.push(c);
    c.children.forEach(walk);
  };
  walk(root);
  return out;
}

/** Nested selection: per unused top-level thread in file order, a pre-order prefix of at most `maxThread` unused comments, until `maxComments`. */
export function selectThreadPrefixes(a, maxThread, maxComments, used = new Set()) {
  const out = [];
  for (const root of a.comments.filter((c) => c.parentK === null && !used.has(c.k))) {
    out.push(...preorder(root, (c) => used.has(c.k)).slice(0, Math.min(maxThread, maxComments - out.length)));
    if (out.length >= maxComments) break;
  }
  return out;
}

/** Flat selection: the first `maxComments` comments of article `a` (file order) not in `used` (a Set of c.k). */
export const selectFirst = (a, maxComments, used = new Set()) => a.comments.filter((c) => !used.has(c.k)).slice(0, maxComments);
