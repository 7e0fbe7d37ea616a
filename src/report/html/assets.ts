import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../core/package-root.js';

/**
 * The report's stylesheet and script, inlined into every page (no network, no CDN). They are
 * plain files under src/report/assets/ so they can be read and edited as CSS and JavaScript;
 * the TypeScript build does not copy them, so they are read from the source tree.
 */
export function reportAssets(): { css: string; js: string } {
  const dir = join(packageRoot(), 'src', 'report', 'assets');
  return { css: readFileSync(join(dir, 'report.css'), 'utf8'), js: readFileSync(join(dir, 'report.js'), 'utf8') };
}
