import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// docs/architecture.md states the layout and the import rules; these tests hold src/ to it.

const root = path.resolve(import.meta.dirname, '..');
const src = path.join(root, 'src');
const page = readFileSync(path.join(root, 'docs/architecture.md'), 'utf8');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(path.join(dir, d.name)) : [path.relative(root, path.join(dir, d.name))],
  );
}
// Python's bytecode caches are the interpreter's, not the project's (and are git-ignored).
const sources = files(src).filter((f) => !f.includes('__pycache__'));

/** The modules a file imports, as paths relative to the repository root (type imports marked). */
function importsOf(file: string): { target: string; typeOnly: boolean }[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/^import (type )?[^;]*? from '(\.[^']+)';/gms)].map((m) => ({
    typeOnly: Boolean(m[1]),
    target: path.relative(root, path.resolve(path.dirname(path.join(root, file)), m[2]!)).replace(/\.js$/, '.ts'),
  }));
}

const CORE = [
  'frameworks',
  'matrix',
  'compat',
  'custom',
  'template',
  'image',
  'smoke',
  'repro',
  'verify',
  'refresh',
  'prune',
  'report',
].map((d) => `src/${d}/`);
const PURE_INPUTS = ['src/inputs/table.ts', 'src/inputs/values.ts', 'src/inputs/placeholders.ts'];
const ENTRIES = [
  'src/index.ts',
  'src/cli.ts',
  'src/action.ts',
  'src/inputs/read-request.ts',
  'src/inputs/action-inputs.ts',
  'src/inputs/cli-args.ts',
];
const isCore = (f: string): boolean => CORE.some((d) => f.startsWith(d)) || PURE_INPUTS.includes(f);

describe('architecture: docs/architecture.md names every file in src/', () => {
  for (const file of sources) {
    it(`names ${file}`, () => {
      const base = path.basename(file);
      const folder = `${path.dirname(file)}/`;
      expect(page.includes(file) || (page.includes(`\`${folder}\``) && page.includes(base)), `${file} in docs/architecture.md`).toBe(true);
    });
  }
});

describe('architecture: what may import what', () => {
  for (const file of sources.filter((f) => f.endsWith('.ts') && isCore(f))) {
    it(`${file} imports only the core`, () => {
      for (const { target, typeOnly } of importsOf(file)) {
        const allowedType = typeOnly && file.startsWith('src/report/') && target.startsWith('src/commands/');
        if (allowedType) continue;
        expect(
          target.startsWith('src/effects/') || target.startsWith('src/commands/') || ENTRIES.includes(target),
          `${file} imports ${target}`,
        ).toBe(false);
      }
    });
  }
  it('keeps the entries and surfaces out of everything else', () => {
    for (const file of sources.filter((f) => f.endsWith('.ts') && !ENTRIES.includes(f))) {
      for (const { target } of importsOf(file)) expect(ENTRIES.includes(target), `${file} imports ${target}`).toBe(false);
    }
  });
  it('asks a framework instead of testing entry.framework outside src/frameworks/', () => {
    for (const file of sources.filter((f) => f.endsWith('.ts') && !f.startsWith('src/frameworks/'))) {
      const text = readFileSync(path.join(root, file), 'utf8');
      expect(text, file).not.toMatch(/\.framework\s*[!=]==?\s*'(pytorch|tensorflow|jax)'/);
    }
  });
});
