import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { plan } from './helpers.js';

const root = path.resolve(import.meta.dirname, '..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const action = parse(readFileSync(path.join(root, 'action.yml'), 'utf8')) as {
  runs: { using: string; main: string };
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
};

/** Rows of the markdown table under a `## heading`: first cell (backticks removed) -> second cell. */
function tableUnder(heading: string): Map<string, string> {
  const section = readme.split(/^## /m).find((s) => s.startsWith(`${heading}\n`));
  if (!section) throw new Error(`README has no "## ${heading}" section`);
  const rows = new Map<string, string>();
  for (const line of section.split('\n')) {
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    if (cells.length < 2 || cells[0] === 'name' || /^-+$/.test(cells[0] ?? '')) continue;
    rows.set((cells[0] ?? '').replace(/`/g, ''), (cells[1] ?? '').replace(/`/g, ''));
  }
  return rows;
}

describe('docs: README and action.yml agree', () => {
  it('runs on node24 from the committed bundle', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('lists every input of action.yml, with its default, and no other', () => {
    const documented = tableUnder('Inputs');
    expect([...documented.keys()].sort()).toEqual(Object.keys(action.inputs).sort());
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(documented.get(name), `default of ${name}`).toBe(input.default ?? '');
      expect(input.description.length, `description of ${name}`).toBeGreaterThan(20);
    }
  });

  it('lists every output of action.yml and no other', () => {
    expect([...tableUnder('Outputs').keys()].sort()).toEqual(Object.keys(action.outputs).sort());
  });

  it('documents every entry field the planner emits', () => {
    // a customised torch entry has every field, customisation included; tensorflow and jax entries add their version fields
    const [entry] = plan('torch: 2.4.1\ncuda: "12.4"\nuser: app').include;
    const section = readme.slice(readme.indexOf('### Entry fields'), readme.indexOf('## Inputs'));
    const fields = [...section.matchAll(/^\| `(\w+)` \| `[^`]*` \| /gm)].map((m) => m[1]);
    expect(fields.sort()).toEqual(Object.keys(entry ?? {}).sort());
    for (const other of ['tensorflow: "2.18"', 'jax: "0.8"']) {
      const e = plan(other).include[0]!;
      const extra = Object.keys(e).filter((k) => !fields.includes(k));
      expect(extra).toEqual([e.framework]);
      expect(section).toContain(`a ${e.framework} entry`);
    }
  });
});

describe('docs: the matrix spec examples in the README plan without error', () => {
  const examples = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)]
    .map((m) => m[1] ?? '')
    .filter((text) => !text.includes('jobs:') && !text.includes('uses:'));
  it('has examples to check', () => expect(examples.length).toBeGreaterThanOrEqual(3));
  for (const text of examples) {
    it(`plans: ${text.split('\n')[0]}`, () => {
      expect(plan(text).include.length).toBeGreaterThan(0);
    });
  }
});

describe('docs: the workflow snippets in the README use only inputs that exist', () => {
  const reusable = parse(readFileSync(path.join(root, '.github/workflows/gpu-images.yml'), 'utf8')) as {
    on: { workflow_call: { inputs: Record<string, unknown> } };
  };
  const snippets = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '').filter((t) => t.includes('uses:'));
  const visit = (node: unknown, found: { uses: string; with: Record<string, unknown> }[]): void => {
    if (Array.isArray(node)) node.forEach((n) => visit(n, found));
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.uses === 'string' && o.with && typeof o.with === 'object')
        found.push({ uses: o.uses, with: o.with as Record<string, unknown> });
      Object.values(o).forEach((v) => visit(v, found));
    }
  };
  it('has snippets to check, with steps or jobs that pass inputs', () => {
    const found: { uses: string; with: Record<string, unknown> }[] = [];
    for (const text of snippets) visit(parse(text), found);
    expect(found.filter((f) => /gpu-image-matrix/.test(f.uses)).length).toBeGreaterThanOrEqual(5);
  });
  for (const text of snippets) {
    it(`checks: ${text.trim().split('\n')[0]}`, () => {
      const found: { uses: string; with: Record<string, unknown> }[] = [];
      visit(parse(text), found);
      for (const f of found) {
        if (/^gpu-image-matrix\/gpu-image-matrix@/.test(f.uses)) {
          for (const key of Object.keys(f.with)) expect(action.inputs, `README passes ${key}`).toHaveProperty([key]);
        }
        if (/gpu-images\.yml@/.test(f.uses)) {
          for (const key of Object.keys(f.with)) expect(reusable.on.workflow_call.inputs, `README passes ${key}`).toHaveProperty([key]);
        }
      }
    });
  }
});
