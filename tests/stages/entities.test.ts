import { describe, expect, it } from 'vitest';
import { annotateText } from '../helpers.js';

const PIPELINE = JSON.stringify({
  stages: [
    { id: 'segment', stage: 'segment' },
    { id: 'tokenize', stage: 'tokenize' },
    { id: 'entities', stage: 'entities', options: { gazetteers: ['tests/fixtures/gazetteers'], commonWords: 'tests/fixtures/common-words.txt' } },
  ],
});

/** Mentions of a one-paragraph page as "text|LABEL:id" (plus "~source" unless gazetteer). */
async function mentions(body: string, pipeline = PIPELINE): Promise<string[]> {
  const page = `Test Page Title\n\n${body}\n`;
  const layers = await annotateText(page, pipeline);
  return layers
    .get('entities')!
    .filter((r) => r.segment !== 'title')
    .map((r) => `${r.text}|${r.label}:${r.id}${r.source === 'gazetteer' ? '' : `~${r.source}`}`);
}

describe('entities: matching rules', () => {
  it.each([
    ['names are token-aligned and case-insensitive', 'syria, nato and americans met in IRAQ.', ['syria|COUNTRY:syria', 'nato|ORG:nato', 'americans|NORP:united-states', 'IRAQ|COUNTRY:iraq']],
    ['case-sensitive names only match as written', 'Tell us about the US and the AP, not the ap.', ['US|COUNTRY:united-states', 'AP|ORG:associated-press']],
    ['aliases of one entity resolve to one id', 'ISIS, IS, Daesh, isis and the Islamic State.', ['ISIS|ORG:islamic-state', 'IS|ORG:islamic-state', 'Daesh|ORG:islamic-state', 'isis|ORG:islamic-state', 'Islamic State|ORG:islamic-state']],
    ['"is" is a common word, "IS" is the group', 'This is what IS wants.', ['IS|ORG:islamic-state']],
    ['common words need the name\'s capitalisation (or all capitals)', 'A turkey dinner in Turkey, TURKEY!', ['Turkey|COUNTRY:turkey', 'TURKEY|COUNTRY:turkey']],
    ['known misspellings are variants', 'Bagdad and Turley.', ['Bagdad|LOCATION:baghdad~variant', 'Turley|COUNTRY:turkey~variant']],
    ['the longest name wins', 'Saudi Arabia is in Arabia.', ['Saudi Arabia|COUNTRY:saudi-arabia', 'Arabia|LOCATION:arabia']],
    ['possessives are left out', 'Iraq’s army and Syria\'s army.', ['Iraq|COUNTRY:iraq', 'Syria|COUNTRY:syria']],
    ['titles are left out', 'President Barham Salih said so.', ['Barham Salih|PERSON:barham-salih']],
    ['hyphen compounds split into their parts', 'The U.S.-led coalition and Iraqi-French ties.', ['U.S.|COUNTRY:united-states', 'Iraqi|NORP:iraq', 'French|NORP:france']],
    ['an organisation named by a compound stays whole', 'The Iraqi-Russian-Iranian-Syrian Security Coordination Center and the Iraqi News Agency.', ['Iraqi-Russian-Iranian-Syrian Security Coordination Center|ORG:security-coordination-center', 'Iraqi News Agency|ORG:iraqi-news-agency']],
    ['a country inside a phrase is its own mention', "Iraq's Defense Ministry spoke.", ['Iraq|COUNTRY:iraq', 'Defense Ministry|ORG:defense-ministry']],
    ['priority on the same span: cased name over case-insensitive one', 'Ford met the press.', ['Ford|PERSON:gerald-ford']],
    ['priority on the same span: a name in capitals still counts as the cased name', 'FORD met the press.', ['FORD|PERSON:gerald-ford']],
    ['priority on the same span: label order (COUNTRY before LOCATION)', 'Georgia voted.', ['Georgia|COUNTRY:georgia']],
  ])('%s', async (_name, body, expected) => {
    expect(await mentions(body)).toEqual(expected);
  });
});

describe('entities: tweets', () => {
  it('"RT @user:" is the retweet marker, not RT (Russia Today); RT elsewhere still is', async () => {
    const real = JSON.stringify({ stages: [{ id: 'segment', stage: 'segment' }, { id: 'tokenize', stage: 'tokenize' }, { id: 'entities', stage: 'entities', options: { model: 'off' } }] });
    expect((await mentions('RT @newsbot: I saw it on RT yesterday. RT@other: and RT @ third', real)).filter((m) => m.startsWith('RT'))).toEqual(['RT|ORG:rt']);
  });
});

describe('entities: in-document variants', () => {
  it('links short forms of a full name (orthomatch), before and after it', async () => {
    expect(await mentions('Khafaji spoke first. Maj. Gen. Tahsin al-Khafaji said more. Later al-Khafaji and Tahsin left.')).toEqual([
      'Khafaji|PERSON:tahsin-al-khafaji~orthomatch',
      'Tahsin al-Khafaji|PERSON:tahsin-al-khafaji',
      'al-Khafaji|PERSON:tahsin-al-khafaji~orthomatch',
      'Tahsin|PERSON:tahsin-al-khafaji~orthomatch',
    ]);
  });

  it('does not link short forms when the full name is absent', async () => {
    expect(await mentions('Khafaji spoke.')).toEqual([]);
  });

  it('links an acronym introduced after its long form', async () => {
    expect(await mentions('The Iraqi Air Force (IrAF) struck. IrAF jets returned.')).toEqual([
      'Iraqi Air Force|ORG:iraqi-air-force',
      'IrAF|ORG:iraqi-air-force~orthomatch',
      'IrAF|ORG:iraqi-air-force~orthomatch',
    ]);
  });

  it('orthomatch and acronyms can be switched off', async () => {
    const off = PIPELINE.replace('"commonWords"', '"orthomatch":false,"acronyms":false,"commonWords"');
    expect(await mentions('Tahsin al-Khafaji and Khafaji; Iraqi Air Force (IrAF).', off)).toEqual(['Tahsin al-Khafaji|PERSON:tahsin-al-khafaji', 'Iraqi Air Force|ORG:iraqi-air-force']);
  });
});

describe('entities: records', () => {
  it('carries label, id, canonical, source, alias, provenance and segment; comment headers are never entities', async () => {
    const page = 'Iraq News\n\nBody about France.\n\n  1. Iraq says:\n\n    Bagdad is nice.\n';
    const layers = await annotateText(page, PIPELINE);
    const records = layers.get('entities')!;
    expect(records.map((r) => r.text)).toEqual(['Iraq', 'France', 'Bagdad']);
    expect(records[2]).toEqual({
      doc: 'doc',
      start: page.indexOf('Bagdad'),
      end: page.indexOf('Bagdad') + 6,
      text: 'Bagdad',
      label: 'LOCATION',
      id: 'baghdad',
      canonical: 'Baghdad',
      source: 'variant',
      alias: 'Bagdad',
      provenance: { file: 'tests/fixtures/gazetteers/fixture.jsonl', line: 4 },
      segment: 'comment',
      comment: 0,
    });
  });

  it('debug output keeps the candidates that lost, marked lost', async () => {
    const debug = PIPELINE.replace('"commonWords"', '"debug":true,"commonWords"');
    const layers = await annotateText('T\n\nSaudi Arabia.\n', debug);
    expect(layers.get('entities')!.map((r) => `${r.text}${r.lost ? ' (lost)' : ''}`)).toEqual(['Saudi Arabia', 'Arabia (lost)']);
  });
});

describe('entities: capitals and initials', () => {
  it.each([
    ['a capitalised short name in shouted text is not a mention', 'THIS IS NOT OK. IS fighters and the US left.', ['IS|ORG:islamic-state', 'US|COUNTRY:united-states']],
    ['"IS" stressed as the verb before "a" or "not" is not a mention', 'Correction; IS a failed state. It IS not over. IS fighters left.', ['IS|ORG:islamic-state']],
    ['"IS" before "THE" in capitals is the verb too', 'He said it IS THE same thing. IS fighters left.', ['IS|ORG:islamic-state']],
    ['the period after an initial is optional', 'Robert E Lee and Robert E. Lee.', ['Robert E Lee|PERSON:robert-e-lee', 'Robert E. Lee|PERSON:robert-e-lee']],
  ])('%s', async (_name, body, expected) => {
    expect(await mentions(body)).toEqual(expected);
  });
});

describe('entities: names no entry covers (model)', () => {
  it('proposes people of two or more words, links their short forms, and never overlaps gazetteer names', async () => {
    expect(await mentions('Kate Steinle was killed in San Francisco. Steinle was 32. Iraq said nothing.')).toEqual([
      'Kate Steinle|PERSON:model:person:kate-steinle~model',
      'Steinle|PERSON:model:person:kate-steinle~orthomatch',
      'Iraq|COUNTRY:iraq',
    ]);
  });

  it('drops leading titles and single words', async () => {
    expect(await mentions('Senator Elizabeth Warren spoke to Kate.')).toEqual(['Elizabeth Warren|PERSON:model:person:elizabeth-warren~model']);
  });

  it('can be switched off', async () => {
    const off = PIPELINE.replace('"commonWords"', '"model":"off","commonWords"');
    expect(await mentions('Kate Steinle was killed.', off)).toEqual([]);
  });
});

describe('entities: misspelt names (bounded fuzzy matching)', () => {
  it.each([
    ['a misspelt word inside a longer name', 'Tahsin al-Khafaaji spoke.', ['Tahsin al-Khafaaji|PERSON:tahsin-al-khafaji~variant']],
    ['one edit away from a single-word name', 'In Baghdat it was calm.', ['Baghdat|LOCATION:baghdad~variant']],
    ['not when the capital only starts the sentence', 'Baghdat was calm.', []],
    ['never an ordinary English word on its own', 'A Turkey dinner, a Barham of sorts; Arabica coffee.', ['Turkey|COUNTRY:turkey']],
    ['never lowercase words', 'the bagdhad office.', []],
    ['never words shorter than five letters', 'Iraw and Syrja.', ['Syrja|COUNTRY:syria~variant']],
  ])('%s', async (_name, body, expected) => {
    expect(await mentions(body)).toEqual(expected);
  });
});
