import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { plan } from './helpers.js';
import { planCommand } from '../src/commands/plan.js';

const root = path.resolve(import.meta.dirname, '..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
/** The README and every page of docs/, by path relative to the repository root. */
const pages = new Map<string, string>([
  ['README.md', readme],
  ...readdirSync(path.join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f): [string, string] => [`docs/${f}`, readFileSync(path.join(root, 'docs', f), 'utf8')]),
]);
const action = parse(readFileSync(path.join(root, 'action.yml'), 'utf8')) as {
  runs: { using: string; main: string };
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
};

const attestWorkflow = parse(readFileSync(path.join(root, '.github/workflows/attest.yml'), 'utf8')) as {
  on: { workflow_call: { inputs: Record<string, unknown> } };
};

const INPUTS_START = '<!-- generated:inputs -->';
const INPUTS_END = '<!-- /generated:inputs -->';

/** Cells of a markdown table row, trimmed; [] for lines that are not rows. */
function cells(line: string): string[] {
  if (!line.trim().startsWith('|')) return [];
  return line
    .trim()
    .split('|')
    .slice(1, -1)
    .map((c) => c.trim());
}

const isRule = (row: string[]): boolean => row.every((c) => /^:?-+:?$/.test(c));

/** The tables in a piece of markdown: each a header and its rows, cells with backticks removed. */
function tables(text: string): { header: string[]; rows: string[][] }[] {
  const found: { header: string[]; rows: string[][] }[] = [];
  let current: { header: string[]; rows: string[][] } | null = null;
  for (const line of text.split('\n')) {
    const row = cells(line).map((c) => c.replace(/`/g, ''));
    if (!row.length) current = null;
    else if (!current) found.push((current = { header: row, rows: [] }));
    else if (!isRule(row)) current.rows.push(row);
  }
  return found;
}

/** Markdown without its fenced code blocks (whose `#` lines are not headings). */
const withoutCode = (text: string): string => text.replace(/^```[\s\S]*?^```/gm, '');

/** The headings of a page: level and text. */
function headings(text: string): { level: number; text: string }[] {
  return [...withoutCode(text).matchAll(/^(#{1,6}) +(.+?) *$/gm)].map((m) => ({ level: m[1]!.length, text: m[2]! }));
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The text under a heading, up to the next heading of the same or a higher level. */
function sectionOf(text: string, title: string): string | undefined {
  const lines = text.split('\n');
  // a line's heading level, 0 for other lines and for lines inside fenced code
  let fenced = false;
  const level = lines.map((l) => {
    if (l.startsWith('```')) fenced = !fenced;
    return fenced ? 0 : (/^(#{1,6}) /.exec(l)?.[1]?.length ?? 0);
  });
  const start = lines.findIndex((l, i) => level[i]! > 0 && l.replace(/^#+ +/, '').trim() === title);
  if (start < 0) return undefined;
  const end = level.findIndex((n, i) => i > start && n > 0 && n <= level[start]!);
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** Fenced YAML blocks of every page, with where they are. */
const yamlBlocks = [...pages].flatMap(([page, text]) =>
  [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => ({ page, text: m[1] ?? '' })),
);

describe('docs: README and action.yml agree', () => {
  it('runs on node24 from the committed bundle', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  describe('docs/inputs.md: the input tables between the generated:inputs markers', () => {
    const page = pages.get('docs/inputs.md') ?? '';
    const start = page.indexOf(INPUTS_START);
    const end = page.indexOf(INPUTS_END);
    const block = start >= 0 && end > start ? page.slice(start + INPUTS_START.length, end) : '';
    const groups = tables(block);

    it('are there, once', () => {
      expect(start, `docs/inputs.md has ${INPUTS_START}`).toBeGreaterThan(0);
      expect(end, `docs/inputs.md has ${INPUTS_END} after it`).toBeGreaterThan(start);
      expect(page.indexOf(INPUTS_START, start + 1)).toBe(-1);
    });

    it('have the columns name, type, default, description', () => {
      expect(groups.length).toBeGreaterThan(0);
      for (const t of groups) expect(t.header).toEqual(['name', 'type', 'default', 'description']);
    });

    it('list every input of action.yml once, with its type and default, and no other', () => {
      const rows = groups.flatMap((t) => t.rows);
      const names = rows.map((r) => r[0]);
      expect([...names].sort()).toEqual(Object.keys(action.inputs).sort());
      expect(new Set(names).size, 'each input once').toBe(names.length);
      for (const [name, type, dflt, description] of rows) {
        const input = action.inputs[name!]!;
        expect(dflt, `default of ${name}`).toBe(input.default ?? '');
        expect(type, `type of ${name}`).not.toBe('');
        expect(description?.length, `description of ${name}`).toBeGreaterThan(10);
        expect(input.description.length, `action.yml description of ${name}`).toBeGreaterThan(20);
      }
    });
  });

  it("names every input once under the README's Inputs, linking to docs/inputs.md", () => {
    const section = sectionOf(readme, 'Inputs') ?? '';
    expect(section).toContain(INPUTS_START);
    expect(section).toContain('](docs/inputs.md');
    const names = [...section.matchAll(/`([a-z][a-z0-9-]*)`/g)].map((m) => m[1]);
    const listed = names.filter((n) => n! in action.inputs);
    expect([...new Set(listed)].sort()).toEqual(Object.keys(action.inputs).sort());
  });

  it('lists every output of action.yml and no other', () => {
    const section = sectionOf(readme, 'Outputs') ?? '';
    const table = tables(section)[0];
    expect(table?.header).toEqual(['name', 'description']);
    expect((table?.rows ?? []).map((r) => r[0]).sort()).toEqual(Object.keys(action.outputs).sort());
  });

  it('documents every entry field the planner emits', () => {
    const where = [...pages].filter(([, text]) => sectionOf(text, 'Entry fields') !== undefined);
    expect(
      where.map(([page]) => page),
      'one page has an "Entry fields" heading',
    ).toHaveLength(1);
    const section = sectionOf(where[0]![1], 'Entry fields')!;
    // a customised torch devel entry has every field, customisation and cudaArchList included; tensorflow and jax entries add
    // their version fields
    const [entry] = planCommand({
      command: 'plan',
      matrix: { text: 'torch: 2.4.1\ncuda: "12.4"\nflavor: devel\nuser: app\naliases: {latest: {torch: latest}}', origin: 'm' },
      maxEntries: 10,
    }).include;
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

describe('docs: the README reads in five minutes', () => {
  it('is under 15,000 bytes', () => {
    expect(Buffer.byteLength(readme, 'utf8')).toBeLessThan(15_000);
  });

  it('has a table of contents whose links point at its headings, covering every section', () => {
    const contents = sectionOf(readme, 'Contents');
    expect(contents, 'README has a "## Contents" section').toBeDefined();
    const links = [...(contents ?? '').matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]);
    const anchors = headings(readme).map((h) => slug(h.text));
    expect(links.length).toBeGreaterThanOrEqual(5);
    for (const link of links) expect(anchors, `#${link}`).toContain(link);
    const sections = headings(readme)
      .filter((h) => h.level === 2 && h.text !== 'Contents')
      .map((h) => slug(h.text));
    expect(sections.filter((s) => !links.includes(s))).toEqual([]);
  });

  it('has a Quick start that is a workflow using the published action', () => {
    const quick = sectionOf(readme, 'Quick start') ?? '';
    const workflow = /```yaml\n([\s\S]*?)```/.exec(quick)?.[1] ?? '';
    expect(workflow).toContain('jobs:');
    expect(workflow).toContain('uses: gpu-image-matrix/gpu-image-matrix@v1');
  });

  it('names the action by its published name everywhere', () => {
    for (const [page, text] of pages) {
      expect(text, page).not.toMatch(/<owner>/);
      for (const m of text.matchAll(/uses: (\S*gpu-image-matrix\S*)/g)) {
        expect(m[1], page).toMatch(/^gpu-image-matrix\/gpu-image-matrix(\/\.github\/workflows\/(gpu-images|attest)\.yml)?@v1$/);
      }
    }
  });

  it('links only to files and headings that exist', () => {
    for (const [page, text] of pages) {
      const dir = path.dirname(path.join(root, page));
      for (const m of withoutCode(text).matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1]!;
        if (/^[a-z]+:/.test(target)) continue;
        const [file, anchor] = target.split('#');
        const full = file ? path.resolve(dir, file) : path.join(root, page);
        expect(existsSync(full), `${page} links to ${target}`).toBe(true);
        if (anchor && full.endsWith('.md')) {
          const anchors = headings(readFileSync(full, 'utf8')).map((h) => slug(h.text));
          expect(anchors, `${page} links to ${target}`).toContain(anchor);
        }
      }
    }
  });
});

describe('docs: the matrix spec examples plan without error', () => {
  const examples = yamlBlocks.filter((b) => !b.text.includes('jobs:') && !b.text.includes('uses:'));
  it('has examples to check', () => expect(examples.length).toBeGreaterThanOrEqual(3));
  it('has 2 or 3 in the README', () => expect(examples.filter((b) => b.page === 'README.md').length).toBeGreaterThanOrEqual(2));
  for (const { page, text } of examples) {
    it(`plans: ${page}: ${text.split('\n')[0]}`, () => {
      expect(plan(text).include.length).toBeGreaterThan(0);
    });
  }
});

describe('docs: the workflow snippets use only inputs that exist', () => {
  const reusable = parse(readFileSync(path.join(root, '.github/workflows/gpu-images.yml'), 'utf8')) as {
    on: { workflow_call: { inputs: Record<string, unknown> } };
  };
  const snippets = yamlBlocks.filter((b) => b.text.includes('uses:'));
  type Use = { uses: string; with: Record<string, unknown> };
  const visit = (node: unknown, found: Use[]): void => {
    if (Array.isArray(node)) node.forEach((n) => visit(n, found));
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.uses === 'string' && o.with && typeof o.with === 'object')
        found.push({ uses: o.uses, with: o.with as Record<string, unknown> });
      Object.values(o).forEach((v) => visit(v, found));
    }
  };
  it('has snippets to check, with steps or jobs that pass inputs', () => {
    const found: Use[] = [];
    for (const { text } of snippets) visit(parse(text), found);
    expect(found.filter((f) => /gpu-image-matrix/.test(f.uses)).length).toBeGreaterThanOrEqual(5);
  });
  for (const { page, text } of snippets) {
    it(`checks: ${page}: ${text.trim().split('\n')[0]}`, () => {
      const found: Use[] = [];
      visit(parse(text), found);
      for (const f of found) {
        if (/^gpu-image-matrix\/gpu-image-matrix@/.test(f.uses)) {
          for (const key of Object.keys(f.with)) expect(action.inputs, `${page} passes ${key}`).toHaveProperty([key]);
        }
        if (/gpu-images\.yml@/.test(f.uses)) {
          for (const key of Object.keys(f.with)) expect(reusable.on.workflow_call.inputs, `${page} passes ${key}`).toHaveProperty([key]);
        }
        if (/attest\.yml@/.test(f.uses)) {
          for (const key of Object.keys(f.with))
            expect(attestWorkflow.on.workflow_call.inputs, `${page} passes ${key}`).toHaveProperty([key]);
        }
      }
    });
  }
});
