import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSecrets } from '../src/effects/secret-files.js';
import { buildxArgs } from '../src/image/buildx.js';
import { parseBuildOptions } from '../src/image/options.js';
import { joinSecrets, parseSecretFiles, parseSecrets, redact, secretArgs, secretRedactions } from '../src/image/secrets.js';
import { planEntryBuild } from '../src/image/build-plan.js';
import { renderDockerfile } from '../src/template/dockerfile.js';
import { runCommand } from '../src/commands/index.js';
import type { Request } from '../src/request.js';
import type { Log } from '../src/runtime.js';
import { fakeInputs, plan, userErrorOf } from './helpers.js';

// Build secrets, the pure parts and the command's masking. What BuildKit does with them (a RUN
// step reads one, no layer or cache holds it) is in e2e-secrets.test.ts on the real builder.

const dir = mkdtempSync(path.join(tmpdir(), 'gim-secrets-unit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('secrets and secret-files: parsing', () => {
  it('reads id=value lines; the value may hold = and spaces', () => {
    expect(parseSecrets('hf_token=abc=def ghi\n# a comment\nnpm.rc=x y', 'input secrets')).toEqual([
      { id: 'hf_token', value: 'abc=def ghi' },
      { id: 'npm.rc', value: 'x y' },
    ]);
    expect(parseSecretFiles('pip=/tmp/x/netrc\nkey=rel/key.pem', 'input secret-files')).toEqual([
      { id: 'pip', file: '/tmp/x/netrc' },
      { id: 'key', file: 'rel/key.pem' },
    ]);
  });

  it('never quotes a value back in an error, whatever is wrong with the line', () => {
    const value = 'hunter2-very-secret';
    for (const line of [`bad id=${value}`, `=${value}`, value, `-dash=${value}`]) {
      const message = userErrorOf(() => parseSecrets(line, 'input secrets'));
      expect(message).toMatch(/^input secrets line 1: /);
      expect(message).not.toContain(value);
      expect(message).toContain('id=value');
    }
    expect(userErrorOf(() => parseSecrets('token=', 'input secrets'))).toMatch(/has no value after id=; is its id= missing\?$/);
    // a base64 token pasted without its id= splits at its padding: refused, and not shown
    const pasted = 'dXNlcjpwYXNzd29yZA==';
    const message = userErrorOf(() => parseSecrets(pasted, 'input secrets'));
    expect(message).not.toContain('dXNlcjpwYXNzd29yZA');
  });

  it('takes an id alone as the name of an environment variable holding the value (off the command line)', () => {
    expect(parseSecrets('HF_TOKEN', 'input secrets')).toEqual([{ id: 'HF_TOKEN', env: 'HF_TOKEN' }]);
    const loaded = loadSecrets(parseSecrets('HF_TOKEN', 'input secrets'), dir, { HF_TOKEN: 'hf-value-123' });
    expect(loaded.secrets).toEqual([{ id: 'HF_TOKEN', value: 'hf-value-123' }]);
    expect(loaded.redactions).toEqual(['hf-value-123']);
    expect(userErrorOf(() => loadSecrets(parseSecrets('HF_TOKEN', 'input secrets'), dir, {}))).toBe(
      'secrets: the environment variable HF_TOKEN named by an id-only line is not set, or empty',
    );
    // a lower-case name may be a token pasted without its id=: not shown
    expect(userErrorOf(() => loadSecrets(parseSecrets('ghp_abcdef123456', 'input secrets'), dir, {}))).not.toContain('ghp_');
  });

  it('refuses an id given twice across both inputs, naming both', () => {
    const message = userErrorOf(() =>
      joinSecrets(parseSecrets('pip=a', 'input secrets'), parseSecretFiles('pip=b', 'input secret-files'), {
        secrets: 'input secrets',
        files: 'input secret-files',
      }),
    );
    expect(message).toBe('input secret-files: secret id "pip" is given twice (also in input secrets); each id once');
  });

  it('refuses a path buildx could not take (a comma splits --secret)', () => {
    expect(userErrorOf(() => parseSecretFiles('pip=a,b', 'input secret-files'))).toContain('holds a comma');
  });

  it('reaches BuildOptions from the inputs', () => {
    const options = parseBuildOptions(fakeInputs({ image: 'ghcr.io/acme/pt', secrets: 'token=v1', 'secret-files': 'pip=netrc' }));
    expect(options.secrets).toEqual([
      { id: 'token', value: 'v1' },
      { id: 'pip', file: 'netrc' },
    ]);
  });
});

describe('secret files, loaded before anything builds', () => {
  it('makes relative paths absolute from the workspace and reads each line to mask', () => {
    writeFileSync(path.join(dir, 'netrc'), 'machine h\nlogin u\npassword p4ssw0rd-xyz\n');
    const loaded = loadSecrets(
      [
        { id: 'pip', file: 'netrc' },
        { id: 't', value: 'tok-123456' },
      ],
      dir,
    );
    expect(loaded.secrets).toEqual([
      { id: 'pip', file: path.join(dir, 'netrc') },
      { id: 't', value: 'tok-123456' },
    ]);
    expect(loaded.redactions).toEqual(expect.arrayContaining(['password p4ssw0rd-xyz', 'login u', 'tok-123456', 'machine h']));
  });

  it('fails on a missing, empty or oversized file, naming the id and the path', () => {
    expect(userErrorOf(() => loadSecrets([{ id: 'pip', file: 'nope' }], dir))).toBe(
      `secret-files (pip): "nope" does not exist (looked for ${path.join(dir, 'nope')})`,
    );
    writeFileSync(path.join(dir, 'empty'), '');
    expect(userErrorOf(() => loadSecrets([{ id: 'e', file: 'empty' }], dir))).toBe('secret-files (e): "empty" is empty');
    writeFileSync(path.join(dir, 'big'), Buffer.alloc(500 * 1024 + 1, 'a'));
    expect(userErrorOf(() => loadSecrets([{ id: 'b', file: 'big' }], dir))).toContain('BuildKit takes at most 512000 per secret');
  });
});

describe('secrets on the build command line', () => {
  const [entry] = plan('torch: 2.8.0\ncuda: cpu\npython: "3.12"').include;
  const options = parseBuildOptions(fakeInputs({ image: 'ghcr.io/acme/pt', secrets: 'token=s3cr3t-value' }));
  const build = planEntryBuild(
    entry!,
    options,
    { dockerfile: 'FROM x\n', contextDigest: 'd', entryCount: 1, supportsIgnoreError: true },
    { created: '2026-01-01T00:00:00Z', tempDir: dir },
  );

  it('passes a value by environment variable name only; a file by path', () => {
    const { args, env } = secretArgs([
      { id: 'token', value: 's3cr3t-value' },
      { id: 'pip', file: '/run/user/netrc' },
    ]);
    expect(args).toEqual(['--secret', 'id=token,env=GIM_BUILD_SECRET_0', '--secret', 'id=pip,src=/run/user/netrc']);
    expect(env).toEqual({ GIM_BUILD_SECRET_0: 's3cr3t-value' });
    const argv = buildxArgs(
      { build, file: 'Dockerfile', context: '.', push: true, load: false, metadataFile: 'm.json', secretArgs: args },
      { buildx: '0.29.1', buildkit: '0.25.2' },
    );
    expect(argv).toEqual(expect.arrayContaining(['--secret', 'id=token,env=GIM_BUILD_SECRET_0']));
    expect(argv.join(' ')).not.toContain('s3cr3t-value');
    // never as a build-arg or a label either
    expect(JSON.stringify(build)).not.toContain('s3cr3t-value');
  });
});

describe("the template's pip secret", () => {
  const [fromWheels] = plan('torch: 2.8.0\ncuda: "12.8"\npython: "3.12"\npip-packages: [acme==1.0]\nrequirements: r.txt').include;
  const [fromBase] = plan(
    'torch: 2.8.0\ncuda: "12.8"\npython: "3.12"\npip-packages: [acme==1.0]\nbase-image: "nvcr.io/nvidia/pytorch:25.01-py3"',
  ).include;

  it("mounts it in the team's package steps only, as NETRC, for uv and for pip", () => {
    const text = renderDockerfile(fromWheels!, { pipSecret: true });
    const mounts = text.split('\n').filter((l) => l.includes('type=secret'));
    // requirements and pip-packages; not the framework's own install
    expect(mounts).toHaveLength(2);
    for (const m of mounts) expect(m).toContain('--mount=type=secret,id=pip,target=/run/secrets/gim-pip,required=true');
    expect(text.match(/NETRC=\/run\/secrets\/gim-pip uv pip install/g)).toHaveLength(2);
    const torchStep = text.slice(0, text.indexOf('GIM_PIN'));
    expect(torchStep).not.toContain('secret');
    const base = renderDockerfile(fromBase!, { pipSecret: true });
    expect(base).toContain('NETRC=/run/secrets/gim-pip PIP_BREAK_SYSTEM_PACKAGES=1 python3 -m pip install');
  });

  it('leaves the Dockerfile (and so every content hash) as it was without one', () => {
    const text = renderDockerfile(fromWheels!);
    expect(text).not.toContain('secret');
    expect(text).toBe(renderDockerfile(fromWheels!, { pipSecret: false }));
  });
});

describe('redaction', () => {
  it('takes out the longest first, so no part of a value stays', () => {
    const r = secretRedactions([{ value: 'abcdef' }, { text: 'line one\nabcdefgh\nab\n' }]);
    // the whole file (a result may hold it with its newlines), each line, each value
    expect(r).toEqual(['line one\nabcdefgh\nab', 'line one', 'abcdefgh', 'abcdef']);
    expect(redact('x abcdefgh y abcdef z ab', r)).toBe('x *** y *** z ab');
  });

  it('runCommand masks each value and each line of each file before anything runs, and a missing file fails first', async () => {
    writeFileSync(path.join(dir, 'tokenfile'), 'file-secret-line-1\n');
    const masked: string[] = [];
    const printed: string[] = [];
    const log: Log = {
      info: (m) => printed.push(m),
      warning: (m) => printed.push(m),
      error: (m) => printed.push(m),
      group: (_n, fn) => fn(),
      untrusted: (m) => printed.push(m),
    };
    const options = parseBuildOptions(
      fakeInputs({
        image: '127.0.0.1:1/none',
        secrets: 'token=value-secret-9',
        'secret-files': 'f=tokenfile',
        dockerfile: 'missing/Dockerfile',
      }),
    );
    const request: Request = {
      command: 'build',
      matrix: { text: 'torch: 2.8.0\ncuda: cpu\npython: "3.12"', origin: 'test' },
      maxEntries: 10,
      build: options,
    };
    // The Dockerfile is not there: the command fails after the secrets were loaded and masked.
    await expect(
      runCommand(request, { log, env: {}, docker: 'docker', baseDir: dir, now: () => new Date(), mask: (s) => masked.push(s) }),
    ).rejects.toThrow(/dockerfile/);
    expect(masked).toEqual(expect.arrayContaining(['value-secret-9', 'file-secret-line-1']));
    await expect(
      runCommand(
        { ...request, build: { ...options, secrets: [{ id: 'f', file: 'gone' }] } },
        { log, env: {}, docker: 'docker', baseDir: dir, now: () => new Date() },
      ),
    ).rejects.toThrow('secret-files (f): "gone" does not exist');
  });
});
