#!/usr/bin/env node
// Build a SEVENTH claims held-out set (tests/heldout-claims-7/pages/), SEALED: labelled, but measured
// by nobody, so that the next decision about the claims stage has text no weighting, rule or
// measurement has touched (tests/heldout-claims-7/README.md).
//
//   node scripts/build-heldout-claims-7-pages.mjs [DATASETS_DIR]
//
// DATASETS_DIR defaults to <repo>/../shared/datasets. The sources and page layout are the fourth to
// sixth held-out sets' (scripts/lib/debates-tweets.mjs); the parts differ:
// - CLEF 2019 CheckThat! task 1 test transcripts: the 40 lines starting an eighth of the way in
//   (pages -h7a) and the 40 starting three eighths in (pages -h7b). The other sets start a quarter,
//   half and three quarters in; every transcript has over 500 lines, so none overlap.
// - WNUT-17 training tweets: among the eligible ones, positions 1, 6, 11, … (the other sets take
//   0, 2 and 4 modulo 5), at most 200.
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
const OUT_DIR = path.join(REPO_ROOT, 'tests', 'heldout-claims-7', 'pages');

const early = debatePages(fs, DATASETS, { fromFraction: 1 / 8, lines: 40, maxLinesPerTurn: 4, suffix: 'h7a' });
const later = debatePages(fs, DATASETS, { fromFraction: 3 / 8, lines: 40, maxLinesPerTurn: 4, suffix: 'h7b' });
const tweets = tweetPages(fs, DATASETS, { stride: 5, offset: 1, max: 200, perPage: 40, suffix: 'h7' });
const pages = [...early, ...later, ...tweets.pages];

for (const page of pages) page.text = commentPageText(page.title, page.description, page.comments);
checkCommentsVerbatim(pages);

writePages(fs, path, OUT_DIR, pages);
for (const p of pages) console.log(`${p.doc.padEnd(48)}${p.comments.length}`);
console.log(`wrote ${pages.length} pages, ${pages.reduce((s, p) => s + p.comments.length, 0)} comments (${tweets.eligible} eligible tweets) to ${path.relative(REPO_ROOT, OUT_DIR)}/`);
