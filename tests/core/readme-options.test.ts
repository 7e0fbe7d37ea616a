import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allStages } from '../../src/core/registry.js';
import { ROOT } from '../helpers.js';

/** The README's stage-options table: one row per stage option, `| \`stage\` | \`option\` | default | meaning |`. */
function documentedOptions(): Map<string, { option: string; default: string }[]> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const rows = new Map<string, { option: string; default: string }[]>();
  for (const m of readme.matchAll(/^\| `(\w+)` \| `(\w+)` \| ([^|]*) \|/gm)) {
    if (!rows.has(m[1]!)) rows.set(m[1]!, []);
    rows.get(m[1]!)!.push({ option: m[2]!, default: m[3]!.trim() });
  }
  return rows;
}

describe('README stage options table', () => {
  const documented = documentedOptions();
  it.each(allStages().map((s) => [s.name, s] as const))('%s: every option is documented once, with the default the code uses', (name, stage) => {
    const defaults = stage.options.parse({}) as Record<string, unknown>;
    const rows = documented.get(name) ?? [];
    expect(rows.map((r) => r.option).sort()).toEqual(Object.keys(defaults).sort());
    for (const { option, default: shown } of rows) {
      const value = defaults[option];
      // A list of every kind is written "all kinds"; anything else is the JSON of the default in backticks.
      if (shown === 'all kinds') expect(Array.isArray(value) && (value as unknown[]).length > 1, option).toBe(true);
      else expect(shown, option).toBe(`\`${JSON.stringify(value)}\``);
    }
  });
});

describe('README command line', () => {
  it('names every command annotate has', async () => {
    const { runCli } = await import('../../src/cli.js');
    let help = '';
    await runCli(['--help'], { stdout: { write: (s: string) => (help += s), isTTY: false }, stderr: { write: () => {}, isTTY: false }, env: {} });
    const commands = [...help.matchAll(/^ {2}([a-z-]+)(?: \[| <| \||\s{2})/gm)].map((m) => m[1]!).filter((c) => c !== 'help');
    expect(commands.length).toBeGreaterThan(8);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const synopsis = readme.slice(readme.indexOf('## Command line'), readme.indexOf('| option | default | meaning |'));
    for (const command of commands) expect(synopsis, command).toMatch(new RegExp(`\\b${command}\\b`));
  });
});
