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
