import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAction as runActionIn } from './support/run-action.js';
import { runtimes } from './support/runtimes.js';

// The committed action bundle run as the runner runs it (see support/run-action.ts).
function runAction(bin: string, inputs: Record<string, string>, setup?: (workspace: string) => void) {
  return runActionIn(bin, inputs, setup ? { setup } : {});
}

for (const node of runtimes()) {
  describe(`action bundle on ${node.name}`, () => {
    it('sets matrix, count and skipped, and writes the plan to the job summary', async () => {
      const r = await runAction(node.bin, {
        command: 'plan',
        matrix: 'torch: "2.4"\ncuda: ["12.1", "12.4", "12.6"]\npython: 3.11',
        'max-entries': '256',
      });
      expect(r.code, r.stdout).toBe(0);
      const matrix = JSON.parse(r.outputs.matrix ?? '') as { include: Record<string, unknown>[] };
      expect(Object.keys(matrix)).toEqual(['include']);
      expect(matrix.include.map((e) => [e.torch, e.torchvision, e.torchaudio, e.cudaVariant, e.python])).toEqual([
        ['2.4.1', '0.19.1', '2.4.1', 'cu121', '3.11'],
        ['2.4.1', '0.19.1', '2.4.1', 'cu124', '3.11'],
      ]);
      expect(r.outputs.count).toBe('2');
      expect(JSON.parse(r.outputs.skipped ?? '')).toEqual([
        expect.objectContaining({
          torch: '2.4.1',
          cuda: '12.6',
          reason: 'torch 2.4.1 has no cu126 wheels; it ships cu118, cu121, cu124, cpu',
        }),
      ]);
      expect(r.summary).toMatch(/^### gpu-image-matrix plan: 2 images\n/);
      expect(r.summary).toContain('| 2.4.1-cu124-py3.11-ubuntu22.04 | 2.4.1 | 0.19.1 | 2.4.1 | 12.4.1 | 9.1.0.70 | 3.11 |');
      expect(r.summary).toContain('Skipped 1 combination(s)');
      expect(r.stdout).toContain('::group::plan: 2 entries, 1 skipped');
    });

    it('reads matrix-file and compat-file from the workspace', async () => {
      const r = await runAction(node.bin, { 'matrix-file': 'ci/matrix.yml', 'compat-file': 'ci/compat.json' }, (ws) => {
        mkdirSync(path.join(ws, 'ci'));
        writeFileSync(path.join(ws, 'ci/matrix.yml'), 'torch: latest\ncuda: cpu\n');
        const release = {
          minor: '2.15',
          status: 'stable',
          python: { supported: ['3.11', '3.12'], experimental: [] },
          cuda: { variants: ['cu130'], pypiDefault: 'cu130', cudnn: { cu130: '9.24.0.43' } },
          patches: [{ torch: '2.15.0', torchvision: '0.30.0', torchaudio: '2.11.0' }],
        };
        writeFileSync(path.join(ws, 'ci/compat.json'), JSON.stringify({ schemaVersion: 1, torch: [release] }));
      });
      expect(r.code, r.stdout).toBe(0);
      expect(JSON.parse(r.outputs.matrix ?? '').include[0].tag).toBe('2.15.0-cpu-py3.12-ubuntu24.04');
    });

    it('plans one entry of an earlier plan (a fan-out job passing toJSON(matrix)), and refuses a tampered one', async () => {
      const planned = await runAction(node.bin, { matrix: 'torch: "2.4"\ncuda: ["12.1", "12.4"]\npython: "3.11"' });
      const cell = (JSON.parse(planned.outputs.matrix ?? '') as { include: Record<string, string>[] }).include[1]!;
      const one = await runAction(node.bin, { entry: JSON.stringify(cell) });
      expect(one.code, one.stdout).toBe(0);
      expect(JSON.parse(one.outputs.matrix ?? '').include).toEqual([cell]);
      const tampered = await runAction(node.bin, { entry: JSON.stringify({ ...cell, key: '000000000000' }) });
      expect(tampered.code).toBe(1);
      expect(tampered.stdout).toMatch(
        /::error::input entry: entry "000000000000" resolves to "[0-9a-f]{12}" here: it was planned with other release data/,
      );
    });

    it('cuts a job summary over 1 MiB, saying so, and sets every output in full', async () => {
      // 20,000 cells before filtering, about 2,000 entries and 18,000 skipped combinations: well over 1 MiB of markdown
      const matrix =
        'torch: ">=1.13"\ncuda: ["11.6", "11.7", "11.8", "12.1", "12.4", "12.6", "12.8", "13.0", "13.2", cpu]\n' +
        'python: ["3.8", "3.9", "3.10", "3.11", "3.12", "3.13", "3.14", "3.15"]\n' +
        'os: [ubuntu18.04, ubuntu20.04, ubuntu22.04, ubuntu24.04, ubuntu26.04]\nflavor: [runtime, devel]';
      const r = await runActionIn(node.bin, { command: 'plan', matrix, 'max-entries': '10000' });
      expect(r.code, r.stdout.slice(-2000)).toBe(0);
      expect(Buffer.byteLength(r.summary)).toBeLessThanOrEqual(1024 * 1024);
      expect(Buffer.byteLength(r.summary)).toBeGreaterThan(1000 * 1000);
      expect(r.summary).toMatch(/\*\d+ more lines are not shown here \(\d+ bytes at most\): the step's outputs .* have it all\.\*\n$/);
      expect(JSON.parse(r.outputs.skipped ?? '[]').length).toBeGreaterThan(10000);
    });

    it('warns about a job summary file it cannot write, and still sets its outputs', async () => {
      const gone = path.join(tmpdir(), `gim-gone-${process.pid}-${Date.now()}`);
      const r = await runActionIn(
        node.bin,
        { command: 'plan', matrix: 'torch: 2.4.1\ncuda: cpu' },
        {
          env: { GITHUB_STEP_SUMMARY: path.join(gone, 'no-such-dir', 'summary') },
        },
      );
      expect(r.code, r.stdout.slice(-2000)).toBe(0);
      expect(r.stdout).toMatch(/::warning::the job summary was not written/);
      expect(r.outputs.count).toBe('1');
    });

    it('creates a missing RUNNER_TEMP instead of failing as a bug', async () => {
      const gone = path.join(tmpdir(), `gim-gone-${process.pid}-${Date.now()}`);
      const r = await runActionIn(
        node.bin,
        {
          command: 'build',
          matrix: 'torch: 2.4.1\ncuda: cpu\npython: "3.11"',
          image: '127.0.0.1:5000/gim-test/none',
          dockerfile: 'Dockerfile',
        },
        // no docker on PATH: the build stops at the tool check, after its scratch folder was made
        {
          env: { RUNNER_TEMP: path.join(gone, 'temp'), PATH: '/nonexistent' },
          setup: (ws) => writeFileSync(path.join(ws, 'Dockerfile'), 'FROM scratch\n'),
        },
      );
      expect(r.stdout).not.toMatch(/a bug/);
      expect(r.stdout).toMatch(/::error::docker was not found/);
      expect(existsSync(path.join(gone, 'temp'))).toBe(true);
      rmSync(gone, { recursive: true, force: true });
    });

    it('turns warnings into annotations', async () => {
      const r = await runAction(node.bin, { matrix: 'torch: "2.14"' });
      expect(r.code, r.stdout).toBe(0);
      expect(r.stdout).toContain("::warning::torch 2.14.0 is a release candidate: its wheels come from PyTorch's test channel");
    });

    const failures: { name: string; inputs: Record<string, string>; setup?: (ws: string) => void; message: RegExp }[] = [
      { name: 'no matrix', inputs: {}, message: /no matrix given: set input matrix/ },
      {
        name: 'matrix and matrix-file together',
        inputs: { matrix: 'torch: 2.4', 'matrix-file': 'm.yml' },
        message: /give one of input matrix, input matrix-file or input entry, not several: input matrix and input matrix-file are set/,
      },
      {
        name: 'malformed YAML',
        inputs: { matrix: 'torch: [2.4' },
        message: /input matrix \(line \d+, column \d+\): not valid YAML or JSON/,
      },
      {
        name: 'an empty result',
        inputs: { matrix: 'torch: 2.4\ncuda: 13.0' },
        message:
          /the matrix resolves to no entries\.%0AWhat the requested torch versions ship:%0A {2}torch 2\.4\.1: cu118, cu121, cu124, cpu/,
      },
      {
        name: 'a matrix larger than max-entries',
        inputs: { matrix: 'torch: ">=2.0"\ncuda: [11, 12, 13]', 'max-entries': '5' },
        message: /more than max-entries \(5\)/,
      },
      {
        name: 'a bad max-entries',
        inputs: { matrix: 'torch: 2.4', 'max-entries': 'lots' },
        message: /input max-entries: "lots" is not valid; accepted: a whole number from 1 to 10000/,
      },
      {
        name: 'a baseline template with an unknown placeholder',
        inputs: { matrix: 'torch: 2.4', command: 'repro', image: 'r/x', baseline: '{image}:{branch}' },
        message: /input baseline: unknown placeholder \{branch\}; accepted: \{image\}, \{tag\}/,
      },
      {
        name: 'a matrix-file outside the workspace',
        inputs: { 'matrix-file': '../outside.yml' },
        setup: (ws) => writeFileSync(path.join(ws, '../outside.yml'), 'torch: 2.4'),
        message: /input matrix-file: "\.\.\/outside\.yml" is outside the workspace/,
      },
      {
        name: 'a symlink that leads out of the workspace',
        inputs: { 'matrix-file': 'link.yml' },
        setup: (ws) => {
          writeFileSync(path.join(ws, '../secret.yml'), 'torch: 2.4');
          symlinkSync(path.join(ws, '../secret.yml'), path.join(ws, 'link.yml'));
        },
        message: /input matrix-file: "link\.yml" is outside the workspace/,
      },
      {
        name: 'a compat-file that fails the schema',
        inputs: { matrix: 'torch: 2.4', 'compat-file': 'c.json' },
        setup: (ws) => writeFileSync(path.join(ws, 'c.json'), '{"schemaVersion": 1, "torch": [{"minor": "2.15"}]}'),
        message: /input compat-file c\.json does not match the release-data schema:%0A {2}\$\.torch\[0\]\.status/,
      },
    ];
    for (const f of failures) {
      it(`fails the step with a clear error for ${f.name}, setting no outputs`, async () => {
        const r = await runAction(node.bin, f.inputs, f.setup);
        expect(r.code).toBe(1);
        const errorLine = r.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
        expect(errorLine).toMatch(f.message);
        expect(r.stdout).not.toMatch(/\n\s+at .*:\d+:\d+/);
        expect(r.outputs).toEqual({});
      });
    }
  });
}
