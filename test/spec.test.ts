import { describe, expect, it } from 'vitest';
import { nestingDepth, parseMatrixSpec, parseMatrixSpecs } from '../src/matrix/spec.js';
import { parseCudaSelector, parseOsSelector, parsePythonSelector, parseVersionSelector } from '../src/matrix/selectors.js';

function specError(text: string): string {
  try {
    parseMatrixSpec(text, 'input matrix');
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error(`expected a parse error for ${JSON.stringify(text)}`);
}

describe('spec: numbers written unquoted stay as written', () => {
  const cases: [string, string][] = [
    ['YAML scalar', 'torch: 2.4\npython: 3.10'],
    ['YAML flow list', 'torch: [2.4]\npython: [3.10]'],
    ['YAML block list', 'torch:\n  - 2.4\npython:\n  - 3.10'],
    ['JSON number', '{"torch": 2.4, "python": 3.10}'],
    ['JSON list of numbers', '{"torch": [2.4], "python": [3.10]}'],
  ];
  for (const [name, text] of cases) {
    it(`keeps python 3.10 as "3.10" in a ${name}`, () => {
      const spec = parseMatrixSpec(text, 'matrix');
      expect(spec.axes.python?.[0]).toMatchObject({ kind: 'exact', version: '3.10' });
      expect(spec.versions?.[0]).toMatchObject({ kind: 'minor', minor: '2.4' });
    });
  }

  it('reads a CUDA major written as a number (12) as the major, not 12.0', () => {
    expect(parseMatrixSpec('torch: 2.4\ncuda: 12', 'm').axes.cuda?.[0]).toMatchObject({ kind: 'major', major: '12' });
  });

  it('reads include and exclude items', () => {
    const spec = parseMatrixSpec('torch: 2.4\nexclude:\n  - cuda: 11.8\ninclude:\n  - {torch: 2.3.1, python: 3.10}', 'm');
    expect(spec.exclude).toEqual([{ cuda: expect.objectContaining({ kind: 'minor', version: '11.8' }) }]);
    expect(spec.include[0]?.python).toMatchObject({ version: '3.10', field: 'matrix.include[0].python' });
  });
});

describe('spec: bad input is a clear error', () => {
  const cases: { name: string; text: string; message: RegExp }[] = [
    { name: 'malformed YAML', text: 'torch: [2.4\ncuda: 12', message: /^input matrix \(line \d+, column \d+\): not valid YAML or JSON: / },
    {
      name: 'malformed JSON',
      text: '{"torch": "2.4", "cuda": ["12.4"]',
      message: /^input matrix \(line 1, column \d+\): not valid YAML or JSON/,
    },
    { name: 'an empty spec', text: '  \n', message: /^input matrix: the matrix spec is empty; give at least torch/ },
    {
      name: 'a scalar where a mapping is expected',
      text: '2.4',
      message: new RegExp(
        '^input matrix: the matrix spec must be a mapping with keys torch, tensorflow, jax, cuda, python, ' +
          'os, flavor, platforms, apt-packages, pip-packages, requirements, pip-index-url, pip-extra-index-url, torch-index-url, ' +
          'pypi-index-url, env, workdir, user, post-install, base-image, tag-suffix, cuda-arch-list, ' +
          'include, exclude, aliases; got the value "2\\.4"',
      ),
    },
    {
      name: 'a list of specs with a scalar in it',
      text: '- torch: 2.4\n- 2.4',
      message: /^input matrix\[1\]: the matrix spec must be a mapping .*; got the value "2\.4"/,
    },
    { name: 'an empty list of specs', text: '[]', message: /^input matrix: an empty list of specs; give at least one/ },
    {
      name: 'an unknown key',
      text: 'torch: 2.4\ncudnn: 9',
      message: new RegExp(
        '^matrix: unknown key "cudnn"; accepted keys: torch, tensorflow, jax, cuda, python, ' +
          'os, flavor, platforms, apt-packages, pip-packages, requirements, pip-index-url, pip-extra-index-url, ' +
          'torch-index-url, pypi-index-url, env, workdir, user, post-install, base-image, tag-suffix, cuda-arch-list, ' +
          'include, exclude, aliases$',
      ),
    },
    { name: 'a misspelt key', text: 'torch: 2.4\npythons: 3.11', message: /unknown key "pythons".*\(did you mean python\?\)$/ },
    { name: 'a duplicate key', text: 'torch: 2.4\ntorch: 2.5', message: /not valid YAML or JSON: Map keys must be unique/ },
    {
      name: 'torch: banana',
      text: 'torch: banana',
      message: new RegExp(
        '^matrix\\.torch: "banana" is not valid; accepted: an exact version \\(2\\.4\\.1\\), a ' +
          'minor \\(2\\.4 = its latest patch\\), a semver range \\(">=2\\.5 <2\\.8"\\), latest, or for torch nightly or nightly-YYYYMMDD$',
      ),
    },
    {
      name: 'a mapping as a value',
      text: 'torch: {version: 2.4}',
      message: /^matrix\.torch: expected a value or a list of values, got a mapping$/,
    },
    { name: 'a list inside a list', text: 'torch: [[2.4]]', message: /^matrix\.torch\[0\]: expected a version, got a list$/ },
    { name: 'an empty list', text: 'torch: []', message: /^matrix\.torch: an empty list/ },
    { name: 'a key with no value', text: 'torch:\n', message: /^matrix\.torch: no value given$/ },
    { name: 'a CUDA point release', text: 'torch: 2.4\ncuda: 12.4.1', message: /^matrix\.cuda: "12\.4\.1" is not valid; .*write 12\.4$/ },
    {
      name: 'an unknown CUDA form',
      text: 'torch: 2.4\ncuda: 12.x',
      message: /^matrix\.cuda: "12\.x" is not valid; accepted: a CUDA minor \(12\.4\), a major/,
    },
    {
      name: 'a Python patch version',
      text: 'torch: 2.4\npython: 3.11.4',
      message: /^matrix\.python: "3\.11\.4" is not valid; .*write 3\.11$/,
    },
    { name: 'a free-threaded Python range', text: 'torch: 2.4\npython: ">=3.13t"', message: /is not valid; accepted: a Python minor/ },
    {
      name: 'an unknown OS',
      text: 'torch: 2.4\nos: rockylinux9',
      message: /^matrix\.os: "rockylinux9" is not valid; accepted: ubuntu<version>/,
    },
    {
      name: 'an unknown flavor',
      text: 'torch: 2.4\nflavor: base',
      message: /^matrix\.flavor: "base" is not valid; accepted: runtime or devel$/,
    },
    { name: 'axes without torch', text: 'cuda: 12.4', message: /^matrix\.torch is missing: the matrix has cuda but no torch versions/ },
    {
      name: 'include that is not a list',
      text: 'torch: 2.4\ninclude: {cuda: 12.4}',
      message: /^matrix\.include: expected a list of partial entries/,
    },
    {
      name: 'an include item with an unknown key',
      text: 'torch: 2.4\ninclude:\n  - {torch: 2.4, image: x}',
      message: /^matrix\.include\[0\]: unknown key "image"/,
    },
    {
      name: 'an include item with a list value',
      text: 'torch: 2.4\ninclude:\n  - {torch: [2.4, 2.5]}',
      message: /^matrix\.include\[0\]\.torch: expected one value, got a list/,
    },
    { name: 'an empty exclude item', text: 'torch: 2.4\nexclude:\n  - {}', message: /^matrix\.exclude\[0\]: an empty entry/ },
    {
      name: 'control characters in a value',
      text: '{"torch": "2.4\\u001b[31m"}',
      message: /^matrix\.torch: .* contains control characters$/,
    },
    {
      name: 'a huge spec',
      text: `torch: 2.4\n#${'x'.repeat(300 * 1024)}`,
      message: /^input matrix: the matrix spec is larger than 256 KiB/,
    },
  ];
  for (const c of cases) {
    it(`rejects ${c.name}`, () => {
      expect(specError(c.text)).toMatch(c.message);
    });
  }

  it('stops YAML alias bombs instead of expanding them', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefghi'[i]}`).join(', ')}]`),
      'torch: *i',
    ].join('\n');
    expect(specError(bomb)).toMatch(/not valid YAML or JSON/);
  });
});

describe('selectors', () => {
  const torch: [string, object][] = [
    ['latest', { kind: 'latest' }],
    ['2.4.1', { kind: 'exact', version: '2.4.1' }],
    ['2.4', { kind: 'minor', minor: '2.4' }],
    ['>=2.5 <2.8', { kind: 'range', text: '>=2.5 <2.8', range: '>=2.5.0 <2.8.0-0' }],
    ['2', { kind: 'range', text: '2', range: '>=2.0.0 <3.0.0-0' }],
    ['~2.4', { kind: 'range' }],
    ['2.4 - 2.6', { kind: 'range' }],
  ];
  for (const [text, expected] of torch) {
    it(`parses torch ${JSON.stringify(text)}`, () => expect(parseVersionSelector(text, 'f')).toMatchObject(expected));
  }
  for (const text of ['banana', '2.4.1.post1', '$(id)', 'latest;rm -rf /', '>=2.4 || banana', '']) {
    it(`rejects torch ${JSON.stringify(text)}`, () => expect(() => parseVersionSelector(text, 'f')).toThrow(/is not valid; accepted/));
  }

  const cuda: [string, object][] = [
    ['12.4', { kind: 'minor', version: '12.4' }],
    ['12', { kind: 'major', major: '12' }],
    ['cu124', { kind: 'minor', version: '12.4' }],
    ['cu130', { kind: 'minor', version: '13.0' }],
    ['CPU', { kind: 'cpu' }],
    ['default', { kind: 'default' }],
  ];
  for (const [text, expected] of cuda) {
    it(`parses cuda ${JSON.stringify(text)}`, () => expect(parseCudaSelector(text, 'f')).toMatchObject(expected));
  }

  const python: [string, object][] = [
    ['3.11', { kind: 'exact', version: '3.11' }],
    ['3.010', { kind: 'exact', version: '3.10' }],
    ['>=3.10 <3.13', { kind: 'range' }],
    ['default', { kind: 'default' }],
  ];
  for (const [text, expected] of python) {
    it(`parses python ${JSON.stringify(text)}`, () => expect(parsePythonSelector(text, 'f')).toMatchObject(expected));
  }

  it('accepts ubuntu22.04 and ubuntu-22.04 as the same OS', () => {
    expect(parseOsSelector('ubuntu-22.04', 'f')).toMatchObject({ kind: 'ubuntu', ubuntu: '22.04', text: 'ubuntu22.04' });
    expect(parseOsSelector('Ubuntu22.04', 'f')).toMatchObject({ ubuntu: '22.04' });
  });
});

describe('spec: deep nesting is refused before the YAML parser recurses (issue 17, found by the fuzz run)', () => {
  const deep = [
    ['100,000 flow brackets', '['.repeat(100_000)],
    ['62,500 nested flow mappings', `torch: ${'{a: '.repeat(62_500)}`],
    ['80,000 compact sequence items', '- '.repeat(80_000)],
    ['80,000 explicit keys', '? '.repeat(80_000)],
    ['33 brackets', `torch: ${'['.repeat(33)}2.4${']'.repeat(33)}`],
  ];
  for (const [name, text] of deep) {
    it(`refuses ${name}`, () => {
      expect(() => parseMatrixSpecs(text as string, 'matrix')).toThrow(/nests lists or mappings more than 32 levels deep/);
    });
  }
  it('counts what a spec nests, and brackets inside quotes not at all', () => {
    expect(nestingDepth('torch: [2.4, 2.5]\ncuda: "12"\ninclude:\n  - {torch: 2.4, cuda: ["12.1"]}\n  - torch: 2.5\n')).toBeLessThan(6);
    expect(nestingDepth(`torch: "${'['.repeat(100)}"`)).toBe(1);
    expect(nestingDepth('[ "]" '.repeat(40))).toBe(40);
  });
});
