import { describe, expect, it } from 'vitest';
import { isHandleFirstThread } from '../../src/stages/segment/handle-first.js';
import { induceInlineHeader, inlineCandidates } from '../../src/stages/segment/inline.js';
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
    const found = inlineCandidates(line).find((p) => p.side === 'start' && p.shape === shape);
    expect(found).toMatchObject({ shape, name });
    expect(line.slice(found!.headerStart, found!.headerEnd)).toBe(header);
    expect(line.slice(found!.textStart, found!.textEnd)).toBe('They left at dawn');
  });

  it('labels and capitals are no user names ("Update:", "Q:", "TRUMP:")', () => {
    for (const line of ['Update: they left', 'Q: Why did they leave?', 'TRUMP: We will win.']) expect(inlineCandidates(line).filter((c) => c.side === 'start')).toEqual([]);
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

describe('segment: a signature at the end of the comment\'s last line', () => {
  it('reads a Q&A comment list: "text – user Aug 17 \'16 at 7:36", even where a short text looks like a header itself', () => {
    const rows = [['Coming soon: The USS Micheal Brown', 'sourpickle', '8:06'], ['USS PERVERSION', 'JustSayNO', '12:30'], ['The good ship Lollypop?', 'TheWhiteDevil', '8:27'], ['Flying the Rainbow Flag.', 'sourpickle', '8:34']];
    const page = `${ARTICLE}${rows.map(([t, u, h]) => `${t} – ${u} Aug 17 '16 at ${h}`).join('\n')}\nAdd a comment\n`;
    expect(view(page).filter((v) => !v.startsWith('body'))).toEqual([
      ...rows.map(([t, u, h]) => `${u} [– ${u} Aug 17 '16 at ${h}]: ${t}`),
      'footer: Add a comment',
    ]);
  });

  it('reads a wiki talk page: the signature closes the comment, "--" is no part of the name, indentation nests the replies', () => {
    const page = `${ARTICLE}whats up with the civil rights? Danica70 (talk) 06:47, 17 August 2016 (UTC)\nOBAMA IS AN ILLEGAL ALIEN\n\nFIGURE IT OUT killterrists (talk) 10:05, 17 August 2016 (UTC)\n    Someone had a number issued in 1898? --oharaj (talk) 10:37, 17 August 2016 (UTC)\n        He means the person. --steve (talk) 11:15, 17 August 2016 (UTC)\nThats for us, not foreigners Danica70 (talk) 12:10, 17 August 2016 (UTC)\n`;
    const comments = segmentPage(page).filter(isComment);
    expect(comments.map((c) => [c.author, c.depth, c.parent, page.slice(c.start, c.end), c.header?.text])).toEqual([
      ['Danica70', 0, null, 'whats up with the civil rights?', 'Danica70 (talk) 06:47, 17 August 2016 (UTC)'],
      ['killterrists', 0, null, 'OBAMA IS AN ILLEGAL ALIEN\n\nFIGURE IT OUT', 'killterrists (talk) 10:05, 17 August 2016 (UTC)'],
      ['oharaj', 1, 1, 'Someone had a number issued in 1898?', '--oharaj (talk) 10:37, 17 August 2016 (UTC)'],
      ['steve', 2, 2, 'He means the person.', '--steve (talk) 11:15, 17 August 2016 (UTC)'],
      ['Danica70', 0, null, 'Thats for us, not foreigners', 'Danica70 (talk) 12:10, 17 August 2016 (UTC)'],
    ]);
  });

  it('a header line that repeats whole ("Comment #1 by user on June 4, 2016 at 6:26 am") is no signature of the words before the name', () => {
    const page = `${ARTICLE}${['SeanReed', 'frommie', 'oharaj', 'kite'].map((u, i) => `Comment #${i + 1} by ${u} on August 17, 2016 at 6:2${i} am\nText ${i} here.`).join('\n\n')}\n`;
    expect(induceInlineHeader(splitLines(page))).toBeNull();
    expect(segmentPage(page).filter(isComment).map((c) => c.author)).toEqual(['SeanReed', 'frommie', 'oharaj', 'kite']);
  });
});

describe('segment: depth written in the header', () => {
  it('org-mode outline: the number of stars is the depth', () => {
    const heads = [['*', 'hoosyer'], ['**', 'vigilanteman'], ['***', 'PigB0y'], ['*', 'johnsellers'], ['**', 'debbie741']];
    const page = `${ARTICLE}${heads.map(([stars, u], i) => `${stars} ${u} [2016-06-04 Sat 0${i}:54]\nText ${i}.`).join('\n\n')}\n`;
    expect(segmentPage(page).filter(isComment).map((c) => [c.author, c.depth, c.parent])).toEqual([
      ['hoosyer', 0, null], ['vigilanteman', 1, 0], ['PigB0y', 2, 1], ['johnsellers', 0, null], ['debbie741', 1, 3],
    ]);
  });

  it('a copied Reddit thread: "level N" / name / age is one header, N − 1 the depth; score and buttons are footers', () => {
    const rows: [number, string, string, string][] = [[1, 'Rfloyd', 'Who is E. Lee?', '25'], [2, 'Ephod', 'Robert E Lee, a general.', '-1'], [3, 'Rfloyd', 'Thanks.', '3'], [1, 'Jimmy', 'Another top comment.', '0']];
    const page = `${ARTICLE}Sort by: Best\n\n${rows.map(([l, u, t, score]) => `level ${l}\n${u}\n· 3 yr. ago\n${t}\n${score}\nReply Share Report Save Follow`).join('\n')}\n`;
    expect(view(page).filter((v) => !v.startsWith('body'))).toEqual([
      'footer: Sort by: Best',
      ...rows.flatMap(([l, u, t, score]) => [`${u} [level ${l}\n${u}\n· 3 yr. ago]: ${t}`, `footer: ${score}`, 'footer: Reply Share Report Save Follow']),
    ]);
    expect(segmentPage(page).filter(isComment).map((c) => [c.depth, c.parent])).toEqual([[0, null], [1, 0], [2, 1], [0, null]]);
  });

  it('an optional second header line ("[In reply to user]") belongs to the header above it', () => {
    const rows = [['Sierra415', '', 'Benefits are based on wages.'], ['stepup53', 'Sierra415', 'Not true. Spousal benefits.'], ['hball', '', 'Nonsense.'], ['kite', 'hball', 'Why?'], ['owl', '', 'Fine.'], ['wren', 'owl', 'Ok.'], ['jay', 'kite', 'Because.']];
    const page = `${ARTICLE}${rows.map(([u, to, t], i) => `${u}, [30.03.16 08:0${i}]\n${to ? `[In reply to ${to}]\n` : ''}${t}`).join('\n\n')}\n`;
    expect(view(page).filter((v) => !v.startsWith('body'))).toEqual(rows.map(([u, to, t], i) => `${u} [${u}, [30.03.16 08:0${i}]${to ? `\n[In reply to ${to}]` : ''}]: ${t}`));
  });
});

describe('segment: the handle as the first word of the comment', () => {
  it('reads "handle text" lines with a button line under each; later paragraphs stay in the comment', () => {
    const rows = [['Falconetti101', 'That woman is an evil pos', '17 likes '], ['MJones54', "It's too bad.", ''], ['saynotodemcraps', 'Man...That is one Goofball', '23 likes '], ['MothraSaveUs', 'Why would anyone follow her?\n\nObama would not.', '5 likes ']];
    const page = `${ARTICLE}${rows.map(([u, t, likes]) => `${u} ${t}\n157w ${likes}Reply`).join('\n')}\n`;
    expect(view(page).filter((v) => !v.startsWith('body'))).toEqual(rows.flatMap(([u, t, likes]) => [`${u} [${u}]: ${t}`, `footer: 157w ${likes}Reply`]));
  });

  it('comments that open with ordinary words under button lines are no handles: authorless comments, each closed by its buttons', () => {
    const texts = ['That woman is evil', 'It is too bad', 'Why would anyone care', 'Trump will win'];
    const page = `${ARTICLE}${texts.map((t) => `${t}\nLike · Reply · 2y`).join('\n\n')}\n`;
    expect(isHandleFirstThread(splitLines(page))).toBe(false);
    expect(view(page).filter((v) => !v.startsWith('body'))).toEqual(texts.flatMap((t) => [`null []: ${t}`, 'footer: Like · Reply · 2y']));
  });
});

