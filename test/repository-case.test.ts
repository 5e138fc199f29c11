import { describe, expect, it } from 'vitest';
import { entryTags } from '../src/image/build-plan.js';
import { parseBuildOptions } from '../src/image/options.js';
import { lowercaseRepository, parseImageReference, parseRepository, parseTaggedReference } from '../src/image/reference.js';
import { fakeInputs, plan } from './helpers.js';

// Registries take lowercase repository names only (the OCI distribution-spec's <name> regex), and
// `ghcr.io/${{ github.repository }}` keeps the owner's capitals: such names are lowercased, as
// docker/metadata-action does, with a notice; tags keep their case.

describe('lowercaseRepository', () => {
  const cases: [string, string][] = [
    ['ghcr.io/Acme/PyTorch', 'ghcr.io/acme/pytorch'],
    ['Ghcr.IO/acme/pytorch', 'ghcr.io/acme/pytorch'],
    ['Localhost:5000/Team/App', 'localhost:5000/team/app'],
    ['ghcr.io/Acme/App:Latest-{tag}', 'ghcr.io/acme/app:Latest-{tag}'],
    ['127.0.0.1:5000/Team/X:{cudaMajor}-RC', '127.0.0.1:5000/team/x:{cudaMajor}-RC'],
    ['Nvidia/CUDA-{cudaMajor}:{cudaFull}-Runtime', 'nvidia/cuda-{cudaMajor}:{cudaFull}-Runtime'],
    ['Acme/App@sha256:ABC', 'acme/app@sha256:ABC'],
    ['Acme/App:V1@sha256:ABC', 'acme/app:V1@sha256:ABC'],
  ];
  for (const [written, expected] of cases) {
    it(`lowercases ${written} to ${expected}, with a notice naming both`, () => {
      const { text, notice } = lowercaseRepository(written, 'input image');
      expect(text).toBe(expected);
      expect(notice).toBe(
        `input image: ${JSON.stringify(written)} has capitals in its repository name; using ${JSON.stringify(expected)} ` +
          `(registries take lowercase repository names only${/:[^/]*$/.test(written.split('@')[0]!) ? '; the tag keeps its case' : ''})`,
      );
    });
  }
  for (const unchanged of ['ghcr.io/acme/pytorch', '{image}:{tag}-Main', 'ghcr.io/acme/app:Latest', '127.0.0.1:5000/team/x:{cudaMajor}'])
    it(`leaves ${unchanged} as it is, without a notice`, () =>
      expect(lowercaseRepository(unchanged, 'x')).toEqual({ text: unchanged, notice: null }));
});

describe('parsers take capitals in repository names and lowercase them', () => {
  it('parseRepository', () => {
    expect(parseRepository('Ghcr.io/Acme/PyTorch', 'input image')).toEqual({ registry: 'ghcr.io', path: 'acme/pytorch' });
    expect(parseRepository('Ubuntu', 'input image')).toEqual({ registry: 'docker.io', path: 'library/ubuntu' });
  });
  it('parseTaggedReference and parseImageReference (baseline, base images): the tag keeps its case', () => {
    expect(parseTaggedReference('ghcr.io/Acme/PT:Main-2.4', 'baseline')).toEqual({
      repo: { registry: 'ghcr.io', path: 'acme/pt' },
      tag: 'Main-2.4',
    });
    expect(parseImageReference('Nvidia/Cuda:12.4.1-Base', 'base image')).toMatchObject({
      repo: { registry: 'docker.io', path: 'nvidia/cuda' },
      tag: '12.4.1-Base',
    });
  });
  it('still refuses what is not a name whatever its case', () => {
    expect(() => parseRepository('ghcr.io/Acme/$(id)', 'input image')).toThrow(/input image: .* is not valid/);
    expect(() => parseRepository('ghcr.io/Acme/PT:Latest', 'input image')).toThrow(/has a tag or digest/);
  });
});

describe('build options: one notice per input that was changed', () => {
  it('lowercases the image and the repository of a tags line, keeps tags and bare tag lines as written', () => {
    const options = parseBuildOptions(
      fakeInputs({
        image: 'ghcr.io/Acme-Org/PyTorch',
        tags: 'Nightly-{tag}\nghcr.io/Acme-Org/Mirror:{tag}-Main\nghcr.io/acme-org/plain:{tag}',
      }),
    );
    expect(options.repository).toEqual({ registry: 'ghcr.io', path: 'acme-org/pytorch' });
    expect(options.tags).toEqual(['Nightly-{tag}', 'ghcr.io/acme-org/mirror:{tag}-Main', 'ghcr.io/acme-org/plain:{tag}']);
    expect(options.notices).toEqual([
      'input image: "ghcr.io/Acme-Org/PyTorch" has capitals in its repository name; using "ghcr.io/acme-org/pytorch" ' +
        '(registries take lowercase repository names only)',
      'input tags line 2: "ghcr.io/Acme-Org/Mirror:{tag}-Main" has capitals in its repository name; using ' +
        '"ghcr.io/acme-org/mirror:{tag}-Main" (registries take lowercase repository names only; the tag keeps its case)',
    ]);
    const [entry] = plan('torch: 2.4.1\ncuda: cpu\npython: "3.11"').include;
    expect(entryTags(entry!, options.repository, options.tags, 1)).toEqual([
      'ghcr.io/acme-org/pytorch:2.4.1-cpu-py3.11-ubuntu24.04',
      'ghcr.io/acme-org/pytorch:Nightly-2.4.1-cpu-py3.11-ubuntu24.04',
      'ghcr.io/acme-org/mirror:2.4.1-cpu-py3.11-ubuntu24.04-Main',
      'ghcr.io/acme-org/plain:2.4.1-cpu-py3.11-ubuntu24.04',
    ]);
  });

  it('has no notice for a lowercase image', () => {
    expect(parseBuildOptions(fakeInputs({ image: 'ghcr.io/acme/pytorch', tags: 'latest' })).notices).toEqual([]);
  });
});
