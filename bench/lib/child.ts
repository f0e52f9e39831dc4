/**
 * Run a Node script in a fresh process and return the JSON object it prints
 * as its last stdout line. Measuring memory in a fresh process (the script
 * reports `process.resourceUsage().maxRSS`) keeps the peak free of what the
 * harness itself holds.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function runChild(script: string, args: string[], cwd: string): Promise<Record<string, number>> {
  const { stdout } = await run(process.execPath, [script, ...args], { cwd, maxBuffer: 16 * 1024 * 1024 });
  const line = stdout.trim().split('\n').at(-1) ?? '{}';
  return JSON.parse(line) as Record<string, number>;
}
