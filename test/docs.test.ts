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
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
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
    const [entry] = plan('torch: 2.4.1\ncuda: "12.4"').include;
    const section = readme.slice(readme.indexOf('### Entry fields'), readme.indexOf('## Inputs'));
    const fields = [...section.matchAll(/^\| `(\w+)` \| `[^`]*` \| /gm)].map((m) => m[1]);
    expect(fields.sort()).toEqual(Object.keys(entry ?? {}).sort());
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
