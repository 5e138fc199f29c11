import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shellWord } from '../src/template/shell.js';
import { renderDockerfile } from '../src/template/dockerfile.js';
import { BASE_IMAGE, BUILDER, requireInfra } from './support/infra.js';
import { plan, planError } from './helpers.js';

// Issue 17 item 3: every value rendered into a RUN line goes through shellWord. The table holds
// each character a shell reads specially, alone and in the forms an attack would use them.
const VALUES = [
  'plain-1.0',
  'https://pypi.example/simple;id>/tmp/pwned;(uname)&',
  'a;b',
  'a&b',
  'a|b',
  'a<b',
  'a>b',
  '(a)',
  '$(id)',
  '${HOME}',
  '$HOME',
  '`id`',
  'a"b',
  "a'b",
  "''",
  'a\\b',
  'a\\',
  '*',
  '?',
  '[a]',
  '{a,b}',
  '~',
  '~root',
  '#comment',
  'a #b',
  '!x',
  'a b',
  '  ',
  '<<EOF',
  'numpy<2,>=1.26',
  'x=y',
  '-n',
  '%s',
  'é ü',
];

function shell(sh: string, words: string[]): string[] {
  // printf prints each word on its own line, as the shell split and unquoted it
  const out = execFileSync(sh, ['-c', `printf '%s\\n' ${words.join(' ')}`], { encoding: 'utf8' });
  return out.split('\n').slice(0, -1);
}

describe('shellWord: one quoting function for RUN lines', () => {
  for (const sh of ['dash', 'bash']) {
    it(`${sh} reads every quoted value back as exactly one word, unchanged`, () => {
      expect(shell(sh, VALUES.map(shellWord))).toEqual(VALUES);
    });
  }
  it('leaves plain words as they are and quotes the rest', () => {
    expect(shellWord('hello')).toBe('hello');
    expect(shellWord('https://pypi.example.com/simple')).toBe('https://pypi.example.com/simple');
    expect(shellWord('demo-pkg==1.0')).toBe("'demo-pkg==1.0'");
    expect(shellWord("a'b")).toBe(`'a'\\''b'`);
  });
  it('refuses a control character (it would end the Dockerfile instruction): a bug, not a rendering', () => {
    for (const bad of ['a\nRUN id', 'a\rb', 'a\u0000b', 'a\tb']) expect(() => shellWord(bad)).toThrow(/control character/);
  });
  it('the index URL of the security review is refused before it is rendered', () => {
    expect(planError('torch: 2.4.1\ncuda: cpu\npip-index-url: "https://pypi.example/simple;id>/tmp/pwned;(uname)&"')).toMatch(
      /pip-index-url: .* contains ";"/,
    );
  });
  it('renders the values a team sets quoted where a shell would read them', () => {
    const [entry] = plan(
      [
        'torch: 2.4.1',
        'cuda: cpu',
        'pip-index-url: "https://pypi.example/simple?x=[1]#frag"',
        'pip-extra-index-url: "https://extra.example/simple?a=~b"',
        'pip-packages: ["numpy<2", "demo"]',
        'apt-packages: [hello]',
        'workdir: /srv/app',
        'user: "app:1001"',
      ].join('\n'),
    ).include;
    const text = renderDockerfile(entry!, {});
    expect(text).toContain("--index-url 'https://pypi.example/simple?x=[1]#frag'");
    expect(text).toContain("--extra-index-url 'https://extra.example/simple?a=~b'");
    expect(text).toContain("'numpy<2' demo");
    expect(text).toContain('--uid 1001 app');
  });
});

describe('shellWord on real BuildKit: the Dockerfile frontend and /bin/sh in the image read the values back unchanged', () => {
  it('builds a RUN line of every quoted value and gets each back', () => {
    requireInfra();
    const dir = mkdtempSync(path.join(tmpdir(), 'gim-shell-'));
    try {
      const values = VALUES.filter((v) => v.trim() !== '');
      writeFileSync(
        path.join(dir, 'Dockerfile'),
        `FROM ${BASE_IMAGE} AS run\nRUN printf '%s\\n' ${values.map(shellWord).join(' ')} > /words\n` +
          'FROM scratch\nCOPY --from=run /words /words\n',
      );
      execFileSync('docker', ['buildx', 'build', '--builder', BUILDER, '--output', `type=local,dest=${path.join(dir, 'out')}`, dir], {
        stdio: 'pipe',
        timeout: 180_000,
      });
      expect(readFileSync(path.join(dir, 'out/words'), 'utf8').split('\n').slice(0, -1)).toEqual(values);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
