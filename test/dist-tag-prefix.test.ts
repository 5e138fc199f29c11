import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAction } from './support/run-action.js';
import { ROOT, run, runtimes } from './support/runtimes.js';

// tag-prefix (what the reusable workflow sets for pull requests: pr-<number>-) through the
// committed bundles: the action as the runner runs it, and the CLI. A spy stands in for docker
// (a script first on PATH that records its arguments and fails): a refused prefix must be refused
// before anything runs. Building with a prefix on real BuildKit is e2e-tag-prefix.test.ts.

const node = runtimes().find((r) => r.name.startsWith('node 24'))!;
const CLI = path.join(ROOT, 'dist/cli/index.js');
const scratch = mkdtempSync(path.join(tmpdir(), 'gim-prefix-'));
const spyLog = path.join(scratch, 'docker-calls.log');
const bin = path.join(scratch, 'bin');
mkdirSync(bin);
writeFileSync(path.join(bin, 'docker'), `#!/bin/sh\necho "docker $*" >> ${spyLog}\nexit 1\n`);
chmodSync(path.join(bin, 'docker'), 0o755);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const BUILD = { command: 'build', matrix: 'torch: "2.4"\ncuda: "12.4"\npython: "3.11"', image: '127.0.0.1:5000/team/pt' };
const spied = { env: { PATH: `${bin}:${process.env.PATH}` } };
const dockerCalls = (): string => (existsSync(spyLog) ? readFileSync(spyLog, 'utf8') : '');

describe('tag-prefix through the bundles', () => {
  it('is a flag of build in the CLI, with its words from the input table', async () => {
    const r = await run(node.bin, [CLI, 'build', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--tag-prefix TEXT +text put before every tag the build writes, e\.g\. pr-12-/);
  });

  const refused: [string, RegExp][] = [
    ['-pr-12-', /^::error::input tag-prefix: "-pr-12-" cannot start a tag; accepted: letters, digits, _ \. -/],
    ['pr/12-', /^::error::input tag-prefix: "pr\/12-" cannot start a tag/],
    ['pr-$(id)-', /^::error::input tag-prefix: "pr-\$\(id\)-" cannot start a tag/],
  ];
  for (const [prefix, message] of refused) {
    it(`refuses tag-prefix ${JSON.stringify(prefix)} in the action with one error, no output and no docker call`, async () => {
      rmSync(spyLog, { force: true });
      const r = await runAction(node.bin, { ...BUILD, 'tag-prefix': prefix }, spied);
      expect(r.code, r.stdout.slice(-1500)).toBe(1);
      const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error::'));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(message);
      expect(r.outputs).toEqual({});
      expect(dockerCalls()).toBe('');
    });
  }

  it('refuses a prefix that makes a tag longer than 128 characters before any build', async () => {
    rmSync(spyLog, { force: true });
    const r = await runAction(node.bin, { ...BUILD, 'tag-prefix': `pr-${'1'.repeat(100)}-` }, spied);
    expect(r.code, r.stdout.slice(-1500)).toBe(1);
    expect(r.stdout).toMatch(/::error::.*matrix tag with tag-prefix .* is not a valid tag; accepted: .*up to 128/);
    expect(dockerCalls()).not.toMatch(/buildx build/);
  });

  it('refuses a bad --tag-prefix in the CLI, naming the flag', async () => {
    const dir = mkdtempSync(path.join(scratch, 'cli-'));
    writeFileSync(path.join(dir, 'm.yml'), BUILD.matrix);
    const r = await run(node.bin, [CLI, 'build', '--matrix', 'm.yml', '--image', BUILD.image, '--tag-prefix', '.pr'], {
      cwd: dir,
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
    });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/--tag-prefix: "\.pr" cannot start a tag/);
  });
});
