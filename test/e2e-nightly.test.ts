import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MatrixEntry } from '../src/frameworks/index.js';
import type { EntryVerdict } from '../src/verify/check.js';
import { BASE_IMAGE, freshRepository, requireInfra } from './support/infra.js';
import { runAction } from './support/run-action.js';
import { ROOT, run, runtimes } from './support/runtimes.js';
import { serveWheelIndex, type WheelIndex } from './support/wheel-index.js';

// torch nightlies on real parts: the committed bundles (CLI and action under Node 24) and an index
// server of real wheel files laid out as download.pytorch.org/whl/nightly/<variant>, one variant
// serving PEP 658 .metadata files, the others read by HTTP range requests.

vi.setConfig({ testTimeout: 180_000 });

const node = runtimes().find((r) => r.name.startsWith('node 24'))!;
const CLI = path.join(ROOT, 'dist/cli/index.js');
let index: WheelIndex;
let uvImage = '';

const CUDNN = 'nvidia-cudnn-cu13==9.20.0.48; platform_system == "Linux"';
const wheels = (project: string, version: string, requires: string[], pythons: string[], platform = 'manylinux_2_28_x86_64') =>
  pythons.map((py) => ({
    filename: `${project}-${version}-cp${py.replace('t', '')}-cp${py}-${platform}.whl`,
    requires,
  }));

beforeAll(async () => {
  requireInfra();
  uvImage = `${freshRepository('nightly-uv')}:0`;
  execFileSync('docker', ['pull', '-q', BASE_IMAGE], { stdio: 'pipe', timeout: 300_000 });
  execFileSync('docker', ['tag', BASE_IMAGE, uvImage], { stdio: 'pipe' });
  execFileSync('docker', ['push', '-q', uvImage], { stdio: 'pipe', timeout: 300_000 });
  index = await serveWheelIndex([
    {
      path: '/whl/nightly/cu130',
      format: 'html',
      metadata: true,
      files: [
        ...wheels('torch', '2.16.0.dev20261130+cu130', [CUDNN], ['311', '312', '313', '314']),
        ...wheels('torch', '2.16.0.dev20261201+cu130', [CUDNN], ['311', '312', '313', '314', '314t']),
        ...wheels('torch', '2.16.0.dev20261201+cu130', [CUDNN], ['312'], 'manylinux_2_28_aarch64'),
        ...wheels('torchvision', '0.31.0.dev20261130+cu130', ['torch==2.16.0.dev20261130'], ['311', '312', '313', '314']),
        // torchvision's run of the 1st was dated the 2nd: its Requires-Dist says which torch it pairs with
        ...wheels('torchvision', '0.31.0.dev20261202+cu130', ['torch==2.16.0.dev20261201', 'numpy'], ['311', '312', '313', '314']),
      ],
    },
    {
      // cu126 has not built the 1st yet
      path: '/whl/nightly/cu126',
      format: 'html',
      files: [
        ...wheels('torch', '2.16.0.dev20261130+cu126', ['nvidia-cudnn-cu12==9.10.2.21'], ['311', '312', '313', '314']),
        ...wheels('torchvision', '0.31.0.dev20261130+cu126', ['torch==2.16.0.dev20261130'], ['311', '312', '313', '314']),
      ],
    },
    // a CUDA the release data has no entry for (no image tags, no driver), as cu134 is on the real nightly index
    { path: '/whl/nightly/cu134', format: 'html', files: wheels('torch', '2.16.0.dev20261201+cu134', [], ['312']) },
    {
      path: '/whl/nightly/cpu',
      format: 'html',
      files: [
        ...wheels('torch', '2.16.0.dev20261130+cpu', [], ['311', '312', '313', '314']),
        ...wheels('torch', '2.16.0.dev20261201+cpu', [], ['311', '312', '313', '314']),
        // a release on the same page is not a nightly
        ...wheels('torch', '2.15.0+cpu', [], ['312']),
      ],
    },
  ]);
}, 120_000);

afterAll(async () => {
  await index?.close();
});

/** The CLI's plan of a matrix (or, with --entry, of one planned entry); a user error exits 2. */
async function plan(matrix: string, entry?: MatrixEntry): Promise<{ code: number; include: MatrixEntry[]; stderr: string }> {
  const what = entry ? ['--entry', JSON.stringify(entry)] : ['--matrix', '-'];
  const r = await run(node.bin, [CLI, 'plan', ...what, '--torch-index-url', `${index.url}/whl`, '--format', 'json'], {
    input: matrix,
    timeoutMs: 60_000,
  });
  return { code: r.code, include: r.code === 0 ? (JSON.parse(r.stdout) as { include: MatrixEntry[] }).include : [], stderr: r.stderr };
}

describe('torch: nightly, read from the nightly index before planning', () => {
  it('nightly is the newest date every current variant has built; its entries pin that date in version and tag', async () => {
    index.requests.length = 0;
    const r = await plan('torch: nightly\ncuda: ["13.0", "12.6"]\npython: "3.12"\n');
    expect(r.code, r.stderr).toBe(0);
    // cu126 has not built the 1st: nightly is the 30th, which every variant has.
    expect(
      r.include.map((e) => [e.tag, (e as { torchvision: string }).torchvision, (e as { indexUrl: string }).indexUrl, e.cudnn]),
    ).toEqual([
      ['2.16.0.dev20261130-cu130-py3.12-ubuntu24.04', '0.31.0.dev20261130', `${index.url}/whl/nightly/cu130`, '9.20.0.48'],
      ['2.16.0.dev20261130-cu126-py3.12-ubuntu24.04', '0.31.0.dev20261130', `${index.url}/whl/nightly/cu126`, '9.10.2.21'],
    ]);
    expect(
      r.include.every((e) => (e as { channel: string }).channel === 'nightly' && (e as { torchaudio: null }).torchaudio === null),
    ).toBe(true);
    expect(r.stderr).toContain('torch 2.16.0.dev20261130 is a nightly build (the nightly of 2026-11-30, read from');
    expect(r.stderr).toContain('torchaudio: no nightly that pairs with torch 2.16.0.dev20261130');
    // torchaudio is left out, not "inferred"
    expect(r.stderr).not.toContain('torchaudio null');
    // No wheel was downloaded: .metadata files on cu130, range requests on cu126.
    expect(index.ranges.every((range) => range !== null)).toBe(true);
    expect(index.requests.some((p) => p.endsWith('.metadata'))).toBe(true);
    // One page per project and variant.
    const pages = index.requests.filter((p) => p.endsWith('/'));
    expect(pages.length).toBe(new Set(pages).size);
  });

  it('nightly-YYYYMMDD takes that date: its torchvision by its torch pin, a free-threaded Python, a variant that lacks it', async () => {
    const r = await plan('torch: nightly-20261201\ncuda: "13.0"\npython: ["3.12", "3.14t"]\n');
    expect(r.code, r.stderr).toBe(0);
    expect(r.include.map((e) => [e.tag, (e as { torchvision: string }).torchvision])).toEqual([
      ['2.16.0.dev20261201-cu130-py3.12-ubuntu24.04', '0.31.0.dev20261202'],
      ['2.16.0.dev20261201-cu130-py3.14t-ubuntu24.04', '0.31.0.dev20261202'],
    ]);
    expect(r.stderr).toContain('torch 2.16.0.dev20261201: cu134 wheels exist, but the data has no CUDA 13.4 entry');
    // the pairing was read, so no "inferred" warning for torchvision
    expect(r.stderr).not.toMatch(/torchvision .* is inferred/);
    const cu126 = await plan('torch: nightly-20261201\ncuda: "12.6"\npython: "3.12"\n');
    expect(cu126.code).toBe(2);
    expect(cu126.stderr).toContain('torch 2.16.0.dev20261201 has no cu126 wheels; it ships cu130, cpu');
  });

  it('a date the index no longer lists is a clear error naming the dates it has; bad dates fail before any request', async () => {
    const gone = await plan('torch: nightly-20261015\n');
    expect(gone.code).toBe(2);
    expect(gone.stderr).toContain('torch nightly-20261015: no nightly torch of that date on');
    expect(gone.stderr).toContain('it has 20261201, 20261130 (PyTorch deletes old nightlies from the index)');
    expect(gone.stderr).not.toMatch(/\n\s+at /);
    // an index that cannot be reached: a user error naming it, not a crash
    const away = await run(node.bin, [CLI, 'plan', '--matrix', '-', '--torch-index-url', 'http://127.0.0.1:9/whl'], {
      input: 'torch: nightly\n',
      timeoutMs: 60_000,
    });
    expect(away.code).toBe(2);
    expect(away.stderr).toMatch(
      /^gpu-image-matrix: torch nightly: http:\/\/127\.0\.0\.1:9\/whl\/nightly: could not read it \(.*ECONNREFUSED/,
    );
    index.requests.length = 0;
    const bad = await plan('torch: nightly-20261301\n');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('matrix.torch: "nightly-20261301" is not valid');
    expect(bad.stderr).toContain('20261301 is not a date (YYYYMMDD)');
    expect(index.requests).toEqual([]);
  });

  it('verify (the action) checks the nightly wheels on the nightly index; a Python torchvision lacks is missing', async () => {
    const r = await runAction(node.bin, {
      command: 'verify',
      matrix: 'torch: nightly-20261201\ncuda: "13.0"\npython: ["3.12", "3.14t"]',
      'torch-index-url': `${index.url}/whl`,
      // the uv image from the local registry (ghcr.io cannot be reached here); the base on Docker Hub is a warning
      'build-args': `UV_IMAGE=${uvImage}`,
    });
    const results = JSON.parse(r.outputs['verify-results'] ?? '[]') as EntryVerdict[];
    expect(results.map((v) => [v.tag, v.missing])).toEqual([
      ['2.16.0.dev20261201-cu130-py3.12-ubuntu24.04', []],
      [
        '2.16.0.dev20261201-cu130-py3.14t-ubuntu24.04',
        [
          `torchvision 0.31.0.dev20261202 (torch) has no wheel for cp314t x86_64: ${index.url}/whl/nightly/cu130: ` +
            '0.31.0.dev20261202 has wheels for cp311, cp312, cp313, cp314 only',
        ],
      ],
    ]);
    expect(r.code).toBe(1);
  });
  it('a torch-index-url in the matrix spec is the nightly index read; nightly entries on two mirrors are refused', async () => {
    const spec = await run(node.bin, [CLI, 'plan', '--matrix', '-', '--format', 'json'], {
      input: `torch: nightly-20261201\ncuda: "13.0"\npython: "3.12"\ntorch-index-url: ${index.url}/whl\n`,
      timeoutMs: 60_000,
    });
    expect(spec.code, spec.stderr).toBe(0);
    expect((JSON.parse(spec.stdout) as { include: { indexUrl: string }[] }).include.map((e) => e.indexUrl)).toEqual([
      `${index.url}/whl/nightly/cu130`,
    ]);
    const two = await run(node.bin, [CLI, 'plan', '--matrix', '-'], {
      input:
        `torch: nightly\ncuda: "13.0"\ntorch-index-url: ${index.url}/whl\n` +
        'include:\n  - {torch: nightly-20261130, cuda: "13.0", torch-index-url: "https://mirror.example/whl"}\n',
      timeoutMs: 60_000,
    });
    expect(two.code).toBe(2);
    expect(two.stderr).toContain(`name ${index.url}/whl and https://mirror.example/whl as their torch-index-url`);
  });

  it('a fan-out job re-plans its one nightly entry to the same key, though the index changed since the plan', async () => {
    const all = await plan('torch: nightly-20261201\ncuda: "13.0"\npython: "3.13"\n');
    const cell = all.include[0] as MatrixEntry & { torchaudio: string | null };
    expect(cell.torchaudio).toBeNull();
    // torchaudio's build of the 1st arrives after the plan job: the leg builds what was planned, without it
    index.addFile('/whl/nightly/cu130', {
      filename: 'torchaudio-2.11.0.dev20261201+cu130-cp313-cp313-manylinux_2_28_x86_64.whl',
      requires: ['torch==2.16.0.dev20261201'],
    });
    const again = await plan('', cell);
    expect(again.code, again.stderr).toBe(0);
    expect(again.include.map((e) => [e.tag, e.key, (e as { torchaudio: string | null }).torchaudio])).toEqual([[cell.tag, cell.key, null]]);
    // a new plan pairs it
    const fresh = await plan('torch: nightly-20261201\ncuda: "13.0"\npython: "3.13"\n');
    expect((fresh.include[0] as { torchaudio: string | null }).torchaudio).toBe('2.11.0.dev20261201');
  });
});
