import { describe, expect, it } from 'vitest';
import { splitUnits } from '../../src/stages/tokenize/units.js';
import { freshWink, tokenizeUnit } from '../../src/stages/tokenize/wink.js';
import { annotateText } from '../helpers.js';

type Tok = { start: number; end: number; text: string; pos: string; type: string };

describe('tokenize: units', () => {
  it.each([
    ['line', 'a b\nc d\r\n\r\n e ', [[0, 3], [4, 7], [12, 13]]],
    ['paragraph', 'a b\nc d\r\n\r\n e ', [[0, 7], [12, 13]]],
    ['line', '   ', []],
  ] as const)('%s mode splits %j', (mode, text, expected) => {
    expect(splitUnits(text, 0, text.length, mode).map((u) => [u.start, u.end])).toEqual(expected);
  });
});

describe('tokenize: wink-nlp offsets', () => {
  it.each([
    ['contractions and curly quotes', 'Iraq’s PM isn’t here.'],
    ['NBSP between words', 'the Jan.3\u00a0assassination of\u00a0Soleimani'],
    ['emoji and Arabic', 'Great 😀 news from بغداد today'],
    ['hyphen compounds and abbreviations', 'The U.S.-led coalition, Maj. Gen. al-Khafaji said.'],
    ['URLs and handles', 'See https://example.com/a?b=1 and @iqAirForce #Iraq'],
    ['ellipses and repeated punctuation', 'Wait…. what??? Really!!!'],
  ])('%s: every token text equals its slice', (_name, text) => {
    const sentences = tokenizeUnit(freshWink(), text, 0, text.length);
    const tokens = sentences.flatMap((s) => s.tokens);
    expect(tokens.length).toBeGreaterThan(0);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    for (let i = 1; i < tokens.length; i++) expect(tokens[i]!.start).toBeGreaterThanOrEqual(tokens[i - 1]!.end);
    // Nothing but whitespace is skipped between tokens.
    const rebuilt = tokens.map((t) => t.text).join('');
    expect(rebuilt).toBe(text.replace(/[\s\u00a0]/g, ''));
  });

  it('tokens do not depend on what an earlier document taught wink-nlp', () => {
    const later = "Given Birth by Obama's comments";
    const alone = tokenizeUnit(freshWink(), later, 0, later.length)[0]!.tokens.map((t) => t.text);
    // Reading "Obama's." first makes a shared wink instance keep "Obama's" whole afterwards.
    const shared = freshWink();
    tokenizeUnit(shared, "hacks of Obama's. Things", 0, 24);
    expect(tokenizeUnit(shared, later, 0, later.length)[0]!.tokens.map((t) => t.text)).not.toEqual(alone);
    // A fresh instance per document gives the same tokens whatever ran before.
    tokenizeUnit(freshWink(), "hacks of Obama's. Things", 0, 24);
    expect(tokenizeUnit(freshWink(), later, 0, later.length)[0]!.tokens.map((t) => t.text)).toEqual(alone);
    expect(alone).toEqual(['Given', 'Birth', 'by', 'Obama', "'s", 'comments']);
  });

  it('offsets are absolute when the unit starts inside the document', () => {
    const text = 'xxxx Hello world.';
    const [sentence] = tokenizeUnit(freshWink(), text, 5, text.length);
    expect(sentence!.tokens[0]).toMatchObject({ start: 5, end: 10, text: 'Hello', type: 'word' });
  });
});

describe('tokenize stage', () => {
  const page = 'Iraq Talks Resume\n\nBaghdad hosted talks. Russia joined them.\n\n  1. Ann says:\n\n    First line no stop\n    Second line. Third sentence here.\n';

  it('gives sentences that never cross segments or line breaks, with POS and the comment index', async () => {
    const layers = await annotateText(page);
    const sentences = layers.get('tokenize')!;
    expect(sentences.map((s) => [s.segment, s.comment, s.text])).toEqual([
      ['title', null, 'Iraq Talks Resume'],
      ['body', null, 'Baghdad hosted talks.'],
      ['body', null, 'Russia joined them.'],
      ['comment', 0, 'First line no stop'],
      ['comment', 0, 'Second line.'],
      ['comment', 0, 'Third sentence here.'],
    ]);
    const tokens = sentences[1]!.tokens as Tok[];
    expect(tokens.map((t) => [t.text, t.pos])).toEqual([
      ['Baghdad', 'PROPN'],
      ['hosted', 'VERB'],
      ['talks', 'NOUN'],
      ['.', 'PUNCT'],
    ]);
  });

  it('paragraph mode lets a sentence run across a single line break', async () => {
    const pipeline = JSON.stringify({ stages: [{ id: 'segment', stage: 'segment' }, { id: 'tokenize', stage: 'tokenize', options: { sentenceBreaks: 'paragraph' } }] });
    const layers = await annotateText(page, pipeline);
    expect(layers.get('tokenize')!.map((s) => s.text)).toContain('First line no stop\n    Second line.');
  });

  it('only tokenizes the requested segment kinds', async () => {
    const pipeline = JSON.stringify({ stages: [{ id: 'segment', stage: 'segment' }, { id: 'tokenize', stage: 'tokenize', options: { kinds: ['comment'] } }] });
    const layers = await annotateText(page, pipeline);
    expect(new Set(layers.get('tokenize')!.map((s) => s.segment))).toEqual(new Set(['comment']));
  });
});

describe('tokenize: sentence boundaries', () => {
  it.each([
    ['a domain name', 'I read it on Amazon.com yesterday.', 1],
    ['a URL without a scheme', 'Britannica.com/biography/Harvey-Milk says so.', 1],
    ['two sentences with a space between', 'He left. She stayed.', 2],
    ['an abbreviation inside a name', 'He ran the Dept. of Education for years.', 1],
    ['an abbreviation at a real sentence end', 'He founded Acme Inc. Then he left.', 2],
    ['"Bros." before a capitalised word of the same name', 'Warner Bros. Discovery cut 1,000 jobs.', 1],
  ])('%s: %s', (_name, text, count) => {
    const sentences = tokenizeUnit(freshWink(), text, 0, text.length);
    expect(sentences.map((s) => text.slice(s.start, s.end))).toHaveLength(count);
    expect(sentences[0]!.start).toBe(0);
    expect(sentences[sentences.length - 1]!.end).toBe(text.replace(/\s+$/, '').length);
  });

  it('a gazetteer name with a period inside ("Amazon.com") is tagged', async () => {
    const pipeline = JSON.stringify({ stages: [{ id: 'segment', stage: 'segment' }, { id: 'tokenize', stage: 'tokenize' }, { id: 'entities', stage: 'entities' }] });
    const layers = await annotateText('Title\n\nShe bought it on Amazon.com last week.\n', pipeline);
    expect(layers.get('entities')!.map((e) => e.text)).toContain('Amazon.com');
  });
});

