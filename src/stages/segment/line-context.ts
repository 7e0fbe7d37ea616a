import { inducedBlockAt, inducedHeader, type InducedLayout } from './induce.js';
import { inlineHeaderAt } from './inline.js';
import type { Line } from './lines.js';
import { ACTIVITY_EVENT, INTERPRETER_PROMPT, isDateLine, isFooter, isThreadChrome, matchHeader, wordCount } from './patterns.js';
import { nextNonBlank } from './thread-parts.js';

/**
 * Lines of a thread that read as what they are only beside their neighbours: a day divider above a
 * header, a tear line above an origin line, a quote's "user said:" under a header, the reactions
 * under "{Reactions}". Used by classifyThreadLine (thread.ts).
 */

/**
 * A date alone on its line right above a learnt header: a chat's day divider ("2016/08/18(Thu)",
 * "Thursday, March 31st" between Slack messages), not a comment's text.
 */
export function isDayDivider(lines: readonly Line[], i: number, induced?: InducedLayout): boolean {
  const below = nextNonBlank(lines, i);
  if (induced === undefined || below === undefined) return false;
  return (induced.inline?.side === 'start' && inlineHeaderAt(induced.inline, below) !== undefined) || inducedHeader(induced, below) !== undefined;
}

/** A mail reader's tear line ("--- Blue Wave/DOS v2.30") right above an origin line, which the patterns know as a button line. */
export function isTearLine(lines: readonly Line[], i: number): boolean {
  const below = lines[i + 1];
  return /^---(?:\s|$)/.test(lines[i]!.content) && below !== undefined && !below.blank && /^\*\s+origin:/i.test(below.content) && isThreadChrome(below.content);
}

/**
 * "woetothegutless said:" right under a header block, no blank line between: the reply opens with
 * the post it quotes (forum software prints the quoted writer's name with "said:"), so the line
 * is the text's, not a header of its own.
 */
export function quotesUnderHeader(lines: readonly Line[], i: number, induced: InducedLayout): boolean {
  if (!/\b(?:said|wrote)\s*:$/i.test(lines[i]!.content)) return false;
  for (let start = Math.max(0, i - 7); start < i; start++) if (start + inducedBlockAt(induced, lines, start) === i) return true;
  return false;
}

/** A chat export's label over the reactions to a message. */
const REACTION_LABEL = /^(?:\{reactions\}|reactions:)$/i;

/** Whether any line of the array is a reactions label; found once per array of lines. */
const reactionLabels = new WeakMap<readonly Line[], boolean>();
function hasReactionLabel(lines: readonly Line[]): boolean {
  let found = reactionLabels.get(lines);
  if (found === undefined) {
    found = lines.some((l) => REACTION_LABEL.test(l.content));
    reactionLabels.set(lines, found);
  }
  return found;
}

/** The reactions under a chat export's "{Reactions}" or "Reactions:" line ("facepalm ❓ ✅ (7)", "Loved by user"): short lines, no sentences. */
export function isReactionLine(lines: readonly Line[], i: number): boolean {
  // Asked for every line of a thread, and most pages have no label at all.
  if (!hasReactionLabel(lines)) return false;
  // The lines right under the label, no blank line between ("Reactions:" / "Loved by user" / "Disliked by user").
  for (let j = i - 1; j >= 0 && j >= i - 12 && !lines[j]!.blank; j--) {
    const line = lines[j + 1]!.content;
    if (wordCount(line) > 12 || /[.!?]$/.test(line)) return false;
    if (REACTION_LABEL.test(lines[j]!.content)) return true;
  }
  return false;
}


/** A link alone on its line right under a boilerplate line ("Please visit the moderation panel:" / "https://…"). */
export function isLinkUnderFooter(lines: readonly Line[], i: number): boolean {
  if (!LINK_OR_ADDRESS.test(lines[i]!.content)) return false;
  // Links and addresses stacked under one boilerplate line ("Fox-readers mailing list" / the list's
  // address / its web page) all belong to it.
  let j = i - 1;
  while (j >= 0 && !lines[j]!.blank && LINK_OR_ADDRESS.test(lines[j]!.content)) j--;
  return j >= 0 && !lines[j]!.blank && isFooter(lines[j]!.content);
}

/**
 * A line of code under an interpreter's prompt: indented deeper than the prompt, in its paragraph
 * ("In [7]: for r in df.itertuples():" / "            print(r.text)"). The prompt is chrome
 * (patterns.ts); so is the rest of the cell it opens.
 */
export function isCodeUnderPrompt(lines: readonly Line[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && !lines[j]!.blank && !INTERPRETER_PROMPT.test(lines[j]!.content)) j--;
  return j >= 0 && !lines[j]!.blank && lines[i]!.indent > lines[j]!.indent && lines.slice(j + 1, i + 1).every((l) => l.indent > lines[j]!.indent);
}

/**
 * An activity feed's entry that carries no text, or its time stamp: "uzurbrain awarded a token." over
 * "Jun 24 2016, 10:45 AM" and an empty line. (Entries with text, "user added a comment.", are headers.)
 */
export function isActivityEntry(lines: readonly Line[], i: number): boolean {
  const event = (k: number) => {
    const line = lines[k];
    const date = lines[k + 1];
    const after = lines[k + 2];
    return line !== undefined && line.content.endsWith('.') && ACTIVITY_EVENT.test(line.content) && matchHeader(line.content) === null && date !== undefined && isDateLine(date.content) && (after === undefined || after.blank);
  };
  // (event(i - 1) is the entry above this line, its time stamp.)
  return event(i) || event(i - 1);
}

/** A section title's underline in reStructuredText (and Markdown's Setext): one punctuation mark, repeated. */
const UNDERLINE = /^([=\-~^'"`:.*+#_])\1{2,}$/;

const underlineRanks = new WeakMap<readonly Line[], Map<string, number>>();

/**
 * The level a title's underline gives it, where a page marks sections by underlines alone (a thread
 * converted to reStructuredText, each comment a section titled "user (9:45 AM)"): as in
 * reStructuredText, the marks rank in the order they first appear ("=" 0, then "-" 1, "~" 2 …).
 * Undefined when the line below the title is no underline as long as the title.
 */
export function underlineLevel(lines: readonly Line[], i: number): number | undefined {
  const below = lines[i + 1];
  const mark = below === undefined ? undefined : UNDERLINE.exec(below.content)?.[1];
  if (mark === undefined || below!.content.length < lines[i]!.content.length) return undefined;
  let ranks = underlineRanks.get(lines);
  if (ranks === undefined) {
    ranks = new Map();
    for (let k = 1; k < lines.length; k++) {
      const m = UNDERLINE.exec(lines[k]!.content);
      if (m && !lines[k - 1]!.blank && !UNDERLINE.test(lines[k - 1]!.content) && !ranks.has(m[1]!)) ranks.set(m[1]!, ranks.size);
    }
    underlineRanks.set(lines, ranks);
  }
  return ranks.get(mark);
}

/** A web address or an e-mail address alone on its line. */
const LINK_OR_ADDRESS = /^(?:(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)$/i;

/** A table of contents' entry: "   1. Re: States moving to restore work requirements for food stamp". */
const CONTENTS_ENTRY = /^\d{1,3}\.\s+\S/;
/** The label over a table of contents. */
const CONTENTS_LABEL = /^(?:today['’]s topics|table of contents|contents|in this (?:issue|digest)):?$/i;

/** Lines of the page's tables of contents (entries and their folded lines), found once per array of lines. */
const contentsLines = new WeakMap<readonly Line[], Set<number>>();

/**
 * Whether line `i` is an entry of a table of contents, or the folded rest of one: the numbered lines
 * under a label such as "Today's Topics:" (a mail digest lists its messages so; at most one blank line
 * between the label and the list), which would otherwise read as numbered comment headers.
 */
export function isContentsEntry(lines: readonly Line[], i: number): boolean {
  let found = contentsLines.get(lines);
  if (found === undefined) {
    found = new Set();
    for (let j = 0; j < lines.length; j++) {
      if (lines[j]!.blank || !CONTENTS_LABEL.test(lines[j]!.content)) continue;
      let k = j + 1;
      if (k < lines.length && lines[k]!.blank) k++;
      for (; k < lines.length && !lines[k]!.blank; k++) {
        const entry = CONTENTS_ENTRY.test(lines[k]!.content);
        if (!entry && !(found.has(k - 1) && lines[k]!.indent > lines[k - 1]!.indent)) break;
        found.add(k);
      }
    }
    contentsLines.set(lines, found);
  }
  return found.has(i);
}
