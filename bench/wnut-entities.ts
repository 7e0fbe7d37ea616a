/**
 * The entities stage on text its gazetteers were not written from: the WNUT-17 emerging-entities
 * set (tweets, Reddit, YouTube and Stack Exchange comments; CC-BY 4.0, ../shared/datasets/wnut17),
 * next to compromise's .people() / .places() / .organizations() on the same texts.
 *
 * Each WNUT text becomes one comment segment of a document (its tokens joined by single spaces,
 * so that every gold token keeps exact offsets); the tokenize and entities stages of the default
 * pipeline run on it as they would on a page. Classes are compared coarsely, strict spans:
 *   WNUT person → PER ← our PERSON
 *   WNUT location → LOC ← our COUNTRY and PLACE
 *   WNUT corporation, group → ORG ← our ORG
 * WNUT's product and creative-work mentions and our DEMONYM mentions have no counterpart and are
 * left out on both sides.
 *
 *   npm run build && node dist/bench/wnut-entities.js [conll file] (default: the test split)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import { compilePipeline } from '../src/core/compiled-pipeline.js';
import { documentFromText } from '../src/core/document.js';
import { packageRoot } from '../src/core/package-root.js';
import { parsePipeline } from '../src/core/pipeline.js';
import type { SpanRecord } from '../src/core/record.js';
import { prf } from '../src/eval/prf.js';

const root = packageRoot();
const file = process.argv[2] ?? join(root, '..', 'shared', 'datasets', 'wnut17', 'emerging.test.annotated');
/** Texts per document: enough for the entities stage's within-document linking to matter as on a page. */
const TEXTS_PER_DOC = 40;

type Coarse = 'PER' | 'LOC' | 'ORG';
const FROM_WNUT: Record<string, Coarse> = { person: 'PER', location: 'LOC', corporation: 'ORG', group: 'ORG' };
const FROM_OURS: Record<string, Coarse> = { PERSON: 'PER', COUNTRY: 'LOC', PLACE: 'LOC', ORG: 'ORG' };
const CLASSES: Coarse[] = ['PER', 'LOC', 'ORG'];

interface Mention {
  doc: string;
  start: number;
  end: number;
  cls: Coarse;
}

/** WNUT texts as token/tag pairs (one token per line, texts separated by blank lines). */
function readConll(path: string): { tokens: string[]; tags: string[] }[] {
  return readFileSync(path, 'utf8')
    .split(/\n\s*\n/)
    .map((block) => block.split('\n').filter((l) => l.trim() !== '').map((l) => l.split('\t')))
    .filter((rows) => rows.length > 0)
    .map((rows) => ({ tokens: rows.map((r) => r[0]!), tags: rows.map((r) => (r[1] ?? 'O').trim()) }));
}

const texts = readConll(file);
const gold: Mention[] = [];
const docs: { id: string; text: string; segments: SpanRecord[] }[] = [];
for (let first = 0; first < texts.length; first += TEXTS_PER_DOC) {
  const id = `wnut-${String(first / TEXTS_PER_DOC).padStart(3, '0')}`;
  let text = 'WNUT-17 texts\n\n';
  const segments: SpanRecord[] = [];
  texts.slice(first, first + TEXTS_PER_DOC).forEach(({ tokens, tags }, k) => {
    const segStart = text.length;
    let open: Mention | null = null;
    tokens.forEach((token, t) => {
      if (t > 0) text += ' ';
      const start = text.length;
      text += token;
      const [bio, type] = tags[t]!.split('-') as [string, string | undefined];
      const cls = type ? FROM_WNUT[type] : undefined;
      if (bio === 'I' && open) open.end = text.length;
      else {
        if (open) gold.push(open);
        open = bio === 'B' && cls ? { doc: id, start, end: text.length, cls } : null;
      }
    });
    if (open) gold.push(open);
    segments.push({ doc: id, start: segStart, end: text.length, text: text.slice(segStart), kind: 'comment', index: k, author: null, depth: 0, parent: null, header: null });
    text += '\n\n';
  });
  docs.push({ id, text, segments });
}

const pipeline = parsePipeline(readFileSync(join(root, 'pipelines', 'default.json'), 'utf8'), 'pipelines/default.json');
const compiled = await compilePipeline({ ...pipeline, baseDir: root });
const step = (id: string) => compiled.steps.find((s) => s.step.id === id)!.annotate;
const ours: Mention[] = [];
const baseline: Mention[] = [];
for (const { id, text, segments } of docs) {
  const doc = documentFromText(id, text);
  const tokens = step('tokenize')(doc, new Map([['segment', segments]]));
  for (const r of step('entities')(doc, new Map([['segment', segments], ['tokenize', tokens]]))) {
    const cls = FROM_OURS[r.label as string];
    if (cls) ours.push({ doc: id, start: r.start, end: r.end, cls });
  }
  for (const s of segments) {
    const view = nlp(s.text);
    const add = (found: { offset: { start: number; length: number } }[], cls: Coarse) => {
      for (const f of found) {
        const start = s.start + f.offset.start;
        // compromise keeps trailing punctuation and possessives in some spans; trim them as the stage does.
        const trimmed = text.slice(start, start + f.offset.length).replace(/(?:\s?['’]s)?[\s.,;:!?"“”’')]*$/u, '');
        if (trimmed) baseline.push({ doc: id, start, end: start + trimmed.length, cls });
      }
    };
    add(view.people().json({ offset: true }) as never, 'PER');
    add(view.places().json({ offset: true }) as never, 'LOC');
    add(view.organizations().json({ offset: true }) as never, 'ORG');
  }
}

const key = (m: Mention) => `${m.doc}:${m.start}:${m.end}:${m.cls}`;
function score(pred: readonly Mention[], cls?: Coarse) {
  const g = new Set(gold.filter((m) => !cls || m.cls === cls).map(key));
  const p = new Set(pred.filter((m) => !cls || m.cls === cls).map(key));
  const tp = [...p].filter((k) => g.has(k)).length;
  return prf(tp, p.size - tp, g.size - tp);
}
const f = (v: number) => v.toFixed(3);
console.log(`WNUT-17 ${file.split('/').pop()}: ${texts.length} texts, ${gold.length} gold mentions (PER ${gold.filter((m) => m.cls === 'PER').length}, LOC ${gold.filter((m) => m.cls === 'LOC').length}, ORG ${gold.filter((m) => m.cls === 'ORG').length}); strict spans`);
console.log('class   annotate P / R / F1      compromise P / R / F1');
for (const cls of [...CLASSES, undefined]) {
  const a = score(ours, cls);
  const b = score(baseline, cls);
  console.log(`${(cls ?? 'micro').padEnd(7)} ${f(a.precision)} / ${f(a.recall)} / ${f(a.f1)}    ${f(b.precision)} / ${f(b.recall)} / ${f(b.f1)}`);
}
// WNUT_ERRORS=1 (or a class: PER, LOC, ORG) lists the most frequent false alarms.
if (process.env.WNUT_ERRORS) {
  const g = new Set(gold.map(key));
  const textOf = (m: Mention) => docs.find((d) => d.id === m.doc)!.text.slice(m.start, m.end);
  const only = process.env.WNUT_ERRORS;
  const fp = ours.filter((m) => !g.has(key(m)) && (only === '1' || m.cls === only));
  const counts = new Map<string, number>();
  for (const m of fp) counts.set(`${m.cls} ${textOf(m)}`, (counts.get(`${m.cls} ${textOf(m)}`) ?? 0) + 1);
  console.log([...counts].sort((a, b) => b[1] - a[1]).slice(0, 60).map(([t, n]) => `${n} ${t}`).join('\n'));
}
// WNUT_MISSES=<class> lists gold mentions of that class the stage missed.
if (process.env.WNUT_MISSES) {
  const p = new Set(ours.map(key));
  const textOf = (m: Mention) => docs.find((d) => d.id === m.doc)!.text.slice(m.start, m.end);
  console.log(gold.filter((m) => !p.has(key(m)) && m.cls === process.env.WNUT_MISSES).slice(0, 80).map(textOf).join(' | '));
}
