import type { CommentSegment } from './types.js';

/**
 * Nesting written as references between numbered posts: forums that print a flat list number
 * each post and name the post a reply answers ("(8) By steveinarizona on 2016-08-17 09:40:15 in
 * reply to 7 [link]"). Indentation says nothing there, so the reference gives the parent.
 */

/** The post's own number at the start of its header: "(8) By …", "#8 user", "8. user". */
const POST_NUMBER = /^(?:\((\d{1,5})\)|#(\d{1,5})\b|(\d{1,5})\.\s)/;
/** The post a reply answers: "in reply to 7", "in reply to #7", "reply to post 7". */
const REPLY_TO = /\b(?:in )?reply to (?:post |comment )?#?(\d{1,5})\b/i;

/**
 * Sets parent and depth from reply references, in place, when the thread is flat by indentation
 * (every comment at depth 0), at least one header refers to an earlier post by number and every
 * header carries its own number. Returns whether it changed anything.
 */
export function nestByReplyReferences(comments: CommentSegment[]): boolean {
  return nestByKeys(
    comments,
    (header) => {
      const m = POST_NUMBER.exec(header);
      return m ? String(Number(m[1] ?? m[2] ?? m[3])) : null;
    },
    (header) => {
      const ref = REPLY_TO.exec(header)?.[1];
      return ref === undefined ? undefined : String(Number(ref));
    },
  );
}

/**
 * Sets parent and depth in place where every header names its own post (`own`) and some name the
 * post they answer (`answered`), on a thread that is flat by indentation. Returns whether anything changed.
 */
function nestByKeys(comments: CommentSegment[], own: (header: string) => string | null, answered: (header: string) => string | undefined): boolean {
  if (comments.length === 0 || comments.some((c) => c.depth !== 0 || c.header === null)) return false;
  const keys = comments.map((c) => own(c.header!.text));
  if (keys.some((k) => k === null)) return false;
  const byKey = new Map<string, CommentSegment>();
  let changed = false;
  comments.forEach((c, k) => {
    const ref = answered(c.header!.text);
    const parent = ref === undefined ? undefined : byKey.get(ref);
    if (parent !== undefined) {
      c.parent = parent.index;
      c.depth = parent.depth + 1;
      changed = true;
    }
    byKey.set(keys[k]!, c);
  });
  return changed;
}

/** A message's own id and the ids it answers, as mail and news headers print them. */
const MESSAGE_ID = /^message-id:\s*(<[^>\s]+>)/im;
const REFERENCES = /^(?:references|in-reply-to):\s*((?:<[^>\s]+>\s*)+)$/gim;

/**
 * Sets parent and depth from message ids, in place, when the thread is flat by indentation and
 * every header carries a `Message-ID:` (a newsgroup or mailing list saved as mbox): a message
 * answers the last id of its `References:` (or its `In-Reply-To:`); when that message is on the
 * page it is the parent, else the message starts a thread of its own. Returns whether it changed anything.
 */
export function nestByMessageIds(comments: CommentSegment[]): boolean {
  return nestByKeys(
    comments,
    (header) => MESSAGE_ID.exec(header)?.[1] ?? null,
    (header) => [...header.matchAll(REFERENCES)].flatMap((m) => m[1]!.match(/<[^>\s]+>/g) ?? []).at(-1),
  );
}
