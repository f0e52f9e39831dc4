#!/usr/bin/env node
/**
 * planbook command line: `planbook import | new | check | export | --help`.
 * Run with the project's Node 22: `./node_modules/.bin/node scripts/planbook.ts <命令>`
 * or `npm run planbook -- <命令>`.
 */
import { loadDeps } from '../src/cli/deps.ts';
import { runCli } from '../src/cli/main.ts';
import type { CliIo } from '../src/cli/types.ts';

const io: CliIo = {
  cwd: process.cwd(),
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
};

process.exitCode = await runCli(process.argv.slice(2), loadDeps, io, Boolean(process.env.PLANBOOK_DEBUG));
