import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveDockerfile } from '../src/effects/build-source.js';

// Where input dockerfile points, on a real folder: from the workspace (as `docker build -f` and
// docker/build-push-action's `file` read it), or from the context (this action's first reading).

const ws = mkdtempSync(path.join(tmpdir(), 'gim-dockerfile-'));
afterAll(() => rmSync(ws, { recursive: true, force: true }));
mkdirSync(path.join(ws, 'image/docker'), { recursive: true });
writeFileSync(path.join(ws, 'image/docker/Dockerfile'), 'FROM a\n');
writeFileSync(path.join(ws, 'Dockerfile.gpu'), 'FROM b\n');
writeFileSync(path.join(ws, 'image/Dockerfile.gpu'), 'FROM c\n');

describe('resolveDockerfile', () => {
  it('reads a path from the workspace, as build-push-action does', () => {
    expect(resolveDockerfile(ws, 'image', 'image/docker/Dockerfile')).toBe(path.join(ws, 'image/docker/Dockerfile'));
  });
  it('keeps a path from the context working where only it exists', () => {
    expect(resolveDockerfile(ws, 'image', 'docker/Dockerfile')).toBe(path.join(ws, 'image/docker/Dockerfile'));
  });
  it('takes the same file either way when context is the workspace', () => {
    expect(resolveDockerfile(ws, '.', 'Dockerfile.gpu')).toBe(path.join(ws, 'Dockerfile.gpu'));
  });
  it('refuses to guess when the two readings name two different files', () => {
    const refused = (): string => {
      try {
        resolveDockerfile(ws, 'image', 'Dockerfile.gpu', 'input dockerfile');
      } catch (err) {
        return (err as Error).message;
      }
      return 'no error';
    };
    expect(refused()).toMatch(/^input dockerfile: "Dockerfile\.gpu" names two files: .*\/Dockerfile\.gpu \(relative to the workspace/);
    expect(refused()).toMatch(/ and .*\/image\/Dockerfile\.gpu \(relative to the context\); give the path from the workspace/);
    expect(refused()).toMatch(/to the one you mean, e\.g\. "image\/Dockerfile\.gpu"$/);
  });
  it('says where it looked when neither exists', () => {
    expect(() => resolveDockerfile(ws, 'image', 'nope/Dockerfile')).toThrow(
      /does not exist \(looked for .*\/nope\/Dockerfile and .*\/image\/nope\/Dockerfile\)/,
    );
  });
});
