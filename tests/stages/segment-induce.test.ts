import { describe, expect, it } from 'vitest';
import { induceLayout } from '../../src/stages/segment/induce.js';
import { lineShape } from '../../src/stages/segment/line-shape.js';
import { splitLines } from '../../src/stages/segment/lines.js';
import { segmentPage } from '../../src/stages/segment/page.js';
import { isComment } from '../../src/stages/segment/types.js';

describe('segment: line shapes', () => {
  it.each([
    ['Posted 3 hours ago by kestrel', 'posted 0 unit ago by N', ['kestrel']],
    ['Posted 1 hour ago by Mara Quinn', 'posted 0 unit ago by N', ['Mara Quinn']],
    ['owl — Today at 1:37 PM', 'N — rel at 0:0 ampm', ['owl']],
    ['↳ wren_9 — Yesterday at 10:02 AM', '↳ N — rel at 0:0 ampm', ['wren_9']],
    ['Anonymous 06/04/16(Sat)09:43:12 No.4512345', 'N 0/0/0(wday)0:0:0 no.0', ['Anonymous']],
    ['[heron → egret] 2016-06-04 21:50', '[N → N] 0-0-0 0:0', ['heron', 'egret']],
    ['A photo posted by Stinkypants (@stinkypants) on Jun 24, 2016 at 6:32am PDT', 'N posted by N (@N) on month 0, 0 at 0:0ampm pdt', ['A photo', 'Stinkypants', 'stinkypants']],
    ['♥ 12', '♥ 0', []],
  ])('%s', (line, shape, names) => {
    expect(lineShape(line)).toEqual({ shape, name: names[0] ?? null, names });
  });

  it('a sentence is no widget line', () => {
    expect(lineShape('The army left on Monday.')).toBeNull();
  });
});

describe('segment: layout induction', () => {
  const ARTICLE = 'Rebels Seize Northern Town\n\nThe rebels seized the town on Monday, officials said.\n\nFighting continued into the night.\n\n\n';
  const view = (page: string) =>
    segmentPage(page)
      .filter((s) => s.kind === 'comment' || s.kind === 'footer')
      .sort((a, b) => a.start - b.start)
      .map((s) => (isComment(s) ? `comment ${s.author} d${s.depth} p${s.parent ?? '-'}: ${page.slice(s.start, s.end)}` : `footer: ${page.slice(s.start, s.end)}`));

  it('a few short comments sharing a shape among many are no header', () => {
    // 30 signed comments; three of their texts look alike ("name number name", no final period).
    const texts = Array.from({ length: 30 }, (_, i) => (i % 10 === 6 ? `Hey coyote I have a ${70 + i} inch tv` : `Comment number ${i} is plain text.`));
    const page = `${ARTICLE}${texts.map((t, i) => `viewer${String(i).padStart(4, '0')}\n\n${t}\n`).join('\n\n')}`;
    const comments = segmentPage(page).filter(isComment);
    expect(comments.map((c) => c.author)).toEqual(texts.map((_, i) => `viewer${String(i).padStart(4, '0')}`));
    expect(comments.map((c) => page.slice(c.start, c.end))).toEqual(texts);
  });

  it('repeated short texts under bare names are comments, not headers ("[deleted]", "(APPLAUSE)")', () => {
    // One comment in five is "[deleted]": a bracketed shape that repeats, but always as the text under a name.
    const texts = Array.from({ length: 30 }, (_, i) => (i % 5 === 2 ? '[deleted]' : `Comment number ${i} is plain text.`));
    const page = `${ARTICLE}${texts.map((t, i) => `user${i}\n\n${t}\n`).join('\n\n')}`;
    const comments = segmentPage(page).filter(isComment);
    expect(comments.map((c) => c.author)).toEqual(texts.map((_, i) => `user${i}`));
    expect(comments.map((c) => page.slice(c.start, c.end))).toEqual(texts);
  });

  it('learns an unknown header shape and button line from their repetition', () => {
    const page = `${ARTICLE}Posted 3 hours ago by kestrel\nFirst.\n♥ 4\n\n  Posted 2 hours ago by owl\n  Second.\n  ♥ 0\n\nPosted 1 hour ago by Mara Quinn\nThird.\n♥ 12\n`;
    expect(view(page)).toEqual([
      'comment kestrel d0 p-: First.',
      'footer: ♥ 4',
      'comment owl d1 p0: Second.',
      'footer: ♥ 0',
      'comment Mara Quinn d0 p-: Third.',
      'footer: ♥ 12',
    ]);
  });

  it('a repeated line right under a header (">>123") is text, not a button', () => {
    const page = `${ARTICLE}Anonymous 06/04/16(Sat)09:43:12 No.101\nFirst.\n\nAnonymous 06/04/16(Sat)09:44:12 No.102\n>>101\nSecond.\n\nAnonymous 06/04/16(Sat)09:45:12 No.103\n>>102\nThird.\n\nAnonymous 06/04/16(Sat)09:46:12 No.104\n>>103\nFourth.\n`;
    expect(view(page).slice(1, 3)).toEqual(['comment Anonymous d0 p-: >>101\nSecond.', 'comment Anonymous d0 p-: >>102\nThird.']);
  });

  it('learns a header of several lines (initials, name, age) and reads the name as the author', () => {
    const page = `${ARTICLE}KS\nkestrel\n3h\nFirst.\n\n    OW\n    owl_9\n    2h\n    Second.\n\nMQ\nmaraQ\n40m\nThird.\n`;
    expect(view(page)).toEqual(['comment kestrel d0 p-: First.', 'comment owl_9 d1 p0: Second.', 'comment maraQ d0 p-: Third.']);
    const first = segmentPage(page).find(isComment)!;
    expect(page.slice(first.header!.start, first.header!.end)).toBe('KS\nkestrel\n3h');
  });

  it('learns a signature after the text: the text above belongs to it', () => {
    const page = `${ARTICLE}First thought.\n\nSecond paragraph.\n— kestrel, Jun 16 2016\n\nAnother view.\n— owl_9, Jun 16 2016\n\nA third.\n— Mara Quinn, Jun 17 2016\n`;
    expect(view(page)).toEqual(['comment kestrel d0 p-: First thought.\n\nSecond paragraph.', 'comment owl_9 d0 p-: Another view.', 'comment Mara Quinn d0 p-: A third.']);
  });

  it('a button line closes the comment above it: text after it is never part of that comment', () => {
    const page = `${ARTICLE}Posted 3 hours ago by kestrel\nFirst.\n♥ 4\nA line with no header.\n\nPosted 2 hours ago by owl\nSecond.\n♥ 0\n\nPosted 1 hour ago by wren\nThird.\n♥ 1\n`;
    expect(view(page).slice(0, 3)).toEqual(['comment kestrel d0 p-: First.', 'footer: ♥ 4', 'comment null d0 p-: A line with no header.']);
  });

  it('names alone (bare name layouts, short comments) are never a learnt header shape', () => {
    const lines = splitLines('Anna\n\nHi.\n\n\nBob\n\nYes.\n\n\nCarl\n\nNo.\n\n\nLOL\n\nLOL\n\nLOL\n');
    expect(induceLayout(lines)).toBeNull();
  });
});
