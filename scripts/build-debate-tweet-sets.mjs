#!/usr/bin/env node
// Build the pages of the claims held-out sets made of debate turns and tweets (tests/heldout-claims-4/
// to tests/heldout-claims-7/). Each set takes its own parts of two sources, listed in PARTS below, so
// that no sentence is on two sets' pages.
//
//   node scripts/build-debate-tweet-sets.mjs [SET…] [--datasets DIR]
//
// SET is 4, 5, 6 or 7 (default: all). DIR defaults to <repo>/../shared/datasets.
// - CLEF 2019 CheckThat! task 1 TEST transcripts (clef2019-checkthat-task1/test_annotated/*.tsv;
//   "free for general research use"): from each of the 7 transcripts, 40 lines starting at a fraction
//   of the file; stage directions (speaker SYSTEM) left out; consecutive lines of one speaker, at most
//   4, make one comment signed with the speaker's name. Every transcript has over 500 lines, so 40
//   lines from fractions an eighth apart never overlap. The check-worthiness labels are not used.
// - WNUT-17 training tweets (wnut17/wnut17train.conll; CC-BY 4.0): of the texts with at least 6 tokens
//   and no link, handle or hashtag, the ones at positions k with k % 5 === offset, at most 200,
//   detokenised, 40 per page, signed "tweeter" + the text's number in the file.
// The texts were not read for claims before selection. Layout: commentPageText (scripts/lib/page-text.mjs).
//
// Plain Node >= 20, no dependencies, deterministic (no randomness, no clock).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { debatePages, tweetPages } from './lib/debates-tweets.mjs';
import { writeCommentPages } from './lib/page-text.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Each set's parts: transcript fractions (with the page-name suffix of each) and the tweet offset modulo 5. */
const PARTS = {
  4: { debates: [[1 / 2, 'h4']], tweets: [0, 'h4'] },
  5: { debates: [[3 / 4, 'h5']], tweets: [2, 'h5'] },
  6: { debates: [[1 / 4, 'h6']], tweets: [4, 'h6'] },
  // Sealed: measured by nobody (tests/heldout-claims-7/README.md).
  7: { debates: [[1 / 8, 'h7a'], [3 / 8, 'h7b']], tweets: [1, 'h7'] },
};

const args = process.argv.slice(2);
const at = args.indexOf('--datasets');
const datasets = at >= 0 ? path.resolve(args[at + 1]) : path.resolve(REPO_ROOT, '../shared/datasets');
const sets = args.filter((_, i) => at < 0 || (i !== at && i !== at + 1));
for (const set of sets.length ? sets : Object.keys(PARTS)) {
  const parts = PARTS[set];
  if (!parts) {
    console.error(`build-debate-tweet-sets: no set "${set}"; the sets are ${Object.keys(PARTS).join(', ')}`);
    process.exit(2);
  }
  const debates = parts.debates.flatMap(([fromFraction, suffix]) => debatePages(fs, datasets, { fromFraction, lines: 40, maxLinesPerTurn: 4, suffix }));
  const tweets = tweetPages(fs, datasets, { stride: 5, offset: parts.tweets[0], max: 200, perPage: 40, suffix: parts.tweets[1] });
  const pages = [...debates, ...tweets.pages];
  const outDir = path.join(REPO_ROOT, 'tests', `heldout-claims-${set}`, 'pages');
  writeCommentPages(fs, path, outDir, pages);
  console.log(`set ${set}: wrote ${pages.length} pages, ${pages.reduce((s, p) => s + p.comments.length, 0)} comments (${tweets.eligible} eligible tweets) to ${path.relative(REPO_ROOT, outDir)}/`);
}
