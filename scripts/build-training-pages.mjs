#!/usr/bin/env node
// Build the TRAINING pages (tests/training/pages/) from the Fox News user-comments
// dataset, using only comments that appear in neither held-out set.
//
//   node scripts/build-training-pages.mjs [DATASET_JSON]
//
// DATASET_JSON defaults to <repo>/../shared/datasets/fox-news-comments/fox-news-comments.json
// (JSON lines: title, meta, user, text, …; MIT licence).
//
// Exclusion: a comment is dropped if its whitespace-normalised text occurs in the
// whitespace-normalised text of any page in tests/heldout/pages/*.txt or
// tests/heldout-b/pages/*.txt (substring test, so the rule is conservative:
// a very short comment that happens to occur inside a held-out page is dropped too).
//
// Selection: articles in order of first appearance in the file; for each article the
// remaining comments in file order: the first PAGE_SIZE go on <slug>-train.txt; if
// the article has at least PAGE_SIZE more, the next PAGE_SIZE go on <slug>-2-train.txt
// (at most MAX_PAGES_PER_ARTICLE pages per article; a second page is always full).
//
// Layout (the simplest one): title line, blank line, the article description (meta)
// as one paragraph, two blank lines, then the comments separated by two blank lines,
// each as the user name on its own line, a blank line, then the comment text with
// internal newlines replaced by spaces. LF line endings, file ends with "\n".
//
// Plain Node >= 20, no dependencies, deterministic (no randomness, no clock).
// The generator was written without reading the classifier (src/).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFoxArticles } from './lib/fox-articles.mjs';
import { slugify, writePages } from './lib/page-text.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATASET = process.argv[2]
  ? path.resolve(process.argv[2])
  : path.resolve(REPO_ROOT, '../shared/datasets/fox-news-comments/fox-news-comments.json');
const HELDOUT_DIRS = [path.join(REPO_ROOT, 'tests', 'heldout', 'pages'), path.join(REPO_ROOT, 'tests', 'heldout-b', 'pages')];
const OUT_DIR = path.join(REPO_ROOT, 'tests', 'training', 'pages');

const PAGE_SIZE = 60; // comments per page
const MAX_PAGES_PER_ARTICLE = 2;

const normWs = (s) => s.replace(/\s+/g, ' ').trim();
// Comment text on the page: internal newlines (with surrounding whitespace) -> one space.
const oneLine = (s) => s.replace(/[ \t]*\r?\n[\s]*/g, ' ').trim();


// --- held-out text (each page whitespace-normalised, kept separate so no match spans two pages)
const heldout = [];
for (const dir of HELDOUT_DIRS) {
  if (!fs.existsSync(dir)) throw new Error(`held-out pages missing: ${dir}`);
  for (const f of fs.readdirSync(dir).sort())
    if (f.endsWith('.txt')) heldout.push(normWs(fs.readFileSync(path.join(dir, f), 'utf8').replace(/^\uFEFF/, '')));
}
if (heldout.length === 0) throw new Error('no held-out pages found');
const inHeldout = (text) => {
  const t = normWs(text);
  return t !== '' && heldout.some((p) => p.includes(t));
};

// --- articles in order of first appearance (shared loader; the dataset folder is the JSON file's folder)
const { rows, articles } = loadFoxArticles(path.dirname(DATASET));
void rows;

// --- pages
const pages = [];
const summary = [];
for (const a of articles) {
  const free = a.comments.filter((c) => !inHeldout(c.text) && oneLine(c.text) !== '');
  const excluded = a.comments.length - free.length;
  const slug = slugify(a.title);
  // page 1 takes up to PAGE_SIZE comments; a further page is made only if it can be full
  for (let p = 0; p < MAX_PAGES_PER_ARTICLE && (p === 0 ? free.length > 0 : (p + 1) * PAGE_SIZE <= free.length); p++) {
    const sel = free.slice(p * PAGE_SIZE, (p + 1) * PAGE_SIZE);
    const doc = p === 0 ? `${slug}-train` : `${slug}-${p + 1}-train`;
    let s = `${oneLine(a.title)}\n\n${oneLine(a.meta)}\n\n\n`;
    s += sel.map((c) => `${c.user.trim()}\n\n${oneLine(c.text)}\n`).join('\n\n');
    pages.push({ doc, text: s, sel });
    summary.push({ doc, comments: sel.length, article: a.comments.length, excluded, free: free.length });
  }
}

// --- verification
const seen = new Set();
for (const { doc, text, sel } of pages) {
  if (seen.has(doc)) throw new Error(`duplicate doc ${doc}`);
  seen.add(doc);
  for (const c of sel) {
    if (inHeldout(c.text)) throw new Error(`${doc}: held-out comment selected`);
    if (!text.includes(`\n\n${c.user.trim()}\n\n${oneLine(c.text)}\n`)) throw new Error(`${doc}: comment not written verbatim`);
    if (/[\r\n]/.test(oneLine(c.text))) throw new Error(`${doc}: newline left in comment`);
  }
}
const allSel = pages.flatMap((p) => p.sel.map((c) => c.fileIndex));
if (new Set(allSel).size !== allSel.length) throw new Error('a comment was used twice');

// --- write
writePages(fs, path, OUT_DIR, pages);

const pad = (x, n) => String(x).padEnd(n);
console.log(pad('doc', 72) + 'comments  (article total, excluded as held-out, available)');
for (const r of summary) console.log(pad(r.doc, 72) + pad(r.comments, 10) + `(${r.article}, ${r.excluded}, ${r.free})`);
console.log(`wrote ${pages.length} pages, ${allSel.length} comments to ${path.relative(REPO_ROOT, OUT_DIR)}/`);
