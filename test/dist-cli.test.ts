import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, run, runtimes } from './support/runtimes.js';

// Runs the committed bundle dist/cli/index.js (what `npx gpu-image-matrix` runs), with no
// node_modules in reach, under this machine's Node and under Node 24.
const CLI = path.join(ROOT, 'dist/cli/index.js');

for (const node of runtimes()) {
  describe(`CLI bundle on ${node.name}`, () => {
    it('prints the plan of the shipped example as JSON {include, skipped}', async () => {
      const r = await run(node.bin, [CLI, 'plan', '--matrix', 'examples/matrix.yml']);
      expect(r.stderr).toMatch(/^(warning: .*\n)*$/);
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as { include: { tag: string }[]; skipped: { reason: string }[] };
      expect(Object.keys(out)).toEqual(['include', 'skipped']);
      expect(out.include.map((e) => e.tag)).toContain('2.4.1-cu124-py3.11-ubuntu22.04');
      expect(out.skipped.map((s) => s.reason)).toContain('torch 2.13.0 has no cu128 wheels; it ships cu126, cu130, cu132, cpu');
    });

    it('reads the spec from standard input with --matrix -', async () => {
      const r = await run(node.bin, [CLI, 'plan', '--matrix', '-', '--format', 'json'], {
        input: '{"torch": 2.4, "python": 3.10, "cuda": 12.1}',
      });
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).include.map((e: { tag: string }) => e.tag)).toEqual(['2.4.1-cu121-py3.10-ubuntu22.04']);
    });

    it('prints a table for people and markdown for summaries', async () => {
      const table = await run(node.bin, [CLI, 'plan', '--matrix', '-', '--format', 'table'], {
        input: 'torch: 2.4\ncuda: [12.4, 12.6]\npython: "3.11"',
      });
      expect(table.code).toBe(0);
      expect(table.stdout).toMatch(/^1 entry\n\ntag +torch +torchvision/);
      expect(table.stdout).toMatch(
        new RegExp(
          '\\n2\\.4\\.1-cu124-py3\\.11-ubuntu22\\.04 +2\\.4\\.1 +0\\.19\\.1 +2\\.4\\.1 +12\\.4\\.1 +9\\.1\\.0\\.70 +' +
            '3\\.11 +nvidia/cuda:12\\.4\\.1-base-ubuntu22\\.04 +550\\.54\\.15 +[0-9a-f]{12}\\n',
        ),
      );
      expect(table.stdout).toContain('skipped 1:\n  2.4.1 × 12.6 × py 3.11 × default × runtime: torch 2.4.1 has no cu126 wheels');
      const md = await run(node.bin, [CLI, 'plan', '--matrix', '-', '--format', 'markdown'], {
        input: 'torch: 2.4\ncuda: 12.4\npython: "3.11"',
      });
      expect(md.stdout).toMatch(/^### gpu-image-matrix plan: 1 image\n\n\| tag \| torch \|/);
    });

    const failures: { name: string; args: string[]; input?: string; message: RegExp }[] = [
      {
        name: 'torch: banana',
        args: ['plan', '--matrix', '-'],
        input: 'torch: banana',
        message: /^gpu-image-matrix: matrix\.torch: "banana" is not valid; accepted: /,
      },
      {
        name: 'a missing matrix file',
        args: ['plan', '--matrix', 'nope.yml'],
        message: /^gpu-image-matrix: --matrix: "nope\.yml" does not exist/,
      },
      {
        name: 'no --matrix',
        args: ['plan'],
        message: /^gpu-image-matrix: no matrix given: set --matrix \(a YAML or JSON file holding the matrix spec/,
      },
      {
        name: 'an unknown command',
        args: ['deploy', '--matrix', '-'],
        message:
          /^gpu-image-matrix: command: "deploy" is not a command; accepted: plan, verify, build, merge, smoke, repro, all, refresh or pru/,
      },
      {
        name: 'repro without --image',
        args: ['repro', '--matrix', '-'],
        input: 'torch: 2.4',
        message: /^gpu-image-matrix: --image is required: the image repository/,
      },
      {
        name: 'a bad --fail-on',
        args: ['repro', '--matrix', '-', '--image', 'r/x', '--fail-on', 'always'],
        input: 'torch: 2.4',
        message: /^gpu-image-matrix: --fail-on: "always" is not valid; accepted: nondeterministic, drift, both or none/,
      },
      {
        name: 'an unknown format',
        args: ['plan', '--matrix', '-', '--format', 'yaml'],
        message: /^gpu-image-matrix: --format: "yaml" is not a format; accepted: json, table or markdown/,
      },
      { name: 'an unknown option', args: ['plan', '--matrx', 'x'], message: /^gpu-image-matrix: Unknown option '--matrx'/ },
      {
        name: 'a bad max-entries',
        args: ['plan', '--matrix', '-', '--max-entries', '0'],
        message: /^gpu-image-matrix: --max-entries: "0" is not valid; accepted: a whole number from 1 to 10000/,
      },
      {
        name: 'a missing compat file',
        args: ['plan', '--matrix', '-', '--compat-file', 'none.json'],
        input: 'torch: 2.4',
        message: /^gpu-image-matrix: --compat-file: "none\.json" does not exist/,
      },
    ];
    for (const f of failures) {
      it(`exits 2 with a one-line cause and no stack trace for ${f.name}`, async () => {
        const r = await run(node.bin, [CLI, ...f.args], { input: f.input ?? '' });
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(f.message);
        expect(r.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
      });
    }

    it('prints the embedded Dockerfile rendered for an entry chosen by position, tag or key', async () => {
      const input = 'torch: 2.4.1\ncuda: ["12.1", "12.4"]\npython: "3.11"';
      const byPosition = await run(node.bin, [CLI, 'plan', '--matrix', '-', '--print-dockerfile', '2'], { input });
      expect(byPosition.code).toBe(0);
      expect(byPosition.stdout).toMatch(/^# gpu-image-matrix template v4: 2\.4\.1-cu124-py3\.11-ubuntu22\.04\n/);
      expect(byPosition.stdout).toContain('\nFROM nvidia/cuda:12.4.1-base-ubuntu22.04\n');
      const byTag = await run(node.bin, [CLI, 'plan', '--matrix', '-', '--print-dockerfile', '2.4.1-cu121-py3.11-ubuntu22.04'], { input });
      expect(byTag.stdout).toContain('ARG TORCH_INDEX_URL=https://download.pytorch.org/whl/cu121\n');
      const missing = await run(node.bin, [CLI, 'plan', '--matrix', '-', '--print-dockerfile', '9'], { input });
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(/--print-dockerfile: "9" names no entry of the plan; give a tag, a key or a position from 1 to 2/);
    });

    it('prints the customised Dockerfile as the build renders it (hashes required when the requirements have them)', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'gim-cli-custom-'));
      writeFileSync(path.join(dir, 'requirements.txt'), '-r pins.txt\n');
      writeFileSync(path.join(dir, 'pins.txt'), `numpy==1.26.4 --hash=sha256:${'a'.repeat(64)}\n`);
      const input = 'torch: 2.4.1\ncuda: "12.4"\npython: "3.11"\nrequirements: requirements.txt\napt-packages: [libgl1]';
      const r = await run(node.bin, [CLI, 'plan', '--matrix', '-', '--print-dockerfile', '1', '--user', 'app'], { input, cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('--require-hashes -r /tmp/gim-requirements/requirements.txt');
      expect(r.stdout).toMatch(/\nUSER app\n/);
      rmSync(dir, { recursive: true, force: true });
    });

    it("prints the usage for a bare gpu-image-matrix, and one command's options for <command> --help", async () => {
      const bare = await run(node.bin, [CLI]);
      expect(bare.code).toBe(0);
      expect(bare.stdout).toMatch(/^Usage: gpu-image-matrix <command> \[options\]\n\nCommands:\n {2}plan /);
      const build = await run(node.bin, [CLI, 'build', '--help']);
      expect(build.code).toBe(0);
      expect(build.stdout).toMatch(/^Usage: gpu-image-matrix build \[options\]/);
      expect(build.stdout).toContain('--build-arg K=V');
      expect(build.stdout).not.toContain('--smoke-timeout');
    });

    it('plans one entry of an earlier plan with --entry, as a fan-out job does, from JSON text or a file', async () => {
      const planned = await run(node.bin, [CLI, 'plan', '--matrix', '-'], {
        input: 'torch: 2.4.1\ncuda: ["12.1", "12.4"]\npython: "3.11"',
      });
      const second = (JSON.parse(planned.stdout) as { include: { key: string }[] }).include[1]!;
      const inline = await run(node.bin, [CLI, 'plan', '--entry', JSON.stringify(second)]);
      expect(inline.code, inline.stderr).toBe(0);
      expect((JSON.parse(inline.stdout) as { include: { key: string }[] }).include.map((e) => e.key)).toEqual([second.key]);
      const dir = mkdtempSync(path.join(tmpdir(), 'gim-cli-entry-'));
      writeFileSync(path.join(dir, 'entry.json'), JSON.stringify({ ...second, key: '000000000000' }));
      const tampered = await run(node.bin, [CLI, 'plan', '--entry', 'entry.json'], { cwd: dir });
      expect(tampered.code).toBe(2);
      expect(tampered.stderr).toMatch(/--entry: entry "000000000000" resolves to/);
      rmSync(dir, { recursive: true, force: true });
    });

    it('inside an Actions step: JSON stays JSON and a Dockerfile stays a Dockerfile (issue 17, found in review)', async () => {
      const input = 'torch: 2.4.1\ncuda: cpu\npython: "3.11"\npip-index-url: "http://[::1]:3141/simple"\npip-packages: [demo]';
      const env = { ...process.env, GITHUB_ACTIONS: 'true' };
      const json = await run(node.bin, [CLI, 'plan', '--matrix', '-', '--format', 'json'], { input, env });
      expect(json.code, json.stderr).toBe(0);
      expect(JSON.parse(json.stdout).include[0].customisation.pipIndexUrl).toBe('http://[::1]:3141/simple');
      const dockerfile = await run(node.bin, [CLI, 'plan', '--matrix', '-', '--print-dockerfile', '1'], { input, env });
      expect(dockerfile.code, dockerfile.stderr).toBe(0);
      expect(dockerfile.stdout).toMatch(/^# gpu-image-matrix template/);
      expect(dockerfile.stdout).toContain("--index-url 'http://[::1]:3141/simple'");
    });

    it('writes a plan of nearly a megabyte whole into a pipe (it used to stop at 128 KiB)', async () => {
      const input =
        'torch: ">=1.13"\ncuda: ["11.6", "11.7", "11.8", "12.1", "12.4", "12.6", "12.8", "13.0", "13.2", cpu]\n' +
        'python: ["3.8", "3.9", "3.10", "3.11", "3.12", "3.13", "3.14", "3.15"]\nos: [ubuntu20.04, ubuntu22.04, ubuntu24.04]';
      const r = await run(node.bin, [CLI, 'plan', '--matrix', '-', '--max-entries', '10000'], { input });
      expect(r.code, r.stderr.slice(-500)).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(512 * 1024);
      expect((JSON.parse(r.stdout) as { include: unknown[] }).include.length).toBeGreaterThan(600);
    });

    it('prints help and the version', async () => {
      const help = await run(node.bin, [CLI, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/^Usage: gpu-image-matrix <command> \[options\]/);
      const version = await run(node.bin, [CLI, '--version']);
      expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    });
  });
}
