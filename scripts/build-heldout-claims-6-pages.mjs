#!/usr/bin/env node
// Build a SIXTH claims held-out set (tests/heldout-claims-6/pages/): more debate turns and tweets,
// none of them on any other page, to measure the seventh round of claims rules (read from the
// extra set's errors) on text nobody has measured anything on (tests/heldout-claims-6/README.md).
//
//   node scripts/build-heldout-claims-6-pages.mjs [DATASETS_DIR]
//
// DATASETS_DIR defaults to <repo>/../shared/datasets. The sources and page layout are the fourth
// and fifth held-out sets' (scripts/lib/debates-tweets.mjs); the parts differ:
// - CLEF 2019 CheckThat! task 1 test transcripts: the 40 lines starting a quarter of the way in
//   (the fourth set starts half way, the fifth three quarters; every transcript has over 500
//   lines, so none overlap).
// - WNUT-17 training tweets: among the eligible ones, positions 4, 9, 14, … (the fourth set takes
//   0, 5, 10, …, the fifth 2, 7, 12, …), at most 200.
// The texts were not read for claims before selection.
//
// Plain Node >= 20, no dependencies, deterministic (no randomness, no clock).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { debatePages, tweetPages } from './lib/debates-tweets.mjs';
import { checkCommentsVerbatim, commentPageText, writePages } from './lib/page-text.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATASETS = process.argv[2] ? path.resolve(process.argv[2]) : path.resolve(REPO_ROOT, '../shared/datasets');
const OUT_DIR = path.join(REPO_ROOT, 'tests', 'heldout-claims-6', 'pages');

const debates = debatePages(fs, DATASETS, { fromFraction: 1 / 4, lines: 40, maxLinesPerTurn: 4, suffix: 'h6' });
const tweets = tweetPages(fs, DATASETS, { stride: 5, offset: 4, max: 200, perPage: 40, suffix: 'h6' });
const pages = [...debates, ...tweets.pages];

for (const page of pages) page.text = commentPageText(page.title, page.description, page.comments);
checkCommentsVerbatim(pages);

writePages(fs, path, OUT_DIR, pages);
for (const p of pages) console.log(`${p.doc.padEnd(48)}${p.comments.length}`);
console.log(`wrote ${pages.length} pages, ${pages.reduce((s, p) => s + p.comments.length, 0)} comments (${tweets.eligible} eligible tweets) to ${path.relative(REPO_ROOT, OUT_DIR)}/`);
