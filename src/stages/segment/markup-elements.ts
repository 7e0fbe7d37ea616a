/**
 * Comments kept as markup elements, one per comment, a tag alone on its line around each text: a
 * corpus tool's input (`<doc id="c141" author="Bernstein" date="20160604">` … `</doc>`, inside an
 * `<article …>` element), an XML export seen as text. An opening tag with an attribute naming the
 * writer is the comment's header; every other tag line (closing tags, the enclosing elements) is a
 * footer.
 */

/** A tag alone on its line: "<doc id="c141" author="Bernstein">", "</doc>", "<article url='…'>", "<br/>". */
const TAG_LINE = /^<\/?[A-Za-z][\w:.-]*(?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*\/?>$/;
/** An attribute naming the writer. */
const WRITER_ATTRIBUTE = /\s(?:author|user|username|user_name|screen_name|author_name|by)\s*=\s*(?:"([^"]*)"|'([^']*)')/i;

/** Whether the line is a markup tag alone. */
export function isTagLine(content: string): boolean {
  return content.startsWith('<') && content.endsWith('>') && TAG_LINE.test(content);
}

/** The writer an opening tag names ("<doc … author="Bernstein">" → Bernstein), or null (no tag, a closing tag, no writer). */
export function tagWriter(content: string): string | null {
  if (!isTagLine(content) || content.startsWith('</')) return null;
  const m = WRITER_ATTRIBUTE.exec(content);
  const writer = (m?.[1] ?? m?.[2] ?? '').trim();
  return writer === '' ? null : writer;
}
