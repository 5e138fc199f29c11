import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cliSurface, parseCliArgs, usage } from '../src/inputs/cli-args.js';
import { readRequest } from '../src/inputs/read-request.js';
import { CLI_ONLY, INPUTS, type InputName, type InputRow, type Inputs } from '../src/inputs/table.js';
import { COMMANDS, type Command } from '../src/request.js';
import { actionYmlInputs, inputTables, readmeInputList } from '../scripts/inputs-docs.js';

// The table of inputs is the one place a setting is named: action.yml and the README are
// generated from it (UPDATE_DOCS=1, or `npm run docs`, rewrites them), the CLI parses by it, and
// the request reads exactly the inputs each command uses.

const root = path.resolve(import.meta.dirname, '..');
const rows = INPUTS as readonly InputRow[];
const update = process.env.UPDATE_DOCS === '1';

describe('inputs: action.yml and the README follow the table', () => {
  const actionFile = path.join(root, 'action.yml');
  const readmeFile = path.join(root, 'README.md');

  it('has action.yml inputs exactly as the table writes them (names, order, defaults, descriptions)', () => {
    let text = readFileSync(actionFile, 'utf8');
    const start = text.indexOf('\ninputs:\n') + 1;
    const end = text.indexOf('\noutputs:\n');
    if (update) writeFileSync(actionFile, (text = `${text.slice(0, start)}${actionYmlInputs()}${text.slice(end)}`));
    expect(text.slice(start, end)).toBe(actionYmlInputs());
    const inputs = (parse(text) as { inputs: Record<string, { description: string; default: string }> }).inputs;
    expect(Object.keys(inputs)).toEqual(rows.map((r) => r.name));
    for (const row of rows) expect(inputs[row.name]).toEqual({ description: row.description, required: false, default: row.default });
  });

  /** The text between a file's generated:inputs markers, rewritten first with UPDATE_DOCS=1. */
  const generated = (file: string, expected: string): string => {
    let text = readFileSync(file, 'utf8');
    const [startMark, endMark] = ['<!-- generated:inputs -->\n', '<!-- /generated:inputs -->'];
    const start = text.indexOf(startMark) + startMark.length;
    const end = text.indexOf(endMark);
    expect(start, file).toBeGreaterThan(startMark.length - 1);
    if (update) writeFileSync(file, (text = `${text.slice(0, start)}${expected}${text.slice(end)}`));
    return text.slice(text.indexOf(startMark) + startMark.length, text.indexOf(endMark));
  };

  it('has the input tables of docs/inputs.md exactly as the table writes them', () => {
    expect(generated(path.join(root, 'docs/inputs.md'), inputTables())).toBe(inputTables());
  });

  it("has the README's list of inputs exactly as the table writes it", () => {
    expect(generated(readmeFile, readmeInputList())).toBe(readmeInputList());
  });

  it('gives every row a summary for --help and a description for action.yml', () => {
    for (const row of rows) {
      expect(row.summary.length, row.name).toBeGreaterThan(10);
      expect(row.summary.length, row.name).toBeLessThanOrEqual(100);
      expect(row.description.length, row.name).toBeGreaterThanOrEqual(row.summary.length);
    }
  });
});

describe('inputs: every action input is a CLI flag', () => {
  it("has a flag for each input, or says why it is the action's alone", () => {
    for (const row of rows) {
      if ('actionOnly' in row.cli) expect(row.cli.actionOnly.length, row.name).toBeGreaterThan(20);
      else expect(row.cli.flag).toMatch(/^--[a-z][a-z-]*$/);
    }
    expect(rows.filter((r) => 'actionOnly' in r.cli).map((r) => r.name)).toEqual(['command', 'matrix']);
  });
  it("names each flag once, apart from the CLI's own", () => {
    const flags = rows.flatMap((r) => ('flag' in r.cli ? [r.cli.flag] : []));
    const own = CLI_ONLY.map((o) => o.flag.split(', ').pop());
    expect(new Set([...flags, ...own]).size).toBe(flags.length + own.length);
  });
  it("lists every flag in --help, and a command's --help only that command's flags", () => {
    const all = usage();
    for (const row of rows) if ('flag' in row.cli) expect(all).toContain(`  ${row.cli.flag}`);
    const plan = usage('plan');
    expect(plan).toMatch(/^Usage: gpu-image-matrix plan \[options\]/);
    expect(plan).toContain('--matrix FILE');
    expect(plan).not.toContain('--push');
    expect(usage('repro')).toContain('--baseline TEMPLATE');
    expect(usage('build')).not.toContain('--smoke-timeout');
  });
});

describe('inputs: each command reads exactly the inputs that list it', () => {
  /** Inputs that remember which were asked for, with values enough for every command. */
  function recording(): { inputs: Inputs; asked: Set<InputName> } {
    const values: Partial<Record<InputName, string>> = { matrix: 'torch: "2.4"\ncuda: cpu', image: '127.0.0.1:5000/x/y' };
    const asked = new Set<InputName>();
    return { asked, inputs: { get: (name) => (asked.add(name), values[name]), field: (name) => `input ${name}` } };
  }
  for (const command of COMMANDS) {
    it(`reads for ${command} what lists ${command}`, () => {
      const { inputs, asked } = recording();
      readRequest(command as Command, { kind: 'action', inputs, baseDir: root, readFile: () => ({ text: '', origin: '' }) });
      const expected = rows.filter((r) => r.name !== 'command' && r.commands.includes(command)).map((r) => r.name);
      expect([...asked].sort()).toEqual([...expected].sort());
    });
  }
});

describe('inputs: the CLI surface', () => {
  it('joins repeated flags one per line, turns switches into true, and reads --entry from JSON or a file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gim-cli-inputs-'));
    writeFileSync(path.join(dir, 'entry.json'), '{"from": "file"}');
    const { values } = parseCliArgs(['build', '--build-arg', 'A=1', '--build-arg', 'B=2', '--push', '--entry', 'entry.json']);
    const inputs = cliSurface(values, dir).inputs;
    expect(inputs.get('build-args')).toBe('A=1\nB=2');
    expect(inputs.get('push')).toBe('true');
    expect(inputs.get('fail-fast')).toBeUndefined();
    expect(inputs.get('entry')).toBe('{"from": "file"}');
    expect(inputs.field('build-args')).toBe('--build-arg');
    expect(cliSurface(parseCliArgs(['plan', '--entry', '{"inline": 1}']).values, dir).inputs.get('entry')).toBe('{"inline": 1}');
  });
  it('has no inline matrix: it reads the spec from a file', () => {
    const { values } = parseCliArgs(['plan']);
    const surface = cliSurface(values, root);
    expect(() => readRequest('plan', surface)).toThrow(/^no matrix given: set --matrix \(.*\) or --entry \(/);
  });
});
