import { INPUTS, INPUT_GROUPS, type InputRow } from '../src/inputs/table.js';

/**
 * What the table of inputs (src/inputs/table.ts) writes into action.yml, docs/inputs.md and the
 * README. test/inputs.test.ts compares the files with these; `npm run docs` rewrites them.
 */

const rows = INPUTS as readonly InputRow[];

/** A markdown cell: pipes escaped, so a value cannot break the table. */
const cell = (text: string): string => text.replace(/\|/g, '\\|');

/** docs/inputs.md's tables, one per group, between the markers: each input's type, default and whole description. */
export function inputTables(): string {
  const out: string[] = [];
  for (const group of INPUT_GROUPS) {
    out.push('', `## ${group}`, '', '| name | type | default | description |', '|---|---|---|---|');
    for (const row of rows.filter((r) => r.group === group)) {
      out.push(`| \`${row.name}\` | ${row.type} | ${row.default ? `\`${row.default}\`` : ''} | ${cell(row.description)} |`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** The README's short form, between the same markers: the inputs of each group by name, linked to the group's table. */
export function readmeInputList(): string {
  const out: string[] = [''];
  for (const group of INPUT_GROUPS) {
    const names = rows.filter((r) => r.group === group).map((r) => `\`${r.name}\``);
    out.push(`- **${group}** ([all](docs/inputs.md#${group.toLowerCase()})): ${names.join(', ')}`);
  }
  return `${out.join('\n')}\n`;
}

/** Words wrapped to lines of at most `width` characters (a longer word stands alone). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** action.yml's `inputs:` section. */
export function actionYmlInputs(): string {
  const out: string[] = ['inputs:'];
  for (const row of rows) {
    out.push(`  ${row.name}:`, '    description: >-', ...wrap(row.description, 94).map((l) => `      ${l}`));
    out.push('    required: false', `    default: '${row.default.replace(/'/g, "''")}'`);
  }
  return `${out.join('\n')}\n`;
}
