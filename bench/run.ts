/**
 * `npm run bench`: throughput and memory of the pipeline against the plain libraries, in one
 * run on one machine. Corpus: seeds/ and the held-out pages, repeated to ~2 MB. Figures are
 * documents/s, MB/s (UTF-8 bytes) and tokens/s; memory is the peak RSS seen while it ran.
 * Benchmarks report; they never fail on speed (tests never assert wall time).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import nlpCompromise from 'compromise';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { annotateDocument, compilePipeline } from '../src/core/compiled-pipeline.js';
import { documentFromText } from '../src/core/document.js';
import { resolveInputs } from '../src/core/inputs.js';
import { packageRoot } from '../src/core/package-root.js';
import { loadPipeline } from '../src/core/pipeline.js';
import { runBatch } from '../src/core/runner.js';
import { unitsOf } from '../src/gazetteer/units.js';
import { gazetteerScale } from './gazetteer-scale.js';

const root = packageRoot();
const dirs = ['seeds', 'tests/heldout/pages', 'tests/heldout-b/pages'];
const pages = dirs.flatMap((d) =>
  readdirSync(join(root, d))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(root, d, f), 'utf8').replace(/^\ufeff/, '')),
);
const targetBytes = Number(process.env.BENCH_MB ?? 1) * 1e6;
const corpus: string[] = [];
let bytes = 0;
while (bytes < targetBytes) {
  for (const p of pages) {
    corpus.push(p);
    bytes += Buffer.byteLength(p);
  }
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
const mb = (n: number) => (n / 1e6).toFixed(1);

interface Row {
  name: string;
  seconds: number;
  tokens: number;
}
const rows: Row[] = [];
function time(name: string, fn: () => number) {
  const started = process.hrtime.bigint();
  const tokens = fn();
  rows.push({ name, seconds: Number(process.hrtime.bigint() - started) / 1e9, tokens });
}

const pipeline = loadPipeline(join(root, 'pipelines/default.json'));
const compiled = await compilePipeline(pipeline);
const docs = corpus.map((text, i) => documentFromText(`d${i}`, text));

const light = await compilePipeline({ ...pipeline, steps: pipeline.steps.filter((s) => s.id === 'segment' || s.id === 'tokenize') });
time('annotate segment + tokenize', () => {
  let tokens = 0;
  for (const doc of docs) for (const s of annotateDocument(light, doc).get('tokenize')!) tokens += (s.tokens as unknown[]).length;
  return tokens;
});
time('annotate default pipeline (segment, tokenize, entities, claims)', () => {
  let tokens = 0;
  for (const doc of docs) for (const s of annotateDocument(compiled, doc).get('tokenize')!) tokens += (s.tokens as unknown[]).length;
  return tokens;
});
const wink = winkNLP(model);
time('plain wink-nlp readDoc + tokens (one shared instance)', () => {
  let tokens = 0;
  for (const text of corpus) tokens += wink.readDoc(text).tokens().length();
  return tokens;
});
time('plain compromise nlp(text).terms()', () => {
  let tokens = 0;
  for (const text of corpus) tokens += nlpCompromise(text).terms().length;
  return tokens;
});

console.log(`corpus: ${corpus.length} documents, ${mb(bytes)} MB (UTF-8), ${pages.length} distinct pages repeated\n`);
console.log('| run | documents/s | MB/s | tokens/s | tokens |');
console.log('|---|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.name} | ${(corpus.length / r.seconds).toFixed(0)} | ${(bytes / 1e6 / r.seconds).toFixed(2)} | ${(r.tokens / r.seconds).toFixed(0)} | ${r.tokens} |`);
}

// Gazetteer size: compile time, and matching time over the corpus's sentences.
const allSentences = docs.flatMap((doc) => annotateDocument(compiled, doc).get('tokenize')!.map((s) => (s.tokens as { start: number; end: number }[]).flatMap((t) => unitsOf(doc.text, t.start, t.end))));
console.log(`\n| synthetic gazetteer | names | compile ms | match ms (${allSentences.length} sentences) | names found |`);
console.log('|---:|---:|---:|---:|---:|');
for (const r of gazetteerScale(allSentences)) console.log(`| ${r.entries} entries | ${r.names} | ${r.compileMs.toFixed(0)} | ${r.matchMs.toFixed(0)} | ${r.found} |`);

// Streaming: the batch runner's memory must not grow with the number of documents.
async function batchPeak(n: number, threads = 1): Promise<{ rss: number; heap: number; seconds: number }> {
  const dir = join(tmpdir(), `annotate-bench-${process.pid}-${n}-${threads}`);
  mkdirSync(join(dir, 'in'), { recursive: true });
  for (let i = 0; i < n; i++) writeFileSync(join(dir, 'in', `p${String(i).padStart(6, '0')}.txt`), pages[i % pages.length]!);
  const inputs = await resolveInputs([join(dir, 'in')]);
  global.gc?.();
  peakRss = process.memoryUsage().rss;
  const summary = await runBatch(compiled, inputs, { outDir: join(dir, 'out'), concurrency: 4, threads, maxBytes: 4e6 });
  const rss = peakRss;
  global.gc?.();
  const heap = process.memoryUsage().heapUsed;
  rmSync(dir, { recursive: true, force: true });
  return { rss, heap, seconds: summary.seconds };
}
// Peak RSS mostly shows when V8 chose to collect; the live heap after a collection shows growth.
// With --threads the threads' heaps are their own: the live heap column is the main thread's.
console.log('\n| batch run (annotate run, concurrency 4) | documents/s | peak RSS MB | live heap after GC MB (main thread) |');
console.log('|---|---:|---:|---:|');
for (const [n, threads] of [[100, 1], [1000, 1], [1000, 2]] as const) {
  const { rss, heap, seconds } = await batchPeak(n, threads);
  console.log(`| ${n} documents${threads > 1 ? `, --threads ${threads}` : ''} | ${(n / seconds).toFixed(1)} | ${mb(rss)} | ${mb(heap)} |`);
}
const capacity = await parallelCapacity();
console.log(`\nthis machine runs two threads of a pure CPU loop at ${capacity.toFixed(2)}x the speed of one (the ceiling for --threads 2 here)`);
clearInterval(sampler);

/** Work done per second by two busy threads over one: what the machine's cores really give. */
async function parallelCapacity(): Promise<number> {
  const loop = 'let x = 0; for (let i = 0; i < 2e8; i++) x += i % 7; require("node:worker_threads").parentPort?.postMessage(x);';
  const timed = async (threads: number) => {
    const started = performance.now();
    await Promise.all(Array.from({ length: threads }, () => new Promise((resolve) => new Worker(loop, { eval: true }).once('message', resolve))));
    return performance.now() - started;
  };
  const one = await timed(1);
  const two = await timed(2);
  return (2 * one) / two;
}
console.log(`\npeak RSS over the whole benchmark: ${mb(peakRss)} MB; node ${process.version}`);
