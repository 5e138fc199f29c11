import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, run } from './runtimes.js';

/**
 * Runs the committed bundle dist/index.js the way the Actions runner does: inputs in
 * INPUT_* variables, outputs and the job summary written to the files named by
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY, the workspace in GITHUB_WORKSPACE.
 */
export const ACTION = path.join(ROOT, 'dist/index.js');

export interface ActionRun {
  code: number;
  /** stdout and stderr */
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
  workspace: string;
}

const scratch = mkdtempSync(path.join(tmpdir(), 'gim-action-'));
let counter = 0;

export async function runAction(
  bin: string,
  inputs: Record<string, string>,
  options: { setup?: (workspace: string) => void; env?: NodeJS.ProcessEnv; workspace?: string; timeoutMs?: number } = {},
): Promise<ActionRun> {
  const dir = path.join(scratch, String(counter++));
  const workspace = options.workspace ?? path.join(dir, 'workspace');
  mkdirSync(workspace, { recursive: true });
  mkdirSync(path.join(dir, 'temp'), { recursive: true });
  options.setup?.(workspace);
  const outputFile = path.join(dir, 'output');
  const summaryFile = path.join(dir, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: path.join(dir, 'temp'),
    ...options.env,
  };
  // The runner's naming: INPUT_ + the input name upper-cased, spaces to underscores (hyphens stay).
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  const r = await run(bin, [ACTION], { env, cwd: workspace, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });
  return {
    code: r.code,
    stdout: r.stdout + r.stderr,
    outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    workspace,
  };
}

/** GITHUB_OUTPUT holds `name<<DELIMITER\nvalue\nDELIMITER\n` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2\n/gm;
  for (const m of text.matchAll(re)) out[m[1] as string] = m[3] as string;
  return out;
}
