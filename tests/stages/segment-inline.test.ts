import { describe, expect, it } from 'vitest';
import { induceInlineHeader, inlinePrefixes } from '../../src/stages/segment/inline.js';
import { splitLines } from '../../src/stages/segment/lines.js';
import { segmentPage } from '../../src/stages/segment/page.js';
import { isComment } from '../../src/stages/segment/types.js';

const ARTICLE = 'Rebels Seize Northern Town\n\nThe rebels seized the town on Monday, officials said.\n\nFighting continued into the night.\n\n\n';

/** Every comment as "author [header]: text", and the page's footers, in page order. */
function view(page: string): string[] {
  return segmentPage(page)
    .filter((s) => s.kind === 'comment' || s.kind === 'footer' || s.kind === 'body')
    .sort((a, b) => a.start - b.start)
    .map((s) => (isComment(s) ? `${s.author} [${s.header?.text ?? ''}]: ${page.slice(s.start, s.end)}` : `${s.kind}: ${page.slice(s.start, s.end)}`));
}

describe('segment: headers on the line of the text', () => {
  it.each([
    ['[21:43] <wren_9> They left at dawn', '[0:0] <N>', 'wren_9', '[21:43] <wren_9>'],
    ['6/4/16, 9:43 PM - Mara Quinn: They left at dawn', '0/0/0, 0:0 ampm - N:', 'Mara Quinn', '6/4/16, 9:43 PM - Mara Quinn:'],
    ['kestrel: They left at dawn', 'N:', 'kestrel', 'kestrel:'],
  ])('%s', (line, shape, name, header) => {
    const found = inlinePrefixes(line).find((p) => p.shape === shape);
    expect(found).toMatchObject({ shape, name });
    expect(line.slice(0, found!.end)).toBe(header);
    expect(line.slice(found!.textStart)).toBe('They left at dawn');
  });

  it('labels and capitals are no user names ("Update:", "Q:", "TRUMP:")', () => {
    for (const line of ['Update: they left', 'Q: Why did they leave?', 'TRUMP: We will win.']) expect(inlinePrefixes(line)).toEqual([]);
  });

  it('reads an IRC log: each line is one comment, its prefix the header (CRLF)', () => {
    const log = ['[20:41] <Gman1234> The wolves are at the gate.', '[20:41] <olivia> Testing 123', '[20:45] <rcujvoj> Admissions already favour the poor.', '[20:49] <Gman1234> Not in my state'];
    const page = `${ARTICLE}${log.join('\r\n')}\r\n`.replace(/\n/g, '\r\n').replace(/\r\r\n/g, '\r\n');
    expect(view(page).filter((v) => !v.startsWith('body'))).toEqual([
      'Gman1234 [[20:41] <Gman1234>]: The wolves are at the gate.',
      'olivia [[20:41] <olivia>]: Testing 123',
      'rcujvoj [[20:45] <rcujvoj>]: Admissions already favour the poor.',
      'Gman1234 [[20:49] <Gman1234>]: Not in my state',
    ]);
  });

  it('reads a chat export: a line without the prefix continues the message above', () => {
    const page = `${ARTICLE}6/4/16, 9:43 PM - Mara Quinn: They left at dawn.\nNobody saw them go.\n6/4/16, 9:45 PM - Ben Ode: Says who?\n6/4/16, 9:47 PM - Mara Quinn: Says the mayor.\n\n© 2016 Example News. All rights reserved.\n`;
    expect(view(page).filter((v) => !v.startsWith('body'))).toEqual([
      'Mara Quinn [6/4/16, 9:43 PM - Mara Quinn:]: They left at dawn.\nNobody saw them go.',
      'Ben Ode [6/4/16, 9:45 PM - Ben Ode:]: Says who?',
      'Mara Quinn [6/4/16, 9:47 PM - Mara Quinn:]: Says the mayor.',
      'footer: © 2016 Example News. All rights reserved.',
    ]);
  });

  it('an interview in the article ("Q:" / "A:") and labelled paragraphs are no chat', () => {
    const page = 'Talking To The Mayor\n\nQ: Why did they leave?\n\nA: Nobody knows.\n\nQ: Will they come back?\n\nA: Maybe.\n\nUpdate: the rebels returned on Tuesday.\n\nNote: this interview was edited.\n\nEdit: fixed a typo.\n';
    expect(induceInlineHeader(splitLines(page))).toBeNull();
    expect(segmentPage(page).filter(isComment)).toEqual([]);
  });

  it('a header that fills its own line ("owl — Today at 1:37 PM") is not read as a prefix with text', () => {
    const page = `${ARTICLE}${['owl', 'wren', 'kite', 'hawk'].map((n, i) => `${n} — Today at 1:3${i} PM\nComment ${i} is here.`).join('\n\n')}\n`;
    expect(induceInlineHeader(splitLines(page))).toBeNull();
  });

  it('needs the prefix on a good share of the lines: three "name: text" lines among many plain ones are text', () => {
    const plain = Array.from({ length: 12 }, (_, i) => `Plain comment number ${i} says nothing in particular.`);
    const lines = [...plain.slice(0, 4), 'kestrel: one', ...plain.slice(4, 8), 'heron: two', ...plain.slice(8), 'egret: three'];
    expect(induceInlineHeader(splitLines(`${ARTICLE}${lines.join('\n\n')}\n`))).toBeNull();
  });
});

describe('segment: a name line above a timestamp line', () => {
  it('reads "Name, credential" / "Answered 3 years ago" as one header whose author is the name', () => {
    const people = ['A Jmt, Retired police officer', 'Crosscut Morgan, Grandmother and gardener', 'Danica Reed, Veteran, U.S. Army', 'B Bbbb, Accountant (2001–present)'];
    const page = `${ARTICLE}${people.map((p, i) => `${p}\nAnswered ${i + 2} years ago\nText number ${i}.\nUpvote · ${i}`).join('\n\n')}\n`;
    expect(view(page).filter((v) => !v.startsWith('body'))).toEqual(
      people.flatMap((p, i) => [`${p.split(',')[0]} [${p}\nAnswered ${i + 2} years ago]: Text number ${i}.`, `footer: Upvote · ${i}`]),
    );
  });
});
