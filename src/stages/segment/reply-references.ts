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
  if (comments.length === 0 || comments.some((c) => c.depth !== 0 || c.header === null)) return false;
  const numbers = comments.map((c) => {
    const m = POST_NUMBER.exec(c.header!.text);
    return m ? Number(m[1] ?? m[2] ?? m[3]) : null;
  });
  if (numbers.some((n) => n === null)) return false;
  const byNumber = new Map<number, CommentSegment>();
  let changed = false;
  comments.forEach((c, k) => {
    const ref = REPLY_TO.exec(c.header!.text);
    const parent = ref ? byNumber.get(Number(ref[1])) : undefined;
    if (parent !== undefined) {
      c.parent = parent.index;
      c.depth = parent.depth + 1;
      changed = true;
    }
    byNumber.set(numbers[k]!, c);
  });
  return changed;
}
