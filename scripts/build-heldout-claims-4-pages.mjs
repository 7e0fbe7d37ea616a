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
import { checkCommentsVerbatim, commentPageText, writePages } from './lib/page-text.mjs';
import { detokenise, readWnutTexts } from './lib/wnut-text.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATASETS = process.argv[2] ? path.resolve(process.argv[2]) : path.resolve(REPO_ROOT, '../shared/datasets');
const OUT_DIR = path.join(REPO_ROOT, 'tests', 'heldout-claims-4', 'pages');
const LINES_PER_TRANSCRIPT = 40;
const TWEET_STRIDE = 5;
const MAX_LINES_PER_TURN = 4;
const MAX_TWEETS = 200;
const TWEETS_PER_PAGE = 40;

const pages = [];

// --- CLEF 2019 test transcripts
const clefDir = path.join(DATASETS, 'clef2019-checkthat-task1', 'test_annotated');
for (const file of fs.readdirSync(clefDir).filter((f) => f.endsWith('.tsv')).sort()) {
  const rows = fs.readFileSync(path.join(clefDir, file), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => l.split('\t'));
  const from = Math.floor(rows.length / 2);
  const turns = [];
  for (const [, speaker, text] of rows.slice(from, from + LINES_PER_TRANSCRIPT)) {
    const clean = (text ?? '').replace(/\s+/g, ' ').trim();
    const who = (speaker ?? '').trim();
    if (!who || who === 'SYSTEM' || !clean) continue;
    const last = turns[turns.length - 1];
    if (last && last.user === who && last.lines < MAX_LINES_PER_TURN) {
      last.text += ` ${clean}`;
      last.lines++;
    } else turns.push({ user: who, text: clean, lines: 1 });
  }
  const name = file.replace(/\.tsv$/, '');
  const title = `Transcript ${name} (CLEF 2019 CheckThat! test), lines ${from + 1}-${from + LINES_PER_TRANSCRIPT}`;
  const description = 'Turns of a US political debate, speech or interview, one speaker per turn.';
  pages.push({ doc: `clef2019-${name}-h4`, title, description, comments: turns });
}

// --- WNUT-17 training set: tweets
const texts = readWnutTexts(fs, path.join(DATASETS, 'wnut17', 'wnut17train.conll'));
const eligible = [];
texts.forEach((tokens, i) => {
  if (tokens.length < 6 || /http|www\.|@|#/.test(tokens.join(' '))) return;
  eligible.push({ user: `tweeter${String(i + 1).padStart(4, '0')}`, text: detokenise(tokens) });
});
const tweets = eligible.filter((_, k) => k % TWEET_STRIDE === 0).slice(0, MAX_TWEETS);
for (let p = 0; p * TWEETS_PER_PAGE < tweets.length; p++) {
  const title = `Tweets (WNUT-17 training set), page ${p + 1}`;
  const description = 'Tweets as collected for the WNUT-17 shared task on emerging entities (CC-BY 4.0).';
  pages.push({ doc: `tweets-wnut17-${String(p + 1).padStart(2, '0')}-h4`, title, description, comments: tweets.slice(p * TWEETS_PER_PAGE, (p + 1) * TWEETS_PER_PAGE) });
}

for (const page of pages) page.text = commentPageText(page.title, page.description, page.comments);
checkCommentsVerbatim(pages);

writePages(fs, path, OUT_DIR, pages);
for (const p of pages) console.log(`${p.doc.padEnd(48)}${p.comments.length}`);
console.log(`wrote ${pages.length} pages, ${pages.reduce((s, p) => s + p.comments.length, 0)} comments (${eligible.length} eligible tweets) to ${path.relative(REPO_ROOT, OUT_DIR)}/`);
