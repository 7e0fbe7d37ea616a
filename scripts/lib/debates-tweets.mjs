// Comment pages of debate turns (CLEF 2019 CheckThat! transcripts) and of tweets (WNUT-17 training
// set): the claims held-out sets 4-7 (each takes its own, non-overlapping part of both sources: the
// table in scripts/build-debate-tweet-sets.mjs) and, for the turns, the extra training pages.

import path from 'node:path';
import { paginate } from './page-text.mjs';
import { detokenise, readWnutTexts } from './wnut-text.mjs';

/**
 * The speaker turns of one CLEF 2019 transcript (TSV: line, speaker, sentence, label): `lines` lines
 * from row `startAt(rowCount)`, speakers in `dropSpeakers` left out; consecutive lines of one speaker,
 * at most `maxLinesPerTurn`, make one turn { user, text }. Returns the turns and the first row.
 */
export function transcriptTurns(fs, file, { startAt, lines, maxLinesPerTurn = Infinity, dropSpeakers = [] }) {
  const rows = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => l.split('\t'));
  const from = startAt(rows.length);
  const turns = [];
  for (const [, speaker, text] of rows.slice(from, from + lines)) {
    const clean = (text ?? '').replace(/\s+/g, ' ').trim();
    const who = (speaker ?? '').trim();
    if (!who || dropSpeakers.includes(who) || !clean) continue;
    const last = turns[turns.length - 1];
    if (last && last.user === who && last.lines < maxLinesPerTurn) {
      last.text += ` ${clean}`;
      last.lines++;
    } else turns.push({ user: who, text: clean, lines: 1 });
  }
  return { turns, from };
}

/**
 * One page per CLEF 2019 test transcript: `lines` lines starting at `fromFraction` of the file,
 * stage directions (speaker SYSTEM) left out; consecutive lines of one speaker, at most
 * `maxLinesPerTurn`, make one comment signed with the speaker's name.
 */
export function debatePages(fs, datasets, { fromFraction, lines, maxLinesPerTurn, suffix }) {
  const dir = path.join(datasets, 'clef2019-checkthat-task1', 'test_annotated');
  const pages = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort()) {
    const startAt = (rowCount) => Math.floor(rowCount * fromFraction);
    const { turns, from } = transcriptTurns(fs, path.join(dir, file), { startAt, lines, maxLinesPerTurn, dropSpeakers: ['SYSTEM'] });
    const name = file.replace(/\.tsv$/, '');
    const title = `Transcript ${name} (CLEF 2019 CheckThat! test), lines ${from + 1}-${from + lines}`;
    const description = 'Turns of a US political debate, speech or interview, one speaker per turn.';
    pages.push({ doc: `clef2019-${name}-${suffix}`, title, description, comments: turns });
  }
  return pages;
}

/**
 * Pages of WNUT-17 training tweets: texts with at least 6 tokens and no link, handle or hashtag;
 * of those, the ones whose position k among them has k % stride === offset, at most `max`,
 * detokenised, `perPage` per page, each signed "tweeter" + the text's number in the file.
 */
export function tweetPages(fs, datasets, { stride, offset, max, perPage, suffix }) {
  const texts = readWnutTexts(fs, path.join(datasets, 'wnut17', 'wnut17train.conll'));
  const eligible = [];
  texts.forEach((tokens, i) => {
    if (tokens.length < 6 || /http|www\.|@|#/.test(tokens.join(' '))) return;
    eligible.push({ user: `tweeter${String(i + 1).padStart(4, '0')}`, text: detokenise(tokens) });
  });
  const tweets = eligible.filter((_, k) => k % stride === offset).slice(0, max);
  const pages = paginate(tweets, perPage, (n) => ({
    doc: `tweets-wnut17-${String(n).padStart(2, '0')}-${suffix}`,
    title: `Tweets (WNUT-17 training set), page ${n}`,
    description: 'Tweets as collected for the WNUT-17 shared task on emerging entities (CC-BY 4.0).',
  }));
  return { pages, eligible: eligible.length };
}
