import { existsSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { UsageError } from '../core/errors.js';
import type { DocumentEntry } from '../core/manifest.js';
import type { ManifestView } from './manifest-file.js';

const portable = (path: string) => relative(process.cwd(), resolve(path)).split(sep).join('/');

/**
 * The manifest entry a DOC argument names: a document id (`000_09eb5265a6b7dbef`), the page's
 * path (`seeds/000_09eb5265a6b7dbef.txt`, as tab completion gives it) or an unambiguous
 * beginning of an id (`000`).
 */
export function findDocument(manifest: ManifestView, query: string): DocumentEntry {
  const docs = manifest.documents;
  const bare = query.replace(/\.txt$/, '');
  const exact = docs.find((d) => d.doc === query || d.doc === bare || d.path === portable(query));
  if (exact) return exact;
  const prefixed = docs.filter((d) => d.doc.startsWith(bare));
  if (prefixed.length === 1) return prefixed[0]!;
  if (prefixed.length > 1) {
    throw new UsageError(`"${query}" matches ${prefixed.length} documents of ${manifest.file} (${list(prefixed)}); give more of the id`);
  }
  if (existsSync(query)) {
    throw new UsageError(`${query} is not among the documents of ${manifest.file}; annotate it first with \`annotate run ${query}\` (or the folder it is in)`);
  }
  throw new UsageError(`no document "${query}" in ${manifest.file}; its documents are: ${list(docs) || 'none'}`);
}

function list(docs: readonly DocumentEntry[]): string {
  const names = docs.slice(0, 8).map((d) => d.doc);
  return names.join(', ') + (docs.length > 8 ? `, … (${docs.length} in all)` : '');
}
