import { registerApprove } from './approve.js';
import { registerCheck } from './check.js';
import { registerEval } from './eval.js';
import { registerExport } from './export.js';
import { registerGazetteer } from './gazetteer.js';
import type { Register } from './register.js';
import { registerReport } from './report.js';
import { registerRun } from './run.js';
import { registerShow } from './show.js';
import { registerStats } from './stats.js';
import { registerTrainClaims } from './train-claims.js';

/** Every subcommand, in the order `annotate --help` lists them. One file per command. */
export const COMMANDS: Register[] = [registerRun, registerCheck, registerApprove, registerEval, registerShow, registerReport, registerStats, registerExport, registerGazetteer, registerTrainClaims];
