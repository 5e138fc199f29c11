import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImageResult } from '../src/commands/build.js';
import type { SmokeResult } from '../src/commands/smoke.js';
import { BASE_IMAGE, BUILDER, DEBIAN_TORCH_COMPAT, REGISTRY, freshRepository, requireInfra } from './support/infra.js';
import { runAction, type ActionRun } from './support/run-action.js';
import { runnerCommands } from './support/runner-commands.js';
import { runtimes } from './support/runtimes.js';

// Issue 17 item 1: what a base image, a package or a container prints reaches the log, and must
// not issue workflow commands there. Real BuildKit, registry and docker; the runner's command
// parser, which cannot run here, is read by support/runner-commands.ts.

const node = runtimes().find((r) => r.name.startsWith('node 24'))!;

/** Every form the runner would act on: at a line's start, after spaces, after a lone \r, and ##[ anywhere. */
const HOSTILE_LINES = [
  '::add-mask::leak-one',
  '   ::error title=forged::forged-one',
  '::set-output name=digest::sha256:forged',
  'progress 50% ##[add-mask]leak-two',
  'x ##[set-output name=digest;]forged-two',
  '::warning::forged-three',
  '::stop-commands::guess',
];

/** What the action itself may issue: annotations, groups, its own stop-commands blocks. */
const OWN = new Set(['error', 'warning', 'group', 'endgroup', 'stop-commands']);

function expectOnlyOwnCommands(run: ActionRun): void {
  const commands = runnerCommands(run.stdout);
  for (const c of commands) {
    expect(OWN.has(c.name), `the log issues ${c.name}: ${c.line}`).toBe(true);
    // The action's own annotations may quote the text as their message; a forged one is the payload alone.
    expect(['forged-one', 'forged-three', 'forged-cr', 'guess'], `a forged command: ${c.line}`).not.toContain(c.data);
  }
  // Not vacuous: the hostile text is in the log, inert.
  expect(run.stdout).toContain('leak-two');
}

beforeAll(() => requireInfra());

describe('tool output cannot issue workflow commands (the runner read by a stand-in parser)', () => {
  it('a build step that prints workflow commands and fails: its log and the build table stay inert', async () => {
    const print = HOSTILE_LINES.map((l) => `'${l}'`).join(' ');
    const dockerfile = `FROM ${BASE_IMAGE}\nRUN printf '%s\\n' ${print} && printf 'a\\r::warning::forged-cr\\n' && exit 3\n`;
    const run = await runAction(
      node.bin,
      {
        command: 'build',
        matrix: 'torch: 2.4.1\ncuda: cpu\npython: "3.11"',
        dockerfile: 'Dockerfile',
        context: 'image',
        builder: BUILDER,
        image: freshRepository('hostile-build'),
        push: 'true',
      },
      {
        timeoutMs: 300_000,
        setup: (ws) => {
          mkdirSync(path.join(ws, 'image'));
          writeFileSync(path.join(ws, 'image/Dockerfile'), dockerfile);
        },
      },
    );
    expect(run.code).toBe(1);
    const [image] = JSON.parse(run.outputs.images ?? '[]') as ImageResult[];
    expect(image?.status).toBe('failed');
    expect(image?.error).toContain('leak-two');
    expectOnlyOwnCommands(run);
    // The outputs are the action's own.
    expect(run.outputs.digest).toBeUndefined();
  });

  it('a container whose check output and values carry workflow commands: the smoke table stays inert', async () => {
    const repo = freshRepository('hostile-smoke');
    const tag = '1.13.0-cpu-py3.11-ubuntu24.04';
    const torchImage = `${REGISTRY}/debian-torch:bookworm`;
    execFileSync('docker', ['pull', '-q', torchImage], { stdio: 'ignore' });
    execFileSync('docker', ['tag', torchImage, `${repo}:${tag}`]);
    execFileSync('docker', ['push', '-q', `${repo}:${tag}`], { stdio: 'ignore' });
    // The user's check prints the lines and fails with them in its message (JSON \n turned into newlines).
    const script = `import sys\nfor l in ${JSON.stringify(HOSTILE_LINES)}: print(l)\nprint("a\\r::warning::forged-cr")\nsys.exit(7)\n`;
    const run = await runAction(
      node.bin,
      {
        command: 'smoke',
        'compat-file': 'compat.json',
        matrix: 'torch: 1.13.0\ncuda: cpu\npython: "3.11"',
        image: repo,
        'expect-gpu': 'false',
        'smoke-script': 'ci/check.py',
      },
      {
        timeoutMs: 300_000,
        setup: (ws) => {
          writeFileSync(path.join(ws, 'compat.json'), DEBIAN_TORCH_COMPAT);
          mkdirSync(path.join(ws, 'ci'));
          writeFileSync(path.join(ws, 'ci/check.py'), script);
        },
      },
    );
    expect(run.code).toBe(1);
    const [result] = JSON.parse(run.outputs['smoke-results'] ?? '[]') as SmokeResult[];
    expect(result?.checks.at(-1)?.message).toContain('leak-two');
    expectOnlyOwnCommands(run);
  });
});

describe('the runner stand-in reads commands as the runner does', () => {
  it('finds both forms, after spaces and a lone \\r, and none inside a stop-commands block', () => {
    const names = (text: string): string[] => runnerCommands(text).map((c) => `${c.name}:${c.data}`);
    expect(names('  ::add-mask::a\nx ##[add-mask]b\nc\r::error::d\n::notacommand::e')).toEqual(['add-mask:a', 'add-mask:b', 'error:d']);
    expect(names('::stop-commands::t1\n::add-mask::a\nz ##[add-mask]b\n::t1::\n::warning::w')).toEqual(['stop-commands:t1', 'warning:w']);
  });
});
