import type { Command } from 'commander';
import type { Io } from '../io.js';

/** Adds one subcommand to the program; its action reports the exit code through `setCode`. */
export type Register = (program: Command, io: Io, setCode: (code: number) => void) => void;
