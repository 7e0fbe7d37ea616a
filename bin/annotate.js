#!/usr/bin/env node
// Entry point for `npx annotate`: runs the compiled CLI (built by `npm install` via "prepare").
import { existsSync } from 'node:fs';

const entry = new URL('../dist/src/bin.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('annotate: not built yet; run `npm install` (or `npm run build`) in the annotate folder first\n');
  process.exit(2);
}
await import(entry.href);
