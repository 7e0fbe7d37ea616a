import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from '../helpers.js';

/**
 * Whole-pipeline golden test: the default pipeline's output on seeds/ must equal the approved
 * snapshot in tests/approved/default/, compared annotation by annotation with `annotate check`.
 * After an intended change: `npx annotate check` to read the diff, then `npx annotate approve`
 * (or `UPDATE_APPROVED=1 npm test`), and commit tests/approved/.
 */
describe('golden output on seeds/', () => {
  it('equals the approved snapshot (annotate check exits 0)', async () => {
    const pipeline = join(ROOT, 'pipelines/default.json');
    const seeds = join(ROOT, 'seeds');
    if (process.env.UPDATE_APPROVED === '1') expect((await cli(['approve', seeds, '--pipeline', pipeline])).code).toBe(0);
    const r = await cli(['check', seeds, '--pipeline', pipeline]);
    if (r.code !== 0) expect.fail(`the annotations differ from tests/approved/default (run \`npx annotate approve\` to accept):\n${r.stdout}${r.stderr}`);
    expect(r.stdout).toMatch(/^no changes/);
  });
});
