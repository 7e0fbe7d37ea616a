#!/usr/bin/env node
// Build a SECOND claims held-out set (tests/heldout-claims-2/pages/) from the Fox News
// user-comments dataset: the comments that are on no other test or training page.
//
//   node scripts/build-heldout-claims-2-pages.mjs [DATASET_JSON]
//
// DATASET_JSON defaults to <repo>/../shared/datasets/fox-news-comments/fox-news-comments.json
// (JSON lines: title, meta, user, text, …; MIT licence).
//
// Why: the first claims held-out set (tests/heldout/) has been measured after every batch of
// rules for four rounds; a set labelled after the rules were frozen gives a fresh estimate.
//
// Exclusion: a comment is dropped if its whitespace-normalised text occurs in the
// whitespace-normalised text of any page in tests/heldout/pages, tests/heldout-b/pages or
// tests/training/pages (substring test, conservative), or if it is empty.
// Selection: articles in order of first appearance in the file; for each article all remaining
// comments in file order, on one page <slug>-h2.txt (articles with none left get no page).
// Layout: the training pages' layout (title, blank line, the article description, two blank
// lines, then each comment as the user name, a blank line and the text on one line, comments
// separated by two blank lines). LF line endings, file ends with "\n".
//
// Plain Node >= 20, no dependencies, deterministic (no randomness, no clock).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFoxArticles } from './lib/fox-articles.mjs';
import { slugify, writePages } from './lib/page-text.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATASET = process.argv[2]
  ? path.resolve(process.argv[2])
  : path.resolve(REPO_ROOT, '../shared/datasets/fox-news-comments/fox-news-comments.json');
const USED_DIRS = ['heldout', 'heldout-b', 'training'].map((d) => path.join(REPO_ROOT, 'tests', d, 'pages'));
const OUT_DIR = path.join(REPO_ROOT, 'tests', 'heldout-claims-2', 'pages');

const normWs = (s) => s.replace(/\s+/g, ' ').trim();
const oneLine = (s) => s.replace(/[ \t]*\r?\n[\s]*/g, ' ').trim();

const used = [];
for (const dir of USED_DIRS) {
  if (!fs.existsSync(dir)) throw new Error(`pages missing: ${dir}`);
  for (const f of fs.readdirSync(dir).sort()) if (f.endsWith('.txt')) used.push(normWs(fs.readFileSync(path.join(dir, f), 'utf8').replace(/^\uFEFF/, '')));
}
const isUsed = (text) => {
  const t = normWs(text);
  return t !== '' && used.some((p) => p.includes(t));
};

const { articles } = loadFoxArticles(path.dirname(DATASET));
const pages = [];
for (const a of articles) {
  const free = a.comments.filter((c) => oneLine(c.text) !== '' && !isUsed(c.text));
  if (free.length === 0) continue;
  const doc = `${slugify(a.title)}-h2`;
  const text = `${oneLine(a.title)}\n\n${oneLine(a.meta)}\n\n\n` + free.map((c) => `${c.user.trim()}\n\n${oneLine(c.text)}\n`).join('\n\n');
  pages.push({ doc, text, free, total: a.comments.length });
}

// --- verification
for (const { doc, text, free } of pages) for (const c of free) {
  if (isUsed(c.text)) throw new Error(`${doc}: a used comment was selected`);
  if (!text.includes(`\n\n${c.user.trim()}\n\n${oneLine(c.text)}\n`)) throw new Error(`${doc}: comment not written verbatim`);
}
const all = pages.flatMap((p) => p.free.map((c) => c.fileIndex));
if (new Set(all).size !== all.length) throw new Error('a comment was used twice');

writePages(fs, path, OUT_DIR, pages);
for (const p of pages) console.log(`${p.doc.padEnd(72)}${String(p.free.length).padEnd(6)}(of ${p.total})`);
console.log(`wrote ${pages.length} pages, ${all.length} comments to ${path.relative(REPO_ROOT, OUT_DIR)}/`);
