import { describe, expect, it } from 'vitest';
import { inflateRawSync } from 'node:zlib';
import { cudaUpdates, variantsToProbe, versionsOn } from '../src/refresh/torch.js';
import { ZipError, centralDirectory, localDataStart, metadataEntry, parseMetadata, pinnedVersion } from '../src/refresh/wheel-metadata.js';
import { wheelBytes } from './support/wheel-index.js';
import { cudaExtras, jaxRelease } from '../src/refresh/jax.js';
import { bundledCompat, mergeCompatFile } from '../src/compat/load.js';
import { resolvePlan } from '../src/matrix/resolve.js';
import { specFromObject } from '../src/matrix/spec.js';
import { renderDockerfile } from '../src/template/dockerfile.js';
import { UserError } from '../src/errors.js';
import { andCudaRequirements, numpyBound, tfRelease, withPatches } from '../src/refresh/tensorflow.js';

describe("a wheel's METADATA from the archive's tail", () => {
  const wheel = wheelBytes('torch-2.15.0+cu130-cp312-cp312-manylinux_2_28_x86_64.whl', ['nvidia-cudnn-cu13==9.19.0.56']);

  it('finds the central directory and the METADATA entry, and reads it, from any tail that holds the end record', () => {
    for (const tailLength of [wheel.length, 200, 22 + 10]) {
      const tailStart = wheel.length - Math.min(tailLength, wheel.length);
      const cd = centralDirectory(wheel.subarray(tailStart), tailStart, wheel.length);
      const entry = metadataEntry(wheel.subarray(cd.offset, cd.offset + cd.size), wheel.length);
      expect(entry.name).toBe('torch-2.15.0+cu130.dist-info/METADATA');
      const start = localDataStart(wheel.subarray(entry.localHeaderOffset));
      const data = wheel.subarray(entry.localHeaderOffset + start, entry.localHeaderOffset + start + entry.compressedSize);
      const meta = parseMetadata(inflateRawSync(data).toString());
      expect(meta).toEqual({ name: 'torch', version: '2.15.0+cu130', requiresDist: ['nvidia-cudnn-cu13==9.19.0.56'] });
    }
  });

  it('follows a zip64 end record (wheels past 4 GiB)', () => {
    const plain = centralDirectory(wheel, 0, wheel.length);
    const body = wheel.subarray(0, wheel.length - 22);
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeBigUInt64LE(BigInt(plain.size), 40);
    record.writeBigUInt64LE(BigInt(plain.offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(body.length), 8);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt32LE(0xffffffff, 12);
    end.writeUInt32LE(0xffffffff, 16);
    const zip64 = Buffer.concat([body, record, locator, end]);
    const tailStart = zip64.length - 200;
    expect(centralDirectory(zip64.subarray(tailStart), tailStart, zip64.length)).toEqual(plain);
  });

  it('refuses a zip64 extra field shorter than the sizes it stands for, with a ZipError', () => {
    const cd = centralDirectory(wheel, 0, wheel.length);
    const dir = Buffer.from(wheel.subarray(cd.offset, cd.offset + cd.size));
    // The first entry claims zip64 sizes and carries a 4-byte zip64 extra field.
    const nameLength = dir.readUInt16LE(28);
    dir.writeUInt32LE(0xffffffff, 20);
    dir.writeUInt32LE(0xffffffff, 24);
    dir.writeUInt16LE(8, 30);
    const extra = Buffer.from([0x01, 0x00, 0x10, 0x00, 0, 0, 0, 0]);
    const patched = Buffer.concat([dir.subarray(0, 46 + nameLength), extra, dir.subarray(46 + nameLength)]);
    expect(() => metadataEntry(patched, wheel.length)).toThrow(ZipError);
  });

  it('refuses what is not a zip, and a directory that points outside the archive', () => {
    expect(() => centralDirectory(Buffer.from('<html>not a wheel</html>'), 0, 24)).toThrow(ZipError);
    const cdAt = wheel.length - 22;
    const lying = Buffer.from(wheel);
    lying.writeUInt32LE(wheel.length + 100, cdAt + 16);
    expect(() => centralDirectory(lying, 0, lying.length)).toThrow(/outside the archive/);
  });

  it('reads Requires-Dist pins, skipping Windows and macOS markers, extras and the description', () => {
    const meta = parseMetadata(
      'Metadata-Version: 2.1\nName: torch\nVersion: 2.4.1\n' +
        'Requires-Dist: nvidia-cudnn-cu12 ==9.1.0.70 ; platform_system == "Windows"\n' +
        'Requires-Dist: nvidia-cudnn-cu12==9.1.0.70; platform_system == "Linux" and platform_machine == "x86_64"\n' +
        'Requires-Dist: optree>=0.12 ; extra == "optree"\nRequires-Dist: torch (==2.4.1)\n\nRequires-Dist: torch==0.0.1\n',
    );
    expect(pinnedVersion(meta, /^nvidia-cudnn-cu\d+$/)).toEqual({ project: 'nvidia-cudnn-cu12', version: '9.1.0.70' });
    expect(pinnedVersion(meta, /^torch$/)).toEqual({ project: 'torch', version: '2.4.1' });
    expect(pinnedVersion(meta, /^optree$/)).toBeNull();
    const arm = parseMetadata(
      'Name: torch\nRequires-Dist: nvidia-cudnn-cu12==9.9.9; platform_machine == "aarch64"\n' +
        "Requires-Dist: nvidia-cudnn-cu12==9.1.0.70; platform_machine == 'x86_64'\n",
    );
    expect(pinnedVersion(arm, /^nvidia-cudnn-cu\d+$/)?.version).toBe('9.1.0.70');
  });
});

describe('what refresh asks for and makes of it', () => {
  const data = bundledCompat();

  it('probes the known variants, the next two minors of each CUDA major, the next major, and cpu', () => {
    const probed = variantsToProbe(data);
    expect(probed).toEqual(expect.arrayContaining(['cu118', 'cu126', 'cu130', 'cu132', 'cu133', 'cu134', 'cu140', 'cpu']));
    expect(probed[probed.length - 1]).toBe('cpu');
  });

  it('reads the stable Linux x86_64 CPython wheels of a project, free-threaded apart', () => {
    const files = [
      'torch-2.15.0+cu130-cp312-cp312-manylinux_2_28_x86_64.whl',
      'torch-2.15.0+cu130-cp313-cp313t-manylinux_2_28_x86_64.whl',
      'torch-2.15.0+cu130-cp312-cp312-manylinux_2_28_aarch64.whl',
      'torch-2.16.0.dev20261201+cu130-cp312-cp312-manylinux_2_28_x86_64.whl',
      'torch-2.15.0rc1+cu130-cp312-cp312-manylinux_2_28_x86_64.whl',
      'torchvision-0.30.0+cu130-cp312-cp312-manylinux_2_28_x86_64.whl',
    ].map((filename) => ({ filename, url: `https://x/${filename}`, metadata: false, yanked: false }));
    const found = versionsOn(files, 'torch');
    expect([...found.keys()]).toEqual(['2.15.0']);
    expect([...(found.get('2.15.0')?.pythons ?? [])]).toEqual(['3.12']);
    expect([...(found.get('2.15.0')?.freeThreaded ?? [])]).toEqual(['3.13']);
    // the same listing's aarch64 wheels, for linux/arm64
    const arm = versionsOn(files, 'torch', 'aarch64');
    expect([...arm.keys()]).toEqual(['2.15.0']);
    expect([...(arm.get('2.15.0')?.pythons ?? [])]).toEqual(['3.12']);
    expect(arm.get('2.15.0')?.files.map((f) => f.filename)).toEqual(['torch-2.15.0+cu130-cp312-cp312-manylinux_2_28_aarch64.whl']);
  });

  it('moves a CUDA entry to the update whose images exist, and says when none does', () => {
    const notes: string[] = [];
    const tags = new Set(['13.2.1-cudnn-runtime-ubuntu22.04', '13.2.1-cudnn-runtime-ubuntu24.04', '13.2.2-cudnn-runtime-ubuntu24.04']);
    const moved = cudaUpdates(data, tags, notes);
    expect(moved.map((c) => [c.version, c.release])).toEqual([['13.2', '13.2.1']]);
    expect(notes).toContain(
      'CUDA 13.2: the 13.2.0 images are gone; 13.2.1 has them (13.2.1-cudnn-runtime-ubuntu22.04, 13.2.1-cudnn-runtime-ubuntu24.04)',
    );
    expect(notes.some((n) => n.startsWith('CUDA 12.4: no 12.4.1-cudnn-runtime-ubuntu'))).toBe(true);
  });
});

describe('JAX and TensorFlow metadata, as refresh reads it', () => {
  const meta = (requiresDist: string[]) => ({ name: 'x', version: '1', requiresDist });

  it("jax's CUDA majors are its cudaNN extras (not cuda alone, not the _local ones)", () => {
    expect(
      cudaExtras(
        meta([
          'jaxlib<=0.7.2,>=0.7.2',
          'jax-cuda13-plugin[with-cuda]<=0.7.2,>=0.7.2; extra == "cuda13"',
          "jax-cuda12-plugin[with_cuda]<=0.7.2,>=0.7.2; extra == 'cuda12'",
          'jax-cuda12-plugin<=0.7.2,>=0.7.2; extra == "cuda12-local"',
          'jax-cuda12-plugin<=0.7.2,>=0.7.2; extra == "cuda"',
        ]),
      ),
    ).toEqual(['12', '13']);
  });

  it("tensorflow's and-cuda requirements: exact pins, lower bounds of ranges, other extras and platforms left out", () => {
    expect(
      andCudaRequirements(
        meta([
          'nvidia-cublas-cu12==12.5.3.2; extra == "and-cuda"',
          'nvidia-cusparse-cu12<13.0,>=12.5.1.3; extra == "and-cuda"',
          'nvidia_cudnn_cu12 (>=9.3.0.75); extra == "and_cuda"',
          'tensorrt==10.0; extra == "and-cuda" and platform_system == "Windows"',
          'nvidia-nccl-cu12==2.21.5; extra == "other"',
          'numpy>=1.26.0',
        ]),
      ),
    ).toEqual([
      { project: 'nvidia-cublas-cu12', version: '12.5.3.2', exact: true },
      { project: 'nvidia-cusparse-cu12', version: '12.5.1.3', exact: false },
      { project: 'nvidia-cudnn-cu12', version: '9.3.0.75', exact: false },
    ]);
    expect(numpyBound(meta(['numpy<2.0.0,>=1.23.5']))).toBe('<2');
    expect(numpyBound(meta(['numpy<2.2.0,>=1.26.0', 'numpy<2; extra == "old"']))).toBeUndefined();
  });

  it('a new tensorflow minor built for a CUDA the data lacks is named, not written', () => {
    const notes: string[] = [];
    const read = {
      minor: '2.30',
      patches: ['2.30.0'],
      pythons: new Set(['3.12']),
      meta: meta(['nvidia-cuda-runtime-cu13==13.9.1; extra == "and-cuda"', 'nvidia-cudnn-cu13==9.30.0.1; extra == "and-cuda"']),
    };
    expect(tfRelease(bundledCompat(), read, 'https://pypi.example/simple', '2026-12-02', notes)).toBeNull();
    expect(notes).toEqual([
      'tensorflow 2.30.0 is built for CUDA 13.9, and the data has no CUDA 13.9 entry (image tags, driver) ' +
        'nor a tensorflow release on it: not written',
    ]);
    const exact = tfRelease(
      bundledCompat(),
      {
        ...read,
        meta: meta(['nvidia-cuda-runtime-cu12==12.8.90; extra == "and-cuda"', 'nvidia-cudnn-cu12==9.8.0.87; extra == "and-cuda"']),
      },
      'https://pypi.example/simple',
      '2026-12-02',
      notes,
    );
    // exact pins install as tensorflow[and-cuda] says, with no constraints of the data's own
    expect([exact?.install, exact?.cudaLibraries, exact?.cuda, exact?.cudnn, exact?.os]).toEqual([
      'and-cuda',
      [],
      '12.8',
      '9.8',
      'ubuntu22.04',
    ]);
  });
});

describe('what refresh writes for TensorFlow and JAX, planned and rendered', () => {
  const meta = (requiresDist: string[]) => ({ name: 'x', version: '1', requiresDist });
  const ranges125 = meta([
    'numpy>=1.26.0',
    'nvidia-cuda-runtime-cu12<13.0,>=12.5.82; extra == "and-cuda"',
    'nvidia-cudnn-cu12<10.0,>=9.3.0.75; extra == "and-cuda"',
    'nvidia-cublas-cu12<13.0,>=12.5.3.2; extra == "and-cuda"',
  ]);

  it('a minor on CUDA 12.5 (no CUDA entry: TensorFlow 2.18-2.21 carry their own image) takes the image of the newest on it', () => {
    const notes: string[] = [];
    const r = tfRelease(
      bundledCompat(),
      { minor: '2.22', patches: ['2.22.0'], pythons: new Set(['3.12', '3.13']), meta: ranges125 },
      'https://pypi.example/simple',
      '2026-12-02',
      notes,
    );
    expect(r).toMatchObject({
      cuda: '12.5',
      cudnn: '9.3',
      install: 'and-cuda-constrained',
      baseImage: 'nvidia/cuda:12.5.1-base-ubuntu22.04',
      cudaFull: '12.5.1',
      minDriver: '555.42.02',
      provenance: { minDriver: 'inferred', baseImage: 'inferred' },
    });
    expect(r?.notes[0]).toContain('the data has no CUDA 12.5 entry: the image and driver of tensorflow 2.21 (inferred)');
  });

  it('the compat-file refresh writes renders a Dockerfile from the data it was planned with (a missing release is a user error)', () => {
    const release = tfRelease(
      bundledCompat(),
      { minor: '2.22', patches: ['2.22.0'], pythons: new Set(['3.12']), meta: ranges125 },
      'https://pypi.example/simple',
      '2026-12-02',
      [],
    );
    const data = mergeCompatFile(bundledCompat(), JSON.stringify({ schemaVersion: 1, tensorflow: [release] }), 'refresh.json');
    const [entry] = resolvePlan(specFromObject({ tensorflow: '2.22.0', python: '3.12' }, 'm'), data, { maxEntries: 4 }).include;
    expect(renderDockerfile(entry!, { data })).toContain('nvidia-cublas-cu12==12.5.3.2');
    expect(() => renderDockerfile(entry!)).toThrow(UserError);
    expect(() => renderDockerfile(entry!)).toThrow('tensorflow 2.22.0 is not in the release data');
  });

  it('a jax release whose CUDA extras the data cannot build is not written (it would plan CPU only as the newest jax)', () => {
    const notes: string[] = [];
    const read = { version: '0.99.0', pythons: new Set(['3.12']), extras: ['14'], uploaded: '2026-11-20' };
    expect(jaxRelease(bundledCompat(), read, 'https://pypi.example/simple', '2026-12-02', notes)).toBeNull();
    expect(notes).toEqual([
      'jax 0.99.0 has a cuda14 extra, but the data has no jaxCuda 14 entry (base image, driver): add one',
      'jax 0.99.0: not written, as none of its CUDA extras can be planned; add the jaxCuda entries, then refresh again',
    ]);
    // a CPU-only jax (no extras at all) is written
    expect(jaxRelease(bundledCompat(), { ...read, extras: [] }, 'https://pypi.example/simple', '2026-12-02', [])?.cuda).toEqual([]);
  });
});

describe('a new TensorFlow patch of a known minor', () => {
  const meta = (requiresDist: string[]) => ({ name: 'tensorflow', version: '2.21.1', requiresDist });
  const tf221 = () => bundledCompat().tensorflow.find((r) => r.minor === '2.21')!;

  it('is added where its and-cuda extra fits the constraints the minor holds', () => {
    const same = meta(['nvidia-cublas-cu12<13.0,>=12.5.3.2; extra == "and-cuda"']);
    expect(withPatches(tf221(), ['2.21.1'], same, [])?.patches).toEqual(['2.21.0', '2.21.1']);
  });

  it('is not added where it asks for a library above them (a fourth version number counts), with a note', () => {
    const notes: string[] = [];
    const raised = meta(['nvidia-cublas-cu12<13.0,>=12.5.3.7; extra == "and-cuda"', 'nvidia-nccl-cu12>=2.21.5; extra == "and-cuda"']);
    expect(withPatches(tf221(), ['2.21.1'], raised, notes)).toBeNull();
    expect(notes).toEqual([
      "tensorflow 2.21.1: not added to 2.21, as its and-cuda extra asks for nvidia-cublas-cu12>=12.5.3.7, above what 2.21's " +
        'constraints hold (==12.5.3.2): add it with a compat-file',
    ]);
  });
});
