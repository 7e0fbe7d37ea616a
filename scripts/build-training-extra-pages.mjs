#!/usr/bin/env node
// Build EXTRA TRAINING pages for the claims stage's learned variant (tests/training-extra/pages/):
// political debate turns and YouTube comments, text no claims set was made from.
//
//   node scripts/build-training-extra-pages.mjs [DATASETS_DIR]
//
// DATASETS_DIR defaults to <repo>/../shared/datasets. Two sources:
// - CLEF 2019 CheckThat! task 1, training transcripts (clef2019-checkthat-task1/training/*.tsv:
//   line, speaker, sentence, label; "free for general research use"). From each of the 19
//   transcripts, the 60 lines starting a third of the way in; consecutive lines of one speaker
//   make one turn, written as one comment signed with the speaker's name. The check-worthiness
//   labels are not used.
// - WNUT-17 dev set (wnut17/emerging.dev.conll; YouTube comments, CC-BY 4.0): texts with at
//   least 5 tokens and no link, handle or hashtag, detokenised (scripts/lib/wnut-text.mjs), at most
//   50 per page, signed "viewer" + the text's number in the file.
// Neither source is used by any claims test set: the third held-out set is WNUT-17's test file,
// CLEF 2020 (tweets) is a different dataset.
// Layout: the training pages' (commentPageText in scripts/lib/page-text.mjs).
//
// Plain Node >= 20, no dependencies, deterministic (no randomness, no clock).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { transcriptTurns } from './lib/debates-tweets.mjs';
import { paginate, writeCommentPages } from './lib/page-text.mjs';
import { detokenise, readWnutTexts } from './lib/wnut-text.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATASETS = process.argv[2] ? path.resolve(process.argv[2]) : path.resolve(REPO_ROOT, '../shared/datasets');
const OUT_DIR = path.join(REPO_ROOT, 'tests', 'training-extra', 'pages');
const LINES_PER_TRANSCRIPT = 60;
const COMMENTS_PER_PAGE = 50;

const pages = [];

// --- CLEF 2019 debate and speech transcripts
const clefDir = path.join(DATASETS, 'clef2019-checkthat-task1', 'training');
for (const file of fs.readdirSync(clefDir).filter((f) => f.endsWith('.tsv')).sort()) {
  const { turns, from } = transcriptTurns(fs, path.join(clefDir, file), { startAt: (rowCount) => Math.floor(rowCount / 3), lines: LINES_PER_TRANSCRIPT });
  const name = file.replace(/\.tsv$/, '');
  const title = `Transcript ${name} (CLEF 2019 CheckThat!), lines ${from + 1}-${from + LINES_PER_TRANSCRIPT}`;
  const description = 'Turns of a US political debate, speech or press conference, one speaker per turn.';
  pages.push({ doc: `clef2019-${name}-x`, title, description, comments: turns });
}

// --- WNUT-17 dev: YouTube comments
const texts = readWnutTexts(fs, path.join(DATASETS, 'wnut17', 'emerging.dev.conll'));
const youtube = [];
texts.forEach((tokens, i) => {
  const raw = tokens.join(' ');
  if (tokens.length < 5 || /http|www\.|@|#/.test(raw)) return;
  youtube.push({ user: `viewer${String(i + 1).padStart(4, '0')}`, text: detokenise(tokens) });
});
pages.push(
  ...paginate(youtube, COMMENTS_PER_PAGE, (n) => ({
    doc: `youtube-comments-wnut17-${String(n).padStart(2, '0')}-x`,
    title: `YouTube comments (WNUT-17 dev set), page ${n}`,
    description: 'Viewer comments under YouTube videos, as collected for the WNUT-17 shared task on emerging entities (CC-BY 4.0).',
  })),
);

writeCommentPages(fs, path, OUT_DIR, pages);
for (const p of pages) console.log(`${p.doc.padEnd(48)}${p.comments.length}`);
console.log(`wrote ${pages.length} pages, ${pages.reduce((s, p) => s + p.comments.length, 0)} comments to ${path.relative(REPO_ROOT, OUT_DIR)}/`);
