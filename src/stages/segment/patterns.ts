import { isTagLine, tagWriter } from './markup-elements.js';

/**
 * Cue patterns for page layout. What belongs here: patterns that recognise a *kind of line*
 * on scraped news pages (date lines, captions, source credits, boilerplate footers, comment
 * headers), written for layouts in general, never for one page's text.
 */

/**
 * Answers of a line test by line text, bounded: the segmenter asks about the same lines many times
 * (induction, thread start, the parsers), and the caption and source cue lists are long.
 */
function remembered(test: (line: string) => boolean): (line: string) => boolean {
  const answers = new Map<string, boolean>();
  return (line) => {
    let answer = answers.get(line);
    if (answer === undefined) {
      answer = test(line);
      if (answers.size >= 10_000) answers.clear();
      answers.set(line, answer);
    }
    return answer;
  };
}

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WEEKDAY = '(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?';
// "07.00 EDT" (a full stop between hours and minutes, British style) too.
// A zone as letters ("EDT"), as an offset from UTC ("-0400", RFC 2822; Go's "+0000 UTC"; PostgreSQL's "-04"), or as
// JavaScript prints it ("GMT-0400 (Eastern Daylight Time)").
const CLOCK = '\\d{1,2}[:.]\\d{2}(?::\\d{2})?\\s*(?:[ap]\\.?m\\.?)?(?:\\s*(?:gmt|utc)[+-]\\d{4}(?:\\s+\\([A-Za-z ]{1,40}\\))?|\\s*[a-z]{2,4}|\\s+[+-]\\d{4}(?:\\s+[a-z]{2,5})?|[+-]\\d{2}(?::?\\d{2})?)?';
const DAY = '\\d{1,2}(?:st|nd|rd|th)?';
const YEAR = "(?:\\d{4}|'\\d{2})";
const DATE = [
  `${MONTH}\\.?\\s+${DAY},?\\s+${YEAR}`, // March 3, 2016
  `${MONTH}\\.?,?\\s+${YEAR}`, // MAY 2021
  `\\d{4},\\s+${MONTH}\\.?\\s+${DAY}`, // 2016, June 24 (APA)
  `${DAY}\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+${YEAR}`, // 3 March 2016, 25th of June, 2015
  `${DAY}-${MONTH}-(?:${YEAR}|\\d{2})`, // 30-Mar-2016, 30-Mar-16 (RFC 850)
  `${MONTH}[/-]${DAY}[/-]${YEAR}`, // Mar/30/2016, Mar-30-2016
  `\\d{4}\\s+${MONTH}\\.?\\s+${DAY}`, // 2016 Jun 24
  '\\d{1,2}\\.[ivx]{1,4}\\.\\d{4}', // 7.VII.2016 (the month in Roman numerals)
  `\\d{4}-${MONTH}-\\d{1,2}`, // 2016-Aug-16
  `${MONTH}\\.?\\s+${DAY}`, // March 3
  '\\d{4}-\\d{1,2}-\\d{1,2}', // 2016-03-03, 2016-8-17
  '(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])', // 20160604 (ISO 8601 basic)
  '\\d{4}[./]\\d{1,2}[./]\\d{1,2}(?:\\s*\\((?:mon|tue|wed|thu|fri|sat|sun)\\))?', // 2016/08/17, 2016.08.17, 2016/08/17(Wed)
  '\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}', // 03/03/2016
  '\\d{1,2}-\\d{1,2}-\\d{4}', // 08-16-2016, 25-06-2015
].join('|');
const RELATIVE_TIME = '(?:\\d+|an?|one)\\s+(?:second|sec|minute|min|hour|hr|day|week|wk|month|mo|year|yr)s?\\s+ago|just now|yesterday|today';

/** A line that is only a date, optionally with weekday, time and a "Published:"-like prefix. */
const DATE_LINE = new RegExp(
  // "Updated 6:00 AM ET, Thu July 7, 2016": a time may come before the date too.
  `^(?:(?:published|updated|posted|last updated|date saved|date|saved|exported|streamed live|premiered)(?:\\s+on)?\\s*:?\\s+)?(?:${CLOCK}\\s*[,–—·-]?\\s+)?(?:${WEEKDAY}\\.?,?\\s+(?:the\\s+)?)?(?:${DATE})(?:\\s*(?:[-–—,|·•@]|at)?\\s*${CLOCK})?$` +
    // C's asctime() and Unix date: "Thu Jun 25 06:00:00 2015", "Wed Aug 17 06:00:00 EDT 2016".
    `|^${WEEKDAY}\\s+${MONTH}\\s+\\d{1,2}\\s+\\d{1,2}:\\d{2}:\\d{2}(?:\\s+[a-z]{2,5})?\\s+\\d{4}$` +
    // ISO 8601 with a zone: "2016-06-24T06:00:00-04:00", "2016-06-24T10:00:00Z".
    `|^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?$`,
  'i',
);

/** What may follow a date after a separator: its time, or the page's age ("UPDATED 8 YEARS AGO"). */
const DATE_PART = new RegExp(`^(?:${CLOCK}|(?:(?:updated|posted|published|edited)\\s+)?(?:${RELATIVE_TIME}))$`, 'i');

export function isDateLine(raw: string): boolean {
  // A chat export's day divider drawn with rules: "--------------- Friday, August 12, 2016 ---------------".
  if (raw.length > 200) return false;
  const line = /^[-=─━_]{3,}\s.*\s[-=─━_]{3,}$/.test(raw) ? raw.replace(/^[-=─━_]+\s*|\s*[-=─━_]+$/g, '') : raw;
  if (line.length <= 60 && DATE_LINE.test(line)) return true;
  // "Published: 06:00 EDT, 16 August 2016 | Updated: 09:14 EDT, 16 August 2016": dates joined by bars;
  // "AUGUST 17, 2016 / 6:00 AM / UPDATED 8 YEARS AGO": a date, then its time and the page's age.
  // "Jun 16, 2016 Updated Jun 17, 2016": the date of the update after the first.
  if (line.length > 120 || !/\s[|·•/]\s|\s(?:updated|edited|modified)\b/i.test(line)) return false;
  const parts = line.split(/\s+[|·•/]\s+|\s+(?=(?:updated|edited|modified)\b)/i);
  return parts.length > 1 && DATE_LINE.test(parts[0]!) && parts.every((p) => p.length <= 60 && (DATE_LINE.test(p) || DATE_PART.test(p)));
}

/** Image captions: "Click to see full-size image", "Photo: …", "…, source: @handle", credits. */
const CAPTION_CUES = [
  /^(?:click|tap)\s+(?:here\s+)?(?:to\s+)?(?:see|view|enlarge|open|zoom)\b/i,
  /^(?:photo|image|picture|illustration|file photo|pictured|caption|video|graphic|screenshot|screengrab)s?\s*(?::|by\b|credit\b|source\s*:|courtesy\b|via\b|—|–|-\s)/i,
  // A description ending in its credit: "The Bundestag in Berlin. Photograph: Reuters", "… Photo by AP".
  // The credit may name an agency with initials ("Photo: U.S. Immigration and Customs Enforcement/Handout")
  // or an artwork ("Illustration: U.S. Navy").
  /[.!?]\s+(?:photo|photograph|photographer|foto|image|picture|video|screenshot|screengrab|screen grab|video still|still|illustration|graphic|rendering|artwork)s?(?: rights)?\s*(?::|by\b|(?:posted|shared|uploaded) by\b|credit\b|courtesy\b|via\b)\s*(?:[^.]|\.\d|(?<=\b[A-Z])\.){2,60}$/i,
  /,\s*(?:source|photo|image|credit|via)\s*:\s*\S+$/i,
  // A credit in round or square brackets closing the line: "… (Photo: AP)", "… [Photo: Reuters]".
  /(?:\((?:photo|image|picture|credit|courtesy)s?\s*:[^)]*\)|\[(?:photo|image|picture|credit|courtesy)s?\s*:[^\]]*\])$/i,
  // A credit naming where the picture came from: "… Handout photo from U.S. Immigration and Customs Enforcement".
  /[.!?]\s+(?:handout|file|pool|stock|official|courtesy)\s+(?:photo|image|picture|video)s?\s+(?:from|by|of)\s+.{2,60}$/i,
  // A stock library's or an agency's credit in brackets after the description: "(iStock photo)", "(Shutterstock image)".
  /[.!?]\s+\((?:\p{L}[\p{L}.&-]*\s+){1,3}(?:photo|image|picture|illustration)s?\)$/iu,
  /\b(?:getty images|(?:ap|afp|epa|upi) photo|reuters\/|afp via getty|photo credit|picture alliance)\b/i,
  // Stock images and a copyright credit closing a short line ("An alligator warning sign. © Shutterstock").
  /^stock (?:photo|image|picture)s?\b/i,
  /(?:©|\(c\))\s*[\p{L}][\p{L}\p{N} .&-]{1,40}$/u,
  // A credit in brackets at the end of a short line ("The Confederate battle flag. (Reuters)", "File photo (AP)").
  /\((?:ap|reuters|afp|epa|upi|getty|getty images|bloomberg|xinhua|dpa|ansa|efe|corbis|alamy|shutterstock|istock|istockphoto|zuma|zuma press|sipa|polaris)(?:\s+photos?)?(?:\s*\/[^)]*)?\)$/i,
  // …or in square brackets ("… a statehouse lawn. [AP]"), or after "via" closing the description ("… at sea, via Reuters").
  /\[(?:ap|reuters|afp|epa|upi|getty|getty images|bloomberg|xinhua|dpa|ansa|efe|corbis|alamy|shutterstock|istock|zuma|sipa|polaris)(?:\s+photos?)?\]$/i,
  /[,.]\s+via (?:ap|reuters|afp|epa|upi|getty images|getty|bloomberg|xinhua|dpa|ansa|efe|corbis|alamy|shutterstock|istock)$/i,
  // News agencies open archive captions with "FILE:" or "FILE -" ("FILE: A sign at a grocery store …").
  /^file\s*(?::|[-–—]\s)/i,
  // A credit after the description, or in brackets: ". Credit: AP/File", ". File photo: AP Images",
  // "(Credit: Reuters)", "(stock image: Getty)", "(File photo/AP)".
  /(?:[.!?]\s+|\()(?:credit|file photo|file image|stock (?:photo|image|picture))s?\s*(?:[:/]|\.{3}|…)\s*.{2,40}$/i,
  // An agency's credit for an archive picture: "… in Berlin. EPA-EFE/File", "… Reuters/Pool".
  /[.!?]\s+[A-Z][A-Za-z-]{1,15}\s*\/\s*(?:[Ff]ile|FILE|[Pp]ool|[Hh]andout)$/,
  // A credit of a few capitalised words ending the line: "… ceremony. Official White House Photo".
  /[.!?]\s+(?:\p{Lu}[\p{L}.'’-]*\s+){1,4}(?:(?:file|stock|handout|FILE|STOCK|HANDOUT) )?(?:[Pp]hoto|[Pp]hotograph|[Ii]mage|[Pp]icture|PHOTO|PHOTOGRAPH|IMAGE|PICTURE)S?s?$/u,
  // A credit after a dash or a slash closing the description: "… march. — Associated Press", "… capitol. / AFP", "… Austin. Photo illustration: Getty".
  /[.!?]\s+[—–/]\s+(?:\p{Lu}[\p{L}.'’&-]*\s*){1,4}$/u,
  /[.!?]\s+(?:photo|image) illustration\s*:\s*.{2,40}$/i,
  // An agency's picture credit with a slash ("U.S. Navy photo/Released", "AP Photo/File").
  /\b(?:photo|image)\s*\/\s*(?:released|file|handout|pool)\)?$/i,
  // …or with the agency after the slash, closing a description ("… a resort lake. Photo/Reuters").
  /[.!?]\s+(?:[Pp]hoto|[Ii]mage|[Pp]icture|PHOTO)s?\s*\/\s*\p{Lu}[\p{L}.&'’-]{1,30}(?:\s\p{Lu}[\p{L}.&'’-]{1,30}){0,2}$/u,
];

export const isCaption = remembered((line) => wordCount(line) <= 40 && CAPTION_CUES.some((cue) => cue.test(line)));

/** A credit for the article as a whole: "Source: Zero Hedge", "Originally published by …". */
const SOURCE_LINE = /^(?:source|sources|via|(?:story|article) via|full (?:story|article) (?:at|on)|(?:content )?courtesy of|read more at|reprinted (?:from|with permission from)|republished (?:with permission )?from|read the (?:original|full) (?:article|story) (?:at|on)|content provided by|distributed by|originally (?:published|posted|reported|appeared) (?:by|at|on|in)|first published (?:by|at|on|in)|this (?:article|story|report|piece|column|post|content) (?:was )?(?:originally |first )?(?:appeared|published|ran|reported) (?:on|in|at|by)|(?:story |article )?(?:first |as )?seen (?:on|at|in)|used with permission (?:of|from)|sourced from|clipped from|coded from|originally (?:on|from|at)|imported from|as published (?:by|in|on)|tweeted by|corpus source(?=\s*:)|curated from|compiled from|(?:story|text|reporting) and (?:video|photos?|pictures)(?=\s*:)|(?:found|spotted) via|adapted from|excerpted from|shared from|taken from|original source|story link|link to (?:the )?(?:original(?: story| article)?|story|article|source)|(?:read )?more (?:at|on) (?=\S+\.(?:com|org|net|co\.uk)\b)|reporting by|reported by|h\/t|hat tip(?: to)?|(?:article|story) source|credit(?=\s*:)|(?:link|article|story|url)(?=\s*:\s*(?:https?:\/\/)?[\w-]+(?:\.[\w-]+)+\/?\S*$)|reposted from|syndicated from|cross-?posted from)\b\s*:?\s*\S/i;
/** A credit in brackets ("(Source: FoxNews.com)") or an agency's tag line ("Fox News contributed to this report."). */
const SOURCE_TAGS = [
  /\bis the original publisher\b/i,
  // Free Republic's source line under a posted article: "Fox News ^ | 3/30/2016 | Staff".
  /^[\p{L}][\p{L}\p{N} .&'-]{1,40} \^ \|/u,
  // "From Fox News", "Via The Hill": an outlet's name alone after "from" or "via".
  /^(?:[Ff]rom|[Vv]ia) (?:the )?\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*){0,3}$/u,/^\((?:source|via)\s*:?\s*[^)]+\)$/i, /^[\p{L}][\p{L}\p{N} .&'-]{1,60} contributed to this (?:report|story|article)\.?$/iu,
  // "Article by Fox News": the outlet's name alone after it.
  /^(?:[Aa]rticle|[Ss]tory|[Rr]eport) by (?:the )?\p{Lu}[\p{L}.&'’-]*(?: \p{Lu}[\p{L}.&'’-]*){0,4}$/u,
  // A short credit naming the outlet's site after a preposition: "Online at FoxNews.com", "Pulled from the
  // FoxNews.com feed", "Opinion column from FoxNews.com", "Copied out of foxnews.com".
  /^(?:\p{L}+\s+){0,3}(?:from|at|via|on|out of)\s+(?:the\s+)?[\w-]+\.(?:com|org|net|co\.uk|news)(?:\s+\p{L}+){0,2}\.?$/iu,
  // A label and the outlet's name alone: "Story: Fox News Politics", "Article: Town News".
  /^(?:[Ss]tory|[Aa]rticle|[Rr]eport|[Tt]ext):\s+\p{Lu}[\p{L}.&'’-]*(?:\s+\p{Lu}[\p{L}.&'’-]*){0,4}$/u,
  // An outlet with a note in brackets: "Fox News (original article)", "AP (original story)".
  /^\p{Lu}[\p{L}\p{N} .&'-]{1,40} \((?:original|original (?:article|story|report|source)|source)\)$/u];

export const isSourceLine = remembered((line) => wordCount(line) <= 15 && (SOURCE_LINE.test(line) || SOURCE_TAGS.some((p) => p.test(line))));

/**
 * An activity feed's entry without text: a user and what they did, as one short sentence
 * ("uzurbrain awarded a token.", "dusty911 subscribed.", "StealthF22 changed the task's status.").
 */
export const ACTIVITY_EVENT = /^[\p{L}\p{N}_.-]{2,40} (?:\p{Ll}{2,}ed|made|took|gave|set|left|won|got|put|wrote|began|became)(?: [\p{L}\p{N}#'’-]+){0,5}\.$/u;

/** An interactive interpreter's numbered prompt, as IPython and Jupyter print it: "In [7]: …", "Out[7]:". */
export const INTERPRETER_PROMPT = /^(?:In|Out)\s?\[\d{1,4}\]:(?:\s|$)/;

/** Boilerplate that closes a page or separates the article from the thread. */
const FOOTER_CUES = [
  /\bconsider (?:helping|supporting|donating|a donation)\b/i,
  /\b(?:please\s+)?donate\b/i,
  /\bsupport (?:us|our work|our journalism|independent (?:journalism|media))\b/i,
  /\bbecome an? (?:patron|member|subscriber|supporter)\b/i,
  /\bsubscribe (?:to|now|today)\b/i,
  /\bsign up for (?:our|the)\b.{0,40}\bnewsletters?\b/i,
  /\ball rights reserved\b/i,
  /^(?:©|\(c\)|copyright)\s*\d{4}/i,
  /^share (?:this|on)\b/i,
  /^follow us on\b/i,
  /^(?:related (?:articles?|stories|posts)|read more|more from)\s*:?$/i,
  // Thread notices: closed or archived threads, comment feeds, sign-in prompts, house rules.
  /^(?:the |this )?(?:comments?|thread|discussion)\b.{0,40}\b(?:(?:is|are|has been|have been) (?:now )?(?:closed|archived))\b/i,
  /\bsubscrib\w* to (?:the )?comments? feed\b/i,
  /\b(?:sign in|log in|register)\b.{0,60}\bto (?:comment|join the (?:discussion|conversation)|post|reply)\b/i,
  // A forum thread's info line: "Thread starter barryswallows Start date Jul 7, 2016".
  /^thread starter\s/i,
  /\bcommunity (?:standards|guidelines|rules)\b/i,
  /\bbuy (?:us|me) a coffee\b/i,
  /\bchip in to (?:keep|support|help)\b/i,
  /\bget our\b.{0,30}\b(?:newsletter|briefing)\b/i,
  /^(?:view|load|show|see) (?:more|all|older|newer|previous) (?:comments|replies|answers|reviews|posts)$/i,
  // The forum software's own tail lines: "Powered by vBulletin® Version 4.2.3", "All times are GMT -4."
  /^(?:powered by|made with|created with)\s+\S/i,
  /^all times are (?:gmt|utc)\b/i,
  // Pager and tail lines of comment lists: "Results 1 to 20 of 65", "See all 165 comments".
  /^(?:results|showing|comments|posts|reviews) \d[\d,]*\s*(?:to|-|–)\s*\d[\d,]* of \d[\d,]*$/i,
  /^(?:see|view|show|read) all \d[\d,]* (?:comments|replies|answers|responses|posts)$/i,
  /^(?:sort(?:ed)?|order(?:ed)?)(?: by)?\s*:?\s*(?:best|top|new|newest|oldest|old|controversial|q&a|popular|most \w+)?$/i,
  // Chat widgets: the room's greeting and the message box ("Welcome to the chat room!", "Send a message").
  /^welcome to the (?:chat|chat ?room|stream chat|live chat)\b/i,
  /^(?:send a message|type a message|say something)\.{0,3}$/i,
  // Disclaimers: "Opinion pieces reflect the views of their authors.", "The views expressed … are the writer's own."
  /\b(?:reflect|represent|are) (?:only )?(?:the )?(?:views|opinions) of (?:the |their |its )?(?:authors?|writers?|commenters?)\b/i,
  /^(?:the )?(?:views|opinions) expressed\b.{0,120}\b(?:own|authors?|writers?|users?|readers?|commenters?)\b/i,
  // Comment boxes closed or still to fill: "We are no longer accepting comments on this article.", "Share what you think".
  /^we are no longer accepting (?:comments|replies)\b/i,
  // A rule drawn with one character ("=====", "-----"): decoration, never text.
  /^([-=_~─━═*])\1{9,}$/,
  // Mail clients folding quoted history and long messages: "[Quoted text hidden]", "[Message clipped]".
  /^\[(?:quoted text hidden|message clipped)\](?:\s+view entire message)?$/i,
  // Chat logs' system lines, with or without their time stamp: presence ("(06:20:30 AM) user entered the
  // room.", "user has joined the channel"), the topic, and Pidgin's log header ("Conversation with room@host
  // at Fri 12 Aug 2016 06:00:00 AM EDT on me@host/Desktop (jabber)").
  /^(?:[[(][^\])]{1,30}[\])]\s*)?(?:\*{1,3}\s*)?(?:\S+ (?:entered|left|joined|has (?:joined|left|entered)) (?:the )?(?:room|chat|channel|group|conversation)\b.{0,40}|(?:\S+\s+){0,2}\S+ (?:added|removed|invited|kicked) (?:user )?\S+|the topic for \S+ is:.*|\S+ (?:has )?changed the (?:topic|subject|room name) to\b.*)$/i,
  /^conversation with \S+ at .{5,80}? on \S+(?: \([a-z]+\))?$/i,
  // A mailing list digest's masthead and tail (Mailman): "Send Fox-readers mailing list submissions to",
  // "To subscribe or unsubscribe via the World Wide Web, visit", "You can reach the person managing the
  // list at", "When replying, please edit your Subject line …", "Today's Topics:", "Fox-readers mailing
  // list", "End of Fox-readers Digest, Vol 3, Issue 14".
  /^send \S+ mailing list submissions to$/i,
  /^to subscribe or unsubscribe via the world wide web, visit$/i,
  /^or, via email, send a message with subject or body '?help'? to$/i,
  /^you can reach the person managing the list at$/i,
  /^when replying, please edit your subject line\b/i,
  /^(?:today['’]s topics|table of contents|contents|in this (?:issue|digest)):$/i,
  /^[\w.-]+ mailing list$/i,
  /^end of .{1,60} digest\b.{0,40}$/i,
  // A newspaper page's running head as pdftotext -layout keeps it: the page, the paper's name and the
  // date, spread over the line ("A14        THE EXAMPLE GAZETTE        FRIDAY, JUNE 17, 2016").
  /^(?:[A-Z]?\d{1,3}|page \d{1,3})\s{3,}\S.{0,60}?\s{3,}\S.{0,40}$|^\S.{0,40}?\s{3,}\S.{0,60}?\s{3,}(?:[A-Z]?\d{1,3}|page \d{1,3})$/i,
  // An invitation closing a printed selection of comments: "Join the conversation at FoxNews.com."
  /^join the (?:conversation|discussion)\b.{1,60}$/i,
  // A database shell's row count under a result: "(20 rows)".
  /^\(\d[\d,]* rows?\)$/,
  // A chat client's commands at its prompt ("> history Fox_News_Talk 23", "> safe_quit").
  /^> (?:safe_quit|quit|exit|logout|history \S+(?: \d+)?|dialog_list|contact_list)$/,
  // A command-line tool's log lines around what it saved ("[INFO] Finished retrieving chat messages.").
  /^\[(?:info|warn|warning|error|debug|notice)\]\s/i,
  // A database shell's prompt with its command ("sqlite> .mode line", "mysql> SELECT …"): a session
  // saved with the rows it printed.
  /^(?:sqlite|mysql|mariadb|duckdb)>\s?\S/i,
  // psql's prompt: "foxcomments=> SELECT …", "db=# \\x".
  /^[a-z_][\w-]*=[>#]\s?\S/i,
  // A blog's feed links under the comments ("RSS feed for comments on this post. TrackBack URL").
  /^rss feed for comments on this (?:post|entry|article)\.?(?:\s+trackback uri|\s+trackback url)?$/i,
  // A system journal's banner ("-- Logs begin at Thu 2016-07-07 02:12:11 EDT, end at … --", "-- Reboot --").
  /^-- (?:logs begin at .{5,120}|reboot|no entries) --$/i,
  // A wiki's section heading with its edit link ("Quotes[edit]", "Comments [edit source]").
  /^\p{Lu}[\p{L} '’-]{0,40}\s?\[edit(?: source)?\]$/u,
  // A shell's prompt with the command that printed the comments ("$ grep -H . comments/*.txt"), or alone at the end.
  /^\$(?: [a-z][\w.-]*(?: .{0,200})?)?$/,
  // A notebook's or IPython's cell prompt with its code ("In [7]: for r in df.itertuples():", "Out[7]:"):
  // the program that printed the comments, printed with them. (Its indented lines: line-context.ts.)
  INTERPRETER_PROMPT,
  // System lines of chat exports and Q&A sites: WhatsApp's encryption notice, Stack Exchange's tail.
  /\bmessages and calls are end-to-end encrypted\b/i,
  /^not the answer you['’]re looking for\?/i,
  // A chat export's first line: "[LINE] Chat history in Fox News readers", "Chat history with …".
  /^(?:\[[^\]]{1,20}\]\s*)?(?:\p{L}+\s+)?chats? (?:history )?(?:in|with|of)\b/iu,
  // Chat exporters' header and tail: "Guild: …", "Channel: …", "Topic: …", "Exported 20 message(s)".
  /^(?:guild|server|channel|topic):\s/i,
  /^exported \d[\d,]* messages?(?:\(s\))?$/i,
  // Comment notification e-mails: "A new comment on the post "…" is waiting for your approval",
  // "Approve it: https://…", "Currently 2 comments are waiting for approval. Please visit the moderation panel:".
  /^a new comment on the post\b.{0,200}\b(?:is waiting for your approval|has been posted)\b/i,
  /^(?:approve|trash|spam|delete|edit|reply to) it:\s/i,
  /^currently \d+ comments? (?:is|are) waiting for approval\b/i,
  // Newsletter platforms' tails: "Ready for more?" / "Subscribe".
  /^ready for more\?$/i,
  /^subscribe$/i,
  /^share what you think$/i,
  // Pagers and generated-by lines: "Page 1 of 9", "This page was generated in about 0.012s by Fossil 2.10".
  /^page \d+ of \d+$/i,
  /^(?:first\s+)?(?:\d+-\d+,?\s+){2,}(?:\d+-\d+)?\s*(?:next)?\s*(?:last)?$/i,
  /^navigation:\s/i,
  /^this page was generated in\b/i,
  // Mailing-list tails: "You received this message because you are subscribed to the Google Groups …".
  /^to unsubscribe from this group\b/i,
  // Notes of a readers' comments round-up: "A selection of reader comments on this article, as
  // submitted.", "To send us a comment for publication, use the form on our Contact page."
  /^(?:a )?selection of (?:readers?['’]? |reader )?(?:comments|letters|responses)\b/i,
  /^to (?:send|submit) (?:us )?(?:a |your )?(?:comment|letter|tip|correction)s?\b/i,
  // "Like this story? Share it with a friend."
  /\bshare (?:it|this(?: story| article)?) with (?:a friend|friends|your friends)\b/i,
  /^(?:comments? (?:are|is) closed|(?:leave|post|write|add) (?:a )?(?:reply|comment)|you must be logged in to post a comment)(?:\.|\.{3}|…)?$/i,
];

/** Notices that may run long (up to 80 words): disclaimers and mailing-list tails. */
const LONG_NOTICES = [/^disclaimer:\s/i, /^you received this message because you are subscribed\b/i];

export const isFooter = remembered((raw) => {
  const line = renderedMarkdown(raw);
  const words = wordCount(line);
  // A markup tag alone on its line is the document's structure, unless it opens a comment (markup-elements.ts).
  return (words <= 30 && FOOTER_CUES.some((cue) => cue.test(line))) || (words <= 80 && LONG_NOTICES.some((cue) => cue.test(line))) || (isTagLine(line) && tagWriter(line) === null);
});

/**
 * Words of the buttons and links comment widgets print around each comment ("Reply • Share ›",
 * "Like · Reply · 2y", "permalink embed save report reply", "Load more comments").
 */
const CHROME_WORDS = new Set([
  'reply', 'replies', 'share', 'report', 'flag', 'like', 'likes', 'unlike', 'upvote', 'downvote', 'vote', 'up', 'down', 'permalink', 'embed', 'save',
  'edit', 'edited', 'delete', 'quote', 'quotes', 'follow', 'load', 'more', 'show', 'hide', 'view', 'views', 'see', 'comments', 'comment', 'all', 'previous', 'older', 'newer',
  'recommend', 'recommended', 'repost', 'reposts', 'post', 'private', 'to', 'award', 'retweet', 'retweets', 'bookmark', 'bookmarks', 'dislike', 'dislikes', 'thread', 'parent', 'link', 'context', 'review',
]);
const CHROME_KEYS = new Set(['award', 'recommend', 'reply', 'share', 'report', 'flag', 'like', 'likes', 'upvote', 'downvote', 'permalink', 'load', 'replies', 'reposts', 'retweets']);

/**
 * Widget lines that are sentences: review and answer sites print "Was this comment helpful? Yes No
 * Funny", "6 people found this comment helpful", "Share Improve this answer Follow".
 */
const CHROME_SENTENCES = [
  // Sort and view controls of a comment list, mail archives' message buttons and counts.
  /^(?:(?:newest|oldest|best rated|worst rated|most liked|best|top|new|old)\s*){2,}$/i,
  /^(?:best|newest|oldest|controversial|search comments)$/i,
  /^(?:reply to author|reply all|forward)$/i,
  /^skip to (?:first unread message|the first unread|main content)$/i,
  /^\d[\d,]* views?$/i,
  /^(?:most relevant|most recent|newest first|oldest first|all comments|top comments)$/i,
  // Tabs over a comment list: "All 65", "Reader Picks", "NYT Picks".
  /^all \d[\d,]*$/i,
  /^(?:readers?['’]?|nyt|editors?['’]?|staff|top|featured|guardian) picks?$/i,
  /^(?:restacks?|\{reactions\}|\{attachments\}|\{embed\})$/i,
  // Fidonet's origin line closing each echomail message: " * Origin: Prairie Node (2:5059/783)".
  /^\*\s+origin:\s.{1,80}\(\d+:\d+\/\d+(?:\.\d+)?\)$/i,
  /^(?:was|is) this (?:comment|review|answer|post|reply) (?:helpful|useful)\??(?:\s+(?:yes|no|funny|report abuse|report))*$/i,
  /^\d[\d,]* (?:people|persons?|users?|members?) found this (?:comment|review|answer|post|reply) (?:helpful|useful|funny)$/i,
  /^share(?:\s+improve this (?:answer|question|post))?(?:\s+follow)?$/i,
  // A conversation's message count ("20 messages").
  /^\d[\d,]* (?:messages?|posts?)$/i,
  // A count of reactions on its own line: "28 Thanks", "3 likes", "1 upvote".
  /^\d[\d,]* (?:thanks|likes?|upvotes?|hearts?|reactions?|agrees?)$/i,
  // X's composer and its hidden replies: "Post your reply", "Show additional replies, including those that may contain offensive content".
  /^post your reply$/i,
  /^show (?:additional|more) replies\b.{0,80}$/i,
  // A screen reader entering and leaving a list: "list  with 20 items", "out of list".
  /^list\s+with \d+ items?$/i,
  /^out of list$/i,
  // A comment list's pager: "Comment navigation", "← Older Comments", "Newer Comments →", "« Previous 1 … 12 13 Next »".
  /^[«‹]?\s*previous(?:\s+(?:\d+|…|\.\.\.))+\s+next\s*[»›]?$/i,
  // A learning platform's forum lines: "Average of ratings: 3.8 (4)", "Display replies flat, with oldest first".
  /^average of ratings:\s*(?:-|\d+(?:\.\d+)? \(\d+\))$/i,
  /^display replies (?:flat|in threaded form|in nested form)\b.{0,30}$/i,
  // A breadcrumb trail: "Dashboard ► My courses ► JOUR 2150 ► Week 4 ► …" (three parts or more).
  /^[^►›»]{1,60}(?:\s[►›»]\s[^►›»]{1,80}){2,}$/,
  // A phone screenshot read back by OCR: the status bar ("9:08 LTE ◢ 78%"), the screen's title with its
  // back arrow ("← Comments"), the composer's placeholder ("Write a comment...") and the navigation bar ("III O <").
  /^\d{1,2}:\d{2}(?:\s+\S{1,6}){0,4}\s+\d{1,3}%$/,
  /^[←‹<]\s*(?:comments?|replies|discussion|thread)$/i,
  /^(?:write|add|post|leave) (?:a )?(?:comment|reply)(?:\.{3}|…)$/i,
  /^(?:III|\|\|\||≡)\s+[O○◯□]\s+[<◁‹]$/,
  // A group chat's member count ("13 people").
  /^\d[\d,]* (?:people|members|participants)$/i,
  /^(?:comments?|posts?) navigation$/i,
  /^[←«‹]?\s*(?:older|newer|previous|next) (?:comments|posts|entries)\s*[→»›]?$/i,
];

/** A line of widget buttons: only button words, separators, counts and short ages ("2y", "3h"). */
export const isThreadChrome = remembered((line) => chromeLine(line));

/**
 * A line as it reads once Markdown is rendered: links and images become their text ("[Reply](http…)"
 * → "Reply"), bold and underline marks around words go ("**vigilanteman**" → "vigilanteman"). Pages
 * saved by converters and note apps keep the Markdown.
 */
export function renderedMarkdown(line: string): string {
  if (!/[[*_#]/.test(line)) return line;
  return line
    .replace(/!?\[([^\]\n]*)\]\([^)\s]*\)/g, '$1')
    .replace(/\*\*(?=\S)([^*\n]+?)\*\*/g, '$1')
    .replace(/__(?=\S)([^_\n]+?)__/g, '$1')
    // A heading's marks ("### Leave a Reply"); "#12 user" is a comment number, not a heading.
    .replace(/^#{1,6}\s+(?=\D)/, '');
}

/**
 * A line without the role a screen reader announces before it: NVDA's speech log prints "button  Reply",
 * "heading  level 2  122 Comments", "link  Jul 7, 2016" (the role, two spaces, the element's text).
 */
export function withoutSpokenRole(line: string): string {
  return /^(?:button|link|heading|list item|clickable|graphic)\s/i.test(line) ? line.replace(/^(?:button|link|heading(?:\s+level\s+\d)?|list item|clickable|graphic)\s{2,}(?=\S)/i, '') : line;
}

function chromeLine(raw: string): boolean {
  // A date printed against its button ("2016-8-17Reply", copied from an app) is a date and a button.
  const line = withoutSpokenRole(renderedMarkdown(raw)).replace(/(\d)(?=(?:reply|like|share|report)\b)/gi, '$1 ');
  if (CHROME_SENTENCES.some((p) => p.test(line))) return true;
  // A row of buttons that ends in the comment's date ("Reply • Edit • Delete • Like • Mar 30, 2016").
  const dated = /^(.+?)\s+[•·|]\s+([^•·|]+)$/.exec(line);
  if (dated && isDateLine(dated[2]!) && chromeLine(dated[1]!)) return true;
  // A bar of three buttons or more, most of them known, one or two not ("Reply » | Report Abuse | Judge it!").
  const buttons = line.split(/\s+[|•·]\s+/);
  if (buttons.length >= 3 && buttons.every((b) => b.split(/\s+/).length <= 3 && !/[.?]$/.test(b)) && buttons.filter((b) => CHROME_KEYS.has(b.toLowerCase().split(/[\s»›]+/)[0]!)).length * 2 >= buttons.length) return true;
  const words = line.toLowerCase().split(/[\s•·|›‹»«()\[\]]+|\/(?!\d)|(?<!\d)\//).filter(Boolean);
  if (words.length === 0 || words.length > 8) return false;
  // Icons ("👍", "♥") are neither letters nor digits; a numeric date ("2016-8-17", "8/17/16") is the widget's too.
  return words.some((w) => CHROME_KEYS.has(w)) && words.every((w) => CHROME_WORDS.has(w) || /^\d+[smhdwyk]?$/.test(w) || /^[^\p{L}\p{N}]+$/u.test(w) || /^\d{1,4}([-/.])\d{1,2}\1\d{1,4}$/.test(w));
}

/** "Comments", "42 Comments", "Reader comments (12)", "Join the discussion", "From the mailbag": the thread starts here. */
const COMMENTS_HEADING = new RegExp(
  '^(?:\\d[\\d,]*\\s+)?(?:(?:all |top |recent |latest |newest |oldest |readers?\'? )?comments?|responses?|replies|answers?|reader comments|(?:recommended |top |all |community )?reviews|discussion|join the (?:discussion|conversation)|discussion about this (?:post|article|story)|(?:the )?conversation|(?:live |stream |video )chat|chat room|what readers (?:say|said)|from the web|online comments|web comments|responses? to\\s+.{1,200}|(?:from the |this week\'s )?mailbag|reader mail|(?:your |readers\' )?letters(?: to the editor)?|readers (?:write|respond)|thoughts on\\s+.{1,200})' +
    // "42 comments | Leave a comment", "Comments (12)"
    // "165 Comments »" (WordPress Classic, the link to the list)
    '(?:\\s*\\(\\d+\\))?(?:\\s*[|·•]\\s*(?:leave|add|post) a (?:comment|reply))?\\s*(?::|[»›])?$',
  'i',
);

/** A site's or a chat's name before "reader comments": "Fox News reader comments", "Guardian readers' comments". */
const NAMED_COMMENTS_HEADING = /^(?:\p{Lu}[\p{L}.&'’-]*\s+){1,3}[Rr]eaders?['’]?\s+[Cc]omments$/u;

export function isCommentsHeading(raw: string): boolean {
  const line = withoutSpokenRole(raw);
  return COMMENTS_HEADING.test(line) || NAMED_COMMENTS_HEADING.test(line);
}

/** Headline-like: Title Case, no sentence punctuation at the end, 3–25 words. */
const MINOR_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'nor', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'onto', 'to', 'with', 'amid', 'over', 'than', 'vs', 'via', 'up', 'out', 'off', 'per']);

export function isHeadline(line: string): boolean {
  if (/[.!?:;,…]$/.test(line)) return false;
  const words = line.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length < 3 || words.length > 25) return false;
  const major = words.filter((w) => !MINOR_WORDS.has(w.toLowerCase()));
  const capitalised = major.filter((w) => /^[^\p{L}]*[\p{Lu}\d]/u.test(w));
  return major.length > 0 && capitalised.length / major.length >= 0.85;
}

export function wordCount(line: string): number {
  // Runs of non-space characters, counted without building an array (asked for every line, often).
  let words = 0;
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    const space = code <= 32 || (code > 127 && /\s/.test(line[i]!));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** Words that may stand lowercase inside a person's display name ("Lux et Veritas", "Ali al Sistani"). */
const NAME_PARTICLES = new Set(['et', 'de', 'del', 'della', 'der', 'den', 'di', 'da', 'do', 'dos', 'du', 'la', 'le', 'van', 'von', 'al', 'el', 'bin', 'ibn', 'of', 'the', 'y', 'and', 'in']);

/**
 * Could this short line be a commenter's display name? Names are short, have no sentence
 * punctuation at the end, and each word is capitalised, a particle, or handle-like.
 */
export function isNameLike(line: string, maxWords = 5): boolean {
  if (line.length === 0 || line.length > 50) return false;
  if (/[.!?…,;:"“”'’]$/.test(line) || /^["“'‘(\[]/.test(line)) return false;
  if (/https?:\/\/|www\./i.test(line)) return false;
  const words = line.split(/\s+/);
  if (words.length > maxWords) return false;
  if (!/\p{L}/u.test(line)) return false;
  if (words.length === 1) return true; // handles: "mobuyus", "gr8rambino", "Norman_In_New_York"
  return words.every((w) => /^[^\p{L}\d]*[\p{Lu}\d]/u.test(w) || NAME_PARTICLES.has(w.toLowerCase()) || /[\d_@]/.test(w) || /^[=&+\-–—()|]+$/.test(w));
}

/** Display names in headers allow a little more than bare name lines ("Assad must stay (gr8rambino)"). */
export function isHeaderName(name: string): boolean {
  return name.length > 0 && name.length <= 60 && name.split(/\s+/).length <= 7 && !/[.!?]$/.test(name);
}

// An activity feed's entry for a comment: "woetothegutless added a comment." (a task tracker's timeline).
const SAYS = '(?:says|said|wrote|writes|commented|comments|replied|replies|posted|(?:added|left|posted) an? (?:comment|reply|response)\\.?)';

/** "1. Name says:", "12) Name wrote", "1. Name:" */
const NUMBERED_HEADER = new RegExp(`^(\\d{1,4})[.)]\\s+(.+?)(?:\\s+${SAYS}\\s*:?|\\s*:)$`, 'i');
/** "Name says:", "Name wrote:" with no number. */
const SAYS_HEADER = new RegExp(`^(.+?)\\s+${SAYS}\\s*:?$`, 'i');
/** "Name · 3 hours ago", "Name | March 3, 2016 at 5:12 pm", "Name on March 3, 2016 at 5:12 pm" */
const TIMESTAMP_HEADER = new RegExp(`^(.+?)\\s*(?:[·•|–—-]|\\bon\\b)\\s*(?:${RELATIVE_TIME}|(?:${WEEKDAY},?\\s+)?(?:${DATE})(?:\\s*(?:[-–—,|·•]|at)?\\s*${CLOCK})?)\\s*:?$`, 'i');
const WHEN = `(?:${RELATIVE_TIME}|(?:${WEEKDAY},?\\s+)?(?:${DATE})(?:\\s*(?:[-–—,|·•]|at)?\\s*${CLOCK})?)`;
/** Old-Reddit style: "[–] username 12 points 3 hours ago" (the score may be negative or hidden). */
const POINTS_HEADER = new RegExp(`^\\[[–+-]\\]\\s+(\\S+)\\s+(?:-?\\d+\\s+points?|\\[score hidden\\])\\s+${WHEN}(?:\\s*\\(\\d+ child(?:ren)?\\))?$`, 'i');
/** Words that label the text after them when written alone with a colon ("Update:", "P.S.:"). */
export const TEXT_LABELS = new Set([
  'update', 'updated', 'edit', 'edited', 'note', 'nb', 'ps', 'p.s.', 'pps', 'source', 'sources', 'example', 'examples', 'summary', 'quote', 'answer',
  'question', 'correction', 'disclaimer', 'warning', 'fact', 'facts', 'reason', 'reasons', 'proof', 'evidence', 'hint', 'tip', 'btw', 'fyi', 'tldr', 'tl;dr',
  'conclusion', 'result', 'results', 'first', 'second', 'third', 'finally', 'also', 'and', 'but', 'so', 'yes', 'no', 'well', 'ok', 'wow', 'lol', 'hey', 'hi', 'hello',
  'answer', 'reply', 'response', 'links', 'link', 'see', 'read', 'watch', 'listen', 'here', 'this', 'that', 'these', 'those', 'them', 'why', 'how', 'what', 'who',
]);
/** Chat style: a one-word handle and a colon alone on the line ("puleeze:"). */
const HANDLE_COLON_HEADER = /^([^\s:]{2,40}):$/;
/** E-mail style replies: "On Jun 4, 2016, at 9:43 PM, Name wrote:". */
/**
 * A forum's byline under the post's subject, with the node's links after the time: "by cricket23
 * (Scribe) on Aug 17, 2016 at 12:20 UTC ( #1167600=note: print w/replies, xml ) Need Help??".
 */
const BYLINE_HEADER = new RegExp(`^by\\s+([\\p{L}\\p{N}_.-]{2,40})(?:\\s+\\([^)]{1,30}\\))?\\s+on\\s+${WHEN}(?:\\s+\\S.{0,120})?$`, 'iu');
const EMAIL_HEADER = new RegExp(`^on\\s+.*\\d.*,\\s*(.+?)\\s+${SAYS}\\s*:?$`, 'i');
/** An age or date anywhere in a line, for the general header shape below. */
const WHEN_IN_LINE = new RegExp(WHEN, 'i');
/** Words a comment widget prints around the name and the age ("| parent | next [–]", "(edited)", "Comment #12 by … on"). */
const HEADER_FILLER = /^(?:points?|by|on|at|posted|answered|asked|comment|edited|\(edited\)|parent|next|prev|root|link|\[[–+-]\]|#\d+|\d+|[^\p{L}\p{N}]+)$/iu;

/**
 * The general shape of a widget header: a display name, then an age or a date, with only
 * widget words around them ("user 3 hours ago | parent | next [–]", "@user 3 years ago
 * (edited)", "Display Name @handle · Jun 4", "Comment #12 by user on June 4, 2016 at 9:43 pm").
 * Returns the display name, or null.
 */
function widgetHeaderName(content: string): string | null {
  if (content.length > 120 || /[.!?]$/.test(content)) return null;
  const when = WHEN_IN_LINE.exec(content);
  if (!when || when.index === 0) return null;
  const after = content.slice(when.index + when[0].length).split(/\s+/).filter(Boolean);
  if (!after.every((w) => HEADER_FILLER.test(w))) return null;
  const before = content.slice(0, when.index).split(/\s+/).filter(Boolean);
  // Widget words before the name ("Comment #12 by") and between the name and the age ("on", "·").
  while (before.length > 0 && HEADER_FILLER.test(before[0]!)) before.shift();
  while (before.length > 0 && HEADER_FILLER.test(before[before.length - 1]!)) before.pop();
  // "@user" is the user; "Display Name @handle" shows the display name.
  if (before.length > 1 && /^@\w/.test(before[before.length - 1]!)) before.pop();
  const name = before.join(' ').replace(/^@(?=\w)/, '');
  return name !== '' && isNameLike(name, 4) ? name : null;
}

/** Tree drawing before a name ("├─ ", "│  └─ "): decoration, like a bullet. */
const TREE_PREFIX = /^(?:[│┃|]\s*)*[├└┣┗`+][─━-]+\s*/;

/** A "Re: subject" line, which forums print above the post's author line. */
// Slashdot prints the subject without a space: "Re:Navy names ship …".
// "Re:", and the depth-numbered "Re^2:" of threads that count the replies' levels (PerlMonks).
export const SUBJECT_LINE = /^re(?:\^\d{1,2})?:\s?\S/i;

/** The reply level a subject line counts ("Re^3:" is two levels below "Re:"), 0 for any other. */
export function subjectDepth(content: string): number {
  const m = /^re\^(\d{1,2}):/i.exec(content);
  return m ? Math.max(0, Number(m[1]) - 1) : 0;
}

/**
 * A chat's reply reference, printed above the reply and quoting what it answers ("Replying to
 * @TheWhiteDevil: The good ship Lollypop?", "In reply to mikekley"): part of the reply's header.
 */
/** A forum's addressee line above a reply's text, a name alone after "To:" ("To: Sierra415"). */
export const ADDRESSEE_LINE = /^to:\s*@?[\p{L}\p{N}_][\p{L}\p{N}_.-]*(?: [\p{L}\p{N}_][\p{L}\p{N}_.-]*){0,2}$/iu;

export const REPLY_REFERENCE = /^(?:replying to|in reply to|reply to)\s+@?[\p{L}\p{N}_][\p{L}\p{N}_.-]*(?:\s*:|$)/iu;
const LEADING_MARK = /^(?:[•·▪◦‣●○■□►▶➤*]|[-–—](?=\s))\s*/;
/**
 * A list bullet and the rest of the line. Dashes and asterisks only count when followed by a space:
 * "*crickets", "*sigh*" are a comment's words (an action, an emphasis), as Markdown reads them.
 */
const BULLET = /^([•·▪◦‣●○■□►▶➤]|[-–—*](?=\s))\s*(.*)$/;

export interface HeaderMatch {
  /** The display name as shown, or null (a bullet whose line carries the comment itself). */
  author: string | null;
  /** How the header was recognised (for tests and debugging). */
  form: 'numbered' | 'says' | 'timestamp' | 'bullet';
  /** For bullets: offset within the trimmed line where the rest of the line starts. */
  restOffset: number;
  rest: string;
  /** Width of tree drawing before the name ("│  └─ "): the reply's depth is read at the name. */
  treeWidth?: number;
}

/** "Display Name @handle" is shown by the display name; "user (42)" by the name without its score (Steemit's reputation). */
const displayName = (name: string) => name.replace(/(\S)\s+@\w+$/, '$1').replace(/(\S)\s+\(\d{1,3}\)$/, '$1');

/** Recognises a comment header from the trimmed line content alone (layout context comes later). */
export function matchHeader(content: string): HeaderMatch | null {
  let m = NUMBERED_HEADER.exec(content);
  if (m && isHeaderName(m[2]!)) return { author: m[2]!, form: 'numbered', restOffset: content.length, rest: '' };
  // A leading bullet or dash before "Name says:" / "Name · 3 hours ago" is decoration, not part of the name.
  const undecorated = content.replace(LEADING_MARK, '');
  m = SAYS_HEADER.exec(undecorated);
  if (m && isHeaderName(m[1]!) && isNameLike(m[1]!, 7)) return { author: m[1]!, form: 'says', restOffset: content.length, rest: '' };
  m = TIMESTAMP_HEADER.exec(undecorated);
  if (m && isNameLike(displayName(m[1]!.trim()), 5)) return { author: displayName(m[1]!.trim()), form: 'timestamp', restOffset: content.length, rest: '' };
  // The points-and-age shape is specific enough to take any handle, "[deleted]" included.
  m = POINTS_HEADER.exec(content);
  if (m) return { author: m[1]!, form: 'timestamp', restOffset: content.length, rest: '' };
  m = content.length <= 240 ? BYLINE_HEADER.exec(content) : null;
  if (m) return { author: m[1]!, form: 'timestamp', restOffset: content.length, rest: '' };
  m = EMAIL_HEADER.exec(content);
  if (m && isNameLike(m[1]!.trim(), 4)) return { author: m[1]!.trim(), form: 'says', restOffset: content.length, rest: '' };
  const widgetName = widgetHeaderName(undecorated);
  if (widgetName !== null) return { author: widgetName, form: 'timestamp', restOffset: content.length, rest: '' };
  const tree = TREE_PREFIX.exec(content);
  m = HANDLE_COLON_HEADER.exec(tree ? content.slice(tree[0].length) : content);
  // A label with a colon ("Update:", "Note:") introduces text; all capitals ("BAGHDAD:") is the
  // place line of a news story. Any other single word is a handle, dictionary word or not ("harmony:").
  if (m && !TEXT_LABELS.has(m[1]!.toLowerCase()) && /[\p{Ll}\d]/u.test(m[1]!) && /\p{L}/u.test(m[1]!) && !isDateLine(m[1]!)) {
    return { author: m[1]!, form: 'says', restOffset: content.length, rest: '', treeWidth: tree ? tree[0].length : 0 };
  }
  m = BULLET.exec(content);
  if (m) {
    const rest = m[2]!;
    return { author: null, form: 'bullet', restOffset: content.length - rest.length, rest };
  }
  return null;
}
