import { describe, expect, it } from 'vitest';
import { segmentPage } from '../../src/stages/segment/page.js';
import { isFooter, isThreadChrome } from '../../src/stages/segment/patterns.js';
import { isComment } from '../../src/stages/segment/types.js';

/** Compact view of a segmentation: kind, text, and for comments author/depth/parent. */
function view(text: string) {
  return segmentPage(text).map((s) => {
    const t = text.slice(s.start, s.end);
    return isComment(s) ? `comment#${s.index} ${s.author ?? '-'} d${s.depth} p${s.parent ?? '-'}: ${t}` : `${s.kind}: ${t}`;
  });
}

const ARTICLE = 'Rebels Seize Northern Town\n\nThe rebels seized the town on Monday, officials said.\n\nFighting continued into the night.\n';

// For the later blocks: the article with the usual wide break after it, a few posts, and views of the comments and footers.
const ARTICLE2 = `${ARTICLE}\n\n`;
const comments = (page: string) => view(page).filter((v) => v.startsWith('comment'));
const footers = (page: string) => view(page).filter((v) => v.startsWith('footer'));
const posts = [['kestrel_9', 'The town was quiet.'], ['Mara Quinn', 'Not where I live.'], ['kestrel_9', 'Which part?'], ['old.timer', 'The north side.']];

describe('segment: comment layouts', () => {
  it.each([
    [
      'bare author-name lines, comments separated by two blank lines',
      `${ARTICLE}\n\nAnna Berg\n\nThis is awful news.\n\nI hope it ends soon.\n\n\nthe_watcher\n\nNot surprised at all.\n`,
      ['comment#0 Anna Berg d0 p-: This is awful news.\n\nI hope it ends soon.', 'comment#1 the_watcher d0 p-: Not surprised at all.'],
    ],
    [
      'bare layout: a block without a name line is an authorless comment; a name line starts a new comment',
      `${ARTICLE}\n\nFirst thought without a name.\n\nKarl Marx\n\nReply by Karl.\n\n\nAnother orphan comment.\n`,
      ['comment#0 - d0 p-: First thought without a name.', 'comment#1 Karl Marx d0 p-: Reply by Karl.', 'comment#2 - d0 p-: Another orphan comment.'],
    ],
    [
      'numbered "N. Name says" with indented replies and an empty comment',
      `${ARTICLE}\n  1. bob says\n  2. bob says\n\n    Real text here.\n\n    1. Carol Ann says:\n\n      I disagree.\n\n      1. bob says\n\n        Why?\n\n  3. Dan says\n\n    Top level again.\n`,
      ['comment#0 bob d0 p-: ', 'comment#1 bob d0 p-: Real text here.', 'comment#2 Carol Ann d1 p1: I disagree.', 'comment#3 bob d2 p2: Why?', 'comment#4 Dan d0 p-: Top level again.'],
    ],
    [
      '• bullets with indentation, and bullets that carry the text themselves',
      `${ARTICLE}\n  • Icebow\n\n    Putin could do it.\n\n    • mobuyus\n\n      No he could not.\n\n  • Can anyone trust them at all?\n\n    • Garcia Lopez\n\n      Not really.\n\n      • I think the answer is no.\n`,
      ['comment#0 Icebow d0 p-: Putin could do it.', 'comment#1 mobuyus d1 p0: No he could not.', 'comment#2 - d0 p-: Can anyone trust them at all?', 'comment#3 Garcia Lopez d1 p2: Not really.', 'comment#4 - d2 p3: I think the answer is no.'],
    ],
    [
      '"Name wrote:" headers with 4-space reply indentation',
      `${ARTICLE}\nmaria wrote:\nGood article.\n\n    joe_b wrote:\n    Thanks Maria.\n\nPeter Pan wrote:\nMeh.\n`,
      ['comment#0 maria d0 p-: Good article.', 'comment#1 joe_b d1 p0: Thanks Maria.', 'comment#2 Peter Pan d0 p-: Meh.'],
    ],
    [
      '"Name · 3 hours ago" headers with a dash, replies indented, an authorless comment after a wide break',
      `${ARTICLE}\n\n— Fones · 2 days ago\nFirst!\n\n  — Kay · 1 day ago\n  Second.\n\n\nNo header on this one.\n`,
      ['comment#0 Fones d0 p-: First!', 'comment#1 Kay d1 p0: Second.', 'comment#2 - d0 p-: No header on this one.'],
    ],
    [
      '"Name on March 3, 2016 at 5:12 pm" headers after a "12 Comments" heading',
      `${ARTICLE}\n12 Comments\n\nJo on March 3, 2016 at 5:12 pm\nHello.\n\n   Al on March 4, 2016 at 1:00 am\n   Hi Jo.\n`,
      ['footer: 12 Comments', 'comment#0 Jo d0 p-: Hello.', 'comment#1 Al d1 p0: Hi Jo.'],
    ],
  ])('%s', (_name, page, expectedComments) => {
    const got = view(page).filter((v) => v.startsWith('comment') || v.startsWith('footer'));
    expect(got).toEqual(expectedComments);
  });
});

describe('segment: comment widgets (buttons, points, forum posts, chat handles)', () => {
  /** Comments and footers in page order. */
  const inOrder = (page: string) =>
    segmentPage(page)
      .filter((s) => s.kind === 'comment' || s.kind === 'footer')
      .sort((a, b) => a.start - b.start)
      .map((s) => (isComment(s) ? `comment#${s.index} ${s.author ?? '-'} d${s.depth} p${s.parent ?? '-'}: ${page.slice(s.start, s.end)}${s.header ? ` [${page.slice(s.header.start, s.header.end)}]` : ''}` : `footer: ${page.slice(s.start, s.end)}`));

  it.each([
    [
      'button lines after each comment are footers, not comment text',
      `${ARTICLE}

nora_k • 2 hours ago
Where is the army?
Reply • Share ›

    Tim • 1 hour ago
    In the north.
    Reply • Share ›
`,
      ['comment#0 nora_k d0 p-: Where is the army? [nora_k • 2 hours ago]', 'footer: Reply • Share ›', 'comment#1 Tim d1 p0: In the north. [Tim • 1 hour ago]', 'footer: Reply • Share ›'],
    ],
    [
      'bare names with the text right under them and a button line, no blank lines',
      `${ARTICLE}
5 Comments

Lena Ortiz
Good reporting.
Like · Reply · 3y
  sam77
  Agreed.
  Like · Reply · 3y
Omar
LOL
Like · Reply · 1y
Load more comments
`,
      ['footer: 5 Comments', 'comment#0 Lena Ortiz d0 p-: Good reporting. [Lena Ortiz]', 'footer: Like · Reply · 3y', 'comment#1 sam77 d1 p0: Agreed. [sam77]', 'footer: Like · Reply · 3y', 'comment#2 Omar d0 p-: LOL [Omar]', 'footer: Like · Reply · 1y', 'footer: Load more comments'],
    ],
    [
      'points-and-age headers, a deleted author kept as shown',
      `${ARTICLE}

[–] ghost_rider 12 points 3 hours ago
First.

    [–] [deleted] -2 points 2 hours ago
    [removed]
`,
      ['comment#0 ghost_rider d0 p-: First. [[–] ghost_rider 12 points 3 hours ago]', 'comment#1 [deleted] d1 p0: [removed] [[–] [deleted] -2 points 2 hours ago]'],
    ],
    [
      'numbered headers with the age in brackets',
      `${ARTICLE}

#1 Maya (5 hours ago)
One.

   #2 Raj (4 hours ago)
   Two.
`,
      ['comment#0 Maya d0 p-: One. [#1 Maya (5 hours ago)]', 'comment#1 Raj d1 p0: Two. [#2 Raj (4 hours ago)]'],
    ],
    [
      'forum posts: the "Re:" subject line and the "by Name » date" line make one header',
      `${ARTICLE}

Re: Rebels Seize Northern Town
by Quill » Sat Jun 04, 2016 9:43 pm
First post.

  Re: Rebels Seize Northern Town
  by Ink » Sat Jun 04, 2016 9:50 pm
  Reply post.
`,
      ['comment#0 Quill d0 p-: First post. [Re: Rebels Seize Northern Town\nby Quill » Sat Jun 04, 2016 9:43 pm]', 'comment#1 Ink d1 p0: Reply post. [Re: Rebels Seize Northern Town\n  by Ink » Sat Jun 04, 2016 9:50 pm]'],
    ],
    [
      'chat handles with a colon; an ordinary word with a colon is text',
      `${ARTICLE}

zed_42:
@mia That is wrong.

Update:
They retreated.

miaLopez:
No it is not.
`,
      ['comment#0 zed_42 d0 p-: @mia That is wrong.\n\nUpdate:\nThey retreated. [zed_42:]', 'comment#1 miaLopez d0 p-: No it is not. [miaLopez:]'],
    ],
  ])('%s', (_name, page, expected) => {
    expect(inOrder(page)).toEqual(expected);
  });

  it.each([
    [
      'a name, an age and widget words around it ("| parent | next [–]"), a "reply" button line',
      `${ARTICLE}\n\nkestrel 3 hours ago | next [–]\nFirst.\nreply\n\n   owl_9 2 hours ago | parent | next [–]\n   Second.\n   reply\n`,
      ['comment#0 kestrel d0 p-: First. [kestrel 3 hours ago | next [–]]', 'footer: reply', 'comment#1 owl_9 d1 p0: Second. [owl_9 2 hours ago | parent | next [–]]', 'footer: reply'],
    ],
    [
      '"@handle 3 years ago (edited)", an icon button line and a "View 2 replies" line',
      `${ARTICLE}\n\n@riverstone 3 years ago\nFirst.\n12 👍 Reply\n\n    View 1 reply\n\n    @pebble 2 years ago (edited)\n    Second.\n    👍 Reply\n`,
      ['comment#0 riverstone d0 p-: First. [@riverstone 3 years ago]', 'footer: 12 👍 Reply', 'footer: View 1 reply', 'comment#1 pebble d1 p0: Second. [@pebble 2 years ago (edited)]', 'footer: 👍 Reply'],
    ],
    [
      '"Display Name @handle · Jun 4": the display name is the author; count buttons are footers',
      `${ARTICLE}\n\nMara Quinn @mquinn · Jun 4\nFirst.\n2 replies 0 reposts 5 likes\n\n  Leo @leo77 · Jun 5\n  Second.\n  1 reply 1 repost 0 likes\n`,
      ['comment#0 Mara Quinn d0 p-: First. [Mara Quinn @mquinn · Jun 4]', 'footer: 2 replies 0 reposts 5 likes', 'comment#1 Leo d1 p0: Second. [Leo @leo77 · Jun 5]', 'footer: 1 reply 1 repost 0 likes'],
    ],
    [
      '"Comment #N by Name on <date> at <time>" and a closing "Post a comment" line',
      `${ARTICLE}\n\nComment #1 by finch on June 4, 2016 at 9:43 pm\nFirst.\n\n    Comment #2 by wren on June 4, 2016 at 9:50 pm\n    Second.\n\nPost a comment\n`,
      ['comment#0 finch d0 p-: First. [Comment #1 by finch on June 4, 2016 at 9:43 pm]', 'comment#1 wren d1 p0: Second. [Comment #2 by wren on June 4, 2016 at 9:50 pm]', 'footer: Post a comment'],
    ],
    [
      'e-mail replies with quoted lines: "On <date>, Name wrote:"',
      `${ARTICLE}\n\nOn Jun 4, 2016, at 9:43 PM, heron wrote:\nFirst.\n\nOn Jun 4, 2016, at 9:50 PM, egret wrote:\n> First.\nSecond.\n`,
      ['comment#0 heron d0 p-: First. [On Jun 4, 2016, at 9:43 PM, heron wrote:]', 'comment#1 egret d0 p-: > First.\nSecond. [On Jun 4, 2016, at 9:50 PM, egret wrote:]'],
    ],
    [
      'tree drawing before handles: depth is read where the name starts',
      `${ARTICLE}\n\nharmony:\nFirst.\n└─ DustinG:\n   Second.\n   └─ ash_tree:\n      Third.\n\nmoss:\nFourth.\n`,
      ['comment#0 harmony d0 p-: First. [harmony:]', 'comment#1 DustinG d1 p0: Second. [└─ DustinG:]', 'comment#2 ash_tree d2 p1: Third. [└─ ash_tree:]', 'comment#3 moss d0 p-: Fourth. [moss:]'],
    ],
  ])('%s', (_name, page, expected) => {
    expect(inOrder(page)).toEqual(expected);
  });

  it('a news place line in capitals ("BAGHDAD:") is not a chat handle', () => {
    expect(view('Talks Resume In Baghdad\n\nBAGHDAD:\nTalks resumed on Monday, officials said.\n\nMore talks follow.\n')).toEqual(['title: Talks Resume In Baghdad', 'body: BAGHDAD:\nTalks resumed on Monday, officials said.', 'body: More talks follow.']);
  });
});

describe('segment: article parts', () => {
  it.each([
    ['title, then body paragraphs', 'A Title Here\n\nFirst paragraph.\n\nSecond paragraph.\n', ['title: A Title Here', 'body: First paragraph.', 'body: Second paragraph.']],
    ['a repeated title is a title again', 'A Title Here\n\n\nA Title Here\n\nBody text.\n', ['title: A Title Here', 'title: A Title Here', 'body: Body text.']],
    ['date line before the title', 'MAY 2021\n\nDamascus Talks Resume\n\nBody.\n', ['dateline: MAY 2021', 'title: Damascus Talks Resume', 'body: Body.']],
    ['other date-line forms', 'T\n\nPublished: June 3, 2016\n\n2016-06-03\n\n2016/08/17\n\nMarch 4, 2016 at 9:15 pm\n\nBody.\n', ['title: T', 'dateline: Published: June 3, 2016', 'dateline: 2016-06-03', 'dateline: 2016/08/17', 'dateline: March 4, 2016 at 9:15 pm', 'body: Body.']],
    ['captions', 'T\n\nClick to see full-size image. Source: the ministry\n\nIraqi F-16, source: @iqAirForce\n\nPhoto: Reuters\n\nBody.\n', ['title: T', 'caption: Click to see full-size image. Source: the ministry', 'caption: Iraqi F-16, source: @iqAirForce', 'caption: Photo: Reuters', 'body: Body.']],
    [
      'day-first and British date lines',
      'T\n\n30-Mar-2016\n\nWednesday 17 August 2016 07.00 EDT\n\nBody.\n',
      ['title: T', 'dateline: 30-Mar-2016', 'dateline: Wednesday 17 August 2016 07.00 EDT', 'body: Body.'],
    ],
    [
      'captions credited to an agency in brackets, and agency archive captions',
      'T\n\nThe Confederate battle flag. (Reuters)\n\nFile photo (AP)\n\nFILE: A sign at a grocery store says EBT cards are accepted.\n\nBody that quotes (Reuters) inside it, and goes on for a while after that.\n',
      ['title: T', 'caption: The Confederate battle flag. (Reuters)', 'caption: File photo (AP)', 'caption: FILE: A sign at a grocery store says EBT cards are accepted.', 'body: Body that quotes (Reuters) inside it, and goes on for a while after that.'],
    ],
    [
      'more date lines: a time before the date, a month-day-year bar with hyphens',
      'T\n\nUpdated 6:00 AM ET, Thu July 7, 2016\n\n08-16-2016\n\nBody.\n',
      ['title: T', 'dateline: Updated 6:00 AM ET, Thu July 7, 2016', 'dateline: 08-16-2016', 'body: Body.'],
    ],
    [
      'credits in brackets, agency tag lines, stock and copyright captions, thread notices',
      'T\n\nAn alligator warning sign. © Shutterstock\n\nStock photo via iStock\n\nA shopper pays with an EBT card. AFP PHOTO / FILE\n\nBody.\n\n(Source: FoxNews.com)\n\nFox News contributed to this report.\n\nThis story originally ran on FoxNews.com.\n\nContent provided by FoxNews.com\n\n\nThe comments to this entry are closed.\n\nThis thread has been archived and is closed to new comments\n\nPlease keep comments civil. Read our community standards.\n\nEnjoyed this article? Buy us a coffee.\n',
      ['title: T', 'caption: An alligator warning sign. © Shutterstock', 'caption: Stock photo via iStock', 'caption: A shopper pays with an EBT card. AFP PHOTO / FILE', 'body: Body.', 'source: (Source: FoxNews.com)', 'source: Fox News contributed to this report.', 'source: This story originally ran on FoxNews.com.', 'source: Content provided by FoxNews.com', 'footer: The comments to this entry are closed.', 'footer: This thread has been archived and is closed to new comments', 'footer: Please keep comments civil. Read our community standards.', 'footer: Enjoyed this article? Buy us a coffee.'],
    ],
    [
      'more captions and source credits',
      'T\n\nThe Bundestag in Berlin. Photograph: Reuters\n\nScreenshot via Twitter\n\nBody.\n\nReprinted from FoxNews.com\n\nRead the original article at FoxNews.com\n\nStory via Fox News\n\nCourtesy of FoxNews.com\n\nRepublished with permission from FoxNews.com\n',
      ['title: T', 'caption: The Bundestag in Berlin. Photograph: Reuters', 'caption: Screenshot via Twitter', 'body: Body.', 'source: Reprinted from FoxNews.com', 'source: Read the original article at FoxNews.com', 'source: Story via Fox News', 'source: Courtesy of FoxNews.com', 'source: Republished with permission from FoxNews.com'],
    ],
    ['source lines', 'T\n\nBody.\n\nSource: Zero Hedge\n\nOriginally published by Fox News\n', ['title: T', 'body: Body.', 'source: Source: Zero Hedge', 'source: Originally published by Fox News']],
    ['donation footer after the article (no comments)', 'T\n\nBody one.\n\nBody two.\n\n\n\nDo you like this content? Consider helping us!\n', ['title: T', 'body: Body one.', 'body: Body two.', 'footer: Do you like this content? Consider helping us!']],
    ['lines of one paragraph form one body segment', 'T\n\nline one\nline two\n\nnext\n', ['title: T', 'body: line one\nline two', 'body: next']],
    ['CRLF pages', 'T\r\n\r\nBody.\r\n\r\n\r\nAnna\r\n\r\nHi.\r\n', ['title: T', 'body: Body.', 'comment#0 Anna d0 p-: Hi.']],
    ['an empty page has no segments', '', []],
    ['a whitespace-only page has no segments', ' \n\t\n', []],
  ])('%s', (_name, page, expected) => {
    expect(view(page)).toEqual(expected);
  });
});

describe('segment: header blocks, outline numbers, widget sentences and thread headings', () => {

  it('a timestamp line above a name line, and the user title under it, make one header (forum postbit, CRLF)', () => {
    const posts = [['ShoogafootJones', 'Gold Member', 'BLM is a group.'], ['Truthseeker2000', 'Senior Member', 'There is a mistake.'], ['ShoogafootJones', 'Gold Member', 'OK.'], ['Cicero', 'Member', 'Go away.'], ['Truthseeker2000', 'Senior Member', 'No.'], ['Cicero', 'Member', 'Yes.']];
    const page = `Results 1 to 6 of 65\n\n${posts.map(([u, title, t], i) => `08-16-2016, 0${i}:13 AM #${i + 1}\n${u}\n${title}\n${t}`).join('\n\n')}\n\n\nPowered by vBulletin® Version 4.2.3\n`;
    const crlf = `${ARTICLE2}${page}`.replace(/\n/g, '\r\n');
    expect(comments(crlf)).toEqual(posts.map(([u, , t], i) => `comment#${i} ${u} d0 p-: ${t}`));
    expect(segmentPage(crlf).filter((s) => !isComment(s) && s.kind === 'footer').map((s) => crlf.slice(s.start, s.end))).toEqual(['Results 1 to 6 of 65', 'Powered by vBulletin® Version 4.2.3']);
  });

  it('a header block under the text and above a blank line signs the text above it (answer list: score, text, buttons, user card)', () => {
    const answers = [['0', 'Until we get back to survival of the fittest.', 'Gman1234', '5,156'], ['2', 'Testing 123', 'olivianeistat', '13'], ['7', 'Using income is an alternative.', 'AdmissionsRevolution', '682'], ['-1', 'No.', 'kite', '1']];
    const page = `${ARTICLE2}4 Answers\n\n${answers.map(([score, t, u, rep], i) => `${score}\n${t}\nShare Improve this answer Follow\nanswered Jun 24, 2016 at 6:1${i}\n${u}\n${rep}`).join('\n\n')}\n`;
    expect(comments(page)).toEqual(answers.map(([, t, u], i) => `comment#${i} ${u} d0 p-: ${t}`));
    const footers = view(page).filter((v) => v.startsWith('footer'));
    expect(footers).toEqual(['footer: 4 Answers', ...answers.flatMap(([score]) => [`footer: ${score}`, 'footer: Share Improve this answer Follow'])]);
  });

  it('comment number paths give the depth ("2.1.1 user says:"); "N thoughts on …" opens the thread and "Comments are closed." ends it', () => {
    const heads = [['1', 'slumdog'], ['2', 'Andrew917'], ['2.1', 'wayne230'], ['2.1.1', 'SB117'], ['3', 'kite']];
    const page = `${ARTICLE2}5 thoughts on “Rebels Seize Northern Town”\n\n${heads.map(([n, u], i) => `${n} ${u} says:\nAugust 12, 2016 at 6:4${i} am\nText ${i}.`).join('\n\n')}\n\nComments are closed.\n`;
    expect(comments(page)).toEqual(['comment#0 slumdog d0 p-: Text 0.', 'comment#1 Andrew917 d0 p-: Text 1.', 'comment#2 wayne230 d1 p1: Text 2.', 'comment#3 SB117 d2 p2: Text 3.', 'comment#4 kite d0 p-: Text 4.']);
    expect(view(page).filter((v) => v.startsWith('footer'))).toEqual(['footer: 5 thoughts on “Rebels Seize Northern Town”', 'footer: Comments are closed.']);
  });

  it('review widgets: "Was this comment helpful? Yes No Funny" and "N people found this comment helpful" are footers', () => {
    const users = ['Falconetti101', 'MJones54', 'saynotodemcraps', 'kite'];
    const page = `${ARTICLE2}${users.map((u, i) => `${u}\nPosted: June 16\nText ${i}.\nWas this comment helpful? Yes No Funny\n${i + 2} people found this comment helpful`).join('\n\n')}\n\nSee all 165 comments\n`;
    expect(comments(page)).toEqual(users.map((u, i) => `comment#${i} ${u} d0 p-: Text ${i}.`));
    expect(view(page).filter((v) => v.startsWith('footer')).length).toBe(users.length * 2 + 1);
  });

  it('a name line above a timestamp in UTC, indented by no-break spaces, with link lines "(Reply) (Parent) (Thread) (Link)" after a "42 comments | Leave a comment" heading', () => {
    const rows: [number, string][] = [[0, 'Rfloyd'], [1, 'Ephod'], [2, 'MensLiberum'], [0, 'Jimmy']];
    const pad = (d: number) => '\u00a0'.repeat(4 * d);
    const page = `${ARTICLE2}42 comments | Leave a comment\n\n${rows.map(([d, u], i) => `${pad(d)}${u}\n${pad(d)}2015-06-25 11:1${i} am (UTC)\n${pad(d)}Text ${i}.\n${pad(d)}(Reply) ${d ? '(Parent) ' : ''}(Thread) (Link)`).join('\n\n')}\n`;
    expect(comments(page)).toEqual(['comment#0 Rfloyd d0 p-: Text 0.', 'comment#1 Ephod d1 p0: Text 1.', 'comment#2 MensLiberum d2 p1: Text 2.', 'comment#3 Jimmy d0 p-: Text 3.']);
  });

  it('handles that start with digits ("4armshiver") are names in a chat prefix', () => {
    const users = ['JoeSnow', '4armshiver', 'woetothegutless', '4armshiver'];
    const page = `${ARTICLE2}${users.map((u, i) => `7/7/16, 9:1${i}\u202fAM - ${u}: Message ${i}.`).join('\n')}\n`;
    expect(comments(page)).toEqual(users.map((u, i) => `comment#${i} ${u} d0 p-: Message ${i}.`));
  });

  it('a chat export with tab-separated fields: "06:18<TAB>user<TAB>text"', () => {
    const rows = [['06:18', 'Fones', 'Nothing surprises me.'], ['07:08', 'GoColtsBlue', 'Name it after someone else.'], ['09:12', 'Fones', 'Agreed.'], ['22:21', 'buffaloguy', 'No more sailors to honor?']];
    const page = `${ARTICLE2}${rows.map(([t, u, x]) => `${t}\t${u}\t${x}`).join('\n')}\n`;
    expect(comments(page)).toEqual(rows.map(([, u, x], i) => `comment#${i} ${u} d0 p-: ${x}`));
  });

  it('a byline under the text signs it even with rating buttons between it and the blank line', () => {
    const rows = [['BLM is a group.', 'ShoogafootJones', '-2'], ['There is a mistake.', 'Truthseeker2000', '5'], ['OK then.', 'kite', '0'], ['No.', 'owl', '3']];
    const page = `${ARTICLE2}${rows.map(([t, u, r]) => `${t}\n${u}, Atlanta, United States, 1 day ago\nClick to rate\nRating ${r}`).join('\n\n')}\n`;
    expect(comments(page)).toEqual(rows.map(([t, u], i) => `comment#${i} ${u} d0 p-: ${t}`));
  });

  it('header lines of up to 14 words are learnt ("(14) By user on 2016-08-17 11:49:15 in reply to 12 [link] [source]"), and numbered posts of a flat list nest by the post they answer', () => {
    const rows = [['12', 'killterrists', ''], ['14', 'oharaj', ' in reply to 12'], ['15', 'steveinarizona', ' in reply to 14'], ['16', 'killterrists', ' in reply to 14'], ['13', 'kite', ''], ['17', 'owl', '']];
    const page = `${ARTICLE2}${rows.map(([n, u, r], i) => `(${n}) By ${u} on 2016-08-17 11:0${i}:30${r} [link] [source]\nText ${i}.`).join('\n\n')}\n`;
    const nesting = ['d0 p-', 'd1 p0', 'd2 p1', 'd2 p1', 'd0 p-', 'd0 p-'];
    expect(comments(page)).toEqual(rows.map(([, u], i) => `comment#${i} ${u} ${nesting[i]}: Text ${i}.`));
  });

  it('user cards of up to six lines, some lines optional, ending in a date; vote buttons are footers ("Useful 8", "Funny", "Cool 5")', () => {
    const rows: [string, string, string, string][] = [['LiberalsHate', 'Boise, ID', '', 'so madame wants to play too'], ['nonlowinfovoter', 'Winston-Salem, NC', '30 photos\n', 'Michele calling'], ['UROKIM2', 'Reno, NV', '', 'Epitome of arrogance'], ['hoosyer', 'Gary, IN', '2 photos\n', 'Never had a first lady like this'], ['kite', 'Austin, TX', '', 'Ok'], ['owl', 'Provo, UT', '5 photos\n', 'No'], ['wren', 'Salem, OR', '1 photo\n', 'Yes']];
    const page = `${ARTICLE2}Recommended Reviews\n\n${rows.map(([u, city, photos, t], i) => `${u}\n${city}\n${i + 3} friends\n${i + 4} reviews\n${photos}6/4/2016\n${t}\nUseful ${i}\nFunny\nCool ${i + 1}`).join('\n\n')}\n`;
    expect(comments(page)).toEqual(rows.map(([u, , , t], i) => `comment#${i} ${u} d0 p-: ${t}`));
    expect(view(page).filter((v) => v.startsWith('footer'))[0]).toBe('footer: Recommended Reviews');
  });

  it('the author of a header block is its line that is a name alone, not an avatar\'s alt text ("wayne230\'s profile photo")', () => {
    const users = ['wayne230', 'SB117', 'slumdog', 'kite', 'owl', 'wren'];
    const page = `${ARTICLE2}${users.map((u, i) => `${u}'s profile photo\n${u}\n${i > 2 ? 'unread,\n' : ''}Aug 12, 2016, 8:5${i}:55 AM\nto Fox News Comments\nText ${i}.`).join('\n\n')}\n`;
    expect(comments(page)).toEqual(users.map((u, i) => `comment#${i} ${u} d0 p-: Text ${i}.`));
  });

  it('a badge some headers carry ("Guardian Pick") belongs to the header; a count before the text and the buttons after it are footers', () => {
    const rows: [string, string, string][] = [['Falconetti101', '', 'That woman is evil'], ['MJones54', 'Guardian Pick', 'Too bad.'], ['timbo123', 'Guardian Pick', 'Racism exists.'], ['SFgunrmn', '', 'What a loon'], ['jmgandolfo', 'Guardian Pick', 'All of them are.'], ['kite', '', 'No.']];
    const page = `${ARTICLE2}Order by oldest\n\n${rows.map(([u, badge, t], i) => `${u}\n16 Jun 2016 06:3${i}\n${badge ? `${badge}\n` : ''}${i * 7}\n${t}\nReply\nShare\nReport`).join('\n\n')}\n\nView more comments\n`;
    expect(comments(page)).toEqual(rows.map(([u, , t], i) => `comment#${i} ${u} d0 p-: ${t}`));
    const footers = view(page).filter((v) => v.startsWith('footer'));
    expect(footers[0]).toBe('footer: Order by oldest');
    expect(footers[footers.length - 1]).toBe('footer: View more comments');
  });

  it('"user rated it it was amazing" names the user only; like lines ("12 likes · Like · see review") are buttons', () => {
    const rows = [['LiberalsHate', 'it was amazing'], ['UROKIM2', 'it was ok'], ['JNY', 'really liked it'], ['kite', 'did not like it']];
    const page = `${ARTICLE2}Community Reviews\nShowing 1-4 of 162\n\n${rows.map(([u, r], i) => `${u} rated it ${r}\nJun 0${i + 4}, 2016\nText ${i}.\n${i ? `${i} likes · ` : ''}Like · see review`).join('\n\n')}\n`;
    expect(comments(page)).toEqual(rows.map(([u], i) => `comment#${i} ${u} d0 p-: Text ${i}.`));
    expect(view(page).filter((v) => v.startsWith('footer')).slice(0, 2)).toEqual(['footer: Community Reviews', 'footer: Showing 1-4 of 162']);
  });
});

describe('segment: widget lines learnt around known headers, header tails, chat replies, stand-alone signatures', () => {

  it('a rule repeated after every post is a footer even where a known header shape opens the thread ("user | date | #N")', () => {
    const page = `${ARTICLE2}${posts.map(([u, t], i) => `${u} | 2016-03-30 06:1${i}:17 UTC | #${i + 1}\n\n${t}\n\n-------------------------`).join('\n\n')}\n`;
    expect(comments(page)).toEqual(posts.map(([u, t], i) => `comment#${i} ${u} d0 p-: ${t}`));
    expect(footers(page)).toEqual(posts.map(() => 'footer: -------------------------'));
  });

  it('link buttons and a subject cut from the text\'s first words, between the header and the text, are the header\'s; a sign-in line repeated under each comment is a footer', () => {
    const texts = ['The town was quiet; nobody went out.', 'Not where I live, anyway.', 'FINE.', 'The north side saw fighting.'];
    const subject = (t: string) => (t.length > 12 ? t.slice(0, t.lastIndexOf(' ', 14)) : t);
    const page = `${ARTICLE2}Comments\n\n${texts.map((t, i) => `${posts[i]![0]}\nTue, 08/16/2016 - 0${i}:48\nPermalink\n${subject(t)}\n${t}\nLog in or register to post comments`).join('\n\n')}\n`;
    expect(comments(page)).toEqual(texts.map((t, i) => `comment#${i} ${posts[i]![0]} d0 p-: ${t}`));
    expect(segmentPage(page).filter(isComment).map((c) => c.header!.text.split('\n').length)).toEqual([4, 4, 4, 4]);
    expect(footers(page)).toEqual(['footer: Comments', ...texts.map(() => 'footer: Log in or register to post comments')]);
  });

  it('a button line with one unknown button word on every occurrence ("Reply Respect 3 Share Report") is a footer, not a header by "Respect"; "All Comments (N)" opens the thread; "In reply to" lines and indentation nest', () => {
    const rows: [string, string, number, string][] = [['kestrel_9', 'The town was quiet.', 0, ''], ['Mara Quinn', 'Not where I live.', 1, 'kestrel_9'], ['old.timer', 'Which part?', 2, 'Mara Quinn'], ['Lee', 'Top level again.', 0, ''], ['kestrel_9', 'Agreed.', 1, 'Lee'], ['Ann B', 'Last one.', 0, '']];
    const page = `${ARTICLE2}All Comments (57)\nSort By: Oldest\n\n${rows.map(([u, t, d, to], i) => [u, `${i + 3} years ago`, ...(to ? [`In reply to ${to}`] : []), t, `Reply Respect ${i * 7 + 1} Share Report`].map((l) => `${'  '.repeat(d)}${l}`).join('\n')).join('\n\n')}\n\nLoad More\n`;
    expect(comments(page)).toEqual(['comment#0 kestrel_9 d0 p-: The town was quiet.', 'comment#1 Mara Quinn d1 p0: Not where I live.', 'comment#2 old.timer d2 p1: Which part?', 'comment#3 Lee d0 p-: Top level again.', 'comment#4 kestrel_9 d1 p3: Agreed.', 'comment#5 Ann B d0 p-: Last one.']);
    expect(footers(page).slice(0, 3)).toEqual(['footer: All Comments (57)', 'footer: Sort By: Oldest', 'footer: Reply Respect 1 Share Report']);
  });

  it('a chat: the heading and the room\'s greeting before it, "Replying to @user: quote" above a reply as part of its header, the message box and a share line after it', () => {
    const page = `${ARTICLE2}Stream chat\n\nWelcome to the chat room!\n${posts.map(([u, t]) => `${u}: ${t}`).join('\n')}\nReplying to @old.timer: The north side.\nMara Quinn: Thanks.\n\nSend a message\nChat\n\n\nLike this story? Share it with a friend.\n`;
    expect(comments(page)).toEqual([...posts.map(([u, t], i) => `comment#${i} ${u} d0 p-: ${t}`), 'comment#4 Mara Quinn d0 p-: Thanks.']);
    expect(segmentPage(page).filter(isComment)[4]!.header!.text).toBe('Replying to @old.timer: The north side.\nMara Quinn:');
    expect(footers(page)).toEqual(['footer: Stream chat', 'footer: Welcome to the chat room!', 'footer: Send a message', 'footer: Chat', 'footer: Like this story? Share it with a friend.']);
  });

  it('a signature standing alone after the text, an empty line between: the reader\'s name, then a place ("Madison, Wis.")', () => {
    const rows = [['The town was quiet.\n\nNobody went out.', 'kestrel_9', 'Brooklyn'], ['Not where I live.', 'MaraQ', 'Madison, Wis.'], ['Which part?', 'old.timer', 'St. Louis'], ['The north side.', 'Lee2', 'Boulder, Colo.']];
    const page = `${ARTICLE2}Readers' comments\nA selection of reader comments on this article, as submitted.\n\n${rows.map(([t, u, place]) => `${t}\n\n${u}\n${place}`).join('\n\n')}\n\n\nTo send us a comment for publication, use the form on our Contact page.\n`;
    expect(comments(page)).toEqual(rows.map(([t, u], i) => `comment#${i} ${u} d0 p-: ${t}`));
    expect(footers(page)).toEqual(["footer: Readers' comments", 'footer: A selection of reader comments on this article, as submitted.', 'footer: To send us a comment for publication, use the form on our Contact page.']);
  });

  it('a mail reader\'s ruled header box (rule, fields, rule): the From field names the writer; the tear line and origin line after each message are footers; hard-wrapped text stays one comment', () => {
    const rule = '='.repeat(60);
    const msgs = [['kestrel_9', 'The town was quiet when we drove\nthrough it on Monday, and nobody seemed to know where the rebels had\ngone. Nobody.', 'Blue Wave/DOS v2.30', 'Capitol Hill Exchange (2:5034/818)'], ['MaraQ', 'Not where I live.', 'SBBSecho 3.00-Win32', 'Prairie Node (2:5059/783)'], ['old.timer', 'Which part of town?', 'FMail 1.60', 'Lone Star Link (2:5081/892)'], ['Lee2', 'The north side.', 'FMail 1.60', 'Blue Ridge Station (2:5003/171)']];
    const page = `${ARTICLE2}${msgs.map(([u, t, tear, origin], i) => `${rule}\n Msg  : ${i + 1} of 4\n From : ${u!.padEnd(12)} 2:5034/81${i}.16   Fri 24 Jun 16 06:1${i}\n To   : All\n Subj : Rebels seize northern town\n${rule}\n${t}\n--- ${tear}\n * Origin: ${origin}`).join('\n\n')}\n`;
    expect(comments(page)).toEqual(msgs.map(([u, t], i) => `comment#${i} ${u} d0 p-: ${t}`));
    expect(footers(page)).toEqual(msgs.flatMap(([, , tear, origin]) => [`footer: --- ${tear}`, `footer: * Origin: ${origin}`]));
  });

  it('a chat export\'s notice and saved-on line before the first message, and day lines between messages, are footers', () => {
    const page = `${ARTICLE2}[LINE] Chat history in Town readers\nSaved on: 2016/08/19 11:28\n\n2016/08/17(Wed)\n${posts.slice(0, 2).map(([u, t], i) => `0${i}:18\t${u}\t${t}`).join('\n')}\n\n2016/08/18(Thu)\n${posts.slice(2).map(([u, t], i) => `1${i}:18\t${u}\t${t}`).join('\n')}\n`;
    expect(comments(page)).toEqual(posts.map(([u, t], i) => `comment#${i} ${u} d0 p-: ${t}`));
    expect(footers(page)).toEqual(['footer: [LINE] Chat history in Town readers', 'footer: Saved on: 2016/08/19 11:28', 'footer: 2016/08/17(Wed)', 'footer: 2016/08/18(Thu)']);
  });

  it('a day line between two messages with no blank line around it is a divider, not the earlier message\'s text', () => {
    const page = `${ARTICLE2}${posts.slice(0, 2).map(([u, t], i) => `0${i}:18\t${u}\t${t}`).join('\n')}\nThursday, March 31st\n${posts.slice(2).map(([u, t], i) => `1${i}:18\t${u}\t${t}`).join('\n')}\n`;
    expect(comments(page)).toEqual(posts.map(([u, t], i) => `comment#${i} ${u} d0 p-: ${t}`));
    expect(footers(page)).toEqual(['footer: Thursday, March 31st']);
  });

  it('Markdown as converters save it: "1.  **user** [date](link)" headers nested by list indentation, "[Reply](link)" buttons, an underlined heading and "### Leave a Reply"', () => {
    const rows: [string, string, number][] = [['kestrel_9', 'The town was quiet.', 0], ['MaraQ', 'Not where I live.', 1], ['old.timer', 'Which part?', 2], ['Lee2', 'The north side.', 0]];
    const link = (i: number) => `(http://example.com/town.html#comment-${i})`;
    const page = `${ARTICLE2}4 thoughts on “Rebels Seize Northern Town”\n${'-'.repeat(40)}\n\n${rows.map(([u, t, d], i) => { const pad = '    '.repeat(d); return `${pad}1.  **${u}** [June 4, 2016 at 7:5${i} am]${link(i)}\n\n${pad}    ${t}\n\n${pad}    [Reply]${link(i)}`; }).join('\n\n')}\n\n### Leave a Reply\n`;
    expect(comments(page)).toEqual(['comment#0 kestrel_9 d0 p-: The town was quiet.', 'comment#1 MaraQ d1 p0: Not where I live.', 'comment#2 old.timer d2 p1: Which part?', 'comment#3 Lee2 d0 p-: The north side.']);
    expect(footers(page)).toEqual(['footer: 4 thoughts on “Rebels Seize Northern Town”', `footer: ${'-'.repeat(40)}`, ...rows.map((_, i) => `footer: [Reply]${link(i)}`), 'footer: ### Leave a Reply']);
  });

  it('a signature block with blank lines on both sides signs the text above it when the thread starts with text and ends with the last signature ("N posted on … by user"), and "To: user" above a reply is a footer', () => {
    const page = `${ARTICLE2}${posts.map(([u, t], i) => `${i === 2 ? `To: ${posts[1]![0]}\n\n` : ''}${t}\n\n${i + 2} posted on 03/30/2016 6:1${i}:17 AM PDT by ${u}\n[ Post Reply | Private Reply | View Replies]`).join('\n\n')}\n\n\nDisclaimer: Opinions posted here are those of the individual posters.\n`;
    expect(comments(page)).toEqual(posts.map(([u, t], i) => `comment#${i} ${u} d0 p-: ${t}`));
    expect(footers(page)).toContain(`footer: To: ${posts[1]![0]}`);
  });

  it('a forum postbit (name, title, date, "#N") and a reply opening with "user said:" and the quoted post: the quote is the reply\'s text', () => {
    const page = `${ARTICLE2}${posts.map(([u, t], i) => `${u}\nActive member\nJul 7, 2016\n#${i + 1}\n${i === 3 ? `${posts[2]![0]} said:\n${posts[2]![1]}\n` : ''}${t}\nReport Like + Quote Reply`).join('\n\n')}\n\nYou must log in or register to reply here.\n`;
    expect(comments(page)).toEqual(posts.map(([u, t], i) => `comment#${i} ${u} d0 p-: ${i === 3 ? `${posts[2]![0]} said:\n${posts[2]![1]}\n` : ''}${t}`));
    expect(segmentPage(page).filter(isComment).map((c) => c.header!.text.split('\n').length)).toEqual([4, 4, 4, 4]);
  });

  it('a badge under some writers\' names ("Top fan") belongs to the header; tabs and sort controls above the first comment ("All 65", "Reader Picks", "Most relevant") and "Write a comment…" are footers', () => {
    const page = `${ARTICLE2}All 65\nReader Picks\nMost relevant\n\n${posts.map(([u, t], i) => `${u}\n${i % 4 ? 'Top fan\n' : ''}${t}\n7y\nLike\nReply\n${i + 3}`).join('\n\n')}\n\nWrite a comment…\n`;
    expect(comments(page)).toEqual(posts.map(([u, t], i) => `comment#${i} ${u} d0 p-: ${t}`));
    expect(footers(page).slice(0, 3)).toEqual(['footer: All 65', 'footer: Reader Picks', 'footer: Most relevant']);
    expect(footers(page)[footers(page).length - 1]).toBe('footer: Write a comment…');
  });

  it('the writer is the run of name words that varies from header to header, not the widget\'s constant words ("A photo posted by user (@user) on …")', () => {
    const page = `${ARTICLE2}${posts.map(([u, t], i) => `${t}\n\nA ${i % 3 ? 'photo' : 'video'} posted by ${u} (@${u!.toLowerCase().replace(/ /g, '')}) on Jun 24, 2016 at ${i + 6}:32am PDT`).join('\n\n')}\n`;
    expect(comments(page)).toEqual(posts.map(([u, t], i) => `comment#${i} ${u} d0 p-: ${t}`));
  });

  it('a chat exporter\'s header box and tail, reactions under "{Reactions}", and day lines drawn with rules are footers', () => {
    const rule = '='.repeat(40);
    const day = '\n\n--------------- Friday, August 12, 2016 ---------------';
    const page = `${ARTICLE2}${rule}\nGuild: Town Readers\nChannel: news\n${rule}\n\n${posts.map(([u, t], i) => `[16/08/2016 0${i}:13] ${u}\n${t}${i === 1 ? `\n\n{Reactions}\nfacepalm ❓ ✅ (7)${day}` : ''}`).join('\n\n\n')}\n\n\nExported 4 message(s)\n`;
    expect(comments(page)).toEqual(posts.map(([u, t], i) => `comment#${i} ${u} d0 p-: ${t}`));
    expect(footers(page)).toEqual([`footer: ${rule}`, 'footer: Guild: Town Readers', 'footer: Channel: news', `footer: ${rule}`, 'footer: {Reactions}', 'footer: facepalm ❓ ✅ (7)', 'footer: --------------- Friday, August 12, 2016 ---------------', 'footer: Exported 4 message(s)']);
  });

  it('a message export: a timestamp over the name (some with a note in brackets), "Reactions:" and the tapbacks under it are footers, and a known shape further down ("Reactions:") does not start the thread late', () => {
    const rows = [...posts, ['kite', 'Nobody knows.'], ['Ann B', 'Not me.']];
    const page = `${ARTICLE2}${rows.map(([u, t], i) => `Jun 16, 2016  ${i + 6}:22:13 AM${i === 2 ? ' (Read by you after 2 minutes, 24 seconds)' : ''}\n${u}\n${t}${i % 2 ? `\nReactions:\nLoved by ${rows[0]![0]}\nDisliked by ${rows[3]![0]}` : ''}`).join('\n\n')}\n`;
    expect(comments(page)).toEqual(rows.map(([u, t], i) => `comment#${i} ${u} d0 p-: ${t}`));
    expect(footers(page)).toEqual([1, 3, 5].flatMap(() => ['footer: Reactions:', `footer: Loved by ${rows[0]![0]}`, `footer: Disliked by ${rows[3]![0]}`]));
  });

  it('messages with mail header blocks (a digest): each block, folded Subject line included, is the header; From names the writer; the rule between messages is a footer (CRLF)', () => {
    const page = `${ARTICLE2}${posts.map(([u, t], i) => `Message: ${i + 1}\nDate: Wed, 30 Mar 2016 06:4${i}:47 -0400\nFrom: ${u} <${u!.replace(/ /g, '').toLowerCase()}@example.net>\nSubject: Re: [Town-readers] Rebels seize northern\n\ttown\nContent-Type: text/plain; charset=us-ascii\n\n${t}\n\n------------------------------`).join('\n\n')}\n`.replace(/\n/g, '\r\n');
    expect(comments(page)).toEqual(posts.map(([u, t], i) => `comment#${i} ${u} d0 p-: ${t}`));
    expect(segmentPage(page).filter(isComment).map((c) => c.header!.text.split('\r\n').length)).toEqual([6, 6, 6, 6]);
  });

  it('comment notification e-mails: the block of labelled fields from "Author:" to an empty "Comment:" is the header, the text follows it; the moderation links and the notice lines are footers', () => {
    const mail = ([u, t]: string[], i: number) => `A new comment on the post "Rebels Seize Northern Town" is waiting for your approval\nhttps://town.example.org/2016/03/30/rebels/\n\nAuthor: ${u} (IP address: 203.0.113.${i}, 203.0.113.${i})\nEmail: user${i}@example.org\nURL:\n${i === 2 ? 'In reply to: https://town.example.org/wp-admin/comment.php?c=1\n' : ''}Comment:\n${t}\n\nApprove it: https://town.example.org/wp-admin/comment.php?action=approve&c=${i}\nTrash it: https://town.example.org/wp-admin/comment.php?action=trash&c=${i}\nCurrently ${i + 1} comments are waiting for approval. Please visit the moderation panel:\nhttps://town.example.org/wp-admin/edit-comments.php`;
    const page = `${ARTICLE2}${posts.map((p, i) => mail(p as string[], i)).join('\n\n\n')}\n`;
    expect(comments(page)).toEqual(posts.map(([u, t], i) => `comment#${i} ${u} d0 p-: ${t}`));
    expect(footers(page).filter((f) => f.startsWith('footer: Approve it')).length).toBe(4);
    expect(footers(page).filter((f) => f === 'footer: https://town.example.org/wp-admin/edit-comments.php').length).toBe(4);
  });

  it('a separator alone between the name and the age ("user" / "•" / "8y ago") stays inside the learnt header block; "Award" is a button', () => {
    const page = `${ARTICLE2}Sort by:\nBest\nSearch Comments\n\n${posts.map(([u, t], i) => `${u}\n•\n${i + 2}y ago\n${t}\n${i * 3}\nReply\nAward\nShare`).join('\n\n')}\n`;
    expect(comments(page)).toEqual(posts.map(([u, t], i) => `comment#${i} ${u} d0 p-: ${t}`));
    expect(segmentPage(page).filter(isComment).map((c) => c.header!.text)).toEqual(posts.map(([u], i) => `${u}\n•\n${i + 2}y ago`));
  });

  it.each([
    [',', 'CSV'],
    ['\t', 'TSV'],
  ])('comments exported as a table (%s, the text column last): the header row is a footer, each row a comment, quoted texts over several lines with doubled quotes, the fields before the text its header', (sep, _name) => {
    const quote = (t: string) => (t.includes('\n') || t.includes('"') || t.includes(sep) ? `"${t.replace(/"/g, '""')}"` : t);
    const texts = ['The town was quiet.', 'Not "where" I live.\n\nNot at all.', 'Which part?', 'The north side, mostly.'];
    const rows = posts.map(([u], i) => [String(i), `28300${i}`, u!, `2016-08-17 06:3${i}:36`, quote(texts[i]!)].join(sep));
    const page = `${ARTICLE2}${['', 'comment_id', 'author', 'published', 'text'].join(sep)}\n${rows.join('\n')}\n`;
    const found = segmentPage(page).filter(isComment);
    expect(found.map((c) => [c.author, page.slice(c.start, c.end)])).toEqual(posts.map(([u], i) => [u, quote(texts[i]!)]));
    expect(found.map((c) => c.header!.text)).toEqual(rows.map((r) => r.slice(0, r.length - quote(texts[rows.indexOf(r)]!).length)));
    expect(footers(page)).toEqual([`footer: ${['', 'comment_id', 'author', 'published', 'text'].join(sep).trim()}`]);
  });

  it('a header with a mark most headers lack ("user (pinned)") is still a header of the layout', () => {
    const page = `${ARTICLE2}${posts.map(([u, t], i) => `[16/08/2016 0${i}:13] ${u}${i === 2 ? ' (pinned)' : ''}\n${t}`).join('\n\n\n')}\n`;
    expect(comments(page)).toEqual(posts.map(([u, t], i) => `comment#${i} ${u} d0 p-: ${t}`));
  });

  it.each([
    ['dateline', 'Published: 06:00 EDT, 16 August 2016 | Updated: 09:14 EDT, 16 August 2016'],
    ['dateline', '2016-06-24T06:00:00-04:00'],
    ['caption', 'Image source: Reuters'],
    ['caption', 'A supply ship under way. Credit: U.S. Navy'],
    ['source', 'Reposted from Town News Opinion'],
    ['source', 'Article source: TownNews.com'],
    ['caption', 'Officials at a ceremony. Official White House Photo'],
    ['caption', 'Protesters at a march. — Associated Press'],
    ['caption', 'A sign at a school. Photo illustration: Getty'],
    ['caption', 'The Bundestag in session. Foto: dpa'],
    ['source', 'More at TownNews.com'],
    ['source', 'Reporting by Town News'],
    ['source', 'H/T Town News'],
    ['source', 'From Town News'],
    ['source', 'Excerpted from TownNews.com'],
    ['source', 'Town News ^ | 3/30/2016 | Staff'],
    ['caption', 'Demonstrators at a rally. Credit...Reuters'],
    ['caption', 'The Reichstag dome in Berlin. EPA-EFE/File'],
    ['caption', 'The court building in Washington. Associated Press file photo'],
    ['dateline', 'June 24, 2016 @ 6:00 am'],
    ['source', 'This content was originally published by Town News.'],
    ['source', 'Town News Opinion is the original publisher.'],
    ['source', 'Shared from TownNews.com'],
    ['source', 'Story link: townnews.com'],
    ['caption', 'A sign outside a school. Image: Flickr/CC BY 2.0'],
    ['source', 'Taken from TownNews.com'],
    ['source', 'Original source: Town News'],
    ['dateline', '25th of June, 2015'],
    ['dateline', 'Wed., March 30, 2016'],
    ['caption', 'A restroom sign. (Courtesy: iStock)'],
    ['source', 'Read more at Town News'],
    ['source', 'Content courtesy of Town News'],
    ['source', 'This story was first reported by Town News.'],
    // Ninth session (held-out W and X).
    ['caption', 'The mayor at the town hall. [Photo: Reuters]'],
    ['caption', 'The mayor at the town hall. [Image: City of Springfield]'],
    ['source', 'Copied out of foxnews.com'],
    ['dateline', 'Mar/30/2016'],
    ['dateline', '2016-Aug-16'],
    ['caption', 'The mayor at the town hall. (Corbis)'],
    ['caption', 'The mayor at the town hall. Photo/Reuters'],
    ['caption', 'The mayor at the town hall. / AFP'],
    ['dateline', '2016 Jun 24'],
    ['dateline', '7.VII.2016'],
    ['caption', 'The mayor at the town hall. Photographer: AP'],
    ['caption', 'The mayor at the town hall. [AP]'],
    ['caption', 'A Navy oiler at sea, via Reuters'],
  ])('a %s line in the article: "%s"', (kind, line) => {
    const page = `Rebels Seize Northern Town\n\n${line}\n\nThe rebels seized the town on Monday, officials said.\n`;
    expect(view(page)).toContain(`${kind}: ${line}`);
  });

  it.each([
    'Share what you think', 'Newest Oldest Best rated Worst rated', 'We are no longer accepting comments on this article.', 'Page 1 of 9',
    'The views expressed in the contents above are those of our users and do not necessarily reflect the views of Town News.',
    'This page was generated in about 0.012s by Fossil 2.10', 'You received this message because you are subscribed to the Google Groups "town" group.',
    'Like what you read? Chip in to keep this BBS online.', '1,873 views', 'Reply to author', 'Skip to first unread message',
    '7/7/16, 6:00 AM - Messages and calls are end-to-end encrypted. No one outside of this chat can read them.', "Not the answer you're looking for? Browse other questions tagged politics.", 'Sort: Oldest', 'Sort by:', 'Best Newest Oldest', 'Search Comments', 'Award',
  ])('boilerplate of comment lists and archives is no comment text: "%s"', (line) => {
    expect(isFooter(line) || isThreadChrome(line)).toBe(true);
  });

  it.each([
    ['caption', 'A fishing boat at sea. Credit: AP/File'],
    ['caption', 'Protesters outside the court. File photo: AP Images'],
    ['caption', 'The flag over the statehouse. (Credit: Reuters)'],
    ['caption', 'A lake in Florida (stock image: Getty)'],
    ['caption', 'Students on a campus. (File photo/AP)'],
    ['caption', 'A supply ship under way. U.S. Navy photo/Released'],
    ['source', 'Story first seen on FoxNews.com'],
    ['source', 'As seen on FoxNews.com Opinion'],
    ['source', 'This report first appeared on FoxNews.com.'],
    ['source', 'Used with permission of Fox News.'],
    ['source', 'Sourced from Fox News'],
    ['source', 'Adapted from an op-ed published by Fox News.'],
    ['dateline', 'JUNE 24, 2016 / 7:15 AM / UPDATED 3 YEARS AGO'],
    ['dateline', 'Tuesday the 3rd of May, 2016'],
    ['dateline', 'Tue, 03 May 2016 08:30:00 +0100'],
    ['caption', 'Rangers at a border post. Photo: U.S. Customs and Border Protection/Handout'],
    ['caption', 'A destroyer at sea. Illustration: U.S. Navy'],
    ['caption', 'Shoppers at a market. (Shutterstock photo)'],
    ['source', 'Link: townnews.com'],
    ['source', 'Article by Town News'],
    ['source', 'Originally reported by Town News'],
    ['source', 'Credit: Town News'],
    ['source', 'Town News (original article)'],
    ['dateline', 'Wed Mar 30 2016 06:00:00 GMT-0400 (Eastern Daylight Time)'],
    ['dateline', '2016-3-30'],
    ['dateline', '6:00 AM - 30 Mar 2016'],
    ['caption', 'Rangers at a border post. Handout photo from U.S. Customs and Border Protection'],
    ['source', 'Link to the original: townnews.com'],
    ['source', 'Clipped from TownNews.com'],
    ['source', 'Reported by TownNews.com'],
    ['source', 'Found via Town News'],
    ['dateline', 'Wed Mar 30 06:00:00 2016'],
    ['dateline', 'Mar 30, 2016 Updated Mar 31, 2016'],
    ['dateline', 'Wednesday, 30-Mar-16 06:00:00 EDT'],
    ['dateline', 'Streamed live on Mar 30, 2016'],
    ['caption', 'A river bank near the town. STAFF FILE PHOTO'],
    ['caption', 'Rebels at a checkpoint, from the live broadcast. Screengrab: Town TV'],
    ['source', 'Online at TownNews.com'],
    ['source', 'Pulled from the TownNews.com feed'],
    ['source', 'Story and video: Town News'],
    ['source', 'Article: townnews.com'],
    ['dateline', 'Wed Mar 30 06:00:00 EDT 2016'],
    ['dateline', '6:00 AM · Mar 30, 2016'],
    ['dateline', '20160330'],
    ['caption', 'A market square in the town. Image posted by @TownNews'],
    ['caption', 'The river near the town. Image rights: Alamy'],
    ['source', 'Curated from Town News'],
    ['source', 'Tweeted by Town News'],
    ['source', 'Corpus source: townnews.com'],
    ['dateline', '2016-03-30 10:00:00 +0000 UTC'],
    ['caption', 'A checkpoint near the town. ICE handout photo'],
    ['source', 'Imported from Town News'],
    ['source', 'As published by Town News'],
    ['source', 'Story: Town News Politics'],
    ['dateline', '2015-06-25 06:00:00-04'],
    ['dateline', '2016, March 30'],
    ['caption', 'Members of parliament during a vote. Picture alliance/dpa'],
    ['source', 'Originally on Town News'],
    ['source', 'Coded from Town News'],
    ['source', 'Text: Town News'],
  ])('a %s line after the body: "%s"', (kind, line) => {
    const page = `Rebels Seize Northern Town\n\nThe rebels seized the town on Monday, officials said.\n\n${line}\n`;
    expect(view(page)).toContain(`${kind}: ${line}`);
  });
});


describe('segment: screen-reader logs, buttons learnt beside buttons, lists inside comments, mail signatures, notes under a heading', () => {

  it('a screen reader\'s speech log: role words before each line ("heading  level 3  user", "button  Reply"), no blank lines; the list announcements and the buttons are footers', () => {
    const page = `${ARTICLE2}heading  level 2  4 Comments\nlist  with 4 items\n${posts.map(([u, t], i) => `heading  level 3  ${u}\nlink  Mar 30, 2016, ${i + 6}:12 AM\n${t}\nbutton  Like  ${i * 2}\nbutton  Reply`).join('\n')}\nout of list\nbutton  Load more comments\n`;
    expect(comments(page)).toEqual(posts.map(([u, t], i) => `comment#${i} ${u} d0 p-: ${t}`));
    expect(footers(page)).toEqual(['footer: heading  level 2  4 Comments', 'footer: list  with 4 items', ...posts.flatMap((_, i) => [`footer: button  Like  ${i * 2}`, 'footer: button  Reply']), 'footer: out of list', 'footer: button  Load more comments']);
  });

  it('a one-word line repeated right above a known button ("Thank" / "Reply") is a button too; a text opening with a dash right under its header stays the text', () => {
    const page = `${ARTICLE2}${posts.map(([u, t], i) => `${u}\nRiverside · Mar 30, 2016\n${i === 1 ? '- ' : ''}${t}\nThank\nReply${i % 2 ? `\n${i} Thanks` : ''}`).join('\n\n')}\n`;
    expect(comments(page)).toEqual(posts.map(([u, t], i) => `comment#${i} ${u} d0 p-: ${i === 1 ? '- ' : ''}${t}`));
    expect(footers(page).filter((f) => f === 'footer: Thank').length).toBe(4);
  });

  it('a repeated name under the buttons of the comment before, over its own text, stays a header (not a learnt button)', () => {
    const rows = [...posts, ['kestrel_9', 'Agreed.']];
    const page = `${ARTICLE2}${rows.map(([u, t]) => `${u}\n${t}\nLike · Reply · 2y`).join('\n')}\n`;
    expect(comments(page)).toEqual(rows.map(([u, t], i) => `comment#${i} ${u} d0 p-: ${t}`));
  });

  it('where headers open with their own bullets (lynx: "* user says:", "+ user says:", "o user says:"), a paragraph opening with "- " inside a comment is its text, not a new comment', () => {
    const page = `${ARTICLE2}   * kestrel_9 says:\n     March 30, 2016 at 6:12 am\n\n     The town was quiet.\n\n     - Proverbs 3:5 says it well.\n\n     Reply\n\n      + Mara Quinn says:\n        March 30, 2016 at 6:40 am\n\n        Not where I live.\n\n        Reply\n\n         o old.timer says:\n           March 30, 2016 at 6:50 am\n\n           Which part?\n\n           Reply\n\n   * old.timer says:\n     March 30, 2016 at 7:02 am\n\n     The north side.\n\n     Reply\n`;
    expect(comments(page)).toEqual(['comment#0 kestrel_9 d0 p-: The town was quiet.\n\n     - Proverbs 3:5 says it well.', 'comment#1 Mara Quinn d1 p0: Not where I live.', 'comment#2 old.timer d2 p1: Which part?', 'comment#3 old.timer d0 p-: The north side.']);
  });

  it('reader e-mails signed under the text with a name and a mail app\'s tagline ("Sent from my iPhone"); the "Mailbag" heading and its note are footers (CRLF)', () => {
    const tags = ['Sent from my iPhone', 'Get Outlook for Android', 'Sent from Yahoo Mail on Android', 'Sent from my iPhone'];
    const page = `${ARTICLE2}Mailbag\nLetters from readers about this story.\n\n${posts.map(([u, t], i) => `${t}${i === 2 ? '\n\nAnd more besides.' : ''}\n${u}\n${tags[i]}`).join('\n\n')}\n`.replace(/\n/g, '\r\n');
    expect(comments(page)).toEqual(posts.map(([u, t], i) => `comment#${i} ${u} d0 p-: ${t}${i === 2 ? '\r\n\r\nAnd more besides.' : ''}`));
    expect(segmentPage(page).filter(isComment).map((c) => c.header!.text)).toEqual(posts.map(([u], i) => `${u}\r\n${tags[i]}`));
    expect(footers(page)).toEqual(['footer: Mailbag', 'footer: Letters from readers about this story.']);
  });

  it('a chat\'s name as a "<Site> reader comments" heading with its tabs ("Chat" / "Files") above the first message: footers', () => {
    const page = `${ARTICLE2}Town News reader comments\nChat\nFiles\n\n${posts.map(([u, t], i) => `${u}\n3/30/2016 ${i + 6}:12 AM\n${t}`).join('\n\n')}\n`;
    expect(comments(page)).toEqual(posts.map(([u, t], i) => `comment#${i} ${u} d0 p-: ${t}`));
    expect(footers(page)).toEqual(['footer: Town News reader comments', 'footer: Chat', 'footer: Files']);
  });

  it('a chat export\'s system message in a message\'s shape (the encryption notice) is a footer, not a comment', () => {
    const notice = '[3/30/16, 6:00:00\u202fAM] Town readers: \u200eMessages and calls are end-to-end encrypted. No one outside of this chat can read them.';
    const page = `${ARTICLE2}${notice}\n${posts.map(([u, t], i) => `[3/30/16, ${i + 6}:12:0${i}\u202fAM] ${u}: ${t}`).join('\n')}\n`;
    expect(comments(page)).toEqual(posts.map(([u, t], i) => `comment#${i} ${u} d0 p-: ${t}`));
    expect(footers(page)).toEqual([`footer: ${notice}`]);
  });


  it.each(['« Previous 1 … 10 11 12 13 Next »', 'Comment navigation', '← Older Comments', 'Newer Comments →', 'button  Reply', 'list  with 20 items', 'out of list'])('a comment list\'s pager or a screen reader\'s announcement is a widget line: "%s"', (line) => {
    expect(isThreadChrome(line)).toBe(true);
  });

  it.each(['Story by the way was great', 'Link: this is not one'])('a sentence is no source line: "%s"', (line) => {
    const page = `Rebels Seize Northern Town\n\nThe rebels seized the town on Monday, officials said.\n\n${line}\n`;
    expect(view(page)).not.toContain(`source: ${line}`);
  });
});

describe('segment: line-mode rows, printed conversations, chat system lines, app copies, subject lines over bylines', () => {
  it('a database shell\'s rows in line mode (" author = user" / "   body = text", the " = " aligned): each row is a header ending on the text\'s line; later paragraphs follow; the prompts are footers (CRLF)', () => {
    const row = ([u, t]: string[], i: number) => ` comment_id = ${2739946027 + i}\n     author = ${u}\ncreated_utc = 2016-03-30 06:1${i}:48\n       body = ${t}${i === 1 ? '\n\nAnd a second paragraph.' : ''}`;
    const page = `${ARTICLE2}sqlite> .mode line\nsqlite> SELECT comment_id, author, created_utc, body FROM comments;\n${posts.map((p, i) => row(p as string[], i)).join('\n\n')}\nsqlite> .quit\n`.replace(/\n/g, '\r\n');
    expect(comments(page)).toEqual(posts.map(([u, t], i) => `comment#${i} ${u} d0 p-: ${t}${i === 1 ? '\r\n\r\nAnd a second paragraph.' : ''}`));
    expect(segmentPage(page).filter(isComment).map((c) => c.header!.text.endsWith('body = '))).toEqual([true, true, true, true]);
    expect(footers(page)).toEqual(['footer: sqlite> .mode line', 'footer: sqlite> SELECT comment_id, author, created_utc, body FROM comments;', 'footer: sqlite> .quit']);
  });

  it('a printed conversation turned back into text: the running header and footer and the page numbers ("1/3") between messages are footers, so is the masthead above the first message, "[Quoted text hidden]" and "4 messages"', () => {
    const head = '3/31/16, 9:02 AM\nTown Mail - Reader comments: Rebels Seize Northern Town';
    const foot = (n: number) => `https://mail.example.org/mail/u/0/?view=pt&th=${'a1b2c3'}\n${n}/3`;
    const msg = ([u, t]: string[], i: number) => `${u} <${u!.replace(/ /g, '').toLowerCase()}@example.org>\nWed, Mar 30, 2016 at ${i + 6}:12 AM\nTo: Comments desk <desk@example.org>\n\n${t}${i % 2 ? '\n[Quoted text hidden]' : ''}`;
    const [a, b, c, d] = posts.map((p, i) => msg(p as string[], i));
    const page = `${ARTICLE2}${head}\n\nTown Mail\nJo Reader <jo@example.org>\n\nReader comments: Rebels Seize Northern Town\n4 messages\n\n${a}\n\n${b}\n\n${foot(1)}\n\n${head}\n\n${c}\n\n${foot(2)}\n\n${head}\n\n${d}\n\n${foot(3)}\n`;
    expect(comments(page)).toEqual(posts.map(([u, t], i) => `comment#${i} ${u} d0 p-: ${t}`));
    const f = footers(page);
    expect(f.filter((x) => x === 'footer: 3/31/16, 9:02 AM').length).toBe(3);
    expect(f.filter((x) => /^footer: \d\/3$/.test(x)).length).toBe(3);
    expect(f).toEqual(expect.arrayContaining(['footer: Town Mail', 'footer: Jo Reader <jo@example.org>', 'footer: Reader comments: Rebels Seize Northern Town', 'footer: 4 messages', 'footer: [Quoted text hidden]']));
  });

  it('a chat log\'s system lines between messages, with the messages\' time stamps ("(06:20:30 AM) user entered the room.", the topic), and the log\'s header are footers', () => {
    const page = `${ARTICLE2}Conversation with town-readers@conference.example.org at Wed 30 Mar 2016 06:00:00 AM EDT on me@example.org/Desktop (jabber)\n(06:00:00 AM) The topic for town-readers is: Rebels Seize Northern Town\n${posts.map(([u, t], i) => `(0${i + 6}:12:58 AM) ${u}: ${t}${i === 1 ? `\n(0${i + 6}:20:30 AM) lurker entered the room.` : ''}`).join('\n')}\n(10:01:02 AM) lurker left the room.\n`;
    expect(comments(page)).toEqual(posts.map(([u, t], i) => `comment#${i} ${u} d0 p-: ${t}`));
    expect(footers(page).length).toBe(4);
  });

  it('comments copied from an app with no blank lines: the name, the text, a badge some carry ("Liked by creator"), the date printed against its button ("2016-3-30Reply"), a like count; the composer at the end is a footer', () => {
    const page = `${ARTICLE2}12 comments\n${posts.map(([u, t], i) => `${u}\n${t}\n${i === 1 ? '' : 'Liked by creator\n'}2016-3-30Reply\n${i * 7 + 2}`).join('\n')}\nAdd comment...\nPost\n`;
    expect(comments(page)).toEqual(posts.map(([u, t], i) => `comment#${i} ${u} d0 p-: ${t}`));
    expect(footers(page).filter((x) => x === 'footer: Liked by creator').length).toBe(3);
    expect(footers(page).slice(-2)).toEqual(['footer: Add comment...', 'footer: Post']);
  });

  it('a subject line written without a space ("Re:Rebels seize … (Score:2)") right over a learnt byline is part of the header; replies nested by indentation; a last row of capitalised buttons under the list\'s buttons is a footer', () => {
    const sub = 'Re:Rebels Seize Northern Town (Score:2)';
    const c = ([u, t]: string[], i: number, depth: number) => {
      const pad = ' '.repeat(4 * depth);
      return `${pad}${sub}\n${pad}by ${u} (${4157469 + i}) on Wednesday March 30, 2016 @0${i + 6}:19AM (#${52719254 + i})\n${pad}${t}\n${pad}[ Reply to This${depth ? ' | Parent' : ''} ]`;
    };
    const rows = [...posts, ['kite', 'Nobody knows.'], ['Ann B', 'Not me.']];
    const depths = [0, 1, 2, 0, 1, 0];
    const page = `${ARTICLE2}${rows.map((r, i) => c(r as string[], i, depths[i]!)).join('\n\n')}\n\nLoad All Comments\nFull Abbreviated Hidden\n`;
    expect(comments(page)).toEqual(['comment#0 kestrel_9 d0 p-: The town was quiet.', 'comment#1 Mara Quinn d1 p0: Not where I live.', 'comment#2 kestrel_9 d2 p1: Which part?', 'comment#3 old.timer d0 p-: The north side.', 'comment#4 kite d1 p3: Nobody knows.', 'comment#5 Ann B d0 p-: Not me.']);
    expect(segmentPage(page).filter(isComment).every((x) => x.header!.text.startsWith(sub))).toBe(true);
    expect(footers(page).slice(-2)).toEqual(['footer: Load All Comments', 'footer: Full Abbreviated Hidden']);
  });

});

describe('segment: the preamble after the article\'s wide break, a repeated headline, a mail digest\'s masthead and contents', () => {
  it('lines between the article\'s wide break and the first header are the thread\'s preamble (a view count, a channel name), not article text; the headline repeated there is a title', () => {
    const page = `${ARTICLE2}Rebels Seize Northern Town\n1,873 views\n\n#town-readers\n\n${posts.map(([u, t], i) => `${u} · ${i + 2} hours ago\n${t}`).join('\n\n')}\n`;
    expect(comments(page)).toEqual(posts.map(([u, t], i) => `comment#${i} ${u} d0 p-: ${t}`));
    expect(view(page).filter((v) => v.startsWith('title'))).toEqual(['title: Rebels Seize Northern Town', 'title: Rebels Seize Northern Town']);
    expect(footers(page)).toEqual(['footer: 1,873 views', 'footer: #town-readers']);
  });

  it('a mailing list digest: the masthead, its addresses and links, a notice over two lines, the table of contents (numbered, folded) and the tail are footers, not article text or numbered comments (CRLF)', () => {
    const toc = posts.map(([u], i) => `   ${i + 1}. Re: Rebels seize northern town, officials say\r\n      (${u})`).join('\r\n');
    const msgs = posts.map(([u, t], i) => `Message: ${i + 1}\r\nDate: Wed, 30 Mar 2016 06:4${i}:47 -0400\r\nFrom: ${u} <u${i}@example.net>\r\nSubject: Re: Rebels seize northern town\r\n\r\n${t}\r\n\r\n------------------------------`).join('\r\n\r\n');
    const page = `${ARTICLE2}Send Town-readers mailing list submissions to\r\n\ttown-readers@lists.example.org\r\n\r\nYou can reach the person managing the list at\r\n\ttown-readers-owner@lists.example.org\r\n\r\nWhen replying, please edit your Subject line so it is more specific\r\nthan "Re: Contents of Town-readers digest..."\r\n\r\n\r\nToday's Topics:\r\n\r\n${toc}\r\n\r\n\r\n----------------------------------------------------------------------\r\n\r\n${msgs}\r\n\r\n_______________________________________________\r\nTown-readers mailing list\r\nTown-readers@lists.example.org\r\nhttps://lists.example.org/mailman/listinfo/town-readers\r\n\r\nEnd of Town-readers Digest, Vol 3, Issue 14\r\n`.replace(/\r?\n/g, '\r\n');
    expect(comments(page)).toEqual(posts.map(([u, t], i) => `comment#${i} ${u} d0 p-: ${t}`));
    expect(view(page).filter((v) => v.startsWith('body'))).toEqual(['body: The rebels seized the town on Monday, officials said.', 'body: Fighting continued into the night.']);
    expect(footers(page)).toEqual(expect.arrayContaining(['footer: than "Re: Contents of Town-readers digest..."', "footer: Today's Topics:", 'footer: 1. Re: Rebels seize northern town, officials say', `footer: (${posts[3]![0]})`, 'footer: Town-readers@lists.example.org', 'footer: End of Town-readers Digest, Vol 3, Issue 14']));
  });

  it('"246 responses to “title”" is a thread heading', () => {
    const page = `${ARTICLE}246 responses to “Rebels Seize Northern Town”\n\n${posts.map(([u, t], i) => `${u} · ${i + 2} hours ago\n${t}`).join('\n\n')}\n`;
    expect(footers(page)).toEqual(['footer: 246 responses to “Rebels Seize Northern Town”']);
    expect(comments(page)).toEqual(posts.map(([u, t], i) => `comment#${i} ${u} d0 p-: ${t}`));
  });
});

describe('segment: tables with aligned columns, live-chat replays, a printed column of comments, federated handles', () => {
  it('comments printed as a table with aligned columns: each row a comment (the cells before the text its header), the text wrapping at its column, a paragraph break inside; the repeated header row, the page\'s title and number, and the preamble are footers (CRLF)', () => {
    const pad = (t: string, n: number) => t + ' '.repeat(n - t.length);
    const row = ([u, t]: string[], i: number) => `${pad(` ${101 + i}`, 6)}${pad(u!, 18)}${pad(`03/30/16 0${i + 6}:12`, 16)}${pad(String(i * 3).padStart(5), 7)}${t}`;
    const cont = (t: string) => `${' '.repeat(47)}${t}`;
    const head = '#     Author            Posted          Likes  Comment';
    const page = `${ARTICLE2}${' '.repeat(40)}town-comments\n\n${head}\n${row(posts[0] as string[], 0)}\n${cont('It was late.')}\n\n${cont('Nobody saw them.')}\n${row(posts[1] as string[], 1)}\n\n${' '.repeat(50)}Page 1\n\f${' '.repeat(40)}town-comments\n\n${head}\n${row(posts[2] as string[], 2)}\n${row(posts[3] as string[], 3)}\n\n${' '.repeat(50)}Page 2\n`.replace(/\n/g, '\r\n');
    expect(comments(page)).toEqual(posts.map(([u, t], i) => `comment#${i} ${u} d0 p-: ${t}${i === 0 ? `\r\n${cont('It was late.')}\r\n\r\n${cont('Nobody saw them.')}` : ''}`));
    expect(footers(page)).toEqual(['footer: town-comments', `footer: ${head}`, 'footer: Page 1', 'footer: town-comments', `footer: ${head}`, 'footer: Page 2']);
    expect(view(page).filter((v) => v.startsWith('body'))).toEqual(['body: The rebels seized the town on Monday, officials said.', 'body: Fighting continued into the night.']);
  });

  it('a live chat\'s replay: "m:ss | user: text" with the offset below zero or past an hour, a name in capitals, a paid message\'s extra field ("| $5.00 |"); the downloader\'s log lines are footers', () => {
    const stamps = ['-2:31', '0:26', '59:46', '1:01:43'];
    const page = `${ARTICLE2}[INFO] Site: youtube.com\n${posts.map(([u, t], i) => `${stamps[i]} | ${i === 2 ? '$5.00 | ' : ''}${i === 1 ? u!.toUpperCase() : u}: ${t}`).join('\n')}\n[INFO] Finished retrieving chat messages.\n`;
    expect(comments(page)).toEqual(posts.map(([u, t], i) => `comment#${i} ${i === 1 ? u!.toUpperCase() : u} d0 p-: ${t}`));
    expect(footers(page)).toEqual(['footer: [INFO] Site: youtube.com', 'footer: [INFO] Finished retrieving chat messages.']);
  });

  it('a printed column of web comments: the page\'s running head, the "FROM THE WEB" heading and its note over three lines, signatures right-aligned under each text ("—user", the dash no part of the name), paragraphs marked by indents, and the closing invitation', () => {
    const sign = (u: string) => `${' '.repeat(60 - u.length)}—${u}`;
    const page = `${ARTICLE2}A14                 THE TOWN GAZETTE                 THURSDAY, MARCH 31, 2016\n\nFROM THE WEB\nComments posted at TownNews.com on “Rebels Seize Northern\nTown” appear as written, in the order they were\nposted.\n\n${posts.map(([u, t], i) => `   ${t}${i === 1 ? '\n   And the east side.' : ''}\n${sign(u!)}`).join('\n\n')}\n\nJoin the conversation at TownNews.com.\n`;
    expect(comments(page)).toEqual(posts.map(([u, t], i) => `comment#${i} ${u} d0 p-: ${t}${i === 1 ? '\n   And the east side.' : ''}`));
    expect(footers(page)).toEqual(['footer: A14                 THE TOWN GAZETTE                 THURSDAY, MARCH 31, 2016', 'footer: FROM THE WEB', 'footer: Comments posted at TownNews.com on “Rebels Seize Northern', 'footer: Town” appear as written, in the order they were', 'footer: posted.', 'footer: Join the conversation at TownNews.com.']);
  });

  it('a federated handle in a header block names its user ("kestrel_9@lemmy.example" → kestrel_9)', () => {
    const page = `${ARTICLE2}${posts.map(([u, t], i) => `${u!.replace(/ /g, '')}@lemmy.example\n${i + 2} years ago\n${t}\n↑ ${i + 3} ↓ 1 · reply`).join('\n\n')}\n`;
    expect(segmentPage(page).filter(isComment).map((c) => c.author)).toEqual(posts.map(([u]) => u!.replace(/ /g, '')));
  });
});

describe('segment: markup elements, notes exports, signatures of name and time, social replies, YAML records, chat service lines', () => {
  it('comments kept as markup elements: an opening tag naming the writer is the header, closing and enclosing tags are footers', () => {
    const page = `${ARTICLE2}<article id="town-1" url="http://town.example.org/rebels">\n${posts.map(([u, t], i) => `<doc id="c${i}" author="${u}" date="20160330">\n${t}\n</doc>`).join('\n')}\n</article>\n`;
    expect(comments(page)).toEqual(posts.map(([u, t], i) => `comment#${i} ${u} d0 p-: ${t}`));
    expect(footers(page)).toEqual(['footer: <article id="town-1" url="http://town.example.org/rebels">', ...posts.map(() => 'footer: </doc>'), 'footer: </article>']);
  });

  it('a notes export: a "# Comment N" heading over the block of fields, an empty line between, is the header\'s first line; the next heading follows the text directly', () => {
    const page = `${ARTICLE2}${posts.map(([u, t], i) => `# Comment ${i + 1}\n\nAuthor: ${u}\nPosted: March 30, 2016 ${i + 6}:12 AM\nLikes: ${i}\n\n${t}`).join('\n')}\n`;
    expect(comments(page)).toEqual(posts.map(([u, t], i) => `comment#${i} ${u} d0 p-: ${t}`));
    expect(segmentPage(page).filter(isComment).map((c) => c.header!.text.split('\n')[0])).toEqual(posts.map((_, i) => `# Comment ${i + 1}`));
  });

  it('a signature of a name over a time stamp directly under the text, and a masthead paragraph of byline, date and count before the first text', () => {
    const page = `${ARTICLE2}Story by jo_reader\nPublished Mar 31, 2016\n1,657 views\n\n${posts.map(([u, t], i) => `${t}\n${u}\nWed, Mar 30 2016 0${i + 6}:28:09`).join('\n\n')}\n\nMade with Storify\n`;
    expect(comments(page)).toEqual(posts.map(([u, t], i) => `comment#${i} ${u} d0 p-: ${t}`));
    expect(footers(page)).toEqual(expect.arrayContaining(['footer: Story by jo_reader', 'footer: Published Mar 31, 2016', 'footer: 1,657 views', 'footer: Made with Storify']));
  });

  it('replies copied from a social network: name, @handle, "·", date, "Replying to @a and @b" make the header; bare counts after the text are footers, and never open a header', () => {
    const page = `${ARTICLE2}Post your reply\nReply\n${posts.map(([u, t], i) => `${u}\n@${u!.replace(/ /g, '')}\n·\nMar 30, 2016\nReplying to ${i % 2 ? '@kite and ' : ''}@TownNews\n${t}${i === 3 ? '' : `\n${i + 2}${i === 1 ? '\n3' : ''}`}`).join('\n')}\n`;
    expect(comments(page)).toEqual(posts.map(([u, t], i) => `comment#${i} ${u} d0 p-: ${t}`));
    expect(segmentPage(page).filter(isComment).every((c) => /\nReplying to /.test(c.header!.text))).toBe(true);
    expect(footers(page)).toEqual(['footer: Post your reply', 'footer: Reply', 'footer: 2', 'footer: 3', 'footer: 3', 'footer: 4']);
  });

  it('a comment API\'s answer saved as YAML: list items of keys (author, text as a block scalar), replies nested one list level deeper; keys outside the items are footers', () => {
    const item = ([u, t]: string[], i: number, pad: string) => `${pad}- id: ${100 + i}\n${pad}  author: ${u}\n${pad}  posted: 2016-03-30 06:1${i}:00\n${pad}  text: |-\n${pad}    ${t}`;
    const page = `${ARTICLE2}article: Rebels Seize Northern Town\ntotal_comments: 4\ncomments:\n${item(posts[0] as string[], 0, '')}\n  replies:\n${item(posts[1] as string[], 1, '  ')}\n    replies: []\n${item(posts[2] as string[], 2, '')}\n  replies: []\n${item(posts[3] as string[], 3, '')}\n  replies: []\n`;
    expect(comments(page)).toEqual(['comment#0 kestrel_9 d0 p-: The town was quiet.', 'comment#1 Mara Quinn d1 p0: Not where I live.', 'comment#2 kestrel_9 d0 p-: Which part?', 'comment#3 old.timer d0 p-: The north side.']);
    expect(footers(page)).toEqual(expect.arrayContaining(['footer: article: Rebels Seize Northern Town', 'footer: comments:', 'footer: replies:', 'footer: replies: []']));
  });

  it('a chat client\'s service lines in a message\'s shape ("… added user X") and its commands at the prompt are footers', () => {
    const page = `${ARTICLE2}> history Town_Readers 23\n${posts.map(([u, t], i) => `[30 Mar 0${i + 6}:12]  Town_Readers ${u!.replace(/ /g, '_')} >>> ${t}${i === 1 ? `\n[30 Mar 0${i + 6}:20]  Town_Readers jo_admin added user lurker` : ''}`).join('\n')}\n> safe_quit\n`;
    expect(comments(page)).toEqual(posts.map(([u, t], i) => `comment#${i} ${u!.replace(/ /g, '_')} d0 p-: ${t}`));
    expect(footers(page)).toEqual(['footer: > history Town_Readers 23', 'footer: [30 Mar 07:20]  Town_Readers jo_admin added user lurker', 'footer: > safe_quit']);
  });
});

describe('segment: long chat prefixes, issue comments between rules, coding reports, group-chat mastheads', () => {
  it('a chat prefix of up to eight words ("[30 Mar 06:12]  Town News Readers kestrel_9 »»»"): the group\'s name that every prefix starts with is no part of the writer\'s', () => {
    const page = `${ARTICLE2}${posts.map(([u, t], i) => `[30 Mar 0${i + 6}:12]  Town News Readers ${u!.replace(/ /g, '_')} »»» ${t}`).join('\n')}\n`;
    expect(comments(page)).toEqual(posts.map(([u, t], i) => `comment#${i} ${u!.replace(/ /g, '_')} d0 p-: ${t}`));
  });

  it('an issue\'s comments printed by a command-line client: the issue\'s own block of fields and its body are footers (its blocks open with another field), each comment a block of tab-separated fields between "--" rules', () => {
    const page = `${ARTICLE2}title:\tRebels Seize Northern Town\nstate:\tCLOSED\nauthor:\tjo_reader\nlabels:\treader-comments\n--\nReader comments on the story, copied for review.\n--\n${posts.map(([u, t]) => `author:\t${u}\nassociation:\tnone\nedited:\tfalse\n--\n${t}\n--`).join('\n')}\n`;
    expect(comments(page)).toEqual(posts.map(([u, t], i) => `comment#${i} ${u} d0 p-: ${t}`));
    expect(footers(page)).toEqual(expect.arrayContaining(['footer: title:\tRebels Seize Northern Town', 'footer: author:\tjo_reader', 'footer: Reader comments on the story, copied for review.', 'footer: --']));
  });

  it('a coding report: a source\'s path names the writer in its last part ("<Internals\\\\Comments\\\\146 kestrel_9> - § 1 reference coded"); the repeated "Reference 1 - 69.90% Coverage" line alone between blank lines is the report\'s, not a header', () => {
    const page = `${ARTICLE2}Name: Nodes\\\\Articles\\\\Rebels\n\n${posts.map(([u, t], i) => `<Internals\\\\Town comments\\\\${146 + i} ${u!.replace(/ /g, '_')}> - § 1 reference coded  [${60 + i}.90% Coverage]\n\nReference 1 - ${60 + i}.90% Coverage\n\n${t}`).join('\n\n')}\n`;
    expect(comments(page)).toEqual(posts.map(([u, t], i) => `comment#${i} ${u!.replace(/ /g, '_')} d0 p-: ${t}`));
    expect(footers(page).filter((f) => f.startsWith('footer: Reference 1 - ')).length).toBe(4);
  });

  it('a group chat copied with the group\'s name and member count above the first message, each message signed under its text ("user • Mar 30, 6:12 AM")', () => {
    const page = `${ARTICLE2}Town News readers\n13 people\n\n${posts.map(([u, t], i) => `${t}\n${u!.replace(/ /g, '_')} • Mar 30, ${i + 6}:12 AM`).join('\n')}\n`;
    expect(comments(page)).toEqual(posts.map(([u, t], i) => `comment#${i} ${u!.replace(/ /g, '_')} d0 p-: ${t}`));
    expect(footers(page)).toEqual(['footer: Town News readers', 'footer: 13 people']);
  });
});

describe('segment: mbox threads, bar tables, APA references, learning-platform forums, form responses, phone screenshots', () => {
  it('a newsgroup thread saved as mbox: the envelope line opens each header block; a message answers the last id of its References (parent on the page), else starts a thread', () => {
    const msg = ([u, t]: string[], i: number, refs: string[]) => `From ${u!.replace(/ /g, '')}@news.example.org Wed Mar 30 0${i + 6}:19:04 2016\nFrom: ${u} <u${i}@news.example.org>\nNewsgroups: local.town.comments\nSubject: Re: Rebels Seize Northern Town\nDate: Wed, 30 Mar 2016 0${i + 6}:19:04 -0400\nMessage-ID: <c${i}@news.example.org>\nReferences: ${['<story@news.example.org>', ...refs].join(' ')}\nLines: 1\n\n${t}`;
    const page = `${ARTICLE2}${[msg(posts[0] as string[], 0, []), msg(posts[1] as string[], 1, ['<c0@news.example.org>']), msg(posts[2] as string[], 2, ['<c0@news.example.org>', '<c1@news.example.org>']), msg(posts[3] as string[], 3, ['<gone@news.example.org>'])].join('\n\n')}\n`;
    expect(comments(page)).toEqual(['comment#0 kestrel_9 d0 p-: The town was quiet.', 'comment#1 Mara Quinn d1 p0: Not where I live.', 'comment#2 kestrel_9 d2 p1: Which part?', 'comment#3 old.timer d0 p-: The north side.']);
  });

  it('a database shell\'s result drawn with bars: each row a comment, a row of empty cells a paragraph break, the prompt, the header row, its rule and the row count footers', () => {
    const row = ([u, t]: string[], i: number) => ` ${100 + i} | ${u!.padEnd(10)} | ${t}`;
    const page = `${ARTICLE2}town=> SELECT pos, author, body FROM comments;\n pos |   author   |  body\n-----+------------+------------------\n${row(posts[0] as string[], 0)}\n     |            | \n     |            | It was late.\n${posts.slice(1).map((p, i) => row(p as string[], i + 1)).join('\n')}\n(4 rows)\n`;
    expect(comments(page)).toEqual(posts.map(([u, t], i) => `comment#${i} ${u} d0 p-: ${t}${i === 0 ? '\n     |            | \n     |            | It was late.' : ''}`));
    expect(footers(page)).toEqual(['footer: town=> SELECT pos, author, body FROM comments;', 'footer: pos |   author   |  body', 'footer: -----+------------+------------------', 'footer: (4 rows)']);
  });

  it('comments quoted in a study\'s appendix, each closed by its APA reference ("user. (2016, March 30). Re: … [Web log comment]. Retrieved from …"); the appendix\'s heading and note are footers', () => {
    const ref = (u: string) => `${u}. (2016, March 30). Re: Rebels seize northern town [Web log comment]. Retrieved from http://town.example.org/rebels`;
    const page = `${ARTICLE2}Appendix C\nReader comments quoted in Study 2, in the order they were posted\n\n${posts.map(([u, t]) => `${t}\n${ref(u!.replace(/ /g, '_'))}`).join('\n\n')}\n`;
    expect(comments(page)).toEqual(posts.map(([u, t], i) => `comment#${i} ${u!.replace(/ /g, '_')} d0 p-: ${t}`));
    expect(footers(page)).toEqual(['footer: Appendix C', 'footer: Reader comments quoted in Study 2, in the order they were posted']);
  });

  it('a learning platform\'s forum: the breadcrumb trail and display mode are footers, "Average of ratings: …" a widget line above the buttons', () => {
    const page = `${ARTICLE2}Dashboard ► My courses ► JOUR 2150 ► Rebels: reader comments\nDisplay replies flat, with oldest first\n\n${posts.map(([u, t], i) => `Re: Rebels: reader comments\nby ${u} - Wednesday, 30 March 2016, ${i + 6}:06 AM\n${t}\nAverage of ratings: ${i % 2 ? '-' : '3.8 (4)'}\nPermalink | Show parent | Reply`).join('\n\n')}\n`;
    expect(comments(page)).toEqual(posts.map(([u, t], i) => `comment#${i} ${u} d0 p-: ${t}`));
    expect(footers(page).filter((f) => f.startsWith('footer: Average of ratings')).length).toBe(4);
  });

  it('a form\'s responses printed one after another: questions ending in " *" and their answers make the header, the writer the answer about a name, the text under the last question; the form\'s name over each response is a footer', () => {
    const page = `${ARTICLE2}4 responses\n\n${posts.map(([u, t], i) => `Comment coding sheet: rebels\nCoder *\nJE\nCommenter screen name *\n${u}\nTime shown next to the comment *\n3/30/2016 ${i + 6}:30 AM\nComment text (paste exactly) *\n${t}`).join('\n\n')}\n`;
    expect(comments(page)).toEqual(posts.map(([u, t], i) => `comment#${i} ${u} d0 p-: ${t}`));
    expect(footers(page).filter((f) => f === 'footer: Comment coding sheet: rebels').length).toBe(4);
  });

  it.each(['9:08 LTE ◢ 78%', '← Comments', 'Write a comment...', 'III O <', 'Average of ratings: 4 (2)', 'Display replies flat, with oldest first', 'Dashboard ► My courses ► JOUR 2150 ► Week 4'])('phone screenshots\' and learning platforms\' furniture is a widget line: "%s"', (line) => {
    expect(isThreadChrome(line)).toBe(true);
  });
});

describe('segment: writers behind labels, running numbers and page links', () => {
  const handles = posts.map(([u]) => u!.replace(/[ .]/g, '_'));

  it('a review pane\'s labels ("Comment [kestrel_91]: text"): the label every header starts with is no writer, and the comment\'s running number glued to the name is dropped', () => {
    const page = `${ARTICLE2}${posts.map(([, t], i) => `Comment [${handles[i]}${i + 1}]: ${t}`).join('\n\n')}\n`;
    expect(comments(page)).toEqual(posts.map(([, t], i) => `comment#${i} ${handles[i]} d0 p-: ${t}`));
  });

  it('a running number is dropped only when every header\'s name ends in its own number: names that merely end in digits keep them', () => {
    const names = ['kestrel_9', 'reader42', 'kestrel_9', 'old_timer7'];
    const page = `${ARTICLE2}${posts.map(([, t], i) => `Comment [${names[i]}]: ${t}`).join('\n\n')}\n`;
    expect(comments(page)).toEqual(posts.map(([, t], i) => `comment#${i} ${names[i]} d0 p-: ${t}`));
  });

  it('a version-control log: the "Author:" label in a "commit <hash>" / "Author: user <address>" / "Date:" block is no writer; the user is', () => {
    const commit = (u: string, i: number, t: string) => `commit ${String(i).repeat(40)}\nAuthor: ${u} <${u}@comments.example.org>\nDate:   Wed Mar 30 0${i + 6}:12:04 2016 -0400\n\n    ${t}`;
    const page = `${ARTICLE2}${posts.map(([, t], i) => commit(handles[i]!, i, t!)).join('\n\n')}\n`;
    expect(comments(page).map((c) => c.split(':')[0])).toEqual(handles.map((u, i) => `comment#${i} ${u} d0 p-`));
  });

  it('an outliner\'s page: in "- [[user]] on [[Mar 30th, 2016]] at 06:12" the writer is the linked page\'s name, not the whole line; depth by tabs', () => {
    const block = (u: string, i: number, t: string, depth: number) => `${'\t'.repeat(depth)}- [[${u}]] on [[Mar 30th, 2016]] at 0${i + 6}:12\n${'\t'.repeat(depth)}  ${t}`;
    const page = `${ARTICLE2}${posts.map(([, t], i) => block(handles[i]!, i, t!, i === 1 ? 1 : 0)).join('\n')}\n`;
    expect(comments(page)).toEqual(posts.map(([, t], i) => `comment#${i} ${handles[i]} d${i === 1 ? 1 : 0} p${i === 1 ? 0 : '-'}: ${t}`));
  });
});

describe('segment: notebook prints, glued asterisks, bracketed credits', () => {
  const handles = posts.map(([u]) => u!.replace(/[ .]/g, '_'));

  it('a notebook printed from a browser: the address with the page number at its end ("localhost:8888/…ipynb 1/2") and the print date and title atop every page are footers, wherever they fall; so is the cell\'s prompt and its indented code', () => {
    const head = '3/31/2016\ntown-comments';
    const foot = (n: number) => `localhost:8888/notebooks/town-comments.ipynb ${n}/2`;
    const cell = 'In [4]: for r in df.itertuples():\n            print(r.user)\n            print(r.text)';
    const post = (i: number) => `#${20 + i} ${handles[i]} (2016-03-30 0${i + 6}:12:04)\n${posts[i]![1]}`;
    const page = `${ARTICLE2}${head}\n\n${cell}\n\n${post(0)}\n\n${post(1)}\n\n${foot(1)}\n\n${head}\n\n${post(2)}\n\n${post(3)}\n\n${foot(2)}\n`;
    expect(comments(page)).toEqual(posts.map(([, t], i) => `comment#${i} ${handles[i]} d0 p-: ${t}`));
    expect(footers(page)).toEqual(['footer: 3/31/2016', 'footer: town-comments', 'footer: In [4]: for r in df.itertuples():', 'footer: print(r.user)', 'footer: print(r.text)', `footer: ${foot(1)}`, 'footer: 3/31/2016', 'footer: town-comments', `footer: ${foot(2)}`]);
  });

  it('a line ending in a number over a total is no page number unless the same text stands before numbers that count up', () => {
    const rated = (t: string, i: number) => `${t}\n${['Quiet town, I rate it', 'The view, I rate it', 'Parking, I rate it', 'The food, I rate it'][i]} ${i + 1}/4\nThat is all.`;
    const page = `${ARTICLE2}${posts.map(([, t], i) => `${handles[i]} said:\n${rated(t!, i)}`).join('\n\n')}\n`;
    expect(comments(page)).toEqual(posts.map(([, t], i) => `comment#${i} ${handles[i]} d0 p-: ${rated(t!, i)}`));
    expect(footers(page)).toEqual([]);
  });

  it('an asterisk glued to a word ("*crickets", "*sigh*") is a comment\'s text, not a bullet opening a header', () => {
    const block = (u: string, i: number, t: string) => `- [[${u}]] on [[Mar 30th, 2016]] at 0${i + 6}:12\n  ${t}`;
    const texts = ['The town was quiet.', '*crickets', '*sigh* Which part?', 'The north side.'];
    const page = `${ARTICLE2}${texts.map((t, i) => block(handles[i]!, i, t)).join('\n')}\n`;
    expect(comments(page)).toEqual(texts.map((t, i) => `comment#${i} ${handles[i]} d0 p-: ${t}`));
  });
});

describe('segment: dated button rows, numbered labels over signed texts, multilevel list markers', () => {
  const handles = posts.map(([u]) => u!.replace(/[ .]/g, '_'));

  it('a wiki\'s page comments: the name over the text, then a row of buttons ending in the date ("Reply • Edit • Delete • Like • Mar 30, 2016"), which is a footer and no signature', () => {
    const page = `${ARTICLE2}4 Comments\n\n${posts.map(([, t], i) => `${handles[i]}\n${t}\nReply • Edit • Delete • Like • Mar 30, 2016`).join('\n\n')}\n\nWrite a comment...\n`;
    expect(comments(page)).toEqual(posts.map(([, t], i) => `comment#${i} ${handles[i]} d0 p-: ${t}`));
    expect(footers(page).filter((f) => f.startsWith('footer: Reply • Edit')).length).toBe(4);
  });

  it('a numbered label over each text ("Reader comment 1", "Reader comment 2") with the writer signing under it: the labels and the heading above them are footers, the signatures name the writers', () => {
    const page = `${ARTICLE2}What readers said\n${posts.map(([, t], i) => `Reader comment ${i + 1}\n\t${t}\n\t– ${handles[i]}, 30 March 2016`).join('\n')}\n`;
    expect(comments(page)).toEqual(posts.map(([, t], i) => `comment#${i} ${handles[i]} d0 p-: ${t}`));
    expect(footers(page)).toEqual(['footer: What readers said', ...posts.map((_, i) => `footer: Reader comment ${i + 1}`)]);
  });

  it('a widget line between two unsigned texts parts them: no record holds another', () => {
    const page = `${ARTICLE2}${posts.map(([, t], i) => `${t}\n${i === 2 ? 'Reply · Share\nAnd one more thing.\n' : ''}– ${handles[i]}, 30 March 2016`).join('\n\n')}\n`;
    const segs = segmentPage(page).sort((a, b) => a.start - b.start);
    for (let k = 1; k < segs.length; k++) expect(segs[k]!.start).toBeGreaterThanOrEqual(segs[k - 1]!.end);
    expect(comments(page).slice(2, 4)).toEqual(['comment#2 - d0 p-: Which part?', `comment#3 ${handles[2]} d0 p-: And one more thing.`]);
  });

  it('a reply tree numbered as a multilevel list without indentation ("1)", "a)", "i)", "(1)", "(a)"): the marker\'s style is the depth', () => {
    const markers = ['1)', 'a)', 'i)', '(1)', '(a)', '2)'];
    const users = [...handles, 'reader_5', 'reader_6'];
    const texts = ['The town was quiet.', 'Not where I live.', 'Which part?', 'The north side.', 'Since when?', 'A new thread.'];
    const page = `${ARTICLE2}Reply tree of the comment thread\n\n${markers.map((m, i) => `${m}\t${users[i]} (${i + 6}:12 AM)\n${texts[i]}`).join('\n\n')}\n`;
    expect(comments(page)).toEqual(['comment#0 kestrel_9 d0 p-: The town was quiet.', 'comment#1 Mara_Quinn d1 p0: Not where I live.', 'comment#2 kestrel_9 d2 p1: Which part?', 'comment#3 old_timer d3 p2: The north side.', 'comment#4 reader_5 d4 p3: Since when?', 'comment#5 reader_6 d0 p-: A new thread.']);
  });
});

describe('segment: activity feeds, closed-list qualifiers, fields apart by two spaces', () => {
  const handles = posts.map(([u]) => u!.replace(/[ .]/g, '_'));

  it('a task tracker\'s timeline: "user added a comment." over the time stamp is the header; an entry without text ("user awarded a token." and its time) is a footer', () => {
    const entry = (i: number) => `${handles[i]} added a comment.\nMar 30 2016, ${i + 6}:12 AM\n${posts[i]![1]}`;
    const page = `${ARTICLE2}${entry(0)}\n\n${entry(1)}\n\nold_timer awarded a token.\nMar 30 2016, 7:45 AM\n\n${entry(2)}\n\nkestrel_9 subscribed.\nMar 30 2016, 8:45 AM\n\n${entry(3)}\n`;
    expect(comments(page)).toEqual(posts.map(([, t], i) => `comment#${i} ${handles[i]} d0 p-: ${t}`));
    expect(footers(page)).toEqual(['footer: old_timer awarded a token.', 'footer: Mar 30 2016, 7:45 AM', 'footer: kestrel_9 subscribed.', 'footer: Mar 30 2016, 8:45 AM']);
  });

  it('responses headed by the name and a verb from a closed list ("user hates …", "user asks …"), or by the name and a colon, with no empty line between them', () => {
    const verbs = ['hates', 'asks', ':', 'loves'];
    const page = `${ARTICLE2}4 responses\n\n${posts.map(([, t], i) => `${handles[i]}${verbs[i] === ':' ? ':' : ` ${verbs[i]}`} ${t}`).join('\n')}\n`;
    expect(comments(page)).toEqual(posts.map(([, t], i) => `comment#${i} ${handles[i]} d0 p-: ${t}`));
  });

  it('a one-line header of fields set apart by two spaces ("Number: 1  Author: user  Subject: Sticky Note  Date: …"): the author is the field\'s value alone', () => {
    const page = `${ARTICLE2}Summary of Comments on town.pdf\n\nPage: 1\n\n${posts.map(([, t], i) => `Number: ${i + 1}  Author: ${handles[i]}  Subject: Sticky Note  Date: 3/30/2016 ${i + 6}:12:04 AM\n${t}`).join('\n\n')}\n`;
    expect(comments(page)).toEqual(posts.map(([, t], i) => `comment#${i} ${handles[i]} d0 p-: ${t}`));
  });
});

describe('segment: files per comment, quotation sources, section underlines, scores after names', () => {
  const handles = posts.map(([u]) => u!.replace(/[ .]/g, '_'));

  it('grep -H over a folder of one file per comment: "comments/0123-user.txt:text", the writer from the file\'s name; the shell prompts are footers', () => {
    const page = `${ARTICLE2}$ grep -H . comments/*.txt\n${posts.map(([, t], i) => `comments/${String(120 + i).padStart(4, '0')}-${handles[i]}.txt:${t}`).join('\n')}\n$\n`;
    expect(comments(page)).toEqual(posts.map(([, t], i) => `comment#${i} ${handles[i]} d0 p-: ${t}`));
    expect(footers(page)).toEqual(['footer: $ grep -H . comments/*.txt', 'footer: $']);
  });

  it('tail over a folder of one file per comment: "==> comments/0123-user.txt <==" headers name the writer by the file', () => {
    const page = `${ARTICLE2}$ tail -n +1 comments/*.txt\n${posts.map(([, t], i) => `==> comments/${String(120 + i).padStart(4, '0')}-${handles[i]}.txt <==\n${t}`).join('\n\n')}\n$\n`;
    expect(comments(page)).toEqual(posts.map(([, t], i) => `comment#${i} ${handles[i]} d0 p-: ${t}`));
  });

  it('a quotation page: each text with its source line under it ("user, comment on "<headline>", Town News, 30 March 2016"); the wiki\'s "Quotes[edit]" heading is a footer', () => {
    const page = `${ARTICLE2}Quotes[edit]\n\n${posts.map(([, t], i) => `${t}\n${handles[i]}, comment on "Rebels Seize Northern Town", Town News, 30 March 2016`).join('\n\n')}\n`;
    expect(comments(page)).toEqual(posts.map(([, t], i) => `comment#${i} ${handles[i]} d0 p-: ${t}`));
    expect(footers(page)).toEqual(['footer: Quotes[edit]']);
  });

  it('a thread as reStructuredText: each comment a section titled "user (6:12 AM)", the underline\'s mark its depth in the order the marks first appear', () => {
    const marks = ['=', '-', '~', '='];
    const title = (i: number) => `${handles[i]} (${i + 6}:12 AM)`;
    const page = `${ARTICLE2}${posts.map(([, t], i) => `${title(i)}\n${marks[i]!.repeat(title(i).length)}\n\n${t}`).join('\n\n')}\n`;
    expect(comments(page)).toEqual(['comment#0 kestrel_9 d0 p-: The town was quiet.', 'comment#1 Mara_Quinn d1 p0: Not where I live.', 'comment#2 kestrel_9 d2 p1: Which part?', 'comment#3 old_timer d0 p-: The north side.']);
  });

  it('a score in brackets after the name ("user (61) · 9 years ago", a reputation) is no part of the writer', () => {
    const page = `${ARTICLE2}${posts.map(([, t], i) => `${handles[i]} (${40 + i * 7}) · 9 years ago\n${t}\n$0.0${i}  ${i} votes  Reply`).join('\n\n')}\n`;
    expect(comments(page)).toEqual(posts.map(([, t], i) => `comment#${i} ${handles[i]} d0 p-: ${t}`));
  });
});

describe('segment: system logs, depth-numbered subjects, live-blog times, button bars with unknown buttons', () => {
  const handles = posts.map(([u]) => u!.replace(/[ .]/g, '_'));

  it('a system journal: "Mar 30 06:12:04 host collector[2916]: user: text", the process\'s own lines and the journal\'s banner are footers, the user after the process is the writer', () => {
    const page = `${ARTICLE2}-- Logs begin at Wed 2016-03-30 02:12:11 EDT, end at Wed 2016-03-30 12:09:45 EDT. --\nMar 30 06:02:52 newsbox systemd[1]: Started the comment collector.\n${posts.map(([, t], i) => `Mar 30 0${i + 6}:12:04 newsbox collector[2916]: ${handles[i]}: ${t}`).join('\n')}\nMar 30 11:02:52 newsbox systemd[1]: Stopping the comment collector.\n`;
    expect(comments(page)).toEqual(posts.map(([, t], i) => `comment#${i} ${handles[i]} d0 p-: ${t}`));
    expect(footers(page)).toEqual(['footer: -- Logs begin at Wed 2016-03-30 02:12:11 EDT, end at Wed 2016-03-30 12:09:45 EDT. --', 'footer: Mar 30 06:02:52 newsbox systemd[1]: Started the comment collector.', 'footer: Mar 30 11:02:52 newsbox systemd[1]: Stopping the comment collector.']);
  });

  it('a forum that numbers reply levels in the subject ("Re:", "Re^2:", "Re^3:") over a byline with the node\'s links ("by user (Monk) on Mar 30, 2016 at 06:12 UTC ( #1167600=note: print w/replies, xml )")', () => {
    const levels = [1, 2, 3, 1];
    // Texts of a few sentences, as forum posts are: the byline lines are then a small share of the page's lines.
    const long = (t: string, i: number) => `${t} ${'It was like that all week, and nobody on the council said a word about it. '.repeat(i + 1).trim()}\n\nThat is all I know.`;
    const page = `${ARTICLE2}${posts.map(([, t], i) => `${levels[i] === 1 ? 'Re:' : `Re^${levels[i]}:`} Rebels Seize Northern Town\nby ${handles[i]} (Monk) on Mar 30, 2016 at 0${i + 6}:12 UTC ( #11676${i}0=note: print w/replies, xml ) Need Help??\n${long(t!, i)}`).join('\n\n')}\n`;
    expect(comments(page)).toEqual(posts.map(([, t], i) => `comment#${i} ${handles[i]} d${levels[i]! - 1} p${['-', '0', '1', '-'][i]}: ${long(t!, i)}`));
  });

  it('a live blog\'s replay: the time alone above each entry ("8:07" over "Comment From user: text") is the entry\'s header\'s, not a footer', () => {
    const page = `${ARTICLE2}${posts.map(([, t], i) => `${i + 6}:12\nComment From ${handles[i]}: ${t}`).join('\n\n')}\n`;
    expect(comments(page)).toEqual(posts.map(([, t], i) => `comment#${i} ${handles[i]} d0 p-: ${t}`));
    expect(segmentPage(page).filter(isComment).map((c) => c.header!.text.split('\n')[0])).toEqual(posts.map((_, i) => `${i + 6}:12`));
    expect(footers(page)).toEqual([]);
  });

  it('a bar of three buttons or more, most of them known ("Reply » | Report Abuse | Judge it!"), is a widget line; a blog\'s "165 Comments »" heading and its feed links are footers', () => {
    const page = `${ARTICLE2}4 Comments »\n\n${posts.map(([, t], i) => `${handles[i]}\nBrooklyn, NY\n#${41 + i} Mar 30, 2016\n${t}\nReply » | Report Abuse | Judge it!`).join('\n\n')}\n\nRSS feed for comments on this post. TrackBack URL\n`;
    expect(comments(page)).toEqual(posts.map(([, t], i) => `comment#${i} ${handles[i]} d0 p-: ${t}`));
    expect(footers(page)).toEqual(['footer: 4 Comments »', ...posts.map(() => 'footer: Reply » | Report Abuse | Judge it!'), 'footer: RSS feed for comments on this post. TrackBack URL']);
  });
});
