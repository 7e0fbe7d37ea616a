#!/usr/bin/env node
// Build a THIRD claims held-out set (tests/heldout-claims-3/pages/) from real Reddit comments in
// the WNUT-17 emerging-entities test set (CC-BY 4.0): comments nobody has read for claims, from
// a source other than Fox News, to see whether the claims rules carry over.
//
//   node scripts/build-heldout-claims-3-pages.mjs [WNUT_TEST_FILE]
//
// WNUT_TEST_FILE defaults to <repo>/../shared/datasets/wnut17/emerging.test.annotated (CoNLL:
// one token and its tag per line, texts separated by blank lines). The file's first 390 texts are
// Reddit comments (StackExchange titles and comments follow, then tweets).
//
// Selection, without reading the texts for claims: texts 1-390 in file order after the last
// signature of a bot that reposts article text, with at least 6 tokens, no link ("http", "www.",
// "]("), no Reddit markup ("^", "* *", a leading "[") and not quoting another comment (a leading
// "& gt ;", Reddit's ">"). Each text becomes one comment, detokenised by fixed rules (see detokenise()).
// Layout: the training pages' (commentPageText in scripts/lib/page-text.mjs), 40 comments per
// page. WNUT-17 has no user names; each comment is signed "redditor" + its text's number in the file.
//
// Plain Node >= 20, no dependencies, deterministic (no randomness, no clock).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { paginate, writeCommentPages } from './lib/page-text.mjs';
import { detokenise, readWnutTexts } from './lib/wnut-text.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = process.argv[2] ? path.resolve(process.argv[2]) : path.resolve(REPO_ROOT, '../shared/datasets/wnut17/emerging.test.annotated');
const OUT_DIR = path.join(REPO_ROOT, 'tests', 'heldout-claims-3', 'pages');
const REDDIT_TEXTS = 390;
const PER_PAGE = 40;

const texts = readWnutTexts(fs, SOURCE).slice(0, REDDIT_TEXTS);
// A bot reposts article text as comments and signs each repost ("^ I ^ accept ^ commands"): the texts up to its
// last signature are article sentences, not readers' comments.
const lastBotText = texts.findLastIndex((tokens) => tokens.join(' ').includes('^ accept ^ commands'));
const chosen = [];
texts.forEach((tokens, i) => {
  const raw = tokens.join(' ');
  if (i <= lastBotText || tokens.length < 6) return;
  // Links, quotes of another comment, and Reddit markup left over from scraping ("* * submission title * *", "[^ …").
  if (/http|www\.|\]\s*\(|\^|\* \*/.test(raw) || /^(?:& gt ;|\[)/.test(raw)) return;
  chosen.push({ user: `redditor${String(i + 1).padStart(3, '0')}`, text: detokenise(tokens) });
});

const pages = paginate(chosen, PER_PAGE, (n) => ({
  doc: `reddit-comments-wnut17-${String(n).padStart(2, '0')}-h3`,
  title: `Reddit comments (WNUT-17 test set), page ${n}`,
  description: 'Reader comments from Reddit threads, as collected for the WNUT-17 shared task on emerging entities (CC-BY 4.0).',
}));

writeCommentPages(fs, path, OUT_DIR, pages);
for (const p of pages) console.log(`${p.doc.padEnd(40)}${p.comments.length}`);
console.log(`wrote ${pages.length} pages, ${chosen.length} comments (of ${texts.length} Reddit texts) to ${path.relative(REPO_ROOT, OUT_DIR)}/`);
