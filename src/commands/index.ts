import { registerEval } from './eval.js';
import type { Register } from './register.js';
import { registerRun } from './run.js';

/** Every subcommand, in the order `annotate --help` lists them. One file per command. */
export const COMMANDS: Register[] = [registerRun, registerEval];
