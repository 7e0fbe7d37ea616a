#!/usr/bin/env node
// Build a FOURTH claims held-out set (tests/heldout-claims-4/pages/): political debate turns and
// tweets that no claims set, rule or learned weight was made from, to decide (by a rule written
// down before measuring, see tests/heldout-claims-4/README.md) which claims weighting is the default.
//
//   node scripts/build-heldout-claims-4-pages.mjs [DATASETS_DIR]
//
// DATASETS_DIR defaults to <repo>/../shared/datasets. Two sources:
// - CLEF 2019 CheckThat! task 1, TEST transcripts (clef2019-checkthat-task1/test_annotated/*.tsv:
//   line, speaker, sentence, label; "free for general research use"). From each of the 7
//   transcripts, the 40 lines starting half way in, stage directions (speaker SYSTEM) left out;
//   consecutive lines of one speaker, at most 4, make one turn, written as one comment signed
//   with the speaker's name (a speech thus becomes several comments, so that resampling comments
//   for confidence intervals has more than one unit per speech). The check-worthiness labels are not used. (The extra training pages use the
//   TRAINING transcripts; CLEF 2020 is a different dataset.)
// - WNUT-17 training set (wnut17/wnut17train.conll; tweets, CC-BY 4.0): texts with at least 6
//   tokens and no link, handle or hashtag; every 5th of them in file order, at most 200,
//   detokenised (scripts/lib/wnut-text.mjs), 40 per page, signed "tweeter" + the text's number
//   in the file. (The other claims sets use WNUT-17's dev and test files.)
// The texts were not read for claims before selection.
// Layout: the training pages' (commentPageText in scripts/lib/page-text.mjs).
//
// Plain Node >= 20, no dependencies, deterministic (no randomness, no clock).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { debatePages, tweetPages } from './lib/debates-tweets.mjs';
import { checkCommentsVerbatim, commentPageText, writePages } from './lib/page-text.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATASETS = process.argv[2] ? path.resolve(process.argv[2]) : path.resolve(REPO_ROOT, '../shared/datasets');
const OUT_DIR = path.join(REPO_ROOT, 'tests', 'heldout-claims-4', 'pages');

const debates = debatePages(fs, DATASETS, { fromFraction: 1 / 2, lines: 40, maxLinesPerTurn: 4, suffix: 'h4' });
const tweets = tweetPages(fs, DATASETS, { stride: 5, offset: 0, max: 200, perPage: 40, suffix: 'h4' });
const pages = [...debates, ...tweets.pages];

for (const page of pages) page.text = commentPageText(page.title, page.description, page.comments);
checkCommentsVerbatim(pages);

writePages(fs, path, OUT_DIR, pages);
for (const p of pages) console.log(`${p.doc.padEnd(48)}${p.comments.length}`);
console.log(`wrote ${pages.length} pages, ${pages.reduce((s, p) => s + p.comments.length, 0)} comments (${tweets.eligible} eligible tweets) to ${path.relative(REPO_ROOT, OUT_DIR)}/`);
